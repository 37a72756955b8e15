/*
 * posyandu.c - posyandu and puskesmas (see posyandu.h): created on their
 * natural keys as imports meet them, a posyandu's facts and its target
 * children for a month, and the posyandu under an area.
 */
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "store/posyandu.h"

int tb_store_posyandu_info(tb_store *s, long id, tb_posyandu_info *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT p.id, p.nama, p.desa, w.nama, w.induk, p.hari_buka"
                                        " FROM posyandu p JOIN wilayah w ON w.kode = p.desa"
                                        " WHERE p.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc != 1)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = (long)sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, out->nama, sizeof out->nama);
    tb_store_col_text(st, 2, out->desa, sizeof out->desa);
    tb_store_col_text(st, 3, out->desa_nama, sizeof out->desa_nama);
    tb_store_col_text(st, 4, out->kecamatan, sizeof out->kecamatan);
    out->hari_buka = sqlite3_column_int(st, 5);
    return 1;
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
           " WHERE a.posyandu_id = ?1 AND a.digabung_ke IS NULL"
           " AND i.tgl_lahir < date(?2 || '-01', '+1 month')"
           " AND i.tgl_lahir >= date(?2 || '-01', '+1 month', '-60 months')"
           " AND" TB_SQL_ACTIVE_IN_MONTH("i.id") /* not moved away or died */
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
        tb_store_col_text(st, 1, r->nama, sizeof r->nama);
        r->jk = sqlite3_column_int(st, 2);
        tb_store_col_text(st, 3, r->tgl_lahir, sizeof r->tgl_lahir);
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
                tb_store_stmt(s, "SELECT " TB_UKUR_COLS " FROM pengukuran WHERE id = ?1");
            if (!u)
                return -1;
            sqlite3_bind_int64(u, 1, id);
            if (sqlite3_step(u) == SQLITE_ROW) {
                tb_store_ukur_read(u, 0, k ? &rows[i].now : &rows[i].prev);
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
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT p.id, p.nama, w.nama FROM posyandu p"
                         " JOIN wilayah w ON w.kode = p.desa"
                         " WHERE (p.desa = ?1 OR p.desa LIKE ?1 || '.%')"
                         " AND p.ditutup IS NULL" /* closed: not in the daily lists */
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

long tb_store_posyandu_ensure(tb_store *s, const char *desa, const char *nama)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM posyandu WHERE desa = ?1 AND nama = ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
        return sqlite3_column_int64(st, 0);
    st = tb_store_stmt(s, "INSERT INTO posyandu (desa, nama) VALUES (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "posyandu %s: %s", nama, sqlite3_errmsg(tb_store_db(s)));
    return sqlite3_last_insert_rowid(tb_store_db(s));
}

long tb_store_puskesmas_ensure(tb_store *s, const char *desa, const char *nama)
{
    char kab[8], kec[12]; /* 35.07, 35.07.01 */
    snprintf(kab, sizeof kab, "%.5s", desa);
    snprintf(kec, sizeof kec, "%.8s", desa);
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM puskesmas WHERE nama = ?1 AND"
                                        " kecamatan >= ?2 || '.' AND kecamatan < ?2 || '/'"
                                        " ORDER BY kecamatan = ?3 DESC, id LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kab, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, kec, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        long id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return id;
    }
    st = tb_store_stmt(s, "INSERT INTO puskesmas (nama, kecamatan) VALUES (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kec, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "puskesmas %s: %s", nama, sqlite3_errmsg(tb_store_db(s)));
    return sqlite3_last_insert_rowid(tb_store_db(s));
}

int tb_store_posyandu_set_puskesmas(tb_store *s, long posyandu_id, long puskesmas_id, int *outcome)
{
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE posyandu SET puskesmas_id = ?2 WHERE id = ?1"
                                        " AND puskesmas_id IS NOT ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    sqlite3_bind_int64(st, 2, puskesmas_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "posyandu: %s", sqlite3_errmsg(tb_store_db(s)));
    *outcome = sqlite3_changes(tb_store_db(s)) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    return 0;
}
