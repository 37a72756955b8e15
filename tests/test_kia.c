/*
 * test_kia.c - the catin and pregnancy store (store/catin.h,
 * store/kehamilan.h) on a hand-made desa: a catin judged by the active
 * Elsimil version (and by another version once activated), the 3-months
 * flag, the couple linked both ways, the marriage forming a PUS family the
 * KRS lists count; a delivery creating the child (mother, family,
 * posyandu linked) that S and the posyandu day see in its month; the
 * cumulative PWS KIA counts by month, every figure counted by hand.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/catin.h"
#include "store/internal.h"
#include "store/kehamilan.h"
#include "store/posyandu.h"
#include "store/report.h"
#include "store/store.h"
#include "tb_test.h"

static const char *const FIXTURE =
    "INSERT INTO wilayah VALUES ('35', 1, NULL, 'P', 0, NULL), ('35.97', 2, '35', 'K', 0, NULL),"
    " ('35.97.01', 3, '35.97', 'C', 0, NULL), ('35.97.01.2001', 4, '35.97.01', 'A', 0, NULL),"
    " ('35.97.01.2002', 4, '35.97.01', 'B', 0, NULL);"
    "INSERT INTO posyandu (id, nama, desa) VALUES (7, 'Mawar', '35.97.01.2001');"
    "INSERT INTO keluarga (id, no_kk, desa) VALUES (50, '3597010101010050', '35.97.01.2001');"
    "INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, desa, keluarga_id) VALUES"
    " (1, 'Ibu Satu', 'ibu satu', 2, '1995-01-01', '35.97.01.2001', 50),"
    " (2, 'Ibu Dua', 'ibu dua', 2, '1996-01-01', '35.97.01.2001', NULL),"
    " (3, 'Ibu Tiga', 'ibu tiga', 2, '1990-01-01', '35.97.01.2002', NULL);";

static long q1(tb_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL; /* not the store's cache: sql may be a stack buffer */
    sqlite3_prepare_v2(tb_store_db(s), sql, -1, &st, NULL);
    long v = st && sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -999;
    sqlite3_finalize(st);
    return v;
}

static void test_catin(tb_store *s)
{
    tb_catin_baru a = {.nama = "Siti Calon",
                       .tgl_lahir = "2007-05-10",
                       .desa = "35.97.01.2001",
                       .jk = 2,
                       .tgl_periksa = "2026-03-01",
                       .tgl_rencana_nikah = "2026-05-31",
                       .bb = 45,
                       .tb = 155,
                       .lila = 23.4,
                       .hb = 12.0,
                       .perut = NAN};
    tb_catin_hasil h;
    CHECK(tb_store_catin_daftar(s, &a, 0, &h) == 0, "catin: %s", tb_store_error(s));
    /* 18 years old, IMT 45/1.55^2 = 18.7, LiLA 23.4 < 23.5: terlalu muda and KEK */
    CHECK_STR(h.faktor, "umur_muda,lila_kurang");
    CHECK(h.berisiko && h.tepat_waktu == 0, "berisiko, 2 months 30 days: late (%d)", h.tepat_waktu);
    CHECK_STR(h.versi, "bkkbn-2023");
    /* the version with the men's Hb (13, WHO) activated for the groom */
    CHECK(tb_store_exec(s,
                        "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'elsimil';"
                        "UPDATE ref_versi SET aktif = 1 WHERE versi = 'bkkbn-2023-lengkap'") == 0,
          "switch to -lengkap");
    tb_catin_baru b = {.nama = "Budi Calon",
                       .tgl_lahir = "2000-02-02",
                       .desa = "35.97.01.2001",
                       .jk = 1,
                       .pasangan_id = h.individu_id,
                       .tgl_periksa = "2026-02-28",
                       .tgl_rencana_nikah = "2026-05-31",
                       .bb = 60,
                       .tb = 165,
                       .lila = NAN,
                       .hb = 12.9,
                       .perut = NAN};
    tb_catin_hasil hb;
    CHECK(tb_store_catin_daftar(s, &b, 0, &hb) == 0, "groom: %s", tb_store_error(s));
    CHECK_STR(hb.faktor, "anemia"); /* a man: Hb 12.9 < 13 */
    CHECK_STR(hb.versi, "bkkbn-2023-lengkap");
    CHECK(hb.tepat_waktu == 1, "Feb 28 -> May 31: 3 months");
    tb_catin_row r;
    CHECK(tb_store_catin_get(s, h.individu_id, &r) == 1 && r.pasangan_id == hb.individu_id,
          "the bride linked to the groom (%ld)", r.pasangan_id);
    CHECK(tb_store_catin_get(s, hb.individu_id, &r) == 1 && r.pasangan_id == h.individu_id,
          "the groom linked to the bride");
    /* married four days before the planned date: the groom's screening (Feb 28) is now
     * less than 3 months before (May 27: 2 months 27 days) */
    long kel = tb_store_catin_nikah(s, hb.individu_id, "2026-05-27", "KUA Sukamaju", NULL, 0);
    CHECK(kel > 0, "married: %s", tb_store_error(s));
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT pus * 100 + sasaran * 10 + krs FROM keluarga WHERE id = %ld AND desa ="
             " '35.97.01.2001' AND no_kk = 'NIKAH-%ld'",
             kel, hb.individu_id);
    /* the wife is 19 at the wedding: PUS, sasaran, KRS (terlalu muda) */
    CHECK(q1(s, sql) == 111, "PUS family sasaran and KRS: %ld", q1(s, sql));
    snprintf(sql, sizeof sql, "SELECT count(*) FROM individu WHERE keluarga_id = %ld", kel);
    CHECK(q1(s, sql) == 2, "both in the family");
    CHECK(tb_store_catin_get(s, hb.individu_id, &r) == 1 && r.tepat_waktu == 0,
          "the groom judged against the real wedding date: late (%d)", r.tepat_waktu);
    CHECK(tb_store_catin_get(s, h.individu_id, &r) == 1 && !strcmp(r.tgl_nikah, "2026-05-27") &&
              !strcmp(r.kua, "KUA Sukamaju"),
          "the bride's marriage recorded");
    /* another version activated: Hb 11.5 for women */
    CHECK(tb_store_exec(s,
                        "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'elsimil';"
                        "UPDATE ref_versi SET aktif = 1 WHERE versi = 'kaper-sumut-hb-11.5'") == 0,
          "switch version");
    tb_catin_baru c = a;
    c.nama = "Ani Calon";
    c.tgl_lahir = "2000-01-01";
    c.lila = 25;
    c.hb = 11.6;
    CHECK(tb_store_catin_daftar(s, &c, 0, &h) == 0 && !h.berisiko &&
              !strcmp(h.versi, "kaper-sumut-hb-11.5"),
          "Hb 11.6 fine by the 11.5 version (%s)", h.faktor);
}

