"""Composition root of the all-in-one mode: every service in one process, no Consul."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from maas.demo_models import write_demo_repository
from maas.telemetry import TelemetrySettings, telemetry
from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings

log = logging.getLogger(__name__)


class UpSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MAAS_")

    data_dir: Path = Field(default=Path.home() / ".maas")
    """Where the all-in-one mode keeps its state (demo models, registry data)."""


async def serve(
    up: UpSettings,
    worker: WorkerSettings,
    observe: TelemetrySettings,
    on_ready: Callable[[int, list[str]], None],
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
    # Entered first: logging, and tracing on every server started inside.
    async with telemetry(observe, "maas"), run_worker(worker) as handle:
        on_ready(handle.port, [row.name for row in handle.models.index(ready_only=True)])
        await stop.wait()
        log.info("shutting down")
