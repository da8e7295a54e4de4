"""Tracing benchmark: what tracing costs the worker, off, sampled at 10 % and at 100 %.

Two tables, each server in its own process, loaded by ghz (a Go client), spans
exported over OTLP/gRPC to a sink in this process that accepts and drops them (a
collector's cost is the collector's, not the server's):

1. The all-in-one worker (`python -m maas up`, MLP batch 1, concurrency 64 so the
   worker batches, and concurrency 1 for latency) with MAAS_TELEMETRY_EXPORTER=none,
   then otlp-grpc at sampling ratio 0.1 and 1.0.
2. A bare gRPC echo server carrying only a tracing server interceptor: maas's own
   (`TracingInterceptor`), or opentelemetry-instrumentation-grpc's aio interceptor,
   each at 10 % and 100 %, against none. This is why servers use the former.

Besides throughput, each row gives the server's CPU time per request (from /proc): on a
shared machine it depends far less on other load than throughput does.

Run with `python -m bench.tracing`; the tables are printed and written to
bench/results/tracing.md.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import numpy as np
from grpc import aio
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1._async import HealthServicer
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased

from bench.gateway import cpu_seconds
from bench.inference import RESULTS, Load, free_port, ghz, wait_serving
from maas.demo_models import write_demo_repository
from maas.telemetry.tracing import INSTRUMENTATION, TracingInterceptor
from maas_client.inference import build_request

_EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export"
# Sampling ratios measured; None is tracing off.
RATIOS: tuple[float | None, ...] = (None, 0.1, 1.0)
# The echo server's interceptor and sampling ratio ("none": no interceptor at all).
ECHO_CASES: tuple[tuple[str, float], ...] = (
    ("none", 0.0),
    ("maas", 0.1),
    ("opentelemetry-instrumentation-grpc", 0.1),
    ("maas", 1.0),
    ("opentelemetry-instrumentation-grpc", 1.0),
)
ROUNDS = 3
C64_TOTAL = 6000
C1_TOTAL = 1000


@dataclass(frozen=True)
class Run:
    load: Load
    cpu_us: float


@contextmanager
def _sink() -> Iterator[str]:
    """An OTLP trace endpoint that accepts every export without decoding it."""
    ready = threading.Event()
    address: list[str] = []
    stop: list[asyncio.Event] = []

    async def serve() -> None:
        async def export(request: bytes, context: Any) -> bytes:
            return b""  # an empty ExportTraceServiceResponse

        server = aio.server()
        handler: grpc.RpcMethodHandler[bytes, bytes] = grpc.unary_unary_rpc_method_handler(export)
        service, method = _EXPORT.strip("/").split("/")
        server.add_generic_rpc_handlers(
            (grpc.method_handlers_generic_handler(service, {method: handler}),)
        )
        address.append(f"127.0.0.1:{server.add_insecure_port('127.0.0.1:0')}")
        await server.start()
        stop.append(asyncio.Event())
        ready.set()
        await stop[0].wait()
        await server.stop(0)

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    ready.wait(30)
    try:
        yield address[0]
    finally:
        loop.call_soon_threadsafe(stop[0].set)
        thread.join(30)


def _env(ratio: float | None, sink: str) -> dict[str, str]:
    env = dict(os.environ)
    if ratio is not None:
        env |= {
            "MAAS_TELEMETRY_EXPORTER": "otlp-grpc",
            "MAAS_TELEMETRY_ENDPOINT": sink,
            "MAAS_TELEMETRY_SAMPLING_RATIO": str(ratio),
        }
    return env


@contextmanager
def _serving(command: list[str], address: str, env: dict[str, str]) -> Iterator[int]:
    """Run a server process with `env` until the block ends; yields its pid once SERVING."""
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_serving(address)
        yield process.pid
    finally:
        process.terminate()
        process.wait(30)


def _measure(
    command: list[str], address: str, env: dict[str, str], payload: bytes, work: Path
) -> tuple[Run, Run]:
    """(concurrency 64, concurrency 1) against a server started with `env`."""
    with _serving(command, address, env) as pid:
        ghz(address, payload, concurrency=16, total=500, workdir=work)  # warm up
        before = cpu_seconds(pid)
        c64 = ghz(address, payload, concurrency=64, total=C64_TOTAL, workdir=work)
        c64_cpu = (cpu_seconds(pid) - before) / C64_TOTAL * 1e6
        before = cpu_seconds(pid)
        c1 = ghz(address, payload, concurrency=1, total=C1_TOTAL, workdir=work)
        c1_cpu = (cpu_seconds(pid) - before) / C1_TOTAL * 1e6
    return Run(c64, c64_cpu), Run(c1, c1_cpu)


def main() -> None:
    rng = np.random.default_rng(0)
    mlp = build_request(
        "mlp_classifier", {"INPUT0": rng.standard_normal((1, 64)).astype(np.float32)}
    ).SerializeToString()
    python = sys.executable
    # (table, row label, command less its last argument, the port; environment)
    cases: list[tuple[str, str, list[str], dict[str, str]]] = []
    with tempfile.TemporaryDirectory() as tmp, _sink() as sink:
        work = Path(tmp)
        repo = work / "models"
        write_demo_repository(repo)
        worker = [python, "-m", "maas", "up", "--model-repository", str(repo)]
        worker += [
            "--data-dir",
            str(work / "data"),
            "--registry-port",
            "0",
            "--scheduler-port",
            "0",
        ]
        worker += ["--log-level", "WARNING", "--grpc-port"]
        for ratio in RATIOS:
            cases.append(("worker", _label(ratio), worker, _env(ratio, sink)))
        for interceptor, ratio in ECHO_CASES:
            echo = [python, "-m", "bench.tracing", "echo", interceptor, sink, str(ratio)]
            label = "none" if interceptor == "none" else f"{interceptor}, {_label(ratio)}"
            cases.append(("echo", label, echo, dict(os.environ)))
        # Rounds interleave the cases, so that load from elsewhere on the machine falls
        # on all of them alike; each row is the median of its rounds.
        runs: dict[str, list[tuple[Run, Run]]] = {label: [] for _, label, _, _ in cases}
        for _ in range(ROUNDS):
            for _, label, command, env in cases:
                port = free_port()
                address = f"127.0.0.1:{port}"
                runs[label].append(_measure([*command, str(port)], address, env, mlp, work))

    rows = {
        table: [(label, *_median(runs[label])) for kind, label, _, _ in cases if kind == table]
        for table in ("worker", "echo")
    }
    errors = sum(run.load.errors for done in runs.values() for pair in done for run in pair)
    text = "\n".join(
        [
            "# Tracing benchmark",
            "",
            f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}. "
            f"Client: ghz. Errors: {errors}. Median of {ROUNDS} interleaved rounds. "
            "Spans exported over OTLP/gRPC to a sink.",
            "",
            "## The worker (`maas up`, MLP batch 1)",
            "",
            *_table(rows["worker"]),
            "",
            "## A bare gRPC echo server with one tracing server interceptor",
            "",
            *_table(rows["echo"]),
        ]
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "tracing.md").write_text(text + "\n")
    print(text)


def _median(done: list[tuple[Run, Run]]) -> tuple[Run, Run]:
    def middle(runs: list[Run]) -> Run:
        return Run(
            Load(
                statistics.median(r.load.p50_ms for r in runs),
                statistics.median(r.load.rps for r in runs),
                sum(r.load.errors for r in runs),
            ),
            statistics.median(r.cpu_us for r in runs),
        )

    return middle([c64 for c64, _ in done]), middle([c1 for _, c1 in done])


def _label(ratio: float | None) -> str:
    return "tracing off" if ratio is None else f"sampled {ratio:.0%}"


def _table(rows: list[tuple[str, Run, Run]]) -> list[str]:
    base_c64, base_c1 = rows[0][1], rows[0][2]
    lines = [
        "| tracing | c64 req/s | vs off | c64 CPU us/req | c1 p50 ms | c1 CPU us/req |",
        "|---|---|---|---|---|---|",
    ]
    for name, c64, c1 in rows:
        lines.append(
            f"| {name} | {c64.load.rps:.0f} | {c64.load.rps / base_c64.load.rps:.2f}x "
            f"| {c64.cpu_us:.0f} ({c64.cpu_us - base_c64.cpu_us:+.0f}) "
            f"| {c1.load.p50_ms:.3f} | {c1.cpu_us:.0f} ({c1.cpu_us - base_c1.cpu_us:+.0f}) |"
        )
    return lines


async def _echo(port: int, interceptor: str, sink: str, ratio: float) -> None:
    """Serve ModelInfer by echoing the request bytes, behind `interceptor`."""
    interceptors: list[aio.ServerInterceptor] = []
    if interceptor != "none":
        provider = TracerProvider(
            resource=Resource.create({"service.name": "bench-echo"}),
            sampler=ParentBased(TraceIdRatioBased(ratio)),
        )
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(sink, insecure=True)))
        if interceptor == "maas":
            interceptors.append(TracingInterceptor(provider.get_tracer(INSTRUMENTATION)))
        else:
            from opentelemetry.instrumentation.grpc import aio_server_interceptor

            # The instrumentation package ships no type information.
            otel = aio_server_interceptor(tracer_provider=provider)  # type: ignore[no-untyped-call]
            interceptors.append(otel)

    async def echo(request: bytes, context: Any) -> bytes:
        return request

    server = aio.server(interceptors=interceptors)
    handler: grpc.RpcMethodHandler[bytes, bytes] = grpc.unary_unary_rpc_method_handler(echo)
    service = grpc.method_handlers_generic_handler(
        "inference.GRPCInferenceService", {"ModelInfer": handler}
    )
    server.add_generic_rpc_handlers((service,))
    health = HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    await health.set("", health_pb2.HealthCheckResponse.SERVING)
    await server.wait_for_termination()


if __name__ == "__main__":
    if sys.argv[1:2] == ["echo"]:
        _, _, interceptor, sink, ratio, port = sys.argv
        asyncio.run(_echo(int(port), interceptor, sink, float(ratio)))
    else:
        main()