static int rekap_collect(void *ctx, const tb_catin_rekap_row *r)
{
    tb_catin_rekap_row *out = ctx;
    if (!strcmp(r->desa, "35.97.01.2001"))
        *out = *r;
    return 0;
}

/* The recap of desa A: the bride (umur_muda, lila_kurang, late), the groom
 * (anemia, late against the real wedding), Ani (ideal; Mar 1 -> May 31 is 2
 * months 30 days: late); the bride and groom married. */
static void test_rekap(tb_store *s)
{
    tb_catin_rekap_row r = {0};
    CHECK(tb_store_catin_rekap(s, "35.97", "2026-05", rekap_collect, &r) == 0, "rekap: %s",
          tb_store_error(s));
    long want[TB_REKAP_N] = {3, 2, 1, 0, 1, 1, 0, 3, 2};
    for (int k = 0; k < TB_REKAP_N; k++)
        CHECK(r.v[k] == want[k], "rekap May column %d: %ld, expected %ld", k, r.v[k], want[k]);
    memset(&r, 0, sizeof r);
    tb_store_catin_rekap(s, "35.97", "2026-02", rekap_collect, &r);
    CHECK(r.v[TB_REKAP_CATIN] == 1 && r.v[TB_REKAP_ANEMIA] == 1, "February: the groom only");
}

static long pregnancy(tb_store *s, long ibu, const char *hpht)
{
    tb_kehamilan_baru k = {
        .ibu_id = ibu, .hpht = hpht, .tgl_daftar = hpht, .lila = NAN, .hb = NAN, .posyandu_id = 7};
    long id = tb_store_kehamilan_daftar(s, &k, 0);
    CHECK(id > 0, "pregnancy: %s", tb_store_error(s));
    return id;
}

static void anc(tb_store *s, long k, const char *d, const char *by)
{
    CHECK(tb_store_anc_tambah(s, k, d, by, NAN, NAN, 30, 0) > 0, "anc %s: %s", d,
          tb_store_error(s));
}

typedef struct {
    tb_pws_desa d[4];
    int n;
} pws_t;

static int pws_collect(void *ctx, const tb_pws_desa *d)
{
    pws_t *p = ctx;
    if (p->n < 4)
        p->d[p->n++] = *d;
    return 0;
}

static int count_sasaran(void *ctx, const tb_sasaran_row *r)
{
    (void)r;
    ++*(int *)ctx;
    return 0;
}

