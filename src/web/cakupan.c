/*
 * cakupan.c (web) - intervention coverage against targets:
 *
 *   GET  /cakupan                the scorecard of an area (wilayah=, tahun=):
 *                                every indicator with its target, a status
 *                                in colour and in words, the trend per
 *                                quarter, the gaps ranked, the sub-areas
 *   GET  /cakupan/unduh/{berkas} cakupan.csv|xlsx|pdf (wilayah=, tahun=);
 *                                evaluasi.*, lokus.*, ansit.xlsx (kabupaten)
 *   GET  /cakupan/evaluasi       the December evaluation of RAN PASTI
 *   GET  /cakupan/lokus          the lokus desa ranking with its components
 *   POST /cakupan/lokus/bobot    the ranking's weights for a year
 *   GET  /cakupan/indikator      the indicators, their definitions and targets
 *   POST /cakupan/target         the district's target of an indicator and year
 *   POST /cakupan/isian          a value entered from another system
 *
 * Figures come from report/cakupan.h; a scorecard at kabupaten or kecamatan
 * level is cached for a minute (cache.h). A refused form comes back filled
 * with the error beside the field (atur.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "format/render.h"
#include "report/cakupan.h"
#include "store/wilayah.h"
#include "web/atur.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

#define KAB_READ (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_OPD)
#define KAB_WRITE (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)

/* The status marks: a class for the colour and a sign and word for those
 * who do not see it. */
static const char *const capai_class[] = {"capai-kosong", "capai-kosong", "capai-tercapai",
                                          "capai-mendekati", "capai-rendah"};
static const char *const capai_tanda[] = {"–", "·", "✓", "≈", "✗"};

static int this_year(void)
{
    char m[8];
    tb_this_month(m);
    return atoi(m);
}

/* Reads tahun= (this year when absent): false after a 400. */
static bool read_year(tb_req *q, tb_res *r, int *tahun)
{
    const char *v = tb_req_query(q, "tahun");
    *tahun = this_year();
    if (!v || !*v)
        return true;
    char *end;
    long y = strtol(v, &end, 10);
    if (*end || y < 2000 || y > *tahun) {
        tb_res_error(r, q, 400, "Tahun ditulis TTTT, dari 2000 sampai tahun ini.");
        return false;
    }
    *tahun = (int)y;
    return true;
}

/* Reads wilayah= (the user's area when absent) into w, checked against the
 * user's area: false after a 400, 404 or 403. */
static bool read_area(tb_req *q, tb_res *r, char *w, size_t n, char *nama, size_t nn)
{
    const char *v = tb_req_query(q, "wilayah");
    snprintf(w, n, "%s", v && *v ? v : q->user.wilayah);
    if (tb_wilayah_level(w) < 2) {
        tb_res_error(r, q, 400, "wilayah= perlu kode kabupaten, kecamatan atau desa.");
        return false;
    }
    int f = tb_store_wilayah_get(q->store, w, nama, nn);
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Wilayah itu tidak ada.");
    else if (!tb_scope_code_ok(&q->user, w))
        tb_res_error(r, q, 403, "Wilayah itu di luar wilayah kerja Anda.");
    return f == 1 && tb_scope_code_ok(&q->user, w);
}

static void pct(tb_buf *b, double v)
{
    char s[32] = "-";
    if (!isnan(v))
        tb_render_number(s, sizeof s, v, TB_COL_PERCENT);
    tb_buf_html(b, s);
}

/* A coverage cell: the percentage with the status sign, coloured. */
static void status_cell(tb_buf *b, const tb_cakupan *c, int w, int i)
{
    tb_capai st = tb_cakupan_status(c, w, i);
    tb_buf_printf(b, "<td class=\"%s\" title=\"%s\">", capai_class[st], tb_capai_teks(st));
    if (st != TB_CAPAI_TANPA_DATA) {
        pct(b, tb_cakupan_persen(c, w, i));
        tb_buf_puts(b, " ");
    }
    tb_buf_printf(b, "%s</td>", capai_tanda[st]);
}

static void legend(tb_buf *b)
{
    tb_buf_puts(b, "<p class=\"catatan\">Tanda: <span class=\"capai-tercapai\">✓ tercapai</span>"
                   " · <span class=\"capai-mendekati\">≈ mendekati (kurang dari 10 poin di bawah"
                   " target)</span> · <span class=\"capai-rendah\">✗ rendah</span> · – tidak ada"
                   " data · · tanpa target. Target: target kabupaten bila ada, selain itu target"
                   " nasional.</p>");
}

