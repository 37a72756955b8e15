/*
 * test_render.c - the CSV and XLSX renderers of a report table (render.c)
 * against spreadsheet formula injection: a text cell that starts with
 * = + - @, tab or carriage return is written so that a spreadsheet shows it
 * as text (CSV: a leading single quote; XLSX: a string cell, never a
 * formula), while numbers, negative ones included, stay numbers.
 * The CSV for Excel set to Indonesian (BOM, ';', decimal comma, NIK as text),
 * XLSX dates as real dates, and the PDF read back with poppler's pdftotext
 * and pdfinfo (scripts/install-deps.sh installs them): orientation from the
 * width of the content, headings repeated on page 2, page numbers, long text
 * wrapped and not cut, a column empty in every row left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "format/render.h"
#include "format/render_html.h"
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

/* The Excel CSV of a small hand-made table, byte for byte. */
static void test_csv_excel(void)
{
    static const char *const keys[] = {"nama", "nik", "tahun", "tanggal", "bb", "z", "n"};
    static const char *const names[] = {"Nama", "NIK", "Tahun", "Tgl ukur", "BB (kg)", "Z", "N"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_INT, TB_COL_DATE,
                                        TB_COL_DEC1, TB_COL_DEC2, TB_COL_INT};
    tb_table *t = tb_table_new("uji", 7, keys, names, kinds);
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "Siti; \"Ani\"");
    tb_table_set_text(t, r, 1, "3201234567890123");
    tb_table_set_num(t, r, 2, 2026);
    tb_table_set_text(t, r, 3, "2026-11-30");
    tb_table_set_num(t, r, 4, 12.25);
    tb_table_set_num(t, r, 5, -2.345);
    tb_table_set_num(t, r, 6, 12345);
    r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "=HYPERLINK(1)");
    tb_table_set_text(t, r, 1, "00123");
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK(f && tb_render_csv_excel(t, f) == 0, "Excel CSV written");
    fclose(f);
    const char *want =
        "\xEF\xBB\xBFNama;NIK;Tahun;Tgl ukur;BB (kg);Z;N\r\n"
        "\"Siti; \"\"Ani\"\"\";\t3201234567890123;2026;30/11/2026;12,3;-2,35;12345\r\n"
        "'=HYPERLINK(1);\t00123;;;;;\r\n";
    CHECK(buf && !strcmp(buf, want), "Excel CSV: BOM, ';', comma, NIK text:\n%s\nwant\n%s", buf,
          want);
    free(buf);
    tb_table_free(t);
}

/* A member of a zip file as a string (caller frees), or NULL. */
static char *zip_member(const char *path, const char *name)
{
    int err = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &err);
    zip_file_t *f = z ? zip_fopen(z, name, 0) : NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    char chunk[4096];
    zip_int64_t n;
    while (f && (n = zip_fread(f, chunk, sizeof chunk)) > 0)
        fwrite(chunk, 1, (size_t)n, m);
    fclose(m);
    if (f)
        zip_fclose(f);
    if (z)
        zip_discard(z);
    return out;
}

/* XLSX: a date column holds real dates (a serial number with a dd/mm/yyyy
 * format), an id or year a plain number. */
static void test_xlsx_dates(void)
{
    static const char *const keys[] = {"tanggal", "tahun"};
    static const tb_col_kind kinds[] = {TB_COL_DATE, TB_COL_INT};
    tb_table *t = tb_table_new("uji", 2, keys, keys, kinds);
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "2026-11-30");
    tb_table_set_num(t, r, 1, 2026);
    char path[512];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/tb_xlsx_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        close(fd);
    CHECK(tb_render_xlsx(t, path) == 0, "XLSX written");
    char *sheet = zip_member(path, "xl/worksheets/sheet1.xml");
    char *styles = zip_member(path, "xl/styles.xml");
    /* 30/11/2026 is day 46356 of Excel's calendar (days since 30/12/1899) */
    CHECK(sheet && strstr(sheet, "<v>46356</v>"), "the date a serial number: %s",
          sheet ? sheet : "(none)");
    CHECK(styles && strstr(styles, "formatCode=\"dd/mm/yyyy\""), "shown dd/mm/yyyy");
    CHECK(sheet && strstr(sheet, "<v>2026</v>"), "the year a plain number");
    free(sheet);
    free(styles);
    unlink(path);
    tb_table_free(t);
}

/* Ids and years without a thousands separator, counts with one (HTML). */
static void test_codes(void)
{
    static const char *const keys[] = {"id", "tahun", "posyandu_id", "S"};
    static const tb_col_kind kinds[] = {TB_COL_INT, TB_COL_INT, TB_COL_INT, TB_COL_INT};
    tb_table *t = tb_table_new("uji", 4, keys, keys, kinds);
    long r = tb_table_add_row(t);
    tb_table_set_num(t, r, 0, 43791);
    tb_table_set_num(t, r, 1, 2026);
    tb_table_set_num(t, r, 2, 1234);
    tb_table_set_num(t, r, 3, 12345);
    tb_buf b = {0};
    tb_render_html(t, &b, NULL);
    CHECK(b.data && strstr(b.data, ">43791<") && strstr(b.data, ">2026<") &&
              strstr(b.data, ">1234<") && strstr(b.data, ">12.345<"),
          "ids and years plain, counts 12.345: %s", b.data ? b.data : "");
    tb_buf_free(&b);
    tb_table_free(t);
}

/* Runs a shell command and returns its whole output (caller frees), or NULL. */
static char *run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&out, &len);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        fwrite(chunk, 1, n, m);
    fclose(m);
    if (pclose(p) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

static char *tmp_pdf(char path[512])
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, 512, "%s/tb_pdf_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd >= 0)
        close(fd);
    return path;
}

