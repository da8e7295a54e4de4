"""One trace across processes: client -> gateway -> worker -> queue -> batch -> compute.

Spans are exported by real processes over OTLP/gRPC to the receiver in the test.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys

import grpc
import numpy as np
import pytest
from opentelemetry import context, trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

from maas_client.inference import AsyncInferenceClient, InferenceClient
from tests.telemetry.conftest import BATCH, BATCHED_MODEL, Pair, Service
from tests.telemetry.otlp import (
    CLIENT,
    INTERNAL,
    SERVER,
    STATUS_ERROR,
    OtlpReceiver,
    ReceivedSpan,
)
from tests.tools import REPO_ROOT

INFER_RPC = "inference.GRPCInferenceService/ModelInfer"
MLP = "mlp_classifier"


def one(spans: list[ReceivedSpan], **match: object) -> ReceivedSpan:
    found = [s for s in spans if all(getattr(s, k) == v for k, v in match.items())]
    assert len(found) == 1, f"expected one span matching {match}, got {found}"
    return found[0]


def children(spans: list[ReceivedSpan], parent: ReceivedSpan, name: str) -> list[ReceivedSpan]:
    return [s for s in spans if s.parent_id == parent.span_id and s.name == name]


def in_trace(receiver: OtlpReceiver, trace_id: str, *names: str) -> list[ReceivedSpan]:
    """The spans of `trace_id` once every one of `names` has arrived."""
    spans = receiver.wait_for(
        lambda got: set(names) <= {s.name for s in got if s.trace_id == trace_id}
    )
    return [s for s in spans if s.trace_id == trace_id]


def test_a_call_through_gateway_and_worker_is_one_trace(
    traced_pair: Pair, receiver: OtlpReceiver
) -> None:
    gateway, worker = traced_pair.gateway, traced_pair.worker
    script = ["-m", "tests.telemetry.traced_client"]
    subprocess.run(
        [sys.executable, *script, gateway.address, receiver.endpoint, MLP],
        check=True,
        cwd=REPO_ROOT,
        timeout=60,
    )
    started = receiver.wait_for(
        lambda got: any(s.service == "test-client" and s.kind == CLIENT for s in got)
    )
    client = one(started, service="test-client", kind=CLIENT)
    spans = in_trace(receiver, client.trace_id, "compute")

    # The application's call started the trace; each hop is a child of the one before.
    assert client.parent_id == ""
    assert client.name == INFER_RPC
    gateway_server = one(spans, service="maas-gateway", kind=SERVER)
    assert gateway_server.parent_id == client.span_id
    gateway_client = one(spans, service="maas-gateway", kind=CLIENT)
    assert gateway_client.parent_id == gateway_server.span_id
    assert gateway_client.attributes["server.address"] == worker.address
    worker_server = one(spans, service="maas", kind=SERVER)
    assert worker_server.parent_id == gateway_client.span_id
    for rpc in (gateway_server, gateway_client, worker_server):
        assert rpc.name == INFER_RPC
        assert rpc.attributes["rpc.system"] == "grpc"
        assert rpc.attributes["rpc.method"] == "ModelInfer"
        assert rpc.attributes["rpc.grpc.status_code"] == 0

    # Inside the worker: the request, its decode and queue wait, its batch and compute.
    infer = one(spans, name="infer")
    assert infer.parent_id == worker_server.span_id
    assert infer.attributes == {
        "maas.model.name": MLP,
        "maas.model.version": "1",
        "maas.request.id": "from-client",
        "maas.batch.size": 1,
    }
    assert len(children(spans, infer, "decode")) == 1
    assert len(children(spans, infer, "queue")) == 1
    (batch,) = children(spans, infer, "batch")
    assert (infer.trace_id, infer.span_id) in batch.links
    assert batch.attributes["maas.model.name"] == MLP
    (compute,) = children(spans, batch, "compute")
    assert batch.start_ns <= compute.start_ns <= compute.end_ns <= batch.end_ns
    assert all(s.kind == INTERNAL for s in (infer, batch, compute))
    assert worker_server.start_ns <= infer.start_ns <= infer.end_ns <= worker_server.end_ns


async def test_a_batch_span_links_to_every_request_it_served(
    traced_up: Service, receiver: OtlpReceiver
) -> None:
    ids = [f"batched-{i}" for i in range(BATCH)]
    async with AsyncInferenceClient(traced_up.address, timeout=30) as client:
        await asyncio.gather(
            *(
                client.infer(BATCHED_MODEL, {"INPUT0": np.ones((1, 64), np.float32)}, request_id=i)
                for i in ids
            )
        )

    def infers(got: list[ReceivedSpan]) -> list[ReceivedSpan]:
        return [s for s in got if s.name == "infer" and s.attributes["maas.request.id"] in ids]

    spans = receiver.wait_for(
        lambda got: (
            len(infers(got)) == BATCH
            and any(s.name == "compute" and s.trace_id == infers(got)[0].trace_id for s in got)
            and sum(s.name == "batch" and len(s.links) == BATCH for s in got) == 1
        )
    )
    requests = infers(spans)
    # No caller context: every request is a trace of its own, served by one batch.
    assert len({s.trace_id for s in requests}) == BATCH
    (batch,) = [s for s in spans if s.name == "batch" and len(s.links) == BATCH]
    assert set(batch.links) == {(s.trace_id, s.span_id) for s in requests}
    assert batch.parent_id in {s.span_id for s in requests}
    assert batch.attributes["maas.batch.size"] == BATCH
    assert batch.attributes["maas.batch.requests"] == BATCH
    for request in requests:
        (queued,) = children(spans, request, "queue")
        # Every request waited until the batch left, then the batch span began.
        assert queued.end_ns == batch.start_ns
    assert len(children(spans, batch, "compute")) == 1


def test_the_python_client_continues_the_callers_trace(
    traced_up: Service, receiver: OtlpReceiver
) -> None:
    caller = SpanContext(
        trace_id=0x5EED_0000_0000_0000_0000_0000_0000_0001,
        span_id=0x0000_0000_CA11_E400,
        is_remote=True,
        trace_flags=TraceFlags(TraceFlags.SAMPLED),
    )
    token = context.attach(trace.set_span_in_context(NonRecordingSpan(caller)))
    try:
        with InferenceClient(traced_up.address) as client:
            client.infer(MLP, {"INPUT0": np.ones((1, 64), np.float32)})
    finally:
        context.detach(token)
    spans = in_trace(receiver, trace.format_trace_id(caller.trace_id), "compute")
    server = one(spans, kind=SERVER)
    assert server.parent_id == trace.format_span_id(caller.span_id)


def test_a_refused_request_records_its_status(traced_up: Service, receiver: OtlpReceiver) -> None:
    with InferenceClient(traced_up.address) as client, pytest.raises(grpc.RpcError) as caught:
        client.infer(MLP, {"INPUT0": np.ones((1, 63), np.float32)}, request_id="bad-shape")
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    def refused(got: list[ReceivedSpan]) -> list[ReceivedSpan]:
        return [s for s in got if s.attributes.get("maas.request.id") == "bad-shape"]

    spans = receiver.wait_for(
        lambda got: any(s.span_id == r.parent_id for r in refused(got) for s in got)
    )
    (infer,) = refused(spans)
    assert infer.status == STATUS_ERROR
    server = one(spans, span_id=infer.parent_id)
    assert server.attributes["rpc.grpc.status_code"] == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    # The caller's mistake, not a server failure: the server span is not an error.
    assert server.status != STATUS_ERROR
