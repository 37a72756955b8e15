/*
 * atur.h - the district's own setup, as its administrator keeps it: the
 * puskesmas and posyandu (added, renamed, moved, closed and reopened:
 * never deleted, so their history stays), the SSGI/SKI prevalence of the
 * kabupaten with its source, prevalence targets per area and year, and the
 * lokus desa of a year with their decree (SK). Every write is audited with
 * the user who made it (by). Part of the store (store.h); each function
 * returns -1 with tb_store_error() set on error.
 */
#ifndef TB_STORE_ATUR_H
#define TB_STORE_ATUR_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* A posyandu as the setup page lists it. */
typedef struct {
    long id;
    char nama[96];
    char desa[24], desa_nama[96];
    char kecamatan[24], kecamatan_nama[96];
    long puskesmas_id;
    char puskesmas_nama[96];
    int hari_buka;    /* 1-31, 0 = not known */
    char ditutup[11]; /* the date it was closed, "" when open */
} tb_atur_posyandu;

/* A puskesmas as the setup page lists it. */
typedef struct {
    long id;
    char nama[96];
    char kecamatan[24], kecamatan_nama[96];
    char ditutup[11];
    long posyandu; /* open posyandu linked to it */
} tb_atur_puskesmas;

/* Calls fn for every posyandu under wilayah (closed ones too), by kecamatan,
 * desa and name; stops with -1 when fn returns < 0. 0 or -1. */
int tb_store_atur_posyandu_each(tb_store *s, const char *wilayah,
                                int (*fn)(void *ctx, const tb_atur_posyandu *p), void *ctx);

/* One posyandu: 1 found, 0 not, -1 error. */
int tb_store_atur_posyandu_get(tb_store *s, long id, tb_atur_posyandu *out);

/* The posyandu of desa named nama (case ignored): 1 (its id in *id), 0 none, -1 error. */
int tb_store_atur_posyandu_find(tb_store *s, const char *desa, const char *nama, long *id);

/* Adds posyandu p (nama, desa, puskesmas_id 0 = none, hari_buka) and sets p->id.
 * 0, 1 when the desa already has an open or closed posyandu of that name, -1 error. */
int tb_store_atur_posyandu_add(tb_store *s, long by, tb_atur_posyandu *p);

/* Changes posyandu p->id to p's nama, desa, puskesmas and day (a rename or a
 * move); audited with before and after. 0, 1 on a name taken in that desa,
 * -1 error. */
int tb_store_atur_posyandu_update(tb_store *s, long by, const tb_atur_posyandu *p);

/* Closes posyandu id on date tanggal (yyyy-mm-dd), or reopens it (tanggal NULL). 0 or -1. */
int tb_store_atur_posyandu_tutup(tb_store *s, long by, long id, const char *tanggal);

/* Calls fn for every puskesmas under wilayah (its kecamatan, or the kecamatan
 * of the kabupaten), closed ones too, by name. 0 or -1. */
int tb_store_atur_puskesmas_each(tb_store *s, const char *wilayah,
                                 int (*fn)(void *ctx, const tb_atur_puskesmas *p), void *ctx);

/* One puskesmas: 1 found, 0 not, -1 error. */
int tb_store_atur_puskesmas_get(tb_store *s, long id, tb_atur_puskesmas *out);

/* The open puskesmas named nama (case ignored) in a kecamatan under
 * wilayah ("" = anywhere): 1 (its id in *id), 0 none, 2 more than one, -1 error. */
int tb_store_atur_puskesmas_find(tb_store *s, const char *wilayah, const char *nama, long *id);

/* Adds puskesmas p (nama, kecamatan) and sets p->id: 0, 1 on a name taken in
 * the kecamatan, -1 error. */
int tb_store_atur_puskesmas_add(tb_store *s, long by, tb_atur_puskesmas *p);

/* Renames or moves puskesmas p->id (nama, kecamatan): 0, 1 on a name taken, -1. */
int tb_store_atur_puskesmas_update(tb_store *s, long by, const tb_atur_puskesmas *p);

/* Closes puskesmas id on tanggal, or reopens it (tanggal NULL). 0 or -1. */
int tb_store_atur_puskesmas_tutup(tb_store *s, long by, long id, const char *tanggal);

/*
 * The desa under wilayah ("" = every desa stored) written as text: its code (dotted or not), or its
 * name (case, spaces and punctuation ignored). 1 with the code in out, 0 not
 * found, 2 when the name is found in more than one desa (give the code),
 * -1 error.
 */
int tb_store_atur_desa_find(tb_store *s, const char *wilayah, const char *text, char *out,
                            size_t n);

/* Calls fn for every desa under wilayah (code, name, its kecamatan's name), by
 * kecamatan and name. 0 or -1. */
int tb_store_atur_desa_each(tb_store *s, const char *wilayah,
                            int (*fn)(void *ctx, const char *kode, const char *nama,
                                      const char *kecamatan),
                            void *ctx);

/* One survey figure (SSGI, SKI, ...) of a kabupaten and year. */
typedef struct {
    char wilayah[24];
    int tahun;
    char survei[16];
    double stunting, wasting, underweight; /* %, NAN when not given */
    char sumber[200];
} tb_atur_survei;

/* Stores (inserts or replaces) a survey figure; audited. 0 or -1. */
int tb_store_atur_survei_put(tb_store *s, long by, const tb_atur_survei *v);

/* Calls fn for the survey figures of a kabupaten, by year. 0 or -1. */
int tb_store_atur_survei_each(tb_store *s, const char *kabupaten,
                              int (*fn)(void *ctx, const tb_atur_survei *v), void *ctx);

/* A stunting prevalence target of an area ('ID': the national one) and year. */
typedef struct {
    char wilayah[24];
    int tahun;
    double stunting; /* % */
    char sumber[200];
} tb_atur_target;

/* Stores (inserts or replaces) a target; audited. 0 or -1. */
int tb_store_atur_target_put(tb_store *s, long by, const tb_atur_target *t);

/* Calls fn for the national targets and those of the areas under wilayah,
 * by area and year. 0 or -1. */
int tb_store_atur_target_each(tb_store *s, const char *wilayah,
                              int (*fn)(void *ctx, const tb_atur_target *t), void *ctx);

/*
 * The target that applies to wilayah in year tahun: the area's own, else
 * the nearest area above it, else the national one; of those the target of
 * that year, else the next later one, else the latest before. 1 (in *out),
 * 0 when there is none, -1 error.
 */
int tb_store_atur_target_for(tb_store *s, const char *wilayah, int tahun, tb_atur_target *out);

/* A lokus desa of a year with its decree. */
typedef struct {
    char desa[24], desa_nama[96], kecamatan_nama[96];
    int tahun;
    char no_sk[96];
    char tgl_sk[11];
} tb_atur_lokus;

/* Stores (inserts or replaces) a lokus desa; audited. 0 or -1. */
int tb_store_atur_lokus_put(tb_store *s, long by, const tb_atur_lokus *l);

/* Removes desa from the lokus of tahun; audited. 0 or -1. */
int tb_store_atur_lokus_hapus(tb_store *s, long by, const char *desa, int tahun);

/* Calls fn for the lokus desa under wilayah, latest year first. 0 or -1. */
int tb_store_atur_lokus_each(tb_store *s, const char *wilayah,
                             int (*fn)(void *ctx, const tb_atur_lokus *l), void *ctx);

/* Is desa a lokus in year tahun? 1 yes, 0 no, -1 error. */
int tb_store_atur_is_lokus(tb_store *s, const char *desa, int tahun);

#endif
