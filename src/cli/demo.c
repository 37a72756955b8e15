/*
 * demo.c - `tumbuh demo [--seed N] [--size small|district] [--until YYYY-MM]`:
 * fills an empty database with the demo district (import/demo.h) and prints
 * the demo users with their passwords, once, then what was created.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "import/demo.h"
#include "store/store.h"

static int usage(FILE *f, int rc)
{
    fprintf(f,
            "pemakaian: tumbuh [--db FILE] demo [--seed N] [--size small|district]"
            " [--until YYYY-MM]\n"
            "  --seed N         bilangan bulat 0-4294967295 (bawaan 1)\n"
            "  --size           small (2 kecamatan, untuk uji) atau district (bawaan)\n"
            "  --until YYYY-MM  bulan terakhir data, paling lambat bulan ini (bawaan bulan ini)\n"
            "Basis data harus kosong; bila gagal, file yang baru dibuat dihapus lagi.\n");
    return rc;
}

/* An option's error: the message, then the usage. Returns -1. */
static int bad(const char *msg, const char *arg)
{
    fprintf(stderr, "tumbuh demo: ");
    fprintf(stderr, msg, arg);
    fprintf(stderr, "\n");
    return -1;
}

/* Reads the value v of option a into o. Returns 0, or -1 when a or v is not valid. */
static int parse_option(const char *a, const char *v, tb_demo_options *o)
{
    if (strcmp(a, "--seed") && strcmp(a, "--size") && strcmp(a, "--until"))
        return bad("opsi tidak dikenal: '%s'", a);
    if (!v)
        return bad("%s perlu nilai", a);
    if (!strcmp(a, "--seed")) {
        char *end;
        errno = 0;
        unsigned long long n = strtoull(v, &end, 10);
        if (v[0] < '0' || v[0] > '9' || *end || errno || n > 0xffffffffULL)
            return bad("--seed perlu bilangan bulat 0-4294967295, bukan '%s'", v);
        o->seed = (unsigned long)n;
        return 0;
    }
    if (!strcmp(a, "--size")) {
        if (strcmp(v, "small") && strcmp(v, "district"))
            return bad("--size adalah small atau district, bukan '%s'", v);
        o->size = !strcmp(v, "small") ? TB_DEMO_SMALL : TB_DEMO_DISTRICT;
        return 0;
    }
    char now[8];
    tb_this_month(now);
    if (!tb_month_valid(v))
        return bad("--until perlu bulan YYYY-MM (misalnya 2024-08), bukan '%s'", v);
    if (strcmp(v, now) > 0)
        return bad("--until %s belum tiba: paling lambat bulan ini", v);
    snprintf(o->until, sizeof o->until, "%s", v);
    return 0;
}

/* Fills o from the arguments (defaults: seed 1, the district, until this month).
 * 0, 1 when help was printed, or -1. */
static int parse_args(int argc, char **argv, tb_demo_options *o)
{
    *o = (tb_demo_options){.seed = 1, .size = TB_DEMO_DISTRICT, .pw = TB_PW_INTERACTIVE};
    tb_this_month(o->until);
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return 1;
    for (int i = 1; i < argc; i += 2)
        if (parse_option(argv[i], i + 1 < argc ? argv[i + 1] : NULL, o))
            return -1;
    if (getenv("TUMBUH_FAST_HASH"))
        o->pw = TB_PW_MIN; /* tests only: light argon2id parameters */
    return 0;
}

/* Removes the database file path and its -wal/-shm companions (a failed demo's). */
static void remove_db(const char *path)
{
    char p[4096];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
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
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc > 0 ? usage(stdout, 0) : usage(stderr, 2);
    const char *path = tb_store_default_path(NULL);
    bool existed = access(path, F_OK) == 0;
    char err[512];
    tb_store *s;
    if (tb_store_open(path, &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh demo: %s\n", err);
        if (!existed)
            remove_db(path);
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
    if (status && !existed)
        remove_db(path);
    return status;
}
