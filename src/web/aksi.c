/*
 * aksi.c - the 8 aksi konvergensi of the kabupaten's year (domain reference
 * section 8):
 *
 *   GET  /aksi?tahun=                     the 8 aksi: lead institution, dates,
 *                                         status, the province's score, outputs
 *   POST /aksi/{n}                        tahun, lembaga, mulai, selesai, status,
 *                                         nilai, catatan (admin_kab, tpps_kab)
 *   POST /aksi/{n}/dokumen?tahun=&nama=   the output document as the body
 *   GET  /aksi/analisis-situasi?tahun=    Aksi 1's situation analysis, generated
 *                                         from the records: prevalence and coverage
 *                                         per kecamatan, families at risk per desa
 *
 * Aksi 7's output (the stunting distribution and its publication) is the
 * publication PDF Tumbuh makes (/unduh/publikasi.pdf); Aksi 1 links the lokus
 * ranking when that report exists.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render.h"
#include "format/render_html.h"
#include "report/report.h"
#include "store/tpps.h"
#include "store/wilayah.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"
#include "web/tpps.h"

#define KAB_RUN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)

static bool read_year(tb_req *q, tb_res *r, int *y)
{
    char t[11];
    tb_today_iso(t);
    *y = atoi(t);
    const char *s = tb_req_arg(q, "tahun");
    atur_err e = {0};
    if (s && *s && !tb_atur_year(s, y, &e, "x", "tahun")) {
        tb_res_error(r, q, 400, e.msg);
        return false;
    }
    return true;
}

static void kabupaten(const tb_req *q, char kab[8])
{
    snprintf(kab, 8, "%.5s", q->user.wilayah);
}

typedef struct {
    tb_buf *b;
    tb_req *q;
    const atur_err *e;
    const char *kab;
    int tahun, selesai;
} aksi_ctx;

typedef struct {
    tb_buf *b;
    const char *current;
} opt_ctx;

static int lembaga_option(void *ctx, const tb_lembaga_info *l)
{
    opt_ctx *c = ctx;
    tb_buf_puts(c->b, "<option value=\"");
    tb_buf_html(c->b, l->kode);
    tb_buf_printf(c->b, "\"%s>", c->current && !strcmp(c->current, l->kode) ? " selected" : "");
    tb_buf_html(c->b, l->nama);
    tb_buf_puts(c->b, "</option>");
    return 0;
}

static void outputs(tb_buf *b, const aksi_ctx *c, const tb_aksi *a)
{
    tb_tpps_doc_link(b, a->dokumen_id, a->dokumen_nama[0] ? a->dokumen_nama : "dokumen");
    if (a->aksi == 1) {
        tb_buf_printf(b,
                      "%s<a href=\"/aksi/analisis-situasi?tahun=%d\">Analisis situasi (dari"
                      " data Tumbuh)</a>",
                      a->dokumen_id ? "<br>" : "", c->tahun);
        tb_buf_printf(b,
                      "<br><a href=\"/cakupan/lokus?tahun=%d\">Rekomendasi lokus (peringkat"
                      " desa)</a>",
                      c->tahun);
    }
    if (a->aksi == 7)
        tb_buf_printf(b,
                      "%s<a href=\"/unduh/publikasi.pdf?wilayah=%s\">Publikasi stunting per"
                      " desa (PDF, dari data Tumbuh)</a>",
                      a->dokumen_id ? "<br>" : "", c->kab);
    if (!a->dokumen_id && a->aksi != 1 && a->aksi != 7)
        tb_buf_puts(b, "<span class=\"tidak\">belum diunggah</span>");
}

static void aksi_form(tb_buf *b, const aksi_ctx *c, const tb_aksi *a)
{
    char form[16], action[64];
    snprintf(form, sizeof form, "aksi%d", a->aksi);
    tb_buf_printf(b, "<details><summary>Ubah</summary><form method=\"post\" action=\"/aksi/%d\">",
                  a->aksi);
    tb_pengguna_csrf(b, c->q);
    tb_buf_printf(b, "<input type=\"hidden\" name=\"tahun\" value=\"%d\">", c->tahun);
    tb_buf_puts(b, "<label>OPD penanggung jawab<select name=\"lembaga\"><option value=\"\">-"
                   "</option>");
    opt_ctx oc = {b, tb_atur_value(c->q, c->e, form, "lembaga", a->lembaga)};
    tb_store_lembaga_list(c->q->store, c->kab, false, lembaga_option, &oc);
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, c->e, form, "lembaga");
    tb_buf_puts(b, "</label>");
    tb_atur_input(b, c->q, c->e, form, "Mulai", "mulai", a->mulai, "type=\"date\"");
    tb_atur_input(b, c->q, c->e, form, "Selesai", "selesai", a->selesai, "type=\"date\"");
    const char *st = tb_atur_value(c->q, c->e, form, "status", a->status);
    static const char *const S[] = {"belum", "proses", "selesai"};
    tb_buf_puts(b, "<label>Status<select name=\"status\">");
    for (int i = 0; i < 3; i++)
        tb_buf_printf(b, "<option%s>%s</option>", !strcmp(st, S[i]) ? " selected" : "", S[i]);
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, c->e, form, "status");
    tb_buf_puts(b, "</label>");
    char nilai[32] = "";
    if (!isnan(a->nilai))
        snprintf(nilai, sizeof nilai, "%g", a->nilai);
    tb_atur_input(b, c->q, c->e, form, "Nilai penilaian provinsi (0-100)", "nilai", nilai,
                  "inputmode=\"decimal\"");
    tb_atur_input(b, c->q, c->e, form, "Catatan", "catatan", a->catatan, "maxlength=\"390\"");
    tb_buf_puts(b, "<button>Simpan</button></form>");
    snprintf(action, sizeof action, "/aksi/%d/dokumen?tahun=%d", a->aksi, c->tahun);
    tb_tpps_upload_form(b, c->q, action, "Dokumen keluaran");
    tb_buf_puts(b, "</details>");
}

static void date_text(tb_buf *b, const char *iso)
{
    tb_buf_dmy(b, iso, "-");
}

static int aksi_row(void *ctx, const tb_aksi *a)
{
    aksi_ctx *c = ctx;
    tb_buf *b = c->b;
    c->selesai += !strcmp(a->status, "selesai");
    tb_buf_printf(b, "<tr data-aksi=\"%d\" data-status=\"%s\"><td>%d</td><td><strong>", a->aksi,
                  a->status, a->aksi);
    tb_buf_html(b, tb_aksi_nama(a->aksi));
    tb_buf_puts(b, "</strong><br><small>");
    tb_buf_html(b, tb_aksi_keluaran(a->aksi));
    tb_buf_puts(b, "</small></td><td>");
    tb_buf_html(b, a->lembaga_nama[0] ? a->lembaga_nama : a->pic[0] ? a->pic : "-");
    tb_buf_puts(b, "</td><td>");
    date_text(b, a->mulai);
    tb_buf_puts(b, " – ");
    date_text(b, a->selesai);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->status);
    tb_buf_puts(b, "</td><td>");
    if (isnan(a->nilai))
        tb_buf_puts(b, "-");
    else {
        char s[32];
        tb_render_number(s, sizeof s, a->nilai, TB_COL_DEC1);
        tb_buf_html(b, s);
    }
    tb_buf_puts(b, "</td><td>");
    outputs(b, c, a);
    if (c->q->role & KAB_RUN)
        aksi_form(b, c, a);
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static void aksi_page(tb_req *q, tb_res *r, const atur_err *e, int tahun)
{
    char kab[8], nama[160] = "";
    kabupaten(q, kab);
    tb_store_wilayah_nama(q->store, kab, nama, sizeof nama);
    char title[240];
    snprintf(title, sizeof title, "8 aksi konvergensi %s %d", nama, tahun);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, title);
    tb_buf_printf(b,
                  "</h1><form method=\"get\" action=\"/aksi\"><label>Tahun<input name=\"tahun\""
                  " value=\"%d\" inputmode=\"numeric\" size=\"5\"></label><button>Tampilkan"
                  "</button></form><div class=\"tabel\"><table><thead><tr><th>Aksi</th>"
                  "<th>Nama dan keluaran</th><th>OPD</th><th>Waktu</th><th>Status</th>"
                  "<th>Nilai provinsi</th><th>Dokumen keluaran</th></tr></thead><tbody>",
                  tahun);
    aksi_ctx c = {b, q, e, kab, tahun, 0};
    if (tb_store_aksi_each(q->store, kab, tahun, aksi_row, &c) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_printf(b, "</tbody></table></div><p data-selesai=\"%d\">%d dari 8 aksi selesai.</p>",
                  c.selesai, c.selesai);
    tb_html_end(r);
}

void tb_page_aksi(tb_req *q, tb_res *r)
{
    int tahun;
    if (read_year(q, r, &tahun))
        aksi_page(q, r, NULL, tahun);
}

/* The aksi number of the route's {n}: 1-8, or 0 after answering 404. */
static int aksi_number(tb_req *q, tb_res *r)
{
    const char *s = tb_req_param(q, "n");
    int n = (s[0] >= '1' && s[0] <= '8' && !s[1]) ? s[0] - '0' : 0;
    if (!n)
        tb_res_error(r, q, 404, "Aksi konvergensi bernomor 1 sampai 8.");
    return n;
}

