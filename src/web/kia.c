/*
 * kia.c - the form helpers of the catin and pregnancy pages (kia.h).
 */
#include "web/kia.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tb_date.h"

void tb_kia_err_add(tb_kia_err *e, const char *k, const char *fmt, ...)
{
    if (e->n >= TB_KIA_MAXERR || tb_kia_err_of(e, k))
        return;
    e->kolom[e->n] = k;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->pesan[e->n], sizeof e->pesan[0], fmt, ap);
    va_end(ap);
    e->n++;
}

const char *tb_kia_err_of(const tb_kia_err *e, const char *k)
{
    for (int i = 0; e && i < e->n; i++)
        if (!strcmp(e->kolom[i], k))
            return e->pesan[i];
    return NULL;
}

const char *tb_kia_form(const tb_req *q, const char *k)
{
    const char *v = tb_req_form(q, k);
    return v ? v : "";
}

static void err_span(tb_buf *b, const char *msg)
{
    if (!msg)
        return;
    tb_buf_puts(b, " <span class=\"galat\">");
    tb_buf_html(b, msg);
    tb_buf_puts(b, "</span>");
}

void tb_kia_input(tb_buf *b, const tb_req *q, const tb_kia_err *e, const char *label, const char *k,
                  const char *type, const char *dflt)
{
    const char *v = tb_req_form(q, k);
    const char *msg = tb_kia_err_of(e, k);
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, " <input type=\"%s\" name=\"%s\" value=\"", type, k);
    tb_buf_html(b, v ? v : dflt ? dflt : "");
    tb_buf_puts(b, "\"");
    if (!strcmp(type, "text") && (strstr(label, "(kg") || strstr(label, "(cm") ||
                                  strstr(label, "(g/dL") || strstr(label, "(tablet")))
        tb_buf_puts(b, " inputmode=\"decimal\""); /* a measurement: the phone's number pad */
    tb_buf_puts(b, msg ? " aria-invalid=\"true\">" : ">");
    err_span(b, msg);
    tb_buf_puts(b, "</label>");
}

void tb_kia_select(tb_buf *b, const tb_req *q, const tb_kia_err *e, const char *label,
                   const char *k, const char *values, const char *labels, const char *dflt)
{
    const char *v = tb_req_form(q, k);
    if (!v)
        v = dflt ? dflt : "";
    const char *msg = tb_kia_err_of(e, k);
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, " <select name=\"%s\"%s><option value=\"\">-</option>", k,
                  msg ? " aria-invalid=\"true\"" : "");
    const char *pv = values, *pl = labels;
    while (*pv) {
        size_t nv = strcspn(pv, "|"), nl = strcspn(pl, "|");
        char vb[64], lb[160];
        snprintf(vb, sizeof vb, "%.*s", (int)nv, pv);
        snprintf(lb, sizeof lb, "%.*s", (int)nl, pl);
        tb_buf_puts(b, "<option value=\"");
        tb_buf_html(b, vb);
        tb_buf_puts(b, !strcmp(v, vb) ? "\" selected>" : "\">");
        tb_buf_html(b, lb);
        tb_buf_puts(b, "</option>");
        pv += nv + (pv[nv] ? 1 : 0);
        pl += nl + (pl[nl] ? 1 : 0);
    }
    tb_buf_puts(b, "</select>");
    err_span(b, msg);
    tb_buf_puts(b, "</label>");
}

void tb_kia_date(const tb_req *q, tb_kia_err *e, const char *k, const char *label, bool required,
                 long *day)
{
    const char *v = tb_kia_form(q, k);
    *day = TB_DATE_NONE;
    if (!*v) {
        if (required)
            tb_kia_err_add(e, k, "Isi %s (TTTT-BB-HH).", label);
        return;
    }
    *day = tb_date_iso(v);
    if (*day == TB_DATE_NONE)
        tb_kia_err_add(e, k, "%s harus tanggal TTTT-BB-HH, mis. 2026-11-02.", label);
}

void tb_kia_num(const tb_req *q, tb_kia_err *e, const char *k, const char *label, double lo,
                double hi, const char *unit, double *v)
{
    const char *s = tb_kia_form(q, k);
    *v = NAN;
    if (!*s)
        return;
    char buf[32], *end;
    snprintf(buf, sizeof buf, "%s", s);
    for (char *p = buf; *p; p++)
        if (*p == ',')
            *p = '.';
    double x = strtod(buf, &end);
    if (end == buf || *end || isnan(x) || x < lo || x > hi) {
        tb_kia_err_add(e, k, "%s harus angka antara %g dan %g %s.", label, lo, hi, unit);
        return;
    }
    *v = x;
}
