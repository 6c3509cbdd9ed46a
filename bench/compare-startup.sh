#!/usr/bin/env bash
# Whole-process time of one `colo-disk parse SPEC` (start-up, one parse, the JSON printed, exit),
# side by side in one run: colo-disk published as Native AOT, colo-disk framework-dependent (the
# apphost a .NET tool runs), and a C program over Debian's libxlutil doing the same parse and print
# (bench/startup/disk-parse-once.c). All three must print the same bytes first.
#
#   bench/compare-startup.sh [RUNS] [REPEATS] [SPEC]
#
# Builds the three once, then runs hyperfine REPEATS times (RUNS runs of each command, interleaved
# by hyperfine's order each time) and prints, for each repeat, each command's median and mean wall
# time and CPU time (user + system), and its median as a multiple of the C program's.
# Needs gcc, libxen-dev, hyperfine, clang, lld, zlib1g-dev (Native AOT) and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-200}
repeats=${2:-3}
spec=${3:-format=raw,vdev=hda,access=rw,target=/dev/vg/guest}
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
for ((repeat = 1; repeat <= repeats; repeat++)); do
  hyperfine -N --style none --warmup 20 --runs "$runs" --export-json "$work/times.json" \
    -n "C over libxlutil" "$(quote "${c[@]}")" \
    -n "colo-disk, Native AOT" "$(quote "${aot[@]}")" \
    -n "colo-disk, framework-dependent" "$(quote "${framework[@]}")" >/dev/null
  echo "repeat $repeat of $repeats, $runs runs each:"
  jq -r '.results as $r | ($r[0].median) as $c | $r[]
    | "  \(.command): median \(.median * 1e5 | round / 100) ms, mean \(.mean * 1e5 | round / 100) ms, CPU \((.user + .system) * 1e5 | round / 100) ms; \(.median / $c * 100 | round / 100) x the C program"' "$work/times.json"
done
