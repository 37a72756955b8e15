/*
 * web_pages.c - the page frame, login, dashboards, report pages and
 * downloads (web.h). Every figure comes from report.c; this file only lays
 * it out. Scope is checked before a report runs.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "base/assets.h"
#include "base/password.h"
#include "format/render.h"
#include "format/render_html.h"
#include "report/report.h"
#include "web/scope.h"
#include "store/web.h"
#include "format/svg_chart.h"
#include "web/http.h"
#include "web/cache.h"

/* ---- frame ---- */

void tb_html_begin(tb_res *r, const tb_req *q, const char *title)
{
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<title>");
    tb_buf_html(b, title);
    tb_buf_puts(b, " · Tumbuh</title><link rel=\"stylesheet\" href=\"/aset/app.css\">"
                   "<script src=\"/aset/app.js\" defer></script></head><body>");
    tb_buf_puts(b, "<header><a class=\"merek\" href=\"/\">Tumbuh</a>");
    if (q->logged_in) {
        tb_buf_puts(b, "<nav><a href=\"/\">Beranda</a>");
        if (tb_role_enters(&q->user))
            tb_buf_puts(b, " <a href=\"/posyandu/\">Hari posyandu</a>");
        tb_buf_puts(b, "</nav><span class=\"pengguna\">");
        tb_buf_html(b, q->user.nama);
        tb_buf_puts(b, " · ");
        tb_buf_html(b, tb_role_label(q->user.peran));
        tb_buf_puts(b, "</span><form method=\"post\" action=\"/keluar\" class=\"keluar\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"");
        tb_buf_html(b, q->csrf);
        tb_buf_puts(b, "\"><button>Keluar</button></form>");
        tb_buf_puts(b, "<meta name=\"csrf\" content=\"");
        tb_buf_html(b, q->csrf);
        tb_buf_puts(b, "\">");
    }
    tb_buf_puts(b, "</header><main>");
}

void tb_html_end(tb_res *r)
{
    tb_buf_puts(&r->body, "</main><footer>Tumbuh · data pertumbuhan anak untuk TPPS · standar"
                          " WHO 2006/2007, Permenkes 2/2020</footer></body></html>");
}

/* ---- login ---- */

static void login_form(tb_res *r, const tb_req *q, const char *msg, const char *lanjut)
{
    tb_html_begin(r, q, "Masuk");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<section class=\"masuk\"><h1>Masuk ke Tumbuh</h1>");
    if (msg) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, msg);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<form method=\"post\" action=\"/masuk\"><label>Nama pengguna"
                   "<input name=\"pengguna\" autocomplete=\"username\" required autofocus></label>"
                   "<label>Kata sandi<input name=\"sandi\" type=\"password\""
                   " autocomplete=\"current-password\" required></label>"
                   "<input type=\"hidden\" name=\"lanjut\" value=\"");
    tb_buf_html(b, lanjut ? lanjut : "/");
    tb_buf_puts(b, "\"><button>Masuk</button></form></section>");
    tb_html_end(r);
}

void tb_page_login(tb_req *q, tb_res *r)
{
    const char *lanjut = tb_req_arg(q, "lanjut");
    if (!lanjut || lanjut[0] != '/' || lanjut[1] == '/' || strchr(lanjut, '\\'))
        lanjut = "/";
    if (strcmp(q->method, "POST")) {
        login_form(r, q, NULL, lanjut);
        return;
    }
    const char *user = tb_req_form(q, "pengguna"), *pw = tb_req_form(q, "sandi");
    if (!user || !pw || !*user || strlen(user) > 60 || strlen(pw) > 200) {
        r->status = 400;
        login_form(r, q, "Isi nama pengguna dan kata sandi.", lanjut);
        return;
    }
    if (!tb_login_allowed(q->ip, user)) {
        login_form(r, q, "Terlalu banyak percobaan masuk. Coba lagi 15 menit lagi.", lanjut);
        r->status = 429;
        return;
    }
    tb_user u;
    int found = tb_store_user_by_name(q->store, user, &u);
    bool ok = found == 1 && u.aktif && tb_password_verify(u.hash, pw);
    if (found != 1)
        tb_password_verify("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA", pw); /* same cost */
    tb_login_record(q->ip, user, ok);
    if (!ok) {
        r->status = 401;
        login_form(r, q, "Nama pengguna atau kata sandi salah.", lanjut);
        return;
    }
    char row[32], info[128];
    snprintf(row, sizeof row, "%ld", u.id);
    snprintf(info, sizeof info, "{\"ip\":\"%.60s\"}", q->ip);
    tb_store_audit(q->store, u.id, "masuk", "pengguna", row, NULL, info);
    tb_session_create(q, r, &u);
    tb_res_redirect(r, lanjut);
}

