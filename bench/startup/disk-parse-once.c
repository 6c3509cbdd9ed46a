/*
 * disk-parse-once: the C side of bench/compare-startup.sh. One process parses the disk
 * specs given as its arguments with Debian's libxlutil (Xen 4.17) and prints what
 * `xl -N block-attach 0 SPEC...` prints, as `colo-disk parse SPEC...` does:
 *   disk: <libxl_device_disk_to_json>\n   and status 0, or
 *   libxlutil's error lines on stderr      and status 1.
 * Nothing else: its whole-process time is the floor a start-up comparison measures against.
 *
 * Build: gcc -O2 -o disk-parse-once disk-parse-once.c -lxlutil -lxenlight
 */
#include <stdio.h>
#include <stdlib.h>
#include <libxl.h>
#include <libxlutil.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s SPEC...\n", argv[0]);
        return 2;
    }

    XLU_Config *config = xlu_cfg_init(stderr, "command line");
    if (!config)
        return 3;

    libxl_device_disk disk;
    libxl_device_disk_init(&disk);
    int status = 1;
    if (!xlu_disk_parse(config, argc - 1, (const char *const *)(argv + 1), &disk)) {
        char *json = libxl_device_disk_to_json(NULL, &disk);
        if (json) {
            printf("disk: %s\n", json);
            free(json);
            status = 0;
        }
    }

    libxl_device_disk_dispose(&disk);
    xlu_cfg_destroy(config);
    return status;
}
