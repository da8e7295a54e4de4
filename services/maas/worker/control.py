"""The control use case: replicas of registry versions placed on this worker by the
scheduler, and the status it places them by.

A replica is one registry artifact served as one version of one model name. Loading is
idempotent: the same request again (artifact and config) answers at once, while another
artifact or config under the same name and version replaces the replica once the new
one is ready. A failed load leaves whatever served under that name and version serving.
`WorkerStatus` reports every replica this API placed, together with the memory taken by
every model, however it was loaded.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Final

import maas
from maas.errors import InvalidInput
from maas.worker.artifacts import ArtifactRef, Artifacts
from maas.worker.backends.base import Backend
from maas.worker.config_codec import parse_json
from maas.worker.models import ModelManager
from maas.worker.repository import define_model

# Discovery meta a worker registers with, read by the scheduler to place replicas.
META_VERSION: Final = "maas_version"
META_BACKENDS: Final = "backends"
META_MEMORY_CAPACITY: Final = "memory_capacity_bytes"


class ReplicaState(StrEnum):
    LOADING = "LOADING"
    READY = "READY"
    UNLOADING = "UNLOADING"
    FAILED = "FAILED"


@dataclass(frozen=True, slots=True, order=True)
class ReplicaKey:
    """The model name and version inference requests reach a replica by."""

    served_name: str
    served_version: int


@dataclass(frozen=True, slots=True)
class LoadReplica:
    key: ReplicaKey
    artifact: ArtifactRef
    # Triton's ModelConfig as JSON; empty completes everything from the artifact.
    config_json: str = ""


@dataclass(frozen=True, slots=True)
class Replica:
    key: ReplicaKey
    artifact: ArtifactRef
    state: ReplicaState
    reason: str = ""
    memory_bytes: int = 0


@dataclass(frozen=True, slots=True)
class WorkerStatus:
    replicas: tuple[Replica, ...]
    memory_capacity_bytes: int
    memory_used_bytes: int
    backends: tuple[str, ...]
    inflight_requests: int


@dataclass(frozen=True, slots=True)
class _Record:
    request: LoadReplica
    state: ReplicaState
    reason: str = ""


class ReplicaControl:
    """Loads, unloads and reports the replicas the scheduler places here."""

    def __init__(
        self,
        models: ModelManager,
        artifacts: Artifacts,
        backend: Backend,
        memory_capacity_bytes: int,
    ) -> None:
        self._models = models
        self._artifacts = artifacts
        self._backend = backend
        self._capacity = memory_capacity_bytes
        self._records: dict[ReplicaKey, _Record] = {}
        # Calls for one replica run one after another. Locks are kept once made: one
        # per name and version ever placed here is little, and dropping a lock that a
        # caller waits on would let the next caller past it.
        self._locks: defaultdict[ReplicaKey, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def load(self, request: LoadReplica) -> Replica:
        """Serve the artifact as the requested replica once it is ready (warmed up)."""
        _validate(request)
        key = request.key
        async with self._locks[key]:
            current = self._records.get(key)
            serving = self._models.find(key.served_name, key.served_version) is not None
            if current is not None and current.request == request and serving:
                return self._view(current)
            self._records[key] = _Record(request, ReplicaState.LOADING)
            try:
                await self._load(request)
            except BaseException as exc:
                if serving and current is not None:
                    # The version loaded before still serves: it is what the key means.
                    self._records[key] = current
                else:
                    reason = str(exc) or type(exc).__name__
                    self._records[key] = _Record(request, ReplicaState.FAILED, reason)
                raise
            record = self._records[key] = _Record(request, ReplicaState.READY)
            return self._view(record)

    async def unload(self, key: ReplicaKey) -> None:
        """Stop routing to the replica and free it once accepted requests are done."""
        async with self._locks[key]:
            record = self._records.get(key)
            if record is not None:
                self._records[key] = replace(record, state=ReplicaState.UNLOADING)
            try:
                await self._models.unload_version(key.served_name, key.served_version)
            finally:
                self._records.pop(key, None)

    def status(self) -> WorkerStatus:
        replicas = tuple(
            self._view(record)
            for key, record in sorted(self._records.items())
            # A replica unloaded through the repository API is gone, whatever we recorded.
            if record.state is not ReplicaState.READY
            or self._models.find(key.served_name, key.served_version) is not None
        )
        served = [s for _, s in self._models.served()]
        # The inference use case keeps in-flight counts per model version for the
        # metrics (process-wide: one worker per process); summing the served versions'
        # costs nothing on the request path. Versions draining after an unload are
        # no longer counted.
        inflight = sum(s.metrics.in_flight for s in served)
        return WorkerStatus(
            replicas=replicas,
            memory_capacity_bytes=self._capacity,
            memory_used_bytes=sum(s.model.memory_bytes for s in served),
            backends=(self._backend.name,),
            inflight_requests=inflight,
        )

    async def _load(self, request: LoadReplica) -> None:
        key = request.key
        artifact = await self._artifacts.fetch(request.artifact)
        config = parse_json(request.config_json) if request.config_json else None
        definition = await asyncio.to_thread(
            define_model,
            key.served_name,
            config,
            self._backend,
            {key.served_version: artifact},
        )
        await self._models.load_version(key.served_name, key.served_version, definition)

    def _view(self, record: _Record) -> Replica:
        key = record.request.key
        served = self._models.find(key.served_name, key.served_version)
        return Replica(
            key=key,
            artifact=record.request.artifact,
            state=record.state,
            reason=record.reason,
            memory_bytes=served.model.memory_bytes if served is not None else 0,
        )


def registration_meta(status: WorkerStatus) -> dict[str, str]:
    """What a worker announces in discovery, for placement before it is ever asked."""
    return {
        META_VERSION: maas.__version__,
        META_BACKENDS: ",".join(status.backends),
        META_MEMORY_CAPACITY: str(status.memory_capacity_bytes),
    }


def _validate(request: LoadReplica) -> None:
    # Zero is what an unset proto3 field reads as, never a real version.
    if not request.key.served_name or request.key.served_version < 1:
        raise InvalidInput("a replica needs a served_name and a served_version >= 1")
    if not request.artifact.model or request.artifact.version < 1:
        raise InvalidInput("a replica's artifact needs a registry model and a version >= 1")
