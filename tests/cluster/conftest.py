"""A real cluster on loopback: a Consul dev agent, a registry, two schedulers and three
workers, each in a process of its own, started once for the module.

Every service is polled on gRPC health until SERVING. Timings are tightened for tests
(Consul checks every second, workers polled twice a second, a one-second drain grace);
everything else runs with the defaults a deployment would use.
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Final, TypeVar

import grpc
import numpy as np
import pytest
from grpc_health.v1 import health_pb2

from maas.transport.health import check_health
from maas_client.inference import InferenceClient
from maas_client.registry import RegistryClient
from maas_client.routing import RoutingClient, RoutingError
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc
from tests.consul import ConsulAgent
from tests.tools import REPO_ROOT, free_port
from tests.versions import Versions

T = TypeVar("T")

MODEL: Final = "mlp"
MIB: Final = 1 << 20
WORKER_CAPACITY: Final = 250 * MIB
REPLICA_MEMORY: Final = 100 * MIB
LEADER_KEY: Final = "maas/scheduler/leader"
BATCH: Final = np.linspace(-1, 1, 2 * 64, dtype=np.float32).reshape(2, 64)
_START_TIMEOUT_S: Final = 60.0


def wait_until(check: Callable[[], T | None], what: str, timeout_s: float = 30) -> T:
    """The first truthy result of `check`, polled; fails the test after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s}s waiting for {what}")
        time.sleep(0.05)


@dataclass
class Service:
    """One process of the cluster."""

    name: str
    process: subprocess.Popen[bytes]
    address: str
    log: Path

    def kill(self) -> None:
        """SIGKILL: nothing gets to say goodbye."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def wait_serving(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT_S
        with grpc.insecure_channel(self.address) as channel:
            while True:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited:\n{self.log_tail()}")
                try:
                    if check_health(channel, timeout=1) == health_pb2.HealthCheckResponse.SERVING:
                        return
                except grpc.RpcError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{self.name} not serving:\n{self.log_tail()}")
                time.sleep(0.1)


def _routes(address: str, name: str, replicas: int) -> bool:
    """Whether the scheduler at `address` routes `replicas` replicas of `name`."""
    with grpc.insecure_channel(address) as channel:
        stub = pb_grpc.SchedulerServiceStub(channel)
        table = stub.GetRoutes(pb.GetRoutesRequest(), timeout=5).table
    return sum(1 for r in table.replicas for m in r.models if m.name == name) == replicas


@dataclass
class Cluster:
    consul: ConsulAgent
    workdir: Path
    registry: str = ""
    schedulers: list[Service] = field(default_factory=list)
    workers: list[Service] = field(default_factory=list)
    others: list[Service] = field(default_factory=list)
    _started: int = 0

    def environment(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "MAAS_CONSUL_ADDRESS": self.consul.address,
            "MAAS_CONSUL_CHECK_INTERVAL_S": "1",
            # Generous: two cores are busy in these tests, and a timed-out check would
            # drop a healthy process.
            "MAAS_CONSUL_CHECK_TIMEOUT_S": "3",
            "MAAS_CONSUL_WATCH_WAIT_S": "5",
            "MAAS_CONSUL_REQUEST_TIMEOUT_S": "3",
            "MAAS_CONSUL_RETRY_MAX_S": "1",
            **extra,
        }

    def spawn(self, name: str, command: list[str], env: dict[str, str], port: int) -> Service:
        log = self.workdir / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        return Service(name, process, f"127.0.0.1:{port}", log)

    def start_registry(self) -> Service:
        port = free_port()
        command = [sys.executable, "-m", "maas.registry", "--port", str(port)]
        command += ["--data-dir", str(self.workdir / "registry"), "--log-level", "WARNING"]
        # Registered in Consul, where the schedulers find it.
        service = self.spawn("registry", command, self.environment(), port)
        self.others.append(service)
        self.registry = service.address
        return service

    def start_worker(self) -> Service:
        self._started += 1
        name, port = f"worker-{self._started}", free_port()
        env = self.environment(
            MAAS_WORKER_GRPC_PORT=str(port),
            MAAS_WORKER_REGISTRY_ADDRESS=self.registry,
            MAAS_WORKER_ARTIFACT_CACHE=str(self.workdir / name / "cache"),
            MAAS_WORKER_MEMORY_CAPACITY_BYTES=str(WORKER_CAPACITY),
            MAAS_WORKER_SHUTDOWN_GRACE_S="2",
        )
        service = self.spawn(name, [sys.executable, "-m", "maas", "worker"], env, port)
        self.workers.append(service)
        return service

    def start_scheduler(self) -> Service:
        self._started += 1
        name, port = f"scheduler-{self._started}", free_port()
        env = self.environment(
            MAAS_SCHEDULER_STATUS_INTERVAL_S="0.5",
            MAAS_SCHEDULER_RESYNC_INTERVAL_S="2",
            MAAS_SCHEDULER_DRAIN_GRACE_S="1",
            MAAS_SCHEDULER_LOAD_RETRY_INITIAL_S="1",
            MAAS_SCHEDULER_SHUTDOWN_GRACE_S="2",
        )
        command = [sys.executable, "-m", "maas.scheduler", "--port", str(port)]
        command += ["--instance-id", name]
        service = self.spawn(name, command, env, port)
        self.schedulers.append(service)
        return service

    def live(self, services: list[Service]) -> list[Service]:
        return [s for s in services if s.process.poll() is None]

    def leader(self) -> Service | None:
        """The scheduler holding the leadership key in Consul, if any."""
        entries = self.consul.get(f"/v1/kv/{LEADER_KEY}")
        assert isinstance(entries, list)
        entry = entries[0]
        if not entry.get("Session"):
            return None
        holder = base64.b64decode(entry["Value"]).decode()
        return next((s for s in self.live(self.schedulers) if s.name == holder), None)

    def wait_routed(self, name: str, replicas: int) -> None:
        """Wait until every live scheduler routes `replicas` replicas of `name`: its
        status comes from the shared plan, each gateway's table a moment later."""
        for scheduler in self.live(self.schedulers):
            wait_until(
                partial(_routes, scheduler.address, name, replicas),
                f"{scheduler.name} routing {replicas} replicas of {name}",
            )

    def follower(self) -> Service:
        leader = wait_until(self.leader, "a leading scheduler")
        return next(s for s in self.live(self.schedulers) if s is not leader)

    def close(self) -> None:
        for service in [*self.schedulers, *self.workers, *self.others]:
            service.stop()


