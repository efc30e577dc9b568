#!/usr/bin/env bash
# Starts the built bundle in the foreground on the embedded default: Derby under $DATA/db, clips under
# $DATA/outputs, the sandbox engine, and no settings file unless REELFORGE_CONFIG_FILE names one (an installed
# /etc/reelforge/reelforge.properties is the installed service's, not this one's). On first start it prints a demo API key and a curl line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-8080}
DATA=${DATA:-$PWD/data}
JAR=${JAR:-$here/target/reelforge.jar}
[ -f "$JAR" ] || { echo "no $JAR: run 'make run' (or 'mvn -DskipTests install') first" >&2; exit 1; }
mkdir -p "$DATA"
java_home=$("$here/../scripts/java-home.sh") || exit 1
java=$java_home/bin/java
if [ "$(id -u)" = 0 ]; then
  echo "warning: running as root: the appliance (and its console's admins) could then write anywhere on this host;" >&2
  echo "         start it as an ordinary user (the installed service runs as its own 'reelforge' user)" >&2
fi
# The optional HTTPS listener: REELFORGE_HTTPS_PORT, REELFORGE_TLS_CERT and REELFORGE_TLS_KEY (PEM), as installed.
# shellcheck source=../installer/common.sh
. "$here/../installer/common.sh"
tls_opts=$(rf_tls_opts "$DATA") || exit 1
rf_ports_free "$PORT" "${REELFORGE_HTTPS_PORT:-}" || exit 1
# The terminal shows a short start: the banner with the keys, Reelforge's own lines and every warning or error
# (packaging/console-filter.awk); everything, Payara's and Liquibase's INFO records included, goes to the log file.
mkdir -p "$DATA/logs"
log=$DATA/logs/reelforge.log
echo "Reelforge: starting on http://localhost:$PORT${REELFORGE_HTTPS_PORT:+ and https://localhost:$REELFORGE_HTTPS_PORT} (data in $DATA) ..."
echo "           the full log is $log"
echo "==== $(date -u +%Y-%m-%dT%H:%M:%SZ) packaging/run.sh: start on port $PORT" >> "$log"
# Ctrl-C reaches the whole pipeline: the log writer and the filter ignore it, so they keep reading while the
# appliance shuts down and log its last lines, and end when it closes its output.
set +e
# shellcheck disable=SC2086
"$java" $(rf_memory_opts) ${JAVA_OPTS:--Xmx2g} $(rf_jdk_opts "$java_home") $tls_opts \
  -Dreelforge.data-dir="$DATA" \
  -Dreelforge.config-file="${REELFORGE_CONFIG_FILE:-/dev/null}" \
  -Dreelforge.public-url="${REELFORGE_PUBLIC_URL:-http://localhost:$PORT}" \
  -Dorg.bytedeco.javacpp.cachedir="$DATA/cache/javacpp" \
  -Dderby.stream.error.file="$DATA/derby.log" \
  -jar "$JAR" --port "$PORT" $(rf_tls_args) --nocluster --disablephonehome 2>&1 \
  | (trap '' INT TERM; exec tee -a "$log") \
  | (trap '' INT TERM; exec awk -f "$here/console-filter.awk")
status=${PIPESTATUS[0]}
set -e
case $status in
  0|130|143) echo "Reelforge stopped (the full log is $log)"; exit 0 ;;   # Ctrl-C or a TERM
  *) echo "Reelforge stopped with status $status: the full log is $log" >&2; exit "$status" ;;
esac
