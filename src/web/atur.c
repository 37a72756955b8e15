/*
 * atur.c - the district's puskesmas and posyandu, kept by its administrator
 * (admin_kab; tpps_kec for their kecamatan):
 *
 *   GET  /atur/posyandu            list (wilayah= a kecamatan or desa to filter),
 *                                  add forms; closed ones listed apart
 *   POST /atur/posyandu            add: nama, desa (name or code), puskesmas, hari
 *   GET  /atur/posyandu/{id}       the change form of posyandu {id}
 *   POST /atur/posyandu/{id}       rename or move: nama, desa, puskesmas, hari
 *   POST /atur/posyandu/{id}/tutup close (tutup=1) or reopen (tutup=0)
 *   POST /atur/puskesmas           add: nama, kecamatan (code)
 *   POST /atur/puskesmas/{id}      rename or move: nama, kecamatan
 *   POST /atur/puskesmas/{id}/tutup close or reopen
 *
 * A posyandu is never deleted: closed, it keeps its children and history
 * and leaves the daily lists (store/posyandu.h). Every change is audited by
 * the store; a refused form comes back filled, the error beside the field.
 * Many posyandu at once: POST /atur/posyandu/impor (atur_impor.c) or
 * `tumbuh import posyandu FILE` (import/posyandu.c).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

bool tb_atur_fail(atur_err *e, const char *form, const char *field, const char *fmt, ...)
{
    e->form = form;
    e->field = field;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    return false;
}

const char *tb_atur_value(const tb_req *q, const atur_err *e, const char *form, const char *name,
                          const char *def)
{
    if (e && e->form && !strcmp(e->form, form)) {
        const char *v = tb_req_form(q, name);
        return v ? v : "";
    }
    return def ? def : "";
}

void tb_atur_field_err(tb_buf *b, const atur_err *e, const char *form, const char *field)
{
    if (!e || !e->form || strcmp(e->form, form) || !e->field || strcmp(e->field, field))
        return;
    tb_buf_puts(b, "<span class=\"galat\" role=\"alert\">");
    tb_buf_html(b, e->msg);
    tb_buf_puts(b, "</span>");
}

void tb_atur_input(tb_buf *b, const tb_req *q, const atur_err *e, const char *form,
                   const char *label, const char *name, const char *def, const char *attrs)
{
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, "<input name=\"%s\" value=\"", name);
    tb_buf_html(b, tb_atur_value(q, e, form, name, def));
    tb_buf_printf(b, "\"%s%s>", attrs ? " " : "", attrs ? attrs : "");
    tb_atur_field_err(b, e, form, name);
    tb_buf_puts(b, "</label>");
}

bool tb_atur_year(const char *s, int *out, atur_err *e, const char *form, const char *field)
{
    char *end = NULL;
    long y = s && *s ? strtol(s, &end, 10) : 0;
    if (!s || !*s || *end || y < 2000 || y > 2100)
        return tb_atur_fail(e, form, field, "Tahun harus angka antara 2000 dan 2100 (misal 2026).");
    *out = (int)y;
    return true;
}

bool tb_atur_pct(const char *s, bool optional, double *out, atur_err *e, const char *form,
                 const char *field)
{
    char t[32];
    size_t n = 0;
    for (; s && *s && n + 1 < sizeof t; s++)
        if (*s != ' ')
            t[n++] = *s == ',' ? '.' : *s;
    t[n] = 0;
    if (!n) {
        *out = NAN;
        return optional
                   ? true
                   : tb_atur_fail(e, form, field, "Isi persentase (0 sampai 100, misal 14,5).");
    }
    char *end = NULL;
    double v = strtod(t, &end);
    if (*end || !(v >= 0 && v <= 100))
        return tb_atur_fail(e, form, field,
                            "Persentase harus angka 0 sampai 100 (koma desimal boleh: 14,5).");
    *out = v;
    return true;
}

/* --- reading a posyandu form ---------------------------------------------------- */

/* Fills p from the form (nama, desa, puskesmas, hari) and checks it against
 * the user's area; false with the reason in e. */
