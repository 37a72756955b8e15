/*
 * audit_kasus.c - the stunting case audit in the store (audit_kasus.h).
 */
#include "store/audit_kasus.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/internal.h"

#define IN_AREA(X, N) " (" X " = ?" N " OR " X " LIKE ?" N " || '.%')"

void tb_aks_semester(const char *date, char out[8])
{
    int y = date ? atoi(date) : 0, m = date && strlen(date) >= 7 ? atoi(date + 5) : 0;
    snprintf(out, 8, "%04d-%d", y % 10000, m >= 7 ? 2 : 1);
}

bool tb_aks_semester_label(const char *semester, char *out, size_t n)
{
    if (!semester || strlen(semester) != 6 || semester[4] != '-' ||
        (semester[5] != '1' && semester[5] != '2'))
        return false;
    for (int i = 0; i < 4; i++)
        if (semester[i] < '0' || semester[i] > '9')
            return false;
    snprintf(out, n, "Semester %s %.4s", semester[5] == '1' ? "I" : "II", semester);
    return true;
}

/* Audits a write on kasus_aks (or audit_tim) row id with JSON before/after. */
static int audit(tb_store *s, long user, const char *action, const char *table, const char *row,
                 const char *before, const char *after)
{
    return tb_store_audit(s, user, action, table, row, before, after) < 0 ? -1 : 0;
}

/* Ends a transaction: commit when rc is 0, else roll back. Returns rc or -1. */
static int finish(tb_store *s, int rc)
{
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s) < 0 ? -1 : 0;
}

int tb_store_aks_tim_has(tb_store *s, long user, const char *kabupaten)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM audit_tim t JOIN pengguna p ON"
                                        " p.id = t.pengguna_id AND p.aktif = 1"
                                        " WHERE t.pengguna_id = ?1 AND t.kabupaten = ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 2, kabupaten ? kabupaten : "", -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_id(s, st, user);
    sqlite3_reset(st);
    return rc;
}

int tb_store_aks_tim_set(tb_store *s, long by, long id, const char *kabupaten, const char *peran)
{
    if (!peran ||
        (strcmp(peran, "teknis") && strcmp(peran, "pakar") && strcmp(peran, "sekretariat")))
        return tb_store_fail(s, "peran tim: teknis, pakar atau sekretariat");
    sqlite3_stmt *chk = tb_store_stmt(
        s, "SELECT 1 FROM pengguna WHERE id = ?1 AND aktif = 1 AND" IN_AREA("wilayah", "2"));
    if (!chk)
        return -1;
    sqlite3_bind_text(chk, 2, kabupaten, -1, SQLITE_TRANSIENT);
    int f = tb_store_step_id(s, chk, id);
    sqlite3_reset(chk);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "pengguna tidak aktif atau di luar kabupaten");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO audit_tim (pengguna_id, kabupaten, peran) VALUES (?1, ?2, ?3)"
           " ON CONFLICT (pengguna_id, kabupaten) DO UPDATE SET peran = excluded.peran");
    if (!st || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, kabupaten, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, peran, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_done(s, st, "audit_tim");
    sqlite3_reset(st);
    char row[64], after[96];
    snprintf(row, sizeof row, "%ld/%s", id, kabupaten);
    snprintf(after, sizeof after, "{\"peran\":\"%s\"}", peran);
    return finish(s, rc ? rc : audit(s, by, "ubah", "audit_tim", row, NULL, after));
}

int tb_store_aks_tim_hapus(tb_store *s, long by, long id, const char *kabupaten)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "DELETE FROM audit_tim WHERE pengguna_id = ?1 AND kabupaten = ?2");
    if (!st || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, kabupaten, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_done(s, st, "audit_tim");
    sqlite3_reset(st);
    if (!rc && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "pengguna itu bukan anggota tim audit");
    char row[64];
    snprintf(row, sizeof row, "%ld/%s", id, kabupaten);
    return finish(s, rc ? rc : audit(s, by, "hapus", "audit_tim", row, NULL, NULL));
}

