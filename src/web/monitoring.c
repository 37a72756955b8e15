/*
 * monitoring.c - posyandu monitoring by agency teams (replacing the Google
 * Form): /monitoring (teams, questionnaires, the desa table with the
 * activity scores, agencies and teams, commitments), the questionnaire
 * builder (/monitoring/kuesioner/{id}), the phone form (/monitoring/isi,
 * sent through the offline queue of app.js to POST /api/v1/monitoring),
 * the results per desa and question (/monitoring/hasil) and the photos
 * (POST /api/v1/monitoring/foto, streamed, stored once per client id, the
 * photos of abandoned forms removed after 7 days; GET /monitoring/foto/{id}).
 *
 * Who sees what: an agency member (role opd, linked to a lembaga) sees and
 * answers for the desa of its agency's team only; the kabupaten roles see
 * their district and build any agency's questionnaire (an agency builds
 * its own); kecamatan, puskesmas and desa roles see the desa of their area.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "format/render.h"
#include "format/render_html.h"
#include "store/monitoring.h"
#include "store/posyandu.h"
#include "store/rapat.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/monitoring.h"
#include "web/page.h"
#include "web/scope.h"

#define MON_KAB (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)
#define NO_LEMBAGA "(tanpa lembaga)" /* matches no agency: an OPD user without one sees nothing */

void tb_mon_scope_of(tb_req *q, tb_mon_scope *m)
{
    memset(m, 0, sizeof *m);
    m->wilayah = q->user.wilayah;
    if (tb_role_bit(q->user.peran) != TB_ROLE_OPD)
        return;
    m->opd = true;
    if (tb_store_pengguna_lembaga(q->store, q->user.id, m->lembaga, sizeof m->lembaga) != 1)
        snprintf(m->lembaga, sizeof m->lembaga, "%s", NO_LEMBAGA);
    m->team_of = m->lembaga;
}

bool tb_mon_desa_ok(tb_req *q, const tb_mon_scope *m, const char *desa)
{
    if (!desa || !tb_scope_code_ok(&q->user, desa))
        return false;
    return !m->opd || tb_store_tim_desa_ok(q->store, m->lembaga, desa) == 1;
}

static void csrf_field(tb_buf *b, const tb_req *q)
{
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
}

/* The refused form's part and message (NULL: none), to fill it again. */
typedef struct {
    const char *bagian, *err;
} form_state;

static const char *again(const tb_req *q, const form_state *fs, const char *bagian,
                         const char *name)
{
    const char *v = fs && fs->bagian && !strcmp(fs->bagian, bagian) ? tb_req_form(q, name) : NULL;
    return v ? v : "";
}

static void form_error(tb_buf *b, const form_state *fs, const char *bagian)
{
    if (!fs || !fs->err || strcmp(fs->bagian, bagian))
        return;
    tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
    tb_buf_html(b, fs->err);
    tb_buf_puts(b, "</p>");
}

static void text_input(tb_buf *b, const tb_req *q, const form_state *fs, const char *bagian,
                       const char *name, const char *label, const char *type)
{
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, " <input type=\"%s\" name=\"%s\" value=\"", type, name);
    tb_buf_html(b, again(q, fs, bagian, name));
    tb_buf_puts(b, "\"></label>");
}

static void pct(tb_buf *b, double v)
{
    if (isnan(v))
        tb_buf_puts(b, "<td class=\"n\">-</td>");
    else
        tb_buf_printf(b, "<td class=\"n\">%.0f</td>", v);
}

/* --- /monitoring --------------------------------------------------------- */

typedef struct {
    tb_buf *b;
    const tb_req *q;
    const form_state *fs;
    const char *sel;
} opt_ctx;

static int tim_row(void *ctx, const tb_tim *t)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, t->nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, t->lembaga ? t->lembaga : "-");
    tb_buf_printf(b, "</td><td class=\"n\">%d</td><td>", t->n_desa);
    tb_buf_html(b, t->desa ? t->desa : "-");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int tim_option(void *ctx, const tb_tim *t)
{
    opt_ctx *c = ctx;
    char id[24];
    snprintf(id, sizeof id, "%ld", t->id);
    tb_buf_printf(c->b, "<option value=\"%ld\"%s>", t->id,
                  c->sel && !strcmp(c->sel, id) ? " selected" : "");
    tb_buf_html(c->b, t->nama);
    tb_buf_puts(c->b, "</option>");
    return 0;
}

static int lembaga_option(void *ctx, const tb_lembaga *l)
{
    opt_ctx *c = ctx;
    if (strcmp(l->jenis, "opd") && strcmp(l->jenis, "lainnya") && strcmp(l->jenis, "tpps_bidang"))
        return 0;
    tb_buf_puts(c->b, "<option value=\"");
    tb_buf_html(c->b, l->kode);
    tb_buf_printf(c->b, "\"%s>", c->sel && !strcmp(c->sel, l->kode) ? " selected" : "");
    tb_buf_html(c->b, l->nama);
    tb_buf_puts(c->b, "</option>");
    return 0;
}

static int desa_option(void *ctx, const char *kode, const char *nama)
{
    opt_ctx *c = ctx;
    tb_buf_puts(c->b, "<option value=\"");
    tb_buf_html(c->b, kode);
    tb_buf_printf(c->b, "\"%s>", c->sel && !strcmp(c->sel, kode) ? " selected" : "");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, "</option>");
    return 0;
}

static void desa_select(tb_buf *b, tb_req *q, const tb_mon_scope *m, const char *sel)
{
    opt_ctx c = {b, q, NULL, sel};
    tb_buf_puts(b, "<label>Desa <select name=\"desa\" required><option value=\"\">- pilih -"
                   "</option>");
    if (m->opd)
        tb_store_tim_desa_each(q->store, m->lembaga, desa_option, &c);
    else
        tb_store_desa_each(q->store, q->user.wilayah, desa_option, &c);
    tb_buf_puts(b, "</select></label>");
}

static void tim_forms(tb_buf *b, tb_req *q, const form_state *fs)
{
    tb_buf_puts(b, "<form method=\"post\" action=\"/monitoring/tim\" class=\"baris\"><fieldset>"
                   "<legend>Tim baru</legend>");
    form_error(b, fs, "tim");
    csrf_field(b, q);
    text_input(b, q, fs, "tim", "nama", "Nama tim", "text");
    tb_buf_puts(b, "<button>Tambah tim</button></fieldset></form>");
    tb_buf_puts(b, "<form method=\"post\" action=\"/monitoring/tim-anggota\" class=\"baris\">"
                   "<fieldset><legend>Lembaga atau desa ke tim</legend>");
    form_error(b, fs, "tim-anggota");
    csrf_field(b, q);
    opt_ctx c = {b, q, fs, again(q, fs, "tim-anggota", "tim")};
    tb_buf_puts(b, "<label>Tim <select name=\"tim\" required>");
    tb_store_tim_each(q->store, q->user.wilayah, NULL, tim_option, &c);
    tb_buf_puts(b, "</select></label><label>Lembaga <select name=\"lembaga\">"
                   "<option value=\"\">-</option>");
    c.sel = again(q, fs, "tim-anggota", "lembaga");
    tb_store_lembaga_each(q->store, q->user.wilayah, lembaga_option, &c);
    tb_buf_puts(b, "</select></label>");
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    desa_select(b, q, &m, again(q, fs, "tim-anggota", "desa"));
    tb_buf_puts(b, "<button>Tambahkan</button></fieldset></form>");
}

