"""Generate the ghz assets under bench/ghz from protos/ and the demo models' signatures.

    python -m bench.ghz.generate           # (re)write them
    python -m bench.ghz.generate --check   # exit 1 when the committed ones are stale

- `maas.protoset`: every proto of protos/ with its imports, so that ghz and grpcurl work
  without server reflection (`--protoset bench/ghz/maas.protoset`).
- `payloads/<model>.bin`: one serialized `ModelInferRequest` per demo model (ghz's
  `--binary-file`), shaped by the signature the worker serves (variable dimensions 1)
  and filled with seeded values, so the same bytes come out on every machine.
- `configs/<model>.<target>.<variant>.json`: ghz configurations for the worker
  (127.0.0.1:8001) and the gateway (127.0.0.1:50051, calling a deployment named after
  the model), through reflection or the protoset. Paths in them are relative to the
  repository root, where ghz must run; a host given on ghz's command line overrides theirs.

Everything is committed (a few kilobytes), so a fresh clone load-tests without running
this; a test fails when a change to protos/ or the demo models leaves them stale.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import sys
import tempfile
from pathlib import Path
from typing import Final

import numpy as np
from grpc_tools import protoc  # type: ignore[import-untyped]

from maas.demo_models import write_demo_repository
from maas.worker.backends.onnxruntime import OnnxRuntimeBackend
from maas.worker.repository import read_model
from maas.worker.tensors import sample_inputs
from maas_client.inference import build_request

ROOT: Final = Path(__file__).resolve().parents[2]
PROTOS: Final = ROOT / "protos"
ASSETS: Final = ROOT / "bench" / "ghz"
PROTOSET: Final = "maas.protoset"

CALL: Final = "inference.GRPCInferenceService.ModelInfer"
# Where `maas up` serves the worker and the gateway by default.
TARGETS: Final = {"worker": "127.0.0.1:8001", "gateway": "127.0.0.1:50051"}
VARIANTS: Final = ("reflection", "protoset")


def write_protoset(out: Path) -> None:
    sources = sorted(p.relative_to(PROTOS).as_posix() for p in PROTOS.rglob("*.proto"))
    args = ["protoc", f"-I{PROTOS}", f"--descriptor_set_out={out}", "--include_imports"]
    if protoc.main([*args, *sources]) != 0:
        sys.exit("protoc failed")


def payload(model_root: Path, name: str, backend: OnnxRuntimeBackend) -> bytes:
    """The serialized request for model `name`: its inputs at the served shapes."""
    spec = read_model(model_root, name, backend).spec
    rng = np.random.default_rng(0)
    inputs: dict[str, np.ndarray] = {}
    for tensor, zeros in sample_inputs(spec).items():
        if zeros.dtype == np.object_:
            inputs[tensor] = np.full(zeros.shape, b"maas", dtype=np.object_)
        elif np.issubdtype(zeros.dtype, np.floating):
            inputs[tensor] = rng.standard_normal(zeros.shape).astype(zeros.dtype)
        elif zeros.dtype == np.bool_:
            inputs[tensor] = rng.integers(0, 2, zeros.shape).astype(np.bool_)
        else:
            inputs[tensor] = rng.integers(0, 100, zeros.shape).astype(zeros.dtype)
    return build_request(name, inputs).SerializeToString(deterministic=True)


def config(name: str, target: str, variant: str) -> dict[str, object]:
    settings: dict[str, object] = {
        "name": f"{name} via the {target} ({variant})",
        "call": CALL,
        "host": TARGETS[target],
        "insecure": True,
        "binary-file": f"bench/ghz/payloads/{name}.bin",
        "total": 200,
        "concurrency": 8,
    }
    if variant == "protoset":
        settings["protoset"] = f"bench/ghz/{PROTOSET}"
    return settings


def generate(out: Path) -> list[str]:
    """Write every asset under `out`; returns the demo model names."""
    (out / "payloads").mkdir(parents=True, exist_ok=True)
    (out / "configs").mkdir(parents=True, exist_ok=True)
    write_protoset(out / PROTOSET)
    backend = OnnxRuntimeBackend()
    with tempfile.TemporaryDirectory() as tmp:
        models = Path(tmp)
        names = write_demo_repository(models)
        for name in names:
            (out / "payloads" / f"{name}.bin").write_bytes(payload(models, name, backend))
    for name in names:
        for target in TARGETS:
            for variant in VARIANTS:
                text = json.dumps(config(name, target, variant), indent=2) + "\n"
                (out / "configs" / f"{name}.{target}.{variant}.json").write_text(text)
    return names


def stale(committed: Path) -> list[str]:
    """Files that differ between `committed` and a fresh generation, or exist in only one."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        generate(fresh)
        differences: list[str] = []
        for folder in (".", "payloads", "configs"):
            want = {p.name for p in (fresh / folder).iterdir() if p.is_file()}
            have = {p.name for p in (committed / folder).iterdir() if p.is_file()}
            have -= {"__init__.py", "generate.py", "README.md"}
            mismatch = filecmp.cmpfiles(
                fresh / folder, committed / folder, sorted(want & have), shallow=False
            )
            differences += [f"{folder}/{n}" for n in [*mismatch[1], *mismatch[2]]]
            differences += [f"{folder}/{n}" for n in sorted(want ^ have)]
        return sorted(differences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="fail when committed assets are stale")
    if parser.parse_args().check:
        if differences := stale(ASSETS):
            sys.exit("bench/ghz is stale (run `make ghz` and commit): " + ", ".join(differences))
        print("bench/ghz is up to date")
        return
    names = generate(ASSETS)
    print(f"bench/ghz: protoset, payloads and configs for {', '.join(names)}")


if __name__ == "__main__":
    main()
