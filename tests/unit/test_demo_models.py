"""The demo repository: every model loads through repository + backend and computes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import onnx
import pytest
from numpy.lib.stride_tricks import sliding_window_view
from onnx import numpy_helper

from maas.demo_models import IR_VERSION, OPSET, write_demo_repository
from maas.worker.backends.base import LoadedModel
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.repository import list_models, read_model
from maas.worker.spec import BatchingSpec

NAMES = ["mlp_classifier", "resnet_lite", "add_sub", "string_identity", "identity_fp32"]


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    assert write_demo_repository(root) == NAMES
    return root


@pytest.fixture(scope="module")
def models(root: Path) -> Iterator[dict[str, LoadedModel]]:
    backend = OnnxRuntimeBackend()
    loaded: dict[str, LoadedModel] = {}
    for name in NAMES:
        definition = read_model(root, name, backend)
        loaded[name] = backend.load(definition.spec, definition.versions[1])
    yield loaded
    for model in loaded.values():
        model.unload()


def weights(root: Path, name: str) -> dict[str, np.ndarray]:
    model = onnx.load(str(root / name / "1" / "model.onnx"))
    return {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}


def test_repository_is_complete_checked_and_stamped(root: Path) -> None:
    assert list_models(root) == sorted(NAMES)
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []
    for name in NAMES:
        model = onnx.load(str(root / name / "1" / "model.onnx"))
        onnx.checker.check_model(model)
        assert model.ir_version == IR_VERSION == 10
        assert [(o.domain, o.version) for o in model.opset_import] == [("", OPSET)]
    assert not (root / "add_sub" / "config.pbtxt").exists()


def test_writing_again_leaves_existing_models_alone(root: Path) -> None:
    artifact = root / "mlp_classifier" / "1" / "model.onnx"
    before = artifact.stat().st_mtime_ns
    assert write_demo_repository(root) == NAMES
    assert artifact.stat().st_mtime_ns == before


def test_weights_are_the_same_on_every_write(root: Path, tmp_path: Path) -> None:
    write_demo_repository(tmp_path)
    for name in ("mlp_classifier", "resnet_lite"):
        first, second = weights(root, name), weights(tmp_path, name)
        assert first.keys() == second.keys()
        for key in first:
            np.testing.assert_array_equal(first[key], second[key])


def test_specs_follow_configs_and_autocomplete(root: Path) -> None:
    backend = OnnxRuntimeBackend()
    specs = {name: read_model(root, name, backend).spec for name in NAMES}
    mlp = specs["mlp_classifier"]
    assert (mlp.max_batch_size, mlp.inputs[0].dims, mlp.outputs[0].dims) == (64, (64,), (10,))
    assert mlp.batching is not None
    assert mlp.batching.preferred_batch_sizes == (16, 32)
    assert mlp.batching.max_queue_delay_us == 0
    assert specs["resnet_lite"].max_batch_size == 32
    assert specs["resnet_lite"].inputs[0].dims == (3, 32, 32)
    assert specs["resnet_lite"].batching is not None
    # add_sub has no config: Triton's auto-complete turns batching on.
    assert specs["add_sub"].max_batch_size == 4
    assert specs["add_sub"].batching == BatchingSpec()
    assert specs["string_identity"].max_batch_size == 8
    assert specs["identity_fp32"].max_batch_size == 0
    assert specs["identity_fp32"].inputs[0].dims == (-1,)


def test_add_sub_is_exact(models: dict[str, LoadedModel]) -> None:
    rng = np.random.default_rng(3)
    a = rng.integers(-(2**30), 2**30, size=(3, 16), dtype=np.int32)
    b = rng.integers(-(2**30), 2**30, size=(3, 16), dtype=np.int32)
    out = models["add_sub"].infer({"INPUT0": a, "INPUT1": b}, ["OUTPUT0", "OUTPUT1"])
    assert out["OUTPUT0"].dtype == np.int32
    np.testing.assert_array_equal(out["OUTPUT0"], a + b)
    np.testing.assert_array_equal(out["OUTPUT1"], a - b)


def test_mlp_outputs_probabilities_matching_numpy(
    root: Path, models: dict[str, LoadedModel]
) -> None:
    x = np.random.default_rng(4).standard_normal((6, 64)).astype(np.float32)
    probabilities = models["mlp_classifier"].infer({"INPUT0": x}, ["OUTPUT0"])["OUTPUT0"]
    assert probabilities.shape == (6, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)
    w = weights(root, "mlp_classifier")
    logits = np.maximum(x @ w["w1"] + w["b1"], 0) @ w["w2"] + w["b2"]
    expected = np.exp(logits - logits.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(probabilities, expected, rtol=1e-4, atol=1e-6)
    # Seeded weights that differ per input: the classes are not all equally likely.
    assert probabilities.std() > 1e-3


def _conv3x3(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    padded = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    windows = sliding_window_view(padded, (3, 3), axis=(2, 3))
    out: np.ndarray = np.einsum("nchwij,ocij->nohw", windows, w)
    out += b.reshape(1, -1, 1, 1)
    return out


def test_resnet_lite_matches_a_numpy_reference(root: Path, models: dict[str, LoadedModel]) -> None:
    x = np.random.default_rng(5).standard_normal((2, 3, 32, 32)).astype(np.float32)
    logits = models["resnet_lite"].infer({"INPUT0": x}, ["OUTPUT0"])["OUTPUT0"]
    w = weights(root, "resnet_lite")
    stem = np.maximum(_conv3x3(x, w["stem"], w["stem_b"]), 0)
    block = np.maximum(_conv3x3(stem, w["block1"], w["block1_b"]), 0)
    residual = np.maximum(_conv3x3(block, w["block2"], w["block2_b"]) + stem, 0)
    expected = residual.mean(axis=(2, 3)) @ w["fc"] + w["fc_b"]
    assert logits.shape == (2, 10)
    np.testing.assert_allclose(logits, expected, rtol=1e-3, atol=1e-4)


def test_string_identity_round_trips_bytes(models: dict[str, LoadedModel]) -> None:
    texts = np.array([[b"a", b"bc", b""], ["\u00fcber".encode(), b"x" * 1000, b"z"]], dtype=object)
    out = models["string_identity"].infer({"INPUT0": texts}, ["OUTPUT0"])["OUTPUT0"]
    assert out.tolist() == texts.tolist()


def test_identity_fp32_round_trips_64_mib(models: dict[str, LoadedModel]) -> None:
    x = np.arange(16 * 2**20, dtype=np.float32)
    y = models["identity_fp32"].infer({"INPUT0": x}, ["OUTPUT0"])["OUTPUT0"]
    assert y.nbytes == 64 * 2**20
    np.testing.assert_array_equal(y, x)
