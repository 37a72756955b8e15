/*
 * tpk.h - Tim Pendamping Keluarga (TPK): teams per desa with their members
 * and SK, the targets (sasaran) assigned to a team, the visits a member
 * records (stored once per client uuid, like the posyandu day's
 * measurements), the outcome of a referral, and the figures of the TPK
 * report and of "3 standar dan 4 PASTI". Part of the store (store.h).
 *
 * A target is a person in one role at a date D (tb_store_tpk_*: the
 * "target universe" of a desa):
 *   catin   a catin screening whose wedding (tgl_rencana_nikah) is on or
 *           after D, or not yet set;
 *   bumil   a pregnancy with hpht <= D, not delivered by D, hpl >= D - 14 days;
 *   nifas   a delivery in the 42 days up to D;
 *   baduta  a registered child (anak) aged 0-23 months at D;
 *   balita  24-59 months (only when assigned by hand).
 * Its next visit is due on the kunjungan_berikut of its latest visit, else
 * a month after that visit, else on the day it was assigned.
 */
#ifndef TB_STORE_TPK_H
#define TB_STORE_TPK_H

#include <stdbool.h>

#include "store/store.h"

/* A team, as listed. */
typedef struct {
    long id;
    char kode[48], nama[128], desa[16], desa_nama[128], no_sk[64], tgl_sk[11];
    int anggota, sasaran; /* counts */
} tb_tpk_row;

/* A member of a team. */
typedef struct {
    long id, tpk_id, pengguna_id; /* pengguna_id 0: no user account */
    char nama[128], peran[16], no_sk[64], username[64];
} tb_tpk_anggota_row;

/* A target assigned to a team, with its visit state at a date. */
typedef struct {
    long id, individu_id, tpk_id;
    char jenis[8], nama[128], nik[20], tgl_lahir[11], desa[16];
    char mulai[11], terakhir[11], jatuh_tempo[11]; /* last visit ("" none), next due */
    bool terlambat;                                /* due before the date asked */
} tb_tpk_sasaran_row;

/* A visit to record. Text fields may be NULL. */
typedef struct {
    long tpk_id, anggota_id, individu_id, user_id;
    const char *jenis, *tanggal, *data; /* data: JSON of the target type's fields */
    int berisiko, layanan;
    const char *konseling, *rujukan_ke, *alasan_rujukan, *bansos, *jkn, *kunjungan_berikut;
    const char *uuid; /* the client's id (offline queue), or NULL */
} tb_tpk_visit;

/* Creates a team in desa; *id its id. 0 or -1 (tb_store_error). */
int tb_store_tpk_create(tb_store *s, long user, const char *desa, const char *nama,
                        const char *no_sk, const char *tgl_sk, long *id);

/* The teams whose desa lies in wilayah (any level), by desa and name. 0 or -1. */
int tb_store_tpk_list(tb_store *s, const char *wilayah, int (*fn)(void *ctx, const tb_tpk_row *r),
                      void *ctx);

/* Team id into *t: 1 found, 0 none, -1 error. */
int tb_store_tpk_get(tb_store *s, long id, tb_tpk_row *t);

/* Adds a member; pengguna_id 0 = none (else a user of role tpk or desa).
 * 0 or -1. */
int tb_store_tpk_anggota_add(tb_store *s, long user, long tpk_id, const char *nama,
                             const char *peran, const char *no_sk, long pengguna_id, long *id);

/* Links member anggota_id to user account pengguna_id (0: unlinks). 0 or -1. */
int tb_store_tpk_anggota_link(tb_store *s, long user, long anggota_id, long pengguna_id);

/* The members of a team. 0 or -1. */
int tb_store_tpk_anggota(tb_store *s, long tpk_id,
                         int (*fn)(void *ctx, const tb_tpk_anggota_row *r), void *ctx);

/* The teams user pengguna_id is a member of, into ids (up to max), and the
 * member id of the first into *anggota. Their number, or -1. */
int tb_store_tpk_of_user(tb_store *s, long pengguna_id, long *ids, int max, long *anggota);

/* Assigns person individu_id as a target of kind jenis to team tpk_id from
 * date mulai (moves it when another team had it). *outcome TB_PUT_*. 0 or -1;
 * -1 also when the person is not in the team's desa. */
