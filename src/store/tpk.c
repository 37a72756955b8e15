/*
 * tpk.c - TPK teams, members, targets, visits and their report figures
 * (see tpk.h). Every write is audited; a visit with a client uuid is
 * stored once.
 */
#include <string.h>

#include "base/buf.h"
#include "store/internal.h"
#include "store/tpk.h"

/* The area condition on a desa column X, wilayah bound as ?1. */
#define IN_AREA(X) " " X " >= ?1 AND " X " < ?1 || '/'"

/*
 * SQL: the target universe t(individu_id, jenis, desa, risiko) of the area
 * (?1) at date ?2; a catin counts when the wedding is on or after ?3
 * (the date itself, or the month's first day in the reports).
 */
#define TARGETS_CTE                                                                                \
    "WITH t(individu_id, jenis, desa, risiko) AS ("                                                \
    " SELECT c.individu_id, 'catin', i.desa, max(c.hasil = 'berisiko')"                            \
    " FROM catin c CROSS JOIN individu i ON i.id = c.individu_id"                                  \
    " WHERE" IN_AREA(                                                                              \
        "i.desa") " AND c.tgl_periksa <= ?2"                                                       \
                  "  AND (c.tgl_rencana_nikah IS NULL OR c.tgl_rencana_nikah >= ?3) GROUP BY "     \
                  "c.individu_id"                                                                  \
                  " UNION ALL"                                                                     \
                  " SELECT k.ibu_id, 'bumil', i.desa, max(k.kek OR k.anemia OR k.risti)"           \
                  " FROM kehamilan k CROSS JOIN individu i ON i.id = k.ibu_id"                     \
                  " WHERE" IN_AREA(                                                                \
                      "i.desa") " AND k.hpht <= ?2"                                                \
                                "  AND (k.tgl_persalinan IS NULL OR k.tgl_persalinan = '' OR "     \
                                "k.tgl_persalinan > ?2)"                                           \
                                "  AND k.hpl >= date(?2, '-14 days') GROUP BY k.ibu_id"            \
                                " UNION ALL"                                                       \
                                " SELECT k.ibu_id, 'nifas', i.desa, 0 FROM kehamilan k CROSS "     \
                                "JOIN individu i ON i.id = k.ibu_id"                               \
                                " WHERE" IN_AREA(                                                  \
                                    "i.desa") " AND k.tgl_persalinan <= ?2"                        \
                                              "  AND k.tgl_persalinan > date(?2, '-42 days') "     \
                                              "GROUP BY k.ibu_id"                                  \
                                              " UNION ALL"                                         \
                                              " SELECT a.individu_id, 'baduta', i.desa, 0 FROM "   \
                                              "individu i CROSS JOIN anak a ON a.individu_id = "   \
                                              "i.id"                                               \
                                              " WHERE" IN_AREA(                                    \
                                                  "i.desa") " AND a.digabung_ke IS NULL AND "      \
                                                            "i.tgl_lahir <= ?2"                    \
                                                            "  AND i.tgl_lahir > date(?2, '-24 "   \
                                                            "months')"                             \
                                                            "  AND" TB_SQL_ACTIVE_BEFORE(          \
                                                                "a.individu_id",                   \
                                                                "date(?2, '+1 day')") ")"

static const char *const SP_CODES[TB_SP_COUNT] = {
    "catin_3_bulan",    "bumil_nifas_bulanan", "baduta_diukur",  "pasti_terdata",
    "pasti_didampingi", "pasti_layanan",       "pasti_terpantau"};

const char *tb_sp_code(int k)
{
    return k >= 0 && k < TB_SP_COUNT ? SP_CODES[k] : NULL;
}

int tb_sp_lookup(const char *code)
{
    for (int k = 0; k < TB_SP_COUNT; k++)
        if (code && !strcmp(code, SP_CODES[k]))
            return k;
    return -1;
}

