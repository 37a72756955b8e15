/*
 * tb_kia.h - the pregnancy and post-partum milestones of PWS KIA (domain
 * reference section 11.2), pure: no I/O, no allocation.
 *
 * Trimesters count from the HPHT (first day of the last period): TM I days
 * 0-97 (up to 13 weeks 6 days), TM II days 98-195 (14 to 27 weeks 6 days),
 * TM III from day 196 (28 weeks).
 *   K1: the first ANC contact with a health worker.
 *   K4: at least 4 contacts, >= 1 in TM I, >= 1 in TM II, >= 2 in TM III;
 *       reached on the day the last of these is met.
 *   K6: at least 6 contacts, >= 2 in TM I, >= 1 in TM II, >= 3 in TM III,
 *       >= 2 of them by a doctor (Buku KIA 2020) [UNCONFIRMED].
 *   KF lengkap: KF1 day 0-3 after delivery (6 hours to 3 days), KF2 day 4-28,
 *       KF3 day 29-42; reached on the day the last window is met.
 *   KN1: neonate care on day 0-2 after birth (6-48 hours).
 */
#ifndef TB_KIA_H
#define TB_KIA_H

#include <stdbool.h>

/* An ANC contact: its day number (tb_date.h) and whether a doctor gave it. */
typedef struct {
    long day;
    bool dokter;
} tb_kia_anc;

/* The trimester (1-3) of day in a pregnancy with HPHT hpht; 0 when either is
 * unknown or day is before hpht. */
int tb_kia_trimester(long hpht, long day);

/* The day K4 is reached by the contacts v[0..n) (any order), TB_DATE_NONE
 * when not (or hpht unknown). */
long tb_kia_k4(long hpht, const tb_kia_anc *v, int n);

/* The day K6 is reached, TB_DATE_NONE when not. */
long tb_kia_k6(long hpht, const tb_kia_anc *v, int n);

/* The day the post-partum visits (day numbers kf[0..n)) complete KF1-KF3
 * after the delivery on day salin; TB_DATE_NONE when not. */
long tb_kia_kf_lengkap(long salin, const long *kf, int n);

/* Is day kn a KN1 (0-2 days after the birth on day lahir)? */
bool tb_kia_kn1(long lahir, long kn);

#endif
