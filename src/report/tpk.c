/*
 * tpk.c - the TPK report and the 3-standar-4-PASTI report (see tpk.h).
 *
 * The items of "3 standar dan 4 PASTI" come from the active checklist
 * version (ref_checklist, domain reference section 3: no source defines
 * them), so a district can drop, reorder or relabel them; an item whose
 * code the store does not compute is shown with a note, not guessed.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/tpk.h"
#include "store/tpk.h"

typedef struct {
    tb_table *t;
    double tot[6];
} tpk_ctx;

static int tpk_row(void *ctx, const tb_tpk_report_row *r)
{
    tpk_ctx *c = ctx;
    long row = tb_table_add_row(c->t);
    tb_table_set_text(c->t, row, 0, r->tpk);
    tb_table_set_text(c->t, row, 1, r->desa);
    for (int k = 0; k < 6; k++) {
        tb_table_set_num(c->t, row, 2 + k, (double)r->v[k]);
        c->tot[k] += (double)r->v[k];
    }
    return 0;
}

/* 100 a / b, or NAN when b is 0. */
static double pct(double a, double b)
{
    return b > 0 ? 100.0 * a / b : NAN;
}

int tb_report_tpk(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[] = {
        "tpk",       "desa",    "sasaran",         "dikunjungi",       "terlambat",
        "kunjungan", "rujukan", "rujukan_selesai", "persen_dikunjungi"};
    static const char *const heads[] = {
        "Tim Pendamping Keluarga", "Desa",      "Sasaran ditetapkan", "Dikunjungi bulan ini",
        "Terlambat dikunjungi",    "Kunjungan", "Rujukan dibuat",     "Rujukan selesai",
        "Dikunjungi (%)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_INT,
                                        TB_COL_INT,  TB_COL_INT,  TB_COL_INT,
                                        TB_COL_INT,  TB_COL_INT,  TB_COL_PERCENT};
    if (sc->posyandu_id > 0)
        return tb_store_fail(s, "laporan TPK dibuat per wilayah (--wilayah), bukan per posyandu");
    tpk_ctx c = {tb_table_new(title, 9, keys, heads, kinds), {0}};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    if (tb_store_tpk_report(s, sc->wilayah, sc->month, tpk_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    long r = tb_table_add_row(c.t);
    tb_table_set_text(c.t, r, 0, "Jumlah");
    for (int k = 0; k < 6; k++)
        tb_table_set_num(c.t, r, 2 + k, c.tot[k]);
    for (long i = 0; i < c.t->nrows; i++)
        tb_table_set_num(c.t, i, 8,
                         pct(tb_table_cell(c.t, i, 3).num, tb_table_cell(c.t, i, 2).num));
    tb_table_subtitle(c.t, "Sasaran: catin, ibu hamil, ibu pasca salin, baduta/balita yang"
                           " ditetapkan ke tim. Terlambat: jadwal kunjungan berikut (atau sebulan"
                           " sesudah kunjungan terakhir) sudah lewat pada akhir bulan. Rujukan"
                           " selesai: hasil rujukan sudah dicatat sebagai ditangani.");
    *out = c.t;
    return 0;
}

typedef struct {
    tb_table *t;
    int nitem, item[16]; /* the store's item of each column group, -1 unknown */
    double ya[16], n[16];
} sp_ctx;

static void sp_cells(sp_ctx *c, long row, const double *ya, const double *n)
{
    for (int j = 0; j < c->nitem; j++) {
        if (c->item[j] < 0)
            continue;
        tb_table_set_num(c->t, row, 1 + 3 * j, ya[j]);
        tb_table_set_num(c->t, row, 2 + 3 * j, n[j]);
        tb_table_set_num(c->t, row, 3 + 3 * j, pct(ya[j], n[j]));
    }
}

static int sp_row(void *ctx, const tb_sp_row *r)
{
    sp_ctx *c = ctx;
    long row = tb_table_add_row(c->t);
    tb_table_set_text(c->t, row, 0, r->nama ? r->nama : r->desa);
    double ya[16] = {0}, n[16] = {0};
    for (int j = 0; j < c->nitem; j++) {
        if (c->item[j] < 0)
            continue;
        ya[j] = (double)r->ya[c->item[j]];
        n[j] = (double)r->n[c->item[j]];
        c->ya[j] += ya[j];
        c->n[j] += n[j];
    }
    sp_cells(c, row, ya, n);
    return 0;
}

/* The table's columns: the desa, then per item its count, applicable, %. */
static tb_table *sp_table(const char *title, const tb_checklist_item *it, int n)
{
    const char *keys[1 + 3 * 16], *heads[1 + 3 * 16];
    tb_col_kind kinds[1 + 3 * 16];
    static char kbuf[3 * 16][48], hbuf[3 * 16][200];
    keys[0] = "desa";
    heads[0] = "Desa";
    kinds[0] = TB_COL_TEXT;
    static const char *const suffix[3] = {"ya", "n", "persen"};
    for (int j = 0; j < n; j++)
        for (int k = 0; k < 3; k++) {
            int c = 3 * j + k;
            snprintf(kbuf[c], sizeof kbuf[c], "%s_%s", it[j].kode, suffix[k]);
            snprintf(hbuf[c], sizeof hbuf[c], "%s: %s", it[j].label,
                     k == 0   ? "memenuhi"
                     : k == 1 ? "sasaran"
                              : "%");
            keys[1 + c] = kbuf[c];
            heads[1 + c] = hbuf[c];
            kinds[1 + c] = k == 2 ? TB_COL_PERCENT : TB_COL_INT;
        }
    return tb_table_new(title, 1 + 3 * n, keys, heads, kinds);
}

int tb_report_standar_pasti(tb_store *s, const tb_report_scope *sc, const char *title,
                            tb_table **out)
{
    if (sc->posyandu_id > 0)
        return tb_store_fail(s, "laporan 3 standar 4 PASTI dibuat per wilayah (--wilayah)");
    tb_checklist_item it[16];
    char versi[32];
    int n = tb_store_checklist_active(s, versi, it, 16);
    if (n < 0)
        return -1;
    sp_ctx c;
    memset(&c, 0, sizeof c);
    c.nitem = n;
    char unknown[256] = "";
    for (int j = 0; j < n; j++) {
        c.item[j] = tb_sp_lookup(it[j].kode);
        if (c.item[j] < 0 && strlen(unknown) + strlen(it[j].kode) + 3 < sizeof unknown)
            snprintf(unknown + strlen(unknown), sizeof unknown - strlen(unknown), "%s%s",
                     *unknown ? ", " : "", it[j].kode);
    }
    c.t = sp_table(title, it, n);
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    if (tb_store_standar_pasti(s, sc->wilayah, sc->month, sp_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    long r = tb_table_add_row(c.t);
    tb_table_set_text(c.t, r, 0, "Jumlah");
    sp_cells(&c, r, c.ya, c.n);
    char note[1024];
    snprintf(note, sizeof note,
             "Daftar periksa versi %s (dapat diatur; tidak ada sumber resmi yang mendefinisikan"
             " 3 standar dan 4 PASTI). Sasaran: catin yang menikah bulan ini (standar 1), ibu"
             " hamil, ibu pasca salin (42 hari) dan baduta pada akhir bulan. Terdata: tercatat"
             " dalam keluarga; didampingi: ditetapkan ke TPK dan dikunjungi bulan ini; layanan:"
             " sasaran berisiko yang dirujuk atau mendapat layanan (MT, TTD, vitamin A, KB,"
             " bansos, JKN, PMT); terpantau: rujukan 3 bulan terakhir yang hasilnya dicatat.%s%s",
             versi, *unknown ? " Butir tanpa perhitungan: " : "", unknown);
    tb_table_subtitle(c.t, note);
    *out = c.t;
    return 0;
}
