#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer for the build and the scripts: $JAVA_HOME when it is one, else Temurin 25 at
# /usr/lib/jvm/temurin-25-jdk-amd64, else the newest JDK 21+ under /usr/lib/jvm (Debian's default java is 17).
# Exits 1 with the reason when there is none. The Makefile and the scripts call it; nobody has to set anything.
set -euo pipefail
feature() { # JAVA_HOME -> its feature release (17, 21, 25), or nothing
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}
ok() { [ -x "$1/bin/java" ] && [ -x "$1/bin/jlink" ] && [ "$(feature "$1")" -ge 21 ] 2>/dev/null; }
for home in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$home" ] && ok "$home"; then echo "$home"; exit 0; fi
done
best=
for home in /usr/lib/jvm/*/; do
  home=${home%/}
  if ok "$home" && { [ -z "$best" ] || [ "$(feature "$home")" -gt "$(feature "$best")" ]; }; then best=$home; fi
done
[ -n "$best" ] && { echo "$best"; exit 0; }
echo "Reelforge needs a JDK 21 or newer (Temurin 25 is the one it is tested on): none at \$JAVA_HOME" \
  "(${JAVA_HOME:-unset}) or under /usr/lib/jvm. Install one (e.g. apt-get install temurin-25-jdk from" \
  "packages.adoptium.net, or openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
exit 1
