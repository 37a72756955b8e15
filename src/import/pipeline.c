/*
 * pipeline.c - the import pipeline: runs one import of a CSV or XLSX file
 * (tb_import_run, import/import.h) through an import kind (import/kind.h).
 *
 * The file is read on a reader thread in batches of BATCH_ROWS rows (a ring
 * of NRING batches); for CSV the reader also prepares each row (the kind's
 * prepare: parse and validate, no store access). The calling thread stores
 * the rows in one transaction (the kind's store), in file order, and counts
 * them. A row that fails either step goes to the rejects file (rejects.c)
 * with its line, column and reason; the others are stored. A fatal error
 * (unreadable file, missing column, store error) rolls everything back: a
 * run stores all its valid rows or nothing. The file is opened by
 * source.c, its header mapped to the kind's fields by columns.c; the SQLite
 * settings of a bulk load come from the store (store/bulk.h).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/clock.h"
#include "format/csv.h"
#include "import/import.h"
#include "import/kind.h"
#include "import/source.h"
#include "store/bulk.h"
#include "store/wilayah.h"
#include "tb_date.h"
#include "format/xlsx.h"

#define BATCH_ROWS 2048
#define NRING 3
#define MAX_COLS 4096 /* fields of a row (the CSV reader's default limit) */

static const imp_kind *const kinds[] = {&imp_kind_eppgbm, &imp_kind_keluarga, &imp_kind_catin,
                                        &imp_kind_wilayah, &imp_kind_posyandu, &imp_kind_alias};

const char *tb_import_kind(size_t i, const char **summary)
{
    if (i >= sizeof kinds / sizeof kinds[0])
        return NULL;
    if (summary)
        *summary = kinds[i]->summary;
    return kinds[i]->name;
}

/* --- batches and the reader thread ------------------------------------------- */

typedef struct {
    int n;
    char *text;
    size_t tlen, tcap;
    size_t *foff, *flen;
    size_t nf, fcap;
    int fstart[BATCH_ROWS], nfields[BATCH_ROWS];
    long line[BATCH_ROWS];
    unsigned char *recs;
    imp_reject rej[BATCH_ROWS];
    int status; /* 0 more to come, 1 end of file, -1 error (message in err) */
    char err[400];
    int state; /* 0 free, 1 filled */
} batch;

typedef struct {
    imp *m;
    imp_source *src;
    const char *path;
    batch *ring; /* [NRING] */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool stop; /* the main thread gave up */
    long long bytes;
    /* rows are validated (kind->prepare: parsing, z-scores) on the reader
     * thread for CSV, where storing is the slower side; for XLSX, whose XML
     * takes the reader longer than storing takes the main thread, on the
     * main thread (1M e-PPGBM rows: see bench/import.sh XLSX=1) */
    bool prepare_in_reader;
} pipeline;

static int batch_grow_text(batch *b, size_t need)
{
    if (b->tlen + need <= b->tcap)
        return 0;
    size_t cap = b->tcap ? b->tcap : 1 << 20;
    while (cap < b->tlen + need)
        cap *= 2;
    char *t = realloc(b->text, cap);
    if (!t)
        return -1;
    b->text = t;
    b->tcap = cap;
    return 0;
}

static int batch_add(batch *b, const tb_csv_row *row)
{
    size_t need = 0;
    for (int k = 0; k < row->nfields; k++)
        need += row->lens[k] + 1;
    if (batch_grow_text(b, need))
        return -1;
    if (b->nf + (size_t)row->nfields > b->fcap) {
        size_t cap = b->fcap ? b->fcap : 65536;
        while (cap < b->nf + (size_t)row->nfields)
            cap *= 2;
        size_t *a = realloc(b->foff, cap * sizeof *a);
        if (!a)
            return -1;
        b->foff = a;
        size_t *l = realloc(b->flen, cap * sizeof *l);
        if (!l)
            return -1;
        b->flen = l;
        b->fcap = cap;
    }
    int i = b->n++;
    b->fstart[i] = (int)b->nf;
    b->nfields[i] = row->nfields;
    b->line[i] = row->line;
    for (int k = 0; k < row->nfields; k++) {
        b->foff[b->nf] = b->tlen;
        b->flen[b->nf++] = row->lens[k];
        memcpy(b->text + b->tlen, row->fields[k], row->lens[k]);
        b->tlen += row->lens[k];
        b->text[b->tlen++] = 0;
    }
    return 0;
}

