/*
 * rapat.c - meetings, problems, actions and their reviews (see rapat.h).
 */
#include "store/rapat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "store/internal.h"
#include "tb_date.h"

/* SQL: is column X the area bound as ?N or under it? */
#define IN_AREA(X, N) " (" X " = ?" N " OR " X " LIKE ?" N " || '.%')"

static const char *const TAHAP[7] = {"",
                                     "Sosialisasi target RAN PASTI",
                                     "Target pendampingan per desa",
                                     "Rancangan Kampung KB",
                                     "Kinerja TPK",
                                     "Pemeriksaan aksi di desa",
                                     "Evaluasi Desember"};

const char *tb_rapat_tahap_label(int tahap)
{
    return tahap >= 1 && tahap <= 6 ? TAHAP[tahap] : "";
}

int tb_rapat_level(const char *dasar)
{
    if (!dasar)
        return -1;
    if (!strcmp(dasar, "minilok"))
        return 3;
    if (!strcmp(dasar, "rakor") || !strcmp(dasar, "audit_kasus"))
        return 2;
    return !strcmp(dasar, "rembuk") ? 0 : -1;
}

/* Audits a write: action on table row id, with a JSON {"k": v} of one text. */
static int audit(tb_store *s, long user, const char *action, const char *table, long id,
                 const char *key, const char *value)
{
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    tb_buf b = {0};
    tb_buf_printf(&b, "{\"%s\":", key);
    tb_buf_json_str(&b, value ? value : "");
    tb_buf_puts(&b, "}");
    int rc = tb_store_audit(s, user, action, table, row, NULL, b.data);
    tb_buf_free(&b);
    return rc < 0 ? -1 : 0;
}

/* Steps a prepared write inside its own transaction with its audit record;
 * *id gets the new row id. 0 or -1. */
static int write_one(tb_store *s, sqlite3_stmt *st, long user, const char *table, long *id,
                     long known_id, const char *key, const char *value)
{
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, table);
    sqlite3_reset(st);
    long nid = known_id > 0 ? known_id : (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0 && known_id > 0 && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "%s %ld tidak ditemukan", table, known_id);
    if (rc == 0)
        rc = audit(s, user, known_id > 0 ? "ubah" : "tambah", table, nid, key, value);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (id)
        *id = nid;
    return tb_store_commit(s);
}

int tb_store_rapat_jenis_each(tb_store *s,
                              int (*fn)(void *ctx, const char *kode, const char *nama,
                                        const char *dasar, int tahapan),
                              void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT kode, nama, dasar, tahapan FROM rapat_jenis ORDER BY nama");
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
               sqlite3_column_int(st, 3)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "rapat_jenis");
}

int tb_store_rapat_jenis_add(tb_store *s, long user, const char *kode, const char *nama,
                             const char *dasar, int tahapan)
{
    if (!kode || !*kode || strlen(kode) > 30 || !nama || !*nama)
        return tb_store_fail(s, "jenis rapat perlu kode (paling banyak 30 huruf) dan nama");
    if (tb_rapat_level(dasar) == -1)
        return tb_store_fail(s, "dasar jenis rapat '%s' tidak dikenal", dasar ? dasar : "");
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO rapat_jenis (kode, nama, dasar, tahapan)"
                                        " VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, dasar, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, tahapan ? 1 : 0);
    return write_one(s, st, user, "rapat_jenis", NULL, 0, "kode", kode);
}

int tb_store_rapat_jenis_get(tb_store *s, const char *kode, char *dasar, int *tahapan)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT dasar, tahapan FROM rapat_jenis WHERE kode = ?1");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kode);
    int rc = tb_store_step_one(s, st);
    if (rc == 1) {
        tb_store_col_text(st, 0, dasar, 16);
        *tahapan = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    return rc;
}

/* Why meeting r may not be saved (its kind and area level, date, title), or NULL. */
static const char *rapat_refusal(tb_store *s, tb_rapat *r, int *tahapan)
{
    if (!r->judul[0])
        return "judul rapat belum diisi";
    if (tb_date_iso(r->tanggal) == TB_DATE_NONE)
        return "tanggal rapat bukan tanggal (TTTT-BB-HH)";
    int f = tb_store_rapat_jenis_get(s, r->jenis_kode, r->jenis, tahapan);
    if (f <= 0)
        return f < 0 ? tb_store_error(s) : "jenis rapat tidak dikenal";
    if (!*tahapan)
        r->tahap = 0;
    if (r->tahap < 0 || r->tahap > 6)
        return "tahap lokakarya mini 1 sampai 6";
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT tingkat FROM wilayah WHERE kode = ?1");
    if (!st)
        return tb_store_error(s);
    tb_store_bind_text(st, 1, r->wilayah);
    f = tb_store_step_one(s, st);
    int tingkat = f == 1 ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    if (f <= 0)
        return f < 0 ? tb_store_error(s) : "wilayah rapat tidak ada";
    int want = tb_rapat_level(r->jenis);
    if (want > 0 ? tingkat != want : tingkat != 2 && tingkat != 4)
        return want == 3   ? "lokakarya mini diadakan di tingkat kecamatan"
               : want == 2 ? "rapat ini diadakan di tingkat kabupaten"
                           : "rembuk stunting diadakan di tingkat desa atau kabupaten";
    return NULL;
}

