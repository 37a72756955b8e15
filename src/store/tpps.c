/*
 * tpps.c - the TPPS, its agencies, the institutional map of the desa and the
 * 8 aksi konvergensi (see tpps.h).
 */
#include "store/tpps.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "store/internal.h"
#include "store/wilayah.h"

/* SQL: is column X the area bound as ?N or under it? */
#define IN_AREA(X, N) " (" X " = ?" N " OR " X " LIKE ?" N " || '.%')"

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Audits a write: action on table row key, with a JSON object of key/value
 * text pairs (NULL-terminated list). */
static int audit(tb_store *s, long user, const char *action, const char *table, const char *row,
                 const char *before, const char *const *kv)
{
    tb_buf b = {0};
    tb_buf_puts(&b, "{");
    for (int i = 0; kv[i]; i += 2) {
        tb_buf_printf(&b, "%s\"%s\":", i ? "," : "", kv[i]);
        tb_buf_json_str(&b, kv[i + 1] ? kv[i + 1] : "");
    }
    tb_buf_puts(&b, "}");
    int rc = tb_store_audit(s, user, action, table, row, before, b.data);
    tb_buf_free(&b);
    return rc < 0 ? -1 : 0;
}

/* Steps a prepared write in its own transaction with its audit record. */
static int write_audited(tb_store *s, sqlite3_stmt *st, long user, const char *action,
                         const char *table, const char *row, const char *before,
                         const char *const *kv)
{
    if (!st)
        return -1;
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, table);
    sqlite3_reset(st);
    if (rc == 0)
        rc = audit(s, user, action, table, row, before, kv);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}

static int finish(tb_store *s, sqlite3_stmt *st, int rc, const char *what)
{
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", what);
}

/* ---- institutions ---- */

static const char *const JENIS[][2] = {{"opd", "OPD"},
                                       {"puskesmas", "Puskesmas"},
                                       {"desa", "Pemerintah desa"},
                                       {"tpps_bidang", "Bidang TPPS"},
                                       {"lainnya", "Lainnya (instansi vertikal, organisasi)"}};

bool tb_lembaga_jenis_ok(const char *jenis)
{
    for (size_t i = 0; jenis && i < sizeof JENIS / sizeof JENIS[0]; i++)
        if (!strcmp(jenis, JENIS[i][0]))
            return true;
    return false;
}

const char *tb_lembaga_jenis_label(const char *jenis)
{
    for (size_t i = 0; jenis && i < sizeof JENIS / sizeof JENIS[0]; i++)
        if (!strcmp(jenis, JENIS[i][0]))
            return JENIS[i][1];
    return jenis ? jenis : "";
}

int tb_store_lembaga_list(tb_store *s, const char *wilayah, bool all,
                          int (*fn)(void *ctx, const tb_lembaga_info *l), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "SELECT kode, nama, jenis, wilayah, aktif FROM (SELECT l.*, n.kode IS NULL AS aktif"
        " FROM lembaga l LEFT JOIN lembaga_nonaktif n ON n.kode = l.kode)"
        " WHERE (?1 IS NULL OR" IN_AREA(
            "wilayah", "1") " OR ?1 LIKE wilayah || '.%')"
                            " AND (?2 OR aktif) ORDER BY aktif DESC, CASE jenis WHEN 'opd' THEN 0"
                            " WHEN 'tpps_bidang' THEN 1 WHEN 'lainnya' THEN 2 WHEN 'puskesmas' "
                            "THEN 3 ELSE 4 END,"
                            " nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    sqlite3_bind_int(st, 2, all);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_lembaga_info l = {col(st, 0), col(st, 1), col(st, 2), col(st, 3),
                             sqlite3_column_int(st, 4) != 0};
        if (fn(ctx, &l) < 0)
            break;
    }
    return finish(s, st, rc, "lembaga");
}

int tb_store_lembaga_read(tb_store *s, const char *kode, char *nama, size_t nn, char *wilayah,
                          size_t wn, bool *aktif)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT nama, wilayah, NOT EXISTS (SELECT 1 FROM lembaga_nonaktif n"
                         " WHERE n.kode = l.kode) FROM lembaga l WHERE l.kode = ?1");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kode);
    int rc = tb_store_step_one(s, st);
    if (rc == 1) {
        tb_store_col_text(st, 0, nama, nn);
        tb_store_col_text(st, 1, wilayah, wn);
        *aktif = sqlite3_column_int(st, 2) != 0;
    }
    sqlite3_reset(st);
    return rc;
}

