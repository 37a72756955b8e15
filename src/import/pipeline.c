/*
 * cmd_import.c - `tumbuh import KIND FILE`: e-PPGBM exports, family census
 * rows, catin screenings and the Kemendagri code list into the store.
 *
 *   tumbuh [--db PATH] import KIND FILE [--sheet NAME] [--map HEADER=FIELD,...]
 *                                       [--rejects PATH]
 *
 * The file (CSV or XLSX) is read on a reader thread that also parses and
 * validates each row (the kind's prepare); the main thread stores the rows
 * in one transaction (the kind's store), in file order. A row that fails is
 * written to the rejects file (FILE.tolak.csv by default) with its line, the
 * column and the reason; the others are stored. A fatal error (unreadable
 * file, missing column, store error) rolls everything back: a run stores
 * all its valid rows or nothing. At the end one line goes to stdout:
 *   read=N imported=N updated=N rejected=N [matched_by_name=N] [rejects=PATH]
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/clock.h"
#include "format/anthro_input.h"
#include "cli/commands.h"
#include "format/csv.h"
#include "import/kind.h"
#include "store/people.h"
#include "store/write.h"
#include "tb_date.h"
#include "format/xlsx.h"

#define BATCH_ROWS 2048
#define NRING 3
#define MAX_COLS 4096 /* fields of a row (the CSV reader's default limit) */

static const imp_kind *const kinds[] = {&imp_kind_eppgbm, &imp_kind_keluarga, &imp_kind_catin,
                                        &imp_kind_wilayah};

/* --- small helpers shared with the kinds ---------------------------------- */

void imp_problem(imp_reject *rej, int field, const char *fmt, ...)
{
    if (rej->n >= IMP_MAX_PROBLEMS)
        return;
    rej->p[rej->n].field = field;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rej->p[rej->n].reason, sizeof rej->p[rej->n].reason, fmt, ap);
    va_end(ap);
    rej->n++;
}

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

size_t imp_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 128 && isalnum(c))
            out[n++] = (char)tolower(c);
    }
    out[n] = 0;
    return n;
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

/* --- values ---------------------------------------------------------------- */

const char *imp_value(const imp *m, const tb_csv_row *row, int f, size_t *len)
{
    int c = m->col[f];
    if (c < 0 || c >= row->nfields) {
        *len = 0;
        return "";
    }
    const char *s = row->fields[c];
    size_t n = row->lens[c];
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

bool imp_has(const imp *m, const tb_csv_row *row, int f)
{
    size_t n;
    imp_value(m, row, f, &n);
    return n > 0;
}

bool imp_text(const imp *m, const tb_csv_row *row, int f, char *buf, size_t cap, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    if (n >= cap) {
        imp_problem(rej, f, "teks terlalu panjang (%zu byte, paling banyak %zu)", n, cap - 1);
        buf[0] = 0;
        return false;
    }
    /* collapse runs of blanks into one space */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (isspace((unsigned char)c)) {
            if (o && buf[o - 1] != ' ')
                buf[o++] = ' ';
        } else {
            buf[o++] = c;
        }
    }
    buf[o] = 0;
    return true;
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

bool imp_in_range(imp_reject *rej, int f, double v, double lo, double hi, const char *unit)
{
    if (isnan(v) || (v >= lo && v <= hi))
        return true;
    imp_problem(rej, f, "%.1f%s%s di luar rentang wajar (%g-%g)", v, *unit ? " " : "", unit, lo,
                hi);
    return false;
}

bool imp_number_in(const imp *m, const tb_csv_row *row, int f, double lo, double hi,
                   const char *unit, double *out, imp_reject *rej)
{
    if (!imp_number(m, row, f, out, rej))
        return false;
    if (imp_in_range(rej, f, *out, lo, hi, unit))
        return true;
    *out = NAN;
    return false;
}

void imp_add_factor(char *list, size_t cap, const char *f)
{
    size_t n = strlen(list);
    snprintf(list + n, cap - n, "%s%s", n ? "," : "", f);
}

/* A short, printable copy of a value for messages. */
static const char *shown(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 4 < cap; i++)
        buf[o++] = (unsigned char)s[i] < 32 ? '?' : s[i];
    if (o < n && o + 4 <= cap) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = 0;
    return buf;
}

bool imp_number(const imp *m, const tb_csv_row *row, int f, double *out, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *out = NAN;
    if (!n)
        return true;
    if (tb_parse_number(s, n, true, out) || !isfinite(*out)) {
        char b[48];
        imp_problem(rej, f, "'%s' bukan angka", shown(s, n, b, sizeof b));
        *out = NAN;
        return false;
    }
    return true;
}

void imp_iso(long day, char *buf)
{
    long y;
    unsigned mo, d;
    tb_date_civil(day, &y, &mo, &d);
    unsigned yy = y < 0 ? 0 : y > 9999 ? 9999 : (unsigned)y;
    const unsigned v[3] = {yy, mo % 100, d % 100};
    const int width[3] = {4, 2, 2};
    int o = 0;
    for (int i = 0; i < 3; i++) {
        if (i)
            buf[o++] = '-';
        for (int k = width[i] - 1; k >= 0; k--) {
            unsigned x = v[i];
            for (int j = 0; j < k; j++)
                x /= 10;
            buf[o++] = (char)('0' + x % 10);
        }
    }
    buf[o] = 0;
}

