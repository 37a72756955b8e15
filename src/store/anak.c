/*
 * store_web.c - queries and writes of the web pages (store_web.h).
 */
#include "store/anak.h"

#include "tb_match.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

static double col_real(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static int step_one(tb_store *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

/* Binds id to ?1 of a cached one-row query and steps it: 1 row, 0 none, -1 error. */
static int one_row(tb_store *s, sqlite3_stmt *st, long id)
{
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    return step_one(s, st);
}

int tb_store_posyandu_info(tb_store *s, long id, tb_posyandu_info *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT p.id, p.nama, p.desa, w.nama, w.induk"
                                        " FROM posyandu p JOIN wilayah w ON w.kode = p.desa"
                                        " WHERE p.id = ?1");
    int rc = one_row(s, st, id);
    if (rc != 1)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = (long)sqlite3_column_int64(st, 0);
    col_text(st, 1, out->nama, sizeof out->nama);
    col_text(st, 2, out->desa, sizeof out->desa);
    col_text(st, 3, out->desa_nama, sizeof out->desa_nama);
    col_text(st, 4, out->kecamatan, sizeof out->kecamatan);
    return 1;
}

int tb_store_anak_info(tb_store *s, long id, tb_anak_info *out)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.id, i.nik, i.nama, i.jk, i.tgl_lahir, a.posyandu_id, p.nama,"
           " COALESCE(p.desa, i.desa), w.nama, COALESCE(i.alamat, k.alamat),"
           " COALESCE(i.rt, k.rt), COALESCE(i.rw, k.rw), COALESCE(ibu.nama, a.nama_ortu), k.no_kk,"
           " a.bb_lahir, a.pb_lahir, k.krs_faktor, k.krs"
           " FROM individu i JOIN anak a ON a.individu_id = i.id"
           " LEFT JOIN posyandu p ON p.id = a.posyandu_id"
           " LEFT JOIN wilayah w ON w.kode = COALESCE(p.desa, i.desa)"
           " LEFT JOIN keluarga k ON k.id = i.keluarga_id"
           " LEFT JOIN individu ibu ON ibu.id = i.ibu_id WHERE i.id = ?1");
    int rc = one_row(s, st, id);
    if (rc != 1)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = (long)sqlite3_column_int64(st, 0);
    col_text(st, 1, out->nik, sizeof out->nik);
    col_text(st, 2, out->nama, sizeof out->nama);
    out->jk = sqlite3_column_int(st, 3);
    col_text(st, 4, out->tgl_lahir, sizeof out->tgl_lahir);
    out->posyandu_id = (long)sqlite3_column_int64(st, 5);
    col_text(st, 6, out->posyandu, sizeof out->posyandu);
    col_text(st, 7, out->desa, sizeof out->desa);
    col_text(st, 8, out->desa_nama, sizeof out->desa_nama);
    col_text(st, 9, out->alamat, sizeof out->alamat);
    col_text(st, 10, out->rt, sizeof out->rt);
    col_text(st, 11, out->rw, sizeof out->rw);
    col_text(st, 12, out->ibu, sizeof out->ibu);
    col_text(st, 13, out->no_kk, sizeof out->no_kk);
    out->bb_lahir = col_real(st, 14);
    out->pb_lahir = col_real(st, 15);
    col_text(st, 16, out->krs_faktor, sizeof out->krs_faktor);
    out->krs = sqlite3_column_int(st, 17);
    return 1;
}

int tb_store_wilayah_nama(tb_store *s, const char *kode, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT nama FROM wilayah WHERE kode = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    int rc = step_one(s, st);
    if (rc == 1)
        col_text(st, 0, out, n);
    return rc;
}

#define UKUR_COLS                                                                                  \
    "tanggal, umur_hari, bb, tb, lila, cara_ukur, z_bbu, z_tbu, z_bbtb, z_imtu, f_bbu, f_tbu,"     \
    " f_bbtb, kat_bbu, kat_tbu, kat_bbtb, naik, t2, bgm, vit_a, pmt_kg"

