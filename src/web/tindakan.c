/*
 * tindakan.c - the action lists (my institution's, open, overdue, all,
 * closed this quarter, by budget source; each as a page or CSV/XLSX/PDF),
 * the action page (its target and indicator, reviews with their history,
 * the weekly Rencana Kerja) with the review form, and the API of meetings,
 * actions and reviews under /api/v1 (docs/openapi.json).
 *
 * An OPD member sees and reviews only the actions its institution executes
 * or answers for (pengguna_lembaga); the other roles those of their area,
 * reviewed by the roles that run meetings there.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render_html.h"
#include "report/rapat.h"
#include "store/rapat.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/rapat.h"
#include "web/scope.h"

/* The institution of the user into kode (empty when none). */
static void user_lembaga(tb_req *q, char *kode, size_t n)
{
    if (tb_store_pengguna_lembaga(q->store, q->user.id, kode, n) != 1)
        kode[0] = 0;
}

/* May the user see action t? */
static bool tindakan_view_ok(tb_req *q, const tb_tindakan *t, const char *lembaga)
{
    if (q->role == TB_ROLE_OPD)
        return *lembaga && ((t->pelaksana && !strcmp(t->pelaksana, lembaga)) ||
                            (t->pj_lembaga && !strcmp(t->pj_lembaga, lembaga)));
    return (t->rapat_wilayah && tb_rapat_view_ok(&q->user, t->rapat_wilayah)) ||
           (t->wilayah && tb_scope_code_ok(&q->user, t->wilayah));
}

/* May the user review action t? */
static bool tindakan_review_ok(tb_req *q, const tb_tindakan *t, const char *lembaga)
{
    if (q->role == TB_ROLE_OPD)
        return tindakan_view_ok(q, t, lembaga);
    return (q->role & TB_RAPAT_EDIT) &&
           ((t->rapat_wilayah && tb_scope_code_ok(&q->user, t->rapat_wilayah)) ||
            (t->wilayah && tb_scope_code_ok(&q->user, t->wilayah)));
}

/* The first day of this quarter. */
static void quarter_start(char out[11])
{
    char m[8];
    tb_this_month(m);
    int q = (atoi(m + 5) - 1) / 3; /* 0-3 */
    snprintf(out, 11, "%.4s-%02u-01", m, (unsigned)(q & 3) * 3 + 1);
}

/* The filter of a list name (saya, terbuka, lewat, semua, selesai, anggaran);
 * false for an unknown name. */
static bool list_filter(const char *daftar, tb_tindakan_filter *f, char *since)
{
    if (!strcmp(daftar, "terbuka") || !strcmp(daftar, "saya"))
        f->status = "open";
    else if (!strcmp(daftar, "lewat"))
        f->status = "overdue";
    else if (!strcmp(daftar, "semua") || !strcmp(daftar, "anggaran"))
        f->status = "all";
    else if (!strcmp(daftar, "selesai")) {
        f->status = "closed";
        quarter_start(since);
        f->since = since;
    } else
        return false;
    return true;
}

static const char *const LISTS[][2] = {{"saya", "Tindakan lembaga saya"},
                                       {"terbuka", "Masih terbuka"},
                                       {"lewat", "Lewat tenggat"},
                                       {"selesai", "Selesai triwulan ini"},
                                       {"anggaran", "Menurut sumber anggaran"},
                                       {"semua", "Semua"}};

/* The list page header: the lists and the downloads. */
static void list_nav(tb_buf *b, const char *daftar, const char *wilayah)
{
    tb_buf_puts(b, "<h1>Tindak lanjut rapat</h1><p class=\"no-cetak\">");
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        if (!strcmp(daftar, LISTS[i][0]))
            tb_buf_printf(b, "<strong>%s</strong> · ", LISTS[i][1]);
        else {
            tb_buf_printf(b, "<a href=\"/tindakan?daftar=%s&amp;wilayah=", LISTS[i][0]);
            tb_buf_url(b, wilayah);
            tb_buf_printf(b, "\">%s</a> · ", LISTS[i][1]);
        }
    }
    tb_buf_puts(b, "<a href=\"/rapat\">Rapat</a></p><p class=\"no-cetak\">Unduh:");
    static const char *const F[] = {"csv", "xlsx", "pdf"};
    for (int i = 0; i < 3; i++) {
        tb_buf_printf(b, " <a href=\"/tindakan?daftar=%s&amp;wilayah=", daftar);
        tb_buf_url(b, wilayah);
        tb_buf_printf(b, "&amp;format=%s\">%s</a>", F[i], F[i]);
    }
    tb_buf_puts(b, "</p>");
}

