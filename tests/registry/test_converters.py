"""Every converter pair gives back what it was given; bad wire values become InvalidInput."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from maas.errors import InvalidInput
from maas.registry.domain import (
    LATEST,
    AccuracyReport,
    ArtifactFormat,
    Event,
    EventType,
    Job,
    JobState,
    Lineage,
    Model,
    OpsetId,
    OutputAccuracy,
    Signature,
    TensorSignature,
    Transform,
    UploadHeader,
    Version,
    VersionRef,
)
from maas.registry.grpc import converters as c
from maas.worker.datatypes import DataType
from maas_proto.maas.registry.v1 import registry_pb2 as pb

T0 = datetime(2024, 5, 17, 10, 30, 1, 123456, tzinfo=UTC)
T1 = datetime(2024, 5, 18, 0, 0, 0, 1, tzinfo=UTC)

SIGNATURE = Signature(
    inputs=(
        TensorSignature("x", DataType.FP32, (-1, 16)),
        TensorSignature("ids", DataType.INT64, (2,)),
    ),
    outputs=(TensorSignature("probs", DataType.FP16, (-1, 10)),),
    ir_version=9,
    opsets=(OpsetId("", 17), OpsetId("com.microsoft", 1)),
)
LINEAGE = Lineage(
    parent_version=3,
    transform=Transform.INT8_DYNAMIC,
    parameters={"per_channel": "false", "reduce_range": "false", "weight_type": "int8"},
    accuracy=AccuracyReport(
        samples=16,
        seed=0,
        max_abs_error=0.0625,
        mean_abs_error=0.002,
        outputs=(
            OutputAccuracy("probs", 0.0625, 0.002, 0.9375),
            OutputAccuracy("embedding", 0.01, 0.001, None),
        ),
        parent_size_bytes=4000,
        size_bytes=1200,
    ),
)


def test_micros_round_trip_exactly() -> None:
    assert c.from_micros(c.micros(T0)) == T0
    assert c.micros(datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)) == 1_000_000


@pytest.mark.parametrize(
    "model",
    [
        Model("m", "", {}, T0, T0),
        Model("m", "desc", {"team": "vision"}, T0, T1, 4, {"production": 3, "canary": 4}),
    ],
)
def test_model_round_trip(model: Model) -> None:
    assert c.model_to_domain(c.model_to_pb(model)) == model


@pytest.mark.parametrize("lineage", [None, LINEAGE])
def test_version_round_trip(lineage: Lineage | None) -> None:
    version = Version(
        model="m",
        number=4,
        format=ArtifactFormat.ONNX,
        sha256="ab" * 32,
        size_bytes=1200,
        metadata={"framework": "pytorch"},
        signature=SIGNATURE,
        create_time=T0,
        lineage=lineage,
        aliases=("canary", "production"),
    )
    message = c.version_to_pb(version)
    assert message.HasField("lineage") == (lineage is not None)
    assert c.version_to_domain(message) == version


def test_unset_top1_agreement_stays_unset_on_the_wire() -> None:
    outputs = c.lineage_to_pb(LINEAGE).accuracy.outputs
    assert outputs[0].HasField("top1_agreement")
    assert not outputs[1].HasField("top1_agreement")


@pytest.mark.parametrize(
    "ref", [VersionRef("m", 7), VersionRef("m", "production"), VersionRef("m", LATEST)]
)
def test_ref_round_trip(ref: VersionRef) -> None:
    assert c.ref_to_domain(c.ref_to_pb(ref)) == ref


def test_ref_without_selector_means_latest() -> None:
    assert c.ref_to_domain(pb.VersionRef(model="m")) == VersionRef("m", LATEST)


def test_header_round_trip() -> None:
    header = UploadHeader("m", ArtifactFormat.ONNX, "cd" * 32, 12345, {"k": "v"})
    assert c.header_to_domain(c.header_to_pb(header)) == header


def test_header_without_format_is_refused() -> None:
    with pytest.raises(InvalidInput, match="artifact format"):
        c.header_to_domain(pb.UploadHeader(model="m", sha256="a" * 64, size_bytes=1))


@pytest.mark.parametrize(
    "event",
    [
        Event(1, EventType.MODEL_CREATED, "m", T0),
        Event(2, EventType.VERSION_CREATED, "m", T0, version=3),
        Event(3, EventType.ALIAS_SET, "m", T0, version=4, alias="prod", previous_version=3),
        Event(4, EventType.ALIAS_DELETED, "m", T0, alias="prod", previous_version=4),
    ],
)
def test_event_round_trip(event: Event) -> None:
    assert c.event_to_domain(c.event_to_pb(event)) == event


@pytest.mark.parametrize(
    "job",
    [
        Job("j1", "m", 2, Transform.FP16, {"keep_io_types": "true"}, JobState.PENDING, T0, T0),
        Job("j2", "m", 2, Transform.INT8_DYNAMIC, {}, JobState.SUCCEEDED, T0, T1, 5),
        Job("j3", "m", 2, Transform.FP16, {}, JobState.FAILED, T0, T1, error="broken"),
    ],
)
def test_job_round_trip(job: Job) -> None:
    assert c.job_to_domain(c.job_to_pb(job)) == job


def test_unspecified_transform_is_refused() -> None:
    with pytest.raises(InvalidInput, match="transform"):
        c.transform_to_domain(pb.TRANSFORM_UNSPECIFIED)


async def _messages(*messages: pb.UploadVersionRequest) -> AsyncIterator[pb.UploadVersionRequest]:
    for message in messages:
        yield message


async def test_upload_stream_splits_into_header_and_chunks() -> None:
    header = UploadHeader("m", ArtifactFormat.ONNX, "cd" * 32, 6, {})
    first = pb.UploadVersionRequest(header=c.header_to_pb(header))
    got, chunks = await c.upload_to_domain(
        _messages(
            first, pb.UploadVersionRequest(chunk=b"abc"), pb.UploadVersionRequest(chunk=b"def")
        )
    )
    assert got == header
    assert [chunk async for chunk in chunks] == [b"abc", b"def"]


async def test_upload_stream_must_start_with_its_only_header() -> None:
    with pytest.raises(InvalidInput, match="starts with a header"):
        await c.upload_to_domain(_messages(pb.UploadVersionRequest(chunk=b"abc")))
    with pytest.raises(InvalidInput, match="starts with a header"):
        await c.upload_to_domain(_messages())
    header = pb.UploadVersionRequest(
        header=pb.UploadHeader(model="m", format=pb.ARTIFACT_FORMAT_ONNX)
    )
    _, chunks = await c.upload_to_domain(_messages(header, header))
    with pytest.raises(InvalidInput, match="single header"):
        [chunk async for chunk in chunks]
