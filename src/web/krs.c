/*
 * krs.c (web) - families at risk (issue 12): GET /krs shows the KRS table of
 * an area (kabupaten -> kecamatan -> desa by the rows' links), the target of
 * assistance against the families accompanied with the verval still open;
 * at a desa, for the roles that work with families by name, the desa's
 * families and the verval worklist with a confirm/correct form per family.
 * POST /krs/target sets a desa's target (TPPS kecamatan, admin kabupaten);
 * POST /verval/{id} confirms or corrects a family's status with a reason.
 * GET /keluarga/{id} shows a family, its members and its status at any date
 * (lib/krs.c with the active rule).
 * A refused form comes back filled, with the error beside it (422).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render_html.h"
#include "report/krs.h"
#include "store/krs.h"
#include "store/wilayah.h"
#include "tb_date.h"
#include "tb_krs.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/layanan.h"
#include "web/scope.h"

/* What a refused form typed, to show it again. */
typedef struct {
    const char *error;
    /* target */
    const char *desa, *tahun, *target;
    /* verval */
    long id;
    const char *keputusan, *krs, *alasan;
} typed;

/* Renders report kind k of the scope into the page; false after an error response. */
static bool table(tb_req *q, tb_res *r, const page_scope *ps, tb_report_kind k)
{
    tb_table *t = NULL;
    if (tb_report_run(q->store, k, &ps->sc, &t)) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return false;
    }
    tb_render_html(t, &r->body, NULL);
    tb_table_free(t);
    return true;
}

static bool sets_target(const tb_req *q)
{
    return (q->role & (TB_ROLE_TPPS_KEC | TB_ROLE_ADMIN_KAB)) != 0;
}

static bool does_verval(const tb_req *q)
{
    return (q->role & (TB_ROLE_DESA | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_TPK)) != 0;
}

/* The target form (for the desa of the scope, or one typed). */
static void target_form(tb_req *q, tb_buf *b, const page_scope *ps, const typed *ty)
{
    char year[8];
    snprintf(year, sizeof year, "%.4s", ps->sc.month);
    bool mine = ty && ty->desa;
    tb_buf_puts(b, "<form method=\"post\" action=\"/krs/target\" class=\"target\">"
                   "<h2>Target pendampingan KRS</h2><label>Kode desa <input name=\"desa\" "
                   "required value=\"");
    tb_buf_html(b, mine ? ty->desa : (strlen(ps->wilayah) > 8 ? ps->wilayah : ""));
    tb_buf_puts(b, "\" placeholder=\"35.99.01.2001\"></label> <label>Tahun <input name=\"tahun\""
                   " inputmode=\"numeric\" required value=\"");
    tb_buf_html(b, mine && ty->tahun ? ty->tahun : year);
    tb_buf_puts(b, "\"></label> <label>Target (keluarga) <input name=\"target\""
                   " inputmode=\"numeric\" required value=\"");
    tb_buf_html(b, mine && ty->target ? ty->target : "");
    tb_buf_puts(b, "\"></label>");
    if (mine && ty->error) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, ty->error);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<input type=\"hidden\" name=\"bulan\" value=\"");
    tb_buf_html(b, ps->sc.month);
    tb_buf_puts(b, "\"><input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><button>Simpan target</button></form>");
}

typedef struct {
    tb_req *q;
    tb_buf *b;
    const typed *ty;
    const char *month;
    int n;
} verval_ctx;

