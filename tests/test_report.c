/*
 * test_report.c - the reports module on small hand-computed data: SKDN with
 * KBM-based N/T, O and B, 2T and BGM, coverage, prevalence, by-name lists
 * with and without names, the home-visit list, and the renderers.
 *
 * The district: kecamatan 35.07.01 with desa 2001 (posyandu Melati) and 2002
 * (posyandu Mawar). Children are measured at chosen z-scores (heights and
 * weights from the WHO tables), so every count below is known by hand.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/render.h"
#include "report/advice.h"
#include "report/report.h"
#include "store/internal.h"
#include "store/pengukuran.h"
#include "tb_test_db.h"
#include "store/krs.h"
#include "store/status.h"
#include "tb_growth.h"
#include "tb_test.h"
#include "base/who_tables.h"

static tb_store *S;

static void sql(const char *q)
{
    char *msg = NULL;
    if (sqlite3_exec(tb_store_db(S), q, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "sql: %s\n", msg);
        sqlite3_free(msg);
    }
}

/* A child born on `born`, of sex jk, at posyandu pos, with a Buku KIA or not. */
static void child(long id, int jk, const char *born, long pos, int kia, const char *name)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(tb_store_db(S),
                       "INSERT INTO individu (id, nik, nama, nama_kunci, jk, tgl_lahir, desa)"
                       " VALUES (?1, printf('35070101%08d', ?1), ?2, lower(?2), ?3, ?4,"
                       " (SELECT desa FROM posyandu WHERE id = ?5))",
                       -1, &st, NULL);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, jk);
    sqlite3_bind_text(st, 4, born, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, pos);
    sqlite3_step(st);
    sqlite3_finalize(st);
    char q[200];
    snprintf(q, sizeof q,
             "INSERT INTO anak (individu_id, posyandu_id, buku_kia, nama_ortu)"
             " VALUES (%ld, %ld, %d, 'Ibu %s')",
             id, pos, kia, name);
    sql(q);
}

/* A weighing and measurement, given as kg and cm. */
static void measure(long id, const char *date, double kg, double cm, const char *born, int jk)
{
    tb_pengukuran p;
    tb_pengukuran_init(&p);
    p.anak_id = id;
    snprintf(p.tanggal, sizeof p.tanggal, "%s", date);
    p.bb = kg;
    p.tb = cm;
    p.cara_ukur = 'h';
    sqlite3_stmt *st;
    sqlite3_prepare_v2(tb_store_db(S), "SELECT posyandu_id FROM anak WHERE individu_id = ?1", -1,
                       &st, NULL);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        p.posyandu_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    int out;
    if (tb_store_pengukuran_put(S, &p, born, jk, &out))
        fprintf(stderr, "put: %s\n", tb_store_error(S));
}

/* The height at z for a boy/girl aged `days`. */
static double height_at(int jk, int days, double z)
{
    const tb_lms_table *t = &tb_who_tables_builtin.len;
    return tb_growth_lms_value(t->rows[jk - 1][days - t->first], z);
}

static double num(const tb_table *t, long r, const char *key)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->col_keys[c], key))
            return tb_table_cell(t, r, c).num;
    return NAN;
}

static const char *text(const tb_table *t, long r, const char *key)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->col_keys[c], key))
            return tb_table_cell(t, r, c).text;
    return NULL;
}

