/*
 * daftar.c - the search, filters, order and page of a list page (see
 * daftar.h): read from the URL and checked against the page's area, then
 * written back as the filter form, sortable headings and page links.
 */
#include "web/daftar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/render_html.h"
#include "store/posyandu.h"
#include "store/wilayah.h"
#include "web/scope.h"

static const long page_sizes[] = {25, 50, 100, 200};
#define DEFAULT_PER 50

/* Is code the area itself or inside it (35.99.01 in 35.99)? */
static bool code_in(const char *code, const char *area)
{
    size_t n = strlen(area);
    return !strncmp(code, area, n) && (code[n] == 0 || code[n] == '.');
}

/* A whole number 1..max from digits, else 0. */
static long digits(const char *v, long max)
{
    size_t n = v ? strlen(v) : 0;
    if (n == 0 || n > 9 || strspn(v, "0123456789") != n)
        return 0;
    long x = strtol(v, NULL, 10);
    return x >= 1 && x <= max ? x : 0;
}

/* The personal columns: sorting by them shows an order of names. */
static bool personal(const char *key)
{
    static const char *const keys[] = {"nama", "nik", "ortu", "alamat", "telepon"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (!strcmp(key, keys[i]))
            return true;
    return false;
}

bool tb_daftar_list_sortable(const char *key, bool names)
{
    return tb_store_list_sortable(key) && (names || !personal(key));
}

/* Reads an area filter (kecamatan= or desa=) of the given level; it must lie
 * inside ps's area or contain it (it narrows, never widens). */
static bool area_filter(tb_req *q, tb_res *r, const page_scope *ps, const char *name, int level,
                        char *out, size_t n)
{
    const char *v = tb_req_query(q, name);
    out[0] = 0;
    if (!v || !*v)
        return true;
    if (tb_wilayah_level(v) != level) {
        char why[160];
        snprintf(why, sizeof why, "%s= harus kode %s Kemendagri, mis. %s.", name, name,
                 level == 3 ? "35.99.01" : "35.99.01.2001");
        tb_res_error(r, q, 400, why);
        return false;
    }
    if (!code_in(v, ps->wilayah) && !code_in(ps->wilayah, v)) {
        tb_res_error(r, q, 403,
                     level == 3 ? "Kecamatan ini di luar wilayah kerja Anda."
                                : "Desa ini di luar wilayah kerja Anda.");
        return false;
    }
    snprintf(out, n, "%s", v);
    return true;
}

/* Reads the filters that are not areas: pos, umur, jk, status. */
static bool other_filters(tb_req *q, tb_res *r, const page_scope *ps, const char *const *status,
                          tb_daftar *d)
{
    const char *v = tb_req_query(q, "pos");
    if (v && *v) {
        tb_posyandu_info p;
        d->pos = digits(v, 999999999);
        if (!d->pos) {
            tb_res_error(r, q, 400, "pos= harus nomor posyandu (angka), mis. pos=12.");
            return false;
        }
        if (tb_store_posyandu_info(q->store, d->pos, &p) != 1 || !code_in(p.desa, ps->wilayah) ||
            !tb_scope_posyandu_ok(&q->user, &p) ||
            (ps->sc.posyandu_id > 0 && ps->sc.posyandu_id != d->pos)) {
            tb_res_error(r, q, 403, "Posyandu ini di luar wilayah kerja Anda.");
            return false;
        }
    }
    v = tb_req_query(q, "umur"); /* the age group, 0..4 */
    d->umur = -1;
    if (v && *v)
        d->umur = strlen(v) == 1 && v[0] >= '0' && v[0] <= '4' ? v[0] - '0' : -2;
    v = tb_req_query(q, "jk");
    d->jk = !v || !*v ? 0 : !strcmp(v, "L") ? 1 : !strcmp(v, "P") ? 2 : -1;
    if (d->umur == -2 || d->jk < 0) {
        tb_res_error(r, q, 400, d->jk < 0 ? "jk= harus L atau P." : "umur= harus 0 sampai 4.");
        return false;
    }
    v = tb_req_query(q, "status");
    if (v && *v) {
        bool ok = false;
        for (int i = 0; status && status[i]; i += 2)
            ok |= !strcmp(v, status[i]);
        if (!ok) {
            tb_res_error(r, q, 400, "status= tidak dikenal untuk daftar ini.");
            return false;
        }
        snprintf(d->status, sizeof d->status, "%s", v);
    }
    return true;
}

bool tb_daftar_read(tb_req *q, tb_res *r, const page_scope *ps, const char *const *status, bool all,
                    tb_daftar *d)
{
    memset(d, 0, sizeof *d);
    d->names = ps->sc.with_names;
    d->umur = -1;
    const char *v = tb_req_query(q, "cari");
    if (v && d->names) /* a role without names may not probe who is on a list */
        snprintf(d->cari, sizeof d->cari, "%s", v);
    if (!area_filter(q, r, ps, "kecamatan", 3, d->kecamatan, sizeof d->kecamatan) ||
        !area_filter(q, r, ps, "desa", 4, d->desa, sizeof d->desa) ||
        !other_filters(q, r, ps, status, d))
        return false;
    v = tb_req_query(q, "urut");
    if (v && tb_daftar_list_sortable(v, d->names) && strlen(v) < sizeof d->urut)
        snprintf(d->urut, sizeof d->urut, "%s", v);
    v = tb_req_query(q, "arah");
    d->turun = v && !strcmp(v, "turun");
    d->hal = digits(tb_req_query(q, "hal"), 1000000);
    if (!d->hal)
        d->hal = 1;
    d->per = DEFAULT_PER;
    long per = digits(tb_req_query(q, "per"), 1000);
    for (size_t i = 0; i < sizeof page_sizes / sizeof page_sizes[0]; i++)
        if (per == page_sizes[i])
            d->per = per;
    tb_list_query *lq = &d->q;
    lq->cari = d->cari;
    lq->kecamatan = d->kecamatan;
    lq->desa = d->desa;
    lq->posyandu_id = d->pos;
    lq->umur = d->umur;
    lq->jk = d->jk;
    lq->status = d->status;
    lq->sort = d->urut[0] ? d->urut : NULL;
    lq->desc = d->turun;
    lq->limit = all ? 0 : d->per;
    lq->offset = all ? 0 : (d->hal - 1) * d->per;
    return true;
}

/* Appends &amp;name=value (value URL-encoded) when value is not empty. */
static void arg(tb_buf *b, bool *first, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    tb_buf_printf(b, "%s%s=", *first ? "" : "&amp;", name);
    tb_buf_url(b, value);
    *first = false;
}

void tb_daftar_query(tb_buf *b, const page_scope *ps, const tb_daftar *d, const char *urut,
                     bool turun, long hal)
{
    bool first = true;
    char n[32];
    if (ps) {
        tb_page_scope_query(b, ps);
        first = false;
    }
    arg(b, &first, "cari", d->cari);
    arg(b, &first, "kecamatan", d->kecamatan);
    arg(b, &first, "desa", d->desa);
    snprintf(n, sizeof n, "%ld", d->pos);
    arg(b, &first, "pos", d->pos > 0 ? n : NULL);
    snprintf(n, sizeof n, "%d", d->umur);
    arg(b, &first, "umur", d->umur >= 0 ? n : NULL);
    arg(b, &first, "jk", d->jk == 1 ? "L" : d->jk == 2 ? "P" : NULL);
    arg(b, &first, "status", d->status);
    const char *u = urut ? urut : d->urut;
    arg(b, &first, "urut", u);
    arg(b, &first, "arah", *u && (urut ? turun : d->turun) ? "turun" : NULL);
    snprintf(n, sizeof n, "%ld", d->per);
    arg(b, &first, "per", d->per != DEFAULT_PER ? n : NULL);
    snprintf(n, sizeof n, "%ld", hal > 0 ? hal : d->hal);
    arg(b, &first, "hal", (hal > 0 ? hal : d->hal) > 1 ? n : NULL);
}

/* What the option writers share. */
typedef struct {
    tb_buf *b;
    const char *selected;
} opt_ctx;

static int area_option(void *ctx, const char *kode, const char *nama)
{
    opt_ctx *c = ctx;
    tb_buf_puts(c->b, "<option value=\"");
    tb_buf_html(c->b, kode);
    tb_buf_puts(c->b, strcmp(kode, c->selected) ? "\">" : "\" selected>");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, "</option>");
    return 0;
}