static int kuesioner_row(void *ctx, const tb_kuesioner *k)
{
    opt_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, k->lembaga_nama);
    tb_buf_printf(b, "</td><td><a href=\"/monitoring/kuesioner/%ld\">", k->id);
    tb_buf_html(b, k->nama);
    tb_buf_printf(b, "</a></td><td>%d (%s)</td><td>", k->versi, k->terbit[0] ? "terbit" : "draf");
    if (k->terbit_id)
        tb_buf_printf(b, "<a href=\"/monitoring/isi?kuesioner=%ld\">Isi</a> · ", k->id);
    tb_buf_printf(b, "<a href=\"/monitoring/hasil?kuesioner=%ld\">Hasil</a></td></tr>", k->id);
    return 0;
}

static void kuesioner_section(tb_buf *b, tb_req *q, const tb_mon_scope *m, const form_state *fs)
{
    tb_buf_puts(b, "<h2>Kuesioner lembaga</h2><div class=\"tabel\"><table><thead><tr>"
                   "<th>Lembaga</th><th>Kuesioner</th><th>Versi</th><th></th></tr></thead><tbody>");
    opt_ctx c = {b, q, fs, NULL};
    tb_store_kuesioner_each(q->store, q->user.wilayah, m->opd ? m->lembaga : NULL, kuesioner_row,
                            &c);
    tb_buf_puts(b, "</tbody></table></div>");
    if (!(q->role & MON_KAB) && !(m->opd && strcmp(m->lembaga, NO_LEMBAGA)))
        return;
    tb_buf_puts(b, "<form method=\"post\" action=\"/monitoring/kuesioner\" class=\"baris\">"
                   "<fieldset><legend>Kuesioner baru</legend>");
    form_error(b, fs, "kuesioner");
    csrf_field(b, q);
    if (q->role & MON_KAB) {
        c.sel = again(q, fs, "kuesioner", "lembaga");
        tb_buf_puts(b, "<label>Lembaga <select name=\"lembaga\" required>");
        tb_store_lembaga_each(q->store, q->user.wilayah, lembaga_option, &c);
        tb_buf_puts(b, "</select></label>");
    }
    text_input(b, q, fs, "kuesioner", "nama", "Nama kuesioner", "text");
    tb_buf_puts(b, "<button>Buat</button></fieldset></form>");
}

static int desa_row(void *ctx, const tb_hasil_desa *h)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, h->desa_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, h->tim ? h->tim : "-");
    tb_buf_printf(b, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>", h->kunjungan[0],
                  h->kunjungan[1]);
    pct(b, h->skor_posyandu[0]);
    pct(b, h->skor_posyandu[1]);
    pct(b, h->skor_kpm[0]);
    pct(b, h->skor_kpm[1]);
    tb_buf_printf(b, "<td class=\"n\">%d/%d</td></tr>", h->komitmen_selesai, h->komitmen);
    return 0;
}

/* The table of desa: visits, scores per stage, commitments. */
static void desa_table(tb_buf *b, tb_req *q, const tb_mon_scope *m)
{
    tb_buf_puts(b, "<h2>Hasil per desa</h2><p class=\"catatan\">Skor = persen jawaban \"ya\" atas"
                   " pertanyaan ya/tidak kelompok posyandu (keaktifan posyandu) atau KPM"
                   " (keaktifan KPM), semua kunjungan tahap itu.</p><div class=\"tabel\">"
                   "<table id=\"hasil-desa\"><thead><tr><th>Desa</th><th>Tim</th>"
                   "<th class=\"n\">Kunjungan T1</th><th class=\"n\">Kunjungan T2</th>"
                   "<th class=\"n\">Skor posyandu T1</th><th class=\"n\">Skor posyandu T2</th>"
                   "<th class=\"n\">Skor KPM T1</th><th class=\"n\">Skor KPM T2</th>"
                   "<th class=\"n\">Komitmen selesai</th></tr></thead><tbody>");
    tb_store_hasil_desa_each(q->store, m->wilayah, m->team_of, desa_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
}

/* The agencies' rows, each team closed by its total (visits summed; the
 * desa of a team are shared by its agencies, so counted once). */
typedef struct {
    tb_buf *b;
    char tim[128];
    int desa, kunjungan[2], n;
} lembaga_ctx;

static void tim_total(lembaga_ctx *c)
{
    if (!c->n)
        return;
    tb_buf_puts(c->b, "<tr class=\"jumlah\"><td>");
    tb_buf_html(c->b, c->tim);
    tb_buf_printf(c->b,
                  "</td><td>Jumlah tim (%d lembaga)</td><td class=\"n\">%d</td><td></td><td></td>"
                  "<td class=\"n\">%d</td><td class=\"n\">%d</td><td></td><td></td></tr>",
                  c->n, c->desa, c->kunjungan[0], c->kunjungan[1]);
    c->n = 0;
    c->kunjungan[0] = c->kunjungan[1] = 0;
}

static int lembaga_row(void *ctx, const tb_hasil_lembaga *h)
{
    lembaga_ctx *c = ctx;
    tb_buf *b = c->b;
    if (strcmp(c->tim, h->tim))
        tim_total(c);
    snprintf(c->tim, sizeof c->tim, "%s", h->tim);
    c->n++;
    c->desa = h->desa;
    c->kunjungan[0] += h->kunjungan[0];
    c->kunjungan[1] += h->kunjungan[1];
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, h->tim);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, h->nama);
    tb_buf_printf(b,
                  "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                  "<td class=\"n\">%d</td><td class=\"n\">%d</td>",
                  h->desa, h->dikunjungi[0], h->dikunjungi[1], h->kunjungan[0], h->kunjungan[1]);
    pct(b, h->persen_ya[0]);
    pct(b, h->persen_ya[1]);
    tb_buf_puts(b, "</tr>");
    return 0;
}

static void lembaga_table(tb_buf *b, tb_req *q)
{
    tb_buf_puts(b, "<h2>Per lembaga dan tim</h2><div class=\"tabel\"><table id=\"hasil-lembaga\">"
                   "<thead><tr><th>Tim</th><th>Lembaga</th><th class=\"n\">Desa binaan</th>"
                   "<th class=\"n\">Dikunjungi T1</th><th class=\"n\">Dikunjungi T2</th>"
                   "<th class=\"n\">Kunjungan T1</th><th class=\"n\">Kunjungan T2</th>"
                   "<th class=\"n\">% ya T1</th><th class=\"n\">% ya T2</th></tr></thead><tbody>");
    lembaga_ctx c = {b, "", 0, {0, 0}, 0};
    tb_store_hasil_lembaga_each(q->store, q->user.wilayah, lembaga_row, &c);
    tim_total(&c);
    tb_buf_puts(b, "</tbody></table></div>");
}

