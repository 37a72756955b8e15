/*
 * test_kms_property.c - one result per child per month for N/T/O/B and 2T
 * (lib/kms.c): random weighing sequences (several per month, missed months,
 * corrections, deletions) compared with a straightforward reference written
 * here from the domain reference 6.1-6.3, plus the named cases of issue 10.
 */
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/pengukuran.h"
#include "store/report.h"
#include "tb_date.h"
#include "tb_kms.h"
#include "tb_test.h"

/* Buku KIA 2023: 800 900 800 600 500 400, 300 to month 10, then 200. */
static tb_kbm kia2023(void)
{
    tb_kbm k;
    int g[] = {800, 800, 900, 800, 600, 500, 400};
    for (int m = 0; m <= TB_KBM_MAX_MONTH; m++)
        k.gram[m] = m <= 6 ? g[m] : m <= 10 ? 300 : 200;
    return k;
}

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;
static int rnd(int n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (int)(rng % (unsigned long long)n);
}

enum { MAXW = 80, MAXM = 40 };

/* The reference: per calendar month the result is the month's last weighing
 * with a weight. B: the child's first weighed month. O: the calendar month
 * before was not weighed. N: gain since last month's result >= KBM for the
 * age (completed months) at this month's result, else T. 2T: T this month
 * and T at the previous weighed month. Writes, for each weighed month, its
 * index into month_of[] and its status into naik[], t2[]; returns the count. */
static int reference(const tb_kbm *k, const tb_weighing *w, int n, int *last_idx, char *naik,
                     int *t2)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (isnan(w[i].weight))
            continue;
        long mo = tb_kms_month(w[i].day);
        if (m > 0 && tb_kms_month(w[last_idx[m - 1]].day) == mo)
            last_idx[m - 1] = i; /* a later weighing in the month replaces the result */
        else
            last_idx[m++] = i;
    }
    for (int j = 0; j < m; j++) {
        const tb_weighing *cur = &w[last_idx[j]];
        t2[j] = 0;
        if (j == 0) {
            naik[j] = 'B';
            continue;
        }
        const tb_weighing *prev = &w[last_idx[j - 1]];
        if (tb_kms_month(prev->day) != tb_kms_month(cur->day) - 1) {
            naik[j] = 'O';
            continue;
        }
        int months = (int)floor(cur->age_days / 30.4375);
        if (months > TB_KBM_MAX_MONTH)
            months = TB_KBM_MAX_MONTH;
        long gain = lround((cur->weight - prev->weight) * 1000.0);
        naik[j] = gain >= k->gram[months < 0 ? 0 : months] ? 'N' : 'T';
        t2[j] = naik[j] == 'T' && naik[j - 1] == 'T';
    }
    return m;
}

/* A random history: months from a birth month, 0-3 weighings a month, some
 * months missed, some weighings without a weight; weights in 0.1 kg. */
static int random_child(tb_weighing *w, long born)
{
    int n = 0;
    long y;
    unsigned mo, d;
    tb_date_civil(born, &y, &mo, &d);
    double kg = 3.0 + rnd(10) / 10.0;
    int months = 1 + rnd(MAXM - 1);
    for (int m = 0; m < months && n < MAXW - 4; m++) {
        int yy = (int)y + (int)((mo - 1 + (unsigned)m) / 12),
            mm = (int)((mo - 1 + (unsigned)m) % 12) + 1;
        int times = rnd(10) < 3 ? 0 : 1 + (rnd(4) == 0) + (rnd(8) == 0);
        int day = 1;
        for (int t = 0; t < times; t++) {
            day += 1 + rnd(9);
            char iso[11];
            snprintf(iso, sizeof iso, "%04d-%02d-%02d", yy, mm, day);
            long dn = tb_date_iso(iso);
            if (dn < born)
                continue;
            kg += (rnd(9) - 2) / 10.0; /* -0.2 .. +0.6 kg */
            if (kg < 2)
                kg = 2;
            w[n].day = dn;
            w[n].age_days = (int)(dn - born);
            w[n].weight = rnd(40) == 0 ? NAN : round(kg * 10) / 10;
            n++;
        }
    }
    return n;
}

