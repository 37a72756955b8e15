/*
 * krs.c (report) - the families-at-risk tables (issue 12): the KRS table per
 * sub-area with its total, the target of assistance against the families
 * accompanied, a desa's families by name, and the verval worklist. The
 * figures come from store/krs.h (definitions there); this file makes the
 * tables: columns, percentages, totals and drill-down links.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/krs.h"
#include "store/layanan.h"
#include "store/krs.h"
#include "store/wilayah.h"
#include "tb_krs.h"

/* 100 a / b, or NAN when b is 0. */
static double pct(double a, double b)
{
    return b > 0 ? 100.0 * a / b : NAN;
}

#define KRS_NOTE                                                                                   \
    "Keluarga sasaran: PUS (istri 15-49 tahun), PUS hamil, punya baduta (0-23 bulan) atau balita"  \
    " (24-59 bulan). KRS: keluarga sasaran dengan air minum tidak layak, jamban tidak layak, atau" \
    " (PUS) 4T: istri di bawah 20 tahun, istri 35-40 tahun, jarak kelahiran di bawah 24 bulan,"    \
    " lebih dari 3 anak (aturan aktif). Status dari putaran pendataan terakhir, atau hasil"        \
    " verval bila dikoreksi. Kolom faktor menghitung KRS yang memiliki faktor itu. persen_krs ="   \
    " krs / keluarga_sasaran x 100. krs_didampingi: KRS yang dikunjungi TPK (keluarga atau"        \
    " anggotanya) sejak 1 Januari sampai akhir bulan laporan."

typedef struct {
    tb_table *t;
    const char *month;
    int level; /* of the scope */
    double tot[TB_KRS_NCOUNTS];
    bool target; /* the target table */
} krs_ctx;

/* The drill-down of a sub-area: its own KRS page (a desa's lists its families). */
static void krs_link(krs_ctx *c, long row, const char *key)
{
    char href[160];
    snprintf(href, sizeof href, "/krs?wilayah=%s&bulan=%s", key, c->month);
    tb_table_set_link(c->t, row, href);
}

/* Fills a KRS row from counts v (kode, wilayah, 9 counts, %, didampingi, %). */
static void krs_fill(tb_table *t, long row, const double *v)
{
    static const int order[] = {TB_KRS_C_KELUARGA, TB_KRS_C_SASARAN, TB_KRS_C_KRS};
    for (int i = 0; i < 3; i++)
        tb_table_set_num(t, row, 2 + i, v[order[i]]);
    tb_table_set_num(t, row, 5, pct(v[TB_KRS_C_KRS], v[TB_KRS_C_SASARAN]));
    for (int i = 0; i < 6; i++)
        tb_table_set_num(t, row, 6 + i, v[TB_KRS_C_AIR + i]);
    tb_table_set_num(t, row, 12, v[TB_KRS_C_DIDAMPINGI]);
    tb_table_set_num(t, row, 13, pct(v[TB_KRS_C_DIDAMPINGI], v[TB_KRS_C_KRS]));
}

/* Fills a target row (kode, wilayah, target, krs, didampingi, % of target, belum). */
static void target_fill(tb_table *t, long row, const double *v)
{
    tb_table_set_num(t, row, 2, v[TB_KRS_C_TARGET]);
    tb_table_set_num(t, row, 3, v[TB_KRS_C_KRS]);
    tb_table_set_num(t, row, 4, v[TB_KRS_C_DIDAMPINGI]);
    tb_table_set_num(t, row, 5, pct(v[TB_KRS_C_DIDAMPINGI], v[TB_KRS_C_TARGET]));
    tb_table_set_num(t, row, 6, v[TB_KRS_C_BELUM]);
}

static int krs_row(void *ctx, const tb_krs_counts *r)
{
    krs_ctx *c = ctx;
    long row = tb_table_add_row(c->t);
    if (row < 0)
        return -1;
    tb_table_set_text(c->t, row, 0, r->key);
    tb_table_set_text(c->t, row, 1, r->label);
    krs_link(c, row, r->key);
    if (c->target)
        target_fill(c->t, row, r->v);
    else
        krs_fill(c->t, row, r->v);
    for (int k = 0; k < TB_KRS_NCOUNTS; k++) {
        double x = r->v[k];
        if (k == TB_KRS_C_TARGET && isnan(x))
            continue;
        c->tot[k] = (isnan(c->tot[k]) ? 0 : c->tot[k]) + (isnan(x) ? 0 : x);
    }
    return 0;
}

