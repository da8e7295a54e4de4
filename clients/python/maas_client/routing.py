"""Inference straight to the workers, skipping the gateway hop.

`RoutingClient` follows a scheduler's routing table (WatchRoutes, from whichever of the
given schedulers answers) and sends each request to a ready replica itself, exactly as
the gateway would: to the replica with the fewest requests outstanding from this
client, and once more to another replica when the first is going away (UNAVAILABLE).
While no scheduler can be reached it keeps routing by the last table it got.

    async with RoutingClient(["sched-1:50051", "sched-2:50051"]) as client:
        outputs = await client.infer("resnet", {"INPUT0": batch})
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Final, Self

import grpc
import numpy as np
from grpc import aio

from maas.errors import MaasError
from maas.gateway.routing import RoutingTable
from maas.gateway.service import INFER, Gateway, UpstreamError, Upstreams
from maas.scheduler.grpc.converters import routing_table_to_domain
from maas.transport.errors import status_of
from maas.transport.server import MAX_MESSAGE_BYTES
from maas_client.inference import build_request, read_response, traced
from maas_proto import grpc_service_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as scheduler_pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as scheduler_grpc

log = logging.getLogger(__name__)

_RETRY_INITIAL_S: Final = 0.1
_RETRY_MAX_S: Final = 2.0


class RoutingError(Exception):
    """A request failed: no ready replica (UNAVAILABLE), an unknown model (NOT_FOUND),
    or the status a worker answered with."""

    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(f"{code.name}: {details}")
        self.code = code
        self.details = details


class RoutingClient:
    """asyncio client routing to workers itself (see the module docstring).

    `timeout` (seconds) becomes each call's deadline, retry included; `connect_timeout`
    bounds how long entering the client waits for a first routing table.
    """

    def __init__(
        self,
        schedulers: str | Sequence[str],
        *,
        timeout: float | None = None,
        connect_timeout: float = 10.0,
        max_message_bytes: int = MAX_MESSAGE_BYTES,
    ) -> None:
        self._schedulers = [schedulers] if isinstance(schedulers, str) else list(schedulers)
        if not self._schedulers:
            raise ValueError("give at least one scheduler address")
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        self._upstreams = Upstreams(max_message_bytes)
        self._gateway = Gateway(self._upstreams)
        self._routed = asyncio.Event()
        self._follower: asyncio.Task[None] | None = None

    @property
    def table(self) -> RoutingTable | None:
        """The routing table in use; None before the first one arrived."""
        return self._gateway.table

    async def infer(
        self,
        model: str,
        inputs: Mapping[str, np.ndarray],
        outputs: Sequence[str] = (),
        *,
        version: str = "",
        request_id: str = "",
    ) -> dict[str, np.ndarray]:
        request = build_request(model, inputs, outputs, version, request_id).SerializeToString()
        deadline = None if self._timeout is None else time.monotonic() + self._timeout
        try:
            # The same CLIENT span and trace context as `AsyncInferenceClient.infer`.
            with traced("ModelInfer") as metadata:
                response = await self._gateway.forward(INFER, request, deadline, metadata)
        except UpstreamError as error:
            raise RoutingError(error.code, error.details) from None
        except MaasError as error:
            # Refused without awaiting anything: yield once, so that a caller retrying
            # in a loop cannot starve the task that brings the next routing table.
            await asyncio.sleep(0)
            raise RoutingError(*status_of(error)) from None
        return read_response(pb.ModelInferResponse.FromString(response))

    async def start(self) -> None:
        """Follow the routing table, and wait for a first one."""
        if self._follower is None:
            self._follower = asyncio.create_task(self._follow(), name="routing table")
        try:
            async with asyncio.timeout(self._connect_timeout):
                await self._routed.wait()
        except TimeoutError:
            await self.close()
            raise RoutingError(
                grpc.StatusCode.UNAVAILABLE,
                f"no routing table from {', '.join(self._schedulers)} "
                f"within {self._connect_timeout}s",
            ) from None

    async def close(self) -> None:
        if self._follower is not None:
            self._follower.cancel()
            await asyncio.wait({self._follower})
            self._follower = None
        await self._upstreams.close()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def _follow(self) -> None:
        """Watch the routes, moving on to the next scheduler whenever one goes away."""
        delay = _RETRY_INITIAL_S
        turn = 0
        while True:
            address = self._schedulers[turn % len(self._schedulers)]
            turn += 1
            try:
                async with aio.insecure_channel(address) as channel:
                    stub = scheduler_grpc.SchedulerServiceStub(channel)
                    async for message in stub.WatchRoutes(scheduler_pb.WatchRoutesRequest()):
                        self._gateway.set_table(routing_table_to_domain(message.table))
                        self._routed.set()
                        delay = _RETRY_INITIAL_S
            except aio.AioRpcError as exc:
                log.info("routes from %s ended: %s", address, exc.code().name)
            # A stream that ends cleanly means that scheduler is shutting down.
            await asyncio.sleep(delay)
            delay = min(delay * 2, _RETRY_MAX_S)
