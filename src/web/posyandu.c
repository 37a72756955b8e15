/*
 * posyandu.c - the posyandu day: the target children (S) of a posyandu
 * for a month with last month's result, entry of this month's measurement,
 * registering a new child. Saving (form or API) computes z-scores,
 * categories, N/T/O/B, 2T and BGM at once and answers with advice.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "report/advice.h"
#include "format/render.h"
#include "web/scope.h"
#include "store/web.h"
#include "store/write.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/save.h"

static void num(char *out, size_t n, double v, int dec)
{
    if (isnan(v))
        snprintf(out, n, "–");
    else
        tb_render_number(out, n, v, dec == 1 ? TB_COL_DEC1 : TB_COL_DEC2);
}

void tb_save_summary(const tb_ukur_row *u, char *out, size_t n)
{
    char bb[32], tb[32], a[32], b[32], c[32];
    num(bb, sizeof bb, u->bb, 1);
    num(tb, sizeof tb, u->tb, 1);
    num(a, sizeof a, u->z_bbu, 2);
    num(b, sizeof b, u->z_tbu, 2);
    num(c, sizeof c, u->z_bbtb, 2);
    const char *naik = u->naik == 'N'   ? "naik (N)"
                       : u->naik == 'T' ? "tidak naik (T)"
                       : u->naik == 'O' ? "bulan lalu tidak ditimbang (O)"
                       : u->naik == 'B' ? "baru pertama ditimbang (B)"
                                        : "–";
    snprintf(out, n, "BB %s kg, %s %s cm · BB/U %s (%s) · %s %s (%s) · BB/%s %s (%s) · %s%s%s", bb,
             u->cara == 'h' ? "TB" : "PB", tb, a, *u->kat_bbu ? u->kat_bbu : "–",
             u->cara == 'h' ? "TB/U" : "PB/U", b, *u->kat_tbu ? u->kat_tbu : "–",
             u->cara == 'h' ? "TB" : "PB", c, *u->kat_bbtb ? u->kat_bbtb : "–", naik,
             u->t2 ? " · 2T" : "", u->bgm ? " · BGM" : "");
}

static double parse_num(const char *s)
{
    if (!s || !*s)
        return NAN;
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%s", s);
    for (char *p = tmp; *p; p++)
        if (*p == ',')
            *p = '.';
    char *end;
    double v = strtod(tmp, &end);
    return *end || isnan(v) || isinf(v) ? NAN : v;
}

void tb_save_entry_from_form(const tb_req *q, tb_save_entry *e)
{
    memset(e, 0, sizeof *e);
    const char *a = tb_req_form(q, "anak_id");
    e->anak_id = a ? strtol(a, NULL, 10) : 0;
    snprintf(e->tanggal, sizeof e->tanggal, "%s",
             tb_req_form(q, "tanggal") ? tb_req_form(q, "tanggal") : "");
    e->bb = parse_num(tb_req_form(q, "bb"));
    e->tb = parse_num(tb_req_form(q, "tb"));
    e->lila = parse_num(tb_req_form(q, "lila"));
    const char *c = tb_req_form(q, "cara_ukur");
    e->cara = c && (c[0] == 'l' || c[0] == 'h') ? c[0] : 0;
    e->vit_a = tb_req_form(q, "vit_a") != NULL;
    e->pmt = tb_req_form(q, "pmt") != NULL;
    e->yakin = tb_req_form(q, "yakin") != NULL;
    e->bb_given = tb_req_form(q, "bb") && *tb_req_form(q, "bb");
    e->tb_given = tb_req_form(q, "tb") && *tb_req_form(q, "tb");
}

/* Sets the error of a save; returns false. */
static bool save_error(tb_save_result *res, int status, const char *msg)
{
    res->status = status;
    snprintf(res->error, sizeof res->error, "%s", msg);
    return false;
}

/* The child of an entry, when the user enters measurements for it (404, 403, 500). */
static bool entry_child(tb_req *q, const tb_save_entry *e, tb_anak_info *a, tb_save_result *res)
{
    int f = e->anak_id > 0 ? tb_store_anak_info(q->store, e->anak_id, a) : 0;
    if (f < 0)
        return save_error(res, 500, tb_store_error(q->store));
    if (f == 0)
        return save_error(res, 404, "Anak tidak ditemukan.");
    if (!tb_role_enters(&q->user) || !tb_scope_anak_ok(&q->user, a))
        return save_error(res, 403, "Anak ini di luar wilayah kerja Anda.");
    return true;
}

