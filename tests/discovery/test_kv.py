"""The desired-state key-value store, in-process and over Consul."""

from __future__ import annotations

import pytest

from maas.discovery import Coordination
from maas.discovery.base import MAX_VALUE_BYTES
from maas.errors import InvalidInput
from tests.discovery.support import streaming


async def test_put_get_list_delete(backend: Coordination, unique: str) -> None:
    kv = backend.kv
    root = f"maas/test/{unique}/"
    assert await kv.get(root + "missing") is None
    assert await kv.list(root) == {}

    blob = bytes(range(256))  # values are opaque bytes, not text
    await kv.put(root + "deployments/mlp", b'{"replicas": 2}')
    await kv.put(root + "deployments/resnet 50", blob)
    await kv.put(root + "empty", b"")
    await kv.put(f"maas/test/{unique}-sibling", b"outside the prefix")

    assert await kv.get(root + "deployments/resnet 50") == blob
    assert await kv.get(root + "empty") == b""
    assert await kv.list(root + "deployments/") == {
        root + "deployments/mlp": b'{"replicas": 2}',
        root + "deployments/resnet 50": blob,
    }
    assert set(await kv.list(root)) == {
        root + "deployments/mlp",
        root + "deployments/resnet 50",
        root + "empty",
    }

    await kv.put(root + "deployments/mlp", b'{"replicas": 3}')
    assert await kv.get(root + "deployments/mlp") == b'{"replicas": 3}'
    await kv.delete(root + "deployments/mlp")
    await kv.delete(root + "deployments/mlp")  # deleting twice is harmless
    assert await kv.get(root + "deployments/mlp") is None
    assert list(await kv.list(root + "deployments/")) == [root + "deployments/resnet 50"]


async def test_watch_yields_state_then_changes_only(
    backend: Coordination, unique: str, quiet_s: float
) -> None:
    kv = backend.kv
    root = f"maas/test/{unique}/"
    await kv.put(root + "a", b"1")
    async with streaming(kv.watch(root)) as watch:
        assert await watch.next() == {root + "a": b"1"}

        await kv.put(root + "b", b"2")
        assert await watch.next() == {root + "a": b"1", root + "b": b"2"}

        # Rewriting a value unchanged, and writing next to the prefix, change nothing
        # under it (Consul still answers the blocking query for both).
        await kv.put(root + "a", b"1")
        await kv.put(f"maas/test/{unique}-sibling", b"x")
        await watch.assert_quiet(quiet_s)

        await kv.delete(root + "a")
        assert await watch.next() == {root + "b": b"2"}
        await kv.delete(root + "b")
        assert await watch.next() == {}


async def test_watch_of_an_empty_prefix_starts_empty(backend: Coordination, unique: str) -> None:
    async with streaming(backend.kv.watch(f"maas/test/{unique}/")) as watch:
        assert await watch.next() == {}
        await backend.kv.put(f"maas/test/{unique}/k", b"v")
        assert await watch.next() == {f"maas/test/{unique}/k": b"v"}


async def test_values_are_held_to_consuls_size_limit(backend: Coordination, unique: str) -> None:
    key = f"maas/test/{unique}/big"
    await backend.kv.put(key, b"x" * MAX_VALUE_BYTES)
    with pytest.raises(InvalidInput):
        await backend.kv.put(key, b"y" * (MAX_VALUE_BYTES + 1))
    assert await backend.kv.get(key) == b"x" * MAX_VALUE_BYTES
