"""Composition root of the inference worker: settings -> models -> use cases -> server.

Teardown runs in reverse, the order graceful shutdown needs: health NOT_SERVING (new
inference is refused), deregistration from discovery (schedulers stop routing here),
draining of accepted calls, then every model unloaded.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from maas.discovery import Discovery, ServiceInstance, registration
from maas.discovery.base import WORKER_SERVICE
from maas.errors import InvalidInput, MaasError, NotFound
from maas.telemetry.metrics import model_metrics
from maas.transport.server import GrpcServer, ServiceBinding, start_server
from maas.worker import repository
from maas.worker.artifacts import open_artifacts
from maas.worker.backends.base import Backend, LoadedModel
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.batcher import make_scheduler
from maas.worker.config_codec import parse_json
from maas.worker.control import ReplicaControl, registration_meta
from maas.worker.grpc import control_servicer
from maas.worker.grpc.control_servicer import WorkerControlServicer
from maas.worker.grpc.servicer import InferenceServicer, Readiness
from maas.worker.inference import InferenceService
from maas.worker.models import ModelDefinition, ModelManager, ModelSource
from maas.worker.scheduling import Scheduler
from maas.worker.settings import WorkerSettings
from maas.worker.spec import ModelSpec
from maas.worker.stats import ModelStats
from maas.worker.tensors import sample_inputs
from maas_proto import grpc_service_pb2_grpc as pb_grpc
from maas_proto.maas.worker.v1 import worker_pb2_grpc as control_pb_grpc

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
    control: ReplicaControl
    server: GrpcServer
    # What discovery announces, when a `Discovery` was given.
    instance: ServiceInstance | None


@asynccontextmanager
async def run_worker(
    settings: WorkerSettings,
    source: ModelSource | None = None,
    *,
    discovery: Discovery | None = None,
) -> AsyncIterator[WorkerHandle]:
    """Serve until the context exits, registered in `discovery` when one is given;
    then shut down as the module docstring says."""
    backend = OnnxRuntimeBackend()
    async with AsyncExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="maas-worker-")))
        if source is None:
            source = DirectorySource(settings.model_repository, backend, scratch)

        async def schedulers(
            spec: ModelSpec, version: int, model: LoadedModel, stats: ModelStats
        ) -> Scheduler:
            latency_us = await asyncio.to_thread(_median_latency_us, spec, model)
            inline = latency_us < settings.inline_threshold_us
            mode = "inline" if inline else "in threads"
            log.info("%s: warm run %.0f us, executing %s", spec.name, latency_us, mode)
            return make_scheduler(
                spec,
                model,
                stats,
                default_max_queue_size=settings.max_queue_size,
                inline=inline,
                metrics=model_metrics(spec.name, version),
            )

        models = ModelManager(source, backend, schedulers)
        stack.push_async_callback(models.close)
        artifacts = await stack.enter_async_context(
            open_artifacts(settings.registry_address, settings.artifact_cache)
        )
        inference = InferenceService(models)
        control = ReplicaControl(models, artifacts, backend, settings.memory_capacity_bytes)
        readiness = Readiness()
        servicer = InferenceServicer(inference, models, readiness)
        controller = WorkerControlServicer(control)
        server = await start_server(
            [
                ServiceBinding(
                    SERVICE_NAME,
                    lambda s: pb_grpc.add_GRPCInferenceServiceServicer_to_server(servicer, s),
                ),
                ServiceBinding(
                    control_servicer.SERVICE_NAME,
                    lambda s: control_pb_grpc.add_WorkerControlServiceServicer_to_server(
                        controller, s
                    ),
                ),
            ],
            host=settings.host,
            port=settings.grpc_port,
            max_message_bytes=settings.max_message_bytes,
        )
        stack.push_async_callback(server.stop, settings.shutdown_grace_s)
        for name in source.list_models():
            try:
                await models.load(name)
            except MaasError as exc:
                log.error("model %s failed to load: %s", name, exc)
        readiness.ready = True
        await server.set_serving(True)
        instance = None
        if discovery is not None:
            instance = ServiceInstance(
                id=f"{WORKER_SERVICE}-{socket.gethostname()}-{server.port}",
                service=WORKER_SERVICE,
                host=settings.advertised_host,
                port=server.port,
                meta=registration_meta(control.status()),
            )
            await stack.enter_async_context(registration(discovery, instance))

        async def stop_serving() -> None:
            readiness.draining = True
            await server.set_serving(False)

        stack.push_async_callback(stop_serving)
        log.info("worker serving on %s:%d", settings.host, server.port)
        yield WorkerHandle(server.port, models, control, server, instance)


def _median_latency_us(spec: ModelSpec, model: LoadedModel) -> float:
    inputs = sample_inputs(spec)
    outputs = [t.name for t in spec.outputs]
    runs = []
    for _ in range(_TIMING_RUNS):
        started = time.perf_counter()
        model.infer(inputs, outputs)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs) * 1e6
