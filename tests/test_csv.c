/*
 * test_csv.c - the CSV reader, number parsing and formatting (src/csv.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/csv.h"
#include "tb_test.h"

/* Reads all records of text; returns the final status and fills a summary. */
typedef struct {
    int records;
    char delim;
    char fields[16][8][64];
    int nfields[16];
    char raw[16][128];
    long line[16];
    char err[200];
} summary;

static tb_csv_status read_all(const char *text, size_t len, const tb_csv_options *opt, summary *s)
{
    memset(s, 0, sizeof *s);
    FILE *f = fmemopen((void *)text, len, "rb");
    tb_csv_reader *r = tb_csv_open(f, opt);
    tb_csv_row row;
    tb_csv_status st;
    while ((st = tb_csv_next(r, &row)) == TB_CSV_OK) {
        int i = s->records++;
        if (i < 16) {
            s->nfields[i] = row.nfields;
            for (int k = 0; k < row.nfields && k < 8; k++)
                snprintf(s->fields[i][k], 64, "%s", row.fields[k]);
            snprintf(s->raw[i], 128, "%.*s", (int)row.raw_len, row.raw);
            s->line[i] = row.line;
        }
    }
    s->delim = tb_csv_delimiter(r);
    snprintf(s->err, sizeof s->err, "%s", tb_csv_error(r));
    tb_csv_close(r);
    fclose(f);
    return st;
}

#define READ(text, s) read_all((text), sizeof(text) - 1, NULL, (s))

static void test_reading(void)
{
    summary s;
    CHECK(READ("a,b,c\n1,2,3\n", &s) == TB_CSV_EOF && s.records == 2, "simple");
    CHECK(s.delim == ',' && s.nfields[1] == 3 && !strcmp(s.fields[1][2], "3"), "fields");
    CHECK(READ("a;b;c\r\n1,5;2;3\r\n", &s) == TB_CSV_EOF && s.delim == ';', "semicolon");
    CHECK(!strcmp(s.fields[1][0], "1,5") && !strcmp(s.raw[1], "1,5;2;3"), "CRLF stripped");
    CHECK(READ("a\tb\n1\t2\n", &s) == TB_CSV_EOF && s.delim == '\t' && s.nfields[1] == 2, "tab");
    CHECK(READ("\xEF\xBB\xBFsex,age\n1,2\n", &s) == TB_CSV_EOF && !strcmp(s.fields[0][0], "sex"),
          "BOM stripped");
    CHECK(READ("a,b\n\"x, \"\"y\"\"\",2\n", &s) == TB_CSV_EOF &&
              !strcmp(s.fields[1][0], "x, \"y\"") && !strcmp(s.raw[1], "\"x, \"\"y\"\"\",2"),
          "quotes: field %s raw %s", s.fields[1][0], s.raw[1]);
    CHECK(READ("a,b\n\"line1\nline2\",2\nz,3\n", &s) == TB_CSV_EOF && s.records == 3 &&
              !strcmp(s.fields[1][0], "line1\nline2") && s.line[2] == 4,
          "newline in quotes; next record on line %ld", s.line[2]);
    CHECK(READ("a,b\n\n1,2\n\n", &s) == TB_CSV_EOF && s.records == 2 && s.line[1] == 3,
          "blank lines skipped, line numbers kept");
    CHECK(READ("a,b\n1,2", &s) == TB_CSV_EOF && s.records == 2, "no final newline");
    CHECK(READ("a,b\n1,,\n", &s) == TB_CSV_EOF && s.nfields[1] == 3 && !s.fields[1][1][0],
          "empty fields");
    CHECK(READ("a;b,c\n", &s) == TB_CSV_EOF && s.delim == ',', "tie goes to comma");
    CHECK(READ("\"a;b\",c\n", &s) == TB_CSV_EOF && s.delim == ',', "quoted ; not counted");

    CHECK(READ("a,b\n1,\"open\n2,3\n", &s) == TB_CSV_ERR_QUOTE && strstr(s.err, "baris 2"),
          "EOF in quotes: %s", s.err);
    const char nul[] = "a,b\n1,2\n3,\0\n";
    CHECK(read_all(nul, sizeof nul - 1, NULL, &s) == TB_CSV_ERR_BINARY && strstr(s.err, "baris 3"),
          "NUL: %s", s.err);
    CHECK(READ("a,b\n1,\xff\xfe\n", &s) == TB_CSV_ERR_ENCODING && strstr(s.err, "baris 2"),
          "bad UTF-8: %s", s.err);
    CHECK(READ("a,b\nCaf\xc3\xa9,\xe2\x82\xac\n", &s) == TB_CSV_EOF, "valid UTF-8");
    CHECK(READ("a,b\n\xc0\xaf,1\n", &s) == TB_CSV_ERR_ENCODING, "overlong UTF-8 refused");

    tb_csv_options small = {64, 4, 0};
    char longrec[200];
    memset(longrec, 'x', sizeof longrec);
    memcpy(longrec, "a,b\n", 4);
    longrec[199] = '\n';
    CHECK(read_all(longrec, sizeof longrec, &small, &s) == TB_CSV_ERR_TOO_LONG,
          "record too long: %s", s.err);
    CHECK(read_all("a,b,c,d,e\n", 10, &small, &s) == TB_CSV_ERR_TOO_WIDE &&
              strstr(s.err, "baris 1"),
          "too wide: %s", s.err);
    tb_csv_options semi = {0, 0, ';'};
    CHECK(read_all("a,b;c\n", 6, &semi, &s) == TB_CSV_EOF && s.nfields[0] == 2, "forced ;");
    CHECK(READ("", &s) == TB_CSV_EOF && s.records == 0, "empty input");
}

