/*
 * wilayah.c - `tumbuh import wilayah`: the Kemendagri code list
 * (kode, nama) into wilayah.
 *
 * The level comes from the code (35, 35.07, 35.07.01, 35.07.01.2001; codes
 * without dots are read too). A parent must be stored already or come in
 * the same file: the rows are kept until the end of the file and written
 * level by level, so the order of the file does not matter.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "import/import.h"
#include "import/kind.h"
#include "store/wilayah.h"

enum { F_KODE, F_NAMA, NFIELDS };

static const imp_field fields[NFIELDS] = {
    [F_KODE] = {"kode", "kode|kodewilayah|kodekemendagri|kdwilayah|kd|kode2022|code|id"},
    [F_NAMA] = {"nama", "nama|namawilayah|wilayah|name"},
};

typedef struct {
    char kode[16];
    char nama[128];
    int level;
} rec;

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    size_t n;
    const char *s = imp_value(m, row, F_KODE, &n);
    if (!n)
        imp_problem(rej, F_KODE, "kode kosong");
    else if ((r->level = imp_wilayah_code(s, n, r->kode)) < 0)
        imp_problem(rej, F_KODE,
                    "'%.30s' bukan kode wilayah Kemendagri (35, 35.07, 35.07.01, "
                    "35.07.01.2001)",
                    s);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej) && !r->nama[0])
        imp_problem(rej, F_NAMA, "nama kosong");
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    if (m->col[F_KODE] < 0 || m->col[F_NAMA] < 0) {
        snprintf(err, errlen,
                 "kolom %s tidak ada (judul kolom di baris 1; pakai --map JUDUL=%s "
                 "bila namanya lain)",
                 m->col[F_KODE] < 0 ? "kode" : "nama", m->col[F_KODE] < 0 ? "kode" : "nama");
        return -1;
    }
    return 0;
}

/* A row kept for the end: its record and its fields as read (for a reject). */
typedef struct {
    rec r;
    long line, order;
    int nfields;
    size_t off; /* fields in the arena, each NUL-terminated */
} held;

typedef struct {
    held *h;
    long n, cap;
    char *arena;
    size_t used, acap;
} state;

static int begin(imp *m)
{
    if (!(m->state = calloc(1, sizeof(state))))
        return tb_store_fail(m->store, "out of memory");
    return 0;
}

static void cleanup(imp *m)
{
    state *st = m->state;
    if (!st)
        return;
    free(st->h);
    free(st->arena);
    free(st);
    m->state = NULL;
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    (void)rej;
    state *st = m->state;
    size_t need = 0;
    for (int k = 0; k < row->nfields; k++)
        need += row->lens[k] + 1;
    held *all = imp_grow(st->h, st->n, &st->cap, sizeof *all, 1024);
    if (!all)
        return tb_store_fail(m->store, "out of memory");
    st->h = all;
    if (st->used + need > st->acap) {
        size_t cap = st->acap ? st->acap : 1 << 16;
        while (cap < st->used + need)
            cap *= 2;
        char *a = realloc(st->arena, cap);
        if (!a)
            return tb_store_fail(m->store, "out of memory");
        st->arena = a;
        st->acap = cap;
    }
    held *h = &st->h[st->n];
    h->r = *(const rec *)vr;
    h->line = row->line;
    h->order = st->n++;
    h->nfields = row->nfields;
    h->off = st->used;
    for (int k = 0; k < row->nfields; k++) {
        memcpy(st->arena + st->used, row->fields[k], row->lens[k]);
        st->used += row->lens[k];
        st->arena[st->used++] = 0;
    }
    *outcome = IMP_DEFERRED;
    return 0;
}

