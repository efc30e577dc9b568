#!/usr/bin/env bash
# Installs the system tools the tests use when they are missing: ffprobe (decodes MP4s back), curl and jq
# (the reference page's shell flow), Debian's python3-torch (builds the tiny TorchScript models the DJL
# engine tests run; see model-manager/export/make_tiny_fixtures.py), chromium and its chromedriver (the
# console's browser test drives Debian's, so Selenium downloads nothing; python3-selenium signs in to the
# installed console in the distribution test), slapd (the console's LDAP sign-in test runs its own), node and npm (the OpenAI-surface test
# drives the official openai package, which the build installs from the npm registry), and the SDKs' toolchains
# (python3-venv, php-cli, composer, phpunit, ruby, golang-go; see sdks/contract/), and PostgreSQL's client tools; it
# checks that a PostgreSQL server answers at 127.0.0.1:5432 (it installs none). Maven fetches the rest.
set -euo pipefail
need=()
command -v ffprobe >/dev/null || need+=(ffmpeg)
command -v curl >/dev/null || need+=(curl)
command -v jq >/dev/null || need+=(jq)
# /usr/bin/python3, not a pyenv shim: the Debian torch package lives in the system interpreter
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || need+=(python3-torch)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
# the distribution test signs in to the installed console with Debian's Selenium binding
/usr/bin/python3 -c 'import selenium' >/dev/null 2>&1 || need+=(python3-selenium)
# the console's directory sign-in test (DirectoryIT) starts its own OpenLDAP server from Debian's slapd (slapd and
# slapadd, with its own config folder and seed); the package is preseeded to create no database of its own and so
# starts no system server
if [ ! -x /usr/sbin/slapd ]; then
  need+=(slapd)
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "slapd slapd/no_configuration boolean true" | $sudo debconf-set-selections
fi
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
# the SDKs' toolchains (sdks/contract/run.sh builds and tests all six against one appliance): Python's venv
# (pip then installs build, hatchling, httpx and pytest from the configured index), Node (above), PHP with
# Composer and PHPUnit, Ruby (gem + minitest), Go; the Java SDK builds with the JDK and Maven below
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
command -v php >/dev/null || need+=(php-cli)
# the PHP SDK speaks HTTP through ext-curl; composer's artifact repository (its install test) needs ext-zip
php -r 'exit(extension_loaded("curl") ? 0 : 1);' >/dev/null 2>&1 || need+=(php-curl)
php -r 'exit(extension_loaded("zip") ? 0 : 1);' >/dev/null 2>&1 || need+=(php-zip)
command -v composer >/dev/null || need+=(composer)
command -v phpunit >/dev/null || need+=(phpunit)
command -v ruby >/dev/null || need+=(ruby)
command -v go >/dev/null || need+=(golang-go)
# PostgreSQL's client tools: the black-box tests make a database per class with createdb and drop it with dropdb
command -v createdb >/dev/null && command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The PostgreSQL tests (SchemaMatchesEntitiesTest, service-tests' second run, PostgresqlIT, ClusterIT, SharedStateIT,
# SharedModelsIT) need a server at 127.0.0.1:5432 that user postgres reaches without a password, with a database
# named test, as on the CI machine. They fail without one, never skip; say so now rather than twenty minutes in.
if ! psql -h 127.0.0.1 -p 5432 -U postgres -d test -w -Atc 'select 1' >/dev/null 2>&1; then
  echo "the tests need PostgreSQL at 127.0.0.1:5432: user postgres with trust authentication and a database named test"
  echo "  (e.g. apt-get install postgresql; host all all 127.0.0.1/32 trust in pg_hba.conf; createdb -h 127.0.0.1 -U postgres test)"
  exit 1
fi
"$(dirname "$0")/java-home.sh" >/dev/null || exit 1   # a JDK 21+ (says which is missing)
command -v mvn >/dev/null || { echo "Maven is needed (apt-get install maven)"; exit 1; }