bool imp_date(const imp *m, const tb_csv_row *row, int f, bool future_ok, long *day,
              imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *day = -1;
    if (!n)
        return true;
    char b[48];
    long d;
    size_t dn = n;
    /* "2024-03-05 00:00:00", "2024-03-05T08:00" */
    if (n > 10 && (s[10] == ' ' || s[10] == 'T') && s[4] == '-')
        dn = 10;
    else if (n > 10 && s[n - 9] == ' ' && s[n - 6] == ':') /* "05/03/2024 08:00:00" */
        dn = n - 9;
    if (!tb_parse_date(s, dn, &d)) {
        *day = d;
    } else {
        /* an Excel serial day written as a number (1900 system) */
        double v;
        if (n <= 8 && !tb_parse_number(s, n, false, &v) && v >= 1 && v < 80000 && v == floor(v)) {
            *day = tb_date_days(1899, 12, 30) + (long)v;
        } else {
            imp_problem(rej, f, "'%s' bukan tanggal (yyyy-mm-dd atau dd/mm/yyyy)",
                        shown(s, n, b, sizeof b));
            return false;
        }
    }
    if (*day < tb_date_days(1900, 1, 1)) {
        imp_problem(rej, f, "tanggal '%s' sebelum tahun 1900", shown(s, n, b, sizeof b));
        *day = -1;
        return false;
    }
    if (!future_ok && *day > m->today) {
        imp_problem(rej, f, "tanggal '%s' di masa depan", shown(s, n, b, sizeof b));
        *day = -1;
        return false;
    }
    return true;
}

static const char *const male_words[] = {"1",        "l",    "m",    "lk", "laki",
                                         "lakilaki", "pria", "male", NULL};
static const char *const female_words[] = {"2",         "p",      "f",      "w", "pr",
                                           "perempuan", "wanita", "female", NULL};
static const char *const yes_words[] = {"1",     "y",   "ya",    "yes",      "true",
                                        "benar", "ada", "punya", "memiliki", NULL};
static const char *const no_words[] = {"0",  "2",     "n",     "t",        "tidak", "tdk",
                                       "no", "false", "salah", "tidakada", "belum", NULL};

static int word_index(const char *s, size_t n, const char *const *words)
{
    char f[32];
    if (n > 30)
        return -1;
    imp_fold(s, n, f, sizeof f);
    for (int i = 0; words[i]; i++)
        if (!strcmp(f, words[i]))
            return i;
    return -1;
}

bool imp_sex(const imp *m, const tb_csv_row *row, int f, int *jk, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *jk = 0;
    if (!n)
        return true;
    if (word_index(s, n, male_words) >= 0) {
        *jk = 1;
    } else if (word_index(s, n, female_words) >= 0) {
        *jk = 2;
    } else {
        char b[48];
        imp_problem(rej, f, "'%s' bukan jenis kelamin (L/P, 1/2)", shown(s, n, b, sizeof b));
        return false;
    }
    return true;
}

bool imp_yesno(const imp *m, const tb_csv_row *row, int f, int *v, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *v = -1;
    if (!n)
        return true;
    if (word_index(s, n, yes_words) >= 0) {
        *v = 1;
    } else if (word_index(s, n, no_words) >= 0) {
        *v = 0;
    } else {
        char b[48];
        imp_problem(rej, f, "'%s' bukan ya/tidak", shown(s, n, b, sizeof b));
        return false;
    }
    return true;
}

bool imp_nik(const imp *m, const tb_csv_row *row, int f, bool nik, char out[17], imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    out[0] = 0;
    if (n && (*s == '\'' || *s == '`'))
        s++, n--;
    char b[48];
    size_t k = 0;
    bool sci = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (k < 16)
                out[k] = c;
            k++;
        } else if (c == 'E' || c == 'e' || c == '+' || c == '.' || c == ',') {
            sci = true;
        } else if (c != ' ' && c != '-') {
            k = 99;
        }
    }
    if (!n)
        return true;
    const char *what = nik ? "NIK" : "nomor KK";
    if (sci && k < 16) {
        imp_problem(rej, f,
                    "%s '%s' tertulis sebagai angka (digit hilang): format kolom %s sebagai teks",
                    what, shown(s, n, b, sizeof b), what);
        out[0] = 0;
        return false;
    }
    if (k != 16 || sci) {
        imp_problem(rej, f, "%s '%s' harus 16 angka", what, shown(s, n, b, sizeof b));
        out[0] = 0;
        return false;
    }
    out[16] = 0;
    if (nik) {
        int prov = (out[0] - '0') * 10 + (out[1] - '0');
        int day = (out[6] - '0') * 10 + (out[7] - '0');
        int mon = (out[8] - '0') * 10 + (out[9] - '0');
        if (prov < 11 || prov > 94 || mon < 1 || mon > 12 || day < 1 || day > 71 ||
            (day > 31 && day < 41)) {
            imp_problem(rej, f, "NIK '%s' tidak sah (kode provinsi atau tanggal lahir di dalamnya)",
                        out);
            out[0] = 0;
            return false;
        }
    }
    return true;
}

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

