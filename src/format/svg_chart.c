/*
 * svg_chart.c - growth charts, bars and lines as SVG (see svg_chart.h).
 */
#include <math.h>
#include <string.h>

#include "format/svg_chart.h"

#define W 640.0
#define H 420.0
#define ML 56.0 /* margins: left, right, top, bottom */
#define MR 40.0
#define MT 34.0
#define MB 46.0

void tb_svg_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

typedef struct {
    double x0, x1, y0, y1;
} frame;

static double px(const frame *f, double x)
{
    return ML + (x - f->x0) / (f->x1 - f->x0) * (W - ML - MR);
}

static double py(const frame *f, double y)
{
    return H - MB - (y - f->y0) / (f->y1 - f->y0) * (H - MT - MB);
}

/* A "nice" tick step for a range. */
static double tick_step(double range, int want)
{
    double raw = range / want, p = pow(10, floor(log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

static void header(FILE *out, const char *title)
{
    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
            " font-family=\"sans-serif\" font-size=\"11\"><title>",
            W, H);
    tb_svg_escape(out, title);
    fputs("</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>", out);
    fprintf(out, "<text x=\"%.0f\" y=\"20\" font-size=\"14\" font-weight=\"bold\">", ML);
    tb_svg_escape(out, title);
    fputs("</text>", out);
}

/* Axes with grid, ticks and labels. */
static void axes(FILE *out, const frame *f, const char *xlabel, const char *ylabel, double xstep)
{
    double ys = tick_step(f->y1 - f->y0, 8);
    fputs("<g stroke=\"#ddd\" stroke-width=\"0.6\">", out);
    for (double y = ceil(f->y0 / ys) * ys; y <= f->y1 + 1e-9; y += ys)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", ML, py(f, y),
                W - MR, py(f, y));
    for (double x = ceil(f->x0 / xstep) * xstep; x <= f->x1 + 1e-9; x += xstep)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", px(f, x), MT,
                px(f, x), H - MB);
    fputs("</g><g fill=\"#333\">", out);
    for (double y = ceil(f->y0 / ys) * ys; y <= f->y1 + 1e-9; y += ys)
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>", ML - 4,
                py(f, y) + 4, round(y * 10) / 10);
    for (double x = ceil(f->x0 / xstep) * xstep; x <= f->x1 + 1e-9; x += xstep)
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%g</text>", px(f, x),
                H - MB + 14, x);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", (ML + W - MR) / 2, H - 10);
    tb_svg_escape(out, xlabel);
    fprintf(out,
            "</text><text transform=\"translate(14 %.1f) rotate(-90)\""
            " text-anchor=\"middle\">",
            (MT + H - MB) / 2);
    tb_svg_escape(out, ylabel);
    fputs("</text></g>", out);
    fprintf(out,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
            " stroke=\"#999\"/>",
            ML, MT, W - ML - MR, H - MT - MB);
}

/* The LMS row for x (days or cm) of a growth chart; 0 or -1 outside the table. */
static int lms_at(const tb_who_tables *t, tb_chart_kind kind, int sex, int under_2y, double x,
                  tb_lms *p)
{
    const tb_lms_table *tab;
    long key;
    if (kind == TB_CHART_BBTB) {
        tab = under_2y ? &t->wfl : &t->wfh;
        key = lround(x * 10);
    } else {
        tab = kind == TB_CHART_BBU ? &t->wei : &t->len;
        key = lround(x);
    }
    if (sex < 1 || sex > 2 || key < tab->first || key > tab->last)
        return -1;
    *p = tab->rows[sex - 1][key - tab->first];
    return 0;
}

/* The WHO curves from -3 to +3 SD sampled along the x axis. */
enum { MAXS = 256, NSD = 7 };
typedef struct {
    int n;
    double x[MAXS];      /* chart units: months, or cm for BB/TB */
    double y[NSD][MAXS]; /* kg or cm at -3, -2, ..., +3 SD */
} curves;

/* The x range of a growth chart: months up to the child's age (24 at least, 60 at most),
 * or the cm of the length or height table. */
static void chart_x_range(frame *f, tb_chart_kind kind, int under_2y, const tb_chart_point *pts,
                          int n)
{
    if (kind == TB_CHART_BBTB) {
        f->x0 = under_2y ? 45 : 65;
        f->x1 = under_2y ? 110 : 120;
        return;
    }
    double maxm = 24;
    for (int i = 0; i < n; i++)
        maxm = fmax(maxm, pts[i].x / TB_DAYS_PER_MONTH);
    f->x0 = 0;
    f->x1 = fmin(60, ceil(maxm / 12) * 12);
}

