/*
 * server.c - `tumbuh serve` (server.h): parses the listen address, raises
 * the file limit, starts the HTTP adapter with the router and the error
 * page, keeps the dashboard cache warm, and waits for a stop signal.
 */
#include "web/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/clock.h"
#include "web/cache.h"
#include "web/dasbor.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/routes.h"
#include "web/session.h"

/* Keeps the kabupaten and kecamatan dashboards of this month computed. */
static void *warm_loop(void *arg)
{
    const char *db_path = arg;
    tb_store *st;
    char err[256];
    if (tb_store_open(db_path, &st, err, sizeof err) < 0)
        return NULL;
    tb_store_cache_kb(st, 4 * 1024);
    unsigned long done = 0;
    char done_month[8] = "";
    for (;;) {
        char month[8];
        tb_this_month(month);
        unsigned long v = tb_web_data_version();
        if (v != done || strcmp(month, done_month)) { /* only when the data changed */
            tb_web_warm(st, month);
            tb_store_release(st);
            done = v;
            memcpy(done_month, month, sizeof month);
        }
        sleep(15);
    }
    return NULL;
}

/* ADDR:PORT (or PORT) into sa and host; false when it is not one. */
static bool parse_listen(const char *listen, struct sockaddr_in *sa, char *host, size_t nhost,
                         int *port)
{
    snprintf(host, nhost, "127.0.0.1");
    const char *colon = strrchr(listen, ':');
    if (colon) {
        if (colon > listen)
            snprintf(host, nhost, "%.*s", (int)(colon - listen), listen);
        *port = atoi(colon + 1);
    } else {
        *port = atoi(listen);
    }
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)*port);
    return *port > 0 && *port <= 65535 && inet_pton(AF_INET, host, &sa->sin_addr) == 1;
}

int tb_serve(const tb_server_options *o)
{
    if (tb_routes_check(stderr) < 0)
        return 1;
    tb_session_init(o->session_idle_hours);
    static tb_http_options h; /* outlives the server */
    char host[64];
    int port;
    if (!parse_listen(o->listen, &h.addr, host, sizeof host, &port)) {
        fprintf(stderr, "tumbuh serve: --listen '%s' bukan ALAMAT:PORT (mis. 127.0.0.1:8080)\n",
                o->listen);
        return 2;
    }
    h.threads = o->threads;
    h.db_path = o->db_path;
    h.dispatch = tb_route_dispatch;
    h.error = tb_res_error;
    h.trusted_proxy = o->trusted_proxy && *o->trusted_proxy ? o->trusted_proxy : NULL;
    h.plan_body = tb_route_plan_body; /* uploads (/impor/unggah) streamed to disk */
    h.upload_dir = tb_impor_init(o->db_path);
    tb_lampiran_init(o->db_path); /* meeting attachments: DB.lampiran/ */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL); /* worker threads inherit the mask */
    signal(SIGPIPE, SIG_IGN);
    void *d = tb_http_start(&h);
    if (!d) {
        fprintf(stderr, "tumbuh serve: tidak dapat mendengarkan di %s:%d\n", host, port);
        return 1;
    }
    pthread_t warm;
    if (pthread_create(&warm, NULL, warm_loop, (void *)o->db_path) == 0)
        pthread_detach(warm);
    printf("Tumbuh berjalan. Buka http://%s:%d/ di peramban (Ctrl-C untuk berhenti).\n",
           strcmp(host, "0.0.0.0") ? host : "localhost", port);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    tb_http_stop(d);
    printf("Tumbuh berhenti.\n");
    return 0;
}