static const char *komitmen_label(const char *s)
{
    return !strcmp(s, "baru") ? "belum" : !strcmp(s, "proses") ? "berjalan" : s;
}

static int komitmen_row(void *ctx, const tb_komitmen *k)
{
    opt_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, k->desa_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->uraian);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->pj);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->tenggat);
    tb_buf_puts(b, "</td><td>");
    tb_buf_printf(b,
                  "<form method=\"post\" action=\"/monitoring/komitmen-status\" class=\"sebaris\">"
                  "<input type=\"hidden\" name=\"id\" value=\"%ld\">",
                  k->id);
    csrf_field(b, c->q);
    tb_buf_puts(b, "<select name=\"status\" aria-label=\"Status\">");
    static const char *const st[] = {"baru", "proses", "selesai", "batal"};
    for (int i = 0; i < 4; i++)
        tb_buf_printf(b, "<option value=\"%s\"%s>%s</option>", st[i],
                      !strcmp(k->status, st[i]) ? " selected" : "", komitmen_label(st[i]));
    tb_buf_puts(b, "</select><button>Simpan</button></form></td></tr>");
    return 0;
}

static void komitmen_section(tb_buf *b, tb_req *q, const tb_mon_scope *m, const form_state *fs)
{
    tb_buf_puts(b, "<h2>Kesepakatan dengan desa (komitmen)</h2>");
    form_error(b, fs, "komitmen-status");
    tb_buf_puts(b, "<div class=\"tabel\"><table>"
                   "<thead><tr><th>Desa</th><th>Kesepakatan</th><th>Penanggung jawab</th>"
                   "<th>Tenggat</th><th>Status</th></tr></thead><tbody>");
    opt_ctx c = {b, q, fs, NULL};
    tb_store_komitmen_each(q->store, m->wilayah, m->team_of, komitmen_row, &c);
    tb_buf_puts(b, "</tbody></table></div><form method=\"post\" action=\"/monitoring/komitmen\""
                   " class=\"baris\"><fieldset><legend>Kesepakatan baru</legend>");
    form_error(b, fs, "komitmen");
    csrf_field(b, q);
    desa_select(b, q, m, again(q, fs, "komitmen", "desa"));
    text_input(b, q, fs, "komitmen", "uraian", "Kesepakatan", "text");
    text_input(b, q, fs, "komitmen", "pj", "Penanggung jawab", "text");
    text_input(b, q, fs, "komitmen", "tenggat", "Tenggat", "date");
    tb_buf_puts(b, "<button>Catat</button></fieldset></form>");
}

static void monitoring_page(tb_req *q, tb_res *r, const form_state *fs)
{
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    tb_html_begin(r, q, "Monitoring posyandu");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Monitoring posyandu</h1>");
    if (m.opd && !strcmp(m.lembaga, NO_LEMBAGA))
        tb_buf_puts(b, "<p class=\"galat\">Akun Anda belum terhubung ke lembaga: minta admin"
                       " kabupaten menghubungkannya agar desa binaan tim Anda tampil.</p>");
    tb_buf_puts(b, "<h2>Tim monitoring</h2><div class=\"tabel\"><table><thead><tr><th>Tim</th>"
                   "<th>Lembaga</th><th class=\"n\">Desa</th><th>Desa binaan</th></tr></thead>"
                   "<tbody>");
    tb_store_tim_each(q->store, q->user.wilayah, m.opd ? m.lembaga : NULL, tim_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (q->role & MON_KAB)
        tim_forms(b, q, fs);
    kuesioner_section(b, q, &m, fs);
    desa_table(b, q, &m);
    if (!m.opd)
        lembaga_table(b, q);
    komitmen_section(b, q, &m, fs);
    tb_html_end(r);
}

void tb_page_monitoring(tb_req *q, tb_res *r)
{
    monitoring_page(q, r, NULL);
}

/* --- POST /monitoring/{bagian} ------------------------------------------- */

static long form_long(const tb_req *q, const char *name)
{
    const char *v = tb_req_form(q, name);
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return v && *v && !*end ? n : 0;
}

/* tim, tim-anggota: the kabupaten's teams. */
static int save_tim(tb_req *q, const char *bagian, const char **err, int *status)
{
    if (!(q->role & MON_KAB)) {
        *status = 403;
        *err = "Tim monitoring diatur oleh admin dan TPPS kabupaten.";
        return -1;
    }
    char kab[16];
    snprintf(kab, sizeof kab, "%.5s", q->user.wilayah);
    if (!strcmp(bagian, "tim"))
        return tb_store_tim_add(q->store, q->user.id, kab, tb_req_form(q, "nama"), NULL);
    long tim = form_long(q, "tim");
    const char *lembaga = tb_req_form(q, "lembaga"), *desa = tb_req_form(q, "desa");
    bool any = false;
    if (lembaga && *lembaga) {
        any = true;
        if (tb_store_tim_lembaga_set(q->store, q->user.id, tim, lembaga) < 0)
            return -1;
    }
    if (desa && *desa) {
        any = true;
        if (tb_store_tim_desa_add(q->store, q->user.id, tim, desa) < 0)
            return -1;
    }
    if (!any)
        *err = "Pilih lembaga atau desa untuk ditambahkan ke tim.";
    return any ? 0 : -1;
}

/* kuesioner: a new questionnaire (an agency member: its own agency's). */
static int save_kuesioner(tb_req *q, long *id, const char **err, int *status)
{
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    const char *lembaga = m.opd ? m.lembaga : tb_req_form(q, "lembaga");
    if (!(q->role & MON_KAB) && !(m.opd && strcmp(m.lembaga, NO_LEMBAGA))) {
        *status = 403;
        *err = "Kuesioner disusun oleh kabupaten atau oleh lembaga untuk dirinya sendiri.";
        return -1;
    }
    return tb_store_kuesioner_add(q->store, q->user.id, lembaga, tb_req_form(q, "nama"), id);
}

/* komitmen, komitmen-status: the agreements with a desa in the user's scope. */
static int save_komitmen(tb_req *q, const char *bagian, const char **err, int *status)
{
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    if (q->role & TB_ROLE_GIZI_PUSKESMAS) {
        *status = 403;
        *err = "Kesepakatan dicatat oleh tim monitoring, TPPS dan desa.";
        return -1;
    }
    char desa[24] = "";
    long id = form_long(q, "id");
    if (!strcmp(bagian, "komitmen"))
        snprintf(desa, sizeof desa, "%s", tb_req_form(q, "desa") ? tb_req_form(q, "desa") : "");
    else if (tb_store_komitmen_desa(q->store, id, desa) != 1) {
        *status = 404;
        *err = "Kesepakatan tidak ditemukan.";
        return -1;
    }
    if (!desa[0]) {
        *err = "Pilih desanya.";
        return -1;
    }
    if (!tb_mon_desa_ok(q, &m, desa)) {
        *status = 403;
        *err = "Desa ini di luar wilayah atau tim Anda.";
        return -1;
    }
    if (strcmp(bagian, "komitmen"))
        return tb_store_komitmen_status(q->store, q->user.id, id, tb_req_form(q, "status"));
    tb_komitmen k = {.desa = desa,
                     .lembaga = m.opd ? m.lembaga : NULL,
                     .uraian = tb_req_form(q, "uraian"),
                     .pj = tb_req_form(q, "pj"),
                     .tenggat = tb_req_form(q, "tenggat")};
    return tb_store_komitmen_add(q->store, q->user.id, &k, NULL);
}

void tb_page_monitoring_simpan(tb_req *q, tb_res *r)
{
    const char *bagian = tb_req_param(q, "bagian");
    const char *err = NULL;
    int status = 422, rc;
    long id = 0;
    if (!strcmp(bagian, "tim") || !strcmp(bagian, "tim-anggota"))
        rc = save_tim(q, bagian, &err, &status);
    else if (!strcmp(bagian, "kuesioner"))
        rc = save_kuesioner(q, &id, &err, &status);
    else if (!strcmp(bagian, "komitmen") || !strcmp(bagian, "komitmen-status"))
        rc = save_komitmen(q, bagian, &err, &status);
    else
        return tb_res_error(r, q, 404, "Bagian monitoring tidak dikenal.");
    if (rc == 0) {
        char to[64];
        snprintf(to, sizeof to, id ? "/monitoring/kuesioner/%ld" : "/monitoring", id);
        return tb_res_redirect(r, to);
    }
    if (status != 422)
        return tb_res_error(r, q, status, err);
    char msg[400];
    snprintf(msg, sizeof msg, "%s", err ? err : tb_store_error(q->store));
    form_state fs = {bagian, msg};
    monitoring_page(q, r, &fs);
    r->status = 422;
}

/* --- the questionnaire builder ------------------------------------------ */

/* The questionnaire {id} of the path into *k: false (answered 404/403)
 * when unknown or outside the user's district (an agency member: its own). */
static bool path_kuesioner(tb_req *q, tb_res *r, tb_kuesioner *k)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = id > 0 && !*end ? tb_store_kuesioner_get(q->store, id, k) : 0;
    if (f != 1) {
        tb_res_error(r, q, f < 0 ? 500 : 404, "Kuesioner tidak ditemukan.");
        return false;
    }
    return true;
}