/* A file larger than the read chunk, with a quoted field across the boundary. */
static void test_large(void)
{
    FILE *f = tmpfile();
    fprintf(f, "id,text,w\n");
    for (int i = 0; i < 200000; i++)
        fprintf(f, "%d,\"a,\"\"b\"\"\nc\",%d.5\n", i, i % 50);
    rewind(f);
    tb_csv_reader *r = tb_csv_open(f, NULL);
    tb_csv_row row;
    long n = 0, bad = 0, last_line = 0;
    while (tb_csv_next(r, &row) == TB_CSV_OK) {
        if (row.record > 0) {
            if (row.nfields != 3 || strcmp(row.fields[1], "a,\"b\"\nc") ||
                atoi(row.fields[0]) != row.record - 1)
                bad++;
            last_line = row.line;
        }
        n++;
    }
    CHECK(n == 200001 && bad == 0, "large file: %ld records, %ld bad", n, bad);
    CHECK(last_line == 2 + 2 * 199999, "line numbers count embedded newlines: %ld", last_line);
    CHECK(tb_csv_bytes_read(r) == ftell(f), "bytes read");
    tb_csv_close(r);
    fclose(f);
}

static void test_numbers(void)
{
    double v;
    CHECK(tb_parse_number("12.5", 4, false, &v) == 0 && v == 12.5, "12.5");
    CHECK(tb_parse_number(" -0.7 ", 6, false, &v) == 0 && v == -0.7, "-0.7");
    CHECK(tb_parse_number("12,5", 4, true, &v) == 0 && v == 12.5, "12,5 decimal comma");
    CHECK(tb_parse_number("12,5", 4, false, &v) == -1 && isnan(v), "12,5 without comma");
    CHECK(tb_parse_number("", 0, false, &v) == 0 && isnan(v), "empty");
    CHECK(tb_parse_number("   ", 3, false, &v) == 0 && isnan(v), "blank");
    CHECK(tb_parse_number("abc", 3, false, &v) == -1, "abc");
    CHECK(tb_parse_number("12.5kg", 6, false, &v) == -1, "12.5kg");
    CHECK(tb_parse_number("1.2.3", 5, false, &v) == -1, "1.2.3");
    CHECK(tb_parse_number("-", 1, false, &v) == -1, "-");
    CHECK(tb_parse_number(".", 1, false, &v) == -1, ".");
    CHECK(tb_parse_number("nan", 3, false, &v) == -1, "nan");
    CHECK(tb_parse_number("inf", 3, false, &v) == -1, "inf");
    CHECK(tb_parse_number("1e3", 3, false, &v) == 0 && v == 1000, "1e3");
    CHECK(tb_parse_number(".5", 2, false, &v) == 0 && v == 0.5, ".5");
    CHECK(tb_parse_number("+3", 2, false, &v) == 0 && v == 3, "+3");
    CHECK(tb_parse_number("0x10", 4, false, &v) == -1, "hex refused");
    /* Equal to strtod on many random decimals. */
    srand(7);
    int diff = 0;
    for (int i = 0; i < 200000; i++) {
        char s[64];
        int dec = rand() % 8;
        double x = (rand() / (double)RAND_MAX - 0.3) * pow(10, rand() % 9);
        int n = snprintf(s, sizeof s, "%.*f", dec, x);
        if (i % 3 == 0)
            n = snprintf(s, sizeof s, "%.17g", x);
        if (tb_parse_number(s, (size_t)n, false, &v) || v != strtod(s, NULL)) {
            if (diff++ < 5)
                fprintf(stderr, "  %s -> %.17g (strtod %.17g)\n", s, v, strtod(s, NULL));
        }
    }
    CHECK(diff == 0, "%d values differ from strtod", diff);
}

