"""The scheduler in process, as all-in-one runs it: a real registry, two real workers and
schedulers sharing in-process discovery, all on one event loop in a background thread.

In-process discovery belongs to one event loop, so everything that shares it runs on
`BackgroundLoop`; tests drive it from the main thread with blocking clients, the way a
user would. Workers and the registry live for the module; each test gets its own
scheduler with its own SQLite state file, and its deployments are deleted (and
unloaded) when it ends.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import grpc
import pytest

from maas.discovery import Coordination, DiscoverySettings, open_discovery
from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.scheduler.app import SchedulerHandle, run_scheduler
from maas.scheduler.settings import SchedulerSettings
from maas.worker.app import WorkerHandle, run_worker
from maas.worker.settings import WorkerSettings
from maas_client.registry import RegistryClient
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc
from tests.versions import Versions

T = TypeVar("T")

MODEL = "mlp"
MIB = 1 << 20
# Room for two replicas of 100 MiB on each worker, not three.
WORKER_CAPACITY = 250 * MIB
REPLICA_MEMORY = 100 * MIB


class BackgroundLoop:
    """An event loop running in a thread, and a way to call into it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, work: Coroutine[Any, Any, T], timeout_s: float = 120) -> T:
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout_s)

    def enter(self, context: AbstractAsyncContextManager[T]) -> Entered[T]:
        """Enter an async context on the loop; `close()` the result to leave it."""
        stack = AsyncExitStack()
        return Entered(self, stack, self.run(stack.enter_async_context(context)))

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=30)
        self.loop.close()


@dataclass
class Entered(Generic[T]):
    loop: BackgroundLoop
    stack: AsyncExitStack
    value: T

    def close(self) -> None:
        self.loop.run(self.stack.aclose())


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    return Versions.write(tmp_path_factory.mktemp("artifacts"))


@pytest.fixture(scope="module")
def background() -> Iterator[BackgroundLoop]:
    loop = BackgroundLoop()
    yield loop
    loop.stop()


@pytest.fixture(scope="module")
def coordination(background: BackgroundLoop) -> Iterator[Coordination]:
    entered = background.enter(open_discovery(DiscoverySettings(address=None)))
    yield entered.value
    entered.close()


@pytest.fixture(scope="module")
def registry(
    background: BackgroundLoop, tmp_path_factory: pytest.TempPathFactory, versions: Versions
) -> Iterator[str]:
    settings = RegistrySettings(data_dir=tmp_path_factory.mktemp("registry"), port=0, grace_s=1)
    entered = background.enter(run_registry(settings))
    address = f"127.0.0.1:{entered.value.port}"
    with RegistryClient(address) as client:
        client.create_model(MODEL)
        for version in (1, 2):
            client.upload(MODEL, versions.paths[version])
        client.set_alias(MODEL, "production", 1)
    yield address
    entered.close()


def start_worker(
    background: BackgroundLoop, coordination: Coordination, registry: str, cache: Path
) -> Entered[WorkerHandle]:
    settings = WorkerSettings(
        grpc_port=0,
        registry_address=registry,
        artifact_cache=cache,
        memory_capacity_bytes=WORKER_CAPACITY,
        shutdown_grace_s=1.0,
    )
    return background.enter(run_worker(settings, discovery=coordination.discovery))


