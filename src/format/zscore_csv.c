/*
 * zscore_csv.c - the batched, optionally threaded z-score pipeline over a CSV
 * file (see zscore_csv.h).
 *
 * One thread: rows are computed straight from the reader's memory into the
 * batch's output text, with no copy. N threads: the reading thread copies
 * each row into a batch (raw bytes, then each field NUL-terminated), hands
 * the full batch to the workers through a ring of 2N+2 slots, and writes
 * computed batches in sequence order. A slot is free (0), filled (1) or
 * computed (2); workers take filled slots in sequence order. Warnings are
 * formatted by whoever computes the row, into the batch, and passed on when
 * the batch is written, so they appear in input order.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/who_tables.h"
#include "format/anthro_input.h"
#include "format/anthro_output.h"
#include "format/csv.h"
#include "format/zscore_csv.h"

#define BATCH_ROWS 4096
#define MAX_FIELDS 4096

struct tb_zscore_csv {
    tb_zscore_csv_options o;
    tb_csv_reader *r;
    tb_who_tables tables;
    tb_anthro_columns cols;
    char delim;
    bool decimal_comma; /* parse ',' as a decimal separator */
    char out_sep;       /* decimal separator written */
    int header_fields;
    char **header_names; /* for warnings */
    char *header_raw;    /* the header line as read */
    size_t header_len;
};

/* A growable byte buffer. */
typedef struct {
    char *p;
    size_t len, cap;
} zbuf;

/* Makes room for n more bytes; returns 0 or -1 when memory runs out. */
static int zbuf_reserve(zbuf *b, size_t n)
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

