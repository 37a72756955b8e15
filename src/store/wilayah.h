/*
 * wilayah.h - areas: provinsi, kabupaten, kecamatan and desa by their dotted
 * Kemendagri code (35, 35.07, 35.07.01, 35.07.01.2001). Part of the store
 * (store.h); each function returns -1 with tb_store_error() set on error.
 */
#ifndef TB_STORE_WILAYAH_H
#define TB_STORE_WILAYAH_H

#include <stddef.h>

#include "store/store.h"

/* The level of a dotted Kemendagri code (1 provinsi .. 4 desa), or -1. */
int tb_wilayah_level(const char *kode);

/* Inserts or renames a wilayah (its parent from the code); *changed if it did. 0 or -1. */
int tb_store_wilayah_put(tb_store *s, const char *kode, const char *nama, int *changed);

/* Looks a wilayah up: 1 (and its name into nama) when it exists, 0 when not, -1 on error. */
int tb_store_wilayah_get(tb_store *s, const char *kode, char *nama, size_t namalen);

/* The name of a wilayah into out (empty when unknown): 1 found, 0 not, -1 error. */
int tb_store_wilayah_nama(tb_store *s, const char *kode, char *out, size_t n);

/* Calls fn for every wilayah (stops and returns fn's value when it is not 0). */
int tb_store_wilayah_each(tb_store *s,
                          int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama),
                          void *ctx);

/* Sub-areas of a wilayah (one level down), by name; stops with -1 when fn
 * returns < 0. 0 or -1. */
int tb_store_wilayah_anak(tb_store *s, const char *kode,
                          int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx);

/* Codes of the wilayah with levels from..to (2 kabupaten .. 4 desa) in the
 * districts the database serves (never the whole national list); the count or -1. */
int tb_store_wilayah_kode_list(tb_store *s, int from, int to, char (*codes)[32], int max);

/*
 * 1 when kode is in a district the database serves (the kabupaten `tumbuh
 * init` recorded, one with a posyandu, or one no national list carries, such
 * as the demo's 35.99), or is the provinsi of one; 0 when not (another
 * district of the national list); -1 on error.
 */
int tb_store_wilayah_served(tb_store *s, const char *kode);

/* Starts loading version versi of the national code list (sha256: its
 * checksum, rows: its row count): every code of an earlier list is marked
 * as not in the current list until tb_store_wilayah_list_put carries it
 * again. Call inside a transaction. 0 or -1. */
int tb_store_wilayah_list_start(tb_store *s, const char *versi, const char *sha256, long rows);

/* One row of the list being loaded: inserted, or renamed and marked as in
 * list versi. 0 or -1. */
int tb_store_wilayah_list_put(tb_store *s, const char *versi, const char *kode, const char *nama);

/* 1 when version versi of the list has been loaded, 0 when not, -1 on error. */
int tb_store_wilayah_list_loaded(tb_store *s, const char *versi);

/* How many wilayah of a level (1..4) the current list carries under the
 * code prefix (NULL or "" for all). -1 on error. */
long tb_store_wilayah_list_count(tb_store *s, int level, const char *under);

/* 1 when kode is in the current national list, 0 when not, -1 on error. */
int tb_store_wilayah_in_list(tb_store *s, const char *kode);

/* Records another spelling of wilayah kode (audited). 0 or -1 (e.g. an unknown code). */
int tb_store_wilayah_alias_put(tb_store *s, const char *nama, const char *kode);

/* Records another spelling nama of wilayah kode, audited as user by (0 =
 * system): 1 added, 0 already there, -1 on error (e.g. an unknown code). */
int tb_store_wilayah_alias_add(tb_store *s, long by, const char *nama, const char *kode);

/* Removes the spelling nama of wilayah kode, audited as user by: 1
 * removed, 0 there was none, -1 on error. */
int tb_store_wilayah_alias_del(tb_store *s, long by, const char *nama, const char *kode);

/* An alias with the area it means: its name, level and kecamatan (the
 * area itself for a kecamatan; "" above). */
typedef struct {
    char nama[128], kode[16];
    int tingkat;
    char wilayah_nama[128];
    char kecamatan[16], kecamatan_nama[128];
} tb_wilayah_alias;

/* Calls fn for every alias of a wilayah at or under the code under (NULL or
 * "" for all), by kecamatan name, level, area name and spelling; stops
 * with -1 when fn returns < 0. 0 or -1. */
int tb_store_wilayah_alias_list(tb_store *s, const char *under,
                                int (*fn)(void *ctx, const tb_wilayah_alias *a), void *ctx);

/* Calls fn for every alias: the code, its level and the other spelling
 * (stops and returns fn's value when it is not 0). */
int tb_store_wilayah_alias_each(
    tb_store *s, int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama), void *ctx);

/* 1 when some wilayah is carried by no national list (the demo's, a
 * district's own import), 0 when none is, -1 on error. */
int tb_store_wilayah_unlisted(tb_store *s);

#endif
