/*
 * test_rapat.c - the coordination cycle in the store and its reports, on a
 * small hand-made district: a meeting's kind and area level, problems and
 * escalation to the area above with the answer back, the open actions
 * carried to the next meeting of the same kind and area until closed (the
 * history of reviews stays), the lists (open, overdue, an institution's,
 * closed since, by budget source) and an indicator target checked against
 * hand-made measurements (D/S 75% then 100%; stunting prevalence).
 *
 * District 35.07: kecamatan 35.07.01 with desa 2001 (posyandu Melati: four
 * children born 2025-05-01, three weighed in November 2026, one of them
 * stunted) and desa 2002.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/who_tables.h"
#include "report/rapat.h"
#include "store/internal.h"
#include "store/pengukuran.h"
#include "store/rapat.h"
#include "tb_growth.h"
#include "tb_test.h"
#include "tb_test_db.h"

static tb_store *S;

static void sql(const char *q)
{
    tb_test_sql(S, q);
}

static long count(const char *q)
{
    return tb_test_count(S, q);
}

static double height_at(int jk, int days, double z)
{
    const tb_lms_table *t = &tb_who_tables_builtin.len;
    return tb_growth_lms_value(t->rows[jk - 1][days - t->first], z);
}

/* Child id (girl, born 2025-05-01) at posyandu 1. */
static void child(long id)
{
    char q[400];
    snprintf(q, sizeof q,
             "INSERT INTO individu (id, nik, nama, nama_kunci, jk, tgl_lahir, desa) VALUES"
             " (%ld, printf('35070101%%08d', %ld), 'Anak %ld', 'anak %ld', 2, '2025-05-01',"
             " '35.07.01.2001'); INSERT INTO anak (individu_id, posyandu_id) VALUES (%ld, 1);",
             id, id, id, id, id);
    sql(q);
}

/* Child id measured on date at height z-score z (564 days old on 2026-11-16). */
static void measure(long id, const char *date, double z)
{
    tb_pengukuran p;
    tb_pengukuran_init(&p);
    p.anak_id = id;
    p.posyandu_id = 1;
    snprintf(p.tanggal, sizeof p.tanggal, "%s", date);
    p.bb = 10.0;
    p.tb = height_at(2, 564, z);
    p.cara_ukur = 'h';
    int out;
    if (tb_store_pengukuran_put(S, &p, "2025-05-01", 2, &out))
        fprintf(stderr, "put: %s\n", tb_store_error(S));
    tb_store_kms_recompute(S, id);
}

/* A meeting of kind jenis in wilayah on tanggal; its id, or -1. */
static long meeting(const char *jenis, const char *wilayah, const char *tanggal)
{
    tb_rapat m;
    memset(&m, 0, sizeof m);
    snprintf(m.jenis_kode, sizeof m.jenis_kode, "%s", jenis);
    snprintf(m.wilayah, sizeof m.wilayah, "%s", wilayah);
    snprintf(m.tanggal, sizeof m.tanggal, "%s", tanggal);
    snprintf(m.judul, sizeof m.judul, "%s %s", jenis, tanggal);
    return tb_store_rapat_save(S, 1, &m) == 0 ? m.id : -1;
}

/* An action of meeting rapat with a deadline, owned by lembaga. */
static long action(long rapat, const char *uraian, const char *tenggat, const char *lembaga,
                   const char *sumber, double rp)
{
    tb_tindakan t = {.rapat_id = rapat,
                     .uraian = uraian,
                     .tenggat = tenggat,
                     .pj_lembaga = lembaga,
                     .sumber_anggaran = sumber,
                     .anggaran = rp,
                     .target_nilai = NAN};
    return tb_store_tindakan_add(S, 1, &t) == 0 ? t.id : -1;
}

typedef struct {
    long ids[16];
    int n;
} ids;

static int collect(void *ctx, const tb_tindakan *t)
{
    ids *c = ctx;
    if (c->n < 16)
        c->ids[c->n++] = t->id;
    return 0;
}

static int listed(const tb_tindakan_filter *f, ids *c)
{
    memset(c, 0, sizeof *c);
    return tb_store_tindakan_each(S, f, collect, c) == 0 ? c->n : -1;
}