/* The choice of an area and an owner (institution) for a list. */
static void owner_form(tb_buf *b, tb_req *q, const char *daftar, const char *w, const char *owner)
{
    tb_buf_puts(b, "<form method=\"get\" action=\"/tindakan\" class=\"rapat-form no-cetak\">"
                   "<fieldset><legend>Per wilayah dan pemilik</legend>"
                   "<input type=\"hidden\" name=\"daftar\" value=\"");
    tb_buf_html(b, daftar);
    tb_buf_puts(b, "\">");
    tb_web_input(b, "Wilayah (kode)", "wilayah", "text", w, false);
    tb_web_lembaga_select(b, q->store, w, "Pemilik (lembaga)", "lembaga", owner);
    tb_buf_puts(b, "<button>Tampilkan</button></fieldset></form>");
}

void tb_page_tindakan_list(tb_req *q, tb_res *r)
{
    const char *daftar = tb_req_query(q, "daftar"), *w = tb_req_query(q, "wilayah");
    const char *fmt = tb_req_query(q, "format");
    char since[11], today[11], month[8], lembaga[40];
    daftar = daftar && *daftar ? daftar : q->role == TB_ROLE_OPD ? "saya" : "terbuka";
    w = w && *w ? w : q->user.wilayah;
    tb_tindakan_filter f = {.wilayah = w, .today = today};
    if (!list_filter(daftar, &f, since))
        return tb_res_error(r, q, 404, "Daftar tidak dikenal.");
    if (fmt && strcmp(fmt, "csv") && strcmp(fmt, "xlsx") && strcmp(fmt, "pdf"))
        return tb_res_error(r, q, 400, "format adalah csv, xlsx atau pdf.");
    if (!tb_scope_code_ok(&q->user, w))
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    tb_today_iso(today);
    tb_this_month(month);
    user_lembaga(q, lembaga, sizeof lembaga);
    const char *owner = tb_req_query(q, "lembaga");
    if (q->role == TB_ROLE_OPD || !strcmp(daftar, "saya"))
        f.lembaga = lembaga; /* empty: no action matches */
    else if (owner && *owner)
        f.lembaga = owner; /* the actions of one owner */
    tb_table *t = NULL;
    int rc = !strcmp(daftar, "anggaran") ? tb_report_tindak_lanjut_anggaran(q->store, &f, &t)
                                         : tb_report_tindak_lanjut(q->store, &f, month, &t);
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (fmt) {
        char name[64];
        snprintf(name, sizeof name, "tindak-lanjut-%s-%s", daftar, w);
        tb_web_send_tables(q, r, &t, 1, fmt, name);
        tb_table_free(t);
        return;
    }
    tb_html_begin(r, q, "Tindak lanjut");
    list_nav(&r->body, daftar, w);
    if (q->role != TB_ROLE_OPD && strcmp(daftar, "saya"))
        owner_form(&r->body, q, daftar, w, owner);
    if (f.lembaga && !*lembaga)
        tb_buf_puts(&r->body, "<p class=\"galat\">Akun Anda belum terhubung ke lembaga; minta"
                              " admin kabupaten menghubungkannya.</p>");
    tb_render_html(t, &r->body, NULL);
    tb_table_free(t);
    r->no_store = true;
    tb_html_end(r);
}

/* What the action page needs while the action's row is read. */
typedef struct {
    tb_req *q;
    tb_res *r;
    const char *lembaga, *bagian, *err;
    long rapat;
    int found; /* 1 shown, -403 refused */
} page_ctx;