int tb_store_rapat_save(tb_store *s, long user, tb_rapat *r)
{
    int tahapan = 0;
    const char *why = rapat_refusal(s, r, &tahapan);
    if (why)
        return tb_store_fail(s, "%s", why);
    sqlite3_stmt *st = tb_store_stmt(
        s, r->id > 0 ? "UPDATE rapat SET jenis = ?1, jenis_kode = ?2, wilayah = ?3, tanggal = ?4,"
                       " judul = ?5, tempat = ?6, tahap = ?7, agenda = ?8, catatan = ?9"
                       " WHERE id = ?11"
                     : "INSERT INTO rapat (jenis, jenis_kode, wilayah, tanggal, judul, tempat,"
                       " tahap, agenda, catatan, dibuat_oleh)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, r->jenis, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, r->jenis_kode, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, r->wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, r->tanggal, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, r->judul, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 6, r->tempat);
    tb_store_bind_int(st, 7, r->tahap, 1);
    tb_store_bind_text(st, 8, r->agenda);
    tb_store_bind_text(st, 9, r->notulen);
    if (r->id > 0)
        sqlite3_bind_int64(st, 11, r->id);
    else
        tb_store_bind_int(st, 10, user, 1);
    return write_one(s, st, user, "rapat", &r->id, r->id, "judul", r->judul);
}

#define RAPAT_COLS                                                                                 \
    "r.id, r.jenis, COALESCE(r.jenis_kode, r.jenis), COALESCE(j.nama, r.jenis), r.wilayah,"        \
    " w.nama, r.tanggal, r.judul, r.tempat, COALESCE(r.tahap, 0), r.dibuat_oleh"
#define RAPAT_FROM                                                                                 \
    " FROM rapat r LEFT JOIN rapat_jenis j ON j.kode = COALESCE(r.jenis_kode, r.jenis)"            \
    " LEFT JOIN wilayah w ON w.kode = r.wilayah"

static void rapat_read(sqlite3_stmt *st, tb_rapat *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, r->jenis, sizeof r->jenis);
    tb_store_col_text(st, 2, r->jenis_kode, sizeof r->jenis_kode);
    tb_store_col_text(st, 3, r->jenis_nama, sizeof r->jenis_nama);
    tb_store_col_text(st, 4, r->wilayah, sizeof r->wilayah);
    tb_store_col_text(st, 5, r->wilayah_nama, sizeof r->wilayah_nama);
    tb_store_col_text(st, 6, r->tanggal, sizeof r->tanggal);
    tb_store_col_text(st, 7, r->judul, sizeof r->judul);
    tb_store_col_text(st, 8, r->tempat, sizeof r->tempat);
    r->tahap = sqlite3_column_int(st, 9);
    r->dibuat_oleh = sqlite3_column_int64(st, 10);
}

int tb_store_rapat_get(tb_store *s, long id, tb_rapat *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " RAPAT_COLS ", r.agenda, r.catatan" RAPAT_FROM
                                        " WHERE r.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1) {
        rapat_read(st, out);
        tb_store_col_text(st, 11, out->agenda, sizeof out->agenda);
        tb_store_col_text(st, 12, out->notulen, sizeof out->notulen);
    }
    if (st)
        sqlite3_reset(st);
    return rc;
}

int tb_store_rapat_each(tb_store *s, const char *wilayah, int limit,
                        int (*fn)(void *ctx, const tb_rapat *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT " RAPAT_COLS ", (SELECT count(*) FROM rapat_masalah m WHERE m.rapat_id = r.id),"
           " (SELECT count(*) FROM tindak_lanjut t WHERE t.rapat_id = r.id)" RAPAT_FROM
           " WHERE ?1 IS NULL OR" IN_AREA("r.wilayah", "1") " ORDER BY r.tanggal DESC, r.id DESC"
                                                            " LIMIT ?2");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int rc;
    tb_rapat r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rapat_read(st, &r);
        r.n_masalah = sqlite3_column_int(st, 11);
        r.n_tindakan = sqlite3_column_int(st, 12);
        if (fn(ctx, &r) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "rapat: daftar");
}

/* 1 when meeting id exists, else 0 with the error set (or -1). */
static int rapat_exists(tb_store *s, long id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM rapat WHERE id = ?1");
    int f = tb_store_step_id(s, st, id);
    if (st)
        sqlite3_reset(st);
    if (f == 0)
        tb_store_fail(s, "rapat %ld tidak ditemukan", id);
    return f == 1;
}

