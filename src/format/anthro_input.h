/*
 * anthro_input.h - turns CSV rows into growth-engine inputs.
 *
 * Finds the anthropometric columns of a header by name (case-insensitive,
 * English or Indonesian, including the names e-PPGBM exports use) and reads
 * each row's values: sex codes, ages in days or months or as two dates,
 * weights and lengths with a decimal point or comma, measure and oedema
 * codes. Used by `tumbuh zscore`, `tumbuh prevalence` and the imports.
 */
#ifndef TB_ANTHRO_INPUT_H
#define TB_ANTHRO_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "format/csv.h"
#include "tb_growth.h"

/* What each input field is; the column index of each, or -1. */
typedef enum {
    TB_COL_SEX,
    TB_COL_AGE_DAYS,
    TB_COL_AGE_MONTHS,
    TB_COL_BIRTH_DATE,
    TB_COL_VISIT_DATE,
    TB_COL_WEIGHT,
    TB_COL_LENHEI,
    TB_COL_MEASURE,
    TB_COL_OEDEMA,
    TB_COL_HEADC,
    TB_COL_ARMC,
    TB_COL_TRISKIN,
    TB_COL_SUBSKIN,
    TB_COL_COUNT
} tb_col;

typedef struct {
    int col[TB_COL_COUNT];
} tb_anthro_columns;

/* The canonical name of a field ("sex", "age_days", ...). */
const char *tb_col_name(tb_col c);

/*
 * Finds the columns in a header row. Returns 0, or -1 with a message in err
 * when the header has no sex column, or no age and no measurement at all.
 */
int tb_anthro_columns_find(const tb_csv_row *header, tb_anthro_columns *cols, char *err,
                           size_t errlen);

/* Looks a header name up among the aliases; returns the field or -1. */
int tb_anthro_column_lookup(const char *name, size_t len);

/* One value that could not be read. */
typedef struct {
    tb_col col;
    int field; /* column index in the row, 0-based */
    const char *reason;
} tb_anthro_problem;

/*
 * Reads a row into *in. A value that cannot be read is treated as missing
 * and reported in problems (up to max_problems); returns how many values
 * could not be read. decimal_comma allows ',' as the decimal separator.
 */
int tb_anthro_row_read(const tb_anthro_columns *cols, const tb_csv_row *row, bool decimal_comma,
                       tb_growth_input *in, tb_anthro_problem *problems, int max_problems);

/*
 * Parses a date yyyy-mm-dd, dd/mm/yyyy or dd-mm-yyyy into a day number
 * (days since 1970-01-01). Returns 0, or -1 when it is not a valid date.
 */
int tb_parse_date(const char *s, size_t len, long *days);

#endif
