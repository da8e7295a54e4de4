"""`inference.GRPCInferenceService` for the worker: convert, call a use case, convert back.

Shared memory, trace and log settings answer UNIMPLEMENTED with the reason.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Final

import maas
from maas.errors import Unavailable, Unsupported
from maas.names import check_model_name
from maas.telemetry import tracing
from maas.transport.errors import Undecodable, message_of, status_of
from maas.transport.oip import Context, UnsupportedExtensions
from maas.worker.config_codec import config_from_spec
from maas.worker.grpc import converters
from maas.worker.inference import InferenceService
from maas.worker.models import ModelManager
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc

# Only what is implemented in full: perf_analyzer changes behaviour on these names.
EXTENSIONS: Final = (
    "model_repository",
    "model_repository(unload_dependents)",
    "model_configuration",
    "schedule_policy",
    "statistics",
    "parameters",
)

# Requests of one stream processed at once; past it the stream stops reading (backpressure).
STREAM_WINDOW: Final = 256
# Stream header asking for a failed request to end the stream with its status code.
GRPC_ERROR_HEADER: Final = "triton_grpc_error"


@dataclass(slots=True)
class Readiness:
    """Whether the process takes traffic; flipped by the composition root."""

    ready: bool = False
    draining: bool = field(default=False)

    def check(self) -> None:
        if self.draining:
            raise Unavailable("GRPC server is shutting down")
        if not self.ready:
            raise Unavailable("Server not ready")


class InferenceServicer(UnsupportedExtensions, pb_grpc.GRPCInferenceServiceServicer):
    def __init__(
        self, inference: InferenceService, models: ModelManager, readiness: Readiness
    ) -> None:
        self._inference = inference
        self._models = models
        self._readiness = readiness

    async def ServerLive(
        self, request: pb.ServerLiveRequest, context: Context
    ) -> pb.ServerLiveResponse:
        return pb.ServerLiveResponse(live=True)

    async def ServerReady(
        self, request: pb.ServerReadyRequest, context: Context
    ) -> pb.ServerReadyResponse:
        return pb.ServerReadyResponse(ready=self._readiness.ready and not self._readiness.draining)

    async def ServerMetadata(
        self, request: pb.ServerMetadataRequest, context: Context
    ) -> pb.ServerMetadataResponse:
        return pb.ServerMetadataResponse(
            name="maas", version=maas.__version__, extensions=EXTENSIONS
        )

    async def ModelReady(
        self, request: pb.ModelReadyRequest, context: Context
    ) -> pb.ModelReadyResponse:
        self._models.resolve(request.name, request.version)
        return pb.ModelReadyResponse(ready=True)

    async def ModelMetadata(
        self, request: pb.ModelMetadataRequest, context: Context
    ) -> pb.ModelMetadataResponse:
        served = self._models.resolve(request.name, request.version)
        versions = (
            [served.version] if request.version else self._models.ready_versions(request.name)
        )
        return converters.model_metadata(served.spec, request.name, versions)

    async def ModelConfig(
        self, request: pb.ModelConfigRequest, context: Context
    ) -> pb.ModelConfigResponse:
        served = self._models.resolve(request.name, request.version)
        return pb.ModelConfigResponse(config=config_from_spec(served.spec))

    async def ModelStatistics(
        self, request: pb.ModelStatisticsRequest, context: Context
    ) -> pb.ModelStatisticsResponse:
        return pb.ModelStatisticsResponse(
            model_stats=[
                converters.model_statistics(name, s.version, s.stats, s.model.memory_bytes)
                for name, s in self._models.served(request.name, request.version)
            ]
        )

    async def RepositoryIndex(
        self, request: pb.RepositoryIndexRequest, context: Context
    ) -> pb.RepositoryIndexResponse:
        _single_repository(request.repository_name)
        return converters.repository_index(self._models.index(ready_only=request.ready))

    async def RepositoryModelLoad(
        self, request: pb.RepositoryModelLoadRequest, context: Context
    ) -> pb.RepositoryModelLoadResponse:
        _single_repository(request.repository_name)
        config, files = converters.load_parameters(request)
        await self._models.load(request.model_name, config, files)
        return pb.RepositoryModelLoadResponse()

    async def RepositoryModelUnload(
        self, request: pb.RepositoryModelUnloadRequest, context: Context
    ) -> pb.RepositoryModelUnloadResponse:
        _single_repository(request.repository_name)
        await self._models.unload(check_model_name(request.model_name))
        return pb.RepositoryModelUnloadResponse()

    async def ModelInfer(
        self, request: pb.ModelInferRequest, context: Context
    ) -> pb.ModelInferResponse:
        return await self._infer_one(request)

    async def ModelStreamInfer(
        self, request_iterator: AsyncIterator[pb.ModelInferRequest], context: Context
    ) -> AsyncIterator[pb.ModelStreamInferResponse]:
        """Requests of a stream run concurrently (so they can share batches); responses
        are written in arrival order, as Triton does for non-decoupled models."""
        strict = any(
            key == GRPC_ERROR_HEADER and value == "true"
            for key, value in context.invocation_metadata() or ()
        )
        pending: asyncio.Queue[
            tuple[pb.ModelInferRequest, asyncio.Future[pb.ModelInferResponse]] | None
        ]
        pending = asyncio.Queue(STREAM_WINDOW)

        async def read() -> None:
            try:
                while True:
                    try:
                        message = await anext(request_iterator)
                    except StopAsyncIteration:
                        break
                    except Undecodable as exc:
                        # One unreadable message is that request's error, not the stream's.
                        message = converters.readable_part(exc.data)
                        task: asyncio.Future[pb.ModelInferResponse] = asyncio.Future()
                        task.set_exception(exc)
                    else:
                        task = asyncio.ensure_future(self._infer_one(message))
                    await pending.put((message, task))
            finally:
                await pending.put(None)

        reader = asyncio.ensure_future(read())
        try:
            while (item := await pending.get()) is not None:
                message, task = item
                try:
                    response = await task
                except Exception as exc:
                    if strict:
                        code, text = status_of(exc)
                        await context.abort(code, text)
                    yield converters.stream_error(message_of(exc, "ModelStreamInfer"), message)
                    continue
                yield converters.stream_response(response)
            await reader
        finally:
            reader.cancel()
            while not pending.empty():
                item = pending.get_nowait()
                if item is not None:
                    item[1].cancel()

    async def _infer_one(self, message: pb.ModelInferRequest) -> pb.ModelInferResponse:
        self._readiness.check()
        result = await self._inference.infer(converters.infer_request(message))
        parent = tracing.recording_span()
        if parent is None:
            return converters.infer_response(result)
        started = time.time_ns()
        response = converters.infer_response(result)
        tracing.record_span("encode", parent, started, time.time_ns())
        return response


def _single_repository(name: str) -> None:
    if name:
        raise Unsupported("'repository_name' specification is not supported")
