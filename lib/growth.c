/*
 * growth.c - WHO anthropometric z-scores (libtumbuh, pure computation).
 *
 * Implements shared/domain/who-growth-method.md rule by rule, following the
 * arithmetic of WHO's `anthro` (0-5 years) and `anthroplus` (5-19 years) R
 * packages operation for operation, so that results agree with WHO's own
 * software to the last bit wherever the platform's pow() does. The comment
 * before each rule names the section of the method it implements.
 */
#include <math.h>

#include "tb_growth.h"

/* Flag limits ("The 0-5 indicators", "The 5-19 indicators"). */
#define FLAG_ABS6 6.0
#define FLAG_ABS5 5.0

/* Permenkes 2/2020 IMT/U for 5-18 years: up to 18 years (216 months). */
#define IMTU_5_18_MONTHS_MAX 216.0

void tb_growth_input_init(tb_growth_input *in)
{
    in->sex = TB_SEX_MISSING;
    in->age_days = NAN;
    in->age_months = NAN;
    in->weight = NAN;
    in->lenhei = NAN;
    in->measure = TB_MEASURE_MISSING;
    in->oedema = false;
    in->headc = NAN;
    in->armc = NAN;
    in->triskin = NAN;
    in->subskin = NAN;
}

/* "Inputs and cleaning": the table key is the age in days rounded half up. */
double tb_growth_round_half_up(double x)
{
    double f = floor(x);
    return (x - f >= 0.5) ? f + 1.0 : f;
}

/*
 * "Every z-score is rounded to 2 decimals": R's round(x, 2) (R >= 4.0.0):
 * of the two 2-decimal neighbours of x, the closer one; on an exact tie,
 * the one with an even last digit.
 */
double tb_growth_round2(double z)
{
    if (isnan(z) || isinf(z) || z == 0.0)
        return z;
    double x = fabs(z);
    double x10 = 100.0 * x;
    double i10 = floor(x10);
    double frac = x10 - i10;
    double r;
    if (__builtin_expect(fabs(frac - 0.5) > 1e-4, 1)) {
        /* Far from a tie: the nearer neighbour is plain to see, and it is
         * computed exactly as below (i10 / 100 or ceil(x10) / 100);
         * floor(x10 + 0.5) picks it without a hard-to-predict branch. */
        r = floor(x10 + 0.5) / 100.0;
    } else {
        double xd = i10 / 100.0;
        double xu = ceil(x10) / 100.0;
        double du = xu - x, dd = x - xd;
        /* i10 is a whole number below 2^53 here, so the parity test is exact */
        bool odd = x10 < 9e15 ? ((long long)i10 & 1) : fmod(i10, 2.0) == 1.0;
        r = (du < dd || (du == dd && odd)) ? xu : xd;
    }
    return copysign(r, z);
}

/* "The LMS formula": z = ((y/M)^L - 1) / (S L). */
double tb_growth_lms_z(double y, tb_lms p)
{
    /* pow(x, 1) is exactly x: skip the call for the L = 1 tables
     * (length/height- and head circumference-for-age), same result. */
    if (p.l == 1.0)
        return (y / p.m - 1.0) / p.s;
    return (pow(y / p.m, p.l) - 1.0) / (p.s * p.l);
}

/* SD(k) = M (1 + L S k)^(1/L). */
double tb_growth_lms_value(tb_lms p, double k)
{
    return p.m * pow(1.0 + p.l * p.s * k, 1.0 / p.l);
}

/* "The LMS formula", restricted indicators: linear beyond +-3 SD. */
double tb_growth_lms_z_restricted(double y, tb_lms p)
{
    double z = tb_growth_lms_z(y, p);
    if (isnan(z))
        return z;
    if (z > 3.0) {
        double sd3 = tb_growth_lms_value(p, 3.0);
        double sd23 = sd3 - tb_growth_lms_value(p, 2.0);
        z = 3.0 + (y - sd3) / sd23;
    } else if (z < -3.0) {
        double sd3 = tb_growth_lms_value(p, -3.0);
        double sd23 = tb_growth_lms_value(p, -2.0) - sd3;
        z = -3.0 + (y - sd3) / sd23;
    }
    return z;
}

