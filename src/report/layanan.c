/*
 * layanan.c - service packages, the convergence scorecard and the timeline
 * text (see layanan.h).
 *
 * Indicators (Tabel 3 of domain reference section 12, read on the data the
 * system holds; the month is the report's, counts run to its last day):
 *   anc4: at least 4 ANC visits in the pregnancy; ttd90: at least 90 TTD
 *   tablets (the pregnancy's record, or the TPK visits' sum); nifas3: at
 *   least 3 nifas visits (only once delivered); konseling4: kelas ibu plus
 *   TPK visits with counselling at least 4; kunjungan_risti: a KEK, anaemic
 *   or risti mother visited by the TPK in the month (only those at risk).
 *   imunisasi: the last TPK record says complete for age (children under
 *   12 months); ditimbang: weighed in the month (posyandu, or a TPK visit
 *   saying so); ukur_tb2: length/height measured at least twice in 12
 *   months (children of 6 months and over); konseling_bulan: a TPK visit
 *   with counselling in the month; kunjungan_gizi: a child whose last
 *   measurement is stunted, underweight or wasted visited in the month;
 *   vit_a: vitamin A in the last 6 months; akta: birth certificate.
 *   skrining: Elsimil screening with a result; catin_3_bulan: screened at
 *   least 3 months before the wedding (when its date is known); ttd_catin;
 *   didampingi: a TPK visit in the last 3 months.
 *   air, jamban: the family's census answer is layak by the active KRS
 *   rule (unknown counts as not received); jkn: the census says PBI or
 *   mandiri, or a TPK visit found or facilitated it.
 */
#include "report/layanan.h"

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "store/krs.h"

static const char *const KODE[TB_LAY_COUNT] = {"anc4",
                                               "ttd90",
                                               "nifas3",
                                               "konseling4",
                                               "kunjungan_risti",
                                               "imunisasi",
                                               "ditimbang",
                                               "ukur_tb2",
                                               "konseling_bulan",
                                               "kunjungan_gizi",
                                               "vit_a",
                                               "akta",
                                               "skrining",
                                               "catin_3_bulan",
                                               "ttd_catin",
                                               "didampingi",
                                               "air",
                                               "jamban",
                                               "jkn"};
static const char *const LABEL[TB_LAY_COUNT] = {
    "Pemeriksaan kehamilan (ANC) minimal 4 kali",
    "Tablet tambah darah minimal 90 tablet",
    "Pemeriksaan nifas minimal 3 kali",
    "Konseling gizi / kelas ibu hamil minimal 4 kali",
    "Ibu hamil KEK/risti dikunjungi bulan ini",
    "Imunisasi dasar lengkap sesuai umur (anak < 12 bulan)",
    "Ditimbang bulan ini",
    "Panjang/tinggi badan diukur minimal 2 kali setahun",
    "Orang tua mendapat konseling gizi bulan ini",
    "Anak gizi kurang/buruk/stunting dikunjungi bulan ini",
    "Vitamin A dalam 6 bulan terakhir",
    "Memiliki akta kelahiran",
    "Skrining kesehatan catin (Elsimil)",
    "Diperiksa minimal 3 bulan sebelum menikah",
    "Mendapat tablet tambah darah (catin)",
    "Didampingi TPK dalam 3 bulan terakhir",
    "Rumah tangga dengan air minum layak",
    "Rumah tangga dengan jamban layak",
    "Memiliki jaminan kesehatan (JKN)"};

static const char *const JENIS[TB_PAKET_NJENIS] = {"bumil", "baduta", "balita", "catin"};
static const char *const JENIS_LABEL[TB_PAKET_NJENIS] = {"Ibu hamil dan nifas", "Anak 0-23 bulan",
                                                         "Anak 24-59 bulan", "Calon pengantin"};

