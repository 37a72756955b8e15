/*
 * test_xlsx.c - the XLSX reader (src/xlsx.c) on workbooks made inside the test.
 *
 * 1. Workbooks written by libxlsxwriter: strings, numbers, dates, booleans,
 *    empty cells and skipped rows, formulas with cached results, rich text,
 *    several sheets and sheet lookup, a hidden first sheet, 20,000 rows.
 * 2. Hand-made workbooks (libzip): inline strings, error cells, formulas with
 *    no cached value, date1904, custom date formats, rich text with phonetic
 *    runs, namespace prefixes, _xHHHH_ escapes.
 * 3. Broken input: not a zip, empty, .xls, zip without workbook, truncated
 *    files, damaged bytes, XML garbage, DOCTYPE, limits (cell, columns,
 *    shared strings, entry size), bad shared string index.
 * Temporary files go to $TMPDIR (default /tmp) and are removed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "tb_test.h"
#include "format/xlsx.h"

/* A fresh temporary file name (the file exists, empty). */
static char *tmpname(void)
{
    const char *dir = getenv("TMPDIR");
    char *p = malloc(512);
    snprintf(p, 512, "%s/tb_xlsx_XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(p);
    if (fd >= 0)
        close(fd);
    return p;
}

/* Appends formatted text to a malloc'd string. */
static void cat(char **s, const char *fmt, const char *a, long n)
{
    size_t old = *s ? strlen(*s) : 0;
    int need = snprintf(NULL, 0, fmt, n, a);
    *s = realloc(*s, old + (size_t)need + 1);
    snprintf(*s + old, (size_t)need + 1, fmt, n, a);
}

/*
 * Reads every row of an open reader into "line|raw\n" lines; an error ends
 * the text with "ERR <status> <message>". Adds to *bad the row invariants
 * broken (record, nfields, raw_len, lens, EOF that does not repeat).
 */
static char *read_all(tb_xlsx_reader *r, int *bad)
{
    char *s = calloc(1, 1);
    tb_csv_row row;
    tb_csv_status st;
    long rec = 0;
    while ((st = tb_xlsx_next(r, &row)) == TB_CSV_OK) {
        *bad += row.record != rec++ || row.nfields <= 0 || strlen(row.raw) != row.raw_len;
        for (int i = 0; i < row.nfields; i++)
            *bad += strlen(row.fields[i]) != row.lens[i];
        cat(&s, "%ld|%s\n", row.raw, row.line);
    }
    if (st != TB_CSV_EOF)
        cat(&s, "ERR %ld %s", tb_xlsx_error(r), (long)st);
    else
        *bad += tb_xlsx_next(r, &row) != TB_CSV_EOF;
    return s;
}

/* read_all, with one check that the invariants held. */
static char *dump_reader(tb_xlsx_reader *r)
{
    int bad = 0;
    char *s = read_all(r, &bad);
    CHECK(bad == 0, "%d row invariants broken (record, nfields, raw_len, lens, EOF)", bad);
    return s;
}

/* Opens path (sheet may be NULL) and dumps it; an open failure gives "OPEN <message>". */
static char *dump(const char *path, const char *sheet)
{
    char err[512];
    tb_xlsx_reader *r = tb_xlsx_open(path, sheet, err, sizeof err);
    if (!r) {
        char *s = NULL;
        cat(&s, "OPEN%.0ld %s", err, 0L);
        return s;
    }
    char *s = dump_reader(r);
    tb_xlsx_close(r);
    return s;
}

/* The same through tb_xlsx_open_opt with limits. */
static char *dump_opt(const char *path, const tb_xlsx_options *o)
{
    char err[512];
    tb_xlsx_reader *r = tb_xlsx_open_opt(path, NULL, 0, NULL, o, err, sizeof err);
    if (!r) {
        char *s = NULL;
        cat(&s, "OPEN%.0ld %s", err, 0L);
        return s;
    }
    char *s = dump_reader(r);
    tb_xlsx_close(r);
    return s;
}

/* Reads a whole file into memory. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(n > 0 ? (size_t)n : 1);
    *len = fread(b, 1, n > 0 ? (size_t)n : 0, f);
    fclose(f);
    return b;
}

/* Writes len bytes to path. */
static void spit(const char *path, const void *b, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b, 1, len, f);
        fclose(f);
    }
}

