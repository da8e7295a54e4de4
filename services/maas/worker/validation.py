"""Check an inference request against a model's spec and turn it into a `Job`.

The rules and messages follow Triton's request normalisation, since clients and users
match on them: every listed problem is INVALID_ARGUMENT (`InvalidInput`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from maas.errors import InvalidInput, echo
from maas.worker.datatypes import parse_datatype
from maas.worker.requests import InferRequest, InputTensor
from maas.worker.scheduling import Job
from maas.worker.spec import ModelSpec, TensorSpec
from maas.worker.tensors import decode_raw, decode_typed, dims_text


def prepare_job(spec: ModelSpec, request: InferRequest) -> Job:
    """A validated job for `request`, or InvalidInput naming the first problem."""
    model = spec.name
    required = [t for t in spec.inputs if not t.optional]
    names = [t.name for t in request.inputs]
    if len(set(names)) != len(names):
        raise InvalidInput(f"duplicate inference input names in request for model '{model}'")
    for tensor in request.inputs:
        if spec.input(tensor.name) is None:
            raise InvalidInput(
                f"unexpected inference input '{echo(tensor.name)}' for model '{model}'"
            )
    missing = [t.name for t in required if t.name not in names]
    if missing:
        raise InvalidInput(
            f"expected {len(required)} inputs but got {len(request.inputs)} inputs for model "
            f"'{model}'. Got input(s) {_quoted(names)}, but missing required input(s) "
            f"{_quoted(missing)}. Please provide all required input(s)."
        )

    batch_size = 0
    inputs: dict[str, np.ndarray] = {}
    for tensor in request.inputs:
        declared = spec.input(tensor.name)
        assert declared is not None
        batch_size = _check_shape(spec, declared, tensor, batch_size)
        inputs[tensor.name] = _decode(spec, declared, tensor)

    outputs = tuple(request.outputs) or tuple(t.name for t in spec.outputs)
    if len(set(outputs)) != len(outputs):
        raise InvalidInput(f"duplicate requested output names for model '{model}'")
    for name in outputs:
        if spec.output(name) is None:
            raise InvalidInput(f"unexpected inference output '{echo(name)}' for model '{model}'")
    return Job(
        inputs=inputs,
        outputs=outputs,
        batch_size=batch_size if spec.batched else 1,
        priority=request.priority,
        timeout_us=request.timeout_us,
    )


def _check_shape(spec: ModelSpec, declared: TensorSpec, tensor: InputTensor, batch: int) -> int:
    model = spec.name
    datatype = parse_datatype(tensor.datatype)
    if datatype is not declared.datatype:
        raise InvalidInput(
            f"inference input '{echo(tensor.name)}' data-type is '{echo(tensor.datatype)}', "
            f"but model '{model}' expects '{declared.datatype}'"
        )
    shape = tensor.shape
    if any(d < 0 for d in shape):
        raise InvalidInput(
            f"All input dimensions should be specified for input '{echo(tensor.name)}' for model "
            f"'{model}', got {dims_text(shape)}"
        )
    per_sample = shape
    if spec.batched:
        if not shape:
            raise InvalidInput(
                f"input '{echo(tensor.name)}' has no shape but model requires batch dimension for "
                f"'{model}'"
            )
        if batch and shape[0] != batch:
            raise InvalidInput(
                f"input '{echo(tensor.name)}' batch size does not match other inputs for '{model}'"
            )
        batch = shape[0]
        if batch > spec.max_batch_size:
            raise InvalidInput(
                f"inference request batch-size must be <= {spec.max_batch_size} for '{model}'"
            )
        if batch == 0:
            raise InvalidInput(f"inference request batch-size must be >= 1 for '{model}'")
        per_sample = shape[1:]
    if not _matches(per_sample, declared.dims):
        expected = ((-1,) if spec.batched else ()) + declared.dims
        note = (
            " NOTE: Setting a non-zero max_batch_size in the model config requires a batch "
            "dimension to be prepended to each input shape. If you want to specify the full "
            "shape including the batch dim in your input dims config, try setting "
            "max_batch_size to zero. See the model configuration docs for more info on "
            "max_batch_size."
            if spec.batched
            else ""
        )
        raise InvalidInput(
            f"unexpected shape for input '{echo(tensor.name)}' for model '{model}'. Expected "
            f"{dims_text(expected)}, got {dims_text(shape)}.{note}"
        )
    return batch


def _decode(spec: ModelSpec, declared: TensorSpec, tensor: InputTensor) -> np.ndarray:
    if tensor.raw is not None:
        return decode_raw(tensor.name, spec.name, declared.datatype, tensor.shape, tensor.raw)
    if tensor.values is None:
        raise InvalidInput(
            f"unable to find data for input tensor '{echo(tensor.name)}' for model '{spec.name}' "
            "in request."
        )
    if declared.datatype not in tensor.values_datatypes:
        raise InvalidInput(
            f"unexpected explicit tensor data for input tensor '{echo(tensor.name)}' for model "
            f"'{spec.name}' of type {declared.datatype}, expected datatype to match the "
            "contents field"
        )
    return decode_typed(tensor.name, spec.name, declared.datatype, tensor.shape, tensor.values)


def _matches(shape: Sequence[int], dims: Sequence[int]) -> bool:
    return len(shape) == len(dims) and all(
        d == -1 or d == s for s, d in zip(shape, dims, strict=True)
    )


def _quoted(names: Sequence[str]) -> str:
    return echo(", ".join(f"'{n}'" for n in names))
