/*
 * map.c - the small containers the import kinds cache with during a run: a
 * string -> long hash map whose keys live in one arena (no allocation per
 * entry), growable arrays (imp_grow) and the FNV-1a hash used for both and
 * for row fingerprints.
 */
#include <stdlib.h>
#include <string.h>

#include "import/kind.h"

void *imp_grow(void *arr, long n, long *cap, size_t elem, long first)
{
    if (n < *cap)
        return arr;
    long c = *cap ? *cap * 2 : first;
    void *a = realloc(arr, (size_t)c * elem);
    if (a)
        *cap = c;
    return a;
}

uint64_t imp_hash(uint64_t h, const void *p, size_t len)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* --- the string map ---------------------------------------------------------- */

/* Slots hold hash | 1, so a zero hash marks an empty slot. */
static bool slot_empty(const struct imp_slot *sl)
{
    return !sl->hash;
}

static size_t map_find(const imp_map *m, uint64_t h, const char *key, size_t len)
{
    size_t mask = m->nslots - 1, i = (size_t)h & mask;
    for (;;) {
        const struct imp_slot *sl = &m->slots[i];
        if (slot_empty(sl))
            return i;
        if (sl->hash == h && sl->len == len && !memcmp(m->arena + sl->off, key, len))
            return i;
        i = (i + 1) & mask;
    }
}

long *imp_map_get(const imp_map *m, const char *key, size_t len)
{
    if (!m->nslots)
        return NULL;
    uint64_t h = imp_hash(IMP_HASH_INIT, key, len) | 1;
    size_t i = map_find(m, h, key, len);
    return slot_empty(&m->slots[i]) ? NULL : &m->slots[i].val;
}

long *imp_map_put(imp_map *m, const char *key, size_t len, long val)
{
    if ((m->count + 1) * 2 > m->nslots) {
        size_t n = m->nslots ? m->nslots * 2 : 1024;
        struct imp_slot *ns = calloc(n, sizeof *ns);
        if (!ns)
            return NULL;
        for (size_t i = 0; i < m->nslots; i++) {
            if (slot_empty(&m->slots[i]))
                continue;
            size_t j = (size_t)m->slots[i].hash & (n - 1);
            while (!slot_empty(&ns[j]))
                j = (j + 1) & (n - 1);
            ns[j] = m->slots[i];
        }
        free(m->slots);
        m->slots = ns;
        m->nslots = n;
    }
    uint64_t h = imp_hash(IMP_HASH_INIT, key, len) | 1; /* never 0: 0 marks empty slots */
    size_t i = map_find(m, h, key, len);
    struct imp_slot *sl = &m->slots[i];
    if (!slot_empty(sl)) {
        sl->val = val;
        return &sl->val;
    }
    if (m->used + len > m->cap) {
        size_t cap = m->cap ? m->cap : 1 << 16;
        while (cap < m->used + len)
            cap *= 2;
        char *a = realloc(m->arena, cap);
        if (!a)
            return NULL;
        m->arena = a;
        m->cap = cap;
    }
    memcpy(m->arena + m->used, key, len);
    sl->hash = h;
    sl->off = m->used;
    sl->len = (uint32_t)len;
    sl->val = val;
    m->used += len;
    m->count++;
    return &sl->val;
}

void imp_map_free(imp_map *m)
{
    free(m->arena);
    free(m->slots);
    memset(m, 0, sizeof *m);
}
