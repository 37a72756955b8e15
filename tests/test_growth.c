/*
 * test_growth.c - the growth engine against WHO's own results and its rules.
 *
 * 1. reference-input.csv / reference-expected.csv (3,000 rows computed by
 *    WHO's anthro and anthroplus R packages): every z-score and flag equal.
 * 2. Survey_WHO2007.csv / survey_who2007_z.csv (WHO's 5-19 example survey).
 * 3. Every table row: the median gives z = 0 and SD(k) gives k.
 * 4. One test per rule of shared/domain/who-growth-method.md.
 * WHO_DIR names the tables directory (default ../shared/who).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tb_growth.h"
#include "tb_test.h"
#include "base/who_tables.h"

static const tb_who_tables *T = &tb_who_tables_builtin;

/* Splits a simple CSV line (quotes only around whole fields, no commas inside). */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    line[strcspn(line, "\r\n")] = 0;
    while (n < max) {
        char *end = strchr(p, ',');
        if (end)
            *end = 0;
        if (*p == '"') {
            p++;
            char *q = strchr(p, '"');
            if (q)
                *q = 0;
        }
        f[n++] = p;
        if (!end)
            break;
        p = end + 1;
    }
    return n;
}

static double num(const char *s)
{
    return *s ? strtod(s, NULL) : NAN;
}

static tb_sex sex_of(const char *s)
{
    if (!strcmp(s, "1") || !strcmp(s, "m") || !strcmp(s, "M"))
        return TB_SEX_MALE;
    if (!strcmp(s, "2") || !strcmp(s, "f") || !strcmp(s, "F"))
        return TB_SEX_FEMALE;
    return TB_SEX_MISSING;
}

static tb_measure measure_of(const char *s)
{
    if (!strcmp(s, "l") || !strcmp(s, "L"))
        return TB_MEASURE_LENGTH;
    if (!strcmp(s, "h") || !strcmp(s, "H"))
        return TB_MEASURE_HEIGHT;
    return TB_MEASURE_MISSING;
}

static bool oedema_of(const char *s)
{
    return !strcmp(s, "y") || !strcmp(s, "Y") || !strcmp(s, "1");
}

static FILE *open_example(const char *name)
{
    const char *dir = getenv("WHO_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/%s", dir ? dir : "../shared/who", name);
    FILE *f = fopen(path, "r");
    if (!f)
        fprintf(stderr, "cannot open %s\n", path);
    return f;
}

/* Compares one z-score and flag with WHO's (empty = not computed). */
static int same(double z, int flag, const char *ez, const char *ef)
{
    if (!*ez)
        return isnan(z) && flag == -1;
    return !isnan(z) && fabs(z - strtod(ez, NULL)) < 1e-9 && flag == atoi(ef);
}

static void test_reference_set(void)
{
    /* WHO computed this set with anthroplus 1.0 (limits 228/120 inclusive). */
    tb_who_tables t10 = *T;
    t10.plus_limits = TB_PLUS_LIMITS_1_0;
    FILE *in = open_example("reference-input.csv");
    FILE *ex = open_example("reference-expected.csv");
    CHECK(in && ex, "reference files present");
    if (!in || !ex)
        return;
    char a[1024], b[1024];
    char *fi[16], *fe[32];
    (void)fgets(a, sizeof a, in);
    (void)fgets(b, sizeof b, ex);
    int rows = 0, mismatches = 0;
    static const tb_indicator order[] = {TB_ZLEN, TB_ZWEI, TB_ZWFL, TB_ZBMI, TB_ZHC, TB_ZAC,
                                         TB_ZTS,  TB_ZSS,  TB_ZHFA, TB_ZWFA, TB_ZBFA};
    static const char *names[] = {"zlen", "zwei", "zwfl", "zbmi", "zhc", "zac",
                                  "zts",  "zss",  "zhfa", "zwfa", "zbfa"};
    while (fgets(a, sizeof a, in) && fgets(b, sizeof b, ex)) {
        int ni = split(a, fi, 16), ne = split(b, fe, 32);
        if (ni < 11 || ne < 23 || strcmp(fi[0], fe[0])) {
            CHECK(0, "malformed reference row %d", rows + 1);
            break;
        }
        tb_growth_input g;
        tb_growth_input_init(&g);
        g.sex = sex_of(fi[1]);
        g.age_days = num(fi[2]);
        g.weight = num(fi[3]);
        g.lenhei = num(fi[4]);
        g.measure = measure_of(fi[5]);
        g.oedema = oedema_of(fi[6]);
        g.headc = num(fi[7]);
        g.armc = num(fi[8]);
        g.triskin = num(fi[9]);
        g.subskin = num(fi[10]);
        tb_growth_result r;
        tb_growth_compute(&t10, &g, &r);
        for (int k = 0; k < 11; k++) {
            if (!same(r.z[order[k]], r.flag[order[k]], fe[1 + 2 * k], fe[2 + 2 * k])) {
                if (mismatches++ < 25)
                    fprintf(stderr,
                            "  id %s %s: got %.2f flag %d, WHO %s flag %s (sex %s age %s w %s "
                            "lh %s m %s o %s)\n",
                            fi[0], names[k], r.z[order[k]], r.flag[order[k]], fe[1 + 2 * k],
                            fe[2 + 2 * k], fi[1], fi[2], fi[3], fi[4], fi[5], fi[6]);
            }
        }
        rows++;
    }
    fclose(in);
    fclose(ex);
    CHECK(rows == 3000, "reference rows read: %d", rows);
    CHECK(mismatches == 0, "reference set: %d z-scores or flags differ from WHO's", mismatches);
}

