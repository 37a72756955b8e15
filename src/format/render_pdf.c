/*
 * render_pdf.c - the PDF renderer of tb_tables (cairo), for printing.
 *
 * Each table is laid out from its measured content: every column as wide as
 * its widest cell (text measured with cairo), text columns wrapped at spaces
 * onto several lines when the table would not fit (a word, a NIK, a date or
 * a number is never cut). A table that fits the width of a portrait A4 page
 * is printed portrait, a wider one landscape. Every page carries the title
 * (report, area and month), the date printed and "Halaman X dari Y"; the
 * column headings repeat at the top of every page. A text column empty in
 * every row (names and NIK for a role that may not see them) is left out.
 * The document is laid out twice: once to count the pages, once to draw.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render.h"
#include "tb_date.h"

#define A4_LONG 842.0 /* points */
#define A4_SHORT 595.0
#define MARGIN 36.0
#define PAD 5.0 /* space between columns */
#define MAXCOLS 64
#define FONT 7.5     /* body text size */
#define FONT_BIG 9.0 /* body text size of a short table */
#define MIN_FONT 5.0 /* the smallest the font shrinks to before a column is wrapped tighter */

typedef struct {
    cairo_t *cr;
    cairo_surface_t *surf;
    bool draw;         /* false: the counting pass */
    int page, pages;   /* current page (1-based), total (from the counting pass) */
    double w, h;       /* current page size */
    const char *title; /* the current table's title (page header) */
    char printed[40];  /* "30 November 2026" */
    double *rowh;      /* the current table's row heights, from the counting pass */
    bool right;        /* wrap_lines aligns its lines right (headings of numbers) */
} doc;

typedef struct {
    int ncols, col[MAXCOLS]; /* the table's columns printed, in order */
    double w[MAXCOLS];       /* their widths */
    bool wrap[MAXCOLS];      /* text that may wrap onto lines */
    double font;
    bool landscape;
} layout;

