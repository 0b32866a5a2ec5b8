#!/bin/sh
# Usage: sh Tests/HCLTests/Fixtures/bench/run.sh [megabytes]
# Builds Sources/HCL with this driver at -O and prints parse/evaluate CPU times.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swiftc -O -wmo $(find "$root/Sources/HCL" -name '*.swift') "$here/main.swift" -o "$out/hcl-bench"
"$out/hcl-bench" "${1:-10}"