/* A by-name list: wide (landscape), long (3 pages), an empty column, a long remark. */
static tb_table *wide_list(int ncols_extra, long rows)
{
    static const char *const keys[] = {"nama", "nik", "alamat", "tanggal", "catatan", "a", "b",
                                       "c",    "d",   "e",      "f",       "g",       "h", "i"};
    static const char *const names[] = {"Nama lengkap", "NIK",     "Alamat",  "Tgl ukur", "Catatan",
                                        "Kolom A",      "Kolom B", "Kolom C", "Kolom D",  "Kolom E",
                                        "Kolom F",      "Kolom G", "Kolom H", "Kolom I"};
    static const tb_col_kind kinds[] = {
        TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_DATE, TB_COL_TEXT, TB_COL_DEC2, TB_COL_DEC2,
        TB_COL_DEC2, TB_COL_DEC2, TB_COL_DEC2, TB_COL_DEC2, TB_COL_DEC2, TB_COL_DEC2, TB_COL_DEC2};
    tb_table *t = tb_table_new("Daftar uji - Desa Sukamaju, November 2026", 5 + ncols_extra, keys,
                               names, kinds);
    for (long i = 0; i < rows; i++) {
        long r = tb_table_add_row(t);
        char name[64];
        snprintf(name, sizeof name, "Muhammad Rizky Ramadhan Saputra %ld", i);
        tb_table_set_text(t, r, 0, name);
        tb_table_set_text(t, r, 1, "3201234567890123");
        tb_table_set_text(t, r, 3, "2026-11-30");
        tb_table_set_text(t, r, 4,
                          i == 0 ? "Anak ini perlu dirujuk ke puskesmas karena berat badan tidak"
                                   " naik dua kali berturut-turut dan tinggi badannya di bawah"
                                   " garis merah KMS, KATAAKHIR"
                                 : "-");
        for (int c = 5; c < 5 + ncols_extra; c++)
            tb_table_set_num(t, r, c, -1.23 * c);
    }
    return t;
}

static void test_pdf(void)
{
    char path[512], cmd[1200];
    tb_table *t = wide_list(9, 150);
    const tb_table *ts[1] = {t};
    CHECK(tb_render_pdf(ts, NULL, 1, tmp_pdf(path)) == 0, "wide PDF written");
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
    char *info = run(cmd);
    CHECK(info != NULL, "pdfinfo ran (poppler-utils: scripts/install-deps.sh)");
    /* 150 rows of ~12.4 pt on ~735 pt of an A4 landscape page: more than 2 pages */
    CHECK(info && strstr(info, "Page size:       842 x 595"), "wide table: landscape\n%s", info);
    int pages = 0;
    const char *pg = info ? strstr(info, "Pages:") : NULL;
    CHECK(pg && sscanf(pg, "Pages: %d", &pages) == 1 && pages > 2, "pages: %d", pages);
    free(info);
    snprintf(cmd, sizeof cmd, "pdftotext -f 2 -l 2 -layout '%s' -", path);
    char *p2 = run(cmd);
    CHECK(p2 && strstr(p2, "Nama lengkap") && strstr(p2, "Tgl ukur") && strstr(p2, "Catatan"),
          "headings repeated on page 2");
    CHECK(p2 && strstr(p2, "Daftar uji - Desa Sukamaju, November 2026"), "title on page 2");
    char want[64];
    snprintf(want, sizeof want, "Halaman 2 dari %d", pages);
    CHECK(p2 && strstr(p2, want), "page number '%s' on page 2", want);
    CHECK(p2 && strstr(p2, "Dicetak "), "date printed on page 2");
    free(p2);
    snprintf(cmd, sizeof cmd, "pdftotext -f 1 -l 1 '%s' -", path);
    char *p1 = run(cmd);
    CHECK(p1 && strstr(p1, "KATAAKHIR") && strstr(p1, "Muhammad Rizky Ramadhan Saputra 0"),
          "long text wrapped, not cut");
    CHECK(p1 && strstr(p1, "3201234567890123") && strstr(p1, "30/11/2026"),
          "NIK whole, date dd/mm/yyyy");
    CHECK(p1 && !strstr(p1, "Alamat"), "the column empty in every row left out");
    CHECK(p1 && strstr(p1, "-11,07"), "decimal comma");
    free(p1);
    if (!getenv("TB_KEEP_PDF")) /* TB_KEEP_PDF=1: keep the PDFs to look at */
        unlink(path);
    tb_table_free(t);
    /* a narrow table: portrait, one page */
    t = wide_list(0, 20);
    ts[0] = t;
    CHECK(tb_render_pdf(ts, NULL, 1, tmp_pdf(path)) == 0, "narrow PDF written");
    snprintf(cmd, sizeof cmd, "pdfinfo '%s'", path);
    info = run(cmd);
    CHECK(info && strstr(info, "Page size:       595 x 842") && strstr(info, "Pages:           1"),
          "narrow table: portrait, 1 page\n%s", info);
    free(info);
    if (!getenv("TB_KEEP_PDF")) /* TB_KEEP_PDF=1: keep the PDFs to look at */
        unlink(path);
    tb_table_free(t);
}

int main(void)
{
    test_csv_excel();
    test_xlsx_dates();
    test_codes();
    test_pdf();
    tb_table *t = table();
    CHECK(t != NULL, "table");
    if (t) {
        test_csv(t);
        test_xlsx(t);
        tb_table_free(t);
    }
    TB_TEST_MAIN_END();
}
