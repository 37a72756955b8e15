/*
 * gen_eppgbm.c - benchmark and test data: an e-PPGBM export of N rows.
 *
 * Usage: gen_eppgbm N [SEED] [LIST] > eppgbm.csv  the measurements
 *        gen_eppgbm wilayah > wilayah.csv           the code list they refer to
 *
 * One kabupaten (35.07, 10 kecamatan x 10 desa, 5 posyandu per desa). With
 * LIST (the national kode-wilayah CSV) the places are the real first 10
 * kecamatan of Kabupaten Malang and the first 10 desa of each, as the list
 * names them, for a database that carries the list; without it, made-up
 * desa names under the real kecamatan (`gen_eppgbm wilayah` lists them). About
 * N/9 children, each weighed at most once a month from January 2024 (90% of
 * the months), month by month as monthly exports come; children are 0-59
 * months old when measured. 85% have a NIK, half a mother's NIK; the rest
 * are found by name. Weights and heights follow rough growth curves with a
 * per-child offset, so z-scores, stunting and N/T are all exercised. About
 * 1 row in 1,000 is bad (NIK too short, date in the future, weight 999,
 * sex missing). Deterministic for a seed; the columns are those of e-PPGBM
 * (domain reference 6.4), places by name.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

static double uniform(void)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return (double)((state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static double normal(void)
{
    double u = uniform(), v = uniform();
    return sqrt(-2 * log(u + 1e-300)) * cos(2 * M_PI * v);
}

static long pick(long n)
{
    return (long)(uniform() * (double)n) % n;
}

/* Days since 1970-01-01 (Howard Hinnant). */
static long days(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static void civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static const char *const first_girl[] = {"Siti",  "Nur",     "Putri",  "Dewi",  "Aisyah", "Nabila",
                                         "Zahra", "Aulia",   "Salsa",  "Fitri", "Rahma",  "Kirana",
                                         "Anisa", "Citra",   "Dinda",  "Intan", "Khansa", "Naura",
                                         "Alya",  "Azzahra", "Keisha", "Syifa", "Nadia",  "Ayu"};
static const char *const first_boy[] = {"Muhammad", "Ahmad", "Rizki",  "Budi",   "Fajar",  "Dimas",
                                        "Arya",     "Bagus", "Farhan", "Raffi",  "Yusuf",  "Ilham",
                                        "Gilang",   "Hafiz", "Aditya", "Reza",   "Daffa",  "Rafa",
                                        "Kevin",    "Akbar", "Bima",   "Satria", "Rangga", "Alif"};
static const char *const second[] = {
    "Ramadhani",  "Saputra",   "Putra",    "Pratama",   "Wulandari", "Lestari", "Hidayat",
    "Kurniawan",  "Nugroho",   "Setiawan", "Maulana",   "Permata",   "Safitri", "Anggraini",
    "Firmansyah", "Hakim",     "Prasetyo", "Utami",     "Rahmawati", "Kusuma",  "Santoso",
    "Wibowo",     "Purnama",   "Aditama",  "Febriani",  "Oktaviani", "Hasanah", "Azizah",
    "Fauzan",     "Syahputra", "Mahendra", "Ardiansyah"};
static const char *const mothers[] = {"Sri Wahyuni",
                                      "Siti Aminah",
                                      "Nur Hasanah",
                                      "Endang",
                                      "Sulastri",
                                      "Rina Marlina",
                                      "Yuliani",
                                      "Wati",
                                      "Sumiati",
                                      "Dwi Astuti",
                                      "Eka Susanti",
                                      "Lilis",
                                      "Ratna Sari",
                                      "Ika Wulandari",
                                      "Hj. Maryam",
                                      "Tri Handayani",
                                      "Indah Permatasari",
                                      "Yanti",
                                      "Suryani",
                                      "Mulyani",
                                      "Ani",
                                      "Fitriani",
                                      "Dewi Sartika",
                                      "Ernawati"};
/* the first 10 kecamatan of 35.07 in code order, as the 2025 list names them */
static const char *kec_names[10] = {
    "Donomulyo",   "Pagak", "Bantur", "Sumbermanjing Wetan", "Dampit", "Ampelgading",
    "Poncokusumo", "Wajak", "Turen",  "Gondanglegi"};
static const char *const desa_stem[10] = {"Suka", "Tegal", "Sumber", "Karang",  "Banjar",
                                          "Wono", "Rejo",  "Mulyo",  "Tanjung", "Kali"};
static const char *const desa_tail[10] = {"maju", "sari", "rejo",   "agung", "mulyo",
                                          "jaya", "asri", "makmur", "harjo", "wangi"};
static const char *const posy[5] = {"Mawar", "Melati", "Anggrek", "Dahlia", "Kenanga"};

static char desa_names[10][10][96]; /* [kecamatan][desa] */
static char kec_buf[10][96];
static int ndesa[10] = {10, 10, 10, 10, 10,
                        10, 10, 10, 10, 10}; /* a real kecamatan may have fewer */

static void wilayah(void)
{
    printf("kode,nama\n35,JAWA TIMUR\n35.07,KAB. MALANG\n");
    for (int k = 0; k < 10; k++) {
        printf("35.07.%02d,%s\n", k + 1, kec_names[k]);
        for (int d = 0; d < 10; d++)
            printf("35.07.%02d.%04d,%s\n", k + 1, 2001 + d, desa_names[k][d]);
    }
}

/* Made-up desa names (stem + tail), replaced by the list's when one is given. */
static void default_names(void)
{
    for (int k = 0; k < 10; k++)
        for (int d = 0; d < 10; d++)
            snprintf(desa_names[k][d], sizeof desa_names[k][d], "%s%s", desa_stem[d],
                     desa_tail[(d + k) % 10]);
}

/* Reads the first 10 kecamatan of 35.07 and their first 10 desa from the
 * national list (kode,nama; names without commas). 0, or -1. */
static int read_list(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512], kec[16] = "";
    int nk = -1, nd = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *comma = strchr(line, ',');
        if (!comma || strncmp(line, "35.07.", 6))
            continue;
        *comma = 0;
        size_t len = strlen(line);
        if (len == 8 && nk < 9) { /* 35.07.KK */
            nk++;
            nd = 0;
            snprintf(kec, sizeof kec, "%s", line);
            snprintf(kec_buf[nk], sizeof kec_buf[nk], "%s", comma + 1);
            kec_names[nk] = kec_buf[nk];
        } else if (len == 13 && nk >= 0 && nd < 10 && !strncmp(line, kec, 8))
            snprintf(desa_names[nk][nd++], sizeof desa_names[nk][0], "%s", comma + 1);
        if (nk >= 0)
            ndesa[nk] = nd;
    }
    fclose(f);
    return nk == 9 ? 0 : -1;
}

