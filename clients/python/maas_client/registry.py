"""The model registry from Python: `RegistryClient` (blocking), `AsyncRegistryClient` (asyncio).

Both return the protocol's own messages (`maas_proto.maas.registry.v1.registry_pb2`) and
let `grpc.RpcError` through, with the status code the registry chose. Uploads read
files in chunks and never hold an artifact in memory; downloads write to a `.part`
file next to the destination, resume from it after an interruption (in the same call
or a later one), verify the sha256 and only then rename it into place.

A version is named by number (int), alias (str) or "latest".
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO, Final

import grpc
from grpc import aio

from maas_client._channels import AsyncChannelClient, ChannelClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc

Ref = int | str
Source = str | os.PathLike[str] | BinaryIO
Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all) as a transfer advances."""

# 1 MiB, like downloads: measured against 4 MiB on a 1 GiB upload, the registry's
# memory grows less (the transport buffers less) and the upload is no slower.
CHUNK_BYTES: Final = 1 << 20
LATEST: Final = "latest"
TRANSFORMS: Final = {"fp16": pb.TRANSFORM_FP16, "int8": pb.TRANSFORM_INT8_DYNAMIC}
# Worth another try from where the transfer stopped; anything else is an answer.
_TRANSIENT: Final = (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)
_HASH_BYTES: Final = 1 << 20


class DigestMismatchError(Exception):
    """Downloaded bytes do not hash to the version's sha256; nothing was kept."""


def version_ref(model: str, ref: Ref = LATEST) -> pb.VersionRef:
    if isinstance(ref, int):
        return pb.VersionRef(model=model, version=ref)
    return pb.VersionRef(model=model, alias=ref)


def digest(source: BinaryIO) -> tuple[str, int]:
    """sha256 and size of what `source` holds from its position on; the position is kept."""
    start = source.tell()
    hasher = hashlib.sha256()
    while block := source.read(_HASH_BYTES):
        hasher.update(block)
    size = source.tell() - start
    source.seek(start)
    return hasher.hexdigest(), size


def transform(name: str) -> pb.Transform.ValueType:
    try:
        return TRANSFORMS[name]
    except KeyError:
        raise ValueError(
            f"unknown transform {name!r}; choose from {', '.join(TRANSFORMS)}"
        ) from None


def _header(
    model: str, sha256: str, size: int, metadata: Mapping[str, str] | None
) -> pb.UploadVersionRequest:
    return pb.UploadVersionRequest(
        header=pb.UploadHeader(
            model=model,
            format=pb.ARTIFACT_FORMAT_ONNX,
            sha256=sha256,
            size_bytes=size,
            metadata=metadata or {},
        )
    )


def _open(source: Source, stack: ExitStack) -> BinaryIO:
    if isinstance(source, str | os.PathLike):
        return stack.enter_context(Path(source).open("rb"))
    return source


class _Part:
    """A download in progress: the `.part` file, how far it got, and its running hash."""

    def __init__(self, dest: Path, version: pb.Version) -> None:
        self.version = version
        # Named after the digest, so a leftover from another version is never resumed.
        self.path = dest.with_name(f"{dest.name}.{version.sha256[:16]}.part")
        self.hasher = hashlib.sha256()
        self.offset = 0
        if self.path.exists() and self.path.stat().st_size <= version.size_bytes:
            with self.path.open("rb") as f:
                while block := f.read(_HASH_BYTES):
                    self.hasher.update(block)
                    self.offset += len(block)
        else:
            self.path.unlink(missing_ok=True)

    @property
    def done(self) -> bool:
        return self.offset >= self.version.size_bytes

    def request(self) -> pb.DownloadVersionRequest:
        return pb.DownloadVersionRequest(
            ref=pb.VersionRef(model=self.version.model, version=self.version.version),
            offset=self.offset,
        )

    def write(self, f: BinaryIO, chunk: bytes, progress: Progress | None) -> None:
        f.write(chunk)
        self.hasher.update(chunk)
        self.offset += len(chunk)
        if progress is not None:
            progress(self.offset, self.version.size_bytes)

    def finish(self, dest: Path) -> pb.Version:
        if self.offset != self.version.size_bytes or self.hasher.hexdigest() != self.version.sha256:
            self.path.unlink(missing_ok=True)
            raise DigestMismatchError(
                f"{self.version.model} version {self.version.version}: the bytes received "
                f"do not match sha256 {self.version.sha256}"
            )
        os.replace(self.path, dest)
        return self.version


