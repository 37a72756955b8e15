/*
 * internal.h - what the store's own files share, and nothing else includes:
 * the SQLite handle, the cache of prepared statements, and the small binding
 * and reading helpers every store file uses.
 *
 * The public headers of the store (store.h, wilayah.h, posyandu.h, ...) name
 * what the application needs and expose no SQLite type; only the .c files of src/store/
 * (and the store's own tests, which may poke the database) include this one.
 * A second backend (PostgreSQL) would replace this file and the .c files
 * behind the same public headers.
 */
#ifndef TB_STORE_INTERNAL_H
#define TB_STORE_INTERNAL_H

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>

#include "store/pengukuran.h"
#include "store/store.h"

/* The SQLite handle of an open store. */
sqlite3 *tb_store_db(tb_store *s);

/* Runs one or more SQL statements without parameters (schema work). 0 or -1. */
int tb_store_exec(tb_store *s, const char *sql);

/*
 * A cached prepared statement for sql (reset, bindings cleared); NULL on
 * error. sql should be a constant: the cache finds it by address first.
 */
sqlite3_stmt *tb_store_stmt(tb_store *s, const char *sql);

/* Binds a text value, or NULL when v is NULL or empty. */
static inline void tb_store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Binds a number, or NULL when v is NAN ("not measured"). */
static inline void tb_store_bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

/* Binds v, or NULL when v is below min (the "not given" values -1 and 0). */
static inline void tb_store_bind_int(sqlite3_stmt *st, int i, long v, long min)
{
    if (v < min)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}

/* Copies text column i into out (empty when NULL). */
static inline void tb_store_col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(out, n, "%s", t ? (const char *)t : "");
}

/* Number column i, NAN when NULL. */
static inline double tb_store_col_real(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* Steps a one-row query: 1 row, 0 none, -1 error (message in the store). */
static inline int tb_store_step_one(tb_store *s, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

/* Binds id to ?1 of a cached one-row query (NULL: its preparation failed) and
 * steps it: 1 row, 0 none, -1 error. */
static inline int tb_store_step_id(tb_store *s, sqlite3_stmt *st, long id)
{
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    return tb_store_step_one(s, st);
}

/* Steps a write: 0 done, -1 with "what: message" in the store. */
static inline int tb_store_step_done(tb_store *s, sqlite3_stmt *st, const char *what)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s: %s", what, sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

/* The columns of a measurement that tb_store_ukur_read reads, in its order. */
#define TB_UKUR_COLS                                                                               \
    "tanggal, umur_hari, bb, tb, lila, cara_ukur, z_bbu, z_tbu, z_bbtb, z_imtu, f_bbu, f_tbu,"     \
    " f_bbtb, kat_bbu, kat_tbu, kat_bbtb, naik, t2, bgm, vit_a, pmt_kg, id, tidak_wajar, lika"

/* Reads the TB_UKUR_COLS starting at column c of st's current row into *u
 * (pengukuran.c). */
void tb_store_ukur_read(sqlite3_stmt *st, int c, tb_ukur_row *u);

/*
 * SQL: is child ID (an individu id expression) active in the month bound as
 * ?2 (yyyy-mm)? Its latest status dated before the end of that month is
 * 'aktif', or it has none (store/status.h). Shared by S in the reports and
 * the targets of the posyandu day, so both agree. The children who are not
 * active are one small set computed once per statement (the row of each
 * child's latest date: SQLite's bare column beside max()), not a lookup per
 * child: S of a kabupaten is tens of thousands of children.
 */
#define TB_SQL_ACTIVE_IN_MONTH(ID) TB_SQL_ACTIVE_BEFORE(ID, "date(?2 || '-01', '+1 month')")
/* The same before the date END (an SQL expression: the day after a period). */
#define TB_SQL_ACTIVE_BEFORE(ID, END)                                                              \
    " " ID " NOT IN (SELECT y.individu_id FROM (SELECT x.individu_id, x.status, max(x.tanggal)"    \
    "  FROM anak_status x WHERE x.tanggal < " END " GROUP BY x.individu_id) y"                     \
    "  WHERE y.status <> 'aktif')"

/* One more element at the end of the array *arr (n in use, *cap allocated,
 * each size bytes; doubling from 64): the new element, zeroed, with *n
 * counted; NULL when out of memory (the store's error set). */
void *tb_store_push(tb_store *s, void *arr, int *n, int *cap, size_t size);

#endif