static bool has(const ids *c, long id)
{
    for (int i = 0; i < c->n; i++)
        if (c->ids[i] == id)
            return true;
    return false;
}

static void test_meetings_and_escalation(void)
{
    CHECK(meeting("minilok", "35.07", "2026-10-01") < 0, "a lokmin is not held at the kabupaten");
    CHECK(strstr(tb_store_error(S), "kecamatan") != NULL, "  says where: %s", tb_store_error(S));
    CHECK(meeting("rakor", "35.07.01", "2026-10-01") < 0, "a rakor is not held at a kecamatan");
    CHECK(meeting("rembuk", "35.07.01.2001", "2026-10-01") > 0, "a rembuk desa");
    CHECK(meeting("minilok", "35.07.01", "2026-13-01") < 0, "a bad date is refused");
    CHECK(tb_store_rapat_jenis_add(S, 1, "evaluasi_pmt", "Evaluasi PMT", "minilok", 0) == 0,
          "a district adds a kind: %s", tb_store_error(S));
    long e = meeting("evaluasi_pmt", "35.07.01", "2026-10-02");
    CHECK(e > 0, "a meeting of the added kind, held as a lokmin");
    tb_rapat m;
    CHECK(tb_store_rapat_get(S, e, &m) == 1 && !strcmp(m.jenis, "minilok") &&
              !strcmp(m.jenis_nama, "Evaluasi PMT") && m.tahap == 0,
          "  behaves as a lokmin, without stages: %s %s %d", m.jenis, m.jenis_nama, m.tahap);

    long lok = meeting("minilok", "35.07.01", "2026-10-05");
    tb_masalah x = {.uraian = "Antropometri kit kurang", .tema = "Sarana"};
    long mid = 0, mid2 = 0;
    CHECK(tb_store_masalah_add(S, 1, lok, &x, true, &mid) == 0, "an escalated problem");
    tb_masalah y = {.uraian = "Di desa lain", .desa = "35.08.01.2001"};
    CHECK(tb_store_masalah_add(S, 1, lok, &y, false, NULL) < 0, "a desa outside: refused");
    tb_masalah z = {.uraian = "D/S rendah", .desa = "35.07.01.2001"};
    CHECK(tb_store_masalah_add(S, 1, lok, &z, false, &mid2) == 0, "a problem of a desa");
    long rakor = meeting("rakor", "35.07", "2026-10-20");
    CHECK(count("SELECT count(*) FROM rapat_masalah WHERE naik_ke = '35.07'") == 1,
          "one problem escalated to the kabupaten");
    char q[200];
    CHECK(tb_store_masalah_jawab(S, 1, mid2, rakor, "x") < 0,
          "a problem not escalated cannot be answered at the rakor");
    CHECK(tb_store_masalah_jawab(S, 1, mid, rakor, "Dinkes mengadakan kit") == 0,
          "answered at the rakor: %s", tb_store_error(S));
    snprintf(q, sizeof q,
             "SELECT count(*) FROM rapat_masalah WHERE id = %ld AND jawaban_rapat_id = %ld"
             " AND jawaban = 'Dinkes mengadakan kit'",
             mid, rakor);
    CHECK(count(q) == 1, "  the answer is on the problem (and flows back to the lokmin)");
    CHECK(count("SELECT count(*) FROM audit_log WHERE tabel = 'rapat_masalah'") == 3,
          "problem writes audited");
}

static int naik_n(void *ctx, const tb_masalah *m)
{
    int *n = ctx;
    (*n)++;
    return m->asal_judul && strstr(m->asal_judul, "minilok") ? 0 : -1;
}

