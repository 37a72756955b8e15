/*
 * individu.h - people (table individu), found by NIK or, without one, by
 * name among those born the same day in the same desa (lib/match.c keys),
 * and written on that natural key. Part of the store (store.h): every
 * function returns 0 (or 1 for found) on success and -1 with
 * tb_store_error() set.
 *
 * Outcomes are TB_PUT_INSERTED, TB_PUT_UPDATED (a stored value actually
 * changed) or TB_PUT_UNCHANGED, so that writing the same data twice changes
 * nothing and is reported as such.
 */
#ifndef TB_STORE_INDIVIDU_H
#define TB_STORE_INDIVIDU_H

#include <stdbool.h>

#include "store/store.h"

/* A person. NULL text and 0 ids are "not given"; a given value replaces the stored one. */
typedef struct {
    const char *nik;             /* 16 digits, or NULL */
    const char *nik_belum_valid; /* a NIK as written that cannot be used (kept apart, stored
                                  * when the person is inserted), or NULL */
    const char *nama;            /* required */
    const char *nama_kunci;      /* tb_name_key(nama) */
    int jk;                      /* 1 laki-laki, 2 perempuan, 0 unknown */
    const char *tgl_lahir;       /* yyyy-mm-dd, or NULL */
    const char *desa;            /* wilayah code, or NULL */
    const char *rt, *rw, *alamat;
    long keluarga_id, ibu_id;
    const char *ibu_kunci; /* name key of the mother, or NULL */
    const char *peran;     /* set only when the person has none yet */
    long id;               /* when > 0: the person is this one (no lookup); < 0: a new
                            * person, inserted without a lookup */
    bool id_by_name;       /* ... found by name (tb_store_individu_find): keep the stored name */
    bool nik_only;         /* when not found by NIK, no one is looked for by name (a load
                            * that knows nobody could be found by name) */
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

/* A child registered at a posyandu (individu + anak). NULL text and NAN are "not given". */
typedef struct {
    long posyandu_id;
    const char *desa;            /* the posyandu's desa */
    const char *nik;             /* a NIK that passed the checks, or NULL */
    const char *nik_belum_valid; /* a NIK as typed that did not (kept apart), or NULL */
    const char *nama, *tgl_lahir, *nama_ibu;
    int jk, buku_kia; /* 1/2; 1/0 */
    double bb_lahir, pb_lahir;
} tb_anak_baru;

/* Registers a new child with an audit record (in the caller's transaction): its id, or -1. */
long tb_store_anak_baru(tb_store *s, const tb_anak_baru *a, long user);

/* A registered child that may be the one being registered. */
typedef struct {
    long id;
    const char *nama, *nama_ibu, *posyandu; /* "" when unknown */
    int jk;
} tb_anak_mirip;

/*
 * Calls fn for every child of desa born on tgl_lahir whose name is equal or
 * similar to nama (tb_name_match) and whose mother's name (the linked
 * mother, else the parent's name on the child's record) does not
 * contradict nama_ibu (either blank does not contradict). Stops when fn
 * returns < 0. The number of candidates seen, or -1.
 */
int tb_store_anak_mirip(tb_store *s, const char *desa, const char *tgl_lahir, const char *nama,
                        const char *nama_ibu, int (*fn)(void *ctx, const tb_anak_mirip *m),
                        void *ctx);

/* Sets whether child anak_id has a Buku KIA, audited when it changes: 1 changed, 0 not, -1. */
int tb_store_anak_buku_kia(tb_store *s, long anak_id, int punya, long user);

#endif
