/*
 * cakupan.c (report) - coverage against targets, the RAN PASTI evaluation,
 * the lokus ranking and the Master Ansit export (see report/cakupan.h).
 */
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/cakupan.h"

#define DEKAT 10.0 /* points below the target still "mendekati" */

typedef struct {
    tb_cakupan *c;
    int cap;
} wil_ctx;

static int add_wil(void *ctx, const char *kode, int tingkat, const char *nama)
{
    wil_ctx *x = ctx;
    if (x->c->nw == x->cap) {
        int cap = x->cap ? 2 * x->cap : 64;
        tb_cakupan_wil *w = realloc(x->c->w, (size_t)cap * sizeof *w);
        if (!w)
            return -1;
        x->c->w = w;
        x->cap = cap;
    }
    tb_cakupan_wil *w = &x->c->w[x->c->nw++];
    snprintf(w->kode, sizeof w->kode, "%s", kode);
    snprintf(w->nama, sizeof w->nama, "%s", nama ? nama : "");
    w->tingkat = tingkat;
    return 0;
}

static int cmp_wil(const void *a, const void *b)
{
    return strcmp(((const tb_cakupan_wil *)a)->kode, ((const tb_cakupan_wil *)b)->kode);
}

/* The index of area kode in c, or -1. */
static int find_wil(const tb_cakupan *c, const char *kode)
{
    tb_cakupan_wil key;
    snprintf(key.kode, sizeof key.kode, "%s", kode);
    const tb_cakupan_wil *w = bsearch(&key, c->w, (size_t)c->nw, sizeof key, cmp_wil);
    return w ? (int)(w - c->w) : -1;
}

static int find_ind(const tb_cakupan *c, const char *kode)
{
    for (int i = 0; i < c->nind; i++)
        if (!strcmp(c->ind[i].kode, kode))
            return i;
    return -1;
}

/* Adds a value to area kode and every area above it in c (its code's prefixes). */
static void roll_up(tb_cakupan *c, const char *kode, int i, double num, double den)
{
    char k[24];
    snprintf(k, sizeof k, "%s", kode);
    for (;;) {
        int w = find_wil(c, k);
        if (w >= 0) {
            c->num[w * c->nind + i] += num;
            c->den[w * c->nind + i] += den;
        }
        char *dot = strrchr(k, '.');
        if (!dot)
            break;
        *dot = 0;
    }
}

static int add_nilai(void *ctx, const tb_cakupan_nilai *v)
{
    tb_cakupan *c = ctx;
    int i = find_ind(c, v->indikator), w = find_wil(c, v->wilayah);
    if (i < 0 || w < 0)
        return 0;
    size_t cell = (size_t)w * c->nind + i;
    snprintf(c->sumber[cell], sizeof c->sumber[cell], "%s", v->sumber ? v->sumber : "");
    if (strcmp(v->sumber ? v->sumber : "", "Tumbuh")) {
        c->inum[cell] += v->pembilang; /* entered: summed upwards later (sum_entered) */
        c->iden[cell] += v->penyebut;
    } else
        roll_up(c, v->wilayah, i, v->pembilang, v->penyebut);
    return 0;
}

/* The entered values: an area's own value stands, else the sum of its
 * direct sub-areas' values. Children sort after their parent, so walking
 * the areas backwards finishes each child before its parent. */
static void sum_entered(tb_cakupan *c)
{
    for (int w = c->nw - 1; w >= 0; w--) {
        char parent[24];
        snprintf(parent, sizeof parent, "%s", c->w[w].kode);
        char *dot = strrchr(parent, '.');
        int p = dot && w > 0 ? (*dot = 0, find_wil(c, parent)) : -1;
        for (int i = 0; i < c->nind; i++) {
            size_t cell = (size_t)w * c->nind + i;
            if (c->iden[cell] > 0) {
                c->num[cell] = c->inum[cell];
                c->den[cell] = c->iden[cell];
            }
            if (p >= 0 && strcmp(c->ind[i].cara, "hitung")) {
                c->num[(size_t)p * c->nind + i] += c->num[cell];
                c->den[(size_t)p * c->nind + i] += c->den[cell];
            }
        }
    }
}

void tb_cakupan_kabupaten(const char *kode, char *out)
{
    snprintf(out, 24, "%.5s", kode ? kode : "");
}

