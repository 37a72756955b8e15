/*
 * test_kms.c - N/T/O/B, 2T and BGM (lib/kms.c) on hand-made weighing series.
 */
#include <math.h>

#include "tb_kms.h"
#include "tb_test.h"

/* Day number of yyyy-mm-dd (days since 1970-01-01). */
static long day(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + (yoe * 365 + yoe / 4 - yoe / 100 + doy) - 719468;
}

/* Buku KIA 2023: 800 900 800 600 500 400, 300 to month 10, then 200. */
static tb_kbm kia2023(void)
{
    tb_kbm k;
    int g[] = {800, 800, 900, 800, 600, 500, 400};
    for (int m = 0; m <= TB_KBM_MAX_MONTH; m++)
        k.gram[m] = m <= 6 ? g[m] : m <= 10 ? 300 : 200;
    return k;
}

int main(void)
{
    tb_kbm k = kia2023();
    CHECK(tb_kms_kbm(&k, 15) == 800, "half a month: %d", tb_kms_kbm(&k, 15));
    CHECK(tb_kms_kbm(&k, 61) == 900, "2 months: %d", tb_kms_kbm(&k, 61));
    CHECK(tb_kms_kbm(&k, 305) == 300, "10 months");
    CHECK(tb_kms_kbm(&k, 335) == 200, "11 months");
    CHECK(tb_kms_month(day(2026, 1, 31)) + 1 == tb_kms_month(day(2026, 2, 1)), "months");

    /* born 2025-01-01; weighings monthly */
    long born = day(2025, 1, 1);
    tb_weighing w[] = {
        {day(2025, 3, 5), 0, 5.0},   /* B: first */
        {day(2025, 4, 5), 0, 5.9},   /* +900 g at 3 months (KBM 800): N */
        {day(2025, 5, 5), 0, 6.3},   /* +400 at 4 months (KBM 600): T */
        {day(2025, 6, 5), 0, 6.4},   /* +100: T, and 2T */
        {day(2025, 8, 5), 0, 7.0},   /* July missed: O */
        {day(2025, 9, 5), 0, 7.0},   /* flat: T (not 2T: the previous was O) */
        {day(2025, 10, 5), 0, NAN},  /* no weight: skipped */
        {day(2025, 11, 5), 0, 7.6},  /* October had no weight: O */
        {day(2025, 12, 5), 0, 7.9},  /* +300 at 11 months (KBM 200): N */
    };
    int n = (int)(sizeof w / sizeof w[0]);
    for (int i = 0; i < n; i++)
        w[i].age_days = (int)(w[i].day - born);
    tb_kms_status s[16];
    tb_kms_status_many(&k, w, n, s);
    const char want[] = "BNTTOT ON";
    for (int i = 0; i < n; i++) {
        char got = s[i].naik ? (char)s[i].naik : ' ';
        CHECK(got == want[i], "weighing %d: %c, expected %c", i, got, want[i]);
    }
    CHECK(!s[2].t2 && s[3].t2 && !s[5].t2, "2T only after two consecutive T");
    /* D = N + T + O + B: each weighing with a weight has exactly one status */
    int d = 0, ntob = 0;
    for (int i = 0; i < n; i++) {
        d += !isnan(w[i].weight);
        ntob += s[i].naik == TB_NAIK_N || s[i].naik == TB_NAIK_T || s[i].naik == TB_NAIK_O ||
                s[i].naik == TB_NAIK_B;
    }
    CHECK(d == ntob, "D = N + T + O + B (%d, %d)", d, ntob);
    /* Gains are compared in whole grams: exactly the KBM is N. */
    tb_weighing e[] = {{day(2025, 4, 5), 95, 5.0}, {day(2025, 5, 5), 125, 5.8}};
    tb_kms_status_many(&k, e, 2, s);
    CHECK(s[1].naik == TB_NAIK_N, "+800 g at 4 months (KBM 600): N");
    /* A different KBM version changes the verdict. */
    k.gram[4] = 900;
    tb_kms_status_many(&k, e, 2, s);
    CHECK(s[1].naik == TB_NAIK_T, "same gain with KBM 900: T");
    /* BGM: below the red line, only for unflagged z-scores. */
    CHECK(tb_kms_bgm(-3.01, 0, -3.0) && !tb_kms_bgm(-3.0, 0, -3.0), "BGM below -3");
    CHECK(!tb_kms_bgm(-6.5, 1, -3.0) && !tb_kms_bgm(NAN, -1, -3.0), "flagged/missing: no BGM");
    TB_TEST_MAIN_END();
}