static int tinjauan_row(void *ctx, const tb_tinjauan *v)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, v->tanggal);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, tb_tindakan_status_label(v->status));
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, v->kemajuan ? v->kemajuan : "");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, v->bukti ? v->bukti : "");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, v->peninjau ? v->peninjau : "");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int jadwal_row(void *ctx, const tb_jadwal *j)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, j->kegiatan);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, j->pelaksana ? j->pelaksana : "");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, j->penanggung_jawab ? j->penanggung_jawab : "");
    tb_buf_puts(b, "</td>");
    for (int w = 0; w < 4; w++)
        tb_buf_puts(b, j->minggu & (1 << w) ? "<td>&#10003;</td>" : "<td></td>");
    tb_buf_puts(b, "</tr>");
    return 0;
}

/* A field of the refused form bagian, else dflt. */
static const char *pv(page_ctx *c, const char *bagian, const char *name, const char *dflt)
{
    if (c->bagian && !strcmp(c->bagian, bagian)) {
        const char *v = tb_req_form(c->q, name);
        return v ? v : "";
    }
    return dflt;
}

static void form_head(tb_buf *b, page_ctx *c, long id, const char *bagian, const char *title)
{
    tb_buf_printf(
        b,
        "<form method=\"post\" class=\"rapat-form\" action=\"/tindakan/%ld\"><fieldset><legend>%s"
        "</legend><input type=\"hidden\" name=\"bagian\" value=\"%s\">",
        id, title, bagian);
    if (c->bagian && !strcmp(c->bagian, bagian)) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, c->err);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, c->q->csrf);
    tb_buf_printf(b, "\"><input type=\"hidden\" name=\"rapat_id\" value=\"%ld\">", c->rapat);
}

/* The review and schedule forms of action t. */
static void review_forms(tb_buf *b, page_ctx *c, const tb_tindakan *t)
{
    const char *st = pv(c, "tinjau", "status", tb_tindakan_status_label(t->status));
    form_head(b, c, t->id, "tinjau", c->rapat ? "Tinjauan di rapat ini" : "Tinjauan");
    tb_buf_puts(b, "<label>Status <select name=\"status\">");
    static const char *const S[] = {"belum", "berjalan", "selesai", "batal"};
    for (int i = 0; i < 4; i++)
        tb_web_option(b, S[i], S[i], st);
    tb_buf_puts(b, "</select></label> ");
    tb_web_input(b, "Kemajuan", "kemajuan", "text", pv(c, "tinjau", "kemajuan", ""), false);
    tb_web_input(b, "Bukti", "bukti", "text", pv(c, "tinjau", "bukti", ""), false);
    tb_buf_puts(b, "<button>Simpan tinjauan</button></fieldset></form>");
    form_head(b, c, t->id, "jadwal", "Rencana kerja mingguan");
    tb_web_input(b, "Kegiatan", "kegiatan", "text", pv(c, "jadwal", "kegiatan", ""), true);
    tb_web_input(b, "Pelaksana", "pelaksana", "text", pv(c, "jadwal", "pelaksana", ""), false);
    tb_web_input(b, "Penanggung jawab", "penanggung_jawab", "text",
                 pv(c, "jadwal", "penanggung_jawab", ""), false);
    for (int w = 1; w <= 4; w++) {
        char name[24];
        snprintf(name, sizeof name, "minggu%d", w);
        tb_buf_printf(b,
                      "<label><input type=\"checkbox\" name=\"%s\" value=\"1\"%s> Minggu %d"
                      "</label> ",
                      name, *pv(c, "jadwal", name, "") ? " checked" : "", w);
    }
    tb_buf_puts(b, "<button>Tambah kegiatan</button></fieldset></form>");
}

/* The indicator of action t month by month, from its meeting's month to its
 * target month (or this month, before it). */
static void capaian_months(tb_buf *b, tb_store *s, const tb_tindakan *t, const char *this_month)
{
    tb_buf_puts(b, "<h2>Capaian per bulan</h2><div class=\"tabel\"><table><thead><tr>"
                   "<th>Bulan</th><th>Capaian</th></tr></thead><tbody>");
    int y = atoi(t->rapat_tanggal ? t->rapat_tanggal : this_month), m = 0;
    if (t->rapat_tanggal && strlen(t->rapat_tanggal) >= 7)
        m = atoi(t->rapat_tanggal + 5);
    for (int i = 0; i < 24 && m >= 1 && m <= 12; i++) {
        char month[16];
        snprintf(month, sizeof month, "%04d-%02d", y % 10000, m);
        if (strcmp(month, this_month) > 0 || strcmp(month, t->target_bulan) > 0)
            break;
        tb_capaian cp;
        if (tb_rapat_capaian(s, t, month, &cp) < 0)
            break;
        tb_buf_puts(b, "<tr><td>");
        tb_buf_html(b, month);
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, cp.teks);
        tb_buf_puts(b, "</td></tr>");
        if (++m > 12)
            m = 1, y++;
    }
    tb_buf_puts(b, "</tbody></table></div>");
}