/* Parses dd/mm/yyyy into a day count (only differences matter here). */
static long days_from_dmy(const char *s)
{
    int d, m, y;
    if (sscanf(s, "%d/%d/%d", &d, &m, &y) != 3)
        return -1;
    /* days from civil (Howard Hinnant's algorithm) */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void test_who2007_survey(void)
{
    /* WHO published this set with anthroplus 1.1's limits (below 229 / 121). */
    tb_who_tables t11 = *T;
    t11.plus_limits = TB_PLUS_LIMITS_1_1;
    FILE *in = open_example("Survey_WHO2007.csv");
    FILE *ex = open_example("survey_who2007_z.csv");
    CHECK(in && ex, "WHO 2007 survey files present");
    if (!in || !ex)
        return;
    char a[1024], b[1024];
    char *fi[16], *fe[32];
    (void)fgets(a, sizeof a, in);
    (void)fgets(b, sizeof b, ex);
    int rows = 0, mismatches = 0;
    while (fgets(a, sizeof a, in) && fgets(b, sizeof b, ex)) {
        int ni = split(a, fi, 16), ne = split(b, fe, 32);
        if (ni < 12 || ne < 18 || strcmp(fi[2], fe[1])) {
            CHECK(0, "malformed survey row %d", rows + 1);
            break;
        }
        /* strata,cluster,id,sex,dob,dov,agemons,weight,height,sw,oedema,region:
         * WHO computed with agemons. */
        tb_growth_input g;
        tb_growth_input_init(&g);
        g.sex = sex_of(fi[3]);
        g.age_months = num(fi[6]);
        g.weight = num(fi[7]);
        g.lenhei = num(fi[8]);
        g.measure = TB_MEASURE_HEIGHT;
        g.oedema = oedema_of(fi[10]);
        tb_growth_result r;
        tb_growth_compute(&t11, &g, &r);
        /* ...,zhfa,zwfa,zbfa,fhfa,fwfa,fbfa at 12..17 */
        if (!same(r.z[TB_ZHFA], r.flag[TB_ZHFA], fe[12], fe[15]) ||
            !same(r.z[TB_ZWFA], r.flag[TB_ZWFA], fe[13], fe[16]) ||
            !same(r.z[TB_ZBFA], r.flag[TB_ZBFA], fe[14], fe[17])) {
            if (mismatches++ < 10)
                fprintf(stderr, "  survey id %s: got %.2f/%.2f/%.2f, WHO %s/%s/%s\n", fi[2],
                        r.z[TB_ZHFA], r.z[TB_ZWFA], r.z[TB_ZBFA], fe[12], fe[13], fe[14]);
        }
        /* The dates agree with agemons to within a day's rounding. */
        long dob = days_from_dmy(fi[4]), dov = days_from_dmy(fi[5]);
        if (dob >= 0 && dov >= 0 && fabs((dov - dob) / TB_DAYS_PER_MONTH - num(fi[6])) > 0.05)
            mismatches += 0; /* informational: WHO's agemons is not always the date difference */
        rows++;
    }
    fclose(in);
    fclose(ex);
    CHECK(rows == 932 || rows == 933, "survey rows read: %d", rows);
    CHECK(mismatches == 0, "WHO 2007 survey: %d rows differ from WHO's", mismatches);
}

/* For every row of every table: the median gives z = 0 and SD(k) gives k. */
static void test_every_table_row(void)
{
    const tb_lms_table *tabs[] = {&T->len, &T->wei, &T->bmi, &T->hc,  &T->ac,  &T->ts,
                                  &T->ss,  &T->wfl, &T->wfh, &T->hfa, &T->wfa, &T->bfa};
    long bad = 0, rows = 0;
    for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
        for (int sx = 0; sx < 2; sx++) {
            for (int k = tabs[i]->first; k <= tabs[i]->last; k++) {
                tb_lms p = tabs[i]->rows[sx][k - tabs[i]->first];
                rows++;
                if (fabs(tb_growth_lms_z(p.m, p)) > 1e-9)
                    bad++;
                for (int sd = -3; sd <= 3; sd++) {
                    double y = tb_growth_lms_value(p, sd);
                    if (fabs(tb_growth_lms_z(y, p) - sd) > 1e-9 ||
                        fabs(tb_growth_lms_z_restricted(y, p) - sd) > 1e-9)
                        bad++;
                }
                /* Restricted beyond 3 SD: linear in the SD2-SD3 distance. */
                double sd3 = tb_growth_lms_value(p, 3), sd2 = tb_growth_lms_value(p, 2);
                if (fabs(tb_growth_lms_z_restricted(sd3 + 2 * (sd3 - sd2), p) - 5.0) > 1e-9)
                    bad++;
                double m3 = tb_growth_lms_value(p, -3), m2 = tb_growth_lms_value(p, -2);
                if (fabs(tb_growth_lms_z_restricted(m3 - (m2 - m3), p) + 4.0) > 1e-9)
                    bad++;
            }
        }
    }
    CHECK(rows > 20000, "table rows checked: %ld", rows);
    CHECK(bad == 0, "%ld table rows do not give z = 0 at M, k at SD(k)", bad);
}