/* Looks up the row for key; returns 0 and fills *p, or -1 when absent. */
static int table_row(const tb_lms_table *t, tb_sex sex, long key, tb_lms *p)
{
    if (sex != TB_SEX_MALE && sex != TB_SEX_FEMALE)
        return -1;
    if (!t->rows[sex - 1] || key < t->first || key > t->last)
        return -1;
    *p = t->rows[sex - 1][key - t->first];
    return 0;
}

/* Linear interpolation of L, M and S, as anthro writes it: a + d (b - a). */
static tb_lms lms_interpolate(tb_lms a, tb_lms b, double d)
{
    tb_lms r = {a.l + d * (b.l - a.l), a.m + d * (b.m - a.m), a.s + d * (b.s - a.s)};
    return r;
}

/* Sets indicator i to the rounded z and its flag; flag when z outside [lo, hi]. */
static void set_z(tb_growth_result *out, tb_indicator i, double z, double lo, double hi)
{
    z = tb_growth_round2(z);
    if (isnan(z) || isinf(z)) {
        out->z[i] = NAN;
        out->flag[i] = -1;
        return;
    }
    out->z[i] = z;
    out->flag[i] = (z < lo || z > hi) ? 1 : 0;
}

/* A measurement: "Any measurement <= 0 is missing". */
static bool present(double v)
{
    return !isnan(v) && v > 0.0;
}

/*
 * One age-based 0-5 indicator: table by rounded age in days, valid for
 * min_day <= age <= 1856 days and age in months < 60.
 */
static void age_indicator(tb_growth_result *out, tb_indicator i, const tb_lms_table *t, tb_sex sex,
                          double y, int min_day, bool restricted, double flo, double fhi)
{
    tb_lms p;
    if (!present(y) || out->age_days < min_day || out->age_days > 1856 ||
        !(out->age_months < 60.0) || table_row(t, sex, out->age_days, &p))
        return;
    set_z(out, i, restricted ? tb_growth_lms_z_restricted(y, p) : tb_growth_lms_z(y, p), flo, fhi);
}

/*
 * "Weight-for-length/height": the table by age (or measure, or 87 cm),
 * L, M, S interpolated between the 0.1 cm rows.
 */
static void wfl_indicator(const tb_who_tables *t, const tb_growth_input *in, tb_growth_result *out)
{
    double x = out->clenhei;
    if (!present(in->weight) || !present(x) || in->oedema)
        return;
    bool known_age = out->age_days >= 0;
    if (known_age && (out->age_days > 1856 || !(out->age_months < 60.0)))
        return;
    bool use_length;
    if (known_age)
        use_length = out->age_days < 731;
    else if (out->cmeasure != TB_MEASURE_MISSING)
        use_length = out->cmeasure == TB_MEASURE_LENGTH;
    else
        use_length = x < 87.0;
    const tb_lms_table *tab = use_length ? &t->wfl : &t->wfh;
    if (use_length ? (x < 45.0 || x > 110.0) : (x < 65.0 || x > 120.0))
        return;
    /* As anthro: low = trunc(10x)/10, upp = trunc(10x + 1)/10. The upper key
     * is computed, not low + 1: for x = 102.39999999999999 (103.1 - 0.7),
     * 10x + 1 rounds to 1025, and WHO interpolates towards 102.5. */
    double low_k = trunc(x * 10.0);
    double upp_k = trunc(x * 10.0 + 1.0);
    double low = low_k / 10.0;
    double diff = (x - low) / 0.1;
    tb_lms p, q;
    if (table_row(tab, in->sex, (long)low_k, &p))
        return;
    if (diff > 0.0) {
        if (table_row(tab, in->sex, (long)upp_k, &q))
            return;
        p = lms_interpolate(p, q, diff);
    }
    set_z(out, TB_ZWFL, tb_growth_lms_z_restricted(in->weight, p), -FLAG_ABS5, FLAG_ABS5);
}