/* May the user change questionnaire k? The kabupaten roles, or its agency. */
static bool may_build(tb_req *q, const tb_kuesioner *k)
{
    if (q->role & MON_KAB)
        return true;
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    return m.opd && !strcmp(m.lembaga, k->lembaga);
}

static int butir_row(void *ctx, const tb_butir *x)
{
    tb_buf *b = ctx;
    tb_buf_printf(b, "<tr><td class=\"n\">%d</td><td><code>", x->urutan);
    tb_buf_html(b, x->kode);
    tb_buf_puts(b, "</code></td><td>");
    tb_buf_html(b, x->label);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, x->tipe);
    if (x->pilihan) {
        tb_buf_puts(b, ": ");
        tb_buf_html(b, x->pilihan);
    }
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, x->kelompok);
    tb_buf_printf(b, "</td><td>%s</td></tr>", x->wajib ? "wajib" : "");
    return 0;
}

typedef struct {
    tb_buf *b;
    long kid, shown;
} versi_ctx;

static int versi_item(void *ctx, long versi_id, int versi, const char *terbit, int n)
{
    versi_ctx *c = ctx;
    tb_buf_puts(c->b, "<li>");
    if (versi_id != c->shown)
        tb_buf_printf(c->b, "<a href=\"/monitoring/kuesioner/%ld?versi=%ld\">", c->kid, versi_id);
    tb_buf_printf(c->b, "Versi %d", versi);
    if (versi_id != c->shown)
        tb_buf_puts(c->b, "</a>");
    tb_buf_printf(c->b, " · %d pertanyaan · ", n);
    if (*terbit) {
        tb_buf_puts(c->b, "terbit ");
        tb_buf_html(c->b, terbit);
    } else {
        tb_buf_puts(c->b, "draf");
    }
    tb_buf_puts(c->b, "</li>");
    return 0;
}

static void butir_form(tb_buf *b, tb_req *q, const tb_kuesioner *k, const form_state *fs)
{
    tb_buf_printf(b,
                  "<form method=\"post\" action=\"/monitoring/kuesioner/%ld/butir\""
                  " class=\"baris\"><fieldset><legend>Pertanyaan baru</legend>",
                  k->id);
    form_error(b, fs, "butir");
    csrf_field(b, q);
    text_input(b, q, fs, "butir", "kode", "Kode (mis. kader_hadir)", "text");
    text_input(b, q, fs, "butir", "label", "Pertanyaan", "text");
    const char *tipe = again(q, fs, "butir", "tipe");
    tb_buf_puts(b, "<label>Jenis jawaban <select name=\"tipe\">");
    for (int i = 0; i < TB_BUTIR_TIPE_N; i++)
        tb_buf_printf(b, "<option value=\"%s\"%s>%s</option>", tb_butir_tipe[i],
                      !strcmp(tipe, tb_butir_tipe[i]) ? " selected" : "", tb_butir_tipe_label[i]);
    tb_buf_puts(b, "</select></label>");
    text_input(b, q, fs, "butir", "pilihan", "Pilihan (dipisah |)", "text");
    const char *kel = again(q, fs, "butir", "kelompok");
    tb_buf_printf(b,
                  "<label>Kelompok skor <select name=\"kelompok\"><option value=\"lain\">lain"
                  "</option><option value=\"posyandu\"%s>keaktifan posyandu</option>"
                  "<option value=\"kpm\"%s>keaktifan KPM</option></select></label>"
                  "<label><input type=\"checkbox\" name=\"wajib\" value=\"1\"%s> Wajib"
                  "</label><button>Tambah pertanyaan</button></fieldset></form>",
                  !strcmp(kel, "posyandu") ? " selected" : "",
                  !strcmp(kel, "kpm") ? " selected" : "",
                  *again(q, fs, "butir", "wajib") ? " checked" : "");
}

