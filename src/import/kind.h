/*
 * kind.h - the interface between the import pipeline (pipeline.c) and the
 * import kinds (eppgbm.c, keluarga.c, catin.c, wilayah.c), with the helpers
 * the kinds share: the rejects (rejects.c), field readers (fields.c), NIK
 * and no. KK (identity.c), places (place.c) and caches (map.c), and the
 * pipeline's own pieces (columns.c, rejects.c). The command uses
 * import/import.h instead.
 *
 * A kind names its fields (with the header names it accepts), prepares each
 * row (parse and validate, no store access: this runs on the reader thread)
 * and stores prepared rows (on the main thread, in the import transaction).
 * A row that fails either step is written to the rejects file with its line,
 * column and reason.
 */
#ifndef TB_IMPORT_KIND_H
#define TB_IMPORT_KIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "format/csv.h"
#include "import/import.h"
#include "store/store.h"

/* A field a kind reads. */
typedef struct {
    const char *name;    /* canonical name (used by --map and in messages) */
    const char *aliases; /* header names accepted, folded (a-z0-9), '|'-separated */
} imp_field;

/* Why a row was rejected: up to 4 problems. */
#define IMP_MAX_PROBLEMS 4
typedef struct {
    int n;
    struct {
        int field; /* kind field index, or -1 for the whole row */
        char reason[200];
    } p[IMP_MAX_PROBLEMS];
} imp_reject;

/* Adds a problem (printf-style reason, in Bahasa Indonesia); beyond IMP_MAX_PROBLEMS ignored
 * (rejects.c). */
