/*
 * atur_target.c - what only the demo filled before, now kept by the
 * district (admin_kab; tpps_kec for targets and lokus of their kecamatan):
 *
 *   GET  /atur/target      survey figures (SSGI/SKI) of the kabupaten with
 *                          their trend against the target, the targets of
 *                          each area and year, the lokus desa with their SK
 *   POST /atur/survei      survei, tahun, stunting, wasting, underweight, sumber
 *   POST /atur/target      wilayah (a code, or ID: national), tahun, stunting, sumber
 *   POST /atur/lokus       desa (name or code), tahun, no_sk, tgl_sk
 *   POST /atur/lokus/hapus desa, tahun: no longer lokus that year
 *
 * Percentages take a decimal comma or point; a refused form comes back
 * filled with the error beside the field. The targets are drawn on the
 * dashboard's trend (dasbor.c) and on the survey trend here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/render.h"
#include "format/svg_chart.h"
#include "base/clock.h"
#include "store/atur.h"
#include "store/wilayah.h"
#include "web/atur.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

static void cell(tb_buf *b, const char *v)
{
    tb_buf_puts(b, "<td>");
    tb_buf_html(b, v && *v ? v : "-");
    tb_buf_puts(b, "</td>");
}

static void pct_cell(tb_buf *b, double v)
{
    char s[32] = "";
    if (!isnan(v))
        tb_render_number(s, sizeof s, v, TB_COL_PERCENT);
    cell(b, s);
}

/* The survey trend: stunting by year, up to 16 points. */
typedef struct {
    char labels[16][24];
    const char *lp[16];
    double v[16];
    int n;
} survei_chart;

static int survei_row(void *ctx, const tb_atur_survei *v)
{
    tb_buf *b = ((void **)ctx)[0];
    survei_chart *c = ((void **)ctx)[1];
    char y[8];
    snprintf(y, sizeof y, "%d", v->tahun);
    tb_buf_puts(b, "<tr>");
    cell(b, y);
    cell(b, v->survei);
    pct_cell(b, v->stunting);
    pct_cell(b, v->wasting);
    pct_cell(b, v->underweight);
    cell(b, v->sumber);
    tb_buf_puts(b, "</tr>");
    if (c->n < 16 && !isnan(v->stunting)) {
        snprintf(c->labels[c->n], sizeof c->labels[0], "%s %d", v->survei, v->tahun);
        c->lp[c->n] = c->labels[c->n];
        c->v[c->n++] = v->stunting;
    }
    return 0;
}

/* Draws the survey trend with the target of the last year shown. */
static void survei_svg(tb_buf *b, tb_req *q, const char *kab, const survei_chart *c)
{
    if (c->n < 1)
        return;
    tb_atur_target t;
    int year = atoi(c->labels[c->n - 1] + strcspn(c->labels[c->n - 1], "0123456789"));
    int f = tb_store_atur_target_for(q->store, kab, year, &t);
    char label[128] = "";
    if (f == 1) {
        char pct[32];
        tb_render_number(pct, sizeof pct, t.stunting, TB_COL_PERCENT);
        snprintf(label, sizeof label, "Target %d: %s", t.tahun, pct);
    }
    char *data = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&data, &len);
    if (!mf)
        return;
    int rc = tb_svg_line_target(mf, "Prevalensi stunting menurut survei (%)", c->lp, c->v, c->n,
                                "%", f == 1 ? t.stunting : NAN, label);
    fclose(mf);
    if (rc == 0) {
        tb_buf_puts(b, "<figure>");
        tb_buf_put(b, data, len);
        tb_buf_puts(b, "</figure>");
    }
    free(data);
}