/* Rebuilds row i of a batch (fields point into the batch; fields/lens need room). */
static void batch_row(const batch *b, int i, tb_csv_row *row, char **fields, size_t *lens)
{
    row->nfields = b->nfields[i];
    for (int k = 0; k < row->nfields; k++) {
        fields[k] = b->text + b->foff[b->fstart[i] + k];
        lens[k] = b->flen[b->fstart[i] + k];
    }
    row->fields = fields;
    row->lens = lens;
    row->raw = "";
    row->raw_len = 0;
    row->line = b->line[i];
    row->record = 0;
}

static bool row_blank(const tb_csv_row *row)
{
    for (int k = 0; k < row->nfields; k++)
        for (size_t i = 0; i < row->lens[k]; i++)
            if (!isspace((unsigned char)row->fields[k][i]))
                return false;
    return true;
}

/* Checks the shape of a row, then lets the kind prepare it. */
static void prepare_row(const imp *m, const tb_csv_row *row, void *rec, imp_reject *rej)
{
    rej->n = 0;
    if (row->nfields < m->ncols) {
        imp_problem(rej, -1, "baris berisi %d kolom, judul kolom %d", row->nfields, m->ncols);
        return;
    }
    for (int k = m->ncols; k < row->nfields; k++) {
        if (row->lens[k]) {
            imp_problem(rej, -1, "baris berisi %d kolom, judul kolom %d", row->nfields, m->ncols);
            return;
        }
    }
    m->kind->prepare(m, row, rec, rej);
}

/* Fills batch b with the next rows (prepared when the reader prepares); sets b->status. */
static void fill_batch(pipeline *p, batch *b, int *last_nfields, char **fields, size_t *lens)
{
    imp *m = p->m;
    while (b->n < BATCH_ROWS) {
        tb_csv_row row;
        tb_csv_status st = imp_source_next(p->src, &row);
        if (st == TB_CSV_EOF) {
            b->status = 1;
            /* a last row cut short: the file was truncated */
            if (*last_nfields >= 0 && *last_nfields < m->ncols && imp_source_cut(p->src)) {
                b->status = -1;
                snprintf(b->err, sizeof b->err,
                         "%s terpotong: baris terakhir tidak lengkap (%d dari %d kolom)", p->path,
                         *last_nfields, m->ncols);
            }
            return;
        }
        if (st != TB_CSV_OK) {
            b->status = -1;
            snprintf(b->err, sizeof b->err, "%s: %s (%s)", p->path, imp_csv_status_text(st),
                     imp_source_error(p->src));
            return;
        }
        if (row.nfields > MAX_COLS) {
            b->status = -1;
            snprintf(b->err, sizeof b->err, "%s: baris %ld: terlalu banyak kolom (%d)", p->path,
                     row.line, row.nfields);
            return;
        }
        if (row_blank(&row))
            continue;
        *last_nfields = row.nfields;
        if (batch_add(b, &row)) {
            b->status = -1;
            snprintf(b->err, sizeof b->err, "memori habis");
            return;
        }
        if (p->prepare_in_reader) {
            int i = b->n - 1;
            tb_csv_row copy;
            batch_row(b, i, &copy, fields, lens);
            prepare_row(m, &copy, b->recs + (size_t)i * m->kind->rec_size, &b->rej[i]);
        }
    }
}

