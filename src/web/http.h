/*
 * web.h - the HTTP side of `tumbuh serve`: requests, responses, sessions.
 *
 * web.c adapts libmicrohttpd (a thread pool; each worker thread has its own
 * SQLite connection), parses forms and cookies, and checks the session and
 * the CSRF token before any handler runs. Handlers live in web_pages.c
 * (dashboards and reports), web_posyandu.c (the posyandu day), web_anak.c
 * (the child page and card), web_api.c (JSON under /api/v1) and
 * web_session.c (login, logout, sessions, rate limit).
 */
#ifndef TB_WEB_H
#define TB_WEB_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "store/store.h"
#include "report/report.h"
#include "store/users.h"
#include "store/posyandu.h"

#define TB_WEB_MAX_FIELDS 64

typedef struct {
    const char *method; /* GET, POST */
    const char *path;   /* /dasbor */
    void *conn;         /* struct MHD_Connection */
    const char *body;
    size_t body_len;
    char *keys[TB_WEB_MAX_FIELDS], *vals[TB_WEB_MAX_FIELDS]; /* form fields (POST) */
    int nfields;
    tb_store *store;
    bool logged_in;
    tb_user user;
    char csrf[65];    /* the session's CSRF token */
    char session[65]; /* the session token */
    char ip[64];
    bool secure; /* served over TLS (X-Forwarded-Proto: https) */
} tb_req;

typedef struct {
    int status;
    const char *ctype;
    tb_buf body;
    char location[512];
    char cookie[256];
    char disposition[160];
    bool no_store; /* Cache-Control: no-store (personal data) */
} tb_res;

/* A query-string argument, or NULL. */
const char *tb_req_query(const tb_req *q, const char *name);
/* A form field (POST, urlencoded), or NULL. */
const char *tb_req_form(const tb_req *q, const char *name);
/* A request header, or NULL. */
const char *tb_req_header(const tb_req *q, const char *name);
/* A query argument, else a form field. */
const char *tb_req_arg(const tb_req *q, const char *name);

/* Responses. */
void tb_res_redirect(tb_res *r, const char *location);
void tb_res_error(tb_res *r, const tb_req *q, int status, const char *message);

/* --- sessions and login (web_session.c) --- */

/* Looks up the session of the cookie; fills q->user, q->csrf. */
void tb_session_load(tb_req *q);
/* Creates a session for user; sets the cookie on r. */
int tb_session_create(tb_req *q, tb_res *r, const tb_user *u);
void tb_session_destroy(tb_req *q, tb_res *r);
/* Does the request carry the session's CSRF token (form field or header)? */
bool tb_session_csrf_ok(const tb_req *q);
/* Login rate limit: may this ip/user try now? Records the outcome. */
bool tb_login_allowed(const char *ip, const char *username);
void tb_login_record(const char *ip, const char *username, bool ok);
void tb_session_init(void);

/* --- handlers --- */
void tb_page_login(tb_req *q, tb_res *r);
void tb_page_logout(tb_req *q, tb_res *r);
void tb_page_home(tb_req *q, tb_res *r);
void tb_page_dasbor(tb_req *q, tb_res *r);
void tb_page_laporan(tb_req *q, tb_res *r);
void tb_page_unduh(tb_req *q, tb_res *r);
void tb_page_posyandu(tb_req *q, tb_res *r);
void tb_page_posyandu_save(tb_req *q, tb_res *r);
void tb_page_anak_baru(tb_req *q, tb_res *r);
void tb_page_anak(tb_req *q, tb_res *r);
void tb_page_anak_grafik(tb_req *q, tb_res *r);
void tb_page_kartu(tb_req *q, tb_res *r);
void tb_page_asset(tb_req *q, tb_res *r);
void tb_api(tb_req *q, tb_res *r);

/* The area and month of a page or API call (wilayah= or posyandu=, bulan=),
 * checked against the user's scope; false after writing an error response. */
typedef struct {
    tb_report_scope sc;
    char wilayah[32];
    tb_posyandu_info pos;
    char nama[200]; /* the area's name */
} page_scope;
bool tb_page_scope_read(tb_req *q, tb_res *r, page_scope *ps);

/* The dashboard figures of a scope, from the cache when current (web_pages.c). */
int tb_dasbor_fragment(tb_store *st, const page_scope *ps, tb_buf *b, long *made);
/* Computes the kabupaten and kecamatan dashboards of a month into the cache. */
void tb_web_warm(tb_store *st, const char *month);

/* Page frame: header with navigation, and footer. */
void tb_html_begin(tb_res *r, const tb_req *q, const char *title);
void tb_html_end(tb_res *r);

/* The server. */
typedef struct {
    const char *db_path;
    const char *listen; /* ADDR:PORT */
    int threads;
} tb_server_options;

int tb_serve(const tb_server_options *o);

/* Bumped on every write: cached report tables older than this are stale. */
unsigned long tb_web_data_version(void);
void tb_web_data_changed(void);

#endif
