/*
 * xlcfg-oracle: reads xl domain configuration files with Debian's libxlutil (Xen
 * 4.17) and prints what it read, so that Colo.Gen's reader (runtime/Config) can
 * be compared with it byte for byte.
 *
 * Build: gcc -O2 -o xlcfg-oracle xlcfg-oracle.c -lxlutil -lxenlight
 *
 * ENUMERATING SETTINGS. libxlutil's public API finds settings by name only; it has
 * no call that lists them, nor one that gives a setting's line or operator. So
 * this program declares libxlutil 4.17's private structures itself (their field
 * order, from libxlu_internal.h of that release; no code of it) and walks the
 * settings list. The layout is checked on every run by the getter section of the
 * batch mode: each name's getters (public API) must print what the walk printed.
 *
 * HOW IT PRINTS (the contract shared with `colo-disk config` and XlConfigText)
 *   setting line: LINE ": " NAME " " OP " " VALUE "\n", in file order (libxlutil
 *     keeps the list newest first; it is printed reversed), OP "=" or "+=".
 *   VALUE: a string as a JSON string escaped as yajl escapes (\" \\ \b \f \n \r \t,
 *     other bytes below 0x20 as \u00XX upper-case hex, all other bytes raw); a
 *     string that is not valid UTF-8 as {"hex": "<its bytes, lower-case hex>"};
 *     a list as "[" items joined by ", " "]".
 *   report: what libxlutil writes to its report FILE, with every byte that does
 *     not start a valid UTF-8 sequence written as \xNN (upper-case hex).
 *
 * MODES
 *   xlcfg-oracle [--readfile] FILE [SOURCE]
 *     reads FILE whole and gives it to xlu_cfg_readdata (as xl does), or with
 *     --readfile to xlu_cfg_readfile; SOURCE (default FILE) is the report's
 *     source name. Settings go to stdout, the report to stderr; exit 0 when
 *     libxlutil returned 0, else 1.
 *   xlcfg-oracle --batch
 *     stdin: records "LENGTH SOURCE\n" followed by LENGTH bytes of config. Each
 *     is read in a forked child (libxlutil aborts on some inputs), which prints
 *       "status " RC "\n"  (libxlutil's return value)
 *       setting lines
 *       "report:\n" report lines of the read
 *       "getters:\n" then for each distinct name in order of first setting, and
 *         for the name "absent": the getters' results (see print_getters), each
 *         followed by what it wrote to the report
 *       "end\n"
 *     A child that dies prints nothing; the parent then prints
 *       "crashed " SIGNAL "\nend\n".
 *   xlcfg-oracle --time ROUNDS FILE...
 *     reads each file into memory, parses all of them ROUNDS/10 times (at least
 *     once) untimed and then ROUNDS times (init, readdata, destroy; report to
 *     /dev/null), and prints "N read, M rejected, T s" for one round (T: the
 *     timed rounds, CLOCK_MONOTONIC).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <libxl.h>
#include <libxlutil.h>

/* libxlutil 4.17's private layout (libxlu_internal.h), for walking the settings. */
struct mirror_list {
    int avalues;
    int nvalues;
    XLU_ConfigValue **values;
};
struct mirror_location {
    int first_line, first_column, last_line, last_column;
};
struct mirror_value {
    enum XLU_ConfigValueType type;
    union {
        char *string;
        struct mirror_list list;
    } u;
    struct mirror_location loc;
};
struct mirror_setting {
    struct mirror_setting *next;
    char *name;
    struct mirror_value *value;
    enum XLU_Operation op;
    int lineno;
};
struct mirror_config {
    struct mirror_setting *settings;
    FILE *report;
    char *config_source;
};

