"""Two registry versions of one model for deployment tests: version 1 is the demo
classifier (INPUT0 [-1, 64] FP32 -> OUTPUT0 [-1, 10]), version 2 the same graph with
other weights, so that an answer tells which version served it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper

from maas.demo_models import write_demo_repository


@dataclass(frozen=True)
class Versions:
    paths: dict[int, Path]

    @classmethod
    def write(cls, root: Path) -> Versions:
        write_demo_repository(root)
        v1 = root / "mlp_classifier" / "1" / "model.onnx"
        model = onnx.load(str(v1))
        weights = model.graph.initializer[0]
        scaled = numpy_helper.to_array(weights) * -2
        weights.CopyFrom(numpy_helper.from_array(scaled, weights.name))
        v2 = root / "mlp_v2.onnx"
        onnx.save(model, str(v2))
        return cls({1: v1, 2: v2})

    def expected(self, version: int, batch: np.ndarray) -> np.ndarray:
        """What `version` answers for `batch`, run by ONNX Runtime in this process."""
        session = ort.InferenceSession(str(self.paths[version]))
        output: np.ndarray = session.run(None, {"INPUT0": batch})[0]
        return output
