#!/usr/bin/env bash
# Installs the system tools the tests use when they are missing: ffprobe (decodes MP4s back), curl and jq
# (the reference page's shell flow), Debian's python3-torch (builds the tiny TorchScript models the DJL
# engine tests run; see model-manager/export/make_tiny_fixtures.py), chromium and its chromedriver (the
# console's browser test drives Debian's, so Selenium downloads nothing; python3-selenium signs in to the
# installed console in the distribution test), slapd (the console's LDAP sign-in test runs its own), node and npm (the OpenAI-surface test
# drives the official openai package, which the build installs from the npm registry), and the SDKs' toolchains
# (python3-venv, php-cli, composer, phpunit, ruby, golang-go; see sdks/contract/), and PostgreSQL's client tools; it
# checks that a PostgreSQL server answers at 127.0.0.1:5432 (it installs none). Maven fetches the rest.
#
# Two steps, so a fresh CI machine does not wait for all of it before the build: what the build's unit tests need
# (python3-torch and PostgreSQL's client, with curl, jq and node) is installed at once; the rest (the browser,
# slapd, ffmpeg, the SDKs' toolchains), which only the black-box tests, the SDK suite and the distribution test use,
# installs in the background while Maven compiles and runs the unit tests, when this runs as root (a background
# apt-get cannot ask for a sudo password; as another user everything installs now). `test-deps.sh --wait`, which the
# packaging module runs before its black-box tests (pre-integration-test), waits for that install and fails, with
# apt-get's output, if it did; it returns at once when nothing installs in the background.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
state=$here/../target/test-deps
if [ "${1:-}" = "--wait" ]; then
  [ -f "$state/late.packages" ] || exit 0
  if [ ! -f "$state/late.rc" ]; then
    echo "waiting for the background install of: $(cat "$state/late.packages")"
    while [ ! -f "$state/late.rc" ] && kill -0 "$(cat "$state/late.pid")" 2>/dev/null; do sleep 1; done
  fi
  [ -f "$state/late.rc" ] || echo 1 > "$state/late.rc"   # gone without a word: killed
  rc=$(cat "$state/late.rc")
  if [ "$rc" -ne 0 ]; then
    echo "the background install of $(cat "$state/late.packages") failed ($rc); apt-get said:"
    cat "$state/late.log"
    exit 1
  fi
  echo "installed in the background: $(cat "$state/late.packages")"
  rm -f "$state/late.packages" "$state/late.rc" "$state/late.pid"
  exit 0
fi
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need=() late=()
command -v ffprobe >/dev/null || late+=(ffmpeg)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
# /usr/bin/python3, not a pyenv shim: the Debian torch package lives in the system interpreter
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || need+=(python3-torch)
[ -x /usr/bin/chromium ] || late+=(chromium)
[ -x /usr/bin/chromedriver ] || late+=(chromium-driver)
# the distribution test signs in to the installed console with Debian's Selenium binding
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || late+=(python3-selenium)
# the console's directory sign-in test (DirectoryIT) starts its own OpenLDAP server from Debian's slapd (slapd and
# slapadd, with its own config folder and seed); the package is preseeded to create no database of its own and so
# starts no system server
if [ ! -x /usr/sbin/slapd ]; then
  late+=(slapd)
  echo "slapd slapd/no_configuration boolean true" | $sudo debconf-set-selections
fi
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
# the SDKs' toolchains (sdks/contract/run.sh builds and tests all six against one appliance): Python's venv
# (pip then installs build, hatchling, httpx and pytest from the configured index), Node (above), PHP with
# Composer and PHPUnit, Ruby (gem + minitest), Go; the Java SDK builds with the JDK and Maven below
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || late+=(python3-venv)
command -v php >/dev/null || late+=(php-cli)
# the PHP SDK speaks HTTP through ext-curl; composer's artifact repository (its install test) needs ext-zip
php -r 'exit(extension_loaded("curl") ? 0 : 1);' >/dev/null 2>&1 || late+=(php-curl)
php -r 'exit(extension_loaded("zip") ? 0 : 1);' >/dev/null 2>&1 || late+=(php-zip)
command -v composer >/dev/null || late+=(composer)
command -v phpunit >/dev/null || late+=(phpunit)
command -v ruby >/dev/null || late+=(ruby)
command -v go >/dev/null || late+=(golang-go)
# PostgreSQL's client tools: the black-box tests make a database per class with createdb and drop it with dropdb
command -v createdb >/dev/null && command -v psql >/dev/null || need+=(postgresql-client)
apt_install() { # PACKAGES...: quiet, no recommends, no fsync per file (a test machine's packages)
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-unsafe-io "$@"
}
if [ -n "$sudo" ]; then
  need+=("${late[@]}")
  late=()
fi
if [ ${#need[@]} -gt 0 ] || [ ${#late[@]} -gt 0 ]; then
  $sudo apt-get update -qq
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt_install "${need[@]}" >/dev/null
fi
if [ ${#late[@]} -gt 0 ]; then
  mkdir -p "$state"
  rm -f "$state/late.rc" "$state/late.rc.part"
  echo "${late[*]}" > "$state/late.packages"
  echo "installing in the background (the black-box tests wait for it): ${late[*]}"
  export -f apt_install; export sudo
  setsid nohup bash -c 'apt_install "$@" > "$0/late.log" 2>&1; echo $? > "$0/late.rc.part"; mv "$0/late.rc.part" "$0/late.rc"' "$state" "${late[@]}" \
    >/dev/null 2>&1 < /dev/null &
  echo $! > "$state/late.pid"
fi
# The PostgreSQL tests (SchemaMatchesEntitiesTest, service-tests' second run, PostgresqlIT, ClusterIT, SharedStateIT,
# SharedModelsIT) need a server at 127.0.0.1:5432 that user postgres reaches without a password, with a database
# named test, as on the CI machine. They fail without one, never skip; say so now rather than twenty minutes in.
if ! psql -h 127.0.0.1 -p 5432 -U postgres -d test -w -Atc 'select 1' >/dev/null 2>&1; then
  echo "the tests need PostgreSQL at 127.0.0.1:5432: user postgres with trust authentication and a database named test"
  echo "  (e.g. apt-get install postgresql; host all all 127.0.0.1/32 trust in pg_hba.conf; createdb -h 127.0.0.1 -U postgres test)"
  exit 1
fi
"$here/java-home.sh" >/dev/null || exit 1   # a JDK 21+ (says which is missing)
command -v mvn >/dev/null || { echo "Maven is needed (apt-get install maven)"; exit 1; }
