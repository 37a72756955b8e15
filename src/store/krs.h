/*
 * krs.h - families at risk of stunting (keluarga berisiko stunting, KRS):
 * the counts per sub-area, a desa's families by name, the target of
 * assistance per desa and year, and the verification worklist (verval).
 * Part of the store (store.h); each function returns -1 with
 * tb_store_error() set on error.
 *
 * Definitions (issue 12, domain reference section 5):
 *  - a family's status is the one its census round computed (import
 *    keluarga, lib/krs.c), unless verval corrected it for that round: then
 *    the corrected status counts (krs_verval, keputusan 'koreksi');
 *  - keluarga: families of the area; keluarga_sasaran: of those, sasaran;
 *    krs: of those, at risk; the factor counts count KRS families having
 *    the factor;
 *  - krs_didampingi: KRS families with at least one TPK visit (tpk_kunjungan,
 *    to the family or one of its members) from 1 January of the month's
 *    year to the end of the month (the year's assistance so far, the same
 *    period as the year's target).
 */
#ifndef TB_STORE_KRS_H
#define TB_STORE_KRS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "tb_krs.h"

/* The count columns of a KRS row, in the report's order. */
enum {
    TB_KRS_C_KELUARGA,
    TB_KRS_C_SASARAN,
    TB_KRS_C_KRS,
    TB_KRS_C_AIR,
    TB_KRS_C_JAMBAN,
    TB_KRS_C_MUDA,
    TB_KRS_C_TUA,
    TB_KRS_C_DEKAT,
    TB_KRS_C_BANYAK,
    TB_KRS_C_DIDAMPINGI,
    TB_KRS_C_TARGET, /* the year's targets of the sub-area's desa; NAN when none is set */
    TB_KRS_C_BELUM,  /* verval: families on the worklist not yet confirmed */
    TB_KRS_NCOUNTS
};

/* One sub-area: key = its code (a drill-down key), label = its name. */
typedef struct {
    const char *key, *label;
    double v[TB_KRS_NCOUNTS];
} tb_krs_counts;

/*
 * The counts of the area wilayah (any level) per sub-area one level down (a
 * desa: the desa itself), by code, for month (yyyy-mm). with_belum: also
 * count the verval worklist (slower). Calls fn per row; stops when fn < 0.
 */
int tb_store_krs_counts(tb_store *s, const char *wilayah, const char *month, bool with_belum,
                        int (*fn)(void *ctx, const tb_krs_counts *r), void *ctx);

/* A family of a desa's list (strings live until fn returns). */
typedef struct {
    long id;
    const char *no_kk;
    const char *nama;   /* the oldest member recorded (head or wife), or NULL */
    const char *alamat; /* "Dusun X RT 001/RW 02" */
    bool sasaran, krs;
    bool pus, pus_hamil, baduta, balita;
    const char *faktor;    /* comma-separated factor codes */
    const char *tpk;       /* the teams its members are assigned to (tpk_sasaran), or NULL */
    const char *kunjungan; /* the last visit's date, or NULL */
    const char *putaran;   /* census round, or NULL */
    const char *verval;    /* NULL, 'konfirmasi' or 'koreksi' (for this round) */
} tb_krs_family;

/* The sasaran families of a desa: KRS first, not yet visited first, then by address. */
int tb_store_krs_families(tb_store *s, const char *desa, const char *month,
                          int (*fn)(void *ctx, const tb_krs_family *r), void *ctx);

/* The target of desa for year: the number (>= 0), or -1 when none is set (or on error: -2). */
long tb_store_krs_target(tb_store *s, const char *desa, int tahun);

/* Sets the target (audited as user's change). 0 or -1. */
int tb_store_krs_target_set(tb_store *s, long user, const char *desa, int tahun, long target);

