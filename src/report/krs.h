/*
 * krs.h (report) - the families-at-risk tables (krs.c), run through
 * tb_report_run (report.h) with the report's title; each returns 0 and *out,
 * or -1 with tb_store_error().
 */
#ifndef TB_REPORT_KRS_H
#define TB_REPORT_KRS_H

#include "report/report.h"

/* The KRS table: one row per sub-area (a desa: the desa) and the total. */
int tb_report_krs(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out);

/* The target of assistance against the KRS accompanied, and verval still open, per sub-area. */
int tb_report_krs_target(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out);

/* A desa's sasaran families (names, KK and address only with sc->with_names). */
int tb_report_krs_keluarga(tb_store *s, const tb_report_scope *sc, const char *title,
                           tb_table **out);

/* A desa's verval worklist. */
int tb_report_verval(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out);

#endif
