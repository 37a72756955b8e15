/*
 * report_cakupan.c - the coverage reports of `tumbuh report`:
 *
 *   tumbuh report cakupan  --wilayah CODE   --year YYYY --format csv|xlsx|pdf [-o FILE]
 *   tumbuh report evaluasi --kabupaten CODE --year YYYY --format csv|xlsx|pdf [-o FILE]
 *   tumbuh report lokus    --kabupaten CODE --year YYYY --format csv|xlsx|pdf [-o FILE]
 *   tumbuh report ansit    --kabupaten CODE --year YYYY --format csv|xlsx|pdf [-o FILE]
 *
 * cakupan: every indicator against its target for the area and every area
 * under it; evaluasi: the December evaluation of RAN PASTI (kabupaten and
 * kecamatan); lokus: the lokus desa ranking with its components; ansit:
 * targets and coverage per desa (the Master Ansit layout). Called by
 * report.c when NAME is one of these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "format/render.h"
#include "report/cakupan.h"
#include "store/wilayah.h"

#define USAGE                                                                                      \
    "pemakaian: tumbuh report cakupan --wilayah KODE --year YYYY [--format csv|xlsx|pdf]"          \
    " [-o FILE]\n"                                                                                 \
    "           tumbuh report evaluasi|lokus|ansit --kabupaten KODE --year YYYY"                   \
    " [--format csv|xlsx|pdf] [-o FILE]\n"

typedef struct {
    const char *name, *wilayah, *format, *out;
    int tahun;
} ck_options;

static int ck_bad(const char *msg, const char *arg)
{
    fprintf(stderr, "tumbuh report: ");
    fprintf(stderr, msg, arg);
    fputs("\n" USAGE, stderr);
    return -1;
}

int tb_report_cakupan_name(const char *name)
{
    return name && (!strcmp(name, "cakupan") || !strcmp(name, "evaluasi") ||
                    !strcmp(name, "lokus") || !strcmp(name, "ansit"));
}

/* Reads one option; 0 or -1. */
static int ck_option(ck_options *o, const char *a, const char *v)
{
    if (!v)
        return ck_bad("%s perlu nilai", a);
    bool kab = strcmp(o->name, "cakupan") != 0;
    if (!strcmp(a, kab ? "--kabupaten" : "--wilayah"))
        o->wilayah = v;
    else if (!strcmp(a, "--year") || !strcmp(a, "--tahun")) {
        char *end;
        long y = strtol(v, &end, 10);
        if (*end || y < 2000 || y > 2100)
            return ck_bad("--year perlu tahun (misalnya 2026), bukan '%s'", v);
        o->tahun = (int)y;
    } else if (!strcmp(a, "--format"))
        o->format = v;
    else if (!strcmp(a, "-o"))
        o->out = v;
    else
        return ck_bad("opsi tidak dikenal: '%s'", a);
    return 0;
}

/* Fills o from the arguments: 0, 1 when help was printed, -1 on a usage error. */
static int ck_parse(int argc, char **argv, ck_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = "csv";
    int at = 0; /* the name's place: not an option, nor an option's value */
    for (int i = 1; i < argc && !at; i++)
        if (argv[i][0] != '-' && argv[i - 1][0] != '-')
            at = i;
    o->name = at ? argv[at] : "cakupan";
    for (int i = 1; i < argc; i++) {
        if (i == at)
            continue;
        if (argv[i][0] != '-')
            return ck_bad("argumen berlebih: '%s'", argv[i]);
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(USAGE, stdout);
            return 1;
        }
        if (ck_option(o, argv[i], i + 1 < argc ? argv[i + 1] : NULL))
            return -1;
        i++;
    }
    bool kab = strcmp(o->name, "cakupan") != 0;
    if (!o->wilayah)
        return ck_bad(kab ? "%s perlu --kabupaten KODE" : "%s perlu --wilayah KODE", o->name);
    if (kab && tb_wilayah_level(o->wilayah) != 2)
        return ck_bad("--kabupaten perlu kode kabupaten (misalnya 35.99), bukan '%s'", o->wilayah);
    if (!o->tahun)
        return ck_bad("%s perlu --year YYYY", o->name);
    if (strcmp(o->format, "csv") && strcmp(o->format, "xlsx") && strcmp(o->format, "pdf"))
        return ck_bad("--format adalah csv, xlsx atau pdf, bukan '%s'", o->format);
    if (strcmp(o->format, "csv") && !o->out)
        return ck_bad("-o FILE diperlukan untuk %s", o->format);
    return 0;
}

/* Builds the report asked for. 0 or -1. */
static int ck_build(tb_store *s, const ck_options *o, tb_table **t)
{
    if (!strcmp(o->name, "cakupan"))
        return tb_report_cakupan(s, o->wilayah, o->tahun, t);
    if (!strcmp(o->name, "evaluasi"))
        return tb_report_evaluasi(s, o->wilayah, o->tahun, t);
    if (!strcmp(o->name, "lokus"))
        return tb_report_lokus(s, o->wilayah, o->tahun, t);
    return tb_report_ansit(s, o->wilayah, o->tahun, t);
}

static int ck_render(const ck_options *o, const tb_table *t)
{
    if (!strcmp(o->format, "xlsx"))
        return tb_render_xlsx(t, o->out);
    if (!strcmp(o->format, "pdf"))
        return tb_render_pdf(&t, NULL, 1, o->out);
    FILE *f = o->out ? fopen(o->out, "w") : stdout;
    int rc = f ? tb_render_csv(t, f) : -1;
    if (f && f != stdout && fclose(f))
        rc = -1;
    return rc;
}

int tb_cmd_report_cakupan(int argc, char **argv)
{
    ck_options o;
    int rc = ck_parse(argc, argv, &o);
    if (rc)
        return rc > 0 ? 0 : 2;
    tb_store *s;
    char err[512], nama[128];
    if (tb_store_open_readonly(tb_store_default_path(NULL), &s, err, sizeof err)) {
        fprintf(stderr, "tumbuh report: %s\n", err);
        return 1;
    }
    tb_store_set_parallel(s, true); /* one report: the lokus ranking reads on two cores */
    int found = tb_store_wilayah_get(s, o.wilayah, nama, sizeof nama), status = 1;
    tb_table *t = NULL;
    if (found == 0)
        fprintf(stderr, "tumbuh report: wilayah %s tidak ada di basis data\n", o.wilayah);
    else if (found < 0 || ck_build(s, &o, &t))
        fprintf(stderr, "tumbuh report: %s\n", tb_store_error(s));
    else if (ck_render(&o, t))
        fprintf(stderr, "tumbuh report: tidak dapat menulis %s\n", o.out ? o.out : "stdout");
    else
        status = 0;
    tb_table_free(t);
    tb_store_close(s);
    return status;
}
