"""The models a worker serves: loading, reloading, unloading and lookup by version.

Triton's model-control semantics: a (re)load builds every selected version beside what
is serving and swaps them in only when all are ready, so traffic never sees a half-loaded
model; an unload stops routing first, lets accepted requests finish, then frees memory.

The scheduler places replicas one version at a time instead (`load_version`,
`unload_version`): a rolling update loads v2 beside v1, requests naming no version move to
v2 as soon as it is ready, and unloading v1 then drains it without touching v2. The two
styles may be mixed on one name; a whole-model (re)load replaces every version there is
at the moment it swaps in.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from maas.errors import InvalidInput, MaasError, NotFound, Unavailable, echo
from maas.names import parse_version
from maas.telemetry import metrics, tracing
from maas.telemetry.metrics import ModelMetrics, model_metrics
from maas.worker.backends.base import Backend, LoadedModel
from maas.worker.scheduling import Scheduler
from maas.worker.spec import ModelSpec
from maas.worker.stats import ModelStats

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ModelDefinition:
    """A model as its source describes it: the complete spec and one artifact per version."""

    spec: ModelSpec
    versions: dict[int, Path]


class ModelSource(Protocol):
    """Where model definitions come from (a model repository directory, the registry)."""

    def list_models(self) -> list[str]:
        """Names of every model the source holds."""
        ...

    def read(
        self, name: str, config_json: str | None = None, files: Mapping[str, bytes] | None = None
    ) -> ModelDefinition:
        """The definition of `name`, with `config_json` (Triton's ModelConfig as JSON)
        replacing the stored configuration and `files` ("<version>/<file>" -> content)
        replacing its artifacts when given. NotFound / InvalidInput."""
        ...


# Builds the request scheduler of (spec, version number) over a loaded model.
SchedulerFactory = Callable[[ModelSpec, int, LoadedModel, ModelStats], Awaitable[Scheduler]]


class ModelState(StrEnum):
    LOADING = "LOADING"
    READY = "READY"
    UNLOADING = "UNLOADING"
    UNAVAILABLE = "UNAVAILABLE"


@dataclass(slots=True)
class ServedVersion:
    """One ready model version with its scheduler, Triton statistics and metrics."""

    version: int
    spec: ModelSpec
    model: LoadedModel
    scheduler: Scheduler
    stats: ModelStats = field(default_factory=ModelStats)
    # Looked up once here rather than on every request.
    metrics: ModelMetrics = field(init=False)

    def __post_init__(self) -> None:
        self.metrics = model_metrics(self.spec.name, self.version)


@dataclass(slots=True)
class _Entry:
    state: ModelState = ModelState.UNAVAILABLE
    reason: str = ""
    versions: dict[int, ServedVersion] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    name: str
    version: str
    state: ModelState | None
    reason: str


class ModelManager:
    """Owns every loaded model version of a worker."""

    def __init__(self, source: ModelSource, backend: Backend, schedulers: SchedulerFactory) -> None:
        self._source = source
        self._backend = backend
        self._schedulers = schedulers
        self._entries: dict[str, _Entry] = {}

    async def load(
        self, name: str, config_json: str | None = None, files: Mapping[str, bytes] | None = None
    ) -> None:
        """Load `name`, or reload it, optionally with an overriding config and files."""
        entry = self._entries.setdefault(name, _Entry())
        async with entry.lock:
            if not entry.versions:
                entry.state, entry.reason = ModelState.LOADING, ""
            try:
                definition = await asyncio.to_thread(self._source.read, name, config_json, files)
                fresh = await self._load_versions(definition)
            except BaseException as exc:
                if not entry.versions:
                    entry.state, entry.reason = ModelState.UNAVAILABLE, str(exc)
                    if isinstance(exc, NotFound):
                        del self._entries[name]
                if isinstance(exc, MaasError) and not isinstance(exc, NotFound):
                    raise InvalidInput(f"load failed for model '{name}': {exc}") from exc
                raise
            # What serves now, not what served when the load began: a version loaded on
            # its own meanwhile is replaced too, rather than left running unreachable.
            retiring, entry.versions = entry.versions, fresh
            entry.state, entry.reason = ModelState.READY, ""
            await self._retire(list(retiring.values()))
        log.info("model %s ready, versions %s", name, sorted(fresh))

    async def load_version(self, name: str, version: int, definition: ModelDefinition) -> None:
        """Serve `definition.versions[version]` as `version` of `name`, beside the versions
        already served; a version served under that number is replaced once the new one
        is ready. Raises what the backend raised, leaving every served version as it was.

        Calls for one (name, version) must not overlap: the caller orders them.
        """
        entry = self._entries.setdefault(name, _Entry())
        if not entry.versions:
            entry.state, entry.reason = ModelState.LOADING, ""
        single = ModelDefinition(definition.spec, {version: definition.versions[version]})
        try:
            fresh = await self._load_versions(single)
        except BaseException as exc:
            if not entry.versions:
                entry.state, entry.reason = ModelState.UNAVAILABLE, str(exc)
            raise
        # A whole-model load or unload may have replaced the entry while this one loaded.
        entry = self._entries.setdefault(name, _Entry())
        replaced = entry.versions.get(version)
        entry.versions[version] = fresh[version]
        entry.state, entry.reason = ModelState.READY, ""
        if replaced is not None:
            await self._retire([replaced])
        log.info("model %s version %d ready", name, version)

    async def unload_version(self, name: str, version: int) -> None:
        """Stop routing to one version of `name` and free it once its accepted requests
        have finished; the other versions keep serving. Unknown versions are ignored."""
        entry = self._entries.get(name)
        served = entry.versions.pop(version, None) if entry is not None else None
        if entry is None or served is None:
            return
        if not entry.versions:
            entry.state, entry.reason = ModelState.UNLOADING, ""
        await self._retire([served])
        # A version loaded while this one drained keeps the model READY.
        if not entry.versions:
            entry.state, entry.reason = ModelState.UNAVAILABLE, "unloaded"
        log.info("model %s version %d unloaded", name, version)

    async def unload(self, name: str) -> None:
        """Stop serving `name`; requests already accepted still complete."""
        entry = self._entries.get(name)
        if entry is None:
            # Triton answers an unload of an unknown model with success.
            return
        async with entry.lock:
            retiring = list(entry.versions.values())
            entry.versions = {}
            entry.state, entry.reason = ModelState.UNLOADING, ""
            await self._retire(retiring)
            entry.state, entry.reason = ModelState.UNAVAILABLE, "unloaded"
        log.info("model %s unloaded", name)

    def resolve(self, name: str, version: str) -> ServedVersion:
        """The version a request names ("" is the newest ready one)."""
        number = parse_version(version)
        entry = self._entries.get(name)
        if entry is None:
            raise NotFound(f"Request for unknown model: '{echo(name)}' is not found")
        if not entry.versions:
            if entry.state in (ModelState.LOADING, ModelState.UNLOADING):
                raise Unavailable(
                    f"Request for model '{echo(name)}' is not at ready state: {entry.state}"
                )
            raise NotFound(f"Request for unknown model: '{echo(name)}' has no available versions")
        if number is None:
            return entry.versions[max(entry.versions)]
        served = entry.versions.get(number)
        if served is None:
            raise NotFound(
                f"Request for unknown model: '{echo(name)}' version {number} is not found"
            )
        return served

    def served(self, name: str = "", version: str = "") -> list[tuple[str, ServedVersion]]:
        """Every ready (name, version), filtered like ModelStatistics ("" matches all)."""
        if name:
            if version:
                return [(name, self.resolve(name, version))]
            self.resolve(name, "")
            return [(name, v) for _, v in sorted(self._entries[name].versions.items())]
        return [
            (n, v)
            for n, entry in sorted(self._entries.items())
            for _, v in sorted(entry.versions.items())
        ]

    def find(self, name: str, version: int) -> ServedVersion | None:
        """The ready `version` of `name`, or None."""
        entry = self._entries.get(name)
        return entry.versions.get(version) if entry is not None else None

    def ready_versions(self, name: str) -> list[int]:
        self.resolve(name, "")
        return sorted(self._entries[name].versions)

    def index(self, ready_only: bool = False) -> list[IndexEntry]:
        """Every model of the source and every model known here, with its state."""
        names = set(self._entries)
        if not ready_only:
            names.update(self._source.list_models())
        rows: list[IndexEntry] = []
        for name in sorted(names):
            entry = self._entries.get(name)
            if entry is None:
                rows.append(IndexEntry(name, "", None, ""))
            elif entry.versions:
                rows.extend(
                    IndexEntry(name, str(v), entry.state, entry.reason)
                    for v in sorted(entry.versions)
                )
            elif not ready_only:
                rows.append(IndexEntry(name, "", entry.state, entry.reason))
        return rows

    async def close(self) -> None:
        """Unload everything (draining accepted requests)."""
        for name in list(self._entries):
            await self.unload(name)

    async def _load_versions(self, definition: ModelDefinition) -> dict[int, ServedVersion]:
        spec = definition.spec
        loaded: dict[int, ServedVersion] = {}
        try:
            for number, artifact in sorted(definition.versions.items()):
                attributes = {"maas.model.name": spec.name, "maas.model.version": number}
                with tracing.span("model.load", attributes):
                    started = time.monotonic()
                    model = await asyncio.to_thread(self._backend.load, spec, artifact)
                    stats = ModelStats()
                    try:
                        scheduler = await self._schedulers(spec, number, model, stats)
                    except BaseException:
                        await asyncio.to_thread(model.unload)
                        raise
                seconds = time.monotonic() - started
                loaded[number] = ServedVersion(number, spec, model, scheduler, stats)
                metrics.record_load(spec.name, number, model.memory_bytes, seconds)
                log.info("loaded %s version %d in %.3fs", spec.name, number, seconds)
        except BaseException:
            metrics.record_load_failure(spec.name)
            await self._retire(list(loaded.values()))
            raise
        return loaded

    @staticmethod
    async def _retire(versions: list[ServedVersion]) -> None:
        for served in versions:
            started = time.monotonic()
            await served.scheduler.close()
            ok = True
            try:
                await asyncio.to_thread(served.model.unload)
            except Exception:
                ok = False
                log.exception("unloading %s version %d failed", served.spec.name, served.version)
            metrics.record_unload(
                served.spec.name,
                served.version,
                served.model.memory_bytes,
                time.monotonic() - started,
                ok=ok,
            )
