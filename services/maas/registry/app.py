"""Composition root of the registry: settings -> stores -> use cases -> server.

`run_registry` is what `maas registry`, `maas up` and the tests all use; it tears down
in reverse order: health NOT_SERVING, watch streams told to come back later, calls
drained, derive jobs stopped, database closed.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from maas.registry.blobs import FileBlobStore
from maas.registry.changes import Changes
from maas.registry.children import SubprocessDeriver, SubprocessValidator
from maas.registry.grpc.servicer import SERVICE_NAME, RegistryServicer
from maas.registry.jobs import DeriveJobs
from maas.registry.roles import DeploymentGuard, NoDeployments
from maas.registry.service import RegistryService
from maas.registry.settings import RegistrySettings
from maas.registry.sqlite_store import SqliteStore
from maas.registry.versions import VersionWriter
from maas.transport.server import ServiceBinding, start_server
from maas_proto.maas.registry.v1 import registry_pb2_grpc as pb_grpc

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RegistryHandle:
    port: int
    service: RegistryService


@contextmanager
def _exclusive(data_dir: Path) -> Iterator[None]:
    """Hold the data directory for this process; the lock dies with it, even on kill -9."""
    fd = os.open(data_dir / "LOCK", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError(f"{data_dir} is in use by another registry process") from None
        yield
    finally:
        os.close(fd)


@asynccontextmanager
async def run_registry(
    settings: RegistrySettings, *, guard: DeploymentGuard | None = None
) -> AsyncIterator[RegistryHandle]:
    """Serve the registry until the context exits.

    `guard` tells which versions are deployed (the scheduler's); without it nothing is.
    """
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(data_dir):
        store = SqliteStore(data_dir / "registry.db", event_retention=settings.event_retention)
        await store.open()
        try:
            blobs = FileBlobStore(data_dir)
            changes = Changes()
            writer = VersionWriter(store, blobs, changes)
            await writer.collect_garbage()
            jobs = DeriveJobs(
                store,
                store,
                blobs,
                writer,
                SubprocessDeriver(settings.derive_timeout_s),
                changes,
                samples=settings.derive_samples,
                concurrency=settings.derive_concurrency,
            )
            await jobs.recover()
            service = RegistryService(
                settings,
                catalog=store,
                events=store,
                blobs=blobs,
                writer=writer,
                validator=SubprocessValidator(settings.validation_timeout_s),
                jobs=jobs,
                guard=guard or NoDeployments(),
                changes=changes,
            )
            servicer = RegistryServicer(service)
            server = await start_server(
                [
                    ServiceBinding(
                        SERVICE_NAME,
                        lambda s: pb_grpc.add_RegistryServiceServicer_to_server(servicer, s),
                    )
                ],
                host=settings.host,
                port=settings.port,
                max_message_bytes=settings.max_message_bytes,
                # Bandwidth-delay probing grows HTTP/2 windows until gRPC buffers tens of
                # MiB of an upload in flight; fixed windows keep a 1 GiB upload's memory
                # bounded whatever the chunk size, at the same throughput.
                extra_options=[("grpc.http2.bdp_probe", 0)],
            )
            try:
                await server.set_serving(True)
                log.info("registry serving on %s:%d from %s", settings.host, server.port, data_dir)
                yield RegistryHandle(server.port, service)
            finally:
                await server.set_serving(False)
                changes.close()
                await server.stop(settings.grace_s)
                await jobs.close()
        finally:
            await store.close()