static void survei_section(tb_buf *b, tb_req *q, const atur_err *e)
{
    char kab[8];
    snprintf(kab, sizeof kab, "%.5s", q->user.wilayah);
    tb_buf_puts(b, "<h2>Prevalensi survei (SSGI/SKI) kabupaten</h2><div class=\"tabel\"><table>"
                   "<thead><tr><th>Tahun</th><th>Survei</th><th>Stunting</th><th>Wasting</th>"
                   "<th>Underweight</th><th>Sumber</th></tr></thead><tbody>");
    survei_chart c = {.n = 0};
    void *ctx[2] = {b, &c};
    tb_store_atur_survei_each(q->store, kab, survei_row, ctx);
    tb_buf_puts(b, "</tbody></table></div>");
    survei_svg(b, q, kab, &c);
    if (!(q->role & TB_ROLE_ADMIN_KAB))
        return;
    tb_buf_puts(b, "<form method=\"post\" action=\"/atur/survei\"><label>Survei<select"
                   " name=\"survei\">");
    const char *sv = tb_atur_value(q, e, "survei", "survei", "SSGI");
    static const char *const kinds[] = {"SSGI", "SKI", "Riskesdas", "Lainnya"};
    for (int i = 0; i < 4; i++)
        tb_buf_printf(b, "<option%s>%s</option>", !strcmp(sv, kinds[i]) ? " selected" : "",
                      kinds[i]);
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, e, "survei", "survei");
    tb_buf_puts(b, "</label>");
    tb_atur_input(b, q, e, "survei", "Tahun", "tahun", NULL, "required inputmode=\"numeric\"");
    tb_atur_input(b, q, e, "survei", "Stunting (%)", "stunting", NULL,
                  "required inputmode=\"decimal\"");
    tb_atur_input(b, q, e, "survei", "Wasting (%)", "wasting", NULL, "inputmode=\"decimal\"");
    tb_atur_input(b, q, e, "survei", "Underweight (%)", "underweight", NULL,
                  "inputmode=\"decimal\"");
    tb_atur_input(b, q, e, "survei", "Sumber (laporan, halaman)", "sumber", NULL,
                  "required maxlength=\"190\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan angka survei</button></form>");
}

static int target_row(void *ctx, const tb_atur_target *t)
{
    tb_req *q = ((void **)ctx)[0];
    tb_buf *b = ((void **)ctx)[1];
    char y[8], nama[128] = "Nasional";
    snprintf(y, sizeof y, "%d", t->tahun);
    if (strcmp(t->wilayah, "ID"))
        tb_store_wilayah_nama(q->store, t->wilayah, nama, sizeof nama);
    tb_buf_puts(b, "<tr>");
    cell(b, nama);
    cell(b, strcmp(t->wilayah, "ID") ? t->wilayah : "ID");
    cell(b, y);
    pct_cell(b, t->stunting);
    cell(b, t->sumber);
    tb_buf_puts(b, "</tr>");
    return 0;
}

static void target_section(tb_buf *b, tb_req *q, const atur_err *e)
{
    tb_buf_puts(b, "<h2>Target prevalensi stunting</h2><p>Target nasional dan target daerah"
                   " (RPJMD) per wilayah dan tahun; digambar sebagai garis target pada tren di"
                   " dasbor.</p><div class=\"tabel\"><table><thead><tr><th>Wilayah</th>"
                   "<th>Kode</th><th>Tahun</th><th>Target stunting</th><th>Sumber</th></tr>"
                   "</thead><tbody>");
    void *ctx[2] = {q, b};
    tb_store_atur_target_each(q->store, q->user.wilayah, target_row, ctx);
    tb_buf_puts(b, "</tbody></table></div><form method=\"post\" action=\"/atur/target\">");
    tb_atur_input(b, q, e, "target", "Kode wilayah (ID untuk nasional)", "wilayah", q->user.wilayah,
                  "required maxlength=\"15\"");
    tb_atur_input(b, q, e, "target", "Tahun", "tahun", NULL, "required inputmode=\"numeric\"");
    tb_atur_input(b, q, e, "target", "Target stunting (%)", "stunting", NULL,
                  "required inputmode=\"decimal\"");
    tb_atur_input(b, q, e, "target", "Sumber (misal RPJMD 2025-2029)", "sumber", NULL,
                  "required maxlength=\"190\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan target</button></form>");
}

static int lokus_row(void *ctx, const tb_atur_lokus *l)
{
    tb_req *q = ((void **)ctx)[0];
    tb_buf *b = ((void **)ctx)[1];
    char y[8];
    snprintf(y, sizeof y, "%d", l->tahun);
    tb_buf_puts(b, "<tr>");
    cell(b, y);
    cell(b, l->desa_nama);
    cell(b, l->kecamatan_nama);
    cell(b, l->no_sk);
    cell(b, l->tgl_sk);
    tb_buf_puts(b, "<td><form method=\"post\" action=\"/atur/lokus/hapus\">"
                   "<input type=\"hidden\" name=\"desa\" value=\"");
    tb_buf_html(b, l->desa);
    tb_buf_printf(b, "\"><input type=\"hidden\" name=\"tahun\" value=\"%d\">", l->tahun);
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Hapus dari lokus</button></form></td></tr>");
    return 0;
}

