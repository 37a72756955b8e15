/*
 * web.c - libmicrohttpd glue: request bodies, forms, routing, security
 * headers, per-thread SQLite connections (web.h).
 */
#include "web/http.h"

#include "base/clock.h"
#include "store/store.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define MAX_BODY (1 << 20)

static const char *db_path;               /* the server's database (set once at start) */
static _Thread_local tb_store *tls_store; /* one connection per worker thread */
static atomic_ulong data_version = 1;

unsigned long tb_web_data_version(void)
{
    return atomic_load(&data_version);
}

void tb_web_data_changed(void)
{
    atomic_fetch_add(&data_version, 1);
}

static tb_store *thread_store(void)
{
    if (!tls_store) {
        char err[256];
        if (tb_store_open(db_path, &tls_store, err, sizeof err) < 0) {
            fprintf(stderr, "tumbuh serve: %s\n", err);
            tls_store = NULL;
        } else {
            tb_store_cache_kb(tls_store, 8 * 1024); /* bounded memory per worker */
        }
    }
    return tls_store;
}

const char *tb_req_query(const tb_req *q, const char *name)
{
    return MHD_lookup_connection_value(q->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *tb_req_header(const tb_req *q, const char *name)
{
    return MHD_lookup_connection_value(q->conn, MHD_HEADER_KIND, name);
}

const char *tb_req_form(const tb_req *q, const char *name)
{
    for (int i = 0; i < q->nfields; i++)
        if (!strcmp(q->keys[i], name))
            return q->vals[i];
    return NULL;
}

const char *tb_req_arg(const tb_req *q, const char *name)
{
    const char *v = tb_req_query(q, name);
    return v ? v : tb_req_form(q, name);
}

void tb_res_redirect(tb_res *r, const char *location)
{
    r->status = 303;
    snprintf(r->location, sizeof r->location, "%s", location);
}

void tb_res_error(tb_res *r, const tb_req *q, int status, const char *message)
{
    r->status = status;
    tb_buf_reset(&r->body);
    if (!strncmp(q->path, "/api/", 5)) {
        r->ctype = "application/json";
        tb_buf_puts(&r->body, "{\"galat\":");
        tb_buf_json_str(&r->body, message);
        tb_buf_puts(&r->body, "}");
        return;
    }
    tb_html_begin(r, q, "Galat");
    tb_buf_printf(&r->body, "<h1>%d</h1><p class=\"galat\">", status);
    tb_buf_html(&r->body, message);
    tb_buf_puts(&r->body, "</p><p><a href=\"/\">Kembali ke beranda</a></p>");
    tb_html_end(r);
    r->status = status;
}

/* Decodes %XX and + in place. */
static void url_decode(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '+') {
            *o++ = ' ';
        } else if (*p == '%' && p[1] && p[2]) {
            char h[3] = {p[1], p[2], 0};
            char *end;
            long v = strtol(h, &end, 16);
            if (*end || v == 0) {
                *o++ = *p;
                continue;
            }
            *o++ = (char)v;
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
}

static void parse_form(tb_req *q, char *body)
{
    char *save = NULL;
    for (char *pair = strtok_r(body, "&", &save); pair && q->nfields < TB_WEB_MAX_FIELDS;
         pair = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(pair, '=');
        char *v = eq ? eq + 1 : pair + strlen(pair);
        if (eq)
            *eq = 0;
        url_decode(pair);
        url_decode(v);
        q->keys[q->nfields] = pair;
        q->vals[q->nfields] = v;
        q->nfields++;
    }
}

static bool prefix(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

static void route(tb_req *q, tb_res *r)
{
    const char *p = q->path;
    bool post = !strcmp(q->method, "POST");
    if (prefix(p, "/aset/") || !strcmp(p, "/api/v1/openapi.json"))
        return tb_page_asset(q, r);
    if (!strcmp(p, "/masuk"))
        return tb_page_login(q, r);
    if (!q->logged_in) {
        if (prefix(p, "/api/"))
            return tb_res_error(r, q, 401, "Belum masuk: sesi tidak ada atau kedaluwarsa.");
        tb_buf b = {0};
        tb_buf_puts(&b, "/masuk?lanjut=");
        tb_buf_url(&b, p);
        tb_res_redirect(r, b.data ? b.data : "/masuk");
        tb_buf_free(&b);
        return;
    }
    if (post && !tb_session_csrf_ok(q))
        return tb_res_error(r, q, 403, "Token formulir (CSRF) tidak cocok. Muat ulang halaman.");
    if (!strcmp(p, "/keluar") && post)
        return tb_page_logout(q, r);
    if (!strcmp(p, "/"))
        return tb_page_home(q, r);
    if (!strcmp(p, "/dasbor"))
        return tb_page_dasbor(q, r);
    if (prefix(p, "/laporan/"))
        return tb_page_laporan(q, r);
    if (prefix(p, "/unduh/"))
        return tb_page_unduh(q, r);
    if (prefix(p, "/posyandu/")) {
        if (post && strstr(p, "/anak-baru"))
            return tb_page_anak_baru(q, r);
        if (post)
            return tb_page_posyandu_save(q, r);
        return tb_page_posyandu(q, r);
    }
    if (prefix(p, "/anak/")) {
        if (strstr(p, "/kartu"))
            return tb_page_kartu(q, r);
        if (strstr(p, "/grafik/"))
            return tb_page_anak_grafik(q, r);
        return tb_page_anak(q, r);
    }
    if (prefix(p, "/api/v1/"))
        return tb_api(q, r);
    tb_res_error(r, q, 404, "Halaman tidak ditemukan.");
}

static void client_ip(tb_req *q)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(q->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    snprintf(q->ip, sizeof q->ip, "?");
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, q->ip,
                  sizeof q->ip);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, q->ip,
                  sizeof q->ip);
}

static enum MHD_Result respond(struct MHD_Connection *c, tb_req *q, tb_res *r)
{
    if (r->body.oom)
        return MHD_NO;
    struct MHD_Response *resp = MHD_create_response_from_buffer(
        r->body.len, r->body.data ? r->body.data : (void *)"", MHD_RESPMEM_MUST_COPY);
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", r->ctype ? r->ctype : "text/html; charset=utf-8");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self' "
                            "'unsafe-inline'; script-src 'self'; frame-ancestors 'none'");
    if (r->location[0])
        MHD_add_response_header(resp, "Location", r->location);
    if (r->cookie[0])
        MHD_add_response_header(resp, "Set-Cookie", r->cookie);
    if (r->disposition[0])
        MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    if (r->no_store || q->logged_in)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    else if (!strncmp(q->path, "/aset/", 6))
        MHD_add_response_header(resp, "Cache-Control", "public, max-age=86400");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

typedef struct {
    tb_buf body;
    bool too_big;
} conn_state;

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
                               const char *method, const char *version, const char *upload,
                               size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)version;
    conn_state *cs = *con_cls;
    if (!cs) {
        cs = calloc(1, sizeof *cs);
        if (!cs)
            return MHD_NO;
        *con_cls = cs;
        return MHD_YES;
    }
    if (*upload_size) {
        if (cs->body.len + *upload_size > MAX_BODY)
            cs->too_big = true;
        else
            tb_buf_put(&cs->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    tb_req q;
    memset(&q, 0, sizeof q);
    q.method = method;
    q.path = url;
    q.conn = c;
    q.body = cs->body.data ? cs->body.data : "";
    q.body_len = cs->body.len;
    client_ip(&q);
    const char *proto = tb_req_header(&q, "X-Forwarded-Proto");
    q.secure = proto && !strcmp(proto, "https");
    tb_res r;
    memset(&r, 0, sizeof r);
    r.status = 200;
    if (strcmp(method, "GET") && strcmp(method, "POST") && strcmp(method, "HEAD")) {
        tb_res_error(&r, &q, 405, "Metode tidak didukung.");
        goto send;
    }
    if (cs->too_big) {
        tb_res_error(&r, &q, 413, "Data terlalu besar.");
        goto send;
    }
    q.store = thread_store();
    if (!q.store) {
        tb_res_error(&r, &q, 503, "Basis data tidak dapat dibuka.");
        goto send;
    }
    const char *ct = tb_req_header(&q, "Content-Type");
    char *form = NULL;
    if (!strcmp(method, "POST") && ct && prefix(ct, "application/x-www-form-urlencoded") &&
        cs->body.len) {
        form = strdup(cs->body.data);
        if (form)
            parse_form(&q, form);
    }
    tb_session_load(&q);
    route(&q, &r);
    tb_store_release(q.store);
    free(form);
send:;
    enum MHD_Result ret = respond(c, &q, &r);
    tb_buf_free(&r.body);
    return ret;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    conn_state *cs = *con_cls;
    if (cs) {
        tb_buf_free(&cs->body);
        free(cs);
        *con_cls = NULL;
    }
}

/* Keeps the kabupaten and kecamatan dashboards of this month computed. */
static void *warm_loop(void *arg)
{
    (void)arg;
    tb_store *st;
    char err[256];
    if (tb_store_open(db_path, &st, err, sizeof err) < 0)
        return NULL;
    tb_store_cache_kb(st, 8 * 1024);
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

int tb_serve(const tb_server_options *o)
{
    db_path = o->db_path;
    tb_session_init();
    char host[64] = "127.0.0.1";
    int port = 8080;
    const char *colon = strrchr(o->listen, ':');
    if (colon) {
        if (colon > o->listen)
            snprintf(host, sizeof host, "%.*s", (int)(colon - o->listen), o->listen);
        port = atoi(colon + 1);
    } else {
        port = atoi(o->listen);
    }
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    if (port <= 0 || port > 65535 || inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
        fprintf(stderr, "tumbuh serve: --listen '%s' bukan ALAMAT:PORT (mis. 127.0.0.1:8080)\n",
                o->listen);
        return 2;
    }
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
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)port, NULL,
        NULL, handler, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 4),
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)4000, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_NOTIFY_COMPLETED, completed,
        NULL, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "tumbuh serve: tidak dapat mendengarkan di %s:%d\n", host, port);
        return 1;
    }
    pthread_t warm;
    if (pthread_create(&warm, NULL, warm_loop, NULL) == 0)
        pthread_detach(warm);
    printf("Tumbuh berjalan. Buka http://%s:%d/ di peramban (Ctrl-C untuk berhenti).\n",
           strcmp(host, "0.0.0.0") ? host : "localhost", port);
    fflush(stdout);
    int sig;
    sigwait(&set, &sig);
    MHD_stop_daemon(d);
    printf("Tumbuh berhenti.\n");
    return 0;
}
