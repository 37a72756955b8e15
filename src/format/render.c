/*
 * render.c - CSV and XLSX (libxlsxwriter) renderers of a tb_table (PDF: render_pdf.c).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "format/csv.h"
#include "format/render.h"

void tb_render_number(char *buf, size_t n, double v, tb_col_kind kind)
{
    if (isnan(v)) {
        snprintf(buf, n, "-");
        return;
    }
    int dec = kind == TB_COL_INT ? 0 : kind == TB_COL_DEC2 ? 2 : 1;
    char raw[64];
    int len = tb_format_fixed(raw, v, dec, ',');
    raw[len] = 0;
    /* thousands separators '.' in the integer part */
    const char *p = raw;
    char *o = buf, *end = buf + n - 1;
    if (*p == '-' && o < end)
        *o++ = *p++;
    size_t ilen = strcspn(p, ",");
    for (size_t i = 0; p[i] && o < end; i++) {
        if (i < ilen && i > 0 && (ilen - i) % 3 == 0 && o < end)
            *o++ = '.';
        if (o < end)
            *o++ = p[i];
    }
    *o = 0;
    if (kind == TB_COL_PERCENT && o + 1 < end) {
        *o++ = '%';
        *o = 0;
    }
}

/* A text cell of a CSV download. A cell starting with = + - @, tab or
 * carriage return would be read as a formula by a spreadsheet (formula
 * injection): it gets a leading single quote, so it stays text. Number
 * columns are written as numbers and never pass here. */
static void csv_text(FILE *f, char q[2100], const char *text)
{
    char cell[1002];
    size_t n = strlen(text);
    if (n > 1000)
        n = 1000;
    if (strchr("=+-@\t\r", text[0]) && text[0]) {
        cell[0] = '\'';
        memcpy(cell + 1, text, n);
        text = cell;
        n++;
    }
    fwrite(q, 1, tb_csv_quote(q, text, n, ','), f);
}

int tb_render_csv(const tb_table *t, FILE *f)
{
    char q[2100];
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            fputc(',', f);
        size_t n = strlen(t->col_keys[c]);
        fwrite(q, 1, tb_csv_quote(q, t->col_keys[c], n < 1000 ? n : 1000, ','), f);
    }
    fputc('\n', f);
    for (long r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(',', f);
            tb_cell cell = tb_table_cell(t, r, c);
            if (t->col_kinds[c] == TB_COL_TEXT || t->col_kinds[c] == TB_COL_DATE) {
                if (cell.text)
                    csv_text(f, q, cell.text);
            } else if (!isnan(cell.num)) {
                char b[64];
                int n = tb_format_fixed(b, cell.num, t->col_kinds[c] == TB_COL_INT ? 0 : 2, '.');
                fwrite(b, 1, (size_t)n, f);
            }
        }
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}

/* A text cell of the Excel CSV: formulas neutralised as csv_text; a cell of
 * digits only (NIK, No. KK, area codes, RT "003") gets a leading tab, so
 * Excel keeps it as text (no 3,59901E+15, no lost leading zero). */
static void excel_text(FILE *f, char q[2100], const char *text)
{
    size_t n = strlen(text);
    if (n && strspn(text, "0123456789") == n) {
        char cell[1002];
        n = n > 1000 ? 1000 : n;
        cell[0] = '\t';
        memcpy(cell + 1, text, n);
        fwrite(q, 1, tb_csv_quote(q, cell, n + 1, ';'), f);
        return;
    }
    if (n && strchr("=+-@\t\r", text[0])) {
        char cell[1002];
        n = n > 1000 ? 1000 : n;
        cell[0] = '\'';
        memcpy(cell + 1, text, n);
        fwrite(q, 1, tb_csv_quote(q, cell, n + 1, ';'), f);
        return;
    }
    fwrite(q, 1, tb_csv_quote(q, text, n > 1000 ? 1000 : n, ';'), f);
}

