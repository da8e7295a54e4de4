"""The wire helpers agree with the generated protobuf classes, byte for byte."""

from __future__ import annotations

import pytest
from google.protobuf.message import DecodeError

from maas.errors import InvalidInput
from maas.gateway import wire
from maas_proto import grpc_service_pb2 as pb

# oip-protocol.md §2.1 golden encoding of
# ModelInferRequest{model_name:"m", id:"1", inputs:[{IN, FP32, [1,2]}], raw:[1.0f, 2.0f]}.
GOLDEN_REQUEST = bytes.fromhex(
    "0a016d 1a0131 2a0e0a02494e1204465033321a020102 3a080000803f00000040"
)


def _request(**fields: object) -> pb.ModelInferRequest:
    message = pb.ModelInferRequest(**fields)  # type: ignore[arg-type]
    message.inputs.add(name="IN", datatype="FP32", shape=[1, 2])
    message.outputs.add(name="OUT")
    message.parameters["priority"].uint64_param = 2
    message.raw_input_contents.append(b"\x00\x00\x80?\x00\x00\x00@")
    return message


def test_header_of_the_golden_request() -> None:
    assert wire.read_header(GOLDEN_REQUEST) == wire.Header("m", "", "1")


@pytest.mark.parametrize(
    ("name", "version", "request_id"),
    [("mlp", "3", "r-1"), ("", "", ""), ("ünïcode", "12", "x" * 300), ("a" * 200, "", "")],
)
def test_header_matches_the_parsed_message(name: str, version: str, request_id: str) -> None:
    data = _request(model_name=name, model_version=version, id=request_id).SerializeToString()
    assert wire.read_header(data) == wire.Header(name, version, request_id)


def test_a_large_tensor_is_skipped_not_read() -> None:
    message = _request(model_name="big", id="7")
    message.raw_input_contents[0] = bytes(64 * 2**20)
    assert wire.read_header(message.SerializeToString()) == wire.Header("big", "", "7")


def test_the_last_occurrence_of_a_field_wins_as_in_protobuf() -> None:
    merged = (
        pb.ModelInferRequest(model_name="first", id="a").SerializeToString()
        + pb.ModelInferRequest(model_name="second").SerializeToString()
    )
    parsed = pb.ModelInferRequest.FromString(merged)
    assert wire.read_header(merged) == wire.Header(parsed.model_name, "", parsed.id)
    assert parsed.model_name == "second"


def test_unknown_fields_of_every_wire_type_are_skipped() -> None:
    unknown = b"".join(
        (
            bytes.fromhex("f8079601"),  # field 127 varint 150
            bytes.fromhex("f9070102030405060708"),  # field 127 fixed64
            bytes.fromhex("fd0701020304"),  # field 127 fixed32
            bytes.fromhex("fa0703616263"),  # field 127 length-delimited "abc"
            bytes.fromhex("fb07 0801 1201ff fc07"),  # field 127 group with fields
            bytes.fromhex("0801"),  # field 1 as a varint: an unknown field to protobuf
        )
    )
    data = _request(model_name="m", id="i").SerializeToString() + unknown
    parsed = pb.ModelInferRequest.FromString(data)
    assert wire.read_header(data) == wire.Header(parsed.model_name, "", parsed.id)
    assert parsed.model_name == "m"


MALFORMED = [
    bytes.fromhex("0a05616263"),  # length past the end
    bytes.fromhex("0a"),  # tag without a length
    bytes.fromhex("08"),  # varint without a byte
    bytes.fromhex("0d0102"),  # truncated fixed32
    bytes.fromhex("090102030405"),  # truncated fixed64
    bytes.fromhex("0b0801"),  # unterminated group
    bytes.fromhex("0b14"),  # group ended with another field number
    bytes.fromhex("0e"),  # wire type 6 does not exist
    bytes.fromhex("0001"),  # field number 0
    bytes.fromhex("08" + "ff" * 10 + "01"),  # varint longer than 10 bytes
]


@pytest.mark.parametrize("data", [*MALFORMED, bytes.fromhex("0a02c328")])  # + bad UTF-8
def test_malformed_messages_are_invalid_input(data: bytes) -> None:
    with pytest.raises(DecodeError):
        pb.ModelInferRequest.FromString(data)
    with pytest.raises(InvalidInput, match="malformed message"):
        wire.read_header(data)


@pytest.mark.parametrize("data", MALFORMED)
def test_rewrite_refuses_malformed_messages(data: bytes) -> None:
    with pytest.raises(InvalidInput, match="malformed message"):
        wire.rewrite_target(data, "x", "1")


def _nested_groups(depth: int) -> bytes:
    # Field 127 groups, one inside the other.
    return bytes.fromhex("fb07") * depth + bytes.fromhex("fc07") * depth


def test_groups_as_deep_as_protobuf_parses_are_skipped() -> None:
    data = bytes.fromhex("0a016d") + _nested_groups(wire.MAX_GROUP_DEPTH)
    assert pb.ModelInferRequest.FromString(data).model_name == "m"
    assert wire.read_header(data) == wire.Header("m")
    assert wire.rewrite_target(data, "x", "1") == (
        bytes.fromhex("0a0178 12 0131") + _nested_groups(wire.MAX_GROUP_DEPTH)
    )


