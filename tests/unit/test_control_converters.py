"""Control-API converters: every pair round-trips, every replica state included."""

from __future__ import annotations

import pytest

from maas.worker.artifacts import ArtifactRef
from maas.worker.control import LoadReplica, Replica, ReplicaKey, ReplicaState, WorkerStatus
from maas.worker.grpc import control_converters as c
from maas_proto.maas.worker.v1 import worker_pb2 as pb

REF = ArtifactRef("resnet", 3, "ab" * 32, 123_456_789_012)
KEY = ReplicaKey("classifier", 7)


def test_artifact_round_trips() -> None:
    assert c.artifact_to_domain(c.artifact_to_pb(REF)) == REF


def test_load_request_round_trips() -> None:
    request = LoadReplica(KEY, REF, '{"max_batch_size": 8}')
    message = c.load_request_to_pb(request)
    assert (message.served_name, message.served_version) == ("classifier", 7)
    assert c.load_request_to_domain(message) == request


def test_unload_request_round_trips() -> None:
    assert c.unload_request_to_domain(c.unload_request_to_pb(KEY)) == KEY


@pytest.mark.parametrize("state", list(ReplicaState))
def test_replica_round_trips_in_every_state(state: ReplicaState) -> None:
    replica = Replica(KEY, REF, state, "why" if state is ReplicaState.FAILED else "", 42)
    assert c.replica_to_domain(c.replica_to_pb(replica)) == replica


def test_every_protocol_state_but_unspecified_has_a_domain_state() -> None:
    states = {v for v in pb.ReplicaState.values() if v != pb.REPLICA_STATE_UNSPECIFIED}
    assert {c.replica_to_pb(Replica(KEY, REF, s)).state for s in ReplicaState} == states


def test_status_round_trips() -> None:
    status = WorkerStatus(
        replicas=(Replica(KEY, REF, ReplicaState.READY, memory_bytes=10),),
        memory_capacity_bytes=1 << 34,
        memory_used_bytes=10,
        backends=("onnxruntime",),
        inflight_requests=3,
    )
    assert c.status_to_domain(c.status_to_pb(status)) == status
