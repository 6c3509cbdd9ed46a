/*
 * xlu-oracle: runs Debian's libxlutil (Xen 4.17) disk-spec parser over a list of
 * disks so that Colo.Gen's parser can be compared with it line for line.
 *
 * Build: gcc -O2 -o xlu-oracle xlu-oracle.c -lxlutil -lxenlight
 *
 * THE LINE CONTRACT (shared with `colo-disk parse --jsonl`)
 * Input (stdin): one disk a line, terminated by '\n' (a final line without '\n'
 * counts too). The specs of one disk are separated by the byte 0x1F, so an empty
 * line is a disk with one empty spec. A spec can therefore never hold '\n' or
 * 0x1F; and since C strings end at NUL, a line must not hold NUL either (the
 * oracle cuts a spec at its first NUL, as xl's argv would).
 * Output (stdout): exactly one line per input disk, in order:
 *   {"disk": <JSON>}          xlu_disk_parse returned 0; <JSON> is
 *                             libxl_device_disk_to_json made compact: the yajl
 *                             pretty form with every space, tab and newline
 *                             outside strings removed, strings byte for byte.
 *   {"errors": ["...", ...]}  xlu_disk_parse failed; one string per line that
 *                             libxlutil wrote to its report FILE (source name
 *                             "command line"), without the '\n'.
 * Strings in the errors array are escaped as yajl escapes them: \" \\ \b \f \n
 * \r \t, other bytes below 0x20 as \u00XX (upper-case hex), everything else raw.
 * The separator after "disk" and "errors" is ": " (colon, one space).
 *
 * --time ROUNDS: parse all disks ROUNDS times with the report going to
 * /dev/null and print one line
 *   N parsed, M rejected, T s
 * where N and M count the disks of ONE round that parsed and that failed
 * (N + M = number of input disks) and T is the wall time of all ROUNDS rounds
 * of the parse loop alone (CLOCK_MONOTONIC; reading input, building the spec
 * arrays and one untimed warm-up round are outside it), printed with
 * printf "%.6f".
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxl.h>
#include <libxlutil.h>

#define SOURCE_NAME "command line"

struct disk_input {
    int nspecs;
    char **specs;
};

static void die(const char *what)
{
    perror(what);
    exit(3);
}

/* Splits one input line (without its '\n') at 0x1F into a fresh spec array. */
static void split_disk(char *line, struct disk_input *out)
{
    int n = 1;
    for (char *p = line; *p; p++)
        if (*p == '\x1f')
            n++;
    out->specs = malloc(sizeof(char *) * (size_t)n);
    if (!out->specs)
        die("malloc");
    out->nspecs = 0;
    char *start = line;
    for (char *p = line;; p++) {
        if (*p == '\x1f' || *p == 0) {
            int end = *p == 0;
            *p = 0;
            out->specs[out->nspecs++] = start;
            if (end)
                break;
            start = p + 1;
        }
    }
}

