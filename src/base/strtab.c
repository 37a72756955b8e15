/*
 * strtab.c - string interning with open addressing (see strtab.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/strtab.h"

void tb_strtab_init(tb_strtab *t)
{
    memset(t, 0, sizeof *t);
}

void tb_strtab_free(tb_strtab *t)
{
    for (long i = 0; i < t->count; i++)
        free(t->strs[i]);
    free(t->strs);
    free(t->lens);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* FNV-1a over the bytes. */
static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* The slot where s is, or the empty slot where it would go. */
static size_t probe(const tb_strtab *t, const char *s, size_t len)
{
    size_t mask = t->nslots - 1;
    size_t i = (size_t)hash(s, len) & mask;
    while (t->slots[i]) {
        long k = t->slots[i] - 1;
        if (t->lens[k] == len && !memcmp(t->strs[k], s, len))
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

/* Doubles the hash slots and re-inserts every string. */
static int rehash(tb_strtab *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 64;
    long *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    free(t->slots);
    t->slots = slots;
    t->nslots = n;
    for (long k = 0; k < t->count; k++)
        t->slots[probe(t, t->strs[k], t->lens[k])] = k + 1;
    return 0;
}

long tb_strtab_find(const tb_strtab *t, const char *s, size_t len)
{
    if (!t->nslots)
        return -1;
    size_t i = probe(t, s, len);
    return t->slots[i] ? t->slots[i] - 1 : -1;
}

long tb_strtab_intern(tb_strtab *t, const char *s, size_t len)
{
    if ((size_t)(t->count + 1) * 2 > t->nslots && rehash(t))
        return -1;
    size_t i = probe(t, s, len);
    if (t->slots[i])
        return t->slots[i] - 1;
    if (t->count == t->cap_strs) {
        long cap = t->cap_strs ? t->cap_strs * 2 : 64;
        char **strs = realloc(t->strs, (size_t)cap * sizeof *strs);
        if (!strs)
            return -1;
        t->strs = strs;
        size_t *lens = realloc(t->lens, (size_t)cap * sizeof *lens);
        if (!lens)
            return -1;
        t->lens = lens;
        t->cap_strs = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    copy[len] = 0;
    t->strs[t->count] = copy;
    t->lens[t->count] = len;
    t->slots[i] = t->count + 1;
    return t->count++;
}