/* --- desa resolution --------------------------------------------------------- */

/*
 * Names of stored wilayah, loaded once when a row names its desa instead of
 * coding it: "P|<parent code>|<folded name>" -> index of the code, and
 * "L<level>|<folded name>" -> index (or -1 when the name is not unique at that
 * level). Codes live in codes[].
 */
typedef struct {
    imp_map names;
    imp_map resolved; /* the row's code|prov|kab|kec|desa -> index, or -1 (not found) */
    char (*codes)[16];
    long ncodes, capcodes;
    bool loaded;
} desa_index;

static desa_index desa_idx; /* one import per process */

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

static long add_code(desa_index *x, const char *kode)
{
    char(*c)[16] = imp_grow(x->codes, x->ncodes, &x->capcodes, sizeof *c, 4096);
    if (!c)
        return -1;
    x->codes = c;
    snprintf(x->codes[x->ncodes], 16, "%s", kode);
    return x->ncodes++;
}

static int index_name(desa_index *x, const char *kode, int level, const char *nama)
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

static void desa_index_free(void)
{
    imp_map_free(&desa_idx.names);
    imp_map_free(&desa_idx.resolved);
    free(desa_idx.codes);
    memset(&desa_idx, 0, sizeof desa_idx);
}

/* Looks a name up under a parent (or, with no parent, at a level): index, -1 none, -2 ambiguous. */
static long lookup_name(const char *parent, int level, const char *nama)
{
    char f[128], key[200];
    fold_wilayah(nama, level, f, sizeof f);
    int n = parent ? snprintf(key, sizeof key, "P|%s|%s", parent, f)
                   : snprintf(key, sizeof key, "L%d|%s", level, f);
    long *v = imp_map_get(&desa_idx.names, key, (size_t)n);
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
    if (desa_idx.loaded && index_name(&desa_idx, kode, level, nama))
        return -1;
    return 0;
}

int imp_desa(imp *m, const char *kode, const char *prov, const char *kab, const char *kec,
             const char *desa, int field_code, int field_name, char out[16], imp_reject *rej)
{
    char key[600];
    size_t kn = 0;
    const char *parts[5] = {kode, prov, kab, kec, desa};
    for (int i = 0; i < 5; i++) {
        size_t l = parts[i] ? strlen(parts[i]) : 0;
        if (kn + l + 1 >= sizeof key) {
            imp_problem(rej, field_name, "nama wilayah terlalu panjang");
            return 1;
        }
        memcpy(key + kn, parts[i] ? parts[i] : "", l);
        kn += l;
        key[kn++] = '|';
    }
    long *hit = imp_map_get(&desa_idx.resolved, key, kn);
    if (hit && *hit >= 0) {
        snprintf(out, 16, "%s", desa_idx.codes[*hit]);
        return 0;
    }
    const char *names[5] = {NULL, prov, kab, kec, desa};
    if (kode && *kode) {
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
        long ix = add_code(&desa_idx, kode);
        if (ix < 0 || !imp_map_put(&desa_idx.resolved, key, kn, ix))
            return tb_store_fail(m->store, "out of memory");
        snprintf(out, 16, "%s", kode);
        return 0;
    }
    if (hit) { /* known not to resolve */
        imp_problem(rej, field_name, "desa '%s' tidak ditemukan di daftar wilayah", desa);
        return 1;
    }
    if (!desa_idx.loaded) {
        int r = tb_store_wilayah_each(m->store, index_cb, &desa_idx);
        if (r == -2)
            return tb_store_fail(m->store, "out of memory");
        if (r)
            return -1;
        desa_idx.loaded = true;
    }
    const char *parent = NULL;
    long ix = -1;
    static const char *const what[5] = {"", "provinsi", "kabupaten/kota", "kecamatan", "desa"};
    for (int level = 1; level <= 4; level++) {
        if (!names[level] || !*names[level])
            continue;
        ix = lookup_name(parent, level, names[level]);
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
                        desa_idx.ncodes ? "" : " (daftar wilayah kosong: impor wilayah dulu)");
            imp_map_put(&desa_idx.resolved, key, kn, -1);
            return 1;
        }
        parent = desa_idx.codes[ix];
        if (tb_wilayah_level(parent) != level)
            break;
    }
    if (ix < 0 || tb_wilayah_level(desa_idx.codes[ix]) != 4) {
        imp_problem(rej, field_name, "desa tidak diketahui (kolom desa kosong)");
        return 1;
    }
    if (!imp_map_put(&desa_idx.resolved, key, kn, ix))
        return tb_store_fail(m->store, "out of memory");
    snprintf(out, 16, "%s", desa_idx.codes[ix]);
    return 0;
}

int imp_desa_verify(imp *m)
{
    const imp_map *r = &desa_idx.resolved;
    for (size_t i = 0; i < r->nslots; i++) {
        if (!r->slots[i].hash || r->slots[i].val < 0)
            continue;
        const char *kode = desa_idx.codes[r->slots[i].val];
        int have = tb_store_wilayah_get(m->store, kode, NULL, 0);
        if (have <= 0)
            return have < 0 ? -1 : tb_store_fail(m->store, "wilayah %s hilang", kode);
    }
    return 0;
}

/* --- the source: CSV or XLSX --------------------------------------------------- */

