/*
 * tpps.c - the TPPS and its agencies (issue 14):
 *
 *   GET  /lembaga                    the institution register (admin_kab, tpps_kab)
 *   POST /lembaga                    add: kode, nama, jenis, wilayah
 *   POST /lembaga/{kode}             rename and (de)activate: nama, aktif
 *   GET  /tpps?wilayah=              the team of an area as its SK sets it, its
 *                                    gaps, and the teams of the areas below
 *   POST /tpps/sk                    wilayah, no_sk, tgl_sk, berlaku_sampai
 *   POST /tpps/anggota               wilayah, nama, jabatan, peran, bidang, lembaga
 *   POST /tpps/anggota/{id}/hapus    wilayah: the member leaves the team (kept)
 *   POST /tpps/dokumen?wilayah=&nama= the decree itself as the body (PDF/PNG/JPEG)
 *   GET  /dokumen/{id}               an uploaded document
 *
 * The kabupaten roles manage every team; tpps_kec its kecamatan's and its
 * desa's; desa its own (the area checks of scope.h). A refused form comes
 * back filled with the error beside the field.
 */
#include "web/tpps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/clock.h"
#include "store/tpps.h"
#include "store/wilayah.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

#define RUN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_DESA)

/* ---- shared ---- */

long long tb_dokumen_max_bytes(void)
{
    const char *e = getenv("TUMBUH_DOKUMEN_MAX_MB");
    long long mb = e ? atoll(e) : 0;
    return (mb > 0 ? mb : 10) << 20;
}

bool tb_tpps_area(tb_req *q, tb_res *r, const char *arg, char *kode, size_t n, char *nama,
                  size_t nn)
{
    const char *w = tb_req_arg(q, arg);
    snprintf(kode, n, "%s", w && *w ? w : q->user.wilayah);
    if (tb_wilayah_level(kode) < 2) {
        tb_res_error(r, q, 400, "Wilayah harus kode kabupaten, kecamatan atau desa.");
        return false;
    }
    int f = tb_store_wilayah_nama(q->store, kode, nama, nn);
    if (f <= 0) {
        tb_res_error(r, q, f < 0 ? 500 : 404, "Wilayah tidak ditemukan.");
        return false;
    }
    if (!tb_scope_code_ok(&q->user, kode)) {
        tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
        return false;
    }
    return true;
}

bool tb_tpps_date(const char *s, char iso[11], atur_err *e, const char *form, const char *field)
{
    iso[0] = 0;
    if (!s || !*s)
        return true;
    int d, m, y;
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 &&
        sscanf(s, "%2d/%2d/%4d%c", &d, &m, &y, &tail) != 3)
        return tb_atur_fail(e, form, field,
                            "Tanggal '%.40s' tidak terbaca: tulis hh/bb/tttt (misal 15/01/2026).",
                            s);
    if (!tb_date_valid(y, m, d) || y < 2000 || y > 2100)
        return tb_atur_fail(e, form, field, "Tanggal '%.40s' tidak ada di kalender.", s);
    snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
    return true;
}

/* Reads the whole uploaded file (at most the limit http.c enforced). */
static void *read_upload(const char *path, long long len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    void *data = malloc(len > 0 ? (size_t)len : 1);
    if (data && len > 0 && fread(data, 1, (size_t)len, f) != (size_t)len) {
        free(data);
        data = NULL;
    }
    fclose(f);
    return data;
}

long tb_tpps_upload(tb_req *q, tb_res *r, const char *wilayah)
{
    if (!q->upload_path || q->upload_len <= 0) {
        tb_res_error(r, q, 422,
                     "Berkas kosong atau tidak terkirim: pilih berkas PDF, PNG atau JPEG"
                     " lalu kirim lagi.");
        return 0;
    }
    unsigned char *data = read_upload(q->upload_path, q->upload_len);
    if (!data) {
        tb_res_error(r, q, 500, "Berkas unggahan tidak dapat dibaca di server.");
        return 0;
    }
    const char *jenis = tb_dokumen_jenis(data, (size_t)q->upload_len);
    if (!jenis) {
        free(data);
        tb_res_error(r, q, 415,
                     "Berkas ini bukan PDF, PNG atau JPEG (dibaca dari isinya, bukan namanya)."
                     " Pindai atau simpan dokumennya sebagai PDF lalu unggah lagi.");
        return 0;
    }
    const char *nama = tb_req_query(q, "nama");
    long id = 0;
    int rc = tb_store_dokumen_simpan(q->store, q->user.id, wilayah, nama, jenis, data,
                                     (size_t)q->upload_len, &id);
    free(data);
    if (rc < 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return 0;
    }
    return id;
}

