/*
 * layanan.c - the target page (/layanan/{id}): a pregnant woman, a catin
 * or a child with every service received from every source and the
 * package items missing; the parts the child and family pages reuse; and
 * the desa convergence scorecard page (/konvergensi), aggregates for every
 * role that opens it, the targets by name with what they miss for the
 * roles that see names at a desa.
 */
#include "web/layanan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render_html.h"
#include "report/layanan.h"
#include "store/krs.h"
#include "store/layanan.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/scope.h"

bool tb_web_tpk_ok(tb_req *q, long id, long keluarga)
{
    if (!(q->role & TB_ROLE_TPK))
        return true;
    return tb_store_tpk_user_has(q->store, q->user.id, id, keluarga) == 1;
}

typedef struct {
    tb_req *q;
    tb_buf *b;
    const tb_krs_rule *rule;
    int n;
    bool err;
} paket_ctx;

/* One target type of the person: its package as a list, missing first. */
static int paket_one(void *ctx, const tb_layanan_fakta *f)
{
    paket_ctx *c = ctx;
    tb_buf *b = c->b;
    int j = tb_paket_jenis(f->jenis), ind[TB_LAY_COUNT];
    int n = tb_paket(c->q->store, j, ind, TB_LAY_COUNT);
    if (n < 0) {
        c->err = true;
        return 1;
    }
    c->n++;
    tb_buf_printf(b, "<section class=\"paket\" id=\"paket-%s\"><h3>Paket layanan: ", f->jenis);
    tb_buf_html(b, tb_paket_label(j));
    tb_buf_puts(b, "</h3>");
    int missing = 0;
    for (int pass = 0; pass < 2; pass++) {
        tb_buf_puts(b, pass ? "<ul class=\"diterima\">" : "<ul class=\"kurang\">");
        for (int k = 0; k < n; k++) {
            int v = tb_layanan_nilai(ind[k], f, c->rule);
            if ((pass == 0 && v != 0) || (pass == 1 && v == 0))
                continue;
            missing += pass == 0;
            tb_buf_printf(b, "<li data-indikator=\"%s\">%s ", tb_layanan_kode(ind[k]),
                          v == 0  ? "&#10007; Belum:"
                          : v > 0 ? "&#10003;"
                                  : "&ndash;");
            tb_buf_html(b, tb_layanan_label(ind[k]));
            if (v < 0)
                tb_buf_puts(b, " (tidak berlaku)");
            tb_buf_puts(b, "</li>");
        }
        tb_buf_puts(b, "</ul>");
    }
    tb_buf_printf(b, "<p>%s</p></section>",
                  missing ? "Paket belum lengkap: lengkapi layanan bertanda &#10007;."
                          : "Paket lengkap untuk bulan ini.");
    return 0;
}

int tb_web_layanan_paket(tb_req *q, tb_buf *b, long id, const char *month)
{
    tb_krs_rule_data rule;
    if (tb_layanan_rule(q->store, &rule) < 0)
        return -1;
    paket_ctx c = {q, b, &rule.rule, 0, false};
    if (tb_store_layanan_fakta_of(q->store, id, month, paket_one, &c) < 0 || c.err)
        return -1;
    if (!c.n)
        tb_buf_puts(b, "<p>Bukan sasaran paket layanan pada bulan ini (bukan ibu hamil/nifas,"
                       " catin, atau anak di bawah 5 tahun).</p>");
    return c.n;
}

