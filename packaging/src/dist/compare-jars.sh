#!/usr/bin/env bash
# Compares two builds of a jar (or WAR) by their entries: names, sizes and CRC-32s, in order; entry times are
# ignored (Payara's uber-jar step stamps its own). Nested archives (the WAR in the uber jar) count by their
# CRC, so one changed class inside shows. Exit 0 when the same, else prints the difference.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 A.jar B.jar" >&2; exit 2; }
entries() { unzip -lv "$1" | awk 'NR > 3 && $7 ~ /^[0-9a-f]{8}$/ {print $8, $1, $7}'; }
diff <(entries "$1") <(entries "$2") && echo "same entries and contents ($(entries "$1" | wc -l) entries): $1 $2"
