/*
 * keluarga.h - families (Pendataan Keluarga, no. KK): the census upsert and
 * the members of a child's family. Part of the store (store.h); each
 * function returns -1 with tb_store_error() set on error.
 */
#ifndef TB_STORE_KELUARGA_H
#define TB_STORE_KELUARGA_H

#include <stdbool.h>

#include "store/store.h"

/* A family (Pendataan Keluarga). NULL text and -1 numbers are "not given". */
typedef struct {
    const char *no_kk; /* the key: 16 digits */
    const char *desa;  /* wilayah code (desa level) */
    const char *rt, *rw, *alamat;
    const char *sumber_pk;
    int tahun_pk; /* -1 */
    int desil;    /* 1..10, -1 */
    const char *sumber_air, *jamban;
    int rumah_layak; /* 1 / 0, -1 */
    const char *pendidikan_ibu, *jkn, *bansos;
    /* computed by the caller from the active KRS rule */
    int pus, pus_hamil, punya_baduta, punya_balita;
    int t4_muda, t4_tua, t4_dekat, t4_banyak;
    int sasaran, krs;
    const char *krs_faktor; /* comma-separated factor codes, or NULL */
    /* the census round (PK21, PK24, ...) or NULL; with it the status is also
     * kept in the round's row (keluarga_putaran), and a round older than the
     * one the family's row holds does not replace that row */
    const char *putaran;
    const char *aturan;  /* the KRS rule version, for the round's row */
    const char *tanggal; /* yyyy-mm-dd the status was computed, for the round's row */
} tb_keluarga;

/*
 * Inserts the family or replaces its stored values (a census row is the
 * whole record); *outcome TB_PUT_INSERTED / UPDATED / UNCHANGED. Returns its
 * id, or -1.
 */
long tb_store_keluarga_put(tb_store *s, const tb_keluarga *k, int *outcome);

/*
 * A census load of members into a store without people: 1 when individu has
 * no rows, 0 when it has some (nothing done), -1. With 1 the indexes no
 * lookup of the load needs are dropped until tb_store_keluarga_bulk_end:
 * individu_cocok and individu_keluarga, and individu_desa_lahir unless
 * by_name (a member may be looked for by name; else nobody can be, see
 * tb_individu.nik_only). Call inside the load's transaction.
 */
int tb_store_keluarga_bulk_begin(tb_store *s, bool by_name);

/* Rebuilds the indexes tb_store_keluarga_bulk_begin(s, by_name) dropped. 0 or -1. */
int tb_store_keluarga_bulk_end(tb_store *s, bool by_name);

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

#endif
