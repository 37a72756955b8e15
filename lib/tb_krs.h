/*
 * tb_krs.h - keluarga sasaran and keluarga berisiko stunting (KRS) of one
 * family at one date (libtumbuh, pure: no I/O, no allocation).
 *
 * Domain reference section 5. Sasaran: a PUS (the wife aged pus_min to
 * pus_max completed years), a PUS hamil (a PUS whose wife is pregnant), a
 * baduta (a member 0 to baduta_bulan-1 completed months old) or a balita
 * (baduta_bulan to balita_bulan-1 months). KRS: a sasaran family with at
 * least one factor of the rule: main drinking water not layak, latrine not
 * layak, or, for a PUS, one of the 4T (wife younger than umur_muda; wife
 * umur_tua_dari to umur_tua_sampai; the two youngest children born less
 * than jarak_bulan months apart; more than anak_banyak children). Welfare
 * decile 1, a house not layak and a mother's low education are factors only
 * when the rule version switches them on (faktor_tambahan); otherwise they
 * are shown beside the factors, never counted.
 *
 * The rule is data (ref_versi 'krs', its JSON read by the caller into a
 * tb_krs_rule); tb_krs_rule_default is BKKBN's 2023 rule. Ages are
 * completed calendar years and months at the date asked, so the same family
 * can be sasaran at one date and not at another.
 */
#ifndef TB_KRS_H
#define TB_KRS_H

#include <stdbool.h>
#include <stddef.h>

/* The code of an answer the census import could not read: never a factor. */
#define TB_KRS_UNKNOWN "tidak_dikenal"

/* A KRS rule version. The lists are borrowed (the caller owns the strings). */
typedef struct {
    const char *const *air_layak; /* water source codes that are layak */
    int nair;
    const char *const *jamban_layak; /* latrine codes that are layak */
    int njamban;
    const char *const *pendidikan_rendah; /* education codes that count as low */
    int npend;
    int umur_muda;                        /* wife younger than this: terlalu muda (20) */
    int umur_tua_dari, umur_tua_sampai;   /* wife aged from..to: terlalu tua (35, 40) */
    int jarak_bulan;                      /* spacing under this: terlalu dekat (24) */
    int anak_banyak;                      /* more children than this: terlalu banyak (3) */
    int pus_min, pus_max;                 /* PUS: wife aged from..to (15, 49) */
    int baduta_bulan, balita_bulan;       /* 24, 60 */
    bool f_rumah, f_pendidikan, f_desil1; /* additional factors in force */
} tb_krs_rule;

/* Fills r with BKKBN's 2023 rule (ref_versi krs 'bkkbn-2023'). */
void tb_krs_rule_default(tb_krs_rule *r);

/* A member of the family, as the rule needs it. */
typedef struct {
    long lahir; /* day number (tb_date.h), TB_DATE_NONE when not known */
    bool anak;  /* a child of the family (hubungan anak) */
} tb_krs_member;

/*
 * What is known of a family. Values given as such by a census row (ages,
 * counts, yes/no) win over what the members' birth dates would give; a
 * value given is as of the census and does not age with the date asked.
 * Not given: NULL or "" for a code, -1 for an int, members' dates
 * TB_DATE_NONE.
 */
typedef struct {
    const char *sumber_air, *jamban, *pendidikan_ibu; /* codes, TB_KRS_UNKNOWN unread */
    int rumah_layak;                                  /* 1 / 0 / -1 */
    int desil;                                        /* 1..10 / -1 */
    long istri_lahir;                                 /* the wife's birth day, TB_DATE_NONE */
    int umur_istri;                                   /* years, -1: from istri_lahir */
    int hamil;                                        /* the wife is pregnant: 1 / 0 / -1 */
    int pus;            /* given PUS answer 1 / 0, -1: from the wife's age */
    int jumlah_anak;    /* -1: the members who are children */
    int jarak_bulan;    /* spacing of the two youngest, -1: from the children's dates */
    int umur_bungsu;    /* the youngest child's months, -1: from the children's dates */
    int baduta, balita; /* given 1 / 0, -1: from the members' (or youngest's) age */
    const tb_krs_member *anggota;
    int nanggota;
} tb_krs_facts;

/* The factors, as bits of tb_krs_result.faktor (the order of tb_krs_factor_name). */
enum {
    TB_KRS_AIR = 1u << 0,
    TB_KRS_JAMBAN = 1u << 1,
    TB_KRS_MUDA = 1u << 2,
    TB_KRS_TUA = 1u << 3,
    TB_KRS_DEKAT = 1u << 4,
    TB_KRS_BANYAK = 1u << 5,
    TB_KRS_RUMAH = 1u << 6,
    TB_KRS_PENDIDIKAN = 1u << 7,
    TB_KRS_DESIL1 = 1u << 8,
    TB_KRS_NFACTORS = 9
};

/* A family's status at a date. */
typedef struct {
    bool pus, pus_hamil, baduta, balita, sasaran;
    unsigned faktor;   /* factors of the rule found (counted only when sasaran) */
    unsigned tambahan; /* the additional variables seen but not in force (shown only) */
    bool krs;          /* sasaran and at least one factor */
} tb_krs_result;

/* Computes the family's sasaran, factors and KRS at day number date. */
void tb_krs_eval(const tb_krs_rule *r, const tb_krs_facts *f, long date, tb_krs_result *out);

/* The code of factor bit i (0 <= i < TB_KRS_NFACTORS): "air_tidak_layak", ... */
const char *tb_krs_factor_name(int i);

/* The factor bit of a code, 0 when unknown. */
unsigned tb_krs_factor_bit(const char *code, size_t len);

/* Writes the factors of mask as "a,b,c" into buf (n bytes, truncated safely);
 * returns the length it needed. */
size_t tb_krs_factor_list(unsigned mask, char *buf, size_t n);

/* Completed calendar years / months from day number from to day number to
 * (negative when to is before from). */
int tb_krs_years(long from, long to);
int tb_krs_months(long from, long to);

#endif