/* The main table of area 0 of c, with the trend of quarters q[4]. */
static void main_table(tb_buf *b, const tb_cakupan *c, const tb_cakupan *qs, int nq)
{
    tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Indikator</th><th>Pembilang</th>"
                   "<th>Penyebut</th><th>Cakupan</th><th>Target</th><th>Status</th>");
    for (int k = 0; k < nq; k++)
        tb_buf_printf(b, "<th>TW %d</th>", k + 1);
    tb_buf_puts(b, "<th>Sumber</th></tr></thead><tbody>");
    for (int i = 0; i < c->nind; i++) {
        double den = c->den[i];
        tb_capai st = tb_cakupan_status(c, 0, i);
        tb_buf_puts(b, "<tr><td>");
        tb_buf_html(b, c->ind[i].kode);
        tb_buf_puts(b, " ");
        tb_buf_html(b, c->ind[i].nama);
        if (den > 0)
            tb_buf_printf(b, "</td><td>%.0f</td><td>%.0f</td><td>", c->num[i], den);
        else
            tb_buf_puts(b, "</td><td>-</td><td>-</td><td>");
        pct(b, tb_cakupan_persen(c, 0, i));
        tb_buf_puts(b, "</td><td>");
        pct(b, tb_cakupan_target(c, i));
        tb_buf_printf(b, "</td><td class=\"%s\">%s %s</td>", capai_class[st], capai_tanda[st],
                      tb_capai_teks(st));
        for (int k = 0; k < nq; k++)
            status_cell(b, &qs[k], 0, i);
        tb_buf_puts(b, "<td>");
        tb_buf_html(b, !(den > 0)                          ? "-"
                       : !strcmp(c->ind[i].cara, "hitung") ? "Tumbuh"
                       : c->iden[i] > 0                    ? c->sumber[i]
                                                           : "isian wilayah di bawahnya");
        tb_buf_puts(b, "</td></tr>");
    }
    tb_buf_puts(b, "</tbody></table></div>");
}

/* The indicators of area 0 below target, the largest gap first. */
static void gaps(tb_buf *b, const tb_cakupan *c)
{
    int order[TB_INDIKATOR_MAX], n = 0;
    for (int i = 0; i < c->nind; i++)
        if (tb_cakupan_celah(c, 0, i) > 0)
            order[n++] = i;
    for (int a = 1; a < n; a++) /* insertion sort by gap, descending */
        for (int k = a;
             k > 0 && tb_cakupan_celah(c, 0, order[k]) > tb_cakupan_celah(c, 0, order[k - 1]);
             k--) {
            int t = order[k];
            order[k] = order[k - 1];
            order[k - 1] = t;
        }
    tb_buf_puts(b, "<h2>Cakupan layanan yang masih rendah</h2>");
    if (!n) {
        tb_buf_puts(b, "<p>Semua indikator yang ada datanya sudah mencapai target.</p>");
        return;
    }
    tb_buf_puts(b, "<ol>");
    for (int k = 0; k < n; k++) {
        int i = order[k];
        char g[32];
        tb_render_number(g, sizeof g, tb_cakupan_celah(c, 0, i), TB_COL_DEC1);
        tb_buf_puts(b, "<li>");
        tb_buf_html(b, c->ind[i].nama);
        tb_buf_puts(b, ": ");
        pct(b, tb_cakupan_persen(c, 0, i));
        tb_buf_puts(b, " dari target ");
        pct(b, tb_cakupan_target(c, i));
        tb_buf_printf(b, " (kurang %s poin; ", g);
        tb_buf_html(b, c->ind[i].opd);
        tb_buf_puts(b, ")</li>");
    }
    tb_buf_puts(b, "</ol>");
}

/* The sub-areas one level below area 0, each with every indicator. */
static void sub_areas(tb_buf *b, const tb_cakupan *c, int tahun)
{
    int level = c->w[0].tingkat;
    if (level >= 4)
        return;
    tb_buf_printf(b, "<h2>Per %s</h2><div class=\"tabel\"><table><thead><tr><th>Wilayah</th>",
                  level == 2 ? "kecamatan" : "desa");
    for (int i = 0; i < c->nind; i++) {
        tb_buf_puts(b, "<th title=\"");
        tb_buf_html(b, c->ind[i].nama);
        tb_buf_puts(b, "\">");
        tb_buf_html(b, c->ind[i].kode);
        tb_buf_puts(b, "</th>");
    }
    tb_buf_puts(b, "</tr></thead><tbody>");
    for (int w = 1; w < c->nw; w++) {
        if (c->w[w].tingkat != level + 1)
            continue;
        tb_buf_puts(b, "<tr><td><a href=\"/cakupan?wilayah=");
        tb_buf_url(b, c->w[w].kode);
        tb_buf_printf(b, "&amp;tahun=%d\">", tahun);
        tb_buf_html(b, c->w[w].nama);
        tb_buf_puts(b, "</a></td>");
        for (int i = 0; i < c->nind; i++)
            status_cell(b, c, w, i);
        tb_buf_puts(b, "</tr>");
    }
    tb_buf_puts(b, "</tbody></table></div>");
}

