"""The artifact cache over an in-memory source: verification, sharing, restarts."""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from pathlib import Path

import pytest

from maas.errors import FailedPrecondition, InvalidInput, NotFound
from maas.worker.artifacts import (
    ArtifactCache,
    ArtifactRef,
    Digest,
    DigestMismatch,
    NoRegistry,
    open_artifacts,
)

ARTIFACT = b"\x08\x0a" + bytes(range(256)) * 64
OTHER = b"another artifact"


def ref_of(data: bytes, model: str = "m", version: int = 1) -> ArtifactRef:
    return ArtifactRef(model, version, hashlib.sha256(data).hexdigest(), len(data))


def digest_of(data: bytes) -> Digest:
    return Digest(hashlib.sha256(data).hexdigest(), len(data))


class MemorySource:
    """Versions held in memory; `gate`, when set, holds every download until it opens."""

    def __init__(self, versions: dict[tuple[str, int], bytes]) -> None:
        self.versions = versions
        self.downloads = 0
        self.gate: asyncio.Event | None = None
        # Bytes delivered instead of the recorded ones (a store changing under us).
        self.deliver: bytes | None = None

    async def digest(self, model: str, version: int) -> Digest:
        return digest_of(self._data(model, version))

    async def download(self, model: str, version: int, dest: Path) -> Digest:
        self.downloads += 1
        if self.gate is not None:
            await self.gate.wait()
        data = self.deliver if self.deliver is not None else self._data(model, version)
        await asyncio.to_thread(dest.write_bytes, data)
        return digest_of(data)

    def _data(self, model: str, version: int) -> bytes:
        try:
            return self.versions[model, version]
        except KeyError:
            raise NotFound(f"no version {version} of {model}") from None


@pytest.fixture
def root(tmp_path: Path) -> Path:
    path = tmp_path / "cache"
    (path / ".incoming").mkdir(parents=True)
    return path


@pytest.fixture
def source() -> MemorySource:
    return MemorySource({("m", 1): ARTIFACT, ("other", 1): OTHER})


def cached_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


async def test_fetch_stores_the_verified_artifact_under_its_digest(
    root: Path, source: MemorySource
) -> None:
    cache = ArtifactCache(root, source)
    ref = ref_of(ARTIFACT)
    path = await cache.fetch(ref)
    assert path == root / ref.sha256[:2] / f"{ref.sha256}.onnx"
    assert path.read_bytes() == ARTIFACT
    assert cached_files(root) == [path]
    assert await cache.fetch(ref) == path
    assert source.downloads == 1


async def test_concurrent_fetches_of_one_digest_download_once(
    root: Path, source: MemorySource
) -> None:
    cache = ArtifactCache(root, source)
    source.gate = asyncio.Event()
    fetches = [asyncio.ensure_future(cache.fetch(ref_of(ARTIFACT))) for _ in range(8)]
    await asyncio.sleep(0.05)
    source.gate.set()
    paths = await asyncio.gather(*fetches)
    assert len(set(paths)) == 1
    assert source.downloads == 1


async def test_a_cancelled_caller_does_not_abort_the_shared_download(
    root: Path, source: MemorySource
) -> None:
    cache = ArtifactCache(root, source)
    source.gate = asyncio.Event()
    impatient = asyncio.ensure_future(cache.fetch(ref_of(ARTIFACT)))
    patient = asyncio.ensure_future(cache.fetch(ref_of(ARTIFACT)))
    await asyncio.sleep(0.05)
    impatient.cancel()
    source.gate.set()
    assert (await patient).read_bytes() == ARTIFACT
    assert impatient.cancelled()
    assert source.downloads == 1


async def test_a_reference_pinning_another_digest_is_refused_without_downloading(
    root: Path, source: MemorySource
) -> None:
    cache = ArtifactCache(root, source)
    wrong = ArtifactRef("m", 1, hashlib.sha256(OTHER).hexdigest(), len(ARTIFACT))
    with pytest.raises(DigestMismatch, match=f"pins sha256 {wrong.sha256}"):
        await cache.fetch(wrong)
    assert source.downloads == 0
    assert cached_files(root) == []


