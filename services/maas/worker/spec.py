"""What a model is, as the worker understands it: plain data, no protobuf.

`ModelSpec` carries the part of Triton's `ModelConfig` the worker acts on. It is built
from `config.pbtxt` (when present) completed from the model artifact itself, and turned
back into a `ModelConfig` message for the ModelConfig RPC by the converters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from maas.worker.datatypes import DataType


@dataclass(frozen=True, slots=True)
class TensorSpec:
    """One input or output. `dims` excludes the implicit batch dimension; -1 is variable."""

    name: str
    datatype: DataType
    dims: tuple[int, ...]
    optional: bool = False


class TimeoutAction(Enum):
    REJECT = 0
    DELAY = 1


@dataclass(frozen=True, slots=True)
class QueuePolicy:
    """Triton's ModelQueuePolicy. Zero means "no limit" for both numbers."""

    max_queue_size: int = 0
    default_timeout_us: int = 0
    allow_timeout_override: bool = False
    timeout_action: TimeoutAction = TimeoutAction.REJECT


@dataclass(frozen=True, slots=True)
class BatchingSpec:
    """Triton's ModelDynamicBatching: its presence turns the dynamic batcher on."""

    preferred_batch_sizes: tuple[int, ...] = ()
    max_queue_delay_us: int = 0
    preserve_ordering: bool = False
    # 0 means a single level. Level 1 is the most urgent, as in Triton.
    priority_levels: int = 0
    default_priority_level: int = 0
    default_queue_policy: QueuePolicy = field(default_factory=QueuePolicy)
    priority_queue_policy: dict[int, QueuePolicy] = field(default_factory=dict)

    def queue_policy(self, level: int) -> QueuePolicy:
        return self.priority_queue_policy.get(level, self.default_queue_policy)


class VersionPolicyKind(Enum):
    LATEST = "latest"
    ALL = "all"
    SPECIFIC = "specific"


@dataclass(frozen=True, slots=True)
class VersionPolicy:
    """Which versions found on disk are served: the newest `latest_n`, all, or a list."""

    kind: VersionPolicyKind = VersionPolicyKind.LATEST
    latest_n: int = 1
    versions: tuple[int, ...] = ()

    def select(self, available: list[int]) -> list[int]:
        """The versions to serve out of those present, ascending."""
        ordered = sorted(available)
        if self.kind is VersionPolicyKind.ALL:
            return ordered
        if self.kind is VersionPolicyKind.SPECIFIC:
            return [v for v in ordered if v in self.versions]
        return ordered[-max(self.latest_n, 1) :]


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A model's complete configuration, after defaults and artifact completion."""

    name: str
    platform: str
    backend: str
    max_batch_size: int
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    batching: BatchingSpec | None = None
    instance_count: int = 1
    version_policy: VersionPolicy = field(default_factory=VersionPolicy)
    default_model_filename: str = "model.onnx"
    # Free-form backend parameters from config.pbtxt (`parameters { key: ... }`).
    parameters: dict[str, str] = field(default_factory=dict)

    def input(self, name: str) -> TensorSpec | None:
        return next((t for t in self.inputs if t.name == name), None)

    def output(self, name: str) -> TensorSpec | None:
        return next((t for t in self.outputs if t.name == name), None)

    @property
    def batched(self) -> bool:
        return self.max_batch_size > 0