int tb_store_tpk_create(tb_store *s, long user, const char *desa, const char *nama,
                        const char *no_sk, const char *tgl_sk, long *id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO tpk (kode, desa, nama, no_sk, tgl_sk)"
                                        " VALUES (NULL, ?1, ?2, ?3, ?4)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, desa);
    tb_store_bind_text(st, 2, nama);
    tb_store_bind_text(st, 3, no_sk);
    tb_store_bind_text(st, 4, tgl_sk);
    if (tb_store_step_done(s, st, "tpk"))
        return -1;
    *id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[24];
    snprintf(row, sizeof row, "%ld", *id);
    tb_buf b = {0};
    tb_buf_puts(&b, "{\"desa\":");
    tb_buf_json_str(&b, desa);
    tb_buf_puts(&b, ",\"nama\":");
    tb_buf_json_str(&b, nama);
    tb_buf_puts(&b, ",\"no_sk\":");
    tb_buf_json_str(&b, no_sk);
    tb_buf_puts(&b, ",\"tgl_sk\":");
    tb_buf_json_str(&b, tgl_sk);
    tb_buf_puts(&b, "}");
    int rc = tb_store_audit(s, user, "tambah", "tpk", row, NULL, b.data);
    tb_buf_free(&b);
    return rc;
}

static void read_tpk(sqlite3_stmt *st, tb_tpk_row *t)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, t->kode, sizeof t->kode);
    tb_store_col_text(st, 2, t->nama, sizeof t->nama);
    tb_store_col_text(st, 3, t->desa, sizeof t->desa);
    tb_store_col_text(st, 4, t->desa_nama, sizeof t->desa_nama);
    tb_store_col_text(st, 5, t->no_sk, sizeof t->no_sk);
    tb_store_col_text(st, 6, t->tgl_sk, sizeof t->tgl_sk);
    t->anggota = sqlite3_column_int(st, 7);
    t->sasaran = sqlite3_column_int(st, 8);
}

#define TPK_COLS                                                                                   \
    "SELECT p.id, p.kode, p.nama, p.desa, w.nama, p.no_sk, p.tgl_sk,"                              \
    " (SELECT count(*) FROM tpk_anggota a WHERE a.tpk_id = p.id),"                                 \
    " (SELECT count(*) FROM tpk_sasaran x WHERE x.tpk_id = p.id AND x.selesai IS NULL)"            \
    " FROM tpk p LEFT JOIN wilayah w ON w.kode = p.desa"

