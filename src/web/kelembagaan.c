/*
 * kelembagaan.c - the institutional map of each desa (the field reports'
 * "pemetaan kelembagaan"):
 *
 *   GET  /kelembagaan?wilayah=&tahun=  every desa of the area with its gaps,
 *                                      and per kecamatan how many desa lack what
 *   GET  /kelembagaan/{desa}?tahun=    the desa's form
 *   POST /kelembagaan/{desa}           kpm_ada, kpm_terlatih, kader_jumlah,
 *                                      kader_terlatih, bkb, bkr, bkl, kampung_kb,
 *                                      rumah_dataku, tahun, apbdes_stunting, apbdes_kpm
 *
 * The TPPS SK comes from the desa's team (/tpps). A desa user fills their
 * own, tpps_kec those of their kecamatan, the kabupaten roles any.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render.h"
#include "store/tpps.h"
#include "store/wilayah.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"
#include "web/tpps.h"

#define RUN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_DESA)
#define MAX_KEC 128

static int this_year(void)
{
    char t[11];
    tb_today_iso(t);
    return atoi(t);
}

/* The year of tahun= (this year when absent); false after answering 400. */
static bool read_year(tb_req *q, tb_res *r, int *y)
{
    const char *t = tb_req_arg(q, "tahun");
    atur_err e = {0};
    *y = this_year();
    if (t && *t && !tb_atur_year(t, y, &e, "x", "tahun")) {
        tb_res_error(r, q, 400, e.msg);
        return false;
    }
    return true;
}

static void rupiah(tb_buf *b, double v)
{
    if (isnan(v)) {
        tb_buf_puts(b, "-");
        return;
    }
    char s[48];
    tb_render_number(s, sizeof s, v, TB_COL_INT);
    tb_buf_puts(b, "Rp");
    tb_buf_html(b, s);
}

typedef struct {
    char kode[32], nama[120];
    int desa, kurang, gap[TB_KL_COUNT];
} kec_sum;

typedef struct {
    tb_buf *b;
    const tb_req *q;
    kec_sum kec[MAX_KEC];
    int nkec, ndesa, nkurang;
} map_ctx;

static void yes(tb_buf *b, bool ok, const char *text)
{
    tb_buf_printf(b, "<td class=\"%s\">", ok ? "ya" : "tidak");
    tb_buf_html(b, text);
    tb_buf_puts(b, "</td>");
}

static int map_row(void *ctx, const tb_kelembagaan *k)
{
    map_ctx *c = ctx;
    tb_buf *b = c->b;
    unsigned g = tb_kelembagaan_gaps(k);
    if (c->nkec == 0 || strcmp(c->kec[c->nkec - 1].kode, k->kecamatan)) {
        if (c->nkec == MAX_KEC)
            return -1;
        kec_sum *s = &c->kec[c->nkec++];
        memset(s, 0, sizeof *s);
        snprintf(s->kode, sizeof s->kode, "%s", k->kecamatan);
        snprintf(s->nama, sizeof s->nama, "%s", k->kecamatan_nama);
    }
    kec_sum *s = &c->kec[c->nkec - 1];
    s->desa++;
    s->kurang += g != 0;
    c->ndesa++;
    c->nkurang += g != 0;
    for (int i = 0; i < TB_KL_COUNT; i++)
        s->gap[i] += (g >> i) & 1;
    char t[64];
    tb_buf_puts(b, "<tr data-desa=\"");
    tb_buf_html(b, k->desa);
    tb_buf_printf(b, "\" data-kurang=\"%u\"><td>", g);
    if ((c->q->role & RUN) && tb_scope_code_ok(&c->q->user, k->desa)) {
        tb_buf_puts(b, "<a href=\"/kelembagaan/");
        tb_buf_url(b, k->desa);
        tb_buf_printf(b, "?tahun=%d\">", k->tahun);
        tb_buf_html(b, k->desa_nama);
        tb_buf_puts(b, "</a>");
    } else
        tb_buf_html(b, k->desa_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->kecamatan_nama);
    tb_buf_puts(b, "</td>");
    yes(b, k->sk_tpps, k->sk_tpps ? "ada" : "belum");
    snprintf(t, sizeof t, "%d/%d", k->kpm_terlatih, k->kpm_ada);
    yes(b, !(g & (TB_KL_KPM | TB_KL_KPM_LATIH)), t);
    snprintf(t, sizeof t, "%d/%d", k->kader_terlatih, k->kader_jumlah);
    yes(b, !(g & TB_KL_KADER_LATIH), t);
    snprintf(t, sizeof t, "%s%s%s", k->bkb ? "BKB " : "", k->bkr ? "BKR " : "",
             k->bkl ? "BKL" : "");
    yes(b, !(g & (TB_KL_BKB | TB_KL_BKR | TB_KL_BKL)), t[0] ? t : "-");
    yes(b, k->kampung_kb[0], k->kampung_kb[0] ? k->kampung_kb : "-");
    yes(b, k->rumah_dataku[0], k->rumah_dataku[0] ? k->rumah_dataku : "-");
    tb_buf_printf(b, "<td class=\"%s\">", g & TB_KL_APBDES_STUNTING ? "tidak" : "ya");
    rupiah(b, k->apbdes_stunting);
    tb_buf_printf(b, "</td><td class=\"%s\">", g & TB_KL_APBDES_KPM ? "tidak" : "ya");
    rupiah(b, k->apbdes_kpm);
    tb_buf_printf(b, "</td><td>%d</td></tr>", __builtin_popcount(g));
    return 0;
}

