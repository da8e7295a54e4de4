"""Statistics summed over replicas, and the channel pool's lifecycle."""

from __future__ import annotations

import asyncio

import pytest
from grpc import aio

from maas.gateway.service import READY, Upstreams, sum_statistics
from maas.worker.app import WorkerHandle
from maas_proto import grpc_service_pb2 as pb
from tests.gateway.conftest import address_of


def _stats(
    name: str, version: str, count: int, last: int, batch_sizes: tuple[int, ...] = (1,)
) -> pb.ModelStatistics:
    duration = pb.StatisticDuration(count=count, ns=count * 1000)
    stats = pb.ModelStatistics(
        name=name,
        version=version,
        last_inference=last,
        inference_count=count * 2,
        execution_count=count,
        inference_stats=pb.InferStatistics(success=duration, queue=duration, fail=duration),
        batch_stats=[
            pb.InferBatchStatistics(batch_size=size, compute_infer=duration) for size in batch_sizes
        ],
        memory_usage=[pb.MemoryUsage(type="CPU", id=0, byte_size=100)],
    )
    stats.response_stats["0"].success.CopyFrom(duration)
    return stats


def test_counters_and_durations_are_summed_per_model_version() -> None:
    first = pb.ModelStatisticsResponse(
        model_stats=[_stats("mlp", "1", 3, 50), _stats("mlp", "2", 1, 10)]
    )
    second = pb.ModelStatisticsResponse(model_stats=[_stats("mlp", "1", 4, 70, (1, 8))])
    (one, two) = sum_statistics([first, second]).model_stats
    assert (one.name, one.version, two.version) == ("mlp", "1", "2")
    assert two == _stats("mlp", "2", 1, 10)
    assert one.last_inference == 70
    assert (one.inference_count, one.execution_count) == (14, 7)
    for duration in (one.inference_stats.success, one.inference_stats.queue):
        assert (duration.count, duration.ns) == (7, 7000)
    assert one.inference_stats.compute_infer == pb.StatisticDuration()
    batches = {b.batch_size: b.compute_infer.count for b in one.batch_stats}
    assert batches == {1: 7, 8: 4}
    assert [(m.type, m.id, m.byte_size) for m in one.memory_usage] == [("CPU", 0, 200)]
    assert one.response_stats["0"].success.count == 7


def test_one_replica_is_left_as_it_is() -> None:
    only = pb.ModelStatisticsResponse(model_stats=[_stats("mlp", "1", 3, 50, (1, 4))])
    assert sum_statistics([only]) == only
    assert sum_statistics([]) == pb.ModelStatisticsResponse()


def test_inputs_are_not_modified() -> None:
    first = pb.ModelStatisticsResponse(model_stats=[_stats("mlp", "1", 3, 50)])
    kept = pb.ModelStatisticsResponse()
    kept.CopyFrom(first)
    sum_statistics([first, first])
    assert first == kept


async def test_channels_of_addresses_that_leave_are_closed(workers: list[WorkerHandle]) -> None:
    kept, left = (address_of(w.port) for w in workers)
    request = pb.ModelReadyRequest(name="add_sub").SerializeToString()
    upstreams = Upstreams()
    try:
        old = upstreams.method(left, READY)
        assert upstreams.method(left, READY) is old
        assert pb.ModelReadyResponse.FromString(await old(request)).ready
        upstreams.retain(frozenset({kept}))
        await asyncio.sleep(0)  # the close runs as a task, letting calls in flight finish
        with pytest.raises(aio.UsageError, match="closed"):
            await old(request)
        # Coming back into the table opens a fresh channel.
        assert pb.ModelReadyResponse.FromString(await upstreams.method(left, READY)(request)).ready
        assert pb.ModelReadyResponse.FromString(await upstreams.method(kept, READY)(request)).ready
    finally:
        await upstreams.close()
