#!/usr/bin/env bash
# Scans the same 1 MB of disk specs with the rules of bench/Colo.Gen.Benchmarks/Grammars/disk-tokens.l
# (grammar/disk.l's patterns, actions returning the rule number) built four ways:
#   flex        Debian's flex 2.6.4, default tables, gcc -O2
#   flex -CF    flex's fastest tables; -CF refuses variable trailing context, so each r/s rule is
#               rewritten as the full match rs whose action gives s back with yyless (same tokens)
#   re2c        re2c 3.0 direct code, gcc -O2 (bench/scanners/disk-tokens.re, the same rules)
#   Colo.Gen    this generator's C# scanner (after a warm-up, so its direct-coded walk is compiled)
# Checks all count the same tokens, then runs each TRIALS times in turn (ROUNDS passes a run) and
# prints each one's range of MB/s and ns a byte over the runs, and how many times Colo.Gen's time
# each peer's time is (best against best, worst against worst).
#
#   bench/compare-flex.sh [ROUNDS] [TRIALS]
# Needs flex, re2c, gcc and the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-50}
trials=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build bench/Colo.Gen.Benchmarks -c Release -nologo -v quiet >/dev/null
bench=(dotnet bench/Colo.Gen.Benchmarks/bin/Release/net10.0/Colo.Gen.Benchmarks.dll)
"${bench[@]}" write-scan-input "$work/specs.txt"

main_c=$(cat <<'C'
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
)

# The rule file as flex takes it: options for C, Begin/More as macros.
flex_rules() {
  echo '%option noyywrap yymore'
  echo '%{'
  echo '#include <string.h>'
  echo '%}'
  grep -v -e '^%option class' -e '^%option namespace' bench/Colo.Gen.Benchmarks/Grammars/disk-tokens.l \
    | sed 's|^%%$|%{\n#define Begin(x) BEGIN(x)\n#define More() yymore()\n%}\n%%|'
}

flex_rules >"$work/flex.l"
echo "$main_c" >>"$work/flex.l"
flex -o "$work/flex.c" "$work/flex.l"
gcc -O2 -w -o "$work/flex-scan" "$work/flex.c"

# -CF: [ \t\n]+/(ctx) gives back all but its leading whitespace; X:/(ctx) all but up to the first ':'.
flex_rules \
  | sed -E 's#^\[ \\t\\n\]\+/(.*\S)( +)return ([0-9]+);$#[ \\t\\n]+\1\2{ yyless(strspn(yytext, " \\t\\n")); return \3; }#' \
  | sed -E 's#^(\S*):/(\S*)( +)return ([0-9]+);$#\1:\2\3{ yyless(strchr(yytext, '"':'"') - yytext + 1); return \4; }#' \
  >"$work/flex-cf.l"
if grep -q '^[^ ]*/[^ ]* *return' "$work/flex-cf.l"; then
  echo "a trailing-context rule was not rewritten for flex -CF" >&2
  exit 1
fi
echo "$main_c" >>"$work/flex-cf.l"
flex -CF -o "$work/flex-cf.c" "$work/flex-cf.l"
gcc -O2 -w -o "$work/flex-cf-scan" "$work/flex-cf.c"

re2c -W -o "$work/re2c.c" bench/scanners/disk-tokens.re
gcc -O2 -o "$work/re2c-scan" "$work/re2c.c"

names=("flex" "flex -CF" "re2c" "Colo.Gen")
commands=("$work/flex-scan" "$work/flex-cf-scan" "$work/re2c-scan" "${bench[*]} scan-time")
bytes=$(wc -c <"$work/specs.txt")
echo "input: $bytes bytes, $rounds passes a run, $trials runs each, in turn; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times
tokens=""
for ((trial = 0; trial < trials; trial++)); do
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086 # the .NET command is two words
    line=$(${commands[$i]} "$work/specs.txt" "$rounds")
    count=${line%% *}
    [[ -z $tokens || $tokens == "$count" ]] || { echo "token counts differ: ${names[$i]} $count, others $tokens" >&2; exit 1; }
    tokens=$count
    seconds=$(sed -E 's/.*, ([0-9.]+) s,.*/\1/' <<<"$line")
    times[$i]="${times[$i]:-} $seconds"
  done
done
echo "$tokens tokens a pass, the same for all"

stats() { # best and worst of the seconds given
  tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print v[1], v[NR] }'
}
read -r our_best our_worst < <(stats "${times[3]}")
for i in "${!names[@]}"; do
  read -r best worst < <(stats "${times[$i]}")
  awk -v n="${names[$i]}" -v b="$best" -v w="$worst" -v bytes="$bytes" -v r="$rounds" -v ob="$our_best" -v ow="$our_worst" 'BEGIN {
    printf "%-9s %.0f-%.0f MB/s (%.2f-%.2f ns a byte)", n, bytes * r / w / 1e6, bytes * r / b / 1e6, b / (bytes * r) * 1e9, w / (bytes * r) * 1e9
    if (n != "Colo.Gen") printf "; Colo.Gen time / this time: best %.2f, worst %.2f", ob / b, ow / w
    printf "\n"
  }'
done
