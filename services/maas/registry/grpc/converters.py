"""Protobuf messages to domain types and back: the only place the two meet.

Each `*_to_domain` has its `*_to_pb` twin, tested for round trips. Version numbers use
0 on the wire for "none", and times are microseconds since the Unix epoch.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Final, TypeVar

from maas.errors import InvalidInput, echo
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
from maas.transport.fields import int64
from maas.worker.datatypes import parse_datatype
from maas_proto.maas.registry.v1 import registry_pb2 as pb

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND: Final = timedelta(microseconds=1)

K = TypeVar("K")
V = TypeVar("V")


def _invert(table: Mapping[K, V]) -> dict[V, K]:
    return {v: k for k, v in table.items()}


_FORMATS: Final = {ArtifactFormat.ONNX: pb.ARTIFACT_FORMAT_ONNX}
_FORMATS_BACK: Final = _invert(_FORMATS)
_TRANSFORMS: Final = {
    Transform.FP16: pb.TRANSFORM_FP16,
    Transform.INT8_DYNAMIC: pb.TRANSFORM_INT8_DYNAMIC,
}
_TRANSFORMS_BACK: Final = _invert(_TRANSFORMS)
_EVENT_TYPES: Final = {
    EventType.MODEL_CREATED: pb.EVENT_TYPE_MODEL_CREATED,
    EventType.MODEL_UPDATED: pb.EVENT_TYPE_MODEL_UPDATED,
    EventType.MODEL_DELETED: pb.EVENT_TYPE_MODEL_DELETED,
    EventType.VERSION_CREATED: pb.EVENT_TYPE_VERSION_CREATED,
    EventType.VERSION_DELETED: pb.EVENT_TYPE_VERSION_DELETED,
    EventType.ALIAS_SET: pb.EVENT_TYPE_ALIAS_SET,
    EventType.ALIAS_DELETED: pb.EVENT_TYPE_ALIAS_DELETED,
}
_EVENT_TYPES_BACK: Final = _invert(_EVENT_TYPES)
_JOB_STATES: Final = {
    JobState.PENDING: pb.JOB_STATE_PENDING,
    JobState.RUNNING: pb.JOB_STATE_RUNNING,
    JobState.SUCCEEDED: pb.JOB_STATE_SUCCEEDED,
    JobState.FAILED: pb.JOB_STATE_FAILED,
}
_JOB_STATES_BACK: Final = _invert(_JOB_STATES)


def _lookup(table: Mapping[K, V], value: K, what: str) -> V:
    try:
        return table[value]
    except KeyError:
        raise InvalidInput(f"{what} is missing or unknown ({value})") from None


def micros(time: datetime) -> int:
    return (time - _EPOCH) // _MICROSECOND


def from_micros(value: int) -> datetime:
    return _EPOCH + value * _MICROSECOND


def _number(value: int) -> int | None:
    return value or None


def format_to_pb(fmt: ArtifactFormat) -> pb.ArtifactFormat.ValueType:
    return _FORMATS[fmt]


def format_to_domain(value: pb.ArtifactFormat.ValueType) -> ArtifactFormat:
    return _lookup(_FORMATS_BACK, value, "artifact format")


def transform_to_pb(transform: Transform) -> pb.Transform.ValueType:
    return _TRANSFORMS[transform]


def transform_to_domain(value: pb.Transform.ValueType) -> Transform:
    return _lookup(_TRANSFORMS_BACK, value, "transform")


def model_to_pb(model: Model) -> pb.Model:
    return pb.Model(
        name=model.name,
        description=model.description,
        labels=model.labels,
        create_time_unix_micros=micros(model.create_time),
        update_time_unix_micros=micros(model.update_time),
        latest_version=model.latest_version or 0,
        aliases=model.aliases,
    )


def model_to_domain(message: pb.Model) -> Model:
    return Model(
        name=message.name,
        description=message.description,
        labels=dict(message.labels),
        create_time=from_micros(message.create_time_unix_micros),
        update_time=from_micros(message.update_time_unix_micros),
        latest_version=_number(message.latest_version),
        aliases=dict(message.aliases),
    )


def signature_to_pb(signature: Signature) -> pb.Signature:
    def tensor(t: TensorSignature) -> pb.TensorSignature:
        return pb.TensorSignature(name=t.name, datatype=t.datatype.value, shape=t.shape)

    return pb.Signature(
        inputs=[tensor(t) for t in signature.inputs],
        outputs=[tensor(t) for t in signature.outputs],
        ir_version=signature.ir_version,
        opsets=[pb.OperatorSetId(domain=o.domain, version=o.version) for o in signature.opsets],
    )


def signature_to_domain(message: pb.Signature) -> Signature:
    def tensor(t: pb.TensorSignature) -> TensorSignature:
        datatype = parse_datatype(t.datatype)
        if datatype is None:
            raise InvalidInput(f"tensor '{echo(t.name)}' has unknown datatype '{echo(t.datatype)}'")
        return TensorSignature(t.name, datatype, tuple(t.shape))

    return Signature(
        inputs=tuple(tensor(t) for t in message.inputs),
        outputs=tuple(tensor(t) for t in message.outputs),
        ir_version=message.ir_version,
        opsets=tuple(OpsetId(o.domain, o.version) for o in message.opsets),
    )


def lineage_to_pb(lineage: Lineage) -> pb.Lineage:
    report = lineage.accuracy
    return pb.Lineage(
        parent_version=lineage.parent_version,
        transform=transform_to_pb(lineage.transform),
        parameters=lineage.parameters,
        accuracy=pb.AccuracyReport(
            samples=report.samples,
            seed=report.seed,
            max_abs_error=report.max_abs_error,
            mean_abs_error=report.mean_abs_error,
            outputs=[
                pb.OutputAccuracy(
                    name=o.name,
                    max_abs_error=o.max_abs_error,
                    mean_abs_error=o.mean_abs_error,
                    top1_agreement=o.top1_agreement,
                )
                for o in report.outputs
            ],
            parent_size_bytes=report.parent_size_bytes,
            size_bytes=report.size_bytes,
        ),
    )


def lineage_to_domain(message: pb.Lineage) -> Lineage:
    report = message.accuracy
    return Lineage(
        parent_version=message.parent_version,
        transform=transform_to_domain(message.transform),
        parameters=dict(message.parameters),
        accuracy=AccuracyReport(
            samples=report.samples,
            seed=report.seed,
            max_abs_error=report.max_abs_error,
            mean_abs_error=report.mean_abs_error,
            outputs=tuple(
                OutputAccuracy(
                    name=o.name,
                    max_abs_error=o.max_abs_error,
                    mean_abs_error=o.mean_abs_error,
                    top1_agreement=o.top1_agreement if o.HasField("top1_agreement") else None,
                )
                for o in report.outputs
            ),
            parent_size_bytes=report.parent_size_bytes,
            size_bytes=report.size_bytes,
        ),
    )


def version_to_pb(version: Version) -> pb.Version:
    return pb.Version(
        model=version.model,
        version=version.number,
        format=format_to_pb(version.format),
        sha256=version.sha256,
        size_bytes=version.size_bytes,
        metadata=version.metadata,
        signature=signature_to_pb(version.signature),
        lineage=None if version.lineage is None else lineage_to_pb(version.lineage),
        create_time_unix_micros=micros(version.create_time),
        aliases=version.aliases,
    )


def version_to_domain(message: pb.Version) -> Version:
    return Version(
        model=message.model,
        number=message.version,
        format=format_to_domain(message.format),
        sha256=message.sha256,
        size_bytes=message.size_bytes,
        metadata=dict(message.metadata),
        signature=signature_to_domain(message.signature),
        create_time=from_micros(message.create_time_unix_micros),
        lineage=lineage_to_domain(message.lineage) if message.HasField("lineage") else None,
        aliases=tuple(message.aliases),
    )


def ref_to_pb(ref: VersionRef) -> pb.VersionRef:
    if isinstance(ref.selector, int):
        return pb.VersionRef(model=ref.model, version=ref.selector)
    return pb.VersionRef(model=ref.model, alias=ref.selector)


def ref_to_domain(message: pb.VersionRef) -> VersionRef:
    which = message.WhichOneof("selector")
    if which == "version":
        return VersionRef(message.model, message.version)
    return VersionRef(message.model, message.alias if which == "alias" else LATEST)


def header_to_pb(header: UploadHeader) -> pb.UploadHeader:
    return pb.UploadHeader(
        model=header.model,
        format=format_to_pb(header.format),
        sha256=header.sha256,
        size_bytes=header.size_bytes,
        metadata=header.metadata,
    )


def header_to_domain(message: pb.UploadHeader) -> UploadHeader:
    return UploadHeader(
        model=message.model,
        format=format_to_domain(message.format),
        sha256=message.sha256,
        size_bytes=int64(message.size_bytes, "size_bytes"),
        metadata=dict(message.metadata),
    )


def download_to_domain(message: pb.DownloadVersionRequest) -> tuple[VersionRef, int]:
    """The version to download and the offset to start at."""
    return ref_to_domain(message.ref), int64(message.offset, "offset")


def watch_to_domain(message: pb.WatchRequest) -> int | None:
    """The revision a watch starts after; None for "from now"."""
    if not message.HasField("after_revision"):
        return None
    return int64(message.after_revision, "after_revision")


async def upload_to_domain(
    requests: AsyncIterator[pb.UploadVersionRequest],
) -> tuple[UploadHeader, AsyncIterator[bytes]]:
    """An upload stream as its header and the chunks that follow it."""
    first = await anext(requests, None)
    if first is None or first.WhichOneof("content") != "header":
        raise InvalidInput("an upload starts with a header message")

    async def chunks() -> AsyncIterator[bytes]:
        async for request in requests:
            if request.WhichOneof("content") == "header":
                raise InvalidInput("an upload carries a single header, in its first message")
            yield request.chunk

    return header_to_domain(first.header), chunks()


def event_to_pb(event: Event) -> pb.Event:
    return pb.Event(
        revision=event.revision,
        type=_EVENT_TYPES[event.type],
        model=event.model,
        version=event.version or 0,
        alias=event.alias or "",
        previous_version=event.previous_version or 0,
        time_unix_micros=micros(event.time),
    )


def event_to_domain(message: pb.Event) -> Event:
    return Event(
        revision=message.revision,
        type=_lookup(_EVENT_TYPES_BACK, message.type, "event type"),
        model=message.model,
        time=from_micros(message.time_unix_micros),
        version=_number(message.version),
        alias=message.alias or None,
        previous_version=_number(message.previous_version),
    )


def job_to_pb(job: Job) -> pb.Job:
    return pb.Job(
        id=job.id,
        model=job.model,
        parent_version=job.parent_version,
        transform=transform_to_pb(job.transform),
        parameters=job.parameters,
        state=_JOB_STATES[job.state],
        result_version=job.result_version or 0,
        error=job.error or "",
        create_time_unix_micros=micros(job.create_time),
        update_time_unix_micros=micros(job.update_time),
    )


def job_to_domain(message: pb.Job) -> Job:
    return Job(
        id=message.id,
        model=message.model,
        parent_version=message.parent_version,
        transform=transform_to_domain(message.transform),
        parameters=dict(message.parameters),
        state=_lookup(_JOB_STATES_BACK, message.state, "job state"),
        create_time=from_micros(message.create_time_unix_micros),
        update_time=from_micros(message.update_time_unix_micros),
        result_version=_number(message.result_version),
        error=message.error or None,
    )
