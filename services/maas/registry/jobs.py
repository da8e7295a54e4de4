"""Derive jobs: background work that turns a parent version into a new one.

A job is stored before it starts and after every change of state, so a client can
poll it or watch it, and a restart finds out which jobs it interrupted: those are
marked failed rather than silently re-run (a job that took the process down would
otherwise take it down again at every start).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Final

from maas.errors import AlreadyExists, MaasError, Unavailable
from maas.registry.changes import Changes
from maas.registry.domain import (
    ArtifactFormat,
    DeriveTask,
    Job,
    JobState,
    Lineage,
    NewVersion,
    Transform,
    Version,
)
from maas.registry.roles import Deriver
from maas.registry.store import BlobStore, Catalog, JobStore
from maas.registry.versions import VersionWriter

log = logging.getLogger(__name__)

INTERRUPTED: Final = "interrupted: the registry stopped while the job was running"
_INTERNAL: Final = "internal error; see the registry log"
# A fixed seed makes two reports of the same derivation comparable; it is recorded.
SEED: Final = 0


def _now() -> datetime:
    return datetime.now(UTC)


class DeriveJobs:
    def __init__(
        self,
        catalog: Catalog,
        store: JobStore,
        blobs: BlobStore,
        writer: VersionWriter,
        deriver: Deriver,
        changes: Changes,
        *,
        samples: int,
        concurrency: int,
    ) -> None:
        self._catalog = catalog
        self._store = store
        self._blobs = blobs
        self._writer = writer
        self._deriver = deriver
        self._samples = samples
        self._slots = asyncio.Semaphore(concurrency)
        self._changes = changes
        self._active: dict[str, Job] = {}
        self._tasks: set[asyncio.Task[None]] = set()

    async def recover(self) -> None:
        """Fail the jobs a previous run left unfinished."""
        for job in await self._store.unfinished_jobs():
            await self._store.put_job(
                replace(job, state=JobState.FAILED, error=INTERRUPTED, update_time=_now())
            )

    async def submit(
        self, parent: Version, transform: Transform, parameters: Mapping[str, str]
    ) -> Job:
        for existing in await self._catalog.derived_versions(parent.model, parent.number):
            lineage = existing.lineage
            if lineage and lineage.transform is transform and lineage.parameters == parameters:
                raise AlreadyExists(
                    f"model {parent.model!r} version {existing.number} is already the "
                    f"{transform.value} derivation of version {parent.number}"
                )
        for job in self._active.values():
            if (job.model, job.parent_version, job.transform, job.parameters) == (
                parent.model,
                parent.number,
                transform,
                parameters,
            ):
                raise AlreadyExists(f"job {job.id} is already making this derivation")
        now = _now()
        job = Job(
            id=uuid.uuid4().hex,
            model=parent.model,
            parent_version=parent.number,
            transform=transform,
            parameters=dict(parameters),
            state=JobState.PENDING,
            create_time=now,
            update_time=now,
        )
        job = await self._save(job)
        task = asyncio.create_task(self._run(job, parent), name=f"derive-{job.id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return job

    def busy_with(self, model: str, version: int | None = None) -> bool:
        """Whether a job reads this version (any version of `model` when None)."""
        return any(
            job.model == model and version in (None, job.parent_version)
            for job in self._active.values()
        )

    async def get(self, job_id: str) -> Job:
        return await self._store.get_job(job_id)

    async def watch(self, job_id: str) -> AsyncIterator[Job]:
        """The job now, then on every change, until it has finished."""
        last: Job | None = None
        while True:
            generation = self._changes.generation
            job = await self._store.get_job(job_id)
            if job != last:
                yield job
                last = job
            if job.state.finished:
                return
            if not await self._changes.wait(generation):
                raise Unavailable("the registry is shutting down; the job will not finish")

    async def close(self) -> None:
        """Stop running jobs (their child processes are killed); they stay unfinished."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _run(self, job: Job, parent: Version) -> None:
        try:
            async with self._slots:
                job = await self._save(replace(job, state=JobState.RUNNING))
                version = await self._derive(job, parent)
            await self._save(
                replace(job, state=JobState.SUCCEEDED, result_version=version.number), done=True
            )
        except MaasError as exc:
            await self._save(replace(job, state=JobState.FAILED, error=str(exc)), done=True)
        except Exception:
            log.exception("derive job %s failed", job.id)
            await self._save(replace(job, state=JobState.FAILED, error=_INTERNAL), done=True)

    async def _derive(self, job: Job, parent: Version) -> Version:
        async with self._blobs.local_path(parent.sha256) as source, self._blobs.stage() as staged:
            outcome = await self._deriver.derive(
                DeriveTask(
                    parent_path=source,
                    output_path=staged.path,
                    transform=job.transform,
                    parameters=job.parameters,
                    samples=self._samples,
                    seed=SEED,
                )
            )
            await staged.adopt()
            lineage = Lineage(parent.number, job.transform, job.parameters, outcome.accuracy)
            return await self._writer.commit(
                staged,
                NewVersion(
                    model=parent.model,
                    format=ArtifactFormat.ONNX,
                    sha256=staged.sha256,
                    size_bytes=staged.size,
                    # What describes the parent (classes, preprocessing) describes it too.
                    metadata=parent.metadata,
                    signature=outcome.signature,
                    lineage=lineage,
                ),
            )

    async def _save(self, job: Job, *, done: bool = False) -> Job:
        job = replace(job, update_time=_now())
        # Before the first await: a concurrent `submit` must already see this job.
        if done:
            self._active.pop(job.id, None)
        else:
            self._active[job.id] = job
        await self._store.put_job(job)
        self._changes.notify()
        return job
