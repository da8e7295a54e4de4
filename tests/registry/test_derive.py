"""Derived versions: FP16 and INT8 jobs, their lineage, and whether the reports hold."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import grpc
import numpy as np
import onnx
import onnxruntime as ort
import pytest
from grpc import aio

from maas.registry.app import run_registry
from maas.registry.derive import sample_inputs
from maas.registry.domain import Job, JobState, Transform
from maas.registry.grpc.converters import signature_to_domain
from maas.registry.jobs import INTERRUPTED
from maas.registry.settings import RegistrySettings
from maas.registry.sqlite_store import SqliteStore
from maas_client.registry import AsyncRegistryClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb
from tests.registry.conftest import mlp, stored, string_identity

# Wide enough for quantization and half precision to show measurable error.
PARENT = mlp(seed=3, hidden=128)


@pytest.fixture
async def parent(client: AsyncRegistryClient, tmp_path: Path) -> pb.Version:
    path = tmp_path / "parent.onnx"
    path.write_bytes(PARENT)
    await client.create_model("m")
    return await client.upload("m", path, metadata={"classes": "10"})


def _run(data: bytes, feeds: list[dict[str, np.ndarray]]) -> np.ndarray:
    session = ort.InferenceSession(data, providers=["CPUExecutionProvider"])
    return np.stack([session.run(["probs"], feed)[0] for feed in feeds])


@pytest.mark.parametrize(
    ("transform", "parameters", "bound"),
    [
        ("fp16", {"keep_io_types": "true"}, 1e-3),
        ("int8", {"per_channel": "false", "reduce_range": "false", "weight_type": "int8"}, 0.05),
    ],
)
async def test_derived_outputs_stay_within_the_reported_error(
    client: AsyncRegistryClient,
    parent: pb.Version,
    transform: str,
    parameters: dict[str, str],
    bound: float,
) -> None:
    job = await client.derive("m", 1, transform)
    states = [j.state async for j in client.watch_job(job.id)]
    assert states[-1] == pb.JOB_STATE_SUCCEEDED, (await client.get_job(job.id)).error
    assert states == sorted(states)  # pending, running, succeeded: never backwards
    done = await client.get_job(job.id)
    derived = await client.get_version("m", done.result_version)

    lineage = derived.lineage
    assert (lineage.parent_version, dict(lineage.parameters)) == (1, parameters)
    assert dict(derived.metadata) == {"classes": "10"}
    report = lineage.accuracy
    assert report.parent_size_bytes == len(PARENT)
    assert report.size_bytes == derived.size_bytes < len(PARENT)
    assert 0 < report.max_abs_error < bound
    assert 0 < report.mean_abs_error <= report.max_abs_error
    assert report.outputs[0].name == "probs"
    assert report.outputs[0].top1_agreement >= 0.9

    _, chunks = await client.open_download("m", done.result_version)
    artifact = b"".join([c async for c in chunks])
    ops = {node.op_type for node in onnx.load_from_string(artifact).graph.node}
    if transform == "fp16":
        initializers = onnx.load_from_string(artifact).graph.initializer
        assert {t.data_type for t in initializers} == {onnx.TensorProto.FLOAT16}
    else:
        assert "MatMulInteger" in ops

    # The report is reproducible: its own inputs give exactly its numbers...
    signature = signature_to_domain(derived.signature)
    feeds = sample_inputs(signature, samples=report.samples, seed=report.seed)
    error = np.abs(_run(PARENT, feeds).astype(np.float64) - _run(artifact, feeds))
    assert error.max() == pytest.approx(report.max_abs_error, rel=1e-6)
    # ...and as many inputs it never saw stay within it (a maximum over samples is an
    # estimate, hence the factor; every seed is fixed, so this is not flaky).
    fresh = sample_inputs(signature, samples=report.samples, seed=12345)
    expected, got = _run(PARENT, fresh), _run(artifact, fresh)
    fresh_error = np.abs(expected.astype(np.float64) - got)
    assert fresh_error.max() <= 2 * report.max_abs_error
    assert fresh_error.mean() <= 2 * report.mean_abs_error
    assert (expected.argmax(-1) == got.argmax(-1)).mean() >= 0.9


async def test_the_same_derivation_twice_is_refused(
    client: AsyncRegistryClient, parent: pb.Version
) -> None:
    first = await client.derive("m", 1, "fp16")
    with pytest.raises(aio.AioRpcError) as busy:
        await client.derive("m", "latest", "fp16", {"keep_io_types": "TRUE"})
    assert busy.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert first.id in (busy.value.details() or "")
    assert (await client.wait_job(first.id)).state == pb.JOB_STATE_SUCCEEDED
    with pytest.raises(aio.AioRpcError) as done:
        await client.derive("m", 1, "fp16")
    assert done.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert "version 2 is already the fp16 derivation of version 1" in (done.value.details() or "")
    # Other parameters make another derivation.
    other = await client.derive("m", 1, "fp16", {"keep_io_types": "false"})
    finished = await client.wait_job(other.id)
    assert finished.state == pb.JOB_STATE_SUCCEEDED, finished.error
    inputs = (await client.get_version("m", finished.result_version)).signature.inputs
    assert inputs[0].datatype == "FP16"


async def test_bad_derive_requests_are_refused(
    client: AsyncRegistryClient, parent: pb.Version
) -> None:
    cases = [
        (client.derive("m", 1, "int8", {"bits": "4"}), grpc.StatusCode.INVALID_ARGUMENT),
        (client.derive("m", 7, "int8"), grpc.StatusCode.NOT_FOUND),
        (client.derive("ghost", 1, "int8"), grpc.StatusCode.NOT_FOUND),
        (client.get_job("nope"), grpc.StatusCode.NOT_FOUND),
    ]
    for call, code in cases:
        with pytest.raises(aio.AioRpcError) as refused:
            await call
        assert refused.value.code() == code


async def test_a_derivation_that_cannot_be_measured_fails_cleanly(
    client: AsyncRegistryClient, tmp_path: Path, settings: RegistrySettings
) -> None:
    path = tmp_path / "strings.onnx"
    path.write_bytes(string_identity())
    await client.create_model("s")
    await client.upload("s", path)
    before = stored(settings.data_dir)
    job = await client.derive("s", 1, "fp16")
    failed = await client.wait_job(job.id)
    assert failed.state == pb.JOB_STATE_FAILED
    assert "holds strings" in failed.error
    assert [v.version async for v in client.list_versions("s")] == [1]
    assert stored(settings.data_dir) == before


async def test_a_version_being_derived_from_cannot_be_deleted(
    client: AsyncRegistryClient, parent: pb.Version
) -> None:
    job = await client.derive("m", 1, "int8")
    with pytest.raises(aio.AioRpcError) as refused:
        await client.delete_version("m", 1)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "being derived from" in (refused.value.details() or "")
    await client.wait_job(job.id)
    await client.delete_version("m", 1)


async def test_jobs_interrupted_by_a_stop_are_failed_at_start(tmp_path: Path) -> None:
    settings = RegistrySettings(data_dir=tmp_path / "r", port=0)
    settings.data_dir.mkdir()
    store = SqliteStore(settings.data_dir / "registry.db", event_retention=10)
    await store.open()
    stamp = datetime.now(UTC)
    await store.put_job(
        Job("j1", "m", 1, Transform.FP16, {"keep_io_types": "true"}, JobState.RUNNING, stamp, stamp)
    )
    await store.close()
    async with (
        run_registry(settings) as handle,
        AsyncRegistryClient(f"127.0.0.1:{handle.port}") as client,
    ):
        job = await client.get_job("j1")
        assert (job.state, job.error) == (pb.JOB_STATE_FAILED, INTERRUPTED)
        assert [j.state async for j in client.watch_job("j1")] == [pb.JOB_STATE_FAILED]