static void kec_table(tb_buf *b, const map_ctx *c)
{
    tb_buf_puts(b, "<h2>Rekap per kecamatan (jumlah desa yang belum)</h2><div class=\"tabel\">"
                   "<table><thead><tr><th>Kecamatan</th><th>Desa</th><th>Desa dengan"
                   " kekurangan</th>");
    for (int i = 0; i < TB_KL_COUNT; i++) {
        tb_buf_puts(b, "<th>");
        tb_buf_html(b, tb_kelembagaan_gap_label(i));
        tb_buf_puts(b, "</th>");
    }
    tb_buf_puts(b, "</tr></thead><tbody>");
    for (int k = 0; k < c->nkec; k++) {
        const kec_sum *s = &c->kec[k];
        tb_buf_puts(b, "<tr data-kecamatan=\"");
        tb_buf_html(b, s->kode);
        tb_buf_puts(b, "\"><td>");
        tb_buf_html(b, s->nama);
        tb_buf_printf(b, "</td><td>%d</td><td>%d</td>", s->desa, s->kurang);
        for (int i = 0; i < TB_KL_COUNT; i++)
            tb_buf_printf(b, "<td data-kurang-%d=\"%d\">%d</td>", i, s->gap[i], s->gap[i]);
        tb_buf_puts(b, "</tr>");
    }
    tb_buf_puts(b, "</tbody></table></div>");
}