int tb_store_peserta_add(tb_store *s, long user, long rapat_id, const tb_peserta *p)
{
    if (!p->nama || !*p->nama)
        return tb_store_fail(s, "nama peserta belum diisi");
    if (!rapat_exists(s, rapat_id))
        return -1;
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO rapat_peserta (rapat_id, nama, jabatan,"
                                        " instansi, lembaga) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    sqlite3_bind_text(st, 2, p->nama, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, p->jabatan);
    tb_store_bind_text(st, 4, p->instansi);
    tb_store_bind_text(st, 5, p->lembaga);
    return write_one(s, st, user, "rapat_peserta", NULL, 0, "nama", p->nama);
}

int tb_store_peserta_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_peserta *p),
                          void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT p.id, p.nama, p.jabatan, COALESCE(l.nama, p.instansi), p.lembaga"
                         " FROM rapat_peserta p LEFT JOIN lembaga l ON l.kode = p.lembaga"
                         " WHERE p.rapat_id = ?1 ORDER BY p.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_peserta p = {sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                        (const char *)sqlite3_column_text(st, 2),
                        (const char *)sqlite3_column_text(st, 3),
                        (const char *)sqlite3_column_text(st, 4)};
        if (fn(ctx, &p) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "rapat_peserta");
}

int tb_store_keputusan_add(tb_store *s, long user, long rapat_id, const tb_keputusan *k)
{
    if (!k->jenis || (strcmp(k->jenis, "keputusan") && strcmp(k->jenis, "komitmen")))
        return tb_store_fail(s, "pilih keputusan atau komitmen");
    if (!k->uraian || !*k->uraian)
        return tb_store_fail(s, "uraian keputusan atau komitmen belum diisi");
    if (!rapat_exists(s, rapat_id))
        return -1;
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO rapat_keputusan (rapat_id, jenis, uraian,"
                                        " pihak, lembaga) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    sqlite3_bind_text(st, 2, k->jenis, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, k->uraian, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 4, k->pihak);
    tb_store_bind_text(st, 5, k->lembaga);
    return write_one(s, st, user, "rapat_keputusan", NULL, 0, "uraian", k->uraian);
}

int tb_store_keputusan_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_keputusan *k),
                            void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT k.id, k.jenis, k.uraian, COALESCE(k.pihak, l.nama), k.lembaga"
                         " FROM rapat_keputusan k LEFT JOIN lembaga l ON l.kode = k.lembaga"
                         " WHERE k.rapat_id = ?1 ORDER BY k.jenis DESC, k.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_keputusan k = {sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
                          (const char *)sqlite3_column_text(st, 2),
                          (const char *)sqlite3_column_text(st, 3),
                          (const char *)sqlite3_column_text(st, 4)};
        if (fn(ctx, &k) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "rapat_keputusan");
}

int tb_store_masalah_add(tb_store *s, long user, long rapat_id, const tb_masalah *m, bool naik,
                         long *id)
{
    if (!m->uraian || !*m->uraian)
        return tb_store_fail(s, "uraian masalah belum diisi");
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "SELECT (SELECT induk FROM wilayah WHERE kode = r.wilayah),"
        " ?2 IS NULL OR ?2 = r.wilayah OR ?2 LIKE r.wilayah || '.%' FROM rapat r WHERE r.id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    tb_store_bind_text(st, 2, m->desa);
    int f = tb_store_step_one(s, st);
    char induk[16] = "";
    int inside = f == 1 && sqlite3_column_int(st, 1);
    if (f == 1)
        tb_store_col_text(st, 0, induk, sizeof induk);
    sqlite3_reset(st);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "rapat %ld tidak ditemukan", rapat_id);
    if (!inside)
        return tb_store_fail(s, "desa masalah di luar wilayah rapat");
    if (naik && !induk[0])
        return tb_store_fail(s, "tidak ada tingkat di atas wilayah rapat ini");
    st = tb_store_stmt(s, "INSERT INTO rapat_masalah (rapat_id, uraian, desa, tema, naik_ke)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    sqlite3_bind_text(st, 2, m->uraian, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, m->desa);
    tb_store_bind_text(st, 4, m->tema);
    tb_store_bind_text(st, 5, naik ? induk : NULL);
    return write_one(s, st, user, "rapat_masalah", id, 0, "uraian", m->uraian);
}

int tb_store_masalah_naik(tb_store *s, long user, long rapat_id, long id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE rapat_masalah SET naik_ke = (SELECT w.induk FROM rapat r JOIN wilayah w"
           " ON w.kode = r.wilayah WHERE r.id = rapat_masalah.rapat_id)"
           " WHERE id = ?1 AND rapat_id = ?2 AND naik_ke IS NULL AND (SELECT w.induk FROM rapat r "
           "JOIN wilayah w"
           " ON w.kode = r.wilayah WHERE r.id = rapat_masalah.rapat_id) IS NOT NULL");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, rapat_id);
    return write_one(s, st, user, "rapat_masalah", NULL, id, "naik", "1");
}

