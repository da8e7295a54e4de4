"""Where new replicas go: a pure function from demands and free room to assignments.

Rules, in order of weight:
- never over-commit: a worker takes a replica only if its free memory covers it, and
  free memory shrinks with every assignment made in the same call;
- at most one replica of a deployment's version per worker (a worker serves a name and
  version once), which spreads each deployment across workers;
- backends: a worker running none of the acceptable backends is never chosen, and one
  running a more preferred backend wins;
- artifact affinity: a worker already holding the artifact (same sha256) wins, since
  it loads without downloading;
- spread across deployments: the worker with fewer replicas, then more free memory.

Demands are served in the order given, so the caller decides who goes first when room
is short. A demand that cannot be met in full gets what fits and a reason a user can
act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from maas.scheduler.domain import format_bytes


@dataclass(frozen=True, slots=True)
class Demand:
    """Replicas one deployment version should have."""

    name: str
    replicas: int
    """Replicas wanted in all, counting those `holders` already have."""
    memory_bytes: int
    """What each replica takes."""
    sha256: str
    backends: tuple[str, ...] = ()
    """Acceptable backends, most preferred first; empty accepts any."""
    holders: frozenset[str] = frozenset()
    """Workers that already hold a replica of this version."""
    avoid: frozenset[str] = frozenset()
    """Workers that must not get one now (still draining it, or failed to load it)."""


@dataclass(frozen=True, slots=True)
class WorkerRoom:
    """A worker as placement sees it."""

    id: str
    free_bytes: int
    backends: frozenset[str]
    artifacts: frozenset[str] = frozenset()
    """sha256 of the artifacts it holds."""
    replicas: int = 0
    """Replicas it holds, of any deployment."""


@dataclass(frozen=True, slots=True)
class Assignment:
    name: str
    worker_id: str


@dataclass(frozen=True, slots=True)
class Placement:
    assignments: tuple[Assignment, ...] = ()
    shortfalls: dict[str, str] = field(default_factory=dict)
    """Deployment name -> why some of its replicas have no worker."""

    def workers_for(self, name: str) -> list[str]:
        return [a.worker_id for a in self.assignments if a.name == name]


def place(demands: Sequence[Demand], workers: Sequence[WorkerRoom]) -> Placement:
    """Assign the missing replicas of each demand to workers (see the module docstring)."""
    free = {w.id: w.free_bytes for w in workers}
    held = {w.id: w.replicas for w in workers}
    artifacts = {w.id: set(w.artifacts) for w in workers}
    assignments: list[Assignment] = []
    shortfalls: dict[str, str] = {}
    for demand in demands:
        missing = demand.replicas - len(demand.holders)
        if missing <= 0:
            continue
        candidates = [
            w
            for w in workers
            if w.id not in demand.holders
            and w.id not in demand.avoid
            and _backend_rank(demand, w) is not None
        ]
        fitting = [w for w in candidates if free[w.id] >= demand.memory_bytes]
        fitting.sort(
            key=lambda w: (
                _backend_rank(demand, w),
                demand.sha256 not in artifacts[w.id],
                held[w.id],
                -free[w.id],
                w.id,
            )
        )
        chosen = fitting[:missing]
        for worker in chosen:
            free[worker.id] -= demand.memory_bytes
            held[worker.id] += 1
            artifacts[worker.id].add(demand.sha256)
            assignments.append(Assignment(demand.name, worker.id))
        if len(chosen) < missing:
            shortfalls[demand.name] = _shortfall(demand, workers, candidates, len(chosen))
    return Placement(tuple(assignments), shortfalls)


def _backend_rank(demand: Demand, worker: WorkerRoom) -> int | None:
    """Position of the worker's best backend in the demand's preference; None if none."""
    if not demand.backends:
        return 0
    for rank, backend in enumerate(demand.backends):
        if backend in worker.backends:
            return rank
    return None


def _shortfall(
    demand: Demand,
    workers: Sequence[WorkerRoom],
    candidates: Sequence[WorkerRoom],
    chosen: int,
) -> str:
    """Why `demand` got fewer replicas than it wants, counting workers by reason."""
    each = format_bytes(demand.memory_bytes)
    noun = "replica" if demand.replicas == 1 else "replicas"
    head = f"needs {demand.replicas} {noun} with {each} each, at most one per worker"
    if not workers and not demand.holders:
        return f"{head}; no worker is available"
    room = len(demand.holders) + chosen
    reasons = [f"{room} {_workers(room)} {'has' if room == 1 else 'have'} room"]
    short_of_memory = len(candidates) - chosen
    if short_of_memory:
        reasons.append(f"{short_of_memory} {_lack(short_of_memory)} free memory")
    others = [w for w in workers if w.id not in demand.holders]
    wrong_backend = sum(1 for w in others if _backend_rank(demand, w) is None)
    if wrong_backend:
        names = ", ".join(demand.backends)
        reasons.append(f"{wrong_backend} {_run(wrong_backend)} none of the backends {names}")
    avoided = sum(
        1 for w in others if w.id in demand.avoid and _backend_rank(demand, w) is not None
    )
    if avoided:
        reasons.append(f"{avoided} cannot take one now (draining it or failed to load it)")
    return f"{head}; {', '.join(reasons)}"


def _workers(count: int) -> str:
    return "worker" if count == 1 else "workers"


def _lack(count: int) -> str:
    return "lacks" if count == 1 else "lack"


def _run(count: int) -> str:
    return "runs" if count == 1 else "run"