/* A "label: value" line of the action page. */
static void line(tb_buf *b, const char *label, const char *v)
{
    tb_buf_printf(b, "<dt>%s</dt><dd>", label);
    tb_buf_html(b, v && *v ? v : "-");
    tb_buf_puts(b, "</dd>");
}

static int action_page(void *ctx, const tb_tindakan *t)
{
    page_ctx *c = ctx;
    if (!tindakan_view_ok(c->q, t, c->lembaga))
        return c->found = -403, -1;
    c->found = 1;
    tb_html_begin(c->r, c->q, "Tindakan");
    tb_buf *b = &c->r->body;
    char num[64], month[8];
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, t->uraian);
    tb_buf_printf(b, "</h1><p><a href=\"/rapat/%ld\">", t->rapat_id);
    tb_buf_html(b, t->rapat_judul ? t->rapat_judul : "Rapat");
    tb_buf_puts(b, "</a></p><dl>");
    line(b, "Masalah", t->masalah);
    line(b, "Wilayah", t->wilayah_nama);
    line(b, "Pelaksana", t->pelaksana_nama);
    line(b, "Penanggung jawab", t->pj_nama && *t->pj_nama ? t->pj_nama : t->penanggung_jawab);
    line(b, "Lembaga penanggung jawab", t->pj_lembaga_nama);
    line(b, "Sumber anggaran", t->sumber_anggaran);
    snprintf(num, sizeof num, isnan(t->anggaran) ? "" : "Rp %.0f", t->anggaran);
    line(b, "Anggaran", num);
    line(b, "Tenggat", t->tenggat);
    line(b, "Status", tb_tindakan_status_label(t->status));
    line(b, "Target (volume)", t->target_volume);
    tb_this_month(month);
    tb_capaian cp;
    bool ind = tb_rapat_capaian(c->q->store, t, month, &cp) == 0 && cp.state != TB_CAPAIAN_NONE;
    if (ind) {
        line(b, "Indikator", tb_indikator_label(t->indikator));
        line(b, "Capaian", cp.teks);
    }
    tb_buf_puts(b, "</dl>");
    if (ind)
        capaian_months(b, c->q->store, t, month);
    tb_buf_puts(b, "<h2>Riwayat tinjauan</h2><div class=\"tabel\"><table><thead><tr>"
                   "<th>Tanggal</th><th>Status</th><th>Kemajuan</th><th>Bukti</th>"
                   "<th>Peninjau</th></tr></thead><tbody>");
    tb_store_tinjauan_each(c->q->store, t->id, tinjauan_row, b);
    tb_buf_puts(b, "</tbody></table></div><h2>Rencana kerja</h2><div class=\"tabel\"><table>"
                   "<thead><tr><th>Kegiatan</th><th>Pelaksana</th><th>Penanggung jawab</th>"
                   "<th>M1</th><th>M2</th><th>M3</th><th>M4</th></tr></thead><tbody>");
    tb_store_jadwal_each(c->q->store, t->id, jadwal_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (tindakan_review_ok(c->q, t, c->lembaga))
        review_forms(b, c, t);
    c->r->no_store = true;
    tb_html_end(c->r);
    return 0;
}

/* Shows action id (c->q, c->r set); answers 404/403 itself. */
static void show_action(page_ctx *c, long id)
{
    int f = id ? tb_store_tindakan_get(c->q->store, id, action_page, c) : 0;
    if (c->found == -403)
        return tb_res_error(c->r, c->q, 403, "Tindakan ini bukan milik lembaga atau wilayah Anda.");
    if (f < 0)
        return tb_res_error(c->r, c->q, 500, tb_store_error(c->q->store));
    if (!c->found)
        tb_res_error(c->r, c->q, 404, "Tindakan tidak ditemukan.");
}

