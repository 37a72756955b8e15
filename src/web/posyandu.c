/*
 * posyandu.c - the posyandu day: the target children (S) of a posyandu
 * for a month with last month's result, entry of this month's measurement
 * (and of the child's Buku KIA). Registering a new child is registrasi.c. The measurement itself is
 * saved by save.c (shared with the API), which computes z-scores, categories, N/T/O/B, 2T and BGM
 * at once and answers with advice.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/clock.h"
#include "report/advice.h"
#include "format/render.h"
#include "web/scope.h"
#include "store/posyandu.h"
#include "store/anak.h"
#include "store/pengukuran.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/daftar.h"
#include "store/report.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/registrasi.h"
#include "web/save.h"

/* The chooser's table: one row per posyandu, the name linking to its day. */
static int chooser_row(void *ctx, const tb_posyandu_row *p)
{
    tb_table *t = ctx;
    long r = tb_table_add_row(t);
    char href[64];
    snprintf(href, sizeof href, "/posyandu/%ld", p->id);
    tb_table_set_link(t, r, href);
    tb_table_set_text(t, r, 0, p->nama);
    tb_table_set_text(t, r, 1, p->desa);
    tb_table_set_text(t, r, 2, p->kecamatan);
    tb_table_set_text(t, r, 3, p->puskesmas);
    tb_table_set_num(t, r, 4, (double)p->anak);
    return 0;
}

static bool chooser_sortable(const char *key, bool names)
{
    (void)names;
    return !strcmp(key, "nama") || !strcmp(key, "desa") || !strcmp(key, "kecamatan") ||
           !strcmp(key, "anak");
}

typedef struct {
    tb_buf *b;
    const tb_req *q;
    const tb_posyandu_info *p;
    const char *month;
    char tanggal[11];
    int n, done, shown;
    const char *cari; /* part of a name to show (without JavaScript), "" = all */
    bool belum;       /* only the children not yet measured this month */
} day_ctx;

/* Does name contain part, ignoring ASCII case? */
static bool contains_ci(const char *name, const char *part)
{
    size_t n = strlen(part);
    for (const char *p = name; n && *p; p++)
        if (!strncasecmp(p, part, n))
            return true;
    return n == 0;
}