static bool read_posyandu(tb_req *q, tb_atur_posyandu *p, atur_err *e, const char *form)
{
    char desa[128], pusk[128], hari[16];
    if (!tb_req_form_text(q, "nama", p->nama, sizeof p->nama))
        return tb_atur_fail(e, form, "nama", "Isi nama posyandu.");
    if (!tb_req_form_text(q, "desa", desa, sizeof desa))
        return tb_atur_fail(e, form, "desa", "Isi desa: nama atau kodenya (misal 35.07.01.2001).");
    int f = tb_store_atur_desa_find(q->store, q->user.wilayah, desa, p->desa, sizeof p->desa);
    if (f < 0)
        return tb_atur_fail(e, form, "desa", "%s", tb_store_error(q->store));
    if (f == 0)
        return tb_atur_fail(
            e, form, "desa",
            "Desa '%s' tidak ada di wilayah Anda. Periksa ejaan atau tulis kodenya.", desa);
    if (f == 2)
        return tb_atur_fail(e, form, "desa",
                            "Ada lebih dari satu desa bernama '%s'. Tulis kode desanya.", desa);
    p->puskesmas_id = 0;
    if (tb_req_form_text(q, "puskesmas", pusk, sizeof pusk)) {
        char *end = NULL;
        long id = strtol(pusk, &end, 10);
        tb_atur_puskesmas u;
        int g = *end ? tb_store_atur_puskesmas_find(q->store, q->user.wilayah, pusk, &id)
                     : tb_store_atur_puskesmas_get(q->store, id, &u);
        if (g < 0)
            return tb_atur_fail(e, form, "puskesmas", "%s", tb_store_error(q->store));
        if (g == 1 && !*end && !tb_scope_code_ok(&q->user, u.kecamatan))
            g = 0;
        if (g != 1)
            return tb_atur_fail(e, form, "puskesmas",
                                "Puskesmas '%s' tidak ada di wilayah Anda (atau namanya ganda):"
                                " pilih dari daftar.",
                                pusk);
        p->puskesmas_id = id;
    }
    p->hari_buka = 0;
    if (tb_req_form_text(q, "hari", hari, sizeof hari)) {
        char *end = NULL;
        long h = strtol(hari, &end, 10);
        if (*end || h < 1 || h > 31)
            return tb_atur_fail(e, form, "hari",
                                "Hari buka adalah tanggal 1 sampai 31 setiap bulan (kosong bila"
                                " belum tetap).");
        p->hari_buka = (int)h;
    }
    return true;
}

/* --- the list page -------------------------------------------------------------- */

static void cell(tb_buf *b, const char *v)
{
    tb_buf_puts(b, "<td>");
    tb_buf_html(b, v && *v ? v : "-");
    tb_buf_puts(b, "</td>");
}

/* A POST button form with one hidden field. */
static void button_form(tb_buf *b, const tb_req *q, const char *action, const char *name,
                        const char *value, const char *label)
{
    tb_buf_puts(b, "<form method=\"post\" action=\"");
    tb_buf_html(b, action);
    tb_buf_printf(b, "\"><input type=\"hidden\" name=\"%s\" value=\"%s\">", name, value);
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>");
    tb_buf_html(b, label);
    tb_buf_puts(b, "</button></form>");
}

