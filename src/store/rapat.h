/*
 * rapat.h - the coordination cycle in the store: meetings (lokmin, rakor,
 * rembuk, case audits and the kinds a district adds), their participants,
 * decisions and commitments, problems (with escalation to the area above
 * and the answer back), recommendations, actions (tindak lanjut) with their
 * owner, budget, deadline and target, and the reviews of each action (the
 * history stays). Institutions (lembaga) own actions; an OPD user is linked
 * to one. Part of the store (store.h).
 *
 * Action status as stored: baru, proses, selesai, batal; shown and accepted
 * as belum, berjalan, selesai, batal (tb_tindakan_status_*). Every write is
 * audited and runs in one transaction. All functions return 0 (or 1/0 for a
 * lookup: found / not found), or -1 with tb_store_error() set; callbacks
 * stop the walk with -1 when they return < 0, and their strings live until
 * they return.
 */
#ifndef TB_STORE_RAPAT_H
#define TB_STORE_RAPAT_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* A meeting. Text fields are copies (read) or the values to write. */
typedef struct {
    long id;
    char jenis[16];      /* minilok, rakor, rembuk, audit_kasus: what the kind behaves as */
    char jenis_kode[32]; /* the kind (rapat_jenis.kode); = jenis for the built-in ones */
    char jenis_nama[96]; /* read only */
    char wilayah[16];
    char wilayah_nama[128]; /* read only */
    char tanggal[11];
    char judul[200];
    char tempat[200];
    int tahap; /* 1-6 (lokmin stages), 0 none */
    char agenda[2000];
    char notulen[8000]; /* the minutes (rapat.catatan) */
    long dibuat_oleh;
    int n_masalah, n_tindakan; /* read only (list) */
} tb_rapat;

/* The label of a lokmin stage 1-6 (the Musi Rawas cycle), "" otherwise. */
const char *tb_rapat_tahap_label(int tahap);

/* The level (2 kabupaten, 3 kecamatan, 4 desa) a meeting of behaviour
 * `dasar` is held at: minilok 3, rakor and audit_kasus 2, rembuk 2 or 4
 * (returned as 0: either). -1 for an unknown kind. */
int tb_rapat_level(const char *dasar);

/* The kinds: fn(kode, nama, dasar, tahapan) in name order. */
int tb_store_rapat_jenis_each(tb_store *s,
                              int (*fn)(void *ctx, const char *kode, const char *nama,
                                        const char *dasar, int tahapan),
                              void *ctx);
/* A district adds a kind that behaves as dasar (audited by user). */
int tb_store_rapat_jenis_add(tb_store *s, long user, const char *kode, const char *nama,
                             const char *dasar, int tahapan);
/* The behaviour (dasar) and stages flag of kind kode into dasar (16 bytes):
 * 1 found, 0 unknown, -1 error. */
int tb_store_rapat_jenis_get(tb_store *s, const char *kode, char *dasar, int *tahapan);

/* Inserts (r->id == 0; r->id gets the id) or updates meeting r, by user.
 * r->jenis is set from the kind. Checks the date, the kind and the area's
 * level for it. */
int tb_store_rapat_save(tb_store *s, long user, tb_rapat *r);
/* Meeting id into *out: 1, 0 unknown, -1. */
int tb_store_rapat_get(tb_store *s, long id, tb_rapat *out);
/* The meetings of wilayah and every area under it, newest first (agenda
 * and notulen left empty), at most limit (0: all). */
int tb_store_rapat_each(tb_store *s, const char *wilayah, int limit,
                        int (*fn)(void *ctx, const tb_rapat *r), void *ctx);

/* A participant: by institution (lembaga code, may be NULL) or typed. */
typedef struct {
    long id;
    const char *nama, *jabatan, *instansi, *lembaga;
} tb_peserta;
int tb_store_peserta_add(tb_store *s, long user, long rapat_id, const tb_peserta *p);
/* The participants of a meeting in the order entered (instansi: the
 * lembaga's name when linked). */
