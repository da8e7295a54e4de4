"""The desired-state store over SQLite (all-in-one) and over the discovery key-value
store (Consul KV in distributed mode; the in-process one stands in for it here, the
cluster tests run it against Consul)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from maas.discovery.inprocess import InProcessKeyValueStore
from maas.errors import AlreadyExists, InvalidInput, NotFound
from maas.scheduler.domain import DeploymentSpec, Plan, StateSnapshot
from maas.scheduler.store import SqliteKeyValueStore, StateStore
from tests.discovery.support import streaming

SPEC = DeploymentSpec("web", "resnet", version=1)
PREFIX = "maas/scheduler/state/"


@pytest.fixture(params=["sqlite", "kv"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StateStore]:
    if request.param == "kv":
        yield StateStore(InProcessKeyValueStore(), PREFIX)
        return
    kv = SqliteKeyValueStore(tmp_path / "state.db")
    await kv.open()
    try:
        yield StateStore(kv, PREFIX)
    finally:
        await kv.close()


async def test_create_update_delete(store: StateStore) -> None:
    created = await store.create(SPEC)
    assert created.generation == 1
    with pytest.raises(AlreadyExists):
        await store.create(SPEC)
    updated = await store.update(DeploymentSpec("web", "resnet", version=2))
    assert updated.generation == 2
    assert updated.create_time == created.create_time
    assert updated.update_time >= created.update_time
    state = await store.snapshot()
    assert state.deployments == {"web": updated}
    await store.delete("web")
    with pytest.raises(NotFound):
        await store.delete("web")
    with pytest.raises(NotFound):
        await store.update(SPEC)
    assert await store.snapshot() == StateSnapshot()


async def test_plans_outlive_their_deployment_until_deleted(store: StateStore) -> None:
    await store.create(SPEC)
    await store.put_plan(Plan("web", 1))
    await store.delete("web")
    assert (await store.snapshot()).plans == {"web": Plan("web", 1)}
    await store.delete_plan("web")
    assert await store.snapshot() == StateSnapshot()


async def test_watch_yields_at_once_then_on_changes(store: StateStore) -> None:
    async with streaming(store.watch()) as states:
        assert await states.next() == StateSnapshot()
        await store.create(SPEC)
        assert set((await states.next()).deployments) == {"web"}
        await store.put_plan(Plan("web", 1))
        assert (await states.next()).plans == {"web": Plan("web", 1)}
        await states.assert_quiet(0.2)


async def test_unreadable_records_are_skipped_not_fatal() -> None:
    kv = InProcessKeyValueStore()
    store = StateStore(kv, PREFIX)
    await store.create(SPEC)
    await kv.put(PREFIX + "deployments/broken", b"{not json")
    await kv.put(PREFIX + "plans/broken", b'{"name": "broken"}')
    state = await store.snapshot()
    assert set(state.deployments) == {"web"}
    assert state.plans == {}


async def test_sqlite_state_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    kv = SqliteKeyValueStore(path)
    await kv.open()
    await StateStore(kv, PREFIX).create(SPEC)
    await StateStore(kv, PREFIX).put_plan(Plan("web", 1))
    await kv.close()
    reopened = SqliteKeyValueStore(path)
    await reopened.open()
    try:
        state = await StateStore(reopened, PREFIX).snapshot()
        assert state.deployments["web"].spec == SPEC
        assert state.plans == {"web": Plan("web", 1)}
        with pytest.raises(InvalidInput):
            await reopened.put("big", b"x" * (512 * 1024 + 1))
        # Prefixes are ranges, not patterns: '_' and '%' match only themselves.
        await reopened.put("a_b/1", b"1")
        await reopened.put("axb/1", b"2")
        assert await reopened.list("a_b/") == {"a_b/1": b"1"}
    finally:
        await reopened.close()
