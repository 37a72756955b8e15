/*
 * krs.c (store) - families at risk: counts per sub-area, a desa's families,
 * targets and the verval worklist (see krs.h).
 *
 * The status counted (EFF_KRS) is the census round's, or the one verval
 * found for that round. The worklist reasons are one SQL expression
 * (VERVAL_REASONS) shared by the counts and the desa's list, so the count
 * "belum terkonfirmasi" and the list agree.
 */
#include <jansson.h>
#include <limits.h>
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
    "   OR EXISTS (SELECT 1 FROM kehamilan h WHERE h.ibu_id = i.id))) THEN 16 ELSE 0 END)"         \
    " | (CASE WHEN EXISTS (SELECT 1 FROM keluarga_nik_ganda g WHERE g.keluarga_id = k.id)"         \
    "   THEN 32 ELSE 0 END))"

/* A visit to family k or one of its members in [?4, ?5). */
#define VISITED                                                                                    \
    "(EXISTS (SELECT 1 FROM tpk_kunjungan v WHERE v.keluarga_id = k.id"                            \
    "  AND v.tanggal >= ?4 AND v.tanggal < ?5)"                                                    \
    " OR EXISTS (SELECT 1 FROM individu i JOIN tpk_kunjungan v ON v.individu_id = i.id"            \
    "  WHERE i.keluarga_id = k.id AND v.tanggal >= ?4 AND v.tanggal < ?5))"

static const char *const REASONS[TB_VERVAL_NALASAN] = {
    "baru di putaran terakhir",
    "status KRS berubah dari putaran sebelumnya",
    "ada anak stunting tetapi keluarga bukan KRS",
    "KRS dengan balita yang belum pernah diukur",
    "catin/ibu hamil anggota keluarga terdaftar di desa lain",
    "NIK anggota juga tercatat di keluarga lain"};

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
           " (SELECT group_concat(nama, ', ') FROM (SELECT DISTINCT t.nama FROM individu i"
           "   JOIN tpk_sasaran a ON a.individu_id = i.id JOIN tpk t ON t.id = a.tpk_id"
           "   WHERE i.keluarga_id = k.id AND a.mulai < ?5"
           "   AND (a.selesai IS NULL OR a.selesai >= ?5)"
           "   UNION SELECT t.nama FROM tpk_keluarga f JOIN tpk t ON t.id = f.tpk_id"
           "   WHERE f.keluarga_id = k.id AND f.mulai < ?5 ORDER BY 1)),"
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

int tb_store_keluarga_nik_ganda(tb_store *s, long a, long b, const char *nik)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT OR IGNORE INTO keluarga_nik_ganda (keluarga_id, nik, keluarga_lain)"
           " VALUES (?1, ?3, ?2), (?2, ?3, ?1)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    sqlite3_bind_text(st, 3, nik, -1, SQLITE_TRANSIENT);
    return tb_store_step_done(s, st, "keluarga_nik_ganda");
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

/* Adds code v to list which of o. */
static void rule_code(tb_krs_rule_data *o, int which, int *k, const char *v)
{
    if (!v || *k >= TB_KRS_RULE_CODES)
        return;
    snprintf(o->kode[which][*k], sizeof o->kode[which][*k], "%s", v);
    o->ptr[which][*k] = o->kode[which][*k];
    (*k)++;
}

/* Reads a list of codes of the rule (a missing key: dflt, NULL-terminated). */
static void rule_list(json_t *root, const char *key, const char *const *dflt, int which,
                      tb_krs_rule_data *o, const char *const **list, int *n)
{
    json_t *a = json_object_get(root, key);
    int k = 0;
    if (a && json_is_array(a))
        for (size_t i = 0; i < json_array_size(a); i++)
            rule_code(o, which, &k, json_string_value(json_array_get(a, i)));
    else
        for (size_t i = 0; dflt && dflt[i]; i++)
            rule_code(o, which, &k, dflt[i]);
    *list = o->ptr[which];
    *n = k;
}

static int rule_num(json_t *root, const char *key, int dflt)
{
    json_t *v = json_object_get(root, key);
    return v && json_is_number(v) ? (int)json_number_value(v) : dflt;
}

