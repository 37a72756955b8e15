/*
 * save.c - saving one measurement from the posyandu-day form or the API
 * (save.h): the child and the user's right to enter for it, validation,
 * plausibility (asks for confirmation), idempotent offline entries (client
 * uuid), one transaction with the audit record, and the result with advice.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/who_tables.h"
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
    e->lika = tb_save_parse_num(tb_req_form(q, "lika"));
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
    else if (!isnan(e->lika) && (e->lika < 20 || e->lika > 65))
        msg = "Lingkar kepala (LiKA) harus dalam cm (20-65).";
    return msg ? save_error(res, 422, msg) : true;
}

/* Adds a value to check again (kolom: the form field); returns its TB_WAJAR_* bit. */
static int check(tb_save_result *res, const char *kolom, int bit, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int check(tb_save_result *res, const char *kolom, int bit, const char *fmt, ...)
{
    if (res->nperiksa < TB_SAVE_CHECKS) {
        tb_save_check *c = &res->periksa[res->nperiksa++];
        snprintf(c->kolom, sizeof c->kolom, "%s", kolom);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->pesan, sizeof c->pesan, fmt, ap);
        va_end(ap);
    }
    return bit;
}

/* The entry's values against the ranges possible for a child under five and
 * WHO's flags for its age (who-growth-method.md: |z| beyond the limits). */
static int check_ranges(const tb_save_entry *e, const tb_growth_result *g, tb_save_result *res)
{
    int bits = 0;
    if (!isnan(e->bb) && (e->bb < 1 || e->bb > 40))
        bits |= check(res, "bb", TB_WAJAR_BB, "Berat %.1f kg tidak mungkin untuk balita.", e->bb);
    else if (g->flag[TB_ZWEI] == 1)
        bits |= check(res, "bb", TB_WAJAR_BB,
                      "Berat %.1f kg sangat jauh dari standar WHO untuk umurnya (BB/U z = %.1f).",
                      e->bb, g->z[TB_ZWEI]);
    if (!isnan(e->tb) && (e->tb < 40 || e->tb > 130))
        bits |= check(res, "tb", TB_WAJAR_TB, "Panjang/tinggi %.1f cm tidak mungkin untuk balita.",
                      e->tb);
    else if (g->flag[TB_ZLEN] == 1)
        bits |= check(res, "tb", TB_WAJAR_TB,
                      "Panjang/tinggi %.1f cm sangat jauh dari standar WHO untuk umurnya"
                      " (PB/U atau TB/U z = %.1f).",
                      e->tb, g->z[TB_ZLEN]);
    if (!bits && g->flag[TB_ZWFL] == 1)
        bits |= check(res, "bb", TB_WAJAR_BB,
                      "Berat %.1f kg tidak sesuai dengan panjang/tinggi %.1f cm (BB/PB atau BB/TB"
                      " z = %.1f).",
                      e->bb, e->tb, g->z[TB_ZWFL]);
    if (!isnan(e->lila) && g->flag[TB_ZAC] == 1)
        bits |= check(res, "lila", TB_WAJAR_LILA,
                      "LiLA %.1f cm sangat jauh dari standar WHO untuk umurnya (z = %.1f).",
                      e->lila, g->z[TB_ZAC]);
    if (!isnan(e->lika) && g->flag[TB_ZHC] == 1)
        bits |= check(res, "lika", TB_WAJAR_LILA,
                      "Lingkar kepala %.1f cm sangat jauh dari standar WHO untuk umurnya"
                      " (z = %.1f).",
                      e->lika, g->z[TB_ZHC]);
    return bits;
}

/* The entry against the child's previous measurement (the last before its
 * date, other than the one corrected): a height well below the last, a
 * weight doubled or halved, growth beyond the possible for the interval. */