static void ukur_row(sqlite3_stmt *st, int c, tb_ukur_row *u)
{
    memset(u, 0, sizeof *u);
    col_text(st, c, u->tanggal, sizeof u->tanggal);
    u->umur_hari = sqlite3_column_int(st, c + 1);
    u->bb = col_real(st, c + 2);
    u->tb = col_real(st, c + 3);
    u->lila = col_real(st, c + 4);
    const unsigned char *cu = sqlite3_column_text(st, c + 5);
    u->cara = cu ? (char)cu[0] : 0;
    u->z_bbu = col_real(st, c + 6);
    u->z_tbu = col_real(st, c + 7);
    u->z_bbtb = col_real(st, c + 8);
    u->z_imtu = col_real(st, c + 9);
    u->f_bbu = sqlite3_column_int(st, c + 10);
    u->f_tbu = sqlite3_column_int(st, c + 11);
    u->f_bbtb = sqlite3_column_int(st, c + 12);
    col_text(st, c + 13, u->kat_bbu, sizeof u->kat_bbu);
    col_text(st, c + 14, u->kat_tbu, sizeof u->kat_tbu);
    col_text(st, c + 15, u->kat_bbtb, sizeof u->kat_bbtb);
    const unsigned char *nk = sqlite3_column_text(st, c + 16);
    u->naik = nk ? (char)nk[0] : 0;
    u->t2 = sqlite3_column_int(st, c + 17);
    u->bgm = sqlite3_column_int(st, c + 18);
    u->vit_a = sqlite3_column_int(st, c + 19);
    u->pmt_kg = col_real(st, c + 20);
}

int tb_store_anak_riwayat(tb_store *s, long anak_id, tb_ukur_row *rows, int max)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " UKUR_COLS
                                        " FROM pengukuran WHERE anak_id = ?1 ORDER BY tanggal");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max)
        ukur_row(st, 0, &rows[n++]);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}

int tb_store_anggota_keluarga(tb_store *s, long anak_id, tb_anggota_row *rows, int max)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT m.nama, m.jk, m.tgl_lahir, m.peran FROM individu c"
                         " JOIN individu m ON m.keluarga_id = c.keluarga_id AND m.id <> c.id"
                         " WHERE c.id = ?1 ORDER BY m.tgl_lahir IS NULL, m.tgl_lahir, m.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
        tb_anggota_row *r = &rows[n++];
        const char *t[3] = {(const char *)sqlite3_column_text(st, 0),
                            (const char *)sqlite3_column_text(st, 2),
                            (const char *)sqlite3_column_text(st, 3)};
        snprintf(r->nama, sizeof r->nama, "%s", t[0] ? t[0] : "");
        r->jk = sqlite3_column_int(st, 1);
        snprintf(r->tgl_lahir, sizeof r->tgl_lahir, "%s", t[1] ? t[1] : "");
        snprintf(r->peran, sizeof r->peran, "%s", t[2] ? t[2] : "");
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}

int tb_store_posyandu_sasaran(tb_store *s, long posyandu_id, const char *month,
                              int (*fn)(void *ctx, const tb_sasaran_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.id, i.nama, i.jk, i.tgl_lahir,"
           " (strftime('%Y', ?2 || '-01') - strftime('%Y', i.tgl_lahir)) * 12"
           "  + strftime('%m', ?2 || '-01') - strftime('%m', i.tgl_lahir),"
           " (SELECT id FROM pengukuran WHERE anak_id = i.id AND tanggal < ?2 || '-01'"
           "  ORDER BY tanggal DESC LIMIT 1),"
           " (SELECT id FROM pengukuran WHERE anak_id = i.id AND tanggal >= ?2 || '-01'"
           "  AND tanggal < date(?2 || '-01', '+1 month') ORDER BY tanggal DESC LIMIT 1)"
           " FROM anak a JOIN individu i ON i.id = a.individu_id"
           " WHERE a.posyandu_id = ?1 AND i.tgl_lahir < date(?2 || '-01', '+1 month')"
           " AND i.tgl_lahir >= date(?2 || '-01', '+1 month', '-60 months')"
           " ORDER BY i.nama, i.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    sqlite3_bind_text(st, 2, month, -1, SQLITE_TRANSIENT);
    /* collect ids first: the per-row lookups reuse cached statements */
    enum { MAX = 2000 };
    static _Thread_local tb_sasaran_row rows[MAX];
    long prev_id[MAX], now_id[MAX];
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX) {
        tb_sasaran_row *r = &rows[n];
        memset(r, 0, sizeof *r);
        r->id = (long)sqlite3_column_int64(st, 0);
        col_text(st, 1, r->nama, sizeof r->nama);
        r->jk = sqlite3_column_int(st, 2);
        col_text(st, 3, r->tgl_lahir, sizeof r->tgl_lahir);
        r->umur_bulan = sqlite3_column_int(st, 4);
        prev_id[n] = (long)sqlite3_column_int64(st, 5);
        now_id[n] = (long)sqlite3_column_int64(st, 6);
        n++;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < 2; k++) {
            long id = k ? now_id[i] : prev_id[i];
            if (!id)
                continue;
            sqlite3_stmt *u =
                tb_store_stmt(s, "SELECT " UKUR_COLS " FROM pengukuran WHERE id = ?1");
            if (!u)
                return -1;
            sqlite3_bind_int64(u, 1, id);
            if (sqlite3_step(u) == SQLITE_ROW) {
                ukur_row(u, 0, k ? &rows[i].now : &rows[i].prev);
                *(k ? &rows[i].has_now : &rows[i].has_prev) = 1;
            }
        }
        if (fn(ctx, &rows[i]) < 0)
            return -1;
    }
    return 0;
}

