/*
 * save.h - saving one measurement from the posyandu-day form or the
 * API (save.c): scope and role checks, validation, plausibility
 * (asks for confirmation), idempotent offline entries (client uuid), one
 * transaction with the audit record, and the result with advice.
 */
#ifndef TB_WEB_SAVE_H
#define TB_WEB_SAVE_H

#include <stdbool.h>

#include "report/advice.h"
#include "store/pengukuran.h"
#include "web/http.h"

typedef struct {
    long id; /* the measurement to correct, 0 = this month's (or a new one) */
    long anak_id;
    char tanggal[32];          /* as sent: validated (exactly yyyy-mm-dd) before use */
    double bb, tb, lila, lika; /* NAN = not given */
    bool bb_given, tb_given;
    char cara; /* 'l', 'h', 0 = by age */
    bool vit_a, pmt, yakin;
    char uuid[48]; /* offline entry id, "" = none */
} tb_save_entry;

/* One value to check again: the form field and what is unusual about it. */
typedef struct {
    char kolom[8];
    char pesan[200];
} tb_save_check;

#define TB_SAVE_CHECKS 8

typedef struct {
    int status; /* HTTP status */
    char error[320];
    bool confirm;                          /* unusual value: confirm and send again with yakin */
    tb_save_check periksa[TB_SAVE_CHECKS]; /* the unusual values, when confirm */
    int nperiksa;
    bool duplicate; /* this uuid was stored before */
    tb_ukur_row row;
    tb_advice advice;
    char summary[256];
} tb_save_result;

/* Reads an entry from the posyandu-day form fields of q (missing numbers NAN). */
void tb_save_entry_from_form(const tb_req *q, tb_save_entry *e);
/* Saves an entry for q's user: a child measured already in the entry's
 * month has that measurement corrected (e->id names another to correct),
 * else a new one is added. The plausibility rules always run: values they
 * find unusual are stored only with e->yakin, then marked (TB_WAJAR_*).
 * 0 when stored or already stored (res has the row, advice, summary, status
 * 201 when added, 200 when corrected or sent before); -1 otherwise with
 * res->status and res->error (404, 403, 422; 409 with res->confirm and
 * res->periksa, or 409 when an offline entry's id was used for other
 * values or another child; 500). */
int tb_save_measurement(tb_req *q, const tb_save_entry *e, tb_save_result *res);
/* Deletes measurement id of child anak_id softly (archived with who, when
 * and alasan, the required reason; audited; N/T/O/B recomputed), when q's
 * user enters measurements for the child. 0, or -1 with res->status and
 * res->error (404, 403, 422 without a reason, 500). */
int tb_save_delete(tb_req *q, long id, long anak_id, const char *alasan, tb_save_result *res);
/* The posyandu day's date for month (yyyy-mm) into out: the posyandu's usual
 * day of that month (hari_buka, 0 = unknown: the 15th, or today in the
 * current month) when it is not after today, else today. */
void tb_save_default_date(const char *today, const char *month, int hari_buka, char out[11]);
/* One line summing a measurement up (BB, PB/TB, z-scores, categories, N/T). */
void tb_save_summary(const tb_ukur_row *u, char *out, size_t n);
/* A decimal number typed in a form (comma or point), NAN when empty or not one. */
double tb_save_parse_num(const char *s);
/* The result box of a measurement: summary (after its date when dated) and advice. */
void tb_save_result_html(tb_buf *b, tb_store *s, const tb_ukur_row *u, bool dated);

#endif
