/*
 * posyandu_profil.h - the posyandu itself in the store: its cadres (by
 * name, trained or not), the days it opened, its anthropometry kit against
 * the standard list, the supplementary food (PMT) menus given with their
 * source, and the PAUD sites measured on the same day (pengukuran serentak
 * anak PAUD). Part of the store (store.h): 0 (or 1/0) or -1 with
 * tb_store_error() set; every write is audited.
 */
#ifndef TB_STORE_POSYANDU_PROFIL_H
#define TB_STORE_POSYANDU_PROFIL_H

#include <stdbool.h>

#include "store/store.h"

/* The standard anthropometry kit of a posyandu (Kemenkes, Antropometri Kit
 * Posyandu): code and label of every item, TB_ALAT_N of them. */
#define TB_ALAT_N 7
extern const char *const tb_alat_kode[TB_ALAT_N];
extern const char *const tb_alat_label[TB_ALAT_N];

/* The PMT sources the form offers (any text is accepted). */
#define TB_PMT_SUMBER_N 6
extern const char *const tb_pmt_sumber[TB_PMT_SUMBER_N];

typedef struct {
    long id, posyandu_id;
    const char *nama, *pelatihan;
    bool terlatih, aktif;
} tb_kader;
/* Adds cadre *k (k->id 0) or updates it (k->id, of posyandu k->posyandu_id); *id. */
int tb_store_kader_save(tb_store *s, long user, const tb_kader *k, long *id);
/* The cadres of a posyandu, active first, by name. */
int tb_store_kader_each(tb_store *s, long posyandu_id, int (*fn)(void *ctx, const tb_kader *k),
                        void *ctx);

/* Records that posyandu_id opened on tanggal (again: unchanged). */
int tb_store_buka_add(tb_store *s, long user, long posyandu_id, const char *tanggal);
/* The days it opened, newest first, at most limit. */
int tb_store_buka_each(tb_store *s, long posyandu_id, int limit,
                       int (*fn)(void *ctx, const char *tanggal), void *ctx);

/* Sets kit item alat (a tb_alat_kode) of a posyandu: present and in good order. */
int tb_store_alat_set(tb_store *s, long user, long posyandu_id, const char *alat, bool ada,
                      bool baik);
/* The kit of a posyandu, one call per standard item in order (not recorded: ada false). */
int tb_store_alat_each(tb_store *s, long posyandu_id,
                       int (*fn)(void *ctx, const char *kode, const char *label, bool ada,
                                 bool baik),
                       void *ctx);

typedef struct {
    long id, posyandu_id;
    const char *tanggal, *menu, *sumber;
} tb_pmt;
int tb_store_pmt_add(tb_store *s, long user, const tb_pmt *p, long *id);
/* The menus given, newest first, at most limit. */
int tb_store_pmt_each(tb_store *s, long posyandu_id, int limit,
                      int (*fn)(void *ctx, const tb_pmt *p), void *ctx);

typedef struct {
    long id, posyandu_id;
    const char *tanggal, *nama_paud;
    int jumlah_anak;
} tb_paud;
/* Adds (or, for the same day and PAUD, updates the count of) a PAUD measured with the posyandu. */
int tb_store_paud_add(tb_store *s, long user, const tb_paud *p, long *id);
int tb_store_paud_each(tb_store *s, long posyandu_id, int limit,
                       int (*fn)(void *ctx, const tb_paud *p), void *ctx);

#endif