/* The kat_tbu stored for child id on date. */
static char *kat_tbu(long id, const char *date, char *buf, size_t n)
{
    sqlite3_stmt *st;
    sqlite3_prepare_v2(tb_store_db(S),
                       "SELECT kat_tbu FROM pengukuran WHERE anak_id = ?1 AND tanggal = ?2", -1,
                       &st, NULL);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
    buf[0] = 0;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

/* Categories come from the active ref_ambang rows, not from code: moving the
 * sangat pendek cut-off to -2.2 makes a new z = -2.25 measurement SP (-2.5 SD
 * measured standing under 2 years: +0.7 cm). */
static void test_bands_from_store(const char *path)
{
    char k[8], err[256];
    /* the compiled-in defaults (zscore CLI) equal the seeded rows */
    const tb_bands *sb = tb_store_bands(S), *pb = &tb_bands_permenkes;
    int same = 1;
    for (int i = 0; i < TB_BANDS_COUNT; i++) {
        same &= sb->n[i] == pb->n[i];
        for (int j = 0; j < pb->n[i] && same; j++) {
            const tb_band *x = &sb->band[i][j], *y = &pb->band[i][j];
            same &= x->cat == y->cat && (x->lo == y->lo || (isnan(x->lo) && isnan(y->lo))) &&
                    (x->hi == y->hi || (isnan(x->hi) && isnan(y->hi)));
        }
    }
    CHECK(same, "tb_bands_permenkes equals the seeded ref_ambang rows");
    CHECK(!strcmp(kat_tbu(1, "2026-11-16", k, sizeof k), "P"), "z -2.25 is P: %s", k);
    sql("UPDATE ref_ambang SET z_atas = -2.2 WHERE versi = 'permenkes-2-2020' AND indeks = 'tbu'"
        " AND urutan = 1;"
        "UPDATE ref_ambang SET z_bawah = -2.2 WHERE versi = 'permenkes-2-2020' AND indeks = 'tbu'"
        " AND urutan = 2;");
    tb_store_close(S);
    S = NULL;
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "reopen: %s", err);
    measure(1, "2026-12-16", 10.3, height_at(1, 594, -2.5), "2025-05-01", 1);
    CHECK(!strcmp(kat_tbu(1, "2026-12-16", k, sizeof k), "SP"), "changed band: SP, got %s", k);
    /* and back: a new active version with the Permenkes cut-offs */
    sql("INSERT INTO ref_versi VALUES ('ambang', 'uji', '2026-12-01', 0, 'test', NULL, NULL);"
        "INSERT INTO ref_ambang SELECT 'uji', indeks, urutan, kode, label,"
        " CASE WHEN indeks = 'tbu' AND urutan = 2 THEN -3 ELSE z_bawah END,"
        " CASE WHEN indeks = 'tbu' AND urutan = 1 THEN -3 ELSE z_atas END"
        " FROM ref_ambang WHERE versi = 'permenkes-2-2020';"
        "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'ambang';"
        "UPDATE ref_versi SET aktif = 1 WHERE jenis = 'ambang' AND versi = 'uji';");
    tb_store_close(S);
    S = NULL;
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "reopen: %s", err);
    measure(1, "2026-12-20", 10.3, height_at(1, 598, -2.5), "2025-05-01", 1);
    CHECK(!strcmp(kat_tbu(1, "2026-12-20", k, sizeof k), "P"), "new active version: P, got %s", k);
}

/* A measurement row with nothing in it but what a case sets. */
static tb_ukur_row blank_row(void)
{
    tb_ukur_row u;
    memset(&u, 0, sizeof u);
    u.umur_hari = 600;
    u.bb = u.tb = u.lila = u.pmt_kg = NAN;
    u.z_bbu = u.z_tbu = u.z_bbtb = u.z_imtu = NAN;
    return u;
}

/* Does the advice have a text starting with `start`? */
static bool advised(const tb_advice *a, const char *start)
{
    for (int i = 0; i < a->n; i++)
        if (!strncmp(a->text[i], start, strlen(start)))
            return true;
    return false;
}

/* Buku KIA 2023 referral (T, red line, orange line) and the Permenkes names. */
static void test_advice(const char *path)
{
    tb_advice a;
    tb_ukur_row u = blank_row();
    u.naik = 'N';
    tb_advice_for(S, &u, &a);
    CHECK(!a.rujuk, "N: no referral");
    u.naik = 'T';
    tb_advice_for(S, &u, &a);
    CHECK(a.rujuk && advised(&a, "Berat badan tidak naik (T)"), "T alone: refer");
    u = blank_row();
    u.z_bbu = 1.5;
    tb_advice_for(S, &u, &a);
    CHECK(a.rujuk && advised(&a, "Berat badan di atas garis oranye"), "above +1 SD: refer");
    u.bgm = 1;
    u.z_bbu = -3.2;
    tb_advice_for(S, &u, &a);
    CHECK(a.rujuk && advised(&a, "Berat badan di bawah garis merah"), "BGM: refer");
    const struct {
        const char *kat, *start;
    } gizi[] = {{"RGL", "Berisiko gizi lebih"}, {"GL", "Gizi lebih"}, {"OB", "Obesitas"}};
    for (int i = 0; i < 3; i++) {
        u = blank_row();
        snprintf(u.kat_bbtb, sizeof u.kat_bbtb, "%s", gizi[i].kat);
        tb_advice_for(S, &u, &a);
        CHECK(advised(&a, gizi[i].start) && (i > 0 || !advised(&a, "Gizi lebih")), "BB/TB %s: %s",
              gizi[i].kat, a.n ? a.text[0] : "");
    }
    u = blank_row();
    u.z_imtu = 1.5; /* IMT/U +1.5 SD: berisiko under 5 years, gizi lebih at 5-18 */
    tb_advice_for(S, &u, &a);
    CHECK(advised(&a, "Berisiko gizi lebih"), "IMT/U 0-60 months +1.5: berisiko gizi lebih");
    u.umur_hari = 2200;
    tb_advice_for(S, &u, &a);
    CHECK(advised(&a, "Gizi lebih"), "IMT/U 5-18 years +1.5: gizi lebih");
    u.z_imtu = 2.5;
    tb_advice_for(S, &u, &a);
    CHECK(advised(&a, "Obesitas") && a.rujuk, "IMT/U 5-18 years +2.5: obesitas");
    /* the orange line is reference data */
    char err[256];
    sql("UPDATE ref_versi SET data = json_set(data, '$.garis_oranye_z', 2.0)"
        " WHERE jenis = 'kms' AND aktif = 1");
    tb_store_close(S);
    S = NULL;
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "reopen: %s", err);
    u = blank_row();
    u.z_bbu = 1.5;
    tb_advice_for(S, &u, &a);
    CHECK(!a.rujuk, "orange line at +2 SD: +1.5 not referred");
    u.z_bbu = 2.1;
    tb_advice_for(S, &u, &a);
    CHECK(a.rujuk, "orange line at +2 SD: +2.1 referred");
}

