/*
 * demo.c - `tumbuh demo [--seed N] [--size small|district] [--until YYYY-MM]`:
 * fills an empty database with the demo district (import/demo.h) and prints
 * the demo users with their passwords, once, then what was created.
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

/* Reads the value v of option a into o. Returns 0, or -1 when a or v is not valid. */
static int parse_option(const char *a, const char *v, tb_demo_options *o)
{
    if (!strcmp(a, "--seed") && v) {
        char *end;
        o->seed = strtoul(v, &end, 10);
        return *end ? -1 : 0;
    }
    if (!strcmp(a, "--size") && v) {
        if (!strcmp(v, "small"))
            o->size = TB_DEMO_SMALL;
        else if (!strcmp(v, "district"))
            o->size = TB_DEMO_DISTRICT;
        else
            return -1;
        return 0;
    }
    if (!strcmp(a, "--until") && v && strlen(v) == 7) {
        snprintf(o->until, sizeof o->until, "%s", v);
        return 0;
    }
    return -1;
}

/* Fills o from the arguments (defaults: seed 1, the district, until this month). 0 or -1. */
static int parse_args(int argc, char **argv, tb_demo_options *o)
{
    *o = (tb_demo_options){.seed = 1, .size = TB_DEMO_DISTRICT, .pw = TB_PW_INTERACTIVE};
    tb_this_month(o->until);
    for (int i = 1; i < argc; i += 2)
        if (parse_option(argv[i], i + 1 < argc ? argv[i + 1] : NULL, o))
            return -1;
    if (getenv("TUMBUH_FAST_HASH"))
        o->pw = TB_PW_MIN; /* tests only: light argon2id parameters */
    return 0;
}

static void print_summary(tb_store *s, const char *path)
{
    printf("Kabupaten demo dibuat di %s: %ld wilayah, %ld posyandu, %ld keluarga, %ld anak,"
           " %ld pengukuran.\n",
           path, tb_store_count(s, "wilayah"), tb_store_count(s, "posyandu"),
           tb_store_count(s, "keluarga"), tb_store_count(s, "anak"),
           tb_store_count(s, "pengukuran"));
}

int tb_cmd_demo(int argc, char **argv)
{
    tb_demo_options o;
    if (parse_args(argc, argv, &o))
        return usage();
    const char *path = tb_store_default_path(NULL);
    char err[512];
    tb_store *s;
    if (tb_store_open(path, &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh demo: %s\n", err);
        return 1;
    }
    o.users_out = stdout;
    o.progress = isatty(2) ? stderr : NULL;
    int status = 0;
    if (tb_demo_generate(s, &o) < 0) {
        fprintf(stderr, "tumbuh demo: %s\n", tb_store_error(s));
        status = 1;
    } else {
        print_summary(s, path);
    }
    tb_store_close(s);
    return status;
}