/* The first day of the period and the day after its last. */
static void period(int tahun, int kuartal, char *dari, char *sampai, char *nama)
{
    if (kuartal >= 1 && kuartal <= 4) {
        snprintf(dari, 24, "%04d-%02d-01", tahun, 3 * kuartal - 2);
        if (kuartal == 4)
            snprintf(sampai, 24, "%04d-01-01", tahun + 1);
        else
            snprintf(sampai, 24, "%04d-%02d-01", tahun, 3 * kuartal + 1);
        snprintf(nama, 24, "%04d-Q%d", tahun, kuartal);
    } else {
        snprintf(dari, 24, "%04d-01-01", tahun);
        snprintf(sampai, 24, "%04d-01-01", tahun + 1);
        snprintf(nama, 24, "%04d", tahun);
    }
}

int tb_cakupan_hitung(tb_store *s, const char *wilayah, int tahun, int kuartal, tb_cakupan *c)
{
    memset(c, 0, sizeof *c);
    c->tahun = tahun;
    c->kuartal = kuartal;
    char kab[24], dari[24], sampai[24], periode[24];
    tb_cakupan_kabupaten(wilayah, kab);
    c->nind = tb_store_indikator_list(s, kab, tahun, c->ind, TB_INDIKATOR_MAX);
    wil_ctx x = {c, 0};
    if (c->nind < 0 || tb_store_cakupan_wilayah_each(s, wilayah, add_wil, &x))
        return -1;
    size_t n = (size_t)(c->nw ? c->nw : 1) * (size_t)(c->nind ? c->nind : 1);
    c->num = calloc(n, sizeof *c->num);
    c->den = calloc(n, sizeof *c->den);
    c->inum = calloc(n, sizeof *c->inum);
    c->iden = calloc(n, sizeof *c->iden);
    c->sumber = calloc(n, sizeof *c->sumber);
    if (!c->num || !c->den || !c->inum || !c->iden || !c->sumber) {
        tb_cakupan_free(c);
        return tb_store_fail(s, "memori habis");
    }
    period(tahun, kuartal, dari, sampai, periode);
    if (tb_store_cakupan_each(s, wilayah, dari, sampai, periode, add_nilai, c)) {
        tb_cakupan_free(c);
        return -1;
    }
    sum_entered(c);
    return 0;
}

void tb_cakupan_free(tb_cakupan *c)
{
    free(c->w);
    free(c->num);
    free(c->den);
    free(c->inum);
    free(c->iden);
    free(c->sumber);
    memset(c, 0, sizeof *c);
}

double tb_cakupan_persen(const tb_cakupan *c, int w, int i)
{
    double den = c->den[w * c->nind + i];
    return den > 0 ? 100.0 * c->num[w * c->nind + i] / den : NAN;
}

double tb_cakupan_target(const tb_cakupan *c, int i)
{
    return isnan(c->ind[i].target_daerah) ? c->ind[i].target_nasional : c->ind[i].target_daerah;
}

double tb_cakupan_celah(const tb_cakupan *c, int w, int i)
{
    double p = tb_cakupan_persen(c, w, i), t = tb_cakupan_target(c, i);
    if (isnan(p) || isnan(t))
        return NAN;
    return strcmp(c->ind[i].arah, "turun") ? t - p : p - t;
}

tb_capai tb_cakupan_status(const tb_cakupan *c, int w, int i)
{
    if (isnan(tb_cakupan_persen(c, w, i)))
        return TB_CAPAI_TANPA_DATA;
    double g = tb_cakupan_celah(c, w, i);
    if (isnan(g))
        return TB_CAPAI_TANPA_TARGET;
    return g <= 1e-9 ? TB_CAPAI_TERCAPAI : g <= DEKAT ? TB_CAPAI_MENDEKATI : TB_CAPAI_RENDAH;
}

const char *tb_capai_teks(tb_capai st)
{
    static const char *const t[] = {"tidak ada data", "tanpa target", "tercapai", "mendekati",
                                    "rendah"};
    return t[st];
}