int tb_store_krs_rule(tb_store *s, tb_krs_rule_data *o, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    char *data = NULL;
    int have = tb_store_ref_active(s, "krs", o->versi, sizeof o->versi, &data);
    if (have < 0)
        return -1;
    if (!have || !data) {
        snprintf(err, errlen,
                 "tidak ada aturan KRS aktif (ref_versi jenis 'krs' dengan data JSON)");
        free(data);
        return 0;
    }
    json_error_t je;
    json_t *root = json_loads(data, 0, &je);
    free(data);
    if (!root || !json_is_object(root)) {
        snprintf(err, errlen, "aturan KRS %s: JSON tidak sah (%s)", o->versi, je.text);
        json_decref(root);
        return 0;
    }
    static const char *const pend[] = {"tidak_sekolah", "tidak_tamat_sd", "sd", NULL};
    tb_krs_rule *k = &o->rule;
    tb_krs_rule_default(k);
    rule_list(root, "air_layak", NULL, 0, o, &k->air_layak, &k->nair);
    rule_list(root, "jamban_layak", NULL, 1, o, &k->jamban_layak, &k->njamban);
    rule_list(root, "pendidikan_rendah", pend, 2, o, &k->pendidikan_rendah, &k->npend);
    /* a limit the rule does not give is no limit */
    k->umur_muda = rule_num(root, "umur_muda", -1);
    k->umur_tua_dari = rule_num(root, "umur_tua_dari", INT_MAX);
    k->umur_tua_sampai = rule_num(root, "umur_tua_sampai", -1);
    k->jarak_bulan = rule_num(root, "jarak_bulan", -1);
    k->anak_banyak = rule_num(root, "anak_banyak", INT_MAX);
    k->pus_min = rule_num(root, "pus_umur_min", 15);
    k->pus_max = rule_num(root, "pus_umur_maks", 49);
    k->baduta_bulan = rule_num(root, "baduta_bulan", 24);
    k->balita_bulan = rule_num(root, "balita_bulan", 60);
    json_t *extra = json_object_get(root, "faktor_tambahan");
    for (size_t i = 0; extra && i < json_array_size(extra); i++) {
        const char *f = json_string_value(json_array_get(extra, i));
        if (!f)
            continue;
        k->f_rumah |= !strcmp(f, "rumah_tidak_layak");
        k->f_pendidikan |= !strcmp(f, "pendidikan_ibu_rendah");
        k->f_desil1 |= !strcmp(f, "desil_1");
    }
    json_decref(root);
    return 1;
}

int tb_store_keluarga_info(tb_store *s, long id, tb_keluarga_info *o)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT k.no_kk, k.desa, COALESCE(w.nama, k.desa), " ADDRESS ", k.sumber_air,"
           " k.jamban, k.pendidikan_ibu, k.putaran, k.krs_faktor, k.rumah_layak, k.desil,"
           " k.sasaran, " EFF_KRS " FROM keluarga k LEFT JOIN wilayah w ON w.kode = k.desa"
           " WHERE k.id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    memset(o, 0, sizeof *o);
    int rc = tb_store_step_one(s, st);
    if (rc == 1) {
        o->id = id;
        tb_store_col_text(st, 0, o->no_kk, sizeof o->no_kk);
        tb_store_col_text(st, 1, o->desa, sizeof o->desa);
        tb_store_col_text(st, 2, o->desa_nama, sizeof o->desa_nama);
        tb_store_col_text(st, 3, o->alamat, sizeof o->alamat);
        tb_store_col_text(st, 4, o->sumber_air, sizeof o->sumber_air);
        tb_store_col_text(st, 5, o->jamban, sizeof o->jamban);
        tb_store_col_text(st, 6, o->pendidikan_ibu, sizeof o->pendidikan_ibu);
        tb_store_col_text(st, 7, o->putaran, sizeof o->putaran);
        tb_store_col_text(st, 8, o->faktor, sizeof o->faktor);
        o->rumah_layak = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 9);
        o->desil = sqlite3_column_type(st, 10) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 10);
        o->sasaran = sqlite3_column_int(st, 11) != 0;
        o->krs = sqlite3_column_int(st, 12) != 0;
    }
    sqlite3_reset(st);
    return rc;
}

int tb_store_keluarga_members(tb_store *s, long id, tb_keluarga_member *rows, int max)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.id, COALESCE(i.ibu_id, 0), i.nama, i.tgl_lahir, i.peran, i.jk,"
           " i.peran = 'bumil' OR EXISTS (SELECT 1 FROM kehamilan h WHERE h.ibu_id = i.id"
           "  AND h.tgl_persalinan IS NULL)"
           " FROM individu i WHERE i.keluarga_id = ?1"
           " ORDER BY i.tgl_lahir IS NULL, i.tgl_lahir, i.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
        tb_keluarga_member *m = &rows[n++];
        m->id = sqlite3_column_int64(st, 0);
        m->ibu_id = sqlite3_column_int64(st, 1);
        tb_store_col_text(st, 2, m->nama, sizeof m->nama);
        tb_store_col_text(st, 3, m->tgl_lahir, sizeof m->tgl_lahir);
        tb_store_col_text(st, 4, m->peran, sizeof m->peran);
        m->jk = sqlite3_column_int(st, 5);
        m->hamil = sqlite3_column_int(st, 6) != 0;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}