/* Passes a formatted diagnostic (a '\n' is added) to the caller. */
static void say(const tb_zscore_csv *z, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const tb_zscore_csv *z, const char *fmt, ...)
{
    char small[512], *line = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof small - 1) {
        if (!(line = malloc((size_t)n + 2)))
            return;
        va_start(ap, fmt);
        vsnprintf(line, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    line[n] = '\n';
    z->o.message(z->o.ud, line, (size_t)n + 1);
    if (line != small)
        free(line);
}

/* --- opening ------------------------------------------------------------- */

/* Keeps the header's raw line and names (the reader reuses its memory). */
static int keep_header(tb_zscore_csv *z, const tb_csv_row *row)
{
    z->header_raw = malloc(row->raw_len + 1);
    z->header_names = calloc((size_t)row->nfields, sizeof *z->header_names);
    if (!z->header_raw || !z->header_names)
        return -1;
    memcpy(z->header_raw, row->raw, row->raw_len);
    z->header_len = row->raw_len;
    z->header_fields = row->nfields;
    for (int i = 0; i < row->nfields; i++)
        if (!(z->header_names[i] = strdup(row->fields[i])))
            return -1;
    return 0;
}

tb_zscore_csv *tb_zscore_csv_open(FILE *in, const tb_zscore_csv_options *o)
{
    tb_zscore_csv *z = calloc(1, sizeof *z);
    if (!z || !(z->r = tb_csv_open(in, NULL))) {
        free(z);
        tb_zscore_csv z0 = {.o = *o};
        say(&z0, "memori habis");
        return NULL;
    }
    z->o = *o;
    tb_csv_row row;
    tb_csv_status cs = tb_csv_next(z->r, &row);
    char err[256];
    if (cs == TB_CSV_EOF)
        say(z, "%s is empty: a CSV file with a header row is needed", o->name);
    else if (cs != TB_CSV_OK)
        say(z, "%s is not a readable CSV file: %s", o->name, tb_csv_error(z->r));
    else if (tb_anthro_columns_find(&row, &z->cols, err, sizeof err))
        say(z, "%s: %s", o->name, err);
    else if (keep_header(z, &row))
        say(z, "memori habis");
    else {
        z->delim = tb_csv_delimiter(z->r);
        z->decimal_comma = z->delim != ',';
        z->out_sep = z->delim == ';' ? ',' : '.';
        z->tables = tb_who_tables_builtin;
        z->tables.plus_limits = o->plus;
        return z;
    }
    tb_zscore_csv_close(z);
    return NULL;
}

void tb_zscore_csv_close(tb_zscore_csv *z)
{
    if (!z)
        return;
    for (int i = 0; i < z->header_fields && z->header_names; i++)
        free(z->header_names[i]);
    free(z->header_names);
    free(z->header_raw);
    tb_csv_close(z->r);
    free(z);
}

/* --- one row --------------------------------------------------------------- */

/* Formats the warnings for the values of a row that could not be read. */
static int row_warnings(const tb_zscore_csv *z, const tb_csv_row *row,
                        const tb_anthro_problem *probs, int np, zbuf *warn)
{
    for (int k = 0; k < np && k < 8; k++) {
        const char *hdr = probs[k].field < z->header_fields ? z->header_names[probs[k].field]
                                                            : tb_col_name(probs[k].col);
        const char *val = probs[k].field < row->nfields ? row->fields[probs[k].field] : "";
        char line[512];
        int len =
            snprintf(line, sizeof line, "baris %ld, kolom %d (%s): '%.40s' %s; dianggap kosong\n",
                     row->line, probs[k].field + 1, hdr, val, probs[k].reason);
        if (len < 0)
            continue;
        if ((size_t)len >= sizeof line)
            len = sizeof line - 1;
        if (zbuf_reserve(warn, (size_t)len))
            return -1;
        memcpy(warn->p + warn->len, line, (size_t)len);
        warn->len += (size_t)len;
    }
    return 0;
}

/*
 * Computes one record and appends its output line to out, and any warnings
 * to warn (counted in *nwarn). Returns 0 or -1 (no memory).
 */
static int process_row(const tb_zscore_csv *z, const tb_csv_row *row, zbuf *out, zbuf *warn,
                       long *nwarn)
{
    tb_growth_input in;
    tb_anthro_problem probs[8];
    int np = tb_anthro_row_read(&z->cols, row, z->decimal_comma, &in, probs, 8);
    if (np) {
        *nwarn += np;
        if (row_warnings(z, row, probs, np, warn))
            return -1;
    }
    tb_growth_result r;
    tb_growth_compute(&z->tables, &in, &r);

    if (zbuf_reserve(out, row->raw_len + TB_ANTHRO_OUTPUT_MAX))
        return -1;
    char *o = out->p + out->len;
    memcpy(o, row->raw, row->raw_len);
    o += row->raw_len;
    o += tb_anthro_output_row(o, &r, z->delim, z->out_sep);
    out->len = (size_t)(o - out->p);
    return 0;
}

/* --- batches ---------------------------------------------------------------- */

/* A batch of records: copied input, then (after processing) the output text. */
typedef struct {
    int n;
    zbuf in;         /* per record: raw bytes, then each field NUL-terminated */
    size_t *rec_off; /* [n] start of record in `in` */
    size_t *raw_len; /* [n] */
    int *nfields;    /* [n] */
    long *line;      /* [n] */
    size_t *fld;     /* field offsets, BATCH_ROWS * max_fields at most (grown) */
    size_t *fld_len;
    size_t nfld, fld_cap;
    int *fld_start; /* [n] index into fld */
    zbuf out;       /* output text */
    zbuf warn;      /* warning lines, already formatted */
    long nwarn;     /* values that could not be read */
    int state;      /* 0 free, 1 filled, 2 done */
    long seq;
} batch;

/* Computes and formats every record of a batch. Returns 0 or -1 (no memory). */
static int process_batch(const tb_zscore_csv *z, batch *b)
{
    b->out.len = 0;
    b->warn.len = 0;
    b->nwarn = 0;
    char *fields[MAX_FIELDS];
    size_t lens[MAX_FIELDS];
    for (int i = 0; i < b->n; i++) {
        tb_csv_row row;
        row.nfields = b->nfields[i] < MAX_FIELDS ? b->nfields[i] : MAX_FIELDS;
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
        if (process_row(z, &row, &b->out, &b->warn, &b->nwarn))
            return -1;
    }
    return 0;
}

/* Makes room for n more field offsets. Returns 0 or -1 when memory runs out. */
static int batch_reserve_fields(batch *b, size_t n)
{
    if (b->nfld + n <= b->fld_cap)
        return 0;
    size_t cap = b->fld_cap ? b->fld_cap : 65536;
    while (cap < b->nfld + n)
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
    return 0;
}

/* Copies a record into a batch. Returns 0 or -1 when memory runs out. */
static int batch_add(batch *b, const tb_csv_row *row)
{
    size_t need = row->raw_len + 1;
    for (int k = 0; k < row->nfields; k++)
        need += row->lens[k] + 1;
    if (zbuf_reserve(&b->in, need) || batch_reserve_fields(b, (size_t)row->nfields))
        return -1;
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

/* --- the run ---------------------------------------------------------------- */

/* The state of one run: the ring of batches, the workers, the writer's counts. */
typedef struct {
    const tb_zscore_csv *z;
    FILE *out;
    tb_zscore_csv_stats *st;
    bool stop;   /* strict mode hit a problem */
    bool failed; /* a read, write or memory error */
    batch *ring;
    int nring;
    pthread_t *thr;
    int nthr; /* workers running; 0 = compute in the reading thread */
    bool started;
    long next_to_take; /* sequence number a worker takes next */
    bool done;         /* no more batches will be filled */
    bool worker_failed;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} run;

/* Worker: takes filled batches in sequence order and processes them. */
static void *worker_main(void *arg)
{
    run *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        batch *b = NULL;
        for (;;) {
            b = &p->ring[p->next_to_take % p->nring];
            if (b->state == 1 && b->seq == p->next_to_take)
                break;
            if (p->done) {
                pthread_mutex_unlock(&p->mu);
                return NULL;
            }
            pthread_cond_wait(&p->cv, &p->mu);
        }
        p->next_to_take++;
        pthread_mutex_unlock(&p->mu);
        int rc = process_batch(p->z, b);
        pthread_mutex_lock(&p->mu);
        if (rc)
            p->worker_failed = true;
        b->state = 2;
        pthread_cond_broadcast(&p->cv);
    }
}

/* Passes a batch's warnings on, up to the limit (one, then stop, in strict mode). */
static void pass_warnings(run *w, const batch *b)
{
    const tb_zscore_csv *z = w->z;
    const char *s = b->warn.p, *end = b->warn.p + b->warn.len;
    while (s < end && w->st->shown < z->o.max_warnings_shown) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s + 1) : (size_t)(end - s);
        z->o.message(z->o.ud, s, n);
        s += n;
        w->st->shown++;
        if (z->o.strict)
            break;
    }
}

