/*
 * niklist.c - rows an import keeps although their NIK cannot be used (wrong
 * length, digits lost to Excel, a birth date or sex inside it that is not
 * the row's, or a NIK already given to another child): the measurement is
 * stored, the NIK kept apart (individu.nik_belum_valid), and each such row
 * is listed for verification in FILE.nik.csv next to the rejects file.
 * Main thread only (the kinds call it from store).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "import/kind.h"

int imp_nik_unusable(imp *m, long line, const char *nik, const char *nama, const char *why)
{
    imp_nik_entry *v = imp_grow(m->niks.v, m->niks.n, &m->niks.cap, sizeof *v, 16);
    if (!v)
        return tb_store_fail(m->store, "out of memory");
    m->niks.v = v;
    v = &m->niks.v[m->niks.n++];
    v->line = line;
    snprintf(v->nik, sizeof v->nik, "%s", nik);
    snprintf(v->nama, sizeof v->nama, "%s", nama);
    snprintf(v->why, sizeof v->why, "%s", why);
    return 0;
}

int imp_nik_write(imp *m, char *path, size_t pathcap)
{
    imp_report_path(m->rejects.path, ".nik.csv", path, pathcap);
    if (!m->niks.n) { /* no report; none left from an earlier run either */
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
    fprintf(out.f, "baris,nik,nama,alasan\n");
    for (long i = 0; i < m->niks.n; i++) {
        const imp_nik_entry *v = &m->niks.v[i];
        fprintf(out.f, "%ld,", v->line);
        imp_csv_field(out.f, v->nik);
        fputc(',', out.f);
        imp_csv_field(out.f, v->nama);
        fputc(',', out.f);
        imp_csv_field(out.f, v->why);
        fputc('\n', out.f);
    }
    if (tb_outfile_close(&out, true)) {
        snprintf(m->err, sizeof m->err, "tidak dapat menulis %s", path);
        return -1;
    }
    return 0;
}

void imp_nik_free(imp *m)
{
    free(m->niks.v);
    memset(&m->niks, 0, sizeof m->niks);
}
