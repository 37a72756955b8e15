/*
 * cakupan.c - intervention coverage (see store/cakupan.h).
 *
 * Every computed indicator is one query below, bound with ?1 the area code,
 * ?2 the first day of the period and ?3 the day after its last (yyyy-mm-dd),
 * returning (desa, numerator, denominator) per desa. The definitions (also
 * in indikator.definisi, shown to users):
 *   S1 pregnancies running in the period (from HPHT, or HPL - 280 days, to
 *      the delivery, or HPL, or HPHT + 280 days) with KEK; numerator: MT given.
 *   S2 deliveries in the period; numerator: TTD taken >= 90 tablets.
 *   S7 S: under-fives at the end of the period, active, registered at a
 *      posyandu of the desa or found in its family census without one;
 *      D: measured at least once in the period.
 *   S6 children of S whose lowest valid BB/TB z in the period is < -3;
 *      numerator: a measurement of the period marked referred (rujukan).
 *   S8 children of S whose lowest valid BB/TB z in the period is in
 *      [-3, -2); numerator: PMT (kg > 0) recorded in the period.
 *   K1 deliveries in the period; numerator: a post-partum KB method recorded
 *      (not empty, not 'tidak').
 *   K3 catin whose planned wedding is in the period; numerator: examined at
 *      least 90 days before it.
 *   K4/K5 families with a known water source / latrine (the census, its
 *      latest state); numerator: layak per the active KRS rule.
 *   K6/K8/K10 families of desil 1-4; numerator: JKN PBI / PKH / BPNT or
 *      sembako among their social assistance.
 *   K7 families at risk (KRS); numerator: at least one TPK visit in the period.
 * A person's desa is their own, else their family's; a child's is its
 * posyandu's, else its own, else its family's.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/cakupan.h"
#include "store/internal.h"

#define IN_AREA(D) " " D " >= ?1 AND " D " < ?1 || '/'"
#define IBU_DESA "COALESCE(i.desa, (SELECT kl.desa FROM keluarga kl WHERE kl.id = i.keluarga_id))"

/* A pregnancy's start and end (see S1). */
#define HAMIL_MULAI "COALESCE(k.hpht, date(k.hpl, '-280 days'))"
#define HAMIL_AKHIR "COALESCE(k.tgl_persalinan, k.hpl, date(k.hpht, '+280 days'))"

#define KRS_RULE(LIST)                                                                             \
    "(SELECT value FROM json_each((SELECT data FROM ref_versi WHERE jenis = 'krs' AND aktif = 1)," \
    " '$." LIST "'))"

/* A query computing one or more indicators: per desa, a numerator and a
 * denominator for each. */
typedef struct {
    const char *sql;
    const char *kode[5]; /* the indicators of column pairs 1-2, 3-4, ... */
} hitung;

/*
 * S6, S7 and S8 in one query: per child of S (see S7), whether it was
 * measured in the period (D), and for the wasted children (their lowest
 * valid BB/TB z of the period below -2, found through the partial index
 * ukur_kurus) whether a measurement was marked referred or PMT was
 * recorded. S6 and S8 count the children of S.
 */
