#!/usr/bin/env bash
# The Ruby SDK's contract suite: builds the gem (gem build), installs it with `gem install --local` into a
# throwaway GEM_HOME, and runs minitest over every scenario of sdks/contract/SCENARIOS.md against the installed
# gem (lib/ is never put on the load path).
# Needs the contract environment (REELFORGE_BASE_URL, REELFORGE_API_KEY, REELFORGE_QUOTA1_KEY, REELFORGE_BROKE_KEY,
# REELFORGE_RESTRICTED_KEY, REELFORGE_FLAKY_URL): sdks/contract/run.sh sets it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

missing=()
for tool in ruby gem ffprobe; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -eq 0 ]; then
  ruby -e 'exit(Gem::Version.new(RUBY_VERSION) >= Gem::Version.new("3.1") ? 0 : 1)' || missing+=("ruby>=3.1")
  ruby -e 'require "minitest"' 2>/dev/null || missing+=("minitest")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "ruby: missing toolchain: ${missing[*]} (scripts/test-deps.sh installs ruby ffmpeg)" >&2
  exit 1
fi
for var in REELFORGE_BASE_URL REELFORGE_API_KEY REELFORGE_QUOTA1_KEY REELFORGE_BROKE_KEY REELFORGE_RESTRICTED_KEY REELFORGE_FLAKY_URL; do
  [ -n "${!var:-}" ] || { echo "ruby: $var is not set (sdks/contract/run.sh sets the contract environment)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/reelforge-ruby.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. the artefact
(cd "$here" && gem build reelforge.gemspec --output "$work/reelforge.gem" >"$work/build.log" 2>&1) || { cat "$work/build.log" >&2; exit 1; }
version=$(ruby -rrubygems/package -e 'print Gem::Package.new(ARGV[0]).spec.version' "$work/reelforge.gem")
cp "$work/reelforge.gem" "$work/reelforge-$version.gem"
echo "ruby: built reelforge-$version.gem ($(stat -c %s "$work/reelforge.gem") bytes)"

# 2. installed from the artefact only, into a throwaway GEM_HOME (no network: --local)
export GEM_HOME=$work/gems
gem install --local --no-document --install-dir "$GEM_HOME" "$work/reelforge-$version.gem" >/dev/null
[ -f "$GEM_HOME/gems/reelforge-$version/lib/reelforge.rb" ] || { echo "ruby: the gem did not install" >&2; exit 1; }

# 3. the contract scenarios against the installed gem. Extra arguments go to minitest (e.g. -n /s01/).
cd "$work"
ruby -e 'Dir[File.join(ARGV.shift, "*_test.rb")].sort.each { |file| require file }' "$here/test" --verbose "$@"