class Api:
    """A blocking client of one scheduler's API."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._channel = grpc.insecure_channel(address)
        self.stub = pb_grpc.SchedulerServiceStub(self._channel)

    def close(self) -> None:
        self._channel.close()

    def deploy(self, name: str, **fields: object) -> None:
        given = {"resources": pb.Resources(memory_bytes=REPLICA_MEMORY), **fields}
        spec = pb.DeploymentSpec(name=name, model=MODEL, **given)  # type: ignore[arg-type]
        self.stub.CreateDeployment(pb.CreateDeploymentRequest(spec=spec), timeout=10)

    def update(self, name: str, **fields: object) -> None:
        spec = self.get(name).spec
        for key, value in fields.items():
            setattr(spec, key, value)
        self.stub.UpdateDeployment(pb.UpdateDeploymentRequest(spec=spec), timeout=10)

    def delete(self, name: str) -> None:
        self.stub.DeleteDeployment(pb.DeleteDeploymentRequest(name=name), timeout=10)

    def get(self, name: str) -> pb.Deployment:
        reply = self.stub.GetDeployment(pb.GetDeploymentRequest(name=name), timeout=10)
        deployment: pb.Deployment = reply.deployment
        return deployment

    def ready(self, name: str, replicas: int, version: int, timeout_s: float = 30) -> pb.Deployment:
        """The deployment once exactly `replicas` replicas of `version` serve and
        nothing else is loaded for it."""

        def done() -> pb.Deployment | None:
            deployment = self.get(name)
            status = deployment.status
            settled = all(
                r.state == pb.REPLICA_STATE_READY and r.version == version for r in status.replicas
            )
            if status.ready_replicas == replicas and status.serving_version == version and settled:
                return deployment
            return None

        what = f"{name}: {replicas} ready replicas of version {version}"
        return wait_until(done, what, timeout_s)

    def workers_of(self, name: str) -> set[str]:
        return {r.address for r in self.get(name).status.replicas}


class Traffic:
    """Steady load until stopped: threads through gateways, one direct client."""

    def __init__(self, name: str, gateways: list[str], schedulers: list[str]) -> None:
        self.name = name
        self.ok = 0
        self.failures: list[str] = []
        self.answers: dict[str, np.ndarray] = {}
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._through, args=(address,), daemon=True)
            for address in gateways
            for _ in range(2)
        ]
        self._threads.append(threading.Thread(target=self._direct, args=(schedulers,), daemon=True))

    def __enter__(self) -> Traffic:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def summary(self) -> str:
        """Failures per route and message, with the first and last time each was seen."""
        seen: dict[str, list[float]] = {}
        for failure in self.failures:
            stamp, _, what = failure.partition(" ")
            seen.setdefault(what, []).append(float(stamp))
        return "\n".join(
            f"{len(times)}x {min(times):.3f}-{max(times):.3f} {what}"
            for what, times in seen.items()
        )

    def _record(self, route: str, answer: np.ndarray | None, failure: str | None) -> None:
        with self._lock:
            if failure is None:
                assert answer is not None
                self.ok += 1
                self.answers[route] = answer
            else:
                self.failures.append(f"{time.time():.3f} {route}: {failure}")

    def _through(self, address: str) -> None:
        with InferenceClient(address, timeout=10) as client:
            while not self._stop.is_set():
                try:
                    answer = client.infer(self.name, {"INPUT0": BATCH})["OUTPUT0"]
                    self._record(address, answer, None)
                except grpc.RpcError as exc:
                    self._record(address, None, repr(exc))

    def _direct(self, schedulers: list[str]) -> None:
        import asyncio

        async def run() -> None:
            async with RoutingClient(schedulers, timeout=10) as client:
                while not self._stop.is_set():
                    try:
                        answer = (await client.infer(self.name, {"INPUT0": BATCH}))["OUTPUT0"]
                        self._record("direct", answer, None)
                    except RoutingError as exc:
                        self._record("direct", None, repr(exc))

        asyncio.run(run())


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    return Versions.write(tmp_path_factory.mktemp("artifacts"))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory, versions: Versions) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("cluster")
    with ConsulAgent.start(workdir / "consul") as consul:
        cluster = Cluster(consul, workdir)
        try:
            cluster.start_registry()
            for _ in range(3):
                cluster.start_worker()
            for _ in range(2):
                cluster.start_scheduler()
            for service in [*cluster.others, *cluster.workers, *cluster.schedulers]:
                service.wait_serving()
            with RegistryClient(cluster.registry) as registry:
                registry.create_model(MODEL)
                for version in (1, 2):
                    registry.upload(MODEL, versions.paths[version])
            wait_until(cluster.leader, "a leading scheduler")
            yield cluster
        finally:
            cluster.close()


@pytest.fixture
def api(cluster: Cluster) -> Iterator[Api]:
    """A client of a live scheduler (the follower, which the tests do not kill)."""
    client = Api(cluster.follower().address)
    yield client
    client.close()