int tb_store_masalah_jawab(tb_store *s, long user, long id, long rapat_id, const char *jawaban)
{
    if (!jawaban || !*jawaban)
        return tb_store_fail(s, "jawaban belum diisi");
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE rapat_masalah SET jawaban = ?3, jawaban_rapat_id = ?2"
                         " WHERE id = ?1 AND naik_ke = (SELECT wilayah FROM rapat WHERE id = ?2)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, rapat_id);
    sqlite3_bind_text(st, 3, jawaban, -1, SQLITE_TRANSIENT);
    return write_one(s, st, user, "rapat_masalah", NULL, id, "jawaban", jawaban);
}

#define MASALAH_COLS                                                                               \
    "m.id, m.rapat_id, m.uraian, m.desa, m.tema, dw.nama, m.naik_ke, m.jawaban,"                   \
    " m.jawaban_rapat_id, o.judul, o.tanggal, ow.nama,"                                            \
    " (SELECT group_concat(k.uraian, ' | ') FROM rapat_rekomendasi k WHERE k.masalah_id = m.id)"
#define MASALAH_FROM                                                                               \
    " FROM rapat_masalah m JOIN rapat o ON o.id = m.rapat_id"                                      \
    " LEFT JOIN wilayah ow ON ow.kode = o.wilayah LEFT JOIN wilayah dw ON dw.kode = m.desa"

static int masalah_walk(tb_store *s, sqlite3_stmt *st, long rapat_id,
                        int (*fn)(void *ctx, const tb_masalah *m), void *ctx)
{
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    int rc;
#define T(i) (const char *)sqlite3_column_text(st, i)
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_masalah m = {sqlite3_column_int64(st, 0),
                        sqlite3_column_int64(st, 1),
                        T(2),
                        T(3),
                        T(4),
                        T(5),
                        T(6),
                        T(7),
                        sqlite3_column_int64(st, 8),
                        T(9),
                        T(10),
                        T(11),
                        T(12)};
        if (fn(ctx, &m) < 0)
            break;
    }
#undef T
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "rapat_masalah");
}

int tb_store_masalah_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_masalah *m),
                          void *ctx)
{
    return masalah_walk(s,
                        tb_store_stmt(s, "SELECT " MASALAH_COLS MASALAH_FROM
                                         " WHERE m.rapat_id = ?1 ORDER BY m.id"),
                        rapat_id, fn, ctx);
}

int tb_store_masalah_naik_each(tb_store *s, long rapat_id,
                               int (*fn)(void *ctx, const tb_masalah *m), void *ctx)
{
    return masalah_walk(s,
                        tb_store_stmt(s, "SELECT " MASALAH_COLS MASALAH_FROM
                                         " JOIN rapat x ON x.id = ?1"
                                         " WHERE m.naik_ke = x.wilayah AND o.tanggal <= x.tanggal"
                                         " AND (m.jawaban IS NULL OR m.jawaban_rapat_id = x.id)"
                                         " ORDER BY o.tanggal, m.id"),
                        rapat_id, fn, ctx);
}

#define SAME_KIND(A, B)                                                                            \
    " COALESCE(" A ".jenis_kode, " A ".jenis) = COALESCE(" B ".jenis_kode, " B ".jenis)"

int tb_store_masalah_balik_each(tb_store *s, long rapat_id,
                                int (*fn)(void *ctx, const tb_masalah *m), void *ctx)
{
    return masalah_walk(
        s,
        tb_store_stmt(s,
                      "SELECT " MASALAH_COLS MASALAH_FROM " JOIN rapat x ON x.id = ?1"
                      " LEFT JOIN rapat j ON j.id = m.jawaban_rapat_id"
                      " WHERE m.naik_ke IS NOT NULL AND o.wilayah = x.wilayah"
                      " AND" SAME_KIND(
                          "o", "x") " AND o.tanggal < x.tanggal"
                                    " AND (m.jawaban IS NULL OR j.tanggal >= (SELECT max(p.tanggal)"
                                    "  FROM rapat p WHERE p.wilayah = x.wilayah AND" SAME_KIND(
                                        "p", "x") "  AND p.tanggal < x.tanggal))"
                                                  " ORDER BY o.tanggal, m.id"),
        rapat_id, fn, ctx);
}