/* One family of the worklist, with its form when not yet confirmed (or when refused). */
static int verval_item(void *ctx, const tb_verval_row *v)
{
    verval_ctx *c = ctx;
    if (!tb_web_tpk_ok(c->q, 0, v->id)) /* a TPK member: the team's families only */
        return 0;
    tb_buf *b = c->b;
    bool again = c->ty && c->ty->id == v->id;
    c->n++;
    tb_buf_printf(b, "<li id=\"k%ld\"><strong>", v->id);
    tb_buf_html(b, v->nama ? v->nama : "(tanpa nama)");
    tb_buf_puts(b, "</strong> ");
    tb_buf_html(b, v->alamat ? v->alamat : "");
    tb_buf_printf(b, " &middot; KRS: %s &middot; ", v->krs ? "ya" : "tidak");
    for (int i = 0, first = 1; i < TB_VERVAL_NALASAN; i++)
        if (v->alasan & (1u << i)) {
            tb_buf_puts(b, first ? "" : "; ");
            tb_buf_html(b, tb_verval_reason(i));
            first = 0;
        }
    if (v->keputusan && !again) {
        tb_buf_puts(b, "<br><span class=\"ok\">");
        tb_buf_html(b, !strcmp(v->keputusan, "koreksi") ? "Dikoreksi" : "Dikonfirmasi");
        tb_buf_puts(b, ": ");
        tb_buf_html(b, v->catatan ? v->catatan : "");
        tb_buf_puts(b, " (");
        tb_buf_html(b, v->oleh ? v->oleh : "?");
        tb_buf_puts(b, ", ");
        tb_buf_html(b, v->waktu ? v->waktu : "");
        tb_buf_puts(b, ")</span></li>");
        return 0;
    }
    const char *kp = again && c->ty->keputusan ? c->ty->keputusan : "konfirmasi";
    const char *kr = again && c->ty->krs ? c->ty->krs : (v->krs ? "1" : "0");
    tb_buf_printf(b, "<form method=\"post\" action=\"/verval/%ld\">", v->id);
    tb_buf_printf(b,
                  "<label>Keputusan <select name=\"keputusan\">"
                  "<option value=\"konfirmasi\"%s>Status benar</option>"
                  "<option value=\"koreksi\"%s>Koreksi</option></select></label> "
                  "<label>Status hasil cek <select name=\"krs\">"
                  "<option value=\"1\"%s>KRS</option><option value=\"0\"%s>Bukan KRS</option>"
                  "</select></label> <label>Alasan <input name=\"alasan\" maxlength=\"300\""
                  " required value=\"",
                  strcmp(kp, "koreksi") ? " selected" : "",
                  strcmp(kp, "koreksi") ? "" : " selected", strcmp(kr, "0") ? " selected" : "",
                  strcmp(kr, "0") ? "" : " selected");
    tb_buf_html(b, again && c->ty->alasan ? c->ty->alasan : "");
    tb_buf_puts(b, "\"></label>");
    if (again && c->ty->error) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, c->ty->error);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<input type=\"hidden\" name=\"bulan\" value=\"");
    tb_buf_html(b, c->month);
    tb_buf_puts(b, "\"><input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, c->q->csrf);
    tb_buf_puts(b, "\"><button>Simpan</button></form></li>");
    return 0;
}

/* The desa part: families by name and the worklist (roles with names), else a note. */
static bool desa_part(tb_req *q, tb_res *r, const page_scope *ps, const typed *ty)
{
    tb_buf *b = &r->body;
    if (!ps->sc.with_names) {
        tb_buf_puts(b, "<p class=\"catatan\">Daftar keluarga by name hanya untuk bidan desa/KPM,"
                       " petugas gizi puskesmas dan TPK desa ini (UU PDP 27/2022).</p>");
        return true;
    }
    if (!table(q, r, ps, TB_REPORT_KRS_KELUARGA))
        return false;
    tb_buf_puts(b, "<h2>Verval: status KRS yang perlu dikonfirmasi</h2><ul class=\"verval\">");
    verval_ctx c = {q, b, ty, ps->sc.month, 0};
    if (does_verval(q) ? tb_store_verval_list(q->store, ps->wilayah, verval_item, &c) < 0 : 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return false;
    }
    tb_buf_puts(b, "</ul>");
    if (!c.n)
        tb_buf_puts(b, "<p>Tidak ada keluarga yang perlu diverifikasi.</p>");
    return true;
}

