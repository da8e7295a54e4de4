#!/usr/bin/env bash
# Regenerates the committed C++ stubs (generated/) from protos/ with
# protos/buf.gen.cpp.yaml. Needs buf in .tools/bin and Debian's protobuf-compiler and
# protobuf-compiler-grpc (scripts/setup.sh installs them). Deterministic: a second run
# changes nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/protos"
exec "$ROOT/.tools/bin/buf" generate --template buf.gen.cpp.yaml
