/*
 * catin.h - catin (bride and groom) screenings from Elsimil, unique per
 * person and exam date. Part of the store (store.h).
 */
#ifndef TB_STORE_CATIN_H
#define TB_STORE_CATIN_H

#include "store/store.h"

/* A catin screening (Elsimil); unique per person and exam date. */
typedef struct {
    long individu_id;
    const char *tgl_periksa;                     /* yyyy-mm-dd, required */
    const char *tgl_rencana_nikah;               /* or NULL */
    double bb, tb, imt, lila, lingkar_perut, hb; /* NAN = not measured */
    int merokok;                                 /* 1 / 0 */
    const char *hasil;                           /* "ideal" / "berisiko", or NULL */
    const char *faktor;                          /* comma-separated, or NULL */
    const char *no_sertifikat;                   /* or NULL */
} tb_catin;

/* Inserts or updates the screening of that person on that date; *outcome
 * TB_PUT_INSERTED / UPDATED / UNCHANGED. 0 or -1 with tb_store_error(). */
int tb_store_catin_put(tb_store *s, const tb_catin *c, int *outcome);

#endif
