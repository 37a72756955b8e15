/*
 * audit.c - reading the audit log (audit.h).
 */
#include "store/audit.h"

#include "store/internal.h"

#define AUDIT_WHERE                                                                                \
    " FROM audit_log a LEFT JOIN pengguna u ON u.id = a.pengguna_id"                               \
    " WHERE (?1 = '' OR u.wilayah = ?1 OR substr(u.wilayah, 1, length(?1) + 1) = ?1 || '.')"       \
    " AND (?2 = '' OR u.username = ?2) AND (?3 = '' OR a.aksi = ?3)"                               \
    " AND (?4 = '' OR a.waktu >= ?4) AND (?5 = '' OR a.waktu < date(?5, '+1 day'))"

static void bind_filter(sqlite3_stmt *st, const tb_audit_filter *f)
{
    const char *v[5] = {f->wilayah, f->username, f->aksi, f->dari, f->sampai};
    for (int i = 0; i < 5; i++)
        sqlite3_bind_text(st, i + 1, v[i] ? v[i] : "", -1, SQLITE_TRANSIENT);
}

static int count(tb_store *s, const tb_audit_filter *f, long *total)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT count(*)" AUDIT_WHERE);
    if (!st)
        return -1;
    bind_filter(st, f);
    int rc = tb_store_step_one(s, st);
    if (rc != 1)
        return -1;
    *total = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return 0;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *v = sqlite3_column_text(st, i);
    return v ? (const char *)v : "";
}

int tb_store_audit_each(tb_store *s, const tb_audit_filter *f, long offset, long limit, long *total,
                        int (*fn)(void *ctx, const tb_audit_row *r), void *ctx)
{
    if (total && count(s, f, total) < 0)
        return -1;
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT a.id, a.waktu, coalesce(u.username, ''), coalesce(u.wilayah, ''), a.aksi,"
           " a.tabel, a.baris, a.sebelum, a.sesudah" AUDIT_WHERE
           " ORDER BY a.id DESC LIMIT ?6 OFFSET ?7");
    if (!st)
        return -1;
    bind_filter(st, f);
    sqlite3_bind_int64(st, 6, limit > 0 ? limit : -1);
    sqlite3_bind_int64(st, 7, offset > 0 ? offset : 0);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_audit_row r = {(long)sqlite3_column_int64(st, 0),
                          col(st, 1),
                          col(st, 2),
                          col(st, 3),
                          col(st, 4),
                          col(st, 5),
                          col(st, 6),
                          col(st, 7),
                          col(st, 8)};
        if (fn(ctx, &r)) {
            sqlite3_reset(st);
            return 0;
        }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "audit_log: %s", sqlite3_errmsg(tb_store_db(s)));
    sqlite3_reset(st);
    return 0;
}
