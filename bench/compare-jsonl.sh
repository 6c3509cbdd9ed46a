#!/usr/bin/env bash
# Whole-process `colo-disk parse --jsonl` against bench/native/xlu-jsonl.c (the same job in C over
# Debian's libxlutil and libxl's JSON), side by side on the same input, for each build of colo-disk
# (Native AOT, then framework-dependent): first checks both print the same bytes, then runs the C
# program and colo-disk RUNS times in turn on the 418,000-disk corpus and once each on the
# 4,180,000-disk one, and prints wall time, throughput ratio and peak memory (maximum RSS).
#
#   bench/compare-jsonl.sh [RUNS]
#
# The corpora are bench's write-disk-corpus realistic (DiskLineCorpus: xl configs' shapes, varied;
# about 4% error lines), seed 16.
# Needs gcc, libxen-dev, GNU time (/usr/bin/time), clang, lld, zlib1g-dev (Native AOT) and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build bench/Colo.Gen.Benchmarks -c Release -nologo -v quiet >/dev/null
dotnet publish cli/Colo.Gen.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo -v quiet >/dev/null
dotnet publish cli/Colo.Gen.Cli.csproj -c Release -o "$work/framework" -nologo -v quiet >/dev/null
bench=(dotnet bench/Colo.Gen.Benchmarks/bin/Release/net10.0/Colo.Gen.Benchmarks.dll)
gcc -O2 -Wall -o "$work/xlu-jsonl" bench/native/xlu-jsonl.c -lxlutil -lxenlight

"${bench[@]}" write-disk-corpus realistic "$work/disks.txt" 418000
"${bench[@]}" write-disk-corpus realistic "$work/disks10.txt" 4180000

"$work/xlu-jsonl" <"$work/disks.txt" >"$work/c.jsonl"
echo "corpus: $(wc -l <"$work/disks.txt") disks, $(wc -c <"$work/disks.txt") bytes; C prints $(wc -c <"$work/c.jsonl") bytes"

measure() { # prints "SECONDS KB" for one run of the command on stdin $1
  local input=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" <"$input" >/dev/null
  cat "$work/time"
}

range() { tr ' ' '\n' <<<"$*" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

compare() { # NAME COMMAND...
  local name=$1
  shift
  local cli=("$@")
  "${cli[@]}" parse --jsonl <"$work/disks.txt" >"$work/colo.jsonl"
  cmp -s "$work/c.jsonl" "$work/colo.jsonl" || { echo "$name: the outputs differ:" >&2; diff "$work/c.jsonl" "$work/colo.jsonl" | head >&2; exit 1; }
  echo "== colo-disk, $name: the same bytes; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  local c_times=() colo_times=() s kb c_kb colo_kb
  for ((run = 0; run < runs; run++)); do
    read -r s kb < <(measure "$work/disks.txt" "$work/xlu-jsonl"); c_times+=("$s"); c_kb=$kb
    read -r s kb < <(measure "$work/disks.txt" "${cli[@]}" parse --jsonl); colo_times+=("$s"); colo_kb=$kb
  done
  local c10 c10_kb colo10 colo10_kb
  read -r c10 c10_kb < <(measure "$work/disks10.txt" "$work/xlu-jsonl")
  read -r colo10 colo10_kb < <(measure "$work/disks10.txt" "${cli[@]}" parse --jsonl)
  local c_range colo_range
  c_range=$(range "${c_times[@]}")
  colo_range=$(range "${colo_times[@]}")
  echo "418,000 disks: C over libxlutil ${c_range} s, ${c_kb} KB; colo-disk ${colo_range} s, ${colo_kb} KB"
  awk -v c="$c_range" -v o="$colo_range" 'BEGIN {
    split(c, a, "-"); split(o, b, "-")
    printf "colo-disk throughput / C throughput: %.2f-%.2f (worst against best, best against worst)\n", a[1] / b[2], a[2] / b[1]
  }'
  echo "4,180,000 disks: C over libxlutil ${c10} s, ${c10_kb} KB; colo-disk ${colo10} s, ${colo10_kb} KB; throughput ratio $(awk -v c="$c10" -v o="$colo10" 'BEGIN { printf "%.2f", c / o }')"
  echo "colo-disk peak memory, 4.18M disks minus 418k disks: $(((colo10_kb - colo_kb) / 1024)) MB"
}

compare "Native AOT" "$work/aot/colo-disk"
compare "framework-dependent" dotnet "$work/framework/colo-disk.dll"
