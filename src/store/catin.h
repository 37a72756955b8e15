/*
 * catin.h - catin (bride and groom) screenings from Elsimil, unique per
 * person and exam date. Part of the store (store.h).
 */
#ifndef TB_STORE_CATIN_H
#define TB_STORE_CATIN_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "tb_elsimil.h"

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

/* Inserts or updates the screening of that person on that date; *outcome
 * TB_PUT_INSERTED / UPDATED / UNCHANGED. 0 or -1 with tb_store_error(). */
int tb_store_catin_put(tb_store *s, const tb_catin *c, int *outcome);

/* The active Elsimil rule (ref_versi 'elsimil', its JSON: umur_min,
 * imt_min, imt_maks, lila_min, hb_min, hb_min_laki,
 * lingkar_perut_maks_perempuan, lingkar_perut_maks_laki, merokok_berisiko,
 * bulan_sebelum_nikah; a limit not given is not tested) into r, its version
 * into versi: 1, 0 when none is active or its JSON cannot be read (r gets
 * the default), -1 on a store error. */
int tb_store_elsimil_rule(tb_store *s, tb_elsimil_rule *r, char *versi, size_t n);

/* A catin registered and screened from the web form. NAN: not measured. */
typedef struct {
    const char *nik, *nama, *tgl_lahir, *desa, *alamat; /* nik may be NULL */
    int jk;                                             /* 1 / 2 */
    long pasangan_id;                                   /* the other catin's individu, 0 */
    const char *tgl_periksa, *tgl_rencana_nikah;        /* the wedding may be NULL */
    double bb, tb, lila, hb, perut;
    int merokok;
} tb_catin_baru;

/* The judgement stored with a registration. */
typedef struct {
    long individu_id;
    bool berisiko;
    int tepat_waktu; /* 1 / 0 / -1 unknown wedding date */
    double imt;
    char faktor[128], versi[64];
} tb_catin_hasil;

/* Registers a catin (a new person, or the one with that NIK in the same
 * desa; the NIK of a person of another desa is refused) and the
 * screening judged by the active rule; links the other catin both ways;
 * audited, in the caller's transaction. 0 and *out, or -1. */
int tb_store_catin_daftar(tb_store *s, const tb_catin_baru *c, long user, tb_catin_hasil *out);

/*
 * Records the marriage of catin individu_id (and of the other catin linked
 * to it): date, KUA, and the PUS family the couple forms (a keluarga in the
 * wife's desa, its KK number no_kk or a temporary "NIKAH-<id>", its sasaran
 * and KRS status computed by the active KRS rule at the wedding date, both
 * linked to it), so the KRS lists see them. The family's id, or -1.
 */
long tb_store_catin_nikah(tb_store *s, long individu_id, const char *tanggal, const char *kua,
                          const char *no_kk, long user);

/* A catin as listed and shown (the latest screening). */
typedef struct {
    long individu_id, pasangan_id, keluarga_id;
    int jk, merokok;
    int tepat_waktu; /* screened >= the rule's months before the wedding (its date
                      * when married, else the planned one): 1 / 0 / -1 unknown */
    char nama[128], pasangan[128], tgl_lahir[11], desa[16], desa_nama[128];
    char tgl_periksa[11], tgl_rencana_nikah[11], tgl_nikah[11], kua[128];
    char hasil[16], faktor[128], aturan[64];
    double bb, tb, imt, lila, hb, perut;
} tb_catin_row;

/* The catin of an area (latest screening each; not married first, by
 * wedding date). The number, or -1. */
int tb_store_catin_list(tb_store *s, const char *wilayah,
                        int (*fn)(void *ctx, const tb_catin_row *r), void *ctx);

/* The catin individu_id: 1, 0 when none, -1. */
int tb_store_catin_get(tb_store *s, long individu_id, tb_catin_row *out);

/* The Elsimil recap of a desa (counts of catin, each by their latest
 * screening). */
enum {
    TB_REKAP_CATIN,     /* catin screened */
    TB_REKAP_BERISIKO,  /* result berisiko */
    TB_REKAP_UMUR,      /* factor umur_muda */
    TB_REKAP_IMT,       /* imt_kurang */
    TB_REKAP_LILA,      /* lila_kurang (KEK) */
    TB_REKAP_ANEMIA,    /* anemia */
    TB_REKAP_TEPAT,     /* screened >= the rule's months before the wedding */
    TB_REKAP_TERLAMBAT, /* screened later than that */
    TB_REKAP_MENIKAH,   /* married */
    TB_REKAP_N
};
typedef struct {
    char desa[16], nama[128];
    long v[TB_REKAP_N];
} tb_catin_rekap_row;

/* Calls fn for every desa of the area (code order) with the catin whose
 * latest screening is from 1 January of month's year (yyyy-mm) to the end
 * of the month. Factor codes of older records count too (terlalu_muda,
 * kurus, kek). 0 or -1. */
int tb_store_catin_rekap(tb_store *s, const char *wilayah, const char *month,
                         int (*fn)(void *ctx, const tb_catin_rekap_row *r), void *ctx);

#endif