int tb_store_peserta_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_peserta *p),
                          void *ctx);

/* A decision (keputusan) or commitment (komitmen: pihak commits to uraian). */
typedef struct {
    long id;
    const char *jenis, *uraian, *pihak, *lembaga;
} tb_keputusan;
int tb_store_keputusan_add(tb_store *s, long user, long rapat_id, const tb_keputusan *k);
int tb_store_keputusan_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_keputusan *k),
                            void *ctx);

/* A problem of a meeting; escalated when naik_ke is set (the area above). */
typedef struct {
    long id, rapat_id;
    const char *uraian, *desa, *tema;
    const char *desa_nama;                                /* read only */
    const char *naik_ke, *jawaban;                        /* read only */
    long jawaban_rapat_id;                                /* read only */
    const char *asal_judul, *asal_tanggal, *asal_wilayah; /* read only: the origin meeting */
    const char *rekomendasi;                              /* read only: joined by " | " */
} tb_masalah;
/* Adds a problem (desa must be inside the meeting's area); *id gets its
 * id; escalated to the area above the meeting's when naik. */
int tb_store_masalah_add(tb_store *s, long user, long rapat_id, const tb_masalah *m, bool naik,
                         long *id);
/* Escalates problem id of meeting rapat_id to the area above the meeting's. */
int tb_store_masalah_naik(tb_store *s, long user, long rapat_id, long id);
/* Records at meeting rapat_id the answer to a problem escalated to its area. */
int tb_store_masalah_jawab(tb_store *s, long user, long id, long rapat_id, const char *jawaban);
/* The problems of a meeting, in order, with their recommendations. */
int tb_store_masalah_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_masalah *m),
                          void *ctx);
/* The problems escalated to the area of meeting rapat_id from meetings up
 * to its date, not answered yet or answered at this meeting, oldest first,
 * with their origin. */
int tb_store_masalah_naik_each(tb_store *s, long rapat_id,
                               int (*fn)(void *ctx, const tb_masalah *m), void *ctx);
/* The problems escalated from earlier meetings of the same kind and area
 * as meeting rapat_id: not answered yet, or answered since the meeting of
 * that kind and area before it (the answer flowing back), oldest first. */
int tb_store_masalah_balik_each(tb_store *s, long rapat_id,
                                int (*fn)(void *ctx, const tb_masalah *m), void *ctx);
/* A recommendation answering problem masalah_id (0: none) of a meeting. */
int tb_store_rekomendasi_add(tb_store *s, long user, long rapat_id, long masalah_id,
                             const char *uraian, long *id);

/* An action. Text fields point to the caller's strings (write) or to the
 * row (read). */
typedef struct {
    long id, rapat_id, masalah_id, rekomendasi_id;
    const char *uraian;
    const char *pelaksana;       /* lembaga code of the executor */
    const char *pj_lembaga;      /* lembaga code of the one responsible */
    const char *pj_nama;         /* the person responsible */
    const char *wilayah;         /* the area the action is for */
    const char *sumber_anggaran; /* APBDes, APBD, DAK, BOK, BOKB, CSR, lainnya */
    double anggaran;             /* rupiah, NAN none */
    const char *tenggat;         /* yyyy-mm-dd */
    const char *status;          /* baru, proses, selesai, batal */
    const char *target_volume;   /* e.g. "20 keluarga" */
    const char *indikator;       /* ds, nd, stunting, terukur, or NULL */
    const char *indikator_wilayah;
    double target_nilai;      /* percent */
    const char *target_bulan; /* yyyy-mm */
    /* read only */
    const char *rapat_judul, *rapat_tanggal, *rapat_jenis, *rapat_wilayah;
    const char *wilayah_nama, *masalah, *pelaksana_nama, *pj_lembaga_nama;
    const char *penanggung_jawab; /* the stored owner text */
    const char *bukti, *terakhir_ditinjau;
} tb_tindakan;

