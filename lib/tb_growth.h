/*
 * tb_growth.h - WHO anthropometric z-scores and Permenkes 2/2020 categories.
 *
 * Part of libtumbuh, the pure computation layer: no I/O, no mutable globals,
 * no allocation. The WHO tables are passed in by the caller (the application
 * compiles them in from WHO's published files; tests may build their own).
 *
 * The method is WHO's, as the `anthro` (0-5 years) and `anthroplus`
 * (5-19 years) R packages implement it; every rule is stated in
 * shared/domain/who-growth-method.md and cited where it is coded (growth.c).
 */
#ifndef TB_GROWTH_H
#define TB_GROWTH_H

#include <stdbool.h>

/* Days in a month, as WHO counts them: 365.25 / 12. */
#define TB_DAYS_PER_MONTH 30.4375

typedef enum { TB_SEX_MISSING = 0, TB_SEX_MALE = 1, TB_SEX_FEMALE = 2 } tb_sex;

typedef enum {
    TB_MEASURE_MISSING = 0,
    TB_MEASURE_LENGTH = 'l', /* recumbent length (terlentang) */
    TB_MEASURE_HEIGHT = 'h'  /* standing height (berdiri) */
} tb_measure;

/* The indicators, in the order of the output columns. */
typedef enum {
    TB_ZLEN, /* length/height-for-age, 0-5 y */
    TB_ZWEI, /* weight-for-age, 0-5 y */
    TB_ZWFL, /* weight-for-length/height, 0-5 y */
    TB_ZBMI, /* BMI-for-age, 0-5 y */
    TB_ZHC,  /* head circumference-for-age */
    TB_ZAC,  /* arm circumference-for-age */
    TB_ZTS,  /* triceps skinfold-for-age */
    TB_ZSS,  /* subscapular skinfold-for-age */
    TB_ZHFA, /* height-for-age, 5-19 y */
    TB_ZWFA, /* weight-for-age, 5-10 y */
    TB_ZBFA, /* BMI-for-age, 5-19 y */
    TB_IND_COUNT
} tb_indicator;

/* One row of an LMS table. */
typedef struct {
    double l, m, s;
} tb_lms;

/*
 * An LMS table for both sexes, indexed by an integer key: age in days (0-5
 * tables), length or height in millimetres (weight-for-length/height), or age
 * in whole months (5-19 tables). rows[sex - 1][key - first] for
 * first <= key <= last.
 */
typedef struct {
    int first, last;
    const tb_lms *rows[2];
} tb_lms_table;

/*
 * The upper age limits of the 5-19 indicators (age in months unrounded,
 * days / 30.4375):
 * - TB_PLUS_LIMITS_1_0 (the default; shared/domain/who-growth-method.md,
 *   anthroplus 1.0.0, WHO's 3,000-row reference set): height- and
 *   BMI-for-age from 60 to 228 months, weight-for-age from 60 to 120 months,
 *   both inclusive, so 120.03 months gets no weight-for-age;
 * - TB_PLUS_LIMITS_1_1 (anthroplus >= 1.1.0, as WHO's example survey
 *   Survey_WHO2007 was published): below 229 and 121 months.
 */
typedef enum { TB_PLUS_LIMITS_1_0 = 0, TB_PLUS_LIMITS_1_1 = 1 } tb_plus_limits;

typedef struct {
    tb_lms_table len, wei, bmi, hc, ac, ts, ss; /* by age in days */
    tb_lms_table wfl, wfh;                      /* by length/height in mm */
    tb_lms_table hfa, wfa, bfa;                 /* by age in months */
    tb_plus_limits plus_limits;
} tb_who_tables;

/*
 * One child's measurement. Missing numbers are NAN. Give age either as
 * age_days (exact days, as counted from dates or given), or age_months (as
 * given in months), or both NAN when unknown; tb_growth_input_init sets all
 * fields to missing.
 */
typedef struct {
    tb_sex sex;
    double age_days;
    double age_months;
    double weight; /* kg */
    double lenhei; /* cm, as measured */
    tb_measure measure;
    bool oedema;
    double headc;   /* cm */
    double armc;    /* cm */
    double triskin; /* mm */
    double subskin; /* mm */
} tb_growth_input;

/* Permenkes 2/2020 categories. 0 = not classified (no z-score, or flagged). */
typedef enum {
    TB_BBU_NONE = 0,
    TB_BBU_SANGAT_KURANG, /* z < -3 */
    TB_BBU_KURANG,        /* -3 <= z < -2 */
    TB_BBU_NORMAL,        /* -2 <= z <= 1 */
    TB_BBU_RISIKO_LEBIH   /* z > 1 */
} tb_cat_bbu;

typedef enum {
    TB_TBU_NONE = 0,
    TB_TBU_SANGAT_PENDEK, /* z < -3 */
    TB_TBU_PENDEK,        /* -3 <= z < -2 */
    TB_TBU_NORMAL,        /* -2 <= z <= 3 */
    TB_TBU_TINGGI         /* z > 3 */
} tb_cat_tbu;

