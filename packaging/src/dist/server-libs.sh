#!/usr/bin/env bash
# Copies the WAR's libraries named by the pom's server.libs (a regular expression over the jar names) from the
# exploded WAR (TARGET/ROOT/WEB-INF/lib, which keeps them; ROOT.war leaves them out) into TARGET/server-lib, the
# folder Payara Micro's --addLibs puts into the uber jar's MICRO-INF/lib:
#   server-libs.sh TARGET REGEX
# Fails when the two do not agree (a name the expression matches missing, or nothing matched), so that a library
# is never in neither place.
set -euo pipefail
target=$1 regex=$2
lib=$target/ROOT/WEB-INF/lib out=$target/server-lib
rm -rf "$out" && mkdir -p "$out"
mapfile -t jars < <(cd "$lib" && ls | grep -E "^${regex}\$" || true)
[ "${#jars[@]}" -gt 0 ] || { echo "server-libs: no jar in $lib matches $regex" >&2; exit 1; }
war=$(cd "$target" && jar tf ROOT.war)
for j in "${jars[@]}"; do
  cp -p "$lib/$j" "$out/$j"
  if grep -qxF "WEB-INF/lib/$j" <<<"$war"; then
    echo "server-libs: $j is still in ROOT.war" >&2; exit 1
  fi
done
echo "server-libs: ${#jars[@]} of $(ls "$lib" | wc -l) libraries on the server's class path (MICRO-INF/lib)"
