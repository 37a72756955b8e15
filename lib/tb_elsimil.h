/*
 * tb_elsimil.h - the Elsimil screening of a catin (bride or groom) judged by
 * a versioned rule, and the 3-months-before-the-wedding rule (libtumbuh,
 * pure: no I/O, no allocation).
 *
 * Domain reference section 4. The thresholds are data (ref_versi 'elsimil',
 * its JSON read by the caller into a tb_elsimil_rule; the keys are those the
 * catin import has always read); the default is the active version
 * bkkbn-2023. A catin is "berisiko" when at least one factor is found:
 *   umur_muda      age (completed years at the exam) < umur_min (20) [UNCONFIRMED]
 *   imt_kurang     IMT (BMI) < imt_min (18.5) [UNCONFIRMED for Elsimil]
 *   imt_lebih      IMT > imt_max (off by default)
 *   lila_kurang    LiLA < lila_min (23.5 cm), women only (KEK)
 *   anemia         Hb < hb_min_p (12.0 g/dL, WHO, women) or < hb_min_l (men;
 *                  off by default) [CONFLICT: Kaper Sumut said 11.5]
 *   lingkar_perut  waist > perut_max_p / perut_max_l (off by default)
 *   merokok        smokes, when the rule counts smoking (off by default)
 * A threshold of 0 switches its factor off; a value not measured (NAN) never
 * makes a factor. The version bkkbn-2023-lengkap (inactive) switches on the
 * men's Hb 13.0 (WHO), waist 80/90 cm (Asia-Pacific) and smoking
 * [UNCONFIRMED for Elsimil].
 */
#ifndef TB_ELSIMIL_H
#define TB_ELSIMIL_H

#include <stdbool.h>
#include <stddef.h>

/* An Elsimil rule version. */
typedef struct {
    int umur_min;                    /* younger than this: terlalu muda (20) */
    double imt_min, imt_max;         /* IMT below / above (18.5 / 0: off) */
    double lila_min;                 /* LiLA below, women: KEK (23.5) */
    double hb_min_p, hb_min_l;       /* Hb below, women / men: anemia (12.0 / 0) */
    double perut_max_p, perut_max_l; /* waist above, women / men (0 / 0) */
    bool merokok;                    /* smoking is a factor (false) */
    int bulan_sebelum_nikah;         /* screened at least this many months before (3) */
} tb_elsimil_rule;

/* Fills r with the default rule (ref_versi elsimil 'bkkbn-2023'). */
void tb_elsimil_rule_default(tb_elsimil_rule *r);

/* A screening as entered. NAN: not measured; lahir/periksa TB_DATE_NONE: unknown. */
typedef struct {
    int jk;          /* 1 laki-laki, 2 perempuan */
    long lahir;      /* day number (tb_date.h) */
    long periksa;    /* day number of the exam */
    double bb, tb;   /* kg, cm */
    double lila, hb; /* cm, g/dL */
    double perut;    /* waist, cm */
    bool merokok;
} tb_elsimil_input;

/* The factors, as bits (the order of tb_elsimil_factor_name). */
enum {
    TB_ELSIMIL_MUDA = 1u << 0,
    TB_ELSIMIL_KURUS = 1u << 1,
    TB_ELSIMIL_GEMUK = 1u << 2,
    TB_ELSIMIL_KEK = 1u << 3,
    TB_ELSIMIL_ANEMIA = 1u << 4,
    TB_ELSIMIL_PERUT = 1u << 5,
    TB_ELSIMIL_MEROKOK = 1u << 6,
    TB_ELSIMIL_NFACTORS = 7
};

/* The judgement. */
typedef struct {
    double imt;      /* BMI rounded to 0.1, NAN when weight or height is missing */
    int umur;        /* completed years at the exam, -1 unknown */
    unsigned faktor; /* factors found */
    int dinilai;     /* how many of the rule's tests could be made (0: no result) */
    bool berisiko;   /* at least one factor */
} tb_elsimil_result;

/* Judges a screening by rule r. */
void tb_elsimil_eval(const tb_elsimil_rule *r, const tb_elsimil_input *in, tb_elsimil_result *out);

/* The code of factor bit i (0 <= i < TB_ELSIMIL_NFACTORS): "umur_muda", ... */
const char *tb_elsimil_factor_name(int i);

/* Writes the factors of mask as "a,b" into buf (n bytes, truncated safely);
 * returns the length it needed. */
size_t tb_elsimil_factor_list(unsigned mask, char *buf, size_t n);

/*
 * The 3-months rule: 1 when the exam (day number periksa) is at least
 * r->bulan_sebelum_nikah completed calendar months before the wedding (day
 * number nikah: 2026-01-15 -> 2026-04-15 is 3 months, 2026-04-14 is not),
 * 0 when it is later, -1 when either date is unknown.
 */
int tb_elsimil_tepat_waktu(const tb_elsimil_rule *r, long periksa, long nikah);

#endif