/* Weight-for-length/height, and BMI-for-age (both age bands). */
typedef enum {
    TB_GIZI_NONE = 0,
    TB_GIZI_BURUK,        /* z < -3 */
    TB_GIZI_KURANG,       /* -3 <= z < -2 */
    TB_GIZI_BAIK,         /* -2 <= z <= 1 */
    TB_GIZI_RISIKO_LEBIH, /* 1 < z <= 2 (0-60 months only) */
    TB_GIZI_LEBIH,        /* 2 < z <= 3 (0-60 months); 1 < z <= 2 (5-18 y) */
    TB_GIZI_OBESITAS      /* z > 3 (0-60 months); z > 2 (5-18 y) */
} tb_cat_gizi;

typedef struct {
    /* Cleaned inputs, as anthro reports them. */
    int age_days;        /* rounded age in days (round half up); -1 = missing */
    double age_months;   /* unrounded age in months; NAN = missing */
    double clenhei;      /* length/height after the 0.7 cm correction; NAN */
    tb_measure cmeasure; /* measure used (missing when implausible) */
    bool c9mo_flag;      /* height given for a child under 9 months */
    double cbmi;         /* weight / (clenhei/100)^2 (0-5 y) or by height (5-19 y) */
    /* z-scores rounded to 2 decimals, NAN when not computed; flag -1 when
     * not computed, else 0/1. */
    double z[TB_IND_COUNT];
    signed char flag[TB_IND_COUNT];
    /* Permenkes 2/2020 categories (0 when not classified). */
    tb_cat_bbu bbu;
    tb_cat_tbu tbu;
    tb_cat_gizi bbtb;
    tb_cat_gizi imtu;
} tb_growth_result;

/*
 * The Permenkes 2/2020 bands as data (domain reference section 7), so that a
 * store can read them from its versioned reference table (ref_ambang). A
 * band holds the z-scores past its lower cut-off and not past its upper one;
 * a cut-off c is passed by z >= c when c < 0 and by z > c otherwise, as the
 * Permenkes writes "-3 SD to < -2 SD", "-2 SD to +1 SD", "> +1 SD". A
 * missing cut-off is NAN (no lower or no upper limit).
 */
typedef enum {
    TB_BANDS_BBU,       /* BB/U, 0-60 months */
    TB_BANDS_TBU,       /* PB/U or TB/U, 0-60 months */
    TB_BANDS_BBTB,      /* BB/PB or BB/TB, 0-60 months */
    TB_BANDS_IMTU,      /* IMT/U, 0-60 months */
    TB_BANDS_IMTU_5_18, /* IMT/U, 5-18 years */
    TB_BANDS_COUNT
} tb_bands_index;

#define TB_BANDS_MAX 8

typedef struct {
    double lo, hi; /* cut-offs, NAN = none */
    int cat;       /* the category: a tb_cat_bbu, tb_cat_tbu or tb_cat_gizi value */
} tb_band;

typedef struct {
    int n[TB_BANDS_COUNT];
    tb_band band[TB_BANDS_COUNT][TB_BANDS_MAX];
} tb_bands;

/* The Permenkes 2/2020 bands, equal to the seeded rows of ref_ambang. */
extern const tb_bands tb_bands_permenkes;

/*
 * The category code (tb_cat_*_code) of index i to its enum value; 0 when the
 * code is unknown for that index.
 */
int tb_bands_cat_from_code(tb_bands_index i, const char *code);

/*
 * Sets r's categories (bbu, tbu, bbtb, imtu) from its z-scores and flags
 * with the bands b: a flagged or missing z is not classified; a z in no band
 * is not classified. IMT/U of 5-18 years uses the 5-18 bands up to 216
 * months.
 */
void tb_growth_classify(const tb_bands *b, tb_growth_result *r);

/* Sets every field of *in to missing. */
void tb_growth_input_init(tb_growth_input *in);

/*
 * Computes every z-score, flag and category (with tb_bands_permenkes; call
 * tb_growth_classify for other bands) for one measurement. Never
 * fails: what cannot be computed is left missing. Children under 60 months
 * get the 0-5 indicators (WHO Child Growth Standards 2006); from 60 months
 * the 5-19 indicators (WHO Growth Reference 2007).
 */
void tb_growth_compute(const tb_who_tables *t, const tb_growth_input *in, tb_growth_result *out);

/* The same over n rows (a batch). */
void tb_growth_compute_many(const tb_who_tables *t, const tb_growth_input *in,
                            tb_growth_result *out, long n);

/* The LMS z-score, unrestricted: ((y/M)^L - 1) / (S L). */
double tb_growth_lms_z(double y, tb_lms p);

/* The restricted z-score (WHO's adjustment beyond +-3 SD). */
double tb_growth_lms_z_restricted(double y, tb_lms p);

/* The measurement at k SD: M (1 + L S k)^(1/L). */
double tb_growth_lms_value(tb_lms p, double k);

/* Rounds to 2 decimals the way the z-scores are reported. */
double tb_growth_round2(double z);

/* Short category codes (README) and Indonesian labels; "" for NONE. */
const char *tb_cat_bbu_code(tb_cat_bbu c);
const char *tb_cat_tbu_code(tb_cat_tbu c);
const char *tb_cat_gizi_code(tb_cat_gizi c);
const char *tb_cat_bbu_label(tb_cat_bbu c);
const char *tb_cat_tbu_label(tb_cat_tbu c);
const char *tb_cat_gizi_label(tb_cat_gizi c, bool over_5y);

/* Round half up of a non-negative number, as anthro's round_up(). */
double tb_growth_round_half_up(double x);

#endif
