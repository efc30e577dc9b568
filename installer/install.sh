#!/usr/bin/env bash
# Reelforge installer: the tarball's entry point; the Debian package's maintainer scripts run the same steps.
#
#   sudo ./install.sh [install] [options]     install this release and start it
#   sudo ./install.sh upgrade [options]       back up, install this release over the current one, start it,
#                                             roll back to the old release and the backup if it is not healthy
#   sudo ./install.sh uninstall [--purge]     remove the software; --purge also removes settings and data
#
# Options (all non-interactive):
#   --prefix DIR        install everything under DIR (tests, unprivileged installs; no user, no systemd)
#   --output-dir DIR    where clips are written: a local folder or an NFS mount (default <data dir>/outputs)
#   --storage-base DIR  the only folder under which the console may move the output root later (default: the
#                       output dir's parent folder, or the output dir itself when that is /)
#   --data-dir DIR      Derby, models, keys, backups (default /var/lib/reelforge)
#   --port N            HTTP port (default 8080)
#   --public-url URL    base of the URLs the API hands out (default http://<host name>:<port>)
#   --user NAME         service user (default reelforge; with --prefix: the invoking user)
#   --min-free-gb N     free space required on the install, data and output file systems (default 5)
#   --libtorch DIR|ARCHIVE  render with this libtorch 2.7.1 instead of the bundled CPU one: an unpacked libtorch
#                       (its lib/ holds libtorch.so), or its archive (pytorch.org's libtorch-*.zip for CUDA 12.8,
#                       or a .tar.gz/.tar.xz), checked against ARCHIVE.sha256 and unpacked under
#                       <install>/opt/reelforge/libtorch/ (docs/install.md); kept for upgrades. --libtorch bundled
#                       goes back to the bundled one
#   --libtorch-sha256 H the archive's expected sha256 (instead of ARCHIVE.sha256)
#   --libtorch-unverified  install an archive that has no checksum (a wrong one is always refused)
#   --no-start          install without starting
#   --health-timeout S  how long a start may take to become healthy (default 240)
#   --dry-run           print what would be done, change nothing
#   --purge             with uninstall: also delete settings, data and the service user
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
if [ -f "$here/lib/common.sh" ]; then . "$here/lib/common.sh"; else . "$here/common.sh"; fi

action=install prefix="" output_dir="" storage_base="" data_dir="" port="" public_url="" user="" min_free_gb=5 libtorch="" libtorch_sha256="" libtorch_unverified=0
start=1 dry=0 purge=0 health_timeout=${REELFORGE_HEALTH_TIMEOUT:-240} deb_old=""
[ $# -gt 0 ] && case $1 in install|upgrade|uninstall|deb-configure|deb-remove) action=$1; shift;; esac
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=$2; shift;;
    --output-dir) output_dir=$2; shift;;
    --storage-base) storage_base=$2; shift;;
    --data-dir) data_dir=$2; shift;;
    --port) port=$2; shift;;
    --public-url) public_url=$2; shift;;
    --user) user=$2; shift;;
    --min-free-gb) min_free_gb=$2; shift;;
    --libtorch) libtorch=$2; shift;;
    --libtorch-sha256) libtorch_sha256=$2; shift;;
    --libtorch-unverified) libtorch_unverified=1;;
    --health-timeout) health_timeout=$2; shift;;
    --no-start) start=0;;
    --dry-run) dry=1;;
    --purge) purge=1;;
    --old-version) deb_old=$2; shift;;
    -y|--yes|--non-interactive) ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0;;
    *) rf_die "unknown option $1 (see --help)";;
  esac
  shift
done
[ -n "$prefix" ] && prefix=$(mkdir -p "$prefix" && cd "$prefix" && pwd)
RF_ROOT=$prefix
rf_paths
export REELFORGE_HEALTH_TIMEOUT=$health_timeout

# The release this installer belongs to (the tarball's top folder, or the .deb's unpacked release).
RELEASE_SRC=$here
RF_VERSION=$(cat "$RELEASE_SRC/VERSION" 2>/dev/null || echo unknown)