static const char *source_label(const char *s)
{
    static const char *const map[][2] = {{"posyandu", "Posyandu"},
                                         {"tpk", "TPK"},
                                         {"anc", "ANC"},
                                         {"nifas", "Nifas"},
                                         {"kehamilan", "Kehamilan"},
                                         {"persalinan", "Persalinan"},
                                         {"catin", "Catin (Elsimil)"},
                                         {"pendataan", "Pendataan keluarga"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (s && !strcmp(s, map[i][0]))
            return map[i][1];
    return s ? s : "";
}

typedef struct {
    tb_buf *b;
    bool family;
    int n;
} riwayat_ctx;

static int riwayat_row(void *ctx, const tb_layanan_event *e)
{
    riwayat_ctx *c = ctx;
    char text[1024];
    tb_layanan_teks(e, text, sizeof text);
    tb_buf_printf(c->b, "<tr data-sumber=\"%s\"><td>", e->sumber ? e->sumber : "");
    tb_buf_html(c->b, e->tanggal ? e->tanggal : "");
    tb_buf_puts(c->b, "</td><td>");
    tb_buf_html(c->b, source_label(e->sumber));
    if (c->family) {
        tb_buf_puts(c->b, "</td><td>");
        tb_buf_html(c->b, e->nama ? e->nama : "(keluarga)");
    }
    tb_buf_puts(c->b, "</td><td>");
    tb_buf_html(c->b, text);
    tb_buf_puts(c->b, "</td></tr>");
    c->n++;
    return 0;
}

int tb_web_layanan_riwayat(tb_req *q, tb_buf *b, long id, long keluarga)
{
    riwayat_ctx c = {b, id <= 0, 0};
    tb_buf_printf(b,
                  "<div class=\"tabel\"><table id=\"riwayat-layanan\"><thead><tr><th>Tanggal"
                  "</th><th>Sumber</th>%s<th>Layanan</th></tr></thead><tbody>",
                  c.family ? "<th>Anggota</th>" : "");
    if (tb_store_layanan_timeline(q->store, id, keluarga, riwayat_row, &c) < 0)
        return -1;
    tb_buf_puts(b, "</tbody></table></div>");
    if (!c.n)
        tb_buf_puts(b, "<p>Belum ada layanan tercatat.</p>");
    return 0;
}

/* bulan= of the request (this month when absent) into out; false after a 400. */
static bool read_month(tb_req *q, tb_res *r, char out[8])
{
    const char *m = tb_req_arg(q, "bulan");
    char why[160];
    if (m && *m && !tb_page_month_ok(m, why, sizeof why)) {
        tb_res_error(r, q, 400, why);
        return false;
    }
    if (m && *m)
        snprintf(out, 8, "%s", m);
    else
        tb_this_month(out);
    return true;
}

void tb_page_layanan(tb_req *q, tb_res *r)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    tb_layanan_orang o;
    int f = id > 0 && !*end ? tb_store_layanan_orang(q->store, id, &o) : 0;
    if (f < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (f == 0)
        return tb_res_error(r, q, 404, "Sasaran tidak ditemukan.");
    if (!tb_scope_code_ok(&q->user, o.desa) || !tb_web_tpk_ok(q, id, -1))
        return tb_res_error(r, q, 403,
                            "Sasaran ini di luar wilayah kerja Anda (TPK: di luar sasaran tim).");
    char month[8];
    if (!read_month(q, r, month))
        return;
    tb_html_begin(r, q, o.nama);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, o.nama);
    tb_buf_puts(b, "</h1><p>");
    tb_buf_html(b, o.desa_nama);
    if (o.tgl_lahir[0]) {
        tb_buf_puts(b, " &middot; lahir ");
        tb_buf_html(b, o.tgl_lahir);
    }
    tb_buf_puts(b, "</p><nav class=\"tautan\">");
    if (o.anak)
        tb_buf_printf(b, "<a href=\"/anak/%ld\">Halaman anak</a> ", id);
    if (o.keluarga > 0 && !(q->role & TB_ROLE_KADER))
        tb_buf_printf(b, "<a href=\"/keluarga/%ld\">Keluarga</a>", o.keluarga);
    tb_buf_printf(b,
                  "</nav><form method=\"get\" action=\"/layanan/%ld\"><label>Bulan <input "
                  "type=\"month\" name=\"bulan\" value=\"%s\"></label><button>Tampilkan</button>"
                  "</form><h2>Layanan yang seharusnya diterima (bulan %s)</h2>",
                  id, month, month);
    if (tb_web_layanan_paket(q, b, id, month) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "<h2>Semua layanan yang diterima</h2>");
    if (tb_web_layanan_riwayat(q, b, id, 0) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    r->no_store = true;
    tb_html_end(r);
}

typedef struct {
    tb_req *q;
    tb_buf *b;
    const tb_krs_rule *rule;
    int paket[TB_PAKET_NJENIS][TB_LAY_COUNT], npaket[TB_PAKET_NJENIS];
    int n;
} kurang_ctx;

/* A target of the desa with the package items it misses (names roles). */
static int kurang_row(void *ctx, const tb_layanan_fakta *f)
{
    kurang_ctx *c = ctx;
    int j = tb_paket_jenis(f->jenis);
    if (j < 0 || !tb_web_tpk_ok(c->q, f->id, -1))
        return 0;
    tb_buf *b = c->b;
    tb_buf_printf(b, "<tr><td><a href=\"/layanan/%ld\">", f->id);
    tb_buf_html(b, f->nama);
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, tb_paket_label(j));
    tb_buf_puts(b, "</td><td>");
    int miss = 0;
    for (int k = 0; k < c->npaket[j]; k++)
        if (tb_layanan_nilai(c->paket[j][k], f, c->rule) == 0) {
            tb_buf_puts(b, miss++ ? "; " : "");
            tb_buf_html(b, tb_layanan_label(c->paket[j][k]));
        }
    tb_buf_puts(b, miss ? "</td></tr>" : "lengkap</td></tr>");
    c->n++;
    return 0;
}

/* The desa's targets by name with what they miss; false after an error. */
static bool kurang_list(tb_req *q, tb_res *r, const page_scope *ps)
{
    tb_krs_rule_data rule;
    kurang_ctx c = {.q = q, .b = &r->body};
    bool ok = tb_layanan_rule(q->store, &rule) == 0;
    c.rule = &rule.rule;
    for (int j = 0; ok && j < TB_PAKET_NJENIS; j++)
        ok = (c.npaket[j] = tb_paket(q->store, j, c.paket[j], TB_LAY_COUNT)) >= 0;
    tb_buf_puts(&r->body, "<h2>Sasaran dan layanan yang belum diterima</h2><div class=\"tabel\">"
                          "<table id=\"sasaran-kurang\"><thead><tr><th>Nama</th><th>Sasaran</th>"
                          "<th>Belum diterima</th></tr></thead><tbody>");
    if (!ok ||
        tb_store_layanan_fakta(q->store, ps->wilayah, ps->sc.month, true, kurang_row, &c) < 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return false;
    }
    tb_buf_puts(&r->body, "</tbody></table></div>");
    return true;
}

/* The package of every target type, as the district has set it. */
static bool packages(tb_req *q, tb_buf *b)
{
    tb_buf_puts(b, "<details id=\"paket\"><summary>Paket layanan per jenis sasaran</summary>"
                   "<p>Diatur per kabupaten (pengaturan paket_bumil, paket_baduta, paket_balita,"
                   " paket_catin).</p>");
    for (int j = 0; j < TB_PAKET_NJENIS; j++) {
        int ind[TB_LAY_COUNT], n = tb_paket(q->store, j, ind, TB_LAY_COUNT);
        if (n < 0)
            return false;
        tb_buf_puts(b, "<h3>");
        tb_buf_html(b, tb_paket_label(j));
        tb_buf_puts(b, "</h3><ul>");
        for (int k = 0; k < n; k++) {
            tb_buf_puts(b, "<li>");
            tb_buf_html(b, tb_layanan_label(ind[k]));
            tb_buf_puts(b, "</li>");
        }
        tb_buf_puts(b, "</ul>");
    }
    tb_buf_puts(b, "</details>");
    return true;
}

void tb_page_konvergensi(tb_req *q, tb_res *r)
{
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    if (ps.sc.posyandu_id > 0)
        return tb_res_error(r, q, 400,
                            "Kartu konvergensi dibuat per wilayah (wilayah=), bukan"
                            " per posyandu.");
    tb_table *t = NULL;
    if (tb_report_run(q->store, TB_REPORT_KONVERGENSI, &ps.sc, &t) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_html_begin(r, q, "Kartu konvergensi desa");
    tb_buf *b = &r->body;
    tb_page_breadcrumb(b, q, &ps);
    tb_buf_puts(b, "<h1>Kartu konvergensi desa</h1>");
    tb_page_month_form(b, "/konvergensi", &ps);
    tb_buf_puts(b, "<nav class=\"tautan\">");
    static const char *const fmts[] = {"csv", "xlsx", "pdf"};
    for (int i = 0; i < 3; i++) {
        tb_buf_printf(b, "<a href=\"/unduh/konvergensi-desa.%s?", fmts[i]);
        tb_page_scope_query(b, &ps);
        tb_buf_printf(b, "\" download>Unduh %s</a> ", fmts[i]);
    }
    tb_buf_puts(b, "</nav>");
    tb_render_html(t, b, NULL);
    tb_table_free(t);
    if (!packages(q, b))
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (strlen(ps.wilayah) > 8) {
        if (!ps.sc.with_names)
            tb_buf_puts(b, "<p class=\"catatan\">Daftar sasaran by name hanya untuk bidan desa/KPM"
                           " dan petugas gizi puskesmas (UU PDP 27/2022).</p>");
        else if (!kurang_list(q, r, &ps))
            return;
    }
    r->no_store = true;
    tb_html_end(r);
}
