#!/usr/bin/env bash
# Whole-process time of one `colo-disk parse SPEC` (start-up, one parse, the JSON printed, exit),
# side by side in one run: colo-disk published as Native AOT, colo-disk framework-dependent (the
# apphost a .NET tool runs), and a C program over Debian's libxlutil doing the same parse and print
# (bench/startup/disk-parse-once.c). All three must print the same bytes first.
#
#   bench/compare-startup.sh [RUNS] [SPEC]
#
# Prints hyperfine's table and each colo-disk's mean as a multiple of the C program's.
# Needs gcc, libxen-dev, hyperfine, clang, lld, zlib1g-dev (Native AOT) and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-200}
spec=${2:-format=raw,vdev=hda,access=rw,target=/dev/vg/guest}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gcc -O2 -Wall -o "$work/disk-parse-once" bench/startup/disk-parse-once.c -lxlutil -lxenlight
dotnet publish cli/Colo.Gen.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo -v quiet >/dev/null
dotnet publish cli/Colo.Gen.Cli.csproj -c Release -o "$work/framework" -nologo -v quiet >/dev/null

c=("$work/disk-parse-once" "$spec")
aot=("$work/aot/colo-disk" parse "$spec")
framework=("$work/framework/colo-disk" parse "$spec")
"${c[@]}" >"$work/c.txt"
for side in aot framework; do
  declare -n command=$side
  "${command[@]}" >"$work/$side.txt"
  if ! cmp -s "$work/c.txt" "$work/$side.txt"; then
    echo "colo-disk ($side) and libxlutil print different bytes for: $spec" >&2
    diff "$work/c.txt" "$work/$side.txt" >&2 || true
    exit 1
  fi
done
echo "spec: $spec; the three print the same bytes"

quote() { printf '%q ' "$@"; }
hyperfine -N --warmup 10 --runs "$runs" --export-json "$work/times.json" \
  -n "C over libxlutil" "$(quote "${c[@]}")" \
  -n "colo-disk, Native AOT" "$(quote "${aot[@]}")" \
  -n "colo-disk, framework-dependent" "$(quote "${framework[@]}")"

jq -r '.results as $r | ($r[0].mean) as $c
  | $r[] | "\(.command): mean \(.mean * 1000 * 100 | round / 100) ms, median \(.median * 1000 * 100 | round / 100) ms = \(.mean / $c * 100 | round / 100) times the C program"' "$work/times.json"
