/*
 * pengukuran.h - measurements of children: the upsert with its z-scores
 * (growth engine on write), the bulk load of an import, the KMS status
 * (N/T/O/B, 2T) recomputed per child, and the lookups of one measurement.
 * Part of the store (store.h); each returns 0 or -1 with tb_store_error()
 * set unless it says otherwise.
 */
#ifndef TB_STORE_PENGUKURAN_H
#define TB_STORE_PENGUKURAN_H

#include "store/store.h"
#include "tb_growth.h"

/* One stored measurement as the pages show it (NAN: not measured). */
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
    long id;
    int tidak_wajar; /* TB_WAJAR_* bits: confirmed implausible values */
    double lika;
} tb_ukur_row;

/* Confirmed implausible values of a measurement (column tidak_wajar): the
 * z-scores they enter are stored flagged (f_* = 1), so no figure counts them,
 * and an implausible weight gives no N/T. */
#define TB_WAJAR_BB 1   /* weight */
#define TB_WAJAR_TB 2   /* length/height */
#define TB_WAJAR_LILA 4 /* LiLA or head circumference */

/* A measurement to write. */
typedef struct {
    long anak_id;     /* individu id of the child */
    char tanggal[11]; /* yyyy-mm-dd */
    long posyandu_id; /* 0 = unknown */
    double bb, tb;    /* kg, cm; NAN = not measured */
    char cara_ukur;   /* 'l', 'h' or 0 */
    int oedema;
    double lila, lika; /* cm; NAN */
    int vit_a;
    double pmt_kg;
    const char *uuid_klien; /* offline entry id, or NULL */
    long dibuat_oleh;       /* user id, 0 = import */
    /* N/T/O/B and 2T when the caller already knows them (tb_kms_status_many
     * over the child's weighings up to this one), written on insert only;
     * 0 = left to tb_store_kms_recompute. Saves the recompute its updates
     * when a child's weighings are written in date order. */
    char naik;
    int t2;
    const char *pengukur; /* who measured (cadre's name), or NULL */
    const char *kpsp;     /* KPSP result: sesuai / meragukan / penyimpangan, or NULL */
    /* the growth engine's results for this measurement, when the caller
     * computed them already (tb_growth_compute with the age in days from the
     * birth date, the sex and these values, WHO's built-in tables); NULL =
     * computed here */
    const tb_growth_result *growth;
    int tidak_wajar;   /* TB_WAJAR_* bits confirmed by the user, 0 = none */
    const char *sidik; /* fingerprint of an offline entry's child and values, or NULL */
} tb_pengukuran;

/* Sets every field to "not given". */
void tb_pengukuran_init(tb_pengukuran *p);

/*
 * Writes a measurement (upsert on child + date) with its z-scores, flags,
 * Permenkes categories and BGM computed by the growth engine from the
 * child's birth date (yyyy-mm-dd) and sex (1/2). *outcome tells whether it
 * was inserted, updated or unchanged. Call tb_store_kms_recompute for the
 * child afterwards (N/T/O/B depend on the other weighings).
 */
int tb_store_pengukuran_put(tb_store *s, const tb_pengukuran *p, const char *tgl_lahir, int jk,
                            int *outcome);

/*
 * A first load into an empty pengukuran, inside the caller's transaction:
 * bulk_begin drops the (anak_id, tanggal) and (posyandu_id, tanggal) indexes
 * when the table has no rows (1) and leaves them when it has (0); bulk_end
 * builds them again (sorting a million entries once costs less than a
 * million B-tree inserts). Between the two, nothing may look measurements
 * up or upsert them: only tb_store_pengukuran_insert_many. -1 on error.
 */
int tb_store_pengukuran_bulk_begin(tb_store *s);
int tb_store_pengukuran_bulk_end(tb_store *s);

/* Rows per statement of tb_store_pengukuran_insert_many. */
#define TB_PENGUKURAN_BATCH 32

/*
 * Inserts n new measurements (z-scores as tb_store_pengukuran_put, child i
 * born tgl_lahir[i] with sex jk[i]) with one statement per
 * TB_PENGUKURAN_BATCH rows: for bulk imports of children new to the store.
 * A measurement that exists already (same child and date) is an error.
 */
int tb_store_pengukuran_insert_many(tb_store *s, const tb_pengukuran *p,
                                    const char *const *tgl_lahir, const int *jk, int n);

/* Recomputes N/T/O/B and 2T of all a child's weighings (KBM from the store). */
int tb_store_kms_recompute(tb_store *s, long anak_id);

/* The day number of a child's last stored measurement into *day
 * (TB_DATE_NONE when it has none). 0, or -1 on error. */
int tb_store_pengukuran_last_day(tb_store *s, long anak_id, long *day);

/* 1 when the child has a stored measurement on that date, 0 when not, -1 on error. */
int tb_store_pengukuran_on(tb_store *s, long anak_id, const char *tanggal);

/* The measurement of a child on a date as JSON into out (empty: none): 1, 0 or -1. */
int tb_store_pengukuran_json(tb_store *s, long anak_id, const char *tanggal, char *out, size_t n);

/* The measurement id for an offline entry's client id (and its child, date
 * and fingerprint, "" when stored without one), 0 if none, -1 error. */
long tb_store_pengukuran_by_uuid(tb_store *s, const char *uuid, long *anak_id, char tanggal[11],
                                 char sidik[128]);

/* The id of the child's last measurement in the calendar month of tanggal
 * (its date into found[11]), 0 if none, -1 error. */
long tb_store_pengukuran_in_month(tb_store *s, long anak_id, const char *tanggal, char found[11]);

/* The child and date of measurement id: 1 found, 0 not, -1 error. */
int tb_store_pengukuran_get(tb_store *s, long id, long *anak_id, char tanggal[11]);

/*
 * Corrects measurement id in place with p's values and date (the child stays
 * p->anak_id's): z-scores as tb_store_pengukuran_put. *outcome UPDATED or
 * UNCHANGED. -1 (and nothing changed) when another measurement of the child
 * is on the new date. Call tb_store_kms_recompute afterwards.
 */
int tb_store_pengukuran_update(tb_store *s, long id, const tb_pengukuran *p, const char *tgl_lahir,
                               int jk, int *outcome);

/* The measurement id as JSON (every stored value) into out: 1, 0 none, -1 error. */
int tb_store_pengukuran_json_id(tb_store *s, long id, char *out, size_t n);

/*
 * Deletes measurement id softly: the whole row moves to arsip_pengukuran
 * with jenis ('hapus', or 'gabung' when merged away), who, when and why, so
 * no figure or list counts it. Call tb_store_kms_recompute afterwards. 0 or -1.
 */
int tb_store_pengukuran_arsip(tb_store *s, long id, const char *jenis, long user,
                              const char *alasan);

#endif
