/*
 * table.h - the table model every report produces and every renderer reads.
 *
 * Data flows one way: store -> reports (build a tb_table) -> renderers
 * (HTML, CSV, XLSX, PDF, SVG charts). A cell is text or a number (NAN =
 * empty), with a per-column kind that tells renderers how to format it
 * (Indonesian number format on screen and in PDF; plain numbers in CSV/XLSX).
 */
#ifndef TB_TABLE_H
#define TB_TABLE_H

#include <stddef.h>

typedef enum {
    TB_COL_TEXT,    /* text */
    TB_COL_INT,     /* whole number */
    TB_COL_DEC1,    /* number, 1 decimal */
    TB_COL_DEC2,    /* number, 2 decimals (z-scores) */
    TB_COL_PERCENT, /* percentage, 1 decimal */
    TB_COL_DATE     /* text yyyy-mm-dd, shown as dd/mm/yyyy */
} tb_col_kind;

typedef struct {
    const char *text; /* for TEXT and DATE; NULL = empty */
    double num;       /* for numbers; NAN = empty */
} tb_cell;

typedef struct {
    char *title;             /* e.g. "SKDN Posyandu Melati, November 2026" */
    char *subtitle;          /* notes shown under the title (coverage, sources), may be NULL */
    int ncols;
    char **col_names;        /* Indonesian column headings */
    char **col_keys;         /* machine names (CSV header, JSON keys) */
    tb_col_kind *col_kinds;
    long nrows, cap;
    tb_cell *cells;          /* nrows * ncols */
    char *arena;             /* text storage */
    size_t arena_len, arena_cap;
    char **links;            /* per row: a link target (drill-down) or NULL */
} tb_table;

/* A new empty table with the given columns (parallel arrays of machine keys,
 * Indonesian headings and kinds). NULL when memory runs out. */
tb_table *tb_table_new(const char *title, int ncols, const char *const *keys,
                       const char *const *names, const tb_col_kind *kinds);

void tb_table_free(tb_table *t);

/* Sets the subtitle (copied). */
int tb_table_subtitle(tb_table *t, const char *text);

/* Appends an empty row; returns its index or -1. */
long tb_table_add_row(tb_table *t);

/* Sets a text cell (copied) / a number cell / a row's link (copied). */
int tb_table_set_text(tb_table *t, long row, int col, const char *text);
void tb_table_set_num(tb_table *t, long row, int col, double v);
int tb_table_set_link(tb_table *t, long row, const char *href);

/* 1 when column c holds identifiers or years (keys "id", "tahun", "*_id"):
 * whole numbers printed without a thousands separator (2026, not 2.026). */
int tb_table_col_is_code(const tb_table *t, int c);

/* Reads a cell (by value; its text lives as long as the table). */
tb_cell tb_table_cell(const tb_table *t, long row, int col);

#endif