/* The scorecard's figures (cached): 0 or -1. */
static int scorecard(tb_buf *b, tb_req *q, const char *w, int tahun)
{
    tb_cakupan c, qs[4];
    int nq = 0;
    if (tb_cakupan_hitung(q->store, w, tahun, 0, &c))
        return -1;
    char m[8];
    tb_this_month(m);
    int last_q = tahun < this_year() ? 4 : (atoi(m + 5) + 2) / 3;
    while (nq < last_q && tb_cakupan_hitung(q->store, w, tahun, nq + 1, &qs[nq]) == 0)
        nq++;
    int rc = nq == last_q ? 0 : -1;
    if (!rc) {
        main_table(b, &c, qs, nq);
        legend(b);
        gaps(b, &c);
        sub_areas(b, &c, tahun);
    }
    tb_cakupan_free(&c);
    for (int k = 0; k < nq; k++)
        tb_cakupan_free(&qs[k]);
    return rc;
}

/* The links to the other coverage pages and the downloads of area w. */
static void links(tb_buf *b, tb_req *q, const char *w, int tahun)
{
    tb_buf_puts(b, "<p>Unduh: ");
    static const char *const fmts[] = {"csv", "xlsx", "pdf"};
    for (int k = 0; k < 3; k++) {
        tb_buf_printf(b, "%s<a href=\"/cakupan/unduh/cakupan.%s?wilayah=", k ? " · " : "", fmts[k]);
        tb_buf_url(b, w);
        tb_buf_printf(b, "&amp;tahun=%d\">%s</a>", tahun, fmts[k]);
    }
    tb_buf_printf(b,
                  " · <a href=\"/cakupan/indikator?tahun=%d\">Definisi indikator dan"
                  " target</a>",
                  tahun);
    if (q->role & KAB_READ)
        tb_buf_printf(b,
                      " · <a href=\"/cakupan/evaluasi?tahun=%d\">Evaluasi RAN PASTI</a>"
                      " · <a href=\"/cakupan/lokus?tahun=%d\">Peringkat desa lokus</a>",
                      tahun, tahun);
    tb_buf_puts(b, "</p>");
}

static void year_form(tb_buf *b, const char *action, const char *w, int tahun)
{
    tb_buf_printf(b, "<form method=\"get\" action=\"%s\">", action);
    if (w) {
        tb_buf_puts(b, "<input type=\"hidden\" name=\"wilayah\" value=\"");
        tb_buf_html(b, w);
        tb_buf_puts(b, "\">");
    }
    tb_buf_printf(b,
                  "<label>Tahun <input name=\"tahun\" value=\"%d\" inputmode=\"numeric\""
                  " size=\"5\"></label> <button>Tampilkan</button></form>",
                  tahun);
}

void tb_page_cakupan(tb_req *q, tb_res *r)
{
    char w[32], nama[128];
    int tahun;
    if (!read_area(q, r, w, sizeof w, nama, sizeof nama) || !read_year(q, r, &tahun))
        return;
    tb_html_begin(r, q, "Cakupan intervensi");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Cakupan intervensi: ");
    tb_buf_html(b, nama);
    tb_buf_printf(b, ", tahun %d</h1>", tahun);
    if (strcmp(w, q->user.wilayah)) {
        tb_buf_puts(b, "<p class=\"remah\"><a href=\"/cakupan?wilayah=");
        tb_buf_url(b, q->user.wilayah);
        tb_buf_printf(b, "&amp;tahun=%d\">Kembali ke wilayah Anda</a></p>", tahun);
    }
    year_form(b, "/cakupan", w, tahun);
    links(b, q, w, tahun);
    char key[64];
    snprintf(key, sizeof key, "cakupan|%s|%d", w, tahun);
    unsigned long version = tb_web_data_version();
    long made;
    if (!tb_cache_get(key, version, tb_wilayah_level(w) <= 3 ? 60 : 0, b, &made)) {
        tb_buf f = {0};
        if (scorecard(&f, q, w, tahun)) {
            tb_buf_free(&f);
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        }
        tb_cache_put(key, version, f.data ? f.data : "", f.len);
        tb_buf_put(b, f.data ? f.data : "", f.len);
        tb_buf_free(&f);
    }
    tb_html_end(r);
}

/* Reads a file into b. 0 or -1. */
static int slurp_file(const char *path, tb_buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tb_buf_put(b, chunk, n);
    int rc = ferror(f) ? -1 : 0;
    fclose(f);
    return rc;
}

/* Renders t as fmt (csv, xlsx, pdf) into r's body. 0 or -1. */
static int send_table(tb_res *r, const tb_table *t, const char *fmt, const char *filename)
{
    char tmp[] = "/tmp/tumbuh-cakupan-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    close(fd);
    int rc;
    if (!strcmp(fmt, "csv")) {
        FILE *f = fopen(tmp, "w");
        rc = f ? tb_render_csv_excel(t, f) : -1;
        if (f && fclose(f))
            rc = -1;
        r->ctype = "text/csv; charset=utf-8";
    } else if (!strcmp(fmt, "xlsx")) {
        rc = tb_render_xlsx(t, tmp);
        r->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    } else {
        rc = tb_render_pdf(&t, NULL, 1, tmp);
        r->ctype = "application/pdf";
    }
    if (!rc)
        rc = slurp_file(tmp, &r->body);
    unlink(tmp);
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s\"", filename);
    r->no_store = true;
    return rc;
}

