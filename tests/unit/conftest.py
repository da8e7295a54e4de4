"""Fixtures for unit tests that need real ONNX files and a real ONNX Runtime backend."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import onnx
import pytest
from onnx import helper

from maas.worker.backends.onnxruntime import OnnxRuntimeBackend


class OnnxWriter(Protocol):
    def __call__(
        self,
        path: Path,
        nodes: Sequence[onnx.NodeProto],
        inputs: Sequence[onnx.ValueInfoProto],
        outputs: Sequence[onnx.ValueInfoProto],
        initializers: Sequence[onnx.TensorProto] = (),
    ) -> Path: ...


def _write_onnx(
    path: Path,
    nodes: Sequence[onnx.NodeProto],
    inputs: Sequence[onnx.ValueInfoProto],
    outputs: Sequence[onnx.ValueInfoProto],
    initializers: Sequence[onnx.TensorProto] = (),
) -> Path:
    graph = helper.make_graph(list(nodes), "test", list(inputs), list(outputs), list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21)])
    model.ir_version = 10
    onnx.checker.check_model(model)
    path.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(path))
    return path


@pytest.fixture
def write_onnx() -> OnnxWriter:
    """Writes a checked single-graph ONNX model (IR 10, opset 21) to a path."""
    return _write_onnx


@pytest.fixture
def backend() -> OnnxRuntimeBackend:
    return OnnxRuntimeBackend()