/* The row of an skdn-umur table for a group and sex, or -1. */
static long umur_row(const tb_table *t, const char *group, const char *jk)
{
    for (long i = 0; i < t->nrows; i++)
        if (!strcmp(text(t, i, "umur"), group) && !strcmp(text(t, i, "jk"), jk))
            return i;
    return -1;
}

/* SKDN by age group and sex (F2): ages in completed months at the month's end. */
static void test_skdn_umur(void)
{
    tb_report_scope sc = {"35.07.01", 0, "2026-11", false, false, 0};
    tb_table *t = NULL;
    CHECK(tb_report_lookup("skdn-umur") == TB_REPORT_SKDN_UMUR, "skdn-umur is a report name");
    CHECK(tb_report_run(S, TB_REPORT_SKDN_UMUR, &sc, &t) == 0 && t, "skdn-umur: %s",
          tb_store_error(S));
    if (!t)
        return;
    /* 1-4 are 18 months (12-23), 5 and 6 are 24 months (24-35) */
    long a = umur_row(t, "12-23 bulan", "L"), b = umur_row(t, "12-23 bulan", "P");
    long c = umur_row(t, "24-35 bulan", "P"), all = umur_row(t, "Jumlah", "L+P");
    CHECK(a >= 0 && num(t, a, "S") == 2 && num(t, a, "K") == 1 && num(t, a, "D") == 2 &&
              num(t, a, "N") == 1 && num(t, a, "O") == 1,
          "12-23 L: S 2 K 1 D 2 N 1 O 1");
    CHECK(b >= 0 && num(t, b, "S") == 2 && num(t, b, "D") == 1 && num(t, b, "T") == 1 &&
              num(t, b, "2T") == 1 && num(t, b, "2T_D") == 100,
          "12-23 P: S 2 D 1 T 1 2T 1");
    CHECK(c >= 0 && num(t, c, "S") == 1 && num(t, c, "D") == 0 && isnan(num(t, c, "N_D")) &&
              num(t, c, "D_S") == 0,
          "24-35 P: S 1 D 0, N/D undefined");
    CHECK(umur_row(t, "0-5 bulan", "L") < 0 && umur_row(t, "36-59 bulan", "P") < 0,
          "no rows for empty groups");
    CHECK(all >= 0 && num(t, all, "S") == 6 && num(t, all, "D") == 4 &&
              num(t, all, "N_S") == 100.0 / 6,
          "total L+P equals SKDN: S 6 D 4");
    long l = umur_row(t, "Jumlah", "L");
    CHECK(l >= 0 && num(t, l, "S") == 3 && num(t, l, "D") == 3, "total L: S 3 D 3");
    tb_table_free(t);
}

/* S from the month totals of a scope. */
static double s_of(const char *wilayah, long pos, const char *month)
{
    tb_report_scope sc = {wilayah, pos, "", false, false, 0};
    snprintf(sc.month, sizeof sc.month, "%s", month);
    tb_table *t = NULL;
    double v = NAN;
    if (tb_report_run(S, TB_REPORT_SKDN, &sc, &t) == 0 && t)
        v = num(t, t->nrows - 1, "S");
    tb_table_free(t);
    return v;
}

/* S of the census row ("Tanpa posyandu") of a desa's SKDN, 0 without one. */
static double census_s(const tb_report_scope *sc)
{
    tb_table *t = NULL;
    double v = NAN;
    if (tb_report_run(S, TB_REPORT_SKDN, sc, &t) == 0 && t) {
        v = 0;
        for (long r = 0; r < t->nrows; r++)
            if (!strcmp(text(t, r, "wilayah"), "Tanpa posyandu (pendataan keluarga)"))
                v = num(t, r, "S");
    }
    tb_table_free(t);
    return v;
}

/* S is every child under five the store knows (posyandu registers and the
 * family census), less those moved away or died from that month. */
