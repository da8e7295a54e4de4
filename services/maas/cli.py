"""The `maas` command line."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from maas.discovery import DiscoverySettings
from maas.loadtest.cli import bench
from maas.registry.cli import models_app
from maas.registry.cli import serve as serve_registry
from maas.scheduler.app import SchedulerHandle
from maas.scheduler.cli import deployments_app
from maas.scheduler.serve import serve_scheduler
from maas.scheduler.settings import SchedulerSettings
from maas.telemetry import TelemetrySettings
from maas.up import Endpoints, UpSettings, serve
from maas.worker.serve import serve_worker
from maas.worker.settings import WorkerSettings

app = typer.Typer(no_args_is_help=True)
console = Console(soft_wrap=True)


@app.callback()
def main() -> None:
    """Model-as-a-Service: registry, scheduler and inference workers over gRPC."""


def _given(**values: Any) -> dict[str, Any]:
    """Flags the user set: the rest fall back to environment variables and defaults."""
    return {k: v for k, v in values.items() if v is not None}


# Options several commands share.
LogLevel = Annotated[
    str | None, typer.Option("--log-level", help="[MAAS_TELEMETRY_LOG_LEVEL or INFO]")
]
Host = Annotated[str | None, typer.Option("--host", help="Bind address [127.0.0.1].")]
AdvertiseHost = Annotated[
    str | None, typer.Option("--advertise-host", help="Host other processes reach it at.")
]
ConsulAddress = Annotated[
    str | None, typer.Option("--consul", help="Consul agent host:port [MAAS_CONSUL_ADDRESS].")
]
GrpcPort = Annotated[int | None, typer.Option("--grpc-port", help="gRPC port [8001].")]


@app.command()
def up(
    model_repository: Annotated[
        Path | None,
        typer.Option("--model-repository", help="Serve this Triton-layout model directory."),
    ] = None,
    grpc_port: GrpcPort = None,
    host: Host = None,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="State directory [~/.maas].")
    ] = None,
    registry_port: Annotated[
        int | None, typer.Option("--registry-port", help="Registry gRPC port [50052].")
    ] = None,
    scheduler_port: Annotated[
        int | None, typer.Option("--scheduler-port", help="Scheduler gRPC port [50051].")
    ] = None,
    log_level: LogLevel = None,
) -> None:
    """Run everything in one process; without --model-repository, serve demo models."""
    observe = TelemetrySettings(**_given(log_level=log_level))
    worker = WorkerSettings(
        **_given(model_repository=model_repository, grpc_port=grpc_port, host=host)
    )
    settings = UpSettings(
        **_given(data_dir=data_dir, registry_port=registry_port, scheduler_port=scheduler_port)
    )

    def ready(endpoints: Endpoints) -> None:
        address = f"{endpoints.host}:{endpoints.inference_port}"
        first = endpoints.models[0] if endpoints.models else "MODEL"
        console.print(f"[bold green]maas is serving on {address}[/] (Ctrl-C to stop)")
        console.print(f"models: {', '.join(endpoints.models) or '(none)'}")
        console.print(f"registry: {endpoints.host}:{endpoints.registry_port}")
        console.print(f"scheduler: {endpoints.host}:{endpoints.scheduler_port}")
        console.print("try:")
        console.print(f"  grpcurl -plaintext {address} list")
        console.print(
            f'  grpcurl -plaintext -d \'{{"name": "{first}"}}\' {address} '
            "inference.GRPCInferenceService/ModelMetadata"
        )
        console.print(
            '  python -c "import tritonclient.grpc as g; '
            f"print(g.InferenceServerClient('{address}').get_model_repository_index())\""
        )

    asyncio.run(serve(settings, worker, observe, ready))


@app.command("worker")
def worker_command(
    host: Host = None,
    grpc_port: GrpcPort = None,
    model_repository: Annotated[
        Path | None, typer.Option("--model-repository", help="Also serve this directory.")
    ] = None,
    registry: Annotated[
        str | None, typer.Option("--registry", help="Registry host:port to pull artifacts from.")
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache-dir", help="Artifact cache directory.")
    ] = None,
    memory_capacity: Annotated[
        int | None, typer.Option("--memory-capacity", help="Bytes of memory models may use.")
    ] = None,
    advertise_host: AdvertiseHost = None,
    consul: ConsulAddress = None,
    log_level: LogLevel = None,
) -> None:
    """Run an inference worker alone, registered in Consul."""
    settings = WorkerSettings(
        **_given(
            host=host,
            grpc_port=grpc_port,
            model_repository=model_repository,
            registry_address=registry,
            artifact_cache=cache_dir,
            memory_capacity_bytes=memory_capacity,
            advertise_host=advertise_host,
        )
    )
    discovery = DiscoverySettings(**_given(address=consul))
    observe = TelemetrySettings(**_given(log_level=log_level))
    asyncio.run(serve_worker(settings, discovery, observe))


@app.command("scheduler")
def scheduler_command(
    host: Host = None,
    port: Annotated[int | None, typer.Option("--port", help="gRPC port [50051].")] = None,
    advertise_host: AdvertiseHost = None,
    instance_id: Annotated[
        str | None, typer.Option("--instance-id", help="Id in discovery and leader election.")
    ] = None,
    state_path: Annotated[
        Path | None, typer.Option("--state-path", help="SQLite desired state [Consul KV].")
    ] = None,
    registry: Annotated[
        str | None, typer.Option("--registry", help="Registry host:port [found in Consul].")
    ] = None,
    consul: ConsulAddress = None,
    log_level: LogLevel = None,
) -> None:
    """Run a scheduler alone: deployments API, leader-elected placement, and the gateway."""
    settings = SchedulerSettings(
        **_given(
            host=host,
            port=port,
            advertise_host=advertise_host,
            instance_id=instance_id,
            state_path=state_path,
            registry_address=registry,
        )
    )
    discovery = DiscoverySettings(**_given(address=consul))
    observe = TelemetrySettings(**_given(log_level=log_level))

    def ready(handle: SchedulerHandle) -> None:
        # One plain line that scripts wait for.
        print(f"scheduler serving on {settings.host}:{handle.port}", flush=True)

    asyncio.run(serve_scheduler(settings, discovery, observe, ready))


app.command("registry")(serve_registry)
app.command("bench")(bench)
app.add_typer(models_app, name="models", help="Manage models in the registry.")
app.add_typer(deployments_app, name="deployments", help="Manage deployments on the scheduler.")
