"""`maas models ...` (the registry from the command line) and `maas registry` (serve it).

The commands go through `maas_client.registry`, as any program would.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Final

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.table import Table

import maas
from maas.cli_support import errors, user_errors
from maas.discovery import DiscoverySettings, open_discovery
from maas.discovery.base import (
    REGISTRY_SERVICE,
    ServiceInstance,
    advertised_host,
    registration,
)
from maas.registry.app import run_registry
from maas.registry.settings import RegistrySettings
from maas.telemetry import TelemetrySettings, telemetry
from maas_client.registry import LATEST, TRANSFORMS, DigestMismatchError, Ref, RegistryClient
from maas_proto.maas.registry.v1 import registry_pb2 as pb

DEFAULT_ADDRESS: Final = "127.0.0.1:50052"

models_app = typer.Typer(
    no_args_is_help=True, help="Models in the registry: upload, alias, derive, download."
)
console = Console(soft_wrap=True)

Pairs = Annotated[
    list[str] | None,
    typer.Option("--label", "-l", help="key=value; repeat for more.", show_default=False),
]


@models_app.callback()
def _connect(
    ctx: typer.Context,
    registry: Annotated[
        str,
        typer.Option("--registry", "-r", envvar="MAAS_REGISTRY_ADDRESS", help="Registry address."),
    ] = DEFAULT_ADDRESS,
) -> None:
    ctx.obj = registry


@contextmanager
def _client(ctx: typer.Context) -> Iterator[RegistryClient]:
    """A client for the command; errors a user can act on end it with one line."""
    with user_errors(DigestMismatchError, ValueError, OSError), RegistryClient(ctx.obj) as client:
        yield client


def _pairs(values: list[str] | None) -> dict[str, str]:
    pairs = {}
    for value in values or []:
        key, sep, rest = value.partition("=")
        if not sep:
            raise typer.BadParameter(f"{value!r} is not key=value")
        pairs[key] = rest
    return pairs


def _ref(text: str) -> Ref:
    return int(text) if text.isdigit() else text


def _when(micros: int) -> str:
    return datetime.fromtimestamp(micros / 1e6, UTC).strftime("%Y-%m-%d %H:%M:%S")


def _size(n: int) -> str:
    value = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


def _transform_name(value: pb.Transform.ValueType) -> str:
    """The name the --fp16/--int8 flags and `client.derive` use."""
    return next((name for name, v in TRANSFORMS.items() if v == value), str(value))


def _transfer() -> Progress:
    return Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=console,
    )


@models_app.command()
def create(
    ctx: typer.Context,
    name: str,
    description: Annotated[str, typer.Option("--description", "-d")] = "",
    label: Pairs = None,
) -> None:
    """Create a model (empty until a version is uploaded)."""
    with _client(ctx) as client:
        model = client.create_model(name, description, _pairs(label))
    console.print(f"created model [bold]{model.name}[/]")


@models_app.command("list")
def list_(ctx: typer.Context, label: Pairs = None) -> None:
    """List models, optionally only those carrying the given labels."""
    table = Table("model", "latest", "aliases", "labels", "description")
    with _client(ctx) as client:
        for model in client.list_models(_pairs(label)):
            table.add_row(
                model.name,
                str(model.latest_version or "-"),
                " ".join(f"{a}->{v}" for a, v in sorted(model.aliases.items())),
                " ".join(f"{k}={v}" for k, v in sorted(model.labels.items())),
                model.description,
            )
    console.print(table)


@models_app.command()
def show(
    ctx: typer.Context,
    name: str,
    ref: Annotated[
        str | None,
        typer.Argument(help="A version number, alias or 'latest'; the model if omitted."),
    ] = None,
) -> None:
    """Show a model and its versions, or one version in detail."""
    with _client(ctx) as client:
        if ref is not None:
            _show_version(client.get_version(name, _ref(ref)))
            return
        model = client.get_model(name)
        versions = list(client.list_versions(name))
    console.print(f"[bold]{model.name}[/] {model.description}")
    console.print(f"created {_when(model.create_time_unix_micros)}")
    if model.labels:
        console.print("labels " + " ".join(f"{k}={v}" for k, v in sorted(model.labels.items())))
    table = Table("version", "size", "sha256", "created", "aliases", "derived")
    for v in versions:
        derived = (
            f"{_transform_name(v.lineage.transform)} of v{v.lineage.parent_version}"
            if v.HasField("lineage")
            else ""
        )
        table.add_row(
            str(v.version),
            _size(v.size_bytes),
            v.sha256[:12],
            _when(v.create_time_unix_micros),
            " ".join(v.aliases),
            derived,
        )
    console.print(table)


def _show_version(v: pb.Version) -> None:
    console.print(f"[bold]{v.model}[/] version {v.version}  {_size(v.size_bytes)}")
    console.print(f"sha256 {v.sha256}")
    console.print(f"created {_when(v.create_time_unix_micros)}")
    if v.aliases:
        console.print(f"aliases {' '.join(v.aliases)}")
    for key, value in sorted(v.metadata.items()):
        console.print(f"metadata {key}={value}")
    sig = v.signature
    opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in sig.opsets)
    console.print(f"ONNX IR {sig.ir_version}, opsets {opsets}")
    table = Table("", "name", "datatype", "shape")
    for kind, tensors in (("input", sig.inputs), ("output", sig.outputs)):
        for t in tensors:
            table.add_row(kind, t.name, t.datatype, str(list(t.shape)))
    console.print(table)
    if v.HasField("lineage"):
        lineage, report = v.lineage, v.lineage.accuracy
        transform = _transform_name(lineage.transform)
        params = " ".join(f"{k}={val}" for k, val in sorted(lineage.parameters.items()))
        console.print(f"derived from version {lineage.parent_version} by {transform} ({params})")
        console.print(
            f"size {_size(report.parent_size_bytes)} -> {_size(report.size_bytes)}; "
            f"on {report.samples} generated inputs (seed {report.seed}): "
            f"max abs error {report.max_abs_error:.3g}, mean {report.mean_abs_error:.3g}"
        )
        for o in report.outputs:
            top1 = (
                f", top-1 agreement {o.top1_agreement:.1%}" if o.HasField("top1_agreement") else ""
            )
            console.print(
                f"  {o.name}: max {o.max_abs_error:.3g}, mean {o.mean_abs_error:.3g}{top1}"
            )


@models_app.command()
def delete(
    ctx: typer.Context,
    name: str,
    version: Annotated[
        int | None, typer.Option("--version", "-v", help="Delete only this version.")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a model with all its versions, or one version."""
    what = f"{name} version {version}" if version is not None else f"model {name} and its versions"
    if not yes:
        typer.confirm(f"delete {what}?", abort=True)
    with _client(ctx) as client:
        if version is None:
            client.delete_model(name)
        else:
            client.delete_version(name, version)
    console.print(f"deleted {what}")


