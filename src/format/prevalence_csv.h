/*
 * prevalence_csv.h - WHO's prevalence estimates for an anthropometric CSV file.
 *
 * Reads the file once (z-scores computed on the fly with the growth engine),
 * keeps a compact record per child (about 32 bytes), and makes the two
 * passes of lib/survey.c over them in cluster order. The rules are those of
 * WHO's anthro_prevalence() (shared/domain/who-growth-method.md,
 * "Prevalence"): flagged z-scores left out; oedema counted as z = -3.1 in
 * the weight-based prevalences but left out of their means; rows over 1826
 * days left out; rows with no cluster or stratum left out (counted).
 *
 * Groups: all, the six age groups, sex, age by sex, and the values of an
 * optional --by column. Indicators: prevalence below -3/-2/-1 and above
 * +1/+2/+3 SD, mean and SD of zlen, zwei, zwfl and zbmi, and stunting with
 * wasting and with overweight, each with SE and 95% CI. Written as a long
 * table (one row per group and indicator) or as anthro_prevalence()'s table.
 */
#ifndef TB_PREVALENCE_CSV_H
#define TB_PREVALENCE_CSV_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *name;    /* the input's name in messages */
    const char *cluster; /* design columns, by header name; NULL = none */
    const char *strata;
    const char *weight;
    const char *by; /* extra grouping column; NULL = none */
} tb_prevalence_options;

typedef struct {
    long rows;            /* rows analysed */
    long excluded_age;    /* left out: over 1826 days */
    long excluded_design; /* left out: no cluster or stratum */
    long missing_weight;  /* no sampling weight: weight 0 (left out) */
    long unread;          /* values that could not be read (treated as missing) */
} tb_prevalence_stats;

typedef enum {
    TB_PREVALENCE_LONG,  /* group,indicator,pop,unwpop,estimate,se,ll,ul,stdev */
    TB_PREVALENCE_ANTHRO /* the columns of WHO anthro's anthro_prevalence() */
} tb_prevalence_format;

typedef struct tb_prevalence tb_prevalence;

/*
 * Reads every row of `in` (not closed) and computes the estimates, filling
 * *st. Returns the estimates, or NULL with a message in err: not CSV, no
 * anthropometric or design column, a negative weight, no row left, out of
 * memory. Free with tb_prevalence_free.
 */
tb_prevalence *tb_prevalence_csv(FILE *in, const tb_prevalence_options *o, tb_prevalence_stats *st,
                                 char *err, size_t errlen);

/* Writes the estimates as CSV in format f. Write errors are left on out (ferror). */
void tb_prevalence_write(const tb_prevalence *p, FILE *out, tb_prevalence_format f);

/* Frees the estimates (NULL is fine). */
void tb_prevalence_free(tb_prevalence *p);

#endif
