"""The SQLite catalog and the blob directory on their own, against real files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from maas.errors import AlreadyExists, FailedPrecondition, NotFound
from maas.registry.blobs import FileBlobStore
from maas.registry.domain import (
    ArtifactFormat,
    EventType,
    Job,
    JobState,
    NewVersion,
    Transform,
)
from maas.registry.sqlite_store import SqliteStore
from tests.registry.conftest import Stored, sha256, stored
from tests.registry.test_converters import LINEAGE, SIGNATURE

T0 = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    s = SqliteStore(tmp_path / "registry.db", event_retention=5)
    await s.open()
    yield s
    await s.close()


def _new(model: str = "m", sha: str = "a" * 64, lineage: bool = False) -> NewVersion:
    return NewVersion(
        model=model,
        format=ArtifactFormat.ONNX,
        sha256=sha,
        size_bytes=10,
        metadata={"framework": "pytorch"},
        signature=SIGNATURE,
        lineage=LINEAGE if lineage else None,
    )


async def test_a_version_reads_back_as_written(store: SqliteStore) -> None:
    await store.create_model("m", "", {})
    written = await store.add_version(_new(lineage=True))
    assert written.number == 1
    read = await store.get_version("m", 1)
    assert read == written
    assert read.signature == SIGNATURE
    assert read.lineage == LINEAGE
    assert read.metadata == {"framework": "pytorch"}


async def test_version_numbers_are_never_reused(store: SqliteStore) -> None:
    await store.create_model("m", "", {})
    for _ in range(3):
        await store.add_version(_new())
    await store.delete_version("m", 3)
    assert (await store.add_version(_new())).number == 4
    assert (await store.get_model("m")).latest_version == 4


async def test_duplicate_and_missing_models(store: SqliteStore) -> None:
    await store.create_model("m", "", {})
    with pytest.raises(AlreadyExists):
        await store.create_model("m", "", {})
    with pytest.raises(NotFound, match="model 'x' not found"):
        await store.add_version(_new(model="x"))
    with pytest.raises(NotFound, match="no version 9"):
        await store.get_version("m", 9)


async def test_aliased_versions_and_models_cannot_be_deleted(store: SqliteStore) -> None:
    await store.create_model("m", "", {})
    await store.add_version(_new())
    assert await store.set_alias("m", "production", 1) is None
    with pytest.raises(FailedPrecondition, match="aliased as production"):
        await store.delete_version("m", 1)
    with pytest.raises(FailedPrecondition, match="production -> v1"):
        await store.delete_model("m")
    assert (await store.get_version("m", 1)).aliases == ("production",)


async def test_label_filter_and_paging(store: SqliteStore) -> None:
    for name, team in [("a", "vision"), ("b", "speech"), ("c", "vision"), ("d", "vision")]:
        await store.create_model(name, "", {"team": team, "tier": "1"})
    vision = await store.list_models({"team": "vision", "tier": "1"}, None, 10)
    assert [m.name for m in vision] == ["a", "c", "d"]
    assert [m.name for m in await store.list_models({"team": "vision"}, "a", 1)] == ["c"]
    assert await store.list_models({"team": "nobody"}, None, 10) == []


async def test_events_follow_mutations_in_order_and_old_ones_are_compacted(
    store: SqliteStore,
) -> None:
    await store.create_model("m", "", {})
    await store.add_version(_new())
    await store.add_version(_new())
    await store.set_alias("m", "production", 1)
    await store.set_alias("m", "production", 2)
    events = await store.events_after(0, 100)
    assert [(e.revision, e.type) for e in events] == [
        (1, EventType.MODEL_CREATED),
        (2, EventType.VERSION_CREATED),
        (3, EventType.VERSION_CREATED),
        (4, EventType.ALIAS_SET),
        (5, EventType.ALIAS_SET),
    ]
    assert (events[4].version, events[4].previous_version) == (2, 1)
    assert await store.compacted_through() == 0
    await store.delete_alias("m", "production")
    assert await store.revision() == 6
    # Retention is 5: revision 1 is gone, and the store says so.
    assert await store.compacted_through() == 1
    assert [e.revision for e in await store.events_after(0, 100)] == [2, 3, 4, 5, 6]


async def test_committed_state_survives_reopening(tmp_path: Path) -> None:
    first = SqliteStore(tmp_path / "r.db", event_retention=100)
    await first.open()
    await first.create_model("m", "d", {"k": "v"})
    await first.add_version(_new())
    await first.close()
    second = SqliteStore(tmp_path / "r.db", event_retention=100)
    await second.open()
    try:
        model = await second.get_model("m")
        assert (model.description, model.labels, model.latest_version) == ("d", {"k": "v"}, 1)
        assert await second.revision() == 2
    finally:
        await second.close()


async def test_jobs_are_stored_and_unfinished_ones_found(store: SqliteStore) -> None:
    running = Job("j1", "m", 1, Transform.FP16, {"keep_io_types": "true"}, JobState.RUNNING, T0, T0)
    done = Job("j2", "m", 1, Transform.FP16, {}, JobState.SUCCEEDED, T0, T0, result_version=2)
    await store.put_job(running)
    await store.put_job(done)
    assert await store.get_job("j1") == running
    assert await store.unfinished_jobs() == [running]
    with pytest.raises(NotFound):
        await store.get_job("nope")


async def test_blobs_are_content_addressed_and_staging_vanishes(tmp_path: Path) -> None:
    blobs = FileBlobStore(tmp_path)
    data = b"x" * 300_000
    for _ in range(2):
        async with blobs.stage() as staged:
            await staged.write(data[:100_000])
            await staged.write(data[100_000:])
            assert (staged.size, staged.sha256) == (len(data), sha256(data))
            await blobs.commit(staged)
    assert stored(tmp_path).blobs == {sha256(data)}
    assert stored(tmp_path).staging == set()
    read = b"".join([chunk async for chunk in blobs.read(sha256(data), 1000, 65536)])
    assert read == data[1000:]


async def test_an_uncommitted_stage_leaves_nothing(tmp_path: Path) -> None:
    blobs = FileBlobStore(tmp_path)

    async def refused_upload() -> None:
        async with blobs.stage() as staged:
            await staged.write(b"partial")
            raise RuntimeError("upload refused")

    with pytest.raises(RuntimeError):
        await refused_upload()
    assert stored(tmp_path) == Stored(frozenset(), frozenset())
