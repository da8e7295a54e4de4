"""Versions and aliases to pinned artifacts, through the registry.

`ArtifactResolver` is what the leader needs: resolve a spec's selector to a version and
its sha256, and hear which models changed (an alias moved, a version appeared), so that
a deployment following an alias rolls when the alias moves. `RegistryResolver` asks
the registry at a fixed address or at a healthy instance found through discovery.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Final, Protocol

import grpc
from grpc import aio

from maas.discovery import Discovery
from maas.discovery.base import REGISTRY_SERVICE
from maas.errors import NotFound, Unavailable
from maas.scheduler.domain import LATEST, Artifact, DeploymentSpec
from maas.scheduler.grpc.converters import artifact_to_domain
from maas_client.registry import AsyncRegistryClient, Ref

log = logging.getLogger(__name__)

_RETRY_INITIAL_S: Final = 0.5
_RETRY_MAX_S: Final = 10.0


class ArtifactResolver(Protocol):
    async def resolve(self, spec: DeploymentSpec) -> Artifact:
        """The version `spec` names now; `NotFound` or `Unavailable` with the reason."""
        ...

    def changes(self) -> AsyncIterator[frozenset[str] | None]:
        """Models whose versions or aliases changed, as they change; None when changes
        may have been missed (after a reconnection) and every model may differ."""
        ...


class RegistryResolver:
    """Resolves through the registry; `run` must be running when no address is fixed."""

    def __init__(self, discovery: Discovery, address: str | None, timeout_s: float) -> None:
        self._discovery = discovery
        self._fixed = address is not None
        self._timeout_s = timeout_s
        self._address: str | None = None
        self._client: AsyncRegistryClient | None = None
        self._found = asyncio.Event()
        self._retired: list[AsyncRegistryClient] = []
        if address is not None:
            self._use(address)

    async def run(self) -> None:
        """Follow the registry's healthy instances in discovery (unless an address was
        given), keeping the current one while it stays healthy."""
        if self._fixed:
            return
        async for instances in self._discovery.watch(REGISTRY_SERVICE):
            addresses = [i.address for i in instances]
            if addresses and self._address not in addresses:
                self._use(addresses[0])

    async def resolve(self, spec: DeploymentSpec) -> Artifact:
        client = await self._current()
        ref: Ref = spec.version if spec.version is not None else (spec.alias or LATEST)
        try:
            version = await client.get_version(spec.model, ref)
        except aio.AioRpcError as exc:
            raise _error(exc) from None
        return artifact_to_domain(version)

    async def changes(self) -> AsyncIterator[frozenset[str] | None]:
        delay = _RETRY_INITIAL_S
        while True:
            try:
                client = await self._current()
                # Events after the revision read here: whatever the caller resolves
                # after the None below is followed without a gap.
                revision = (await client.list_models_page(page_size=1)).revision
                yield None
                async for event in client.watch(after_revision=revision):
                    delay = _RETRY_INITIAL_S
                    yield frozenset({event.model})
            except aio.AioRpcError as exc:
                log.warning("registry watch ended (%s), again in %.1fs", _error(exc), delay)
            except Unavailable as exc:
                log.warning("cannot watch the registry (%s), again in %.1fs", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, _RETRY_MAX_S)

    async def close(self) -> None:
        clients = [*self._retired, *([self._client] if self._client else [])]
        await asyncio.gather(*(c.close() for c in clients))

    async def _current(self) -> AsyncRegistryClient:
        try:
            # asyncio.timeout, not wait_for: Python 3.11's wait_for swallows a
            # cancellation that arrives while the event is already set.
            async with asyncio.timeout(self._timeout_s):
                await self._found.wait()
        except TimeoutError:
            raise Unavailable("no healthy registry found through discovery") from None
        assert self._client is not None
        return self._client

    def _use(self, address: str) -> None:
        log.info("using the registry at %s", address)
        if self._client is not None:
            # Closed at the end: a watch may still be reading from it.
            self._retired.append(self._client)
        self._address = address
        self._client = AsyncRegistryClient(address, timeout_s=self._timeout_s)
        self._found.set()


def _error(exc: aio.AioRpcError) -> NotFound | Unavailable:
    if exc.code() is grpc.StatusCode.NOT_FOUND:
        return NotFound(exc.details() or "not found in the registry")
    return Unavailable(f"registry: {exc.code().name}: {exc.details()}")
