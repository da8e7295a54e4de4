"""The registry's pure rules: names, references, pages, transform parameters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from maas.errors import InvalidInput, NotFound
from maas.registry import domain
from maas.registry.domain import ArtifactFormat, Model, Transform, UploadHeader, VersionRef

NOW = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("name", ["resnet50", "a", "My.Model_v2-int8", "9" * 128])
def test_good_model_names_pass(name: str) -> None:
    assert domain.check_model_name(name) == name


@pytest.mark.parametrize("name", ["", ".hidden", "-x", "a/b", "a b", "x" * 129, "..", "é"])
def test_bad_model_names_are_refused(name: str) -> None:
    with pytest.raises(InvalidInput, match="invalid model name"):
        domain.check_model_name(name)


@pytest.mark.parametrize("alias", ["production", "canary-2", "a.b_c"])
def test_good_aliases_pass(alias: str) -> None:
    assert domain.check_alias_name(alias) == alias


@pytest.mark.parametrize("alias", ["", "3", "Prod", "-x", "a b", "x" * 64])
def test_bad_aliases_are_refused(alias: str) -> None:
    with pytest.raises(InvalidInput, match="invalid alias"):
        domain.check_alias_name(alias)


def test_latest_cannot_be_an_alias() -> None:
    with pytest.raises(InvalidInput, match="reserved"):
        domain.check_alias_name("latest")


def test_labels_are_checked() -> None:
    assert domain.check_labels({"team": "vision", "app.kubernetes.io/name": "x"})
    with pytest.raises(InvalidInput, match="invalid labels key"):
        domain.check_labels({"bad key": "x"})
    with pytest.raises(InvalidInput, match="longer than 256"):
        domain.check_labels({"k": "v" * 257})
    with pytest.raises(InvalidInput, match="too many labels"):
        domain.check_labels({f"k{i}": "v" for i in range(65)})


def _model(latest: int | None, aliases: dict[str, int]) -> Model:
    return Model("m", "", {}, NOW, NOW, latest, aliases)


def test_resolve_number_alias_and_latest() -> None:
    model = _model(7, {"production": 3})
    assert domain.resolve(model, 5) == 5
    assert domain.resolve(model, "production") == 3
    assert domain.resolve(model, domain.LATEST) == 7


def test_resolve_unknown_alias_or_empty_model_is_not_found() -> None:
    with pytest.raises(NotFound, match="no alias 'staging'"):
        domain.resolve(_model(7, {}), "staging")
    with pytest.raises(NotFound, match="no versions"):
        domain.resolve(_model(None, {}), domain.LATEST)


def test_refs_are_checked() -> None:
    assert domain.check_ref(VersionRef("m", domain.LATEST))
    with pytest.raises(InvalidInput, match="numbered from 1"):
        domain.check_ref(VersionRef("m", 0))
    with pytest.raises(InvalidInput, match="invalid alias"):
        domain.check_ref(VersionRef("m", "Not An Alias"))


def test_page_tokens_round_trip_and_garbage_is_refused() -> None:
    assert domain.decode_page_token(domain.encode_page_token("resnet")) == "resnet"
    assert domain.decode_page_token("") is None
    assert domain.decode_version_token(domain.encode_page_token("12")) == 12
    with pytest.raises(InvalidInput, match="page_token"):
        domain.decode_page_token("%%%")
    with pytest.raises(InvalidInput, match="page_token"):
        domain.decode_version_token(domain.encode_page_token("abc"))


def test_page_size_defaults_and_bounds() -> None:
    assert domain.page_size(0) == domain.DEFAULT_PAGE_SIZE
    assert domain.page_size(5) == 5
    with pytest.raises(InvalidInput):
        domain.page_size(domain.MAX_PAGE_SIZE + 1)


def _header(**overrides: object) -> UploadHeader:
    values: dict[str, object] = {
        "model": "m",
        "format": ArtifactFormat.ONNX,
        "sha256": "a" * 64,
        "size_bytes": 10,
        "metadata": {},
    }
    values.update(overrides)
    return UploadHeader(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"sha256": "A" * 64}, "sha256 must be"),
        ({"sha256": "abc"}, "sha256 must be"),
        ({"size_bytes": 0}, "above 0"),
        ({"size_bytes": 101}, "too large"),
        ({"model": "a b"}, "invalid model name"),
        ({"metadata": {"": "x"}}, "invalid metadata key"),
    ],
)
def test_upload_headers_are_refused_before_any_byte(
    overrides: dict[str, object], reason: str
) -> None:
    with pytest.raises(InvalidInput, match=reason):
        domain.check_upload_header(_header(**overrides), max_artifact_bytes=100)


def test_transform_parameters_fill_defaults_and_normalize() -> None:
    assert domain.transform_parameters(Transform.FP16, {}) == {"keep_io_types": "true"}
    assert domain.transform_parameters(
        Transform.INT8_DYNAMIC, {"per_channel": "TRUE", "weight_type": "uint8"}
    ) == {"per_channel": "true", "reduce_range": "false", "weight_type": "uint8"}


def test_transform_parameters_refuse_unknown_keys_and_values() -> None:
    with pytest.raises(InvalidInput, match="takes no parameter 'per_channel'"):
        domain.transform_parameters(Transform.FP16, {"per_channel": "true"})
    with pytest.raises(InvalidInput, match="weight_type='int4'"):
        domain.transform_parameters(Transform.INT8_DYNAMIC, {"weight_type": "int4"})
