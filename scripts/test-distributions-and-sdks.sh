#!/usr/bin/env bash
# The last step of make test, on the bundle and the distributions that mvn verify built: the SDK contract suite
# (sdks/contract/run.sh: its own appliance, two languages at a time) and, beside it, the distribution test
# (installer/tests/dist-test.sh, as root). One after the other, each left a quarter to a half of the two cores idle
# (2 min 21 s and 4 min in a fresh-clone CI run); they share nothing (the SDK suite's appliance and data are under
# target/, the distribution test installs under /tmp and the .deb's paths, on ports below the ephemeral range).
# The SDK suite's output is shown when both have ended, so the two do not interleave; either failing fails this.
set -uo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
mkdir -p target
out=target/sdk-contract.out
REELFORGE_CONTRACT_JOBS=2 sdks/contract/run.sh >"$out" 2>&1 &
sdk=$!
$SUDO installer/tests/dist-test.sh
dist=$?
wait "$sdk"
sdk_rc=$?
echo
echo "=== the SDK contract suite (it ran beside the distribution test; its output, also in $out):"
cat "$out"
echo
echo "distribution test: $([ "$dist" -eq 0 ] && echo passed || echo "FAILED ($dist)"); SDK contract suite: $([ "$sdk_rc" -eq 0 ] && echo passed || echo "FAILED ($sdk_rc)")"
[ "$dist" -eq 0 ] && [ "$sdk_rc" -eq 0 ]
