"""The leader's decisions as a pure function: placing, rolling, draining, recovering."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from maas.scheduler.domain import (
    Artifact,
    Deployment,
    DeploymentSpec,
    Plan,
    PlannedReplica,
    ReplicaState,
    StateSnapshot,
    WorkerReplica,
    WorkerReplicaState,
    WorkerStatus,
    WorkerView,
    status_of,
)
from maas.scheduler.planner import (
    Decision,
    Load,
    Policy,
    Progress,
    ReplicaKey,
    Resolution,
    Unload,
    plan_next,
)

GIB = 1 << 30
V1 = Artifact("resnet", 1, "a" * 64, GIB // 4)
V2 = Artifact("resnet", 2, "b" * 64, GIB // 4)
POLICY = Policy(drain_grace_s=2.0, memory_factor=2.0)
NOW = 1000.0
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
LOADING, READY, DRAINING = ReplicaState.LOADING, ReplicaState.READY, ReplicaState.DRAINING


def deployment(replicas: int = 2, *, min_replicas: int = 1, generation: int = 1) -> Deployment:
    spec = DeploymentSpec("web", "resnet", min_replicas=min_replicas, max_replicas=replicas)
    return Deployment(spec, generation, EPOCH, EPOCH)


def worker(
    worker_id: str,
    replicas: Iterable[WorkerReplica] = (),
    *,
    capacity_gib: float = 4,
    polled_at: float = -1.0,
) -> WorkerView:
    """A worker whose status, by default, predates the leader's term (no news about
    the replicas it holds: see test_a_replica_its_worker_lost...)."""
    status = WorkerStatus(
        tuple(replicas), int(capacity_gib * GIB), 0, ("onnxruntime",), inflight_requests=0
    )
    return WorkerView(worker_id, f"{worker_id}:1", status, True, polled_at)


def workers(*views: WorkerView) -> dict[str, WorkerView]:
    return {v.id: v for v in views}


def reported(
    version: Artifact, state: WorkerReplicaState = WorkerReplicaState.READY, name: str = "web"
) -> WorkerReplica:
    return WorkerReplica(name, version.version, version.model, version.sha256, state)


def planned(
    worker_id: str, version: Artifact, state: ReplicaState, drain_since: float = 0.0
) -> PlannedReplica:
    return PlannedReplica(
        worker_id, f"{worker_id}:1", version.version, version.sha256, state, GIB // 2, drain_since
    )


def plan(
    *replicas: PlannedReplica, target: Artifact = V1, serving: int | None = 1, generation: int = 1
) -> Plan:
    return Plan("web", generation, target, serving, tuple(replicas))


def decide(
    plans: Mapping[str, Plan],
    views: Mapping[str, WorkerView],
    *,
    target: Artifact | None = V1,
    dep: Deployment | None = None,
    progress: Progress | None = None,
    now: float = NOW,
    error: str = "",
) -> Decision:
    state = StateSnapshot({"web": dep or deployment()}, dict(plans))
    resolutions = {"web": Resolution(target, error)}
    return plan_next(state, resolutions, views, progress or Progress(term_start=0.0), now, POLICY)


def keys(calls: Iterable[Load | Unload]) -> frozenset[ReplicaKey]:
    return frozenset(call.key for call in calls)


def the_plan(decision: Decision) -> Plan:
    result = decision.plans["web"]
    assert result is not None
    return result


def test_a_new_deployment_is_placed_and_loaded_on_two_workers() -> None:
    decision = decide({}, workers(worker("a"), worker("b"), worker("c")))
    result = the_plan(decision)
    assert [(r.worker_id, r.state) for r in result.replicas] == [("a", LOADING), ("b", LOADING)]
    assert result.serving is None
    assert result.target == V1
    assert keys(decision.loads) == {("a", "web", 1), ("b", "web", 1)}
    assert {load.artifact for load in decision.loads} == {V1}
    assert decision.unloads == ()
    # The estimate (twice the artifact) is what each replica reserves.
    assert {r.memory_bytes for r in result.replicas} == {GIB // 2}


def test_traffic_starts_with_the_first_ready_replica() -> None:
    start = plan(planned("a", V1, LOADING), planned("b", V1, LOADING), serving=None)
    progress = Progress(term_start=0.0, loaded=frozenset({("a", "web", 1)}))
    result = the_plan(decide({"web": start}, workers(worker("a"), worker("b")), progress=progress))
    assert result.serving == 1
    assert [r.worker_id for r in result.routed()] == ["a"]


def test_calls_under_way_are_not_repeated() -> None:
    start = plan(planned("a", V1, LOADING), serving=None)
    progress = Progress(term_start=0.0, in_flight=frozenset({("a", "web", 1)}))
    dep = deployment(1)
    decision = decide({"web": start}, workers(worker("a")), progress=progress, dep=dep)
    assert decision.loads == ()


def test_a_new_leader_loads_again_what_it_finds_loading() -> None:
    start = plan(planned("a", V1, LOADING), serving=None)
    dep = deployment(1)
    # The status predates the term: it says nothing yet.
    decision = decide({"web": start}, workers(worker("a", polled_at=-1)), dep=dep)
    assert keys(decision.loads) == {("a", "web", 1)}
    # A status from this term showing it ready settles it without a call.
    fresh = workers(worker("a", [reported(V1)], polled_at=5))
    decision = decide({"web": start}, fresh, dep=dep)
    assert the_plan(decision).replicas[0].state is READY
    assert decision.loads == ()


def test_rolling_update_loads_beside_switches_then_drains() -> None:
    views = workers(worker("a"), worker("b"), worker("c"))
    serving_v1 = plan(planned("a", V1, READY), planned("b", V1, READY))
    dep = deployment(2, generation=2)

    # 1. The target moves to version 2: it is placed beside version 1, which keeps serving.
    step = decide({"web": serving_v1}, views, target=V2, dep=dep)
    result = the_plan(step)
    assert result.serving == 1
    assert result.target == V2
    assert {(r.worker_id, r.version, r.state) for r in result.replicas} == {
        ("a", 1, READY),
        ("b", 1, READY),
        ("c", 2, LOADING),
        ("a", 2, LOADING),
    }
    assert {r.worker_id for r in result.routed()} == {"a", "b"}
    assert keys(step.loads) == {("a", "web", 2), ("c", "web", 2)}

    # 2. One of two is ready: traffic stays on version 1.
    one = Progress(term_start=0.0, loaded=frozenset({("a", "web", 2)}))
    result = the_plan(decide({"web": result}, views, target=V2, dep=dep, progress=one))
    assert result.serving == 1

    # 3. Both ready: traffic switches, version 1 drains (still loaded, out of routing).
    other = Progress(term_start=0.0, loaded=frozenset({("c", "web", 2)}))
    step = decide({"web": result}, views, target=V2, dep=dep, progress=other)
    result = the_plan(step)
    assert result.serving == 2
    assert {r.worker_id for r in result.routed()} == {"a", "c"}
    assert {(r.worker_id, r.state, r.drain_since) for r in result.replicas if r.version == 1} == {
        ("a", DRAINING, NOW),
        ("b", DRAINING, NOW),
    }
    assert step.unloads == ()

    # 4. Within the grace nothing is unloaded; after it, both are.
    assert decide({"web": result}, views, target=V2, dep=dep, now=NOW + 1).unloads == ()
    step = decide({"web": result}, views, target=V2, dep=dep, now=NOW + 2)
    assert keys(step.unloads) == {("a", "web", 1), ("b", "web", 1)}

    # 5. Once unloaded they leave the plan; the rollout is done.
    done = Progress(term_start=0.0, unloaded=keys(step.unloads))
    result = the_plan(decide({"web": result}, views, target=V2, dep=dep, progress=done))
    assert {(r.worker_id, r.version) for r in result.replicas} == {("a", 2), ("c", 2)}
    conditions = {c.type: c for c in status_of(dep, result).conditions}
    assert conditions["Updated"].status
    assert conditions["Available"].message == "2 of 2 replicas ready"


def test_a_rollout_waits_for_min_replicas_when_room_is_short() -> None:
    # Room for one more replica only: version 2 gets one, below min_replicas=2.
    views = workers(worker("a", capacity_gib=1.5), worker("b", capacity_gib=0.9))
    start = plan(planned("a", V1, READY), planned("b", V1, READY))
    dep = deployment(2, min_replicas=2)
    result = the_plan(decide({"web": start}, views, target=V2, dep=dep))
    assert [(r.worker_id, r.version) for r in result.replicas if r.version == 2] == [("a", 2)]
    ready = Progress(term_start=0.0, loaded=frozenset({("a", "web", 2)}))
    result = the_plan(decide({"web": result}, views, target=V2, dep=dep, progress=ready))
    assert result.serving == 1
    assert "needs 2 replicas" in result.schedule_error
    updated = {c.type: c for c in status_of(dep, result).conditions}["Updated"]
    assert not updated.status
    assert updated.message == "version 2: 1 of 2 replicas ready; version 1 serving"


def test_a_worker_that_leaves_has_its_replica_placed_elsewhere() -> None:
    start = plan(planned("a", V1, READY), planned("b", V1, READY))
    decision = decide({"web": start}, workers(worker("a"), worker("c")))
    result = the_plan(decision)
    assert {(r.worker_id, r.state) for r in result.replicas} == {("a", READY), ("c", LOADING)}
    assert keys(decision.loads) == {("c", "web", 1)}
    assert [r.worker_id for r in result.routed()] == ["a"]


def test_a_replica_its_worker_lost_is_placed_again_but_stale_news_changes_nothing() -> None:
    start = plan(planned("a", V1, READY))
    dep = deployment(1)
    # Polled before this leader's term: no verdict.
    stale = the_plan(decide({"web": start}, workers(worker("a", polled_at=-1)), dep=dep))
    assert stale.replicas == start.replicas
    # Polled during the term and not there: lost, loaded again.
    decision = decide({"web": start}, workers(worker("a", polled_at=5)), dep=dep)
    assert [(r.worker_id, r.state) for r in the_plan(decision).replicas] == [("a", LOADING)]
    assert keys(decision.loads) == {("a", "web", 1)}


def test_a_failed_load_is_reported_and_the_worker_rested() -> None:
    start = plan(planned("a", V1, LOADING), serving=None)
    progress = Progress(
        term_start=0.0,
        failed={("a", "web", 1): "INVALID_ARGUMENT: bad model"},
        avoid={("web", 1): frozenset({"a"})},
    )
    dep = deployment(1)
    decision = decide({"web": start}, workers(worker("a"), worker("b")), progress=progress, dep=dep)
    result = the_plan(decision)
    assert [(r.worker_id, r.state) for r in result.replicas] == [("b", LOADING)]
    assert result.load_error == "loading version 1 on worker a failed: INVALID_ARGUMENT: bad model"
    available = {c.type: c for c in status_of(dep, result).conditions}["Available"]
    assert "bad model" in available.message


def test_unschedulable_is_reported_not_silently_pending() -> None:
    dep = deployment(3)
    result = the_plan(decide({}, workers(worker("a"), worker("b", capacity_gib=0.25)), dep=dep))
    assert len(result.replicas) == 1
    assert result.schedule_error == (
        "needs 3 replicas with 512.0 MiB each, at most one per worker; "
        "1 worker has room, 1 lacks free memory"
    )
    scheduled = {c.type: c for c in status_of(dep, result).conditions}["Scheduled"]
    assert (scheduled.status, scheduled.reason) == (False, "Unschedulable")


def test_memory_counts_planned_and_reported_replicas() -> None:
    # "a" reports 3.5 GiB in use by a replica of another deployment: no room for 512 MiB.
    other = replace(reported(V1, name="other"), memory_bytes=int(3.7 * GIB))
    decision = decide({}, workers(worker("a", [other]), worker("b")), dep=deployment(2))
    assert [r.worker_id for r in the_plan(decision).replicas] == ["b"]


def test_an_unresolved_version_places_nothing_and_says_why() -> None:
    dep = deployment(1)
    result = the_plan(
        decide({}, workers(worker("a")), target=None, dep=dep, error="no alias 'prod'")
    )
    assert result.replicas == ()
    resolved = {c.type: c for c in status_of(dep, result).conditions}["Resolved"]
    assert (resolved.status, resolved.message) == (False, "no alias 'prod'")


def test_a_failing_registry_keeps_what_serves() -> None:
    start = plan(planned("a", V1, READY))
    result = the_plan(
        decide({"web": start}, workers(worker("a")), target=None, dep=deployment(1), error="down")
    )
    assert result.routed() == start.replicas
    assert result.target == V1


def test_scaling_down_drains_the_extra_replicas_keeping_ready_ones() -> None:
    start = plan(planned("a", V1, READY), planned("b", V1, LOADING), planned("c", V1, READY))
    views = workers(worker("a"), worker("b"), worker("c"))
    result = the_plan(decide({"web": start}, views, dep=deployment(1)))
    states = {r.worker_id: r.state for r in result.replicas}
    assert states == {"a": READY, "b": DRAINING, "c": DRAINING}


def test_a_deleted_deployment_drains_then_its_plan_goes() -> None:
    start = plan(planned("a", V1, READY))
    views = workers(worker("a", [reported(V1)]))
    state = StateSnapshot({}, {"web": start})
    progress = Progress(term_start=0.0)
    first = plan_next(state, {}, views, progress, NOW, POLICY)
    draining = first.plans["web"]
    assert draining is not None
    assert draining.routed() == ()
    assert first.unloads == ()
    later = plan_next(StateSnapshot({}, {"web": draining}), {}, views, progress, NOW + 2, POLICY)
    assert keys(later.unloads) == {("a", "web", 1)}
    gone = Progress(term_start=0.0, unloaded=frozenset({("a", "web", 1)}))
    last = plan_next(StateSnapshot({}, {"web": draining}), {}, views, gone, NOW + 3, POLICY)
    assert last.plans == {"web": None}


def test_strays_of_our_deployments_are_unloaded_and_others_left_alone() -> None:
    start = plan(planned("a", V1, READY))
    stray = reported(V2)
    theirs = reported(V1, name="local_model")
    views = workers(worker("a", [reported(V1), stray, theirs]))
    decision = decide({"web": start}, views, dep=deployment(1))
    assert keys(decision.unloads) == {("a", "web", 2)}


def test_status_before_the_leader_acted() -> None:
    pending = status_of(deployment(2), None)
    assert pending.ready_replicas == 0
    assert [(c.type, c.status, c.reason) for c in pending.conditions] == [
        ("Scheduled", False, "Pending")
    ]