static int by_level(const void *a, const void *b)
{
    const held *x = a, *y = b;
    if (x->r.level != y->r.level)
        return x->r.level - y->r.level;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int reject_held(imp *m, const held *h, const imp_reject *rej)
{
    state *st = m->state;
    char *f[4096];
    size_t len[4096];
    int n = h->nfields < 4096 ? h->nfields : 4096;
    const char *p = st->arena + h->off;
    for (int k = 0; k < n; k++) {
        f[k] = (char *)p;
        len[k] = strlen(p);
        p += len[k] + 1;
    }
    return imp_reject_row(m, h->line, n, f, len, rej);
}

static int end(imp *m)
{
    state *st = m->state;
    qsort(st->h, (size_t)st->n, sizeof *st->h, by_level);
    imp_map seen = {0}; /* code -> index of its first row in this file */
    int rc = -1;
    for (long i = 0; i < st->n; i++) {
        const held *h = &st->h[i];
        const rec *r = &h->r;
        imp_reject rej = {0};
        size_t kl = strlen(r->kode);
        long *first = imp_map_get(&seen, r->kode, kl);
        if (first) {
            const held *f = &st->h[*first];
            if (strcmp(f->r.nama, r->nama))
                imp_problem(&rej, F_KODE, "kode %s sudah ada di baris %ld dengan nama '%s'",
                            r->kode, f->line, f->r.nama);
        } else if (r->level > 1) {
            char parent[16];
            snprintf(parent, sizeof parent, "%s", r->kode);
            *strrchr(parent, '.') = 0;
            long *pf = imp_map_get(&seen, parent, strlen(parent));
            int have = 1;
            if (!pf && (have = tb_store_wilayah_get(m->store, parent, NULL, 0)) < 0)
                goto out;
            if (!have)
                imp_problem(&rej, F_KODE,
                            "induk %s belum ada (tidak ada di daftar wilayah maupun di berkas ini)",
                            parent);
        }
        if (rej.n) {
            if (reject_held(m, h, &rej))
                goto out;
            continue;
        }
        if (first)
            continue; /* the same code and name twice: nothing more to do */
        int exists = tb_store_wilayah_get(m->store, r->kode, NULL, 0), changed = 0;
        if (exists < 0 || tb_store_wilayah_put(m->store, r->kode, r->nama, &changed))
            goto out;
        if (!imp_map_put(&seen, r->kode, kl, i)) {
            tb_store_fail(m->store, "out of memory");
            goto out;
        }
        if (!exists)
            m->imported++;
        else if (changed)
            m->updated++;
    }
    rc = 0;
out:
    imp_map_free(&seen);
    return rc;
}

const imp_kind imp_kind_wilayah = {
    .name = "wilayah",
    .summary = "daftar kode wilayah Kemendagri (kode, nama): provinsi sampai desa",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .begin = begin,
    .store = store,
    .end = end,
    .cleanup = cleanup,
};

/* --- the national code list (tb_import_wilayah_list) ---------------------- */

/* Where the README says how to get the list. */
#define README_PART "bagian \"Use it for real\""

#ifndef TB_WILAYAH_DIR
#define TB_WILAYAH_DIR "../shared/wilayah"
#endif

const char *tb_wilayah_list_dir(void)
{
    const char *env = getenv("TUMBUH_WILAYAH");
    return env && *env ? env : TB_WILAYAH_DIR;
}

/* Reads the first "HEX  NAME.csv" line of dir/SHA256SUMS. 0 or -1. */
static int read_sums(const char *dir, char hex[65], char *name, size_t n, char *err, size_t el)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/SHA256SUMS", dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, el,
                 "daftar kode wilayah tidak ditemukan: %s tidak ada (atur $TUMBUH_WILAYAH ke "
                 "folder kode-wilayah-2025.csv dan SHA256SUMS; lihat README, " README_PART ")",
                 path);
        return -1;
    }
    char line[1024], h[128], file[512];
    int found = 0;
    while (!found && fgets(line, sizeof line, f))
        if (sscanf(line, "%127s %511s", h, file) == 2 && strlen(h) == 64 && strlen(file) > 4 &&
            !strcmp(file + strlen(file) - 4, ".csv"))
            found = 1;
    fclose(f);
    if (!found) {
        snprintf(err, el, "%s tidak menyebut berkas .csv mana pun", path);
        return -1;
    }
    memcpy(hex, h, 64);
    hex[64] = 0;
    snprintf(name, n, "%s", file[0] == '*' ? file + 1 : file);
    return 0;
}

