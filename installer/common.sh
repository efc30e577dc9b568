# Shared by install.sh, the reelforge CLI and the Debian maintainer scripts: where things live, and how to
# start, stop, health-check, back up and restore the appliance. Sourced, never run.
#
# RF_ROOT is the install prefix ("" for a real install, /some/dir for --prefix). Everything is under it:
#   $RF_ROOT/opt/reelforge/releases/<version>/   a release (runtime, jar, natives, CLI); current -> the active one
#   $RF_ROOT/etc/reelforge/reelforge.env          the launcher's settings (data dir, port, user), 0640
#   $RF_ROOT/etc/reelforge/reelforge.properties   the appliance's settings (docs/configuration.md), 0640
#   $RF_ROOT/var/lib/reelforge/                   Derby (db/), models, keys, backups, run/ (pid, ops token)

rf_paths() {
  RF_OPT=$RF_ROOT/opt/reelforge
  RF_ETC=$RF_ROOT/etc/reelforge
  RF_ENV_FILE=$RF_ETC/reelforge.env
  RF_UNIT=$RF_ROOT/etc/systemd/system/reelforge.service
  RF_CLI_LINK=$RF_ROOT/usr/bin/reelforge
}

rf_die() { echo "reelforge: $*" >&2; exit 1; }
rf_log() { echo "reelforge: $*"; }

# The launcher's settings; defaults match what install.sh writes.
rf_load_env() {
  REELFORGE_DATA_DIR=$RF_ROOT/var/lib/reelforge
  REELFORGE_PORT=8080
  REELFORGE_USER=reelforge
  REELFORGE_HEALTH_TIMEOUT=${REELFORGE_HEALTH_TIMEOUT:-240}
  # shellcheck disable=SC1090
  if [ -r "$RF_ENV_FILE" ]; then . "$RF_ENV_FILE"; fi
  RF_DATA=$REELFORGE_DATA_DIR
  RF_PORT=$REELFORGE_PORT
  RF_USER=$REELFORGE_USER
}

# The JVM options that point JavaCPP and DJL at a release's natives (unpacked there at install time, read-only
# at run time) and keep DJL offline; the launcher and the installer's check use the same ones.
# JDK 21+ options of every launch: DJL, JavaCPP and the tokenizers load native libraries through JNI, which JDK 24+
# warns about unless it is allowed for the class path; and Payara's Hazelcast (shaded JCTools) reads fields
# through sun.misc.Unsafe, which JDK 24+ warns about unless allowed (the option does not exist before 23). The
# WARNING lines would otherwise open every start.
rf_jdk_opts() { # JAVA_HOME
  local feature
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  echo "--enable-native-access=ALL-UNNAMED"
  [ "${feature:-0}" -lt 23 ] || echo "--sun-misc-unsafe-memory-access=allow"
}

# The appliance server's heap behaviour (before JAVA_OPTS, which can override any of it). After start-up the live
# heap is about 100 MB, but G1 keeps what start-up committed (1.2 GB of a 4 GB -Xmx): an idle appliance held
# 1,000 MB of memory. A concurrent cycle after 10 s without a collection, and giving back committed heap above
# 30 % free, return it (JEP 346): idle RSS about 550 MB, measured by bench/dist-boot.sh. Under load collections
# run anyway, so neither option adds work; heap growth under load is unchanged (G1 sizes it by GC time).
rf_memory_opts() {
  echo "-XX:+UseG1GC -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
}

