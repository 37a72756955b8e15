/*
 * dasbor.c - the dashboard of an area and month: headline figures, the
 * SKDN bars, the 12-month stunting trend, sub-areas ranked, and the
 * tables behind them. The figures come from report.c and are cached per
 * data version (cache.h); the server keeps the kabupaten and kecamatan
 * ones warm (tb_web_warm).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format/render.h"
#include "format/render_html.h"
#include "format/svg_chart.h"
#include "report/report.h"
#include "store/atur.h"
#include "store/wilayah.h"
#include "web/cache.h"
#include "web/dasbor.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/scope.h"

static void svg_into(tb_buf *b, int (*fn)(FILE *, const void *), const void *ctx)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    if (!f)
        return;
    int rc = fn(f, ctx);
    fclose(f);
    if (rc == 0)
        tb_buf_put(b, data, len);
    free(data);
}

/* Column of a table by key, or -1. */
static double total(const tb_table *t, const char *key)
{
    int c = tb_page_table_col(t, key);
    if (c < 0 || t->nrows == 0)
        return NAN;
    return tb_table_cell(t, t->nrows - 1, c).num;
}

typedef struct {
    double v[4];
} skdn_ctx;

static int skdn_svg(FILE *f, const void *p)
{
    const skdn_ctx *c = p;
    static const char *const labels[] = {"S", "K", "D", "N"};
    static const char *const colors[] = {"#d7301f", "#f0c419", "#2e9e44", "#2b6cb0"};
    return tb_svg_bars(f, "Balok SKDN", labels, c->v, colors, 4, "anak");
}

typedef struct {
    const char *labels[24];
    double v[24];
    int n;
    const char *title;
    double target; /* the area's stunting target (NAN: none) */
    char target_label[128];
} line_ctx;

static int line_svg(FILE *f, const void *p)
{
    const line_ctx *c = p;
    return tb_svg_line_target(f, c->title, c->labels, c->v, c->n, "%", c->target, c->target_label);
}

/* The stunting target of the scope's area for the year of its month (atur.h). */
static void trend_target(tb_store *st, const page_scope *ps, line_ctx *lc)
{
    tb_atur_target t;
    const char *area = ps->sc.posyandu_id > 0 ? ps->pos.desa : ps->wilayah;
    lc->target = NAN;
    if (tb_store_atur_target_for(st, area, atoi(ps->sc.month), &t) != 1)
        return;
    char pct[32];
    tb_render_number(pct, sizeof pct, t.stunting, TB_COL_PERCENT);
    lc->target = t.stunting;
    snprintf(lc->target_label, sizeof lc->target_label, "Target %d: %s", t.tahun, pct);
}

typedef struct {
    const char *labels[64];
    double v[64];
    int n;
} rank_ctx;

static int rank_svg(FILE *f, const void *p)
{
    const rank_ctx *c = p;
    return tb_svg_bars(f, "Peringkat prevalensi stunting per wilayah (%)", c->labels, c->v, NULL,
                       c->n, "%");
}

/* Sub-areas ranked by stunting prevalence, highest first (the total row left out). */
static void rank_chart(tb_buf *b, const tb_table *prev)
{
    int cw = tb_page_table_col(prev, "wilayah"), cs = tb_page_table_col(prev, "stunting_pct");
    if (cw < 0 || cs < 0 || prev->nrows < 3)
        return;
    rank_ctx rc = {.n = 0};
    for (long i = 0; i + 1 < prev->nrows && rc.n < 64; i++) {
        double v = tb_table_cell(prev, i, cs).num;
        if (isnan(v))
            continue;
        int j = rc.n++;
        while (j > 0 && rc.v[j - 1] < v) { /* insertion sort, descending */
            rc.v[j] = rc.v[j - 1];
            rc.labels[j] = rc.labels[j - 1];
            j--;
        }
        rc.v[j] = v;
        rc.labels[j] = tb_table_cell(prev, i, cw).text;
    }
    tb_buf_puts(b, "<figure>");
    svg_into(b, (int (*)(FILE *, const void *))rank_svg, &rc);
    tb_buf_puts(b, "<figcaption>Wilayah diurutkan dari prevalensi tertinggi; lihat cakupan ukur"
                   " di tabel.</figcaption></figure>");
}