/* The reader thread: fills the ring's free batches in turn until the end, an error or stop. */
static void *reader_main(void *arg)
{
    pipeline *p = arg;
    long seq = 0;
    char *fields[MAX_COLS];
    size_t lens[MAX_COLS];
    int last_nfields = -1;
    for (;;) {
        batch *b = &p->ring[seq % NRING];
        pthread_mutex_lock(&p->mu);
        while (b->state != 0 && !p->stop)
            pthread_cond_wait(&p->cv, &p->mu);
        bool stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (stop)
            return NULL;
        b->n = 0;
        b->tlen = 0;
        b->nf = 0;
        b->status = 0;
        b->err[0] = 0;
        fill_batch(p, b, &last_nfields, fields, lens);
        pthread_mutex_lock(&p->mu);
        p->bytes = imp_source_bytes(p->src);
        b->state = 1;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (b->status)
            return NULL;
        seq++;
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Stores the rows of batch b (preparing them first unless the reader did). 0, or -1 (m->err set).
 */
static int store_batch(pipeline *p, batch *b, char **fields, size_t *lens)
{
    imp *m = p->m;
    const imp_kind *k = m->kind;
    for (int i = 0; i < b->n; i++) {
        tb_csv_row row;
        batch_row(b, i, &row, fields, lens);
        m->read++;
        imp_reject *rej = &b->rej[i];
        if (!p->prepare_in_reader)
            prepare_row(m, &row, b->recs + (size_t)i * k->rec_size, rej);
        int outcome = TB_PUT_UNCHANGED;
        if (!rej->n && k->store(m, b->recs + (size_t)i * k->rec_size, &row, rej, &outcome) < 0) {
            if (!m->err[0])
                snprintf(m->err, sizeof m->err, "baris %ld: %s", row.line,
                         tb_store_error(m->store));
            return -1;
        }
        if (rej->n) {
            if (imp_reject_row(m, row.line, row.nfields, fields, lens, rej)) {
                if (!m->err[0])
                    snprintf(m->err, sizeof m->err, "tidak dapat menulis berkas tolakan %s",
                             m->rejects.path);
                return -1;
            }
        } else if (outcome == TB_PUT_INSERTED) {
            m->imported++;
        } else if (outcome == TB_PUT_UPDATED) {
            m->updated++;
        }
    }
    return 0;
}

/* Reports progress (rows, and the share of the file read when known) every 0.25 s. */
static void report_progress(const pipeline *p, const tb_import_options *o, long long bytes,
                            double *last)
{
    double t = now_s();
    if (t - *last < 0.25)
        return;
    *last = t;
    int percent = p->src->xlsx || !p->src->size ? -1 : (int)(100 * bytes / p->src->size);
    o->progress(o->progress_ctx, p->m->read, percent);
}

/* Processes every batch in order. 0, or -1 (m->err set, or the store's error). */
static int consume(pipeline *p, const tb_import_options *o)
{
    imp *m = p->m;
    char *fields[MAX_COLS];
    size_t lens[MAX_COLS];
    double last = 0;
    for (long seq = 0;; seq++) {
        batch *b = &p->ring[seq % NRING];
        pthread_mutex_lock(&p->mu);
        while (b->state != 1)
            pthread_cond_wait(&p->cv, &p->mu);
        long long bytes = p->bytes;
        pthread_mutex_unlock(&p->mu);
        if (store_batch(p, b, fields, lens))
            return -1;
        int status = b->status;
        if (status < 0)
            snprintf(m->err, sizeof m->err, "%s", b->err);
        pthread_mutex_lock(&p->mu);
        b->state = 0;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (status < 0)
            return -1;
        if (o->progress)
            report_progress(p, o, bytes, &last);
        if (status == 1)
            return 0;
    }
}

/* --- the run ---------------------------------------------------------------------- */

/* Everything one run holds, released by run_close. */
typedef struct {
    imp m;
    imp_source src;
    pipeline p;
    pthread_t thr;
    bool source_open, thread_started, in_tx;
} run;

/* Opens the file and reads its header; maps the columns to the kind's fields. 0 or -1. */
static int read_header(run *r, const tb_import_options *o, char *err, size_t errlen)
{
    imp *m = &r->m;
    r->source_open = true;
    if (imp_source_open(&r->src, o->path, o->sheet, err, errlen))
        return -1;
    tb_csv_row row;
    tb_csv_status cs = imp_source_next(&r->src, &row);
    if (cs == TB_CSV_EOF) {
        snprintf(err, errlen, "%s kosong: perlu baris judul kolom dan data", o->path);
        return -1;
    }
    if (cs != TB_CSV_OK) {
        snprintf(err, errlen, "%s: %s (%s)", o->path, imp_csv_status_text(cs),
                 imp_source_error(&r->src));
        return -1;
    }
    if (row.nfields > MAX_COLS) {
        snprintf(err, errlen, "%s: terlalu banyak kolom (%d, paling banyak %d)", o->path,
                 row.nfields, MAX_COLS);
        return -1;
    }
    m->ncols = row.nfields;
    m->header = calloc((size_t)m->ncols, sizeof *m->header);
    m->col = calloc((size_t)m->kind->nfields, sizeof *m->col);
    if (!m->header || !m->col)
        return snprintf(err, errlen, "memori habis"), -1;
    for (int c = 0; c < m->ncols; c++)
        if (!(m->header[c] = strndup(row.fields[c], row.lens[c])))
            return snprintf(err, errlen, "memori habis"), -1;
    if (r->src.csv)
        r->src.delim = tb_csv_delimiter(r->src.csv);
    m->rejects.delim = r->src.delim;
    char why[512];
    if (imp_map_columns(m, o->map, why, sizeof why) || m->kind->check_columns(m, why, sizeof why)) {
        snprintf(err, errlen, "%s: %s", o->path, why);
        return -1;
    }
    return 0;
}

/* Opens the store for a bulk load and begins the transaction and the kind. 0 or -1. */
static int open_store(run *r, const tb_import_options *o, char *err, size_t errlen)
{
    imp *m = &r->m;
    enum { CACHE_KB = 524288, SHARED_CACHE_KB = 65536 }; /* this connection's page cache */
    /* the pages a load dirties take about as many bytes as its CSV: that much in one pool */
    size_t size = (size_t)r->src.size;
    size_t pool = size > ((size_t)CACHE_KB << 10) ? (size_t)CACHE_KB << 10 : size;
    if (pool >= (64u << 20) && !o->shared_process)
        tb_store_page_pool(pool);
    if (tb_store_open(tb_store_default_path(o->db), &m->store, err, errlen))
        return -1;
    /* a bigger page cache for this connection only (memory, not durability); a kind that
     * writes only ids it read or wrote in this transaction checks them once each at the
     * end instead of once per row */
    if (tb_store_bulk_pragmas(m->store, o->shared_process ? SHARED_CACHE_KB : CACHE_KB,
                              m->kind->foreign_keys_checked_at_end) ||
        tb_store_begin(m->store)) {
        snprintf(err, errlen, "%s", tb_store_error(m->store));
        return -1;
    }
    r->in_tx = true;
    if (m->kind->begin && m->kind->begin(m)) {
        snprintf(err, errlen, "%s", m->err[0] ? m->err : tb_store_error(m->store));
        return -1;
    }
    return 0;
}

/* Allocates the ring and starts the reader thread. 0 or -1. */
static int start_reader(run *r, const tb_import_options *o, char *err, size_t errlen)
{
    pipeline *p = &r->p;
    p->m = &r->m;
    p->src = &r->src;
    p->path = o->path;
    p->prepare_in_reader = !r->src.xlsx;
    if (!(p->ring = calloc(NRING, sizeof *p->ring)))
        return snprintf(err, errlen, "memori habis"), -1;
    for (int i = 0; i < NRING; i++)
        if (!(p->ring[i].recs = calloc(BATCH_ROWS, r->m.kind->rec_size)))
            return snprintf(err, errlen, "memori habis"), -1;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    if (pthread_create(&r->thr, NULL, reader_main, p)) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->cv);
        return snprintf(err, errlen, "tidak dapat memulai thread pembaca"), -1;
    }
    r->thread_started = true;
    return 0;
}