static int pos_option(void *ctx, long id, const char *nama, const char *desa)
{
    opt_ctx *c = ctx;
    char ids[32];
    snprintf(ids, sizeof ids, "%ld", id);
    tb_buf_printf(c->b, "<option value=\"%ld\"%s>", id,
                  strcmp(ids, c->selected) ? "" : " selected");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, " (");
    tb_buf_html(c->b, desa);
    tb_buf_puts(c->b, ")</option>");
    return 0;
}

/* A <select name=...> with "Semua" and the sub-areas of parent. */
static void area_select(tb_buf *b, tb_req *q, const char *name, const char *label,
                        const char *parent, const char *selected)
{
    tb_buf_printf(b, "<label>%s <select name=\"%s\"><option value=\"\">Semua</option>", label,
                  name);
    opt_ctx c = {b, selected};
    tb_store_wilayah_anak(q->store, parent, area_option, &c);
    tb_buf_puts(b, "</select></label>");
}

/* The area filters below ps: kecamatan (kabupaten scope), desa (once the
 * kecamatan is known), posyandu (once the kecamatan is known). */
static void area_selects(tb_buf *b, tb_req *q, const page_scope *ps, const tb_daftar *d,
                         bool people)
{
    if (ps->sc.posyandu_id > 0)
        return;
    int level = tb_wilayah_level(ps->wilayah);
    const char *kec = level >= 3 ? ps->wilayah : d->kecamatan;
    if (level == 2)
        area_select(b, q, "kecamatan", "Kecamatan", ps->wilayah, d->kecamatan);
    if (level <= 3 && *kec)
        area_select(b, q, "desa", "Desa", kec, d->desa);
    if (*kec && people) {
        char sel[32];
        snprintf(sel, sizeof sel, "%ld", d->pos);
        tb_buf_puts(b, "<label>Posyandu <select name=\"pos\"><option value=\"\">Semua</option>");
        opt_ctx c = {b, sel};
        tb_store_posyandu_list(q->store,
                               *d->desa     ? d->desa
                               : level == 4 ? ps->wilayah
                                            : kec,
                               pos_option, &c);
        tb_buf_puts(b, "</select></label>");
    }
}

