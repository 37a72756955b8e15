/*
 * test_store.c - the SQLite store: migrations, reference data, upserts,
 * z-scores on write, N/T/O/B recomputation, foreign keys, transactions.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"
#include "store/wilayah.h"
#include "store/posyandu.h"
#include "store/pengukuran.h"
#include "store/individu.h"
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

static int exec(tb_store *s, const char *sql)
{
    return sqlite3_exec(tb_store_db(s), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* A version-3 database with two measurements, opened: migration 4 keeps the
 * rows and the same uniqueness, with the client uuid index partial; then a
 * bulk load drops and rebuilds the indexes only on an empty table. */
static void test_migration_4(void)
{
    char path[] = "/tmp/tumbuh-test-mig-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    sqlite3 *db = NULL;
    int ok = sqlite3_open(path, &db) == SQLITE_OK;
    for (int v = 1; ok && v <= 3; v++)
        ok = sqlite3_exec(db, tb_store_schema_sql(v), NULL, NULL, NULL) == SQLITE_OK &&
             (!tb_store_schema_data(v) ||
              sqlite3_exec(db, tb_store_schema_data(v), NULL, NULL, NULL) == SQLITE_OK);
    ok = ok && sqlite3_exec(db,
                            "INSERT INTO wilayah VALUES ('35', 1, NULL, 'P', 0, NULL),"
                            " ('35.07', 2, '35', 'K', 0, NULL), ('35.07.01', 3, '35.07', 'C', 0,"
                            " NULL), ('35.07.01.2001', 4, '35.07.01', 'D', 0, NULL);"
                            "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Melati',"
                            " '35.07.01.2001');"
                            "INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, desa)"
                            " VALUES (1, 'Siti', 'siti', 2, '2024-01-15', '35.07.01.2001');"
                            "INSERT INTO anak (individu_id, posyandu_id) VALUES (1, 1);"
                            "INSERT INTO pengukuran (anak_id, tanggal, posyandu_id, bb, uuid_klien)"
                            " VALUES (1, '2025-01-10', 1, 8.1, 'u-1'), (1, '2025-02-10', 1, 8.4,"
                            " NULL);"
                            "PRAGMA user_version = 3;",
                            NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    CHECK(ok, "a version-3 database built from migrations 1-3");
    tb_store *s = NULL;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open v3: %s", err);
    if (!s)
        return;
    CHECK(tb_store_version(s) == tb_store_schema_latest(), "migrated to the latest");
    CHECK(scalar(s, "SELECT count(*) FROM pengukuran WHERE (tanggal, bb) IN"
                    " (VALUES ('2025-01-10', 8.1), ('2025-02-10', 8.4))") == 2,
          "both rows kept with their values");
    CHECK(scalar(s, "SELECT count(*) FROM pengukuran WHERE uuid_klien = 'u-1'") == 1, "uuid kept");
    CHECK(exec(s, "INSERT INTO pengukuran (anak_id, tanggal) VALUES (1, '2025-01-10')") == -1,
          "one measurement per child and day");
    CHECK(exec(s, "INSERT INTO pengukuran (anak_id, tanggal, uuid_klien) VALUES (1, '2025-03-10',"
                  " 'u-1')") == -1,
          "a client uuid stored once");
    CHECK(exec(s, "INSERT INTO pengukuran (anak_id, tanggal) VALUES (1, '2025-03-10');"
                  "INSERT INTO pengukuran (anak_id, tanggal) VALUES (1, '2025-04-10')") == 0,
          "many rows without a uuid");
    CHECK(scalar(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql LIKE"
                    " '%uuid_klien IS NOT NULL%' AND tbl_name = 'pengukuran'") == 1,
          "the uuid index is partial");
    CHECK(scalar(s, "SELECT count(*) FROM pragma_foreign_key_check") == 0, "foreign keys hold");
    /* bulk load: not on a table with rows */
    CHECK(tb_store_begin(s) == 0 && tb_store_pengukuran_bulk_begin(s) == 0, "rows: no bulk load");
    CHECK(scalar(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'pengukuran_%'") == 3,
          "indexes left in place");
    CHECK(exec(s, "DELETE FROM pengukuran") == 0 && tb_store_pengukuran_bulk_begin(s) == 1,
          "empty table: bulk load");
    CHECK(scalar(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'pengukuran_%'") == 1,
          "two indexes dropped for the load");
    CHECK(exec(s, "INSERT INTO pengukuran (anak_id, tanggal) VALUES (1, '2025-05-10')") == 0 &&
              tb_store_pengukuran_bulk_end(s) == 0,
          "rebuilt");
    CHECK(scalar(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'pengukuran_%'") == 3,
          "all indexes back");
    CHECK(exec(s, "DROP INDEX pengukuran_anak_tanggal;"
                  "INSERT INTO pengukuran (anak_id, tanggal) VALUES (1, '2025-05-10')") == 0 &&
              tb_store_pengukuran_bulk_end(s) == -1 && strstr(tb_store_error(s), "UNIQUE"),
          "a duplicate found while rebuilding fails the load: %s", tb_store_error(s));
    CHECK(tb_store_rollback(s) == 0 &&
              scalar(s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'pengukuran_%'") == 3 &&
              scalar(s, "SELECT count(*) FROM pengukuran") == 4,
          "rolled back: indexes and rows as before");
    tb_store_close(s);
    char wal[300];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(wal, sizeof wal, "%s%s", path, ext[i]);
        unlink(wal);
    }
}

/* A bare database with one desa (35.07.01.2001) and a posyandu; NULL on failure. */
static tb_store *open_desa(char *path)
{
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s = NULL;
    char err[256];
    if (tb_store_open(path, &s, err, sizeof err))
        return NULL;
    if (exec(s, "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES ('35', 1, NULL, 'P'),"
                " ('35.07', 2, '35', 'K'), ('35.07.01', 3, '35.07', 'C'),"
                " ('35.07.01.2001', 4, '35.07.01', 'D');"
                "INSERT INTO posyandu (id, nama, desa) VALUES (1, 'Melati', '35.07.01.2001')")) {
        tb_store_close(s);
        return NULL;
    }
    return s;
}

static void close_desa(tb_store *s, const char *path)
{
    tb_store_close(s);
    char f[300];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, ext[i]);
        unlink(f);
    }
}

/* The store path (tb_store_individu_put, as imports write people): a NIK
 * stored for a child never merges a child of another birth date or sex into
 * it; the NIK is kept apart on the other child, and writing it again changes
 * nothing. */
static void test_nik_never_merges(void)
{
    char path[] = "/tmp/tumbuh-test-nik-XXXXXX";
    tb_store *s = open_desa(path);
    CHECK(s != NULL, "nik: database");
    if (!s)
        return;
    const char *nik = "3507015501240001"; /* a girl born 15/01/2024 */
    tb_individu a = {.nik = nik,
                     .nama = "Siti Aminah",
                     .nama_kunci = "siti aminah",
                     .jk = 2,
                     .tgl_lahir = "2024-01-15",
                     .desa = "35.07.01.2001",
                     .peran = "anak"};
    long ida = 0, idb = 0, idc = 0, id = 0;
    int out = -1;
    CHECK(tb_store_individu_put(s, &a, &ida, &out, NULL) == 0 && out == TB_PUT_INSERTED,
          "nik: first child inserted: %s", tb_store_error(s));
    /* a sibling under the same NIK (the mother's, as e-PPGBM often has it) */
    tb_individu b = a;
    b.nama = "Putri Aminah";
    b.nama_kunci = "putri aminah";
    b.tgl_lahir = "2022-06-03";
    CHECK(tb_store_individu_put(s, &b, &idb, &out, NULL) == 0 && out == TB_PUT_INSERTED &&
              idb != ida,
          "nik: other birth date: a second child (%ld, %ld): %s", ida, idb, tb_store_error(s));
    CHECK(scalar(s, "SELECT count(*) FROM individu WHERE nik IS NULL AND nik_belum_valid ="
                    " '3507015501240001' AND tgl_lahir = '2022-06-03'") == 1,
          "nik: the sibling keeps the NIK apart, unverified");
    CHECK(scalar(s, "SELECT count(*) FROM individu WHERE nik = '3507015501240001' AND"
                    " tgl_lahir = '2024-01-15' AND nama = 'Siti Aminah'") == 1,
          "nik: the first child keeps its NIK, birth date and name");
    CHECK(tb_store_individu_put(s, &b, &id, &out, NULL) == 0 && id == idb &&
              out == TB_PUT_UNCHANGED,
          "nik: the sibling again: the same child, unchanged (%ld, %d)", id, out);
    /* the same birth date, the other sex: not the same child either */
    tb_individu c = a;
    c.nama = "Budi Santoso";
    c.nama_kunci = "budi santoso";
    c.jk = 1;
    CHECK(tb_store_individu_put(s, &c, &idc, &out, NULL) == 0 && out == TB_PUT_INSERTED &&
              idc != ida && idc != idb,
          "nik: other sex: a third child");
    CHECK(tb_store_individu_put(s, &a, &id, &out, NULL) == 0 && id == ida &&
              out == TB_PUT_UNCHANGED,
          "nik: the first child again: found by its NIK, unchanged");
    CHECK(scalar(s, "SELECT count(*) FROM individu") == 3 &&
              scalar(s, "SELECT count(*) FROM individu WHERE nik = '3507015501240001'") == 1,
          "nik: three children, one holds the NIK");
    bool by_name = false;
    CHECK(tb_store_individu_find(s, &b, &id, &by_name) == 1 && id == idb && by_name,
          "nik: find: the sibling by name, not the NIK's holder");
    close_desa(s, path);
}

/* The web registration path (tb_store_anak_baru): a NIK already stored for
 * a child of another birth date or sex registers the new child with the NIK
 * kept apart; the same birth date and sex is the same NIK twice (refused). */
static void test_nik_registration(void)
{
    char path[] = "/tmp/tumbuh-test-reg-XXXXXX";
    tb_store *s = open_desa(path);
    CHECK(s != NULL, "reg: database");
    if (!s)
        return;
    tb_anak_baru a = {.posyandu_id = 1,
                      .desa = "35.07.01.2001",
                      .nik = "3507015501240001",
                      .nama = "Siti Aminah",
                      .tgl_lahir = "2024-01-15",
                      .jk = 2,
                      .bb_lahir = NAN,
                      .pb_lahir = NAN};
    long ida = tb_store_anak_baru(s, &a, 0);
    CHECK(ida > 0, "reg: first child: %s", tb_store_error(s));
    tb_anak_baru b = a;
    b.nama = "Putri Aminah";
    b.tgl_lahir = "2022-06-03";
    long idb = tb_store_anak_baru(s, &b, 0);
    CHECK(idb > 0 && idb != ida, "reg: other birth date: registered (%s)", tb_store_error(s));
    CHECK(scalar(s, "SELECT count(*) FROM individu WHERE nik IS NULL AND nik_belum_valid ="
                    " '3507015501240001' AND nama = 'Putri Aminah'") == 1,
          "reg: with the NIK kept apart");
    tb_anak_baru c = a;
    c.nama = "Budi";
    c.jk = 1;
    long idc = tb_store_anak_baru(s, &c, 0);
    CHECK(idc > 0 && scalar(s, "SELECT count(*) FROM individu WHERE nama = 'Budi' AND nik IS"
                               " NULL AND nik_belum_valid IS NOT NULL") == 1,
          "reg: other sex: registered with the NIK kept apart");
    tb_anak_baru d = a;
    d.nama = "Siti Aminah Lagi";
    CHECK(tb_store_anak_baru(s, &d, 0) == -1 && strstr(tb_store_error(s), "UNIQUE"),
          "reg: same birth date and sex: refused as the NIK of a registered child");
    CHECK(scalar(s, "SELECT count(*) FROM individu WHERE nik = '3507015501240001'") == 1 &&
              scalar(s, "SELECT count(*) FROM anak") == 3,
          "reg: one holder, three children");
    close_desa(s, path);
}

/* The districts a database serves: the area lists (dashboard warm-up) and
 * report checks never take the whole national list. */
static void test_served(void)
{
    char path[] = "/tmp/tumbuh-test-served-XXXXXX";
    tb_store *s = open_desa(path);
    CHECK(s != NULL, "served: database");
    if (!s)
        return;
    const char *codes[] = {"35", "35.07", "35.07.01", "35.07.01.2001",
                           "11", "11.08", "11.08.01", "11.08.01.2001"};
    const char *names[] = {"Jawa Timur", "Kabupaten Malang",     "Donomulyo", "Tulungrejo",
                           "Aceh",       "Kabupaten Aceh Utara", "Sawang",    "Gampong"};
    int ok = tb_store_begin(s) == 0 && tb_store_wilayah_list_start(s, "v", "00", 8) == 0;
    for (int i = 0; ok && i < 8; i++)
        ok = tb_store_wilayah_list_put(s, "v", codes[i], names[i]) == 0;
    CHECK(ok && tb_store_commit(s) == 0, "served: a list of two kabupaten: %s", tb_store_error(s));
    char got[16][32];
    int n = tb_store_wilayah_kode_list(s, 2, 3, got, 16);
    CHECK(n == 2 && !strcmp(got[0], "35.07") && !strcmp(got[1], "35.07.01"),
          "served: the area list holds the kabupaten with a posyandu only (%d)", n);
    CHECK(tb_store_wilayah_served(s, "35.07.01.2001") == 1 && tb_store_wilayah_served(s, "35") == 1,
          "served: 35.07 (a posyandu) and its provinsi");
    CHECK(tb_store_wilayah_served(s, "11.08.01") == 0 && tb_store_wilayah_served(s, "11") == 0,
          "served: not another district of the list");
    CHECK(tb_store_setting_set(s, "kabupaten", "11.08") == 0 &&
              tb_store_wilayah_served(s, "11.08.01.2001") == 1 &&
              tb_store_wilayah_kode_list(s, 2, 3, got, 16) == 4,
          "served: the kabupaten `tumbuh init` recorded");
    CHECK(exec(s, "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES"
                  " ('35.99', 2, '35', 'Demo')") == 0 &&
              tb_store_wilayah_served(s, "35.99") == 1,
          "served: a kabupaten no list carries (the demo's)");
    close_desa(s, path);
}

int main(void)
{
    test_served();
    test_migration_4();
    test_nik_never_merges();
    test_nik_registration();
    char path[] = "/tmp/tumbuh-test-store-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        TB_TEST_MAIN_END();
    CHECK(tb_store_version(s) == tb_store_schema_latest(), "migrated to the latest version");
    CHECK(scalar(s, "PRAGMA journal_mode = WAL") >= -998, "wal");
    CHECK(scalar(s, "PRAGMA foreign_keys") == 1, "foreign keys on");
    /* Reference data: one active version per kind, KBM per Buku KIA 2023. */
    CHECK(scalar(s, "SELECT count(*) FROM ref_versi WHERE aktif = 1") == 6, "6 active kinds");
    CHECK(scalar(s, "SELECT count(*) FROM ref_versi WHERE jenis = 'kbm'") == 3, "3 KBM versions");
    CHECK(tb_store_kbm(s)->gram[2] == 900 && tb_store_kbm(s)->gram[7] == 300 &&
              tb_store_kbm(s)->gram[11] == 200,
          "active KBM loaded");
    CHECK(
        scalar(s,
               "SELECT gram FROM ref_kbm WHERE versi = 'kia2023-bulan3-600' AND umur_bulan = 3") ==
            600,
        "conflicting KBM version kept");
    CHECK(scalar(s, "SELECT count(*) FROM ref_ambang WHERE indeks = 'bbtb'") == 6, "BB/TB bands");
    CHECK(exec(s, "INSERT INTO ref_versi (jenis, versi, berlaku_mulai, aktif, sumber)"
                  " VALUES ('kbm', 'x', '2026-01-01', 1, 't')") == -1,
          "only one active version per kind");
    tb_store_close(s);
    /* Re-opening applies nothing twice. */
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "reopen: %s", err);
    CHECK(scalar(s, "SELECT count(*) FROM ref_kbm") == 180, "reference data not duplicated");

    /* Wilayah codes. */
    CHECK(tb_wilayah_level("35") == 1 && tb_wilayah_level("35.07") == 2 &&
              tb_wilayah_level("35.07.01") == 3 && tb_wilayah_level("35.07.01.2001") == 4,
          "levels");
    CHECK(tb_wilayah_level("3507") == -1 && tb_wilayah_level("35.07.1") == -1 &&
              tb_wilayah_level("35.07.01.2001'; DROP TABLE wilayah; --") == -1,
          "bad codes refused");
    int changed = -1;
    CHECK(tb_store_begin(s) == 0, "begin");
    CHECK(tb_store_wilayah_put(s, "35", "Jawa Timur", &changed) == 0 && changed, "prov");
    CHECK(tb_store_wilayah_put(s, "35.07", "Kab. Malang", NULL) == 0, "kab");
    CHECK(tb_store_wilayah_put(s, "35.07.01", "Donomulyo", NULL) == 0, "kec");
    CHECK(tb_store_wilayah_put(s, "35.07.01.2001", "Desa O'Brien \"x\"", NULL) == 0,
          "desa with quotes in the name (bound, not spliced)");
    CHECK(tb_store_wilayah_put(s, "35.07.01.2001", "Desa O'Brien \"x\"", &changed) == 0 && !changed,
          "same again: unchanged");
    CHECK(tb_store_wilayah_put(s, "35.09.01", "Orphan", NULL) == -1, "parent must exist (FK)");
    long pos = tb_store_posyandu_ensure(s, "35.07.01.2001", "Melati");
    CHECK(pos > 0 && tb_store_posyandu_ensure(s, "35.07.01.2001", "Melati") == pos, "posyandu");
    CHECK(exec(s,
               "INSERT INTO individu (id, nik, nama, nama_kunci, jk, tgl_lahir, desa)"
               " VALUES (1, '3507010101240001', 'Siti', 'siti', 2, '2024-01-15', '35.07.01.2001');"
               " INSERT INTO anak (individu_id, posyandu_id) VALUES (1, 1)") == 0,
          "child");
    /* z-scores on write, then N/T/O/B */
    const char *dates[] = {"2025-01-10", "2025-02-10", "2025-03-10", "2025-05-10"};
    double kg[] = {8.0, 8.4, 8.5, 9.0};
    for (int i = 0; i < 4; i++) {
        tb_pengukuran p;
        tb_pengukuran_init(&p);
        p.anak_id = 1;
        snprintf(p.tanggal, sizeof p.tanggal, "%s", dates[i]);
        p.posyandu_id = pos;
        p.bb = kg[i];
        p.tb = 72 + i;
        p.cara_ukur = 'l';
        int out = -1;
        CHECK(tb_store_pengukuran_put(s, &p, "2024-01-15", 2, &out) == 0 && out == TB_PUT_INSERTED,
              "insert %d: %s", i, tb_store_error(s));
    }
    CHECK(tb_store_kms_recompute(s, 1) == 0, "recompute");
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(tb_store_db(s),
                       "SELECT group_concat(naik, '') FROM (SELECT naik FROM"
                       " pengukuran WHERE anak_id = 1 ORDER BY tanggal)",
                       -1, &st, NULL);
    sqlite3_step(st);
    const char *naik = (const char *)sqlite3_column_text(st, 0);
    /* +400 g at 12 months (KBM 200): N; +100 g: T; April missed: O */
    CHECK(naik && !strcmp(naik, "BNTO"), "N/T/O/B: %s", naik ? naik : "(null)");
    sqlite3_finalize(st);
    CHECK(scalar(s, "SELECT count(*) FROM pengukuran WHERE z_bbu IS NOT NULL AND z_tbu IS NOT NULL"
                    " AND kat_tbu IS NOT NULL AND umur_hari IS NOT NULL") == 4,
          "z-scores and categories stored");
    CHECK(scalar(s, "SELECT umur_hari FROM pengukuran WHERE tanggal = '2025-01-10'") == 361,
          "age in days from the birth date");
    /* the same measurement again: unchanged; a corrected one: updated */
    tb_pengukuran p;
    tb_pengukuran_init(&p);
    p.anak_id = 1;
    snprintf(p.tanggal, sizeof p.tanggal, "2025-01-10");
    p.posyandu_id = pos;
    p.bb = 8.0;
    p.tb = 72;
    p.cara_ukur = 'l';
    int out = -1;
    CHECK(tb_store_pengukuran_put(s, &p, "2024-01-15", 2, &out) == 0 && out == TB_PUT_UNCHANGED,
          "same: unchanged (%d)", out);
    p.bb = 8.1;
    CHECK(tb_store_pengukuran_put(s, &p, "2024-01-15", 2, &out) == 0 && out == TB_PUT_UPDATED,
          "corrected: updated (%d)", out);
    CHECK(scalar(s, "SELECT count(*) FROM pengukuran") == 4, "still 4 rows");
    p.anak_id = 99; /* no such child */
    CHECK(tb_store_pengukuran_put(s, &p, "2024-01-15", 2, &out) == -1, "FK refuses unknown child");
    CHECK(tb_store_audit(s, 0, "impor", "pengukuran", "test.csv", NULL, "{\"n\": 4}") == 0,
          "audit");
    CHECK(tb_store_commit(s) == 0, "commit");
    /* A rolled-back transaction leaves nothing. */
    CHECK(tb_store_begin(s) == 0, "begin 2");
    tb_store_wilayah_put(s, "35.07.02", "Pagak", NULL);
    CHECK(tb_store_rollback(s) == 0, "rollback");
    CHECK(scalar(s, "SELECT count(*) FROM wilayah WHERE kode = '35.07.02'") == 0, "rolled back");
    CHECK(tb_store_count(s, "wilayah") == 4 && tb_store_count(s, "x; DROP") == -1, "count");
    tb_store_close(s);
    unlink(path);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    TB_TEST_MAIN_END();
}
