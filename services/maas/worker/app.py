"""Composition root of the inference worker: settings -> models -> use cases -> server."""

from __future__ import annotations

import asyncio
import logging
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from maas.errors import InvalidInput, MaasError, NotFound
from maas.transport.server import GrpcServer, ServiceBinding, start_server
from maas.worker import repository
from maas.worker.backends.base import Backend, LoadedModel
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.batcher import make_scheduler
from maas.worker.config_codec import parse_json
from maas.worker.grpc.servicer import InferenceServicer, Readiness
from maas.worker.inference import InferenceService
from maas.worker.models import ModelDefinition, ModelManager, ModelSource
from maas.worker.scheduling import Scheduler
from maas.worker.settings import WorkerSettings
from maas.worker.spec import ModelSpec
from maas.worker.stats import ModelStats
from maas.worker.tensors import sample_inputs
from maas_proto import grpc_service_pb2_grpc as pb_grpc

log = logging.getLogger(__name__)

SERVICE_NAME = "inference.GRPCInferenceService"
_TIMING_RUNS = 5


class DirectorySource:
    """Models from a Triton-layout directory (or none), read afresh on every load.

    Models sent whole in a load request are staged under `scratch`.
    """

    def __init__(self, root: Path | None, backend: Backend, scratch: Path) -> None:
        self._root = root
        self._backend = backend
        self._scratch = scratch

    def list_models(self) -> list[str]:
        return repository.list_models(self._root) if self._root is not None else []

    def read(
        self, name: str, config_json: str | None = None, files: Mapping[str, bytes] | None = None
    ) -> ModelDefinition:
        override = parse_json(config_json) if config_json is not None else None
        root = self._root
        if files:
            if override is None:
                raise InvalidInput(f"model '{name}' has 'file' parameters but no 'config'")
            root = repository.stage_files(self._scratch, name, files)
        if root is None:
            raise NotFound(f"Request for unknown model: '{name}' is not found")
        return repository.read_model(root, name, self._backend, override)


@dataclass(frozen=True, slots=True)
class WorkerHandle:
    port: int
    models: ModelManager
    server: GrpcServer


@asynccontextmanager
async def run_worker(
    settings: WorkerSettings, source: ModelSource | None = None
) -> AsyncIterator[WorkerHandle]:
    """Serve until the context exits, then drain calls and unload every model."""
    backend = OnnxRuntimeBackend()
    scratch = tempfile.TemporaryDirectory(prefix="maas-worker-")
    if source is None:
        source = DirectorySource(settings.model_repository, backend, Path(scratch.name))

    async def schedulers(spec: ModelSpec, model: LoadedModel, stats: ModelStats) -> Scheduler:
        latency_us = await asyncio.to_thread(_median_latency_us, spec, model)
        inline = latency_us < settings.inline_threshold_us
        mode = "inline" if inline else "in threads"
        log.info("%s: warm run %.0f us, executing %s", spec.name, latency_us, mode)
        return make_scheduler(
            spec, model, stats, default_max_queue_size=settings.max_queue_size, inline=inline
        )

    models = ModelManager(source, backend, schedulers)
    readiness = Readiness()
    servicer = InferenceServicer(InferenceService(models), models, readiness)
    server = await start_server(
        [
            ServiceBinding(
                SERVICE_NAME,
                lambda s: pb_grpc.add_GRPCInferenceServiceServicer_to_server(servicer, s),
            )
        ],
        host=settings.host,
        port=settings.grpc_port,
        max_message_bytes=settings.max_message_bytes,
    )
    try:
        for name in source.list_models():
            try:
                await models.load(name)
            except MaasError as exc:
                log.error("model %s failed to load: %s", name, exc)
        readiness.ready = True
        await server.set_serving(True)
        log.info("worker serving on %s:%d", settings.host, server.port)
        yield WorkerHandle(server.port, models, server)
    finally:
        readiness.draining = True
        await server.stop(settings.shutdown_grace_s)
        await models.close()
        scratch.cleanup()


def _median_latency_us(spec: ModelSpec, model: LoadedModel) -> float:
    inputs = sample_inputs(spec)
    outputs = [t.name for t in spec.outputs]
    runs = []
    for _ in range(_TIMING_RUNS):
        started = time.perf_counter()
        model.infer(inputs, outputs)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1e6
