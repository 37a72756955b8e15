/*
 * tb_test_db.h - the store tests' raw SQL helpers (fixtures and counts
 * written as SQL against the store's own connection; include after
 * store/internal.h).
 */
#ifndef TB_TEST_DB_H
#define TB_TEST_DB_H

#include <sqlite3.h>
#include <stdio.h>

/* Runs fixture SQL q on s's connection; an error is printed (the checks
 * that follow then fail). */
static inline void tb_test_sql(tb_store *s, const char *q)
{
    char *msg = NULL;
    if (sqlite3_exec(tb_store_db(s), q, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "sql: %s\n", msg);
        sqlite3_free(msg);
    }
}

/* The first column of the first row of query q (a count), or -1. */
static inline long tb_test_count(tb_store *s, const char *q)
{
    sqlite3_stmt *st;
    long n = -1;
    if (sqlite3_prepare_v2(tb_store_db(s), q, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

#endif
