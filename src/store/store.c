/*
 * store.c - opening, migrating and transacting with the SQLite store, the
 * audit log, the active reference data, and the shared internals of
 * internal.h (the handle, the statement cache).
 *
 * See store.h. Prepared statements are cached by their SQL text (the text is
 * always a constant in the caller, so the cache is small and bounded).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "store/internal.h"

#define STMT_CACHE 256

struct tb_store {
    sqlite3 *db;
    char err[512];
    bool busy;     /* the last failure: the database was locked by another writer */
    bool parallel; /* reports may read on a second connection (tb_store_set_parallel) */
    struct {
        const char *sql;
        sqlite3_stmt *st;
    } cache[STMT_CACHE];
    int ncache;
    tb_kbm kbm;
    double bgm_z;
    double orange_z;
    tb_bands bands;
};

const char *tb_store_default_path(const char *arg)
{
    if (arg && *arg)
        return arg;
    const char *env = getenv("TUMBUH_DB");
    return env && *env ? env : "tumbuh.db";
}

sqlite3 *tb_store_db(tb_store *s)
{
    return s->db;
}

const char *tb_store_error(const tb_store *s)
{
    return s->err;
}

int tb_store_fail(tb_store *s, const char *fmt, ...)
{
    int code = s->db ? sqlite3_errcode(s->db) & 0xff : SQLITE_OK;
    s->busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
    if (s->busy) { /* SQLite's English "database is locked" is no help to a cadre */
        snprintf(s->err, sizeof s->err,
                 "basis data sedang dipakai proses lain (misalnya impor data); coba lagi"
                 " sebentar lagi");
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return -1;
}

bool tb_store_busy(const tb_store *s)
{
    return s->busy;
}

void tb_store_set_parallel(tb_store *s, bool on)
{
    s->parallel = on;
}

bool tb_store_parallel(const tb_store *s)
{
    return s->parallel;
}

/* Runs SQL with no parameters (schema, pragmas, transactions). */
static int exec(tb_store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        tb_store_fail(s, "%s", msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int tb_store_exec(tb_store *s, const char *sql)
{
    return exec(s, sql);
}

void tb_store_release(tb_store *s)
{
    for (sqlite3_stmt *st = sqlite3_next_stmt(s->db, NULL); st; st = sqlite3_next_stmt(s->db, st))
        if (sqlite3_stmt_busy(st))
            sqlite3_reset(st);
}

int tb_store_begin(tb_store *s)
{
    /* A statement left mid-result holds a read snapshot; writing from an old
     * snapshot fails at once in WAL mode (SQLITE_BUSY_SNAPSHOT). */
    tb_store_release(s);
    return exec(s, "BEGIN IMMEDIATE");
}

int tb_store_commit(tb_store *s)
{
    return exec(s, "COMMIT");
}

int tb_store_rollback(tb_store *s)
{
    if (sqlite3_get_autocommit(s->db))
        return 0;
    return exec(s, "ROLLBACK");
}

int tb_store_version(tb_store *s)
{
    sqlite3_stmt *st = tb_store_stmt(s, "PRAGMA user_version");
    int v = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    if (st)
        sqlite3_reset(st);
    return v;
}

sqlite3_stmt *tb_store_stmt(tb_store *s, const char *sql)
{
    /* the SQL is a constant in the caller: its address finds it without comparing text */
    int hit = -1;
    for (int i = 0; i < s->ncache && hit < 0; i++)
        if (s->cache[i].sql == sql)
            hit = i;
    for (int i = 0; i < s->ncache && hit < 0; i++)
        if (!strcmp(s->cache[i].sql, sql))
            hit = i;
    if (hit >= 0) {
        sqlite3_reset(s->cache[hit].st);
        sqlite3_clear_bindings(s->cache[hit].st);
        return s->cache[hit].st;
    }
    if (s->ncache == STMT_CACHE) {
        tb_store_fail(s, "statement cache full (%d): raise STMT_CACHE", STMT_CACHE);
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        tb_store_fail(s, "%s", sqlite3_errmsg(s->db));
        return NULL;
    }
    s->cache[s->ncache].sql = sql;
    s->cache[s->ncache].st = st;
    s->ncache++;
    return st;
}

int tb_store_audit(tb_store *s, long user, const char *action, const char *table, const char *row,
                   const char *before, const char *after)
{
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO audit_log (pengguna_id, aksi, tabel, baris,"
                                        " sebelum, sesudah) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return -1;
    if (user > 0)
        sqlite3_bind_int64(st, 1, user);
    sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, row, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, before, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, after, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "audit: %s", sqlite3_errmsg(s->db));
    return 0;
}

static tb_store_create_fn on_create; /* what a new database must carry (tb_store_on_create) */

void tb_store_on_create(tb_store_create_fn fn)
{
    on_create = fn;
}

/* A new database: every migration, then on_create, in one transaction, so
 * that the database never exists without what on_create loads. */
static int create(tb_store *s)
{
    if (tb_store_begin(s))
        return -1;
    int rc = 0;
    for (int v = 1; !rc && v <= tb_store_schema_latest(); v++)
        rc = exec(s, tb_store_schema_sql(v)) ||
             (tb_store_schema_data(v) && exec(s, tb_store_schema_data(v)));
    char sql[64], why[1024] = "";
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", tb_store_schema_latest());
    if (!rc)
        rc = exec(s, sql);
    if (!rc && on_create(s, why, sizeof why))
        rc = -1;
    if (!rc && tb_store_commit(s) == 0)
        return 0;
    if (!why[0])
        snprintf(why, sizeof why, "%s", s->err);
    tb_store_rollback(s);
    return tb_store_fail(s, "basis data baru tidak dibuat: %s", why);
}

/* 1 when the database has no table yet (a new file), 0 when it has, -1 on error. */
static int is_empty(tb_store *s)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT count(*) FROM sqlite_schema");
    if (!st || sqlite3_step(st) != SQLITE_ROW)
        return tb_store_fail(s, "%s", sqlite3_errmsg(s->db));
    int n = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return n == 0;
}

/* Applies the migrations the database does not have yet, each in one
 * transaction; a new database is made by create(). */
static int migrate(tb_store *s)
{
    int have = tb_store_version(s);
    if (have < 0)
        return -1;
    if (have == 0 && on_create) {
        int empty = is_empty(s);
        if (empty)
            return empty < 0 ? -1 : create(s);
    }
    if (have > tb_store_schema_latest())
        return tb_store_fail(s, "the database has schema version %d, newer than this program (%d)",
                             have, tb_store_schema_latest());
    for (int v = have + 1; v <= tb_store_schema_latest(); v++) {
        if (tb_store_begin(s))
            return -1;
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
        if (exec(s, tb_store_schema_sql(v)) ||
            (tb_store_schema_data(v) && exec(s, tb_store_schema_data(v))) || exec(s, pragma) ||
            tb_store_commit(s)) {
            char why[512];
            snprintf(why, sizeof why, "%s", s->err);
            tb_store_rollback(s);
            return tb_store_fail(s, "migration %d failed: %s", v, why);
        }
    }
    return 0;
}

/*
 * Loads the Permenkes bands of the active 'ambang' version (ref_ambang, in
 * urutan order); an index without rows keeps the built-in Permenkes bands.
 */
static int load_bands(tb_store *s)
{
    static const char *const names[TB_BANDS_COUNT] = {"bbu", "tbu", "bbtb", "imtu", "imtu_5_18"};
    s->bands = tb_bands_permenkes;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT a.indeks, a.kode, a.z_bawah, a.z_atas"
                                        " FROM ref_ambang a JOIN ref_versi v ON v.jenis = 'ambang'"
                                        " AND v.aktif = 1 AND v.versi = a.versi"
                                        " ORDER BY a.indeks, a.urutan");
    if (!st)
        return -1;
    tb_bands b = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *ix = (const char *)sqlite3_column_text(st, 0);
        for (int i = 0; i < TB_BANDS_COUNT; i++) {
            if (!ix || strcmp(ix, names[i]) != 0 || b.n[i] >= TB_BANDS_MAX)
                continue;
            tb_band *d = &b.band[i][b.n[i]];
            d->cat =
                tb_bands_cat_from_code((tb_bands_index)i, (const char *)sqlite3_column_text(st, 1));
            d->lo = sqlite3_column_type(st, 2) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 2);
            d->hi = sqlite3_column_type(st, 3) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 3);
            if (d->cat)
                b.n[i]++;
        }
    }
    for (int i = 0; i < TB_BANDS_COUNT; i++)
        if (b.n[i] > 0) {
            s->bands.n[i] = b.n[i];
            memcpy(s->bands.band[i], b.band[i], sizeof b.band[i]);
        }
    return 0;
}

