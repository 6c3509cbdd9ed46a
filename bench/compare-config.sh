#!/usr/bin/env bash
# Reads the same xl domain configuration files with Debian's libxlutil
# (tests/native/xlcfg-oracle) and with Colo.Gen's XlConfig, first checking that
# `colo-disk config` prints exactly what libxlutil reads for each, then timing both.
#
#   bench/compare-config.sh [ROUNDS] [FILE...]
#
# Without FILEs: Xen's three example configs (tests/Colo.Gen.Tests/TestData/xl-examples)
# and bench/configs/colo-hvm.cfg. Each side reads the files into memory, reads them
# ROUNDS/10 times untimed (the .NET side's JIT compiles the reader there), then ROUNDS times (libxlutil: xlu_cfg_init + xlu_cfg_readdata +
# xlu_cfg_destroy, as xl does; Colo.Gen: XlConfig.Parse), and prints
# "N read, M rejected, T s" with T the timed loop alone; the script then prints each
# side's time a file and the ratio. Needs gcc, libxen-dev and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-20000}
shift || true
files=("$@")
if ((${#files[@]} == 0)); then
  files=(tests/Colo.Gen.Tests/TestData/xl-examples/xlexample.* bench/configs/*.cfg)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

oracle=$work/xlcfg-oracle
gcc -O2 -Wall -o "$oracle" tests/native/xlcfg-oracle/xlcfg-oracle.c -lxlutil -lxenlight
dotnet build cli/Colo.Gen.Cli.csproj -c Release -nologo -v quiet >/dev/null
dotnet build bench/Colo.Gen.Benchmarks -c Release -nologo -v quiet >/dev/null

for f in "${files[@]}"; do
  set +e
  "$oracle" "$f" >"$work/x.out" 2>"$work/x.err"; x=$?
  dotnet cli/bin/Release/net10.0/colo-disk.dll config "$f" >"$work/c.out" 2>"$work/c.err"; c=$?
  set -e
  if [[ $x != "$c" ]] || ! cmp -s "$work/x.out" "$work/c.out" || ! cmp -s "$work/x.err" "$work/c.err"; then
    echo "libxlutil and colo-disk config disagree on $f:" >&2
    diff "$work/x.out" "$work/c.out" | head -10 >&2 || true
    diff "$work/x.err" "$work/c.err" | head -10 >&2 || true
    exit 1
  fi
done
echo "same settings and messages for ${#files[@]} files; $rounds rounds"

xlu=$("$oracle" --time "$rounds" "${files[@]}")
colo=$(dotnet bench/Colo.Gen.Benchmarks/bin/Release/net10.0/Colo.Gen.Benchmarks.dll config-time "$rounds" "${files[@]}")
echo "libxlutil 4.17: $xlu"
echo "Colo.Gen:       $colo"
awk -v x="${xlu##*, }" -v c="${colo##*, }" -v n="${#files[@]}" -v r="$rounds" 'BEGIN {
  x += 0; c += 0
  printf "a file: libxlutil %.2f us, Colo.Gen %.2f us; Colo.Gen is %.2f times as fast\n", x / (n * r) * 1e6, c / (n * r) * 1e6, x / c
}'
