"""The inference use case: resolve the model, validate, schedule, account.

Each request is counted and timed in its model version's `ModelMetrics`. Under a
recording span (a sampled trace) it also gets an `infer` span, current while it is
decoded and queued so the batcher can link its batch to it, with a `decode` child; an
unsampled or untraced request pays one check for all of that.
"""

from __future__ import annotations

import time

import numpy as np
from opentelemetry import trace
from opentelemetry.trace import Span

from maas.telemetry import tracing
from maas.worker.models import ModelManager, ServedVersion
from maas.worker.requests import InferRequest, InferResult, OutputTensor
from maas.worker.scheduling import Job
from maas.worker.validation import prepare_job

Outputs = dict[str, np.ndarray]


class InferenceService:
    def __init__(self, models: ModelManager) -> None:
        self._models = models

    async def infer(self, request: InferRequest) -> InferResult:
        started = time.monotonic_ns()
        served = self._models.resolve(request.model_name, request.model_version)
        metrics = served.metrics
        parent = tracing.recording_span()
        metrics.in_flight += 1
        try:
            if parent is None:
                job = prepare_job(served.spec, request)
                produced = await _submit(served, job, started)
            else:
                job, produced = await _infer_traced(parent, served, request, started)
        except BaseException as exc:
            metrics.failed(exc)
            metrics.request_seconds.observe((time.monotonic_ns() - started) / 1e9)
            raise
        finally:
            metrics.in_flight -= 1
        metrics.success.inc()
        metrics.request_seconds.observe(
            (time.monotonic_ns() - started) / 1e9,
            None if parent is None else tracing.exemplar(parent),
        )
        spec = served.spec
        outputs = []
        for name in job.outputs:
            declared = spec.output(name)
            assert declared is not None  # prepare_job checked every requested name
            outputs.append(OutputTensor(name, declared.datatype, produced[name]))
        return InferResult(request.model_name, str(served.version), request.id, outputs)


async def _submit(served: ServedVersion, job: Job, started: int) -> Outputs:
    try:
        produced = await served.scheduler.submit(job)
    except BaseException:
        served.stats.record_request(
            ok=False, duration_ns=time.monotonic_ns() - started, batch_size=job.batch_size
        )
        raise
    served.stats.record_request(
        ok=True, duration_ns=time.monotonic_ns() - started, batch_size=job.batch_size
    )
    return produced


async def _infer_traced(
    parent: Span, served: ServedVersion, request: InferRequest, started: int
) -> tuple[Job, Outputs]:
    span = tracing.start_child("infer", parent, time.time_ns())
    span.set_attributes(
        {
            "maas.model.name": served.spec.name,
            "maas.model.version": str(served.version),
            "maas.request.id": request.id,
        }
    )
    # Current while queued: the batcher reads the submitter's span from the context.
    with trace.use_span(span, end_on_exit=True):
        decoding = time.time_ns()
        job = prepare_job(served.spec, request)
        tracing.record_span("decode", span, decoding, time.time_ns())
        span.set_attribute("maas.batch.size", job.batch_size)
        return job, await _submit(served, job, started)
