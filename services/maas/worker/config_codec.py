"""Triton's `ModelConfig` to our `ModelSpec` and back, with Triton's auto-complete.

A model's `config.pbtxt` (or the JSON override of RepositoryModelLoad) is completed from
the artifact's `Signature` the way Triton's ONNX Runtime backend does it, and checked
against that signature. Every field that changes what a request means or how it is
scheduled is either acted on or refused with `InvalidInput`; only pure hints with no
visible effect are left unread: `metric_tags`, `model_metrics`, `optimization` (except
execution accelerators) and `model_warmup` (every model is warmed up with zeros anyway).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol

from google.protobuf import json_format, text_format

from maas.errors import InvalidInput
from maas.worker.backends.base import Signature
from maas.worker.datatypes import DataType
from maas.worker.spec import (
    BatchingSpec,
    ModelSpec,
    QueuePolicy,
    TensorSpec,
    TimeoutAction,
    VersionPolicy,
    VersionPolicyKind,
)
from maas_proto import model_config_pb2 as mc

# Triton's `default-max-batch-size`: what auto-complete gives a model that can batch.
DEFAULT_MAX_BATCH_SIZE: Final = 4

# Triton's default artifact name for each backend this codec knows.
DEFAULT_MODEL_FILENAMES: Final[dict[str, str]] = {"onnxruntime": "model.onnx"}

_CONFIG_TYPES: Final[dict[DataType, mc.DataType.ValueType]] = {
    DataType.BOOL: mc.TYPE_BOOL,
    DataType.UINT8: mc.TYPE_UINT8,
    DataType.UINT16: mc.TYPE_UINT16,
    DataType.UINT32: mc.TYPE_UINT32,
    DataType.UINT64: mc.TYPE_UINT64,
    DataType.INT8: mc.TYPE_INT8,
    DataType.INT16: mc.TYPE_INT16,
    DataType.INT32: mc.TYPE_INT32,
    DataType.INT64: mc.TYPE_INT64,
    DataType.FP16: mc.TYPE_FP16,
    DataType.FP32: mc.TYPE_FP32,
    DataType.FP64: mc.TYPE_FP64,
    DataType.BYTES: mc.TYPE_STRING,
    DataType.BF16: mc.TYPE_BF16,
}
_DOMAIN_TYPES: Final = {value: dt for dt, value in _CONFIG_TYPES.items()}

_TIMEOUT_ACTIONS: Final = {
    mc.ModelQueuePolicy.REJECT: TimeoutAction.REJECT,
    mc.ModelQueuePolicy.DELAY: TimeoutAction.DELAY,
}
_CONFIG_TIMEOUT_ACTIONS: Final = {action: value for value, action in _TIMEOUT_ACTIONS.items()}

_CPU_KINDS: Final = (mc.ModelInstanceGroup.KIND_AUTO, mc.ModelInstanceGroup.KIND_CPU)


class RuntimeNames(Protocol):
    """The names a backend answers to in a config; every `Backend` has them."""

    @property
    def platform(self) -> str: ...

    @property
    def name(self) -> str: ...


def to_config_datatype(datatype: DataType) -> mc.DataType.ValueType:
    """The config enum (`TYPE_FP32`, ...) of a protocol datatype; BYTES is TYPE_STRING."""
    return _CONFIG_TYPES[datatype]


def from_config_datatype(value: mc.DataType.ValueType) -> DataType | None:
    """The protocol datatype of a config enum value, or None for TYPE_INVALID and unknowns."""
    return _DOMAIN_TYPES.get(value)


def parse_pbtxt(text: str) -> mc.ModelConfig:
    """Parse a `config.pbtxt`; malformed text raises `InvalidInput` with the parser's words."""
    try:
        return text_format.Parse(text, mc.ModelConfig())
    except text_format.ParseError as e:
        raise InvalidInput(f"invalid model configuration: {e}") from e


def parse_json(text: str) -> mc.ModelConfig:
    """Parse a JSON ModelConfig, as RepositoryModelLoad's `config` parameter carries it."""
    try:
        return json_format.Parse(text, mc.ModelConfig())
    except json_format.ParseError as e:
        raise InvalidInput(f"invalid model configuration: {e}") from e