/* The default packages (-1 ends a list). */
static const int DEFAULT[TB_PAKET_NJENIS][12] = {
    {TB_LAY_ANC4, TB_LAY_TTD90, TB_LAY_NIFAS3, TB_LAY_KONSELING4, TB_LAY_KUNJUNGAN_RISTI,
     TB_LAY_AIR, TB_LAY_JAMBAN, TB_LAY_JKN, -1},
    {TB_LAY_IMUNISASI, TB_LAY_DITIMBANG, TB_LAY_UKUR_TB2, TB_LAY_KONSELING_BULAN,
     TB_LAY_KUNJUNGAN_GIZI, TB_LAY_AIR, TB_LAY_JAMBAN, TB_LAY_JKN, TB_LAY_AKTA, -1},
    {TB_LAY_DITIMBANG, TB_LAY_VIT_A, TB_LAY_KUNJUNGAN_GIZI, TB_LAY_AIR, TB_LAY_JAMBAN, TB_LAY_JKN,
     -1},
    {TB_LAY_SKRINING, TB_LAY_CATIN_3_BULAN, TB_LAY_TTD_CATIN, TB_LAY_DIDAMPINGI, TB_LAY_JKN, -1}};

const char *tb_layanan_kode(int i)
{
    return (unsigned)i < TB_LAY_COUNT ? KODE[i] : "";
}

const char *tb_layanan_label(int i)
{
    return (unsigned)i < TB_LAY_COUNT ? LABEL[i] : "";
}

int tb_paket_jenis(const char *jenis)
{
    if (!jenis)
        return -1;
    if (!strcmp(jenis, "nifas"))
        return TB_PAKET_BUMIL;
    for (int j = 0; j < TB_PAKET_NJENIS; j++)
        if (!strcmp(jenis, JENIS[j]))
            return j;
    return -1;
}

const char *tb_paket_label(int j)
{
    return (unsigned)j < TB_PAKET_NJENIS ? JENIS_LABEL[j] : "";
}

int tb_paket(tb_store *s, int j, int *out, int max)
{
    if ((unsigned)j >= TB_PAKET_NJENIS)
        return 0;
    char key[32], val[512];
    snprintf(key, sizeof key, "paket_%s", JENIS[j]);
    int rc = tb_store_setting_get(s, key, val, sizeof val);
    if (rc < 0)
        return -1;
    int n = 0;
    if (rc == 0) {
        for (int k = 0; DEFAULT[j][k] >= 0 && n < max; k++)
            out[n++] = DEFAULT[j][k];
        return n;
    }
    for (char *save = NULL, *t = strtok_r(val, ", ", &save); t && n < max;
         t = strtok_r(NULL, ", ", &save))
        for (int i = 0; i < TB_LAY_COUNT; i++)
            if (!strcmp(t, KODE[i])) {
                out[n++] = i;
                break;
            }
    return n;
}

static bool in_list(const char *const *l, int n, const char *v)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(l[i], v))
            return true;
    return false;
}

int tb_layanan_nilai(int i, const tb_layanan_fakta *f, const tb_krs_rule *rule)
{
    switch (i) {
    case TB_LAY_ANC4:
        return f->anc >= 4;
    case TB_LAY_TTD90:
        return f->ttd >= 90;
    case TB_LAY_NIFAS3:
        return f->bersalin ? f->nifas >= 3 : -1;
    case TB_LAY_KONSELING4:
        return f->konseling >= 4;
    case TB_LAY_KUNJUNGAN_RISTI:
    case TB_LAY_KUNJUNGAN_GIZI:
        return f->risiko ? f->kunjungan_bulan > 0 : -1;
    case TB_LAY_IMUNISASI:
        return f->umur_bulan >= 0 && f->umur_bulan < 12 ? f->imunisasi : -1;
    case TB_LAY_DITIMBANG:
        return f->ditimbang;
    case TB_LAY_UKUR_TB2:
        return f->umur_bulan >= 6 ? f->ukur_tb >= 2 : -1;
    case TB_LAY_KONSELING_BULAN:
        return f->konseling_bulan > 0;
    case TB_LAY_VIT_A:
        return f->umur_bulan >= 6 || f->umur_bulan < 0 ? f->vit_a : -1;
    case TB_LAY_AKTA:
        return f->akta;
    case TB_LAY_SKRINING:
        return f->skrining;
    case TB_LAY_CATIN_3_BULAN:
        return f->ada_rencana ? f->tiga_bulan : -1;
    case TB_LAY_TTD_CATIN:
        return f->ttd_catin;
    case TB_LAY_DIDAMPINGI:
        return f->kunjungan_bulan > 0;
    case TB_LAY_AIR:
        return f->sumber_air[0] && in_list(rule->air_layak, rule->nair, f->sumber_air);
    case TB_LAY_JAMBAN:
        return f->jamban[0] && in_list(rule->jamban_layak, rule->njamban, f->jamban);
    case TB_LAY_JKN:
        return f->jkn_tpk || !strcmp(f->jkn, "pbi") || !strcmp(f->jkn, "mandiri");
    default:
        return -1;
    }
}