/* Where the value of indicator i in area w comes from. */
static const char *sumber_of(const tb_cakupan *c, int w, int i)
{
    size_t cell = (size_t)w * c->nind + i;
    if (!(c->den[cell] > 0))
        return "";
    if (!strcmp(c->ind[i].cara, "hitung"))
        return "Tumbuh";
    return c->iden[cell] > 0 ? c->sumber[cell] : "isian wilayah di bawahnya";
}

/* Appends the row of indicator i in area w (status column when with_status). */
static int add_row(tb_table *t, const tb_cakupan *c, int w, int i, int with_status)
{
    long r = tb_table_add_row(t);
    if (r < 0)
        return -1;
    char ind[200];
    snprintf(ind, sizeof ind, "%s %s", c->ind[i].kode, c->ind[i].nama);
    double den = c->den[w * c->nind + i];
    int col = 0;
    tb_table_set_text(t, r, col++, c->w[w].kode);
    tb_table_set_text(t, r, col++, c->w[w].nama);
    tb_table_set_text(t, r, col++, ind);
    tb_table_set_num(t, r, col++, den > 0 ? c->num[w * c->nind + i] : NAN);
    tb_table_set_num(t, r, col++, den > 0 ? den : NAN);
    tb_table_set_num(t, r, col++, tb_cakupan_persen(c, w, i));
    tb_table_set_num(t, r, col++, tb_cakupan_target(c, i));
    if (with_status)
        tb_table_set_text(t, r, col++, tb_capai_teks(tb_cakupan_status(c, w, i)));
    return tb_table_set_text(t, r, col, sumber_of(c, w, i));
}

static const char *const ck_keys[] = {"kode",   "wilayah", "indikator", "pembilang", "penyebut",
                                      "persen", "target",  "status",    "sumber"};
static const char *const ck_names[] = {"Kode",       "Wilayah",  "Indikator",
                                       "Pembilang",  "Penyebut", "Cakupan (%)",
                                       "Target (%)", "Status",   "Sumber"};
static const tb_col_kind ck_kinds[] = {TB_COL_TEXT,    TB_COL_TEXT, TB_COL_TEXT,
                                       TB_COL_INT,     TB_COL_INT,  TB_COL_PERCENT,
                                       TB_COL_PERCENT, TB_COL_TEXT, TB_COL_TEXT};

/* A coverage table (with or without the status column) of the areas of c
 * up to level max_tingkat. */
static int coverage_table(const tb_cakupan *c, const char *title, int with_status, int max_tingkat,
                          tb_table **out)
{
    const char *keys[9], *names[9];
    tb_col_kind kinds[9];
    int n = 0;
    for (int k = 0; k < 9; k++)
        if (with_status || k != 7) {
            keys[n] = ck_keys[k];
            names[n] = ck_names[k];
            kinds[n++] = ck_kinds[k];
        }
    tb_table *t = tb_table_new(title, n, keys, names, kinds);
    if (!t)
        return -1;
    tb_table_subtitle(t, "Target: target kabupaten tahun itu bila ada, selain itu target nasional"
                         " (Lampiran A Perpres 72/2021, RAN PASTI). Sumber Tumbuh: dihitung dari"
                         " catatan Tumbuh; selain itu diisi dari sistem lain.");
    for (int w = 0; w < c->nw; w++)
        for (int i = 0; i < c->nind && c->w[w].tingkat <= max_tingkat; i++)
            if (add_row(t, c, w, i, with_status)) {
                tb_table_free(t);
                return -1;
            }
    *out = t;
    return 0;
}

int tb_report_cakupan(tb_store *s, const char *wilayah, int tahun, tb_table **out)
{
    tb_cakupan c;
    if (tb_cakupan_hitung(s, wilayah, tahun, 0, &c))
        return -1;
    char title[160];
    snprintf(title, sizeof title, "Cakupan intervensi %s, tahun %d", c.nw ? c.w[0].nama : wilayah,
             tahun);
    int rc = coverage_table(&c, title, 0, 4, out);
    tb_cakupan_free(&c);
    return rc;
}

int tb_report_evaluasi(tb_store *s, const char *kabupaten, int tahun, tb_table **out)
{
    tb_cakupan c;
    if (tb_cakupan_hitung(s, kabupaten, tahun, 0, &c))
        return -1;
    char title[160];
    snprintf(title, sizeof title, "Evaluasi RAN PASTI %s, tahun %d: indikator terhadap target",
             c.nw ? c.w[0].nama : kabupaten, tahun);
    int rc = coverage_table(&c, title, 1, 3, out);
    tb_cakupan_free(&c);
    return rc;
}

