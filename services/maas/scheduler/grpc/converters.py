"""Protobuf messages to domain types and back: the only place the two meet.

Three protocols meet the scheduler here: its own API (`maas.scheduler.v1`), the
workers' control API (`maas.worker.v1`) and the registry's versions. Pairs with both
directions in use (`*_to_domain` / `*_to_pb`) are tested for round trips. On the wire,
0 means "none" for versions, and times are microseconds since the Unix epoch.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from maas.gateway.routing import Replica, RoutingTable
from maas.names import check_model_name
from maas.scheduler.domain import (
    Artifact,
    Batching,
    Condition,
    DeploymentSpec,
    DeploymentStatus,
    DeploymentView,
    ReplicaState,
    WorkerReplica,
    WorkerReplicaState,
    WorkerStatus,
    WorkerView,
)
from maas.scheduler.planner import Load
from maas.transport.fields import int64
from maas_proto.maas.registry.v1 import registry_pb2 as registry_pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.worker.v1 import worker_pb2 as worker_pb

_REPLICA_STATES: Final = {
    ReplicaState.LOADING: pb.REPLICA_STATE_LOADING,
    ReplicaState.READY: pb.REPLICA_STATE_READY,
    ReplicaState.DRAINING: pb.REPLICA_STATE_DRAINING,
}
_WORKER_STATES_IN: Final = {
    # Unspecified (a newer worker's state we do not know) counts as not ready yet.
    worker_pb.REPLICA_STATE_UNSPECIFIED: WorkerReplicaState.LOADING,
    worker_pb.REPLICA_STATE_LOADING: WorkerReplicaState.LOADING,
    worker_pb.REPLICA_STATE_READY: WorkerReplicaState.READY,
    worker_pb.REPLICA_STATE_UNLOADING: WorkerReplicaState.UNLOADING,
    worker_pb.REPLICA_STATE_FAILED: WorkerReplicaState.FAILED,
}
_WORKER_STATES_OUT: Final = {
    WorkerReplicaState.LOADING: pb.WORKER_REPLICA_STATE_LOADING,
    WorkerReplicaState.READY: pb.WORKER_REPLICA_STATE_READY,
    WorkerReplicaState.UNLOADING: pb.WORKER_REPLICA_STATE_UNLOADING,
    WorkerReplicaState.FAILED: pb.WORKER_REPLICA_STATE_FAILED,
}


def deployment_name(text: str) -> str:
    """A deployment name from a request, or InvalidInput when no deployment can have it."""
    return check_model_name(text, "deployment name")


def spec_to_domain(message: pb.DeploymentSpec) -> DeploymentSpec:
    """A spec from a request; zeros take their documented defaults. Raises
    `InvalidInput` for a malformed one."""
    selector = message.WhichOneof("version_selector")
    min_replicas = message.min_replicas or 1
    batching = message.batching if message.HasField("batching") else None
    return DeploymentSpec(
        name=message.name,
        model=message.model,
        version=message.version if selector == "version" else None,
        alias=message.alias if selector == "alias" else None,
        min_replicas=min_replicas,
        max_replicas=message.max_replicas or min_replicas,
        instance_count=message.instance_count or 1,
        batching=None
        if batching is None
        else Batching(
            batching.max_batch_size,
            tuple(batching.preferred_batch_sizes),
            int64(batching.max_queue_delay_microseconds, "max_queue_delay_microseconds"),
            batching.max_queue_size,
        ),
        backends=tuple(message.backends),
        memory_bytes=int64(message.resources.memory_bytes, "memory_bytes"),
    )


def spec_to_pb(spec: DeploymentSpec) -> pb.DeploymentSpec:
    batching = spec.batching
    message = pb.DeploymentSpec(
        name=spec.name,
        model=spec.model,
        min_replicas=spec.min_replicas,
        max_replicas=spec.max_replicas,
        instance_count=spec.instance_count,
        batching=None
        if batching is None
        else pb.Batching(
            max_batch_size=batching.max_batch_size,
            preferred_batch_sizes=batching.preferred_batch_sizes,
            max_queue_delay_microseconds=batching.max_queue_delay_us,
            max_queue_size=batching.max_queue_size,
        ),
        backends=spec.backends,
        resources=pb.Resources(memory_bytes=spec.memory_bytes),
    )
    if spec.version is not None:
        message.version = spec.version
    elif spec.alias is not None:
        message.alias = spec.alias
    return message


def deployment_to_pb(view: DeploymentView) -> pb.Deployment:
    deployment = view.deployment
    return pb.Deployment(
        spec=spec_to_pb(deployment.spec),
        status=status_to_pb(view.status),
        generation=deployment.generation,
        create_time_unix_micros=_micros(deployment.create_time),
        update_time_unix_micros=_micros(deployment.update_time),
    )


def status_to_pb(status: DeploymentStatus) -> pb.DeploymentStatus:
    target = status.target
    return pb.DeploymentStatus(
        desired_replicas=status.desired_replicas,
        ready_replicas=status.ready_replicas,
        serving_version=status.serving_version or 0,
        target_version=target.version if target else 0,
        target_sha256=target.sha256 if target else "",
        replicas=[
            pb.ReplicaStatus(
                worker_id=r.replica.worker_id,
                address=r.replica.address,
                version=r.replica.version,
                state=_REPLICA_STATES[r.replica.state],
                routed=r.routed,
                memory_bytes=r.replica.memory_bytes,
            )
            for r in status.replicas
        ],
        conditions=[condition_to_pb(c) for c in status.conditions],
        observed_generation=status.observed_generation,
    )


def condition_to_pb(condition: Condition) -> pb.Condition:
    return pb.Condition(
        type=condition.type,
        status=condition.status,
        reason=condition.reason,
        message=condition.message,
    )


def worker_to_pb(view: WorkerView) -> pb.Worker:
    status = view.status or WorkerStatus()
    return pb.Worker(
        id=view.id,
        address=view.address,
        memory_capacity_bytes=status.memory_capacity_bytes,
        memory_used_bytes=status.memory_used_bytes,
        backends=status.backends,
        inflight_requests=status.inflight_requests,
        replicas=[
            pb.WorkerReplica(
                name=r.name,
                version=r.version,
                model=r.model,
                sha256=r.sha256,
                state=_WORKER_STATES_OUT[r.state],
                reason=r.reason,
                memory_bytes=r.memory_bytes,
            )
            for r in status.replicas
        ],
        reachable=view.reachable,
    )


def routing_table_to_pb(table: RoutingTable) -> pb.RoutingTable:
    return pb.RoutingTable(
        replicas=[
            pb.RouteReplica(
                id=replica.id,
                address=replica.address,
                models=[
                    pb.ServedModel(name=name, versions=sorted(versions))
                    for name, versions in sorted(replica.models.items())
                ],
            )
            for replica in table.replicas
        ],
        deployments=sorted(table.deployed),
    )


def routing_table_to_domain(message: pb.RoutingTable) -> RoutingTable:
    return RoutingTable(
        tuple(
            Replica(r.id, r.address, {m.name: frozenset(m.versions) for m in r.models})
            for r in message.replicas
        ),
        deployed=frozenset(message.deployments),
    )


def worker_status_to_domain(message: worker_pb.GetStatusResponse) -> WorkerStatus:
    return WorkerStatus(
        replicas=tuple(worker_replica_to_domain(r) for r in message.replicas),
        memory_capacity_bytes=message.memory_capacity_bytes,
        memory_used_bytes=message.memory_used_bytes,
        backends=tuple(message.backends),
        inflight_requests=message.inflight_requests,
    )


def worker_replica_to_domain(message: worker_pb.Replica) -> WorkerReplica:
    return WorkerReplica(
        name=message.served_name,
        version=message.served_version,
        model=message.artifact.model,
        sha256=message.artifact.sha256,
        state=_WORKER_STATES_IN.get(message.state, WorkerReplicaState.LOADING),
        reason=message.reason,
        memory_bytes=message.memory_bytes,
    )


def load_to_pb(load: Load) -> worker_pb.LoadReplicaRequest:
    artifact = load.artifact
    return worker_pb.LoadReplicaRequest(
        served_name=load.name,
        served_version=artifact.version,
        artifact=worker_pb.ArtifactRef(
            model=artifact.model,
            version=artifact.version,
            sha256=artifact.sha256,
            size_bytes=artifact.size_bytes,
        ),
        config_json=load.config_json,
    )


def artifact_to_domain(version: registry_pb.Version) -> Artifact:
    return Artifact(version.model, version.version, version.sha256, version.size_bytes)


def _micros(moment: datetime) -> int:
    return round(moment.timestamp() * 1_000_000)
