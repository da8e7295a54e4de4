"""Deployments end to end in one process: placed, loaded, served through the gateway
and directly, rolled, durable, and explained when they cannot be placed."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import grpc
import numpy as np
import pytest

from maas.discovery import Coordination
from maas.worker.app import WorkerHandle
from maas_client.inference import InferenceClient
from maas_client.registry import RegistryClient
from maas_client.routing import RoutingClient, RoutingError
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from tests.scheduler.conftest import (
    MODEL,
    REPLICA_MEMORY,
    WORKER_CAPACITY,
    BackgroundLoop,
    Scheduler,
    scheduler_settings,
    start_scheduler,
    start_worker,
)
from tests.versions import Versions

MIB = 1 << 20
BATCH = np.linspace(-1, 1, 3 * 64, dtype=np.float32).reshape(3, 64)


def resources(memory: int = REPLICA_MEMORY) -> pb.Resources:
    return pb.Resources(memory_bytes=memory)


def infer(address: str, name: str) -> np.ndarray:
    with InferenceClient(address, timeout=10) as client:
        return client.infer(name, {"INPUT0": BATCH})["OUTPUT0"]


def infer_direct(scheduler: str, name: str) -> tuple[np.ndarray, set[str]]:
    """An answer through the routing client, and the addresses it routes to."""

    async def call() -> tuple[np.ndarray, set[str]]:
        async with RoutingClient(scheduler, timeout=10) as client:
            output = (await client.infer(name, {"INPUT0": BATCH}))["OUTPUT0"]
            assert client.table is not None
            return output, {r.address for r in client.table.replicas}

    return asyncio.run(call())


class Traffic:
    """Requests sent without pause from threads until stopped; every failure kept.

    Through the gateway by default; `direct` sends them with one `RoutingClient` per
    thread, on that thread's own event loop.
    """

    def __init__(self, name: str, gateway: str, *, direct: bool = False, threads: int = 4):
        self.failures: list[str] = []
        self.answers: list[np.ndarray] = []
        self._name = name
        self._address = gateway
        self._stop = threading.Event()
        target = self._run_direct if direct else self._run
        self._threads = [threading.Thread(target=target) for _ in range(threads)]

    def _run(self) -> None:
        with InferenceClient(self._address, timeout=10) as client:
            while not self._stop.is_set():
                try:
                    self.answers.append(client.infer(self._name, {"INPUT0": BATCH})["OUTPUT0"])
                except grpc.RpcError as exc:
                    self.failures.append(repr(exc))

    def _run_direct(self) -> None:
        async def run() -> None:
            async with RoutingClient(self._address, timeout=10) as client:
                while not self._stop.is_set():
                    try:
                        answer = await client.infer(self._name, {"INPUT0": BATCH})
                        self.answers.append(answer["OUTPUT0"])
                    except RoutingError as exc:
                        self.failures.append(repr(exc))

        asyncio.run(run())

    @contextmanager
    def running(self) -> Iterator[Traffic]:
        for thread in self._threads:
            thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            for thread in self._threads:
                thread.join()


def worker_addresses(workers: list[WorkerHandle]) -> set[str]:
    return {f"127.0.0.1:{w.port}" for w in workers}


def test_deploy_then_infer_through_the_gateway_and_directly(
    scheduler: Scheduler, versions: Versions, workers: list[WorkerHandle]
) -> None:
    created = scheduler.deploy(name="classifier", version=1, min_replicas=2, resources=resources())
    assert created.generation == 1
    assert created.status.conditions[0].reason == "Pending"
    ready = scheduler.wait_ready("classifier", 2, 1)
    # Spread: one replica per worker.
    assert {r.address for r in ready.status.replicas} == worker_addresses(workers)
    assert ready.status.target_version == 1
    conditions = {c.type: (c.status, c.message) for c in ready.status.conditions}
    assert conditions["Available"] == (True, "2 of 2 replicas ready")
    assert conditions["Resolved"][1].startswith(f"model '{MODEL}' version 1 (sha256 ")

    expected = versions.expected(1, BATCH)
    np.testing.assert_allclose(infer(scheduler.address, "classifier"), expected, rtol=1e-6)
    direct, routed_to = infer_direct(scheduler.address, "classifier")
    np.testing.assert_allclose(direct, expected, rtol=1e-6)
    assert routed_to == worker_addresses(workers)


def test_workers_and_routes_as_the_api_reports_them(
    scheduler: Scheduler, workers: list[WorkerHandle]
) -> None:
    scheduler.deploy(name="listed", version=1, resources=resources())
    ready = scheduler.wait_ready("listed", 1, 1)
    listed = scheduler.api.ListWorkers(pb.ListWorkersRequest()).workers
    assert {w.address for w in listed} == worker_addresses(workers)
    assert all(w.memory_capacity_bytes == WORKER_CAPACITY and w.reachable for w in listed)
    assert all(list(w.backends) == ["onnxruntime"] for w in listed)
    holder = next(w for w in listed if w.address == ready.status.replicas[0].address)
    assert [(r.name, r.version, r.state) for r in holder.replicas] == [
        ("listed", 1, pb.WORKER_REPLICA_STATE_READY)
    ]

    table = scheduler.api.GetRoutes(pb.GetRoutesRequest()).table
    assert list(table.deployments) == ["listed"]
    [route] = table.replicas
    assert route.address == holder.address
    assert [(m.name, list(m.versions)) for m in route.models] == [("listed", ["1"])]

    watch = scheduler.api.WatchRoutes(pb.WatchRoutesRequest())
    try:
        assert next(watch).table == table
        scheduler.api.DeleteDeployment(pb.DeleteDeploymentRequest(name="listed"))
        assert next(watch).table == pb.RoutingTable()
    finally:
        watch.cancel()


def test_rolling_update_under_load_fails_no_request(
    scheduler: Scheduler, versions: Versions
) -> None:
    scheduler.deploy(name="rolling", version=1, min_replicas=2, resources=resources())
    scheduler.wait_ready("rolling", 2, 1)
    gateway = Traffic("rolling", scheduler.address)
    direct = Traffic("rolling", scheduler.address, direct=True, threads=2)
    with gateway.running(), direct.running():
        time.sleep(0.5)
        spec = scheduler.get("rolling").spec
        spec.version = 2
        updated = scheduler.api.UpdateDeployment(pb.UpdateDeploymentRequest(spec=spec))
        assert updated.deployment.generation == 2
        scheduler.wait_ready("rolling", 2, 2)
        # The old version drains and goes.
        scheduler.wait(
            "rolling", lambda d: {r.version for r in d.status.replicas} == {2}, timeout_s=10
        )
        time.sleep(0.5)
    assert gateway.failures == []
    assert direct.failures == []
    assert len(gateway.answers) > 20
    np.testing.assert_allclose(gateway.answers[0], versions.expected(1, BATCH), rtol=1e-6)
    np.testing.assert_allclose(gateway.answers[-1], versions.expected(2, BATCH), rtol=1e-6)
    listed = scheduler.api.ListWorkers(pb.ListWorkersRequest()).workers
    assert {(r.name, r.version) for w in listed for r in w.replicas} == {("rolling", 2)}


def test_moving_the_alias_rolls_the_deployment(
    scheduler: Scheduler, registry: str, versions: Versions
) -> None:
    scheduler.deploy(name="aliased", alias="production", resources=resources())
    scheduler.wait_ready("aliased", 1, 1)
    with RegistryClient(registry) as client:
        client.set_alias(MODEL, "production", 2)
        try:
            scheduler.wait_ready("aliased", 1, 2)
            output = infer(scheduler.address, "aliased")
            np.testing.assert_allclose(output, versions.expected(2, BATCH), rtol=1e-6)
        finally:
            client.set_alias(MODEL, "production", 1)


def test_unschedulable_deployments_say_why(scheduler: Scheduler) -> None:
    scheduler.deploy(name="wide", version=1, max_replicas=3, resources=resources(200 * MIB))
    wide = scheduler.wait_ready("wide", 2, 1)
    scheduled = {c.type: c for c in wide.status.conditions}["Scheduled"]
    assert (scheduled.status, scheduled.reason) == (False, "Unschedulable")
    assert scheduled.message == (
        "needs 3 replicas with 200.0 MiB each, at most one per worker; 2 workers have room"
    )
    scheduler.deploy(name="huge", version=1, resources=resources(1 << 30))
    huge = scheduler.wait(
        "huge", lambda d: any(c.reason == "Unschedulable" for c in d.status.conditions)
    )
    conditions = {c.type: c for c in huge.status.conditions}
    assert conditions["Scheduled"].message == (
        "needs 1 replica with 1.0 GiB each, at most one per worker; "
        "0 workers have room, 2 lack free memory"
    )
    assert conditions["Available"].status is False
    with pytest.raises(grpc.RpcError) as caught:
        infer(scheduler.address, "huge")
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE


def test_a_missing_version_is_reported(scheduler: Scheduler) -> None:
    scheduler.deploy(name="ghost", version=99)
    ghost = scheduler.wait("ghost", lambda d: d.status.observed_generation == 1)
    resolved = {c.type: c for c in ghost.status.conditions}["Resolved"]
    assert (resolved.status, resolved.reason) == (False, "ResolveFailed")
    assert "version 99" in resolved.message


def test_api_errors(scheduler: Scheduler) -> None:
    def code_of(call: Callable[[], object]) -> grpc.StatusCode:
        with pytest.raises(grpc.RpcError) as caught:
            call()
        code: grpc.StatusCode = caught.value.code()
        return code

    api = scheduler.api
    assert code_of(lambda: scheduler.get("nope")) is grpc.StatusCode.NOT_FOUND
    assert (
        code_of(lambda: api.DeleteDeployment(pb.DeleteDeploymentRequest(name="nope")))
        is grpc.StatusCode.NOT_FOUND
    )
    spec = pb.DeploymentSpec(name="nope", model=MODEL)
    assert (
        code_of(lambda: api.UpdateDeployment(pb.UpdateDeploymentRequest(spec=spec)))
        is grpc.StatusCode.NOT_FOUND
    )
    scheduler.deploy(name="once", version=1, resources=resources())
    assert code_of(lambda: scheduler.deploy(name="once")) is grpc.StatusCode.ALREADY_EXISTS
    assert code_of(lambda: scheduler.deploy(name="bad name")) is grpc.StatusCode.INVALID_ARGUMENT
    assert (
        code_of(lambda: scheduler.deploy(name="x", min_replicas=3, max_replicas=1))
        is grpc.StatusCode.INVALID_ARGUMENT
    )


def test_desired_state_survives_a_scheduler_restart(
    background: BackgroundLoop,
    coordination: Coordination,
    registry: str,
    workers: list[WorkerHandle],
    tmp_path: Path,
    versions: Versions,
) -> None:
    settings = scheduler_settings(tmp_path / "state.db", registry)
    entered, first, channel = start_scheduler(background, coordination, settings)
    try:
        first.deploy(name="durable", version=1, resources=resources())
        before = first.wait_ready("durable", 1, 1)
    finally:
        channel.close()
        entered.close()
    entered, second, channel = start_scheduler(background, coordination, settings)
    try:
        after = second.get("durable")
        assert after.spec == before.spec
        assert after.generation == before.generation
        # The plan was kept too: the replica serves on, on the same worker.
        second.wait_ready("durable", 1, 1)
        assert [r.address for r in second.get("durable").status.replicas] == [
            r.address for r in before.status.replicas
        ]
        np.testing.assert_allclose(
            infer(second.address, "durable"), versions.expected(1, BATCH), rtol=1e-6
        )
        second.clean_up()
    finally:
        channel.close()
        entered.close()


def test_a_follower_takes_over_where_the_leader_stopped(
    background: BackgroundLoop,
    coordination: Coordination,
    registry: str,
    workers: list[WorkerHandle],
    tmp_path: Path,
) -> None:
    # No state_path: both share the in-process key-value store, as with Consul KV.
    shared = scheduler_settings(tmp_path / "unused.db", registry).model_copy(
        update={"state_path": None}
    )
    leader, first, first_channel = start_scheduler(background, coordination, shared)
    follower, second, second_channel = start_scheduler(background, coordination, shared)
    try:
        assert first.handle.is_leader
        assert not second.handle.is_leader
        # Written through the follower, placed by the leader, routed by both.
        second.deploy(name="handover", version=1, min_replicas=2, resources=resources())
        second.wait_ready("handover", 2, 1)
        traffic = Traffic("handover", second.address)
        with traffic.running():
            first_channel.close()
            leader.close()
            assert second.handle.is_leader
            spec = second.get("handover").spec
            spec.version = 2
            second.api.UpdateDeployment(pb.UpdateDeploymentRequest(spec=spec))
            second.wait_ready("handover", 2, 2)
        assert traffic.failures == []
        second.clean_up()
    finally:
        second_channel.close()
        follower.close()


def test_a_replica_leaving_costs_direct_clients_nothing(
    scheduler: Scheduler,
    background: BackgroundLoop,
    coordination: Coordination,
    registry: str,
    tmp_path: Path,
) -> None:
    spare = start_worker(background, coordination, registry, tmp_path / "cache")
    try:
        scheduler.deploy(name="spread", version=1, min_replicas=3, resources=resources())
        scheduler.wait_ready("spread", 3, 1)
        direct = Traffic("spread", scheduler.address, direct=True)
        with direct.running():
            time.sleep(0.3)
            spare.close()
            # Placed again: only two workers are left, so two replicas.
            scheduler.wait(
                "spread",
                lambda d: (
                    d.status.ready_replicas == 2
                    and f"127.0.0.1:{spare.value.port}"
                    not in {r.address for r in d.status.replicas}
                ),
            )
        assert direct.failures == []
    finally:
        spare.close()


def test_the_registry_guard_sees_deployed_versions(scheduler: Scheduler) -> None:
    scheduler.deploy(name="guarded", version=1, resources=resources())
    scheduler.wait_ready("guarded", 1, 1)
    service = scheduler.handle.service

    async def deployed(version: int | None) -> list[str]:
        return list(await service.deployments(MODEL, version))

    assert asyncio.run(deployed(1)) == ["guarded"]
    assert asyncio.run(deployed(None)) == ["guarded"]
    assert asyncio.run(deployed(2)) == []
