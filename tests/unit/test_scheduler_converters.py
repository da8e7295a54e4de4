"""Scheduler converters: round trips where both directions exist, exact fields elsewhere;
and the JSON records of the desired-state store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from maas.errors import InvalidInput
from maas.gateway.routing import Replica, RoutingTable
from maas.scheduler import codec
from maas.scheduler.domain import (
    Artifact,
    Batching,
    Deployment,
    DeploymentSpec,
    DeploymentView,
    Plan,
    PlannedReplica,
    ReplicaState,
    WorkerReplica,
    WorkerReplicaState,
    WorkerStatus,
    WorkerView,
    model_config_json,
    status_of,
)
from maas.scheduler.grpc import converters as c
from maas.scheduler.planner import Load
from maas_proto.maas.registry.v1 import registry_pb2 as registry_pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.worker.v1 import worker_pb2 as worker_pb

SHA = "c" * 64
SPECS = [
    DeploymentSpec("resnet", "resnet50"),
    DeploymentSpec("pinned", "resnet50", version=3, min_replicas=2, max_replicas=4),
    DeploymentSpec(
        "prod",
        "bert",
        alias="production",
        instance_count=2,
        batching=Batching(32, (8, 16), 500, 100),
        backends=("tensorrt", "onnxruntime"),
        memory_bytes=3 << 30,
    ),
    DeploymentSpec("latest", "bert", alias="latest", batching=Batching()),
]
ARTIFACT = Artifact("resnet50", 3, SHA, 1234)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_spec_round_trip(spec: DeploymentSpec) -> None:
    assert c.spec_to_domain(c.spec_to_pb(spec)) == spec


def test_spec_zeros_take_their_defaults() -> None:
    spec = c.spec_to_domain(pb.DeploymentSpec(name="m", model="m", min_replicas=2))
    assert (spec.min_replicas, spec.max_replicas, spec.instance_count) == (2, 2, 1)
    assert (spec.version, spec.alias, spec.batching) == (None, None, None)


@pytest.mark.parametrize(
    ("message", "fragment"),
    [
        (pb.DeploymentSpec(name="", model="m"), "deployment name"),
        (pb.DeploymentSpec(name="a b", model="m"), "deployment name"),
        (pb.DeploymentSpec(name="m", model="m", min_replicas=3, max_replicas=2), "replicas"),
        (pb.DeploymentSpec(name="m", model="m", alias="Not An Alias"), "alias"),
        (pb.DeploymentSpec(name="m", model="m", backends=["onnxruntime"] * 2), "twice"),
        (
            pb.DeploymentSpec(
                name="m",
                model="m",
                batching=pb.Batching(max_batch_size=4, preferred_batch_sizes=[8]),
            ),
            "preferred batch sizes",
        ),
    ],
)
def test_malformed_specs_are_refused(message: pb.DeploymentSpec, fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        c.spec_to_domain(message)


def test_routing_table_round_trip() -> None:
    table = RoutingTable(
        (
            Replica("w1/web/2", "10.0.0.1:8001", {"web": frozenset({"2"})}),
            Replica("w2", "10.0.0.2:8001", {"web": frozenset({"1", "2"}), "x": frozenset()}),
        ),
        deployed=frozenset({"web", "pending"}),
    )
    assert c.routing_table_to_domain(c.routing_table_to_pb(table)) == table


def test_deployment_with_status_to_pb() -> None:
    moment = datetime(2026, 5, 1, 12, 0, 0, 250, tzinfo=UTC)
    deployment = Deployment(SPECS[1], 3, moment, moment)
    ready = PlannedReplica("w1", "h:1", 3, SHA, ReplicaState.READY, 100)
    draining = PlannedReplica("w2", "h:2", 2, "d" * 64, ReplicaState.DRAINING, 100, 5.0)
    plan = Plan("pinned", 3, ARTIFACT, 3, (ready, draining))
    message = c.deployment_to_pb(DeploymentView(deployment, status_of(deployment, plan)))
    assert message.generation == 3
    assert message.create_time_unix_micros == 1777636800000250
    status = message.status
    assert (status.desired_replicas, status.ready_replicas) == (4, 1)
    assert (status.serving_version, status.target_version, status.target_sha256) == (3, 3, SHA)
    assert [(r.worker_id, r.state, r.routed) for r in status.replicas] == [
        ("w1", pb.REPLICA_STATE_READY, True),
        ("w2", pb.REPLICA_STATE_DRAINING, False),
    ]
    assert [(x.type, x.status) for x in status.conditions] == [
        ("Resolved", True),
        ("Scheduled", True),
        ("Available", False),
        ("Updated", True),
    ]
    assert status.observed_generation == 3


def test_worker_status_to_domain_and_back_out_to_the_api() -> None:
    message = worker_pb.GetStatusResponse(
        replicas=[
            worker_pb.Replica(
                served_name="web",
                served_version=2,
                artifact=worker_pb.ArtifactRef(model="resnet50", version=2, sha256=SHA),
                state=worker_pb.REPLICA_STATE_FAILED,
                reason="out of memory",
                memory_bytes=7,
            )
        ],
        memory_capacity_bytes=100,
        memory_used_bytes=40,
        backends=["onnxruntime"],
        inflight_requests=5,
    )
    status = c.worker_status_to_domain(message)
    assert status == WorkerStatus(
        (WorkerReplica("web", 2, "resnet50", SHA, WorkerReplicaState.FAILED, "out of memory", 7),),
        100,
        40,
        ("onnxruntime",),
        5,
    )
    api = c.worker_to_pb(WorkerView("w1", "h:1", status, True, 1.0))
    assert (api.memory_capacity_bytes, api.memory_used_bytes, api.inflight_requests) == (
        100,
        40,
        5,
    )
    assert api.replicas[0].state == pb.WORKER_REPLICA_STATE_FAILED
    assert api.reachable


def test_load_to_pb_and_artifact_from_the_registry() -> None:
    version = registry_pb.Version(model="resnet50", version=3, sha256=SHA, size_bytes=1234)
    artifact = c.artifact_to_domain(version)
    assert artifact == ARTIFACT
    message = c.load_to_pb(Load("w1", "h:1", "web", artifact, '{"max_batch_size": 8}'))
    assert message.served_name == "web"
    assert message.served_version == 3
    assert (message.artifact.model, message.artifact.version) == ("resnet50", 3)
    assert (message.artifact.sha256, message.artifact.size_bytes) == (SHA, 1234)
    assert message.config_json == '{"max_batch_size": 8}'


def test_model_config_json() -> None:
    assert model_config_json(SPECS[0], ("onnxruntime",)) == ""
    config = model_config_json(SPECS[2], ("onnxruntime",))
    assert config == (
        '{"backend": "onnxruntime", "dynamic_batching": {"default_queue_policy": '
        '{"max_queue_size": 100}, "max_queue_delay_microseconds": 500, '
        '"preferred_batch_size": [8, 16]}, "instance_group": [{"count": 2}], '
        '"max_batch_size": 32}'
    )


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_stored_deployments_round_trip(spec: DeploymentSpec) -> None:
    moment = datetime(2026, 5, 1, tzinfo=UTC)
    deployment = Deployment(spec, 7, moment, moment)
    assert codec.load_deployment(codec.dump_deployment(deployment)) == deployment


def test_stored_plans_round_trip() -> None:
    plan = Plan(
        "web",
        4,
        ARTIFACT,
        2,
        (
            PlannedReplica("w1", "h:1", 3, SHA, ReplicaState.LOADING, 10),
            PlannedReplica("w2", "h:2", 2, SHA, ReplicaState.DRAINING, 10, 123.5),
        ),
        resolve_error="r",
        schedule_error="s",
        load_error="l",
    )
    assert codec.load_plan(codec.dump_plan(plan)) == plan
    assert codec.load_plan(codec.dump_plan(Plan("new"))) == Plan("new")