static bool read_aksi(tb_req *q, tb_aksi *a, atur_err *e, const char *form, const char *kab)
{
    const char *l = tb_req_form(q, "lembaga"), *st = tb_req_form(q, "status");
    const char *nilai = tb_req_form(q, "nilai"), *cat = tb_req_form(q, "catatan");
    snprintf(a->lembaga, sizeof a->lembaga, "%s", l ? l : "");
    snprintf(a->status, sizeof a->status, "%s", st ? st : "");
    snprintf(a->catatan, sizeof a->catatan, "%s", cat ? cat : "");
    char ln[200], lw[32];
    bool la;
    bool ok =
        !a->lembaga[0] ||
        (tb_store_lembaga_read(q->store, a->lembaga, ln, sizeof ln, lw, sizeof lw, &la) == 1 &&
         la && strcmp(lw, kab) == 0) ||
        tb_atur_fail(e, form, "lembaga", "Pilih OPD dari daftar lembaga kabupaten.");
    ok = ok && tb_tpps_date(tb_req_form(q, "mulai"), a->mulai, e, form, "mulai");
    ok = ok && tb_tpps_date(tb_req_form(q, "selesai"), a->selesai, e, form, "selesai");
    ok = ok && (!a->mulai[0] || !a->selesai[0] || strcmp(a->selesai, a->mulai) >= 0 ||
                tb_atur_fail(e, form, "selesai", "Tanggal selesai sebelum tanggal mulai."));
    ok = ok && (tb_aksi_status_ok(a->status) ||
                tb_atur_fail(e, form, "status", "Pilih status: belum, proses atau selesai."));
    a->nilai = NAN;
    if (ok && nilai && *nilai) {
        char t[32], *end;
        snprintf(t, sizeof t, "%s", nilai);
        for (char *p = t; *p; p++)
            *p = *p == ',' ? '.' : *p;
        a->nilai = strtod(t, &end);
        if (*end || a->nilai < 0 || a->nilai > 100)
            ok = tb_atur_fail(e, form, "nilai", "Nilai provinsi angka 0 sampai 100 (misal 82,5).");
    }
    return ok;
}