int tb_store_rekomendasi_add(tb_store *s, long user, long rapat_id, long masalah_id,
                             const char *uraian, long *id)
{
    if (!uraian || !*uraian)
        return tb_store_fail(s, "uraian rekomendasi belum diisi");
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO rapat_rekomendasi (rapat_id, masalah_id, uraian)"
                         " SELECT ?1, ?2, ?3 FROM rapat WHERE id = ?1 AND (?2 IS NULL OR EXISTS"
                         " (SELECT 1 FROM rapat_masalah m WHERE m.id = ?2 AND m.rapat_id = ?1))");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    tb_store_bind_int(st, 2, masalah_id, 1);
    sqlite3_bind_text(st, 3, uraian, -1, SQLITE_TRANSIENT);
    if (tb_store_begin(s) < 0)
        return -1;
    int rc = tb_store_step_done(s, st, "rapat_rekomendasi");
    sqlite3_reset(st);
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "rapat atau masalahnya tidak ditemukan");
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0)
        rc = audit(s, user, "tambah", "rapat_rekomendasi", nid, "uraian", uraian);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (id)
        *id = nid;
    return tb_store_commit(s);
}

const char *tb_tindakan_status_store(const char *shown)
{
    static const char *const map[][2] = {{"belum", "baru"},      {"baru", "baru"},
                                         {"berjalan", "proses"}, {"proses", "proses"},
                                         {"selesai", "selesai"}, {"batal", "batal"}};
    for (size_t i = 0; shown && i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(shown, map[i][0]))
            return map[i][1];
    return NULL;
}

const char *tb_tindakan_status_label(const char *stored)
{
    if (!stored)
        return "";
    return !strcmp(stored, "baru") ? "belum" : !strcmp(stored, "proses") ? "berjalan" : stored;
}

bool tb_tindakan_sumber_ok(const char *sumber)
{
    static const char *const ok[] = {"APBDes", "APBD", "DAK", "BOK", "BOKB", "CSR", "lainnya"};
    for (size_t i = 0; sumber && i < sizeof ok / sizeof ok[0]; i++)
        if (!strcmp(sumber, ok[i]))
            return true;
    return false;
}

bool tb_tindakan_indikator_ok(const char *ind)
{
    return ind && (!strcmp(ind, "ds") || !strcmp(ind, "nd") || !strcmp(ind, "stunting") ||
                   !strcmp(ind, "terukur"));
}

/* Why action t may not be added, or NULL. */
static const char *tindakan_refusal(const tb_tindakan *t)
{
    if (!t->uraian || !*t->uraian)
        return "uraian tindakan belum diisi";
    if (!t->tenggat || tb_date_iso(t->tenggat) == TB_DATE_NONE)
        return "tenggat bukan tanggal (TTTT-BB-HH)";
    if ((!t->pj_nama || !*t->pj_nama) && (!t->pj_lembaga || !*t->pj_lembaga))
        return "penanggung jawab belum diisi (lembaga atau nama)";
    if (t->sumber_anggaran && *t->sumber_anggaran && !tb_tindakan_sumber_ok(t->sumber_anggaran))
        return "sumber anggaran: APBDes, APBD, DAK, BOK, BOKB, CSR atau lainnya";
    if (!isnan(t->anggaran) && t->anggaran < 0)
        return "anggaran tidak boleh negatif";
    if (t->indikator && *t->indikator) {
        if (!tb_tindakan_indikator_ok(t->indikator))
            return "indikator: ds, nd, stunting atau terukur";
        if (!t->indikator_wilayah || !*t->indikator_wilayah)
            return "wilayah indikator belum diisi";
        if (isnan(t->target_nilai) || t->target_nilai < 0 || t->target_nilai > 100)
            return "nilai target indikator 0 sampai 100 (%)";
        if (!t->target_bulan || strlen(t->target_bulan) != 7 || !tb_month_valid(t->target_bulan))
            return "bulan target indikator TTTT-BB";
    }
    return NULL;
}

int tb_store_tindakan_add(tb_store *s, long user, tb_tindakan *t)
{
    const char *why = tindakan_refusal(t);
    if (why)
        return tb_store_fail(s, "%s", why);
    if (!rapat_exists(s, t->rapat_id))
        return -1;
    if (t->masalah_id > 0) {
        sqlite3_stmt *c =
            tb_store_stmt(s, "SELECT 1 FROM rapat_masalah WHERE id = ?1 AND rapat_id = ?2");
        if (!c)
            return -1;
        sqlite3_bind_int64(c, 1, t->masalah_id);
        sqlite3_bind_int64(c, 2, t->rapat_id);
        int f = tb_store_step_one(s, c);
        sqlite3_reset(c);
        if (f <= 0)
            return f < 0 ? -1 : tb_store_fail(s, "masalah bukan dari rapat ini");
    }
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO tindak_lanjut (asal, rapat_id, masalah_id, rekomendasi_id, uraian,"
           " pelaksana, pj_lembaga, pj_nama, penanggung_jawab, wilayah, sumber_anggaran, anggaran,"
           " tenggat, status, target_volume, indikator, indikator_wilayah, target_nilai,"
           " target_bulan, dibuat_oleh, diperbarui)"
           " VALUES ('rapat', ?1, ?2, ?3, ?4, ?5, ?6, ?7, COALESCE(?7, (SELECT nama FROM lembaga"
           " WHERE kode = ?6), ?6), COALESCE(?8, (SELECT wilayah FROM rapat WHERE id = ?1)), ?9,"
           " ?10, ?11, 'baru', ?12, ?13, ?14, ?15, ?16, ?17, date('now'))");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, t->rapat_id);
    tb_store_bind_int(st, 2, t->masalah_id, 1);
    tb_store_bind_int(st, 3, t->rekomendasi_id, 1);
    sqlite3_bind_text(st, 4, t->uraian, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 5, t->pelaksana);
    tb_store_bind_text(st, 6, t->pj_lembaga);
    tb_store_bind_text(st, 7, t->pj_nama);
    tb_store_bind_text(st, 8, t->wilayah);
    tb_store_bind_text(st, 9, t->sumber_anggaran);
    tb_store_bind_real(st, 10, t->anggaran);
    sqlite3_bind_text(st, 11, t->tenggat, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 12, t->target_volume);
    bool ind = t->indikator && *t->indikator;
    tb_store_bind_text(st, 13, ind ? t->indikator : NULL);
    tb_store_bind_text(st, 14, ind ? t->indikator_wilayah : NULL);
    tb_store_bind_real(st, 15, ind ? t->target_nilai : NAN);
    tb_store_bind_text(st, 16, ind ? t->target_bulan : NULL);
    tb_store_bind_int(st, 17, user, 1);
    return write_one(s, st, user, "tindak_lanjut", &t->id, 0, "uraian", t->uraian);
}

