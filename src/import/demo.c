/*
 * demo.c - generates the demo district (see demo.h).
 *
 * Everything comes from one seeded generator (xoshiro256**), so a seed and
 * an end month give the same district on every machine. Growth: each child
 * has a length-for-age z-score that starts near the desa's level and falls
 * over the first two years (as in Indonesian survey data), and a
 * weight-for-length z-score; the measured length and weight are the WHO
 * values at those z-scores (inverse LMS), with measurement noise and the
 * errors real registers have (decimal slips, missing heights, rounding to
 * whole numbers, length measured standing, birth dates heaped on the 1st
 * and 15th).
 */
#include "import/demo.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/clock.h"
#include "store/tpk.h"
#include "store/demo.h"
#include "store/users.h"
#include "store/wilayah.h"
#include "store/pengukuran.h"
#include "tb_date.h"
#include "tb_growth.h"
#include "tb_match.h"
#include "base/who_tables.h"

/* ---- the generator ---- */

typedef struct {
    uint64_t s[4];
} rng;

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s, out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

static void rng_seed(rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++) { /* splitmix64 */
        uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        r->s[i] = z ^ (z >> 31);
    }
}

static double unif(rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

static int pick(rng *r, int n)
{
    return (int)(unif(r) * n);
}

static double normal(rng *r)
{
    double u = unif(r), v = unif(r);
    return sqrt(-2.0 * log(u + 1e-300)) * cos(6.283185307179586 * v);
}

static int chance(rng *r, double p)
{
    return unif(r) < p;
}

/* ---- names ---- */

static const char *const KECAMATAN[] = {"Sukamaju",   "Karangrejo", "Sumberwangi", "Tegalsari",
                                        "Wonosari",   "Kedungjati", "Banyuurip",   "Sidomulyo",
                                        "Ngadirejo",  "Purwoasri",  "Tanjungsari", "Margomulyo",
                                        "Pandanarum", "Jatiroto",   "Gunungsari",  "Kalibening"};
static const char *const DESA_A[] = {
    "Sumber", "Karang", "Tegal",  "Sido", "Wono", "Kedung", "Banyu", "Ngadi", "Purwo", "Tanjung",
    "Margo",  "Jati",   "Gunung", "Kali", "Rejo", "Mulyo",  "Tirto", "Giri",  "Suko",  "Pandan"};
static const char *const DESA_B[] = {"rejo",   "sari", "mulyo", "harjo", "agung",
                                     "makmur", "asri", "jaya",  "urip",  "wangi",
                                     "kerto",  "arum", "luhur", "dadi",  "tani"};
static const char *const MALE[] = {
    "Ahmad",  "Muhammad", "Budi",   "Agus",  "Rizky", "Dimas", "Fajar",  "Bayu", "Andi",   "Joko",
    "Slamet", "Eko",      "Hendra", "Arif",  "Yusuf", "Rafi",  "Galang", "Bima", "Aditya", "Farhan",
    "Ilham",  "Reza",     "Wahyu",  "Teguh", "Sigit", "Dwi",   "Satria", "Dani"};
static const char *const FEMALE[] = {
    "Siti",    "Sri",    "Dewi",   "Nur",   "Ayu",   "Putri",   "Rina",  "Wulan", "Fitri", "Indah",
    "Lestari", "Aisyah", "Nabila", "Zahra", "Anisa", "Kartika", "Ratna", "Yuni",  "Dian",  "Eka",
    "Novi",    "Laila",  "Citra",  "Intan", "Maya",  "Rahma",   "Tika",  "Umi"};
static const char *const FAMILY[] = {"Pratama",  "Saputra",    "Wijaya",    "Santoso", "Rahayu",
                                     "Hidayat",  "Kurniawan",  "Setiawan",  "Nugroho", "Maharani",
                                     "Permata",  "Handayani",  "Susanti",   "Purnomo", "Wibowo",
                                     "Ramadhan", "Firmansyah", "Anggraini", "Safitri", "Utami"};
static const char *const DUSUN[] = {"Krajan", "Kulon", "Wetan", "Lor", "Kidul", "Tengah"};
static const char *const AIR[] = {"ledeng",
                                  "sumur_terlindungi",
                                  "sumur_bor",
                                  "isi_ulang",
                                  "kemasan",
                                  "sumur_tak_terlindungi",
                                  "mata_air_tak_terlindungi",
                                  "sungai"};
static const char *const OPD[] = {"Dinas Kesehatan",  "DP3AP2KB",         "DPMD",
                                  "Dinas PUPR",       "Dinas Sosial",     "Bappeda",
                                  "Dinas Pendidikan", "Kementerian Agama"};
static const char *const ANGGARAN[] = {"APBDes", "APBD", "DAK", "BOK", "Dana Desa", "CSR"};

#define COUNT(a) ((int)(sizeof(a) / sizeof(a[0])))

static void person_name(rng *r, int jk, char *out, size_t n)
{
    const char *first = jk == 1 ? MALE[pick(r, COUNT(MALE))] : FEMALE[pick(r, COUNT(FEMALE))];
    snprintf(out, n, "%s %s", first, FAMILY[pick(r, COUNT(FAMILY))]);
}

static void iso(long day, char out[11])
{
    long y;
    unsigned m, d;
    tb_date_civil(day, &y, &m, &d);
    snprintf(out, 11, "%04ld-%02u-%02u", y, m, d);
}

/* NIK: region (6 digits), birth date ddmmyy (+40 on the day for women), serial. */
static void make_nik(const char *kec6, long born, int jk, long serial, char out[32])
{
    long y;
    unsigned m, d;
    tb_date_civil(born, &y, &m, &d);
    snprintf(out, 32, "%.6s%02u%02u%02ld%04ld", kec6, d + (jk == 2 ? 40 : 0), m, y % 100,
             serial % 10000);
}

/* ---- the district being built ---- */

typedef struct {
    char kode[32];
    char nama[48];
    char kec6[16];
    int kec;
    double mu_haz; /* the desa's stunting level */
    long posyandu[3];
    int posyandu_day[3];
    double attend[3];     /* attendance rate 0.5-0.9 */
    int heaping[3][2];    /* which of the posyandu's two cadres round numbers */
    char kader[3][2][48]; /* the cadres who measure */
    int nposyandu;
    long first_family, nfamily; /* family ids [first, first + n) */
    long mothers;               /* first mother's individu id (one per family) */
    long tpk;
} desa_t;

typedef struct {
    tb_store *s;
    rng r;
    const tb_demo_options *o;
    long until_day; /* the 28th of the last month */
    long today;     /* no posyandu day after today */
    long first_day; /* the 1st of the first month (24 months) */
    int until_y, until_m;
    long serial;
    desa_t *desa;
    int ndesa, nkec;
    long pengukuran, anak;
    long tpk_anggota; /* the member of the first desa's team the demo tpk user is */
} gen;

#define TRY(x)                                                                                     \
    do {                                                                                           \
        if ((x) < 0)                                                                               \
            return -1;                                                                             \
    } while (0)

static void progress(gen *g, const char *what)
{
    if (g->o->progress)
        fprintf(g->o->progress, "demo: %s\n", what);
}

static int make_wilayah(gen *g, int nkec, int desa_per_kec)
{
    int have = tb_store_wilayah_get(g->s, "35", NULL, 0); /* the list's name stays */
    TRY(have);
    if (!have)
        TRY(tb_store_wilayah_put(g->s, "35", "JAWA TIMUR", NULL));
    TRY(tb_store_wilayah_put(g->s, "35.99", "KABUPATEN SUKAMAJU", NULL));
    int used[COUNT(DESA_A)][COUNT(DESA_B)];
    memset(used, 0, sizeof used);
    g->desa = calloc((size_t)(nkec * (desa_per_kec + 3)), sizeof *g->desa);
    if (!g->desa)
        return tb_store_fail(g->s, "out of memory");
    g->nkec = nkec;
    for (int k = 0; k < nkec; k++) {
        char kode[32], nama[64];
        snprintf(kode, sizeof kode, "35.99.%02d", k + 1);
        snprintf(nama, sizeof nama, "%s", KECAMATAN[k % COUNT(KECAMATAN)]);
        for (char *p = nama; *p; p++)
            *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
        TRY(tb_store_wilayah_put(g->s, kode, nama, NULL));
        char pkm_kode[32], pkm_nama[64];
        snprintf(pkm_kode, sizeof pkm_kode, "P35990%02d01", k + 1);
        snprintf(pkm_nama, sizeof pkm_nama, "Puskesmas %s", KECAMATAN[k % COUNT(KECAMATAN)]);
        long pkm = tb_store_demo_insert(g->s, TB_DEMO_PUSKESMAS, "ttt", pkm_kode, pkm_nama, kode);
        TRY(pkm);
        int nd = desa_per_kec + (g->o->size == TB_DEMO_DISTRICT ? pick(&g->r, 5) - 2 : 0);
        double kec_mu = -1.08 + 0.25 * normal(&g->r);
        for (int j = 0; j < nd; j++) {
            desa_t *d = &g->desa[g->ndesa++];
            int a, b;
            do {
                a = pick(&g->r, COUNT(DESA_A));
                b = pick(&g->r, COUNT(DESA_B));
            } while (used[a][b] || !strncasecmp(DESA_A[a], DESA_B[b], 4));
            used[a][b] = 1;
            snprintf(d->kode, sizeof d->kode, "35.99.%02d.%04d", k + 1, 2001 + j);
            snprintf(d->nama, sizeof d->nama, "%s%s", DESA_A[a], DESA_B[b]);
            snprintf(d->kec6, sizeof d->kec6, "3599%02d", k + 1);
            d->kec = k;
            d->mu_haz = kec_mu + 0.3 * normal(&g->r);
            char up[48];
            snprintf(up, sizeof up, "%s", d->nama);
            for (char *p = up; *p; p++)
                *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
            TRY(tb_store_wilayah_put(g->s, d->kode, up, NULL));
            d->nposyandu = g->o->size == TB_DEMO_DISTRICT ? 1 + pick(&g->r, 3) : 2;
            for (int p = 0; p < d->nposyandu; p++) {
                static const char *const FLOWERS[] = {"Melati",  "Mawar",     "Anggrek", "Dahlia",
                                                      "Kenanga", "Flamboyan", "Cempaka", "Teratai"};
                char pn[64];
                snprintf(pn, sizeof pn, "Posyandu %s %d", FLOWERS[(j + p) % COUNT(FLOWERS)], p + 1);
                long id = tb_store_demo_insert(g->s, TB_DEMO_POSYANDU, "ttli", pn, d->kode, pkm,
                                               chance(&g->r, 0.7));
                TRY(id);
                d->posyandu[p] = id;
                d->posyandu_day[p] = 5 + pick(&g->r, 20);
                TRY(tb_store_demo_insert(g->s, TB_DEMO_POSYANDU_HARI, "li", id,
                                         d->posyandu_day[p]));
                d->attend[p] = 0.5 + 0.4 * unif(&g->r);
                for (int c = 0; c < 2; c++) {
                    d->heaping[p][c] = chance(&g->r, 0.2);
                    person_name(&g->r, 2, d->kader[p][c], sizeof d->kader[p][c]);
                }
            }
        }
    }
    return 0;
}

/*
 * The family's census rounds (issue 12): the last year's (the status its row
 * holds) and, for most families, the year before's: the same status, except
 * every tenth family whose KRS status changed since; every twentieth family
 * is new in the last round. Chosen by the family's number, not the random
 * stream, so the rest of the demo stays as it was.
 */
static int census_rounds(gen *g, long id, int f, int sasaran, int krs, const char *faktor)
{
    char now[16], before[16], day[24], day0[24];
    snprintf(now, sizeof now, "PK%02d", (g->until_y - 1) % 100);
    snprintf(before, sizeof before, "PK%02d", (g->until_y - 2) % 100);
    snprintf(day, sizeof day, "%04d-06-30", g->until_y - 1);
    snprintf(day0, sizeof day0, "%04d-06-30", g->until_y - 2);
    TRY(tb_store_demo_insert(g->s, TB_DEMO_PUTARAN, "lttiit", id, now, day, sasaran, krs, faktor));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_PUTARAN_SET, "lt", id, now));
    if (f % 20 == 7)
        return 0; /* new in the last round */
    int was = f % 10 == 3 ? !krs : krs;
    return tb_store_demo_insert(g->s, TB_DEMO_PUTARAN, "lttiit", id, before, day0, sasaran, was,
                                was ? (krs ? faktor : "air_tidak_layak") : "") < 0
               ? -1
               : 0;
}