/* Reads a whole file into a malloc'd buffer (NUL-terminated). NULL on error. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 22, n = 0;
    char *b = malloc(cap + 1);
    size_t got;
    while (b && (got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(b, 2 * cap + 1);
            if (!nb)
                free(b);
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (b) {
        b[n] = 0;
        *len = n;
    }
    return b;
}

/* Splits one CSV line "kode,nama" or "kode,\"na,ma\"" ("" inside quotes is
 * a quote) at *p, advancing it. 1 a row, 0 the end, -1 malformed. */
static int next_row(char **p, char kode[16], char nama[256])
{
    char *s = *p;
    if (!*s)
        return 0;
    char *comma = strchr(s, ',');
    char *eol = strchr(s, '\n');
    if (!comma || (eol && comma > eol) || comma - s >= 16)
        return -1;
    memcpy(kode, s, (size_t)(comma - s));
    kode[comma - s] = 0;
    s = comma + 1;
    size_t k = 0;
    if (*s == '"') {
        for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
            if (*s == '"')
                s++;
            if (k < 255)
                nama[k++] = *s;
        }
        if (*s == '"')
            s++;
    } else {
        for (; *s && *s != '\n' && *s != '\r'; s++)
            if (k < 255)
                nama[k++] = *s;
    }
    nama[k] = 0;
    while (*s == '\r')
        s++;
    if (*s == '\n')
        s++;
    *p = s;
    return 1;
}

/* Stores every row of the checked text as list versi. The row count or -1. */
static long load_rows(tb_store *s, const char *versi, char *text, char *err, size_t el)
{
    char *p = strchr(text, '\n'); /* the header line */
    p = p ? p + 1 : text + strlen(text);
    char kode[16], nama[256];
    long rows = 0;
    int rc;
    while ((rc = next_row(&p, kode, nama)) == 1) {
        if (tb_store_wilayah_list_put(s, versi, kode, nama) < 0) {
            snprintf(err, el, "baris %ld: %s", rows + 2, tb_store_error(s));
            return -1;
        }
        rows++;
    }
    if (rc < 0) {
        snprintf(err, el, "baris %ld tidak terbaca (harus kode,nama)", rows + 2);
        return -1;
    }
    return rows;
}

/* The data lines of the text (the lines after the header that are not empty). */
static long count_rows(const char *text)
{
    long n = 0;
    const char *p = strchr(text, '\n');
    for (; p && p[1]; p = strchr(p + 1, '\n'))
        if (p[1] != '\n' && p[1] != '\r')
            n++;
    return n;
}

/* Compares the SHA-256 of text with hex. 0 equal, -1 not (why in err). */
static int check_sum(const char *text, size_t len, const char *hex, const char *path, char *err,
                     size_t el)
{
    unsigned char h[crypto_hash_sha256_BYTES];
    char got[2 * crypto_hash_sha256_BYTES + 1];
    if (sodium_init() < 0)
        return snprintf(err, el, "libsodium tidak dapat dimulai"), -1;
    crypto_hash_sha256(h, (const unsigned char *)text, len);
    sodium_bin2hex(got, sizeof got, h, sizeof h);
    if (strcasecmp(got, hex)) {
        snprintf(err, el,
                 "%s tidak sama dengan SHA256SUMS (sha256 %s, seharusnya %s): berkas berubah "
                 "atau rusak; ambil lagi salinan aslinya atau atur $TUMBUH_WILAYAH ke folder "
                 "yang benar (lihat README, " README_PART ")",
                 path, got, hex);
        return -1;
    }
    return 0;
}

/* Loads list versi (text checked against hex) in the transaction the caller
 * began. The row count or -1 (why in err). */
static long load_list(tb_store *s, const char *versi, const char *hex, char *text, char *err,
                      size_t errlen)
{
    long n = -1;
    if (tb_store_wilayah_list_start(s, versi, hex, count_rows(text)))
        snprintf(err, errlen, "%s", tb_store_error(s));
    else if ((n = load_rows(s, versi, text, err, errlen)) >= 0 &&
             tb_store_audit(s, 0, "impor", "wilayah_daftar", versi, NULL, NULL)) {
        snprintf(err, errlen, "%s", tb_store_error(s));
        n = -1;
    }
    return n;
}

