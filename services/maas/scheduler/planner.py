"""The leader's decisions, as a pure function: state in, next plans and actions out.

One call looks at every deployment (desired state), the leader's plans, what the
registry resolved, what healthy workers report and what the leader's own calls
returned, and decides the next plans and the load/unload calls that move the workers
towards them. The leader persists the plans *before* making the calls, so that every
scheduler routes by them and a new leader finds every replica the old one touched.
Since nothing else is kept between calls, a new leader simply calls it again: any step
may be repeated (loading and unloading are idempotent on the worker).

The life of a replica: placed as LOADING; READY once the worker confirms it; routed
while its version is the deployment's serving version; DRAINING once taken out of
routing; unloaded after `Policy.drain_grace_s`, when every router has caught up.
A rolling update loads the target version beside the serving one, switches `serving`
once enough of it is ready, then drains the old version. A replica whose worker left
discovery is dropped and placed again elsewhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from maas.scheduler.domain import (
    Artifact,
    Deployment,
    Plan,
    PlannedReplica,
    ReplicaState,
    StateSnapshot,
    WorkerReplicaState,
    WorkerView,
    model_config_json,
)
from maas.scheduler.placement import Demand, WorkerRoom, place

ReplicaKey = tuple[str, str, int]
"""(worker id, deployment name, version): one replica, whoever holds its record."""


@dataclass(frozen=True, slots=True)
class Load:
    worker_id: str
    address: str
    name: str
    artifact: Artifact
    config_json: str

    @property
    def key(self) -> ReplicaKey:
        return (self.worker_id, self.name, self.artifact.version)


@dataclass(frozen=True, slots=True)
class Unload:
    worker_id: str
    address: str
    name: str
    version: int

    @property
    def key(self) -> ReplicaKey:
        return (self.worker_id, self.name, self.version)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a deployment's version selector resolved to.

    `artifact` is the latest known answer; `error` says why the latest attempt failed
    (the artifact then is the previous answer, or None)."""

    artifact: Artifact | None
    error: str = ""