static int make_families(gen *g, int per_desa)
{
    for (int i = 0; i < g->ndesa; i++) {
        desa_t *d = &g->desa[i];
        int n = per_desa + pick(&g->r, per_desa / 4 + 1) - per_desa / 8;
        d->nfamily = n;
        for (int f = 0; f < n; f++) {
            char kk[64], rt[16], rw[16], alamat[64];
            snprintf(kk, sizeof kk, "%.6s%02d%02d%02d%04d", d->kec6, 1 + pick(&g->r, 28),
                     1 + pick(&g->r, 12), 10 + pick(&g->r, 14), (int)(g->serial++ % 10000));
            snprintf(rt, sizeof rt, "%03d", 1 + pick(&g->r, 8));
            snprintf(rw, sizeof rw, "%02d", 1 + pick(&g->r, 4));
            snprintf(alamat, sizeof alamat, "Dusun %s", DUSUN[pick(&g->r, COUNT(DUSUN))]);
            /* water and sanitation worse where stunting is higher */
            double risk = -d->mu_haz - 0.6;
            int air = chance(&g->r, 0.15 + 0.15 * risk) ? 5 + pick(&g->r, 3) : pick(&g->r, 5);
            const char *jamban = chance(&g->r, 0.12 + 0.1 * risk) ? "tidak_ada"
                                 : chance(&g->r, 0.2)             ? "tanpa_septik"
                                                                  : "septik";
            int umur_ibu = 18 + pick(&g->r, 28);
            int muda = umur_ibu < 20, tua = umur_ibu >= 35 && umur_ibu <= 40;
            int dekat = chance(&g->r, 0.12), banyak = chance(&g->r, 0.1);
            int pus = umur_ibu <= 49, hamil = chance(&g->r, 0.06);
            int baduta = chance(&g->r, 0.3), balita = baduta || chance(&g->r, 0.35);
            int rumah = !chance(&g->r, 0.1 + 0.05 * risk);
            int desil = 1 + pick(&g->r, 10);
            static const char *const EDU[] = {"tidak_sekolah", "sd", "smp", "sma", "pt"};
            const char *edu = EDU[pick(&g->r, 5)];
            int sasaran = pus || hamil || baduta || balita;
            char faktor[160] = "";
            int air_buruk = air >= 5, jamban_buruk = strcmp(jamban, "septik") != 0;
            const char *names[] = {"air_tidak_layak", "jamban_tidak_layak", "terlalu_muda",
                                   "terlalu_tua",     "terlalu_dekat",      "terlalu_banyak"};
            int has[] = {air_buruk, jamban_buruk, muda, tua, dekat, banyak};
            for (int k = 0; k < 6; k++)
                if (has[k])
                    snprintf(faktor + strlen(faktor), sizeof faktor - strlen(faktor), "%s%s",
                             *faktor ? "," : "", names[k]);
            int krs = sasaran && *faktor;
            long id = tb_store_demo_insert(g->s, TB_DEMO_KELUARGA, "ttttttiittittiiiiiiiiiit", kk,
                                           d->kode, rt, rw, alamat, "PK", g->until_y - 1, desil,
                                           AIR[air], jamban, rumah, edu,
                                           chance(&g->r, 0.7) ? "pbi" : "tidak", pus, hamil, baduta,
                                           balita, muda, tua, dekat, banyak, sasaran, krs, faktor);
            TRY(id);
            TRY(census_rounds(g, id, f, sasaran, krs, faktor));
            if (f == 0)
                d->first_family = id;
            /* the mother */
            char nama[64], key[64], nik[32];
            person_name(&g->r, 2, nama, sizeof nama);
            tb_name_key(nama, strlen(nama), key, sizeof key);
            long born = g->until_day - (long)(umur_ibu * 365.25) - pick(&g->r, 365);
            make_nik(d->kec6, born, 2, g->serial++, nik);
            char lahir[11];
            iso(born, lahir);
            long ibu = tb_store_demo_insert(g->s, TB_DEMO_INDIVIDU, "tittitllttttt", nik, 0, nama,
                                            key, 2, lahir, id, 0L, d->kode, rt, rw, alamat,
                                            hamil ? "bumil" : "pus");
            TRY(ibu);
            if (f == 0)
                d->mothers = ibu;
        }
    }
    return 0;
}

