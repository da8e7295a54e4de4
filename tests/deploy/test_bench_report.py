"""`maas bench`'s pure core: ghz reports and statistics deltas merged into table rows."""

from __future__ import annotations

from pathlib import Path

from maas.loadtest.converters import model_stats_to_domain
from maas.loadtest.domain import (
    COLUMNS,
    ClientRun,
    Duration,
    Level,
    ServerStats,
    markdown_table,
    parse_ghz,
    row,
)
from maas.loadtest.run import ghz_command
from maas_proto import grpc_service_pb2 as pb

# A ghz --format json report as ghz v0.121 writes it, trimmed to the fields read.
REPORT = {
    "count": 1230,
    "total": 1000676677,
    "average": 3090734,
    "rps": 1229.1682501160162,
    "statusCodeDistribution": {"OK": 1227, "Unavailable": 3},
    "latencyDistribution": [
        {"percentage": 10, "latency": 1778816},
        {"percentage": 50, "latency": 3045901},
        {"percentage": 90, "latency": 4260000},
        {"percentage": 99, "latency": 8120000},
    ],
}


def test_parse_ghz_reads_nanoseconds_and_counts_non_ok_statuses() -> None:
    run = parse_ghz(REPORT, concurrency=4)
    assert run.concurrency == 4
    assert run.requests == 1230
    assert run.errors == 3
    assert run.rps == REPORT["rps"]
    assert run.average_s == 3090734 / 1e9
    assert run.percentiles_s[50] == 3045901 / 1e9
    assert run.percentiles_s[99] == 8120000 / 1e9


def test_parse_ghz_of_a_run_with_no_answer_has_no_percentiles() -> None:
    report = {"count": 0, "average": 0, "rps": 0.0, "latencyDistribution": None}
    run = parse_ghz(report, concurrency=1)
    assert run.percentiles_s == {}
    assert run.errors == 0


def _stats(
    requests: int, runs: int, *, queue_ns: int, infer_ns: int, server_ns: int
) -> ServerStats:
    return ServerStats(
        inference_count=requests,
        execution_count=runs,
        success=Duration(requests, server_ns),
        queue=Duration(requests, queue_ns),
        compute_infer=Duration(requests, infer_ns),
    )


def test_server_delta_gives_means_per_request_and_batch_size() -> None:
    before = _stats(100, 100, queue_ns=1_000_000, infer_ns=2_000_000, server_ns=5_000_000)
    after = _stats(
        1100, 350, queue_ns=3_001_000_000, infer_ns=1_002_000_000, server_ns=5_005_000_000
    )
    delta = after - before
    assert delta.success == Duration(1000, 5_000_000_000)
    assert delta.queue.mean_ms == 3.0
    assert delta.compute_infer.mean_ms == 1.0
    assert delta.success.mean_ms == 5.0
    assert delta.batch_size == 4.0  # 1000 samples in 250 backend runs


def test_a_level_without_server_work_shows_dashes_not_zeros() -> None:
    client = ClientRun(4, 10, {"Unavailable": 10}, 0.0, 0.0, {})
    cells = dict(zip(COLUMNS, row(Level(client, ServerStats())), strict=True))
    assert cells["errors"] == "10"
    assert cells["p50 ms"] == "-"
    assert cells["queue ms"] == "-"
    assert cells["batch size"] == "-"
    assert cells["transport ms"] == "-"


def test_table_has_one_row_per_level_with_merged_columns() -> None:
    server = _stats(
        1227, 409, queue_ns=1227 * 200_000, infer_ns=1227 * 50_000, server_ns=1227 * 300_000
    )
    levels = [Level(parse_ghz(REPORT, concurrency=c), server) for c in (1, 4)]
    text = markdown_table("mlp at host:1", levels)
    lines = text.splitlines()
    assert lines[0] == "## mlp at host:1"
    header = next(i for i, line in enumerate(lines) if line.startswith("| concurrency"))
    rows = [line.strip("| ").split(" | ") for line in lines[header + 2 :]]
    assert [r[0] for r in rows] == ["1", "4"]
    cells = dict(zip(COLUMNS, rows[1], strict=True))
    assert cells["errors"] == "3"
    assert cells["req/s"] == "1229.2"
    assert cells["p50 ms"] == "3.05"
    assert cells["p99 ms"] == "8.12"
    assert cells["server ms"] == "0.30"
    assert cells["queue ms"] == "0.20"
    assert cells["compute ms"] == "0.05"
    assert cells["transport ms"] == "2.79"  # 3.09 ms at the client, 0.30 in the server
    assert cells["batch size"] == "3.00"


def test_statistics_of_every_version_of_the_model_are_summed_and_others_ignored() -> None:
    def version(name: str, v: str, count: int) -> pb.ModelStatistics:
        duration = pb.StatisticDuration(count=count, ns=count * 1000)
        return pb.ModelStatistics(
            name=name,
            version=v,
            inference_count=count,
            execution_count=count // 2,
            inference_stats=pb.InferStatistics(
                success=duration, queue=duration, compute_infer=duration
            ),
        )

    response = pb.ModelStatisticsResponse(
        model_stats=[version("m", "1", 10), version("m", "2", 30), version("other", "1", 99)]
    )
    stats = model_stats_to_domain(response, "m")
    assert stats.inference_count == 40
    assert stats.execution_count == 20
    assert stats.success == Duration(40, 40_000)
    assert stats.queue == Duration(40, 40_000)
    assert stats.fail == Duration()
    assert model_stats_to_domain(response, "absent") == ServerStats()


def test_ghz_command_overrides_load_and_keeps_the_configuration() -> None:
    command = ghz_command("ghz", Path("c.json"), "h:1", 8, 2.5, Path("out.json"))
    assert command[0] == "ghz"
    assert "--config=c.json" in command
    assert "--concurrency=8" in command
    assert "--duration=2500ms" in command
    assert "--format=json" in command
    assert "--output=out.json" in command
    assert command[-1] == "h:1"
