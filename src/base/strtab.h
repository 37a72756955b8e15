/*
 * strtab.h - interns strings: each distinct string gets a dense index 0, 1, ...
 *
 * Used where rows carry codes (cluster, stratum, wilayah) that are compared
 * and counted many times: the code is looked up once per row and then
 * handled as a small integer. Open addressing, FNV-1a hashing.
 */
#ifndef TB_STRTAB_H
#define TB_STRTAB_H

#include <stddef.h>

typedef struct {
    char **strs;   /* [count] the interned strings, by index */
    size_t *lens;
    long count, cap_strs;
    long *slots;   /* hash slots: index + 1, 0 = empty */
    size_t nslots;
} tb_strtab;

/* Initialises an empty table. */
void tb_strtab_init(tb_strtab *t);

/* Frees everything the table holds. */
void tb_strtab_free(tb_strtab *t);

/* The index of s (len bytes), adding it when new; -1 when memory runs out. */
long tb_strtab_intern(tb_strtab *t, const char *s, size_t len);

/* The index of s, or -1 when it is not in the table. */
long tb_strtab_find(const tb_strtab *t, const char *s, size_t len);

#endif