static int posyandu_row(void *ctx, const tb_atur_posyandu *p)
{
    tb_req *q = ((void **)ctx)[0];
    tb_buf *b = ((void **)ctx)[1];
    char hari[8] = "", action[64];
    if (p->hari_buka)
        snprintf(hari, sizeof hari, "%d", p->hari_buka);
    tb_buf_printf(b, "<tr data-posyandu=\"%ld\"%s>", p->id,
                  p->ditutup[0] ? " class=\"tutup\"" : "");
    cell(b, p->nama);
    cell(b, p->desa_nama);
    cell(b, p->kecamatan_nama);
    cell(b, p->puskesmas_nama);
    cell(b, hari);
    tb_buf_puts(b, "<td>");
    if (p->ditutup[0]) {
        tb_buf_puts(b, "ditutup ");
        tb_buf_html(b, p->ditutup);
    } else {
        tb_buf_puts(b, "buka");
    }
    tb_buf_printf(b, "</td><td><a href=\"/atur/posyandu/%ld\">Ubah</a>", p->id);
    snprintf(action, sizeof action, "/atur/posyandu/%ld/tutup", p->id);
    button_form(b, q, action, "tutup", p->ditutup[0] ? "0" : "1",
                p->ditutup[0] ? "Buka kembali" : "Tutup");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int puskesmas_row(void *ctx, const tb_atur_puskesmas *p)
{
    tb_req *q = ((void **)ctx)[0];
    tb_buf *b = ((void **)ctx)[1];
    const atur_err *e = ((void **)ctx)[2];
    char form[32], action[64], n[24];
    snprintf(form, sizeof form, "puskesmas-%ld", p->id);
    snprintf(n, sizeof n, "%ld", p->posyandu);
    tb_buf_printf(b, "<tr data-puskesmas=\"%ld\">", p->id);
    cell(b, p->nama);
    cell(b, p->kecamatan_nama);
    cell(b, n);
    cell(b, p->ditutup[0] ? "ditutup" : "buka");
    tb_buf_printf(b, "<td><form method=\"post\" action=\"/atur/puskesmas/%ld\">", p->id);
    tb_atur_input(b, q, e, form, "Nama", "nama", p->nama, "required maxlength=\"90\"");
    tb_atur_input(b, q, e, form, "Kode kecamatan", "kecamatan", p->kecamatan,
                  "required maxlength=\"12\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan</button></form>");
    snprintf(action, sizeof action, "/atur/puskesmas/%ld/tutup", p->id);
    button_form(b, q, action, "tutup", p->ditutup[0] ? "0" : "1",
                p->ditutup[0] ? "Buka kembali" : "Tutup");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int option_row(void *ctx, const char *kode, const char *nama)
{
    void **c = ctx;
    tb_buf *b = c[0];
    const char *sel = c[1];
    tb_buf_puts(b, "<option value=\"");
    tb_buf_html(b, kode);
    tb_buf_printf(b, "\"%s>", !strcmp(kode, sel) ? " selected" : "");
    tb_buf_html(b, nama);
    tb_buf_puts(b, "</option>");
    return 0;
}

/* The filter: the kecamatan of the user's area, and the desa of the chosen one. */
static void filter_form(tb_buf *b, tb_req *q, const char *wilayah)
{
    char kec[16];
    snprintf(kec, sizeof kec, "%.8s", wilayah);
    tb_buf_puts(b, "<form method=\"get\" action=\"/atur/posyandu\" class=\"saring\"><label>Wilayah"
                   "<select name=\"wilayah\"><option value=\"\">Semua wilayah Anda</option>");
    void *c[2] = {b, (void *)wilayah};
    if (tb_wilayah_level(q->user.wilayah) <= 2)
        tb_store_wilayah_anak(q->store, q->user.wilayah, option_row, c);
    if (tb_wilayah_level(wilayah) >= 3)
        tb_store_wilayah_anak(q->store, kec, option_row, c);
    tb_buf_puts(b, "</select></label><button>Tampilkan</button></form>");
}

static int desa_option(void *ctx, const char *kode, const char *nama, const char *kecamatan)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<option value=\"");
    tb_buf_html(b, kode);
    tb_buf_puts(b, "\">");
    tb_buf_html(b, nama);
    tb_buf_puts(b, " (kec. ");
    tb_buf_html(b, kecamatan);
    tb_buf_puts(b, ")</option>");
    return 0;
}

static int puskesmas_option(void *ctx, const tb_atur_puskesmas *p)
{
    tb_buf *b = ctx;
    if (p->ditutup[0])
        return 0;
    tb_buf_printf(b, "<option value=\"%ld\">", p->id);
    tb_buf_html(b, p->nama);
    tb_buf_puts(b, "</option>");
    return 0;
}

void tb_atur_datalists(tb_buf *b, tb_req *q)
{
    tb_buf_puts(b, "<datalist id=\"daftar-desa\">");
    tb_store_atur_desa_each(q->store, q->user.wilayah, desa_option, b);
    tb_buf_puts(b, "</datalist><datalist id=\"daftar-puskesmas\">");
    tb_store_atur_puskesmas_each(q->store, q->user.wilayah, puskesmas_option, b);
    tb_buf_puts(b, "</datalist>");
}