do_() { if [ "$dry" = 1 ]; then echo "[dry-run] $*"; else "$@"; fi; }
write() { # PATH MODE OWNER(user:group or -) ; content on stdin
  local path=$1 mode=$2 owner=$3 content; content=$(cat)
  if [ "$dry" = 1 ]; then echo "[dry-run] write $path (mode $mode)"; return; fi
  mkdir -p "$(dirname "$path")"
  printf '%s\n' "$content" > "$path.tmp"
  chmod "$mode" "$path.tmp"
  [ "$owner" = - ] || chown "$owner" "$path.tmp"
  mv "$path.tmp" "$path"
}
root_user() { [ "$(id -u)" -eq 0 ]; }

settings() {
  rf_load_env
  RF_DATA=${data_dir:-$RF_DATA}
  RF_PORT=${port:-$RF_PORT}
  if [ -n "$user" ]; then RF_USER=$user
  elif [ -n "$prefix" ] && [ ! -r "$RF_ENV_FILE" ]; then RF_USER=$(id -un)
  fi
  RF_OUTPUT=${output_dir:-${REELFORGE_OUTPUT_DIR:-$RF_DATA/outputs}}
  RF_STORAGE_BASE=${storage_base:-$(dirname "$RF_OUTPUT")}
  [ "$RF_STORAGE_BASE" = / ] && RF_STORAGE_BASE=$RF_OUTPUT
  RF_PUBLIC_URL=${public_url:-${REELFORGE_PUBLIC_URL:-http://$(hostname -f 2>/dev/null || hostname):$RF_PORT}}
  case $libtorch in
    "") RF_LIBTORCH=${REELFORGE_LIBTORCH_DIR:-};;
    bundled) RF_LIBTORCH="";;
    *) if [ -f "$libtorch" ]; then libtorch_archive "$libtorch"
       else RF_LIBTORCH=$(cd "$libtorch" 2>/dev/null && pwd) || rf_die "--libtorch $libtorch: no such folder or archive"; fi;;
  esac
  # what rf_native_opts (the launcher's and the natives check's options) reads
  REELFORGE_LIBTORCH_DIR=$RF_LIBTORCH
}

# --libtorch ARCHIVE: checked and unpacked under the install (kept across upgrades, removed by uninstall)
libtorch_archive() { # ARCHIVE
  local out
  if [ "$dry" = 1 ]; then
    echo "[dry-run] check $1 against its sha256 and unpack it under $RF_OPT/libtorch"; RF_LIBTORCH=""; return
  fi
  out=$(rf_libtorch_unpack "$1" "$RF_OPT/libtorch" "$libtorch_sha256" "$libtorch_unverified") || rf_die "--libtorch $1: $out"
  RF_LIBTORCH=$out
  rf_log "libtorch unpacked from $1 into $RF_LIBTORCH"
}

free_gb() { local d=$1; while [ ! -e "$d" ]; do d=$(dirname "$d"); done; df -P -BG "$d" | awk 'NR==2 {sub("G","",$4); print $4}'; }