typedef struct {
    tb_lokus_baris *rows;
    int n, cap;
} lokus_ctx;

/* The mean shortfall below target of desa kode over the indicators with data and a target. */
static double desa_celah(const tb_cakupan *c, const char *kode)
{
    int w = find_wil(c, kode), n = 0;
    double sum = 0;
    for (int i = 0; w >= 0 && i < c->nind; i++) {
        double g = tb_cakupan_celah(c, w, i);
        if (!isnan(g)) {
            sum += g > 0 ? g : 0;
            n++;
        }
    }
    return n ? sum / n : NAN;
}

static int add_desa(void *ctx, const tb_lokus_desa *d)
{
    lokus_ctx *x = ctx;
    if (x->n == x->cap) {
        int cap = x->cap ? 2 * x->cap : 64;
        tb_lokus_baris *r = realloc(x->rows, (size_t)cap * sizeof *r);
        if (!r)
            return -1;
        x->rows = r;
        x->cap = cap;
    }
    tb_lokus_baris *b = &x->rows[x->n++];
    memset(b, 0, sizeof *b);
    b->d = *d;
    b->nilai[TB_LOKUS_STUNTING] = (double)d->stunting;
    b->nilai[TB_LOKUS_PREVALENSI] = d->diukur ? 100.0 * d->stunting / d->diukur : NAN;
    b->nilai[TB_LOKUS_KRS] = (double)d->krs;
    b->nilai[TB_LOKUS_CELAH] = NAN; /* from the coverage, once computed */
    b->nilai[TB_LOKUS_MISKIN] =
        d->desil_tercatat && d->keluarga ? 100.0 * d->miskin / d->keluarga : NAN;
    return 0;
}

/* Normalises component k min-max over the rows with a value. */
static void normalise(tb_lokus_baris *rows, int n, int k)
{
    double lo = INFINITY, hi = -INFINITY;
    for (int r = 0; r < n; r++)
        if (!isnan(rows[r].nilai[k])) {
            lo = fmin(lo, rows[r].nilai[k]);
            hi = fmax(hi, rows[r].nilai[k]);
        }
    for (int r = 0; r < n; r++) {
        double v = rows[r].nilai[k];
        rows[r].norm[k] = isnan(v) || !(hi > lo) ? 0 : (v - lo) / (hi - lo);
    }
}

static int by_score(const void *a, const void *b)
{
    const tb_lokus_baris *x = a, *y = b;
    if (x->skor != y->skor)
        return x->skor > y->skor ? -1 : 1;
    return strcmp(x->d.kode, y->d.kode);
}

/* The desa rows of a ranking, read in a thread on a connection of its own
 * while the coverage is computed on the caller's. */
typedef struct {
    tb_store *s;
    const char *kabupaten;
    char dari[24], sampai[24];
    int tahun, rc;
    lokus_ctx x;
} lokus_job;

static void *lokus_read(void *arg)
{
    lokus_job *j = arg;
    j->rc =
        tb_store_lokus_desa_each(j->s, j->kabupaten, j->dari, j->sampai, j->tahun, add_desa, &j->x);
    return NULL;
}

/* Reads the desa rows into j->x and computes the coverage *c: in two
 * threads when the store allows it and a second connection opens (one after
 * the other they took 120 + 170 ms on the demo district), else in turn. 0, or -1 with the error
 * in s (j->x.rows to free either way). */
static int lokus_data(tb_store *s, const char *kabupaten, int tahun, lokus_job *j, tb_cakupan *c)
{
    char periode[24];
    *j = (lokus_job){.kabupaten = kabupaten, .tahun = tahun};
    period(tahun, 0, j->dari, j->sampai, periode);
    pthread_t t;
    bool apart = tb_store_parallel(s) && tb_store_open_sibling(s, &j->s) == 0;
    if (apart && pthread_create(&t, NULL, lokus_read, j) != 0) {
        tb_store_close(j->s);
        apart = false;
    }
    if (!apart) {
        j->s = s;
        lokus_read(j);
    }
    int rc = tb_cakupan_hitung(s, kabupaten, tahun, 0, c);
    if (apart) {
        pthread_join(t, NULL);
        if (j->rc && !rc)
            tb_store_fail(s, "%s", tb_store_error(j->s));
        tb_store_close(j->s);
    }
    if (rc)
        return -1;
    if (j->rc) {
        tb_cakupan_free(c);
        return -1;
    }
    return 0;
}