@pytest.fixture(scope="module")
def workers(
    background: BackgroundLoop,
    coordination: Coordination,
    registry: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[list[WorkerHandle]]:
    entered = [
        start_worker(background, coordination, registry, tmp_path_factory.mktemp(f"cache{i}"))
        for i in range(2)
    ]
    yield [e.value for e in entered]
    for e in entered:
        e.close()


def scheduler_settings(state_path: Path, registry: str) -> SchedulerSettings:
    return SchedulerSettings(
        port=0,
        state_path=state_path,
        registry_address=registry,
        status_interval_s=0.2,
        resync_interval_s=1.0,
        drain_grace_s=0.3,
        # Well under clean_up's 30 s: a drain that never sees its count reach 0 must
        # not be what decides whether a test passes.
        drain_timeout_s=5.0,
        load_retry_initial_s=0.5,
        shutdown_grace_s=1.0,
    )


@dataclass
class Scheduler:
    """A running scheduler and blocking clients for it."""

    handle: SchedulerHandle
    address: str
    api: pb_grpc.SchedulerServiceStub

    def deploy(self, **fields: Any) -> pb.Deployment:
        spec = pb.DeploymentSpec(model=MODEL, **fields)
        request = pb.CreateDeploymentRequest(spec=spec)
        deployment: pb.Deployment = self.api.CreateDeployment(request).deployment
        return deployment

    def get(self, name: str) -> pb.Deployment:
        deployment: pb.Deployment = self.api.GetDeployment(
            pb.GetDeploymentRequest(name=name)
        ).deployment
        return deployment

    def wait(
        self, name: str, done: Callable[[pb.Deployment], bool], timeout_s: float = 30
    ) -> pb.Deployment:
        """The deployment once `done` holds for it, failing the test if it never does."""
        deadline = time.monotonic() + timeout_s
        while True:
            deployment = self.get(name)
            if done(deployment):
                return deployment
            if time.monotonic() > deadline:
                raise AssertionError(f"deployment never got there:\n{deployment}")
            time.sleep(0.05)

    def wait_ready(self, name: str, replicas: int, version: int) -> pb.Deployment:
        """The deployment once `replicas` replicas of `version` serve, nothing else is
        loaded for it, and this scheduler's routes (which follow the status a moment
        later) lead to them."""
        return self.wait(
            name,
            lambda d: (
                d.status.ready_replicas == replicas
                and d.status.serving_version == version
                and all(r.state == pb.REPLICA_STATE_READY for r in d.status.replicas)
                and self.routed(name) == {str(version): replicas}
            ),
        )

    def routed(self, name: str) -> dict[str, int]:
        """Replicas this scheduler routes `name` to, by version."""
        table = self.api.GetRoutes(pb.GetRoutesRequest()).table
        counts: dict[str, int] = {}
        for replica in table.replicas:
            for model in replica.models:
                if model.name == name:
                    for version in model.versions:
                        counts[version] = counts.get(version, 0) + 1
        return counts

    def clean_up(self) -> None:
        """Delete every deployment and wait until the workers hold no replica (they
        serve nothing else in these tests)."""
        listed = self.api.ListDeployments(pb.ListDeploymentsRequest()).deployments
        for deployment in listed:
            self.api.DeleteDeployment(pb.DeleteDeploymentRequest(name=deployment.spec.name))
        deadline = time.monotonic() + 30
        while any(w.replicas for w in self.api.ListWorkers(pb.ListWorkersRequest()).workers):
            assert time.monotonic() < deadline, "replicas of deleted deployments stayed"
            time.sleep(0.05)


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "scheduler.db"


def start_scheduler(
    background: BackgroundLoop, coordination: Coordination, settings: SchedulerSettings
) -> tuple[Entered[SchedulerHandle], Scheduler, grpc.Channel]:
    entered = background.enter(run_scheduler(settings, coordination))
    address = f"127.0.0.1:{entered.value.port}"
    channel = grpc.insecure_channel(address)
    running = Scheduler(entered.value, address, pb_grpc.SchedulerServiceStub(channel))
    return entered, running, channel


@pytest.fixture
def scheduler(
    background: BackgroundLoop,
    coordination: Coordination,
    registry: str,
    workers: list[WorkerHandle],
    state_path: Path,
) -> Iterator[Scheduler]:
    entered, running, channel = start_scheduler(
        background, coordination, scheduler_settings(state_path, registry)
    )
    try:
        yield running
        running.clean_up()
    finally:
        channel.close()
        entered.close()
