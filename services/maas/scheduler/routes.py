"""Every scheduler's routing table, derived from the plans and the workers it sees.

Routing follows the plans the leader writes (they say which version serves and which
replicas are ready) so that every scheduler, leader or not, switches versions at the
same moment, without waiting to see each new replica in its own status polls. What a
scheduler observes itself only takes replicas out: those on workers that left
discovery, or that their worker reports failed or unloading.

`RoutePublisher` recomputes the table whenever the desired state or the workers change,
hands it to the gateway, and streams it to direct clients (WatchRoutes).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Final

from maas.gateway.routing import Replica, RoutingTable
from maas.gateway.service import Gateway
from maas.scheduler.domain import StateSnapshot, WorkerReplicaState, WorkerView
from maas.scheduler.monitor import WorkerMonitor
from maas.scheduler.store import DesiredStateStore

log = logging.getLogger(__name__)

_OUT_OF_SERVICE: Final = frozenset({WorkerReplicaState.FAILED, WorkerReplicaState.UNLOADING})


def replica_id(worker_id: str, name: str, version: int) -> str:
    """The balancing key of one replica: the gateway counts requests in flight per id."""
    return f"{worker_id}/{name}/{version}"


def routing_table(state: StateSnapshot, workers: Mapping[str, WorkerView]) -> RoutingTable:
    """Routed replicas of every deployment on workers in `workers` (see the module
    docstring); every deployment is listed, ready or not."""
    replicas = []
    for name in sorted(state.deployments):
        plan = state.plans.get(name)
        if plan is None:
            continue
        for planned in plan.routed():
            view = workers.get(planned.worker_id)
            if view is None:
                continue
            reported = view.status.replica(name, planned.version) if view.status else None
            if reported is not None and reported.state in _OUT_OF_SERVICE:
                continue
            replicas.append(
                Replica(
                    replica_id(planned.worker_id, name, planned.version),
                    view.address,
                    {name: frozenset({str(planned.version)})},
                )
            )
    return RoutingTable(tuple(replicas), deployed=frozenset(state.deployments))


class RoutePublisher:
    """Keeps the gateway's table, and that of direct clients, up to date."""

    def __init__(self, gateway: Gateway) -> None:
        self._gateway = gateway
        self._state: StateSnapshot | None = None
        self._workers: Mapping[str, WorkerView] | None = None
        self._changed = asyncio.Event()
        self._ready = asyncio.Event()
        self._closed = False

    @property
    def table(self) -> RoutingTable | None:
        """The table in force; None until both the state and the workers were seen."""
        return self._gateway.table

    async def watch(self) -> AsyncIterator[RoutingTable]:
        """The table now (once there is one), then every new one, until `close`."""
        await self._ready.wait()
        while not self._closed:
            changed = self._changed
            table = self._gateway.table
            assert table is not None
            yield table
            await changed.wait()

    def close(self) -> None:
        """End every watch, so that its client goes on with another scheduler rather
        than holding this one's shutdown for its grace period."""
        self._closed = True
        self._ready.set()
        self._notify()

    async def run(self, store: DesiredStateStore, monitor: WorkerMonitor) -> None:
        """Follow both sources until cancelled."""

        async def follow_state() -> None:
            async for state in store.watch():
                self._state = state
                self._publish()

        async def follow_workers() -> None:
            async for workers in monitor.changes():
                self._workers = workers
                self._publish()

        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(follow_state())
            tasks.create_task(follow_workers())

    def _publish(self) -> None:
        if self._state is None or self._workers is None:
            return
        table = routing_table(self._state, self._workers)
        if table == self._gateway.table:
            return
        self._gateway.set_table(table)
        log.info(
            "routing %d replicas of %d deployments",
            len(table.replicas),
            len(table.deployed),
        )
        self._ready.set()
        self._notify()

    def _notify(self) -> None:
        # A fresh event per change: a watcher holds the one of the table it sent.
        self._changed.set()
        self._changed = asyncio.Event()
