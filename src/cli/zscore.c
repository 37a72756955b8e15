/*
 * zscore.c - `tumbuh zscore`: z-scores, flags and categories for a CSV file.
 *
 *   tumbuh zscore [-o OUT] [--strict] [--threads N] [--anthroplus 1.0|1.1] [FILE|-]
 *
 * Parses the options, runs the pipeline of format/zscore_csv.h from the
 * file (or stdin) to OUT (or stdout), and prints the summary. Diagnostics go
 * to stderr prefixed "tumbuh zscore: "; the first 50 unreadable values are
 * shown. A failed run leaves no output file behind (base/outfile.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/outfile.h"
#include "cli/commands.h"
#include "format/zscore_csv.h"

#define MAX_WARNINGS_SHOWN 50

typedef struct {
    int threads;
    bool strict;
    const char *out_path;
    const char *in_path;
    tb_plus_limits plus;
} options;

static void usage(FILE *f)
{
    fprintf(f, "pemakaian: tumbuh zscore [-o OUT] [--strict] [--threads N] [--anthroplus 1.0|1.1] "
               "[FILE|-]\n"
               "Menambahkan z-score WHO, flag dan kategori Permenkes 2/2020 pada setiap baris\n"
               "file CSV (kolom yang dibaca dan ditulis: lihat README.md).\n");
}

/* Reads the value of --threads or --anthroplus into o. Returns 0 or -1 (message given). */
static int parse_value(const char *opt, const char *v, options *o)
{
    if (!strcmp(opt, "--threads")) {
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || n < 1 || n > 64) {
            fprintf(stderr, "tumbuh zscore: --threads perlu angka 1 sampai 64, bukan '%s'\n", v);
            return -1;
        }
        o->threads = (int)n;
    } else if (!strcmp(v, "1.0")) {
        o->plus = TB_PLUS_LIMITS_1_0;
    } else if (!strcmp(v, "1.1")) {
        o->plus = TB_PLUS_LIMITS_1_1;
    } else {
        fprintf(stderr, "tumbuh zscore: --anthroplus adalah 1.0 atau 1.1, bukan '%s'\n", v);
        return -1;
    }
    return 0;
}

/* Fills o from the arguments. Returns 0, 1 when help was printed, -1 on a usage error. */
static int parse_args(int argc, char **argv, options *o)
{
    *o = (options){1, false, NULL, "-", TB_PLUS_LIMITS_1_0};
    int files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-o") && i + 1 < argc) {
            o->out_path = argv[++i];
        } else if (!strcmp(a, "--strict")) {
            o->strict = true;
        } else if ((!strcmp(a, "--threads") || !strcmp(a, "--anthroplus")) && i + 1 < argc) {
            if (parse_value(a, argv[++i], o))
                return -1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tumbuh zscore: opsi tidak dikenal: '%s'\n", a);
            usage(stderr);
            return -1;
        } else {
            o->in_path = a;
            files++;
        }
    }
    if (files > 1) {
        fprintf(stderr, "tumbuh zscore: satu file masukan setiap kali\n");
        return -1;
    }
    return 0;
}

static void on_message(void *ud, const char *line, size_t len)
{
    (void)ud;
    fprintf(stderr, "tumbuh zscore: %.*s", (int)len, line);
}

/* Progress on a terminal: percent of the input read, at most 4 times a second. */
typedef struct {
    long long total;
    double last;
} progress;

static void on_progress(void *ud, long long done)
{
    progress *p = ud;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double now = ts.tv_sec + ts.tv_nsec / 1e9;
    if (now - p->last < 0.25)
        return;
    p->last = now;
    fprintf(stderr, "\rtumbuh zscore: %3d%%", p->total > 0 ? (int)(100 * done / p->total) : 0);
}

/* Opens the output (OUT.tmp, or stdout) with a large buffer. Returns 0 or -1 (message given). */
static int open_output(const options *o, tb_outfile *of)
{
    static char obuf[1 << 20];
    if (tb_outfile_open(of, o->out_path)) {
        if (of->tmp)
            fprintf(stderr, "tumbuh zscore: tidak dapat menulis %s: %s\n", of->tmp,
                    strerror(errno));
        else
            fprintf(stderr, "tumbuh zscore: memori habis\n");
        return -1;
    }
    setvbuf(of->f, obuf, _IOFBF, sizeof obuf);
    return 0;
}

/* Ends the output: renamed into place when ok. Returns ok's status, or 1 when that failed. */
static int close_output(const options *o, tb_outfile *of, int status)
{
    bool to_stdout = of->f == stdout;
    tb_outfile_status st = tb_outfile_close(of, status == 0);
    if (st == TB_OUTFILE_ERR_CLOSE)
        fprintf(stderr, "tumbuh zscore: gagal menulis keluaran: %s\n", strerror(errno));
    else if (st == TB_OUTFILE_ERR_RENAME)
        fprintf(stderr, "tumbuh zscore: tidak dapat menulis %s: %s\n", o->out_path,
                strerror(errno));
    if (to_stdout)
        setvbuf(stdout, NULL, _IONBF, 0);
    return st == TB_OUTFILE_OK ? status : 1;
}

static void print_summary(const tb_zscore_csv_stats *st)
{
    if (st->warnings > st->shown)
        fprintf(stderr, "tumbuh zscore: ... %ld peringatan lain tidak ditampilkan\n",
                st->warnings - st->shown);
    fprintf(stderr, "tumbuh zscore: %ld baris, %ld nilai tidak terbaca (dianggap kosong)\n",
            st->rows, st->warnings);
}

/* Runs the pipeline from in to the output; prints the summary on success. Returns 0 or 1. */
static int run(const options *o, FILE *in, progress *pg)
{
    tb_zscore_csv_options zo = {.name = o->in_path,
                                .plus = o->plus,
                                .threads = o->threads,
                                .strict = o->strict,
                                .max_warnings_shown = MAX_WARNINGS_SHOWN,
                                .message = on_message,
                                .progress = pg ? on_progress : NULL,
                                .ud = pg};
    tb_zscore_csv *z = tb_zscore_csv_open(in, &zo);
    if (!z)
        return 1;
    int status = 1;
    tb_outfile of = {0};
    if (open_output(o, &of) == 0) {
        tb_zscore_csv_stats st;
        int rc = tb_zscore_csv_run(z, of.f, &st);
        if (pg)
            fprintf(stderr, "\r");
        if (rc == 0 && (fflush(of.f) || ferror(of.f)))
            fprintf(stderr, "tumbuh zscore: gagal menulis keluaran: %s\n", strerror(errno));
        else if (rc == 0) {
            print_summary(&st);
            status = 0;
        }
    }
    status = close_output(o, &of, status);
    tb_zscore_csv_close(z);
    return status;
}

int tb_cmd_zscore(int argc, char **argv)
{
    options o;
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc > 0 ? 0 : 2;
    FILE *in = stdin;
    if (strcmp(o.in_path, "-") && !(in = fopen(o.in_path, "rb"))) {
        fprintf(stderr, "tumbuh zscore: tidak dapat membuka %s: %s\n", o.in_path, strerror(errno));
        return 1;
    }
    /* a progress display for a big file read on a terminal */
    progress pg = {0, 0};
    struct stat sb;
    if (!fstat(fileno(in), &sb) && S_ISREG(sb.st_mode))
        pg.total = sb.st_size;
    bool show_progress = isatty(2) && pg.total > (16 << 20);
    int status = run(&o, in, show_progress ? &pg : NULL);
    if (in != stdin)
        fclose(in);
    return status;
}