static void kuesioner_page(tb_req *q, tb_res *r, const tb_kuesioner *k, const form_state *fs)
{
    long shown = k->versi_id, vk; /* the latest, or ?versi= an older one of this questionnaire */
    const char *v = tb_req_query(q, "versi");
    int vn;
    char terbit[11];
    if (v && tb_store_versi_get(q->store, atol(v), &vk, &vn, terbit) == 1 && vk == k->id)
        shown = atol(v);
    tb_html_begin(r, q, k->nama);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<p><a href=\"/monitoring\">Monitoring</a></p><h1>");
    tb_buf_html(b, k->nama);
    tb_buf_puts(b, "</h1><p>");
    tb_buf_html(b, k->lembaga_nama);
    tb_buf_puts(b, "</p><p class=\"catatan\">Versi yang sudah terbit tidak diubah lagi; jawaban"
                   " menunjuk versi yang dijawab. Untuk mengubah pertanyaan, buat versi baru.</p>"
                   "<ul class=\"versi\">");
    versi_ctx c = {b, k->id, shown};
    tb_store_versi_each(q->store, k->id, versi_item, &c);
    tb_buf_puts(b, "</ul>");
    form_error(b, fs, "terbit");
    form_error(b, fs, "versi");
    tb_buf_puts(b, "<div class=\"tabel\"><table id=\"butir\"><thead><tr><th class=\"n\">No</th>"
                   "<th>Kode</th><th>Pertanyaan</th><th>Jawaban</th><th>Kelompok</th><th></th>"
                   "</tr></thead><tbody>");
    tb_store_butir_each(q->store, shown, butir_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (may_build(q, k) && shown == k->versi_id) {
        if (!k->terbit[0]) {
            butir_form(b, q, k, fs);
            tb_buf_printf(b, "<form method=\"post\" action=\"/monitoring/kuesioner/%ld/terbit\">",
                          k->id);
            csrf_field(b, q);
            tb_buf_puts(b, "<button>Terbitkan versi ini</button></form>");
        } else {
            tb_buf_printf(b, "<form method=\"post\" action=\"/monitoring/kuesioner/%ld/versi\">",
                          k->id);
            csrf_field(b, q);
            tb_buf_puts(b, "<button>Buat versi baru (salinan)</button></form>");
        }
    }
    if (k->terbit_id)
        tb_buf_printf(b,
                      "<p><a class=\"tombol\" href=\"/monitoring/isi?kuesioner=%ld\">Isi"
                      " kuesioner</a> <a href=\"/monitoring/hasil?kuesioner=%ld\">Hasil</a></p>",
                      k->id, k->id);
    tb_html_end(r);
}

void tb_page_kuesioner(tb_req *q, tb_res *r)
{
    tb_kuesioner k;
    if (path_kuesioner(q, r, &k))
        kuesioner_page(q, r, &k, NULL);
}

void tb_page_kuesioner_simpan(tb_req *q, tb_res *r)
{
    tb_kuesioner k;
    if (!path_kuesioner(q, r, &k))
        return;
    if (!may_build(q, &k))
        return tb_res_error(r, q, 403, "Kuesioner ini disusun oleh lembaganya atau kabupaten.");
    const char *bagian = tb_req_param(q, "bagian");
    int rc;
    if (!strcmp(bagian, "butir")) {
        tb_butir x = {.versi_id = k.versi_id,
                      .kode = tb_req_form(q, "kode"),
                      .label = tb_req_form(q, "label"),
                      .tipe = tb_req_form(q, "tipe"),
                      .pilihan = tb_req_form(q, "pilihan"),
                      .kelompok = tb_req_form(q, "kelompok"),
                      .wajib = tb_req_form(q, "wajib") != NULL};
        rc = tb_store_butir_add(q->store, q->user.id, &x);
    } else if (!strcmp(bagian, "terbit")) {
        char today[11];
        tb_today_iso(today);
        rc = tb_store_versi_terbit(q->store, q->user.id, k.versi_id, today);
    } else if (!strcmp(bagian, "versi")) {
        rc = tb_store_versi_baru(q->store, q->user.id, k.id, NULL);
    } else {
        return tb_res_error(r, q, 404, "Bagian kuesioner tidak dikenal.");
    }
    if (rc == 0) {
        char to[64];
        snprintf(to, sizeof to, "/monitoring/kuesioner/%ld", k.id);
        return tb_res_redirect(r, to);
    }
    char msg[400];
    snprintf(msg, sizeof msg, "%s", tb_store_error(q->store));
    form_state fs = {bagian, msg};
    tb_store_kuesioner_get(q->store, k.id, &k);
    kuesioner_page(q, r, &k, &fs);
    r->status = 422;
}

/* --- the phone form -------------------------------------------------------- */

typedef struct {
    tb_buf *b;
    tb_req *q;
    int n;
    const char *desa; /* the desa code whose posyandu are listed */
} isi_ctx;

static int isi_posyandu(void *ctx, long id, const char *nama, const char *desa_nama)
{
    isi_ctx *c = ctx;
    tb_buf_printf(c->b, "<option value=\"%ld\" data-desa=\"", id);
    tb_buf_html(c->b, c->desa);
    tb_buf_puts(c->b, "\">");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, " (");
    tb_buf_html(c->b, desa_nama);
    tb_buf_puts(c->b, ")</option>");
    return 0;
}

static int isi_desa(void *ctx, const char *kode, const char *nama)
{
    isi_ctx *c = ctx;
    if (!tb_scope_code_ok(&c->q->user, kode))
        return 0;
    c->n++;
    tb_buf_puts(c->b, "<option value=\"");
    tb_buf_html(c->b, kode);
    tb_buf_puts(c->b, "\">");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, "</option>");
    return 0;
}

static int isi_desa_pos(void *ctx, const char *kode, const char *nama)
{
    (void)nama;
    isi_ctx *c = ctx;
    c->desa = kode;
    return tb_scope_code_ok(&c->q->user, kode)
               ? tb_store_posyandu_list(c->q->store, kode, isi_posyandu, c)
               : 0;
}

/* One question as a field named j_KODE (a photo: a file chooser and a hidden field). */
static int isi_butir(void *ctx, const tb_butir *x)
{
    tb_buf *b = ((isi_ctx *)ctx)->b;
    tb_buf_puts(b, "<fieldset class=\"butir\" data-kode=\"");
    tb_buf_html(b, x->kode);
    tb_buf_printf(b, "\" data-tipe=\"%s\"><legend>", x->tipe);
    tb_buf_html(b, x->label);
    tb_buf_puts(b, x->wajib ? " *</legend>" : "</legend>");
    if (!strcmp(x->tipe, "ya_tidak")) {
        for (int i = 0; i < 2; i++) {
            tb_buf_puts(b, "<label><input type=\"radio\" name=\"j_");
            tb_buf_html(b, x->kode);
            tb_buf_printf(b, "\" value=\"%s\"%s> %s</label>", i ? "tidak" : "ya",
                          x->wajib && !i ? " required" : "", i ? "Tidak" : "Ya");
        }
    } else if (!strcmp(x->tipe, "pilihan")) {
        tb_buf_puts(b, "<select name=\"j_");
        tb_buf_html(b, x->kode);
        tb_buf_printf(b, "\"%s><option value=\"\">- pilih -</option>", x->wajib ? " required" : "");
        for (const char *p = x->pilihan ? x->pilihan : ""; *p;) {
            const char *e = strchr(p, '|');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char opt[200];
            snprintf(opt, sizeof opt, "%.*s", (int)(n < 199 ? n : 199), p);
            tb_buf_puts(b, "<option>");
            tb_buf_html(b, opt);
            tb_buf_puts(b, "</option>");
            p += n + (e ? 1 : 0);
        }
        tb_buf_puts(b, "</select>");
    } else {
        bool foto = !strcmp(x->tipe, "foto");
        if (foto)
            tb_buf_puts(b, "<input type=\"file\" accept=\"image/jpeg,image/png,image/webp\""
                           " capture=\"environment\" class=\"foto\">");
        tb_buf_printf(b, "<%s name=\"j_", !strcmp(x->tipe, "teks") ? "textarea" : "input");
        tb_buf_html(b, x->kode);
        tb_buf_printf(b, "\"%s%s>%s",
                      foto                        ? " type=\"hidden\""
                      : !strcmp(x->tipe, "angka") ? " type=\"number\" min=\"0\" step=\"any\""
                                                    " inputmode=\"decimal\""
                                                  : "",
                      x->wajib ? " required" : "", !strcmp(x->tipe, "teks") ? "</textarea>" : "");
        if (foto)
            tb_buf_puts(b, "<span class=\"foto-status\"></span>");
    }
    tb_buf_puts(b, "</fieldset>");
    return 0;
}

