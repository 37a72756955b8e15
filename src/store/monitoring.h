/*
 * monitoring.h - posyandu monitoring by agency teams in the store: the
 * teams of agencies (lembaga) and the desa each coaches, the agencies'
 * questionnaires (versioned: a published version is never edited, a change
 * makes a new version, and every answer points to the version it answered),
 * the answered visits (one per client id, so an offline phone can send
 * again), the photos, the results per desa and question and per agency, the
 * activity scores and the commitments agreed with a desa.
 *
 * Scores per desa and stage (README "Monitoring posyandu"): the posyandu
 * activity score is 100 x the "ya" answers to the yes/no questions of
 * kelompok 'posyandu' over all yes/no answers to them, across every visit
 * of that desa at that stage, every agency; the KPM activity score the same
 * over kelompok 'kpm'. No such answer: no score (NAN).
 *
 * Part of the store (store.h): 0 (or 1/0 found / not found) or -1 with
 * tb_store_error() set; every write is audited in its transaction.
 */
#ifndef TB_STORE_MONITORING_H
#define TB_STORE_MONITORING_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* --- teams ---------------------------------------------------------- */

/* Adds team nama of kabupaten, *id gets its id. */
int tb_store_tim_add(tb_store *s, long user, const char *kabupaten, const char *nama, long *id);
/* Puts agency lembaga in team tim (an agency is in one team: moved). */
int tb_store_tim_lembaga_set(tb_store *s, long user, long tim, const char *lembaga);
/* Assigns desa (a tingkat-4 code inside the team's kabupaten) to team tim. */
int tb_store_tim_desa_add(tb_store *s, long user, long tim, const char *desa);

typedef struct {
    long id;
    const char *kabupaten, *nama;
    const char *lembaga; /* the agencies' names, joined by ", " */
    const char *desa;    /* the desa names, joined by ", " */
    int n_desa, n_lembaga;
} tb_tim;
/* The teams whose kabupaten is under or above wilayah (only agency
 * lembaga's team when lembaga is set), by name. */
int tb_store_tim_each(tb_store *s, const char *wilayah, const char *lembaga,
                      int (*fn)(void *ctx, const tb_tim *t), void *ctx);
/* Is desa assigned to the team of agency lembaga? 1 yes, 0 no, -1. */
int tb_store_tim_desa_ok(tb_store *s, const char *lembaga, const char *desa);
/* The desa of agency lembaga's team, by name: fn(kode, nama). */
int tb_store_tim_desa_each(tb_store *s, const char *lembaga,
                           int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx);

/* The desa under wilayah (itself when a desa), by name: fn(kode, nama). */
int tb_store_desa_each(tb_store *s, const char *wilayah,
                       int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx);

/* --- questionnaires -------------------------------------------------- */

#define TB_BUTIR_TIPE_N 5
/* The question types, and their labels (same order). */
extern const char *const tb_butir_tipe[TB_BUTIR_TIPE_N];
extern const char *const tb_butir_tipe_label[TB_BUTIR_TIPE_N];

/* Adds questionnaire nama of agency lembaga with an empty draft version 1; *id. */
int tb_store_kuesioner_add(tb_store *s, long user, const char *lembaga, const char *nama, long *id);

typedef struct {
    long id;
    char lembaga[32], lembaga_nama[128], nama[200];
    long versi_id;   /* the latest version */
    int versi;       /* its number */
    char terbit[11]; /* its publication date, "" a draft */
    long terbit_id;  /* the latest published version, 0 none */
    int n_butir;     /* questions in the latest version */
} tb_kuesioner;
/* Questionnaire id: 1, 0 unknown, -1. */
int tb_store_kuesioner_get(tb_store *s, long id, tb_kuesioner *out);
/* The questionnaires of agencies in wilayah or above/under it (NULL: all),
 * or of agency lembaga only when lembaga is set; by agency and name. */
