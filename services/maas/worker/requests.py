"""Inference requests and results as the worker's use cases see them (no protobuf)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from maas.worker.datatypes import DataType

ParamValue = bool | int | str | float


@dataclass(slots=True)
class InputTensor:
    """An input as sent: exactly one of `raw` (raw contents) or `values` (typed contents)."""

    name: str
    datatype: str
    shape: tuple[int, ...]
    raw: bytes | None = None
    values: Sequence[object] | None = None
    # The protocol datatypes the typed contents field can carry (e.g. int_contents: INT8..INT32).
    values_datatypes: frozenset[DataType] = frozenset()


@dataclass(slots=True)
class InferRequest:
    model_name: str
    model_version: str = ""
    id: str = ""
    inputs: list[InputTensor] = field(default_factory=list)
    # Requested output names in request order; empty means every output.
    outputs: list[str] = field(default_factory=list)
    priority: int = 0
    timeout_us: int = 0
    parameters: dict[str, ParamValue] = field(default_factory=dict)


@dataclass(slots=True)
class OutputTensor:
    name: str
    datatype: DataType
    data: np.ndarray


@dataclass(slots=True)
class InferResult:
    model_name: str
    model_version: str
    id: str
    outputs: list[OutputTensor]