int tb_store_tpk_list(tb_store *s, const char *wilayah, int (*fn)(void *ctx, const tb_tpk_row *r),
                      void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, TPK_COLS " WHERE" IN_AREA("p.desa") " ORDER BY p.desa, p.nama, p.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    tb_tpk_row t;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_tpk(st, &t);
        if (fn(ctx, &t))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "tpk: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_tpk_get(tb_store *s, long id, tb_tpk_row *t)
{
    sqlite3_stmt *st = tb_store_stmt(s, TPK_COLS " WHERE p.id = ?1");
    int f = tb_store_step_id(s, st, id);
    if (f == 1)
        read_tpk(st, t);
    return f;
}

int tb_store_tpk_anggota_add(tb_store *s, long user, long tpk_id, const char *nama,
                             const char *peran, const char *no_sk, long pengguna_id, long *id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO tpk_anggota (tpk_id, nama, peran, no_sk,"
                                        " pengguna_id) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tpk_id);
    tb_store_bind_text(st, 2, nama);
    tb_store_bind_text(st, 3, peran);
    tb_store_bind_text(st, 4, no_sk);
    tb_store_bind_int(st, 5, pengguna_id, 1);
    if (tb_store_step_done(s, st, "tpk_anggota"))
        return -1;
    *id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[24], after[128];
    snprintf(row, sizeof row, "%ld", *id);
    snprintf(after, sizeof after, "{\"tpk_id\":%ld,\"peran\":\"%s\",\"pengguna_id\":%ld}", tpk_id,
             peran, pengguna_id);
    return tb_store_audit(s, user, "tambah", "tpk_anggota", row, NULL, after);
}

int tb_store_tpk_anggota_link(tb_store *s, long user, long anggota_id, long pengguna_id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE tpk_anggota SET pengguna_id = ?2 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anggota_id);
    tb_store_bind_int(st, 2, pengguna_id, 1);
    if (tb_store_step_done(s, st, "tpk_anggota"))
        return -1;
    if (user < 0)
        return 0;
    char row[24], after[48];
    snprintf(row, sizeof row, "%ld", anggota_id);
    snprintf(after, sizeof after, "{\"pengguna_id\":%ld}", pengguna_id);
    return tb_store_audit(s, user, "ubah", "tpk_anggota", row, NULL, after);
}

int tb_store_tpk_anggota(tb_store *s, long tpk_id,
                         int (*fn)(void *ctx, const tb_tpk_anggota_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT a.id, a.tpk_id, coalesce(a.pengguna_id, 0), a.nama, a.peran, a.no_sk,"
           " u.username FROM tpk_anggota a LEFT JOIN pengguna u ON u.id = a.pengguna_id"
           " WHERE a.tpk_id = ?1 ORDER BY a.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tpk_id);
    int rc;
    tb_tpk_anggota_row a;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        a.id = sqlite3_column_int64(st, 0);
        a.tpk_id = sqlite3_column_int64(st, 1);
        a.pengguna_id = sqlite3_column_int64(st, 2);
        tb_store_col_text(st, 3, a.nama, sizeof a.nama);
        tb_store_col_text(st, 4, a.peran, sizeof a.peran);
        tb_store_col_text(st, 5, a.no_sk, sizeof a.no_sk);
        tb_store_col_text(st, 6, a.username, sizeof a.username);
        if (fn(ctx, &a))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "tpk_anggota: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_tpk_of_user(tb_store *s, long pengguna_id, long *ids, int max, long *anggota)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT tpk_id, id FROM tpk_anggota WHERE pengguna_id = ?1"
                                        " ORDER BY id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, pengguna_id);
    int n = 0, rc;
    *anggota = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!n)
            *anggota = sqlite3_column_int64(st, 1);
        if (n < max)
            ids[n++] = sqlite3_column_int64(st, 0);
    }
    return rc == SQLITE_DONE ? n
                             : tb_store_fail(s, "tpk_anggota: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_tpk_assign(tb_store *s, long user, long tpk_id, long individu_id, const char *jenis,
                        const char *mulai, int *outcome)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT i.desa = p.desa FROM individu i, tpk p"
                                        " WHERE i.id = ?1 AND p.id = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, individu_id);
    sqlite3_bind_int64(st, 2, tpk_id);
    int f = tb_store_step_one(s, st);
    if (f < 0)
        return -1;
    if (f == 0 || !sqlite3_column_int(st, 0))
        return tb_store_fail(s, "sasaran %ld tidak ada di desa tim ini", individu_id);
    st = tb_store_stmt(s, "SELECT tpk_id FROM tpk_sasaran WHERE individu_id = ?1 AND jenis = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, individu_id);
    sqlite3_bind_text(st, 2, jenis, -1, SQLITE_TRANSIENT);
    f = tb_store_step_one(s, st);
    if (f < 0)
        return -1;
    long before = f ? sqlite3_column_int64(st, 0) : 0;
    st = tb_store_stmt(s, "INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai)"
                          " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (individu_id, jenis) DO UPDATE"
                          " SET tpk_id = excluded.tpk_id, selesai = NULL"
                          " WHERE tpk_id IS NOT excluded.tpk_id OR selesai IS NOT NULL");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tpk_id);
    sqlite3_bind_int64(st, 2, individu_id);
    sqlite3_bind_text(st, 3, jenis, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, mulai, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "tpk_sasaran"))
        return -1;
    int changed = sqlite3_changes(tb_store_db(s));
    *outcome = !f ? TB_PUT_INSERTED : changed ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    if (*outcome == TB_PUT_UNCHANGED)
        return 0;
    char row[48], b[96], a[96];
    snprintf(row, sizeof row, "%ld/%s", individu_id, jenis);
    snprintf(b, sizeof b, "{\"tpk_id\":%ld}", before);
    snprintf(a, sizeof a, "{\"tpk_id\":%ld}", tpk_id);
    return tb_store_audit(s, user, f ? "ubah" : "tambah", "tpk_sasaran", row, f ? b : NULL, a);
}