/* Loads the active KBM table, the KMS red and orange lines and the bands. */
static int load_reference(tb_store *s)
{
    memset(&s->kbm, 0, sizeof s->kbm);
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT k.umur_bulan, k.gram FROM ref_kbm k"
                                        " JOIN ref_versi v ON v.jenis = 'kbm' AND v.aktif = 1"
                                        " AND v.versi = k.versi");
    if (!st)
        return -1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int m = sqlite3_column_int(st, 0);
        if (m >= 0 && m <= TB_KBM_MAX_MONTH)
            s->kbm.gram[m] = sqlite3_column_int(st, 1);
    }
    s->kbm.gram[0] = s->kbm.gram[1];
    s->bgm_z = -3.0;
    s->orange_z = 1.0;
    st = tb_store_stmt(s, "SELECT json_extract(data, '$.garis_merah_z'),"
                          " json_extract(data, '$.garis_oranye_z') FROM ref_versi"
                          " WHERE jenis = 'kms' AND aktif = 1");
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_type(st, 0) != SQLITE_NULL)
            s->bgm_z = sqlite3_column_double(st, 0);
        if (sqlite3_column_type(st, 1) != SQLITE_NULL)
            s->orange_z = sqlite3_column_double(st, 1);
    }
    return load_bands(s);
}

