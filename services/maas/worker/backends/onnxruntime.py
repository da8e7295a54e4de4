"""ONNX Runtime on CPU: Triton's `onnxruntime_onnx` platform as a `Backend`.

Each model instance is its own `InferenceSession`; a call takes an idle one from a queue,
so `instance_count` threads run at once, as Triton's instance groups do. Two tensor
kinds need care because ONNX Runtime's numpy interface knows neither as we hold them:

- BYTES: ONNX Runtime string tensors take and return Python `str` (a `bytes` element
  would be stored as its repr), so elements travel as UTF-8 text and come back as
  `bytes`; a non-UTF-8 element is refused with `InvalidInput`.
- BF16: numpy has no bfloat16, so inputs go in as `OrtValue`s typed BFLOAT16, and a
  request for a BF16 output runs through `run_with_ort_values`, copying the result out
  of ONNX Runtime's buffer. That path takes no string inputs, so a model with both BF16
  outputs and BYTES inputs is refused at load.
"""

from __future__ import annotations

import ctypes
import gc
import os
import queue
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np
import onnx
import onnxruntime as ort
from google.protobuf.message import DecodeError
from onnx import TensorProto
from onnxruntime.capi import onnxruntime_pybind11_state as ort_state

from maas.errors import InvalidInput, Unavailable
from maas.worker.backends.base import Signature
from maas.worker.datatypes import NUMPY_DTYPES, DataType
from maas.worker.spec import ModelSpec, TensorSpec

_ELEMENT_TYPES: Final[dict[int, DataType]] = {
    TensorProto.BOOL: DataType.BOOL,
    TensorProto.UINT8: DataType.UINT8,
    TensorProto.UINT16: DataType.UINT16,
    TensorProto.UINT32: DataType.UINT32,
    TensorProto.UINT64: DataType.UINT64,
    TensorProto.INT8: DataType.INT8,
    TensorProto.INT16: DataType.INT16,
    TensorProto.INT32: DataType.INT32,
    TensorProto.INT64: DataType.INT64,
    TensorProto.FLOAT16: DataType.FP16,
    TensorProto.FLOAT: DataType.FP32,
    TensorProto.DOUBLE: DataType.FP64,
    TensorProto.STRING: DataType.BYTES,
    TensorProto.BFLOAT16: DataType.BF16,
}

# Every error ONNX Runtime raises while building a session from a user's artifact.
_LOAD_ERRORS: Final[tuple[type[Exception], ...]] = (
    ort_state.Fail,
    ort_state.InvalidArgument,
    ort_state.NoSuchFile,
    ort_state.NoModel,
    ort_state.InvalidProtobuf,
    ort_state.InvalidGraph,
    ort_state.NotImplemented,
    ort_state.RuntimeException,
    ort_state.EPFail,
)

_WARM_UP_ERRORS: Final[tuple[type[Exception], ...]] = (InvalidInput, *_LOAD_ERRORS)

_PROVIDERS: Final = ["CPUExecutionProvider"]


class OnnxRuntimeBackend:
    """Runs `.onnx` artifacts on ONNX Runtime's CPU execution provider.

    Thread settings come from the config's parameters under Triton's names,
    `intra_op_thread_count` and `inter_op_thread_count` (0 lets ONNX Runtime choose).
    By default each instance gets an equal share of the CPUs this process may use, at
    least one, so that `instance_count` sessions running together do not oversubscribe
    the cores; the inter-op pool serves only the parallel execution mode, which is not
    used, so it gets one thread. Idle threads do not spin: a worker hosts many sessions
    side by side, and a spinning pool takes cores from its neighbours.
    """

    @property
    def platform(self) -> str:
        return "onnxruntime_onnx"

    @property
    def name(self) -> str:
        return "onnxruntime"

    def describe(self, artifact: Path) -> Signature:
        """Read graph inputs (initializers excluded) and outputs; unknown dims are -1."""
        try:
            model = onnx.load(str(artifact), load_external_data=False)
        except (OSError, DecodeError) as e:
            raise InvalidInput(f"cannot read ONNX model {artifact.name}: {e}") from e
        graph = model.graph
        initializers = {i.name for i in graph.initializer}
        return Signature(
            inputs=tuple(_tensor_spec(v) for v in graph.input if v.name not in initializers),
            outputs=tuple(_tensor_spec(v) for v in graph.output),
        )

    def load(self, spec: ModelSpec, artifact: Path) -> OnnxRuntimeModel:
        """Create `spec.instance_count` sessions and run one warm-up inference on each."""
        _check_bf16_path(spec)
        options = _session_options(spec)
        try:
            sessions = [
                ort.InferenceSession(str(artifact), sess_options=options, providers=_PROVIDERS)
                for _ in range(spec.instance_count)
            ]
        except _LOAD_ERRORS as e:
            raise InvalidInput(f"failed to load model '{spec.name}': {e}") from e
        memory = artifact.stat().st_size * spec.instance_count
        model = OnnxRuntimeModel(spec, sessions, memory)
        try:
            model.warm_up()
        except _WARM_UP_ERRORS as e:
            model.unload()
            raise InvalidInput(f"failed to load model '{spec.name}': warm-up failed: {e}") from e
        return model


