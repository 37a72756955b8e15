/*
 * rapat.c - the meeting pages: the meetings of the user's area, a new
 * meeting, the meeting page (details, attendance, decisions and
 * commitments, problems with recommendations and escalation, the problems
 * escalated from below with their answer, the actions of the meeting and
 * the open actions of earlier meetings of its kind and area), its forms,
 * and the minutes (notulen) as PDF.
 *
 * Who edits: TPPS kecamatan its kecamatan's lokmin, the desa its rembuk,
 * TPPS kabupaten and admin kabupaten the kabupaten's rakor, rembuk and case
 * audit: the user's area is the meeting's. Everybody whose area holds the
 * meeting, or lies under it, may read it. A refused form comes back filled,
 * with the error next to it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/clock.h"
#include "format/render.h"
#include "format/render_html.h"
#include "report/layanan.h"
#include "report/rapat.h"
#include "store/rapat.h"
#include "store/tpps.h"
#include "store/wilayah.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/rapat.h"
#include "web/scope.h"

bool tb_rapat_view_ok(const tb_user *u, const char *wilayah)
{
    size_t n = strlen(wilayah);
    return tb_scope_code_ok(u, wilayah) ||
           (!strncmp(u->wilayah, wilayah, n) && u->wilayah[n] == '.');
}

bool tb_rapat_edit_ok(const tb_user *u, const char *wilayah)
{
    unsigned role = tb_role_bit(u->peran);
    return (role & TB_RAPAT_EDIT) && !strcmp(u->wilayah, wilayah);
}

long tb_web_path_id(tb_req *q, const char *name)
{
    char *end;
    const char *v = tb_req_param(q, name);
    long id = v && *v ? strtol(v, &end, 10) : 0;
    return id > 0 && !*end ? id : 0;
}

/* The meeting of the path into m (allocated), readable by the user; false
 * after answering the error. */
static bool rapat_load(tb_req *q, tb_res *r, tb_rapat **m)
{
    long id = tb_web_path_id(q, "id");
    *m = malloc(sizeof **m);
    int f = *m && id ? tb_store_rapat_get(q->store, id, *m) : 0;
    if (f == 1 && tb_rapat_view_ok(&q->user, (*m)->wilayah))
        return true;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else
        tb_res_error(r, q, f == 0 ? 404 : 403,
                     f == 0 ? "Rapat tidak ditemukan." : "Rapat ini di luar wilayah kerja Anda.");
    free(*m);
    *m = NULL;
    return false;
}

/* The form that was refused (bagian) and why, to show it again filled. */
typedef struct {
    const char *bagian, *err;
} form_state;

/* What the user typed in field name of form bagian when that form was
 * refused, else dflt. */
static const char *fv(tb_req *q, const form_state *fs, const char *bagian, const char *name,
                      const char *dflt)
{
    if (fs && fs->bagian && !strcmp(fs->bagian, bagian)) {
        const char *v = tb_req_form(q, name);
        return v ? v : "";
    }
    return dflt ? dflt : "";
}

/* Opens a form posting to /rapat/ID/bagian, with the error of a refusal. */
static void form_open(tb_buf *b, tb_req *q, const form_state *fs, long id, const char *bagian,
                      const char *title)
{
    tb_buf_printf(b, "<form method=\"post\" class=\"rapat-form\" action=\"/rapat/%ld/%s\">", id,
                  bagian);
    tb_buf_printf(b, "<fieldset><legend>%s</legend>", title);
    if (fs && fs->bagian && !strcmp(fs->bagian, bagian)) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, fs->err);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
}

static void form_close(tb_buf *b, const char *button)
{
    tb_buf_printf(b, "<button>%s</button></fieldset></form>", button);
}

void tb_web_input(tb_buf *b, const char *label, const char *name, const char *type,
                  const char *value, bool required)
{
    tb_buf_printf(b, "<label>%s <input name=\"%s\" type=\"%s\"%s value=\"", label, name, type,
                  required ? " required" : "");
    tb_buf_html(b, value ? value : "");
    tb_buf_puts(b, "\"></label> ");
}

static void textarea(tb_buf *b, const char *label, const char *name, const char *value)
{
    tb_buf_printf(b, "<label>%s <textarea name=\"%s\" rows=\"4\">", label, name);
    tb_buf_html(b, value);
    tb_buf_puts(b, "</textarea></label> ");
}

void tb_web_option(tb_buf *b, const char *value, const char *label, const char *chosen)
{
    tb_buf_puts(b, "<option value=\"");
    tb_buf_html(b, value);
    tb_buf_printf(b, "\"%s>", chosen && !strcmp(chosen, value) ? " selected" : "");
    tb_buf_html(b, label);
    tb_buf_puts(b, "</option>");
}

/* Options of the institutions around an area. */
typedef struct {
    tb_buf *b;
    const char *chosen;
} opt_ctx;

static int lembaga_opt(void *ctx, const tb_lembaga *l)
{
    opt_ctx *c = ctx;
    tb_web_option(c->b, l->kode, l->nama, c->chosen);
    return 0;
}

void tb_web_lembaga_select(tb_buf *b, tb_store *s, const char *wilayah, const char *label,
                           const char *name, const char *chosen)
{
    tb_buf_printf(b, "<label>%s <select name=\"%s\"><option value=\"\">-</option>", label, name);
    opt_ctx c = {b, chosen};
    tb_store_lembaga_each(s, wilayah, lembaga_opt, &c);
    tb_buf_puts(b, "</select></label> ");
}

