/*
 * prevalence.c - `tumbuh prevalence`: WHO's prevalence estimates for a CSV file.
 *
 *   tumbuh prevalence [--cluster COL] [--strata COL] [--weight COL] [--by COL]
 *                     [--format long|anthro] [-o OUT] FILE
 *
 * Parses the options, computes the estimates with format/prevalence_csv.h,
 * writes them to OUT (renamed into place only on success) or stdout, and
 * prints on stderr what was left out and how many rows were analysed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/outfile.h"
#include "cli/commands.h"
#include "format/prevalence_csv.h"

typedef struct {
    const char *cluster, *strata, *weight, *by;
    const char *format;
    const char *out;
    const char *in;
} options;

static void usage(FILE *f)
{
    fprintf(
        f, "pemakaian: tumbuh prevalence [--cluster COL] [--strata COL] [--weight COL] [--by COL]\n"
           "                         [--format long|anthro] [-o OUT] FILE\n"
           "Prevalensi di bawah -3/-2/-1 dan di atas +1/+2/+3 SD, rata-rata dan SD zlen, zwei,\n"
           "zwfl dan zbmi, stunting dengan wasting dan dengan gizi lebih, dengan SE dan IK 95%%\n"
           "(metode WHO; desain kompleks seperti paket survey R).\n");
}

/* Where the value of an option goes, or NULL when a is not an option taking one. */
static const char **option_value(options *o, const char *a)
{
    static const char *const names[] = {"--cluster", "--strata", "--weight",
                                        "--by",      "--format", "-o"};
    const char **dst[] = {&o->cluster, &o->strata, &o->weight, &o->by, &o->format, &o->out};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (!strcmp(a, names[k]))
            return dst[k];
    return NULL;
}

/* Fills o from the arguments. Returns 0, 1 when help was printed, -1 on a usage error. */
static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    o->format = "long";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = option_value(o, a);
        if (dst) {
            if (i + 1 >= argc) {
                fprintf(stderr, "tumbuh prevalence: %s perlu nilai\n", a);
                return -1;
            }
            *dst = argv[++i];
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tumbuh prevalence: opsi tidak dikenal: '%s'\n", a);
            return -1;
        } else if (o->in) {
            fprintf(stderr, "tumbuh prevalence: satu file masukan setiap kali\n");
            return -1;
        } else {
            o->in = a;
        }
    }
    if (strcmp(o->format, "long") && strcmp(o->format, "anthro")) {
        fprintf(stderr, "tumbuh prevalence: --format adalah long atau anthro, bukan '%s'\n",
                o->format);
        return -1;
    }
    if (!o->in) {
        usage(stderr);
        return -1;
    }
    return 0;
}

/* Opens OUT.tmp, or stdout. Returns 0 or -1 (message given). */
static int open_output(const options *o, tb_outfile *of)
{
    if (tb_outfile_open(of, o->out) == 0)
        return 0;
    if (of->tmp)
        fprintf(stderr, "tumbuh prevalence: tidak dapat menulis %s: %s\n", of->tmp,
                strerror(errno));
    else
        fprintf(stderr, "tumbuh prevalence: memori habis\n");
    return -1;
}

/* Writes the estimates in the format asked for. Returns 0 or -1 (message given). */
static int write_estimates(const options *o, const tb_prevalence *p, FILE *out)
{
    tb_prevalence_write(p, out,
                        strcmp(o->format, "anthro") ? TB_PREVALENCE_LONG : TB_PREVALENCE_ANTHRO);
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "tumbuh prevalence: gagal menulis keluaran: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

/* Ends the output: renamed into place when status is 0. Returns status, or 1 when that failed. */
static int close_output(const options *o, tb_outfile *of, int status)
{
    tb_outfile_status st = tb_outfile_close(of, status == 0);
    if (st == TB_OUTFILE_ERR_RENAME)
        fprintf(stderr, "tumbuh prevalence: tidak dapat menulis %s: %s\n", o->out, strerror(errno));
    return st == TB_OUTFILE_OK ? status : 1;
}

static void print_summary(const tb_prevalence_stats *st)
{
    if (st->excluded_design)
        fprintf(stderr, "tumbuh prevalence: %ld baris tidak dihitung: tanpa klaster atau strata\n",
                st->excluded_design);
    if (st->missing_weight)
        fprintf(stderr,
                "tumbuh prevalence: %ld baris tanpa bobot sampel: bobot 0 (tidak dihitung)\n",
                st->missing_weight);
    if (st->unread)
        fprintf(stderr, "tumbuh prevalence: %ld nilai tidak terbaca (dianggap kosong)\n",
                st->unread);
    fprintf(stderr,
            "tumbuh prevalence: %ld baris dianalisis, %ld di atas 1826 hari tidak dihitung\n",
            st->rows, st->excluded_age);
}

int tb_cmd_prevalence(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc > 0 ? 0 : 2;
    FILE *in = strcmp(o.in, "-") ? fopen(o.in, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "tumbuh prevalence: tidak dapat membuka %s: %s\n", o.in, strerror(errno));
        return 1;
    }
    tb_prevalence_options po = {o.in, o.cluster, o.strata, o.weight, o.by};
    tb_prevalence_stats st;
    char err[8192];
    tb_prevalence *p = tb_prevalence_csv(in, &po, &st, err, sizeof err);
    if (in != stdin)
        fclose(in);
    int status = 1;
    tb_outfile of = {0};
    if (!p) {
        fprintf(stderr, "tumbuh prevalence: %s\n", err);
    } else if (open_output(&o, &of) == 0 && write_estimates(&o, p, of.f) == 0) {
        print_summary(&st);
        status = 0;
    }
    status = close_output(&o, &of, status);
    tb_prevalence_free(p);
    return status;
}
