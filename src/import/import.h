/*
 * import.h - running an import: a CSV or XLSX file of one kind (e-PPGBM
 * exports, family census rows, catin screenings, the Kemendagri code list)
 * into the store, in one transaction. This is what `tumbuh import` calls;
 * the kinds themselves and the pipeline's pieces use import/kind.h.
 */
#ifndef TB_IMPORT_H
#define TB_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

/* What to import. */
typedef struct {
    const char *db;      /* the store's path (tb_store_default_path applies: NULL is the default) */
    const char *kind;    /* a kind's name (tb_import_kind) */
    const char *path;    /* the file: CSV (',' ';' or tab) or XLSX */
    const char *sheet;   /* XLSX: the sheet to read, NULL for the first */
    const char *map;     /* "HEADER=FIELD,..." naming a header for a field, or NULL */
    const char *rejects; /* required: where rejected rows go (written only when a row is) */
    const char *putaran; /* keluarga: the census round (PK21, PK24, ...) of rows without one */
    /* called at most every 0.25 s while rows are stored: rows read so far and
     * the percentage of the file read (-1 when unknown, e.g. XLSX); may be NULL */
    void (*progress)(void *ctx, long rows, int percent);
    void *progress_ctx;
    /* a dry run: every row is read, checked and stored as usual, the counts and
     * the rejects file are those of a real run, then the transaction is rolled
     * back: the store is left as it was */
    bool dry_run;
    /* the process also serves other connections (`tumbuh serve`): no global
     * SQLite configuration and a modest page cache (64 MiB) */
    bool shared_process;
} tb_import_options;

/* A place name of the file that did not resolve: its rows were rejected.
 * One per level, spelling (folded) and the area above it that resolved. */
typedef struct {
    int tingkat;         /* the level that failed: 3 kecamatan, 4 desa (1, 2 above) */
    char nama[96];       /* the spelling, as the file first writes it */
    char induk[16];      /* the area above that resolved (a desa's kecamatan), or "" */
    char induk_nama[64]; /* its name, or "" */
    char saran[200];     /* the closest names offered ("A, B, C"), or "" */
    char saran_kode[16]; /* the closest one's code, or "" */
    long rows;           /* rows rejected for it */
} tb_import_place_missing;

/* How many names that did not resolve a summary lists (the most rows first). */
#define TB_IMPORT_MISSING_MAX 50

/* What an import did. */
typedef struct {
    long read, imported, updated, rejected;
    long matched_by_name;        /* children recognised by name rather than NIK */
    bool counts_matched_by_name; /* the kind matches by name (the count is meaningful) */
    long children_new;           /* children created by this import (eppgbm) */
    long children_matched;       /* children of the file found already stored (eppgbm) */
    /* answers not recognised (rows kept, the value left unknown): distinct
     * values, the report file (FILE.tak-dikenal.csv, "" when none) and one
     * line per value for stderr (shortened when long) */
    long unknown_values;
    char unknown_path[1024];
    char unknown_lines[4096];
    /* rows kept although their NIK was unusable (stored apart, nik_belum_valid), and
     * the file listing them (FILE.nik.csv, "" when none) */
    long nik_unusable;
    char nik_path[1024];
    /* place names that did not resolve: how many distinct ones, and the
     * first TB_IMPORT_MISSING_MAX of them by rows (nmissing listed) */
    long places_missing;
    int nmissing;
    tb_import_place_missing missing[TB_IMPORT_MISSING_MAX];
    /* seconds spent storing the rows, finishing (the kind's end), committing */
    double rows_s, end_s, commit_s;
    char err[1024]; /* why the import failed, in Bahasa Indonesia ("" when it did not) */
} tb_import_summary;

/*
 * The name of import kind i (0, 1, ...) and, in *summary when not NULL, its
 * one-line description; NULL past the last kind.
 */
const char *tb_import_kind(size_t i, const char **summary);

