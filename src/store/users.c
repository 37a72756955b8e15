/*
 * users.c - the pengguna table.
 */
#include "store/internal.h"
#include "store/users.h"

#include <stdio.h>
#include <string.h>

int tb_store_user_create(tb_store *s, const char *username, const char *nama, const char *hash,
                         const char *peran, const char *wilayah, long posyandu_id, long *id)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO pengguna (username, nama, hash, peran, wilayah,"
                         " posyandu_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, username, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, peran, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, wilayah, -1, SQLITE_TRANSIENT);
    if (posyandu_id > 0)
        sqlite3_bind_int64(st, 6, posyandu_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "pengguna %s: %s", username, sqlite3_errmsg(tb_store_db(s)));
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (id)
        *id = nid;
    char row[32];
    snprintf(row, sizeof row, "%ld", nid);
    return tb_store_audit(s, 0, "tambah", "pengguna", row, NULL, NULL);
}

static int user_row(tb_store *s, sqlite3_stmt *st, tb_user *u)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return tb_store_fail(s, "pengguna: %s", sqlite3_errmsg(tb_store_db(s)));
    memset(u, 0, sizeof *u);
    u->id = (long)sqlite3_column_int64(st, 0);
    snprintf(u->username, sizeof u->username, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(u->nama, sizeof u->nama, "%s", (const char *)sqlite3_column_text(st, 2));
    snprintf(u->hash, sizeof u->hash, "%s", (const char *)sqlite3_column_text(st, 3));
    snprintf(u->peran, sizeof u->peran, "%s", (const char *)sqlite3_column_text(st, 4));
    snprintf(u->wilayah, sizeof u->wilayah, "%s", (const char *)sqlite3_column_text(st, 5));
    u->posyandu_id = (long)sqlite3_column_int64(st, 6);
    u->aktif = sqlite3_column_int(st, 7);
    return 1;
}

#define USER_COLS                                                                                  \
    "SELECT id, username, nama, hash, peran, wilayah, posyandu_id, aktif FROM pengguna"

int tb_store_user_by_name(tb_store *s, const char *username, tb_user *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, USER_COLS " WHERE username = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, username, -1, SQLITE_TRANSIENT);
    return user_row(s, st, out);
}

int tb_store_user_by_id(tb_store *s, long id, tb_user *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, USER_COLS " WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    return user_row(s, st, out);
}

int tb_store_user_set_hash(tb_store *s, long id, const char *hash)
{
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE pengguna SET hash = ?2 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "pengguna") < 0)
        return -1;
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, id, "ubah", "pengguna", row, NULL, "{\"sandi\":\"diubah\"}");
}