/* The family of a desa's f-th family (ids are consecutive per desa). */
static long family_id(const desa_t *d, long f)
{
    return d->first_family + f;
}

/* The f-th family's mother: individu ids alternate with nothing else in
 * make_families, so mother ids are first + f. */
static long mother_id(const desa_t *d, long f)
{
    return d->mothers + f;
}

static double lms_value(const tb_lms_table *t, int sex, int key, double z)
{
    if (key < t->first)
        key = t->first;
    if (key > t->last)
        key = t->last;
    return tb_growth_lms_value(t->rows[sex - 1][key - t->first], z);
}

/* A child being generated: who it is and the growth path it follows. */
typedef struct {
    long anak, born;         /* individu id, birth day */
    int jk, p;               /* sex; its posyandu (index in the desa) */
    char lahir[11];          /* birth date */
    double haz0, drop, whz;  /* length-for-age at birth and its fall by two; weight-for-length */
    double come;             /* how likely it comes to the posyandu */
    double last_len, wobble; /* the last length, the slow ups and downs of its weight */
} kid;

/* Kid c measured on day (age days, month mo) by one of the posyandu's two kader, into pm. */
static void measure(gen *g, const desa_t *d, kid *c, long day, long age, int mo, tb_pengukuran *pm)
{
    const tb_who_tables *w = &tb_who_tables_builtin;
    int p = c->p;
    double months = age / 30.4375;
    double haz = c->haz0 + c->drop * (months < 24 ? months / 24 : 1) + 0.15 * normal(&g->r);
    double len = lms_value(&w->len, c->jk, (int)age, haz) + 0.4 * normal(&g->r);
    if (len < c->last_len - 1.5)
        len = c->last_len - 0.5 * unif(&g->r);
    c->last_len = len;
    char cara = age < 730 ? 'l' : 'h';
    if (age >= 730 && chance(&g->r, 0.03))
        cara = 'l'; /* measured lying down after two years */
    double lenhei = cara == 'h' && age < 730 ? len - 0.7 : len;
    const tb_lms_table *wt = age < 730 ? &w->wfl : &w->wfh;
    c->wobble = 0.85 * c->wobble + 0.12 * normal(&g->r); /* slow ups and downs */
    double wz = c->whz + c->wobble;
    double bb = lms_value(wt, c->jk, (int)round(len * 10), wz) + 0.03 * normal(&g->r);
    int who = pick(&g->r, 2);
    if (d->heaping[p][who] && chance(&g->r, 0.7)) {
        bb = round(bb * 2) / 2;
        lenhei = round(lenhei);
    } else {
        bb = round(bb * 10) / 10;
        lenhei = round(lenhei * 10) / 10;
    }
    if (chance(&g->r, 0.002))
        bb = chance(&g->r, 0.5) ? bb * 10 : round(bb) / 10; /* decimal slip */
    tb_pengukuran_init(pm);
    pm->anak_id = c->anak;
    iso(day, pm->tanggal);
    pm->posyandu_id = d->posyandu[p];
    pm->bb = bb;
    pm->tb = chance(&g->r, 0.004) ? NAN : lenhei;
    pm->cara_ukur = cara;
    pm->pengukur = d->kader[p][who];
    pm->vit_a = (mo == 2 || mo == 8) && age >= 182;
    if (age < 1826 && chance(&g->r, 0.1))
        pm->lila = round((14.5 + 1.2 * normal(&g->r) + c->whz * 0.6) * 10) / 10;
}