/* Appends printf text to out[n] at *at. */
static void add(char *out, size_t n, size_t *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add(char *out, size_t n, size_t *at, const char *fmt, ...)
{
    if (*at >= n)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(out + *at, n - *at, fmt, ap);
    va_end(ap);
    if (k > 0)
        *at = *at + (size_t)k < n ? *at + (size_t)k : n;
}

static bool set(const char *v)
{
    return v && *v;
}

/* A number with a decimal comma ("8,2"). */
static void dec(const char *v, char out[24])
{
    snprintf(out, 24, "%.1f", atof(v));
    char *c = strchr(out, '.');
    if (c)
        *c = ',';
}

/* The services a TPK visit's data JSON records. */
static void tpk_data(const char *data, char *out, size_t n, size_t *at)
{
    json_t *j = set(data) ? json_loads(data, 0, NULL) : NULL;
    if (!j)
        return;
    static const char *const yes[][2] = {{"ditimbang", "ditimbang"},
                                         {"mpasi", "MP-ASI"},
                                         {"vit_a", "vitamin A"},
                                         {"mt", "MT"},
                                         {"kek", "KEK"},
                                         {"anemia", "anemia"},
                                         {"tanda_bahaya", "tanda bahaya"}};
    const char *s = json_string_value(json_object_get(j, "asi"));
    if (json_is_true(json_object_get(j, "asi")))
        s = "ya";
    if (s)
        add(out, n, at, "; ASI %s", s);
    if ((s = json_string_value(json_object_get(j, "imunisasi"))))
        add(out, n, at, "; imunisasi %s", s);
    for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++)
        if (json_is_true(json_object_get(j, yes[k][0])))
            add(out, n, at, "; %s", yes[k][1]);
    json_t *t = json_object_get(j, "ttd");
    if (json_is_integer(t))
        add(out, n, at, "; TTD %lld tablet", (long long)json_integer_value(t));
    if (json_is_integer((t = json_object_get(j, "anc"))))
        add(out, n, at, "; ANC ke-%lld", (long long)json_integer_value(t));
    if (json_is_integer((t = json_object_get(j, "kf"))))
        add(out, n, at, "; KF %lld", (long long)json_integer_value(t));
    if ((s = json_string_value(json_object_get(j, "kb"))))
        add(out, n, at, "; KB %s", s);
    if ((s = json_string_value(json_object_get(j, "hasil_skrining"))))
        add(out, n, at, "; skrining %s", s);
    json_decref(j);
}

