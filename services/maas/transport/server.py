"""Building a gRPC server the way every maas service needs it.

Each server carries the error-mapping interceptor, grpc.health.v1 and server
reflection, and Triton's message size limit (2 GiB - 1) unless configured lower.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import FileDescriptor
from grpc import aio
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1._async import HealthServicer
from grpc_reflection.v1alpha import reflection

from maas.errors import NotFound, echo
from maas.telemetry.tracing import server_interceptors
from maas.transport.errors import ErrorMappingInterceptor

MAX_MESSAGE_BYTES: Final = 2**31 - 1


@dataclass(frozen=True, slots=True)
class ServiceBinding:
    """A servicer to host: its fully qualified name and how to add it to a server."""

    name: str
    add: Callable[[aio.Server], None]


class Health(HealthServicer):
    """grpc.health.v1, answering a Check for an unknown service NOT_FOUND with a reason
    (grpcio's servicer aborts without one)."""

    def __init__(self) -> None:
        super().__init__()
        self._known = {""}

    async def set(self, service: str, status: int) -> None:
        self._known.add(service)
        await super().set(service, status)

    async def Check(
        self, request: health_pb2.HealthCheckRequest, context: aio.ServicerContext[Any, Any]
    ) -> health_pb2.HealthCheckResponse:
        if request.service not in self._known:
            raise NotFound(f"unknown service '{echo(request.service)}' for health check")
        return await super().Check(request, context)


@dataclass(slots=True)
class GrpcServer:
    """A started server, its bound port and its health servicer."""

    server: aio.Server
    port: int
    health: Health
    services: tuple[str, ...] = field(default=())

    async def set_serving(self, serving: bool) -> None:
        """Mark the whole server and each hosted service SERVING or NOT_SERVING."""
        status = (
            health_pb2.HealthCheckResponse.SERVING
            if serving
            else health_pb2.HealthCheckResponse.NOT_SERVING
        )
        for name in ("", *self.services):
            await self.health.set(name, status)

    async def stop(self, grace_s: float) -> None:
        """Report NOT_SERVING for good, then drain calls for up to `grace_s` seconds."""
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace_s)


async def start_server(
    services: Sequence[ServiceBinding],
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    max_message_bytes: int = MAX_MESSAGE_BYTES,
    extra_options: Sequence[tuple[str, int | str]] = (),
) -> GrpcServer:
    """Start a server for `services` on host:port (0 picks a free port).

    Health starts NOT_SERVING for every hosted service: the caller flips it once the
    process is ready to take traffic. While tracing is on (telemetry entered before this
    call), the tracing interceptor goes outermost, to see the status the error mapping
    chose.
    """
    server = aio.server(
        interceptors=[*server_interceptors(), ErrorMappingInterceptor()],
        options=[
            ("grpc.max_receive_message_length", max_message_bytes),
            ("grpc.max_send_message_length", max_message_bytes),
            # Several processes on one host (tests, a laptop fleet) must never share a port.
            ("grpc.so_reuseport", 0),
            *extra_options,
        ],
    )
    for service in services:
        service.add(server)
    health = Health()
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    names = tuple(s.name for s in services)
    reflection.enable_server_reflection(
        (
            *names,
            health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
            reflection.SERVICE_NAME,
        ),
        server,
        # Duck-typed: the reflection servicer only calls the pool's Find* methods.
        pool=_MethodAwarePool(descriptor_pool.Default()),  # type: ignore[arg-type]
    )
    bound = server.add_insecure_port(f"{host}:{port}")
    if bound == 0:
        raise OSError(f"could not bind gRPC server to {host}:{port}")
    await server.start()
    running = GrpcServer(server, bound, health, names)
    await running.set_serving(False)
    return running


class _MethodAwarePool:
    """The default descriptor pool, also finding the file of a method's full name.

    ghz resolves `pkg.Service.Method` through reflection, and upb's pool only knows
    messages, enums, services and extensions by name.
    """

    def __init__(self, pool: descriptor_pool.DescriptorPool) -> None:
        self._pool = pool

    def FindFileContainingSymbol(self, symbol: str) -> FileDescriptor:
        try:
            return self._pool.FindFileContainingSymbol(symbol)
        except KeyError:
            service, _, method = symbol.rpartition(".")
            found = self._pool.FindServiceByName(service) if service else None
            if found is None or method not in found.methods_by_name:
                raise
            return found.file

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool, name)


def channel_options(max_message_bytes: int = MAX_MESSAGE_BYTES) -> list[tuple[str, int]]:
    """Client channel options matching the server's message size limit."""
    return [
        ("grpc.max_receive_message_length", max_message_bytes),
        ("grpc.max_send_message_length", max_message_bytes),
    ]
