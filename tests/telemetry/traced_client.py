"""An application with its own tracer provider calling maas through `maas_client`.

Run as its own process (`python -m tests.telemetry.traced_client ADDRESS ENDPOINT
MODEL`): OpenTelemetry's global provider is set once per process, so this cannot run
inside the test process. Its one call starts a trace: a CLIENT span with no parent.
"""

from __future__ import annotations

import sys

import numpy as np
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

from maas_client.inference import InferenceClient


def main() -> None:
    address, endpoint, model = sys.argv[1:4]
    provider = TracerProvider(resource=Resource.create({"service.name": "test-client"}))
    provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint, insecure=True)))
    trace.set_tracer_provider(provider)
    with InferenceClient(address) as client:
        client.infer(model, {"INPUT0": np.ones((1, 64), np.float32)}, request_id="from-client")
    provider.shutdown()


if __name__ == "__main__":
    main()
