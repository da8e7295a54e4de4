"""`maas_client.scheduler` and `maas deployments ...` against the in-process scheduler,
registry and workers of conftest."""

from __future__ import annotations

import asyncio

import pytest
from typer.testing import CliRunner

from maas.scheduler.cli import deployments_app
from maas_client.scheduler import AsyncSchedulerClient, SchedulerClient, deployment_spec
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from tests.scheduler.conftest import MODEL, REPLICA_MEMORY, Scheduler

runner = CliRunner()


def maas_deployments(scheduler: Scheduler, *args: str) -> tuple[int, str]:
    result = runner.invoke(deployments_app, ["--scheduler", scheduler.address, *args])
    return result.exit_code, result.output


def test_spec_takes_a_version_or_an_alias() -> None:
    assert deployment_spec("a", MODEL).WhichOneof("version_selector") is None
    assert deployment_spec("a", MODEL, version=2).version == 2
    assert deployment_spec("a", MODEL, alias="production").alias == "production"
    with pytest.raises(ValueError, match="not both"):
        deployment_spec("a", MODEL, version=2, alias="production")


def test_client_creates_and_waits_then_list_and_show_reflect_it(scheduler: Scheduler) -> None:
    with SchedulerClient(scheduler.address, timeout_s=10) as client:
        created = client.create_deployment(
            "clf", MODEL, alias="production", memory_bytes=REPLICA_MEMORY
        )
        assert created.generation == 1
        ready = client.wait_ready("clf", timeout_s=30)
        assert ready.status.ready_replicas == 1
        assert ready.status.serving_version == 1
        assert [d.spec.name for d in client.list_deployments()] == ["clf"]
        held = [r.name for w in client.list_workers() for r in w.replicas]
        assert held == ["clf"]

    code, out = maas_deployments(scheduler, "show", "clf")
    assert code == 0, out
    assert f"clf model {MODEL} production" in out
    assert "ready 1/1" in out
    assert "MinimumReplicasReady" in out


def test_async_client_creates_waits_and_deletes(scheduler: Scheduler) -> None:
    async def scenario() -> tuple[pb.Deployment, list[str]]:
        async with AsyncSchedulerClient(scheduler.address, timeout_s=10) as client:
            await client.create_deployment("clf", MODEL, version=2, memory_bytes=REPLICA_MEMORY)
            ready = await client.wait_ready("clf", timeout_s=30)
            await client.delete_deployment("clf")
            return ready, [d.spec.name for d in await client.list_deployments()]

    ready, left = asyncio.run(scenario())
    assert (ready.status.ready_replicas, ready.status.serving_version) == (1, 2)
    assert left == []


def test_cli_creates_lists_and_deletes(scheduler: Scheduler) -> None:
    code, out = maas_deployments(
        scheduler, "create", "clf", "--model", MODEL, "--version", "1",
        "--memory", str(REPLICA_MEMORY), "--timeout", "30",
    )  # fmt: skip
    assert code == 0, out
    assert f"created deployment clf of {MODEL} v1" in out
    assert "clf ready: 1/1 replicas serving version 1" in out

    code, out = maas_deployments(scheduler, "list")
    assert code == 0, out
    row = next(line for line in out.splitlines() if " clf " in line)
    cells = [cell.strip() for cell in row.split("│")[1:-1]]
    assert cells == ["clf", MODEL, "v1", "1", "1", "ok"]

    code, out = maas_deployments(scheduler, "workers")
    assert code == 0, out
    assert "clf v1 ready" in out

    code, out = maas_deployments(scheduler, "delete", "clf", "--yes")
    assert (code, out.strip()) == (0, "deleted deployment clf")
    code, out = maas_deployments(scheduler, "list")
    assert code == 0, out
    assert "clf" not in out


def test_cli_errors_say_why_and_exit_1(scheduler: Scheduler) -> None:
    code, out = maas_deployments(scheduler, "show", "ghost")
    assert code == 1
    assert "NOT_FOUND: deployment 'ghost' is not found" in out

    code, out = maas_deployments(scheduler, "delete", "ghost", "--yes")
    assert code == 1
    assert "NOT_FOUND" in out

    # The scheduler records a deployment of any model and resolves it in the background;
    # waiting on one the registry lacks times out with the Resolved condition's message.
    code, out = maas_deployments(
        scheduler, "create", "ghost", "--model", "no-such-model", "--timeout", "3"
    )
    assert code == 1, out
    assert "deployment 'ghost' not ready after 3s (0 of 1 replicas ready)" in out
    assert "Resolved: " in out
