"""Request validation against a model spec: every rule, with Triton's wording."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from maas.errors import ECHO_CHARS, InvalidInput, echo
from maas.names import check_model_name, is_model_name, parse_version
from maas.scheduler.grpc import converters as sched_converters
from maas.worker.datatypes import DataType
from maas.worker.grpc import control_converters
from maas.worker.requests import InferRequest, InputTensor
from maas.worker.spec import ModelSpec, TensorSpec
from maas.worker.tensors import decode_raw, decode_typed, element_count
from maas.worker.validation import prepare_job
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as sched_pb
from maas_proto.maas.worker.v1 import worker_pb2 as worker_pb

BATCHED = ModelSpec(
    name="m",
    platform="onnxruntime_onnx",
    backend="onnxruntime",
    max_batch_size=8,
    inputs=(
        TensorSpec("A", DataType.FP32, (4,)),
        TensorSpec("B", DataType.INT32, (-1,)),
        TensorSpec("C", DataType.FP32, (2,), optional=True),
    ),
    outputs=(TensorSpec("Y", DataType.FP32, (4,)), TensorSpec("Z", DataType.INT32, (-1,))),
)
UNBATCHED = ModelSpec(
    name="u",
    platform="onnxruntime_onnx",
    backend="onnxruntime",
    max_batch_size=0,
    inputs=(TensorSpec("S", DataType.BYTES, (-1,)),),
    outputs=(TensorSpec("T", DataType.BYTES, (-1,)),),
)


def _a(shape: tuple[int, ...] = (2, 4), datatype: str = "FP32") -> InputTensor:
    data = np.arange(np.prod(shape), dtype=np.float32).reshape(shape)
    return InputTensor("A", datatype, shape, raw=data.tobytes())


def _b(shape: tuple[int, ...] = (2, 3)) -> InputTensor:
    return InputTensor("B", "INT32", shape, raw=np.ones(shape, np.int32).tobytes())


def test_valid_request_becomes_a_job_with_zero_copy_inputs() -> None:
    a = _a()
    job = prepare_job(BATCHED, InferRequest("m", inputs=[a, _b()], outputs=["Z"]))
    assert job.batch_size == 2
    assert job.outputs == ("Z",)
    np.testing.assert_array_equal(job.inputs["A"], np.arange(8, dtype=np.float32).reshape(2, 4))
    assert job.inputs["A"].base is not None  # a view over the request bytes, not a copy


def test_no_requested_outputs_means_all() -> None:
    job = prepare_job(BATCHED, InferRequest("m", inputs=[_a(), _b()]))
    assert job.outputs == ("Y", "Z")


@pytest.mark.parametrize(
    ("request_", "message"),
    [
        (InferRequest("m", inputs=[_a()]), "expected 2 inputs but got 1 inputs for model 'm'"),
        (
            InferRequest("m", inputs=[_a(), _b(), InputTensor("Q", "FP32", (1,))]),
            "unexpected inference input 'Q' for model 'm'",
        ),
        (
            InferRequest("m", inputs=[_a(datatype="FP64"), _b()]),
            "inference input 'A' data-type is 'FP64', but model 'm' expects 'FP32'",
        ),
        (
            InferRequest("m", inputs=[_a((4,)), _b()]),
            "unexpected shape for input 'A' for model 'm'. Expected [-1,4], got [4]",
        ),
        (
            InferRequest("m", inputs=[_a((2, 4)), _b((3, 3))]),
            "batch size does not match other inputs",
        ),
        (InferRequest("m", inputs=[_a((9, 4)), _b((9, 1))]), "batch-size must be <= 8 for 'm'"),
        (
            InferRequest("m", inputs=[_a((2, 4)), InputTensor("B", "INT32", (2, -1), raw=b"")]),
            "All input dimensions should be specified for input 'B'",
        ),
        (
            InferRequest("m", inputs=[_a(), InputTensor("B", "INT32", (2, 3), raw=b"\0" * 20)]),
            "input byte size mismatch for input 'B' for model 'm'. Expected 24, got 20",
        ),
        (
            InferRequest("m", inputs=[_a(), InputTensor("B", "INT32", (2, 3))]),
            "unable to find data for input tensor 'B' for model 'm' in request.",
        ),
        (
            InferRequest("m", inputs=[_a(), _b()], outputs=["nope"]),
            "unexpected inference output 'nope' for model 'm'",
        ),
        (
            InferRequest(
                "m",
                inputs=[
                    _a(),
                    InputTensor(
                        "B",
                        "INT32",
                        (2, 1),
                        values=[1.5, 2],
                        values_datatypes=frozenset({DataType.FP32}),
                    ),
                ],
            ),
            "unexpected explicit tensor data for input tensor 'B'",
        ),
    ],
)
def test_invalid_requests_are_refused_with_triton_wording(
    request_: InferRequest, message: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        prepare_job(BATCHED, request_)
    assert message in str(caught.value)


def test_typed_contents_are_decoded_and_narrowed() -> None:
    spec = ModelSpec(
        "n",
        "onnxruntime_onnx",
        "onnxruntime",
        0,
        (TensorSpec("X", DataType.INT8, (3,)),),
        (TensorSpec("Y", DataType.INT8, (3,)),),
    )
    ints = frozenset({DataType.INT8, DataType.INT16, DataType.INT32})
    job = prepare_job(
        spec,
        InferRequest(
            "n", inputs=[InputTensor("X", "INT8", (3,), values=[1, -2, 3], values_datatypes=ints)]
        ),
    )
    assert job.inputs["X"].dtype == np.int8
    assert job.inputs["X"].tolist() == [1, -2, 3]
    with pytest.raises(InvalidInput, match="out of range"):
        prepare_job(
            spec,
            InferRequest(
                "n",
                inputs=[InputTensor("X", "INT8", (3,), values=[1, 300, 3], values_datatypes=ints)],
            ),
        )


def test_bytes_inputs_walk_length_prefixes() -> None:
    raw = b"\x02\x00\x00\x00hi\x05\x00\x00\x00there"
    job = prepare_job(
        UNBATCHED, InferRequest("u", inputs=[InputTensor("S", "BYTES", (2,), raw=raw)])
    )
    assert job.inputs["S"].tolist() == [b"hi", b"there"]
    assert job.batch_size == 1
    with pytest.raises(InvalidInput, match="incomplete string"):
        prepare_job(UNBATCHED, InferRequest("u", inputs=[InputTensor("S", "BYTES", (3,), raw=raw)]))
    with pytest.raises(InvalidInput, match="byte size mismatch"):
        prepare_job(UNBATCHED, InferRequest("u", inputs=[InputTensor("S", "BYTES", (1,), raw=raw)]))


# --- Hostile sizes, versions, names and integers (issue 8) -------------------------------


@pytest.mark.parametrize(
    ("shape", "most", "count"),
    [
        ((), 10, 1),
        ((2, 3), 6, 6),
        ((2, 3), 5, None),
        ((2**62, 2**62), 2**63, None),
        ((2**62, 2**62, 0), 10, 0),
        ((3, -1), 10, None),
        ((2**40,) * 10_000, 2**63, None),
    ],
)
def test_element_count_stops_at_a_bound(
    shape: tuple[int, ...], most: int, count: int | None
) -> None:
    assert element_count(shape, most) == count


@pytest.mark.parametrize(
    ("datatype", "shape", "values"),
    [
        (DataType.BYTES, (1, 2**27), None),
        (DataType.BYTES, (2**62,), None),
        (DataType.FP32, (2**62,), None),
        (DataType.FP32, (2**62, 2**62), None),
        (DataType.BYTES, (2**62,), [b"x"]),
        (DataType.INT32, (2**31, 2**31), [1]),
    ],
)
def test_sizes_beyond_the_payload_are_refused_without_allocating(
    datatype: DataType, shape: tuple[int, ...], values: list[object] | None
) -> None:
    def decode() -> object:
        if values is None:
            return decode_raw("X", "m", datatype, shape, b"\x00" * 4)
        return decode_typed("X", "m", datatype, shape, values)

    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput, match="input 'X'"):
            decode()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_a_huge_input_list_names_its_inputs_bounded() -> None:
    request = InferRequest(
        "u", inputs=[InputTensor(f"N{i}", "BYTES", (1,), raw=b"") for i in range(10_000)]
    )
    with pytest.raises(InvalidInput) as caught:
        prepare_job(UNBATCHED, request)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize(
    ("text", "version"), [("", None), ("0", 0), ("7", 7), ("007", 7), (str(2**63 - 1), 2**63 - 1)]
)
def test_ascii_digits_are_a_version(text: str, version: int | None) -> None:
    assert parse_version(text) == version


@pytest.mark.parametrize(
    "text",
    [
        *("\u00b2", "\u0661", "\uff11", "+1", "-1", " 1", "1 ", "1\n", "1_0", "0x1", "1.0"),
        *(str(2**63), "9" * 5000),
    ],
)
def test_anything_else_is_not_a_version(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_version(text)
    assert str(caught.value).startswith(
        "failed to get model version from specified version string '"
    )
    assert len(str(caught.value)) < 300


def test_echo_bounds_what_messages_quote() -> None:
    assert echo("short") == "short"
    assert echo("x" * ECHO_CHARS) == "x" * ECHO_CHARS
    assert echo("x" * 10_000) == "x" * (ECHO_CHARS - 3) + "..."
    assert len(echo(list(range(10_000)))) == ECHO_CHARS


@pytest.mark.parametrize(
    "name", ["", "m" * 129, "../x", "a/b", ".hidden", "a b", "a\0b", "-x", "\u00e9t\u00e9"]
)
def test_names_no_model_can_have(name: str) -> None:
    assert not is_model_name(name)
    with pytest.raises(InvalidInput, match="invalid deployment name") as caught:
        check_model_name(name, "deployment name")
    assert len(str(caught.value)) < 300


def test_model_names_that_are_fine() -> None:
    for name in ("m", "add_sub", "A.b-c_9", "m" * 128, "1st"):
        assert check_model_name(name) == name


@pytest.mark.parametrize(
    "spec",
    [
        sched_pb.DeploymentSpec(
            name="d", model="m", resources=sched_pb.Resources(memory_bytes=2**64 - 1)
        ),
        sched_pb.DeploymentSpec(
            name="d", model="m", batching=sched_pb.Batching(max_queue_delay_microseconds=2**63)
        ),
    ],
)
def test_scheduler_refuses_integers_beyond_int64(spec: sched_pb.DeploymentSpec) -> None:
    with pytest.raises(InvalidInput, match="out of range"):
        sched_converters.spec_to_domain(spec)


def test_scheduler_bounds_what_it_echoes() -> None:
    for spec in (
        sched_pb.DeploymentSpec(name="d" * 10_000, model="m"),
        sched_pb.DeploymentSpec(name="d", model="m" * 10_000),
        sched_pb.DeploymentSpec(name="d", model="m", alias="a" * 10_000),
        sched_pb.DeploymentSpec(
            name="d",
            model="m",
            batching=sched_pb.Batching(max_batch_size=1, preferred_batch_sizes=[9] * 10_000),
        ),
    ):
        with pytest.raises(InvalidInput) as caught:
            sched_converters.spec_to_domain(spec)
        assert len(str(caught.value)) < 300
    with pytest.raises(InvalidInput, match="invalid deployment name"):
        sched_converters.deployment_name("../x")


@pytest.mark.parametrize(
    "request_",
    [
        worker_pb.LoadReplicaRequest(served_name="../x", served_version=1),
        worker_pb.LoadReplicaRequest(served_name="m", served_version=2**63),
        worker_pb.LoadReplicaRequest(
            served_name="m", served_version=1, artifact=worker_pb.ArtifactRef(size_bytes=2**64 - 1)
        ),
    ],
)
def test_worker_control_refuses_names_and_integers_it_cannot_serve(
    request_: worker_pb.LoadReplicaRequest,
) -> None:
    with pytest.raises(InvalidInput):
        control_converters.load_request_to_domain(request_)
    with pytest.raises(InvalidInput):
        control_converters.unload_request_to_domain(
            worker_pb.UnloadReplicaRequest(served_name="../x", served_version=1)
        )
