/*
 * test_anthro_input.c - column names, dates and value codes of anthro_input.c.
 */
#include <math.h>
#include <string.h>

#include "format/anthro_input.h"
#include "tb_test.h"

/* Builds a row view over an array of strings. */
static tb_csv_row make_row(char **f, size_t *lens, int n)
{
    for (int i = 0; i < n; i++)
        lens[i] = strlen(f[i]);
    tb_csv_row r = {n, f, lens, "", 0, 2, 1};
    return r;
}

static void test_columns(void)
{
    CHECK(tb_anthro_column_lookup("Tgl Lahir", 9) == TB_COL_BIRTH_DATE, "Tgl Lahir");
    CHECK(tb_anthro_column_lookup("tanggal_pengukuran", 18) == TB_COL_VISIT_DATE, "tgl ukur");
    CHECK(tb_anthro_column_lookup("JK", 2) == TB_COL_SEX, "JK");
    CHECK(tb_anthro_column_lookup("Berat", 5) == TB_COL_WEIGHT, "Berat");
    CHECK(tb_anthro_column_lookup("Tinggi", 6) == TB_COL_LENHEI, "Tinggi");
    CHECK(tb_anthro_column_lookup("Cara Ukur", 9) == TB_COL_MEASURE, "Cara Ukur");
    CHECK(tb_anthro_column_lookup("LiLA", 4) == TB_COL_ARMC, "LiLA");
    CHECK(tb_anthro_column_lookup("agemons", 7) == TB_COL_AGE_MONTHS, "agemons");
    CHECK(tb_anthro_column_lookup("BB Lahir", 8) == -1, "BB Lahir is not the weight");
    CHECK(tb_anthro_column_lookup("ZS BB/U", 7) == -1, "ZS BB/U is not a column we read");

    char *h1[] = {"id", "weight"};
    size_t l1[2];
    tb_csv_row r = make_row(h1, l1, 2);
    tb_anthro_columns c;
    char err[256];
    CHECK(tb_anthro_columns_find(&r, &c, err, sizeof err) == -1 && strstr(err, "no sex column"),
          "no sex column: %s", err);
    char *h2[] = {"sex", "name"};
    r = make_row(h2, l1, 2);
    CHECK(tb_anthro_columns_find(&r, &c, err, sizeof err) == -1 && strstr(err, "no age column"),
          "no age/measure: %s", err);
    char *h3[] = {"NIK", "JK", "Tgl Lahir", "Tanggal Pengukuran", "Berat", "Tinggi"};
    size_t l3[6];
    r = make_row(h3, l3, 6);
    CHECK(tb_anthro_columns_find(&r, &c, err, sizeof err) == 0, "e-PPGBM header");
    CHECK(c.col[TB_COL_SEX] == 1 && c.col[TB_COL_BIRTH_DATE] == 2 &&
              c.col[TB_COL_VISIT_DATE] == 3 && c.col[TB_COL_WEIGHT] == 4 &&
              c.col[TB_COL_LENHEI] == 5 && c.col[TB_COL_AGE_DAYS] == -1,
          "e-PPGBM columns mapped");
}

static void test_dates(void)
{
    long a, b;
    CHECK(tb_parse_date("2024-03-01", 10, &a) == 0 && tb_parse_date("01/03/2024", 10, &b) == 0 &&
              a == b,
          "iso = dd/mm/yyyy");
    CHECK(tb_parse_date("1-3-2024", 8, &b) == 0 && a == b, "d-m-yyyy");
    CHECK(tb_parse_date("2024-02-29", 10, &a) == 0, "leap day");
    CHECK(tb_parse_date("2023-02-29", 10, &a) == -1, "not a leap year");
    CHECK(tb_parse_date("31/04/2024", 10, &a) == -1, "31 April");
    CHECK(tb_parse_date("2024/03/01", 10, &a) == -1, "yyyy/mm/dd is ambiguous: refused");
    CHECK(tb_parse_date("kemarin", 7, &a) == -1, "words");
    CHECK(tb_parse_date("1970-01-01", 10, &a) == 0 && a == 0, "epoch");
    tb_parse_date("2024-01-01", 10, &a);
    tb_parse_date("2025-01-01", 10, &b);
    CHECK(b - a == 366, "2024 has 366 days");
}

static void test_values(void)
{
    char *h[] = {"sex", "tgl_lahir", "tgl_ukur", "bb", "tb", "cara_ukur", "oedema"};
    size_t hl[7], vl[7];
    tb_csv_row hr = make_row(h, hl, 7);
    tb_anthro_columns c;
    char err[128];
    CHECK(tb_anthro_columns_find(&hr, &c, err, sizeof err) == 0, "header");
    char *v1[] = {"P", "15/03/2024", "2025-03-15", "8,5", "72.3", "Terlentang", "tidak"};
    tb_csv_row r = make_row(v1, vl, 7);
    tb_growth_input in;
    tb_anthro_problem pr[8];
    int np = tb_anthro_row_read(&c, &r, true, &in, pr, 8);
    CHECK(np == 0, "no problems (%d)", np);
    CHECK(in.sex == TB_SEX_FEMALE && in.age_days == 365 && in.weight == 8.5 && in.lenhei == 72.3 &&
              in.measure == TB_MEASURE_LENGTH && !in.oedema,
          "values read");
    char *v2[] = {"laki-laki", "2024-01-01", "2023-12-01", "abc", "", "duduk", "Y"};
    r = make_row(v2, vl, 7);
    np = tb_anthro_row_read(&c, &r, false, &in, pr, 8);
    CHECK(np == 3, "three problems (%d)", np);
    CHECK(in.sex == TB_SEX_MALE && in.oedema && isnan(in.weight) && isnan(in.lenhei) &&
              isnan(in.age_days) && in.measure == TB_MEASURE_MISSING,
          "bad values missing");
    bool saw_weight = false, saw_measure = false, saw_date = false;
    for (int i = 0; i < np; i++) {
        saw_weight |= pr[i].col == TB_COL_WEIGHT && pr[i].field == 3;
        saw_measure |= pr[i].col == TB_COL_MEASURE && pr[i].field == 5;
        saw_date |= pr[i].col == TB_COL_VISIT_DATE;
    }
    CHECK(saw_weight && saw_measure && saw_date, "problems name their columns");
    /* A decimal comma is refused when the delimiter is a comma. */
    char *v3[] = {"1", "2024-01-01", "2024-06-01", "8,5", "70", "l", ""};
    r = make_row(v3, vl, 7);
    np = tb_anthro_row_read(&c, &r, false, &in, pr, 8);
    CHECK(np == 1 && isnan(in.weight), "8,5 not a number without decimal comma");
}

int main(void)
{
    test_columns();
    test_dates();
    test_values();
    TB_TEST_MAIN_END();
}