typedef struct {
    FILE *f;
    tb_csv_reader *csv;
    tb_xlsx_reader *xlsx;
    long long size;
    char delim;
} source;

static tb_csv_status src_next(source *s, tb_csv_row *row)
{
    return s->xlsx ? tb_xlsx_next(s->xlsx, row) : tb_csv_next(s->csv, row);
}

static const char *src_error(const source *s)
{
    return s->xlsx ? tb_xlsx_error(s->xlsx) : tb_csv_error(s->csv);
}

static long long src_bytes(const source *s)
{
    return s->xlsx ? tb_xlsx_bytes_read(s->xlsx) : tb_csv_bytes_read(s->csv);
}

/* Explains a CSV reader error in Bahasa Indonesia. */
static const char *csv_status_text(tb_csv_status st)
{
    switch (st) {
    case TB_CSV_ERR_QUOTE:
        return "berkas terpotong atau tanda kutip tidak ditutup";
    case TB_CSV_ERR_TOO_LONG:
        return "satu baris atau sel terlalu panjang";
    case TB_CSV_ERR_TOO_WIDE:
        return "terlalu banyak kolom";
    case TB_CSV_ERR_BINARY:
        return "berisi data biner (bukan teks CSV; UTF-16? simpan ulang sebagai CSV UTF-8)";
    case TB_CSV_ERR_ENCODING:
        return "bukan teks UTF-8 (mungkin Latin-1/ANSI: simpan ulang sebagai CSV UTF-8)";
    case TB_CSV_ERR_NOMEM:
        return "memori habis";
    default:
        return "tidak dapat dibaca";
    }
}

/* --- batches and the reader thread ------------------------------------------- */

typedef struct {
    int n;
    char *text;
    size_t tlen, tcap;
    size_t *foff, *flen;
    size_t nf, fcap;
    int fstart[BATCH_ROWS], nfields[BATCH_ROWS];
    long line[BATCH_ROWS];
    unsigned char *recs;
    imp_reject rej[BATCH_ROWS];
    int status; /* 0 more to come, 1 end of file, -1 error (message in err) */
    char err[400];
    int state; /* 0 free, 1 filled */
} batch;

typedef struct {
    imp *m;
    source *src;
    const char *path;
    batch *ring; /* [NRING] */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool stop; /* the main thread gave up */
    long long bytes;
    /* rows are validated (kind->prepare: parsing, z-scores) on the reader
     * thread for CSV, where storing is the slower side; for XLSX, whose XML
     * takes the reader longer than storing takes the main thread, on the
     * main thread (1M e-PPGBM rows: see bench/import.sh XLSX=1) */
    bool prepare_in_reader;
} pipeline;

static int batch_grow_text(batch *b, size_t need)
{
    if (b->tlen + need <= b->tcap)
        return 0;
    size_t cap = b->tcap ? b->tcap : 1 << 20;
    while (cap < b->tlen + need)
        cap *= 2;
    char *t = realloc(b->text, cap);
    if (!t)
        return -1;
    b->text = t;
    b->tcap = cap;
    return 0;
}

static int batch_add(batch *b, const tb_csv_row *row)
{
    size_t need = 0;
    for (int k = 0; k < row->nfields; k++)
        need += row->lens[k] + 1;
    if (batch_grow_text(b, need))
        return -1;
    if (b->nf + (size_t)row->nfields > b->fcap) {
        size_t cap = b->fcap ? b->fcap : 65536;
        while (cap < b->nf + (size_t)row->nfields)
            cap *= 2;
        size_t *a = realloc(b->foff, cap * sizeof *a);
        if (!a)
            return -1;
        b->foff = a;
        size_t *l = realloc(b->flen, cap * sizeof *l);
        if (!l)
            return -1;
        b->flen = l;
        b->fcap = cap;
    }
    int i = b->n++;
    b->fstart[i] = (int)b->nf;
    b->nfields[i] = row->nfields;
    b->line[i] = row->line;
    for (int k = 0; k < row->nfields; k++) {
        b->foff[b->nf] = b->tlen;
        b->flen[b->nf++] = row->lens[k];
        memcpy(b->text + b->tlen, row->fields[k], row->lens[k]);
        b->tlen += row->lens[k];
        b->text[b->tlen++] = 0;
    }
    return 0;
}

/* Rebuilds row i of a batch (fields point into the batch; fields/lens need room). */
static void batch_row(const batch *b, int i, tb_csv_row *row, char **fields, size_t *lens)
{
    row->nfields = b->nfields[i];
    for (int k = 0; k < row->nfields; k++) {
        fields[k] = b->text + b->foff[b->fstart[i] + k];
        lens[k] = b->flen[b->fstart[i] + k];
    }
    row->fields = fields;
    row->lens = lens;
    row->raw = "";
    row->raw_len = 0;
    row->line = b->line[i];
    row->record = 0;
}

static bool row_blank(const tb_csv_row *row)
{
    for (int k = 0; k < row->nfields; k++)
        for (size_t i = 0; i < row->lens[k]; i++)
            if (!isspace((unsigned char)row->fields[k][i]))
                return false;
    return true;
}

