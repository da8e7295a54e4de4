"""Worker converters: wire rules at the edge, and responses tritonclient can read."""

from __future__ import annotations

import numpy as np
import pytest
from tritonclient.grpc import InferResult
from tritonclient.grpc import service_pb2 as triton_pb

from maas.errors import InvalidInput
from maas.worker.datatypes import DataType
from maas.worker.grpc import converters
from maas.worker.requests import InferResult as Result
from maas.worker.requests import OutputTensor
from maas_proto import grpc_service_pb2 as pb


def _request(**params: pb.InferParameter) -> pb.ModelInferRequest:
    message = pb.ModelInferRequest(model_name="m", model_version="2", id="req-1")
    message.inputs.add(name="A", datatype="FP32", shape=[1, 2])
    message.inputs.add(name="B", datatype="BYTES", shape=[1])
    message.raw_input_contents.extend(
        [np.array([1, 2], dtype=np.float32).tobytes(), b"\x02\x00\x00\x00hi"]
    )
    message.outputs.add(name="Y")
    for key, value in params.items():
        message.parameters[key].CopyFrom(value)
    return message


def test_raw_inputs_are_assigned_in_order() -> None:
    request = converters.infer_request(_request())
    assert (request.model_name, request.model_version, request.id) == ("m", "2", "req-1")
    assert [t.name for t in request.inputs] == ["A", "B"]
    assert request.inputs[0].raw == np.array([1, 2], dtype=np.float32).tobytes()
    assert request.inputs[1].raw == b"\x02\x00\x00\x00hi"
    assert request.outputs == ["Y"]


def test_parameters_clients_always_send_are_accepted() -> None:
    request = converters.infer_request(
        _request(
            sequence_id=pb.InferParameter(int64_param=7),
            sequence_start=pb.InferParameter(bool_param=False),
            sequence_end=pb.InferParameter(bool_param=False),
            priority=pb.InferParameter(uint64_param=2),
            timeout=pb.InferParameter(int64_param=1000),
            triton_enable_empty_final_response=pb.InferParameter(bool_param=False),
            custom=pb.InferParameter(double_param=0.5),
        )
    )
    assert request.priority == 2
    assert request.timeout_us == 1000
    assert request.parameters == {"custom": 0.5}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"sequence_start": pb.InferParameter(int64_param=1)},
            "invalid value type for 'sequence_start'",
        ),
        ({"priority": pb.InferParameter(string_param="high")}, "invalid value type for 'priority'"),
        ({"triton_whatever": pb.InferParameter(bool_param=True)}, "reserved for Triton usage"),
        (
            {"timeout": pb.InferParameter(int64_param=-1)},
            "'timeout' parameter must be non-negative",
        ),
    ],
)
def test_bad_parameters_are_refused(params: dict[str, pb.InferParameter], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        converters.infer_request(_request(**params))


def test_raw_and_typed_contents_never_mix() -> None:
    message = _request()
    message.inputs[0].contents.fp32_contents.extend([1.0, 2.0])
    with pytest.raises(InvalidInput, match="contents field must not be specified"):
        converters.infer_request(message)


def test_typed_contents_carry_the_datatypes_their_field_allows() -> None:
    message = pb.ModelInferRequest(model_name="m")
    message.inputs.add(name="X", datatype="INT16", shape=[2]).contents.int_contents.extend([1, 2])
    (tensor,) = converters.infer_request(message).inputs
    assert tensor.raw is None
    assert list(tensor.values or ()) == [1, 2]
    assert DataType.INT16 in tensor.values_datatypes
    assert DataType.INT64 not in tensor.values_datatypes


def test_extra_raw_entries_and_shared_memory_are_refused() -> None:
    message = _request()
    message.raw_input_contents.append(b"extra")
    with pytest.raises(InvalidInput, match="raw_input_contents"):
        converters.infer_request(message)
    message = _request()
    message.inputs[0].parameters["shared_memory_region"].string_param = "r"
    with pytest.raises(InvalidInput, match="shared memory is not supported"):
        converters.infer_request(message)


def test_response_is_read_by_tritonclient() -> None:
    probabilities = np.array([[0.25, 0.75], [0.5, 0.5]], dtype=np.float32)
    words = np.array([[b"a"], [b"bc"]], dtype=np.object_)
    halves = np.array([1.5, -2], dtype=np.float16)
    result = Result(
        "m",
        "3",
        "req-9",
        [
            OutputTensor("P", DataType.FP32, probabilities),
            OutputTensor("W", DataType.BYTES, words),
            OutputTensor("H", DataType.FP16, halves),
        ],
    )
    message = converters.infer_response(result)
    assert len(message.raw_output_contents) == len(message.outputs) == 3
    parsed = InferResult(triton_pb.ModelInferResponse.FromString(message.SerializeToString()))
    np.testing.assert_array_equal(parsed.as_numpy("P"), probabilities)
    assert parsed.as_numpy("W").tolist() == [[b"a"], [b"bc"]]
    np.testing.assert_array_equal(parsed.as_numpy("H"), halves)
    response = parsed.get_response()
    assert (response.model_name, response.model_version, response.id) == ("m", "3", "req-9")


def test_stream_error_keeps_the_id_and_is_final() -> None:
    request = pb.ModelInferRequest(model_name="m", id="42")
    message = converters.stream_error("boom", request)
    assert message.error_message == "boom"
    assert message.infer_response.id == "42"
    assert message.infer_response.parameters["triton_final_response"].bool_param is True