void tb_page_aksi_simpan(tb_req *q, tb_res *r)
{
    int n = aksi_number(q, r), tahun;
    if (!n || !read_year(q, r, &tahun))
        return;
    char kab[8], form[16];
    kabupaten(q, kab);
    snprintf(form, sizeof form, "aksi%d", n);
    atur_err e = {0};
    tb_aksi a;
    memset(&a, 0, sizeof a);
    a.aksi = n;
    if (!read_aksi(q, &a, &e, form, kab)) {
        r->status = 422;
        return aksi_page(q, r, &e, tahun);
    }
    if (tb_store_aksi_simpan(q->store, q->user.id, kab, tahun, &a) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char loc[64];
    snprintf(loc, sizeof loc, "/aksi?tahun=%d", tahun);
    tb_res_redirect(r, loc);
}

void tb_page_aksi_dokumen(tb_req *q, tb_res *r)
{
    int n = aksi_number(q, r), tahun;
    if (!n || !read_year(q, r, &tahun))
        return;
    char kab[8];
    kabupaten(q, kab);
    long id = tb_tpps_upload(q, r, kab);
    if (id <= 0)
        return;
    if (tb_store_aksi_dokumen(q->store, q->user.id, kab, tahun, n, id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char loc[64];
    snprintf(loc, sizeof loc, "/aksi?tahun=%d", tahun);
    tb_res_redirect(r, loc);
}

/* ---- Aksi 1: the situation analysis from the records ---- */

static void report_html(tb_buf *b, tb_req *q, const char *wilayah, const char *month)
{
    tb_report_scope sc = {.wilayah = wilayah};
    snprintf(sc.month, sizeof sc.month, "%s", month);
    tb_table *t = NULL;
    if (tb_report_run(q->store, TB_REPORT_PREVALENSI, &sc, &t) == 0) {
        tb_render_html(t, b, NULL);
        tb_table_free(t);
    } else {
        tb_buf_puts(b, "<p class=\"galat\">");
        tb_buf_html(b, tb_store_error(q->store));
        tb_buf_puts(b, "</p>");
    }
}

typedef struct {
    tb_buf *b;
    tb_req *q;
    const char *month;
} kec_ctx;

static int kec_report(void *ctx, const char *kode, const char *nama)
{
    kec_ctx *c = ctx;
    tb_buf_puts(c->b, "<h3>Kecamatan ");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, "</h3>");
    report_html(c->b, c->q, kode, c->month);
    return 0;
}

static int krs_row(void *ctx, const char *desa, const char *nama, const char *kecamatan,
                   long keluarga, long krs)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr data-krs-desa=\"");
    tb_buf_html(b, desa);
    tb_buf_puts(b, "\"><td>");
    tb_buf_html(b, nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, kecamatan);
    char pct[32] = "-";
    if (keluarga > 0)
        tb_render_number(pct, sizeof pct, 100.0 * (double)krs / (double)keluarga, TB_COL_PERCENT);
    tb_buf_printf(b, "</td><td>%ld</td><td>%ld</td><td>", keluarga, krs);
    tb_buf_html(b, pct);
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

void tb_page_aksi_analisis(tb_req *q, tb_res *r)
{
    int tahun;
    if (!read_year(q, r, &tahun))
        return;
    char kab[8], nama[160] = "", month[16], now[8];
    kabupaten(q, kab);
    tb_store_wilayah_nama(q->store, kab, nama, sizeof nama);
    tb_this_month(now);
    snprintf(month, sizeof month, "%04d-12", (tahun - 1) % 10000);
    if (tahun - 1 >= atoi(now)) /* the year before has not ended: the latest month */
        snprintf(month, sizeof month, "%s", now);
    char title[240];
    snprintf(title, sizeof title, "Analisis situasi %s %d (Aksi 1)", nama, tahun);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, title);
    tb_buf_printf(b,
                  "</h1><p>Disusun dari data Tumbuh, bukan diketik: sebaran stunting dan"
                  " cakupan pengukuran per wilayah pada bulan %s, dan keluarga berisiko"
                  " stunting (KRS) per desa dari Pendataan Keluarga.",
                  month);
    tb_buf_puts(b, " Rekomendasi lokus: <a href=\"/cakupan/lokus\">peringkat desa</a> (bobot"
                   " ditetapkan kabupaten).");
    tb_buf_puts(b, "</p>");
    /* the reports read every measurement of the district: kept until the data changes */
    char key[64];
    snprintf(key, sizeof key, "aksi1:%s:%s", kab, month);
    unsigned long version = tb_web_data_version();
    long made;
    if (!tb_cache_get(key, version, 0, b, &made)) {
        tb_buf f = {0};
        tb_buf_puts(&f, "<h2>Prevalensi dan cakupan pengukuran per kecamatan</h2>");
        report_html(&f, q, kab, month);
        tb_buf_puts(&f, "<h2>Per desa</h2>");
        kec_ctx kc = {&f, q, month};
        tb_store_wilayah_anak(q->store, kab, kec_report, &kc);
        if (!f.oom)
            tb_cache_put(key, version, f.data ? f.data : "", f.len);
        tb_buf_put(b, f.data ? f.data : "", f.len);
        tb_buf_free(&f);
    }
    tb_buf_puts(b, "<h2>Keluarga berisiko stunting per desa</h2><div class=\"tabel\"><table>"
                   "<thead><tr><th>Desa</th><th>Kecamatan</th><th>Keluarga</th><th>KRS</th>"
                   "<th>% KRS</th></tr></thead><tbody>");
    if (tb_store_krs_per_desa(q->store, kab, krs_row, b) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div>");
    tb_html_end(r);
}
