"""Bad input through a real gateway: a clear status, the same as a worker's, and the
gateway and its streams carry on (issue 8)."""

from __future__ import annotations

from collections.abc import Callable

import grpc
import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from grpc import aio
from tritonclient.utils import InferenceServerException

from maas.transport.health import check_health
from maas_proto import grpc_service_pb2 as pb
from tests import rawcalls
from tests.gateway.conftest import add_sub_inputs
from tests.rawcalls import COMMON_FILES, UNDECODABLE

_STREAM_INFER = "/inference.GRPCInferenceService/ModelStreamInfer"
# Field 127 groups nested 100,000 deep: a few hundred KB that once overflowed the stack.
_DEEP_GROUPS = pb.ModelInferRequest(model_name="add_sub", id="deep").SerializeToString() + (
    b"\xfb\x07" * 100_000 + b"\xfc\x07" * 100_000
)
# Routable (the header reads), but an input name is not UTF-8: the worker refuses it.
_UNREADABLE_INPUT = (
    pb.ModelInferRequest(model_name="add_sub", id="bad").SerializeToString()
    + b"\x2a\x04\x0a\x02\xc3\x28"
)


def _good(request_id: str) -> bytes:
    request = pb.ModelInferRequest(model_name="add_sub", id=request_id)
    for name in ("INPUT0", "INPUT1"):
        request.inputs.add(name=name, datatype="INT32", shape=[1, 16])
        request.raw_input_contents.append(np.ones(16, np.int32).tobytes())
    return request.SerializeToString()


async def test_undecodable_bytes_on_every_rpc_are_invalid_argument(gateway_address: str) -> None:
    async with aio.insecure_channel(gateway_address) as channel:
        for method in rawcalls.methods(pb.DESCRIPTOR, *COMMON_FILES):
            if method.path == _STREAM_INFER:
                continue  # answered in-band, below
            for data in [*UNDECODABLE, _DEEP_GROUPS]:
                error = await rawcalls.call(channel, method, data)
                assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, (method, data[:8])
        infer = rawcalls.Method("/inference.GRPCInferenceService/ModelInfer", False, False)
        error = await rawcalls.call(channel, infer, _UNREADABLE_INPUT)
        assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert "could not parse the request" in str(error.details())
    with grpc.insecure_channel(gateway_address) as sync:
        assert check_health(sync, timeout=10) == 1  # SERVING


def test_bad_stream_messages_are_answered_in_band_and_the_stream_goes_on(
    gateway_address: str,
) -> None:
    requests = [_good("1"), _DEEP_GROUPS, b"\xff\xff", _UNREADABLE_INPUT, _good("2")]
    with grpc.insecure_channel(gateway_address) as channel:
        stream: grpc.StreamStreamMultiCallable[bytes, bytes]
        stream = channel.stream_stream(_STREAM_INFER)
        answers = [
            pb.ModelStreamInferResponse.FromString(r) for r in stream(iter(requests), timeout=30)
        ]
    assert [bool(a.error_message) for a in answers] == [False, True, True, True, False]
    assert "groups nested deeper than 100" in answers[1].error_message
    assert "could not parse the request" in answers[3].error_message
    assert answers[3].infer_response.id == "bad"
    assert [answers[0].infer_response.id, answers[4].infer_response.id] == ["1", "2"]


_VERSIONS = ["\u00b2", "\u0661", "+1", " 1", "1_0", "-1", "9" * 5000, "7", "01", "1"]


def _answer(call: Callable[[], object]) -> tuple[str, str]:
    """The status and message a call ends with ("OK" and a readiness for a success)."""
    try:
        result = call()
    except InferenceServerException as error:
        return str(error.status()), error.message()
    return "OK", str(result) if isinstance(result, bool) else ""


@pytest.mark.parametrize("version", _VERSIONS)
def test_the_gateway_answers_a_version_string_as_a_worker_does(
    client: grpcclient.InferenceServerClient,
    direct: grpcclient.InferenceServerClient,
    version: str,
) -> None:
    def calls(c: grpcclient.InferenceServerClient) -> list[Callable[[], object]]:
        return [
            lambda: c.is_model_ready("add_sub", version),
            lambda: c.get_model_metadata("add_sub", version),
            lambda: c.infer("add_sub", add_sub_inputs(), model_version=version),
        ]

    through_gateway = [_answer(call) for call in calls(client)]
    codes = [code for code, _ in through_gateway]
    assert codes == [_answer(call)[0] for call in calls(direct)]
    assert all(len(message) < 300 for _, message in through_gateway)
    if version in ("01", "1"):
        assert through_gateway[0] == ("OK", "True")
    else:
        assert "OK" not in codes
