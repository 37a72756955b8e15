/*
 * audit_kasus.h (report) - the semester report of the stunting case audit
 * (Laporan AKS): the cases by category with how far each went, every case
 * with its reason, findings, recommendations and dissemination, and the
 * actions that follow the cases with their status. Without names: the
 * report leaves the audit team (cases are "Kasus #id").
 */
#ifndef TB_REPORT_AUDIT_KASUS_H
#define TB_REPORT_AUDIT_KASUS_H

#include "format/table.h"
#include "store/store.h"

/* The report of kabupaten (its name for the titles) and semester (2026-2):
 * 3 tables into out (the caller frees them). 0 or -1. */
int tb_report_aks_semester(tb_store *s, const char *kabupaten, const char *nama,
                           const char *semester, tb_table *out[3]);

#endif