static void isi_form(tb_req *q, tb_buf *b, const tb_kuesioner *k)
{
    char today[11];
    tb_today_iso(today);
    tb_buf_printf(b,
                  "<form class=\"monitoring\" method=\"post\" action=\"/api/v1/monitoring\""
                  " data-versi=\"%ld\" data-kuesioner=\"",
                  k->terbit_id);
    tb_buf_html(b, k->nama);
    tb_buf_puts(b, "\"><label>Desa <select name=\"desa\" required><option value=\"\">- pilih -"
                   "</option>");
    isi_ctx c = {b, q, 0, NULL};
    tb_store_tim_desa_each(q->store, k->lembaga, isi_desa, &c);
    tb_buf_puts(b, "</select></label><label>Posyandu <select name=\"posyandu_id\">"
                   "<option value=\"\">- kunjungan ke desa -</option>");
    tb_store_tim_desa_each(q->store, k->lembaga, isi_desa_pos, &c);
    tb_buf_printf(b,
                  "</select></label><label>Tahap <select name=\"tahap\"><option value=\"1\">"
                  "Tahap 1</option><option value=\"2\">Tahap 2</option></select></label>"
                  "<label>Tanggal <input type=\"date\" name=\"tanggal\" required value=\"%s\">"
                  "</label>",
                  today);
    if (!c.n)
        tb_buf_puts(b, "<p class=\"galat\">Tim lembaga ini belum punya desa binaan: minta TPPS"
                       " kabupaten menambahkannya di halaman Monitoring.</p>");
    tb_store_butir_each(q->store, k->terbit_id, isi_butir, &c);
    tb_buf_puts(b, "<label>Catatan <textarea name=\"catatan\"></textarea></label>"
                   "<button>Simpan</button></form><div id=\"antrian\" class=\"antrian\"></div>");
}

static int isi_choice(void *ctx, const tb_kuesioner *k)
{
    tb_buf *b = ctx;
    if (!k->terbit_id)
        return 0;
    tb_buf_printf(b, "<li><a href=\"/monitoring/isi?kuesioner=%ld\">", k->id);
    tb_buf_html(b, k->nama);
    tb_buf_puts(b, "</a> · ");
    tb_buf_html(b, k->lembaga_nama);
    tb_buf_puts(b, "</li>");
    return 0;
}

void tb_page_monitoring_isi(tb_req *q, tb_res *r)
{
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    const char *id = tb_req_query(q, "kuesioner");
    tb_kuesioner k;
    if (!id || tb_store_kuesioner_get(q->store, atol(id), &k) != 1) {
        tb_html_begin(r, q, "Isi kuesioner monitoring");
        tb_buf_puts(&r->body, "<h1>Isi kuesioner monitoring</h1><ul>");
        tb_store_kuesioner_each(q->store, q->user.wilayah, m.opd ? m.lembaga : NULL, isi_choice,
                                &r->body);
        tb_buf_puts(&r->body, "</ul>");
        return tb_html_end(r);
    }
    if (m.opd && strcmp(m.lembaga, k.lembaga))
        return tb_res_error(r, q, 403, "Kuesioner ini milik lembaga lain.");
    if (!k.terbit_id)
        return tb_res_error(r, q, 409, "Kuesioner ini belum terbit: terbitkan dulu versinya.");
    tb_html_begin(r, q, k.nama);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, k.nama);
    tb_buf_puts(b, "</h1><p>");
    tb_buf_html(b, k.lembaga_nama);
    tb_buf_puts(b, "</p><noscript><p class=\"galat\">Halaman ini perlu JavaScript: jawaban disimpan"
                   " di perangkat lalu dikirim saat ada sambungan.</p></noscript>");
    isi_form(q, b, &k);
    tb_html_end(r);
}

/* --- results per desa and question ---------------------------------------- */

/* What the answers of one stage say: "ya 3 dari 4 (75%)", "rata-rata 4,5",
 * the last choice or text, or the photo. */
static void hasil_text(char *out, size_t n, const tb_hasil_butir *h, int t)
{
    if (!h->n[t])
        snprintf(out, n, "-");
    else if (!strcmp(h->tipe, "ya_tidak"))
        snprintf(out, n, "ya %d dari %d (%.0f%%)", h->ya[t], h->n[t], 100.0 * h->ya[t] / h->n[t]);
    else if (!strcmp(h->tipe, "angka"))
        snprintf(out, n, "rata-rata %.1f", h->jumlah[t] / h->n[t]);
    else if (!strcmp(h->tipe, "foto"))
        snprintf(out, n, "%d foto", h->n[t]);
    else
        snprintf(out, n, "%s", h->teks[t] ? h->teks[t] : "");
    for (char *p = out; *p; p++)
        if (*p == '.' && p > out && p[-1] >= '0' && p[-1] <= '9')
            *p = ','; /* Indonesian decimal comma */
}

static int hasil_row(void *ctx, const tb_hasil_butir *h)
{
    tb_table *t = ctx;
    long row = tb_table_add_row(t);
    if (row < 0)
        return -1;
    tb_table_set_text(t, row, 0, h->desa);
    tb_table_set_text(t, row, 1, h->desa_nama);
    tb_table_set_text(t, row, 2, h->kode);
    tb_table_set_text(t, row, 3, h->label);
    for (int s = 0; s < 2; s++) {
        char txt[300];
        hasil_text(txt, sizeof txt, h, s);
        tb_table_set_num(t, row, 4 + 2 * s, h->n[s]);
        tb_table_set_text(t, row, 5 + 2 * s, txt);
    }
    return 0;
}

