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

void tb_kms_status_many(const tb_kbm *k, const tb_weighing *w, int n, tb_kms_status *out)
{
    int last = -1;        /* last weighing with a weight, in an earlier month */
    int prev = -1;        /* the weighing just before, with a weight */
    long cur_month = -1;
    int month_base = -1;  /* the comparison weighing for the current month */
    for (int i = 0; i < n; i++) {
        out[i].naik = TB_NAIK_NONE;
        out[i].t2 = false;
        if (isnan(w[i].weight))
            continue;
        long mo = tb_kms_month(w[i].day);
        if (mo != cur_month) {
            month_base = last;
            cur_month = mo;
        }
        if (prev < 0) {
            out[i].naik = TB_NAIK_B;
        } else if (month_base < 0 || tb_kms_month(w[month_base].day) != mo - 1) {
            out[i].naik = TB_NAIK_O;
        } else {
            double gain_g = (w[i].weight - w[month_base].weight) * 1000.0;
            /* weights to 0.1 kg: compare in whole grams */
            out[i].naik = lround(gain_g) >= tb_kms_kbm(k, w[i].age_days) ? TB_NAIK_N : TB_NAIK_T;
        }
        out[i].t2 = out[i].naik == TB_NAIK_T && prev >= 0 && out[prev].naik == TB_NAIK_T;
        prev = i;
        if (i + 1 >= n || isnan(w[i + 1].weight) || tb_kms_month(w[i + 1].day) != mo)
            last = i;
    }
}

bool tb_kms_bgm(double zwei, int flag, double red_z)
{
    return flag == 0 && !isnan(zwei) && zwei < red_z;
}
