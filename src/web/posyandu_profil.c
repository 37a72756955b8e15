/*
 * posyandu_profil.c - the page of a posyandu itself (/posyandu/{id}/profil):
 * its cadres (by name, trained or not), the days it opened, its
 * anthropometry kit against the standard list, the PMT menus given with
 * their source, and the PAUD sites measured on the same day. Every role
 * that sees the posyandu reads it; the desa, the puskesmas nutrition
 * officer and the kecamatan TPPS edit it; a cadre edits its own posyandu's
 * cadres and PMT menus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/clock.h"
#include "store/posyandu.h"
#include "store/posyandu_profil.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/scope.h"

#define PROFIL_EDIT (TB_ROLE_DESA | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_TPPS_KEC)

typedef struct {
    const char *bagian, *err;
} form_state;

/* May the user of q change part bagian of a posyandu in scope? */
static bool may_edit(const tb_req *q, const char *bagian)
{
    if (q->role & PROFIL_EDIT)
        return true;
    return (q->role & TB_ROLE_KADER) && (!strcmp(bagian, "kader") || !strcmp(bagian, "pmt"));
}

static const char *again(const tb_req *q, const form_state *fs, const char *bagian,
                         const char *name)
{
    const char *v = fs && !strcmp(fs->bagian, bagian) ? tb_req_form(q, name) : NULL;
    return v ? v : "";
}

/* Opens the form of part bagian (its error first). */
static void form_open(tb_buf *b, const tb_req *q, long id, const char *bagian, const form_state *fs,
                      const char *legend)
{
    tb_buf_printf(b,
                  "<form method=\"post\" action=\"/posyandu/%ld/profil/%s\" class=\"baris\">"
                  "<fieldset><legend>%s</legend>",
                  id, bagian, legend);
    if (fs && fs->err && !strcmp(fs->bagian, bagian)) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, fs->err);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
}

static void field(tb_buf *b, const tb_req *q, const form_state *fs, const char *bagian,
                  const char *name, const char *label, const char *attrs, const char *dflt)
{
    const char *v = again(q, fs, bagian, name);
    tb_buf_printf(b, "<label>%s <input name=\"%s\" %s value=\"", label, name, attrs);
    tb_buf_html(b, *v ? v : dflt ? dflt : "");
    tb_buf_puts(b, "\"></label>");
}

typedef struct {
    tb_buf *b;
    const tb_req *q;
    long id;
    bool edit;
} row_ctx;

static int kader_row(void *ctx, const tb_kader *k)
{
    row_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, k->nama);
    tb_buf_printf(b, "</td><td>%s</td><td>", k->terlatih ? "terlatih" : "belum dilatih");
    tb_buf_html(b, k->pelatihan ? k->pelatihan : "");
    tb_buf_printf(b, "</td><td>%s</td><td>", k->aktif ? "aktif" : "tidak aktif");
    if (c->edit) {
        tb_buf_printf(b,
                      "<form method=\"post\" action=\"/posyandu/%ld/profil/kader\""
                      " class=\"sebaris\"><input type=\"hidden\" name=\"kader_id\" value=\"%ld\">"
                      "<input type=\"hidden\" name=\"nama\" value=\"",
                      c->id, k->id);
        tb_buf_html(b, k->nama);
        tb_buf_puts(b, "\"><input type=\"hidden\" name=\"pelatihan\" value=\"");
        tb_buf_html(b, k->pelatihan ? k->pelatihan : "");
        tb_buf_puts(b, "\"><input type=\"hidden\" name=\"csrf\" value=\"");
        tb_buf_html(b, c->q->csrf);
        tb_buf_printf(b, "\">%s%s<button>%s</button></form>",
                      k->terlatih ? "<input type=\"hidden\" name=\"terlatih\" value=\"1\">" : "",
                      k->aktif ? "" : "<input type=\"hidden\" name=\"aktif\" value=\"1\">",
                      k->aktif ? "Tandai tidak aktif" : "Aktifkan lagi");
    }
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static void kader_section(tb_buf *b, const tb_req *q, long id, const form_state *fs)
{
    tb_buf_puts(b, "<h2>Kader</h2><div class=\"tabel\"><table id=\"kader\"><thead><tr>"
                   "<th>Nama</th><th>Pelatihan</th><th>Keterangan</th><th>Status</th><th></th>"
                   "</tr></thead><tbody>");
    row_ctx c = {b, q, id, may_edit(q, "kader")};
    tb_store_kader_each(q->store, id, kader_row, &c);
    tb_buf_puts(b, "</tbody></table></div>");
    if (!c.edit)
        return;
    form_open(b, q, id, "kader", fs, "Kader baru");
    field(b, q, fs, "kader", "nama", "Nama", "type=\"text\" required", NULL);
    tb_buf_printf(b,
                  "<label><input type=\"checkbox\" name=\"terlatih\" value=\"1\"%s> Sudah"
                  " dilatih</label>",
                  *again(q, fs, "kader", "terlatih") ? " checked" : "");
    field(b, q, fs, "kader", "pelatihan", "Pelatihan (apa, kapan)", "type=\"text\"", NULL);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"aktif\" value=\"1\"><button>Tambah kader"
                   "</button></fieldset></form>");
}