class RegistryClient(ChannelClient):
    """Blocking client; `timeout_s` bounds each call except transfers and watches."""

    def __init__(self, target: str, *, timeout_s: float = 60.0) -> None:
        super().__init__(target)
        self._stub = pb_grpc.RegistryServiceStub(self._channel)
        self._timeout = timeout_s

    def create_model(
        self, name: str, description: str = "", labels: Mapping[str, str] | None = None
    ) -> pb.Model:
        request = pb.CreateModelRequest(name=name, description=description, labels=labels)
        return self._stub.CreateModel(request, timeout=self._timeout).model

    def get_model(self, name: str) -> pb.Model:
        return self._stub.GetModel(pb.GetModelRequest(name=name), timeout=self._timeout).model

    def list_models_page(
        self, labels: Mapping[str, str] | None = None, page_size: int = 0, page_token: str = ""
    ) -> pb.ListModelsResponse:
        """One page, with the revision to watch from to follow what changes next."""
        request = pb.ListModelsRequest(page_size=page_size, page_token=page_token, labels=labels)
        return self._stub.ListModels(request, timeout=self._timeout)

    def list_models(
        self, labels: Mapping[str, str] | None = None, page_size: int = 100
    ) -> Iterator[pb.Model]:
        """Every model (carrying `labels`), fetched a page at a time."""
        token = ""
        while True:
            page = self.list_models_page(labels, page_size, token)
            yield from page.models
            token = page.next_page_token
            if not token:
                return

    def update_model(
        self,
        name: str,
        *,
        description: str | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> pb.Model:
        request = pb.UpdateModelRequest(
            name=name, description=description, labels=labels, update_labels=labels is not None
        )
        return self._stub.UpdateModel(request, timeout=self._timeout).model

    def delete_model(self, name: str) -> None:
        self._stub.DeleteModel(pb.DeleteModelRequest(name=name), timeout=self._timeout)

    def upload(
        self,
        model: str,
        source: Source,
        *,
        metadata: Mapping[str, str] | None = None,
        chunk_bytes: int = CHUNK_BYTES,
        progress: Progress | None = None,
    ) -> pb.Version:
        """Upload an ONNX file (a path or a seekable binary file) as the next version."""
        with ExitStack() as stack:
            f = _open(source, stack)
            sha256, size = digest(f)

            def requests() -> Iterator[pb.UploadVersionRequest]:
                yield _header(model, sha256, size, metadata)
                sent = 0
                while chunk := f.read(chunk_bytes):
                    yield pb.UploadVersionRequest(chunk=chunk)
                    sent += len(chunk)
                    if progress is not None:
                        progress(sent, size)

            return self._stub.UploadVersion(requests()).version

    def get_version(self, model: str, ref: Ref = LATEST) -> pb.Version:
        request = pb.GetVersionRequest(ref=version_ref(model, ref))
        return self._stub.GetVersion(request, timeout=self._timeout).version

    def list_versions(self, model: str, page_size: int = 100) -> Iterator[pb.Version]:
        token = ""
        while True:
            request = pb.ListVersionsRequest(model=model, page_size=page_size, page_token=token)
            page = self._stub.ListVersions(request, timeout=self._timeout)
            yield from page.versions
            token = page.next_page_token
            if not token:
                return

    def delete_version(self, model: str, version: int) -> None:
        request = pb.DeleteVersionRequest(model=model, version=version)
        self._stub.DeleteVersion(request, timeout=self._timeout)

    def open_download(
        self, model: str, ref: Ref = LATEST, offset: int = 0
    ) -> tuple[pb.Version, Iterator[bytes]]:
        """The version and its bytes from `offset` on, as they arrive (unverified)."""
        request = pb.DownloadVersionRequest(ref=version_ref(model, ref), offset=offset)
        stream = self._stub.DownloadVersion(request)
        version = next(stream).version
        return version, (message.chunk for message in stream)

    def download(
        self,
        model: str,
        ref: Ref,
        dest: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        retries: int = 3,
    ) -> pb.Version:
        """Download a verified copy to `dest`, resuming after interruptions."""
        target = Path(dest)
        part = _Part(target, self.get_version(model, ref))
        failures = 0
        with part.path.open("ab") as f:
            while not part.done:
                try:
                    for message in self._stub.DownloadVersion(part.request()):
                        if message.WhichOneof("content") == "chunk":
                            part.write(f, message.chunk, progress)
                except grpc.RpcError as exc:
                    failures += 1
                    code = exc.code() if isinstance(exc, grpc.Call) else None
                    if code not in _TRANSIENT or failures > retries:
                        raise
                    time.sleep(0.2 * 2**failures)
        return part.finish(target)

    def set_alias(self, model: str, alias: str, version: int) -> int:
        """Point `alias` at `version`; the version it pointed at before, or 0."""
        request = pb.SetAliasRequest(model=model, alias=alias, version=version)
        return self._stub.SetAlias(request, timeout=self._timeout).previous_version

    def delete_alias(self, model: str, alias: str) -> None:
        request = pb.DeleteAliasRequest(model=model, alias=alias)
        self._stub.DeleteAlias(request, timeout=self._timeout)

    def derive(
        self,
        model: str,
        ref: Ref,
        transform_name: str,
        parameters: Mapping[str, str] | None = None,
    ) -> pb.Job:
        """Start deriving a version ("fp16" or "int8") from `ref`; returns the job."""
        request = pb.DeriveVersionRequest(
            parent=version_ref(model, ref),
            transform=transform(transform_name),
            parameters=parameters,
        )
        return self._stub.DeriveVersion(request, timeout=self._timeout).job

    def get_job(self, job_id: str) -> pb.Job:
        return self._stub.GetJob(pb.GetJobRequest(id=job_id), timeout=self._timeout).job

    def watch_job(self, job_id: str) -> Iterator[pb.Job]:
        """The job now and at every change, until it succeeds or fails."""
        for message in self._stub.WatchJob(pb.WatchJobRequest(id=job_id)):
            yield message.job

    def wait_job(self, job_id: str) -> pb.Job:
        """The job once it has succeeded or failed."""
        *_, last = self.watch_job(job_id)
        return last

    def watch(self, after_revision: int | None = None) -> Iterator[pb.Event]:
        """Events after `after_revision` (only new ones when None), as they happen."""
        request = pb.WatchRequest(after_revision=after_revision)
        for message in self._stub.Watch(request):
            yield message.event


class AsyncRegistryClient(AsyncChannelClient):
    """asyncio client, the same calls as `RegistryClient`; file work runs in threads."""

    def __init__(
        self,
        target: str,
        *,
        timeout_s: float = 60.0,
        interceptors: Sequence[aio.ClientInterceptor] = (),
    ) -> None:
        super().__init__(target, interceptors)
        self._stub = pb_grpc.RegistryServiceStub(self._channel)
        self._timeout = timeout_s

    async def create_model(
        self, name: str, description: str = "", labels: Mapping[str, str] | None = None
    ) -> pb.Model:
        request = pb.CreateModelRequest(name=name, description=description, labels=labels)
        return (await self._stub.CreateModel(request, timeout=self._timeout)).model

    async def get_model(self, name: str) -> pb.Model:
        request = pb.GetModelRequest(name=name)
        return (await self._stub.GetModel(request, timeout=self._timeout)).model

    async def list_models_page(
        self, labels: Mapping[str, str] | None = None, page_size: int = 0, page_token: str = ""
    ) -> pb.ListModelsResponse:
        """One page, with the revision to watch from to follow what changes next."""
        request = pb.ListModelsRequest(page_size=page_size, page_token=page_token, labels=labels)
        return await self._stub.ListModels(request, timeout=self._timeout)

    async def list_models(
        self, labels: Mapping[str, str] | None = None, page_size: int = 100
    ) -> AsyncIterator[pb.Model]:
        token = ""
        while True:
            page = await self.list_models_page(labels, page_size, token)
            for model in page.models:
                yield model
            token = page.next_page_token
            if not token:
                return

    async def update_model(
        self,
        name: str,
        *,
        description: str | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> pb.Model:
        request = pb.UpdateModelRequest(
            name=name, description=description, labels=labels, update_labels=labels is not None
        )
        return (await self._stub.UpdateModel(request, timeout=self._timeout)).model

    async def delete_model(self, name: str) -> None:
        await self._stub.DeleteModel(pb.DeleteModelRequest(name=name), timeout=self._timeout)

    async def upload(
        self,
        model: str,
        source: Source,
        *,
        metadata: Mapping[str, str] | None = None,
        chunk_bytes: int = CHUNK_BYTES,
        progress: Progress | None = None,
    ) -> pb.Version:
        """Upload an ONNX file (a path or a seekable binary file) as the next version."""
        with ExitStack() as stack:
            f = _open(source, stack)
            sha256, size = await asyncio.to_thread(digest, f)

            async def requests() -> AsyncIterator[pb.UploadVersionRequest]:
                yield _header(model, sha256, size, metadata)
                sent = 0
                while chunk := await asyncio.to_thread(f.read, chunk_bytes):
                    yield pb.UploadVersionRequest(chunk=chunk)
                    sent += len(chunk)
                    if progress is not None:
                        progress(sent, size)

            return (await self._stub.UploadVersion(requests())).version

    async def get_version(self, model: str, ref: Ref = LATEST) -> pb.Version:
        request = pb.GetVersionRequest(ref=version_ref(model, ref))
        return (await self._stub.GetVersion(request, timeout=self._timeout)).version

    async def list_versions(self, model: str, page_size: int = 100) -> AsyncIterator[pb.Version]:
        token = ""
        while True:
            request = pb.ListVersionsRequest(model=model, page_size=page_size, page_token=token)
            page = await self._stub.ListVersions(request, timeout=self._timeout)
            for version in page.versions:
                yield version
            token = page.next_page_token
            if not token:
                return

    async def delete_version(self, model: str, version: int) -> None:
        request = pb.DeleteVersionRequest(model=model, version=version)
        await self._stub.DeleteVersion(request, timeout=self._timeout)

    async def open_download(
        self, model: str, ref: Ref = LATEST, offset: int = 0
    ) -> tuple[pb.Version, AsyncIterator[bytes]]:
        """The version and its bytes from `offset` on, as they arrive (unverified)."""
        request = pb.DownloadVersionRequest(ref=version_ref(model, ref), offset=offset)
        stream = self._stub.DownloadVersion(request)
        version = (await anext(aiter(stream))).version

        async def chunks() -> AsyncIterator[bytes]:
            async for message in stream:
                yield message.chunk

        return version, chunks()

    async def download(
        self,
        model: str,
        ref: Ref,
        dest: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        retries: int = 3,
    ) -> pb.Version:
        """Download a verified copy to `dest`, resuming after interruptions."""
        target = Path(dest)
        part = await asyncio.to_thread(_Part, target, await self.get_version(model, ref))
        failures = 0
        with part.path.open("ab") as f:
            while not part.done:
                try:
                    async for message in self._stub.DownloadVersion(part.request()):
                        if message.WhichOneof("content") == "chunk":
                            await asyncio.to_thread(part.write, f, message.chunk, progress)
                except aio.AioRpcError as exc:
                    failures += 1
                    if exc.code() not in _TRANSIENT or failures > retries:
                        raise
                    await asyncio.sleep(0.2 * 2**failures)
        return await asyncio.to_thread(part.finish, target)

    async def set_alias(self, model: str, alias: str, version: int) -> int:
        request = pb.SetAliasRequest(model=model, alias=alias, version=version)
        return (await self._stub.SetAlias(request, timeout=self._timeout)).previous_version

    async def delete_alias(self, model: str, alias: str) -> None:
        request = pb.DeleteAliasRequest(model=model, alias=alias)
        await self._stub.DeleteAlias(request, timeout=self._timeout)

    async def derive(
        self,
        model: str,
        ref: Ref,
        transform_name: str,
        parameters: Mapping[str, str] | None = None,
    ) -> pb.Job:
        request = pb.DeriveVersionRequest(
            parent=version_ref(model, ref),
            transform=transform(transform_name),
            parameters=parameters,
        )
        return (await self._stub.DeriveVersion(request, timeout=self._timeout)).job

    async def get_job(self, job_id: str) -> pb.Job:
        return (await self._stub.GetJob(pb.GetJobRequest(id=job_id), timeout=self._timeout)).job

    async def watch_job(self, job_id: str) -> AsyncIterator[pb.Job]:
        async for message in self._stub.WatchJob(pb.WatchJobRequest(id=job_id)):
            yield message.job

    async def wait_job(self, job_id: str) -> pb.Job:
        """The job once it has succeeded or failed."""
        jobs = [job async for job in self.watch_job(job_id)]
        return jobs[-1]

    async def watch(self, after_revision: int | None = None) -> AsyncGenerator[pb.Event, None]:
        request = pb.WatchRequest(after_revision=after_revision)
        async for message in self._stub.Watch(request):
            yield message.event