def model_filename(config: mc.ModelConfig | None, name: str, backend: RuntimeNames) -> str:
    """The artifact's file name inside a version directory.

    Also checks that the config asks for this backend, so that a caller can locate the
    artifact before the rest of the config is read.
    """
    config = config if config is not None else mc.ModelConfig()
    _check_runtime(config, name, backend)
    filename = config.default_model_filename or DEFAULT_MODEL_FILENAMES[backend.name]
    if filename in (".", "..") or "/" in filename or "\\" in filename or "\0" in filename:
        raise _invalid(name, f"default_model_filename '{filename}' must be a plain file name")
    return filename


def version_policy(config: mc.ModelConfig | None, name: str) -> VersionPolicy:
    """The config's version policy; Triton's default is the latest version only."""
    if config is None:
        return VersionPolicy()
    policy = config.version_policy
    choice = policy.WhichOneof("policy_choice")
    if choice == "all":
        return VersionPolicy(kind=VersionPolicyKind.ALL)
    if choice == "specific":
        versions = tuple(policy.specific.versions)
        if any(v < 1 for v in versions):
            raise _invalid(name, f"version_policy specific versions {list(versions)} must be >= 1")
        return VersionPolicy(kind=VersionPolicyKind.SPECIFIC, versions=versions)
    if choice == "latest":
        if policy.latest.num_versions < 1:
            raise _invalid(name, "version_policy latest num_versions must be >= 1")
        return VersionPolicy(latest_n=policy.latest.num_versions)
    return VersionPolicy()


def spec_from_config(
    config: mc.ModelConfig | None, name: str, signature: Signature, backend: RuntimeNames
) -> ModelSpec:
    """Complete `config` from the artifact's `signature` and validate it.

    `name` is the model's directory name. Without a config, or without input/output
    lists, the tensors come from the signature. A model whose every input and output has
    a dynamic first dimension, and whose config sets no `max_batch_size` nor lists full
    shapes, gets `DEFAULT_MAX_BATCH_SIZE` and, when no scheduler is chosen, the dynamic
    batcher with default settings, as Triton's ONNX Runtime backend does.
    """
    config = config if config is not None else mc.ModelConfig()
    if config.name and config.name != name:
        raise _invalid(name, f"config name '{config.name}' must match the directory name")
    filename = model_filename(config, name, backend)
    _reject_unsupported(config, name)
    max_batch_size, completed = _max_batch_size(config, name, signature)
    listed_inputs = [_input_spec(name, t) for t in config.input]
    listed_outputs = [_output_spec(name, t) for t in config.output]
    return ModelSpec(
        name=name,
        platform=backend.platform,
        backend=backend.name,
        max_batch_size=max_batch_size,
        inputs=_complete(name, "input", listed_inputs, signature.inputs, max_batch_size),
        outputs=_complete(name, "output", listed_outputs, signature.outputs, max_batch_size),
        batching=_batching(config, name, max_batch_size, completed),
        instance_count=_instance_count(config, name, backend),
        version_policy=version_policy(config, name),
        default_model_filename=filename,
        parameters={key: p.string_value for key, p in config.parameters.items()},
    )


def config_from_spec(spec: ModelSpec) -> mc.ModelConfig:
    """The complete ModelConfig of a spec, as the ModelConfig RPC returns it."""
    config = mc.ModelConfig(
        name=spec.name,
        platform=spec.platform,
        backend=spec.backend,
        max_batch_size=spec.max_batch_size,
        input=[
            mc.ModelInput(
                name=t.name,
                data_type=to_config_datatype(t.datatype),
                dims=t.dims,
                optional=t.optional,
            )
            for t in spec.inputs
        ],
        output=[
            mc.ModelOutput(name=t.name, data_type=to_config_datatype(t.datatype), dims=t.dims)
            for t in spec.outputs
        ],
        instance_group=[
            mc.ModelInstanceGroup(
                name=f"{spec.name}_0",
                kind=mc.ModelInstanceGroup.KIND_CPU,
                count=spec.instance_count,
            )
        ],
        version_policy=_version_policy_pb(spec.version_policy),
        default_model_filename=spec.default_model_filename,
        parameters={k: mc.ModelParameter(string_value=v) for k, v in spec.parameters.items()},
    )
    if spec.batching is not None:
        config.dynamic_batching.CopyFrom(_dynamic_batching_pb(spec.batching))
    return config