/* A <select> of fixed values (pairs value, label) with "Semua" first. */
static void fixed_select(tb_buf *b, const char *name, const char *label, const char *const *pairs,
                         const char *selected)
{
    tb_buf_printf(b, "<label>%s <select name=\"%s\"><option value=\"\">Semua</option>", label,
                  name);
    for (int i = 0; pairs[i]; i += 2) {
        tb_buf_puts(b, "<option value=\"");
        tb_buf_html(b, pairs[i]);
        tb_buf_puts(b, strcmp(pairs[i], selected) ? "\">" : "\" selected>");
        tb_buf_html(b, pairs[i + 1]);
        tb_buf_puts(b, "</option>");
    }
    tb_buf_puts(b, "</select></label>");
}

void tb_daftar_form(tb_buf *b, tb_req *q, const char *action, const page_scope *ps,
                    const tb_daftar *d, bool people, const char *const *status)
{
    tb_buf_puts(b, "<form class=\"saring\" method=\"get\" action=\"");
    tb_buf_html(b, action);
    tb_buf_puts(b, "\" role=\"search\">");
    if (ps && ps->sc.posyandu_id > 0)
        tb_buf_printf(b, "<input type=\"hidden\" name=\"posyandu\" value=\"%ld\">",
                      ps->sc.posyandu_id);
    else if (ps && people) {
        tb_buf_puts(b, "<input type=\"hidden\" name=\"wilayah\" value=\"");
        tb_buf_html(b, ps->wilayah);
        tb_buf_puts(b, "\">");
    }
    if (ps && people) {
        tb_buf_puts(b, "<input type=\"hidden\" name=\"bulan\" value=\"");
        tb_buf_html(b, ps->sc.month);
        tb_buf_puts(b, "\">");
    }
    if (d->names) {
        tb_buf_printf(b,
                      "<label>Cari <input type=\"search\" name=\"cari\" maxlength=\"80\""
                      " placeholder=\"%s\" value=\"",
                      people ? "nama atau NIK" : "nama posyandu");
        tb_buf_html(b, d->cari);
        tb_buf_puts(b, "\"></label>");
    }
    if (ps)
        area_selects(b, q, ps, d, people);
    if (people) {
        static const char *const umur[] = {"0", "0-5 bulan",   "1", "6-11 bulan",
                                           "2", "12-23 bulan", "3", "24-35 bulan",
                                           "4", "36-59 bulan", NULL};
        static const char *const jk[] = {"L", "Laki-laki", "P", "Perempuan", NULL};
        char u[4];
        snprintf(u, sizeof u, "%d", d->umur);
        fixed_select(b, "umur", "Umur", umur, d->umur >= 0 ? u : "");
        fixed_select(b, "jk", "Jenis kelamin", jk, d->jk == 1 ? "L" : d->jk == 2 ? "P" : "");
    }
    if (status && status[0])
        fixed_select(b, "status", "Status", status, d->status);
    static const char *const per[] = {"25", "25", "50", "50", "100", "100", "200", "200", NULL};
    char p[16];
    snprintf(p, sizeof p, "%ld", d->per);
    tb_buf_puts(b, "<label>Per halaman <select name=\"per\">");
    for (int i = 0; per[i]; i += 2)
        tb_buf_printf(b, "<option%s>%s</option>", strcmp(per[i], p) ? "" : " selected", per[i]);
    tb_buf_puts(b, "</select></label>");
    if (d->urut[0]) {
        tb_buf_puts(b, "<input type=\"hidden\" name=\"urut\" value=\"");
        tb_buf_html(b, d->urut);
        tb_buf_printf(b, "\"><input type=\"hidden\" name=\"arah\" value=\"%s\">",
                      d->turun ? "turun" : "naik");
    }
    tb_buf_puts(b, "<button>Terapkan</button> <a class=\"hapus\" href=\"");
    tb_buf_html(b, action);
    if (ps && people) {
        tb_buf_puts(b, "?");
        tb_page_scope_query(b, ps);
    }
    tb_buf_puts(b, "\">Hapus filter</a></form>");
}

