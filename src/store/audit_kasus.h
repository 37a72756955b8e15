/*
 * audit_kasus.h - the stunting case audit (Audit Kasus Stunting, AKS) in the
 * store: the district's audit team (who may see the names of the cases),
 * the candidates the data proposes (stunted or wasted children, with their
 * faltering growth; pregnancies at risk; catin screened at risk), the cases
 * chosen per semester with the reason, the worksheet (Kertas Kerja Audit:
 * the person's history from every source and the family's census facts),
 * the technical team's findings, the expert team's recommendations, the
 * outcome, the dissemination meeting (a rapat of kind audit_kasus) and the
 * actions that follow a case (tindak_lanjut with asal 'aks', reviewed like
 * a meeting's). The store returns names; the web decides who sees them.
 *
 * The figures of the KRS and TPK issues are read from the existing tables
 * (keluarga.krs, krs_faktor, tpk_kunjungan, catin, kehamilan) directly.
 * Every write is audited. Functions return 0 (or 1/0 for a lookup), or -1
 * with tb_store_error() set; callbacks stop the walk when they return < 0.
 */
#ifndef TB_STORE_AUDIT_KASUS_H
#define TB_STORE_AUDIT_KASUS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* The semester of a date yyyy-mm-dd into out (8 bytes): "2026-1" (Jan-Jun)
 * or "2026-2" (Jul-Dec). */
void tb_aks_semester(const char *date, char out[8]);
/* "Semester II 2026" for "2026-2" into out (n bytes); false when malformed. */
bool tb_aks_semester_label(const char *semester, char *out, size_t n);

/* The audit team of kabupaten: is user a member? 1, 0, -1. */
int tb_store_aks_tim_has(tb_store *s, long user, const char *kabupaten);
/* Adds (or changes the role of) user id in kabupaten's team: peran teknis,
 * pakar or sekretariat; the user must be active and work in the kabupaten. */
int tb_store_aks_tim_set(tb_store *s, long by, long id, const char *kabupaten, const char *peran);
/* Removes user id from kabupaten's team. */
int tb_store_aks_tim_hapus(tb_store *s, long by, long id, const char *kabupaten);
/* The team: fn(id, username, nama, peran of the user, peran in the team), by name. */
int tb_store_aks_tim_each(tb_store *s, const char *kabupaten,
                          int (*fn)(void *ctx, long id, const char *username, const char *nama,
                                    const char *peran, const char *tim),
                          void *ctx);

/* A candidate the data proposes. Strings live until fn returns. */
typedef struct {
    long individu_id, kehamilan_id; /* kehamilan_id 0 unless jenis is bumil */
    const char *jenis;              /* stunting, wasting, bumil, catin */
    const char *kategori;           /* the case category: baduta, balita, bumil, catin */
    const char *nama, *desa, *desa_nama, *tgl_lahir;
    const char *kriteria; /* why, from the data, e.g. "TB/U -2,41 SD (2026-11-03); 2T" */
    bool goyah;           /* growth faltering (2T, not gaining, TB/U falling) */
    bool krs;             /* the family is at risk (keluarga.krs) */
} tb_aks_kandidat;

/* Which candidates. */
typedef struct {
    const char *wilayah;  /* the area (and every area under it) */
    const char *jenis;    /* stunting, wasting, bumil, catin, or NULL: all */
    bool goyah;           /* only children whose growth falters */
    const char *today;    /* yyyy-mm-dd: ages, the last 12 months, pregnancies not delivered */
    const char *semester; /* those already chosen in it are left out */
    int limit;            /* at most (0: 500) */
} tb_aks_filter;
/* The candidates of f: by jenis, faltering first, then desa and name. */
int tb_store_aks_kandidat_each(tb_store *s, const tb_aks_filter *f,
                               int (*fn)(void *ctx, const tb_aks_kandidat *k), void *ctx);

