/*
 * test_cakupan.c - intervention coverage (store/cakupan.h,
 * report/cakupan.h) on a small hand-built district: every computed
 * indicator checked against a hand count per desa and for the kecamatan,
 * entered values (a desa's, summed; an area's own, standing), the
 * district's target over the national one, the status against it, and the
 * lokus ranking recomputed after a weight change (hand-computed order).
 *
 * Kecamatan 35.99.01: desa A (2001, posyandu 1), B (2002, posyandu 2) and
 * C (2003, no posyandu). Year 2026.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/cakupan.h"
#include "store/cakupan.h"
#include "store/internal.h"
#include "store/lokus.h"
#include "store/store.h"
#include "tb_test.h"

#define A "35.99.01.2001"
#define B "35.99.01.2002"
#define C "35.99.01.2003"

static const char *const fixture =
    "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES ('35', 1, NULL, 'JAWA TIMUR'),"
    " ('35.99', 2, '35', 'KAB UJI'), ('35.99.01', 3, '35.99', 'SATU'),"
    " ('" A "', 4, '35.99.01', 'DESA A'), ('" B "', 4, '35.99.01', 'DESA B'),"
    " ('" C "', 4, '35.99.01', 'DESA C');"
    "INSERT INTO pengguna (id, username, nama, hash, peran, wilayah)"
    " VALUES (7, 'admin', 'Admin', 'x', 'admin_kab', '35.99');"
    "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Mawar', '" A "'), (2, 'Melati', '" B "');"
    /* families: A k1-k4, B k5, C k6 (JKN and bansos in any case, as typed) */
    "INSERT INTO keluarga (id, no_kk, desa, sumber_air, jamban, desil, jkn, bansos, krs) VALUES"
    " (1, 'k1', '" A "', 'ledeng', 'septik', 1, 'pbi', 'PKH,bpnt', 1),"
    " (2, 'k2', '" A "', 'sungai', 'tanpa_septik', 3, 'tidak', NULL, 1),"
    " (3, 'k3', '" A "', 'sumur_bor', 'septik', 7, NULL, NULL, 0),"
    " (4, 'k4', '" A "', NULL, NULL, NULL, NULL, NULL, 0),"
    " (5, 'k5', '" B "', 'ledeng', 'tidak_ada', 2, 'PBI', 'Sembako', 1),"
    " (6, 'k6', '" C "', 'sungai', 'septik', NULL, NULL, NULL, 0);"
    "INSERT INTO tpk (id, desa, nama) VALUES (1, '" A "', 'TPK A');"
    "INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, tanggal, sasaran) VALUES"
    " (1, 1, '2026-04-01', 'baduta'), (1, 5, '2025-12-01', 'bumil');"
    /* children: 105 is over five, 106 moved away, 301 only in C's census */
    "INSERT INTO individu (id, nama, nama_kunci, tgl_lahir, desa, keluarga_id) VALUES"
    " (101, 'a', 'a', '2024-01-01', '" A "', 1), (102, 'b', 'b', '2024-01-01', '" A "', 1),"
    " (103, 'c', 'c', '2024-01-01', '" A "', 2), (104, 'd', 'd', '2024-01-01', '" A "', 3),"
    " (105, 'e', 'e', '2020-06-01', '" A "', 3), (106, 'f', 'f', '2024-01-01', '" A "', 4),"
    " (201, 'g', 'g', '2024-01-01', '" B "', 5), (202, 'h', 'h', '2024-01-01', '" B "', 5),"
    " (301, 'i', 'i', '2023-05-01', '" C "', 6),"
    " (401, 'ibu1', 'ibu1', '1995-01-01', '" A
    "', 1), (402, 'ibu2', 'ibu2', '1996-01-01', NULL, 5),"
    " (403, 'ibu3', 'ibu3', '1997-01-01', '" A "', 2),"
    " (501, 'c1', 'c1', '2000-01-01', '" A "', NULL), (502, 'c2', 'c2', '2000-01-01', '" A
    "', NULL),"
    " (503, 'c3', 'c3', '2000-01-01', '" B "', NULL);"
    "INSERT INTO anak (individu_id, posyandu_id) VALUES (101, 1), (102, 1), (103, 1), (104, 1),"
    " (105, 1), (106, 1), (201, 2), (202, 2);"
    "INSERT INTO anak_status (individu_id, tanggal, status) VALUES (106, '2026-04-01', 'pindah');"
    "INSERT INTO pengukuran (anak_id, tanggal, posyandu_id, z_bbtb, f_bbtb, z_tbu, f_tbu,"
    " rujukan, pmt_kg) VALUES"
    " (101, '2026-03-10', 1, -3.5, 0, -2.5, 0, 1, NULL),"
    " (102, '2026-05-10', 1, -2.5, 0, -1.0, 0, 0, 1.5),"
    " (103, '2026-06-10', 1, -2.2, 0, -2.1, 0, 0, NULL),"
    " (103, '2026-09-10', 1, -1.0, 0, -1.5, 0, 0, NULL),"
    " (104, '2025-12-20', 1, 0.0, 0, -3.0, 0, 0, NULL),"
    " (106, '2026-02-10', 1, -3.4, 0, -2.6, 0, 0, NULL),"
    " (201, '2026-02-10', 2, -3.2, 0, -2.4, 0, 0, NULL),"
    " (202, '2026-02-10', 2, 0.1, 0, 0.0, 0, 0, NULL);"
    "INSERT INTO kehamilan (ibu_id, hpht, kek, mt, ttd_jumlah, tgl_persalinan, kb_pasca_salin)"
    " VALUES (401, '2025-11-01', 1, 1, 95, '2026-08-05', 'suntik'),"
    " (402, '2026-03-01', 1, 0, 30, NULL, NULL),"
    " (401, '2024-01-01', 1, 0, 0, '2024-10-01', NULL),"
    " (402, '2025-03-01', 0, 0, 0, '2025-12-10', NULL),"
    " (403, '2025-05-01', 0, 0, 60, '2026-02-01', 'tidak');"
    "INSERT INTO catin (individu_id, tgl_rencana_nikah, tgl_periksa) VALUES"
    " (501, '2026-06-01', '2026-02-01'), (502, '2026-07-01', '2026-06-15'),"
    " (503, '2025-11-01', '2025-06-01');";