int tb_store_aks_tim_each(tb_store *s, const char *kabupaten,
                          int (*fn)(void *ctx, long id, const char *username, const char *nama,
                                    const char *peran, const char *tim),
                          void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT p.id, p.username, p.nama, p.peran, t.peran FROM audit_tim t JOIN pengguna p"
           " ON p.id = t.pengguna_id WHERE t.kabupaten = ?1 ORDER BY p.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kabupaten, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
               (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
               (const char *)sqlite3_column_text(st, 4)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "audit_tim");
}

/* Numbers with a decimal comma, '-' when missing. */
#define NUM(X) "COALESCE(replace(CAST(" X " AS TEXT), '.', ','), '-')"
/* z-scores with a decimal comma */
#define ZS(X) "replace(printf('%.2f', " X "), '.', ',')"
/* The latest measurement of each child under five of the area, when it is
 * of the last 12 months, with the TB/U before it (children walked, their
 * latest row found by the (anak_id, tanggal) index; computed once).
 * ?1 area, ?2 today. */
/* clang-format off */
#define LATEST                                                                                     \
    "m AS MATERIALIZED (SELECT p.anak_id, p.tanggal, p.z_tbu, p.z_bbtb, p.naik, p.t2,"             \
    "  (SELECT x.z_tbu FROM pengukuran x WHERE x.anak_id = p.anak_id AND x.tanggal < p.tanggal"    \
    "   AND x.z_tbu IS NOT NULL ORDER BY x.tanggal DESC LIMIT 1) AS z_prev"                        \
    " FROM individu i JOIN anak a ON a.individu_id = i.id"                                         \
    " JOIN pengukuran p ON p.anak_id = i.id AND p.tanggal ="                                       \
    "  (SELECT max(y.tanggal) FROM pengukuran y WHERE y.anak_id = i.id)"                           \
    " WHERE" IN_AREA("i.desa", "1") " AND i.tgl_lahir > date(?2, '-60 months')"                    \
    "  AND p.tanggal >= date(?2, '-12 months')"                                                    \
    "  AND COALESCE((SELECT s.status FROM anak_status s WHERE s.individu_id = i.id"                \
    "   ORDER BY s.tanggal DESC LIMIT 1), 'aktif') = 'aktif')"
/* clang-format on */
#define FALTER "(m.t2 = 1 OR m.naik = 'T' OR COALESCE(m.z_prev - m.z_tbu >= 0.3, 0))"
#define FALTER_TEXT                                                                                \
    " || CASE WHEN m.t2 = 1 THEN '; 2T (BB tidak naik 2 kali)' WHEN m.naik = 'T'"                  \
    "  THEN '; BB tidak naik' ELSE '' END || CASE WHEN m.z_prev - m.z_tbu >= 0.3"                  \
    "  THEN '; TB/U turun ' || " ZS("m.z_prev - m.z_tbu") " ELSE '' END"
#define CHILD(JENIS, COND, TEXT)                                                                   \
    " SELECT i.id AS iid, 0 AS kid, '" JENIS "' AS jenis, CASE WHEN i.tgl_lahir >"                 \
    "  date(?2, '-24 months') THEN 'baduta' ELSE 'balita' END AS kategori, i.nama, i.desa,"        \
    "  i.tgl_lahir, " TEXT FALTER_TEXT " AS kriteria, " FALTER " AS goyah, i.keluarga_id"          \
    " FROM m JOIN individu i ON i.id = m.anak_id WHERE " COND

