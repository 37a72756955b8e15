/*
 * unknown.c - answers an import could not read by their meaning (a census
 * answer outside every known wording): the row is kept, the value is left
 * unknown, and the run reports each distinct value with its column and the
 * number of rows, in FILE.tak-dikenal.csv next to the rejects file and in
 * the summary (for stderr). Main thread only (the kinds call it from store).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "import/kind.h"

int imp_unknown(imp *m, int field, const char *value)
{
    char key[96];
    int kn = snprintf(key, sizeof key, "%d\x1f%s", field, value);
    if (kn < 0 || (size_t)kn >= sizeof key)
        kn = (int)sizeof key - 1;
    long *i = imp_map_get(&m->unknown.index, key, (size_t)kn);
    if (i) {
        m->unknown.v[*i].rows++;
        return 0;
    }
    imp_unknown_value *v = imp_grow(m->unknown.v, m->unknown.n, &m->unknown.cap, sizeof *v, 16);
    if (!v)
        return tb_store_fail(m->store, "out of memory");
    m->unknown.v = v;
    v = &m->unknown.v[m->unknown.n];
    v->field = field;
    v->rows = 1;
    snprintf(v->value, sizeof v->value, "%s", value);
    if (!imp_map_put(&m->unknown.index, key, (size_t)kn, m->unknown.n))
        return tb_store_fail(m->store, "out of memory");
    m->unknown.n++;
    return 0;
}

int imp_unknown_write(imp *m, char *path, size_t pathcap, char *lines, size_t linecap)
{
    lines[0] = 0;
    imp_report_path(m->rejects.path, ".tak-dikenal.csv", path, pathcap);
    if (!m->unknown.n) { /* no report; none left from an earlier run either */
        remove(path);
        path[0] = 0;
        return 0;
    }
    tb_outfile out;
    if (tb_outfile_open(&out, path)) {
        tb_outfile_close(&out, false);
        snprintf(m->err, sizeof m->err, "tidak dapat menulis %s", path);
        return -1;
    }
    FILE *f = out.f;
    fprintf(f, "kolom,nilai,baris\n");
    size_t o = 0;
    for (long i = 0; i < m->unknown.n; i++) {
        const imp_unknown_value *v = &m->unknown.v[i];
        int c = m->col[v->field];
        const char *col = c >= 0 && c < m->ncols ? m->header[c] : m->kind->fields[v->field].name;
        imp_csv_field(f, col);
        fputc(',', f);
        imp_csv_field(f, v->value);
        fprintf(f, ",%ld\n", v->rows);
        if (o + 1 < linecap) {
            int w = snprintf(lines + o, linecap - o,
                             "kolom %s: nilai '%s' tidak dikenal (%ld baris; faktor dianggap "
                             "tidak diketahui)\n",
                             col, v->value, v->rows);
            o = w < 0 ? o : o + (size_t)w >= linecap ? linecap - 1 : o + (size_t)w;
        }
    }
    if (tb_outfile_close(&out, true)) {
        snprintf(m->err, sizeof m->err, "tidak dapat menulis %s", path);
        return -1;
    }
    return 0;
}

void imp_unknown_free(imp *m)
{
    imp_map_free(&m->unknown.index);
    free(m->unknown.v);
    memset(&m->unknown, 0, sizeof m->unknown);
}
