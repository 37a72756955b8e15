/*
 * save.c - saving one measurement from the posyandu-day form or the API
 * (save.h): the child and the user's right to enter for it, validation,
 * plausibility (asks for confirmation), idempotent offline entries (client
 * uuid), one transaction with the audit record, and the result with advice.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render.h"
#include "report/advice.h"
#include "store/anak.h"
#include "store/pengukuran.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/http.h"
#include "web/save.h"
#include "web/scope.h"

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

double tb_save_parse_num(const char *s)
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
    e->bb = tb_save_parse_num(tb_req_form(q, "bb"));
    e->tb = tb_save_parse_num(tb_req_form(q, "tb"));
    e->lila = tb_save_parse_num(tb_req_form(q, "lila"));
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
    if (day == TB_DATE_NONE)
        msg = "Tanggal ukur tidak valid (TTTT-BB-HH).";
    else if (day > tb_date_iso(now))
        msg = "Tanggal ukur di masa depan.";
    else if (born != TB_DATE_NONE && day < born)
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
    int age = born != TB_DATE_NONE ? (int)(day - born) : 0;
    tb_pengukuran p;
    tb_pengukuran_init(&p);
    p.anak_id = e->anak_id;
    memcpy(p.tanggal, e->tanggal, sizeof p.tanggal - 1); /* validated: exactly 10 characters */
    p.tanggal[sizeof p.tanggal - 1] = 0;
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
    tb_advice_for(q->store, &res->row, &res->advice);
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

void tb_save_result_html(tb_buf *b, tb_store *s, const tb_ukur_row *u, bool dated)
{
    tb_advice adv;
    tb_advice_for(s, u, &adv);
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