#define IN_PERIOD(G) " " G ".anak_id = s.id AND " G ".tanggal >= ?2 AND " G ".tanggal < ?3"
#define MEASURED_SQL                                                                               \
    "WITH w AS (SELECT anak_id AS id, min(z_bbtb) AS zmin FROM pengukuran"                         \
    "  WHERE f_bbtb = 0 AND z_bbtb < -2 AND tanggal >= ?2 AND tanggal < ?3 GROUP BY anak_id),"     \
    " s AS (SELECT a.individu_id AS id, p.desa AS d, i.tgl_lahir AS lahir"                         \
    "  FROM posyandu p CROSS JOIN anak a ON a.posyandu_id = p.id AND a.digabung_ke IS NULL"        \
    "  CROSS JOIN individu i ON i.id = a.individu_id WHERE" IN_AREA(                               \
        "p.desa") " UNION ALL"                                                                     \
                  "  SELECT i.id, kl.desa, i.tgl_lahir FROM keluarga kl"                           \
                  "  CROSS JOIN individu i ON i.keluarga_id = kl.id"                               \
                  "  LEFT JOIN anak a ON a.individu_id = i.id WHERE" IN_AREA(                      \
                      "kl.desa") "  AND a.posyandu_id IS NULL AND a.digabung_ke IS NULL)"          \
                                 " SELECT s.d,"                                                    \
                                 " sum(CASE WHEN w.zmin < -3 THEN EXISTS (SELECT 1 FROM "          \
                                 "pengukuran g"                                                    \
                                 "  WHERE" IN_PERIOD(                                              \
                                     "g") " AND g.rujukan = 1) END), sum(w.zmin < -3),"            \
                                          " sum(EXISTS (SELECT 1 FROM pengukuran g "               \
                                          "WHERE" IN_PERIOD(                                       \
                                              "g") ")), count(*),"                                 \
                                                   " sum(CASE WHEN w.zmin >= -3 THEN EXISTS "      \
                                                   "(SELECT 1 FROM pengukuran g"                   \
                                                   "  WHERE" IN_PERIOD(                            \
                                                       "g") " AND g.pmt_kg > 0) END), sum(w.zmin " \
                                                            ">= -3)"                               \
                                                            " FROM s LEFT JOIN w ON w.id = s.id"   \
                                                            " WHERE s.lahir < ?3 AND s.lahir >= "  \
                                                            "date(?3, '-60 months')"               \
                                                            "  AND" TB_SQL_ACTIVE_BEFORE(          \
                                                                "s.id", "?3") " GROUP BY s.d"

/* K4, K5, K6, K8 and K10 in one pass over the families (m: desil 1-4).
 * Case is ignored by COLLATE NOCASE and LIKE (ASCII), not lower(): the
 * subquery is flattened, so lower() ran once per use per family (25 ms of
 * 60 on the demo district). */
#define AIR_LAYAK KRS_RULE("air_layak")
#define JAMBAN_LAYAK KRS_RULE("jamban_layak")
#define FAMILY_SQL                                                                                 \
    "SELECT desa, sum(air IN " AIR_LAYAK "), count(NULLIF(air, '')),"                              \
    " sum(jamban IN " JAMBAN_LAYAK "), count(NULLIF(jamban, '')),"                                 \
    " sum(CASE WHEN m THEN jkn = 'pbi' COLLATE NOCASE ELSE 0 END), sum(m),"                        \
    " sum(CASE WHEN m THEN b LIKE '%pkh%' ELSE 0 END), sum(m),"                                    \
    " sum(CASE WHEN m THEN b LIKE '%bpnt%' OR b LIKE '%sembako%' ELSE 0 END), sum(m)"              \
    " FROM (SELECT desa, sumber_air AS air, jamban, jkn,"                                          \
    "  COALESCE(desil BETWEEN 1 AND 4, 0) AS m, bansos AS b"                                       \
    "  FROM keluarga WHERE desa >= ?1 AND desa < ?1 || '/' AND ?2 < ?3) GROUP BY desa"

static const hitung queries[] = {
    {"SELECT d, sum(mt > 0), count(*) FROM (SELECT " IBU_DESA " AS d, k.mt"
     " FROM kehamilan k CROSS JOIN individu i ON i.id = k.ibu_id WHERE k.kek = 1"
     " AND " HAMIL_MULAI " < ?3 AND " HAMIL_AKHIR " >= ?2)"
     " WHERE" IN_AREA("d") " GROUP BY d",
     {"S1"}},
    {"SELECT d, sum(ttd >= 90), count(*) FROM (SELECT " IBU_DESA " AS d,"
     " k.ttd_jumlah AS ttd FROM kehamilan k CROSS JOIN individu i ON i.id = k.ibu_id"
     " WHERE k.tgl_persalinan >= ?2 AND k.tgl_persalinan < ?3)"
     " WHERE" IN_AREA("d") " GROUP BY d",
     {"S2"}},
    {MEASURED_SQL, {"S6", "S7", "S8"}},
    {"SELECT d, sum(kb IS NOT NULL AND kb NOT IN ('', 'tidak')), count(*) FROM ("
     " SELECT " IBU_DESA " AS d, lower(trim(k.kb_pasca_salin)) AS kb FROM kehamilan k"
     " CROSS JOIN individu i ON i.id = k.ibu_id"
     " WHERE k.tgl_persalinan >= ?2 AND k.tgl_persalinan < ?3)"
     " WHERE" IN_AREA("d") " GROUP BY d",
     {"K1"}},
    {"SELECT d, sum(ok), count(*) FROM (SELECT " IBU_DESA " AS d,"
     " max(c.tgl_periksa <= date(c.tgl_rencana_nikah, '-90 days')) AS ok"
     " FROM catin c CROSS JOIN individu i ON i.id = c.individu_id"
     " WHERE c.tgl_rencana_nikah >= ?2 AND c.tgl_rencana_nikah < ?3 GROUP BY c.individu_id)"
     " WHERE" IN_AREA("d") " GROUP BY d",
     {"K3"}},
    {"SELECT kl.desa, sum(EXISTS (SELECT 1 FROM tpk_kunjungan t WHERE t.keluarga_id = kl.id"
     "  AND t.tanggal >= ?2 AND t.tanggal < ?3)), count(*) FROM keluarga kl"
     " WHERE" IN_AREA("kl.desa") " AND kl.krs = 1 GROUP BY kl.desa",
     {"K7"}},
    {FAMILY_SQL, {"K4", "K5", "K6", "K8", "K10"}},
};
#define NQUERIES (int)(sizeof queries / sizeof queries[0])

