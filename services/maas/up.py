"""Composition root of the all-in-one mode: registry, worker and scheduler in one process,
with in-process discovery and SQLite state (no Consul)."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from maas.demo_models import write_demo_repository
from maas.discovery import DiscoverySettings, open_discovery
from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.scheduler.app import run_scheduler
from maas.scheduler.service import SchedulerService
from maas.scheduler.settings import SchedulerSettings
from maas.telemetry import TelemetrySettings, telemetry
from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings

log = logging.getLogger(__name__)


class UpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_")

    data_dir: Path = Field(default=Path.home() / ".maas")
    """Where the all-in-one mode keeps its state (demo models, registry data, caches)."""

    registry_port: int = Field(default=50052, ge=0, le=65535)
    """Port of the model registry hosted in the same process (0 picks a free one)."""

    scheduler_port: int = Field(default=50051, ge=0, le=65535)
    """Port of the scheduler (deployments API and gateway) in the same process."""


@dataclass(frozen=True, slots=True)
class Endpoints:
    """What the all-in-one process serves, reported once it is ready."""

    host: str
    inference_port: int
    registry_port: int
    scheduler_port: int
    models: list[str]


async def serve(
    up: UpSettings,
    worker: WorkerSettings,
    observe: TelemetrySettings,
    on_ready: Callable[[Endpoints], None],
) -> None:
    """Run until SIGINT or SIGTERM, then shut down gracefully."""
    if worker.model_repository is None:
        demo = up.data_dir / "demo-models"
        await asyncio.to_thread(write_demo_repository, demo)
        worker = worker.model_copy(update={"model_repository": demo})
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    registry_settings = RegistrySettings(
        host=worker.host, port=up.registry_port, data_dir=up.data_dir / "registry"
    )
    guard = _SchedulerGuard()
    async with AsyncExitStack() as stack:
        # Entered first: logging, and tracing on every server started inside.
        await stack.enter_async_context(telemetry(observe, "maas"))
        # One process: discovery, leadership and state stay in memory, no Consul.
        coordination = await stack.enter_async_context(
            open_discovery(DiscoverySettings(address=None))
        )
        registry = await stack.enter_async_context(run_registry(registry_settings, guard=guard))
        registry_address = f"{registry_settings.host}:{registry.port}"
        worker = worker.model_copy(
            update={
                "registry_address": registry_address,
                "artifact_cache": up.data_dir / "worker-cache",
            }
        )
        handle = await stack.enter_async_context(
            run_worker(worker, discovery=coordination.discovery)
        )
        scheduler_settings = SchedulerSettings(
            host=worker.host,
            port=up.scheduler_port,
            state_path=up.data_dir / "scheduler.db",
            registry_address=registry_address,
        )
        scheduler = await stack.enter_async_context(run_scheduler(scheduler_settings, coordination))
        guard.scheduler = scheduler.service
        models = [row.name for row in handle.models.index(ready_only=True)]
        on_ready(Endpoints(worker.host, handle.port, registry.port, scheduler.port, models))
        await stop.wait()
        log.info("shutting down")


class _SchedulerGuard:
    """The registry's deployment guard, answered by the scheduler once it runs (the
    registry starts first, since the scheduler resolves versions through it)."""

    scheduler: SchedulerService | None = None

    async def deployments(self, model: str, version: int | None) -> Sequence[str]:
        if self.scheduler is None:
            return ()
        return await self.scheduler.deployments(model, version)
