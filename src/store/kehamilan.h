/*
 * kehamilan.h - a pregnancy from registration to delivery and the nifas
 * visits: ANC contacts (with LiLA, Hb, TTD), the delivery that creates the
 * child (individu + anak at its posyandu, mother and family linked, so S
 * and the posyandu day know it from its first day), KF1-KF3, KN1; and the
 * monthly PWS KIA counts per desa with the year's target population
 * (sasaran_kia, or an estimate from the data). Part of the store (store.h).
 */
#ifndef TB_STORE_KEHAMILAN_H
#define TB_STORE_KEHAMILAN_H

#include <stdbool.h>

#include "store/store.h"

/* The thresholds of a pregnancy (domain reference section 4): KEK when LiLA
 * < 23.5 cm, anaemia when Hb < 11 g/dL [UNCONFIRMED]. */
#define TB_KEHAMILAN_LILA_MIN 23.5
#define TB_KEHAMILAN_HB_MIN 11.0

/* A pregnancy being registered. ibu_id > 0: a known woman; else the woman
 * is added from nik/nama/tgl_lahir/desa (nik may be NULL). NAN: not measured. */
typedef struct {
    long ibu_id;
    const char *nik, *nama, *tgl_lahir, *desa;
    const char *hpht, *tgl_daftar; /* yyyy-mm-dd */
    int gravida, paritas;          /* 0: not given */
    double lila, hb;
    long posyandu_id; /* where the baby will be registered, 0: not yet */
} tb_kehamilan_baru;

/* Registers a pregnancy (audited; HPL = HPHT + 280 days): its id, or -1
 * (also when the mother has a pregnancy not delivered whose HPL is after
 * this HPHT: "masih tercatat hamil"). */
long tb_store_kehamilan_daftar(tb_store *s, const tb_kehamilan_baru *k, long user);

/* The person with NIK nik: 1 with *id and her desa (16 bytes), 0 none, -1. */
int tb_store_individu_nik(tb_store *s, const char *nik, long *id, char desa[16]);

/* Adds an ANC contact (number = the next one), updating the pregnancy's
 * latest LiLA/Hb, KEK/anaemia flags and TTD count; audited. Its number, or -1. */
int tb_store_anc_tambah(tb_store *s, long kehamilan_id, const char *tanggal, const char *pemberi,
                        double lila, double hb, int ttd, long user);

/* A delivery. */
typedef struct {
    const char *tanggal, *tempat, *penolong; /* penolong: bidan, dokter, dukun, lainnya */
    const char *nama_bayi;                   /* NULL or "": "Bayi Ny. <mother>" */
    int jk;                                  /* 1 / 2 */
    double bb_lahir, pb_lahir;               /* kg, cm */
    long posyandu_id;                        /* 0: the pregnancy's */
    const char *tgl_kn1;                     /* or NULL */
} tb_persalinan;

/* Records the delivery of a pregnancy not yet delivered and creates its
 * child: the child's individu id, or -1 (the store's error says why). */
long tb_store_persalinan(tb_store *s, long kehamilan_id, const tb_persalinan *p, long user);

/* Adds a post-partum visit (KF number = the next one, at most 4); audited.
 * Its number, or -1. */
int tb_store_nifas_tambah(tb_store *s, long kehamilan_id, const char *tanggal, long user);

/* A pregnancy as its page shows it. */
typedef struct {
    long id, ibu_id, anak_id, posyandu_id;
    char nama_ibu[128], nik_ibu[24], desa[16], desa_nama[128], posyandu[128];
    char hpht[11], hpl[11], tgl_daftar[11], tgl_persalinan[11], tempat[64], penolong[32];
    char tgl_kn1[11];
    int gravida, paritas, kek, anemia, ttd, nanc, nnifas;
    double lila, hb;
    char anc[12][11], anc_pemberi[12][16]; /* dates and providers, in order */
    char nifas[4][11];
} tb_kehamilan_info;

/* Pregnancy id: 1, 0 when none, -1 on error. */
int tb_store_kehamilan_info(tb_store *s, long id, tb_kehamilan_info *out);

/* A pregnancy of a list. */
typedef struct {
    long id;
    const char *nama_ibu, *desa, *hpht, *hpl, *tgl_persalinan;
    int nanc, kek, anemia;
} tb_kehamilan_row;

/* The pregnancies of an area not delivered, or delivered in the 42 days up
 * to date (yyyy-mm-dd): not delivered first, by HPL. The number, or -1. */
int tb_store_kehamilan_list(tb_store *s, const char *wilayah, const char *date,
                            int (*fn)(void *ctx, const tb_kehamilan_row *r), void *ctx);

/* PWS KIA indicators, in this order. */
enum { TB_PWS_K1, TB_PWS_K4, TB_PWS_K6, TB_PWS_PN, TB_PWS_KF, TB_PWS_KN1, TB_PWS_N };

/* A desa's PWS KIA for a year: the new cases per month (0-11) of each
 * indicator and its target population. */
typedef struct {
    char desa[16], nama[128];
    long bumil, bersalin, nifas, bayi; /* sasaran */
    bool ditetapkan;                   /* set by a user (else estimated) */
    long bulan[TB_PWS_N][12];
} tb_pws_desa;

/*
 * Calls fn for every desa of the area (code order) with its counts for year
 * tahun. A pregnancy counts for the desa of its mother, in the month it
 * reaches K1 (first ANC), K4/K6 (tb_kia.h), PN (delivery by a bidan or
 * doctor), KF (KF1-KF3 complete), KN1. The sasaran is the one set for the
 * year (sasaran_kia) or, when none, estimated from the data (no population
 * projection is held): bumil = the desa's pregnancies that are pregnant on
 * some day of the year (HPHT up to its end, delivered or due from its
 * start); bersalin = nifas = bayi = its pregnancies whose HPL is in the
 * year. 0 or -1.
 */
int tb_store_pws_kia(tb_store *s, const char *wilayah, int tahun,
                     int (*fn)(void *ctx, const tb_pws_desa *d), void *ctx);

/* Sets the sasaran of desa for year (audited). 0 or -1. */
int tb_store_sasaran_kia_set(tb_store *s, long user, const char *desa, int tahun, long bumil,
                             long bersalin, long nifas, long bayi);

#endif