static void test_format(void)
{
    char b[40];
    int n;
#define FMT(x, d, sep, want)                                                                       \
    do {                                                                                           \
        n = tb_format_fixed(b, (x), (d), (sep));                                                   \
        b[n] = 0;                                                                                  \
        CHECK_STR(b, want);                                                                        \
    } while (0)
    FMT(1.234, 2, '.', "1.23");
    FMT(-1.236, 2, '.', "-1.24");
    FMT(-0.001, 2, '.', "0.00");
    FMT(-0.004, 2, ',', "0,00");
    FMT(0.0, 2, '.', "0.00");
    FMT(12.5, 2, ',', "12,50");
    FMT(-4.71, 2, '.', "-4.71");
    FMT(1307.0, 0, '.', "1307");
    FMT(2.5, 1, '.', "2.5");
    FMT(-0.05, 1, '.', "-0.1");
    FMT(123456789.125, 3, '.', "123456789.125");
    FMT(1e20, 2, '.', "1.00e+20");
    FMT(-1e300, 2, ',', "-1,00e+300");
    n = tb_format_fixed(b, NAN, 2, '.');
    CHECK(n == 0, "NAN writes nothing");
    /* Every 2-decimal value from -1000 to 1000 round-trips. */
    int bad = 0;
    for (int i = -100000; i <= 100000; i++) {
        double x = i / 100.0;
        n = tb_format_fixed(b, x, 2, '.');
        b[n] = 0;
        if (strtod(b, NULL) != x)
            bad++;
    }
    CHECK(bad == 0, "%d values do not round-trip", bad);
    char q[64];
    size_t qn = tb_csv_quote(q, "a,b\"c", 5, ',');
    q[qn] = 0;
    CHECK_STR(q, "\"a,b\"\"c\"");
    qn = tb_csv_quote(q, "plain", 5, ',');
    q[qn] = 0;
    CHECK_STR(q, "plain");
    qn = tb_csv_quote(q, "a,b", 3, ';');
    q[qn] = 0;
    CHECK_STR(q, "a,b");
}

int main(void)
{
    test_reading();
    test_large();
    test_numbers();
    test_format();
    TB_TEST_MAIN_END();
}