static void add_forms(tb_buf *b, tb_req *q, const atur_err *e)
{
    tb_atur_datalists(b, q);
    tb_buf_puts(b, "<h2>Tambah posyandu</h2><form method=\"post\" action=\"/atur/posyandu\">");
    tb_atur_input(b, q, e, "tambah", "Nama posyandu", "nama", NULL, "required maxlength=\"90\"");
    tb_atur_input(b, q, e, "tambah", "Desa (nama atau kode)", "desa", NULL,
                  "required maxlength=\"90\" list=\"daftar-desa\"");
    tb_atur_input(b, q, e, "tambah", "Puskesmas (nama atau nomor)", "puskesmas", NULL,
                  "maxlength=\"90\" list=\"daftar-puskesmas\"");
    tb_atur_input(b, q, e, "tambah", "Hari buka (tanggal 1-31)", "hari", NULL,
                  "inputmode=\"numeric\" maxlength=\"2\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Tambah posyandu</button></form>"
                   "<h2>Tambah puskesmas</h2><form method=\"post\" action=\"/atur/puskesmas\">");
    tb_atur_input(b, q, e, "puskesmas", "Nama puskesmas", "nama", NULL,
                  "required maxlength=\"90\"");
    tb_atur_input(b, q, e, "puskesmas", "Kode kecamatan", "kecamatan", NULL,
                  "required maxlength=\"12\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b,
                "<button>Tambah puskesmas</button></form>"
                "<h2>Banyak posyandu dari daftar</h2><p>Tempel daftar CSV dengan kolom"
                " <code>nama, desa, puskesmas, hari</code> (desa: nama atau kode; puskesmas"
                " yang belum ada dibuat di kecamatan desanya). Berkas CSV atau XLSX juga dapat"
                " dikirim ke alamat yang sama, atau dari server: <code>tumbuh import posyandu"
                " BERKAS</code>.</p><form method=\"post\" action=\"/atur/posyandu/impor\">"
                "<label>Daftar<textarea name=\"daftar\" rows=\"8\" required></textarea></label>");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button name=\"buat\" value=\"0\">Pratinjau</button></form>");
}

/* The list page; e (may be NULL) a refused form to show again, status already set. */
static void list_page(tb_req *q, tb_res *r, const atur_err *e)
{
    const char *w = tb_req_query(q, "wilayah");
    char wilayah[32];
    snprintf(wilayah, sizeof wilayah, "%s", w && *w ? w : q->user.wilayah);
    if (!tb_scope_code_ok(&q->user, wilayah) || tb_wilayah_level(wilayah) < 2)
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    r->no_store = true;
    tb_html_begin(r, q, "Puskesmas dan posyandu");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Puskesmas dan posyandu</h1><p><a href=\"/atur/target\">Survei, target dan"
                   " desa lokus</a> · <a href=\"/atur/ejaan\">Ejaan nama wilayah</a></p>");
    if (e && e->form && !e->field) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, e->msg);
        tb_buf_puts(b, "</p>");
    }
    filter_form(b, q, wilayah);
    tb_buf_puts(b, "<h2>Posyandu</h2><div class=\"tabel\"><table><thead><tr><th>Posyandu</th>"
                   "<th>Desa</th><th>Kecamatan</th><th>Puskesmas</th><th>Hari buka</th>"
                   "<th>Status</th><th>Tindakan</th></tr></thead><tbody>");
    void *ctx[3] = {q, b, (void *)e};
    if (tb_store_atur_posyandu_each(q->store, wilayah, posyandu_row, ctx) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div><h2>Puskesmas</h2><div class=\"tabel\"><table><thead>"
                   "<tr><th>Puskesmas</th><th>Kecamatan</th><th>Posyandu buka</th><th>Status</th>"
                   "<th>Ubah</th></tr></thead><tbody>");
    if (tb_store_atur_puskesmas_each(q->store, wilayah, puskesmas_row, ctx) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div>");
    add_forms(b, q, e);
    tb_html_end(r);
}

void tb_page_atur_posyandu(tb_req *q, tb_res *r)
{
    list_page(q, r, NULL);
}

/* --- writes --------------------------------------------------------------------- */

/* Runs a write that returned rc (0 done, 1 a name taken, -1 error): on 0
 * bumps the data version and redirects to the list; else answers. */
