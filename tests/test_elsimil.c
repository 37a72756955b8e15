/*
 * test_elsimil.c - lib/elsimil.c and lib/kia.c: every Elsimil threshold at
 * its boundary (age 19/20, IMT 18.4/18.5, LiLA 23.4/23.5, Hb 11.9/12.0 for
 * a woman and 12.9/13.0 for a man, waist 80/81 and 90/91, smoking), a rule
 * version with other values, the 3-months rule at its boundary day, and the
 * PWS KIA milestones (trimesters, K4, K6, KF lengkap, KN1) at theirs.
 */
#include <math.h>

#include "tb_date.h"
#include "tb_elsimil.h"
#include "tb_kia.h"
#include "tb_test.h"

static tb_elsimil_rule R; /* bkkbn-2023, the active version */
static tb_elsimil_rule L; /* bkkbn-2023-lengkap: men's Hb, waist, smoking */

static long D(const char *iso)
{
    return tb_date_iso(iso);
}

/* A healthy 25-year-old woman: no factor. */
static tb_elsimil_input woman(void)
{
    tb_elsimil_input in = {.jk = 2,
                           .lahir = D("2001-03-10"),
                           .periksa = D("2026-03-10"),
                           .bb = 50,
                           .tb = 155,
                           .lila = 25,
                           .hb = 12.5,
                           .perut = 70,
                           .merokok = false};
    return in;
}

static unsigned factors_by(const tb_elsimil_rule *rule, const tb_elsimil_input *in)
{
    tb_elsimil_result r;
    tb_elsimil_eval(rule, in, &r);
    CHECK(r.berisiko == (r.faktor != 0), "berisiko follows the factors");
    return r.faktor;
}

static unsigned factors(const tb_elsimil_input *in)
{
    return factors_by(&L, in);
}

static void test_thresholds(void)
{
    tb_elsimil_input in = woman();
    CHECK(factors(&in) == 0, "healthy woman: no factor");
    tb_elsimil_result r;
    tb_elsimil_eval(&R, &in, &r);
    CHECK_NEAR(r.imt, 20.8, 1e-9); /* 50 / 1.55^2 = 20.81 */
    CHECK(r.umur == 25, "age %d", r.umur);
    /* age: 20 on the birthday, 19 the day before */
    in.periksa = D("2021-03-10");
    CHECK(factors(&in) == 0, "20 on the exam day: not terlalu muda");
    in.periksa = D("2021-03-09");
    CHECK(factors(&in) == TB_ELSIMIL_MUDA, "19 years 364 days: terlalu muda");
    in = woman();
    /* IMT: 18.5 is not kurus, 18.4 is (tb 200 cm: bb = imt * 4) */
    in.tb = 200;
    in.bb = 74.0;
    CHECK(factors(&in) == 0, "IMT 18.5");
    in.bb = 73.6;
    CHECK(factors(&in) == TB_ELSIMIL_KURUS, "IMT 18.4");
    in = woman();
    in.lila = 23.5;
    CHECK(factors(&in) == 0, "LiLA 23.5");
    in.lila = 23.4;
    CHECK(factors(&in) == TB_ELSIMIL_KEK, "LiLA 23.4");
    in.jk = 1;
    in.hb = 14;
    CHECK(!(factors(&in) & TB_ELSIMIL_KEK), "LiLA is not a factor for a man");
    in = woman();
    in.hb = 12.0;
    CHECK(factors(&in) == 0, "Hb 12.0 woman");
    in.hb = 11.9;
    CHECK(factors(&in) == TB_ELSIMIL_ANEMIA, "Hb 11.9 woman");
    in.jk = 1;
    in.hb = 13.0;
    CHECK(factors(&in) == 0, "Hb 13.0 man");
    in.hb = 12.9;
    CHECK(factors(&in) == TB_ELSIMIL_ANEMIA, "Hb 12.9 man");
    in = woman();
    in.perut = 80;
    CHECK(factors(&in) == 0, "waist 80 woman");
    in.perut = 80.1;
    CHECK(factors(&in) == TB_ELSIMIL_PERUT, "waist 80.1 woman");
    in.jk = 1;
    in.hb = 14;
    in.perut = 90;
    CHECK(factors(&in) == 0, "waist 90 man");
    in.perut = 91;
    CHECK(factors(&in) == TB_ELSIMIL_PERUT, "waist 91 man");
    in = woman();
    in.merokok = true;
    CHECK(factors(&in) == TB_ELSIMIL_MEROKOK, "smoking");
    /* nothing measured: no factor, no IMT */
    tb_elsimil_input none = {.jk = 2, .lahir = TB_DATE_NONE, .periksa = D("2026-01-01")};
    none.bb = none.tb = none.lila = none.hb = none.perut = NAN;
    tb_elsimil_eval(&R, &none, &r);
    CHECK(!r.berisiko && isnan(r.imt) && r.umur == -1, "nothing measured");
}

