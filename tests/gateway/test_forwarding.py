"""tritonclient against the gateway sees what it sees against a worker."""

from __future__ import annotations

import asyncio
import queue
from collections.abc import AsyncIterator

import grpc
import numpy as np
import pytest
import tritonclient.grpc as grpcclient
import tritonclient.grpc.aio as aioclient
from grpc_health.v1 import health_pb2
from tritonclient.utils import InferenceServerException

from maas.gateway.app import run_gateway
from maas.gateway.routing import RoutingTable
from maas.transport.health import check_health
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc
from tests.gateway.conftest import (
    ALIAS,
    PENDING_MODEL,
    add_sub_inputs,
    address_of,
    inference_count,
    tensor,
)
from tests.support import serve_in_thread

Answers = queue.Queue[tuple[grpcclient.InferResult | None, InferenceServerException | None]]

DEMO_MODELS = ("add_sub", "mlp_classifier", "resnet_lite", "string_identity", "identity_fp32")


def _status(error: pytest.ExceptionInfo[InferenceServerException]) -> str:
    return str(error.value.status())


@pytest.mark.parametrize("model", DEMO_MODELS)
def test_model_metadata_config_and_readiness_equal_the_worker(
    client: grpcclient.InferenceServerClient,
    direct: grpcclient.InferenceServerClient,
    model: str,
) -> None:
    assert client.get_model_metadata(model) == direct.get_model_metadata(model)
    assert client.get_model_config(model) == direct.get_model_config(model)
    assert client.get_model_metadata(model, "1") == direct.get_model_metadata(model, "1")
    assert client.is_model_ready(model) is True


@pytest.mark.parametrize(
    ("model", "inputs"),
    [
        ("mlp_classifier", {"INPUT0": ("FP32", (3, 64))}),
        ("resnet_lite", {"INPUT0": ("FP32", (2, 3, 32, 32))}),
        ("add_sub", {"INPUT0": ("INT32", (2, 16)), "INPUT1": ("INT32", (2, 16))}),
    ],
)
def test_inference_equals_the_worker(
    client: grpcclient.InferenceServerClient,
    direct: grpcclient.InferenceServerClient,
    model: str,
    inputs: dict[str, tuple[str, tuple[int, ...]]],
) -> None:
    rng = np.random.default_rng(3)
    dtypes = {"FP32": np.float32, "INT32": np.int32}
    tensors = [
        tensor(name, (rng.standard_normal(shape) * 10).astype(dtypes[dt]), dt)
        for name, (dt, shape) in inputs.items()
    ]
    through = client.infer(model, tensors, request_id="same").get_response()
    straight = direct.infer(model, tensors, request_id="same").get_response()
    assert through == straight
    assert (through.id, through.model_name, through.model_version) == ("same", model, "1")


def test_bytes_tensors_pass_through(client: grpcclient.InferenceServerClient) -> None:
    words = np.array([[b"hello", b""], [b"with\x00nul", "ünï".encode()]], dtype=np.object_)
    result = client.infer("string_identity", [tensor("INPUT0", words, "BYTES")])
    assert result.as_numpy("OUTPUT0").tolist() == words.tolist()


