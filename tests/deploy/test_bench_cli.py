"""`maas bench` as a user runs it, on a short setting against a live worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from maas.loadtest.domain import COLUMNS
from tests.deploy.conftest import AllInOne
from tests.tools import REPO_ROOT, require_tool

pytestmark = pytest.mark.timeout(180)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_bench_writes_a_row_per_concurrency_and_two_plots(
    all_in_one: AllInOne, tmp_path: Path
) -> None:
    ghz = require_tool("ghz")
    config = "bench/ghz/configs/mlp_classifier.worker.protoset.json"
    command = [sys.executable, "-m", "maas", "bench", config, "--target", all_in_one.worker]
    command += ["--concurrency", "1,4", "--duration", "1", "--out", str(tmp_path), "--ghz", ghz]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    for plot in ("latency-throughput.png", "server-breakdown.png"):
        data = (tmp_path / plot).read_bytes()
        assert data.startswith(PNG_SIGNATURE), plot
        assert len(data) > 10_000, plot  # axes, curves and labels, not an empty canvas

    lines = (tmp_path / "results.md").read_text().splitlines()
    assert lines[0] == f"## mlp_classifier at {all_in_one.worker}"
    header = lines.index("| " + " | ".join(COLUMNS) + " |")
    rows = [
        dict(zip(COLUMNS, line.strip("| ").split(" | "), strict=True))
        for line in lines[header + 2 :]
    ]
    assert [row["concurrency"] for row in rows] == ["1", "4"]
    for row in rows:
        assert int(row["requests"]) > 0
        assert row["errors"] == "0"
        # Merged from the worker's statistics: requests reached the model and ran.
        assert float(row["server ms"]) > 0
        assert float(row["compute ms"]) > 0
        assert float(row["batch size"]) >= 1


def test_bench_refuses_a_ladder_that_is_not_numbers(tmp_path: Path) -> None:
    config = "bench/ghz/configs/mlp_classifier.worker.protoset.json"
    command = [sys.executable, "-m", "maas", "bench", config, "-c", "1,many", "-o", str(tmp_path)]
    # Wide enough that the usage error's box does not wrap the message.
    environment = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        command, cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "'1,many' is not a comma-separated list of integers" in done.stderr
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["missing.json"], "error cannot read ghz configuration missing.json"),
        (
            ["bench/ghz/configs/add_sub.worker.reflection.json", "--ghz", "/nonexistent/ghz"],
            "error --ghz /nonexistent/ghz is not an executable file",
        ),
    ],
)
def test_bench_explains_what_it_cannot_run(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "maas", "bench", *arguments, "-o", str(tmp_path / "out")]
    environment = {**os.environ, "COLUMNS": "200"}
    done = subprocess.run(
        command, cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.startswith(message), done.stderr
    assert not (tmp_path / "out").exists()
