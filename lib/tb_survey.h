/*
 * tb_survey.h - design-based estimates of means and proportions of domains.
 *
 * Part of libtumbuh (pure computation: no I/O, no globals; the caller gives
 * the memory). Implements the estimator of R's `survey` package as WHO's
 * anthro_prevalence() uses it: a stratified cluster design with sampling
 * weights, with-replacement Taylor linearisation of the ratio mean, degrees
 * of freedom = clusters - strata, and strata with a single cluster centred on
 * the grand mean (survey.lonely.psu = "adjust"). A subgroup is a domain of
 * the whole design: its standard error comes from every cluster, with zeros
 * outside the domain. With no clusters each row is its own cluster, which
 * gives WHO's "simple" formulas exactly.
 *
 * Use: the caller defines `nslot` slots (a slot = one domain, e.g. "girls
 * 12-23 months with a valid zlen") each with up to `nval` values (e.g. the
 * 0/1 indicators of six cut-offs, or the z-score itself). It makes two
 * passes over its rows, in cluster order:
 *   pass 1: tb_survey_add() for every (row, slot) the row belongs to;
 *   tb_survey_end_pass1();
 *   pass 2: the same tb_survey_add() calls, and tb_survey_end_cluster()
 *           after the last row of each cluster;
 * then reads the estimates with tb_survey_estimate().
 */
#ifndef TB_SURVEY_H
#define TB_SURVEY_H

#include <stddef.h>

typedef struct {
    int nslot, nval, nstrata;
    int pass;
    double df;                /* degrees of freedom: clusters - strata */
    const long *clusters;     /* [nstrata] clusters in each stratum (whole design) */
    /* per slot */
    double *w;                /* sum of weights in the domain */
    double *n;                /* rows in the domain (unweighted) */
    double *npos;             /* rows with a positive weight */
    /* per slot x value */
    double *sy;               /* pass 1: sum w y; then the estimate */
    double *ss;               /* pass 2: sum w (y - R)^2 */
    double *zc;               /* pass 2: the current cluster's total of the influence values */
    double *sz, *sz2;         /* pass 2: per stratum x slot x value, sums of cluster totals and squares */
    int *touched;             /* slots touched in the current cluster */
    unsigned char *is_touched;
    int ntouched;
} tb_survey;

typedef struct {
    double pop;    /* weighted number in the domain */
    double unwpop; /* unweighted number */
    double r;      /* proportion (0-1) or mean */
    double se;
    double ll, ul; /* 95% confidence interval */
    double stdev;  /* standard deviation (means only) */
} tb_survey_est;

/* Bytes of memory tb_survey_init needs. */
size_t tb_survey_size(int nslot, int nval, int nstrata);

/*
 * Lays the estimator out in mem (tb_survey_size bytes, suitably aligned, e.g.
 * from malloc) and zeroes it. clusters[h] is the number of clusters in
 * stratum h in the whole design (rows of every domain, and rows of none).
 * Returns s, or NULL when the sizes are not positive.
 */
tb_survey *tb_survey_init(void *mem, int nslot, int nval, int nstrata, const long *clusters);

/*
 * Adds one row to a slot's domain: weight w, values y[0..nval-1] (values the
 * slot does not use may be anything, and are then never read back).
 */
void tb_survey_add(tb_survey *s, int slot, double w, const double *y);

/* Ends pass 1: the estimates are fixed, pass 2 computes their variance. */
void tb_survey_end_pass1(tb_survey *s);

/* Ends a cluster in pass 2 (after its last row); stratum is its stratum. */
void tb_survey_end_cluster(tb_survey *s, int stratum);

/*
 * The estimate of value v of a slot after pass 2. proportion: y is 0/1 and
 * the interval is svyciprop's logit interval ([0, 0] or [1, 1] at r = 0 or
 * 1); otherwise a mean with a t interval and the standard deviation.
 * An empty domain gives pop = unwpop = 0 and NAN elsewhere.
 */
tb_survey_est tb_survey_estimate(const tb_survey *s, int slot, int v, int proportion);

/*
 * The standard deviation of value v of a slot with survey's svyvar() rule:
 * sqrt(n / (n - 1) * weighted variance), where n is given by the caller.
 * (R's survey counts in n every row of the group with a positive weight,
 * including rows whose value is missing; tb_survey_estimate uses the rows
 * with a value, as WHO's design-free formula does.) NAN when n <= 1.
 */
double tb_survey_stdev(const tb_survey *s, int slot, int v, double n);

/* Student's t quantile: qt(p, df) for 0 < p < 1, df > 0. */
double tb_survey_qt(double p, double df);

/* Student's t distribution function P(T <= t) with df degrees of freedom. */
double tb_survey_pt(double t, double df);

#endif
