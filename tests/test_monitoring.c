/*
 * test_monitoring.c - posyandu monitoring by agency teams and the posyandu
 * profile in the store, on a small hand-made district: a team of two
 * agencies coaching two of three desa; a questionnaire built, published
 * (then frozen), changed into version 2; visits answered and checked
 * against each question's type, sent twice under one client id; the
 * results per desa and question, the scores (hand-counted) and the
 * commitments; cadres, kit, PMT menus, open days and PAUD.
 *
 * District 35.07: kecamatan 35.07.01 with desa 2001 (posyandu 1 Melati and
 * 2 Mawar), 2002 (posyandu 3 Anggrek) and 2003 (no team).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/monitoring.h"
#include "store/posyandu_profil.h"
#include "tb_test.h"
#include "tb_test_db.h"

static tb_store *S;

static void sql(const char *q)
{
    tb_test_sql(S, q);
}

static long count(const char *q)
{
    return tb_test_count(S, q);
}

static long TIM, KID, V1, V2;

static void test_teams(void)
{
    CHECK(tb_store_tim_add(S, 1, "35.07", "Tim 1", &TIM) == 0, "team added: %s", tb_store_error(S));
    CHECK(tb_store_tim_add(S, 1, "35.07", "Tim 1", NULL) < 0, "the same name twice is refused");
    CHECK(tb_store_tim_add(S, 1, "35.07.01", "Tim K", NULL) < 0, "a team is a kabupaten's");
    CHECK(tb_store_tim_lembaga_set(S, 1, TIM, "OPD-DINKES") == 0, "agency in the team");
    CHECK(tb_store_tim_lembaga_set(S, 1, TIM, "OPD-PMD") == 0, "second agency");
    CHECK(tb_store_tim_lembaga_set(S, 1, TIM, "OPD-XXX") < 0, "an unknown agency is refused");
    CHECK(tb_store_tim_desa_add(S, 1, TIM, "35.07.01.2001") == 0, "desa 2001 assigned");
    CHECK(tb_store_tim_desa_add(S, 1, TIM, "35.07.01.2002") == 0, "desa 2002 assigned");
    CHECK(tb_store_tim_desa_add(S, 1, TIM, "35.08.01.2001") < 0,
          "a desa of another kabupaten is refused");
    CHECK(tb_store_tim_desa_add(S, 1, TIM, "35.07.01") < 0, "a kecamatan is not a desa");
    CHECK(tb_store_tim_desa_ok(S, "OPD-DINKES", "35.07.01.2002") == 1, "2002 is Dinkes's team's");
    CHECK(tb_store_tim_desa_ok(S, "OPD-DINKES", "35.07.01.2003") == 0, "2003 is not");
    CHECK(tb_store_tim_desa_ok(S, "OPD-SOSIAL", "35.07.01.2001") == 0,
          "an agency in no team has no desa");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel LIKE 'monitoring_tim%'") == 5,
          "every team write audited (1 team, 2 agencies, 2 desa)");
}

static void butir(long versi, const char *kode, const char *tipe, const char *pilihan,
                  const char *kelompok, bool wajib, int want)
{
    tb_butir b = {.versi_id = versi,
                  .kode = kode,
                  .label = kode,
                  .tipe = tipe,
                  .pilihan = pilihan,
                  .kelompok = kelompok,
                  .wajib = wajib};
    int rc = tb_store_butir_add(S, 1, &b);
    CHECK(rc == want, "butir %s %s: want %d, got %d (%s)", kode, tipe, want, rc, tb_store_error(S));
}

static void test_builder(void)
{
    CHECK(tb_store_kuesioner_add(S, 1, "OPD-DINKES", "Monitoring posyandu", &KID) == 0,
          "questionnaire: %s", tb_store_error(S));
    tb_kuesioner k;
    CHECK(tb_store_kuesioner_get(S, KID, &k) == 1 && k.versi == 1 && !k.terbit[0] &&
              k.terbit_id == 0,
          "a new questionnaire has a draft version 1");
    V1 = k.versi_id;
    CHECK(tb_store_versi_terbit(S, 1, V1, "2026-10-01") < 0, "an empty version is not published");
    butir(V1, "buka", "ya_tidak", NULL, "posyandu", true, 0);
    butir(V1, "kader_hadir", "angka", NULL, "posyandu", false, 0);
    butir(V1, "meja", "pilihan", "lengkap|kurang", "posyandu", false, 0);
    butir(V1, "kpm_aktif", "ya_tidak", NULL, "kpm", false, 0);
    butir(V1, "catatan", "teks", NULL, NULL, false, 0);
    butir(V1, "foto", "foto", NULL, NULL, false, 0);
    butir(V1, "buka", "ya_tidak", NULL, NULL, false, -1); /* code used */
    butir(V1, "Bad Code", "ya_tidak", NULL, NULL, false, -1);
    butir(V1, "x", "tanggal", NULL, NULL, false, -1);    /* unknown type */
    butir(V1, "y", "pilihan", "satu", NULL, false, -1);  /* one choice only */
    butir(V1, "z", "ya_tidak", NULL, "gizi", false, -1); /* unknown group */
    CHECK(tb_store_versi_baru(S, 1, KID, NULL) < 0, "no new version while the draft is open");
    CHECK(tb_store_versi_terbit(S, 1, V1, "2026-10-01") == 0, "version 1 published");
    CHECK(tb_store_versi_terbit(S, 1, V1, "2026-10-02") < 0, "published once");
    butir(V1, "baru", "ya_tidak", NULL, NULL, false, -1); /* frozen */
    CHECK(count("SELECT count(*) FROM kuesioner_butir WHERE versi_id = 1") == 6,
          "version 1 keeps its six questions");
    CHECK(tb_store_versi_baru(S, 1, KID, &V2) == 0, "version 2: %s", tb_store_error(S));
    butir(V2, "pmt_lokal", "ya_tidak", NULL, "posyandu", false, 0);
    CHECK(tb_store_kuesioner_get(S, KID, &k) == 1 && k.versi == 2 && k.versi_id == V2 &&
              k.n_butir == 7 && k.terbit_id == V1,
          "latest is draft 2 with 7 questions; the published one is still 1");
    CHECK(count("SELECT count(*) FROM kuesioner_butir WHERE versi_id = 1") == 6,
          "the new version did not touch version 1");
}

