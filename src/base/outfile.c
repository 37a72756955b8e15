/*
 * outfile.c - an output file renamed into place only on success (see outfile.h).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/outfile.h"

int tb_outfile_open(tb_outfile *o, const char *path)
{
    o->f = NULL;
    o->path = path;
    o->tmp = NULL;
    if (!path) {
        o->f = stdout;
        return 0;
    }
    size_t n = strlen(path) + 8;
    o->tmp = malloc(n);
    if (!o->tmp)
        return -1;
    snprintf(o->tmp, n, "%s.tmp", path);
    o->f = fopen(o->tmp, "wb");
    return o->f ? 0 : -1;
}

tb_outfile_status tb_outfile_close(tb_outfile *o, bool ok)
{
    tb_outfile_status st = TB_OUTFILE_OK;
    if (o->f == stdout) {
        fflush(stdout);
    } else if (o->f) {
        if (fclose(o->f) && ok) {
            st = TB_OUTFILE_ERR_CLOSE;
            ok = false;
        }
        if (ok && rename(o->tmp, o->path)) {
            st = TB_OUTFILE_ERR_RENAME;
            ok = false;
        }
        if (!ok)
            unlink(o->tmp);
    }
    free(o->tmp);
    o->f = NULL;
    o->tmp = NULL;
    return st;
}