/* The stored status of a shown one (belum -> baru, berjalan -> proses,
 * selesai, batal; the stored names are accepted too), NULL if unknown. */
const char *tb_tindakan_status_store(const char *shown);
/* The shown name of a stored status (baru -> belum, proses -> berjalan). */
const char *tb_tindakan_status_label(const char *stored);
/* Is it a budget source the forms accept? */
bool tb_tindakan_sumber_ok(const char *sumber);
/* Is it an indicator an action's target may name? */
bool tb_tindakan_indikator_ok(const char *ind);

/* Adds action *t of meeting t->rapat_id (status baru), by user; t->id gets
 * the id. Its problem must be one of the meeting's. */
int tb_store_tindakan_add(tb_store *s, long user, tb_tindakan *t);
/* Action id into fn (one call): 1 found, 0 unknown, -1. */
int tb_store_tindakan_get(tb_store *s, long id, int (*fn)(void *ctx, const tb_tindakan *t),
                          void *ctx);

/* Which actions a list holds. */
typedef struct {
    const char *wilayah; /* the action's area or its meeting's under this code; NULL: all */
    const char *lembaga; /* executor or responsible institution; NULL: any */
    const char *status;  /* "open", "overdue", "closed", "all" (NULL = all) */
    const char *today;   /* yyyy-mm-dd: what is overdue */
    const char *since;   /* closed: last review on or after (yyyy-mm-dd); NULL any */
    long rapat_id;       /* > 0: the actions of this meeting */
    long carry_rapat_id; /* > 0: the open actions of earlier meetings of its kind and area */
    const char *sumber;  /* a budget source, or NULL */
} tb_tindakan_filter;
/* The actions of a filter, overdue first, then by deadline. */
int tb_store_tindakan_each(tb_store *s, const tb_tindakan_filter *f,
                           int (*fn)(void *ctx, const tb_tindakan *t), void *ctx);

/* A review of an action. */
typedef struct {
    long id, tindak_lanjut_id, rapat_id; /* rapat_id 0: outside a meeting */
    const char *tanggal, *status, *kemajuan, *bukti, *peninjau;
} tb_tinjauan;
/* Records review *v by user (the action's status follows it). */
int tb_store_tindakan_tinjau(tb_store *s, long user, const tb_tinjauan *v);
/* The reviews of an action, oldest first. */
int tb_store_tinjauan_each(tb_store *s, long tindak_lanjut_id,
                           int (*fn)(void *ctx, const tb_tinjauan *v), void *ctx);

/* A weekly schedule row (Rencana Kerja) of an action: minggu bits 1-4 = weeks 1-4. */
typedef struct {
    long id, tindak_lanjut_id;
    const char *kegiatan, *pelaksana, *penanggung_jawab;
    int minggu;
} tb_jadwal;
int tb_store_jadwal_add(tb_store *s, long user, const tb_jadwal *j);
int tb_store_jadwal_each(tb_store *s, long tindak_lanjut_id,
                         int (*fn)(void *ctx, const tb_jadwal *j), void *ctx);

/* An institution. */
typedef struct {
    const char *kode, *nama, *jenis, *wilayah;
} tb_lembaga;
/* Adds an institution (jenis opd, desa, puskesmas, tpps_bidang, lainnya). */
int tb_store_lembaga_add(tb_store *s, long user, const tb_lembaga *l);
/* The institutions whose area is wilayah, above it or under it (all when
 * NULL), by name. */
int tb_store_lembaga_each(tb_store *s, const char *wilayah,
                          int (*fn)(void *ctx, const tb_lembaga *l), void *ctx);
/* The institution user id belongs to into kode (32 bytes): 1, 0 none, -1. */
int tb_store_pengguna_lembaga(tb_store *s, long id, char *kode, size_t n);
/* Links user id to institution kode (by `by`). */
int tb_store_pengguna_lembaga_set(tb_store *s, long by, long id, const char *kode);

#endif