void tb_layanan_teks(const tb_layanan_event *e, char *out, size_t n)
{
    const char *const *x = e->x;
    const char *src = e->sumber ? e->sumber : "";
    size_t at = 0;
    char a[24], b[24];
    out[0] = 0;
    if (!strcmp(src, "posyandu")) {
        add(out, n, &at, "Posyandu %s:", set(x[5]) ? x[5] : "");
        if (set(x[0]))
            dec(x[0], a), add(out, n, &at, " BB %s kg", a);
        if (set(x[1]))
            dec(x[1], b), add(out, n, &at, " TB %s cm", b);
        if (set(x[2]) && atoi(x[2]))
            add(out, n, &at, "; vitamin A");
        if (set(x[3]) && atof(x[3]) > 0)
            dec(x[3], a), add(out, n, &at, "; PMT %s kg", a);
        if (set(x[6]) && atoi(x[6]))
            add(out, n, &at, "; dirujuk");
    } else if (!strcmp(src, "tpk")) {
        add(out, n, &at, "Kunjungan %s (%s)", set(x[6]) ? x[6] : "TPK", set(x[0]) ? x[0] : "");
        tpk_data(x[1], out, n, &at);
        if (set(x[2]))
            add(out, n, &at, "; konseling: %s", x[2]);
        if (set(x[3]))
            add(out, n, &at, "; rujukan ke %s", x[3]);
        if (set(x[4]))
            add(out, n, &at, "; bansos: %s", x[4]);
        if (set(x[5]))
            add(out, n, &at, "; JKN %s", x[5]);
    } else if (!strcmp(src, "anc")) {
        add(out, n, &at, "ANC kunjungan ke-%s%s%s", set(x[0]) ? x[0] : "?",
            set(x[1]) ? " oleh " : "", set(x[1]) ? x[1] : "");
    } else if (!strcmp(src, "nifas")) {
        add(out, n, &at, "Kunjungan nifas KF%s", set(x[0]) ? x[0] : "?");
    } else if (!strcmp(src, "kehamilan")) {
        add(out, n, &at, "Kehamilan tercatat (HPHT), HPL %s", set(x[0]) ? x[0] : "-");
        if (set(x[1]))
            dec(x[1], a), add(out, n, &at, "; LiLA %s cm", a);
        if (set(x[2]))
            dec(x[2], b), add(out, n, &at, "; Hb %s g/dL", b);
        if (set(x[3]) && atoi(x[3]))
            add(out, n, &at, "; TTD %s tablet", x[3]);
        if (set(x[4]) && atoi(x[4]))
            add(out, n, &at, "; MT");
        if (set(x[5]) && atoi(x[5]))
            add(out, n, &at, "; kelas ibu hamil %s kali", x[5]);
        if (set(x[6]) && atoi(x[6]))
            add(out, n, &at, "; KEK/anemia/risti");
    } else if (!strcmp(src, "persalinan")) {
        add(out, n, &at, "Persalinan%s%s%s%s", set(x[0]) ? " di " : "", set(x[0]) ? x[0] : "",
            set(x[1]) ? ", ditolong " : "", set(x[1]) ? x[1] : "");
        if (set(x[2]))
            add(out, n, &at, "; KB pasca salin %s", x[2]);
    } else if (!strcmp(src, "catin")) {
        add(out, n, &at, "Skrining catin (Elsimil): %s", set(x[0]) ? x[0] : "belum ada hasil");
        if (set(x[1]))
            add(out, n, &at, " (%s)", x[1]);
        if (set(x[2]) && atoi(x[2]))
            add(out, n, &at, "; TTD");
        if (set(x[3]))
            add(out, n, &at, "; rencana menikah %s", x[3]);
    } else if (!strcmp(src, "pendataan")) {
        add(out, n, &at, "Pendataan keluarga %s: air minum %s, jamban %s, JKN %s, bansos %s",
            set(x[4]) ? x[4] : "", set(x[0]) ? x[0] : "tidak diketahui",
            set(x[1]) ? x[1] : "tidak diketahui", set(x[2]) ? x[2] : "tidak diketahui",
            set(x[3]) ? x[3] : "tidak ada");
    } else {
        add(out, n, &at, "%s", src);
    }
}

/* The counts of one desa (or the total). */
typedef struct {
    char kode[16], nama[96];
    long n[2][TB_LAY_COUNT][2]; /* per type (bumil, baduta), indicator: applicable, reached */
    long sasaran[2], lengkap[2];
} desa_count;

typedef struct {
    tb_store *s;
    const tb_krs_rule *rule;
    int paket[2][TB_LAY_COUNT], npaket[2];
    desa_count *d;
    int nd, cap;
    bool oom;
} score_ctx;

