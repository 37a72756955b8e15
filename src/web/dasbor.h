/*
 * dasbor.h - the dashboard figures of an area (dasbor.c), for the page and
 * for the server's warm loop.
 */
#ifndef TB_WEB_DASBOR_H
#define TB_WEB_DASBOR_H

#include "base/buf.h"
#include "store/store.h"
#include "web/page.h"

/* Appends the dashboard figures of a scope to b, from the cache when
 * current, else computed and cached; *made gets when they were computed.
 * -1 on a store error (tb_store_error(st) says which). */
int tb_dasbor_fragment(tb_store *st, const page_scope *ps, tb_buf *b, long *made);
/* Computes the kabupaten and kecamatan dashboards of a month into the
 * cache (errors leave the cache as it was). */
void tb_web_warm(tb_store *st, const char *month);

#endif
