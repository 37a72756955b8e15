/*
 * server.h - `tumbuh serve` put together: the HTTP adapter (http.c) started
 * with the router (routes.c) as its dispatch function, sessions, and a
 * thread that keeps the kabupaten and kecamatan dashboards of the month
 * computed (dasbor.c, cache.c).
 */
#ifndef TB_WEB_SERVER_H
#define TB_WEB_SERVER_H

typedef struct {
    const char *db_path;
    const char *listen; /* ADDR:PORT */
    int threads;
    double session_idle_hours; /* a session ends after this long unused (> 0) */
    const char *trusted_proxy; /* the TLS proxy's address, or NULL (http.h) */
} tb_server_options;

/* Serves until SIGINT or SIGTERM. Returns the process exit status: 0 after
 * a clean stop, 2 when listen is not ADDR:PORT, 1 when it cannot listen or
 * the route table is inconsistent (messages on stderr). */
int tb_serve(const tb_server_options *o);

#endif
