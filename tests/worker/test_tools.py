"""grpcurl and ghz, through server reflection alone: how users explore and load-test us."""

from __future__ import annotations

import base64
import json
import subprocess

import numpy as np

from tests.tools import require_tool

_A = np.arange(16, dtype=np.int32)
_B = np.full(16, 5, dtype=np.int32)
BODY = {
    "model_name": "add_sub",
    "id": "tool-1",
    "inputs": [
        {"name": "INPUT0", "datatype": "INT32", "shape": [1, 16]},
        {"name": "INPUT1", "datatype": "INT32", "shape": [1, 16]},
    ],
    "raw_input_contents": [
        base64.b64encode(_A.tobytes()).decode(),
        base64.b64encode(_B.tobytes()).decode(),
    ],
}


def _run(*command: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_grpcurl_lists_services_and_describes_the_protocol(address: str) -> None:
    grpcurl = require_tool("grpcurl")
    services = _run(grpcurl, "-plaintext", address, "list").split()
    assert {
        "inference.GRPCInferenceService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
    } <= set(services)
    described = _run(grpcurl, "-plaintext", address, "describe", "inference.ModelInferRequest")
    assert "repeated bytes raw_input_contents = 7;" in described


def test_grpcurl_infers_with_a_json_body(address: str) -> None:
    grpcurl = require_tool("grpcurl")
    output = _run(
        grpcurl,
        "-plaintext",
        "-d",
        "@",
        address,
        "inference.GRPCInferenceService/ModelInfer",
        stdin=json.dumps(BODY),
    )
    response = json.loads(output)
    assert response["id"] == "tool-1"
    assert [o["name"] for o in response["outputs"]] == ["OUTPUT0", "OUTPUT1"]
    assert response["outputs"][0]["shape"] == ["1", "16"]
    total, difference = (
        np.frombuffer(base64.b64decode(raw), dtype=np.int32)
        # grpcurl (1.9.4, as pinned by scripts/setup.sh) prints proto field names.
        for raw in response["raw_output_contents"]
    )
    np.testing.assert_array_equal(total, _A + _B)
    np.testing.assert_array_equal(difference, _A - _B)


def test_ghz_load_test_through_reflection_has_no_errors(address: str) -> None:
    ghz = require_tool("ghz")
    report = json.loads(
        _run(
            ghz,
            "--insecure",
            "--call",
            "inference.GRPCInferenceService/ModelInfer",
            "-d",
            json.dumps(BODY),
            "--total",
            "3000",
            "--concurrency",
            "16",
            "--format",
            "json",
            address,
        )
    )
    assert report["count"] == 3000
    assert report["statusCodeDistribution"] == {"OK": 3000}
    assert not report.get("errorDistribution")
