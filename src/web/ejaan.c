/*
 * ejaan.c - /atur/ejaan: the spellings of place names that the district's
 * files write differently from the code list, fixed once for good (issue
 * 11). A spelling is stored as another name of a kecamatan or desa
 * (wilayah_alias); every later import resolves it to that area, as
 * `tumbuh import alias FILE` does from the server.
 *
 *   GET  /atur/ejaan        the spellings of the user's area and the add
 *                           form; nama=, kecamatan=, kode= pre-fill it (the
 *                           links of /impor's rejected names)
 *   POST /atur/ejaan        add: nama (as the file writes it), kode (a
 *                           kecamatan or desa of the user's area), csrf
 *   POST /atur/ejaan/hapus  remove: nama, kode, csrf
 *
 * admin_kab for the district, tpps_kec for their kecamatan (the /atur
 * roles). Refused with the form filled (422): a blank spelling, an area
 * outside the user's area or the district the database serves, a spelling
 * that already means another area under the same kecamatan (the import
 * would find two), one that adds nothing. Every change is audited.
 */
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "store/atur.h"
#include "store/wilayah.h"
#include "web/atur.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

/* Is kode a kecamatan or desa the user may give a spelling to: in the
 * user's area, in the district the database serves, stored? */
static bool area_ok(tb_req *q, const char *kode)
{
    int level = tb_wilayah_level(kode);
    return (level == 3 || level == 4) && tb_scope_code_ok(&q->user, kode) &&
           tb_store_wilayah_served(q->store, kode) == 1 &&
           tb_store_wilayah_get(q->store, kode, NULL, 0) == 1;
}

static int alias_row(void *ctx, const tb_wilayah_alias *a)
{
    tb_req *q = ((void **)ctx)[0];
    tb_buf *b = ((void **)ctx)[1];
    tb_buf_puts(b, "<tr data-ejaan><td>");
    tb_buf_html(b, a->nama);
    tb_buf_printf(b, "</td><td>%s ", a->tingkat == 4 ? "Desa" : "Kecamatan");
    tb_buf_html(b, a->wilayah_nama);
    if (a->tingkat == 4) {
        tb_buf_puts(b, ", kec. ");
        tb_buf_html(b, a->kecamatan_nama);
    }
    tb_buf_puts(b, " <small>");
    tb_buf_html(b, a->kode);
    tb_buf_puts(b, "</small>");
    tb_buf_puts(b, "</td><td><form method=\"post\" action=\"/atur/ejaan/hapus\">"
                   "<input type=\"hidden\" name=\"nama\" value=\"");
    tb_buf_html(b, a->nama);
    tb_buf_puts(b, "\"><input type=\"hidden\" name=\"kode\" value=\"");
    tb_buf_html(b, a->kode);
    tb_buf_puts(b, "\">");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Hapus</button></form></td></tr>");
    return 0;
}

/* The options of the area select, one group per kecamatan (the kecamatan
 * itself first, then its desa); only the group of kecamatan kec when
 * only_kec, else every group but kec's. */
typedef struct {
    tb_buf *b;
    const char *kec, *sel;
    bool only_kec;
    char group[16];
} opt_ctx;

static int area_option(void *ctx, const char *kode, const char *nama, const char *kecamatan)
{
    opt_ctx *o = ctx;
    char kec[16];
    snprintf(kec, sizeof kec, "%.8s", kode);
    if (o->only_kec != !strcmp(kec, o->kec))
        return 0;
    if (strcmp(kec, o->group)) {
        if (o->group[0])
            tb_buf_puts(o->b, "</optgroup>");
        snprintf(o->group, sizeof o->group, "%s", kec);
        tb_buf_puts(o->b, "<optgroup label=\"Kec. ");
        tb_buf_html(o->b, kecamatan);
        tb_buf_printf(o->b, "\"><option value=\"%s\"%s>Kecamatan ", kec,
                      !strcmp(kec, o->sel) ? " selected" : "");
        tb_buf_html(o->b, kecamatan);
        tb_buf_puts(o->b, " (seluruhnya)</option>");
    }
    tb_buf_printf(o->b, "<option value=\"%s\"%s>", kode, !strcmp(kode, o->sel) ? " selected" : "");
    tb_buf_html(o->b, nama);
    tb_buf_puts(o->b, "</option>");
    return 0;
}

/* The add form: what the user typed when e refused it, else the query's
 * nama=, kode= and kecamatan= (that kecamatan's group first). */
static void add_form(tb_buf *b, tb_req *q, const atur_err *e)
{
    const char *nama = tb_req_query(q, "nama"), *kode = tb_req_query(q, "kode");
    const char *kec = tb_req_query(q, "kecamatan");
    const char *sel = tb_atur_value(q, e, "ejaan", "kode", kode ? kode : "");
    tb_buf_puts(b, "<h2>Tambah ejaan</h2><form method=\"post\" action=\"/atur/ejaan\""
                   " id=\"ejaan-form\">");
    tb_atur_input(b, q, e, "ejaan", "Ejaan seperti tertulis di berkas", "nama", nama,
                  "required maxlength=\"90\" autocapitalize=\"characters\"");
    tb_buf_puts(b, "<label>Berarti (kecamatan atau desa)<select name=\"kode\" required>"
                   "<option value=\"\">- pilih -</option>");
    opt_ctx o = {.b = b, .kec = kec ? kec : "", .sel = sel, .only_kec = true};
    if (o.kec[0])
        tb_store_atur_desa_each(q->store, q->user.wilayah, area_option, &o);
    o.only_kec = false;
    tb_store_atur_desa_each(q->store, q->user.wilayah, area_option, &o);
    if (o.group[0])
        tb_buf_puts(b, "</optgroup>");
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, e, "ejaan", "kode");
    tb_buf_puts(b, "</label>");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Simpan ejaan</button></form>");
}