/* Sends a visit of Dinkes with n answers; the store's answer (1, 2, 0, -1). */
static int visit(const char *uuid, long versi, const char *desa, long pos, int tahap, int n,
                 const char *const *kv, long *id, tb_kunjungan_galat *g)
{
    tb_kunjungan k = {.uuid = uuid,
                      .versi_id = versi,
                      .lembaga = "OPD-DINKES",
                      .desa = desa,
                      .posyandu_id = pos,
                      .tanggal = "2026-10-05",
                      .tahap = tahap,
                      .n = n};
    for (int i = 0; i < n; i++)
        k.kode[i] = kv[2 * i], k.nilai[i] = kv[2 * i + 1];
    return tb_store_kunjungan_save(S, 2, &k, id, g);
}

static void test_answers(void)
{
    long id = 0, id2 = 0, foto = 0, foto_lain = 0;
    tb_kunjungan_galat g;
    const char *ok[] = {"buka", "ya", "kader_hadir", "4", "meja", "lengkap", "kpm_aktif", "ya"};
    CHECK(visit("u-1", V1, "35.07.01.2001", 1, 1, 4, ok, &id, &g) == 1, "stored: %s", g.pesan);
    CHECK(visit("u-1", V1, "35.07.01.2001", 1, 1, 4, ok, &id2, &g) == 2 && id2 == id,
          "sent again under its uuid: the stored one, not a second");
    CHECK(count("SELECT count(*) FROM monitoring_kunjungan") == 1, "one visit stored");
    CHECK(count("SELECT count(*) FROM monitoring_jawaban") == 4, "its four answers");
    struct {
        const char *k, *v, *why;
    } bad[] = {{"buka", "mungkin", "yes/no takes ya or tidak"},
               {"kader_hadir", "empat", "a number"},
               {"kader_hadir", "-1", "not negative"},
               {"meja", "rusak", "one of the choices"},
               {"tidak_ada", "ya", "a question of the version"},
               {"foto", "999", "an uploaded photo"}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *kv[] = {"buka", "ya", bad[i].k, bad[i].v};
        CHECK(visit(NULL, V1, "35.07.01.2001", 0, 1, 2, kv, &id2, &g) == 0 &&
                  !strcmp(g.kode, bad[i].k),
              "refused (%s), naming %s: got %s %s", bad[i].why, bad[i].k, g.kode, g.pesan);
    }
    const char *none[] = {"kader_hadir", "3"};
    CHECK(visit(NULL, V1, "35.07.01.2001", 0, 1, 1, none, &id2, &g) == 0 && !strcmp(g.kode, "buka"),
          "a required question unanswered is refused");
    CHECK(visit(NULL, V2, "35.07.01.2001", 0, 1, 2, ok, &id2, &g) == 0 &&
              !strcmp(g.kode, "versi_id"),
          "a draft version is not answered");
    CHECK(visit(NULL, V1, "35.07.01.2002", 1, 1, 2, ok, &id2, &g) == 0 &&
              !strcmp(g.kode, "posyandu_id"),
          "posyandu 1 is not in desa 2002");
    CHECK(visit(NULL, V1, "35.07.01.2001", 0, 3, 2, ok, &id2, &g) == 0 && !strcmp(g.kode, "tahap"),
          "stage 3 is refused");
    CHECK(tb_store_foto_add(S, 2, "/tmp/f1", "image/jpeg", 1000, &foto) == 0 &&
              tb_store_foto_add(S, 3, "/tmp/f2", "image/png", 1000, &foto_lain) == 0,
          "photos stored");
    char fv[16], fl[16];
    snprintf(fv, sizeof fv, "%ld", foto);
    snprintf(fl, sizeof fl, "%ld", foto_lain);
    const char *other[] = {"buka", "ya", "foto", fl};
    CHECK(visit(NULL, V1, "35.07.01.2001", 0, 1, 2, other, &id2, &g) == 0 &&
              !strcmp(g.kode, "foto"),
          "another user's photo is refused");
    /* desa 2001, stage 1: posyandu 2 open, kpm not; stage 2 (desa 2002) */
    const char *v2[] = {"buka", "tidak", "kpm_aktif", "tidak", "foto", fv, "meja", "kurang"};
    CHECK(visit("u-2", V1, "35.07.01.2001", 2, 1, 4, v2, &id2, &g) == 1, "second visit: %s",
          g.pesan);
    const char *v3[] = {"buka", "ya", "kader_hadir", "6"};
    CHECK(visit("u-3", V1, "35.07.01.2001", 1, 2, 2, v3, &id2, &g) == 1, "stage 2 visit");
    const char *v4[] = {"buka", "ya", "kpm_aktif", "ya"};
    CHECK(visit("u-4", V1, "35.07.01.2002", 3, 1, 2, v4, &id2, &g) == 1, "desa 2002 visit");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'monitoring_kunjungan'") == 4,
          "four visits audited");
}

