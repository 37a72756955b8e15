/*
 * columns.c - which column of the file holds which field of the import
 * kind: the header names folded (a-z0-9) and compared with each field's
 * aliases, then the user's --map HEADER=FIELD pairs, which win.
 */
#include <stdio.h>
#include <string.h>

#include "import/kind.h"

/* Finds the field of a folded header name: index, or -1. */
static int field_of(const imp_kind *k, const char *folded)
{
    for (int f = 0; f < k->nfields; f++) {
        const char *a = k->fields[f].aliases;
        size_t n = strlen(folded);
        while (*a) {
            const char *end = strchr(a, '|');
            size_t len = end ? (size_t)(end - a) : strlen(a);
            if (len == n && !memcmp(a, folded, n))
                return f;
            a += len + (end ? 1 : 0);
        }
    }
    return -1;
}

int imp_map_columns(imp *m, const char *map, char *err, size_t errlen)
{
    const imp_kind *k = m->kind;
    for (int f = 0; f < k->nfields; f++)
        m->col[f] = -1;
    for (int c = 0; c < m->ncols; c++) {
        char folded[128];
        imp_fold(m->header[c], strlen(m->header[c]), folded, sizeof folded);
        int f = field_of(k, folded);
        if (f >= 0 && m->col[f] < 0)
            m->col[f] = c;
    }
    if (!map)
        return 0;
    const char *p = map;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (!eq) {
            snprintf(err, errlen, "--map: '%.*s' harus berbentuk JUDUL=FIELD", (int)len, p);
            return -1;
        }
        char hdr[256], fld[64];
        snprintf(hdr, sizeof hdr, "%.*s", (int)(eq - p), p);
        snprintf(fld, sizeof fld, "%.*s", (int)(len - (size_t)(eq - p) - 1), eq + 1);
        int f = -1;
        for (int i = 0; i < k->nfields; i++)
            if (!strcmp(k->fields[i].name, fld))
                f = i;
        if (f < 0) {
            int o = snprintf(err, errlen, "--map: field '%s' tidak dikenal untuk %s; field:", fld,
                             k->name);
            for (int i = 0; i < k->nfields && o > 0 && (size_t)o < errlen; i++)
                o += snprintf(err + o, errlen - (size_t)o, " %s", k->fields[i].name);
            return -1;
        }
        int col = -1;
        for (int c = 0; c < m->ncols && col < 0; c++)
            if (!strcmp(m->header[c], hdr))
                col = c;
        char fh[256], fc[256];
        imp_fold(hdr, strlen(hdr), fh, sizeof fh);
        for (int c = 0; c < m->ncols && col < 0; c++)
            if (imp_fold(m->header[c], strlen(m->header[c]), fc, sizeof fc) && !strcmp(fc, fh))
                col = c;
        if (col < 0) {
            snprintf(err, errlen, "--map: kolom '%s' tidak ada di judul kolom berkas", hdr);
            return -1;
        }
        /* the column now means this field only */
        for (int i = 0; i < k->nfields; i++)
            if (m->col[i] == col)
                m->col[i] = -1;
        m->col[f] = col;
        p += len + (end ? 1 : 0);
    }
    return 0;
}
