/*
 * lokus.h - the data behind the lokus desa ranking (report/cakupan.h
 * computes the score): per desa of a kabupaten, the stunted children, the
 * children measured, the families at risk (KRS) and the poor families, and
 * the weights of the components the district sets per year.
 * Part of the store (store.h); each function returns -1 with
 * tb_store_error() set on error.
 */
#ifndef TB_STORE_LOKUS_H
#define TB_STORE_LOKUS_H

#include "store/store.h"

/* The components of the ranking, in this order everywhere. */
enum {
    TB_LOKUS_STUNTING,   /* stunted children (number) */
    TB_LOKUS_PREVALENSI, /* stunting prevalence, % of children with a valid TB/U */
    TB_LOKUS_KRS,        /* families at risk of stunting (number) */
    TB_LOKUS_CELAH,      /* coverage gap: mean shortfall below target, points */
    TB_LOKUS_MISKIN,     /* poor and vulnerable families (desil 1-4), % of families */
    TB_LOKUS_NKOMP
};

/* The machine name of component c (stunting, prevalensi, krs, celah_cakupan, kemiskinan). */
const char *tb_lokus_komponen(int c);

/* One desa's counts in a period. */
typedef struct {
    char kode[24], nama[96], kecamatan[96];
    long stunting, diukur;       /* children stunted / with a valid TB/U, latest in the period */
    long krs, keluarga;          /* families at risk / all families */
    long miskin, desil_tercatat; /* families desil 1-4 / families with a desil */
    int lokus;                   /* a lokus desa of the year */
    char no_sk[64];              /* its decree, when lokus */
} tb_lokus_desa;

/* Calls fn for every desa of kabupaten (by code) with its counts over
 * [dari, sampai) (yyyy-mm-dd) and its lokus status in tahun. 0 or -1. */
int tb_store_lokus_desa_each(tb_store *s, const char *kabupaten, const char *dari,
                             const char *sampai, int tahun,
                             int (*fn)(void *ctx, const tb_lokus_desa *d), void *ctx);

/* The weights of kabupaten for tahun into w[TB_LOKUS_NKOMP]: the year's,
 * else the latest earlier year's, else the defaults (30, 30, 15, 15, 10).
 * 1 when set by the district, 0 defaults, -1. */
int tb_store_lokus_bobot_get(tb_store *s, const char *kabupaten, int tahun, double *w);

/* Stores the weights of kabupaten for tahun (each 0-100); audited. 0 or -1. */
int tb_store_lokus_bobot_put(tb_store *s, long by, const char *kabupaten, int tahun,
                             const double *w);

#endif