/* clang-format off */
static const char *const KANDIDAT_SQL =
    "WITH " LATEST ", c AS ("
    CHILD("stunting", "m.z_tbu < -2", "'TB/U ' || " ZS("m.z_tbu") " || ' SD (' || m.tanggal || ')'")
    " UNION ALL"
    CHILD("wasting", "m.z_bbtb < -2", "'BB/TB ' || " ZS("m.z_bbtb") " || ' SD (' || m.tanggal || ')'")
    " UNION ALL SELECT i.id, h.id, 'bumil', 'bumil', i.nama, i.desa, i.tgl_lahir,"
    "  substr(CASE WHEN h.kek THEN '; KEK (LILA ' || " NUM("h.lila") " || ' cm)' ELSE '' END"
    "  || CASE WHEN h.anemia THEN '; anemia (Hb ' || " NUM("h.hb") " || ')' ELSE '' END"
    "  || CASE WHEN h.risti THEN '; risiko tinggi' ELSE '' END"
    "  || '; HPL ' || COALESCE(h.hpl, '-'), 3), 0, i.keluarga_id"
    " FROM kehamilan h JOIN individu i ON i.id = h.ibu_id"
    " WHERE" IN_AREA("i.desa", "1") " AND h.tgl_persalinan IS NULL AND h.hpl >= ?2"
    "  AND (h.kek OR h.anemia OR h.risti)"
    " UNION ALL SELECT i.id, 0, 'catin', 'catin', i.nama, i.desa, i.tgl_lahir,"
    "  'berisiko (' || k.tgl_periksa || ')' || COALESCE(': ' || k.faktor, ''), 0, i.keluarga_id"
    " FROM catin k JOIN individu i ON i.id = k.individu_id"
    " WHERE" IN_AREA("i.desa", "1") " AND k.hasil = 'berisiko' AND k.tgl_periksa >="
    "  date(?2, '-12 months') AND k.tgl_periksa = (SELECT max(z.tgl_periksa) FROM catin z"
    "  WHERE z.individu_id = k.individu_id))"
    " SELECT c.iid, c.kid, c.jenis, c.kategori, c.nama, c.desa, w.nama, c.tgl_lahir, c.kriteria,"
    "  c.goyah, COALESCE(f.krs, 0) FROM c LEFT JOIN wilayah w ON w.kode = c.desa"
    "  LEFT JOIN keluarga f ON f.id = c.keluarga_id"
    " WHERE (?3 IS NULL OR c.jenis = ?3) AND (?4 = 0 OR c.goyah)"
    "  AND NOT EXISTS (SELECT 1 FROM kasus_aks a WHERE a.individu_id = c.iid AND a.semester = ?5)"
    " ORDER BY c.jenis = 'catin', c.jenis = 'bumil', c.jenis = 'wasting', c.goyah DESC, c.desa,"
    "  c.nama LIMIT ?6";
/* clang-format on */

int tb_store_aks_kandidat_each(tb_store *s, const tb_aks_filter *f,
                               int (*fn)(void *ctx, const tb_aks_kandidat *k), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, KANDIDAT_SQL);
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, f->wilayah);
    tb_store_bind_text(st, 2, f->today);
    tb_store_bind_text(st, 3, f->jenis);
    sqlite3_bind_int(st, 4, f->goyah);
    sqlite3_bind_text(st, 5, f->semester ? f->semester : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 6, f->limit > 0 ? f->limit : 500);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_aks_kandidat k = {
            .individu_id = (long)sqlite3_column_int64(st, 0),
            .kehamilan_id = (long)sqlite3_column_int64(st, 1),
            .jenis = (const char *)sqlite3_column_text(st, 2),
            .kategori = (const char *)sqlite3_column_text(st, 3),
            .nama = (const char *)sqlite3_column_text(st, 4),
            .desa = (const char *)sqlite3_column_text(st, 5),
            .desa_nama = (const char *)sqlite3_column_text(st, 6),
            .tgl_lahir = (const char *)sqlite3_column_text(st, 7),
            .kriteria = (const char *)sqlite3_column_text(st, 8),
            .goyah = sqlite3_column_int(st, 9) != 0,
            .krs = sqlite3_column_int(st, 10) != 0,
        };
        if (fn(ctx, &k) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "kandidat audit kasus");
}

