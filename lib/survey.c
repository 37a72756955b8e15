/*
 * survey.c - design-based estimates of means and proportions (see tb_survey.h).
 *
 * The ratio mean R = sum(w y) / sum(w) over the domain has the influence
 * values z_i = w_i (y_i - R) / sum(w) inside the domain and 0 outside. Its
 * variance is that of the cluster totals Z_c = sum of z_i over the cluster:
 *   var = sum over strata h of  n_h / (n_h - 1) * sum_c (Z_c - mean_h Z)^2,
 * with n_h the clusters of stratum h in the whole design (clusters with no
 * domain row have Z_c = 0). A stratum with one cluster is centred on the
 * grand mean of the cluster totals, which for a ratio mean is 0, with scale
 * 1 (R survey's lonely.psu = "adjust"). Two passes keep it exact: pass 1
 * fixes R, pass 2 sums centred values, so no large sums cancel.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "tb_survey.h"

/* Rounds n up to a multiple of 8 bytes. */
static size_t align8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

size_t tb_survey_size(int nslot, int nval, int nstrata)
{
    if (nslot <= 0 || nval <= 0 || nstrata <= 0)
        return 0;
    size_t cells = (size_t)nslot * (size_t)nval;
    size_t d = sizeof(double);
    return align8(sizeof(tb_survey)) + 3 * (size_t)nslot * d + 3 * cells * d +
           2 * (size_t)nstrata * cells * d + align8((size_t)nslot * sizeof(int)) +
           align8((size_t)nslot);
}

tb_survey *tb_survey_init(void *mem, int nslot, int nval, int nstrata, const long *clusters)
{
    size_t size = tb_survey_size(nslot, nval, nstrata);
    if (!size || !mem)
        return NULL;
    memset(mem, 0, size);
    char *p = mem;
    tb_survey *s = (tb_survey *)p;
    p += align8(sizeof(tb_survey));
    size_t cells = (size_t)nslot * (size_t)nval;
    s->nslot = nslot;
    s->nval = nval;
    s->nstrata = nstrata;
    s->clusters = clusters;
    s->pass = 1;
    s->w = (double *)p, p += (size_t)nslot * sizeof(double);
    s->n = (double *)p, p += (size_t)nslot * sizeof(double);
    s->npos = (double *)p, p += (size_t)nslot * sizeof(double);
    s->sy = (double *)p, p += cells * sizeof(double);
    s->ss = (double *)p, p += cells * sizeof(double);
    s->zc = (double *)p, p += cells * sizeof(double);
    s->sz = (double *)p, p += (size_t)nstrata * cells * sizeof(double);
    s->sz2 = (double *)p, p += (size_t)nstrata * cells * sizeof(double);
    s->touched = (int *)p, p += align8((size_t)nslot * sizeof(int));
    s->is_touched = (unsigned char *)p;
    long total = 0;
    for (int h = 0; h < nstrata; h++)
        total += clusters[h];
    s->df = (double)(total - nstrata);
    return s;
}

void tb_survey_add(tb_survey *s, int slot, double w, const double *y)
{
    double *sy = s->sy + (size_t)slot * s->nval;
    if (s->pass == 1) {
        s->w[slot] += w;
        s->n[slot] += 1;
        s->npos[slot] += w > 0;
        for (int v = 0; v < s->nval; v++)
            sy[v] += w * y[v];
        return;
    }
    double W = s->w[slot];
    if (!(W > 0))
        return;
    double *zc = s->zc + (size_t)slot * s->nval;
    double *ss = s->ss + (size_t)slot * s->nval;
    for (int v = 0; v < s->nval; v++) {
        double d = y[v] - sy[v];
        zc[v] += w * d / W;
        ss[v] += w * d * d;
    }
    if (!s->is_touched[slot]) {
        s->is_touched[slot] = 1;
        s->touched[s->ntouched++] = slot;
    }
}

void tb_survey_end_pass1(tb_survey *s)
{
    for (int k = 0; k < s->nslot; k++) {
        double *sy = s->sy + (size_t)k * s->nval;
        for (int v = 0; v < s->nval; v++)
            sy[v] = s->w[k] > 0 ? sy[v] / s->w[k] : NAN;
    }
    s->pass = 2;
}

void tb_survey_end_cluster(tb_survey *s, int stratum)
{
    size_t base = (size_t)stratum * s->nslot * s->nval;
    for (int t = 0; t < s->ntouched; t++) {
        int k = s->touched[t];
        double *zc = s->zc + (size_t)k * s->nval;
        double *sz = s->sz + base + (size_t)k * s->nval;
        double *sz2 = s->sz2 + base + (size_t)k * s->nval;
        for (int v = 0; v < s->nval; v++) {
            sz[v] += zc[v];
            sz2[v] += zc[v] * zc[v];
            zc[v] = 0;
        }
        s->is_touched[k] = 0;
    }
    s->ntouched = 0;
}

/* The variance of value v of slot k from the per-stratum sums. */
static double variance(const tb_survey *s, int k, int v)
{
    double var = 0;
    size_t cell = (size_t)k * s->nval + (size_t)v;
    for (int h = 0; h < s->nstrata; h++) {
        size_t i = (size_t)h * s->nslot * s->nval + cell;
        double nh = (double)s->clusters[h];
        if (nh > 1)
            var += nh / (nh - 1) * (s->sz2[i] - s->sz[i] * s->sz[i] / nh);
        else
            var += s->sz2[i]; /* lonely cluster: centred on the grand mean, 0 */
    }
    return var > 0 ? var : 0;
}

