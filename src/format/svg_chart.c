/*
 * svg_chart.c - growth charts, bars and lines as SVG (see svg_chart.h).
 */
#include <math.h>
#include <string.h>

#include "format/render.h"
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

/* A number as shown: at most one decimal, decimal comma, no trailing ",0". */
static void num(char *b, size_t n, double v)
{
    double r = round(v * 10) / 10;
    tb_render_number(b, n, r, fabs(r - round(r)) < 1e-9 ? TB_COL_INT : TB_COL_DEC1);
}

/* A value as labelled: percentages always with one decimal (24,0), counts as numbers. */
static void value_text(char *b, size_t n, double v, const char *unit)
{
    if (unit && !strcmp(unit, "%"))
        tb_render_number(b, n, round(v * 10) / 10, TB_COL_DEC1);
    else
        num(b, n, v);
}

/* Characters (not bytes) of a UTF-8 label. */
static int label_chars(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A label as written: "Nov 2026" as "Nov 26", one longer than
 * TB_SVG_LABEL_MAX characters cut with an ellipsis. Returns s or b. */
static const char *display(const char *s, char b[96])
{
    size_t n = strlen(s);
    if (n == 8 && s[3] == ' ' && s[4] >= '1' && s[4] <= '2' && strspn(s + 4, "0123456789") == 4) {
        snprintf(b, 96, "%.3s %.2s", s, s + 6);
        return b;
    }
    if (label_chars(s) <= TB_SVG_LABEL_MAX)
        return s;
    size_t k = 0;
    for (int c = 0; s[k] && c < TB_SVG_LABEL_MAX - 1; k++)
        c += ((unsigned char)s[k + 1] & 0xC0) != 0x80;
    snprintf(b, 96, "%.*s…", (int)(k < 90 ? k : 90), s);
    return b;
}

tb_svg_label_plan tb_svg_plan_labels(const char *const *labels, int n, double slot)
{
    tb_svg_label_plan p = {0, 1, 0, 0};
    char b[96];
    for (int i = 0; i < n; i++) {
        int c = label_chars(display(labels[i], b));
        p.max_chars = c > p.max_chars ? c : p.max_chars;
    }
    double w = p.max_chars * TB_SVG_CHAR_W;
    if (w <= slot * 0.9)
        return p; /* horizontal, every label */
    p.rotate = 1; /* at -45 degrees labels a line height apart along the axis do not touch */
    double need = TB_SVG_LINE_H * 1.4142;
    p.step = slot >= need ? 1 : (int)ceil(need / slot);
    p.extra_h = fmax(0, w * 0.7071 + 18 - MB);
    return p;
}

/* The x labels of bars and lines, rotated and thinned by plan so they never overlap. */
static void x_labels(FILE *out, const tb_svg_label_plan *p, const char *const *labels, int n,
                     double (*x_of)(int i, void *ctx), void *ctx)
{
    for (int i = 0; i < n; i++) {
        if (i % p->step && i != n - 1)
            continue;
        if (i != n - 1 && i % p->step == 0 && n - 1 - i < p->step && i) /* keep room for the last */
            continue;
        double x = x_of(i, ctx), y = H - MB + 14;
        if (p->rotate)
            fprintf(out,
                    "<text class=\"xl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\""
                    " transform=\"rotate(-45 %.1f %.1f)\">",
                    x + 4, y - 4, x + 4, y - 4);
        else
            fprintf(out, "<text class=\"xl\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, y);
        char b[96];
        tb_svg_escape(out, display(labels[i], b));
        fputs("</text>", out);
    }
}

static void header_h(FILE *out, const char *title, double extra_h)
{
    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
            " font-family=\"sans-serif\" font-size=\"11\"><title>",
            W, H + extra_h);
    tb_svg_escape(out, title);
    fputs("</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>", out);
    fprintf(out, "<text x=\"%.0f\" y=\"20\" font-size=\"14\" font-weight=\"bold\">", ML);
    tb_svg_escape(out, title);
    fputs("</text>", out);
}

static void header(FILE *out, const char *title)
{
    header_h(out, title, 0);
}

/* Axes with grid, ticks and labels. */
static void axes(FILE *out, const frame *f, const char *xlabel, const char *ylabel, double xstep)
{
    double ys = tick_step(f->y1 - f->y0, 8);
    fputs("<g stroke=\"#ddd\" stroke-width=\"0.6\">", out);
    for (double y = ceil(f->y0 / ys) * ys; y <= f->y1 + 1e-9; y += ys)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", ML, py(f, y),
                W - MR, py(f, y));
    for (double x = ceil(f->x0 / xstep) * xstep; xstep < 1e8 && x <= f->x1 + 1e-9; x += xstep)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", px(f, x), MT,
                px(f, x), H - MB);
    fputs("</g><g fill=\"#333\">", out);
    char b[32];
    for (double y = ceil(f->y0 / ys) * ys; y <= f->y1 + 1e-9; y += ys) {
        num(b, sizeof b, y);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>", ML - 4,
                py(f, y) + 4, b);
    }
    for (double x = ceil(f->x0 / xstep) * xstep; xstep < 1e8 && x <= f->x1 + 1e-9; x += xstep) {
        num(b, sizeof b, x);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", px(f, x),
                H - MB + 14, b);
    }
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
        char bx[32], by[32];
        tb_render_number(bx, sizeof bx, x, TB_COL_DEC1);
        tb_render_number(by, sizeof by, pts[i].y, TB_COL_DEC1);
        fprintf(out,
                "<circle class=\"titik\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1a4d8f\">"
                "<title>%s %s: %s %s</title></circle>",
                px(f, x), py(f, pts[i].y), kind == TB_CHART_BBTB ? "panjang/tinggi" : "umur", bx,
                by, kind == TB_CHART_TBU ? "cm" : "kg");
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

