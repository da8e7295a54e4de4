"""One live all-in-one (`python -m maas up`, every port 0, /metrics on) for the deploy
tests, with every demo model also deployed through the scheduler so that the gateway
serves them under the same names as the worker does."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

import grpc
import pytest

from maas_client.registry import RegistryClient
from maas_client.scheduler import SchedulerClient
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc
from tests.tools import REPO_ROOT

DEMO_MODELS: Final = (
    "mlp_classifier",
    "resnet_lite",
    "add_sub",
    "string_identity",
    "identity_fp32",
)
_START_TIMEOUT_S: Final = 120.0
_ROUTE_TIMEOUT_S: Final = 30.0

# What `maas up` prints once everything serves (the banner), and the telemetry log line
# with the bound /metrics port.
_WORKER: Final = re.compile(r"^maas is serving on (\S+:\d+)")
_REGISTRY: Final = re.compile(r"^registry: (\S+:\d+)")
_SCHEDULER: Final = re.compile(r"^scheduler: (\S+:\d+)")
_METRICS: Final = re.compile(r"metrics on http://(\S+:\d+)/metrics")


@dataclass(frozen=True, slots=True)
class AllInOne:
    worker: str
    registry: str
    scheduler: str
    """The scheduler's address, which is also the inference gateway's."""
    metrics: str
    data_dir: Path


class _Output:
    """Reads a process's output in a thread (so that its pipe never fills), remembering
    the first match of each pattern and signalling once all have matched."""

    def __init__(self, stream: IO[str], patterns: dict[str, re.Pattern[str]]) -> None:
        self.lines: list[str] = []
        self.found: dict[str, str] = {}
        self.ready = threading.Event()
        self.closed = threading.Event()
        self._patterns = patterns
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append(line)
            for key, pattern in self._patterns.items():
                if key not in self.found and (match := pattern.search(line)):
                    self.found[key] = match.group(1)
            if len(self.found) == len(self._patterns):
                self.ready.set()
        self.closed.set()
        self.ready.set()


@pytest.fixture(scope="session")
def all_in_one(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AllInOne]:
    data = tmp_path_factory.mktemp("all-in-one")
    command = [sys.executable, "-m", "maas", "up", "--data-dir", str(data), "--log-level", "INFO"]
    command += ["--grpc-port", "0", "--registry-port", "0", "--scheduler-port", "0"]
    environment = {"MAAS_TELEMETRY_METRICS_PORT": "0", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env={**os.environ, **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    output = _Output(
        process.stdout,
        {"worker": _WORKER, "registry": _REGISTRY, "scheduler": _SCHEDULER, "metrics": _METRICS},
    )
    try:
        output.ready.wait(_START_TIMEOUT_S)
        assert len(output.found) == 4, "".join(output.lines)
        yield AllInOne(data_dir=data, **output.found)
    finally:
        process.terminate()
        code = process.wait(60)
        output.closed.wait(10)
        assert code == 0, "".join(output.lines)


@pytest.fixture(scope="session")
def deployed(all_in_one: AllInOne) -> AllInOne:
    """Every demo model uploaded to the registry and deployed under its own name; the
    gateway answers ModelReady for each before this returns."""
    demo = all_in_one.data_dir / "demo-models"
    with RegistryClient(all_in_one.registry) as registry:
        for name in DEMO_MODELS:
            registry.create_model(name)
            registry.upload(name, demo / name / "1" / "model.onnx")
    with SchedulerClient(all_in_one.scheduler) as scheduler:
        for name in DEMO_MODELS:
            scheduler.create_deployment(name, name)
        for name in DEMO_MODELS:
            scheduler.wait_ready(name)
    # The gateway learns a route a moment after the deployment turns ready.
    with grpc.insecure_channel(all_in_one.scheduler) as channel:
        gateway = pb_grpc.GRPCInferenceServiceStub(channel)
        deadline = time.monotonic() + _ROUTE_TIMEOUT_S
        for name in DEMO_MODELS:
            while not _ready(gateway, name):
                assert time.monotonic() < deadline, f"the gateway never routed {name}"
                time.sleep(0.05)
    return all_in_one


def _ready(gateway: pb_grpc.GRPCInferenceServiceStub, name: str) -> bool:
    try:
        return gateway.ModelReady(pb.ModelReadyRequest(name=name), timeout=5).ready
    except grpc.RpcError:
        return False