int tb_store_aks_pilih(tb_store *s, long user, long individu_id, long kehamilan_id,
                       const char *kategori, const char *kabupaten, const char *semester,
                       const char *kriteria, long *id)
{
    char label[32];
    if (!kabupaten || !*kabupaten || !tb_aks_semester_label(semester, label, sizeof label))
        return tb_store_fail(s, "kasus perlu kabupaten dan semester");
    sqlite3_stmt *chk = tb_store_stmt(
        s, "SELECT (SELECT count(*) FROM kasus_aks WHERE individu_id = ?1 AND semester = ?3),"
           " (SELECT count(*) FROM individu WHERE id = ?1 AND" IN_AREA("desa", "2") ")");
    if (!chk)
        return -1;
    sqlite3_bind_int64(chk, 1, individu_id);
    sqlite3_bind_text(chk, 2, kabupaten, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(chk, 3, semester, -1, SQLITE_TRANSIENT);
    int f = tb_store_step_one(s, chk);
    int dup = f == 1 ? sqlite3_column_int(chk, 0) : 0, in = f == 1 ? sqlite3_column_int(chk, 1) : 0;
    sqlite3_reset(chk);
    if (f < 0)
        return -1;
    if (!in)
        return tb_store_fail(s, "orang ini tidak tercatat di kabupaten ini");
    if (dup)
        return tb_store_fail(s, "orang ini sudah menjadi kasus audit %s", label);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kasus_aks (individu_id, kehamilan_id, kategori, semester, kabupaten,"
           " kriteria, dipilih, dipilih_oleh, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
           " date('now'), ?7, 'dipilih')");
    if (!st || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, individu_id);
    tb_store_bind_int(st, 2, kehamilan_id, 1);
    tb_store_bind_text(st, 3, kategori);
    sqlite3_bind_text(st, 4, semester, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, kabupaten, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 6, kriteria);
    tb_store_bind_int(st, 7, user, 1);
    int rc = tb_store_step_done(s, st, "kasus_aks");
    sqlite3_reset(st);
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[32];
    snprintf(row, sizeof row, "%ld", nid);
    tb_buf b = {0};
    tb_buf_printf(&b, "{\"individu_id\":%ld,\"kategori\":", individu_id);
    tb_buf_json_str(&b, kategori ? kategori : "");
    tb_buf_printf(&b, ",\"semester\":\"%s\",\"kriteria\":", semester);
    tb_buf_json_str(&b, kriteria ? kriteria : "");
    tb_buf_puts(&b, "}");
    rc = finish(s, rc ? rc : audit(s, user, "tambah", "kasus_aks", row, NULL, b.data));
    tb_buf_free(&b);
    if (!rc && id)
        *id = nid;
    return rc;
}

#define AKS_COLS                                                                                   \
    "a.id, a.individu_id, COALESCE(a.kehamilan_id, 0), COALESCE(a.rapat_id, 0), a.kategori,"       \
    " a.semester, a.kabupaten, a.status, a.kriteria, a.temuan, a.rekomendasi_pakar, a.hasil,"      \
    " a.tgl_diseminasi, a.dipilih, i.nama, i.desa, w.nama, i.tgl_lahir, r.judul,"                  \
    " COALESCE(i.jk, 0),"                                                                          \
    " (SELECT count(*) FROM tindak_lanjut t WHERE t.kasus_id = a.id),"                             \
    " (SELECT count(*) FROM tindak_lanjut t WHERE t.kasus_id = a.id"                               \
    "  AND t.status IN ('selesai', 'batal'))"
#define AKS_FROM                                                                                   \
    " FROM kasus_aks a JOIN individu i ON i.id = a.individu_id"                                    \
    " LEFT JOIN wilayah w ON w.kode = i.desa LEFT JOIN rapat r ON r.id = a.rapat_id"

static void aks_read(sqlite3_stmt *st, tb_aks *a)
{
    memset(a, 0, sizeof *a);
    a->id = (long)sqlite3_column_int64(st, 0);
    a->individu_id = (long)sqlite3_column_int64(st, 1);
    a->kehamilan_id = (long)sqlite3_column_int64(st, 2);
    a->rapat_id = (long)sqlite3_column_int64(st, 3);
    tb_store_col_text(st, 4, a->kategori, sizeof a->kategori);
    tb_store_col_text(st, 5, a->semester, sizeof a->semester);
    tb_store_col_text(st, 6, a->kabupaten, sizeof a->kabupaten);
    tb_store_col_text(st, 7, a->status, sizeof a->status);
    tb_store_col_text(st, 8, a->kriteria, sizeof a->kriteria);
    tb_store_col_text(st, 9, a->temuan, sizeof a->temuan);
    tb_store_col_text(st, 10, a->rekomendasi, sizeof a->rekomendasi);
    tb_store_col_text(st, 11, a->hasil, sizeof a->hasil);
    tb_store_col_text(st, 12, a->tgl_diseminasi, sizeof a->tgl_diseminasi);
    tb_store_col_text(st, 13, a->dipilih, sizeof a->dipilih);
    tb_store_col_text(st, 14, a->nama, sizeof a->nama);
    tb_store_col_text(st, 15, a->desa, sizeof a->desa);
    tb_store_col_text(st, 16, a->desa_nama, sizeof a->desa_nama);
    tb_store_col_text(st, 17, a->tgl_lahir, sizeof a->tgl_lahir);
    tb_store_col_text(st, 18, a->rapat_judul, sizeof a->rapat_judul);
    a->jk = sqlite3_column_int(st, 19);
    a->n_tindakan = sqlite3_column_int(st, 20);
    a->n_selesai = sqlite3_column_int(st, 21);
}

int tb_store_aks_get(tb_store *s, long id, tb_aks *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " AKS_COLS AKS_FROM " WHERE a.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1)
        aks_read(st, out);
    if (st)
        sqlite3_reset(st);
    return rc;
}