/* Checks the shape of a row, then lets the kind prepare it. */
static void prepare_row(const imp *m, const tb_csv_row *row, void *rec, imp_reject *rej)
{
    rej->n = 0;
    if (row->nfields < m->ncols) {
        imp_problem(rej, -1, "baris berisi %d kolom, judul kolom %d", row->nfields, m->ncols);
        return;
    }
    for (int k = m->ncols; k < row->nfields; k++) {
        if (row->lens[k]) {
            imp_problem(rej, -1, "baris berisi %d kolom, judul kolom %d", row->nfields, m->ncols);
            return;
        }
    }
    m->kind->prepare(m, row, rec, rej);
}

/* Does the file end without a line break (a cut-off last record)? */
static bool ends_cut(FILE *f)
{
    struct stat st;
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || st.st_size == 0)
        return false;
    long pos = ftell(f);
    int c = EOF;
    if (!fseek(f, -1, SEEK_END))
        c = fgetc(f);
    fseek(f, pos, SEEK_SET);
    return c != '\n' && c != '\r';
}

static void *reader_main(void *arg)
{
    pipeline *p = arg;
    imp *m = p->m;
    long seq = 0;
    char *fields[MAX_COLS];
    size_t lens[MAX_COLS];
    int last_nfields = -1;
    for (;;) {
        batch *b = &p->ring[seq % NRING];
        pthread_mutex_lock(&p->mu);
        while (b->state != 0 && !p->stop)
            pthread_cond_wait(&p->cv, &p->mu);
        bool stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (stop)
            return NULL;
        b->n = 0;
        b->tlen = 0;
        b->nf = 0;
        b->status = 0;
        b->err[0] = 0;
        while (b->n < BATCH_ROWS) {
            tb_csv_row row;
            tb_csv_status st = src_next(p->src, &row);
            if (st == TB_CSV_EOF) {
                b->status = 1;
                /* a last row cut short: the file was truncated */
                if (!p->src->xlsx && last_nfields >= 0 && last_nfields < m->ncols &&
                    ends_cut(p->src->f)) {
                    b->status = -1;
                    snprintf(b->err, sizeof b->err,
                             "%s terpotong: baris terakhir tidak lengkap (%d dari %d kolom)",
                             p->path, last_nfields, m->ncols);
                }
                break;
            }
            if (st != TB_CSV_OK) {
                b->status = -1;
                snprintf(b->err, sizeof b->err, "%s: %s (%s)", p->path, csv_status_text(st),
                         src_error(p->src));
                break;
            }
            if (row.nfields > MAX_COLS) {
                b->status = -1;
                snprintf(b->err, sizeof b->err, "%s: baris %ld: terlalu banyak kolom (%d)", p->path,
                         row.line, row.nfields);
                break;
            }
            if (row_blank(&row))
                continue;
            last_nfields = row.nfields;
            if (batch_add(b, &row)) {
                b->status = -1;
                snprintf(b->err, sizeof b->err, "memori habis");
                break;
            }
            if (p->prepare_in_reader) {
                int i = b->n - 1;
                tb_csv_row copy;
                batch_row(b, i, &copy, fields, lens);
                prepare_row(m, &copy, b->recs + (size_t)i * m->kind->rec_size, &b->rej[i]);
            }
        }
        pthread_mutex_lock(&p->mu);
        p->bytes = src_bytes(p->src);
        b->state = 1;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (b->status)
            return NULL;
        seq++;
    }
}

/* --- rejects ---------------------------------------------------------------------- */

typedef struct {
    const char *path;
    char *tmp;
    FILE *f;
    char delim;
    char *buf;
    size_t cap;
} rejects;

static rejects rj;

static int rj_field(const char *s, size_t len, bool first)
{
    if (len * 2 + 4 > rj.cap) {
        size_t cap = len * 2 + 4096;
        char *b = realloc(rj.buf, cap);
        if (!b)
            return -1;
        rj.buf = b;
        rj.cap = cap;
    }
    size_t n = tb_csv_quote(rj.buf, s, len, rj.delim);
    if (!first)
        fputc(rj.delim, rj.f);
    return fwrite(rj.buf, 1, n, rj.f) == n ? 0 : -1;
}

static int rj_open(imp *m)
{
    size_t n = strlen(rj.path) + 8;
    rj.tmp = malloc(n);
    if (!rj.tmp)
        return -1;
    snprintf(rj.tmp, n, "%s.tmp", rj.path);
    rj.f = fopen(rj.tmp, "wb");
    if (!rj.f) {
        snprintf(m->err, sizeof m->err, "tidak dapat menulis %s: %s", rj.tmp, strerror(errno));
        return -1;
    }
    for (int k = 0; k < m->ncols; k++)
        if (rj_field(m->header[k], strlen(m->header[k]), k == 0))
            return -1;
    const char *extra[] = {"baris", "kolom", "alasan"};
    for (int k = 0; k < 3; k++)
        if (rj_field(extra[k], strlen(extra[k]), m->ncols == 0 && k == 0))
            return -1;
    fputc('\n', rj.f);
    return 0;
}

