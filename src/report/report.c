/*
 * report.c - every figure and list, computed from the store (see report.h).
 *
 * Definitions (domain reference 6.1, 6.2, 15):
 *  S  children under five in the month that the store knows in the area
 *     (posyandu registers and the family census; store/report.h);
 *  K  of S, those with a Buku KIA/KMS;
 *  D  of S, weighed in the month (the last weighing of the month counts);
 *  N, T, O, B, 2T, BGM  the status of that weighing (lib/kms.c, on write);
 *  prevalence = cases / children with a valid (unflagged) z-score for the
 *  index, always shown with coverage = measured / S.
 * The figures come from the store (store/report.h: one query per report,
 * the area matched by Kemendagri code prefix and split one level down);
 * this file makes the tables: titles, columns, ratios, totals, labels and
 * drill-down links.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/kia.h"
#include "report/krs.h"
#include "report/layanan.h"
#include "report/report.h"
#include "report/tpk.h"
#include "store/report.h"
#include "store/wilayah.h"

static const char *const names[TB_REPORT_COUNT] = {
    "skdn", "prevalensi",   "tren",         "stunting",     "wasting",        "2t",
    "bgm",  "tidak-diukur", "kualitas",     "rekonsiliasi", "kualitas-kader", "skdn-umur",
    "krs",  "krs-target",   "krs-keluarga", "verval", "tpk", "3standar4pasti",
    "konvergensi-desa", "pws-kia", "catin"};
static const char *const titles[TB_REPORT_COUNT] = {
    "SKDN",
    "Prevalensi status gizi",
    "Tren 12 bulan",
    "Daftar anak stunting (pendek dan sangat pendek)",
    "Daftar anak gizi kurang dan gizi buruk (wasting)",
    "Daftar anak 2T (tidak naik dua kali berturut-turut)",
    "Daftar anak BGM (di bawah garis merah)",
    "Daftar sasaran belum diukur bulan ini (kunjungan rumah)",
    "Kartu mutu data per posyandu",
    "Rekonsiliasi dengan survei (SSGI/SKI)",
    "Kartu mutu data per kader",
    "SKDN menurut kelompok umur dan jenis kelamin",
    "Keluarga berisiko stunting (KRS)",
    "Target pendampingan KRS",
    "Daftar keluarga sasaran dan KRS",
    "Verifikasi dan validasi KRS (verval)",
    "Tabulasi hasil pendampingan TPK",
    "Pelaksanaan 3 standar dan 4 PASTI",
    "Kartu konvergensi desa (paket layanan sasaran 1000 HPK)",
    "PWS KIA (pemantauan wilayah setempat kesehatan ibu dan anak)",
    "Rekap catin (skrining Elsimil)"};

const char *tb_report_name(tb_report_kind k)
{
    return (unsigned)k < TB_REPORT_COUNT ? names[k] : "";
}

const char *tb_report_title(tb_report_kind k)
{
    return (unsigned)k < TB_REPORT_COUNT ? titles[k] : "";
}

int tb_report_lookup(const char *name)
{
    for (int k = 0; k < TB_REPORT_COUNT; k++)
        if (!strcmp(name, names[k]))
            return k;
    return -1;
}

bool tb_report_is_list(tb_report_kind k)
{
    return k == TB_REPORT_STUNTING || k == TB_REPORT_WASTING || k == TB_REPORT_2T ||
           k == TB_REPORT_BGM || k == TB_REPORT_TIDAK_DIUKUR || k == TB_REPORT_KRS_KELUARGA ||
           k == TB_REPORT_VERVAL;
}

static const char *const month_names[12] = {"Januari",   "Februari", "Maret",    "April",
                                            "Mei",       "Juni",     "Juli",     "Agustus",
                                            "September", "Oktober",  "November", "Desember"};

/* Checks yyyy-mm; fills a readable "November 2026". */
static int month_ok(const char *m, char *label, size_t n)
{
    int y, mo;
    char extra;
    if (!m || strlen(m) != 7 || sscanf(m, "%4d-%2d%c", &y, &mo, &extra) != 2 || mo < 1 || mo > 12 ||
        y < 2000 || y > 2100)
        return -1;
    snprintf(label, n, "%s %d", month_names[mo - 1], y);
    return 0;
}

