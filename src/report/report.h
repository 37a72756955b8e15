/*
 * report.h - every figure and list Tumbuh shows, computed in one place.
 *
 * The web pages, the JSON API and `tumbuh report` all call these functions,
 * so a number is the same wherever it is read. Each report takes a wilayah
 * code (any level: kabupaten, kecamatan, desa) or a posyandu, and a month
 * (yyyy-mm), and returns a tb_table (table.h) owned by the caller.
 * Personal data (names, NIK) appear only when `with_names` is set, which
 * callers set only for roles that need them (UU PDP 27/2022); the child id
 * and the link to the child's page only when `link_anak` is set (the viewer
 * may open that page), so a list never links to a page its reader cannot
 * open.
 */
#ifndef TB_REPORT_H
#define TB_REPORT_H

#include <stdbool.h>

#include "store/store.h"
#include "store/report.h"
#include "format/table.h"

typedef struct {
    const char *wilayah;       /* Kemendagri code, any level */
    long posyandu_id;          /* > 0: one posyandu instead of a wilayah */
    char month[8];             /* yyyy-mm */
    bool with_names;           /* include names/NIK/addresses in lists */
    bool link_anak;            /* the viewer may open /anak/ID: lists link to it and carry the id */
    long tpk_pengguna;         /* > 0: a TPK member: family lists hold only their teams' */
} tb_report_scope;

/* The report names `tumbuh report NAME` and the web know. */
typedef enum {
    TB_REPORT_SKDN,           /* S, K, D, N, T, O, B, 2T, BGM and ratios, per sub-area */
    TB_REPORT_PREVALENSI,     /* stunting/wasting/underweight/overweight with coverage */
    TB_REPORT_TREN,           /* 12-month trend of prevalence and coverage */
    TB_REPORT_STUNTING,       /* by name: stunted children (latest measurement) */
    TB_REPORT_WASTING,        /* by name: wasted children */
    TB_REPORT_2T,             /* by name: 2T this month */
    TB_REPORT_BGM,            /* by name: BGM this month */
    TB_REPORT_TIDAK_DIUKUR,   /* by name: targets not measured this month (home visits) */
    TB_REPORT_KUALITAS,       /* data-quality scorecard per posyandu */
    TB_REPORT_REKONSILIASI,   /* survey prevalence x targets vs cases found by name */
    TB_REPORT_KUALITAS_KADER, /* data-quality scorecard per cadre (who measured) */
    TB_REPORT_SKDN_UMUR,      /* SKDN and ratios by age group and sex (the F2 breakdown) */
    TB_REPORT_KRS,            /* families at risk (KRS) per sub-area (report/krs.c) */
    TB_REPORT_KRS_TARGET,     /* target of assistance against KRS accompanied, verval open */
    TB_REPORT_KRS_KELUARGA,   /* by name: a desa's sasaran families, KRS first */
    TB_REPORT_VERVAL,         /* by name: a desa's verval worklist */
    TB_REPORT_TPK,            /* TPK assistance per team and desa (report/tpk.c) */
    TB_REPORT_STANDAR_PASTI,  /* "3 standar dan 4 PASTI" per desa (report/tpk.c) */
    TB_REPORT_KONVERGENSI,    /* desa convergence scorecard, Tabel 3 (report/layanan.c) */
    TB_REPORT_PWS_KIA,        /* PWS KIA per desa, cumulative to the month (report/kia.c) */
    TB_REPORT_CATIN,          /* Elsimil recap per desa (report/kia.c) */
    TB_REPORT_COUNT
} tb_report_kind;

/* The name of a report ("skdn", "prevalensi", ...) and its Indonesian title. */
const char *tb_report_name(tb_report_kind k);
const char *tb_report_title(tb_report_kind k);

/* The report for a name, or -1. */
int tb_report_lookup(const char *name);

/* Does the report list people (and so need with_names for names)? */
bool tb_report_is_list(tb_report_kind k);

/* Computes a report; 0 and *out, or -1 with tb_store_error(). */
int tb_report_run(tb_store *s, tb_report_kind k, const tb_report_scope *scope, tb_table **out);

/* A by-name list (tb_report_is_list) with filters, order and page q (NULL:
 * every row in the list's order); *total (may be NULL) gets the number of
 * children matching before paging. 0 and *out, or -1 as tb_report_run. */
int tb_report_run_list(tb_store *s, tb_report_kind k, const tb_report_scope *scope,
                       const tb_list_query *q, long *total, tb_table **out);

#endif