static void lokus_section(tb_buf *b, tb_req *q, const atur_err *e)
{
    tb_buf_puts(b, "<h2>Desa lokus</h2><div class=\"tabel\"><table><thead><tr><th>Tahun</th>"
                   "<th>Desa</th><th>Kecamatan</th><th>No. SK</th><th>Tanggal SK</th>"
                   "<th>Tindakan</th></tr></thead><tbody>");
    void *ctx[2] = {q, b};
    tb_store_atur_lokus_each(q->store, q->user.wilayah, lokus_row, ctx);
    tb_buf_puts(b, "</tbody></table></div>");
    tb_atur_datalists(b, q);
    tb_buf_puts(b, "<form method=\"post\" action=\"/atur/lokus\">");
    tb_atur_input(b, q, e, "lokus", "Desa (nama atau kode)", "desa", NULL,
                  "required maxlength=\"90\" list=\"daftar-desa\"");
    tb_atur_input(b, q, e, "lokus", "Tahun", "tahun", NULL, "required inputmode=\"numeric\"");
    tb_atur_input(b, q, e, "lokus", "Nomor SK", "no_sk", NULL, "required maxlength=\"90\"");
    tb_atur_input(b, q, e, "lokus", "Tanggal SK (TTTT-BB-HH)", "tgl_sk", NULL, "type=\"date\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan desa lokus</button></form>");
}

static void target_page(tb_req *q, tb_res *r, const atur_err *e)
{
    r->no_store = true;
    tb_html_begin(r, q, "Survei, target dan desa lokus");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Survei, target dan desa lokus</h1><p><a href=\"/atur/posyandu\">Puskesmas"
                   " dan posyandu</a> · <a href=\"/atur/ejaan\">Ejaan nama wilayah</a></p>");
    if (e && e->form) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">Belum disimpan: periksa isian yang"
                       " ditandai.</p>");
    }
    survei_section(b, q, e);
    target_section(b, q, e);
    lokus_section(b, q, e);
    tb_html_end(r);
}

void tb_page_atur_target(tb_req *q, tb_res *r)
{
    target_page(q, r, NULL);
}

/* Answers a write: 500 on a store error, the page again on e, else back to the page. */
static void finish(tb_req *q, tb_res *r, bool ok, int rc, const atur_err *e)
{
    if (!ok) {
        r->status = 422;
        return target_page(q, r, e);
    }
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    tb_res_redirect(r, "/atur/target");
}

void tb_page_atur_survei(tb_req *q, tb_res *r)
{
    if (!(q->role & TB_ROLE_ADMIN_KAB))
        return tb_res_error(r, q, 403, "Angka survei kabupaten hanya diisi admin kabupaten.");
    atur_err e = {0};
    tb_atur_survei v;
    memset(&v, 0, sizeof v);
    snprintf(v.wilayah, sizeof v.wilayah, "%.5s", q->user.wilayah);
    bool ok = true;
    if (!tb_req_form_text(q, "survei", v.survei, sizeof v.survei))
        ok = tb_atur_fail(&e, "survei", "survei", "Pilih survei (SSGI, SKI, ...).");
    ok = ok && tb_atur_year(tb_req_form(q, "tahun"), &v.tahun, &e, "survei", "tahun");
    ok =
        ok && tb_atur_pct(tb_req_form(q, "stunting"), false, &v.stunting, &e, "survei", "stunting");
    ok = ok && tb_atur_pct(tb_req_form(q, "wasting"), true, &v.wasting, &e, "survei", "wasting");
    ok = ok && tb_atur_pct(tb_req_form(q, "underweight"), true, &v.underweight, &e, "survei",
                           "underweight");
    if (ok && !tb_req_form_text(q, "sumber", v.sumber, sizeof v.sumber))
        ok = tb_atur_fail(&e, "survei", "sumber",
                          "Sumber wajib diisi (misal: Buku Saku SSGI 2022, hlm. 12).");
    finish(q, r, ok, ok ? tb_store_atur_survei_put(q->store, q->user.id, &v) : 0, &e);
}