void tb_page_cakupan_unduh(tb_req *q, tb_res *r)
{
    const char *file = tb_req_param(q, "berkas");
    const char *dot = strrchr(file, '.');
    char name[16] = "";
    if (dot && dot - file < (long)sizeof name)
        snprintf(name, sizeof name, "%.*s", (int)(dot - file), file);
    const char *fmt = dot ? dot + 1 : "";
    bool kab = !strcmp(name, "evaluasi") || !strcmp(name, "lokus") || !strcmp(name, "ansit");
    if ((!kab && strcmp(name, "cakupan")) ||
        (strcmp(fmt, "csv") && strcmp(fmt, "xlsx") && strcmp(fmt, "pdf")))
        return tb_res_error(r, q, 404, "Berkas tidak dikenal.");
    if (kab && !(q->role & KAB_READ))
        return tb_res_error(r, q, 403, "Berkas ini untuk TPPS, admin dan OPD kabupaten.");
    char w[32], nama[128], fn[96];
    int tahun;
    if (kab)
        tb_cakupan_kabupaten(q->user.wilayah, w);
    else if (!read_area(q, r, w, sizeof w, nama, sizeof nama))
        return;
    if (!read_year(q, r, &tahun))
        return;
    tb_table *t = NULL;
    int rc = !strcmp(name, "cakupan")    ? tb_report_cakupan(q->store, w, tahun, &t)
             : !strcmp(name, "evaluasi") ? tb_report_evaluasi(q->store, w, tahun, &t)
             : !strcmp(name, "lokus")    ? tb_report_lokus(q->store, w, tahun, &t)
                                         : tb_report_ansit(q->store, w, tahun, &t);
    snprintf(fn, sizeof fn, "%s-%s-%d.%s", name, w, tahun, fmt);
    if (rc)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (send_table(r, t, fmt, fn))
        tb_res_error(r, q, 500, "Berkas tidak dapat dibuat.");
    tb_table_free(t);
}

/* The evaluation's tables: the kabupaten and each kecamatan. 0 or -1. */
static int evaluasi_fragment(tb_buf *b, tb_req *q, const char *kab, int tahun)
{
    tb_cakupan c;
    if (tb_cakupan_hitung(q->store, kab, tahun, 0, &c))
        return -1;
    for (int w = 0; w < c.nw; w++) {
        if (c.w[w].tingkat > 3)
            continue;
        tb_buf_puts(b, "<h2>");
        tb_buf_html(b, c.w[w].nama);
        tb_buf_puts(b, "</h2><div class=\"tabel\"><table><thead><tr><th>Indikator</th>"
                       "<th>Pembilang</th><th>Penyebut</th><th>Cakupan</th><th>Target</th>"
                       "<th>Status</th></tr></thead><tbody>");
        for (int i = 0; i < c.nind; i++) {
            size_t cell = (size_t)w * c.nind + i;
            tb_capai st = tb_cakupan_status(&c, w, i);
            tb_buf_puts(b, "<tr><td>");
            tb_buf_html(b, c.ind[i].kode);
            tb_buf_puts(b, " ");
            tb_buf_html(b, c.ind[i].nama);
            if (c.den[cell] > 0)
                tb_buf_printf(b, "</td><td>%.0f</td><td>%.0f</td><td>", c.num[cell], c.den[cell]);
            else
                tb_buf_puts(b, "</td><td>-</td><td>-</td><td>");
            pct(b, tb_cakupan_persen(&c, w, i));
            tb_buf_puts(b, "</td><td>");
            pct(b, tb_cakupan_target(&c, i));
            tb_buf_printf(b, "</td><td class=\"%s\">%s %s</td></tr>", capai_class[st],
                          capai_tanda[st], tb_capai_teks(st));
        }
        tb_buf_puts(b, "</tbody></table></div>");
    }
    tb_cakupan_free(&c);
    return 0;
}

void tb_page_cakupan_evaluasi(tb_req *q, tb_res *r)
{
    int tahun;
    if (!read_year(q, r, &tahun))
        return;
    char kab[24], key[48];
    tb_cakupan_kabupaten(q->user.wilayah, kab);
    snprintf(key, sizeof key, "evaluasi|%s|%d", kab, tahun);
    unsigned long version = tb_web_data_version();
    long made;
    tb_buf f = {0};
    if (!tb_cache_get(key, version, 60, &f, &made)) {
        if (evaluasi_fragment(&f, q, kab, tahun)) {
            tb_buf_free(&f);
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        }
        tb_cache_put(key, version, f.data ? f.data : "", f.len);
    }
    tb_html_begin(r, q, "Evaluasi RAN PASTI");
    tb_buf *b = &r->body;
    tb_buf_printf(b,
                  "<h1>Evaluasi RAN PASTI tahun %d</h1><p>Indikator tahun ini terhadap target,"
                  " untuk kabupaten dan setiap kecamatan.</p>",
                  tahun);
    year_form(b, "/cakupan/evaluasi", NULL, tahun);
    tb_buf_printf(b,
                  "<p><a href=\"/cakupan/unduh/evaluasi.pdf?tahun=%d\">Unduh PDF untuk"
                  " dicetak</a> · <a href=\"/cakupan/unduh/evaluasi.xlsx?tahun=%d\">XLSX</a>"
                  "</p>",
                  tahun, tahun);
    legend(b);
    tb_buf_put(b, f.data ? f.data : "", f.len);
    tb_buf_free(&f);
    tb_html_end(r);
}

