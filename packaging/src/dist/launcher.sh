#!/usr/bin/env bash
# The Payara Micro root the launcher starts from, made from the uber jar (run by Maven in packaging's prepare-package
# phase, after the uber jar, with or without -Ddist.skip):  launcher.sh TARGET_DIR
# TARGET/launch-jar/root: the uber jar unpacked by Payara Micro itself (--outputlauncher), with reelforge-launch.jar in
# place of Payara's launch-micro.jar: Payara's launcher jar for this uber jar (its class path names the root's runtime
# jars; its manifest carries the module options Payara needs) with the bundle's ApplianceMain as its main class.
# The release ships that jar as lib/reelforge-launch.jar (assemble.sh; the installed appliance makes its own root from
# the release's uber jar: installer/common.sh, rf_micro_root). The black-box tests start their appliances from this
# root, each in a root directory of its own (Appliance.java), as the release's launcher does.
set -euo pipefail
target=$1
jhome=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
epoch=$(date -d "${OUTPUT_TIMESTAMP:-2026-01-01T00:00:00Z}" +%s)
launch=$target/launch-jar
rm -rf "$launch" && mkdir -p "$launch"
"$jhome/bin/java" -jar "$target/reelforge.jar" --rootdir "$launch/root" --outputlauncher >"$launch/log" 2>&1 \
  || { cat "$launch/log" >&2; exit 1; }
mv "$launch/root/launch-micro.jar" "$launch/root/reelforge-launch.jar"
"$jhome/bin/jar" --update --file "$launch/root/reelforge-launch.jar" --main-class io.reelforge.launch.ApplianceMain \
  --date "$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)" -C "$target/classes" io/reelforge/launch
