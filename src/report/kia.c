/*
 * kia.c - PWS KIA (see kia.h). The counts come from the store
 * (tb_store_pws_kia: the month each pregnancy reaches each milestone);
 * here they are summed up to the month asked and set against the sasaran.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/kia.h"
#include "store/catin.h"
#include "store/kehamilan.h"

static const char *const IND[TB_PWS_N] = {"k1", "k4", "k6", "pn", "kf", "kn1"};
static const char *const IND_LABEL[TB_PWS_N] = {"K1", "K4", "K6", "PN", "KF", "KN1"};

#define NCOLS 20

typedef struct {
    tb_table *t;
    int month; /* 1-12 */
    double target;
    double cum[TB_PWS_N], sas[TB_PWS_N]; /* totals */
} pws_ctx;

static double pct(double a, double b)
{
    return b > 0 ? 100.0 * a / b : NAN;
}

static long sasaran_of(const tb_pws_desa *d, int i)
{
    return i <= TB_PWS_K6   ? d->bumil
           : i == TB_PWS_PN ? d->bersalin
           : i == TB_PWS_KF ? d->nifas
                            : d->bayi;
}

/* Fills a row's cells from cumulative counts and sasaran. */
static void put_row(pws_ctx *c, long row, const double *cum, const double *sas)
{
    static const int sas_col[TB_PWS_N] = {2, -1, -1, 9, 12, 15};
    static const int cnt_col[TB_PWS_N] = {3, 5, 7, 10, 13, 16};
    char below[64] = "";
    for (int i = 0; i < TB_PWS_N; i++) {
        if (sas_col[i] >= 0)
            tb_table_set_num(c->t, row, sas_col[i], sas[i]);
        tb_table_set_num(c->t, row, cnt_col[i], cum[i]);
        double p = pct(cum[i], sas[i]);
        tb_table_set_num(c->t, row, cnt_col[i] + 1, p);
        if (i != TB_PWS_K6 && (isnan(p) || p < c->target)) /* K6 is shown, not judged */
            snprintf(below + strlen(below), sizeof below - strlen(below), "%s%s",
                     below[0] ? ", " : "", IND_LABEL[i]);
    }
    tb_table_set_num(c->t, row, 18, c->target);
    tb_table_set_text(c->t, row, 19, below);
}

static int pws_row(void *ctx, const tb_pws_desa *d)
{
    pws_ctx *c = ctx;
    double cum[TB_PWS_N] = {0}, sas[TB_PWS_N];
    for (int i = 0; i < TB_PWS_N; i++) {
        for (int m = 0; m < c->month; m++)
            cum[i] += (double)d->bulan[i][m];
        sas[i] = (double)sasaran_of(d, i);
        c->cum[i] += cum[i];
        c->sas[i] += sas[i];
    }
    long row = tb_table_add_row(c->t);
    tb_table_set_text(c->t, row, 0, d->desa);
    tb_table_set_text(c->t, row, 1, d->nama);
    put_row(c, row, cum, sas);
    return 0;
}

