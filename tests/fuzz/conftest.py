"""Property-based fuzzing of request decoding and validation, against real servers.

One worker serving the demo models, a gateway in front of it and a registry, each over
loopback in this process, so that the memory they allocate shows in this process's peak
RSS. Hypothesis runs under the `ci` profile unless HYPOTHESIS_PROFILE names another: a
fixed number of examples per test, derandomized, so every CI run tries the same inputs
and the whole folder stays well under a minute (`long` digs deeper, by hand).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from maas.demo_models import write_demo_repository
from maas.gateway.app import run_gateway, table_from_workers
from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings
from tests.support import serve_in_thread

_COMMON = {
    # Servers are module fixtures shared by every example, on purpose.
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    # An example slower than this is a hang in the making (every call also has a deadline).
    "deadline": timedelta(seconds=10),
    "database": None,
}
settings.register_profile("ci", max_examples=200, derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=2000, **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def address_of(port: int) -> str:
    return f"127.0.0.1:{port}"


@pytest.fixture(scope="module")
def worker_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("models")
    write_demo_repository(root)
    settings = WorkerSettings(model_repository=root, grpc_port=0, shutdown_grace_s=1)
    with serve_in_thread(lambda: run_worker(settings)) as handle:
        yield address_of(handle.port)


@pytest.fixture(scope="module")
def gateway_address(worker_address: str) -> Iterator[str]:
    table = asyncio.run(table_from_workers([worker_address]))
    with serve_in_thread(lambda: run_gateway(table, shutdown_grace_s=1)) as handle:
        yield address_of(handle.port)


@pytest.fixture(scope="module")
def registry_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("registry")


@pytest.fixture(scope="module")
def registry_address(registry_dir: Path) -> Iterator[str]:
    settings = RegistrySettings(data_dir=registry_dir, port=0, grace_s=1.0)
    with serve_in_thread(lambda: run_registry(settings)) as handle:
        yield address_of(handle.port)
