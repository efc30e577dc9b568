#!/usr/bin/env bash
# Lays out the release tree and packs the tarball (run by Maven in packaging's package phase):
#   assemble.sh VERSION TARGET_DIR FLAVOR
# target/dist/reelforge-VERSION/ gets the uber jar (whose WAR carries the libtorch native; FLAVOR names it),
# a jlink runtime of the build JDK, the installer, the CLI, the systemd unit and the licenses; then reelforge-VERSION-linux-x86_64.tar.gz and its
# .sha256. The tar is reproducible: sorted names, fixed mtime and owners, gzip without a name or time.
set -euo pipefail
version=$1 target=$2 flavor=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
name=reelforge-$version
tree=$target/dist/$name
epoch=$(date -d "${OUTPUT_TIMESTAMP:-2026-01-01T00:00:00Z}" +%s)
# java.se plus what Payara Micro, Hazelcast, Derby and DJL reach beyond it (found with jdeps on the WAR's and
# Payara's jars, then checked by booting the appliance on the result: see docs/install.md).
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.management,jdk.naming.dns,jdk.charsets,jdk.security.auth,jdk.security.jgss,jdk.xml.dom,jdk.net,jdk.jfr,jdk.localedata

# The redistributable H.264 path is the LGPL FFmpeg build (licenses/README.md): a GPL (libx264) build in the
# bundle is refused unless asked for by name with H264_GPL=yes.
if [ "${H264_GPL:-no}" != yes ] && (cd "$target" && jar tf ROOT.war; ls server-lib) | grep -q -- '-gpl\.jar$'; then
  echo "dist: the bundle carries a GPL FFmpeg build (*-gpl.jar); set H264_GPL=yes to ship it knowingly" >&2
  exit 1
fi

# Payara's uber-jar step writes the build time into MICRO-INF/deploy/payaramicro.properties (a comment): drop
# it, so that two builds of one commit have the same entries with the same contents (compare-jars.sh).
props=$target/uber-props/MICRO-INF/deploy/payaramicro.properties
rm -rf "$target/uber-props" && mkdir -p "$(dirname "$props")"
(cd "$target/uber-props" && jar xf "$target/reelforge.jar" MICRO-INF/deploy/payaramicro.properties)
if grep -q '^#[A-Z][a-z][a-z] ' "$props"; then
  sed -i '/^#[A-Z][a-z][a-z] [A-Z][a-z][a-z] /d' "$props"
  (cd "$target/uber-props" && jar uf "$target/reelforge.jar" MICRO-INF/deploy/payaramicro.properties)
fi

t0=$(date +%s)
rm -rf "$target/dist"
mkdir -p "$tree"/{bin,lib/natives,systemd,licenses}
install -m 0755 "$repo/installer/install.sh" "$tree/install.sh"
install -m 0644 "$repo/installer/common.sh" "$tree/lib/common.sh"
install -m 0755 "$here/bin/reelforge" "$here/bin/reelforge-server" "$tree/bin/"
install -m 0644 "$here/systemd/reelforge.service" "$tree/systemd/"
install -m 0644 "$target/reelforge.jar" "$tree/lib/reelforge.jar"
install -m 0644 "$target/ROOT.war" "$tree/lib/ROOT.war"   # what the launcher deploys (rf_micro_root)
install -m 0644 "$target/ROOT-setup.jar" "$tree/lib/reelforge-setup.jar"
echo "$flavor" > "$tree/lib/natives/FLAVOR"
echo "$version" > "$tree/VERSION"
install -m 0644 "$repo/licenses/LICENSE" "$repo/licenses/NOTICE" "$repo/licenses/README.md" "$tree/licenses/"
install -m 0644 "$target/generated-sources/license/THIRD-PARTY.txt" "$tree/licenses/THIRD-PARTY.txt"
install -m 0644 "$target/reelforge-sbom.json" "$tree/licenses/sbom.cyclonedx.json"

jhome=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
# The installed appliance starts from a Payara Micro root directory (installer/common.sh, rf_micro_root) through
# lib/reelforge-launch.jar, made by launcher.sh before this script runs.
install -m 0644 "$target/launch-jar/root/reelforge-launch.jar" "$tree/lib/reelforge-launch.jar"
"$jhome/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --output "$tree/runtime"
t1=$(date +%s)

find "$tree" -exec touch -h -d "@$epoch" {} +
tarball=$target/$name-linux-x86_64.tar.gz
(cd "$target/dist" && tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner -cf - "$name") \
  | gzip -n -6 > "$tarball"
(cd "$target" && sha256sum "$(basename "$tarball")" > "$(basename "$tarball").sha256")
t2=$(date +%s)
echo "dist: $tarball ($(du -m "$tarball" | cut -f1) MB): layout + jlink $((t1 - t0)) s, tar.gz $((t2 - t1)) s"
