/*
 * advice.h - plain-language advice in Bahasa Indonesia for a child's
 * result (posyandu day, the parents' card): refer to the puskesmas when 2T,
 * BGM or a z-score below -2 (domain reference 6.2, Permenkes 2/2020 bands).
 */
#ifndef TB_ADVICE_H
#define TB_ADVICE_H

#include <stdbool.h>

#include "store/pengukuran.h"

#define TB_ADVICE_MAX 6

typedef struct {
    const char *text[TB_ADVICE_MAX];
    int n;
    bool rujuk; /* refer to the puskesmas */
} tb_advice;

void tb_advice_for(const tb_ukur_row *u, tb_advice *out);

#endif