static const char *const komponen_label[TB_LOKUS_NKOMP] = {
    "Anak stunting (jumlah)", "Prevalensi stunting (%)", "Keluarga berisiko stunting (jumlah)",
    "Celah cakupan (poin di bawah target)", "Keluarga desil 1-4 (%)"};

/* The weights form, filled with w (or what the user typed when refused). */
static void bobot_form(tb_buf *b, tb_req *q, const atur_err *e, const double *w, int tahun)
{
    tb_buf_puts(b, "<h2>Bobot komponen</h2><form method=\"post\" action=\"/cakupan/lokus/bobot\">");
    char y[8];
    snprintf(y, sizeof y, "%d", tahun);
    tb_atur_input(b, q, e, "bobot", "Tahun", "tahun", y, "required inputmode=\"numeric\"");
    for (int k = 0; k < TB_LOKUS_NKOMP; k++) {
        char v[32];
        snprintf(v, sizeof v, "%g", w[k]);
        tb_atur_input(b, q, e, "bobot", komponen_label[k], tb_lokus_komponen(k), v,
                      "required inputmode=\"decimal\"");
    }
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan bobot dan hitung ulang</button></form>");
}

static void lokus_row(tb_buf *b, const tb_lokus_baris *x, int tahun)
{
    char s[32];
    tb_render_number(s, sizeof s, x->skor, TB_COL_DEC1);
    tb_buf_printf(b, "<tr><td>%d</td><td>", x->peringkat);
    tb_buf_html(b, x->d.nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, x->d.kecamatan);
    tb_buf_printf(b, "</td><td><strong>%s</strong></td>", s);
    for (int k = 0; k < TB_LOKUS_NKOMP; k++) {
        tb_buf_puts(b, "<td>");
        if (isnan(x->nilai[k]))
            tb_buf_puts(b, "-");
        else {
            tb_render_number(s, sizeof s, x->nilai[k],
                             k == TB_LOKUS_STUNTING || k == TB_LOKUS_KRS ? TB_COL_INT
                                                                         : TB_COL_DEC1);
            tb_buf_html(b, s);
        }
        tb_render_number(s, sizeof s, x->norm[k], TB_COL_DEC2);
        tb_buf_puts(b, " <small>(");
        tb_buf_html(b, s);
        tb_buf_puts(b, ")</small>");
        if (k == TB_LOKUS_PREVALENSI)
            tb_buf_printf(b, " <small>%ld diukur</small>", x->d.diukur);
        if (k == TB_LOKUS_STUNTING && x->d.stunting > 0) {
            tb_buf_puts(b, " <a href=\"/laporan/stunting?wilayah=");
            tb_buf_url(b, x->d.kode);
            tb_buf_puts(b, "\">daftar</a>");
        }
        tb_buf_puts(b, "</td>");
    }
    tb_buf_puts(b, "<td>");
    if (x->d.lokus) {
        tb_buf_printf(b, "Lokus %d", tahun);
        if (x->d.no_sk[0]) {
            tb_buf_puts(b, " (SK ");
            tb_buf_html(b, x->d.no_sk);
            tb_buf_puts(b, ")");
        }
    } else
        tb_buf_puts(b, "-");
    tb_buf_puts(b, "</td></tr>");
}

/* The ranking table and its explanation (cached until the data change). 0 or -1. */
static int lokus_fragment(tb_buf *b, tb_req *q, const char *kab, int tahun)
{
    tb_lokus_baris *rows;
    int n;
    double w[TB_LOKUS_NKOMP];
    if (tb_lokus_ranking(q->store, kab, tahun, &rows, &n, w))
        return -1;
    tb_buf_printf(b,
                  "<p>Skor 0-100 = jumlah (bobot × nilai ternormalisasi) / jumlah bobot."
                  " Setiap komponen dinormalisasi min-maks antar desa kabupaten: (nilai -"
                  " terendah) / (tertinggi - terendah), 0 bila tidak diketahui; angka dalam"
                  " kurung adalah nilai ternormalisasi. Bobot: stunting %g, prevalensi %g,"
                  " KRS %g, celah cakupan %g, kemiskinan %g.</p>",
                  w[0], w[1], w[2], w[3], w[4]);
    tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Peringkat</th><th>Desa</th>"
                   "<th>Kecamatan</th><th>Skor</th>");
    for (int k = 0; k < TB_LOKUS_NKOMP; k++) {
        tb_buf_puts(b, "<th>");
        tb_buf_html(b, komponen_label[k]);
        tb_buf_puts(b, "</th>");
    }
    tb_buf_puts(b, "<th>Lokus</th></tr></thead><tbody>");
    for (int k = 0; k < n; k++)
        lokus_row(b, &rows[k], tahun);
    tb_buf_puts(b, "</tbody></table></div>");
    free(rows);
    return 0;
}