/* Walks the cases of st (bound by the caller) into fn. 0 or -1. */
static int aks_walk(tb_store *s, sqlite3_stmt *st, int (*fn)(void *ctx, const tb_aks *a), void *ctx)
{
    tb_aks *a = malloc(sizeof *a);
    if (!a) {
        sqlite3_reset(st);
        return tb_store_fail(s, "memori habis");
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        aks_read(st, a);
        if (fn(ctx, a) < 0)
            break;
    }
    free(a);
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "kasus_aks");
}

int tb_store_aks_each(tb_store *s, const char *kabupaten, const char *wilayah, const char *semester,
                      int (*fn)(void *ctx, const tb_aks *a), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT " AKS_COLS AKS_FROM " WHERE a.kabupaten = ?1 AND (?2 IS NULL OR" IN_AREA(
               "i.desa", "2") ") AND (?3 IS NULL OR a.semester = ?3)"
                              " ORDER BY a.semester DESC, a.kategori, i.desa, a.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kabupaten ? kabupaten : "", -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 2, wilayah);
    tb_store_bind_text(st, 3, semester);
    return aks_walk(s, st, fn, ctx);
}

int tb_store_aks_rapat_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_aks *a),
                            void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " AKS_COLS AKS_FROM
                                        " WHERE a.rapat_id = ?1 ORDER BY a.kategori, a.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    return aks_walk(s, st, fn, ctx);
}

int tb_store_aks_ubah(tb_store *s, long user, long id, const char *bagian, const char *value)
{
    static const struct {
        const char *bagian, *sql, *col;
    } P[] = {
        {"temuan",
         "UPDATE kasus_aks SET temuan = ?2, status = CASE WHEN status = 'dipilih' THEN 'dikaji'"
         " ELSE status END WHERE id = ?1",
         "temuan"},
        {"rekomendasi",
         "UPDATE kasus_aks SET rekomendasi_pakar = ?2, status = CASE WHEN status IN ('dipilih',"
         " 'dikaji') THEN 'direkomendasi' ELSE status END WHERE id = ?1",
         "rekomendasi_pakar"},
        {"hasil", "UPDATE kasus_aks SET hasil = ?2, status = 'selesai' WHERE id = ?1", "hasil"},
    };
    size_t i = 0;
    while (i < sizeof P / sizeof P[0] && (!bagian || strcmp(P[i].bagian, bagian)))
        i++;
    if (i == sizeof P / sizeof P[0])
        return tb_store_fail(s, "bagian kasus tidak dikenal");
    tb_aks *old = malloc(sizeof *old);
    int f = old ? tb_store_aks_get(s, id, old) : -1;
    if (f <= 0) {
        free(old);
        return f < 0 ? -1 : tb_store_fail(s, "kasus %ld tidak ditemukan", id);
    }
    const char *before_v = i == 0 ? old->temuan : i == 1 ? old->rekomendasi : old->hasil;
    tb_buf before = {0}, after = {0};
    tb_buf_printf(&before, "{\"%s\":", P[i].col);
    tb_buf_json_str(&before, before_v);
    tb_buf_printf(&before, ",\"status\":\"%s\"}", old->status);
    tb_buf_printf(&after, "{\"%s\":", P[i].col);
    tb_buf_json_str(&after, value ? value : "");
    tb_buf_puts(&after, "}");
    free(old);
    sqlite3_stmt *st = tb_store_stmt(s, P[i].sql);
    int rc = st && tb_store_begin(s) == 0 ? 0 : -1;
    if (!rc) {
        sqlite3_bind_int64(st, 1, id);
        tb_store_bind_text(st, 2, value);
        rc = tb_store_step_done(s, st, "kasus_aks");
        sqlite3_reset(st);
        char row[32];
        snprintf(row, sizeof row, "%ld", id);
        rc = finish(s, rc ? rc : audit(s, user, "ubah", "kasus_aks", row, before.data, after.data));
    }
    tb_buf_free(&before);
    tb_buf_free(&after);
    return rc;
}