static int wilayah_opt(void *ctx, const char *kode, const char *nama)
{
    opt_ctx *c = ctx;
    tb_web_option(c->b, kode, nama, c->chosen);
    return 0;
}

/* A select of the meeting's area and the areas one level under it. */
static void area_select(tb_buf *b, tb_store *s, const tb_rapat *m, const char *label,
                        const char *name, const char *chosen, bool blank)
{
    tb_buf_printf(b, "<label>%s <select name=\"%s\">", label, name);
    if (blank)
        tb_buf_puts(b, "<option value=\"\">-</option>");
    tb_web_option(b, m->wilayah, m->wilayah_nama, chosen);
    opt_ctx c = {b, chosen};
    tb_store_wilayah_anak(s, m->wilayah, wilayah_opt, &c);
    tb_buf_puts(b, "</select></label> ");
}

static int jenis_opt(void *ctx, const char *kode, const char *nama, const char *dasar, int tahapan)
{
    (void)dasar, (void)tahapan;
    opt_ctx *c = ctx;
    tb_web_option(c->b, kode, nama, c->chosen);
    return 0;
}

/* The fields of a meeting (new or edit form). */
static void rapat_fields(tb_buf *b, tb_req *q, const form_state *fs, const char *bagian,
                         const tb_rapat *m)
{
    if (!m) {
        tb_buf_puts(b, "<label>Jenis rapat <select name=\"jenis\">");
        opt_ctx c = {b, fv(q, fs, bagian, "jenis", "")};
        tb_store_rapat_jenis_each(q->store, jenis_opt, &c);
        tb_buf_puts(b, "</select></label> ");
    }
    char today[11];
    tb_today_iso(today);
    tb_web_input(b, "Judul", "judul", "text", fv(q, fs, bagian, "judul", m ? m->judul : ""), true);
    tb_web_input(b, "Tanggal", "tanggal", "date",
                 fv(q, fs, bagian, "tanggal", m ? m->tanggal : today), true);
    tb_web_input(b, "Tempat", "tempat", "text", fv(q, fs, bagian, "tempat", m ? m->tempat : ""),
                 false);
    char th[12];
    snprintf(th, sizeof th, "%d", m ? m->tahap : 0);
    const char *tahap = fv(q, fs, bagian, "tahap", th);
    tb_buf_puts(b, "<label>Tahap (lokakarya mini) <select name=\"tahap\">");
    tb_web_option(b, "0", "-", tahap);
    for (int i = 1; i <= 6; i++) {
        char v[12];
        snprintf(v, sizeof v, "%d", i);
        tb_web_option(b, v, tb_rapat_tahap_label(i), tahap);
    }
    tb_buf_puts(b, "</select></label> ");
    textarea(b, "Agenda", "agenda", fv(q, fs, bagian, "agenda", m ? m->agenda : ""));
    textarea(b, "Notulen", "notulen", fv(q, fs, bagian, "notulen", m ? m->notulen : ""));
}

/* Reads the meeting fields of a form into m; the kind only when new. */
static void rapat_from_form(tb_req *q, tb_rapat *m, bool new_one)
{
    const char *v;
#define COPY(field, name)                                                                          \
    if ((v = tb_req_form(q, name)) != NULL)                                                        \
    snprintf(m->field, sizeof m->field, "%s", v)
    if (new_one) {
        COPY(jenis_kode, "jenis");
    }
    COPY(judul, "judul");
    COPY(tanggal, "tanggal");
    COPY(tempat, "tempat");
    COPY(agenda, "agenda");
    COPY(notulen, "notulen");
#undef COPY
    v = tb_req_form(q, "tahap");
    m->tahap = v ? atoi(v) : 0;
}

/* One meeting of the list. */
static int list_row(void *ctx, const tb_rapat *m)
{
    tb_buf *b = ctx;
    tb_buf_printf(b, "<tr><td><a href=\"/rapat/%ld\">", m->id);
    tb_buf_html(b, m->tanggal);
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, m->jenis_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, m->judul);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, m->wilayah_nama);
    tb_buf_printf(b, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>", m->n_masalah,
                  m->n_tindakan);
    return 0;
}

static void rapat_list(tb_req *q, tb_res *r, const char *wilayah, const form_state *fs);

/* The form with which the kabupaten adds a kind of meeting. */
static void jenis_form(tb_buf *b, tb_req *q, const form_state *fs)
{
    const char *k = "jenis";
    tb_buf_puts(b, "<form method=\"post\" class=\"rapat-form\" action=\"/rapat/jenis\"><fieldset>"
                   "<legend>Jenis rapat baru (kabupaten)</legend>");
    if (fs && fs->bagian && !strcmp(fs->bagian, k)) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, fs->err);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
    tb_web_input(b, "Kode", "kode", "text", fv(q, fs, k, "kode", ""), true);
    tb_web_input(b, "Nama", "nama", "text", fv(q, fs, k, "nama", ""), true);
    const char *d = fv(q, fs, k, "dasar", "rakor");
    tb_buf_puts(b, "<label>Diadakan seperti <select name=\"dasar\">");
    tb_web_option(b, "minilok", "Lokakarya mini (kecamatan)", d);
    tb_web_option(b, "rakor", "Rakor (kabupaten)", d);
    tb_web_option(b, "rembuk", "Rembuk (desa atau kabupaten)", d);
    tb_web_option(b, "audit_kasus", "Audit kasus (kabupaten)", d);
    tb_buf_puts(b, "</select></label>");
    form_close(b, "Tambah jenis");
}

