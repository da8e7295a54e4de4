"""Crash safety with real processes: kill -9 in the middle of an upload, then restart."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from grpc import aio

from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.transport.server import channel_options
from maas_client.registry import AsyncRegistryClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc
from tests.registry.conftest import eventually, mlp, sha256, stored, upload_requests

# Many chunks, so that the upload is caught with part of it on disk.
BIG = mlp(seed=4, hidden=16_000)


async def _start(data_dir: Path, log: Path) -> tuple[asyncio.subprocess.Process, int]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "maas.registry",
        "--port",
        "0",
        "--data-dir",
        str(data_dir),
        stdout=asyncio.subprocess.PIPE,
        stderr=log.open("ab"),
    )
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), 60)
    found = re.search(rb"serving on .*:(\d+)", line)
    assert found, f"unexpected first line {line!r}; see {log}"
    return process, int(found.group(1))


async def test_kill_9_mid_upload_then_restart_is_consistent(
    tmp_path: Path, mlp_bytes: bytes
) -> None:
    data_dir, log = tmp_path / "registry", tmp_path / "registry.log"
    model = tmp_path / "m.onnx"
    model.write_bytes(mlp_bytes)

    process, port = await _start(data_dir, log)
    async with AsyncRegistryClient(f"127.0.0.1:{port}") as client:
        await client.create_model("m")
        committed = await client.upload("m", model)

    async with aio.insecure_channel(f"127.0.0.1:{port}", options=channel_options()) as channel:
        stub = pb_grpc.RegistryServiceStub(channel)
        messages = upload_requests("m", BIG)

        async def half_then_stall() -> AsyncIterator[pb.UploadVersionRequest]:
            for message in messages[: len(messages) // 2]:
                yield message
            await asyncio.Event().wait()

        upload = asyncio.ensure_future(stub.UploadVersion(half_then_stall()))
        await eventually(
            lambda: any(p.stat().st_size > 0 for p in (data_dir / "staging").iterdir())
        )
        process.send_signal(signal.SIGKILL)
        assert await process.wait() == -signal.SIGKILL
        with pytest.raises(aio.AioRpcError) as lost:
            await upload
        assert lost.value.code() == grpc.StatusCode.UNAVAILABLE
    # The crash left a partial upload behind...
    assert stored(data_dir).staging

    process, port = await _start(data_dir, log)
    try:
        async with AsyncRegistryClient(f"127.0.0.1:{port}") as client:
            # ...which the restart removed, keeping everything that was committed.
            assert stored(data_dir).staging == set()
            assert stored(data_dir).blobs == {sha256(mlp_bytes)}
            assert [v async for v in client.list_versions("m")] == [committed]
            dest = tmp_path / "back.onnx"
            await client.download("m", 1, dest)
            assert dest.read_bytes() == mlp_bytes
            events = [e async for e in _first(client.watch(after_revision=0), 2)]
            assert [pb.EventType.Name(e.type) for e in events] == [
                "EVENT_TYPE_MODEL_CREATED",
                "EVENT_TYPE_VERSION_CREATED",
            ]
            assert (await client.list_models_page()).revision == 2
            # The interrupted upload never took a version number.
            big = tmp_path / "big.onnx"
            big.write_bytes(BIG)
            assert (await client.upload("m", big)).version == 2
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0


async def _first(events: AsyncIterator[pb.Event], n: int) -> AsyncIterator[pb.Event]:
    for _ in range(n):
        yield await asyncio.wait_for(anext(events), 10)


async def test_start_removes_orphan_blobs_and_staging_files(
    tmp_path: Path, mlp_bytes: bytes
) -> None:
    settings = RegistrySettings(data_dir=tmp_path / "r", port=0)
    model = tmp_path / "m.onnx"
    model.write_bytes(mlp_bytes)
    async with (
        run_registry(settings) as handle,
        AsyncRegistryClient(f"127.0.0.1:{handle.port}") as client,
    ):
        await client.create_model("m")
        await client.upload("m", model)
    # What a crash between writing a blob and recording its version leaves.
    orphan = settings.data_dir / "blobs" / "sha256" / "ab" / ("ab" * 32)
    orphan.parent.mkdir()
    orphan.write_bytes(b"orphan")
    (settings.data_dir / "staging" / "dead.part").write_bytes(b"partial")

    async with (
        run_registry(settings) as handle,
        AsyncRegistryClient(f"127.0.0.1:{handle.port}") as client,
    ):
        assert stored(settings.data_dir).blobs == {sha256(mlp_bytes)}
        assert stored(settings.data_dir).staging == set()
        _, chunks = await client.open_download("m", 1)
        assert b"".join([c async for c in chunks]) == mlp_bytes
