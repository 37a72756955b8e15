/*
 * anthro_output.c - the growth engine's results as CSV columns (see anthro_output.h).
 *
 * Runs once per row of a million-row file: numbers go through
 * tb_format_fixed into the caller's buffer, with no allocation or stdio.
 */
#include <string.h>

#include "format/anthro_output.h"
#include "format/csv.h"

static const char *const out_columns =
    "age_days,age_months,clenhei,cmeasure,cbmi,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi,zhc,fhc,"
    "zac,fac,zts,fts,zss,fss,zhfa,fhfa,zwfa,fwfa,zbfa,fbfa,bbu,tbu,bbtb,imtu";

void tb_anthro_output_header(FILE *out, char delim)
{
    fputc(delim, out);
    for (const char *c = out_columns; *c; c++)
        fputc(*c == ',' ? delim : *c, out);
}

/* Appends a fixed-point number (or nothing when NAN) after a delimiter. */
static char *put_num(char *o, char delim, double v, int decimals, char sep)
{
    *o++ = delim;
    o += tb_format_fixed(o, v, decimals, sep);
    return o;
}

static char *put_str(char *o, char delim, const char *s)
{
    *o++ = delim;
    size_t n = strlen(s);
    memcpy(o, s, n);
    return o + n;
}

static char *put_flag(char *o, char delim, int f)
{
    *o++ = delim;
    if (f >= 0)
        *o++ = (char)('0' + f);
    return o;
}

size_t tb_anthro_output_row(char *out, const tb_growth_result *r, char d, char sep)
{
    char *o = out;
    *o++ = d;
    if (r->age_days >= 0)
        o += tb_format_fixed(o, r->age_days, 0, sep);
    o = put_num(o, d, r->age_months, 2, sep);
    o = put_num(o, d, r->clenhei, 2, sep);
    *o++ = d;
    if (r->cmeasure != TB_MEASURE_MISSING)
        *o++ = (char)r->cmeasure;
    o = put_num(o, d, r->cbmi, 2, sep);
    for (int k = 0; k < TB_IND_COUNT; k++) {
        o = put_num(o, d, r->z[k], 2, sep);
        o = put_flag(o, d, r->flag[k]);
    }
    o = put_str(o, d, tb_cat_bbu_code(r->bbu));
    o = put_str(o, d, tb_cat_tbu_code(r->tbu));
    o = put_str(o, d, tb_cat_gizi_code(r->bbtb));
    o = put_str(o, d, tb_cat_gizi_code(r->imtu));
    *o++ = '\n';
    return (size_t)(o - out);
}