/* A drill-down link for a sub-area key ("p12" = posyandu 12, else a code). */
static void drill_link(tb_table *t, long row, const char *sub, const char *month)
{
    char href[128];
    if (sub[0] == '-') /* census children without a posyandu: nothing to drill into */
        return;
    if (sub[0] == 'p')
        snprintf(href, sizeof href, "/dasbor?posyandu=%s&bulan=%s", sub + 1, month);
    else
        snprintf(href, sizeof href, "/dasbor?wilayah=%s&bulan=%s", sub, month);
    tb_table_set_link(t, row, href);
}

/* 100 a / b, or NAN when b is 0. */
static double pct(double a, double b)
{
    return b > 0 ? 100.0 * a / b : NAN;
}

/* The store's view of a report scope (the month may be another one). */
static tb_store_scope store_scope(const tb_report_scope *sc, const char *month)
{
    tb_store_scope ss = {sc->wilayah, sc->posyandu_id, month};
    return ss;
}

/* What the per-sub-area row callbacks fill: the table and the running totals. */
typedef struct {
    tb_table *t;
    const char *month;
    double tot[9];
} sub_ctx;

/* Starts a row for a sub-area: its label and drill-down link. */
static long sub_row(sub_ctx *c, const tb_sub_counts *r)
{
    long row = tb_table_add_row(c->t);
    tb_table_set_text(c->t, row, 0, r->label);
    drill_link(c->t, row, r->key, c->month);
    return row;
}

static int skdn_row(void *ctx, const tb_sub_counts *r)
{
    sub_ctx *c = ctx;
    long row = sub_row(c, r);
    for (int k = 0; k < 9; k++) {
        tb_table_set_num(c->t, row, 1 + k, r->v[k]);
        c->tot[k] += r->v[k];
    }
    return 0;
}

/* The SKDN ratios (domain reference 6.2) of count columns c0.. (S, K, D, N,
 * T, O, B, 2T, BGM) into columns r0..r0+6: K/S, D/S, D/K, N/D, N/S, BGM/D, 2T/D. */
static void skdn_ratios(tb_table *t, int c0, int r0)
{
    for (long i = 0; i < t->nrows; i++) {
        double v[9];
        for (int k = 0; k < 9; k++)
            v[k] = tb_table_cell(t, i, c0 + k).num;
        /* 0 S, 1 K, 2 D, 3 N, 4 T, 5 O, 6 B, 7 2T, 8 BGM */
        const double r[7] = {pct(v[1], v[0]), pct(v[2], v[0]), pct(v[2], v[1]), pct(v[3], v[2]),
                             pct(v[3], v[0]), pct(v[8], v[2]), pct(v[7], v[2])};
        for (int k = 0; k < 7; k++)
            tb_table_set_num(t, i, r0 + k, r[k]);
    }
}

#define SKDN_KEYS                                                                                  \
    "S", "K", "D", "N", "T", "O", "B", "2T", "BGM", "K_S", "D_S", "D_K", "N_D", "N_S", "BGM_D",    \
        "2T_D"
#define SKDN_HEADS                                                                                 \
    "S", "K", "D", "N", "T", "O", "B", "2T", "BGM", "K/S (%)", "D/S (%)", "D/K (%)", "N/D (%)",    \
        "N/S (%)", "BGM/D (%)", "2T/D (%)"
#define SKDN_KINDS                                                                                 \
    TB_COL_INT, TB_COL_INT, TB_COL_INT, TB_COL_INT, TB_COL_INT, TB_COL_INT, TB_COL_INT,            \
        TB_COL_INT, TB_COL_INT, TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT,    \
        TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT
#define SKDN_NOTE                                                                                  \
    "S sasaran balita (terdaftar di posyandu atau tercatat di pendataan keluarga, tidak pindah"    \
    " atau meninggal); K punya Buku KIA; D ditimbang; N naik; T tidak naik; O tidak ditimbang"     \
    " bulan lalu; B baru pertama kali ditimbang. D = N+T+O+B. K/S liputan program, D/S"            \
    " partisipasi masyarakat, D/K kelangsungan penimbangan, N/D keberhasilan program, N/S"         \
    " efektivitas kegiatan."

