/*
 * report.c - every figure and list, computed from the store (see report.h).
 *
 * Definitions (domain reference 6.1, 6.2, 15):
 *  S  children under five in the month whose posyandu is in the area;
 *  K  of S, those with a Buku KIA/KMS;
 *  D  of S, weighed in the month (the last weighing of the month counts);
 *  N, T, O, B, 2T, BGM  the status of that weighing (lib/kms.c, on write);
 *  prevalence = cases / children with a valid (unflagged) z-score for the
 *  index, always shown with coverage = measured / S.
 * Every query is parameterised; the area is matched by Kemendagri code prefix
 * (a kabupaten code matches all its desa), and split one level down.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "store/internal.h"
#include "store/wilayah.h"

static const char *const names[TB_REPORT_COUNT] = {
    "skdn", "prevalensi",   "tren",     "stunting",     "wasting",       "2t",
    "bgm",  "tidak-diukur", "kualitas", "rekonsiliasi", "kualitas-kader"};
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
    "Kartu mutu data per kader"};

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
           k == TB_REPORT_BGM || k == TB_REPORT_TIDAK_DIUKUR;
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

/* The name of the area in scope, for titles. */
static void scope_label(tb_store *s, const tb_report_scope *sc, char *out, size_t n)
{
    sqlite3_stmt *st;
    if (sc->posyandu_id > 0) {
        st = tb_store_stmt(s, "SELECT 'Posyandu ' || nama FROM posyandu WHERE id = ?1");
        if (st)
            sqlite3_bind_int64(st, 1, sc->posyandu_id);
    } else {
        st = tb_store_stmt(s, "SELECT nama FROM wilayah WHERE kode = ?1");
        if (st)
            sqlite3_bind_text(st, 1, sc->wilayah, -1, SQLITE_TRANSIENT);
    }
    if (st && sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    else
        snprintf(out, n, "%s", sc->wilayah ? sc->wilayah : "?");
}

/*
 * Binds the common parameters: ?1 area code (or '' for a posyandu), ?2 month
 * (yyyy-mm), ?3 the length of the sub-area code (0 = by posyandu), ?4 the
 * posyandu id (0 = by area).
 */
static void bind_scope(sqlite3_stmt *st, const tb_report_scope *sc)
{
    int level = sc->posyandu_id > 0 ? 5 : tb_wilayah_level(sc->wilayah);
    static const int sub_len[] = {0, 5, 8, 13, 0, 0};
    sqlite3_bind_text(st, 1, sc->posyandu_id > 0 ? "" : sc->wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sc->month, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, level >= 1 && level <= 5 ? sub_len[level] : 0);
    sqlite3_bind_int64(st, 4, sc->posyandu_id > 0 ? sc->posyandu_id : 0);
}

/*
 * The children in scope with their sub-area, and each one's last measurement
 * of the month. Shared by SKDN and prevalence: one definition of S and D.
 */
#define SCOPE_CTE                                                                                  \
    "WITH s AS ("                                                                                  \
    " SELECT a.individu_id AS id, a.buku_kia AS k, p.id AS pos, p.desa AS desa,"                   \
    "  CASE WHEN ?3 = 0 THEN 'p' || p.id ELSE substr(p.desa, 1, ?3) END AS sub"                    \
    " FROM posyandu p CROSS JOIN anak a ON a.posyandu_id = p.id"                                   \
    " CROSS JOIN individu i ON i.id = a.individu_id"                                               \
    " WHERE (?4 > 0 AND p.id = ?4 OR ?4 = 0 AND p.desa >= ?1 AND p.desa < ?1 || '/')"              \
    "  AND i.tgl_lahir < date(?2 || '-01', '+1 month')"                                            \
    "  AND i.tgl_lahir >= date(?2 || '-01', '+1 month', '-60 months')),"                           \
    " m AS ("                                                                                      \
    " SELECT g.* FROM pengukuran g JOIN s ON s.id = g.anak_id"                                     \
    " WHERE g.tanggal >= ?2 || '-01' AND g.tanggal < date(?2 || '-01', '+1 month')"                \
    "  AND g.tanggal = (SELECT max(h.tanggal) FROM pengukuran h WHERE h.anak_id = g.anak_id"       \
    "   AND h.tanggal >= ?2 || '-01' AND h.tanggal < date(?2 || '-01', '+1 month')))"

#define SUB_LABEL                                                                                  \
    "COALESCE((SELECT nama FROM wilayah WHERE kode = s.sub),"                                      \
    " (SELECT 'Posyandu ' || nama FROM posyandu WHERE 'p' || id = s.sub), s.sub)"

/* A drill-down link for a sub-area key ("p12" = posyandu 12, else a code). */
static void drill_link(tb_table *t, long row, const char *sub, const char *month)
{
    char href[128];
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

static int report_skdn(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[] = {"wilayah", "S",   "K",   "D",   "N",   "T",     "O",   "B",
                                       "2T",      "BGM", "K_S", "D_S", "N_D", "BGM_D", "2T_D"};
    static const char *const heads[] = {"Wilayah", "S",       "K",       "D",         "N",
                                        "T",       "O",       "B",       "2T",        "BGM",
                                        "K/S (%)", "D/S (%)", "N/D (%)", "BGM/D (%)", "2T/D (%)"};
    static const tb_col_kind kinds[] = {
        TB_COL_TEXT,    TB_COL_INT,     TB_COL_INT,     TB_COL_INT,     TB_COL_INT,
        TB_COL_INT,     TB_COL_INT,     TB_COL_INT,     TB_COL_INT,     TB_COL_INT,
        TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT, TB_COL_PERCENT};
    tb_table *t = tb_table_new(title, 15, keys, heads, kinds);
    if (!t)
        return tb_store_fail(s, "out of memory");
    sqlite3_stmt *st = tb_store_stmt(
        s, SCOPE_CTE " SELECT s.sub, " SUB_LABEL ", count(*), sum(s.k), count(m.id),"
                     " sum(m.naik = 'N'), sum(m.naik = 'T'), sum(m.naik = 'O'), sum(m.naik = 'B'),"
                     " sum(m.t2), sum(m.bgm)"
                     " FROM s LEFT JOIN m ON m.anak_id = s.id AND m.bb IS NOT NULL"
                     " GROUP BY s.sub ORDER BY 2");
    if (!st) {
        tb_table_free(t);
        return -1;
    }
    bind_scope(st, sc);
    double tot[10] = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        long r = tb_table_add_row(t);
        tb_table_set_text(t, r, 0, (const char *)sqlite3_column_text(st, 1));
        drill_link(t, r, (const char *)sqlite3_column_text(st, 0), sc->month);
        for (int c = 0; c < 9; c++) {
            double v = sqlite3_column_double(st, 2 + c);
            tb_table_set_num(t, r, 1 + c, v);
            tot[c] += v;
        }
    }
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "Jumlah");
    for (int c = 0; c < 9; c++)
        tb_table_set_num(t, r, 1 + c, tot[c]);
    for (long i = 0; i < t->nrows; i++) {
        double v[10];
        for (int c = 0; c < 9; c++)
            v[c] = tb_table_cell(t, i, 1 + c).num;
        /* 0 S, 1 K, 2 D, 3 N, 4 T, 5 O, 6 B, 7 2T, 8 BGM */
        tb_table_set_num(t, i, 10, pct(v[1], v[0]));
        tb_table_set_num(t, i, 11, pct(v[2], v[0]));
        tb_table_set_num(t, i, 12, pct(v[3], v[2]));
        tb_table_set_num(t, i, 13, pct(v[8], v[2]));
        tb_table_set_num(t, i, 14, pct(v[7], v[2]));
    }
    tb_table_subtitle(t,
                      "S sasaran balita; K punya Buku KIA; D ditimbang; N naik; T tidak naik;"
                      " O tidak ditimbang bulan lalu; B baru pertama kali ditimbang. D = N+T+O+B.");
    *out = t;
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
    tb_table *t = tb_table_new(title, 14, keys, heads, kinds);
    if (!t)
        return tb_store_fail(s, "out of memory");
    sqlite3_stmt *st = tb_store_stmt(
        s, SCOPE_CTE " SELECT s.sub, " SUB_LABEL ", count(*),"
                     " sum(m.f_tbu = 0), sum(m.f_tbu = 0 AND m.z_tbu < -2),"
                     " sum(m.f_bbtb = 0), sum(m.f_bbtb = 0 AND m.z_bbtb < -2),"
                     " sum(m.f_bbu = 0), sum(m.f_bbu = 0 AND m.z_bbu < -2),"
                     " sum(m.f_bbtb = 0 AND m.z_bbtb > 2)"
                     " FROM s LEFT JOIN m ON m.anak_id = s.id GROUP BY s.sub ORDER BY 2");
    if (!st) {
        tb_table_free(t);
        return -1;
    }
    bind_scope(st, sc);
    double tot[8] = {0};
    while (sqlite3_step(st) == SQLITE_ROW) {
        long r = tb_table_add_row(t);
        tb_table_set_text(t, r, 0, (const char *)sqlite3_column_text(st, 1));
        drill_link(t, r, (const char *)sqlite3_column_text(st, 0), sc->month);
        for (int c = 0; c < 8; c++) {
            double v = sqlite3_column_double(st, 2 + c);
            tot[c] += v;
        }
        /* columns: S, diukur_tb, stunting, diukur_bbtb, wasting, ditimbang, uw, ow */
        double v[8];
        for (int c = 0; c < 8; c++)
            v[c] = sqlite3_column_double(st, 2 + c);
        tb_table_set_num(t, r, 1, v[0]);
        tb_table_set_num(t, r, 2, v[1]);
        tb_table_set_num(t, r, 4, v[2]);
        tb_table_set_num(t, r, 6, v[3]);
        tb_table_set_num(t, r, 7, v[4]);
        tb_table_set_num(t, r, 9, v[5]);
        tb_table_set_num(t, r, 10, v[6]);
        tb_table_set_num(t, r, 12, v[7]);
    }
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, "Jumlah");
    int cols[8] = {1, 2, 4, 6, 7, 9, 10, 12};
    for (int c = 0; c < 8; c++)
        tb_table_set_num(t, r, cols[c], tot[c]);
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
        tb_report_scope one = *sc;
        char m7[32];
        snprintf(m7, sizeof m7, "%04d-%02d", yy % 10000, mm);
        memcpy(one.month, m7, 8);
        sqlite3_stmt *st =
            tb_store_stmt(s, SCOPE_CTE " SELECT count(*), count(m.bb), sum(m.f_tbu = 0),"
                                       " sum(m.f_tbu = 0 AND m.z_tbu < -2), sum(m.f_bbtb = 0),"
                                       " sum(m.f_bbtb = 0 AND m.z_bbtb < -2)"
                                       " FROM s LEFT JOIN m ON m.anak_id = s.id");
        if (!st) {
            tb_table_free(t);
            return -1;
        }
        bind_scope(st, &one);
        if (sqlite3_step(st) != SQLITE_ROW)
            continue;
        long r = tb_table_add_row(t);
        char label[32];
        snprintf(label, sizeof label, "%.3s %d", month_names[mm - 1], yy);
        tb_table_set_text(t, r, 0, label);
        double S = sqlite3_column_double(st, 0), D = sqlite3_column_double(st, 1);
        double dtb = sqlite3_column_double(st, 2), stn = sqlite3_column_double(st, 3);
        double dbt = sqlite3_column_double(st, 4), wst = sqlite3_column_double(st, 5);
        tb_table_set_num(t, r, 1, S);
        tb_table_set_num(t, r, 2, D);
        tb_table_set_num(t, r, 3, pct(D, S));
        tb_table_set_num(t, r, 4, dtb);
        tb_table_set_num(t, r, 5, pct(stn, dtb));
        tb_table_set_num(t, r, 6, pct(wst, dbt));
    }
    *out = t;
    return 0;
}

