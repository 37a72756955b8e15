/*
 * audit.c - the audit log for the administrator: GET /audit (who did
 * what, when; filtered by user, area, action and date range; 50 a page)
 * and GET /audit.csv (the same filter, every row). admin_kab sees every
 * row (the system's too); tpps_kec the actions of their kecamatan's users.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/audit.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/scope.h"

#define PER_PAGE 50

static const char *arg(const tb_req *q, const char *name)
{
    const char *v = tb_req_query(q, name);
    return v ? v : "";
}

static bool date_ok(const char *d)
{
    if (!*d)
        return true;
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return false;
    return true;
}

/* Reads the filter from the query; false with the error answered. */
static bool read_filter(tb_req *q, tb_res *r, tb_audit_filter *f)
{
    static const char *const aksi[] = {"", "tambah", "ubah", "hapus", "impor", "masuk"};
    *f = (tb_audit_filter){arg(q, "wilayah"), arg(q, "pengguna"), arg(q, "aksi"), arg(q, "dari"),
                           arg(q, "sampai")};
    bool known = false;
    for (size_t i = 0; i < sizeof aksi / sizeof aksi[0]; i++)
        known |= !strcmp(f->aksi, aksi[i]);
    if (!known || !date_ok(f->dari) || !date_ok(f->sampai)) {
        tb_res_error(r, q, 400,
                     "Filter tidak sah: aksi tambah/ubah/hapus/impor/masuk, tanggal TTTT-BB-HH.");
        return false;
    }
    if (*f->wilayah && !tb_scope_code_ok(&q->user, f->wilayah)) {
        tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
        return false;
    }
    if (!*f->wilayah && strcmp(q->user.peran, "admin_kab"))
        f->wilayah = q->user.wilayah; /* below the kabupaten: only one's own area */
    r->no_store = true;
    return true;
}

static void cell(tb_buf *b, const char *v)
{
    tb_buf_puts(b, "<td>");
    tb_buf_html(b, v);
    tb_buf_puts(b, "</td>");
}

static int html_row(void *ctx, const tb_audit_row *a)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr>");
    cell(b, a->waktu);
    cell(b, *a->username ? a->username : "(sistem)");
    cell(b, a->wilayah);
    cell(b, a->aksi);
    cell(b, a->tabel);
    cell(b, a->baris);
    cell(b, a->sebelum);
    cell(b, a->sesudah);
    tb_buf_puts(b, "</tr>");
    return 0;
}

static void filter_form(tb_buf *b, const tb_audit_filter *f)
{
    const char *names[] = {"pengguna", "wilayah", "aksi", "dari", "sampai"};
    const char *labels[] = {"Pengguna", "Wilayah", "Aksi", "Dari", "Sampai"};
    const char *vals[] = {f->username, f->wilayah, f->aksi, f->dari, f->sampai};
    tb_buf_puts(b, "<form method=\"get\" action=\"/audit\" class=\"filter\">");
    for (int i = 0; i < 5; i++) {
        tb_buf_printf(b, "<label>%s<input name=\"%s\"%s value=\"", labels[i], names[i],
                      i >= 3 ? " type=\"date\"" : "");
        tb_buf_html(b, vals[i]);
        tb_buf_puts(b, "\"></label> ");
    }
    tb_buf_puts(b, "<button>Saring</button></form>");
}

static void query_of(tb_buf *b, const tb_audit_filter *f)
{
    tb_buf_puts(b, "pengguna=");
    tb_buf_url(b, f->username);
    tb_buf_puts(b, "&amp;wilayah=");
    tb_buf_url(b, f->wilayah);
    tb_buf_puts(b, "&amp;aksi=");
    tb_buf_url(b, f->aksi);
    tb_buf_puts(b, "&amp;dari=");
    tb_buf_url(b, f->dari);
    tb_buf_puts(b, "&amp;sampai=");
    tb_buf_url(b, f->sampai);
}

void tb_page_audit(tb_req *q, tb_res *r)
{
    tb_audit_filter f;
    if (!read_filter(q, r, &f))
        return;
    long hal = strtol(arg(q, "hal"), NULL, 10), total = 0;
    if (hal < 1)
        hal = 1;
    tb_html_begin(r, q, "Log audit");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Log audit</h1>");
    filter_form(b, &f);
    tb_buf_puts(b, "<div class=\"tabel\"><table id=\"audit\"><thead><tr><th>Waktu (UTC)</th>"
                   "<th>Pengguna</th><th>Wilayah</th><th>Aksi</th><th>Tabel</th><th>Baris</th>"
                   "<th>Sebelum</th><th>Sesudah</th></tr></thead><tbody>");
    if (tb_store_audit_each(q->store, &f, (hal - 1) * PER_PAGE, PER_PAGE, &total, html_row, b) <
        0) {
        tb_buf_free(b);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    tb_buf_printf(b, "</tbody></table></div><p id=\"jumlah\">%ld baris, halaman %ld dari %ld.</p>",
                  total, hal, total ? (total + PER_PAGE - 1) / PER_PAGE : 1);
    tb_buf_puts(b, "<p>");
    if (hal > 1) {
        tb_buf_puts(b, "<a rel=\"prev\" href=\"/audit?");
        query_of(b, &f);
        tb_buf_printf(b, "&amp;hal=%ld\">Sebelumnya</a> ", hal - 1);
    }
    if (hal * PER_PAGE < total) {
        tb_buf_puts(b, "<a rel=\"next\" href=\"/audit?");
        query_of(b, &f);
        tb_buf_printf(b, "&amp;hal=%ld\">Berikutnya</a> ", hal + 1);
    }
    tb_buf_puts(b, "<a href=\"/audit.csv?");
    query_of(b, &f);
    tb_buf_puts(b, "\">Unduh CSV</a></p>");
    tb_html_end(r);
}

/* A CSV field, always quoted; a leading = + - @ is defused for spreadsheets. */
static void csv_field(tb_buf *b, const char *v, bool last)
{
    tb_buf_puts(b, "\"");
    if (strchr("=+-@", *v) && *v)
        tb_buf_puts(b, "'");
    for (; *v; v++)
        tb_buf_put(b, *v == '"' ? "\"\"" : v, *v == '"' ? 2 : 1);
    tb_buf_puts(b, last ? "\"\r\n" : "\",");
}

static int csv_row(void *ctx, const tb_audit_row *a)
{
    tb_buf *b = ctx;
    char id[24];
    snprintf(id, sizeof id, "%ld", a->id);
    const char *v[] = {id,         a->waktu,   *a->username ? a->username : "(sistem)",
                       a->wilayah, a->aksi,    a->tabel,
                       a->baris,   a->sebelum, a->sesudah};
    for (int i = 0; i < 9; i++)
        csv_field(b, v[i], i == 8);
    return 0;
}

void tb_page_audit_csv(tb_req *q, tb_res *r)
{
    tb_audit_filter f;
    if (!read_filter(q, r, &f))
        return;
    tb_buf *b = &r->body;
    tb_buf_puts(b, "id,waktu,pengguna,wilayah,aksi,tabel,baris,sebelum,sesudah\r\n");
    if (tb_store_audit_each(q->store, &f, 0, 0, NULL, csv_row, b) < 0) {
        tb_buf_free(b);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    r->ctype = "text/csv; charset=utf-8";
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"audit.csv\"");
}