static void test_pregnancy(tb_store *s)
{
    /* 1: HPHT 2026-01-01; ANC Feb 15 (TM I), May 1 (TM II), Aug 1, Aug 20 (TM III) -> K4 Aug */
    long k1 = pregnancy(s, 1, "2026-01-01");
    CHECK(q1(s, "SELECT hpl = '2026-10-08' FROM kehamilan WHERE ibu_id = 1") == 1, "HPL +280");
    tb_kehamilan_baru again = {.ibu_id = 1, .hpht = "2026-03-01", .lila = NAN, .hb = NAN};
    CHECK(tb_store_kehamilan_daftar(s, &again, 0) < 0 &&
              strstr(tb_store_error(s), "masih tercatat hamil"),
          "a second pregnancy before the delivery refused (%s)", tb_store_error(s));
    anc(s, k1, "2026-02-15", "dokter");
    anc(s, k1, "2026-05-01", "bidan");
    anc(s, k1, "2026-08-01", "bidan");
    anc(s, k1, "2026-08-20", "bidan");
    CHECK(q1(s, "SELECT ttd_jumlah FROM kehamilan WHERE ibu_id = 1") == 120, "TTD summed");
    tb_persalinan p = {.tanggal = "2026-10-05",
                       .tempat = "pkm",
                       .penolong = "bidan",
                       .jk = 1,
                       .bb_lahir = 3.1,
                       .pb_lahir = 49,
                       .tgl_kn1 = "2026-10-06"};
    long anak = tb_store_persalinan(s, k1, &p, 0);
    CHECK(anak > 0, "delivery: %s", tb_store_error(s));
    CHECK(tb_store_persalinan(s, k1, &p, 0) < 0, "a second delivery is refused");
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT (i.ibu_id = 1) + (i.keluarga_id = 50) + (a.posyandu_id = 7) +"
             " (i.tgl_lahir = '2026-10-05') + (a.bb_lahir = 3.1) + (i.nama = 'Bayi Ny. Ibu Satu')"
             " FROM individu i JOIN anak a ON a.individu_id = i.id WHERE i.id = %ld",
             anak);
    CHECK(q1(s, sql) == 6, "the child: mother, family, posyandu, birth, weight, name (%ld)",
          q1(s, sql));
    int n = 0;
    CHECK(tb_store_posyandu_sasaran(s, 7, "2026-10", count_sasaran, &n) == 0 && n == 1,
          "the posyandu day of October lists the newborn (%d)", n);
    CHECK(tb_store_nifas_tambah(s, k1, "2026-10-07", 0) == 1, "KF1");
    CHECK(tb_store_nifas_tambah(s, k1, "2026-10-20", 0) == 2, "KF2");
    CHECK(tb_store_nifas_tambah(s, k1, "2026-11-10", 0) == 3, "KF3 (day 36)");
    /* 2: HPHT 2026-03-01, K1 in March only; delivered by a dukun in November */
    long k2 = pregnancy(s, 2, "2026-03-01");
    anc(s, k2, "2026-03-20", "bidan");
    tb_persalinan p2 = {.tanggal = "2026-11-28", .penolong = "dukun", .jk = 2};
    CHECK(tb_store_persalinan(s, k2, &p2, 0) > 0, "delivery 2");
    CHECK(tb_store_nifas_tambah(s, k2, "2026-11-27", 0) < 0, "KF before the delivery refused");
    /* 3: desa B, K1 in December 2025 (not this year) */
    long k3 = pregnancy(s, 3, "2025-10-01");
    anc(s, k3, "2025-12-01", "bidan");
    pws_t w = {0};
    CHECK(tb_store_pws_kia(s, "35.97", 2026, pws_collect, &w) == 0 && w.n == 2, "two desa (%s)",
          tb_store_error(s));
    tb_pws_desa *a = &w.d[0], *b = &w.d[1];
    CHECK(a->bulan[TB_PWS_K1][1] == 1 && a->bulan[TB_PWS_K1][2] == 1, "K1: Feb 1, Mar 1");
    CHECK(a->bulan[TB_PWS_K4][7] == 1, "K4 in August");
    CHECK(a->bulan[TB_PWS_PN][9] == 1 && a->bulan[TB_PWS_PN][10] == 0, "PN Oct, not the dukun");
    CHECK(a->bulan[TB_PWS_KF][10] == 1, "KF lengkap in November (KF3 day 36)");
    CHECK(a->bulan[TB_PWS_KN1][9] == 1, "KN1 in October");
    /* estimated sasaran: A has 2 pregnancies in 2026, HPL 2026-10-08 and 2026-12-06 */
    CHECK(!a->ditetapkan && a->bumil == 2 && a->bayi == 2, "A estimated %ld/%ld", a->bumil,
          a->bayi);
    /* B: pregnant from 2025-10-01 to HPL 2026-07-08: bumil 1, K1 in 2025 not counted */
    CHECK(b->bumil == 1 && b->bulan[TB_PWS_K1][11] == 0, "B: bumil 1, no 2026 K1");
    CHECK(tb_store_sasaran_kia_set(s, 0, "35.97.01.2001", 2026, 40, 38, 38, 36) == 0, "set");
    w.n = 0;
    tb_store_pws_kia(s, "35.97.01.2001", 2026, pws_collect, &w);
    CHECK(w.n == 1 && w.d[0].ditetapkan && w.d[0].bumil == 40 && w.d[0].bayi == 36,
          "the sasaran set wins");
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-kia-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        TB_TEST_MAIN_END();
    CHECK(tb_store_exec(s, FIXTURE) == 0, "fixture: %s", tb_store_error(s));
    test_catin(s);
    test_rekap(s);
    test_pregnancy(s);
    long audits = tb_store_count(s, "audit_log");
    CHECK(audits >= 20, "writes audited (%ld)", audits);
    tb_store_close(s);
    unlink(path);
    TB_TEST_MAIN_END();
}
