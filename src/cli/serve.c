/*
 * serve.c - `tumbuh serve [--listen ADDR:PORT] [--threads N] [--demo-size small|district]
 * [--session-idle HOURS] [--trusted-proxy ADDR]`: the web application. On an
 * empty database it first creates the demo district (and prints its users'
 * passwords once).
 *
 * --session-idle (or $TUMBUH_SESSION_IDLE_HOURS): a login ends after this
 * many hours unused (default 8; fractions allowed). --trusted-proxy (or
 * $TUMBUH_TRUSTED_PROXY): the address of the TLS proxy in front; only its
 * X-Forwarded-For and X-Forwarded-Proto are believed.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "import/demo.h"
#include "store/store.h"
#include "web/server.h"

static int usage(FILE *out, int rc)
{
    fprintf(out, "pemakaian: tumbuh [--db FILE] serve [--listen ALAMAT:PORT] [--threads N]"
                 " [--demo-size small|district] [--session-idle JAM] [--trusted-proxy ALAMAT]\n"
                 "  --session-idle JAM    sesi berakhir setelah JAM jam tidak dipakai (bawaan 8;"
                 " atau $TUMBUH_SESSION_IDLE_HOURS)\n"
                 "  --trusted-proxy ALAMAT  alamat proxy TLS di depan; hanya darinya"
                 " X-Forwarded-For/-Proto dipercaya (atau $TUMBUH_TRUSTED_PROXY)\n"
                 "  --listen ALAMAT:PORT  alamat dan port (1-65535) yang didengar (bawaan"
                 " 127.0.0.1:8080; atau $TUMBUH_LISTEN)\n"
                 "  --threads N           jumlah thread 1-64 (bawaan 4)\n"
                 "  --demo-size small|district  ukuran kabupaten demo bila basis data kosong\n");
    return rc;
}

/* An option's error: the message, then the usage. Returns 2. */
static int bad(const char *msg, const char *arg)
{
    fprintf(stderr, "tumbuh serve: ");
    fprintf(stderr, msg, arg);
    fprintf(stderr, "\n");
    return usage(stderr, 2);
}

/* 1 when v is ADDR:PORT with a non-empty ADDR and a port of digits 1-65535, else 0. */
static int listen_valid(const char *v)
{
    const char *colon = strrchr(v, ':');
    if (!colon || colon == v || !colon[1] || strlen(colon + 1) > 5)
        return 0;
    long port = 0;
    for (const char *p = colon + 1; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        port = port * 10 + (*p - '0');
    }
    return port >= 1 && port <= 65535;
}

/* A number of hours in (0, 1 year], fractions allowed: 0 or -1. */
static int read_hours(const char *v, double *out)
{
    char *end;
    double h = strtod(v, &end);
    if (end == v || *end || !(h > 0) || h > 24 * 365)
        return -1;
    *out = h;
    return 0;
}

/* Reads one option a (value v) into o and size. Returns 0, or an exit status. */
static int read_option(const char *a, const char *v, tb_server_options *o, tb_demo_size *size)
{
    if (strcmp(a, "--listen") && strcmp(a, "--session-idle") && strcmp(a, "--trusted-proxy") &&
        strcmp(a, "--threads") && strcmp(a, "--demo-size"))
        return bad("opsi tidak dikenal: '%s'", a);
    if (!v)
        return bad("%s perlu nilai", a);
    if (!strcmp(a, "--listen")) {
        if (!listen_valid(v))
            return bad("--listen perlu ALAMAT:PORT dengan port 1-65535 (misalnya"
                       " 127.0.0.1:8080), bukan '%s'",
                       v);
        o->listen = v;
    } else if (!strcmp(a, "--session-idle")) {
        if (read_hours(v, &o->session_idle_hours))
            return bad("--session-idle perlu jumlah jam lebih dari 0 sampai 8760, bukan '%s'", v);
    } else if (!strcmp(a, "--trusted-proxy")) {
        o->trusted_proxy = v;
    } else if (!strcmp(a, "--threads")) {
        char *end;
        long n = strtol(v, &end, 10);
        if (v[0] < '0' || v[0] > '9' || *end || n < 1 || n > 64)
            return bad("--threads perlu angka 1 sampai 64, bukan '%s'", v);
        o->threads = (int)n;
    } else if (!strcmp(v, "small") || !strcmp(v, "district")) {
        *size = !strcmp(v, "small") ? TB_DEMO_SMALL : TB_DEMO_DISTRICT;
    } else {
        return bad("--demo-size adalah small atau district, bukan '%s'", v);
    }
    return 0;
}

/* Reads the environment and the arguments into o and size. Returns 0, or an exit status. */
static int parse_args(int argc, char **argv, tb_server_options *o, tb_demo_size *size)
{
    const char *env = getenv("TUMBUH_SESSION_IDLE_HOURS");
    if (env && read_hours(env, &o->session_idle_hours))
        return bad("$TUMBUH_SESSION_IDLE_HOURS perlu jumlah jam lebih dari 0 sampai 8760,"
                   " bukan '%s'",
                   env);
    env = getenv("TUMBUH_LISTEN");
    if (env && !listen_valid(env))
        return bad("$TUMBUH_LISTEN perlu ALAMAT:PORT dengan port 1-65535, bukan '%s'", env);
    if (env)
        o->listen = env;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return usage(stdout, -1);
        int rc = read_option(argv[i], i + 1 < argc ? argv[i + 1] : NULL, o, size);
        if (rc)
            return rc;
        i++;
    }
    return 0;
}

int tb_cmd_serve(int argc, char **argv)
{
    tb_server_options o = {.db_path = tb_store_default_path(NULL),
                           .listen = "127.0.0.1:8080",
                           .threads = 4,
                           .session_idle_hours = 8,
                           .trusted_proxy = getenv("TUMBUH_TRUSTED_PROXY")};
    tb_demo_size size = TB_DEMO_DISTRICT;
    int rc = parse_args(argc, argv, &o, &size);
    if (rc)
        return rc < 0 ? 0 : rc;
#ifdef M_ARENA_MAX
    /* glibc gives each worker thread its own malloc arena, which keeps what
     * a large page freed: two arenas hold the server well under 100 MB */
    mallopt(M_ARENA_MAX, 2);
    /* a page's large buffers (tables, PDF, XLSX) are mapped and unmapped, and
     * a freed heap top goes back: a login's argon2id (64 MiB) then adds to
     * what the server holds, not to what its largest pages once held */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024);
#endif
    char err[512];
    tb_store *s;
    if (tb_store_open(o.db_path, &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh serve: %s\n", err);
        return 1;
    }
    tb_store_cache_kb(s, 16 * 1024); /* the demo's load spills beyond it: memory stays flat */
    int empty = tb_demo_store_empty(s);
    if (empty == 1) {
        printf("Basis data %s kosong: membuat kabupaten demo...\n", o.db_path);
        fflush(stdout);
        tb_demo_options d = {.seed = 1,
                             .size = size,
                             .pw = TB_PW_INTERACTIVE,
                             .users_out = stdout,
                             .progress = isatty(2) ? stderr : NULL};
        if (getenv("TUMBUH_FAST_HASH"))
            d.pw = TB_PW_MIN;
        tb_this_month(d.until);
        if (tb_demo_generate(s, &d) < 0) {
            fprintf(stderr, "tumbuh serve: demo: %s\n", tb_store_error(s));
            tb_store_close(s);
            return 1;
        }
    }
    tb_store_close(s);
#ifdef M_ARENA_MAX
    malloc_trim(0); /* what the demo used goes back before the workers start */
#endif
    return tb_serve(&o);
}