int tb_store_aks_rapat(tb_store *s, long user, long id, long rapat_id)
{
    sqlite3_stmt *chk = tb_store_stmt(
        s, "SELECT r.tanggal FROM kasus_aks a JOIN rapat r ON r.id = ?2 AND r.jenis = 'audit_kasus'"
           " AND r.wilayah = a.kabupaten WHERE a.id = ?1");
    if (!chk)
        return -1;
    sqlite3_bind_int64(chk, 2, rapat_id);
    char tanggal[11] = "";
    int f = tb_store_step_id(s, chk, id);
    if (f == 1)
        tb_store_col_text(chk, 0, tanggal, sizeof tanggal);
    sqlite3_reset(chk);
    if (f <= 0)
        return f < 0 ? -1
                     : tb_store_fail(s, "rapat itu bukan rapat audit kasus kabupaten kasus ini");
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE kasus_aks SET rapat_id = ?2, tgl_diseminasi = ?3 WHERE id = ?1");
    sqlite3_stmt *tl = tb_store_stmt(
        s, "UPDATE tindak_lanjut SET rapat_id = ?2 WHERE kasus_id = ?1 AND rapat_id IS NULL");
    if (!st || !tl || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, rapat_id);
    sqlite3_bind_text(st, 3, tanggal, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_done(s, st, "kasus_aks");
    sqlite3_reset(st);
    sqlite3_bind_int64(tl, 1, id);
    sqlite3_bind_int64(tl, 2, rapat_id);
    if (!rc)
        rc = tb_store_step_done(s, tl, "tindak_lanjut");
    sqlite3_reset(tl);
    char row[32], after[96];
    snprintf(row, sizeof row, "%ld", id);
    snprintf(after, sizeof after, "{\"rapat_id\":%ld,\"tgl_diseminasi\":\"%s\"}", rapat_id,
             tanggal);
    return finish(s, rc ? rc : audit(s, user, "ubah", "kasus_aks", row, NULL, after));
}

int tb_store_aks_tindakan_add(tb_store *s, long user, long id, const char *uraian,
                              const char *pj_lembaga, const char *pj_nama, const char *tenggat,
                              const char *sumber, long *tid)
{
    if (!uraian || !*uraian || !tenggat || !*tenggat)
        return tb_store_fail(s, "tindakan perlu uraian dan tenggat");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO tindak_lanjut (asal, kasus_id, rapat_id, individu_id, uraian,"
           " penanggung_jawab, pj_lembaga, pj_nama, wilayah, sumber_anggaran, tenggat, status,"
           " dibuat_oleh, diperbarui)"
           " SELECT 'aks', a.id, a.rapat_id, a.individu_id, ?2,"
           "  COALESCE(NULLIF(?4, ''), (SELECT nama FROM lembaga WHERE kode = ?3), '-'), ?3, ?4,"
           "  i.desa, ?5, ?6, 'baru', ?7, date('now')"
           " FROM kasus_aks a JOIN individu i ON i.id = a.individu_id WHERE a.id = ?1");
    if (!st || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, uraian, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, pj_lembaga);
    tb_store_bind_text(st, 4, pj_nama);
    tb_store_bind_text(st, 5, sumber);
    sqlite3_bind_text(st, 6, tenggat, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 7, user, 1);
    int rc = tb_store_step_done(s, st, "tindak_lanjut");
    sqlite3_reset(st);
    if (!rc && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "kasus %ld tidak ditemukan", id);
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[32];
    snprintf(row, sizeof row, "%ld", nid);
    tb_buf b = {0};
    tb_buf_printf(&b, "{\"kasus_id\":%ld,\"uraian\":", id);
    tb_buf_json_str(&b, uraian);
    tb_buf_puts(&b, ",\"tenggat\":");
    tb_buf_json_str(&b, tenggat);
    tb_buf_puts(&b, "}");
    rc = finish(s, rc ? rc : audit(s, user, "tambah", "tindak_lanjut", row, NULL, b.data));
    tb_buf_free(&b);
    if (!rc && tid)
        *tid = nid;
    return rc;
}

int tb_store_aks_tindakan_each(tb_store *s, long id,
                               int (*fn)(void *ctx, long tid, const char *uraian, const char *pj,
                                         const char *tenggat, const char *status),
                               void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id, uraian, penanggung_jawab, tenggat, status FROM tindak_lanjut"
                         " WHERE kasus_id = ?1 ORDER BY tenggat, id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
               (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
               (const char *)sqlite3_column_text(st, 4)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "tindak_lanjut");
}

/* clang-format off */
static const char *const RIWAYAT_SQL =
    "WITH a AS (SELECT k.individu_id AS iid, i.keluarga_id AS kk, i.ibu_id AS ibu"
    "  FROM kasus_aks k JOIN individu i ON i.id = k.individu_id WHERE k.id = ?1),"
    " h AS (SELECT h.* FROM kehamilan h, a WHERE h.ibu_id = a.iid OR h.ibu_id = a.ibu)"
    " SELECT i.tgl_lahir, 'Kelahiran', 'BB lahir ' || " NUM("n.bb_lahir") " || ' g, PB lahir ' ||"
    "  " NUM("n.pb_lahir") " || ' cm, usia gestasi ' || " NUM("n.usia_gestasi") " || ' minggu'"
    "  FROM a JOIN anak n ON n.individu_id = a.iid JOIN individu i ON i.id = a.iid"
    " UNION ALL SELECT p.tanggal, 'Pengukuran', 'BB ' || " NUM("p.bb") " || ' kg, TB ' ||"
    "  " NUM("p.tb") " || ' cm; BB/U ' || COALESCE(p.kat_bbu, '-') || ', TB/U ' ||"
    "  COALESCE(p.kat_tbu, '-') || ' (' || " NUM("round(p.z_tbu, 2)") " || '), BB/TB ' ||"
    "  COALESCE(p.kat_bbtb, '-') || COALESCE('; naik: ' || p.naik, '')"
    "  || CASE WHEN p.t2 THEN '; 2T' ELSE '' END || CASE WHEN p.bgm THEN '; BGM' ELSE '' END"
    "  FROM a JOIN pengukuran p ON p.anak_id = a.iid"
    " UNION ALL SELECT COALESCE(h.hpht, h.hpl), CASE WHEN h.ibu_id = a.iid THEN 'Kehamilan'"
    "  ELSE 'Kehamilan ibu' END, 'HPL ' || COALESCE(h.hpl, '-') || '; LILA ' || " NUM("h.lila")
    "  || ' cm, Hb ' || " NUM("h.hb") " || CASE WHEN h.kek THEN '; KEK' ELSE '' END"
    "  || CASE WHEN h.anemia THEN '; anemia' ELSE '' END || CASE WHEN h.risti THEN"
    "  '; risiko tinggi' ELSE '' END || '; TTD ' || h.ttd_jumlah || ' tablet'"
    "  || CASE WHEN h.kelas_ibu THEN '; ikut kelas ibu' ELSE '' END"
    "  || COALESCE('; bersalin ' || h.tgl_persalinan || COALESCE(' di ' || h.tempat_persalinan,"
    "  ''), '') FROM a JOIN h"
    " UNION ALL SELECT v.tanggal, 'ANC', 'Kunjungan ANC ke-' || v.ke || COALESCE(' oleh ' ||"
    "  v.pemberi, '') FROM h JOIN kunjungan_anc v ON v.kehamilan_id = h.id"
    " UNION ALL SELECT c.tgl_periksa, 'Skrining catin', 'IMT ' || " NUM("c.imt") " || ', LILA ' ||"
    "  " NUM("c.lila") " || ' cm, Hb ' || " NUM("c.hb") " || '; ' || COALESCE(c.hasil, '-') ||"
    "  COALESCE(': ' || c.faktor, '') FROM a JOIN catin c ON c.individu_id = a.iid"
    " UNION ALL SELECT t.tanggal, 'Kunjungan TPK', 'Sasaran ' || t.sasaran ||"
    "  CASE WHEN t.individu_id = a.iid THEN '' ELSE ' (anggota keluarga lain)' END ||"
    "  COALESCE('; konseling: ' || t.konseling, '') || COALESCE('; dirujuk ke ' || t.rujukan_ke"
    "  || COALESCE(' (' || t.status_rujukan || ')', ''), '') || COALESCE('; bansos: ' ||"
    "  t.bansos, '') FROM a JOIN tpk_kunjungan t ON t.individu_id = a.iid"
    "  OR (a.kk IS NOT NULL AND t.keluarga_id = a.kk)"
    " UNION ALL SELECT x.tanggal, 'Status', x.status || COALESCE(': ' || x.catatan, '')"
    "  FROM a JOIN anak_status x ON x.individu_id = a.iid"
    " UNION ALL SELECT COALESCE(l.diperbarui, l.tenggat), 'Tindak lanjut', l.uraian || ' (' ||"
    "  l.status || ')' FROM a JOIN tindak_lanjut l ON l.individu_id = a.iid AND l.asal <> 'aks'"
    " ORDER BY 1, 2";
/* clang-format on */

int tb_store_aks_riwayat_each(tb_store *s, long id, int (*fn)(void *ctx, const tb_aks_riwayat *r),
                              void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, RIWAYAT_SQL);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_aks_riwayat r = {(const char *)sqlite3_column_text(st, 0),
                            (const char *)sqlite3_column_text(st, 1),
                            (const char *)sqlite3_column_text(st, 2)};
        if (fn(ctx, &r) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "riwayat kasus");
}

