"""Request validation against a model spec: every rule, with Triton's wording."""

from __future__ import annotations

import numpy as np
import pytest

from maas.errors import InvalidInput
from maas.worker.datatypes import DataType
from maas.worker.requests import InferRequest, InputTensor
from maas.worker.spec import ModelSpec, TensorSpec
from maas.worker.validation import prepare_job

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
