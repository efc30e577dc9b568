#!/usr/bin/env bash
# The installer's libtorch archive (install.sh --libtorch ARCHIVE) and the CLI's device line (reelforge status),
# on this machine without root, a built release or a GPU: small fake libtorch archives (lib/libtorch.so and
# build-version, as pytorch.org's zip lays them out), a fake nvidia-smi on PATH, and a fake /health/ready.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/reelforge-libtorch-test.XXXXXX)
trap 'rc=$?; [ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$W"; [ $rc -eq 0 ] && echo "libtorch-test: all passed" || echo "libtorch-test: failed"' EXIT
fail() { echo "libtorch-test FAILED: $*" >&2; exit 1; }
root_user() { [ "$(id -u)" -eq 0 ]; }
# shellcheck source=../common.sh
. "$repo/installer/common.sh"
RF_ROOT=$W/prefix; rf_paths

fake_libtorch() { # DIR BUILD_VERSION
  mkdir -p "$1/libtorch/lib"; echo "not really a library" > "$1/libtorch/lib/libtorch.so"; echo "$2" > "$1/libtorch/build-version"
}
fake_libtorch "$W/cu" 2.7.1+cu128
(cd "$W/cu" && zip -qr "$W/libtorch-cu128.zip" libtorch 2>/dev/null || python3 -m zipfile -c "$W/libtorch-cu128.zip" libtorch)
(cd "$W" && sha256sum libtorch-cu128.zip > libtorch-cu128.zip.sha256)
parent=$RF_OPT/libtorch

echo "== a verified zip unpacks under the install as <version>-<flavor>"
out=$(rf_libtorch_unpack "$W/libtorch-cu128.zip" "$parent" "" 0) || fail "refused: $out"
[ "$out" = "$parent/2.7.1-cu128" ] && [ -f "$out/lib/libtorch.so" ] || fail "unpacked to $out"
[ "$(cat "$out/.archive-sha256")" = "$(cut -d' ' -f1 "$W/libtorch-cu128.zip.sha256")" ] || fail "checksum not recorded"
[ -z "$(ls -A "$parent" | grep -v '^2.7.1-cu128$')" ] || fail "staging left behind: $(ls -A "$parent")"
echo "== the service is given it (the launcher's options)"
opts=$(REELFORGE_LIBTORCH_DIR=$out rf_native_opts "$W/release" "$W/data")
grep -q -- "-DPYTORCH_LIBRARY_PATH=$out/lib -DPYTORCH_VERSION=2.7.1 -DPYTORCH_FLAVOR=cu128" <<<"$opts" || fail "options: $opts"

echo "== a wrong checksum is refused, even with --libtorch-unverified"
echo "0000000000000000000000000000000000000000000000000000000000000000  libtorch-cu128.zip" > "$W/bad.sha256"
out=$(rf_libtorch_unpack "$W/libtorch-cu128.zip" "$parent" "$(cut -d' ' -f1 "$W/bad.sha256")" 1) && fail "accepted a wrong sha256"
grep -q "but 0000000000000000000000000000000000000000000000000000000000000000 was expected" <<<"$out" || fail "reason: $out"
echo "== a missing checksum is refused unless --libtorch-unverified"
fake_libtorch "$W/cpu" 2.7.1+cpu
tar -czf "$W/libtorch-cpu.tar.gz" -C "$W/cpu" libtorch
out=$(rf_libtorch_unpack "$W/libtorch-cpu.tar.gz" "$parent" "" 0) && fail "accepted an archive without a checksum"
grep -q "no checksum for $W/libtorch-cpu.tar.gz" <<<"$out" || fail "reason: $out"
out=$(rf_libtorch_unpack "$W/libtorch-cpu.tar.gz" "$parent" "" 1 2>"$W/warn") || fail "unverified refused: $out"
[ "$out" = "$parent/2.7.1-cpu" ] && grep -q "is not verified" "$W/warn" || fail "unverified: $out $(cat "$W/warn")"
echo "== --libtorch-sha256 HASH stands for the .sha256 file (either case)"
hash=$(sha256sum "$W/libtorch-cpu.tar.gz" | cut -d' ' -f1 | tr a-f A-F)
rf_libtorch_unpack "$W/libtorch-cpu.tar.gz" "$parent" "$hash" 0 >/dev/null || fail "an explicit sha256 was refused"
echo "== a libtorch this release cannot load is refused, and nothing is left"
fake_libtorch "$W/old" 2.5.1+cu124
tar -cJf "$W/libtorch-old.tar.xz" -C "$W/old" libtorch
out=$(rf_libtorch_unpack "$W/libtorch-old.tar.xz" "$parent" "$(sha256sum "$W/libtorch-old.tar.xz" | cut -d' ' -f1)" 0) \
  && fail "accepted libtorch 2.5.1"