/* The date and the values of an entry are in range (else 422). */
static bool entry_valid(const tb_save_entry *e, const tb_anak_info *a, tb_save_result *res)
{
    long day = tb_date_iso(e->tanggal), born = tb_date_iso(a->tgl_lahir);
    char now[11];
    tb_today_iso(now);
    const char *msg = NULL;
    if (day < 0)
        msg = "Tanggal ukur tidak valid (TTTT-BB-HH).";
    else if (day > tb_date_iso(now))
        msg = "Tanggal ukur di masa depan.";
    else if (born >= 0 && day < born)
        msg = "Tanggal ukur sebelum tanggal lahir.";
    else if (e->bb_given && (isnan(e->bb) || e->bb <= 0.3 || e->bb > 80))
        msg = "Berat badan harus angka dalam kg (0,3-80).";
    else if (e->tb_given && (isnan(e->tb) || e->tb < 30 || e->tb > 160))
        msg = "Panjang/tinggi badan harus angka dalam cm (30-160).";
    else if (!e->bb_given && !e->tb_given)
        msg = "Isi berat atau panjang/tinggi badan.";
    else if (!isnan(e->lila) && (e->lila < 5 || e->lila > 35))
        msg = "LiLA harus dalam cm (5-35).";
    return msg ? save_error(res, 422, msg) : true;
}

/* Plausibility: an unusual value, or a jump from the last one, is stored
 * only when confirmed (yakin); else res asks for confirmation (409). */
static bool entry_plausible(tb_req *q, const tb_save_entry *e, tb_save_result *res)
{
    if (e->yakin)
        return true;
    tb_ukur_row hist[64];
    int nh = tb_store_anak_riwayat(q->store, e->anak_id, hist, 64);
    double last_bb = NAN, last_tb = NAN;
    for (int i = 0; i < nh; i++)
        if (strcmp(hist[i].tanggal, e->tanggal) < 0) {
            if (!isnan(hist[i].bb))
                last_bb = hist[i].bb;
            if (!isnan(hist[i].tb))
                last_tb = hist[i].tb;
        }
    if ((!isnan(e->bb) && (e->bb < 1 || e->bb > 40)) ||
        (!isnan(e->tb) && (e->tb < 40 || e->tb > 130)) ||
        (!isnan(e->bb) && !isnan(last_bb) && fabs(e->bb - last_bb) > 1.5) ||
        (!isnan(e->tb) && !isnan(last_tb) && e->tb < last_tb - 1.5)) {
        res->status = 409;
        snprintf(res->error, sizeof res->error,
                 "Nilai tidak biasa (bulan lalu: BB %.1f kg, PB/TB %.1f cm). Periksa lagi;"
                 " bila benar, simpan dengan konfirmasi.",
                 last_bb, last_tb);
        res->confirm = true;
        return false;
    }
    return true;
}

/* Stores the entry with its audit record (before and after) in one
 * transaction; *outcome is TB_PUT_*. -1 on a store error, rolled back. */
static int entry_store(tb_req *q, const tb_save_entry *e, const tb_anak_info *a, int *outcome)
{
    long day = tb_date_iso(e->tanggal), born = tb_date_iso(a->tgl_lahir);
    int age = born >= 0 ? (int)(day - born) : 0;
    tb_pengukuran p;
    tb_pengukuran_init(&p);
    p.anak_id = e->anak_id;
    snprintf(p.tanggal, sizeof p.tanggal, "%s", e->tanggal);
    p.posyandu_id = a->posyandu_id;
    p.bb = e->bb;
    p.tb = e->tb;
    p.cara_ukur = e->cara ? e->cara : (age < 731 ? 'l' : 'h');
    p.lila = e->lila;
    p.vit_a = e->vit_a;
    p.pmt_kg = e->pmt ? 1 : NAN;
    p.uuid_klien = e->uuid[0] ? e->uuid : NULL;
    p.dibuat_oleh = q->user.id;
    p.pengukur = q->user.nama;
    char before[1024], after[1024], row[48];
    if (tb_store_begin(q->store) < 0)
        return -1;
    if (tb_store_pengukuran_json(q->store, e->anak_id, e->tanggal, before, sizeof before) < 0 ||
        tb_store_pengukuran_put(q->store, &p, a->tgl_lahir, a->jk, outcome) < 0 ||
        tb_store_kms_recompute(q->store, e->anak_id) < 0 ||
        tb_store_pengukuran_json(q->store, e->anak_id, e->tanggal, after, sizeof after) < 0)
        goto rollback;
    snprintf(row, sizeof row, "%ld/%s", e->anak_id, e->tanggal);
    if (*outcome != TB_PUT_UNCHANGED &&
        tb_store_audit(q->store, q->user.id, *outcome == TB_PUT_INSERTED ? "tambah" : "ubah",
                       "pengukuran", row, before[0] ? before : NULL, after) < 0)
        goto rollback;
    if (tb_store_commit(q->store) < 0)
        goto rollback;
    tb_web_data_changed();
    return 0;
rollback:
    tb_store_rollback(q->store);
    return -1;
}