static int check_history(const tb_save_entry *e, const tb_ukur_row *hist, int nh, long self,
                         tb_save_result *res)
{
    const tb_ukur_row *wb = NULL, *wt = NULL;
    for (int i = 0; i < nh && strcmp(hist[i].tanggal, e->tanggal) < 0; i++) {
        if (hist[i].id == self)
            continue;
        if (!isnan(hist[i].bb) && !(hist[i].tidak_wajar & TB_WAJAR_BB))
            wb = &hist[i];
        if (!isnan(hist[i].tb) && !(hist[i].tidak_wajar & TB_WAJAR_TB))
            wt = &hist[i];
    }
    long day = tb_date_iso(e->tanggal);
    int bits = 0;
    if (wt && !isnan(e->tb)) {
        double months = fmax(1.0, (double)(day - tb_date_iso(wt->tanggal)) / 30.4375);
        if (e->tb < wt->tb - 1.5)
            bits |= check(res, "tb", TB_WAJAR_TB,
                          "Panjang/tinggi %.1f cm, %.1f cm lebih pendek dari pengukuran %s"
                          " (%.1f cm). Tinggi anak tidak berkurang: ukur ulang.",
                          e->tb, wt->tb - e->tb, wt->tanggal, wt->tb);
        else if (e->tb > wt->tb + 2.0 + 4.0 * months) /* > 4 cm a month: faster than possible */
            bits |= check(res, "tb", TB_WAJAR_TB,
                          "Panjang/tinggi naik %.1f cm sejak %s (%.1f cm): terlalu cepat.",
                          e->tb - wt->tb, wt->tanggal, wt->tb);
    }
    if (wb && !isnan(e->bb)) {
        double months = fmax(1.0, (double)(day - tb_date_iso(wb->tanggal)) / 30.4375);
        if (e->bb >= 2 * wb->bb || e->bb <= wb->bb / 2)
            bits |= check(res, "bb", TB_WAJAR_BB,
                          "Berat %.1f kg, %s dari pengukuran %s (%.1f kg). Timbang ulang.", e->bb,
                          e->bb > wb->bb ? "dua kali lipat" : "separuh atau kurang", wb->tanggal,
                          wb->bb);
        else if (e->bb > wb->bb + 0.5 + 1.5 * months || e->bb < wb->bb - 1.5)
            bits |= check(res, "bb", TB_WAJAR_BB,
                          "Berat %.1f kg, berubah %+.1f kg sejak %s (%.1f kg): tidak biasa.", e->bb,
                          e->bb - wb->bb, wb->tanggal, wb->bb);
    }
    return bits;
}

/* Plausibility, whatever the client sends: the unusual values as TB_WAJAR_*
 * bits (res->periksa says why). Unconfirmed, res asks for confirmation (409)
 * and -1 is returned. */
static int entry_plausible(tb_req *q, const tb_save_entry *e, const tb_anak_info *a, long self,
                           tb_growth_result *g, tb_save_result *res)
{
    tb_growth_input in;
    tb_growth_input_init(&in);
    long day = tb_date_iso(e->tanggal), born = tb_date_iso(a->tgl_lahir);
    in.sex = a->jk == 1 ? TB_SEX_MALE : a->jk == 2 ? TB_SEX_FEMALE : TB_SEX_MISSING;
    if (born != TB_DATE_NONE)
        in.age_days = (double)(day - born);
    in.weight = e->bb;
    in.lenhei = e->tb;
    char cara = e->cara ? e->cara : (born != TB_DATE_NONE && day - born < 731 ? 'l' : 'h');
    in.measure = cara == 'l' ? TB_MEASURE_LENGTH : TB_MEASURE_HEIGHT;
    in.armc = e->lila;
    in.headc = e->lika;
    tb_growth_compute(&tb_who_tables_builtin, &in, g);
    tb_ukur_row hist[64];
    int nh = tb_store_anak_riwayat(q->store, e->anak_id, hist, 64);
    int bits = check_ranges(e, g, res) | check_history(e, hist, nh < 0 ? 0 : nh, self, res);
    if (bits && !e->yakin) {
        res->status = 409;
        res->confirm = true;
        snprintf(res->error, sizeof res->error,
                 "Nilai tidak biasa: %s Periksa lagi; bila benar, simpan dengan konfirmasi.",
                 res->periksa[0].pesan);
        return -1;
    }
    return bits;
}

/* The fingerprint of an entry's child and values (bound to its client id). */
static void fingerprint(const tb_save_entry *e, char *out, size_t n)
{
    snprintf(out, n, "%ld|%.10s|%.2f|%.2f|%c|%.2f|%.2f|%d|%d", e->anak_id, e->tanggal, e->bb, e->tb,
             e->cara ? e->cara : '-', e->lila, e->lika, e->vit_a, e->pmt);
}

/* Stores the entry (a correction of measurement self when self > 0) with its
 * audit record (before and after) in one transaction; *outcome is TB_PUT_*.
 * -1 on a store error, rolled back. */