int tb_store_posyandu_list(tb_store *s, const char *wilayah,
                           int (*fn)(void *ctx, long id, const char *nama, const char *desa),
                           void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT p.id, p.nama, w.nama FROM posyandu p"
                                        " JOIN wilayah w ON w.kode = p.desa"
                                        " WHERE p.desa = ?1 OR p.desa LIKE ?1 || '.%'"
                                        " ORDER BY w.nama, p.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW)
        if (fn(ctx, (long)sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
               (const char *)sqlite3_column_text(st, 2)) < 0)
            return -1;
    return 0;
}

int tb_store_wilayah_anak(tb_store *s, const char *kode,
                          int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT kode, nama FROM wilayah WHERE induk = ?1 ORDER BY nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1)) < 0)
            return -1;
    return 0;
}

long tb_store_anak_daftar(tb_store *s, long posyandu_id, const char *desa, const char *nik,
                          const char *nama, int jk, const char *tgl_lahir, const char *nama_ibu,
                          double bb_lahir, double pb_lahir, long user)
{
    char key[128];
    tb_name_key(nama, strlen(nama), key, sizeof key); /* the key imports match on */
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO individu (nik, nama, nama_kunci, jk, tgl_lahir,"
                         " desa, peran) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'anak')");
    if (!st)
        return -1;
    if (nik && *nik)
        sqlite3_bind_text(st, 1, nik, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, jk);
    sqlite3_bind_text(st, 5, tgl_lahir, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, desa, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    long id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    st = tb_store_stmt(s,
                       "INSERT INTO anak (individu_id, bb_lahir, pb_lahir, nama_ortu, posyandu_id)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    if (!isnan(bb_lahir))
        sqlite3_bind_double(st, 2, bb_lahir);
    if (!isnan(pb_lahir))
        sqlite3_bind_double(st, 3, pb_lahir);
    if (nama_ibu && *nama_ibu)
        sqlite3_bind_text(st, 4, nama_ibu, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, posyandu_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    char row[32], after[512];
    snprintf(row, sizeof row, "%ld", id);
    snprintf(after, sizeof after, "{\"posyandu_id\":%ld,\"tgl_lahir\":\"%.10s\",\"jk\":%d}",
             posyandu_id, tgl_lahir, jk);
    if (tb_store_audit(s, user, "tambah", "anak", row, NULL, after) < 0)
        return -1;
    return id;
}

int tb_store_pengukuran_json(tb_store *s, long anak_id, const char *tanggal, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT json_object('bb', bb, 'tb', tb, 'cara_ukur', cara_ukur, 'lila', lila,"
           " 'vit_a', vit_a, 'pmt_kg', pmt_kg, 'posyandu_id', posyandu_id, 'z_bbu', z_bbu,"
           " 'z_tbu', z_tbu, 'z_bbtb', z_bbtb)"
           " FROM pengukuran WHERE anak_id = ?1 AND tanggal = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    int rc = step_one(s, st);
    if (rc == 1)
        col_text(st, 0, out, n);
    return rc;
}

long tb_store_pengukuran_by_uuid(tb_store *s, const char *uuid, long *anak_id, char tanggal[11])
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id, anak_id, tanggal FROM pengukuran WHERE uuid_klien = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = step_one(s, st);
    if (rc != 1)
        return rc;
    *anak_id = (long)sqlite3_column_int64(st, 1);
    col_text(st, 2, tanggal, 11);
    return (long)sqlite3_column_int64(st, 0);
}

int tb_store_wilayah_kode_list(tb_store *s, int from, int to, char (*codes)[32], int max)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT kode FROM wilayah WHERE tingkat BETWEEN ?1 AND ?2 ORDER BY kode");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, from);
    sqlite3_bind_int(st, 2, to);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW)
        col_text(st, 0, codes[n++], 32);
    return n;
}

int tb_store_cache_kb(tb_store *s, int kb)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kb);
    char *err = NULL;
    if (sqlite3_exec(tb_store_db(s), sql, NULL, NULL, &err) != SQLITE_OK) {
        tb_store_fail(s, "%s", err ? err : "cache_size");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}
