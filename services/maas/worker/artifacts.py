"""Model artifacts pulled from the registry into a local cache named by sha256.

    <cache>/<sha256[:2]>/<sha256>.onnx     verified artifacts
    <cache>/.incoming/                     downloads in progress

A file gets its digest's name only by an atomic rename after its bytes were verified
against the digest the caller pinned, so a cached name never holds half a download or
another artifact. Concurrent fetches of one digest in a process share one download.
Worker processes may share a cache directory (one per host, say, with a worker per
GPU): each downloads into files of its own, and renaming identical verified bytes onto
one name is harmless, so at worst two processes fetching one digest at once both
download it.

Trust across restarts: a file already in the cache is hashed in full the first time a
process uses it. Files are verified when written, but a disk or an operator can damage
them while no worker runs, and a model loaded from corrupt bytes may still run and
answer wrongly; one read per artifact and process costs far less than a download. A
file that fails is deleted and downloaded again.

Not yet: eviction. The cache keeps every artifact ever fetched until an operator
deletes files (safe while no worker loads them); size the disk for the models a worker
may be asked to serve. A download that fails resumes on the next fetch in the same
process; what a killed process left in `.incoming/` is swept on a later start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Protocol

from grpc import StatusCode, aio

from maas.errors import FailedPrecondition, InvalidInput, NotFound, Unavailable
from maas.telemetry import tracing
from maas_client.registry import AsyncRegistryClient, DigestMismatchError, digest

log = logging.getLogger(__name__)

_SHA256: Final = re.compile(r"[0-9a-f]{64}")
_INCOMING: Final = ".incoming"
# A download writes as its chunks arrive; a file untouched this long has no writer left.
_STALE_AFTER_S: Final = 3600.0


@dataclass(frozen=True, slots=True)
class ArtifactRef:
    """A registry model version, pinned by the digest of its artifact."""

    model: str
    version: int
    sha256: str
    size_bytes: int


@dataclass(frozen=True, slots=True)
class Digest:
    sha256: str
    size_bytes: int


class DigestMismatch(InvalidInput):
    """An artifact is not the bytes its reference pins; nothing was kept."""


class ArtifactSource(Protocol):
    """Where artifacts come from (the registry)."""

    async def digest(self, model: str, version: int) -> Digest:
        """The digest the source records for a version. NotFound / Unavailable."""
        ...

    async def download(self, model: str, version: int, dest: Path) -> Digest:
        """Write a version's artifact to `dest` and return the digest its bytes were
        verified against. NotFound / Unavailable / DigestMismatch."""
        ...


class Artifacts(Protocol):
    """What replica loading needs: a local, verified file for an artifact reference."""

    async def fetch(self, ref: ArtifactRef) -> Path:
        """A path holding exactly the bytes `ref` pins. DigestMismatch / NotFound /
        Unavailable / FailedPrecondition."""
        ...


class ArtifactCache:
    """`Artifacts` from a source, kept under `root` (see the module docstring), whose
    `.incoming/` directory must exist."""

    def __init__(self, root: Path, source: ArtifactSource) -> None:
        self._root = root
        self._source = source
        # Names this cache's downloads apart from other processes' (and caches') ones.
        self._owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # Digests hashed or downloaded by this process, with their sizes.
        self._verified: dict[str, int] = {}
        self._pending: dict[str, asyncio.Future[int]] = {}

    async def close(self) -> None:
        """Abandon the downloads in progress."""
        pending = list(self._pending.values())
        for download in pending:
            download.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def _path(self, sha256: str) -> Path:
        return self._root / sha256[:2] / f"{sha256}.onnx"

    async def fetch(self, ref: ArtifactRef) -> Path:
        if not _SHA256.fullmatch(ref.sha256):
            raise InvalidInput(
                f"artifact sha256 '{ref.sha256}' must be 64 lowercase hexadecimal digits"
            )
        path = self._path(ref.sha256)
        size = self._verified.get(ref.sha256)
        if size is None or not path.is_file():
            pending = self._pending.get(ref.sha256)
            if pending is None:
                pending = asyncio.ensure_future(self._obtain(ref))
                self._pending[ref.sha256] = pending
                pending.add_done_callback(lambda done: self._settle(ref.sha256, done))
            # One caller giving up (a cancelled RPC) must not abort the download that
            # the others, and its own retry, are waiting for.
            size = await asyncio.shield(pending)
        _check(ref, Digest(ref.sha256, size), "is cached with")
        return path

    def _settle(self, sha256: str, done: asyncio.Future[int]) -> None:
        del self._pending[sha256]
        # Every waiter may have given up; the outcome is then nobody's to report.
        if not done.cancelled():
            done.exception()

    async def _obtain(self, ref: ArtifactRef) -> int:
        path = self._path(ref.sha256)
        if path.is_file():
            found = await asyncio.to_thread(_hash, path)
            if found.sha256 == ref.sha256:
                self._verified[ref.sha256] = found.size_bytes
                return found.size_bytes
            log.warning("cached %s hashes to %s; downloading it again", path, found.sha256)
            path.unlink(missing_ok=True)
        # Checked first so that a wrong reference costs no download.
        _check(ref, await self._source.digest(ref.model, ref.version), "is recorded with")
        incoming = self._root / _INCOMING / f"{ref.sha256}.{self._owner}.onnx"
        received = await self._source.download(ref.model, ref.version, incoming)
        try:
            _check(ref, received, "was received as")
        except DigestMismatch:
            incoming.unlink()
            raise
        path.parent.mkdir(exist_ok=True)
        os.replace(incoming, path)
        log.info("cached %s version %d as %s", ref.model, ref.version, path)
        self._verified[ref.sha256] = received.size_bytes
        return received.size_bytes


class NoRegistry:
    """`Artifacts` of a worker configured without a registry."""

    async def fetch(self, ref: ArtifactRef) -> Path:
        raise FailedPrecondition(
            "this worker has no registry to load artifacts from; "
            "start it with a registry address (MAAS_WORKER_REGISTRY_ADDRESS)"
        )


class RegistryArtifacts:
    """`ArtifactSource` over the registry's API, its status codes turned into domain
    errors."""

    def __init__(self, client: AsyncRegistryClient, address: str) -> None:
        self._client = client
        self._address = address

    async def digest(self, model: str, version: int) -> Digest:
        with self._errors(model, version):
            found = await self._client.get_version(model, version)
        return Digest(found.sha256, found.size_bytes)

    async def download(self, model: str, version: int, dest: Path) -> Digest:
        with self._errors(model, version):
            found = await self._client.download(model, version, dest)
        return Digest(found.sha256, found.size_bytes)

    @contextmanager
    def _errors(self, model: str, version: int) -> Iterator[None]:
        try:
            yield
        except DigestMismatchError as e:
            raise DigestMismatch(str(e)) from e
        except aio.AioRpcError as e:
            what = f"registry {self._address}, model '{model}' version {version}"
            if e.code() is StatusCode.NOT_FOUND:
                raise NotFound(f"{what}: {e.details()}") from e
            if e.code() is StatusCode.INVALID_ARGUMENT:
                raise InvalidInput(f"{what}: {e.details()}") from e
            raise Unavailable(f"{what}: {e.code().name}: {e.details()}") from e


@asynccontextmanager
async def open_artifacts(registry_address: str | None, cache: Path) -> AsyncIterator[Artifacts]:
    """Registry-backed `Artifacts` cached under `cache`, or `NoRegistry` without an
    address; the registry connection is open until exit."""
    if registry_address is None:
        yield NoRegistry()
        return
    incoming = cache / _INCOMING
    await asyncio.to_thread(incoming.mkdir, parents=True, exist_ok=True)
    await asyncio.to_thread(_sweep, incoming)
    # Traced like every outbound call, so a load shows its download in the trace.
    async with AsyncRegistryClient(
        registry_address, interceptors=tracing.client_interceptors()
    ) as client:
        artifacts = ArtifactCache(cache, RegistryArtifacts(client, registry_address))
        try:
            yield artifacts
        finally:
            await artifacts.close()


def _sweep(incoming: Path) -> None:
    cutoff = time.time() - _STALE_AFTER_S
    for leftover in incoming.iterdir():
        # Another process may finish or sweep the same file meanwhile.
        with contextlib.suppress(FileNotFoundError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                log.info("removed %s, left by a download that stopped", leftover)


def _check(ref: ArtifactRef, found: Digest, verb: str) -> None:
    if found != Digest(ref.sha256, ref.size_bytes):
        raise DigestMismatch(
            f"model '{ref.model}' version {ref.version} {verb} sha256 {found.sha256} and "
            f"{found.size_bytes} bytes, but the request pins sha256 {ref.sha256} and "
            f"{ref.size_bytes} bytes"
        )


def _hash(path: Path) -> Digest:
    with path.open("rb") as f:
        sha256, size = digest(f)
    return Digest(sha256, size)
