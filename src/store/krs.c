/*
 * krs.c (store) - families at risk: counts per sub-area, a desa's families,
 * targets and the verval worklist (see krs.h).
 *
 * The status counted (EFF_KRS) is the census round's, or the one verval
 * found for that round. The worklist reasons are one SQL expression
 * (VERVAL_REASONS) shared by the counts and the desa's list, so the count
 * "belum terkonfirmasi" and the list agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/internal.h"
#include "store/krs.h"
#include "store/wilayah.h"

/* The family k's status for its round: verval's correction, else the census. */
#define EFF_KRS                                                                                    \
    "COALESCE((SELECT v.krs FROM krs_verval v WHERE v.keluarga_id = k.id"                          \
    "  AND v.putaran = COALESCE(k.putaran, '')), k.krs)"
#define CONFIRMED                                                                                  \
    "EXISTS (SELECT 1 FROM krs_verval v WHERE v.keluarga_id = k.id"                                \
    " AND v.putaran = COALESCE(k.putaran, ''))"

/*
 * Why family k is on the worklist (bits of TB_VERVAL_*); ?5 is the day after
 * the period (a balita is a member born in the 60 months before it).
 */
#define VERVAL_REASONS                                                                             \
    "((CASE WHEN k.putaran IS NOT NULL"                                                            \
    "   AND EXISTS (SELECT 1 FROM keluarga_putaran p WHERE p.putaran < k.putaran)"                 \
    "   AND NOT EXISTS (SELECT 1 FROM keluarga_putaran p WHERE p.keluarga_id = k.id"               \
    "    AND p.putaran < k.putaran) THEN 1 ELSE 0 END)"                                            \
    " | (CASE WHEN EXISTS (SELECT 1 FROM keluarga_putaran p WHERE p.keluarga_id = k.id"            \
    "   AND p.putaran < k.putaran AND p.krs <> k.krs AND p.putaran = (SELECT max(q.putaran)"       \
    "   FROM keluarga_putaran q WHERE q.keluarga_id = k.id AND q.putaran < k.putaran))"            \
    "   THEN 2 ELSE 0 END)"                                                                        \
    " | (CASE WHEN k.krs = 0 AND EXISTS (SELECT 1 FROM individu i"                                 \
    "   JOIN pengukuran g ON g.anak_id = i.id WHERE i.keluarga_id = k.id AND g.z_tbu < -2"         \
    "   AND COALESCE(g.f_tbu, 0) = 0 AND g.tanggal = (SELECT max(h.tanggal) FROM pengukuran h"     \
    "   WHERE h.anak_id = i.id)) THEN 4 ELSE 0 END)"                                               \
    " | (CASE WHEN k.krs = 1 AND EXISTS (SELECT 1 FROM individu i WHERE i.keluarga_id = k.id"      \
    "   AND i.tgl_lahir >= date(?5, '-60 months') AND i.tgl_lahir < ?5"                            \
    "   AND NOT EXISTS (SELECT 1 FROM pengukuran g WHERE g.anak_id = i.id))"                       \
    "   THEN 8 ELSE 0 END)"                                                                        \
    " | (CASE WHEN EXISTS (SELECT 1 FROM individu i WHERE i.keluarga_id = k.id"                    \
    "   AND i.desa IS NOT k.desa AND (EXISTS (SELECT 1 FROM catin c WHERE c.individu_id = i.id)"   \
    "   OR EXISTS (SELECT 1 FROM kehamilan h WHERE h.ibu_id = i.id))) THEN 16 ELSE 0 END))"

/* A visit to family k or one of its members in [?4, ?5). */
#define VISITED                                                                                    \
    "(EXISTS (SELECT 1 FROM tpk_kunjungan v WHERE v.keluarga_id = k.id"                            \
    "  AND v.tanggal >= ?4 AND v.tanggal < ?5)"                                                    \
    " OR EXISTS (SELECT 1 FROM individu i JOIN tpk_kunjungan v ON v.individu_id = i.id"            \
    "  WHERE i.keluarga_id = k.id AND v.tanggal >= ?4 AND v.tanggal < ?5))"