checks() {
  [ "$(uname -s)" = Linux ] || rf_die "Linux only (this is $(uname -s))"
  [ "$(uname -m)" = x86_64 ] || rf_die "x86_64 only (this is $(uname -m)): the bundled Java runtime and natives are x86_64"
  if [ -r /etc/os-release ]; then
    local os; os=$(. /etc/os-release; echo " ${ID:-} ${ID_LIKE:-} |${PRETTY_NAME:-$ID}")
    case ${os%%|*} in
      *" debian "*|*" ubuntu "*|*" rhel "*|*" fedora "*|*" centos "*|*" suse "*) rf_log "OS: ${os#*|}";;
      *) rf_log "warning: ${os#*|} is not a tested distribution (Debian, Ubuntu, RHEL and derivatives are)";;
    esac
  fi
  [ -n "$prefix" ] || root_user || rf_die "run as root (or give --prefix DIR for an install without root)"
  local d gb
  for d in "$RF_OPT" "$RF_DATA" "$RF_OUTPUT"; do
    gb=$(free_gb "$d")
    [ "$gb" -ge "$min_free_gb" ] || rf_die "only ${gb} GB free for $d; ${min_free_gb} GB needed (--min-free-gb)"
  done
  local flavor; flavor=$(cat "$RELEASE_SRC/lib/natives/FLAVOR" 2>/dev/null || echo cpu)
  if [ -n "$RF_LIBTORCH" ]; then
    local info; info=$(rf_libtorch_info "$RF_LIBTORCH") || rf_die "--libtorch $RF_LIBTORCH: $info"
    flavor=${info#* }
    rf_log "libtorch: ${info% *} ($flavor) from $RF_LIBTORCH"
  fi
  if command -v nvidia-smi >/dev/null; then
    local driver; driver=$(nvidia-smi --query-gpu=driver_version --format=csv,noheader 2>/dev/null | head -n1 || true)
    if [ -z "$driver" ]; then
      rf_log "warning: nvidia-smi is present but reports no GPU/driver"
    else
      rf_log "NVIDIA driver $driver; this release's libtorch is $flavor"
      if [ "$flavor" != cpu ] && [ "${driver%%.*}" -lt 525 ]; then
        rf_die "the CUDA 12 libtorch needs NVIDIA driver 525.60 or newer (570+ recommended); found $driver"
      fi
      if [ "$flavor" = cpu ]; then
        rf_log "note: a GPU is present but this release renders on the CPU (no CUDA build yet: docs/install.md)"
      fi
    fi
  elif [ "$flavor" != cpu ]; then
    rf_log "warning: CUDA build ($flavor) but no nvidia-smi: the djl engine can only run with device=cpu here"
  fi
}

make_user() {
  root_user || return 0
  [ "$RF_USER" = root ] && return 0
  if ! id "$RF_USER" >/dev/null 2>&1; then
    do_ useradd --system --user-group --home-dir "$RF_DATA" --no-create-home --shell /usr/sbin/nologin "$RF_USER"
  fi
}

owner() { if root_user; then echo "$RF_USER:$(id -gn "$RF_USER" 2>/dev/null || echo "$RF_USER")"; else echo -; fi; }
config_owner() { if root_user; then echo "root:$(id -gn "$RF_USER" 2>/dev/null || echo root)"; else echo -; fi; }

make_dirs() {
  local d o; o=$(owner)
  for d in "$RF_DATA" "$RF_DATA/logs" "$RF_DATA/run" "$RF_DATA/backups" "$RF_OUTPUT"; do
    do_ mkdir -p "$d"
    [ "$o" = - ] || do_ chown "$o" "$d"
    do_ chmod 0750 "$d"
  done
  do_ mkdir -p "$RF_ETC"
  # Anything in the data dir or the output root that the service user does not own (left by the appliance or a
  # Java check run as root, an older install, a restored copy) would make its writes there fail, e.g. a render's
  # MP4 under outputs/videos/<year>/<month>: it all belongs to the service user (files it must not write are
  # not kept there).
  if [ "$o" != - ] && [ "$RF_USER" != root ]; then
    for d in "$RF_DATA" "$RF_OUTPUT"; do
      if [ "$dry" = 1 ]; then echo "[dry-run] chown $o everything under $d not owned by $RF_USER"; continue; fi
      find "$d" \( ! -user "$RF_USER" -o ! -group "${o#*:}" \) -print0 | xargs -0r chown -h "$o" \
        || rf_log "warning: could not give everything under $d to $RF_USER"
    done
  fi
  if [ "$dry" = 0 ]; then
    # the output root must be writable by the service user (an NFS export with root_squash often is not)
    local probe="$RF_OUTPUT/.reelforge-write-test"
    rf_as_user touch "$probe" 2>/dev/null && rm -f "$probe" || rf_die "$RF_OUTPUT is not writable by $RF_USER"
  fi
}