/* Whether s contains sub (prints s when not). */
static int has(const char *s, const char *sub)
{
    if (strstr(s, sub))
        return 1;
    fprintf(stderr, "  text was: %s\n", s);
    return 0;
}

/* Writes a zip with n named entries. */
static void write_zip(const char *path, int n, const char *const *names, const char *const *data)
{
    int e = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
    if (!z)
        return;
    for (int i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(z, data[i], strlen(data[i]), 0);
        zip_file_add(z, names[i], s, ZIP_FL_OVERWRITE);
    }
    zip_close(z);
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define RELT "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define SHEET(body)                                                                                \
    "<?xml version=\"1.0\"?><worksheet " NS "><sheetData>" body "</sheetData></worksheet>"

/*
 * Writes a one-sheet workbook (sheet "S1") by hand; sst and styles may be
 * NULL; wbpr is put into <workbookPr .../>.
 */
static void make_book(const char *path, const char *sheet, const char *sst, const char *styles,
                      const char *wbpr)
{
    char wb[1024];
    snprintf(wb, sizeof wb,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook " NS " " RNS
             "><workbookPr %s/><sheets><sheet name=\"S1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
             "</workbook>",
             wbpr ? wbpr : "");
    const char *names[7] = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                            "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"};
    const char *data[7] = {
        "<?xml version=\"1.0\"?><Types/>",
        "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" Type=\"" RELT
        "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        wb,
        "<?xml version=\"1.0\"?><Relationships>"
        "<Relationship Id=\"rId1\" Type=\"" RELT "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"" RELT "sharedStrings\" Target=\"sharedStrings.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"" RELT "styles\" Target=\"/xl/styles.xml\"/>"
        "</Relationships>",
        sheet};
    int n = 5;
    if (sst) {
        names[n] = "xl/sharedStrings.xml";
        data[n++] = sst;
    }
    if (styles) {
        names[n] = "xl/styles.xml";
        data[n++] = styles;
    }
    write_zip(path, n, names, data);
}

/* A workbook whose sheet has one row (1) and then n bytes of fill between open and close. */
static void padded_book(const char *path, const char *open, char fill, size_t n, const char *close)
{
    static const char head[] = "<worksheet><sheetData><row><c><v>1</v></c></row>";
    static const char tail[] = "</sheetData></worksheet>";
    size_t ho = strlen(head) + strlen(open);
    char *x = malloc(ho + n + strlen(close) + sizeof tail);
    if (!x)
        return;
    strcpy(x, head);
    strcat(x, open);
    memset(x + ho, fill, n);
    strcpy(x + ho + n, close);
    strcat(x + ho + n, tail);
    make_book(path, x, NULL, NULL, NULL);
    free(x);
}

/* ------------------------------------------------------------------------ */