static int report_skdn(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[] = {"wilayah", SKDN_KEYS};
    static const char *const heads[] = {"Wilayah", SKDN_HEADS};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, SKDN_KINDS};
    sub_ctx c = {tb_table_new(title, 17, keys, heads, kinds), sc->month, {0}};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    tb_store_scope ss = store_scope(sc, sc->month);
    if (tb_store_skdn(s, &ss, skdn_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    tb_table *t = c.t;
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "Jumlah");
    for (int k = 0; k < 9; k++)
        tb_table_set_num(t, r, 1 + k, c.tot[k]);
    skdn_ratios(t, 1, 10);
    tb_table_subtitle(t, SKDN_NOTE);
    *out = t;
    return 0;
}

/* The rows of the age-group report: per group and sex, and the totals. */
typedef struct {
    tb_table *t;
    double by_sex[3][9]; /* totals by jk: 0 not recorded, 1 L, 2 P */
} umur_ctx;

static const char *const umur_groups[5] = {"0-5 bulan", "6-11 bulan", "12-23 bulan", "24-35 bulan",
                                           "36-59 bulan"};

static void umur_put(tb_table *t, const char *group, const char *sex, const double *v)
{
    long row = tb_table_add_row(t);
    tb_table_set_text(t, row, 0, group);
    tb_table_set_text(t, row, 1, sex);
    for (int k = 0; k < 9; k++)
        tb_table_set_num(t, row, 2 + k, v[k]);
}

static int skdn_umur_row(void *ctx, const tb_skdn_umur_row *r)
{
    umur_ctx *c = ctx;
    int jk = r->jk == 1 || r->jk == 2 ? r->jk : 0;
    umur_put(c->t, umur_groups[r->kelompok < 0 || r->kelompok > 4 ? 4 : r->kelompok],
             jk == 1   ? "L"
             : jk == 2 ? "P"
                       : "-",
             r->v);
    for (int k = 0; k < 9; k++)
        c->by_sex[jk][k] += r->v[k];
    return 0;
}

