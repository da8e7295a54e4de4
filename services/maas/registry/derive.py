"""Deriving a version from its parent, and measuring what the derivation cost in accuracy.

Runs in a child process (see `children`). FP16 uses
ONNX Runtime's float16 converter; INT8 its dynamic quantizer. The derived model then
passes the same checks as an upload, and both models are run by ONNX Runtime on the
same generated inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

import numpy as np
import onnx
import onnxruntime as ort
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers import float16
from onnxruntime.transformers.onnx_model import OnnxModel

from maas.errors import InvalidInput
from maas.registry.domain import (
    AccuracyReport,
    DeriveOutcome,
    DeriveTask,
    OutputAccuracy,
    Signature,
    Transform,
)
from maas.registry.validation import signature_of, validate_onnx
from maas.worker.datatypes import NUMPY_DTYPES, DataType

_INTEGER_HIGH: Final = 10
_WEIGHT_TYPES: Final = {"int8": QuantType.QInt8, "uint8": QuantType.QUInt8}


def derive(task: DeriveTask) -> DeriveOutcome:
    parent, output = task.parent_path, task.output_path
    if task.transform is Transform.FP16:
        _to_fp16(parent, output, keep_io_types=task.parameters["keep_io_types"] == "true")
    else:
        _quantize_int8(parent, output, task.parameters)
    signature = validate_onnx(output)
    accuracy = compare(parent, output, samples=task.samples, seed=task.seed)
    return DeriveOutcome(signature=signature, accuracy=accuracy)


def _to_fp16(parent: Path, output: Path, *, keep_io_types: bool) -> None:
    converted = float16.convert_float_to_float16(str(parent), keep_io_types=keep_io_types)
    # The converter appends its Cast nodes at the end of the graph, which the ONNX
    # checker refuses: put the nodes back in dependency order.
    model = OnnxModel(converted)
    model.topological_sort()
    onnx.save(model.model, str(output))


def _quantize_int8(parent: Path, output: Path, parameters: Mapping[str, str]) -> None:
    quantize_dynamic(
        str(parent),
        str(output),
        per_channel=parameters["per_channel"] == "true",
        reduce_range=parameters["reduce_range"] == "true",
        weight_type=_WEIGHT_TYPES[parameters["weight_type"]],
    )


def sample_inputs(signature: Signature, *, samples: int, seed: int) -> list[dict[str, np.ndarray]]:
    """`samples` single-item feeds for a model with this signature; the seed fixes them.

    Dimensions that are not fixed are 1. Floats are standard normal, integers uniform
    in [0, 10), booleans fair coins.
    """
    rng = np.random.default_rng(seed)
    feeds = []
    for _ in range(samples):
        feed = {}
        for tensor in signature.inputs:
            shape = tuple(1 if d < 0 else d for d in tensor.shape)
            dtype = NUMPY_DTYPES[tensor.datatype]
            if tensor.datatype is DataType.BYTES:
                raise InvalidInput(
                    f"input {tensor.name!r} holds strings, for which no test inputs can be made"
                )
            if dtype.kind == "f" or tensor.datatype is DataType.BF16:
                feed[tensor.name] = rng.standard_normal(shape).astype(dtype)
            elif dtype.kind == "b":
                feed[tensor.name] = rng.integers(0, 2, shape).astype(dtype)
            else:
                feed[tensor.name] = rng.integers(0, _INTEGER_HIGH, shape).astype(dtype)
        feeds.append(feed)
    return feeds


def compare(parent: Path, derived: Path, *, samples: int, seed: int) -> AccuracyReport:
    """Run both models on the same generated inputs and report how far apart they are."""
    parent_session = _session(parent)
    derived_session = _session(derived)
    parent_signature = signature_of(onnx.load(str(parent), load_external_data=False))
    derived_types = {i.name: i.type for i in derived_session.get_inputs()}
    names = [o.name for o in parent_session.get_outputs()]
    errors: dict[str, list[np.ndarray]] = {name: [] for name in names}
    agreements: dict[str, list[np.ndarray]] = {name: [] for name in names}
    for feed in sample_inputs(parent_signature, samples=samples, seed=seed):
        expected = parent_session.run(names, feed)
        # The derived model may take other input types (FP16 without keep_io_types).
        derived_feed = {k: _as_input(v, derived_types[k]) for k, v in feed.items()}
        got = derived_session.run(names, derived_feed)
        for name, want, have in zip(names, expected, got, strict=True):
            want64, have64 = want.astype(np.float64), have.astype(np.float64)
            diff = np.abs(want64 - have64)
            # Both NaN is agreement; anything else non-finite is a broken derivation.
            diff[np.isnan(want64) & np.isnan(have64)] = 0.0
            if not np.all(np.isfinite(diff)):
                raise InvalidInput(
                    f"the derived model gives non-finite values for output {name!r} "
                    "where its parent does not"
                )
            errors[name].append(diff.ravel())
            if want.dtype.kind == "f" and want.ndim >= 2 and want.shape[-1] > 1:
                agreements[name].append((want.argmax(axis=-1) == have.argmax(axis=-1)).ravel())
    outputs = tuple(_output_accuracy(name, errors[name], agreements[name]) for name in names)
    every = np.concatenate([np.concatenate(errors[name]) for name in names])
    return AccuracyReport(
        samples=samples,
        seed=seed,
        max_abs_error=float(every.max(initial=0.0)),
        mean_abs_error=float(every.mean()) if every.size else 0.0,
        outputs=outputs,
        parent_size_bytes=parent.stat().st_size,
        size_bytes=derived.stat().st_size,
    )


def _output_accuracy(
    name: str, errors: list[np.ndarray], agreements: list[np.ndarray]
) -> OutputAccuracy:
    diff = np.concatenate(errors)
    return OutputAccuracy(
        name=name,
        max_abs_error=float(diff.max(initial=0.0)),
        mean_abs_error=float(diff.mean()) if diff.size else 0.0,
        top1_agreement=float(np.concatenate(agreements).mean()) if agreements else None,
    )


def _session(path: Path) -> ort.InferenceSession:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


_FLOAT_TYPES: Final = {
    "tensor(float)": np.float32,
    "tensor(float16)": np.float16,
    "tensor(double)": np.float64,
}


def _as_input(value: np.ndarray, ort_type: str) -> np.ndarray:
    dtype = _FLOAT_TYPES.get(ort_type)
    return value if dtype is None else value.astype(dtype, copy=False)