void tb_page_rapat_jenis(tb_req *q, tb_res *r)
{
    const char *kode = tb_req_form(q, "kode"), *nama = tb_req_form(q, "nama");
    const char *dasar = tb_req_form(q, "dasar");
    if (tb_store_rapat_jenis_add(q->store, q->user.id, kode, nama, dasar, 0) < 0) {
        char err[300];
        snprintf(err, sizeof err, "%s", tb_store_error(q->store));
        form_state fs = {"jenis", err};
        rapat_list(q, r, q->user.wilayah, &fs);
        r->status = 422;
        return;
    }
    tb_res_redirect(r, "/rapat");
}

/* The list page, with the new-meeting form (filled again after a refusal). */
static void rapat_list(tb_req *q, tb_res *r, const char *wilayah, const form_state *fs)
{
    tb_html_begin(r, q, "Rapat koordinasi");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Rapat koordinasi</h1><p><a href=\"/tindakan\">Tindak lanjut</a> · "
                   "<a href=\"/tindakan?daftar=lewat\">Lewat tenggat</a> · "
                   "<a href=\"/audit-kasus\">Audit kasus stunting</a></p>");
    if (tb_role_bit(q->user.peran) & TB_RAPAT_EDIT) {
        tb_buf_puts(b, "<form method=\"post\" class=\"rapat-form\" action=\"/rapat\"><fieldset>"
                       "<legend>Rapat baru</legend>");
        if (fs && fs->err && !strcmp(fs->bagian, "baru")) {
            tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
            tb_buf_html(b, fs->err);
            tb_buf_puts(b, "</p>");
        }
        tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
        tb_buf_html(b, q->csrf);
        tb_buf_puts(b, "\">");
        rapat_fields(b, q, fs, "baru", NULL);
        form_close(b, "Buat rapat");
    }
    if (tb_role_bit(q->user.peran) & (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB))
        jenis_form(b, q, fs);
    tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Tanggal</th><th>Jenis</th>"
                   "<th>Judul</th><th>Wilayah</th><th class=\"n\">Masalah</th>"
                   "<th class=\"n\">Tindakan</th></tr></thead><tbody>");
    if (tb_store_rapat_each(q->store, wilayah, 300, list_row, b) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div>");
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_rapat_list(tb_req *q, tb_res *r)
{
    const char *w = tb_req_query(q, "wilayah");
    if (w && *w && !tb_scope_code_ok(&q->user, w))
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    rapat_list(q, r, w && *w ? w : q->user.wilayah, NULL);
}

void tb_page_rapat_baru(tb_req *q, tb_res *r)
{
    tb_rapat *m = calloc(1, sizeof *m);
    if (!m)
        return tb_res_error(r, q, 500, "Memori habis.");
    rapat_from_form(q, m, true);
    snprintf(m->wilayah, sizeof m->wilayah, "%s", q->user.wilayah);
    if (tb_store_rapat_save(q->store, q->user.id, m) < 0) {
        char err[300];
        snprintf(err, sizeof err, "%s", tb_store_error(q->store));
        form_state fs = {"baru", err};
        free(m);
        rapat_list(q, r, q->user.wilayah, &fs);
        r->status = 422;
        return;
    }
    char to[48];
    snprintf(to, sizeof to, "/rapat/%ld", m->id);
    free(m);
    tb_web_data_changed();
    tb_res_redirect(r, to);
}

static int peserta_row(void *ctx, const tb_peserta *p)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, p->nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, p->jabatan ? p->jabatan : "");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, p->instansi ? p->instansi : "");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int keputusan_li(void *ctx, const tb_keputusan *k)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, !strcmp(k->jenis, "komitmen") ? "<li><strong>Komitmen</strong> " : "<li>");
    if (k->pihak) {
        tb_buf_html(b, k->pihak);
        tb_buf_puts(b, ": ");
    }
    tb_buf_html(b, k->uraian);
    tb_buf_puts(b, "</li>");
    return 0;
}

/* The problems of a meeting, listed and offered in a select. */
typedef struct {
    tb_buf *b, *opts;
    const char *chosen;
    int n;
} masalah_ctx;

static int masalah_li(void *ctx, const tb_masalah *m)
{
    masalah_ctx *c = ctx;
    char id[24];
    snprintf(id, sizeof id, "%ld", m->id);
    tb_web_option(c->opts, id, m->uraian, c->chosen);
    tb_buf_printf(c->b, "<li id=\"m%ld\">", m->id);
    tb_buf_html(c->b, m->uraian);
    if (m->desa_nama || m->tema) {
        tb_buf_puts(c->b, " <small>(");
        tb_buf_html(c->b, m->desa_nama ? m->desa_nama : m->tema);
        tb_buf_puts(c->b, ")</small>");
    }
    if (m->rekomendasi) {
        tb_buf_puts(c->b, "<br>Rekomendasi: ");
        tb_buf_html(c->b, m->rekomendasi);
    }
    if (m->naik_ke) {
        tb_buf_puts(c->b, "<br><strong>Dinaikkan ke ");
        tb_buf_html(c->b, m->naik_ke);
        tb_buf_puts(c->b, "</strong>: ");
        tb_buf_html(c->b, m->jawaban ? m->jawaban : "belum dijawab");
    }
    tb_buf_puts(c->b, "</li>");
    c->n++;
    return 0;
}