void tb_tpps_upload_form(tb_buf *b, const tb_req *q, const char *action, const char *label)
{
    tb_buf_puts(b, "<form class=\"unggah\" data-unggah action=\"");
    tb_buf_html(b, action);
    tb_buf_puts(b, "\" data-csrf=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><label>");
    tb_buf_html(b, label);
    tb_buf_printf(b,
                  " (PDF, PNG atau JPEG, paling besar %lld MB)<input type=\"file\""
                  " name=\"berkas\" accept=\".pdf,.png,.jpg,.jpeg,application/pdf,image/png,"
                  "image/jpeg\" required></label><button>Unggah</button>"
                  "<output class=\"pesan\" aria-live=\"polite\"></output></form>",
                  tb_dokumen_max_bytes() >> 20);
}

void tb_tpps_doc_link(tb_buf *b, long id, const char *label)
{
    if (id <= 0)
        return;
    tb_buf_printf(b, "<a href=\"/dokumen/%ld\">", id);
    tb_buf_html(b, label);
    tb_buf_puts(b, "</a>");
}

/* GET /dokumen/{id}: readable by a user whose area holds the document's or
 * lies under it (a desa reads the kabupaten's decree). */
void tb_page_dokumen(tb_req *q, tb_res *r)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    if (*end || id <= 0)
        return tb_res_error(r, q, 400, "Nomor dokumen tidak sah.");
    tb_dokumen_info d;
    void *data = NULL;
    int f = tb_store_dokumen_baca(q->store, id, &d, &data);
    if (f <= 0)
        return tb_res_error(r, q, f < 0 ? 500 : 404, "Dokumen tidak ditemukan.");
    size_t wl = strlen(d.wilayah);
    if (!tb_scope_code_ok(&q->user, d.wilayah) &&
        !(strncmp(q->user.wilayah, d.wilayah, wl) == 0 && q->user.wilayah[wl] == '.')) {
        free(data);
        return tb_res_error(r, q, 403, "Dokumen ini milik wilayah di luar wilayah kerja Anda.");
    }
    tb_buf_free(&r->body);
    tb_buf_put(&r->body, data, (size_t)d.ukuran);
    free(data);
    r->ctype = !strcmp(d.jenis, "application/pdf") ? "application/pdf"
               : !strcmp(d.jenis, "image/png")     ? "image/png"
                                                   : "image/jpeg";
    char safe[120];
    size_t k = 0;
    for (const char *p = d.nama; *p && k + 1 < sizeof safe; p++)
        safe[k++] = (*p == '"' || *p == '\\' || (unsigned char)*p < 32) ? '_' : *p;
    safe[k] = 0;
    snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"%s\"", safe);
    r->no_store = true;
}

/* ---- the institution register ---- */

static void hidden(tb_buf *b, const char *name, const char *value)
{
    tb_buf_printf(b, "<input type=\"hidden\" name=\"%s\" value=\"", name);
    tb_buf_html(b, value);
    tb_buf_puts(b, "\">");
}

static void jenis_select(tb_buf *b, const char *current)
{
    static const char *const J[] = {"opd", "lainnya", "tpps_bidang", "puskesmas", "desa"};
    tb_buf_puts(b, "<select name=\"jenis\">");
    for (int i = 0; i < 5; i++) {
        tb_buf_printf(b, "<option value=\"%s\"%s>", J[i],
                      current && !strcmp(current, J[i]) ? " selected" : "");
        tb_buf_html(b, tb_lembaga_jenis_label(J[i]));
        tb_buf_puts(b, "</option>");
    }
    tb_buf_puts(b, "</select>");
}