typedef struct {
    const frame *f;
    double off;
} xctx;

static double x_at(int i, void *ctx)
{
    const xctx *c = ctx;
    return px(c->f, i) + c->off;
}

/* A bar or point's tooltip: "label: value unit". */
static void tooltip(FILE *out, const char *label, double v, const char *unit)
{
    char b[32];
    value_text(b, sizeof b, v, unit);
    fputs("<title>", out);
    tb_svg_escape(out, label);
    fprintf(out, ": %s", isnan(v) ? "-" : b);
    if (unit && *unit && !isnan(v)) {
        fputs(strcmp(unit, "%") ? " " : "", out);
        tb_svg_escape(out, unit);
    }
    fputs("</title>", out);
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
    double bw = (W - ML - MR) / n;
    tb_svg_label_plan lp = tb_svg_plan_labels(labels, n, bw);
    header_h(out, title, lp.extra_h);
    axes(out, &f, "", unit ? unit : "", 1e9);
    for (int i = 0; i < n; i++) {
        double v = isnan(values[i]) ? 0 : values[i];
        double x = px(&f, i) + bw * 0.15, y = py(&f, v);
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">", x,
                y, bw * 0.7, H - MB - y, colors && colors[i] ? colors[i] : "#3b73b9");
        tooltip(out, labels[i], values[i], unit);
        fputs("</rect>", out);
        /* the value is written on the bar when there is room: readable without colour */
        char b[32];
        value_text(b, sizeof b, v, unit);
        if (bw >= (double)strlen(b) * TB_SVG_CHAR_W * 0.85)
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    x + bw * 0.35, y - 4, b);
    }
    xctx xc = {&f, bw * 0.5};
    x_labels(out, &lp, labels, n, x_at, &xc);
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

/* A dashed target line through one value per point, labelled at its end. */
static void target_series(FILE *out, const frame *f, const double *t, int n, const char *label)
{
    fputs("<polyline class=\"target\" fill=\"none\" stroke=\"#d7301f\" stroke-width=\"1.5\""
          " stroke-dasharray=\"6 4\" points=\"",
          out);
    int last = -1;
    for (int i = 0; i < n; i++)
        if (!isnan(t[i])) {
            fprintf(out, "%.1f,%.1f ", px(f, i), py(f, t[i]));
            last = i;
        }
    fputs("\"/>", out);
    if (last < 0)
        return;
    fprintf(out,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\""
            " fill=\"#a61b1b\">",
            px(f, last), py(f, t[last]) - 6);
    tb_svg_escape(out, label ? label : "Target");
    fputs("</text>", out);
}

/* The line chart with a constant target (targets NULL) or one target per
 * point (a rising PWS line). */
static int line_with_target(FILE *out, const char *title, const char *const *labels,
                            const double *values, int n, const char *unit, double target,
                            const double *targets, const char *target_label)
{
    if (n <= 0)
        return -1;
    frame f = {-0.5, n - 0.5, 0, 0};
    for (int i = 0; i < n; i++)
        if (!isnan(values[i]))
            f.y1 = fmax(f.y1, values[i]);
    if (!isnan(target))
        f.y1 = fmax(f.y1, target);
    for (int i = 0; targets && i < n; i++)
        if (!isnan(targets[i]))
            f.y1 = fmax(f.y1, targets[i]);
    f.y1 = f.y1 > 0 ? f.y1 * 1.15 : 1;
    tb_svg_label_plan lp = tb_svg_plan_labels(labels, n, (W - ML - MR) / n);
    header_h(out, title, lp.extra_h);
    axes(out, &f, "", unit ? unit : "", 1e9);
    if (targets)
        target_series(out, &f, targets, n, target_label);
    else if (!isnan(target))
        target_line(out, &f, target, target_label);
    fputs("<polyline fill=\"none\" stroke=\"#3b73b9\" stroke-width=\"2\" points=\"", out);
    for (int i = 0; i < n; i++)
        if (!isnan(values[i]))
            fprintf(out, "%.1f,%.1f ", px(&f, i), py(&f, values[i]));
    fputs("\"/>", out);
    xctx xc = {&f, 0};
    x_labels(out, &lp, labels, n, x_at, &xc);
    bool values_fit = (W - ML - MR) / n >= 5 * TB_SVG_CHAR_W * 0.85;
    for (int i = 0; i < n; i++) {
        if (isnan(values[i]))
            continue;
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#3b73b9\">", px(&f, i),
                py(&f, values[i]));
        tooltip(out, labels[i], values[i], unit);
        fputs("</circle>", out);
        char b[32];
        value_text(b, sizeof b, values[i], unit);
        if (values_fit)
            fprintf(out,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%s</text>",
                    px(&f, i), py(&f, values[i]) - 6, b);
    }
    fputs("</svg>\n", out);
    return 0;
}

int tb_svg_line_target(FILE *out, const char *title, const char *const *labels,
                       const double *values, int n, const char *unit, double target,
                       const char *target_label)
{
    return line_with_target(out, title, labels, values, n, unit, target, NULL, target_label);
}

int tb_svg_line_targets(FILE *out, const char *title, const char *const *labels,
                        const double *values, int n, const char *unit, const double *targets,
                        const char *target_label)
{
    return line_with_target(out, title, labels, values, n, unit, NAN, targets, target_label);
}
