"""A scheduler as its own process (`maas scheduler`): serve until SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable

from maas.discovery import DiscoverySettings, open_discovery
from maas.scheduler.app import SchedulerHandle, run_scheduler
from maas.scheduler.settings import SchedulerSettings
from maas.telemetry import TelemetrySettings, telemetry

log = logging.getLogger(__name__)


async def serve_scheduler(
    settings: SchedulerSettings,
    discovery: DiscoverySettings,
    observe: TelemetrySettings,
    on_ready: Callable[[SchedulerHandle], None] | None = None,
) -> None:
    """Run a scheduler until SIGINT or SIGTERM, then shut it down gracefully.

    With a Consul address in `discovery` it finds workers (and, unless an address is
    set, the registry) there, contends for leadership with the other schedulers and,
    unless `state_path` is set, shares the desired state in Consul KV. Without one it
    is alone: in-process discovery sees no other process, so that suits the all-in-one
    root (which runs `run_scheduler` beside the other services) and tests only.
    `on_ready` is called once it serves.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    # Telemetry entered first: logging, and tracing on every server started inside.
    async with (
        telemetry(observe, "maas-scheduler"),
        open_discovery(discovery) as coordination,
        run_scheduler(settings, coordination) as handle,
    ):
        if on_ready is not None:
            on_ready(handle)
        await stop.wait()
        log.info("shutting down")
