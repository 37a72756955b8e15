/*
 * layanan.h (store) - "one target, every service" (issue 12): the facts a
 * target's service package is judged on, for one target or every target of
 * an area in a month, and the timeline of every service a target (or a
 * family) received from every source: posyandu measurements (with vitamin
 * A, PMT, referral), TPK visits (their data JSON: ASI, MP-ASI, immunisation,
 * vitamin A, TTD, MT, bansos, JKN), ANC and nifas visits, the pregnancy and
 * the delivery, the catin screening, and the family census (water,
 * latrine, JKN, bansos). The package itself is judged in report/layanan.c.
 */
#ifndef TB_STORE_LAYANAN_H
#define TB_STORE_LAYANAN_H

#include <stdbool.h>

#include "store/store.h"

/* A target's facts at the end of a month (counts up to that day). */
typedef struct {
    long id;       /* individu id */
    char jenis[8]; /* bumil (pregnant or nifas), baduta, balita, catin */
    char desa[16], desa_nama[96];
    char nama[128];
    char sumber_air[32], jamban[32], jkn[16]; /* the family's census answers, "" unknown */
    bool jkn_tpk;                             /* a TPK visit found or facilitated JKN */
    int umur_bulan;                           /* children: completed months, else -1 */
    int anc, ttd, nifas, konseling; /* bumil: ANC visits, TTD tablets, KF visits, counselling */
    bool bersalin, risiko;          /* bumil: delivered; KEK/anaemia/risti. child: gizi problem */
    int kunjungan_bulan;            /* TPK visits in the month (catin: the last 3 months) */
    bool ditimbang, imunisasi, vit_a, akta; /* children */
    int ukur_tb;                            /* children: length/height measurements in 12 months */
    int konseling_bulan;                    /* children: TPK visits with counselling in the month */
    bool skrining, ttd_catin, tiga_bulan, ada_rencana; /* catin */
} tb_layanan_fakta;

/* The targets of area wilayah (any level) in month yyyy-mm, each once:
 * pregnancies going on at the month's end or delivered in the 42 days
 * before it (bumil), children 0-23 months (baduta); with semua also children
 * 24-59 months (balita) and catin whose wedding is not before the month.
 * fn's nonzero return stops. 0 or -1. */
int tb_store_layanan_fakta(tb_store *s, const char *wilayah, const char *month, bool semua,
                           int (*fn)(void *ctx, const tb_layanan_fakta *f), void *ctx);

/* The same facts of person id in the month (every role it has then: a
 * mother can be bumil and catin). 0 or -1. */
int tb_store_layanan_fakta_of(tb_store *s, long id, const char *month,
                              int (*fn)(void *ctx, const tb_layanan_fakta *f), void *ctx);

/* One service on a timeline; x[] per source (see layanan.c), NULL when
 * empty. */
typedef struct {
    const char *tanggal, *sumber; /* posyandu, tpk, anc, nifas, kehamilan, persalinan, catin,
                                     pendataan */
    long individu_id;
    const char *nama;
    const char *x[7];
} tb_layanan_event;

/* The services of person id (keluarga 0) or of every member of family
 * keluarga (id 0), newest first. 0 or -1. */
int tb_store_layanan_timeline(tb_store *s, long id, long keluarga,
                              int (*fn)(void *ctx, const tb_layanan_event *e), void *ctx);

/* A person as the target page heads it. */
typedef struct {
    char nama[128], desa[16], desa_nama[96], tgl_lahir[11];
    long keluarga;
    bool anak; /* registered as a child (has a child page) */
} tb_layanan_orang;

/* Person id into o: 1, 0 unknown, -1. */
int tb_store_layanan_orang(tb_store *s, long id, tb_layanan_orang *o);

/* Is person id, or any member of family keluarga (keluarga < 0: the
 * person's own family, 0: none), assigned to one of the TPK teams of user
 * pengguna (an open tpk_sasaran)? 1, 0, -1. */
int tb_store_tpk_user_has(tb_store *s, long pengguna, long id, long keluarga);

#endif
