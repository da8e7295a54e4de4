"""Aliases over real gRPC: set, move, resolve, delete, and what they protect from deletion."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import grpc
import pytest
from grpc import aio

from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas_client.registry import AsyncRegistryClient
from tests.registry.conftest import mlp, sha256


@pytest.fixture
async def three_versions(client: AsyncRegistryClient, tmp_path: Path) -> list[bytes]:
    await client.create_model("m")
    artifacts = [mlp(seed=20 + i) for i in range(3)]
    for i, data in enumerate(artifacts):
        path = tmp_path / f"{i}.onnx"
        path.write_bytes(data)
        await client.upload("m", path)
    return artifacts


async def test_set_move_resolve_and_delete(
    client: AsyncRegistryClient, three_versions: list[bytes]
) -> None:
    assert await client.set_alias("m", "production", 2) == 0
    resolved = await client.get_version("m", "production")
    assert (resolved.version, resolved.sha256) == (2, sha256(three_versions[1]))
    assert list(resolved.aliases) == ["production"]

    assert await client.set_alias("m", "production", 3) == 2
    assert (await client.get_version("m", "production")).version == 3
    assert list((await client.get_version("m", 2)).aliases) == []
    assert dict((await client.get_model("m")).aliases) == {"production": 3}

    version, chunks = await client.open_download("m", "production")
    assert b"".join([c async for c in chunks]) == three_versions[2]
    assert version.version == 3

    await client.delete_alias("m", "production")
    with pytest.raises(aio.AioRpcError) as gone:
        await client.get_version("m", "production")
    assert gone.value.code() == grpc.StatusCode.NOT_FOUND


async def test_aliased_versions_and_models_are_protected(
    client: AsyncRegistryClient, three_versions: list[bytes]
) -> None:
    await client.set_alias("m", "production", 1)
    with pytest.raises(aio.AioRpcError) as refused:
        await client.delete_version("m", 1)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "aliased as production" in (refused.value.details() or "")
    with pytest.raises(aio.AioRpcError) as refused:
        await client.delete_model("m")
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "production -> v1" in (refused.value.details() or "")
    assert [v.version async for v in client.list_versions("m")] == [1, 2, 3]
    # Unaliased versions go as usual.
    await client.delete_version("m", 2)
    assert [v.version async for v in client.list_versions("m")] == [1, 3]


@pytest.mark.parametrize(
    ("alias", "version", "code", "message"),
    [
        ("latest", 1, grpc.StatusCode.INVALID_ARGUMENT, "reserved"),
        ("Prod", 1, grpc.StatusCode.INVALID_ARGUMENT, "invalid alias"),
        ("prod", 9, grpc.StatusCode.NOT_FOUND, "no version 9"),
        ("prod", 0, grpc.StatusCode.INVALID_ARGUMENT, "numbered from 1"),
    ],
)
async def test_bad_alias_requests_are_refused(
    client: AsyncRegistryClient,
    three_versions: list[bytes],
    alias: str,
    version: int,
    code: grpc.StatusCode,
    message: str,
) -> None:
    with pytest.raises(aio.AioRpcError) as refused:
        await client.set_alias("m", alias, version)
    assert refused.value.code() == code
    assert message in (refused.value.details() or "")
    assert dict((await client.get_model("m")).aliases) == {}


async def test_deleting_a_missing_alias_is_not_found(
    client: AsyncRegistryClient, three_versions: list[bytes]
) -> None:
    with pytest.raises(aio.AioRpcError) as refused:
        await client.delete_alias("m", "nope")
    assert refused.value.code() == grpc.StatusCode.NOT_FOUND


class Deployed:
    """A deployment guard standing in for the scheduler: version 1 of "m" is serving."""

    async def deployments(self, model: str, version: int | None) -> Sequence[str]:
        return ["m-prod"] if model == "m" and version in (None, 1) else []


async def test_deployed_versions_cannot_be_deleted(tmp_path: Path, mlp_bytes: bytes) -> None:
    settings = RegistrySettings(data_dir=tmp_path / "r", port=0)
    path = tmp_path / "m.onnx"
    path.write_bytes(mlp_bytes)
    async with (
        run_registry(settings, guard=Deployed()) as handle,
        AsyncRegistryClient(f"127.0.0.1:{handle.port}") as client,
    ):
        await client.create_model("m")
        await client.upload("m", path)
        await client.upload("m", path)
        for call in (client.delete_version("m", 1), client.delete_model("m")):
            with pytest.raises(aio.AioRpcError) as refused:
                await call
            assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
            assert "deployed by m-prod" in (refused.value.details() or "")
        await client.delete_version("m", 2)
        assert [v.version async for v in client.list_versions("m")] == [1]
