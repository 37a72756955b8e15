/*
 * kia.h - the PWS KIA report (kia.c), called by tb_report_run (report.h).
 */
#ifndef TB_REPORT_KIA_H
#define TB_REPORT_KIA_H

#include "format/table.h"
#include "report/report.h"

/*
 * PWS KIA per desa for the year of sc->month, cumulative from January to
 * that month: K1, K4, K6 against the sasaran ibu hamil, PN against ibu
 * bersalin, KF lengkap against ibu nifas, KN1 against bayi, each with its
 * percentage; the target line (month / 12 x 100 %, the year's target of
 * 100 % spread evenly) and the indicators of a desa below it. A total row.
 * 0 or -1 (tb_store_error).
 */
int tb_report_pws_kia(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out);

/* The PWS graph data of an area: the cumulative coverage (%) of indicator
 * ind (TB_PWS_*) by month 1..12 of the year of month (yyyy-mm) summed over
 * the area's desa, into pct[12] (months after `month` are NAN). 0 or -1. */
int tb_report_pws_series(tb_store *s, const char *wilayah, const char *month, int ind,
                         double pct[12]);

/* The Elsimil recap per desa: catin screened from 1 January to the month,
 * berisiko and its percentage, the factors (age, IMT, LiLA, anaemia), the
 * 3-months rule met or not and its percentage, married; a total row. 0 or
 * -1. */
int tb_report_catin(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out);

/* The key of PWS indicator i ("k1", "k4", "k6", "pn", "kf", "kn1"), "" when
 * out of range. */
const char *tb_report_pws_key(int i);

#endif