int tb_store_lembaga_tambah(tb_store *s, long user, const tb_lembaga_info *l)
{
    if (!l->kode || !*l->kode || !l->nama || !*l->nama || !tb_lembaga_jenis_ok(l->jenis))
        return tb_store_fail(s, "lembaga perlu kode, nama dan jenis yang sah");
    char nama[8];
    char w[32];
    bool aktif;
    int found = tb_store_lembaga_read(s, l->kode, nama, sizeof nama, w, sizeof w, &aktif);
    if (found != 0)
        return found < 0 ? -1 : 1;
    if (tb_store_wilayah_nama(s, l->wilayah, w, sizeof w) != 1)
        return tb_store_fail(s, "wilayah '%s' tidak ada", l->wilayah ? l->wilayah : "");
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO lembaga (kode, nama, jenis, wilayah)"
                                        " SELECT ?1, ?2, ?3, kode FROM wilayah WHERE kode = ?4");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, l->kode);
    tb_store_bind_text(st, 2, l->nama);
    tb_store_bind_text(st, 3, l->jenis);
    tb_store_bind_text(st, 4, l->wilayah);
    const char *kv[] = {"nama", l->nama, "jenis", l->jenis, "wilayah", l->wilayah, NULL};
    return write_audited(s, st, user, "tambah", "lembaga", l->kode, NULL, kv);
}

int tb_store_lembaga_ubah(tb_store *s, long user, const char *kode, const char *nama, bool aktif)
{
    char old[200], w[32];
    bool was;
    int found = tb_store_lembaga_read(s, kode, old, sizeof old, w, sizeof w, &was);
    if (found <= 0)
        return found < 0 ? -1 : tb_store_fail(s, "lembaga '%s' tidak ada", kode ? kode : "");
    if (!nama || !*nama)
        return tb_store_fail(s, "nama lembaga kosong");
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE lembaga SET nama = ?2 WHERE kode = ?1");
    if (!st || tb_store_begin(s) < 0)
        return -1;
    tb_store_bind_text(st, 1, kode);
    tb_store_bind_text(st, 2, nama);
    int rc = tb_store_step_done(s, st, "lembaga");
    sqlite3_reset(st);
    if (rc == 0 && aktif != was) {
        char today[11];
        tb_today_iso(today);
        st = tb_store_stmt(s, aktif ? "DELETE FROM lembaga_nonaktif WHERE kode = ?1"
                                    : "INSERT INTO lembaga_nonaktif (kode, sejak) VALUES (?1, ?2)");
        if (!st)
            rc = -1;
        else {
            tb_store_bind_text(st, 1, kode);
            if (!aktif)
                sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
            rc = tb_store_step_done(s, st, "lembaga_nonaktif");
            sqlite3_reset(st);
        }
    }
    tb_buf before = {0};
    tb_buf_puts(&before, "{\"nama\":");
    tb_buf_json_str(&before, old);
    tb_buf_printf(&before, ",\"aktif\":\"%d\"}", was);
    const char *kv[] = {"nama", nama, "aktif", aktif ? "1" : "0", NULL};
    if (rc == 0)
        rc = audit(s, user, "ubah", "lembaga", kode, before.data, kv);
    tb_buf_free(&before);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}

/* ---- documents ---- */

const char *tb_dokumen_jenis(const unsigned char *h, size_t n)
{
    if (n >= 5 && !memcmp(h, "%PDF-", 5))
        return "application/pdf";
    if (n >= 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF)
        return "image/jpeg";
    return NULL;
}

int tb_store_dokumen_simpan(tb_store *s, long user, const char *wilayah, const char *nama,
                            const char *jenis, const void *data, size_t len, long *id)
{
    char today[11];
    tb_today_iso(today);
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO dokumen (wilayah, nama, jenis, ukuran, isi,"
                                        " diunggah, oleh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    tb_store_bind_text(st, 2, nama && *nama ? nama : "dokumen");
    tb_store_bind_text(st, 3, jenis);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)len);
    sqlite3_bind_blob64(st, 5, data, len, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 7, user, 1);
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, "dokumen");
    sqlite3_clear_bindings(st);
    sqlite3_reset(st);
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[32], size[32];
    snprintf(row, sizeof row, "%ld", nid);
    snprintf(size, sizeof size, "%zu", len);
    const char *kv[] = {"nama", nama, "jenis", jenis, "ukuran", size, "wilayah", wilayah, NULL};
    if (rc == 0)
        rc = audit(s, user, "tambah", "dokumen", row, NULL, kv);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    *id = nid;
    return tb_store_commit(s);
}