/* Compares lib/kms.c's month results with the reference; 1 when they agree. */
static int agrees(const tb_kbm *k, const tb_weighing *w, int n, int child)
{
    tb_kms_status out[MAXW];
    int last[MAXW], t2[MAXW];
    char naik[MAXW];
    tb_kms_status_many(k, w, n, out);
    int m = reference(k, w, n, last, naik, t2);
    for (int j = 0; j < m; j++) {
        const tb_kms_status *s = &out[last[j]];
        if ((char)s->naik != naik[j] || (int)s->t2 != t2[j]) {
            CHECK(0, "child %d month %d: %c%s, reference %c%s", child, j, (char)s->naik,
                  s->t2 ? "/2T" : "", naik[j], t2[j] ? "/2T" : "");
            return 0;
        }
    }
    /* D = N + T + O + B per month: every weighed month has exactly one status */
    for (int i = 0; i < n; i++)
        if (!isnan(w[i].weight) && !(out[i].naik == TB_NAIK_N || out[i].naik == TB_NAIK_T ||
                                     out[i].naik == TB_NAIK_O || out[i].naik == TB_NAIK_B))
            return 0;
    return 1;
}

static void property(void)
{
    tb_kbm k = kia2023();
    int ok = 0, runs = 0;
    for (int c = 0; c < 5000; c++) {
        tb_weighing w[MAXW];
        long born = tb_date_iso("2022-01-01") + rnd(900);
        int n = random_child(w, born);
        ok += agrees(&k, w, n, c);
        runs++;
        /* a correction: one weight changed */
        if (n > 0) {
            int i = rnd(n);
            w[i].weight = isnan(w[i].weight) ? 8.0 : w[i].weight + (rnd(11) - 5) / 10.0;
            ok += agrees(&k, w, n, c);
            runs++;
        }
        /* a deletion: one weighing removed */
        if (n > 1) {
            int i = rnd(n);
            for (int j = i; j + 1 < n; j++)
                w[j] = w[j + 1];
            n--;
            ok += agrees(&k, w, n, c);
            runs++;
        }
    }
    CHECK(ok == runs, "month results agree with the reference: %d of %d", ok, runs);
}

static long day(const char *iso)
{
    return tb_date_iso(iso);
}

static void named_cases(void)
{
    tb_kbm k = kia2023();
    long born = day("2025-01-01");
    tb_kms_status s[8];
    /* N in February, weighed twice in March (first T, then T again against
     * February): March's result is T, not 2T (February was N). */
    tb_weighing a[] = {{day("2025-02-05"), 0, 5.0},
                       {day("2025-03-03"), 0, 5.1},
                       {day("2025-03-20"), 0, 5.2},
                       {day("2025-04-05"), 0, 6.5}};
    for (int i = 0; i < 4; i++)
        a[i].age_days = (int)(a[i].day - born);
    tb_weighing pre = {day("2025-01-10"), 9, 4.0};
    tb_weighing a2[5] = {pre, a[0], a[1], a[2], a[3]};
    tb_kms_status_many(&k, a2, 5, s);
    CHECK(s[1].naik == TB_NAIK_N, "February N: %c", s[1].naik);
    CHECK(s[3].naik == TB_NAIK_T && !s[3].t2,
          "second March weighing after N in February: T, not 2T (%c, t2 %d)", s[3].naik, s[3].t2);
    CHECK(s[4].naik == TB_NAIK_N, "April against March's last weighing (+1.3 kg): N");
    /* A second weighing in the first month is B, not O. */
    tb_weighing b[] = {{day("2025-03-03"), 61, 5.0}, {day("2025-03-25"), 83, 5.2}};
    tb_kms_status_many(&k, b, 2, s);
    CHECK(s[0].naik == TB_NAIK_B && s[1].naik == TB_NAIK_B,
          "two weighings in the first month: B B (%c %c)", s[0].naik, s[1].naik);
    /* 2T across two months' results: T in February (its last weighing), T in March. */
    tb_weighing c[] = {{day("2025-01-10"), 9, 4.0},
                       {day("2025-02-03"), 33, 5.0},
                       {day("2025-02-20"), 50, 4.1},
                       {day("2025-03-10"), 68, 4.2}};
    tb_kms_status_many(&k, c, 4, s);
    CHECK(s[2].naik == TB_NAIK_T && s[3].naik == TB_NAIK_T && s[3].t2,
          "T as February's result then T in March: 2T (%c %c %d)", s[2].naik, s[3].naik, s[3].t2);
    /* O: weighed in March, February missed; then 2T is not carried over a gap. */
    tb_weighing d[] = {{day("2025-01-10"), 9, 4.0}, {day("2025-03-10"), 68, 4.0}};
    tb_kms_status_many(&k, d, 2, s);
    CHECK(s[1].naik == TB_NAIK_O && !s[1].t2, "missed month: O");
}

