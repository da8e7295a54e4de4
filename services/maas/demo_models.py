"""A small Triton-layout model repository for demos, tests and benchmarks.

Every model is built with `onnx.helper` from seeded weights, so the same repository
comes out on every machine. Models are stamped IR version 10 with opset 21 (ONNX 1.16),
which every ONNX Runtime we support (1.20 and later) runs.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

IR_VERSION: Final = 10
OPSET: Final = 21

_BATCH: Final = "batch"

# No queue delay (Triton's default): batches still form from whatever queued while the
# instance was busy, so a lone caller pays no waiting and a crowd gets large batches.
_MLP_CONFIG: Final = """\
name: "mlp_classifier"
platform: "onnxruntime_onnx"
max_batch_size: 64
input [ { name: "INPUT0", data_type: TYPE_FP32, dims: [ 64 ] } ]
output [ { name: "OUTPUT0", data_type: TYPE_FP32, dims: [ 10 ] } ]
instance_group [ { kind: KIND_CPU, count: 1 } ]
dynamic_batching { preferred_batch_size: [ 16, 32 ] }
"""

_RESNET_CONFIG: Final = """\
name: "resnet_lite"
platform: "onnxruntime_onnx"
max_batch_size: 32
input [ { name: "INPUT0", data_type: TYPE_FP32, dims: [ 3, 32, 32 ] } ]
output [ { name: "OUTPUT0", data_type: TYPE_FP32, dims: [ 10 ] } ]
dynamic_batching { }
"""

_STRING_CONFIG: Final = """\
name: "string_identity"
backend: "onnxruntime"
max_batch_size: 8
input [ { name: "INPUT0", data_type: TYPE_STRING, dims: [ -1 ] } ]
output [ { name: "OUTPUT0", data_type: TYPE_STRING, dims: [ -1 ] } ]
"""

# Listing the full shape [-1] keeps auto-complete from inventing a batch dimension.
_IDENTITY_CONFIG: Final = """\
name: "identity_fp32"
platform: "onnxruntime_onnx"
max_batch_size: 0
input [ { name: "INPUT0", data_type: TYPE_FP32, dims: [ -1 ] } ]
output [ { name: "OUTPUT0", data_type: TYPE_FP32, dims: [ -1 ] } ]
"""


def write_demo_repository(root: Path) -> list[str]:
    """Write every demo model under `root` and return all their names.

    A model whose directory already exists is left alone, so calling this again is
    cheap. Each model is written into a hidden directory first and renamed into place,
    so a reader never sees half a model.
    """
    root.mkdir(parents=True, exist_ok=True)
    for name, (build, config) in _DEMOS.items():
        if not (root / name).exists():
            _write_model(root, name, build(), config)
    return list(_DEMOS)


def _write_model(root: Path, name: str, model: onnx.ModelProto, config: str | None) -> None:
    onnx.checker.check_model(model, full_check=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    try:
        (staging / "1").mkdir()
        onnx.save(model, str(staging / "1" / "model.onnx"))
        if config is not None:
            (staging / "config.pbtxt").write_text(config, encoding="utf-8")
        staging.rename(root / name)
    except OSError:
        # Another writer got there first; its copy is the same model.
        if not (root / name).is_dir():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _model(graph: onnx.GraphProto) -> onnx.ModelProto:
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="maas"
    )
    model.ir_version = IR_VERSION
    return model


def _tensor(name: str, elem_type: int, shape: list[int | str]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, elem_type, shape)


def _weights(name: str, rng: np.random.Generator, shape: tuple[int, ...]) -> onnx.TensorProto:
    fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
    values = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
    return numpy_helper.from_array(values.astype(np.float32), name)


def _mlp_classifier() -> onnx.ModelProto:
    rng = np.random.default_rng(1)
    nodes = [
        helper.make_node("Gemm", ["INPUT0", "w1", "b1"], ["h1"]),
        helper.make_node("Relu", ["h1"], ["a1"]),
        helper.make_node("Gemm", ["a1", "w2", "b2"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["OUTPUT0"], axis=-1),
    ]
    initializers = [
        _weights("w1", rng, (64, 128)),
        numpy_helper.from_array(np.full(128, 0.01, dtype=np.float32), "b1"),
        _weights("w2", rng, (128, 10)),
        numpy_helper.from_array(np.zeros(10, dtype=np.float32), "b2"),
    ]
    graph = helper.make_graph(
        nodes,
        "mlp_classifier",
        [_tensor("INPUT0", TensorProto.FLOAT, [_BATCH, 64])],
        [_tensor("OUTPUT0", TensorProto.FLOAT, [_BATCH, 10])],
        initializers,
    )
    return _model(graph)


def _resnet_lite() -> onnx.ModelProto:
    rng = np.random.default_rng(2)

    def conv(x: str, w: str, out: str) -> onnx.NodeProto:
        return helper.make_node("Conv", [x, w, f"{w}_b"], [out], pads=[1, 1, 1, 1])

    nodes = [
        conv("INPUT0", "stem", "s"),
        helper.make_node("Relu", ["s"], ["s_act"]),
        conv("s_act", "block1", "b1"),
        helper.make_node("Relu", ["b1"], ["b1_act"]),
        conv("b1_act", "block2", "b2"),
        helper.make_node("Add", ["b2", "s_act"], ["residual"]),
        helper.make_node("Relu", ["residual"], ["r_act"]),
        helper.make_node("GlobalAveragePool", ["r_act"], ["pooled"]),
        helper.make_node("Flatten", ["pooled"], ["features"], axis=1),
        helper.make_node("Gemm", ["features", "fc", "fc_b"], ["OUTPUT0"]),
    ]
    initializers = [
        _weights("stem", rng, (16, 3, 3, 3)),
        _weights("block1", rng, (16, 16, 3, 3)),
        _weights("block2", rng, (16, 16, 3, 3)),
        _weights("fc", rng, (16, 10)),
    ]
    initializers += [
        numpy_helper.from_array(np.zeros(size, dtype=np.float32), f"{name}_b")
        for name, size in (("stem", 16), ("block1", 16), ("block2", 16), ("fc", 10))
    ]
    graph = helper.make_graph(
        nodes,
        "resnet_lite",
        [_tensor("INPUT0", TensorProto.FLOAT, [_BATCH, 3, 32, 32])],
        [_tensor("OUTPUT0", TensorProto.FLOAT, [_BATCH, 10])],
        initializers,
    )
    return _model(graph)


def _add_sub() -> onnx.ModelProto:
    shape: list[int | str] = [_BATCH, 16]
    graph = helper.make_graph(
        [
            helper.make_node("Add", ["INPUT0", "INPUT1"], ["OUTPUT0"]),
            helper.make_node("Sub", ["INPUT0", "INPUT1"], ["OUTPUT1"]),
        ],
        "add_sub",
        [_tensor("INPUT0", TensorProto.INT32, shape), _tensor("INPUT1", TensorProto.INT32, shape)],
        [
            _tensor("OUTPUT0", TensorProto.INT32, shape),
            _tensor("OUTPUT1", TensorProto.INT32, shape),
        ],
    )
    return _model(graph)


def _identity(name: str, elem_type: int, shape: list[int | str]) -> Callable[[], onnx.ModelProto]:
    def build() -> onnx.ModelProto:
        graph = helper.make_graph(
            [helper.make_node("Identity", ["INPUT0"], ["OUTPUT0"])],
            name,
            [_tensor("INPUT0", elem_type, shape)],
            [_tensor("OUTPUT0", elem_type, shape)],
        )
        return _model(graph)

    return build


_DEMOS: Final[dict[str, tuple[Callable[[], onnx.ModelProto], str | None]]] = {
    "mlp_classifier": (_mlp_classifier, _MLP_CONFIG),
    "resnet_lite": (_resnet_lite, _RESNET_CONFIG),
    # No config: Triton's classic example, completed from the artifact alone.
    "add_sub": (_add_sub, None),
    "string_identity": (
        _identity("string_identity", TensorProto.STRING, [_BATCH, "n"]),
        _STRING_CONFIG,
    ),
    "identity_fp32": (_identity("identity_fp32", TensorProto.FLOAT, ["n"]), _IDENTITY_CONFIG),
}
