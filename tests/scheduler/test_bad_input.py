"""Hostile requests to a real scheduler: a clear status, bounded messages, nothing
changed (issue 8)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import grpc
import pytest
from grpc import aio

from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from tests import rawcalls
from tests.rawcalls import COMMON_FILES, UNDECODABLE
from tests.scheduler.conftest import MODEL, Scheduler

LONG = "d" * 10_000
INVALID_ARGUMENT = grpc.StatusCode.INVALID_ARGUMENT


async def test_undecodable_bytes_on_every_rpc_are_invalid_argument(scheduler: Scheduler) -> None:
    async with aio.insecure_channel(scheduler.address) as channel:
        for method in rawcalls.methods(pb.DESCRIPTOR, *COMMON_FILES):
            for data in UNDECODABLE:
                error = await rawcalls.call(channel, method, data)
                assert error.code() is grpc.StatusCode.INVALID_ARGUMENT, (method, data)


def _refused(call: Callable[[], object]) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    assert len(str(caught.value.details())) < 300
    return caught.value


def test_hostile_specs_and_names_are_invalid_argument_and_change_nothing(
    scheduler: Scheduler,
) -> None:
    api = scheduler.api
    before = api.ListDeployments(pb.ListDeploymentsRequest())
    specs = [
        pb.DeploymentSpec(name=LONG, model=MODEL),
        pb.DeploymentSpec(name="d", model=LONG),
        pb.DeploymentSpec(name="d", model=MODEL, alias=LONG),
        pb.DeploymentSpec(name="../d", model=MODEL),
        pb.DeploymentSpec(name="d", model=MODEL, resources=pb.Resources(memory_bytes=2**64 - 1)),
        pb.DeploymentSpec(
            name="d", model=MODEL, batching=pb.Batching(max_queue_delay_microseconds=2**63)
        ),
        pb.DeploymentSpec(
            name="d",
            model=MODEL,
            batching=pb.Batching(max_batch_size=1, preferred_batch_sizes=[9] * 10_000),
        ),
    ]
    for spec in specs:
        create = pb.CreateDeploymentRequest(spec=spec)
        update = pb.UpdateDeploymentRequest(spec=spec)
        assert _refused(partial(api.CreateDeployment, create)).code() is INVALID_ARGUMENT
        assert _refused(partial(api.UpdateDeployment, update)).code() is INVALID_ARGUMENT
    for name in (LONG, "../d", ""):
        get = pb.GetDeploymentRequest(name=name)
        delete = pb.DeleteDeploymentRequest(name=name)
        for error in (
            _refused(partial(api.GetDeployment, get)),
            _refused(partial(api.DeleteDeployment, delete)),
        ):
            assert error.code() is INVALID_ARGUMENT
            assert "invalid deployment name" in str(error.details())
    assert api.ListDeployments(pb.ListDeploymentsRequest()) == before
