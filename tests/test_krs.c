/*
 * test_krs.c - lib/krs.c: keluarga sasaran and KRS by BKKBN's rule at every
 * boundary (ages 19/20, 34/35, 40/41, 49/50; spacing 23/24 months; 3/4
 * children), each water source and latrine code of the census import, the
 * additional variables, and the sasaran of one family at two dates.
 */
#include <stdio.h>
#include <string.h>

#include "tb_date.h"
#include "tb_krs.h"
#include "tb_test.h"

static tb_krs_rule R;

/* A family known only by its census answers (no members): everything "not given". */
static tb_krs_facts blank(void)
{
    tb_krs_facts f = {.rumah_layak = -1,
                      .desil = -1,
                      .istri_lahir = TB_DATE_NONE,
                      .umur_istri = -1,
                      .hamil = -1,
                      .pus = -1,
                      .jumlah_anak = -1,
                      .jarak_bulan = -1,
                      .umur_bungsu = -1,
                      .baduta = -1,
                      .balita = -1};
    return f;
}

static long D(const char *iso)
{
    return tb_date_iso(iso);
}

static tb_krs_result eval_at(const tb_krs_facts *f, const char *date)
{
    tb_krs_result r;
    tb_krs_eval(&R, f, D(date), &r);
    return r;
}

/* The wife born on 1990-06-15, asked on the day before / the day of her birthday. */
static void test_wife_ages(void)
{
    static const struct {
        const char *date;
        int age;
        bool pus, muda, tua;
    } cases[] = {
        {"2005-06-14", 14, false, false, false}, {"2005-06-15", 15, true, true, false},
        {"2010-06-14", 19, true, true, false},   {"2010-06-15", 20, true, false, false},
        {"2025-06-14", 34, true, false, false},  {"2025-06-15", 35, true, false, true},
        {"2031-06-14", 40, true, false, true},   {"2031-06-15", 41, true, false, false},
        {"2040-06-14", 49, true, false, false},  {"2040-06-15", 50, false, false, false},
    };
    tb_krs_facts f = blank();
    f.istri_lahir = D("1990-06-15");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tb_krs_result r = eval_at(&f, cases[i].date);
        CHECK(tb_krs_years(f.istri_lahir, D(cases[i].date)) == cases[i].age, "age on %s",
              cases[i].date);
        CHECK(r.pus == cases[i].pus, "age %d: PUS %d", cases[i].age, r.pus);
        CHECK(!!(r.faktor & TB_KRS_MUDA) == cases[i].muda, "age %d: terlalu muda", cases[i].age);
        CHECK(!!(r.faktor & TB_KRS_TUA) == cases[i].tua, "age %d: terlalu tua", cases[i].age);
        /* water and latrine layak, no children: KRS only by the wife's age */
        CHECK(r.krs == (cases[i].muda || cases[i].tua), "age %d: krs", cases[i].age);
    }
    /* an age given as a number does the same */
    int ages[] = {19, 20, 34, 35, 40, 41, 49, 50};
    int want[] = {TB_KRS_MUDA, 0, 0, TB_KRS_TUA, TB_KRS_TUA, 0, 0, 0};
    for (int i = 0; i < 8; i++) {
        tb_krs_facts g = blank();
        g.umur_istri = ages[i];
        tb_krs_result r = eval_at(&g, "2026-01-01");
        CHECK(r.faktor == (unsigned)want[i], "umur_istri %d: faktor %u", ages[i], r.faktor);
        CHECK(r.pus == (ages[i] <= 49), "umur_istri %d: PUS", ages[i]);
    }
}