/* The whole page for the scope; ty: a refused form to show again (status 422). */
static void krs_page(tb_req *q, tb_res *r, const page_scope *ps, const typed *ty)
{
    tb_html_begin(r, q, "Keluarga berisiko stunting");
    tb_buf *b = &r->body;
    tb_page_breadcrumb(b, q, ps);
    tb_buf_puts(b, "<h1>Keluarga berisiko stunting (KRS)</h1>");
    tb_page_month_form(b, "/krs", ps);
    tb_buf_puts(b, "<nav class=\"tautan\">");
    static const char *const fmts[] = {"csv", "xlsx", "pdf"};
    for (int i = 0; i < 3; i++) {
        tb_buf_printf(b, "<a href=\"/unduh/krs.%s?", fmts[i]);
        tb_page_scope_query(b, ps);
        tb_buf_printf(b, "\" download>Unduh %s</a> ", fmts[i]);
    }
    tb_buf_puts(b, "</nav>");
    if (!table(q, r, ps, TB_REPORT_KRS) || !table(q, r, ps, TB_REPORT_KRS_TARGET))
        return;
    if (sets_target(q))
        target_form(q, b, ps, ty);
    if (strlen(ps->wilayah) > 8 && !desa_part(q, r, ps, ty))
        return;
    if (ty)
        r->status = 422;
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_krs(tb_req *q, tb_res *r)
{
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    krs_page(q, r, &ps, NULL);
}

/* The scope of a form's answer page: wilayah (checked), the month posted (or this one). */
static bool form_scope(tb_req *q, tb_res *r, const char *wilayah, page_scope *ps)
{
    memset(ps, 0, sizeof *ps);
    snprintf(ps->wilayah, sizeof ps->wilayah, "%s", wilayah);
    if (tb_store_wilayah_nama(q->store, ps->wilayah, ps->nama, sizeof ps->nama) != 1) {
        tb_res_error(r, q, 404, "Wilayah tidak ditemukan.");
        return false;
    }
    const char *m = tb_req_form(q, "bulan");
    char why[160];
    if (m && tb_page_month_ok(m, why, sizeof why))
        snprintf(ps->sc.month, sizeof ps->sc.month, "%s", m);
    else
        tb_this_month(ps->sc.month);
    ps->sc.wilayah = ps->wilayah;
    ps->sc.with_names = tb_role_sees_names(&q->user);
    ps->sc.link_anak = ps->sc.with_names && !(q->role & TB_ROLE_TPK);
    ps->sc.tpk_pengguna = q->role & TB_ROLE_TPK ? q->user.id : 0;
    return true;
}

void tb_page_krs_target(tb_req *q, tb_res *r)
{
    typed ty = {.desa = tb_req_form(q, "desa"),
                .tahun = tb_req_form(q, "tahun"),
                .target = tb_req_form(q, "target")};
    const char *desa = ty.desa ? ty.desa : "";
    char *end;
    long tahun = ty.tahun ? strtol(ty.tahun, &end, 10) : 0;
    bool tahun_ok = ty.tahun && *ty.tahun && !*end && tahun >= 2020 && tahun <= 2100;
    long target = ty.target ? strtol(ty.target, &end, 10) : -1;
    bool target_ok = ty.target && *ty.target && !*end && target >= 0 && target <= 100000;
    char nama[128];
    bool desa_ok = tb_wilayah_level(desa) == 4 &&
                   tb_store_wilayah_nama(q->store, desa, nama, sizeof nama) == 1;
    if (!desa_ok)
        ty.error = "Kode desa tidak dikenal: tulis kode Kemendagri desa, mis. 35.99.01.2001.";
    else if (!tb_scope_code_ok(&q->user, desa))
        ty.error = "Desa ini di luar wilayah kerja Anda.";
    else if (!tahun_ok)
        ty.error = "Tahun tidak sah: tulis tahun 2020-2100.";
    else if (!target_ok)
        ty.error = "Target harus bilangan bulat 0 atau lebih (jumlah keluarga).";
    page_scope ps;
    if (ty.error) {
        if (form_scope(q, r, q->user.wilayah, &ps))
            krs_page(q, r, &ps, &ty);
        return;
    }
    if (tb_store_krs_target_set(q->store, q->user.id, desa, (int)tahun, target) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    char to[96];
    snprintf(to, sizeof to, "/krs?wilayah=%.8s", desa); /* its kecamatan */
    tb_res_redirect(r, to);
}

void tb_page_verval(tb_req *q, tb_res *r)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    char desa[32];
    if (id <= 0 || *end || tb_store_keluarga_desa(q->store, id, desa, sizeof desa) != 1)
        return tb_res_error(r, q, 404, "Keluarga tidak ditemukan.");
    if (!tb_scope_code_ok(&q->user, desa) || !tb_web_tpk_ok(q, 0, id))
        return tb_res_error(r, q, 403, "Keluarga ini di luar wilayah kerja Anda.");
    typed ty = {.id = id,
                .keputusan = tb_req_form(q, "keputusan"),
                .krs = tb_req_form(q, "krs"),
                .alasan = tb_req_form(q, "alasan")};
    const char *k = ty.keputusan ? ty.keputusan : "";
    size_t alen = ty.alasan ? strlen(ty.alasan) : 0;
    while (alen && ty.alasan[alen - 1] == ' ')
        alen--;
    if (strcmp(k, "konfirmasi") && strcmp(k, "koreksi"))
        ty.error = "Pilih keputusan: status benar (konfirmasi) atau koreksi.";
    else if (!strcmp(k, "koreksi") && (!ty.krs || (strcmp(ty.krs, "0") && strcmp(ty.krs, "1"))))
        ty.error = "Koreksi perlu status hasil cek: KRS atau bukan KRS.";
    else if (alen < 3)
        ty.error = "Tulis alasannya (apa yang dicek, mis. \"kunjungan rumah: jamban sudah "
                   "septik\").";
    else if (alen > 300)
        ty.error = "Alasan paling banyak 300 huruf.";
    page_scope ps;
    if (ty.error) {
        if (form_scope(q, r, desa, &ps))
            krs_page(q, r, &ps, &ty);
        return;
    }
    int rc =
        tb_store_verval_put(q->store, q->user.id, id, k, ty.krs && !strcmp(ty.krs, "1"), ty.alasan);
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    char to[96];
    snprintf(to, sizeof to, "/krs?wilayah=%s#k%ld", desa, id);
    tb_res_redirect(r, to);
}

/* The rule's facts of family k and its members m[0..n) (wife: the mother of
 * the children, else a member with the role pus/bumil). */
static void family_facts(const tb_keluarga_info *k, const tb_keluarga_member *m, int n,
                         tb_krs_member *km, tb_krs_facts *f)
{
    long wife = 0;
    for (int i = 0; i < n && !wife; i++)
        wife = m[i].ibu_id;
    for (int i = 0; i < n && !wife; i++)
        if (!strcmp(m[i].peran, "pus") || !strcmp(m[i].peran, "bumil"))
            wife = m[i].id;
    *f = (tb_krs_facts){.sumber_air = k->sumber_air,
                        .jamban = k->jamban,
                        .pendidikan_ibu = k->pendidikan_ibu,
                        .rumah_layak = k->rumah_layak,
                        .desil = k->desil,
                        .istri_lahir = TB_DATE_NONE,
                        .umur_istri = -1,
                        .hamil = 0,
                        .pus = -1,
                        .jumlah_anak = -1,
                        .jarak_bulan = -1,
                        .umur_bungsu = -1,
                        .baduta = -1,
                        .balita = -1,
                        .anggota = km,
                        .nanggota = n};
    for (int i = 0; i < n; i++) {
        km[i].lahir = tb_date_iso(m[i].tgl_lahir);
        km[i].anak = (wife && m[i].ibu_id == wife) || (!wife && !strcmp(m[i].peran, "anak"));
        if (m[i].id == wife) {
            f->istri_lahir = km[i].lahir;
            f->hamil = m[i].hamil;
        }
    }
}

/* Yes/no of a flag, or the factor names of a mask, into the page. */
static void factors_html(tb_buf *b, unsigned mask)
{
    char list[256];
    tb_krs_factor_list(mask, list, sizeof list);
    tb_buf_html(b, list[0] ? list : "-");
}

typedef struct {
    tb_buf *b;
    int prev; /* the previous round's KRS, -1 before the first */
} round_ctx;

/* A census round of the family, and its change since the round before. */
static int round_row(void *ctx, const tb_krs_round *x)
{
    round_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, x->putaran);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, x->tanggal);
    tb_buf_printf(b, "</td><td>%s</td><td>%s</td><td>", x->sasaran ? "ya" : "tidak",
                  x->krs ? "ya" : "tidak");
    tb_buf_html(b, x->faktor && x->faktor[0] ? x->faktor : "-");
    const char *change = c->prev < 0              ? "pertama tercatat"
                         : c->prev == (int)x->krs ? "tetap"
                         : x->krs                 ? "menjadi KRS"
                                                  : "tidak lagi KRS";
    tb_buf_printf(b, "</td><td>%s</td></tr>", change);
    c->prev = x->krs;
    return 0;
}

