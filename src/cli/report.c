/*
 * report.c - `tumbuh report`: any report as CSV, XLSX or PDF.
 *
 *   tumbuh report NAME --wilayah CODE | --posyandu ID --month YYYY-MM (krs*, verval: optional)
 *                 --format csv|xlsx|pdf [-o FILE] [--names]
 *
 *   tumbuh report tindak-lanjut --wilayah CODE [--status open|overdue|all]
 *                 --format csv|xlsx|pdf [-o FILE]
 *
 * NAME is one of the reports of report/report.c, or `publikasi`: the desa
 * publication of Aksi Konvergensi #7 (prevalence with coverage, SKDN and the
 * 12-month trend, with charts) as a PDF. Names and NIK appear in lists only
 * with --names (the CLI is run by the district's data manager). Parses the
 * options, runs the report(s) on the store and renders them with
 * format/render.h; nothing is printed on success.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "cli/commands.h"
#include "format/render.h"
#include "report/rapat.h"
#include "report/report.h"
#include "store/posyandu.h"
#include "store/wilayah.h"

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
    bool pub;           /* the publication */
    bool tl;            /* the action list (tindak-lanjut) */
    const char *status; /* its --status: open, overdue or all */
    int kind;           /* the report, when not pub */
} options;

static void usage(FILE *f)
{
    fprintf(f, "pemakaian: tumbuh [--db FILE] report NAMA (--wilayah KODE | --posyandu ID)"
               " --month YYYY-MM\n"
               "                     [--format csv|xlsx|pdf] [-o FILE] [--names]\n"
               "       tumbuh [--db FILE] report tindak-lanjut --wilayah KODE"
               " [--status open|overdue|all]\n"
               "                     [--format csv|xlsx|pdf] [-o FILE]\n"
               "       tumbuh [--db FILE] report cakupan --wilayah KODE --year YYYY [...]\n"
               "       tumbuh [--db FILE] report evaluasi|lokus|ansit --kabupaten KODE"
               " --year YYYY [...]\n"
               "NAMA: publikasi");
    for (int k = 0; k < TB_REPORT_COUNT; k++)
        fprintf(f, ", %s", tb_report_name((tb_report_kind)k));
    fprintf(f, "\nBasis data dibuka hanya-baca (salinan cadangan pun bisa).\n");
}

/* A usage error: the message, then the usage. Returns -1. */
static int bad(const char *msg, const char *arg)
{
    fprintf(stderr, "tumbuh report: ");
    fprintf(stderr, msg, arg);
    fprintf(stderr, "\n");
    usage(stderr);
    return -1;
}

/* Reads --posyandu's value: digits only, > 0. */
static int read_posyandu(const char *v, long *id)
{
    char *end;
    *id = (v[0] >= '0' && v[0] <= '9') ? strtol(v, &end, 10) : 0;
    if (*id <= 0 || *end)
        return bad("--posyandu perlu nomor posyandu (angka), bukan '%s'", v);
    return 0;
}

/* Reads one option a (value v) into o. Returns 0, 1 when help was printed, -1 on error. */
static int read_option(const char *a, const char *v, options *o, int *used)
{
    *used = 1;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
        usage(stdout);
        return 1;
    }
    if (!strcmp(a, "--names")) {
        o->sc.with_names = o->sc.link_anak = true; /* the ids too */
        *used = 0;
        return 0;
    }
    if (strcmp(a, "--wilayah") && strcmp(a, "--posyandu") && strcmp(a, "--month") &&
        strcmp(a, "--bulan") && strcmp(a, "--format") && strcmp(a, "-o") && strcmp(a, "--status"))
        return bad("opsi tidak dikenal: '%s'", a);
    if (!v)
        return bad("%s perlu nilai", a);
    if (!strcmp(a, "--wilayah"))
        o->sc.wilayah = v;
    else if (!strcmp(a, "--posyandu"))
        return read_posyandu(v, &o->sc.posyandu_id);
    else if (!strcmp(a, "--format"))
        o->format = v;
    else if (!strcmp(a, "-o"))
        o->out = v;
    else if (!strcmp(a, "--status"))
        o->status = v;
    else if (strlen(v) != 7 || !tb_month_valid(v))
        return bad("--month perlu bulan YYYY-MM (misalnya 2024-08), bukan '%s'", v);
    else
        snprintf(o->sc.month, sizeof o->sc.month, "%s", v);
    return 0;
}

/* Reads the arguments into o. Returns 0, 1 when help was printed, -1 on a bad argument. */
static int read_args(int argc, char **argv, options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' && !o->name) {
            o->name = a;
            continue;
        }
        if (a[0] != '-')
            return bad("argumen berlebih: '%s'", a);
        int used, rc = read_option(a, i + 1 < argc ? argv[i + 1] : NULL, o, &used);
        if (rc)
            return rc;
        i += used;
    }
    return 0;
}

