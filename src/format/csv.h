/*
 * csv.h - streaming CSV reader (and the small writing helpers that go with it).
 *
 * Reads the CSV that district staff actually have: a header row; delimiter
 * ',', ';' or tab, detected from the header line; UTF-8 with or without a
 * BOM; CRLF or LF line ends; RFC 4180 quoting (a quoted field may hold the
 * delimiter, "" and line breaks). Memory stays flat whatever the file size:
 * the reader keeps one buffer of at most `max_record` bytes.
 *
 * A record is handed out as fields (unquoted, unescaped, NUL-terminated) and
 * as the raw bytes it was read from (without its line end), so a command can
 * pass the input through unchanged and append its own columns.
 */
#ifndef TB_CSV_H
#define TB_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct tb_csv_reader tb_csv_reader;

typedef struct {
    int nfields;
    char **fields;       /* nfields pointers into reader memory, each NUL-terminated */
    size_t *lens;        /* field lengths */
    const char *raw;     /* the record as read (quotes kept), without the line end */
    size_t raw_len;
    long line;           /* 1-based line number where the record starts */
    long record;         /* 0 = header, 1 = first data row, ... */
} tb_csv_row;

typedef enum {
    TB_CSV_OK = 0,
    TB_CSV_EOF = 1,
    TB_CSV_ERR_IO = -1,        /* read error */
    TB_CSV_ERR_QUOTE = -2,     /* end of file inside a quoted field */
    TB_CSV_ERR_TOO_LONG = -3,  /* record longer than max_record */
    TB_CSV_ERR_TOO_WIDE = -4,  /* more fields than max_fields */
    TB_CSV_ERR_BINARY = -5,    /* NUL byte, or not text */
    TB_CSV_ERR_ENCODING = -6,  /* invalid UTF-8 */
    TB_CSV_ERR_NOMEM = -7
} tb_csv_status;

typedef struct {
    size_t max_record; /* bytes; 0 = default 1 MiB */
    int max_fields;    /* 0 = default 4096 */
    char delimiter;    /* 0 = detect from the header line */
} tb_csv_options;

/*
 * Opens a reader on a FILE (not closed by the reader). Returns NULL only when
 * memory runs out. The delimiter is detected when the header is read: the
 * one of ',', ';', '\t' that occurs most often outside quotes in the first
 * line (',' when none occurs).
 */
tb_csv_reader *tb_csv_open(FILE *f, const tb_csv_options *opt);

/* Frees the reader and everything it handed out. */
void tb_csv_close(tb_csv_reader *r);

/*
 * Reads the next record into *row (valid until the next call). The first
 * call returns the header. Returns TB_CSV_OK, TB_CSV_EOF, or an error; after
 * an error, tb_csv_error() describes it with the line number, and reading
 * stops. Blank lines (no bytes at all) are skipped.
 */
tb_csv_status tb_csv_next(tb_csv_reader *r, tb_csv_row *row);

/* The delimiter in use (valid once the header was read). */
char tb_csv_delimiter(const tb_csv_reader *r);

/* A message for the last error, e.g. "line 12: end of file inside a quoted field". */
const char *tb_csv_error(const tb_csv_reader *r);

/* Bytes consumed so far (for progress display). */
long long tb_csv_bytes_read(const tb_csv_reader *r);

/*
 * Parses a decimal number: optional sign, digits, one decimal separator
 * ('.' always; ',' too when decimal_comma), optional exponent; leading and
 * trailing blanks allowed. Empty or blank -> returns 0 and sets *out = NAN.
 * Returns 0 on success, -1 when the text is not a number (then *out = NAN).
 */
int tb_parse_number(const char *s, size_t len, bool decimal_comma, double *out);

/*
 * Writes x with exactly `decimals` digits after the separator ('.' or ',')
 * into buf (at least 32 bytes), rounding half away from zero on the decimal
 * value of x; NAN writes nothing. Returns the number of bytes written.
 */
int tb_format_fixed(char *buf, double x, int decimals, char separator);

/*
 * Appends field to out with CSV quoting when it contains the delimiter, a
 * quote, CR or LF. Returns bytes written; out needs 2*len+2 bytes.
 */
size_t tb_csv_quote(char *out, const char *field, size_t len, char delimiter);

#endif
