"""The registry's vocabulary as plain data, and the pure rules over it.

Names, labels and references are checked here, once, with messages written for the
user; every other layer passes these types around without re-checking them.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Final, Generic, TypeVar

from maas import names
from maas.errors import InvalidInput, NotFound, echo
from maas.worker.datatypes import DataType

LATEST: Final = "latest"

MAX_PAGE_SIZE: Final = 1000
DEFAULT_PAGE_SIZE: Final = 100

# ASCII digits only (`str.isdigit` takes other scripts' digits, which `int` may refuse),
# and few enough for a uint32 version.
_VERSION_KEY = re.compile(r"[0-9]{1,10}")
_KEY = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._/-]{0,126}[A-Za-z0-9])?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_MAX_ENTRIES: Final = 64
_MAX_LABEL_VALUE: Final = 256
_MAX_METADATA_VALUE: Final = 4096
_MAX_DESCRIPTION: Final = 4096


class ArtifactFormat(StrEnum):
    ONNX = "onnx"


class Transform(StrEnum):
    FP16 = "fp16"
    INT8_DYNAMIC = "int8_dynamic"


class EventType(StrEnum):
    MODEL_CREATED = "model_created"
    MODEL_UPDATED = "model_updated"
    MODEL_DELETED = "model_deleted"
    VERSION_CREATED = "version_created"
    VERSION_DELETED = "version_deleted"
    ALIAS_SET = "alias_set"
    ALIAS_DELETED = "alias_deleted"


class JobState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (JobState.SUCCEEDED, JobState.FAILED)


@dataclass(frozen=True, slots=True)
class Model:
    name: str
    description: str
    labels: Mapping[str, str]
    create_time: datetime
    update_time: datetime
    latest_version: int | None = None
    aliases: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TensorSignature:
    """One graph input or output; -1 marks a dimension that is not fixed."""

    name: str
    datatype: DataType
    shape: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class OpsetId:
    domain: str
    version: int


@dataclass(frozen=True, slots=True)
class Signature:
    inputs: tuple[TensorSignature, ...]
    outputs: tuple[TensorSignature, ...]
    ir_version: int
    opsets: tuple[OpsetId, ...]


@dataclass(frozen=True, slots=True)
class OutputAccuracy:
    name: str
    max_abs_error: float
    mean_abs_error: float
    top1_agreement: float | None = None


@dataclass(frozen=True, slots=True)
class AccuracyReport:
    samples: int
    seed: int
    max_abs_error: float
    mean_abs_error: float
    outputs: tuple[OutputAccuracy, ...]
    parent_size_bytes: int
    size_bytes: int


@dataclass(frozen=True, slots=True)
class Lineage:
    parent_version: int
    transform: Transform
    parameters: Mapping[str, str]
    accuracy: AccuracyReport


@dataclass(frozen=True, slots=True)
class Version:
    model: str
    number: int
    format: ArtifactFormat
    sha256: str
    size_bytes: int
    metadata: Mapping[str, str]
    signature: Signature
    create_time: datetime
    lineage: Lineage | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VersionRef:
    """A version by number (int) or by alias or `LATEST` (str)."""

    model: str
    selector: int | str


@dataclass(frozen=True, slots=True)
class UploadHeader:
    model: str
    format: ArtifactFormat
    sha256: str
    size_bytes: int
    metadata: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class NewVersion:
    """Everything about a version but what the store assigns (number, time)."""

    model: str
    format: ArtifactFormat
    sha256: str
    size_bytes: int
    metadata: Mapping[str, str]
    signature: Signature
    lineage: Lineage | None = None


@dataclass(frozen=True, slots=True)
class Event:
    revision: int
    type: EventType
    model: str
    time: datetime
    version: int | None = None
    alias: str | None = None
    previous_version: int | None = None


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    model: str
    parent_version: int
    transform: Transform
    parameters: Mapping[str, str]
    state: JobState
    create_time: datetime
    update_time: datetime
    result_version: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class DeriveTask:
    """What a derive child process is asked to do, between two local files."""

    parent_path: Path
    output_path: Path
    transform: Transform
    parameters: Mapping[str, str]
    samples: int
    seed: int


@dataclass(frozen=True, slots=True)
class DeriveOutcome:
    signature: Signature
    accuracy: AccuracyReport


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    next_token: str = ""


def check_model_name(name: str) -> str:
    return names.check_model_name(name)


def check_alias_name(alias: str) -> str:
    if alias == LATEST:
        raise InvalidInput(f"{LATEST!r} is reserved: it always means the highest version")
    return names.check_alias_name(alias)


def _check_entries(kind: str, entries: Mapping[str, str], max_value: int) -> dict[str, str]:
    if len(entries) > _MAX_ENTRIES:
        raise InvalidInput(f"too many {kind}: {len(entries)} (at most {_MAX_ENTRIES})")
    for key, value in entries.items():
        if not _KEY.fullmatch(key):
            raise InvalidInput(
                f"invalid {kind} key '{echo(key)}': use 1-128 letters, digits, '.', '_', '/' "
                "or '-', starting and ending with a letter or digit"
            )
        if len(value) > max_value:
            raise InvalidInput(f"{kind} '{key}' is longer than {max_value} characters")
    return dict(entries)


def check_labels(labels: Mapping[str, str]) -> dict[str, str]:
    return _check_entries("labels", labels, _MAX_LABEL_VALUE)


def check_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    return _check_entries("metadata", metadata, _MAX_METADATA_VALUE)


def check_description(description: str) -> str:
    if len(description) > _MAX_DESCRIPTION:
        raise InvalidInput(f"description is longer than {_MAX_DESCRIPTION} characters")
    return description


def check_version_number(number: int) -> int:
    if number < 1:
        raise InvalidInput(f"invalid version {number}: versions are numbered from 1")
    return number


def check_upload_header(header: UploadHeader, max_artifact_bytes: int) -> UploadHeader:
    """Everything that can be refused before a single byte is read."""
    check_model_name(header.model)
    check_metadata(header.metadata)
    if not _SHA256.fullmatch(header.sha256):
        raise InvalidInput("sha256 must be the 64 lowercase hex digits of the artifact's digest")
    if header.size_bytes <= 0:
        raise InvalidInput("size_bytes must be the artifact's size, above 0")
    if header.size_bytes > max_artifact_bytes:
        raise InvalidInput(
            f"artifact too large: {header.size_bytes} bytes, "
            f"this registry takes at most {max_artifact_bytes}"
        )
    return header


def check_ref(ref: VersionRef) -> VersionRef:
    check_model_name(ref.model)
    if isinstance(ref.selector, int):
        check_version_number(ref.selector)
    elif ref.selector != LATEST:
        check_alias_name(ref.selector)
    return ref


def resolve(model: Model, selector: int | str) -> int:
    """The version number `selector` designates in `model` (which must have it)."""
    if isinstance(selector, int):
        return selector
    if selector == LATEST:
        if model.latest_version is None:
            raise NotFound(f"model {model.name!r} has no versions")
        return model.latest_version
    try:
        return model.aliases[selector]
    except KeyError:
        raise NotFound(f"model {model.name!r} has no alias {selector!r}") from None


def page_size(requested: int) -> int:
    if requested == 0:
        return DEFAULT_PAGE_SIZE
    if not 0 < requested <= MAX_PAGE_SIZE:
        raise InvalidInput(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    return requested


def encode_page_token(last_key: str) -> str:
    """An opaque token for the page after the item keyed `last_key`."""
    return base64.urlsafe_b64encode(last_key.encode()).decode()


def decode_page_token(token: str) -> str | None:
    """The key a page starts after; None for the first page."""
    if not token:
        return None
    try:
        return base64.b64decode(token.encode(), altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidInput("invalid page_token: pass one returned by a list call") from None


def decode_version_token(token: str) -> int:
    """The version number a page of versions starts after; 0 for the first page."""
    key = decode_page_token(token)
    if key is None:
        return 0
    if not _VERSION_KEY.fullmatch(key):
        raise InvalidInput("invalid page_token: pass one returned by a list call")
    return int(key)


_TRANSFORM_DEFAULTS: Final[dict[Transform, dict[str, str]]] = {
    Transform.FP16: {"keep_io_types": "true"},
    Transform.INT8_DYNAMIC: {
        "per_channel": "false",
        "reduce_range": "false",
        "weight_type": "int8",
    },
}
_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "keep_io_types": ("true", "false"),
    "per_channel": ("true", "false"),
    "reduce_range": ("true", "false"),
    "weight_type": ("int8", "uint8"),
}


def transform_parameters(transform: Transform, given: Mapping[str, str]) -> dict[str, str]:
    """`given` checked against what `transform` takes, with every default filled in.

    Lineage records the full set, so two derivations with the same effective
    parameters compare equal however they were spelled.
    """
    defaults = _TRANSFORM_DEFAULTS[transform]
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise InvalidInput(
            f"{transform.value} takes no parameter {echo(', '.join(map(repr, unknown)))}; "
            f"it takes {', '.join(sorted(defaults))}"
        )
    parameters = {**defaults, **{key: value.lower() for key, value in given.items()}}
    for key, value in parameters.items():
        if value not in _CHOICES[key]:
            raise InvalidInput(
                f"parameter {key}='{echo(value)}': expected one of {', '.join(_CHOICES[key])}"
            )
    return parameters
