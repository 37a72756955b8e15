/*
 * rapat.h (report) - the lists and documents of the coordination cycle:
 * the action list (`tumbuh report tindak-lanjut`, the pages, the API), the
 * actions by budget source, the minutes (notulen) of a meeting as tables,
 * and the check of an action's indicator target against the data.
 */
#ifndef TB_REPORT_RAPAT_H
#define TB_REPORT_RAPAT_H

#include "format/table.h"
#include "store/rapat.h"
#include "store/store.h"

/* Where an indicator target stands. */
typedef enum {
    TB_CAPAIAN_NONE,    /* the action has no indicator */
    TB_CAPAIAN_NO_DATA, /* nothing to compute it on in that month */
    TB_CAPAIAN_MET,     /* tercapai */
    TB_CAPAIAN_NOT_YET, /* belum tercapai, the target month has not passed */
    TB_CAPAIAN_MISSED   /* tidak tercapai: the target month has passed */
} tb_capaian_state;

typedef struct {
    tb_capaian_state state;
    double nilai;  /* percent, NAN without data */
    char bulan[8]; /* the month checked: the target month, or this month before it */
    char teks[96]; /* e.g. "82,0% (2026-11): tercapai" */
} tb_capaian;

/* The Indonesian name of an indicator (ds, nd, stunting, terukur). */
const char *tb_indikator_label(const char *kode);
/* Checks action t's indicator in the month min(target month, this_month)
 * from the measurements: D/S, N/D, covered (valid TB/U of S) at least the
 * target, stunting prevalence at most the target. 0 or -1. */
int tb_rapat_capaian(tb_store *s, const tb_tindakan *t, const char *this_month, tb_capaian *out);

/* The action list of a filter, one row per action with the columns id,
 * rapat, tanggal_rapat, wilayah, masalah, tindakan, pelaksana,
 * penanggung_jawab, sumber_anggaran, anggaran, tenggat, status,
 * terakhir_ditinjau, indikator, target, capaian; indicator targets checked
 * in this_month. 0 and *out, or -1. */
int tb_report_tindak_lanjut(tb_store *s, const tb_tindakan_filter *f, const char *this_month,
                            tb_table **out);
/* The actions of a filter per budget source: sumber, jumlah, anggaran. */
int tb_report_tindak_lanjut_anggaran(tb_store *s, const tb_tindakan_filter *f, tb_table **out);
/* The minutes of meeting id as tables (meeting, participants, decisions and
 * commitments, problems, actions, actions carried over): *n tables into
 * out[6] (the caller frees them). 1, 0 unknown meeting, -1. */
int tb_report_notulen(tb_store *s, long id, const char *this_month, tb_table *out[6], int *n);
/* The berita acara of meeting id: the statement (what, when, where, how
 * many attended), decisions and commitments, the actions agreed, the
 * attendance list with signatures, and the signatures of the chair and the
 * minute-taker: *n tables into out[5] (the caller frees them). 1, 0 unknown
 * meeting, -1. */
int tb_report_berita_acara(tb_store *s, long id, const char *this_month, tb_table *out[5], int *n);
/* The meeting pack of an area and month: stunting (prevalence with
 * coverage), SKDN, the weighing backlog per sub-area (S, D, not weighed:
 * the home visits to make) and the open actions of the area, overdue on
 * today (yyyy-mm-dd) first, and stunting per sub-area over the last three
 * months with the children stunted by name: 5 tables into out (the caller
 * frees them). 0 or -1. */
int tb_report_bahan_rapat(tb_store *s, const char *wilayah, const char *month, const char *today,
                          tb_table *out[5]);

#endif
