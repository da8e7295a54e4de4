"""The inference use case: resolve the model, validate, schedule, account."""

from __future__ import annotations

import time

from maas.worker.models import ModelManager
from maas.worker.requests import InferRequest, InferResult, OutputTensor
from maas.worker.validation import prepare_job


class InferenceService:
    def __init__(self, models: ModelManager) -> None:
        self._models = models

    async def infer(self, request: InferRequest) -> InferResult:
        started = time.monotonic_ns()
        served = self._models.resolve(request.model_name, request.model_version)
        job = prepare_job(served.spec, request)
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
        spec = served.spec
        outputs = []
        for name in job.outputs:
            declared = spec.output(name)
            assert declared is not None  # prepare_job checked every requested name
            outputs.append(OutputTensor(name, declared.datatype, produced[name]))
        return InferResult(request.model_name, str(served.version), request.id, outputs)