/* Stores every row, finishes the kind and commits. 0 or -1 (message in sum->err). */
static int store_rows(run *r, const tb_import_options *o, tb_import_summary *sum)
{
    imp *m = &r->m;
    double t_rows = now_s();
    int rc = consume(&r->p, o);
    double t_end = now_s();
    if (rc || (m->kind->end && m->kind->end(m)) || imp_rejects_flush(m)) {
        snprintf(sum->err, sizeof sum->err, "%s", m->err[0] ? m->err : tb_store_error(m->store));
        return -1;
    }
    double t_commit = now_s();
    if (!o->dry_run && tb_store_commit(m->store)) {
        snprintf(sum->err, sizeof sum->err, "%s", tb_store_error(m->store));
        return -1;
    }
    r->in_tx = o->dry_run; /* a dry run is rolled back by run_close */
    if (imp_unknown_write(m, sum->unknown_path, sizeof sum->unknown_path, sum->unknown_lines,
                          sizeof sum->unknown_lines)) {
        snprintf(sum->err, sizeof sum->err, "%s", m->err);
        return -1;
    }
    sum->unknown_values = m->unknown.n;
    if (imp_nik_write(m, sum->nik_path, sizeof sum->nik_path)) {
        snprintf(sum->err, sizeof sum->err, "%s", m->err);
        return -1;
    }
    sum->nik_unusable = m->niks.n;
    imp_places_missing(m, sum);
    sum->rows_s = t_end - t_rows;
    sum->end_s = t_commit - t_end;
    sum->commit_s = now_s() - t_commit;
    return 0;
}

