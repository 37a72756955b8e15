/*
 * page.h - what the HTML pages share (page.c): the page frame, the error
 * page (HTML, or JSON under /api/), and the area and month a page or API
 * call is about, read from wilayah=/posyandu=/bulan= and checked against
 * the user's area (scope.h).
 */
#ifndef TB_WEB_PAGE_H
#define TB_WEB_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "format/table.h"
#include "report/report.h"
#include "store/posyandu.h"
#include "web/http.h"

/* Page frame: header with navigation (and the CSRF token) when logged in. */
void tb_html_begin(tb_res *r, const tb_req *q, const char *title);
/* Closes the page frame opened by tb_html_begin. */
void tb_html_end(tb_res *r);

/* Replaces r's body with an error page of status and message: JSON
 * {"galat": message} for /api/ paths, else an HTML page. */
void tb_res_error(tb_res *r, const tb_req *q, int status, const char *message);

/* The area and month of a page or API call. */
typedef struct {
    tb_report_scope sc;
    char wilayah[32];
    tb_posyandu_info pos;
    char nama[200]; /* the area's name */
} page_scope;

/* The first month a page or report may be about. */
#define TB_PAGE_FIRST_MONTH "2000-01"

/* Is m a month a page may show: TTTT-BB, from TB_PAGE_FIRST_MONTH to this
 * month? When not, why (n bytes) says what is wrong in Indonesian (a month
 * in the future: it has not come yet). */
bool tb_page_month_ok(const char *m, char *why, size_t n);
/* Reads wilayah= or posyandu=, and bulan= (this month when absent) and
 * checks them against the user's area; a cadre's area pages are the
 * posyandu's. False after writing the error response: 400 for a malformed
 * or future month, a wilayah that is not a code, a posyandu that is not a
 * number; 404 for an unknown area; 403 outside the user's area. */
bool tb_page_scope_read(tb_req *q, tb_res *r, page_scope *ps);

/* The posyandu of the route's {id} into *p, checked against the user's
 * scope; false after writing the error response (404 unknown, 403 outside). */
bool tb_page_posyandu_read(tb_req *q, tb_res *r, tb_posyandu_info *p);
/* Appends the query string of a scope (wilayah=..&amp;bulan=.. or
 * posyandu=..&amp;bulan=..), HTML-escaped for an href. */
void tb_page_scope_query(tb_buf *b, const page_scope *ps);
/* Appends the breadcrumb of a scope: kabupaten › kecamatan › desa ›
 * posyandu, linking the levels the user may open. */
void tb_page_breadcrumb(tb_buf *b, tb_req *q, const page_scope *ps);
/* Appends the month chooser of a page (GET form to action). */
void tb_page_month_form(tb_buf *b, const char *action, const page_scope *ps);
/* How old (seconds) cached figures of a scope may be: a minute for the
 * kabupaten and kecamatan, 0 (always current) below (cache.h). */
int tb_page_cache_age(const page_scope *ps);
/* The column of a table with this key, or -1. */
int tb_page_table_col(const tb_table *t, const char *key);

#endif