/* The numerator and denominator of indicator kode in area w of c (NAN when absent). */
static void value(const tb_cakupan *c, const char *w, const char *kode, double *num, double *den)
{
    *num = *den = NAN;
    for (int x = 0; x < c->nw; x++)
        for (int i = 0; x < c->nw && !strcmp(c->w[x].kode, w) && i < c->nind; i++)
            if (!strcmp(c->ind[i].kode, kode)) {
                *num = c->num[x * c->nind + i];
                *den = c->den[x * c->nind + i];
            }
}

#define EXPECT(c, w, kode, n, d)                                                                   \
    do {                                                                                           \
        double num_, den_;                                                                         \
        value(c, w, kode, &num_, &den_);                                                           \
        CHECK(num_ == (n) && den_ == (d), "%s in %s: %g/%g, expected %g/%g", kode, w, num_, den_,  \
              (double)(n), (double)(d));                                                           \
    } while (0)

static int find(const tb_cakupan *c, const char *w, const char *kode, int *wi)
{
    for (int x = 0; x < c->nw; x++)
        for (int i = 0; i < c->nind; i++)
            if (!strcmp(c->w[x].kode, w) && !strcmp(c->ind[i].kode, kode)) {
                *wi = x;
                return i;
            }
    return -1;
}

static void test_computed(tb_store *s)
{
    tb_cakupan c;
    CHECK(tb_cakupan_hitung(s, "35.99", 2026, 0, &c) == 0, "hitung: %s", tb_store_error(s));
    CHECK(c.nind == 20, "20 indicators seeded (S1-S9, K1-K11): %d", c.nind);
    /* S7: S = under fives active at the end of 2026; D = measured in 2026 */
    EXPECT(&c, A, "S7", 3, 4); /* 101-104 (105 over five, 106 moved); 104 not measured */
    EXPECT(&c, B, "S7", 2, 2);
    EXPECT(&c, C, "S7", 0, 1); /* 301, census only */
    EXPECT(&c, "35.99.01", "S7", 5, 7);
    EXPECT(&c, "35.99", "S7", 5, 7);
    EXPECT(&c, A, "S6", 1, 1); /* 101 severely wasted, referred */
    EXPECT(&c, B, "S6", 0, 1); /* 201 not referred */
    EXPECT(&c, A, "S8", 1, 2); /* 102 with PMT, 103 without */
    EXPECT(&c, "35.99.01", "S8", 1, 2);
    EXPECT(&c, A, "S1", 1, 1); /* KEK with MT; the 2024 pregnancy is not in 2026 */
    EXPECT(&c, B, "S1", 0, 1); /* the mother's desa from her family */
    EXPECT(&c, A, "S2", 1, 2); /* deliveries in 2026: 95 and 60 tablets */
    EXPECT(&c, A, "K1", 1, 2);
    EXPECT(&c, A, "K3", 1, 2); /* 501 examined >= 90 days before, 502 not */
    EXPECT(&c, B, "K3", 0, 0); /* 503 marries in 2025 */
    EXPECT(&c, A, "K4", 2, 3); /* ledeng, sumur_bor of 3 known */
    EXPECT(&c, "35.99.01", "K4", 3, 5);
    EXPECT(&c, "35.99.01", "K5", 3, 5);
    EXPECT(&c, A, "K6", 1, 2); /* desil 1-4: k1 (pbi), k2 */
    EXPECT(&c, "35.99.01", "K6", 2, 3);
    EXPECT(&c, A, "K8", 1, 2);
    EXPECT(&c, "35.99.01", "K10", 2, 3);
    EXPECT(&c, A, "K7", 1, 2); /* k1 visited in 2026; k5's visit was in 2025 */
    EXPECT(&c, "35.99.01", "K7", 1, 3);
    int w, i = find(&c, "35.99.01", "K7", &w);
    CHECK(i >= 0 && fabs(tb_cakupan_persen(&c, w, i) - 100.0 / 3) < 1e-9, "K7 percent");
    tb_cakupan_free(&c);
    /* a quarter: Q1 2026 (S at the end of March: 106 moved only in April) */
    CHECK(tb_cakupan_hitung(s, "35.99.01", 2026, 1, &c) == 0, "hitung Q1");
    EXPECT(&c, A, "S7", 2, 5); /* 101 (March), 106 (February) of 101-104, 106 */
    EXPECT(&c, B, "S7", 2, 2);
    tb_cakupan_free(&c);
}

