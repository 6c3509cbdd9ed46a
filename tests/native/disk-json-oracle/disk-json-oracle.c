/*
 * disk-json-oracle: prints Debian's libxl (Xen 4.17) JSON of libxl_device_disk values,
 * so that the C# DiskDevice.ToJson generated from grammar/libxl_types.idl can be
 * compared with it byte for byte.
 *
 * Build: gcc -O2 -o disk-json-oracle disk-json-oracle.c -lxenlight
 *
 * Input (stdin): one disk a line. A line is a list of NAME=VALUE items separated by
 * TAB; a field not named keeps the value libxl_device_disk_init gave it.
 *   string fields (pdev_path, vdev, ...): VALUE is the string's bytes in hex
 *                                         (two lower-case digits a byte, never 00)
 *   integer, enum and bool fields:        VALUE is a decimal number (enums by number)
 *   defbool fields:                       VALUE is 1 (true) or 0 (false)
 * Fields 4.17 has: backend_domid backend_domname pdev_path vdev backend format
 * script removable readwrite is_cdrom direct_io_safe discard_enable specification
 * transport irq base colo_enable colo_restore_enable colo_host colo_port colo_export
 * active_disk hidden_disk trusted. Any other name is an error (exit 2).
 * Output (stdout): for each disk, libxl_device_disk_to_json's text followed by one
 * NUL byte.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxl.h>

static char *unhex(const char *hex)
{
    size_t n = strlen(hex) / 2;
    char *s = malloc(n + 1);
    if (!s)
        exit(3);
    for (size_t i = 0; i < n; i++) {
        unsigned int byte;
        if (sscanf(hex + 2 * i, "%2x", &byte) != 1)
            exit(2);
        s[i] = (char)byte;
    }
    s[n] = 0;
    return s;
}

static void set_field(libxl_device_disk *d, const char *name, const char *value)
{
#define STR(f) if (!strcmp(name, #f)) { free(d->f); d->f = unhex(value); return; }
#define NUM(f) if (!strcmp(name, #f)) { d->f = strtoull(value, NULL, 10); return; }
#define SNUM(f) if (!strcmp(name, #f)) { d->f = (int)strtoll(value, NULL, 10); return; }
#define DEFBOOL(f) if (!strcmp(name, #f)) { libxl_defbool_set(&d->f, atoi(value)); return; }
    NUM(backend_domid) STR(backend_domname) STR(pdev_path) STR(vdev)
    SNUM(backend) SNUM(format) STR(script)
    SNUM(removable) SNUM(readwrite) SNUM(is_cdrom) NUM(direct_io_safe)
    DEFBOOL(discard_enable) SNUM(specification) SNUM(transport)
    NUM(irq) NUM(base) DEFBOOL(colo_enable) DEFBOOL(colo_restore_enable)
    STR(colo_host) SNUM(colo_port) STR(colo_export) STR(active_disk) STR(hidden_disk)
    DEFBOOL(trusted)
    fprintf(stderr, "unknown field %s\n", name);
    exit(2);
}

int main(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) != -1) {
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = 0;
        libxl_device_disk disk;
        libxl_device_disk_init(&disk);
        char *save = NULL;
        for (char *item = strtok_r(line, "\t", &save); item; item = strtok_r(NULL, "\t", &save)) {
            char *eq = strchr(item, '=');
            if (!eq) {
                fprintf(stderr, "bad item %s\n", item);
                return 2;
            }
            *eq = 0;
            set_field(&disk, item, eq + 1);
        }
        char *json = libxl_device_disk_to_json(NULL, &disk);
        if (!json) {
            fprintf(stderr, "libxl_device_disk_to_json failed\n");
            return 3;
        }
        fputs(json, stdout);
        putchar(0);
        free(json);
        libxl_device_disk_dispose(&disk);
    }
    free(line);
    return 0;
}
