"""Triton statistics (protobuf) into the load test's plain data."""

from __future__ import annotations

from functools import reduce

from maas.loadtest.domain import Duration, ServerStats
from maas_proto import grpc_service_pb2 as pb


def duration_to_domain(message: pb.StatisticDuration) -> Duration:
    return Duration(count=message.count, ns=message.ns)


def stats_to_domain(message: pb.ModelStatistics) -> ServerStats:
    stats = message.inference_stats
    return ServerStats(
        inference_count=message.inference_count,
        execution_count=message.execution_count,
        success=duration_to_domain(stats.success),
        fail=duration_to_domain(stats.fail),
        queue=duration_to_domain(stats.queue),
        compute_input=duration_to_domain(stats.compute_input),
        compute_infer=duration_to_domain(stats.compute_infer),
        compute_output=duration_to_domain(stats.compute_output),
    )


def model_stats_to_domain(response: pb.ModelStatisticsResponse, model: str) -> ServerStats:
    """Every version of `model` in `response`, summed (a gateway may report several)."""
    return reduce(
        ServerStats.__add__,
        (stats_to_domain(s) for s in response.model_stats if s.name == model),
        ServerStats(),
    )