def _invalid(model: str, detail: str) -> InvalidInput:
    return InvalidInput(f"model '{model}': {detail}")


def _check_runtime(config: mc.ModelConfig, name: str, backend: RuntimeNames) -> None:
    if backend.name not in DEFAULT_MODEL_FILENAMES:
        raise _invalid(name, f"unsupported backend '{backend.name}'")
    if config.platform not in ("", backend.platform):
        raise _invalid(
            name, f"unsupported platform '{config.platform}', expected '{backend.platform}'"
        )
    if config.backend not in ("", backend.name):
        raise _invalid(name, f"unsupported backend '{config.backend}', expected '{backend.name}'")


def _reject_unsupported(config: mc.ModelConfig, name: str) -> None:
    accelerators = config.optimization.execution_accelerators
    unsupported = {
        "sequence_batching": config.HasField("sequence_batching"),
        "ensemble_scheduling": config.HasField("ensemble_scheduling"),
        "model_transaction_policy.decoupled": config.model_transaction_policy.decoupled,
        "batch_input": bool(config.batch_input),
        "batch_output": bool(config.batch_output),
        "cc_model_filenames": bool(config.cc_model_filenames),
        "model_operations": bool(config.model_operations.op_library_filename),
        "model_repository_agents": bool(config.model_repository_agents.agents),
        "optimization.execution_accelerators": bool(
            accelerators.gpu_execution_accelerator or accelerators.cpu_execution_accelerator
        ),
        "response_cache": config.response_cache.enable,
        "runtime": bool(config.runtime),
    }
    for t in config.input:
        unsupported |= {
            f"input '{t.name}' reshape": t.HasField("reshape"),
            f"input '{t.name}' is_shape_tensor": t.is_shape_tensor,
            f"input '{t.name}' allow_ragged_batch": t.allow_ragged_batch,
            f"input '{t.name}' is_non_linear_format_io": t.is_non_linear_format_io,
            f"input '{t.name}' format": t.format != mc.ModelInput.FORMAT_NONE,
        }
    for o in config.output:
        unsupported |= {
            f"output '{o.name}' reshape": o.HasField("reshape"),
            f"output '{o.name}' is_shape_tensor": o.is_shape_tensor,
            f"output '{o.name}' is_non_linear_format_io": o.is_non_linear_format_io,
            f"output '{o.name}' label_filename": bool(o.label_filename),
        }
    found = [feature for feature, present in unsupported.items() if present]
    if found:
        raise _invalid(name, f"{', '.join(found)} not supported")


def _max_batch_size(config: mc.ModelConfig, name: str, signature: Signature) -> tuple[int, bool]:
    """The model's max_batch_size, and whether auto-complete chose it."""
    if config.max_batch_size < 0:
        raise _invalid(name, f"max_batch_size {config.max_batch_size} must be >= 0")
    if config.max_batch_size > 0:
        return config.max_batch_size, False
    declared = {t.name: len(t.dims) for t in (*signature.inputs, *signature.outputs)}
    # A listed tensor with the artifact's full rank says "no implicit batch dimension".
    listed = [(t.name, len(t.dims)) for t in config.input]
    listed += [(t.name, len(t.dims)) for t in config.output]
    lists_full_shapes = any(declared.get(tensor) == rank for tensor, rank in listed)
    if lists_full_shapes or not _can_batch(signature):
        return 0, False
    return DEFAULT_MAX_BATCH_SIZE, True


def _can_batch(signature: Signature) -> bool:
    tensors = (*signature.inputs, *signature.outputs)
    return bool(tensors) and all(t.dims[:1] == (-1,) for t in tensors)


def _input_spec(model: str, t: mc.ModelInput) -> TensorSpec:
    datatype = _datatype(model, "input", t.name, t.data_type)
    return TensorSpec(t.name, datatype, tuple(t.dims), optional=t.optional)


def _output_spec(model: str, t: mc.ModelOutput) -> TensorSpec:
    return TensorSpec(t.name, _datatype(model, "output", t.name, t.data_type), tuple(t.dims))


