"""Latency-throughput plots of a ladder, drawn with matplotlib's file-only Agg backend."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # No display here or in CI: render to files only.

import matplotlib.pyplot as plt

from maas.loadtest.domain import PERCENTILES, Level


def latency_throughput(title: str, levels: Sequence[Level], path: Path) -> None:
    """Client latency percentiles against achieved requests per second, each point
    labelled with the concurrency that produced it: the knee is where latency grows
    while throughput stops growing."""
    figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
    rps = [level.client.rps for level in levels]
    for percentile in PERCENTILES:
        # A level without answers has no percentiles: matplotlib leaves a NaN point out.
        latencies = [level.client_ms(percentile) or float("nan") for level in levels]
        axes.plot(rps, latencies, marker="o", label=f"p{percentile}")
    for level in levels:
        p50 = level.client_ms(PERCENTILES[0])
        if p50 is not None:
            axes.annotate(
                f"c={level.concurrency}",
                (level.client.rps, p50),
                textcoords="offset points",
                xytext=(4, -12),
                fontsize=8,
            )
    axes.set(title=title, xlabel="throughput (requests/s)", ylabel="latency (ms)")
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def server_breakdown(title: str, levels: Sequence[Level], path: Path) -> None:
    """Where a request's mean latency goes at each concurrency (queue, compute, the
    rest of the server, transport), with the mean batch size on a second axis."""
    figure, axes = plt.subplots(figsize=(7, 4.5), layout="constrained")
    labels = [str(level.concurrency) for level in levels]
    queue = [level.server.queue.mean_ms or 0.0 for level in levels]
    compute = [level.server.compute_infer.mean_ms or 0.0 for level in levels]
    server = [level.server.success.mean_ms or 0.0 for level in levels]
    other = [max(s - q - c, 0.0) for s, q, c in zip(server, queue, compute, strict=True)]
    transport = [max(level.transport_ms or 0.0, 0.0) for level in levels]
    bottom = [0.0] * len(levels)
    for name, values in (
        ("queue", queue),
        ("compute", compute),
        ("other server", other),
        ("transport", transport),
    ):
        axes.bar(labels, values, bottom=bottom, label=name)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set(title=title, xlabel="concurrency", ylabel="mean latency (ms)")
    batches = axes.twinx()
    sizes = [level.server.batch_size or 0.0 for level in levels]
    batches.plot(labels, sizes, "k--o", label="batch size (right)")
    batches.set_ylabel("mean batch size (samples per run)")
    batches.set_ylim(bottom=0, top=max([*sizes, 1.0]) * 1.25)
    # One legend for both axes, below the plot where neither bars nor line reach.
    handles = axes.get_legend_handles_labels()[0] + batches.get_legend_handles_labels()[0]
    figure.legend(handles=handles, loc="outside lower center", ncols=5, fontsize=8)
    figure.savefig(path, dpi=110)
    plt.close(figure)