static void finish(tb_req *q, tb_res *r, int rc, atur_err *e, const char *form, const char *what,
                   void (*again)(tb_req *, tb_res *, const atur_err *))
{
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (rc == 1) {
        tb_atur_fail(e, form, "nama", "Nama %s ini sudah dipakai di tempat yang sama.", what);
        r->status = 422;
        return again(q, r, e);
    }
    tb_web_data_changed();
    tb_res_redirect(r, "/atur/posyandu");
}

void tb_page_atur_posyandu_tambah(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    tb_atur_posyandu p;
    memset(&p, 0, sizeof p);
    if (!read_posyandu(q, &p, &e, "tambah")) {
        r->status = 422;
        return list_page(q, r, &e);
    }
    finish(q, r, tb_store_atur_posyandu_add(q->store, q->user.id, &p), &e, "tambah", "posyandu",
           list_page);
}

/* The posyandu of the route's {id}, inside the user's area; false when answered. */
static bool target_posyandu(tb_req *q, tb_res *r, tb_atur_posyandu *p)
{
    long id = strtol(tb_req_param(q, "id"), NULL, 10);
    int f = id > 0 ? tb_store_atur_posyandu_get(q->store, id, p) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Posyandu tidak ditemukan.");
    else if (!tb_scope_code_ok(&q->user, p->desa))
        tb_res_error(r, q, 403, "Posyandu ini di luar wilayah kerja Anda.");
    return f == 1 && tb_scope_code_ok(&q->user, p->desa);
}

static void edit_page(tb_req *q, tb_res *r, const atur_err *e)
{
    tb_atur_posyandu p;
    if (!target_posyandu(q, r, &p))
        return;
    char hari[8] = "", pusk[24] = "";
    if (p.hari_buka)
        snprintf(hari, sizeof hari, "%d", p.hari_buka);
    if (p.puskesmas_id)
        snprintf(pusk, sizeof pusk, "%ld", p.puskesmas_id);
    r->no_store = true;
    tb_html_begin(r, q, "Ubah posyandu");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Ubah posyandu ");
    tb_buf_html(b, p.nama);
    tb_buf_puts(b, "</h1><p>Desa ");
    tb_buf_html(b, p.desa_nama);
    tb_buf_puts(b, ", kecamatan ");
    tb_buf_html(b, p.kecamatan_nama);
    if (p.puskesmas_nama[0]) {
        tb_buf_puts(b, ", puskesmas ");
        tb_buf_html(b, p.puskesmas_nama);
    }
    tb_buf_puts(b, ".</p>");
    tb_atur_datalists(b, q);
    tb_buf_printf(b, "<form method=\"post\" action=\"/atur/posyandu/%ld\">", p.id);
    tb_atur_input(b, q, e, "ubah", "Nama posyandu", "nama", p.nama, "required maxlength=\"90\"");
    tb_atur_input(b, q, e, "ubah", "Desa (nama atau kode; pindah desa di sini)", "desa", p.desa,
                  "required maxlength=\"90\" list=\"daftar-desa\"");
    tb_atur_input(b, q, e, "ubah", "Puskesmas (nama atau nomor)", "puskesmas", pusk,
                  "maxlength=\"90\" list=\"daftar-puskesmas\"");
    tb_atur_input(b, q, e, "ubah", "Hari buka (tanggal 1-31)", "hari", hari,
                  "inputmode=\"numeric\" maxlength=\"2\"");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan</button></form><p><a href=\"/atur/posyandu\">Kembali ke daftar"
                   " posyandu</a></p>");
    tb_html_end(r);
}

void tb_page_atur_posyandu_ubah_form(tb_req *q, tb_res *r)
{
    edit_page(q, r, NULL);
}

void tb_page_atur_posyandu_ubah(tb_req *q, tb_res *r)
{
    tb_atur_posyandu old, p;
    if (!target_posyandu(q, r, &old))
        return;
    atur_err e = {0};
    memset(&p, 0, sizeof p);
    p.id = old.id;
    if (!read_posyandu(q, &p, &e, "ubah")) {
        r->status = 422;
        return edit_page(q, r, &e);
    }
    finish(q, r, tb_store_atur_posyandu_update(q->store, q->user.id, &p), &e, "ubah", "posyandu",
           edit_page);
}

