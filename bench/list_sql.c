/*
 * list_sql.c - the SQL of one list page as the store runs it, for
 * bench/list.sh: calls tb_store_list (store/report.h) on a database with a
 * list's scope, filters, order and page, and prints the statement with its
 * parameters filled in (sqlite3_expanded_sql) followed by ";", then on
 * stderr the rows, the total and SQLite's own time for it. The statement
 * is then run by the sqlite3 command-line shell as the floor.
 *
 * usage: list_sql DB WILAYAH MONTH KIND SORT|- DESC(0/1) LIMIT OFFSET [SEARCH]
 *   KIND: stunting wasting 2t bgm tidak-diukur
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/internal.h"
#include "store/report.h"

static long rows;

static int count_row(void *ctx, const tb_list_row *r)
{
    (void)ctx;
    (void)r;
    rows++;
    return 0;
}

static int trace(unsigned type, void *ctx, void *p, void *x)
{
    (void)ctx;
    if (type != SQLITE_TRACE_PROFILE)
        return 0;
    const char *sql = sqlite3_sql((sqlite3_stmt *)p);
    if (!sql || !strstr(sql, "count(*) OVER ()"))
        return 0;
    char *full = sqlite3_expanded_sql((sqlite3_stmt *)p);
    printf("%s;\n", full ? full : sql);
    sqlite3_free(full);
    fprintf(stderr, "sqlite time: %.1f ms\n", (double)*(sqlite3_int64 *)x / 1e6);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 9 && argc != 10) {
        fprintf(stderr,
                "usage: list_sql DB WILAYAH MONTH KIND SORT|- DESC LIMIT OFFSET [SEARCH]\n");
        return 2;
    }
    static const char *const kinds[] = {"stunting", "wasting", "2t", "bgm", "tidak-diukur"};
    int k = -1;
    for (int i = 0; i < 5; i++)
        if (!strcmp(argv[4], kinds[i]))
            k = i;
    tb_store *s;
    char err[256];
    if (k < 0 || tb_store_open_readonly(argv[1], &s, err, sizeof err)) {
        fprintf(stderr, "list_sql: %s\n", k < 0 ? "unknown list" : err);
        return 1;
    }
    sqlite3_trace_v2(tb_store_db(s), SQLITE_TRACE_PROFILE, trace, NULL);
    tb_store_scope sc = {argv[2], 0, argv[3]};
    tb_list_query q = {.umur = -1,
                       .sort = strcmp(argv[5], "-") ? argv[5] : NULL,
                       .desc = atoi(argv[6]) != 0,
                       .limit = atol(argv[7]),
                       .offset = atol(argv[8]),
                       .cari = argc == 10 ? argv[9] : NULL};
    long total = 0;
    if (tb_store_list(s, &sc, (tb_list_kind)k, &q, count_row, NULL, &total) < 0) {
        fprintf(stderr, "list_sql: %s\n", tb_store_error(s));
        return 1;
    }
    fprintf(stderr, "rows: %ld of %ld\n", rows, total);
    tb_store_close(s);
    return 0;
}
