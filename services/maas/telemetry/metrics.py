"""Prometheus metrics of every maas service, defined in this one place.

Names follow Prometheus' conventions: `maas_<service>_<what>_<unit>`, counters ending in
`_total`. Families register with prometheus_client's default registry (beside its
process and Python collectors), so each process exposes what its services record; a
family nothing recorded into shows only its HELP and TYPE lines.

Recording is built for the inference hot path. prometheus_client's own Counter and
Histogram take a lock per update (a histogram two, plus a Python loop over its buckets):
a few microseconds a request, measured here. These families are instead written by one
thread, the process's event loop, where every recording call site runs, with plain
arithmetic (a histogram bisects its bounds in C); the scrape thread only reads, and a
read that races an update is at most one observation behind. Hot-path code never calls
`.labels(...)` per request either: `model_metrics(model, version)` hands out one cached
bundle of children per model version. Queue depth and in-flight requests are integers
read at scrape time.

`serve_metrics` exposes the registry over HTTP with content negotiation: Prometheus
text by default, OpenMetrics (which carries exemplars, the trace ids attached to
histogram buckets while tracing is on) when the scraper asks for it.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from abc import abstractmethod
from bisect import bisect_left
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Final, Generic, TypeVar

from prometheus_client import REGISTRY, start_http_server
from prometheus_client.core import (
    CounterMetricFamily,
    Exemplar,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)
from prometheus_client.registry import Collector

from maas import errors

log = logging.getLogger(__name__)

_MODEL: Final = ("model", "version")

# From a fast CPU model's ~100 us to a large batch on a slow device.
LATENCY_BUCKETS: Final = (
    0.0001,
    0.00025,
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)
BATCH_BUCKETS: Final = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
LOAD_BUCKETS: Final = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


class CounterChild:
    """One label set's counter."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0.0

    def inc(self, amount: float = 1.0) -> None:
        self.value += amount


class HistogramChild:
    """One label set's histogram: a count per bucket (the last is +Inf), the sum, and
    the latest exemplar of each bucket."""

    __slots__ = ("_bounds", "counts", "exemplars", "sum")

    def __init__(self, bounds: tuple[float, ...]) -> None:
        self._bounds = bounds
        self.counts = [0] * len(bounds)
        self.exemplars: list[Exemplar | None] = [None] * len(bounds)
        self.sum = 0.0

    def observe(self, value: float, exemplar: dict[str, str] | None = None) -> None:
        # A bucket counts values <= its bound: the first bound not below the value.
        index = bisect_left(self._bounds, value)
        self.counts[index] += 1
        self.sum += value
        if exemplar is not None:
            self.exemplars[index] = Exemplar(exemplar, value, time.time())


Child = TypeVar("Child", CounterChild, HistogramChild)


class _Family(Collector, Generic[Child]):
    """A metric family with children per label values, made once each and kept."""

    def __init__(self, name: str, documentation: str, labelnames: Sequence[str] = ()) -> None:
        self.name = name
        self.documentation = documentation
        self.labelnames = tuple(labelnames)
        self._children: dict[tuple[str, ...], Child] = {}
        REGISTRY.register(self)

    def labels(self, *values: str) -> Child:
        if len(values) != len(self.labelnames):
            raise ValueError(f"{self.name} takes labels {self.labelnames}, got {values}")
        child = self._children.get(values)
        if child is None:
            child = self._children[values] = self._child()
        return child

    @abstractmethod
    def _child(self) -> Child:
        """A new child, with nothing recorded."""

    def _snapshot(self) -> list[tuple[tuple[str, ...], Child]]:
        # Copied first: the event loop may add a child while a scrape iterates.
        return list(self._children.items())


class CounterFamily(_Family[CounterChild]):
    def _child(self) -> CounterChild:
        return CounterChild()

    def inc(self, amount: float = 1.0) -> None:
        """Increment the family's only child (a family without labels)."""
        self.labels().inc(amount)

    def collect(self) -> Iterable[Metric]:
        family = CounterMetricFamily(self.name, self.documentation, labels=self.labelnames)
        for values, child in self._snapshot():
            family.add_metric(values, child.value)
        yield family


class HistogramFamily(_Family[HistogramChild]):
    def __init__(
        self,
        name: str,
        documentation: str,
        labelnames: Sequence[str],
        buckets: Sequence[float],
    ) -> None:
        super().__init__(name, documentation, labelnames)
        self._bounds = (*sorted(float(b) for b in buckets), math.inf)
        # The `le` label as Prometheus writes it: "0.005", "1.0", "+Inf".
        self._names = tuple("+Inf" if b == math.inf else repr(b) for b in self._bounds)

    def _child(self) -> HistogramChild:
        return HistogramChild(self._bounds)

    def collect(self) -> Iterable[Metric]:
        family = HistogramMetricFamily(self.name, self.documentation, labels=self.labelnames)
        for values, child in self._snapshot():
            total = 0
            buckets: list[tuple[str, float] | tuple[str, float, Exemplar]] = []
            for name, count, exemplar in zip(
                self._names, list(child.counts), list(child.exemplars), strict=True
            ):
                total += count
                buckets.append((name, total) if exemplar is None else (name, total, exemplar))
            family.add_metric(values, buckets, child.sum)
        yield family