typedef struct {
    char nik[48], nik_ibu[48]; /* 16 digits */
    char name[64], mother[64];
    int sex, desa, posyandu, rt, rw;
    long born;
    double zl, zw, bb_lahir, pb_lahir;
    int kia;
} child;

int main(int argc, char **argv)
{
    default_names();
    if (argc > 3 && read_list(argv[3])) {
        fprintf(stderr, "gen_eppgbm: %s: not a kode-wilayah list with 35.07\n", argv[3]);
        return 1;
    }
    if (argc > 1 && !strcmp(argv[1], "wilayah")) {
        wilayah();
        return 0;
    }
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    state = argc > 2 ? strtoull(argv[2], NULL, 10) : 42;
    if (!state)
        state = 42;
    if (n < 1)
        n = 1;
    static char buf[1 << 20];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    long nc = n / 9 + 1;
    child *c = calloc((size_t)nc, sizeof *c);
    if (!c)
        return 1;
    /* NIK sequence numbers per kecamatan, birth date and sex */
    long span = days(2026, 1, 1) - days(2019, 1, 1);
    unsigned short *seq = calloc((size_t)(10 * span * 2), sizeof *seq);
    if (!seq)
        return 1;
    for (long i = 0; i < nc; i++) {
        child *k = &c[i];
        k->sex = uniform() < 0.5 ? 1 : 2;
        k->desa = (int)pick(100);
        k->posyandu = (int)pick(5);
        k->rt = 1 + (int)pick(12);
        k->rw = 1 + (int)pick(5);
        /* born between 2019-03 and 2025-12 */
        k->born = days(2019, 3, 1) + pick(days(2025, 12, 1) - days(2019, 3, 1));
        k->zl = -0.9 + 1.1 * normal();
        k->zw = 0.6 * k->zl - 0.3 + 0.8 * normal();
        k->bb_lahir = 3.1 + 0.45 * normal();
        k->pb_lahir = 49 + 2 * normal();
        k->kia = uniform() < 0.8;
        const char *const *fn = k->sex == 1 ? first_boy : first_girl;
        snprintf(k->name, sizeof k->name, "%s %s %s", fn[pick(24)], second[pick(32)],
                 second[pick(32)]);
        snprintf(k->mother, sizeof k->mother, "%s", mothers[pick(24)]);
        int y, m, d;
        civil(k->born, &y, &m, &d);
        int kec = k->desa / 10 + 1;
        unsigned short *q =
            &seq[((kec - 1) * span + (k->born - days(2019, 1, 1))) * 2 + k->sex - 1];
        if (uniform() < 0.85 && *q < 9999)
            snprintf(k->nik, sizeof k->nik, "3507%02d%02d%02d%02d%04d", kec,
                     d + (k->sex == 2 ? 40 : 0), m, y % 100, ++*q);
        if (uniform() < 0.5)
            snprintf(k->nik_ibu, sizeof k->nik_ibu, "3507%02d%02d%02d%02d%04ld", kec,
                     1 + (int)pick(28) + 40, 1 + (int)pick(12), 85 + (int)pick(14) % 100,
                     (i % 9999) + 1);
    }
    printf("NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,NIK Ortu,Prov,Kab/Kota,Kec,"
           "Puskesmas,Desa/Kel,Posyandu,RT,RW,Alamat,Usia Saat Ukur,Tanggal Pengukuran,"
           "Bulan Pengukuran,Berat,Tinggi,Cara Ukur,LiLA,Jml Vit A,KIA\n");
    static const char *const bulan[12] = {"Januari",   "Februari", "Maret",    "April",
                                          "Mei",       "Juni",     "Juli",     "Agustus",
                                          "September", "Oktober",  "November", "Desember"};
    long rows = 0;
    for (int month = 0; rows < n && month < 34; month++) {
        int y = 2024 + month / 12, mo = month % 12 + 1;
        for (long i = 0; i < nc && rows < n; i++) {
            child *k = &c[i];
            long day = days(y, (unsigned)mo, (unsigned)(3 + (k->desa * 5 + k->posyandu) % 24));
            long age = day - k->born;
            if (age < 0 || age > 1825 || uniform() < 0.1)
                continue;
            double mo_age = age / 30.4375;
            double len = 49.5 + 25 * (1 - exp(-mo_age / 9.0)) + 0.55 * mo_age * (mo_age > 12) +
                         3.0 * k->zl + 0.4 * normal();
            double wt = 3.3 + 6.5 * (1 - exp(-mo_age / 5.5)) + 0.17 * mo_age + 1.0 * k->zw +
                        0.15 * normal();
            if (wt < 1.5)
                wt = 1.5;
            int by, bm, bd, dy, dm, dd;
            civil(k->born, &by, &bm, &bd);
            civil(day, &dy, &dm, &dd);
            const char *nik = k->nik;
            char bad_nik[8] = "";
            char sex[2] = {k->sex == 1 ? 'L' : 'P', 0};
            double weight = wt;
            int fy = dy;
            double r = uniform();
            if (r < 0.00025) {
                snprintf(bad_nik, sizeof bad_nik, "35070");
                nik = bad_nik;
            } else if (r < 0.0005) {
                fy = 2099;
            } else if (r < 0.00075) {
                weight = 999;
            } else if (r < 0.001) {
                sex[0] = 0;
            }
            int kec = k->desa / 10, dsa = k->desa % 10;
            printf("%s,%s,%s,%04d-%02d-%02d,%.1f,%.1f,%s,%s,JAWA TIMUR,KAB. MALANG,%s,"
                   "PKM %s,%s,Posyandu %s %d,%03d,%03d,Dusun %d,%ld Tahun - %ld Bulan - %ld Hari,"
                   "%02d/%02d/%04d,%s,%.1f,%.1f,%s,%.1f,%d,%s\n",
                   nik, k->name, sex, by, bm, bd, k->bb_lahir, k->pb_lahir, k->mother, k->nik_ibu,
                   kec_names[kec], kec_names[kec], desa_names[kec][dsa % ndesa[kec]],
                   posy[k->posyandu], k->desa % 3 + 1, k->rt, k->rw, k->rw, age / 365,
                   (age % 365) / 30, (age % 365) % 30, dd, dm, fy, bulan[dm - 1], weight, len,
                   age < 731 ? "terlentang" : "berdiri", 12.5 + 0.04 * mo_age + 0.8 * normal(),
                   (mo == 2 || mo == 8) && age >= 183 ? 1 : 0, k->kia ? "Ya" : "Tidak");
            rows++;
        }
    }
    free(c);
    free(seq);
    return 0;
}