int tb_store_dokumen_baca(tb_store *s, long id, tb_dokumen_info *d, void **data)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id, wilayah, nama, jenis, diunggah, ukuran, isi"
                                        " FROM dokumen WHERE id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1) {
        d->id = id;
        tb_store_col_text(st, 1, d->wilayah, sizeof d->wilayah);
        tb_store_col_text(st, 2, d->nama, sizeof d->nama);
        tb_store_col_text(st, 3, d->jenis, sizeof d->jenis);
        tb_store_col_text(st, 4, d->diunggah, sizeof d->diunggah);
        d->ukuran = (long)sqlite3_column_int64(st, 5);
        if (data) {
            int n = sqlite3_column_bytes(st, 6);
            *data = malloc(n > 0 ? (size_t)n : 1);
            if (!*data)
                rc = tb_store_fail(s, "dokumen: memori habis");
            else if (n > 0)
                memcpy(*data, sqlite3_column_blob(st, 6), (size_t)n);
        }
    }
    if (st)
        sqlite3_reset(st);
    return rc;
}

/* ---- the TPPS of an area ---- */

unsigned tb_tpps_gaps(const tb_tpps *t, const char *today)
{
    unsigned g = 0;
    if (!t->no_sk[0])
        g |= TB_TPPS_TANPA_SK;
    else {
        if (t->berlaku_sampai[0] && today && strcmp(t->berlaku_sampai, today) < 0)
            g |= TB_TPPS_SK_KEDALUWARSA;
        if (t->dokumen_id <= 0)
            g |= TB_TPPS_TANPA_DOKUMEN;
    }
    if (!t->ketua[0])
        g |= TB_TPPS_TANPA_KETUA;
    return g;
}

const char *tb_tpps_gap_label(unsigned bit)
{
    switch (bit) {
    case TB_TPPS_TANPA_SK:
        return "Belum ada SK";
    case TB_TPPS_SK_KEDALUWARSA:
        return "SK sudah tidak berlaku";
    case TB_TPPS_TANPA_KETUA:
        return "Belum ada ketua";
    case TB_TPPS_TANPA_DOKUMEN:
        return "Dokumen SK belum diunggah";
    }
    return "";
}

/* The columns of a team: area, name, SK, decree, chair, members. */
#define TPPS_SELECT                                                                                \
    "SELECT w.kode, w.nama, t.no_sk, t.tgl_sk, t.berlaku_sampai, t.dokumen_id,"                    \
    " (SELECT a.nama FROM tpps_anggota a WHERE a.wilayah = w.kode AND a.aktif"                     \
    "   AND a.peran = 'ketua' ORDER BY a.id LIMIT 1),"                                             \
    " (SELECT count(*) FROM tpps_anggota a WHERE a.wilayah = w.kode AND a.aktif)"                  \
    " FROM wilayah w LEFT JOIN tpps t ON t.wilayah = w.kode"

static void tpps_read(sqlite3_stmt *st, tb_tpps *t)
{
    tb_store_col_text(st, 0, t->wilayah, sizeof t->wilayah);
    tb_store_col_text(st, 1, t->nama, sizeof t->nama);
    tb_store_col_text(st, 2, t->no_sk, sizeof t->no_sk);
    tb_store_col_text(st, 3, t->tgl_sk, sizeof t->tgl_sk);
    tb_store_col_text(st, 4, t->berlaku_sampai, sizeof t->berlaku_sampai);
    t->dokumen_id = (long)sqlite3_column_int64(st, 5);
    tb_store_col_text(st, 6, t->ketua, sizeof t->ketua);
    t->anggota = sqlite3_column_int(st, 7);
}

int tb_store_tpps_baca(tb_store *s, const char *wilayah, tb_tpps *t)
{
    sqlite3_stmt *st = tb_store_stmt(s, TPPS_SELECT " WHERE w.kode = ?1");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tpps_read(st, t);
    sqlite3_reset(st);
    return rc;
}

int tb_store_tpps_bawah(tb_store *s, const char *wilayah, int (*fn)(void *ctx, const tb_tpps *t),
                        void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, TPPS_SELECT " WHERE w.induk = ?1 ORDER BY w.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_tpps t;
        tpps_read(st, &t);
        if (fn(ctx, &t) < 0)
            break;
    }
    return finish(s, st, rc, "tpps");
}