static void figure(tb_buf *b, const char *label, double v, tb_col_kind kind, const char *note)
{
    char s[64] = "–";
    if (!isnan(v))
        tb_render_number(s, sizeof s, v, kind);
    tb_buf_puts(b, "<div class=\"angka\"><span>");
    tb_buf_html(b, label);
    tb_buf_puts(b, "</span><strong>");
    tb_buf_html(b, s);
    tb_buf_puts(b, "</strong>");
    if (note) {
        tb_buf_puts(b, "<small>");
        tb_buf_html(b, note);
        tb_buf_puts(b, "</small>");
    }
    tb_buf_puts(b, "</div>");
}

static const tb_report_kind LISTS[] = {
    TB_REPORT_SKDN_UMUR,   TB_REPORT_STUNTING,     TB_REPORT_WASTING,  TB_REPORT_2T,
    TB_REPORT_BGM,         TB_REPORT_TIDAK_DIUKUR, TB_REPORT_KUALITAS, TB_REPORT_KUALITAS_KADER,
    TB_REPORT_REKONSILIASI};

/* The desa code of a sub-area row, from its drill-down link (/dasbor?wilayah=CODE&...):
 * true when the row is a desa. */
static bool row_desa(const tb_table *t, long r, char out[24])
{
    const char *l = t->links ? t->links[r] : NULL, *k = l ? strstr(l, "wilayah=") : NULL;
    if (!k)
        return false;
    snprintf(out, 24, "%.*s", (int)strcspn(k + 8, "&"), k + 8);
    return tb_wilayah_level(out) == 4;
}

/* Marks the lokus desa of year among the sub-areas of prev ("NAME · Lokus
 * 2026"); with only, drops the other desa (the total row, last, stays). */
static void lokus_rows(tb_store *st, tb_table *prev, int year, bool only)
{
    int cw = tb_page_table_col(prev, "wilayah");
    long w = 0;
    for (long r = 0; r < prev->nrows; r++) {
        char desa[24], name[256];
        int lokus = r + 1 < prev->nrows && row_desa(prev, r, desa)
                        ? tb_store_atur_is_lokus(st, desa, year)
                        : -1;
        if (lokus == 1 && cw >= 0) {
            snprintf(name, sizeof name, "%s · Lokus %d", tb_table_cell(prev, r, cw).text, year);
            tb_table_set_text(prev, r, cw, name);
        }
        if (only && lokus == 0) {
            free(prev->links[r]);
            continue;
        }
        if (w != r) {
            memmove(prev->cells + w * prev->ncols, prev->cells + r * prev->ncols,
                    (size_t)prev->ncols * sizeof *prev->cells);
            prev->links[w] = prev->links[r];
        }
        w++;
    }
    prev->nrows = w;
}

