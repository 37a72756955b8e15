/*
 * tpps.h - the TPPS and its agencies (issue 14): the institution register
 * (lembaga, kept here for its page; rapat.h reads it for meetings), the
 * team of each area as its decree (SK) sets it with its members, uploaded
 * documents (decrees, aksi outputs), the institutional map of each desa
 * with its APBDes lines, and the 8 aksi konvergensi of a kabupaten's year.
 *
 * Writes are audited and run in one transaction each. Gaps (what is
 * missing) are computed by the pure functions tb_tpps_gaps and
 * tb_kelembagaan_gaps, so pages, tests and reports agree.
 */
#ifndef TB_STORE_TPPS_H
#define TB_STORE_TPPS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* ---- institutions ---- */

/* One institution of the register. */
typedef struct {
    const char *kode, *nama, *jenis, *wilayah;
    bool aktif;
} tb_lembaga_info;

/* Is jenis one of opd, desa, puskesmas, tpps_bidang, lainnya? */
bool tb_lembaga_jenis_ok(const char *jenis);
/* The Indonesian label of a jenis ("OPD", "Lainnya (vertikal, organisasi)"). */
const char *tb_lembaga_jenis_label(const char *jenis);

/* The institutions of the area wilayah and the areas above it (a desa user
 * sees the kabupaten's OPD), by jenis and name; inactive ones only when
 * all. Stops when fn returns < 0. 0 or -1. */
int tb_store_lembaga_list(tb_store *s, const char *wilayah, bool all,
                          int (*fn)(void *ctx, const tb_lembaga_info *l), void *ctx);
/* Reads one institution into the caller's buffers: 1 found, 0 not, -1. */
int tb_store_lembaga_read(tb_store *s, const char *kode, char *nama, size_t nn, char *wilayah,
                          size_t wn, bool *aktif);
/* Adds an institution (kode unique, jenis valid, wilayah existing): 0, 1
 * when the code is taken, -1 on error. Audited. */
int tb_store_lembaga_tambah(tb_store *s, long user, const tb_lembaga_info *l);
/* Renames an institution and sets whether it is active: 0, or -1. Audited
 * with the name before and after. */
int tb_store_lembaga_ubah(tb_store *s, long user, const char *kode, const char *nama, bool aktif);

/* ---- documents ---- */

/* The content type of a document from its first bytes: application/pdf
 * (%PDF-), image/png, image/jpeg; NULL for anything else. */
const char *tb_dokumen_jenis(const unsigned char *head, size_t n);

typedef struct {
    long id;
    char wilayah[32], nama[200], jenis[32], diunggah[24];
    long ukuran;
} tb_dokumen_info;

/* Stores a document of area wilayah (jenis from tb_dokumen_jenis):
 * *id gets its id. Audited. 0 or -1. */
int tb_store_dokumen_simpan(tb_store *s, long user, const char *wilayah, const char *nama,
                            const char *jenis, const void *data, size_t len, long *id);
/* Reads a document's description and, when data is not NULL, its content
 * (malloc'd, the caller frees): 1 found, 0 not, -1 error. */
int tb_store_dokumen_baca(tb_store *s, long id, tb_dokumen_info *d, void **data);

/* ---- the TPPS of an area ---- */

typedef struct {
    char wilayah[32], nama[200]; /* the area and its name */
    char no_sk[100], tgl_sk[16], berlaku_sampai[16];
    long dokumen_id; /* 0: no decree uploaded */
    char ketua[120]; /* the chair's name, "" when none */
    int anggota;     /* active members */
} tb_tpps;

enum {
    TB_TPPS_TANPA_SK = 1 << 0,       /* no SK number */
    TB_TPPS_SK_KEDALUWARSA = 1 << 1, /* SK no longer valid on the day */
    TB_TPPS_TANPA_KETUA = 1 << 2,    /* no chair */
    TB_TPPS_TANPA_DOKUMEN = 1 << 3,  /* SK number without its decree uploaded */
};
/* The gaps of a team on day today (yyyy-mm-dd): TB_TPPS_* bits. */
unsigned tb_tpps_gaps(const tb_tpps *t, const char *today);
/* The Indonesian text of one gap bit. */
const char *tb_tpps_gap_label(unsigned bit);

/* The team of area wilayah: 1 (the area exists; SK fields empty when none
 * was recorded), 0 no such area, -1 error. */
int tb_store_tpps_baca(tb_store *s, const char *wilayah, tb_tpps *t);
/* The teams of the areas one level below wilayah, by name. 0 or -1. */
int tb_store_tpps_bawah(tb_store *s, const char *wilayah, int (*fn)(void *ctx, const tb_tpps *t),
                        void *ctx);
/* Sets the SK of an area's team (number required, dates yyyy-mm-dd or
 * empty). Audited. 0 or -1. */
int tb_store_tpps_sk(tb_store *s, long user, const char *wilayah, const char *no_sk,
                     const char *tgl_sk, const char *berlaku_sampai);
/* Links the decree document to an area's team. Audited. 0 or -1. */
int tb_store_tpps_dokumen(tb_store *s, long user, const char *wilayah, long dokumen_id);

/* A member of a team. peran: ketua, wakil_ketua, sekretaris, koordinator
 * (of a bidang), anggota. */
typedef struct {
    long id;
    const char *wilayah, *nama, *jabatan, *peran, *bidang, *lembaga, *lembaga_nama, *instansi;
} tb_tpps_anggota;