static const char *const REASONS[TB_VERVAL_NALASAN] = {
    "baru di putaran terakhir", "status KRS berubah dari putaran sebelumnya",
    "ada anak stunting tetapi keluarga bukan KRS", "KRS dengan balita yang belum pernah diukur",
    "catin/ibu hamil anggota keluarga terdaftar di desa lain"};

const char *tb_verval_reason(int i)
{
    return i >= 0 && i < TB_VERVAL_NALASAN ? REASONS[i] : "";
}

/* The period of month (yyyy-mm): from 1 January of its year to the day after its end. */
static void period(const char *month, char from[24], char to[24])
{
    int y = 2000, m = 1;
    if (sscanf(month ? month : "", "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12 || y < 1900 ||
        y > 2999)
        y = 2000, m = 1;
    y %= 10000; /* (tells the compiler the widths) */
    m %= 100;
    snprintf(from, 24, "%04d-01-01", y);
    if (m == 12)
        snprintf(to, 24, "%04d-01-01", y + 1);
    else
        snprintf(to, 24, "%04d-%02d-01", y, m + 1);
}

static int step_end(tb_store *s, sqlite3_stmt *st, int rc)
{
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return rc == SQLITE_ROW ? -1 : 0; /* stopped by the callback */
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

int tb_store_krs_counts(tb_store *s, const char *wilayah, const char *month, bool with_belum,
                        int (*fn)(void *ctx, const tb_krs_counts *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "WITH f AS (SELECT k.desa, k.sasaran, k.krs_faktor AS faktor, " EFF_KRS " AS krs,"
           " CASE WHEN " EFF_KRS " = 1 THEN " VISITED " ELSE 0 END AS didampingi,"
           " CASE WHEN ?7 AND NOT " CONFIRMED " THEN " VERVAL_REASONS " <> 0 ELSE 0 END AS belum"
           " FROM keluarga k WHERE k.desa >= ?1 AND k.desa < ?1 || '/')"
           " SELECT substr(f.desa, 1, ?3) AS sub,"
           " COALESCE((SELECT nama FROM wilayah WHERE kode = substr(f.desa, 1, ?3)),"
           "  substr(f.desa, 1, ?3)),"
           " count(*), total(f.sasaran), total(f.krs),"
           " total(f.krs AND instr(f.faktor, 'air_tidak_layak') > 0),"
           " total(f.krs AND instr(f.faktor, 'jamban_tidak_layak') > 0),"
           " total(f.krs AND instr(f.faktor, 'terlalu_muda') > 0),"
           " total(f.krs AND instr(f.faktor, 'terlalu_tua') > 0),"
           " total(f.krs AND instr(f.faktor, 'terlalu_dekat') > 0),"
           " total(f.krs AND instr(f.faktor, 'terlalu_banyak') > 0),"
           " total(f.didampingi),"
           " (SELECT sum(t.target) FROM krs_target t WHERE t.tahun = ?6"
           "  AND t.desa >= substr(f.desa, 1, ?3) AND t.desa < substr(f.desa, 1, ?3) || '/'),"
           " total(f.belum)"
           " FROM f GROUP BY sub ORDER BY sub");
    if (!st)
        return -1;
    int level = tb_wilayah_level(wilayah);
    static const int sub_len[] = {0, 5, 8, 13, 13, 13};
    char from[24], to[24];
    period(month, from, to);
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, level >= 1 && level <= 5 ? sub_len[level] : 13);
    sqlite3_bind_text(st, 4, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, atoi(from));
    sqlite3_bind_int(st, 7, with_belum ? 1 : 0);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_krs_counts r = {col(st, 0), col(st, 1), {0}};
        for (int c = 0; c < TB_KRS_NCOUNTS; c++)
            r.v[c] = tb_store_col_real(st, 2 + c);
        if (!with_belum)
            r.v[TB_KRS_C_BELUM] = NAN;
        if (fn(ctx, &r) < 0)
            break;
    }
    return step_end(s, st, rc);
}

#define ADDRESS                                                                                    \
    "trim(COALESCE(k.alamat, '') || ' RT ' || COALESCE(k.rt, '-') || '/RW ' || COALESCE(k.rw, "    \
    "'-'))"
