#!/usr/bin/env bash
# Throughput of two appliances sharing one PostgreSQL database and one output root against one appliance, on the
# same jobs, printed as a ratio (goal: >= 1.8). Needs the bundle (packaging/target/reelforge.jar: make build) and
# a PostgreSQL server where the current user may createdb (PGHOST, default 127.0.0.1; PGUSER, default postgres).
#
# The render is of fixed cost and waits rather than computes, so the ratio measures the cluster (claims, slots
# per node, heartbeats) and not the CPUs of a small machine: the sandbox engine with
# reelforge.engine.sandbox.min-render-time (each render takes at least that long, the wait spread over its frames)
# and reelforge.engine.sandbox.fps=8 (few frames to encode). JOBS jobs (default 24) on SLOTS slots per node
# (default 2), each at least RENDER long (default PT8S); the clock runs from the first submission to the last
# completion, with every node already up.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$repo/packaging/target/reelforge.jar
[ -f "$jar" ] || { echo "no bundle at $jar: run 'make build' first"; exit 1; }
JOBS=${JOBS:-24}
SLOTS=${SLOTS:-2}
RENDER=${RENDER:-PT8S}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
W=$(mktemp -d /tmp/reelforge-cluster-bench.XXXXXX)
pids=()
dbs=()
cleanup() {
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  for d in "${dbs[@]}"; do dropdb --if-exists --force "$d" 2>/dev/null || true; done
  rm -rf "$W"
}
trap cleanup EXIT

b64() { head -c "$1" /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
key="rf_live_$(b64 9)$(b64 32)"
now_ms() { date +%s%3N; }

# run NODES -> sets elapsed: the seconds from the first submission to the last completion
run() {
  local nodes=$1 db="rf_bench_cluster_$$_$1"
  dbs+=("$db")
  createdb "$db"
  mkdir -p "$W/$nodes/shared"
  local ports=()
  for i in $(seq 1 "$nodes"); do
    local port; port=$(shuf -i 20000-32000 -n 1)
    ports+=("$port")
    mkdir -p "$W/$nodes/node$i"
    java -Xmx1g -Dreelforge.data-dir="$W/$nodes/node$i" -Dreelforge.config-file=/dev/null \
      -Dreelforge.node-id="bench-$i" -Dreelforge.db.url="jdbc:postgresql://$PGHOST:5432/$db" -Dreelforge.db.user="$PGUSER" \
      -Dreelforge.storage.root="$W/$nodes/shared" -Dreelforge.demo.api-key="$key" -Dreelforge.demo.grant=1000000 \
      -Dreelforge.render.slots="$SLOTS" -Dreelforge.engine.sandbox.min-render-time="$RENDER" -Dreelforge.engine.sandbox.fps=8 \
      -Dreelforge.quota.concurrent-jobs=1000 -Dreelforge.ratelimit.requests-per-minute=100000 \
      -Dorg.bytedeco.javacpp.cachedir="$W/javacpp" \
      -jar "$jar" --port "$port" --nocluster --disablephonehome >"$W/$nodes/node$i.log" 2>&1 &
    pids+=("$!")
    # one at a time: the first migrates the schema and seeds the demo account the others share
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "Authorization: Bearer $key" \
        "http://127.0.0.1:$port/v1/account")" = 200 ]; do
      kill -0 "${pids[-1]}" 2>/dev/null || { tail -50 "$W/$nodes/node$i.log"; echo "bench: node $i did not start"; exit 1; }
      sleep 0.5
    done
  done
  local t0; t0=$(now_ms)
  for j in $(seq 1 "$JOBS"); do
    local port=${ports[$(( (j - 1) % nodes ))]}
    curl -s -o /dev/null -X POST "http://127.0.0.1:$port/v1/video/generate" -H "Authorization: Bearer $key" \
      -H "Content-Type: application/json" -d "{\"prompt\": \"bench clip $j, a slow pan over a harbour\", \"resolution\": \"720p\"}"
  done
  until [ "$(psql -d "$db" -tAc "select count(*) from rf_generation where status in ('COMPLETED', 'FAILED', 'CANCELED')")" = "$JOBS" ]; do
    sleep 0.2
  done
  local t1; t1=$(now_ms)
  local failed; failed=$(psql -d "$db" -tAc "select count(*) from rf_generation where status <> 'COMPLETED'")
  [ "$failed" = 0 ] || { echo "bench: $failed job(s) did not complete"; exit 1; }
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
  elapsed=$(echo "scale=2; ($t1 - $t0) / 1000" | bc)
}

run 1
one=$elapsed
run 2
two=$elapsed
echo "cluster throughput: $JOBS jobs of at least $RENDER on $SLOTS slots per node"
echo "  1 node : $one s  ($(echo "scale=3; $JOBS / $one" | bc) jobs/s)"
echo "  2 nodes: $two s  ($(echo "scale=3; $JOBS / $two" | bc) jobs/s)"
echo "  ratio 2 nodes / 1 node: $(echo "scale=2; $one / $two" | bc) (goal >= 1.8)"
