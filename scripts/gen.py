"""Generate the Python protocol package from protos/.

protoc names modules after proto file paths (`grpc_service.proto` -> top-level
`grpc_service_pb2`). The Open Inference Protocol files must stay at the import root with
Triton's exact names (their descriptors are shared with tritonclient), so the generated
imports are rewritten to live inside the `maas_proto` package instead.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

from grpc_tools import protoc

BIN = Path(sys.executable).parent

ROOT = Path(__file__).resolve().parent.parent
PROTOS = ROOT / "protos"
OUT = ROOT / "clients" / "python" / "maas_proto"
PACKAGE = "maas_proto"

# `import foo_pb2 as x` for a root-level proto, `from a.b import foo_pb2 as x` for a nested one.
_ROOT_IMPORT = re.compile(r"^import (\w+_pb2(?:_grpc)?)( as \w+)?$", re.M)
_FROM_IMPORT = re.compile(r"^from ((?:maas)(?:\.\w+)*) import (\w+_pb2(?:_grpc)?)", re.M)


def _rewrite(text: str, proto_modules: set[str]) -> str:
    def root(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in proto_modules:
            return m.group(0)
        return f"from {PACKAGE} import {name}{m.group(2) or ''}"

    text = _ROOT_IMPORT.sub(root, text)
    return _FROM_IMPORT.sub(lambda m: f"from {PACKAGE}.{m.group(1)} import {m.group(2)}", text)


def generate(out: Path) -> None:
    sources = sorted(p.relative_to(PROTOS).as_posix() for p in PROTOS.rglob("*.proto"))
    with tempfile.TemporaryDirectory() as tmp:
        args = [
            "protoc",
            f"-I{PROTOS}",
            f"--plugin=protoc-gen-mypy={BIN / 'protoc-gen-mypy'}",
            f"--plugin=protoc-gen-mypy_grpc={BIN / 'protoc-gen-mypy_grpc'}",
            f"--python_out={tmp}",
            f"--mypy_out={tmp}",
            f"--grpc_python_out={tmp}",
            f"--mypy_grpc_out={tmp}",
            *sources,
        ]
        if protoc.main(args) != 0:
            sys.exit("protoc failed")
        generated = Path(tmp)
        roots = {p.stem for p in generated.glob("*.py")} | {p.stem for p in generated.glob("*.pyi")}
        if out.exists():
            shutil.rmtree(out)
        for src in sorted(generated.rglob("*")):
            if src.is_dir():
                continue
            dest = out / src.relative_to(generated)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(_rewrite(src.read_text(), roots))
        for pkg in [out, *(d for d in out.rglob("*") if d.is_dir())]:
            (pkg / "__init__.py").touch()
        (out / "py.typed").touch()


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
