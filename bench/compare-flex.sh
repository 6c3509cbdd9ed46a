#!/usr/bin/env bash
# Scans the same 1 MB of disk specs with the rules of bench/Colo.Gen.Benchmarks/Grammars/disk-tokens.l
# (grammar/disk.l's patterns, actions returning the rule number) built two ways: by Debian's
# flex into C (gcc -O2), and by this generator into C#. Checks both count the same tokens,
# then prints each one's time for ROUNDS passes and the ratio.
#
#   bench/compare-flex.sh [ROUNDS]
# Needs flex, gcc and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build bench/Colo.Gen.Benchmarks -c Release -nologo -v quiet >/dev/null
bench=(dotnet bench/Colo.Gen.Benchmarks/bin/Release/net10.0/Colo.Gen.Benchmarks.dll)
"${bench[@]}" write-scan-input "$work/specs.txt"

{
  echo '%option noyywrap yymore'
  grep -v -e '^%option class' -e '^%option namespace' bench/Colo.Gen.Benchmarks/Grammars/disk-tokens.l \
    | sed 's|^%%$|%{\n#define Begin(x) BEGIN(x)\n#define More() yymore()\n%}\n%%|'
  cat <<'C'
%%
#include <time.h>
int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    static char buf[4 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    int rounds = atoi(argv[2]), tokens = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int r = 0; r < rounds; r++) {
        YY_BUFFER_STATE s = yy_scan_bytes(buf, (int)len);
        BEGIN(INITIAL);
        tokens = 0;
        while (yylex() > 0) tokens++;
        yy_delete_buffer(s);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%d tokens a pass, %.6f s, %.1f MB/s\n", tokens, secs, len * (double)rounds / secs / 1e6);
    return 0;
}
C
} >"$work/disk-tokens.l"
flex -o "$work/disk-tokens.c" "$work/disk-tokens.l"
gcc -O2 -w -o "$work/flex-scan" "$work/disk-tokens.c"

flex_line=$("$work/flex-scan" "$work/specs.txt" "$rounds")
ours_line=$("${bench[@]}" scan-time "$work/specs.txt" "$rounds")
echo "input: $(wc -c <"$work/specs.txt") bytes, $rounds passes"
echo "flex 2.6 + gcc -O2: $flex_line"
echo "Colo.Gen (C#):      $ours_line"
[[ ${flex_line%% *} == "${ours_line%% *}" ]] || { echo "token counts differ" >&2; exit 1; }
awk -v f="${flex_line#*, }" -v o="${ours_line#*, }" 'BEGIN { split(f, a, " "); split(o, b, " "); printf "ratio (flex time / our time): %.2f\n", a[1] / b[1] }'
