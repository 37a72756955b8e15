/*
 * tb_date.h - calendar arithmetic on day numbers (libtumbuh, pure).
 *
 * A day number counts days since 1970-01-01 in the proleptic Gregorian
 * calendar (Howard Hinnant's algorithms). Ages, months of a weighing and
 * spreadsheet dates are all computed with these.
 */
#ifndef TB_DATE_H
#define TB_DATE_H

#include <limits.h>
#include <stdbool.h>

/*
 * "No date": a value outside every calendar day. Day numbers before
 * 1970-01-01 are negative and are dates like any other (a grandparent born
 * in 1950), so "no date" is never tested with < 0.
 */
#define TB_DATE_NONE LONG_MIN

/* The day number of year y, month m (1-12), day d (1-31). */
long tb_date_days(long y, unsigned m, unsigned d);

/* The civil date of a day number. */
void tb_date_civil(long days, long *y, unsigned *m, unsigned *d);

/* Is y-m-d a day of the calendar (month 1-12, day within the month, leap
 * years counted)? */
bool tb_date_valid(long y, long m, long d);

/* The day number of an ISO date: exactly "yyyy-mm-dd", a real day of the
 * calendar, nothing after it; TB_DATE_NONE otherwise (NULL included). */
long tb_date_iso(const char *s);

/* The same for the first 10 characters of s ("2026-11-30T08:00:00Z"):
 * a stored timestamp's day. TB_DATE_NONE when they are not a date. */
long tb_date_iso_prefix(const char *s);
#endif
