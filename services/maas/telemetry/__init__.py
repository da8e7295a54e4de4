"""Traces, metrics and logs of a maas process, set up from `TelemetrySettings`.

A composition root enters `telemetry(settings, "maas-worker")` before anything else,
so that logging is configured and every gRPC server started inside it carries tracing
(when enabled); it exits last, flushing spans and stopping the /metrics endpoint.
"""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack
from types import TracebackType
from typing import Self

from maas.telemetry.logging import configure_logging
from maas.telemetry.metrics import serve_metrics
from maas.telemetry.settings import TelemetrySettings
from maas.telemetry.tracing import start_tracing, stop_tracing

__all__ = ["Telemetry", "TelemetrySettings", "telemetry"]


class Telemetry:
    """The process's telemetry while entered: logging, tracing, the /metrics endpoint."""

    def __init__(self, settings: TelemetrySettings, service_name: str) -> None:
        self.settings = settings
        self.service_name = settings.service_name or service_name
        self.metrics_port: int | None = None
        """Bound port of /metrics once entered; None when the settings serve none."""
        self._stack = AsyncExitStack()

    @property
    def tracing(self) -> bool:
        return self.settings.tracing

    async def __aenter__(self) -> Self:
        settings = self.settings
        async with AsyncExitStack() as stack:
            stack.callback(configure_logging(settings))
            # Shutting the provider down flushes spans over the network: off the loop.
            previous = start_tracing(settings, self.service_name)
            stack.push_async_callback(asyncio.to_thread, stop_tracing, previous)
            if settings.metrics_port is not None:
                self.metrics_port = await stack.enter_async_context(
                    serve_metrics(settings.metrics_host, settings.metrics_port)
                )
            self._stack = stack.pop_all()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._stack.aclose()


def telemetry(settings: TelemetrySettings, service_name: str) -> Telemetry:
    """The telemetry of one process named `service_name` (e.g. "maas-worker"), unless
    the settings name it otherwise. Enter it first, exit it last."""
    return Telemetry(settings, service_name)
