/*
 * cmd_zscore.c - `tumbuh zscore`: z-scores, flags and categories for a CSV file.
 *
 *   tumbuh zscore [-o OUT] [--strict] [--threads N] [--anthroplus 1.0|1.1] [FILE|-]
 *
 * Streams: every input row is written out in input order, its bytes
 * unchanged, with the computed columns appended. Rows travel in batches; with
 * --threads N, N workers compute batches while the main thread reads and
 * writes, and batches are written in the order they were read. Memory is
 * bounded by the batches in flight, whatever the file size.
 *
 * Errors: a value that cannot be read is missing (warning with line and
 * column); --strict stops at the first one. A file that is not CSV or lacks
 * the needed columns stops the run with no output file left behind (output
 * goes to OUT.tmp and is renamed only on success).
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "format/anthro_input.h"
#include "cli/commands.h"
#include "format/csv.h"
#include "tb_growth.h"
#include "base/who_tables.h"

#define BATCH_ROWS 4096
#define MAX_WARNINGS_SHOWN 50

static const char *const out_columns =
    "age_days,age_months,clenhei,cmeasure,cbmi,zlen,flen,zwei,fwei,zwfl,fwfl,zbmi,fbmi,zhc,fhc,"
    "zac,fac,zts,fts,zss,fss,zhfa,fhfa,zwfa,fwfa,zbfa,fbfa,bbu,tbu,bbtb,imtu";

/* A growable byte buffer. */
typedef struct {
    char *p;
    size_t len, cap;
} buf;

