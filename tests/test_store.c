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

int main(void)
{
    test_migration_4();
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
