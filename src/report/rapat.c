/*
 * rapat.c (report) - action lists, budget summary, minutes and indicator
 * checks of the coordination cycle (see rapat.h).
 */
#include "report/rapat.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/render.h"
#include "report/report.h"
#include "store/report.h"

const char *tb_indikator_label(const char *kode)
{
    if (!kode || !*kode)
        return "";
    if (!strcmp(kode, "ds"))
        return "D/S";
    if (!strcmp(kode, "nd"))
        return "N/D";
    if (!strcmp(kode, "stunting"))
        return "Prevalensi stunting";
    return !strcmp(kode, "terukur") ? "Cakupan diukur (TB/U)" : kode;
}

static int nd_row(void *ctx, const tb_sub_counts *r)
{
    double *nd = ctx;
    nd[0] += r->v[3];
    nd[1] += r->v[2];
    return 0;
}

/* The indicator's value (percent) in scope sc, NAN when its denominator is 0. */
static int indikator_nilai(tb_store *s, const char *ind, const tb_store_scope *sc, double *v)
{
    *v = NAN;
    if (!strcmp(ind, "nd")) {
        double nd[2] = {0, 0};
        if (tb_store_skdn(s, sc, nd_row, nd) < 0)
            return -1;
        if (nd[1] > 0)
            *v = 100.0 * nd[0] / nd[1];
        return 0;
    }
    tb_month_totals m;
    if (tb_store_month_totals(s, sc, &m) < 0)
        return -1;
    double a = !strcmp(ind, "ds") ? m.D : !strcmp(ind, "stunting") ? m.stunting : m.diukur_tb;
    double b = !strcmp(ind, "stunting") ? m.diukur_tb : m.S;
    if (b > 0)
        *v = 100.0 * a / b;
    return 0;
}

int tb_rapat_capaian(tb_store *s, const tb_tindakan *t, const char *this_month, tb_capaian *out)
{
    memset(out, 0, sizeof *out);
    out->nilai = NAN;
    if (!t->indikator || !*t->indikator || !t->target_bulan || !t->indikator_wilayah)
        return 0;
    const char *m = strcmp(t->target_bulan, this_month) < 0 ? t->target_bulan : this_month;
    snprintf(out->bulan, sizeof out->bulan, "%.7s", m);
    tb_store_scope sc = {t->indikator_wilayah, 0, out->bulan};
    if (indikator_nilai(s, t->indikator, &sc, &out->nilai) < 0)
        return -1;
    bool lower = !strcmp(t->indikator, "stunting");
    if (isnan(out->nilai))
        out->state = TB_CAPAIAN_NO_DATA;
    else if (lower ? out->nilai <= t->target_nilai : out->nilai >= t->target_nilai)
        out->state = TB_CAPAIAN_MET;
    else
        out->state =
            strcmp(t->target_bulan, this_month) < 0 ? TB_CAPAIAN_MISSED : TB_CAPAIAN_NOT_YET;
    static const char *const word[] = {"", "belum ada data", "tercapai", "belum tercapai",
                                       "tidak tercapai"};
    char num[32];
    tb_render_number(num, sizeof num, out->nilai, TB_COL_PERCENT);
    if (isnan(out->nilai))
        snprintf(out->teks, sizeof out->teks, "%s (%s)", word[out->state], out->bulan);
    else
        snprintf(out->teks, sizeof out->teks, "%s (%s): %s", num, out->bulan, word[out->state]);
    return 0;
}

/* The target of an action in words: the indicator's, else the volume. */
static void target_text(const tb_tindakan *t, char *out, size_t n)
{
    if (t->indikator && *t->indikator) {
        char num[32];
        tb_render_number(num, sizeof num, t->target_nilai, TB_COL_PERCENT);
        snprintf(out, n, "%s %s %s %s pada %s", tb_indikator_label(t->indikator),
                 t->indikator_wilayah ? t->indikator_wilayah : "",
                 !strcmp(t->indikator, "stunting") ? "<=" : ">=", num,
                 t->target_bulan ? t->target_bulan : "");
    } else {
        snprintf(out, n, "%s", t->target_volume ? t->target_volume : "");
    }
}

