/*
 * tpk_kunjungan.c - a TPK visit: its fields checked (tpk.h), the target's
 * team and area checked against the user, then stored once per client
 * uuid. Used by the JSON API (POST /api/v1/kunjungan-tpk, the offline
 * queue of app.js) and by the day page's form without JavaScript.
 *
 * Fields per target type (domain reference section 4): bumil usia_kehamilan
 * (weeks), lila (KEK below 23.5 cm), hb (anaemia below 11 g/dL), anc (visits
 * so far), ttd (tablets taken this month), mt, the 4T (t_muda, t_tua,
 * t_dekat, t_banyak) and tanda_bahaya; baduta/balita ditimbang, imunisasi,
 * asi, mpasi, vit_a; catin skrining and hasil_skrining; nifas kf, kb, asi,
 * tanda_bahaya. Every type: konseling, rujukan_ke with alasan_rujukan,
 * bansos, jkn, kunjungan_berikut (default a month after the visit).
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "tb_date.h"
#include "store/tpk.h"
#include "web/scope.h"
#include "web/tpk.h"

void tb_tpk_form_set(tb_tpk_form *f, const char *k, const char *v)
{
    for (int i = 0; i < f->n; i++)
        if (!strcmp(f->k[i], k)) {
            snprintf(f->v[i], sizeof f->v[i], "%s", v ? v : "");
            return;
        }
    if (f->n >= TB_TPK_FIELDS)
        return;
    snprintf(f->k[f->n], sizeof f->k[f->n], "%s", k);
    snprintf(f->v[f->n], sizeof f->v[f->n], "%s", v ? v : "");
    f->n++;
}

const char *tb_tpk_form_get(const tb_tpk_form *f, const char *k)
{
    for (int i = 0; i < f->n; i++)
        if (!strcmp(f->k[i], k))
            return f->v[i];
    return "";
}

static void err(tb_tpk_check *c, const char *kolom, const char *pesan)
{
    if (c->n < 16) {
        c->kolom[c->n] = kolom;
        c->pesan[c->n] = pesan;
        c->n++;
    }
}

/* A number field: NAN when empty; an error when not a number in [lo, hi]. */
static double num(const tb_tpk_form *f, tb_tpk_check *c, const char *k, double lo, double hi,
                  const char *msg)
{
    const char *v = tb_tpk_form_get(f, k);
    if (!*v)
        return NAN;
    char tmp[64], *end;
    snprintf(tmp, sizeof tmp, "%s", v);
    for (char *p = tmp; *p; p++)
        if (*p == ',')
            *p = '.';
    double d = strtod(tmp, &end);
    if (*end || !(d >= lo && d <= hi)) {
        err(c, k, msg);
        return NAN;
    }
    return d;
}

static bool yes(const tb_tpk_form *f, const char *k)
{
    const char *v = tb_tpk_form_get(f, k);
    return *v && strcmp(v, "0") && strcmp(v, "false") && strcmp(v, "tidak");
}

/* v is one of the '|'-separated words of set (or empty when may_empty). */
static bool one_of(const char *v, const char *set)
{
    size_t n = strlen(v);
    for (const char *p = set; n && *p;) {
        const char *e = strchr(p, '|');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && !strncmp(p, v, n))
            return true;
        p += len + (e ? 1 : 0);
    }
    return false;
}

static bool date_ok(const char *v)
{
    return tb_date_iso(v) != TB_DATE_NONE && tb_date_iso(v) >= tb_date_days(2000, 1, 1);
}

static long days_of(const char *v)
{
    return tb_date_iso(v);
}

