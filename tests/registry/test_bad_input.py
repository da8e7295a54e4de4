"""Hostile requests to a real registry: a clear status, bounded messages, nothing changed
(issue 8)."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable

import grpc
import pytest
from grpc import aio

from maas_proto.maas.registry.v1 import registry_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc
from tests import rawcalls
from tests.rawcalls import COMMON_FILES, UNDECODABLE
from tests.registry.conftest import stream, upload_requests

LONG = "m" * 10_000


async def test_undecodable_bytes_on_every_rpc_are_invalid_argument(address: str) -> None:
    async with aio.insecure_channel(address) as channel:
        for method in rawcalls.methods(pb.DESCRIPTOR, *COMMON_FILES):
            for data in UNDECODABLE:
                error = await rawcalls.call(channel, method, data)
                assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, (method, data)


async def _refused(call: Callable[[], Awaitable[object]]) -> aio.AioRpcError:
    with pytest.raises(aio.AioRpcError) as caught:
        await call()
    assert len(caught.value.details() or "") < 300
    return caught.value


@pytest.mark.parametrize("after", [2**63, 2**64 - 1])
async def test_a_watch_after_a_revision_beyond_int64_is_invalid_argument(
    stub: pb_grpc.RegistryServiceAsyncStub, after: int
) -> None:
    async def first_event() -> None:
        async for _ in stub.Watch(pb.WatchRequest(after_revision=after), timeout=10):
            return

    error = await _refused(first_event)
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "after_revision" in str(error.details())


async def test_long_names_labels_and_aliases_are_refused_with_bounded_messages(
    stub: pb_grpc.RegistryServiceAsyncStub,
) -> None:
    await stub.CreateModel(pb.CreateModelRequest(name="taken"))
    calls: list[Callable[[], Awaitable[object]]] = [
        lambda: stub.CreateModel(pb.CreateModelRequest(name=LONG)),
        lambda: stub.GetModel(pb.GetModelRequest(name=LONG)),
        lambda: stub.CreateModel(pb.CreateModelRequest(name="ok", labels={LONG: "x"})),
        lambda: stub.SetAlias(pb.SetAliasRequest(model="taken", alias=LONG, version=1)),
        lambda: stub.ListModels(pb.ListModelsRequest(labels={LONG: "x"})),
    ]
    for call in calls:
        error = await _refused(call)
        assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, error
        assert "mmm..." in str(error.details())
    listed = await stub.ListModels(pb.ListModelsRequest())
    assert [m.name for m in listed.models] == ["taken"]


@pytest.mark.parametrize("key", ["\u00b2", "\u0661", "9" * 5000, "99999999999999999999"])
async def test_a_version_page_token_must_be_ascii_digits(
    stub: pb_grpc.RegistryServiceAsyncStub, key: str
) -> None:
    await stub.CreateModel(pb.CreateModelRequest(name="m"))
    token = base64.urlsafe_b64encode(key.encode()).decode()
    error = await _refused(
        lambda: stub.ListVersions(pb.ListVersionsRequest(model="m", page_token=token))
    )
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "invalid page_token" in str(error.details())


@pytest.mark.parametrize("size", [2**63, 2**64 - 1])
async def test_an_upload_declaring_a_size_beyond_int64_is_refused(
    stub: pb_grpc.RegistryServiceAsyncStub, mlp_bytes: bytes, size: int
) -> None:
    error = await _refused(
        lambda: stub.UploadVersion(stream(upload_requests("m", mlp_bytes, size=size)))
    )
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "size_bytes" in str(error.details())