static void test_rule_version(void)
{
    /* the active version: no men's Hb, waist or smoking factor; 4 tests made for a woman */
    tb_elsimil_input man = woman();
    man.jk = 1;
    man.hb = 10;
    man.perut = 130;
    man.merokok = true;
    tb_elsimil_result d;
    tb_elsimil_eval(&R, &man, &d);
    CHECK(d.faktor == 0 && d.dinilai == 2, "default, a man: age and IMT only (%u, %d)", d.faktor,
          d.dinilai);
    tb_elsimil_input w = woman();
    tb_elsimil_eval(&R, &w, &d);
    CHECK(d.dinilai == 4, "default, a woman: age, IMT, LiLA, Hb (%d)", d.dinilai);
    tb_elsimil_eval(&L, &w, &d);
    CHECK(d.dinilai == 6, "lengkap, a woman: + waist, smoking (%d)", d.dinilai);
    tb_elsimil_rule gem = R;
    gem.imt_max = 25;
    w.bb = 60.1; /* 60.1 / 1.55^2 = 25.01 -> 25.0: not above */
    CHECK(factors_by(&gem, &w) == 0, "IMT 25.0 not above 25");
    w.bb = 60.4; /* 25.14 -> 25.1 */
    CHECK(factors_by(&gem, &w) == TB_ELSIMIL_GEMUK, "IMT 25.1 above 25");
    tb_elsimil_rule v = L;
    v.hb_min_p = 11.5; /* the Kaper Sumut figure [CONFLICT] */
    v.merokok = false;
    v.perut_max_p = 0; /* switched off */
    tb_elsimil_input in = woman();
    in.hb = 11.5;
    in.merokok = true;
    in.perut = 120;
    tb_elsimil_result r;
    tb_elsimil_eval(&v, &in, &r);
    CHECK(r.faktor == 0, "11.5 version: Hb 11.5 fine, smoking and waist off (%u)", r.faktor);
    in.hb = 11.4;
    tb_elsimil_eval(&v, &in, &r);
    CHECK(r.faktor == TB_ELSIMIL_ANEMIA, "11.5 version: Hb 11.4 anemia");
    char buf[80];
    size_t need = tb_elsimil_factor_list(TB_ELSIMIL_KEK | TB_ELSIMIL_ANEMIA | TB_ELSIMIL_MUDA, buf,
                                         sizeof buf);
    CHECK_STR(buf, "umur_muda,lila_kurang,anemia");
    CHECK(need == 28, "need %zu", need);
    char small[6];
    tb_elsimil_factor_list(TB_ELSIMIL_KEK | TB_ELSIMIL_ANEMIA, small, sizeof small);
    CHECK_STR(small, "lila_");
}