static int day_child(void *ctx, const tb_sasaran_row *s)
{
    day_ctx *c = ctx;
    tb_buf *b = c->b;
    c->n++;
    c->done += s->has_now;
    if ((c->belum && s->has_now) || !contains_ci(s->nama, c->cari))
        return 0; /* filtered out on the server (no JavaScript) */
    c->shown++;
    tb_buf_printf(b, "<li id=\"anak-%ld\"><a href=\"/anak/%ld\"><strong>", s->id, s->id);
    tb_buf_html(b, s->nama);
    tb_buf_printf(b, "</strong></a> · %s · %d bulan", s->jk == 1 ? "L" : "P", s->umur_bulan);
    tb_buf_puts(b, "<div class=\"lalu\">Bulan lalu: ");
    if (s->has_prev) {
        char sum[256];
        tb_save_summary(&s->prev, sum, sizeof sum);
        tb_buf_printf(b, "%.2s/%.2s/%.4s", s->prev.tanggal + 8, s->prev.tanggal + 5,
                      s->prev.tanggal); /* 30/11/2026 */
        tb_buf_puts(b, " · ");
        tb_buf_html(b, sum);
    } else {
        tb_buf_puts(b, "belum pernah ditimbang");
    }
    tb_buf_puts(b, "</div>");
    if (s->has_now)
        tb_save_result_html(b, c->q->store, &s->now, false);
    tb_buf_printf(b,
                  "<form class=\"ukur\" method=\"post\" action=\"/posyandu/%ld\" data-anak=\"%ld\""
                  " data-posyandu=\"%ld\"",
                  c->p->id, s->id, c->p->id);
    if (s->has_now) /* measured this month: saving corrects that measurement */
        tb_buf_puts(b, " data-diukur=\"1\"");
    if (s->has_prev && !isnan(s->prev.bb))
        tb_buf_printf(b, " data-bb-lalu=\"%.2f\"", s->prev.bb);
    if (s->has_prev && !isnan(s->prev.tb))
        tb_buf_printf(b, " data-tb-lalu=\"%.1f\"", s->prev.tb);
    tb_buf_puts(b, ">");
    tb_buf_printf(b, "<input type=\"hidden\" name=\"anak_id\" value=\"%ld\">", s->id);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, c->q->csrf);
    tb_buf_puts(b, "\"><label>Tanggal <input type=\"date\" name=\"tanggal\" required value=\"");
    tb_buf_html(b, s->has_now ? s->now.tanggal : c->tanggal); /* measured: correct it */
    tb_buf_puts(b, "\"></label><label>BB (kg) <input type=\"number\" name=\"bb\" step=\"0.1\""
                   " min=\"0.3\" max=\"80\" inputmode=\"decimal\"");
    if (s->has_now && !isnan(s->now.bb))
        tb_buf_printf(b, " value=\"%.1f\"", s->now.bb);
    tb_buf_puts(b, "></label><label>PB/TB (cm) <input type=\"number\" name=\"tb\" step=\"0.1\""
                   " min=\"30\" max=\"160\" inputmode=\"decimal\"");
    if (s->has_now && !isnan(s->now.tb))
        tb_buf_printf(b, " value=\"%.1f\"", s->now.tb);
    int lying = s->umur_bulan < 24;
    tb_buf_printf(b,
                  "></label><label>Cara ukur <select name=\"cara_ukur\">"
                  "<option value=\"l\"%s>terlentang</option>"
                  "<option value=\"h\"%s>berdiri</option></select></label>",
                  lying ? " selected" : "", lying ? "" : " selected");
    tb_buf_puts(b, "<label>LiLA (cm) <input type=\"number\" name=\"lila\" step=\"0.1\" min=\"5\""
                   " max=\"35\" inputmode=\"decimal\"");
    if (s->has_now && !isnan(s->now.lila))
        tb_buf_printf(b, " value=\"%.1f\"", s->now.lila);
    tb_buf_puts(b, "></label><label>LiKA (cm) <input type=\"number\" name=\"lika\" step=\"0.1\""
                   " min=\"20\" max=\"65\" inputmode=\"decimal\"");
    if (s->has_now && !isnan(s->now.lika))
        tb_buf_printf(b, " value=\"%.1f\"", s->now.lika);
    tb_buf_puts(b, "></label>"
                   "<label><input type=\"checkbox\" name=\"vit_a\" value=\"1\"> Vitamin A</label>"
                   "<label><input type=\"checkbox\" name=\"pmt\" value=\"1\"> PMT</label>"
                   "<label><input type=\"checkbox\" name=\"buku_kia\" value=\"1\"> Punya Buku"
                   " KIA</label>"
                   "<button>Simpan</button></form></li>");
    return 0;
}

