#!/usr/bin/env bash
# Builds the wheel and the sdist (dist/), installs the wheel into a fresh venv and runs the contract scenarios
# (sdks/contract/SCENARIOS.md) with pytest against the appliance in REELFORGE_BASE_URL (sdks/contract/run.sh
# sets it and the keys). pip installs from the machine's configured index/mirror.
set -euo pipefail
cd "$(dirname "$0")"
command -v python3 >/dev/null || { echo "python3 is needed"; exit 1; }
python3 -c 'import sys; assert sys.version_info >= (3, 9), sys.version' || { echo "Python >= 3.9 is needed"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/reelforge-python.XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build" || { echo "python3 -m venv failed: apt-get install python3-venv"; exit 1; }
"$work/build/bin/pip" install -q --retries 1 build hatchling
rm -rf dist
"$work/build/bin/python" -m build --no-isolation --sdist --wheel --outdir dist . >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
ls dist

# a fresh venv for the tests; the build venv's pip installs into it (saves a second ensurepip on a busy machine)
python3 -m venv --without-pip "$work/venv"
"$work/build/bin/pip" --python "$work/venv/bin/python" install -q --retries 1 dist/reelforge-*.whl pytest
# the tests must exercise the installed wheel, never ./src
where=$(cd "$work" && "$work/venv/bin/python" -c 'import reelforge; print(reelforge.__file__)')
case "$where" in "$work/venv/"*) echo "reelforge from $where";; *) echo "reelforge imported from $where, not the wheel"; exit 1;; esac
exec "$work/venv/bin/python" -m pytest -p no:cacheprovider -q -rA --durations=8 tests