static tb_table *hasil_table(tb_req *q, const tb_kuesioner *k, const tb_mon_scope *m)
{
    static const char *const keys[] = {"kode_desa",  "desa",     "kode",       "pertanyaan",
                                       "jawaban_t1", "hasil_t1", "jawaban_t2", "hasil_t2"};
    static const char *const names[] = {"Kode desa",  "Desa",     "Kode",       "Pertanyaan",
                                        "Jawaban T1", "Hasil T1", "Jawaban T2", "Hasil T2"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_INT,  TB_COL_TEXT, TB_COL_INT,  TB_COL_TEXT};
    char title[400];
    snprintf(title, sizeof title, "Hasil monitoring: %s (%s)", k->nama, k->lembaga_nama);
    tb_table *t = tb_table_new(title, 8, keys, names, kinds);
    if (t && tb_store_hasil_butir_each(q->store, k->id, m->wilayah, m->team_of, hasil_row, t) < 0) {
        tb_table_free(t);
        return NULL;
    }
    return t;
}

static int foto_figure(void *ctx, const tb_hasil_foto *h)
{
    tb_buf *b = ctx;
    tb_buf_printf(b,
                  "<figure><a href=\"/monitoring/foto/%ld\"><img src=\"/monitoring/foto/%ld\""
                  " loading=\"lazy\" alt=\"",
                  h->foto_id, h->foto_id);
    tb_buf_html(b, h->label);
    tb_buf_puts(b, "\"></a><figcaption>");
    tb_buf_html(b, h->desa_nama);
    if (h->posyandu) {
        tb_buf_puts(b, " · "); /* the name says "Posyandu ..." itself */
        tb_buf_html(b, h->posyandu);
    }
    tb_buf_puts(b, " · ");
    tb_buf_dmy(b, h->tanggal, h->tanggal);
    tb_buf_printf(b, " · tahap %d<br>", h->tahap);
    tb_buf_html(b, h->label);
    tb_buf_puts(b, "</figcaption></figure>");
    return 0;
}

/* The photos of the results (the latest 60), each opening at full size. */
static void hasil_foto(tb_req *q, tb_buf *b, const tb_kuesioner *k, const tb_mon_scope *m)
{
    enum { MAX = 60 };
    size_t start = b->len;
    tb_buf_printf(b, "<h2>Foto (terbaru, paling banyak %d)</h2><div class=\"foto-daftar\">", MAX);
    size_t empty = b->len;
    if (tb_store_hasil_foto_each(q->store, k->id, m->wilayah, m->team_of, MAX, foto_figure, b) <
            0 ||
        b->len == empty) {
        b->len = start; /* no photo (or none readable): no section */
        b->data[start] = 0;
        return;
    }
    tb_buf_puts(b, "</div>");
}

void tb_page_monitoring_hasil(tb_req *q, tb_res *r)
{
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    const char *id = tb_req_query(q, "kuesioner"), *fmt = tb_req_query(q, "format");
    tb_kuesioner k;
    if (!id || tb_store_kuesioner_get(q->store, atol(id), &k) != 1)
        return tb_res_error(r, q, 404, "Kuesioner tidak ditemukan: pilih dari halaman Monitoring.");
    tb_table *t = hasil_table(q, &k, &m);
    if (!t)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (fmt && !strcmp(fmt, "csv")) {
        char *data = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&data, &len);
        if (f && tb_render_csv(t, f) == 0 && fclose(f) == 0) {
            r->ctype = "text/csv; charset=utf-8";
            snprintf(r->disposition, sizeof r->disposition,
                     "attachment; filename=\"monitoring-%ld.csv\"", k.id);
            tb_buf_put(&r->body, data, len);
        } else {
            if (f)
                fclose(f);
            tb_res_error(r, q, 500, "CSV tidak dapat dibuat.");
        }
        free(data);
        r->no_store = true;
        return tb_table_free(t);
    }
    tb_html_begin(r, q, t->title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<p><a href=\"/monitoring\">Monitoring</a></p><h1>");
    tb_buf_html(b, t->title);
    tb_buf_printf(b,
                  "</h1><p><a href=\"/monitoring/hasil?kuesioner=%ld&amp;format=csv\">Unduh"
                  " CSV</a></p>",
                  k.id);
    static const char *const hide[] = {"kode_desa", NULL};
    tb_render_html(t, b, hide);
    hasil_foto(q, b, &k, &m);
    tb_html_end(r);
    tb_table_free(t);
}

/* --- photos ------------------------------------------------------------------- */