/* Checks the options read. 0 or -1 (message given). */
static int check_args(options *o)
{
    if (!o->name)
        return bad("nama laporan tidak diberikan%s", "");
    if (!o->pub && !o->tl && o->kind < 0)
        return bad("laporan '%s' tidak dikenal", o->name);
    if (o->status && !o->tl)
        return bad("--status hanya untuk tindak-lanjut%s", "");
    if (o->tl && o->status && strcmp(o->status, "open") && strcmp(o->status, "overdue") &&
        strcmp(o->status, "all"))
        return bad("--status adalah open, overdue atau all, bukan '%s'", o->status);
    if (o->tl && !o->sc.wilayah)
        return bad("tindak-lanjut perlu --wilayah KODE%s", "");
    if (o->sc.wilayah && o->sc.posyandu_id > 0)
        return bad("pilih salah satu: --wilayah atau --posyandu%s", "");
    if (!o->sc.wilayah && o->sc.posyandu_id <= 0)
        return bad("--wilayah KODE atau --posyandu ID harus diberikan%s", "");
    if (!o->sc.month[0] && (o->kind == TB_REPORT_KRS || o->kind == TB_REPORT_KRS_TARGET ||
                            o->kind == TB_REPORT_KRS_KELUARGA || o->kind == TB_REPORT_VERVAL))
        tb_this_month(o->sc.month); /* the census status now; visits since 1 January */
    if (!o->sc.month[0] && !o->tl)
        return bad("--month YYYY-MM harus diberikan%s", "");
    char now[8];
    tb_this_month(now);
    if (strcmp(o->sc.month, now) > 0)
        return bad("bulan %s belum tiba", o->sc.month);
    if (strcmp(o->format, "csv") && strcmp(o->format, "xlsx") && strcmp(o->format, "pdf"))
        return bad("--format adalah csv, xlsx atau pdf, bukan '%s'", o->format);
    if ((o->pub || strcmp(o->format, "csv")) && !o->out)
        return bad("-o FILE diperlukan untuk %s", o->pub ? "publikasi" : o->format);
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
    o->tl = o->name && !strcmp(o->name, "tindak-lanjut");
    o->kind = o->name ? tb_report_lookup(o->name) : -1;
    return check_args(o);
}

/* The area or posyandu asked for must be in the database. 0, or 1 (message given). */
static int check_scope(tb_store *s, const options *o)
{
    char nama[128];
    int found;
    if (o->sc.wilayah) {
        found = tb_store_wilayah_get(s, o->sc.wilayah, nama, sizeof nama);
        if (found == 0)
            fprintf(stderr,
                    "tumbuh report: wilayah %s tidak ada di basis data (kode Kemendagri"
                    " bertitik, misalnya 35.99.01)\n",
                    o->sc.wilayah);
        if (found == 1 && (found = tb_store_wilayah_served(s, o->sc.wilayah)) == 0)
            fprintf(stderr,
                    "tumbuh report: wilayah %s (%s) ada di daftar kode wilayah nasional, tetapi"
                    " di luar kabupaten yang dilayani basis data ini; pakai kode kabupaten,"
                    " kecamatan atau desa Anda\n",
                    o->sc.wilayah, nama);
    } else {
        tb_posyandu_info pi;
        found = tb_store_posyandu_info(s, o->sc.posyandu_id, &pi);
        if (found == 0)
            fprintf(stderr, "tumbuh report: posyandu %ld tidak ada di basis data\n",
                    o->sc.posyandu_id);
    }
    if (found < 0)
        fprintf(stderr, "tumbuh report: %s\n", tb_store_error(s));
    return found == 1 ? 0 : 1;
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
    if (tb_store_open_readonly(tb_store_default_path(NULL), &s, err, sizeof err)) {
        fprintf(stderr, "tumbuh report: %s\n", err);
        return 1;
    }
    if (check_scope(s, o)) {
        tb_store_close(s);
        return 1;
    }
    tb_table *t[PUB_TABLES] = {NULL, NULL, NULL};
    int nt = 0, want = o->pub ? PUB_TABLES : 1;
    if (o->tl) {
        char today[11], month[8];
        tb_today_iso(today);
        tb_this_month(month);
        tb_tindakan_filter f = {
            .wilayah = o->sc.wilayah, .status = o->status ? o->status : "open", .today = today};
        nt = tb_report_tindak_lanjut(s, &f, month, &t[0]) == 0;
    }
    while (!o->tl && nt < want &&
           tb_report_run(s, o->pub ? pub_kinds[nt] : (tb_report_kind)o->kind, &o->sc, &t[nt]) == 0)
        nt++;
    int status = 1;
    if (nt < want)
        fprintf(stderr, "tumbuh report: %s\n", tb_store_error(s));
    else if (render(o, t, nt))
        fprintf(stderr, "tumbuh report: tidak dapat menulis %s: %s\n", o->out ? o->out : "stdout",
                errno ? strerror(errno) : "gagal menulis");
    else
        status = 0;
    for (int i = 0; i < PUB_TABLES; i++)
        tb_table_free(t[i]);
    tb_store_close(s);
    return status;
}

int tb_cmd_report(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) /* the name: not an option, nor an option's value */
        if (argv[i][0] != '-' && (argv[i - 1][0] != '-' || !strcmp(argv[i - 1], "--names"))) {
            if (tb_report_cakupan_name(argv[i]))
                return tb_cmd_report_cakupan(argc, argv);
            break;
        }
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc > 0 ? 0 : 2;
    return run_report(&o);
}
