/*
 * sesi.c - the sesi table (sesi.h): login sessions by token hash.
 */
#include "store/sesi.h"

#include <stdio.h>
#include <string.h>

#include "store/internal.h"

int tb_store_sesi_create(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN], long user,
                         const char *csrf, long now, const char *ip)
{
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO sesi (hash, pengguna_id, csrf, dibuat,"
                                        " dipakai, alamat) VALUES (?1, ?2, ?3, ?4, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, TB_SESI_HASH_LEN, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, user);
    sqlite3_bind_text(st, 3, csrf, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, now);
    tb_store_bind_text(st, 5, ip);
    return tb_store_step_done(s, st, "sesi");
}

int tb_store_sesi_get(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN], tb_sesi *out)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT s.csrf, s.dipakai, u.id, u.username, u.nama, u.peran, u.wilayah,"
                         " u.posyandu_id, u.aktif, u.sandi_sementara FROM sesi s JOIN pengguna u "
                         "ON u.id = s.pengguna_id"
                         " WHERE s.hash = ?1");
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, TB_SESI_HASH_LEN, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc != 1)
        return rc;
    memset(out, 0, sizeof *out);
    tb_store_col_text(st, 0, out->csrf, sizeof out->csrf);
    out->dipakai = (long)sqlite3_column_int64(st, 1);
    tb_user *u = &out->user;
    u->id = (long)sqlite3_column_int64(st, 2);
    tb_store_col_text(st, 3, u->username, sizeof u->username);
    tb_store_col_text(st, 4, u->nama, sizeof u->nama);
    tb_store_col_text(st, 5, u->peran, sizeof u->peran);
    tb_store_col_text(st, 6, u->wilayah, sizeof u->wilayah);
    u->posyandu_id = (long)sqlite3_column_int64(st, 7);
    u->aktif = sqlite3_column_int(st, 8);
    u->sandi_sementara = sqlite3_column_int(st, 9);
    return 1;
}

/* Runs a write whose ?1 is a token hash and ?2 (when the SQL has it) n. */
static int hash_write(tb_store *s, const char *sql, const unsigned char *hash, long n)
{
    sqlite3_stmt *st = tb_store_stmt(s, sql);
    if (!st)
        return -1;
    sqlite3_bind_blob(st, 1, hash, TB_SESI_HASH_LEN, SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(st) > 1)
        sqlite3_bind_int64(st, 2, n);
    return tb_store_step_done(s, st, "sesi");
}

int tb_store_sesi_touch(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN], long now)
{
    return hash_write(s, "UPDATE sesi SET dipakai = ?2 WHERE hash = ?1", hash, now);
}

int tb_store_sesi_delete(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN])
{
    return hash_write(s, "DELETE FROM sesi WHERE hash = ?1", hash, 0);
}

int tb_store_sesi_delete_user(tb_store *s, long user, int *n)
{
    sqlite3_stmt *st = tb_store_stmt(s, "DELETE FROM sesi WHERE pengguna_id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, user);
    if (tb_store_step_done(s, st, "sesi") < 0)
        return -1;
    if (n)
        *n = sqlite3_changes(tb_store_db(s));
    return 0;
}

int tb_store_sesi_purge(tb_store *s, long before)
{
    sqlite3_stmt *st = tb_store_stmt(s, "DELETE FROM sesi WHERE dipakai < ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, before);
    return tb_store_step_done(s, st, "sesi");
}