/* Makes room for n more bytes; returns 0 or -1 when memory runs out. */
static int buf_reserve(buf *b, size_t n)
{
    if (b->len + n <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + n)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

/* A batch of records: copied input, then (after processing) the output text. */
typedef struct {
    int n;
    buf in;              /* per record: raw bytes, then each field NUL-terminated */
    size_t *rec_off;     /* [n] start of record in `in` */
    size_t *raw_len;     /* [n] */
    int *nfields;        /* [n] */
    long *line;          /* [n] */
    size_t *fld;         /* field offsets, BATCH_ROWS * max_fields at most (grown) */
    size_t *fld_len;
    size_t nfld, fld_cap;
    int *fld_start;      /* [n] index into fld */
    buf out;             /* output text */
    buf warn;            /* warning lines, already formatted */
    long nwarn;          /* values that could not be read */
    int state;           /* 0 free, 1 filled, 2 done */
    long seq;
} batch;

typedef struct {
    const tb_who_tables *tables;
    const tb_anthro_columns *cols;
    char delim;
    bool decimal_comma;   /* parse ',' as a decimal separator */
    char out_sep;         /* decimal separator written */
    int header_fields;
    char **header_names;  /* for warnings */
} job;

/* Appends a fixed-point number (or nothing when NAN) after a delimiter. */
static char *put_num(char *o, char delim, double v, int decimals, char sep)
{
    *o++ = delim;
    o += tb_format_fixed(o, v, decimals, sep);
    return o;
}

static char *put_str(char *o, char delim, const char *s)
{
    *o++ = delim;
    size_t n = strlen(s);
    memcpy(o, s, n);
    return o + n;
}

static char *put_flag(char *o, char delim, int f)
{
    *o++ = delim;
    if (f >= 0)
        *o++ = (char)('0' + f);
    return o;
}

/*
 * Computes one record and appends its output line to out, and any warnings
 * to warn (counted in *nwarn). Returns 0 or -1 (no memory).
 */
static int process_row(const job *j, const tb_csv_row *row, buf *out, buf *warn, long *nwarn)
{
    tb_growth_input in;
    tb_anthro_problem probs[8];
    int np = tb_anthro_row_read(j->cols, row, j->decimal_comma, &in, probs, 8);
    if (np) {
        *nwarn += np;
        for (int k = 0; k < np && k < 8; k++) {
            const char *hdr = probs[k].field < j->header_fields ? j->header_names[probs[k].field]
                                                                : tb_col_name(probs[k].col);
            const char *val = probs[k].field < row->nfields ? row->fields[probs[k].field] : "";
            char line[512];
            int len = snprintf(line, sizeof line,
                               "line %ld, column %d (%s): '%.40s' %s; treated as missing\n",
                               row->line, probs[k].field + 1, hdr, val, probs[k].reason);
            if (len < 0)
                continue;
            if ((size_t)len >= sizeof line)
                len = sizeof line - 1;
            if (buf_reserve(warn, (size_t)len))
                return -1;
            memcpy(warn->p + warn->len, line, (size_t)len);
            warn->len += (size_t)len;
        }
    }
    tb_growth_result r;
    tb_growth_compute(j->tables, &in, &r);

    if (buf_reserve(out, row->raw_len + 600))
        return -1;
    char *o = out->p + out->len;
    memcpy(o, row->raw, row->raw_len);
    o += row->raw_len;
    char d = j->delim, sep = j->out_sep;
    *o++ = d;
    if (r.age_days >= 0)
        o += tb_format_fixed(o, r.age_days, 0, sep);
    o = put_num(o, d, r.age_months, 2, sep);
    o = put_num(o, d, r.clenhei, 2, sep);
    *o++ = d;
    if (r.cmeasure != TB_MEASURE_MISSING)
        *o++ = (char)r.cmeasure;
    o = put_num(o, d, r.cbmi, 2, sep);
    for (int k = 0; k < TB_IND_COUNT; k++) {
        o = put_num(o, d, r.z[k], 2, sep);
        o = put_flag(o, d, r.flag[k]);
    }
    o = put_str(o, d, tb_cat_bbu_code(r.bbu));
    o = put_str(o, d, tb_cat_tbu_code(r.tbu));
    o = put_str(o, d, tb_cat_gizi_code(r.bbtb));
    o = put_str(o, d, tb_cat_gizi_code(r.imtu));
    *o++ = '\n';
    out->len = (size_t)(o - out->p);
    return 0;
}

/* Computes and formats every record of a batch. Returns 0 or -1 (no memory). */
static int process_batch(const job *j, batch *b)
{
    b->out.len = 0;
    b->warn.len = 0;
    b->nwarn = 0;
    char *fields[4096];
    size_t lens[4096];
    for (int i = 0; i < b->n; i++) {
        tb_csv_row row;
        row.nfields = b->nfields[i] < 4096 ? b->nfields[i] : 4096;
        for (int k = 0; k < row.nfields; k++) {
            fields[k] = b->in.p + b->fld[b->fld_start[i] + k];
            lens[k] = b->fld_len[b->fld_start[i] + k];
        }
        row.fields = fields;
        row.lens = lens;
        row.raw = b->in.p + b->rec_off[i];
        row.raw_len = b->raw_len[i];
        row.line = b->line[i];
        row.record = 0;
        if (process_row(j, &row, &b->out, &b->warn, &b->nwarn))
            return -1;
    }
    return 0;
}

/* Copies a record into a batch. Returns 0 or -1 when memory runs out. */
static int batch_add(batch *b, const tb_csv_row *row)
{
    size_t need = row->raw_len + 1;
    for (int k = 0; k < row->nfields; k++)
        need += row->lens[k] + 1;
    if (buf_reserve(&b->in, need))
        return -1;
    if (b->nfld + (size_t)row->nfields > b->fld_cap) {
        size_t cap = b->fld_cap ? b->fld_cap : 65536;
        while (cap < b->nfld + (size_t)row->nfields)
            cap *= 2;
        size_t *f = realloc(b->fld, cap * sizeof *f);
        if (!f)
            return -1;
        b->fld = f;
        size_t *fl = realloc(b->fld_len, cap * sizeof *fl);
        if (!fl)
            return -1;
        b->fld_len = fl;
        b->fld_cap = cap;
    }
    int i = b->n++;
    b->rec_off[i] = b->in.len;
    b->raw_len[i] = row->raw_len;
    b->nfields[i] = row->nfields;
    b->line[i] = row->line;
    b->fld_start[i] = (int)b->nfld;
    memcpy(b->in.p + b->in.len, row->raw, row->raw_len);
    b->in.len += row->raw_len;
    b->in.p[b->in.len++] = 0;
    for (int k = 0; k < row->nfields; k++) {
        b->fld[b->nfld] = b->in.len;
        b->fld_len[b->nfld++] = row->lens[k];
        memcpy(b->in.p + b->in.len, row->fields[k], row->lens[k]);
        b->in.len += row->lens[k];
        b->in.p[b->in.len++] = 0;
    }
    return 0;
}

static void batch_reset(batch *b)
{
    b->n = 0;
    b->in.len = 0;
    b->nfld = 0;
    b->out.len = 0;
    b->warn.len = 0;
    b->nwarn = 0;
}

static int batch_init(batch *b)
{
    memset(b, 0, sizeof *b);
    b->rec_off = malloc(BATCH_ROWS * sizeof *b->rec_off);
    b->raw_len = malloc(BATCH_ROWS * sizeof *b->raw_len);
    b->nfields = malloc(BATCH_ROWS * sizeof *b->nfields);
    b->line = malloc(BATCH_ROWS * sizeof *b->line);
    b->fld_start = malloc(BATCH_ROWS * sizeof *b->fld_start);
    return (b->rec_off && b->raw_len && b->nfields && b->line && b->fld_start) ? 0 : -1;
}

static void batch_free(batch *b)
{
    free(b->rec_off);
    free(b->raw_len);
    free(b->nfields);
    free(b->line);
    free(b->fld_start);
    free(b->fld);
    free(b->fld_len);
    free(b->in.p);
    free(b->out.p);
    free(b->warn.p);
}

/* --- the pipeline ---------------------------------------------------------- */

typedef struct {
    const job *j;
    batch *ring;
    int nring;
    long next_to_take; /* sequence number a worker takes next */
    bool done;         /* no more batches will be filled */
    bool failed;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} pipeline;

/* Worker: takes filled batches in sequence order and processes them. */
static void *worker_main(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        batch *b = NULL;
        for (;;) {
            b = &p->ring[p->next_to_take % p->nring];
            if (b->state == 1 && b->seq == p->next_to_take)
                break;
            if (p->done && (b->state != 1 || b->seq != p->next_to_take)) {
                pthread_mutex_unlock(&p->mu);
                return NULL;
            }
            pthread_cond_wait(&p->cv, &p->mu);
        }
        p->next_to_take++;
        pthread_mutex_unlock(&p->mu);
        int rc = process_batch(p->j, b);
        pthread_mutex_lock(&p->mu);
        if (rc)
            p->failed = true;
        b->state = 2;
        pthread_cond_broadcast(&p->cv);
    }
}