static double plogis(double x)
{
    return 1.0 / (1.0 + exp(-x));
}

tb_survey_est tb_survey_estimate(const tb_survey *s, int slot, int v, int proportion)
{
    tb_survey_est e = {s->w[slot], s->n[slot], NAN, NAN, NAN, NAN, NAN};
    if (!(s->w[slot] > 0))
        return e;
    double r = s->sy[(size_t)slot * s->nval + (size_t)v];
    double se = sqrt(variance(s, slot, v));
    double t = s->df > 0 ? tb_survey_qt(0.975, s->df) : NAN;
    e.r = r;
    e.se = se;
    if (proportion) {
        if (r <= 0) {
            e.ll = e.ul = 0;
        } else if (r >= 1) {
            e.ll = e.ul = 1;
        } else {
            double lr = log(r / (1 - r)), sl = se / (r * (1 - r));
            e.ll = plogis(lr - t * sl);
            e.ul = plogis(lr + t * sl);
        }
    } else {
        e.ll = r - t * se;
        e.ul = r + t * se;
        e.stdev = tb_survey_stdev(s, slot, v, s->npos[slot]);
    }
    return e;
}

double tb_survey_stdev(const tb_survey *s, int slot, int v, double n)
{
    double ss = s->ss[(size_t)slot * s->nval + (size_t)v];
    return n > 1 && s->w[slot] > 0 ? sqrt(n / (n - 1) * ss / s->w[slot]) : NAN;
}

/* log Gamma(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error ~1e-15). */
static double log_gamma(double x)
{
    static const double c[9] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                                771.32342877765313,   -176.61502916214059,   12.507343278686905,
                                -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    if (x < 0.5) /* reflection */
        return log(M_PI / sin(M_PI * x)) - log_gamma(1 - x);
    x -= 1;
    double a = c[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++)
        a += c[i] / (x + i);
    return 0.5 * log(2 * M_PI) + (x + 0.5) * log(t) - t + log(a);
}

/* One step of the modified Lentz method for coefficient aa; returns the factor. */
static double lentz_step(double aa, double *c, double *d)
{
    const double tiny = 1e-300;
    *d = 1 + aa * *d;
    if (fabs(*d) < tiny)
        *d = tiny;
    *c = 1 + aa / *c;
    if (fabs(*c) < tiny)
        *c = tiny;
    *d = 1 / *d;
    return *d * *c;
}

/* Continued fraction of the incomplete beta function (modified Lentz). */
static double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300, eps = 1e-16;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (fabs(d) < tiny)
        d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; m++) {
        int m2 = 2 * m;
        h *= lentz_step(m * (b - m) * x / ((qam + m2) * (a + m2)), &c, &d);
        double del = lentz_step(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)), &c, &d);
        h *= del;
        if (fabs(del - 1) < eps)
            break;
    }
    return h;
}

/* The regularized incomplete beta function I_x(a, b). */
static double beta_inc(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double lbt = log_gamma(a + b) - log_gamma(a) - log_gamma(b) + a * log(x) + b * log1p(-x);
    double bt = exp(lbt);
    if (x < (a + 1) / (a + b + 2))
        return bt * beta_cf(a, b, x) / a;
    return 1 - bt * beta_cf(b, a, 1 - x) / b;
}

double tb_survey_pt(double t, double df)
{
    double x = df / (df + t * t);
    double tail = 0.5 * beta_inc(df / 2, 0.5, x); /* P(T > |t|) */
    return t > 0 ? 1 - tail : tail;
}

/* The standard normal quantile, by Newton's method on erfc (exact to ~1e-15). */
static double qnorm(double p)
{
    double z = 0;
    for (int i = 0; i < 100; i++) {
        double f = 0.5 * erfc(-z / M_SQRT2) - p;
        double step = f / (exp(-z * z / 2) / sqrt(2 * M_PI));
        z -= step;
        if (fabs(step) < 1e-15 * fmax(1, fabs(z)))
            break;
    }
    return z;
}

double tb_survey_qt(double p, double df)
{
    if (!(p > 0 && p < 1 && df > 0))
        return NAN;
    if (p == 0.5)
        return 0;
    if (p < 0.5)
        return -tb_survey_qt(1 - p, df);
    if (df > 200) {
        /* Large df: the Cornish-Fisher expansion in 1/df (Abramowitz and
         * Stegun 26.7.5), whose next term is below 1e-12 here; the beta
         * continued fraction loses digits as df grows. */
        double z = qnorm(p), z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
    }
    /* bracket, then bisection refined by Newton steps on the density */
    double lo = 0, hi = 1;
    while (tb_survey_pt(hi, df) < p && hi < 1e300)
        hi *= 2;
    double lc = log_gamma((df + 1) / 2) - log_gamma(df / 2) - 0.5 * log(df * M_PI);
    double t = (lo + hi) / 2;
    for (int i = 0; i < 200; i++) {
        double f = tb_survey_pt(t, df) - p;
        if (f > 0)
            hi = t;
        else
            lo = t;
        double dens = exp(lc - (df + 1) / 2 * log1p(t * t / df));
        double next = t - f / dens;
        if (!(next > lo && next < hi))
            next = (lo + hi) / 2;
        if (fabs(next - t) <= 1e-15 * fmax(1, fabs(t)))
            return next;
        t = next;
    }
    return t;
}