/* Two children born 23 or 24 months apart; a PUS wife of 25. */
static void test_spacing(void)
{
    tb_krs_member m[2] = {{D("2022-03-10"), true}, {D("2024-02-10"), true}};
    tb_krs_facts f = blank();
    f.umur_istri = 25;
    f.anggota = m;
    f.nanggota = 2;
    tb_krs_result r = eval_at(&f, "2026-01-01");
    CHECK(tb_krs_months(m[0].lahir, m[1].lahir) == 23, "23 months apart");
    CHECK(r.faktor == TB_KRS_DEKAT && r.krs, "23 months: terlalu dekat (%u)", r.faktor);
    m[1].lahir = D("2024-03-10");
    r = eval_at(&f, "2026-01-01");
    CHECK(r.faktor == 0 && !r.krs, "24 months: not too close (%u)", r.faktor);
    m[1].lahir = D("2024-03-09"); /* one day short of 24 months */
    r = eval_at(&f, "2026-01-01");
    CHECK(r.faktor == TB_KRS_DEKAT, "a day short of 24 months is 23");
    /* given as a number */
    f = blank();
    f.umur_istri = 25;
    f.jarak_bulan = 23;
    CHECK(eval_at(&f, "2026-01-01").faktor == TB_KRS_DEKAT, "jarak 23");
    f.jarak_bulan = 24;
    CHECK(eval_at(&f, "2026-01-01").faktor == 0, "jarak 24");
    /* no PUS: no 4T */
    f.umur_istri = 52;
    f.jarak_bulan = 10;
    CHECK(eval_at(&f, "2026-01-01").faktor == 0, "4T only for a PUS");
}

static void test_children_count(void)
{
    tb_krs_member m[4] = {{D("2010-01-01"), true},
                          {D("2013-01-01"), true},
                          {D("2016-01-01"), true},
                          {D("2019-01-01"), false}}; /* a nephew: not a child of the family */
    tb_krs_facts f = blank();
    f.umur_istri = 30;
    f.anggota = m;
    f.nanggota = 4;
    CHECK(eval_at(&f, "2026-01-01").faktor == 0, "3 children: not too many");
    m[3].anak = true;
    CHECK(eval_at(&f, "2026-01-01").faktor == TB_KRS_BANYAK, "4 children: terlalu banyak");
    CHECK(eval_at(&f, "2018-06-01").faktor == 0, "in 2018 the fourth was not born");
    f = blank();
    f.umur_istri = 30;
    f.jumlah_anak = 3;
    CHECK(eval_at(&f, "2026-01-01").faktor == 0, "jumlah_anak 3");
    f.jumlah_anak = 4;
    CHECK(eval_at(&f, "2026-01-01").faktor == TB_KRS_BANYAK, "jumlah_anak 4");
}

/* Each water source and latrine code the census import gives (import/keluarga.c). */
static void test_water_latrine(void)
{
    static const struct {
        const char *code;
        bool layak;
    } water[] = {{"kemasan", true},
                 {"isi_ulang", true},
                 {"ledeng", true},
                 {"sumur_bor", true},
                 {"sumur_terlindungi", true},
                 {"sumur_tidak_terlindungi", false},
                 {"mata_air_terlindungi", false}, /* not in BKKBN 2023's list */
                 {"mata_air_tidak_terlindungi", false},
                 {"air_hujan", false},
                 {"air_permukaan", false},
                 {"lainnya", false}},
      latrine[] = {
          {"septik", true}, {"tanpa_septik", false}, {"bersama", false}, {"tidak_ada", false}};
    tb_krs_facts f = blank();
    f.umur_istri = 28; /* a PUS: sasaran, no 4T */
    for (size_t i = 0; i < sizeof water / sizeof *water; i++) {
        f.sumber_air = water[i].code;
        tb_krs_result r = eval_at(&f, "2026-01-01");
        CHECK(r.krs == !water[i].layak && r.faktor == (water[i].layak ? 0u : TB_KRS_AIR), "air %s",
              water[i].code);
    }
    f.sumber_air = NULL;
    for (size_t i = 0; i < sizeof latrine / sizeof *latrine; i++) {
        f.jamban = latrine[i].code;
        tb_krs_result r = eval_at(&f, "2026-01-01");
        CHECK(r.krs == !latrine[i].layak && r.faktor == (latrine[i].layak ? 0u : TB_KRS_JAMBAN),
              "jamban %s", latrine[i].code);
    }
    f.jamban = TB_KRS_UNKNOWN;
    f.sumber_air = TB_KRS_UNKNOWN;
    CHECK(eval_at(&f, "2026-01-01").faktor == 0, "an unread answer is no factor");
    f.jamban = "";
    f.sumber_air = "";
    CHECK(eval_at(&f, "2026-01-01").faktor == 0, "a blank answer is no factor");
    /* not sasaran: a factor is found but the family is not KRS */
    f.umur_istri = 55;
    f.sumber_air = "air_hujan";
    tb_krs_result r = eval_at(&f, "2026-01-01");
    CHECK(!r.sasaran && r.faktor == TB_KRS_AIR && !r.krs, "not sasaran: not KRS");
}