/* Loads the checked list of dir unless loaded already; in its own
 * transaction when own_txn. 0 or -1 (why in err). */
static int load_dir(tb_store *s, const char *dir, int own_txn, long *rows, char *err, size_t errlen)
{
    char hex[65], name[512], path[4096], versi[512];
    *rows = 0;
    if (read_sums(dir, hex, name, sizeof name, err, errlen))
        return -1;
    snprintf(versi, sizeof versi, "%.*s", (int)(strlen(name) - 4), name);
    int loaded = tb_store_wilayah_list_loaded(s, versi);
    if (loaded)
        return loaded < 0 ? (snprintf(err, errlen, "%s", tb_store_error(s)), -1) : 0;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text) {
        snprintf(err, errlen,
                 "%s tidak dapat dibaca (atur $TUMBUH_WILAYAH; lihat README, " README_PART ")",
                 path);
        return -1;
    }
    long n = -1;
    if (!check_sum(text, len, hex, path, err, errlen)) {
        if (own_txn && tb_store_begin(s))
            snprintf(err, errlen, "%s", tb_store_error(s));
        else if ((n = load_list(s, versi, hex, text, err, errlen)) < 0 ||
                 (own_txn && tb_store_commit(s))) {
            if (n >= 0)
                snprintf(err, errlen, "%s", tb_store_error(s));
            n = -1;
            if (own_txn)
                tb_store_rollback(s);
        }
    }
    free(text);
    if (n < 0)
        return -1;
    *rows = n;
    return 0;
}

int tb_import_wilayah_list(tb_store *s, const char *dir, long *rows, char *err, size_t errlen)
{
    return load_dir(s, dir, 1, rows, err, errlen);
}

int tb_import_wilayah_new_db(tb_store *s, char *err, size_t errlen)
{
    long rows;
    return load_dir(s, tb_wilayah_list_dir(), 0, &rows, err, errlen);
}

static const char *const level_name[5] = {"", "provinsi", "kabupaten/kota", "kecamatan", "desa"};

/* What alias_check looks for: the folded spelling, the area it should
 * mean, and the first other area of the same parent it already means. */
typedef struct {
    char f[128], kode[16], other[16], other_nama[128];
    int level;
    bool other_alias; /* found as an alias, not the area's own name */
    bool same;        /* kode already has this spelling as an alias */
} alias_seek;

static int sibling_cb(void *ctx, const char *kode, const char *nama)
{
    alias_seek *a = ctx;
    char g[128];
    imp_fold_wilayah(nama ? nama : "", a->level, g, sizeof g);
    if (!a->other[0] && strcmp(kode, a->kode) && !strcmp(g, a->f)) {
        snprintf(a->other, sizeof a->other, "%s", kode);
        snprintf(a->other_nama, sizeof a->other_nama, "%s", nama);
    }
    return 0;
}

static int alias_cb(void *ctx, const char *kode, int tingkat, const char *nama)
{
    alias_seek *a = ctx;
    size_t pl = (size_t)(strrchr(a->kode, '.') - a->kode); /* the parent's code */
    char g[128];
    if (tingkat != a->level || strncmp(kode, a->kode, pl) || kode[pl] != '.')
        return 0; /* another level, or not a sibling */
    imp_fold_wilayah(nama ? nama : "", a->level, g, sizeof g);
    if (strcmp(g, a->f))
        return 0;
    if (!strcmp(kode, a->kode))
        a->same = true;
    else if (!a->other[0]) {
        snprintf(a->other, sizeof a->other, "%s", kode);
        a->other_alias = true;
    }
    return 0;
}

