/*
 * cmd_demo.c - `tumbuh demo [--seed N] [--size small|district] [--until YYYY-MM]`:
 * fills an empty database with the demo district (demo.h) and prints the
 * demo users with their passwords, once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "import/demo.h"
#include "store/store.h"

static int usage(void)
{
    fprintf(stderr, "pemakaian: tumbuh [--db FILE] demo [--seed N] [--size small|district]"
                    " [--until YYYY-MM]\n");
    return 2;
}

int tb_cmd_demo(int argc, char **argv)
{
    tb_demo_options o = {.seed = 1, .size = TB_DEMO_DISTRICT, .pw = TB_PW_INTERACTIVE};
    tb_this_month(o.until);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--seed") && v) {
            char *end;
            o.seed = strtoul(v, &end, 10);
            if (*end)
                return usage();
            i++;
        } else if (!strcmp(a, "--size") && v) {
            if (!strcmp(v, "small"))
                o.size = TB_DEMO_SMALL;
            else if (!strcmp(v, "district"))
                o.size = TB_DEMO_DISTRICT;
            else
                return usage();
            i++;
        } else if (!strcmp(a, "--until") && v && strlen(v) == 7) {
            snprintf(o.until, sizeof o.until, "%s", v);
            i++;
        } else {
            return usage();
        }
    }
    if (getenv("TUMBUH_FAST_HASH"))
        o.pw = TB_PW_MIN; /* tests only: light argon2id parameters */
    const char *path = tb_store_default_path(NULL);
    char err[512];
    tb_store *s;
    if (tb_store_open(path, &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh demo: %s\n", err);
        return 1;
    }
    o.users_out = stdout;
    o.progress = isatty(2) ? stderr : NULL;
    int rc = tb_demo_generate(s, &o);
    if (rc < 0) {
        fprintf(stderr, "tumbuh demo: %s\n", tb_store_error(s));
        tb_store_close(s);
        return 1;
    }
    printf("Kabupaten demo dibuat di %s: %ld wilayah, %ld posyandu, %ld keluarga, %ld anak,"
           " %ld pengukuran.\n",
           path, tb_store_count(s, "wilayah"), tb_store_count(s, "posyandu"),
           tb_store_count(s, "keluarga"), tb_store_count(s, "anak"),
           tb_store_count(s, "pengukuran"));
    tb_store_close(s);
    return 0;
}
