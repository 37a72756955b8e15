/*
 * krs.c - keluarga sasaran and KRS of one family at one date (tb_krs.h).
 */
#include "tb_krs.h"

#include <stdio.h>
#include <string.h>

#include "tb_date.h"

static const char *const AIR_LAYAK[] = {"kemasan", "isi_ulang", "ledeng", "sumur_bor",
                                        "sumur_terlindungi"};
static const char *const JAMBAN_LAYAK[] = {"septik"};
static const char *const PENDIDIKAN_RENDAH[] = {"tidak_sekolah", "tidak_tamat_sd", "sd"};

static const char *const FACTORS[TB_KRS_NFACTORS] = {
    "air_tidak_layak",   "jamban_tidak_layak",    "terlalu_muda",
    "terlalu_tua",       "terlalu_dekat",         "terlalu_banyak",
    "rumah_tidak_layak", "pendidikan_ibu_rendah", "desil_1"};

void tb_krs_rule_default(tb_krs_rule *r)
{
    memset(r, 0, sizeof *r);
    r->air_layak = AIR_LAYAK;
    r->nair = (int)(sizeof AIR_LAYAK / sizeof *AIR_LAYAK);
    r->jamban_layak = JAMBAN_LAYAK;
    r->njamban = 1;
    r->pendidikan_rendah = PENDIDIKAN_RENDAH;
    r->npend = 3;
    r->umur_muda = 20;
    r->umur_tua_dari = 35;
    r->umur_tua_sampai = 40;
    r->jarak_bulan = 24;
    r->anak_banyak = 3;
    r->pus_min = 15;
    r->pus_max = 49;
    r->baduta_bulan = 24;
    r->balita_bulan = 60;
}

int tb_krs_months(long from, long to)
{
    if (from == TB_DATE_NONE || to == TB_DATE_NONE)
        return -1;
    long y1, y2;
    unsigned m1, d1, m2, d2;
    tb_date_civil(from, &y1, &m1, &d1);
    tb_date_civil(to, &y2, &m2, &d2);
    long m = (y2 - y1) * 12 + ((long)m2 - (long)m1);
    if (to >= from && d2 < d1)
        m--;
    else if (to < from && d2 > d1)
        m++;
    return (int)m;
}

int tb_krs_years(long from, long to)
{
    int m = tb_krs_months(from, to);
    return m >= 0 ? m / 12 : -((-m) / 12);
}

static bool in_list(const char *const *l, int n, const char *v)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(l[i], v))
            return true;
    return false;
}

/* A code given and read (not blank, not unknown). */
static bool known(const char *c)
{
    return c && c[0] && strcmp(c, TB_KRS_UNKNOWN);
}

/* The children's figures at date: count, youngest's months, spacing of the two youngest. */
static void children(const tb_krs_facts *f, long date, int *n, int *bungsu, int *jarak)
{
    long young = TB_DATE_NONE, second = TB_DATE_NONE;
    int cnt = 0;
    for (int i = 0; i < f->nanggota; i++) {
        const tb_krs_member *m = &f->anggota[i];
        if (!m->anak || (m->lahir != TB_DATE_NONE && m->lahir > date))
            continue; /* not a child, or not born yet at the date */
        cnt++;
        if (m->lahir == TB_DATE_NONE)
            continue;
        if (young == TB_DATE_NONE || m->lahir > young) {
            second = young;
            young = m->lahir;
        } else if (second == TB_DATE_NONE || m->lahir > second) {
            second = m->lahir;
        }
    }
    *n = f->jumlah_anak >= 0 ? f->jumlah_anak : (f->nanggota ? cnt : -1);
    *bungsu = f->umur_bungsu >= 0 ? f->umur_bungsu : tb_krs_months(young, date);
    *jarak = f->jarak_bulan >= 0 ? f->jarak_bulan : tb_krs_months(second, young);
}