/* Writes a processed batch's output and warnings. Returns 0 or -1 (write error). */
static int write_batch(run *w, batch *b)
{
    if (b->nwarn) {
        w->st->warnings += b->nwarn;
        pass_warnings(w, b);
        if (w->z->o.strict) {
            w->stop = true;
            return 0;
        }
    }
    w->st->rows += b->n;
    if (b->out.len && fwrite(b->out.p, 1, b->out.len, w->out) != b->out.len)
        return -1;
    return 0;
}

/*
 * With w->mu held: waits for batch *to_write to be computed, writes it (with
 * the lock released) and frees its slot. Returns 0, or -1 on a write error.
 */
static int write_next(run *w, long *to_write)
{
    batch *wb = &w->ring[*to_write % w->nring];
    while (wb->state != 2)
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
    int rc = write_batch(w, wb);
    pthread_mutex_lock(&w->mu);
    wb->state = 0;
    (*to_write)++;
    return rc;
}

/* Allocates the ring and starts the workers (none for one thread). Returns 0 or -1. */
static int run_start(run *w)
{
    int threads = w->z->o.threads;
    w->nring = threads > 1 ? 2 * threads + 2 : 1;
    w->ring = calloc((size_t)w->nring, sizeof *w->ring);
    if (!w->ring)
        return -1;
    for (int i = 0; i < w->nring; i++)
        if (batch_init(&w->ring[i]))
            return -1;
    if (threads > 1) {
        w->thr = calloc((size_t)threads, sizeof *w->thr);
        if (!w->thr)
            return -1;
        for (int i = 0; i < threads; i++) {
            if (pthread_create(&w->thr[i], NULL, worker_main, w))
                break;
            w->nthr++;
        }
        w->started = true;
    }
    return 0;
}