/* Who is responsible: the person and the institution, as known. */
static void pj_text(const tb_tindakan *t, char *out, size_t n)
{
    const char *who = t->pj_nama && *t->pj_nama ? t->pj_nama : NULL;
    const char *org = t->pj_lembaga_nama ? t->pj_lembaga_nama : NULL;
    if (who && org)
        snprintf(out, n, "%s (%s)", who, org);
    else
        snprintf(out, n, "%s",
                 who                   ? who
                 : org                 ? org
                 : t->penanggung_jawab ? t->penanggung_jawab
                                       : "");
}

typedef struct {
    tb_store *s;
    tb_table *t;
    const char *month;
    int err;
    long rapat; /* the meeting the list is carried to, or 0 */
} tl_ctx;

static int tl_row(void *ctx, const tb_tindakan *a)
{
    tl_ctx *c = ctx;
    tb_table *t = c->t;
    long r = tb_table_add_row(t);
    if (r < 0)
        return -1;
    char buf[400];
    tb_table_set_num(t, r, 0, (double)a->id);
    tb_table_set_text(t, r, 1, a->rapat_judul);
    tb_table_set_text(t, r, 2, a->rapat_tanggal);
    tb_table_set_text(t, r, 3, a->wilayah_nama ? a->wilayah_nama : a->wilayah);
    tb_table_set_text(t, r, 4, a->masalah);
    tb_table_set_text(t, r, 5, a->uraian);
    tb_table_set_text(t, r, 6, a->pelaksana_nama ? a->pelaksana_nama : a->pelaksana);
    pj_text(a, buf, sizeof buf);
    tb_table_set_text(t, r, 7, buf);
    tb_table_set_text(t, r, 8, a->sumber_anggaran);
    tb_table_set_num(t, r, 9, a->anggaran);
    tb_table_set_text(t, r, 10, a->tenggat);
    tb_table_set_text(t, r, 11, tb_tindakan_status_label(a->status));
    tb_table_set_text(t, r, 12, a->terakhir_ditinjau);
    tb_table_set_text(t, r, 13, tb_indikator_label(a->indikator));
    target_text(a, buf, sizeof buf);
    tb_table_set_text(t, r, 14, buf);
    tb_capaian cp;
    if (tb_rapat_capaian(c->s, a, c->month, &cp) < 0) {
        c->err = 1;
        return -1;
    }
    tb_table_set_text(t, r, 15, cp.teks);
    if (c->rapat > 0) /* carried over: reviewed at that meeting */
        snprintf(buf, sizeof buf, "/tindakan/%ld?rapat=%ld", a->id, c->rapat);
    else
        snprintf(buf, sizeof buf, "/tindakan/%ld", a->id);
    tb_table_set_link(t, r, buf);
    return 0;
}

/* A new action table titled title. */
static tb_table *tl_table(const char *title)
{
    static const char *const keys[] = {
        "id",       "rapat",     "tanggal_rapat",     "wilayah",         "masalah",
        "tindakan", "pelaksana", "penanggung_jawab",  "sumber_anggaran", "anggaran",
        "tenggat",  "status",    "terakhir_ditinjau", "indikator",       "target",
        "capaian"};
    static const char *const heads[] = {
        "No.",      "Rapat",     "Tanggal rapat",     "Wilayah",         "Masalah",
        "Tindakan", "Pelaksana", "Penanggung jawab",  "Sumber anggaran", "Anggaran (Rp)",
        "Tenggat",  "Status",    "Terakhir ditinjau", "Indikator",       "Target",
        "Capaian"};
    static const tb_col_kind kinds[] = {TB_COL_INT,  TB_COL_TEXT, TB_COL_DATE, TB_COL_TEXT,
                                        TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_TEXT, TB_COL_INT,  TB_COL_DATE, TB_COL_TEXT,
                                        TB_COL_DATE, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT};
    return tb_table_new(title, 16, keys, heads, kinds);
}

int tb_report_tindak_lanjut(tb_store *s, const tb_tindakan_filter *f, const char *this_month,
                            tb_table **out)
{
    const char *st = f->status ? f->status : "all";
    char title[160];
    snprintf(title, sizeof title, "Tindak lanjut rapat%s%s%s",
             !strcmp(st, "open")      ? " yang masih terbuka"
             : !strcmp(st, "overdue") ? " yang lewat tenggat"
             : !strcmp(st, "closed")  ? " yang selesai"
                                      : "",
             f->wilayah ? ", wilayah " : "", f->wilayah ? f->wilayah : "");
    tl_ctx c = {s, tl_table(title), this_month, 0, f->carry_rapat_id};
    if (!c.t)
        return tb_store_fail(s, "memori habis");
    if (tb_store_tindakan_each(s, f, tl_row, &c) < 0 || c.err) {
        tb_table_free(c.t);
        return -1;
    }
    *out = c.t;
    return 0;
}

