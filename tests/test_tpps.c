/*
 * test_tpps.c - the TPPS and its agencies in the store (store/tpps.h): the
 * kind of a document read from its first bytes; the gaps of a team (the day
 * an SK ends is still valid) and of a desa's institutional map, on
 * hand-made values; the institution register (a taken code, deactivation
 * kept off the lists); a team's SK, chair and members, a member removed
 * only through its own area; a document stored and read back byte for
 * byte; the map and its APBDes lines per year; the 8 aksi of a year that
 * has none; families at risk counted per desa; every write audited.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"
#include "store/tpps.h"
#include "tb_test.h"

static long scalar(tb_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long v = -999;
    if (sqlite3_prepare_v2(tb_store_db(s), sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void test_jenis(void)
{
    const unsigned char pdf[] = "%PDF-1.7\n", png[] = "\x89PNG\r\n\x1a\nIHDR";
    const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10};
    const unsigned char txt[] = "PDF-1.7 but not a PDF";
    CHECK(tb_dokumen_jenis(pdf, sizeof pdf - 1) &&
              !strcmp(tb_dokumen_jenis(pdf, 9), "application/pdf"),
          "a PDF by %%PDF-");
    CHECK(tb_dokumen_jenis(png, sizeof png - 1) && !strcmp(tb_dokumen_jenis(png, 12), "image/png"),
          "a PNG by its signature");
    CHECK(tb_dokumen_jenis(jpg, sizeof jpg) && !strcmp(tb_dokumen_jenis(jpg, 6), "image/jpeg"),
          "a JPEG by FF D8 FF");
    CHECK(tb_dokumen_jenis(txt, sizeof txt - 1) == NULL, "text is refused");
    CHECK(tb_dokumen_jenis(pdf, 4) == NULL, "four bytes of a PDF are not enough");
    CHECK(tb_dokumen_jenis(png, 7) == NULL, "a cut PNG signature");
}

static void test_gaps(void)
{
    tb_tpps t;
    memset(&t, 0, sizeof t);
    CHECK(tb_tpps_gaps(&t, "2026-11-30") == (TB_TPPS_TANPA_SK | TB_TPPS_TANPA_KETUA),
          "nothing recorded: no SK, no chair (no decree is not counted without an SK)");
    snprintf(t.no_sk, sizeof t.no_sk, "141/1/2026");
    snprintf(t.ketua, sizeof t.ketua, "Pak Camat");
    snprintf(t.berlaku_sampai, sizeof t.berlaku_sampai, "2026-11-30");
    CHECK(tb_tpps_gaps(&t, "2026-11-30") == TB_TPPS_TANPA_DOKUMEN, "valid on its last day");
    CHECK(tb_tpps_gaps(&t, "2026-12-01") == (TB_TPPS_SK_KEDALUWARSA | TB_TPPS_TANPA_DOKUMEN),
          "expired the day after");
    t.dokumen_id = 4;
    t.berlaku_sampai[0] = 0;
    CHECK(tb_tpps_gaps(&t, "2040-01-01") == 0, "no end date: never expires");

    tb_kelembagaan k;
    memset(&k, 0, sizeof k);
    k.apbdes_stunting = k.apbdes_kpm = NAN;
    /* nothing: every gap except 'KPM untrained' (no KPM is counted once) */
    CHECK(tb_kelembagaan_gaps(&k) == (((1u << TB_KL_COUNT) - 1) & ~(unsigned)TB_KL_KPM_LATIH),
          "an empty map: %u", tb_kelembagaan_gaps(&k));
    k.sk_tpps = true;
    k.kpm_ada = 2, k.kpm_terlatih = 1, k.kader_jumlah = 6, k.kader_terlatih = 6;
    k.bkb = k.bkr = 1;
    snprintf(k.kampung_kb, sizeof k.kampung_kb, "dasar");
    k.apbdes_stunting = 25e6;
    CHECK(tb_kelembagaan_gaps(&k) ==
              (TB_KL_KPM_LATIH | TB_KL_BKL | TB_KL_RUMAH_DATAKU | TB_KL_APBDES_KPM),
          "the web test's desa 2: %u", tb_kelembagaan_gaps(&k));
    k.apbdes_kpm = 0;
    CHECK(tb_kelembagaan_gaps(&k) & TB_KL_APBDES_KPM, "a line of Rp0 is no line");
    CHECK(tb_kampung_kb_ok("") && tb_kampung_kb_ok("berkelanjutan") && !tb_kampung_kb_ok("maju"),
          "Kampung KB classes");
    CHECK(tb_rumah_dataku_ok("paripurna") && !tb_rumah_dataku_ok("dasar"), "Rumah DataKu classes");
}

