#!/usr/bin/env bash
# What `reelforge start` and `restart` say when the appliance does not come up, on an installed layout whose server
# is a stand-in (no Java): a server that exits at once (a release whose deployment failed: the bundle exits with
# status 3) is reported as a failed start within seconds, one that never answers as a timeout, one that answers as
# started; each failure names the log. Needs no root; make test runs it before the build.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/reelforge-cli-test.XXXXXX)
trap 'P=$W/p; [ -x "$P/opt/reelforge/current/bin/reelforge" ] && "$P/opt/reelforge/current/bin/reelforge" stop >/dev/null 2>&1; rm -rf "$W"' EXIT
fail() { echo "cli-start-test FAILED: $*" >&2; exit 1; }
P=$W/p
rel=$P/opt/reelforge/releases/0.0.0-test
mkdir -p "$rel/bin" "$rel/lib" "$P/etc/reelforge"
cp "$repo/packaging/src/dist/bin/reelforge" "$rel/bin/reelforge"
cp "$repo/installer/common.sh" "$rel/lib/common.sh"
ln -s releases/0.0.0-test "$P/opt/reelforge/current"
port=$(shuf -i 20000-32000 -n 1)
cat > "$P/etc/reelforge/reelforge.env" <<ENV
REELFORGE_PORT=$port
REELFORGE_USER=$(id -un)
REELFORGE_HEALTH_TIMEOUT=4
ENV
server() { # BODY: the stand-in for the launcher
  printf '#!/usr/bin/env bash\n%s\n' "$1" > "$rel/bin/reelforge-server"
  chmod +x "$rel/bin/reelforge-server"
}
cli() { "$rel/bin/reelforge" "$@"; }

# A start that fails: the process is gone long before the timeout.
server 'echo "Reelforge could not start: the application was not deployed"; exit 3'
t0=$(date +%s)
if out=$(cli start 2>&1); then fail "start of a failing server succeeded: $out"; fi
grep -q "started, but stopped before it was healthy (its start failed): see $P/var/lib/reelforge/logs/server.log" <<<"$out" \
  || fail "start did not say the start failed: $out"
grep -q "Reelforge could not start" "$P/var/lib/reelforge/logs/server.log" || fail "the server's own words are not in the log"
echo "failed start reported in $(( $(date +%s) - t0 )) s: $out"

# A server that runs but never answers: the timeout.
server 'exec sleep 60'
if out=$(cli restart 2>&1); then fail "restart of a silent server succeeded: $out"; fi
grep -q "restarted, but not healthy after 4 s: see " <<<"$out" || fail "restart did not say it timed out: $out"
echo "timeout reported: $out"
cli stop >/dev/null

# A server that answers as the appliance does (401 on the API without a key, 200 on /health): started.
server "exec python3 -c '
import http.server
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(401 if self.path.startswith(\"/v1/\") else 200); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer((\"127.0.0.1\", $port), H).serve_forever()'"
out=$(cli start 2>&1) || fail "start of a healthy server failed: $out"
[ "$out" = started ] || fail "start said: $out"
cli stop >/dev/null
echo "cli-start-test: all passed"