long tb_store_tpk_assign_all(tb_store *s, long user, long tpk_id, const char *d)
{
    tb_tpk_row t;
    int f = tb_store_tpk_get(s, tpk_id, &t);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "tim %ld tidak ada", tpk_id);
    sqlite3_stmt *st = tb_store_stmt(
        s, TARGETS_CTE " INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai)"
                       " SELECT ?4, t.individu_id, t.jenis, ?2 FROM t WHERE t.desa = ?1"
                       " AND true ON CONFLICT (individu_id, jenis) DO NOTHING");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, t.desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, d, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, d, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, tpk_id);
    if (tb_store_step_done(s, st, "tpk_sasaran"))
        return -1;
    long n = sqlite3_changes(tb_store_db(s));
    /* the KRS families of the desa that no team accompanies through a
     * member (a PUS family at risk through the 4T has no target member) */
    st = tb_store_stmt(
        s, "INSERT INTO tpk_keluarga (keluarga_id, tpk_id, mulai)"
           " SELECT k.id, ?2, ?3 FROM keluarga k WHERE k.desa = ?1 AND k.krs = 1"
           " AND NOT EXISTS (SELECT 1 FROM individu i JOIN tpk_sasaran a ON a.individu_id = i.id"
           "  WHERE i.keluarga_id = k.id AND a.selesai IS NULL)"
           " ON CONFLICT (keluarga_id) DO NOTHING");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, t.desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, tpk_id);
    sqlite3_bind_text(st, 3, d, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "tpk_keluarga"))
        return -1;
    long nk = sqlite3_changes(tb_store_db(s));
    char row[24], after[80];
    snprintf(row, sizeof row, "%ld", tpk_id);
    snprintf(after, sizeof after, "{\"ditetapkan\":%ld,\"keluarga\":%ld}", n, nk);
    if ((n || nk) && user >= 0 &&
        tb_store_audit(s, user, "tambah", "tpk_sasaran", row, NULL, after))
        return -1;
    return n + nk;
}

/* SQL: a target's due date (the alias x is tpk_sasaran). */
#define DUE_SQL                                                                                    \
    "coalesce((SELECT coalesce(k.kunjungan_berikut, date(k.tanggal, '+1 month'))"                  \
    " FROM tpk_kunjungan k WHERE k.individu_id = x.individu_id AND k.sasaran = x.jenis"            \
    " ORDER BY k.tanggal DESC, k.id DESC LIMIT 1), x.mulai)"

#define SASARAN_COLS                                                                               \
    "SELECT x.id, x.individu_id, x.tpk_id, x.jenis, i.nama, coalesce(i.nik, ''), i.tgl_lahir,"     \
    " i.desa, x.mulai, (SELECT max(k.tanggal) FROM tpk_kunjungan k"                                \
    "  WHERE k.individu_id = x.individu_id AND k.sasaran = x.jenis), " DUE_SQL " AS due"           \
    " FROM tpk_sasaran x JOIN individu i ON i.id = x.individu_id"

static void read_sasaran(sqlite3_stmt *st, const char *d, tb_tpk_sasaran_row *r)
{
    r->id = sqlite3_column_int64(st, 0);
    r->individu_id = sqlite3_column_int64(st, 1);
    r->tpk_id = sqlite3_column_int64(st, 2);
    tb_store_col_text(st, 3, r->jenis, sizeof r->jenis);
    tb_store_col_text(st, 4, r->nama, sizeof r->nama);
    tb_store_col_text(st, 5, r->nik, sizeof r->nik);
    tb_store_col_text(st, 6, r->tgl_lahir, sizeof r->tgl_lahir);
    tb_store_col_text(st, 7, r->desa, sizeof r->desa);
    tb_store_col_text(st, 8, r->mulai, sizeof r->mulai);
    tb_store_col_text(st, 9, r->terakhir, sizeof r->terakhir);
    tb_store_col_text(st, 10, r->jatuh_tempo, sizeof r->jatuh_tempo);
    r->terlambat = d && strcmp(r->jatuh_tempo, d) < 0;
}

int tb_store_tpk_sasaran(tb_store *s, long tpk_id, const char *wilayah, const char *d,
                         int (*fn)(void *ctx, const tb_tpk_sasaran_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, SASARAN_COLS " JOIN tpk p ON p.id = x.tpk_id WHERE x.selesai IS NULL"
                        " AND (?1 > 0 AND x.tpk_id = ?1 OR ?1 = 0 AND p.desa >= ?2"
                        " AND p.desa < ?2 || '/') ORDER BY due < ?3 DESC, due, i.nama, x.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tpk_id);
    tb_store_bind_text(st, 2, wilayah ? wilayah : "");
    sqlite3_bind_text(st, 3, d, -1, SQLITE_TRANSIENT);
    int rc;
    tb_tpk_sasaran_row r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_sasaran(st, d, &r);
        if (fn(ctx, &r))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "tpk_sasaran: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_tpk_sasaran_get(tb_store *s, long individu_id, const char *jenis,
                             tb_tpk_sasaran_row *r)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, SASARAN_COLS " WHERE x.individu_id = ?1 AND x.jenis = ?2 AND x.selesai IS NULL");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, individu_id);
    sqlite3_bind_text(st, 2, jenis, -1, SQLITE_TRANSIENT);
    int f = tb_store_step_one(s, st);
    if (f == 1)
        read_sasaran(st, NULL, r);
    return f;
}

