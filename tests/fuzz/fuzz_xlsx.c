/*
 * fuzz_xlsx.c - libFuzzer target for the XLSX reader (src/format/xlsx.c).
 *
 * The first input byte picks what the rest of the input is:
 *   0: a whole .xlsx file (mostly exercises the zip layer);
 *   1: the sheet XML, 2: sharedStrings.xml, 3: styles.xml, 4: workbook.xml,
 *      each packed into an otherwise valid workbook built in memory with
 *      libzip (stored, uncompressed), so the XML handlers get fuzzed directly.
 * Every row is read; small limits make the limit paths reachable.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "format/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define RELT "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char *part_names[] = {"_rels/.rels",
                                   "xl/workbook.xml",
                                   "xl/_rels/workbook.xml.rels",
                                   "xl/worksheets/sheet1.xml",
                                   "xl/sharedStrings.xml",
                                   "xl/styles.xml"};
static const char *part_data[] = {
    "<Relationships><Relationship Id=\"rId1\" Type=\"" RELT
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
    "<workbook " NS " " RNS "><workbookPr date1904=\"0\"/><sheets><sheet name=\"S1\" sheetId=\"1\" "
    "r:id=\"rId1\"/><sheet name=\"S2\" sheetId=\"2\" r:id=\"rId1\" state=\"hidden\"/></sheets>"
    "</workbook>",
    "<Relationships><Relationship Id=\"rId1\" Type=\"" RELT
    "worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" RELT
    "sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"" RELT
    "styles\" Target=\"styles.xml\"/></Relationships>",
    "<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" "
    "s=\"1\"><v>45000</v></c></row><row r=\"3\"><c t=\"inlineStr\"><is><t>x</t></is></c><c "
    "t=\"b\"><v>1</v></c><c><f>1+1</f></c><c t=\"e\"><v>#N/A</v></c></row></sheetData></worksheet>",
    "<sst " NS "><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>",
    "<styleSheet " NS "><numFmts><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy\"/></numFmts>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs>"
    "</styleSheet>"};

/* Builds a stored zip in memory with part `which` (index into part_names) replaced by data. */
static unsigned char *build(int which, const uint8_t *data, size_t size, size_t *out_len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_error_fini(&ze);
    if (!src)
        return NULL;
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
    if (!z) {
        zip_source_free(src);
        return NULL;
    }
    for (int i = 0; i < 6; i++) {
        const void *d = i == which ? (const void *)data : part_data[i];
        size_t n = i == which ? size : strlen(part_data[i]);
        zip_source_t *s = zip_source_buffer(z, d, n, 0);
        zip_int64_t idx = s ? zip_file_add(z, part_names[i], s, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0) {
            zip_source_free(s);
            continue;
        }
        zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
    }
    unsigned char *buf = NULL;
    if (zip_close(z) < 0) {
        zip_discard(z);
    } else if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t len = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        buf = len > 0 ? malloc((size_t)len) : NULL;
        if (buf && zip_source_read(src, buf, (zip_uint64_t)len) != len) {
            free(buf);
            buf = NULL;
        }
        *out_len = (size_t)len;
        zip_source_close(src);
    }
    zip_source_free(src);
    return buf;
}

/* Opens the bytes and reads every row; the reader must never crash or leak. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int mode = data[0] % 5;
    data++, size--;
    unsigned char *buf = NULL;
    size_t len = size;
    const void *bytes = data;
    if (mode) {
        static const int part_of_mode[] = {0, 3, 4, 5, 1};
        buf = build(part_of_mode[mode], data, size, &len);
        if (!buf)
            return 0;
        bytes = buf;
    }
    tb_xlsx_options o = {.max_cell = 4096,
                         .max_row = 65536,
                         .max_shared = 1 << 20,
                         .max_entry = 8 << 20,
                         .max_columns = 2000};
    char err[256];
    tb_xlsx_reader *r =
        tb_xlsx_open_opt(NULL, bytes, len, (size & 1) ? "s2" : NULL, &o, err, sizeof err);
    if (r) {
        tb_csv_row row;
        while (tb_xlsx_next(r, &row) == TB_CSV_OK) {
            for (int i = 0; i < row.nfields; i++)
                if (strlen(row.fields[i]) != row.lens[i])
                    abort();
            if (strlen(row.raw) != row.raw_len)
                abort();
        }
        (void)tb_xlsx_error(r);
        (void)tb_xlsx_formula_count(r);
        tb_xlsx_close(r);
    }
    free(buf);
    return 0;
}