int tb_import_alias_check(tb_store *s, const char *nama, const char *kode, char *why, size_t n)
{
    alias_seek a = {.level = tb_wilayah_level(kode)};
    snprintf(a.kode, sizeof a.kode, "%s", kode);
    if (a.level < 2 || !imp_fold_wilayah(nama, a.level, a.f, sizeof a.f)) {
        snprintf(why, n,
                 a.level < 2 ? "Pilih kecamatan atau desa yang dimaksud."
                             : "Tulis ejaannya seperti di berkas (huruf atau angka).");
        return 1;
    }
    char own[128], g[128], parent[16];
    int have = tb_store_wilayah_nama(s, kode, own, sizeof own);
    if (have <= 0)
        return have < 0 ? -1 : (snprintf(why, n, "kode %s tidak ada di daftar wilayah", kode), 1);
    snprintf(parent, sizeof parent, "%s", kode);
    *strrchr(parent, '.') = 0;
    imp_fold_wilayah(own, a.level, g, sizeof g);
    if (!strcmp(g, a.f)) {
        snprintf(why, n, "'%s' sudah dikenali sebagai %s %s tanpa ejaan lain.", nama,
                 level_name[a.level], own);
        return 2;
    }
    if (tb_store_wilayah_anak(s, parent, sibling_cb, &a) < 0 ||
        (!a.other[0] && tb_store_wilayah_alias_each(s, alias_cb, &a) < 0))
        return -1;
    if (a.other[0]) {
        char pn[128] = "";
        if (a.other_alias &&
            tb_store_wilayah_nama(s, a.other, a.other_nama, sizeof a.other_nama) < 0)
            return -1;
        if (tb_store_wilayah_nama(s, parent, pn, sizeof pn) < 0)
            return -1;
        snprintf(why, n,
                 "Ejaan '%s' sudah berarti %s %s (%s)%s di %s %s: satu ejaan hanya boleh"
                 " berarti satu %s di sana.%s",
                 nama, level_name[a.level], a.other_nama, a.other,
                 a.other_alias ? ", sebagai ejaan lain," : "", level_name[a.level - 1], pn,
                 level_name[a.level], a.other_alias ? " Hapus ejaan itu dulu bila salah." : "");
        return 1;
    }
    if (a.same) {
        snprintf(why, n, "Ejaan '%s' untuk %s %s sudah ada.", nama, level_name[a.level], own);
        return 2;
    }
    return 0;
}

/* Stores each "kode,nama" row of text as an alias. The count or -1. */
static long load_aliases(tb_store *s, char *text, char *err, size_t el)
{
    char *p = strchr(text, '\n'); /* the header line */
    p = p ? p + 1 : text + strlen(text);
    char kode[16], nama[256], code[16];
    long rows = 0;
    int rc;
    while ((rc = next_row(&p, kode, nama)) == 1) {
        if (imp_wilayah_code(kode, strlen(kode), code) < 0 || !nama[0]) {
            snprintf(err, el, "baris %ld: '%s' bukan kode wilayah atau nama kosong", rows + 2,
                     kode);
            return -1;
        }
        char why[512];
        int c = tb_import_alias_check(s, nama, code, why, sizeof why);
        if (c == 1 && tb_wilayah_level(code) >= 2) {
            snprintf(err, el, "baris %ld: %s", rows + 2, why);
            return -1;
        }
        if (c != 2 && tb_store_wilayah_alias_put(s, nama, code) < 0) {
            snprintf(err, el, "baris %ld: %s", rows + 2, tb_store_error(s));
            return -1;
        }
        rows++;
    }
    if (rc < 0) {
        snprintf(err, el, "baris %ld tidak terbaca (harus kode,nama)", rows + 2);
        return -1;
    }
    return rows;
}

int tb_import_wilayah_alias(tb_store *s, const char *path, long *rows, char *err, size_t errlen)
{
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text) {
        snprintf(err, errlen, "%s tidak dapat dibaca", path);
        return -1;
    }
    long n = -1;
    if (tb_store_begin(s))
        snprintf(err, errlen, "%s", tb_store_error(s));
    else if ((n = load_aliases(s, text, err, errlen)) < 0 || tb_store_commit(s)) {
        if (n >= 0)
            snprintf(err, errlen, "%s", tb_store_error(s));
        n = -1;
        tb_store_rollback(s);
    }
    free(text);
    *rows = n < 0 ? 0 : n;
    return n < 0 ? -1 : 0;
}