/* Welfare decile, house and education: shown, factors only when the rule says so. */
static void test_additional(void)
{
    tb_krs_facts f = blank();
    f.umur_istri = 28;
    f.rumah_layak = 0;
    f.desil = 1;
    f.pendidikan_ibu = "sd";
    tb_krs_result r = eval_at(&f, "2026-01-01");
    CHECK(!r.krs && r.faktor == 0, "BKKBN: not factors");
    CHECK(r.tambahan == (TB_KRS_RUMAH | TB_KRS_DESIL1 | TB_KRS_PENDIDIKAN), "shown: %u",
          r.tambahan);
    R.f_desil1 = true;
    r = eval_at(&f, "2026-01-01");
    CHECK(r.krs && r.faktor == TB_KRS_DESIL1 && r.tambahan == (TB_KRS_RUMAH | TB_KRS_PENDIDIKAN),
          "a version with desil_1");
    R.f_desil1 = false;
    f.pendidikan_ibu = "smp";
    f.desil = 2;
    f.rumah_layak = 1;
    CHECK(eval_at(&f, "2026-01-01").tambahan == 0, "nothing to show");
}

/* One family at two dates: the baby is baduta, then balita, then neither. */
static void test_two_dates(void)
{
    tb_krs_member m[2] = {{D("1980-05-01"), false}, /* the wife: 40 in 2020, 46 in 2026 */
                          {D("2022-09-20"), true}};
    tb_krs_facts f = blank();
    f.istri_lahir = m[0].lahir;
    f.anggota = m;
    f.nanggota = 2;
    f.jamban = "septik";
    f.sumber_air = "ledeng";
    tb_krs_result a = eval_at(&f, "2024-09-19"), b = eval_at(&f, "2024-09-20"),
                  c = eval_at(&f, "2027-09-20");
    CHECK(a.baduta && !a.balita, "23 months: baduta");
    CHECK(!b.baduta && b.balita, "24 months: balita");
    CHECK(!c.baduta && !c.balita, "60 months: neither");
    CHECK(a.pus && a.sasaran && !a.krs, "wife 44: PUS, sasaran, not KRS");
    CHECK(eval_at(&f, "2027-09-19").balita, "59 months: balita");
    f.hamil = 1;
    CHECK(eval_at(&f, "2024-09-19").pus_hamil, "PUS hamil");
    CHECK(!eval_at(&f, "2030-05-01").pus_hamil, "wife 50: not PUS, not PUS hamil");
    CHECK(!eval_at(&f, "2030-05-01").sasaran, "wife 50, child 7: not sasaran");
    /* a PUS at 40 is terlalu tua; at 41 no longer */
    CHECK(eval_at(&f, "2021-04-30").faktor == TB_KRS_TUA, "2021: wife 40");
    CHECK(eval_at(&f, "2021-05-01").faktor == 0, "2021: wife 41");
}

static void test_names(void)
{
    char buf[128];
    size_t n = tb_krs_factor_list(TB_KRS_AIR | TB_KRS_DEKAT, buf, sizeof buf);
    CHECK_STR(buf, "air_tidak_layak,terlalu_dekat");
    CHECK(n == strlen(buf), "length");
    char small[8];
    n = tb_krs_factor_list(TB_KRS_AIR | TB_KRS_DEKAT, small, sizeof small);
    CHECK(n == strlen(buf) && strlen(small) == 7, "truncated safely");
    CHECK(tb_krs_factor_bit("terlalu_tua", 11) == TB_KRS_TUA, "bit by name");
    CHECK(tb_krs_factor_bit("nope", 4) == 0, "unknown name");
    CHECK(tb_krs_months(D("2024-01-31"), D("2024-02-29")) == 0, "31 Jan to 29 Feb: 0 months");
    CHECK(tb_krs_months(D("2024-01-31"), D("2024-03-31")) == 2, "to 31 March: 2");
}

int main(void)
{
    tb_krs_rule_default(&R);
    test_wife_ages();
    test_spacing();
    test_children_count();
    test_water_latrine();
    test_additional();
    test_two_dates();
    test_names();
    TB_TEST_MAIN_END();
}
