"""`maas.worker.v1` messages to the control use case's types and back, in pairs."""

from __future__ import annotations

from typing import Final

from maas.names import check_model_name
from maas.transport.fields import int64
from maas.worker.artifacts import ArtifactRef
from maas.worker.control import LoadReplica, Replica, ReplicaKey, ReplicaState, WorkerStatus
from maas_proto.maas.worker.v1 import worker_pb2 as pb

_STATES: Final = {
    ReplicaState.LOADING: pb.REPLICA_STATE_LOADING,
    ReplicaState.READY: pb.REPLICA_STATE_READY,
    ReplicaState.UNLOADING: pb.REPLICA_STATE_UNLOADING,
    ReplicaState.FAILED: pb.REPLICA_STATE_FAILED,
}
_DOMAIN_STATES: Final = {value: state for state, value in _STATES.items()}


def artifact_to_domain(message: pb.ArtifactRef) -> ArtifactRef:
    return ArtifactRef(
        message.model,
        int64(message.version, "artifact version"),
        message.sha256,
        int64(message.size_bytes, "artifact size_bytes"),
    )


def artifact_to_pb(ref: ArtifactRef) -> pb.ArtifactRef:
    return pb.ArtifactRef(
        model=ref.model, version=ref.version, sha256=ref.sha256, size_bytes=ref.size_bytes
    )


def load_request_to_domain(message: pb.LoadReplicaRequest) -> LoadReplica:
    return LoadReplica(
        key=_key(message.served_name, message.served_version),
        artifact=artifact_to_domain(message.artifact),
        config_json=message.config_json,
    )


def load_request_to_pb(request: LoadReplica) -> pb.LoadReplicaRequest:
    return pb.LoadReplicaRequest(
        served_name=request.key.served_name,
        served_version=request.key.served_version,
        artifact=artifact_to_pb(request.artifact),
        config_json=request.config_json,
    )


def unload_request_to_domain(message: pb.UnloadReplicaRequest) -> ReplicaKey:
    return _key(message.served_name, message.served_version)


def _key(served_name: str, served_version: int) -> ReplicaKey:
    # Served as an inference model name and version: both must be addressable there.
    return ReplicaKey(
        check_model_name(served_name, "served name"), int64(served_version, "served_version")
    )


def unload_request_to_pb(key: ReplicaKey) -> pb.UnloadReplicaRequest:
    return pb.UnloadReplicaRequest(served_name=key.served_name, served_version=key.served_version)


def replica_to_domain(message: pb.Replica) -> Replica:
    return Replica(
        key=ReplicaKey(message.served_name, message.served_version),
        artifact=artifact_to_domain(message.artifact),
        state=_DOMAIN_STATES[message.state],
        reason=message.reason,
        memory_bytes=message.memory_bytes,
    )


def replica_to_pb(replica: Replica) -> pb.Replica:
    return pb.Replica(
        served_name=replica.key.served_name,
        served_version=replica.key.served_version,
        artifact=artifact_to_pb(replica.artifact),
        state=_STATES[replica.state],
        reason=replica.reason,
        memory_bytes=replica.memory_bytes,
    )


def status_to_domain(message: pb.GetStatusResponse) -> WorkerStatus:
    return WorkerStatus(
        replicas=tuple(replica_to_domain(r) for r in message.replicas),
        memory_capacity_bytes=message.memory_capacity_bytes,
        memory_used_bytes=message.memory_used_bytes,
        backends=tuple(message.backends),
        inflight_requests=message.inflight_requests,
    )


def status_to_pb(status: WorkerStatus) -> pb.GetStatusResponse:
    return pb.GetStatusResponse(
        replicas=[replica_to_pb(r) for r in status.replicas],
        memory_capacity_bytes=status.memory_capacity_bytes,
        memory_used_bytes=status.memory_used_bytes,
        backends=status.backends,
        inflight_requests=status.inflight_requests,
    )
