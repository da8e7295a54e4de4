"""The ONNX checks run at upload, called directly on real files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from maas.errors import InvalidInput
from maas.registry.domain import OpsetId, Signature, TensorSignature
from maas.registry.validation import validate_onnx
from maas.worker.datatypes import DataType
from tests.registry.conftest import mlp


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "artifact.part"
    path.write_bytes(data)
    return path


def _model(graph: onnx.GraphProto, opset: int = 17) -> onnx.ModelProto:
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], ir_version=9)


def test_signature_is_read_from_the_graph(tmp_path: Path) -> None:
    assert validate_onnx(_write(tmp_path, mlp(classes=4))) == Signature(
        inputs=(TensorSignature("x", DataType.FP32, (-1, 16)),),
        outputs=(TensorSignature("probs", DataType.FP32, (-1, 4)),),
        ir_version=9,
        opsets=(OpsetId("", 17),),
    )


def test_initializers_listed_as_inputs_are_not_inputs(tmp_path: Path) -> None:
    w = numpy_helper.from_array(np.ones((2,), np.float32), "w")
    graph = helper.make_graph(
        [helper.make_node("Add", ["x", "w"], ["y"])],
        "g",
        [
            helper.make_tensor_value_info("x", TensorProto.FLOAT, [2]),
            helper.make_tensor_value_info("w", TensorProto.FLOAT, [2]),
        ],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])],
        [w],
    )
    signature = validate_onnx(_write(tmp_path, _model(graph).SerializeToString()))
    assert [t.name for t in signature.inputs] == ["x"]


@pytest.mark.parametrize("data", [b"", b"hello, not a model", bytes(range(256)) * 40])
def test_bytes_that_are_not_onnx_are_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InvalidInput, match=r"not an ONNX model|not a valid ONNX model"):
        validate_onnx(_write(tmp_path, data))


def test_a_graph_the_checker_rejects_is_refused(tmp_path: Path) -> None:
    graph = helper.make_graph(
        [helper.make_node("Relu", ["missing"], ["y"])],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])],
    )
    with pytest.raises(InvalidInput, match="not a valid ONNX model") as refused:
        validate_onnx(_write(tmp_path, _model(graph).SerializeToString()))
    # The server's staging path means nothing to the uploader and stays private.
    assert str(tmp_path) not in str(refused.value)


def test_a_model_onnx_runtime_cannot_load_is_refused(tmp_path: Path) -> None:
    # Valid ONNX (the checker does not know custom domains), but no runtime implements
    # the operator, so ONNX Runtime refuses to build a session.
    graph = helper.make_graph(
        [helper.make_node("NoSuchOperator", ["x"], ["y"], domain="com.example")],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])],
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.example", 1)],
        ir_version=9,
    )
    onnx.checker.check_model(model)
    with pytest.raises(InvalidInput, match="ONNX Runtime cannot load the model"):
        validate_onnx(_write(tmp_path, model.SerializeToString()))


def test_external_data_is_refused(tmp_path: Path) -> None:
    w = numpy_helper.from_array(np.ones((4,), np.float32), "w")
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    w.external_data.add(key="location", value="../../etc/passwd")
    graph = helper.make_graph(
        [helper.make_node("Add", ["x", "w"], ["y"])],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4])],
        [w],
    )
    with pytest.raises(InvalidInput, match="external data"):
        validate_onnx(_write(tmp_path, _model(graph).SerializeToString()))


def test_outputs_without_a_shape_are_refused(tmp_path: Path) -> None:
    graph = helper.make_graph(
        [helper.make_node("Relu", ["x"], ["y"])],
        "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)],
    )
    with pytest.raises(InvalidInput, match=r"not a valid ONNX model: .*'shape'"):
        validate_onnx(_write(tmp_path, _model(graph).SerializeToString()))
