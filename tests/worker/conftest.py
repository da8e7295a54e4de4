"""A real worker serving the demo models over loopback gRPC."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import tritonclient.grpc as grpcclient

from maas.demo_models import write_demo_repository
from maas.worker.app import WorkerHandle, run_worker
from maas.worker.settings import WorkerSettings
from tests.support import serve_in_thread


@pytest.fixture(scope="session")
def demo_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    write_demo_repository(root)
    return root


@pytest.fixture(scope="module")
def worker(demo_repository: Path) -> Iterator[WorkerHandle]:
    settings = WorkerSettings(model_repository=demo_repository, grpc_port=0)
    with serve_in_thread(lambda: run_worker(settings)) as handle:
        yield handle


@pytest.fixture
def address(worker: WorkerHandle) -> str:
    return f"127.0.0.1:{worker.port}"


@pytest.fixture
def client(address: str) -> Iterator[grpcclient.InferenceServerClient]:
    with grpcclient.InferenceServerClient(address) as c:
        yield c