typedef struct {
    tb_hasil_desa d[8];
    char desa[8][24];
    int n;
} desa_rows;

static int on_desa(void *ctx, const tb_hasil_desa *h)
{
    desa_rows *c = ctx;
    if (c->n < 8) {
        c->d[c->n] = *h;
        snprintf(c->desa[c->n], 24, "%s", h->desa);
        c->n++;
    }
    return 0;
}

typedef struct {
    int rows;
    int buka_ya1, buka_n1, hadir_n2;
    double hadir_sum2;
} butir_rows;

static int on_butir(void *ctx, const tb_hasil_butir *h)
{
    butir_rows *c = ctx;
    c->rows++;
    if (!strcmp(h->desa, "35.07.01.2001") && !strcmp(h->kode, "buka"))
        c->buka_ya1 = h->ya[0], c->buka_n1 = h->n[0];
    if (!strcmp(h->desa, "35.07.01.2001") && !strcmp(h->kode, "kader_hadir"))
        c->hadir_n2 = h->n[1], c->hadir_sum2 = h->jumlah[1];
    return 0;
}

static int on_lembaga(void *ctx, const tb_hasil_lembaga *h)
{
    tb_hasil_lembaga *out = ctx;
    if (!strcmp(h->lembaga, "OPD-DINKES"))
        *out = *h;
    return 0;
}

