"""A real gateway in front of two real workers serving the demo models, all over loopback.

Some tests route to a probe instead of a worker: a small upstream server that records
what reached it (metadata, deadline, cancellation) and answers as told by the caller.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import numpy as np
import pytest
import tritonclient.grpc as grpcclient
from grpc import aio

from maas.demo_models import write_demo_repository
from maas.gateway import wire
from maas.gateway.app import GatewayHandle, run_gateway, table_from_workers
from maas.gateway.routing import Replica, Route, RoutingTable
from maas.transport.server import ServiceBinding, start_server
from maas.worker.app import WorkerHandle, run_worker
from maas.worker.settings import WorkerSettings
from maas_proto import grpc_service_pb2 as pb
from tests.support import serve_in_thread

# Deployed in the table but served by no replica.
PENDING_MODEL = "pending_model"
# An alias the table resolves to add_sub version 1.
ALIAS = "adder"


def address_of(port: int) -> str:
    return f"127.0.0.1:{port}"


def tensor(name: str, data: np.ndarray, datatype: str) -> grpcclient.InferInput:
    value = grpcclient.InferInput(name, list(data.shape), datatype)
    value.set_data_from_numpy(data)
    return value


def add_sub_inputs(value: int = 1) -> list[grpcclient.InferInput]:
    a = np.full((1, 16), value, dtype=np.int32)
    return [tensor("INPUT0", a, "INT32"), tensor("INPUT1", a, "INT32")]


def inference_count(address: str, model: str) -> int:
    with grpcclient.InferenceServerClient(address) as client:
        stats = client.get_inference_statistics(model).model_stats
        return sum(s.inference_count for s in stats)


@pytest.fixture(scope="session")
def demo_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    write_demo_repository(root)
    return root


@pytest.fixture(scope="session")
def worker_settings(demo_repository: Path) -> WorkerSettings:
    return WorkerSettings(model_repository=demo_repository, grpc_port=0, shutdown_grace_s=2)


@pytest.fixture(scope="module")
def workers(worker_settings: WorkerSettings) -> Iterator[list[WorkerHandle]]:
    with (
        serve_in_thread(lambda: run_worker(worker_settings)) as first,
        serve_in_thread(lambda: run_worker(worker_settings)) as second,
    ):
        yield [first, second]


@pytest.fixture(scope="module")
def worker_addresses(workers: list[WorkerHandle]) -> list[str]:
    return [address_of(w.port) for w in workers]


@pytest.fixture(scope="module")
def table(worker_addresses: list[str]) -> RoutingTable:
    discovered = asyncio.run(table_from_workers(worker_addresses))
    return RoutingTable(
        discovered.replicas,
        deployed=frozenset({PENDING_MODEL}),
        aliases={ALIAS: Route("add_sub", "1")},
    )


@pytest.fixture(scope="module")
def gateway(table: RoutingTable) -> Iterator[GatewayHandle]:
    with serve_in_thread(lambda: run_gateway(table)) as handle:
        yield handle


@pytest.fixture
def gateway_address(gateway: GatewayHandle) -> str:
    return address_of(gateway.port)


@pytest.fixture
def client(gateway_address: str) -> Iterator[grpcclient.InferenceServerClient]:
    with grpcclient.InferenceServerClient(gateway_address) as c:
        yield c


@pytest.fixture
def direct(worker_addresses: list[str]) -> Iterator[grpcclient.InferenceServerClient]:
    with grpcclient.InferenceServerClient(worker_addresses[0]) as c:
        yield c


@dataclass
class Probe:
    """What reached a probe upstream, shared by the probes of one test."""

    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cancelled: threading.Event = field(default_factory=threading.Event)
    time_remaining: list[float | None] = field(default_factory=list)


PROBE_MODEL = "probe"
# Request headers a probe obeys: sleep this long before answering, or fail with a code.
SLEEP_HEADER = "x-probe-sleep-s"
STATUS_HEADER = "x-probe-status"


@asynccontextmanager
async def run_probe(name: str, probe: Probe) -> AsyncIterator[int]:
    """An upstream answering ModelInfer like a worker would, recording each call."""

    async def infer(request: bytes, context: aio.ServicerContext[bytes, bytes]) -> bytes:
        metadata = dict(context.invocation_metadata() or ())
        probe.calls.append((name, metadata))
        probe.time_remaining.append(context.time_remaining())
        try:
            await asyncio.sleep(float(metadata.get(SLEEP_HEADER, 0)))
        except asyncio.CancelledError:
            probe.cancelled.set()
            raise
        if STATUS_HEADER in metadata:
            status = str(metadata[STATUS_HEADER])
            await context.abort(grpc.StatusCode[status], f"{name} says {status}")
        header = wire.read_header(request)
        return pb.ModelInferResponse(
            model_name=header.model_name, model_version="1", id=header.id
        ).SerializeToString()

    def add(server: aio.Server) -> None:
        handler = grpc.method_handlers_generic_handler(
            "inference.GRPCInferenceService",
            {"ModelInfer": grpc.unary_unary_rpc_method_handler(infer)},
        )
        server.add_generic_rpc_handlers((handler,))

    server = await start_server([ServiceBinding("inference.GRPCInferenceService", add)])
    try:
        yield server.port
    finally:
        await server.stop(0)


@pytest.fixture
def probe() -> Probe:
    return Probe()


@pytest.fixture
def probe_gateway(probe: Probe) -> Iterator[GatewayHandle]:
    """A gateway whose model 'probe' has two probe replicas."""
    with (
        serve_in_thread(lambda: run_probe("p1", probe)) as first,
        serve_in_thread(lambda: run_probe("p2", probe)) as second,
    ):
        versions = {PROBE_MODEL: frozenset({"1"})}
        table = RoutingTable(
            (
                Replica("p1", address_of(first), versions),
                Replica("p2", address_of(second), versions),
            )
        )
        with serve_in_thread(lambda: run_gateway(table)) as handle:
            yield handle
