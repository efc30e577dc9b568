#!/usr/bin/env bash
# Boot time and idle memory of the installed appliance against a bare Payara Micro serving a hello-world WAR,
# both measured in this run on the same jlink runtime (make dist first). Installs the tarball into a temporary
# prefix (no root, no systemd), starts the appliance once (its first start after an install or upgrade creates the
# database and records the AOT cache: printed on its own line), then boots each RUNS times, alternating, and prints
# medians and ratios of those, and removes everything.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=$repo/packaging/target
RUNS=${RUNS:-3}
tarball=${TARBALL:-$(ls "$target"/reelforge-*-linux-x86_64.tar.gz 2>/dev/null | head -n1)} || true   # TARBALL=: another build's
[ -n "$tarball" ] || { echo "no distribution in $target: run 'make dist' first"; exit 1; }
W=$(mktemp -d /tmp/reelforge-bench.XXXXXX)
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$W"' EXIT
tar xzf "$tarball" -C "$W"
rel=$(ls -d "$W"/reelforge-*/)
port=$(shuf -i 20000-32000 -n 1)   # below the ephemeral range other processes get ports from
"$rel/install.sh" --prefix "$W/p" --port "$port" --no-start --min-free-gb 1 >/dev/null
java=$W/p/opt/reelforge/current/runtime/bin/java

mkdir -p "$W/hello/WEB-INF" && echo hello > "$W/hello/index.html"
(cd "$W/hello" && jar cf ../hello.war .)

now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
# The JVM's CPU time so far (user + system, ms): unlike wall time it hardly moves with what else the machine runs.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; }
boot() { # URL EXPECTED_CODE CONSOLE_URL|- CMD... -> prints "ms rss_mb console_ms cpu_ms"
  local url=$1 want=$2 console=$3; shift 3
  local t0; t0=$(now_ms)
  "$@" >"$W/boot.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")" = "$want" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$W/boot.log"; echo "bench: boot failed"; exit 1; }
    sleep 0.1
  done
  local t1 cpu; t1=$(now_ms); cpu=$(cpu_ms "$pid")   # the launcher execs the JVM: the same process
  local first=0   # the first console page a browser asks for after start-up (Vaadin's bootstrap page)
  if [ "$console" != - ]; then
    first=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 60 "$console")
    [ "${first%% *}" = 200 ] || { cat "$W/boot.log"; echo "bench: console answered ${first%% *}"; exit 1; }
    first=$(awk "BEGIN {printf \"%d\", ${first#* } * 1000}")
  fi
  sleep 30   # idle: start-up work (first jobs, JIT) settles, and G1's periodic collection (after 10 s without one) gives
             # back the heap start-up used: at 15 s a fast start was often still before it (840 MB, then 470-510 MB)
  local line; line="$((t1 - t0)) $(rss_mb "$pid") $first $cpu"
  echo "bench: $* -> $line (ms to healthy, idle MB, console ms, CPU ms)" | sed "s|$W/||g" >&2
  echo "$line"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$W/app" ; : > "$W/hello.txt"
appliance() {
  REELFORGE_ROOT=$W/p boot "http://127.0.0.1:$port/health/ready" 200 "http://127.0.0.1:$port/admin/" \
    "$W/p/opt/reelforge/current/bin/reelforge-server"
}
appliance > "$W/first"
for i in $(seq 1 "$RUNS"); do
  appliance >> "$W/app"
  boot "http://127.0.0.1:$port/index.html" 200 - "$java" -Xmx4g -jar "$target/payara-micro.jar" --deploy "$W/hello.war" \
    --contextroot / --port "$port" --nocluster --disablephonehome >> "$W/hello.txt"
done
app_ms=$(cut -d' ' -f1 "$W/app" | median); app_rss=$(cut -d' ' -f2 "$W/app" | median)
hello_ms=$(cut -d' ' -f1 "$W/hello.txt" | median); hello_rss=$(cut -d' ' -f2 "$W/hello.txt" | median)
console_ms=$(cut -d' ' -f3 "$W/app" | median)
app_cpu=$(cut -d' ' -f4 "$W/app" | median); hello_cpu=$(cut -d' ' -f4 "$W/hello.txt" | median)
read -r first_ms _ _ first_cpu < "$W/first"
echo "DistBootBench ($RUNS restarts each, alternating, medians; before them the appliance's first start after install)"
printf '  first start       : appliance %6d ms (CPU %d ms): creates the database, records the AOT cache, once per install or upgrade\n' \
  "$first_ms" "$first_cpu"
printf '  boot to healthy   : appliance %6d ms   bare Payara Micro hello-world %6d ms   ratio %.2fx\n' \
  "$app_ms" "$hello_ms" "$(awk "BEGIN {print $app_ms / $hello_ms}")"
printf '  CPU to healthy    : appliance %6d ms   bare Payara Micro hello-world %6d ms   ratio %.2fx (user+sys; steadier than wall time on a busy machine)\n' \
  "$app_cpu" "$hello_cpu" "$(awk "BEGIN {print $app_cpu / $hello_cpu}")"
printf '  idle RSS after 30s: appliance %6d MB   bare Payara Micro hello-world %6d MB   ratio %.2fx\n' \
  "$app_rss" "$hello_rss" "$(awk "BEGIN {print $app_rss / $hello_rss}")"
printf '  first console page: appliance %6d ms (GET /admin/ right after start-up; goal < 2000 ms)\n' "$console_ms"