static void test_results(void)
{
    desa_rows c = {0};
    CHECK(tb_store_hasil_desa_each(S, "35.07", NULL, on_desa, &c) == 0 && c.n == 2,
          "two desa in the table (the team's): %d", c.n);
    /* 2001 stage 1: posyandu yes/no answers buka ya, buka tidak -> 50%; kpm ya, tidak -> 50%
     * stage 2: buka ya -> 100%, no kpm answer -> none. 2002 stage 1: 100% and 100%. */
    int i = !strcmp(c.desa[0], "35.07.01.2001") ? 0 : 1;
    CHECK(c.d[i].kunjungan[0] == 2 && c.d[i].kunjungan[1] == 1, "2001: 2 visits, then 1");
    CHECK_NEAR(c.d[i].skor_posyandu[0], 50.0, 1e-9);
    CHECK_NEAR(c.d[i].skor_kpm[0], 50.0, 1e-9);
    CHECK_NEAR(c.d[i].skor_posyandu[1], 100.0, 1e-9);
    CHECK(isnan(c.d[i].skor_kpm[1]), "no KPM answer at stage 2: no score");
    CHECK_NEAR(c.d[1 - i].skor_posyandu[0], 100.0, 1e-9);
    desa_rows t = {0};
    CHECK(tb_store_hasil_desa_each(S, "35.07", "OPD-PMD", on_desa, &t) == 0 && t.n == 2,
          "a team member sees its team's two desa");
    desa_rows o = {0};
    CHECK(tb_store_hasil_desa_each(S, "35.07", "OPD-SOSIAL", on_desa, &o) == 0 && o.n == 0,
          "an agency in no team sees none");
    desa_rows d = {0};
    CHECK(tb_store_hasil_desa_each(S, "35.07.01.2002", NULL, on_desa, &d) == 0 && d.n == 1,
          "a desa sees itself");
    butir_rows b = {0};
    CHECK(tb_store_hasil_butir_each(S, KID, "35.07", NULL, on_butir, &b) == 0, "per question");
    CHECK(b.buka_ya1 == 1 && b.buka_n1 == 2, "2001 buka at stage 1: 1 ya of 2");
    CHECK(b.hadir_n2 == 1 && fabs(b.hadir_sum2 - 6) < 1e-9, "2001 cadres at stage 2: one, 6");
    tb_hasil_lembaga l = {0};
    CHECK(tb_store_hasil_lembaga_each(S, "35.07", on_lembaga, &l) == 0 && l.desa == 2 &&
              l.dikunjungi[0] == 2 && l.kunjungan[0] == 3 && l.kunjungan[1] == 1,
          "Dinkes: 2 desa, both visited at stage 1 in 3 visits, 1 at stage 2");
    /* Dinkes stage 1 yes/no: ya, ya | tidak, tidak | ya, ya -> 4 of 6 */
    CHECK_NEAR(l.persen_ya[0], 400.0 / 6, 1e-9);
}

static int on_komitmen(void *ctx, const tb_komitmen *k)
{
    int *n = ctx;
    (*n)++;
    CHECK(*n != 1 || !strcmp(k->status, "baru"), "the open commitment comes first");
    return 0;
}

