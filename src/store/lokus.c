/*
 * lokus.c - the data behind the lokus desa ranking (see store/lokus.h).
 *
 * Per desa of a kabupaten: the children of its posyandu with a valid TB/U
 * measurement in the period and, of them, those whose latest such
 * measurement is stunted
 * (TB/U z < -2, as the prevalence reports count), leaving out a child
 * who moved away or died before the period's end; families at risk (KRS)
 * and all families of the census; families of P3KE desil 1-4 and families
 * with a known desil. The score itself is computed in report/cakupan.c.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/internal.h"
#include "store/lokus.h"

static const char *const komponen[TB_LOKUS_NKOMP] = {"stunting", "prevalensi", "krs",
                                                     "celah_cakupan", "kemiskinan"};
static const double bobot_awal[TB_LOKUS_NKOMP] = {30, 30, 15, 15, 10};

const char *tb_lokus_komponen(int c)
{
    return c >= 0 && c < TB_LOKUS_NKOMP ? komponen[c] : "";
}

#define LOKUS_SQL                                                                                  \
    "WITH c AS (SELECT d, count(z) AS n, sum(z < -2) AS st FROM ("                                 \
    "  SELECT p.desa AS d, (SELECT g.z_tbu FROM pengukuran g WHERE g.anak_id = a.individu_id"      \
    "   AND g.tanggal >= ?2 AND g.tanggal < ?3 AND g.f_tbu = 0"                                    \
    "   ORDER BY g.tanggal DESC LIMIT 1) AS z"                                                     \
    "  FROM posyandu p CROSS JOIN anak a ON a.posyandu_id = p.id AND a.digabung_ke IS NULL"        \
    "  WHERE p.desa >= ?1 AND p.desa < ?1 || '/'"                                                  \
    "   AND" TB_SQL_ACTIVE_BEFORE(                                                                 \
        "a.individu_id",                                                                           \
        "?3") ")"                                                                                  \
              "  GROUP BY d),"                                                                     \
              " k AS (SELECT desa AS d, count(*) AS n, sum(krs = 1) AS krs,"                       \
              "  sum(desil BETWEEN 1 AND 4) AS miskin, count(desil) AS desil FROM keluarga"        \
              "  WHERE desa >= ?1 AND desa < ?1 || '/' GROUP BY desa)"                             \
              " SELECT w.kode, w.nama, kc.nama, COALESCE(c.st, 0), COALESCE(c.n, 0), "             \
              "COALESCE(k.krs, 0),"                                                                \
              "  COALESCE(k.n, 0), COALESCE(k.miskin, 0), COALESCE(k.desil, 0),"                   \
              "  l.kode IS NOT NULL, l.no_sk"                                                      \
              " FROM wilayah w LEFT JOIN wilayah kc ON kc.kode = w.induk"                          \
              " LEFT JOIN c ON c.d = w.kode LEFT JOIN k ON k.d = w.kode"                           \
              " LEFT JOIN wilayah_lokus l ON l.kode = w.kode AND l.tahun = ?4"                     \
              " WHERE w.tingkat = 4 AND w.kode >= ?1 AND w.kode < ?1 || '/' ORDER BY w.kode"

int tb_store_lokus_desa_each(tb_store *s, const char *kabupaten, const char *dari,
                             const char *sampai, int tahun,
                             int (*fn)(void *ctx, const tb_lokus_desa *d), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, LOKUS_SQL);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kabupaten, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, dari, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, sampai, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, tahun);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_lokus_desa d;
        memset(&d, 0, sizeof d);
        tb_store_col_text(st, 0, d.kode, sizeof d.kode);
        tb_store_col_text(st, 1, d.nama, sizeof d.nama);
        tb_store_col_text(st, 2, d.kecamatan, sizeof d.kecamatan);
        d.stunting = sqlite3_column_int64(st, 3);
        d.diukur = sqlite3_column_int64(st, 4);
        d.krs = sqlite3_column_int64(st, 5);
        d.keluarga = sqlite3_column_int64(st, 6);
        d.miskin = sqlite3_column_int64(st, 7);
        d.desil_tercatat = sqlite3_column_int64(st, 8);
        d.lokus = sqlite3_column_int(st, 9);
        tb_store_col_text(st, 10, d.no_sk, sizeof d.no_sk);
        if (fn(ctx, &d) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "lokus: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_lokus_bobot_get(tb_store *s, const char *kabupaten, int tahun, double *w)
{
    memcpy(w, bobot_awal, sizeof bobot_awal);
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT komponen, bobot FROM lokus_bobot WHERE kabupaten = ?1 AND tahun ="
           " (SELECT max(tahun) FROM lokus_bobot WHERE kabupaten = ?1 AND tahun <= ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kabupaten, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    int rc, found = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        for (int c = 0; c < TB_LOKUS_NKOMP; c++)
            if (k && !strcmp(k, komponen[c])) {
                w[c] = sqlite3_column_double(st, 1);
                found = 1;
            }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "lokus_bobot: %s", sqlite3_errmsg(tb_store_db(s)));
    return found;
}

int tb_store_lokus_bobot_put(tb_store *s, long by, const char *kabupaten, int tahun,
                             const double *w)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO lokus_bobot (kabupaten, tahun, komponen, bobot) VALUES (?1, ?2, ?3, ?4)"
           " ON CONFLICT (kabupaten, tahun, komponen) DO UPDATE SET bobot = excluded.bobot");
    if (!st)
        return -1;
    tb_buf j = {0};
    tb_buf_puts(&j, "{");
    for (int c = 0; c < TB_LOKUS_NKOMP; c++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, kabupaten, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, tahun);
        sqlite3_bind_text(st, 3, komponen[c], -1, SQLITE_STATIC);
        sqlite3_bind_double(st, 4, w[c]);
        if (tb_store_step_done(s, st, "lokus_bobot")) {
            tb_buf_free(&j);
            return -1;
        }
        tb_buf_printf(&j, "%s\"%s\":%.10g", c ? "," : "", komponen[c], w[c]);
    }
    tb_buf_puts(&j, "}");
    char row[64];
    snprintf(row, sizeof row, "%s|%d", kabupaten, tahun);
    int rc = tb_store_audit(s, by, "ubah", "lokus_bobot", row, NULL, j.data);
    tb_buf_free(&j);
    return rc;
}