int tb_store_tpps_sk(tb_store *s, long user, const char *wilayah, const char *no_sk,
                     const char *tgl_sk, const char *berlaku_sampai)
{
    if (!no_sk || !*no_sk)
        return tb_store_fail(s, "nomor SK kosong");
    char today[11];
    tb_today_iso(today);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO tpps (wilayah, no_sk, tgl_sk, berlaku_sampai, diperbarui)"
           " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (wilayah) DO UPDATE SET no_sk = ?2,"
           " tgl_sk = ?3, berlaku_sampai = ?4, diperbarui = ?5");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    tb_store_bind_text(st, 2, no_sk);
    tb_store_bind_text(st, 3, tgl_sk);
    tb_store_bind_text(st, 4, berlaku_sampai);
    sqlite3_bind_text(st, 5, today, -1, SQLITE_TRANSIENT);
    const char *kv[] = {"no_sk", no_sk, "tgl_sk", tgl_sk, "berlaku_sampai", berlaku_sampai, NULL};
    return write_audited(s, st, user, "ubah", "tpps", wilayah, NULL, kv);
}

int tb_store_tpps_dokumen(tb_store *s, long user, const char *wilayah, long dokumen_id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO tpps (wilayah, dokumen_id) VALUES (?1, ?2)"
                                        " ON CONFLICT (wilayah) DO UPDATE SET dokumen_id = ?2");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    sqlite3_bind_int64(st, 2, dokumen_id);
    char id[32];
    snprintf(id, sizeof id, "%ld", dokumen_id);
    const char *kv[] = {"dokumen_id", id, NULL};
    return write_audited(s, st, user, "ubah", "tpps", wilayah, NULL, kv);
}

static const char *const PERAN[][2] = {{"ketua", "Ketua"},
                                       {"wakil_ketua", "Wakil ketua"},
                                       {"sekretaris", "Sekretaris"},
                                       {"koordinator", "Koordinator bidang"},
                                       {"anggota", "Anggota"}};

bool tb_tpps_peran_ok(const char *peran)
{
    for (size_t i = 0; peran && i < sizeof PERAN / sizeof PERAN[0]; i++)
        if (!strcmp(peran, PERAN[i][0]))
            return true;
    return false;
}

const char *tb_tpps_peran_label(const char *peran)
{
    for (size_t i = 0; peran && i < sizeof PERAN / sizeof PERAN[0]; i++)
        if (!strcmp(peran, PERAN[i][0]))
            return PERAN[i][1];
    /* the demo's older pokja_* roles */
    return peran && !strncmp(peran, "pokja", 5) ? "Koordinator bidang" : peran ? peran : "";
}

int tb_store_tpps_anggota_each(tb_store *s, const char *wilayah,
                               int (*fn)(void *ctx, const tb_tpps_anggota *a), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT a.id, a.wilayah, a.nama, a.jabatan, a.peran, a.bidang, a.lembaga, l.nama,"
           " a.instansi FROM tpps_anggota a LEFT JOIN lembaga l ON l.kode = a.lembaga"
           " WHERE a.wilayah = ?1 AND a.aktif ORDER BY CASE a.peran WHEN 'ketua' THEN 0"
           " WHEN 'wakil_ketua' THEN 1 WHEN 'sekretaris' THEN 2 WHEN 'anggota' THEN 4 ELSE 3 END,"
           " COALESCE(a.bidang, ''), a.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_tpps_anggota a = {(long)sqlite3_column_int64(st, 0),
                             col(st, 1),
                             col(st, 2),
                             col(st, 3),
                             col(st, 4),
                             col(st, 5),
                             col(st, 6),
                             col(st, 7),
                             col(st, 8)};
        if (fn(ctx, &a) < 0)
            break;
    }
    return finish(s, st, rc, "tpps_anggota");
}

int tb_store_tpps_anggota_tambah(tb_store *s, long user, const tb_tpps_anggota *a, long *id)
{
    if (!a->nama || !*a->nama || !tb_tpps_peran_ok(a->peran) || !a->wilayah)
        return tb_store_fail(s, "anggota perlu nama dan peran yang sah");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO tpps_anggota (wilayah, nama, jabatan, instansi, peran, bidang, lembaga,"
           " no_sk, mulai) VALUES (?1, ?2, ?3, (SELECT nama FROM lembaga WHERE kode = ?6), ?4, ?5,"
           " ?6, (SELECT no_sk FROM tpps WHERE wilayah = ?1),"
           " (SELECT tgl_sk FROM tpps WHERE wilayah = ?1))");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, a->wilayah);
    tb_store_bind_text(st, 2, a->nama);
    tb_store_bind_text(st, 3, a->jabatan);
    tb_store_bind_text(st, 4, a->peran);
    tb_store_bind_text(st, 5, a->bidang);
    tb_store_bind_text(st, 6, a->lembaga);
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, "tpps_anggota");
    sqlite3_reset(st);
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[32];
    snprintf(row, sizeof row, "%ld", nid);
    const char *kv[] = {"wilayah", a->wilayah, "nama",    a->nama,    "peran", a->peran,
                        "bidang",  a->bidang,  "lembaga", a->lembaga, NULL};
    if (rc == 0)
        rc = audit(s, user, "tambah", "tpps_anggota", row, NULL, kv);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (id)
        *id = nid;
    return tb_store_commit(s);
}