#define TL_COLS                                                                                    \
    "t.id, t.rapat_id, t.masalah_id, t.rekomendasi_id, t.uraian, t.pelaksana, t.pj_lembaga,"       \
    " t.pj_nama, t.wilayah, t.sumber_anggaran, t.anggaran, t.tenggat, t.status, t.target_volume,"  \
    " t.indikator, t.indikator_wilayah, t.target_nilai, t.target_bulan, r.judul, r.tanggal,"       \
    " COALESCE(r.jenis_kode, r.jenis), r.wilayah, w.nama,"                                         \
    " COALESCE(m.uraian, (SELECT m2.uraian FROM rapat_rekomendasi k JOIN rapat_masalah m2"         \
    " ON m2.id = k.masalah_id WHERE k.id = t.rekomendasi_id)), lp.nama, lj.nama,"                  \
    " t.penanggung_jawab, t.bukti, COALESCE(v.akhir, t.diperbarui)"
#define TL_FROM                                                                                    \
    " FROM tindak_lanjut t LEFT JOIN rapat r ON r.id = t.rapat_id"                                 \
    " LEFT JOIN wilayah w ON w.kode = t.wilayah"                                                   \
    " LEFT JOIN rapat_masalah m ON m.id = t.masalah_id"                                            \
    " LEFT JOIN lembaga lp ON lp.kode = t.pelaksana LEFT JOIN lembaga lj ON lj.kode = "            \
    "t.pj_lembaga"                                                                                 \
    " LEFT JOIN (SELECT tindak_lanjut_id AS tid, max(tanggal) AS akhir"                            \
    "  FROM tindak_lanjut_tinjauan GROUP BY tindak_lanjut_id) v ON v.tid = t.id"
#define TL_OPEN " t.status IN ('baru', 'proses')"

static int tindakan_walk(tb_store *s, sqlite3_stmt *st, int (*fn)(void *ctx, const tb_tindakan *t),
                         void *ctx, int *n)
{
    int rc;
#define T(i) (const char *)sqlite3_column_text(st, i)
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_tindakan t = {.id = sqlite3_column_int64(st, 0),
                         .rapat_id = sqlite3_column_int64(st, 1),
                         .masalah_id = sqlite3_column_int64(st, 2),
                         .rekomendasi_id = sqlite3_column_int64(st, 3),
                         .uraian = T(4),
                         .pelaksana = T(5),
                         .pj_lembaga = T(6),
                         .pj_nama = T(7),
                         .wilayah = T(8),
                         .sumber_anggaran = T(9),
                         .anggaran = tb_store_col_real(st, 10),
                         .tenggat = T(11),
                         .status = T(12),
                         .target_volume = T(13),
                         .indikator = T(14),
                         .indikator_wilayah = T(15),
                         .target_nilai = tb_store_col_real(st, 16),
                         .target_bulan = T(17),
                         .rapat_judul = T(18),
                         .rapat_tanggal = T(19),
                         .rapat_jenis = T(20),
                         .rapat_wilayah = T(21),
                         .wilayah_nama = T(22),
                         .masalah = T(23),
                         .pelaksana_nama = T(24),
                         .pj_lembaga_nama = T(25),
                         .penanggung_jawab = T(26),
                         .bukti = T(27),
                         .terakhir_ditinjau = T(28)};
        if (n)
            (*n)++;
        if (fn(ctx, &t) < 0)
            break;
    }
#undef T
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "tindak_lanjut");
}