# reelforge.env: the settings the installer owns are written afresh; REELFORGE_AOT when it is set (in the environment
# of the install, or in the file already); every other line an administrator added (the HTTPS listener's variables,
# comments) is kept below them, so an upgrade does not drop them.
write_config() {
  local co own kept=""; co=$(config_owner)
  own='^(# Reelforge launcher settings |REELFORGE_(DATA_DIR|PORT|USER|OUTPUT_DIR|PUBLIC_URL|LIBTORCH_DIR|AOT)=|JAVA_OPTS=)'
  [ ! -f "$RF_ENV_FILE" ] || kept=$(grep -vE "$own" "$RF_ENV_FILE" || true)
  write "$RF_ENV_FILE" 0640 "$co" <<EOT
# Reelforge launcher settings (read by bin/reelforge-server and the reelforge CLI). Written by install.sh.
REELFORGE_DATA_DIR=$RF_DATA
REELFORGE_PORT=$RF_PORT
REELFORGE_USER=$RF_USER
REELFORGE_OUTPUT_DIR=$RF_OUTPUT
REELFORGE_PUBLIC_URL=$RF_PUBLIC_URL
REELFORGE_LIBTORCH_DIR=$RF_LIBTORCH
JAVA_OPTS="${JAVA_OPTS:--Xmx4g}"${REELFORGE_AOT:+
REELFORGE_AOT=$REELFORGE_AOT}${kept:+
$kept}
EOT
  if [ ! -f "$RF_ETC/reelforge.properties" ]; then
    write "$RF_ETC/reelforge.properties" 0640 "$co" <<EOT
# Reelforge settings: every key is in docs/configuration.md. Restart after a change (reelforge restart).
reelforge.storage.root=$RF_OUTPUT
# the console may move the output root only under this folder (docs/configuration.md)
reelforge.storage.allowed-base=$RF_STORAGE_BASE
reelforge.render.slots=auto
reelforge.engine.default=sandbox
EOT
  else
    rf_log "keeping $RF_ETC/reelforge.properties"
  fi
}