/* SKDN by age group (0-5, 6-11, 12-23, 24-35, 36-59 months) and sex, as the F2 form. */
static int report_skdn_umur(tb_store *s, const tb_report_scope *sc, const char *title,
                            tb_table **out)
{
    static const char *const keys[] = {"umur", "jk", SKDN_KEYS};
    static const char *const heads[] = {"Kelompok umur", "L/P", SKDN_HEADS};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, SKDN_KINDS};
    umur_ctx c = {tb_table_new(title, 18, keys, heads, kinds), {{0}}};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    tb_store_scope ss = store_scope(sc, sc->month);
    if (tb_store_skdn_umur(s, &ss, skdn_umur_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    double all[9] = {0};
    for (int jk = 0; jk < 3; jk++)
        for (int k = 0; k < 9; k++)
            all[k] += c.by_sex[jk][k];
    umur_put(c.t, "Jumlah", "L", c.by_sex[1]);
    umur_put(c.t, "Jumlah", "P", c.by_sex[2]);
    if (c.by_sex[0][0] > 0)
        umur_put(c.t, "Jumlah", "-", c.by_sex[0]);
    umur_put(c.t, "Jumlah", "L+P", all);
    skdn_ratios(c.t, 2, 11);
    tb_table_subtitle(c.t, "Umur dalam bulan genap pada akhir bulan laporan. " SKDN_NOTE);
    *out = c.t;
    return 0;
}

/* The prevalence table's count columns, in the order of tb_store_prevalensi's
 * counts: S, diukur_tb, stunting, diukur_bbtb, wasting, ditimbang, uw, ow. */
static const int prev_cols[8] = {1, 2, 4, 6, 7, 9, 10, 12};

static int prevalensi_row(void *ctx, const tb_sub_counts *r)
{
    sub_ctx *c = ctx;
    long row = sub_row(c, r);
    for (int k = 0; k < 8; k++) {
        c->tot[k] += r->v[k];
        tb_table_set_num(c->t, row, prev_cols[k], r->v[k]);
    }
    return 0;
}

static int report_prevalensi(tb_store *s, const tb_report_scope *sc, const char *title,
                             tb_table **out)
{
    static const char *const keys[] = {"wilayah",     "S",
                                       "diukur_tb",   "cakupan_tb",
                                       "stunting",    "stunting_pct",
                                       "diukur_bbtb", "wasting",
                                       "wasting_pct", "ditimbang",
                                       "underweight", "underweight_pct",
                                       "overweight",  "overweight_pct"};
    static const char *const heads[] = {
        "Wilayah",      "Sasaran (S)",     "Diukur TB/PB", "Cakupan ukur (%)", "Stunting",
        "Stunting (%)", "Diukur BB/TB",    "Wasting",      "Wasting (%)",      "Ditimbang",
        "Underweight",  "Underweight (%)", "Overweight",   "Overweight (%)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT,    TB_COL_INT,     TB_COL_INT, TB_COL_PERCENT,
                                        TB_COL_INT,     TB_COL_PERCENT, TB_COL_INT, TB_COL_INT,
                                        TB_COL_PERCENT, TB_COL_INT,     TB_COL_INT, TB_COL_PERCENT,
                                        TB_COL_INT,     TB_COL_PERCENT};
    sub_ctx c = {tb_table_new(title, 14, keys, heads, kinds), sc->month, {0}};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    tb_store_scope ss = store_scope(sc, sc->month);
    if (tb_store_prevalensi(s, &ss, prevalensi_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    tb_table *t = c.t;
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "Jumlah");
    for (int k = 0; k < 8; k++)
        tb_table_set_num(t, r, prev_cols[k], c.tot[k]);
    for (long i = 0; i < t->nrows; i++) {
        double S = tb_table_cell(t, i, 1).num, dtb = tb_table_cell(t, i, 2).num;
        double dbt = tb_table_cell(t, i, 6).num, dbb = tb_table_cell(t, i, 9).num;
        tb_table_set_num(t, i, 3, pct(dtb, S));
        tb_table_set_num(t, i, 5, pct(tb_table_cell(t, i, 4).num, dtb));
        tb_table_set_num(t, i, 8, pct(tb_table_cell(t, i, 7).num, dbt));
        tb_table_set_num(t, i, 11, pct(tb_table_cell(t, i, 10).num, dbb));
        tb_table_set_num(t, i, 13, pct(tb_table_cell(t, i, 12).num, dbt));
    }
    tb_table_subtitle(t, "Prevalensi = kasus / anak dengan z-score sah (tidak ditandai) pada bulan"
                         " ini; cakupan ukur = diukur / sasaran. Prevalensi dengan cakupan rendah"
                         " tidak mewakili seluruh balita.");
    *out = t;
    return 0;
}

static int report_tren(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[] = {"bulan",        "S",          "D", "D_S", "diukur_tb",
                                       "stunting_pct", "wasting_pct"};
    static const char *const heads[] = {
        "Bulan", "S", "D", "D/S (%)", "Diukur TB/PB", "Stunting (%)", "Wasting (%)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_INT,     TB_COL_INT,    TB_COL_PERCENT,
                                        TB_COL_INT,  TB_COL_PERCENT, TB_COL_PERCENT};
    tb_table *t = tb_table_new(title, 7, keys, heads, kinds);
    if (!t)
        return tb_store_fail(s, "out of memory");
    int y, mo;
    sscanf(sc->month, "%4d-%2d", &y, &mo);
    for (int k = 11; k >= 0; k--) {
        int mm = mo - k, yy = y;
        while (mm < 1)
            mm += 12, yy--;
        char m7[32];
        snprintf(m7, sizeof m7, "%04d-%02d", yy % 10000, mm);
        tb_store_scope one = store_scope(sc, m7);
        tb_month_totals m;
        if (tb_store_month_totals(s, &one, &m) < 0) {
            tb_table_free(t);
            return -1;
        }
        long r = tb_table_add_row(t);
        char label[32];
        snprintf(label, sizeof label, "%.3s %d", month_names[mm - 1], yy);
        tb_table_set_text(t, r, 0, label);
        tb_table_set_num(t, r, 1, m.S);
        tb_table_set_num(t, r, 2, m.D);
        tb_table_set_num(t, r, 3, pct(m.D, m.S));
        tb_table_set_num(t, r, 4, m.diukur_tb);
        tb_table_set_num(t, r, 5, pct(m.stunting, m.diukur_tb));
        tb_table_set_num(t, r, 6, pct(m.wasting, m.diukur_bbtb));
    }
    *out = t;
    return 0;
}

/* The columns of a by-name list, in order; `personal` ones (names, NIK, the
 * family's address and phone) only with names, `id` only with link_anak. */
static const struct {
    const char *key, *head;
    tb_col_kind kind;
    char personal;
} list_cols[] = {
    {"id", "ID", TB_COL_INT, 0},
    {"nama", "Nama", TB_COL_TEXT, 1},
    {"nik", "NIK", TB_COL_TEXT, 1},
    {"jk", "JK", TB_COL_TEXT, 0},
    {"umur", "Umur", TB_COL_TEXT, 0},
    {"ortu", "Nama ibu", TB_COL_TEXT, 1},
    {"alamat", "Alamat", TB_COL_TEXT, 1},
    {"telepon", "Telepon", TB_COL_TEXT, 1},
    {"tanggal", "Terakhir diukur", TB_COL_DATE, 0},
    {"hasil", "Hasil terakhir", TB_COL_TEXT, 0},
    {"status", "Status", TB_COL_TEXT, 0},
    {"bb", "BB (kg)", TB_COL_DEC1, 0},
    {"tb", "TB/PB (cm)", TB_COL_DEC1, 0},
    {"z_bbu", "Z BB/U", TB_COL_DEC2, 0},
    {"z_tbu", "Z TB/U", TB_COL_DEC2, 0},
    {"z_bbtb", "Z BB/TB", TB_COL_DEC2, 0},
    {"posyandu", "Posyandu", TB_COL_TEXT, 0},
    {"desa", "Desa", TB_COL_TEXT, 0},
    {"kecamatan", "Kecamatan", TB_COL_TEXT, 0},
    {"umur_bulan", "Umur (bln)", TB_COL_INT, 0},
};
#define NLIST_COLS (int)(sizeof list_cols / sizeof list_cols[0])

/* A by-name list row into the table (personal data only with names). */
typedef struct {
    tb_table *t;
    bool link_anak;
    int col[NLIST_COLS]; /* table column of each list_cols entry, -1 when left out */
} list_ctx;

static void put_text(list_ctx *c, long r, int k, const char *v)
{
    if (c->col[k] >= 0 && v && *v)
        tb_table_set_text(c->t, r, c->col[k], v);
}

static void put_num(list_ctx *c, long r, int k, double v)
{
    if (c->col[k] >= 0 && !isnan(v))
        tb_table_set_num(c->t, r, c->col[k], v);
}

/* "Jl. Mawar 3, RT 001/RW 002, Dusun Krajan": the parts that are known. */
static void address(const tb_list_row *l, char *out, size_t n)
{
    size_t at = 0;
    out[0] = 0;
    if (l->alamat && *l->alamat)
        at += (size_t)snprintf(out + at, n - at, "%s", l->alamat);
    if (at < n && ((l->rt && *l->rt) || (l->rw && *l->rw)))
        at += (size_t)snprintf(out + at, n - at, "%sRT %s/RW %s", at ? ", " : "",
                               l->rt && *l->rt ? l->rt : "-", l->rw && *l->rw ? l->rw : "-");
    if (at < n && l->dusun && *l->dusun)
        snprintf(out + at, n - at, "%sDusun %s", at ? ", " : "", l->dusun);
}

/* "BB/U BBK, TB/U SP, BB/TB GK": the categories of the last measurement. */
static void result_text(const tb_list_row *l, char *out, size_t n)
{
    const char *what[3] = {"BB/U", "TB/U", "BB/TB"},
               *cat[3] = {l->kat_bbu, l->kat_tbu, l->kat_bbtb};
    size_t at = 0;
    out[0] = 0;
    for (int k = 0; k < 3 && at < n; k++)
        if (cat[k] && *cat[k])
            at += (size_t)snprintf(out + at, n - at, "%s%s %s", at ? ", " : "", what[k], cat[k]);
}

static int list_row(void *ctx, const tb_list_row *l)
{
    list_ctx *c = ctx;
    long r = tb_table_add_row(c->t);
    if (c->link_anak) {
        char href[64];
        snprintf(href, sizeof href, "/anak/%ld", l->id);
        tb_table_set_link(c->t, r, href);
    }
    put_num(c, r, 0, (double)l->id);
    put_text(c, r, 1, l->nama);
    put_text(c, r, 2, l->nik);
    put_text(c, r, 3, l->jk == 1 ? "L" : l->jk == 2 ? "P" : "");
    if (l->umur_bulan >= 0) {
        char u[32];
        snprintf(u, sizeof u, "%d th %d bl", l->umur_bulan / 12, l->umur_bulan % 12);
        put_text(c, r, 4, u);
        put_num(c, r, 19, l->umur_bulan);
    }
    put_text(c, r, 5, l->ortu);
    char adr[400];
    address(l, adr, sizeof adr);
    put_text(c, r, 6, adr);
    put_text(c, r, 7, l->telepon);
    put_text(c, r, 8, l->tanggal);
    char hasil[96];
    result_text(l, hasil, sizeof hasil);
    put_text(c, r, 9, hasil);
    put_text(c, r, 10, l->status);
    const double v[5] = {l->bb, l->tb, l->z_bbu, l->z_tbu, l->z_bbtb};
    for (int k = 0; k < 5; k++)
        put_num(c, r, 11 + k, v[k]);
    put_text(c, r, 16, l->posyandu);
    put_text(c, r, 17, l->desa);
    put_text(c, r, 18, l->kecamatan);
    return 0;
}

/* The store's list for a by-name report. */
static tb_list_kind list_kind(tb_report_kind k)
{
    switch (k) {
    case TB_REPORT_STUNTING:
        return TB_LIST_STUNTING;
    case TB_REPORT_WASTING:
        return TB_LIST_WASTING;
    case TB_REPORT_2T:
        return TB_LIST_2T;
    case TB_REPORT_BGM:
        return TB_LIST_BGM;
    default:
        return TB_LIST_TIDAK_DIUKUR;
    }
}

/* The by-name lists: one condition each on the month's last measurement,
 * with the caller's filters, order and page (sc->list). */
static int report_list(tb_store *s, tb_report_kind k, const tb_report_scope *sc, const char *title,
                       const tb_list_query *q, long *total, tb_table **out)
{
    const char *keys[NLIST_COLS], *heads[NLIST_COLS];
    tb_col_kind kinds[NLIST_COLS];
    list_ctx c = {NULL, sc->link_anak, {0}};
    int n = 0;
    for (int i = 0; i < NLIST_COLS; i++) {
        /* without the child's page no id column at all (the list cannot be joined back) */
        bool keep = (i != 0 || sc->link_anak) && (!list_cols[i].personal || sc->with_names);
        c.col[i] = keep ? n : -1;
        if (keep) {
            keys[n] = list_cols[i].key;
            heads[n] = list_cols[i].head;
            kinds[n++] = list_cols[i].kind;
        }
    }
    c.t = tb_table_new(title, n, keys, heads, kinds);
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    tb_store_scope ss = store_scope(sc, sc->month);
    if (tb_store_list(s, &ss, list_kind(k), q, list_row, &c, total) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    if (!sc->with_names)
        tb_table_subtitle(c.t, "Nama, NIK, nama ibu, alamat dan telepon hanya tampil untuk peran"
                               " yang membutuhkannya (UU PDP 27/2022).");
    *out = c.t;
    return 0;
}

static int kualitas_row(void *ctx, const tb_kualitas_row *q)
{
    tb_table *t = ctx;
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, q->label);
    for (int c = 1; c < 11; c++) {
        double v = q->v[c - 1];
        if (isnan(v))
            continue;
        if (c == 3 || c == 4) /* variances -> SD */
            v = sqrt(v > 0 ? v : 0);
        tb_table_set_num(t, r, c, v);
    }
    return 0;
}

/* The data-quality scorecard, grouped by posyandu or by the cadre who measured. */
static int report_kualitas(tb_store *s, const tb_report_scope *sc, const char *title,
                           bool per_kader, tb_table **out)
{
    static const char *const keys[] = {"kelompok",         "n",
                                       "ditandai_pct",     "sd_z_tbu",
                                       "sd_z_bbu",         "digit_bb_pct",
                                       "digit_tb_pct",     "tgl_lahir_1_15_pct",
                                       "tb_kosong_pct",    "cara_ukur_salah_pct",
                                       "perubahan_janggal"};
    const char *heads[] = {per_kader ? "Kader - posyandu" : "Posyandu",
                           "Pengukuran",
                           "Z ditandai (%)",
                           "SD z TB/U",
                           "SD z BB/U",
                           "BB berakhir ,0/,5 (%)",
                           "TB berakhir ,0/,5 (%)",
                           "Lahir tgl 1/15 (%)",
                           "TB kosong (%)",
                           "Cara ukur tak sesuai umur (%)",
                           "Perubahan janggal"};
    static const tb_col_kind kinds[] = {
        TB_COL_TEXT,    TB_COL_INT,     TB_COL_PERCENT, TB_COL_DEC2,    TB_COL_DEC2, TB_COL_PERCENT,
        TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_INT};
    tb_table *t = tb_table_new(title, 11, keys, (const char *const *)heads, kinds);
    if (!t)
        return tb_store_fail(s, "out of memory");
    tb_store_scope ss = store_scope(sc, sc->month);
    if (tb_store_kualitas(s, &ss, per_kader, kualitas_row, t) < 0) {
        tb_table_free(t);
        return -1;
    }
    tb_table_subtitle(t, "Cara WHO: SD z-score yang wajar 0,8-1,2; digit akhir ,0/,5 wajar sekitar"
                         " 20%; tanggal lahir 1/15 wajar sekitar 7%. Angka di luar itu patut"
                         " diperiksa bersama kader.");
    *out = t;
    return 0;
}

/* What the survey rows of the reconciliation need: the table and this month's figures. */
typedef struct {
    tb_table *t;
    double S, found, measured;
} rekon_ctx;

static int rekonsiliasi_row(void *ctx, const char *survei, int tahun, double prev)
{
    rekon_ctx *c = ctx;
    tb_table *t = c->t;
    long r = tb_table_add_row(t);
    double expected = round(prev / 100.0 * c->S);
    tb_table_set_text(t, r, 0, survei);
    tb_table_set_num(t, r, 1, tahun);
    tb_table_set_num(t, r, 2, prev);
    tb_table_set_num(t, r, 3, c->S);
    tb_table_set_num(t, r, 4, expected);
    tb_table_set_num(t, r, 5, c->found);
    tb_table_set_num(t, r, 6, expected > c->found ? expected - c->found : 0);
    tb_table_set_num(t, r, 7, pct(c->measured, c->S));
    return 0;
}

static int report_rekonsiliasi(tb_store *s, const tb_report_scope *sc, const char *title,
                               tb_table **out)
{
    static const char *const keys[] = {
        "survei",           "tahun",           "prevalensi_survei", "S",
        "kasus_diharapkan", "kasus_ditemukan", "selisih",           "cakupan_tb"};
    static const char *const heads[] = {
        "Survei",           "Tahun",           "Prevalensi survei (%)", "Sasaran (S)",
        "Kasus diharapkan", "Kasus ditemukan", "Belum ditemukan",       "Cakupan ukur (%)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_INT, TB_COL_PERCENT, TB_COL_INT,
                                        TB_COL_INT,  TB_COL_INT, TB_COL_INT,     TB_COL_PERCENT};
    rekon_ctx c = {tb_table_new(title, 8, keys, heads, kinds), 0, 0, 0};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    /* S and cases found by name, this month */
    tb_store_scope ss = store_scope(sc, sc->month);
    tb_month_totals m;
    if (tb_store_month_totals(s, &ss, &m) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    c.S = m.S;
    c.found = m.stunting;
    c.measured = m.diukur_tb;
    /* the survey figures of the kabupaten the scope lies in */
    char kab[8] = "";
    if (sc->wilayah && strlen(sc->wilayah) >= 5)
        snprintf(kab, sizeof kab, "%.5s", sc->wilayah);
    if (tb_store_survei_stunting(s, kab, rekonsiliasi_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    tb_table_subtitle(c.t, "Kasus diharapkan = prevalensi survei kabupaten x sasaran balita;"
                           " kasus ditemukan = anak stunting menurut pengukuran bulan ini, by name"
                           " by address.");
    *out = c.t;
    return 0;
}

/* Checks a report's arguments and makes its title; 0, or -1 with the error. */
static int report_start(tb_store *s, tb_report_kind k, const tb_report_scope *sc, char *title,
                        size_t n)
{
    char month[32];
    if (month_ok(sc->month, month, sizeof month))
        return tb_store_fail(s, "bulan '%s' harus berbentuk YYYY-MM", sc->month);
    if (sc->posyandu_id <= 0 && (!sc->wilayah || tb_wilayah_level(sc->wilayah) < 0))
        return tb_store_fail(s, "kode wilayah '%s' tidak sah", sc->wilayah ? sc->wilayah : "");
    if ((unsigned)k >= TB_REPORT_COUNT)
        return tb_store_fail(s, "laporan tidak dikenal");
    char area[200];
    tb_store_scope ss = store_scope(sc, sc->month);
    if (tb_store_scope_name(s, &ss, area, sizeof area) != 1) /* unknown: the code itself */
        snprintf(area, sizeof area, "%s", sc->wilayah ? sc->wilayah : "?");
    snprintf(title, n, "%s - %s, %s", titles[k], area, month);
    return 0;
}

int tb_report_run_list(tb_store *s, tb_report_kind k, const tb_report_scope *sc,
                       const tb_list_query *q, long *total, tb_table **out)
{
    *out = NULL;
    char title[400];
    if (report_start(s, k, sc, title, sizeof title))
        return -1;
    if (!tb_report_is_list(k))
        return tb_store_fail(s, "laporan %s bukan daftar nama", names[k]);
    return report_list(s, k, sc, title, q, total, out);
}

int tb_report_run(tb_store *s, tb_report_kind k, const tb_report_scope *sc, tb_table **out)
{
    *out = NULL;
    char title[400];
    if (report_start(s, k, sc, title, sizeof title))
        return -1;
    switch (k) {
    case TB_REPORT_SKDN:
        return report_skdn(s, sc, title, out);
    case TB_REPORT_SKDN_UMUR:
        return report_skdn_umur(s, sc, title, out);
    case TB_REPORT_PREVALENSI:
        return report_prevalensi(s, sc, title, out);
    case TB_REPORT_TREN:
        return report_tren(s, sc, title, out);
    case TB_REPORT_KUALITAS:
        return report_kualitas(s, sc, title, false, out);
    case TB_REPORT_KUALITAS_KADER:
        return report_kualitas(s, sc, title, true, out);
    case TB_REPORT_REKONSILIASI:
        return report_rekonsiliasi(s, sc, title, out);
    case TB_REPORT_KRS:
        return tb_report_krs(s, sc, title, out);
    case TB_REPORT_KRS_TARGET:
        return tb_report_krs_target(s, sc, title, out);
    case TB_REPORT_KRS_KELUARGA:
        return tb_report_krs_keluarga(s, sc, title, out);
    case TB_REPORT_VERVAL:
        return tb_report_verval(s, sc, title, out);
    case TB_REPORT_TPK:
        return tb_report_tpk(s, sc, title, out);
    case TB_REPORT_STANDAR_PASTI:
        return tb_report_standar_pasti(s, sc, title, out);
    case TB_REPORT_KONVERGENSI:
        return tb_report_konvergensi(s, sc, title, out);
    case TB_REPORT_PWS_KIA:
        return tb_report_pws_kia(s, sc, title, out);
    case TB_REPORT_CATIN:
        return tb_report_catin(s, sc, title, out);
    default:
        return report_list(s, k, sc, title, NULL, NULL, out);
    }
}
