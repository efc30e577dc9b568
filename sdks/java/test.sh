#!/usr/bin/env bash
# Builds and installs the Java SDK (io.reelforge:reelforge-java:0.1.0, `mvn install` into the local Maven
# repository), then runs the contract scenarios (sdks/contract/SCENARIOS.md) of the separate contract-tests
# project, which depends on that installed jar, with JUnit 5 against the appliance named by REELFORGE_BASE_URL.
# Offline (-o) when ~/.m2 has the plugins; set REELFORGE_MVN_ONLINE=1 to let Maven download them once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v mvn >/dev/null || { echo "java: mvn missing (apt-get install maven)" >&2; exit 1; }
command -v ffprobe >/dev/null || { echo "java: ffprobe missing (apt-get install ffmpeg)" >&2; exit 1; }
offline=-o
[ "${REELFORGE_MVN_ONLINE:-}" = 1 ] && offline=
export REELFORGE_SDK_LANG=java

mvn $offline -q -B -Dstyle.color=never -f "$here/pom.xml" clean install
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
mvn $offline -B -Dstyle.color=never -f "$here/contract-tests/pom.xml" test "$@" 2>&1 \
  | tee "$log" \
  | grep -E 'Tests run:|FAIL|ERROR|expected|BUILD' | grep -v '^\[INFO\] *$'
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  tail -80 "$log"
fi
exit "$status"