static int buka_item(void *ctx, const char *tanggal)
{
    tb_buf_puts(ctx, "<li>");
    tb_buf_html(ctx, tanggal);
    tb_buf_puts(ctx, "</li>");
    return 0;
}

static int alat_row(void *ctx, const char *kode, const char *label, bool ada, bool baik)
{
    row_ctx *c = ctx;
    tb_buf_puts(c->b, "<tr><td>");
    tb_buf_html(c->b, label);
    if (c->edit)
        tb_buf_printf(c->b,
                      "</td><td><input type=\"checkbox\" name=\"ada_%s\" value=\"1\"%s"
                      " aria-label=\"ada\"></td><td><input type=\"checkbox\" name=\"baik_%s\""
                      " value=\"1\"%s aria-label=\"baik\"></td></tr>",
                      kode, ada ? " checked" : "", kode, baik ? " checked" : "");
    else
        tb_buf_printf(c->b, "</td><td>%s</td><td>%s</td></tr>", ada ? "ada" : "tidak ada",
                      ada ? (baik ? "baik" : "rusak") : "-");
    return 0;
}

static void buka_alat_section(tb_buf *b, const tb_req *q, const tb_posyandu_info *p,
                              const form_state *fs)
{
    tb_buf_puts(b, "<h2>Hari buka</h2>");
    if (p->hari_buka)
        tb_buf_printf(b, "<p>Biasanya buka tanggal %d setiap bulan.</p>", p->hari_buka);
    tb_buf_puts(b, "<ul class=\"buka\">");
    tb_store_buka_each(q->store, p->id, 12, buka_item, b);
    tb_buf_puts(b, "</ul>");
    char today[11];
    tb_today_iso(today);
    if (may_edit(q, "buka")) {
        form_open(b, q, p->id, "buka", fs, "Catat hari buka");
        field(b, q, fs, "buka", "tanggal", "Tanggal", "type=\"date\" required", today);
        tb_buf_puts(b, "<button>Catat</button></fieldset></form>");
    }
    row_ctx c = {b, q, p->id, may_edit(q, "alat")};
    tb_buf_puts(b, "<h2>Kit antropometri</h2>");
    if (c.edit)
        form_open(b, q, p->id, "alat", fs, "Kelengkapan kit standar");
    tb_buf_puts(b, "<div class=\"tabel\"><table id=\"alat\"><thead><tr><th>Alat</th><th>Ada</th>"
                   "<th>Baik</th></tr></thead><tbody>");
    tb_store_alat_each(q->store, p->id, alat_row, &c);
    tb_buf_puts(b, "</tbody></table></div>");
    if (c.edit)
        tb_buf_puts(b, "<button>Simpan kit</button></fieldset></form>");
}

static int pmt_row(void *ctx, const tb_pmt *m)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, m->tanggal);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, m->menu);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, m->sumber);
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static int paud_row(void *ctx, const tb_paud *d)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, d->tanggal);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, d->nama_paud);
    tb_buf_printf(b, "</td><td class=\"n\">%d</td></tr>", d->jumlah_anak);
    return 0;
}

