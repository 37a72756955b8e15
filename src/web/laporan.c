/*
 * laporan.c - a report as a page (lists and tables, cached like the
 * dashboards) and as a download (CSV, XLSX, PDF, and the publication PDF
 * without personal data). Every figure comes from report.c; the area is
 * checked before a report runs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/render.h"
#include "format/render_html.h"
#include "report/report.h"
#include "web/cache.h"
#include "web/daftar.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/scope.h"

/* The status values a by-name list may be filtered by (value, label pairs). */
static const char *const *list_status(tb_report_kind k)
{
    static const char *const stunting[] = {"SP", "Sangat pendek (SP)", "P", "Pendek (P)", NULL};
    static const char *const wasting[] = {"GBR", "Gizi buruk (GBR)", "GK", "Gizi kurang (GK)",
                                          NULL};
    return k == TB_REPORT_STUNTING ? stunting : k == TB_REPORT_WASTING ? wasting : NULL;
}

/* The links to the report's files, with the list's filters and order. */
static void download_links(tb_buf *b, tb_report_kind kind, const page_scope *ps, const tb_daftar *d)
{
    tb_buf_puts(b, "<nav class=\"tautan\">");
    static const char *const fmts[] = {"csv", "xlsx", "pdf"};
    for (int i = 0; i < 3; i++) {
        tb_buf_printf(b, "<a href=\"/unduh/%s.%s?", tb_report_name(kind), fmts[i]);
        if (d)
            tb_daftar_query(b, ps, d, NULL, false, 1);
        else
            tb_page_scope_query(b, ps);
        tb_buf_printf(b, "\" download>Unduh %s</a> ", fmts[i]);
    }
    tb_buf_puts(b, "</nav>");
}

/* A by-name list: filter form, one page of the table, page links (never
 * cached: the query with its filters is the page). */
static void list_page(tb_req *q, tb_res *r, tb_report_kind kind, page_scope *ps, const tb_daftar *d,
                      const char *action)
{
    tb_buf *b = &r->body;
    tb_daftar_form(b, q, action, ps, d, true, list_status(kind));
    download_links(b, kind, ps, d);
    if (!ps->sc.with_names)
        tb_buf_puts(b, "<p class=\"catatan\">Nama dan NIK tidak ditampilkan untuk peran Anda"
                       " (UU PDP 27/2022).</p>");
    long total = 0;
    tb_table *t = NULL;
    if (tb_report_run_list(q->store, kind, &ps->sc, &d->q, &total, &t)) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return;
    }
    tb_daftar_pager(b, action, ps, d, total, "anak");
    tb_daftar_table(b, t, action, ps, d, tb_daftar_list_sortable);
    tb_table_free(t);
    if (total > d->per)
        tb_daftar_pager(b, action, ps, d, total, "anak");
    r->no_store = true;
    tb_html_end(r);
}

/* A TPK member sees by name only the targets of the team (/tpk/hari,
 * /layanan, the KRS family lists filter by team): the children's lists of a
 * desa come without names for that role. */
static void tpk_no_names(const tb_req *q, tb_report_kind kind, page_scope *ps)
{
    if ((q->role & TB_ROLE_TPK) && tb_report_is_list(kind) && kind != TB_REPORT_KRS_KELUARGA &&
        kind != TB_REPORT_VERVAL)
        ps->sc.with_names = false;
}

void tb_page_laporan(tb_req *q, tb_res *r)
{
    const char *name = tb_req_param(q, "nama");
    int kind = tb_report_lookup(name);
    if (kind < 0)
        return tb_res_error(r, q, 404, "Laporan tidak dikenal.");
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    tpk_no_names(q, (tb_report_kind)kind, &ps);
    bool list = tb_report_is_list((tb_report_kind)kind);
    tb_daftar d;
    if (list && !tb_daftar_read(q, r, &ps, list_status((tb_report_kind)kind), false, &d))
        return;
    char key[192];
    snprintf(key, sizeof key, "laporan|%s|%s|%ld|%s|%d%d", name, ps.wilayah, ps.sc.posyandu_id,
             ps.sc.month, ps.sc.with_names, ps.sc.link_anak);
    tb_html_begin(r, q, tb_report_title((tb_report_kind)kind));
    tb_buf *b = &r->body;
    tb_page_breadcrumb(b, q, &ps);
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, tb_report_title((tb_report_kind)kind));
    tb_buf_puts(b, "</h1>");
    char action[64];
    snprintf(action, sizeof action, "/laporan/%s", tb_report_name((tb_report_kind)kind));
    if (list)
        return list_page(q, r, (tb_report_kind)kind, &ps, &d, action);
    tb_page_month_form(b, action, &ps);
    download_links(b, (tb_report_kind)kind, &ps, NULL);
    size_t at = b->len;
    unsigned long v = tb_web_data_version();
    if (!tb_cache_get(key, v, tb_page_cache_age(&ps), b, NULL)) {
        tb_table *t = NULL;
        if (tb_report_run(q->store, (tb_report_kind)kind, &ps.sc, &t)) {
            tb_res_error(r, q, 500, tb_store_error(q->store));
            return;
        }
        tb_render_html(t, b, NULL); /* no id column unless the child's page may be opened */
        tb_table_free(t);
        tb_cache_put(key, v, b->data + at, b->len - at);
    }
    r->no_store = true;
    tb_html_end(r);
}