/* The fields of a pregnancy visit into j; risk and service flags. */
static void check_bumil(const tb_tpk_form *f, tb_tpk_check *c, json_t *j)
{
    double uk = num(f, c, "usia_kehamilan", 1, 42, "Usia kehamilan 1-42 minggu.");
    if (!*tb_tpk_form_get(f, "usia_kehamilan"))
        err(c, "usia_kehamilan", "Isi usia kehamilan (minggu).");
    double lila = num(f, c, "lila", 15, 45, "LiLA 15-45 cm.");
    double hb = num(f, c, "hb", 4, 18, "Hb 4-18 g/dL.");
    double anc = num(f, c, "anc", 0, 12, "Jumlah ANC 0-12.");
    double ttd = num(f, c, "ttd", 0, 90, "TTD diminum 0-90 tablet.");
    bool kek = !isnan(lila) && lila < 23.5, anemia = !isnan(hb) && hb < 11.0;
    static const char *const T4[] = {"t_muda", "t_tua", "t_dekat", "t_banyak"};
    bool t4 = false;
    for (int i = 0; i < 4; i++) {
        json_object_set_new(j, T4[i], json_boolean(yes(f, T4[i])));
        t4 |= yes(f, T4[i]);
    }
    if (!isnan(uk))
        json_object_set_new(j, "usia_kehamilan", json_integer((json_int_t)uk));
    if (!isnan(lila))
        json_object_set_new(j, "lila", json_real(lila));
    if (!isnan(hb))
        json_object_set_new(j, "hb", json_real(hb));
    if (!isnan(anc))
        json_object_set_new(j, "anc", json_integer((json_int_t)anc));
    if (!isnan(ttd))
        json_object_set_new(j, "ttd", json_integer((json_int_t)ttd));
    json_object_set_new(j, "kek", json_boolean(kek));
    json_object_set_new(j, "anemia", json_boolean(anemia));
    json_object_set_new(j, "mt", json_boolean(yes(f, "mt")));
    json_object_set_new(j, "tanda_bahaya", json_boolean(yes(f, "tanda_bahaya")));
    c->berisiko |= kek || anemia || t4 || yes(f, "tanda_bahaya");
    c->layanan |= yes(f, "mt") || (!isnan(ttd) && ttd > 0);
}

static void check_anak(const tb_tpk_form *f, tb_tpk_check *c, json_t *j)
{
    const char *imun = tb_tpk_form_get(f, "imunisasi"), *asi = tb_tpk_form_get(f, "asi");
    if (*imun && !one_of(imun, "lengkap|belum_lengkap|tidak"))
        err(c, "imunisasi", "Imunisasi: lengkap, belum_lengkap atau tidak.");
    if (*asi && !one_of(asi, "eksklusif|tidak_eksklusif|tidak"))
        err(c, "asi", "ASI: eksklusif, tidak_eksklusif atau tidak.");
    if (!*tb_tpk_form_get(f, "ditimbang"))
        err(c, "ditimbang", "Pilih apakah anak ditimbang bulan ini.");
    json_object_set_new(j, "ditimbang", json_boolean(yes(f, "ditimbang")));
    json_object_set_new(j, "imunisasi", *imun ? json_string(imun) : json_null());
    json_object_set_new(j, "asi", *asi ? json_string(asi) : json_null());
    json_object_set_new(j, "mpasi", json_boolean(yes(f, "mpasi")));
    json_object_set_new(j, "vit_a", json_boolean(yes(f, "vit_a")));
    c->berisiko |= !yes(f, "ditimbang") || !strcmp(imun, "tidak");
    c->layanan |= yes(f, "vit_a");
}

static void check_catin(const tb_tpk_form *f, tb_tpk_check *c, json_t *j)
{
    const char *sk = tb_tpk_form_get(f, "skrining"), *h = tb_tpk_form_get(f, "hasil_skrining");
    if (!one_of(sk, "sudah|belum"))
        err(c, "skrining", "Skrining Elsimil: sudah atau belum.");
    if (!strcmp(sk, "sudah") && !one_of(h, "ideal|berisiko"))
        err(c, "hasil_skrining", "Hasil skrining: ideal atau berisiko.");
    json_object_set_new(j, "skrining", json_string(sk));
    json_object_set_new(j, "hasil_skrining", *h ? json_string(h) : json_null());
    c->berisiko |= !strcmp(h, "berisiko");
}

static void check_nifas(const tb_tpk_form *f, tb_tpk_check *c, json_t *j)
{
    double kf = num(f, c, "kf", 0, 4, "Kunjungan nifas (KF) 0-4.");
    const char *kb = tb_tpk_form_get(f, "kb");
    if (*kb && !one_of(kb, "belum|pil|suntik|implan|iud|mow|mop|kondom|mal"))
        err(c, "kb", "KB pasca salin: belum, pil, suntik, implan, iud, mow, mop, kondom, mal.");
    if (!isnan(kf))
        json_object_set_new(j, "kf", json_integer((json_int_t)kf));
    json_object_set_new(j, "kb", *kb ? json_string(kb) : json_null());
    json_object_set_new(j, "asi", json_boolean(yes(f, "asi")));
    json_object_set_new(j, "tanda_bahaya", json_boolean(yes(f, "tanda_bahaya")));
    c->berisiko |= yes(f, "tanda_bahaya");
    c->layanan |= *kb && strcmp(kb, "belum");
}

