"""Telemetry entered in-process, as composition roots do: server and client spans over a
real loopback call, control-path spans, /metrics on a free port, worker model gauges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import grpc
import httpx
import pytest
from grpc import aio

from maas.telemetry import TelemetrySettings, metrics, telemetry, tracing
from maas.transport.server import ServiceBinding, start_server
from tests.support import serve_in_thread
from tests.telemetry.conftest import sample
from tests.telemetry.otlp import CLIENT, SERVER, OtlpReceiver, otlp_receiver

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def receiver() -> Iterator[OtlpReceiver]:
    with serve_in_thread(otlp_receiver) as running:
        yield running


async def _echo(request: bytes, context: Any) -> bytes:
    with tracing.span("inside", {"maas.bytes": len(request)}):
        return request


def _add_echo(server: aio.Server) -> None:
    handler: grpc.RpcMethodHandler[bytes, bytes] = grpc.unary_unary_rpc_method_handler(_echo)
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler("test.Echo", {"Say": handler}),)
    )


async def test_spans_cross_a_call_and_metrics_are_served(receiver: OtlpReceiver) -> None:
    settings = TelemetrySettings(
        exporter="otlp-grpc", endpoint=receiver.endpoint, metrics_port=0, service_name="probe"
    )
    async with telemetry(settings, "maas-test") as running:
        assert running.tracing
        assert running.metrics_port is not None
        server = await start_server([ServiceBinding("test.Echo", _add_echo)])
        try:
            async with aio.insecure_channel(
                f"127.0.0.1:{server.port}", interceptors=tracing.client_interceptors()
            ) as channel:
                # A control-path operation around an outbound call, as a scheduler does.
                with tracing.span("placement", {"maas.model.name": "m"}) as placement:
                    placement.set_attribute("maas.replicas", 2)
                    say: aio.UnaryUnaryMultiCallable[bytes, bytes] = channel.unary_unary(
                        "/test.Echo/Say"
                    )
                    assert await say(b"hello") == b"hello"
            metrics.record_load("gauged", 2, memory_bytes=1234, seconds=0.5)
            async with httpx.AsyncClient() as http:
                response = await http.get(f"http://127.0.0.1:{running.metrics_port}/metrics")
            text = response.text
        finally:
            await server.stop(0)
    # Leaving flushed the spans and turned tracing off again.
    assert tracing.tracer() is None
    assert sample(text, "maas_worker_model_loaded", model="gauged", version="2") == 1
    assert sample(text, "maas_worker_model_memory_bytes", model="gauged", version="2") == 1234
    assert sample(text, "maas_worker_model_load_duration_seconds_count", model="gauged") == 1

    spans = receiver.wait_for(lambda got: len(got) >= 4)
    assert {s.service for s in spans} == {"probe"}
    (outer,) = [s for s in spans if s.name == "placement"]
    assert outer.attributes == {"maas.model.name": "m", "maas.replicas": 2}
    (client,) = [s for s in spans if s.kind == CLIENT]
    (served,) = [s for s in spans if s.kind == SERVER]
    (inside,) = [s for s in spans if s.name == "inside"]
    assert client.parent_id == outer.span_id
    assert served.name == "test.Echo/Say"
    assert served.parent_id == client.span_id
    assert served.attributes["rpc.grpc.status_code"] == 0
    assert inside.parent_id == served.span_id
    assert inside.attributes == {"maas.bytes": 5}
    assert len({s.trace_id for s in spans}) == 1