static void test_commitments(void)
{
    tb_komitmen k = {.desa = "35.07.01.2001",
                     .lembaga = "OPD-DINKES",
                     .uraian = "Desa menganggarkan PMT lokal",
                     .pj = "Kepala desa",
                     .tenggat = "2026-12-01"};
    long a, b;
    CHECK(tb_store_komitmen_add(S, 1, &k, &a) == 0, "commitment: %s", tb_store_error(S));
    k.tenggat = "besok";
    CHECK(tb_store_komitmen_add(S, 1, &k, NULL) < 0, "a deadline must be a date");
    k.tenggat = "2026-11-01";
    k.pj = "";
    CHECK(tb_store_komitmen_add(S, 1, &k, NULL) < 0, "an owner is required");
    k.pj = "Bidan desa";
    CHECK(tb_store_komitmen_add(S, 1, &k, &b) == 0, "second commitment");
    CHECK(tb_store_komitmen_status(S, 1, b, "selesai") == 0, "closed");
    CHECK(tb_store_komitmen_status(S, 1, b, "beres") < 0, "an unknown status is refused");
    int n = 0;
    CHECK(tb_store_komitmen_each(S, "35.07", NULL, on_komitmen, &n) == 0 && n == 2,
          "two commitments listed");
    desa_rows c = {0};
    tb_store_hasil_desa_each(S, "35.07.01.2001", NULL, on_desa, &c);
    CHECK(c.n == 1 && c.d[0].komitmen == 2 && c.d[0].komitmen_selesai == 1,
          "the desa row counts 2 commitments, 1 done");
}

static int on_kader(void *ctx, const tb_kader *k)
{
    int *n = ctx;
    n[0]++;
    n[1] += k->terlatih;
    return 0;
}

static void test_profil(void)
{
    long id;
    tb_kader k = {.posyandu_id = 1, .nama = "Siti", .terlatih = true, .aktif = true};
    CHECK(tb_store_kader_save(S, 1, &k, &id) == 0, "cadre: %s", tb_store_error(S));
    k.nama = "Rina", k.terlatih = false;
    CHECK(tb_store_kader_save(S, 1, &k, NULL) == 0, "second cadre");
    k.posyandu_id = 999;
    CHECK(tb_store_kader_save(S, 1, &k, NULL) < 0, "an unknown posyandu is refused");
    k = (tb_kader){.id = id, .posyandu_id = 2, .nama = "Siti", .aktif = true};
    CHECK(tb_store_kader_save(S, 1, &k, NULL) < 0, "another posyandu's cadre is not changed");
    int n[2] = {0, 0};
    tb_store_kader_each(S, 1, on_kader, n);
    CHECK(n[0] == 2 && n[1] == 1, "two cadres, one trained");
    for (int i = 0; i < 6; i++)
        CHECK(tb_store_alat_set(S, 1, 1, tb_alat_kode[i], true, i != 2) == 0, "kit item %d", i);
    CHECK(count("SELECT kit_standar FROM posyandu WHERE id = 1") == 0,
          "a broken length board: not the standard kit");
    CHECK(tb_store_alat_set(S, 1, 1, "papan_pb", true, true) == 0, "repaired");
    CHECK(count("SELECT kit_standar FROM posyandu WHERE id = 1") == 1,
          "all six measuring items in order: the standard kit");
    CHECK(tb_store_alat_set(S, 1, 1, "meteran_kain", true, true) < 0, "not a kit item");
    tb_pmt p = {
        .posyandu_id = 1, .tanggal = "2026-10-05", .menu = "Nugget ikan lele", .sumber = "APBDes"};
    CHECK(tb_store_pmt_add(S, 1, &p, NULL) == 0, "PMT menu");
    p.sumber = "";
    CHECK(tb_store_pmt_add(S, 1, &p, NULL) < 0, "a menu names its source");
    tb_paud d = {
        .posyandu_id = 1, .tanggal = "2026-10-05", .nama_paud = "PAUD Melati", .jumlah_anak = 18};
    CHECK(tb_store_paud_add(S, 1, &d, NULL) == 0, "PAUD measured");
    d.jumlah_anak = 20;
    CHECK(tb_store_paud_add(S, 1, &d, NULL) == 0 &&
              count("SELECT sum(jumlah_anak) FROM posyandu_paud") == 20,
          "the same PAUD that day: its count corrected, not doubled");
    d.jumlah_anak = -1;
    CHECK(tb_store_paud_add(S, 1, &d, NULL) < 0, "a negative count is refused");
    CHECK(tb_store_buka_add(S, 1, 1, "2026-10-05") == 0 &&
              tb_store_buka_add(S, 1, 1, "2026-10-05") == 0 &&
              count("SELECT count(*) FROM posyandu_buka") == 1,
          "an open day recorded once");
    CHECK(tb_store_buka_add(S, 1, 1, "2026-13-01") < 0, "a bad date is refused");
}