int tb_lokus_ranking(tb_store *s, const char *kabupaten, int tahun, tb_lokus_baris **rows, int *n,
                     double *w)
{
    tb_cakupan c;
    lokus_job j;
    *rows = NULL;
    *n = 0;
    if (tb_store_lokus_bobot_get(s, kabupaten, tahun, w) < 0)
        return -1;
    if (lokus_data(s, kabupaten, tahun, &j, &c)) {
        free(j.x.rows);
        return -1;
    }
    lokus_ctx x = j.x;
    for (int r = 0; r < x.n; r++)
        x.rows[r].nilai[TB_LOKUS_CELAH] = desa_celah(&c, x.rows[r].d.kode);
    tb_cakupan_free(&c);
    double wsum = 0;
    for (int k = 0; k < TB_LOKUS_NKOMP; k++) {
        normalise(x.rows, x.n, k);
        wsum += w[k];
    }
    for (int r = 0; r < x.n; r++) {
        double sc = 0;
        for (int k = 0; k < TB_LOKUS_NKOMP; k++)
            sc += w[k] * x.rows[r].norm[k];
        x.rows[r].skor = wsum > 0 ? 100.0 * sc / wsum : 0;
    }
    qsort(x.rows, (size_t)x.n, sizeof *x.rows, by_score);
    for (int r = 0; r < x.n; r++)
        x.rows[r].peringkat = r + 1;
    *rows = x.rows;
    *n = x.n;
    return 0;
}

int tb_report_lokus(tb_store *s, const char *kabupaten, int tahun, tb_table **out)
{
    static const char *const keys[] = {"kode",          "desa",      "kecamatan",  "skor",
                                       "peringkat",     "stunting",  "prevalensi", "krs",
                                       "celah_cakupan", "kemiskinan"};
    static const char *const names[] = {"Kode",
                                        "Desa",
                                        "Kecamatan",
                                        "Skor",
                                        "Peringkat",
                                        "Anak stunting",
                                        "Prevalensi (%)",
                                        "KRS",
                                        "Celah cakupan (poin)",
                                        "Keluarga desil 1-4 (%)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT,   TB_COL_TEXT,    TB_COL_DEC1,
                                        TB_COL_INT,  TB_COL_INT,    TB_COL_PERCENT, TB_COL_INT,
                                        TB_COL_DEC1, TB_COL_PERCENT};
    tb_lokus_baris *rows;
    int n;
    double w[TB_LOKUS_NKOMP];
    if (tb_lokus_ranking(s, kabupaten, tahun, &rows, &n, w))
        return -1;
    char title[160], sub[256];
    snprintf(title, sizeof title, "Peringkat desa calon lokus, tahun %d", tahun);
    snprintf(sub, sizeof sub,
             "Skor 0-100 = jumlah bobot x nilai ternormalisasi (min-maks antar desa) / jumlah"
             " bobot. Bobot: stunting %g, prevalensi %g, KRS %g, celah cakupan %g,"
             " kemiskinan %g.",
             w[0], w[1], w[2], w[3], w[4]);
    tb_table *t = tb_table_new(title, 10, keys, names, kinds);
    if (!t) {
        free(rows);
        return -1;
    }
    tb_table_subtitle(t, sub);
    for (int r = 0; r < n; r++) {
        long row = tb_table_add_row(t);
        if (row < 0)
            break;
        tb_table_set_text(t, row, 0, rows[r].d.kode);
        tb_table_set_text(t, row, 1, rows[r].d.nama);
        tb_table_set_text(t, row, 2, rows[r].d.kecamatan);
        tb_table_set_num(t, row, 3, rows[r].skor);
        tb_table_set_num(t, row, 4, rows[r].peringkat);
        for (int k = 0; k < TB_LOKUS_NKOMP; k++)
            tb_table_set_num(t, row, 5 + k, rows[r].nilai[k]);
    }
    free(rows);
    *out = t;
    return 0;
}

