/*
 * store_web.h - the reads and writes of the web pages that are not reports:
 * a posyandu and its targets for a month, a child with its history, names
 * of areas, registering a child, a measurement's record as JSON for the
 * audit log. Part of the store module (store.h).
 */
#ifndef TB_STORE_WEB_H
#define TB_STORE_WEB_H

#include "store/store.h"

typedef struct {
    long id;
    char nama[96];
    char desa[24], desa_nama[96];
    char kecamatan[24];
} tb_posyandu_info;

typedef struct {
    long id;
    char nik[24];
    char nama[128];
    int jk;
    char tgl_lahir[11];
    long posyandu_id;
    char posyandu[96];
    char desa[24], desa_nama[96];
    char alamat[128], rt[8], rw[8];
    char ibu[128], no_kk[24];
    double bb_lahir, pb_lahir;
    char krs_faktor[160];
    int krs;
} tb_anak_info;

typedef struct {
    char tanggal[11];
    int umur_hari;
    double bb, tb, lila;
    char cara;
    double z_bbu, z_tbu, z_bbtb, z_imtu;
    int f_bbu, f_tbu, f_bbtb;
    char kat_bbu[8], kat_tbu[8], kat_bbtb[8];
    char naik;
    int t2, bgm, vit_a;
    double pmt_kg;
} tb_ukur_row;

/* A member of a child's family (same keluarga), for the child's page. */
typedef struct {
    char nama[128];
    int jk;
    char tgl_lahir[11];
    char peran[16];
} tb_anggota_row;

/*
 * The other members of child anak_id's family (by birth date, oldest first),
 * at most max: their number, 0 when the child has no family recorded, -1 on
 * error.
 */
int tb_store_anggota_keluarga(tb_store *s, long anak_id, tb_anggota_row *rows, int max);

/* 1 found, 0 not found, -1 error. */
int tb_store_posyandu_info(tb_store *s, long id, tb_posyandu_info *out);
int tb_store_anak_info(tb_store *s, long id, tb_anak_info *out);
/* The name of a wilayah into out (empty when unknown). */
int tb_store_wilayah_nama(tb_store *s, const char *kode, char *out, size_t n);

/* A child's measurements in date order, at most max; returns the count or -1. */
int tb_store_anak_riwayat(tb_store *s, long anak_id, tb_ukur_row *rows, int max);

/* One target child of a posyandu for a month, with last month's and this month's result. */
typedef struct {
    long id;
    char nama[128];
    int jk;
    char tgl_lahir[11];
    int umur_bulan;
    int has_prev, has_now;
    tb_ukur_row prev, now;
} tb_sasaran_row;

/* Calls fn for every target child (under 60 months in month yyyy-mm). */
int tb_store_posyandu_sasaran(tb_store *s, long posyandu_id, const char *month,
                              int (*fn)(void *ctx, const tb_sasaran_row *r), void *ctx);

/* The posyandu of a desa (or of every desa under a wilayah code), by name. */
int tb_store_posyandu_list(tb_store *s, const char *wilayah,
                           int (*fn)(void *ctx, long id, const char *nama, const char *desa),
                           void *ctx);

/* Sub-areas of a wilayah (one level down) */
int tb_store_wilayah_anak(tb_store *s, const char *kode,
                          int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx);

/* Codes of the wilayah with levels from..to (1 provinsi .. 4 desa); the count or -1. */
int tb_store_wilayah_kode_list(tb_store *s, int from, int to, char (*codes)[32], int max);

/* Sets this connection's page cache size in KiB (servers keep it small per thread). */
int tb_store_cache_kb(tb_store *s, int kb);

/* Registers a child (individu + anak) at a posyandu; the new id or -1. */
long tb_store_anak_daftar(tb_store *s, long posyandu_id, const char *desa, const char *nik,
                          const char *nama, int jk, const char *tgl_lahir, const char *nama_ibu,
                          double bb_lahir, double pb_lahir, long user);

/* The measurement of a child on a date as JSON into out (empty: none). */
int tb_store_pengukuran_json(tb_store *s, long anak_id, const char *tanggal, char *out, size_t n);

/* The measurement id for an offline entry's client id, 0 if none, -1 error. */
long tb_store_pengukuran_by_uuid(tb_store *s, const char *uuid, long *anak_id, char tanggal[11]);

#endif
