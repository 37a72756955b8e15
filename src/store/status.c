/*
 * status.c - a child's status with its date (see status.h). The reports read
 * it in their scope (store/report.c: a child leaves S from the month of a
 * status other than 'aktif').
 */
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "store/status.h"
#include "tb_date.h"

bool tb_anak_status_valid(const char *status)
{
    return status &&
           (!strcmp(status, "aktif") || !strcmp(status, "pindah") || !strcmp(status, "meninggal"));
}

/* The insert or replace and its audit record (inside the caller's transaction). */
static int status_write(tb_store *s, long id, const char *status, const char *tanggal,
                        const char *catatan, long user)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO anak_status (individu_id, tanggal, status, catatan, dibuat_oleh)"
           " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (individu_id, tanggal) DO UPDATE SET"
           " status = excluded.status, catatan = excluded.catatan,"
           " dibuat_oleh = excluded.dibuat_oleh");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, status, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 4, catatan && *catatan ? catatan : NULL);
    if (user > 0)
        sqlite3_bind_int64(st, 5, user);
    if (sqlite3_step(st) != SQLITE_DONE) {
        int rc = tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
        sqlite3_reset(st);
        return rc;
    }
    sqlite3_reset(st);
    char row[64], after[96];
    snprintf(row, sizeof row, "%ld/%.10s", id, tanggal);
    snprintf(after, sizeof after, "{\"status\":\"%s\",\"tanggal\":\"%.10s\"}", status, tanggal);
    return tb_store_audit(s, user, "ubah", "anak_status", row, NULL, after) < 0 ? -1 : 0;
}

int tb_store_anak_status_set(tb_store *s, long id, const char *status, const char *tanggal,
                             const char *catatan, long user)
{
    if (!tb_anak_status_valid(status))
        return tb_store_fail(s, "status '%s' tidak dikenal (aktif, pindah, meninggal)",
                             status ? status : "");
    if (!tanggal || tb_date_iso(tanggal) == TB_DATE_NONE)
        return tb_store_fail(s, "tanggal '%s' bukan tanggal", tanggal ? tanggal : "");
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM individu WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int found = tb_store_step_one(s, st);
    sqlite3_reset(st);
    if (found < 0)
        return -1;
    if (found == 0)
        return tb_store_fail(s, "anak %ld tidak ditemukan", id);
    if (tb_store_begin(s) < 0)
        return -1;
    if (status_write(s, id, status, tanggal, catatan, user) < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}

int tb_store_anak_status_on(tb_store *s, long id, const char *tanggal, char *out, size_t n)
{
    snprintf(out, n, "aktif");
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT status FROM anak_status WHERE individu_id = ?1"
                                        " AND tanggal <= ?2 ORDER BY tanggal DESC LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    sqlite3_reset(st);
    return rc < 0 ? -1 : 0;
}