void tb_page_logout(tb_req *q, tb_res *r)
{
    tb_session_destroy(q, r);
    tb_res_redirect(r, "/masuk");
}

void tb_page_home(tb_req *q, tb_res *r)
{
    char to[128];
    if (!strcmp(q->user.peran, "kader") && q->user.posyandu_id > 0)
        snprintf(to, sizeof to, "/posyandu/%ld", q->user.posyandu_id);
    else
        snprintf(to, sizeof to, "/dasbor?wilayah=%s", q->user.wilayah);
    tb_res_redirect(r, to);
}

/* ---- scope of a page: wilayah or posyandu, and month ---- */

static bool valid_month(const char *m)
{
    return m && strlen(m) == 7 && m[4] == '-' && m[0] >= '1' && m[0] <= '2' && m[5] >= '0' &&
           m[5] <= '1' && m[6] >= '0' && m[6] <= '9' && !(m[5] == '1' && m[6] > '2') &&
           !(m[5] == '0' && m[6] == '0');
}

/* Reads wilayah/posyandu/bulan and checks them against the user's area. */
bool tb_page_scope_read(tb_req *q, tb_res *r, page_scope *ps)
{
    memset(ps, 0, sizeof *ps);
    const char *bulan = tb_req_arg(q, "bulan");
    if (bulan && *bulan && !valid_month(bulan)) {
        tb_res_error(r, q, 400, "Bulan harus berbentuk TTTT-BB, mis. 2026-11.");
        return false;
    }
    if (bulan && *bulan)
        memcpy(ps->sc.month, bulan, 8);
    else
        tb_this_month(ps->sc.month);
    const char *pos = tb_req_arg(q, "posyandu");
    if (pos && *pos) {
        char *end;
        long id = strtol(pos, &end, 10);
        if (*end || id <= 0 || tb_store_posyandu_info(q->store, id, &ps->pos) != 1) {
            tb_res_error(r, q, 404, "Posyandu tidak ditemukan.");
            return false;
        }
        if (!tb_scope_posyandu_ok(&q->user, &ps->pos)) {
            tb_res_error(r, q, 403, "Posyandu ini di luar wilayah kerja Anda.");
            return false;
        }
        ps->sc.posyandu_id = id;
        snprintf(ps->wilayah, sizeof ps->wilayah, "%s", ps->pos.desa);
        snprintf(ps->nama, sizeof ps->nama, "%s, %s", ps->pos.nama, ps->pos.desa_nama);
    } else {
        const char *w = tb_req_arg(q, "wilayah");
        snprintf(ps->wilayah, sizeof ps->wilayah, "%s", w && *w ? w : q->user.wilayah);
        if (tb_store_wilayah_nama(q->store, ps->wilayah, ps->nama, sizeof ps->nama) != 1) {
            tb_res_error(r, q, 404, "Wilayah tidak ditemukan.");
            return false;
        }
        if (!tb_scope_code_ok(&q->user, ps->wilayah) || q->user.posyandu_id > 0) {
            /* a cadre works with one posyandu: area pages are the posyandu's */
            if (q->user.posyandu_id > 0 && tb_scope_code_ok(&q->user, ps->wilayah)) {
                ps->sc.posyandu_id = q->user.posyandu_id;
                tb_store_posyandu_info(q->store, q->user.posyandu_id, &ps->pos);
                snprintf(ps->nama, sizeof ps->nama, "%s, %s", ps->pos.nama, ps->pos.desa_nama);
            } else {
                tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
                return false;
            }
        }
        ps->sc.wilayah = ps->wilayah;
    }
    ps->sc.with_names = tb_role_sees_names(&q->user);
    return true;
}

/* The query string of a scope: wilayah=..&bulan=.. or posyandu=..&bulan=.. */
static void scope_query(tb_buf *b, const page_scope *ps)
{
    if (ps->sc.posyandu_id > 0)
        tb_buf_printf(b, "posyandu=%ld", ps->sc.posyandu_id);
    else {
        tb_buf_puts(b, "wilayah=");
        tb_buf_url(b, ps->wilayah);
    }
    tb_buf_puts(b, "&amp;bulan=");
    tb_buf_url(b, ps->sc.month);
}

