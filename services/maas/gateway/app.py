"""Composition of the gateway: routing table -> forwarding use cases -> gRPC server."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from grpc import aio

from maas.gateway.routing import Replica, RoutingTable
from maas.gateway.service import Gateway, Upstreams
from maas.gateway.servicer import SERVICE_NAME, GatewayServicer, add_to_server
from maas.transport.server import (
    MAX_MESSAGE_BYTES,
    GrpcServer,
    ServiceBinding,
    channel_options,
    start_server,
)
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc

log = logging.getLogger(__name__)


class GatewayHandle:
    """A running gateway: its port, and its routing table, which can be replaced."""

    def __init__(self, server: GrpcServer, gateway: Gateway) -> None:
        self.server = server
        self.gateway = gateway
        self._loop = asyncio.get_running_loop()

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def table(self) -> RoutingTable | None:
        return self.gateway.table

    @table.setter
    def table(self, table: RoutingTable) -> None:
        """Replace the placement from another thread; returns once the gateway routes by it."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run_coroutine_threadsafe(self.set_table(table), self._loop).result()
            return
        raise RuntimeError("on an event loop, use `await handle.set_table(table)`")

    async def set_table(self, table: RoutingTable) -> None:
        """Replace the placement atomically (on the gateway's loop); the first table
        makes the gateway ready."""
        first = self.gateway.table is None
        self.gateway.set_table(table)
        if first:
            await self.server.set_serving(True)


@asynccontextmanager
async def run_gateway(
    table: RoutingTable | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    max_message_bytes: int = MAX_MESSAGE_BYTES,
    shutdown_grace_s: float = 10.0,
) -> AsyncIterator[GatewayHandle]:
    """Serve the gateway until the context exits, then drain calls and close channels.

    Without a table the gateway is live but not ready (health NOT_SERVING) until one is
    set through the handle.
    """
    async with gateway_service(
        table, max_message_bytes=max_message_bytes, close_grace_s=shutdown_grace_s
    ) as (gateway, binding):
        server = await start_server(
            [binding], host=host, port=port, max_message_bytes=max_message_bytes
        )
        try:
            if table is not None:
                await server.set_serving(True)
            log.info("gateway serving on %s:%d", host, server.port)
            yield GatewayHandle(server, gateway)
        finally:
            await server.stop(shutdown_grace_s)


@asynccontextmanager
async def gateway_service(
    table: RoutingTable | None = None,
    *,
    max_message_bytes: int = MAX_MESSAGE_BYTES,
    close_grace_s: float = 10.0,
) -> AsyncIterator[tuple[Gateway, ServiceBinding]]:
    """The gateway as a service to host on any server (the scheduler serves it beside
    its own API, on one port). Stop that server before leaving the context: leaving it
    closes the channels to the replicas."""
    upstreams = Upstreams(max_message_bytes, close_grace_s=close_grace_s)
    gateway = Gateway(upstreams, table)
    servicer = GatewayServicer(gateway)
    try:
        yield gateway, ServiceBinding(SERVICE_NAME, lambda s: add_to_server(servicer, s))
    finally:
        await upstreams.close()


async def table_from_workers(addresses: Sequence[str], timeout_s: float = 10.0) -> RoutingTable:
    """A static table: each worker is one replica of the models it reports ready.

    For running a gateway without a scheduler (benchmarks, tests, a laptop).
    """
    replicas = []
    for address in addresses:
        async with aio.insecure_channel(address, options=channel_options()) as channel:
            stub = pb_grpc.GRPCInferenceServiceStub(channel)
            index: pb.RepositoryIndexResponse = await stub.RepositoryIndex(
                pb.RepositoryIndexRequest(ready=True), timeout=timeout_s, wait_for_ready=True
            )
        models: dict[str, set[str]] = {}
        for entry in index.models:
            models.setdefault(entry.name, set()).add(entry.version)
        replicas.append(
            Replica(address, address, {name: frozenset(v) for name, v in models.items()})
        )
    return RoutingTable(tuple(replicas))
