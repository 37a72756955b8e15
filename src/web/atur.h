/*
 * atur.h - what the district setup pages (atur.c: puskesmas and posyandu;
 * atur_target.c: survey figures, targets, lokus desa) share: a refused
 * form's error, and form fields that come back filled with what the user
 * typed and the error next to the field.
 */
#ifndef TB_WEB_ATUR_H
#define TB_WEB_ATUR_H

#include <stdbool.h>

#include "base/buf.h"
#include "web/http.h"

/* Why a form was refused: which form, which field, and the message. */
typedef struct {
    const char *form;  /* the form's name, NULL when nothing was refused */
    const char *field; /* the field the message belongs beside */
    char msg[256];
} atur_err;

/* Sets e (form, field) with a printf-style message; returns false. */
bool tb_atur_fail(atur_err *e, const char *form, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The value a field shows: what the user typed when e refused this form,
 * else def (NULL = ""). */
const char *tb_atur_value(const tb_req *q, const atur_err *e, const char *form, const char *name,
                          const char *def);

/* Appends <label>LABEL<input name=NAME value=...> with attrs (raw HTML
 * attributes, may be NULL) and, when e refused this field of form, the
 * message beside it. */
void tb_atur_input(tb_buf *b, const tb_req *q, const atur_err *e, const char *form,
                   const char *label, const char *name, const char *def, const char *attrs);

/* Appends e's message when it refused field of form (nothing otherwise). */
void tb_atur_field_err(tb_buf *b, const atur_err *e, const char *form, const char *field);

/* Appends the choices offered while typing a desa (datalist daftar-desa) or
 * a puskesmas (daftar-puskesmas): those of the user's area. */
void tb_atur_datalists(tb_buf *b, tb_req *q);

/* Reads a year (2000-2100): true, or false with the reason in e. */
bool tb_atur_year(const char *s, int *out, atur_err *e, const char *form, const char *field);

/* Reads a percentage 0-100, with a decimal comma or point; blank is NAN
 * when optional. True, or false with the reason in e. */
bool tb_atur_pct(const char *s, bool optional, double *out, atur_err *e, const char *form,
                 const char *field);

#endif
