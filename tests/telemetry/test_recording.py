"""What the hot path records, in process: batcher metrics, histogram buckets, and no
tracing machinery at all while tracing is off."""

from __future__ import annotations

import asyncio
from itertools import count

from maas import errors
from maas.telemetry import tracing
from maas.telemetry.metrics import HistogramFamily, ModelMetrics, outcome_of
from maas.telemetry.settings import TelemetrySettings
from maas.worker.batcher import make_scheduler
from maas.worker.spec import BatchingSpec
from maas.worker.stats import ModelStats
from tests.unit.test_batcher import FakeModel, job, spec

_names = count()


def fresh_metrics() -> ModelMetrics:
    # Children live as long as the process: a name per test keeps counts apart.
    return ModelMetrics(f"recording-{next(_names)}", "3")


async def test_the_batcher_records_queue_compute_batch_size_and_depth() -> None:
    metrics = fresh_metrics()
    batching = BatchingSpec(preferred_batch_sizes=(4,), max_queue_delay_us=5_000_000)
    scheduler = make_scheduler(
        spec(8, batching),
        FakeModel(),
        ModelStats(),
        default_max_queue_size=64,
        inline=False,
        metrics=metrics,
    )
    waiting = [asyncio.ensure_future(scheduler.submit(job(float(i)))) for i in range(3)]
    await asyncio.sleep(0.05)
    # Three jobs wait for a fourth (the preferred size) and are seen waiting.
    assert metrics.queue_depth() == 3
    await asyncio.gather(*waiting, scheduler.submit(job(9.0, rows=1)))
    assert metrics.queue_depth() == 0
    assert sum(metrics.queue_seconds.counts) == 4
    assert sum(metrics.compute_seconds.counts) == 1
    assert metrics.compute_seconds.sum > 0
    # One batch of 4 samples: the bucket "le=4" (index 2 of 1, 2, 4, ...).
    assert metrics.batch_size.counts[2] == 1
    assert sum(metrics.batch_size.counts) == 1
    await scheduler.close()
    assert metrics.queue_depth() == 0


async def test_a_closed_scheduler_stops_reporting_only_if_not_replaced() -> None:
    metrics = fresh_metrics()
    old, new = (
        make_scheduler(
            spec(8, None),
            FakeModel(),
            ModelStats(),
            default_max_queue_size=8,
            inline=True,
            metrics=metrics,
        )
        for _ in range(2)
    )
    await old.close()
    assert metrics._queue is not None  # the reload's scheduler still reports
    await new.close()
    assert metrics._queue is None


def test_a_value_on_a_bound_falls_in_that_bucket_and_keeps_its_exemplar() -> None:
    family = HistogramFamily(f"recording_{next(_names)}_seconds", "test", ["k"], [0.1, 1.0])
    child = family.labels("v")
    child.observe(0.1, {"trace_id": "ab" * 16})
    child.observe(0.5)
    child.observe(7.0)
    assert child.counts == [1, 1, 1]
    (metric,) = family.collect()
    samples = {(s.name, s.labels.get("le")): s for s in metric.samples}
    bucket = f"{family.name}_bucket"
    # Cumulative, as Prometheus reads them.
    assert [samples[(bucket, le)].value for le in ("0.1", "1.0", "+Inf")] == [1, 2, 3]
    exemplar = samples[(bucket, "0.1")].exemplar
    assert exemplar is not None
    assert exemplar.labels == {"trace_id": "ab" * 16}
    assert exemplar.value == 0.1
    assert samples[(bucket, "1.0")].exemplar is None
    assert samples[(f"{family.name}_sum", None)].value == 7.6
    assert samples[(f"{family.name}_count", None)].value == 3


def test_outcomes_name_the_failure() -> None:
    assert outcome_of(errors.InvalidInput("x")) == "invalid"
    assert outcome_of(errors.Overloaded("x")) == "overloaded"
    assert outcome_of(errors.Unavailable("x")) == "unavailable"
    assert outcome_of(asyncio.CancelledError()) == "cancelled"
    assert outcome_of(RuntimeError("x")) == "error"


def test_tracing_off_installs_nothing_on_servers() -> None:
    assert not TelemetrySettings().tracing
    assert tracing.tracer() is None
    assert tracing.recording_span() is None
    assert tracing.server_interceptors() == ()
    assert tracing.client_interceptors() == []