# --- worker ------------------------------------------------------------------------------

WORKER_REQUESTS: Final = CounterFamily(
    "maas_worker_requests",
    "Inference requests finished, by model version and outcome "
    "(success, invalid, overloaded, unavailable, cancelled, error).",
    [*_MODEL, "outcome"],
)
WORKER_REQUEST_SECONDS: Final = HistogramFamily(
    "maas_worker_request_duration_seconds",
    "Time from a request reaching the worker's inference use case to its outputs "
    "(validation, queue, compute), successful or not.",
    _MODEL,
    buckets=LATENCY_BUCKETS,
)
WORKER_QUEUE_SECONDS: Final = HistogramFamily(
    "maas_worker_queue_duration_seconds",
    "Time a request waited in its model's queue before its batch started.",
    _MODEL,
    buckets=LATENCY_BUCKETS,
)
WORKER_COMPUTE_SECONDS: Final = HistogramFamily(
    "maas_worker_compute_duration_seconds",
    "Backend execution time of one batch (the model run alone, without gathering "
    "inputs or splitting outputs).",
    _MODEL,
    buckets=LATENCY_BUCKETS,
)
WORKER_BATCH_SIZE: Final = HistogramFamily(
    "maas_worker_batch_size",
    "Samples in each batch a model version executed.",
    _MODEL,
    buckets=BATCH_BUCKETS,
)
WORKER_LOAD_SECONDS: Final = HistogramFamily(
    "maas_worker_model_load_duration_seconds",
    "Time to load one model version (read, load into the backend, warm up).",
    ["model"],
    buckets=LOAD_BUCKETS,
)
WORKER_LOAD_FAILURES: Final = CounterFamily(
    "maas_worker_model_load_failures", "Model loads that failed.", ["model"]
)
WORKER_UNLOAD_SECONDS: Final = HistogramFamily(
    "maas_worker_model_unload_duration_seconds",
    "Time to unload one model version, draining its accepted requests included.",
    ["model"],
    buckets=LOAD_BUCKETS,
)
WORKER_UNLOAD_FAILURES: Final = CounterFamily(
    "maas_worker_model_unload_failures", "Model unloads that failed.", ["model"]
)

# --- gateway -----------------------------------------------------------------------------

GATEWAY_ROUTED: Final = CounterFamily(
    "maas_gateway_routed_requests",
    "Requests the gateway sent to each replica, retries included.",
    ["replica"],
)
GATEWAY_RETRIES: Final = CounterFamily(
    "maas_gateway_retries", "Requests sent to a second replica after the first went away."
)
GATEWAY_ERRORS: Final = CounterFamily(
    "maas_gateway_upstream_errors",
    "Calls to a replica that ended with a status other than OK, by replica and code.",
    ["replica", "code"],
)

# --- registry ----------------------------------------------------------------------------

REGISTRY_UPLOADS: Final = CounterFamily(
    "maas_registry_uploads", "Version uploads finished, by outcome (success, failure).", ["outcome"]
)
REGISTRY_UPLOAD_BYTES: Final = CounterFamily(
    "maas_registry_upload_bytes", "Artifact bytes received by uploads that succeeded."
)
REGISTRY_DOWNLOADS: Final = CounterFamily(
    "maas_registry_downloads",
    "Artifact downloads finished, by outcome (success, failure).",
    ["outcome"],
)
REGISTRY_DOWNLOAD_BYTES: Final = CounterFamily(
    "maas_registry_download_bytes", "Artifact bytes sent by downloads, resumed ones included."
)

# Outcomes of a failed request, most specific class first.
_OUTCOMES: Final[tuple[tuple[type[BaseException], str], ...]] = (
    (errors.InvalidInput, "invalid"),
    (errors.Overloaded, "overloaded"),
    (errors.Unavailable, "unavailable"),
    (errors.Cancelled, "cancelled"),
    (asyncio.CancelledError, "cancelled"),
)


def outcome_of(exc: BaseException) -> str:
    """The `outcome` label of a request that failed with `exc`."""
    for kind, outcome in _OUTCOMES:
        if isinstance(exc, kind):
            return outcome
    return "error"


