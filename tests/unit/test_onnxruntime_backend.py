"""The ONNX Runtime backend against real sessions on real files."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections.abc import Callable
from pathlib import Path

import ml_dtypes
import numpy as np
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from maas.errors import InvalidInput, Unavailable
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.config_codec import parse_pbtxt, spec_from_config
from maas.worker.datatypes import DataType
from maas.worker.spec import ModelSpec, TensorSpec

Writer = Callable[..., Path]


def spec_for(backend: OnnxRuntimeBackend, path: Path, config: str | None = None) -> ModelSpec:
    parsed = parse_pbtxt(config) if config is not None else None
    return spec_from_config(parsed, "m", backend.describe(path), backend)


def identity(write_onnx: Writer, path: Path, elem_type: int, shape: list[int | str]) -> Path:
    return write_onnx(
        path,
        [helper.make_node("Identity", ["x"], ["y"])],
        [helper.make_tensor_value_info("x", elem_type, shape)],
        [helper.make_tensor_value_info("y", elem_type, shape)],
    )


@pytest.fixture
def mlp(tmp_path: Path, write_onnx: Writer) -> Path:
    """FP32 [batch, 8] -> Gemm -> Relu -> Gemm -> [batch, 3], with a Transpose'd second output."""
    rng = np.random.default_rng(7)
    weights = [
        numpy_helper.from_array(rng.standard_normal((8, 16)).astype(np.float32), "w1"),
        numpy_helper.from_array(rng.standard_normal(16).astype(np.float32), "b1"),
        numpy_helper.from_array(rng.standard_normal((16, 3)).astype(np.float32), "w2"),
    ]
    return write_onnx(
        tmp_path / "mlp.onnx",
        [
            helper.make_node("Gemm", ["x", "w1", "b1"], ["h"]),
            helper.make_node("Relu", ["h"], ["a"]),
            helper.make_node("MatMul", ["a", "w2"], ["y"]),
            helper.make_node("Transpose", ["y"], ["y_t"], perm=[1, 0]),
        ],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 8])],
        [
            helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 3]),
            helper.make_tensor_value_info("y_t", TensorProto.FLOAT, [3, "batch"]),
        ],
        weights,
    )


def test_identity_names() -> None:
    backend = OnnxRuntimeBackend()
    assert (backend.platform, backend.name) == ("onnxruntime_onnx", "onnxruntime")


def test_describe_reads_graph_inputs_without_initializers(
    backend: OnnxRuntimeBackend, tmp_path: Path, write_onnx: Writer
) -> None:
    path = write_onnx(
        tmp_path / "m.onnx",
        [
            helper.make_node("Add", ["a", "bias"], ["s"]),
            helper.make_node("Cast", ["s"], ["c"], to=TensorProto.FLOAT16),
        ],
        [
            helper.make_tensor_value_info("a", TensorProto.DOUBLE, ["n", 2, None]),
            # An input that also has an initializer is a constant with a default, not a feed.
            helper.make_tensor_value_info("bias", TensorProto.DOUBLE, [2, 1]),
        ],
        [helper.make_tensor_value_info("c", TensorProto.FLOAT16, ["n", 2, None])],
        [numpy_helper.from_array(np.ones((2, 1)), "bias")],
    )
    signature = backend.describe(path)
    assert signature.inputs == (TensorSpec("a", DataType.FP64, (-1, 2, -1)),)
    assert signature.outputs == (TensorSpec("c", DataType.FP16, (-1, 2, -1)),)


def test_describe_refuses_unsupported_element_types(
    backend: OnnxRuntimeBackend, tmp_path: Path, write_onnx: Writer
) -> None:
    path = identity(write_onnx, tmp_path / "c.onnx", TensorProto.COMPLEX64, [2])
    with pytest.raises(InvalidInput, match="tensor 'x' has unsupported element type"):
        backend.describe(path)


