/*
 * cmd_report.c - `tumbuh report`: any report as CSV, XLSX or PDF.
 *
 *   tumbuh report NAME --wilayah CODE | --posyandu ID --month YYYY-MM
 *                 --format csv|xlsx|pdf [-o FILE] [--names]
 *
 * NAME is one of the reports of report.c, or `publikasi`: the desa
 * publication of Aksi Konvergensi #7 (prevalence with coverage, SKDN and the
 * 12-month trend, with charts) as a PDF. Names and NIK appear in lists only
 * with --names (the CLI is run by the district's data manager).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "format/render.h"
#include "report/report.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: tumbuh report NAME (--wilayah CODE | --posyandu ID) --month YYYY-MM\n"
               "                     [--format csv|xlsx|pdf] [-o FILE] [--names]\n"
               "NAME: publikasi");
    for (int k = 0; k < TB_REPORT_COUNT; k++)
        fprintf(f, ", %s", tb_report_name((tb_report_kind)k));
    fprintf(f, "\n");
}

int tb_cmd_report(int argc, char **argv)
{
    const char *name = NULL, *format = "csv", *out = NULL;
    tb_report_scope sc;
    memset(&sc, 0, sizeof sc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--wilayah") && v)
            sc.wilayah = v, i++;
        else if (!strcmp(a, "--posyandu") && v)
            sc.posyandu_id = atol(v), i++;
        else if ((!strcmp(a, "--month") || !strcmp(a, "--bulan")) && v)
            snprintf(sc.month, sizeof sc.month, "%.7s", v), i++;
        else if (!strcmp(a, "--format") && v)
            format = v, i++;
        else if (!strcmp(a, "-o") && v)
            out = v, i++;
        else if (!strcmp(a, "--names"))
            sc.with_names = true;
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] != '-' && !name)
            name = a;
        else {
            usage(stderr);
            return 2;
        }
    }
    bool pub = name && !strcmp(name, "publikasi");
    int kind = name ? tb_report_lookup(name) : -1;
    if (!name || (!pub && kind < 0) || !sc.month[0] || (!sc.wilayah && sc.posyandu_id <= 0)) {
        usage(stderr);
        return 2;
    }
    if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "pdf")) {
        fprintf(stderr, "tumbuh report: --format is csv, xlsx or pdf\n");
        return 2;
    }
    if ((pub || !strcmp(format, "xlsx") || !strcmp(format, "pdf")) && !out) {
        fprintf(stderr, "tumbuh report: -o FILE is needed for %s\n", pub ? "publikasi" : format);
        return 2;
    }
    tb_store *s;
    char err[512];
    if (tb_store_open(tb_store_default_path(NULL), &s, err, sizeof err)) {
        fprintf(stderr, "tumbuh report: %s\n", err);
        return 1;
    }
    int status = 1;
    tb_table *t[3] = {NULL, NULL, NULL};
    int nt = 0;
    if (pub) {
        tb_report_kind ks[3] = {TB_REPORT_PREVALENSI, TB_REPORT_SKDN, TB_REPORT_TREN};
        for (nt = 0; nt < 3; nt++)
            if (tb_report_run(s, ks[nt], &sc, &t[nt]))
                goto fail;
        int charts[3] = {5, 11, 5}; /* stunting %, D/S %, stunting % by month */
        if (tb_render_pdf((const tb_table *const *)t, charts, 3, out))
            goto write_fail;
    } else {
        if (tb_report_run(s, (tb_report_kind)kind, &sc, &t[0]))
            goto fail;
        nt = 1;
        int rc;
        if (!strcmp(format, "xlsx"))
            rc = tb_render_xlsx(t[0], out);
        else if (!strcmp(format, "pdf"))
            rc = tb_render_pdf((const tb_table *const *)t, NULL, 1, out);
        else {
            FILE *f = out ? fopen(out, "w") : stdout;
            rc = f ? tb_render_csv(t[0], f) : -1;
            if (f && f != stdout && fclose(f))
                rc = -1;
        }
        if (rc)
            goto write_fail;
    }
    status = 0;
    goto done;
fail:
    fprintf(stderr, "tumbuh report: %s\n", tb_store_error(s));
    goto done;
write_fail:
    fprintf(stderr, "tumbuh report: cannot write %s\n", out ? out : "stdout");
done:
    for (int i = 0; i < 3; i++)
        tb_table_free(t[i]);
    tb_store_close(s);
    return status;
}