long tb_store_tpk_visit_by_uuid(tb_store *s, const char *uuid)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM tpk_kunjungan WHERE uuid_klien = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int f = tb_store_step_one(s, st);
    return f == 1 ? (long)sqlite3_column_int64(st, 0) : f;
}

static int visit_insert(tb_store *s, const tb_tpk_visit *v, long *id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, individu_id, tanggal, sasaran,"
           " konseling, rujukan_ke, status_rujukan, bansos, kunjungan_berikut, anggota_id, data,"
           " berisiko, layanan, alasan_rujukan, jkn, uuid_klien, dibuat_oleh) VALUES (?1,"
           " (SELECT keluarga_id FROM individu WHERE id = ?2), ?2, ?3, ?4, ?5, ?6,"
           " CASE WHEN ?6 IS NULL THEN NULL ELSE 'menunggu' END, ?7, ?8, ?9, ?10, ?11, ?12,"
           " ?13, ?14, ?15, ?16)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, v->tpk_id);
    sqlite3_bind_int64(st, 2, v->individu_id);
    tb_store_bind_text(st, 3, v->tanggal);
    tb_store_bind_text(st, 4, v->jenis);
    tb_store_bind_text(st, 5, v->konseling);
    tb_store_bind_text(st, 6, v->rujukan_ke);
    tb_store_bind_text(st, 7, v->bansos);
    tb_store_bind_text(st, 8, v->kunjungan_berikut);
    tb_store_bind_int(st, 9, v->anggota_id, 1);
    tb_store_bind_text(st, 10, v->data);
    sqlite3_bind_int(st, 11, v->berisiko ? 1 : 0);
    sqlite3_bind_int(st, 12, v->layanan ? 1 : 0);
    tb_store_bind_text(st, 13, v->alasan_rujukan);
    tb_store_bind_text(st, 14, v->jkn);
    tb_store_bind_text(st, 15, v->uuid);
    tb_store_bind_int(st, 16, v->user_id, 1);
    if (tb_store_step_done(s, st, "tpk_kunjungan"))
        return -1;
    *id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    return 0;
}

int tb_store_tpk_visit_put(tb_store *s, const tb_tpk_visit *v, long *id)
{
    if (tb_store_begin(s) < 0)
        return -1;
    if (visit_insert(s, v, id) < 0) {
        tb_store_rollback(s);
        return -1;
    }
    char row[24];
    snprintf(row, sizeof row, "%ld", *id);
    tb_buf b = {0};
    tb_buf_printf(&b, "{\"individu_id\":%ld,\"sasaran\":", v->individu_id);
    tb_buf_json_str(&b, v->jenis);
    tb_buf_puts(&b, ",\"tanggal\":");
    tb_buf_json_str(&b, v->tanggal);
    tb_buf_printf(&b, ",\"berisiko\":%d,\"layanan\":%d,\"rujukan_ke\":", v->berisiko, v->layanan);
    tb_buf_json_str(&b, v->rujukan_ke);
    tb_buf_puts(&b, ",\"data\":");
    tb_buf_puts(&b, v->data && *v->data ? v->data : "null");
    tb_buf_puts(&b, "}");
    int rc = tb_store_audit(s, v->user_id, "tambah", "tpk_kunjungan", row, NULL, b.data);
    tb_buf_free(&b);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}