static int score_row(void *ctx, const tb_layanan_fakta *f)
{
    score_ctx *c = ctx;
    int j = tb_paket_jenis(f->jenis);
    if (j != TB_PAKET_BUMIL && j != TB_PAKET_BADUTA)
        return 0;
    if (!c->nd || strcmp(c->d[c->nd - 1].kode, f->desa)) {
        if (c->nd == c->cap) {
            int cap = c->cap ? 2 * c->cap : 16;
            desa_count *d = realloc(c->d, (size_t)cap * sizeof *d);
            if (!d) {
                c->oom = true;
                return 1;
            }
            c->d = d;
            c->cap = cap;
        }
        desa_count *d = &c->d[c->nd++];
        memset(d, 0, sizeof *d);
        snprintf(d->kode, sizeof d->kode, "%s", f->desa);
        snprintf(d->nama, sizeof d->nama, "%s", f->desa_nama);
    }
    desa_count *d = &c->d[c->nd - 1];
    bool all = true;
    for (int k = 0; k < c->npaket[j]; k++) {
        int i = c->paket[j][k], v = tb_layanan_nilai(i, f, c->rule);
        if (v < 0)
            continue;
        d->n[j][i][0]++;
        d->n[j][i][1] += v;
        all &= v == 1;
    }
    d->sasaran[j]++;
    d->lengkap[j] += all;
    return 0;
}

int tb_layanan_rule(tb_store *s, tb_krs_rule_data *out)
{
    char why[200] = "";
    int rc = tb_store_krs_rule(s, out, why, sizeof why);
    if (rc == 0)
        tb_krs_rule_default(&out->rule);
    return rc < 0 ? -1 : 0;
}

/* The counts of every desa of wilayah in month into c (c->d owned by the caller). */
static int score_run(tb_store *s, const char *wilayah, const char *month, score_ctx *c,
                     tb_krs_rule_data *rule)
{
    memset(c, 0, sizeof *c);
    c->s = s;
    if (tb_layanan_rule(s, rule) < 0)
        return -1;
    c->rule = &rule->rule;
    for (int j = 0; j < 2; j++)
        if ((c->npaket[j] = tb_paket(s, j, c->paket[j], TB_LAY_COUNT)) < 0)
            return -1;
    if (tb_store_layanan_fakta(s, wilayah, month, false, score_row, c) < 0)
        return -1;
    return c->oom ? tb_store_fail(s, "memori habis") : 0;
}

static const char *const SC_KEYS[] = {"kode",    "desa",     "sasaran", "indikator",
                                      "berlaku", "tercapai", "persen"};
static const char *const SC_HEADS[] = {"Kode",    "Desa",     "Sasaran",     "Indikator",
                                       "Berlaku", "Tercapai", "Tercapai (%)"};
static const tb_col_kind SC_KINDS[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,   TB_COL_TEXT,
                                       TB_COL_INT,  TB_COL_INT,  TB_COL_PERCENT};

static void sc_row(tb_table *t, const desa_count *d, int j, const char *ind, long n, long ya)
{
    long r = tb_table_add_row(t);
    tb_table_set_text(t, r, 0, d->kode);
    tb_table_set_text(t, r, 1, d->nama);
    tb_table_set_text(t, r, 2, tb_paket_label(j));
    tb_table_set_text(t, r, 3, ind);
    tb_table_set_num(t, r, 4, (double)n);
    tb_table_set_num(t, r, 5, (double)ya);
    tb_table_set_num(t, r, 6, n > 0 ? 100.0 * (double)ya / (double)n : NAN);
}

/* The rows of one desa (or the total) into t. */
static void sc_desa(tb_table *t, const score_ctx *c, const desa_count *d)
{
    for (int j = 0; j < 2; j++) {
        for (int k = 0; k < c->npaket[j]; k++) {
            int i = c->paket[j][k];
            sc_row(t, d, j, LABEL[i], d->n[j][i][0], d->n[j][i][1]);
        }
        sc_row(t, d, j, "Paket lengkap (semua indikator yang berlaku)", d->sasaran[j],
               d->lengkap[j]);
    }
}

