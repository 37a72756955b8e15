/*
 * zscore_csv.h - z-scores, flags and categories for every row of a CSV file.
 *
 * The pipeline behind `tumbuh zscore`, for any caller that has an
 * anthropometric CSV and wants it back with the computed columns: every
 * input row is written out in input order, its bytes unchanged, with the
 * columns of anthro_output.h appended (delimiter and decimal separator as
 * the input's). Rows travel in batches; with threads > 1, worker threads
 * compute batches while the calling thread reads and writes, and batches are
 * written in the order they were read. Memory is bounded by the batches in
 * flight, whatever the file size.
 *
 * A value that cannot be read is missing, with a warning naming its line
 * and column; a row whose width differs from the header's is warned about.
 * In strict mode either stops the run.
 */
#ifndef TB_ZSCORE_CSV_H
#define TB_ZSCORE_CSV_H

#include <stdbool.h>
#include <stdio.h>

#include "tb_growth.h"

typedef struct tb_zscore_csv tb_zscore_csv;

typedef struct {
    const char *name;        /* the input's name in messages */
    tb_plus_limits plus;     /* anthroplus flag limits */
    int threads;             /* worker threads; 1 = compute in the calling thread */
    bool strict;             /* stop at the first unreadable value or wrong-width row */
    long max_warnings_shown; /* unreadable-value warnings passed to message, at most */
    /* Every diagnostic (required), one line ending in '\n' (len bytes, not NUL-terminated). */
    void (*message)(void *ud, const char *line, size_t len);
    /* Called after each batch with the input bytes consumed; may be NULL. */
    void (*progress)(void *ud, long long bytes_read);
    void *ud;
} tb_zscore_csv_options;

typedef struct {
    long rows;     /* data rows written */
    long warnings; /* values that could not be read (treated as missing) */
    long shown;    /* of which passed to message */
} tb_zscore_csv_stats;

/*
 * Reads the header of `in` and finds the anthropometric columns. Returns the
 * pipeline, or NULL after a message (empty file, not CSV, missing columns,
 * out of memory). The options are copied except the strings and ud, which
 * must outlive the pipeline. `in` is not closed. Free with tb_zscore_csv_close.
 */
tb_zscore_csv *tb_zscore_csv_open(FILE *in, const tb_zscore_csv_options *o);

/*
 * Writes the header and every row with its computed columns to out, filling
 * *st. Returns 0, or -1 when the run stopped: a CSV error (message given),
 * strict mode (the warning given), or memory or a write running out (no
 * message). The output is then incomplete; out is not flushed or closed.
 */
int tb_zscore_csv_run(tb_zscore_csv *z, FILE *out, tb_zscore_csv_stats *st);

/* Frees the pipeline (NULL is fine). */
void tb_zscore_csv_close(tb_zscore_csv *z);

#endif
