/*
 * clock.h - today and this month, from the local clock. The one place that
 * reads it, so tests can fix "today" with $TUMBUH_TODAY (yyyy-mm-dd).
 */
#ifndef TB_CLOCK_H
#define TB_CLOCK_H

/* Today's day number (days since 1970-01-01, as tb_date_days). */
long tb_today(void);
/* Today as yyyy-mm-dd. */
void tb_today_iso(char out[11]);
/* This month as yyyy-mm. */
void tb_this_month(char out[8]);
/* 1 when s is a month written yyyy-mm (month 01-12, year 1900-9999), else 0. */
int tb_month_valid(const char *s);

#endif
