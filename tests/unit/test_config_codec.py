"""Triton ModelConfig <-> ModelSpec: auto-complete, validation and round trips."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from google.protobuf import json_format, text_format

from maas.errors import InvalidInput
from maas.worker.backends.base import Signature
from maas.worker.config_codec import (
    DEFAULT_MAX_BATCH_SIZE,
    config_from_spec,
    from_config_datatype,
    model_filename,
    parse_json,
    parse_pbtxt,
    spec_from_config,
    to_config_datatype,
)
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


@dataclass(frozen=True)
class Names:
    platform: str = "onnxruntime_onnx"
    name: str = "onnxruntime"


ORT = Names()

# Triton's add_sub: everything batches along a dynamic first dimension.
BATCHABLE = Signature(
    inputs=(
        TensorSpec("INPUT0", DataType.INT32, (-1, 16)),
        TensorSpec("INPUT1", DataType.INT32, (-1, 16)),
    ),
    outputs=(
        TensorSpec("OUTPUT0", DataType.INT32, (-1, 16)),
        TensorSpec("OUTPUT1", DataType.INT32, (-1, 16)),
    ),
)
FIXED = Signature(
    inputs=(TensorSpec("x", DataType.FP32, (1, 3, 8)),),
    outputs=(TensorSpec("y", DataType.FP32, (1, 8)),),
)


def spec(config_text: str | None, signature: Signature = BATCHABLE) -> ModelSpec:
    config = parse_pbtxt(config_text) if config_text is not None else None
    return spec_from_config(config, "m", signature, ORT)


def signature_of(s: ModelSpec) -> Signature:
    prefix = (-1,) if s.batched else ()
    return Signature(
        inputs=tuple(TensorSpec(t.name, t.datatype, prefix + t.dims) for t in s.inputs),
        outputs=tuple(TensorSpec(t.name, t.datatype, prefix + t.dims) for t in s.outputs),
    )


ADD_SUB_IO = """
input [ { name: "INPUT0" data_type: TYPE_INT32 dims: [ 16 ] },
        { name: "INPUT1" data_type: TYPE_INT32 dims: [ 16 ] } ]
