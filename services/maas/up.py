"""Composition root of the all-in-one mode: every service in one process, no Consul."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from maas.demo_models import write_demo_repository
from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
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


@dataclass(frozen=True, slots=True)
class Endpoints:
    """What the all-in-one process serves, reported once it is ready."""

    host: str
    inference_port: int
    registry_port: int
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
    async with AsyncExitStack() as stack:
        # Entered first: logging, and tracing on every server started inside.
        await stack.enter_async_context(telemetry(observe, "maas"))
        registry = await stack.enter_async_context(run_registry(registry_settings))
        worker = worker.model_copy(
            update={
                "registry_address": f"{registry_settings.host}:{registry.port}",
                "artifact_cache": up.data_dir / "worker-cache",
            }
        )
        handle = await stack.enter_async_context(run_worker(worker))
        models = [row.name for row in handle.models.index(ready_only=True)]
        on_ready(Endpoints(worker.host, handle.port, registry.port, models))
        await stop.wait()
        log.info("shutting down")