typedef struct {
    tb_buf *b;
    const tb_req *q;
    const atur_err *e;
} lembaga_ctx;

static int lembaga_row(void *ctx, const tb_lembaga_info *l)
{
    lembaga_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_puts(b, "<tr data-lembaga=\"");
    tb_buf_html(b, l->kode);
    tb_buf_printf(b, "\"%s><td>", l->aktif ? "" : " class=\"nonaktif\"");
    tb_buf_html(b, l->kode);
    tb_buf_puts(b, "</td><td>");
    char form[64];
    snprintf(form, sizeof form, "ubah-%s", l->kode);
    tb_buf_puts(b, "<form method=\"post\" action=\"/lembaga/");
    tb_buf_url(b, l->kode);
    tb_buf_puts(b, "\">");
    tb_pengguna_csrf(b, c->q);
    tb_atur_input(b, c->q, c->e, form, "Nama", "nama", l->nama, "required maxlength=\"150\"");
    tb_buf_printf(b,
                  "<label><input type=\"checkbox\" name=\"aktif\" value=\"1\"%s> Aktif</label>"
                  "<button>Simpan</button></form></td><td>",
                  l->aktif ? " checked" : "");
    tb_buf_html(b, tb_lembaga_jenis_label(l->jenis));
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, l->wilayah);
    tb_buf_printf(b, "</td><td>%s</td></tr>", l->aktif ? "aktif" : "tidak aktif");
    return 0;
}

