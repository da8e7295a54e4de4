"""Placement as a pure function: capacity, spread, backends, affinity, and reasons."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from maas.scheduler.placement import Demand, WorkerRoom, place

GIB = 1 << 30
ORT = frozenset({"onnxruntime"})


def room(
    worker_id: str,
    free_gib: float,
    *,
    backends: frozenset[str] = ORT,
    artifacts: frozenset[str] = frozenset(),
    replicas: int = 0,
) -> WorkerRoom:
    return WorkerRoom(worker_id, int(free_gib * GIB), backends, artifacts, replicas)


def demand(
    name: str,
    replicas: int,
    gib: float = 1,
    *,
    backends: tuple[str, ...] = (),
    holders: frozenset[str] = frozenset(),
    avoid: frozenset[str] = frozenset(),
) -> Demand:
    return Demand(name, replicas, int(gib * GIB), f"sha-{name}", backends, holders, avoid)


def test_replicas_spread_one_per_worker() -> None:
    placement = place([demand("m", 3)], [room("a", 8), room("b", 8), room("c", 8)])
    assert sorted(placement.workers_for("m")) == ["a", "b", "c"]
    assert placement.shortfalls == {}


def test_more_replicas_than_workers_is_a_shortfall_with_a_reason() -> None:
    placement = place([demand("m", 3, gib=2)], [room("a", 8), room("b", 8)])
    assert sorted(placement.workers_for("m")) == ["a", "b"]
    assert placement.shortfalls["m"] == (
        "needs 3 replicas with 2.0 GiB each, at most one per worker; 2 workers have room"
    )


def test_never_over_commits_a_worker() -> None:
    # Room for two 1 GiB replicas on "a" and none on "b": three deployments want one each.
    workers = [room("a", 2.5), room("b", 0.5)]
    placement = place([demand("x", 1), demand("y", 1), demand("z", 1)], workers)
    assert [a.worker_id for a in placement.assignments] == ["a", "a"]
    assert set(placement.shortfalls) == {"z"}
    assert "1 worker has room" not in placement.shortfalls["z"]
    assert placement.shortfalls["z"] == (
        "needs 1 replica with 1.0 GiB each, at most one per worker; "
        "0 workers have room, 2 lack free memory"
    )


def test_exact_fit_is_allowed() -> None:
    placement = place([demand("m", 1, gib=2)], [room("a", 2)])
    assert placement.workers_for("m") == ["a"]


@pytest.mark.parametrize("seed", range(20))
def test_random_demands_never_over_commit_and_never_double_place(seed: int) -> None:
    rng = random.Random(seed)
    workers = [room(f"w{i}", rng.uniform(0, 6)) for i in range(rng.randint(1, 6))]
    demands = [demand(f"d{i}", rng.randint(1, 5), gib=rng.uniform(0.1, 3)) for i in range(8)]
    placement = place(demands, workers)
    free = {w.id: w.free_bytes for w in workers}
    sizes = {d.name: d.memory_bytes for d in demands}
    for assignment in placement.assignments:
        free[assignment.worker_id] -= sizes[assignment.name]
    assert all(left >= 0 for left in free.values())
    pairs = Counter((a.name, a.worker_id) for a in placement.assignments)
    assert max(pairs.values(), default=1) == 1
    for d in demands:
        placed = len(placement.workers_for(d.name))
        assert placed <= d.replicas
        assert (placed < d.replicas) == (d.name in placement.shortfalls)


def test_prefers_the_worker_that_holds_the_artifact() -> None:
    workers = [room("a", 8), room("b", 4, artifacts=frozenset({"sha-m"}))]
    assert place([demand("m", 1)], workers).workers_for("m") == ["b"]


def test_spreads_deployments_over_the_least_loaded_workers() -> None:
    workers = [room("busy", 8, replicas=3), room("idle", 4)]
    assert place([demand("m", 1)], workers).workers_for("m") == ["idle"]
    # Within one call, the second deployment sees the first one's replica.
    placement = place([demand("x", 1), demand("y", 1)], [room("a", 8), room("b", 8)])
    assert sorted(placement.workers_for("x") + placement.workers_for("y")) == ["a", "b"]


def test_ties_go_to_the_worker_with_more_free_memory() -> None:
    assert place([demand("m", 1)], [room("a", 2), room("b", 6)]).workers_for("m") == ["b"]


def test_existing_holders_count_and_are_not_chosen_again() -> None:
    workers = [room("a", 8), room("b", 8), room("c", 8)]
    placement = place([demand("m", 2, holders=frozenset({"a"}))], workers)
    assert len(placement.workers_for("m")) == 1
    assert "a" not in placement.workers_for("m")
    assert place([demand("m", 2, holders=frozenset({"a", "b"}))], workers).assignments == ()


def test_avoided_workers_are_skipped_and_explained() -> None:
    placement = place([demand("m", 2, avoid=frozenset({"a"}))], [room("a", 8), room("b", 8)])
    assert placement.workers_for("m") == ["b"]
    assert placement.shortfalls["m"].endswith(
        "1 worker has room, 1 cannot take one now (draining it or failed to load it)"
    )


def test_backend_preference_order_and_exclusion() -> None:
    gpu = room("gpu", 8, backends=frozenset({"tensorrt", "onnxruntime"}))
    cpu = room("cpu", 8)
    wants_trt = demand("m", 1, backends=("tensorrt", "onnxruntime"))
    assert place([wants_trt], [cpu, gpu]).workers_for("m") == ["gpu"]
    # The preferred backend wins over artifact affinity and lower load.
    cpu_with_artifact = room("cpu", 8, artifacts=frozenset({"sha-m"}))
    assert place([wants_trt], [cpu_with_artifact, gpu]).workers_for("m") == ["gpu"]
    only_trt = demand("m", 2, backends=("tensorrt",))
    placement = place([only_trt], [cpu, gpu])
    assert placement.workers_for("m") == ["gpu"]
    assert placement.shortfalls["m"] == (
        "needs 2 replicas with 1.0 GiB each, at most one per worker; "
        "1 worker has room, 1 runs none of the backends tensorrt"
    )


def test_no_workers_at_all() -> None:
    placement = place([demand("m", 1)], [])
    assert placement.shortfalls["m"] == (
        "needs 1 replica with 1.0 GiB each, at most one per worker; no worker is available"
    )


def test_demands_are_served_in_the_order_given() -> None:
    workers = [room("a", 1)]
    assert place([demand("first", 1), demand("second", 1)], workers).workers_for("first") == ["a"]
    assert place([demand("second", 1), demand("first", 1)], workers).workers_for("second") == ["a"]