int tb_store_tpk_rujukan_hasil(tb_store *s, long user, long id, const char *status,
                               const char *hasil, const char *tanggal, long *tpk_id)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT tpk_id, coalesce(status_rujukan, 'menunggu')"
                         " FROM tpk_kunjungan WHERE id = ?1 AND rujukan_ke IS NOT NULL");
    int f = tb_store_step_id(s, st, id);
    if (f <= 0)
        return f;
    *tpk_id = sqlite3_column_int64(st, 0);
    char before[32], b[64];
    tb_store_col_text(st, 1, before, sizeof before);
    st = tb_store_stmt(s, "UPDATE tpk_kunjungan SET status_rujukan = ?2, hasil_rujukan = ?3,"
                          " tgl_hasil_rujukan = ?4 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, status);
    tb_store_bind_text(st, 3, hasil);
    tb_store_bind_text(st, 4, tanggal);
    if (tb_store_step_done(s, st, "tpk_kunjungan"))
        return -1;
    char row[24];
    snprintf(row, sizeof row, "%ld", id);
    snprintf(b, sizeof b, "{\"status_rujukan\":\"%s\"}", before);
    tb_buf a = {0};
    tb_buf_puts(&a, "{\"status_rujukan\":");
    tb_buf_json_str(&a, status);
    tb_buf_puts(&a, ",\"hasil_rujukan\":");
    tb_buf_json_str(&a, hasil);
    tb_buf_puts(&a, "}");
    int rc = tb_store_audit(s, user, "ubah", "tpk_kunjungan", row, b, a.data);
    tb_buf_free(&a);
    return rc < 0 ? -1 : 1;
}

int tb_store_tpk_rujukan(tb_store *s, long tpk_id,
                         int (*fn)(void *ctx, const tb_tpk_rujukan_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT k.id, k.individu_id, i.nama, k.tanggal, k.rujukan_ke, k.alasan_rujukan,"
           " coalesce(k.status_rujukan, 'menunggu'), k.hasil_rujukan FROM tpk_kunjungan k"
           " JOIN individu i ON i.id = k.individu_id WHERE k.tpk_id = ?1"
           " AND k.rujukan_ke IS NOT NULL"
           " ORDER BY coalesce(k.status_rujukan, 'menunggu') = 'menunggu' DESC, k.tanggal DESC,"
           " k.id DESC LIMIT 200");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tpk_id);
    int rc;
    tb_tpk_rujukan_row r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r.id = sqlite3_column_int64(st, 0);
        r.individu_id = sqlite3_column_int64(st, 1);
        tb_store_col_text(st, 2, r.nama, sizeof r.nama);
        tb_store_col_text(st, 3, r.tanggal, sizeof r.tanggal);
        tb_store_col_text(st, 4, r.rujukan_ke, sizeof r.rujukan_ke);
        tb_store_col_text(st, 5, r.alasan, sizeof r.alasan);
        tb_store_col_text(st, 6, r.status, sizeof r.status);
        tb_store_col_text(st, 7, r.hasil, sizeof r.hasil);
        if (fn(ctx, &r))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "rujukan: %s", sqlite3_errmsg(tb_store_db(s)));
}

/* The month's first and last day of m (yyyy-mm) into a and b. */
static void month_bounds(const char *m, char a[11], char b[11])
{
    int y = 0, mo = 0;
    sscanf(m, "%4d-%2d", &y, &mo);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = mo >= 1 && mo <= 12 ? days[mo - 1] : 31;
    if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        last = 29;
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)mo % 100u, dd = (unsigned)last % 100u;
    snprintf(a, 11, "%04u-%02u-01", yy, mm);
    snprintf(b, 11, "%04u-%02u-%02u", yy, mm, dd);
}

