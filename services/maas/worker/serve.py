"""A worker as its own process (`maas worker`): serve until SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from contextlib import AsyncExitStack

from maas.discovery import DiscoverySettings, open_discovery
from maas.telemetry import TelemetrySettings, telemetry
from maas.worker.app import WorkerHandle, run_worker
from maas.worker.settings import WorkerSettings

log = logging.getLogger(__name__)


async def serve_worker(
    settings: WorkerSettings,
    discovery: DiscoverySettings,
    observe: TelemetrySettings,
    on_ready: Callable[[WorkerHandle], None] | None = None,
) -> None:
    """Run a worker until SIGINT or SIGTERM, then shut it down gracefully.

    With a Consul address in `discovery` the worker registers there as `maas-worker`
    (and deregisters before draining); without one it registers nowhere, since no
    other process could see an in-process registration. `on_ready` is called once the
    worker serves.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with AsyncExitStack() as stack:
        # Entered first: logging, and tracing on every server started inside.
        await stack.enter_async_context(telemetry(observe, "maas-worker"))
        found = None
        if discovery.address is not None:
            coordination = await stack.enter_async_context(open_discovery(discovery))
            found = coordination.discovery
        handle = await stack.enter_async_context(run_worker(settings, discovery=found))
        if on_ready is not None:
            on_ready(handle)
        await stop.wait()
        log.info("shutting down")