/* The stored row of the entry (the last one for a duplicate), its advice,
 * summary and status: 201 when inserted, else 200. */
static void entry_result(tb_req *q, const tb_save_entry *e, int outcome, tb_save_result *res)
{
    tb_ukur_row hist[64];
    int nh = tb_store_anak_riwayat(q->store, e->anak_id, hist, 64);
    for (int i = 0; i < nh; i++)
        if (!strcmp(hist[i].tanggal, e->tanggal) || (res->duplicate && i == nh - 1))
            res->row = hist[i];
    tb_advice_for(&res->row, &res->advice);
    tb_save_summary(&res->row, res->summary, sizeof res->summary);
    res->status = res->duplicate ? 200 : outcome == TB_PUT_INSERTED ? 201 : 200;
}

int tb_save_measurement(tb_req *q, const tb_save_entry *e, tb_save_result *res)
{
    memset(res, 0, sizeof *res);
    tb_anak_info a;
    if (!entry_child(q, e, &a, res) || !entry_valid(e, &a, res))
        return -1;
    if (e->uuid[0]) { /* the same offline entry sent again: answer with what is stored */
        long anak = 0;
        char tgl[11];
        long id = tb_store_pengukuran_by_uuid(q->store, e->uuid, &anak, tgl);
        if (id < 0)
            return save_error(res, 500, tb_store_error(q->store)), -1;
        res->duplicate = id > 0;
    }
    int outcome = 0;
    if (!res->duplicate) {
        if (!entry_plausible(q, e, res))
            return -1;
        if (entry_store(q, e, &a, &outcome) < 0)
            return save_error(res, 500, tb_store_error(q->store)), -1;
    }
    entry_result(q, e, outcome, res);
    return 0;
}

/* ---- pages ---- */

static int list_posyandu(void *ctx, long id, const char *nama, const char *desa)
{
    tb_buf *b = ctx;
    tb_buf_printf(b, "<li><a href=\"/posyandu/%ld\">", id);
    tb_buf_html(b, nama);
    tb_buf_puts(b, "</a> · ");
    tb_buf_html(b, desa);
    tb_buf_puts(b, "</li>");
    return 0;
}

static bool read_posyandu(tb_req *q, tb_res *r, tb_posyandu_info *p)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    if (id <= 0 || (*end && *end != '/') || tb_store_posyandu_info(q->store, id, p) != 1) {
        tb_res_error(r, q, 404, "Posyandu tidak ditemukan.");
        return false;
    }
    if (!tb_scope_posyandu_ok(&q->user, p)) {
        tb_res_error(r, q, 403, "Posyandu ini di luar wilayah kerja Anda.");
        return false;
    }
    return true;
}

typedef struct {
    tb_buf *b;
    const tb_req *q;
    const tb_posyandu_info *p;
    const char *month;
    char tanggal[11];
    int n, done;
} day_ctx;

void tb_save_result_html(tb_buf *b, const tb_ukur_row *u, bool dated)
{
    tb_advice adv;
    tb_advice_for(u, &adv);
    char sum[256];
    tb_save_summary(u, sum, sizeof sum);
    tb_buf_puts(b, adv.rujuk ? "<div class=\"hasil rujuk\">" : "<div class=\"hasil\">");
    tb_buf_puts(b, "<p>");
    if (dated) {
        tb_buf_html(b, u->tanggal);
        tb_buf_puts(b, ": ");
    }
    tb_buf_html(b, sum);
    tb_buf_puts(b, "</p>");
    for (int i = 0; i < adv.n; i++) {
        tb_buf_puts(b, "<p>");
        tb_buf_html(b, adv.text[i]);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "</div>");
}