/* A child with everything missing but what a test sets. */
static tb_growth_input child(tb_sex sex, double age_days)
{
    tb_growth_input g;
    tb_growth_input_init(&g);
    g.sex = sex;
    g.age_days = age_days;
    return g;
}

static tb_growth_result run(const tb_growth_input *g)
{
    tb_growth_result r;
    tb_growth_compute(T, g, &r);
    return r;
}

static tb_lms row_of(const tb_lms_table *t, int sex, int key)
{
    return t->rows[sex - 1][key - t->first];
}

static void test_rules(void)
{
    /* sex: anything else = missing, and then no z-score at all. */
    tb_growth_input g = child(TB_SEX_MISSING, 400);
    g.weight = 9;
    g.lenhei = 75;
    g.measure = TB_MEASURE_LENGTH;
    tb_growth_result r = run(&g);
    CHECK(isnan(r.z[TB_ZWEI]) && isnan(r.z[TB_ZLEN]) && isnan(r.z[TB_ZWFL]), "no sex, no z");

    /* age: months -> days = months * 30.4375, key rounded half up. */
    g = child(TB_SEX_MALE, NAN);
    g.age_months = 10.0; /* 304.375 days -> 304 */
    g.weight = 9;
    r = run(&g);
    CHECK(r.age_days == 304, "10 months -> day %d", r.age_days);
    g.age_months = 10.5; /* 319.59 -> 320 */
    r = run(&g);
    CHECK(r.age_days == 320, "10.5 months -> day %d", r.age_days);
    g = child(TB_SEX_MALE, 100.5);
    g.weight = 6;
    r = run(&g);
    CHECK(r.age_days == 101, "100.5 days rounds half up to %d", r.age_days);
    tb_lms p = row_of(&T->wei, 1, 101);
    CHECK_NEAR(r.z[TB_ZWEI], tb_growth_round2(tb_growth_lms_z_restricted(6, p)), 1e-12);
    CHECK(tb_growth_round_half_up(730.5) == 731, "730.5 -> 731");
    CHECK(tb_growth_round_half_up(730.49) == 730, "730.49 -> 730");

    /* Negative ages are missing. */
    g = child(TB_SEX_MALE, -3);
    g.weight = 6;
    r = run(&g);
    CHECK(r.age_days == -1 && isnan(r.z[TB_ZWEI]), "negative age is missing");

    /* Age in months < 60 for the 0-5 indicators; 60 months uses 5-19. */
    g = child(TB_SEX_FEMALE, 1826);
    g.weight = 18;
    g.lenhei = 110;
    g.measure = TB_MEASURE_HEIGHT;
    r = run(&g);
    CHECK(!isnan(r.z[TB_ZWEI]) && isnan(r.z[TB_ZWFA]), "1826 days: 0-5 indicators");
    g.age_days = 1827; /* 60.03 months */
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWEI]) && !isnan(r.z[TB_ZWFA]) && !isnan(r.z[TB_ZHFA]),
          "1827 days: 5-19 indicators");
    g.age_days = NAN;
    g.age_months = 60;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWEI]) && !isnan(r.z[TB_ZWFA]), "exactly 60 months: 5-19 (anthro #37)");

    /* Any measurement <= 0 is missing. */
    g = child(TB_SEX_MALE, 500);
    g.weight = 0;
    g.lenhei = -80;
    g.headc = 0;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWEI]) && isnan(r.z[TB_ZLEN]) && isnan(r.z[TB_ZHC]), "<= 0 missing");

    /* Height under 9 months: measure treated as missing, flagged, no correction. */
    g = child(TB_SEX_MALE, 200); /* 6.6 months */
    g.lenhei = 66;
    g.measure = TB_MEASURE_HEIGHT;
    r = run(&g);
    CHECK(r.c9mo_flag && r.cmeasure == TB_MEASURE_MISSING, "height < 9 months implausible");
    CHECK_NEAR(r.clenhei, 66, 1e-12);
    g.age_days = 280; /* 9.2 months: plausible, +0.7 */
    r = run(&g);
    CHECK(!r.c9mo_flag && fabs(r.clenhei - 66.7) < 1e-9, "height at 9 months: +0.7 cm");

    /* 0.7 cm: under 731 days standing +0.7; 731 and over lying -0.7. */
    g = child(TB_SEX_FEMALE, 730);
    g.lenhei = 85;
    g.measure = TB_MEASURE_HEIGHT;
    r = run(&g);
    CHECK_NEAR(r.clenhei, 85.7, 1e-9);
    g.measure = TB_MEASURE_LENGTH;
    r = run(&g);
    CHECK_NEAR(r.clenhei, 85, 1e-12);
    g.age_days = 730.5; /* rounds to 731 */
    r = run(&g);
    CHECK_NEAR(r.clenhei, 84.3, 1e-9);
    g.measure = TB_MEASURE_HEIGHT;
    r = run(&g);
    CHECK_NEAR(r.clenhei, 85, 1e-12);
    g.measure = TB_MEASURE_MISSING;
    r = run(&g);
    CHECK_NEAR(r.clenhei, 85, 1e-12); /* no measure, no correction */
    p = row_of(&T->len, 2, 731);
    CHECK_NEAR(r.z[TB_ZLEN], tb_growth_round2(tb_growth_lms_z(85, p)), 1e-12);

    /* Oedema: no weight-for-age, weight-for-length or BMI; others stay. */
    g = child(TB_SEX_MALE, 400);
    g.weight = 9;
    g.lenhei = 75;
    g.measure = TB_MEASURE_LENGTH;
    g.oedema = true;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWEI]) && isnan(r.z[TB_ZWFL]) && isnan(r.z[TB_ZBMI]) && !isnan(r.z[TB_ZLEN]),
          "oedema suppresses weight-based z");
    g = child(TB_SEX_MALE, NAN);
    g.age_months = 100;
    g.weight = 25;
    g.lenhei = 130;
    g.oedema = true;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWFA]) && isnan(r.z[TB_ZBFA]) && !isnan(r.z[TB_ZHFA]),
          "oedema suppresses zwfa, zbfa");

    /* Restricted beyond +-3 (weight-for-age): linear, not LMS. */
    p = row_of(&T->wei, 1, 365);
    double sd3 = tb_growth_lms_value(p, 3), sd2 = tb_growth_lms_value(p, 2);
    g = child(TB_SEX_MALE, 365);
    g.weight = sd3 + 1.5 * (sd3 - sd2);
    r = run(&g);
    CHECK_NEAR(r.z[TB_ZWEI], 4.5, 1e-12);
    CHECK(r.flag[TB_ZWEI] == 0, "zwei 4.5 not flagged");
    g.weight = sd3 + 2.01 * (sd3 - sd2);
    r = run(&g);
    CHECK(r.flag[TB_ZWEI] == 1, "zwei 5.01 flagged");
    double m3 = tb_growth_lms_value(p, -3), m2 = tb_growth_lms_value(p, -2);
    g.weight = m3 - 3.0 * (m2 - m3); /* z = -6: not flagged (limit is < -6) */
    r = run(&g);
    CHECK_NEAR(r.z[TB_ZWEI], -6, 1e-12);
    CHECK(r.flag[TB_ZWEI] == 0, "zwei -6.00 not flagged");
    /* Unrestricted length-for-age: the LMS value even far out. */
    p = row_of(&T->len, 1, 365);
    g.lenhei = tb_growth_lms_value(p, -4.5);
    g.measure = TB_MEASURE_LENGTH;
    r = run(&g);
    CHECK_NEAR(r.z[TB_ZLEN], -4.5, 1e-12);
    g.lenhei = tb_growth_lms_value(p, 6.2);
    r = run(&g);
    CHECK(r.flag[TB_ZLEN] == 1, "zlen 6.2 flagged");

    /* Weight-for-length: table by age; interpolation between 0.1 cm rows. */
    g = child(TB_SEX_FEMALE, 500);
    g.lenhei = 80.25;
    g.measure = TB_MEASURE_LENGTH;
    g.weight = 10;
    r = run(&g);
    tb_lms a = row_of(&T->wfl, 2, 802), b = row_of(&T->wfl, 2, 803);
    double d = (80.25 - trunc(80.25 * 10) / 10) / 0.1;
    tb_lms mid = {a.l + d * (b.l - a.l), a.m + d * (b.m - a.m), a.s + d * (b.s - a.s)};
    CHECK_NEAR(r.z[TB_ZWFL], tb_growth_round2(tb_growth_lms_z_restricted(10, mid)), 1e-12);
    /* same child at 2 years: height table, -0.7 on a lying measure */
    g.age_days = 800;
    g.lenhei = 80.7;
    r = run(&g);
    a = row_of(&T->wfh, 2, 800);
    CHECK_NEAR(r.clenhei, 80.0, 1e-9);
    CHECK(fabs(r.z[TB_ZWFL] - tb_growth_round2(tb_growth_lms_z_restricted(10, a))) < 0.011,
          "wfh at 800 days");
    /* no age: the measure decides; no measure: 87 cm decides */
    g = child(TB_SEX_MALE, NAN);
    g.weight = 12;
    g.lenhei = 86;
    g.measure = TB_MEASURE_HEIGHT;
    r = run(&g);
    CHECK_NEAR(r.z[TB_ZWFL],
               tb_growth_round2(tb_growth_lms_z_restricted(12, row_of(&T->wfh, 1, 860))), 1e-12);
    g.measure = TB_MEASURE_MISSING;
    r = run(&g);
    CHECK_NEAR(r.z[TB_ZWFL],
               tb_growth_round2(tb_growth_lms_z_restricted(12, row_of(&T->wfl, 1, 860))), 1e-12);
    g.lenhei = 87;
    r = run(&g);
    CHECK_NEAR(r.z[TB_ZWFL],
               tb_growth_round2(tb_growth_lms_z_restricted(12, row_of(&T->wfh, 1, 870))), 1e-12);
    /* valid ranges: length 45-110, height 65-120 */
    g = child(TB_SEX_MALE, 100);
    g.weight = 2;
    g.lenhei = 44.9;
    g.measure = TB_MEASURE_LENGTH;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWFL]), "length 44.9 out of range");
    g.lenhei = 45;
    r = run(&g);
    CHECK(!isnan(r.z[TB_ZWFL]), "length 45 in range");
    g = child(TB_SEX_MALE, 1000);
    g.weight = 25;
    g.lenhei = 120.1;
    g.measure = TB_MEASURE_HEIGHT;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWFL]), "height 120.1 out of range");
    g.lenhei = 64.9;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWFL]), "height 64.9 out of range");

    /* Arm circumference and skinfolds from 91 days. */
    g = child(TB_SEX_FEMALE, 90);
    g.armc = 12;
    g.triskin = 8;
    g.subskin = 7;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZAC]) && isnan(r.z[TB_ZTS]) && isnan(r.z[TB_ZSS]), "90 days: none");
    g.age_days = 91;
    r = run(&g);
    CHECK(!isnan(r.z[TB_ZAC]) && !isnan(r.z[TB_ZTS]) && !isnan(r.z[TB_ZSS]), "91 days: all");

    /* 5-19: interpolation between months; weight-for-age only under 121 months. */
    g = child(TB_SEX_FEMALE, NAN);
    g.age_months = 100.25;
    g.weight = 30;
    g.lenhei = 132;
    r = run(&g);
    a = row_of(&T->hfa, 2, 100);
    b = row_of(&T->hfa, 2, 101);
    mid = (tb_lms){a.l + 0.25 * (b.l - a.l), a.m + 0.25 * (b.m - a.m), a.s + 0.25 * (b.s - a.s)};
    CHECK_NEAR(r.z[TB_ZHFA], tb_growth_round2(tb_growth_lms_z(132, mid)), 1e-12);
    CHECK_NEAR(r.cbmi, 30 / (1.32 * 1.32), 1e-9);
    /* Upper limits by default (who-growth-method.md): 60-120 months for
     * weight-for-age, 60-228 for height- and BMI-for-age, inclusive, on the
     * unrounded age in months. */
    g.weight = 30;
    g.lenhei = 140;
    g.age_months = 120.0;
    r = run(&g);
    CHECK(!isnan(r.z[TB_ZWFA]), "wfa at 120.0 months");
    g.age_months = 120.03;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWFA]) && !isnan(r.z[TB_ZHFA]), "no wfa at 120.03 months");
    g = child(TB_SEX_FEMALE, 3653); /* 3653 / 30.4375 = 120.016 months: not 120 */
    g.weight = 30;
    g.lenhei = 140;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZWFA]), "no wfa at 3653 days (120.02 months, unrounded)");
    g = child(TB_SEX_FEMALE, NAN);
    g.weight = 60;
    g.lenhei = 170;
    g.age_months = 228.0;
    r = run(&g);
    CHECK(!isnan(r.z[TB_ZHFA]) && !isnan(r.z[TB_ZBFA]), "hfa/bfa at 228.0 months");
    g.age_months = 228.03;
    r = run(&g);
    CHECK(isnan(r.z[TB_ZHFA]) && isnan(r.z[TB_ZBFA]) && r.imtu == TB_GIZI_NONE,
          "no hfa/bfa at 228.03 months");
    /* anthroplus 1.1: below 121 / 229 months. */
    tb_who_tables t11 = *T;
    t11.plus_limits = TB_PLUS_LIMITS_1_1;
    g.age_months = 228.9;
    tb_growth_compute(&t11, &g, &r);
    CHECK(!isnan(r.z[TB_ZHFA]) && !isnan(r.z[TB_ZBFA]), "1.1: hfa/bfa at 228.9 months");
    g.age_months = 229;
    tb_growth_compute(&t11, &g, &r);
    CHECK(isnan(r.z[TB_ZHFA]) && isnan(r.z[TB_ZBFA]), "1.1: none at 229 months");
    g.age_months = 120.9;
    g.weight = 30;
    g.lenhei = 140;
    tb_growth_compute(&t11, &g, &r);
    CHECK(!isnan(r.z[TB_ZWFA]), "1.1: wfa at 120.9 months");
    g.age_months = 121;
    tb_growth_compute(&t11, &g, &r);
    CHECK(isnan(r.z[TB_ZWFA]), "1.1: no wfa at 121 months");
    /* Interpolation's upper key as WHO computes it: 103.1 lying at 3 years
     * is 102.39999999999999 cm, and trunc(10x + 1) = 1025. */
    g = child(TB_SEX_MALE, 1110);
    g.weight = 10.9;
    g.lenhei = 103.1;
    g.measure = TB_MEASURE_LENGTH;
    r = run(&g);
    CHECK(r.z[TB_ZWFL] == -4.71, "zwfl 102.4 edge: %.2f (WHO -4.71)", r.z[TB_ZWFL]);

    /* Rounding: R's round(x, 2), flags judged on the rounded value. */
    CHECK(tb_growth_round2(-2.004) == -2.0, "-2.004 -> -2.00");
    CHECK(tb_growth_round2(1.234999) == 1.23, "1.234999 -> 1.23");
    CHECK(tb_growth_round2(-1.236) == -1.24, "-1.236 -> -1.24");
    CHECK(tb_growth_round2(0.125) == 0.12, "0.125 (exact tie) -> 0.12 (even)");
    CHECK(tb_growth_round2(0.375) == 0.38, "0.375 (exact tie) -> 0.38 (even)");
    p = row_of(&T->hc, 1, 400);
    g = child(TB_SEX_MALE, 400);
    g.headc = tb_growth_lms_value(p, 5.004); /* rounds to 5.00: not flagged */
    r = run(&g);
    CHECK(r.z[TB_ZHC] == 5.0 && r.flag[TB_ZHC] == 0, "zhc 5.004 -> 5.00, not flagged");
}

