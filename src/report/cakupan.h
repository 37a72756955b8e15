/*
 * cakupan.h (report) - intervention coverage against targets, the December
 * evaluation of RAN PASTI, the lokus desa ranking and the per-desa export
 * (Master Ansit layout), for the pages and `tumbuh report`.
 *
 * Coverage of an area is summed from its desa: numerators and denominators
 * of the computed indicators add up; a value entered for an area itself
 * (store/cakupan.h) stands for that area, and an area with none sums the
 * values of its direct sub-areas (each its own, or likewise summed). The target is the district's
 * own for the year, else the national one. Status against the target (higher-is-better indicators;
 * mirrored for lower-is-better): tercapai when the coverage reaches the target, mendekati within 10
 * points below it, rendah further below; "tidak ada data" without a denominator.
 */
#ifndef TB_REPORT_CAKUPAN_H
#define TB_REPORT_CAKUPAN_H

#include "format/table.h"
#include "store/cakupan.h"
#include "store/lokus.h"
#include "store/store.h"

typedef struct {
    char kode[24], nama[96];
    int tingkat;
} tb_cakupan_wil;

/* The coverage of every indicator in an area and everything under it. */
typedef struct {
    int tahun, kuartal; /* kuartal 1-4, 0 = the whole year */
    int nind;
    tb_indikator ind[TB_INDIKATOR_MAX];
    int nw;
    tb_cakupan_wil *w;   /* the area first, then the areas under it, by code */
    double *num, *den;   /* [w * nind + i], summed (see above) */
    double *inum, *iden; /* entered for that area itself */
    char (*sumber)[24];  /* "Tumbuh", or the system of an entered value */
} tb_cakupan;

typedef enum {
    TB_CAPAI_TANPA_DATA,
    TB_CAPAI_TANPA_TARGET,
    TB_CAPAI_TERCAPAI,
    TB_CAPAI_MENDEKATI,
    TB_CAPAI_RENDAH
} tb_capai;

/* Computes the coverage of wilayah (any level) in tahun, or its quarter
 * kuartal (1-4; 0 the year). 0, or -1 with tb_store_error(). */
int tb_cakupan_hitung(tb_store *s, const char *wilayah, int tahun, int kuartal, tb_cakupan *c);
void tb_cakupan_free(tb_cakupan *c);

/* The kabupaten code of any area code ("35.07.01.2001" -> "35.07") into out[24]. */
void tb_cakupan_kabupaten(const char *kode, char *out);

/* Coverage (%) of indicator i in area w, NAN without a denominator. */
double tb_cakupan_persen(const tb_cakupan *c, int w, int i);
/* The target of indicator i: the district's, else national; NAN none. */
double tb_cakupan_target(const tb_cakupan *c, int i);
/* How far below the target (points, > 0 below, <= 0 reached); NAN when
 * there is no data or no target. */
double tb_cakupan_celah(const tb_cakupan *c, int w, int i);
/* Where coverage stands against the target, and its Indonesian label. */
tb_capai tb_cakupan_status(const tb_cakupan *c, int w, int i);
const char *tb_capai_teks(tb_capai st);

/* `tumbuh report cakupan`: one row per area (wilayah and all under it) and
 * indicator: kode, wilayah, indikator, pembilang, penyebut, persen,
 * target, sumber. 0 and *out, or -1. */
int tb_report_cakupan(tb_store *s, const char *wilayah, int tahun, tb_table **out);

/* The December evaluation of RAN PASTI: the year's indicators against
 * targets for the kabupaten and each kecamatan: kode, wilayah, indikator,
 * pembilang, penyebut, persen, target, status, sumber. 0 or -1. */
int tb_report_evaluasi(tb_store *s, const char *kabupaten, int tahun, tb_table **out);

/* One desa of the lokus ranking. */
typedef struct {
    tb_lokus_desa d;
    double nilai[TB_LOKUS_NKOMP]; /* component values, NAN unknown */
    double norm[TB_LOKUS_NKOMP];  /* normalised 0-1 */
    double skor;                  /* 0-100 */
    int peringkat;                /* 1 = highest score */
} tb_lokus_baris;

/*
 * The lokus ranking of the desa of kabupaten in tahun with the district's
 * weights (store/lokus.h) into *rows (by rank; the caller frees it) and *n;
 * the weights used into w. Each component is normalised min-max over the
 * desa that have a value: (x - min) / (max - min), 0 when all are equal or
 * the value is unknown; skor = 100 * sum(w_c * norm_c) / sum(w_c).
 * Components: stunted children (number, latest valid TB/U of the year),
 * prevalence (% of those measured), KRS (number), coverage gap (mean points
 * below target over the indicators with data and a target) and poverty
 * (% of families in desil 1-4, when a desil is known). Ties by code.
 * 0 or -1.
 */
int tb_lokus_ranking(tb_store *s, const char *kabupaten, int tahun, tb_lokus_baris **rows, int *n,
                     double *w);

/* `tumbuh report lokus`: kode, desa, kecamatan, skor, peringkat, then one
 * column per component. 0 or -1. */
int tb_report_lokus(tb_store *s, const char *kabupaten, int tahun, tb_table **out);

/* The per-desa export (Master Ansit layout): kode, desa, kecamatan, lokus,
 * then per indicator its target, sasaran (denominator), capaian
 * (numerator) and persen. 0 or -1. */
int tb_report_ansit(tb_store *s, const char *kabupaten, int tahun, tb_table **out);

#endif
