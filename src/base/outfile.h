/*
 * outfile.h - an output file that appears only when it is complete.
 *
 * The commands that write a file from a long run (`tumbuh zscore -o`,
 * `tumbuh prevalence -o`) write NAME.tmp and rename it onto NAME only on
 * success, so a failed or interrupted run leaves no half-written file behind.
 * Without a name the output is stdout.
 */
#ifndef TB_OUTFILE_H
#define TB_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    FILE *f;          /* where to write: the .tmp file, or stdout */
    const char *path; /* the final name (borrowed), or NULL for stdout */
    char *tmp;        /* path + ".tmp" (owned), or NULL */
} tb_outfile;

/*
 * Opens path.tmp for writing, or stdout when path is NULL. Returns 0, or -1
 * with errno set (o->tmp then names the file that could not be opened, and
 * is still freed by tb_outfile_close; NULL when memory ran out).
 */
int tb_outfile_open(tb_outfile *o, const char *path);

/* What tb_outfile_close could not do (errno tells why). */
typedef enum {
    TB_OUTFILE_OK = 0,
    TB_OUTFILE_ERR_CLOSE = -1, /* closing (flushing) the .tmp file failed */
    TB_OUTFILE_ERR_RENAME = -2 /* renaming it onto the final name failed */
} tb_outfile_status;

/*
 * Ends the output. With ok, closes the .tmp file and renames it onto the
 * final name; otherwise (or when that fails) closes and removes it. For
 * stdout, only flushes. Frees what tb_outfile_open allocated; safe on a
 * zeroed or failed tb_outfile. Returns TB_OUTFILE_OK, or (only when ok was
 * true) the step that failed.
 */
tb_outfile_status tb_outfile_close(tb_outfile *o, bool ok);

#endif