static int day_child(void *ctx, const tb_sasaran_row *s)
{
    day_ctx *c = ctx;
    tb_buf *b = c->b;
    c->n++;
    c->done += s->has_now;
    tb_buf_printf(b, "<li id=\"anak-%ld\"><a href=\"/anak/%ld\"><strong>", s->id, s->id);
    tb_buf_html(b, s->nama);
    tb_buf_printf(b, "</strong></a> · %s · %d bulan", s->jk == 1 ? "L" : "P", s->umur_bulan);
    tb_buf_puts(b, "<div class=\"lalu\">Bulan lalu: ");
    if (s->has_prev) {
        char sum[256];
        tb_save_summary(&s->prev, sum, sizeof sum);
        tb_buf_html(b, s->prev.tanggal);
        tb_buf_puts(b, " · ");
        tb_buf_html(b, sum);
    } else {
        tb_buf_puts(b, "belum pernah ditimbang");
    }
    tb_buf_puts(b, "</div>");
    if (s->has_now)
        tb_save_result_html(b, &s->now, false);
    tb_buf_printf(b,
                  "<form class=\"ukur\" method=\"post\" action=\"/posyandu/%ld\" data-anak=\"%ld\""
                  " data-posyandu=\"%ld\"",
                  c->p->id, s->id, c->p->id);
    if (s->has_prev && !isnan(s->prev.bb))
        tb_buf_printf(b, " data-bb-lalu=\"%.2f\"", s->prev.bb);
    tb_buf_puts(b, ">");
    tb_buf_printf(b, "<input type=\"hidden\" name=\"anak_id\" value=\"%ld\">", s->id);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, c->q->csrf);
    tb_buf_puts(b, "\"><label>Tanggal <input type=\"date\" name=\"tanggal\" required value=\"");
    tb_buf_html(b, c->tanggal);
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
                   " max=\"35\" inputmode=\"decimal\"></label>"
                   "<label><input type=\"checkbox\" name=\"vit_a\" value=\"1\"> Vitamin A</label>"
                   "<label><input type=\"checkbox\" name=\"pmt\" value=\"1\"> PMT</label>"
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
    tb_html_begin(r, q, "Pilih posyandu");
    tb_buf_puts(&r->body, "<h1>Pilih posyandu</h1><ul>");
    tb_store_posyandu_list(q->store, q->user.wilayah, list_posyandu, &r->body);
    tb_buf_puts(&r->body, "</ul>");
    tb_html_end(r);
}

/* The month of the posyandu day (bulan=TTTT-BB, else this month) into
 * month[8]; false when bulan= is malformed. */
static bool day_month(const tb_req *q, const char *today, char *month)
{
    const char *bulan = tb_req_query(q, "bulan");
    if (bulan && strlen(bulan) == 7 && bulan[4] == '-') {
        char d[11];
        snprintf(d, sizeof d, "%s-01", bulan);
        if (tb_date_iso(d) < 0)
            return false;
        snprintf(month, 8, "%s", bulan);
    } else {
        snprintf(month, 8, "%.7s", today);
    }
    return true;
}

/* The folded form that registers a new child at posyandu id. */
static void new_child_form(tb_buf *b, const tb_req *q, long id)
{
    tb_buf_printf(b,
                  "<details><summary>Daftarkan anak baru</summary><form method=\"post\""
                  " action=\"/posyandu/%ld/anak-baru\">",
                  id);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><label>Nama anak <input name=\"nama\" required maxlength=\"100\"></label>"
                   "<label>NIK (16 angka, bila ada) <input name=\"nik\" pattern=\"[0-9]{16}\""
                   " inputmode=\"numeric\"></label>"
                   "<label>Jenis kelamin <select name=\"jk\"><option value=\"1\">Laki-laki</option>"
                   "<option value=\"2\">Perempuan</option></select></label>"
                   "<label>Tanggal lahir <input type=\"date\" name=\"tgl_lahir\" required></label>"
                   "<label>Nama ibu <input name=\"ibu\" maxlength=\"100\"></label>"
                   "<label>BB lahir (kg) <input type=\"number\" name=\"bb_lahir\" step=\"0.01\""
                   " min=\"0.5\" max=\"6\"></label>"
                   "<label>PB lahir (cm) <input type=\"number\" name=\"pb_lahir\" step=\"0.1\""
                   " min=\"30\" max=\"60\"></label><button>Daftarkan</button></form></details>");
}