static void font(cairo_t *cr, double size, bool bold)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static double text_w(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

static void text_at(doc *d, double x, double y, const char *s, double size, bool bold)
{
    font(d->cr, size, bold);
    if (!d->draw)
        return;
    cairo_move_to(d->cr, x, y);
    cairo_show_text(d->cr, s);
}

/* A cell as printed: numbers the Indonesian way, dates dd/mm/yyyy. */
static void cell_text(const tb_table *t, long r, int c, char *b, size_t n)
{
    tb_cell cell = tb_table_cell(t, r, c);
    b[0] = 0;
    if (t->col_kinds[c] == TB_COL_DATE) {
        if (cell.text && strlen(cell.text) == 10)
            snprintf(b, n, "%.2s/%.2s/%.4s", cell.text + 8, cell.text + 5, cell.text);
        else
            snprintf(b, n, "%s", cell.text ? cell.text : "");
    } else if (t->col_kinds[c] == TB_COL_TEXT) {
        snprintf(b, n, "%s", cell.text ? cell.text : "");
    } else if (tb_table_col_is_code(t, c) && !isnan(cell.num)) {
        snprintf(b, n, "%.0f", cell.num);
    } else {
        tb_render_number(b, n, cell.num, t->col_kinds[c]);
    }
}

/* The widest word of s (the least a wrapped column may be). */
static double widest_word(cairo_t *cr, const char *s)
{
    double best = 0;
    char word[256];
    while (*s) {
        size_t n = strcspn(s, " ");
        snprintf(word, sizeof word, "%.*s", (int)(n < 255 ? n : 255), s);
        best = fmax(best, text_w(cr, word));
        s += n;
        while (*s == ' ')
            s++;
    }
    return best;
}

/* One line of wrap_lines at x (or ending at x + width when d->right). */
static void line_at(doc *d, double x, double width, double y, const char *s, double size, bool bold)
{
    font(d->cr, size, bold);
    text_at(d, d->right ? x + width - text_w(d->cr, s) : x, y, s, size, bold);
}

/* Splits s into lines of at most width points at spaces (a longer word stays
 * whole on its own line) and draws them from baseline y down (when d->draw).
 * Returns the number of lines. */
static int wrap_lines(doc *d, const char *s, double width, double x, double y, double size,
                      bool bold)
{
    char line[512];
    size_t len = 0;
    int nl = 0;
    font(d->cr, size, bold);
    if (text_w(d->cr, s) <= width) { /* the common case: one line */
        line_at(d, x, width, y, s, size, bold);
        return 1;
    }
    while (*s) {
        size_t n = strcspn(s, " ");
        if (n > 200)
            n = 200;
        char try[512];
        snprintf(try, sizeof try, "%.*s%s%.*s", (int)len, line, len ? " " : "", (int)n, s);
        if (len && text_w(d->cr, try) > width) {
            line_at(d, x, width, y + nl * size * 1.25, line, size, bold);
            nl++;
            snprintf(line, sizeof line, "%.*s", (int)n, s);
            len = n;
        } else {
            len = strlen(try);
            memcpy(line, try, len + 1);
        }
        s += n;
        while (*s == ' ')
            s++;
    }
    if (len || nl == 0) {
        line[len] = 0;
        line_at(d, x, width, y + nl * size * 1.25, line, size, bold);
        nl++;
    }
    return nl;
}

/* Measures the columns at a font size: natural (one line), least (widest
 * word) and soft (the data on one line, the heading wrapped) widths. */
static void measure(cairo_t *cr, const tb_table *t, layout *L, double size, double *nat,
                    double *least, double *soft)
{
    char b[512];
    for (int i = 0; i < L->ncols; i++) {
        int c = L->col[i];
        font(cr, size * 0.95, true);
        nat[i] = text_w(cr, t->col_names[c]);
        least[i] = widest_word(cr, t->col_names[c]);
        soft[i] = least[i]; /* the data on one line, the heading wrapped */
        font(cr, size, false);
        for (long r = 0; r < t->nrows; r++) {
            cell_text(t, r, c, b, sizeof b);
            double w = text_w(cr, b);
            nat[i] = fmax(nat[i], w);
            soft[i] = fmax(soft[i], w);
            if (w > least[i]) /* a word is never wider than its text */
                least[i] = L->wrap[i] ? fmax(least[i], widest_word(cr, b)) : w;
        }
        nat[i] += PAD;
        least[i] += PAD;
        soft[i] += PAD;
    }
}

/* The total width with every column at most cap, but never below its least width. */
static double capped_sum(const double *nat, const double *least, int n, double cap)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += fmax(least[i], fmin(nat[i], cap));
    return sum;
}

/* Narrows the columns in mask, the widest first, until the widths sum to at
 * most avail: each at most a cap (never below its floor width), the cap the
 * largest that fits. */
static void give_way(double *w, const double *least, const bool *mask, int n, double avail)
{
    double sum = 0, fixed = 0, m[MAXCOLS], l[MAXCOLS];
    for (int i = 0; i < n; i++) {
        sum += w[i];
        fixed += mask[i] ? 0 : w[i];
        m[i] = mask[i] ? w[i] : 0;
        l[i] = mask[i] ? least[i] : 0;
    }
    if (sum <= avail)
        return;
    double lo = 0, hi = 2 * avail;
    for (int k = 0; k < 40; k++) {
        double mid = (lo + hi) / 2;
        if (fixed + capped_sum(m, l, n, mid) > avail)
            hi = mid;
        else
            lo = mid;
    }
    for (int i = 0; i < n; i++)
        if (mask[i])
            w[i] = fmax(least[i], fmin(w[i], lo));
}