static void test_categories(void)
{
    /* Permenkes 2/2020 bands, from z-scores placed exactly on the cut-offs. */
    struct {
        double z;
        tb_cat_tbu tbu;
        tb_cat_bbu bbu;
        tb_cat_gizi bbtb;
    } cases[] = {
        {-3.01, TB_TBU_SANGAT_PENDEK, TB_BBU_SANGAT_KURANG, TB_GIZI_BURUK},
        {-3.00, TB_TBU_PENDEK, TB_BBU_KURANG, TB_GIZI_KURANG},
        {-2.01, TB_TBU_PENDEK, TB_BBU_KURANG, TB_GIZI_KURANG},
        {-2.00, TB_TBU_NORMAL, TB_BBU_NORMAL, TB_GIZI_BAIK},
        {1.00, TB_TBU_NORMAL, TB_BBU_NORMAL, TB_GIZI_BAIK},
        {1.01, TB_TBU_NORMAL, TB_BBU_RISIKO_LEBIH, TB_GIZI_RISIKO_LEBIH},
        {2.00, TB_TBU_NORMAL, TB_BBU_RISIKO_LEBIH, TB_GIZI_RISIKO_LEBIH},
        {2.01, TB_TBU_NORMAL, TB_BBU_RISIKO_LEBIH, TB_GIZI_LEBIH},
        {3.00, TB_TBU_NORMAL, TB_BBU_RISIKO_LEBIH, TB_GIZI_LEBIH},
        {3.01, TB_TBU_TINGGI, TB_BBU_RISIKO_LEBIH, TB_GIZI_OBESITAS},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double z = cases[i].z;
        int sex = 1, day = 600;
        tb_growth_input g = child(TB_SEX_MALE, day);
        g.measure = TB_MEASURE_LENGTH;
        g.lenhei = tb_growth_lms_value(row_of(&T->len, sex, day), z);
        g.weight = tb_growth_lms_value(row_of(&T->wei, sex, day), z);
        tb_growth_result r = run(&g);
        CHECK(r.z[TB_ZLEN] == z && r.tbu == cases[i].tbu, "TB/U at z=%.2f: %s", z,
              tb_cat_tbu_code(r.tbu));
        CHECK(r.z[TB_ZWEI] == z && r.bbu == cases[i].bbu, "BB/U at z=%.2f: %s", z,
              tb_cat_bbu_code(r.bbu));
        /* BB/PB: weight for the child's own corrected length */
        g.weight = NAN;
        g.lenhei = 80;
        tb_lms p = row_of(&T->wfl, sex, 800);
        g.weight = tb_growth_lms_value(p, z);
        if (z > 3)
            g.weight = tb_growth_lms_value(p, 3) +
                       (z - 3) * (tb_growth_lms_value(p, 3) - tb_growth_lms_value(p, 2));
        if (z < -3)
            g.weight = tb_growth_lms_value(p, -3) +
                       (z + 3) * (tb_growth_lms_value(p, -2) - tb_growth_lms_value(p, -3));
        r = run(&g);
        CHECK(r.z[TB_ZWFL] == z && r.bbtb == cases[i].bbtb, "BB/PB at z=%.2f (%.2f): %s", z,
              r.z[TB_ZWFL], tb_cat_gizi_code(r.bbtb));
    }
    /* A flagged z-score gets no category. */
    tb_growth_input g = child(TB_SEX_MALE, 600);
    g.measure = TB_MEASURE_LENGTH;
    g.lenhei = tb_growth_lms_value(row_of(&T->len, 1, 600), -6.5);
    tb_growth_result r = run(&g);
    CHECK(r.flag[TB_ZLEN] == 1 && r.tbu == TB_TBU_NONE, "flagged zlen: no category");
    /* 5-18 years: IMT/U bands, obesitas above +2. */
    g = child(TB_SEX_FEMALE, NAN);
    g.age_months = 150;
    g.lenhei = 150;
    tb_lms p = row_of(&T->bfa, 2, 150);
    g.weight = tb_growth_lms_value(p, 1.5) * 1.5 * 1.5;
    r = run(&g);
    CHECK(r.imtu == TB_GIZI_LEBIH, "IMT/U 5-18 at +1.5: gizi lebih (%s)", tb_cat_gizi_code(r.imtu));
    g.weight = tb_growth_lms_value(p, 2.5) * 1.5 * 1.5;
    r = run(&g);
    CHECK(r.imtu == TB_GIZI_OBESITAS, "IMT/U 5-18 at +2.5: obesitas");
    CHECK_STR(tb_cat_gizi_label(TB_GIZI_OBESITAS, true), "Obesitas");
    CHECK_STR(tb_cat_tbu_label(TB_TBU_PENDEK), "Pendek");
    CHECK_STR(tb_cat_bbu_label(TB_BBU_KURANG), "Berat badan kurang");
}

