/*
 * monitoring_foto.c - monitoring photos sent from a phone's offline queue
 * (monitoring.h): stored once per client id, and the photos no saved
 * answer refers to removed after a while.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/internal.h"
#include "store/monitoring.h"

/* A saved answer to a photo question refers to photo f (an SQL alias). */
#define FOTO_USED(F)                                                                               \
    "EXISTS (SELECT 1 FROM monitoring_jawaban j WHERE j.nilai = CAST(" F ".id AS TEXT)"            \
    " AND j.butir_id IN (SELECT id FROM kuesioner_butir WHERE tipe = 'foto'))"

/* The photo user stored under client id uuid: 1 (*id), 0 none, -1 error. */
static int foto_by_uuid(tb_store *s, long user, const char *uuid, long *id)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id FROM monitoring_foto WHERE oleh = ?1 AND uuid = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, user);
    sqlite3_bind_text(st, 2, uuid, -1, SQLITE_TRANSIENT);
    int f = tb_store_step_one(s, st);
    if (f == 1)
        *id = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return f;
}

/* Inserts the photo row with its audit record, inside the open transaction. */
static int foto_insert(tb_store *s, long user, const char *uuid, const char *berkas,
                       const char *jenis, long ukuran, long *id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO monitoring_foto (berkas, jenis, ukuran, oleh,"
                                        " uuid) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, berkas);
    tb_store_bind_text(st, 2, jenis);
    sqlite3_bind_int64(st, 3, ukuran);
    tb_store_bind_int(st, 4, user, 1);
    tb_store_bind_text(st, 5, uuid);
    int rc = tb_store_step_done(s, st, "monitoring_foto");
    sqlite3_reset(st);
    if (rc < 0)
        return -1;
    *id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    tb_buf b = {0};
    tb_buf_puts(&b, "{\"jenis\":");
    tb_buf_json_str(&b, jenis);
    if (uuid && *uuid) {
        tb_buf_puts(&b, ",\"uuid\":");
        tb_buf_json_str(&b, uuid);
    }
    tb_buf_puts(&b, "}");
    char row[32];
    snprintf(row, sizeof row, "%ld", *id);
    rc = tb_store_audit(s, user, "tambah", "monitoring_foto", row, NULL, b.data);
    tb_buf_free(&b);
    return rc;
}

int tb_store_foto_add_uuid(tb_store *s, long user, const char *uuid, const char *berkas,
                           const char *jenis, long ukuran, long *id)
{
    if (tb_store_begin(s) < 0)
        return -1;
    int f = uuid && *uuid ? foto_by_uuid(s, user, uuid, id) : 0;
    if (f == 0)
        f = foto_insert(s, user, uuid, berkas, jenis, ukuran, id) < 0 ? -1 : 1;
    else if (f == 1)
        f = 2;
    if (f < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s) < 0 ? -1 : f;
}

/* The ids and files of up to max photos older than umur no answer uses. */
static int orphans(tb_store *s, const char *umur, long *ids, char (*berkas)[1100], int max)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT f.id, f.berkas FROM monitoring_foto f"
                                        " WHERE f.dibuat < datetime('now', ?1)"
                                        " AND NOT " FOTO_USED("f") " ORDER BY f.id LIMIT ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, umur, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, max);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
        ids[n] = (long)sqlite3_column_int64(st, 0);
        tb_store_col_text(st, 1, berkas[n], sizeof berkas[n]);
        n++;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? n
               : tb_store_fail(s, "monitoring_foto: %s", sqlite3_errmsg(tb_store_db(s)));
}

/* Deletes orphan photo id (still unused: an answer may have come since),
 * audited as the system's: 1 deleted, 0 kept, -1 error. */
static int orphan_delete(tb_store *s, long id, const char *berkas)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "DELETE FROM monitoring_foto WHERE id = ?1 AND NOT " FOTO_USED("monitoring_foto"));
    if (!st || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = tb_store_step_done(s, st, "monitoring_foto");
    sqlite3_reset(st);
    int done = rc == 0 && sqlite3_changes(tb_store_db(s)) > 0;
    if (done) {
        tb_buf b = {0};
        tb_buf_puts(&b, "{\"berkas\":");
        tb_buf_json_str(&b, berkas);
        tb_buf_puts(&b, ",\"alasan\":\"tidak dipakai jawaban mana pun\"}");
        char row[32];
        snprintf(row, sizeof row, "%ld", id);
        rc = tb_store_audit(s, 0, "hapus", "monitoring_foto", row, b.data, NULL);
        tb_buf_free(&b);
    }
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s) < 0 ? -1 : done;
}

int tb_store_foto_orphans_delete(tb_store *s, const char *umur, int max,
                                 void (*removed)(void *ctx, const char *berkas), void *ctx)
{
    if (max <= 0)
        return 0;
    long *ids = calloc((size_t)max, sizeof *ids);
    char(*berkas)[1100] = calloc((size_t)max, sizeof *berkas);
    int n = ids && berkas ? orphans(s, umur, ids, berkas, max) : tb_store_fail(s, "out of memory");
    int gone = n < 0 ? -1 : 0;
    for (int i = 0; i < n && gone >= 0; i++) {
        int d = orphan_delete(s, ids[i], berkas[i]);
        if (d < 0)
            gone = -1;
        else if (d == 1) {
            gone++;
            if (removed)
                removed(ctx, berkas[i]);
        }
    }
    free(ids);
    free(berkas);
    return gone;
}