/* The dashboard body for a scope (only_lokus: the sub-area table lists the lokus desa only). */
static int dasbor_body(tb_store *st, const page_scope *ps, bool only_lokus, tb_buf *b)
{
    tb_table *skdn = NULL, *prev = NULL, *tren = NULL;
    int rc = -1;
    if (tb_report_run(st, TB_REPORT_SKDN, &ps->sc, &skdn) ||
        tb_report_run(st, TB_REPORT_PREVALENSI, &ps->sc, &prev) ||
        tb_report_run(st, TB_REPORT_TREN, &ps->sc, &tren))
        goto done;
    lokus_rows(st, prev, atoi(ps->sc.month), only_lokus);
    double S = total(skdn, "S"), D = total(skdn, "D");
    tb_buf_puts(b, "<section class=\"angka-angka\">");
    figure(b, "Sasaran (S)", S, TB_COL_INT, NULL);
    figure(b, "Ditimbang (D/S)", total(skdn, "D_S"), TB_COL_PERCENT, NULL);
    char note[128], n1[32], n2[32];
    tb_render_number(n1, sizeof n1, total(prev, "diukur_tb"), TB_COL_INT);
    tb_render_number(n2, sizeof n2, total(prev, "cakupan_tb"), TB_COL_PERCENT);
    snprintf(note, sizeof note, "dari %s anak diukur (%s sasaran)", n1, n2);
    figure(b, "Stunting", total(prev, "stunting_pct"), TB_COL_PERCENT, note);
    figure(b, "Wasting", total(prev, "wasting_pct"), TB_COL_PERCENT, NULL);
    figure(b, "Underweight", total(prev, "underweight_pct"), TB_COL_PERCENT, NULL);
    figure(b, "Naik (N/D)", total(skdn, "N_D"), TB_COL_PERCENT, NULL);
    figure(b, "2T", total(skdn, "2T"), TB_COL_INT, NULL);
    figure(b, "BGM", total(skdn, "BGM"), TB_COL_INT, NULL);
    tb_buf_puts(b, "</section>");
    (void)D;
    skdn_ctx sk = {{S, total(skdn, "K"), total(skdn, "D"), total(skdn, "N")}};
    tb_buf_puts(b, "<section class=\"grafik\"><figure>");
    svg_into(b, (int (*)(FILE *, const void *))skdn_svg, &sk);
    tb_buf_puts(b, "<figcaption>S merah, K kuning, D hijau, N biru.</figcaption></figure>");
    line_ctx lc = {.n = 0, .title = "Tren prevalensi stunting 12 bulan"};
    trend_target(st, ps, &lc);
    int cm = tb_page_table_col(tren, "bulan"), cs = tb_page_table_col(tren, "stunting_pct");
    for (long i = 0; i < tren->nrows && lc.n < 24 && cm >= 0 && cs >= 0; i++) {
        lc.labels[lc.n] = tb_table_cell(tren, i, cm).text;
        lc.v[lc.n++] = tb_table_cell(tren, i, cs).num;
    }
    tb_buf_puts(b, "<figure>");
    svg_into(b, (int (*)(FILE *, const void *))line_svg, &lc);
    tb_buf_puts(b, "</figure>");
    rank_chart(b, prev);
    tb_buf_puts(b, "</section>");
    tb_render_html(skdn, b, NULL);
    tb_render_html(prev, b, NULL);
    tb_render_html(tren, b, NULL);
    rc = 0;
done:
    tb_table_free(skdn);
    tb_table_free(prev);
    tb_table_free(tren);
    return rc;
}

/* tb_dasbor_fragment, with the sub-area table limited to the lokus desa when only_lokus. */
static int fragment(tb_store *st, const page_scope *ps, bool only_lokus, tb_buf *b, long *made)
{
    char key[192];
    snprintf(key, sizeof key, "dasbor|%s|%ld|%s%s", ps->wilayah, ps->sc.posyandu_id, ps->sc.month,
             only_lokus ? "|lokus" : "");
    unsigned long v = tb_web_data_version();
    if (tb_cache_get(key, v, tb_page_cache_age(ps), b, made))
        return 0;
    size_t at = b->len;
    if (dasbor_body(st, ps, only_lokus, b) < 0)
        return -1;
    tb_cache_put(key, v, b->data + at, b->len - at);
    *made = (long)time(NULL);
    return 0;
}

int tb_dasbor_fragment(tb_store *st, const page_scope *ps, tb_buf *b, long *made)
{
    return fragment(st, ps, false, b, made);
}

