"""Gateway benchmark: what the extra hop costs, against calling the worker directly.

One worker process and one gateway process in front of it (`python -m maas.gateway`);
ghz (a Go client, in its own process) loads each with the same serialized requests, in
the same run, alternating direct and through-gateway measurements:
- p50 latency at concurrency 1 (MLP, batch 1): the time the hop adds;
- throughput at concurrency 64 (MLP, the worker batching): the ratio kept;
- a 64 MiB FP32 identity at concurrency 1: the bandwidth ratio (no tensor decoding);
- CPU time per request of each process during the concurrency-64 runs (from /proc, so
  Linux only): unlike latency on a shared machine, it hardly depends on other load.

Run with `python -m bench.gateway`; the table is printed and written to
bench/results/gateway.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from bench.inference import RESULTS, Load, free_port, ghz, wait_serving, worker_command
from maas.demo_models import write_demo_repository
from maas_client.inference import build_request

# The hop must cost far less than a typical Python proxy's 1-2 ms (DESIGN.md).
ADDED_P50_TARGET_MS = 0.5
THROUGHPUT_TARGET = 0.8
C64_TOTAL = 20000


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        repo = work / "models"
        write_demo_repository(repo)
        rng = np.random.default_rng(0)
        mlp = build_request(
            "mlp_classifier", {"INPUT0": rng.standard_normal((1, 64)).astype(np.float32)}
        ).SerializeToString()
        big = build_request(
            "identity_fp32", {"INPUT0": rng.standard_normal(64 * 2**20 // 4).astype(np.float32)}
        ).SerializeToString()

        worker_port, gateway_port = free_port(), free_port()
        worker, gateway = f"127.0.0.1:{worker_port}", f"127.0.0.1:{gateway_port}"
        python = sys.executable
        worker_cmd = worker_command(repo, worker_port, work / "data")
        gateway_cmd = [python, "-m", "maas.gateway", "--port", str(gateway_port), worker]

        # The floor: a Python gRPC server answering with the request bytes, no model.
        echo_port = free_port()
        echo = f"127.0.0.1:{echo_port}"
        with _serving([python, "-m", "bench.echo_server", str(echo_port)], None) as echo_pid:
            before_echo = cpu_seconds(echo_pid)
            echo_c64 = ghz(echo, mlp, concurrency=64, total=C64_TOTAL, workdir=work)
            echo_cpu_us = (cpu_seconds(echo_pid) - before_echo) / C64_TOTAL * 1e6

        runs: dict[tuple[str, str], Load] = {}
        # CPU microseconds per request during the c64 runs: (target, process) -> us.
        cpu_us: dict[tuple[str, str], float] = {}
        with _serving(worker_cmd, worker) as worker_pid, _serving(gateway_cmd, gateway) as gw_pid:
            pids = {"worker": worker_pid, "gateway": gw_pid}
            for name, payload, concurrency, total in (
                ("c1", mlp, 1, 3000),
                ("c64", mlp, 64, C64_TOTAL),
                ("big", big, 1, 12),
            ):
                for target, address in (("direct", worker), ("gateway", gateway)):
                    before = {p: cpu_seconds(pid) for p, pid in pids.items()}
                    runs[(name, target)] = ghz(
                        address, payload, concurrency=concurrency, total=total, workdir=work
                    )
                    if name == "c64":
                        for p, pid in pids.items():
                            cpu_us[(target, p)] = (cpu_seconds(pid) - before[p]) / total * 1e6

    c1_direct, c1_gateway = runs[("c1", "direct")], runs[("c1", "gateway")]
    c64_direct, c64_gateway = runs[("c64", "direct")], runs[("c64", "gateway")]
    big_direct, big_gateway = runs[("big", "direct")], runs[("big", "gateway")]
    added = c1_gateway.p50_ms - c1_direct.p50_ms
    kept = c64_gateway.rps / c64_direct.rps
    mib = 64 * 2.0  # request + response payload per round trip, MiB
    bandwidth = big_direct.p50_ms / big_gateway.p50_ms
    rows = [
        (
            "MLP b1 c1: p50 added by the gateway",
            f"{added:.3f} ms",
            f"gateway {c1_gateway.p50_ms:.3f} / direct {c1_direct.p50_ms:.3f} ms",
            f"<= {ADDED_P50_TARGET_MS} ms",
            _ok(added <= ADDED_P50_TARGET_MS),
        ),
        (
            "MLP c64: throughput through the gateway vs direct",
            f"{kept:.2f}x",
            f"gateway {c64_gateway.rps:.0f} / direct {c64_direct.rps:.0f} req/s",
            f">= {THROUGHPUT_TARGET}x",
            _ok(kept >= THROUGHPUT_TARGET),
        ),
        (
            "64 MiB FP32 identity c1: bandwidth vs direct",
            f"{bandwidth:.2f}x",
            f"gateway {mib / big_gateway.p50_ms * 1e3:.0f} / "
            f"direct {mib / big_direct.p50_ms * 1e3:.0f} MiB/s",
            "(informational)",
            "-",
        ),
        (
            "MLP c64: CPU per request, gateway process",
            f"{cpu_us[('gateway', 'gateway')]:.0f} us",
            f"worker {cpu_us[('gateway', 'worker')]:.0f} us behind the gateway, "
            f"{cpu_us[('direct', 'worker')]:.0f} us direct; "
            f"echo server (floor of a Python gRPC server) {echo_cpu_us:.0f} us",
            "(informational)",
            "-",
        ),
    ]
    errors = echo_c64.errors + sum(load.errors for load in runs.values())
    table = [
        "# Gateway benchmark",
        "",
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}. "
        f"Client: ghz. Errors: {errors}.",
        "",
        "| measure | result | detail | target | met |",
        "|---|---|---|---|---|",
        *(f"| {' | '.join(row)} |" for row in rows),
    ]
    text = "\n".join(table) + "\n"
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "gateway.md").write_text(text)
    print(text)


@contextmanager
def _serving(command: list[str], address: str | None) -> Iterator[int]:
    """Run a server process until the block ends; yields its pid once it is SERVING
    (or after a moment, for a server without health checks)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if address is None:
            time.sleep(2)
        else:
            wait_serving(address)
        yield process.pid
    finally:
        process.terminate()
        process.wait(30)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used, all its threads included."""
    # Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _ok(met: bool) -> str:
    return "yes" if met else "no"


if __name__ == "__main__":
    main()