#define NSUMBER 8
typedef struct {
    char nama[NSUMBER][24];
    double n[NSUMBER], rp[NSUMBER];
    int used;
} sumber_ctx;

static int sumber_row(void *ctx, const tb_tindakan *a)
{
    sumber_ctx *c = ctx;
    const char *nm = a->sumber_anggaran && *a->sumber_anggaran ? a->sumber_anggaran : "(tanpa)";
    int i = 0;
    while (i < c->used && strcmp(c->nama[i], nm))
        i++;
    if (i == c->used && c->used == NSUMBER) {
        i = NSUMBER - 1; /* the last slot collects the rest */
    } else if (i == c->used) {
        snprintf(c->nama[i], sizeof c->nama[i], "%s", nm);
        c->used++;
    }
    c->n[i] += 1;
    if (!isnan(a->anggaran))
        c->rp[i] += a->anggaran;
    return 0;
}

int tb_report_tindak_lanjut_anggaran(tb_store *s, const tb_tindakan_filter *f, tb_table **out)
{
    static const char *const keys[] = {"sumber_anggaran", "jumlah", "anggaran"};
    static const char *const heads[] = {"Sumber anggaran", "Jumlah tindakan", "Anggaran (Rp)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_INT, TB_COL_INT};
    sumber_ctx c;
    memset(&c, 0, sizeof c);
    if (tb_store_tindakan_each(s, f, sumber_row, &c) < 0)
        return -1;
    tb_table *t = tb_table_new("Tindak lanjut menurut sumber anggaran", 3, keys, heads, kinds);
    if (!t)
        return tb_store_fail(s, "memori habis");
    double tn = 0, trp = 0;
    for (int i = 0; i < c.used; i++) {
        long r = tb_table_add_row(t);
        tb_table_set_text(t, r, 0, c.nama[i]);
        tb_table_set_num(t, r, 1, c.n[i]);
        tb_table_set_num(t, r, 2, c.rp[i]);
        tn += c.n[i];
        trp += c.rp[i];
    }
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "Jumlah");
    tb_table_set_num(t, r, 1, tn);
    tb_table_set_num(t, r, 2, trp);
    *out = t;
    return 0;
}

/* Appends a "Hal | Isi" row to the meeting table. */
static void info_row(tb_table *t, const char *hal, const char *isi)
{
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, hal);
    tb_table_set_text(t, r, 1, isi);
}

static tb_table *notulen_info(const tb_rapat *m)
{
    static const char *const keys[] = {"hal", "isi"};
    static const char *const heads[] = {"Hal", "Isi"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT};
    char title[300];
    snprintf(title, sizeof title, "Notulen: %s", m->judul);
    tb_table *t = tb_table_new(title, 2, keys, heads, kinds);
    if (!t)
        return NULL;
    info_row(t, "Jenis rapat", m->jenis_nama);
    info_row(t, "Tanggal", m->tanggal);
    info_row(t, "Tempat", m->tempat);
    info_row(t, "Wilayah", m->wilayah_nama);
    if (m->tahap)
        info_row(t, "Tahap", tb_rapat_tahap_label(m->tahap));
    info_row(t, "Agenda", m->agenda);
    info_row(t, "Notulen", m->notulen);
    return t;
}

static int hadir_row(void *ctx, const tb_peserta *p)
{
    tb_table *t = ctx;
    long r = tb_table_add_row(t);
    tb_table_set_num(t, r, 0, (double)t->nrows);
    tb_table_set_text(t, r, 1, p->nama);
    tb_table_set_text(t, r, 2, p->jabatan);
    tb_table_set_text(t, r, 3, p->instansi);
    return 0;
}

static int keputusan_row(void *ctx, const tb_keputusan *k)
{
    tb_table *t = ctx;
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, !strcmp(k->jenis, "komitmen") ? "Komitmen" : "Keputusan");
    tb_table_set_text(t, r, 1, k->uraian);
    tb_table_set_text(t, r, 2, k->pihak);
    return 0;
}