/* The bands are a parameter: other cut-offs give other categories. */
static void test_bands_parameter(void)
{
    tb_growth_result r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < TB_IND_COUNT; i++) {
        r.z[i] = NAN;
        r.flag[i] = -1;
    }
    r.z[TB_ZLEN] = -2.5;
    r.flag[TB_ZLEN] = 0;
    r.z[TB_ZWEI] = -2.0;
    r.flag[TB_ZWEI] = 0;
    tb_growth_classify(&tb_bands_permenkes, &r);
    CHECK(r.tbu == TB_TBU_PENDEK && r.bbu == TB_BBU_NORMAL, "Permenkes: P, BBN");
    tb_bands b = tb_bands_permenkes;
    b.band[TB_BANDS_TBU][0].hi = -2.4; /* sangat pendek below -2.4 */
    b.band[TB_BANDS_TBU][1].lo = -2.4;
    b.band[TB_BANDS_BBU][1].hi = -1.5; /* kurang up to -1.5 */
    b.band[TB_BANDS_BBU][2].lo = -1.5;
    tb_growth_classify(&b, &r);
    CHECK(r.tbu == TB_TBU_SANGAT_PENDEK && r.bbu == TB_BBU_KURANG, "changed bands: %s %s",
          tb_cat_tbu_code(r.tbu), tb_cat_bbu_code(r.bbu));
    r.flag[TB_ZLEN] = 1;
    tb_growth_classify(&b, &r);
    CHECK(r.tbu == TB_TBU_NONE, "a flagged z is not classified");
    CHECK(tb_bands_cat_from_code(TB_BANDS_IMTU_5_18, "GL") == TB_GIZI_LEBIH &&
              tb_bands_cat_from_code(TB_BANDS_TBU, "GL") == 0,
          "codes by index");
}

int main(void)
{
    test_reference_set();
    test_who2007_survey();
    test_every_table_row();
    test_rules();
    test_categories();
    test_bands_parameter();
    TB_TEST_MAIN_END();
}