static int naik_li(void *ctx, const tb_masalah *m)
{
    masalah_ctx *c = ctx;
    char id[24];
    snprintf(id, sizeof id, "%ld", m->id);
    tb_web_option(c->opts, id, m->uraian, c->chosen);
    tb_buf_puts(c->b, "<li>");
    tb_buf_html(c->b, m->uraian);
    tb_buf_puts(c->b, " <small>dari ");
    tb_buf_html(c->b, m->asal_judul);
    tb_buf_puts(c->b, ", ");
    tb_buf_html(c->b, m->asal_wilayah ? m->asal_wilayah : "");
    tb_buf_puts(c->b, ", ");
    tb_buf_html(c->b, m->asal_tanggal);
    tb_buf_puts(c->b, "</small>");
    if (m->jawaban) {
        tb_buf_puts(c->b, "<br>Jawaban: ");
        tb_buf_html(c->b, m->jawaban);
    }
    tb_buf_puts(c->b, "</li>");
    c->n++;
    return 0;
}

static int balik_li(void *ctx, const tb_masalah *m)
{
    masalah_ctx *c = ctx;
    tb_buf_puts(c->b, "<li>");
    tb_buf_html(c->b, m->uraian);
    tb_buf_puts(c->b, " <small>(");
    tb_buf_html(c->b, m->asal_tanggal);
    tb_buf_puts(c->b, ", dinaikkan ke ");
    tb_buf_html(c->b, m->naik_ke);
    tb_buf_puts(c->b, ")</small><br>");
    tb_buf_puts(c->b, m->jawaban ? "Jawaban: " : "Belum dijawab.");
    if (m->jawaban)
        tb_buf_html(c->b, m->jawaban);
    tb_buf_puts(c->b, "</li>");
    c->n++;
    return 0;
}

/* The forms to add problems, recommendations and escalations. */
static void masalah_forms(tb_buf *b, tb_req *q, const form_state *fs, const tb_rapat *m,
                          const tb_buf *opts)
{
    form_open(b, q, fs, m->id, "masalah", "Masalah baru");
    tb_web_input(b, "Masalah", "uraian", "text", fv(q, fs, "masalah", "uraian", ""), true);
    area_select(b, q->store, m, "Desa", "desa", fv(q, fs, "masalah", "desa", ""), true);
    tb_web_input(b, "Tema", "tema", "text", fv(q, fs, "masalah", "tema", ""), false);
    tb_buf_printf(b,
                  "<label><input type=\"checkbox\" name=\"naik\" value=\"1\"%s> Naikkan ke"
                  " tingkat di atas</label> ",
                  *fv(q, fs, "masalah", "naik", "") ? " checked" : "");
    form_close(b, "Tambah masalah");
    if (!opts->len)
        return;
    form_open(b, q, fs, m->id, "rekomendasi", "Rekomendasi");
    tb_buf_puts(b, "<label>Untuk masalah <select name=\"masalah_id\">");
    tb_buf_put(b, opts->data, opts->len);
    tb_buf_puts(b, "</select></label> ");
    tb_web_input(b, "Rekomendasi", "uraian", "text", fv(q, fs, "rekomendasi", "uraian", ""), true);
    form_close(b, "Tambah rekomendasi");
    form_open(b, q, fs, m->id, "naik", "Naikkan masalah ke tingkat di atas");
    tb_buf_puts(b, "<label>Masalah <select name=\"masalah_id\">");
    tb_buf_put(b, opts->data, opts->len);
    tb_buf_puts(b, "</select></label> ");
    form_close(b, "Naikkan");
}

/* The action form of a meeting. */
static void tindakan_form(tb_buf *b, tb_req *q, const form_state *fs, const tb_rapat *m,
                          const tb_buf *opts)
{
    static const char *const SUMBER[] = {"APBDes", "APBD", "DAK", "BOK", "BOKB", "CSR", "lainnya"};
    static const char *const IND[] = {"ds", "nd", "stunting", "terukur"};
    const char *k = "tindakan";
    form_open(b, q, fs, m->id, k, "Tindakan (rencana tindak lanjut)");
    if (opts->len) {
        tb_buf_puts(b, "<label>Masalah <select name=\"masalah_id\"><option value=\"\">-</option>");
        tb_buf_put(b, opts->data, opts->len);
        tb_buf_puts(b, "</select></label> ");
    }
    tb_web_input(b, "Tindakan", "uraian", "text", fv(q, fs, k, "uraian", ""), true);
    tb_web_lembaga_select(b, q->store, m->wilayah, "Pelaksana", "pelaksana",
                          fv(q, fs, k, "pelaksana", ""));
    tb_web_lembaga_select(b, q->store, m->wilayah, "Lembaga penanggung jawab", "pj_lembaga",
                          fv(q, fs, k, "pj_lembaga", ""));
    tb_web_input(b, "Nama penanggung jawab", "pj_nama", "text", fv(q, fs, k, "pj_nama", ""), false);
    area_select(b, q->store, m, "Wilayah", "wilayah", fv(q, fs, k, "wilayah", m->wilayah), false);
    const char *sb = fv(q, fs, k, "sumber_anggaran", "");
    tb_buf_puts(b, "<label>Sumber anggaran <select name=\"sumber_anggaran\">"
                   "<option value=\"\">-</option>");
    for (size_t i = 0; i < sizeof SUMBER / sizeof SUMBER[0]; i++)
        tb_web_option(b, SUMBER[i], SUMBER[i], sb);
    tb_buf_puts(b, "</select></label> ");
    tb_web_input(b, "Anggaran (Rp)", "anggaran", "number", fv(q, fs, k, "anggaran", ""), false);
    tb_web_input(b, "Tenggat", "tenggat", "date", fv(q, fs, k, "tenggat", ""), true);
    tb_web_input(b, "Target (volume)", "target_volume", "text", fv(q, fs, k, "target_volume", ""),
                 false);
    const char *ind = fv(q, fs, k, "indikator", "");
    tb_buf_puts(b, "<label>Indikator target <select name=\"indikator\">"
                   "<option value=\"\">-</option>");
    for (size_t i = 0; i < sizeof IND / sizeof IND[0]; i++)
        tb_web_option(b, IND[i], tb_indikator_label(IND[i]), ind);
    tb_buf_puts(b, "</select></label> ");
    area_select(b, q->store, m, "Wilayah indikator", "indikator_wilayah",
                fv(q, fs, k, "indikator_wilayah", ""), true);
    tb_web_input(b, "Nilai target (%)", "target_nilai", "number", fv(q, fs, k, "target_nilai", ""),
                 false);
    tb_web_input(b, "Bulan target", "target_bulan", "month", fv(q, fs, k, "target_bulan", ""),
                 false);
    form_close(b, "Tambah tindakan");
}