static int masalah_row(void *ctx, const tb_masalah *m)
{
    tb_table *t = ctx;
    long r = tb_table_add_row(t);
    char where[300];
    snprintf(where, sizeof where, "%s%s%s", m->desa_nama ? m->desa_nama : "",
             m->desa_nama && m->tema ? " - " : "", m->tema ? m->tema : "");
    tb_table_set_num(t, r, 0, (double)t->nrows);
    tb_table_set_text(t, r, 1, m->uraian);
    tb_table_set_text(t, r, 2, where);
    tb_table_set_text(t, r, 3, m->rekomendasi);
    tb_table_set_text(t, r, 4, m->naik_ke);
    tb_table_set_text(t, r, 5, m->jawaban);
    return 0;
}

/* The participants, decisions and problems tables of meeting id into out. */
static int notulen_lists(tb_store *s, long id, tb_table *out[3])
{
    static const char *const hk[] = {"no", "nama", "jabatan", "instansi", "tanda_tangan"};
    static const char *const hh[] = {"No.", "Nama", "Jabatan", "Instansi", "Tanda tangan"};
    static const tb_col_kind hc[] = {TB_COL_INT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                     TB_COL_TEXT};
    static const char *const kk[] = {"jenis", "uraian", "pihak"};
    static const char *const kh[] = {"Jenis", "Uraian", "Pihak"};
    static const tb_col_kind kc[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT};
    static const char *const mk[] = {"no",          "masalah", "desa_tema",
                                     "rekomendasi", "naik_ke", "jawaban"};
    static const char *const mh[] = {"No.",         "Masalah",      "Desa / tema",
                                     "Rekomendasi", "Dinaikkan ke", "Jawaban"};
    static const tb_col_kind mc[] = {TB_COL_INT,  TB_COL_TEXT, TB_COL_TEXT,
                                     TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT};
    out[0] = tb_table_new("Daftar hadir", 5, hk, hh, hc);
    out[1] = tb_table_new("Keputusan dan komitmen", 3, kk, kh, kc);
    out[2] = tb_table_new("Masalah dan rekomendasi", 6, mk, mh, mc);
    if (!out[0] || !out[1] || !out[2])
        return tb_store_fail(s, "memori habis");
    if (tb_store_peserta_each(s, id, hadir_row, out[0]) < 0 ||
        tb_store_keputusan_each(s, id, keputusan_row, out[1]) < 0 ||
        tb_store_masalah_each(s, id, masalah_row, out[2]) < 0)
        return -1;
    return 0;
}

int tb_report_notulen(tb_store *s, long id, const char *this_month, tb_table *out[6], int *n)
{
    *n = 0;
    tb_rapat *m = malloc(sizeof *m);
    if (!m)
        return tb_store_fail(s, "memori habis");
    int f = tb_store_rapat_get(s, id, m);
    if (f <= 0) {
        free(m);
        return f;
    }
    memset(out, 0, 6 * sizeof out[0]);
    out[0] = notulen_info(m);
    free(m);
    int rc = out[0] ? notulen_lists(s, id, out + 1) : tb_store_fail(s, "memori habis");
    tb_tindakan_filter f1 = {.rapat_id = id, .status = "all"};
    tb_tindakan_filter f2 = {.carry_rapat_id = id, .status = "all"};
    if (rc == 0)
        rc = tb_report_tindak_lanjut(s, &f1, this_month, &out[4]);
    if (rc == 0)
        rc = tb_report_tindak_lanjut(s, &f2, this_month, &out[5]);
    if (rc == 0) {
        free(out[4]->title);
        out[4]->title = strdup("Rencana tindak lanjut");
        free(out[5]->title);
        out[5]->title = strdup("Tindak lanjut rapat sebelumnya yang ditinjau");
    }
    if (rc < 0) {
        for (int i = 0; i < 6; i++)
            tb_table_free(out[i]);
        return -1;
    }
    *n = 6;
    return 1;
}