void tb_web_warm(tb_store *st, const char *month)
{
    page_scope ps;
    memset(&ps, 0, sizeof ps);
    memcpy(ps.sc.month, month, 8);
    tb_buf scratch = {0};
    char codes[64][32];
    int n = tb_store_wilayah_kode_list(st, 2, 3, codes, 64);
    for (int i = 0; i < n; i++) {
        memcpy(ps.wilayah, codes[i], sizeof ps.wilayah);
        ps.wilayah[sizeof ps.wilayah - 1] = 0;
        ps.sc.wilayah = ps.wilayah;
        char key[192];
        snprintf(key, sizeof key, "dasbor|%s|0|%s", ps.wilayah, month);
        unsigned long v = tb_web_data_version();
        tb_buf_reset(&scratch);
        if (dasbor_body(st, &ps, false, &scratch) == 0)
            tb_cache_put(key, v, scratch.data, scratch.len);
    }
    tb_buf_free(&scratch);
}

/* "Lokus 2026" after a desa's name (or a posyandu's) when its desa is a lokus in the year shown. */
static void lokus_badge(tb_buf *b, tb_store *st, const page_scope *ps)
{
    const char *desa = ps->sc.posyandu_id > 0 ? ps->pos.desa : ps->wilayah;
    int year = atoi(ps->sc.month);
    if (tb_wilayah_level(desa) == 4 && tb_store_atur_is_lokus(st, desa, year) == 1)
        tb_buf_printf(b, " <span class=\"lencana lokus\">Lokus %d</span>", year);
}

void tb_page_dasbor(tb_req *q, tb_res *r)
{
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    char title[256];
    snprintf(title, sizeof title, "Dasbor %s", ps.nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_page_breadcrumb(b, q, &ps);
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, ps.nama);
    lokus_badge(b, q->store, &ps);
    tb_buf_puts(b, "</h1>");
    tb_page_month_form(b, "/dasbor", &ps);
    /* links: lists, downloads, posyandu day */
    tb_buf_puts(b, "<nav class=\"tautan\">");
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        tb_buf_printf(b, "<a href=\"/laporan/%s?", tb_report_name(LISTS[i]));
        tb_page_scope_query(b, &ps);
        tb_buf_puts(b, "\">");
        tb_buf_html(b, tb_report_title(LISTS[i]));
        tb_buf_puts(b, "</a> ");
    }
    tb_buf_puts(b, "<a href=\"/unduh/publikasi.pdf?");
    tb_page_scope_query(b, &ps);
    tb_buf_puts(b, "\">Laporan publikasi (PDF)</a> <a href=\"/unduh/skdn.xlsx?");
    tb_page_scope_query(b, &ps);
    tb_buf_puts(b, "\">SKDN (XLSX)</a> <a href=\"/unduh/prevalensi.csv?");
    tb_page_scope_query(b, &ps);
    tb_buf_puts(b, "\">Prevalensi (CSV)</a>");
    if (ps.sc.posyandu_id > 0 && tb_role_enters(&q->user))
        tb_buf_printf(b,
                      " <a class=\"tombol\" href=\"/posyandu/%ld?bulan=%s\">Isi hari posyandu</a>",
                      ps.sc.posyandu_id, ps.sc.month);
    tb_buf_puts(b, "</nav>");
    const char *lk = tb_req_query(q, "lokus");
    bool only_lokus = lk && !strcmp(lk, "1");
    if (tb_wilayah_level(ps.wilayah) == 3 && ps.sc.posyandu_id <= 0) {
        tb_buf_puts(b, "<p class=\"saring-lokus\"><a href=\"/dasbor?");
        tb_page_scope_query(b, &ps);
        tb_buf_printf(b, "%s\">%s</a></p>", only_lokus ? "" : "&amp;lokus=1",
                      only_lokus ? "Tampilkan semua desa" : "Hanya desa lokus");
    }
    long made = 0;
    if (fragment(q->store, &ps, only_lokus, b, &made) < 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return;
    }
    char when[64];
    time_t t = (time_t)made;
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(when, sizeof when, "%d/%m/%Y %H:%M:%S", &tm);
    tb_buf_printf(b, "<p class=\"catatan\">Angka dihitung %s.</p>", when);
    tb_html_end(r);
}