int imp_reject_row(imp *m, long line, int nfields, char *const *fields, const size_t *lens,
                   const imp_reject *rej)
{
    if (!rj.f && rj_open(m))
        return -1;
    int nout = nfields > m->ncols ? nfields : m->ncols;
    for (int k = 0; k < nout; k++)
        if (rj_field(k < nfields ? fields[k] : "", k < nfields ? lens[k] : 0, k == 0))
            return -1;
    char num[32], kolom[512] = "", alasan[1024] = "";
    size_t ko = 0, ao = 0;
    for (int i = 0; i < rej->n; i++) {
        int f = rej->p[i].field;
        const char *name = f < 0                                    ? ""
                           : m->col[f] >= 0 && m->col[f] < m->ncols ? m->header[m->col[f]]
                                                                    : m->kind->fields[f].name;
        int w = snprintf(kolom + ko, sizeof kolom - ko, "%s%s", i ? "; " : "", name);
        if (w > 0 && ko + (size_t)w < sizeof kolom)
            ko += (size_t)w;
        w = snprintf(alasan + ao, sizeof alasan - ao, "%s%s", i ? "; " : "", rej->p[i].reason);
        if (w > 0 && ao + (size_t)w < sizeof alasan)
            ao += (size_t)w;
    }
    snprintf(num, sizeof num, "%ld", line);
    if (rj_field(num, strlen(num), nout == 0) || rj_field(kolom, strlen(kolom), false) ||
        rj_field(alasan, strlen(alasan), false) || fputc('\n', rj.f) == EOF)
        return -1;
    m->rejected++;
    return 0;
}

/* --- the run ---------------------------------------------------------------------- */

typedef struct {
    const char *kind;
    const char *path;
    const char *sheet;
    const char *map;
    const char *rejects;
} options;

static void usage(FILE *f)
{
    fprintf(f, "usage: tumbuh [--db PATH] import KIND FILE [--sheet NAME] [--map HEADER=FIELD,...]"
               " [--rejects PATH]\n\n"
               "KIND:\n");
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        fprintf(f, "  %-9s %s\n", kinds[i]->name, kinds[i]->summary);
    fprintf(f, "\nFILE is CSV (',' ';' or tab) or XLSX (the first sheet, or --sheet NAME).\n"
               "Columns are found by header name (see README.md); --map names a header for a\n"
               "field. Rejected rows go to FILE.tolak.csv (or --rejects PATH) with baris, kolom,\n"
               "alasan. Prints: read=N imported=N updated=N rejected=N ...\n");
}

static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--sheet") && i + 1 < argc) {
            o->sheet = argv[++i];
        } else if (!strcmp(a, "--map") && i + 1 < argc) {
            o->map = argv[++i];
        } else if (!strcmp(a, "--rejects") && i + 1 < argc) {
            o->rejects = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tumbuh import: pilihan '%s' tidak dikenal\n", a);
            usage(stderr);
            return -1;
        } else if (!o->kind) {
            o->kind = a;
        } else if (!o->path) {
            o->path = a;
        } else {
            fprintf(stderr, "tumbuh import: satu berkas setiap kali\n");
            return -1;
        }
    }
    if (!o->kind || !o->path) {
        usage(stderr);
        return -1;
    }
    return 0;
}

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

/* Maps the header to fields (aliases, then --map). 0 or -1 with a message. */
static int map_columns(imp *m, const char *map, char *err, size_t errlen)
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