# Payara Micro's root directory for a release, made on the release's first start under DATA_DIR/cache/payara/
# (Payara writes its domain, logs and deployed application there, so it cannot live in the read-only release):
# the release's uber jar unpacked by Payara Micro itself (--outputlauncher), started through the release's
# lib/reelforge-launch.jar, which is Payara's launcher jar for that uber jar (its class path names the runtime jars)
# with ApplianceMain as main class (a start that does not end with the application deployed ends the process, as
# from the uber jar). Started that way, Payara's classes come from the JVM's application class loader rather than
# from the uber jar's own, so an AOT cache can hold them (rf_aot_opts). The root is made again when the release jar
# or the root's own path changed (a release reinstalled under the same name, a moved data dir), which also drops its
# AOT cache; the roots of releases no longer installed beside it are removed (the one an upgrade would roll back to
# keeps its root and cache, so a rollback starts from them). Prints the directory.
rf_micro_root() { # RELEASE_DIR DATA_DIR
  local release=$1 base=$2/cache/payara name dir tmp other stamp
  name=$(basename "$release")
  dir=$base/$name
  stamp="$(stat -L -c '%s %Y %i' "$release/lib/reelforge.jar") $dir" || return 1
  if [ "$(cat "$dir/.complete" 2>/dev/null)" != "$stamp" ]; then
    tmp=$base/.$name.$$
    rm -rf "$tmp" "$dir" && mkdir -p "$base" || return 1
    "$release/runtime/bin/java" -jar "$release/lib/reelforge.jar" --rootdir "$tmp" --outputlauncher \
      >"$tmp.log" 2>&1 && [ -f "$tmp/launch-micro.jar" ] \
      || { cat "$tmp.log" >&2; rm -rf "$tmp" "$tmp.log"; echo "reelforge: could not unpack Payara Micro into $tmp" >&2; return 1; }
    rm -f "$tmp.log"
    # The release's launcher (reelforge-launch.jar: Payara's, with ApplianceMain as main class) replaces Payara's own.
    rm -f "$tmp/launch-micro.jar"
    cp -a "$tmp/config" "$tmp/.config" && cp "$release/lib/reelforge-launch.jar" "$tmp/" || return 1
    echo "$stamp" > "$tmp/.complete" && mv "$tmp" "$dir" || return 1
  fi
  # Each start begins from the root's first state, as from the uber jar's fresh temporary root: Payara records an
  # application deployed from the command line in its domain.xml and would deploy it a second time at the next start.
  rm -rf "$dir/config" "$dir/applications" "$dir/generated" "$dir/autodeploy" "$dir/logs" \
    && cp -a "$dir/.config" "$dir/config" || return 1
  for other in "$base"/*; do
    [ "$other" = "$dir" ] || [ ! -d "$other" ] || [ -d "$(dirname "$release")/$(basename "$other")" ] || rm -rf "$other"
  done
  echo "$dir"
}

# The AOT cache of a Payara Micro root (JDK 25, JEP 483/514/515: the classes a start loads, kept loaded and linked,
# with their method profiles). The first start from a root records them (-XX:AOTCacheOutput) and the JVM writes
# the cache when that run ends (a stop or restart takes some 20-30 s longer, once); later starts map it. The cache
# is made where it is used, on this runtime and this class path: one made elsewhere and moved made Payara use the
# training's root directory (the archived classes keep their code source). A cache the JVM cannot use (a changed
# runtime or class path, a file cut short) is reported with an [error][aot] line and ignored; REELFORGE_AOT=off in
# reelforge.env neither records nor uses one. Nor does a start with the HTTPS listener: the JVM that writes the cache
# prints the options it was given, the keystore's password among them (rf_tls_opts).
# The cache is recorded again when JAVA_OPTS changed since it was (a heap size, a collector): one the JVM ignored
# would otherwise never be replaced.
rf_aot_opts() { # MICRO_ROOT JAVA_OPTS
  [ "${REELFORGE_AOT:-on}" != off ] && [ -z "${REELFORGE_HTTPS_PORT:-}" ] || return 0
  if [ -s "$1/reelforge.aot" ] && [ "$(cat "$1/reelforge.aot.opts" 2>/dev/null)" = "$2" ]; then
    echo "-XX:AOTCache=$1/reelforge.aot -Xlog:aot=error"
  else
    rm -f "$1/reelforge.aot" && echo "$2" > "$1/reelforge.aot.opts" || return 0
    echo "-XX:AOTCacheOutput=$1/reelforge.aot -Xlog:aot=error"
  fi
}

# Refuses a port something already listens on, before the JVM starts: Payara Micro would log the bind error,
# say "Shutting down" and keep the process running with nothing served.
rf_ports_free() { # PORT...
  local p
  for p in "$@"; do
    [ -n "$p" ] || continue
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "reelforge: port $p is already in use (another Reelforge, or another server): stop it or choose another port" >&2
      return 1
    fi
  done
}

rf_native_opts() { # RELEASE_DIR DATA_DIR
  local flavor torch
  if [ -n "${REELFORGE_LIBTORCH_DIR:-}" ]; then
    rf_libtorch_opts "$1"
  else
    flavor=$(cat "$1/lib/natives/FLAVOR")
    torch=$(ls -d "$1"/natives/djl/pytorch/*-"$flavor"-linux-x86_64 2>/dev/null | head -n1 || true)
    torch=$(basename "${torch:-unknown-$flavor-linux-x86_64}")
    echo "-DPYTORCH_FLAVOR=$flavor -DPYTORCH_VERSION=${torch%-"$flavor"-linux-x86_64}"
  fi
  echo "-Dorg.bytedeco.javacpp.cachedir=$1/natives/javacpp -DENGINE_CACHE_DIR=$1/natives/djl" \
    "-DDJL_CACHE_DIR=$2/cache/djl -Dai.djl.offline=true"
}

# An administrator's libtorch (install.sh --libtorch): "VERSION FLAVOR" (e.g. "2.7.1 cu128"), or why it cannot
# be used. The release's DJL binding (pytorch-jni 2.7.1) exists for 2.7.1 only, on the CPU and CUDA 12.8.
# Payara Micro's options for the optional HTTPS listener, from the operator's PEM certificate (chain) and key
# (REELFORGE_HTTPS_PORT, REELFORGE_TLS_CERT, REELFORGE_TLS_KEY in reelforge.env): rebuilt into a PKCS#12 keystore
# under DATA_DIR/run at every start, so a renewed certificate takes effect with a restart. Nothing when unset.
rf_tls_opts() { # DATA_DIR: the JVM options (before -jar)
  [ -n "${REELFORGE_HTTPS_PORT:-}" ] || return 0
  [ -r "${REELFORGE_TLS_CERT:-}" ] && [ -r "${REELFORGE_TLS_KEY:-}" ] \
    || rf_die "REELFORGE_HTTPS_PORT is set: REELFORGE_TLS_CERT and REELFORGE_TLS_KEY must name a readable PEM certificate and key"
  command -v openssl >/dev/null || rf_die "the HTTPS listener needs openssl to read the PEM certificate and key"
  local run=$1/run pass
  (umask 077; mkdir -p "$run"
    [ -s "$run/tls.pass" ] || openssl rand -hex 24 > "$run/tls.pass"
    openssl pkcs12 -export -in "$REELFORGE_TLS_CERT" -inkey "$REELFORGE_TLS_KEY" -name reelforge \
      -out "$run/tls.p12" -passout "file:$run/tls.pass") >&2 || rf_die "could not read $REELFORGE_TLS_CERT and $REELFORGE_TLS_KEY"
  pass=$(cat "$run/tls.pass")
  # the keystore's password only guards a file that is the service user's alone (0600) anyway
  echo "-Djavax.net.ssl.keyStore=$run/tls.p12 -Djavax.net.ssl.keyStoreType=PKCS12 -Djavax.net.ssl.keyStorePassword=$pass"
}
rf_tls_args() { # Payara Micro's own arguments (after the jar) for the HTTPS listener, when there is one
  [ -z "${REELFORGE_HTTPS_PORT:-}" ] || echo "--sslport $REELFORGE_HTTPS_PORT --sslcert reelforge"
}

rf_libtorch_info() { # DIR
  local dir=$1 lib version flavor
  lib=$(rf_libtorch_lib "$dir")
  [ -f "$lib/libtorch.so" ] || { echo "no libtorch.so in $dir/lib"; return 1; }
  if [ -r "$dir/build-version" ]; then            # pytorch.org's archives: 2.7.1+cu128, 2.7.1+cpu
    version=$(cut -d+ -f1 < "$dir/build-version"); flavor=$(cut -s -d+ -f2 < "$dir/build-version")
  else                                             # a DJL cache folder: .../pytorch/2.7.1-cpu-linux-x86_64
    version=$(basename "$dir" | cut -d- -f1); flavor=$(basename "$dir" | cut -s -d- -f2)
  fi
  [ -n "$flavor" ] || { [ -f "$lib/libtorch_cuda.so" ] && flavor=unknown-cuda || flavor=cpu; }
  [ "$version" = 2.7.1 ] || { echo "libtorch ${version:-of unknown version}; this release needs 2.7.1"; return 1; }
  case $flavor in
    cpu|cu128) echo "$version $flavor";;
    *) echo "libtorch flavor $flavor; this release's DJL binding exists for cpu and cu128 only"; return 1;;
  esac
}

# An administrator's libtorch archive (install.sh --libtorch ARCHIVE: pytorch.org's libtorch-*.zip, or a .tar.gz /
# .tar.xz / .tar of the same layout): its sha256 checked against EXPECTED (--libtorch-sha256) or else ARCHIVE.sha256
# (sha256sum's format, as pytorch.org publishes it), then unpacked under PARENT/<version>-<flavor>; prints that
# folder. A mismatch is always refused; a missing checksum unless UNVERIFIED is 1 (--libtorch-unverified).
rf_libtorch_unpack() { # ARCHIVE PARENT EXPECTED UNVERIFIED
  local archive=$1 parent=$2 expected=$3 unverified=$4 actual stage top info final
  [ -r "$archive" ] || { echo "cannot read $archive"; return 1; }
  if [ -z "$expected" ] && [ -r "$archive.sha256" ]; then expected=$(awk 'NR==1 {print $1}' "$archive.sha256"); fi
  actual=$(sha256sum "$archive" | cut -d' ' -f1)
  if [ -z "$expected" ]; then
    [ "$unverified" = 1 ] || { echo "no checksum for $archive: put its published sha256 in $archive.sha256 or give" \
      "--libtorch-sha256 HASH (--libtorch-unverified installs it unchecked)"; return 1; }
    echo "reelforge: warning: $archive is not verified (--libtorch-unverified); its sha256 is $actual" >&2
  elif [ "$(tr 'A-F' 'a-f' <<<"$expected")" != "$actual" ]; then
    echo "$archive has sha256 $actual but $expected was expected: a damaged or different download"; return 1
  fi
  mkdir -p "$parent" && stage=$(mktemp -d "$parent/.unpack.XXXXXX") || { echo "cannot write under $parent"; return 1; }
  case $archive in
    *.zip) if command -v unzip >/dev/null; then unzip -q "$archive" -d "$stage"
           else python3 -m zipfile -e "$archive" "$stage"; fi;;
    *.tar.gz|*.tgz|*.tar.xz|*.txz|*.tar) tar -xf "$archive" -C "$stage" --no-same-owner;;
    *) false;;
  esac || { rm -rf "$stage"; echo "cannot unpack $archive (a .zip, .tar.gz, .tar.xz or .tar of a libtorch)"; return 1; }
  top=$stage
  [ -f "$top/lib/libtorch.so" ] || top=$(find "$stage" -mindepth 2 -maxdepth 3 -path '*/lib/libtorch.so' | head -n1 | sed 's|/lib/libtorch.so$||')
  [ -n "$top" ] && [ -f "$top/lib/libtorch.so" ] || { rm -rf "$stage"; echo "$archive holds no lib/libtorch.so"; return 1; }
  info=$(rf_libtorch_info "$top") || { rm -rf "$stage"; echo "$archive: $info"; return 1; }
  final=$parent/${info% *}-${info#* }
  rm -rf "$final.old"; [ -e "$final" ] && mv "$final" "$final.old"
  mv "$top" "$final" && echo "$actual" > "$final/.archive-sha256" && chmod -R a+rX "$final" \
    || { rm -rf "$stage"; echo "cannot move the libtorch to $final"; return 1; }
  rm -rf "$stage" "$final.old"
  echo "$final"
}

# The folder of a libtorch's shared libraries: DIR/lib as pytorch.org ships it, or DIR itself (a DJL cache folder).
rf_libtorch_lib() { # DIR
  if [ -f "$1/libtorch.so" ]; then echo "$1"; else echo "$1/lib"; fi
}

# The options that make DJL load an administrator's libtorch: its folder, version and flavor.
rf_libtorch_opts() { # RELEASE_DIR
  [ -n "${REELFORGE_LIBTORCH_DIR:-}" ] || return 0
  local info
  info=$(rf_libtorch_info "$REELFORGE_LIBTORCH_DIR") || { echo "reelforge: $info" >&2; return 1; }
  echo "-DPYTORCH_LIBRARY_PATH=$(rf_libtorch_lib "$REELFORGE_LIBTORCH_DIR") -DPYTORCH_VERSION=${info% *}" \
    "-DPYTORCH_FLAVOR=${info#* }"
}

# The render devices as the djl engine would see them, without a running appliance (reelforge status): the devices
# setting, the GPUs and CUDA version nvidia-smi reports, the libtorch the launcher gives DJL, and why no GPU is used
# when none is, in the words of the engine's status (/health/ready, io.reelforge.djl.TorchRuntime).
rf_device_line() { # RELEASE_DIR
  local devices gpus=0 cuda="" flavor version source torch why=""
  devices=$(sed -n 's/^reelforge\.engine\.djl\.devices *= *//p' "$RF_ETC/reelforge.properties" 2>/dev/null | tail -n1)
  [ -n "$devices" ] || devices=$(sed -n 's/^reelforge\.engine\.djl\.device *= *//p' "$RF_ETC/reelforge.properties" 2>/dev/null | tail -n1)
  [ -n "$devices" ] || devices=cpu
  [ "$devices" = gpu ] && devices=gpu0
  if command -v nvidia-smi >/dev/null; then
    gpus=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | grep -c . || true)
    cuda=$(nvidia-smi 2>/dev/null | sed -n 's/.*CUDA Version: *\([0-9.]*\).*/\1/p' | head -n1)
  fi
  if [ -n "${REELFORGE_LIBTORCH_DIR:-}" ]; then
    torch=$(rf_libtorch_info "$REELFORGE_LIBTORCH_DIR") || torch="unusable ($torch)"
    flavor=${torch#* }; torch="libtorch $torch from $REELFORGE_LIBTORCH_DIR"
  else
    flavor=$(cat "$1/lib/natives/FLAVOR" 2>/dev/null || echo cpu)
    version=$(ls -d "$1"/natives/djl/pytorch/*-"$flavor"-linux-x86_64 2>/dev/null | head -n1 || true)
    version=$(basename "${version:-unknown-$flavor}"); version=${version%%-*}
    torch="libtorch $version $flavor (bundled)"
  fi
  local gpu_text="no CUDA GPU visible"
  [ "$gpus" -gt 0 ] && gpu_text="CUDA ${cuda:-of unknown version}, $gpus GPU$([ "$gpus" = 1 ] || echo s) visible"
  local d n listed_gpu=0
  for d in ${devices//,/ }; do
    case $d in
      gpu*) listed_gpu=1; n=${d#gpu}
        if [ -z "$why" ] && [ "$n" -ge "$gpus" ]; then
          if [ "$gpus" = 0 ]; then why="$d does not exist on this machine (no CUDA GPU visible: no NVIDIA driver or no GPU)"
          else why="$d does not exist on this machine ($gpus GPU$([ "$gpus" = 1 ] || echo s) visible, gpu0 to gpu$((gpus - 1)))"; fi
        fi;;
    esac
  done
  case $flavor in cu*) ;; *)
    [ -z "$why" ] && [ $listed_gpu = 1 ] && why="the GPUs cannot be used: libtorch is the $flavor build; install the CUDA libtorch with install.sh --libtorch (docs/install.md)";;
  esac
  if [ -z "$why" ] && [ $listed_gpu = 0 ]; then
    if [ "$gpus" -gt 0 ]; then
      why="GPU not used: reelforge.engine.djl.devices lists no GPU"
      case $flavor in cu*) ;; *) why="$why and libtorch is the $flavor build";; esac
    else
      case $flavor in cu*) why="GPU not used: a CUDA libtorch on a machine with no visible GPU";; esac
    fi
  fi
  echo "$devices; $gpu_text; $torch${why:+; $why}"
}

# The running appliance's engine check from /health/ready: "<engine> on <device>: <detail>", as the probe reports it.
rf_ready_engine() {
  local body; body=$(curl -s --max-time 5 "$(rf_base_url)/health/ready" | tr -d '\n') || return 1
  body=$(sed -n 's/.*\({[^{}]*"name" *: *"engine"[^{}]*"data" *: *{[^{}]*}[^{}]*}\).*/\1/p' <<<"$body")
  [ -n "$body" ] || return 1
  local name device detail
  name=$(sed -n 's/.*"data" *: *{.*"engine" *: *"\([^"]*\)".*/\1/p' <<<"$body")
  device=$(sed -n 's/.*"device" *: *"\([^"]*\)".*/\1/p' <<<"$body")
  detail=$(sed -n 's/.*"detail" *: *"\([^"]*\)".*/\1/p' <<<"$body")
  echo "${name:-?}${device:+ on $device}: ${detail:-?}"
}

rf_base_url() { echo "http://127.0.0.1:$RF_PORT"; }

# systemd manages the service only for a real install on a host where systemd runs (not in a --prefix or a
# container without it); otherwise the same launcher runs in the background with a pid file.
rf_systemd() { [ -z "$RF_ROOT" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }

rf_pid() {
  local f=$RF_DATA/run/server.pid pid
  [ -r "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

rf_running() {
  if rf_systemd; then systemctl is-active --quiet reelforge; else rf_pid >/dev/null; fi
}

# Runs a command as the service user when we are root and the user is not us.
rf_as_user() {
  if [ "$(id -u)" -eq 0 ] && [ "$RF_USER" != root ] && id "$RF_USER" >/dev/null 2>&1; then
    setpriv --reuid="$RF_USER" --regid="$RF_USER" --init-groups --no-new-privs -- "$@"
  else
    "$@"
  fi
}
rf_as_user_prefix() {
  if [ "$(id -u)" -eq 0 ] && [ "$RF_USER" != root ] && id "$RF_USER" >/dev/null 2>&1; then
    echo "setpriv --reuid=$RF_USER --regid=$RF_USER --init-groups --no-new-privs --"
  fi
}

rf_log_file() { echo "$RF_DATA/logs/server.log"; }

rf_start() {
  rf_running && return 0
  RF_STARTED_AT=$(date -u '+%Y-%m-%d %H:%M:%S')
  if rf_systemd; then
    systemctl start reelforge
  else
    local log; log=$(rf_log_file)
    rf_as_user mkdir -p "$RF_DATA/logs" "$RF_DATA/run"
    RF_LOG_OFFSET=$( [ -f "$log" ] && stat -c %s "$log" || echo 0)
    # shellcheck disable=SC2046
    REELFORGE_ROOT=$RF_ROOT setsid $(rf_as_user_prefix) "$RF_OPT/current/bin/reelforge-server" >>"$log" 2>&1 </dev/null &
    echo $! > "$RF_DATA/run/server.pid"
  fi
}

rf_stop() {
  if rf_systemd; then systemctl stop reelforge; return; fi
  local pid; pid=$(rf_pid) || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 90); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then rf_log "did not stop in 90 s: killing $pid"; kill -KILL "$pid" || true; fi
  rm -f "$RF_DATA/run/server.pid"
}

# Healthy: the appliance's own API answers (an unauthenticated /v1 call is refused with its JSON error, so the
# WAR deployed and its start-up, database included, succeeded) and MicroProfile Health, when present, is UP.
rf_healthy() {
  local base code; base=$(rf_base_url)
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/v1/account") || return 1
  [ "$code" = 401 ] || return 1
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health") || return 1
  [ "$code" = 200 ] || [ "$code" = 404 ]
}

# Waits for rf_healthy: 0 when healthy, 1 when not healthy within TIMEOUT seconds, 2 as soon as the appliance is
# no longer running (a start that failed: the bundle exits with status 3 when the application did not deploy).
rf_wait_healthy() { # [TIMEOUT]
  local deadline=$(( $(date +%s) + ${1:-$REELFORGE_HEALTH_TIMEOUT} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    rf_healthy && return 0
    rf_running || return 2
    sleep 2
  done
  return 1
}

# Why rf_wait_healthy returned RC, in words.
rf_unhealthy_reason() { # RC TIMEOUT
  if [ "$1" = 2 ]; then echo "stopped before it was healthy (its start failed)"; else echo "not healthy after $2 s"; fi
}

# The appliance's log since the last rf_start (the journal under systemd).
rf_log_since_start() {
  if rf_systemd; then
    journalctl -u reelforge -o cat --since "${RF_STARTED_AT:-today}" --no-pager 2>/dev/null
  else
    tail -c +"$(( ${RF_LOG_OFFSET:-0} + 1 ))" "$(rf_log_file)" 2>/dev/null
  fi
}

# Calls a maintenance endpoint of the running appliance with the token it wrote for this host's root.
rf_ops() { # METHOD PATH [JSON]
  local token; token=$(cat "$RF_DATA/run/ops.token" 2>/dev/null) || rf_die "cannot read $RF_DATA/run/ops.token (run as root)"
  curl -sS --max-time 600 -X "$1" "$(rf_base_url)$2" -H "Authorization: Bearer $token" \
    ${3:+-H "Content-Type: application/json" -d "$3"} -w '\n%{http_code}'
}

# Prints the field of a flat JSON object (no jq on a bare server).
rf_json_field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }

# A backup directory: db/ (online through SYSCS_UTIL.SYSCS_BACKUP_DATABASE while running, else a copy of the
# cleanly stopped database) and etc/ (the settings). Prints its path.
rf_backup() {
  local stamp dir out code; stamp=$(date -u +%Y%m%d-%H%M%S)
  if rf_running; then
    out=$(rf_ops POST /ops/backup) || rf_die "backup call failed"
    code=${out##*$'\n'}; out=${out%$'\n'*}
    [ "$code" = 200 ] || rf_die "online backup refused ($code): $out"
    dir=$(dirname "$(rf_json_field path <<<"$out")")
  else
    [ -d "$RF_DATA/db" ] || rf_die "no database under $RF_DATA/db"
    dir=$RF_DATA/backups/$stamp-offline
    mkdir -p "$dir"
    cp -a "$RF_DATA/db" "$dir/db"
  fi
  if [ -d "$RF_ETC" ]; then mkdir -p "$dir/etc" && cp -a "$RF_ETC/." "$dir/etc/"; fi
  echo "$dir"
}

# Puts a backup's database (and with "etc", its settings) back; the appliance must be stopped.
rf_restore() { # BACKUP_DIR [etc]
  local dir=$1 stamp; stamp=$(date -u +%Y%m%d-%H%M%S)
  [ -f "$dir/db/service.properties" ] || rf_die "$dir is not a Reelforge backup (no db/service.properties)"
  rf_running && rf_die "stop the appliance first"
  if [ -d "$RF_DATA/db" ]; then mv "$RF_DATA/db" "$RF_DATA/db.before-restore-$stamp"; fi
  cp -a "$dir/db" "$RF_DATA/db"
  rm -f "$RF_DATA/db/db.lck" "$RF_DATA/db/dbex.lck"
  if [ "$(id -u)" -eq 0 ] && id "$RF_USER" >/dev/null 2>&1; then chown -R "$RF_USER:" "$RF_DATA/db"; fi
  if [ "${2:-}" = etc ] && [ -d "$dir/etc" ]; then cp -a "$dir/etc/." "$RF_ETC/"; fi
  echo "$RF_DATA/db.before-restore-$stamp"
}
