/*
 * posyandu.h - posyandu and puskesmas: creating them as imports find them,
 * a posyandu's page (its facts and its target children for a month) and the
 * list of posyandu under an area. Part of the store (store.h); each function
 * returns -1 with tb_store_error() set on error.
 */
#ifndef TB_STORE_POSYANDU_H
#define TB_STORE_POSYANDU_H

#include "store/pengukuran.h"
#include "store/store.h"

typedef struct {
    long id;
    char nama[96];
    char desa[24], desa_nama[96];
    char kecamatan[24];
    int hari_buka; /* its usual day of the month (1-31), 0 = not known */
} tb_posyandu_info;

/* A posyandu with its desa: 1 found, 0 not found, -1 error. */
int tb_store_posyandu_info(tb_store *s, long id, tb_posyandu_info *out);

/* One target child of a posyandu for a month, with last month's and this month's result. */
typedef struct {
    long id;
    char nama[128];
    int jk;
    char tgl_lahir[11];
    int umur_bulan;
    int has_prev, has_now;
    tb_ukur_row prev, now;
} tb_sasaran_row;

/* Calls fn for every target child (under 60 months in month yyyy-mm), by
 * name; stops with -1 when fn returns < 0. 0 or -1. */
int tb_store_posyandu_sasaran(tb_store *s, long posyandu_id, const char *month,
                              int (*fn)(void *ctx, const tb_sasaran_row *r), void *ctx);

/* The open posyandu of a desa (or of every desa under a wilayah code), by name;
 * stops with -1 when fn returns < 0. 0 or -1. */
int tb_store_posyandu_list(tb_store *s, const char *wilayah,
                           int (*fn)(void *ctx, long id, const char *nama, const char *desa),
                           void *ctx);

/* The id of the posyandu named nama in desa, created if missing; -1 on error. */
long tb_store_posyandu_ensure(tb_store *s, const char *desa, const char *nama);

/*
 * The id of the puskesmas named nama: the one of that name in the desa's
 * kabupaten, else created in the desa's kecamatan; -1 on error.
 */
long tb_store_puskesmas_ensure(tb_store *s, const char *desa, const char *nama);

/* Links a posyandu to its puskesmas; *outcome TB_PUT_UPDATED when the link changed. 0 or -1. */
int tb_store_posyandu_set_puskesmas(tb_store *s, long posyandu_id, long puskesmas_id, int *outcome);

#endif