grep -q "libtorch 2.5.1; this release needs 2.7.1" <<<"$out" || fail "reason: $out"
mkdir -p "$W/empty/x" && echo x > "$W/empty/x/readme" && tar -czf "$W/empty.tgz" -C "$W/empty" x
out=$(rf_libtorch_unpack "$W/empty.tgz" "$parent" "" 1 2>/dev/null) && fail "accepted an archive without libtorch"
grep -q "holds no lib/libtorch.so" <<<"$out" || fail "reason: $out"
[ "$(ls -A "$parent" | sort | tr '\n' ' ')" = "2.7.1-cpu 2.7.1-cu128 " ] || fail "left behind: $(ls -A "$parent")"

echo "== install.sh --dry-run names the archive step and changes nothing"
out=$("$repo/installer/install.sh" --dry-run --prefix "$W/dry" --libtorch "$W/libtorch-cu128.zip" --min-free-gb 0 2>&1 || true)
grep -q "\[dry-run\] check $W/libtorch-cu128.zip against its sha256 and unpack it under $W/dry/opt/reelforge/libtorch" <<<"$out" \
  || fail "dry run: $out"
[ ! -e "$W/dry/opt/reelforge/libtorch" ] || fail "the dry run unpacked"

echo "== reelforge status's device line"
mkdir -p "$W/release/lib/natives" "$W/release/natives/djl/pytorch/2.7.1-cpu-linux-x86_64" "$W/bin" "$RF_ETC"
echo cpu > "$W/release/lib/natives/FLAVOR"
device() { PATH="$W/bin:$PATH" rf_device_line "$W/release"; }
no_gpu=$(PATH="$W/bin:/usr/bin:/bin"; command -v nvidia-smi || true)
[ -z "$no_gpu" ] || fail "this test needs a machine without nvidia-smi (found $no_gpu)"
line=$(REELFORGE_LIBTORCH_DIR="" device)
[ "$line" = "cpu; no CUDA GPU visible; libtorch 2.7.1 cpu (bundled)" ] || fail "no GPU, bundled: $line"
cat > "$W/bin/nvidia-smi" <<'SMI'
#!/bin/sh
case "$*" in *--query-gpu=name*) printf 'NVIDIA H200\nNVIDIA H200\n';; *) echo "| NVIDIA-SMI 570.86  Driver Version: 570.86  CUDA Version: 12.8 |";; esac
SMI
chmod +x "$W/bin/nvidia-smi"
line=$(REELFORGE_LIBTORCH_DIR="" device)
[ "$line" = "cpu; CUDA 12.8, 2 GPUs visible; libtorch 2.7.1 cpu (bundled); GPU not used: reelforge.engine.djl.devices lists no GPU and libtorch is the cpu build" ] \
  || fail "GPUs, bundled CPU libtorch: $line"
echo "reelforge.engine.djl.devices=gpu0,gpu1" > "$RF_ETC/reelforge.properties"
line=$(REELFORGE_LIBTORCH_DIR="" device)
grep -q "; the GPUs cannot be used: libtorch is the cpu build; install the CUDA libtorch with install.sh --libtorch" <<<"$line" \
  || fail "GPUs listed, CPU libtorch: $line"
line=$(REELFORGE_LIBTORCH_DIR=$parent/2.7.1-cu128 device)
[ "$line" = "gpu0,gpu1; CUDA 12.8, 2 GPUs visible; libtorch 2.7.1 cu128 from $parent/2.7.1-cu128" ] || fail "GPUs, CUDA libtorch: $line"
echo "reelforge.engine.djl.devices=gpu0,gpu2" > "$RF_ETC/reelforge.properties"
line=$(REELFORGE_LIBTORCH_DIR=$parent/2.7.1-cu128 device)
grep -q "; gpu2 does not exist on this machine (2 GPUs visible, gpu0 to gpu1)$" <<<"$line" || fail "a missing GPU: $line"

echo "== reelforge status's engine line from /health/ready"
mkdir -p "$W/http/health"
printf '{"status":"UP","checks":[{"name":"database","status":"UP","data":{}},\n{"name":"engine","status":"UP","data":{"engine":"djl","device":"gpu0","detail":"ready: wan2.1-t2v-1.3b/3; devices: gpu0 free; CUDA 12.8, 1 GPU visible; libtorch 2.7.1 cu128 from /x"}}]}' \
  > "$W/http/health/ready"
RF_PORT=$(shuf -i 20000-32000 -n 1)
(cd "$W/http" && exec python3 -m http.server "$RF_PORT" --bind 127.0.0.1 >/dev/null 2>&1) & server=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$RF_PORT/health/ready" && break; sleep 0.1; done
line=$(rf_ready_engine) || fail "no engine check read"
[ "$line" = "djl on gpu0: ready: wan2.1-t2v-1.3b/3; devices: gpu0 free; CUDA 12.8, 1 GPU visible; libtorch 2.7.1 cu128 from /x" ] \
  || fail "engine line: $line"
