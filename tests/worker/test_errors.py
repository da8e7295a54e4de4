"""Every error of the protocol reference's §3.5 gets its status code, and changes nothing."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import grpc
import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from grpc import aio
from grpc_health.v1 import health_pb2
from tritonclient.utils import InferenceServerException

from maas.transport.health import check_health
from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc
from maas_proto.maas.worker.v1 import worker_pb2 as control_pb
from tests import rawcalls
from tests.rawcalls import COMMON_FILES, UNDECODABLE
from tests.support import serve_in_thread


def _ints(name: str, shape: list[int], datatype: str = "INT32") -> grpcclient.InferInput:
    tensor = grpcclient.InferInput(name, shape, datatype)
    tensor.set_data_from_numpy(
        np.ones(shape, dtype=np.int32 if datatype == "INT32" else np.float32)
    )
    return tensor


def _status(call: Callable[[], object]) -> tuple[str, str]:
    with pytest.raises(InferenceServerException) as caught:
        call()
    return str(caught.value.status()), caught.value.message()


def test_unknown_model(client: grpcclient.InferenceServerClient) -> None:
    for call in (
        lambda: client.is_model_ready("nope"),
        lambda: client.get_model_metadata("nope"),
        lambda: client.get_model_config("nope"),
        lambda: client.get_inference_statistics("nope"),
        lambda: client.infer("nope", [_ints("INPUT0", [1, 16])]),
    ):
        status, message = _status(call)
        assert status == "StatusCode.NOT_FOUND"
        assert message == "Request for unknown model: 'nope' is not found"


def test_versions(client: grpcclient.InferenceServerClient) -> None:
    status, message = _status(lambda: client.get_model_metadata("add_sub", "7"))
    assert (status, message) == (
        "StatusCode.NOT_FOUND",
        "Request for unknown model: 'add_sub' version 7 is not found",
    )
    status, message = _status(lambda: client.is_model_ready("add_sub", "latest"))
    assert status == "StatusCode.INVALID_ARGUMENT"
    assert "failed to get model version from specified version string 'latest'" in message
    assert client.is_model_ready("add_sub", "1")


@pytest.mark.parametrize(
    ("inputs", "fragment"),
    [
        ([_ints("INPUT0", [1, 16])], "expected 2 inputs but got 1 inputs"),
        (
            [_ints("INPUT0", [1, 16]), _ints("INPUT1", [1, 15])],
            "unexpected shape for input 'INPUT1'",
        ),
        (
            [_ints("INPUT0", [1, 16]), _ints("INPUT1", [1, 16], "FP32")],
            "data-type is 'FP32', but model 'add_sub' expects 'INT32'",
        ),
        (
            [_ints("INPUT0", [1, 16]), _ints("INPUT1", [2, 16])],
            "batch size does not match other inputs",
        ),
        (
            [_ints("INPUT0", [1, 16]), _ints("INPUT1", [1, 16]), _ints("EXTRA", [1, 16])],
            "unexpected inference input 'EXTRA'",
        ),
    ],
)
def test_bad_inputs(
    client: grpcclient.InferenceServerClient, inputs: list[grpcclient.InferInput], fragment: str
) -> None:
    status, message = _status(lambda: client.infer("add_sub", inputs))
    assert status == "StatusCode.INVALID_ARGUMENT"
    assert fragment in message


def test_batch_too_large_and_unknown_output(client: grpcclient.InferenceServerClient) -> None:
    big = np.zeros((65, 64), np.float32)
    tensor = grpcclient.InferInput("INPUT0", [65, 64], "FP32")
    tensor.set_data_from_numpy(big)
    status, message = _status(lambda: client.infer("mlp_classifier", [tensor]))
    assert status == "StatusCode.INVALID_ARGUMENT"
    assert "batch-size must be <= 64" in message
    inputs = [_ints("INPUT0", [1, 16]), _ints("INPUT1", [1, 16])]
    status, message = _status(
        lambda: client.infer("add_sub", inputs, outputs=[grpcclient.InferRequestedOutput("NOPE")])
    )
    assert (status, message) == (
        "StatusCode.INVALID_ARGUMENT",
        "unexpected inference output 'NOPE' for model 'add_sub'",
    )


def test_byte_size_mismatch_and_missing_data(address: str) -> None:
    with grpc.insecure_channel(address) as channel:
        stub = pb_grpc.GRPCInferenceServiceStub(channel)
        request = pb.ModelInferRequest(model_name="add_sub")
        request.inputs.add(name="INPUT0", datatype="INT32", shape=[1, 16])
        request.inputs.add(name="INPUT1", datatype="INT32", shape=[1, 16])
        request.raw_input_contents.append(b"\0" * 64)
        with pytest.raises(grpc.RpcError) as caught:
            stub.ModelInfer(request)
        assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert "unable to find data for input tensor 'INPUT1'" in str(caught.value.details())
        request.raw_input_contents.append(b"\0" * 60)
        with pytest.raises(grpc.RpcError) as caught:
            stub.ModelInfer(request)
        assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert "Expected 64, got 60" in str(caught.value.details())


def test_repository_name_and_unimplemented_rpcs(address: str) -> None:
    with grpc.insecure_channel(address) as channel:
        stub = pb_grpc.GRPCInferenceServiceStub(channel)
        with pytest.raises(grpc.RpcError) as caught:
            stub.RepositoryIndex(pb.RepositoryIndexRequest(repository_name="other"))
        assert caught.value.code() is grpc.StatusCode.UNIMPLEMENTED
        calls: list[Callable[[], object]] = [
            lambda: stub.SystemSharedMemoryStatus(pb.SystemSharedMemoryStatusRequest()),
            lambda: stub.SystemSharedMemoryRegister(pb.SystemSharedMemoryRegisterRequest()),
            lambda: stub.CudaSharedMemoryStatus(pb.CudaSharedMemoryStatusRequest()),
            lambda: stub.TraceSetting(pb.TraceSettingRequest()),
            lambda: stub.LogSettings(pb.LogSettingsRequest()),
        ]
        for call in calls:
            with pytest.raises(grpc.RpcError) as caught:
                call()
            assert caught.value.code() is grpc.StatusCode.UNIMPLEMENTED
            assert "not supported" in str(caught.value.details())


def test_server_is_healthy_after_errors(client: grpcclient.InferenceServerClient) -> None:
    for _ in range(20):
        with pytest.raises(InferenceServerException):
            client.infer("add_sub", [_ints("INPUT0", [1, 3])])
    assert client.is_server_live()
    assert client.is_server_ready()
    ones = [_ints("INPUT0", [1, 16]), _ints("INPUT1", [1, 16])]
    np.testing.assert_array_equal(
        client.infer("add_sub", ones).as_numpy("OUTPUT0"), np.full((1, 16), 2)
    )


def test_message_above_the_limit_is_resource_exhausted(demo_repository: Path) -> None:
    settings = WorkerSettings(
        model_repository=demo_repository, grpc_port=0, max_message_bytes=1 << 20
    )
    with (
        serve_in_thread(lambda: run_worker(settings)) as handle,
        grpcclient.InferenceServerClient(f"127.0.0.1:{handle.port}") as client,
    ):
        data = np.zeros((2 << 20) // 4, dtype=np.float32)
        tensor = grpcclient.InferInput("INPUT0", [data.size], "FP32")
        tensor.set_data_from_numpy(data)
        status, message = _status(lambda: client.infer("identity_fp32", [tensor]))
        assert status == "StatusCode.RESOURCE_EXHAUSTED"
        assert "larger than max" in message
        assert client.is_server_ready()


# --- Bad input: undecodable bytes, hostile sizes, versions and names (issue 8) ----------

_STREAM_INFER = "/inference.GRPCInferenceService/ModelStreamInfer"


async def test_undecodable_bytes_on_every_rpc_are_invalid_argument(address: str) -> None:
    files = (pb.DESCRIPTOR, control_pb.DESCRIPTOR, *COMMON_FILES)
    async with aio.insecure_channel(address) as channel:
        for method in rawcalls.methods(*files):
            if method.path == _STREAM_INFER:
                continue  # answered in-band, below
            for data in UNDECODABLE:
                error = await rawcalls.call(channel, method, data)
                assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, (method, data)
                assert f"could not parse the request of {method.path}" in str(error.details())
    with grpc.insecure_channel(address) as sync:
        assert check_health(sync, timeout=10) == health_pb2.HealthCheckResponse.SERVING


def _infer_bytes(request_id: str) -> bytes:
    request = pb.ModelInferRequest(model_name="add_sub", id=request_id)
    for name in ("INPUT0", "INPUT1"):
        request.inputs.add(name=name, datatype="INT32", shape=[1, 16])
        request.raw_input_contents.append(np.ones(16, np.int32).tobytes())
    return request.SerializeToString()


# The header (model, id) reads fine, but an input name is not UTF-8: not a message.
_UNREADABLE_INPUT = (
    pb.ModelInferRequest(model_name="add_sub", id="bad").SerializeToString()
    + b"\x2a\x04\x0a\x02\xc3\x28"
)


def test_an_undecodable_stream_message_is_answered_in_band(address: str) -> None:
    with grpc.insecure_channel(address) as channel:
        stream: grpc.StreamStreamMultiCallable[bytes, bytes]
        stream = channel.stream_stream(_STREAM_INFER)
        requests = [_infer_bytes("1"), _UNREADABLE_INPUT, b"\xff\xff", _infer_bytes("2")]
        answers = [
            pb.ModelStreamInferResponse.FromString(r) for r in stream(iter(requests), timeout=30)
        ]
    assert [a.infer_response.id for a in answers] == ["1", "bad", "", "2"]
    assert [bool(a.error_message) for a in answers] == [False, True, True, False]
    assert "could not parse the request of " + _STREAM_INFER in answers[1].error_message
    assert answers[1].infer_response.model_name == "add_sub"
    assert (
        np.frombuffer(answers[3].infer_response.raw_output_contents[0], np.int32).tolist()
        == [2] * 16
    )


def test_an_undecodable_message_ends_a_strict_stream(address: str) -> None:
    with grpc.insecure_channel(address) as channel:
        stream: grpc.StreamStreamMultiCallable[bytes, bytes]
        stream = channel.stream_stream(_STREAM_INFER)
        requests = [_infer_bytes("1"), b"\xff\xff"]
        answers = stream(iter(requests), timeout=30, metadata=(("triton_grpc_error", "true"),))
        with pytest.raises(grpc.RpcError) as caught:
            list(answers)
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "could not parse the request" in str(caught.value.details())


def _raw_infer(
    address: str, model: str, shape: list[int], datatype: str, raw: bytes
) -> grpc.RpcError:
    request = pb.ModelInferRequest(model_name=model)
    request.inputs.add(name="INPUT0", datatype=datatype, shape=shape)
    request.raw_input_contents.append(raw)
    with grpc.insecure_channel(address) as channel, pytest.raises(grpc.RpcError) as caught:
        pb_grpc.GRPCInferenceServiceStub(channel).ModelInfer(request, timeout=30)
    return caught.value


@pytest.mark.parametrize(
    ("model", "shape", "datatype"),
    [
        ("string_identity", [1, 2**27], "BYTES"),
        ("string_identity", [1, 2**40], "BYTES"),
        ("string_identity", [1, 2**62], "BYTES"),
        ("string_identity", [1, 2**63 - 1], "BYTES"),
        ("identity_fp32", [2**40], "FP32"),
        ("identity_fp32", [2**62], "FP32"),
        ("identity_fp32", [2**63 - 1], "FP32"),
    ],
)
def test_sizes_are_checked_against_the_bytes_before_any_allocation(
    address: str, model: str, shape: list[int], datatype: str
) -> None:
    # The worker runs in this process, so tracemalloc sees its allocations (numpy's too).
    tracemalloc.start()
    try:
        error = _raw_infer(address, model, shape, datatype, b"\x00\x00\x00\x00")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "input byte size mismatch for input 'INPUT0'" in str(error.details())
    assert peak < 16 << 20


def test_a_ten_thousand_dim_shape_is_echoed_bounded(address: str) -> None:
    error = _raw_infer(address, "identity_fp32", [1] * 10_000, "FP32", b"\x00" * 4)
    assert error.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert "unexpected shape for input 'INPUT0'" in str(error.details())
    assert len(str(error.details())) < 1000


HOSTILE_VERSIONS = ["\u00b2", "\u0661", "+1", " 1", "1 ", "1_0", "-1", "0x1", "9" * 5000]


@pytest.mark.parametrize("version", HOSTILE_VERSIONS)
def test_only_ascii_digits_are_a_version(
    client: grpcclient.InferenceServerClient, version: str
) -> None:
    for call in (
        lambda: client.is_model_ready("add_sub", version),
        lambda: client.get_model_metadata("add_sub", version),
        lambda: client.infer("add_sub", [_ints("INPUT0", [1, 16])], model_version=version),
    ):
        status, message = _status(call)
        assert status == "StatusCode.INVALID_ARGUMENT"
        assert "failed to get model version from specified version string" in message
        assert len(message) < 300


def test_long_names_are_echoed_bounded(client: grpcclient.InferenceServerClient) -> None:
    name = "m" * 10_000
    status, message = _status(lambda: client.get_model_metadata(name))
    assert status == "StatusCode.NOT_FOUND"
    assert message.startswith("Request for unknown model: 'mmm")
    assert len(message) < 300
    inputs = [_ints("I" * 10_000, [1, 16]), _ints("INPUT1", [1, 16])]
    status, message = _status(lambda: client.infer("add_sub", inputs))
    assert status == "StatusCode.INVALID_ARGUMENT"
    assert "unexpected inference input 'III" in message
    assert len(message) < 300


@pytest.mark.parametrize("name", ["m" * 10_000, "../add_sub", "a/b", ".hidden", "", "a\0b"])
def test_repository_load_refuses_names_no_model_can_have(
    client: grpcclient.InferenceServerClient, name: str
) -> None:
    before = client.get_model_repository_index(as_json=True)
    for call in (lambda: client.load_model(name), lambda: client.unload_model(name)):
        status, message = _status(call)
        assert status == "StatusCode.INVALID_ARGUMENT"
        assert "invalid model name" in message
        assert len(message) < 300
    assert client.get_model_repository_index(as_json=True) == before


def test_health_check_of_an_unknown_service_says_why(address: str) -> None:
    with grpc.insecure_channel(address) as channel, pytest.raises(grpc.RpcError) as caught:
        check_health(channel, "no.such.Service", timeout=10)
    assert caught.value.code() is grpc.StatusCode.NOT_FOUND
    assert caught.value.details() == "unknown service 'no.such.Service' for health check"
