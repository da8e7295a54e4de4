"""Checking an ONNX artifact and reading its signature.

Runs in a child process (see `children`): the checks load the whole model, twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import onnx
import onnx.checker
import onnxruntime as ort
from google.protobuf.message import DecodeError

from maas.errors import InvalidInput
from maas.registry.domain import OpsetId, Signature, TensorSignature
from maas.worker.datatypes import DataType

_DATATYPES: Final[dict[int, DataType]] = {
    onnx.TensorProto.BOOL: DataType.BOOL,
    onnx.TensorProto.UINT8: DataType.UINT8,
    onnx.TensorProto.UINT16: DataType.UINT16,
    onnx.TensorProto.UINT32: DataType.UINT32,
    onnx.TensorProto.UINT64: DataType.UINT64,
    onnx.TensorProto.INT8: DataType.INT8,
    onnx.TensorProto.INT16: DataType.INT16,
    onnx.TensorProto.INT32: DataType.INT32,
    onnx.TensorProto.INT64: DataType.INT64,
    onnx.TensorProto.FLOAT16: DataType.FP16,
    onnx.TensorProto.FLOAT: DataType.FP32,
    onnx.TensorProto.DOUBLE: DataType.FP64,
    onnx.TensorProto.STRING: DataType.BYTES,
    onnx.TensorProto.BFLOAT16: DataType.BF16,
}


def validate_onnx(path: Path) -> Signature:
    """The signature of the ONNX model at `path`, or `InvalidInput` saying what is wrong."""
    try:
        model = onnx.load(str(path), load_external_data=False)
    except (DecodeError, RuntimeWarning, ValueError) as exc:
        raise InvalidInput(f"not an ONNX model: the bytes do not parse as one ({exc})") from None
    if any(_uses_external_data(t) for t in _tensors(model.graph)):
        # Such a model would name files on the registry's own disk: it must be
        # uploaded as one self-contained file.
        raise InvalidInput("not a self-contained ONNX model: it refers to external data files")
    try:
        # By path, so that models over protobuf's 2 GiB message limit are checked too.
        onnx.checker.check_model(str(path), full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as exc:
        raise InvalidInput(f"not a valid ONNX model: {_scrub(exc, path)}") from None
    _load_with_onnxruntime(path)
    return signature_of(model)


def signature_of(model: onnx.ModelProto) -> Signature:
    graph = model.graph
    initializers = {t.name for t in graph.initializer}
    return Signature(
        # Before IR 4 initializers were listed among the inputs; callers never feed them.
        inputs=_tensor_signatures("input", [i for i in graph.input if i.name not in initializers]),
        outputs=_tensor_signatures("output", graph.output),
        ir_version=model.ir_version,
        opsets=tuple(OpsetId(o.domain, o.version) for o in model.opset_import),
    )


def _load_with_onnxruntime(path: Path) -> None:
    options = ort.SessionOptions()
    # Loading is the check; optimizing the graph would only take longer.
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    options.intra_op_num_threads = 1
    try:
        ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise InvalidInput(f"ONNX Runtime cannot load the model: {_scrub(exc, path)}") from None


def _tensor_signatures(
    kind: str, values: Sequence[onnx.ValueInfoProto]
) -> tuple[TensorSignature, ...]:
    return tuple(_tensor_signature(kind, v) for v in values)


def _tensor_signature(kind: str, value: onnx.ValueInfoProto) -> TensorSignature:
    if value.type.WhichOneof("value") != "tensor_type":
        raise InvalidInput(f"{kind} {value.name!r} is not a tensor; only tensors can be served")
    tensor = value.type.tensor_type
    datatype = _DATATYPES.get(tensor.elem_type)
    if datatype is None:
        name = onnx.TensorProto.DataType.Name(tensor.elem_type)
        raise InvalidInput(
            f"{kind} {value.name!r} is of type {name}, which the inference protocol cannot carry"
        )
    shape = tuple(d.dim_value if d.HasField("dim_value") else -1 for d in tensor.shape.dim)
    return TensorSignature(value.name, datatype, shape)


def _tensors(graph: onnx.GraphProto) -> Iterator[onnx.TensorProto]:
    yield from graph.initializer
    for node in graph.node:
        for attr in node.attribute:
            if attr.HasField("t"):
                yield attr.t
            yield from attr.tensors
            if attr.HasField("g"):
                yield from _tensors(attr.g)
            for sub in attr.graphs:
                yield from _tensors(sub)


def _uses_external_data(tensor: onnx.TensorProto) -> bool:
    return tensor.data_location == onnx.TensorProto.EXTERNAL


def _scrub(exc: Exception, path: Path) -> str:
    """The error's text without the staging path, which means nothing to the uploader."""
    return str(exc).replace(str(path), "<artifact>").strip()
