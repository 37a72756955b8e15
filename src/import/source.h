/*
 * source.h - the file an import reads, CSV or XLSX, row by row (source.c).
 * Used by the import pipeline (pipeline.c) only.
 */
#ifndef TB_IMPORT_SOURCE_H
#define TB_IMPORT_SOURCE_H

#include <stdbool.h>
#include <stdio.h>

#include "format/csv.h"
#include "format/xlsx.h"

typedef struct {
    FILE *f;
    tb_csv_reader *csv;   /* a CSV file, or */
    tb_xlsx_reader *xlsx; /* an XLSX workbook (one sheet) */
    long long size;       /* bytes of the file (0 when unknown) */
    char delim;           /* ',' for XLSX; set by the caller from the CSV once its header is read */
} imp_source;

/*
 * Opens path: XLSX (its sheet, or the first when sheet is NULL) when the
 * name ends in .xlsx/.xlsm or the content is a zip, else CSV. Refuses .xls
 * and UTF-16 files, and a sheet for a CSV. 0, or -1 with a message (Bahasa
 * Indonesia) in err; imp_source_close releases s either way.
 */
int imp_source_open(imp_source *s, const char *path, const char *sheet, char *err, size_t errlen);

/* The next row (fields valid until the next call): TB_CSV_OK, TB_CSV_EOF or an error. */
static inline tb_csv_status imp_source_next(imp_source *s, tb_csv_row *row)
{
    return s->xlsx ? tb_xlsx_next(s->xlsx, row) : tb_csv_next(s->csv, row);
}

/* The reader's detail of its last error. */
static inline const char *imp_source_error(const imp_source *s)
{
    return s->xlsx ? tb_xlsx_error(s->xlsx) : tb_csv_error(s->csv);
}

/* Bytes of the file read so far (for progress). */
static inline long long imp_source_bytes(const imp_source *s)
{
    return s->xlsx ? tb_xlsx_bytes_read(s->xlsx) : tb_csv_bytes_read(s->csv);
}

/* True when a CSV file does not end with a line break (its last record may be cut off). */
bool imp_source_cut(const imp_source *s);

/* A reader error explained in Bahasa Indonesia (a string constant). */
const char *imp_csv_status_text(tb_csv_status st);

/* Closes the readers and the file (a zeroed or half-opened s too). */
void imp_source_close(imp_source *s);

#endif