void tb_page_tindakan(tb_req *q, tb_res *r)
{
    char lembaga[40];
    user_lembaga(q, lembaga, sizeof lembaga);
    const char *rp = tb_req_query(q, "rapat");
    page_ctx c = {q, r, lembaga, NULL, NULL, rp ? strtol(rp, NULL, 10) : 0, 0};
    show_action(&c, tb_web_path_id(q, "id"));
}

/* Who may do what with an action (read while its row is read). */
typedef struct {
    tb_req *q;
    const char *lembaga;
    bool view, review;
} access_ctx;

static int access_row(void *ctx, const tb_tindakan *t)
{
    access_ctx *a = ctx;
    a->view = tindakan_view_ok(a->q, t, a->lembaga);
    a->review = tindakan_review_ok(a->q, t, a->lembaga);
    return 0;
}

/* Checks the user may review action id: 0, or the HTTP status refused
 * (404, 403, 500) after answering it. */
static int review_access(tb_req *q, tb_res *r, long id, const char *lembaga)
{
    access_ctx a = {q, lembaga, false, false};
    int f = id ? tb_store_tindakan_get(q->store, id, access_row, &a) : 0;
    if (f < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store)), 500;
    if (f == 0 || !a.view)
        return tb_res_error(r, q, f == 0 ? 404 : 403,
                            f == 0 ? "Tindakan tidak ditemukan."
                                   : "Tindakan ini bukan milik lembaga atau wilayah Anda."),
               f == 0 ? 404 : 403;
    if (!a.review)
        return tb_res_error(r, q, 403, "Peran Anda tidak meninjau tindakan ini."), 403;
    return 0;
}

/* Records the review in v by the user. 0 or -1 (store error). */
static int review_save(tb_req *q, tb_tinjauan *v)
{
    char today[11];
    tb_today_iso(today);
    if (!v->tanggal || !*v->tanggal)
        v->tanggal = today;
    v->peninjau = q->user.nama;
    return tb_store_tindakan_tinjau(q->store, q->user.id, v);
}

void tb_page_tindakan_simpan(tb_req *q, tb_res *r)
{
    char lembaga[40];
    user_lembaga(q, lembaga, sizeof lembaga);
    long id = tb_web_path_id(q, "id");
    if (review_access(q, r, id, lembaga))
        return;
    const char *bagian = tb_req_form(q, "bagian");
    bagian = bagian && !strcmp(bagian, "jadwal") ? "jadwal" : "tinjau";
    const char *rp = tb_req_form(q, "rapat_id");
    long rapat = rp ? strtol(rp, NULL, 10) : 0;
    int rc;
    if (!strcmp(bagian, "jadwal")) {
        int weeks = 0;
        for (int w = 1; w <= 4; w++) {
            char name[24];
            snprintf(name, sizeof name, "minggu%d", w);
            const char *v = tb_req_form(q, name);
            if (v && *v)
                weeks |= 1 << (w - 1);
        }
        tb_jadwal j = {0,
                       id,
                       tb_req_form(q, "kegiatan"),
                       tb_req_form(q, "pelaksana"),
                       tb_req_form(q, "penanggung_jawab"),
                       weeks};
        rc = tb_store_jadwal_add(q->store, q->user.id, &j);
    } else {
        tb_tinjauan v = {0,
                         id,
                         rapat > 0 ? rapat : 0,
                         NULL,
                         tb_req_form(q, "status"),
                         tb_req_form(q, "kemajuan"),
                         tb_req_form(q, "bukti"),
                         NULL};
        rc = review_save(q, &v);
    }
    if (rc < 0) {
        char err[300];
        snprintf(err, sizeof err, "%s", tb_store_error(q->store));
        page_ctx c = {q, r, lembaga, bagian, err, rapat, 0};
        show_action(&c, id);
        if (c.found == 1)
            r->status = 422;
        return;
    }
    tb_web_data_changed();
    char to[64];
    snprintf(to, sizeof to, "/tindakan/%ld%s", id, rapat > 0 ? "" : "");
    if (rapat > 0)
        snprintf(to, sizeof to, "/rapat/%ld#tindakan", rapat);
    tb_res_redirect(r, to);
}

/* ---- API ---- */

