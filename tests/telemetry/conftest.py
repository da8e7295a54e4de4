"""Real maas processes exporting spans to an in-test OTLP receiver, and their /metrics.

Every process is started the way an operator starts it (`python -m maas up`,
`python -m maas.gateway`), configured only through MAAS_TELEMETRY_* variables.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import httpx
import pytest
from grpc_health.v1 import health_pb2
from prometheus_client.parser import text_string_to_metric_families

from maas.demo_models import write_demo_repository
from maas.transport.health import check_health
from tests.support import serve_in_thread
from tests.telemetry.otlp import OtlpReceiver, otlp_receiver
from tests.tools import REPO_ROOT, free_port

# mlp_classifier, batching up to 4 requests and waiting for all 4 (up to 5 s), so that
# four concurrent requests deterministically share one batch.
BATCHED_MODEL = "mlp_batch4"
BATCH = 4
_BATCHED_CONFIG = f"""\
name: "{BATCHED_MODEL}"
platform: "onnxruntime_onnx"
max_batch_size: {BATCH}
input [ {{ name: "INPUT0", data_type: TYPE_FP32, dims: [ 64 ] }} ]
output [ {{ name: "OUTPUT0", data_type: TYPE_FP32, dims: [ 10 ] }} ]
dynamic_batching {{ preferred_batch_size: [ {BATCH} ] max_queue_delay_microseconds: 5000000 }}
"""

OPENMETRICS = "application/openmetrics-text; version=1.0.0"


@dataclass(frozen=True, slots=True)
class Service:
    """A running process: its gRPC address and its /metrics URL."""

    address: str
    metrics_url: str
    log: Path


def _wait_serving(address: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    with grpc.insecure_channel(address) as channel:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"{address} exited early:\n{log.read_text()}")
            try:
                if check_health(channel, timeout=1) == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            time.sleep(0.1)
    raise TimeoutError(f"{address} never served:\n{log.read_text()}")


@contextmanager
def run_process(
    args: list[str], env: dict[str, str], address: str, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m ...args` with `env` added, until it serves on `address`; SIGTERM after."""
    environment = {**os.environ, **env, "PYTHONPATH": str(REPO_ROOT)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", *args],
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        _wait_serving(address, process, log)
        yield process
    finally:
        process.terminate()
        process.wait(30)


def telemetry_env(
    receiver: OtlpReceiver | None, metrics_port: int, *, sampling: float = 1.0
) -> dict[str, str]:
    """MAAS_TELEMETRY_* for a process exporting to `receiver` (None: tracing off)."""
    env = {
        "MAAS_TELEMETRY_METRICS_PORT": str(metrics_port),
        "MAAS_TELEMETRY_SAMPLING_RATIO": str(sampling),
        # The SDK's batch processor would otherwise wait 5 s before each export.
        "OTEL_BSP_SCHEDULE_DELAY": "50",
    }
    if receiver is not None:
        env["MAAS_TELEMETRY_EXPORTER"] = "otlp-grpc"
        env["MAAS_TELEMETRY_ENDPOINT"] = receiver.endpoint
    return env


@contextmanager
def all_in_one(
    repository: Path, workdir: Path, env: dict[str, str], metrics_port: int
) -> Iterator[Service]:
    port = free_port()
    address = f"127.0.0.1:{port}"
    log = workdir / f"maas-up-{port}.log"
    args = ["maas", "up", "--model-repository", str(repository), "--grpc-port", str(port)]
    args += [
        "--data-dir",
        str(workdir / f"data-{port}"),
        "--registry-port",
        "0",
        "--scheduler-port",
        "0",
    ]
    with run_process(args, env, address, log):
        yield Service(address, f"http://127.0.0.1:{metrics_port}/metrics", log)


@pytest.fixture(scope="session")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    write_demo_repository(root)
    batched = root / BATCHED_MODEL
    shutil.copytree(root / "mlp_classifier", batched)
    (batched / "config.pbtxt").write_text(_BATCHED_CONFIG)
    return root


@pytest.fixture(scope="module")
def receiver() -> Iterator[OtlpReceiver]:
    with serve_in_thread(otlp_receiver) as running:
        yield running


@contextmanager
def started_up(
    repository: Path, workdir: Path, receiver: OtlpReceiver | None, **env: str
) -> Iterator[Service]:
    """The all-in-one process exporting to `receiver` (None: tracing off), metrics on."""
    metrics_port = free_port()
    environment = telemetry_env(receiver, metrics_port) | env
    with all_in_one(repository, workdir, environment, metrics_port) as service:
        yield service


@pytest.fixture(scope="module")
def traced_up(
    repository: Path, receiver: OtlpReceiver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Service]:
    """The all-in-one process, tracing every request to the receiver."""
    with started_up(repository, tmp_path_factory.mktemp("up"), receiver) as service:
        yield service


@dataclass(frozen=True, slots=True)
class Pair:
    gateway: Service
    worker: Service


@pytest.fixture(scope="module")
def traced_pair(
    repository: Path, receiver: OtlpReceiver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    """A gateway and a worker, each its own process, both tracing to the receiver."""
    workdir = tmp_path_factory.mktemp("pair")
    worker_metrics, gateway_metrics, gateway_port = free_port(), free_port(), free_port()
    with ExitStack() as stack:
        worker = stack.enter_context(
            all_in_one(repository, workdir, telemetry_env(receiver, worker_metrics), worker_metrics)
        )
        address = f"127.0.0.1:{gateway_port}"
        log = workdir / "gateway.log"
        args = ["maas.gateway", "--port", str(gateway_port), worker.address]
        stack.enter_context(
            run_process(args, telemetry_env(receiver, gateway_metrics), address, log)
        )
        gateway = Service(address, f"http://127.0.0.1:{gateway_metrics}/metrics", log)
        yield Pair(gateway, worker)


def scrape(url: str, accept: str | None = None) -> str:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(url, headers=headers, timeout=10)
    response.raise_for_status()
    return response.text


def sample(text: str, name: str, **labels: str) -> float:
    """The value of sample `name` with exactly these labels (0 when absent)."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and found.labels == labels:
                return float(found.value)
    return 0.0