/* One TPPS member of the meeting's area as a choice for the attendance list. */
static int anggota_option(void *ctx, const tb_tpps_anggota *a)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<option value=\"");
    tb_buf_html(b, a->nama);
    tb_buf_puts(b, "\">");
    tb_buf_html(b, a->jabatan ? a->jabatan : "");
    if (a->lembaga_nama || a->instansi) {
        tb_buf_puts(b, " - ");
        tb_buf_html(b, a->lembaga_nama ? a->lembaga_nama : a->instansi);
    }
    tb_buf_puts(b, "</option>");
    return 0;
}

/* A member of the TPPS of the meeting's area named nama (the first), for
 * filling a participant's post and institution from the decree's list. */
typedef struct {
    const char *nama;
    char jabatan[200], lembaga[64], instansi[200];
    bool found;
} anggota_cari;

static int anggota_match(void *ctx, const tb_tpps_anggota *a)
{
    anggota_cari *c = ctx;
    if (c->found || !a->nama || strcmp(a->nama, c->nama))
        return 0;
    c->found = true;
    snprintf(c->jabatan, sizeof c->jabatan, "%s", a->jabatan ? a->jabatan : "");
    snprintf(c->lembaga, sizeof c->lembaga, "%s", a->lembaga ? a->lembaga : "");
    snprintf(c->instansi, sizeof c->instansi, "%s", a->instansi ? a->instansi : "");
    return 0;
}