static struct disk_input *read_disks(size_t *count)
{
    size_t cap = 1024, n = 0;
    struct disk_input *disks = malloc(sizeof(*disks) * cap);
    if (!disks)
        die("malloc");
    char *line = NULL;
    size_t linecap = 0;
    ssize_t len;
    while ((len = getline(&line, &linecap, stdin)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = 0;
        if (n == cap) {
            cap *= 2;
            disks = realloc(disks, sizeof(*disks) * cap);
            if (!disks)
                die("realloc");
        }
        char *copy = strdup(line);
        if (!copy)
            die("strdup");
        split_disk(copy, &disks[n++]);
    }
    free(line);
    *count = n;
    return disks;
}

/* Writes s (length len) as a JSON string, escaping as yajl does. */
static void put_json_string(const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    putchar('"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\b': fputs("\\b", stdout); break;
        case '\f': fputs("\\f", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (c < 0x20) {
                printf("\\u00%c%c", hex[c >> 4], hex[c & 15]);
            } else {
                putchar(c);
            }
        }
    }
    putchar('"');
}

/* Prints yajl's pretty JSON with the whitespace between tokens removed. */
static void put_compact_json(const char *json)
{
    int in_string = 0, escaped = 0;
    for (const char *p = json; *p; p++) {
        char c = *p;
        if (in_string) {
            putchar(c);
            if (escaped)
                escaped = 0;
            else if (c == '\\')
                escaped = 1;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
            putchar(c);
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            putchar(c);
        }
    }
}

static void run_jsonl(struct disk_input *disks, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        char *report_text = NULL;
        size_t report_len = 0;
        FILE *report = open_memstream(&report_text, &report_len);
        if (!report)
            die("open_memstream");
        XLU_Config *cfg = xlu_cfg_init(report, SOURCE_NAME);
        if (!cfg)
            die("xlu_cfg_init");

        libxl_device_disk disk;
        libxl_device_disk_init(&disk);
        int rc = xlu_disk_parse(cfg, disks[i].nspecs,
                                (const char *const *)disks[i].specs, &disk);
        fclose(report);

        if (rc == 0) {
            char *json = libxl_device_disk_to_json(NULL, &disk);
            fputs("{\"disk\": ", stdout);
            put_compact_json(json ? json : "null");
            fputs("}\n", stdout);
            free(json);
        } else {
            fputs("{\"errors\": [", stdout);
            size_t start = 0;
            int first = 1;
            for (size_t j = 0; j < report_len; j++) {
                if (report_text[j] == '\n') {
                    if (!first)
                        putchar(',');
                    put_json_string(report_text + start, j - start);
                    first = 0;
                    start = j + 1;
                }
            }
            if (start < report_len) {
                if (!first)
                    putchar(',');
                put_json_string(report_text + start, report_len - start);
            }
            fputs("]}\n", stdout);
        }
        free(report_text);
        libxl_device_disk_dispose(&disk);
        xlu_cfg_destroy(cfg);
    }
}

static void parse_round(XLU_Config *cfg, struct disk_input *disks, size_t count,
                        size_t *parsed, size_t *rejected)
{
    *parsed = *rejected = 0;
    for (size_t i = 0; i < count; i++) {
        libxl_device_disk disk;
        libxl_device_disk_init(&disk);
        if (xlu_disk_parse(cfg, disks[i].nspecs,
                           (const char *const *)disks[i].specs, &disk) == 0)
            (*parsed)++;
        else
            (*rejected)++;
        libxl_device_disk_dispose(&disk);
    }
}

static void run_timed(struct disk_input *disks, size_t count, long rounds)
{
    FILE *null = fopen("/dev/null", "w");
    if (!null)
        die("/dev/null");
    XLU_Config *cfg = xlu_cfg_init(null, SOURCE_NAME);
    if (!cfg)
        die("xlu_cfg_init");

    size_t parsed = 0, rejected = 0;
    /* One untimed round first, as colo-disk's --count does (its JIT warms up there). */
    parse_round(cfg, disks, count, &parsed, &rejected);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long r = 0; r < rounds; r++)
        parse_round(cfg, disks, count, &parsed, &rejected);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec)
                     + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%zu parsed, %zu rejected, %.6f s\n", parsed, rejected, seconds);
    xlu_cfg_destroy(cfg);
    fclose(null);
}

int main(int argc, char **argv)
{
    long rounds = 0;
    if (argc == 3 && !strcmp(argv[1], "--time")) {
        rounds = strtol(argv[2], NULL, 10);
        if (rounds < 1) {
            fprintf(stderr, "xlu-oracle: --time needs a positive round count\n");
            return 2;
        }
    } else if (argc != 1) {
        fprintf(stderr, "usage: xlu-oracle [--time ROUNDS] < disks\n");
        return 2;
    }

    size_t count;
    struct disk_input *disks = read_disks(&count);
    if (rounds)
        run_timed(disks, count, rounds);
    else
        run_jsonl(disks, count);
    if (fflush(stdout) != 0)
        die("stdout");
    return 0;
}
