"""Models over real gRPC: create, get, list, update, delete, and the codes for mistakes."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest
from grpc import aio
from grpc_health.v1 import health_pb2

from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas_client.registry import AsyncRegistryClient


async def test_health_reports_serving(address: str) -> None:
    async with aio.insecure_channel(address) as channel:
        check = channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
            response_deserializer=health_pb2.HealthCheckResponse.FromString,
        )
        request = health_pb2.HealthCheckRequest(service="maas.registry.v1.RegistryService")
        response = await check(request)
    assert response.status == health_pb2.HealthCheckResponse.SERVING


async def test_create_get_update(client: AsyncRegistryClient) -> None:
    created = await client.create_model("resnet", "image classifier", {"team": "vision"})
    assert (created.name, created.description, dict(created.labels)) == (
        "resnet",
        "image classifier",
        {"team": "vision"},
    )
    assert created.latest_version == 0
    assert created.create_time_unix_micros > 0

    updated = await client.update_model("resnet", description="v2 classifier")
    assert (updated.description, dict(updated.labels)) == ("v2 classifier", {"team": "vision"})
    relabelled = await client.update_model("resnet", labels={"team": "edge"})
    assert (relabelled.description, dict(relabelled.labels)) == ("v2 classifier", {"team": "edge"})
    assert relabelled.update_time_unix_micros >= created.update_time_unix_micros
    assert await client.get_model("resnet") == relabelled


async def test_list_pages_through_every_model_and_filters_by_label(
    client: AsyncRegistryClient,
) -> None:
    for i in range(7):
        await client.create_model(f"m{i}", labels={"parity": "even" if i % 2 == 0 else "odd"})
    first = await client.list_models_page(page_size=3)
    assert [m.name for m in first.models] == ["m0", "m1", "m2"]
    assert first.next_page_token
    assert first.revision == 7
    names = [m.name async for m in client.list_models(page_size=3)]
    assert names == [f"m{i}" for i in range(7)]
    odd = [m.name async for m in client.list_models({"parity": "odd"}, page_size=2)]
    assert odd == ["m1", "m3", "m5"]


@pytest.mark.parametrize(
    ("call", "code", "message"),
    [
        (lambda c: c.create_model("bad name"), grpc.StatusCode.INVALID_ARGUMENT, "invalid model"),
        (lambda c: c.create_model("taken"), grpc.StatusCode.ALREADY_EXISTS, "already exists"),
        (lambda c: c.get_model("nope"), grpc.StatusCode.NOT_FOUND, "'nope' not found"),
        (lambda c: c.delete_model("nope"), grpc.StatusCode.NOT_FOUND, "'nope' not found"),
        (
            lambda c: c.update_model("taken", labels={"a b": "x"}),
            grpc.StatusCode.INVALID_ARGUMENT,
            "invalid labels key",
        ),
        (
            lambda c: c.list_models_page(page_token="garbage!"),
            grpc.StatusCode.INVALID_ARGUMENT,
            "page_token",
        ),
    ],
)
async def test_mistakes_get_their_code_and_change_nothing(
    client: AsyncRegistryClient, call: object, code: grpc.StatusCode, message: str
) -> None:
    await client.create_model("taken", "original", {"k": "v"})
    before = await client.list_models_page()
    with pytest.raises(aio.AioRpcError) as refused:
        await call(client)  # type: ignore[operator]
    assert refused.value.code() == code
    assert message in (refused.value.details() or "")
    after = await client.list_models_page()
    assert after == before


async def test_delete_removes_the_model_and_its_versions(
    client: AsyncRegistryClient, mlp_bytes: bytes, tmp_path: Path, settings: RegistrySettings
) -> None:
    path = tmp_path / "m.onnx"
    path.write_bytes(mlp_bytes)
    await client.create_model("m")
    await client.upload("m", path)
    await client.delete_model("m")
    with pytest.raises(aio.AioRpcError) as gone:
        await client.get_model("m")
    assert gone.value.code() == grpc.StatusCode.NOT_FOUND
    assert list((settings.data_dir / "blobs" / "sha256").glob("*/*")) == []


async def test_one_registry_per_data_directory(
    registry: object, settings: RegistrySettings
) -> None:
    with pytest.raises(RuntimeError, match="in use by another registry"):
        async with run_registry(settings):
            pass