/* A meeting as JSON fields (no braces). */
static void rapat_json(tb_buf *b, const tb_rapat *m)
{
    tb_buf_printf(b, "\"id\":%ld,\"jenis\":", m->id);
    tb_buf_json_str(b, m->jenis_kode);
    tb_buf_puts(b, ",\"jenis_nama\":");
    tb_buf_json_str(b, m->jenis_nama);
    tb_buf_puts(b, ",\"wilayah\":");
    tb_buf_json_str(b, m->wilayah);
    tb_buf_puts(b, ",\"wilayah_nama\":");
    tb_buf_json_str(b, m->wilayah_nama);
    tb_buf_puts(b, ",\"tanggal\":");
    tb_buf_json_str(b, m->tanggal);
    tb_buf_puts(b, ",\"judul\":");
    tb_buf_json_str(b, m->judul);
    tb_buf_puts(b, ",\"tempat\":");
    tb_buf_json_str(b, m->tempat[0] ? m->tempat : NULL);
    tb_buf_printf(b, ",\"tahap\":%d", m->tahap);
}

typedef struct {
    tb_buf *b;
    int n;
} json_list;

static int rapat_json_row(void *ctx, const tb_rapat *m)
{
    json_list *l = ctx;
    tb_buf_puts(l->b, l->n++ ? ",{" : "{");
    rapat_json(l->b, m);
    tb_buf_printf(l->b, ",\"masalah\":%d,\"tindakan\":%d}", m->n_masalah, m->n_tindakan);
    return 0;
}

