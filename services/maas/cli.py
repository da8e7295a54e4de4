"""The `maas` command line."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from maas.telemetry import TelemetrySettings
from maas.up import UpSettings, serve
from maas.worker.settings import WorkerSettings

app = typer.Typer(no_args_is_help=True)
console = Console(soft_wrap=True)


@app.callback()
def main() -> None:
    """Model-as-a-Service: registry, scheduler and inference workers over gRPC."""


def _given(**values: Any) -> dict[str, Any]:
    """Flags the user set: the rest fall back to environment variables and defaults."""
    return {k: v for k, v in values.items() if v is not None}


@app.command()
def up(
    model_repository: Annotated[
        Path | None,
        typer.Option("--model-repository", help="Serve this Triton-layout model directory."),
    ] = None,
    grpc_port: Annotated[int | None, typer.Option("--grpc-port", help="gRPC port [8001].")] = None,
    host: Annotated[str | None, typer.Option("--host", help="Bind address [127.0.0.1].")] = None,
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="State directory [~/.maas].")
    ] = None,
    log_level: Annotated[
        str | None, typer.Option("--log-level", help="[MAAS_TELEMETRY_LOG_LEVEL or INFO]")
    ] = None,
) -> None:
    """Run everything in one process; without --model-repository, serve demo models."""
    observe = TelemetrySettings(**_given(log_level=log_level))
    worker = WorkerSettings(
        **_given(model_repository=model_repository, grpc_port=grpc_port, host=host)
    )
    settings = UpSettings(**_given(data_dir=data_dir))

    def ready(port: int, models: list[str]) -> None:
        address = f"{worker.host}:{port}"
        console.print(f"[bold green]maas is serving on {address}[/] (Ctrl-C to stop)")
        console.print(f"models: {', '.join(models) or '(none)'}")
        console.print("try:")
        console.print(f"  grpcurl -plaintext {address} list")
        console.print(
            f'  grpcurl -plaintext -d \'{{"name": "{models[0] if models else "MODEL"}"}}\' '
            f"{address} inference.GRPCInferenceService/ModelMetadata"
        )
        console.print(
            '  python -c "import tritonclient.grpc as g; '
            f"print(g.InferenceServerClient('{address}').get_model_repository_index())\""
        )

    asyncio.run(serve(settings, worker, observe, ready))