int tb_store_tindakan_get(tb_store *s, long id, int (*fn)(void *ctx, const tb_tindakan *t),
                          void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " TL_COLS TL_FROM " WHERE t.id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int n = 0;
    return tindakan_walk(s, st, fn, ctx, &n) < 0 ? -1 : n > 0;
}

int tb_store_tindakan_each(tb_store *s, const tb_tindakan_filter *f,
                           int (*fn)(void *ctx, const tb_tindakan *t), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "SELECT " TL_COLS TL_FROM " WHERE (?1 IS NULL OR" IN_AREA("t.wilayah", "1") " OR" IN_AREA(
            "r.wilayah", "1") ")"
                              " AND (?2 IS NULL OR t.pelaksana = ?2 OR t.pj_lembaga = ?2)"
                              " AND (?3 = 'all' OR (?3 IN ('open', 'overdue') AND" TL_OPEN
                              "  AND (?3 = 'open' OR t.tenggat < ?4))"
                              "  OR (?3 = 'closed' AND t.status IN ('selesai', 'batal')"
                              "  AND (?5 IS NULL OR COALESCE(v.akhir, t.diperbarui) >= ?5)))"
                              " AND (?6 IS NULL OR t.rapat_id = ?6)"
                              " AND (?7 IS NULL OR EXISTS (SELECT 1 FROM rapat c WHERE c.id = ?7"
                              "  AND c.wilayah = r.wilayah AND COALESCE(c.jenis_kode, c.jenis)"
                              "  = COALESCE(r.jenis_kode, r.jenis) AND r.tanggal < c.tanggal"
                              "  AND (" TL_OPEN " OR COALESCE(v.akhir, '') >= c.tanggal)))"
                              " AND (?8 IS NULL OR t.sumber_anggaran = ?8)"
                              " ORDER BY (" TL_OPEN " AND t.tenggat < ?4) DESC, t.tenggat, t.id");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, f->wilayah);
    tb_store_bind_text(st, 2, f->lembaga);
    sqlite3_bind_text(st, 3, f->status && *f->status ? f->status : "all", -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 4, f->today ? f->today : "9999-12-31");
    tb_store_bind_text(st, 5, f->since);
    tb_store_bind_int(st, 6, f->rapat_id, 1);
    tb_store_bind_int(st, 7, f->carry_rapat_id, 1);
    tb_store_bind_text(st, 8, f->sumber);
    return tindakan_walk(s, st, fn, ctx, NULL);
}

int tb_store_tindakan_tinjau(tb_store *s, long user, const tb_tinjauan *v)
{
    const char *status = tb_tindakan_status_store(v->status);
    if (!status)
        return tb_store_fail(s, "status: belum, berjalan, selesai atau batal");
    if (!v->tanggal || tb_date_iso(v->tanggal) == TB_DATE_NONE)
        return tb_store_fail(s, "tanggal tinjauan bukan tanggal (TTTT-BB-HH)");
    if (!strcmp(status, "selesai") && (!v->bukti || !*v->bukti))
        return tb_store_fail(s, "tindakan selesai perlu bukti (uraian atau nama berkas)");
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE tindak_lanjut SET status = ?2, bukti = COALESCE(?3, bukti), diperbarui = ?4,"
           " ditinjau_rapat_id = COALESCE(?5, ditinjau_rapat_id) WHERE id = ?1");
    if (!st || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, v->tindak_lanjut_id);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, v->bukti);
    sqlite3_bind_text(st, 4, v->tanggal, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 5, v->rapat_id, 1);
    int rc = tb_store_step_done(s, st, "tindak_lanjut");
    sqlite3_reset(st);
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "tindakan %ld tidak ditemukan", v->tindak_lanjut_id);
    st = rc == 0 ? tb_store_stmt(s, "INSERT INTO tindak_lanjut_tinjauan (tindak_lanjut_id,"
                                    " rapat_id, tanggal, status, kemajuan, bukti, oleh, peninjau)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                 : NULL;
    if (st) {
        sqlite3_bind_int64(st, 1, v->tindak_lanjut_id);
        tb_store_bind_int(st, 2, v->rapat_id, 1);
        sqlite3_bind_text(st, 3, v->tanggal, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, status, -1, SQLITE_TRANSIENT);
        tb_store_bind_text(st, 5, v->kemajuan);
        tb_store_bind_text(st, 6, v->bukti);
        tb_store_bind_int(st, 7, user, 1);
        tb_store_bind_text(st, 8, v->peninjau);
        rc = tb_store_step_done(s, st, "tindak_lanjut_tinjauan");
        sqlite3_reset(st);
    } else {
        rc = -1;
    }
    if (rc == 0)
        rc = audit(s, user, "ubah", "tindak_lanjut", v->tindak_lanjut_id, "status", status);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}