/* Reads tutup=1|0 into the closing date (today) or NULL; false when answered. */
static bool read_tutup(tb_req *q, tb_res *r, char today[11], const char **tanggal)
{
    const char *v = tb_req_form(q, "tutup");
    if (!v || (strcmp(v, "0") && strcmp(v, "1"))) {
        tb_res_error(r, q, 400, "Isi tutup dengan 1 (tutup) atau 0 (buka kembali).");
        return false;
    }
    tb_today_iso(today);
    *tanggal = *v == '1' ? today : NULL;
    return true;
}

void tb_page_atur_posyandu_tutup(tb_req *q, tb_res *r)
{
    tb_atur_posyandu p;
    char today[11];
    const char *tanggal;
    if (!target_posyandu(q, r, &p) || !read_tutup(q, r, today, &tanggal))
        return;
    if (tb_store_atur_posyandu_tutup(q->store, q->user.id, p.id, tanggal) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    tb_res_redirect(r, "/atur/posyandu");
}

/* Fills p from the form (nama, kecamatan) and checks the kecamatan; false with e. */
static bool read_puskesmas(tb_req *q, tb_atur_puskesmas *p, atur_err *e, const char *form)
{
    char kec[32];
    if (!tb_req_form_text(q, "nama", p->nama, sizeof p->nama))
        return tb_atur_fail(e, form, "nama", "Isi nama puskesmas.");
    tb_req_form_text(q, "kecamatan", kec, sizeof kec);
    int f = tb_wilayah_level(kec) == 3 ? tb_store_wilayah_get(q->store, kec, NULL, 0) : 0;
    if (f < 0)
        return tb_atur_fail(e, form, "kecamatan", "%s", tb_store_error(q->store));
    if (f == 0 || !tb_scope_code_ok(&q->user, kec))
        return tb_atur_fail(e, form, "kecamatan",
                            "Tulis kode kecamatan di wilayah Anda (misal %s.01).",
                            tb_wilayah_level(q->user.wilayah) == 2 ? q->user.wilayah : "35.07");
    snprintf(p->kecamatan, sizeof p->kecamatan, "%.23s", kec);
    return true;
}

void tb_page_atur_puskesmas_tambah(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    tb_atur_puskesmas p;
    memset(&p, 0, sizeof p);
    if (!read_puskesmas(q, &p, &e, "puskesmas")) {
        r->status = 422;
        return list_page(q, r, &e);
    }
    finish(q, r, tb_store_atur_puskesmas_add(q->store, q->user.id, &p), &e, "puskesmas",
           "puskesmas", list_page);
}

/* The puskesmas of the route's {id}, inside the user's area; false when answered. */
static bool target_puskesmas(tb_req *q, tb_res *r, tb_atur_puskesmas *p)
{
    long id = strtol(tb_req_param(q, "id"), NULL, 10);
    int f = id > 0 ? tb_store_atur_puskesmas_get(q->store, id, p) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Puskesmas tidak ditemukan.");
    else if (!tb_scope_code_ok(&q->user, p->kecamatan))
        tb_res_error(r, q, 403, "Puskesmas ini di luar wilayah kerja Anda.");
    return f == 1 && tb_scope_code_ok(&q->user, p->kecamatan);
}

void tb_page_atur_puskesmas_ubah(tb_req *q, tb_res *r)
{
    tb_atur_puskesmas old, p;
    if (!target_puskesmas(q, r, &old))
        return;
    char form[32];
    snprintf(form, sizeof form, "puskesmas-%ld", old.id);
    atur_err e = {0};
    memset(&p, 0, sizeof p);
    p.id = old.id;
    if (!read_puskesmas(q, &p, &e, form)) {
        r->status = 422;
        return list_page(q, r, &e);
    }
    finish(q, r, tb_store_atur_puskesmas_update(q->store, q->user.id, &p), &e, form, "puskesmas",
           list_page);
}

void tb_page_atur_puskesmas_tutup(tb_req *q, tb_res *r)
{
    tb_atur_puskesmas p;
    char today[11];
    const char *tanggal;
    if (!target_puskesmas(q, r, &p) || !read_tutup(q, r, today, &tanggal))
        return;
    if (tb_store_atur_puskesmas_tutup(q->store, q->user.id, p.id, tanggal) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    tb_res_redirect(r, "/atur/posyandu");
}