static void breadcrumb(tb_buf *b, tb_req *q, const page_scope *ps)
{
    tb_buf_puts(b, "<nav class=\"remah\">");
    char code[32];
    const char *w = ps->wilayah;
    size_t n = strlen(w);
    for (size_t i = 0; i <= n; i++) {
        if (w[i] != '.' && w[i] != 0)
            continue;
        snprintf(code, sizeof code, "%.*s", (int)i, w);
        if (strlen(code) < 5) /* provinsi: not a dashboard level */
            continue;
        char nama[128];
        tb_store_wilayah_nama(q->store, code, nama, sizeof nama);
        if (strlen(code) > 5)
            tb_buf_puts(b, " › ");
        if (tb_scope_code_ok(&q->user, code) && q->user.posyandu_id <= 0) {
            tb_buf_puts(b, "<a href=\"/dasbor?wilayah=");
            tb_buf_url(b, code);
            tb_buf_puts(b, "&amp;bulan=");
            tb_buf_url(b, ps->sc.month);
            tb_buf_puts(b, "\">");
            tb_buf_html(b, nama);
            tb_buf_puts(b, "</a>");
        } else {
            tb_buf_html(b, nama);
        }
    }
    if (ps->sc.posyandu_id > 0) {
        tb_buf_puts(b, " › ");
        tb_buf_html(b, ps->pos.nama);
    }
    tb_buf_puts(b, "</nav>");
}

static void month_form(tb_buf *b, const char *action, const page_scope *ps)
{
    tb_buf_puts(b, "<form class=\"bulan\" method=\"get\" action=\"");
    tb_buf_html(b, action);
    tb_buf_puts(b, "\">");
    if (ps->sc.posyandu_id > 0)
        tb_buf_printf(b, "<input type=\"hidden\" name=\"posyandu\" value=\"%ld\">",
                      ps->sc.posyandu_id);
    else {
        tb_buf_puts(b, "<input type=\"hidden\" name=\"wilayah\" value=\"");
        tb_buf_html(b, ps->wilayah);
        tb_buf_puts(b, "\">");
    }
    tb_buf_puts(b, "<label>Bulan <input type=\"month\" name=\"bulan\" value=\"");
    tb_buf_html(b, ps->sc.month);
    tb_buf_puts(b, "\"></label><button>Tampilkan</button></form>");
}

/* Writes an SVG produced into a memory stream into b. */
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
static int col(const tb_table *t, const char *key)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->col_keys[c], key))
            return c;
    return -1;
}

/* The total row of an area table (the last one, "Jumlah"), or the only row. */
static double total(const tb_table *t, const char *key)
{
    int c = col(t, key);
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
} line_ctx;

