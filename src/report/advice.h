/*
 * advice.h - plain-language advice in Bahasa Indonesia for a child's
 * result (posyandu day, the parents' card). Referral follows the Buku KIA
 * 2023 rule (domain reference 6.3): refer when the weight did not go up (T),
 * is below the red line or above the orange line of the KMS (lines from the
 * active 'kms' reference version), and when a Permenkes 2/2020 band (section
 * 7, from the active ref_ambang) calls for a health worker.
 */
#ifndef TB_ADVICE_H
#define TB_ADVICE_H

#include <stdbool.h>

#include "store/pengukuran.h"

#define TB_ADVICE_MAX 8

typedef struct {
    const char *text[TB_ADVICE_MAX];
    int n;
    bool rujuk; /* refer to the puskesmas */
} tb_advice;

/*
 * Fills *out with the advice for one stored measurement u; the KMS orange
 * line and the IMT/U bands are the store's active reference data (the red
 * line is already in u->bgm). Never fails.
 */
void tb_advice_for(tb_store *s, const tb_ukur_row *u, tb_advice *out);

#endif