install_release() { # copies this release into releases/<version> (already there for the .deb)
  local dest=$RF_OPT/releases/$RF_VERSION
  if [ "$RELEASE_SRC" != "$dest" ]; then
    [ -d "$dest" ] && do_ rm -rf "$dest"
    do_ mkdir -p "$RF_OPT/releases"
    do_ cp -a "$RELEASE_SRC" "$dest" || return 1
  fi
  # the natives, unpacked by the same loaders the appliance uses (packaging/src/main/java/.../NativeSetup)
  rf_log "unpacking the FFmpeg, libtorch and tokenizers natives into $dest/natives"
  do_ rm -rf "$dest/natives"
  local extra=(); shopt -s nullglob; extra=("$dest"/lib/natives/*.jar); shopt -u nullglob
  # with --libtorch, DJL loads that libtorch and unpacks the JNI binding of its flavor next to the others
  # shellcheck disable=SC2046
  do_ "$dest/runtime/bin/java" $(rf_jdk_opts "$dest/runtime") $(rf_libtorch_opts "$dest") -jar "$dest/lib/reelforge-setup.jar" \
    "$dest/lib/reelforge.jar" "$dest/natives" "${extra[@]}" || return 1
  # DJL unpacks through private (0700) temporary folders: the service user must be able to read them
  do_ chmod -R a+rX "$dest/natives"
  # and loaded back as the service user with the launcher's options, offline: nothing may be missing or
  # unreadable, and nothing may need unpacking again
  [ "$dry" = 1 ] || {
    # shellcheck disable=SC2046
    rf_as_user "$dest/runtime/bin/java" $(rf_jdk_opts "$dest/runtime") $(rf_native_opts "$dest" "$RF_DATA") -jar "$dest/lib/reelforge-setup.jar" --verify \
      "$dest/lib/reelforge.jar" "$dest/natives" >/dev/null 2>"$dest/natives.verify.log" \
      || { cat "$dest/natives.verify.log" >&2; rf_log "the unpacked natives do not load with the launcher's settings"; return 1; }
    rm -f "$dest/natives.verify.log"
  }

  RF_NEW_RELEASE=$dest
}

activate() { # RELEASE_DIR: current -> it, the CLI on PATH, the systemd unit
  do_ ln -sfn "releases/$(basename "$1")" "$RF_OPT/current"
  do_ mkdir -p "$(dirname "$RF_CLI_LINK")"
  do_ ln -sfn "$RF_OPT/current/bin/reelforge" "$RF_CLI_LINK"
  local template=$1/systemd/reelforge.service
  [ -f "$template" ] || template=$RELEASE_SRC/systemd/reelforge.service   # a dry run copied nothing
  sed -e "s|@ROOT@|$RF_ROOT|g" -e "s|@USER@|$RF_USER|g" -e "s|@DATA@|$RF_DATA|g" -e "s|@OUTPUT@|$RF_OUTPUT|g" \
      -e "s|@RELEASE@|$RF_OPT/current|g" "$template" | write "$RF_UNIT" 0644 -
  if [ "$dry" = 0 ] && command -v systemd-analyze >/dev/null && [ -z "$prefix" ]; then
    systemd-analyze verify "$RF_UNIT" 2>&1 | grep -v "^$" | sed 's/^/systemd-analyze: /' || true
  fi
  if rf_systemd; then do_ systemctl daemon-reload; do_ systemctl enable reelforge >/dev/null 2>&1 || true; fi
}

start_and_check() { # [TIMEOUT] returns non-zero when the appliance does not become healthy
  [ "$dry" = 1 ] && { echo "[dry-run] start reelforge and wait for health"; return 0; }
  rf_start
  local rc=0; rf_wait_healthy "${1:-$health_timeout}" || rc=$?
  [ $rc -eq 0 ] && return 0
  rf_log "$(rf_unhealthy_reason $rc "${1:-$health_timeout}"); the end of its log:"
  rf_log_since_start | tail -n 40 >&2
  return 1
}

# The first start prints the first admin's one-time password and the demo account's keys once; the installer
# shows them and then blanks them in the log file, so they are not kept on disk (under systemd the journal keeps
# the start's output: see docs/install.md).
print_welcome() {
  local log pw live test; log=$(rf_log_since_start)
  pw=$(sed -n 's/^ *password *: *\([A-Za-z0-9_-]\{10,\}\)$/\1/p' <<<"$log" | tail -n1)
  live=$(sed -n 's/^ *live API key : *\(rf_live_[A-Za-z0-9_-]*\).*$/\1/p' <<<"$log" | tail -n1)
  test=$(sed -n 's/^ *test API key : *\(rf_test_[A-Za-z0-9_-]*\).*$/\1/p' <<<"$log" | tail -n1)
  echo
  echo "Reelforge $RF_VERSION is running."
  echo "  admin console : $RF_PUBLIC_URL/admin"
  echo "  API           : $RF_PUBLIC_URL/v1"
  if [ -n "$pw" ]; then
    echo "  first admin   : $(sed -n 's/^ *user *: *\(.*\)$/\1/p' <<<"$log" | tail -n1) / $pw   (one-time password: change it at the first login)"
  else
    echo "  first admin   : created earlier (reelforge reset-admin-password gives a new one-time password)"
  fi
  [ -z "$live" ] || echo "  demo API keys : $live (live), $test (test)   (shown once)"
  if ! rf_systemd; then
    local secret
    for secret in $pw $live $test; do sed -i "s|$secret|(shown once by the installer)|g" "$(rf_log_file)"; done
  fi
  echo "  manage        : reelforge status | backup | restore DIR | create-admin NAME | reset-admin-password [NAME]"
}

do_install() {
  settings; checks; make_user; make_dirs; write_config
  install_release || rf_die "could not install the release"
  activate "$RF_NEW_RELEASE"
  if [ "$start" = 1 ]; then
    start_and_check || rf_die "installed, but the appliance did not start healthy (reelforge status; its log above)"
    [ "$dry" = 1 ] || print_welcome
  else
    rf_log "installed $RF_VERSION (not started: reelforge start)"
  fi
}

rollback() { # OLD_RELEASE_DIR BACKUP_DIR
  rf_log "rolling back to $(basename "$1") and the database of $2"
  rf_stop
  activate "$1"
  local failed; failed=$(rf_restore "$2" etc)
  rf_log "the database as the failed version left it: $failed"
  start_and_check $((health_timeout * 2)) || rf_die "the rollback did not start healthy either: see the log; the backup is $2"
  rf_log "rolled back: $(basename "$1") is running on the data of before the upgrade"
}

do_upgrade() {
  settings
  [ -L "$RF_OPT/current" ] || rf_die "no installed release under $RF_OPT (install first)"
  local old; old=$(cd -P "$RF_OPT/current" && pwd)
  [ "$(basename "$old")" != "$RF_VERSION" ] || rf_die "$RF_VERSION is installed already"
  checks
  [ "$dry" = 1 ] && { echo "[dry-run] back up, stop, install $RF_VERSION, start, check health, roll back if unhealthy"; return; }
  # the new release and its natives first, while the old one still serves: a failure here changes nothing
  install_release || { rm -rf "$RF_OPT/releases/$RF_VERSION"; rf_die "could not install $RF_VERSION; nothing was changed"; }
  local backup; backup=$(rf_backup)
  rf_log "backup (database and settings): $backup"
  echo "$backup" > "$RF_DATA/backups/last-upgrade"
  rf_stop
  write_config
  activate "$RF_NEW_RELEASE"
  rf_log "starting $RF_VERSION (the schema migrations run at start-up)"
  if start_and_check; then
    rf_log "upgraded $(basename "$old") -> $RF_VERSION"
    prune_releases
  else
    rollback "$old" "$backup"
    exit 3
  fi
}

prune_releases() { # keeps the current release and the one before it
  local keep_prev; keep_prev=$(basename "${1:-$old}")
  for d in "$RF_OPT"/releases/*; do
    case $(basename "$d") in "$RF_VERSION"|"$keep_prev") ;; *) rm -rf "$d";; esac
  done
}

do_uninstall() {
  settings
  [ -n "$prefix" ] || root_user || rf_die "run as root"
  if [ "$dry" = 0 ]; then rf_running && rf_stop; fi
  if rf_systemd; then do_ systemctl disable reelforge >/dev/null 2>&1 || true; fi
  do_ rm -f "$RF_UNIT" "$RF_CLI_LINK"
  if rf_systemd; then do_ systemctl daemon-reload; fi
  do_ rm -rf "$RF_OPT"
  if [ "$purge" = 1 ]; then
    do_ rm -rf "$RF_ETC" "$RF_DATA"
    case $RF_OUTPUT in "$RF_DATA"/*) ;; *) rf_log "kept the output root $RF_OUTPUT (not under the data dir: delete it yourself)";; esac
    if root_user && [ "$RF_USER" != root ] && [ -z "$prefix" ] && id "$RF_USER" >/dev/null 2>&1; then do_ userdel "$RF_USER"; fi
    rf_log "uninstalled and purged"
  else
    rf_log "uninstalled; kept the settings ($RF_ETC) and the data ($RF_DATA): --purge deletes them"
  fi
}

# The .deb: the release is unpacked by dpkg into /opt/reelforge/releases/<version>; postinst configures it.
do_deb_configure() {
  settings; checks; make_user; make_dirs; write_config
  install_release || rf_die "could not install the release"
  if [ -n "$deb_old" ] && [ -f "$RF_DATA/backups/last-upgrade" ] && [ -d "$RF_OPT/releases/$deb_old.rollback" ]; then
    local backup old=$RF_OPT/releases/$deb_old.rollback; backup=$(cat "$RF_DATA/backups/last-upgrade")
    activate "$RF_NEW_RELEASE"
    if start_and_check; then
      rm -rf "$old" "$RF_OPT/releases/$deb_old" "$RF_DATA/backups/last-upgrade"
      rf_log "upgraded $deb_old -> $RF_VERSION"
    else
      rollback "$old" "$backup"
      exit 3
    fi
  else
    activate "$RF_NEW_RELEASE"
    if [ "$start" = 1 ] && { rf_systemd || [ "${REELFORGE_DEB_START:-1}" = 1 ]; }; then
      start_and_check || rf_die "installed, but the appliance did not start healthy"
      print_welcome
    fi
  fi
}

do_deb_remove() {
  settings
  rf_running && rf_stop
  if rf_systemd; then systemctl disable reelforge >/dev/null 2>&1 || true; fi
  rm -f "$RF_UNIT" "$RF_CLI_LINK" "$RF_OPT/current"
  rm -rf "$RF_OPT/releases/$RF_VERSION/natives" "$RF_OPT"/releases/*.rollback
  if rf_systemd; then systemctl daemon-reload; fi
}

case $action in
  install) do_install;;
  upgrade) do_upgrade;;
  uninstall) do_uninstall;;
  deb-configure) do_deb_configure;;
  deb-remove) do_deb_remove;;
esac