/* Kid c's posyandu day in month m of the last 24 (0 the oldest): 1 measured, 0 not, -1 error. */
static int visit(gen *g, const desa_t *d, kid *c, int m)
{
    int y = g->until_y, mo = g->until_m - 23 + m;
    while (mo < 1) {
        mo += 12;
        y--;
    }
    long day = tb_date_days(y, (unsigned)mo, (unsigned)d->posyandu_day[c->p]);
    long age = day - c->born;
    if (age < 0 || age >= 1826 || day > g->today)
        return 0;
    double pcome = c->come + (age < 730 ? 0.08 : -0.05);
    if (!chance(&g->r, pcome < 0.05 ? 0.05 : pcome > 0.98 ? 0.98 : pcome))
        return 0;
    tb_pengukuran pm;
    measure(g, d, c, day, age, mo, &pm);
    TRY(tb_store_pengukuran_put(g->s, &pm, c->lahir, c->jk, NULL));
    g->pengukuran++;
    return 1;
}

/* One child of desa d born after born_from, in one of its families, with its measurements. */
static int make_child(gen *g, desa_t *d, long born_from)
{
    kid c = {0};
    long f = pick(&g->r, (int)d->nfamily);
    c.jk = 1 + pick(&g->r, 2);
    c.born = born_from + pick(&g->r, (int)(g->until_day - born_from - 10));
    if (chance(&g->r, 0.04)) { /* heaped birth date: the 1st or the 15th */
        long y;
        unsigned m, dd;
        tb_date_civil(c.born, &y, &m, &dd);
        c.born = tb_date_days(y, m, chance(&g->r, 0.5) ? 1 : 15);
    }
    char nama[64], key[64], nik[32];
    person_name(&g->r, c.jk, nama, sizeof nama);
    tb_name_key(nama, strlen(nama), key, sizeof key);
    make_nik(d->kec6, c.born, c.jk, g->serial++, nik);
    iso(c.born, c.lahir);
    int has_nik = !chance(&g->r, 0.08);
    c.p = pick(&g->r, d->nposyandu);
    c.anak = tb_store_demo_insert(g->s, TB_DEMO_INDIVIDU, "tittitllttttt", has_nik ? nik : NULL, 0,
                                  nama, key, c.jk, c.lahir, family_id(d, f), mother_id(d, f),
                                  d->kode, NULL, NULL, NULL, "anak");
    TRY(c.anak);
    double bbl = 3.0 + 0.45 * normal(&g->r), pbl = 48.5 + 2.0 * normal(&g->r);
    TRY(tb_store_demo_insert(g->s, TB_DEMO_ANAK, "lddtli", c.anak, round(bbl * 10) / 10,
                             round(pbl * 10) / 10, NULL, d->posyandu[c.p], chance(&g->r, 0.85)));
    g->anak++;
    /* the growth path */
    c.haz0 = d->mu_haz + 0.6 + 0.9 * normal(&g->r);
    c.drop = -0.9 + 0.3 * normal(&g->r);
    c.whz = -0.35 + 0.9 * normal(&g->r);
    c.come = d->attend[c.p] + 0.15 * normal(&g->r);
    int measured = 0;
    for (int m = 0; m < 24; m++) {
        int v = visit(g, d, &c, m);
        TRY(v);
        measured += v;
    }
    if (measured)
        TRY(tb_store_kms_recompute(g->s, c.anak));
    return 0;
}

static int make_children(gen *g, int per_desa)
{
    long born_from = g->until_day - 84 * 30;
    char msg[64];
    for (int i = 0; i < g->ndesa; i++) {
        desa_t *d = &g->desa[i];
        int n = per_desa + pick(&g->r, per_desa / 4 + 1) - per_desa / 8;
        for (int c = 0; c < n; c++)
            TRY(make_child(g, d, born_from));
        if (g->o->progress && (i + 1) % 25 == 0) {
            snprintf(msg, sizeof msg, "%d/%d desa, %ld anak, %ld pengukuran", i + 1, g->ndesa,
                     g->anak, g->pengukuran);
            progress(g, msg);
        }
    }
    return 0;
}

/* The delivery of demo pregnancy id born on s_lahir: place, helper, KN1
 * and KF1-KF3 up to the demo's last day, derived from the id (no random
 * draw, so the rest of the demo stays the same): 1 in 10 by a dukun at
 * home, 1 in 7 without KN1, 1 in 5 without KF. */
static int demo_delivery(gen *g, long id, const char *s_lahir)
{
    long born = tb_date_iso(s_lahir);
    char kn1[11] = "", t[11];
    if (id % 7)
        iso(born + 1, kn1);
    bool dukun = id % 10 == 0;
    TRY(tb_store_demo_insert(g->s, TB_DEMO_PERSALINAN, "lttt", id, dukun ? "rumah" : "puskesmas",
                             dukun    ? "dukun"
                             : id % 3 ? "bidan"
                                      : "dokter",
                             kn1));
    static const int day[3] = {1, 10, 32};
    for (int ke = 1; ke <= 3 && id % 5; ke++) {
        long d = born + day[ke - 1] + id % 3;
        if (d > g->until_day)
            break;
        iso(d, t);
        TRY(tb_store_demo_insert(g->s, TB_DEMO_NIFAS, "lit", id, ke, t));
    }
    return 0;
}

static int make_pregnancies(gen *g, int per_desa)
{
    for (int i = 0; i < g->ndesa; i++) {
        desa_t *d = &g->desa[i];
        long stride = d->nfamily / per_desa; /* distinct mothers */
        for (int k = 0; k < per_desa; k++) {
            long f = k * stride + pick(&g->r, (int)stride);
            long hpht = g->until_day - 7 - pick(&g->r, 300);
            char s_hpht[11], s_hpl[11], s_lahir[11] = "";
            iso(hpht, s_hpht);
            iso(hpht + 280, s_hpl);
            if (hpht + 280 < g->until_day)
                iso(hpht + 266 + pick(&g->r, 20), s_lahir);
            double lila = 25.5 + 2.2 * normal(&g->r), hb = 11.6 + 1.1 * normal(&g->r);
            lila = round(lila * 10) / 10;
            hb = round(hb * 10) / 10;
            int grav = 1 + pick(&g->r, 4);
            long id = tb_store_demo_insert(g->s, TB_DEMO_KEHAMILAN, "lttiiiddiiiit",
                                           mother_id(d, f), s_hpht, s_hpl, grav, grav - 1,
                                           18 + pick(&g->r, 25), lila, hb, lila < 23.5, hb < 11.0,
                                           pick(&g->r, 90), chance(&g->r, 0.4), s_lahir);
            TRY(id);
            /* ANC: K1 in the first trimester for most, then every 4-6 weeks */
            long day = hpht + 42 + pick(&g->r, 60);
            for (int ke = 1; ke <= 6 && day < g->until_day && day < hpht + 270; ke++) {
                char t[11];
                iso(day, t);
                TRY(tb_store_demo_insert(g->s, TB_DEMO_ANC, "litt", id, ke, t,
                                         ke == 1 || ke == 5 ? "dokter" : "bidan"));
                day += 28 + pick(&g->r, 20);
            }
            if (*s_lahir)
                TRY(demo_delivery(g, id, s_lahir));
        }
    }
    return 0;
}