/* Is peran one of the roles above? */
bool tb_tpps_peran_ok(const char *peran);
/* The Indonesian label of a peran. */
const char *tb_tpps_peran_label(const char *peran);
/* The active members of an area's team: chair first, then by bidang and
 * name. 0 or -1. */
int tb_store_tpps_anggota_each(tb_store *s, const char *wilayah,
                               int (*fn)(void *ctx, const tb_tpps_anggota *a), void *ctx);
/* Adds a member (wilayah, nama, peran required; lembaga an existing code or
 * empty). *id the new row. Audited. 0 or -1. */
int tb_store_tpps_anggota_tambah(tb_store *s, long user, const tb_tpps_anggota *a, long *id);
/* Takes a member off the team of wilayah (kept, inactive): 1 done, 0 no
 * such active member in that area, -1 error. Audited. */
int tb_store_tpps_anggota_hapus(tb_store *s, long user, const char *wilayah, long id);

/* ---- the institutional map of a desa ---- */

typedef struct {
    char desa[32], desa_nama[120], kecamatan[32], kecamatan_nama[120];
    bool diisi;   /* a map was recorded */
    bool sk_tpps; /* the desa's TPPS has an SK number */
    int kpm_ada, kpm_terlatih, kader_jumlah, kader_terlatih, bkb, bkr, bkl;
    char kampung_kb[16], rumah_dataku[16]; /* class, "" when none */
    int tahun;                             /* the APBDes year */
    double apbdes_stunting, apbdes_kpm;    /* NAN: no line that year */
} tb_kelembagaan;

enum {
    TB_KL_SK_TPPS = 1 << 0,
    TB_KL_KPM = 1 << 1,
    TB_KL_KPM_LATIH = 1 << 2,
    TB_KL_KADER_LATIH = 1 << 3,
    TB_KL_BKB = 1 << 4,
    TB_KL_BKR = 1 << 5,
    TB_KL_BKL = 1 << 6,
    TB_KL_KAMPUNG_KB = 1 << 7,
    TB_KL_RUMAH_DATAKU = 1 << 8,
    TB_KL_APBDES_STUNTING = 1 << 9,
    TB_KL_APBDES_KPM = 1 << 10,
    TB_KL_COUNT = 11, /* the number of gap bits */
};
/* The gaps of a desa's map: TB_KL_* bits (a KPM not appointed is not also
 * counted as untrained; no cadres recorded counts as untrained). */
unsigned tb_kelembagaan_gaps(const tb_kelembagaan *k);
/* The Indonesian text of gap bit number i (0 <= i < TB_KL_COUNT). */
const char *tb_kelembagaan_gap_label(int i);
/* Is v a Kampung KB class (dasar..berkelanjutan) / a Rumah DataKu class, or empty? */
bool tb_kampung_kb_ok(const char *v);
bool tb_rumah_dataku_ok(const char *v);

/* The map of every desa under wilayah (any level) for APBDes year tahun,
 * by kecamatan and desa name. 0 or -1. */
int tb_store_kelembagaan_each(tb_store *s, const char *wilayah, int tahun,
                              int (*fn)(void *ctx, const tb_kelembagaan *k), void *ctx);
/* The map of one desa: 1, 0 when desa is not a desa, -1 error. */
int tb_store_kelembagaan_baca(tb_store *s, const char *desa, int tahun, tb_kelembagaan *k);
/* Saves a desa's map and its APBDes lines of k->tahun. Audited. 0 or -1. */
int tb_store_kelembagaan_simpan(tb_store *s, long user, const tb_kelembagaan *k);

/* ---- the 8 aksi konvergensi ---- */

typedef struct {
    int aksi;
    char lembaga[40], lembaga_nama[200], pic[100];
    char mulai[16], selesai[16], status[16];
    double nilai; /* the province's score, NAN when not known */
    char catatan[400];
    long dokumen_id;
    char dokumen_nama[200];
} tb_aksi;

/* The name and the main output of aksi n (1-8), "" outside. */
const char *tb_aksi_nama(int n);
const char *tb_aksi_keluaran(int n);
/* Is v belum, proses or selesai? */
bool tb_aksi_status_ok(const char *v);
/* The 8 aksi of a kabupaten's year, 1 to 8 (one with nothing recorded
 * comes with status belum). 0 or -1. */
int tb_store_aksi_each(tb_store *s, const char *kabupaten, int tahun,
                       int (*fn)(void *ctx, const tb_aksi *a), void *ctx);
/* Saves aksi a->aksi of a kabupaten's year (lead lembaga, dates, status,
 * score, note; the document is kept). Audited. 0 or -1. */
int tb_store_aksi_simpan(tb_store *s, long user, const char *kabupaten, int tahun,
                         const tb_aksi *a);
/* Links an output document to an aksi (the row made when absent). 0 or -1. */
int tb_store_aksi_dokumen(tb_store *s, long user, const char *kabupaten, int tahun, int aksi,
                          long dokumen_id);

/* Families and families at risk of stunting (KRS, keluarga.krs) per desa
 * under wilayah, by kecamatan and desa: for the situation analysis. */
int tb_store_krs_per_desa(tb_store *s, const char *wilayah,
                          int (*fn)(void *ctx, const char *desa, const char *nama,
                                    const char *kecamatan, long keluarga, long krs),
                          void *ctx);

#endif