/* The image type of the first bytes of a file (magic numbers), or NULL. */
static const char *image_type(const unsigned char *h, size_t n, const char **ext)
{
    if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF)
        return *ext = "jpg", "image/jpeg";
    if (n >= 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
        return *ext = "png", "image/png";
    if (n >= 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WEBP", 4))
        return *ext = "webp", "image/webp";
    return NULL;
}

/* A client id: 8 to 64 letters, digits and dashes (a uuid). */
static bool client_id_ok(const char *u)
{
    size_t n = strlen(u);
    if (n < 8 || n > 64)
        return false;
    for (; *u; u++)
        if (!((*u >= '0' && *u <= '9') || (*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') ||
              *u == '-'))
            return false;
    return true;
}

static void remove_file(void *ctx, const char *berkas)
{
    (void)ctx;
    unlink(berkas);
}

void tb_api_monitoring_foto(tb_req *q, tb_res *r)
{
    const char *uuid = tb_req_query(q, "uuid");
    if (uuid && *uuid && !client_id_ok(uuid))
        return tb_res_error(r, q, 422, "uuid foto tidak sah (8-64 huruf, angka atau tanda -).");
    if (!q->upload_path || q->upload_len == 0)
        return tb_res_error(r, q, 422,
                            "Foto kosong atau tidak terkirim: pilih foto lalu kirim lagi.");
    if (q->upload_len > TB_FOTO_MAX_BYTES)
        return tb_res_error(r, q, 413,
                            "Foto terlalu besar (paling besar 8 MB): kecilkan ukurannya.");
    unsigned char head[12];
    FILE *f = fopen(q->upload_path, "rb");
    size_t n = f ? fread(head, 1, sizeof head, f) : 0;
    if (f)
        fclose(f);
    const char *ext = NULL, *type = image_type(head, n, &ext);
    if (!type)
        return tb_res_error(r, q, 415, "Berkas ini bukan foto (JPEG, PNG atau WebP).");
    char path[1100];
    const char *slash = strrchr(q->upload_path, '/');
    const char *base = slash ? slash + 1 : q->upload_path;
    snprintf(path, sizeof path, "%.*sfoto-%s.%s", (int)(slash ? slash + 1 - q->upload_path : 0),
             q->upload_path, base + (strncmp(base, "unggah-", 7) ? 0 : 7), ext);
    if (rename(q->upload_path, path))
        return tb_res_error(r, q, 500, "Foto tidak dapat disimpan di server.");
    long id = 0;
    int rc = tb_store_foto_add_uuid(q->store, q->user.id, uuid && *uuid ? uuid : NULL, path, type,
                                    (long)q->upload_len, &id);
    if (rc != 1)
        unlink(path); /* refused, or sent before: the stored photo stays */
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    /* photos of abandoned forms (uploaded, never answered with) go after 7 days */
    tb_store_foto_orphans_delete(q->store, "-7 days", 50, remove_file, NULL);
    r->status = rc == 2 ? 200 : 201;
    r->ctype = "application/json";
    tb_buf_printf(&r->body, "{\"id\":%ld,\"jenis\":\"%s\",\"ukuran\":%lld%s}", id, type,
                  q->upload_len, rc == 2 ? ",\"duplikat\":true" : "");
}

void tb_page_monitoring_foto(tb_req *q, tb_res *r)
{
    char *end, berkas[1100], jenis[32], desa[24];
    long id = strtol(tb_req_param(q, "id"), &end, 10), oleh = 0;
    if (id <= 0 || *end ||
        tb_store_foto_get(q->store, id, berkas, sizeof berkas, jenis, &oleh, desa) != 1)
        return tb_res_error(r, q, 404, "Foto tidak ditemukan.");
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    if (oleh != q->user.id && !(desa[0] && tb_mon_desa_ok(q, &m, desa)))
        return tb_res_error(r, q, 403, "Foto ini dari desa di luar wilayah atau tim Anda.");
    FILE *f = fopen(berkas, "rb");
    if (!f)
        return tb_res_error(r, q, 404, "Berkas foto tidak ada lagi di server.");
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;)
        tb_buf_put(&r->body, buf, n);
    fclose(f);
    r->ctype = !strcmp(jenis, "image/png")    ? "image/png"
               : !strcmp(jenis, "image/webp") ? "image/webp"
                                              : "image/jpeg";
    r->no_store = true;
}

/* --- POST /api/v1/monitoring ------------------------------------------------ */

/* Copies the answers of object jawaban into k (strings kept in vals). */
static const char *read_answers(json_t *jawaban, tb_kunjungan *k, char (*vals)[64])
{
    const char *key;
    json_t *v;
    if (jawaban && !json_is_object(jawaban))
        return "jawaban harus objek {kode: nilai}.";
    json_object_foreach(jawaban, key, v)
    {
        if (k->n >= 64)
            return "Terlalu banyak jawaban (paling banyak 64).";
        if (json_is_string(v))
            k->nilai[k->n] = json_string_value(v);
        else if (json_is_integer(v))
            snprintf(vals[k->n], 64, "%lld", (long long)json_integer_value(v)),
                k->nilai[k->n] = vals[k->n];
        else if (json_is_real(v))
            snprintf(vals[k->n], 64, "%g", json_real_value(v)), k->nilai[k->n] = vals[k->n];
        else if (json_is_boolean(v))
            k->nilai[k->n] = json_is_true(v) ? "ya" : "tidak";
        else
            continue; /* null: not answered */
        k->kode[k->n++] = key;
    }
    return NULL;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static long jlong(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    if (json_is_integer(v))
        return (long)json_integer_value(v);
    return json_is_string(v) ? atol(json_string_value(v)) : 0;
}

/* The visit's questionnaire (versi_id, else kuesioner_id's published
 * version) and its agency; false with the response answered. */
static bool api_kuesioner(tb_req *q, tb_res *r, json_t *o, tb_kunjungan *k, tb_kuesioner *kq)
{
    long kid = 0;
    int ver;
    char terbit[11];
    k->versi_id = jlong(o, "versi_id");
    if (k->versi_id > 0 && tb_store_versi_get(q->store, k->versi_id, &kid, &ver, terbit) != 1)
        kid = 0;
    if (k->versi_id <= 0)
        kid = jlong(o, "kuesioner_id");
    if (kid <= 0 || tb_store_kuesioner_get(q->store, kid, kq) != 1) {
        tb_res_error(r, q, 422, "Kuesioner tidak dikenal (versi_id atau kuesioner_id).");
        return false;
    }
    if (k->versi_id <= 0)
        k->versi_id = kq->terbit_id;
    tb_mon_scope m;
    tb_mon_scope_of(q, &m);
    if (m.opd && strcmp(m.lembaga, kq->lembaga)) {
        tb_res_error(r, q, 403, "Kuesioner ini milik lembaga lain.");
        return false;
    }
    k->lembaga = kq->lembaga;
    if (!k->desa || !tb_scope_code_ok(&q->user, k->desa) ||
        tb_store_tim_desa_ok(q->store, kq->lembaga, k->desa) != 1) {
        tb_res_error(r, q, 403, "Desa ini bukan desa binaan tim lembaga ini di wilayah Anda.");
        return false;
    }
    return true;
}

static void api_answer(tb_res *r, int rc, long id, const tb_kunjungan_galat *g)
{
    r->ctype = "application/json";
    tb_buf *b = &r->body;
    if (rc == 0) {
        r->status = 422;
        tb_buf_puts(b, "{\"galat\":");
        tb_buf_json_str(b, g->pesan);
        tb_buf_puts(b, ",\"periksa\":[{\"kolom\":");
        tb_buf_json_str(b, g->kode);
        tb_buf_puts(b, ",\"pesan\":");
        tb_buf_json_str(b, g->pesan);
        tb_buf_puts(b, "}]}");
        return;
    }
    r->status = rc == 2 ? 200 : 201;
    tb_buf_printf(b, "{\"id\":%ld,\"duplikat\":%s,\"ringkasan\":\"%s\"}", id,
                  rc == 2 ? "true" : "false",
                  rc == 2 ? "Sudah tersimpan sebelumnya." : "Kunjungan monitoring tersimpan.");
}

void tb_api_monitoring(tb_req *q, tb_res *r)
{
    json_error_t jerr;
    json_t *o = json_loadb(q->body, q->body_len, 0, &jerr);
    if (!json_is_object(o)) {
        json_decref(o);
        return tb_res_error(r, q, 400, "JSON tidak valid: kirim objek kunjungan monitoring.");
    }
    tb_kunjungan k = {0};
    char(*vals)[64] = calloc(64, 64);
    const char *uuid = jstr(o, "uuid");
    const char *err = vals ? NULL : "out of memory";
    if (!err && uuid &&
        (strlen(uuid) > 64 || strspn(uuid, "0123456789abcdefABCDEF-") != strlen(uuid)))
        err = "uuid tidak valid.";
    k.uuid = uuid;
    k.desa = jstr(o, "desa");
    k.posyandu_id = jlong(o, "posyandu_id");
    k.tanggal = jstr(o, "tanggal");
    k.tahap = (int)jlong(o, "tahap");
    k.catatan = jstr(o, "catatan");
    if (!err)
        err = read_answers(json_object_get(o, "jawaban"), &k, vals);
    tb_kuesioner kq;
    if (err)
        tb_res_error(r, q, 400, err);
    else if (api_kuesioner(q, r, o, &k, &kq)) {
        long id = 0;
        tb_kunjungan_galat g;
        int rc = tb_store_kunjungan_save(q->store, q->user.id, &k, &id, &g);
        if (rc < 0)
            tb_res_error(r, q, 500, tb_store_error(q->store));
        else
            api_answer(r, rc, id, &g);
    }
    free(vals);
    json_decref(o);
}
