#!/usr/bin/env bash
# Builds and installs the Java SDK (io.reelforge:reelforge-java:0.1.0, `mvn install` into the local Maven
# repository), then runs the contract scenarios (sdks/contract/SCENARIOS.md) of the separate contract-tests
# project, which depends on that installed jar, with JUnit 5 against the appliance named by REELFORGE_BASE_URL.
# Maven runs offline (-o) while ~/.m2 has everything (the appliance's build fetched the same versions); when it
# lacks something (a fresh machine: maven-install-plugin, say) that step is run again online, once.
# Extra arguments go to the contract run, e.g. ./test.sh -Dtest='ScenariosTest#s01*'.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
JAVA_HOME=$("$here/../../scripts/java-home.sh") || exit 1   # Maven on a JDK 21+ (the SDK itself targets 17)
export JAVA_HOME PATH=$JAVA_HOME/bin:$PATH
command -v mvn >/dev/null || { echo "java: mvn missing (apt-get install maven)" >&2; exit 1; }
command -v ffprobe >/dev/null || { echo "java: ffprobe missing (apt-get install ffmpeg)" >&2; exit 1; }
export REELFORGE_SDK_LANG=java
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# mvn_step <quiet:0|1> <mvn args…>: offline first; online again only if offline resolution was the problem.
mvn_step() {
  local quiet=$1; shift
  local q=(); [ "$quiet" = 1 ] && q=(-q)
  set +e
  mvn -o "${q[@]}" -B -Dstyle.color=never "$@" >"$log" 2>&1
  local rc=$?
  if [ $rc -ne 0 ] && grep -qE 'offline mode|has not been downloaded from it before|Cannot access .* in offline' "$log"; then
    echo "java: ~/.m2 lacks something; running this step online" >&2
    mvn "${q[@]}" -B -Dstyle.color=never "$@" >"$log" 2>&1
    rc=$?
  fi
  set -e
  return $rc
}

if ! mvn_step 1 -f "$here/pom.xml" clean install; then
  tail -60 "$log"
  echo "java: building and installing the SDK failed" >&2
  exit 1
fi
status=0
mvn_step 0 -f "$here/contract-tests/pom.xml" test "$@" || status=$?
grep -E 'Tests run:|FAIL|BUILD' "$log" | grep -v '^\[INFO\] *$' || true
if [ "$status" -ne 0 ]; then
  grep -vE '^\s+at |^\[INFO\] Download' "$log" | tail -80
fi
exit "$status"