static void test_entered_and_targets(tb_store *s)
{
    tb_indikator_isian v[] = {{"S9", A, "2026", 8, 10, "ASIK"}, {"S9", B, "2026", 5, 10, "ASIK"}};
    for (int k = 0; k < 2; k++)
        CHECK(tb_store_indikator_nilai_put(s, 7, &v[k]) == 0, "nilai: %s", tb_store_error(s));
    tb_cakupan c;
    CHECK(tb_cakupan_hitung(s, "35.99", 2026, 0, &c) == 0, "hitung");
    EXPECT(&c, "35.99.01", "S9", 13, 20); /* the desa's summed */
    EXPECT(&c, "35.99", "S9", 13, 20);
    tb_cakupan_free(&c);
    tb_indikator_isian kec = {"S9", "35.99.01", "2026", 18, 20, "ASIK"};
    CHECK(tb_store_indikator_nilai_put(s, 7, &kec) == 0, "nilai kec");
    CHECK(tb_store_indikator_target_put(s, 7, "S7", "35.99", 2026, 95) == 0, "target S7");
    CHECK(tb_store_indikator_target_put(s, 7, "K4", "35.99", 2025, 70) == 0, "target K4");
    CHECK(tb_cakupan_hitung(s, "35.99", 2026, 0, &c) == 0, "hitung");
    EXPECT(&c, "35.99.01", "S9", 18, 20); /* its own stands */
    EXPECT(&c, "35.99", "S9", 18, 20);    /* not 31/40: the kecamatan's, not its desa again */
    EXPECT(&c, A, "S9", 8, 10);
    int w, i = find(&c, "35.99.01", "S7", &w);
    CHECK(i >= 0 && tb_cakupan_target(&c, i) == 95, "the district's S7 target over 90");
    CHECK(i >= 0 && tb_cakupan_status(&c, w, i) == TB_CAPAI_RENDAH, "S7 71.4%% of 95: rendah");
    i = find(&c, "35.99.01", "K4", &w);
    CHECK(i >= 0 && tb_cakupan_target(&c, i) == 70, "K4: the 2025 target applies in 2026");
    CHECK(i >= 0 && tb_cakupan_status(&c, w, i) == TB_CAPAI_MENDEKATI, "K4 60%% of 70: mendekati");
    i = find(&c, B, "S7", &w);
    CHECK(i >= 0 && tb_cakupan_status(&c, w, i) == TB_CAPAI_TERCAPAI, "B S7 100%%: tercapai");
    i = find(&c, A, "K5", &w);
    CHECK(i >= 0 && tb_cakupan_status(&c, w, i) == TB_CAPAI_TANPA_TARGET, "K5: no target");
    i = find(&c, C, "S9", &w);
    CHECK(i >= 0 && tb_cakupan_status(&c, w, i) == TB_CAPAI_TANPA_DATA, "C S9: no data");
    tb_cakupan_free(&c);
    CHECK(tb_store_indikator_target_put(s, 7, "S7", "35.99", 2026, NAN) == 0, "target removed");
    tb_indikator ind[TB_INDIKATOR_MAX];
    int n = tb_store_indikator_list(s, "35.99", 2026, ind, TB_INDIKATOR_MAX);
    for (int k = 0; k < n; k++)
        if (!strcmp(ind[k].kode, "S7"))
            CHECK(isnan(ind[k].target_daerah) && ind[k].target_nasional == 90,
                  "S7 back to the national target");
    sqlite3_stmt *st;
    sqlite3_prepare_v2(tb_store_db(s),
                       "SELECT count(*) FROM audit_log WHERE tabel IN ('indikator_nilai',"
                       " 'indikator_target_wilayah') AND pengguna_id = 7",
                       -1, &st, NULL);
    CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 6,
          "every write audited: %d", sqlite3_column_int(st, 0));
    sqlite3_finalize(st);
    CHECK(tb_store_indikator_target_put(s, 7, "S7", "35.99", 2026, 95) == 0, "target S7 again");
}