/* What a sortable heading needs. */
typedef struct {
    const char *action;
    const page_scope *ps;
    const tb_daftar *d;
    bool (*sortable)(const char *key, bool names);
} head_ctx;

static void sort_head(void *ctx, tb_buf *b, const tb_table *t, int col)
{
    head_ctx *c = ctx;
    const char *key = t->col_keys[col];
    if (!c->sortable(key, c->d->names)) {
        tb_buf_html(b, t->col_names[col]);
        return;
    }
    bool now = !strcmp(key, c->d->urut);
    tb_buf_puts(b, "<a class=\"urut\" href=\"");
    tb_buf_html(b, c->action);
    tb_buf_puts(b, "?");
    tb_daftar_query(b, c->ps, c->d, key, now && !c->d->turun, 1);
    tb_buf_puts(b, "\">");
    tb_buf_html(b, t->col_names[col]);
    if (now)
        tb_buf_puts(b, c->d->turun ? " ▼" : " ▲");
    tb_buf_puts(b, "</a>");
}

void tb_daftar_table(tb_buf *b, const tb_table *t, const char *action, const page_scope *ps,
                     const tb_daftar *d, bool (*sortable)(const char *key, bool names))
{
    head_ctx c = {action, ps, d, sortable};
    tb_render_html_heads(t, b, NULL, sort_head, &c);
}

/* One page link (or the current page, not a link). */
static void page_link(tb_buf *b, const char *action, const page_scope *ps, const tb_daftar *d,
                      long hal, const char *label)
{
    if (hal == d->hal && !label) {
        tb_buf_printf(b, "<strong aria-current=\"page\">%ld</strong> ", hal);
        return;
    }
    tb_buf_puts(b, "<a href=\"");
    tb_buf_html(b, action);
    tb_buf_puts(b, "?");
    tb_daftar_query(b, ps, d, NULL, false, hal);
    if (label)
        tb_buf_printf(b, "\" rel=\"%s\">%s</a> ", hal < d->hal ? "prev" : "next", label);
    else
        tb_buf_printf(b, "\">%ld</a> ", hal);
}

void tb_daftar_pager(tb_buf *b, const char *action, const page_scope *ps, const tb_daftar *d,
                     long total, const char *noun)
{
    long pages = total > 0 ? (total + d->per - 1) / d->per : 1;
    long from = total > 0 ? (d->hal - 1) * d->per + 1 : 0;
    long to = d->hal * d->per < total ? d->hal * d->per : total;
    tb_buf_printf(b, "<p class=\"jumlah\">%ld %s", total, noun);
    if (from <= total && total > 0)
        tb_buf_printf(b, "; baris %ld-%ld, halaman %ld dari %ld", from, to, d->hal, pages);
    else if (total > 0)
        tb_buf_printf(b, "; halaman %ld di luar daftar (ada %ld halaman)", d->hal, pages);
    tb_buf_puts(b, ".</p>");
    if (pages <= 1 && d->hal == 1)
        return;
    tb_buf_puts(b, "<nav class=\"halaman\" aria-label=\"Halaman\">");
    if (d->hal > 1)
        page_link(b, action, ps, d, d->hal - 1 <= pages ? d->hal - 1 : pages, "« Sebelumnya");
    for (long h = 1; h <= pages; h++) {
        if (h == 1 || h == pages || (h >= d->hal - 3 && h <= d->hal + 3))
            page_link(b, action, ps, d, h, NULL);
        else if (h == d->hal - 4 || h == d->hal + 4)
            tb_buf_puts(b, "… ");
    }
    if (d->hal < pages)
        page_link(b, action, ps, d, d->hal + 1, "Berikutnya »");
    tb_buf_puts(b, "</nav>");
}