def test_a_64_mib_tensor_goes_through(client: grpcclient.InferenceServerClient) -> None:
    data = np.random.default_rng(1).standard_normal(64 * 2**20 // 4).astype(np.float32)
    result = client.infer("identity_fp32", [tensor("INPUT0", data, "FP32")])
    np.testing.assert_array_equal(result.as_numpy("OUTPUT0"), data)


async def test_asyncio_client(gateway_address: str) -> None:
    async with aioclient.InferenceServerClient(gateway_address) as client:
        assert await client.is_server_live()
        assert await client.is_server_ready()
        assert await client.is_model_ready("mlp_classifier")
        results = await asyncio.gather(
            *(client.infer("add_sub", add_sub_inputs(i), request_id=str(i)) for i in range(32))
        )
        assert [r.get_response().id for r in results] == [str(i) for i in range(32)]
        assert [int(r.as_numpy("OUTPUT0")[0, 0]) for r in results] == [2 * i for i in range(32)]


async def test_asyncio_client_streams(gateway_address: str) -> None:
    async def requests() -> AsyncIterator[dict[str, object]]:
        for i in range(50):
            yield {"model_name": "add_sub", "inputs": add_sub_inputs(i), "request_id": str(i)}

    async with aioclient.InferenceServerClient(gateway_address) as client:
        ids = []
        async for result, error in client.stream_infer(requests()):
            assert error is None, error
            ids.append(result.get_response().id)
            if len(ids) == 50:
                break
    assert ids == [str(i) for i in range(50)]


def test_thousand_streamed_requests_come_back_in_order(
    client: grpcclient.InferenceServerClient,
) -> None:
    answers: Answers = queue.Queue()
    client.start_stream(callback=lambda result, error: answers.put((result, error)))
    for i in range(1000):
        client.async_stream_infer("add_sub", add_sub_inputs(i), request_id=str(i))
    client.stop_stream()
    received = []
    while not answers.empty():
        result, error = answers.get()
        assert error is None, error
        assert result is not None
        response = result.get_response()
        assert response.parameters["triton_final_response"].bool_param
        assert int(result.as_numpy("OUTPUT0")[0, 0]) == 2 * int(response.id)
        received.append(int(response.id))
    assert received == list(range(1000))


def test_stream_errors_are_per_request_and_the_stream_goes_on(
    client: grpcclient.InferenceServerClient,
) -> None:
    answers: Answers = queue.Queue()
    client.start_stream(callback=lambda result, error: answers.put((result, error)))
    client.async_stream_infer("add_sub", add_sub_inputs(), request_id="ok-1")
    client.async_stream_infer("no_such_model", add_sub_inputs(), request_id="unknown")
    # Routed, then refused by the worker: its message comes back in the stream.
    client.async_stream_infer("add_sub", add_sub_inputs()[:1], request_id="invalid")
    client.async_stream_infer("add_sub", add_sub_inputs(), request_id="ok-2")
    client.stop_stream()
    outcomes = [answers.get(timeout=10) for _ in range(4)]
    assert [r.get_response().id if r else None for r, _ in outcomes] == [
        "ok-1",
        None,
        None,
        "ok-2",
    ]
    unknown, invalid = outcomes[1][1], outcomes[2][1]
    assert unknown is not None
    assert "Request for unknown model: 'no_such_model' is not found" in unknown.message()
    assert invalid is not None
    assert "expected 2 inputs but got 1 inputs" in invalid.message()


def test_stream_with_triton_grpc_error_ends_on_the_first_error(
    client: grpcclient.InferenceServerClient,
) -> None:
    answers: Answers = queue.Queue()
    client.start_stream(
        callback=lambda result, error: answers.put((result, error)),
        headers={"triton_grpc_error": "true"},
    )
    client.async_stream_infer("add_sub", add_sub_inputs(), request_id="ok")
    client.async_stream_infer("no_such_model", add_sub_inputs(), request_id="bad")
    first, _ = answers.get(timeout=10)
    assert first is not None
    _, error = answers.get(timeout=10)
    assert error is not None
    assert error.status() == "StatusCode.NOT_FOUND"
    client.stop_stream()


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.infer("no_such_model", add_sub_inputs()),
        lambda c: c.get_model_metadata("no_such_model"),
        lambda c: c.get_model_config("no_such_model"),
        lambda c: c.is_model_ready("no_such_model"),
        lambda c: c.get_inference_statistics("no_such_model"),
    ],
)
def test_unknown_model_is_not_found_in_tritons_words(
    client: grpcclient.InferenceServerClient, call: object
) -> None:
    with pytest.raises(InferenceServerException) as caught:
        call(client)  # type: ignore[operator]
    assert _status(caught) == "StatusCode.NOT_FOUND"
    assert caught.value.message() == "Request for unknown model: 'no_such_model' is not found"


def test_deployed_model_without_replica_is_unavailable_and_not_ready(
    client: grpcclient.InferenceServerClient,
) -> None:
    with pytest.raises(InferenceServerException) as caught:
        client.infer(PENDING_MODEL, add_sub_inputs())
    assert _status(caught) == "StatusCode.UNAVAILABLE"
    assert caught.value.message() == f"no ready replica for model '{PENDING_MODEL}'"
    assert client.is_model_ready(PENDING_MODEL) is False


def test_worker_errors_are_relayed_unchanged(
    client: grpcclient.InferenceServerClient, direct: grpcclient.InferenceServerClient
) -> None:
    bad = [tensor("INPUT0", np.ones((1, 16), np.float32), "FP32"), *add_sub_inputs()[1:]]
    errors = []
    for target in (client, direct):
        with pytest.raises(InferenceServerException) as caught:
            target.infer("add_sub", bad)
        errors.append((_status(caught), caught.value.message()))
    assert errors[0] == errors[1]
    assert errors[0][0] == "StatusCode.INVALID_ARGUMENT"