/* The columns of the Master Ansit export: 4 for the desa, 4 per indicator. */
static tb_table *ansit_table(const tb_cakupan *c, const char *title)
{
    int ncols = 4 + 4 * c->nind;
    char **keys = calloc((size_t)ncols, sizeof *keys),
         **names = calloc((size_t)ncols, sizeof *names);
    tb_col_kind *kinds = calloc((size_t)ncols, sizeof *kinds);
    static const char *const head_k[] = {"kode", "desa", "kecamatan", "lokus"};
    static const char *const head_n[] = {"Kode desa", "Desa", "Kecamatan", "Lokus"};
    static const char *const part_k[] = {"target", "sasaran", "capaian", "persen"};
    static const char *const part_n[] = {"target (%)", "sasaran", "capaian", "cakupan (%)"};
    static const tb_col_kind part_kind[] = {TB_COL_PERCENT, TB_COL_INT, TB_COL_INT, TB_COL_PERCENT};
    tb_table *t = NULL;
    int ok = keys && names && kinds;
    for (int k = 0; ok && k < ncols; k++) {
        keys[k] = malloc(200);
        names[k] = malloc(200);
        ok = keys[k] && names[k];
        if (!ok)
            break;
        if (k < 4) {
            snprintf(keys[k], 200, "%s", head_k[k]);
            snprintf(names[k], 200, "%s", head_n[k]);
            kinds[k] = TB_COL_TEXT;
        } else {
            const tb_indikator *ind = &c->ind[(k - 4) / 4];
            snprintf(keys[k], 200, "%s_%s", ind->kode, part_k[(k - 4) % 4]);
            snprintf(names[k], 200, "%s %s", ind->kode, part_n[(k - 4) % 4]);
            kinds[k] = part_kind[(k - 4) % 4];
        }
    }
    if (ok)
        t = tb_table_new(title, ncols, (const char *const *)keys, (const char *const *)names,
                         kinds);
    for (int k = 0; k < ncols && keys && names; k++) {
        free(keys[k]);
        free(names[k]);
    }
    free(keys);
    free(names);
    free(kinds);
    return t;
}

static int ansit_lokus(void *ctx, const tb_lokus_desa *d)
{
    tb_table *t = ctx;
    for (long r = 0; r < t->nrows; r++)
        if (!strcmp(tb_table_cell(t, r, 0).text, d->kode)) {
            tb_table_set_text(t, r, 2, d->kecamatan);
            tb_table_set_text(t, r, 3, d->lokus ? "ya" : "");
        }
    return 0;
}

int tb_report_ansit(tb_store *s, const char *kabupaten, int tahun, tb_table **out)
{
    tb_cakupan c;
    if (tb_cakupan_hitung(s, kabupaten, tahun, 0, &c))
        return -1;
    char title[160];
    snprintf(title, sizeof title, "Target dan cakupan intervensi per desa %s, tahun %d",
             c.nw ? c.w[0].nama : kabupaten, tahun);
    tb_table *t = ansit_table(&c, title);
    for (int w = 0; t && w < c.nw; w++) {
        if (c.w[w].tingkat != 4)
            continue;
        long r = tb_table_add_row(t);
        if (r < 0)
            break;
        tb_table_set_text(t, r, 0, c.w[w].kode);
        tb_table_set_text(t, r, 1, c.w[w].nama);
        for (int i = 0; i < c.nind; i++) {
            double den = c.den[w * c.nind + i];
            tb_table_set_num(t, r, 4 + 4 * i, tb_cakupan_target(&c, i));
            tb_table_set_num(t, r, 5 + 4 * i, den > 0 ? den : NAN);
            tb_table_set_num(t, r, 6 + 4 * i, den > 0 ? c.num[w * c.nind + i] : NAN);
            tb_table_set_num(t, r, 7 + 4 * i, tb_cakupan_persen(&c, w, i));
        }
    }
    tb_cakupan_free(&c);
    char dari[24], sampai[24], periode[24];
    period(tahun, 0, dari, sampai, periode);
    if (!t || tb_store_lokus_desa_each(s, kabupaten, dari, sampai, tahun, ansit_lokus, t)) {
        tb_table_free(t);
        return -1;
    }
    *out = t;
    return 0;
}
