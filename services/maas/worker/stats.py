"""Per-model-version counters in Triton's ModelStatistics shape.

Kept honest because perf_analyzer reads them: `inference_count` counts samples (batch
size per request), `execution_count` counts backend runs (a batch counts once), and
every duration is cumulative nanoseconds with its count.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass(slots=True)
class Duration:
    count: int = 0
    ns: int = 0

    def add(self, ns: int, count: int = 1) -> None:
        self.count += count
        self.ns += ns


@dataclass(slots=True)
class BatchStats:
    compute_input: Duration = field(default_factory=Duration)
    compute_infer: Duration = field(default_factory=Duration)
    compute_output: Duration = field(default_factory=Duration)


@dataclass(slots=True)
class ModelStats:
    """Cumulative statistics of one model version since it was loaded."""

    last_inference_ms: int = 0
    inference_count: int = 0
    execution_count: int = 0
    success: Duration = field(default_factory=Duration)
    fail: Duration = field(default_factory=Duration)
    queue: Duration = field(default_factory=Duration)
    compute_input: Duration = field(default_factory=Duration)
    compute_infer: Duration = field(default_factory=Duration)
    compute_output: Duration = field(default_factory=Duration)
    batches: dict[int, BatchStats] = field(default_factory=dict)

    def record_request(self, *, ok: bool, duration_ns: int, batch_size: int) -> None:
        """One request finished (successfully or not) after `duration_ns` in the server."""
        self.last_inference_ms = time.time_ns() // 1_000_000
        if ok:
            self.success.add(duration_ns)
            self.inference_count += batch_size
        else:
            self.fail.add(duration_ns)

    def record_queue(self, ns: int) -> None:
        self.queue.add(ns)

    def record_execution(
        self, *, batch_size: int, requests: int, input_ns: int, infer_ns: int, output_ns: int
    ) -> None:
        """One backend run of `batch_size` samples gathered from `requests` requests.

        Triton attributes compute time to each request (count = requests) and to the
        batch once (batch_stats count = 1).
        """
        self.execution_count += 1
        self.compute_input.add(input_ns * requests, requests)
        self.compute_infer.add(infer_ns * requests, requests)
        self.compute_output.add(output_ns * requests, requests)
        batch = self.batches.setdefault(batch_size, BatchStats())
        batch.compute_input.add(input_ns)
        batch.compute_infer.add(infer_ns)
        batch.compute_output.add(output_ns)