/* Stops and joins the workers and frees the ring. */
static void run_end(run *w)
{
    if (w->started) {
        pthread_mutex_lock(&w->mu);
        w->done = true;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
        for (int i = 0; i < w->nthr; i++)
            pthread_join(w->thr[i], NULL);
    }
    free(w->thr);
    for (int i = 0; w->ring && i < w->nring; i++)
        batch_free(&w->ring[i]);
    free(w->ring);
}

/* Threaded: waits until slot b is free, writing computed batches in order. */
static void wait_free(run *w, batch *b, long *to_write)
{
    pthread_mutex_lock(&w->mu);
    while (b->state != 0) {
        if (write_next(w, to_write))
            w->failed = true;
        if (w->failed || w->stop)
            break;
    }
    pthread_mutex_unlock(&w->mu);
}

/*
 * Reads up to BATCH_ROWS rows into b: copied for the workers, or computed
 * straight from the reader (one thread, no copy). Sets *eof at the end of
 * the input; sets w->failed or w->stop when the run must end.
 */
static void fill_batch(run *w, batch *b, bool *eof)
{
    const tb_zscore_csv *z = w->z;
    tb_csv_row row;
    batch_reset(b);
    while (b->n < BATCH_ROWS) {
        tb_csv_status cs = tb_csv_next(z->r, &row);
        if (cs == TB_CSV_EOF) {
            *eof = true;
            return;
        }
        if (cs != TB_CSV_OK) {
            say(z, "%s: %s", z->o.name, tb_csv_error(z->r));
            w->failed = true;
            return;
        }
        if (row.nfields != z->header_fields) {
            say(z, "baris %ld berisi %d kolom, judulnya %d", row.line, row.nfields,
                z->header_fields);
            if (z->o.strict) {
                w->stop = true;
                return;
            }
        }
        int rc = w->nthr ? batch_add(b, &row) : process_row(z, &row, &b->out, &b->warn, &b->nwarn);
        if (rc) {
            w->failed = true;
            return;
        }
        if (!w->nthr)
            b->n++;
    }
}

/* Threaded: hands a filled batch to the workers. */
static void hand_off(run *w, batch *b, long seq)
{
    pthread_mutex_lock(&w->mu);
    b->seq = seq;
    b->state = 1;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

/* Threaded: tells the workers no more batches come, and writes what remains in order. */
static void drain(run *w, long seq, long *to_write)
{
    pthread_mutex_lock(&w->mu);
    w->done = true;
    pthread_cond_broadcast(&w->cv);
    while (*to_write < seq && !w->failed && !w->stop)
        if (write_next(w, to_write))
            w->failed = true;
    if (w->worker_failed)
        w->failed = true;
    pthread_mutex_unlock(&w->mu);
}

/* Reads, computes and writes batch after batch until the input ends or the run stops. */
static void run_batches(run *w)
{
    long seq = 0;      /* next batch to fill */
    long to_write = 0; /* next batch to write */
    bool eof = false;
    while (!eof && !w->stop && !w->failed) {
        batch *b = &w->ring[seq % w->nring];
        if (w->nthr) {
            wait_free(w, b, &to_write);
            if (w->failed || w->stop)
                break;
        }
        fill_batch(w, b, &eof);
        if (w->failed || w->stop)
            break;
        if (w->z->o.progress)
            w->z->o.progress(w->z->o.ud, tb_csv_bytes_read(w->z->r));
        if (w->nthr)
            hand_off(w, b, seq);
        else if (write_batch(w, b))
            w->failed = true;
        seq++;
    }
    if (w->nthr)
        drain(w, seq, &to_write);
}

int tb_zscore_csv_run(tb_zscore_csv *z, FILE *out, tb_zscore_csv_stats *st)
{
    *st = (tb_zscore_csv_stats){0, 0, 0};
    /* The header: the input's unchanged, then ours (delimiter adapted). */
    fwrite(z->header_raw, 1, z->header_len, out);
    tb_anthro_output_header(out, z->delim);
    fputc('\n', out);

    run w = {.z = z, .out = out, .st = st};
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.cv, NULL);
    if (run_start(&w))
        w.failed = true;
    else
        run_batches(&w);
    run_end(&w);
    pthread_mutex_destroy(&w.mu);
    pthread_cond_destroy(&w.cv);
    return w.failed || w.stop ? -1 : 0;
}