/* The 0-5 indicators (WHO Child Growth Standards 2006). */
static void compute_0_5(const tb_who_tables *t, const tb_growth_input *in, tb_growth_result *out)
{
    /* measure: a height for a child under 9 months is implausible. */
    out->cmeasure = in->measure;
    if (in->measure == TB_MEASURE_HEIGHT && out->age_months < 9.0) {
        out->cmeasure = TB_MEASURE_MISSING;
        out->c9mo_flag = true;
    }
    /* Length/height standardisation on the rounded age in days. */
    double h = in->lenhei;
    if (out->age_days >= 0 && out->age_days < 731 && out->cmeasure == TB_MEASURE_HEIGHT)
        h = h + 0.7;
    else if (out->age_days >= 731 && out->cmeasure == TB_MEASURE_LENGTH)
        h = h - 0.7;
    out->clenhei = h;
    out->cbmi = in->weight / ((h / 100.0) * (h / 100.0));

    tb_sex sex = in->sex;
    age_indicator(out, TB_ZLEN, &t->len, sex, h, 0, false, -FLAG_ABS6, FLAG_ABS6);
    if (!in->oedema) {
        age_indicator(out, TB_ZWEI, &t->wei, sex, in->weight, 0, true, -6.0, 5.0);
        age_indicator(out, TB_ZBMI, &t->bmi, sex, out->cbmi, 0, true, -FLAG_ABS5, FLAG_ABS5);
    }
    wfl_indicator(t, in, out);
    age_indicator(out, TB_ZHC, &t->hc, sex, in->headc, 0, false, -FLAG_ABS5, FLAG_ABS5);
    age_indicator(out, TB_ZAC, &t->ac, sex, in->armc, 91, true, -FLAG_ABS5, FLAG_ABS5);
    age_indicator(out, TB_ZTS, &t->ts, sex, in->triskin, 91, true, -FLAG_ABS5, FLAG_ABS5);
    age_indicator(out, TB_ZSS, &t->ss, sex, in->subskin, 91, true, -FLAG_ABS5, FLAG_ABS5);
}

/*
 * One 5-19 indicator: L, M, S interpolated between the whole months below
 * and above the age in months; valid from 60 months up to the limit, which
 * is below `limit` (anthroplus >= 1.1.0) or up to limit - 1 inclusive (1.0).
 */
static void month_indicator(tb_growth_result *out, tb_indicator i, const tb_lms_table *t,
                            tb_plus_limits lim, tb_sex sex, double y, double months, double limit,
                            bool restricted, double flo, double fhi)
{
    bool in_range = lim == TB_PLUS_LIMITS_1_0 ? months <= limit - 1.0 : months < limit;
    if (!present(y) || !(months >= 60.0) || !in_range)
        return;
    double low = trunc(months);
    double upp = trunc(months + 1.0); /* as anthroplus computes it */
    double diff = months - low;
    tb_lms p, q;
    if (table_row(t, sex, (long)low, &p))
        return;
    if (diff > 0.0) {
        if (table_row(t, sex, (long)upp, &q))
            return;
        p = lms_interpolate(p, q, diff);
    }
    set_z(out, i, restricted ? tb_growth_lms_z_restricted(y, p) : tb_growth_lms_z(y, p), flo, fhi);
}

/* The 5-19 indicators (WHO Growth Reference 2007): no length correction. */
static void compute_5_19(const tb_who_tables *t, const tb_growth_input *in, tb_growth_result *out)
{
    double m = out->age_months;
    double h = in->lenhei;
    out->cmeasure = in->measure;
    out->clenhei = h;
    out->cbmi = in->weight / ((h / 100.0) * (h / 100.0));
    tb_plus_limits lim = t->plus_limits;
    month_indicator(out, TB_ZHFA, &t->hfa, lim, in->sex, h, m, 229.0, false, -FLAG_ABS6, FLAG_ABS6);
    if (!in->oedema) {
        month_indicator(out, TB_ZWFA, &t->wfa, lim, in->sex, in->weight, m, 121.0, true, -6.0, 5.0);
        month_indicator(out, TB_ZBFA, &t->bfa, lim, in->sex, out->cbmi, m, 229.0, true, -FLAG_ABS5,
                        FLAG_ABS5);
    }
}