int tb_store_aks_keluarga_each(tb_store *s, long id,
                               int (*fn)(void *ctx, const char *label, const char *value),
                               void *ctx)
{
    static const char *const L[] = {"Nomor KK",
                                    "Desil kesejahteraan",
                                    "Sumber air minum",
                                    "Jamban",
                                    "Rumah layak huni",
                                    "Pendidikan ibu",
                                    "JKN",
                                    "Bantuan sosial",
                                    "Keluarga berisiko stunting",
                                    "Faktor risiko",
                                    "4T",
                                    "Diverifikasi"};
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT f.no_kk, f.desil, f.sumber_air, f.jamban,"
           " CASE f.rumah_layak WHEN 1 THEN 'ya' WHEN 0 THEN 'tidak' END, f.pendidikan_ibu, f.jkn,"
           " f.bansos, CASE WHEN f.krs THEN 'ya' ELSE 'tidak' END, f.krs_faktor,"
           " NULLIF(substr(CASE WHEN f.t4_muda THEN ', terlalu muda' ELSE '' END ||"
           " CASE WHEN f.t4_tua THEN ', terlalu tua' ELSE '' END || CASE WHEN f.t4_dekat THEN"
           " ', terlalu dekat' ELSE '' END || CASE WHEN f.t4_banyak THEN ', terlalu banyak'"
           " ELSE '' END, 3), ''), f.tgl_verifikasi"
           " FROM kasus_aks a JOIN individu i ON i.id = a.individu_id"
           " JOIN keluarga f ON f.id = i.keluarga_id WHERE a.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    for (int c = 0; rc == 1 && c < (int)(sizeof L / sizeof L[0]); c++) {
        const char *v = (const char *)sqlite3_column_text(st, c);
        if (v && *v && fn(ctx, L[c], v) < 0)
            break;
    }
    if (st)
        sqlite3_reset(st);
    return rc < 0 ? -1 : 0;
}