/* The main libxlsxwriter workbook: every cell type, dates, gaps, two sheets. */
static void test_xlsxwriter(void)
{
    char *path = tmpname();
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Data");
    lxw_worksheet *ws2 = workbook_add_worksheet(wb, "Second");
    lxw_format *iso = workbook_add_format(wb);
    format_set_num_format(iso, "yyyy-mm-dd");
    lxw_format *f14 = workbook_add_format(wb);
    format_set_num_format_index(f14, 14);
    lxw_format *dmy = workbook_add_format(wb);
    format_set_num_format(dmy, "dd/mm/yyyy");
    lxw_format *hm = workbook_add_format(wb);
    format_set_num_format(hm, "h:mm");
    lxw_format *kg = workbook_add_format(wb);
    format_set_num_format(kg, "0.0 \"kg\"");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);

    worksheet_write_string(ws, 0, 0, "name", NULL);
    worksheet_write_string(ws, 0, 1, "weight", NULL);
    worksheet_write_string(ws, 0, 2, "born", NULL);
    worksheet_write_string(ws, 0, 3, "flag", NULL);
    worksheet_write_string(ws, 0, 4, "note", NULL);

    lxw_datetime d1 = {2020, 3, 15, 0, 0, 0};
    worksheet_write_string(ws, 1, 0, "Ani", NULL);
    worksheet_write_number(ws, 1, 1, 12.5, NULL);
    worksheet_write_datetime(ws, 1, 2, &d1, iso);
    worksheet_write_boolean(ws, 1, 3, 1, NULL);
    worksheet_write_string(ws, 1, 4, "a, \"b\"", NULL);

    lxw_datetime d2 = {2019, 12, 31, 18, 30, 0};
    worksheet_write_string(ws, 2, 0, "Désa Ñ 日本", NULL);
    worksheet_write_number(ws, 2, 1, 12, kg);
    worksheet_write_datetime(ws, 2, 2, &d2, f14);
    worksheet_write_boolean(ws, 2, 3, 0, NULL);
    worksheet_write_string(ws, 2, 4, "two\nlines", NULL);

    /* row 4 (index 3) left out; row 5 has only column C */
    worksheet_write_string(ws, 4, 2, "x", NULL);

    worksheet_write_formula_num(ws, 5, 0, "=1+1", NULL, 2);
    worksheet_write_formula_str(ws, 5, 1, "=\"o\"&\"k\"", NULL, "ok");
    worksheet_write_formula(ws, 5, 2, "=A6*3", NULL); /* cached 0 */
    worksheet_write_number(ws, 5, 3, 0.5, hm);        /* a time, not a date */

    worksheet_write_blank(ws, 6, 0, bold); /* formatted but empty: row skipped */
    worksheet_write_blank(ws, 6, 3, bold);

    worksheet_write_number(ws, 7, 0, 1, dmy);
    worksheet_write_number(ws, 7, 1, 59, dmy);
    worksheet_write_number(ws, 7, 2, 60, dmy);
    worksheet_write_number(ws, 7, 3, 61, dmy);
    worksheet_write_number(ws, 7, 4, 45000.75, dmy);
    worksheet_write_number(ws, 7, 5, -3, dmy); /* outside the date range: stays a number */
    worksheet_write_blank(ws, 7, 7, bold);     /* trailing empty cell dropped */

    lxw_rich_string_tuple fa = {.format = NULL, .string = "plain "};
    lxw_rich_string_tuple fb = {.format = bold, .string = "bold"};
    lxw_rich_string_tuple *rich[] = {&fa, &fb, NULL};
    worksheet_write_rich_string(ws, 8, 1, rich, NULL);
    worksheet_write_string(ws, 8, 0, "", NULL); /* an empty string cell */

    worksheet_write_string(ws2, 0, 0, "hello", NULL);
    worksheet_write_number(ws2, 2, 1, 3.25, NULL);
    CHECK(workbook_close(wb) == LXW_NO_ERROR, "workbook_close");

    char *s = dump(path, NULL);
    CHECK_STR(s, "1|name,weight,born,flag,note\n"
                 "2|Ani,12.5,2020-03-15,TRUE,\"a, \"\"b\"\"\"\n"
                 "3|Désa Ñ 日本,12,2019-12-31,FALSE,\"two\nlines\"\n"
                 "5|,,x\n"
                 "6|2,ok,0,0.5\n"
                 "8|1900-01-01,1900-02-28,1900-02-29,1900-03-01,2023-03-15,-3\n"
                 "9|,plain bold\n");
    free(s);

    /* sheet lookup: exact, case-insensitive, missing */
    s = dump(path, "Second");
    CHECK_STR(s, "1|hello\n3|,3.25\n");
    free(s);
    s = dump(path, "second");
    CHECK_STR(s, "1|hello\n3|,3.25\n");
    free(s);
    s = dump(path, "Nope");
    CHECK(has(s, "OPEN sheet \"Nope\" tidak ada; buku kerja ini berisi: \"Data\", \"Second\""),
          "missing sheet message");
    free(s);

    /* names, fields, counters through the API */
    char err[256];
    tb_xlsx_reader *r = tb_xlsx_open(path, NULL, err, sizeof err);
    CHECK(r != NULL, "open: %s", err);
    if (r) {
        const char *const *names;
        int n = tb_xlsx_sheet_names(r, &names);
        CHECK(n == 2 && strcmp(names[0], "Data") == 0 && strcmp(names[1], "Second") == 0,
              "sheet names");
        CHECK_STR(tb_xlsx_sheet(r), "Data");
        tb_csv_row row;
        CHECK(tb_xlsx_next(r, &row) == TB_CSV_OK && row.nfields == 5 && row.record == 0, "header");
        CHECK(tb_xlsx_next(r, &row) == TB_CSV_OK, "row 2");
        CHECK_STR(row.fields[4], "a, \"b\"");
        CHECK(row.lens[4] == 6, "len");
        CHECK(tb_xlsx_bytes_read(r) > 0, "bytes read");
        CHECK(tb_xlsx_formula_count(r) == 0, "no uncached formulas");
        CHECK_STR(tb_xlsx_error(r), "");
        tb_xlsx_close(r);
    }

    /* the same bytes from memory */
    size_t len = 0;
    unsigned char *buf = slurp(path, &len);
    r = tb_xlsx_open_buffer(buf, len, "Second", err, sizeof err);
    CHECK(r != NULL, "open_buffer: %s", err);
    if (r) {
        s = dump_reader(r);
        CHECK_STR(s, "1|hello\n3|,3.25\n");
        free(s);
        tb_xlsx_close(r);
    }

    /* truncated copies: every length must fail cleanly or read */
    char *cut = tmpname();
    size_t lens[] = {0, 3, 4, 30, len / 3, len / 2, len - 22, len - 1};
    for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
        spit(cut, buf, lens[i]);
        s = dump(cut, NULL);
        CHECK(strncmp(s, "OPEN ", 5) == 0, "truncated to %zu bytes opened: %s", lens[i], s);
        if (lens[i] == len / 2)
            CHECK(has(s, "berkas XLSX rusak atau terpotong"), "truncated message");
        if (lens[i] == 0)
            CHECK(has(s, "bukan berkas XLSX (berkas kosong)"), "empty message");
        free(s);
    }

    /* damaged bytes anywhere: never a crash, and reading stops at an error */
    int errors = 0, opened = 0, bad = 0; /* one check: how many copies open varies */
    for (size_t off = 0; off < len; off += 5) {
        unsigned char *b = malloc(len);
        memcpy(b, buf, len);
        b[off] ^= 0x5a;
        r = tb_xlsx_open_buffer(b, len, NULL, err, sizeof err);
        if (r) {
            opened++;
            s = read_all(r, &bad);
            errors += strstr(s, "ERR ") != NULL;
            free(s);
            tb_xlsx_close(r);
        }
        free(b);
    }
    CHECK(opened > 0, "some damaged copies still open (%d)", opened);
    CHECK(bad == 0, "%d row invariants broken in damaged copies", bad);
    (void)errors;

    free(buf);
    unlink(cut);
    free(cut);
    unlink(path);
    free(path);
}