static void pmt_paud_section(tb_buf *b, const tb_req *q, long id, const form_state *fs)
{
    char today[11];
    tb_today_iso(today);
    tb_buf_puts(b, "<h2>Menu PMT</h2><div class=\"tabel\"><table id=\"pmt\"><thead><tr>"
                   "<th>Tanggal</th><th>Menu</th><th>Sumber</th></tr></thead><tbody>");
    tb_store_pmt_each(q->store, id, 12, pmt_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (may_edit(q, "pmt")) {
        form_open(b, q, id, "pmt", fs, "Menu PMT yang diberikan");
        field(b, q, fs, "pmt", "tanggal", "Tanggal", "type=\"date\" required", today);
        field(b, q, fs, "pmt", "menu", "Menu", "type=\"text\" required", NULL);
        field(b, q, fs, "pmt", "sumber", "Sumber", "type=\"text\" list=\"pmt-sumber\" required",
              NULL);
        tb_buf_puts(b, "<datalist id=\"pmt-sumber\">");
        for (int i = 0; i < TB_PMT_SUMBER_N; i++)
            tb_buf_printf(b, "<option value=\"%s\">", tb_pmt_sumber[i]);
        tb_buf_puts(b, "</datalist><button>Catat menu</button></fieldset></form>");
    }
    tb_buf_puts(b, "<h2>PAUD diukur serentak</h2><div class=\"tabel\"><table id=\"paud\"><thead>"
                   "<tr><th>Tanggal</th><th>PAUD</th><th class=\"n\">Anak diukur</th></tr>"
                   "</thead><tbody>");
    tb_store_paud_each(q->store, id, 12, paud_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (may_edit(q, "paud")) {
        form_open(b, q, id, "paud", fs, "Pengukuran serentak anak PAUD");
        field(b, q, fs, "paud", "tanggal", "Tanggal", "type=\"date\" required", today);
        field(b, q, fs, "paud", "nama_paud", "Nama PAUD", "type=\"text\" required", NULL);
        field(b, q, fs, "paud", "jumlah_anak", "Jumlah anak diukur",
              "type=\"number\" min=\"0\" inputmode=\"numeric\" required", NULL);
        tb_buf_puts(b, "<button>Catat</button></fieldset></form>");
    }
}

static void profil_page(tb_req *q, tb_res *r, const tb_posyandu_info *p, const form_state *fs)
{
    char title[200];
    snprintf(title, sizeof title, "%s%s", strncasecmp(p->nama, "posyandu", 8) ? "Posyandu " : "",
             p->nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, title);
    tb_buf_puts(b, "</h1><p>");
    tb_buf_html(b, p->desa_nama);
    if (tb_role_enters(&q->user))
        tb_buf_printf(b, " · <a href=\"/posyandu/%ld\">Hari posyandu</a>", p->id);
    tb_buf_puts(b, "</p>");
    kader_section(b, q, p->id, fs);
    buka_alat_section(b, q, p, fs);
    pmt_paud_section(b, q, p->id, fs);
    tb_html_end(r);
}

void tb_page_posyandu_profil(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (tb_page_posyandu_read(q, r, &p))
        profil_page(q, r, &p, NULL);
}

static int save_alat(tb_req *q, long id)
{
    for (int i = 0; i < TB_ALAT_N; i++) {
        char a[48], k[48];
        snprintf(a, sizeof a, "ada_%s", tb_alat_kode[i]);
        snprintf(k, sizeof k, "baik_%s", tb_alat_kode[i]);
        if (tb_store_alat_set(q->store, q->user.id, id, tb_alat_kode[i], tb_req_form(q, a) != NULL,
                              tb_req_form(q, k) != NULL) < 0)
            return -1;
    }
    return 0;
}

static int save_part(tb_req *q, long id, const char *bagian)
{
    const char *tgl = tb_req_form(q, "tanggal");
    if (!strcmp(bagian, "kader")) {
        const char *kid = tb_req_form(q, "kader_id");
        tb_kader k = {.id = kid ? atol(kid) : 0,
                      .posyandu_id = id,
                      .nama = tb_req_form(q, "nama"),
                      .pelatihan = tb_req_form(q, "pelatihan"),
                      .terlatih = tb_req_form(q, "terlatih") != NULL,
                      .aktif = tb_req_form(q, "aktif") != NULL};
        return tb_store_kader_save(q->store, q->user.id, &k, NULL);
    }
    if (!strcmp(bagian, "buka"))
        return tb_store_buka_add(q->store, q->user.id, id, tgl);
    if (!strcmp(bagian, "alat"))
        return save_alat(q, id);
    if (!strcmp(bagian, "pmt")) {
        tb_pmt m = {.posyandu_id = id,
                    .tanggal = tgl,
                    .menu = tb_req_form(q, "menu"),
                    .sumber = tb_req_form(q, "sumber")};
        return tb_store_pmt_add(q->store, q->user.id, &m, NULL);
    }
    const char *n = tb_req_form(q, "jumlah_anak");
    char *end = NULL;
    long jumlah = n && *n ? strtol(n, &end, 10) : -1;
    tb_paud d = {.posyandu_id = id,
                 .tanggal = tgl,
                 .nama_paud = tb_req_form(q, "nama_paud"),
                 .jumlah_anak = end && !*end ? (int)jumlah : -1};
    return tb_store_paud_add(q->store, q->user.id, &d, NULL);
}

void tb_page_posyandu_profil_simpan(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!tb_page_posyandu_read(q, r, &p))
        return;
    const char *bagian = tb_req_param(q, "bagian");
    static const char *const parts[] = {"kader", "buka", "alat", "pmt", "paud"};
    bool known = false;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        known |= !strcmp(bagian, parts[i]);
    if (!known)
        return tb_res_error(r, q, 404, "Bagian halaman posyandu tidak dikenal.");
    if (!may_edit(q, bagian))
        return tb_res_error(r, q, 403,
                            "Kader mengubah daftar kader dan menu PMT posyandunya;"
                            " bagian lain diisi desa atau puskesmas.");
    if (save_part(q, p.id, bagian) == 0) {
        char to[64];
        snprintf(to, sizeof to, "/posyandu/%ld/profil", p.id);
        return tb_res_redirect(r, to);
    }
    char msg[400];
    snprintf(msg, sizeof msg, "%s", tb_store_error(q->store));
    form_state fs = {bagian, msg};
    profil_page(q, r, &p, &fs);
    r->status = 422;
}
