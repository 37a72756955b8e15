/*
 * test_survey.c - the design-based estimator (lib/survey.c) on hand-computed
 * cases, and the t distribution.
 */
#include <math.h>
#include <stdlib.h>

#include "tb_survey.h"
#include "tb_test.h"

typedef struct {
    int stratum, cluster;
    double w, y;
    int in_domain;
} row;

/* Runs the two passes over rows already in cluster order; slot 0 = all rows,
 * slot 1 = rows with in_domain. */
static tb_survey *run(const row *r, int n, int nstrata, const long *clusters, void *mem)
{
    tb_survey *s = tb_survey_init(mem, 2, 1, nstrata, clusters);
    for (int pass = 1; pass <= 2; pass++) {
        for (int i = 0; i < n; i++) {
            tb_survey_add(s, 0, r[i].w, &r[i].y);
            if (r[i].in_domain)
                tb_survey_add(s, 1, r[i].w, &r[i].y);
            if (pass == 2 && (i == n - 1 || r[i + 1].cluster != r[i].cluster))
                tb_survey_end_cluster(s, r[i].stratum);
        }
        if (pass == 1)
            tb_survey_end_pass1(s);
    }
    return s;
}

static void test_design(void)
{
    /* stratum 0: cluster 0 {y 1 w 1, y 0 w 1}, cluster 1 {y 1 w 2};
     * stratum 1: one cluster {y 0 w 1, y 0 w 3} (a lonely cluster). */
    row r[] = {{0, 0, 1, 1, 1}, {0, 0, 1, 0, 0}, {0, 1, 2, 1, 1}, {1, 2, 1, 0, 1}, {1, 2, 3, 0, 0}};
    long clusters[2] = {2, 1};
    void *mem = malloc(tb_survey_size(2, 1, 2));
    tb_survey *s = run(r, 5, 2, clusters, mem);
    CHECK_NEAR(s->df, 1, 0);
    tb_survey_est e = tb_survey_estimate(s, 0, 0, 1);
    /* R = 3/8; Z = 0.03125, 0.15625, -0.1875; var = 2*(2*0.0625^2) + 0.1875^2 */
    CHECK_NEAR(e.r, 0.375, 1e-15);
    CHECK_NEAR(e.se, sqrt(0.05078125), 1e-15);
    CHECK_NEAR(e.pop, 8, 0);
    CHECK_NEAR(e.unwpop, 5, 0);
    double t = 12.706204736174698; /* qt(0.975, 1) */
    double lr = log(0.375 / 0.625), sl = sqrt(0.05078125) / (0.375 * 0.625);
    CHECK_NEAR(e.ll, 1 / (1 + exp(-(lr - t * sl))), 1e-12);
    CHECK_NEAR(e.ul, 1 / (1 + exp(-(lr + t * sl))), 1e-12);
    /* A domain: its variance comes from every cluster (zeros outside). */
    e = tb_survey_estimate(s, 1, 0, 1);
    CHECK_NEAR(e.r, 0.75, 1e-15);
    CHECK_NEAR(e.se, sqrt(0.0390625), 1e-15);
    CHECK_NEAR(e.pop, 4, 0);
    /* As a mean: t interval and weighted SD with n = 3 domain rows. */
    e = tb_survey_estimate(s, 1, 0, 0);
    CHECK_NEAR(e.ll, 0.75 - t * sqrt(0.0390625), 1e-12);
    double ss = 1 * 0.0625 + 2 * 0.0625 + 1 * 0.5625; /* sum w (y - R)^2 */
    CHECK_NEAR(e.stdev, sqrt(3.0 / 2.0 * ss / 4), 1e-15);
    CHECK_NEAR(tb_survey_stdev(s, 1, 0, 5), sqrt(5.0 / 4.0 * ss / 4), 1e-15);
    free(mem);
}