/* A case. Text fields are copies. */
typedef struct {
    long id, individu_id, kehamilan_id, rapat_id;
    char kategori[16], semester[8], kabupaten[16], status[16];
    char kriteria[400], temuan[4000], rekomendasi[4000], hasil[1000];
    char tgl_diseminasi[11], dipilih[11];
    /* read only */
    char nama[128], desa[16], desa_nama[128], tgl_lahir[11], rapat_judul[200];
    int jk;
    int n_tindakan, n_selesai; /* its actions, closed ones (selesai or batal) */
} tb_aks;

/* Chooses individu_id (kehamilan_id for a pregnancy, else 0) as a case of
 * category kategori in kabupaten and semester, with the reason kriteria;
 * *id gets its id. Refused when the person is already a case of that
 * semester or lives outside the kabupaten. */
int tb_store_aks_pilih(tb_store *s, long user, long individu_id, long kehamilan_id,
                       const char *kategori, const char *kabupaten, const char *semester,
                       const char *kriteria, long *id);
/* Case id into *out: 1, 0 unknown, -1. */
int tb_store_aks_get(tb_store *s, long id, tb_aks *out);
/* The cases of kabupaten whose person lives in wilayah (NULL: all) in
 * semester (NULL: all), by semester (newest first), category, desa. */
int tb_store_aks_each(tb_store *s, const char *kabupaten, const char *wilayah, const char *semester,
                      int (*fn)(void *ctx, const tb_aks *a), void *ctx);
/* The cases whose dissemination meeting is rapat_id, by category and id. */
int tb_store_aks_rapat_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_aks *a),
                            void *ctx);
/* Sets a part of case id: bagian temuan (the technical team's findings:
 * status dikaji), rekomendasi (the expert team's: direkomendasi) or hasil
 * (the outcome: selesai). Audited with the value before. */
int tb_store_aks_ubah(tb_store *s, long user, long id, const char *bagian, const char *value);
/* Links case id to its dissemination meeting rapat_id (a meeting held as
 * audit_kasus in the case's kabupaten): the date is the meeting's, and the
 * case's actions not tied to a meeting yet follow that meeting. */
int tb_store_aks_rapat(tb_store *s, long user, long id, long rapat_id);
/* An action following case id (asal aks): what, the institution responsible
 * (lembaga code, may be NULL) and the person, the deadline, the budget
 * source (may be NULL); in the case's desa, tied to its meeting if linked.
 * *tid gets the action's id. */
int tb_store_aks_tindakan_add(tb_store *s, long user, long id, const char *uraian,
                              const char *pj_lembaga, const char *pj_nama, const char *tenggat,
                              const char *sumber, long *tid);
/* The actions of case id: fn(id, uraian, penanggung_jawab, tenggat, status). */
int tb_store_aks_tindakan_each(tb_store *s, long id,
                               int (*fn)(void *ctx, long tid, const char *uraian, const char *pj,
                                         const char *tenggat, const char *status),
                               void *ctx);

/* One line of a case's history (the worksheet). */
typedef struct {
    const char *tanggal, *sumber, *uraian;
} tb_aks_riwayat;
/* The history of case id's person from every source, oldest first:
 * birth, measurements, pregnancies (the person's, or the mother's for a
 * child) and their ANC visits, catin screenings, TPK visits to the person
 * or the family, status changes, referrals. */
int tb_store_aks_riwayat_each(tb_store *s, long id, int (*fn)(void *ctx, const tb_aks_riwayat *r),
                              void *ctx);
/* The family's census facts of case id's person: fn(label, value) for each
 * fact recorded (KK number, welfare decile, water, latrine, house, mother's
 * schooling, JKN, social aid, KRS and its factors, 4T, verified on). */
int tb_store_aks_keluarga_each(tb_store *s, long id,
                               int (*fn)(void *ctx, const char *label, const char *value),
                               void *ctx);

#endif