void tb_page_kelembagaan(tb_req *q, tb_res *r)
{
    char w[32], nama[160];
    int tahun;
    if (!tb_tpps_area(q, r, "wilayah", w, sizeof w, nama, sizeof nama) || !read_year(q, r, &tahun))
        return;
    map_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return tb_res_error(r, q, 500, "Memori habis.");
    char title[240];
    snprintf(title, sizeof title, "Pemetaan kelembagaan desa %s", nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, title);
    tb_buf_printf(b, "</h1><form method=\"get\" action=\"/kelembagaan\"><input type=\"hidden\""
                     " name=\"wilayah\" value=\"");
    tb_buf_html(b, w);
    tb_buf_printf(b,
                  "\"><label>Tahun APBDes<input name=\"tahun\" value=\"%d\" inputmode="
                  "\"numeric\" size=\"5\"></label><button>Tampilkan</button></form>"
                  "<p>SK TPPS desa dari halaman <a href=\"/tpps?wilayah=",
                  tahun);
    tb_buf_url(b, w);
    tb_buf_puts(b, "\">TPPS</a>; KPM dan kader: terlatih/jumlah.</p>");
    c->b = NULL;
    tb_buf rows = {0};
    c->b = &rows;
    c->q = q;
    if (tb_store_kelembagaan_each(q->store, w, tahun, map_row, c) < 0) {
        tb_buf_free(&rows);
        free(c);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    tb_buf_printf(b, "<p data-desa-kurang=\"%d\">%d dari %d desa masih punya kekurangan.</p>",
                  c->nkurang, c->nkurang, c->ndesa);
    if (tb_wilayah_level(w) < 4)
        kec_table(b, c);
    tb_buf_printf(b,
                  "<h2>Per desa</h2><div class=\"tabel\"><table><thead><tr><th>Desa</th>"
                  "<th>Kecamatan</th><th>SK TPPS</th><th>KPM terlatih</th><th>Kader"
                  " terlatih</th><th>BKB/BKR/BKL</th><th>Kampung KB</th><th>Rumah DataKu</th>"
                  "<th>APBDes stunting %d</th><th>APBDes KPM %d</th><th>Kekurangan</th></tr>"
                  "</thead><tbody>",
                  tahun, tahun);
    tb_buf_put(b, rows.data ? rows.data : "", rows.len);
    tb_buf_puts(b, "</tbody></table></div>");
    tb_buf_free(&rows);
    free(c);
    tb_html_end(r);
}

/* The desa of the route's {desa}, in the user's area; false when answered. */
static bool target_desa(tb_req *q, tb_res *r, int tahun, tb_kelembagaan *k)
{
    const char *d = tb_req_param(q, "desa");
    if (tb_wilayah_level(d) != 4)
        return tb_res_error(r, q, 400, "Alamat ini perlu kode desa."), false;
    if (!tb_scope_code_ok(&q->user, d))
        return tb_res_error(r, q, 403, "Desa ini di luar wilayah kerja Anda."), false;
    int f = tb_store_kelembagaan_baca(q->store, d, tahun, k);
    if (f <= 0)
        return tb_res_error(r, q, f < 0 ? 500 : 404, "Desa tidak ditemukan."), false;
    return true;
}

static void check(tb_buf *b, const tb_req *q, const atur_err *e, const char *name,
                  const char *label, int v)
{
    bool on = e && e->form ? tb_req_form(q, name) != NULL : v != 0;
    tb_buf_printf(b, "<label class=\"centang\"><input type=\"checkbox\" name=\"%s\" value=\"1\"%s>",
                  name, on ? " checked" : "");
    tb_buf_html(b, label);
    tb_buf_puts(b, "</label>");
}

static void choice(tb_buf *b, const tb_req *q, const atur_err *e, const char *name,
                   const char *label, const char *v, const char *const *set)
{
    const char *cur = tb_atur_value(q, e, "desa", name, v);
    tb_buf_printf(b, "<label>%s<select name=\"%s\"><option value=\"\">belum ada</option>", label,
                  name);
    for (; *set; set++)
        tb_buf_printf(b, "<option value=\"%s\"%s>%s</option>", *set,
                      !strcmp(cur, *set) ? " selected" : "", *set);
    tb_buf_puts(b, "</select>");
    tb_atur_field_err(b, e, "desa", name);
    tb_buf_puts(b, "</label>");
}

static void num_input(tb_buf *b, const tb_req *q, const atur_err *e, const char *label,
                      const char *name, double v)
{
    char s[32] = "";
    if (!isnan(v))
        snprintf(s, sizeof s, "%.0f", v);
    tb_atur_input(b, q, e, "desa", label, name, s, "inputmode=\"numeric\"");
}

static void desa_form(tb_req *q, tb_res *r, const atur_err *e, const tb_kelembagaan *k)
{
    char title[200];
    snprintf(title, sizeof title, "Kelembagaan desa %s", k->desa_nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, title);
    tb_buf_puts(b, "</h1><p>Kecamatan ");
    tb_buf_html(b, k->kecamatan_nama);
    tb_buf_printf(b, ". SK TPPS desa: <a href=\"/tpps?wilayah=%s\">%s</a>.</p>", k->desa,
                  k->sk_tpps ? "ada" : "belum ada (isi di halaman TPPS)");
    tb_buf_puts(b, "<form method=\"post\" action=\"/kelembagaan/");
    tb_buf_url(b, k->desa);
    tb_buf_puts(b, "\">");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<fieldset><legend>Kader Pembangunan Manusia (KPM) dan kader</legend>");
    num_input(b, q, e, "KPM ditetapkan (SK Kades)", "kpm_ada", k->kpm_ada);
    num_input(b, q, e, "KPM sudah dilatih", "kpm_terlatih", k->kpm_terlatih);
    num_input(b, q, e, "Kader posyandu", "kader_jumlah", k->kader_jumlah);
    num_input(b, q, e, "Kader sudah dilatih", "kader_terlatih", k->kader_terlatih);
    tb_buf_puts(b, "</fieldset><fieldset><legend>Kelompok kegiatan</legend>");
    check(b, q, e, "bkb", "Bina Keluarga Balita (BKB)", k->bkb);
    check(b, q, e, "bkr", "Bina Keluarga Remaja (BKR)", k->bkr);
    check(b, q, e, "bkl", "Bina Keluarga Lansia (BKL)", k->bkl);
    static const char *const KKB[] = {"dasar", "berkembang", "mandiri", "berkelanjutan", NULL};
    static const char *const RDK[] = {"sederhana", "lengkap", "paripurna", NULL};
    choice(b, q, e, "kampung_kb", "Kampung KB (klasifikasi)", k->kampung_kb, KKB);
    choice(b, q, e, "rumah_dataku", "Rumah DataKu (kelas)", k->rumah_dataku, RDK);
    tb_buf_puts(b, "</fieldset><fieldset><legend>APBDes</legend>");
    char y[16];
    snprintf(y, sizeof y, "%d", k->tahun);
    tb_atur_input(b, q, e, "desa", "Tahun anggaran", "tahun", y, "required inputmode=\"numeric\"");
    num_input(b, q, e, "Pos penurunan stunting (Rp)", "apbdes_stunting", k->apbdes_stunting);
    num_input(b, q, e, "Pos insentif/operasional KPM (Rp)", "apbdes_kpm", k->apbdes_kpm);
    tb_buf_puts(b, "</fieldset><button>Simpan</button></form>");
    tb_html_end(r);
}

void tb_page_kelembagaan_desa(tb_req *q, tb_res *r)
{
    int tahun;
    tb_kelembagaan k;
    if (read_year(q, r, &tahun) && target_desa(q, r, tahun, &k))
        desa_form(q, r, NULL, &k);
}

/* A count 0-999 (blank: 0): true, or false with the reason in e. */
static bool count(const tb_req *q, const char *name, int *out, atur_err *e)
{
    const char *s = tb_req_form(q, name);
    char *end;
    long v = s && *s ? strtol(s, &end, 10) : 0;
    if (s && *s && (*end || v < 0 || v > 999))
        return tb_atur_fail(e, "desa", name, "Isi jumlah orang, angka 0 sampai 999.");
    *out = (int)v;
    return true;
}

/* An amount in Rupiah, dots or spaces as thousands separators (blank: NAN). */
static bool amount(const tb_req *q, const char *name, double *out, atur_err *e)
{
    const char *s = tb_req_form(q, name);
    *out = NAN;
    if (!s || !*s)
        return true;
    char t[32];
    size_t n = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '.' || *p == ' ' || (p == s && (*p == 'R' || *p == 'r')))
            continue;
        if (*p == 'p' && p == s + 1)
            continue;
        if (*p < '0' || *p > '9' || n + 1 >= sizeof t)
            return tb_atur_fail(e, "desa", name, "Isi jumlah rupiah tanpa sen, misal 25.000.000.");
        t[n++] = *p;
    }
    t[n] = 0;
    if (!n)
        return tb_atur_fail(e, "desa", name, "Isi jumlah rupiah tanpa sen, misal 25.000.000.");
    *out = atof(t);
    return true;
}

