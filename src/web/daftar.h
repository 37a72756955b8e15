/*
 * daftar.h - what every list page shares (daftar.c): its search, filters,
 * order and page read from the URL (GET, so a list can be bookmarked,
 * printed and downloaded with the same filters), checked against the page's
 * area, and written back as a filter form, sortable column headings, page
 * links and query strings. The rows themselves come from the store with
 * the filters, order and page in the query (store/report.h).
 *
 * URL parameters: cari (part of a name or NIK; only for roles that see
 * names), kecamatan, desa (codes), pos (a posyandu id), umur (age group
 * 0-4), jk (L/P), status, urut (a column key), arah (naik/turun), hal
 * (page, from 1), per (rows per page: 25, 50, 100, 200).
 */
#ifndef TB_WEB_DAFTAR_H
#define TB_WEB_DAFTAR_H

#include <stdbool.h>

#include "base/buf.h"
#include "format/table.h"
#include "store/report.h"
#include "web/http.h"
#include "web/page.h"

/* One list request's parameters, and the store query made of them. */
typedef struct {
    char cari[81];
    char kecamatan[16], desa[24];
    long pos;
    int umur, jk;
    char status[8];
    char urut[16];
    bool turun;
    long hal, per;
    bool names;      /* the viewer sees names: search and personal sort keys allowed */
    tb_list_query q; /* points into the fields above */
} tb_daftar;

/* The status values a list may be filtered by, with their labels; NULL-terminated pairs. */
typedef const char *const tb_daftar_status[];

/*
 * Reads a list request for scope ps (status: the allowed status values,
 * may be NULL). all: every row (a download), else one page. False after
 * writing the error response: 400 for a malformed value (code, number,
 * status), 403 for an area or posyandu outside ps.
 */
bool tb_daftar_read(tb_req *q, tb_res *r, const page_scope *ps, const char *const *status, bool all,
                    tb_daftar *d);

/* Appends the query string of ps (may be NULL) and d, with urut/arah and
 * hal replaced when urut is not NULL / hal > 0, HTML-escaped for an href. */
void tb_daftar_query(tb_buf *b, const page_scope *ps, const tb_daftar *d, const char *urut,
                     bool turun, long hal);

/* Appends the GET filter form of a list page: search (for roles that see
 * names), the area filters below ps (kecamatan, desa, posyandu), age
 * group and sex when people (true), status (may be NULL), rows per page. */
void tb_daftar_form(tb_buf *b, tb_req *q, const char *action, const page_scope *ps,
                    const tb_daftar *d, bool people, const char *const *status);

/* Appends the table with a sort link in every sortable heading. */
void tb_daftar_table(tb_buf *b, const tb_table *t, const char *action, const page_scope *ps,
                     const tb_daftar *d, bool (*sortable)(const char *key, bool names));

/* Appends "N anak/posyandu, halaman x dari y" and the page links. */
void tb_daftar_pager(tb_buf *b, const char *action, const page_scope *ps, const tb_daftar *d,
                     long total, const char *noun);

/* Can a by-name list be sorted by key for this viewer (personal keys only with names)? */
bool tb_daftar_list_sortable(const char *key, bool names);

#endif