class ModelMetrics:
    """Labelled children of one model version, plus the live gauges read at scrape.

    `in_flight` is kept by the inference use case; `loaded` and `memory_bytes` by the
    model manager, as counts, since a reload overlaps two instances of one version;
    queue depth is asked of the scheduler currently watched.
    """

    __slots__ = (
        "_outcomes",
        "_queue",
        "batch_size",
        "compute_seconds",
        "in_flight",
        "loaded",
        "memory_bytes",
        "model",
        "queue_seconds",
        "request_seconds",
        "success",
        "version",
    )

    def __init__(self, model: str, version: str) -> None:
        self.model = model
        self.version = version
        self.request_seconds = WORKER_REQUEST_SECONDS.labels(model, version)
        self.queue_seconds = WORKER_QUEUE_SECONDS.labels(model, version)
        self.compute_seconds = WORKER_COMPUTE_SECONDS.labels(model, version)
        self.batch_size = WORKER_BATCH_SIZE.labels(model, version)
        self.success = WORKER_REQUESTS.labels(model, version, "success")
        self._outcomes: dict[str, CounterChild] = {"success": self.success}
        self.in_flight = 0
        self.loaded = 0
        self.memory_bytes = 0
        self._queue: Callable[[], int] | None = None

    def failed(self, exc: BaseException) -> None:
        """Count a request that failed with `exc`."""
        outcome = outcome_of(exc)
        child = self._outcomes.get(outcome)
        if child is None:
            child = WORKER_REQUESTS.labels(self.model, self.version, outcome)
            self._outcomes[outcome] = child
        child.inc()

    def watch_queue(self, queued: Callable[[], int]) -> None:
        """Report queue depth from `queued` (the newest scheduler of the version)."""
        self._queue = queued

    def unwatch_queue(self, queued: Callable[[], int]) -> None:
        """Stop asking `queued`, unless a newer scheduler replaced it already."""
        if self._queue == queued:
            self._queue = None

    def queue_depth(self) -> int:
        return 0 if self._queue is None else self._queue()


_models: dict[tuple[str, int], ModelMetrics] = {}


def model_metrics(model: str, version: int) -> ModelMetrics:
    """The bundle of `model` version `version`, made on first use and then shared."""
    key = (model, version)
    bundle = _models.get(key)
    if bundle is None:
        bundle = _models[key] = ModelMetrics(model, str(version))
    return bundle


def record_load(model: str, version: int, memory_bytes: int, seconds: float) -> None:
    """A model version finished loading and now serves."""
    bundle = model_metrics(model, version)
    bundle.loaded += 1
    bundle.memory_bytes += memory_bytes
    WORKER_LOAD_SECONDS.labels(model).observe(seconds)


def record_load_failure(model: str) -> None:
    WORKER_LOAD_FAILURES.labels(model).inc()


def record_unload(
    model: str, version: int, memory_bytes: int, seconds: float, *, ok: bool = True
) -> None:
    """A model version stopped serving (its memory is released even when `ok` is False:
    the instance is gone either way)."""
    bundle = model_metrics(model, version)
    bundle.loaded -= 1
    bundle.memory_bytes -= memory_bytes
    if ok:
        WORKER_UNLOAD_SECONDS.labels(model).observe(seconds)
    else:
        WORKER_UNLOAD_FAILURES.labels(model).inc()


class _WorkerGauges(Collector):
    """Gauges computed when scraped, from every model version's bundle."""

    def collect(self) -> Iterable[Metric]:
        bundles = list(_models.values())
        loaded = GaugeMetricFamily(
            "maas_worker_model_loaded", "1 while a model version is loaded, else 0.", labels=_MODEL
        )
        memory = GaugeMetricFamily(
            "maas_worker_model_memory_bytes",
            "Memory held by each loaded model version (the backend's estimate).",
            labels=_MODEL,
        )
        depth = GaugeMetricFamily(
            "maas_worker_queue_depth",
            "Requests waiting in each model version's queue.",
            labels=_MODEL,
        )
        in_flight = GaugeMetricFamily(
            "maas_worker_in_flight_requests",
            "Requests inside the worker's inference use case, queued or running.",
            labels=_MODEL,
        )
        for bundle in bundles:
            labels = [bundle.model, bundle.version]
            loaded.add_metric(labels, 1.0 if bundle.loaded > 0 else 0.0)
            memory.add_metric(labels, float(max(bundle.memory_bytes, 0)))
            depth.add_metric(labels, float(bundle.queue_depth()))
            in_flight.add_metric(labels, float(bundle.in_flight))
        yield from (loaded, memory, depth, in_flight)


REGISTRY.register(_WorkerGauges())


@asynccontextmanager
async def serve_metrics(host: str, port: int) -> AsyncIterator[int]:
    """Serve the registry at http://host:port/metrics until the context exits; yields
    the bound port (`port` 0 picks a free one).

    prometheus_client's server runs in its own thread: a scrape never waits for the
    event loop, and the loop never waits for a scrape's encoding.
    """
    server, thread = start_http_server(port, addr=host)
    bound: int = server.server_port
    log.info("metrics on http://%s:%d/metrics", host, bound)
    try:
        yield bound
    finally:
        server.shutdown()
        server.server_close()
        await asyncio.to_thread(thread.join)
