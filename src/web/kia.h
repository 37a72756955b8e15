/*
 * kia.h - what the catin and pregnancy pages share (catin.c, kehamilan.c):
 * a form's labelled inputs that keep what was typed and show the error next
 * to the field, and the checks of a typed date and number.
 */
#ifndef TB_WEB_KIA_H
#define TB_WEB_KIA_H

#include <stdbool.h>

#include "base/buf.h"
#include "web/http.h"

/* The most field errors a form keeps. */
#define TB_KIA_MAXERR 16

/* A form's errors: field name -> Indonesian message. */
typedef struct {
    int n;
    const char *kolom[TB_KIA_MAXERR];
    char pesan[TB_KIA_MAXERR][160];
} tb_kia_err;

/* Adds an error for field k (printf-style message). */
void tb_kia_err_add(tb_kia_err *e, const char *k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The error of field k, or NULL. */
const char *tb_kia_err_of(const tb_kia_err *e, const char *k);

/* The posted value of field k ("" when absent). */
const char *tb_kia_form(const tb_req *q, const char *k);

/* A labelled input named k of type type, with the posted value (else dflt)
 * and its error. */
void tb_kia_input(tb_buf *b, const tb_req *q, const tb_kia_err *e, const char *label, const char *k,
                  const char *type, const char *dflt);

/* A labelled select named k of '|'-separated values and labels, the posted
 * value (else dflt) selected, and its error. */
void tb_kia_select(tb_buf *b, const tb_req *q, const tb_kia_err *e, const char *label,
                   const char *k, const char *values, const char *labels, const char *dflt);

/* Reads date field k (TTTT-BB-HH): its day number into *day (TB_DATE_NONE
 * when empty and optional). An error when required and empty, or not a
 * date. */
void tb_kia_date(const tb_req *q, tb_kia_err *e, const char *k, const char *label, bool required,
                 long *day);

/* Reads number field k (decimal comma or point) in lo..hi into *v (NAN
 * when empty); an error otherwise. */
void tb_kia_num(const tb_req *q, tb_kia_err *e, const char *k, const char *label, double lo,
                double hi, const char *unit, double *v);

#endif
