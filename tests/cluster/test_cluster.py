"""The distributed mode as it runs for real: processes die (kill -9) and Consul stalls
while clients keep calling, and no request fails.

Tests run in file order on one cluster; each one that kills a process starts a
replacement before it ends, so the next finds three workers and two schedulers.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from maas_client.inference import InferenceClient
from maas_client.routing import RoutingClient
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from tests.cluster.conftest import (
    BATCH,
    MIB,
    Api,
    Cluster,
    Traffic,
    wait_until,
)
from tests.versions import Versions

FAILOVER_BUDGET_S = 15.0
# Long enough for a few hundred requests on two busy cores.
STEADY_S = 1.5

pytestmark = pytest.mark.timeout(120)


def gateways(cluster: Cluster) -> list[str]:
    return [s.address for s in cluster.live(cluster.schedulers)]


def deploy(cluster: Cluster, api: Api, name: str) -> None:
    """Version 1 on two workers, routed by every scheduler: ready for traffic."""
    api.deploy(name, version=1, min_replicas=2)
    api.ready(name, 2, 1)
    cluster.wait_routed(name, 2)


def report(capsys: pytest.CaptureFixture[str], line: str) -> None:
    with capsys.disabled():
        print(f"\n{line}")


def test_deploy_and_call_through_every_gateway_and_directly(
    cluster: Cluster, api: Api, versions: Versions
) -> None:
    api.deploy("classifier", version=1, min_replicas=2)
    deployment = api.ready("classifier", 2, 1)
    assert len(api.workers_of("classifier")) == 2
    assert {c.type: c.status for c in deployment.status.conditions} == {
        "Resolved": True,
        "Scheduled": True,
        "Available": True,
        "Updated": True,
    }
    expected = versions.expected(1, BATCH)
    for gateway in gateways(cluster):
        with InferenceClient(gateway, timeout=10) as client:
            np.testing.assert_allclose(
                client.infer("classifier", {"INPUT0": BATCH})["OUTPUT0"], expected, rtol=1e-6
            )

    async def direct() -> tuple[np.ndarray, set[str]]:
        async with RoutingClient(gateways(cluster), timeout=10) as client:
            answer = (await client.infer("classifier", {"INPUT0": BATCH}))["OUTPUT0"]
            assert client.table is not None
            return answer, {r.address for r in client.table.replicas}

    import asyncio

    answer, addresses = asyncio.run(direct())
    np.testing.assert_allclose(answer, expected, rtol=1e-6)
    assert addresses == api.workers_of("classifier")
    listed = api.stub.ListWorkers(pb.ListWorkersRequest()).workers
    assert len(listed) == 3
    api.delete("classifier")


def test_unschedulable_deployments_report_why(api: Api) -> None:
    api.deploy("too-big", version=1, resources=pb.Resources(memory_bytes=1024 * MIB))
    api.deploy("too-wide", version=1, max_replicas=4)

    def reason(name: str) -> str | None:
        conditions = {c.type: c for c in api.get(name).status.conditions}
        scheduled = conditions.get("Scheduled")
        return scheduled.message if scheduled and scheduled.reason == "Unschedulable" else None

    assert wait_until(lambda: reason("too-big"), "too-big unschedulable") == (
        "needs 1 replica with 1.0 GiB each, at most one per worker; "
        "0 workers have room, 3 lack free memory"
    )
    assert wait_until(lambda: reason("too-wide"), "too-wide unschedulable") == (
        "needs 4 replicas with 100.0 MiB each, at most one per worker; 3 workers have room"
    )
    assert api.ready("too-wide", 3, 1).status.desired_replicas == 4
    api.delete("too-big")
    api.delete("too-wide")


def test_a_worker_killed_under_load_costs_no_request(
    cluster: Cluster, api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    deploy(cluster, api, "steady")
    holders = api.workers_of("steady")
    victim = next(w for w in cluster.workers if w.address in holders)
    with Traffic("steady", gateways(cluster), gateways(cluster)) as traffic:
        time.sleep(STEADY_S)
        killed = time.monotonic()
        victim.kill()
        # Placed again on the worker that had none, while traffic flows.
        wait_until(
            lambda: (
                victim.address not in api.workers_of("steady")
                and api.get("steady").status.ready_replicas == 2
            ),
            "the replica placed again",
        )
        replaced_s = time.monotonic() - killed
        time.sleep(STEADY_S)
    assert not traffic.failures, traffic.summary()
    assert traffic.ok > 100
    report(
        capsys,
        f"worker kill -9: replica ready elsewhere after {replaced_s:.1f}s; "
        f"{traffic.ok} requests, {len(traffic.failures)} failed",
    )
    api.delete("steady")
    cluster.start_worker().wait_serving()


def test_rolling_a_new_version_under_load_costs_no_request(
    cluster: Cluster, api: Api, versions: Versions, capsys: pytest.CaptureFixture[str]
) -> None:
    deploy(cluster, api, "rolling")
    with Traffic("rolling", gateways(cluster), gateways(cluster)) as traffic:
        time.sleep(STEADY_S)
        started = time.monotonic()
        api.update("rolling", version=2)
        api.ready("rolling", 2, 2)
        rolled_s = time.monotonic() - started
        time.sleep(STEADY_S)
    assert not traffic.failures, traffic.summary()
    # Every route answers with the new version by the end.
    for answer in traffic.answers.values():
        np.testing.assert_allclose(answer, versions.expected(2, BATCH), rtol=1e-6)
    report(
        capsys,
        f"rolling update: version 2 serving alone after {rolled_s:.1f}s; "
        f"{traffic.ok} requests, {len(traffic.failures)} failed",
    )
    api.delete("rolling")


def test_the_leader_killed_under_load_is_replaced_within_budget(
    cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    leader = wait_until(cluster.leader, "a leading scheduler")
    survivor = cluster.follower()
    api = Api(survivor.address)
    try:
        deploy(cluster, api, "failover")
        # The direct client starts on the leader's routes and must move on by itself.
        schedulers = [leader.address, survivor.address]
        with Traffic("failover", [survivor.address], schedulers) as traffic:
            time.sleep(STEADY_S)
            killed = time.monotonic()
            leader.kill()
            wait_until(lambda: cluster.leader() is survivor, "the survivor leading", 20)
            failover_s = time.monotonic() - killed
            # The new leader reconciles: a third replica is placed and loaded.
            api.update("failover", max_replicas=3)
            api.ready("failover", 3, 1)
            time.sleep(STEADY_S)
        assert failover_s < FAILOVER_BUDGET_S
        assert not traffic.failures, traffic.summary()
        report(
            capsys,
            f"leader kill -9: the other scheduler led after {failover_s:.1f}s; "
            f"{traffic.ok} requests, {len(traffic.failures)} failed",
        )
        api.delete("failover")
    finally:
        api.close()
    cluster.start_scheduler().wait_serving()


def test_consul_stalling_leaves_serving_alone_and_recovers(
    cluster: Cluster, api: Api, capsys: pytest.CaptureFixture[str]
) -> None:
    deploy(cluster, api, "stall")
    with Traffic("stall", gateways(cluster), gateways(cluster)) as traffic:
        time.sleep(STEADY_S)
        cluster.consul.pause()
        try:
            # Past half the session TTL: the leader steps down meanwhile.
            time.sleep(6)
        finally:
            cluster.consul.resume()
        resumed = time.monotonic()
        # Recovered: a leader again, and a change is acted upon.
        wait_until(cluster.leader, "a leader after the stall", 20)
        api.update("stall", max_replicas=3)
        api.ready("stall", 3, 1)
        recovered_s = time.monotonic() - resumed
        time.sleep(STEADY_S)
    assert not traffic.failures, traffic.summary()
    report(
        capsys,
        f"consul stalled 6s: {traffic.ok} requests, {len(traffic.failures)} failed; "
        f"a change reconciled {recovered_s:.1f}s after it resumed",
    )
    api.delete("stall")
