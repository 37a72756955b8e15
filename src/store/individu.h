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

#endif
