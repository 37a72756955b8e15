/*
 * place.c - where a row's person lives: Kemendagri codes (with or without
 * dots), reading a place from a row, and resolving it to a stored desa by
 * code or by the names of the desa and the wilayah above it (imp_desa),
 * creating a coded desa that the store does not have yet when its names are
 * given. Resolutions are cached for the run (m->places); the names of the
 * stored wilayah are loaded once, at the first row that names its desa.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind.h"
#include "store/wilayah.h"

int imp_wilayah_code(const char *s, size_t len, char out[16])
{
    char d[16];
    size_t nd = 0;
    bool dots = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (nd >= 10)
                return -1;
            d[nd++] = s[i];
        } else if (s[i] == '.') {
            dots = true;
        } else {
            return -1;
        }
    }
    if (dots) {
        if (len >= 16)
            return -1;
        memcpy(out, s, len);
        out[len] = 0;
        return tb_wilayah_level(out);
    }
    static const size_t parts[] = {2, 2, 2, 4};
    size_t o = 0, p = 0;
    int level = 0;
    while (p < nd && level < 4) {
        if (p + parts[level] > nd)
            return -1;
        if (level)
            out[o++] = '.';
        memcpy(out + o, d + p, parts[level]);
        o += parts[level];
        p += parts[level];
        level++;
    }
    if (p != nd || !level)
        return -1;
    out[o] = 0;
    return level;
}

void imp_read_place(const imp *m, const tb_csv_row *row, const imp_place_cols *c, imp_place *p,
                    imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, c->kode_desa, &n);
    if (n && imp_wilayah_code(s, n, p->kode_desa) != 4) {
        imp_problem(rej, c->kode_desa, "'%.30s' bukan kode desa Kemendagri (35.07.01.2001)", s);
        p->kode_desa[0] = 0;
    }
    imp_text(m, row, c->prov, p->prov, sizeof p->prov, rej);
    imp_text(m, row, c->kab, p->kab, sizeof p->kab, rej);
    imp_text(m, row, c->kec, p->kec, sizeof p->kec, rej);
    imp_text(m, row, c->desa, p->desa, sizeof p->desa, rej);
    /* a code in the desa column */
    if (!p->kode_desa[0] && p->desa[0] &&
        imp_wilayah_code(p->desa, strlen(p->desa), p->kode_desa) != 4)
        p->kode_desa[0] = 0;
    else if (p->kode_desa[0] && !strcmp(p->kode_desa, p->desa))
        p->desa[0] = 0;
    if (!p->kode_desa[0] && !p->desa[0] && !rej->n)
        imp_problem(rej, m->col[c->kode_desa] >= 0 ? c->kode_desa : c->desa, "desa kosong");
}

/* --- desa resolution --------------------------------------------------------- */

/*
 * Names of stored wilayah, loaded once when a row names its desa instead of
 * coding it: "P|<parent code>|<folded name>" -> index of the code, and
 * "L<level>|<folded name>" -> index (or -1 when the name is not unique at that
 * level). Codes live in codes[].
 */
struct imp_places {
    imp_map names;
    imp_map resolved; /* the row's code|prov|kab|kec|desa -> index, or -1 (not found) */
    char (*codes)[16];
    long ncodes, capcodes;
    bool loaded;
};

/* Folds a wilayah name: lowercase letters and digits, common prefixes dropped. */
static size_t fold_wilayah(const char *name, int level, char *out, size_t cap)
{
    size_t n = imp_fold(name, strlen(name), out, cap);
    static const char *const prefixes[5][6] = {
        {NULL},
        {"provinsi", "prov", NULL},
        {"kabupaten", NULL},
        {"kecamatan", "kec", NULL},
        {"kelurahan", "desa", "kel", NULL},
    };
    for (int i = 0; level >= 1 && level <= 4 && prefixes[level][i]; i++) {
        size_t pl = strlen(prefixes[level][i]);
        if (n > pl + 1 && !strncmp(out, prefixes[level][i], pl)) {
            memmove(out, out + pl, n - pl + 1);
            n -= pl;
            break;
        }
    }
    /* "kabupaten malang" and "kab. malang" are one; "kota malang" stays apart */
    if (level == 2 && n > 3 && !strncmp(out, "kab", 3) && strncmp(out, "kabupaten", 9)) {
        memmove(out, out + 3, n - 2);
        n -= 3;
    }
    return n;
}

