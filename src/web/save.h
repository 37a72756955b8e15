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
    long anak_id;
    char tanggal[32];    /* as sent: validated (exactly yyyy-mm-dd) before use */
    double bb, tb, lila; /* NAN = not given */
    bool bb_given, tb_given;
    char cara; /* 'l', 'h', 0 = by age */
    bool vit_a, pmt, yakin;
    char uuid[48]; /* offline entry id, "" = none */
} tb_save_entry;

typedef struct {
    int status; /* HTTP status */
    char error[256];
    bool confirm;   /* unusual value: confirm and send again with yakin */
    bool duplicate; /* this uuid was stored before */
    tb_ukur_row row;
    tb_advice advice;
    char summary[256];
} tb_save_result;

/* Reads an entry from the posyandu-day form fields of q (missing numbers NAN). */
void tb_save_entry_from_form(const tb_req *q, tb_save_entry *e);
/* Saves an entry for q's user. 0 when stored or already stored (res has
 * the row, advice, summary, status 201 or 200); -1 otherwise with
 * res->status and res->error (404, 403, 422, 409 with res->confirm, 500). */
int tb_save_measurement(tb_req *q, const tb_save_entry *e, tb_save_result *res);
/* One line summing a measurement up (BB, PB/TB, z-scores, categories, N/T). */
void tb_save_summary(const tb_ukur_row *u, char *out, size_t n);
/* A decimal number typed in a form (comma or point), NAN when empty or not one. */
double tb_save_parse_num(const char *s);
/* The result box of a measurement: summary (after its date when dated) and advice. */
void tb_save_result_html(tb_buf *b, tb_store *s, const tb_ukur_row *u, bool dated);

#endif
