"""The backend contract: what the worker needs from a runtime, and nothing more.

A backend reads an artifact's signature (`describe`), loads it into a `LoadedModel`
(`load`), and a loaded model runs whole batches (`infer`) until it is `unload`ed.
ONNX Runtime implements it for CPUs; a TensorRT backend follows the same contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from maas.worker.spec import ModelSpec, TensorSpec


@dataclass(frozen=True, slots=True)
class Signature:
    """Inputs and outputs as the artifact declares them, batch dimension included.

    A dynamic dimension is -1. `ModelSpec` is derived from it when no config says
    otherwise (a dynamic first dimension means the model batches).
    """

    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]


class LoadedModel(Protocol):
    """One model version in memory, with `spec.instance_count` execution instances."""

    @property
    def memory_bytes(self) -> int:
        """Best estimate of memory held by this model (reported in statistics)."""
        ...

    def infer(
        self, inputs: Mapping[str, np.ndarray], outputs: Sequence[str]
    ) -> dict[str, np.ndarray]:
        """Run one batch; blocking, safe to call from `instance_count` threads at once.

        `inputs` have full shapes (batch dimension first when the model batches);
        the result holds exactly the requested `outputs`.
        """
        ...

    def unload(self) -> None:
        """Release everything the model holds; no `infer` call is running or follows."""
        ...


class Backend(Protocol):
    """A runtime for one artifact format."""

    @property
    def platform(self) -> str:
        """Triton's platform string, e.g. ``onnxruntime_onnx``."""
        ...

    @property
    def name(self) -> str:
        """Triton's backend string, e.g. ``onnxruntime``."""
        ...

    def describe(self, artifact: Path) -> Signature:
        """Read the artifact's inputs and outputs without loading it for inference."""
        ...

    def load(self, spec: ModelSpec, artifact: Path) -> LoadedModel:
        """Load and warm up; raise `maas.errors.InvalidInput` for a bad artifact."""
        ...
