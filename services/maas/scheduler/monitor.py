"""Every scheduler's view of the workers: the healthy ones (per discovery), each asked
for its status every `interval_s`.

A worker that leaves discovery leaves the view at once. One that stays but stops
answering keeps its last status, marked unreachable: a single missed answer on a busy
machine must not take replicas out of routing (the gateway retries elsewhere anyway,
and discovery's health check decides when a worker is gone).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
from types import MappingProxyType

from maas.discovery import Discovery, ServiceInstance
from maas.discovery.base import WORKER_SERVICE
from maas.scheduler.domain import WorkerView
from maas.scheduler.workers import WorkerCallFailed, WorkerClient

log = logging.getLogger(__name__)


class WorkerMonitor:
    def __init__(self, discovery: Discovery, client: WorkerClient, interval_s: float) -> None:
        self._discovery = discovery
        self._client = client
        self._interval_s = interval_s
        self._views: dict[str, WorkerView] = {}
        self._pollers: dict[str, asyncio.Task[None]] = {}
        self._pokes: dict[str, asyncio.Event] = {}
        self._changed = asyncio.Event()

    @property
    def views(self) -> Mapping[str, WorkerView]:
        """The healthy workers by id, as last seen (a read-only snapshot)."""
        return MappingProxyType(dict(self._views))

    async def changes(self) -> AsyncIterator[Mapping[str, WorkerView]]:
        """`views` at once, then again whenever a worker comes, goes, or reports a
        different status (not on every poll, nor for its load alone)."""
        while True:
            changed = self._changed
            yield self.views
            await changed.wait()

    def poke(self, worker_id: str) -> None:
        """Ask a worker for its status now, not at its next turn."""
        event = self._pokes.get(worker_id)
        if event is not None:
            event.set()

    async def run(self) -> None:
        """Follow discovery until cancelled."""
        try:
            async for instances in self._discovery.watch(WORKER_SERVICE):
                self._follow(instances)
        finally:
            for task in self._pollers.values():
                task.cancel()
            await asyncio.gather(*self._pollers.values(), return_exceptions=True)

    def _follow(self, instances: tuple[ServiceInstance, ...]) -> None:
        current = {i.id: i for i in instances}
        for worker_id in [w for w in self._views if w not in current]:
            log.info("worker %s left", worker_id)
            self._stop(worker_id)
        for worker_id, instance in current.items():
            view = self._views.get(worker_id)
            if view is not None and view.address == instance.address:
                continue
            if view is not None:
                self._stop(worker_id)
            log.info("worker %s at %s", worker_id, instance.address)
            self._views[worker_id] = WorkerView(worker_id, instance.address)
            self._pokes[worker_id] = asyncio.Event()
            self._pollers[worker_id] = asyncio.create_task(
                self._poll(worker_id, instance.address), name=f"status of worker {worker_id}"
            )
        self._client.retain(v.address for v in self._views.values())
        self._notify()

    def _stop(self, worker_id: str) -> None:
        del self._views[worker_id]
        del self._pokes[worker_id]
        self._pollers.pop(worker_id).cancel()

    async def _poll(self, worker_id: str, address: str) -> None:
        poke = self._pokes[worker_id]
        while True:
            poke.clear()
            sent = time.monotonic()
            view = self._views[worker_id]
            try:
                status = await self._client.status(address)
            except WorkerCallFailed as exc:
                if view.reachable or view.status is None:
                    log.warning("worker %s did not answer: %s", worker_id, exc)
                updated = replace(view, reachable=False)
            else:
                updated = replace(view, status=status, reachable=True, polled_at=sent)
            self._views[worker_id] = updated
            if _news(view) != _news(updated):
                self._notify()
            # asyncio.timeout, not wait_for: Python 3.11's wait_for can swallow a
            # cancellation that arrives as the event is set, and never stop.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._interval_s):
                    await poke.wait()

    def _notify(self) -> None:
        # A fresh event per change: a waiter holds the one of the views it saw.
        self._changed.set()
        self._changed = asyncio.Event()


def _news(view: WorkerView) -> tuple[object, ...]:
    """What placement and routing depend on: not the requests in flight, which change
    with every poll under load and would wake every watcher for nothing."""
    status = view.status and replace(view.status, inflight_requests=0)
    return (status, view.reachable)
