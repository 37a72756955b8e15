/*
 * svg_chart.h - charts drawn as SVG on the server (no JavaScript needed).
 *
 * A growth chart in the manner of the KMS of the Buku KIA: the WHO curves
 * from -3 to +3 SD for BB/U, PB/U-TB/U or BB/PB-BB/TB, with the child's
 * measurements as points joined by a line. Points beyond the curves are
 * drawn where they fall: the axis grows to hold them (no capping), so a
 * child below -3 SD is seen, and followed, below the red line.
 * Also bar charts (the SKDN "balok": S red, K yellow, D green, N blue) and
 * line charts for 12-month trends. All text is XML-escaped.
 */
#ifndef TB_SVG_CHART_H
#define TB_SVG_CHART_H

#include <stdio.h>

#include "tb_growth.h"

typedef enum {
    TB_CHART_BBU, /* weight-for-age, x = age in months */
    TB_CHART_TBU, /* length/height-for-age, x = age in months */
    TB_CHART_BBTB /* weight-for-length/height, x = length/height in cm */
} tb_chart_kind;

typedef struct {
    double x; /* age in days (BB/U, TB/U) or length/height in cm (BB/TB) */
    double y; /* kg or cm */
} tb_chart_point;

/*
 * Writes a growth chart for a child of sex (1 boy, 2 girl) with n points to
 * out. For BB/TB, `under_2y` picks the length table (else height). Returns
 * 0, or -1 on bad arguments.
 */
int tb_svg_growth_chart(FILE *out, const tb_who_tables *t, tb_chart_kind kind, int sex,
                        const tb_chart_point *pts, int n, int under_2y, const char *title);

/* A vertical bar chart; colors are CSS colours or NULL for the default. */
int tb_svg_bars(FILE *out, const char *title, const char *const *labels, const double *values,
                const char *const *colors, int n, const char *unit);

/* A line chart of one series over labelled points (e.g. months). */
int tb_svg_line(FILE *out, const char *title, const char *const *labels, const double *values,
                int n, const char *unit);

/* tb_svg_line with a target drawn as a dashed red line labelled
 * target_label (NULL: "Target"); target NAN draws none. */
int tb_svg_line_target(FILE *out, const char *title, const char *const *labels,
                       const double *values, int n, const char *unit, double target,
                       const char *target_label);

/* Writes s with &, <, >, " and ' escaped. */
void tb_svg_escape(FILE *out, const char *s);

#endif