void tb_store_global_init(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); /* fails harmlessly once SQLite has started */
}

int tb_store_page_pool(size_t bytes)
{
    int hdr = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK)
        return -1;
    size_t slot = (4096 + (size_t)hdr + 15) & ~(size_t)15; /* tumbuh.db uses 4 KiB pages */
    size_t n = bytes / slot;
    void *pool = mmap(NULL, n * slot, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pool == MAP_FAILED)
        return -1;
#ifdef MADV_HUGEPAGE
    madvise(pool, n * slot, MADV_HUGEPAGE); /* advice only: 4 KiB pages are fine too */
#endif
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, pool, (int)slot, (int)n) != SQLITE_OK) {
        munmap(pool, n * slot);
        return -1;
    }
    return 0; /* the pool lives as long as the process */
}

/* Removes a database file with its WAL and shared-memory files. */
static void remove_db(const char *path)
{
    char p[4096];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-journal", path);
    unlink(p);
}

int tb_store_open(const char *path, tb_store **out, char *err, size_t errlen)
{
    *out = NULL;
    tb_store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* a file this call creates is removed again when it cannot be made whole */
    int created = strcmp(path, ":memory:") && access(path, F_OK) != 0;
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
        SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        tb_store_close(s);
        return -1;
    }
    sqlite3_busy_timeout(s->db, 5000);
    /* a new file is written once through a rollback journal (its pages are
     * all new: nearly nothing to journal), then switched to WAL */
    if (exec(s, created ? "PRAGMA synchronous = NORMAL;"
                        : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;") ||
        exec(s, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
                " PRAGMA cache_size = -65536") ||
        migrate(s) || (created && exec(s, "PRAGMA journal_mode = WAL")) || load_reference(s)) {
        snprintf(err, errlen, "%s: %s", path, s->err);
        tb_store_close(s);
        if (created)
            remove_db(path);
        return -1;
    }
    *out = s;
    return 0;
}

/* Opens path read-only, or fails with a message in Bahasa Indonesia into err. */
static int open_ro(tb_store *s, const char *path, char *err, size_t errlen)
{
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    if (sqlite3_errcode(s->db) == SQLITE_NOTADB)
        snprintf(err, errlen, "%s bukan basis data SQLite Tumbuh", path);
    else
        snprintf(err, errlen, "tidak dapat membuka %s untuk dibaca: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "memori habis");
    return -1;
}

int tb_store_open_readonly(const char *path, tb_store **out, char *err, size_t errlen)
{
    *out = NULL;
    if (access(path, F_OK) != 0) {
        snprintf(err, errlen, "basis data %s tidak ada; periksa --db atau $TUMBUH_DB", path);
        return -1;
    }
    tb_store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "memori habis");
        return -1;
    }
    if (open_ro(s, path, err, errlen)) {
        tb_store_close(s);
        return -1;
    }
    sqlite3_busy_timeout(s->db, 5000);
    int v = tb_store_version(s);
    if (v != tb_store_schema_latest()) {
        snprintf(err, errlen,
                 v <= 0 ? "%s bukan basis data Tumbuh (skema versi %d, program ini %d)"
                        : "%s memakai skema versi %d, program ini %d: buka sekali dengan"
                          " `tumbuh serve` atau `tumbuh import` (dapat ditulis) untuk"
                          " memperbaruinya",
                 path, v, tb_store_schema_latest());
        tb_store_close(s);
        return -1;
    }
    if (exec(s, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;"
                " PRAGMA cache_size = -65536") ||
        load_reference(s)) {
        snprintf(err, errlen, "%s: %s", path, s->err);
        tb_store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

int tb_store_open_sibling(tb_store *s, tb_store **out)
{
    *out = NULL;
    const char *path = sqlite3_db_filename(s->db, "main");
    if (!path || !*path)
        return tb_store_fail(s, "basis data di memori tidak dapat dibuka dua kali");
    char err[512];
    if (tb_store_open_readonly(path, out, err, sizeof err))
        return tb_store_fail(s, "%s", err);
    /* short-lived: a small page cache (the server's memory target), the rest
     * is read from the operating system's */
    tb_store_cache_kb(*out, 8 * 1024);
    return 0;
}

void tb_store_close(tb_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->ncache; i++)
        sqlite3_finalize(s->cache[i].st);
    if (s->db)
        sqlite3_close(s->db);
    free(s);
}