@models_app.command()
def upload(
    ctx: typer.Context,
    name: str,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    metadata: Annotated[
        list[str] | None,
        typer.Option("--metadata", "-m", help="key=value; repeat for more.", show_default=False),
    ] = None,
) -> None:
    """Upload an ONNX file as the model's next version."""
    with _client(ctx) as client, _transfer() as progress:
        task = progress.add_task(f"upload {file.name}", total=file.stat().st_size)
        version = client.upload(
            name,
            file,
            metadata=_pairs(metadata),
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    console.print(
        f"uploaded [bold]{name}[/] version {version.version} (sha256 {version.sha256[:12]})"
    )


@models_app.command()
def download(
    ctx: typer.Context,
    name: str,
    ref: Annotated[str, typer.Argument(help="A version number, alias or 'latest'.")] = LATEST,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write [NAME-vN.onnx].")
    ] = None,
) -> None:
    """Download a version, verified against its sha256; resumes an interrupted one."""
    with _client(ctx) as client:
        version = client.get_version(name, _ref(ref))
        dest = output or Path(f"{name}-v{version.version}.onnx")
        with _transfer() as progress:
            task = progress.add_task(f"download {dest.name}", total=version.size_bytes)
            client.download(
                name,
                version.version,
                dest,
                progress=lambda done, total: progress.update(task, completed=done, total=total),
            )
    console.print(f"wrote {dest} ({name} version {version.version}, sha256 verified)")