int tb_store_tpk_report(tb_store *s, const char *wilayah, const char *month,
                        int (*fn)(void *ctx, const tb_tpk_report_row *r), void *ctx)
{
    /* ?1 area, ?2 month end, ?3 month start */
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT p.nama, coalesce(w.nama, p.desa),"
           " (SELECT count(*) FROM tpk_sasaran x WHERE x.tpk_id = p.id AND x.mulai <= ?2"
           "  AND (x.selesai IS NULL OR x.selesai > ?2)),"
           " (SELECT count(*) FROM tpk_sasaran x WHERE x.tpk_id = p.id AND x.mulai <= ?2"
           "  AND (x.selesai IS NULL OR x.selesai > ?2) AND EXISTS (SELECT 1 FROM tpk_kunjungan k"
           "  WHERE k.individu_id = x.individu_id AND k.sasaran = x.jenis"
           "  AND k.tanggal BETWEEN ?3 AND ?2)),"
           " (SELECT count(*) FROM tpk_sasaran x WHERE x.tpk_id = p.id AND x.mulai <= ?2"
           "  AND (x.selesai IS NULL OR x.selesai > ?2) AND coalesce((SELECT"
           "  coalesce(k.kunjungan_berikut, date(k.tanggal, '+1 month')) FROM tpk_kunjungan k"
           "  WHERE k.individu_id = x.individu_id AND k.sasaran = x.jenis AND k.tanggal <= ?2"
           "  ORDER BY k.tanggal DESC, k.id DESC LIMIT 1), x.mulai) < ?2),"
           " (SELECT count(*) FROM tpk_kunjungan k WHERE k.tpk_id = p.id"
           "  AND k.tanggal BETWEEN ?3 AND ?2),"
           " (SELECT count(*) FROM tpk_kunjungan k WHERE k.tpk_id = p.id"
           "  AND k.tanggal BETWEEN ?3 AND ?2 AND k.rujukan_ke IS NOT NULL),"
           " (SELECT count(*) FROM tpk_kunjungan k WHERE k.tpk_id = p.id"
           "  AND k.tanggal BETWEEN ?3 AND ?2 AND k.rujukan_ke IS NOT NULL"
           "  AND k.status_rujukan = 'selesai')"
           " FROM tpk p LEFT JOIN wilayah w ON w.kode = p.desa"
           " WHERE" IN_AREA("p.desa") " ORDER BY p.desa, p.nama, p.id");
    if (!st)
        return -1;
    char a[11], b[11];
    month_bounds(month, a, b);
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, a, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_tpk_report_row r = {(const char *)sqlite3_column_text(st, 0),
                               (const char *)sqlite3_column_text(st, 1),
                               {0}};
        for (int k = 0; k < 6; k++)
            r.v[k] = sqlite3_column_int64(st, 2 + k);
        if (fn(ctx, &r))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "laporan tpk: %s", sqlite3_errmsg(tb_store_db(s)));
}

/* The 3-standar-4-PASTI counts per desa (?1 area, ?2 month end, ?3 month
 * start); the columns are ya/n per item in the order of the enum. One
 * lookup per target and source, each giving bits:
 *   kv (its visits this month): 1 as its kind, 2 as bumil or nifas,
 *      4 found a risk, 8 referred or served;
 *   gv (a baduta's measurements this month): 1 measured, 2 stunted, 2T or
 *      BGM, 4 referred or given PMT;
 *   rv (its referrals of the last 3 months): 1 any, 2 one without outcome.
 * x is materialized: the sums read kv, gv and rv several times each. */