/* Reads one indicator row (kode, nama, sumber, cara, arah, pembilang,
 * penyebut, opd, definisi, national target, district target). */
static void read_indikator(sqlite3_stmt *st, tb_indikator *k)
{
    memset(k, 0, sizeof *k);
    tb_store_col_text(st, 0, k->kode, sizeof k->kode);
    tb_store_col_text(st, 1, k->nama, sizeof k->nama);
    tb_store_col_text(st, 2, k->kelompok, sizeof k->kelompok);
    tb_store_col_text(st, 3, k->cara, sizeof k->cara);
    tb_store_col_text(st, 4, k->arah, sizeof k->arah);
    tb_store_col_text(st, 5, k->pembilang, sizeof k->pembilang);
    tb_store_col_text(st, 6, k->penyebut, sizeof k->penyebut);
    tb_store_col_text(st, 7, k->opd, sizeof k->opd);
    tb_store_col_text(st, 8, k->definisi, sizeof k->definisi);
    k->target_nasional = tb_store_col_real(st, 9);
    k->target_daerah = tb_store_col_real(st, 10);
}

int tb_store_indikator_list(tb_store *s, const char *kabupaten, int tahun, tb_indikator *out,
                            int max)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT k.kode, k.nama, k.sumber, k.cara, k.arah, k.pembilang, k.penyebut, k.opd,"
           " k.definisi, (SELECT t.target FROM indikator_target t WHERE t.kode = k.kode"
           "  AND t.tahun <= ?2 ORDER BY t.tahun DESC LIMIT 1),"
           " (SELECT t.target FROM indikator_target_wilayah t WHERE t.kode = k.kode"
           "  AND t.wilayah = ?1 AND t.tahun <= ?2 ORDER BY t.tahun DESC LIMIT 1)"
           " FROM indikator k ORDER BY k.urutan, k.kode");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kabupaten);
    sqlite3_bind_int(st, 2, tahun);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (n < max)
            read_indikator(st, &out[n++]);
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "indikator: %s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}

int tb_store_indikator_ada(tb_store *s, const char *kode, char *cara)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT cara FROM indikator WHERE kode = ?1");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kode);
    int rc = tb_store_step_one(s, st);
    if (rc == 1 && cara)
        tb_store_col_text(st, 0, cara, 8);
    sqlite3_reset(st);
    return rc;
}

int tb_store_indikator_target_put(tb_store *s, long by, const char *kode, const char *wilayah,
                                  int tahun, double target)
{
    sqlite3_stmt *st =
        isnan(target)
            ? tb_store_stmt(s, "DELETE FROM indikator_target_wilayah WHERE kode = ?1"
                               " AND wilayah = ?2 AND tahun = ?3")
            : tb_store_stmt(s, "INSERT INTO indikator_target_wilayah (kode, wilayah, tahun, target)"
                               " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (kode, wilayah, tahun)"
                               " DO UPDATE SET target = excluded.target");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kode);
    tb_store_bind_text(st, 2, wilayah);
    sqlite3_bind_int(st, 3, tahun);
    if (!isnan(target))
        sqlite3_bind_double(st, 4, target);
    if (tb_store_step_done(s, st, "indikator_target_wilayah"))
        return -1;
    char row[96], after[64];
    snprintf(row, sizeof row, "%s|%s|%d", kode, wilayah, tahun);
    snprintf(after, sizeof after, "{\"target\":%.10g}", target);
    return tb_store_audit(s, by, isnan(target) ? "hapus" : "ubah", "indikator_target_wilayah", row,
                          NULL, isnan(target) ? NULL : after);
}

