/*
 * audit_kasus.c (report) - the case audit's semester report (audit_kasus.h).
 */
#include "report/audit_kasus.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/audit_kasus.h"

static const char *const KATEGORI[] = {"catin", "bumil", "nifas", "baduta", "balita"};
enum { NKAT = 5 };

typedef struct {
    tb_store *s;
    tb_table *sum, *cases, *acts;
    double n[NKAT][6]; /* kasus, dikaji+, direkomendasi+, selesai, tindakan, tindakan selesai */
    long cur;          /* the case whose actions are being added */
} build;

static int act_row(void *ctx, long tid, const char *uraian, const char *pj, const char *tenggat,
                   const char *status)
{
    build *b = ctx;
    long r = tb_table_add_row(b->acts);
    if (r < 0)
        return -1;
    char k[32];
    snprintf(k, sizeof k, "Kasus #%ld", b->cur);
    tb_table_set_text(b->acts, r, 0, k);
    tb_table_set_num(b->acts, r, 1, (double)tid);
    tb_table_set_text(b->acts, r, 2, uraian);
    tb_table_set_text(b->acts, r, 3, pj);
    tb_table_set_text(b->acts, r, 4, tenggat);
    tb_table_set_text(b->acts, r, 5,
                      !strcmp(status, "baru")     ? "belum"
                      : !strcmp(status, "proses") ? "berjalan"
                                                  : status);
    return 0;
}

static int case_row(void *ctx, const tb_aks *a)
{
    build *b = ctx;
    int k = 0;
    while (k < NKAT && strcmp(KATEGORI[k], a->kategori))
        k++;
    if (k < NKAT) {
        bool rek = !strcmp(a->status, "direkomendasi") || !strcmp(a->status, "selesai");
        b->n[k][0]++;
        b->n[k][1] += strcmp(a->status, "dipilih") != 0;
        b->n[k][2] += rek;
        b->n[k][3] += !strcmp(a->status, "selesai");
        b->n[k][4] += a->n_tindakan;
        b->n[k][5] += a->n_selesai;
    }
    long r = tb_table_add_row(b->cases);
    if (r < 0)
        return -1;
    char id[32], t[32];
    snprintf(id, sizeof id, "Kasus #%ld", a->id);
    snprintf(t, sizeof t, "%d (%d selesai)", a->n_tindakan, a->n_selesai);
    const char *v[] = {id,           a->kategori,
                       a->desa_nama, a->kriteria,
                       a->temuan,    a->rekomendasi,
                       a->hasil,     a->tgl_diseminasi,
                       a->status,    t};
    for (int c = 0; c < 10; c++)
        tb_table_set_text(b->cases, r, c, v[c]);
    b->cur = a->id;
    return tb_store_aks_tindakan_each(b->s, a->id, act_row, b);
}

int tb_report_aks_semester(tb_store *s, const char *kabupaten, const char *nama,
                           const char *semester, tb_table *out[3])
{
    char label[32], title[200];
    if (!tb_aks_semester_label(semester, label, sizeof label))
        snprintf(label, sizeof label, "%s", semester ? semester : "");
    static const char *const k1[] = {"kategori", "kasus",    "dikaji",          "direkomendasi",
                                     "selesai",  "tindakan", "tindakan_selesai"};
    static const char *const h1[] = {
        "Kategori", "Kasus",         "Sudah dikaji",         "Sudah ada rekomendasi",
        "Selesai",  "Tindak lanjut", "Tindak lanjut selesai"};
    static const tb_col_kind c1[] = {TB_COL_TEXT, TB_COL_INT, TB_COL_INT, TB_COL_INT,
                                     TB_COL_INT,  TB_COL_INT, TB_COL_INT};
    static const char *const k2[] = {"kasus",  "kategori",    "desa",  "kriteria",
                                     "temuan", "rekomendasi", "hasil", "diseminasi",
                                     "status", "tindakan"};
    static const char *const h2[] = {"Kasus",
                                     "Kategori",
                                     "Desa",
                                     "Kriteria pemilihan",
                                     "Temuan tim teknis",
                                     "Rekomendasi tim pakar",
                                     "Hasil",
                                     "Diseminasi",
                                     "Status",
                                     "Tindak lanjut"};
    static const tb_col_kind c2[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                     TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_DATE,
                                     TB_COL_TEXT, TB_COL_TEXT};
    static const char *const k3[] = {"kasus",   "id",    "tindakan", "penanggung_jawab",
                                     "tenggat", "status"};
    static const char *const h3[] = {"Kasus",   "No.",   "Tindak lanjut", "Penanggung jawab",
                                     "Tenggat", "Status"};
    static const tb_col_kind c3[] = {TB_COL_TEXT, TB_COL_INT,  TB_COL_TEXT,
                                     TB_COL_TEXT, TB_COL_DATE, TB_COL_TEXT};
    build b = {.s = s};
    snprintf(title, sizeof title, "Audit kasus stunting %s, %s", nama, label);
    b.sum = tb_table_new(title, 7, k1, h1, c1);
    b.cases = tb_table_new("Kasus, temuan dan rekomendasi", 10, k2, h2, c2);
    b.acts = tb_table_new("Tindak lanjut kasus", 6, k3, h3, c3);
    int rc = b.sum && b.cases && b.acts ? 0 : -1;
    if (!rc)
        rc = tb_store_aks_each(s, kabupaten, NULL, semester, case_row, &b);
    for (int k = 0; !rc && k < NKAT; k++) {
        long r = tb_table_add_row(b.sum);
        tb_table_set_text(b.sum, r, 0, KATEGORI[k]);
        for (int c = 0; c < 6; c++)
            tb_table_set_num(b.sum, r, c + 1, b.n[k][c]);
    }
    if (!rc)
        tb_table_subtitle(b.sum, "Tanpa nama: data pribadi kasus hanya untuk tim audit.");
    out[0] = b.sum;
    out[1] = b.cases;
    out[2] = b.acts;
    if (rc) {
        for (int i = 0; i < 3; i++) {
            tb_table_free(out[i]);
            out[i] = NULL;
        }
    }
    return rc;
}