void tb_page_posyandu_list(tb_req *q, tb_res *r)
{
    if (q->user.posyandu_id > 0) {
        char to[64];
        snprintf(to, sizeof to, "/posyandu/%ld", q->user.posyandu_id);
        return tb_res_redirect(r, to);
    }
    page_scope ps; /* the user's area; posyandu names are not personal data */
    memset(&ps, 0, sizeof ps);
    snprintf(ps.wilayah, sizeof ps.wilayah, "%s", q->user.wilayah);
    ps.sc.wilayah = ps.wilayah;
    ps.sc.with_names = true;
    tb_daftar d;
    if (!tb_daftar_read(q, r, &ps, NULL, false, &d))
        return;
    static const char *const keys[] = {"nama", "desa", "kecamatan", "puskesmas", "anak"};
    static const char *const heads[] = {"Posyandu", "Desa", "Kecamatan", "Puskesmas", "Anak"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_INT};
    tb_table *t = tb_table_new("Posyandu di wilayah Anda", 5, keys, heads, kinds);
    long total = 0;
    if (!t || tb_store_posyandu_page(q->store, ps.wilayah, &d.q, chooser_row, t, &total) < 0) {
        tb_table_free(t);
        return tb_res_error(r, q, 500, t ? tb_store_error(q->store) : "Memori habis.");
    }
    tb_html_begin(r, q, "Pilih posyandu");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Pilih posyandu</h1>");
    tb_daftar_form(b, q, "/posyandu/", &ps, &d, false, NULL);
    tb_daftar_pager(b, "/posyandu/", NULL, &d, total, "posyandu");
    tb_daftar_table(b, t, "/posyandu/", NULL, &d, chooser_sortable);
    tb_table_free(t);
    if (total > d.per)
        tb_daftar_pager(b, "/posyandu/", NULL, &d, total, "posyandu");
    r->no_store = true;
    tb_html_end(r);
}

/* The search box and the "belum ditimbang" filter at the top of the day:
 * app.js filters the list as the cadre types; without JavaScript the form
 * is a GET and the server leaves the other children out. */
static void day_filter(tb_buf *b, const tb_posyandu_info *p, const char *month, const day_ctx *c)
{
    tb_buf_printf(b,
                  "<form id=\"saring-hari\" class=\"saring-hari\" method=\"get\""
                  " action=\"/posyandu/%ld\" role=\"search\">"
                  "<input type=\"hidden\" name=\"bulan\" value=\"%s\">"
                  "<label class=\"cari\"><span>Cari anak</span> <input type=\"search\""
                  " name=\"cari\" id=\"cari-anak\" placeholder=\"Ketik sebagian nama\""
                  " autocomplete=\"off\" value=\"",
                  p->id, month);
    tb_buf_html(b, c->cari);
    tb_buf_printf(b,
                  "\"></label><label class=\"belum\"><input type=\"checkbox\" name=\"belum\""
                  " value=\"1\" id=\"belum-ditimbang\"%s> Belum ditimbang</label>"
                  "<button>Cari</button></form>",
                  c->belum ? " checked" : "");
}

/* The month of the posyandu day (bulan=TTTT-BB, else this month) into
 * month[8]; false with why (page.h) when bulan= is malformed or future. */
static bool day_month(const tb_req *q, const char *today, char *month, char why[160])
{
    const char *bulan = tb_req_query(q, "bulan");
    if (bulan && *bulan) {
        if (!tb_page_month_ok(bulan, why, 160))
            return false;
        snprintf(month, 8, "%s", bulan);
    } else {
        snprintf(month, 8, "%.7s", today);
    }
    return true;
}