async def test_bytes_that_differ_from_the_reference_are_deleted(
    root: Path, source: MemorySource
) -> None:
    cache = ArtifactCache(root, source)
    source.deliver = OTHER
    with pytest.raises(DigestMismatch, match="was received as"):
        await cache.fetch(ref_of(ARTIFACT))
    assert cached_files(root) == []
    # Nothing poisoned: the next fetch downloads again and succeeds.
    source.deliver = None
    assert (await cache.fetch(ref_of(ARTIFACT))).read_bytes() == ARTIFACT


async def test_the_cache_survives_a_restart_without_downloading(
    root: Path, source: MemorySource
) -> None:
    path = await ArtifactCache(root, source).fetch(ref_of(ARTIFACT))
    empty = MemorySource({})
    assert await ArtifactCache(root, empty).fetch(ref_of(ARTIFACT)) == path
    assert empty.downloads == 0


async def test_a_cached_file_damaged_while_stopped_is_downloaded_again(
    root: Path, source: MemorySource
) -> None:
    path = await ArtifactCache(root, source).fetch(ref_of(ARTIFACT))
    damaged = bytearray(ARTIFACT)
    damaged[100] ^= 0xFF  # same size: only a full hash notices
    path.write_bytes(bytes(damaged))
    fresh = MemorySource(source.versions)
    assert (await ArtifactCache(root, fresh).fetch(ref_of(ARTIFACT))).read_bytes() == ARTIFACT
    assert fresh.downloads == 1


async def test_a_wrong_size_for_a_cached_digest_is_refused_and_the_file_kept(
    root: Path, source: MemorySource
) -> None:
    cache = ArtifactCache(root, source)
    path = await cache.fetch(ref_of(ARTIFACT))
    ref = ref_of(ARTIFACT)
    for fetcher in (cache, ArtifactCache(root, source)):
        with pytest.raises(DigestMismatch, match="is cached with"):
            await fetcher.fetch(ArtifactRef(ref.model, ref.version, ref.sha256, 1))
    assert path.read_bytes() == ARTIFACT


@pytest.mark.parametrize("sha256", ["../../etc/passwd", "A" * 64, "0" * 63, ""])
async def test_a_malformed_digest_is_refused(root: Path, source: MemorySource, sha256: str) -> None:
    with pytest.raises(InvalidInput, match="64 lowercase hexadecimal"):
        await ArtifactCache(root, source).fetch(ArtifactRef("m", 1, sha256, 1))
    assert source.downloads == 0


async def test_errors_of_the_source_pass_through(root: Path, source: MemorySource) -> None:
    with pytest.raises(NotFound):
        await ArtifactCache(root, source).fetch(ref_of(b"unknown", "nope"))


async def test_without_a_registry_fetching_is_a_failed_precondition() -> None:
    with pytest.raises(FailedPrecondition, match="no registry"):
        await NoRegistry().fetch(ref_of(ARTIFACT))


async def test_caches_sharing_a_directory_both_succeed(root: Path, source: MemorySource) -> None:
    # Two processes, as far as the directory can tell: each has its own download files.
    other = MemorySource(source.versions)
    source.gate, other.gate = asyncio.Event(), asyncio.Event()
    fetches = [
        asyncio.ensure_future(ArtifactCache(root, s).fetch(ref_of(ARTIFACT)))
        for s in (source, other)
    ]
    await asyncio.sleep(0.05)
    source.gate.set()
    other.gate.set()
    first, second = await asyncio.gather(*fetches)
    assert first == second
    assert cached_files(root) == [first]
    assert first.read_bytes() == ARTIFACT


async def test_opening_sweeps_what_stopped_downloads_left(tmp_path: Path) -> None:
    incoming = tmp_path / "cache" / ".incoming"
    incoming.mkdir(parents=True)
    stale, live = incoming / "a.1.onnx.a.part", incoming / "b.2.onnx.b.part"
    for path in (stale, live):
        path.write_bytes(b"partial")
    day_ago = time.time() - 86_400
    os.utime(stale, (day_ago, day_ago))
    # The client connects lazily: no registry needs to listen.
    async with open_artifacts("127.0.0.1:1", tmp_path / "cache"):
        assert sorted(incoming.iterdir()) == [live]
