/*
 * cache.c - a direct-mapped cache of rendered fragments and the data
 * version that makes them stale (cache.h).
 */
#include "web/cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLOTS 4096
#define WAYS 4 /* a key lives in one of WAYS slots from its hash */

typedef struct {
    char key[192];
    unsigned long version;
    char *data;
    size_t len;
    time_t made;
} slot;

static slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_ulong data_version = 1;

unsigned long tb_web_data_version(void)
{
    return atomic_load(&data_version);
}

void tb_web_data_changed(void)
{
    atomic_fetch_add(&data_version, 1);
}

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % SLOTS;
}

bool tb_cache_get(const char *key, unsigned long version, int max_age, tb_buf *b, long *made)
{
    slot *s = &slots[hash(key)];
    bool hit = false;
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    if (s->data && !strcmp(s->key, key) &&
        (s->version == version || (max_age > 0 && now - s->made <= max_age))) {
        tb_buf_put(b, s->data, s->len);
        if (made)
            *made = (long)s->made;
        hit = true;
    }
    pthread_mutex_unlock(&lock);
    return hit;
}

void tb_cache_put(const char *key, unsigned long version, const char *data, size_t len)
{
    if (strlen(key) >= sizeof slots[0].key)
        return;
    char *copy = malloc(len + 1);
    if (!copy)
        return;
    memcpy(copy, data, len);
    copy[len] = 0;
    unsigned h = hash(key);
    pthread_mutex_lock(&lock);
    /* the same key, else an empty slot, else the oldest of the ways */
    slot *s = NULL;
    for (int w = 0; w < WAYS && !s; w++) {
        slot *c = &slots[(h + (unsigned)w) % SLOTS];
        if (c->data && !strcmp(c->key, key))
            s = c;
    }
    for (int w = 0; w < WAYS && !s; w++) {
        slot *c = &slots[(h + (unsigned)w) % SLOTS];
        if (!c->data)
            s = c;
    }
    for (int w = 0; w < WAYS; w++) {
        slot *c = &slots[(h + (unsigned)w) % SLOTS];
        if (!s || (c->made < s->made && s->data && strcmp(s->key, key)))
            s = c;
    }
    char *old = s->data;
    strcpy(s->key, key);
    s->version = version;
    s->data = copy;
    s->len = len;
    s->made = time(NULL);
    pthread_mutex_unlock(&lock);
    free(old);
}
