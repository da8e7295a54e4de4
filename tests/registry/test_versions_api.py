"""Uploading and downloading versions over real gRPC, and every refusal leaving no trace."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from grpc import aio

from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas_client.registry import AsyncRegistryClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc
from tests.registry.conftest import CHUNK, eventually, mlp, sha256, stored, stream, upload_requests

# Wide enough to span a dozen download chunks.
BIG = mlp(seed=1, hidden=12_000)


def _file(tmp_path: Path, data: bytes, name: str = "model.onnx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


async def test_upload_list_download_gives_back_the_same_bytes(
    client: AsyncRegistryClient, tmp_path: Path, mlp_bytes: bytes
) -> None:
    await client.create_model("m")
    progress: list[tuple[int, int]] = []
    v1 = await client.upload(
        "m",
        _file(tmp_path, BIG),
        metadata={"framework": "numpy"},
        chunk_bytes=CHUNK,
        progress=lambda d, t: progress.append((d, t)),
    )
    await client.upload("m", _file(tmp_path, mlp_bytes, "small.onnx"))
    assert progress[-1] == (len(BIG), len(BIG))
    assert len(progress) > 10
    assert (v1.version, v1.sha256, v1.size_bytes) == (1, sha256(BIG), len(BIG))
    assert dict(v1.metadata) == {"framework": "numpy"}
    assert [t.name for t in v1.signature.inputs] == ["x"]
    assert list(v1.signature.outputs[0].shape) == [-1, 10]
    assert v1.signature.outputs[0].datatype == "FP32"
    assert (v1.signature.ir_version, v1.signature.opsets[0].version) == (9, 17)

    assert [v.version async for v in client.list_versions("m")] == [1, 2]
    assert (await client.get_model("m")).latest_version == 2
    assert (await client.get_version("m", "latest")).version == 2

    dest = tmp_path / "out.onnx"
    got = await client.download("m", 1, dest)
    assert got == v1
    assert dest.read_bytes() == BIG
    assert not (tmp_path / f"out.onnx.{v1.sha256[:16]}.part").exists()


async def test_download_streams_from_an_offset(client: AsyncRegistryClient, tmp_path: Path) -> None:
    await client.create_model("m")
    await client.upload("m", _file(tmp_path, BIG), chunk_bytes=CHUNK)
    offset = len(BIG) - 3 * CHUNK - 17
    version, chunks = await client.open_download("m", 1, offset)
    assert version.sha256 == sha256(BIG)
    received = [chunk async for chunk in chunks]
    assert b"".join(received) == BIG[offset:]
    assert max(len(c) for c in received) <= CHUNK
    _, at_end = await client.open_download("m", 1, len(BIG))
    assert [c async for c in at_end] == []


async def test_download_resumes_a_part_file_and_refuses_a_corrupt_one(
    client: AsyncRegistryClient, tmp_path: Path
) -> None:
    await client.create_model("m")
    await client.upload("m", _file(tmp_path, BIG), chunk_bytes=CHUNK)
    dest = tmp_path / "copy.onnx"
    part = tmp_path / f"copy.onnx.{sha256(BIG)[:16]}.part"
    part.write_bytes(BIG[:100_000])
    progress: list[int] = []
    await client.download("m", 1, dest, progress=lambda done, _: progress.append(done))
    assert dest.read_bytes() == BIG
    assert progress[0] > 100_000  # the first 100 kB came from the part file
    # A part file whose bytes differ from the artifact fails verification, and goes.
    dest.unlink()
    part.write_bytes(b"\0" * 100_000)
    with pytest.raises(Exception, match="do not match sha256"):
        await client.download("m", 1, dest)
    assert not dest.exists()
    assert not part.exists()


async def test_identical_bytes_are_stored_once(
    client: AsyncRegistryClient, tmp_path: Path, settings: RegistrySettings, mlp_bytes: bytes
) -> None:
    path = _file(tmp_path, mlp_bytes)
    for name in ("a", "b"):
        await client.create_model(name)
        await client.upload(name, path)
    await client.upload("a", path)
    assert stored(settings.data_dir).blobs == {sha256(mlp_bytes)}
    # The blob stays while any version needs it.
    await client.delete_model("a")
    assert stored(settings.data_dir).blobs == {sha256(mlp_bytes)}
    await client.delete_version("b", 1)
    assert stored(settings.data_dir).blobs == set()


async def test_concurrent_uploads_all_land_with_distinct_numbers(
    client: AsyncRegistryClient, tmp_path: Path
) -> None:
    await client.create_model("m")
    artifacts = [mlp(seed=10 + i, hidden=256) for i in range(4)]
    paths = [_file(tmp_path, data, f"{i}.onnx") for i, data in enumerate(artifacts)]
    versions = await asyncio.gather(
        *(client.upload("m", path, chunk_bytes=CHUNK // 4) for path in paths)
    )
    assert sorted(v.version for v in versions) == [1, 2, 3, 4]
    for version, data in zip(versions, artifacts, strict=True):
        dest = tmp_path / f"down-{version.version}.onnx"
        await client.download("m", version.version, dest)
        assert dest.read_bytes() == data


GOOD = mlp(seed=2)


@pytest.mark.parametrize(
    ("messages", "reason"),
    [
        (upload_requests("m", GOOD, sha=sha256(b"other")), "checksum mismatch"),
        (upload_requests("m", GOOD, size=len(GOOD) + 1), "ended after"),
        (upload_requests("m", GOOD)[:-1], "ended after"),
        (upload_requests("m", GOOD, size=len(GOOD) - 1), "more than"),
        (upload_requests("m", os.urandom(50_000)), "not an ONNX model"),
        (upload_requests("m", b"x", size=5 << 30), "too large"),
        # One oversized chunk and nothing after it: a client still writing when the server
        # refuses sees grpc's "Internal error from Core" instead of the server's status.
        (upload_requests("m", BIG[: CHUNK + 1], chunk=CHUNK + 1), "chunks are at most"),
        (upload_requests("m", GOOD)[1:], "starts with a header"),
        (upload_requests("m", GOOD) + upload_requests("m", GOOD)[:1], "single header"),
        (upload_requests("m", GOOD, fmt=pb.ARTIFACT_FORMAT_UNSPECIFIED), "artifact format"),
        (upload_requests("m", GOOD, sha="xyz"), "sha256 must be"),
        (upload_requests("bad name", GOOD), "invalid model name"),
    ],
    ids=[
        "checksum",
        "truncated",
        "last-chunk-missing",
        "overlong",
        "not-onnx",
        "oversized",
        "chunk-too-big",
        "no-header",
        "two-headers",
        "no-format",
        "bad-sha",
        "bad-name",
    ],
)
async def test_bad_uploads_are_refused_and_leave_nothing(
    client: AsyncRegistryClient,
    stub: pb_grpc.RegistryServiceAsyncStub,
    settings: RegistrySettings,
    mlp_bytes: bytes,
    tmp_path: Path,
    messages: list[pb.UploadVersionRequest],
    reason: str,
) -> None:
    await client.create_model("m")
    await client.upload("m", _file(tmp_path, mlp_bytes))
    before = (stored(settings.data_dir), await client.get_model("m"))
    revision = (await client.list_models_page()).revision

    with pytest.raises(aio.AioRpcError) as refused:
        await stub.UploadVersion(stream(messages))
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert reason in (refused.value.details() or "")

    assert (stored(settings.data_dir), await client.get_model("m")) == before
    assert [v.version async for v in client.list_versions("m")] == [1]
    assert (await client.list_models_page()).revision == revision
    # The registry is still healthy: the good bytes go through right after.
    assert (await stub.UploadVersion(stream(upload_requests("m", GOOD)))).version.version == 2


async def test_upload_to_a_missing_model_is_not_found(
    stub: pb_grpc.RegistryServiceAsyncStub, settings: RegistrySettings, registry: object
) -> None:
    with pytest.raises(aio.AioRpcError) as refused:
        await stub.UploadVersion(stream(upload_requests("ghost", GOOD)))
    assert refused.value.code() == grpc.StatusCode.NOT_FOUND
    assert stored(settings.data_dir).staging == set()


async def test_a_cancelled_upload_leaves_nothing(
    client: AsyncRegistryClient, stub: pb_grpc.RegistryServiceAsyncStub, settings: RegistrySettings
) -> None:
    await client.create_model("m")

    async def stalled() -> AsyncIterator[pb.UploadVersionRequest]:
        for message in upload_requests("m", BIG)[:3]:
            yield message
        await asyncio.Event().wait()

    call = stub.UploadVersion(stalled())
    await eventually(lambda: bool(stored(settings.data_dir).staging))
    call.cancel()
    await eventually(lambda: not stored(settings.data_dir).staging)
    assert [v async for v in client.list_versions("m")] == []


async def test_uploads_beyond_the_limit_are_refused_early(tmp_path: Path) -> None:
    settings = RegistrySettings(data_dir=tmp_path / "r", port=0, max_concurrent_uploads=1)
    async with (
        run_registry(settings) as handle,
        AsyncRegistryClient(f"127.0.0.1:{handle.port}") as client,
        aio.insecure_channel(f"127.0.0.1:{handle.port}") as channel,
    ):
        stub = pb_grpc.RegistryServiceStub(channel)
        await client.create_model("m")

        async def stalled() -> AsyncIterator[pb.UploadVersionRequest]:
            for message in upload_requests("m", GOOD, chunk=1000)[:2]:
                yield message
            await asyncio.Event().wait()

        first = stub.UploadVersion(stalled())
        # Its first chunk on disk: the registry counts it as in progress.
        await eventually(lambda: bool(stored(settings.data_dir).staging))
        with pytest.raises(aio.AioRpcError) as refused:
            await stub.UploadVersion(stream(upload_requests("m", GOOD)))
        assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        first.cancel()


async def test_version_errors_have_their_codes(client: AsyncRegistryClient) -> None:
    await client.create_model("m")
    cases = [
        (client.get_version("m", 3), grpc.StatusCode.NOT_FOUND, "no version 3"),
        (client.get_version("m", "latest"), grpc.StatusCode.NOT_FOUND, "has no versions"),
        (client.get_version("m", "prod"), grpc.StatusCode.NOT_FOUND, "no alias 'prod'"),
        (client.get_version("ghost", 1), grpc.StatusCode.NOT_FOUND, "'ghost' not found"),
        (client.delete_version("m", 0), grpc.StatusCode.INVALID_ARGUMENT, "numbered from 1"),
        (client.delete_version("m", 1), grpc.StatusCode.NOT_FOUND, "no version 1"),
    ]
    for call, code, message in cases:
        with pytest.raises(aio.AioRpcError) as refused:
            await call
        assert (refused.value.code(), message in (refused.value.details() or "")) == (code, True)


async def test_download_offset_past_the_end_is_refused(
    client: AsyncRegistryClient, tmp_path: Path, mlp_bytes: bytes
) -> None:
    await client.create_model("m")
    await client.upload("m", _file(tmp_path, mlp_bytes))
    with pytest.raises(aio.AioRpcError) as refused:
        await client.open_download("m", 1, len(mlp_bytes) + 1)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
