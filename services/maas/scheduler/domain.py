"""The scheduler's vocabulary as plain data: deployments, what the leader planned for
them, and workers as they report themselves.

Specs are checked here, once, with messages written for the user. The leader's record
of each deployment (`Plan`) is shared through the desired-state store, so that every
scheduler routes by the same decisions and a new leader picks up where the last one
stopped; `status_of` turns it into what a user reads.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Final

from maas import names
from maas.errors import InvalidInput, echo

LATEST: Final = "latest"

_BACKEND = re.compile(r"[a-z][a-z0-9_]{0,63}")
_MAX_REPLICAS: Final = 1024
_MAX_INSTANCES: Final = 64


@dataclass(frozen=True, slots=True)
class Batching:
    """Dynamic batching of each replica; zeros keep the model's or worker's defaults."""

    max_batch_size: int = 0
    preferred_batch_sizes: tuple[int, ...] = ()
    max_queue_delay_us: int = 0
    max_queue_size: int = 0


@dataclass(frozen=True, slots=True)
class DeploymentSpec:
    """What to serve under `name`: a registry model at a version, an alias, or latest
    (neither), on `min_replicas` to `max_replicas` workers."""

    name: str
    model: str
    version: int | None = None
    alias: str | None = None
    min_replicas: int = 1
    max_replicas: int = 1
    instance_count: int = 1
    batching: Batching | None = None
    backends: tuple[str, ...] = ()
    """Acceptable backends, most preferred first; empty accepts any."""
    memory_bytes: int = 0
    """Memory a replica takes; 0 estimates it from the artifact size."""

    def __post_init__(self) -> None:
        _check_spec(self)

    @property
    def selector(self) -> str:
        """How the spec names its version, for messages."""
        if self.version is not None:
            return f"version {self.version}"
        return f"alias '{self.alias}'" if self.alias is not None else f"'{LATEST}'"


def _check_spec(spec: DeploymentSpec) -> None:
    names.check_model_name(spec.name, "deployment name")
    names.check_model_name(spec.model)
    if spec.version is not None and spec.alias is not None:
        raise InvalidInput("a deployment names a version or an alias, not both")
    if spec.version is not None and spec.version < 1:
        raise InvalidInput(f"version must be 1 or more, not {spec.version}")
    if spec.alias is not None and spec.alias != LATEST:
        names.check_alias_name(spec.alias)
    if not 1 <= spec.min_replicas <= spec.max_replicas <= _MAX_REPLICAS:
        raise InvalidInput(
            f"replicas must satisfy 1 <= min ({spec.min_replicas}) <= max "
            f"({spec.max_replicas}) <= {_MAX_REPLICAS}"
        )
    if not 1 <= spec.instance_count <= _MAX_INSTANCES:
        raise InvalidInput(f"instance count must be 1-{_MAX_INSTANCES}, not {spec.instance_count}")
    for backend in spec.backends:
        if not _BACKEND.fullmatch(backend):
            raise InvalidInput(f"backend '{echo(backend)}' is not a backend name")
    if len(set(spec.backends)) != len(spec.backends):
        raise InvalidInput(f"backends {echo(list(spec.backends))} name one twice")
    if spec.memory_bytes < 0:
        raise InvalidInput("memory must not be negative")
    batching = spec.batching
    if batching is not None:
        sizes = batching.preferred_batch_sizes
        if any(size < 1 for size in sizes) or (
            batching.max_batch_size and any(size > batching.max_batch_size for size in sizes)
        ):
            raise InvalidInput(
                f"preferred batch sizes {echo(list(sizes))} must lie in [1, max batch size]"
            )
        if min(batching.max_batch_size, batching.max_queue_delay_us, batching.max_queue_size) < 0:
            raise InvalidInput("batching settings must not be negative")


@dataclass(frozen=True, slots=True)
class Deployment:
    spec: DeploymentSpec
    generation: int
    create_time: datetime
    update_time: datetime


@dataclass(frozen=True, slots=True)
class Artifact:
    """A registry version, pinned by its digest: what a replica loads."""

    model: str
    version: int
    sha256: str
    size_bytes: int


class ReplicaState(StrEnum):
    LOADING = "loading"
    """Placed; the worker is (or will be) asked to load it. Not routed."""
    READY = "ready"
    """Loaded and warm; routed while its version is the serving one."""
    DRAINING = "draining"
    """Out of routing since `drain_since`; unloaded once routers have caught up."""


@dataclass(frozen=True, slots=True)
class PlannedReplica:
    """One version of a deployment on one worker, as the leader placed it."""

    worker_id: str
    address: str
    version: int
    sha256: str
    state: ReplicaState
    memory_bytes: int
    drain_since: float = 0.0
    """Wall-clock time (time.time()) it left routing, for a DRAINING replica."""


@dataclass(frozen=True, slots=True)
class Plan:
    """The leader's record of one deployment, kept beside the spec in the store.

    Every scheduler routes to the READY replicas of `serving`; only the leader writes
    it. A plan outlives a deleted spec until its replicas are unloaded.
    """

    name: str
    observed_generation: int = 0
    target: Artifact | None = None
    """What the spec resolved to last (kept while the registry cannot be asked)."""
    serving: int | None = None
    """The version receiving traffic; None until a replica was first ready."""
    replicas: tuple[PlannedReplica, ...] = ()
    resolve_error: str = ""
    """Why the spec's version could not be resolved, when it could not."""
    schedule_error: str = ""
    """Why some desired replicas have no worker, when they do not."""
    load_error: str = ""
    """The latest failure to load a replica, until every desired replica is ready."""

    def routed(self) -> tuple[PlannedReplica, ...]:
        """The replicas that receive traffic."""
        return tuple(
            r for r in self.replicas if r.state is ReplicaState.READY and r.version == self.serving
        )