void tb_api_rapat_list(tb_req *q, tb_res *r)
{
    const char *w = tb_req_query(q, "wilayah");
    w = w && *w ? w : q->user.wilayah;
    if (!tb_scope_code_ok(&q->user, w))
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    r->ctype = "application/json";
    json_list l = {&r->body, 0};
    tb_buf_puts(&r->body, "{\"rapat\":[");
    if (tb_store_rapat_each(q->store, w, 0, rapat_json_row, &l) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(&r->body, "]}");
}

static int peserta_json(void *ctx, const tb_peserta *p)
{
    json_list *l = ctx;
    tb_buf_puts(l->b, l->n++ ? ",{\"nama\":" : "{\"nama\":");
    tb_buf_json_str(l->b, p->nama);
    tb_buf_puts(l->b, ",\"jabatan\":");
    tb_buf_json_str(l->b, p->jabatan);
    tb_buf_puts(l->b, ",\"instansi\":");
    tb_buf_json_str(l->b, p->instansi);
    tb_buf_puts(l->b, ",\"lembaga\":");
    tb_buf_json_str(l->b, p->lembaga);
    tb_buf_puts(l->b, "}");
    return 0;
}

static int masalah_json(void *ctx, const tb_masalah *m)
{
    json_list *l = ctx;
    tb_buf_printf(l->b, "%s{\"id\":%ld,\"uraian\":", l->n++ ? "," : "", m->id);
    tb_buf_json_str(l->b, m->uraian);
    tb_buf_puts(l->b, ",\"desa\":");
    tb_buf_json_str(l->b, m->desa);
    tb_buf_puts(l->b, ",\"tema\":");
    tb_buf_json_str(l->b, m->tema);
    tb_buf_puts(l->b, ",\"rekomendasi\":");
    tb_buf_json_str(l->b, m->rekomendasi);
    tb_buf_puts(l->b, ",\"naik_ke\":");
    tb_buf_json_str(l->b, m->naik_ke);
    tb_buf_puts(l->b, ",\"jawaban\":");
    tb_buf_json_str(l->b, m->jawaban);
    tb_buf_puts(l->b, ",\"asal_rapat\":");
    tb_buf_json_str(l->b, m->asal_judul);
    tb_buf_puts(l->b, "}");
    return 0;
}

void tb_api_rapat(tb_req *q, tb_res *r)
{
    long id = tb_web_path_id(q, "id");
    tb_rapat *m = malloc(sizeof *m);
    int f = m && id ? tb_store_rapat_get(q->store, id, m) : 0;
    if (f != 1 || !tb_rapat_view_ok(&q->user, m->wilayah)) {
        free(m);
        return tb_res_error(r, q,
                            f < 0    ? 500
                            : f == 0 ? 404
                                     : 403,
                            f == 0 ? "Rapat tidak ditemukan." : "Di luar wilayah kerja Anda.");
    }
    tb_buf *b = &r->body;
    r->ctype = "application/json";
    tb_buf_puts(b, "{");
    rapat_json(b, m);
    tb_buf_puts(b, ",\"agenda\":");
    tb_buf_json_str(b, m->agenda);
    tb_buf_puts(b, ",\"notulen\":");
    tb_buf_json_str(b, m->notulen);
    free(m);
    json_list l = {b, 0};
    tb_buf_puts(b, ",\"peserta\":[");
    tb_store_peserta_each(q->store, id, peserta_json, &l);
    l.n = 0;
    tb_buf_puts(b, "],\"masalah\":[");
    tb_store_masalah_each(q->store, id, masalah_json, &l);
    l.n = 0;
    tb_buf_puts(b, "],\"masalah_dari_bawah\":[");
    tb_store_masalah_naik_each(q->store, id, masalah_json, &l);
    tb_buf_puts(b, "],\"tindakan\":");
    char month[8];
    tb_this_month(month);
    tb_tindakan_filter f1 = {.rapat_id = id, .status = "all"};
    tb_table *t = NULL;
    if (tb_report_tindak_lanjut(q->store, &f1, month, &t) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_render_json(t, b);
    tb_table_free(t);
    tb_buf_puts(b, "}");
}

void tb_api_tindakan_list(tb_req *q, tb_res *r)
{
    const char *w = tb_req_query(q, "wilayah"), *st = tb_req_query(q, "status");
    char today[11], month[8], lembaga[40];
    w = w && *w ? w : q->user.wilayah;
    st = st && *st ? st : "open";
    if (strcmp(st, "open") && strcmp(st, "overdue") && strcmp(st, "closed") && strcmp(st, "all"))
        return tb_res_error(r, q, 400, "status adalah open, overdue, closed atau all.");
    if (!tb_scope_code_ok(&q->user, w))
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    tb_today_iso(today);
    tb_this_month(month);
    user_lembaga(q, lembaga, sizeof lembaga);
    tb_tindakan_filter f = {.wilayah = w, .status = st, .today = today};
    const char *mine = tb_req_query(q, "saya");
    if (q->role == TB_ROLE_OPD || (mine && *mine == '1'))
        f.lembaga = lembaga;
    tb_table *t = NULL;
    if (tb_report_tindak_lanjut(q->store, &f, month, &t) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_render_json(t, &r->body);
    tb_table_free(t);
    r->ctype = "application/json";
}

static int tinjauan_json(void *ctx, const tb_tinjauan *v)
{
    json_list *l = ctx;
    tb_buf_printf(l->b, "%s{\"id\":%ld,\"rapat_id\":%ld,\"tanggal\":", l->n++ ? "," : "", v->id,
                  v->rapat_id);
    tb_buf_json_str(l->b, v->tanggal);
    tb_buf_puts(l->b, ",\"status\":");
    tb_buf_json_str(l->b, tb_tindakan_status_label(v->status));
    tb_buf_puts(l->b, ",\"kemajuan\":");
    tb_buf_json_str(l->b, v->kemajuan);
    tb_buf_puts(l->b, ",\"bukti\":");
    tb_buf_json_str(l->b, v->bukti);
    tb_buf_puts(l->b, ",\"peninjau\":");
    tb_buf_json_str(l->b, v->peninjau);
    tb_buf_puts(l->b, "}");
    return 0;
}

/* The action's JSON (inside the row callback). */
typedef struct {
    tb_req *q;
    tb_buf *b;
    const char *lembaga;
    bool refused;
} api_ctx;

static int action_json(void *ctx, const tb_tindakan *t)
{
    api_ctx *c = ctx;
    if (!tindakan_view_ok(c->q, t, c->lembaga))
        return c->refused = true, -1;
    tb_buf *b = c->b;
    tb_buf_printf(b, "{\"id\":%ld,\"rapat_id\":%ld,\"uraian\":", t->id, t->rapat_id);
    tb_buf_json_str(b, t->uraian);
    tb_buf_puts(b, ",\"pelaksana\":");
    tb_buf_json_str(b, t->pelaksana);
    tb_buf_puts(b, ",\"pj_lembaga\":");
    tb_buf_json_str(b, t->pj_lembaga);
    tb_buf_puts(b, ",\"penanggung_jawab\":");
    tb_buf_json_str(b, t->pj_nama ? t->pj_nama : t->penanggung_jawab);
    tb_buf_puts(b, ",\"wilayah\":");
    tb_buf_json_str(b, t->wilayah);
    tb_buf_puts(b, ",\"sumber_anggaran\":");
    tb_buf_json_str(b, t->sumber_anggaran);
    tb_buf_puts(b, ",\"anggaran\":");
    tb_buf_json_num(b, t->anggaran);
    tb_buf_puts(b, ",\"tenggat\":");
    tb_buf_json_str(b, t->tenggat);
    tb_buf_puts(b, ",\"status\":");
    tb_buf_json_str(b, tb_tindakan_status_label(t->status));
    tb_buf_puts(b, ",\"indikator\":");
    tb_buf_json_str(b, t->indikator);
    char month[8];
    tb_this_month(month);
    tb_capaian cp;
    if (tb_rapat_capaian(c->q->store, t, month, &cp) == 0 && cp.state != TB_CAPAIAN_NONE) {
        tb_buf_puts(b, ",\"capaian\":");
        tb_buf_json_str(b, cp.teks);
        tb_buf_printf(b, ",\"tercapai\":%s", cp.state == TB_CAPAIAN_MET ? "true" : "false");
    }
    json_list l = {b, 0};
    tb_buf_puts(b, ",\"tinjauan\":[");
    tb_store_tinjauan_each(c->q->store, t->id, tinjauan_json, &l);
    tb_buf_puts(b, "]}");
    return 0;
}

void tb_api_tindakan(tb_req *q, tb_res *r)
{
    char lembaga[40];
    user_lembaga(q, lembaga, sizeof lembaga);
    long id = tb_web_path_id(q, "id");
    api_ctx c = {q, &r->body, lembaga, false};
    int f = id ? tb_store_tindakan_get(q->store, id, action_json, &c) : 0;
    if (c.refused)
        return tb_res_error(r, q, 403, "Tindakan ini bukan milik lembaga atau wilayah Anda.");
    if (f <= 0)
        return tb_res_error(r, q, f < 0 ? 500 : 404, "Tindakan tidak ditemukan.");
    r->ctype = "application/json";
}

/* A text member of a JSON object, or NULL. */
static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

void tb_api_tinjauan(tb_req *q, tb_res *r)
{
    char lembaga[40];
    user_lembaga(q, lembaga, sizeof lembaga);
    long id = tb_web_path_id(q, "id");
    if (review_access(q, r, id, lembaga))
        return;
    const char *ct = tb_req_header(q, "Content-Type");
    json_t *o = NULL;
    tb_tinjauan v = {0, id, 0, NULL, NULL, NULL, NULL, NULL};
    if (ct && strstr(ct, "json")) {
        json_error_t jerr;
        o = json_loadb(q->body, q->body_len, 0, &jerr);
        if (!json_is_object(o)) {
            json_decref(o);
            return tb_res_error(r, q, 400, "JSON tidak valid.");
        }
        v.status = jstr(o, "status");
        v.kemajuan = jstr(o, "kemajuan");
        v.bukti = jstr(o, "bukti");
        v.tanggal = jstr(o, "tanggal");
        json_t *rid = json_object_get(o, "rapat_id");
        v.rapat_id = json_is_integer(rid) ? (long)json_integer_value(rid) : 0;
    } else {
        v.status = tb_req_form(q, "status");
        v.kemajuan = tb_req_form(q, "kemajuan");
        v.bukti = tb_req_form(q, "bukti");
        v.tanggal = tb_req_form(q, "tanggal");
        const char *rp = tb_req_form(q, "rapat_id");
        v.rapat_id = rp ? strtol(rp, NULL, 10) : 0;
    }
    int rc = review_save(q, &v);
    json_decref(o);
    if (rc < 0)
        return tb_res_error(r, q, 422, tb_store_error(q->store));
    tb_web_data_changed();
    r->status = 201;
    api_ctx c = {q, &r->body, lembaga, false};
    tb_store_tindakan_get(q->store, id, action_json, &c);
    r->ctype = "application/json";
}
