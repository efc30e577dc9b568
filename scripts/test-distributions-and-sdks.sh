#!/usr/bin/env bash
# The last step of make test, on the bundle and the distributions that mvn verify built: the SDK contract suite
# (sdks/contract/run.sh: its own appliance, two languages at a time) beside the distribution test
# (installer/tests/dist-test.sh, as root: the tarball's steps beside the .deb's). They share nothing: the SDK suite's
# appliance, data and toolchains' output are under target/ on ports the system hands out (32768 and up), the
# distribution test installs under its own temporary folder and the .deb's paths, on ports from 20000 to 32000. Each
# alone leaves a quarter of the two cores idle (measured on the 2-core machine, 2026-12-07: 158 s at 81 % busy and
# 205 s at 75 %, 363 s one after the other; side by side see docs/testing.md).
# Each one's whole output is printed when both have ended (the distribution test's, then the SDK suite's), so the two
# do not interleave; a failure of either is summed up at the very end with its last lines, where a CI log's tail shows
# them (the whole outputs also in target/dist-test.out and target/sdk-contract.out).
set -uo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
mkdir -p target
# the SDKs' toolchains and ffmpeg may still be installing in the background (scripts/test-deps.sh) when the build ran
# without its black-box tests, which wait for them otherwise
scripts/test-deps.sh --wait || exit 1
start=$SECONDS
REELFORGE_CONTRACT_JOBS=2 sdks/contract/run.sh > target/sdk-contract.out 2>&1 &
sdk_pid=$!
$SUDO installer/tests/dist-test.sh > target/dist-test.out 2>&1 &
dist_pid=$!
echo "the SDK contract suite and the distribution test run side by side (outputs below when both have ended)"
# wait PID answers that job's exit status (no set -e here, so a failure does not end this script)
wait "$dist_pid"; dist=$?
echo "distribution test ended after $((SECONDS - start)) s"
wait "$sdk_pid"; sdk=$?
echo "SDK contract suite ended; both after $((SECONDS - start)) s"
for part in dist-test sdk-contract; do
  echo
  echo "=== the ${part} output (target/${part}.out):"
  cat "target/${part}.out"
done
for part in sdk-contract:$sdk dist-test:$dist; do
  if [ "${part#*:}" -ne 0 ]; then
    echo
    echo "=== ${part%%:*} failed; the steps it reached and what failed:"
    grep -E '^=== |FAILED|failed|FAIL|: ok' "target/${part%%:*}.out" | tail -n 12
    echo "=== its last lines (all of them in target/${part%%:*}.out):"
    tail -n 80 "target/${part%%:*}.out"
  fi
done
echo
echo "SDK contract suite: $([ "$sdk" -eq 0 ] && echo passed || echo "FAILED ($sdk)"); distribution test: $([ "$dist" -eq 0 ] && echo passed || echo "FAILED ($dist)")"
[ "$dist" -eq 0 ] && [ "$sdk" -eq 0 ]
