"""What one load level measured, seen from both ends, and the table that shows it.

The client side is ghz's JSON report (latencies as the caller sees them, throughput,
status codes); the server side is the change of the model's Triton statistics over the
level (time in the queue against time computing, and how many requests each backend run
carried). Plain data and pure functions: no gRPC, no subprocess, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Final

NS_PER_S: Final = 1e9
# Percentiles ghz reports that the table and plots use.
PERCENTILES: Final = (50, 90, 99)


@dataclass(frozen=True, slots=True)
class Duration:
    """Cumulative nanoseconds over `count` events (Triton's StatisticDuration)."""

    count: int = 0
    ns: int = 0

    def __sub__(self, earlier: Duration) -> Duration:
        return Duration(self.count - earlier.count, self.ns - earlier.ns)

    def __add__(self, other: Duration) -> Duration:
        return Duration(self.count + other.count, self.ns + other.ns)

    @property
    def mean_ms(self) -> float | None:
        """Mean milliseconds per event; None without events."""
        return self.ns / self.count / 1e6 if self.count else None


@dataclass(frozen=True, slots=True)
class ServerStats:
    """A model's cumulative statistics, every version summed: `inference_count` counts
    samples, `execution_count` backend runs, as Triton counts them."""

    inference_count: int = 0
    execution_count: int = 0
    success: Duration = field(default_factory=Duration)
    fail: Duration = field(default_factory=Duration)
    queue: Duration = field(default_factory=Duration)
    compute_input: Duration = field(default_factory=Duration)
    compute_infer: Duration = field(default_factory=Duration)
    compute_output: Duration = field(default_factory=Duration)

    def __sub__(self, earlier: ServerStats) -> ServerStats:
        """What happened between `earlier` and this snapshot."""
        return ServerStats(
            **{f.name: getattr(self, f.name) - getattr(earlier, f.name) for f in fields(self)}
        )

    def __add__(self, other: ServerStats) -> ServerStats:
        return ServerStats(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def batch_size(self) -> float | None:
        """Mean samples per backend run: how much the dynamic batcher gathered."""
        return self.inference_count / self.execution_count if self.execution_count else None


@dataclass(frozen=True, slots=True)
class ClientRun:
    """One ghz run as its JSON report tells it (times in seconds)."""

    concurrency: int
    requests: int
    statuses: Mapping[str, int]
    rps: float
    average_s: float
    percentiles_s: Mapping[int, float]

    @property
    def errors(self) -> int:
        """Requests that did not end OK (deadline, refusal, transport error...)."""
        return sum(n for status, n in self.statuses.items() if status != "OK")


def parse_ghz(report: Mapping[str, Any], concurrency: int) -> ClientRun:
    """A ClientRun from ghz's `--format json` report (durations there are nanoseconds)."""
    percentiles = {
        int(row["percentage"]): row["latency"] / NS_PER_S
        for row in report.get("latencyDistribution") or ()
    }
    return ClientRun(
        concurrency=concurrency,
        requests=int(report["count"]),
        statuses={str(k): int(v) for k, v in (report.get("statusCodeDistribution") or {}).items()},
        rps=float(report["rps"]),
        average_s=report["average"] / NS_PER_S,
        percentiles_s=percentiles,
    )


@dataclass(frozen=True, slots=True)
class Level:
    """One rung of the ladder: the client's view and the server's change over it."""

    client: ClientRun
    server: ServerStats

    @property
    def concurrency(self) -> int:
        return self.client.concurrency

    def client_ms(self, percentile: int) -> float | None:
        value = self.client.percentiles_s.get(percentile)
        return None if value is None else value * 1e3

    @property
    def transport_ms(self) -> float | None:
        """Mean client latency not spent inside the server's inference use case: the
        network, gRPC on both ends, and the gateway hop when there is one."""
        server = self.server.success.mean_ms
        return None if server is None else self.client.average_s * 1e3 - server


COLUMNS: Final = (
    "concurrency",
    "requests",
    "errors",
    "req/s",
    "p50 ms",
    "p90 ms",
    "p99 ms",
    "server ms",
    "queue ms",
    "compute ms",
    "transport ms",
    "batch size",
)


def _cell(value: float | int | None, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{digits}f}"


def row(level: Level) -> list[str]:
    """The table's cells for one level, in COLUMNS' order."""
    client, server = level.client, level.server
    return [
        str(level.concurrency),
        str(client.requests),
        str(client.errors),
        _cell(client.rps, 1),
        *(_cell(level.client_ms(p)) for p in PERCENTILES),
        _cell(server.success.mean_ms),
        _cell(server.queue.mean_ms),
        _cell(server.compute_infer.mean_ms),
        _cell(level.transport_ms),
        _cell(server.batch_size),
    ]


def markdown_table(title: str, levels: Sequence[Level]) -> str:
    """The ladder as a markdown section: a heading, a legend and one row per level."""
    lines = [
        f"## {title}",
        "",
        "Client columns come from ghz; server columns are means per request over the "
        "level from the model's statistics (queue: waiting for a batch; compute: the "
        "backend run; transport: client mean minus server mean); batch size is samples "
        "per backend run.",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---:|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(row(level)) + " |" for level in levels]
    return "\n".join(lines) + "\n"