int tb_store_kuesioner_each(tb_store *s, const char *wilayah, const char *lembaga,
                            int (*fn)(void *ctx, const tb_kuesioner *k), void *ctx);

typedef struct {
    long id, versi_id;
    int urutan;
    const char *kode, *label, *tipe, *pilihan, *kelompok;
    bool wajib;
} tb_butir;
/* Adds question *b to the draft version b->versi_id (refused once
 * published); checks its code, type, choices and group. */
int tb_store_butir_add(tb_store *s, long user, const tb_butir *b);
/* The questions of version versi_id in order. */
int tb_store_butir_each(tb_store *s, long versi_id, int (*fn)(void *ctx, const tb_butir *b),
                        void *ctx);
/* Publishes draft version versi_id (it needs a question); never edited after. */
int tb_store_versi_terbit(tb_store *s, long user, long versi_id, const char *tanggal);
/* A new draft version of questionnaire id, a copy of its latest (which must
 * be published); *versi_id gets its id. */
int tb_store_versi_baru(tb_store *s, long user, long kuesioner_id, long *versi_id);
/* The questionnaire, version number and publication date of version
 * versi_id: 1, 0 unknown, -1. */
int tb_store_versi_get(tb_store *s, long versi_id, long *kuesioner_id, int *versi, char terbit[11]);

/* The versions of questionnaire id, newest first: fn(versi_id, versi,
 * terbit ("" a draft), questions). */
int tb_store_versi_each(tb_store *s, long kuesioner_id,
                        int (*fn)(void *ctx, long versi_id, int versi, const char *terbit, int n),
                        void *ctx);

/* --- answers ----------------------------------------------------------- */

typedef struct {
    const char *uuid; /* the client's id (offline queue), or NULL */
    long versi_id;
    const char *lembaga, *desa;
    long posyandu_id; /* 0: a desa visit */
    const char *tanggal;
    int tahap; /* 1 or 2 */
    const char *catatan;
    int n;
    const char *kode[64], *nilai[64]; /* answers by question code */
} tb_kunjungan;

/* Why an answer is refused: the question code (may be "") and the message. */
typedef struct {
    char kode[64];
    char pesan[256];
} tb_kunjungan_galat;

/*
 * Stores visit *k by user after checking it: the version is published and
 * belongs to agency k->lembaga, the posyandu is in the desa, every answer
 * names a question of the version and fits its type (ya_tidak: ya/tidak;
 * angka: a number >= 0; pilihan: one of the choices; teks: at most 1000
 * characters; foto: the id of a photo this user uploaded), every required
 * question is answered. 1 stored (*id), 2 already stored under that uuid
 * (*id the stored one), 0 refused (*g says why), -1 error.
 */
int tb_store_kunjungan_save(tb_store *s, long user, const tb_kunjungan *k, long *id,
                            tb_kunjungan_galat *g);

/* A photo stored as file berkas (its MIME type and size), by user; *id. */
int tb_store_foto_add(tb_store *s, long user, const char *berkas, const char *jenis, long ukuran,
                      long *id);
/* A photo sent under the client's id uuid (NULL: none) by user (the
 * phone's offline queue retries an upload after a dropped connection):
 * 1 stored (*id), 2 this user stored that uuid already (*id the stored
 * photo; the caller removes its new file berkas), -1 error. */
int tb_store_foto_add_uuid(tb_store *s, long user, const char *uuid, const char *berkas,
                           const char *jenis, long ukuran, long *id);
/* Removes up to max photos uploaded longer ago than umur (an SQLite
 * modifier, "-7 days") that no saved answer refers to (an abandoned form),
 * each audited as the system's; removed(ctx, berkas) is called for each
 * removed row so the caller deletes its file. The number removed, or -1. */
int tb_store_foto_orphans_delete(tb_store *s, const char *umur, int max,
                                 void (*removed)(void *ctx, const char *berkas), void *ctx);