static void test_register(tb_store *s)
{
    tb_lembaga_info l = {"OPD-PERKIM", "Dinas Perkim", "opd", "35.99", true};
    CHECK(tb_store_lembaga_tambah(s, 1, &l) == 0, "added: %s", tb_store_error(s));
    CHECK(tb_store_lembaga_tambah(s, 1, &l) == 1, "the same code again: taken");
    tb_lembaga_info bad = {"X", "X", "partai", "35.99", true};
    CHECK(tb_store_lembaga_tambah(s, 1, &bad) < 0, "an unknown jenis is refused");
    tb_lembaga_info out = {"KORAMIL", "Koramil", "lainnya", "35.77", true};
    CHECK(tb_store_lembaga_tambah(s, 1, &out) < 0 &&
              scalar(s, "SELECT count(*) FROM lembaga WHERE kode = 'KORAMIL'") == 0,
          "an unknown area is refused");
    CHECK(tb_store_lembaga_ubah(s, 1, "OPD-PERKIM", "Dinas Perumahan", false) == 0, "deactivated");
    char nama[64], w[16];
    bool aktif = true;
    CHECK(tb_store_lembaga_read(s, "OPD-PERKIM", nama, sizeof nama, w, sizeof w, &aktif) == 1 &&
              !strcmp(nama, "Dinas Perumahan") && !aktif,
          "renamed and inactive");
    CHECK(scalar(s, "SELECT count(*) FROM audit_log WHERE tabel = 'lembaga'") == 2,
          "add and change audited");
    CHECK(tb_store_lembaga_ubah(s, 1, "TIDAK-ADA", "X", true) < 0, "an unknown code");
}

static int count_cb(void *ctx, const tb_lembaga_info *l)
{
    (void)l;
    ++*(int *)ctx;
    return 0;
}

static int sub_cb(void *ctx, const tb_tpps *t)
{
    char *out = ctx;
    snprintf(out + strlen(out), 200 - strlen(out), "%s:%d:%s;", t->wilayah, t->anggota, t->ketua);
    return 0;
}

