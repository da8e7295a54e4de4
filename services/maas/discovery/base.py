"""The coordination roles every maas service needs, whatever backs them.

Three small interfaces, each with an in-process implementation (all-in-one mode) and a
Consul one (distributed mode); `maas.discovery.open_discovery` picks them from settings.

- `Discovery`: a service announces itself (`register`, with a gRPC health check that the
  backend runs against ``host:port``), updates what it advertises (`update_meta`), leaves
  (`deregister`), and anyone follows a service's healthy instances (`watch`).
- `LeaderElection`: several processes contend for a key; at most one leads at a time.
- `KeyValueStore`: durable desired state, readable and watchable by prefix.

Leadership
----------
``election.leadership(key, instance_id)`` is an async context manager. Entering it starts
campaigning in the background and returns a `Leadership` at once (usually not leading
yet); leaving it stops campaigning and, when leading, releases the key so another
contender takes over immediately. `instance_id` names the contender's own registered
service instance: in Consul its health check guards the lease, so a process that dies
(even ``kill -9``) loses leadership as soon as Consul sees its gRPC health fail. A
leader reacts to changes like this::

    async with election.leadership("maas/scheduler/leader", instance.id) as lead:
        while True:
            if lead.is_leader:
                async with asyncio.TaskGroup() as tg:
                    work = tg.create_task(reconcile_forever())
                    await lead.wait_change()
                    work.cancel()
            else:
                await lead.wait_change()

Leadership is advisory, as with any lease: a leader cut off from Consul steps down only
once it has failed to renew for half a session TTL, while a successor may lead after one
failed health check and the lock-delay; leader-only work must therefore be idempotent.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from collections.abc import AsyncIterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Protocol

from maas.errors import InvalidInput, Unavailable

log = logging.getLogger(__name__)

WORKER_SERVICE = "maas-worker"
SCHEDULER_SERVICE = "maas-scheduler"
REGISTRY_SERVICE = "maas-registry"

MAX_VALUE_BYTES = 512 * 1024
"""Largest value a `KeyValueStore` takes (Consul's default `kv_max_value_size`)."""


@dataclass(frozen=True, slots=True)
class ServiceInstance:
    """One running process of a service, as discovery announces it.

    `meta` is the small string map Consul carries with a registration (version,
    capacity, backend, loaded models, ...); it is frozen on construction and held to
    Consul's limits in both modes, so that what all-in-one accepts Consul accepts too:
    at most 64 keys of letters, digits, ``_`` and ``-`` (128 characters, no ``consul-``
    prefix), values of at most 512 characters. A bad one raises `InvalidInput`.
    """

    id: str
    service: str
    host: str
    port: int
    meta: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        _check_meta(self.meta)
        # A read-only copy: instances are shared between watchers and must not change.
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    @property
    def address(self) -> str:
        """``host:port`` as gRPC dials it (IPv6 hosts in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


_META_KEY = re.compile(r"[A-Za-z0-9_-]{1,128}")


def _check_meta(meta: Mapping[str, str]) -> None:
    if len(meta) > 64:
        raise InvalidInput(f"service meta has {len(meta)} keys; at most 64 are allowed")
    for key, value in meta.items():
        if not _META_KEY.fullmatch(key) or key.startswith("consul-"):
            raise InvalidInput(
                f"service meta key {key!r} must be 1-128 letters, digits, '_' or '-', "
                "and not start with 'consul-'"
            )
        if len(value) > 512:
            raise InvalidInput(f"service meta value of {key!r} is longer than 512 characters")


class Discovery(Protocol):
    """Announce this process's services and follow other services' healthy instances."""

    async def register(self, instance: ServiceInstance) -> None:
        """Announce `instance`, health-checked over gRPC (grpc.health.v1) at its address.

        Registering an id again replaces the earlier registration.
        """
        ...

    async def update_meta(self, instance_id: str, meta: Mapping[str, str]) -> None:
        """Replace the meta of an instance this object registered, keeping its check.

        Raises `maas.errors.NotFound` for an id this object did not register.
        """
        ...

    async def deregister(self, instance_id: str) -> None:
        """Withdraw an instance; withdrawing an unknown id does nothing."""
        ...

    def watch(self, service: str) -> AsyncIterator[tuple[ServiceInstance, ...]]:
        """The healthy instances of `service`, sorted by id: the current set at once,
        then again only when the set or an instance's meta changes.

        While the backend is unreachable nothing is yielded: the last set stands.
        """
        ...


class Leadership:
    """A contender's view of one leadership key (see the module docstring).

    Election implementations call `set`; users read `is_leader` and await
    `wait_change`.
    """

    def __init__(self) -> None:
        self._is_leader = False
        self._changed = asyncio.Event()

    @property
    def is_leader(self) -> bool:
        """Whether this contender holds the key right now."""
        return self._is_leader

    async def wait_change(self) -> bool:
        """Wait for a change not yet reported by an earlier call, and return `is_leader`.

        Changes are not lost while the caller is busy: losing and regaining the lease
        between two calls returns at once with ``True``. Treat every return as a new
        term and restart leader-only work from fresh state.
        """
        await self._changed.wait()
        self._changed.clear()
        return self._is_leader

    def set(self, is_leader: bool) -> None:
        """Record a gain or loss of the lease (called by the election implementation)."""
        if is_leader != self._is_leader:
            self._is_leader = is_leader
            self._changed.set()


class LeaderElection(Protocol):
    """Exclusive leadership of a key among contending processes."""

    def leadership(self, key: str, instance_id: str) -> AbstractAsyncContextManager[Leadership]:
        """Campaign for `key` while the context is open (see the module docstring).

        `instance_id` must be registered through `Discovery` first; its health check
        guards the lease.
        """
        ...


class KeyValueStore(Protocol):
    """Durable desired state: opaque values under ``/``-separated keys."""

    async def get(self, key: str) -> bytes | None:
        """The value of `key`, or None when it is absent."""
        ...

    async def put(self, key: str, value: bytes) -> None:
        """Create or replace `key`; a value over `MAX_VALUE_BYTES` raises `InvalidInput`."""
        ...

    async def delete(self, key: str) -> None:
        """Remove `key`; removing an absent key does nothing."""
        ...

    async def list(self, prefix: str) -> dict[str, bytes]:
        """Every key starting with `prefix`, with its value."""
        ...

    def watch(self, prefix: str) -> AsyncIterator[dict[str, bytes]]:
        """``list(prefix)`` at once, then again only when it changes.

        While the backend is unreachable nothing is yielded: the last state stands.
        """
        ...


@asynccontextmanager
async def registration(discovery: Discovery, instance: ServiceInstance) -> AsyncIterator[None]:
    """Keep `instance` registered while the block runs; deregister on the way out."""
    await discovery.register(instance)
    try:
        yield
    finally:
        try:
            await discovery.deregister(instance.id)
        except Unavailable as exc:
            # Shutting down must not fail for it: the backend drops the instance anyway
            # once its health check has been critical for long enough.
            log.warning("could not deregister %s: %s", instance.id, exc)


_WILDCARD_HOSTS: Final = frozenset({"", "0.0.0.0", "::", "[::]"})


def advertised_host(bind_host: str, advertise_host: str | None = None) -> str:
    """The host other processes reach a service at: `advertise_host` when given, else
    the bind address, or this machine's name when that is a wildcard."""
    if advertise_host:
        return advertise_host
    return socket.gethostname() if bind_host in _WILDCARD_HOSTS else bind_host
