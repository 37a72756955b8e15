/*
 * advice.c - advice for a result (advice.h). Flagged z-scores (implausible
 * values) give a "check the measurement" advice instead of a status.
 */
#include "report/advice.h"

#include <math.h>

static void add(tb_advice *a, const char *t)
{
    if (a->n < TB_ADVICE_MAX)
        a->text[a->n++] = t;
}

void tb_advice_for(const tb_ukur_row *u, tb_advice *a)
{
    a->n = 0;
    a->rujuk = false;
    if (u->f_bbu || u->f_tbu || u->f_bbtb)
        add(a, "Ada nilai yang tidak masuk akal: periksa kembali alat dan cara mengukur, lalu"
               " ukur ulang.");
    if (u->bgm) {
        add(a, "Berat badan di bawah garis merah (BGM): rujuk ke puskesmas.");
        a->rujuk = true;
    }
    if (u->t2) {
        add(a, "Berat badan tidak naik dua kali berturut-turut (2T): rujuk ke puskesmas.");
        a->rujuk = true;
    }
    if (!u->f_bbtb && !isnan(u->z_bbtb) && u->z_bbtb < -3) {
        add(a, "Gizi buruk: segera rujuk ke puskesmas untuk tata laksana.");
        a->rujuk = true;
    } else if (!u->f_bbtb && !isnan(u->z_bbtb) && u->z_bbtb < -2) {
        add(a, "Gizi kurang (kurus): rujuk ke puskesmas; beri makanan tambahan bergizi.");
        a->rujuk = true;
    }
    if (!u->f_tbu && !isnan(u->z_tbu) && u->z_tbu < -2) {
        add(a, "Pendek (stunting): rujuk ke puskesmas untuk konfirmasi dokter dan pendampingan"
               " gizi; pastikan makanan kaya protein hewani setiap hari.");
        a->rujuk = true;
    }
    if (!u->f_bbu && !isnan(u->z_bbu) && u->z_bbu < -2 && !a->rujuk) {
        add(a, "Berat badan kurang: rujuk ke puskesmas.");
        a->rujuk = true;
    }
    if (!u->f_bbtb && !isnan(u->z_bbtb) && u->z_bbtb > 2)
        add(a, "Berisiko gizi lebih: kurangi makanan manis dan berlemak, ajak anak aktif"
               " bergerak.");
    if (u->naik == 'T' && !u->t2)
        add(a, "Berat badan tidak naik: periksa pola makan dan kesehatan anak, timbang lagi"
               " bulan depan.");
    if (u->naik == 'N' && !a->rujuk)
        add(a, "Berat badan naik sesuai harapan. Lanjutkan pemberian makan yang baik.");
    if (a->n == 0)
        add(a, "Pertumbuhan baik. Lanjutkan ASI dan makanan bergizi seimbang, datang ke posyandu"
               " setiap bulan.");
}