/*
 * Imports o->path as kind o->kind into the store o->db: every valid row is
 * stored, every other row written to o->rejects with its line, column and
 * reason, all in one transaction. Returns 0 with the counts in *sum, or -1
 * with nothing stored (the transaction rolled back, no rejects file left)
 * and the reason in sum->err. Configures SQLite for a single-threaded bulk
 * load (tb_store_bulk_global_config): call before the process opens any
 * other store. Runs one reader thread for the duration of the call.
 */
int tb_import_run(const tb_import_options *o, tb_import_summary *sum);

/*
 * Checks a NIK as the Dukcapil numbering makes it: 16 digits, a Kemendagri
 * province code first, the birth date inside (ddmmyy, the day + 40 for a
 * woman) a real day, and, when given, equal to tgl_lahir (yyyy-mm-dd) and
 * agreeing with jk (1 laki-laki, 2 perempuan, 0 unknown). Returns NULL when
 * it passes, else why (written into why, cap bytes, in Bahasa Indonesia).
 * Pure: the web layer may call it.
 */
const char *tb_nik_problem(const char *nik, const char *tgl_lahir, int jk, char *why, size_t cap);

typedef struct tb_store tb_store;

/* The directory holding the national code list (kode-wilayah-*.csv and its
 * SHA256SUMS): $TUMBUH_WILAYAH, else the WILAYAH_DIR the binary was built
 * with (Makefile). */
const char *tb_wilayah_list_dir(void);

/*
 * Loads the national code list of dir into the store, in one transaction:
 * the CSV named in dir/SHA256SUMS is checked against its SHA-256 before any
 * row is read, then every code is stored as in that version of the list
 * (store/wilayah.h: codes a later list drops are kept, marked). A version
 * loaded already is left as it is (*rows = 0). Returns 0 (rows loaded into
 * *rows) or -1 with why in err (Bahasa Indonesia).
 */
int tb_import_wilayah_list(tb_store *s, const char *dir, long *rows, char *err, size_t errlen);

/*
 * The loader every new database runs (tb_store_on_create): the national code
 * list of tb_wilayah_list_dir(), checked, inside the transaction that makes
 * the schema. 0, or -1 with a message naming $TUMBUH_WILAYAH in err.
 */
int tb_import_wilayah_new_db(tb_store *s, char *err, size_t errlen);

/*
 * `tumbuh import alias FILE`: other spellings of wilayah that exports use
 * (CSV kode,nama: the code and the spelling), kept in the store so that a
 * district fixes a spelling once; every import then resolves that name to
 * that code. All rows or none (one transaction). 0 (*rows stored) or -1
 * with why in err.
 */
int tb_import_wilayah_alias(tb_store *s, const char *path, long *rows, char *err, size_t errlen);

/*
 * Checks that nama may be another spelling of wilayah kode (a kabupaten,
 * kecamatan or desa) as the import compares names (import/place.c):
 * returns 0 when it may; 1 when it may not (blank once folded, an unknown
 * code, or a spelling that already means another area under the same
 * parent, by its name or an alias: names would become ambiguous); 2 when
 * it adds nothing (the area's own name, or an alias it has already); the
 * reason in why (Bahasa Indonesia) for 1 and 2; -1 on a store error.
 */
int tb_import_alias_check(tb_store *s, const char *nama, const char *kode, char *why, size_t n);

/*
 * One posyandu of a list (posyandu.c, shared by `tumbuh import posyandu`
 * and the web page): desa by name or code among the desa of district (""
 * = every stored desa), puskesmas by name (found, or created in the desa's
 * kecamatan; "" = keep), hari 1-31 (0 = keep); written and audited as user
 * by. 0 stored (*outcome TB_PUT_INSERTED, _UPDATED or _UNCHANGED); 1
 * refused, the reason in why and the field in *field (1 desa, 2
 * puskesmas); -1 on a store error.
 */
struct tb_store;
int tb_import_posyandu_row(struct tb_store *s, long by, const char *district, const char *nama,
                           const char *desa, const char *puskesmas, int hari, int *outcome,
                           int *field, char *why, size_t n);

#endif