static void test_simple(void)
{
    /* No design: each row its own cluster, one stratum; WHO's simple
     * formulas: se = sqrt(N/(N-1))/n * sqrt(sum((x - r)^2)), N = all rows. */
    double y[] = {1, 0, 0, 1, 1, 0, 0, 0};
    int dom[] = {1, 1, 1, 1, 1, 0, 0, 0};
    row r[8];
    for (int i = 0; i < 8; i++)
        r[i] = (row){0, i, 1, y[i], dom[i]};
    long clusters[1] = {8};
    void *mem = malloc(tb_survey_size(2, 1, 1));
    tb_survey *s = run(r, 8, 1, clusters, mem);
    tb_survey_est e = tb_survey_estimate(s, 1, 0, 1);
    double n = 5, N = 8, p = 0.6;
    double se = sqrt(N / (N - 1)) / n * sqrt(3 * 0.16 + 2 * 0.36);
    CHECK_NEAR(e.r, p, 1e-15);
    CHECK_NEAR(e.se, se, 1e-15);
    double t = tb_survey_qt(0.975, N - 1);
    double sl = sqrt(N / (N - 1) / (n * p * (1 - p)));
    CHECK_NEAR(e.ll, 1 / (1 + exp(-(log(p / (1 - p)) - t * sl))), 1e-12);
    e = tb_survey_estimate(s, 1, 0, 0);
    CHECK_NEAR(e.stdev, sqrt((3 * 0.16 + 2 * 0.36) / 4), 1e-15); /* sd() */
    /* r = 0 and r = 1: intervals [0, 0] and [1, 1]. */
    for (int i = 0; i < 8; i++)
        r[i].y = 0;
    s = run(r, 8, 1, clusters, mem);
    e = tb_survey_estimate(s, 0, 0, 1);
    CHECK(e.r == 0 && e.ll == 0 && e.ul == 0, "r = 0: [0, 0]");
    for (int i = 0; i < 8; i++)
        r[i].y = 1;
    s = run(r, 8, 1, clusters, mem);
    e = tb_survey_estimate(s, 0, 0, 1);
    CHECK(e.r == 1 && e.ll == 1 && e.ul == 1, "r = 1: [1, 1]");
    /* An empty domain: counts 0, estimates missing. */
    for (int i = 0; i < 8; i++)
        r[i].in_domain = 0;
    s = run(r, 8, 1, clusters, mem);
    e = tb_survey_estimate(s, 1, 0, 1);
    CHECK(e.pop == 0 && e.unwpop == 0 && isnan(e.r) && isnan(e.se), "empty domain");
    free(mem);
}

static void test_t(void)
{
    /* R: qt(0.975, df) */
    CHECK_NEAR(tb_survey_qt(0.975, 1), 12.706204736174698, 1e-9);
    CHECK_NEAR(tb_survey_qt(0.975, 2), 4.302652729749464, 1e-10);
    CHECK_NEAR(tb_survey_qt(0.975, 10), 2.228138851986274, 1e-11);
    CHECK_NEAR(tb_survey_qt(0.975, 30), 2.042272456301238, 1e-11);
    /* large df: the expansion agrees with the beta-function route it replaces */
    CHECK_NEAR(tb_survey_qt(0.975, 1000), 1.962339080826, 1e-10);
    CHECK_NEAR(tb_survey_pt(tb_survey_qt(0.975, 201), 201), 0.975, 1e-12);
    CHECK_NEAR(tb_survey_qt(0.975, 1e7), 1.959963984540054 + 2.3722e-7, 1e-10);
    CHECK_NEAR(tb_survey_qt(0.025, 10), -2.228138851986274, 1e-11);
    CHECK_NEAR(tb_survey_pt(2.228138851986274, 10), 0.975, 1e-12);
    CHECK_NEAR(tb_survey_pt(0, 5), 0.5, 1e-15);
    CHECK(isnan(tb_survey_qt(0.975, 0)), "df 0");
}

int main(void)
{
    test_design();
    test_simple();
    test_t();
    TB_TEST_MAIN_END();
}