/* Samples the curves every half unit across the frame, setting its y range. */
static void sample_curves(curves *c, frame *f, const tb_who_tables *t, tb_chart_kind kind, int sex,
                          int under_2y)
{
    static const double sds[NSD] = {-3, -2, -1, 0, 1, 2, 3};
    const double step = 0.5; /* sampling step in chart units */
    c->n = 0;
    f->y0 = INFINITY;
    f->y1 = -INFINITY;
    for (double x = f->x0; x <= f->x1 + 1e-9 && c->n < MAXS; x += step) {
        tb_lms p;
        double key = kind == TB_CHART_BBTB ? x : x * TB_DAYS_PER_MONTH;
        if (lms_at(t, kind, sex, under_2y, key, &p))
            continue;
        c->x[c->n] = x;
        for (int k = 0; k < NSD; k++) {
            double y = c->y[k][c->n] = tb_growth_lms_value(p, sds[k]);
            f->y0 = fmin(f->y0, y);
            f->y1 = fmax(f->y1, y);
        }
        c->n++;
    }
}

/* Widens the y range to hold every point (no capping), with a 4% margin. */
static void fit_points(frame *f, const tb_chart_point *pts, int n)
{
    for (int i = 0; i < n; i++) {
        if (isnan(pts[i].y))
            continue;
        f->y0 = fmin(f->y0, pts[i].y);
        f->y1 = fmax(f->y1, pts[i].y);
    }
    double pad = (f->y1 - f->y0) * 0.04;
    f->y0 = fmax(0, f->y0 - pad);
    f->y1 += pad;
}

/* The bands: -3..-2 and +2..+3 yellow, -2..+2 green (as the KMS). */
static void draw_bands(FILE *out, const frame *f, const curves *c)
{
    static const struct {
        int lo, hi;
        const char *fill;
    } bands[] = {{0, 1, "#fff3b0"}, {1, 5, "#d8f0d2"}, {5, 6, "#fff3b0"}};
    for (int b = 0; b < 3; b++) {
        fprintf(out, "<path fill=\"%s\" d=\"", bands[b].fill);
        for (int i = 0; i < c->n; i++)
            fprintf(out, "%c%.1f %.1f", i ? 'L' : 'M', px(f, c->x[i]), py(f, c->y[bands[b].hi][i]));
        for (int i = c->n - 1; i >= 0; i--)
            fprintf(out, "L%.1f %.1f", px(f, c->x[i]), py(f, c->y[bands[b].lo][i]));
        fputs("Z\"/>", out);
    }
}

/* The seven SD lines, each labelled at its right end. */
static void draw_curves(FILE *out, const frame *f, const curves *c)
{
    static const char *const colors[NSD] = {"#c00", "#e08000", "#9a9", "#080",
                                            "#9a9", "#e08000", "#c00"};
    static const char *const labels[NSD] = {"-3", "-2", "-1", "0", "+1", "+2", "+3"};
    for (int k = 0; k < NSD; k++) {
        fprintf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s points=\"",
                colors[k], k == 3 || k == 0 || k == 6 ? "1.6" : "1",
                k == 2 || k == 4 ? " stroke-dasharray=\"3 3\"" : "");
        for (int i = 0; i < c->n; i++)
            fprintf(out, "%.1f,%.1f ", px(f, c->x[i]), py(f, c->y[k][i]));
        fprintf(out, "\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"10\">%s</text>",
                W - MR + 3, py(f, c->y[k][c->n - 1]) + 3, colors[k], labels[k]);
    }
}

/* The child's measurements: a line, and a point with its values as a tooltip. */
static void draw_points(FILE *out, const frame *f, tb_chart_kind kind, const tb_chart_point *pts,
                        int n)
{
    fputs("<polyline fill=\"none\" stroke=\"#1a4d8f\" stroke-width=\"1.8\" points=\"", out);
    for (int i = 0; i < n; i++) {
        if (isnan(pts[i].y))
            continue;
        double x = kind == TB_CHART_BBTB ? pts[i].x : pts[i].x / TB_DAYS_PER_MONTH;
        fprintf(out, "%.1f,%.1f ", px(f, x), py(f, pts[i].y));
    }
    fputs("\"/>", out);
    for (int i = 0; i < n; i++) {
        if (isnan(pts[i].y))
            continue;
        double x = kind == TB_CHART_BBTB ? pts[i].x : pts[i].x / TB_DAYS_PER_MONTH;
        fprintf(out,
                "<circle class=\"titik\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1a4d8f\">"
                "<title>%.1f; %.1f</title></circle>",
                px(f, x), py(f, pts[i].y), x, pts[i].y);
    }
}