void tb_page_atur_target_simpan(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    tb_atur_target t;
    memset(&t, 0, sizeof t);
    bool ok = true;
    tb_req_form_text(q, "wilayah", t.wilayah, sizeof t.wilayah);
    if (!strcmp(t.wilayah, "ID")) {
        if (!(q->role & TB_ROLE_ADMIN_KAB))
            ok = tb_atur_fail(&e, "target", "wilayah",
                              "Target nasional hanya diisi admin kabupaten.");
    } else {
        int f = tb_wilayah_level(t.wilayah) >= 2
                    ? tb_store_wilayah_get(q->store, t.wilayah, NULL, 0)
                    : 0;
        if (f < 0)
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        if (f == 0 || !tb_scope_code_ok(&q->user, t.wilayah))
            ok = tb_atur_fail(&e, "target", "wilayah",
                              "Tulis kode wilayah di wilayah kerja Anda (kabupaten, kecamatan atau"
                              " desa), atau ID untuk target nasional.");
    }
    ok = ok && tb_atur_year(tb_req_form(q, "tahun"), &t.tahun, &e, "target", "tahun");
    ok =
        ok && tb_atur_pct(tb_req_form(q, "stunting"), false, &t.stunting, &e, "target", "stunting");
    if (ok && !tb_req_form_text(q, "sumber", t.sumber, sizeof t.sumber))
        ok = tb_atur_fail(&e, "target", "sumber",
                          "Sumber wajib diisi (misal: Perda RPJMD 2025-2029).");
    finish(q, r, ok, ok ? tb_store_atur_target_put(q->store, q->user.id, &t) : 0, &e);
}

/* Reads the desa field (name or code, inside the user's area) into out; false with e. */
static bool read_desa(tb_req *q, const char *form, char *out, size_t n, atur_err *e)
{
    char desa[128];
    if (!tb_req_form_text(q, "desa", desa, sizeof desa))
        return tb_atur_fail(e, form, "desa", "Isi desa: nama atau kodenya.");
    int f = tb_store_atur_desa_find(q->store, q->user.wilayah, desa, out, n);
    if (f == 1)
        return true;
    if (f == 2)
        return tb_atur_fail(e, form, "desa",
                            "Ada lebih dari satu desa bernama '%s'. Tulis"
                            " kode desanya.",
                            desa);
    return tb_atur_fail(e, form, "desa",
                        "Desa '%s' tidak ada di wilayah Anda (kabupaten ini). Periksa ejaan atau"
                        " tulis kodenya.",
                        desa);
}

/* Reads a date written yyyy-mm-dd or dd/mm/yyyy into iso (blank allowed); false with e. */
static bool read_date(const char *s, char iso[11], atur_err *e, const char *form, const char *field)
{
    int y = 0, m = 0, d = 0, used = 0;
    iso[0] = 0;
    if (!s || !*s)
        return true;
    if (!((sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 ||
           sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &used) == 3) &&
          !s[used] && y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31))
        return tb_atur_fail(e, form, field, "Tanggal ditulis TTTT-BB-HH atau HH/BB/TTTT.");
    snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
    return true;
}

void tb_page_atur_lokus(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    tb_atur_lokus l;
    memset(&l, 0, sizeof l);
    bool ok = read_desa(q, "lokus", l.desa, sizeof l.desa, &e);
    ok = ok && tb_atur_year(tb_req_form(q, "tahun"), &l.tahun, &e, "lokus", "tahun");
    if (ok && !tb_req_form_text(q, "no_sk", l.no_sk, sizeof l.no_sk))
        ok = tb_atur_fail(&e, "lokus", "no_sk", "Isi nomor SK penetapan desa lokus.");
    ok = ok && read_date(tb_req_form(q, "tgl_sk"), l.tgl_sk, &e, "lokus", "tgl_sk");
    finish(q, r, ok, ok ? tb_store_atur_lokus_put(q->store, q->user.id, &l) : 0, &e);
}

void tb_page_atur_lokus_hapus(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    char desa[24];
    int tahun = 0;
    if (!read_desa(q, "lokus", desa, sizeof desa, &e) ||
        !tb_atur_year(tb_req_form(q, "tahun"), &tahun, &e, "lokus", "tahun"))
        return tb_res_error(r, q, 400, e.msg);
    finish(q, r, true, tb_store_atur_lokus_hapus(q->store, q->user.id, desa, tahun), &e);
}
