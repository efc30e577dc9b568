#!/usr/bin/env bash
# Builds the Go SDK's module artefact (a Go module proxy folder with v0.1.0.{info,mod,zip}), installs it from
# that artefact into a throwaway module cache, and runs the contract scenarios (sdks/contract/SCENARIOS.md)
# with `go test` against the appliance named by REELFORGE_BASE_URL and the keys of SDK.md.
# Standalone: set the REELFORGE_* variables (see README.md) and run sdks/go/test.sh. Nothing reaches the network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
command -v go >/dev/null || { echo "go: missing toolchain (apt-get install golang-go)" >&2; exit 1; }
command -v ffprobe >/dev/null || { echo "go: ffprobe missing (apt-get install ffmpeg)" >&2; exit 1; }

tmp=$(mktemp -d)
cleanup() { chmod -R u+w "$tmp" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

export GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off GONOSUMDB=github.com/reelforge GOTOOLCHAIN=local
export GOMODCACHE="$tmp/modcache"

# 1. the SDK's own checks (stdlib only, no dependencies)
(cd "$here" && go vet ./... && go test -count=1 ./...)

# 2. the artefact
rm -rf "$here/dist"
(cd "$here/tools/modzip" && go run . -version v0.1.0 -out "$here/dist/proxy" "$here")

# 3. a consumer module that installs github.com/reelforge/reelforge-go v0.1.0 from the artefact only
cp -r "$here/contract" "$tmp/contract"
export GOPROXY="file://$here/dist/proxy"
export REELFORGE_GO_SDK_DIR="$here" REELFORGE_SDK_LANG=go
cd "$tmp/contract"
go mod download github.com/reelforge/reelforge-go
set +e
go test -count=1 -v -timeout 280s "$@" ./... 2>&1 | tee "$tmp/go-test.log" | grep -E '^(--- |\s+--- |ok|FAIL|PASS|panic)'
status=${PIPESTATUS[0]}
set -e
passed=$(grep -cE '^--- PASS' "$tmp/go-test.log" || true)
failed=$(grep -cE '^--- FAIL' "$tmp/go-test.log" || true)
echo "go: $passed scenarios passed, $failed failed"
if [ "$status" -ne 0 ]; then
  grep -vE '^(=== RUN|--- PASS|\s+--- PASS)' "$tmp/go-test.log" | tail -40
fi
exit "$status"