static int make_catin(gen *g, int per_desa)
{
    for (int i = 0; i < g->ndesa; i++) {
        desa_t *d = &g->desa[i];
        for (int k = 0; k < per_desa; k++) {
            int jk = chance(&g->r, 0.6) ? 2 : 1;
            char nama[64], key[64], nik[32], lahir[11], periksa[11], nikah[11];
            person_name(&g->r, jk, nama, sizeof nama);
            tb_name_key(nama, strlen(nama), key, sizeof key);
            int umur = 18 + pick(&g->r, 12);
            long born = g->until_day - (long)(umur * 365.25) - pick(&g->r, 365);
            make_nik(d->kec6, born, jk, g->serial++, nik);
            iso(born, lahir);
            long ind =
                tb_store_demo_insert(g->s, TB_DEMO_INDIVIDU, "tittitllttttt", nik, 0, nama, key, jk,
                                     lahir, 0L, 0L, d->kode, NULL, NULL, NULL, "catin");
            TRY(ind);
            long t = g->until_day - pick(&g->r, 360);
            iso(t, periksa);
            iso(t + 90 + pick(&g->r, 60), nikah);
            double tb = (jk == 2 ? 152 : 163) + 5.5 * normal(&g->r);
            double imt = 21.5 + 3.2 * normal(&g->r);
            double bb = round(imt * tb * tb / 1e4 * 10) / 10;
            tb = round(tb * 10) / 10;
            imt = round(bb / (tb * tb / 1e4) * 10) / 10;
            double lila = round((25.5 + 2.5 * normal(&g->r)) * 10) / 10;
            double hb = round(((jk == 2 ? 12.4 : 14.2) + 1.2 * normal(&g->r)) * 10) / 10;
            char faktor[96] = "";
            if (jk == 2 && lila < 23.5)
                strcat(faktor, "kek,");
            if (jk == 2 && hb < 12.0)
                strcat(faktor, "anemia,");
            if (imt < 18.5)
                strcat(faktor, "kurus,");
            if (umur < 20)
                strcat(faktor, "terlalu_muda,");
            if (*faktor)
                faktor[strlen(faktor) - 1] = 0;
            TRY(tb_store_demo_insert(g->s, TB_DEMO_CATIN, "lttddddditt", ind, nikah, periksa, bb,
                                     tb, imt, jk == 2 ? lila : NAN, hb,
                                     jk == 1 && chance(&g->r, 0.4), *faktor ? "berisiko" : "ideal",
                                     faktor));
        }
    }
    return 0;
}

static int make_tpk(gen *g, int visits_per_month)
{
    static const char *const STANDAR[] = {"[\"ukur_bb\",\"ukur_pb_tb\",\"catat_kia\"]",
                                          "[\"ukur_bb\",\"ukur_pb_tb\"]", "[\"ukur_bb\"]"};
    static const char *const PASTI[] = {
        "[\"pasti_diukur\",\"pasti_dirujuk\",\"pasti_diintervensi\",\"pasti_didampingi\"]",
        "[\"pasti_diukur\",\"pasti_didampingi\"]", "[\"pasti_diukur\"]"};
    static const char *const SASARAN[] = {"catin", "bumil", "nifas", "baduta", "balita"};
    static const char *const KONSELING[] = {"ASI eksklusif",       "MP-ASI bergizi",
                                            "Tablet tambah darah", "Pemeriksaan kehamilan",
                                            "Jamban sehat",        "KB pasca salin"};
    for (int i = 0; i < g->ndesa; i++) {
        desa_t *d = &g->desa[i];
        char kode[48], nama[96];
        snprintf(kode, sizeof kode, "TPK-%.2s%.2s%.2s%.4s", d->kode, d->kode + 3, d->kode + 6,
                 d->kode + 9);
        snprintf(nama, sizeof nama, "TPK %s 1", d->nama);
        d->tpk = tb_store_demo_insert(g->s, TB_DEMO_TPK, "ttt", kode, d->kode, nama);
        TRY(d->tpk);
        static const char *const PERAN[] = {"bidan", "kader_pkk", "kader_kb"};
        for (int k = 0; k < 3; k++) {
            char who[64];
            person_name(&g->r, 2, who, sizeof who);
            snprintf(nama, sizeof nama, "%s%s", k == 0 ? "Bd. " : "", who);
            long a = tb_store_demo_insert(g->s, TB_DEMO_TPK_ANGGOTA, "ltt", d->tpk, nama, PERAN[k]);
            TRY(a);
            if (i == 0 && k == 2)
                g->tpk_anggota = a;
        }
        for (int m = 0; m < 12; m++) {
            for (int v = 0; v < visits_per_month; v++) {
                long f = pick(&g->r, (int)d->nfamily);
                long day = g->until_day - 27 - (11 - m) * 30 + pick(&g->r, 27);
                char t[11];
                iso(day, t);
                int q = pick(&g->r, 3);
                TRY(tb_store_demo_insert(g->s, TB_DEMO_TPK_KUNJUNGAN, "llltttttt", d->tpk,
                                         family_id(d, f), mother_id(d, f), t,
                                         SASARAN[pick(&g->r, 5)], STANDAR[q], PASTI[q],
                                         KONSELING[pick(&g->r, COUNT(KONSELING))],
                                         chance(&g->r, 0.08) ? "Puskesmas" : NULL));
            }
        }
        /* the desa's targets at the last month, assigned to its team (no random draw) */
        char until[11];
        iso(g->until_day, until);
        TRY(tb_store_tpk_assign_all(g->s, -1, d->tpk, until));
    }
    return 0;
}

static const char *const MASALAH[] = {"Cakupan penimbangan balita di bawah 70%",
                                      "Banyak baduta belum mendapat PMT lokal",
                                      "Keluarga berisiko stunting belum punya jamban sehat",
                                      "Ibu hamil KEK belum mendapat makanan tambahan",
                                      "Data sasaran posyandu berbeda dengan data PK",
                                      "Kader posyandu belum terlatih mengukur panjang badan",
                                      "Alat antropometri posyandu belum standar",
                                      "Remaja putri tidak rutin minum TTD",
                                      "Balita 2T tidak dirujuk ke puskesmas"};
