"""ModelInfer and ModelStreamInfer through tritonclient, against in-process ONNX Runtime."""

from __future__ import annotations

import asyncio
import queue
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import tritonclient.grpc as grpcclient
import tritonclient.grpc.aio as aioclient
from tritonclient.utils import InferenceServerException


def _input(name: str, data: np.ndarray, datatype: str) -> grpcclient.InferInput:
    tensor = grpcclient.InferInput(name, list(data.shape), datatype)
    tensor.set_data_from_numpy(data)
    return tensor


def _reference(repository: Path, model: str, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
    session = ort.InferenceSession(str(repository / model / "1" / "model.onnx"))
    return list(session.run(None, feeds))


def test_add_sub_is_exact(client: grpcclient.InferenceServerClient) -> None:
    a = np.arange(32, dtype=np.int32).reshape(2, 16)
    b = np.full((2, 16), 3, dtype=np.int32)
    result = client.infer(
        "add_sub", [_input("INPUT0", a, "INT32"), _input("INPUT1", b, "INT32")], request_id="r1"
    )
    np.testing.assert_array_equal(result.as_numpy("OUTPUT0"), a + b)
    np.testing.assert_array_equal(result.as_numpy("OUTPUT1"), a - b)
    response = result.get_response()
    assert (response.id, response.model_name, response.model_version) == ("r1", "add_sub", "1")


def test_requested_outputs_are_filtered(client: grpcclient.InferenceServerClient) -> None:
    a = np.ones((1, 16), dtype=np.int32)
    result = client.infer(
        "add_sub",
        [_input("INPUT0", a, "INT32"), _input("INPUT1", a, "INT32")],
        outputs=[grpcclient.InferRequestedOutput("OUTPUT1")],
    )
    response = result.get_response()
    assert [o.name for o in response.outputs] == ["OUTPUT1"]
    assert len(response.raw_output_contents) == 1
    np.testing.assert_array_equal(result.as_numpy("OUTPUT1"), np.zeros((1, 16), np.int32))


@pytest.mark.parametrize(
    ("model", "shape"), [("mlp_classifier", (3, 64)), ("resnet_lite", (2, 3, 32, 32))]
)
def test_outputs_equal_in_process_onnxruntime(
    client: grpcclient.InferenceServerClient,
    demo_repository: Path,
    model: str,
    shape: tuple[int, ...],
) -> None:
    data = np.random.default_rng(7).standard_normal(shape).astype(np.float32)
    result = client.infer(model, [_input("INPUT0", data, "FP32")])
    (expected,) = _reference(demo_repository, model, {"INPUT0": data})
    np.testing.assert_allclose(result.as_numpy("OUTPUT0"), expected, rtol=1e-6, atol=1e-6)


def test_bytes_round_trip(client: grpcclient.InferenceServerClient) -> None:
    words = np.array([[b"hello", b""], [b"with\x00nul", "ünï".encode()]], dtype=np.object_)
    result = client.infer("string_identity", [_input("INPUT0", words, "BYTES")])
    assert result.as_numpy("OUTPUT0").tolist() == words.tolist()


def test_bytes_onnxruntime_cannot_hold_are_refused(
    client: grpcclient.InferenceServerClient,
) -> None:
    # ONNX Runtime's Python API only carries text in string tensors.
    words = np.array([[b"\xff\xfe"]], dtype=np.object_)
    with pytest.raises(InferenceServerException) as caught:
        client.infer("string_identity", [_input("INPUT0", words, "BYTES")])
    assert str(caught.value.status()) == "StatusCode.INVALID_ARGUMENT"
    assert "UTF-8" in caught.value.message()


def test_large_tensor_round_trip(client: grpcclient.InferenceServerClient) -> None:
    data = np.random.default_rng(1).standard_normal(8 * 2**20 // 4).astype(np.float32)
    result = client.infer("identity_fp32", [_input("INPUT0", data, "FP32")])
    np.testing.assert_array_equal(result.as_numpy("OUTPUT0"), data)


async def test_asyncio_client(address: str) -> None:
    async with aioclient.InferenceServerClient(address) as client:
        assert await client.is_server_ready()
        a = np.arange(16, dtype=np.int32).reshape(1, 16)
        inputs = [
            aioclient.InferInput("INPUT0", [1, 16], "INT32"),
            aioclient.InferInput("INPUT1", [1, 16], "INT32"),
        ]
        inputs[0].set_data_from_numpy(a)
        inputs[1].set_data_from_numpy(a)
        results = await asyncio.gather(
            *(client.infer("add_sub", inputs, request_id=str(i)) for i in range(20))
        )
        assert [r.get_response().id for r in results] == [str(i) for i in range(20)]
        np.testing.assert_array_equal(results[-1].as_numpy("OUTPUT0"), 2 * a)


def test_thousand_streamed_requests_come_back_in_order(
    client: grpcclient.InferenceServerClient,
) -> None:
    answers: queue.Queue[tuple[grpcclient.InferResult | None, InferenceServerException | None]] = (
        queue.Queue()
    )
    client.start_stream(callback=lambda result, error: answers.put((result, error)))
    sent = []
    for i in range(1000):
        a = np.full((1, 16), i, dtype=np.int32)
        client.async_stream_infer(
            "add_sub",
            [_input("INPUT0", a, "INT32"), _input("INPUT1", a, "INT32")],
            request_id=str(i),
        )
        sent.append(i)
    client.stop_stream()
    received = []
    while not answers.empty():
        result, error = answers.get()
        assert error is None, error
        assert result is not None
        response = result.get_response()
        assert response.parameters["triton_final_response"].bool_param
        value = int(result.as_numpy("OUTPUT0")[0, 0]) // 2
        assert response.id == str(value)
        received.append(value)
    assert received == sent


def test_stream_errors_are_reported_per_request_and_the_stream_goes_on(
    client: grpcclient.InferenceServerClient,
) -> None:
    answers: queue.Queue[tuple[grpcclient.InferResult | None, InferenceServerException | None]] = (
        queue.Queue()
    )
    client.start_stream(callback=lambda result, error: answers.put((result, error)))
    good = np.ones((1, 16), dtype=np.int32)
    client.async_stream_infer(
        "add_sub",
        [_input("INPUT0", good, "INT32"), _input("INPUT1", good, "INT32")],
        request_id="ok-1",
    )
    client.async_stream_infer("no_such_model", [_input("INPUT0", good, "INT32")], request_id="bad")
    client.async_stream_infer(
        "add_sub",
        [_input("INPUT0", good, "INT32"), _input("INPUT1", good, "INT32")],
        request_id="ok-2",
    )
    client.stop_stream()
    outcomes = [answers.get(timeout=10) for _ in range(3)]
    assert outcomes[0][1] is None
    assert outcomes[2][1] is None
    assert outcomes[0][0] is not None
    assert outcomes[0][0].get_response().id == "ok-1"
    assert outcomes[2][0] is not None
    assert outcomes[2][0].get_response().id == "ok-2"
    error = outcomes[1][1]
    assert error is not None
    assert "Request for unknown model: 'no_such_model' is not found" in error.message()