/* The common fields; the visit's date and next date into c. */
static void check_common(const tb_tpk_form *f, tb_tpk_check *c)
{
    const char *t = tb_tpk_form_get(f, "tanggal"), *nx = tb_tpk_form_get(f, "kunjungan_berikut");
    long today = tb_today();
    if (!date_ok(t))
        err(c, "tanggal", "Tanggal kunjungan harus TTTT-BB-HH.");
    else if (days_of(t) > today)
        err(c, "tanggal", "Tanggal kunjungan belum tiba.");
    else if (days_of(t) < today - 366)
        err(c, "tanggal", "Tanggal kunjungan lebih dari setahun yang lalu.");
    if (*nx && !date_ok(nx))
        err(c, "kunjungan_berikut", "Kunjungan berikut harus TTTT-BB-HH.");
    else if (*nx && date_ok(t) && (days_of(nx) <= days_of(t) || days_of(nx) > days_of(t) + 92))
        err(c, "kunjungan_berikut",
            "Kunjungan berikut sesudah kunjungan ini, paling lama 3 bulan.");
    const char *rk = tb_tpk_form_get(f, "rujukan_ke"), *ra = tb_tpk_form_get(f, "alasan_rujukan");
    if (*rk && !*ra)
        err(c, "alasan_rujukan", "Tulis alasan rujukan.");
    if (!*rk && *ra)
        err(c, "rujukan_ke", "Tulis tujuan rujukan (mis. Puskesmas).");
    const char *jkn = tb_tpk_form_get(f, "jkn");
    if (*jkn && !one_of(jkn, "punya|difasilitasi|belum"))
        err(c, "jkn", "JKN: punya, difasilitasi atau belum.");
    c->layanan |= *tb_tpk_form_get(f, "bansos") || !strcmp(jkn, "difasilitasi");
    for (int i = 0; i < f->n; i++)
        if (strlen(f->v[i]) >= sizeof f->v[i] - 1)
            err(c, f->k[i], "Isian terlalu panjang.");
}

int tb_tpk_check_visit(const tb_tpk_form *f, tb_tpk_check *c)
{
    memset(c, 0, sizeof *c);
    const char *jenis = tb_tpk_form_get(f, "jenis");
    if (!one_of(jenis, "catin|bumil|nifas|baduta|balita"))
        err(c, "jenis", "Jenis sasaran: catin, bumil, nifas, baduta atau balita.");
    check_common(f, c);
    json_t *j = json_object();
    if (!strcmp(jenis, "bumil"))
        check_bumil(f, c, j);
    else if (!strcmp(jenis, "baduta") || !strcmp(jenis, "balita"))
        check_anak(f, c, j);
    else if (!strcmp(jenis, "catin"))
        check_catin(f, c, j);
    else if (!strcmp(jenis, "nifas"))
        check_nifas(f, c, j);
    c->data = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(6));
    json_decref(j);
    const char *nx = tb_tpk_form_get(f, "kunjungan_berikut"), *t = tb_tpk_form_get(f, "tanggal");
    if (*nx)
        snprintf(c->berikut, sizeof c->berikut, "%s", nx);
    else if (date_ok(t)) { /* a month later, the last day of a shorter month */
        long y;
        unsigned m, d;
        tb_date_civil(days_of(t), &y, &m, &d);
        if (++m > 12) {
            m = 1;
            y++;
        }
        while (d > 28 && !tb_date_valid(y, m, d))
            d--;
        snprintf(c->berikut, sizeof c->berikut, "%04ld-%02u-%02u", y % 10000, m % 100, d % 100);
    }
    return c->n ? -1 : 0;
}

int tb_tpk_target_ok(tb_req *q, long individu_id, const char *jenis, tb_tpk_sasaran_row *t,
                     long *anggota, const char **why)
{
    int f = tb_store_tpk_sasaran_get(q->store, individu_id, jenis, t);
    if (f < 0) {
        *why = tb_store_error(q->store);
        return 500;
    }
    if (f == 0) {
        *why = "Sasaran ini belum ditetapkan ke tim TPK.";
        return 404;
    }
    *anggota = 0;
    if (!strcmp(q->user.peran, "tpk")) {
        long ids[16];
        int n = tb_store_tpk_of_user(q->store, q->user.id, ids, 16, anggota);
        for (int i = 0; i < n; i++)
            if (ids[i] == t->tpk_id)
                return 0;
        *why = "Sasaran ini bukan sasaran tim Anda.";
        return 403;
    }
    if (!tb_scope_code_ok(&q->user, t->desa)) {
        *why = "Sasaran ini di luar wilayah kerja Anda.";
        return 403;
    }
    return 0;
}
