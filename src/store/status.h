/*
 * status.h - a child's status with its date: still here ('aktif'), moved
 * away ('pindah') or died ('meninggal'). A child whose latest status dated
 * before the end of a month is not 'aktif' is not a target (S) of that
 * month; one who comes back gets an 'aktif' row. Part of the store
 * (store.h); each function returns -1 with tb_store_error() set on error.
 */
#ifndef TB_STORE_STATUS_H
#define TB_STORE_STATUS_H

#include <stddef.h>

#include "store/store.h"

/* Is status one of 'aktif', 'pindah', 'meninggal'? */
bool tb_anak_status_valid(const char *status);

/*
 * Records the status of child (individu) id from date tanggal (yyyy-mm-dd,
 * a real date), with an audit record by user (0 = system), in one
 * transaction; a second status on the same date replaces the first. 0, or
 * -1 (unknown child, bad status or date, store error).
 */
int tb_store_anak_status_set(tb_store *s, long id, const char *status, const char *tanggal,
                             const char *catatan, long user);

/* The child's status on date tanggal into out ("aktif" when none recorded):
 * 0 or -1. */
int tb_store_anak_status_on(tb_store *s, long id, const char *tanggal, char *out, size_t n);

#endif