output [ { name: "OUTPUT0" data_type: TYPE_INT32 dims: [ 16 ] } ]
"""


def test_datatype_table_is_a_bijection_with_triton_enum_values() -> None:
    assert to_config_datatype(DataType.FP32) == mc.TYPE_FP32 == 11
    assert to_config_datatype(DataType.BYTES) == mc.TYPE_STRING == 13
    assert to_config_datatype(DataType.BF16) == mc.TYPE_BF16 == 14
    for datatype in DataType:
        value = to_config_datatype(datatype)
        assert from_config_datatype(value) is datatype
        assert mc.DataType.Name(value) == "TYPE_" + (
            "STRING" if datatype is DataType.BYTES else datatype.value
        )
    assert from_config_datatype(mc.TYPE_INVALID) is None


def test_parse_pbtxt_reports_the_parser_message() -> None:
    assert parse_pbtxt('name: "m" max_batch_size: 8').max_batch_size == 8
    with pytest.raises(InvalidInput, match=r"invalid model configuration: .*max_batch_sise"):
        parse_pbtxt("max_batch_sise: 8")


def test_parse_json_accepts_tritonclient_json_and_rejects_garbage() -> None:
    config = parse_json(
        '{"name": "m", "max_batch_size": 4, "input": [{"name": "INPUT0", '
        '"data_type": "TYPE_FP32", "dims": ["16"]}], "dynamic_batching": {}}'
    )
    assert config.input[0].dims == [16]
    assert config.HasField("dynamic_batching")
    with pytest.raises(InvalidInput, match="invalid model configuration"):
        parse_json("{not json")
    with pytest.raises(InvalidInput, match="no field named"):
        parse_json('{"max_batch": 1}')


def test_no_config_autocompletes_a_batching_model_like_triton() -> None:
    s = spec(None)
    assert s.name == "m"
    assert (s.platform, s.backend) == ("onnxruntime_onnx", "onnxruntime")
    assert s.max_batch_size == DEFAULT_MAX_BATCH_SIZE == 4
    assert [(t.name, t.dims) for t in s.inputs] == [("INPUT0", (16,)), ("INPUT1", (16,))]
    assert [t.name for t in s.outputs] == ["OUTPUT0", "OUTPUT1"]
    assert s.batching == BatchingSpec()
    assert s.instance_count == 1
    assert s.version_policy == VersionPolicy()
    assert s.default_model_filename == "model.onnx"


def test_no_config_and_fixed_first_dim_means_no_batching_and_full_dims() -> None:
    s = spec(None, FIXED)
    assert s.max_batch_size == 0
    assert s.inputs == (TensorSpec("x", DataType.FP32, (1, 3, 8)),)
    assert s.batching is None


def test_listing_full_shapes_keeps_max_batch_size_zero() -> None:
    s = spec(
        'input [ { name: "INPUT0" data_type: TYPE_INT32 dims: [ -1, 16 ] },'
        ' { name: "INPUT1" data_type: TYPE_INT32 dims: [ -1, 16 ] } ]'
    )
    assert s.max_batch_size == 0
    assert s.inputs[0].dims == (-1, 16)
    assert s.batching is None
    # Outputs were not listed: completed with full shapes too.
    assert s.outputs[1] == TensorSpec("OUTPUT1", DataType.INT32, (-1, 16))


def test_listing_per_sample_dims_autocompletes_max_batch_size() -> None:
    s = spec(ADD_SUB_IO)
    assert s.max_batch_size == 4
    # Outputs may be a subset of the model's, as in Triton.
    assert [t.name for t in s.outputs] == ["OUTPUT0"]


def test_explicit_config_maps_every_field() -> None:
    s = spec(
        'name: "m" platform: "onnxruntime_onnx" max_batch_size: 8'
        + ADD_SUB_IO
        + """
        instance_group [ { count: 2 kind: KIND_CPU }, { kind: KIND_AUTO } ]
        version_policy { specific { versions: [ 1, 3 ] } }
        default_model_filename: "net.onnx"
        parameters { key: "intra_op_thread_count" value { string_value: "2" } }
        dynamic_batching {
          preferred_batch_size: [ 2, 8 ]
          max_queue_delay_microseconds: 300
          preserve_ordering: true
          priority_levels: 3
          default_priority_level: 2
          default_queue_policy { max_queue_size: 10 default_timeout_microseconds: 500
                                 allow_timeout_override: true timeout_action: DELAY }
          priority_queue_policy { key: 1 value { max_queue_size: 4 } }
        }
        """
    )
    assert s.max_batch_size == 8
    assert s.instance_count == 3
    assert s.version_policy == VersionPolicy(kind=VersionPolicyKind.SPECIFIC, versions=(1, 3))
    assert s.default_model_filename == "net.onnx"
    assert s.parameters == {"intra_op_thread_count": "2"}
    assert s.batching == BatchingSpec(
        preferred_batch_sizes=(2, 8),
        max_queue_delay_us=300,
        preserve_ordering=True,
        priority_levels=3,
        default_priority_level=2,
        default_queue_policy=QueuePolicy(10, 500, True, TimeoutAction.DELAY),
        priority_queue_policy={1: QueuePolicy(max_queue_size=4)},
    )


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("version_policy { all {} }", VersionPolicy(kind=VersionPolicyKind.ALL)),
        ("version_policy { latest { num_versions: 2 } }", VersionPolicy(latest_n=2)),
        ("", VersionPolicy()),
    ],
)
def test_version_policy(text: str, policy: VersionPolicy) -> None:
    assert spec(text).version_policy == policy


def test_config_may_narrow_a_dynamic_dimension() -> None:
    sig = Signature(
        inputs=(TensorSpec("x", DataType.FP32, (-1, -1)),),
        outputs=(TensorSpec("y", DataType.FP32, (-1, -1)),),
    )
    s = spec('max_batch_size: 2 input [ { name: "x" data_type: TYPE_FP32 dims: [ 5 ] } ]', sig)
    assert s.inputs[0].dims == (5,)
    assert s.outputs[0].dims == (-1,)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name: "other"', "model 'm': config name 'other' must match the directory name"),
        ('platform: "tensorrt_plan"', "unsupported platform 'tensorrt_plan'"),
        ('backend: "pytorch"', "unsupported backend 'pytorch'"),
        ("max_batch_size: -1", "max_batch_size -1 must be >= 0"),
        (
            'max_batch_size: 4 input [ { name: "INPUT9" data_type: TYPE_INT32 dims: [16] } ]',
            "model 'm': input 'INPUT9' is not in the model",
        ),
        (
            'max_batch_size: 4 input [ { name: "INPUT0" data_type: TYPE_FP32 dims: [16] },'
            ' { name: "INPUT1" data_type: TYPE_INT32 dims: [16] } ]',
            "model 'm': input 'INPUT0' has data_type TYPE_FP32 in the config but TYPE_INT32",
        ),
        (
            'max_batch_size: 4 input [ { name: "INPUT0" data_type: TYPE_INT32 dims: [8] },'
            ' { name: "INPUT1" data_type: TYPE_INT32 dims: [16] } ]',
            r"input 'INPUT0' has dims \[8\] in the config, full shape \[-1, 8\]",
        ),
        (
            'max_batch_size: 4 input [ { name: "INPUT0" data_type: TYPE_INT32 dims: [16] } ]',
            r"config lists no input \['INPUT1'\], which the model requires",
        ),
        (
            'max_batch_size: 4 output [ { name: "OUTPUT0" data_type: TYPE_INT32 dims: [16] },'
            ' { name: "OUTPUT0" data_type: TYPE_INT32 dims: [16] } ]',
            r"output \['OUTPUT0'\] listed more than once",
        ),
        (
            'max_batch_size: 4 output [ { name: "OUTPUT0" data_type: TYPE_INVALID dims: [16] } ]',
            "output 'OUTPUT0' has no valid data_type",
        ),
        (
            "max_batch_size: 4 dynamic_batching { preferred_batch_size: [ 2, 8 ] }",
            r"preferred_batch_size \[2, 8\] must lie in \[1, 4\]",
        ),
        (
            "max_batch_size: 4 dynamic_batching { priority_levels: 2 default_priority_level: 3 }",
            r"default_priority_level 3 must lie in \[1, 2\]",
        ),
        (
            "max_batch_size: 4 dynamic_batching { priority_levels: 2 default_priority_level: 1"
            " priority_queue_policy { key: 5 value {} } }",
            r"priority_queue_policy levels \[5\] must lie in \[1, 2\]",
        ),
        (
            "max_batch_size: 4 dynamic_batching { default_priority_level: 1 }",
            "need priority_levels > 0",
        ),
        ("instance_group [ { kind: KIND_GPU } ]", "kind KIND_GPU is not supported by CPU"),
        ("instance_group [ { count: -2 } ]", "count -2 must be >= 0"),
        ("instance_group [ { gpus: [ 0 ] } ]", "gpus, profile and secondary_devices"),
        ("version_policy { latest {} }", "num_versions must be >= 1"),
        ("version_policy { specific { versions: [ 0 ] } }", r"versions \[0\] must be >= 1"),
        ('default_model_filename: "../x.onnx"', "must be a plain file name"),
    ],
)
def test_invalid_configs_name_the_model_and_the_problem(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        spec(text)


def test_dynamic_batching_without_batch_dimension_is_an_error() -> None:
    with pytest.raises(InvalidInput, match="dynamic batching requires max_batch_size > 0"):
        spec("dynamic_batching {}", FIXED)


def test_max_batch_size_needs_a_dynamic_first_dimension() -> None:
    with pytest.raises(InvalidInput, match=r"dynamic first dimension on input 'x'.*\[1, 3, 8\]"):
        spec("max_batch_size: 2", FIXED)


def test_config_cannot_widen_a_fixed_model_dimension() -> None:
    with pytest.raises(InvalidInput, match=r"has dims \[1, -1, 8\]"):
        spec('input [ { name: "x" data_type: TYPE_FP32 dims: [ 1, -1, 8 ] } ]', FIXED)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("sequence_batching {}", "sequence_batching"),
        ("ensemble_scheduling {}", "ensemble_scheduling"),
        ("model_transaction_policy { decoupled: true }", "model_transaction_policy.decoupled"),
        ('batch_input [ { kind: BATCH_ELEMENT_COUNT target_name: "c" } ]', "batch_input"),
        ('batch_output [ { target_name: "c" } ]', "batch_output"),
        (
            'input [ { name: "INPUT0" data_type: TYPE_INT32 dims: [16] reshape { shape: [16] } } ]',
            "input 'INPUT0' reshape",
        ),
        (
            'input [ { name: "INPUT0" data_type: TYPE_INT32 dims: [16] is_shape_tensor: true } ]',
            "input 'INPUT0' is_shape_tensor",
        ),
        (
            'output [ { name: "OUTPUT0" data_type: TYPE_INT32 dims: [16] label_filename: "l" } ]',
            "output 'OUTPUT0' label_filename",
        ),
        ("response_cache { enable: true }", "response_cache"),
        ('cc_model_filenames { key: "7.5" value: "a.onnx" }', "cc_model_filenames"),
    ],
)
def test_unimplemented_semantics_are_refused_not_ignored(text: str, feature: str) -> None:
    with pytest.raises(InvalidInput, match=f"model 'm': .*{feature}.* not supported"):
        spec(text)


def test_model_filename_defaults_per_backend_and_checks_platform() -> None:
    assert model_filename(None, "m", ORT) == "model.onnx"
    assert model_filename(parse_pbtxt('default_model_filename: "a.onnx"'), "m", ORT) == "a.onnx"
    with pytest.raises(InvalidInput, match="unsupported platform"):
        model_filename(parse_pbtxt('platform: "pytorch_libtorch"'), "m", ORT)


def test_config_from_spec_fills_triton_fields() -> None:
    s = ModelSpec(
        name="m",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=8,
        inputs=(
            TensorSpec("text", DataType.BYTES, (-1,)),
            TensorSpec("h", DataType.BF16, (4,), optional=True),
        ),
        outputs=(TensorSpec("y", DataType.FP16, (2, 2)),),
        batching=BatchingSpec(preferred_batch_sizes=(4,), max_queue_delay_us=100),
        instance_count=2,
    )
    config = config_from_spec(s)
    assert config.name == "m"
    assert (config.platform, config.backend, config.max_batch_size) == (
        "onnxruntime_onnx",
        "onnxruntime",
        8,
    )
    assert [(i.name, i.data_type, list(i.dims), i.optional) for i in config.input] == [
        ("text", mc.TYPE_STRING, [-1], False),
        ("h", mc.TYPE_BF16, [4], True),
    ]
    assert [(o.name, o.data_type, list(o.dims)) for o in config.output] == [
        ("y", mc.TYPE_FP16, [2, 2])
    ]
    group = config.instance_group[0]
    assert (group.name, group.kind, group.count) == ("m_0", mc.ModelInstanceGroup.KIND_CPU, 2)
    assert list(config.dynamic_batching.preferred_batch_size) == [4]
    assert config.dynamic_batching.max_queue_delay_microseconds == 100
    assert config.version_policy.latest.num_versions == 1
    assert config.default_model_filename == "model.onnx"
    # tritonclient's as_json view: enum names and int64 dims as strings.
    as_json = json_format.MessageToDict(config, preserving_proto_field_name=True)
    assert as_json["input"][0]["data_type"] == "TYPE_STRING"
    assert as_json["input"][0]["dims"] == ["-1"]


ROUND_TRIP_SPECS = [
    ModelSpec(
        name="plain",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=0,
        inputs=(TensorSpec("x", DataType.FP32, (-1, 3)),),
        outputs=(TensorSpec("y", DataType.FP64, (3,)),),
    ),
    ModelSpec(
        name="batched_no_batcher",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=16,
        inputs=(
            TensorSpec("a", DataType.INT8, (2, -1)),
            TensorSpec("b", DataType.BOOL, (), optional=True),
        ),
        outputs=(TensorSpec("c", DataType.UINT64, (5,)),),
        instance_count=3,
        version_policy=VersionPolicy(kind=VersionPolicyKind.ALL),
        parameters={"intra_op_thread_count": "1", "inter_op_thread_count": "1"},
    ),
    ModelSpec(
        name="everything",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=32,
        inputs=(TensorSpec("s", DataType.BYTES, (-1,)), TensorSpec("h", DataType.BF16, (8,))),
        outputs=(TensorSpec("o", DataType.FP16, (8,)),),
        batching=BatchingSpec(
            preferred_batch_sizes=(8, 32),
            max_queue_delay_us=250,
            preserve_ordering=True,
            priority_levels=2,
            default_priority_level=2,
            default_queue_policy=QueuePolicy(100, 1000, True, TimeoutAction.DELAY),
            priority_queue_policy={1: QueuePolicy(max_queue_size=5), 2: QueuePolicy()},
        ),
        version_policy=VersionPolicy(kind=VersionPolicyKind.SPECIFIC, versions=(2, 7)),
        default_model_filename="weights.onnx",
    ),
    ModelSpec(
        name="latest_three",
        platform="onnxruntime_onnx",
        backend="onnxruntime",
        max_batch_size=1,
        inputs=(TensorSpec("x", DataType.UINT16, (1, 2, 3)),),
        outputs=(TensorSpec("y", DataType.INT64, ()),),
        batching=BatchingSpec(),
        version_policy=VersionPolicy(latest_n=3),
    ),
]


@pytest.mark.parametrize("original", ROUND_TRIP_SPECS, ids=lambda s: s.name)
def test_spec_config_spec_round_trip_is_identity(original: ModelSpec) -> None:
    config = config_from_spec(original)
    assert spec_from_config(config, original.name, signature_of(original), ORT) == original
    # The same through the text a config.pbtxt would hold and the JSON of a load override.
    text = text_format.MessageToString(config)
    assert spec_from_config(parse_pbtxt(text), original.name, signature_of(original), ORT) == (
        original
    )
    as_json = json_format.MessageToJson(config)
    assert spec_from_config(parse_json(as_json), original.name, signature_of(original), ORT) == (
        original
    )
