"""Every error of the protocol reference's §3.5 gets its status code, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import grpc
import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from tritonclient.utils import InferenceServerException

from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc
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