/* One cell of the Excel CSV. */
static void excel_cell(FILE *f, char q[2100], const tb_table *t, long r, int c)
{
    tb_cell cell = tb_table_cell(t, r, c);
    tb_col_kind k = t->col_kinds[c];
    if (k == TB_COL_DATE && cell.text && strlen(cell.text) == 10) {
        fprintf(f, "%.2s/%.2s/%.4s", cell.text + 8, cell.text + 5, cell.text);
    } else if (k == TB_COL_TEXT || k == TB_COL_DATE) {
        if (cell.text)
            excel_text(f, q, cell.text);
    } else if (!isnan(cell.num)) {
        char b[64];
        int n = tb_format_fixed(b, cell.num, k == TB_COL_INT ? 0 : k == TB_COL_DEC2 ? 2 : 1, ',');
        fwrite(b, 1, (size_t)n, f);
    }
}

int tb_render_csv_excel(const tb_table *t, FILE *f)
{
    char q[2100];
    fputs("\xEF\xBB\xBF", f); /* UTF-8 BOM: Excel then reads the names right */
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            fputc(';', f);
        size_t n = strlen(t->col_names[c]);
        fwrite(q, 1, tb_csv_quote(q, t->col_names[c], n < 1000 ? n : 1000, ';'), f);
    }
    fputs("\r\n", f);
    for (long r = 0; r < t->nrows; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                fputc(';', f);
            excel_cell(f, q, t, r, c);
        }
        fputs("\r\n", f);
    }
    return ferror(f) ? -1 : 0;
}

int tb_render_xlsx(const tb_table *t, const char *path)
{
    /* rows go to the file as they are written (they are, in order), not
     * held in memory: a list of 10,000 children took 8 MB of the server's
     * peak otherwise */
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb)
        return -1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Laporan");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *pctf = workbook_add_format(wb);
    format_set_num_format(pctf, "0.0");
    lxw_format *dec2 = workbook_add_format(wb);
    format_set_num_format(dec2, "0.00");
    lxw_format *datef = workbook_add_format(wb);
    format_set_num_format(datef, "dd/mm/yyyy");
    worksheet_write_string(ws, 0, 0, t->title, bold);
    lxw_row_t row0 = 1;
    if (t->subtitle)
        worksheet_write_string(ws, row0++, 0, t->subtitle, NULL);
    row0++;
    for (int c = 0; c < t->ncols; c++)
        worksheet_write_string(ws, row0, (lxw_col_t)c, t->col_names[c], bold);
    for (long r = 0; r < t->nrows; r++) {
        lxw_row_t xr = (lxw_row_t)(row0 + 1 + r);
        for (int c = 0; c < t->ncols; c++) {
            tb_cell cell = tb_table_cell(t, r, c);
            tb_col_kind k = t->col_kinds[c];
            lxw_datetime dt = {0};
            if (k == TB_COL_DATE && cell.text &&
                sscanf(cell.text, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3) {
                worksheet_write_datetime(ws, xr, (lxw_col_t)c, &dt, datef); /* a real date */
            } else if (k == TB_COL_TEXT || k == TB_COL_DATE) {
                if (cell.text)
                    worksheet_write_string(ws, xr, (lxw_col_t)c, cell.text, NULL);
            } else if (!isnan(cell.num)) {
                worksheet_write_number(ws, xr, (lxw_col_t)c, cell.num,
                                       k == TB_COL_PERCENT || k == TB_COL_DEC1 ? pctf
                                       : k == TB_COL_DEC2                      ? dec2
                                                                               : NULL);
            }
        }
    }
    worksheet_set_column(ws, 0, 0, 28, NULL);
    for (int c = 1; c < t->ncols; c++) /* dates and NIK shown whole, not as #### */
        if (t->col_kinds[c] == TB_COL_DATE || !strcmp(t->col_keys[c], "nik"))
            worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                 t->col_kinds[c] == TB_COL_DATE ? 11 : 18, NULL);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}
