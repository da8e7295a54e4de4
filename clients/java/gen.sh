#!/usr/bin/env bash
# Regenerates the committed Java stubs (src/generated/java) from protos/ with
# protos/buf.gen.java.yaml. Needs buf, protoc and protoc-gen-grpc-java in .tools/bin
# (scripts/setup.sh installs them). Deterministic: a second run changes nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/protos"
exec "$ROOT/.tools/bin/buf" generate --template buf.gen.java.yaml
