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
                 " X-Forwarded-For/-Proto dipercaya (atau $TUMBUH_TRUSTED_PROXY)\n");
    return rc;
}

int tb_cmd_serve(int argc, char **argv)
{
    tb_server_options o = {.db_path = tb_store_default_path(NULL),
                           .listen = "127.0.0.1:8080",
                           .threads = 4,
                           .session_idle_hours = 8,
                           .trusted_proxy = getenv("TUMBUH_TRUSTED_PROXY")};
    if (getenv("TUMBUH_SESSION_IDLE_HOURS"))
        o.session_idle_hours = strtod(getenv("TUMBUH_SESSION_IDLE_HOURS"), NULL);
    tb_demo_size size = TB_DEMO_DISTRICT;
    if (getenv("TUMBUH_LISTEN"))
        o.listen = getenv("TUMBUH_LISTEN");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h"))
            return usage(stdout, 0);
        if (!strcmp(a, "--listen") && v)
            o.listen = argv[++i];
        else if (!strcmp(a, "--session-idle") && v)
            o.session_idle_hours = strtod(argv[++i], NULL);
        else if (!strcmp(a, "--trusted-proxy") && v)
            o.trusted_proxy = argv[++i];
        else if (!strcmp(a, "--threads") && v)
            o.threads = atoi(argv[++i]);
        else if (!strcmp(a, "--demo-size") && v) {
            size = !strcmp(v, "small") ? TB_DEMO_SMALL : TB_DEMO_DISTRICT;
            i++;
        } else
            return usage(stderr, 2);
    }
    if (o.threads < 1 || o.threads > 64 || !(o.session_idle_hours > 0) ||
        o.session_idle_hours > 24 * 365)
        return usage(stderr, 2);
    char err[512];
    tb_store *s;
    if (tb_store_open(o.db_path, &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh serve: %s\n", err);
        return 1;
    }
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
    return tb_serve(&o);
}
