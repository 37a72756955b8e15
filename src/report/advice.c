/*
 * advice.c - advice for a result (advice.h). Flagged z-scores (implausible
 * values) give a "check the measurement" advice instead of a status. The
 * nutritional status is read from the categories the store wrote with the
 * active Permenkes bands (kat_*); IMT/U, which the row does not carry as a
 * category, is classified here with the same bands (0-60 months and 5-18
 * years, domain reference section 7).
 */
#include "report/advice.h"

#include <math.h>
#include <string.h>

#include "tb_growth.h"

static void add(tb_advice *a, const char *t)
{
    if (a->n < TB_ADVICE_MAX)
        a->text[a->n++] = t;
}

static bool is(const char *kat, const char *code)
{
    return strcmp(kat, code) == 0;
}

/* The BB/PB or BB/TB category, or IMT/U when there is none (e.g. from 5 years). */
static tb_cat_gizi gizi_of(tb_store *s, const tb_ukur_row *u, bool *over_5y)
{
    *over_5y = false;
    int c = tb_bands_cat_from_code(TB_BANDS_BBTB, u->kat_bbtb);
    if (c || u->f_bbtb || isnan(u->z_imtu) || fabs(u->z_imtu) > 5.0 || u->umur_hari < 0)
        return (tb_cat_gizi)c;
    tb_growth_result r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < TB_IND_COUNT; i++) {
        r.z[i] = NAN;
        r.flag[i] = -1;
    }
    r.age_months = u->umur_hari / TB_DAYS_PER_MONTH;
    *over_5y = r.age_months >= 60.0;
    tb_indicator i = *over_5y ? TB_ZBFA : TB_ZBMI;
    r.z[i] = u->z_imtu;
    r.flag[i] = 0;
    tb_growth_classify(tb_store_bands(s), &r);
    return r.imtu;
}

/* Weight-for-length/height or IMT/U: the Permenkes 2/2020 band names. */
static void advice_gizi(tb_store *s, const tb_ukur_row *u, tb_advice *a)
{
    bool over_5y;
    switch (gizi_of(s, u, &over_5y)) {
    case TB_GIZI_BURUK:
        add(a, "Gizi buruk: segera rujuk ke puskesmas untuk tata laksana.");
        a->rujuk = true;
        break;
    case TB_GIZI_KURANG:
        add(a, "Gizi kurang: rujuk ke puskesmas; beri makanan tambahan bergizi.");
        a->rujuk = true;
        break;
    case TB_GIZI_RISIKO_LEBIH:
        add(a, "Berisiko gizi lebih: kurangi makanan dan minuman manis, ajak anak aktif"
               " bergerak.");
        break;
    case TB_GIZI_LEBIH:
        add(a, "Gizi lebih: periksakan ke puskesmas; kurangi makanan manis dan berlemak, ajak"
               " anak aktif bergerak setiap hari.");
        break;
    case TB_GIZI_OBESITAS:
        add(a, "Obesitas: rujuk ke puskesmas untuk pemeriksaan dan tata laksana.");
        a->rujuk = true;
        break;
    default:
        break;
    }
}

/* The KMS lines and the weighing trend (Buku KIA 2023, domain reference 6.3). */
static void advice_kms(tb_store *s, const tb_ukur_row *u, tb_advice *a)
{
    if (u->bgm) {
        add(a, "Berat badan di bawah garis merah (BGM): rujuk ke puskesmas.");
        a->rujuk = true;
    }
    if (!u->f_bbu && !isnan(u->z_bbu) && u->z_bbu > tb_store_orange_z(s)) {
        add(a, "Berat badan di atas garis oranye: rujuk ke puskesmas untuk diperiksa.");
        a->rujuk = true;
    }
    if (u->t2) {
        add(a, "Berat badan tidak naik dua kali berturut-turut (2T): rujuk ke puskesmas.");
        a->rujuk = true;
    } else if (u->naik == 'T') {
        add(a, "Berat badan tidak naik (T): rujuk ke puskesmas untuk diperiksa; periksa pola"
               " makan dan kesehatan anak.");
        a->rujuk = true;
    }
}

void tb_advice_for(tb_store *s, const tb_ukur_row *u, tb_advice *a)
{
    a->n = 0;
    a->rujuk = false;
    if (u->f_bbu || u->f_tbu || u->f_bbtb)
        add(a, "Ada nilai yang tidak masuk akal: periksa kembali alat dan cara mengukur, lalu"
               " ukur ulang.");
    advice_kms(s, u, a);
    advice_gizi(s, u, a);
    if (is(u->kat_tbu, "SP") || is(u->kat_tbu, "P")) {
        add(a, is(u->kat_tbu, "SP")
                   ? "Sangat pendek (stunting berat): rujuk ke puskesmas untuk konfirmasi dokter"
                     " dan pendampingan gizi; pastikan makanan kaya protein hewani setiap hari."
                   : "Pendek (stunting): rujuk ke puskesmas untuk konfirmasi dokter dan"
                     " pendampingan gizi; pastikan makanan kaya protein hewani setiap hari.");
        a->rujuk = true;
    }
    if ((is(u->kat_bbu, "BBSK") || is(u->kat_bbu, "BBK")) && !a->rujuk) {
        add(a, is(u->kat_bbu, "BBSK") ? "Berat badan sangat kurang: rujuk ke puskesmas."
                                      : "Berat badan kurang: rujuk ke puskesmas.");
        a->rujuk = true;
    }
    if (u->naik == 'N' && !a->rujuk)
        add(a, "Berat badan naik sesuai harapan. Lanjutkan pemberian makan yang baik.");
    if (a->n == 0)
        add(a, "Pertumbuhan baik. Lanjutkan ASI dan makanan bergizi seimbang, datang ke posyandu"
               " setiap bulan.");
}