/* Stops the reader thread: marks every batch free so that it wakes, and joins it. */
static void stop_reader(run *r)
{
    pipeline *p = &r->p;
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    for (int i = 0; i < NRING; i++)
        p->ring[i].state = 0;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(r->thr, NULL);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
}

/* Ends a run: rolls back unless committed, keeps the rejects file only when ok. Returns ok. */
static bool run_close(run *r, bool ok, tb_import_summary *sum)
{
    imp *m = &r->m;
    if (r->thread_started)
        stop_reader(r);
    if (r->in_tx)
        tb_store_rollback(m->store);
    if (m->kind->cleanup)
        m->kind->cleanup(m);
    imp_places_free(m);
    imp_unknown_free(m);
    imp_nik_free(m);
    if (imp_rejects_close(m, ok, sum->err, sizeof sum->err))
        ok = false;
    for (int i = 0; i < NRING && r->p.ring; i++) {
        free(r->p.ring[i].text);
        free(r->p.ring[i].foff);
        free(r->p.ring[i].flen);
        free(r->p.ring[i].recs);
    }
    free(r->p.ring);
    tb_store_close(m->store);
    for (int c = 0; c < m->ncols && m->header; c++)
        free(m->header[c]);
    free(m->header);
    free(m->col);
    if (r->source_open)
        imp_source_close(&r->src);
    return ok;
}

int tb_import_run(const tb_import_options *o, tb_import_summary *sum)
{
    memset(sum, 0, sizeof *sum);
    /* one thread talks to SQLite; no memory statistics: less locking per call */
    if (!o->shared_process)
        tb_store_bulk_global_config();
    run r;
    memset(&r, 0, sizeof r);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(o->kind, kinds[i]->name))
            r.m.kind = kinds[i];
    if (!r.m.kind) {
        snprintf(sum->err, sizeof sum->err, "jenis '%s' tidak dikenal", o->kind);
        return -1;
    }
    r.m.today = tb_today();
    r.m.putaran = o->putaran;
    r.m.rejects.path = o->rejects;
    bool ok = !read_header(&r, o, sum->err, sizeof sum->err) &&
              !open_store(&r, o, sum->err, sizeof sum->err) &&
              !start_reader(&r, o, sum->err, sizeof sum->err) && !store_rows(&r, o, sum);
    if (!run_close(&r, ok, sum))
        return -1;
    sum->read = r.m.read;
    sum->imported = r.m.imported;
    sum->updated = r.m.updated;
    sum->rejected = r.m.rejected;
    sum->matched_by_name = r.m.matched_by_name;
    sum->counts_matched_by_name = r.m.kind->matched_by_name;
    sum->children_new = r.m.children_new;
    sum->children_matched = r.m.children_matched;
    return 0;
}