/* Photo id: its file (berkas, n bytes), type (32 bytes), the uploader and
 * the desa of the visit that answered with it ("" none): 1, 0, -1. */
int tb_store_foto_get(tb_store *s, long id, char *berkas, size_t n, char jenis[32], long *oleh,
                      char desa[24]);

/* --- results ------------------------------------------------------------ */

/* One desa x question: the answers at stage 1 and 2. */
typedef struct {
    const char *desa, *desa_nama, *kode, *label, *tipe;
    int n[2];            /* answers at stage 1, 2 */
    int ya[2];           /* ya answers (ya_tidak) */
    double jumlah[2];    /* sum (angka) */
    const char *teks[2]; /* the last answer (pilihan, teks, foto id) */
} tb_hasil_butir;
/* The answers to questionnaire kuesioner_id (every version; questions by
 * code) for the desa under wilayah, or only the desa of agency team_of's
 * team when team_of is set, by desa and question order. */
int tb_store_hasil_butir_each(tb_store *s, long kuesioner_id, const char *wilayah,
                              const char *team_of, int (*fn)(void *ctx, const tb_hasil_butir *h),
                              void *ctx);

/* One photo answer: the photo, where and when it was taken, the question. */
typedef struct {
    long foto_id;
    const char *desa_nama, *posyandu, *tanggal, *label; /* posyandu NULL: a desa visit */
    int tahap;
} tb_hasil_foto;
/* The photos answering questionnaire kuesioner_id in the same scope as
 * tb_store_hasil_butir_each, the latest visits first, at most max. */
int tb_store_hasil_foto_each(tb_store *s, long kuesioner_id, const char *wilayah,
                             const char *team_of, int max,
                             int (*fn)(void *ctx, const tb_hasil_foto *h), void *ctx);

/* One desa: its scores and visits at stages 1 and 2. */
typedef struct {
    const char *desa, *desa_nama, *tim;
    int kunjungan[2];
    double skor_posyandu[2], skor_kpm[2]; /* NAN: no answer */
    int komitmen, komitmen_selesai;
} tb_hasil_desa;
/* Every desa assigned to a team (and any desa with visits) under wilayah,
 * or the desa of agency team_of's team when set, by name. */
int tb_store_hasil_desa_each(tb_store *s, const char *wilayah, const char *team_of,
                             int (*fn)(void *ctx, const tb_hasil_desa *h), void *ctx);

/* One agency: its team, desa assigned, desa visited and visits per stage. */
typedef struct {
    const char *lembaga, *nama, *tim;
    int desa, dikunjungi[2], kunjungan[2];
    double persen_ya[2]; /* ya over yes/no answers of its visits, NAN none */
} tb_hasil_lembaga;
/* The agencies in a team of a kabupaten under or above wilayah, by team and name. */
int tb_store_hasil_lembaga_each(tb_store *s, const char *wilayah,
                                int (*fn)(void *ctx, const tb_hasil_lembaga *h), void *ctx);

/* --- commitments ------------------------------------------------------- */

typedef struct {
    long id, kunjungan_id;
    const char *desa, *lembaga, *uraian, *pj, *tenggat, *status;
    const char *desa_nama, *lembaga_nama; /* read only */
} tb_komitmen;
/* Adds commitment *k (status baru) by user; *id. */
int tb_store_komitmen_add(tb_store *s, long user, const tb_komitmen *k, long *id);
/* Sets the status (baru, proses, selesai, batal) of commitment id. */
int tb_store_komitmen_status(tb_store *s, long user, long id, const char *status);
/* Commitment id's desa into desa (24): 1, 0, -1. */
int tb_store_komitmen_desa(tb_store *s, long id, char desa[24]);
/* The commitments of the desa under wilayah (or of agency team_of's team),
 * open first, by deadline. */
int tb_store_komitmen_each(tb_store *s, const char *wilayah, const char *team_of,
                           int (*fn)(void *ctx, const tb_komitmen *k), void *ctx);

#endif