/* Baduta / balita at date from the members' birth dates, or the youngest child's age. */
static void young_members(const tb_krs_rule *r, const tb_krs_facts *f, long date, int bungsu,
                          bool *baduta, bool *balita)
{
    bool bd = false, bl = false, any = false;
    for (int i = 0; i < f->nanggota; i++) {
        long l = f->anggota[i].lahir;
        if (l == TB_DATE_NONE || l > date)
            continue;
        any = true;
        int mo = tb_krs_months(l, date);
        bd |= mo < r->baduta_bulan;
        bl |= mo >= r->baduta_bulan && mo < r->balita_bulan;
    }
    if (!any && bungsu >= 0) {
        bd = bungsu < r->baduta_bulan;
        bl = bungsu >= r->baduta_bulan && bungsu < r->balita_bulan;
    }
    *baduta = f->baduta >= 0 ? f->baduta > 0 : bd;
    *balita = f->balita >= 0 ? f->balita > 0 : bl;
}

void tb_krs_eval(const tb_krs_rule *r, const tb_krs_facts *f, long date, tb_krs_result *out)
{
    memset(out, 0, sizeof *out);
    int umur = f->umur_istri >= 0 ? f->umur_istri : tb_krs_years(f->istri_lahir, date);
    if (f->umur_istri < 0 && f->istri_lahir == TB_DATE_NONE)
        umur = -1;
    int nanak, bungsu, jarak;
    children(f, date, &nanak, &bungsu, &jarak);
    out->pus = f->pus >= 0 ? f->pus > 0 : (umur >= r->pus_min && umur <= r->pus_max);
    out->pus_hamil = out->pus && f->hamil == 1;
    young_members(r, f, date, bungsu, &out->baduta, &out->balita);
    out->sasaran = out->pus || out->baduta || out->balita;
    unsigned fk = 0;
    if (known(f->sumber_air) && !in_list(r->air_layak, r->nair, f->sumber_air))
        fk |= TB_KRS_AIR;
    if (known(f->jamban) && !in_list(r->jamban_layak, r->njamban, f->jamban))
        fk |= TB_KRS_JAMBAN;
    if (out->pus) {
        if (umur >= 0 && umur < r->umur_muda)
            fk |= TB_KRS_MUDA;
        if (umur >= r->umur_tua_dari && umur <= r->umur_tua_sampai)
            fk |= TB_KRS_TUA;
        if (jarak >= 0 && jarak < r->jarak_bulan)
            fk |= TB_KRS_DEKAT;
        if (nanak > r->anak_banyak)
            fk |= TB_KRS_BANYAK;
    }
    unsigned extra = 0;
    if (f->rumah_layak == 0)
        extra |= TB_KRS_RUMAH;
    if (known(f->pendidikan_ibu) && in_list(r->pendidikan_rendah, r->npend, f->pendidikan_ibu))
        extra |= TB_KRS_PENDIDIKAN;
    if (f->desil == 1)
        extra |= TB_KRS_DESIL1;
    unsigned on = (r->f_rumah ? TB_KRS_RUMAH : 0) | (r->f_pendidikan ? TB_KRS_PENDIDIKAN : 0) |
                  (r->f_desil1 ? TB_KRS_DESIL1 : 0);
    out->faktor = fk | (extra & on);
    out->tambahan = extra & ~on;
    out->krs = out->sasaran && out->faktor;
}

const char *tb_krs_factor_name(int i)
{
    return i >= 0 && i < TB_KRS_NFACTORS ? FACTORS[i] : "";
}

unsigned tb_krs_factor_bit(const char *code, size_t len)
{
    for (int i = 0; i < TB_KRS_NFACTORS; i++)
        if (strlen(FACTORS[i]) == len && !memcmp(FACTORS[i], code, len))
            return 1u << i;
    return 0;
}

size_t tb_krs_factor_list(unsigned mask, char *buf, size_t n)
{
    size_t len = 0;
    if (n)
        buf[0] = 0;
    for (int i = 0; i < TB_KRS_NFACTORS; i++) {
        if (!(mask & (1u << i)))
            continue;
        int w = snprintf(len < n ? buf + len : NULL, len < n ? n - len : 0, "%s%s", len ? "," : "",
                         FACTORS[i]);
        len += (size_t)w;
    }
    return len;
}
