/*
 * The rules of bench/Colo.Gen.Benchmarks/Grammars/disk-tokens.l (grammar/disk.l's patterns, actions
 * returning the rule number) for re2c 3.0, with a timing main: bench/compare-flex.sh builds it
 * (re2c, then gcc -O2) and runs it next to flex's and Colo.Gen's scanners on the same input.
 *
 * Written for the comparison, not derived from another scanner: re2c's trailing context r / s
 * counts s for the longest match and leaves the cursor after r, as flex's and ours do; flex's
 * exclusive condition LEXERR (entered by the '.' rule with yymore) is a second block that the
 * '.' rule switches to; the end of input is re2c's recommended sentinel with bounds check
 * (re2c:eof). re2c's -b (bit vectors) and -g (computed gotos), and the padding method instead of
 * the sentinel, were measured no faster on this input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { INITIAL, LEXERR };

typedef struct { const unsigned char *cur, *lim, *tok; int cond; } scanner;

static int lex(scanner *s)
{
    const unsigned char *YYMARKER, *YYCTXMARKER;
    for (;;) {
        if (s->cond == INITIAL) {
            s->tok = s->cur;
            /*!local:re2c
            re2c:define:YYCTYPE = "unsigned char";
            re2c:define:YYCURSOR = "s->cur";
            re2c:define:YYLIMIT = "s->lim";
            re2c:yyfill:enable = 0;
            re2c:eof = 0;

            [ \t\n]+ / ([^ \t\n] [^\n]*)?  { return 1; }
            "format=" [^,]* ","?            { return 2; }
            "cdrom" ","?                    { return 3; }
            "devtype=cdrom" ","?            { return 4; }
            "devtype=disk" ","?             { return 5; }
            "devtype=" [^,]* ","?           { return 6; }
            "access=" [^,]* ","?            { return 7; }
            "backend=" [^,]* ","?           { return 8; }
            "backendtype=" [^,]* ","?       { return 9; }
            "specification=" [^,]* ","?     { return 10; }
            "vdev=" [^,]* ","?              { return 11; }
            "script=" [^,]* ","?            { return 12; }
            "direct-io-safe" ","?           { return 13; }
            "discard" ","?                  { return 14; }
            "no-discard" ","?               { return 15; }
            "colo" ","?                     { return 16; }
            "no-colo" ","?                  { return 17; }
            "colo-params=" [^,]* ","?       { return 18; }
            "colo-host=" [^,]* ","?         { return 19; }
            "colo-port=" [^,]* ","?         { return 20; }
            "colo-export=" [^,]* ","?       { return 21; }
            "active-disk=" [^,]* ","?       { return 22; }
            "hidden-disk=" [^,]* ","?       { return 23; }
            "trusted" ","?                  { return 24; }
            "untrusted" ","?                { return 25; }
            "grant_usage=1" ","?            { return 26; }
            "grant_usage=0" ","?            { return 27; }
            "target=" [^\n]*                { return 28; }
            [a-z] [-a-z0-9]* "=" [^,] ","?  { return 29; }
            ("raw"|"qcow" "2"?|"vhd") ":" / [^\n]*     { return 30; }
            ("iscsi"|"e"? "nbd"|"drbd") ":" / [^\n]*   { return 31; }
            "tapdisk:" / [^\n]*             { return 32; }
            "tap" "2"? ":" / [^\n]*         { return 33; }
            "aio:" / [^\n]*                 { return 34; }
            "ioemu:" / [^\n]*               { return 35; }
            "file:" / [^\n]*                { return 36; }
            "phy:" / [^\n]*                 { return 37; }
            [a-z] [a-z0-9]* ":" / ([^a-z0-9\n] [^\n]*)? { return 38; }
            [^=,\n]* "," | [^=,\n]+ ","?    { return 39; }
            [^\n]                           { s->cond = LEXERR; continue; }
            $                               { return 0; }
            *                               { return -1; }
            */
        } else {
            /*!local:re2c
            re2c:define:YYCTYPE = "unsigned char";
            re2c:define:YYCURSOR = "s->cur";
            re2c:define:YYLIMIT = "s->lim";
            re2c:yyfill:enable = 0;
            re2c:eof = 0;

            [^\n]+   { s->cond = INITIAL; return 40; }
            "\n"     { s->cond = INITIAL; return 41; }
            $        { return 0; }
            *        { return -1; }
            */
        }
    }
}

int main(int argc, char **argv)
{
    FILE *f = fopen(argv[1], "rb");
    static unsigned char buf[(4 << 20) + 1];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    buf[len] = 0; /* the sentinel re2c:eof checks against YYLIMIT */
    int rounds = atoi(argv[2]), tokens = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int r = 0; r < rounds; r++) {
        scanner s = { buf, buf + len, buf, INITIAL };
        tokens = 0;
        while (lex(&s) > 0) tokens++;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%d tokens a pass, %.6f s, %.1f MB/s\n", tokens, secs, len * (double)rounds / secs / 1e6);
    return 0;
}