def test_bad_artifact_is_invalid_input(backend: OnnxRuntimeBackend, tmp_path: Path) -> None:
    path = tmp_path / "bad.onnx"
    path.write_bytes(b"\x08\x07garbage" * 16)
    with pytest.raises(InvalidInput, match=r"cannot read ONNX model bad\.onnx"):
        backend.describe(path)
    spec = ModelSpec(
        name="bad",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=0,
        inputs=(TensorSpec("x", DataType.FP32, (1,)),),
        outputs=(TensorSpec("y", DataType.FP32, (1,)),),
    )
    with pytest.raises(InvalidInput, match="failed to load model 'bad'"):
        backend.load(spec, path)


def test_outputs_equal_a_direct_session_and_are_contiguous(
    backend: OnnxRuntimeBackend, mlp: Path
) -> None:
    model = backend.load(spec_for(backend, mlp), mlp)
    x = np.random.default_rng(0).standard_normal((5, 8)).astype(np.float32)
    expected_y, expected_t = ort.InferenceSession(str(mlp)).run(["y", "y_t"], {"x": x})
    result = model.infer({"x": x}, ["y_t", "y"])
    assert list(result) == ["y_t", "y"]
    np.testing.assert_allclose(result["y"], expected_y, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(result["y_t"], expected_t, rtol=1e-5, atol=1e-6)
    assert result["y"].dtype == np.float32
    assert all(array.flags.c_contiguous for array in result.values())
    # Only what was asked for comes back.
    assert list(model.infer({"x": x}, ["y"])) == ["y"]
    model.unload()


def test_instances_serve_concurrent_threads(backend: OnnxRuntimeBackend, mlp: Path) -> None:
    spec = dataclasses.replace(spec_for(backend, mlp), instance_count=2)
    model = backend.load(spec, mlp)
    reference = ort.InferenceSession(str(mlp))
    rng = np.random.default_rng(1)
    batches = [rng.standard_normal((1 + i % 4, 8)).astype(np.float32) for i in range(8)]
    expected = [reference.run(["y"], {"x": b})[0] for b in batches]
    failures: list[BaseException] = []

    def client(offset: int) -> None:
        try:
            for round_ in range(10):
                i = (offset + round_) % len(batches)
                y = model.infer({"x": batches[i]}, ["y"])["y"]
                np.testing.assert_allclose(y, expected[i], rtol=1e-5, atol=1e-6)
        except BaseException as e:
            failures.append(e)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert model.memory_bytes == 2 * mlp.stat().st_size
    model.unload()


def test_bytes_round_trip_as_bytes(
    backend: OnnxRuntimeBackend, tmp_path: Path, write_onnx: Writer
) -> None:
    path = identity(write_onnx, tmp_path / "s.onnx", TensorProto.STRING, ["batch", "n"])
    model = backend.load(spec_for(backend, path, "max_batch_size: 4"), path)
    texts = np.array(
        [[b"hello", b""], ["caf\u00e9 \u2603".encode(), b"nul\x00inside"]], dtype=np.object_
    )
    out = model.infer({"x": texts}, ["y"])["y"]
    assert out.dtype == np.object_
    assert out.shape == (2, 2)
    assert out.tolist() == texts.tolist()
    assert all(type(element) is bytes for element in out.ravel())
    with pytest.raises(InvalidInput, match="input 'x': ONNX Runtime string tensors hold UTF-8"):
        model.infer({"x": np.array([[b"\xff\xfe"]], dtype=np.object_)}, ["y"])
    model.unload()


def test_bf16_inputs_and_outputs(
    backend: OnnxRuntimeBackend, tmp_path: Path, write_onnx: Writer
) -> None:
    path = write_onnx(
        tmp_path / "bf16.onnx",
        [
            helper.make_node("Identity", ["x"], ["same"]),
            helper.make_node("Cast", ["x"], ["wide"], to=TensorProto.FLOAT),
        ],
        [helper.make_tensor_value_info("x", TensorProto.BFLOAT16, ["batch", 3])],
        [
            helper.make_tensor_value_info("same", TensorProto.BFLOAT16, ["batch", 3]),
            helper.make_tensor_value_info("wide", TensorProto.FLOAT, ["batch", 3]),
        ],
    )
    model = backend.load(spec_for(backend, path), path)
    x = np.array([[1.5, -2.25, 3.0], [0.0, 1e-3, 256.0]], dtype=ml_dtypes.bfloat16)
    both = model.infer({"x": x}, ["same", "wide"])
    assert both["same"].dtype == ml_dtypes.bfloat16
    np.testing.assert_array_equal(both["same"], x)
    np.testing.assert_array_equal(both["wide"], x.astype(np.float32))
    # Without a BF16 output the plain numpy path runs, with a BF16 input all the same.
    wide = model.infer({"x": x}, ["wide"])["wide"]
    np.testing.assert_array_equal(wide, x.astype(np.float32))
    empty = model.infer({"x": np.zeros((0, 3), dtype=ml_dtypes.bfloat16)}, ["same"])["same"]
    assert empty.shape == (0, 3)
    model.unload()


def test_fp16_runs_natively(
    backend: OnnxRuntimeBackend, tmp_path: Path, write_onnx: Writer
) -> None:
    path = identity(write_onnx, tmp_path / "h.onnx", TensorProto.FLOAT16, ["batch", 2])
    model = backend.load(spec_for(backend, path), path)
    x = np.array([[0.5, 65504.0]], dtype=np.float16)
    y = model.infer({"x": x}, ["y"])["y"]
    assert y.dtype == np.float16
    np.testing.assert_array_equal(y, x)
    model.unload()


def test_runtime_shape_errors_are_invalid_input(backend: OnnxRuntimeBackend, mlp: Path) -> None:
    model = backend.load(spec_for(backend, mlp), mlp)
    with pytest.raises(InvalidInput, match="model 'm':"):
        model.infer({"x": np.zeros((2, 5), dtype=np.float32)}, ["y"])
    model.unload()


@pytest.mark.parametrize("value", ["-1", "two"])
def test_bad_thread_parameters_are_invalid_input(
    backend: OnnxRuntimeBackend, mlp: Path, value: str
) -> None:
    config = f'parameters {{ key: "intra_op_thread_count" value {{ string_value: "{value}" }} }}'
    with pytest.raises(InvalidInput, match=r"intra_op_thread_count .* must be an int >= 0"):
        backend.load(spec_for(backend, mlp, config), mlp)


def test_thread_parameters_are_accepted(backend: OnnxRuntimeBackend, mlp: Path) -> None:
    config = (
        'parameters { key: "intra_op_thread_count" value { string_value: "1" } }'
        'parameters { key: "inter_op_thread_count" value { string_value: "0" } }'
    )
    model = backend.load(spec_for(backend, mlp, config), mlp)
    assert model.infer({"x": np.ones((1, 8), dtype=np.float32)}, ["y"])["y"].shape == (1, 3)
    model.unload()


def _rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_unload_frees_memory_and_refuses_further_calls(
    backend: OnnxRuntimeBackend, tmp_path: Path, write_onnx: Writer
) -> None:
    weights = np.full((2048, 4096), 0.5, dtype=np.float32)  # 32 MiB
    path = write_onnx(
        tmp_path / "big.onnx",
        [helper.make_node("MatMul", ["x", "w"], ["y"])],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 2048])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 4096])],
        [numpy_helper.from_array(weights, "w")],
    )
    del weights
    spec = dataclasses.replace(spec_for(backend, path), instance_count=2)
    model = backend.load(spec, path)
    loaded = _rss_bytes()
    model.unload()
    assert loaded - _rss_bytes() > 48 * 2**20
    with pytest.raises(Unavailable, match="model 'm' is unloaded"):
        model.infer({"x": np.zeros((1, 2048), dtype=np.float32)}, ["y"])