/* Why a family is on the verval worklist (bits of tb_verval_row.alasan). */
enum {
    TB_VERVAL_BARU = 1u << 0,       /* first seen in the latest round */
    TB_VERVAL_BERUBAH = 1u << 1,    /* KRS status changed since its previous round */
    TB_VERVAL_STUNTING = 1u << 2,   /* a stunted child (last measurement) in a non-KRS family */
    TB_VERVAL_BELUM_UKUR = 1u << 3, /* a KRS family with a balita never measured */
    TB_VERVAL_DESA_LAIN = 1u << 4, /* a catin or pregnancy of a member registered in another desa */
    TB_VERVAL_NIK_GANDA = 1u << 5, /* a member's NIK given in another family's census rows */
    TB_VERVAL_NALASAN = 6
};

/* The Indonesian text of reason bit i (0 <= i < TB_VERVAL_NALASAN). */
const char *tb_verval_reason(int i);

/* A family of the worklist. */
typedef struct {
    long id;
    const char *no_kk, *nama, *alamat, *putaran;
    bool krs;        /* the status counted now (census, or corrected) */
    unsigned alasan; /* TB_VERVAL_* */
    const char *keputusan, *oleh, *waktu, *catatan; /* the confirmation, NULL when none */
} tb_verval_row;

/* The worklist of a desa: unconfirmed first. */
int tb_store_verval_list(tb_store *s, const char *desa,
                         int (*fn)(void *ctx, const tb_verval_row *r), void *ctx);

/*
 * Confirms (keputusan "konfirmasi": the census status is right) or corrects
 * ("koreksi": the status found is krs) family id's status for its current
 * round, with a reason; audited. 1 done, 0 no such family, -1 error.
 */
int tb_store_verval_put(tb_store *s, long user, long id, const char *keputusan, int krs,
                        const char *alasan);

/* Notes that the census gave nik to members of families a and b (both flagged). 0 or -1. */
int tb_store_keluarga_nik_ganda(tb_store *s, long a, long b, const char *nik);

/* The desa of family id into out (16 bytes): 1, 0 when none, -1 on error. */
int tb_store_keluarga_desa(tb_store *s, long id, char *out, size_t n);

/* A family's status per census round, oldest first. */
typedef struct {
    const char *putaran, *tanggal, *faktor;
    bool sasaran, krs;
} tb_krs_round;
int tb_store_krs_rounds(tb_store *s, long id, int (*fn)(void *ctx, const tb_krs_round *r),
                        void *ctx);

/* The active KRS rule (ref_versi 'krs', its JSON), with room for its code lists. */
#define TB_KRS_RULE_CODES 24
typedef struct {
    char versi[64];
    tb_krs_rule rule; /* its lists point into kode */
    char kode[3][TB_KRS_RULE_CODES][40];
    const char *ptr[3][TB_KRS_RULE_CODES];
} tb_krs_rule_data;

/*
 * Reads the active KRS rule into out: 1, 0 when there is none or its JSON
 * cannot be read (why in err, Indonesian), -1 on a store error. A limit the
 * JSON does not give is no limit; the sasaran limits default to section 5's.
 */
int tb_store_krs_rule(tb_store *s, tb_krs_rule_data *out, char *err, size_t errlen);

/* A family as its page shows it. */
typedef struct {
    long id;
    char no_kk[20], desa[16], desa_nama[128], alamat[200];
    char sumber_air[48], jamban[48], pendidikan_ibu[48], putaran[16], faktor[256];
    int rumah_layak, desil; /* -1 not given */
    bool sasaran, krs;      /* as counted (census round, or verval) */
} tb_keluarga_info;

/* Family id: 1, 0 when there is none, -1 on error. */
int tb_store_keluarga_info(tb_store *s, long id, tb_keluarga_info *out);

/* A member of a family. */
typedef struct {
    long id, ibu_id;
    char nama[128], tgl_lahir[11], peran[16];
    int jk;
    bool hamil; /* a pregnancy without a delivery date, or the role bumil */
} tb_keluarga_member;

/* The members of family id (oldest first), at most max: their number, or -1. */
int tb_store_keluarga_members(tb_store *s, long id, tb_keluarga_member *rows, int max);

#endif
