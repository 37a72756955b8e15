/*
 * test_svg_chart.c - SVG growth charts: well formed, escaped, and a child far
 * below -3 SD is drawn below the -3 curve (never capped). Bars and lines:
 * x labels rotated and thinned so they never overlap (checked on the
 * positions written), "Nov 2026" written "Nov 26", values with a decimal
 * comma and in a <title> on each bar and point.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/svg_chart.h"
#include "tb_test.h"
#include "base/who_tables.h"

/* Renders into a string (caller frees). */
static char *render(tb_chart_kind kind, const tb_chart_point *p, int n, const char *title)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int rc = tb_svg_growth_chart(f, &tb_who_tables_builtin, kind, 1, p, n, 1, title);
    fclose(f);
    if (rc) {
        free(buf);
        return NULL;
    }
    return buf;
}

static int count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* Renders bars or a line into a string (caller frees). */
static char *render_xy(int line, const char *const *labels, const double *v, int n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (line)
        tb_svg_line(f, "Tren", labels, v, n, "%");
    else
        tb_svg_bars(f, "Peringkat", labels, v, NULL, n, "%");
    fclose(f);
    return buf;
}

static void test_labels(void)
{
    /* 12 months in 544 px: 45 px a slot, "Nov 26" is 6 x 6.2 = 37 px: horizontal */
    static const char *const months[12] = {"Des 2025", "Jan 2026", "Feb 2026", "Mar 2026",
                                           "Apr 2026", "Mei 2026", "Jun 2026", "Jul 2026",
                                           "Agu 2026", "Sep 2026", "Okt 2026", "Nov 2026"};
    tb_svg_label_plan p = tb_svg_plan_labels(months, 12, 544.0 / 12);
    CHECK(!p.rotate && p.step == 1, "12 months: horizontal, all (%d, %d)", p.rotate, p.step);
    double v[60];
    for (int i = 0; i < 60; i++)
        v[i] = 10 + i * 0.37;
    char *svg = render_xy(1, months, v, 12);
    CHECK(svg && strstr(svg, ">Nov 26</text>") && strstr(svg, ">Des 25</text>") &&
              !strstr(svg, "Nov 2026</text>"),
          "month labels abbreviated 'Nov 26'");
    CHECK(svg && strstr(svg, "<title>Nov 26: 14,1%</title>") == NULL &&
              strstr(svg, "<title>Nov 2026: 14,1%</title>"),
          "each point's value on hover, decimal comma (10 + 11 x 0,37 = 14,07)");
    CHECK(svg && !strstr(svg, "14.1"), "no decimal point");
    free(svg);
    /* 60 desa names of 11 characters in 544 px: 9 px a slot; rotated they need
     * 13 x 1,414 = 18,4 px apart: every 3rd (0, 3, ..., 54; 57 too close to 59; 59) */
    const char *desa[60];
    for (int i = 0; i < 60; i++)
        desa[i] = i % 2 ? "SUMBERLUHUR" : "KARANGREJO ";
    p = tb_svg_plan_labels(desa, 60, 544.0 / 60);
    CHECK(p.rotate && p.step == 3, "60 names: rotated, every 3rd (%d, %d)", p.rotate, p.step);
    CHECK(p.extra_h > 0, "room added below for rotated labels (%.1f)", p.extra_h);
    svg = render_xy(0, desa, v, 60);
    int shown = 0;
    double prev = -1e9, mind = 1e9;
    for (const char *s = svg; s && (s = strstr(s, "class=\"xl\" x=\"")); s++) {
        double x = atof(s + 14);
        mind = fmin(mind, x - prev);
        prev = x;
        shown++;
    }
    CHECK(shown == 20, "20 labels written (%d)", shown);
    CHECK(mind * 0.7071 >= 13 - 0.01, "rotated labels at least a line apart (%.1f px)",
          mind * 0.7071);
    CHECK(svg && strstr(svg, "rotate(-45"), "labels rotated");
    CHECK(svg && strstr(svg, "<title>SUMBERLUHUR: 10,4%</title>"), "bar value on hover");
    free(svg);
}

/* The PWS target line rises point by point: a dashed polyline through one
 * target per month, each higher than the one before, ending at the last. */
