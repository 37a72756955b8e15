/*
 * wilayah.c - `tumbuh import wilayah`: the Kemendagri code list
 * (kode, nama) into wilayah.
 *
 * The level comes from the code (35, 35.07, 35.07.01, 35.07.01.2001; codes
 * without dots are read too). A parent must be stored already or come in
 * the same file: the rows are kept until the end of the file and written
 * level by level, so the order of the file does not matter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind.h"
#include "store/wilayah.h"

enum { F_KODE, F_NAMA, NFIELDS };

static const imp_field fields[NFIELDS] = {
    [F_KODE] = {"kode", "kode|kodewilayah|kodekemendagri|kdwilayah|kd|kode2022|code|id"},
    [F_NAMA] = {"nama", "nama|namawilayah|wilayah|name"},
};

typedef struct {
    char kode[16];
    char nama[128];
    int level;
} rec;

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    size_t n;
    const char *s = imp_value(m, row, F_KODE, &n);
    if (!n)
        imp_problem(rej, F_KODE, "kode kosong");
    else if ((r->level = imp_wilayah_code(s, n, r->kode)) < 0)
        imp_problem(rej, F_KODE,
                    "'%.30s' bukan kode wilayah Kemendagri (35, 35.07, 35.07.01, "
                    "35.07.01.2001)",
                    s);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej) && !r->nama[0])
        imp_problem(rej, F_NAMA, "nama kosong");
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    if (m->col[F_KODE] < 0 || m->col[F_NAMA] < 0) {
        snprintf(err, errlen,
                 "kolom %s tidak ada (judul kolom di baris 1; pakai --map JUDUL=%s "
                 "bila namanya lain)",
                 m->col[F_KODE] < 0 ? "kode" : "nama", m->col[F_KODE] < 0 ? "kode" : "nama");
        return -1;
    }
    return 0;
}

/* A row kept for the end: its record and its fields as read (for a reject). */
typedef struct {
    rec r;
    long line, order;
    int nfields;
    size_t off; /* fields in the arena, each NUL-terminated */
} held;

typedef struct {
    held *h;
    long n, cap;
    char *arena;
    size_t used, acap;
} state;

static int begin(imp *m)
{
    if (!(m->state = calloc(1, sizeof(state))))
        return tb_store_fail(m->store, "out of memory");
    return 0;
}

static void cleanup(imp *m)
{
    state *st = m->state;
    if (!st)
        return;
    free(st->h);
    free(st->arena);
    free(st);
    m->state = NULL;
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    (void)rej;
    state *st = m->state;
    size_t need = 0;
    for (int k = 0; k < row->nfields; k++)
        need += row->lens[k] + 1;
    held *all = imp_grow(st->h, st->n, &st->cap, sizeof *all, 1024);
    if (!all)
        return tb_store_fail(m->store, "out of memory");
    st->h = all;
    if (st->used + need > st->acap) {
        size_t cap = st->acap ? st->acap : 1 << 16;
        while (cap < st->used + need)
            cap *= 2;
        char *a = realloc(st->arena, cap);
        if (!a)
            return tb_store_fail(m->store, "out of memory");
        st->arena = a;
        st->acap = cap;
    }
    held *h = &st->h[st->n];
    h->r = *(const rec *)vr;
    h->line = row->line;
    h->order = st->n++;
    h->nfields = row->nfields;
    h->off = st->used;
    for (int k = 0; k < row->nfields; k++) {
        memcpy(st->arena + st->used, row->fields[k], row->lens[k]);
        st->used += row->lens[k];
        st->arena[st->used++] = 0;
    }
    *outcome = IMP_DEFERRED;
    return 0;
}

static int by_level(const void *a, const void *b)
{
    const held *x = a, *y = b;
    if (x->r.level != y->r.level)
        return x->r.level - y->r.level;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int reject_held(imp *m, const held *h, const imp_reject *rej)
{
    state *st = m->state;
    char *f[4096];
    size_t len[4096];
    int n = h->nfields < 4096 ? h->nfields : 4096;
    const char *p = st->arena + h->off;
    for (int k = 0; k < n; k++) {
        f[k] = (char *)p;
        len[k] = strlen(p);
        p += len[k] + 1;
    }
    return imp_reject_row(m, h->line, n, f, len, rej);
}

static int end(imp *m)
{
    state *st = m->state;
    qsort(st->h, (size_t)st->n, sizeof *st->h, by_level);
    imp_map seen = {0}; /* code -> index of its first row in this file */
    int rc = -1;
    for (long i = 0; i < st->n; i++) {
        const held *h = &st->h[i];
        const rec *r = &h->r;
        imp_reject rej = {0};
        size_t kl = strlen(r->kode);
        long *first = imp_map_get(&seen, r->kode, kl);
        if (first) {
            const held *f = &st->h[*first];
            if (strcmp(f->r.nama, r->nama))
                imp_problem(&rej, F_KODE, "kode %s sudah ada di baris %ld dengan nama '%s'",
                            r->kode, f->line, f->r.nama);
        } else if (r->level > 1) {
            char parent[16];
            snprintf(parent, sizeof parent, "%s", r->kode);
            *strrchr(parent, '.') = 0;
            long *pf = imp_map_get(&seen, parent, strlen(parent));
            int have = 1;
            if (!pf && (have = tb_store_wilayah_get(m->store, parent, NULL, 0)) < 0)
                goto out;
            if (!have)
                imp_problem(&rej, F_KODE,
                            "induk %s belum ada (tidak ada di daftar wilayah maupun di berkas ini)",
                            parent);
        }
        if (rej.n) {
            if (reject_held(m, h, &rej))
                goto out;
            continue;
        }
        if (first)
            continue; /* the same code and name twice: nothing more to do */
        int exists = tb_store_wilayah_get(m->store, r->kode, NULL, 0), changed = 0;
        if (exists < 0 || tb_store_wilayah_put(m->store, r->kode, r->nama, &changed))
            goto out;
        if (!imp_map_put(&seen, r->kode, kl, i)) {
            tb_store_fail(m->store, "out of memory");
            goto out;
        }
        if (!exists)
            m->imported++;
        else if (changed)
            m->updated++;
    }
    rc = 0;
out:
    imp_map_free(&seen);
    return rc;
}

const imp_kind imp_kind_wilayah = {
    .name = "wilayah",
    .summary = "daftar kode wilayah Kemendagri (kode, nama): provinsi sampai desa",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .begin = begin,
    .store = store,
    .end = end,
    .cleanup = cleanup,
};