class WorkerReplicaState(StrEnum):
    LOADING = "loading"
    READY = "ready"
    UNLOADING = "unloading"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class WorkerReplica:
    """A model version a worker serves or is loading, as the worker reports it."""

    name: str
    version: int
    model: str
    sha256: str
    state: WorkerReplicaState
    reason: str = ""
    memory_bytes: int = 0


@dataclass(frozen=True, slots=True)
class WorkerStatus:
    """A worker's answer to a status request."""

    replicas: tuple[WorkerReplica, ...] = ()
    memory_capacity_bytes: int = 0
    memory_used_bytes: int = 0
    backends: tuple[str, ...] = ()
    inflight_requests: int = 0

    def replica(self, name: str, version: int) -> WorkerReplica | None:
        for replica in self.replicas:
            if replica.name == name and replica.version == version:
                return replica
        return None


@dataclass(frozen=True, slots=True)
class WorkerView:
    """A healthy worker (per discovery) and what it last said about itself."""

    id: str
    address: str
    status: WorkerStatus | None = None
    """None until it first answered."""
    reachable: bool = False
    """Whether the latest status request was answered."""
    polled_at: float = float("-inf")
    """When (monotonic clock) the request behind `status` was sent."""


@dataclass(frozen=True, slots=True)
class Condition:
    type: str
    status: bool
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class ReplicaStatus:
    replica: PlannedReplica
    routed: bool


@dataclass(frozen=True, slots=True)
class DeploymentStatus:
    desired_replicas: int
    ready_replicas: int
    serving_version: int | None
    target: Artifact | None
    replicas: tuple[ReplicaStatus, ...]
    conditions: tuple[Condition, ...]
    observed_generation: int


@dataclass(frozen=True, slots=True)
class DeploymentView:
    """A deployment as a user reads it: the spec and where it stands."""

    deployment: Deployment
    status: DeploymentStatus


@dataclass(frozen=True, slots=True)
class StateSnapshot:
    """Everything in the desired-state store at one moment."""

    deployments: dict[str, Deployment] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)


def status_of(deployment: Deployment, plan: Plan | None) -> DeploymentStatus:
    """Desired against ready, where each replica runs, and conditions saying why when
    something is missing."""
    spec = deployment.spec
    if plan is None:
        pending = Condition(
            "Scheduled", False, "Pending", "waiting for the leading scheduler to place it"
        )
        return DeploymentStatus(spec.max_replicas, 0, None, None, (), (pending,), 0)
    routed = plan.routed()
    replicas = tuple(ReplicaStatus(r, r in routed) for r in plan.replicas)
    conditions = (
        _resolved(spec, plan),
        _scheduled(spec, plan),
        _available(spec, plan, len(routed)),
        _updated(spec, plan),
    )
    return DeploymentStatus(
        spec.max_replicas,
        len(routed),
        plan.serving,
        plan.target,
        replicas,
        conditions,
        plan.observed_generation,
    )


