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
#include "tb_match.h"
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
 * coding it. "N<level>|<folded name>" -> the last code of that level with
 * that name, next[] chaining the others (a name is found under any ancestor
 * by walking its chain); "C|<code>" -> the code's index. Codes live in
 * codes[], their names (for the messages) in nama[].
 */
struct imp_places {
    imp_map names;
    imp_map resolved; /* the row's code|prov|kab|kec|desa -> index, or -1 (not found) */
    char (*codes)[16];
    char (*nama)[64];
    long *next;
    long ncodes, capcodes, capnama, capnext;
    char district[16]; /* the kabupaten the database serves (pengaturan), or "" */
    bool loaded;
    /* names that did not resolve, in the order first seen; missix:
     * "level|parent|folded name" -> index into miss */
    tb_import_place_missing *miss;
    long nmiss, capmiss;
    imp_map missix;
};

size_t imp_fold_wilayah(const char *name, int level, char *out, size_t cap)
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
    if (c)
        x->codes = c;
    char(*nm)[64] = c ? imp_grow(x->nama, x->ncodes, &x->capnama, sizeof *nm, 4096) : NULL;
    if (nm)
        x->nama = nm;
    long *nx = nm ? imp_grow(x->next, x->ncodes, &x->capnext, sizeof *nx, 4096) : NULL;
    if (!nx)
        return -1;
    x->next = nx;
    snprintf(x->codes[x->ncodes], 16, "%s", kode);
    x->nama[x->ncodes][0] = 0;
    x->next[x->ncodes] = -1;
    return x->ncodes++;
}

/* Indexes a name of kode: its own (alias false: also found by code, offered
 * as a suggestion) or another spelling (wilayah_alias). 0 or -1. */
static int index_any(imp_places *x, const char *kode, int level, const char *nama, bool alias)
{
    char f[128], key[200];
    imp_fold_wilayah(nama, level, f, sizeof f);
    long ix = add_code(x, kode);
    if (ix < 0)
        return -1;
    int n;
    if (!alias) {
        snprintf(x->nama[ix], 64, "%s", nama);
        n = snprintf(key, sizeof key, "C|%s", kode);
        if (!imp_map_put(&x->names, key, (size_t)n, ix))
            return -1;
    }
    n = snprintf(key, sizeof key, "N%d|%s", level, f);
    long *v = imp_map_get(&x->names, key, (size_t)n);
    if (v) {
        x->next[ix] = *v;
        *v = ix;
    } else if (!imp_map_put(&x->names, key, (size_t)n, ix)) {
        return -1;
    }
    return 0;
}

static int index_name(imp_places *x, const char *kode, int level, const char *nama)
{
    return index_any(x, kode, level, nama, false);
}

static int index_cb(void *ctx, const char *kode, int tingkat, const char *nama)
{
    return index_name(ctx, kode, tingkat, nama ? nama : "") ? -2 : 0;
}

static int alias_cb(void *ctx, const char *kode, int tingkat, const char *nama)
{
    return index_any(ctx, kode, tingkat, nama ? nama : "", true) ? -2 : 0;
}

void imp_places_free(imp *m)
{
    imp_places *x = m->places;
    if (!x)
        return;
    imp_map_free(&x->names);
    imp_map_free(&x->resolved);
    imp_map_free(&x->missix);
    free(x->miss);
    free(x->codes);
    free(x->nama);
    free(x->next);
    free(x);
    m->places = NULL;
}

/* True when kode lies under the wilayah anc (NULL or "": anywhere). */
static bool is_under(const char *kode, const char *anc)
{
    size_t n = anc ? strlen(anc) : 0;
    return !n || (!strncmp(kode, anc, n) && kode[n] == '.');
}

/* The wilayah of a level with that name under anc (any depth): their
 * indexes into cand (at most max), and how many there are. */
static int lookup_name(const imp_places *x, const char *anc, int level, const char *nama,
                       long *cand, int max)
{
    char f[128], key[200];
    imp_fold_wilayah(nama, level, f, sizeof f);
    int n = snprintf(key, sizeof key, "N%d|%s", level, f);
    long *v = imp_map_get(&x->names, key, (size_t)n);
    int k = 0;
    for (long ix = v ? *v : -1; ix >= 0; ix = x->next[ix]) {
        if (!is_under(x->codes[ix], anc))
            continue;
        bool seen = false; /* a code found by its name and an alias alike */
        for (int i = 0; i < k && i < max && !seen; i++)
            seen = !strcmp(x->codes[cand[i]], x->codes[ix]);
        if (seen)
            continue;
        if (k < max)
            cand[k] = ix;
        k++;
    }
    return k;
}

