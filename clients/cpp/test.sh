#!/usr/bin/env bash
# Builds the C++ client with CMake in build/ (unoptimised, which compiles fastest) and runs
# its tests with ctest: unit tests, then the live tests against the all-in-one named by
# MAAS_INFERENCE_ADDRESS, MAAS_REGISTRY_ADDRESS and MAAS_SCHEDULER_ADDRESS (skipped
# without them, failed in CI). MAAS_BUILD_JOBS bounds the parallel compilers (default: all
# cores). Extra arguments go to ctest, e.g. `-R Live`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JOBS="${MAAS_BUILD_JOBS:-$(nproc)}"
cmake -S "$HERE" -B "$HERE/build" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$HERE/build" --parallel "$JOBS"
for variable in MAAS_INFERENCE_ADDRESS MAAS_REGISTRY_ADDRESS MAAS_SCHEDULER_ADDRESS; do
	if [[ -z ${!variable:-} ]]; then
		# ctest shows a skipped test's name, not GoogleTest's reason.
		echo "test.sh: $variable is not set: the live tests are skipped (failed with CI set);" \
			"start \`maas up --grpc-port 0 --registry-port 0 --scheduler-port 0\` and export" \
			"the three MAAS_*_ADDRESS variables, or run \`make clients-test\`" >&2
		break
	fi
done
exec ctest --test-dir "$HERE/build" --output-on-failure "$@"
