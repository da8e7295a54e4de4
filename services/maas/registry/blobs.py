"""Artifact bytes in a content-addressed directory.

Bytes arrive in `staging/` and only become a blob by an atomic rename to
`blobs/sha256/<2 hex>/<digest>` once complete, synced and checked, so a reader never
sees a partial file and a crash leaves at most a staging file, which the next start
removes. Both folders sit under one root so the rename never crosses a filesystem.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import stat
import threading
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import BinaryIO, Final

from maas.errors import NotFound
from maas.registry.store import StagedBlob

_READ_BYTES: Final = 1 << 20


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class StagedFile:
    """A staging file, hashed while it is written."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._hash = hashlib.sha256()
        self._size = 0
        self._file: BinaryIO | None = None
        # A cancelled upload may leave a write running in a thread; the lock and flag
        # make sure that write cannot recreate the file after it was discarded.
        self._lock = threading.Lock()
        self._discarded = False

    @property
    def path(self) -> Path:
        return self._path

    @property
    def size(self) -> int:
        return self._size

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    async def write(self, data: bytes) -> None:
        # Off the event loop: hashlib releases the GIL on large buffers, so several
        # uploads hash in parallel while the loop keeps serving.
        await asyncio.to_thread(self._write, data)

    def _write(self, data: bytes) -> None:
        with self._lock:
            if self._discarded:
                return
            if self._file is None:
                self._file = self._path.open("wb")
            self._file.write(data)
            # Nothing lingers in the buffer: `commit` syncs the file by its path.
            self._file.flush()
            self._hash.update(data)
            self._size += len(data)

    async def adopt(self) -> None:
        await asyncio.to_thread(self._adopt)

    def _adopt(self) -> None:
        digest = hashlib.sha256()
        size = 0
        with self._path.open("rb") as f:
            while block := f.read(_READ_BYTES):
                digest.update(block)
                size += len(block)
        self._hash, self._size = digest, size

    def discard(self) -> None:
        """Remove the file (gone already once committed); no later write brings it back."""
        with self._lock:
            self._discarded = True
            if self._file is not None:
                self._file.close()
                self._file = None
            self._path.unlink(missing_ok=True)


class FileBlobStore:
    """`BlobStore` on local disk."""

    def __init__(self, root: Path) -> None:
        self._blobs = root / "blobs" / "sha256"
        self._staging = root / "staging"
        self._blobs.mkdir(parents=True, exist_ok=True)
        self._staging.mkdir(parents=True, exist_ok=True)

    def _path(self, sha256: str) -> Path:
        return self._blobs / sha256[:2] / sha256

    @asynccontextmanager
    async def stage(self) -> AsyncIterator[StagedFile]:
        staged = StagedFile(self._staging / f"{uuid.uuid4().hex}.part")
        try:
            yield staged
        finally:
            # Not awaited: a second cancellation must not skip the cleanup.
            staged.discard()

    async def commit(self, staged: StagedBlob) -> None:
        await asyncio.to_thread(self._commit, staged)

    def _commit(self, staged: StagedBlob) -> None:
        with staged.path.open("rb") as f:
            os.fsync(f.fileno())
        target = self._path(staged.sha256)
        if target.exists():
            staged.path.unlink()
            return
        target.parent.mkdir(exist_ok=True)
        # Read-only on disk too: a blob never changes once it has a name.
        staged.path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(staged.path, target)
        _fsync_dir(target.parent)

    async def read(self, sha256: str, offset: int, chunk_bytes: int) -> AsyncIterator[bytes]:
        try:
            f = await asyncio.to_thread(self._path(sha256).open, "rb")
        except FileNotFoundError:
            raise NotFound(f"blob {sha256} is missing from the store") from None
        try:
            f.seek(offset)
            while chunk := await asyncio.to_thread(f.read, chunk_bytes):
                yield chunk
        finally:
            f.close()

    @asynccontextmanager
    async def local_path(self, sha256: str) -> AsyncIterator[Path]:
        path = self._path(sha256)
        if not path.exists():
            raise NotFound(f"blob {sha256} is missing from the store")
        yield path

    async def delete(self, sha256: str) -> None:
        await asyncio.to_thread(self._path(sha256).unlink, missing_ok=True)

    async def digests(self) -> set[str]:
        return await asyncio.to_thread(lambda: {p.name for p in self._blobs.glob("*/*")})

    async def clear_staging(self) -> int:
        return await asyncio.to_thread(self._clear_staging)

    def _clear_staging(self) -> int:
        stale = list(self._staging.iterdir())
        for path in stale:
            path.unlink()
        return len(stale)