static int line_svg(FILE *f, const void *p)
{
    const line_ctx *c = p;
    return tb_svg_line(f, c->title, c->labels, c->v, c->n, "%");
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
    int cw = col(prev, "wilayah"), cs = col(prev, "stunting_pct");
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

static const tb_report_kind LISTS[] = {TB_REPORT_STUNTING,
                                       TB_REPORT_WASTING,
                                       TB_REPORT_2T,
                                       TB_REPORT_BGM,
                                       TB_REPORT_TIDAK_DIUKUR,
                                       TB_REPORT_KUALITAS,
                                       TB_REPORT_KUALITAS_KADER,
                                       TB_REPORT_REKONSILIASI};

/* The dashboard body for a scope. */
static int dasbor_body(tb_store *st, const page_scope *ps, tb_buf *b)
{
    tb_table *skdn = NULL, *prev = NULL, *tren = NULL;
    int rc = -1;
    if (tb_report_run(st, TB_REPORT_SKDN, &ps->sc, &skdn) ||
        tb_report_run(st, TB_REPORT_PREVALENSI, &ps->sc, &prev) ||
        tb_report_run(st, TB_REPORT_TREN, &ps->sc, &tren))
        goto done;
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
    int cm = col(tren, "bulan"), cs = col(tren, "stunting_pct");
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

/* Kabupaten and kecamatan figures may be a minute old (see web_cache.h). */
static int max_age(const page_scope *ps)
{
    return ps->sc.posyandu_id <= 0 && strlen(ps->wilayah) <= 8 ? 60 : 0;
}

int tb_dasbor_fragment(tb_store *st, const page_scope *ps, tb_buf *b, long *made)
{
    char key[192];
    snprintf(key, sizeof key, "dasbor|%s|%ld|%s", ps->wilayah, ps->sc.posyandu_id, ps->sc.month);
    unsigned long v = tb_web_data_version();
    if (tb_cache_get(key, v, max_age(ps), b, made))
        return 0;
    size_t at = b->len;
    if (dasbor_body(st, ps, b) < 0)
        return -1;
    tb_cache_put(key, v, b->data + at, b->len - at);
    *made = (long)time(NULL);
    return 0;
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
        if (dasbor_body(st, &ps, &scratch) == 0)
            tb_cache_put(key, v, scratch.data, scratch.len);
    }
    tb_buf_free(&scratch);
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
    breadcrumb(b, q, &ps);
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, ps.nama);
    tb_buf_puts(b, "</h1>");
    month_form(b, "/dasbor", &ps);
    /* links: lists, downloads, posyandu day */
    tb_buf_puts(b, "<nav class=\"tautan\">");
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        tb_buf_printf(b, "<a href=\"/laporan/%s?", tb_report_name(LISTS[i]));
        scope_query(b, &ps);
        tb_buf_puts(b, "\">");
        tb_buf_html(b, tb_report_title(LISTS[i]));
        tb_buf_puts(b, "</a> ");
    }
    tb_buf_puts(b, "<a href=\"/unduh/publikasi.pdf?");
    scope_query(b, &ps);
    tb_buf_puts(b, "\">Laporan publikasi (PDF)</a> <a href=\"/unduh/skdn.xlsx?");
    scope_query(b, &ps);
    tb_buf_puts(b, "\">SKDN (XLSX)</a> <a href=\"/unduh/prevalensi.csv?");
    scope_query(b, &ps);
    tb_buf_puts(b, "\">Prevalensi (CSV)</a>");
    if (ps.sc.posyandu_id > 0 && tb_role_enters(&q->user))
        tb_buf_printf(b,
                      " <a class=\"tombol\" href=\"/posyandu/%ld?bulan=%s\">Isi hari posyandu</a>",
                      ps.sc.posyandu_id, ps.sc.month);
    tb_buf_puts(b, "</nav>");
    long made = 0;
    if (tb_dasbor_fragment(q->store, &ps, b, &made) < 0) {
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

void tb_page_laporan(tb_req *q, tb_res *r)
{
    const char *name = q->path + strlen("/laporan/");
    int kind = tb_report_lookup(name);
    if (kind < 0)
        return tb_res_error(r, q, 404, "Laporan tidak dikenal.");
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    char key[192];
    snprintf(key, sizeof key, "laporan|%s|%s|%ld|%s|%d", name, ps.wilayah, ps.sc.posyandu_id,
             ps.sc.month, ps.sc.with_names);
    tb_html_begin(r, q, tb_report_title((tb_report_kind)kind));
    tb_buf *b = &r->body;
    breadcrumb(b, q, &ps);
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, tb_report_title((tb_report_kind)kind));
    tb_buf_puts(b, "</h1>");
    char action[64];
    snprintf(action, sizeof action, "/laporan/%s", tb_report_name((tb_report_kind)kind));
    month_form(b, action, &ps);
    tb_buf_puts(b, "<nav class=\"tautan\">");
    static const char *const fmts[] = {"csv", "xlsx", "pdf"};
    for (int i = 0; i < 3; i++) {
        tb_buf_printf(b, "<a href=\"/unduh/%s.%s?", tb_report_name((tb_report_kind)kind), fmts[i]);
        scope_query(b, &ps);
        tb_buf_printf(b, "\" download>Unduh %s</a> ", fmts[i]);
    }
    tb_buf_puts(b, "</nav>");
    if (tb_report_is_list((tb_report_kind)kind) && !ps.sc.with_names)
        tb_buf_puts(b, "<p class=\"catatan\">Nama dan NIK tidak ditampilkan untuk peran Anda"
                       " (UU PDP 27/2022).</p>");
    size_t at = b->len;
    unsigned long v = tb_web_data_version();
    if (!tb_cache_get(key, v, max_age(&ps), b, NULL)) {
        tb_table *t = NULL;
        if (tb_report_run(q->store, (tb_report_kind)kind, &ps.sc, &t)) {
            tb_res_error(r, q, 500, tb_store_error(q->store));
            return;
        }
        static const char *const hide[] = {"id", NULL};
        tb_render_html(t, b, ps.sc.with_names ? NULL : hide);
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
    const char *file = q->path + strlen("/unduh/");
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
    if (pub)
        ps.sc.with_names = false; /* the publication carries no personal data */
    tb_table *t[3] = {NULL, NULL, NULL};
    int nt = pub ? 3 : 1;
    tb_report_kind ks[3] = {TB_REPORT_PREVALENSI, TB_REPORT_SKDN, TB_REPORT_TREN};
    if (!pub)
        ks[0] = (tb_report_kind)kind;
    for (int i = 0; i < nt; i++)
        if (tb_report_run(q->store, ks[i], &ps.sc, &t[i])) {
            tb_res_error(r, q, 500, tb_store_error(q->store));
            goto done;
        }
    if (!ps.sc.with_names && !pub && tb_report_is_list(ks[0])) {
        /* no names: blank the id column too, so the list cannot be joined back */
        int c = col(t[0], "id");
        for (long i = 0; c >= 0 && i < t[0]->nrows; i++)
            tb_table_set_num(t[0], i, c, NAN);
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
        rc = f ? tb_render_csv(t[0], f) : -1;
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

void tb_page_asset(tb_req *q, tb_res *r)
{
    const char *name = !strncmp(q->path, "/aset/", 6) ? q->path + 6 : "openapi.json";
    const tb_asset *a = tb_asset_find(name);
    if (!a)
        return tb_res_error(r, q, 404, "Berkas tidak ditemukan.");
    tb_buf_put(&r->body, a->data, a->len);
    r->ctype = a->ctype;
}
