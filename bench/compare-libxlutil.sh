#!/usr/bin/env bash
# Parses the same disks with Debian's libxlutil (tests/native/xlu-oracle) and with
# colo-disk, first checking that both print the same lines, then timing both.
#
#   bench/compare-libxlutil.sh [ROUNDS] [CORPUS]
#
# CORPUS: one disk a line, the specs of one disk separated by the byte 0x1F (the
# contract at the top of tests/native/xlu-oracle/xlu-oracle.c). Without it, the
# disks of Xen's check-xl-disk-parse that 4.17 knows (tests/Colo.Gen.Tests/TestData) are repeated
# to 100,000 lines. Each side prints "N parsed, M rejected, T s", where T is its
# parse loop alone (reading input, start-up and one untimed warm-up round are left
# out, on both sides); the script then prints each side's time a disk and the ratio.
# With AOT=1 in the environment, colo-disk published as Native AOT is timed too (needs clang, lld,
# zlib1g-dev). bench's write-disk-corpus random PATH N writes the differential test's generated disks (mostly
# errors), the second corpus of the README's table.
# Needs gcc, libxen-dev, jq, perl and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-10}
corpus=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -z $corpus ]]; then
  corpus=$work/corpus.txt
  one=$work/one.txt
  : >"$corpus"
  grep -v '^#' tests/Colo.Gen.Tests/TestData/check-xl-disk-parse.jsonl \
    | grep -v -e trusted -e grant_usage | jq -r '.args | join("\u001f")' >"$one"
  while (( $(wc -l <"$corpus") < 100000 )); do cat "$one" >>"$corpus"; done
fi

oracle=$work/xlu-oracle
gcc -O2 -Wall -o "$oracle" tests/native/xlu-oracle/xlu-oracle.c -lxlutil -lxenlight

dotnet build cli/Colo.Gen.Cli.csproj -c Release -nologo -v quiet >/dev/null
cli=(dotnet "cli/bin/Release/net10.0/colo-disk.dll")

echo "corpus: $corpus ($(wc -l <"$corpus") disks), $rounds rounds"
# libxlutil writes a byte cut from a multi-byte character into its error line as it is; colo-disk
# shows it as \xNN (DiskSpecError, never a changed byte): both are normalised to the latter, as
# the differential test does (tests/Colo.Gen.Tests/Conformance/XluOracle.cs).
"$oracle" <"$corpus" | perl -MEncode -pe '$_ = Encode::encode("UTF-8", Encode::decode("UTF-8", $_, sub { sprintf("\\\\x%02X", shift) }))' >"$work/libxlutil.jsonl"
"${cli[@]}" parse --jsonl <"$corpus" >"$work/colo-disk.jsonl"
if ! cmp -s "$work/libxlutil.jsonl" "$work/colo-disk.jsonl"; then
  echo "the two parsers disagree; first differences:" >&2
  diff "$work/libxlutil.jsonl" "$work/colo-disk.jsonl" | head -20 >&2
  exit 1
fi
echo "same output on every disk"

disks=$(wc -l <"$corpus")
report() { # NAME LIBXLUTIL-LINE COLO-LINE
  echo "libxlutil 4.17: $2"
  echo "colo-disk ($1): $3"
  awk -v name="$1" -v x="${2##*, }" -v c="${3##*, }" -v n="$disks" -v r="$rounds" 'BEGIN {
    x += 0; c += 0
    printf "a disk: libxlutil %.0f ns, colo-disk (%s) %.0f ns; colo-disk is %.2f times as fast\n", x / (n * r) * 1e9, name, c / (n * r) * 1e9, x / c
  }'
}

# libxlutil is timed again next to each build, so each ratio comes from one run of both.
report "framework-dependent" "$("$oracle" --time "$rounds" <"$corpus")" "$("${cli[@]}" parse --count --rounds "$rounds" <"$corpus")"
if [[ -n ${AOT:-} ]]; then
  dotnet publish cli/Colo.Gen.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -nologo -v quiet >/dev/null
  report "Native AOT" "$("$oracle" --time "$rounds" <"$corpus")" "$("$work/aot/colo-disk" parse --count --rounds "$rounds" <"$corpus")"
fi
