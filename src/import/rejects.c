/*
 * rejects.c - the rejects file of an import: every row that fails to
 * prepare or store, as it was read, followed by three columns: baris (its
 * line in the file), kolom (the column(s) at fault) and alasan (why, in
 * Bahasa Indonesia). It uses the input's delimiter, is opened at the first
 * rejected row (as PATH.tmp) and renamed to PATH only when the run commits.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/csv.h"
#include "import/kind.h"

void imp_problem(imp_reject *rej, int field, const char *fmt, ...)
{
    if (rej->n >= IMP_MAX_PROBLEMS)
        return;
    rej->p[rej->n].field = field;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rej->p[rej->n].reason, sizeof rej->p[rej->n].reason, fmt, ap);
    va_end(ap);
    rej->n++;
}

/* Writes one field, quoted as needed, preceded by the delimiter unless first. 0 or -1. */
static int rj_field(imp_rejects *rj, const char *s, size_t len, bool first)
{
    if (len * 2 + 4 > rj->cap) {
        size_t cap = len * 2 + 4096;
        char *b = realloc(rj->buf, cap);
        if (!b)
            return -1;
        rj->buf = b;
        rj->cap = cap;
    }
    size_t n = tb_csv_quote(rj->buf, s, len, rj->delim);
    if (!first)
        fputc(rj->delim, rj->f);
    return fwrite(rj->buf, 1, n, rj->f) == n ? 0 : -1;
}

/* Opens PATH.tmp and writes the header: the input's, then baris, kolom, alasan. 0 or -1. */
static int rj_open(imp *m)
{
    imp_rejects *rj = &m->rejects;
    size_t n = strlen(rj->path) + 8;
    rj->tmp = malloc(n);
    if (!rj->tmp)
        return -1;
    snprintf(rj->tmp, n, "%s.tmp", rj->path);
    rj->f = fopen(rj->tmp, "wb");
    if (!rj->f) {
        snprintf(m->err, sizeof m->err, "tidak dapat menulis %s: %s", rj->tmp, strerror(errno));
        return -1;
    }
    for (int k = 0; k < m->ncols; k++)
        if (rj_field(rj, m->header[k], strlen(m->header[k]), k == 0))
            return -1;
    const char *extra[] = {"baris", "kolom", "alasan"};
    for (int k = 0; k < 3; k++)
        if (rj_field(rj, extra[k], strlen(extra[k]), m->ncols == 0 && k == 0))
            return -1;
    fputc('\n', rj->f);
    return 0;
}

/* The header name of field f (as written in the file, else the field's name), "" for -1. */
static const char *column_name(const imp *m, int f)
{
    if (f < 0)
        return "";
    if (m->col[f] >= 0 && m->col[f] < m->ncols)
        return m->header[m->col[f]];
    return m->kind->fields[f].name;
}

int imp_reject_row(imp *m, long line, int nfields, char *const *fields, const size_t *lens,
                   const imp_reject *rej)
{
    imp_rejects *rj = &m->rejects;
    if (!rj->f && rj_open(m))
        return -1;
    int nout = nfields > m->ncols ? nfields : m->ncols;
    for (int k = 0; k < nout; k++)
        if (rj_field(rj, k < nfields ? fields[k] : "", k < nfields ? lens[k] : 0, k == 0))
            return -1;
    char num[32], kolom[512] = "", alasan[1024] = "";
    size_t ko = 0, ao = 0;
    for (int i = 0; i < rej->n; i++) {
        const char *name = column_name(m, rej->p[i].field);
        int w = snprintf(kolom + ko, sizeof kolom - ko, "%s%s", i ? "; " : "", name);
        if (w > 0 && ko + (size_t)w < sizeof kolom)
            ko += (size_t)w;
        w = snprintf(alasan + ao, sizeof alasan - ao, "%s%s", i ? "; " : "", rej->p[i].reason);
        if (w > 0 && ao + (size_t)w < sizeof alasan)
            ao += (size_t)w;
    }
    snprintf(num, sizeof num, "%ld", line);
    if (rj_field(rj, num, strlen(num), nout == 0) || rj_field(rj, kolom, strlen(kolom), false) ||
        rj_field(rj, alasan, strlen(alasan), false) || fputc('\n', rj->f) == EOF)
        return -1;
    m->rejected++;
    return 0;
}

int imp_rejects_flush(imp *m)
{
    imp_rejects *rj = &m->rejects;
    if (rj->f && (fflush(rj->f) || ferror(rj->f))) {
        snprintf(m->err, sizeof m->err, "tidak dapat menulis %s: %s", rj->tmp, strerror(errno));
        return -1;
    }
    return 0;
}

int imp_rejects_close(imp *m, bool keep, char *err, size_t errlen)
{
    imp_rejects *rj = &m->rejects;
    int rc = 0;
    if (rj->f) {
        if (fclose(rj->f) && keep) {
            snprintf(err, errlen, "tidak dapat menulis %s: %s", rj->tmp, strerror(errno));
            keep = false, rc = -1;
        }
        if (keep && rename(rj->tmp, rj->path)) {
            snprintf(err, errlen, "tidak dapat menulis %s: %s", rj->path, strerror(errno));
            keep = false, rc = -1;
        }
        if (!keep)
            unlink(rj->tmp);
        rj->f = NULL;
    }
    free(rj->tmp);
    free(rj->buf);
    rj->tmp = rj->buf = NULL;
    rj->cap = 0;
    return rc;
}

void imp_report_path(const char *rejects, const char *ext, char *out, size_t cap)
{
    size_t n = strlen(rejects);
    static const char suffix[] = ".tolak.csv";
    size_t s = sizeof suffix - 1;
    if (n > s && !strcmp(rejects + n - s, suffix))
        n -= s;
    snprintf(out, cap, "%.*s%s", (int)n, rejects, ext);
}

void imp_csv_field(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}