/* A hidden first sheet: NULL picks the first visible worksheet; the hidden one is still named. */
static void test_hidden_sheet(void)
{
    char *path = tmpname();
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *a = workbook_add_worksheet(wb, "Secret");
    lxw_worksheet *b = workbook_add_worksheet(wb, "Visible");
    worksheet_write_string(a, 0, 0, "hidden", NULL);
    worksheet_write_string(b, 0, 0, "shown", NULL);
    worksheet_activate(b);
    worksheet_hide(a);
    workbook_close(wb);
    char *s = dump(path, NULL);
    CHECK_STR(s, "1|shown\n");
    free(s);
    s = dump(path, "Secret");
    CHECK_STR(s, "1|hidden\n");
    free(s);
    unlink(path);
    free(path);
}

/* 20,000 rows in constant-memory mode (inline strings): all come back in order. */
static void test_many_rows(void)
{
    char *path = tmpname();
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
    worksheet_write_string(ws, 0, 0, "id", NULL);
    worksheet_write_string(ws, 0, 1, "name", NULL);
    const int N = 20000;
    for (int i = 1; i <= N; i++) {
        char nm[32];
        snprintf(nm, sizeof nm, "child %d", i);
        worksheet_write_number(ws, (lxw_row_t)i, 0, i, NULL);
        worksheet_write_string(ws, (lxw_row_t)i, 1, nm, NULL);
    }
    workbook_close(wb);

    char err[256];
    tb_xlsx_reader *r = tb_xlsx_open(path, NULL, err, sizeof err);
    CHECK(r != NULL, "open: %s", err);
    if (r) {
        tb_csv_row row;
        int n = 0, bad = 0;
        tb_csv_status st;
        while ((st = tb_xlsx_next(r, &row)) == TB_CSV_OK) {
            if (n > 0) {
                char want[64];
                snprintf(want, sizeof want, "%d,child %d", n, n);
                bad += strcmp(row.raw, want) != 0 || row.line != n + 1 || row.record != n;
            }
            n++;
        }
        CHECK(st == TB_CSV_EOF, "EOF: %s", tb_xlsx_error(r));
        CHECK(n == N + 1, "rows %d", n);
        CHECK(bad == 0, "%d rows differ", bad);
        tb_xlsx_close(r);
    }
    unlink(path);
    free(path);
}