int tb_store_tpps_anggota_hapus(tb_store *s, long user, const char *wilayah, long id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE tpps_anggota SET aktif = 0 WHERE id = ?1 AND wilayah = ?2 AND aktif");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, wilayah);
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, "tpps_anggota");
    sqlite3_reset(st);
    int changed = rc == 0 ? sqlite3_changes(tb_store_db(s)) : 0;
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    const char *kv[] = {"aktif", "0", NULL};
    if (rc == 0 && changed)
        rc = audit(s, user, "hapus", "tpps_anggota", row, NULL, kv);
    if (rc < 0 || !changed) {
        tb_store_rollback(s);
        return rc < 0 ? -1 : 0;
    }
    return tb_store_commit(s) < 0 ? -1 : 1;
}

/* ---- the institutional map of a desa ---- */

static const char *const KL_LABEL[TB_KL_COUNT] = {
    "SK TPPS desa belum ada",      "KPM belum ditetapkan",         "KPM belum dilatih",
    "Kader belum semua dilatih",   "Kelompok BKB belum dibentuk",  "Kelompok BKR belum dibentuk",
    "Kelompok BKL belum dibentuk", "Belum menjadi Kampung KB",     "Belum ada Rumah DataKu",
    "APBDes tanpa pos stunting",   "APBDes tanpa pos insentif KPM"};

const char *tb_kelembagaan_gap_label(int i)
{
    return i >= 0 && i < TB_KL_COUNT ? KL_LABEL[i] : "";
}

unsigned tb_kelembagaan_gaps(const tb_kelembagaan *k)
{
    unsigned g = 0;
    g |= k->sk_tpps ? 0 : TB_KL_SK_TPPS;
    if (k->kpm_ada <= 0)
        g |= TB_KL_KPM;
    else if (k->kpm_terlatih < k->kpm_ada)
        g |= TB_KL_KPM_LATIH;
    g |= k->kader_jumlah <= 0 || k->kader_terlatih < k->kader_jumlah ? TB_KL_KADER_LATIH : 0;
    g |= k->bkb ? 0 : TB_KL_BKB;
    g |= k->bkr ? 0 : TB_KL_BKR;
    g |= k->bkl ? 0 : TB_KL_BKL;
    g |= k->kampung_kb[0] ? 0 : TB_KL_KAMPUNG_KB;
    g |= k->rumah_dataku[0] ? 0 : TB_KL_RUMAH_DATAKU;
    g |= isnan(k->apbdes_stunting) || k->apbdes_stunting <= 0 ? TB_KL_APBDES_STUNTING : 0;
    g |= isnan(k->apbdes_kpm) || k->apbdes_kpm <= 0 ? TB_KL_APBDES_KPM : 0;
    return g;
}

static bool one_of(const char *v, const char *const *set)
{
    if (!v || !*v)
        return true;
    for (; *set; set++)
        if (!strcmp(v, *set))
            return true;
    return false;
}

bool tb_kampung_kb_ok(const char *v)
{
    static const char *const set[] = {"dasar", "berkembang", "mandiri", "berkelanjutan", NULL};
    return one_of(v, set);
}

bool tb_rumah_dataku_ok(const char *v)
{
    static const char *const set[] = {"sederhana", "lengkap", "paripurna", NULL};
    return one_of(v, set);
}

#define KL_SELECT                                                                                  \
    "SELECT d.kode, d.nama, k.kode, k.nama, m.desa IS NOT NULL,"                                   \
    " COALESCE(t.no_sk, '') <> '', COALESCE(m.kpm_ada, 0), COALESCE(m.kpm_terlatih, 0),"           \
    " COALESCE(m.kader_jumlah, 0), COALESCE(m.kader_terlatih, 0), COALESCE(m.bkb, 0),"             \
    " COALESCE(m.bkr, 0), COALESCE(m.bkl, 0), m.kampung_kb, m.rumah_dataku, a.stunting, a.kpm"     \
    " FROM wilayah d JOIN wilayah k ON k.kode = d.induk"                                           \
    " LEFT JOIN kelembagaan_desa m ON m.desa = d.kode LEFT JOIN tpps t ON t.wilayah = d.kode"      \
    " LEFT JOIN anggaran_desa a ON a.desa = d.kode AND a.tahun = ?2 WHERE d.tingkat = 4 AND"