static void die(const char *what)
{
    perror(what);
    exit(3);
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0 (Unicode's table 3-7). */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (n < need + 1)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i <= need; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return need + 1;
}

static int valid_utf8(const unsigned char *s, size_t n)
{
    while (n > 0) {
        size_t k = utf8_sequence(s, n);
        if (!k)
            return 0;
        s += k;
        n -= k;
    }
    return 1;
}

/* Writes bytes with each byte that starts no valid UTF-8 sequence as \xNN. */
static void put_rendered(FILE *out, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    while (n > 0) {
        size_t k = utf8_sequence(s, n);
        if (k) {
            fwrite(s, 1, k, out);
        } else {
            fprintf(out, "\\x%02X", s[0]);
            k = 1;
        }
        s += k;
        n -= k;
    }
}

static void put_json_string(FILE *out, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = strlen(text);
    if (!valid_utf8(s, n)) {
        fputs("{\"hex\": \"", out);
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%02x", s[i]);
        fputs("\"}", out);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20)
                fprintf(out, "\\u00%02X", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

static void put_json_value(FILE *out, const struct mirror_value *value)
{
    if (value->type == XLU_STRING) {
        put_json_string(out, value->u.string);
        return;
    }
    fputc('[', out);
    for (int i = 0; i < value->u.list.nvalues; i++) {
        if (i)
            fputs(", ", out);
        put_json_value(out, (const struct mirror_value *)value->u.list.values[i]);
    }
    fputc(']', out);
}

static void put_settings(FILE *out, XLU_Config *cfg)
{
    const struct mirror_config *mirror = (const struct mirror_config *)cfg;
    size_t count = 0;
    for (const struct mirror_setting *s = mirror->settings; s; s = s->next)
        count++;
    const struct mirror_setting **all = calloc(count ? count : 1, sizeof(*all));
    if (!all)
        die("calloc");
    size_t i = count;
    for (const struct mirror_setting *s = mirror->settings; s; s = s->next)
        all[--i] = s;
    for (i = 0; i < count; i++) {
        fprintf(out, "%d: %s %s ", all[i]->lineno, all[i]->name, all[i]->op == XLU_OP_ADDITION ? "+=" : "=");
        put_json_value(out, all[i]->value);
        fputc('\n', out);
    }
    free(all);
}

/* The report FILE is a memory stream; this moves what was written since the last call to out, rendered. */
struct report {
    FILE *file;
    char *buffer;
    size_t size;
    size_t taken;
};

static void take_report(struct report *r, FILE *out)
{
    fflush(r->file);
    put_rendered(out, r->buffer + r->taken, r->size - r->taken);
    r->taken = r->size;
}

static void put_value_getters(FILE *out, XLU_Config *cfg, struct report *r, XLU_ConfigValue *value)
{
    char *s = NULL;
    XLU_ConfigList *list = NULL;
    int rc = xlu_cfg_value_get_string(cfg, value, &s, 0);
    fprintf(out, "value string: %d\n", rc);
    take_report(r, out);
    rc = xlu_cfg_value_get_list(cfg, value, &list, 0);
    fprintf(out, "value list: %d\n", rc);
    take_report(r, out);
    if (rc)
        return;
    for (int i = 0;; i++) {
        XLU_ConfigValue *item = xlu_cfg_get_listitem2(list, i);
        if (!item)
            break;
        put_value_getters(out, cfg, r, item);
    }
}

/*
 * For one name: get_string (rc, value), get_long and get_bounded_long(-5, 100) (rc, value),
 * get_defbool (rc, value), get_list (rc, count, each get_listitem as JSON or "null"), and for
 * a list, value_get_string and value_get_list on every value inside it, depth first.
 */
static void put_getters(FILE *out, XLU_Config *cfg, struct report *r, const char *name)
{
    const char *s = NULL;
    int rc = xlu_cfg_get_string(cfg, name, &s, 0);
    fprintf(out, "string %s: %d ", name, rc);
    if (rc)
        fputs("-", out);
    else
        put_json_string(out, s);
    fputc('\n', out);
    take_report(r, out);

    long l = 0;
    rc = xlu_cfg_get_long(cfg, name, &l, 0);
    fprintf(out, "long %s: %d %ld\n", name, rc, rc ? 0L : l);
    take_report(r, out);

    l = 0;
    rc = xlu_cfg_get_bounded_long(cfg, name, -5, 100, &l, 0);
    fprintf(out, "bounded %s: %d %ld\n", name, rc, rc ? 0L : l);
    take_report(r, out);

    libxl_defbool b = {0};
    rc = xlu_cfg_get_defbool(cfg, name, &b, 0);
    fprintf(out, "defbool %s: %d %s\n", name, rc, rc ? "-" : libxl_defbool_to_string(b));
    take_report(r, out);

    XLU_ConfigList *list = NULL;
    int entries = -1;
    rc = xlu_cfg_get_list(cfg, name, &list, &entries, 0);
    fprintf(out, "list %s: %d %d\n", name, rc, rc ? 0 : entries);
    take_report(r, out);
    if (rc)
        return;
    for (int i = 0; i <= entries; i++) {
        const char *item = xlu_cfg_get_listitem(list, i);
        fprintf(out, "item %d: ", i);
        if (item)
            put_json_string(out, item);
        else
            fputs("null", out);
        fputc('\n', out);
    }
    for (int i = 0; i < entries; i++)
        put_value_getters(out, cfg, r, xlu_cfg_get_listitem2(list, i));
}

static char *read_all(FILE *in, size_t *length)
{
    size_t cap = 65536, n = 0;
    char *data = malloc(cap);
    if (!data)
        die("malloc");
    for (;;) {
        if (n == cap) {
            cap *= 2;
            data = realloc(data, cap);
            if (!data)
                die("realloc");
        }
        size_t got = fread(data + n, 1, cap - n, in);
        if (got == 0)
            break;
        n += got;
    }
    *length = n;
    return data;
}

static int run_single(int use_readfile, const char *file, const char *source)
{
    struct report r = {0};
    r.file = open_memstream(&r.buffer, &r.size);
    if (!r.file)
        die("open_memstream");
    XLU_Config *cfg = xlu_cfg_init(r.file, source);
    if (!cfg)
        die("xlu_cfg_init");
    int rc;
    if (use_readfile) {
        rc = xlu_cfg_readfile(cfg, file);
    } else {
        FILE *in = fopen(file, "rb");
        if (!in)
            die(file);
        size_t length;
        char *data = read_all(in, &length);
        fclose(in);
        if (length > INT_MAX)
            die("too long");
        rc = xlu_cfg_readdata(cfg, data, (int)length);
        free(data);
    }
    put_settings(stdout, cfg);
    take_report(&r, stderr);
    fflush(stdout);
    return rc ? 1 : 0;
}

static void run_record(const char *data, int length, const char *source)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    struct report r = {0};
    r.file = open_memstream(&r.buffer, &r.size);
    if (!out || !r.file)
        die("open_memstream");
    XLU_Config *cfg = xlu_cfg_init(r.file, source);
    if (!cfg)
        die("xlu_cfg_init");
    int rc = xlu_cfg_readdata(cfg, data, length);
    fprintf(out, "status %d\n", rc);
    put_settings(out, cfg);
    fputs("report:\n", out);
    take_report(&r, out);
    fputs("getters:\n", out);
    const struct mirror_config *mirror = (const struct mirror_config *)cfg;
    size_t count = 0;
    for (const struct mirror_setting *s = mirror->settings; s; s = s->next)
        count++;
    const char **names = calloc(count + 1, sizeof(*names));
    if (!names)
        die("calloc");
    size_t i = count;
    for (const struct mirror_setting *s = mirror->settings; s; s = s->next)
        names[--i] = s->name;
    for (i = 0; i < count; i++) {
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !strcmp(names[j], names[i]);
        if (!seen)
            put_getters(out, cfg, &r, names[i]);
    }
    put_getters(out, cfg, &r, "absent");
    fputs("end\n", out);
    fclose(out);
    fwrite(text, 1, size, stdout);
    fflush(stdout);
}

static int run_batch(void)
{
    char header[4096];
    while (fgets(header, sizeof header, stdin)) {
        char *space = strchr(header, ' ');
        char *newline = strchr(header, '\n');
        if (!space || !newline)
            die("bad record header");
        *newline = 0;
        long length = strtol(header, NULL, 10);
        if (length < 0 || length > INT_MAX)
            die("bad record length");
        char *data = malloc((size_t)length + 1);
        if (!data)
            die("malloc");
        if (length && fread(data, 1, (size_t)length, stdin) != (size_t)length)
            die("short record");
        fflush(stdout);
        pid_t child = fork();
        if (child < 0)
            die("fork");
        if (child == 0) {
            run_record(data, (int)length, space + 1);
            _exit(0);
        }
        int status;
        if (waitpid(child, &status, 0) < 0)
            die("waitpid");
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            printf("crashed %d\nend\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
            fflush(stdout);
        }
        free(data);
    }
    return 0;
}

static int run_time(int rounds, int nfiles, char **files)
{
    char **data = calloc((size_t)nfiles, sizeof(*data));
    size_t *lengths = calloc((size_t)nfiles, sizeof(*lengths));
    FILE *null = fopen("/dev/null", "w");
    if (!data || !lengths || !null)
        die("setup");
    for (int i = 0; i < nfiles; i++) {
        FILE *in = fopen(files[i], "rb");
        if (!in)
            die(files[i]);
        data[i] = read_all(in, &lengths[i]);
        fclose(in);
    }
    int read = 0, rejected = 0;
    struct timespec start, end;
    int warm = rounds / 10 > 0 ? rounds / 10 : 1;
    for (int round = -warm; round < rounds; round++) {
        if (round == 0)
            clock_gettime(CLOCK_MONOTONIC, &start);
        read = rejected = 0;
        for (int i = 0; i < nfiles; i++) {
            XLU_Config *cfg = xlu_cfg_init(null, files[i]);
            if (!cfg)
                die("xlu_cfg_init");
            if (xlu_cfg_readdata(cfg, data[i], (int)lengths[i]))
                rejected++;
            else
                read++;
            xlu_cfg_destroy(cfg);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%d read, %d rejected, %.6f s\n", read, rejected, seconds);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "--batch"))
        return run_batch();
    if (argc >= 4 && !strcmp(argv[1], "--time"))
        return run_time(atoi(argv[2]), argc - 3, argv + 3);
    int use_readfile = argc >= 2 && !strcmp(argv[1], "--readfile");
    int first = use_readfile ? 2 : 1;
    if (argc - first < 1 || argc - first > 2) {
        fprintf(stderr, "usage: xlcfg-oracle [--readfile] FILE [SOURCE] | --batch | --time ROUNDS FILE...\n");
        return 2;
    }
    return run_single(use_readfile, argv[first], argc - first == 2 ? argv[first + 1] : argv[first]);
}
