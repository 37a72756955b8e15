/*
 * kia.c - PWS KIA milestones of one pregnancy (tb_kia.h).
 */
#include "tb_kia.h"

#include "tb_date.h"

int tb_kia_trimester(long hpht, long day)
{
    if (hpht == TB_DATE_NONE || day == TB_DATE_NONE || day < hpht)
        return 0;
    long d = day - hpht;
    return d < 98 ? 1 : d < 196 ? 2 : 3;
}

/* The day the contacts meet need[t] contacts in trimester t (1-3) and
 * dokter_min by a doctor, TB_DATE_NONE when they never do. Each need is met
 * on the day of its need-th contact in time order, so the result is the
 * latest of those days. */
static long reached(long hpht, const tb_kia_anc *v, int n, const int need[4], int dokter_min)
{
    if (hpht == TB_DATE_NONE)
        return TB_DATE_NONE;
    long when = TB_DATE_NONE;
    for (int t = 0; t <= 4; t++) { /* 1-3 trimesters, 4: the doctor's contacts */
        int want = t == 0 ? 0 : t == 4 ? dokter_min : need[t];
        if (!want)
            continue;
        /* the want-th earliest day among the contacts that qualify */
        long last = TB_DATE_NONE;
        int have = 0;
        long floor_day = TB_DATE_NONE;
        while (have < want) {
            long best = TB_DATE_NONE;
            int count = 0;
            for (int i = 0; i < n; i++) {
                bool ok = t == 4 ? v[i].dokter : tb_kia_trimester(hpht, v[i].day) == t;
                if (!ok || v[i].day == TB_DATE_NONE)
                    continue;
                if (floor_day != TB_DATE_NONE && v[i].day <= floor_day)
                    continue;
                if (best == TB_DATE_NONE || v[i].day < best) {
                    best = v[i].day;
                    count = 0;
                }
                if (v[i].day == best)
                    count++;
            }
            if (best == TB_DATE_NONE)
                return TB_DATE_NONE;
            have += count;
            last = best;
            floor_day = best;
        }
        if (when == TB_DATE_NONE || last > when)
            when = last;
    }
    return when;
}

long tb_kia_k4(long hpht, const tb_kia_anc *v, int n)
{
    static const int need[4] = {0, 1, 1, 2};
    return reached(hpht, v, n, need, 0);
}

long tb_kia_k6(long hpht, const tb_kia_anc *v, int n)
{
    static const int need[4] = {0, 2, 1, 3};
    return reached(hpht, v, n, need, 2);
}

long tb_kia_kf_lengkap(long salin, const long *kf, int n)
{
    if (salin == TB_DATE_NONE)
        return TB_DATE_NONE;
    static const int from[3] = {0, 4, 29}, to[3] = {3, 28, 42};
    long when = TB_DATE_NONE;
    for (int w = 0; w < 3; w++) {
        long first = TB_DATE_NONE;
        for (int i = 0; i < n; i++) {
            if (kf[i] == TB_DATE_NONE)
                continue;
            long d = kf[i] - salin;
            if (d >= from[w] && d <= to[w] && (first == TB_DATE_NONE || kf[i] < first))
                first = kf[i];
        }
        if (first == TB_DATE_NONE)
            return TB_DATE_NONE;
        if (when == TB_DATE_NONE || first > when)
            when = first;
    }
    return when;
}

bool tb_kia_kn1(long lahir, long kn)
{
    return lahir != TB_DATE_NONE && kn != TB_DATE_NONE && kn >= lahir && kn - lahir <= 2;
}
