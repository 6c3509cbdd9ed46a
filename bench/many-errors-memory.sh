#!/usr/bin/env bash
# Peak memory and time of `colo-disk parse --jsonl` on specs made of errors (the table in
# docs/cli.md, "Bad input"): one spec of repeated `x=y,` (or `vdev=a,`) of a given size on one line,
# then one good disk on the next, so the run also shows that the disk after the bad one is printed.
#
#   bench/many-errors-memory.sh
#
# Prints, for each input, the peak RSS (GNU time's maximum resident set size), the wall time, the
# number of output lines and bytes, and whether the last line is the good disk.
# Needs GNU time (/usr/bin/time), perl and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish cli/Colo.Gen.Cli.csproj -c Release -o "$work/cli" -nologo -v quiet >/dev/null
good='format=raw,vdev=hdb,access=rw,target=/dev/vg/guest'

# repeat UNIT BYTES: UNIT repeated to BYTES bytes, no newline.
repeat() { perl -e 'my ($unit, $n) = @ARGV; print substr($unit x (int($n / length $unit) + 1), 0, $n)' "$1" "$2"; }

run() { # NAME UNIT BYTES
  local name=$1 unit=$2 bytes=$3
  { if ((bytes > 0)); then repeat "$unit" "$bytes"; echo; fi; echo "$good"; } >"$work/in.txt"
  /usr/bin/time -f "%M %e" -o "$work/time" dotnet "$work/cli/colo-disk.dll" parse --jsonl <"$work/in.txt" >"$work/out.jsonl"
  local kb seconds
  read -r kb seconds <"$work/time"
  local last
  last=$(tail -n 1 "$work/out.jsonl")
  local printed=no
  [[ $last == '{"disk": '*'"vdev":"hdb"'* ]] && printed=yes
  printf '%-34s %5d MB  %6.2f s  %9d lines  %12d bytes out  good disk after it printed: %s\n' \
    "$name" $((kb / 1024)) "$seconds" "$(wc -l <"$work/out.jsonl")" "$(wc -c <"$work/out.jsonl")" "$printed"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run "a one-disk line, for scale" "" 0
run "64 KB spec of x=y, (16,384 errors)" "x=y," $((64 << 10))
run "1 MB spec of x=y, (262,144 errors)" "x=y," $((1 << 20))
run "16 MB spec of x=y, (4,194,304 errors)" "x=y," $((16 << 20))
run "16 MB spec of vdev=a," "vdev=a," $((16 << 20))