/* The attendance, decisions and their forms. */
static void hadir_section(tb_buf *b, tb_req *q, const form_state *fs, const tb_rapat *m, bool edit)
{
    tb_buf_puts(b, "<h2>Daftar hadir</h2><div class=\"tabel\"><table><thead><tr><th>Nama</th>"
                   "<th>Jabatan</th><th>Instansi</th></tr></thead><tbody>");
    tb_store_peserta_each(q->store, m->id, peserta_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (edit) {
        form_open(b, q, fs, m->id, "peserta", "Peserta");
        /* the name typed, or one of the area's TPPS members (their post and
         * institution then come from the decree's list) */
        tb_buf_puts(b, "<label>Nama (ketik, atau pilih anggota TPPS) <input name=\"nama\""
                       " type=\"text\" required list=\"anggota-tpps\" value=\"");
        tb_buf_html(b, fv(q, fs, "peserta", "nama", ""));
        tb_buf_puts(b, "\"></label> <datalist id=\"anggota-tpps\">");
        tb_store_tpps_anggota_each(q->store, m->wilayah, anggota_option, b);
        tb_buf_puts(b, "</datalist>");
        tb_web_input(b, "Jabatan / peran", "jabatan", "text", fv(q, fs, "peserta", "jabatan", ""),
                     false);
        tb_web_lembaga_select(b, q->store, m->wilayah, "Lembaga", "lembaga",
                              fv(q, fs, "peserta", "lembaga", ""));
        tb_web_input(b, "atau instansi (ketik)", "instansi", "text",
                     fv(q, fs, "peserta", "instansi", ""), false);
        form_close(b, "Tambah peserta");
    }
    tb_buf_puts(b, "<h2>Keputusan dan komitmen</h2><ul>");
    tb_store_keputusan_each(q->store, m->id, keputusan_li, b);
    tb_buf_puts(b, "</ul>");
    if (edit) {
        const char *j = fv(q, fs, "keputusan", "jenis", "keputusan");
        form_open(b, q, fs, m->id, "keputusan", "Keputusan atau komitmen");
        tb_buf_puts(b, "<label>Jenis <select name=\"jenis\">");
        tb_web_option(b, "keputusan", "Keputusan", j);
        tb_web_option(b, "komitmen", "Komitmen", j);
        tb_buf_puts(b, "</select></label> ");
        tb_web_input(b, "Uraian", "uraian", "text", fv(q, fs, "keputusan", "uraian", ""), true);
        tb_web_input(b, "Pihak (yang berkomitmen)", "pihak", "text",
                     fv(q, fs, "keputusan", "pihak", ""), false);
        form_close(b, "Tambah");
    }
}

/* The problems, escalations and actions of the meeting. */
static void masalah_section(tb_buf *b, tb_req *q, const form_state *fs, const tb_rapat *m,
                            bool edit)
{
    tb_buf opts = {0}, nopts = {0};
    masalah_ctx c = {b, &opts, fv(q, fs, "rekomendasi", "masalah_id", ""), 0};
    tb_buf_puts(b, "<h2>Masalah dan rekomendasi</h2><ol>");
    tb_store_masalah_each(q->store, m->id, masalah_li, &c);
    tb_buf_puts(b, "</ol>");
    if (edit)
        masalah_forms(b, q, fs, m, &opts);
    tb_buf bopts = {0};
    masalah_ctx back = {b, &bopts, NULL, 0};
    tb_buf_puts(b, "<h2>Masalah yang dinaikkan dari rapat sebelumnya</h2><ul>");
    tb_store_masalah_balik_each(q->store, m->id, balik_li, &back);
    tb_buf_puts(b, back.n ? "</ul>" : "<li>Tidak ada.</li></ul>");
    tb_buf_free(&bopts);
    masalah_ctx n = {b, &nopts, fv(q, fs, "jawaban", "masalah_id", ""), 0};
    tb_buf_puts(b, "<h2>Masalah dari tingkat di bawah</h2><ul>");
    tb_store_masalah_naik_each(q->store, m->id, naik_li, &n);
    tb_buf_puts(b, n.n ? "</ul>" : "<li>Tidak ada.</li></ul>");
    if (edit && n.n) {
        form_open(b, q, fs, m->id, "jawaban", "Jawaban atas masalah dari tingkat di bawah");
        tb_buf_puts(b, "<label>Masalah <select name=\"masalah_id\">");
        tb_buf_put(b, nopts.data, nopts.len);
        tb_buf_puts(b, "</select></label> ");
        tb_web_input(b, "Jawaban", "jawaban", "text", fv(q, fs, "jawaban", "jawaban", ""), true);
        form_close(b, "Simpan jawaban");
    }
    tb_buf_puts(b, "<h2 id=\"tindakan\">Tindak lanjut</h2>");
    char month[8];
    tb_this_month(month);
    tb_tindakan_filter f1 = {.rapat_id = m->id, .status = "all"};
    tb_tindakan_filter f2 = {.carry_rapat_id = m->id, .status = "all"};
    tb_table *t = NULL;
    if (tb_report_tindak_lanjut(q->store, &f1, month, &t) == 0) {
        tb_render_html(t, b, NULL);
        tb_table_free(t);
    }
    if (edit)
        tindakan_form(b, q, fs, m, &opts);
    if (tb_report_tindak_lanjut(q->store, &f2, month, &t) == 0) {
        free(t->title);
        t->title = strdup("Tindak lanjut rapat sebelumnya (ditinjau di rapat ini)");
        tb_render_html(t, b, NULL);
        tb_table_free(t);
    }
    tb_buf_free(&opts);
    tb_buf_free(&nopts);
}

/* The meeting page; fs: a refused form to show again filled. */
static void rapat_page(tb_req *q, tb_res *r, const tb_rapat *m, const form_state *fs)
{
    bool edit = tb_rapat_edit_ok(&q->user, m->wilayah);
    tb_html_begin(r, q, m->judul);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<article class=\"rapat\"><h1>");
    tb_buf_html(b, m->judul);
    tb_buf_puts(b, "</h1><p>");
    tb_buf_html(b, m->jenis_nama);
    tb_buf_puts(b, " · ");
    tb_buf_html(b, m->tanggal);
    tb_buf_puts(b, " · ");
    tb_buf_html(b, m->tempat[0] ? m->tempat : "tempat belum diisi");
    tb_buf_puts(b, " · ");
    tb_buf_html(b, m->wilayah_nama);
    if (m->tahap)
        tb_buf_printf(b, " · Tahap %d: %s", m->tahap, tb_rapat_tahap_label(m->tahap));
    tb_buf_printf(b,
                  "</p><p class=\"no-cetak\"><a href=\"/rapat/%ld/notulen.pdf\">Notulen (PDF)"
                  "</a> · <a href=\"/rapat/%ld/berita-acara.pdf\">Berita acara (PDF)</a> ·"
                  " <a href=\"/rapat/%ld/bahan\">Bahan rapat (angka wilayah)</a> ·"
                  " <a href=\"/rapat\">Semua rapat</a></p><h2>Agenda</h2><p>",
                  m->id, m->id, m->id);
    tb_buf_html(b, m->agenda[0] ? m->agenda : "-");
    tb_buf_puts(b, "</p><h2>Notulen</h2><p class=\"notulen\">");
    tb_buf_html(b, m->notulen[0] ? m->notulen : "-");
    tb_buf_puts(b, "</p>");
    if (edit) {
        form_open(b, q, fs, m->id, "ubah", "Ubah rapat");
        rapat_fields(b, q, fs, "ubah", m);
        form_close(b, "Simpan");
    }
    hadir_section(b, q, fs, m, edit);
    masalah_section(b, q, fs, m, edit);
    if (!strcmp(m->jenis, "audit_kasus"))
        tb_web_aks_rapat_section(b, q, m->id);
    tb_web_lampiran_section(b, q, m->id, edit);
    tb_buf_puts(b, "</article>");
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_rapat(tb_req *q, tb_res *r)
{
    tb_rapat *m;
    if (!rapat_load(q, r, &m))
        return;
    rapat_page(q, r, m, NULL);
    free(m);
}

/* Is code the meeting's area or under it? */
static bool in_meeting(const tb_rapat *m, const char *code)
{
    size_t n = strlen(m->wilayah);
    return code && (!strcmp(code, m->wilayah) || (!strncmp(code, m->wilayah, n) && code[n] == '.'));
}

static long form_long(tb_req *q, const char *name)
{
    const char *v = tb_req_form(q, name);
    return v && *v ? strtol(v, NULL, 10) : 0;
}

static double form_num(tb_req *q, const char *name, bool *bad)
{
    const char *v = tb_req_form(q, name);
    if (!v || !*v)
        return NAN;
    char *end;
    double d = strtod(v, &end);
    if (*end)
        *bad = true;
    return d;
}

/* Adds the action of the form to meeting m. 0 or -1 (*why set). */
static int save_tindakan(tb_req *q, const tb_rapat *m, const char **why)
{
    bool bad = false;
    tb_tindakan t = {.rapat_id = m->id,
                     .masalah_id = form_long(q, "masalah_id"),
                     .uraian = tb_req_form(q, "uraian"),
                     .pelaksana = tb_req_form(q, "pelaksana"),
                     .pj_lembaga = tb_req_form(q, "pj_lembaga"),
                     .pj_nama = tb_req_form(q, "pj_nama"),
                     .wilayah = tb_req_form(q, "wilayah"),
                     .sumber_anggaran = tb_req_form(q, "sumber_anggaran"),
                     .anggaran = form_num(q, "anggaran", &bad),
                     .tenggat = tb_req_form(q, "tenggat"),
                     .target_volume = tb_req_form(q, "target_volume"),
                     .indikator = tb_req_form(q, "indikator"),
                     .indikator_wilayah = tb_req_form(q, "indikator_wilayah"),
                     .target_nilai = form_num(q, "target_nilai", &bad),
                     .target_bulan = tb_req_form(q, "target_bulan")};
    if (bad)
        return *why = "Anggaran dan nilai target berupa angka.", -1;
    if (t.wilayah && *t.wilayah && !in_meeting(m, t.wilayah))
        return *why = "Wilayah tindakan di luar wilayah rapat.", -1;
    if (t.indikator && *t.indikator && !in_meeting(m, t.indikator_wilayah))
        return *why = "Wilayah indikator harus di dalam wilayah rapat.", -1;
    return tb_store_tindakan_add(q->store, q->user.id, &t);
}

/* Saves form bagian of meeting m. 0, -1 (store error or *why), 1 unknown form. */
static int save_bagian(tb_req *q, tb_rapat *m, const char *bagian, const char **why)
{
    long u = q->user.id;
    tb_store *s = q->store;
    if (!strcmp(bagian, "ubah")) {
        rapat_from_form(q, m, false);
        return tb_store_rapat_save(s, u, m);
    }
    if (!strcmp(bagian, "peserta")) {
        tb_peserta p = {0, tb_req_form(q, "nama"), tb_req_form(q, "jabatan"),
                        tb_req_form(q, "instansi"), tb_req_form(q, "lembaga")};
        anggota_cari c = {.nama = p.nama ? p.nama : ""};
        if (p.nama && tb_store_tpps_anggota_each(s, m->wilayah, anggota_match, &c) == 0 &&
            c.found) { /* a member of the TPPS: post and institution from the decree */
            if (!p.jabatan || !*p.jabatan)
                p.jabatan = c.jabatan;
            if ((!p.lembaga || !*p.lembaga) && (!p.instansi || !*p.instansi)) {
                p.lembaga = c.lembaga[0] ? c.lembaga : NULL;
                p.instansi = c.instansi[0] ? c.instansi : p.instansi;
            }
        }
        return tb_store_peserta_add(s, u, m->id, &p);
    }
    if (!strcmp(bagian, "keputusan")) {
        tb_keputusan k = {0, tb_req_form(q, "jenis"), tb_req_form(q, "uraian"),
                          tb_req_form(q, "pihak"), NULL};
        return tb_store_keputusan_add(s, u, m->id, &k);
    }
    if (!strcmp(bagian, "masalah")) {
        tb_masalah x = {.uraian = tb_req_form(q, "uraian"),
                        .desa = tb_req_form(q, "desa"),
                        .tema = tb_req_form(q, "tema")};
        if (x.desa && !*x.desa)
            x.desa = NULL;
        const char *naik = tb_req_form(q, "naik");
        return tb_store_masalah_add(s, u, m->id, &x, naik && *naik, NULL);
    }
    if (!strcmp(bagian, "rekomendasi"))
        return tb_store_rekomendasi_add(s, u, m->id, form_long(q, "masalah_id"),
                                        tb_req_form(q, "uraian"), NULL);
    if (!strcmp(bagian, "naik"))
        return tb_store_masalah_naik(s, u, m->id, form_long(q, "masalah_id"));
    if (!strcmp(bagian, "jawaban"))
        return tb_store_masalah_jawab(s, u, form_long(q, "masalah_id"), m->id,
                                      tb_req_form(q, "jawaban"));
    if (!strcmp(bagian, "tindakan"))
        return save_tindakan(q, m, why);
    return 1;
}

void tb_page_rapat_simpan(tb_req *q, tb_res *r)
{
    tb_rapat *m;
    if (!rapat_load(q, r, &m))
        return;
    const char *bagian = tb_req_param(q, "bagian");
    if (!tb_rapat_edit_ok(&q->user, m->wilayah)) {
        free(m);
        return tb_res_error(r, q, 403,
                            "Rapat ini diisi oleh penyelenggaranya (wilayah dan peran rapat).");
    }
    const char *why = NULL;
    int rc = save_bagian(q, m, bagian, &why);
    if (rc == 1) {
        free(m);
        return tb_res_error(r, q, 404, "Bagian rapat tidak dikenal.");
    }
    if (rc < 0) {
        char err[300];
        snprintf(err, sizeof err, "%s", why ? why : tb_store_error(q->store));
        form_state fs = {bagian, err};
        tb_store_rapat_get(q->store, m->id, m); /* the page as stored; the form as typed */
        rapat_page(q, r, m, &fs);
        r->status = 422;
        free(m);
        return;
    }
    char to[64];
    snprintf(to, sizeof to, "/rapat/%ld#%s", m->id, !strcmp(bagian, "tindakan") ? "tindakan" : "");
    free(m);
    tb_web_data_changed();
    tb_res_redirect(r, to);
}

/* Renders the tables into a temporary file of format fmt and answers with
 * it as an attachment named name. */
void tb_web_send_tables(tb_req *q, tb_res *r, tb_table *const *t, int n, const char *fmt,
                        const char *name)
{
    char tmp[] = "/tmp/tumbuh-rapat-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0)
        return tb_res_error(r, q, 500, "Tidak dapat membuat berkas sementara.");
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
        rc = tb_render_pdf((const tb_table *const *)t, NULL, n, tmp);
        r->ctype = "application/pdf";
    }
    FILE *f = rc ? NULL : fopen(tmp, "rb");
    if (f) {
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
            tb_buf_put(&r->body, chunk, k);
        fclose(f);
    }
    unlink(tmp);
    if (!f)
        return tb_res_error(r, q, 500, "Berkas tidak dapat dibuat.");
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s.%s\"", name, fmt);
    r->no_store = true;
}

