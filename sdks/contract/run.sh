#!/usr/bin/env bash
# The SDK contract suite (sdks/contract/SCENARIOS.md): boots ONE appliance from the build (packaging/target),
# provisions fresh accounts and keys per language through the admin accounts API, starts the drop-once proxy,
# and runs sdks/<lang>/test.sh for each language. Prints one line per language and a final "N passed, N failed".
#
#   sdks/contract/run.sh                  # all six: python node php ruby go java
#   sdks/contract/run.sh python node      # some of them
#
# Environment (all optional):
#   REELFORGE_JAR                      start from this uber jar instead of the build's launcher root (without a
#                                      launcher root: packaging/target/reelforge.jar)
#   REELFORGE_CONTRACT_BASE_URL        use this running appliance instead of booting one; then
#                                      REELFORGE_ADMIN_USER / REELFORGE_ADMIN_PASSWORD must be a console admin
#                                      whose password is already changed
#   REELFORGE_CONTRACT_NO_PROVISION=1  with REELFORGE_CONTRACT_BASE_URL: use the REELFORGE_*_KEY variables as
#                                      they are set (every language shares them) instead of provisioning
#   REELFORGE_CONTRACT_WORK            work folder (default target/sdk-contract): data dir, logs, per-language logs
#   REELFORGE_CONTRACT_LANG_TIMEOUT    seconds one language's test.sh may take (default 600)
#   REELFORGE_CONTRACT_BOOT_TIMEOUT    seconds the appliance may take to start (default 360)
#   REELFORGE_CONTRACT_JOBS            languages run at once (default 1; each has its own accounts and proxy)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLBOX=$ROOT/sdks/contract/toolbox
if [ $# -gt 0 ]; then LANGS=("$@"); else LANGS=(python node php ruby go java); fi
JAR=${REELFORGE_JAR:-$ROOT/packaging/target/reelforge.jar}
JAVA_HOME=$("$ROOT/scripts/java-home.sh") || exit 2   # a JDK 21+ for the appliance and the Java SDK
export JAVA_HOME PATH=$JAVA_HOME/bin:$PATH
java=$JAVA_HOME/bin/java
WORK=${REELFORGE_CONTRACT_WORK:-$ROOT/target/sdk-contract}
LANG_TIMEOUT=${REELFORGE_CONTRACT_LANG_TIMEOUT:-600}
BOOT_TIMEOUT=${REELFORGE_CONTRACT_BOOT_TIMEOUT:-360}
JOBS=${REELFORGE_CONTRACT_JOBS:-1}
RUN_ID=$(date +%Y%m%d%H%M%S)-$$

say() { printf 'contract: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 2; }

for tool in python3 curl timeout; do
  command -v "$tool" >/dev/null || die "$tool is needed (scripts/test-deps.sh installs the toolchains)"
done
command -v ffprobe >/dev/null || die "ffprobe is needed: every SDK checks its MP4s with it (apt-get install ffmpeg)"

mkdir -p "$WORK/logs" || die "cannot create $WORK"
APPLIANCE_PID="" DATA=""
rm -f "$WORK/pids"

stop_all() {
  local rc=$?
  local pid
  for pid in $(cat "$WORK/pids" 2>/dev/null); do kill "$pid" 2>/dev/null; done
  rm -f "$WORK/pids"
  if [ -n "$APPLIANCE_PID" ] && kill -0 "$APPLIANCE_PID" 2>/dev/null; then
    say "stopping the appliance (pid $APPLIANCE_PID)"
    kill -TERM "$APPLIANCE_PID" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$APPLIANCE_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$APPLIANCE_PID" 2>/dev/null && kill -KILL "$APPLIANCE_PID" 2>/dev/null
    wait "$APPLIANCE_PID" 2>/dev/null
    # a passing run leaves only its logs; a failing one keeps the appliance's data for a look
    [ "$rc" -eq 0 ] && rm -rf "$DATA"
  fi
  exit $rc
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
random_token() { python3 -c 'import secrets; print(secrets.token_urlsafe(int("'"$1"'")))'; }

# ---- 1. the appliance ------------------------------------------------------------------------------------------
if [ -n "${REELFORGE_CONTRACT_BASE_URL:-}" ]; then
  BASE_URL=${REELFORGE_CONTRACT_BASE_URL%/}
  ADMIN_USER=${REELFORGE_ADMIN_USER:?REELFORGE_ADMIN_USER is needed with REELFORGE_CONTRACT_BASE_URL}
  ADMIN_PASSWORD=${REELFORGE_ADMIN_PASSWORD:?REELFORGE_ADMIN_PASSWORD is needed with REELFORGE_CONTRACT_BASE_URL}
  say "using the running appliance at $BASE_URL"
else
  [ -f "$JAR" ] || die "no $JAR: build the bundle first (mvn -pl packaging -am package -DskipTests -Ddist.skip=true)"
  PORT=$(free_port)
  BASE_URL=http://127.0.0.1:$PORT
  DATA=$WORK/appliance-$RUN_ID
  mkdir -p "$DATA"
  LOG=$WORK/logs/appliance.log
  DEMO_KEY=rf_live_$(random_token 9)$(random_token 32)
  # From the launcher root the build makes (packaging/target/launch-jar/root: Payara Micro's runtime jars, as an
  # installed release's launcher starts), with the AOT cache the black-box tests recorded beside it when it is there:
  # a start of some 10 s of CPU instead of about 20 s from the uber jar, which Payara Micro unpacks at every start.
  # REELFORGE_JAR set, or no launcher root: from the uber jar.
  LAUNCH_ROOT=$ROOT/packaging/target/launch-jar/root
  if [ -z "${REELFORGE_JAR:-}" ] && [ -f "$LAUNCH_ROOT/reelforge-launch.jar" ] && [ -f "$ROOT/packaging/target/ROOT.war" ]; then
    mkdir -p "$DATA/micro"
    for part in config lib docroot; do cp -r "$LAUNCH_ROOT/$part" "$DATA/micro/"; done
    START=(-jar "$LAUNCH_ROOT/reelforge-launch.jar" --deploy "$ROOT/packaging/target/ROOT.war" --contextroot / --rootdir "$DATA/micro")
    AOT=$ROOT/packaging/target/launch-jar/reelforge-it.aot
    [ -f "$AOT" ] && START=(-XX:AOTCache="$AOT" -Xlog:aot=error "${START[@]}")
  else
    START=(-jar "$JAR")
  fi
  # The tests' appliances' JVM options (packaging's Appliance.java): the client compiler alone, the serial collector.
  "$java" -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
    -Dreelforge.data-dir="$DATA" \
    -Dreelforge.config-file=/dev/null \
    -Dreelforge.demo.api-key="$DEMO_KEY" \
    -Dreelforge.public-url="$BASE_URL" \
    -Dderby.stream.error.file="$DATA/derby.log" \
    -Dorg.bytedeco.javacpp.cachedir="$WORK/javacpp-cache" \
    -Dreelforge.webhooks.allow-addresses=127.0.0.1 \
    -Dreelforge.engine.sandbox.min-render-time=PT2S \
    -Dreelforge.render.slots=2 \
    "${START[@]}" --port "$PORT" --nocluster --disablephonehome >"$LOG" 2>&1 &
  APPLIANCE_PID=$!
  say "booting the appliance on $BASE_URL (pid $APPLIANCE_PID, log $LOG)"
  start=$SECONDS
  until curl -sf -o /dev/null -m 5 "$BASE_URL/v1/account" -H "Authorization: Bearer $DEMO_KEY"; do
    if ! kill -0 "$APPLIANCE_PID" 2>/dev/null; then tail -n 60 "$LOG" >&2; die "the appliance exited at start-up"; fi
    if [ $((SECONDS - start)) -ge "$BOOT_TIMEOUT" ]; then tail -n 60 "$LOG" >&2; die "the appliance was not ready in $BOOT_TIMEOUT s"; fi
    sleep 1
  done
  say "appliance ready in $((SECONDS - start)) s"

  # ---- 2. the first admin: read the printed password, replace it -----------------------------------------------
  ADMIN_USER=$(sed -n 's/^ *user *: *\(.*\)$/\1/p' "$LOG" | head -n 1)
  PRINTED=$(sed -n 's/^ *password *: *\(\S*\).*$/\1/p' "$LOG" | head -n 1)
  [ -n "$ADMIN_USER" ] && [ -n "$PRINTED" ] || die "no first-admin banner (user / password) in $LOG"
  ADMIN_PASSWORD=$(random_token 24)
  body=$(python3 -c 'import json,sys; print(json.dumps({"current": sys.argv[1], "password": sys.argv[2]}))' "$PRINTED" "$ADMIN_PASSWORD")
  code=$(curl -s -o "$WORK/logs/admin-password.out" -w '%{http_code}' -m 30 -u "$ADMIN_USER:$PRINTED" \
    -X POST "$BASE_URL/v1/admin/password" -H 'Content-Type: application/json' -d "$body")
  [ "$code" = 204 ] || die "changing the first admin's password answered $code: $(cat "$WORK/logs/admin-password.out")"
fi

# ---- 3. each language: its accounts, its own drop-once proxy, its test.sh --------------------------------------
# run_lang LANG: writes "<exit code> <seconds>" to $WORK/results/LANG; the output goes to $WORK/logs/LANG.log
run_lang() {
  local lang=$1 log=$WORK/logs/$1.log start=$SECONDS rc keys proxy_pid proxy_port
  local test_sh=$ROOT/sdks/$lang/test.sh
  if [ ! -x "$test_sh" ]; then
    echo "no executable sdks/$lang/test.sh" >"$log"
    echo "127 0" >"$WORK/results/$lang"
    return
  fi
  if [ "${REELFORGE_CONTRACT_NO_PROVISION:-}" = 1 ] && [ -n "${REELFORGE_CONTRACT_BASE_URL:-}" ]; then
    keys=$(for v in REELFORGE_API_KEY REELFORGE_QUOTA1_KEY REELFORGE_BROKE_KEY REELFORGE_RESTRICTED_KEY; do
             printf 'export %s=%q\n' "$v" "${!v:-}"; done)
  else
    keys=$(python3 "$TOOLBOX/provision.py" --base-url "$BASE_URL" --user "$ADMIN_USER" --password "$ADMIN_PASSWORD" \
             --lang "$lang" --run-id "$RUN_ID" 2>"$log")
  fi
  if [ -z "$keys" ]; then
    echo "provisioning the accounts failed (above)" >>"$log"
    echo "3 $((SECONDS - start))" >"$WORK/results/$lang"
    return
  fi
  # one proxy per language, so its drop count (S04) is this language's alone even when languages run in parallel.
  # Its output file is emptied here first: the proxy's own redirection happens in the child, after the fork, and the
  # wait below could otherwise read an earlier run's "listening on" line (then find the port gone).
  : >"$WORK/logs/$lang.proxy.out"
  python3 -u "$TOOLBOX/flaky_proxy.py" --target "$BASE_URL" >"$WORK/logs/$lang.proxy.out" 2>"$WORK/logs/$lang.proxy.log" &
  proxy_pid=$!
  echo "$proxy_pid" >>"$WORK/pids"
  for _ in $(seq 1 100); do grep -q '^listening on' "$WORK/logs/$lang.proxy.out" 2>/dev/null && break; sleep 0.1; done
  proxy_port=$(sed -n 's/^listening on \([0-9]*\)$/\1/p' "$WORK/logs/$lang.proxy.out")
  if [ -z "$proxy_port" ]; then
    { echo "the drop-once proxy did not start:"; cat "$WORK/logs/$lang.proxy.log"; } >"$log"
    echo "4 $((SECONDS - start))" >"$WORK/results/$lang"
    kill "$proxy_pid" 2>/dev/null
    return
  fi
  say "$lang: running sdks/$lang/test.sh (log $log)"
  (
    eval "$keys"
    export REELFORGE_BASE_URL=$BASE_URL REELFORGE_FLAKY_URL=http://127.0.0.1:$proxy_port REELFORGE_SDK_LANG=$lang
    export REELFORGE_ADMIN_USER=$ADMIN_USER REELFORGE_ADMIN_PASSWORD=$ADMIN_PASSWORD
    cd "$ROOT/sdks/$lang" && exec timeout --kill-after=10 "$LANG_TIMEOUT" ./test.sh
  ) >>"$log" 2>&1 </dev/null
  rc=$?
  kill "$proxy_pid" 2>/dev/null
  wait "$proxy_pid" 2>/dev/null
  echo "$rc $((SECONDS - start))" >"$WORK/results/$lang"
}

rm -rf "$WORK/results" && mkdir -p "$WORK/results"
if [ "$JOBS" -le 1 ]; then
  for lang in "${LANGS[@]}"; do run_lang "$lang"; done
else
  say "running up to $JOBS languages at once"
  for lang in "${LANGS[@]}"; do
    while [ "$(jobs -rp | grep -vxF "$APPLIANCE_PID" | wc -l)" -ge "$JOBS" ]; do wait -n; done
    run_lang "$lang" &
  done
  for pid in $(jobs -rp); do [ "$pid" = "$APPLIANCE_PID" ] || wait "$pid"; done
fi

# ---- 4. the summary --------------------------------------------------------------------------------------------
passed=0 failed=0 summary=()
for lang in "${LANGS[@]}"; do
  log=$WORK/logs/$lang.log
  read -r rc took <"$WORK/results/$lang" 2>/dev/null || { rc=1; took=0; }
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    summary+=("$lang: ok ($took s)")
  else
    failed=$((failed + 1))
    why="exit $rc"
    case $rc in 124|137) why="timed out after $LANG_TIMEOUT s";; 127) why="no sdks/$lang/test.sh";; 3) why="provisioning failed";; esac
    summary+=("$lang: FAILED ($why, $took s, log $log)")
    say "$lang FAILED ($why); last lines of $log:"
    tail -n 40 "$log" | sed "s/^/  $lang| /" >&2
  fi
done

echo
for line in "${summary[@]}"; do echo "$line"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
