/*
 * kms.c - N/T/O/B, 2T and BGM from a child's weighings (see tb_kms.h).
 */
#include <math.h>

#include "tb_date.h"
#include "tb_kms.h"

long tb_kms_month(long day)
{
    long y;
    unsigned m, d;
    tb_date_civil(day, &y, &m, &d);
    return y * 12 + (long)(m - 1);
}

int tb_kms_kbm(const tb_kbm *k, int age_days)
{
    int m = (int)floor(age_days / 30.4375);
    if (m < 0)
        m = 0;
    if (m > TB_KBM_MAX_MONTH)
        m = TB_KBM_MAX_MONTH;
    return k->gram[m];
}

/* The status of weighing i against base, the result of the last earlier
 * weighed month (-1: none, so i is in the child's first weighed month). */
static tb_naik status_of(const tb_kbm *k, const tb_weighing *w, int i, int base, long mo)
{
    if (base < 0)
        return TB_NAIK_B;
    if (tb_kms_month(w[base].day) != mo - 1)
        return TB_NAIK_O;
    double gain_g = (w[i].weight - w[base].weight) * 1000.0;
    /* weights to 0.1 kg: compare in whole grams */
    return lround(gain_g) >= tb_kms_kbm(k, w[i].age_days) ? TB_NAIK_N : TB_NAIK_T;
}

void tb_kms_status_many(const tb_kbm *k, const tb_weighing *w, int n, tb_kms_status *out)
{
    int base = -1;       /* the result of the last weighed month before cur_month */
    int month_last = -1; /* the latest weighing (with a weight) of cur_month so far */
    long cur_month = -1;
    for (int i = 0; i < n; i++) {
        out[i].naik = TB_NAIK_NONE;
        out[i].t2 = false;
        if (isnan(w[i].weight))
            continue;
        long mo = tb_kms_month(w[i].day);
        if (mo != cur_month) {
            if (month_last >= 0)
                base = month_last; /* the previous month's last weighing is its result */
            cur_month = mo;
        }
        out[i].naik = status_of(k, w, i, base, mo);
        out[i].t2 = out[i].naik == TB_NAIK_T && base >= 0 && out[base].naik == TB_NAIK_T;
        month_last = i;
    }
}

bool tb_kms_bgm(double zwei, int flag, double red_z)
{
    return flag == 0 && !isnan(zwei) && zwei < red_z;
}
