/*
 * tb_kms.h - growth status on the KMS: N/T/O/B, 2T and BGM (libtumbuh, pure).
 *
 * Domain reference 6.1-6.3. One result per child per month: the month's
 * last weighing (a second weighing in a month replaces the first, it does
 * not become "last month"). For a child's weighings in date order:
 *  B  in the first month the child was ever weighed;
 *  O  weighed this month, not weighed in the previous calendar month;
 *  N  gain since last month's result >= KBM for the age (months completed);
 *  T  otherwise (gain below KBM, flat or falling);
 *  2T T this month and T at the previous weighed month's result
 *     (consecutive weighings: missed months are skipped);
 *  BGM weight-for-age z below the KMS red line (configurable, -3 SD).
 * Identity: each weighing is exactly one of N, T, O, B (D = N + T + O + B).
 * KBM is a versioned table (store: ref_kbm) passed in by the caller.
 */
#ifndef TB_KMS_H
#define TB_KMS_H

#include <stdbool.h>

#define TB_KBM_MAX_MONTH 60

/* Minimum weight gain in grams by age in completed months (0..60). */
typedef struct {
    int gram[TB_KBM_MAX_MONTH + 1];
} tb_kbm;

typedef enum {
    TB_NAIK_NONE = 0,
    TB_NAIK_N = 'N',
    TB_NAIK_T = 'T',
    TB_NAIK_O = 'O',
    TB_NAIK_B = 'B'
} tb_naik;

/* One weighing: day number (days since 1970-01-01), age in days, weight in kg. */
typedef struct {
    long day;
    int age_days;
    double weight;
} tb_weighing;

typedef struct {
    tb_naik naik;
    bool t2;
} tb_kms_status;

/* The month index (year * 12 + month - 1) of a day number. */
long tb_kms_month(long day);

/* The KBM in grams at an age in days (completed months, capped at 60). */
int tb_kms_kbm(const tb_kbm *k, int age_days);

/*
 * Statuses for n weighings of one child, in date order (out[i] for w[i]).
 * Weighings without a weight (NAN) get TB_NAIK_NONE and are skipped for
 * their neighbours. Every weighing of a month is compared with the previous
 * weighed month's result (its last weighing), so the month's last weighing
 * carries the month's result whatever came before it in the month.
 */
void tb_kms_status_many(const tb_kbm *k, const tb_weighing *w, int n, tb_kms_status *out);

/* BGM: below the red line (z < red_z; an unflagged z-score is needed). */
bool tb_kms_bgm(double zwei, int flag, double red_z);

#endif
