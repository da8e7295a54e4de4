"""In-memory discovery, leader election and key-value store for all-in-one mode.

Everything lives in one process and one event loop, so there is nothing to health-check
over the network: a registered instance is healthy until it is deregistered, and a
contender leads from the moment the key is free. Changes wake watchers through a
"generation" event that is replaced on every change, so a watcher can never miss a
wake-up between reading the state and starting to wait.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import replace

from maas.discovery.base import MAX_VALUE_BYTES, Leadership, ServiceInstance
from maas.errors import InvalidInput, NotFound


class _Generation:
    """Wakes every waiter on each change; a waiter holds the event of the state it saw."""

    def __init__(self) -> None:
        self.event = asyncio.Event()

    def bump(self) -> None:
        self.event.set()
        self.event = asyncio.Event()


class InProcessDiscovery:
    """A registry shared by the services of one process."""

    def __init__(self) -> None:
        self._instances: dict[str, ServiceInstance] = {}
        self._generation = _Generation()

    async def register(self, instance: ServiceInstance) -> None:
        self._instances[instance.id] = instance
        self._generation.bump()

    async def update_meta(self, instance_id: str, meta: Mapping[str, str]) -> None:
        instance = self._instances.get(instance_id)
        if instance is None:
            raise NotFound(f"service instance '{instance_id}' is not registered")
        self._instances[instance_id] = replace(instance, meta=meta)
        self._generation.bump()

    async def deregister(self, instance_id: str) -> None:
        if self._instances.pop(instance_id, None) is not None:
            self._generation.bump()

    async def watch(self, service: str) -> AsyncIterator[tuple[ServiceInstance, ...]]:
        last: tuple[ServiceInstance, ...] | None = None
        while True:
            changed = self._generation.event
            current = tuple(
                sorted(
                    (i for i in self._instances.values() if i.service == service),
                    key=lambda i: i.id,
                )
            )
            if current != last:
                last = current
                yield current
            await changed.wait()


class InProcessLeaderElection:
    """First come, first served; on release the longest-waiting contender leads."""

    def __init__(self) -> None:
        self._holders: dict[str, Leadership] = {}
        self._waiting: dict[str, deque[Leadership]] = {}

    @asynccontextmanager
    async def leadership(self, key: str, instance_id: str) -> AsyncIterator[Leadership]:
        # One process, one loop: a contender can only stop leading by leaving, so the
        # instance's health plays no part here.
        del instance_id
        lead = Leadership()
        if key in self._holders:
            self._waiting.setdefault(key, deque()).append(lead)
        else:
            self._holders[key] = lead
            lead.set(True)
        try:
            yield lead
        finally:
            self._leave(key, lead)

    def _leave(self, key: str, lead: Leadership) -> None:
        lead.set(False)
        waiting = self._waiting.get(key, deque())
        if self._holders.get(key) is lead:
            del self._holders[key]
            if waiting:
                successor = waiting.popleft()
                self._holders[key] = successor
                successor.set(True)
        elif lead in waiting:
            waiting.remove(lead)
        if not waiting:
            self._waiting.pop(key, None)


class InProcessKeyValueStore:
    """A dict; "durable" for the life of the process (all-in-one keeps its desired
    state in SQLite instead)."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self._generation = _Generation()

    async def get(self, key: str) -> bytes | None:
        return self._data.get(key)

    async def put(self, key: str, value: bytes) -> None:
        # Consul's limit, so that state that fits here fits in distributed mode too.
        if len(value) > MAX_VALUE_BYTES:
            raise InvalidInput(f"value of '{key}' is larger than {MAX_VALUE_BYTES} bytes")
        if self._data.get(key) != value:
            self._data[key] = bytes(value)
            self._generation.bump()

    async def delete(self, key: str) -> None:
        if self._data.pop(key, None) is not None:
            self._generation.bump()

    async def list(self, prefix: str) -> dict[str, bytes]:
        return {k: v for k, v in self._data.items() if k.startswith(prefix)}

    async def watch(self, prefix: str) -> AsyncIterator[dict[str, bytes]]:
        last: dict[str, bytes] | None = None
        while True:
            changed = self._generation.event
            current = await self.list(prefix)
            if current != last:
                last = current
                yield current
            await changed.wait()
