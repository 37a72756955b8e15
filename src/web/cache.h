/*
 * cache.h - rendered report fragments kept in memory until the data
 * changes (tb_web_data_version). Dashboards at kabupaten level read half a
 * million measurements; computing them once per data change, not once per
 * visitor, is what keeps pages fast with many users.
 */
#ifndef TB_WEB_CACHE_H
#define TB_WEB_CACHE_H

#include <stdbool.h>

#include "base/buf.h"

/*
 * Appends the cached fragment for key to b if it is current: made at this
 * data version, or at most max_age seconds ago (0 = must be current).
 * Kabupaten and kecamatan dashboards accept a minute's age (the page says
 * when its figures were computed); desa and posyandu pages are always
 * current. True on a hit; *made gets the time the fragment was made.
 */
bool tb_cache_get(const char *key, unsigned long version, int max_age, tb_buf *b, long *made);
/* Stores a fragment. */
void tb_cache_put(const char *key, unsigned long version, const char *data, size_t len);

/* The data version: bumped on every write, so cached report tables older
 * than it are stale. Both are thread-safe and never fail. */
unsigned long tb_web_data_version(void);
void tb_web_data_changed(void);

#endif