static void kl_read(sqlite3_stmt *st, int tahun, tb_kelembagaan *k)
{
    tb_store_col_text(st, 0, k->desa, sizeof k->desa);
    tb_store_col_text(st, 1, k->desa_nama, sizeof k->desa_nama);
    tb_store_col_text(st, 2, k->kecamatan, sizeof k->kecamatan);
    tb_store_col_text(st, 3, k->kecamatan_nama, sizeof k->kecamatan_nama);
    k->diisi = sqlite3_column_int(st, 4);
    k->sk_tpps = sqlite3_column_int(st, 5);
    int *n[] = {&k->kpm_ada, &k->kpm_terlatih, &k->kader_jumlah, &k->kader_terlatih,
                &k->bkb,     &k->bkr,          &k->bkl};
    for (int i = 0; i < 7; i++)
        *n[i] = sqlite3_column_int(st, 6 + i);
    tb_store_col_text(st, 13, k->kampung_kb, sizeof k->kampung_kb);
    tb_store_col_text(st, 14, k->rumah_dataku, sizeof k->rumah_dataku);
    k->apbdes_stunting = tb_store_col_real(st, 15);
    k->apbdes_kpm = tb_store_col_real(st, 16);
    k->tahun = tahun;
}

int tb_store_kelembagaan_each(tb_store *s, const char *wilayah, int tahun,
                              int (*fn)(void *ctx, const tb_kelembagaan *k), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, KL_SELECT IN_AREA("d.kode", "1") " ORDER BY k.nama, d.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    sqlite3_bind_int(st, 2, tahun);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_kelembagaan k;
        kl_read(st, tahun, &k);
        if (fn(ctx, &k) < 0)
            break;
    }
    return finish(s, st, rc, "kelembagaan_desa");
}

int tb_store_kelembagaan_baca(tb_store *s, const char *desa, int tahun, tb_kelembagaan *k)
{
    sqlite3_stmt *st = tb_store_stmt(s, KL_SELECT " d.kode = ?1");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, desa);
    sqlite3_bind_int(st, 2, tahun);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        kl_read(st, tahun, k);
    sqlite3_reset(st);
    return rc;
}

static int kl_write(tb_store *s, long user, const tb_kelembagaan *k)
{
    char today[11];
    tb_today_iso(today);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kelembagaan_desa (desa, kpm_ada, kpm_terlatih, kader_jumlah,"
           " kader_terlatih, bkb, bkr, bkl, kampung_kb, rumah_dataku, diperbarui, oleh)"
           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (desa) DO"
           " UPDATE SET kpm_ada = ?2, kpm_terlatih = ?3, kader_jumlah = ?4, kader_terlatih = ?5,"
           " bkb = ?6, bkr = ?7, bkl = ?8, kampung_kb = ?9, rumah_dataku = ?10,"
           " diperbarui = ?11, oleh = ?12");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, k->desa);
    const int n[] = {k->kpm_ada,  k->kpm_terlatih, k->kader_jumlah, k->kader_terlatih,
                     k->bkb != 0, k->bkr != 0,     k->bkl != 0};
    for (int i = 0; i < 7; i++)
        sqlite3_bind_int(st, 2 + i, n[i]);
    tb_store_bind_text(st, 9, k->kampung_kb);
    tb_store_bind_text(st, 10, k->rumah_dataku);
    sqlite3_bind_text(st, 11, today, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 12, user, 1);
    int rc = tb_store_step_done(s, st, "kelembagaan_desa");
    sqlite3_reset(st);
    if (rc < 0)
        return -1;
    st = tb_store_stmt(s, "INSERT INTO anggaran_desa (desa, tahun, stunting, kpm)"
                          " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (desa, tahun) DO UPDATE"
                          " SET stunting = ?3, kpm = ?4");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, k->desa);
    sqlite3_bind_int(st, 2, k->tahun);
    tb_store_bind_real(st, 3, k->apbdes_stunting);
    tb_store_bind_real(st, 4, k->apbdes_kpm);
    rc = tb_store_step_done(s, st, "anggaran_desa");
    sqlite3_reset(st);
    return rc;
}