/* The page, with e's refusal beside its field (e NULL: none). */
static void ejaan_page(tb_req *q, tb_res *r, const atur_err *e)
{
    r->no_store = true;
    tb_html_begin(r, q, "Ejaan nama wilayah");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Ejaan nama wilayah</h1><p><a href=\"/atur/posyandu\">Puskesmas dan"
                   " posyandu</a> · <a href=\"/atur/target\">Survei, target dan lokus</a></p>"
                   "<p>Berkas e-PPGBM, sensus keluarga atau catin kadang menulis nama desa atau"
                   " kecamatan dengan ejaan lain. Simpan ejaan itu sekali di sini; setiap impor"
                   " berikutnya membacanya sebagai wilayah yang Anda pilih.</p>");
    if (tb_req_query(q, "disimpan") && !(e && e->form))
        tb_buf_puts(b, "<p class=\"sukses\" role=\"status\">Ejaan disimpan. Impor lagi berkas yang"
                       " ditolak di halaman <a href=\"/impor\">Impor</a>.</p>");
    if (e && e->form)
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">Belum disimpan: periksa isian yang"
                       " ditandai.</p>");
    add_form(b, q, e);
    tb_buf_puts(b, "<h2>Ejaan yang tersimpan</h2><div class=\"tabel\"><table id=\"ejaan-daftar\">"
                   "<thead><tr><th>Ejaan di berkas</th><th>Berarti</th><th>Hapus</th></tr>"
                   "</thead><tbody>");
    void *ctx[2] = {q, b};
    if (tb_store_wilayah_alias_list(q->store, q->user.wilayah, alias_row, ctx) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div>");
    tb_html_end(r);
}

/* GET /atur/ejaan: the list and the add form (nama=, kecamatan=, kode= fill it). */
void tb_page_atur_ejaan(tb_req *q, tb_res *r)
{
    ejaan_page(q, r, NULL);
}

/* Reads nama and kode and checks them; 0 fine, 1 refused (in e), -1 store error. */
static int read_alias(tb_req *q, char *nama, size_t nn, char *kode, size_t kn, atur_err *e)
{
    bool has_nama = tb_req_form_text(q, "nama", nama, nn);
    bool has_kode = tb_req_form_text(q, "kode", kode, kn);
    if (!has_nama)
        return !tb_atur_fail(e, "ejaan", "nama",
                             "Tulis ejaan nama seperti di berkas (misal SUKOTANY).");
    if (!has_kode)
        return !tb_atur_fail(e, "ejaan", "kode", "Pilih kecamatan atau desa yang dimaksud.");
    if (!area_ok(q, kode))
        return !tb_atur_fail(e, "ejaan", "kode",
                             "Wilayah %s tidak ada di wilayah kerja Anda (kabupaten ini):"
                             " pilih kecamatan atau desa dari daftar.",
                             kode);
    char why[sizeof e->msg];
    int c = tb_import_alias_check(q->store, nama, kode, why, sizeof why);
    if (c < 0)
        return -1;
    if (c)
        return !tb_atur_fail(e, "ejaan", "nama", "%s", why);
    return 0;
}

/* POST /atur/ejaan: stores a spelling (audited) or answers 422 with the form filled. */
void tb_page_atur_ejaan_tambah(tb_req *q, tb_res *r)
{
    atur_err e = {0};
    char nama[128], kode[24];
    if (tb_store_begin(q->store))
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    int rc = read_alias(q, nama, sizeof nama, kode, sizeof kode, &e);
    if (!rc)
        rc = tb_store_wilayah_alias_add(q->store, q->user.id, nama, kode) < 0 ? -1 : 0;
    if (rc || tb_store_commit(q->store)) {
        tb_store_rollback(q->store);
        if (rc > 0) {
            r->status = 422;
            return ejaan_page(q, r, &e);
        }
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    tb_res_redirect(r, "/atur/ejaan?disimpan=1");
}

/* POST /atur/ejaan/hapus: removes a spelling of the user's area (audited). */
void tb_page_atur_ejaan_hapus(tb_req *q, tb_res *r)
{
    char nama[128], kode[24];
    if (!tb_req_form_text(q, "nama", nama, sizeof nama) ||
        !tb_req_form_text(q, "kode", kode, sizeof kode))
        return tb_res_error(r, q, 400, "Ejaan atau kode wilayah tidak terkirim.");
    if (!tb_scope_code_ok(&q->user, kode))
        return tb_res_error(r, q, 403, "Ejaan ini untuk wilayah di luar wilayah kerja Anda.");
    int rc = tb_store_begin(q->store)
                 ? -1
                 : tb_store_wilayah_alias_del(q->store, q->user.id, nama, kode);
    if (rc < 0 || tb_store_commit(q->store)) {
        tb_store_rollback(q->store);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    if (rc == 0)
        return tb_res_error(r, q, 404, "Ejaan itu tidak ada (mungkin sudah dihapus).");
    tb_res_redirect(r, "/atur/ejaan");
}