class OnnxRuntimeModel:
    """A loaded model: `infer` may be called from `instance_count` threads at once."""

    def __init__(self, spec: ModelSpec, sessions: list[Any], memory_bytes: int) -> None:
        self._spec = spec
        self._instances = len(sessions)
        self._idle: queue.SimpleQueue[Any] = queue.SimpleQueue()
        for session in sessions:
            self._idle.put(session)
        self._memory_bytes = memory_bytes
        self._closed = False
        self._bf16_inputs = frozenset(_names(spec.inputs, DataType.BF16))
        self._bf16_outputs = frozenset(_names(spec.outputs, DataType.BF16))
        self._bytes_inputs = frozenset(_names(spec.inputs, DataType.BYTES))

    @property
    def memory_bytes(self) -> int:
        """Artifact size times instance count: each session holds its own weights.

        An estimate; it leaves out ONNX Runtime's arenas and per-session workspace.
        """
        return self._memory_bytes

    def infer(
        self, inputs: Mapping[str, np.ndarray], outputs: Sequence[str]
    ) -> dict[str, np.ndarray]:
        """Run one batch on an idle instance; outputs are C-contiguous, BYTES as bytes."""
        if self._closed:
            raise Unavailable(f"model '{self._spec.name}' is unloaded")
        names = list(outputs)
        feed = {name: self._to_ort(name, array) for name, array in inputs.items()}
        session = self._idle.get()
        try:
            if self._bf16_outputs.intersection(names):
                results = _run_with_ort_values(session, names, feed)
            else:
                results = [_from_numpy(r) for r in _run(session, names, feed)]
        except ort_state.InvalidArgument as e:
            raise InvalidInput(f"model '{self._spec.name}': {e}") from e
        finally:
            self._idle.put(session)
        return dict(zip(names, results, strict=True))

    def warm_up(self) -> None:
        """One inference per instance on zeros (empty strings), batch 1, free dims 1."""
        inputs = {t.name: _zeros(t, self._spec.batched) for t in self._spec.inputs}
        outputs = [t.name for t in self._spec.outputs]
        # The idle queue is FIFO, so consecutive calls visit every instance once.
        for _ in range(self._instances):
            self.infer(inputs, outputs)

    def unload(self) -> None:
        """Drop every session so ONNX Runtime frees their weights and arenas."""
        self._closed = True
        while not self._idle.empty():
            self._idle.get_nowait()
        gc.collect()

    def _to_ort(self, name: str, array: np.ndarray) -> Any:
        if name in self._bytes_inputs:
            return _to_text(name, array)
        array = np.ascontiguousarray(array)
        if name in self._bf16_inputs:
            return ort.OrtValue.ortvalue_from_numpy_with_onnx_type(
                array.view(np.uint16), TensorProto.BFLOAT16
            )
        return array