@dataclass(frozen=True, slots=True)
class Progress:
    """What the leader itself did and learned since the previous call."""

    term_start: float
    """When (monotonic) this leader's term began: statuses from before it are stale."""
    in_flight: frozenset[ReplicaKey] = frozenset()
    """Replicas with a load or unload call under way: no second call for them."""
    loaded: frozenset[ReplicaKey] = frozenset()
    failed: Mapping[ReplicaKey, str] = field(default_factory=dict)
    """Loads that failed, with the worker's reason."""
    unloaded: frozenset[ReplicaKey] = frozenset()
    avoid: Mapping[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    """(name, version) -> workers that failed to load it lately and get a rest."""
    settled_at: Mapping[ReplicaKey, float] = field(default_factory=dict)
    """When (monotonic) a call last settled a replica: only a status requested after
    it says anything about the replica's fate."""


@dataclass(frozen=True, slots=True)
class Policy:
    drain_grace_s: float = 2.0
    """How long a replica out of routing stays loaded, for every router to catch up."""
    memory_factor: float = 2.0
    """Memory estimate of a replica whose spec sets none, per byte of artifact."""


@dataclass(frozen=True, slots=True)
class Decision:
    plans: dict[str, Plan | None]
    """Every deployment's next plan; None deletes a finished one."""
    loads: tuple[Load, ...] = ()
    unloads: tuple[Unload, ...] = ()


def replica_memory(deployment: Deployment, artifact: Artifact, policy: Policy) -> int:
    """What a replica is expected to take: the spec's figure, else an estimate."""
    if deployment.spec.memory_bytes:
        return deployment.spec.memory_bytes
    return math.ceil(artifact.size_bytes * policy.memory_factor)


def plan_next(
    state: StateSnapshot,
    resolutions: Mapping[str, Resolution],
    workers: Mapping[str, WorkerView],
    progress: Progress,
    now: float,
    policy: Policy,
) -> Decision:
    """The next plans and calls (see the module docstring).

    `workers` are the healthy ones per discovery; `now` is wall-clock time (drain
    times are shared between leaders through the plans).
    """
    names = sorted({*state.deployments, *state.plans})
    drafts: dict[str, _Draft] = {}
    for name in names:
        plan = state.plans.get(name) or Plan(name)
        draft = _observe(plan, workers, progress)
        deployment = state.deployments.get(name)
        if deployment is None:
            draft.retire(now)
        else:
            draft.steer(deployment, resolutions.get(name), now)
        drafts[name] = draft

    _place(drafts, state.deployments, workers, progress, policy)

    plans: dict[str, Plan | None] = {}
    loads: list[Load] = []
    unloads: list[Unload] = []
    for name, draft in drafts.items():
        planned = draft.finish(state.deployments.get(name))
        plans[name] = planned
        if planned is None:
            continue
        for replica in planned.replicas:
            key = (replica.worker_id, name, replica.version)
            if key in progress.in_flight:
                continue
            if replica.state is ReplicaState.LOADING:
                # Only the target version is ever placed or kept loading (see _Draft.steer).
                assert planned.target is not None
                assert planned.target.version == replica.version
                view = workers[replica.worker_id]
                backends = view.status.backends if view.status else ()
                loads.append(
                    Load(
                        replica.worker_id,
                        replica.address,
                        name,
                        planned.target,
                        model_config_json(state.deployments[name].spec, backends),
                    )
                )
            elif (
                replica.state is ReplicaState.DRAINING
                and now - replica.drain_since >= policy.drain_grace_s
            ):
                unloads.append(Unload(replica.worker_id, replica.address, name, replica.version))
    unloads.extend(_strays(plans, workers, progress))
    return Decision(plans, tuple(loads), tuple(unloads))


class _Draft:
    """One deployment's plan while a call works on it."""

    def __init__(self, plan: Plan, replicas: list[PlannedReplica], load_error: str) -> None:
        self.plan = plan
        self.replicas = replicas
        self.target = plan.target
        self.serving = plan.serving
        self.resolve_error = plan.resolve_error
        self.schedule_error = ""
        self.load_error = load_error

    def retire(self, now: float) -> None:
        """The spec is gone: take everything out of routing."""
        self.serving = None
        self.replicas = [_drain(r, now) for r in self.replicas]

    def steer(self, deployment: Deployment, resolution: Resolution | None, now: float) -> None:
        """Follow the spec: adopt its target, switch traffic once the target is ready
        enough, and drain what is neither serving nor about to."""
        if resolution is not None:
            self.resolve_error = resolution.error
            if resolution.artifact is not None:
                self.target = resolution.artifact
        if self.target is None:
            return
        spec = deployment.spec
        target = self.target.version
        live = [r for r in self.replicas if r.state is not ReplicaState.DRAINING]
        if self.serving != target:
            ready = _count(live, target, ReplicaState.READY)
            loading = _count(live, target, ReplicaState.LOADING)
            serving_ready = _count(live, self.serving, ReplicaState.READY)
            # Nothing served: any ready replica is better. Otherwise wait until every
            # placed replica of the target has settled and enough of them are ready.
            if ready and (serving_ready == 0 or (not loading and ready >= spec.min_replicas)):
                self.serving = target
        keep: set[PlannedReplica] = set()
        for version in {target, self.serving}:
            # Only the target loads: a replica of an older version still loading
            # would never be routed.
            group = [
                r
                for r in live
                if r.version == version and (version == target or r.state is ReplicaState.READY)
            ]
            # Ready ones first: scaling down never drops a routed replica for a loading one.
            group.sort(key=lambda r: (r.state is not ReplicaState.READY, r.worker_id))
            keep.update(group[: spec.max_replicas])
        self.replicas = [r if r in keep or r not in live else _drain(r, now) for r in self.replicas]

    def finish(self, deployment: Deployment | None) -> Plan | None:
        if deployment is None and not self.replicas:
            return None
        target = self.target
        if (
            deployment is not None
            and target is not None
            and self.serving == target.version
            and _count(self.replicas, target.version, ReplicaState.READY)
            >= deployment.spec.max_replicas
        ):
            self.load_error = ""
        return Plan(
            self.plan.name,
            deployment.generation if deployment else self.plan.observed_generation,
            target,
            self.serving,
            tuple(sorted(self.replicas, key=lambda r: (r.version, r.worker_id))),
            self.resolve_error,
            self.schedule_error,
            self.load_error,
        )


def _observe(plan: Plan, workers: Mapping[str, WorkerView], progress: Progress) -> _Draft:
    """The plan's replicas updated with what calls returned and workers report."""
    kept: list[PlannedReplica] = []
    load_error = plan.load_error
    for replica in plan.replicas:
        key = (replica.worker_id, plan.name, replica.version)
        view = workers.get(replica.worker_id)
        if view is None:
            continue  # the worker left discovery: placed again elsewhere
        if key in progress.in_flight:
            kept.append(replica)  # the call under way will tell
            continue
        reported = None
        fresh = view.status is not None and view.polled_at > progress.settled_at.get(
            key, progress.term_start
        )
        if fresh and view.status is not None:
            reported = view.status.replica(plan.name, replica.version)
        if replica.state is ReplicaState.DRAINING:
            if key not in progress.unloaded:
                kept.append(replica)
        elif replica.state is ReplicaState.LOADING:
            if key in progress.failed or (
                reported is not None and reported.state is WorkerReplicaState.FAILED
            ):
                reason = progress.failed.get(key) or (reported.reason if reported else "")
                load_error = (
                    f"loading version {replica.version} on worker {replica.worker_id} "
                    f"failed: {reason}"
                )
                continue
            if key in progress.loaded or (
                reported is not None
                and reported.state is WorkerReplicaState.READY
                and reported.sha256 == replica.sha256
            ):
                replica = replace(replica, state=ReplicaState.READY)
            kept.append(replica)
        elif not fresh or (reported is not None and reported.state is WorkerReplicaState.READY):
            kept.append(replica)
        # else: READY in the plan, but the worker no longer serves it: placed again.
    return _Draft(plan, kept, load_error)


def _place(
    drafts: Mapping[str, _Draft],
    deployments: Mapping[str, Deployment],
    workers: Mapping[str, WorkerView],
    progress: Progress,
    policy: Policy,
) -> None:
    """Add LOADING replicas where targets lack some, and note why where none fits."""
    demands = []
    for name, draft in drafts.items():
        deployment = deployments.get(name)
        if deployment is None or draft.target is None:
            continue
        version = draft.target.version
        of_target = [r for r in draft.replicas if r.version == version]
        demands.append(
            Demand(
                name,
                deployment.spec.max_replicas,
                replica_memory(deployment, draft.target, policy),
                draft.target.sha256,
                deployment.spec.backends,
                holders=frozenset(
                    r.worker_id for r in of_target if r.state is not ReplicaState.DRAINING
                ),
                avoid=frozenset(r.worker_id for r in of_target if r.state is ReplicaState.DRAINING)
                | progress.avoid.get((name, version), frozenset()),
            )
        )
    placement = place(demands, _rooms(drafts, workers))
    for demand in demands:
        draft = drafts[demand.name]
        assert draft.target is not None
        draft.schedule_error = placement.shortfalls.get(demand.name, "")
        for worker_id in placement.workers_for(demand.name):
            draft.replicas.append(
                PlannedReplica(
                    worker_id,
                    workers[worker_id].address,
                    draft.target.version,
                    draft.target.sha256,
                    ReplicaState.LOADING,
                    demand.memory_bytes,
                )
            )


def _rooms(drafts: Mapping[str, _Draft], workers: Mapping[str, WorkerView]) -> list[WorkerRoom]:
    """Free room of every worker that answered its latest status request.

    A replica counts at the larger of its reservation and what the worker reports for
    it, whether only planned (not loaded yet), only reported (not ours) or both; the
    worker's own total counts when larger still. Never over-committing rests on it.
    """
    planned: dict[str, dict[tuple[str, int], PlannedReplica]] = {}
    for name, draft in drafts.items():
        for r in draft.replicas:
            planned.setdefault(r.worker_id, {})[(name, r.version)] = r
    rooms = []
    for view in workers.values():
        if view.status is None or not view.reachable:
            continue
        mine = planned.get(view.id, {})
        memory = {key: r.memory_bytes for key, r in mine.items()}
        artifacts = {r.sha256 for r in mine.values()}
        for reported in view.status.replicas:
            key = (reported.name, reported.version)
            memory[key] = max(memory.get(key, 0), reported.memory_bytes)
            artifacts.add(reported.sha256)
        committed = max(sum(memory.values()), view.status.memory_used_bytes)
        rooms.append(
            WorkerRoom(
                view.id,
                view.status.memory_capacity_bytes - committed,
                frozenset(view.status.backends),
                frozenset(artifacts),
                sum(1 for r in mine.values() if r.state is not ReplicaState.DRAINING),
            )
        )
    return rooms


def _strays(
    plans: Mapping[str, Plan | None], workers: Mapping[str, WorkerView], progress: Progress
) -> Iterable[Unload]:
    """Replicas of our deployments that workers hold but no plan has: a load that
    failed, a replica already given up for lost, or one from a leader that died
    before recording it. Nobody routes to them; models outside our deployments (a
    worker's own model directory) are left alone."""
    for view in workers.values():
        if view.status is None:
            continue
        for reported in view.status.replicas:
            if reported.name not in plans or reported.state is WorkerReplicaState.UNLOADING:
                continue
            key = (view.id, reported.name, reported.version)
            plan = plans[reported.name]
            planned = plan is not None and any(
                r.worker_id == view.id and r.version == reported.version for r in plan.replicas
            )
            if not planned and key not in progress.in_flight:
                yield Unload(view.id, view.address, reported.name, reported.version)


def _drain(replica: PlannedReplica, now: float) -> PlannedReplica:
    if replica.state is ReplicaState.DRAINING:
        return replica
    return replace(replica, state=ReplicaState.DRAINING, drain_since=now)


def _count(replicas: Iterable[PlannedReplica], version: int | None, state: ReplicaState) -> int:
    return sum(1 for r in replicas if r.version == version and r.state is state)