/* Picks the columns, the orientation, the font size and the widths of a table. */
static void plan(cairo_t *cr, const tb_table *t, layout *L)
{
    L->ncols = 0;
    for (int c = 0; c < t->ncols && L->ncols < MAXCOLS; c++) {
        bool empty = t->col_kinds[c] == TB_COL_TEXT && t->nrows > 0;
        for (long r = 0; empty && r < t->nrows; r++) {
            tb_cell v = tb_table_cell(t, r, c);
            empty = !v.text || !*v.text;
        }
        if (empty)
            continue; /* e.g. names for a role without names */
        L->wrap[L->ncols] = t->col_kinds[c] == TB_COL_TEXT;
        L->col[L->ncols++] = c;
    }
    double nat[MAXCOLS], least[MAXCOLS], soft[MAXCOLS];
    L->font = FONT;
    measure(cr, t, L, L->font, nat, least, soft);
    /* portrait when the table fits with long text wrapped at about 150 pt */
    L->landscape = capped_sum(soft, least, L->ncols, 150 + PAD) > A4_SHORT - 2 * MARGIN;
    double avail = (L->landscape ? A4_LONG : A4_SHORT) - 2 * MARGIN;
    if (t->nrows <= 60) { /* a short table in a larger font when it fits as well */
        measure(cr, t, L, FONT_BIG, nat, least, soft);
        if (capped_sum(soft, least, L->ncols, 150 + PAD) <= avail)
            L->font = FONT_BIG;
        else
            measure(cr, t, L, L->font, nat, least, soft);
    }
    double lsum = capped_sum(nat, least, L->ncols, 0);
    if (lsum > avail) { /* even wrapped it does not fit: a smaller font */
        L->font = fmax(MIN_FONT, FONT * avail / lsum);
        measure(cr, t, L, L->font, nat, least, soft);
    }
    /* long text (remarks) wraps first, at 150 pt and then narrower; then the
     * headings wrap; only then do the other columns give way, the widest first */
    bool para[MAXCOLS] = {0}, all[MAXCOLS] = {0};
    for (int i = 0; i < L->ncols; i++) {
        para[i] = nat[i] > 200;
        all[i] = true;
        L->w[i] = para[i] ? fmax(least[i], 150) : nat[i];
    }
    give_way(L->w, least, para, L->ncols, avail);
    for (int i = 0; i < L->ncols; i++)
        soft[i] = fmin(soft[i], L->w[i]);
    give_way(L->w, soft, all, L->ncols, avail);
    give_way(L->w, least, all, L->ncols, avail);
}

/* The page's frame: the table's title (on a page that continues it), the date
 * printed and the page number. */
static void page_frame(doc *d, bool with_title)
{
    char b[160];
    cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
    font(d->cr, 7, false);
    snprintf(b, sizeof b, "Dicetak %s", d->printed);
    text_at(d, d->w - MARGIN - text_w(d->cr, b), MARGIN - 14, b, 7, false);
    if (with_title)
        wrap_lines(d, d->title, d->w - 2 * MARGIN - 120, MARGIN, MARGIN - 14, 7, false);
    snprintf(b, sizeof b, "Halaman %d dari %d", d->page, d->pages > 0 ? d->pages : d->page);
    font(d->cr, 7, false);
    text_at(d, (d->w - text_w(d->cr, b)) / 2, d->h - MARGIN + 18, b, 7, false);
    cairo_set_source_rgb(d->cr, 0, 0, 0);
}

/* Starts a page of the given orientation (the first of the document too). */
static void new_page(doc *d, bool landscape, bool first, bool with_title)
{
    d->w = landscape ? A4_LONG : A4_SHORT;
    d->h = landscape ? A4_SHORT : A4_LONG;
    if (!first && d->draw)
        cairo_show_page(d->cr);
    d->page++;
    if (d->draw)
        cairo_pdf_surface_set_size(d->surf, d->w, d->h);
    page_frame(d, with_title);
}