static void lokus_page(tb_req *q, tb_res *r, int tahun, const atur_err *e)
{
    char kab[24], key[48];
    tb_cakupan_kabupaten(q->user.wilayah, kab);
    snprintf(key, sizeof key, "lokus|%s|%d", kab, tahun);
    unsigned long version = tb_web_data_version();
    long made;
    tb_buf f = {0};
    if (!tb_cache_get(key, version, 0, &f, &made)) {
        if (lokus_fragment(&f, q, kab, tahun)) {
            tb_buf_free(&f);
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        }
        tb_cache_put(key, version, f.data ? f.data : "", f.len);
    }
    r->no_store = true;
    tb_html_begin(r, q, "Peringkat desa lokus");
    tb_buf *b = &r->body;
    tb_buf_printf(b, "<h1>Peringkat desa calon lokus, tahun %d</h1>", tahun);
    if (e && e->form)
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">Bobot belum disimpan: periksa isian"
                       " yang ditandai.</p>");
    year_form(b, "/cakupan/lokus", NULL, tahun);
    tb_buf_printf(b,
                  "<p><a href=\"/cakupan/unduh/lokus.csv?tahun=%d\">Unduh CSV</a> ·"
                  " <a href=\"/cakupan/unduh/lokus.pdf?tahun=%d\">PDF</a>",
                  tahun, tahun);
    if (q->role & TB_ROLE_ADMIN_KAB)
        tb_buf_puts(b, " · <a href=\"/atur/target\">Tetapkan desa lokus dan SK-nya</a>");
    tb_buf_puts(b, "</p>");
    tb_buf_put(b, f.data ? f.data : "", f.len);
    tb_buf_free(&f);
    double w[TB_LOKUS_NKOMP];
    if (q->role & KAB_WRITE && tb_store_lokus_bobot_get(q->store, kab, tahun, w) >= 0)
        bobot_form(b, q, e, w, tahun);
    tb_html_end(r);
}

void tb_page_cakupan_lokus(tb_req *q, tb_res *r)
{
    int tahun;
    if (read_year(q, r, &tahun))
        lokus_page(q, r, tahun, NULL);
}

void tb_page_cakupan_bobot(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    int tahun = this_year();
    double w[TB_LOKUS_NKOMP], sum = 0;
    bool ok = tb_atur_year(tb_req_form(q, "tahun"), &tahun, &e, "bobot", "tahun");
    for (int k = 0; ok && k < TB_LOKUS_NKOMP; k++) {
        ok = tb_atur_pct(tb_req_form(q, tb_lokus_komponen(k)), false, &w[k], &e, "bobot",
                         tb_lokus_komponen(k));
        sum += ok ? w[k] : 0;
    }
    if (ok && !(sum > 0))
        ok = tb_atur_fail(&e, "bobot", "stunting", "Paling tidak satu bobot harus lebih dari 0.");
    if (!ok) {
        r->status = 422;
        return lokus_page(q, r, tahun >= 2000 && tahun <= this_year() ? tahun : this_year(), &e);
    }
    char kab[24], loc[64];
    tb_cakupan_kabupaten(q->user.wilayah, kab);
    if (tb_store_lokus_bobot_put(q->store, q->user.id, kab, tahun, w))
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    snprintf(loc, sizeof loc, "/cakupan/lokus?tahun=%d", tahun);
    tb_res_redirect(r, loc);
}

static const char *kelompok_label(const char *k)
{
    return !strcmp(k, "perpres_spesifik")   ? "Spesifik (Perpres 72/2021)"
           : !strcmp(k, "perpres_sensitif") ? "Sensitif (Perpres 72/2021)"
                                            : "RAN PASTI";
}

/* The list of indicators with their definitions and targets. */
static void indikator_table(tb_buf *b, const tb_indikator *ind, int n)
{
    tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Kode</th><th>Indikator</th>"
                   "<th>Kelompok</th><th>Pembilang / penyebut</th><th>Cara</th><th>Definisi</th>"
                   "<th>Target nasional</th><th>Target kabupaten</th></tr></thead><tbody>");
    for (int i = 0; i < n; i++) {
        tb_buf_puts(b, "<tr><td>");
        tb_buf_html(b, ind[i].kode);
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, ind[i].nama);
        if (!strcmp(ind[i].arah, "turun"))
            tb_buf_puts(b, " (makin rendah makin baik)");
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, kelompok_label(ind[i].kelompok));
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, ind[i].pembilang);
        tb_buf_puts(b, " / ");
        tb_buf_html(b, ind[i].penyebut);
        tb_buf_printf(b, "</td><td>%s</td><td>",
                      strcmp(ind[i].cara, "hitung") ? "diisi dari sistem lain"
                                                    : "dihitung dari catatan Tumbuh");
        tb_buf_html(b, ind[i].definisi);
        tb_buf_puts(b, "</td><td>");
        pct(b, ind[i].target_nasional);
        tb_buf_puts(b, "</td><td>");
        pct(b, ind[i].target_daerah);
        tb_buf_puts(b, "</td></tr>");
    }
    tb_buf_puts(b, "</tbody></table></div>");
}