/* Opens the input: XLSX by name or content, else CSV. 0 or -1 (message printed). */
static int open_source(source *s, const options *o)
{
    memset(s, 0, sizeof *s);
    const char *path = o->path;
    s->f = fopen(path, "rb");
    if (!s->f) {
        fprintf(stderr, "tumbuh import: tidak dapat membuka %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (!fstat(fileno(s->f), &st))
        s->size = st.st_size;
    unsigned char magic[8] = {0};
    size_t got = fread(magic, 1, sizeof magic, s->f);
    rewind(s->f);
    size_t pl = strlen(path);
    bool xlsx_name =
        pl > 5 && (!strcasecmp(path + pl - 5, ".xlsx") || !strcasecmp(path + pl - 5, ".xlsm"));
    bool zip = got >= 4 && !memcmp(magic, "PK\3\4", 4);
    if (got >= 8 && !memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        fprintf(stderr,
                "tumbuh import: %s adalah berkas Excel 97-2003 (.xls) yang tidak "
                "didukung: simpan sebagai .xlsx atau CSV UTF-8\n",
                path);
        return -1;
    }
    if (got >= 2 &&
        ((magic[0] == 0xFF && magic[1] == 0xFE) || (magic[0] == 0xFE && magic[1] == 0xFF))) {
        fprintf(stderr, "tumbuh import: %s berkode UTF-16: simpan ulang sebagai CSV UTF-8\n", path);
        return -1;
    }
    if (xlsx_name || zip) {
        char err[512];
        s->xlsx = tb_xlsx_open(path, o->sheet, err, sizeof err);
        if (!s->xlsx) {
            fprintf(stderr, "tumbuh import: %s bukan berkas XLSX yang dapat dibaca: %s\n", path,
                    err);
            return -1;
        }
        s->delim = ',';
        return 0;
    }
    if (o->sheet) {
        fprintf(stderr, "tumbuh import: --sheet hanya untuk berkas XLSX\n");
        return -1;
    }
    s->csv = tb_csv_open(s->f, NULL);
    if (!s->csv) {
        fprintf(stderr, "tumbuh import: memori habis\n");
        return -1;
    }
    return 0;
}

static void close_source(source *s)
{
    if (s->xlsx)
        tb_xlsx_close(s->xlsx);
    if (s->csv)
        tb_csv_close(s->csv);
    if (s->f)
        fclose(s->f);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Processes every batch in order. 0, or -1 (m->err set, or the store's error). */
static int consume(pipeline *p, bool progress)
{
    imp *m = p->m;
    const imp_kind *k = m->kind;
    char *fields[MAX_COLS];
    size_t lens[MAX_COLS];
    double last = 0;
    for (long seq = 0;; seq++) {
        batch *b = &p->ring[seq % NRING];
        pthread_mutex_lock(&p->mu);
        while (b->state != 1)
            pthread_cond_wait(&p->cv, &p->mu);
        long long bytes = p->bytes;
        pthread_mutex_unlock(&p->mu);
        for (int i = 0; i < b->n; i++) {
            tb_csv_row row;
            batch_row(b, i, &row, fields, lens);
            m->read++;
            imp_reject *rej = &b->rej[i];
            if (!p->prepare_in_reader)
                prepare_row(m, &row, b->recs + (size_t)i * k->rec_size, rej);
            int outcome = TB_PUT_UNCHANGED;
            if (!rej->n &&
                k->store(m, b->recs + (size_t)i * k->rec_size, &row, rej, &outcome) < 0) {
                if (!m->err[0])
                    snprintf(m->err, sizeof m->err, "baris %ld: %s", row.line,
                             tb_store_error(m->store));
                return -1;
            }
            if (rej->n) {
                if (imp_reject_row(m, row.line, row.nfields, fields, lens, rej)) {
                    if (!m->err[0])
                        snprintf(m->err, sizeof m->err, "tidak dapat menulis berkas tolakan %s",
                                 rj.path);
                    return -1;
                }
            } else if (outcome == TB_PUT_INSERTED) {
                m->imported++;
            } else if (outcome == TB_PUT_UPDATED) {
                m->updated++;
            }
        }
        int status = b->status;
        if (status < 0)
            snprintf(m->err, sizeof m->err, "%s", b->err);
        pthread_mutex_lock(&p->mu);
        b->state = 0;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (status < 0)
            return -1;
        if (progress) {
            double t = now_s();
            if (t - last >= 0.25) {
                last = t;
                if (p->src->xlsx || !p->src->size)
                    fprintf(stderr, "\rtumbuh import: %ld baris", m->read);
                else
                    fprintf(stderr, "\rtumbuh import: %3d%% (%ld baris)",
                            (int)(100 * bytes / p->src->size), m->read);
            }
        }
        if (status == 1)
            return 0;
    }
}

int tb_cmd_import(int argc, char **argv)
{
    /* One thread talks to SQLite; no memory statistics: less locking per call. */
    sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 1200, 500);

    options o;
    if (parse_args(argc, argv, &o))
        return 2;
    const imp_kind *kind = NULL;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(o.kind, kinds[i]->name))
            kind = kinds[i];
    if (!kind) {
        fprintf(stderr, "tumbuh import: jenis '%s' tidak dikenal; pilih salah satu:", o.kind);
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
            fprintf(stderr, " %s", kinds[i]->name);
        fprintf(stderr, "\n");
        return 2;
    }

    int status = 1;
    imp m;
    memset(&m, 0, sizeof m);
    m.kind = kind;
    m.today = tb_today();
    source src;
    pipeline p;
    memset(&p, 0, sizeof p);
    bool thread_started = false, in_tx = false;
    pthread_t thr;
    char err[1024];
    memset(&rj, 0, sizeof rj);
    size_t rpl = strlen(o.path) + 16;
    char *default_rejects = malloc(rpl);
    if (!default_rejects)
        return 1;
    snprintf(default_rejects, rpl, "%s.tolak.csv", o.path);
    rj.path = o.rejects ? o.rejects : default_rejects;

    if (open_source(&src, &o)) {
        close_source(&src);
        free(default_rejects);
        return 1;
    }
    /* The header. */
    tb_csv_row row;
    tb_csv_status cs = src_next(&src, &row);
    if (cs == TB_CSV_EOF) {
        fprintf(stderr, "tumbuh import: %s kosong: perlu baris judul kolom dan data\n", o.path);
        goto done;
    }
    if (cs != TB_CSV_OK) {
        fprintf(stderr, "tumbuh import: %s: %s (%s)\n", o.path, csv_status_text(cs),
                src_error(&src));
        goto done;
    }
    if (row.nfields > MAX_COLS) {
        fprintf(stderr, "tumbuh import: %s: terlalu banyak kolom (%d, paling banyak %d)\n", o.path,
                row.nfields, MAX_COLS);
        goto done;
    }
    m.ncols = row.nfields;
    m.header = calloc((size_t)m.ncols, sizeof *m.header);
    m.col = calloc((size_t)kind->nfields, sizeof *m.col);
    if (!m.header || !m.col)
        goto done;
    for (int c = 0; c < m.ncols; c++)
        if (!(m.header[c] = strndup(row.fields[c], row.lens[c])))
            goto done;
    if (src.csv)
        src.delim = tb_csv_delimiter(src.csv);
    rj.delim = src.delim;
    if (map_columns(&m, o.map, err, sizeof err) || kind->check_columns(&m, err, sizeof err)) {
        fprintf(stderr, "tumbuh import: %s: %s\n", o.path, err);
        goto done;
    }

    /* The store, one transaction. */
    enum { CACHE_KB = 524288 }; /* the page cache of this connection, below */
    /* the pages a load dirties take about as many bytes as its CSV: that much in one pool */
    size_t pool =
        (size_t)src.size > ((size_t)CACHE_KB << 10) ? (size_t)CACHE_KB << 10 : (size_t)src.size;
    if (pool >= (64u << 20))
        tb_store_page_pool(pool);
    if (tb_store_open(tb_store_default_path(NULL), &m.store, err, sizeof err)) {
        fprintf(stderr, "tumbuh import: %s\n", err);
        goto done;
    }
    /* a bigger page cache for this connection only (memory, not durability) */
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", CACHE_KB);
    sqlite3_exec(tb_store_db(m.store), pragma, NULL, NULL, NULL);
    /* a kind that writes only ids it read or wrote in this transaction checks them once
     * each at the end instead of once per row (the pragma holds for this connection only) */
    if (kind->foreign_keys_checked_at_end)
        sqlite3_exec(tb_store_db(m.store), "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
    if (tb_store_begin(m.store)) {
        fprintf(stderr, "tumbuh import: %s\n", tb_store_error(m.store));
        goto done;
    }
    in_tx = true;
    if (kind->begin && kind->begin(&m)) {
        fprintf(stderr, "tumbuh import: %s\n", m.err[0] ? m.err : tb_store_error(m.store));
        goto done;
    }

    /* The rows: read on the reader thread (and prepared there or here), stored here. */
    p.m = &m;
    p.src = &src;
    p.path = o.path;
    p.prepare_in_reader = !src.xlsx;
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    if (!(p.ring = calloc(NRING, sizeof *p.ring)))
        goto done;
    for (int i = 0; i < NRING; i++)
        if (!(p.ring[i].recs = calloc(BATCH_ROWS, kind->rec_size)))
            goto done;
    if (pthread_create(&thr, NULL, reader_main, &p)) {
        fprintf(stderr, "tumbuh import: cannot start the reader thread\n");
        goto done;
    }
    thread_started = true;
    bool progress = isatty(2);
    double t_rows = now_s();
    int rc = consume(&p, progress);
    double t_end = now_s();
    if (progress)
        fprintf(stderr, "\r%40s\r", "");
    if (rc || (kind->end && kind->end(&m))) {
        fprintf(stderr, "tumbuh import: %s\n", m.err[0] ? m.err : tb_store_error(m.store));
        goto done;
    }
    if (rj.f && (fflush(rj.f) || ferror(rj.f))) {
        fprintf(stderr, "tumbuh import: tidak dapat menulis %s: %s\n", rj.tmp, strerror(errno));
        goto done;
    }
    double t_commit = now_s();
    if (tb_store_commit(m.store)) {
        fprintf(stderr, "tumbuh import: %s\n", tb_store_error(m.store));
        goto done;
    }
    in_tx = false;
    status = 0;
    if (getenv("TUMBUH_IMPORT_TIMING")) /* for benchmarks: where the time went */
        fprintf(stderr, "tumbuh import: baris %.2f s, akhir %.2f s, commit %.2f s\n",
                t_end - t_rows, t_commit - t_end, now_s() - t_commit);

done:
    if (thread_started) {
        pthread_mutex_lock(&p.mu);
        p.stop = true;
        for (int i = 0; i < NRING; i++)
            p.ring[i].state = 0;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
        pthread_join(thr, NULL);
    }
    if (in_tx)
        tb_store_rollback(m.store);
    if (kind->cleanup)
        kind->cleanup(&m);
    desa_index_free();
    if (rj.f) {
        if (fclose(rj.f) && status == 0) {
            fprintf(stderr, "tumbuh import: tidak dapat menulis %s: %s\n", rj.tmp, strerror(errno));
            status = 1;
        }
        if (status == 0 && rename(rj.tmp, rj.path)) {
            fprintf(stderr, "tumbuh import: tidak dapat menulis %s: %s\n", rj.path,
                    strerror(errno));
            status = 1;
        }
        if (status != 0)
            unlink(rj.tmp);
    }
    if (status == 0) {
        printf("read=%ld imported=%ld updated=%ld rejected=%ld", m.read, m.imported, m.updated,
               m.rejected);
        if (kind->matched_by_name)
            printf(" matched_by_name=%ld", m.matched_by_name);
        if (m.rejected)
            printf(" rejects=%s", rj.path);
        printf("\n");
    }
    for (int i = 0; i < NRING && p.ring; i++) {
        free(p.ring[i].text);
        free(p.ring[i].foff);
        free(p.ring[i].flen);
        free(p.ring[i].recs);
    }
    free(p.ring);
    if (thread_started) {
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.cv);
    }
    tb_store_close(m.store);
    for (int c = 0; c < m.ncols && m.header; c++)
        free(m.header[c]);
    free(m.header);
    free(m.col);
    free(rj.tmp);
    free(rj.buf);
    free(default_rejects);
    close_source(&src);
    return status;
}