static void test_escalation_agenda(void)
{
    long lok = meeting("minilok", "35.07.01", "2026-11-02");
    long r1 = meeting("rakor", "35.07", "2026-11-01"), r2 = meeting("rakor", "35.07", "2026-11-03");
    tb_masalah x = {.uraian = "Perlu kebijakan kabupaten"};
    long mid;
    tb_store_masalah_add(S, 1, lok, &x, true, &mid);
    int n1 = 0, n2 = 0;
    tb_store_masalah_naik_each(S, r1, naik_n, &n1);
    tb_store_masalah_naik_each(S, r2, naik_n, &n2);
    CHECK(n1 == 0, "not on the agenda of a rakor held before it was raised: %d", n1);
    CHECK(n2 == 1, "on the next rakor with its origin (the one answered before is not): %d", n2);
    long lok2 = meeting("minilok", "35.07.01", "2026-11-20");
    int b1 = 0;
    tb_store_masalah_balik_each(S, lok2, naik_n, &b1);
    CHECK(b1 == 1, "the next lokmin follows its unanswered escalation: %d", b1);
    tb_store_masalah_jawab(S, 1, mid, r2, "Dijawab");
    b1 = 0;
    tb_store_masalah_balik_each(S, lok2, naik_n, &b1);
    CHECK(b1 == 1, "  and shows the answer given after the lokmin before it: %d", b1);
    long lok3 = meeting("minilok", "35.07.01", "2026-11-25");
    b1 = 0;
    tb_store_masalah_balik_each(S, lok3, naik_n, &b1);
    CHECK(b1 == 0, "  not again at the lokmin after: %d", b1);
}

static void test_follow_up(void)
{
    long a = meeting("minilok", "35.07.01", "2026-09-10");
    long b = meeting("minilok", "35.07.01", "2026-09-24");
    long c = meeting("minilok", "35.07.01", "2026-12-05");
    long other = meeting("rembuk", "35.07.01.2001", "2026-09-25");
    long t1 = action(a, "Sweeping balita", "2026-09-20", "DESA-1", "APBDes", 5000000);
    long t2 = action(a, "Kit antropometri", "2026-12-31", "OPD-DINKES", "APBD", 12000000);
    long t3 = action(a, "Kelas ibu", "2026-10-30", "DESA-1", "APBDes", 1500000);
    long t4 = action(other, "Rembuk aksi", "2026-10-01", "DESA-1", NULL, NAN);
    CHECK(t1 > 0 && t2 > 0 && t3 > 0 && t4 > 0, "four actions: %s", tb_store_error(S));
    tb_tindakan bad = {.rapat_id = a,
                       .uraian = "x",
                       .tenggat = "2026-10-01",
                       .pj_nama = "x",
                       .sumber_anggaran = "Hibah",
                       .anggaran = NAN,
                       .target_nilai = NAN};
    CHECK(tb_store_tindakan_add(S, 1, &bad) < 0, "an unknown budget source is refused");
    ids l;
    tb_tindakan_filter carry = {.carry_rapat_id = b, .status = "all"};
    CHECK(listed(&carry, &l) == 3 && has(&l, t1) && has(&l, t2) && has(&l, t3) && !has(&l, t4),
          "the next lokmin carries the lokmin's three open actions, not the rembuk's: %d", l.n);
    tb_tinjauan v = {0, t3, b, "2026-09-24", "selesai", "Terlaksana", NULL, "Camat"};
    CHECK(tb_store_tindakan_tinjau(S, 1, &v) < 0, "closing needs evidence");
    v.bukti = "Daftar hadir";
    CHECK(tb_store_tindakan_tinjau(S, 1, &v) == 0, "closed at the next lokmin");
    tb_tinjauan w = {0, t1, b, "2026-09-24", "berjalan", "Separuh", NULL, "Camat"};
    CHECK(tb_store_tindakan_tinjau(S, 1, &w) == 0, "t1 under way");
    w.tanggal = "2026-10-15";
    w.kemajuan = "Tiga dusun";
    w.rapat_id = 0;
    CHECK(tb_store_tindakan_tinjau(S, 1, &w) == 0, "t1 reviewed again outside a meeting");
    char q[200];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM tindak_lanjut_tinjauan WHERE tindak_lanjut_id = %ld", t1);
    CHECK(count(q) == 2, "the history stays: two reviews");
    CHECK(listed(&carry, &l) == 3, "the lokmin where t3 closed still shows it: %d", l.n);
    carry.carry_rapat_id = c;
    CHECK(listed(&carry, &l) == 2 && !has(&l, t3) && has(&l, t1) && has(&l, t2),
          "the lokmin after: only the open ones: %d", l.n);
    tb_tindakan_filter f = {.wilayah = "35.07.01", .status = "overdue", .today = "2026-11-01"};
    CHECK(listed(&f, &l) == 2 && has(&l, t1) && has(&l, t4), "overdue on 2026-11-01: t1, t4 (%d)",
          l.n);
    CHECK(l.ids[0] == t1, "  overdue first by deadline");
    f.status = "open";
    f.lembaga = "OPD-DINKES";
    CHECK(listed(&f, &l) == 1 && has(&l, t2), "Dinkes' open actions: t2");
    tb_tindakan_filter cl = {.status = "closed", .since = "2026-07-01"};
    CHECK(listed(&cl, &l) == 1 && has(&l, t3), "closed this quarter: t3");
    cl.since = "2026-10-01";
    CHECK(listed(&cl, &l) == 0, "  not in the next quarter");
    tb_tindakan_filter all = {.rapat_id = a, .status = "all"};
    tb_table *t = NULL;
    CHECK(tb_report_tindak_lanjut_anggaran(S, &all, &t) == 0 && t, "by budget source");
    if (t) {
        CHECK(t->nrows == 3, "APBDes, APBD, total: %ld", t->nrows);
        CHECK(!strcmp(tb_table_cell(t, 0, 0).text, "APBDes") && tb_table_cell(t, 0, 1).num == 2 &&
                  tb_table_cell(t, 0, 2).num == 6500000,
              "  APBDes: 2 actions, Rp 6.500.000");
        CHECK(tb_table_cell(t, 2, 2).num == 18500000, "  total Rp 18.500.000");
        tb_table_free(t);
    }
}

