/*
 * web_cache.h - rendered report fragments kept in memory until the data
 * changes (tb_web_data_version). Dashboards at kabupaten level read half a
 * million measurements; computing them once per data change, not once per
 * visitor, is what keeps pages fast with many users.
 */
#ifndef TB_WEB_CACHE_H
#define TB_WEB_CACHE_H

#include <stdbool.h>

#include "buf.h"

/* Appends the cached fragment for key to b if it is current; true on a hit. */
bool tb_cache_get(const char *key, unsigned long version, tb_buf *b);
/* Stores a fragment. */
void tb_cache_put(const char *key, unsigned long version, const char *data, size_t len);

#endif
