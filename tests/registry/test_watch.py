"""The event stream: order, resuming from a revision, compaction, shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from grpc import aio

from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas_client.registry import AsyncRegistryClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb

E = pb.EventType


async def _take(events: AsyncIterator[pb.Event], n: int) -> list[pb.Event]:
    return [await asyncio.wait_for(anext(events), 10) for _ in range(n)]


def _summary(events: list[pb.Event]) -> list[tuple[int, str, int, str, int]]:
    return [(e.revision, E.Name(e.type), e.version, e.alias, e.previous_version) for e in events]


async def _populate(client: AsyncRegistryClient, path: Path) -> None:
    await client.create_model("m", labels={"a": "b"})
    await client.upload("m", path)
    await client.upload("m", path)
    await client.set_alias("m", "production", 1)
    await client.set_alias("m", "production", 2)
    await client.update_model("m", description="d")
    await client.delete_alias("m", "production")
    await client.delete_version("m", 1)


EXPECTED = [
    (1, "EVENT_TYPE_MODEL_CREATED", 0, "", 0),
    (2, "EVENT_TYPE_VERSION_CREATED", 1, "", 0),
    (3, "EVENT_TYPE_VERSION_CREATED", 2, "", 0),
    (4, "EVENT_TYPE_ALIAS_SET", 1, "production", 0),
    (5, "EVENT_TYPE_ALIAS_SET", 2, "production", 1),
    (6, "EVENT_TYPE_MODEL_UPDATED", 0, "", 0),
    (7, "EVENT_TYPE_ALIAS_DELETED", 0, "production", 2),
    (8, "EVENT_TYPE_VERSION_DELETED", 1, "", 0),
]


@pytest.fixture
def model_file(tmp_path: Path, mlp_bytes: bytes) -> Path:
    path = tmp_path / "m.onnx"
    path.write_bytes(mlp_bytes)
    return path


async def test_a_live_watcher_sees_every_change_in_order(
    client: AsyncRegistryClient, model_file: Path
) -> None:
    events = client.watch(after_revision=0)
    # The watch call is under way before the changes start.
    first = asyncio.ensure_future(_take(events, 1))
    await asyncio.sleep(0.1)
    await _populate(client, model_file)
    received = await first + await _take(events, len(EXPECTED) - 1)
    assert _summary(received) == EXPECTED
    assert all(e.model == "m" and e.time_unix_micros > 0 for e in received)
    await events.aclose()


async def test_watch_replays_history_and_resumes_after_any_revision(
    client: AsyncRegistryClient, model_file: Path
) -> None:
    await _populate(client, model_file)
    assert _summary(await _take(client.watch(after_revision=0), 8)) == EXPECTED
    resumed = client.watch(after_revision=5)
    assert _summary(await _take(resumed, 3)) == EXPECTED[5:]
    # And continues live from there.
    await client.delete_model("m")
    assert _summary(await _take(resumed, 1)) == [(9, "EVENT_TYPE_MODEL_DELETED", 0, "", 0)]
    await resumed.aclose()


async def test_watch_without_a_revision_sees_only_new_events(
    client: AsyncRegistryClient, model_file: Path
) -> None:
    await _populate(client, model_file)
    assert (await client.list_models_page()).revision == 8
    events = client.watch()
    first = asyncio.ensure_future(anext(events))
    # The watch starts at whatever revision the registry is at when the call arrives,
    # so keep changing things until it reports one of them.
    created = 0
    while not first.done():
        created += 1
        await client.create_model(f"n{created}")
        await asyncio.wait([first], timeout=0.2)
    event = first.result()
    assert event.revision > 8
    assert (E.Name(event.type), event.model) == (
        "EVENT_TYPE_MODEL_CREATED",
        f"n{event.revision - 8}",
    )
    await events.aclose()


async def test_a_compacted_revision_is_refused(tmp_path: Path, model_file: Path) -> None:
    settings = RegistrySettings(data_dir=tmp_path / "r", port=0, event_retention=3)
    async with (
        run_registry(settings) as handle,
        AsyncRegistryClient(f"127.0.0.1:{handle.port}") as client,
    ):
        await _populate(client, model_file)
        with pytest.raises(aio.AioRpcError) as refused:
            await _take(client.watch(after_revision=2), 1)
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert "compacted" in (refused.value.details() or "")
        kept = await _take(client.watch(after_revision=5), 3)
        assert [e.revision for e in kept] == [6, 7, 8]


async def test_shutdown_tells_watchers_to_come_back(tmp_path: Path) -> None:
    settings = RegistrySettings(data_dir=tmp_path / "r", port=0, grace_s=10)
    loop = asyncio.get_running_loop()
    async with run_registry(settings) as handle:
        client = AsyncRegistryClient(f"127.0.0.1:{handle.port}")
        pending = asyncio.ensure_future(_take(client.watch(), 1))
        await asyncio.sleep(0.1)
        started = loop.time()
    # Well within the 10 s grace: open watches do not hold shutdown up.
    assert loop.time() - started < 5
    with pytest.raises(aio.AioRpcError) as ended:
        await pending
    assert ended.value.code() == grpc.StatusCode.UNAVAILABLE
    await client.close()