static void test_s_census_status(void)
{
    CHECK(s_of("35.07.01", 0, "2026-11") == 6, "S before the census: 6");
    sql("INSERT INTO keluarga (id, no_kk, desa) VALUES (1, '3507010101260001', '35.07.01.2001');"
        "INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, keluarga_id, desa) VALUES"
        " (8, 'Hana', 'hana', 2, '2024-03-01', 1, '35.07.01.2001'),"
        " (9, 'Indra', 'indra', 1, '2019-01-01', 1, '35.07.01.2001'),"
        " (10, 'Joko', 'joko', 1, '2025-01-01', 1, '35.07.01.2001');"
        "INSERT INTO anak (individu_id, posyandu_id, buku_kia) VALUES (10, NULL, 1);");
    tb_report_scope sc = {"35.07.01", 0, "2026-11", false, false, 0};
    tb_table *t = NULL;
    CHECK(tb_report_run(S, TB_REPORT_SKDN, &sc, &t) == 0 && t, "skdn");
    if (t) {
        long tot = t->nrows - 1;
        CHECK(num(t, tot, "S") == 8 && num(t, tot, "K") == 4 && num(t, tot, "D") == 4,
              "census children under five in S (8), with a Buku KIA in K (4): %g %g",
              num(t, tot, "S"), num(t, tot, "K"));
        tb_table_free(t);
    }
    CHECK(s_of(NULL, 1, "2026-11") == 4, "posyandu S: its own children only");
    tb_report_scope ds = {"35.07.01.2001", 0, "2026-11", false, false, 0};
    CHECK(tb_report_run(S, TB_REPORT_SKDN, &ds, &t) == 0 && t && t->nrows == 3, "desa: 3 rows");
    if (t && t->nrows == 3) {
        long census = !strcmp(text(t, 0, "wilayah"), "Posyandu Melati") ? 1 : 0;
        CHECK(!strcmp(text(t, census, "wilayah"), "Tanpa posyandu (pendataan keluarga)") &&
                  num(t, census, "S") == 2 && !t->links[census],
              "desa: census children without a posyandu on their own row, no link");
        CHECK(num(t, 2, "S") == 6, "desa total 6");
    }
    tb_table_free(t);
    CHECK(tb_report_run(S, TB_REPORT_TIDAK_DIUKUR, &sc, &t) == 0 && t && t->nrows == 4,
          "home visits include census children (4): %ld", t ? t->nrows : -1);
    tb_table_free(t);
    /* moved away in November: out of S from November, in S in October */
    CHECK(tb_store_anak_status_set(S, 4, "pindah", "2026-11-10", "ke Surabaya", 0) == 0,
          "status: %s", tb_store_error(S));
    CHECK(tb_store_anak_status_set(S, 8, "meninggal", "2026-11-30", NULL, 0) == 0, "status");
    CHECK(s_of("35.07.01", 0, "2026-11") == 6, "moved and died leave S: %g",
          s_of("35.07.01", 0, "2026-11"));
    CHECK(s_of("35.07.01", 0, "2026-10") == 8, "still in S the month before: %g",
          s_of("35.07.01", 0, "2026-10"));
    CHECK(s_of(NULL, 1, "2026-11") == 3 && s_of(NULL, 1, "2026-12") == 3, "posyandu S 3");
    CHECK(tb_store_anak_status_set(S, 4, "aktif", "2026-12-05", "kembali", 0) == 0, "back");
    CHECK(s_of(NULL, 1, "2026-12") == 4 && s_of(NULL, 1, "2026-11") == 3,
          "back in S from December");
    char st[16];
    CHECK(tb_store_anak_status_on(S, 4, "2026-11-20", st, sizeof st) == 0 && !strcmp(st, "pindah"),
          "status on a date: %s", st);
    CHECK(tb_store_anak_status_set(S, 4, "hilang", "2026-11-10", NULL, 0) == -1 &&
              tb_store_anak_status_set(S, 4, "pindah", "2026-02-30", NULL, 0) == -1 &&
              tb_store_anak_status_set(S, 999, "pindah", "2026-11-10", NULL, 0) == -1,
          "bad status, date or child refused");
    /* a census child registered at a posyandu moves from the census row to
     * the posyandu's, and back when the registration goes */
    tb_report_scope ds12 = {"35.07.01.2001", 0, "2026-12", false, false, 0};
    CHECK(census_s(&ds12) == 1, "December: Joko on the census row: %g", census_s(&ds12));
    sql("UPDATE anak SET posyandu_id = 1 WHERE individu_id = 10");
    CHECK(census_s(&ds12) == 0 && s_of(NULL, 1, "2026-12") == 5,
          "registered: at the posyandu (S 5), not on the census row: %g %g", census_s(&ds12),
          s_of(NULL, 1, "2026-12"));
    sql("UPDATE anak SET digabung_ke = 1 WHERE individu_id = 10");
    CHECK(census_s(&ds12) == 0 && s_of(NULL, 1, "2026-12") == 4,
          "merged into another child: in neither");
    sql("DELETE FROM anak WHERE individu_id = 10");
    CHECK(census_s(&ds12) == 1, "its registration removed: back on the census row");
    sql("INSERT INTO anak (individu_id, posyandu_id) VALUES (10, 1)");
    CHECK(census_s(&ds12) == 0 && s_of(NULL, 1, "2026-12") == 5,
          "registered anew: at the posyandu");
}

