/*
 * bulk.h - SQLite settings for a bulk load (`tumbuh import`): process-wide
 * configuration made before the first connection opens, and per-connection
 * pragmas. They trade memory and per-row checks for speed; durability is
 * unchanged (the load is one transaction).
 */
#ifndef TB_STORE_BULK_H
#define TB_STORE_BULK_H

#include <stdbool.h>

#include "store/store.h"

/*
 * Configures SQLite for a process with one thread talking to it and no
 * memory statistics (less locking per call), with a larger lookaside. Call
 * before any store is opened; later calls have no effect.
 */
void tb_store_bulk_global_config(void);

/*
 * Sets the page cache of this connection to cache_kib KiB, and turns the
 * checking of foreign keys off when foreign_keys_off (the caller then checks
 * the ids it wrote itself). Call outside a transaction. Both hold for this
 * connection only. 0, or -1 with the store's error set.
 */
int tb_store_bulk_pragmas(tb_store *s, int cache_kib, bool foreign_keys_off);

#endif