typedef struct {
    FILE *out;
    bool strict;
    long rows;
    long warnings;
    long shown;
    bool stop; /* strict mode hit a problem */
} writer;

/* Writes a processed batch's output and warnings. Returns 0 or -1 (write error). */
static int write_batch(writer *w, batch *b)
{
    if (b->nwarn) {
        w->warnings += b->nwarn;
        /* print warnings, up to the limit */
        const char *s = b->warn.p, *end = b->warn.p + b->warn.len;
        while (s < end && w->shown < MAX_WARNINGS_SHOWN) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            size_t n = nl ? (size_t)(nl - s + 1) : (size_t)(end - s);
            fprintf(stderr, "tumbuh zscore: %.*s", (int)n, s);
            s += n;
            w->shown++;
            if (w->strict)
                break;
        }
        if (w->strict) {
            w->stop = true;
            return 0;
        }
    }
    w->rows += b->n;
    if (b->out.len && fwrite(b->out.p, 1, b->out.len, w->out) != b->out.len)
        return -1;
    return 0;
}

/*
 * With p->mu held: waits for batch *to_write to be computed, writes it (with
 * the lock released) and frees its slot. Returns 0, or -1 on a write error.
 */
static int write_next(pipeline *p, writer *w, long *to_write)
{
    batch *wb = &p->ring[*to_write % p->nring];
    while (wb->state != 2)
        pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
    int rc = write_batch(w, wb);
    pthread_mutex_lock(&p->mu);
    wb->state = 0;
    (*to_write)++;
    return rc;
}

typedef struct {
    int threads;
    bool strict;
    const char *out_path;
    const char *in_path;
    tb_plus_limits plus;
} options;

static void usage(FILE *f)
{
    fprintf(f, "usage: tumbuh zscore [-o OUT] [--strict] [--threads N] [--anthroplus 1.0|1.1] "
               "[FILE|-]\n"
               "Appends WHO z-scores, flags and Permenkes 2/2020 categories to every row of a CSV\n"
               "file (see README.md for the columns read and written).\n");
}

static int parse_args(int argc, char **argv, options *o)
{
    o->threads = 1;
    o->strict = false;
    o->out_path = NULL;
    o->in_path = "-";
    o->plus = TB_PLUS_LIMITS_1_1;
    int files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-o") && i + 1 < argc)
            o->out_path = argv[++i];
        else if (!strcmp(a, "--strict"))
            o->strict = true;
        else if (!strcmp(a, "--threads") && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 64) {
                fprintf(stderr, "tumbuh zscore: --threads takes a number from 1 to 64\n");
                return -1;
            }
            o->threads = (int)n;
        } else if (!strcmp(a, "--anthroplus") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "1.0"))
                o->plus = TB_PLUS_LIMITS_1_0;
            else if (!strcmp(v, "1.1"))
                o->plus = TB_PLUS_LIMITS_1_1;
            else {
                fprintf(stderr, "tumbuh zscore: --anthroplus takes 1.0 or 1.1\n");
                return -1;
            }
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tumbuh zscore: unknown option '%s'\n", a);
            usage(stderr);
            return -1;
        } else {
            o->in_path = a;
            files++;
        }
    }
    if (files > 1) {
        fprintf(stderr, "tumbuh zscore: one input file at a time\n");
        return -1;
    }
    return 0;
}