/*
 * Families at risk on hand-counted families (issue 12), month 2026-11:
 *  desa 2001: K1 KRS (air, muda), visited in March; K2 sasaran, not KRS;
 *             K3 not sasaran
 *  desa 2002: K4 KRS (jamban), visited only last December; K5 KRS (air,
 *             jamban, banyak), one of its members visited in November
 */
static void test_krs(void)
{
    sql("INSERT INTO keluarga (id, no_kk, desa, alamat, rt, rw, sasaran, krs, krs_faktor, pus)"
        " VALUES (101, '3507010101000001', '35.07.01.2001', 'Dusun A', '001', '01', 1, 1,"
        "  'air_tidak_layak,terlalu_muda', 1),"
        " (102, '3507010101000002', '35.07.01.2001', 'Dusun A', '002', '01', 1, 0, NULL, 1),"
        " (103, '3507010101000003', '35.07.01.2001', 'Dusun B', '003', '01', 0, 0, NULL, 0),"
        " (104, '3507010101000004', '35.07.01.2002', 'Dusun C', '001', '02', 1, 1,"
        "  'jamban_tidak_layak', 1),"
        " (105, '3507010101000005', '35.07.01.2002', 'Dusun C', '002', '02', 1, 1,"
        "  'air_tidak_layak,jamban_tidak_layak,terlalu_banyak', 1);"
        "INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, keluarga_id, desa)"
        " VALUES (5050, 'Ibu Lima', 'ibu lima', 2, '1990-01-01', 105, '35.07.01.2002'),"
        " (5010, 'Ibu Satu', 'ibu satu', 2, '1995-01-01', 101, '35.07.01.2001');"
        "INSERT INTO tpk (id, kode, desa, nama) VALUES (1, 'T1', '35.07.01.2001', 'TPK Satu');"
        /* K1's TPK is the team its member is assigned to (tpk_sasaran) */
        "INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai) VALUES"
        " (1, 5010, 'bumil', '2026-01-01');"
        "INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, individu_id, tanggal, sasaran) VALUES"
        " (1, 101, NULL, '2026-03-01', 'baduta'), (1, NULL, 5050, '2026-11-10', 'bumil'),"
        " (1, 104, NULL, '2025-12-31', 'baduta');");
    tb_report_scope sc = {"35.07.01", 0, "2026-11", false, false, 0};
    tb_table *t = NULL;
    CHECK(tb_report_run(S, TB_REPORT_KRS, &sc, &t) == 0 && t, "krs: %s", tb_store_error(S));
    if (!t)
        return;
    CHECK(t->nrows == 3 && t->ncols == 14, "2 desa + total, 14 columns: %ld", t->nrows);
    static const char *const keys[] = {"keluarga",       "keluarga_sasaran", "krs",
                                       "persen_krs",     "air_tidak_layak",  "jamban_tidak_layak",
                                       "terlalu_muda",   "terlalu_tua",      "terlalu_dekat",
                                       "terlalu_banyak", "krs_didampingi",   "persen_didampingi"};
    const double want[3][12] = {{3, 2, 1, 50, 1, 0, 1, 0, 0, 0, 1, 100},
                                {2, 2, 2, 100, 1, 2, 0, 0, 0, 1, 1, 50},
                                {5, 4, 3, 75, 2, 2, 1, 0, 0, 1, 2, 200.0 / 3}};
    for (int r = 0; r < 3; r++)
        for (int k = 0; k < 12; k++)
            CHECK(fabs(num(t, r, keys[k]) - want[r][k]) < 1e-9, "row %d %s: %g, want %g", r,
                  keys[k], num(t, r, keys[k]), want[r][k]);
    CHECK(!strcmp(text(t, 0, "kode"), "35.07.01.2001") && !strcmp(text(t, 2, "wilayah"), "Jumlah"),
          "codes and total");
    tb_table_free(t);
    /* the desa's families: without names no KK; with names KRS first */
    tb_report_scope d = {"35.07.01.2001", 0, "2026-11", false, false, 0};
    CHECK(tb_report_run(S, TB_REPORT_KRS_KELUARGA, &d, &t) == 0 && t, "list");
    if (t) {
        CHECK(t->nrows == 2 && !text(t, 0, "no_kk") && !text(t, 0, "nama"), "no names: %ld",
              t->nrows);
        tb_table_free(t);
    }
    d.with_names = true;
    CHECK(tb_report_run(S, TB_REPORT_KRS_KELUARGA, &d, &t) == 0 && t, "list with names");
    if (t) {
        CHECK(t->nrows == 2 && !strcmp(text(t, 0, "no_kk"), "3507010101000001") &&
                  !strcmp(text(t, 0, "tpk"), "TPK Satu") &&
                  !strcmp(text(t, 0, "kunjungan_terakhir"), "2026-03-01"),
              "K1 first, its TPK and visit");
        tb_table_free(t);
    }
    /* a correction counts, and is audited */
    CHECK(tb_store_verval_put(S, 0, 102, "koreksi", 1, "jamban ternyata cubluk") == 1, "verval");
    CHECK(tb_store_verval_put(S, 0, 999, "konfirmasi", 0, "x") == 0, "no such family");
    CHECK(tb_report_run(S, TB_REPORT_KRS, &sc, &t) == 0 && t, "krs again");
    if (t) {
        CHECK(num(t, 0, "krs") == 2 && num(t, 2, "krs") == 4, "K2 now KRS: %g", num(t, 0, "krs"));
        tb_table_free(t);
    }
    CHECK(tb_store_count(S, "audit_log") >= 1, "audited");
    CHECK(tb_store_krs_target_set(S, 0, "35.07.01.2002", 2026, 4) == 0 &&
              tb_store_krs_target(S, "35.07.01.2002", 2026) == 4 &&
              tb_store_krs_target(S, "35.07.01.2001", 2026) == -1,
          "target");
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-report-XXXXXX";
    close(mkstemp(path));
    unlink(path);
    char err[256];
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "open: %s", err);
    if (!S)
        TB_TEST_MAIN_END();
    tb_store_begin(S);
    sql("INSERT INTO wilayah VALUES ('35', 1, NULL, 'Jawa Timur', 0, NULL),"
        " ('35.07', 2, '35', 'Kabupaten Malang', 0, NULL),"
        " ('35.07.01', 3, '35.07', 'Donomulyo', 0, NULL),"
        " ('35.07.01.2001', 4, '35.07.01', 'Sumberoto', 0, NULL),"
        " ('35.07.01.2002', 4, '35.07.01', 'Kedungsalam', 0, NULL);"
        "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Melati', '35.07.01.2001'),"
        " (2, 'Mawar', '35.07.01.2002');"
        "INSERT INTO survei_prevalensi (wilayah, tahun, survei, stunting)"
        " VALUES ('35.07', 2024, 'SSGI', 25.0);");
    /* Melati: 4 children born 2025-05-01 (so 18 months in November 2026).
     *  1: weighed Oct and Nov, +300 g (KBM 200): N; height z = -2.5: stunted
     *  2: weighed Oct and Nov, +100 g: T; and T in October too: 2T
     *  3: weighed Nov only, not Oct, but weighed before: O
     *  4: never weighed: in S, not in D; on the home-visit list
     * Mawar: 2 children born 2024-11-01 (24 months):
     *  5: first weighing in November: B; height z = -3.5: stunted
     *  6: weighed in October only: not D in November
     * One more child is 6 years old: not a target. */
    const char *b1 = "2025-05-01", *b2 = "2024-11-01";
    child(1, 1, b1, 1, 1, "Adi");
    child(2, 2, b1, 1, 1, "Bunga");
    child(3, 1, b1, 1, 0, "Citra");
    child(4, 2, b1, 1, 0, "Dewi");
    child(5, 1, b2, 2, 1, "Eko");
    child(6, 2, b2, 2, 0, "Fitri");
    child(7, 1, "2020-06-01", 2, 1, "Gilang");
    int d_nov = 564, d_oct = 533; /* ages in days on 2026-11-16 / 2026-10-16 */
    measure(1, "2026-09-16", 9.6, height_at(1, d_oct - 30, -2.5), b1, 1);
    measure(1, "2026-10-16", 9.8, height_at(1, d_oct, -2.5), b1, 1);
    measure(1, "2026-11-16", 10.1, height_at(1, d_nov, -2.5), b1, 1);
    measure(2, "2026-09-16", 9.5, height_at(2, d_oct - 30, 0), b1, 2);
    measure(2, "2026-10-16", 9.6, height_at(2, d_oct, 0), b1, 2);
    measure(2, "2026-11-16", 9.7, height_at(2, d_nov, 0), b1, 2);
    measure(3, "2026-08-16", 9.0, height_at(1, d_oct - 61, 0), b1, 1);
    measure(3, "2026-11-16", 9.9, height_at(1, d_nov, 0), b1, 1);
    measure(5, "2026-11-16", 11.0, height_at(1, 745, -3.5), b2, 1);
    measure(6, "2026-10-16", 11.5, height_at(2, 714, 0), b2, 2);
    measure(7, "2026-11-16", 20.0, 115, "2020-06-01", 1);
    for (long id = 1; id <= 7; id++)
        tb_store_kms_recompute(S, id);
    CHECK(tb_store_commit(S) == 0, "commit");

    tb_report_scope sc = {"35.07.01", 0, "2026-11", false, false, 0};
    tb_table *t = NULL;
    CHECK(tb_report_run(S, TB_REPORT_SKDN, &sc, &t) == 0 && t, "skdn: %s", tb_store_error(S));
    if (t) {
        CHECK(t->nrows == 3, "2 desa + total: %ld", t->nrows);
        long tot = t->nrows - 1;
        CHECK(!strcmp(text(t, tot, "wilayah"), "Jumlah"), "total row");
        CHECK(num(t, tot, "S") == 6 && num(t, tot, "K") == 3 && num(t, tot, "D") == 4,
              "S=6 K=3 D=4: %g %g %g", num(t, tot, "S"), num(t, tot, "K"), num(t, tot, "D"));
        CHECK(num(t, tot, "N") == 1 && num(t, tot, "T") == 1 && num(t, tot, "O") == 1 &&
                  num(t, tot, "B") == 1,
              "N T O B = 1 1 1 1: %g %g %g %g", num(t, tot, "N"), num(t, tot, "T"),
              num(t, tot, "O"), num(t, tot, "B"));
        CHECK(num(t, tot, "N") + num(t, tot, "T") + num(t, tot, "O") + num(t, tot, "B") ==
                  num(t, tot, "D"),
              "D = N + T + O + B");
        CHECK(num(t, tot, "2T") == 1, "one 2T: %g", num(t, tot, "2T"));
        CHECK(fabs(num(t, tot, "D_S") - 400.0 / 6) < 1e-9 && num(t, tot, "K_S") == 50 &&
                  num(t, tot, "N_D") == 25,
              "ratios");
        CHECK(fabs(num(t, tot, "D_K") - 400.0 / 3) < 1e-9 &&
                  fabs(num(t, tot, "N_S") - 100.0 / 6) < 1e-9 && num(t, tot, "BGM_D") == 0 &&
                  num(t, tot, "2T_D") == 25,
              "D/K, N/S, BGM/D, 2T/D: %g %g %g %g", num(t, tot, "D_K"), num(t, tot, "N_S"),
              num(t, tot, "BGM_D"), num(t, tot, "2T_D"));
        /* Sumberoto sorts after Kedungsalam: row 1 is Sumberoto (Melati) */
        CHECK(!strcmp(text(t, 1, "wilayah"), "Sumberoto") && num(t, 1, "S") == 4 &&
                  num(t, 1, "D") == 3,
              "desa row");
        CHECK(t->links[1] && !strcmp(t->links[1], "/dasbor?wilayah=35.07.01.2001&bulan=2026-11"),
              "drill-down link: %s", t->links[1] ? t->links[1] : "(none)");
        /* renderers */
        char csv[4096] = "";
        FILE *f = fmemopen(csv, sizeof csv - 1, "w");
        CHECK(tb_render_csv(t, f) == 0, "csv");
        fclose(f);
        CHECK(!strncmp(csv, "wilayah,S,K,D,N,T,O,B,2T,BGM,K_S,D_S,D_K,N_D,N_S,BGM_D,2T_D\n", 60),
              "csv header: %.60s", csv);
        CHECK(strstr(csv, "Jumlah,6,3,4,1,1,1,1,1,") != NULL, "csv total row");
        char x[300];
        snprintf(x, sizeof x, "%s.xlsx", path);
        CHECK(tb_render_xlsx(t, x) == 0 && access(x, F_OK) == 0, "xlsx written");
        unlink(x);
        snprintf(x, sizeof x, "%s.pdf", path);
        int chart = 11;
        CHECK(tb_render_pdf((const tb_table *const *)&t, &chart, 1, x) == 0, "pdf written");
        FILE *pf = fopen(x, "rb");
        char head[5] = "";
        if (pf) {
            CHECK(fread(head, 1, 4, pf) == 4 && !memcmp(head, "%PDF", 4), "a PDF");
            fclose(pf);
        }
        unlink(x);
        tb_table_free(t);
    }
    char nb[64];
    tb_render_number(nb, sizeof nb, 1234567.891, TB_COL_DEC1);
    CHECK_STR(nb, "1.234.567,9");
    tb_render_number(nb, sizeof nb, 66.6667, TB_COL_PERCENT);
    CHECK_STR(nb, "66,7%");

    CHECK(tb_report_run(S, TB_REPORT_PREVALENSI, &sc, &t) == 0, "prevalensi");
    if (t) {
        long tot = t->nrows - 1;
        /* measured: 1, 2, 3, 5 (Nov); stunted: 1 and 5 */
        CHECK(num(t, tot, "diukur_tb") == 4 && num(t, tot, "stunting") == 2 &&
                  num(t, tot, "stunting_pct") == 50,
              "stunting 2/4: %g/%g", num(t, tot, "stunting"), num(t, tot, "diukur_tb"));
        CHECK(fabs(num(t, tot, "cakupan_tb") - 400.0 / 6) < 1e-9, "coverage 4/6");
        tb_table_free(t);
    }
    CHECK(tb_report_run(S, TB_REPORT_STUNTING, &sc, &t) == 0, "stunting list");
    if (t) {
        CHECK(t->nrows == 2, "2 stunted: %ld", t->nrows);
        CHECK(isnan(num(t, 0, "id")) && !text(t, 0, "nama") && !text(t, 0, "nik") &&
                  !strcmp(text(t, 0, "status"), "SP"),
              "worst first; no names, no id column without the right");
        bool any_link = false;
        for (long i = 0; i < t->nrows; i++)
            any_link |= t->links && t->links[i] != NULL;
        CHECK(!any_link, "no link to a child page the reader may not open");
        tb_table_free(t);
    }
    sc.link_anak = true;
    CHECK(tb_report_run(S, TB_REPORT_STUNTING, &sc, &t) == 0 && t && num(t, 0, "id") == 5 &&
              t->links[0] && !strcmp(t->links[0], "/anak/5"),
          "id and link to the child page for roles that may open it");
    tb_table_free(t);
    sc.with_names = true;
    CHECK(tb_report_run(S, TB_REPORT_STUNTING, &sc, &t) == 0 && t && t->nrows == 2 &&
              !strcmp(text(t, 1, "nama"), "Adi") && text(t, 1, "nik") &&
              !strcmp(text(t, 1, "ortu"), "Ibu Adi"),
          "names for roles that need them");
    tb_table_free(t);
    CHECK(tb_report_run(S, TB_REPORT_TIDAK_DIUKUR, &sc, &t) == 0 && t && t->nrows == 2,
          "home-visit list: Dewi and Fitri (%ld)", t ? t->nrows : -1);
    tb_table_free(t);
    CHECK(tb_report_run(S, TB_REPORT_2T, &sc, &t) == 0 && t && t->nrows == 1 &&
              num(t, 0, "id") == 2,
          "2T list");
    tb_table_free(t);
    CHECK(tb_report_run(S, TB_REPORT_TREN, &sc, &t) == 0 && t && t->nrows == 12 &&
              num(t, 11, "D") == 4 && num(t, 10, "D") == 3,
          "trend: 12 months, D Nov 4, Oct 3");
    tb_table_free(t);
    CHECK(tb_report_run(S, TB_REPORT_KUALITAS, &sc, &t) == 0 && t && t->nrows == 2, "quality");
    tb_table_free(t);
    CHECK(tb_report_run(S, TB_REPORT_REKONSILIASI, &sc, &t) == 0 && t && t->nrows == 1 &&
              num(t, 0, "kasus_diharapkan") == 2 && num(t, 0, "kasus_ditemukan") == 2,
          "reconciliation: 25%% of 6 = 2 expected, 2 found");
    tb_table_free(t);
    /* a posyandu scope, and bad arguments */
    tb_report_scope ps = {NULL, 2, "2026-11", false, false, 0};
    CHECK(tb_report_run(S, TB_REPORT_SKDN, &ps, &t) == 0 && t && num(t, t->nrows - 1, "S") == 2 &&
              num(t, t->nrows - 1, "D") == 1,
          "posyandu Mawar: S=2 D=1");
    tb_table_free(t);
    tb_report_scope bad = {"35.07.01", 0, "2026-13", false, false, 0};
    CHECK(tb_report_run(S, TB_REPORT_SKDN, &bad, &t) == -1 && !t, "bad month refused");
    tb_report_scope bad2 = {"35.07.01' OR 1=1 --", 0, "2026-11", false, false, 0};
    CHECK(tb_report_run(S, TB_REPORT_SKDN, &bad2, &t) == -1, "bad code refused");
    test_krs();
    test_skdn_umur();
    test_s_census_status();
    test_bands_from_store(path);
    test_advice(path);
    tb_store_close(S);
    unlink(path);
    TB_TEST_MAIN_END();
}