#define OLDEST                                                                                     \
    "(SELECT i.nama FROM individu i WHERE i.keluarga_id = k.id"                                    \
    " ORDER BY i.tgl_lahir IS NULL, i.tgl_lahir, i.id LIMIT 1)"

int tb_store_krs_families(tb_store *s, const char *desa, const char *month,
                          int (*fn)(void *ctx, const tb_krs_family *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT k.id, k.no_kk, " OLDEST ", " ADDRESS ", k.sasaran, " EFF_KRS " AS ek,"
           " k.pus, k.pus_hamil, k.punya_baduta, k.punya_balita, k.krs_faktor,"
           " COALESCE((SELECT t.nama FROM tpk_kunjungan v JOIN tpk t ON t.id = v.tpk_id"
           "   WHERE v.keluarga_id = k.id AND v.tanggal < ?5 ORDER BY v.tanggal DESC LIMIT 1),"
           "  (SELECT t.nama FROM tpk t WHERE t.desa = k.desa ORDER BY t.id LIMIT 1)),"
           " (SELECT max(v.tanggal) FROM tpk_kunjungan v WHERE v.tanggal < ?5"
           "   AND (v.keluarga_id = k.id"
           "   OR v.individu_id IN (SELECT i.id FROM individu i WHERE i.keluarga_id = k.id)))"
           "   AS akhir,"
           " k.putaran, (SELECT v.keputusan FROM krs_verval v WHERE v.keluarga_id = k.id"
           "   AND v.putaran = COALESCE(k.putaran, ''))"
           " FROM keluarga k WHERE k.desa = ?1 AND k.sasaran = 1"
           " ORDER BY ek DESC, akhir IS NOT NULL, akhir, k.alamat, k.rt, k.no_kk");
    if (!st)
        return -1;
    char from[24], to[24];
    period(month, from, to);
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, to, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_krs_family r = {.id = sqlite3_column_int64(st, 0),
                           .no_kk = col(st, 1),
                           .nama = col(st, 2),
                           .alamat = col(st, 3),
                           .sasaran = sqlite3_column_int(st, 4) != 0,
                           .krs = sqlite3_column_int(st, 5) != 0,
                           .pus = sqlite3_column_int(st, 6) != 0,
                           .pus_hamil = sqlite3_column_int(st, 7) != 0,
                           .baduta = sqlite3_column_int(st, 8) != 0,
                           .balita = sqlite3_column_int(st, 9) != 0,
                           .faktor = col(st, 10),
                           .tpk = col(st, 11),
                           .kunjungan = col(st, 12),
                           .putaran = col(st, 13),
                           .verval = col(st, 14)};
        if (fn(ctx, &r) < 0)
            break;
    }
    return step_end(s, st, rc);
}

long tb_store_krs_target(tb_store *s, const char *desa, int tahun)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT target FROM krs_target WHERE desa = ?1 AND tahun = ?2");
    if (!st)
        return -2;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    int rc = tb_store_step_one(s, st);
    long v = rc == 1 ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_reset(st);
    return rc < 0 ? -2 : v;
}

int tb_store_krs_target_set(tb_store *s, long user, const char *desa, int tahun, long target)
{
    long before = tb_store_krs_target(s, desa, tahun);
    if (before < -1)
        return -1;
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO krs_target (desa, tahun, target, oleh, diubah)"
                         " VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
                         " ON CONFLICT (desa, tahun) DO UPDATE SET target = excluded.target,"
                         " oleh = excluded.oleh, diubah = excluded.diubah");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    sqlite3_bind_int64(st, 3, target);
    tb_store_bind_int(st, 4, user, 1);
    if (tb_store_step_done(s, st, "krs_target"))
        return -1;
    char row[48], b[48], a[48];
    snprintf(row, sizeof row, "%.15s/%d", desa, tahun);
    snprintf(b, sizeof b, "{\"target\":%ld}", before);
    snprintf(a, sizeof a, "{\"target\":%ld}", target);
    return tb_store_audit(s, user, before < 0 ? "tambah" : "ubah", "krs_target", row,
                          before < 0 ? NULL : b, a) < 0
               ? -1
               : 0;
}

