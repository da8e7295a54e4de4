"""Durable desired state: deployments (written by any scheduler) and plans (written by
the leader), as JSON records in a key-value store under one prefix.

One implementation, `StateStore`, over the discovery `KeyValueStore` role: Consul KV in
distributed mode (shared by every scheduler), or `SqliteKeyValueStore`, a local file,
in all-in-one mode. Keeping SQLite behind the same small interface means one code path
for both modes, and what fits in one (Consul's 512 KiB per value) fits in the other.

Creating, updating and deleting read the record first. Consul's plain KV writes have no
compare-and-set here, so two schedulers changing one deployment at the same instant may
both succeed, the last write winning, as with any read-modify-write over HTTP.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Final, Protocol, TypeVar

from maas.discovery import KeyValueStore
from maas.discovery.base import MAX_VALUE_BYTES
from maas.errors import AlreadyExists, InvalidInput, NotFound
from maas.scheduler import codec
from maas.scheduler.domain import Deployment, DeploymentSpec, Plan, StateSnapshot

log = logging.getLogger(__name__)

_DEPLOYMENTS: Final = "deployments/"
_PLANS: Final = "plans/"

R = TypeVar("R")


class DesiredStateStore(Protocol):
    """What the scheduler keeps: deployments, and the leader's plan for each."""

    async def create(self, spec: DeploymentSpec) -> Deployment:
        """Record a new deployment (generation 1); `AlreadyExists` if the name is taken."""
        ...

    async def update(self, spec: DeploymentSpec) -> Deployment:
        """Replace a deployment's spec, bumping its generation; `NotFound` if absent."""
        ...

    async def delete(self, name: str) -> None:
        """Remove a deployment (its plan stays until the leader has unloaded it);
        `NotFound` if absent."""
        ...

    async def snapshot(self) -> StateSnapshot:
        """Every deployment and plan, read now."""
        ...

    def watch(self) -> AsyncIterator[StateSnapshot]:
        """The snapshot at once, then again on every change (nothing while the backend
        is unreachable: the last state stands)."""
        ...

    async def put_plan(self, plan: Plan) -> None:
        """Record the leader's plan for `plan.name`, replacing the previous one."""
        ...

    async def delete_plan(self, name: str) -> None:
        """Forget the plan of a deleted deployment once nothing of it is loaded."""
        ...


class StateStore:
    """`DesiredStateStore` over a key-value store, every key under `prefix`."""

    def __init__(self, kv: KeyValueStore, prefix: str) -> None:
        self._kv = kv
        self._prefix = prefix
        # Serializes this process's read-modify-writes (see the module docstring).
        self._lock = asyncio.Lock()

    async def create(self, spec: DeploymentSpec) -> Deployment:
        async with self._lock:
            key = self._deployment_key(spec.name)
            if await self._kv.get(key) is not None:
                raise AlreadyExists(f"deployment '{spec.name}' already exists")
            now = datetime.now(UTC)
            deployment = Deployment(spec, 1, now, now)
            await self._kv.put(key, codec.dump_deployment(deployment))
            return deployment

    async def update(self, spec: DeploymentSpec) -> Deployment:
        async with self._lock:
            key = self._deployment_key(spec.name)
            current = await self._kv.get(key)
            if current is None:
                raise NotFound(f"deployment '{spec.name}' is not found")
            before = codec.load_deployment(current)
            deployment = Deployment(
                spec, before.generation + 1, before.create_time, datetime.now(UTC)
            )
            await self._kv.put(key, codec.dump_deployment(deployment))
            return deployment

    async def delete(self, name: str) -> None:
        async with self._lock:
            key = self._deployment_key(name)
            if await self._kv.get(key) is None:
                raise NotFound(f"deployment '{name}' is not found")
            await self._kv.delete(key)

    async def snapshot(self) -> StateSnapshot:
        return self._parse(await self._kv.list(self._prefix))

    async def watch(self) -> AsyncIterator[StateSnapshot]:
        async for entries in self._kv.watch(self._prefix):
            yield self._parse(entries)

    async def put_plan(self, plan: Plan) -> None:
        await self._kv.put(self._prefix + _PLANS + plan.name, codec.dump_plan(plan))

    async def delete_plan(self, name: str) -> None:
        await self._kv.delete(self._prefix + _PLANS + name)

    def _deployment_key(self, name: str) -> str:
        return self._prefix + _DEPLOYMENTS + name

    def _parse(self, entries: dict[str, bytes]) -> StateSnapshot:
        snapshot = StateSnapshot()
        for key, value in entries.items():
            relative = key.removeprefix(self._prefix)
            try:
                if relative.startswith(_DEPLOYMENTS):
                    deployment = codec.load_deployment(value)
                    snapshot.deployments[deployment.spec.name] = deployment
                elif relative.startswith(_PLANS):
                    plan = codec.load_plan(value)
                    snapshot.plans[plan.name] = plan
            except (ValueError, KeyError, TypeError, InvalidInput) as exc:
                # One unreadable record (edited by hand?) must not hide all the others.
                log.error("ignoring unreadable record %s: %s", key, exc)
        return snapshot


_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS kv (
    key TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
"""


class SqliteKeyValueStore:
    """A `KeyValueStore` in one SQLite file (WAL), for a single process.

    One connection on one thread, so the event loop never waits on the disk; each
    write commits with synchronous=FULL before it returns, so a killed process loses
    nothing it reported done. Watchers are woken by this process's own writes, the
    only writer (the file is not meant to be shared).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scheduler-db")
        self._db: sqlite3.Connection | None = None
        self._changed = asyncio.Event()

    async def open(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self._open)

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._executor, self._close)
        self._executor.shutdown()

    async def get(self, key: str) -> bytes | None:
        rows = await self._run(
            lambda db: db.execute("SELECT value FROM kv WHERE key = ?", (key,)).fetchall()
        )
        return bytes(rows[0][0]) if rows else None

    async def put(self, key: str, value: bytes) -> None:
        if len(value) > MAX_VALUE_BYTES:
            raise InvalidInput(f"value of '{key}' is larger than {MAX_VALUE_BYTES} bytes")
        await self._write("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", (key, value))

    async def delete(self, key: str) -> None:
        await self._write("DELETE FROM kv WHERE key = ?", (key,))

    async def list(self, prefix: str) -> dict[str, bytes]:
        # Range scan on the primary key; `prefix + U+10FFFF` bounds every key with it.
        rows = await self._run(
            lambda db: db.execute(
                "SELECT key, value FROM kv WHERE key >= ? AND key < ?",
                (prefix, prefix + "\U0010ffff"),
            ).fetchall()
        )
        return {key: bytes(value) for key, value in rows}

    async def watch(self, prefix: str) -> AsyncIterator[dict[str, bytes]]:
        last: dict[str, bytes] | None = None
        while True:
            changed = self._changed
            current = await self.list(prefix)
            if current != last:
                last = current
                yield current
            await changed.wait()

    async def _write(self, sql: str, parameters: tuple[str | bytes, ...]) -> None:
        # Autocommit: each statement is its own transaction, durable once it returns.
        await self._run(lambda db: db.execute(sql, parameters))
        # A fresh event per change: a watcher holds the one of the state it read.
        self._changed.set()
        self._changed = asyncio.Event()

    def _open(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(_SCHEMA)
        self._db = db

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
        self._db = None

    async def _run(self, work: Callable[[sqlite3.Connection], R]) -> R:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._call, work)

    def _call(self, work: Callable[[sqlite3.Connection], R]) -> R:
        if self._db is None:
            raise RuntimeError("the scheduler's state database is not open")
        return work(self._db)
