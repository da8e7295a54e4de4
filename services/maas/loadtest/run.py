"""Running a ladder: ghz as a subprocess per level, the target's statistics around it.

ghz is a Go client, so the load generator does not compete with the Python server for
the interpreter; it is found as `--ghz`, then `.tools/bin/ghz` (where `make setup`
builds it) in the working directory or this checkout, then on PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Final

import grpc

from maas.loadtest.converters import model_stats_to_domain
from maas.loadtest.domain import Level, ServerStats, markdown_table, parse_ghz
from maas.transport.server import channel_options
from maas_proto import grpc_service_pb2 as pb
from maas_proto import grpc_service_pb2_grpc as pb_grpc

# The checkout this module runs from, when it runs from one (services/maas/loadtest).
_CHECKOUT: Final = Path(__file__).resolve().parents[3]
# Config keys that name files, relative to the directory ghz runs in.
_PATH_KEYS: Final = ("proto", "protoset", "binary-file", "data-file", "metadata-file")
_STATISTICS_TIMEOUT_S: Final = 10.0


class BenchError(Exception):
    """A ladder that cannot run: no ghz, an unusable configuration, ghz failing."""


@dataclass(frozen=True, slots=True)
class Plan:
    """A ladder to run: one ghz configuration at each concurrency for `duration_s`."""

    config: Mapping[str, Any]
    """The ghz configuration, its file paths made absolute."""
    target: str
    model: str
    concurrencies: Sequence[int]
    duration_s: float
    out: Path


def locate_ghz(explicit: Path | None = None) -> str:
    """`explicit` when given; else `.tools/bin/ghz` here or in this checkout, then PATH."""
    if explicit is not None:
        if _executable(explicit):
            return str(explicit.resolve())
        raise BenchError(f"--ghz {explicit} is not an executable file")
    for candidate in (Path(".tools/bin/ghz"), _CHECKOUT / ".tools/bin/ghz"):
        if _executable(candidate):
            return str(candidate.resolve())
    if found := shutil.which("ghz"):
        return found
    raise BenchError(
        "ghz not found in .tools/bin or on PATH: `make setup` builds it, or give --ghz"
    )


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def load_config(path: Path) -> dict[str, Any]:
    """The ghz JSON configuration at `path`, its relative file paths resolved against the
    directory that holds them: the working directory, else the checkout root (the
    committed configurations under bench/ghz name files from there)."""
    try:
        config: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError) as exc:
        raise BenchError(f"cannot read ghz configuration {path}: {exc}") from None
    if not isinstance(config, dict):
        raise BenchError(f"{path} is not a JSON object")
    for key in _PATH_KEYS:
        value = config.get(key)
        if not isinstance(value, str) or not value or Path(value).is_absolute():
            continue
        base = next((b for b in (Path.cwd(), _CHECKOUT) if (b / value).exists()), None)
        if base is None:
            raise BenchError(f"{path}: {key} {value!r} not found here or in {_CHECKOUT}")
        config[key] = str(base / value)
    return config


def model_of(config: Mapping[str, Any]) -> str:
    """The model a configuration calls, read from its request payload."""
    if isinstance(path := config.get("binary-file"), str):
        try:
            return pb.ModelInferRequest.FromString(Path(path).read_bytes()).model_name
        except (OSError, ValueError) as exc:
            raise BenchError(f"cannot read a ModelInferRequest from {path}: {exc}") from None
    if isinstance(data := config.get("data"), dict) and isinstance(data.get("model_name"), str):
        return str(data["model_name"])
    raise BenchError("the configuration names no model: give --model")


def ghz_command(
    ghz: str, config: Path, target: str, concurrency: int, duration_s: float, output: Path
) -> list[str]:
    """ghz at one level: flags override the configuration's own concurrency, count and
    format; with a duration ghz ignores the request count."""
    return [
        ghz,
        f"--config={config}",
        f"--concurrency={concurrency}",
        f"--duration={round(duration_s * 1000)}ms",
        # Let the requests in flight at the end finish: closing would fail them all.
        "--duration-stop=wait",
        "--format=json",
        f"--output={output}",
        target,
    ]


def fetch_stats(stub: pb_grpc.GRPCInferenceServiceStub, model: str) -> ServerStats:
    response = stub.ModelStatistics(
        pb.ModelStatisticsRequest(name=model), timeout=_STATISTICS_TIMEOUT_S
    )
    return model_stats_to_domain(response, model)


Tick = Callable[[int, float], None]
"""Progress: the level's concurrency and the seconds run so far in it."""


def run_ladder(plan: Plan, ghz: str, tick: Tick) -> list[Level]:
    """Run every level in turn; each one's server statistics are the change across it."""
    plan.out.mkdir(parents=True, exist_ok=True)
    config_path = plan.out / "ghz-config.json"
    config_path.write_text(json.dumps(plan.config, indent=2) + "\n")
    levels: list[Level] = []
    with grpc.insecure_channel(plan.target, options=channel_options()) as channel:
        stub = pb_grpc.GRPCInferenceServiceStub(channel)
        for concurrency in plan.concurrencies:
            report = plan.out / f"ghz-c{concurrency}.json"
            command = ghz_command(
                ghz, config_path, plan.target, concurrency, plan.duration_s, report
            )
            before = fetch_stats(stub, plan.model)
            _run_ghz(command, partial(tick, concurrency))
            after = fetch_stats(stub, plan.model)
            client = parse_ghz(json.loads(report.read_text()), concurrency)
            levels.append(Level(client=client, server=after - before))
    return levels


def _run_ghz(command: list[str], tick: Callable[[float], None]) -> None:
    start = time.monotonic()
    with subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as process:
        while True:
            try:
                _, stderr = process.communicate(timeout=0.2)
                break
            except subprocess.TimeoutExpired:
                tick(time.monotonic() - start)
    # Failed requests do not fail ghz (its report counts them); a bad setting does.
    if process.returncode != 0:
        raise BenchError(f"ghz failed (exit {process.returncode}): {stderr.strip()}")


def write_report(title: str, levels: Sequence[Level], out: Path) -> list[Path]:
    """The markdown table and both plots under `out`; returns their paths."""
    # Imported here: matplotlib takes a noticeable part of a second to import, which
    # every other `maas` command would pay at start-up.
    from maas.loadtest import plots

    table = out / "results.md"
    table.write_text(markdown_table(title, levels))
    curve = out / "latency-throughput.png"
    plots.latency_throughput(title, levels, curve)
    breakdown = out / "server-breakdown.png"
    plots.server_breakdown(title, levels, breakdown)
    return [table, curve, breakdown]