/* Hand-made cells: every type, formulas without cache, escapes, prefixes, missing r. */
static void test_handmade_cells(void)
{
    char *path = tmpname();
    const char *sst =
        "<?xml version=\"1.0\"?><sst " NS " count=\"3\" uniqueCount=\"3\">"
        "<si><t>plain</t></si>"
        "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">rich </t></r><r><t>run</t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si>"
        "<si><t>cr_x000D_lf_x000A_ _x005F_x0041_ _x0000_end</t></si>"
        "<si/>"
        "</sst>";
    make_book(
        path,
        SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
              "<c r=\"C1\" t=\"s\"><v> 2 </v></c><c r=\"D1\" t=\"s\"><v>3</v></c>"
              "<c r=\"E1\" t=\"s\"><v>0</v></c></row>"
              "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>in</t><r><t>line</t></r></is></c>"
              "<c r=\"B2\" t=\"e\"><v>#DIV/0!</v></c><c r=\"C2\"><f>A1/0</f></c>"
              "<c r=\"D2\" t=\"str\"><f>A1</f><v>cached</v></c><c r=\"E2\"><v>12.50</v></c>"
              "<c r=\"F2\"><v>1E-3</v></c><c r=\"G2\" t=\"b\"><v>1</v></c>"
              "<c r=\"H2\" t=\"n\"><f>1+1</f><v>2</v></c><c r=\"I2\" t=\"b\"><f>1=2</f></c></row>"
              "<row><c><v>7</v></c><c><v>8</v></c><c r=\"E3\"><v>9</v></c><c><v>10</v></c></row>"
              "<row r=\"9\"><c r=\"B9\" s=\"5\"/><c r=\"C9\" t=\"s\"/></row>"
              "<row r=\"10\"><c r=\"AA10\" t=\"d\"><v>2024-01-02</v></c></row>"),
        sst, NULL, NULL);
    char *s = dump(path, NULL);
    CHECK_STR(s, "1|plain,rich run,\"cr\rlf\n _x0041_ end\",,plain\n"
                 "2|inline,#DIV/0!,,cached,12.50,1E-3,TRUE,2\n"
                 "3|7,8,,,9,10\n"
                 "10|,,,,,,,,,,,,,,,,,,,,,,,,,,2024-01-02\n");
    free(s);
    char err[256];
    tb_xlsx_reader *r = tb_xlsx_open(path, "S1", err, sizeof err);
    if (r) {
        free(dump_reader(r));
        CHECK(tb_xlsx_formula_count(r) == 2, "formula count %ld", tb_xlsx_formula_count(r));
        tb_xlsx_close(r);
    }

    /* namespace prefixes (some generators write x:row) */
    make_book(path,
              "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
              "spreadsheetml/2006/main\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\">"
              "<x:is><x:t>pre</x:t></x:is></x:c><x:c r=\"B1\"><x:v>4</x:v></x:c></x:row>"
              "</x:sheetData></x:worksheet>",
              NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK_STR(s, "1|pre,4\n");
    free(s);
    unlink(path);
    free(path);
}