void tb_page_posyandu(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!tb_page_posyandu_read(q, r, &p))
        return;
    if (!tb_role_enters(&q->user) || !tb_role_sees_names(&q->user))
        return tb_res_error(r, q, 403, "Peran Anda tidak mengisi hari posyandu.");
    char month[8], now[11];
    tb_today_iso(now);
    char why[160];
    if (!day_month(q, now, month, why))
        return tb_res_error(r, q, 400, why);
    const char *cari = tb_req_query(q, "cari"), *belum = tb_req_query(q, "belum");
    day_ctx c = {.b = &r->body, .q = q, .p = &p, .month = month, .cari = cari ? cari : ""};
    c.belum = belum && !strcmp(belum, "1");
    tb_save_default_date(now, month, p.hari_buka, c.tanggal);
    char title[160];
    snprintf(title, sizeof title, "Hari posyandu %s", p.nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, p.nama);
    tb_buf_puts(b, " · ");
    tb_buf_html(b, p.desa_nama);
    tb_buf_puts(b, "</h1><section id=\"antrian\" class=\"antrian\" aria-label=\"Isian belum"
                   " terkirim\"></section>");
    day_filter(b, &p, month, &c);
    tb_buf_printf(b,
                  "<form class=\"bulan\" method=\"get\" action=\"/posyandu/%ld\"><label>Bulan"
                  " <input type=\"month\" name=\"bulan\" value=\"%s\"></label>"
                  "<button>Tampilkan</button></form>",
                  p.id, month);
    tb_buf_printf(b,
                  "<nav class=\"tautan\"><a href=\"/dasbor?posyandu=%ld&amp;bulan=%s\">SKDN"
                  " posyandu ini</a> <a href=\"/laporan/tidak-diukur?posyandu=%ld&amp;bulan=%s\">"
                  "Belum diukur (kunjungan rumah)</a> <a href=\"/posyandu/%ld/profil\">Kader,"
                  " alat, PMT, PAUD</a></nav>",
                  p.id, month, p.id, month, p.id);
    tb_registrasi_form(b, q, p.id, false, false);
    tb_buf_puts(b, "<ul class=\"anak-daftar\">");
    if (tb_store_posyandu_sasaran(q->store, p.id, month, day_child, &c) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</ul>");
    tb_buf_printf(b,
                  "<p id=\"tak-cocok\" class=\"catatan\" data-s=\"%d\"%s>Tidak ada anak yang"
                  " cocok dengan pencarian.</p>",
                  c.n, c.shown || !c.n ? " hidden" : "");
    tb_buf_printf(b, "<p class=\"catatan\">Sasaran (S): %d anak; sudah diukur bulan ini: %d.</p>",
                  c.n, c.done);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_posyandu_save(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!tb_page_posyandu_read(q, r, &p))
        return;
    tb_save_entry e;
    tb_save_entry_from_form(q, &e);
    tb_save_result res;
    if (tb_save_measurement(q, &e, &res) < 0 && !res.confirm)
        return tb_res_error(r, q, res.status, res.error);
    tb_html_begin(r, q, "Hasil pengukuran");
    tb_buf *b = &r->body;
    if (res.confirm) {
        r->status = 409;
        tb_buf_puts(b, "<h1>Periksa lagi</h1><ul class=\"galat\">");
        for (int i = 0; i < res.nperiksa; i++) { /* every unusual value, not only the first */
            tb_buf_puts(b, "<li>");
            tb_buf_html(b, res.periksa[i].pesan);
            tb_buf_puts(b, "</li>");
        }
        tb_buf_printf(b, "</ul><form method=\"post\" action=\"/posyandu/%ld\">", p.id);
        for (int i = 0; i < q->nfields; i++) {
            if (!strcmp(q->keys[i], "yakin"))
                continue;
            tb_buf_puts(b, "<input type=\"hidden\" name=\"");
            tb_buf_html(b, q->keys[i]);
            tb_buf_puts(b, "\" value=\"");
            tb_buf_html(b, q->vals[i]);
            tb_buf_puts(b, "\">");
        }
        tb_buf_printf(b,
                      "<input type=\"hidden\" name=\"yakin\" value=\"1\"><button>Ya, nilai"
                      " ini benar</button> <a href=\"/posyandu/%ld\">Ukur ulang</a></form>",
                      p.id);
    } else {
        const char *kia = tb_req_form(q, "buku_kia"); /* K of SKDN: the child has a Buku KIA */
        if (kia && !strcmp(kia, "1") && tb_registrasi_buku_kia(q, e.anak_id) < 0)
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        tb_buf_puts(b, "<h1>Tersimpan</h1>");
        tb_save_result_html(b, q->store, &res.row, false);
        tb_buf_printf(b,
                      "<p><a href=\"/posyandu/%ld?bulan=%.7s#anak-%ld\">Kembali ke daftar</a>"
                      " · <a href=\"/anak/%ld\">Grafik pertumbuhan</a></p>",
                      p.id, e.tanggal, e.anak_id, e.anak_id);
    }
    tb_html_end(r);
}
