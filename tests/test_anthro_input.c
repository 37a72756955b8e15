/*
 * test_anthro_input.c - column names, dates and value codes of anthro_input.c,
 * and the z-score pipeline over a CSV file built on it (zscore_csv.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format/anthro_input.h"
#include "format/zscore_csv.h"
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
    CHECK(tb_anthro_columns_find(&r, &c, err, sizeof err) == -1 &&
              strstr(err, "tidak ada kolom jenis kelamin"),
          "no sex column: %s", err);
    char *h2[] = {"sex", "name"};
    r = make_row(h2, l1, 2);
    CHECK(tb_anthro_columns_find(&r, &c, err, sizeof err) == -1 &&
              strstr(err, "tidak ada kolom umur"),
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

/* Collects the pipeline's messages. */
static void collect(void *ud, const char *line, size_t len)
{
    fwrite(line, 1, len, (FILE *)ud);
}

/* Runs the pipeline over csv; the output and messages are returned (caller frees). */
static int zscore_text(const char *csv, int threads, bool strict, char **out, char **msgs,
                       tb_zscore_csv_stats *st)
{
    size_t on, mn;
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    FILE *o = open_memstream(out, &on), *m = open_memstream(msgs, &mn);
    tb_zscore_csv_options zo = {.name = "t.csv",
                                .plus = TB_PLUS_LIMITS_1_1,
                                .threads = threads,
                                .strict = strict,
                                .max_warnings_shown = 50,
                                .message = collect,
                                .ud = m};
    int rc = -2;
    tb_zscore_csv *z = tb_zscore_csv_open(in, &zo);
    if (z)
        rc = tb_zscore_csv_run(z, o, st);
    tb_zscore_csv_close(z);
    fclose(o);
    fclose(m);
    fclose(in);
    return rc;
}

static void test_zscore_pipeline(void)
{
    /* 10,000 rows (three batches), one unreadable weight in every 1,000 */
    size_t cap = 400000, n = 0;
    char *csv = malloc(cap);
    n += (size_t)snprintf(csv + n, cap - n, "id;sex;age_days;weight;lenhei\n");
    for (int i = 0; i < 10000; i++)
        n += (size_t)snprintf(csv + n, cap - n, "%d;%d;%d;%s;%d,5\n", i, 1 + i % 2, i % 1800,
                              i % 1000 == 7 ? "x" : "9,5", 60 + i % 40);
    char *o1, *m1, *o3, *m3, *os, *ms;
    tb_zscore_csv_stats s1, s3, ss;
    int rc1 = zscore_text(csv, 1, false, &o1, &m1, &s1);
    int rc3 = zscore_text(csv, 3, false, &o3, &m3, &s3);
    CHECK(rc1 == 0 && rc3 == 0, "pipeline runs (%d, %d)", rc1, rc3);
    CHECK(s1.rows == 10000 && s1.warnings == 10 && s1.shown == 10, "rows %ld, warnings %ld",
          s1.rows, s1.warnings);
    CHECK(!strcmp(o1, o3) && !strcmp(m1, m3), "three threads write what one writes");
    CHECK(!strncmp(o1, "id;sex;age_days;weight;lenhei;age_days;age_months;", 50),
          "header: the input's, then ours with its delimiter");
    CHECK(strstr(o1, "\n7;2;7;x;67,5;7;0,23;") != NULL, "a row kept as read, numbers with ','");
    CHECK(!strncmp(m1, "baris 9, kolom 4 (weight): 'x' bukan angka; dianggap kosong\n", 60),
          "first warning names line and column: %.70s", m1);
    int rcs = zscore_text(csv, 2, true, &os, &ms, &ss);
    CHECK(rcs == -1 && ss.shown == 1 && strchr(ms, '\n') == ms + strlen(ms) - 1,
          "strict: stops after one warning (%d)", rcs);
    char *oe, *me;
    CHECK(zscore_text("", 1, false, &oe, &me, &ss) == -2 && strstr(me, "t.csv is empty"),
          "empty input: no pipeline, a message");
    free(oe);
    free(me);
    CHECK(zscore_text("id,weight\n1,9\n", 1, false, &oe, &me, &ss) == -2 &&
              strstr(me, "tidak ada kolom jenis kelamin"),
          "no sex column: %s", me);
    free(oe);
    free(me);
    free(o1), free(m1), free(o3), free(m3), free(os), free(ms);
    free(csv);
}

int main(void)
{
    test_columns();
    test_dates();
    test_values();
    test_zscore_pipeline();
    TB_TEST_MAIN_END();
}
