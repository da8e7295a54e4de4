"""`maas up` as a user runs it: one process hosting registry, worker and scheduler.

Upload a model to the registry, deploy it through the scheduler, and call it both on
the worker's port and through the gateway, then check that a deployed version cannot
be deleted from the registry."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import numpy as np
import onnxruntime as ort
import pytest

from maas.transport.health import check_health
from maas_client.inference import InferenceClient
from maas_client.registry import RegistryClient
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc
from tests.tools import REPO_ROOT, free_ports

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str, Path]]:
    data = tmp_path_factory.mktemp("up")
    inference, registry, scheduler = (f"127.0.0.1:{p}" for p in free_ports(3))
    command = [sys.executable, "-m", "maas", "up", "--data-dir", str(data)]
    command += ["--grpc-port", inference.split(":")[1], "--log-level", "WARNING"]
    command += ["--registry-port", registry.split(":")[1]]
    command += ["--scheduler-port", scheduler.split(":")[1]]
    log = data / "up.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        for address in (inference, registry, scheduler):
            while True:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                try:
                    with grpc.insecure_channel(address) as channel:
                        if check_health(channel, timeout=1) == 1:
                            break
                except grpc.RpcError:
                    pass
                time.sleep(0.2)
        yield inference, registry, scheduler, data
    finally:
        process.terminate()
        assert process.wait(60) == 0, log.read_text()


def test_upload_deploy_and_call(up: tuple[str, str, str, Path]) -> None:
    inference, registry, scheduler, data = up
    artifact = data / "demo-models" / "mlp_classifier" / "1" / "model.onnx"
    with RegistryClient(registry) as models:
        models.create_model("classifier")
        models.upload("classifier", artifact)
    with grpc.insecure_channel(scheduler) as channel:
        api = pb_grpc.SchedulerServiceStub(channel)
        spec = pb.DeploymentSpec(name="classifier", model="classifier")
        api.CreateDeployment(pb.CreateDeploymentRequest(spec=spec))
        deadline = time.monotonic() + 60
        while True:
            status = api.GetDeployment(pb.GetDeploymentRequest(name="classifier")).deployment
            if status.status.ready_replicas == 1:
                break
            assert time.monotonic() < deadline, status
            time.sleep(0.1)

    data_in = np.random.default_rng(3).standard_normal((2, 64)).astype(np.float32)
    (expected,) = ort.InferenceSession(str(artifact)).run(None, {"INPUT0": data_in})
    for address in (inference, scheduler):  # the worker itself, and the gateway
        deadline = time.monotonic() + 30
        while True:
            try:
                with InferenceClient(address) as client:
                    outputs = client.infer("classifier", {"INPUT0": data_in})
                break
            except grpc.RpcError:
                # The gateway learns the route a moment after the status turns ready.
                assert time.monotonic() < deadline
                time.sleep(0.1)
        np.testing.assert_allclose(outputs["OUTPUT0"], expected, rtol=1e-5, atol=1e-6)

    with RegistryClient(registry) as models, pytest.raises(grpc.RpcError) as refused:
        models.delete_version("classifier", 1)
    assert refused.value.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert "classifier" in str(refused.value.details())
