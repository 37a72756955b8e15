/*
 * http.h - the HTTP adapter of `tumbuh serve`: requests, responses and the
 * libmicrohttpd server loop.
 *
 * http.c knows no page and no URL. It reads a request (method, path,
 * query, form body, headers, cookies, client address), opens the worker
 * thread's SQLite connection, hands the request to the one dispatch
 * function it was started with (routes.c), and sends the response with the
 * security headers every answer carries. Pages, the route table and the
 * server start-up (server.c) sit on top of this file, never below it.
 */
#ifndef TB_WEB_HTTP_H
#define TB_WEB_HTTP_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "store/store.h"
#include "store/users.h"

#define TB_WEB_MAX_FIELDS 64
#define TB_REQ_MAX_PARAMS 4

typedef struct {
    const char *method; /* GET, POST, HEAD */
    const char *path;   /* /dasbor */
    void *conn;         /* struct MHD_Connection */
    const char *body;
    size_t body_len;
    char *keys[TB_WEB_MAX_FIELDS], *vals[TB_WEB_MAX_FIELDS]; /* form fields (POST) */
    int nfields;
    tb_store *store;
    bool logged_in;
    tb_user user;
    unsigned role;    /* the user's role bit (scope.h), set by the router */
    char csrf[65];    /* the session's CSRF token */
    char session[65]; /* the session token */
    char ip[64];      /* the peer, or the trusted proxy's X-Forwarded-For last hop */
    bool secure;      /* served over TLS (X-Forwarded-Proto: https from the trusted proxy) */
    /* path parameters of the matched route ({id}, *), filled by the router */
    const char *param_names[TB_REQ_MAX_PARAMS]; /* into the route's pattern */
    int param_name_len[TB_REQ_MAX_PARAMS];
    const char *param_vals[TB_REQ_MAX_PARAMS]; /* NUL-terminated, into param_buf */
    int nparams;
    char param_buf[512];
    /* a body streamed to a file (tb_http_options.plan_body): its path, removed
     * after the dispatch unless the handler moved it away, and its size */
    const char *upload_path; /* NULL when the body was read into memory */
    long long upload_len;
} tb_req;

typedef struct {
    int status;
    const char *ctype;
    tb_buf body;
    char location[512];
    char cookie[256];
    char disposition[160];
    int retry_after;   /* > 0: a Retry-After header of that many seconds */
    bool no_store;     /* Cache-Control: no-store (personal data) */
    bool public_cache; /* Cache-Control: public, a day (static assets, when not logged in) */
} tb_res;

/* A request handler: reads q, fills r (status 200 and an empty HTML body
 * on entry). Every page, the router and the error page have this shape. */
typedef void tb_handler(tb_req *q, tb_res *r);
/* Writes an error response (status and message) for q. */
typedef void tb_error_handler(tb_res *r, const tb_req *q, int status, const char *message);

/* A query-string argument, or NULL. */
const char *tb_req_query(const tb_req *q, const char *name);
/* A form field (POST, urlencoded), or NULL. */
const char *tb_req_form(const tb_req *q, const char *name);
/* Form field name, spaces, tabs and CRs trimmed at both ends, copied into
 * out (n bytes); false when blank. */
bool tb_req_form_text(const tb_req *q, const char *name, char *out, size_t n);
/* A request header, or NULL. */
const char *tb_req_header(const tb_req *q, const char *name);
/* A cookie, or NULL. */
const char *tb_req_cookie(const tb_req *q, const char *name);
/* A query argument, else a form field. */
const char *tb_req_arg(const tb_req *q, const char *name);
/* A path parameter of the matched route ("id" for {id}, "*" for the rest
 * after a trailing *), "" when the route has none of that name (never
 * NULL). Valid for the request's lifetime. */
const char *tb_req_param(const tb_req *q, const char *name);

/* Answers 303 See Other to location. */
void tb_res_redirect(tb_res *r, const char *location);

/* Decodes %XX and + of an urlencoded string in place (%00 is kept as text). */
void tb_http_url_decode(char *s);

typedef struct {
    struct sockaddr_in addr;   /* where to listen */
    int threads;               /* worker threads, each with its own SQLite connection */
    const char *db_path;       /* the database every worker opens */
    tb_handler *dispatch;      /* called for every request that reaches the application */
    tb_error_handler *error;   /* renders the adapter's own errors (405, 413, 503) */
    const char *trusted_proxy; /* the proxy's address: only its X-Forwarded-For (last hop)
                                  and X-Forwarded-Proto are believed; NULL = none */
    /* Called for a POST before any of its body is read (q has the method, path,
     * headers, cookies and store, no body): returns 0 to read the body into
     * memory as usual (at most 1 MiB), N > 0 to stream it into a new file in
     * upload_dir, at most N bytes (a longer one is refused with 413, nothing
     * kept), or -1 to refuse the request now with the answer in r. NULL: 0. */
    long long (*plan_body)(tb_req *q, tb_res *r);
    const char *upload_dir; /* where streamed bodies are written (mode 0600 files) */
} tb_http_options;

/* Starts the server threads; returns a handle for tb_http_stop, or NULL
 * when the address cannot be listened on. o must outlive the server. */
void *tb_http_start(const tb_http_options *o);
/* Stops the server started by tb_http_start and closes its workers' database
 * connections. */
void tb_http_stop(void *server);

#endif