static const char *const REKOMENDASI[] = {
    "Kunjungan rumah oleh kader untuk balita tidak hadir",
    "Alokasi Dana Desa untuk PMT lokal berbahan pangan lokal",
    "Pembangunan jamban sehat bagi keluarga berisiko",
    "Pemberian makanan tambahan ibu hamil KEK selama 120 hari",
    "Verifikasi dan validasi data sasaran bersama TPK",
    "Pelatihan kader pengukuran antropometri",
    "Pengadaan antropometri kit standar",
    "Aksi bergizi dan minum TTD bersama di sekolah",
    "Rujukan balita 2T dan BGM ke puskesmas"};

/* A follow-up of a minilok (rapat, held on day in month m of the year, kecamatan k). */
static int make_follow_up(gen *g, long rapat, long day, int m, int k, const char *kec)
{
    static const char *const STATUS_OLD[] = {"selesai", "selesai", "selesai",
                                             "proses",  "batal",   "baru"};
    int which = pick(&g->r, COUNT(MASALAH));
    long mas = tb_store_demo_insert(g->s, TB_DEMO_MASALAH, "lt", rapat, MASALAH[which]);
    TRY(mas);
    long rek =
        tb_store_demo_insert(g->s, TB_DEMO_REKOMENDASI, "llt", rapat, mas, REKOMENDASI[which]);
    TRY(rek);
    int di = k * 13 + pick(&g->r, 13);
    const desa_t *d = &g->desa[di % g->ndesa];
    char owner[96], tenggat[11], diperbarui[11];
    int desa_owner = chance(&g->r, 0.4);
    if (desa_owner)
        snprintf(owner, sizeof owner, "Pemerintah Desa %s", d->nama);
    else
        snprintf(owner, sizeof owner, "%s", OPD[pick(&g->r, COUNT(OPD))]);
    long due = day + 30 + pick(&g->r, 60);
    iso(due, tenggat);
    const char *status = m < 9    ? STATUS_OLD[pick(&g->r, COUNT(STATUS_OLD))]
                         : m < 11 ? (chance(&g->r, 0.5) ? "proses" : "baru")
                                  : "baru";
    long upd = day + pick(&g->r, 40);
    if (upd > g->until_day)
        upd = g->until_day;
    iso(upd, diperbarui);
    TRY(tb_store_demo_insert(g->s, TB_DEMO_TINDAK_LANJUT, "llttttttlt", rapat, rek,
                             REKOMENDASI[which], owner, desa_owner ? d->kode : kec,
                             desa_owner ? "APBDes" : ANGGARAN[1 + pick(&g->r, 5)], tenggat, status,
                             0L, diperbarui));
    return 0;
}

/* The monthly minilok of kecamatan k in month m (0-11) of the last year: participants, follow-ups.
 */
static int make_minilok(gen *g, int m, int k)
{
    char kec[24], t[11], judul[96];
    snprintf(kec, sizeof kec, "35.99.%02d", k + 1);
    long day = g->until_day - 20 - (11 - m) * 30 - pick(&g->r, 5);
    iso(day, t);
    snprintf(judul, sizeof judul, "Lokakarya mini bulanan Kecamatan %s",
             KECAMATAN[k % COUNT(KECAMATAN)]);
    long rapat = tb_store_demo_insert(g->s, TB_DEMO_RAPAT, "ttttt", "minilok", kec, t, judul, NULL);
    TRY(rapat);
    for (int p = 0; p < 4; p++) {
        static const char *const JAB[] = {"Camat", "Kepala Puskesmas", "Bidan Koordinator", "PKB"};
        char nama[64];
        person_name(&g->r, 1 + pick(&g->r, 2), nama, sizeof nama);
        TRY(tb_store_demo_insert(g->s, TB_DEMO_PESERTA, "lttt", rapat, nama, JAB[p],
                                 p == 0   ? "Kecamatan"
                                 : p == 3 ? "DP3AP2KB"
                                          : "Puskesmas"));
    }
    for (int q = 0; q < 2; q++)
        TRY(make_follow_up(g, rapat, day, m, k, kec));
    return 0;
}

/* The district's meetings: quarterly rakor, one rembuk stunting, two case audits. */
static int make_district_meetings(gen *g)
{
    for (int q = 0; q < 4; q++) {
        char t[11];
        iso(g->until_day - 20 - (3 - q) * 91, t);
        long r = tb_store_demo_insert(g->s, TB_DEMO_RAPAT, "ttttt", "rakor", "35.99", t,
                                      "Rapat koordinasi TPPS Kabupaten", NULL);
        TRY(r);
        long mas = tb_store_demo_insert(g->s, TB_DEMO_MASALAH, "lt", r, MASALAH[q]);
        TRY(mas);
        long rek = tb_store_demo_insert(g->s, TB_DEMO_REKOMENDASI, "llt", r, mas, REKOMENDASI[q]);
        TRY(rek);
        char tenggat[11];
        iso(g->until_day - (3 - q) * 91 + 60, tenggat);
        TRY(tb_store_demo_insert(g->s, TB_DEMO_TINDAK_LANJUT, "llttttttlt", r, rek, REKOMENDASI[q],
                                 OPD[q], "35.99", "APBD", tenggat, q < 2 ? "selesai" : "proses", 0L,
                                 t));
    }
    char t[11];
    iso(g->until_day - 300, t);
    TRY(tb_store_demo_insert(g->s, TB_DEMO_RAPAT, "ttttt", "rembuk", "35.99", t,
                             "Rembuk stunting kabupaten", "Komitmen bersama OPD dan desa"));
    for (int a = 0; a < 2; a++) {
        iso(g->until_day - 200 + a * 120, t);
        TRY(tb_store_demo_insert(g->s, TB_DEMO_RAPAT, "ttttt", "audit_kasus", "35.99", t,
                                 "Audit kasus stunting semester", NULL));
    }
    return 0;
}

static int make_meetings(gen *g)
{
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < g->nkec && k < 32; k++)
            TRY(make_minilok(g, m, k));
    return make_district_meetings(g);
}

