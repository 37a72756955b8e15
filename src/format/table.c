/*
 * table.c - the table model (see table.h).
 *
 * Text is copied into an arena so a table owns everything it holds; cells
 * keep offsets while the arena may move, and are resolved on read.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format/table.h"

/* Copies s into a fresh heap string; NULL stays NULL. */
static char *dup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

tb_table *tb_table_new(const char *title, int ncols, const char *const *keys,
                       const char *const *names, const tb_col_kind *kinds)
{
    tb_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->title = dup(title);
    t->ncols = ncols;
    t->col_names = calloc((size_t)ncols, sizeof *t->col_names);
    t->col_keys = calloc((size_t)ncols, sizeof *t->col_keys);
    t->col_kinds = calloc((size_t)ncols, sizeof *t->col_kinds);
    if (!t->title || !t->col_names || !t->col_keys || !t->col_kinds) {
        tb_table_free(t);
        return NULL;
    }
    for (int c = 0; c < ncols; c++) {
        t->col_names[c] = dup(names[c]);
        t->col_keys[c] = dup(keys[c]);
        t->col_kinds[c] = kinds[c];
        if (!t->col_names[c] || !t->col_keys[c]) {
            tb_table_free(t);
            return NULL;
        }
    }
    return t;
}

void tb_table_free(tb_table *t)
{
    if (!t)
        return;
    for (int c = 0; c < t->ncols; c++) {
        if (t->col_names)
            free(t->col_names[c]);
        if (t->col_keys)
            free(t->col_keys[c]);
    }
    for (long r = 0; r < t->nrows && t->links; r++)
        free(t->links[r]);
    free(t->links);
    free(t->col_names);
    free(t->col_keys);
    free(t->col_kinds);
    free(t->cells);
    free(t->arena);
    free(t->title);
    free(t->subtitle);
    free(t);
}

int tb_table_subtitle(tb_table *t, const char *text)
{
    free(t->subtitle);
    t->subtitle = dup(text);
    return t->subtitle || !text ? 0 : -1;
}

long tb_table_add_row(tb_table *t)
{
    if (t->nrows == t->cap) {
        long cap = t->cap ? t->cap * 2 : 64;
        tb_cell *c = realloc(t->cells, (size_t)cap * (size_t)t->ncols * sizeof *c);
        if (!c)
            return -1;
        t->cells = c;
        char **l = realloc(t->links, (size_t)cap * sizeof *l);
        if (!l)
            return -1;
        t->links = l;
        t->cap = cap;
    }
    long r = t->nrows++;
    for (int c = 0; c < t->ncols; c++) {
        t->cells[r * t->ncols + c].text = NULL;
        t->cells[r * t->ncols + c].num = NAN;
    }
    t->links[r] = NULL;
    return r;
}

/* Text cells hold (offset + 1) in the arena, cast into the pointer, until read. */
int tb_table_set_text(tb_table *t, long row, int col, const char *text)
{
    if (!text) {
        t->cells[row * t->ncols + col].text = NULL;
        return 0;
    }
    size_t n = strlen(text) + 1;
    if (t->arena_len + n > t->arena_cap) {
        size_t cap = t->arena_cap ? t->arena_cap * 2 : 4096;
        while (cap < t->arena_len + n)
            cap *= 2;
        char *a = realloc(t->arena, cap);
        if (!a)
            return -1;
        t->arena = a;
        t->arena_cap = cap;
    }
    memcpy(t->arena + t->arena_len, text, n);
    t->cells[row * t->ncols + col].text = (const char *)(uintptr_t)(t->arena_len + 1);
    t->arena_len += n;
    return 0;
}

void tb_table_set_num(tb_table *t, long row, int col, double v)
{
    t->cells[row * t->ncols + col].num = v;
}

int tb_table_set_link(tb_table *t, long row, const char *href)
{
    free(t->links[row]);
    t->links[row] = dup(href);
    return t->links[row] || !href ? 0 : -1;
}

tb_cell tb_table_cell(const tb_table *t, long row, int col)
{
    const tb_cell *c = &t->cells[row * t->ncols + col];
    tb_cell out = {c->text ? t->arena + ((uintptr_t)c->text - 1) : NULL, c->num};
    return out;
}

int tb_table_col_is_code(const tb_table *t, int c)
{
    const char *k = t->col_keys[c];
    size_t n = strlen(k);
    return t->col_kinds[c] == TB_COL_INT &&
           (!strcmp(k, "id") || !strcmp(k, "tahun") || (n > 3 && !strcmp(k + n - 3, "_id")));
}