void tb_page_posyandu(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!read_posyandu(q, r, &p))
        return;
    if (!tb_role_enters(&q->user) || !tb_role_sees_names(&q->user))
        return tb_res_error(r, q, 403, "Peran Anda tidak mengisi hari posyandu.");
    char month[8], now[11];
    tb_today_iso(now);
    if (!day_month(q, now, month))
        return tb_res_error(r, q, 400, "Bulan harus berbentuk TTTT-BB.");
    day_ctx c = {.b = &r->body, .q = q, .p = &p, .month = month};
    if (!strncmp(now, month, 7))
        snprintf(c.tanggal, sizeof c.tanggal, "%s", now);
    else
        snprintf(c.tanggal, sizeof c.tanggal, "%s-15", month);
    char title[160];
    snprintf(title, sizeof title, "Hari posyandu %s", p.nama);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, p.nama);
    tb_buf_puts(b, " · ");
    tb_buf_html(b, p.desa_nama);
    tb_buf_puts(b, "</h1><p id=\"antrian\" class=\"antrian\" role=\"status\"></p>");
    tb_buf_printf(b,
                  "<form class=\"bulan\" method=\"get\" action=\"/posyandu/%ld\"><label>Bulan"
                  " <input type=\"month\" name=\"bulan\" value=\"%s\"></label>"
                  "<button>Tampilkan</button></form>",
                  p.id, month);
    tb_buf_printf(b,
                  "<nav class=\"tautan\"><a href=\"/dasbor?posyandu=%ld&amp;bulan=%s\">SKDN"
                  " posyandu ini</a> <a href=\"/laporan/tidak-diukur?posyandu=%ld&amp;bulan=%s\">"
                  "Belum diukur (kunjungan rumah)</a></nav>",
                  p.id, month, p.id, month);
    new_child_form(b, q, p.id);
    tb_buf_puts(b, "<ul class=\"anak-daftar\">");
    if (tb_store_posyandu_sasaran(q->store, p.id, month, day_child, &c) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</ul>");
    tb_buf_printf(b, "<p class=\"catatan\">Sasaran (S): %d anak; sudah diukur bulan ini: %d.</p>",
                  c.n, c.done);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_posyandu_save(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!read_posyandu(q, r, &p))
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
        tb_buf_puts(b, "<h1>Periksa lagi</h1><p class=\"galat\">");
        tb_buf_html(b, res.error);
        tb_buf_printf(b, "</p><form method=\"post\" action=\"/posyandu/%ld\">", p.id);
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
        tb_buf_puts(b, "<h1>Tersimpan</h1>");
        tb_save_result_html(b, &res.row, false);
        tb_buf_printf(b,
                      "<p><a href=\"/posyandu/%ld?bulan=%.7s#anak-%ld\">Kembali ke daftar</a>"
                      " · <a href=\"/anak/%ld\">Grafik pertumbuhan</a></p>",
                      p.id, e.tanggal, e.anak_id, e.anak_id);
    }
    tb_html_end(r);
}

void tb_page_anak_baru(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!read_posyandu(q, r, &p))
        return;
    if (!tb_role_enters(&q->user))
        return tb_res_error(r, q, 403, "Peran Anda tidak mendaftarkan anak.");
    const char *nama = tb_req_form(q, "nama"), *nik = tb_req_form(q, "nik"),
               *jk = tb_req_form(q, "jk"), *lahir = tb_req_form(q, "tgl_lahir");
    char now[11];
    tb_today_iso(now);
    if (!nama || !*nama || strlen(nama) > 100)
        return tb_res_error(r, q, 422, "Nama anak wajib diisi (paling banyak 100 huruf).");
    if (nik && *nik && (strlen(nik) != 16 || strspn(nik, "0123456789") != 16))
        return tb_res_error(r, q, 422, "NIK harus 16 angka.");
    if (!jk || (strcmp(jk, "1") && strcmp(jk, "2")))
        return tb_res_error(r, q, 422, "Jenis kelamin tidak valid.");
    if (!lahir || tb_date_iso(lahir) < 0 || strcmp(lahir, now) > 0 ||
        tb_date_iso(now) - tb_date_iso(lahir) > 1826)
        return tb_res_error(r, q, 422,
                            "Tanggal lahir tidak valid atau anak sudah berumur 5 tahun.");
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    long id = tb_store_anak_daftar(q->store, p.id, p.desa, nik, nama, atoi(jk), lahir,
                                   tb_req_form(q, "ibu"), parse_num(tb_req_form(q, "bb_lahir")),
                                   parse_num(tb_req_form(q, "pb_lahir")), q->user.id);
    if (id < 0 || tb_store_commit(q->store) < 0) {
        tb_store_rollback(q->store);
        return tb_res_error(r, q, 422,
                            strstr(tb_store_error(q->store), "UNIQUE") ? "NIK ini sudah terdaftar."
                                                                       : tb_store_error(q->store));
    }
    tb_web_data_changed();
    char to[96];
    snprintf(to, sizeof to, "/posyandu/%ld#anak-%ld", p.id, id);
    tb_res_redirect(r, to);
}
