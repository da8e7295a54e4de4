"""The scheduler's use cases, whichever scheduler process serves them.

Deployments are written to the shared store and read back with their status (from the
leader's plans); workers and routes are this process's own view.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from maas.errors import NotFound, Unavailable
from maas.gateway.routing import RoutingTable
from maas.scheduler.domain import (
    Deployment,
    DeploymentSpec,
    DeploymentView,
    StateSnapshot,
    WorkerView,
    status_of,
)
from maas.scheduler.monitor import WorkerMonitor
from maas.scheduler.routes import RoutePublisher
from maas.scheduler.store import DesiredStateStore


class SchedulerService:
    def __init__(
        self, store: DesiredStateStore, monitor: WorkerMonitor, routes: RoutePublisher
    ) -> None:
        self._store = store
        self._monitor = monitor
        self._routes = routes

    async def create_deployment(self, spec: DeploymentSpec) -> DeploymentView:
        return _view(await self._store.create(spec), StateSnapshot())

    async def update_deployment(self, spec: DeploymentSpec) -> DeploymentView:
        deployment = await self._store.update(spec)
        return _view(deployment, await self._store.snapshot())

    async def delete_deployment(self, name: str) -> None:
        await self._store.delete(name)

    async def get_deployment(self, name: str) -> DeploymentView:
        state = await self._store.snapshot()
        deployment = state.deployments.get(name)
        if deployment is None:
            raise NotFound(f"deployment '{name}' is not found")
        return _view(deployment, state)

    async def list_deployments(self) -> list[DeploymentView]:
        state = await self._store.snapshot()
        return [_view(state.deployments[name], state) for name in sorted(state.deployments)]

    def list_workers(self) -> list[WorkerView]:
        views = self._monitor.views
        return [views[worker_id] for worker_id in sorted(views)]

    def routes(self) -> RoutingTable:
        table = self._routes.table
        if table is None:
            raise Unavailable("the scheduler has no routing table yet")
        return table

    def watch_routes(self) -> AsyncIterator[RoutingTable]:
        return self._routes.watch()

    async def deployments(self, model: str, version: int | None) -> Sequence[str]:
        """Deployments serving `version` of registry `model` (any version when None):
        the registry's `DeploymentGuard`, refusing to delete what is deployed."""
        state = await self._store.snapshot()
        names = []
        for name, deployment in sorted(state.deployments.items()):
            if deployment.spec.model != model:
                continue
            plan = state.plans.get(name)
            versions = {r.version for r in plan.replicas} if plan else set()
            if plan is not None and plan.target is not None:
                versions.add(plan.target.version)
            if version is None or version in versions or version == deployment.spec.version:
                names.append(name)
        return names


def _view(deployment: Deployment, state: StateSnapshot) -> DeploymentView:
    name = deployment.spec.name
    return DeploymentView(deployment, status_of(deployment, state.plans.get(name)))
