"""A worker announces itself in discovery and withdraws before it drains."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health_pb2

import maas
from maas.discovery.base import WORKER_SERVICE
from maas.discovery.inprocess import InProcessDiscovery
from maas.transport.health import check_health
from maas.worker.app import run_worker
from maas.worker.settings import WorkerSettings
from tests.consul import ConsulAgent
from tests.support import first

CAPACITY = 5 << 30
META = {
    "maas_version": maas.__version__,
    "backends": "onnxruntime",
    "memory_capacity_bytes": str(CAPACITY),
}

SERVE = """
import asyncio
from maas.discovery import DiscoverySettings
from maas.telemetry import TelemetrySettings
from maas.worker.serve import serve_worker
from maas.worker.settings import WorkerSettings

report = lambda handle: print(handle.port, flush=True)
asyncio.run(serve_worker(WorkerSettings(), DiscoverySettings(), TelemetrySettings(), report))
"""


class ObservingDiscovery(InProcessDiscovery):
    """In-process discovery that asks the worker's health service, from outside, how it
    is at the moment the worker deregisters."""

    def __init__(self) -> None:
        super().__init__()
        self.address = ""
        self.health_at_deregister: int | None = None

    async def deregister(self, instance_id: str) -> None:
        self.health_at_deregister = await asyncio.to_thread(self._health)
        await super().deregister(instance_id)

    def _health(self) -> int:
        with grpc.insecure_channel(self.address) as channel:
            return check_health(channel, timeout=5)


async def test_the_worker_registers_and_deregisters_before_draining() -> None:
    discovery = ObservingDiscovery()
    settings = WorkerSettings(grpc_port=0, memory_capacity_bytes=CAPACITY)
    async with run_worker(settings, discovery=discovery) as handle:
        discovery.address = f"127.0.0.1:{handle.port}"
        [instance] = await first(discovery.watch(WORKER_SERVICE))
        assert instance == handle.instance
        assert (instance.host, instance.port) == ("127.0.0.1", handle.port)
        assert dict(instance.meta) == META
    assert await first(discovery.watch(WORKER_SERVICE)) == ()
    # Asked while deregistering, the server still answered (it was not yet draining,
    # which refuses new calls) and already reported NOT_SERVING.
    assert discovery.health_at_deregister == health_pb2.HealthCheckResponse.NOT_SERVING


def test_a_worker_process_registers_in_consul_and_leaves_on_sigterm(tmp_path: Path) -> None:
    with ConsulAgent.start(tmp_path / "consul") as agent:
        env = os.environ | {
            "MAAS_WORKER_GRPC_PORT": "0",
            "MAAS_WORKER_MEMORY_CAPACITY_BYTES": str(CAPACITY),
            "MAAS_WORKER_SHUTDOWN_GRACE_S": "1",
            "MAAS_CONSUL_ADDRESS": agent.address,
            "MAAS_CONSUL_CHECK_INTERVAL_S": "1",
        }
        with (tmp_path / "worker.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-c", SERVE], env=env, stdout=subprocess.PIPE, stderr=log
            )
        try:
            assert process.stdout is not None
            port = int(process.stdout.readline())
            entry = _passing_worker(agent)
            assert entry["Service"]["Port"] == port
            assert entry["Service"]["Meta"] == META
            assert {c["Type"] for c in entry["Checks"] if c["ServiceID"]} == {"grpc"}
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
            # Gone at once: Consul itself would drop a dead instance only after a minute.
            services = agent.get("/v1/agent/services")
            assert isinstance(services, dict)
            assert [s for s in services.values() if s["Service"] == WORKER_SERVICE] == []
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def _passing_worker(agent: ConsulAgent, timeout_s: float = 15.0) -> dict[str, Any]:
    """The worker's entry once Consul's gRPC health check has passed."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        entries = agent.get(f"/v1/health/service/{WORKER_SERVICE}?passing=true")
        assert isinstance(entries, list)
        if entries:
            [entry] = entries
            assert isinstance(entry, dict)
            return entry
        time.sleep(0.1)
    raise AssertionError(f"no passing {WORKER_SERVICE} in Consul within {timeout_s}s")
