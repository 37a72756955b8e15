/*
 * xlsx.h - streaming XLSX (Office Open XML spreadsheet) reader.
 *
 * Reads one worksheet of an .xlsx workbook and hands its rows out as
 * tb_csv_row, so an importer treats CSV and XLSX rows the same way. The
 * workbook is opened with libzip; workbook.xml, its relationships, styles.xml
 * and sharedStrings.xml are read when the reader opens; the sheet XML is then
 * read from the zip entry in chunks and fed to expat, one row at a time, so
 * memory stays flat whatever the number of rows.
 *
 * How cells become fields:
 *  - shared strings (t="s", rich text runs joined, phonetic runs dropped),
 *    inline strings (t="inlineStr"), formula strings (t="str"), error cells
 *    (t="e", e.g. "#DIV/0!") and ISO dates (t="d") give their text; Excel's
 *    _xHHHH_ escapes are decoded in strings;
 *  - booleans give "TRUE" / "FALSE";
 *  - numbers give the text as stored ("12.5", "12", "1E-3");
 *  - numbers whose cell format is a date (built-in formats 14-17, 22, 27-36,
 *    50-58, or a custom format with d, y, or m without h/s) give the date as
 *    yyyy-mm-dd (the time of day is dropped). The 1900 date system keeps
 *    Excel's leap-year bug: serial 60 is "1900-02-29"; workbooks marked
 *    date1904 use the 1904 system. Serials outside Excel's range stay numbers;
 *  - a formula cell gives its cached value; one without a cached value gives
 *    an empty field and is counted by tb_xlsx_formula_count().
 * Cells skipped in a row (r="C5" after "A5") give empty fields; trailing empty
 * cells are dropped, and rows with no non-empty cell are not returned at all
 * (like blank lines in CSV). row->line is the sheet's row number; row->record
 * counts the rows returned (0 = header). row->raw is the row as CSV: the
 * fields joined with ',' and quoted where needed.
 */
#ifndef TB_XLSX_H
#define TB_XLSX_H

#include <stddef.h>

#include "format/csv.h"

typedef struct tb_xlsx_reader tb_xlsx_reader;

/* Limits; 0 in any member means its default. */
typedef struct {
    size_t max_cell;              /* bytes of one cell's text; default 1 MiB */
    int max_columns;              /* default 16384 (Excel's XFD) */
    size_t max_row;               /* bytes of one row's fields; default 16 MiB */
    size_t max_shared;            /* bytes of the shared strings table; default 256 MiB */
    unsigned long long max_entry; /* uncompressed bytes of one zip entry; default 8 GiB */
} tb_xlsx_options;

/*
 * Opens the workbook at path and positions the reader on the worksheet named
 * sheet_name (exact match first, then ASCII case-insensitive), or on the first
 * visible worksheet when sheet_name is NULL. On failure returns NULL and
 * writes a message in Bahasa Indonesia into err (when err is not NULL), e.g.
 * "bukan berkas XLSX (bukan arsip zip)" or "sheet \"x\" tidak ada; buku kerja
 * ini berisi: \"A\", \"B\"".
 */
tb_xlsx_reader *tb_xlsx_open(const char *path, const char *sheet_name, char *err, size_t errlen);

/* The same as tb_xlsx_open on len bytes in memory; data must stay valid until tb_xlsx_close. */
tb_xlsx_reader *tb_xlsx_open_buffer(const void *data, size_t len, const char *sheet_name, char *err,
                                    size_t errlen);

/*
 * The general form: reads the file at path when path is not NULL, otherwise
 * the len bytes at data; opt may be NULL (all defaults).
 */
tb_xlsx_reader *tb_xlsx_open_opt(const char *path, const void *data, size_t len,
                                 const char *sheet_name, const tb_xlsx_options *opt, char *err,
                                 size_t errlen);

/*
 * Reads the next non-empty row into *row (valid until the next call or
 * tb_xlsx_close). Returns TB_CSV_OK, TB_CSV_EOF, or an error, after which
 * tb_xlsx_error() describes it and reading stops:
 *   TB_CSV_ERR_IO        zip read error, damaged entry, malformed XML
 *   TB_CSV_ERR_TOO_LONG  cell text, row or zip entry beyond its limit
 *   TB_CSV_ERR_TOO_WIDE  a cell beyond max_columns
 *   TB_CSV_ERR_NOMEM     memory ran out
 */
tb_csv_status tb_xlsx_next(tb_xlsx_reader *r, tb_csv_row *row);

/* A message for the last error, e.g. "row 12: cell text longer than 1048576 bytes"; "" if none. */
const char *tb_xlsx_error(const tb_xlsx_reader *r);

/* Frees the reader and everything it handed out; NULL is allowed. */
void tb_xlsx_close(tb_xlsx_reader *r);

/* Sets *names to the workbook's sheet names in tab order (owned by r) and returns their count. */
int tb_xlsx_sheet_names(const tb_xlsx_reader *r, const char *const **names);

/* The name of the sheet being read. */
const char *tb_xlsx_sheet(const tb_xlsx_reader *r);

/* How many formula cells without a cached value were read so far (each gave an empty field). */
long tb_xlsx_formula_count(const tb_xlsx_reader *r);

/* Uncompressed bytes of the sheet XML consumed so far (for progress display). */
long long tb_xlsx_bytes_read(const tb_xlsx_reader *r);

#endif