static long add_code(imp_places *x, const char *kode)
{
    char(*c)[16] = imp_grow(x->codes, x->ncodes, &x->capcodes, sizeof *c, 4096);
    if (!c)
        return -1;
    x->codes = c;
    snprintf(x->codes[x->ncodes], 16, "%s", kode);
    return x->ncodes++;
}

static int index_name(imp_places *x, const char *kode, int level, const char *nama)
{
    char f[128], key[200];
    fold_wilayah(nama, level, f, sizeof f);
    long ix = add_code(x, kode);
    if (ix < 0)
        return -1;
    char parent[16] = "";
    if (level > 1) {
        snprintf(parent, sizeof parent, "%s", kode);
        char *dot = strrchr(parent, '.');
        if (dot)
            *dot = 0;
    }
    int n = snprintf(key, sizeof key, "P|%s|%s", parent, f);
    if (!imp_map_put(&x->names, key, (size_t)n, ix))
        return -1;
    n = snprintf(key, sizeof key, "L%d|%s", level, f);
    long *v = imp_map_get(&x->names, key, (size_t)n);
    if (v)
        *v = -1; /* not unique */
    else if (!imp_map_put(&x->names, key, (size_t)n, ix))
        return -1;
    return 0;
}

static int index_cb(void *ctx, const char *kode, int tingkat, const char *nama)
{
    return index_name(ctx, kode, tingkat, nama ? nama : "") ? -2 : 0;
}

void imp_places_free(imp *m)
{
    imp_places *x = m->places;
    if (!x)
        return;
    imp_map_free(&x->names);
    imp_map_free(&x->resolved);
    free(x->codes);
    free(x);
    m->places = NULL;
}

/* Looks a name up under a parent (or, with no parent, at a level): index, -1 none, -2 ambiguous. */
static long lookup_name(const imp_places *x, const char *parent, int level, const char *nama)
{
    char f[128], key[200];
    fold_wilayah(nama, level, f, sizeof f);
    int n = parent ? snprintf(key, sizeof key, "P|%s|%s", parent, f)
                   : snprintf(key, sizeof key, "L%d|%s", level, f);
    long *v = imp_map_get(&x->names, key, (size_t)n);
    if (!v)
        return -1;
    return *v < 0 ? -2 : *v;
}

/* Creates wilayah kode (and its missing parents from names) when possible: 0, 1 (cannot), -1. */
static int create_wilayah(imp *m, const char *kode, const char *const names[5])
{
    int level = tb_wilayah_level(kode);
    char parent[16] = "";
    if (level > 1) {
        snprintf(parent, sizeof parent, "%s", kode);
        *strrchr(parent, '.') = 0;
        int have = tb_store_wilayah_get(m->store, parent, NULL, 0);
        if (have < 0)
            return -1;
        if (!have) {
            int r = create_wilayah(m, parent, names);
            if (r)
                return r;
        }
    }
    const char *nama = names[level];
    if (!nama || !*nama)
        return 1;
    if (tb_store_wilayah_put(m->store, kode, nama, NULL))
        return -1;
    if (m->places->loaded && index_name(m->places, kode, level, nama))
        return -1;
    return 0;
}

/* The key of a row's place, code|prov|kab|kec|desa| into key (cap bytes): its length, 0 if too
 * long. */
static size_t place_key(const char *const parts[5], char *key, size_t cap)
{
    size_t kn = 0;
    for (int i = 0; i < 5; i++) {
        size_t l = parts[i] ? strlen(parts[i]) : 0;
        if (kn + l + 1 >= cap)
            return 0;
        memcpy(key + kn, parts[i] ? parts[i] : "", l);
        kn += l;
        key[kn++] = '|';
    }
    return kn;
}

/* A desa given by its code (created when missing and names allow): 0, 1 (problem in rej), -1. */
static int desa_by_code(imp *m, const char *kode, const char *const names[5], const char *key,
                        size_t kn, int field_code, char out[16], imp_reject *rej)
{
    int have = tb_store_wilayah_get(m->store, kode, NULL, 0);
    if (have < 0)
        return -1;
    if (!have) {
        int r = create_wilayah(m, kode, names);
        if (r < 0)
            return -1;
        if (r) {
            imp_problem(rej, field_code,
                        "kode desa %s belum ada di daftar wilayah (impor wilayah dulu, atau "
                        "beri nama desa dan kecamatan)",
                        kode);
            return 1;
        }
    }
    long ix = add_code(m->places, kode);
    if (ix < 0 || !imp_map_put(&m->places->resolved, key, kn, ix))
        return tb_store_fail(m->store, "out of memory");
    snprintf(out, 16, "%s", kode);
    return 0;
}