/* The z-score of indicator i if computed and not flagged, else NAN. */
static double usable(const tb_growth_result *r, tb_indicator i)
{
    return r->flag[i] == 0 ? r->z[i] : NAN;
}

/* A cut-off passed by z (see tb_bands in tb_growth.h); NAN is never passed. */
static bool passes(double z, double c)
{
    return c < 0 ? z >= c : z > c;
}

/* The category of z in the bands of one index, 0 when in none. */
static int band_of(const tb_bands *b, tb_bands_index i, double z)
{
    for (int k = 0; k < b->n[i]; k++) {
        const tb_band *d = &b->band[i][k];
        if ((isnan(d->lo) || passes(z, d->lo)) && (isnan(d->hi) || !passes(z, d->hi)))
            return d->cat;
    }
    return 0;
}

/* Permenkes 2/2020 (domain reference section 7). A flagged z is not classified. */
void tb_growth_classify(const tb_bands *b, tb_growth_result *r)
{
    double z;
    r->bbu = TB_BBU_NONE;
    r->tbu = TB_TBU_NONE;
    r->bbtb = TB_GIZI_NONE;
    r->imtu = TB_GIZI_NONE;
    if (!isnan(z = usable(r, TB_ZWEI)))
        r->bbu = (tb_cat_bbu)band_of(b, TB_BANDS_BBU, z);
    if (!isnan(z = usable(r, TB_ZLEN)))
        r->tbu = (tb_cat_tbu)band_of(b, TB_BANDS_TBU, z);
    if (!isnan(z = usable(r, TB_ZWFL)))
        r->bbtb = (tb_cat_gizi)band_of(b, TB_BANDS_BBTB, z);
    if (!isnan(z = usable(r, TB_ZBMI)))
        r->imtu = (tb_cat_gizi)band_of(b, TB_BANDS_IMTU, z);
    else if (!isnan(z = usable(r, TB_ZBFA)) && r->age_months <= IMTU_5_18_MONTHS_MAX)
        r->imtu = (tb_cat_gizi)band_of(b, TB_BANDS_IMTU_5_18, z);
}

void tb_growth_compute(const tb_who_tables *t, const tb_growth_input *in, tb_growth_result *out)
{
    for (int i = 0; i < TB_IND_COUNT; i++) {
        out->z[i] = NAN;
        out->flag[i] = -1;
    }
    out->bbu = TB_BBU_NONE;
    out->tbu = TB_TBU_NONE;
    out->bbtb = TB_GIZI_NONE;
    out->imtu = TB_GIZI_NONE;
    out->c9mo_flag = false;
    out->cmeasure = in->measure;
    out->clenhei = NAN;
    out->cbmi = NAN;

    /* Age: days rounded half up for the table key; months unrounded.
     * Negative ages are missing. */
    double days = NAN, months = NAN;
    if (!isnan(in->age_days) && in->age_days >= 0) {
        days = in->age_days;
        months = in->age_days / TB_DAYS_PER_MONTH;
    } else if (!isnan(in->age_months) && in->age_months >= 0) {
        days = in->age_months * TB_DAYS_PER_MONTH;
        months = in->age_months;
    }
    out->age_days = isnan(days) ? -1 : (int)tb_growth_round_half_up(days);
    out->age_months = months;

    if (!isnan(months) && months >= 60.0)
        compute_5_19(t, in, out);
    else
        compute_0_5(t, in, out);
    tb_growth_classify(&tb_bands_permenkes, out);
}

void tb_growth_compute_many(const tb_who_tables *t, const tb_growth_input *in,
                            tb_growth_result *out, long n)
{
    for (long i = 0; i < n; i++)
        tb_growth_compute(t, &in[i], &out[i]);
}
