/*
 * http.c - the libmicrohttpd adapter (http.h): request bodies, forms,
 * cookies, the client address, per-thread SQLite connections and the
 * security headers of every response. It calls the dispatch function it
 * was started with and knows no page.
 */
#include "web/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"

#define MAX_BODY (1 << 20)

static _Thread_local tb_store *tls_store; /* one connection per worker thread */
/* every worker's connection, closed when the server stops */
#define MAX_STORES 128
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static tb_store *stores[MAX_STORES];
static int nstores;

static tb_store *thread_store(const char *db_path)
{
    if (!tls_store) {
        char err[256];
        if (tb_store_open(db_path, &tls_store, err, sizeof err) < 0) {
            fprintf(stderr, "tumbuh serve: %s\n", err);
            tls_store = NULL;
        } else {
            tb_store_cache_kb(tls_store, 4 * 1024); /* bounded memory per worker */
            pthread_mutex_lock(&stores_lock);
            if (nstores < MAX_STORES)
                stores[nstores++] = tls_store;
            pthread_mutex_unlock(&stores_lock);
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

bool tb_req_form_text(const tb_req *q, const char *name, char *out, size_t n)
{
    const char *v = tb_req_form(q, name);
    while (v && (*v == ' ' || *v == '\t'))
        v++;
    snprintf(out, n, "%s", v ? v : "");
    size_t l = strlen(out);
    while (l && (out[l - 1] == ' ' || out[l - 1] == '\t' || out[l - 1] == '\r'))
        out[--l] = 0;
    return l > 0;
}

const char *tb_req_cookie(const tb_req *q, const char *name)
{
    return MHD_lookup_connection_value(q->conn, MHD_COOKIE_KIND, name);
}

const char *tb_req_param(const tb_req *q, const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; i < q->nparams; i++)
        if ((size_t)q->param_name_len[i] == n && !memcmp(q->param_names[i], name, n))
            return q->param_vals[i];
    return "";
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

void tb_http_url_decode(char *s)
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
        tb_http_url_decode(pair);
        tb_http_url_decode(v);
        q->keys[q->nfields] = pair;
        q->vals[q->nfields] = v;
        q->nfields++;
    }
}

static bool prefix(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
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

/* Behind the trusted proxy (the peer is its address): the client is the
 * last hop of X-Forwarded-For (the one the proxy added; earlier hops are
 * the client's to forge), and TLS is what X-Forwarded-Proto says. From any
 * other peer both headers are ignored. */
static void behind_proxy(const tb_http_options *o, tb_req *q)
{
    if (!o->trusted_proxy || strcmp(q->ip, o->trusted_proxy))
        return;
    const char *proto = tb_req_header(q, "X-Forwarded-Proto");
    q->secure = proto && !strcmp(proto, "https");
    const char *xff = tb_req_header(q, "X-Forwarded-For");
    if (!xff)
        return;
    const char *last = strrchr(xff, ',');
    last = last ? last + 1 : xff;
    while (*last == ' ' || *last == '\t')
        last++;
    char hop[64];
    size_t n = strcspn(last, " \t");
    if (n == 0 || n >= sizeof hop)
        return;
    memcpy(hop, last, n);
    hop[n] = 0;
    unsigned char addr[16];
    if (inet_pton(AF_INET, hop, addr) == 1 || inet_pton(AF_INET6, hop, addr) == 1)
        memcpy(q->ip, hop, n + 1);
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
    if (r->retry_after > 0) {
        char ra[16];
        snprintf(ra, sizeof ra, "%d", r->retry_after);
        MHD_add_response_header(resp, "Retry-After", ra);
    }
    if (r->disposition[0])
        MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    if (r->no_store || q->logged_in)
        MHD_add_response_header(resp, "Cache-Control", "no-store");
    else if (r->public_cache)
        MHD_add_response_header(resp, "Cache-Control", "public, max-age=86400");
    enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

typedef struct {
    tb_buf body;
    bool too_big;
    bool answered; /* refused before the body (plan_body): the rest is ignored */
    /* a body streamed to a file (plan_body) */
    FILE *up;
    char up_path[1024];
    long long up_len, up_max;
    bool up_failed; /* a write failed (disk full) */
} conn_state;

/* Closes and removes the streamed body's file, if any. */
static void drop_upload(conn_state *cs)
{
    if (cs->up)
        fclose(cs->up);
    cs->up = NULL;
    if (cs->up_path[0])
        unlink(cs->up_path);
    cs->up_path[0] = 0;
}

/* Fills q from the connection; false when the request is refused before
 * the application sees it (r then holds the error). */
static bool read_request(const tb_http_options *o, conn_state *cs, tb_req *q, tb_res *r)
{
    client_ip(q);
    behind_proxy(o, q);
    if (strcmp(q->method, "GET") && strcmp(q->method, "POST") && strcmp(q->method, "HEAD")) {
        o->error(r, q, 405, "Metode tidak didukung.");
        return false;
    }
    if (cs->too_big) {
        char msg[160] = "Data terlalu besar.";
        if (cs->up_max)
            snprintf(msg, sizeof msg,
                     "Berkas terlalu besar: paling besar %lld MB. Tidak ada yang disimpan;"
                     " pecah berkasnya atau minta admin menaikkan batasnya.",
                     cs->up_max >> 20);
        o->error(r, q, 413, msg);
        return false;
    }
    if (cs->up_failed) {
        o->error(r, q, 507, "Berkas tidak dapat disimpan di server (ruang disk penuh?).");
        return false;
    }
    q->store = thread_store(o->db_path);
    if (!q->store) {
        o->error(r, q, 503, "Basis data tidak dapat dibuka.");
        return false;
    }
    return true;
}

/* The first call of a POST: asks the application how to take its body
 * (plan_body); refuses it now, or opens the file it is streamed into. */
static enum MHD_Result plan(const tb_http_options *o, struct MHD_Connection *c, const char *url,
                            const char *method, conn_state *cs)
{
    tb_req q;
    memset(&q, 0, sizeof q);
    q.method = method;
    q.path = url;
    q.conn = c;
    tb_res r;
    memset(&r, 0, sizeof r);
    r.status = 200;
    long long n = -1;
    if (read_request(o, cs, &q, &r)) {
        n = o->plan_body(&q, &r);
        tb_store_release(q.store);
    }
    if (n > 0) {
        snprintf(cs->up_path, sizeof cs->up_path, "%s/unggah-XXXXXX", o->upload_dir);
        mkdir(o->upload_dir, 0700);
        int fd = mkstemp(cs->up_path);
        cs->up = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (!cs->up) {
            if (fd >= 0)
                close(fd);
            else
                cs->up_path[0] = 0;
            drop_upload(cs);
            o->error(&r, &q, 507, "Berkas tidak dapat disimpan di server (folder unggahan).");
            n = -1;
        }
        cs->up_max = n;
    }
    if (n >= 0) {
        tb_buf_free(&r.body);
        return MHD_YES;
    }
    cs->answered = true;
    enum MHD_Result ret = respond(c, &q, &r);
    tb_buf_free(&r.body);
    return ret;
}

/* Takes a chunk of the body: into memory, or into the upload file. */
static void take_chunk(conn_state *cs, const char *data, size_t n)
{
    if (cs->answered || cs->too_big)
        return;
    if (!cs->up) {
        if (cs->body.len + n > MAX_BODY)
            cs->too_big = true;
        else
            tb_buf_put(&cs->body, data, n);
        return;
    }
    cs->up_len += (long long)n;
    if (cs->up_len > cs->up_max) {
        cs->too_big = true; /* nothing of it is kept */
        drop_upload(cs);
    } else if (!cs->up_failed && fwrite(data, 1, n, cs->up) != n) {
        cs->up_failed = true;
    }
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url,
                               const char *method, const char *version, const char *upload,
                               size_t *upload_size, void **con_cls)
{
    const tb_http_options *o = cls;
    (void)version;
    conn_state *cs = *con_cls;
    if (!cs) {
        cs = calloc(1, sizeof *cs);
        if (!cs)
            return MHD_NO;
        *con_cls = cs;
        if (o->plan_body && !strcmp(method, "POST"))
            return plan(o, c, url, method, cs);
        return MHD_YES;
    }
    if (*upload_size) {
        take_chunk(cs, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    if (cs->answered)
        return MHD_YES;
    if (cs->up && fclose(cs->up))
        cs->up_failed = true;
    cs->up = NULL;
    tb_req q;
    memset(&q, 0, sizeof q);
    q.method = method;
    q.path = url;
    q.conn = c;
    q.body = cs->body.data ? cs->body.data : "";
    q.body_len = cs->body.len;
    if (cs->up_path[0]) {
        q.upload_path = cs->up_path;
        q.upload_len = cs->up_len;
    }
    tb_res r;
    memset(&r, 0, sizeof r);
    r.status = 200;
    if (read_request(o, cs, &q, &r)) {
        const char *ct = tb_req_header(&q, "Content-Type");
        char *form = NULL;
        if (!strcmp(method, "POST") && ct && prefix(ct, "application/x-www-form-urlencoded") &&
            cs->body.len) {
            form = strdup(cs->body.data);
            if (form)
                parse_form(&q, form);
        }
        o->dispatch(&q, &r);
        tb_store_release(q.store);
        free(form);
    }
    drop_upload(cs); /* unless the handler moved it away */
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
        drop_upload(cs);
        tb_buf_free(&cs->body);
        free(cs);
        *con_cls = NULL;
    }
}

/* libmicrohttpd's own messages (English), said in Bahasa Indonesia where known. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    msg[strcspn(msg, "\n")] = 0;
    if (!strncmp(msg, "Failed to bind", 14))
        fprintf(stderr,
                "tumbuh serve: port tidak dapat dipakai (sudah dipakai program lain, atau"
                " port di bawah 1024 tanpa hak root): pilih port lain dengan --listen"
                " ALAMAT:PORT (%s)\n",
                strchr(msg, ':') ? strchr(msg, ':') + 2 : msg);
    else
        fprintf(stderr, "tumbuh serve: kesalahan server web (libmicrohttpd): %s\n", msg);
}

void *tb_http_start(const tb_http_options *o)
{
    return MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
        ntohs(o->addr.sin_port), NULL, NULL, handler, (void *)o, MHD_OPTION_EXTERNAL_LOGGER,
        mhd_log, NULL, MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&o->addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads > 0 ? o->threads : 4),
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)4000, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_NOTIFY_COMPLETED, completed,
        NULL, MHD_OPTION_END);
}

void tb_http_stop(void *server)
{
    MHD_stop_daemon(server); /* joins the workers: their connections are idle now */
    pthread_mutex_lock(&stores_lock);
    for (int i = 0; i < nstores; i++)
        tb_store_close(stores[i]);
    nstores = 0;
    pthread_mutex_unlock(&stores_lock);
}
