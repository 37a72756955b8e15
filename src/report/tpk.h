/*
 * tpk.h - the TPK report and the "3 standar dan 4 PASTI" report (tpk.c),
 * called by tb_report_run (report.h).
 */
#ifndef TB_REPORT_TPK_H
#define TB_REPORT_TPK_H

#include "format/table.h"
#include "report/report.h"

/* The "laporan tabulasi data hasil pendampingan TPK": per team and desa,
 * targets assigned, visited this month, overdue, visits, referrals made
 * and completed, with a total row. 0 or -1 (tb_store_error). */
int tb_report_tpk(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out);

/* "Laporan pelaksanaan 3 standar dan 4 PASTI": per desa, for each item of
 * the active checklist version, targets meeting it, targets it applies to
 * and the percentage, with a total row. 0 or -1. */
int tb_report_standar_pasti(tb_store *s, const tb_report_scope *sc, const char *title,
                            tb_table **out);

#endif