/* Progress on a terminal: percent of the input read, at most 4 times a second. */
static void progress(long long done, long long total, double *last)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double now = ts.tv_sec + ts.tv_nsec / 1e9;
    if (now - *last < 0.25)
        return;
    *last = now;
    fprintf(stderr, "\rtumbuh zscore: %3d%%", total > 0 ? (int)(100 * done / total) : 0);
}

int tb_cmd_zscore(int argc, char **argv)
{
    options opt;
    if (parse_args(argc, argv, &opt))
        return 2;

    FILE *in = stdin;
    if (strcmp(opt.in_path, "-")) {
        in = fopen(opt.in_path, "rb");
        if (!in) {
            fprintf(stderr, "tumbuh zscore: cannot open %s: %s\n", opt.in_path, strerror(errno));
            return 1;
        }
    }
    long long total_bytes = 0;
    struct stat st;
    if (!fstat(fileno(in), &st) && S_ISREG(st.st_mode))
        total_bytes = st.st_size;
    bool show_progress = isatty(2) && total_bytes > (16 << 20);

    int status = 1;
    char *tmp_path = NULL;
    FILE *out = NULL;
    tb_csv_reader *r = tb_csv_open(in, NULL);
    batch *ring = NULL;
    int nring = 0;
    pthread_t *thr = NULL;
    int nthr = 0;
    char **header_names = NULL;
    int header_fields = 0;
    pipeline p;
    bool pipeline_started = false;
    if (!r) {
        fprintf(stderr, "tumbuh zscore: out of memory\n");
        goto done;
    }

    /* Header. */
    tb_csv_row row;
    tb_csv_status cs = tb_csv_next(r, &row);
    if (cs == TB_CSV_EOF) {
        fprintf(stderr, "tumbuh zscore: %s is empty: a CSV file with a header row is needed\n",
                opt.in_path);
        goto done;
    }
    if (cs != TB_CSV_OK) {
        fprintf(stderr, "tumbuh zscore: %s is not a readable CSV file: %s\n", opt.in_path,
                tb_csv_error(r));
        goto done;
    }
    tb_anthro_columns cols;
    char err[256];
    if (tb_anthro_columns_find(&row, &cols, err, sizeof err)) {
        fprintf(stderr, "tumbuh zscore: %s: %s\n", opt.in_path, err);
        goto done;
    }
    header_fields = row.nfields;
    header_names = calloc((size_t)header_fields, sizeof *header_names);
    if (!header_names)
        goto done;
    for (int i = 0; i < header_fields; i++)
        if (!(header_names[i] = strdup(row.fields[i])))
            goto done;

    char delim = tb_csv_delimiter(r);
    tb_who_tables tables = tb_who_tables_builtin;
    tables.plus_limits = opt.plus;
    job j = {&tables, &cols, delim, delim != ',', delim == ';' ? ',' : '.', header_fields,
             header_names};

    /* Output: OUT.tmp, renamed on success. */
    if (opt.out_path) {
        size_t n = strlen(opt.out_path) + 8;
        tmp_path = malloc(n);
        if (!tmp_path)
            goto done;
        snprintf(tmp_path, n, "%s.tmp", opt.out_path);
        out = fopen(tmp_path, "wb");
        if (!out) {
            fprintf(stderr, "tumbuh zscore: cannot write %s: %s\n", tmp_path, strerror(errno));
            goto done;
        }
    } else {
        out = stdout;
    }
    static char obuf[1 << 20];
    setvbuf(out, obuf, _IOFBF, sizeof obuf);

    /* Output header: the input header unchanged, then ours (delimiter adapted). */
    fwrite(row.raw, 1, row.raw_len, out);
    fputc(delim, out);
    for (const char *c = out_columns; *c; c++)
        fputc(*c == ',' ? delim : *c, out);
    fputc('\n', out);

    nring = opt.threads > 1 ? 2 * opt.threads + 2 : 1;
    ring = calloc((size_t)nring, sizeof *ring);
    if (!ring)
        goto done;
    for (int i = 0; i < nring; i++)
        if (batch_init(&ring[i]))
            goto done;

    writer w = {out, opt.strict, 0, 0, 0, false};
    double last_progress = 0;
    p = (pipeline){&j, ring, nring, 0, false, false, PTHREAD_MUTEX_INITIALIZER,
                   PTHREAD_COND_INITIALIZER};
    if (opt.threads > 1) {
        thr = calloc((size_t)opt.threads, sizeof *thr);
        if (!thr)
            goto done;
        for (int i = 0; i < opt.threads; i++) {
            if (pthread_create(&thr[i], NULL, worker_main, &p))
                break;
            nthr++;
        }
        pipeline_started = true;
    }

    long seq = 0;     /* next batch to fill */
    long to_write = 0;/* next batch to write */
    bool eof = false;
    bool failed = false;
    while (!eof && !w.stop && !failed) {
        batch *b = &ring[seq % nring];
        if (nthr) {
            /* wait until this slot is free, writing finished batches in order */
            pthread_mutex_lock(&p.mu);
            while (b->state != 0) {
                if (write_next(&p, &w, &to_write))
                    failed = true;
                if (failed || w.stop)
                    break;
            }
            pthread_mutex_unlock(&p.mu);
            if (failed || w.stop)
                break;
        }
        batch_reset(b);
        while (b->n < BATCH_ROWS) {
            cs = tb_csv_next(r, &row);
            if (cs == TB_CSV_EOF) {
                eof = true;
                break;
            }
            if (cs != TB_CSV_OK) {
                fprintf(stderr, "tumbuh zscore: %s: %s\n", opt.in_path, tb_csv_error(r));
                failed = true;
                break;
            }
            if (row.nfields != header_fields && !w.stop) {
                fprintf(stderr, "tumbuh zscore: line %ld has %d fields, the header %d\n", row.line,
                        row.nfields, header_fields);
                if (opt.strict) {
                    w.stop = true;
                    break;
                }
            }
            /* one thread: compute straight from the reader, no copy */
            int rc = nthr ? batch_add(b, &row)
                          : process_row(&j, &row, &b->out, &b->warn, &b->nwarn);
            if (rc) {
                failed = true;
                break;
            }
            if (!nthr)
                b->n++;
        }
        if (failed || w.stop)
            break;
        if (show_progress)
            progress(tb_csv_bytes_read(r), total_bytes, &last_progress);
        if (nthr) {
            pthread_mutex_lock(&p.mu);
            b->seq = seq;
            b->state = 1;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
        } else {
            if (write_batch(&w, b))
                failed = true;
        }
        seq++;
    }
    if (nthr) {
        pthread_mutex_lock(&p.mu);
        p.done = true;
        pthread_cond_broadcast(&p.cv);
        /* write what remains, in order */
        while (to_write < seq && !failed && !w.stop)
            if (write_next(&p, &w, &to_write))
                failed = true;
        if (p.failed)
            failed = true;
        pthread_mutex_unlock(&p.mu);
    }
    if (show_progress)
        fprintf(stderr, "\r");
    if (failed || w.stop)
        goto done;
    if (fflush(out) || ferror(out)) {
        fprintf(stderr, "tumbuh zscore: write error: %s\n", strerror(errno));
        goto done;
    }
    if (w.warnings > w.shown)
        fprintf(stderr, "tumbuh zscore: ... %ld more warnings not shown\n",
                w.warnings - w.shown);
    fprintf(stderr, "tumbuh zscore: %ld rows, %ld values could not be read (treated as missing)\n",
            w.rows, w.warnings);
    status = 0;

done:
    if (pipeline_started) {
        pthread_mutex_lock(&p.mu);
        p.done = true;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
        for (int i = 0; i < nthr; i++)
            pthread_join(thr[i], NULL);
    }
    free(thr);
    if (out && out != stdout) {
        if (fclose(out) && status == 0) {
            fprintf(stderr, "tumbuh zscore: write error: %s\n", strerror(errno));
            status = 1;
        }
        if (status == 0) {
            if (rename(tmp_path, opt.out_path)) {
                fprintf(stderr, "tumbuh zscore: cannot write %s: %s\n", opt.out_path,
                        strerror(errno));
                status = 1;
            }
        }
        if (status != 0)
            unlink(tmp_path);
    } else if (out == stdout) {
        fflush(stdout);
        setvbuf(stdout, NULL, _IONBF, 0);
    }
    free(tmp_path);
    for (int i = 0; i < nring; i++)
        batch_free(&ring[i]);
    free(ring);
    for (int i = 0; i < header_fields && header_names; i++)
        free(header_names[i]);
    free(header_names);
    tb_csv_close(r);
    if (in != stdin)
        fclose(in);
    if (status != 0 && status != 2 && opt.strict)
        return 1;
    return status;
}