/* The files whose rows tb_store_foto_orphans_delete removed. */
typedef struct {
    char berkas[4][32];
    int n;
} removed_files;

static void on_removed(void *ctx, const char *berkas)
{
    removed_files *r = ctx;
    if (r->n < 4)
        snprintf(r->berkas[r->n], sizeof r->berkas[0], "%s", berkas);
    r->n++;
}

static long foto_id(const char *berkas)
{
    char q[160];
    snprintf(q, sizeof q, "SELECT coalesce(max(id), 0) FROM monitoring_foto WHERE berkas = '%s'",
             berkas);
    return count(q);
}

/* Photos sent from the phone's offline queue: stored once per uploader and
 * client id; the photos no saved answer refers to go after 7 days. Runs
 * after test_answers: /tmp/f1 (user 2) is the answer of visit u-2, /tmp/f2
 * (user 3) is in no answer. */
static void test_foto_offline(void)
{
    long a = 0, again = 0, other = 0, plain = 0;
    CHECK(tb_store_foto_add_uuid(S, 2, "c-0001-aaaa", "/tmp/a", "image/jpeg", 500, &a) == 1,
          "a photo with a client id stored: %s", tb_store_error(S));
    CHECK(tb_store_foto_add_uuid(S, 2, "c-0001-aaaa", "/tmp/a2", "image/jpeg", 500, &again) == 2 &&
              again == a,
          "the same client id again (a retry): the stored photo, not a second one");
    CHECK(count("SELECT count(*) FROM monitoring_foto WHERE uuid = 'c-0001-aaaa'") == 1 &&
              foto_id("/tmp/a2") == 0,
          "one row for the client id");
    CHECK(tb_store_foto_add_uuid(S, 3, "c-0001-aaaa", "/tmp/b", "image/png", 500, &other) == 1 &&
              other != a,
          "another user's photo with the same client id is its own");
    CHECK(tb_store_foto_add_uuid(S, 2, NULL, "/tmp/c", "image/png", 500, &plain) == 1 &&
              plain != a && plain != other,
          "without a client id: stored as before");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'monitoring_foto' AND aksi = 'tambah'"
                " AND sesudah LIKE '%c-0001-aaaa%'") == 2,
          "each stored photo audited with its client id (the retry wrote nothing)");

    /* 8 days old: f1 (answered), f2 and /tmp/a (no answer), /tmp/c whose id
     * is only a TEXT answer's value; /tmp/b is new. */
    long fc = foto_id("/tmp/c");
    char cv[16];
    snprintf(cv, sizeof cv, "%ld", fc);
    const char *teks[] = {"buka", "ya", "catatan", cv};
    long vid = 0;
    tb_kunjungan_galat g;
    CHECK(visit("u-9", V1, "35.07.01.2002", 3, 2, 2, teks, &vid, &g) == 1, "a text answer: %s",
          g.pesan);
    sql("UPDATE monitoring_foto SET dibuat = datetime('now', '-8 days') WHERE berkas IN"
        " ('/tmp/f1', '/tmp/f2', '/tmp/a', '/tmp/c');"
        "UPDATE monitoring_foto SET dibuat = datetime('now', '-6 days') WHERE berkas = '/tmp/b'");
    removed_files r = {0};
    CHECK(tb_store_foto_orphans_delete(S, "-7 days", 2, on_removed, &r) == 2 && r.n == 2 &&
              !strcmp(r.berkas[0], "/tmp/f2") && !strcmp(r.berkas[1], "/tmp/a"),
          "at most 2 at a time: the oldest orphans f2 and a (%d: %s %s)", r.n, r.berkas[0],
          r.berkas[1]);
    r.n = 0;
    CHECK(tb_store_foto_orphans_delete(S, "-7 days", 50, on_removed, &r) == 1 && r.n == 1 &&
              !strcmp(r.berkas[0], "/tmp/c"),
          "then c: a text answer equal to its id does not keep it");
    CHECK(foto_id("/tmp/f1") > 0 && foto_id("/tmp/b") > 0 && foto_id("/tmp/f2") == 0 &&
              foto_id("/tmp/a") == 0 && foto_id("/tmp/c") == 0,
          "the answered photo and the 6-day-old one stay");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'monitoring_foto' AND aksi = 'hapus'"
                " AND pengguna_id IS NULL AND sebelum LIKE '%/tmp/%'") == 3,
          "each removal audited as the system's, with its file");
    CHECK(tb_store_foto_orphans_delete(S, "-7 days", 50, on_removed, &r) == 0,
          "nothing left to remove");
    CHECK(tb_store_foto_add_uuid(S, 2, "c-0001-aaaa", "/tmp/a3", "image/jpeg", 500, &again) == 1 &&
              again != a,
          "a client id whose photo was removed is stored anew (the phone sends it again)");
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-monitoring-XXXXXX";
    close(mkstemp(path));
    unlink(path);
    char err[256];
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "open: %s", err);
    if (!S)
        TB_TEST_MAIN_END();
    sql("INSERT INTO wilayah VALUES ('35', 1, NULL, 'Jawa Timur', 0, NULL),"
        " ('35.07', 2, '35', 'Kabupaten Malang', 0, NULL),"
        " ('35.07.01', 3, '35.07', 'Donomulyo', 0, NULL),"
        " ('35.07.01.2001', 4, '35.07.01', 'Sumberoto', 0, NULL),"
        " ('35.07.01.2002', 4, '35.07.01', 'Kedungsalam', 0, NULL),"
        " ('35.07.01.2003', 4, '35.07.01', 'Tulungrejo', 0, NULL),"
        " ('35.08', 2, '35', 'Kabupaten Lain', 0, NULL),"
        " ('35.08.01', 3, '35.08', 'Lain', 0, NULL),"
        " ('35.08.01.2001', 4, '35.08.01', 'Desa Lain', 0, NULL);"
        "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Melati', '35.07.01.2001'),"
        " (2, 'Mawar', '35.07.01.2001'), (3, 'Anggrek', '35.07.01.2002');"
        "INSERT INTO lembaga VALUES ('OPD-DINKES', 'Dinas Kesehatan', 'opd', '35.07'),"
        " ('OPD-PMD', 'Dinas PMD', 'opd', '35.07'), ('OPD-SOSIAL', 'Dinas Sosial', 'opd', '35.07');"
        "INSERT INTO pengguna (id, username, nama, hash, peran, wilayah)"
        " VALUES (1, 'tpps', 'TPPS', 'x', 'tpps_kab', '35.07'),"
        " (2, 'dinkes', 'Dinkes', 'x', 'opd', '35.07'), (3, 'pmd', 'PMD', 'x', 'opd', '35.07');");
    test_teams();
    test_builder();
    test_answers();
    test_results();
    test_commitments();
    test_foto_offline();
    test_profil();
    tb_store_close(S);
    unlink(path);
    TB_TEST_MAIN_END();
}