static void test_team(tb_store *s)
{
    int n = 0;
    tb_store_lembaga_list(s, "35.99.01.2001", false, count_cb, &n);
    int all = 0;
    tb_store_lembaga_list(s, "35.99.01.2001", true, count_cb, &all);
    CHECK(n == 1 && all == 2, "a desa sees the kabupaten's active body (%d of %d)", n, all);
    CHECK(tb_store_tpps_sk(s, 1, "35.99.01", "400/1/2026", "2026-01-02", "2028-12-31") == 0,
          "SK set");
    tb_tpps_anggota a = {0, "35.99.01", "Pak Camat", "Camat", "ketua", NULL, NULL, NULL, NULL};
    long id = 0, id2 = 0;
    CHECK(tb_store_tpps_anggota_tambah(s, 1, &a, &id) == 0 && id > 0, "chair added");
    tb_tpps_anggota b = {0,    "35.99.01", "Bu Bidan", NULL, "anggota", "Intervensi", "OPD-DINKES",
                         NULL, NULL};
    CHECK(tb_store_tpps_anggota_tambah(s, 1, &b, &id2) == 0, "member by institution");
    tb_tpps_anggota c = {0, "35.99.01", "X", NULL, "raja", NULL, NULL, NULL, NULL};
    CHECK(tb_store_tpps_anggota_tambah(s, 1, &c, NULL) < 0, "an unknown role refused");
    tb_tpps t;
    CHECK(tb_store_tpps_baca(s, "35.99.01", &t) == 1 && !strcmp(t.ketua, "Pak Camat") &&
              t.anggota == 2 && !strcmp(t.no_sk, "400/1/2026") && t.dokumen_id == 0,
          "the team read back: %s %d", t.ketua, t.anggota);
    CHECK(scalar(s, "SELECT count(*) FROM tpps_anggota WHERE instansi = 'Dinas Kesehatan'"
                    " AND no_sk = '400/1/2026'") == 1,
          "the member carries its institution's name and the team's SK");
    CHECK(tb_store_tpps_anggota_hapus(s, 1, "35.99.02", id) == 0, "not through another area");
    CHECK(tb_store_tpps_anggota_hapus(s, 1, "35.99.01", id) == 1, "removed");
    CHECK(tb_store_tpps_anggota_hapus(s, 1, "35.99.01", id) == 0, "removed once");
    char subs[200] = "";
    tb_store_tpps_bawah(s, "35.99", sub_cb, subs);
    CHECK(!strcmp(subs, "35.99.02:0:;35.99.01:1:;"), "the kecamatan below, by name: %s", subs);
    CHECK(tb_store_tpps_baca(s, "35.99.77", &t) == 0, "an unknown area");
    CHECK(scalar(s, "SELECT count(*) FROM audit_log WHERE tabel IN ('tpps', 'tpps_anggota')") == 4,
          "SK, two members and the removal audited");
}

static void test_dokumen(tb_store *s)
{
    unsigned char data[300];
    memcpy(data, "%PDF-1.4\n", 9);
    for (int i = 9; i < 300; i++)
        data[i] = (unsigned char)(i * 7);
    data[100] = 0;
    long id = 0;
    CHECK(tb_store_dokumen_simpan(s, 1, "35.99.01", "sk.pdf", "application/pdf", data, 300, &id) ==
                  0 &&
              id > 0,
          "stored");
    tb_dokumen_info d;
    void *back = NULL;
    CHECK(tb_store_dokumen_baca(s, id, &d, &back) == 1 && d.ukuran == 300 &&
              !strcmp(d.nama, "sk.pdf") && back && !memcmp(back, data, 300),
          "read back byte for byte (a NUL inside)");
    free(back);
    CHECK(tb_store_tpps_dokumen(s, 1, "35.99.01", id) == 0, "linked to the team");
    tb_tpps t;
    CHECK(tb_store_tpps_baca(s, "35.99.01", &t) == 1 && t.dokumen_id == id, "the team's decree");
    CHECK(tb_store_dokumen_simpan(s, 1, "35.99", "x", "text/plain", data, 3, &id) < 0,
          "a kind outside PDF/PNG/JPEG refused by the table");
    CHECK(tb_store_dokumen_baca(s, 999, &d, NULL) == 0, "an unknown document");
}

static int kl_cb(void *ctx, const tb_kelembagaan *k)
{
    char *out = ctx;
    snprintf(out + strlen(out), 200 - strlen(out), "%s:%u;", k->desa, tb_kelembagaan_gaps(k));
    return 0;
}