static int make_district_records(gen *g)
{
    static const char *const AKSI_PIC[] = {"Bappeda", "Bappeda",  "Bagian Hukum",    "DPMD",
                                           "DPMD",    "DP3AP2KB", "Dinas Kesehatan", "Bappeda"};
    for (int y = g->until_y - 1; y <= g->until_y; y++)
        for (int a = 1; a <= 8; a++) {
            const char *st = y < g->until_y ? "selesai"
                             : a <= 5       ? "selesai"
                             : a == 6       ? "proses"
                                            : "belum";
            char t[32] = "";
            if (strcmp(st, "belum"))
                snprintf(t, sizeof t, "%04d-%02d-15", y, a + 1);
            TRY(tb_store_demo_insert(g->s, TB_DEMO_AKSI, "tiitttti", "35.99", y, a, t, NULL,
                                     AKSI_PIC[a - 1], st, strcmp(st, "selesai") == 0));
        }
    static const char *const KAB_JAB[] = {"Wakil Bupati",    "Sekretaris Daerah",
                                          "Kepala Bappeda",  "Kepala Dinas Kesehatan",
                                          "Kepala DP3AP2KB", "Kepala DPMD"};
    static const char *const KAB_PERAN[] = {"ketua",          "wakil_ketua",    "sekretaris",
                                            "pokja_spesifik", "pokja_sensitif", "pokja_desa"};
    char nama[64], sk[64], mulai[24];
    snprintf(sk, sizeof sk, "188/%d/KPTS/35.99/%d", 100 + pick(&g->r, 800), g->until_y - 1);
    snprintf(mulai, sizeof mulai, "%d-02-01", g->until_y - 1);
    for (int k = 0; k < COUNT(KAB_JAB); k++) {
        person_name(&g->r, 1 + pick(&g->r, 2), nama, sizeof nama);
        TRY(tb_store_demo_insert(g->s, TB_DEMO_TPPS, "ttttttt", "35.99", nama, KAB_JAB[k],
                                 "Pemerintah Kabupaten Sukamaju", KAB_PERAN[k], sk, mulai));
    }
    for (int k = 0; k < g->nkec; k++) {
        char kec[24];
        snprintf(kec, sizeof kec, "35.99.%02d", k + 1);
        static const char *const J[] = {"Camat", "Sekretaris Kecamatan", "Kepala Puskesmas", "PKB"};
        static const char *const P[] = {"ketua", "sekretaris", "anggota", "anggota"};
        for (int j = 0; j < 4; j++) {
            person_name(&g->r, 1 + pick(&g->r, 2), nama, sizeof nama);
            TRY(tb_store_demo_insert(g->s, TB_DEMO_TPPS, "ttttttt", kec, nama, J[j], "Kecamatan",
                                     P[j], NULL, mulai));
        }
    }
    for (int i = 0; i < g->ndesa; i++) {
        static const char *const J[] = {"Kepala Desa", "Bidan Desa", "Kader Pembangunan Manusia"};
        static const char *const P[] = {"ketua", "anggota", "anggota"};
        for (int j = 0; j < 3; j++) {
            person_name(&g->r, j ? 2 : 1, nama, sizeof nama);
            TRY(tb_store_demo_insert(g->s, TB_DEMO_TPPS, "ttttttt", g->desa[i].kode, nama, J[j],
                                     "Desa", P[j], NULL, mulai));
        }
    }
    /* survey prevalences (SSGI 2021-2022, SKI 2023, SSGI 2024) */
    static const int years[] = {2021, 2022, 2023, 2024};
    static const char *const survey[] = {"SSGI", "SSGI", "SKI", "SSGI"};
    double st = 25.8;
    for (int k = 0; k < 4; k++) {
        TRY(tb_store_demo_insert(g->s, TB_DEMO_SURVEI, "titddd", "35.99", years[k], survey[k], st,
                                 7.1 - 0.3 * k, 17.0 - 0.4 * k));
        st -= 1.1 + 0.4 * unif(&g->r);
    }
    /* lokus: the desa with the highest stunting level, for the last two years */
    for (int y = g->until_y - 1; y <= g->until_y; y++) {
        int nlokus = g->ndesa >= 40 ? 20 : 2;
        char done[256] = {0};
        for (int n = 0; n < nlokus; n++) {
            int best = -1;
            for (int i = 0; i < g->ndesa && i < 256; i++)
                if (!done[i] && (best < 0 || g->desa[i].mu_haz + 0.1 * (y & 1) * (i % 3) <
                                                 g->desa[best].mu_haz + 0.1 * (y & 1) * (best % 3)))
                    best = i;
            if (best < 0)
                break;
            done[best] = 1;
            TRY(tb_store_demo_insert(g->s, TB_DEMO_LOKUS, "ti", g->desa[best].kode, y));
        }
    }
    return 0;
}

/* The roles, in the order of the pengguna CHECK constraint. */
static const char *const ROLE[] = {"admin_kab",      "tpps_kab", "opd",   "tpps_kec",
                                   "gizi_puskesmas", "desa",     "kader", "tpk"};
static const char *const ROLE_USER[] = {"admin",          "tpps.kab",   "opd.dinkes", "tpps.kec",
                                        "gizi.puskesmas", "bidan.desa", "kader",      "tpk"};
static const char *const ROLE_NAME[] = {"Admin Kabupaten",        "Sekretariat TPPS Kabupaten",
                                        "Dinas Kesehatan (OPD)",  "TPPS Kecamatan",
                                        "Petugas Gizi Puskesmas", "Bidan Desa",
                                        "Kader Posyandu",         "Tim Pendamping Keluarga"};

void tb_demo_password(unsigned long seed, int role_index, char *out, size_t n)
{
    static const char *const WORDS[] = {"melati", "mawar",   "kenanga", "anggrek",
                                        "dahlia", "cempaka", "teratai", "seroja"};
    rng r;
    rng_seed(&r, (uint64_t)seed * 1000003u + (uint64_t)role_index + 7);
    snprintf(out, n, "%s-%04d", WORDS[pick(&r, COUNT(WORDS))], pick(&r, 10000));
}

static int make_users(gen *g)
{
    const desa_t *d = &g->desa[0];
    char kec[24];
    snprintf(kec, sizeof kec, "%.8s", d->kode);
    if (g->o->users_out)
        fprintf(g->o->users_out, "Pengguna demo (kata sandi hanya ditampilkan sekali):\n");
    for (int i = 0; i < COUNT(ROLE); i++) {
        const char *wil = i < 3 ? "35.99" : i < 5 ? kec : d->kode;
        char pw[32], hash[TB_PW_HASH_LEN];
        tb_demo_password(g->o->seed, i, pw, sizeof pw);
        if (tb_password_hash(pw, g->o->pw, hash) < 0)
            return tb_store_fail(g->s, "argon2id: out of memory");
        long uid = 0;
        TRY(tb_store_user_create(g->s, ROLE_USER[i], ROLE_NAME[i], hash, ROLE[i], wil,
                                 i == 6 ? d->posyandu[0] : 0, &uid));
        if (i == 7) /* the demo tpk user is the kader KB of the first desa's team */
            TRY(tb_store_tpk_anggota_link(g->s, -1, g->tpk_anggota, uid));
        if (g->o->users_out)
            fprintf(g->o->users_out, "  %-15s %-15s %-14s wilayah %s\n", ROLE_USER[i], pw, ROLE[i],
                    wil);
    }
    return 0;
}