static void test_tiga_bulan(void)
{
    CHECK(tb_elsimil_tepat_waktu(&R, D("2026-01-15"), D("2026-04-15")) == 1, "exactly 3 months");
    CHECK(tb_elsimil_tepat_waktu(&R, D("2026-01-15"), D("2026-04-14")) == 0, "one day short");
    CHECK(tb_elsimil_tepat_waktu(&R, D("2025-11-30"), D("2026-02-28")) == 0, "Nov 30 -> Feb 28");
    CHECK(tb_elsimil_tepat_waktu(&R, D("2025-11-30"), D("2026-03-01")) == 1, "Nov 30 -> Mar 1");
    CHECK(tb_elsimil_tepat_waktu(&R, D("2026-05-01"), D("2026-04-01")) == 0, "after the wedding");
    CHECK(tb_elsimil_tepat_waktu(&R, TB_DATE_NONE, D("2026-04-01")) == -1, "unknown");
}

static void test_kia(void)
{
    long h = D("2026-01-01");
    CHECK(tb_kia_trimester(h, h + 97) == 1, "day 97 TM I");
    CHECK(tb_kia_trimester(h, h + 98) == 2, "day 98 TM II");
    CHECK(tb_kia_trimester(h, h + 195) == 2, "day 195 TM II");
    CHECK(tb_kia_trimester(h, h + 196) == 3, "day 196 TM III");
    CHECK(tb_kia_trimester(h, h - 1) == 0, "before HPHT");
    tb_kia_anc v[8] = {{h + 60, true}, {h + 120, false}, {h + 200, false}, {h + 230, true}};
    CHECK(tb_kia_k4(h, v, 4) == h + 230, "K4 on the second TM III contact");
    v[1].day = h + 97; /* both in TM I: no TM II contact */
    CHECK(tb_kia_k4(h, v, 4) == TB_DATE_NONE, "no TM II: not K4");
    v[1].day = h + 98;
    v[3].day = h + 195; /* only one TM III contact */
    CHECK(tb_kia_k4(h, v, 4) == TB_DATE_NONE, "one TM III: not K4");
    v[4] = (tb_kia_anc){h + 240, false};
    CHECK(tb_kia_k4(h, v, 5) == h + 240, "K4 with a fifth contact");
    CHECK(tb_kia_k6(h, v, 5) == TB_DATE_NONE, "5 contacts: not K6");
    tb_kia_anc s[6] = {{h + 40, true},   {h + 80, false},  {h + 120, false},
                       {h + 200, false}, {h + 220, false}, {h + 250, true}};
    CHECK(tb_kia_k6(h, s, 6) == h + 250, "K6 on the sixth contact");
    s[5].dokter = false;
    CHECK(tb_kia_k6(h, s, 6) == TB_DATE_NONE, "one doctor: not K6");
    CHECK(tb_kia_k4(TB_DATE_NONE, s, 6) == TB_DATE_NONE, "no HPHT");
    long p = D("2026-10-01");
    long kf[3] = {p + 3, p + 28, p + 42};
    CHECK(tb_kia_kf_lengkap(p, kf, 3) == p + 42, "KF windows at their last days");
    kf[0] = p + 4;
    CHECK(tb_kia_kf_lengkap(p, kf, 3) == TB_DATE_NONE, "KF1 on day 4: not complete");
    kf[0] = p;
    kf[2] = p + 43;
    CHECK(tb_kia_kf_lengkap(p, kf, 3) == TB_DATE_NONE, "KF3 on day 43: not complete");
    CHECK(tb_kia_kn1(p, p + 2) && !tb_kia_kn1(p, p + 3) && !tb_kia_kn1(p, p - 1), "KN1 window");
}

int main(void)
{
    tb_elsimil_rule_default(&R);
    L = R;
    L.hb_min_l = 13.0;
    L.perut_max_p = 80;
    L.perut_max_l = 90;
    L.merokok = true;
    test_thresholds();
    test_rule_version();
    test_tiga_bulan();
    test_kia();
    TB_TEST_MAIN_END();
}