/* Each member's package this month, with a link to their target page. */
static bool members_services(tb_req *q, tb_buf *b, const tb_keluarga_member *m, int n)
{
    char month[8];
    tb_this_month(month);
    tb_buf_puts(b, "<h2>Layanan anggota keluarga</h2>");
    for (int i = 0; i < n; i++) {
        tb_buf part = {0}, *tmp = &part;
        int k = tb_web_layanan_paket(q, tmp, m[i].id, month);
        if (k < 0) {
            tb_buf_free(tmp);
            return false;
        }
        if (k > 0) {
            tb_buf_printf(b, "<h3><a href=\"/layanan/%ld\">", m[i].id);
            tb_buf_html(b, m[i].nama);
            tb_buf_puts(b, "</a></h3>");
            tb_buf_put(b, tmp->data, tmp->len);
        }
        tb_buf_free(tmp);
    }
    tb_buf_puts(b, "<h2>Semua layanan keluarga</h2>");
    return true;
}

void tb_page_keluarga(tb_req *q, tb_res *r)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    tb_keluarga_info k;
    if (id <= 0 || *end || tb_store_keluarga_info(q->store, id, &k) != 1)
        return tb_res_error(r, q, 404, "Keluarga tidak ditemukan.");
    if (!tb_scope_code_ok(&q->user, k.desa) || !tb_web_tpk_ok(q, 0, id))
        return tb_res_error(r, q, 403,
                            "Keluarga ini di luar wilayah kerja Anda (TPK: di luar"
                            " keluarga sasaran tim).");
    char day[11];
    const char *t = tb_req_arg(q, "tanggal");
    if (t && *t && tb_date_iso(t) == TB_DATE_NONE)
        return tb_res_error(r, q, 400, "tanggal= harus TTTT-BB-HH, mis. 2026-01-31.");
    if (t && *t)
        snprintf(day, sizeof day, "%s", t);
    else
        tb_today_iso(day);
    enum { MAXM = 32 };
    tb_keluarga_member m[MAXM];
    tb_krs_member km[MAXM];
    int n = tb_store_keluarga_members(q->store, id, m, MAXM);
    tb_krs_rule_data rule;
    char why[200] = "";
    if (n < 0 || tb_store_krs_rule(q->store, &rule, why, sizeof why) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_html_begin(r, q, "Keluarga");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Keluarga ");
    tb_buf_html(b, n ? m[0].nama : k.no_kk);
    tb_buf_puts(b, "</h1><p>No. KK ");
    tb_buf_html(b, k.no_kk);
    tb_buf_puts(b, " &middot; ");
    tb_buf_html(b, k.alamat);
    tb_buf_puts(b, ", ");
    tb_buf_html(b, k.desa_nama);
    tb_buf_printf(b,
                  "</p><p>Status yang dihitung (putaran %s): sasaran <strong>%s</strong>, KRS"
                  " <strong>%s</strong>; faktor: ",
                  k.putaran[0] ? k.putaran : "-", k.sasaran ? "ya" : "tidak",
                  k.krs ? "ya" : "tidak");
    tb_buf_html(b, k.faktor[0] ? k.faktor : "-");
    tb_buf_puts(b, "</p>");
    tb_buf_printf(b,
                  "<form method=\"get\" action=\"/keluarga/%ld\"><label>Status pada tanggal "
                  "<input type=\"date\" name=\"tanggal\" value=\"%s\"></label>"
                  "<button>Hitung</button></form>",
                  id, day);
    if (why[0]) {
        tb_buf_puts(b, "<p class=\"galat\">");
        tb_buf_html(b, why);
        tb_buf_puts(b, "</p>");
    } else if (n) {
        tb_krs_facts f;
        family_facts(&k, m, n, km, &f);
        tb_krs_result res;
        tb_krs_eval(&rule.rule, &f, tb_date_iso(day), &res);
        tb_buf_printf(b, "<p id=\"status-tanggal\">Pada %s (aturan ", day);
        tb_buf_html(b, rule.versi);
        tb_buf_printf(b,
                      "): PUS %s, PUS hamil %s, baduta %s, balita %s &rarr; sasaran"
                      " <strong>%s</strong>, KRS <strong>%s</strong>; faktor: ",
                      res.pus ? "ya" : "tidak", res.pus_hamil ? "ya" : "tidak",
                      res.baduta ? "ya" : "tidak", res.balita ? "ya" : "tidak",
                      res.sasaran ? "ya" : "tidak", res.krs ? "ya" : "tidak");
        factors_html(b, res.faktor);
        tb_buf_puts(b, "; variabel tambahan (bukan faktor): ");
        factors_html(b, res.tambahan);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<h2>Anggota keluarga</h2><table><tr><th>Nama</th><th>JK</th>"
                   "<th>Tanggal lahir</th><th>Umur</th><th>Peran</th></tr>");
    for (int i = 0; i < n; i++) {
        tb_buf_puts(b, "<tr><td>");
        tb_buf_html(b, m[i].nama);
        tb_buf_printf(b, "</td><td>%s</td><td>", m[i].jk == 1 ? "L" : m[i].jk == 2 ? "P" : "");
        tb_buf_html(b, m[i].tgl_lahir);
        int mo = tb_krs_months(tb_date_iso(m[i].tgl_lahir), tb_date_iso(day));
        if (mo >= 0 && mo < 60)
            tb_buf_printf(b, "</td><td>%d bulan</td><td>", mo);
        else if (mo >= 0)
            tb_buf_printf(b, "</td><td>%d tahun</td><td>", mo / 12);
        else
            tb_buf_puts(b, "</td><td></td><td>");
        tb_buf_html(b, m[i].peran);
        tb_buf_puts(b, "</td></tr>");
    }
    tb_buf_puts(b, "</table><h2>Status per putaran pendataan</h2><table><tr><th>Putaran</th>"
                   "<th>Dihitung</th><th>Sasaran</th><th>KRS</th><th>Faktor</th>"
                   "<th>Perubahan</th></tr>");
    round_ctx rc = {b, -1};
    if (tb_store_krs_rounds(q->store, id, round_row, &rc) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</table>");
    if (!members_services(q, b, m, n) || tb_web_layanan_riwayat(q, b, 0, id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    r->no_store = true;
    tb_html_end(r);
}