/* Loads the names of the stored wilayah once. 0 or -1. */
static int load_names(imp *m)
{
    imp_places *x = m->places;
    if (x->loaded)
        return 0;
    int r = tb_store_wilayah_each(m->store, index_cb, x);
    if (r == -2)
        return tb_store_fail(m->store, "out of memory");
    if (r)
        return -1;
    x->loaded = true;
    return 0;
}

/* A desa given by names, from the province down: 0, 1 (problem in rej), -1. */
static int desa_by_names(imp *m, const char *const names[5], const char *key, size_t kn,
                         int field_name, char out[16], imp_reject *rej)
{
    if (load_names(m))
        return -1;
    imp_places *x = m->places;
    const char *parent = NULL;
    long ix = -1;
    static const char *const what[5] = {"", "provinsi", "kabupaten/kota", "kecamatan", "desa"};
    for (int level = 1; level <= 4; level++) {
        if (!names[level] || !*names[level])
            continue;
        ix = lookup_name(x, parent, level, names[level]);
        if (ix == -2) {
            imp_problem(rej, field_name,
                        "nama %s '%s' ada lebih dari satu: beri juga nama wilayah "
                        "di atasnya atau kode desa",
                        what[level], names[level]);
            return 1;
        }
        if (ix < 0) {
            imp_problem(rej, field_name, "%s '%s' tidak ditemukan di daftar wilayah%s", what[level],
                        names[level],
                        x->ncodes ? "" : " (daftar wilayah kosong: impor wilayah dulu)");
            imp_map_put(&x->resolved, key, kn, -1);
            return 1;
        }
        parent = x->codes[ix];
        if (tb_wilayah_level(parent) != level)
            break;
    }
    if (ix < 0 || tb_wilayah_level(x->codes[ix]) != 4) {
        imp_problem(rej, field_name, "desa tidak diketahui (kolom desa kosong)");
        return 1;
    }
    if (!imp_map_put(&x->resolved, key, kn, ix))
        return tb_store_fail(m->store, "out of memory");
    snprintf(out, 16, "%s", x->codes[ix]);
    return 0;
}

int imp_desa(imp *m, const char *kode, const char *prov, const char *kab, const char *kec,
             const char *desa, int field_code, int field_name, char out[16], imp_reject *rej)
{
    if (!m->places && !(m->places = calloc(1, sizeof *m->places)))
        return tb_store_fail(m->store, "out of memory");
    char key[600];
    const char *const parts[5] = {kode, prov, kab, kec, desa};
    size_t kn = place_key(parts, key, sizeof key);
    if (!kn) {
        imp_problem(rej, field_name, "nama wilayah terlalu panjang");
        return 1;
    }
    long *hit = imp_map_get(&m->places->resolved, key, kn);
    if (hit && *hit >= 0) {
        snprintf(out, 16, "%s", m->places->codes[*hit]);
        return 0;
    }
    const char *const names[5] = {NULL, prov, kab, kec, desa};
    if (kode && *kode)
        return desa_by_code(m, kode, names, key, kn, field_code, out, rej);
    if (hit) { /* known not to resolve */
        imp_problem(rej, field_name, "desa '%s' tidak ditemukan di daftar wilayah", desa);
        return 1;
    }
    return desa_by_names(m, names, key, kn, field_name, out, rej);
}

int imp_desa_verify(imp *m)
{
    if (!m->places)
        return 0;
    const imp_map *r = &m->places->resolved;
    for (size_t i = 0; i < r->nslots; i++) {
        if (!r->slots[i].hash || r->slots[i].val < 0)
            continue;
        const char *kode = m->places->codes[r->slots[i].val];
        int have = tb_store_wilayah_get(m->store, kode, NULL, 0);
        if (have <= 0)
            return have < 0 ? -1 : tb_store_fail(m->store, "wilayah %s hilang", kode);
    }
    return 0;
}