/* One row (r = -1: the headings); returns its height. Draws it at y when draw. */
static double row(doc *d, const tb_table *t, const layout *L, long r, double y, bool draw)
{
    bool was = d->draw;
    d->draw = was && draw;
    double x = MARGIN, size = r < 0 ? L->font * 0.95 : L->font;
    int lines = 1;
    char b[512];
    for (int i = 0; i < L->ncols; i++) {
        int c = L->col[i];
        if (r < 0)
            snprintf(b, sizeof b, "%s", t->col_names[c]);
        else
            cell_text(t, r, c, b, sizeof b);
        bool num = t->col_kinds[c] != TB_COL_TEXT && t->col_kinds[c] != TB_COL_DATE;
        int nl;
        if (num && r >= 0) { /* numbers right-aligned, one line */
            font(d->cr, size, false);
            text_at(d, x + L->w[i] - PAD - text_w(d->cr, b), y, b, size, false);
            nl = 1;
        } else {
            d->right = num; /* a heading over numbers ends where they end */
            nl = wrap_lines(d, b, L->w[i] - PAD, x, y, size, r < 0);
            d->right = false;
        }
        lines = nl > lines ? nl : lines;
        x += L->w[i];
    }
    double h = lines * size * 1.25 + 3;
    if (d->draw) {
        cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
        cairo_set_line_width(d->cr, r < 0 ? 0.8 : 0.4);
        cairo_move_to(d->cr, MARGIN, y + h - size - 1);
        cairo_line_to(d->cr, x, y + h - size - 1);
        cairo_stroke(d->cr);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
    }
    d->draw = was;
    return h;
}

/* Draws one table from y on, starting new pages (headings repeated) as needed. */
static void draw_table(doc *d, const tb_table *t, const layout *L, double y)
{
    double bottom = d->h - MARGIN;
    double hh = row(d, t, L, -1, y, false);
    if (y + hh + L->font * 2 > bottom) {
        new_page(d, L->landscape, false, true);
        y = MARGIN + 10;
    }
    y += row(d, t, L, -1, y, true);
    for (long r = 0; r < t->nrows; r++) {
        double h = d->draw ? d->rowh[r] : (d->rowh[r] = row(d, t, L, r, y, false));
        if (y + h - L->font > bottom) {
            new_page(d, L->landscape, false, true);
            y = MARGIN + 10;
            y += row(d, t, L, -1, y, true);
        }
        if (d->draw)
            row(d, t, L, r, y, true);
        y += h;
    }
    if (t->nrows == 0)
        text_at(d, MARGIN, y + 4, "Tidak ada data.", L->font, false);
}

/* A horizontal bar chart of column col by the first column; returns the y after it. */
static double bar_chart(doc *d, const tb_table *t, int col, double y)
{
    long n = t->nrows > 24 ? 24 : t->nrows;
    double maxv = 0;
    for (long r = 0; r < n; r++) {
        double v = tb_table_cell(t, r, col).num;
        if (!isnan(v) && v > maxv)
            maxv = v;
    }
    if (maxv <= 0)
        return y;
    double label_w = 170, bar_h = 11, x0 = MARGIN + label_w;
    double w = d->w - 2 * MARGIN - label_w - 60;
    text_at(d, MARGIN, y, t->col_names[col], 9, true);
    y += 6;
    for (long r = 0; r < n; r++) {
        tb_cell name = tb_table_cell(t, r, 0);
        double v = tb_table_cell(t, r, col).num;
        double yy = y + (double)r * (bar_h + 3);
        text_at(d, MARGIN, yy + bar_h - 2, name.text ? name.text : "", 8, false);
        if (isnan(v))
            continue;
        if (d->draw) {
            cairo_set_source_rgb(d->cr, 0.20, 0.45, 0.70);
            cairo_rectangle(d->cr, x0, yy, w * v / maxv, bar_h);
            cairo_fill(d->cr);
            cairo_set_source_rgb(d->cr, 0, 0, 0);
        }
        char b[64];
        tb_render_number(b, sizeof b, v, t->col_kinds[col]);
        text_at(d, x0 + w * v / maxv + 4, yy + bar_h - 2, b, 8, false);
    }
    return y + (double)n * (bar_h + 3) + 14;
}