/* The by-name lists: one SQL condition each on the month's last measurement. */
static int report_list(tb_store *s, tb_report_kind k, const tb_report_scope *sc, const char *title,
                       tb_table **out)
{
    static const char *const keys[] = {
        "id",     "nama",    "nik", "jk", "umur_bulan", "desa",  "posyandu", "ortu",
        "alamat", "tanggal", "bb",  "tb", "z_bbu",      "z_tbu", "z_bbtb",   "status"};
    static const char *const heads[] = {"ID",         "Nama",     "NIK",      "JK",
                                        "Umur (bln)", "Desa",     "Posyandu", "Orang tua",
                                        "Alamat",     "Tgl ukur", "BB (kg)",  "TB/PB (cm)",
                                        "Z BB/U",     "Z TB/U",   "Z BB/TB",  "Status"};
    static const tb_col_kind kinds[] = {TB_COL_INT,  TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_INT,  TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_TEXT, TB_COL_DATE, TB_COL_DEC1, TB_COL_DEC1,
                                        TB_COL_DEC2, TB_COL_DEC2, TB_COL_DEC2, TB_COL_TEXT};
    const char *sql = NULL;
    switch (k) {
    case TB_REPORT_STUNTING:
        sql = SCOPE_CTE " SELECT s.id, m.tanggal, m.bb, m.tb, m.z_bbu, m.z_tbu, m.z_bbtb,"
                        " m.kat_tbu, m.umur_hari FROM s JOIN m ON m.anak_id = s.id"
                        " WHERE m.f_tbu = 0 AND m.z_tbu < -2 ORDER BY m.z_tbu";
        break;
    case TB_REPORT_WASTING:
        sql = SCOPE_CTE " SELECT s.id, m.tanggal, m.bb, m.tb, m.z_bbu, m.z_tbu, m.z_bbtb,"
                        " m.kat_bbtb, m.umur_hari FROM s JOIN m ON m.anak_id = s.id"
                        " WHERE m.f_bbtb = 0 AND m.z_bbtb < -2 ORDER BY m.z_bbtb";
        break;
    case TB_REPORT_2T:
        sql = SCOPE_CTE " SELECT s.id, m.tanggal, m.bb, m.tb, m.z_bbu, m.z_tbu, m.z_bbtb,"
                        " '2T', m.umur_hari FROM s JOIN m ON m.anak_id = s.id WHERE m.t2 = 1"
                        " ORDER BY s.sub";
        break;
    case TB_REPORT_BGM:
        sql = SCOPE_CTE " SELECT s.id, m.tanggal, m.bb, m.tb, m.z_bbu, m.z_tbu, m.z_bbtb,"
                        " 'BGM', m.umur_hari FROM s JOIN m ON m.anak_id = s.id WHERE m.bgm = 1"
                        " ORDER BY m.z_bbu";
        break;
    default: /* not measured this month: last measurement ever, if any */
        sql = SCOPE_CTE " SELECT s.id, (SELECT max(tanggal) FROM pengukuran WHERE anak_id = s.id),"
                        " NULL, NULL, NULL, NULL, NULL, 'belum diukur', NULL"
                        " FROM s WHERE NOT EXISTS (SELECT 1 FROM m WHERE m.anak_id = s.id)"
                        " ORDER BY s.sub";
        break;
    }
    tb_table *t = tb_table_new(title, 16, keys, heads, kinds);
    if (!t)
        return tb_store_fail(s, "out of memory");
    sqlite3_stmt *st = tb_store_stmt(s, sql);
    if (!st) {
        tb_table_free(t);
        return -1;
    }
    bind_scope(st, sc);
    while (sqlite3_step(st) == SQLITE_ROW) {
        long id = sqlite3_column_int64(st, 0);
        long r = tb_table_add_row(t);
        tb_table_set_num(t, r, 0, (double)id);
        char href[64];
        snprintf(href, sizeof href, "/anak/%ld", id);
        tb_table_set_link(t, r, href);
        tb_table_set_text(t, r, 9, (const char *)sqlite3_column_text(st, 1));
        for (int c = 0; c < 5; c++)
            if (sqlite3_column_type(st, 2 + c) != SQLITE_NULL)
                tb_table_set_num(t, r, 10 + c, sqlite3_column_double(st, 2 + c));
        tb_table_set_text(t, r, 15, (const char *)sqlite3_column_text(st, 7));
        if (sqlite3_column_type(st, 8) != SQLITE_NULL)
            tb_table_set_num(t, r, 4, floor(sqlite3_column_int(st, 8) / 30.4375));
        /* identity and place: a second, parameterised lookup per child */
        sqlite3_stmt *q = tb_store_stmt(
            s, "SELECT i.nama, i.nik, i.jk, w.nama, p.nama, a.nama_ortu,"
               " trim(COALESCE(i.alamat, '') || ' RT ' || COALESCE(i.rt, '-') || '/RW ' ||"
               " COALESCE(i.rw, '-')), i.tgl_lahir, ?2"
               " FROM individu i JOIN anak a ON a.individu_id = i.id"
               " LEFT JOIN posyandu p ON p.id = a.posyandu_id"
               " LEFT JOIN wilayah w ON w.kode = p.desa WHERE i.id = ?1");
        if (!q) {
            tb_table_free(t);
            return -1;
        }
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_text(q, 2, sc->month, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(q) == SQLITE_ROW) {
            if (sc->with_names) {
                tb_table_set_text(t, r, 1, (const char *)sqlite3_column_text(q, 0));
                tb_table_set_text(t, r, 2, (const char *)sqlite3_column_text(q, 1));
                tb_table_set_text(t, r, 7, (const char *)sqlite3_column_text(q, 5));
                tb_table_set_text(t, r, 8, (const char *)sqlite3_column_text(q, 6));
            }
            int jk = sqlite3_column_int(q, 2);
            tb_table_set_text(t, r, 3, jk == 1 ? "L" : jk == 2 ? "P" : "");
            tb_table_set_text(t, r, 5, (const char *)sqlite3_column_text(q, 3));
            tb_table_set_text(t, r, 6, (const char *)sqlite3_column_text(q, 4));
        }
    }
    if (!sc->with_names)
        tb_table_subtitle(t, "Nama, NIK, orang tua dan alamat hanya tampil untuk peran yang"
                             " membutuhkannya (UU PDP 27/2022).");
    *out = t;
    return 0;
}

