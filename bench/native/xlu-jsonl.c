/*
 * xlu-jsonl: what `colo-disk parse --jsonl` does, done in C over Debian's libxlutil and
 * libxl's JSON, as a program a Xen user would write for it: bench/compare-jsonl.sh times the
 * two side by side on the same input.
 *
 * Build: gcc -O2 -o xlu-jsonl xlu-jsonl.c -lxlutil -lxenlight
 *
 * Input and output follow the line contract of tests/native/xlu-oracle (one disk a line, its
 * specs separated by 0x1F; one line out a disk: {"disk": COMPACT-JSON} or {"errors": [...]}),
 * and the bytes are the same as the oracle's. Unlike the oracle, this program streams: it reads
 * a line, parses it, writes its line, and keeps nothing else, so its memory stays flat. One
 * XLU_Config serves every disk; its error report goes to one memory stream that is rewound for
 * each disk. Output is built a line at a time in a buffer and written with fwrite.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxl.h>
#include <libxlutil.h>

static char *line_out;
static size_t out_len, out_cap;

static void die(const char *what)
{
    perror(what);
    exit(3);
}

static void put(const char *s, size_t n)
{
    if (out_len + n > out_cap) {
        while (out_len + n > out_cap)
            out_cap = out_cap ? 2 * out_cap : 4096;
        line_out = realloc(line_out, out_cap);
        if (!line_out)
            die("realloc");
    }
    memcpy(line_out + out_len, s, n);
    out_len += n;
}

static void putc_out(char c) { put(&c, 1); }

/* A JSON string as yajl escapes it: \" \\ \b \f \n \r \t, other bytes below 0x20 as \u00XX. */
static void put_json_string(const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    putc_out('"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': put("\\\"", 2); break;
        case '\\': put("\\\\", 2); break;
        case '\b': put("\\b", 2); break;
        case '\f': put("\\f", 2); break;
        case '\n': put("\\n", 2); break;
        case '\r': put("\\r", 2); break;
        case '\t': put("\\t", 2); break;
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            put(u, 6);
        }
        }
    }
    put(s + run, len - run);
    putc_out('"');
}

/* yajl's pretty JSON without the whitespace between tokens. */
static void put_compact_json(const char *json)
{
    int in_string = 0, escaped = 0;
    for (const char *p = json; *p; p++) {
        char c = *p;
        if (in_string) {
            putc_out(c);
            if (escaped)
                escaped = 0;
            else if (c == '\\')
                escaped = 1;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
            putc_out(c);
        } else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
            putc_out(c);
        }
    }
}

int main(void)
{
    char *report_text = NULL;
    size_t report_size = 0;
    FILE *report = open_memstream(&report_text, &report_size);
    if (!report)
        die("open_memstream");
    XLU_Config *cfg = xlu_cfg_init(report, "command line");
    if (!cfg)
        die("xlu_cfg_init");
    static char stdout_buffer[1 << 16];
    setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

    char *line = NULL;
    size_t line_cap = 0;
    ssize_t len;
    const char **specs = NULL;
    size_t specs_cap = 0;
    while ((len = getline(&line, &line_cap, stdin)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = 0;
        size_t n = 1;
        for (char *p = line; *p; p++)
            n += *p == '\x1f';
        if (n > specs_cap) {
            specs_cap = n;
            specs = realloc(specs, sizeof *specs * specs_cap);
            if (!specs)
                die("realloc");
        }
        n = 0;
        specs[n++] = line;
        for (char *p = line; *p; p++)
            if (*p == '\x1f') {
                *p = 0;
                specs[n++] = p + 1;
            }

        fseek(report, 0, SEEK_SET);
        libxl_device_disk disk;
        libxl_device_disk_init(&disk);
        int rc = xlu_disk_parse(cfg, (int)n, specs, &disk);
        fflush(report);
        size_t report_len = (size_t)ftell(report);

        out_len = 0;
        if (rc == 0) {
            char *json = libxl_device_disk_to_json(NULL, &disk);
            put("{\"disk\": ", 9);
            put_compact_json(json ? json : "null");
            put("}\n", 2);
            free(json);
        } else {
            put("{\"errors\": [", 12);
            size_t start = 0;
            int first = 1;
            for (size_t j = 0; j <= report_len; j++) {
                if (j == report_len ? start < report_len : report_text[j] == '\n') {
                    if (!first)
                        putc_out(',');
                    put_json_string(report_text + start, j - start);
                    first = 0;
                    start = j + 1;
                }
            }
            put("]}\n", 3);
        }
        fwrite(line_out, 1, out_len, stdout);
        libxl_device_disk_dispose(&disk);
    }

    free(line);
    free(specs);
    xlu_cfg_destroy(cfg);
    fclose(report);
    free(report_text);
    if (fflush(stdout) != 0)
        die("stdout");
    return 0;
}