/* A <select> of the indicators (only the entered ones when isi). */
static void indikator_select(tb_buf *b, tb_req *q, const atur_err *e, const char *form,
                             const tb_indikator *ind, int n, bool isi)
{
    const char *v = tb_atur_value(q, e, form, "kode", "");
    tb_buf_puts(b, "<label>Indikator<select name=\"kode\" required><option value=\"\">"
                   "(pilih)</option>");
    for (int i = 0; i < n; i++) {
        if (isi && strcmp(ind[i].cara, "isi"))
            continue;
        tb_buf_puts(b, "<option value=\"");
        tb_buf_html(b, ind[i].kode);
        tb_buf_printf(b, "\"%s>", !strcmp(v, ind[i].kode) ? " selected" : "");
        tb_buf_html(b, ind[i].kode);
        tb_buf_puts(b, " ");
        tb_buf_html(b, ind[i].nama);
        tb_buf_puts(b, "</option>");
    }
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, e, form, "kode");
    tb_buf_puts(b, "</label>");
}

#define ISI_ROLES                                                                                  \
    (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_OPD | TB_ROLE_TPPS_KEC | TB_ROLE_GIZI_PUSKESMAS)

static void indikator_page(tb_req *q, tb_res *r, int tahun, const atur_err *e)
{
    char kab[24], y[8];
    tb_cakupan_kabupaten(q->user.wilayah, kab);
    tb_indikator *ind = calloc(TB_INDIKATOR_MAX, sizeof *ind);
    int n = ind ? tb_store_indikator_list(q->store, kab, tahun, ind, TB_INDIKATOR_MAX) : -1;
    if (n < 0) {
        free(ind);
        return tb_res_error(r, q, 500, ind ? tb_store_error(q->store) : "Memori habis.");
    }
    r->no_store = true;
    tb_html_begin(r, q, "Indikator dan target");
    tb_buf *b = &r->body;
    tb_buf_printf(b, "<h1>Indikator percepatan penurunan stunting, target tahun %d</h1>", tahun);
    if (e && e->form)
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">Belum disimpan: periksa isian yang"
                       " ditandai.</p>");
    year_form(b, "/cakupan/indikator", NULL, tahun);
    indikator_table(b, ind, n);
    snprintf(y, sizeof y, "%d", tahun);
    if (q->role & KAB_WRITE) {
        tb_buf_puts(b, "<h2>Target kabupaten</h2><p>Kosongkan target untuk kembali memakai"
                       " target nasional.</p><form method=\"post\" action=\"/cakupan/target\">");
        indikator_select(b, q, e, "target", ind, n, false);
        tb_atur_input(b, q, e, "target", "Tahun", "tahun", y, "required inputmode=\"numeric\"");
        tb_atur_input(b, q, e, "target", "Target (%)", "target", NULL, "inputmode=\"decimal\"");
        tb_pengguna_csrf(b, q);
        tb_buf_puts(b, "<button>Simpan target</button></form>");
    }
    if (q->role & ISI_ROLES) {
        tb_buf_puts(b, "<h2>Isi nilai dari sistem lain</h2><p>Untuk indikator yang tidak"
                       " dicatat Tumbuh (ASIK, e-PPGBM, SIGA, survei): pembilang dan penyebut"
                       " per wilayah dan periode (TTTT untuk setahun, TTTT-TW1 ... TTTT-TW4"
                       " untuk triwulan).</p><form method=\"post\" action=\"/cakupan/isian\">");
        indikator_select(b, q, e, "isian", ind, n, true);
        tb_atur_datalists(b, q);
        tb_atur_input(b, q, e, "isian", "Wilayah (kode)", "wilayah", q->user.wilayah,
                      "required maxlength=\"15\"");
        tb_atur_input(b, q, e, "isian", "Periode", "periode", y, "required maxlength=\"8\"");
        tb_atur_input(b, q, e, "isian", "Pembilang", "pembilang", NULL,
                      "required inputmode=\"numeric\"");
        tb_atur_input(b, q, e, "isian", "Penyebut", "penyebut", NULL,
                      "required inputmode=\"numeric\"");
        tb_atur_input(b, q, e, "isian", "Sumber (sistem atau laporan)", "sumber", NULL,
                      "required maxlength=\"60\"");
        tb_pengguna_csrf(b, q);
        tb_buf_puts(b, "<button>Simpan nilai</button></form>");
    }
    free(ind);
    tb_html_end(r);
}

void tb_page_cakupan_indikator(tb_req *q, tb_res *r)
{
    int tahun;
    if (read_year(q, r, &tahun))
        indikator_page(q, r, tahun, NULL);
}

