/*
 * store_people.h - upserts of families, people, children and catin
 * screenings, on their natural keys (no. KK, NIK, or name + birth date +
 * desa + mother), and the lookups the imports need. Part of the store module
 * (see store.h): every statement is cached and parameterised; each function
 * returns 0 (or an id) on success and -1 with tb_store_error() set.
 *
 * Outcomes are TB_PUT_INSERTED, TB_PUT_UPDATED (a stored value actually
 * changed) or TB_PUT_UNCHANGED, so that writing the same data twice changes
 * nothing and is reported as such.
 */
#ifndef TB_STORE_PEOPLE_H
#define TB_STORE_PEOPLE_H

#include <stdbool.h>

#include "store/store.h"
#include "store/pengukuran.h"

/* A family (Pendataan Keluarga). NULL text and -1 numbers are "not given". */
typedef struct {
    const char *no_kk; /* the key: 16 digits */
    const char *desa;  /* wilayah code (desa level) */
    const char *rt, *rw, *alamat;
    const char *sumber_pk;
    int tahun_pk; /* -1 */
    int desil;    /* 1..10, -1 */
    const char *sumber_air, *jamban;
    int rumah_layak; /* 1 / 0, -1 */
    const char *pendidikan_ibu, *jkn, *bansos;
    /* computed by the caller from the active KRS rule */
    int pus, pus_hamil, punya_baduta, punya_balita;
    int t4_muda, t4_tua, t4_dekat, t4_banyak;
    int sasaran, krs;
    const char *krs_faktor; /* comma-separated factor codes, or NULL */
} tb_keluarga;

/*
 * Inserts the family or replaces its stored values (a census row is the
 * whole record). Returns its id, or -1.
 */
long tb_store_keluarga_put(tb_store *s, const tb_keluarga *k, int *outcome);

/* A person. NULL text and 0 ids are "not given"; a given value replaces the stored one. */
typedef struct {
    const char *nik;        /* 16 digits, or NULL */
    const char *nama;       /* required */
    const char *nama_kunci; /* tb_name_key(nama) */
    int jk;                 /* 1 laki-laki, 2 perempuan, 0 unknown */
    const char *tgl_lahir;  /* yyyy-mm-dd, or NULL */
    const char *desa;       /* wilayah code, or NULL */
    const char *rt, *rw, *alamat;
    long keluarga_id, ibu_id;
    const char *ibu_kunci; /* name key of the mother, or NULL */
    const char *peran;     /* set only when the person has none yet */
    long id;               /* when not 0: the person is this one (no lookup) */
    bool id_by_name;       /* ... found by name (tb_store_individu_find): keep the stored name */
    /* a candidate with another name key for which this returns true is never
     * matched by name (e.g. a twin measured on the same day) */
    bool (*exclude)(void *ctx, long id, const char *nama_kunci);
    void *exclude_ctx;
} tb_individu;

/*
 * Finds the person as tb_store_individu_put would, without writing: 1 with
 * *id (and *by_name), 0 when no one fits, -1 on error.
 */
int tb_store_individu_find(tb_store *s, const tb_individu *p, long *id, bool *by_name);

/*
 * Finds the person and updates, or inserts. Found by NIK; otherwise (or
 * when no one has that NIK) by name among people without a different NIK:
 * same desa and birth date, name keys equal or similar (tb_name_match), sex
 * and mother not contradicting (mothers compared by ibu_id when both have
 * one, else by name key; a side without a mother does not contradict).
 * *by_name tells that the person was found by name; then the stored name is
 * kept and a NIK given fills an empty one. Sets *id.
 */
int tb_store_individu_put(tb_store *s, const tb_individu *p, long *id, int *outcome, bool *by_name);

/* A child's record (table anak). NAN, NULL, 0 and -1 are "not given". */
typedef struct {
    long individu_id;
    double bb_lahir, pb_lahir; /* kg, cm; NAN */
    int usia_gestasi;          /* weeks; 0 */
    const char *nama_ortu;
    long posyandu_id;         /* 0 */
    int buku_kia, akta_lahir; /* 1 / 0; -1 */
} tb_anak;

/* Sets every field to "not given". */
void tb_anak_init(tb_anak *a);

/* Inserts or updates the child's record (given values replace stored ones). */
int tb_store_anak_put(tb_store *s, const tb_anak *a, int *outcome);

/* The day number of a child's last stored measurement, or -1 when it has none; -2 on error. */
long tb_store_pengukuran_last_day(tb_store *s, long anak_id);

/* 1 when the child has a stored measurement on that date, 0 when not, -1 on error. */
int tb_store_pengukuran_on(tb_store *s, long anak_id, const char *tanggal);

/*
 * 1 when the row with that id exists in table ("individu", "anak" by
 * individu_id, "posyandu"), 0 when not, -1 on error (or another table).
 */
int tb_store_row_exists(tb_store *s, const char *table, long id);

/* A catin screening (Elsimil); unique per person and exam date. */
typedef struct {
    long individu_id;
    const char *tgl_periksa;                     /* yyyy-mm-dd, required */
    const char *tgl_rencana_nikah;               /* or NULL */
    double bb, tb, imt, lila, lingkar_perut, hb; /* NAN = not measured */
    int merokok;                                 /* 1 / 0 */
    const char *hasil;                           /* "ideal" / "berisiko", or NULL */
    const char *faktor;                          /* comma-separated, or NULL */
    const char *no_sertifikat;                   /* or NULL */
} tb_catin;

/* Inserts or updates the screening of that person on that date. */
int tb_store_catin_put(tb_store *s, const tb_catin *c, int *outcome);

/* Looks a wilayah up: 1 (and its name into nama) when it exists, 0 when not, -1 on error. */
int tb_store_wilayah_get(tb_store *s, const char *kode, char *nama, size_t namalen);

/* Calls fn for every wilayah (stops and returns fn's value when it is not 0). */
int tb_store_wilayah_each(tb_store *s,
                          int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama),
                          void *ctx);

/*
 * The active version of a reference rule (ref_versi, jenis = "krs",
 * "elsimil", ...): its name into versi and its JSON data into *data
 * (malloc'd, the caller frees; NULL when the version has none). Returns 1, 0
 * when no version is active, -1 on error.
 */
int tb_store_ref_active(tb_store *s, const char *jenis, char *versi, size_t versilen, char **data);

#endif
