"""The contract between the inference use case and a model's request scheduler.

A `Job` is one validated request for one model version. A `Scheduler` runs jobs on the
model's `LoadedModel`, either one by one (no dynamic batching) or gathered into batches
(`maas.worker.batcher`), and records what it did in the version's `ModelStats`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np


@dataclass(slots=True)
class Job:
    """One request, validated against the model's spec.

    `inputs` hold full shapes; with a batching model, dimension 0 is `batch_size`.
    `outputs` names what to return (already resolved to all outputs when none asked).
    """

    inputs: dict[str, np.ndarray]
    outputs: tuple[str, ...]
    batch_size: int
    # Resolved priority level: 1 is most urgent; 0 means the model's default level.
    priority: int = 0
    # Queue timeout in microseconds from the request, 0 when it set none.
    timeout_us: int = 0


class Scheduler(Protocol):
    """Queues and executes jobs of one model version."""

    async def submit(self, job: Job) -> dict[str, np.ndarray]:
        """Run the job and return its outputs, sliced to its own samples.

        Raises `Overloaded` when the queue is full, `Unavailable` when the job timed out in
        the queue or the scheduler is closing, and whatever the backend raised when the
        batch that carried this job failed (other batches are unaffected).
        """
        ...

    async def close(self) -> None:
        """Stop accepting jobs, finish every job already accepted, then return."""
        ...