static const char *const SP_SQL = TARGETS_CTE
    ", x AS MATERIALIZED (SELECT t.desa, t.jenis, t.risiko,"
    " i.keluarga_id IS NOT NULL AS terdata,"
    " coalesce((SELECT max((k.sasaran = t.jenis) | ((k.sasaran IN ('bumil', 'nifas')) << 1)"
    "  | ((k.berisiko <> 0) << 2) | ((k.rujukan_ke IS NOT NULL OR k.layanan <> 0) << 3))"
    "  FROM tpk_kunjungan k WHERE k.individu_id = t.individu_id"
    "  AND k.tanggal BETWEEN ?3 AND ?2), 0) AS kv,"
    " CASE WHEN t.jenis = 'baduta' THEN coalesce((SELECT max(1"
    "  | (coalesce(g.z_tbu < -2 AND g.f_tbu = 0 OR g.t2 OR g.bgm, 0) << 1)"
    "  | (coalesce(g.rujukan OR coalesce(g.pmt_kg, 0) > 0, 0) << 2))"
    "  FROM pengukuran g WHERE g.anak_id = t.individu_id"
    "  AND g.tanggal BETWEEN ?3 AND ?2), 0) ELSE 0 END AS gv,"
    " coalesce((SELECT max(1 | ((coalesce(k.status_rujukan, 'menunggu')"
    "  NOT IN ('selesai', 'tidak_datang')) << 1)) FROM tpk_kunjungan k"
    "  WHERE k.individu_id = t.individu_id AND k.rujukan_ke IS NOT NULL AND k.tanggal <= ?2"
    "  AND k.tanggal > date(?2, '-3 months')), 0) AS rv,"
    " EXISTS (SELECT 1 FROM tpk_sasaran a WHERE a.individu_id = t.individu_id"
    "  AND a.jenis = t.jenis AND a.mulai <= ?2) AS ditetapkan"
    " FROM t CROSS JOIN individu i ON i.id = t.individu_id),"
    " y AS (SELECT desa, jenis, terdata, kv, gv, rv, ditetapkan,"
    "  (risiko OR kv & 4 OR gv & 2) <> 0 AS berisiko, (kv & 8 OR gv & 4) <> 0 AS dilayani FROM x),"
    " a AS (SELECT desa,"
    " sum(jenis IN ('bumil', 'nifas') AND kv & 2 <> 0) AS bn_ya,"
    " sum(jenis IN ('bumil', 'nifas')) AS bn_n,"
    " sum(jenis = 'baduta' AND gv & 1 <> 0) AS bd_ya, sum(jenis = 'baduta') AS bd_n,"
    " sum(terdata) AS td_ya, count(*) AS n, sum(ditetapkan AND kv & 1 <> 0) AS dd_ya,"
    " sum(berisiko AND dilayani) AS ly_ya, sum(berisiko) AS ly_n,"
    " sum(rv = 1) AS tp_ya, sum(rv <> 0) AS tp_n FROM y GROUP BY desa),"
    " c AS (SELECT i.desa AS desa, count(*) AS n, sum(EXISTS (SELECT 1 FROM catin c2"
    "  WHERE c2.individu_id = c.individu_id"
    "  AND COALESCE(c2.tepat_waktu, c2.tgl_periksa <= date(c.nikah, '-3 months')))) AS ya"
    "  FROM (SELECT individu_id, max(COALESCE(tgl_nikah, tgl_rencana_nikah)) AS nikah FROM catin"
    "  GROUP BY individu_id) c CROSS JOIN individu i ON i.id = c.individu_id"
    "  WHERE" IN_AREA(
        "i.desa") " AND c.nikah BETWEEN ?3 AND ?2 GROUP BY i.desa)"
                  " SELECT w.kode, w.nama, coalesce(c.ya, 0), coalesce(c.n, 0),"
                  " coalesce(a.bn_ya, 0), coalesce(a.bn_n, 0), coalesce(a.bd_ya, 0),"
                  " coalesce(a.bd_n, 0), coalesce(a.td_ya, 0), coalesce(a.n, 0),"
                  " coalesce(a.dd_ya, 0), coalesce(a.n, 0), coalesce(a.ly_ya, 0),"
                  " coalesce(a.ly_n, 0), coalesce(a.tp_ya, 0), coalesce(a.tp_n, 0)"
                  " FROM wilayah w LEFT JOIN a ON a.desa = w.kode LEFT JOIN c ON c.desa = w.kode"
                  " WHERE w.tingkat = 4 AND" IN_AREA("w.kode") " ORDER BY w.kode";

int tb_store_standar_pasti(tb_store *s, const char *wilayah, const char *month,
                           int (*fn)(void *ctx, const tb_sp_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, SP_SQL);
    if (!st)
        return -1;
    char a[11], b[11];
    month_bounds(month, a, b);
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, a, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_sp_row r;
        memset(&r, 0, sizeof r);
        r.desa = (const char *)sqlite3_column_text(st, 0);
        r.nama = (const char *)sqlite3_column_text(st, 1);
        for (int k = 0; k < TB_SP_COUNT; k++) {
            r.ya[k] = sqlite3_column_int64(st, 2 + 2 * k);
            r.n[k] = sqlite3_column_int64(st, 3 + 2 * k);
        }
        if (fn(ctx, &r))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "laporan 3 standar 4 PASTI: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_checklist_active(tb_store *s, char versi[32], tb_checklist_item *items, int max)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT v.versi, c.daftar, c.kode, c.label FROM ref_versi v JOIN ref_checklist c"
           " ON c.versi = v.versi WHERE v.jenis = 'checklist' AND v.aktif = 1"
           " ORDER BY c.daftar, c.urutan");
    if (!st)
        return -1;
    int n = 0, rc;
    versi[0] = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
        tb_store_col_text(st, 0, versi, 32);
        tb_store_col_text(st, 1, items[n].daftar, sizeof items[n].daftar);
        tb_store_col_text(st, 2, items[n].kode, sizeof items[n].kode);
        tb_store_col_text(st, 3, items[n].label, sizeof items[n].label);
        n++;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? n
               : tb_store_fail(s, "ref_checklist: %s", sqlite3_errmsg(tb_store_db(s)));
}