def _datatype(model: str, kind: str, tensor: str, value: mc.DataType.ValueType) -> DataType:
    datatype = from_config_datatype(value)
    if datatype is None:
        raise _invalid(model, f"{kind} '{tensor}' has no valid data_type")
    return datatype


def _complete(
    model: str,
    kind: str,
    listed: Sequence[TensorSpec],
    declared: Sequence[TensorSpec],
    max_batch_size: int,
) -> tuple[TensorSpec, ...]:
    """The config's tensors checked against the artifact's, or the artifact's if none."""
    if not listed:
        return tuple(_per_sample(model, kind, t, max_batch_size) for t in declared)
    by_name = {t.name: t for t in declared}
    names = [t.name for t in listed]
    if duplicates := sorted({n for n in names if names.count(n) > 1}):
        raise _invalid(model, f"{kind} {duplicates} listed more than once")
    for t in listed:
        if t.name not in by_name:
            raise _invalid(
                model, f"{kind} '{t.name}' is not in the model, which has {sorted(by_name)}"
            )
        _check_listed(model, kind, t, by_name[t.name], max_batch_size)
    # Outputs may be a subset, as in Triton; every graph input must be fed.
    missing = [n for n in by_name if n not in names]
    if kind == "input" and missing:
        raise _invalid(model, f"config lists no input {missing}, which the model requires")
    return tuple(listed)


def _per_sample(model: str, kind: str, t: TensorSpec, max_batch_size: int) -> TensorSpec:
    if max_batch_size == 0:
        return t
    _check_batch_dim(model, kind, t, max_batch_size)
    return TensorSpec(t.name, t.datatype, t.dims[1:], t.optional)


def _check_batch_dim(model: str, kind: str, declared: TensorSpec, max_batch_size: int) -> None:
    if declared.dims[:1] != (-1,):
        raise _invalid(
            model,
            f"max_batch_size {max_batch_size} needs a dynamic first dimension on {kind} "
            f"'{declared.name}', but the model declares shape {list(declared.dims)}",
        )


def _check_listed(
    model: str, kind: str, listed: TensorSpec, declared: TensorSpec, max_batch_size: int
) -> None:
    if listed.datatype is not declared.datatype:
        raise _invalid(
            model,
            f"{kind} '{listed.name}' has data_type {_type_name(listed.datatype)} in the config "
            f"but {_type_name(declared.datatype)} in the model",
        )
    if any(d < -1 or d == 0 for d in listed.dims):
        raise _invalid(
            model, f"{kind} '{listed.name}' dims {list(listed.dims)} must be positive or -1"
        )
    full = listed.dims
    if max_batch_size > 0:
        _check_batch_dim(model, kind, declared, max_batch_size)
        full = (-1, *listed.dims)
    compatible = len(full) == len(declared.dims) and all(
        d == -1 or c == d for c, d in zip(full, declared.dims, strict=True)
    )
    if not compatible:
        raise _invalid(
            model,
            f"{kind} '{listed.name}' has dims {list(listed.dims)} in the config, full shape "
            f"{list(full)} with max_batch_size {max_batch_size}, but the model declares "
            f"shape {list(declared.dims)}",
        )


def _type_name(datatype: DataType) -> str:
    return mc.DataType.Name(to_config_datatype(datatype))


def _batching(
    config: mc.ModelConfig, name: str, max_batch_size: int, completed: bool
) -> BatchingSpec | None:
    if not config.HasField("dynamic_batching"):
        # Triton's ONNX Runtime backend turns the batcher on when auto-complete chose a
        # max_batch_size above 1 and the config chose no scheduler.
        return BatchingSpec() if completed and max_batch_size > 1 else None
    if max_batch_size == 0:
        raise _invalid(name, "dynamic batching requires max_batch_size > 0")
    db = config.dynamic_batching
    preferred = tuple(db.preferred_batch_size)
    if any(not 1 <= size <= max_batch_size for size in preferred):
        raise _invalid(
            name,
            f"preferred_batch_size {list(preferred)} must lie in [1, {max_batch_size}] "
            "(max_batch_size)",
        )
    _check_priorities(db, name)
    return BatchingSpec(
        preferred_batch_sizes=preferred,
        max_queue_delay_us=db.max_queue_delay_microseconds,
        preserve_ordering=db.preserve_ordering,
        priority_levels=db.priority_levels,
        default_priority_level=db.default_priority_level,
        default_queue_policy=_queue_policy(db.default_queue_policy, name),
        priority_queue_policy={
            level: _queue_policy(policy, name) for level, policy in db.priority_queue_policy.items()
        },
    )