def test_an_alias_routes_to_its_model_version(client: grpcclient.InferenceServerClient) -> None:
    result = client.infer(ALIAS, add_sub_inputs(4))
    assert int(result.as_numpy("OUTPUT0")[0, 0]) == 8
    assert result.get_response().model_name == "add_sub"
    assert client.is_model_ready(ALIAS)
    assert client.get_model_metadata(ALIAS).inputs[0].name == "INPUT0"
    with pytest.raises(InferenceServerException) as caught:
        client.infer(ALIAS, add_sub_inputs(), model_version="2")
    assert _status(caught) == "StatusCode.NOT_FOUND"
    (stats,) = client.get_inference_statistics(ALIAS).model_stats
    assert (stats.name, stats.version) == (ALIAS, "1")


def test_requests_spread_over_both_replicas_and_statistics_are_summed(
    client: grpcclient.InferenceServerClient, worker_addresses: list[str]
) -> None:
    before = [inference_count(a, "mlp_classifier") for a in worker_addresses]
    data = np.zeros((1, 64), np.float32)
    for _ in range(40):
        client.infer("mlp_classifier", [tensor("INPUT0", data, "FP32")])
    per_worker = []
    for address in worker_addresses:
        with grpcclient.InferenceServerClient(address) as direct:
            (stats,) = direct.get_inference_statistics("mlp_classifier").model_stats
            per_worker.append(stats)
    spread = [s.inference_count - b for s, b in zip(per_worker, before, strict=True)]
    assert sum(spread) == 40
    assert min(spread) >= 10, spread
    (summed,) = client.get_inference_statistics("mlp_classifier").model_stats
    assert (summed.name, summed.version) == ("mlp_classifier", "1")
    assert summed.inference_count == sum(s.inference_count for s in per_worker)
    assert summed.execution_count == sum(s.execution_count for s in per_worker)
    success = summed.inference_stats.success
    assert success.count == sum(s.inference_stats.success.count for s in per_worker)
    assert success.ns == sum(s.inference_stats.success.ns for s in per_worker)
    assert summed.last_inference == max(s.last_inference for s in per_worker)


def test_server_metadata_and_readiness(client: grpcclient.InferenceServerClient) -> None:
    metadata = client.get_server_metadata()
    assert metadata.name == "maas-gateway"
    assert set(metadata.extensions) == {
        "model_configuration",
        "schedule_policy",
        "statistics",
        "parameters",
    }
    assert client.is_server_live()
    assert client.is_server_ready()


def test_repository_index_comes_from_the_table(
    client: grpcclient.InferenceServerClient, gateway_address: str
) -> None:
    index = client.get_model_repository_index().models
    rows = {(m.name, m.version, m.state) for m in index}
    assert {(m, "1", "READY") for m in DEMO_MODELS} <= rows
    assert (ALIAS, "1", "READY") in rows
    assert (PENDING_MODEL, "", "UNAVAILABLE") in rows
    # tritonclient cannot ask for ready models only.
    with grpc.insecure_channel(gateway_address) as channel:
        stub = pb_grpc.GRPCInferenceServiceStub(channel)
        ready = stub.RepositoryIndex(pb.RepositoryIndexRequest(ready=True)).models
    assert {m.name for m in ready} == {*DEMO_MODELS, ALIAS}


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda c: c.load_model("add_sub"), "deployment"),
        (lambda c: c.unload_model("add_sub"), "deployment"),
        (lambda c: c.get_system_shared_memory_status(), "shared memory"),
        (lambda c: c.get_cuda_shared_memory_status(), "shared memory"),
        (lambda c: c.get_trace_settings(), "trace"),
        (lambda c: c.get_log_settings(), "log"),
    ],
)
def test_what_the_gateway_does_not_do_is_unimplemented(
    client: grpcclient.InferenceServerClient, call: object, words: str
) -> None:
    with pytest.raises(InferenceServerException) as caught:
        call(client)  # type: ignore[operator]
    assert _status(caught) == "StatusCode.UNIMPLEMENTED"
    assert words in caught.value.message()


def test_without_a_table_the_gateway_is_live_but_not_ready(table: RoutingTable) -> None:
    with serve_in_thread(lambda: run_gateway()) as handle:
        address = address_of(handle.port)
        with grpcclient.InferenceServerClient(address) as client:
            assert client.is_server_live()
            assert not client.is_server_ready()
            with pytest.raises(InferenceServerException) as caught:
                client.infer("add_sub", add_sub_inputs())
            assert _status(caught) == "StatusCode.UNAVAILABLE"
            with grpc.insecure_channel(address) as channel:
                assert check_health(channel) == health_pb2.HealthCheckResponse.NOT_SERVING
                handle.table = table
                assert client.is_server_ready()
                assert check_health(channel) == health_pb2.HealthCheckResponse.SERVING
            assert int(client.infer("add_sub", add_sub_inputs(3)).as_numpy("OUTPUT0")[0, 0]) == 6