/* The institutions (lembaga) that attend meetings and own actions: the
 * OPD, two TPPS bidang, every puskesmas and desa government; the actions
 * point to the one named as their owner; the OPD demo user belongs to the
 * Dinas Kesehatan. */
static int make_lembaga(gen *g)
{
    static const char *const KODE[] = {"OPD-DINKES", "OPD-DP3AP2KB", "OPD-DPMD",   "OPD-PUPR",
                                       "OPD-DINSOS", "OPD-BAPPEDA",  "OPD-DISDIK", "OPD-KEMENAG"};
    for (int i = 0; i < COUNT(OPD) && i < COUNT(KODE); i++)
        TRY(tb_store_demo_insert(g->s, TB_DEMO_LEMBAGA, "tttt", KODE[i], OPD[i], "opd", "35.99"));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_LEMBAGA, "tttt", "TPPS-INTERVENSI",
                             "TPPS Bidang Pelayanan Intervensi", "tpps_bidang", "35.99"));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_LEMBAGA, "tttt", "TPPS-DATA",
                             "TPPS Bidang Data, Monitoring dan Evaluasi", "tpps_bidang", "35.99"));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_LEMBAGA_PKM, ""));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_LEMBAGA_DESA, ""));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_TL_LEMBAGA, ""));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_PENGGUNA_LEMBAGA, "tt", "opd.dinkes", KODE[0]));
    return 0;
}

/* The TPPS teams with their SK (the kabupaten's from its members; the first
 * kecamatan's and the first desa's given one, the second kecamatan's expired),
 * bodies outside the OPD (TP PKK, the military and police commands), the
 * institutional map of every other desa (deterministic, no random draws so
 * the rest of the demo stays as it was) and the aksi's lead institutions. */
static int make_kelembagaan(gen *g)
{
    static const char *const LAIN[][2] = {
        {"TP-PKK", "TP PKK Kabupaten"}, {"KODIM", "Kodim (TNI AD)"}, {"POLRES", "Polres"}};
    for (int i = 0; i < COUNT(LAIN); i++)
        TRY(tb_store_demo_insert(g->s, TB_DEMO_LEMBAGA, "tttt", LAIN[i][0], LAIN[i][1], "lainnya",
                                 "35.99"));
    TRY(tb_store_demo_insert(g->s, TB_DEMO_TPPS_FROM_ANGGOTA, ""));
    char sk[64], from[32], until[32];
    snprintf(from, sizeof from, "%d-01-10", g->until_y - 1);
    snprintf(until, sizeof until, "%d-12-31", g->until_y + 1);
    snprintf(sk, sizeof sk, "400/%d/KEC/%d", 12, g->until_y - 1);
    TRY(tb_store_demo_insert(g->s, TB_DEMO_TPPS_SK, "tttt", "35.99.01", sk, from, until));
    if (g->nkec > 1) {
        snprintf(sk, sizeof sk, "400/%d/KEC/%d", 7, g->until_y - 3);
        snprintf(from, sizeof from, "%d-01-10", g->until_y - 3);
        snprintf(until, sizeof until, "%d-12-31", g->until_y - 2);
        TRY(tb_store_demo_insert(g->s, TB_DEMO_TPPS_SK, "tttt", "35.99.02", sk, from, until));
    }
    for (int i = 0; i < g->ndesa; i++) {
        if (i % 2)
            continue; /* every other desa has not filled its map yet */
        int kader = 5 + i % 4;
        TRY(tb_store_demo_insert(g->s, TB_DEMO_KELEMBAGAAN, "tiiiiiiitt", g->desa[i].kode, 1,
                                 i % 4 == 0, kader, kader - (i % 3 == 0), 1, i % 3 != 0, 0,
                                 i % 4 == 0 ? "berkembang" : "", i % 8 == 0 ? "sederhana" : ""));
        TRY(tb_store_demo_insert(g->s, TB_DEMO_APBDES, "tidd", g->desa[i].kode, g->until_y,
                                 25000000.0 + 1000000.0 * (i % 5),
                                 i % 4 == 0 ? 3600000.0 : (double)NAN));
    }
    return tb_store_demo_insert(g->s, TB_DEMO_AKSI_LEMBAGA, "") < 0 ? -1 : 0;
}

int tb_demo_store_empty(tb_store *s)
{
    /* the national code list every new database carries does not count;
     * each check reads one row at most (a large database stays cheap) */
    static const char *const tables[] = {"pengguna", "posyandu", "individu", "keluarga"};
    for (size_t i = 0; i < COUNT(tables); i++) {
        int any = tb_store_has_rows(s, tables[i]);
        if (any)
            return any < 0 ? -1 : 0;
    }
    int unlisted = tb_store_wilayah_unlisted(s);
    return unlisted < 0 ? -1 : !unlisted;
}

static int generate(gen *g)
{
    int district = g->o->size == TB_DEMO_DISTRICT;
    progress(g, "wilayah, puskesmas, posyandu");
    TRY(make_wilayah(g, district ? 15 : 2, district ? 13 : 3));
    progress(g, "keluarga");
    TRY(make_families(g, district ? 200 : 60));
    progress(g, "anak dan pengukuran");
    TRY(make_children(g, district ? 210 : 60));
    progress(g, "ibu hamil, catin, TPK");
    TRY(make_pregnancies(g, district ? 22 : 6));
    TRY(make_catin(g, district ? 8 : 3));
    TRY(make_tpk(g, district ? 8 : 3));
    progress(g, "rapat, aksi konvergensi, TPPS");
    TRY(make_meetings(g));
    TRY(make_district_records(g));
    TRY(make_users(g));
    TRY(make_lembaga(g));
    TRY(make_kelembagaan(g));
    return tb_store_audit(g->s, 0, "impor", "demo", NULL, NULL, NULL);
}

int tb_demo_generate(tb_store *s, const tb_demo_options *opt)
{
    gen g;
    memset(&g, 0, sizeof g);
    g.s = s;
    g.o = opt;
    rng_seed(&g.r, opt->seed);
    if (sscanf(opt->until, "%4d-%2d", &g.until_y, &g.until_m) != 2 || g.until_m < 1 ||
        g.until_m > 12)
        return tb_store_fail(s, "bulan akhir '%s' bukan yyyy-mm", opt->until);
    g.until_day = tb_date_days(g.until_y, (unsigned)g.until_m, 28);
    g.today = tb_today();
    int e = tb_demo_store_empty(s);
    if (e < 0)
        return -1;
    if (!e)
        return tb_store_fail(s, "basis data sudah berisi data; demo hanya untuk basis data kosong");
    if (tb_store_begin(s) < 0)
        return -1;
    int rc = generate(&g);
    free(g.desa);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    return tb_store_commit(s);
}
