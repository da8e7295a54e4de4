"""The catalog, event log and jobs in one SQLite database (WAL).

One connection on one thread: SQLite serializes writers anyway, the statements are
small, and the event loop never waits on the database. WAL lets a crash at any
instant leave the last committed transaction intact; synchronous=FULL makes each
commit durable before the caller hears of it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar

from maas.errors import AlreadyExists, FailedPrecondition, NotFound, echo
from maas.registry import codec
from maas.registry.domain import (
    ArtifactFormat,
    Event,
    EventType,
    Job,
    JobState,
    Model,
    NewVersion,
    Signature,
    Transform,
    Version,
)

_SCHEMA_VERSION: Final = 1
_SCHEMA: Final = """
CREATE TABLE models (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    next_version INTEGER NOT NULL,
    create_time TEXT NOT NULL,
    update_time TEXT NOT NULL
);
CREATE TABLE model_labels (
    model TEXT NOT NULL REFERENCES models(name) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (model, key)
);
CREATE INDEX model_labels_by_value ON model_labels(key, value);
CREATE TABLE versions (
    model TEXT NOT NULL REFERENCES models(name) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    metadata TEXT NOT NULL,
    signature TEXT NOT NULL,
    parent_version INTEGER,
    lineage TEXT,
    create_time TEXT NOT NULL,
    PRIMARY KEY (model, number)
);
CREATE INDEX versions_by_sha256 ON versions(sha256);
-- No ON DELETE action: the database itself refuses to drop an aliased version.
CREATE TABLE aliases (
    model TEXT NOT NULL,
    alias TEXT NOT NULL,
    number INTEGER NOT NULL,
    PRIMARY KEY (model, alias),
    FOREIGN KEY (model, number) REFERENCES versions(model, number)
);
-- AUTOINCREMENT: revisions are never reused, even once old events are compacted.
CREATE TABLE events (
    revision INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    model TEXT NOT NULL,
    version INTEGER,
    alias TEXT,
    previous_version INTEGER,
    time TEXT NOT NULL
);
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    parent_version INTEGER NOT NULL,
    transform TEXT NOT NULL,
    parameters TEXT NOT NULL,
    state TEXT NOT NULL,
    result_version INTEGER,
    error TEXT,
    create_time TEXT NOT NULL,
    update_time TEXT NOT NULL
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters VALUES ('compacted_through', 0);
"""

R = TypeVar("R")


def _now() -> datetime:
    return datetime.now(UTC)


class SqliteStore:
    """`Catalog`, `EventLog` and `JobStore` over one database file."""

    def __init__(self, path: Path, *, event_retention: int) -> None:
        self._path = path
        self._retention = event_retention
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="registry-db")
        self._db: sqlite3.Connection | None = None

    async def open(self) -> None:
        await self._run(self._open)

    async def close(self) -> None:
        await self._run(self._close)
        self._executor.shutdown()

    def _open(self) -> None:
        # Autocommit mode: transactions are opened explicitly by `_tx`, never implicitly.
        db = sqlite3.connect(self._path, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        self._db = db
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version == 0:
            db.executescript(
                f"BEGIN IMMEDIATE;{_SCHEMA}PRAGMA user_version={_SCHEMA_VERSION};COMMIT;"
            )
        elif version != _SCHEMA_VERSION:
            raise RuntimeError(
                f"{self._path} has schema version {version}; this registry knows {_SCHEMA_VERSION}"
            )

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    async def _run(self, fn: Callable[..., R], *args: Any) -> R:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args))

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("the registry database is closed")
        return self._db

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self._conn
        # IMMEDIATE takes the write lock up front, so checks made inside the
        # transaction still hold when it commits.
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def _stamp(self) -> str:
        return _now().isoformat()

    async def create_model(self, name: str, description: str, labels: Mapping[str, str]) -> Model:
        return await self._run(self._create_model, name, description, dict(labels))

    def _create_model(self, name: str, description: str, labels: dict[str, str]) -> Model:
        with self._tx() as db:
            if self._model_row(db, name) is not None:
                raise AlreadyExists(f"model {name!r} already exists")
            now = self._stamp()
            db.execute("INSERT INTO models VALUES (?, ?, 1, ?, ?)", (name, description, now, now))
            self._put_labels(db, name, labels)
            self._append(db, EventType.MODEL_CREATED, name)
            return self._model(db, name)

    async def get_model(self, name: str) -> Model:
        return await self._run(self._model, self._conn, name)

    async def list_models(
        self, labels: Mapping[str, str], after: str | None, limit: int
    ) -> list[Model]:
        return await self._run(self._list_models, dict(labels), after, limit)

    def _list_models(self, labels: dict[str, str], after: str | None, limit: int) -> list[Model]:
        db = self._conn
        clauses = ["name > ?"]
        args: list[object] = [after or ""]
        for key, value in sorted(labels.items()):
            clauses.append(
                "EXISTS (SELECT 1 FROM model_labels l "
                "WHERE l.model = models.name AND l.key = ? AND l.value = ?)"
            )
            args += [key, value]
        rows = db.execute(
            f"SELECT name FROM models WHERE {' AND '.join(clauses)} ORDER BY name LIMIT ?",
            (*args, limit),
        ).fetchall()
        return [self._model(db, row["name"]) for row in rows]

    async def update_model(
        self, name: str, description: str | None, labels: Mapping[str, str] | None
    ) -> Model:
        return await self._run(
            self._update_model, name, description, None if labels is None else dict(labels)
        )

    def _update_model(
        self, name: str, description: str | None, labels: dict[str, str] | None
    ) -> Model:
        with self._tx() as db:
            self._require_model(db, name)
            if description is not None:
                db.execute("UPDATE models SET description = ? WHERE name = ?", (description, name))
            if labels is not None:
                db.execute("DELETE FROM model_labels WHERE model = ?", (name,))
                self._put_labels(db, name, labels)
            db.execute("UPDATE models SET update_time = ? WHERE name = ?", (self._stamp(), name))
            self._append(db, EventType.MODEL_UPDATED, name)
            return self._model(db, name)

    async def delete_model(self, name: str) -> list[Version]:
        return await self._run(self._delete_model, name)

    def _delete_model(self, name: str) -> list[Version]:
        with self._tx() as db:
            self._require_model(db, name)
            aliases = db.execute(
                "SELECT alias, number FROM aliases WHERE model = ? ORDER BY alias", (name,)
            ).fetchall()
            if aliases:
                pointing = ", ".join(f"{a['alias']} -> v{a['number']}" for a in aliases)
                raise FailedPrecondition(
                    f"model {name!r} still has aliases ({pointing}); delete them first"
                )
            versions = [
                self._version(db, row)
                for row in db.execute(
                    "SELECT * FROM versions WHERE model = ? ORDER BY number", (name,)
                )
            ]
            db.execute("DELETE FROM models WHERE name = ?", (name,))
            self._append(db, EventType.MODEL_DELETED, name)
            return versions

    async def add_version(self, new: NewVersion) -> Version:
        return await self._run(self._add_version, new)

    def _add_version(self, new: NewVersion) -> Version:
        with self._tx() as db:
            row = self._require_model(db, new.model)
            number: int = row["next_version"]
            db.execute("UPDATE models SET next_version = ? WHERE name = ?", (number + 1, new.model))
            db.execute(
                "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new.model,
                    number,
                    new.format.value,
                    new.sha256,
                    new.size_bytes,
                    codec.STRINGS.dump_json(dict(new.metadata)).decode(),
                    codec.SIGNATURE.dump_json(new.signature).decode(),
                    None if new.lineage is None else new.lineage.parent_version,
                    codec.LINEAGE.dump_json(new.lineage).decode(),
                    self._stamp(),
                ),
            )
            self._append(db, EventType.VERSION_CREATED, new.model, version=number)
            return self._get_version(db, new.model, number)

    async def get_version(self, model: str, number: int) -> Version:
        return await self._run(self._get_version, self._conn, model, number)

    def _get_version(self, db: sqlite3.Connection, model: str, number: int) -> Version:
        row = db.execute(
            "SELECT * FROM versions WHERE model = ? AND number = ?", (model, number)
        ).fetchone()
        if row is None:
            self._require_model(db, model)
            raise NotFound(f"model {model!r} has no version {number}")
        return self._version(db, row)

    async def list_versions(self, model: str, after: int, limit: int) -> list[Version]:
        return await self._run(self._list_versions, model, after, limit)

    def _list_versions(self, model: str, after: int, limit: int) -> list[Version]:
        db = self._conn
        self._require_model(db, model)
        rows = db.execute(
            "SELECT * FROM versions WHERE model = ? AND number > ? ORDER BY number LIMIT ?",
            (model, after, limit),
        ).fetchall()
        return [self._version(db, row) for row in rows]

    async def derived_versions(self, model: str, parent: int) -> list[Version]:
        return await self._run(self._derived_versions, model, parent)

    def _derived_versions(self, model: str, parent: int) -> list[Version]:
        db = self._conn
        rows = db.execute(
            "SELECT * FROM versions WHERE model = ? AND parent_version = ? ORDER BY number",
            (model, parent),
        ).fetchall()
        return [self._version(db, row) for row in rows]

    async def delete_version(self, model: str, number: int) -> Version:
        return await self._run(self._delete_version, model, number)

    def _delete_version(self, model: str, number: int) -> Version:
        with self._tx() as db:
            version = self._get_version(db, model, number)
            if version.aliases:
                raise FailedPrecondition(
                    f"model {model!r} version {number} is aliased as "
                    f"{', '.join(version.aliases)}; move or delete the aliases first"
                )
            db.execute("DELETE FROM versions WHERE model = ? AND number = ?", (model, number))
            self._append(db, EventType.VERSION_DELETED, model, version=number)
            return version

    async def set_alias(self, model: str, alias: str, number: int) -> int | None:
        return await self._run(self._set_alias, model, alias, number)

    def _set_alias(self, model: str, alias: str, number: int) -> int | None:
        with self._tx() as db:
            self._get_version(db, model, number)
            row = db.execute(
                "SELECT number FROM aliases WHERE model = ? AND alias = ?", (model, alias)
            ).fetchone()
            previous: int | None = None if row is None else row["number"]
            if previous == number:
                return previous
            db.execute(
                "INSERT INTO aliases VALUES (?, ?, ?) "
                "ON CONFLICT (model, alias) DO UPDATE SET number = excluded.number",
                (model, alias, number),
            )
            self._append(
                db,
                EventType.ALIAS_SET,
                model,
                version=number,
                alias=alias,
                previous_version=previous,
            )
            return previous

    async def delete_alias(self, model: str, alias: str) -> None:
        await self._run(self._delete_alias, model, alias)

    def _delete_alias(self, model: str, alias: str) -> None:
        with self._tx() as db:
            self._require_model(db, model)
            row = db.execute(
                "DELETE FROM aliases WHERE model = ? AND alias = ? RETURNING number",
                (model, alias),
            ).fetchone()
            if row is None:
                raise NotFound(f"model {model!r} has no alias {alias!r}")
            self._append(
                db, EventType.ALIAS_DELETED, model, alias=alias, previous_version=row["number"]
            )

    async def digest_in_use(self, sha256: str) -> bool:
        return await self._run(self._digest_in_use, sha256)

    def _digest_in_use(self, sha256: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM versions WHERE sha256 = ? LIMIT 1", (sha256,))
        return row.fetchone() is not None

    async def digests(self) -> set[str]:
        return await self._run(self._digests)

    def _digests(self) -> set[str]:
        return {row[0] for row in self._conn.execute("SELECT DISTINCT sha256 FROM versions")}

    async def known_signature(self, sha256: str, fmt: ArtifactFormat) -> Signature | None:
        return await self._run(self._known_signature, sha256, fmt)

    def _known_signature(self, sha256: str, fmt: ArtifactFormat) -> Signature | None:
        row = self._conn.execute(
            "SELECT signature FROM versions WHERE sha256 = ? AND format = ? LIMIT 1",
            (sha256, fmt.value),
        ).fetchone()
        return None if row is None else codec.SIGNATURE.validate_json(row["signature"])

    @staticmethod
    def _model_row(db: sqlite3.Connection, name: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = db.execute(
            "SELECT * FROM models WHERE name = ?", (name,)
        ).fetchone()
        return row

    def _require_model(self, db: sqlite3.Connection, name: str) -> sqlite3.Row:
        row = self._model_row(db, name)
        if row is None:
            raise NotFound(f"model {name!r} not found")
        return row

    def _model(self, db: sqlite3.Connection, name: str) -> Model:
        row = self._require_model(db, name)
        labels = db.execute("SELECT key, value FROM model_labels WHERE model = ?", (name,))
        aliases = db.execute("SELECT alias, number FROM aliases WHERE model = ?", (name,))
        (latest,) = db.execute(
            "SELECT MAX(number) FROM versions WHERE model = ?", (name,)
        ).fetchone()
        return Model(
            name=name,
            description=row["description"],
            labels={r["key"]: r["value"] for r in labels},
            create_time=datetime.fromisoformat(row["create_time"]),
            update_time=datetime.fromisoformat(row["update_time"]),
            latest_version=latest,
            aliases={r["alias"]: r["number"] for r in aliases},
        )

    @staticmethod
    def _version(db: sqlite3.Connection, row: sqlite3.Row) -> Version:
        aliases = db.execute(
            "SELECT alias FROM aliases WHERE model = ? AND number = ? ORDER BY alias",
            (row["model"], row["number"]),
        )
        return Version(
            model=row["model"],
            number=row["number"],
            format=ArtifactFormat(row["format"]),
            sha256=row["sha256"],
            size_bytes=row["size_bytes"],
            metadata=codec.STRINGS.validate_json(row["metadata"]),
            signature=codec.SIGNATURE.validate_json(row["signature"]),
            lineage=codec.LINEAGE.validate_json(row["lineage"]),
            create_time=datetime.fromisoformat(row["create_time"]),
            aliases=tuple(r["alias"] for r in aliases),
        )

    @staticmethod
    def _put_labels(db: sqlite3.Connection, model: str, labels: dict[str, str]) -> None:
        db.executemany(
            "INSERT INTO model_labels VALUES (?, ?, ?)",
            [(model, key, value) for key, value in labels.items()],
        )

    def _append(
        self,
        db: sqlite3.Connection,
        kind: EventType,
        model: str,
        *,
        version: int | None = None,
        alias: str | None = None,
        previous_version: int | None = None,
    ) -> None:
        cursor = db.execute(
            "INSERT INTO events (type, model, version, alias, previous_version, time) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (kind.value, model, version, alias, previous_version, self._stamp()),
        )
        revision = cursor.lastrowid
        assert revision is not None
        horizon = revision - self._retention
        if (
            horizon > 0
            and db.execute("DELETE FROM events WHERE revision <= ?", (horizon,)).rowcount
        ):
            db.execute("UPDATE counters SET value = ? WHERE name = 'compacted_through'", (horizon,))

    async def revision(self) -> int:
        return await self._run(self._revision)

    def _revision(self) -> int:
        row = self._conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
        found = row.fetchone()
        return 0 if found is None else int(found[0])

    async def compacted_through(self) -> int:
        return await self._run(self._compacted_through)

    def _compacted_through(self) -> int:
        row = self._conn.execute("SELECT value FROM counters WHERE name = 'compacted_through'")
        return int(row.fetchone()[0])

    async def events_after(self, revision: int, limit: int) -> list[Event]:
        return await self._run(self._events_after, revision, limit)

    def _events_after(self, revision: int, limit: int) -> list[Event]:
        rows = self._conn.execute(
            "SELECT * FROM events WHERE revision > ? ORDER BY revision LIMIT ?",
            (revision, limit),
        )
        return [
            Event(
                revision=row["revision"],
                type=EventType(row["type"]),
                model=row["model"],
                time=datetime.fromisoformat(row["time"]),
                version=row["version"],
                alias=row["alias"],
                previous_version=row["previous_version"],
            )
            for row in rows
        ]

    async def put_job(self, job: Job) -> None:
        await self._run(self._put_job, job)

    def _put_job(self, job: Job) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.id,
                    job.model,
                    job.parent_version,
                    job.transform.value,
                    codec.STRINGS.dump_json(dict(job.parameters)).decode(),
                    job.state.value,
                    job.result_version,
                    job.error,
                    job.create_time.isoformat(),
                    job.update_time.isoformat(),
                ),
            )

    async def get_job(self, job_id: str) -> Job:
        return await self._run(self._get_job, job_id)

    def _get_job(self, job_id: str) -> Job:
        row = self._conn.execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise NotFound(f"job '{echo(job_id)}' not found")
        return self._job(row)

    async def unfinished_jobs(self) -> list[Job]:
        return await self._run(self._unfinished_jobs)

    def _unfinished_jobs(self) -> list[Job]:
        rows = self._conn.execute(
            "SELECT * FROM jobs WHERE state IN (?, ?) ORDER BY create_time",
            (JobState.PENDING.value, JobState.RUNNING.value),
        )
        return [self._job(row) for row in rows]

    @staticmethod
    def _job(row: sqlite3.Row) -> Job:
        return Job(
            id=row["id"],
            model=row["model"],
            parent_version=row["parent_version"],
            transform=Transform(row["transform"]),
            parameters=codec.STRINGS.validate_json(row["parameters"]),
            state=JobState(row["state"]),
            create_time=datetime.fromisoformat(row["create_time"]),
            update_time=datetime.fromisoformat(row["update_time"]),
            result_version=row["result_version"],
            error=row["error"],
        )
