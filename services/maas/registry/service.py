"""The registry's use cases, free of any transport.

Each method checks its input (`domain`), asks the stores, and wakes watchers after a
change. Refusals are domain errors raised before anything is written, or undone
before they surface, so a refused request leaves no trace.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator, Callable, Mapping
from typing import Final, TypeVar

from maas.errors import FailedPrecondition, InvalidInput, Overloaded, Unavailable
from maas.registry import domain
from maas.registry.changes import Changes
from maas.registry.domain import (
    Event,
    Job,
    Model,
    NewVersion,
    Page,
    Transform,
    UploadHeader,
    Version,
    VersionRef,
)
from maas.registry.jobs import DeriveJobs
from maas.registry.roles import DeploymentGuard, Validator
from maas.registry.settings import RegistrySettings
from maas.registry.store import BlobStore, Catalog, EventLog, StagedBlob
from maas.registry.versions import VersionWriter

_EVENT_BATCH: Final = 256

T = TypeVar("T")


class RegistryService:
    def __init__(
        self,
        settings: RegistrySettings,
        *,
        catalog: Catalog,
        events: EventLog,
        blobs: BlobStore,
        writer: VersionWriter,
        validator: Validator,
        jobs: DeriveJobs,
        guard: DeploymentGuard,
        changes: Changes,
    ) -> None:
        self._settings = settings
        self._catalog = catalog
        self._events = events
        self._blobs = blobs
        self._writer = writer
        self._validator = validator
        self._jobs = jobs
        self._guard = guard
        self._changes = changes
        self._uploads = 0
        self._validations = asyncio.Semaphore(settings.validation_concurrency)

    async def create_model(self, name: str, description: str, labels: Mapping[str, str]) -> Model:
        model = await self._catalog.create_model(
            domain.check_model_name(name),
            domain.check_description(description),
            domain.check_labels(labels),
        )
        self._changes.notify()
        return model

    async def get_model(self, name: str) -> Model:
        return await self._catalog.get_model(domain.check_model_name(name))

    async def list_models(
        self, labels: Mapping[str, str], page_size: int, page_token: str
    ) -> tuple[Page[Model], int]:
        """A page of models, and the revision to watch from to follow what changes next."""
        limit = domain.page_size(page_size)
        after = domain.decode_page_token(page_token)
        # Read before the page, so that no change after it can be missed by a watcher.
        revision = await self._events.revision()
        models = await self._catalog.list_models(domain.check_labels(labels), after, limit + 1)
        return _page(models, limit, lambda m: m.name), revision

    async def update_model(
        self, name: str, description: str | None, labels: Mapping[str, str] | None
    ) -> Model:
        model = await self._catalog.update_model(
            domain.check_model_name(name),
            None if description is None else domain.check_description(description),
            None if labels is None else domain.check_labels(labels),
        )
        self._changes.notify()
        return model

    async def delete_model(self, name: str) -> None:
        domain.check_model_name(name)
        await self._refuse_if_in_use(name, None, f"model {name!r}")
        versions = await self._catalog.delete_model(name)
        await self._writer.forget(versions)
        self._changes.notify()

    async def upload_version(self, header: UploadHeader, chunks: AsyncIterable[bytes]) -> Version:
        """Store the artifact `chunks` carry as the model's next version.

        Refused with `InvalidInput` when the bytes do not match the header (size,
        sha256) or are not a valid artifact of the declared format.
        """
        domain.check_upload_header(header, self._settings.max_artifact_bytes)
        if self._uploads >= self._settings.max_concurrent_uploads:
            raise Overloaded(
                f"{self._uploads} uploads are in progress, the most this registry takes; "
                "retry later"
            )
        self._uploads += 1
        try:
            await self._catalog.get_model(header.model)
            async with self._blobs.stage() as staged:
                await self._receive(staged, header, chunks)
                new = NewVersion(
                    model=header.model,
                    format=header.format,
                    sha256=staged.sha256,
                    size_bytes=staged.size,
                    metadata=header.metadata,
                    signature=await self._signature(staged, header),
                )
                return await self._writer.commit(staged, new)
        finally:
            self._uploads -= 1

    async def _receive(
        self, staged: StagedBlob, header: UploadHeader, chunks: AsyncIterable[bytes]
    ) -> None:
        expected = header.size_bytes
        received = 0
        # One chunk is written and hashed while the next one is received.
        writing: asyncio.Task[None] | None = None
        try:
            async for chunk in chunks:
                if len(chunk) > self._settings.max_chunk_bytes:
                    raise InvalidInput(
                        f"chunk of {len(chunk)} bytes; chunks are at most "
                        f"{self._settings.max_chunk_bytes}"
                    )
                received += len(chunk)
                if received > expected:
                    raise InvalidInput(
                        f"the upload carries more than the {expected} bytes its header declares"
                    )
                if writing is not None:
                    await writing
                writing = asyncio.create_task(staged.write(chunk))
            if writing is not None:
                await writing
        finally:
            # On a refusal: the staging file is discarded, whatever this write does.
            if writing is not None:
                writing.cancel()
        if staged.size != expected:
            raise InvalidInput(
                f"the upload ended after {staged.size} of the {expected} bytes its header declares"
            )
        if staged.sha256 != header.sha256:
            raise InvalidInput(
                f"checksum mismatch: the bytes received have sha256 {staged.sha256}, "
                f"the header says {header.sha256}"
            )

    async def _signature(self, staged: StagedBlob, header: UploadHeader) -> domain.Signature:
        # Identical bytes were validated when first stored: the same file gives the
        # same verdict and the same signature.
        known = await self._catalog.known_signature(staged.sha256, header.format)
        if known is not None:
            return known
        async with self._validations:
            return await self._validator.validate(staged.path, header.format)

    async def get_version(self, ref: VersionRef) -> Version:
        domain.check_ref(ref)
        model = await self._catalog.get_model(ref.model)
        return await self._catalog.get_version(ref.model, domain.resolve(model, ref.selector))

    async def list_versions(self, model: str, page_size: int, page_token: str) -> Page[Version]:
        limit = domain.page_size(page_size)
        after = domain.decode_version_token(page_token)
        versions = await self._catalog.list_versions(
            domain.check_model_name(model), after, limit + 1
        )
        return _page(versions, limit, lambda v: str(v.number))

    async def delete_version(self, model: str, number: int) -> None:
        domain.check_model_name(model)
        domain.check_version_number(number)
        await self._refuse_if_in_use(model, number, f"model {model!r} version {number}")
        version = await self._catalog.delete_version(model, number)
        await self._writer.forget([version])
        self._changes.notify()

    async def download(self, ref: VersionRef, offset: int) -> tuple[Version, AsyncIterator[bytes]]:
        """The version, and its bytes from `offset` on."""
        version = await self.get_version(ref)
        if offset > version.size_bytes:
            raise InvalidInput(
                f"offset {offset} is past the end of the artifact ({version.size_bytes} bytes)"
            )
        chunks = self._blobs.read(version.sha256, offset, self._settings.download_chunk_bytes)
        return version, chunks

    async def _refuse_if_in_use(self, model: str, version: int | None, what: str) -> None:
        deployments = await self._guard.deployments(model, version)
        if deployments:
            raise FailedPrecondition(f"{what} is deployed by {', '.join(deployments)}")
        if self._jobs.busy_with(model, version):
            raise FailedPrecondition(f"{what} is being derived from; wait for the job to finish")

    async def set_alias(self, model: str, alias: str, number: int) -> int | None:
        """Point `alias` at `number`; the version it pointed at before, if any."""
        previous = await self._catalog.set_alias(
            domain.check_model_name(model),
            domain.check_alias_name(alias),
            domain.check_version_number(number),
        )
        self._changes.notify()
        return previous

    async def delete_alias(self, model: str, alias: str) -> None:
        await self._catalog.delete_alias(
            domain.check_model_name(model), domain.check_alias_name(alias)
        )
        self._changes.notify()

    async def derive(
        self, parent: VersionRef, transform: Transform, parameters: Mapping[str, str]
    ) -> Job:
        checked = domain.transform_parameters(transform, parameters)
        return await self._jobs.submit(await self.get_version(parent), transform, checked)

    async def get_job(self, job_id: str) -> Job:
        return await self._jobs.get(job_id)

    def watch_job(self, job_id: str) -> AsyncIterator[Job]:
        return self._jobs.watch(job_id)

    async def watch(self, after: int | None) -> AsyncIterator[Event]:
        """Events after revision `after` (from now when None), then live, in order."""
        if after is None:
            after = await self._events.revision()
        while True:
            generation = self._changes.generation
            compacted = await self._events.compacted_through()
            if after < compacted:
                raise FailedPrecondition(
                    f"events up to revision {compacted} have been compacted; list again and "
                    "watch from the revision the list returns"
                )
            batch = await self._events.events_after(after, _EVENT_BATCH)
            for event in batch:
                yield event
                after = event.revision
            if len(batch) < _EVENT_BATCH and not await self._changes.wait(generation):
                raise Unavailable(
                    "the registry is shutting down; watch again from the last revision"
                )


def _page(items: list[T], limit: int, key: Callable[[T], str]) -> Page[T]:
    """The first `limit` of `items` (fetched one over, to know whether more follow)."""
    if len(items) <= limit:
        return Page(tuple(items))
    return Page(tuple(items[:limit]), domain.encode_page_token(key(items[limit - 1])))