/* Per calendar month (index from 2022-01), the reference's D, N, T, O, B, 2T summed over children.
 */
enum { MONTHS = 84 };
typedef struct {
    int v[MONTHS][6];
} month_sums;

static void add_reference(const tb_kbm *k, const tb_weighing *w, int n, month_sums *ms)
{
    int last[MAXW], t2[MAXW];
    char naik[MAXW];
    int m = reference(k, w, n, last, naik, t2);
    long base = tb_kms_month(tb_date_iso("2022-01-01"));
    for (int j = 0; j < m; j++) {
        long mo = tb_kms_month(w[last[j]].day) - base;
        if (mo < 0 || mo >= MONTHS)
            continue;
        int *v = ms->v[mo];
        v[0]++;
        v[naik[j] == 'N' ? 1 : naik[j] == 'T' ? 2 : naik[j] == 'O' ? 3 : 4]++;
        v[5] += t2[j];
    }
}

static int skdn_row(void *ctx, const tb_sub_counts *r)
{
    double *out = ctx;
    for (int i = 0; i < 9; i++)
        out[i] += r->v[i];
    return 0;
}

/* Writes child c's weighings through the store, corrects one and deletes
 * one (soft delete), recomputes, and applies the same edits to w. */
static int store_child(tb_store *s, long id, const char *born, tb_weighing *w, int n)
{
    for (int i = 0; i < n; i++) {
        tb_pengukuran p;
        tb_pengukuran_init(&p);
        p.anak_id = id;
        long y;
        unsigned mo, d;
        tb_date_civil(w[i].day, &y, &mo, &d);
        snprintf(p.tanggal, sizeof p.tanggal, "%04ld-%02u-%02u", y, mo, d);
        p.posyandu_id = 1;
        p.bb = w[i].weight;
        if (i == n / 2 && rnd(2)) /* a correction: the same day written again */
            p.bb = w[i].weight = round((w[i].weight + (rnd(7) - 3) / 10.0) * 10) / 10;
        int out;
        if (tb_store_pengukuran_put(s, &p, born, 1 + rnd(2), &out) < 0)
            return -1;
    }
    if (n > 1 && rnd(2)) { /* a deletion */
        int i = rnd(n);
        long y;
        unsigned mo, d;
        tb_date_civil(w[i].day, &y, &mo, &d);
        char sql[160];
        snprintf(sql, sizeof sql,
                 "SELECT id FROM pengukuran WHERE anak_id = %ld AND tanggal = '%04ld-%02u-%02u'",
                 id, y, mo, d);
        sqlite3_stmt *st = NULL;
        sqlite3_prepare_v2(tb_store_db(s), sql, -1, &st, NULL);
        long mid = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
        sqlite3_finalize(st);
        if (tb_store_pengukuran_arsip(s, mid, "hapus", 0, "uji") < 0)
            return -1;
        for (int j = i; j + 1 < n; j++)
            w[j] = w[j + 1];
        n--;
    }
    if (tb_store_kms_recompute(s, id) < 0)
        return -1;
    return n;
}