static void test_target_series(void)
{
    const char *labels[4] = {"Jan 26", "Feb 26", "Mar 26", "Apr 26"};
    double v[4] = {5, 12, 20, 31}, t[4] = {100.0 / 12, 200.0 / 12, 300.0 / 12, 400.0 / 12};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    int rc = tb_svg_line_targets(f, "PWS K1", labels, v, 4, "%", t, "Target Apr: 33%");
    fclose(f);
    CHECK(rc == 0 && buf, "PWS chart rendered");
    const char *pl = buf ? strstr(buf, "<polyline class=\"target\"") : NULL;
    CHECK(pl != NULL, "a target polyline, not a flat line");
    double y[4] = {0}, x;
    int k = 0, used;
    if (pl) {
        const char *pp = strstr(pl, "points=\"") + 8;
        while (k < 4 && sscanf(pp, "%lf,%lf %n", &x, &y[k], &used) == 2) {
            pp += used;
            k++;
        }
    }
    CHECK(k == 4, "one target point per month (%d)", k);
    CHECK(k == 4 && y[0] > y[1] && y[1] > y[2] && y[2] > y[3], "the target rises month by month");
    CHECK(buf && strstr(buf, "Target Apr: 33%"), "the line's label");
    CHECK(buf && !strstr(buf, "<line class=\"target\""), "no flat target line");
    free(buf);
}

int main(void)
{
    test_target_series();
    const tb_lms_table *len = &tb_who_tables_builtin.len;
    tb_lms p365 = len->rows[0][365 - len->first];
    tb_chart_point pts[3] = {{300, NAN}, {365, tb_growth_lms_value(p365, -4.5)}, {400, 70}};
    char *svg = render(TB_CHART_TBU, pts, 3, "PB/U <Budi & \"Ani\">");
    CHECK(svg != NULL, "chart rendered");
    if (!svg)
        TB_TEST_MAIN_END();
    CHECK(!strncmp(svg, "<svg", 4) && strstr(svg, "</svg>"), "an svg element");
    CHECK(count(svg, "<text") == count(svg, "</text>"), "text elements balanced");
    CHECK(count(svg, "<title") == count(svg, "</title>"), "title elements balanced");
    CHECK(!strstr(svg, "<Budi") && strstr(svg, "&lt;Budi &amp; &quot;Ani&quot;&gt;"), "escaped");
    CHECK(count(svg, "class=\"titik\"") == 2, "missing value not drawn, 2 points");
    /* the -3 curve is the first polyline with stroke #c00; find its y near x of day 365 */
    const char *curve = strstr(svg, "<polyline fill=\"none\" stroke=\"#c00\"");
    const char *dot = strstr(svg, "class=\"titik\" cx=\"");
    double cx = 0, cy = 0;
    CHECK(curve && dot && sscanf(dot, "class=\"titik\" cx=\"%lf\" cy=\"%lf\"", &cx, &cy) == 2,
          "found curve and point");
    if (curve && dot) {
        const char *pp = strstr(curve, "points=\"") + 8;
        double best = 1e9, ycurve = 0, x, y;
        int used;
        while (sscanf(pp, "%lf,%lf %n", &x, &y, &used) == 2) {
            if (fabs(x - cx) < best)
                best = fabs(x - cx), ycurve = y;
            pp += used;
        }
        CHECK(best < 6, "curve sampled near the point (%.1f px)", best);
        CHECK(cy > ycurve + 5, "z = -4.5 drawn below the -3 curve (%.1f vs %.1f)", cy, ycurve);
        CHECK(cy < 420 - 46 + 0.01, "and inside the plot: the axis grew to hold it");
    }
    free(svg);
    /* BB/TB by length */
    tb_chart_point w[1] = {{75.3, 8.9}};
    svg = render(TB_CHART_BBTB, w, 1, "BB/PB");
    CHECK(svg && strstr(svg, "Panjang badan (cm)"), "BB/PB chart");
    free(svg);
    /* bad arguments */
    FILE *f = fopen("/dev/null", "w");
    CHECK(tb_svg_growth_chart(f, &tb_who_tables_builtin, TB_CHART_BBU, 3, w, 1, 1, "x") == -1,
          "bad sex refused");
    const char *lab[4] = {"S", "K", "D", "N"};
    double v[4] = {120, 100, 80, 60};
    const char *col[4] = {"#d62728", "#f2c500", "#2ca02c", "#1f5fbf"};
    CHECK(tb_svg_bars(f, "Balok SKDN", lab, v, col, 4, "anak") == 0, "bars");
    CHECK(tb_svg_line(f, "Tren", lab, v, 4, "%") == 0, "line");
    fclose(f);
    test_labels();
    TB_TEST_MAIN_END();
}