static bool read_form(tb_req *q, tb_kelembagaan *k, atur_err *e)
{
    bool ok = count(q, "kpm_ada", &k->kpm_ada, e) &&
              count(q, "kpm_terlatih", &k->kpm_terlatih, e) &&
              count(q, "kader_jumlah", &k->kader_jumlah, e) &&
              count(q, "kader_terlatih", &k->kader_terlatih, e);
    ok = ok && (k->kpm_terlatih <= k->kpm_ada ||
                tb_atur_fail(e, "desa", "kpm_terlatih",
                             "KPM terlatih lebih banyak dari KPM yang ditetapkan."));
    ok = ok && (k->kader_terlatih <= k->kader_jumlah ||
                tb_atur_fail(e, "desa", "kader_terlatih",
                             "Kader terlatih lebih banyak dari jumlah kader."));
    k->bkb = tb_req_form(q, "bkb") != NULL;
    k->bkr = tb_req_form(q, "bkr") != NULL;
    k->bkl = tb_req_form(q, "bkl") != NULL;
    const char *kkb = tb_req_form(q, "kampung_kb"), *rdk = tb_req_form(q, "rumah_dataku");
    ok = ok && (tb_kampung_kb_ok(kkb) ||
                tb_atur_fail(e, "desa", "kampung_kb", "Pilih klasifikasi Kampung KB dari daftar."));
    ok = ok && (tb_rumah_dataku_ok(rdk) ||
                tb_atur_fail(e, "desa", "rumah_dataku", "Pilih kelas Rumah DataKu dari daftar."));
    snprintf(k->kampung_kb, sizeof k->kampung_kb, "%s", kkb ? kkb : "");
    snprintf(k->rumah_dataku, sizeof k->rumah_dataku, "%s", rdk ? rdk : "");
    ok = ok && tb_atur_year(tb_req_form(q, "tahun"), &k->tahun, e, "desa", "tahun");
    ok = ok && amount(q, "apbdes_stunting", &k->apbdes_stunting, e) &&
         amount(q, "apbdes_kpm", &k->apbdes_kpm, e);
    return ok;
}

void tb_page_kelembagaan_simpan(tb_req *q, tb_res *r)
{
    int tahun = this_year();
    tb_kelembagaan k;
    if (!target_desa(q, r, tahun, &k))
        return;
    atur_err e = {0};
    if (!read_form(q, &k, &e)) {
        r->status = 422;
        return desa_form(q, r, &e, &k);
    }
    if (tb_store_kelembagaan_simpan(q->store, q->user.id, &k) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char loc[96];
    snprintf(loc, sizeof loc, "/kelembagaan?wilayah=%s&tahun=%d", k.desa, k.tahun);
    tb_res_redirect(r, loc);
}