def _check_priorities(db: mc.ModelDynamicBatching, name: str) -> None:
    levels = db.priority_levels
    if levels == 0:
        if db.default_priority_level or db.priority_queue_policy:
            raise _invalid(
                name,
                "default_priority_level and priority_queue_policy need priority_levels > 0",
            )
        return
    if not 1 <= db.default_priority_level <= levels:
        raise _invalid(
            name,
            f"default_priority_level {db.default_priority_level} must lie in [1, {levels}]",
        )
    if outside := sorted(k for k in db.priority_queue_policy if not 1 <= k <= levels):
        raise _invalid(name, f"priority_queue_policy levels {outside} must lie in [1, {levels}]")


def _queue_policy(policy: mc.ModelQueuePolicy, name: str) -> QueuePolicy:
    action = _TIMEOUT_ACTIONS.get(policy.timeout_action)
    if action is None:
        raise _invalid(name, f"unknown queue policy timeout_action {policy.timeout_action}")
    return QueuePolicy(
        max_queue_size=policy.max_queue_size,
        default_timeout_us=policy.default_timeout_microseconds,
        allow_timeout_override=policy.allow_timeout_override,
        timeout_action=action,
    )


def _instance_count(config: mc.ModelConfig, name: str, backend: RuntimeNames) -> int:
    total = 0
    for group in config.instance_group:
        label = f"instance_group '{group.name}'" if group.name else "instance_group"
        if group.kind not in _CPU_KINDS:
            kinds = mc.ModelInstanceGroup.Kind
            kind = kinds.Name(group.kind) if group.kind in kinds.values() else group.kind
            raise _invalid(
                name, f"{label} kind {kind} is not supported by CPU backend '{backend.name}'"
            )
        if group.gpus or group.profile or group.secondary_devices:
            raise _invalid(name, f"{label} gpus, profile and secondary_devices not supported")
        if group.HasField("rate_limiter") or group.passive or group.host_policy:
            raise _invalid(name, f"{label} rate_limiter, passive and host_policy not supported")
        if group.count < 0:
            raise _invalid(name, f"{label} count {group.count} must be >= 0")
        # As in Triton, a group that states no count has one instance.
        total += group.count or 1
    return total or 1


def _version_policy_pb(policy: VersionPolicy) -> mc.ModelVersionPolicy:
    if policy.kind is VersionPolicyKind.ALL:
        return mc.ModelVersionPolicy(all=mc.ModelVersionPolicy.All())
    if policy.kind is VersionPolicyKind.SPECIFIC:
        return mc.ModelVersionPolicy(
            specific=mc.ModelVersionPolicy.Specific(versions=policy.versions)
        )
    return mc.ModelVersionPolicy(latest=mc.ModelVersionPolicy.Latest(num_versions=policy.latest_n))


def _dynamic_batching_pb(batching: BatchingSpec) -> mc.ModelDynamicBatching:
    db = mc.ModelDynamicBatching(
        preferred_batch_size=batching.preferred_batch_sizes,
        max_queue_delay_microseconds=batching.max_queue_delay_us,
        preserve_ordering=batching.preserve_ordering,
        priority_levels=batching.priority_levels,
        default_priority_level=batching.default_priority_level,
        priority_queue_policy={
            level: _queue_policy_pb(policy)
            for level, policy in batching.priority_queue_policy.items()
        },
    )
    if batching.default_queue_policy != QueuePolicy():
        db.default_queue_policy.CopyFrom(_queue_policy_pb(batching.default_queue_policy))
    return db


def _queue_policy_pb(policy: QueuePolicy) -> mc.ModelQueuePolicy:
    return mc.ModelQueuePolicy(
        timeout_action=_CONFIG_TIMEOUT_ACTIONS[policy.timeout_action],
        default_timeout_microseconds=policy.default_timeout_us,
        allow_timeout_override=policy.allow_timeout_override,
        max_queue_size=policy.max_queue_size,
    )
