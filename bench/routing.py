"""Routing benchmark: the three ways an application reaches a model, in the same run.

- worker direct: the client calls the worker it was told about (no routing at all);
- gateway: the client calls the scheduler, whose gateway forwards to the worker;
- direct SDK routing: `maas_client.routing.RoutingClient` follows the scheduler's
  routing table and calls the worker itself, skipping the gateway hop.

A real distributed stack runs in processes of its own: a Consul dev agent, a registry,
one worker and one scheduler with the demo MLP deployed on the worker. The three clients
are the same asyncio Python client code (the SDK's), in this process, so the differences
are the routes, not the clients. In-process ONNX Runtime, measured in the same run, is
the reference. Reported: p50 latency at concurrency 1, and throughput at concurrency 16.

Needs `consul` (scripts/setup.sh installs it). Run with `python -m bench.routing`; the
table is printed and written to bench/results/routing.md.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import numpy as np
import onnxruntime as ort

from bench.inference import RESULTS, free_port, inprocess_latency_ms, wait_serving
from maas.demo_models import write_demo_repository
from maas_client.inference import AsyncInferenceClient
from maas_client.registry import RegistryClient
from maas_client.routing import RoutingClient
from maas_proto.maas.scheduler.v1 import scheduler_pb2 as pb
from maas_proto.maas.scheduler.v1 import scheduler_pb2_grpc as pb_grpc
from tests.consul import ConsulAgent

MODEL = "mlp"
LATENCY_CALLS = 2000
WARMUP_CALLS = 200
CONCURRENCY = 16
THROUGHPUT_S = 4.0
ROUNDS = 4

Call = Callable[[], Awaitable[object]]


@dataclass(frozen=True)
class Result:
    p50_ms: float
    rps: float


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        work = Path(tmp)
        write_demo_repository(work / "models")
        artifact = work / "models" / "mlp_classifier" / "1" / "model.onnx"
        batch = np.random.default_rng(0).standard_normal((1, 64)).astype(np.float32)
        session = ort.InferenceSession(str(artifact))
        reference_ms = inprocess_latency_ms(session, {"INPUT0": batch}, LATENCY_CALLS)
        worker, scheduler = _stack(stack, work, artifact)
        results = asyncio.run(_measure(worker, scheduler, batch))
    _report(results, reference_ms)


@contextmanager
def _serving(command: list[str], port: int, env: dict[str, str]) -> Iterator[str]:
    """Run a server process until the block ends; yields its address once SERVING."""
    address = f"127.0.0.1:{port}"
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_serving(address)
        yield address
    finally:
        process.terminate()
        process.wait(30)


def _stack(stack: ExitStack, work: Path, artifact: Path) -> tuple[str, str]:
    """Consul, a registry, a worker and a scheduler, stopped when `stack` closes, with
    the model deployed on the worker; the worker's and the scheduler's addresses."""
    consul = stack.enter_context(ConsulAgent.start(work / "consul"))
    env = {**os.environ, "MAAS_CONSUL_ADDRESS": consul.address}
    python = sys.executable
    ports = [free_port() for _ in range(3)]
    registry_command = [python, "-m", "maas.registry", "--port", str(ports[0])]
    registry_command += ["--data-dir", str(work / "registry")]
    registry = stack.enter_context(_serving(registry_command, ports[0], env))
    with RegistryClient(registry) as client:
        client.create_model(MODEL)
        client.upload(MODEL, artifact)
    worker_env = {
        **env,
        "MAAS_WORKER_GRPC_PORT": str(ports[1]),
        "MAAS_WORKER_REGISTRY_ADDRESS": registry,
        "MAAS_WORKER_ARTIFACT_CACHE": str(work / "cache"),
    }
    worker = stack.enter_context(_serving([python, "-m", "maas", "worker"], ports[1], worker_env))
    command = [python, "-m", "maas.scheduler", "--port", str(ports[2]), "--registry", registry]
    scheduler = stack.enter_context(_serving(command, ports[2], env))
    with grpc.insecure_channel(scheduler) as channel:
        api = pb_grpc.SchedulerServiceStub(channel)
        spec = pb.DeploymentSpec(name=MODEL, model=MODEL)
        api.CreateDeployment(pb.CreateDeploymentRequest(spec=spec))
        deadline = time.monotonic() + 60
        while not api.GetRoutes(pb.GetRoutesRequest()).table.replicas:
            if time.monotonic() > deadline:
                raise TimeoutError("the deployment never became ready")
            time.sleep(0.1)
    return worker, scheduler


async def _measure(worker: str, scheduler: str, batch: np.ndarray) -> dict[str, Result]:
    inputs = {"INPUT0": batch}
    async with (
        AsyncInferenceClient(worker) as to_worker,
        AsyncInferenceClient(scheduler) as to_gateway,
        RoutingClient(scheduler) as routed,
    ):
        calls: dict[str, Call] = {
            "worker direct": lambda: to_worker.infer(MODEL, inputs),
            "gateway": lambda: to_gateway.infer(MODEL, inputs),
            "direct SDK routing": lambda: routed.infer(MODEL, inputs),
        }
        for call in calls.values():
            for _ in range(WARMUP_CALLS):
                await call()
        # Interleaved rounds, so that drift on a shared machine hits every route alike.
        times: dict[str, list[float]] = {name: [] for name in calls}
        done: dict[str, int] = dict.fromkeys(calls, 0)
        for _ in range(ROUNDS):
            for name, call in calls.items():
                times[name] += await _latencies(call, LATENCY_CALLS // ROUNDS)
                done[name] += await _completed(call, THROUGHPUT_S / ROUNDS)
        return {
            name: Result(statistics.median(times[name]) * 1e3, done[name] / THROUGHPUT_S)
            for name in calls
        }


async def _latencies(call: Call, count: int) -> list[float]:
    latencies = []
    for _ in range(count):
        started = time.perf_counter()
        await call()
        latencies.append(time.perf_counter() - started)
    return latencies


async def _completed(call: Call, seconds: float) -> int:
    """Calls completed by `CONCURRENCY` loops within `seconds`."""
    stop = time.perf_counter() + seconds
    counts = [0] * CONCURRENCY

    async def loop(i: int) -> None:
        while time.perf_counter() < stop:
            await call()
            counts[i] += 1

    await asyncio.gather(*(loop(i) for i in range(CONCURRENCY)))
    return sum(counts)


def _report(results: dict[str, Result], reference_ms: float) -> None:
    base = results["worker direct"]
    rows = [
        f"| {name} | {r.p50_ms:.3f} | {r.p50_ms - base.p50_ms:+.3f} | "
        f"{r.p50_ms / reference_ms:.1f}x | {r.rps:.0f} | {r.rps / base.rps:.2f}x |"
        for name, r in results.items()
    ]
    table = [
        "# Routing benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}. Model: demo MLP, "
        f"batch 1. Client: the SDK's asyncio clients, one process. In-process ONNX Runtime "
        f"p50: {reference_ms:.3f} ms.",
        "",
        "| route | p50 c1 (ms) | vs worker direct | vs in-process ORT | "
        f"req/s c{CONCURRENCY} | vs worker direct |",
        "|---|---|---|---|---|---|",
        *rows,
    ]
    text = "\n".join(table) + "\n"
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "routing.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