/* The desa codes of the ranking in rank order, comma-separated, into out. */
static void ranking(tb_store *s, char *out, size_t n, double *skor_b)
{
    tb_lokus_baris *rows;
    int nr;
    double w[TB_LOKUS_NKOMP];
    out[0] = 0;
    CHECK(tb_lokus_ranking(s, "35.99", 2026, &rows, &nr, w) == 0 && nr == 3, "ranking: %d", nr);
    for (int k = 0; k < nr; k++) {
        snprintf(out + strlen(out), n - strlen(out), "%s%s", k ? "," : "",
                 rows[k].d.kode + strlen(rows[k].d.kode) - 1);
        if (skor_b && !strcmp(rows[k].d.kode, B))
            *skor_b = rows[k].skor;
        CHECK(rows[k].peringkat == k + 1, "rank %d", rows[k].peringkat);
        if (getenv("CK_DEBUG"))
            fprintf(stderr, "%s %.3f: %g %g %g %g %g\n", rows[k].d.kode, rows[k].skor,
                    rows[k].nilai[0], rows[k].nilai[1], rows[k].nilai[2], rows[k].nilai[3],
                    rows[k].nilai[4]);
    }
    free(rows);
}

static void test_lokus(tb_store *s, const char *path)
{
    /* components: stunted A 1 (103's latest is not), B 1, C 0; prevalence A 33.3,
     * B 50, C unknown; KRS A 2, B 1, C 0; coverage gap (mean shortfall) A 20.33,
     * B 51.67, C 82.5; poverty A 50, B 100, C unknown. Default weights 30/30/15/15/10:
     * A 45, B 30 + 30 + 7.5 + 15 * 31.33 / 62.17 + 10 = 85.06, C 15. */
    char order[32];
    double skor_b = NAN;
    ranking(s, order, sizeof order, &skor_b);
    CHECK_STR(order, "2,1,3");
    CHECK(fabs(skor_b - (77.5 + 15 * (31 + 1.0 / 3) / (62 + 1.0 / 6))) < 1e-6, "B: %.4f", skor_b);
    double krs_only[TB_LOKUS_NKOMP] = {0, 0, 100, 0, 0};
    CHECK(tb_store_lokus_bobot_put(s, 7, "35.99", 2026, krs_only) == 0, "weights");
    ranking(s, order, sizeof order, NULL);
    CHECK_STR(order, "1,2,3"); /* KRS 2, 1, 0 */
    double gap_only[TB_LOKUS_NKOMP] = {0, 0, 0, 100, 0};
    CHECK(tb_store_lokus_bobot_put(s, 7, "35.99", 2025, gap_only) == 0, "weights 2025");
    ranking(s, order, sizeof order, NULL);
    CHECK_STR(order, "1,2,3"); /* 2026's own weights still stand */
    CHECK(tb_store_lokus_bobot_put(s, 7, "35.99", 2026, gap_only) == 0, "weights 2026");
    ranking(s, order, sizeof order, NULL);
    CHECK_STR(order, "3,2,1"); /* gap 82.5, 51.7, 20.3 */
    double w[TB_LOKUS_NKOMP];
    CHECK(tb_store_lokus_bobot_get(s, "35.99", 2027, w) == 1 && w[3] == 100,
          "2027 uses the latest earlier year's weights");
    CHECK(tb_store_lokus_bobot_get(s, "35.98", 2026, w) == 0 && w[0] == 30, "defaults");
    /* allowed, the desa rows are read on a second connection in a thread;
     * without one (the file renamed away: it cannot be opened again) the
     * same, in turn */
    tb_store_set_parallel(s, true);
    ranking(s, order, sizeof order, NULL);
    CHECK_STR(order, "3,2,1");
    char moved[300];
    snprintf(moved, sizeof moved, "%s.pindah", path);
    CHECK(rename(path, moved) == 0, "rename");
    ranking(s, order, sizeof order, NULL);
    CHECK_STR(order, "3,2,1");
    CHECK(rename(moved, path) == 0, "rename back");
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-cakupan-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        TB_TEST_MAIN_END();
    CHECK(tb_store_exec(s, fixture) == 0, "fixture: %s", tb_store_error(s));
    test_computed(s);
    test_entered_and_targets(s);
    test_lokus(s, path);
    tb_store_close(s);
    char f[300];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, ext[i]);
        unlink(f);
    }
    TB_TEST_MAIN_END();
}