int tb_store_tpk_assign(tb_store *s, long user, long tpk_id, long individu_id, const char *jenis,
                        const char *mulai, int *outcome);

/* Assigns every target of the team's desa at date D (catin, bumil, nifas,
 * baduta) that no team has yet, and every KRS family of the desa that no
 * team accompanies through a member (tpk_keluarga). The number assigned
 * (targets and families), or -1. Audited as
 * user (0 system); user -1 (the demo, audited once as an import) is not. */
long tb_store_tpk_assign_all(tb_store *s, long user, long tpk_id, const char *d);

/* The targets of team tpk_id (or of every team whose desa lies in wilayah
 * when tpk_id is 0), overdue first, then by due date; terlambat against
 * date d. 0 or -1. */
int tb_store_tpk_sasaran(tb_store *s, long tpk_id, const char *wilayah, const char *d,
                         int (*fn)(void *ctx, const tb_tpk_sasaran_row *r), void *ctx);

/* Target (individu_id, jenis): its team, desa into r. 1, 0 not assigned, -1. */
int tb_store_tpk_sasaran_get(tb_store *s, long individu_id, const char *jenis,
                             tb_tpk_sasaran_row *r);

/* Looks a client uuid up: the visit id (> 0), 0 none, -1 error. */
long tb_store_tpk_visit_by_uuid(tb_store *s, const char *uuid);

/* Stores a visit (one transaction, audited); *id its id. 0 or -1. */
int tb_store_tpk_visit_put(tb_store *s, const tb_tpk_visit *v, long *id);

/* Records the outcome of the referral of visit id: status 'selesai' (seen
 * and handled) or 'tidak_datang', hasil text, tanggal. 1 done, 0 no such
 * referral, -1 error. *tpk_id the visit's team. */
int tb_store_tpk_rujukan_hasil(tb_store *s, long user, long id, const char *status,
                               const char *hasil, const char *tanggal, long *tpk_id);

/* A referral made at a visit, with its outcome so far. */
typedef struct {
    long id, individu_id;
    char nama[128], tanggal[11], rujukan_ke[128], alasan[256], status[16], hasil[256];
} tb_tpk_rujukan_row;

/* The referrals of team tpk_id, pending first, newest first (up to 200). 0 or -1. */
int tb_store_tpk_rujukan(tb_store *s, long tpk_id,
                         int (*fn)(void *ctx, const tb_tpk_rujukan_row *r), void *ctx);

/* One row of the TPK report: a team in its desa, for a month. */
typedef struct {
    const char *tpk, *desa;
    long v[6]; /* assigned, visited this month, overdue at month end, visits,
                  referrals made this month, of them completed */
} tb_tpk_report_row;

/* The TPK report rows of wilayah for month (yyyy-mm). 0 or -1. */
int tb_store_tpk_report(tb_store *s, const char *wilayah, const char *month,
                        int (*fn)(void *ctx, const tb_tpk_report_row *r), void *ctx);

/* The checklist items the store computes ("3 standar dan 4 PASTI"). */
enum {
    TB_SP_CATIN_3_BULAN,
    TB_SP_BUMIL_NIFAS_BULANAN,
    TB_SP_BADUTA_DIUKUR,
    TB_SP_TERDATA,
    TB_SP_DIDAMPINGI,
    TB_SP_LAYANAN,
    TB_SP_TERPANTAU,
    TB_SP_COUNT
};

/* The code of item k ("catin_3_bulan", ...), or NULL; the item of a code, or -1. */
const char *tb_sp_code(int k);
int tb_sp_lookup(const char *code);

/* One desa of the 3-standar-4-PASTI report: per item, targets meeting it and
 * targets it applies to. */
typedef struct {
    const char *desa, *nama;
    long ya[TB_SP_COUNT], n[TB_SP_COUNT];
} tb_sp_row;

/* The per-desa counts of wilayah for month. 0 or -1. */
int tb_store_standar_pasti(tb_store *s, const char *wilayah, const char *month,
                           int (*fn)(void *ctx, const tb_sp_row *r), void *ctx);

/* An item of the active checklist version. */
typedef struct {
    char daftar[12], kode[32], label[160];
} tb_checklist_item;

/* The items of the active checklist version (by list, then order) into
 * items (up to max), its name into versi. Their number, or -1. */
int tb_store_checklist_active(tb_store *s, char versi[32], tb_checklist_item *items, int max);

#endif
