/*
 * bulk.c - SQLite settings for a bulk load: see bulk.h. The import pipeline
 * (src/import/pipeline.c) calls these so that it never speaks SQLite itself.
 */
#include <stdio.h>

#include "store/bulk.h"
#include "store/internal.h"

void tb_store_bulk_global_config(void)
{
    sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 1200, 500);
}

int tb_store_bulk_pragmas(tb_store *s, int cache_kib, bool foreign_keys_off)
{
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", cache_kib);
    sqlite3 *db = tb_store_db(s);
    if (sqlite3_exec(db, pragma, NULL, NULL, NULL) != SQLITE_OK)
        return tb_store_fail(s, "%s", sqlite3_errmsg(db));
    if (foreign_keys_off &&
        sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) != SQLITE_OK)
        return tb_store_fail(s, "%s", sqlite3_errmsg(db));
    return 0;
}