static void test_map(tb_store *s)
{
    tb_kelembagaan k;
    CHECK(tb_store_kelembagaan_baca(s, "35.99.01.2001", 2026, &k) == 1 && !k.diisi && !k.sk_tpps,
          "a desa without a map");
    CHECK(tb_store_kelembagaan_baca(s, "35.99.01", 2026, &k) == 0, "a kecamatan is no desa");
    tb_store_kelembagaan_baca(s, "35.99.01.2001", 2026, &k);
    k.kpm_ada = 1, k.kpm_terlatih = 1, k.kader_jumlah = 4, k.kader_terlatih = 4;
    k.bkb = k.bkr = k.bkl = 1;
    snprintf(k.kampung_kb, sizeof k.kampung_kb, "mandiri");
    snprintf(k.rumah_dataku, sizeof k.rumah_dataku, "lengkap");
    k.apbdes_stunting = 3e7, k.apbdes_kpm = 4e6;
    CHECK(tb_store_kelembagaan_simpan(s, 1, &k) == 0, "saved: %s", tb_store_error(s));
    CHECK(tb_store_tpps_sk(s, 1, "35.99.01.2001", "141/2/2026", NULL, NULL) == 0, "desa SK");
    char out[200] = "";
    tb_store_kelembagaan_each(s, "35.99.01", 2026, kl_cb, out);
    /* desa 2002: nothing (all gaps but 'KPM untrained' = 2043); 2001 complete */
    CHECK(!strcmp(out, "35.99.01.2002:2043;35.99.01.2001:0;"), "2026 by name: %s", out);
    out[0] = 0;
    tb_store_kelembagaan_each(s, "35.99.01.2001", 2025, kl_cb, out);
    CHECK(!strcmp(out, "35.99.01.2001:1536;"), "2025 has no APBDes lines: %s", out);
    CHECK(scalar(s, "SELECT count(*) FROM audit_log WHERE tabel = 'kelembagaan_desa'") == 1,
          "audited");
}

static int aksi_cb(void *ctx, const tb_aksi *a)
{
    char *out = ctx;
    snprintf(out + strlen(out), 200 - strlen(out), "%d%c", a->aksi, a->status[0]);
    return 0;
}

static int krs_cb(void *ctx, const char *desa, const char *nama, const char *kec, long kel,
                  long krs)
{
    (void)nama, (void)kec;
    char *out = ctx;
    snprintf(out + strlen(out), 200 - strlen(out), "%s:%ld/%ld;", desa, krs, kel);
    return 0;
}

static void test_aksi(tb_store *s)
{
    char out[200] = "";
    tb_store_aksi_each(s, "35.99", 2027, aksi_cb, out);
    CHECK(!strcmp(out, "1b2b3b4b5b6b7b8b"), "a year with nothing: 8 not started: %s", out);
    tb_aksi a;
    memset(&a, 0, sizeof a);
    a.aksi = 3;
    snprintf(a.status, sizeof a.status, "selesai");
    snprintf(a.lembaga, sizeof a.lembaga, "OPD-DINKES");
    a.nilai = 82.5;
    CHECK(tb_store_aksi_simpan(s, 1, "35.99", 2027, &a) == 0, "saved");
    CHECK(tb_store_aksi_dokumen(s, 1, "35.99", 2027, 3, 1) == 0, "output linked");
    a.aksi = 9;
    CHECK(tb_store_aksi_simpan(s, 1, "35.99", 2027, &a) < 0, "aksi 9 refused");
    out[0] = 0;
    tb_store_aksi_each(s, "35.99", 2027, aksi_cb, out);
    CHECK(!strcmp(out, "1b2b3s4b5b6b7b8b"), "aksi 3 done: %s", out);
    CHECK(scalar(s, "SELECT nilai * 10 FROM aksi_konvergensi WHERE aksi = 3 AND tahun = 2027"
                    " AND pic = 'Dinas Kesehatan' AND dokumen_id = 1 AND diunggah = 1") == 825,
          "score, lead's name and document stored");
    CHECK(tb_store_exec(s, "INSERT INTO keluarga (no_kk, desa, krs) VALUES"
                           " ('1', '35.99.01.2001', 1), ('2', '35.99.01.2001', 0),"
                           " ('3', '35.99.01.2001', 1), ('4', '35.99.01.2002', 0)") == 0,
          "families");
    out[0] = 0;
    tb_store_krs_per_desa(s, "35.99.01", krs_cb, out);
    CHECK(!strcmp(out, "35.99.01.2001:2/3;35.99.01.2002:0/1;"), "KRS per desa, most first: %s",
          out);
}

