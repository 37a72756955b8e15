/*
 * lampiran.c - a meeting's attachments in the store (lampiran.h).
 */
#include "store/lampiran.h"

#include <string.h>

#include "base/buf.h"
#include "store/internal.h"

#define COLS                                                                                       \
    "l.id, l.rapat_id, l.nama, l.jenis, l.ukuran, l.berkas, l.keterangan, l.diunggah,"             \
    " COALESCE(p.username, '')"
#define FROM " FROM rapat_lampiran l LEFT JOIN pengguna p ON p.id = l.oleh"

static void read_row(sqlite3_stmt *st, tb_lampiran *l)
{
    memset(l, 0, sizeof *l);
    l->id = (long)sqlite3_column_int64(st, 0);
    l->rapat_id = (long)sqlite3_column_int64(st, 1);
    tb_store_col_text(st, 2, l->nama, sizeof l->nama);
    tb_store_col_text(st, 3, l->jenis, sizeof l->jenis);
    l->ukuran = sqlite3_column_int64(st, 4);
    tb_store_col_text(st, 5, l->berkas, sizeof l->berkas);
    tb_store_col_text(st, 6, l->keterangan, sizeof l->keterangan);
    tb_store_col_text(st, 7, l->diunggah, sizeof l->diunggah);
    tb_store_col_text(st, 8, l->oleh, sizeof l->oleh);
}

/* The JSON of an attachment for the audit log. */
static void json(tb_buf *b, const tb_lampiran *l)
{
    tb_buf_printf(b, "{\"rapat_id\":%ld,\"nama\":", l->rapat_id);
    tb_buf_json_str(b, l->nama);
    tb_buf_printf(b, ",\"jenis\":\"%s\",\"ukuran\":%lld,\"berkas\":", l->jenis, l->ukuran);
    tb_buf_json_str(b, l->berkas);
    tb_buf_puts(b, "}");
}

/* Runs st (a write) and its audit record in one transaction. 0 or -1. */
static int write_audited(tb_store *s, sqlite3_stmt *st, long user, const char *action, long *id,
                         const char *before, const char *after)
{
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, "lampiran");
    long nid = *id ? *id : (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "lampiran %ld tidak ditemukan", *id);
    sqlite3_reset(st);
    char row[32];
    snprintf(row, sizeof row, "%ld", nid);
    if (rc == 0 && tb_store_audit(s, user, action, "rapat_lampiran", row, before, after) < 0)
        rc = -1;
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    *id = nid;
    return tb_store_commit(s) < 0 ? -1 : 0;
}

int tb_store_lampiran_add(tb_store *s, long user, tb_lampiran *l)
{
    if (l->rapat_id <= 0 || !l->nama[0] || !l->jenis[0] || !l->berkas[0])
        return tb_store_fail(s, "lampiran perlu rapat, nama, jenis dan berkas");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO rapat_lampiran (rapat_id, nama, jenis, ukuran, berkas, keterangan,"
           " diunggah, oleh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, datetime('now'), ?7)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, l->rapat_id);
    sqlite3_bind_text(st, 2, l->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, l->jenis, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, l->ukuran);
    sqlite3_bind_text(st, 5, l->berkas, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 6, l->keterangan);
    tb_store_bind_int(st, 7, user, 1);
    tb_buf b = {0};
    json(&b, l);
    long id = 0;
    int rc = write_audited(s, st, user, "tambah", &id, NULL, b.data);
    tb_buf_free(&b);
    if (rc == 0)
        l->id = id;
    return rc;
}

int tb_store_lampiran_get(tb_store *s, long id, tb_lampiran *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " COLS FROM " WHERE l.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1)
        read_row(st, out);
    if (st)
        sqlite3_reset(st);
    return rc;
}

int tb_store_lampiran_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_lampiran *l),
                           void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " COLS FROM " WHERE l.rapat_id = ?1 ORDER BY l.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, rapat_id);
    int rc;
    tb_lampiran l;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_row(st, &l);
        if (fn(ctx, &l) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "lampiran");
}

int tb_store_lampiran_hapus(tb_store *s, long user, long id)
{
    tb_lampiran l;
    int f = tb_store_lampiran_get(s, id, &l);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "lampiran %ld tidak ditemukan", id);
    sqlite3_stmt *st = tb_store_stmt(s, "DELETE FROM rapat_lampiran WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_buf b = {0};
    json(&b, &l);
    int rc = write_audited(s, st, user, "hapus", &id, b.data, NULL);
    tb_buf_free(&b);
    return rc;
}