/* The statement of a berita acara: what met, where and when, who attended. */
static tb_table *berita_info(const tb_rapat *m, long hadir)
{
    static const char *const keys[] = {"hal", "isi"};
    static const char *const heads[] = {"Hal", "Isi"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT};
    char title[400], n[48];
    snprintf(title, sizeof title, "Berita acara rapat: %s", m->judul);
    tb_table *t = tb_table_new(title, 2, keys, heads, kinds);
    if (!t)
        return NULL;
    info_row(t, "Telah dilaksanakan", m->jenis_nama);
    info_row(t, "Pada tanggal", m->tanggal);
    info_row(t, "Bertempat di", m->tempat);
    info_row(t, "Wilayah", m->wilayah_nama);
    info_row(t, "Agenda", m->agenda);
    snprintf(n, sizeof n, "%ld orang (daftar hadir terlampir)", hadir);
    info_row(t, "Dihadiri", n);
    info_row(t, "Hasil",
             "Keputusan, komitmen dan rencana tindak lanjut di bawah ini disepakati"
             " bersama oleh peserta rapat.");
    return t;
}

/* The signatures that make a berita acara: who led the meeting, who took the minutes. */
static tb_table *berita_pengesahan(void)
{
    static const char *const keys[] = {"sebagai", "nama", "tanda_tangan"};
    static const char *const heads[] = {"Sebagai", "Nama", "Tanda tangan"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT};
    tb_table *t = tb_table_new("Pengesahan", 3, keys, heads, kinds);
    if (!t)
        return NULL;
    static const char *const who[] = {"Pimpinan rapat", "Notulis"};
    for (int i = 0; i < 2; i++) {
        long r = tb_table_add_row(t);
        tb_table_set_text(t, r, 0, who[i]);
        tb_table_set_text(t, r, 1, "................................");
        tb_table_set_text(t, r, 2, "................................");
    }
    return t;
}

int tb_report_berita_acara(tb_store *s, long id, const char *this_month, tb_table *out[5], int *n)
{
    tb_table *nt[6];
    int nn = 0;
    *n = 0;
    int f = tb_report_notulen(s, id, this_month, nt, &nn);
    if (f <= 0)
        return f;
    tb_rapat *m = malloc(sizeof *m);
    int g = m ? tb_store_rapat_get(s, id, m) : tb_store_fail(s, "memori habis");
    out[0] = g > 0 ? berita_info(m, (long)nt[1]->nrows) : NULL;
    free(m);
    out[1] = nt[2]; /* decisions and commitments */
    out[2] = nt[4]; /* the actions agreed */
    out[3] = nt[1]; /* attendance, with the signature column */
    out[4] = berita_pengesahan();
    tb_table_free(nt[0]);
    tb_table_free(nt[3]);
    tb_table_free(nt[5]);
    if (!out[0] || !out[4]) {
        for (int i = 0; i < 5; i++)
            tb_table_free(out[i]);
        return g < 0 ? -1 : tb_store_fail(s, "memori habis");
    }
    *n = 5;
    return 1;
}

/* The column of key in t, or -1. */
static int col_of(const tb_table *t, const char *key)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->col_keys[c], key))
            return c;
    return -1;
}