static void lembaga_page(tb_req *q, tb_res *r, const atur_err *e)
{
    char kab[8];
    snprintf(kab, sizeof kab, "%.5s", q->user.wilayah);
    tb_html_begin(r, q, "Lembaga");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Daftar lembaga</h1><p>OPD, instansi vertikal (Kodim/Koramil, Polres/"
                   "Polsek, KUA), TP PKK dan lembaga lain yang duduk di TPPS, hadir di rapat dan"
                   " memegang tindak lanjut. Lembaga yang dibubarkan dinonaktifkan, tidak dihapus,"
                   " agar riwayatnya tetap terbaca.</p>");
    tb_buf_puts(b, "<h2>Tambah lembaga</h2><form method=\"post\" action=\"/lembaga\">");
    tb_pengguna_csrf(b, q);
    tb_atur_input(b, q, e, "tambah", "Kode (huruf besar, angka, tanda -)", "kode", NULL,
                  "required maxlength=\"30\" pattern=\"[A-Za-z0-9.-]+\"");
    tb_atur_input(b, q, e, "tambah", "Nama", "nama", NULL, "required maxlength=\"150\"");
    tb_buf_puts(b, "<label>Jenis");
    jenis_select(b, tb_atur_value(q, e, "tambah", "jenis", "opd"));
    tb_atur_field_err(b, e, "tambah", "jenis");
    tb_buf_puts(b, "</label>");
    tb_atur_input(b, q, e, "tambah", "Wilayah (kode; kosong: kabupaten)", "wilayah", NULL,
                  "maxlength=\"20\"");
    tb_buf_puts(b, "<button>Tambah</button></form><h2>Lembaga terdaftar</h2><div class=\"tabel\">"
                   "<table><thead><tr><th>Kode</th><th>Nama</th><th>Jenis</th><th>Wilayah</th>"
                   "<th>Status</th></tr></thead><tbody>");
    lembaga_ctx c = {b, q, e};
    if (tb_store_lembaga_list(q->store, kab, true, lembaga_row, &c) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div>");
    tb_html_end(r);
}

void tb_page_lembaga(tb_req *q, tb_res *r)
{
    lembaga_page(q, r, NULL);
}

static bool kode_ok(const char *k)
{
    if (!k || !*k || strlen(k) > 30)
        return false;
    for (; *k; k++)
        if (!((*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') || *k == '-' || *k == '.'))
            return false;
    return true;
}

void tb_page_lembaga_tambah(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    char kode[40] = "", w[32];
    const char *k = tb_req_form(q, "kode"), *nama = tb_req_form(q, "nama");
    const char *jenis = tb_req_form(q, "jenis"), *wil = tb_req_form(q, "wilayah");
    for (size_t i = 0; k && k[i] && i + 1 < sizeof kode; i++)
        kode[i] = (char)(k[i] >= 'a' && k[i] <= 'z' ? k[i] - 32 : k[i]), kode[i + 1] = 0;
    snprintf(w, sizeof w, "%s", wil && *wil ? wil : "");
    if (!w[0])
        snprintf(w, sizeof w, "%.5s", q->user.wilayah);
    char wn[8];
    bool ok = kode_ok(kode) ||
              tb_atur_fail(&e, "tambah", "kode",
                           "Kode diisi huruf, angka dan tanda - saja (misal OPD-DISPERKIM).");
    ok = ok && ((nama && *nama) || tb_atur_fail(&e, "tambah", "nama", "Isi nama lembaga."));
    ok = ok && (tb_lembaga_jenis_ok(jenis) ||
                tb_atur_fail(&e, "tambah", "jenis", "Pilih jenis lembaga dari daftar."));
    ok = ok && ((tb_scope_code_ok(&q->user, w) &&
                 tb_store_wilayah_nama(q->store, w, wn, sizeof wn) == 1) ||
                tb_atur_fail(&e, "tambah", "wilayah",
                             "Wilayah '%s' tidak ada di wilayah kerja Anda.", w));
    int rc = 0;
    if (ok) {
        tb_lembaga_info l = {kode, nama, jenis, w, true};
        rc = tb_store_lembaga_tambah(q->store, q->user.id, &l);
        if (rc < 0)
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        if (rc == 1)
            ok = tb_atur_fail(&e, "tambah", "kode", "Kode %s sudah dipakai lembaga lain.", kode);
    }
    if (!ok) {
        r->status = 422;
        return lembaga_page(q, r, &e);
    }
    tb_res_redirect(r, "/lembaga");
}

void tb_page_lembaga_ubah(tb_req *q, tb_res *r)
{
    const char *kode = tb_req_param(q, "kode");
    char old[200], w[32];
    bool aktif;
    int f = tb_store_lembaga_read(q->store, kode, old, sizeof old, w, sizeof w, &aktif);
    if (f <= 0)
        return tb_res_error(r, q, f < 0 ? 500 : 404, "Lembaga tidak ditemukan.");
    if (!tb_scope_code_ok(&q->user, w))
        return tb_res_error(r, q, 403, "Lembaga ini di luar wilayah kerja Anda.");
    const char *nama = tb_req_form(q, "nama"), *a = tb_req_form(q, "aktif");
    char form[64];
    snprintf(form, sizeof form, "ubah-%s", kode);
    atur_err e = {0};
    if (!nama || !*nama) {
        tb_atur_fail(&e, form, "nama", "Isi nama lembaga.");
        r->status = 422;
        return lembaga_page(q, r, &e);
    }
    if (tb_store_lembaga_ubah(q->store, q->user.id, kode, nama, a && !strcmp(a, "1")) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_res_redirect(r, "/lembaga");
}

/* ---- the TPPS of an area ---- */

static bool may_run(const tb_req *q)
{
    return (q->role & RUN) != 0;
}

static void gap_list(tb_buf *b, unsigned gaps)
{
    if (!gaps) {
        tb_buf_puts(b, "<span class=\"lengkap\">lengkap</span>");
        return;
    }
    tb_buf_puts(b, "<ul class=\"kurang\">");
    for (unsigned bit = 1; bit <= TB_TPPS_TANPA_DOKUMEN; bit <<= 1)
        if (gaps & bit) {
            tb_buf_puts(b, "<li>");
            tb_buf_html(b, tb_tpps_gap_label(bit));
            tb_buf_puts(b, "</li>");
        }
    tb_buf_puts(b, "</ul>");
}

static void date_cell(tb_buf *b, const char *iso)
{
    tb_buf_puts(b, "<td>");
    tb_buf_dmy(b, iso, "-");
    tb_buf_puts(b, "</td>");
}

typedef struct {
    tb_buf *b;
    const tb_req *q;
    const char *wilayah;
    int n, with_gaps;
    char today[11];
} sub_ctx;

static int sub_row(void *ctx, const tb_tpps *t)
{
    sub_ctx *c = ctx;
    tb_buf *b = c->b;
    unsigned g = tb_tpps_gaps(t, c->today);
    c->n++;
    c->with_gaps += g != 0;
    tb_buf_puts(b, "<tr data-tpps=\"");
    tb_buf_html(b, t->wilayah);
    tb_buf_printf(b, "\" data-kurang=\"%u\"><td><a href=\"/tpps?wilayah=", g);
    tb_buf_url(b, t->wilayah);
    tb_buf_puts(b, "\">");
    tb_buf_html(b, t->nama);
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, t->no_sk[0] ? t->no_sk : "-");
    tb_buf_puts(b, "</td>");
    date_cell(b, t->berlaku_sampai);
    tb_buf_puts(b, "<td>");
    tb_buf_html(b, t->ketua[0] ? t->ketua : "-");
    tb_buf_printf(b, "</td><td>%d</td><td>", t->anggota);
    gap_list(b, g);
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int member_row(void *ctx, const tb_tpps_anggota *a)
{
    sub_ctx *c = ctx;
    tb_buf *b = c->b;
    c->n++;
    tb_buf_printf(b, "<tr data-anggota=\"%ld\"><td>", a->id);
    tb_buf_html(b, tb_tpps_peran_label(a->peran));
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->jabatan ? a->jabatan : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->lembaga_nama ? a->lembaga_nama : a->instansi ? a->instansi : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->bidang ? a->bidang : "-");
    tb_buf_puts(b, "</td><td>");
    if (may_run(c->q)) {
        tb_buf_printf(b, "<form method=\"post\" action=\"/tpps/anggota/%ld/hapus\">", a->id);
        tb_pengguna_csrf(b, c->q);
        hidden(b, "wilayah", c->wilayah);
        tb_buf_puts(b, "<button>Keluarkan</button></form>");
    }
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

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

static void member_form(tb_buf *b, tb_req *q, const atur_err *e, const char *wilayah)
{
    tb_buf_puts(b, "<h3>Tambah anggota</h3><form method=\"post\" action=\"/tpps/anggota\">");
    tb_pengguna_csrf(b, q);
    hidden(b, "wilayah", wilayah);
    tb_atur_input(b, q, e, "anggota", "Nama", "nama", NULL, "required maxlength=\"120\"");
    tb_atur_input(b, q, e, "anggota", "Jabatan (misal Camat, Kepala Puskesmas)", "jabatan", NULL,
                  "maxlength=\"120\"");
    const char *peran = tb_atur_value(q, e, "anggota", "peran", "anggota");
    static const char *const P[] = {"ketua", "wakil_ketua", "sekretaris", "koordinator", "anggota"};
    tb_buf_puts(b, "<label>Peran<select name=\"peran\">");
    for (int i = 0; i < 5; i++)
        tb_buf_printf(b, "<option value=\"%s\"%s>%s</option>", P[i],
                      !strcmp(peran, P[i]) ? " selected" : "", tb_tpps_peran_label(P[i]));
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, e, "anggota", "peran");
    tb_buf_puts(b, "</label>");
    tb_atur_input(b, q, e, "anggota", "Bidang (misal Pelayanan Intervensi)", "bidang", NULL,
                  "maxlength=\"120\"");
    tb_buf_puts(b, "<label>Lembaga<select name=\"lembaga\"><option value=\"\">-</option>");
    opt_ctx oc = {b, tb_atur_value(q, e, "anggota", "lembaga", "")};
    tb_store_lembaga_list(q->store, wilayah, false, lembaga_option, &oc);
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, e, "anggota", "lembaga");
    tb_buf_puts(b, "</label><button>Tambah</button></form>");
}

static void sk_form(tb_buf *b, tb_req *q, const atur_err *e, const tb_tpps *t)
{
    tb_buf_puts(b, "<h3>SK</h3><form method=\"post\" action=\"/tpps/sk\">");
    tb_pengguna_csrf(b, q);
    hidden(b, "wilayah", t->wilayah);
    tb_atur_input(b, q, e, "sk", "Nomor SK", "no_sk", t->no_sk, "required maxlength=\"90\"");
    tb_atur_input(b, q, e, "sk", "Tanggal SK", "tgl_sk", t->tgl_sk, "type=\"date\"");
    tb_atur_input(b, q, e, "sk", "Berlaku sampai (kosong: tidak ditentukan)", "berlaku_sampai",
                  t->berlaku_sampai, "type=\"date\"");
    tb_buf_puts(b, "<button>Simpan SK</button></form>");
}

static void tpps_page(tb_req *q, tb_res *r, const atur_err *e, const char *wilayah)
{
    tb_tpps t;
    if (tb_store_tpps_baca(q->store, wilayah, &t) <= 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char today[11];
    tb_today_iso(today);
    unsigned g = tb_tpps_gaps(&t, today);
    char title[260];
    snprintf(title, sizeof title, "TPPS %s", t.nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, title);
    tb_buf_puts(b, "</h1><nav class=\"sub\">");
    tb_buf_puts(b, "<a href=\"/kelembagaan?wilayah=");
    tb_buf_url(b, wilayah);
    tb_buf_puts(b, "\">Pemetaan kelembagaan desa</a>");
    if (q->role & (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB))
        tb_buf_puts(b, " · <a href=\"/aksi\">8 aksi konvergensi</a> · <a href=\"/lembaga\">"
                       "Daftar lembaga</a>");
    tb_buf_puts(b, "</nav><section class=\"ringkas\"><h2>Kekurangan</h2>");
    gap_list(b, g);
    tb_buf_puts(b, "<p>SK: ");
    tb_buf_html(b, t.no_sk[0] ? t.no_sk : "belum ada");
    if (t.tgl_sk[0])
        tb_buf_printf(b, ", tanggal %.2s/%.2s/%.4s", t.tgl_sk + 8, t.tgl_sk + 5, t.tgl_sk);
    if (t.berlaku_sampai[0])
        tb_buf_printf(b, ", berlaku sampai %.2s/%.2s/%.4s", t.berlaku_sampai + 8,
                      t.berlaku_sampai + 5, t.berlaku_sampai);
    tb_buf_puts(b, ". ");
    tb_tpps_doc_link(b, t.dokumen_id, "Lihat dokumen SK");
    tb_buf_puts(b, "</p></section><h2>Susunan tim</h2><div class=\"tabel\"><table><thead><tr>"
                   "<th>Peran</th><th>Nama</th><th>Jabatan</th><th>Lembaga</th><th>Bidang</th>"
                   "<th></th></tr></thead><tbody>");
    sub_ctx c = {b, q, wilayah, 0, 0, ""};
    snprintf(c.today, sizeof c.today, "%s", today);
    tb_store_tpps_anggota_each(q->store, wilayah, member_row, &c);
    if (!c.n)
        tb_buf_puts(b, "<tr><td colspan=\"6\">Belum ada anggota tercatat.</td></tr>");
    tb_buf_puts(b, "</tbody></table></div>");
    if (may_run(q)) {
        sk_form(b, q, e, &t);
        char action[96];
        snprintf(action, sizeof action, "/tpps/dokumen?wilayah=%s", wilayah);
        tb_tpps_upload_form(b, q, action, "Dokumen SK");
        member_form(b, q, e, wilayah);
    }
    if (tb_wilayah_level(wilayah) < 4) {
        tb_buf_puts(b, "<h2>TPPS wilayah di bawahnya</h2><div class=\"tabel\"><table><thead><tr>"
                       "<th>Wilayah</th><th>No. SK</th><th>Berlaku sampai</th><th>Ketua</th>"
                       "<th>Anggota</th><th>Kekurangan</th></tr></thead><tbody>");
        c.n = 0;
        tb_store_tpps_bawah(q->store, wilayah, sub_row, &c);
        tb_buf_printf(b,
                      "</tbody></table></div><p data-jumlah-kurang=\"%d\">%d dari %d TPPS masih"
                      " punya kekurangan.</p>",
                      c.with_gaps, c.with_gaps, c.n);
    }
    tb_html_end(r);
}

void tb_page_tpps(tb_req *q, tb_res *r)
{
    char w[32], nama[160];
    if (tb_tpps_area(q, r, "wilayah", w, sizeof w, nama, sizeof nama))
        tpps_page(q, r, NULL, w);
}

static void refuse(tb_req *q, tb_res *r, atur_err *e, const char *w)
{
    r->status = 422;
    tpps_page(q, r, e, w);
}

static void back_to(tb_res *r, const char *w)
{
    char loc[96];
    snprintf(loc, sizeof loc, "/tpps?wilayah=%s", w);
    tb_res_redirect(r, loc);
}

void tb_page_tpps_sk(tb_req *q, tb_res *r)
{
    char w[32], nama[160], tgl[11], sampai[11];
    if (!tb_tpps_area(q, r, "wilayah", w, sizeof w, nama, sizeof nama))
        return;
    atur_err e = {0};
    const char *no = tb_req_form(q, "no_sk");
    bool ok = (no && *no) || tb_atur_fail(&e, "sk", "no_sk", "Isi nomor SK pembentukan TPPS.");
    ok = ok && tb_tpps_date(tb_req_form(q, "tgl_sk"), tgl, &e, "sk", "tgl_sk");
    ok = ok && tb_tpps_date(tb_req_form(q, "berlaku_sampai"), sampai, &e, "sk", "berlaku_sampai");
    ok = ok && (!tgl[0] || !sampai[0] || strcmp(sampai, tgl) >= 0 ||
                tb_atur_fail(&e, "sk", "berlaku_sampai",
                             "Masa berlaku berakhir sebelum tanggal SK: periksa tahunnya."));
    if (!ok)
        return refuse(q, r, &e, w);
    if (tb_store_tpps_sk(q->store, q->user.id, w, no, tgl, sampai) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    back_to(r, w);
}

void tb_page_tpps_anggota(tb_req *q, tb_res *r)
{
    char w[32], nama[160];
    if (!tb_tpps_area(q, r, "wilayah", w, sizeof w, nama, sizeof nama))
        return;
    atur_err e = {0};
    tb_tpps_anggota a = {0,
                         w,
                         tb_req_form(q, "nama"),
                         tb_req_form(q, "jabatan"),
                         tb_req_form(q, "peran"),
                         tb_req_form(q, "bidang"),
                         tb_req_form(q, "lembaga"),
                         NULL,
                         NULL};
    char ln[200], lw[32];
    bool la;
    bool ok = (a.nama && *a.nama) || tb_atur_fail(&e, "anggota", "nama", "Isi nama anggota.");
    ok = ok && (tb_tpps_peran_ok(a.peran) ||
                tb_atur_fail(&e, "anggota", "peran", "Pilih peran dari daftar."));
    ok = ok &&
         (!a.lembaga || !*a.lembaga ||
          (tb_store_lembaga_read(q->store, a.lembaga, ln, sizeof ln, lw, sizeof lw, &la) == 1 &&
           la) ||
          tb_atur_fail(&e, "anggota", "lembaga",
                       "Lembaga tidak terdaftar atau sudah tidak aktif: pilih dari daftar."));
    if (!ok)
        return refuse(q, r, &e, w);
    if (tb_store_tpps_anggota_tambah(q->store, q->user.id, &a, NULL) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    back_to(r, w);
}

void tb_page_tpps_anggota_hapus(tb_req *q, tb_res *r)
{
    char w[32], nama[160];
    if (!tb_tpps_area(q, r, "wilayah", w, sizeof w, nama, sizeof nama))
        return;
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    if (*end || id <= 0)
        return tb_res_error(r, q, 400, "Nomor anggota tidak sah.");
    int rc = tb_store_tpps_anggota_hapus(q->store, q->user.id, w, id);
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (rc == 0)
        return tb_res_error(r, q, 404, "Anggota ini tidak ada di TPPS wilayah tersebut.");
    back_to(r, w);
}

void tb_page_tpps_dokumen(tb_req *q, tb_res *r)
{
    char w[32], nama[160];
    if (!tb_tpps_area(q, r, "wilayah", w, sizeof w, nama, sizeof nama))
        return;
    long id = tb_tpps_upload(q, r, w);
    if (id <= 0)
        return;
    if (tb_store_tpps_dokumen(q->store, q->user.id, w, id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    back_to(r, w);
}