static int entry_store(tb_req *q, const tb_save_entry *e, const tb_anak_info *a, long self,
                       int bits, const tb_growth_result *g, int *outcome)
{
    long day = tb_date_iso(e->tanggal), born = tb_date_iso(a->tgl_lahir);
    int age = born != TB_DATE_NONE ? (int)(day - born) : 0;
    char fp[128];
    fingerprint(e, fp, sizeof fp);
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
    p.lika = e->lika;
    p.vit_a = e->vit_a;
    p.pmt_kg = e->pmt ? 1 : NAN;
    p.uuid_klien = e->uuid[0] ? e->uuid : NULL;
    p.sidik = e->uuid[0] ? fp : NULL;
    p.dibuat_oleh = q->user.id;
    p.pengukur = q->user.nama;
    p.tidak_wajar = bits;
    p.growth = g;
    char before[2048], after[2048], row[48];
    if (tb_store_begin(q->store) < 0)
        return -1;
    if (self > 0) {
        if (tb_store_pengukuran_json_id(q->store, self, before, sizeof before) < 0 ||
            tb_store_pengukuran_update(q->store, self, &p, a->tgl_lahir, a->jk, outcome) < 0 ||
            tb_store_pengukuran_json_id(q->store, self, after, sizeof after) < 0)
            goto rollback;
    } else if (tb_store_pengukuran_json(q->store, e->anak_id, e->tanggal, before, sizeof before) <
                   0 ||
               tb_store_pengukuran_put(q->store, &p, a->tgl_lahir, a->jk, outcome) < 0 ||
               tb_store_pengukuran_json(q->store, e->anak_id, e->tanggal, after, sizeof after) < 0)
        goto rollback;
    if (tb_store_kms_recompute(q->store, e->anak_id) < 0)
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

/* The stored row of the entry (by its date, or its id), its advice,
 * summary and status: 201 when inserted, else 200. */
static void entry_result(tb_req *q, const tb_save_entry *e, long id, int outcome,
                         tb_save_result *res)
{
    tb_ukur_row hist[64];
    int nh = tb_store_anak_riwayat(q->store, e->anak_id, hist, 64);
    for (int i = 0; i < nh; i++)
        if (id > 0 ? hist[i].id == id : !strcmp(hist[i].tanggal, e->tanggal))
            res->row = hist[i];
    tb_advice_for(q->store, &res->row, &res->advice);
    tb_save_summary(&res->row, res->summary, sizeof res->summary);
    res->status = res->duplicate ? 200 : outcome == TB_PUT_INSERTED ? 201 : 200;
}

/* An offline entry sent before: 1 when its id was stored with this child and
 * these values (res says duplicate, *id its row), 0 when the id is new, -1
 * when it was used for another entry (409) or on error. */
static int entry_seen(tb_req *q, const tb_save_entry *e, long *id, tb_save_result *res)
{
    long anak = 0;
    char tgl[11], sidik[128], fp[128];
    *id = tb_store_pengukuran_by_uuid(q->store, e->uuid, &anak, tgl, sidik);
    if (*id < 0)
        return save_error(res, 500, tb_store_error(q->store)), -1;
    if (*id == 0)
        return 0;
    fingerprint(e, fp, sizeof fp);
    bool same = sidik[0] ? !strcmp(sidik, fp) : anak == e->anak_id && !strcmp(tgl, e->tanggal);
    if (!same)
        return save_error(res, 409,
                          "Id isian sudah dipakai untuk isian lain (anak atau nilai berbeda)."
                          " Kirim isian ini dengan id baru."),
               -1;
    res->duplicate = true;
    return 1;
}

/* The measurement an entry corrects: e->id (of the same child), else the
 * child's measurement in the entry's month; 0 for a new one, -1 (res set)
 * when e->id is not the child's or another measurement has the new date. */
static long entry_target(tb_req *q, const tb_save_entry *e, tb_save_result *res)
{
    long self, anak = 0;
    char tgl[11];
    if (e->id > 0) {
        int f = tb_store_pengukuran_get(q->store, e->id, &anak, tgl);
        if (f < 0)
            return save_error(res, 500, tb_store_error(q->store)), -1;
        if (f == 0 || anak != e->anak_id)
            return save_error(res, 404, "Pengukuran tidak ditemukan."), -1;
        self = e->id;
    } else {
        self = tb_store_pengukuran_in_month(q->store, e->anak_id, e->tanggal, tgl);
        if (self < 0)
            return save_error(res, 500, tb_store_error(q->store)), -1;
    }
    if (self > 0 && strcmp(tgl, e->tanggal)) {
        int on = tb_store_pengukuran_on(q->store, e->anak_id, e->tanggal);
        if (on != 0)
            return save_error(res, on < 0 ? 500 : 409,
                              on < 0 ? tb_store_error(q->store)
                                     : "Anak ini sudah punya pengukuran lain pada tanggal itu."),
                   -1;
    }
    return self;
}

int tb_save_measurement(tb_req *q, const tb_save_entry *e, tb_save_result *res)
{
    memset(res, 0, sizeof *res);
    tb_anak_info a;
    if (!entry_child(q, e, &a, res) || !entry_valid(e, &a, res))
        return -1;
    long id = 0;
    if (e->uuid[0]) { /* the same offline entry sent again: answer with what is stored */
        int seen = entry_seen(q, e, &id, res);
        if (seen < 0)
            return -1;
        if (seen) {
            entry_result(q, e, id, 0, res);
            return 0;
        }
    }
    long self = entry_target(q, e, res);
    if (self < 0)
        return -1;
    tb_growth_result g;
    int bits = entry_plausible(q, e, &a, self, &g, res);
    if (bits < 0)
        return -1;
    res->nperiksa = 0; /* confirmed: stored, marked */
    int outcome = 0;
    if (entry_store(q, e, &a, self, bits, &g, &outcome) < 0)
        return save_error(res, 500, tb_store_error(q->store)), -1;
    entry_result(q, e, self, outcome, res);
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
        tb_buf_printf(b, "%.2s/%.2s/%.4s", u->tanggal + 8, u->tanggal + 5,
                      u->tanggal); /* 30/11/2026 */
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

int tb_save_delete(tb_req *q, long id, long anak_id, const char *alasan, tb_save_result *res)
{
    memset(res, 0, sizeof *res);
    tb_save_entry e;
    memset(&e, 0, sizeof e);
    e.anak_id = anak_id;
    tb_anak_info a;
    if (!entry_child(q, &e, &a, res))
        return -1;
    while (*alasan == ' ')
        alasan++;
    if (strlen(alasan) < 3)
        return save_error(res, 422,
                          "Tulis alasan penghapusan (misalnya: salah anak, data ganda), lalu"
                          " hapus lagi."),
               -1;
    char before[2048], row[48];
    tb_buf after = {0};
    tb_buf_puts(&after, "{\"alasan\":");
    tb_buf_json_str(&after, alasan);
    tb_buf_puts(&after, "}");
    int rc = -1;
    if (tb_store_begin(q->store) < 0)
        goto out;
    if (tb_store_pengukuran_json_id(q->store, id, before, sizeof before) <= 0 ||
        tb_store_pengukuran_arsip(q->store, id, "hapus", q->user.id, alasan) < 0 ||
        tb_store_kms_recompute(q->store, anak_id) < 0)
        goto rollback;
    snprintf(row, sizeof row, "%ld/%ld", anak_id, id);
    if (tb_store_audit(q->store, q->user.id, "hapus", "pengukuran", row, before, after.data) < 0 ||
        tb_store_commit(q->store) < 0)
        goto rollback;
    tb_web_data_changed();
    rc = 0;
    goto out;
rollback:
    tb_store_rollback(q->store);
out:
    tb_buf_free(&after);
    if (rc < 0 && !res->status)
        save_error(res, 500, tb_store_error(q->store));
    return rc;
}

void tb_save_default_date(const char *today, const char *month, int hari_buka, char out[11])
{
    long y = strtol(month, NULL, 10);
    unsigned m = (unsigned)strtoul(month + 5, NULL, 10);
    long first = tb_date_days(y, m, 1);
    long next = tb_date_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
    long len = next - first, now = tb_date_iso(today);
    long day = hari_buka <= 0 ? 0 : hari_buka > len ? len : hari_buka; /* 31st: the last day */
    long d;
    if (now >= first && now < next) /* this month: its posyandu day unless after today */
        d = day && first + day - 1 <= now ? first + day - 1 : now;
    else
        d = first + (day ? day : 15) - 1;
    long yy;
    unsigned mm, dd;
    tb_date_civil(d, &yy, &mm, &dd);
    snprintf(out, 11, "%04ld-%02u-%02u", yy, mm, dd);
}