int tb_store_kelembagaan_simpan(tb_store *s, long user, const tb_kelembagaan *k)
{
    if (tb_store_begin(s) < 0)
        return -1;
    char tahun[16], kpm[64], kader[64], st_rp[32] = "", kpm_rp[32] = "";
    snprintf(tahun, sizeof tahun, "%d", k->tahun);
    snprintf(kpm, sizeof kpm, "%d/%d", k->kpm_terlatih, k->kpm_ada);
    snprintf(kader, sizeof kader, "%d/%d", k->kader_terlatih, k->kader_jumlah);
    if (!isnan(k->apbdes_stunting))
        snprintf(st_rp, sizeof st_rp, "%.0f", k->apbdes_stunting);
    if (!isnan(k->apbdes_kpm))
        snprintf(kpm_rp, sizeof kpm_rp, "%.0f", k->apbdes_kpm);
    const char *kv[] = {"kpm_terlatih",
                        kpm,
                        "kader_terlatih",
                        kader,
                        "kampung_kb",
                        k->kampung_kb,
                        "rumah_dataku",
                        k->rumah_dataku,
                        "tahun",
                        tahun,
                        "apbdes_stunting",
                        st_rp,
                        "apbdes_kpm",
                        kpm_rp,
                        NULL};
    int rc = kl_write(s, user, k);
    if (rc == 0)
        rc = audit(s, user, "ubah", "kelembagaan_desa", k->desa, NULL, kv);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}

/* ---- the 8 aksi konvergensi ---- */

static const char *const AKSI[9][2] = {
    {"", ""},
    {"Analisis situasi", "Sebaran stunting, cakupan intervensi, rekomendasi lokus dan kegiatan"},
    {"Penyusunan rencana kegiatan", "Rancangan rencana kegiatan (RKPD/Renja)"},
    {"Rembuk stunting", "Komitmen dan kesepakatan rembuk stunting"},
    {"Peraturan bupati/wali kota", "Perbup/Perwali peran desa dalam penurunan stunting"},
    {"Pembinaan KPM dan pelaku desa", "Laporan KPM (cakupan layanan rumah tangga 1000 HPK)"},
    {"Sistem manajemen data", "Daftar kesenjangan data dan rencana perbaikan"},
    {"Pengukuran dan publikasi data stunting", "Sebaran stunting per desa dan publikasinya"},
    {"Reviu kinerja tahunan", "Reviu kinerja pelaksanaan dan hasilnya"}};

const char *tb_aksi_nama(int n)
{
    return n >= 1 && n <= 8 ? AKSI[n][0] : "";
}

const char *tb_aksi_keluaran(int n)
{
    return n >= 1 && n <= 8 ? AKSI[n][1] : "";
}

bool tb_aksi_status_ok(const char *v)
{
    return v && (!strcmp(v, "belum") || !strcmp(v, "proses") || !strcmp(v, "selesai"));
}

int tb_store_aksi_each(tb_store *s, const char *kabupaten, int tahun,
                       int (*fn)(void *ctx, const tb_aksi *a), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "WITH RECURSIVE n(aksi) AS (SELECT 1 UNION ALL SELECT aksi + 1 FROM n WHERE aksi < 8)"
           " SELECT n.aksi, a.lembaga, l.nama, a.pic, COALESCE(a.mulai, a.tanggal), a.selesai,"
           " COALESCE(a.status, 'belum'), a.nilai, a.catatan, a.dokumen_id, d.nama"
           " FROM n LEFT JOIN aksi_konvergensi a ON a.aksi = n.aksi AND a.kabupaten = ?1"
           " AND a.tahun = ?2 LEFT JOIN lembaga l ON l.kode = a.lembaga"
           " LEFT JOIN dokumen d ON d.id = a.dokumen_id ORDER BY n.aksi");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kabupaten);
    sqlite3_bind_int(st, 2, tahun);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_aksi a;
        a.aksi = sqlite3_column_int(st, 0);
        tb_store_col_text(st, 1, a.lembaga, sizeof a.lembaga);
        tb_store_col_text(st, 2, a.lembaga_nama, sizeof a.lembaga_nama);
        tb_store_col_text(st, 3, a.pic, sizeof a.pic);
        tb_store_col_text(st, 4, a.mulai, sizeof a.mulai);
        tb_store_col_text(st, 5, a.selesai, sizeof a.selesai);
        tb_store_col_text(st, 6, a.status, sizeof a.status);
        a.nilai = tb_store_col_real(st, 7);
        tb_store_col_text(st, 8, a.catatan, sizeof a.catatan);
        a.dokumen_id = (long)sqlite3_column_int64(st, 9);
        tb_store_col_text(st, 10, a.dokumen_nama, sizeof a.dokumen_nama);
        if (fn(ctx, &a) < 0)
            break;
    }
    return finish(s, st, rc, "aksi_konvergensi");
}