/* Lays out (and when d->draw, draws) the whole document. The counting pass
 * plans each table into plans[i] and measures its rows into rowh[i]; the
 * drawing pass reuses them. */
static void document(doc *d, const tb_table *const *tables, const int *chart_cols, int n,
                     layout *plans, double **rowh)
{
    d->page = 0;
    for (int i = 0; i < n; i++) {
        const tb_table *t = tables[i];
        layout *L = &plans[i];
        bool chart = chart_cols && chart_cols[i] >= 0 && chart_cols[i] < t->ncols;
        if (!d->draw) {
            plan(d->cr, t, L);
            L->landscape = L->landscape || chart;
        }
        d->rowh = rowh[i];
        d->title = t->title;
        new_page(d, L->landscape, i == 0, false);
        double y = MARGIN + 12;
        font(d->cr, 13, true);
        y += (wrap_lines(d, t->title, d->w - 2 * MARGIN, MARGIN, y, 13, true) - 1) * 16 + 18;
        if (t->subtitle)
            y += wrap_lines(d, t->subtitle, d->w - 2 * MARGIN, MARGIN, y, 8, false) * 10 + 6;
        if (chart)
            y = bar_chart(d, t, chart_cols[i], y + 6);
        draw_table(d, t, L, y + 4);
    }
}

static void printed_date(char out[40])
{
    static const char *const months[] = {"Januari",   "Februari", "Maret",    "April",
                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                         "September", "Oktober",  "November", "Desember"};
    long y;
    unsigned m, dd;
    tb_date_civil(tb_today(), &y, &m, &dd);
    snprintf(out, 40, "%u %s %ld", dd, months[(m - 1) % 12], y);
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
    (void)closure, (void)data, (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* The two passes: counting the pages, then drawing them. 0 or -1. */
static int render(const tb_table *const *tables, const int *chart_cols, int n, const char *path,
                  layout *plans, double **rowh)
{
    /* counting pass on a PDF surface that writes nowhere (the same text metrics) */
    doc d = {.draw = false};
    printed_date(d.printed);
    cairo_surface_t *null_pdf =
        cairo_pdf_surface_create_for_stream(discard, NULL, A4_SHORT, A4_LONG);
    d.cr = cairo_create(null_pdf);
    document(&d, tables, chart_cols, n, plans, rowh);
    cairo_destroy(d.cr);
    cairo_surface_destroy(null_pdf);
    d.pages = d.page;

    d.surf = cairo_pdf_surface_create(path, A4_SHORT, A4_LONG);
    if (cairo_surface_status(d.surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(d.surf);
        return -1;
    }
    d.cr = cairo_create(d.surf);
    d.draw = true;
    document(&d, tables, chart_cols, n, plans, rowh);
    cairo_show_page(d.cr);
    cairo_status_t st = cairo_status(d.cr);
    cairo_destroy(d.cr);
    cairo_surface_finish(d.surf);
    st = st ? st : cairo_surface_status(d.surf);
    cairo_surface_destroy(d.surf);
    return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int tb_render_pdf(const tb_table *const *tables, const int *chart_cols, int n, const char *path)
{
    layout *plans = calloc((size_t)(n > 0 ? n : 1), sizeof *plans);
    double **rowh = calloc((size_t)(n > 0 ? n : 1), sizeof *rowh);
    int rc = plans && rowh ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        if (!(rowh[i] = malloc(sizeof(double) * (size_t)(tables[i]->nrows + 1))))
            rc = -1;
    if (rc == 0)
        rc = render(tables, chart_cols, n, path, plans, rowh);
    for (int i = 0; rowh && i < n; i++)
        free(rowh[i]);
    free(rowh);
    free(plans);
    return rc;
}