const tb_bands *tb_store_bands(const tb_store *s)
{
    return &s->bands;
}

double tb_store_orange_z(const tb_store *s)
{
    return s->orange_z;
}

const tb_kbm *tb_store_kbm(const tb_store *s)
{
    return &s->kbm;
}

double tb_store_bgm_z(const tb_store *s)
{
    return s->bgm_z;
}

long tb_store_count(tb_store *s, const char *table)
{
    /* table names cannot be bound: accept only known identifiers */
    for (const char *p = table; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
            return -1;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    sqlite3_stmt *st = NULL;
    long n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int tb_store_has_rows(tb_store *s, const char *table)
{
    for (const char *p = table; *p; p++) /* table names cannot be bound */
        if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
            return tb_store_fail(s, "not a table name: %s", table);
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT EXISTS (SELECT 1 FROM %s)", table);
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    else
        tb_store_fail(s, "%s: %s", table, sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return n;
}

int tb_store_cache_kb(tb_store *s, int kb)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kb);
    char *err = NULL;
    if (sqlite3_exec(tb_store_db(s), sql, NULL, NULL, &err) != SQLITE_OK) {
        tb_store_fail(s, "%s", err ? err : "cache_size");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

int tb_store_row_exists(tb_store *s, const char *table, long id)
{
    const char *sql = !strcmp(table, "individu")   ? "SELECT 1 FROM individu WHERE id = ?1"
                      : !strcmp(table, "anak")     ? "SELECT 1 FROM anak WHERE individu_id = ?1"
                      : !strcmp(table, "posyandu") ? "SELECT 1 FROM posyandu WHERE id = ?1"
                                                   : NULL;
    if (!sql)
        return tb_store_fail(s, "no such table: %s", table);
    sqlite3_stmt *st = tb_store_stmt(s, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "%s: %s", table, sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_ref_active(tb_store *s, const char *jenis, char *versi, size_t versilen, char **data)
{
    *data = NULL;
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT versi, data FROM ref_versi WHERE jenis = ?1 AND aktif = 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, jenis, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return tb_store_fail(s, "ref_versi: %s", sqlite3_errmsg(tb_store_db(s)));
    if (versi && versilen)
        snprintf(versi, versilen, "%s", (const char *)sqlite3_column_text(st, 0));
    const char *d = (const char *)sqlite3_column_text(st, 1);
    if (d && !(*data = strdup(d))) {
        sqlite3_reset(st);
        return tb_store_fail(s, "out of memory");
    }
    sqlite3_reset(st);
    return 1;
}

int tb_store_setting_get(tb_store *s, const char *kunci, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT nilai FROM pengaturan WHERE kunci = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kunci, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    return rc;
}

int tb_store_setting_set(tb_store *s, const char *kunci, const char *nilai)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO pengaturan (kunci, nilai) VALUES (?1, ?2)"
                         " ON CONFLICT (kunci) DO UPDATE SET nilai = excluded.nilai");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kunci, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nilai, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "pengaturan: %s", sqlite3_errmsg(s->db));
    char after[256];
    bool plain = !strpbrk(nilai, "\"\\") && strlen(nilai) < 200; /* JSON without escaping */
    snprintf(after, sizeof after, "{\"nilai\":\"%s\"}", plain ? nilai : "?");
    return tb_store_audit(s, 0, "ubah", "pengaturan", kunci, NULL, after);
}

void *tb_store_push(tb_store *s, void *arr, int *n, int *cap, size_t size)
{
    void **p = arr;
    if (*n == *cap) {
        int c = *cap ? 2 * *cap : 64;
        void *g = realloc(*p, (size_t)c * size);
        if (!g) {
            tb_store_fail(s, "out of memory");
            return NULL;
        }
        *p = g;
        *cap = c;
    }
    void *e = (char *)*p + (size_t)(*n)++ * size;
    memset(e, 0, size);
    return e;
}