void imp_problem(imp_reject *rej, int field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A string -> long hash map with its keys in one arena (no per-entry malloc; map.c). Zeroed is
 * empty. */
typedef struct {
    char *arena;
    size_t used, cap;
    struct imp_slot {
        uint64_t hash;
        size_t off;
        uint32_t len;
        long val;
    } * slots;
    size_t nslots, count;
} imp_map;

/* The value stored for key, or NULL. */
long *imp_map_get(const imp_map *m, const char *key, size_t len);
/* Stores key -> val (replacing); returns the value's slot, NULL when memory runs out. */
long *imp_map_put(imp_map *m, const char *key, size_t len, long val);
/* Frees the map's memory and leaves it empty. */
void imp_map_free(imp_map *m);

typedef struct imp imp;
typedef struct imp_kind imp_kind;

/* Outcome of storing a row: TB_PUT_* or this (the kind counts the row itself later). */
#define IMP_DEFERRED 3

struct imp_kind {
    const char *name;
    const char *summary;
    const imp_field *fields;
    int nfields;
    size_t rec_size; /* bytes of a prepared record */
    /* Checks the columns found (m->col); 0 or -1 with a message in err. */
    int (*check_columns)(const imp *m, char *err, size_t errlen);
    /* Parses and validates a row (no store access, runs on the reader thread). */
    void (*prepare)(const imp *m, const tb_csv_row *row, void *rec, imp_reject *rej);
    /* In the transaction, before the first row: rules, caches. 0 or -1. */
    int (*begin)(imp *m);
    /* Stores a prepared row: sets *outcome, or adds problems to rej. 0, or -1 (fatal). */
    int (*store)(imp *m, void *rec, const tb_csv_row *row, imp_reject *rej, int *outcome);
    /* After the last row (deferred writes, recomputations). 0 or -1. */
    int (*end)(imp *m);
    /* Frees the kind's state (also after a failure). */
    void (*cleanup)(imp *m);
    bool matched_by_name; /* the summary reports matched_by_name */
    /* foreign keys are not checked row by row during the import; the kind's
     * end checks every referenced id (each comes from its own caches) */
    bool foreign_keys_checked_at_end;
};

/* The kinds (eppgbm.c, keluarga.c, catin.c, wilayah.c), listed in pipeline.c. */
extern const imp_kind imp_kind_eppgbm, imp_kind_keluarga, imp_kind_catin, imp_kind_wilayah;
/* The district's posyandu (posyandu.c). */
extern const imp_kind imp_kind_posyandu;
/* Other spellings of wilayah (alias.c). */
extern const imp_kind imp_kind_alias;

/* The rejects file of a run (rejects.c): written to path.tmp, renamed at the end. */
typedef struct {
    const char *path; /* not owned */
    char *tmp;        /* path.tmp, once opened */
    FILE *f;          /* opened at the first rejected row */
    char delim;       /* the input's delimiter */
    char *buf;        /* quoting buffer */
    size_t cap;
} imp_rejects;

/* The places resolved during a run (place.c), created by the first imp_desa. */
typedef struct imp_places imp_places;

/* An answer no reading recognised (unknown.c): its field, the value as written, its rows. */
typedef struct {
    int field;
    long rows;
    char value[64];
} imp_unknown_value;

/* A row kept although its NIK was unusable (niklist.c): line, the NIK as written, name, why. */
typedef struct {
    long line;
    char nik[48];
    char nama[128];
    char why[200];
} imp_nik_entry;

/* The run. */
struct imp {
    const imp_kind *kind;
    tb_store *store;
    int *col;            /* [kind->nfields] column index of each field, or -1 */
    int ncols;           /* header fields */
    char **header;       /* header names as written */
    long today;          /* day number of today (dates after it are refused) */
    const char *putaran; /* keluarga: --putaran, or NULL */
    /* counts */
    long read, imported, updated, rejected, matched_by_name;
    long children_new, children_matched; /* distinct children created, found in the store */
    void *state;                         /* the kind's */
    imp_rejects rejects;                 /* the rejects file */
    imp_places *places;                  /* imp_desa's caches, or NULL */
    struct {
        imp_unknown_value *v; /* in the order first seen */
        long n, cap;
        imp_map index; /* "field\x1fvalue" -> index into v */
    } unknown;
    struct {
        imp_nik_entry *v; /* rows kept with an unusable NIK, in file order */
        long n, cap;
    } niks;
    char err[512]; /* fatal error message */
};

/*
 * A census round as written ("PK24", "pk 2024", "PK22 update") into its code
 * (out, n bytes): "PK" and the year's two digits, then any letters of the
 * rest ("PK22UPDATE"), so that rounds sort by time. 0, or -1 when it is not
 * one (keluarga.c).
 */
int imp_putaran(const char *s, size_t len, char *out, size_t n);

/* --- fields.c: reading a row's fields ----------------------------------------- */

/* The value of field f in row, trimmed (pointer into the row; length in *len). "" when absent. */
const char *imp_value(const imp *m, const tb_csv_row *row, int f, size_t *len);

/* Copies the trimmed value into buf (cap bytes); false (and a problem) when it does not fit. */
bool imp_text(const imp *m, const tb_csv_row *row, int f, char *buf, size_t cap, imp_reject *rej);

/* True when the field has a column and a non-blank value in row. */
bool imp_has(const imp *m, const tb_csv_row *row, int f);

/* Reads a number (decimal point or comma); NAN when blank; false (and a problem) when bad. */
bool imp_number(const imp *m, const tb_csv_row *row, int f, double *out, imp_reject *rej);

/* True when v is missing or within lo..hi; else a problem "out of the plausible range". */
bool imp_in_range(imp_reject *rej, int f, double v, double lo, double hi, const char *unit);

/* imp_number, then imp_in_range (unit may be ""); a value out of range becomes NAN. */
bool imp_number_in(const imp *m, const tb_csv_row *row, int f, double lo, double hi,
                   const char *unit, double *out, imp_reject *rej);

/*
 * Reads a date (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy, an Excel serial number,
 * or those followed by a time); *day = TB_DATE_NONE when blank. Dates after today are
 * refused unless future_ok. false (and a problem) when bad.
 */
bool imp_date(const imp *m, const tb_csv_row *row, int f, bool future_ok, long *day,
              imp_reject *rej);

/* Formats a day number as yyyy-mm-dd into buf (11 bytes). */
void imp_iso(long day, char *buf);

/* Reads a sex code: 1, 2, or 0 when blank; false (and a problem) when bad. */
bool imp_sex(const imp *m, const tb_csv_row *row, int f, int *jk, imp_reject *rej);

/* Reads yes/no (ya/tidak, y/n, 1/0, true/false): 1, 0, or -1 when blank; false when bad. */
bool imp_yesno(const imp *m, const tb_csv_row *row, int f, int *v, imp_reject *rej);

/*
 * Reads a yes/no answer by its meaning: the exact codes (ya/tidak, y/n, 1/0,
 * true/false), then its words: a negation ("Tidak layak huni", "Belum
 * punya") is 0, an affirmation ("Ya, layak", "Sedang hamil") 1; -1 when it
 * says neither or doubts ("Tidak tahu").
 */
int imp_yesno_meaning(const char *s, size_t n);

/* Appends a factor code to a comma-separated list of cap bytes. */
void imp_add_factor(char *list, size_t cap, const char *f);

/* Folds s (len bytes) to lowercase letters and digits into out (cap bytes); returns the length. */
size_t imp_fold(const char *s, size_t len, char *out, size_t cap);

/* A short, printable copy of s (n bytes) for messages, in buf (cap bytes); returns buf. */
const char *imp_shown(const char *s, size_t n, char *buf, size_t cap);

/* --- unknown.c: answers not recognised ----------------------------------------- */

/*
 * Notes that field's value (as written, shortened) was not recognised in a
 * row that is kept: the value stays unknown and is reported. Main thread
 * only. 0, or -1 when memory runs out.
 */
int imp_unknown(imp *m, int field, const char *value);

/*
 * Writes the report of unrecognised values (kolom,nilai,baris) to
 * FILE.tak-dikenal.csv beside the rejects file, its name in path, and one
 * line per value (for stderr) in lines; with none, removes an old report
 * and sets path to "". 0, or -1 with the reason in m->err.
 */
int imp_unknown_write(imp *m, char *path, size_t pathcap, char *lines, size_t linecap);

/* Frees the run's record of unrecognised values. */
void imp_unknown_free(imp *m);

/* --- identity.c: NIK and no. KK ------------------------------------------------ */

/*
 * Reads a NIK (or no. KK): 16 digits, spaces and a leading apostrophe
 * ignored; "" when blank. A NIK also needs a plausible province code and
 * birth date inside (nik = true). false (and a problem) when bad.
 */
bool imp_nik(const imp *m, const tb_csv_row *row, int f, bool nik, char out[17], imp_reject *rej);

/* --- place.c: places ---------------------------------------------------------- */

/*
 * Normalises a Kemendagri code written with or without dots (35, 3507,
 * 350701, 3507012001, 35.07.01.2001) into dotted form (16 bytes); returns
 * its level 1-4, or -1 when it is not a code.
 */
int imp_wilayah_code(const char *s, size_t len, char out[16]);

/* Where a row's person lives: the desa code and the names around it. */
typedef struct {
    char kode_desa[16], prov[96], kab[96], kec[96], desa[96];
} imp_place;

/* The columns of a place, in the order of imp_place. */
typedef struct {
    int kode_desa, prov, kab, kec, desa;
} imp_place_cols;

/*
 * Reads a place: a desa code (dotted or not), or a code written in the desa
 * column, and the names; a problem in rej when the code is malformed or
 * there is no desa at all.
 */
void imp_read_place(const imp *m, const tb_csv_row *row, const imp_place_cols *c, imp_place *p,
                    imp_reject *rej);

/*
 * Resolves a desa from a code and/or names (provinsi, kabupaten/kota,
 * kecamatan, desa/kelurahan; any may be NULL). A code that is not stored
 * yet is created when its name is known (desa) and its kecamatan exists or
 * can be created from the names given with the code's parents. Names are
 * looked up in the stored wilayah. Writes the desa code into out (16 bytes)
 * and returns 0; returns 1 with a problem in rej when the desa cannot be
 * found; -1 on a store error. field_code / field_name name the columns for
 * the problem.
 */
int imp_desa(imp *m, const char *kode, const char *prov, const char *kab, const char *kec,
             const char *desa, int field_code, int field_name, char out[16], imp_reject *rej);

/* Checks that every desa imp_desa resolved exists in the store: 0, or -1 with the error set. */
int imp_desa_verify(imp *m);

/* --- rejects.c: the rejects file ---------------------------------------------- */

/*
 * Writes a row kept aside by the kind (its fields as read) to the rejects
 * file and counts it as rejected. 0, or -1 on a write error.
 */
int imp_reject_row(imp *m, long line, int nfields, char *const *fields, const size_t *lens,
                   const imp_reject *rej);

/* --- map.c: caches ------------------------------------------------------------ */

/*
 * Room for one more element in a growable array of n elements of elem bytes
 * with *cap allocated: arr itself when there is room, else arr moved to a
 * block twice as large (first elements at the start) with *cap updated.
 * NULL when out of memory (arr and *cap unchanged).
 */
void *imp_grow(void *arr, long n, long *cap, size_t elem, long first);

/* 64-bit FNV-1a, for fingerprints. */
uint64_t imp_hash(uint64_t h, const void *p, size_t len);
#define IMP_HASH_INIT 1469598103934665603ULL

/* --- niklist.c: rows kept with an unusable NIK ------------------------------------ */

/* Notes that row line was kept although its NIK nik (as written) was unusable for why.
 * Main thread only. 0, or -1 (out of memory, through the store). */
int imp_nik_unusable(imp *m, long line, const char *nik, const char *nama, const char *why);

/* Writes the rows noted by imp_nik_unusable to FILE.nik.csv beside the rejects file
 * (baris,nik,nama,alasan) and its path into path; with none, removes an old report and
 * path is "". 0, or -1 with why in m->err. */
int imp_nik_write(imp *m, char *path, size_t pathcap);

/* Frees what imp_nik_unusable kept. */
void imp_nik_free(imp *m);

/* --- for the pipeline only -------------------------------------------------- */

/*
 * Maps the header (m->header) to the kind's fields (m->col): each field's
 * aliases, then map ("HEADER=FIELD,...", may be NULL), which wins (columns.c).
 * 0, or -1 with a message in err.
 */
int imp_map_columns(imp *m, const char *map, char *err, size_t errlen);

/* Flushes the rejects file if open: 0, or -1 (m->err set). */
/* The path of a report file beside the rejects path: its ".tolak.csv"
 * replaced by ext (".nik.csv"), or ext appended when it has none. */
void imp_report_path(const char *rejects, const char *ext, char *out, size_t cap);

/* Writes s to f as one CSV field: quoted, its quotes doubled. */
void imp_csv_field(FILE *f, const char *s);

int imp_rejects_flush(imp *m);

/*
 * Closes the rejects file if open: renamed to its path when keep, else its
 * temporary file removed. Frees the rejects' memory. 0, or -1 with a message
 * in err (the run then fails).
 */
int imp_rejects_close(imp *m, bool keep, char *err, size_t errlen);

/* Copies the place names that did not resolve during the run into sum
 * (places_missing, missing: the most rows first, at most
 * TB_IMPORT_MISSING_MAX). */
void imp_places_missing(imp *m, tb_import_summary *sum);

/* Folds a wilayah name of a level (1-4) as the import compares names:
 * letters and digits in lowercase, "KEC."/"DESA"/"KEL."/"KAB." prefixes
 * dropped. The folded length. */
size_t imp_fold_wilayah(const char *name, int level, char *out, size_t cap);

/* Frees imp_desa's caches (m->places). */
void imp_places_free(imp *m);

#endif
