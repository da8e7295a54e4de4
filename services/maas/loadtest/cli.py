"""`maas bench`: load-test a worker or the gateway with a ghz configuration."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TimeElapsedColumn

from maas.cli_support import errors, user_errors
from maas.loadtest.run import (
    BenchError,
    Plan,
    load_config,
    locate_ghz,
    model_of,
    run_ladder,
    write_report,
)

console = Console(soft_wrap=True)


def _ladder(text: str) -> list[int]:
    try:
        levels = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a comma-separated list of integers") from None
    if not levels or min(levels) < 1:
        raise typer.BadParameter("concurrencies must be positive integers")
    return levels


def bench(
    config: Annotated[
        Path,
        typer.Argument(
            help="ghz JSON configuration, e.g. "
            "bench/ghz/configs/mlp_classifier.worker.protoset.json"
        ),
    ],
    target: Annotated[
        str | None,
        typer.Option("--target", "-t", help="host:port to load [the configuration's host]."),
    ] = None,
    concurrency: Annotated[
        str, typer.Option("--concurrency", "-c", help="Concurrencies to run, in order.")
    ] = "1,2,4,8,16,32",
    duration: Annotated[
        float, typer.Option("--duration", "-d", min=0.1, help="Seconds at each concurrency.")
    ] = 10.0,
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="Model whose statistics to read [the payload's]."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Report directory [bench/results/<configuration>]."),
    ] = None,
    ghz: Annotated[
        Path | None, typer.Option("--ghz", help="ghz binary [.tools/bin/ghz, then PATH].")
    ] = None,
) -> None:
    """Run ghz at a ladder of concurrencies; write a markdown table (client latencies
    merged with the server's queue, compute and batch statistics) and PNG plots."""
    levels = _ladder(concurrency)
    with user_errors(BenchError, OSError):
        settings = load_config(config)
        host = target or settings.get("host")
        if not isinstance(host, str) or not host:
            raise BenchError("no target: give --target or set host in the configuration")
        plan = Plan(
            config=settings,
            target=host,
            model=model or model_of(settings),
            concurrencies=levels,
            duration_s=duration,
            out=out or Path("bench/results") / config.name.removesuffix(".json"),
        )
        binary = locate_ghz(ghz)
        title = f"{plan.model} at {plan.target}"
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
        ) as progress:
            task = progress.add_task(title, total=duration * len(levels))

            def tick(level: int, seconds: float) -> None:
                done = levels.index(level) * duration + min(seconds, duration)
                progress.update(task, completed=done, description=f"{title}, c={level}")

            results = run_ladder(plan, binary, tick)
            progress.update(task, completed=duration * len(levels), description=title)
        written = write_report(title, results, plan.out)
    console.print(written[0].read_text(), markup=False, highlight=False)
    for path in written:
        console.print(f"wrote {path}")
    failed = sum(level.client.errors for level in results)
    if failed:
        errors.print(f"[yellow]warning[/] {failed} requests did not end OK (see the table)")