/* Reads a whole file into b; removes it. */
static int slurp(const char *path, tb_buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tb_buf_put(b, chunk, n);
    fclose(f);
    unlink(path);
    return 0;
}

void tb_page_unduh(tb_req *q, tb_res *r)
{
    const char *file = tb_req_param(q, "berkas");
    const char *dot = strrchr(file, '.');
    if (!dot)
        return tb_res_error(r, q, 404, "Berkas tidak dikenal.");
    char name[32];
    snprintf(name, sizeof name, "%.*s", (int)(dot - file), file);
    const char *fmt = dot + 1;
    bool pub = !strcmp(name, "publikasi");
    int kind = tb_report_lookup(name);
    if ((!pub && kind < 0) || (strcmp(fmt, "csv") && strcmp(fmt, "xlsx") && strcmp(fmt, "pdf")) ||
        (pub && strcmp(fmt, "pdf")))
        return tb_res_error(r, q, 404, "Berkas tidak dikenal.");
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    if (!pub)
        tpk_no_names(q, (tb_report_kind)kind, &ps);
    tb_daftar d; /* a list's file has the page's filters and order, every row */
    bool list = !pub && tb_report_is_list((tb_report_kind)kind);
    if (list && !tb_daftar_read(q, r, &ps, list_status((tb_report_kind)kind), true, &d))
        return;
    if (pub)
        ps.sc.with_names = false; /* the publication carries no personal data */
    tb_table *t[3] = {NULL, NULL, NULL};
    int nt = pub ? 3 : 1;
    tb_report_kind ks[3] = {TB_REPORT_PREVALENSI, TB_REPORT_SKDN, TB_REPORT_TREN};
    if (!pub)
        ks[0] = (tb_report_kind)kind;
    for (int i = 0; i < nt; i++)
        if (list ? tb_report_run_list(q->store, ks[i], &ps.sc, &d.q, NULL, &t[i])
                 : tb_report_run(q->store, ks[i], &ps.sc, &t[i])) {
            tb_res_error(r, q, 500, tb_store_error(q->store));
            goto done;
        }
    char tmp[] = "/tmp/tumbuh-unduh-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) {
        tb_res_error(r, q, 500, "Tidak dapat membuat berkas sementara.");
        goto done;
    }
    close(fd);
    int rc;
    if (!strcmp(fmt, "csv")) {
        FILE *f = fopen(tmp, "w");
        rc = f ? tb_render_csv_excel(t[0], f) : -1; /* for Excel set to Indonesian */
        if (f && fclose(f))
            rc = -1;
        r->ctype = "text/csv; charset=utf-8";
    } else if (!strcmp(fmt, "xlsx")) {
        rc = tb_render_xlsx(t[0], tmp);
        r->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    } else {
        int charts[3] = {5, 11, 5};
        rc = tb_render_pdf((const tb_table *const *)t, pub ? charts : NULL, nt, tmp);
        r->ctype = "application/pdf";
    }
    if (rc || slurp(tmp, &r->body)) {
        unlink(tmp);
        tb_res_error(r, q, 500, "Berkas tidak dapat dibuat.");
        goto done;
    }
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s-%s-%s.%s\"", name,
             ps.sc.posyandu_id > 0 ? "posyandu" : ps.wilayah, ps.sc.month, fmt);
    r->no_store = true;
done:
    for (int i = 0; i < 3; i++)
        tb_table_free(t[i]);
}