int tb_report_konvergensi(tb_store *s, const tb_report_scope *sc, const char *title, tb_table **out)
{
    if (sc->posyandu_id > 0 || !sc->wilayah)
        return tb_store_fail(s, "kartu konvergensi dibuat per wilayah (--wilayah), bukan per "
                                "posyandu");
    score_ctx c;
    tb_krs_rule_data rule;
    if (score_run(s, sc->wilayah, sc->month, &c, &rule) < 0) {
        free(c.d);
        return -1;
    }
    tb_table *t = tb_table_new(title, 7, SC_KEYS, SC_HEADS, SC_KINDS);
    if (!t) {
        free(c.d);
        return tb_store_fail(s, "memori habis");
    }
    desa_count tot;
    memset(&tot, 0, sizeof tot);
    snprintf(tot.kode, sizeof tot.kode, "%s", sc->wilayah);
    snprintf(tot.nama, sizeof tot.nama, "Jumlah");
    for (int k = 0; k < c.nd; k++) {
        sc_desa(t, &c, &c.d[k]);
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < TB_LAY_COUNT; i++)
                for (int z = 0; z < 2; z++)
                    tot.n[j][i][z] += c.d[k].n[j][i][z];
            tot.sasaran[j] += c.d[k].sasaran[j];
            tot.lengkap[j] += c.d[k].lengkap[j];
        }
    }
    if (c.nd != 1)
        sc_desa(t, &c, &tot);
    free(c.d);
    tb_table_subtitle(t, "Tabel 3 laporan konvergensi desa: sasaran ibu hamil (termasuk 42 hari"
                         " nifas) dan anak 0-23 bulan pada akhir bulan. Berlaku: sasaran yang"
                         " indikatornya berlaku (mis. nifas sesudah bersalin, kunjungan gizi"
                         " bila berisiko). Paket lengkap: sasaran yang menerima semua indikator"
                         " yang berlaku baginya. Air/jamban yang tidak diketahui dihitung belum.");
    *out = t;
    return 0;
}

/* The order of the low-coverage candidates: lowest percentage first. */
typedef struct {
    int j, i;
    double p;
} low;

static int low_cmp(const void *a, const void *b)
{
    const low *x = a, *y = b;
    return x->p < y->p ? -1 : x->p > y->p ? 1 : (x->j * 100 + x->i) - (y->j * 100 + y->i);
}

int tb_report_layanan_rendah(tb_store *s, const char *wilayah, const char *month, int nrendah,
                             tb_table **out)
{
    score_ctx c;
    tb_krs_rule_data rule;
    if (score_run(s, wilayah, month, &c, &rule) < 0) {
        free(c.d);
        return -1;
    }
    tb_table *t =
        tb_table_new("Layanan dengan cakupan terendah per desa", 7, SC_KEYS, SC_HEADS, SC_KINDS);
    if (!t) {
        free(c.d);
        return tb_store_fail(s, "memori habis");
    }
    for (int k = 0; k < c.nd; k++) {
        low l[2 * TB_LAY_COUNT];
        int nl = 0;
        const desa_count *d = &c.d[k];
        for (int j = 0; j < 2; j++)
            for (int q = 0; q < c.npaket[j]; q++) {
                int i = c.paket[j][q];
                if (d->n[j][i][0] > 0)
                    l[nl++] = (low){j, i, (double)d->n[j][i][1] / (double)d->n[j][i][0]};
            }
        qsort(l, (size_t)nl, sizeof l[0], low_cmp);
        for (int q = 0; q < nl && q < nrendah; q++)
            sc_row(t, d, l[q].j, LABEL[l[q].i], d->n[l[q].j][l[q].i][0], d->n[l[q].j][l[q].i][1]);
    }
    free(c.d);
    tb_table_subtitle(t, "Dari kartu konvergensi desa (Tabel 3): per desa indikator dengan"
                         " persentase sasaran terlayani paling rendah.");
    *out = t;
    return 0;
}

int tb_report_bahan_layanan(tb_store *s, const char *wilayah, const char *month, tb_table *out[4])
{
    memset(out, 0, 4 * sizeof out[0]);
    tb_report_scope sc = {.wilayah = wilayah};
    snprintf(sc.month, sizeof sc.month, "%s", month);
    int rc = tb_report_run(s, TB_REPORT_KRS_TARGET, &sc, &out[0]);
    if (rc == 0)
        rc = tb_report_run(s, TB_REPORT_TPK, &sc, &out[1]);
    if (rc == 0)
        rc = tb_report_run(s, TB_REPORT_STANDAR_PASTI, &sc, &out[2]);
    if (rc == 0)
        rc = tb_report_layanan_rendah(s, wilayah, month, 3, &out[3]);
    if (rc < 0)
        for (int i = 0; i < 4; i++) {
            tb_table_free(out[i]);
            out[i] = NULL;
        }
    return rc;
}