int tb_store_indikator_nilai_put(tb_store *s, long by, const tb_indikator_isian *v)
{
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "INSERT INTO indikator_nilai (kode, wilayah, periode, pembilang, penyebut, nilai, sumber)"
        " VALUES (?1, ?2, ?3, ?4, ?5, 100.0 * ?4 / ?5, ?6)"
        " ON CONFLICT (kode, wilayah, periode, sumber) DO UPDATE SET"
        " pembilang = excluded.pembilang, penyebut = excluded.penyebut, nilai = excluded.nilai");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, v->kode);
    tb_store_bind_text(st, 2, v->wilayah);
    tb_store_bind_text(st, 3, v->periode);
    tb_store_bind_real(st, 4, v->pembilang);
    tb_store_bind_real(st, 5, v->penyebut);
    tb_store_bind_text(st, 6, v->sumber);
    if (tb_store_step_done(s, st, "indikator_nilai"))
        return -1;
    tb_buf j = {0};
    tb_buf_printf(&j, "{\"pembilang\":%.10g,\"penyebut\":%.10g,\"sumber\":", v->pembilang,
                  v->penyebut);
    tb_buf_json_str(&j, v->sumber);
    tb_buf_puts(&j, "}");
    char row[96];
    snprintf(row, sizeof row, "%s|%s|%s", v->kode, v->wilayah, v->periode);
    int rc = tb_store_audit(s, by, "ubah", "indikator_nilai", row, NULL, j.data);
    tb_buf_free(&j);
    return rc;
}

/* Runs one computed indicator's query and passes its rows to fn. 0 or -1. */
static int run_hitung(tb_store *s, const hitung *h, const char *wilayah, const char *dari,
                      const char *sampai, int (*fn)(void *ctx, const tb_cakupan_nilai *v),
                      void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, h->sql);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, dari, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, sampai, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        for (int k = 0; k < 5 && h->kode[k]; k++) {
            tb_cakupan_nilai v = {h->kode[k], (const char *)sqlite3_column_text(st, 0),
                                  sqlite3_column_double(st, 1 + 2 * k),
                                  sqlite3_column_double(st, 2 + 2 * k), "Tumbuh"};
            if (v.wilayah && v.penyebut > 0 && fn(ctx, &v) < 0) {
                sqlite3_reset(st);
                return -1;
            }
        }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "cakupan %s: %s", h->kode[0], sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

/* Passes the entered values of the period under wilayah to fn. 0 or -1. */
static int run_isian(tb_store *s, const char *wilayah, const char *periode,
                     int (*fn)(void *ctx, const tb_cakupan_nilai *v), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT n.kode, n.wilayah, COALESCE(n.pembilang, n.nilai),"
           " COALESCE(n.penyebut, CASE WHEN n.nilai IS NOT NULL THEN 100 END), n.sumber"
           " FROM indikator_nilai n WHERE n.periode = ?2 AND" IN_AREA(
               "n.wilayah") " ORDER BY n.kode, n.wilayah");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, periode, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_cakupan_nilai v = {(const char *)sqlite3_column_text(st, 0),
                              (const char *)sqlite3_column_text(st, 1), tb_store_col_real(st, 2),
                              tb_store_col_real(st, 3), (const char *)sqlite3_column_text(st, 4)};
        if (!isnan(v.pembilang) && v.penyebut > 0 && fn(ctx, &v) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "indikator_nilai: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_cakupan_each(tb_store *s, const char *wilayah, const char *dari, const char *sampai,
                          const char *periode, int (*fn)(void *ctx, const tb_cakupan_nilai *v),
                          void *ctx)
{
    for (int q = 0; q < NQUERIES; q++)
        if (run_hitung(s, &queries[q], wilayah, dari, sampai, fn, ctx))
            return -1;
    return run_isian(s, wilayah, periode, fn, ctx);
}

int tb_store_cakupan_wilayah_each(tb_store *s, const char *wilayah,
                                  int (*fn)(void *ctx, const char *kode, int tingkat,
                                            const char *nama),
                                  void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT kode, tingkat, nama FROM wilayah WHERE" IN_AREA("kode") " ORDER BY kode");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
               (const char *)sqlite3_column_text(st, 2)) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "wilayah: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}
