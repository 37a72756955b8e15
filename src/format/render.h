/*
 * render.h - renderers of the table model: CSV, XLSX and PDF.
 *
 * The last step of the one-way flow (store -> reports -> renderers). CSV and
 * XLSX carry plain numbers (machine-readable, one header row of keys then
 * the Indonesian headings in XLSX); PDF is for printing and publication
 * (Indonesian number format, title, notes, and an optional bar chart).
 */
#ifndef TB_RENDER_H
#define TB_RENDER_H

#include <stdio.h>

#include "format/table.h"

/* Writes the table as CSV (header = column keys). Returns 0 or -1. */
int tb_render_csv(const tb_table *t, FILE *f);

/*
 * Writes the table as CSV for a spreadsheet set to Indonesian (the web
 * download): UTF-8 BOM, ';' between fields, CRLF, the Indonesian headings,
 * decimal comma (no thousands separator), dates dd/mm/yyyy, a text of
 * digits only (NIK, No. KK, codes) with a leading tab so it stays text, and
 * formula-like text with a leading single quote (as tb_render_csv).
 * Returns 0 or -1.
 */
int tb_render_csv_excel(const tb_table *t, FILE *f);

/* Writes the table as an XLSX workbook at path (libxlsxwriter). 0 or -1. */
int tb_render_xlsx(const tb_table *t, const char *path);

/*
 * Writes the tables as a PDF at path (cairo): A4 landscape, each table with
 * its title and notes; for a table with a chart_col >= 0 a bar chart of that
 * column by the first column is drawn above it. 0 or -1.
 */
int tb_render_pdf(const tb_table *const *tables, const int *chart_cols, int n, const char *path);

/* Formats a number the Indonesian way (1.234,5) per column kind into buf. */
void tb_render_number(char *buf, size_t n, double v, tb_col_kind kind);

#endif