int tb_svg_growth_chart(FILE *out, const tb_who_tables *t, tb_chart_kind kind, int sex,
                        const tb_chart_point *pts, int n, int under_2y, const char *title)
{
    if (sex < 1 || sex > 2 || n < 0)
        return -1;
    frame f;
    curves c;
    chart_x_range(&f, kind, under_2y, pts, n);
    sample_curves(&c, &f, t, kind, sex, under_2y);
    if (c.n < 2)
        return -1;
    fit_points(&f, pts, n);
    header(out, title);
    draw_bands(out, &f, &c);
    const char *xlabel = kind == TB_CHART_BBTB
                             ? (under_2y ? "Panjang badan (cm)" : "Tinggi badan (cm)")
                             : "Umur (bulan)";
    const char *ylabel = kind == TB_CHART_TBU ? "Panjang/tinggi badan (cm)" : "Berat badan (kg)";
    axes(out, &f, xlabel, ylabel, kind == TB_CHART_BBTB ? 5 : (f.x1 > 24 ? 6 : 3));
    draw_curves(out, &f, &c);
    draw_points(out, &f, kind, pts, n);
    fputs("</svg>\n", out);
    return 0;
}

int tb_svg_bars(FILE *out, const char *title, const char *const *labels, const double *values,
                const char *const *colors, int n, const char *unit)
{
    if (n <= 0)
        return -1;
    frame f = {0, (double)n, 0, 0};
    for (int i = 0; i < n; i++)
        if (!isnan(values[i]))
            f.y1 = fmax(f.y1, values[i]);
    f.y1 = f.y1 > 0 ? f.y1 * 1.12 : 1;
    header(out, title);
    axes(out, &f, "", unit ? unit : "", 1e9);
    double bw = (W - ML - MR) / n;
    for (int i = 0; i < n; i++) {
        double v = isnan(values[i]) ? 0 : values[i];
        double x = px(&f, i) + bw * 0.15, y = py(&f, v);
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x,
                y, bw * 0.7, H - MB - y, colors && colors[i] ? colors[i] : "#3b73b9");
        /* the value is written on the bar: readable without colour */
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%g</text>", x + bw * 0.35,
                y - 4, round(v * 10) / 10);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x + bw * 0.35,
                H - MB + 14);
        tb_svg_escape(out, labels[i]);
        fputs("</text>", out);
    }
    fputs("</svg>\n", out);
    return 0;
}

int tb_svg_line(FILE *out, const char *title, const char *const *labels, const double *values,
                int n, const char *unit)
{
    return tb_svg_line_target(out, title, labels, values, n, unit, NAN, NULL);
}

/* The dashed horizontal line of a target value, labelled at its right end. */
static void target_line(FILE *out, const frame *f, double target, const char *label)
{
    double y = py(f, target);
    fprintf(out,
            "<line class=\"target\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
            " stroke=\"#d7301f\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\""
            " fill=\"#a61b1b\">",
            px(f, f->x0), y, px(f, f->x1), y, px(f, f->x1), y - 4);
    tb_svg_escape(out, label ? label : "Target");
    fputs("</text>", out);
}

int tb_svg_line_target(FILE *out, const char *title, const char *const *labels,
                       const double *values, int n, const char *unit, double target,
                       const char *target_label)
{
    if (n <= 0)
        return -1;
    frame f = {-0.5, n - 0.5, 0, 0};
    for (int i = 0; i < n; i++)
        if (!isnan(values[i]))
            f.y1 = fmax(f.y1, values[i]);
    if (!isnan(target))
        f.y1 = fmax(f.y1, target);
    f.y1 = f.y1 > 0 ? f.y1 * 1.15 : 1;
    header(out, title);
    axes(out, &f, "", unit ? unit : "", 1e9);
    if (!isnan(target))
        target_line(out, &f, target, target_label);
    fputs("<polyline fill=\"none\" stroke=\"#3b73b9\" stroke-width=\"2\" points=\"", out);
    for (int i = 0; i < n; i++)
        if (!isnan(values[i]))
            fprintf(out, "%.1f,%.1f ", px(&f, i), py(&f, values[i]));
    fputs("\"/>", out);
    for (int i = 0; i < n; i++) {
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", px(&f, i), H - MB + 14);
        tb_svg_escape(out, labels[i]);
        fputs("</text>", out);
        if (isnan(values[i]))
            continue;
        fprintf(out,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#3b73b9\"/>"
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%g</text>",
                px(&f, i), py(&f, values[i]), px(&f, i), py(&f, values[i]) - 6,
                round(values[i] * 10) / 10);
    }
    fputs("</svg>\n", out);
    return 0;
}
