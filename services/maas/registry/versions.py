"""Turning checked artifacts into versions, and dropping blobs no version needs.

A version's blob is committed before its row, so a row never names missing bytes; a
crash between the two leaves an unreferenced blob, which `collect_garbage` removes at
the next start. One lock orders committing against forgetting, so a blob that a new
version is about to reuse is never deleted under it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from maas.registry.changes import Changes
from maas.registry.domain import NewVersion, Version
from maas.registry.store import BlobStore, Catalog, StagedBlob

log = logging.getLogger(__name__)


class VersionWriter:
    def __init__(self, catalog: Catalog, blobs: BlobStore, changes: Changes) -> None:
        self._catalog = catalog
        self._blobs = blobs
        self._changes = changes
        self._lock = asyncio.Lock()

    async def commit(self, staged: StagedBlob, new: NewVersion) -> Version:
        """Store `staged` (already checked to hold `new.sha256`) as a new version."""
        async with self._lock:
            await self._blobs.commit(staged)
            try:
                version = await self._catalog.add_version(new)
            except BaseException:
                await self._forget(new.sha256)
                raise
        self._changes.notify()
        return version

    async def forget(self, versions: Iterable[Version]) -> None:
        """Delete the blobs of deleted `versions` that no other version shares."""
        async with self._lock:
            for sha256 in {v.sha256 for v in versions}:
                await self._forget(sha256)

    async def _forget(self, sha256: str) -> None:
        if not await self._catalog.digest_in_use(sha256):
            await self._blobs.delete(sha256)

    async def collect_garbage(self) -> None:
        """Make the blob store match the catalog after whatever stopped the last run."""
        staged = await self._blobs.clear_staging()
        stored = await self._blobs.digests()
        referenced = await self._catalog.digests()
        for sha256 in stored - referenced:
            await self._blobs.delete(sha256)
        for sha256 in referenced - stored:
            log.error("blob %s is referenced by a version but missing from the store", sha256)
        if staged or stored - referenced:
            log.info(
                "removed %d interrupted uploads and %d unreferenced blobs",
                staged,
                len(stored - referenced),
            )
