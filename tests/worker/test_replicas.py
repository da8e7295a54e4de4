"""WorkerControlService against a real registry: replicas load from verified artifacts,
roll without failed requests, report status, and survive a restart through the cache."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import numpy as np
import onnx
import onnxruntime as ort
import pytest
import tritonclient.grpc as grpcclient
from grpc_health.v1 import health_pb2
from onnx import numpy_helper
from tritonclient.utils import InferenceServerException

from maas.demo_models import write_demo_repository
from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.transport.health import check_health
from maas.worker.app import WorkerHandle, run_worker
from maas.worker.settings import WorkerSettings
from maas_client.registry import RegistryClient
from maas_proto.maas.worker.v1 import worker_pb2 as pb
from maas_proto.maas.worker.v1 import worker_pb2_grpc as pb_grpc
from tests.support import serve_in_thread

NAME = "classifier"
CAPACITY = 3 << 30


@dataclass(frozen=True)
class Artifacts:
    v1: Path
    v2: Path


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Artifacts:
    """The demo classifier, and a second version of it with other weights."""
    root = tmp_path_factory.mktemp("artifacts")
    write_demo_repository(root)
    v1 = root / "mlp_classifier" / "1" / "model.onnx"
    model = onnx.load(str(v1))
    weights = model.graph.initializer[0]
    weights.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(weights) * 1.5, weights.name))
    v2 = root / "mlp_v2.onnx"
    onnx.save(model, str(v2))
    return Artifacts(v1, v2)


def registry_settings(tmp_path: Path) -> RegistrySettings:
    return RegistrySettings(data_dir=tmp_path / "registry", port=0, grace_s=1.0)


@pytest.fixture
def registry(tmp_path: Path) -> Iterator[str]:
    with serve_in_thread(lambda: run_registry(registry_settings(tmp_path))) as handle:
        yield f"127.0.0.1:{handle.port}"


def upload(registry: str, artifacts: Artifacts) -> dict[int, pb.ArtifactRef]:
    """Registry model "mlp" with versions 1 and 2, as the scheduler would pin them."""
    with RegistryClient(registry) as client:
        client.create_model("mlp")
        versions = [client.upload("mlp", path) for path in (artifacts.v1, artifacts.v2)]
    return {
        v.version: pb.ArtifactRef(
            model="mlp", version=v.version, sha256=v.sha256, size_bytes=v.size_bytes
        )
        for v in versions
    }


@pytest.fixture
def refs(registry: str, artifacts: Artifacts) -> dict[int, pb.ArtifactRef]:
    return upload(registry, artifacts)


def worker_settings(tmp_path: Path, registry: str | None) -> WorkerSettings:
    return WorkerSettings(
        grpc_port=0,
        registry_address=registry,
        artifact_cache=tmp_path / "cache",
        memory_capacity_bytes=CAPACITY,
        shutdown_grace_s=1.0,
    )


@pytest.fixture
def worker(tmp_path: Path, registry: str) -> Iterator[WorkerHandle]:
    with serve_in_thread(lambda: run_worker(worker_settings(tmp_path, registry))) as handle:
        yield handle


@pytest.fixture
def address(worker: WorkerHandle) -> str:
    return f"127.0.0.1:{worker.port}"


@pytest.fixture
def control(address: str) -> Iterator[pb_grpc.WorkerControlServiceStub]:
    with grpc.insecure_channel(address) as channel:
        yield pb_grpc.WorkerControlServiceStub(channel)


@pytest.fixture
def triton(address: str) -> Iterator[grpcclient.InferenceServerClient]:
    with grpcclient.InferenceServerClient(address) as client:
        yield client


def load(
    control: pb_grpc.WorkerControlServiceStub,
    ref: pb.ArtifactRef,
    served_version: int = 1,
    config_json: str = "",
) -> pb.Replica:
    request = pb.LoadReplicaRequest(
        served_name=NAME, served_version=served_version, artifact=ref, config_json=config_json
    )
    return control.LoadReplica(request, timeout=60).replica


def unload(control: pb_grpc.WorkerControlServiceStub, served_version: int) -> None:
    request = pb.UnloadReplicaRequest(served_name=NAME, served_version=served_version)
    control.UnloadReplica(request, timeout=60)


def sample(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((1, 64)).astype(np.float32)


def expected(artifact: Path, x: np.ndarray) -> np.ndarray:
    """What in-process ONNX Runtime computes from the artifact itself."""
    session = ort.InferenceSession(str(artifact), providers=["CPUExecutionProvider"])
    output: np.ndarray = session.run(["OUTPUT0"], {"INPUT0": x})[0]
    return output


def infer(
    client: grpcclient.InferenceServerClient, x: np.ndarray, version: str = ""
) -> tuple[str, np.ndarray]:
    tensor = grpcclient.InferInput("INPUT0", list(x.shape), "FP32")
    tensor.set_data_from_numpy(x)
    result = client.infer(NAME, [tensor], model_version=version)
    output = result.as_numpy("OUTPUT0")
    assert output is not None
    return result.get_response().model_version, output


def code_of(caught: pytest.ExceptionInfo[grpc.RpcError]) -> grpc.StatusCode:
    error = caught.value
    assert isinstance(error, grpc.Call)
    return error.code()


def cached(tmp_path: Path) -> list[Path]:
    return sorted(p for p in (tmp_path / "cache").rglob("*") if p.is_file() and p.name != "LOCK")


def test_a_loaded_replica_answers_like_onnx_runtime(
    control: pb_grpc.WorkerControlServiceStub,
    triton: grpcclient.InferenceServerClient,
    refs: dict[int, pb.ArtifactRef],
    artifacts: Artifacts,
    address: str,
) -> None:
    replica = load(control, refs[1], config_json='{"max_batch_size": 8, "dynamic_batching": {}}')
    assert replica.state == pb.REPLICA_STATE_READY
    assert (replica.served_name, replica.served_version) == (NAME, 1)
    assert replica.artifact == refs[1]
    assert replica.memory_bytes == artifacts.v1.stat().st_size
    assert triton.get_model_metadata(NAME).versions == ["1"]
    assert triton.get_model_config(NAME).config.max_batch_size == 8
    for seed in range(5):
        x = sample(seed)
        version, output = infer(triton, x)
        assert version == "1"
        np.testing.assert_allclose(output, expected(artifacts.v1, x), rtol=1e-5, atol=1e-6)
    with grpc.insecure_channel(address) as channel:
        status = check_health(channel, "maas.worker.v1.WorkerControlService")
        assert status == health_pb2.HealthCheckResponse.SERVING


def test_loading_again_is_idempotent(
    control: pb_grpc.WorkerControlServiceStub,
    triton: grpcclient.InferenceServerClient,
    refs: dict[int, pb.ArtifactRef],
) -> None:
    load(control, refs[1])
    for seed in range(3):
        infer(triton, sample(seed))
    again = load(control, refs[1])
    assert again.state == pb.REPLICA_STATE_READY
    # The same version kept serving: a reload would have started its statistics afresh.
    stats = triton.get_inference_statistics(NAME, "1").model_stats[0]
    assert stats.inference_count == 3


def test_rolling_update_under_traffic_fails_no_request(
    control: pb_grpc.WorkerControlServiceStub,
    refs: dict[int, pb.ArtifactRef],
    artifacts: Artifacts,
    address: str,
) -> None:
    load(control, refs[1])
    inputs = [sample(seed) for seed in range(4)]
    answers = {("1", i): expected(artifacts.v1, x) for i, x in enumerate(inputs)} | {
        ("2", i): expected(artifacts.v2, x) for i, x in enumerate(inputs)
    }
    stop = threading.Event()
    seen: list[str] = []
    failures: list[str] = []

    def traffic(i: int) -> None:
        with grpcclient.InferenceServerClient(address) as client:
            while not stop.is_set():
                try:
                    version, output = infer(client, inputs[i])
                except InferenceServerException as exc:
                    failures.append(str(exc))
                    continue
                np.testing.assert_allclose(output, answers[version, i], rtol=1e-5, atol=1e-6)
                seen.append(version)

    threads = [threading.Thread(target=traffic, args=(i,)) for i in range(len(inputs))]
    for t in threads:
        t.start()
    try:
        assert load(control, refs[2], served_version=2).state == pb.REPLICA_STATE_READY
        unload(control, 1)
        served_before = len(seen)
        while len(seen) < served_before + 50:
            assert all(t.is_alive() for t in threads)
            time.sleep(0.01)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert failures == []
    assert seen[0] == "1"
    assert seen[-1] == "2"
    with grpcclient.InferenceServerClient(address) as client:
        assert client.get_model_metadata(NAME).versions == ["2"]


def test_a_digest_mismatch_is_refused_and_nothing_is_loaded_or_cached(
    control: pb_grpc.WorkerControlServiceStub,
    triton: grpcclient.InferenceServerClient,
    refs: dict[int, pb.ArtifactRef],
    tmp_path: Path,
) -> None:
    wrong = pb.ArtifactRef()
    wrong.CopyFrom(refs[1])
    wrong.sha256 = refs[2].sha256
    with pytest.raises(grpc.RpcError) as caught:
        load(control, wrong)
    assert code_of(caught) is grpc.StatusCode.INVALID_ARGUMENT
    assert f"pins sha256 {refs[2].sha256}" in str(caught.value)
    with pytest.raises(InferenceServerException) as unknown:
        triton.is_model_ready(NAME)
    assert str(unknown.value.status()) == "StatusCode.NOT_FOUND"
    assert cached(tmp_path) == []
    [replica] = control.GetStatus(pb.GetStatusRequest()).replicas
    assert replica.state == pb.REPLICA_STATE_FAILED
    assert "pins sha256" in replica.reason


def test_a_failed_reload_leaves_the_served_replica_serving(
    control: pb_grpc.WorkerControlServiceStub,
    triton: grpcclient.InferenceServerClient,
    refs: dict[int, pb.ArtifactRef],
) -> None:
    load(control, refs[1])
    with pytest.raises(grpc.RpcError) as caught:
        load(control, refs[1], config_json='{"max_batch_size": "many"}')
    assert code_of(caught) is grpc.StatusCode.INVALID_ARGUMENT
    assert infer(triton, sample(0))[0] == "1"
    [replica] = control.GetStatus(pb.GetStatusRequest()).replicas
    assert replica.state == pb.REPLICA_STATE_READY


def test_get_status_reports_replicas_and_memory(
    control: pb_grpc.WorkerControlServiceStub,
    refs: dict[int, pb.ArtifactRef],
    artifacts: Artifacts,
) -> None:
    empty = control.GetStatus(pb.GetStatusRequest())
    assert list(empty.replicas) == []
    assert (empty.memory_capacity_bytes, empty.memory_used_bytes) == (CAPACITY, 0)
    assert list(empty.backends) == ["onnxruntime"]
    assert empty.inflight_requests == 0
    load(control, refs[1])
    load(control, refs[2], served_version=2)
    status = control.GetStatus(pb.GetStatusRequest())
    assert [(r.served_version, r.state, r.artifact.version) for r in status.replicas] == [
        (1, pb.REPLICA_STATE_READY, 1),
        (2, pb.REPLICA_STATE_READY, 2),
    ]
    sizes = [artifacts.v1.stat().st_size, artifacts.v2.stat().st_size]
    assert [r.memory_bytes for r in status.replicas] == sizes
    assert status.memory_used_bytes == sum(sizes)
    unload(control, 1)
    after = control.GetStatus(pb.GetStatusRequest())
    assert [r.served_version for r in after.replicas] == [2]
    assert after.memory_used_bytes == sizes[1]


def test_unloading_what_is_not_served_succeeds(
    control: pb_grpc.WorkerControlServiceStub,
) -> None:
    unload(control, 1)
    request = pb.UnloadReplicaRequest(served_name="never-loaded", served_version=9)
    control.UnloadReplica(request)


def test_bad_requests_and_unknown_versions_have_their_codes(
    control: pb_grpc.WorkerControlServiceStub, refs: dict[int, pb.ArtifactRef]
) -> None:
    unknown = pb.ArtifactRef(model="mlp", version=99, sha256="0" * 64, size_bytes=1)
    cases = [
        (unknown, 1, grpc.StatusCode.NOT_FOUND),
        (refs[1], 0, grpc.StatusCode.INVALID_ARGUMENT),
        (pb.ArtifactRef(), 1, grpc.StatusCode.INVALID_ARGUMENT),
    ]
    for ref, served_version, code in cases:
        with pytest.raises(grpc.RpcError) as caught:
            load(control, ref, served_version)
        assert code_of(caught) is code


def test_without_a_registry_load_replica_is_a_failed_precondition(
    tmp_path: Path, artifacts: Artifacts
) -> None:
    settings = worker_settings(tmp_path, None)
    with (
        serve_in_thread(lambda: run_worker(settings)) as handle,
        grpc.insecure_channel(f"127.0.0.1:{handle.port}") as channel,
    ):
        ref = pb.ArtifactRef(model="mlp", version=1, sha256="0" * 64, size_bytes=1)
        with pytest.raises(grpc.RpcError) as caught:
            load(pb_grpc.WorkerControlServiceStub(channel), ref)
        assert code_of(caught) is grpc.StatusCode.FAILED_PRECONDITION


def test_the_cache_serves_after_a_restart_with_the_registry_gone(
    tmp_path: Path, artifacts: Artifacts
) -> None:
    with serve_in_thread(lambda: run_registry(registry_settings(tmp_path))) as registry:
        address = f"127.0.0.1:{registry.port}"
        refs = upload(address, artifacts)
        settings = worker_settings(tmp_path, address)
        with (
            serve_in_thread(lambda: run_worker(settings)) as first,
            grpc.insecure_channel(f"127.0.0.1:{first.port}") as channel,
        ):
            load(pb_grpc.WorkerControlServiceStub(channel), refs[1])
    [artifact] = cached(tmp_path)
    # Registry stopped: only the cache can provide the artifact now.
    with (
        serve_in_thread(lambda: run_worker(settings)) as second,
        grpc.insecure_channel(f"127.0.0.1:{second.port}") as channel,
        grpcclient.InferenceServerClient(f"127.0.0.1:{second.port}") as triton,
    ):
        replica = load(pb_grpc.WorkerControlServiceStub(channel), refs[1])
        assert replica.state == pb.REPLICA_STATE_READY
        x = sample(7)
        np.testing.assert_allclose(
            infer(triton, x)[1], expected(artifacts.v1, x), rtol=1e-5, atol=1e-6
        )
        with pytest.raises(grpc.RpcError) as caught:
            load(pb_grpc.WorkerControlServiceStub(channel), refs[2], served_version=2)
        assert code_of(caught) is grpc.StatusCode.UNAVAILABLE
    assert cached(tmp_path) == [artifact]