def _resolved(spec: DeploymentSpec, plan: Plan) -> Condition:
    if plan.resolve_error:
        return Condition("Resolved", False, "ResolveFailed", plan.resolve_error)
    if plan.target is None:
        return Condition("Resolved", False, "Pending", f"resolving {spec.selector}")
    target = plan.target
    if spec.version is None:
        named = f"{spec.selector} of model '{spec.model}' is version {target.version}"
    else:
        named = f"model '{spec.model}' version {target.version}"
    return Condition("Resolved", True, "Resolved", f"{named} (sha256 {target.sha256[:12]})")


def _scheduled(spec: DeploymentSpec, plan: Plan) -> Condition:
    if plan.schedule_error:
        return Condition("Scheduled", False, "Unschedulable", plan.schedule_error)
    placed = _target_replicas(plan)
    return Condition(
        "Scheduled", True, "Scheduled", f"{placed} of {spec.max_replicas} replicas placed"
    )


def _available(spec: DeploymentSpec, plan: Plan, ready: int) -> Condition:
    if ready >= spec.min_replicas:
        return Condition(
            "Available",
            True,
            "MinimumReplicasReady",
            f"{ready} of {spec.max_replicas} replicas ready",
        )
    message = f"{ready} replicas ready, {spec.min_replicas} required"
    if plan.load_error:
        message += f"; {plan.load_error}"
    return Condition("Available", False, "MinimumReplicasUnavailable", message)


def _updated(spec: DeploymentSpec, plan: Plan) -> Condition:
    target = plan.target
    if target is None:
        return Condition("Updated", False, "Pending", "no version resolved yet")
    if plan.serving == target.version:
        return Condition("Updated", True, "Updated", f"serving version {target.version}")
    ready = sum(
        1 for r in plan.replicas if r.version == target.version and r.state is ReplicaState.READY
    )
    progress = f"version {target.version}: {ready} of {spec.max_replicas} replicas ready"
    if plan.serving is None:
        return Condition("Updated", False, "Deploying", f"{progress}; nothing serving yet")
    return Condition(
        "Updated", False, "RollingUpdate", f"{progress}; version {plan.serving} serving"
    )


def _target_replicas(plan: Plan) -> int:
    if plan.target is None:
        return 0
    version = plan.target.version
    return sum(
        1 for r in plan.replicas if r.version == version and r.state is not ReplicaState.DRAINING
    )


def model_config_json(spec: DeploymentSpec, worker_backends: tuple[str, ...]) -> str:
    """The Triton ModelConfig (as JSON) a replica of `spec` loads with on a worker
    running `worker_backends`; the worker completes the rest from the artifact.

    Empty when the spec leaves everything to the artifact and the worker.
    """
    config: dict[str, object] = {}
    backend = next((b for b in spec.backends if b in worker_backends), None)
    if backend is not None:
        config["backend"] = backend
    if spec.instance_count != 1:
        config["instance_group"] = [{"count": spec.instance_count}]
    batching = spec.batching
    if batching is not None:
        if batching.max_batch_size:
            config["max_batch_size"] = batching.max_batch_size
        dynamic: dict[str, object] = {}
        if batching.preferred_batch_sizes:
            dynamic["preferred_batch_size"] = list(batching.preferred_batch_sizes)
        if batching.max_queue_delay_us:
            dynamic["max_queue_delay_microseconds"] = batching.max_queue_delay_us
        if batching.max_queue_size:
            dynamic["default_queue_policy"] = {"max_queue_size": batching.max_queue_size}
        config["dynamic_batching"] = dynamic
    return json.dumps(config, sort_keys=True) if config else ""


def format_bytes(size: int) -> str:
    """A size for messages: 512 B, 3.0 MiB, 2.0 GiB."""
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KiB", "MiB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"
