/*
 * render.c - CSV, XLSX (libxlsxwriter) and PDF (cairo) renderers of a tb_table.
 */
#include <cairo-pdf.h>
#include <cairo.h>
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

int tb_render_xlsx(const tb_table *t, const char *path)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return -1;
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Laporan");
    lxw_format *bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format *pctf = workbook_add_format(wb);
    format_set_num_format(pctf, "0.0");
    lxw_format *dec2 = workbook_add_format(wb);
    format_set_num_format(dec2, "0.00");
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
            if (k == TB_COL_TEXT || k == TB_COL_DATE) {
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
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* --- PDF ------------------------------------------------------------------ */

#define PAGE_W 842.0 /* A4 landscape, points */
#define PAGE_H 595.0
#define MARGIN 36.0

static void text_at(cairo_t *cr, double x, double y, const char *s, double size, bool bold)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s);
}

/* Wraps text into lines of at most width points; returns the y after it. */
static double paragraph(cairo_t *cr, double x, double y, double width, const char *s, double size)
{
    char line[1024];
    size_t len = 0; /* bytes in line */
    line[0] = 0;
    cairo_set_font_size(cr, size);
    const char *p = s;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n > 200)
            n = 200;
        size_t keep = len;
        if (len + n + 2 < sizeof line) {
            if (len)
                line[len++] = ' ';
            memcpy(line + len, p, n);
            len += n;
            line[len] = 0;
        }
        cairo_text_extents_t ext;
        cairo_text_extents(cr, line, &ext);
        if (ext.x_advance > width && keep) {
            line[keep] = 0; /* print what fitted, start a new line with the word */
            text_at(cr, x, y, line, size, false);
            y += size * 1.3;
            memmove(line, line + keep + 1, len - keep - 1);
            len = len - keep - 1;
            line[len] = 0;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    if (len) {
        text_at(cr, x, y, line, size, false);
        y += size * 1.3;
    }
    return y;
}

/* A horizontal bar chart of column col by the first column; returns the y after it. */
static double bar_chart(cairo_t *cr, const tb_table *t, int col, double y)
{
    long n = t->nrows;
    if (n > 24)
        n = 24;
    double maxv = 0;
    for (long r = 0; r < n; r++) {
        double v = tb_table_cell(t, r, col).num;
        if (!isnan(v) && v > maxv)
            maxv = v;
    }
    if (maxv <= 0)
        return y;
    double label_w = 170, bar_h = 11, x0 = MARGIN + label_w, w = PAGE_W - 2 * MARGIN - label_w - 60;
    text_at(cr, MARGIN, y, t->col_names[col], 9, true);
    y += 6;
    for (long r = 0; r < n; r++) {
        tb_cell name = tb_table_cell(t, r, 0);
        double v = tb_table_cell(t, r, col).num;
        double yy = y + (double)r * (bar_h + 3);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text_at(cr, MARGIN, yy + bar_h - 2, name.text ? name.text : "", 8, false);
        if (!isnan(v)) {
            cairo_set_source_rgb(cr, 0.20, 0.45, 0.70);
            cairo_rectangle(cr, x0, yy, w * v / maxv, bar_h);
            cairo_fill(cr);
            char b[64];
            tb_render_number(b, sizeof b, v, t->col_kinds[col]);
            cairo_set_source_rgb(cr, 0, 0, 0);
            text_at(cr, x0 + w * v / maxv + 4, yy + bar_h - 2, b, 8, false);
        }
    }
    return y + (double)n * (bar_h + 3) + 14;
}

/* Draws one table from y on, starting new pages as needed; returns the y after it. */
static double draw_table(cairo_t *cr, const tb_table *t, double y)
{
    double width = PAGE_W - 2 * MARGIN;
    double first_w = t->ncols > 1 ? 150 : width;
    double other_w = t->ncols > 1 ? (width - first_w) / (t->ncols - 1) : 0;
    double row_h = 13;
    for (long r = -1; r < t->nrows; r++) {
        if (y > PAGE_H - MARGIN - row_h) {
            cairo_show_page(cr);
            y = MARGIN + 10;
            r = r < 0 ? -1 : r; /* repeat nothing: keep going */
        }
        double x = MARGIN;
        for (int c = 0; c < t->ncols; c++) {
            double cw = c == 0 ? first_w : other_w;
            char b[128];
            if (r < 0) {
                snprintf(b, sizeof b, "%s", t->col_names[c]);
            } else {
                tb_cell cell = tb_table_cell(t, r, c);
                if (t->col_kinds[c] == TB_COL_TEXT || t->col_kinds[c] == TB_COL_DATE)
                    snprintf(b, sizeof b, "%s", cell.text ? cell.text : "");
                else
                    tb_render_number(b, sizeof b, cell.num, t->col_kinds[c]);
            }
            /* clip each cell to its column */
            cairo_save(cr);
            cairo_rectangle(cr, x, y - 10, cw - 3, row_h);
            cairo_clip(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            text_at(cr, x + 1, y, b, r < 0 ? 7 : 7.5, r < 0);
            cairo_restore(cr);
            x += cw;
        }
        cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
        cairo_set_line_width(cr, 0.4);
        cairo_move_to(cr, MARGIN, y + 3);
        cairo_line_to(cr, PAGE_W - MARGIN, y + 3);
        cairo_stroke(cr);
        y += row_h;
    }
    return y + 10;
}

int tb_render_pdf(const tb_table *const *tables, const int *chart_cols, int n, const char *path)
{
    cairo_surface_t *surf = cairo_pdf_surface_create(path, PAGE_W, PAGE_H);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        return -1;
    }
    cairo_t *cr = cairo_create(surf);
    for (int i = 0; i < n; i++) {
        const tb_table *t = tables[i];
        double y = MARGIN + 8;
        cairo_set_source_rgb(cr, 0, 0, 0);
        text_at(cr, MARGIN, y, t->title, 13, true);
        y += 18;
        if (t->subtitle)
            y = paragraph(cr, MARGIN, y, PAGE_W - 2 * MARGIN, t->subtitle, 8) + 6;
        if (chart_cols && chart_cols[i] >= 0)
            y = bar_chart(cr, t, chart_cols[i], y + 6);
        draw_table(cr, t, y + 4);
        cairo_show_page(cr);
    }
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surf);
    st = st ? st : cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}
