/*
 * report.h (store) - the figures the reports are computed from: counts per
 * sub-area, the by-name list rows, the data-quality figures, the survey
 * prevalences. Part of the store (store.h): the SQL of src/report/report.c
 * lives here, one query per function (no query per row unless said), and
 * src/report/ turns the results into tables (titles, ratios, totals, links).
 *
 * Definitions (domain reference 6.1, 6.2, 15):
 *  S  children under five in the month that the store knows in the area:
 *     registered at a posyandu of the area, and (for an area, not one
 *     posyandu) the family-census children of its desa without a posyandu
 *     (sub-area key "-"); a child moved away or died (status.h) leaves S
 *     from the month of that status;
 *  K  of S, those with a Buku KIA/KMS;
 *  D  of S, weighed in the month (the last weighing of the month counts);
 *  N, T, O, B, 2T, BGM  the status of that weighing (lib/kms.c, on write).
 * The area is matched by Kemendagri code prefix (a kabupaten code matches
 * all its desa) and split one level down ("sub-area"); a posyandu scope is
 * split per posyandu.
 *
 * Functions with a row callback call fn for each row in order and stop with
 * -1 when fn returns < 0; the strings of a row live until fn returns. All
 * return 0, or -1 with tb_store_error() set.
 */
#ifndef TB_STORE_REPORT_H
#define TB_STORE_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* What a report covers: an area or one posyandu, and a month. */
typedef struct {
    const char *wilayah; /* Kemendagri code, any level (ignored when posyandu_id > 0) */
    long posyandu_id;    /* > 0: one posyandu instead of an area */
    const char *month;   /* yyyy-mm */
} tb_store_scope;

/* The name of the area in scope ("Posyandu X" for a posyandu) into out:
 * 1 found, 0 unknown (out empty), -1 error. */
int tb_store_scope_name(tb_store *s, const tb_store_scope *sc, char *out, size_t n);

/*
 * One sub-area of a count report. key: "p<id>" for a posyandu, else the
 * sub-area's code (a drill-down key); label: its name.
 */
typedef struct {
    const char *key, *label;
    double v[9];
} tb_sub_counts;

/* SKDN per sub-area, by label: v = S, K, D, N, T, O, B, 2T, BGM (D counts
 * only weighings with a weight). */
int tb_store_skdn(tb_store *s, const tb_store_scope *sc,
                  int (*fn)(void *ctx, const tb_sub_counts *r), void *ctx);

/* SKDN of one age group and sex: kelompok 0 = 0-5, 1 = 6-11, 2 = 12-23,
 * 3 = 24-35, 4 = 36-59 months (completed months on the last day of the
 * month; the F2 form's groups, domain reference 6.1); jk 1 L, 2 P, 0 not
 * recorded; v as tb_store_skdn. */
typedef struct {
    int kelompok, jk;
    double v[9];
} tb_skdn_umur_row;

/* SKDN of the whole scope by age group and sex, in that order (groups
 * without children are left out). */
int tb_store_skdn_umur(tb_store *s, const tb_store_scope *sc,
                       int (*fn)(void *ctx, const tb_skdn_umur_row *r), void *ctx);

/* Prevalence counts per sub-area, by label (valid = unflagged z-score):
 * v = S, valid TB/U, stunted (z < -2), valid BB/TB, wasted (z < -2), valid
 * BB/U, underweight (z < -2), overweight (BB/TB z > 2); v[8] unused. */
int tb_store_prevalensi(tb_store *s, const tb_store_scope *sc,
                        int (*fn)(void *ctx, const tb_sub_counts *r), void *ctx);

/* The totals of one month over the whole scope. */
typedef struct {
    double S;           /* target children */
    double D;           /* weighed (with a weight) */
    double diukur_tb;   /* valid TB/U z-score */
    double stunting;    /* of those, z < -2 */
    double diukur_bbtb; /* valid BB/TB z-score */
    double wasting;     /* of those, z < -2 */
} tb_month_totals;

/* The totals of the scope's month (trend, reconciliation). 0 or -1. */
int tb_store_month_totals(tb_store *s, const tb_store_scope *sc, tb_month_totals *out);

/* The by-name lists: which children of the scope, on the month's last measurement. */
typedef enum {
    TB_LIST_STUNTING,    /* valid TB/U z < -2, lowest first */
    TB_LIST_WASTING,     /* valid BB/TB z < -2, lowest first */
    TB_LIST_2T,          /* 2T this month, by sub-area */
    TB_LIST_BGM,         /* BGM this month, lowest BB/U first */
    TB_LIST_TIDAK_DIUKUR /* not measured this month, by sub-area */
} tb_list_kind;