/* A database of the version before this migration with the demo's team
 * members (the kabupaten's with an SK, a kecamatan's without), opened: each
 * area's team carries its members' SK and date; the members stay active. */
static void test_migration(void)
{
    char path[] = "/tmp/tumbuh-test-tpps-mig-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    sqlite3 *db = NULL;
    int before = 16; /* the step before the TPPS migration (17) */
    int ok = sqlite3_open(path, &db) == SQLITE_OK;
    for (int v = 1; ok && v <= before; v++)
        ok = sqlite3_exec(db, tb_store_schema_sql(v), NULL, NULL, NULL) == SQLITE_OK &&
             (!tb_store_schema_data(v) ||
              sqlite3_exec(db, tb_store_schema_data(v), NULL, NULL, NULL) == SQLITE_OK);
    char sql[900];
    snprintf(sql, sizeof sql,
             "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES ('35', 1, NULL, 'P'),"
             " ('35.99', 2, '35', 'K'), ('35.99.01', 3, '35.99', 'C');"
             "INSERT INTO tpps_anggota (wilayah, nama, peran, no_sk, mulai) VALUES"
             " ('35.99', 'A', 'ketua', '188/1/2025', '2025-02-01'),"
             " ('35.99', 'B', 'sekretaris', '188/1/2025', '2025-02-01'),"
             " ('35.99.01', 'C', 'ketua', NULL, '2025-02-01');"
             "PRAGMA user_version = %d;",
             before);
    ok = ok && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    CHECK(ok, "a database of version %d", before);
    tb_store *s = NULL;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        return;
    tb_tpps t;
    CHECK(tb_store_tpps_baca(s, "35.99", &t) == 1 && !strcmp(t.no_sk, "188/1/2025") &&
              !strcmp(t.tgl_sk, "2025-02-01") && !strcmp(t.ketua, "A") && t.anggota == 2,
          "the kabupaten's SK carried: %s %s %s %d", t.no_sk, t.tgl_sk, t.ketua, t.anggota);
    CHECK(tb_store_tpps_baca(s, "35.99.01", &t) == 1 && !t.no_sk[0] && !t.tgl_sk[0] &&
              tb_tpps_gaps(&t, "2026-01-01") == TB_TPPS_TANPA_SK,
          "the kecamatan without an SK has no date either");
    tb_store_close(s);
    unlink(path);
}

int main(void)
{
    test_jenis();
    test_migration();
    test_gaps();
    char path[] = "/tmp/tumbuh-test-tpps-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        TB_TEST_MAIN_END();
    CHECK(tb_store_exec(s, "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES"
                           " ('35', 1, NULL, 'JAWA TIMUR'), ('35.99', 2, '35', 'KAB UJI'),"
                           " ('35.99.01', 3, '35.99', 'SATU'), ('35.99.02', 3, '35.99', 'DUA'),"
                           " ('35.99.01.2001', 4, '35.99.01', 'SUKA KARYA'),"
                           " ('35.99.01.2002', 4, '35.99.01', 'MEKARSARI');"
                           "INSERT INTO pengguna (id, username, nama, hash, peran, wilayah)"
                           " VALUES (1, 'admin', 'Admin', 'x', 'admin_kab', '35.99');"
                           "INSERT INTO lembaga VALUES ('OPD-DINKES', 'Dinas Kesehatan', 'opd',"
                           " '35.99')") == 0,
          "fixture: %s", tb_store_error(s));
    test_register(s);
    test_team(s);
    test_dokumen(s);
    test_map(s);
    test_aksi(s);
    tb_store_close(s);
    unlink(path);
    TB_TEST_MAIN_END();
}