int tb_report_pws_kia(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[NCOLS] = {"kode",
                                            "desa",
                                            "sasaran_bumil",
                                            "k1",
                                            "persen_k1",
                                            "k4",
                                            "persen_k4",
                                            "k6",
                                            "persen_k6",
                                            "sasaran_bersalin",
                                            "pn",
                                            "persen_pn",
                                            "sasaran_nifas",
                                            "kf",
                                            "persen_kf",
                                            "sasaran_bayi",
                                            "kn1",
                                            "persen_kn1",
                                            "target_persen",
                                            "di_bawah_target"};
    static const char *const heads[NCOLS] = {"Kode",
                                             "Desa",
                                             "Sasaran ibu hamil",
                                             "K1",
                                             "K1 (%)",
                                             "K4",
                                             "K4 (%)",
                                             "K6",
                                             "K6 (%)",
                                             "Sasaran ibu bersalin",
                                             "PN (persalinan nakes)",
                                             "PN (%)",
                                             "Sasaran ibu nifas",
                                             "KF lengkap",
                                             "KF (%)",
                                             "Sasaran bayi",
                                             "KN1",
                                             "KN1 (%)",
                                             "Garis target (%)",
                                             "Di bawah target"};
    tb_col_kind kinds[NCOLS];
    for (int i = 0; i < NCOLS; i++)
        kinds[i] = i < 2 || i == 19 ? TB_COL_TEXT
                   : (i == 4 || i == 6 || i == 8 || i == 11 || i == 14 || i == 17 || i == 18)
                       ? TB_COL_PERCENT
                       : TB_COL_INT;
    if (sc->posyandu_id > 0)
        return tb_store_fail(s, "PWS KIA dibuat per wilayah (--wilayah), bukan per posyandu");
    int tahun = atoi(sc->month), month = atoi(sc->month + 5);
    pws_ctx c = {
        tb_table_new(title, NCOLS, keys, heads, kinds), month, 100.0 * month / 12, {0}, {0}};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    if (tb_store_pws_kia(s, sc->wilayah, tahun, pws_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    long r = tb_table_add_row(c.t);
    tb_table_set_text(c.t, r, 1, "Jumlah");
    put_row(&c, r, c.cum, c.sas);
    tb_table_subtitle(
        c.t, "Kumulatif Januari sampai bulan laporan. K1: kunjungan ANC pertama; K4: minimal 4"
             " kali (1 di trimester I, 1 di trimester II, 2 di trimester III); K6: minimal 6 kali,"
             " 2 oleh dokter; PN: persalinan ditolong bidan atau dokter; KF lengkap: KF1-KF3 pada"
             " waktunya; KN1: kunjungan neonatus 6-48 jam. Sasaran: yang ditetapkan desa, atau"
             " perkiraan dari data (ibu hamil: kehamilan yang berlangsung tahun ini; ibu bersalin,"
             " nifas dan bayi: kehamilan dengan HPL tahun ini). Garis target: bulan/12 x 100%.");
    *out = c.t;
    return 0;
}

typedef struct {
    int ind;
    double cum[12], sas;
} series_ctx;

static int series_row(void *ctx, const tb_pws_desa *d)
{
    series_ctx *c = ctx;
    for (int m = 0; m < 12; m++)
        c->cum[m] += (double)d->bulan[c->ind][m];
    c->sas += (double)sasaran_of(d, c->ind);
    return 0;
}

int tb_report_pws_series(tb_store *s, const char *wilayah, const char *month, int ind,
                         double pct_out[12])
{
    series_ctx c = {.ind = ind};
    if (ind < 0 || ind >= TB_PWS_N)
        return tb_store_fail(s, "indikator PWS tidak dikenal");
    if (tb_store_pws_kia(s, wilayah, atoi(month), series_row, &c) < 0)
        return -1;
    int upto = atoi(month + 5);
    double run = 0;
    for (int m = 0; m < 12; m++) {
        run += c.cum[m];
        pct_out[m] = m < upto ? pct(run, c.sas) : NAN;
    }
    return 0;
}

const char *tb_report_pws_key(int i)
{
    return i >= 0 && i < TB_PWS_N ? IND[i] : "";
}

typedef struct {
    tb_table *t;
    double tot[TB_REKAP_N];
} rekap_ctx;

/* Fills a recap row from counts v. */
static void rekap_cells(tb_table *t, long row, const double *v)
{
    for (int k = 0; k < TB_REKAP_N; k++)
        tb_table_set_num(t, row, k < 2 ? 2 + k : 3 + k, v[k]);
    tb_table_set_num(t, row, 4, pct(v[TB_REKAP_BERISIKO], v[TB_REKAP_CATIN]));
    tb_table_set_num(t, row, 12, pct(v[TB_REKAP_TEPAT], v[TB_REKAP_TEPAT] + v[TB_REKAP_TERLAMBAT]));
}

static int rekap_row(void *ctx, const tb_catin_rekap_row *r)
{
    rekap_ctx *c = ctx;
    long row = tb_table_add_row(c->t);
    tb_table_set_text(c->t, row, 0, r->desa);
    tb_table_set_text(c->t, row, 1, r->nama);
    double v[TB_REKAP_N];
    for (int k = 0; k < TB_REKAP_N; k++) {
        v[k] = (double)r->v[k];
        c->tot[k] += v[k];
    }
    rekap_cells(c->t, row, v);
    return 0;
}

int tb_report_catin(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[] = {"kode",
                                       "desa",
                                       "catin",
                                       "berisiko",
                                       "persen_berisiko",
                                       "umur_muda",
                                       "imt_kurang",
                                       "lila_kurang",
                                       "anemia",
                                       "tepat_waktu",
                                       "terlambat",
                                       "menikah",
                                       "persen_tepat_waktu"};
    static const char *const heads[] = {"Kode",
                                        "Desa",
                                        "Catin diperiksa",
                                        "Berisiko",
                                        "Berisiko (%)",
                                        "Umur < 20",
                                        "IMT kurang",
                                        "LiLA < 23,5 (KEK)",
                                        "Anemia",
                                        "Diperiksa >= 3 bulan sebelum nikah",
                                        "Kurang dari 3 bulan",
                                        "Sudah menikah",
                                        "Tepat waktu (%)"};
    static const tb_col_kind kinds[] = {
        TB_COL_TEXT, TB_COL_TEXT, TB_COL_INT, TB_COL_INT, TB_COL_PERCENT, TB_COL_INT,    TB_COL_INT,
        TB_COL_INT,  TB_COL_INT,  TB_COL_INT, TB_COL_INT, TB_COL_INT,     TB_COL_PERCENT};
    if (sc->posyandu_id > 0)
        return tb_store_fail(s, "rekap catin dibuat per wilayah (--wilayah), bukan per posyandu");
    rekap_ctx c = {tb_table_new(title, 13, keys, heads, kinds), {0}};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    if (tb_store_catin_rekap(s, sc->wilayah, sc->month, rekap_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    long r = tb_table_add_row(c.t);
    tb_table_set_text(c.t, r, 1, "Jumlah");
    rekap_cells(c.t, r, c.tot);
    tb_table_subtitle(c.t, "Catin yang skrining Elsimil terakhirnya antara 1 Januari dan akhir"
                           " bulan laporan. Faktor menurut aturan Elsimil yang dipakai saat"
                           " skrining. Tepat waktu: diperiksa paling lambat 3 bulan sebelum"
                           " tanggal nikah (rencana, atau tanggal nikah bila sudah menikah).");
    *out = c.t;
    return 0;
}
