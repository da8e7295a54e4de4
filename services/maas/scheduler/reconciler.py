"""The leader's loop: resolve versions, decide (`planner.plan_next`), record the plans,
then load and unload.

One `Reconciler` lives for one term of leadership and starts from what the store and
the workers say, so that a new leader carries on wherever the last one stopped. It
runs a pass on every change (desired state, workers, registry, a call finishing) and
every `resync_interval_s` regardless. Calls to workers run in the background, at most
one per replica at a time; their outcomes feed the next pass.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Coroutine, Mapping
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, Final

from maas.errors import MaasError
from maas.gateway.service import Gateway
from maas.scheduler.domain import Deployment, Plan, StateSnapshot
from maas.scheduler.monitor import WorkerMonitor
from maas.scheduler.planner import Load, Policy, Progress, ReplicaKey, Resolution, Unload, plan_next
from maas.scheduler.resolver import ArtifactResolver
from maas.scheduler.routes import replica_id
from maas.scheduler.settings import SchedulerSettings
from maas.scheduler.store import DesiredStateStore
from maas.scheduler.workers import WorkerCallFailed, WorkerClient
from maas.telemetry import tracing

log = logging.getLogger(__name__)

# Passes triggered within this long of each other run as one.
_COALESCE_S: Final = 0.02
_DRAIN_POLL_S: Final = 0.05
_FAILED_PASS_BACKOFF_S: Final = (0.5, 5.0)


@dataclass(frozen=True, slots=True)
class _Resolved:
    selector: tuple[str, int | None, str | None]
    resolution: Resolution
    due: float
    """When (monotonic) to ask the registry again."""


@dataclass(frozen=True, slots=True)
class _Rest:
    until: float
    delay: float


class Reconciler:
    def __init__(
        self,
        settings: SchedulerSettings,
        store: DesiredStateStore,
        monitor: WorkerMonitor,
        workers: WorkerClient,
        resolver: ArtifactResolver,
        gateway: Gateway,
    ) -> None:
        self._settings = settings
        self._store = store
        self._monitor = monitor
        self._workers = workers
        self._resolver = resolver
        self._gateway = gateway
        self._policy = Policy(settings.drain_grace_s, settings.memory_factor)
        self._term_start = time.monotonic()
        self._wake = asyncio.Event()
        self._running: dict[ReplicaKey, asyncio.Task[None]] = {}
        self._loaded: set[ReplicaKey] = set()
        self._failed: dict[ReplicaKey, str] = {}
        self._unloaded: set[ReplicaKey] = set()
        self._settled_at: dict[ReplicaKey, float] = {}
        self._rests: dict[ReplicaKey, _Rest] = {}
        self._resolved: dict[str, _Resolved] = {}
        self._stale_models: set[str] = set()
        self._all_stale = False
        self._tasks: asyncio.TaskGroup | None = None

    async def run(self) -> None:
        """Reconcile until cancelled (at the end of the term)."""
        log.info("leading: reconciling")
        async with asyncio.TaskGroup() as tasks:
            self._tasks = tasks
            tasks.create_task(self._wake_on(self._store.watch()))
            tasks.create_task(self._wake_on(self._monitor.changes()))
            tasks.create_task(self._follow_registry())
            await self._loop()

    async def _loop(self) -> None:
        failures = 0
        while True:
            await asyncio.sleep(_COALESCE_S)
            self._wake.clear()
            try:
                await self._pass()
                failures = 0
            except Exception as exc:
                # The store (Consul) may be out of reach; the next pass starts over from
                # what it says, so nothing is lost by trying again later.
                failures += 1
                initial, cap = _FAILED_PASS_BACKOFF_S
                delay = min(initial * 2 ** (failures - 1), cap)
                if isinstance(exc, MaasError):
                    log.warning("reconciling failed, again in %.1fs: %s", delay, exc)
                else:
                    log.exception("reconciling failed unexpectedly, again in %.1fs", delay)
                await asyncio.sleep(delay)
                continue
            # asyncio.timeout, not wait_for (see WorkerMonitor._poll).
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._settings.resync_interval_s):
                    await self._wake.wait()

    async def _pass(self) -> None:
        state = await self._store.snapshot()
        resolutions = await self._resolve(state.deployments)
        progress = Progress(
            term_start=self._term_start,
            in_flight=frozenset(self._running),
            loaded=frozenset(self._loaded),
            failed=dict(self._failed),
            unloaded=frozenset(self._unloaded),
            avoid=self._resting(),
            settled_at=dict(self._settled_at),
        )
        decision = plan_next(
            state, resolutions, self._monitor.views, progress, time.time(), self._policy
        )
        # Only passes that act get a span (the periodic ones that change nothing would
        # drown the traces); the load and unload calls started here are its children.
        acting = bool(decision.loads or decision.unloads)
        attributes = {"maas.loads": len(decision.loads), "maas.unloads": len(decision.unloads)}
        with tracing.span("placement", attributes) if acting else nullcontext():
            await self._record(state, decision.plans)
            # Recorded in the plans: these outcomes are not news any more.
            self._loaded -= progress.loaded
            self._unloaded -= progress.unloaded
            for key in progress.failed:
                self._failed.pop(key, None)
            for load in decision.loads:
                self._start(load.key, self._load(load))
            for unload in decision.unloads:
                self._start(unload.key, self._unload(unload))

    async def _record(self, state: StateSnapshot, plans: Mapping[str, Plan | None]) -> None:
        """Write the plans that changed, before any call acts on them."""
        for name, plan in plans.items():
            if plan == state.plans.get(name):
                continue
            if plan is None:
                await self._store.delete_plan(name)
            else:
                await self._store.put_plan(plan)

    async def _resolve(self, deployments: Mapping[str, Deployment]) -> dict[str, Resolution]:
        """Each spec's target: asked of the registry when new, changed, reported
        changed, or due; otherwise the answer kept from before."""
        now = time.monotonic()
        due = []
        for name, deployment in deployments.items():
            spec = deployment.spec
            kept = self._resolved.get(name)
            if (
                kept is None
                or kept.selector != (spec.model, spec.version, spec.alias)
                or self._all_stale
                or spec.model in self._stale_models
                or now >= kept.due
            ):
                due.append(deployment)
        self._all_stale = False
        self._stale_models.clear()
        for name in [n for n in self._resolved if n not in deployments]:
            del self._resolved[name]
        answers = await asyncio.gather(
            *(self._resolver.resolve(d.spec) for d in due), return_exceptions=True
        )
        for deployment, answer in zip(due, answers, strict=True):
            spec = deployment.spec
            if isinstance(answer, MaasError):
                resolution = Resolution(None, f"cannot resolve {spec.selector}: {answer}")
                interval = self._settings.resync_interval_s
            elif isinstance(answer, BaseException):
                raise answer
            else:
                resolution = Resolution(answer)
                interval = self._settings.resolve_interval_s
            self._resolved[spec.name] = _Resolved(
                (spec.model, spec.version, spec.alias), resolution, now + interval
            )
        return {name: kept.resolution for name, kept in self._resolved.items()}

    def _resting(self) -> dict[tuple[str, int], frozenset[str]]:
        now = time.monotonic()
        resting: dict[tuple[str, int], set[str]] = {}
        for (worker_id, name, version), rest in list(self._rests.items()):
            if rest.until > now:
                resting.setdefault((name, version), set()).add(worker_id)
            elif now - rest.until > self._settings.load_retry_max_s:
                # Long enough without failing again: the next failure starts afresh.
                del self._rests[(worker_id, name, version)]
        return {key: frozenset(workers) for key, workers in resting.items()}

    def _start(self, key: ReplicaKey, call: Coroutine[Any, Any, None]) -> None:
        assert self._tasks is not None, "started by a pass, inside run()"
        self._running[key] = self._tasks.create_task(call)

    async def _load(self, load: Load) -> None:
        key = load.key
        log.info("loading %s version %d on %s", load.name, load.artifact.version, load.worker_id)
        try:
            await self._workers.load(load.address, load)
        except WorkerCallFailed as exc:
            log.warning(
                "loading %s version %d on %s failed: %s",
                load.name,
                load.artifact.version,
                load.worker_id,
                exc,
            )
            self._failed[key] = str(exc)
            previous = self._rests.get(key)
            delay = (
                min(previous.delay * 2, self._settings.load_retry_max_s)
                if previous
                else self._settings.load_retry_initial_s
            )
            self._rests[key] = _Rest(time.monotonic() + delay, delay)
        else:
            self._loaded.add(key)
        finally:
            self._settle(key, load.worker_id)
        self._wake.set()

    async def _unload(self, unload: Unload) -> None:
        key = unload.key
        try:
            await self._drained(replica_id(unload.worker_id, unload.name, unload.version))
            log.info("unloading %s version %d on %s", unload.name, unload.version, unload.worker_id)
            await self._workers.unload(unload.address, unload.name, unload.version)
        except WorkerCallFailed as exc:
            # Tried again on a later pass, unless the worker leaves discovery first.
            log.warning(
                "unloading %s version %d on %s failed: %s",
                unload.name,
                unload.version,
                unload.worker_id,
                exc,
            )
            return
        else:
            self._unloaded.add(key)
        finally:
            self._settle(key, unload.worker_id)
        self._wake.set()

    async def _drained(self, replica: str) -> None:
        """Wait until this gateway has no request in flight on `replica`, or the timeout."""
        # Polled: the gateway counts requests on its hot path and signals nobody.
        deadline = time.monotonic() + self._settings.drain_timeout_s
        while time.monotonic() < deadline:
            if not self._gateway.in_flight(replica):
                return
            await asyncio.sleep(_DRAIN_POLL_S)

    def _settle(self, key: ReplicaKey, worker_id: str) -> None:
        self._settled_at[key] = time.monotonic()
        del self._running[key]
        self._monitor.poke(worker_id)

    async def _wake_on(self, changes: AsyncIterator[object]) -> None:
        async for _ in changes:
            self._wake.set()

    async def _follow_registry(self) -> None:
        async for models in self._resolver.changes():
            if models is None:
                self._all_stale = True
            else:
                self._stale_models |= models
            self._wake.set()
