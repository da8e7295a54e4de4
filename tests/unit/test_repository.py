"""The Triton-layout model repository: discovery, versions, configs and signatures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from onnx import TensorProto, helper

from maas.errors import InvalidInput, NotFound
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.config_codec import parse_pbtxt
from maas.worker.repository import list_models, read_model


def write_identity(write_onnx: Callable[..., Path], path: Path, width: int) -> Path:
    """An FP32 identity over [batch, width]."""
    return write_onnx(
        path,
        [helper.make_node("Identity", ["x"], ["y"])],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", width])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", width])],
    )


@pytest.fixture
def root(tmp_path: Path, write_onnx: Callable[..., Path]) -> Path:
    """Model `m` with versions 1, 2 and 3 (widths 1, 2, 3) plus entries Triton ignores."""
    for version in (1, 2, 3):
        write_identity(write_onnx, tmp_path / "m" / str(version) / "model.onnx", version)
    write_identity(write_onnx, tmp_path / "m" / "04" / "model.onnx", 4)
    (tmp_path / "m" / "latest").mkdir()
    return tmp_path


def test_list_models_finds_model_directories_only(root: Path) -> None:
    (root / "with_config").mkdir()
    (root / "with_config" / "config.pbtxt").write_text("max_batch_size: 1")
    (root / "empty").mkdir()
    (root / ".staging-m").mkdir()
    (root / ".staging-m" / "1").mkdir()
    (root / "notes.txt").write_text("not a model")
    assert list_models(root) == ["m", "with_config"]
    assert list_models(root / "missing") == []


def test_latest_version_is_served_by_default_and_sets_the_signature(
    root: Path, backend: OnnxRuntimeBackend
) -> None:
    definition = read_model(root, "m", backend)
    assert definition.versions == {3: root / "m" / "3" / "model.onnx"}
    assert definition.spec.name == "m"
    assert definition.spec.max_batch_size == 4
    assert definition.spec.inputs[0].dims == (3,)


@pytest.mark.parametrize(
    ("policy", "versions"),
    [
        ("all {}", [1, 2, 3]),
        ("latest { num_versions: 2 }", [2, 3]),
        ("specific { versions: [ 1, 2 ] }", [1, 2]),
    ],
)
def test_version_policy_selects_versions_and_newest_selected_sets_signature(
    root: Path, backend: OnnxRuntimeBackend, policy: str, versions: list[int]
) -> None:
    (root / "m" / "config.pbtxt").write_text(f"version_policy {{ {policy} }}")
    definition = read_model(root, "m", backend)
    assert sorted(definition.versions) == versions
    assert definition.spec.inputs[0].dims == (versions[-1],)


def test_unknown_model_is_not_found_with_tritons_message(
    root: Path, backend: OnnxRuntimeBackend
) -> None:
    with pytest.raises(NotFound) as caught:
        read_model(root, "nope", backend)
    assert str(caught.value) == "Request for unknown model: 'nope' is not found"


@pytest.mark.parametrize("name", ["..", "../m", "m/1", ".", "", ".hidden", "a\\b"])
def test_names_cannot_leave_the_repository(
    root: Path, backend: OnnxRuntimeBackend, name: str
) -> None:
    with pytest.raises(InvalidInput, match="invalid model name"):
        read_model(root / "m", name, backend)


def test_model_without_versions_is_invalid(root: Path, backend: OnnxRuntimeBackend) -> None:
    (root / "bare").mkdir()
    (root / "bare" / "config.pbtxt").write_text("")
    with pytest.raises(InvalidInput, match="model 'bare' has no version to serve"):
        read_model(root, "bare", backend)
    (root / "m" / "config.pbtxt").write_text("version_policy { specific { versions: [ 9 ] } }")
    with pytest.raises(InvalidInput, match="model 'm' has no version to serve"):
        read_model(root, "m", backend)


def test_selected_version_without_artifact_is_invalid(
    root: Path, backend: OnnxRuntimeBackend
) -> None:
    (root / "m" / "7").mkdir()
    with pytest.raises(InvalidInput, match=r"model 'm': versions \[7\] have no file 'model.onnx'"):
        read_model(root, "m", backend)


def test_default_model_filename_from_config(
    root: Path, backend: OnnxRuntimeBackend, write_onnx: Callable[..., Path]
) -> None:
    write_identity(write_onnx, root / "custom" / "1" / "net.onnx", 5)
    (root / "custom" / "config.pbtxt").write_text('default_model_filename: "net.onnx"')
    definition = read_model(root, "custom", backend)
    assert definition.versions == {1: root / "custom" / "1" / "net.onnx"}
    assert definition.spec.default_model_filename == "net.onnx"


def test_config_override_replaces_the_file_on_disk(root: Path, backend: OnnxRuntimeBackend) -> None:
    (root / "m" / "config.pbtxt").write_text("max_batch_size: 2 version_policy { all {} }")
    assert read_model(root, "m", backend).spec.max_batch_size == 2
    override = parse_pbtxt("max_batch_size: 16 instance_group [ { count: 2 } ]")
    definition = read_model(root, "m", backend, override)
    assert definition.spec.max_batch_size == 16
    assert definition.spec.instance_count == 2
    # The on-disk version policy went with the file it came from.
    assert list(definition.versions) == [3]


def test_bad_config_file_names_the_model(root: Path, backend: OnnxRuntimeBackend) -> None:
    (root / "m" / "config.pbtxt").write_text("max_batch_size: [")
    with pytest.raises(InvalidInput, match="model 'm': invalid model configuration"):
        read_model(root, "m", backend)
    (root / "m" / "config.pbtxt").write_bytes(b"\xff\xfe")
    with pytest.raises(InvalidInput, match=r"model 'm': config\.pbtxt is not UTF-8"):
        read_model(root, "m", backend)


def test_config_that_disagrees_with_the_artifact_is_invalid(
    root: Path, backend: OnnxRuntimeBackend
) -> None:
    (root / "m" / "config.pbtxt").write_text(
        'max_batch_size: 4 input [ { name: "x" data_type: TYPE_INT64 dims: [ 3 ] } ]'
    )
    with pytest.raises(InvalidInput, match="model 'm': input 'x' has data_type TYPE_INT64"):
        read_model(root, "m", backend)


def test_unreadable_artifact_names_model_and_version(
    root: Path, backend: OnnxRuntimeBackend
) -> None:
    (root / "m" / "3" / "model.onnx").write_bytes(b"\x00not onnx\xff" * 8)
    with pytest.raises(InvalidInput, match="model 'm' version 3: cannot read ONNX model"):
        read_model(root, "m", backend)
