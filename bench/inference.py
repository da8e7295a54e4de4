"""Inference worker benchmark: one run, one machine, one markdown table.

Three things are measured side by side, each with the same payloads:
(a) a raw gRPC echo of the request bytes (the floor any Python gRPC server pays),
(b) ONNX Runtime called in-process (the model's own cost),
(c) the worker, loaded by ghz (a Go client, so the client does not starve the server).

Run with `make bench` (or `python -m bench.inference`); the table is printed and written
to bench/results/inference.md.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import numpy as np
import onnxruntime as ort
from grpc_health.v1 import health_pb2

from maas.demo_models import write_demo_repository
from maas.transport.health import check_health
from maas_client.inference import build_request

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PROTOS = ROOT / "protos"


def _ghz() -> str:
    local = ROOT / ".tools" / "bin" / "ghz"
    found = str(local) if local.exists() else shutil.which("ghz")
    if found is None:
        sys.exit("ghz not found: run `make setup` first")
    return found


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass(frozen=True)
class Load:
    p50_ms: float
    rps: float
    errors: int


def ghz(address: str, request: bytes, *, concurrency: int, total: int, workdir: Path) -> Load:
    body = workdir / f"req-{len(request)}.bin"
    body.write_bytes(request)
    command = [
        _ghz(),
        "--insecure",
        "--proto",
        str(PROTOS / "grpc_service.proto"),
        "--import-paths",
        str(PROTOS),
        "--call",
        "inference.GRPCInferenceService.ModelInfer",
        "--binary-file",
        str(body),
        "--concurrency",
        str(concurrency),
        "--total",
        str(total),
        "--connections",
        str(min(concurrency, 8)),
        "--max-recv-message-size",
        "2147483647",
        "--max-send-message-size",
        "2147483647",
        "--format",
        "json",
        "--skipFirst",
        str(min(total // 10, 200)),
        address,
    ]
    report = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    p50 = next(d["latency"] for d in report["latencyDistribution"] if d["percentage"] == 50)
    errors = sum(report.get("errorDistribution", {}).values())
    return Load(p50 / 1e6, report["rps"], errors)


def worker_command(repository: Path, port: int, data_dir: Path) -> list[str]:
    """A `maas up` process serving `repository` on `port` (its other ports picked free)."""
    return [
        sys.executable,
        "-m",
        "maas",
        "up",
        "--model-repository",
        str(repository),
        "--grpc-port",
        str(port),
        "--data-dir",
        str(data_dir),
        "--registry-port",
        "0",
        "--scheduler-port",
        "0",
        "--log-level",
        "WARNING",
    ]


def wait_serving(address: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    with grpc.insecure_channel(address) as channel:
        while time.monotonic() < deadline:
            try:
                if check_health(channel, timeout=1) == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError:
                pass
            time.sleep(0.2)
    raise TimeoutError(f"{address} did not become ready")


@contextmanager
def _process(command: list[str], address: str, health: bool) -> Iterator[None]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if health:
            wait_serving(address)
        else:
            time.sleep(2)
        yield
    finally:
        process.terminate()
        process.wait(30)


def inprocess_latency_ms(
    session: ort.InferenceSession, feeds: dict[str, np.ndarray], runs: int
) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        session.run(None, feeds)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e3


def _inprocess_throughput(
    session: ort.InferenceSession, feeds: dict[str, np.ndarray], threads: int, seconds: float
) -> float:
    counts = [0] * threads
    stop = time.perf_counter() + seconds

    def run(i: int) -> None:
        while time.perf_counter() < stop:
            session.run(None, feeds)
            counts[i] += 1

    pool = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return sum(counts) / seconds


def main() -> None:
    rows: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        repo = work / "models"
        write_demo_repository(repo)
        unbatched = repo / "mlp_unbatched"
        shutil.copytree(repo / "mlp_classifier", unbatched)
        (unbatched / "config.pbtxt").write_text(
            'name: "mlp_unbatched"\nplatform: "onnxruntime_onnx"\nmax_batch_size: 64\n'
        )
        rng = np.random.default_rng(0)
        mlp = {"INPUT0": rng.standard_normal((1, 64)).astype(np.float32)}
        conv = {"INPUT0": rng.standard_normal((1, 3, 32, 32)).astype(np.float32)}
        big = {"INPUT0": rng.standard_normal(64 * 2**20 // 4).astype(np.float32)}

        def request(model: str, feeds: dict[str, np.ndarray]) -> bytes:
            return build_request(model, feeds).SerializeToString()

        mlp_session = ort.InferenceSession(str(repo / "mlp_classifier" / "1" / "model.onnx"))
        conv_session = ort.InferenceSession(str(repo / "resnet_lite" / "1" / "model.onnx"))
        local_mlp_ms = inprocess_latency_ms(mlp_session, mlp, 3000)
        local_conv_ips = _inprocess_throughput(conv_session, conv, 4, 5.0)

        echo_port, worker_port = free_port(), free_port()
        echo, worker = f"127.0.0.1:{echo_port}", f"127.0.0.1:{worker_port}"
        python = sys.executable
        echo_cmd = [python, "-m", "bench.echo_server", str(echo_port)]
        worker_cmd = worker_command(repo, worker_port, work / "data")
        python_version = sys.version.split()[0]
        env_note = f"{os.cpu_count()} cores, Python {python_version}, onnxruntime {ort.__version__}"

        with _process(echo_cmd, echo, health=False):
            echo_c1 = ghz(
                echo, request("mlp_classifier", mlp), concurrency=1, total=3000, workdir=work
            )
            echo_c64 = ghz(
                echo, request("mlp_classifier", mlp), concurrency=64, total=20000, workdir=work
            )
            echo_big = ghz(
                echo, request("identity_fp32", big), concurrency=1, total=12, workdir=work
            )
        with _process(worker_cmd, worker, health=True):
            served_c1 = ghz(
                worker, request("mlp_classifier", mlp), concurrency=1, total=3000, workdir=work
            )
            served_c64 = ghz(
                worker, request("mlp_classifier", mlp), concurrency=64, total=20000, workdir=work
            )
            plain_c64 = ghz(
                worker, request("mlp_unbatched", mlp), concurrency=64, total=20000, workdir=work
            )
            served_conv = ghz(
                worker, request("resnet_lite", conv), concurrency=4, total=4000, workdir=work
            )
            served_big = ghz(
                worker, request("identity_fp32", big), concurrency=1, total=12, workdir=work
            )

    mib = 64 * 2 * 1.0  # request + response payload per round trip, MiB
    added = served_c1.p50_ms - echo_c1.p50_ms
    rows += [
        (
            "MLP b1 c1: p50 added over echo",
            f"{added:.3f} ms",
            f"served {served_c1.p50_ms:.3f} / echo {echo_c1.p50_ms:.3f} / "
            f"in-process ORT {local_mlp_ms:.3f} ms",
            "<= 0.15 ms",
            _ok(added <= 0.15),
        ),
        (
            "conv net c4: throughput vs in-process",
            f"{served_conv.rps / local_conv_ips:.2f}x",
            f"served {served_conv.rps:.0f} / in-process {local_conv_ips:.0f} inferences/s",
            ">= 0.9x",
            _ok(served_conv.rps >= 0.9 * local_conv_ips),
        ),
        (
            "MLP c64 batching: QPS vs echo",
            f"{served_c64.rps / echo_c64.rps:.2f}x",
            f"served {served_c64.rps:.0f} / echo {echo_c64.rps:.0f} req/s",
            ">= 0.8x",
            _ok(served_c64.rps >= 0.8 * echo_c64.rps),
        ),
        (
            "MLP c64: batching on vs off",
            f"{served_c64.rps / plain_c64.rps:.2f}x",
            f"on {served_c64.rps:.0f} / off {plain_c64.rps:.0f} req/s",
            ">= 3x",
            _ok(served_c64.rps >= 3 * plain_c64.rps),
        ),
        (
            "64 MiB FP32 identity: bandwidth vs echo",
            f"{echo_big.p50_ms / served_big.p50_ms:.2f}x",
            f"served {mib / served_big.p50_ms * 1e3:.0f} / "
            f"echo {mib / echo_big.p50_ms * 1e3:.0f} MiB/s",
            ">= 0.5x",
            _ok(echo_big.p50_ms / served_big.p50_ms >= 0.5),
        ),
    ]
    errors = sum(
        x.errors
        for x in (
            echo_c1,
            echo_c64,
            echo_big,
            served_c1,
            served_c64,
            plain_c64,
            served_conv,
            served_big,
        )
    )
    table = [
        "# Inference worker benchmark",
        "",
        f"Machine: {env_note}. Client: ghz. Errors: {errors}.",
        "",
        "| measure | result | detail | target | met |",
        "|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
    ]
    text = "\n".join(table) + "\n"
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "inference.md").write_text(text)
    print(text)


def _ok(met: bool) -> str:
    return "yes" if met else "no"


if __name__ == "__main__":
    main()
