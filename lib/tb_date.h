/*
 * tb_date.h - calendar arithmetic on day numbers (libtumbuh, pure).
 *
 * A day number counts days since 1970-01-01 in the proleptic Gregorian
 * calendar (Howard Hinnant's algorithms). Ages, months of a weighing and
 * spreadsheet dates are all computed with these.
 */
#ifndef TB_DATE_H
#define TB_DATE_H

/* The day number of year y, month m (1-12), day d (1-31). */
long tb_date_days(long y, unsigned m, unsigned d);

/* The civil date of a day number. */
void tb_date_civil(long days, long *y, unsigned *m, unsigned *d);

/* The day number of an ISO date "yyyy-mm-dd" (more may follow); -1 if not one. */
long tb_date_iso(const char *s);
#endif
