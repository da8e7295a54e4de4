"""`inference.GRPCInferenceService` in front of the workers.

The data-path RPCs (ModelInfer, ModelStreamInfer, ModelMetadata, ModelConfig,
ModelReady) are registered without (de)serializers: they receive and return the
serialized messages, which the gateway forwards without decoding. The control RPCs the
gateway answers itself are typed. Model placement belongs to the scheduler, so
repository load/unload are UNIMPLEMENTED here, as are shared memory, trace and log
settings.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any, Final

import grpc
from grpc import aio

import maas
from maas.errors import Unavailable, Unsupported
from maas.gateway.service import (
    CONFIG,
    INFER,
    METADATA,
    READY,
    Gateway,
    Metadata,
    UpstreamError,
)
from maas.transport.oip import Context, UnsupportedExtensions
from maas_proto import grpc_service_pb2 as pb

SERVICE_NAME: Final = "inference.GRPCInferenceService"

# What the gateway reports as ServerMetadata.name: tells a client (or an operator with
# grpcurl) it reached the gateway rather than a worker, which reports "maas".
SERVER_NAME: Final = "maas-gateway"

# Only what works through the gateway in full: the workers implement configuration,
# queue policies and parameters, which pass through untouched, and statistics are
# summed over replicas. model_repository is left out: load/unload belong to deployments.
EXTENSIONS: Final = ("model_configuration", "schedule_policy", "statistics", "parameters")

# Stream header asking for a failed request to end the stream with its status code.
GRPC_ERROR_HEADER: Final = "triton_grpc_error"

_HOP_HEADERS: Final = frozenset(
    {"user-agent", "content-type", "te", "host", "connection", "keep-alive", "upgrade"}
)

_PLACEMENT: Final = (
    "models are placed by the scheduler: create or change a deployment instead of "
    "loading or unloading through the gateway"
)
_NOT_READY: Final = pb.ModelReadyResponse(ready=False).SerializeToString()


class GatewayServicer(UnsupportedExtensions):
    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway

    async def ModelInfer(self, request: bytes, context: Context) -> bytes:
        return await self._forward(INFER, request, context)

    async def ModelMetadata(self, request: bytes, context: Context) -> bytes:
        return await self._forward(METADATA, request, context)

    async def ModelConfig(self, request: bytes, context: Context) -> bytes:
        return await self._forward(CONFIG, request, context)

    async def ModelReady(self, request: bytes, context: Context) -> bytes:
        try:
            return await self._forward(READY, request, context)
        except Unavailable:
            # Deployed, but no replica is ready: an answer, not an error.
            return _NOT_READY

    async def ModelStreamInfer(
        self, requests: AsyncIterator[bytes], context: Context
    ) -> AsyncIterator[bytes]:
        strict = any(
            key == GRPC_ERROR_HEADER and value == "true"
            for key, value in context.invocation_metadata() or ()
        )
        responses = self._gateway.stream(requests, _deadline(context), _forwarded(context), strict)
        try:
            async for response in responses:
                yield response
        except UpstreamError as error:
            await context.abort(error.code, error.details)

    async def ServerLive(
        self, request: pb.ServerLiveRequest, context: Context
    ) -> pb.ServerLiveResponse:
        return pb.ServerLiveResponse(live=True)

    async def ServerReady(
        self, request: pb.ServerReadyRequest, context: Context
    ) -> pb.ServerReadyResponse:
        return pb.ServerReadyResponse(ready=self._gateway.table is not None)

    async def ServerMetadata(
        self, request: pb.ServerMetadataRequest, context: Context
    ) -> pb.ServerMetadataResponse:
        return pb.ServerMetadataResponse(
            name=SERVER_NAME, version=maas.__version__, extensions=EXTENSIONS
        )

    async def ModelStatistics(
        self, request: pb.ModelStatisticsRequest, context: Context
    ) -> pb.ModelStatisticsResponse:
        try:
            return await self._gateway.statistics(
                request.name, request.version, _deadline(context), _forwarded(context)
            )
        except UpstreamError as error:
            await context.abort(error.code, error.details)

    async def RepositoryIndex(
        self, request: pb.RepositoryIndexRequest, context: Context
    ) -> pb.RepositoryIndexResponse:
        if request.repository_name:
            raise Unsupported("'repository_name' specification is not supported")
        table = self._gateway.table
        if table is None:
            raise Unavailable("Server not ready: the gateway has no routing table yet")
        return pb.RepositoryIndexResponse(
            models=[
                pb.RepositoryIndexResponse.ModelIndex(
                    name=entry.name,
                    version=entry.version,
                    state="READY" if entry.ready else "UNAVAILABLE",
                    reason="" if entry.ready else "no ready replica",
                )
                for entry in table.index()
                if entry.ready or not request.ready
            ]
        )

    async def RepositoryModelLoad(
        self, request: pb.RepositoryModelLoadRequest, context: Context
    ) -> pb.RepositoryModelLoadResponse:
        raise Unsupported(_PLACEMENT)

    async def RepositoryModelUnload(
        self, request: pb.RepositoryModelUnloadRequest, context: Context
    ) -> pb.RepositoryModelUnloadResponse:
        raise Unsupported(_PLACEMENT)

    async def _forward(self, method: str, request: bytes, context: Context) -> bytes:
        try:
            return await self._gateway.forward(
                method, request, _deadline(context), _forwarded(context)
            )
        except UpstreamError as error:
            # The replica's own status, relayed unchanged: it already chose the code.
            await context.abort(error.code, error.details)


_BYTES_METHODS: Final = frozenset(
    {"ModelInfer", "ModelStreamInfer", "ModelMetadata", "ModelConfig", "ModelReady"}
)


def add_to_server(servicer: GatewayServicer, server: aio.Server) -> None:
    """Register every RPC of the service: data-path ones as bytes passthrough."""
    handlers: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}
    for method in pb.DESCRIPTOR.services_by_name["GRPCInferenceService"].methods:
        behaviour: Callable[..., Awaitable[Any] | AsyncIterator[Any]]
        behaviour = getattr(servicer, method.name)
        if method.name in _BYTES_METHODS:
            # No (de)serializers: grpc hands over and sends the message bytes as they are.
            serializers: dict[str, Any] = {}
        else:
            serializers = {
                "request_deserializer": getattr(pb, method.input_type.name).FromString,
                "response_serializer": getattr(pb, method.output_type.name).SerializeToString,
            }
        if method.client_streaming:
            handlers[method.name] = grpc.stream_stream_rpc_method_handler(behaviour, **serializers)
        else:
            handlers[method.name] = grpc.unary_unary_rpc_method_handler(behaviour, **serializers)
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE_NAME, handlers),))
    # Registered methods are matched by the C core, skipping the generic lookup per call.
    server.add_registered_method_handlers(SERVICE_NAME, handlers)


def _deadline(context: Context) -> float | None:
    """The caller's deadline on the `time.monotonic()` clock, None when it set none."""
    remaining = context.time_remaining()
    return None if remaining is None else time.monotonic() + remaining


def forwarded_metadata(pairs: Iterable[tuple[str, str | bytes]]) -> Metadata:
    """The caller's metadata minus what describes its own hop: pseudo headers, gRPC's
    reserved `grpc-*` keys and connection headers (the upstream channel sets its own)."""
    return tuple(
        (key, value)
        for key, value in pairs
        if key not in _HOP_HEADERS and not key.startswith((":", "grpc-"))
    )


def _forwarded(context: Context) -> Metadata:
    return forwarded_metadata(context.invocation_metadata() or ())