/* The weighing backlog per sub-area, from the SKDN table. */
static tb_table *backlog(const tb_table *skdn)
{
    static const char *const keys[] = {"wilayah", "S", "D", "belum_ditimbang"};
    static const char *const heads[] = {"Wilayah", "Sasaran (S)", "Ditimbang (D)",
                                        "Belum ditimbang (kunjungan rumah)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_INT, TB_COL_INT, TB_COL_INT};
    int cs = col_of(skdn, "S"), cd = col_of(skdn, "D");
    tb_table *t = tb_table_new("Balita belum ditimbang bulan ini", 4, keys, heads, kinds);
    if (!t || cs < 0 || cd < 0)
        return t;
    for (long r = 0; r < skdn->nrows; r++) {
        double S = tb_table_cell(skdn, r, cs).num, D = tb_table_cell(skdn, r, cd).num;
        long row = tb_table_add_row(t);
        tb_table_set_text(t, row, 0, tb_table_cell(skdn, r, 0).text);
        tb_table_set_num(t, row, 1, S);
        tb_table_set_num(t, row, 2, D);
        tb_table_set_num(t, row, 3, S - D);
    }
    return t;
}

/* month (yyyy-mm) moved back by k months into out[8]. */
static void month_back(const char *month, int k, char out[8])
{
    int y = atoi(month), m = atoi(month + 5) - k;
    while (m < 1) {
        m += 12;
        y--;
    }
    char b[24];
    snprintf(b, sizeof b, "%04d-%02d", y, m);
    memcpy(out, b, 7);
    out[7] = '\0';
}

/* Stunting per sub-area over three months (two months ago, last month, this
 * month: the prevalence among those measured) with this month's children
 * stunted by name, from the prevalence tables p[0..2] (oldest first). */
static tb_table *trend_table(tb_table *const p[3], char months[3][8])
{
    static const char *const keys[] = {"wilayah", "bulan_1",  "bulan_2",
                                       "bulan_3", "stunting", "arah"};
    const char *heads[6] = {"Wilayah", months[0], months[1], months[2], "Anak stunting (by name)",
                            "Arah"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT,    TB_COL_PERCENT, TB_COL_PERCENT,
                                        TB_COL_PERCENT, TB_COL_INT,     TB_COL_TEXT};
    tb_table *t =
        tb_table_new("Tren stunting per wilayah (% dari yang diukur)", 6, keys, heads, kinds);
    int cp[3], cn = col_of(p[2], "stunting");
    for (int k = 0; k < 3; k++)
        cp[k] = col_of(p[k], "stunting_pct");
    if (!t || cn < 0 || cp[0] < 0 || cp[1] < 0 || cp[2] < 0)
        return t;
    for (long r = 0; r < p[2]->nrows; r++) {
        const char *w = tb_table_cell(p[2], r, 0).text;
        long row = tb_table_add_row(t);
        tb_table_set_text(t, row, 0, w);
        double v[3];
        for (int k = 0; k < 3; k++) {
            v[k] = NAN;
            for (long j = 0; j < p[k]->nrows; j++) /* the same sub-area in that month */
                if (w && tb_table_cell(p[k], j, 0).text &&
                    !strcmp(w, tb_table_cell(p[k], j, 0).text))
                    v[k] = tb_table_cell(p[k], j, cp[k]).num;
            tb_table_set_num(t, row, 1 + k, v[k]);
        }
        tb_table_set_num(t, row, 4, tb_table_cell(p[2], r, cn).num);
        tb_table_set_text(t, row, 5,
                          isnan(v[0]) || isnan(v[2]) ? "-"
                          : v[2] < v[0] - 0.05       ? "turun"
                          : v[2] > v[0] + 0.05       ? "naik"
                                                     : "tetap");
    }
    return t;
}

int tb_report_bahan_rapat(tb_store *s, const char *wilayah, const char *month, const char *today,
                          tb_table *out[5])
{
    memset(out, 0, 5 * sizeof out[0]);
    tb_report_scope sc = {.wilayah = wilayah};
    snprintf(sc.month, sizeof sc.month, "%s", month);
    char this_month[8];
    snprintf(this_month, sizeof this_month, "%.7s", today);
    tb_tindakan_filter f = {.wilayah = wilayah, .status = "open", .today = today};
    int rc = tb_report_run(s, TB_REPORT_PREVALENSI, &sc, &out[0]);
    if (rc == 0)
        rc = tb_report_run(s, TB_REPORT_SKDN, &sc, &out[1]);
    if (rc == 0 && !(out[2] = backlog(out[1])))
        rc = tb_store_fail(s, "memori habis");
    if (rc == 0)
        rc = tb_report_tindak_lanjut(s, &f, this_month, &out[3]);
    tb_table *p[3] = {NULL, NULL, out[0]};
    char months[3][8];
    month_back(month, 2, months[0]);
    month_back(month, 1, months[1]);
    snprintf(months[2], sizeof months[2], "%s", month);
    for (int k = 0; k < 2 && rc == 0; k++) {
        tb_report_scope pk = sc;
        snprintf(pk.month, sizeof pk.month, "%s", months[k]);
        rc = tb_report_run(s, TB_REPORT_PREVALENSI, &pk, &p[k]);
    }
    if (rc == 0 && !(out[4] = trend_table(p, months)))
        rc = tb_store_fail(s, "memori habis");
    tb_table_free(p[0]);
    tb_table_free(p[1]);
    if (rc < 0)
        for (int i = 0; i < 5; i++) {
            tb_table_free(out[i]);
            out[i] = NULL;
        }
    return rc;
}
