/*
 * clock.c - today and this month (clock.h).
 */
#include "base/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "tb_date.h"

long tb_today(void)
{
    const char *env = getenv("TUMBUH_TODAY"); /* tests: a fixed "today" */
    long d = env ? tb_date_iso(env) : TB_DATE_NONE;
    if (d != TB_DATE_NONE)
        return d;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return tb_date_days(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday);
}

void tb_today_iso(char out[11])
{
    long y;
    unsigned m, d;
    tb_date_civil(tb_today(), &y, &m, &d);
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%04ld-%02u-%02u", y, m, d);
    snprintf(out, 11, "%.10s", tmp);
}

void tb_this_month(char out[8])
{
    char day[11];
    tb_today_iso(day);
    snprintf(out, 8, "%.7s", day);
}

int tb_month_valid(const char *s)
{
    for (int i = 0; i < 7; i++)
        if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    return s[7] == '\0' && s[0] >= '1' && m >= 1 && m <= 12;
}
