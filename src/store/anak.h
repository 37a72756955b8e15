/*
 * anak.h - children (table anak, on top of individu): registering one from
 * the web form, the import upsert, and the child's page (facts and
 * measurement history). Part of the store (store.h); each function returns
 * -1 with tb_store_error() set on error.
 */
#ifndef TB_STORE_ANAK_H
#define TB_STORE_ANAK_H

#include "store/pengukuran.h"
#include "store/store.h"

typedef struct {
    long id;
    char nik[24];
    char nama[128];
    int jk;
    char tgl_lahir[11];
    long posyandu_id;
    char posyandu[96];
    char desa[24], desa_nama[96];
    char alamat[128], rt[8], rw[8];
    char ibu[128], no_kk[24];
    double bb_lahir, pb_lahir;
    char krs_faktor[160];
    int krs;
    long digabung_ke; /* merged into this child (a duplicate entry), 0 = not */
} tb_anak_info;

/* A child with its posyandu, desa, mother and family: 1 found, 0 not found, -1 error. */
int tb_store_anak_info(tb_store *s, long id, tb_anak_info *out);

/* A child's measurements in date order, at most max; returns the count or -1. */
int tb_store_anak_riwayat(tb_store *s, long anak_id, tb_ukur_row *rows, int max);

/* Registers a child (individu + anak) at a posyandu, with an audit record; the new id or -1. */
long tb_store_anak_daftar(tb_store *s, long posyandu_id, const char *desa, const char *nik,
                          const char *nama, int jk, const char *tgl_lahir, const char *nama_ibu,
                          double bb_lahir, double pb_lahir, long user);

/*
 * Merges child other (entered twice) into child keep, keeping both
 * histories: other's measurements move to keep, except one on a day keep
 * has a measurement too (keep's stays, other's is archived as merged away);
 * other is marked merged into keep (no list shows it); keep's N/T/O/B are
 * recomputed. Counts into *moved and *merged. Inside the caller's
 * transaction; 0 or -1.
 */
int tb_store_anak_gabung(tb_store *s, long keep, long other, long user, int *moved, int *merged);

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

/* Inserts or updates the child's record (given values replace stored ones);
 * *outcome TB_PUT_INSERTED / UPDATED / UNCHANGED. 0 or -1. */
int tb_store_anak_put(tb_store *s, const tb_anak *a, int *outcome);

#endif