/* A meeting's document as PDF: its tables from fn (the minutes or the
 * berita acara), named STEM-ID.pdf. */
static void meeting_pdf(tb_req *q, tb_res *r,
                        int (*fn)(tb_store *, long, const char *, tb_table **, int *),
                        const char *stem)
{
    tb_rapat *m;
    if (!rapat_load(q, r, &m))
        return;
    long id = m->id;
    free(m);
    tb_table *t[6];
    int n = 0;
    char month[8], name[64];
    tb_this_month(month);
    if (fn(q->store, id, month, t, &n) <= 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    snprintf(name, sizeof name, "%s-%ld", stem, id);
    tb_web_send_tables(q, r, t, n, "pdf", name);
    for (int i = 0; i < n; i++)
        tb_table_free(t[i]);
}

void tb_page_rapat_notulen(tb_req *q, tb_res *r)
{
    meeting_pdf(q, r, tb_report_notulen, "notulen-rapat");
}

void tb_page_rapat_berita_acara(tb_req *q, tb_res *r)
{
    meeting_pdf(q, r, tb_report_berita_acara, "berita-acara-rapat");
}

/* The month a meeting's pack is about: the meeting's, not after this one. */
static void pack_month(const tb_rapat *m, char out[8])
{
    char now[8];
    tb_this_month(now);
    snprintf(out, 8, "%.7s", strncmp(m->tanggal, now, 7) > 0 ? now : m->tanggal);
}

void tb_page_rapat_bahan(tb_req *q, tb_res *r)
{
    tb_rapat *m;
    if (!rapat_load(q, r, &m))
        return;
    const char *fmt = tb_req_query(q, "format");
    if (fmt && strcmp(fmt, "pdf")) {
        free(m);
        return tb_res_error(r, q, 400, "format hanya pdf.");
    }
    char month[8], today[11];
    pack_month(m, month);
    tb_today_iso(today);
    tb_table *t[9]; /* the pack, then issue 12's tables (report/layanan.h) */
    if (tb_report_bahan_rapat(q->store, m->wilayah, month, today, t) < 0) {
        free(m);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    if (tb_report_bahan_layanan(q->store, m->wilayah, month, t + 5) < 0) {
        for (int i = 0; i < 5; i++)
            tb_table_free(t[i]);
        free(m);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    if (fmt) {
        char name[48];
        snprintf(name, sizeof name, "bahan-rapat-%ld", m->id);
        tb_web_send_tables(q, r, t, 9, "pdf", name);
    } else {
        tb_html_begin(r, q, "Bahan rapat");
        tb_buf *b = &r->body;
        tb_buf_puts(b, "<h1>Bahan rapat: ");
        tb_buf_html(b, m->judul);
        tb_buf_puts(b, "</h1><p>");
        tb_buf_html(b, m->wilayah_nama);
        tb_buf_printf(
            b,
            ", data bulan %s. <a class=\"no-cetak\" href=\"/rapat/%ld/bahan?format=pdf\">"
            "PDF</a> · <a class=\"no-cetak\" href=\"/rapat/%ld\">Kembali ke rapat</a></p>",
            month, m->id, m->id);
        for (int i = 0; i < 9; i++)
            tb_render_html(t[i], b, NULL);
        r->no_store = true;
        tb_html_end(r);
    }
    for (int i = 0; i < 9; i++)
        tb_table_free(t[i]);
    free(m);
}
