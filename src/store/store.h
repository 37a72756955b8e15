/*
 * store.h - the store: the one layer that owns the SQL (SQLite today).
 *
 * Opening a store applies the schema migrations (schema.c) and sets WAL,
 * foreign keys and a busy timeout. Every statement is prepared with bound
 * parameters; no SQL is ever built from data. Writers group their work in
 * one transaction (tb_store_begin / commit / rollback): a crash or a kill
 * mid-write leaves the database as it was before.
 *
 * The public headers name what the application needs and expose no SQLite
 * type; internal.h (for the store's own files only) holds the handle and
 * the statement cache. One file per capability:
 *   store.c       open/close, transactions, audit, reference data, row checks
 *   schema.c      the migrations
 *   wilayah.c     areas (Kemendagri codes)     posyandu.c  posyandu, puskesmas
 *   keluarga.c    families                     individu.c  people, matched by NIK or name
 *   anak.c        children                     pengukuran.c measurements, KMS status
 *   catin.c       catin screenings             users.c     users (pengguna)
 *   report.c      the figures and lists of the reports   demo.c  the demo's inserts
 *
 * Functions return 0 on success and -1 on failure with a message in the
 * store (tb_store_error).
 */
#ifndef TB_STORE_H
#define TB_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "tb_growth.h"
#include "tb_kms.h"

typedef struct tb_store tb_store;

/* What an upsert did. */
enum { TB_PUT_UNCHANGED = 0, TB_PUT_INSERTED = 1, TB_PUT_UPDATED = 2 };

/* The database path: the argument, else $TUMBUH_DB, else "tumbuh.db". */
const char *tb_store_default_path(const char *arg);

/* Opens (creating if needed) and migrates the database at path. */
int tb_store_open(const char *path, tb_store **out, char *err, size_t errlen);

/*
 * What every new database must carry, loaded when tb_store_open creates one:
 * fn runs inside the same transaction as the schema (the store cannot read
 * files of ../shared itself, so the application passes the loader in; the
 * cli sets it for every command). fn returns 0, or -1 with its reason in
 * err: then nothing is committed, the new file is removed and tb_store_open
 * fails with that reason. NULL (the default, as in the tests) creates bare
 * databases. Process-wide; set it before the first store is opened.
 */
typedef int (*tb_store_create_fn)(tb_store *s, char *err, size_t errlen);
void tb_store_on_create(tb_store_create_fn fn);

/*
 * Opens the database at path read-only (a read-only file or a backup copy
 * works): never creates it, never migrates it (a database of another schema
 * version is refused), and any write fails. Messages in Bahasa Indonesia.
 */
int tb_store_open_readonly(const char *path, tb_store **out, char *err, size_t errlen);

/* A second read-only connection to the database of s (for a query run in
 * another thread: one connection per thread). 0, or -1 with the reason in
 * s (a database in memory has no second connection). */
int tb_store_open_sibling(tb_store *s, tb_store **out);

/* Whether a report may read on a second connection in another thread (off
 * by default: the server keeps its memory down and its cores for requests;
 * the command line turns it on for one report at a time). */
void tb_store_set_parallel(tb_store *s, bool on);
bool tb_store_parallel(const tb_store *s);

/*
 * Process-wide SQLite settings, before the first store is opened: no
 * memory statistics (otherwise every allocation SQLite makes takes one
 * global mutex, which the web server's worker threads queue on).
 */
void tb_store_global_init(void);

/*
 * For a bulk load, before the first store is opened: SQLite's page cache in
 * one region of about `bytes`, backed by transparent huge pages where the
 * kernel offers them (a 1M-row import touches ~400 MB of cache, and faulting
 * it in 4 KiB at a time costs about a second). Pages that do not fit, or a
 * call after SQLite started, fall back to malloc. 0, or -1 when not set up.
 */
int tb_store_page_pool(size_t bytes);

/* Closes the store; NULL is fine. */
void tb_store_close(tb_store *s);

/* The last error message. */
const char *tb_store_error(const tb_store *s);

/* Whether the last failure was the database locked by another writer (an
 * import holding its transaction longer than the busy timeout): worth
 * retrying, not the request's fault. */
bool tb_store_busy(const tb_store *s);

/* Records an error (printf-style) and returns -1. */
int tb_store_fail(tb_store *s, const char *fmt, ...);

/* Resets statements left mid-result, ending their read snapshots (call
 * between requests in long-lived connections). */
void tb_store_release(tb_store *s);

int tb_store_begin(tb_store *s);
int tb_store_commit(tb_store *s);
int tb_store_rollback(tb_store *s);

/* The schema version of the open database (PRAGMA user_version). */
int tb_store_version(tb_store *s);

/* Migrations, from schema.c: the latest version, and each step's SQL. */
int tb_store_schema_latest(void);
const char *tb_store_schema_sql(int version);
const char *tb_store_schema_data(int version);
/* The CREATE INDEX statements of pengukuran's indexes that a bulk load rebuilds. */
const char *tb_store_schema_pengukuran_indexes(void);

/*
 * Writes an audit record: who (user id, 0 = system), action ("tambah",
 * "ubah", "hapus", "impor", "masuk"), table, row key, and JSON before/after
 * (either may be NULL).
 */
int tb_store_audit(tb_store *s, long user, const char *action, const char *table, const char *row,
                   const char *before, const char *after);

/* The active KBM table (grams by age in months 0..60), loaded at open. */
const tb_kbm *tb_store_kbm(const tb_store *s);

/* The active KMS red line (BB/U z-score below which a weighing is BGM). */
double tb_store_bgm_z(const tb_store *s);

/* The active KMS orange line (BB/U z-score above which a child is referred). */
double tb_store_orange_z(const tb_store *s);

/* The Permenkes bands of the active 'ambang' version (ref_ambang), loaded at open. */
const tb_bands *tb_store_bands(const tb_store *s);

/* 1 when a table has any row, 0 when it is empty (reads one row at most), -1 on error. */
int tb_store_has_rows(tb_store *s, const char *table);

/* Counts the rows of a table (for tests and reports). -1 on error. */
long tb_store_count(tb_store *s, const char *table);

/*
 * 1 when the row with that id exists in table ("individu", "anak" by
 * individu_id, "posyandu"), 0 when not, -1 on error (or another table).
 */
int tb_store_row_exists(tb_store *s, const char *table, long id);

/*
 * The active version of a reference rule (ref_versi, jenis = "krs",
 * "elsimil", ...): its name into versi and its JSON data into *data
 * (malloc'd, the caller frees; NULL when the version has none). Returns 1, 0
 * when no version is active, -1 on error.
 */
int tb_store_ref_active(tb_store *s, const char *jenis, char *versi, size_t versilen, char **data);

/* Sets this connection's page cache size in KiB (servers keep it small per thread). 0 or -1. */
int tb_store_cache_kb(tb_store *s, int kb);

/* A setting of the installation (pengaturan: 'kabupaten' = the district
 * this database serves) into out: 1 found, 0 not set, -1 on error. */
int tb_store_setting_get(tb_store *s, const char *kunci, char *out, size_t n);

/* Sets a setting (audited as a change by the system). 0 or -1. */
int tb_store_setting_set(tb_store *s, const char *kunci, const char *nilai);

#endif
