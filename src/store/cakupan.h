/*
 * cakupan.h - intervention coverage: the indicators of Perpres 72/2021
 * Lampiran A and RAN PASTI as data (table indikator), their national and
 * district targets per year, the values entered from other systems, and
 * the values computed from Tumbuh's own records, per desa and period.
 * Each computed indicator is one query in cakupan.c whose definition is
 * stored with the indicator (indikator.definisi) and shown to users.
 * Part of the store (store.h); each function returns -1 with
 * tb_store_error() set on error.
 */
#ifndef TB_STORE_CAKUPAN_H
#define TB_STORE_CAKUPAN_H

#include "store/store.h"

#define TB_INDIKATOR_MAX 48

/* An indicator with its targets for one kabupaten and year. */
typedef struct {
    char kode[16];
    char nama[160];
    char kelompok[24]; /* perpres_spesifik, perpres_sensitif, ran_pasti */
    char cara[8];      /* hitung (computed) or isi (entered) */
    char arah[8];      /* naik: higher is better; turun: lower is better */
    char pembilang[160], penyebut[160];
    char opd[64];
    char definisi[320];
    double target_nasional; /* the latest national target at or before the year; NAN none */
    double target_daerah;   /* the district's own, likewise; NAN none */
} tb_indikator;

/* Reads every indicator (in their order) with its targets for kabupaten
 * (may be NULL: national only) and tahun into out[max]. The count or -1. */
int tb_store_indikator_list(tb_store *s, const char *kabupaten, int tahun, tb_indikator *out,
                            int max);

/* Is kode an indicator? 1 yes (its cara copied to cara[8] when not NULL), 0 no, -1. */
int tb_store_indikator_ada(tb_store *s, const char *kode, char *cara);

/* Sets the district's target of indicator kode for wilayah (a kabupaten)
 * and tahun (0-100); NAN removes it. Audited with by. 0 or -1. */
int tb_store_indikator_target_put(tb_store *s, long by, const char *kode, const char *wilayah,
                                  int tahun, double target);

/* A value entered from another system for an area and period. */
typedef struct {
    const char *kode;    /* the indicator */
    const char *wilayah; /* any area */
    const char *periode; /* YYYY or YYYY-Qn */
    double pembilang, penyebut;
    const char *sumber; /* the system it comes from, e.g. ASIK */
} tb_indikator_isian;

/* Stores (inserts or replaces) an entered value; audited. 0 or -1. */
int tb_store_indikator_nilai_put(tb_store *s, long by, const tb_indikator_isian *v);

/* One value found: an indicator's numerator and denominator in an area. */
typedef struct {
    const char *indikator;
    const char *wilayah; /* a desa for computed values; the area entered for others */
    double pembilang, penyebut;
    const char *sumber; /* "Tumbuh" for computed values, else the system entered */
} tb_cakupan_nilai;

/*
 * Calls fn for every value under wilayah in the period [dari, sampai)
 * (yyyy-mm-dd, sampai exclusive) named periode (YYYY or YYYY-Qn, for the
 * entered values): the computed indicators per desa (only desa with a
 * denominator), then the entered values of the period. Stops with -1 when
 * fn returns < 0. 0 or -1.
 */
int tb_store_cakupan_each(tb_store *s, const char *wilayah, const char *dari, const char *sampai,
                          const char *periode, int (*fn)(void *ctx, const tb_cakupan_nilai *v),
                          void *ctx);

/* Calls fn for wilayah and every area under it, by code. 0 or -1. */
int tb_store_cakupan_wilayah_each(tb_store *s, const char *wilayah,
                                  int (*fn)(void *ctx, const char *kode, int tingkat,
                                            const char *nama),
                                  void *ctx);

#endif