def _tensor_spec(value: onnx.ValueInfoProto) -> TensorSpec:
    if value.type.WhichOneof("value") != "tensor_type":
        raise InvalidInput(f"tensor '{value.name}' is not a plain tensor")
    tensor_type = value.type.tensor_type
    datatype = _ELEMENT_TYPES.get(tensor_type.elem_type)
    if datatype is None:
        elem = onnx.helper.tensor_dtype_to_string(tensor_type.elem_type)
        raise InvalidInput(f"tensor '{value.name}' has unsupported element type {elem}")
    if not tensor_type.HasField("shape"):
        raise InvalidInput(f"tensor '{value.name}' declares no shape")
    dims = tuple(d.dim_value if d.HasField("dim_value") else -1 for d in tensor_type.shape.dim)
    return TensorSpec(value.name, datatype, dims)


def _check_bf16_path(spec: ModelSpec) -> None:
    if any(t.datatype is DataType.BF16 for t in spec.outputs) and any(
        t.datatype is DataType.BYTES for t in spec.inputs
    ):
        raise InvalidInput(
            f"failed to load model '{spec.name}': BF16 outputs together with BYTES inputs "
            "are not supported by ONNX Runtime's Python API"
        )


def _session_options(spec: ModelSpec) -> Any:
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = _thread_count(
        spec, "intra_op_thread_count", max(1, _usable_cpus() // spec.instance_count)
    )
    options.inter_op_num_threads = _thread_count(spec, "inter_op_thread_count", 1)
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    return options


def _thread_count(spec: ModelSpec, key: str, default: int) -> int:
    text = spec.parameters.get(key)
    if text is None:
        return default
    try:
        count = int(text)
    except ValueError:
        count = -1
    if count < 0:
        raise InvalidInput(f"model '{spec.name}': parameter {key} '{text}' must be an int >= 0")
    return count


def _usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _names(tensors: Sequence[TensorSpec], datatype: DataType) -> list[str]:
    return [t.name for t in tensors if t.datatype is datatype]


def _run(session: Any, names: list[str], feed: dict[str, Any]) -> list[np.ndarray]:
    results: list[np.ndarray] = session.run(names, feed)
    return results


def _run_with_ort_values(session: Any, names: list[str], feed: dict[str, Any]) -> list[np.ndarray]:
    values = {
        name: v if isinstance(v, ort.OrtValue) else ort.OrtValue.ortvalue_from_numpy(v)
        for name, v in feed.items()
    }
    return [_from_ort_value(v) for v in session.run_with_ort_values(names, values)]


def _from_ort_value(value: Any) -> np.ndarray:
    if value.data_type() != "tensor(bfloat16)":
        return _from_numpy(value.numpy())
    size = value.tensor_size_in_bytes()
    # OrtValue.numpy() has no bfloat16; copy the bytes before the OrtValue is freed.
    raw = ctypes.string_at(value.data_ptr(), size) if size else b""
    return np.frombuffer(raw, dtype=NUMPY_DTYPES[DataType.BF16]).reshape(value.shape()).copy()


def _from_numpy(array: np.ndarray) -> np.ndarray:
    if array.dtype == np.object_:
        return _to_bytes(array)
    return np.ascontiguousarray(array)


def _to_text(name: str, array: np.ndarray) -> np.ndarray:
    text = np.empty(array.shape, dtype=np.object_)
    text.reshape(-1)[:] = [_decode(name, element) for element in array.reshape(-1)]
    return text


def _decode(name: str, element: object) -> str:
    if isinstance(element, str):
        return element
    if not isinstance(element, bytes):
        raise InvalidInput(f"input '{name}': BYTES elements must be bytes")
    try:
        return element.decode()
    except UnicodeDecodeError as e:
        raise InvalidInput(
            f"input '{name}': ONNX Runtime string tensors hold UTF-8 text, got {e.reason} "
            f"at byte {e.start}"
        ) from e


def _to_bytes(array: np.ndarray) -> np.ndarray:
    encoded = np.empty(array.shape, dtype=np.object_)
    encoded.reshape(-1)[:] = [str(element).encode() for element in array.reshape(-1)]
    return encoded


def _zeros(tensor: TensorSpec, batched: bool) -> np.ndarray:
    shape = ((1,) if batched else ()) + tuple(d if d >= 0 else 1 for d in tensor.dims)
    if tensor.datatype is DataType.BYTES:
        return np.full(shape, b"", dtype=np.object_)
    return np.zeros(shape, dtype=NUMPY_DTYPES[tensor.datatype])
