"""The storage roles the registry needs, each as small as its callers allow.

The embedded implementations are SQLite (`sqlite_store`) and a content-addressed
directory (`blobs`); a server database and an object store implement the same roles.
Every mutation of the catalog appends its event in the same transaction, so the event
log and the catalog never disagree.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Protocol

from maas.registry.domain import (
    ArtifactFormat,
    Event,
    Job,
    Model,
    NewVersion,
    Signature,
    Version,
)


class Catalog(Protocol):
    """Models, versions and aliases.

    Raises `NotFound` for a missing model, version or alias, `AlreadyExists` for a
    taken model name, and `FailedPrecondition` when deleting something an alias
    points at.
    """

    async def create_model(
        self, name: str, description: str, labels: Mapping[str, str]
    ) -> Model: ...

    async def get_model(self, name: str) -> Model: ...

    async def list_models(
        self, labels: Mapping[str, str], after: str | None, limit: int
    ) -> list[Model]:
        """Models named after `after`, in name order, carrying all of `labels`."""
        ...

    async def update_model(
        self, name: str, description: str | None, labels: Mapping[str, str] | None
    ) -> Model:
        """Replaces whichever of description and labels is not None."""
        ...

    async def delete_model(self, name: str) -> list[Version]:
        """Deletes the model with its versions, which it returns."""
        ...

    async def add_version(self, new: NewVersion) -> Version:
        """Stores `new` under the model's next number; numbers are never reused."""
        ...

    async def get_version(self, model: str, number: int) -> Version: ...

    async def list_versions(self, model: str, after: int, limit: int) -> list[Version]: ...

    async def derived_versions(self, model: str, parent: int) -> list[Version]: ...

    async def delete_version(self, model: str, number: int) -> Version: ...

    async def set_alias(self, model: str, alias: str, number: int) -> int | None:
        """Points `alias` at `number` in one step; returns the number it pointed at."""
        ...

    async def delete_alias(self, model: str, alias: str) -> None: ...

    async def digest_in_use(self, sha256: str) -> bool: ...

    async def digests(self) -> set[str]: ...

    async def known_signature(self, sha256: str, fmt: ArtifactFormat) -> Signature | None:
        """The signature of a stored version with these exact bytes, if there is one."""
        ...


class EventLog(Protocol):
    """The catalog's events, by strictly increasing revision."""

    async def revision(self) -> int:
        """The latest revision; 0 before the first event."""
        ...

    async def compacted_through(self) -> int:
        """Events up to this revision have been dropped; 0 when none have."""
        ...

    async def events_after(self, revision: int, limit: int) -> list[Event]: ...


class JobStore(Protocol):
    async def put_job(self, job: Job) -> None:
        """Creates or replaces the job with this id."""
        ...

    async def get_job(self, job_id: str) -> Job: ...

    async def unfinished_jobs(self) -> list[Job]: ...


class StagedBlob(Protocol):
    """An artifact being written to local disk, hashed as it goes; not yet visible."""

    @property
    def path(self) -> Path: ...

    @property
    def size(self) -> int: ...

    @property
    def sha256(self) -> str: ...

    async def write(self, data: bytes) -> None: ...

    async def adopt(self) -> None:
        """Hash what another process wrote at `path`, as if it had been written here."""
        ...


class BlobStore(Protocol):
    """Artifact bytes addressed by their sha256: identical bytes are stored once."""

    def stage(self) -> AbstractAsyncContextManager[StagedBlob]:
        """A staging file, removed on exit unless committed."""
        ...

    async def commit(self, staged: StagedBlob) -> None:
        """Makes the staged bytes durable and readable under their sha256."""
        ...

    def read(self, sha256: str, offset: int, chunk_bytes: int) -> AsyncIterator[bytes]: ...

    def local_path(self, sha256: str) -> AbstractAsyncContextManager[Path]:
        """A local file holding the blob for as long as the context is open."""
        ...

    async def delete(self, sha256: str) -> None: ...

    async def digests(self) -> set[str]: ...

    async def clear_staging(self) -> int:
        """Removes what interrupted uploads left behind; returns how many files."""
        ...