static int krs_table(tb_store *s, const tb_report_scope *sc, const char *title, bool target,
                     tb_table **out)
{
    static const char *const keys[] = {
        "kode",          "wilayah",         "keluarga",           "keluarga_sasaran", "krs",
        "persen_krs",    "air_tidak_layak", "jamban_tidak_layak", "terlalu_muda",     "terlalu_tua",
        "terlalu_dekat", "terlalu_banyak",  "krs_didampingi",     "persen_didampingi"};
    static const char *const heads[] = {
        "Kode",          "Wilayah",         "Keluarga",           "Keluarga sasaran", "KRS",
        "KRS (%)",       "Air tidak layak", "Jamban tidak layak", "Terlalu muda",     "Terlalu tua",
        "Terlalu dekat", "Terlalu banyak",  "KRS didampingi",     "Didampingi (%)"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT,    TB_COL_INT, TB_COL_INT,
                                        TB_COL_INT,  TB_COL_PERCENT, TB_COL_INT, TB_COL_INT,
                                        TB_COL_INT,  TB_COL_INT,     TB_COL_INT, TB_COL_INT,
                                        TB_COL_INT,  TB_COL_PERCENT};
    static const char *const tkeys[] = {"kode",
                                        "wilayah",
                                        "target",
                                        "krs",
                                        "krs_didampingi",
                                        "persen_target",
                                        "belum_terkonfirmasi"};
    static const char *const theads[] = {"Kode",
                                         "Wilayah",
                                         "Target pendampingan",
                                         "KRS",
                                         "KRS didampingi",
                                         "Capaian target (%)",
                                         "Verval belum terkonfirmasi"};
    static const tb_col_kind tkinds[] = {TB_COL_TEXT, TB_COL_TEXT,    TB_COL_INT, TB_COL_INT,
                                         TB_COL_INT,  TB_COL_PERCENT, TB_COL_INT};
    if (sc->posyandu_id > 0 || !sc->wilayah)
        return tb_store_fail(s, "laporan KRS dibuat per wilayah (--wilayah KODE), bukan posyandu");
    krs_ctx c = {target ? tb_table_new(title, 7, tkeys, theads, tkinds)
                        : tb_table_new(title, 14, keys, heads, kinds),
                 sc->month,
                 tb_wilayah_level(sc->wilayah),
                 {0},
                 target};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    c.tot[TB_KRS_C_TARGET] = NAN;
    if (tb_store_krs_counts(s, sc->wilayah, sc->month, target, krs_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    long r = tb_table_add_row(c.t);
    tb_table_set_text(c.t, r, 1, "Jumlah");
    if (target)
        target_fill(c.t, r, c.tot);
    else
        krs_fill(c.t, r, c.tot);
    tb_table_subtitle(c.t, target ? "Target: jumlah KRS yang direncanakan didampingi desa tahun"
                                    " ini (ditetapkan TPPS kecamatan atau admin kabupaten)."
                                    " Didampingi: KRS yang dikunjungi TPK sejak 1 Januari."
                                    " Belum terkonfirmasi: keluarga daftar verval yang belum"
                                    " dikonfirmasi atau dikoreksi."
                                  : KRS_NOTE);
    *out = c.t;
    return 0;
}

int tb_report_krs(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    return krs_table(s, sc, title, false, out);
}

int tb_report_krs_target(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    return krs_table(s, sc, title, true, out);
}

/* The sasaran flags of a family as words. */
static void sasaran_text(const tb_krs_family *f, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s%s",
             f->pus_hamil ? "PUS hamil "
             : f->pus     ? "PUS "
                          : "",
             f->baduta ? "baduta " : "", f->balita ? "balita " : "", "");
    size_t l = strlen(buf);
    if (l && buf[l - 1] == ' ')
        buf[l - 1] = 0;
}

typedef struct {
    tb_table *t;
    bool names;
    tb_store *s;
    long tpk; /* > 0: only the families of this TPK member's teams */
} fam_ctx;

/* Is family id outside the TPK member's teams (c->tpk > 0)? */
static bool not_of_team(const fam_ctx *c, long id)
{
    return c->tpk > 0 && tb_store_tpk_user_has(c->s, c->tpk, 0, id) != 1;
}

static int family_row(void *ctx, const tb_krs_family *f)
{
    fam_ctx *c = ctx;
    if (not_of_team(c, f->id))
        return 0;
    long r = tb_table_add_row(c->t);
    if (r < 0)
        return -1;
    char sas[48];
    sasaran_text(f, sas, sizeof sas);
    if (c->names) { /* the family's page (by-name roles) */
        char href[48];
        snprintf(href, sizeof href, "/keluarga/%ld", f->id);
        tb_table_set_link(c->t, r, href);
    }
    int k = 0;
    if (c->names) {
        tb_table_set_text(c->t, r, k++, f->no_kk);
        tb_table_set_text(c->t, r, k++, f->nama);
        tb_table_set_text(c->t, r, k++, f->alamat);
    }
    tb_table_set_text(c->t, r, k++, sas);
    tb_table_set_text(c->t, r, k++, f->krs ? "ya" : "tidak");
    tb_table_set_text(c->t, r, k++, f->faktor);
    tb_table_set_text(c->t, r, k++, f->tpk);
    tb_table_set_text(c->t, r, k++, f->kunjungan);
    tb_table_set_text(c->t, r, k++, f->putaran);
    tb_table_set_text(c->t, r, k, f->verval);
    return 0;
}

int tb_report_krs_keluarga(tb_store *s, const tb_report_scope *sc, const char *title,
                           tb_table **out)
{
    static const char *const keys[] = {"no_kk",   "nama",   "alamat", "sasaran",
                                       "krs",     "faktor", "tpk",    "kunjungan_terakhir",
                                       "putaran", "verval"};
    static const char *const heads[] = {
        "No. KK", "Nama (anggota tertua)", "Alamat",  "Sasaran", "KRS", "Faktor risiko",
        "TPK",    "Kunjungan terakhir",    "Putaran", "Verval"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_DATE,
                                        TB_COL_TEXT, TB_COL_TEXT};
    if (sc->posyandu_id > 0 || !sc->wilayah)
        return tb_store_fail(s, "daftar keluarga KRS dibuat per desa (--wilayah KODE_DESA)");
    int skip = sc->with_names ? 0 : 3; /* no names, no KK, no address */
    fam_ctx c = {tb_table_new(title, 10 - skip, keys + skip, heads + skip, kinds + skip),
                 sc->with_names, s, sc->tpk_pengguna};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    if (tb_wilayah_level(sc->wilayah) < 4) { /* a list per desa: none above */
        tb_table_subtitle(c.t, "Daftar keluarga dibuat per desa: pilih desa di tabel KRS.");
        *out = c.t;
        return 0;
    }
    if (tb_store_krs_families(s, sc->wilayah, sc->month, family_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    tb_table_subtitle(c.t, sc->with_names
                               ? "Keluarga sasaran desa: KRS dulu, yang belum pernah dikunjungi"
                                 " TPK paling atas. TPK: tim yang terakhir berkunjung, atau tim"
                                 " desa."
                               : "Nomor KK, nama dan alamat hanya tampil untuk peran yang"
                                 " membutuhkannya (UU PDP 27/2022).");
    *out = c.t;
    return 0;
}

static int verval_row(void *ctx, const tb_verval_row *v)
{
    fam_ctx *c = ctx;
    if (not_of_team(c, v->id))
        return 0;
    long r = tb_table_add_row(c->t);
    if (r < 0)
        return -1;
    char why[400] = "";
    for (int i = 0; i < TB_VERVAL_NALASAN; i++)
        if (v->alasan & (1u << i))
            snprintf(why + strlen(why), sizeof why - strlen(why), "%s%s", why[0] ? "; " : "",
                     tb_verval_reason(i));
    int k = 0;
    if (c->names) {
        tb_table_set_num(c->t, r, k++, (double)v->id);
        tb_table_set_text(c->t, r, k++, v->no_kk);
        tb_table_set_text(c->t, r, k++, v->nama);
        tb_table_set_text(c->t, r, k++, v->alamat);
    }
    tb_table_set_text(c->t, r, k++, v->putaran);
    tb_table_set_text(c->t, r, k++, v->krs ? "ya" : "tidak");
    tb_table_set_text(c->t, r, k++, why);
    tb_table_set_text(c->t, r, k++, v->keputusan ? v->keputusan : "belum terkonfirmasi");
    tb_table_set_text(c->t, r, k++, v->catatan);
    tb_table_set_text(c->t, r, k++, v->oleh);
    tb_table_set_text(c->t, r, k, v->waktu);
    return 0;
}

int tb_report_verval(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    static const char *const keys[] = {"id",      "no_kk", "nama",          "alamat",
                                       "putaran", "krs",   "alasan_daftar", "status",
                                       "alasan",  "oleh",  "waktu"};
    static const char *const heads[] = {"ID",
                                        "No. KK",
                                        "Nama (anggota tertua)",
                                        "Alamat",
                                        "Putaran",
                                        "KRS",
                                        "Perlu dicek karena",
                                        "Status verval",
                                        "Alasan",
                                        "Oleh",
                                        "Waktu"};
    static const tb_col_kind kinds[] = {TB_COL_INT,  TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT};
    if (sc->posyandu_id > 0 || !sc->wilayah)
        return tb_store_fail(s, "daftar verval dibuat per desa (--wilayah KODE_DESA)");
    bool names = sc->with_names;
    const char *k2[11], *h2[11];
    tb_col_kind kd2[11];
    int n = 0;
    for (int i = 0; i < 11; i++) {
        if (!names && i <= 3) /* no family id, KK, name or address */
            continue;
        k2[n] = keys[i];
        h2[n] = heads[i];
        kd2[n++] = kinds[i];
    }
    fam_ctx c = {tb_table_new(title, n, k2, h2, kd2), names, s, sc->tpk_pengguna};
    if (!c.t)
        return tb_store_fail(s, "out of memory");
    if (tb_wilayah_level(sc->wilayah) < 4) { /* a list per desa: none above */
        tb_table_subtitle(c.t, "Daftar verval dibuat per desa: pilih desa di tabel KRS.");
        *out = c.t;
        return 0;
    }
    if (tb_store_verval_list(s, sc->wilayah, verval_row, &c) < 0) {
        tb_table_free(c.t);
        return -1;
    }
    tb_table_subtitle(c.t, "Keluarga yang status KRS-nya perlu dikonfirmasi: baru, berubah antar"
                           " putaran, atau bertentangan dengan sumber lain. Yang belum"
                           " terkonfirmasi paling atas.");
    *out = c.t;
    return 0;
}