@models_app.command()
def alias(
    ctx: typer.Context,
    name: str,
    alias_name: Annotated[str, typer.Argument(metavar="ALIAS")],
    version: Annotated[int | None, typer.Argument(help="The version to point at.")] = None,
    remove: Annotated[bool, typer.Option("--delete", help="Delete the alias.")] = False,
) -> None:
    """Point an alias at a version (creating or moving it), or delete it."""
    if remove == (version is not None):
        raise typer.BadParameter("give either a VERSION or --delete")
    with _client(ctx) as client:
        if version is None:
            client.delete_alias(name, alias_name)
            console.print(f"deleted alias {alias_name} of {name}")
            return
        previous = client.set_alias(name, alias_name, version)
    moved = f" (was {previous})" if previous else ""
    console.print(f"{name} {alias_name} -> {version}{moved}")


@models_app.command()
def derive(
    ctx: typer.Context,
    name: str,
    ref: Annotated[str, typer.Argument(help="The parent: number, alias or 'latest'.")] = LATEST,
    fp16: Annotated[bool, typer.Option("--fp16", help="Convert to float16.")] = False,
    int8: Annotated[bool, typer.Option("--int8", help="Dynamic INT8 quantization.")] = False,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="key=value transform parameter.", show_default=False),
    ] = None,
    wait: Annotated[bool, typer.Option(help="Wait for the job and show the result.")] = True,
) -> None:
    """Derive a new version from a parent: FP16 conversion or INT8 quantization."""
    if fp16 == int8:
        raise typer.BadParameter("choose one of --fp16 and --int8")
    with _client(ctx) as client:
        job = client.derive(name, _ref(ref), "fp16" if fp16 else "int8", _pairs(param))
        console.print(f"job {job.id} started")
        if not wait:
            return
        with console.status("deriving..."):
            job = client.wait_job(job.id)
        if job.state != pb.JOB_STATE_SUCCEEDED:
            errors.print(f"[red]job failed[/]: {job.error}", highlight=False)
            raise typer.Exit(1)
        _show_version(client.get_version(name, job.result_version))


def _given(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on [127.0.0.1].")] = None,
    port: Annotated[int | None, typer.Option(help="gRPC port; 0 picks one [50052].")] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="Database and blobs (default: maas-data/registry).")
    ] = None,
    advertise_host: Annotated[
        str | None, typer.Option(help="Host others reach this registry at.")
    ] = None,
    consul: Annotated[
        str | None,
        typer.Option(help="Consul agent host:port to register in [MAAS_CONSUL_ADDRESS]."),
    ] = None,
    log_level: Annotated[
        str | None, typer.Option(help="[MAAS_TELEMETRY_LOG_LEVEL or INFO]")
    ] = None,
) -> None:
    """Run the model registry on its own (registered in Consul when given an address)."""
    settings = RegistrySettings(**_given(host=host, port=port, data_dir=data_dir))
    discovery = DiscoverySettings(**_given(address=consul))
    observe = TelemetrySettings(**_given(log_level=log_level))
    asyncio.run(_serve(settings, discovery, observe, advertise_host))


async def _serve(
    settings: RegistrySettings,
    discovery: DiscoverySettings,
    observe: TelemetrySettings,
    advertise_host: str | None,
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(telemetry(observe, "maas-registry"))
        handle = await stack.enter_async_context(run_registry(settings))
        if discovery.address is not None:
            # Entered after the server: deregistered before it stops, on the way out.
            coordination = await stack.enter_async_context(open_discovery(discovery))
            host = advertised_host(settings.host, advertise_host)
            instance = ServiceInstance(
                id=f"{REGISTRY_SERVICE}-{host}-{handle.port}",
                service=REGISTRY_SERVICE,
                host=host,
                port=handle.port,
                meta={"maas_version": maas.__version__},
            )
            await stack.enter_async_context(registration(coordination.discovery, instance))
        # One plain line that scripts (and the crash tests) wait for.
        print(f"registry serving on {settings.host}:{handle.port}", flush=True)
        await stop.wait()
