/*
 * report.c - `tumbuh report`: any report as CSV, XLSX or PDF.
 *
 *   tumbuh report NAME --wilayah CODE | --posyandu ID --month YYYY-MM
 *                 --format csv|xlsx|pdf [-o FILE] [--names]
 *
 * NAME is one of the reports of report/report.c, or `publikasi`: the desa
 * publication of Aksi Konvergensi #7 (prevalence with coverage, SKDN and the
 * 12-month trend, with charts) as a PDF. Names and NIK appear in lists only
 * with --names (the CLI is run by the district's data manager). Parses the
 * options, runs the report(s) on the store and renders them with
 * format/render.h; nothing is printed on success.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "format/render.h"
#include "report/report.h"

/* The tables of the publication, and the column charted for each. */
#define PUB_TABLES 3
static const tb_report_kind pub_kinds[PUB_TABLES] = {TB_REPORT_PREVALENSI, TB_REPORT_SKDN,
                                                     TB_REPORT_TREN};
static const int pub_charts[PUB_TABLES] = {5, 11, 5}; /* stunting %, D/S %, stunting % by month */

typedef struct {
    const char *name;
    const char *format; /* csv, xlsx or pdf */
    const char *out;    /* NULL: stdout (csv only) */
    tb_report_scope sc;
    bool pub; /* the publication */
    int kind; /* the report, when not pub */
} options;

static void usage(FILE *f)
{
    fprintf(f, "usage: tumbuh report NAME (--wilayah CODE | --posyandu ID) --month YYYY-MM\n"
               "                     [--format csv|xlsx|pdf] [-o FILE] [--names]\n"
               "NAME: publikasi");
    for (int k = 0; k < TB_REPORT_COUNT; k++)
        fprintf(f, ", %s", tb_report_name((tb_report_kind)k));
    fprintf(f, "\n");
}

/* Reads the arguments into o. Returns 0, 1 when help was printed, -1 on a bad argument. */
static int read_args(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--wilayah") && v)
            o->sc.wilayah = v, i++;
        else if (!strcmp(a, "--posyandu") && v)
            o->sc.posyandu_id = atol(v), i++;
        else if ((!strcmp(a, "--month") || !strcmp(a, "--bulan")) && v)
            snprintf(o->sc.month, sizeof o->sc.month, "%.7s", v), i++;
        else if (!strcmp(a, "--format") && v)
            o->format = v, i++;
        else if (!strcmp(a, "-o") && v)
            o->out = v, i++;
        else if (!strcmp(a, "--names"))
            o->sc.with_names = o->sc.link_anak = true; /* the ids too */
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 1;
        } else if (a[0] != '-' && !o->name)
            o->name = a;
        else {
            usage(stderr);
            return -1;
        }
    }
    return 0;
}

/* Fills o from the arguments. Returns 0, 1 when help was printed, -1 on a usage error. */
static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->format = "csv";
    int rc = read_args(argc, argv, o);
    if (rc)
        return rc;
    o->pub = o->name && !strcmp(o->name, "publikasi");
    o->kind = o->name ? tb_report_lookup(o->name) : -1;
    if (!o->name || (!o->pub && o->kind < 0) || !o->sc.month[0] ||
        (!o->sc.wilayah && o->sc.posyandu_id <= 0)) {
        usage(stderr);
        return -1;
    }
    if (strcmp(o->format, "csv") && strcmp(o->format, "xlsx") && strcmp(o->format, "pdf")) {
        fprintf(stderr, "tumbuh report: --format is csv, xlsx or pdf\n");
        return -1;
    }
    if ((o->pub || strcmp(o->format, "csv")) && !o->out) {
        fprintf(stderr, "tumbuh report: -o FILE is needed for %s\n",
                o->pub ? "publikasi" : o->format);
        return -1;
    }
    return 0;
}

/* Writes the table as CSV to -o FILE or stdout. Returns 0 or -1. */
static int render_csv(const tb_table *t, const char *out)
{
    FILE *f = out ? fopen(out, "w") : stdout;
    int rc = f ? tb_render_csv(t, f) : -1;
    if (f && f != stdout && fclose(f))
        rc = -1;
    return rc;
}

/* Renders the n tables as asked. Returns 0 or -1 (the file could not be written). */
static int render(const options *o, tb_table *const *t, int n)
{
    if (o->pub)
        return tb_render_pdf((const tb_table *const *)t, pub_charts, n, o->out);
    if (!strcmp(o->format, "xlsx"))
        return tb_render_xlsx(t[0], o->out);
    if (!strcmp(o->format, "pdf"))
        return tb_render_pdf((const tb_table *const *)t, NULL, 1, o->out);
    return render_csv(t[0], o->out);
}

/* Runs the report(s) on the store and renders them. Returns 0 or 1 (message given). */
static int run_report(const options *o)
{
    tb_store *s;
    char err[512];
    if (tb_store_open(tb_store_default_path(NULL), &s, err, sizeof err)) {
        fprintf(stderr, "tumbuh report: %s\n", err);
        return 1;
    }
    tb_table *t[PUB_TABLES] = {NULL, NULL, NULL};
    int nt = 0, want = o->pub ? PUB_TABLES : 1;
    while (nt < want &&
           tb_report_run(s, o->pub ? pub_kinds[nt] : (tb_report_kind)o->kind, &o->sc, &t[nt]) == 0)
        nt++;
    int status = 1;
    if (nt < want)
        fprintf(stderr, "tumbuh report: %s\n", tb_store_error(s));
    else if (render(o, t, nt))
        fprintf(stderr, "tumbuh report: cannot write %s\n", o->out ? o->out : "stdout");
    else
        status = 0;
    for (int i = 0; i < PUB_TABLES; i++)
        tb_table_free(t[i]);
    tb_store_close(s);
    return status;
}

int tb_cmd_report(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc > 0 ? 0 : 2;
    return run_report(&o);
}