/* Answers a write: the page again (422) when refused, 500 on a store error, else back. */
static void finish(tb_req *q, tb_res *r, bool ok, int rc, const atur_err *e, int tahun)
{
    if (!ok) {
        r->status = 422;
        return indikator_page(q, r, tahun >= 2000 && tahun <= this_year() ? tahun : this_year(), e);
    }
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    char loc[64];
    snprintf(loc, sizeof loc, "/cakupan/indikator?tahun=%d", tahun);
    tb_res_redirect(r, loc);
}

/* Reads the indicator field: true when it names one (its cara into cara[8]). */
static bool read_kode(tb_req *q, const char *form, char *kode, char *cara, atur_err *e)
{
    const char *v = tb_req_form(q, "kode");
    snprintf(kode, 16, "%s", v ? v : "");
    if (kode[0] && tb_store_indikator_ada(q->store, kode, cara) == 1)
        return true;
    return tb_atur_fail(e, form, "kode", "Pilih indikator dari daftar.");
}

void tb_page_cakupan_target(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    char kode[16], cara[8], kab[24];
    int tahun = this_year();
    double target = NAN;
    bool ok = read_kode(q, "target", kode, cara, &e);
    ok = ok && tb_atur_year(tb_req_form(q, "tahun"), &tahun, &e, "target", "tahun");
    ok = ok && tb_atur_pct(tb_req_form(q, "target"), true, &target, &e, "target", "target");
    tb_cakupan_kabupaten(q->user.wilayah, kab);
    finish(q, r, ok,
           ok ? tb_store_indikator_target_put(q->store, q->user.id, kode, kab, tahun, target) : 0,
           &e, tahun);
}

/* Reads a whole number >= 0 from field; false with e. */
static bool read_count(tb_req *q, const char *field, double *out, atur_err *e)
{
    const char *v = tb_req_form(q, field);
    char *end;
    double x = v && *v ? strtod(v, &end) : NAN;
    if (isnan(x) || *end || x < 0 || x > 1e9)
        return tb_atur_fail(e, "isian", field, "Tulis bilangan 0 atau lebih.");
    *out = x;
    return true;
}

/* Reads the period: YYYY or YYYY-TWn (stored YYYY-Qn) into out[12]; false with e. */
static bool read_periode(tb_req *q, char *out, int *tahun, atur_err *e)
{
    const char *v = tb_req_form(q, "periode");
    int y = 0, k = 0, used = 0;
    if (v && sscanf(v, "%4d%n", &y, &used) == 1 && !v[used] && y >= 2000 && y <= this_year()) {
        snprintf(out, 12, "%04d", y);
        *tahun = y;
        return true;
    }
    if (v &&
        (sscanf(v, "%4d-TW%1d%n", &y, &k, &used) == 2 ||
         sscanf(v, "%4d-Q%1d%n", &y, &k, &used) == 2) &&
        !v[used] && y >= 2000 && y <= this_year() && k >= 1 && k <= 4) {
        snprintf(out, 12, "%04d-Q%d", y, k);
        *tahun = y;
        return true;
    }
    return tb_atur_fail(e, "isian", "periode",
                        "Periode ditulis TTTT (setahun) atau TTTT-TW1 sampai TTTT-TW4.");
}

void tb_page_cakupan_isian(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    char kode[16], cara[8], wil[32] = "", periode[12], sumber[64] = "";
    int tahun = this_year();
    tb_indikator_isian v = {kode, wil, periode, NAN, NAN, sumber};
    bool ok = read_kode(q, "isian", kode, cara, &e);
    if (ok && strcmp(cara, "isi"))
        ok = tb_atur_fail(&e, "isian", "kode", "Indikator ini dihitung dari catatan Tumbuh.");
    const char *w = tb_req_form(q, "wilayah");
    snprintf(wil, sizeof wil, "%s", w ? w : "");
    if (ok && (tb_wilayah_level(wil) < 2 || tb_store_wilayah_get(q->store, wil, NULL, 0) != 1 ||
               !tb_scope_code_ok(&q->user, wil)))
        ok = tb_atur_fail(&e, "isian", "wilayah",
                          "Tulis kode wilayah di wilayah kerja Anda (kabupaten, kecamatan atau"
                          " desa).");
    ok = ok && read_periode(q, periode, &tahun, &e);
    ok = ok && read_count(q, "pembilang", &v.pembilang, &e) &&
         read_count(q, "penyebut", &v.penyebut, &e);
    if (ok && !(v.penyebut > 0 && v.pembilang <= v.penyebut))
        ok = tb_atur_fail(&e, "isian", "penyebut",
                          "Penyebut harus lebih dari 0 dan tidak kurang dari pembilang.");
    const char *sv = tb_req_form(q, "sumber");
    snprintf(sumber, sizeof sumber, "%s", sv ? sv : "");
    if (ok && !sumber[0])
        ok = tb_atur_fail(&e, "isian", "sumber", "Tulis sumbernya (misal: ASIK, e-PPGBM).");
    finish(q, r, ok, ok ? tb_store_indikator_nilai_put(q->store, q->user.id, &v) : 0, &e, tahun);
}
