#!/usr/bin/env bash
# Builds the Java client and runs its tests: unit tests, then the live tests against the
# all-in-one named by MAAS_INFERENCE_ADDRESS, MAAS_REGISTRY_ADDRESS and
# MAAS_SCHEDULER_ADDRESS (skipped without them, failed in CI). Maven keeps its downloads
# in .tools/m2 inside the checkout, where CI caches them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT/clients/java"
exec mvn --batch-mode --no-transfer-progress -Dmaven.repo.local="$ROOT/.tools/m2" test "$@"
