/*
 * test_render.c - the CSV and XLSX renderers of a report table (render.c)
 * against spreadsheet formula injection: a text cell that starts with
 * = + - @, tab or carriage return is written so that a spreadsheet shows it
 * as text (CSV: a leading single quote; XLSX: a string cell, never a
 * formula), while numbers, negative ones included, stay numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/render.h"
#include "format/table.h"
#include "format/xlsx.h"
#include "tb_test.h"

static const char *const NAMES[] = {"=1+2", "+62 812", "-2+3", "@SUM(A1)", "\tx",
                                    "\rx",  "Siti",    "a=b",  "",         "'kutip"};
#define NNAMES (int)(sizeof NAMES / sizeof NAMES[0])

static tb_table *table(void)
{
    static const char *const keys[] = {"nama", "z"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_DEC2};
    tb_table *t = tb_table_new("uji", 2, keys, keys, kinds);
    for (int i = 0; t && i < NNAMES; i++) {
        long r = tb_table_add_row(t);
        tb_table_set_text(t, r, 0, NAMES[i]);
        tb_table_set_num(t, r, 1, -1.25 - i);
    }
    return t;
}

static void test_csv(const tb_table *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK(f && tb_render_csv(t, f) == 0, "CSV written");
    fclose(f);
    CHECK(strstr(buf, "\n'=1+2,-1.25\n") != NULL, "=1+2 quoted, -1.25 a number: %s", buf);
    CHECK(strstr(buf, "\n'+62 812,-2.25\n") != NULL, "+ quoted");
    CHECK(strstr(buf, "\n'-2+3,-3.25\n") != NULL, "- quoted");
    CHECK(strstr(buf, "\n'@SUM(A1),-4.25\n") != NULL, "@ quoted");
    CHECK(strstr(buf, "\n'\tx,-5.25\n") != NULL, "tab quoted");
    CHECK(strstr(buf, "\n\"'\rx\",-6.25\n") != NULL, "carriage return quoted (and in quotes)");
    CHECK(strstr(buf, "\nSiti,-7.25\n") != NULL, "plain text unchanged");
    CHECK(strstr(buf, "\na=b,-8.25\n") != NULL, "= inside unchanged");
    CHECK(strstr(buf, "\n,-9.25\n") != NULL, "empty text stays empty");
    CHECK(strstr(buf, "\n'kutip,-10.25\n") != NULL, "a leading quote of the data kept as is");
    CHECK(strstr(buf, ",'-") == NULL, "no number quoted");
    free(buf);
}

static void test_xlsx(const tb_table *t)
{
    const char *dir = getenv("TMPDIR");
    char path[512];
    snprintf(path, sizeof path, "%s/tb_render_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        close(fd);
    CHECK(tb_render_xlsx(t, path) == 0, "XLSX written");
    char err[256] = "";
    tb_xlsx_reader *r = tb_xlsx_open(path, NULL, err, sizeof err);
    CHECK(r != NULL, "XLSX opened: %s", err);
    if (r) {
        tb_csv_row row;
        int found = 0;
        while (tb_xlsx_next(r, &row) == TB_CSV_OK)
            for (int i = 0; i < NNAMES; i++)
                if (row.nfields >= 2 && NAMES[i][0] && !strcmp(row.fields[0], NAMES[i]))
                    found++;
        CHECK(found == NNAMES - 1, "every name a text cell with its own text (%d)", found);
        CHECK(tb_xlsx_formula_count(r) == 0, "no formula in the workbook (%ld)",
              tb_xlsx_formula_count(r));
        tb_xlsx_close(r);
    }
    unlink(path);
}

int main(void)
{
    tb_table *t = table();
    CHECK(t != NULL, "table");
    if (t) {
        test_csv(t);
        test_xlsx(t);
        tb_table_free(t);
    }
    TB_TEST_MAIN_END();
}
