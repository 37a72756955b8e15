/*
 * date.c - day numbers and civil dates (see tb_date.h).
 */
#include <stddef.h>
#include <string.h>

#include "tb_date.h"

long tb_date_days(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void tb_date_civil(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

bool tb_date_valid(long y, long m, long d)
{
    static const unsigned char mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

long tb_date_iso_prefix(const char *s)
{
    if (!s)
        return TB_DATE_NONE;
    long v[3] = {0, 0, 0};
    static const int len[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < len[k]; i++, s++) {
            if (*s < '0' || *s > '9')
                return TB_DATE_NONE;
            v[k] = v[k] * 10 + (*s - '0');
        }
        if (k < 2 && *s++ != '-')
            return TB_DATE_NONE;
    }
    if (!tb_date_valid(v[0], v[1], v[2]))
        return TB_DATE_NONE;
    return tb_date_days(v[0], (unsigned)v[1], (unsigned)v[2]);
}

long tb_date_iso(const char *s)
{
    if (!s || strlen(s) != 10)
        return TB_DATE_NONE;
    return tb_date_iso_prefix(s);
}