/* The name of the parent of code ix ("" when not loaded). */
static const char *parent_name(const imp_places *x, long ix)
{
    char key[40], parent[16];
    snprintf(parent, sizeof parent, "%s", x->codes[ix]);
    char *dot = strrchr(parent, '.');
    if (dot)
        *dot = 0;
    int n = snprintf(key, sizeof key, "C|%s", parent);
    long *v = imp_map_get(&x->names, key, (size_t)n);
    return v ? x->nama[*v] : "";
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

/* Loads the names of the stored wilayah once, and the district the
 * database serves. 0 or -1. */
static int load_names(imp *m)
{
    imp_places *x = m->places;
    if (x->loaded)
        return 0;
    int r = tb_store_wilayah_each(m->store, index_cb, x);
    if (!r)
        r = tb_store_wilayah_alias_each(m->store, alias_cb, x);
    if (r == -2)
        return tb_store_fail(m->store, "out of memory");
    if (r || tb_store_setting_get(m->store, "kabupaten", x->district, sizeof x->district) < 0)
        return -1;
    x->loaded = true;
    return 0;
}

static const char *const level_what[5] = {"", "provinsi", "kabupaten/kota", "kecamatan", "desa"};

/* Writes the closest names of that level under anc (lib/match.c
 * similarity) into out as "A, B, C" and the closest one's index into
 * *first: "" and -1 when none is close. */
static void closest(const imp_places *x, const char *anc, int level, const char *nama, char *out,
                    size_t cap, long *first)
{
    char f[128], g[128];
    imp_fold_wilayah(nama, level, f, sizeof f);
    long best[3] = {-1, -1, -1};
    double sim[3] = {0, 0, 0};
    for (long ix = 0; ix < x->ncodes; ix++) {
        if (!x->nama[ix][0] || tb_wilayah_level(x->codes[ix]) != level ||
            !is_under(x->codes[ix], anc))
            continue;
        imp_fold_wilayah(x->nama[ix], level, g, sizeof g);
        double d = tb_name_similarity(f, g);
        for (int i = 0; i < 3; i++)
            if (d > sim[i] && d >= 0.75) {
                memmove(best + i + 1, best + i, (size_t)(2 - i) * sizeof *best);
                memmove(sim + i + 1, sim + i, (size_t)(2 - i) * sizeof *sim);
                best[i] = ix, sim[i] = d;
                break;
            }
    }
    size_t o = 0;
    out[0] = 0;
    *first = best[0];
    for (int i = 0; i < 3 && best[i] >= 0 && o < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s", i ? ", " : "", x->nama[best[i]]);
}

/* The code's name as loaded ("" when not). */
static const char *code_name(const imp_places *x, const char *kode)
{
    char key[40];
    int n = snprintf(key, sizeof key, "C|%s", kode);
    long *v = imp_map_get(&x->names, key, (size_t)n);
    return v ? x->nama[*v] : "";
}

/* Notes a name of that level under anc that did not resolve, with the
 * closest names offered (saran; first: the closest one's index or -1):
 * its index into x->miss, or -1 when out of memory. */
static long note_missing(imp_places *x, const char *anc, int level, const char *nama,
                         const char *saran, long first)
{
    char f[128], key[200];
    imp_fold_wilayah(nama, level, f, sizeof f);
    int n = snprintf(key, sizeof key, "%d|%s|%s", level, anc ? anc : "", f);
    long *v = imp_map_get(&x->missix, key, (size_t)n);
    if (v)
        return *v;
    tb_import_place_missing *e = imp_grow(x->miss, x->nmiss, &x->capmiss, sizeof *e, 16);
    if (!e)
        return -1;
    x->miss = e;
    e = &x->miss[x->nmiss];
    memset(e, 0, sizeof *e);
    e->tingkat = level;
    snprintf(e->nama, sizeof e->nama, "%.*s", (int)sizeof e->nama - 1, nama);
    snprintf(e->induk, sizeof e->induk, "%s", anc ? anc : "");
    snprintf(e->induk_nama, sizeof e->induk_nama, "%s", anc ? code_name(x, anc) : "");
    snprintf(e->saran, sizeof e->saran, "%.*s", (int)sizeof e->saran - 1, saran);
    snprintf(e->saran_kode, sizeof e->saran_kode, "%s", first >= 0 ? x->codes[first] : "");
    if (!imp_map_put(&x->missix, key, (size_t)n, x->nmiss))
        return -1;
    return x->nmiss++;
}

/* The problem of a name not found, the closest names offered. */
static void missing_problem(const imp_places *x, int level, const char *nama, const char *saran,
                            int field_name, imp_reject *rej)
{
    if (saran[0])
        imp_problem(rej, field_name, "%s '%s' tidak ditemukan di daftar wilayah; maksud Anda %s?",
                    level_what[level], nama, saran);
    else
        imp_problem(rej, field_name, "%s '%s' tidak ditemukan di daftar wilayah%s",
                    level_what[level], nama,
                    x->ncodes ? "" : " (daftar wilayah kosong: impor wilayah dulu)");
}

/* The problem of a name found more than once (the candidates named) or not
 * at all (the closest names offered; noted, its index in *miss, or -1).
 * Always 1. */
static int name_problem(imp *m, const char *anc, int level, const char *nama, const long *cand,
                        int k, int field_name, imp_reject *rej, long *miss)
{
    imp_places *x = m->places;
    char list[400] = "";
    size_t o = 0;
    if (k > 1) {
        for (int i = 0; i < k && i < 4 && o < sizeof list; i++)
            o +=
                (size_t)snprintf(list + o, sizeof list - o, "%s%s (%s %s)", i ? ", " : "",
                                 x->codes[cand[i]], level_what[level - 1], parent_name(x, cand[i]));
        imp_problem(rej, field_name, "%s '%s' ada lebih dari satu: %s; beri nama %s atau kode desa",
                    level_what[level], nama, list, level_what[level > 1 ? level - 1 : 1]);
        return 1;
    }
    long first;
    closest(x, anc, level, nama, list, sizeof list, &first);
    missing_problem(x, level, nama, list, field_name, rej);
    *miss = note_missing(x, anc, level, nama, list, first);
    if (*miss >= 0)
        x->miss[*miss].rows++;
    return 1;
}

/* A desa given by names, from the province down (inside the district the
 * database serves when the row names no province or kabupaten): 0, 1
 * (problem in rej), -1. */
static int desa_by_names(imp *m, const char *const names[5], const char *key, size_t kn,
                         int field_name, char out[16], imp_reject *rej)
{
    if (load_names(m))
        return -1;
    imp_places *x = m->places;
    const char *parent = NULL;
    if (x->district[0] && !(names[1] && *names[1]) && !(names[2] && *names[2]))
        parent = x->district;
    long ix = -1;
    for (int level = 1; level <= 4; level++) {
        if (!names[level] || !*names[level])
            continue;
        long cand[4], miss = -1;
        int k = lookup_name(x, parent, level, names[level], cand, 4);
        if (k != 1) {
            int r = name_problem(m, parent, level, names[level], cand, k, field_name, rej, &miss);
            if (!k) /* known not to resolve: -1, or -2 - its note */
                imp_map_put(&x->resolved, key, kn, miss >= 0 ? -2 - miss : -1);
            return r;
        }
        ix = cand[0];
        parent = x->codes[ix];
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
    if (hit && *hit <= -2) { /* known not to resolve, noted */
        tb_import_place_missing *e = &m->places->miss[-2 - *hit];
        e->rows++;
        missing_problem(m->places, e->tingkat, names[e->tingkat], e->saran, field_name, rej);
        return 1;
    }
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

/* Orders notes by rows, most first, then in the order first seen. */
static int by_rows(const void *a, const void *b)
{
    const tb_import_place_missing *x = *(tb_import_place_missing *const *)a;
    const tb_import_place_missing *y = *(tb_import_place_missing *const *)b;
    if (x->rows != y->rows)
        return x->rows > y->rows ? -1 : 1;
    return x < y ? -1 : x > y;
}

void imp_places_missing(imp *m, tb_import_summary *sum)
{
    imp_places *x = m->places;
    sum->places_missing = x ? x->nmiss : 0;
    sum->nmissing = 0;
    if (!x || !x->nmiss)
        return;
    tb_import_place_missing **v = malloc((size_t)x->nmiss * sizeof *v);
    if (!v)
        return; /* the list is a help, not the import's result */
    for (long i = 0; i < x->nmiss; i++)
        v[i] = &x->miss[i];
    qsort(v, (size_t)x->nmiss, sizeof *v, by_rows);
    for (long i = 0; i < x->nmiss && i < TB_IMPORT_MISSING_MAX; i++)
        sum->missing[sum->nmissing++] = *v[i];
    free(v);
}