int tb_store_verval_list(tb_store *s, const char *desa,
                         int (*fn)(void *ctx, const tb_verval_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT * FROM (SELECT k.id, k.no_kk, " OLDEST ", " ADDRESS ", k.putaran,"
           " " EFF_KRS ", " VERVAL_REASONS " AS alasan,"
           " v.keputusan, (SELECT nama FROM pengguna WHERE id = v.oleh), v.waktu, v.alasan"
           " FROM keluarga k LEFT JOIN krs_verval v ON v.keluarga_id = k.id"
           "  AND v.putaran = COALESCE(k.putaran, '')"
           " WHERE k.desa = ?1) WHERE alasan <> 0"
           " ORDER BY 8 IS NOT NULL, 4, 2");
    if (!st)
        return -1;
    char to[24] = "2100-01-01";
    /* the period's end: today (a balita now) */
    sqlite3_stmt *d = tb_store_stmt(s, "SELECT date('now', '+1 day')");
    if (!d)
        return -1;
    if (tb_store_step_one(s, d) == 1)
        tb_store_col_text(d, 0, to, sizeof to);
    sqlite3_reset(d);
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, to, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_verval_row r = {.id = sqlite3_column_int64(st, 0),
                           .no_kk = col(st, 1),
                           .nama = col(st, 2),
                           .alamat = col(st, 3),
                           .putaran = col(st, 4),
                           .krs = sqlite3_column_int(st, 5) != 0,
                           .alasan = (unsigned)sqlite3_column_int(st, 6),
                           .keputusan = col(st, 7),
                           .oleh = col(st, 8),
                           .waktu = col(st, 9),
                           .catatan = col(st, 10)};
        if (fn(ctx, &r) < 0)
            break;
    }
    return step_end(s, st, rc);
}

int tb_store_keluarga_desa(tb_store *s, long id, char *out, size_t n)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT desa FROM keluarga WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    sqlite3_reset(st);
    return rc;
}

int tb_store_verval_put(tb_store *s, long user, long id, const char *keputusan, int krs,
                        const char *alasan)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO krs_verval (keluarga_id, putaran, keputusan, krs, alasan, oleh, waktu)"
           " SELECT k.id, COALESCE(k.putaran, ''), ?2,"
           "  CASE WHEN ?2 = 'konfirmasi' THEN k.krs ELSE ?3 END, ?4, ?5,"
           "  strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM keluarga k WHERE k.id = ?1"
           " ON CONFLICT (keluarga_id, putaran) DO UPDATE SET keputusan = excluded.keputusan,"
           " krs = excluded.krs, alasan = excluded.alasan, oleh = excluded.oleh,"
           " waktu = excluded.waktu");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, keputusan, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, krs ? 1 : 0);
    sqlite3_bind_text(st, 4, alasan, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 5, user, 1);
    if (tb_store_step_done(s, st, "krs_verval"))
        return -1;
    if (!sqlite3_changes(tb_store_db(s)))
        return 0;
    tb_buf a = {0};
    tb_buf_printf(&a, "{\"keputusan\":");
    tb_buf_json_str(&a, keputusan);
    tb_buf_printf(&a, ",\"krs\":%d,\"alasan\":", krs ? 1 : 0);
    tb_buf_json_str(&a, alasan);
    tb_buf_puts(&a, "}");
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    int rc = tb_store_audit(s, user, "ubah", "krs_verval", row, NULL, a.data);
    tb_buf_free(&a);
    return rc < 0 ? -1 : 1;
}

int tb_store_krs_rounds(tb_store *s, long id, int (*fn)(void *ctx, const tb_krs_round *r),
                        void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT putaran, tanggal, krs_faktor, sasaran, krs"
                                        " FROM keluarga_putaran WHERE keluarga_id = ?1"
                                        " ORDER BY putaran");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_krs_round r = {col(st, 0), col(st, 1), col(st, 2), sqlite3_column_int(st, 3) != 0,
                          sqlite3_column_int(st, 4) != 0};
        if (fn(ctx, &r) < 0)
            break;
    }
    return step_end(s, st, rc);
}