@pytest.mark.parametrize("depth", [wire.MAX_GROUP_DEPTH + 1, 100_000])
def test_groups_nested_deeper_than_protobuf_parses_are_invalid_input(depth: int) -> None:
    # 100,000 levels once overflowed the recursive skipper's stack (RecursionError).
    data = bytes.fromhex("0a016d") + _nested_groups(depth)
    with pytest.raises(DecodeError):
        pb.ModelInferRequest.FromString(data)
    for read in (wire.read_header, lambda d: wire.rewrite_target(d, "x", "1")):
        with pytest.raises(InvalidInput, match="groups nested deeper than 100"):
            read(data)


@pytest.mark.parametrize(("version", "new_version"), [("", "2"), ("1", ""), ("1", "3")])
def test_rewrite_replaces_name_and_version_only(version: str, new_version: str) -> None:
    original = _request(model_name="alias", model_version=version, id="r")
    rewritten = pb.ModelInferRequest.FromString(
        wire.rewrite_target(original.SerializeToString(), "real", new_version)
    )
    expected = pb.ModelInferRequest()
    expected.CopyFrom(original)
    expected.model_name = "real"
    expected.model_version = new_version
    assert rewritten == expected


def test_rewrite_of_fields_out_of_order_and_repeated() -> None:
    scattered = b"".join(
        (
            pb.ModelInferRequest(id="r").SerializeToString(),
            pb.ModelInferRequest(model_name="a", model_version="1").SerializeToString(),
            _request().SerializeToString(),
            pb.ModelInferRequest(model_name="b").SerializeToString(),
        )
    )
    rewritten = wire.rewrite_target(scattered, "real", "4")
    parsed = pb.ModelInferRequest.FromString(rewritten)
    assert (parsed.model_name, parsed.model_version, parsed.id) == ("real", "4", "r")
    assert parsed.raw_input_contents == _request().raw_input_contents
    assert wire.read_header(rewritten) == wire.Header("real", "4", "r")


def test_rewrite_keeps_a_large_tensor_intact() -> None:
    message = _request(model_name="alias")
    payload = bytes(range(256)) * (2**18)
    message.raw_input_contents[0] = payload
    rewritten = wire.rewrite_target(message.SerializeToString(), "real", "1")
    assert pb.ModelInferRequest.FromString(rewritten).raw_input_contents[0] == payload


def test_stream_response_wraps_and_marks_final() -> None:
    response = pb.ModelInferResponse(model_name="m", model_version="1", id="1")
    response.outputs.add(name="OUT", datatype="BYTES", shape=[1])
    response.raw_output_contents.append(bytes.fromhex("020000006869"))
    wrapped = pb.ModelStreamInferResponse.FromString(
        wire.stream_response(response.SerializeToString())
    )
    expected = pb.ModelStreamInferResponse()
    expected.infer_response.CopyFrom(response)
    expected.infer_response.parameters["triton_final_response"].bool_param = True
    assert wrapped == expected
    assert wrapped.error_message == ""


def test_stream_response_golden_bytes() -> None:
    response = bytes.fromhex("0a016d")
    final = bytes.fromhex("221b0a15") + b"triton_final_response" + bytes.fromhex("12020801")
    assert wire.stream_response(response) == bytes.fromhex("12") + bytes([3 + 29]) + (
        response + final
    )


def test_an_existing_final_flag_is_overridden_last_entry_wins() -> None:
    response = pb.ModelInferResponse(model_name="m")
    response.parameters["triton_final_response"].bool_param = False
    response.parameters["other"].int64_param = 5
    wrapped = pb.ModelStreamInferResponse.FromString(
        wire.stream_response(response.SerializeToString())
    )
    parameters = wrapped.infer_response.parameters
    assert parameters["triton_final_response"].bool_param is True
    assert parameters["other"].int64_param == 5
    assert len(parameters) == 2


def test_a_large_response_is_wrapped() -> None:
    response = pb.ModelInferResponse(model_name="m", raw_output_contents=[bytes(64 * 2**20)])
    wrapped = pb.ModelStreamInferResponse.FromString(
        wire.stream_response(response.SerializeToString())
    )
    assert len(wrapped.infer_response.raw_output_contents[0]) == 64 * 2**20


@pytest.mark.parametrize(
    "header", [wire.Header("m", "1", "r-9"), wire.Header("", "", ""), wire.Header("ü", "", "x")]
)
def test_stream_error_matches_the_generated_message(header: wire.Header) -> None:
    expected = pb.ModelStreamInferResponse(error_message="boom")
    expected.infer_response.model_name = header.model_name
    expected.infer_response.model_version = header.model_version
    expected.infer_response.id = header.id
    expected.infer_response.parameters["triton_final_response"].bool_param = True
    assert pb.ModelStreamInferResponse.FromString(wire.stream_error("boom", header)) == expected


def test_stream_error_golden_bytes() -> None:
    # error_message "boom" (oip-protocol.md §2.1) then an infer_response with only the mark.
    encoded = wire.stream_error("boom", wire.Header())
    assert encoded.startswith(bytes.fromhex("0a04626f6f6d"))
    assert encoded[6:8] == bytes.fromhex("121d")
