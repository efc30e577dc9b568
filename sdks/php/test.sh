#!/usr/bin/env bash
# The PHP SDK's contract suite: builds the composer artefact (composer archive, a zip), installs it offline into
# a throwaway project through an "artifact" repository with packagist disabled, and runs PHPUnit over every
# scenario of sdks/contract/SCENARIOS.md against the installed package.
# Needs the contract environment (REELFORGE_BASE_URL, REELFORGE_API_KEY, REELFORGE_QUOTA1_KEY, REELFORGE_BROKE_KEY,
# REELFORGE_RESTRICTED_KEY, REELFORGE_FLAKY_URL): sdks/contract/run.sh sets it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

missing=()
for tool in php composer phpunit ffprobe; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -eq 0 ]; then
  for ext in curl zip; do php -r "exit(extension_loaded('$ext') ? 0 : 1);" || missing+=("php-$ext"); done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "php: missing toolchain: ${missing[*]} (scripts/test-deps.sh installs php-cli php-curl php-zip composer phpunit ffmpeg)" >&2
  exit 1
fi
for var in REELFORGE_BASE_URL REELFORGE_API_KEY REELFORGE_QUOTA1_KEY REELFORGE_BROKE_KEY REELFORGE_RESTRICTED_KEY REELFORGE_FLAKY_URL; do
  [ -n "${!var:-}" ] || { echo "php: $var is not set (sdks/contract/run.sh sets the contract environment)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/reelforge-php.XXXXXX")
trap 'rm -rf "$work"' EXIT
export COMPOSER_HOME=$work/composer-home COMPOSER_CACHE_DIR=$work/composer-cache COMPOSER_ALLOW_SUPERUSER=1 \
  COMPOSER_NO_INTERACTION=1 COMPOSER_DISABLE_NETWORK=1

# 1. the artefact
version=$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["version"];' "$here/composer.json")
composer archive --quiet --working-dir="$here" --format=zip --dir="$work/artifacts" --file="reelforge-reelforge-$version"
artefact=$work/artifacts/reelforge-reelforge-$version.zip
[ -f "$artefact" ] || { echo "php: composer archive made no $artefact" >&2; exit 1; }
echo "php: built $(basename "$artefact") ($(stat -c %s "$artefact") bytes)"

# 2. a throwaway project that installs it from the artefact only
mkdir -p "$work/project"
cat > "$work/project/composer.json" <<JSON
{
  "name": "reelforge/contract-php",
  "require": {"reelforge/reelforge": "$version"},
  "repositories": [{"type": "artifact", "url": "$work/artifacts"}, {"packagist.org": false}]
}
JSON
composer install --quiet --no-progress --working-dir="$work/project"
[ -f "$work/project/vendor/reelforge/reelforge/src/Client.php" ] || { echo "php: the package did not install" >&2; exit 1; }

# 3. the contract scenarios against the installed package (zend.exception_ignore_args=0: S05 checks that no
# key shows up even in a stack trace that lists arguments)
export REELFORGE_PHP_VENDOR=$work/project/vendor
# Extra arguments go to PHPUnit (e.g. --filter s01).
cd "$work"
phpunit -d zend.exception_ignore_args=0 --do-not-cache-result --testdox --colors=never \
  --bootstrap "$here/tests/bootstrap.php" "$@" "$here/tests"
