/*
 * audit.h - reading the audit log (audit_log, written by tb_store_audit)
 * for the administrator's audit page: filtered by the acting user's area,
 * username, action and a date range, newest first, paged.
 */
#ifndef TB_STORE_AUDIT_H
#define TB_STORE_AUDIT_H

#include "store/store.h"

typedef struct {
    const char *wilayah;  /* the acting user's area: the code or below; "" = all, with the system */
    const char *username; /* "" = anyone */
    const char *aksi;     /* tambah, ubah, hapus, impor, masuk; "" = any */
    const char *dari;     /* YYYY-MM-DD, "" = from the start */
    const char *sampai;   /* YYYY-MM-DD inclusive, "" = until now */
} tb_audit_filter;

typedef struct {
    long id;
    const char *waktu, *username, *wilayah, *aksi, *tabel, *baris, *sebelum, *sesudah;
} tb_audit_row;

/* Calls fn for the rows matching f, newest first, skipping offset and at
 * most limit (limit <= 0: all); *total gets the count matching f when not
 * NULL. Stops when fn returns non-zero. 0 or -1. */
int tb_store_audit_each(tb_store *s, const tb_audit_filter *f, long offset, long limit, long *total,
                        int (*fn)(void *ctx, const tb_audit_row *r), void *ctx);

#endif
