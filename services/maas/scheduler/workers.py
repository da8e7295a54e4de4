"""Talking to workers: the `WorkerClient` role and its gRPC implementation over
`maas.worker.v1.WorkerControlService`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Protocol

from grpc import aio

from maas.scheduler.domain import WorkerReplica, WorkerStatus
from maas.scheduler.grpc import converters
from maas.scheduler.planner import Load
from maas.telemetry import tracing
from maas.transport.server import channel_options
from maas_proto.maas.worker.v1 import worker_pb2 as pb
from maas_proto.maas.worker.v1 import worker_pb2_grpc as pb_grpc


class WorkerCallFailed(Exception):
    """A worker refused a call or could not be reached; the text says which and why."""


class WorkerClient(Protocol):
    """What the scheduler asks of a worker, by address."""

    async def load(self, address: str, load: Load) -> WorkerReplica:
        """Load a version and return once it is ready (or raise `WorkerCallFailed`)."""
        ...

    async def unload(self, address: str, name: str, version: int) -> None:
        """Unload a served version once its requests are done."""
        ...

    async def status(self, address: str) -> WorkerStatus:
        """What the worker serves and the room it has left."""
        ...

    def retain(self, addresses: Iterable[str]) -> None:
        """Let go of connections to workers not among `addresses`."""
        ...


class GrpcWorkerClient:
    """One channel per worker address; every call has a deadline."""

    def __init__(self, *, load_timeout_s: float, unload_timeout_s: float, status_timeout_s: float):
        self._load_timeout_s = load_timeout_s
        self._unload_timeout_s = unload_timeout_s
        self._status_timeout_s = status_timeout_s
        self._stubs: dict[str, tuple[aio.Channel, pb_grpc.WorkerControlServiceAsyncStub]] = {}
        self._closing: set[asyncio.Task[None]] = set()

    async def load(self, address: str, load: Load) -> WorkerReplica:
        request = converters.load_to_pb(load)
        attributes = _replica_attributes(address, load.name, load.artifact.version)
        with tracing.span("replica.load", attributes) as span:
            try:
                response = await self._stub(address).LoadReplica(
                    request, timeout=self._load_timeout_s, metadata=tracing.inject((), span)
                )
            except aio.AioRpcError as exc:
                raise _failed(exc) from None
        return converters.worker_replica_to_domain(response.replica)

    async def unload(self, address: str, name: str, version: int) -> None:
        request = pb.UnloadReplicaRequest(served_name=name, served_version=version)
        with tracing.span("replica.unload", _replica_attributes(address, name, version)) as span:
            try:
                await self._stub(address).UnloadReplica(
                    request, timeout=self._unload_timeout_s, metadata=tracing.inject((), span)
                )
            except aio.AioRpcError as exc:
                raise _failed(exc) from None

    async def status(self, address: str) -> WorkerStatus:
        try:
            response = await self._stub(address).GetStatus(
                pb.GetStatusRequest(), timeout=self._status_timeout_s
            )
        except aio.AioRpcError as exc:
            raise _failed(exc) from None
        return converters.worker_status_to_domain(response)

    def retain(self, addresses: Iterable[str]) -> None:
        keep = set(addresses)
        for address in [a for a in self._stubs if a not in keep]:
            channel, _ = self._stubs.pop(address)
            task = asyncio.ensure_future(channel.close())
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)

    async def close(self) -> None:
        channels = [channel for channel, _ in self._stubs.values()]
        self._stubs.clear()
        await asyncio.gather(*(c.close() for c in channels), *self._closing)

    def _stub(self, address: str) -> pb_grpc.WorkerControlServiceAsyncStub:
        entry = self._stubs.get(address)
        if entry is None:
            channel = aio.insecure_channel(address, options=channel_options())
            entry = (channel, pb_grpc.WorkerControlServiceStub(channel))
            self._stubs[address] = entry
        return entry[1]


def _replica_attributes(address: str, name: str, version: int) -> dict[str, str | int]:
    # Status polls stay untraced: they run every second and would drown the traces.
    return {"maas.model.name": name, "maas.model.version": version, "maas.worker": address}


def _failed(exc: aio.AioRpcError) -> WorkerCallFailed:
    return WorkerCallFailed(f"{exc.code().name}: {exc.details() or ''}")