/* Date formats from styles.xml, and the 1904 date system. */
static void test_dates(void)
{
    char *path = tmpname();
    const char *styles =
        "<?xml version=\"1.0\"?><styleSheet " NS ">"
        "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"[$-421]dd\\ mmmm\\ yyyy;@\"/>"
        "<numFmt numFmtId=\"166\" formatCode=\"0.0&quot;d&quot;\"/>"
        "<numFmt numFmtId=\"167\" formatCode=\"[h]:mm:ss\"/></numFmts>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs count=\"8\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
        "<xf numFmtId=\"166\"/><xf numFmtId=\"167\"/><xf numFmtId=\"14\"/><xf numFmtId=\"20\"/>"
        "<xf numFmtId=\"22\"/></cellXfs></styleSheet>";
    const char *sheet = SHEET("<row r=\"1\"><c s=\"0\"><v>45000</v></c><c s=\"1\"><v>45000</v></c>"
                              "<c s=\"2\"><v>45000.5</v></c><c s=\"3\"><v>45000</v></c>"
                              "<c s=\"4\"><v>1.5</v></c><c s=\"5\"><v>0</v></c>"
                              "<c s=\"6\"><v>0.25</v></c><c s=\"7\"><v>36526.5</v></c>"
                              "<c s=\"99\"><v>45000</v></c><c s=\"1\"><v>abc</v></c>"
                              "<c s=\"1\"><v>2958466</v></c></row>");
    make_book(path, sheet, NULL, styles, NULL);
    char *s = dump(path, NULL);
    CHECK_STR(s, "1|45000,2023-03-15,2023-03-15,45000,1.5,0,0.25,2000-01-01,45000,abc,2958466\n");
    free(s);

    make_book(path, sheet, NULL, styles, "date1904=\"1\"");
    s = dump(path, NULL);
    CHECK_STR(s, "1|45000,2027-03-16,2027-03-16,45000,1.5,1904-01-01,0.25,2004-01-02,45000,abc,"
                 "2958466\n");
    free(s);
    unlink(path);
    free(path);
}