int tb_store_tinjauan_each(tb_store *s, long tindak_lanjut_id,
                           int (*fn)(void *ctx, const tb_tinjauan *v), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT v.id, v.tindak_lanjut_id, COALESCE(v.rapat_id, 0), v.tanggal, v.status,"
           " v.kemajuan, v.bukti, COALESCE(v.peninjau, p.nama) FROM tindak_lanjut_tinjauan v"
           " LEFT JOIN pengguna p ON p.id = v.oleh WHERE v.tindak_lanjut_id = ?1"
           " ORDER BY v.tanggal, v.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tindak_lanjut_id);
    int rc;
#define T(i) (const char *)sqlite3_column_text(st, i)
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_tinjauan v = {sqlite3_column_int64(st, 0),
                         sqlite3_column_int64(st, 1),
                         sqlite3_column_int64(st, 2),
                         T(3),
                         T(4),
                         T(5),
                         T(6),
                         T(7)};
        if (fn(ctx, &v) < 0)
            break;
    }
#undef T
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "tinjauan");
}

int tb_store_jadwal_add(tb_store *s, long user, const tb_jadwal *j)
{
    if (!j->kegiatan || !*j->kegiatan)
        return tb_store_fail(s, "kegiatan belum diisi");
    if (j->minggu < 0 || j->minggu > 15)
        return tb_store_fail(s, "minggu 1 sampai 4");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO tindak_lanjut_jadwal (tindak_lanjut_id, kegiatan, pelaksana,"
           " penanggung_jawab, minggu) SELECT ?1, ?2, ?3, ?4, ?5 FROM tindak_lanjut WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, j->tindak_lanjut_id);
    sqlite3_bind_text(st, 2, j->kegiatan, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, j->pelaksana);
    tb_store_bind_text(st, 4, j->penanggung_jawab);
    sqlite3_bind_int(st, 5, j->minggu);
    return write_one(s, st, user, "tindak_lanjut_jadwal", NULL, 0, "kegiatan", j->kegiatan);
}

int tb_store_jadwal_each(tb_store *s, long tindak_lanjut_id,
                         int (*fn)(void *ctx, const tb_jadwal *j), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT id, tindak_lanjut_id, kegiatan, pelaksana, penanggung_jawab,"
           " minggu FROM tindak_lanjut_jadwal WHERE tindak_lanjut_id = ?1 ORDER BY id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tindak_lanjut_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_jadwal j = {sqlite3_column_int64(st, 0),
                       sqlite3_column_int64(st, 1),
                       (const char *)sqlite3_column_text(st, 2),
                       (const char *)sqlite3_column_text(st, 3),
                       (const char *)sqlite3_column_text(st, 4),
                       sqlite3_column_int(st, 5)};
        if (fn(ctx, &j) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "jadwal");
}

int tb_store_lembaga_add(tb_store *s, long user, const tb_lembaga *l)
{
    if (!l->kode || !*l->kode || !l->nama || !*l->nama || !l->wilayah || !*l->wilayah)
        return tb_store_fail(s, "lembaga perlu kode, nama dan wilayah");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO lembaga (kode, nama, jenis, wilayah) VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, l->kode, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, l->nama, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, l->jenis);
    sqlite3_bind_text(st, 4, l->wilayah, -1, SQLITE_TRANSIENT);
    return write_one(s, st, user, "lembaga", NULL, 0, "kode", l->kode);
}

int tb_store_lembaga_each(tb_store *s, const char *wilayah,
                          int (*fn)(void *ctx, const tb_lembaga *l), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT kode, nama, jenis, wilayah FROM lembaga"
           " WHERE kode NOT IN (SELECT kode FROM lembaga_nonaktif) AND (?1 IS NULL"
           " OR" IN_AREA("wilayah", "1") " OR ?1 LIKE wilayah || '.%') ORDER BY jenis, nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_lembaga l = {
            (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3)};
        if (fn(ctx, &l) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "lembaga");
}

int tb_store_pengguna_lembaga(tb_store *s, long id, char *kode, size_t n)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT lembaga FROM pengguna_lembaga WHERE pengguna_id = ?1");
    int rc = tb_store_step_id(s, st, id);
    kode[0] = 0;
    if (rc == 1)
        tb_store_col_text(st, 0, kode, n);
    if (st)
        sqlite3_reset(st);
    return rc;
}

int tb_store_pengguna_lembaga_set(tb_store *s, long by, long id, const char *kode)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO pengguna_lembaga (pengguna_id, lembaga) SELECT ?1, kode FROM lembaga"
           " WHERE kode = ?2 ON CONFLICT (pengguna_id) DO UPDATE SET lembaga = excluded.lembaga");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, kode);
    if (tb_store_begin(s) < 0)
        return -1;
    int rc = tb_store_step_done(s, st, "pengguna_lembaga");
    sqlite3_reset(st);
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "lembaga '%s' tidak ada", kode ? kode : "");
    if (rc == 0)
        rc = audit(s, by, "ubah", "pengguna_lembaga", id, "lembaga", kode);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}
