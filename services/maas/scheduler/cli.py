"""`maas deployments ...`: deployments and workers from the command line.

The commands go through `maas_client.scheduler`, as any program would.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Final

import typer
from rich.console import Console
from rich.filesize import decimal
from rich.table import Column, Table

from maas.cli_support import user_errors
from maas_client.scheduler import SchedulerClient
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb

DEFAULT_ADDRESS: Final = "127.0.0.1:50051"

deployments_app = typer.Typer(
    no_args_is_help=True, help="Deployments on the scheduler: create, list, show, delete."
)
console = Console(soft_wrap=True)


@deployments_app.callback()
def _connect(
    ctx: typer.Context,
    scheduler: Annotated[
        str,
        typer.Option(
            "--scheduler", "-s", envvar="MAAS_SCHEDULER_ADDRESS", help="Scheduler address."
        ),
    ] = DEFAULT_ADDRESS,
) -> None:
    ctx.obj = scheduler


@contextmanager
def _client(ctx: typer.Context) -> Iterator[SchedulerClient]:
    """A client for the command; errors a user can act on end it with one line."""
    with user_errors(TimeoutError, ValueError), SchedulerClient(ctx.obj) as client:
        yield client


def _selector(spec: pb.DeploymentSpec) -> str:
    match spec.WhichOneof("version_selector"):
        case "version":
            return f"v{spec.version}"
        case "alias":
            return spec.alias
        case _:
            return "latest"


def _conditions(status: pb.DeploymentStatus) -> str:
    """The unmet conditions' reasons, or "ok": what a glance at a list needs."""
    unmet = [f"{c.type}={c.reason}" for c in status.conditions if not c.status]
    return " ".join(unmet) or "ok"


def _state(value: pb.ReplicaState.ValueType) -> str:
    return pb.ReplicaState.Name(value).removeprefix("REPLICA_STATE_").lower()


def _worker_state(value: pb.WorkerReplicaState.ValueType) -> str:
    return pb.WorkerReplicaState.Name(value).removeprefix("WORKER_REPLICA_STATE_").lower()


@deployments_app.command()
def create(
    ctx: typer.Context,
    name: str,
    model: Annotated[str, typer.Option("--model", "-m", help="Registry model to serve.")],
    version: Annotated[
        int | None, typer.Option("--version", "-v", help="Serve this version.")
    ] = None,
    alias: Annotated[
        str | None, typer.Option("--alias", "-a", help="Follow this alias; without either, latest.")
    ] = None,
    replicas: Annotated[
        int, typer.Option("--replicas", "-n", min=1, help="Ready replicas that make it available.")
    ] = 1,
    max_replicas: Annotated[
        int | None,
        typer.Option(
            "--max-replicas", min=1, help="Replicas placed when room allows [--replicas]."
        ),
    ] = None,
    instances: Annotated[
        int, typer.Option("--instances", min=1, help="Model instances per replica.")
    ] = 1,
    memory: Annotated[
        int,
        typer.Option("--memory", min=0, help="Bytes per replica; 0 estimates from the artifact."),
    ] = 0,
    wait: Annotated[bool, typer.Option(help="Wait until the replicas are ready.")] = True,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for readiness.")
    ] = 120.0,
) -> None:
    """Deploy a registry model; its replicas are placed and loaded in the background."""
    with _client(ctx) as client:
        deployment = client.create_deployment(
            name,
            model,
            version=version,
            alias=alias,
            min_replicas=replicas,
            max_replicas=max_replicas,
            instance_count=instances,
            memory_bytes=memory,
        )
        console.print(f"created deployment [bold]{name}[/] of {model} {_selector(deployment.spec)}")
        if not wait:
            return
        with console.status("waiting for replicas..."):
            deployment = client.wait_ready(name, timeout)
    status = deployment.status
    console.print(
        f"{name} ready: {status.ready_replicas}/{status.desired_replicas} replicas "
        f"serving version {status.serving_version}"
    )


@deployments_app.command("list")
def list_(ctx: typer.Context) -> None:
    """List deployments with their replica counts and unmet conditions."""
    table = Table("name", "model", "version", "desired", "ready", "conditions")
    with _client(ctx) as client:
        for d in client.list_deployments():
            table.add_row(
                d.spec.name,
                d.spec.model,
                _selector(d.spec),
                str(d.status.desired_replicas),
                str(d.status.ready_replicas),
                _conditions(d.status),
            )
    console.print(table)


@deployments_app.command()
def show(ctx: typer.Context, name: str) -> None:
    """Show a deployment: its spec, status, replicas and conditions."""
    with _client(ctx) as client:
        d = client.get_deployment(name)
    spec, status = d.spec, d.status
    console.print(f"[bold]{spec.name}[/] model {spec.model} {_selector(spec)}")
    console.print(
        f"replicas min {spec.min_replicas} max {spec.max_replicas}, "
        f"{spec.instance_count} instance(s) each, memory "
        + (decimal(spec.resources.memory_bytes) if spec.resources.memory_bytes else "estimated")
    )
    if spec.backends:
        console.print(f"backends {' '.join(spec.backends)}")
    console.print(
        f"generation {d.generation} (observed {status.observed_generation}); "
        f"ready {status.ready_replicas}/{status.desired_replicas}; "
        f"serving version {status.serving_version or '-'}, target {status.target_version or '-'}"
    )
    replicas = Table("worker", "address", "version", "state", "routed", "memory")
    for r in status.replicas:
        replicas.add_row(
            r.worker_id,
            r.address,
            str(r.version),
            _state(r.state),
            "yes" if r.routed else "no",
            decimal(r.memory_bytes),
        )
    console.print(replicas)
    conditions = Table("condition", "status", "reason", "message")
    for c in status.conditions:
        conditions.add_row(c.type, str(c.status).lower(), c.reason, c.message)
    console.print(conditions)


@deployments_app.command()
def delete(
    ctx: typer.Context,
    name: str,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Stop routing to a deployment, then drain and unload its replicas."""
    if not yes:
        typer.confirm(f"delete deployment {name}?", abort=True)
    with _client(ctx) as client:
        client.delete_deployment(name)
    console.print(f"deleted deployment {name}")


@deployments_app.command()
def workers(ctx: typer.Context) -> None:
    """List healthy workers: memory, requests in flight and the replicas they hold."""
    # Id and address stay whole (people copy them); the other columns wrap on narrow
    # terminals.
    table = Table(
        Column("worker", no_wrap=True),
        "memory used / capacity",
        "in-flight",
        "backends",
        "replicas",
    )
    with _client(ctx) as client:
        for w in client.list_workers():
            reachable = "" if w.reachable else " (unreachable)"
            table.add_row(
                f"{w.id}{reachable}\n{w.address}",
                f"{decimal(w.memory_used_bytes)} / {decimal(w.memory_capacity_bytes)}",
                str(w.inflight_requests),
                " ".join(w.backends),
                "\n".join(f"{r.name} v{r.version} {_worker_state(r.state)}" for r in w.replicas),
            )
    console.print(table)