/* The indicator check of a D/S target for desa 2001 in November 2026. */
static tb_capaian_state capaian(const char *ind, double target, const char *this_month,
                                double *value)
{
    tb_tindakan t = {.indikator = ind,
                     .indikator_wilayah = "35.07.01.2001",
                     .target_nilai = target,
                     .target_bulan = "2026-11"};
    tb_capaian c;
    if (tb_rapat_capaian(S, &t, this_month, &c) < 0)
        return (tb_capaian_state)-1;
    *value = c.nilai;
    return c.state;
}

static void test_indicator(void)
{
    double v;
    /* three of four weighed in November: D/S = 75% */
    CHECK(capaian("ds", 80, "2026-11", &v) == TB_CAPAIAN_NOT_YET && fabs(v - 75) < 1e-9,
          "D/S 75%% < 80%% in November: not yet: %g", v);
    CHECK(capaian("ds", 80, "2026-12", &v) == TB_CAPAIAN_MISSED && fabs(v - 75) < 1e-9,
          "  in December the month has passed: missed");
    CHECK(capaian("ds", 70, "2026-11", &v) == TB_CAPAIAN_MET, "D/S 75%% >= 70%%: met");
    CHECK(capaian("ds", 80, "2026-10", &v) == TB_CAPAIAN_NOT_YET && v == 0,
          "checked in October (before the target month): nobody weighed, 0%%: %g", v);
    CHECK(capaian("nd", 50, "2026-10", &v) == TB_CAPAIAN_NO_DATA && isnan(v),
          "  N/D without anybody weighed: no data");
    /* one of the three measured is stunted: 33.3% */
    CHECK(capaian("stunting", 30, "2026-11", &v) == TB_CAPAIAN_NOT_YET &&
              fabs(v - 100.0 / 3) < 1e-9,
          "stunting 33,3%% > 30%%: not yet: %g", v);
    CHECK(capaian("stunting", 35, "2026-11", &v) == TB_CAPAIAN_MET, "stunting 33,3%% <= 35%%: met");
    CHECK(capaian("terukur", 75, "2026-11", &v) == TB_CAPAIAN_MET && fabs(v - 75) < 1e-9,
          "measured 3 of 4: 75%%");
    /* new data: the fourth child is weighed; D/S 100% */
    tb_store_begin(S);
    measure(4, "2026-11-20", 0);
    tb_store_commit(S);
    CHECK(capaian("ds", 80, "2026-12", &v) == TB_CAPAIAN_MET && fabs(v - 100) < 1e-9,
          "after the fourth weighing D/S 100%%: met: %g", v);
    long a = meeting("minilok", "35.07.01", "2026-11-03");
    tb_tindakan t = {.rapat_id = a,
                     .uraian = "Sweeping",
                     .tenggat = "2026-11-30",
                     .pj_nama = "Kades",
                     .indikator = "ds",
                     .indikator_wilayah = "35.07.01.2001",
                     .target_nilai = 80,
                     .target_bulan = "2026-11",
                     .anggaran = NAN};
    CHECK(tb_store_tindakan_add(S, 1, &t) == 0, "an action tied to the indicator");
    tb_tindakan_filter f = {.rapat_id = a, .status = "all"};
    tb_table *tab = NULL;
    CHECK(tb_report_tindak_lanjut(S, &f, "2026-12", &tab) == 0 && tab && tab->nrows == 1,
          "its list row");
    if (tab) {
        CHECK(!strcmp(tb_table_cell(tab, 0, 15).text, "100,0% (2026-11): tercapai"),
              "  capaian says by itself: %s", tb_table_cell(tab, 0, 15).text);
        CHECK(!strcmp(tb_table_cell(tab, 0, 14).text, "D/S 35.07.01.2001 >= 80,0% pada 2026-11"),
              "  target: %s", tb_table_cell(tab, 0, 14).text);
        CHECK(!strcmp(tab->col_keys[12], "terakhir_ditinjau") && tab->ncols == 16, "16 columns");
        tb_table_free(tab);
    }
    tb_tindakan b = t;
    b.target_bulan = "2026-13";
    CHECK(tb_store_tindakan_add(S, 1, &b) < 0, "a bad target month is refused");
    b.target_bulan = "2026-11";
    b.indikator = "bb";
    CHECK(tb_store_tindakan_add(S, 1, &b) < 0, "an unknown indicator is refused");
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-rapat-XXXXXX";
    close(mkstemp(path));
    unlink(path);
    char err[256];
    CHECK(tb_store_open(path, &S, err, sizeof err) == 0, "open: %s", err);
    if (!S)
        TB_TEST_MAIN_END();
    sql("INSERT INTO wilayah VALUES ('35', 1, NULL, 'Jawa Timur', 0, NULL),"
        " ('35.07', 2, '35', 'Kabupaten Malang', 0, NULL),"
        " ('35.07.01', 3, '35.07', 'Donomulyo', 0, NULL),"
        " ('35.07.01.2001', 4, '35.07.01', 'Sumberoto', 0, NULL),"
        " ('35.07.01.2002', 4, '35.07.01', 'Kedungsalam', 0, NULL),"
        " ('35.08', 2, '35', 'Kabupaten Lain', 0, NULL),"
        " ('35.08.01', 3, '35.08', 'Lain', 0, NULL),"
        " ('35.08.01.2001', 4, '35.08.01', 'Desa Lain', 0, NULL);"
        "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Melati', '35.07.01.2001');"
        "INSERT INTO lembaga VALUES ('DESA-1', 'Pemerintah Desa Sumberoto', 'desa',"
        " '35.07.01.2001'), ('OPD-DINKES', 'Dinas Kesehatan', 'opd', '35.07');"
        "INSERT INTO pengguna (id, username, nama, hash, peran, wilayah)"
        " VALUES (1, 'tpps', 'TPPS', 'x', 'tpps_kab', '35.07');");
    tb_store_begin(S);
    for (long id = 1; id <= 4; id++)
        child(id);
    measure(1, "2026-11-16", -2.5); /* stunted */
    measure(2, "2026-11-16", 0);
    measure(3, "2026-11-16", -1);
    tb_store_commit(S);
    test_meetings_and_escalation();
    test_escalation_agenda();
    test_follow_up();
    test_indicator();
    tb_store_close(S);
    unlink(path);
    TB_TEST_MAIN_END();
}
