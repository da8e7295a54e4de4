"""Metadata, configuration, statistics, repository control and health, as clients read them."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import grpc
import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from grpc_health.v1 import health_pb2
from tritonclient.utils import InferenceServerException

from maas.transport.health import check_health
from maas.worker.app import WorkerHandle, run_worker
from maas.worker.settings import WorkerSettings
from tests.support import serve_in_thread


def test_server_metadata_lists_only_implemented_extensions(
    client: grpcclient.InferenceServerClient,
) -> None:
    metadata = client.get_server_metadata()
    assert metadata.name == "maas"
    assert set(metadata.extensions) == {
        "model_repository",
        "model_repository(unload_dependents)",
        "model_configuration",
        "schedule_policy",
        "statistics",
        "parameters",
    }


def test_model_metadata_has_protocol_datatypes_and_batch_dim(
    client: grpcclient.InferenceServerClient,
) -> None:
    metadata = client.get_model_metadata("mlp_classifier")
    assert metadata.name == "mlp_classifier"
    assert list(metadata.versions) == ["1"]
    assert metadata.platform == "onnxruntime_onnx"
    assert [(t.name, t.datatype, list(t.shape)) for t in metadata.inputs] == [
        ("INPUT0", "FP32", [-1, 64])
    ]
    assert [(t.name, t.datatype, list(t.shape)) for t in metadata.outputs] == [
        ("OUTPUT0", "FP32", [-1, 10])
    ]
    strings = client.get_model_metadata("string_identity")
    assert strings.inputs[0].datatype == "BYTES"


def test_model_config_is_complete(client: grpcclient.InferenceServerClient) -> None:
    config = client.get_model_config("mlp_classifier", as_json=True)["config"]
    assert config["name"] == "mlp_classifier"
    assert config["platform"] == "onnxruntime_onnx"
    assert config["backend"] == "onnxruntime"
    assert config["max_batch_size"] == 64
    assert config["input"][0]["data_type"] == "TYPE_FP32"
    assert config["input"][0]["dims"] == ["64"]
    assert "dynamic_batching" in config
    # add_sub has no config.pbtxt: everything came from the ONNX graph.
    completed = client.get_model_config("add_sub", as_json=True)["config"]
    assert [i["name"] for i in completed["input"]] == ["INPUT0", "INPUT1"]
    assert completed["input"][0]["data_type"] == "TYPE_INT32"


def test_repository_index(client: grpcclient.InferenceServerClient) -> None:
    index = client.get_model_repository_index(as_json=True)["models"]
    states = {m["name"]: (m.get("version"), m.get("state")) for m in index}
    assert states["add_sub"] == ("1", "READY")
    assert {"mlp_classifier", "resnet_lite", "string_identity", "identity_fp32"} <= set(states)


def test_health_service_follows_readiness(address: str) -> None:
    with grpc.insecure_channel(address) as channel:
        for service in ("", "inference.GRPCInferenceService"):
            assert check_health(channel, service) == health_pb2.HealthCheckResponse.SERVING
        with pytest.raises(grpc.RpcError) as caught:
            check_health(channel, "no.Such")
        assert caught.value.code() is grpc.StatusCode.NOT_FOUND


def _mlp_request(value: float) -> list[grpcclient.InferInput]:
    tensor = grpcclient.InferInput("INPUT0", [1, 64], "FP32")
    tensor.set_data_from_numpy(np.full((1, 64), value, dtype=np.float32))
    return [tensor]


def test_concurrent_clients_are_batched_and_each_gets_its_own_answer(
    address: str, demo_repository: Path
) -> None:
    import onnxruntime as ort

    session = ort.InferenceSession(str(demo_repository / "mlp_classifier" / "1" / "model.onnx"))
    values = np.linspace(-1, 1, 64 * 8, dtype=np.float32)
    expected = {
        float(v): session.run(None, {"INPUT0": np.full((1, 64), v, np.float32)})[0] for v in values
    }
    with grpcclient.InferenceServerClient(address) as stats_client:
        before = stats_client.get_inference_statistics("mlp_classifier").model_stats[0]

    clients = [grpcclient.InferenceServerClient(address) for _ in range(64)]

    def call(i: int) -> tuple[float, np.ndarray]:
        value = float(values[i])
        result = clients[i % 64].infer("mlp_classifier", _mlp_request(value), request_id=str(i))
        assert result.get_response().id == str(i)
        return value, result.as_numpy("OUTPUT0")

    with ThreadPoolExecutor(64) as pool:
        for value, output in pool.map(call, range(len(values))):
            np.testing.assert_allclose(output, expected[value], rtol=1e-5, atol=1e-6)
    for c in clients:
        c.close()

    with grpcclient.InferenceServerClient(address) as stats_client:
        after = stats_client.get_inference_statistics("mlp_classifier").model_stats[0]
    requests = len(values)
    assert after.inference_count - before.inference_count == requests
    assert after.inference_stats.success.count - before.inference_stats.success.count == requests
    assert after.inference_stats.queue.count - before.inference_stats.queue.count == requests
    executions = after.execution_count - before.execution_count
    assert executions < requests, "requests were never batched together"
    sizes = {b.batch_size: b.compute_infer.count for b in after.batch_stats}
    assert max(sizes) > 1
    assert sum(size * count for size, count in sizes.items()) >= requests


@pytest.fixture
def private_worker(demo_repository: Path, tmp_path: Path) -> Iterator[WorkerHandle]:
    """A worker over a copy of the repository that tests may change."""
    root = tmp_path / "models"
    shutil.copytree(demo_repository, root)
    settings = WorkerSettings(model_repository=root, grpc_port=0)
    with serve_in_thread(lambda: run_worker(settings)) as handle:
        yield handle


def test_load_and_unload_while_traffic_flows(private_worker: WorkerHandle) -> None:
    address = f"127.0.0.1:{private_worker.port}"
    stop = threading.Event()
    outcomes: list[str] = []

    def traffic() -> None:
        with grpcclient.InferenceServerClient(address) as c:
            while not stop.is_set():
                try:
                    c.infer("mlp_classifier", _mlp_request(0.5))
                    outcomes.append("ok")
                except InferenceServerException as exc:
                    outcomes.append(str(exc.status()))

    workers = [threading.Thread(target=traffic) for _ in range(4)]
    for w in workers:
        w.start()
    with grpcclient.InferenceServerClient(address) as control:
        for _ in range(3):
            control.unload_model("mlp_classifier")
            with pytest.raises(InferenceServerException) as caught:
                control.infer("mlp_classifier", _mlp_request(0.5))
            assert str(caught.value.status()) == "StatusCode.NOT_FOUND"
            index = {
                m["name"]: m for m in control.get_model_repository_index(as_json=True)["models"]
            }
            assert index["mlp_classifier"]["state"] == "UNAVAILABLE"
            control.load_model("mlp_classifier")
            assert control.is_model_ready("mlp_classifier")
    stop.set()
    for w in workers:
        w.join()
    assert "ok" in outcomes
    assert set(outcomes) <= {"ok", "StatusCode.NOT_FOUND", "StatusCode.UNAVAILABLE"}


def test_load_with_config_override_and_bad_config(private_worker: WorkerHandle) -> None:
    with grpcclient.InferenceServerClient(f"127.0.0.1:{private_worker.port}") as client:
        client.load_model("add_sub", config='{"max_batch_size": 4, "dynamic_batching": {}}')
        config = client.get_model_config("add_sub").config
        assert config.max_batch_size == 4
        assert config.HasField("dynamic_batching")
        with pytest.raises(InferenceServerException) as caught:
            client.load_model("add_sub", config='{"max_batch_size": "many"}')
        assert str(caught.value.status()) == "StatusCode.INVALID_ARGUMENT"
        # The failed reload left the previous configuration serving.
        assert client.get_model_config("add_sub").config.max_batch_size == 4
        with pytest.raises(InferenceServerException) as caught:
            client.load_model("no_such_model")
        assert str(caught.value.status()) == "StatusCode.NOT_FOUND"


def test_broken_model_is_reported_not_fatal(private_worker: WorkerHandle, tmp_path: Path) -> None:
    root = tmp_path / "models"
    (root / "broken" / "1").mkdir(parents=True)
    (root / "broken" / "1" / "model.onnx").write_bytes(b"not an onnx file")
    with grpcclient.InferenceServerClient(f"127.0.0.1:{private_worker.port}") as client:
        with pytest.raises(InferenceServerException) as caught:
            client.load_model("broken")
        assert str(caught.value.status()) == "StatusCode.INVALID_ARGUMENT"
        index = {m["name"]: m for m in client.get_model_repository_index(as_json=True)["models"]}
        assert index["broken"]["state"] == "UNAVAILABLE"
        assert index["broken"]["reason"]
        assert client.is_server_ready()


def test_load_a_model_sent_in_the_request(
    private_worker: WorkerHandle, demo_repository: Path
) -> None:
    artifact = (demo_repository / "add_sub" / "1" / "model.onnx").read_bytes()
    config = '{"name": "shipped", "backend": "onnxruntime", "max_batch_size": 8}'
    address = f"127.0.0.1:{private_worker.port}"
    with grpcclient.InferenceServerClient(address) as client:
        client.load_model("shipped", config=config, files={"file:3/model.onnx": artifact})
        assert client.get_model_metadata("shipped").versions == ["3"]
        a = np.arange(16, dtype=np.int32).reshape(1, 16)
        inputs = [grpcclient.InferInput(n, [1, 16], "INT32") for n in ("INPUT0", "INPUT1")]
        for tensor in inputs:
            tensor.set_data_from_numpy(a)
        result = client.infer("shipped", inputs)
        np.testing.assert_array_equal(result.as_numpy("OUTPUT0"), 2 * a)
        for files, fragment in (
            ({"file:1/model.onnx": artifact}, None),
            ({"file:../escape/model.onnx": artifact}, "invalid file path"),
        ):
            with pytest.raises(InferenceServerException) as caught:
                client.load_model("other", config=config if fragment else None, files=files)
            assert str(caught.value.status()) == "StatusCode.INVALID_ARGUMENT"
            assert fragment is None or fragment in caught.value.message()
        # The failed loads changed nothing.
        assert client.is_model_ready("shipped", "3")