/* Broken and hostile files: clear errors, never a crash. */
static void test_broken(void)
{
    char *path = tmpname();
    char *s;

    spit(path, "name,age\nAni,3\n", 15);
    s = dump(path, NULL);
    CHECK_STR(s, "OPEN bukan berkas XLSX (bukan arsip zip)");
    free(s);

    spit(path, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13);
    s = dump(path, NULL);
    CHECK(has(s, "OPEN bukan berkas XLSX (buku kerja .xls lama"), "xls");
    free(s);

    s = dump("/nonexistent/dir/file.xlsx", NULL);
    CHECK(has(s, "OPEN tidak dapat membuka /nonexistent/dir/file.xlsx"), "missing file");
    free(s);

    char err[128];
    CHECK(tb_xlsx_open_buffer(NULL, 0, NULL, err, sizeof err) == NULL, "empty buffer");
    CHECK_STR(err, "bukan berkas XLSX (berkas kosong)");

    const char *n1[] = {"hello.txt", "docs/readme.md"}, *d1[] = {"hi", "# readme"};
    write_zip(path, 2, n1, d1);
    s = dump(path, NULL);
    CHECK_STR(s, "OPEN bukan berkas XLSX (arsip zip tidak berisi xl/workbook.xml)");
    free(s);

    /* a workbook whose sheet part is missing */
    const char *n2[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"};
    const char *d2[] = {"<workbook " NS " " RNS "><sheets><sheet name=\"A\" sheetId=\"1\" "
                        "r:id=\"rId1\"/></sheets></workbook>",
                        "<Relationships><Relationship Id=\"rId1\" Type=\"" RELT
                        "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"};
    write_zip(path, 2, n2, d2);
    s = dump(path, NULL);
    CHECK_STR(s, "OPEN berkas XLSX rusak: xl/worksheets/sheet1.xml tidak ada");
    free(s);

    /* XML garbage in the sheet: the rows before it, then the expat error with its line */
    make_book(path,
              SHEET("<row r=\"1\"><c t=\"inlineStr\"><is><t>ok</t></is></c></row>\n"
                    "<row r=\"2\"><c><v>1</v></c></row>\n<row r=\"3\"><c><v>2</v><<garbage&&</c>"),
              NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK(has(s, "1|ok\n2|1\nERR -1 xl/worksheets/sheet1.xml baris 3: not well-formed"), "garbage");
    free(s);

    /* garbage in the shared strings: open fails */
    make_book(path, SHEET(""), "<sst><si><t>x</si></sst>", NULL, NULL);
    s = dump(path, NULL);
    CHECK(has(s, "OPEN xl/sharedStrings.xml baris 1: mismatched tag"), "sst garbage");
    free(s);

    /* truncated sheet XML */
    make_book(path, "<worksheet><sheetData><row><c><v>1</v></c></row><row><c><v>2", NULL, NULL,
              NULL);
    s = dump(path, NULL);
    CHECK(has(s, "1|1\nERR -1 xl/worksheets/sheet1.xml baris 1: no element found"), "unclosed");
    free(s);

    /* a DOCTYPE with entities (billion laughs) is refused */
    make_book(path,
              "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
              "\"&lol;&lol;&lol;&lol;\">]><worksheet><sheetData><row><c t=\"inlineStr\"><is><t>"
              "&lol2;</t></is></c></row></sheetData></worksheet>",
              NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK(has(s, "deklarasi DOCTYPE tidak diizinkan"), "doctype");
    free(s);

    /* shared string index out of range */
    make_book(path, SHEET("<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>5</v></c></row>"),
              "<sst><si><t>a</t></si></sst>", NULL, NULL);
    s = dump(path, NULL);
    CHECK_STR(s, "ERR -1 baris 1: indeks string bersama \"5\" di luar rentang (1 string)");
    free(s);

    /* cells out of order, bad row numbers */
    make_book(path, SHEET("<row r=\"4\"><c r=\"C4\"><v>1</v></c><c r=\"B4\"><v>2</v></c></row>"),
              NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK_STR(s, "ERR -1 baris 4: sel B4 tidak berurutan");
    free(s);
    make_book(path, SHEET("<row r=\"0\"><c><v>1</v></c></row>"), NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK(has(s, "ERR -1 xl/worksheets/sheet1.xml baris 1: nomor baris tidak sah \"0\""), "row 0");
    free(s);

    /* a column beyond XFD */
    make_book(path, SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFE1\"><v>2</v></c></row>"),
              NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK_STR(s, "ERR -4 baris 1: sel XFE1 melewati batas 16384 kolom");
    free(s);
    /* XFD itself is fine */
    make_book(path, SHEET("<row r=\"1\"><c r=\"XFD1\"><v>2</v></c></row>"), NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK(strlen(s) == 2 + 16383 + 2 && strcmp(s + strlen(s) - 3, ",2\n") == 0, "XFD");
    free(s);

    unlink(path);
    free(path);
}

/* Size limits: cell text, row, shared strings, entry size. */
static void test_limits(void)
{
    char *path = tmpname();
    char *s;

    /* a 1 MiB + 1 inline string is refused under the default limit; 1 MiB exactly is fine */
    size_t big = (1u << 20) + 1;
    const char *head = "<worksheet><sheetData><row r=\"7\"><c t=\"inlineStr\"><is><t>";
    const char *tail = "</t></is></c></row></sheetData></worksheet>";
    char *x = malloc(strlen(head) + big + strlen(tail) + 1);
    strcpy(x, head);
    memset(x + strlen(head), 'a', big);
    strcpy(x + strlen(head) + big, tail);
    make_book(path, x, NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK_STR(s, "ERR -3 baris 7: sel: teks lebih dari 1048576 byte");
    free(s);
    memmove(x + strlen(head) + big - 1, x + strlen(head) + big, strlen(tail) + 1);
    make_book(path, x, NULL, NULL, NULL);
    s = dump(path, NULL);
    CHECK(strlen(s) == 2 + (1u << 20) + 1, "1 MiB cell: %zu bytes", strlen(s));
    free(s);
    free(x);

    tb_xlsx_options o = {.max_cell = 8};
    make_book(path,
              SHEET("<row><c t=\"inlineStr\"><is><t>12345678</t></is></c></row>"
                    "<row><c t=\"inlineStr\"><is><t>123456789</t></is></c></row>"),
              NULL, NULL, NULL);
    s = dump_opt(path, &o);
    CHECK_STR(s, "1|12345678\nERR -3 baris 2: sel: teks lebih dari 8 byte");
    free(s);

    o = (tb_xlsx_options){.max_columns = 3};
    make_book(path,
              SHEET("<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>"),
              NULL, NULL, NULL);
    s = dump_opt(path, &o);
    CHECK_STR(s, "ERR -4 baris 1: sel D1 melewati batas 3 kolom");
    free(s);

    o = (tb_xlsx_options){.max_row = 10};
    make_book(path, SHEET("<row><c><v>1234</v></c><c><v>1234</v></c><c><v>1234</v></c></row>"),
              NULL, NULL, NULL);
    s = dump_opt(path, &o);
    CHECK_STR(s, "ERR -3 baris 1: lebih dari 10 byte");
    free(s);

    /* shared strings beyond the table limit: open fails */
    o = (tb_xlsx_options){.max_shared = 64};
    make_book(path, SHEET(""),
              "<sst><si><t>aaaaaaaaaaaaaaaa</t></si><si><t>bbbbbbbbbbbbbbbbbbbb</t></si>"
              "<si><t>cccccccccccccccccccccccccccc</t></si></sst>",
              NULL, NULL);
    s = dump_opt(path, &o);
    CHECK_STR(s, "OPEN xl/sharedStrings.xml: string bersama melebihi batas 64 byte");
    free(s);

    /* a zip entry larger than the limit (a zip bomb in miniature): refused from its size */
    padded_book(path, "<!--", ' ', 200000, "-->");
    o = (tb_xlsx_options){.max_entry = 100000};
    s = dump_opt(path, &o);
    CHECK(has(s, "OPEN xl/worksheets/sheet1.xml: ukuran tak terkompresi 200"), "entry limit");
    free(s);
    s = dump(path, NULL);
    CHECK_STR(s, "1|1\n");
    free(s);

    /* 70 MB of whitespace between rows deflates ~1000 to 1: refused before reading */
    padded_book(path, "", ' ', (size_t)70 << 20, "");
    s = dump(path, NULL);
    CHECK(has(s, "OPEN xl/worksheets/sheet1.xml: 73400") && has(s, "bom zip?"), "zip bomb ratio");
    free(s);

    /* a giant comment that expat must buffer whole: refused, not swallowed */
    padded_book(path, "<!--", 'z', (size_t)20 << 20, "-->");
    s = dump(path, NULL);
    CHECK(has(s, "1|1\nERR -3 xl/worksheets/sheet1.xml baris 1: tag atau komentar XML lebih dari"),
          "stall");
    free(s);

    unlink(path);
    free(path);
}

int main(void)
{
    test_xlsxwriter();
    test_hidden_sheet();
    test_many_rows();
    test_handmade_cells();
    test_dates();
    test_broken();
    test_limits();
    TB_TEST_MAIN_END();
}