int tb_store_aksi_simpan(tb_store *s, long user, const char *kabupaten, int tahun, const tb_aksi *a)
{
    if (a->aksi < 1 || a->aksi > 8 || !tb_aksi_status_ok(a->status))
        return tb_store_fail(s, "aksi 1-8 dengan status belum, proses atau selesai");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO aksi_konvergensi (kabupaten, tahun, aksi, lembaga, pic, mulai, tanggal,"
           " selesai, status, nilai, catatan) VALUES (?1, ?2, ?3, ?4,"
           " (SELECT nama FROM lembaga WHERE kode = ?4), ?5, ?5, ?6, ?7, ?8, ?9)"
           " ON CONFLICT (kabupaten, tahun, aksi) DO UPDATE SET lembaga = ?4,"
           " pic = COALESCE((SELECT nama FROM lembaga WHERE kode = ?4), pic), mulai = ?5,"
           " tanggal = ?5, selesai = ?6, status = ?7, nilai = ?8, catatan = ?9");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kabupaten);
    sqlite3_bind_int(st, 2, tahun);
    sqlite3_bind_int(st, 3, a->aksi);
    tb_store_bind_text(st, 4, a->lembaga);
    tb_store_bind_text(st, 5, a->mulai);
    tb_store_bind_text(st, 6, a->selesai);
    tb_store_bind_text(st, 7, a->status);
    tb_store_bind_real(st, 8, a->nilai);
    tb_store_bind_text(st, 9, a->catatan);
    char row[64], nilai[32] = "";
    snprintf(row, sizeof row, "%s/%d/%d", kabupaten, tahun, a->aksi);
    if (!isnan(a->nilai))
        snprintf(nilai, sizeof nilai, "%g", a->nilai);
    const char *kv[] = {"lembaga", a->lembaga, "mulai", a->mulai, "selesai", a->selesai,
                        "status",  a->status,  "nilai", nilai,    NULL};
    return write_audited(s, st, user, "ubah", "aksi_konvergensi", row, NULL, kv);
}

int tb_store_aksi_dokumen(tb_store *s, long user, const char *kabupaten, int tahun, int aksi,
                          long dokumen_id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO aksi_konvergensi (kabupaten, tahun, aksi, dokumen_id, diunggah, dokumen)"
           " VALUES (?1, ?2, ?3, ?4, 1, (SELECT nama FROM dokumen WHERE id = ?4))"
           " ON CONFLICT (kabupaten, tahun, aksi) DO UPDATE SET dokumen_id = ?4, diunggah = 1,"
           " dokumen = (SELECT nama FROM dokumen WHERE id = ?4)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kabupaten);
    sqlite3_bind_int(st, 2, tahun);
    sqlite3_bind_int(st, 3, aksi);
    sqlite3_bind_int64(st, 4, dokumen_id);
    char row[64], id[32];
    snprintf(row, sizeof row, "%s/%d/%d", kabupaten, tahun, aksi);
    snprintf(id, sizeof id, "%ld", dokumen_id);
    const char *kv[] = {"dokumen_id", id, NULL};
    return write_audited(s, st, user, "ubah", "aksi_konvergensi", row, NULL, kv);
}

int tb_store_krs_per_desa(tb_store *s, const char *wilayah,
                          int (*fn)(void *ctx, const char *desa, const char *nama,
                                    const char *kecamatan, long keluarga, long krs),
                          void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT d.kode, d.nama, k.nama, count(f.id), COALESCE(sum(f.krs <> 0), 0)"
                         " FROM wilayah d JOIN wilayah k ON k.kode = d.induk"
                         " LEFT JOIN keluarga f ON f.desa = d.kode WHERE d.tingkat = 4 AND" IN_AREA(
                             "d.kode", "1") " GROUP BY d.kode ORDER BY 5 DESC, k.nama, d.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, col(st, 0), col(st, 1), col(st, 2), (long)sqlite3_column_int64(st, 3),
               (long)sqlite3_column_int64(st, 4)) < 0)
            break;
    return finish(s, st, rc, "keluarga");
}