/* The data-quality scorecard, grouped by posyandu or by the cadre who measured. */
#define KUALITAS_SQL(LABEL, GROUP)                                                                 \
    "WITH g AS (SELECT g.*, p.nama AS pnama, i.tgl_lahir,"                                         \
    "  COALESCE(g.pengukur, '(tidak tercatat)') || ' - ' || p.nama AS kader,"                      \
    "  (SELECT h.bb FROM pengukuran h WHERE h.anak_id = g.anak_id AND h.tanggal < g.tanggal"       \
    "   ORDER BY h.tanggal DESC LIMIT 1) AS bb_lalu,"                                              \
    "  (SELECT h.tb FROM pengukuran h WHERE h.anak_id = g.anak_id AND h.tanggal < g.tanggal"       \
    "   ORDER BY h.tanggal DESC LIMIT 1) AS tb_lalu"                                               \
    " FROM posyandu p CROSS JOIN pengukuran g ON g.posyandu_id = p.id"                             \
    " CROSS JOIN individu i ON i.id = g.anak_id"                                                   \
    " WHERE (?4 > 0 AND p.id = ?4 OR ?4 = 0 AND p.desa >= ?1 AND p.desa < ?1 || '/')"              \
    "  AND g.tanggal >= ?2 || '-01' AND g.tanggal < date(?2 || '-01', '+1 month'))"                \
    " SELECT " LABEL ", count(*),"                                                                 \
    "  100.0 * sum(f_bbu = 1 OR f_tbu = 1 OR f_bbtb = 1) / count(*),"                              \
    "  avg(CASE WHEN f_tbu = 0 THEN z_tbu * z_tbu END)"                                            \
    "   - avg(CASE WHEN f_tbu = 0 THEN z_tbu END) * avg(CASE WHEN f_tbu = 0 THEN z_tbu END),"      \
    "  avg(CASE WHEN f_bbu = 0 THEN z_bbu * z_bbu END)"                                            \
    "   - avg(CASE WHEN f_bbu = 0 THEN z_bbu END) * avg(CASE WHEN f_bbu = 0 THEN z_bbu END),"      \
    "  100.0 * avg(CASE WHEN bb IS NOT NULL THEN"                                                  \
    "   (CAST(round(bb * 10) AS INTEGER) % 10) IN (0, 5) END),"                                    \
    "  100.0 * avg(CASE WHEN tb IS NOT NULL THEN"                                                  \
    "   (CAST(round(tb * 10) AS INTEGER) % 10) IN (0, 5) END),"                                    \
    "  100.0 * avg(CAST(substr(tgl_lahir, 9, 2) AS INTEGER) IN (1, 15)),"                          \
    "  100.0 * avg(tb IS NULL),"                                                                   \
    "  100.0 * avg(CASE WHEN cara_ukur IS NOT NULL AND umur_hari IS NOT NULL THEN"                 \
    "   (cara_ukur = 'l' AND umur_hari >= 731) OR (cara_ukur = 'h' AND umur_hari < 731) END),"     \
    "  sum(abs(bb - bb_lalu) > 2 OR tb < tb_lalu - 1.5)"                                           \
    " FROM g GROUP BY " GROUP " ORDER BY 3 DESC"

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
    sqlite3_stmt *st = tb_store_stmt(s, per_kader ? KUALITAS_SQL("kader", "kader")
                                                  : KUALITAS_SQL("pnama", "posyandu_id"));
    if (!st) {
        tb_table_free(t);
        return -1;
    }
    bind_scope(st, sc);
    while (sqlite3_step(st) == SQLITE_ROW) {
        long r = tb_table_add_row(t);
        tb_table_set_text(t, r, 0, (const char *)sqlite3_column_text(st, 0));
        for (int c = 1; c < 11; c++) {
            if (sqlite3_column_type(st, c) == SQLITE_NULL)
                continue;
            double v = sqlite3_column_double(st, c);
            if (c == 3 || c == 4) /* variances -> SD */
                v = sqrt(v > 0 ? v : 0);
            tb_table_set_num(t, r, c, v);
        }
    }
    tb_table_subtitle(t, "Cara WHO: SD z-score yang wajar 0,8-1,2; digit akhir ,0/,5 wajar sekitar"
                         " 20%; tanggal lahir 1/15 wajar sekitar 7%. Angka di luar itu patut"
                         " diperiksa bersama kader.");
    *out = t;
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
    tb_table *t = tb_table_new(title, 8, keys, heads, kinds);
    if (!t)
        return tb_store_fail(s, "out of memory");
    /* S and cases found by name, this month */
    sqlite3_stmt *st = tb_store_stmt(
        s, SCOPE_CTE " SELECT count(*), sum(m.f_tbu = 0 AND m.z_tbu < -2), sum(m.f_tbu = 0)"
                     " FROM s LEFT JOIN m ON m.anak_id = s.id");
    if (!st) {
        tb_table_free(t);
        return -1;
    }
    bind_scope(st, sc);
    double S = 0, found = 0, measured = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        S = sqlite3_column_double(st, 0);
        found = sqlite3_column_double(st, 1);
        measured = sqlite3_column_double(st, 2);
    }
    /* the survey figures of the kabupaten the scope lies in */
    char kab[8] = "";
    if (sc->wilayah && strlen(sc->wilayah) >= 5)
        snprintf(kab, sizeof kab, "%.5s", sc->wilayah);
    st = tb_store_stmt(s, "SELECT survei, tahun, stunting FROM survei_prevalensi"
                          " WHERE wilayah = ?1 ORDER BY tahun DESC");
    if (!st) {
        tb_table_free(t);
        return -1;
    }
    sqlite3_bind_text(st, 1, kab, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {
        long r = tb_table_add_row(t);
        double prev = sqlite3_column_double(st, 2);
        double expected = round(prev / 100.0 * S);
        tb_table_set_text(t, r, 0, (const char *)sqlite3_column_text(st, 0));
        tb_table_set_num(t, r, 1, sqlite3_column_double(st, 1));
        tb_table_set_num(t, r, 2, prev);
        tb_table_set_num(t, r, 3, S);
        tb_table_set_num(t, r, 4, expected);
        tb_table_set_num(t, r, 5, found);
        tb_table_set_num(t, r, 6, expected > found ? expected - found : 0);
        tb_table_set_num(t, r, 7, pct(measured, S));
    }
    tb_table_subtitle(t, "Kasus diharapkan = prevalensi survei kabupaten x sasaran balita;"
                         " kasus ditemukan = anak stunting menurut pengukuran bulan ini, by name"
                         " by address.");
    *out = t;
    return 0;
}

int tb_report_run(tb_store *s, tb_report_kind k, const tb_report_scope *sc, tb_table **out)
{
    *out = NULL;
    char month[32];
    if (month_ok(sc->month, month, sizeof month))
        return tb_store_fail(s, "bulan '%s' harus berbentuk YYYY-MM", sc->month);
    if (sc->posyandu_id <= 0 && (!sc->wilayah || tb_wilayah_level(sc->wilayah) < 0))
        return tb_store_fail(s, "kode wilayah '%s' tidak sah", sc->wilayah ? sc->wilayah : "");
    if ((unsigned)k >= TB_REPORT_COUNT)
        return tb_store_fail(s, "laporan tidak dikenal");
    char area[200], title[400];
    scope_label(s, sc, area, sizeof area);
    snprintf(title, sizeof title, "%s - %s, %s", titles[k], area, month);
    switch (k) {
    case TB_REPORT_SKDN:
        return report_skdn(s, sc, title, out);
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
    default:
        return report_list(s, k, sc, title, out);
    }
}