/* One child of a list: the measurement and who and where the child is. */
typedef struct {
    long id;                       /* individu id */
    const char *tanggal;           /* measurement date (the last ever when not measured), or NULL */
    double bb, tb;                 /* of that measurement, NAN when none */
    double z_bbu, z_tbu, z_bbtb;   /* of that measurement, NAN when none */
    const char *status;            /* Permenkes category, "2T", "BGM", "belum diukur" */
    int umur_hari;                 /* at the measurement, -1 when not known */
    int umur_bulan;                /* completed months on the last day of the month, -1 unknown */
    bool found;                    /* the identity below was found */
    const char *nama, *nik, *ortu; /* personal data (may be NULL); ortu: the mother's name */
    const char *alamat;            /* the family's address (else the child's), may be NULL */
    const char *rt, *rw, *dusun;   /* of the family (else the child's), may be NULL */
    const char *telepon;           /* the family's phone, may be NULL */
    int jk;                        /* 1 / 2, 0 unknown */
    const char *desa, *posyandu;   /* names */
    const char *kecamatan;         /* name of the desa's kecamatan */
    const char *kat_bbu, *kat_tbu, *kat_bbtb; /* categories of the last measurement (tanggal) */
} tb_list_row;

/*
 * What a list page asks for: filters, order and page, all applied in the
 * query. Strings NULL or "" and numbers 0 (umur -1) mean "all". The area
 * filters narrow the scope (a code outside the scope finds nothing; the
 * caller refuses it first). sort is a column key from a fixed list
 * (tb_store_list_sortable); anything else is the list's own order.
 */
typedef struct {
    const char *cari;      /* part of the name (case-insensitive) or of the NIK */
    const char *kecamatan; /* code, 35.99.01 */
    const char *desa;      /* code, 35.99.01.2001 */
    long posyandu_id;      /* one posyandu */
    int umur;              /* age group 0..4 as tb_skdn_umur_row, -1 all */
    int jk;                /* 1 L, 2 P, 0 all */
    const char *status;    /* the list's status/category text, exact */
    const char *sort;      /* column key, NULL = the list's order */
    bool desc;             /* descending */
    long limit, offset;    /* limit 0 = every row */
} tb_list_query;

/* Can a list be sorted by the column with this key? */
bool tb_store_list_sortable(const char *key);

/* The children of a list that match q (NULL: all, in the list's order), one
 * query with the filters, order and page in it. *total (may be NULL) gets
 * the number of children matching before paging. */
int tb_store_list(tb_store *s, const tb_store_scope *sc, tb_list_kind k, const tb_list_query *q,
                  int (*fn)(void *ctx, const tb_list_row *r), void *ctx, long *total);

/* One posyandu of the chooser. */
typedef struct {
    long id;
    const char *nama, *desa, *kecamatan, *puskesmas; /* names (puskesmas may be NULL) */
    const char *desa_kode;
    long anak; /* children registered there */
} tb_posyandu_row;

/* The posyandu under an area code that match q (cari: part of the name;
 * kecamatan, desa; sort "nama", "desa", "kecamatan", "anak", else by
 * kecamatan, desa, name; limit/offset), total as tb_store_list. */
int tb_store_posyandu_page(tb_store *s, const char *wilayah, const tb_list_query *q,
                           int (*fn)(void *ctx, const tb_posyandu_row *r), void *ctx, long *total);

/* One group of the data-quality scorecard (measurements of the month). */
typedef struct {
    const char *label; /* posyandu name, or "cadre - posyandu" */
    /* 0 measurements; 1 % with a flagged z-score; 2 variance of valid TB/U z;
     * 3 variance of valid BB/U z; 4 % weights ending ,0/,5; 5 % heights
     * ending ,0/,5; 6 % born on the 1st or 15th; 7 % without height; 8 %
     * measured lying/standing against the age; 9 implausible changes since
     * the previous measurement. NAN when there is nothing to compute it on. */
    double v[10];
} tb_kualitas_row;

/* The scorecard per posyandu, or per cadre who measured (per_kader), worst
 * (most flagged) first. */
int tb_store_kualitas(tb_store *s, const tb_store_scope *sc, bool per_kader,
                      int (*fn)(void *ctx, const tb_kualitas_row *r), void *ctx);

/* The survey (SSGI/SKI) stunting prevalences of a kabupaten code, latest year first. */
int tb_store_survei_stunting(tb_store *s, const char *kabupaten,
                             int (*fn)(void *ctx, const char *survei, int tahun, double pct),
                             void *ctx);

#endif
