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

/* How the x labels of a bar or line chart are written so they never overlap:
 * horizontal when the widest fits its slot, else rotated -45 degrees, every
 * step-th label only when even rotated they would touch; long labels cut to
 * TB_SVG_LABEL_MAX characters; extra_h: height added below for them. */
#define TB_SVG_CHAR_W 6.2 /* average width of a character at font-size 11, px */
#define TB_SVG_LINE_H 13.0
#define TB_SVG_LABEL_MAX 18
typedef struct {
    int rotate, step, max_chars;
    double extra_h;
} tb_svg_label_plan;

/* The plan for n labels, each with slot px along the axis. */
tb_svg_label_plan tb_svg_plan_labels(const char *const *labels, int n, double slot);

/* A vertical bar chart (values in a <title> on each bar); colors are CSS colours or NULL for the
 * default. */
int tb_svg_bars(FILE *out, const char *title, const char *const *labels, const double *values,
                const char *const *colors, int n, const char *unit);

/* A line chart of one series over labelled points (e.g. months; "Nov 2026"
 * is written "Nov 26"); each point's value in a <title>. Numbers with a
 * decimal comma. */
int tb_svg_line(FILE *out, const char *title, const char *const *labels, const double *values,
                int n, const char *unit);

/* tb_svg_line with a target drawn as a dashed red line labelled
 * target_label (NULL: "Target"); target NAN draws none. */
int tb_svg_line_target(FILE *out, const char *title, const char *const *labels,
                       const double *values, int n, const char *unit, double target,
                       const char *target_label);

/* Writes s with &, <, >, " and ' escaped. */
/* The same with one target per point (e.g. the PWS line rising month by
 * month to the year's target), drawn dashed as class "target". */
int tb_svg_line_targets(FILE *out, const char *title, const char *const *labels,
                        const double *values, int n, const char *unit, const double *targets,
                        const char *target_label);
void tb_svg_escape(FILE *out, const char *s);

#endif
