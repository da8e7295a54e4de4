"""The ghz assets in bench/ghz: current with protos/ and the demo models, and each
configuration loads a live all-in-one (worker or gateway) without a single error."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Final

import pytest

from bench.ghz.generate import ASSETS, PROTOSET, TARGETS, VARIANTS, stale
from tests.deploy.conftest import DEMO_MODELS, AllInOne
from tests.tools import REPO_ROOT, require_tool

pytestmark = pytest.mark.timeout(300)

CONFIGS: Final = sorted((ASSETS / "configs").glob("*.json"))
REQUESTS: Final = 12


def test_committed_assets_are_what_protos_and_demo_models_generate() -> None:
    assert stale(ASSETS) == []


def test_there_is_a_configuration_per_model_target_and_variant() -> None:
    expected = {
        f"{model}.{target}.{variant}.json"
        for model in DEMO_MODELS
        for target in TARGETS
        for variant in VARIANTS
    }
    assert {path.name for path in CONFIGS} == expected


@pytest.mark.parametrize("config", CONFIGS, ids=[path.stem for path in CONFIGS])
def test_configuration_runs_against_a_live_all_in_one(config: Path, deployed: AllInOne) -> None:
    ghz = require_tool("ghz")
    target = deployed.scheduler if ".gateway." in config.name else deployed.worker
    # The configuration as committed; only the host (positional) and the count differ.
    command = [ghz, f"--config={config}", f"--total={REQUESTS}", "--concurrency=2"]
    command += ["--format=json", target]
    done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["statusCodeDistribution"] == {"OK": REQUESTS}, report["errorDistribution"]
    assert ("protoset" in report["options"]) == config.name.endswith(".protoset.json")


def test_grpcurl_calls_a_worker_through_the_protoset_alone(all_in_one: AllInOne) -> None:
    grpcurl = require_tool("grpcurl")
    command = [grpcurl, "-plaintext", "-protoset", str(ASSETS / PROTOSET)]
    command += ["-d", '{"name": "add_sub"}', all_in_one.worker]
    command += ["inference.GRPCInferenceService/ModelMetadata"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    metadata = json.loads(done.stdout)
    assert metadata["name"] == "add_sub"
    assert [tensor["name"] for tensor in metadata["inputs"]] == ["INPUT0", "INPUT1"]