/* The real path: random children written through the store (put, correct,
 * delete, recompute), SKDN per month from the store's report query against
 * the reference's sums. */
static void store_property(void)
{
    char path[] = "/tmp/tumbuh-test-kms-XXXXXX";
    close(mkstemp(path));
    unlink(path);
    tb_store *s = NULL;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        return;
    tb_store_begin(s);
    sqlite3_exec(tb_store_db(s),
                 "INSERT INTO wilayah VALUES ('35', 1, NULL, 'Jawa Timur', 0, NULL),"
                 " ('35.07', 2, '35', 'Kab', 0, NULL), ('35.07.01', 3, '35.07', 'Kec', 0, NULL),"
                 " ('35.07.01.2001', 4, '35.07.01', 'Desa', 0, NULL);"
                 "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Melati', '35.07.01.2001');",
                 NULL, NULL, NULL);
    tb_kbm k = *tb_store_kbm(s);
    static month_sums want;
    memset(&want, 0, sizeof want);
    int ok = 1;
    for (int c = 1; c <= 400 && ok; c++) {
        tb_weighing w[MAXW];
        long born = tb_date_iso("2022-01-01") + rnd(700);
        int n = random_child(w, born);
        for (int i = 0; i < n; i++)
            if (isnan(w[i].weight))
                w[i].weight = 9.0; /* the report counts weighings with a weight */
        long y;
        unsigned mo, d;
        tb_date_civil(born, &y, &mo, &d);
        char bs[11], sql[256];
        snprintf(bs, sizeof bs, "%04ld-%02u-%02u", y, mo, d);
        snprintf(sql, sizeof sql,
                 "INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, desa) VALUES (%d,"
                 " 'A', 'a', 1, '%s', '35.07.01.2001'); INSERT INTO anak (individu_id,"
                 " posyandu_id) VALUES (%d, 1)",
                 c, bs, c);
        ok = sqlite3_exec(tb_store_db(s), sql, NULL, NULL, NULL) == SQLITE_OK;
        n = ok ? store_child(s, c, bs, w, n) : -1;
        ok = ok && n >= 0;
        if (ok)
            add_reference(&k, w, n, &want);
    }
    CHECK(ok, "store writes: %s", tb_store_error(s));
    tb_store_commit(s);
    int agree = 0;
    for (int m = 0; m < MONTHS && ok; m++) {
        char month[16];
        snprintf(month, sizeof month, "%04d-%02d", 2022 + m / 12, m % 12 + 1);
        tb_store_scope sc = {.wilayah = "35.07.01.2001", .month = month};
        double got[9] = {0};
        tb_store_skdn(s, &sc, skdn_row, got);
        const int *v = want.v[m];
        /* got: S, K, D, N, T, O, B, 2T, BGM */
        bool same = got[2] == v[0] && got[3] == v[1] && got[4] == v[2] && got[5] == v[3] &&
                    got[6] == v[4] && got[7] == v[5];
        if (!same)
            CHECK(0, "%s: store D %g N %g T %g O %g B %g 2T %g, reference %d %d %d %d %d %d", month,
                  got[2], got[3], got[4], got[5], got[6], got[7], v[0], v[1], v[2], v[3], v[4],
                  v[5]);
        agree += same;
    }
    CHECK(agree == MONTHS, "SKDN per month through the store agrees with the reference: %d of %d",
          agree, MONTHS);
    tb_store_close(s);
    unlink(path);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
}

int main(void)
{
    named_cases();
    property();
    store_property();
    TB_TEST_MAIN_END();
}
