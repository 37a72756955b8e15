/*
 * test_atur.c - the district's setup in the store (store/atur.h): a desa
 * found by name as exports write it, the target that applies to an area
 * and year, a closed posyandu leaving the daily list and coming back, the
 * audit of each write; and the target line of the trend chart.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/svg_chart.h"
#include "store/atur.h"
#include "store/internal.h"
#include "store/posyandu.h"
#include "store/store.h"
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

static void test_desa_find(tb_store *s)
{
    char code[24];
    CHECK(tb_store_atur_desa_find(s, "35.99", "sukakarya", code, sizeof code) == 1 &&
              !strcmp(code, "35.99.01.2001"),
          "'sukakarya' is SUKA KARYA: %s", code);
    CHECK(tb_store_atur_desa_find(s, "35.99", "Desa Bts Ulu", code, sizeof code) == 1 &&
              !strcmp(code, "35.99.02.2002"),
          "'Desa Bts Ulu' is BTS. ULU: %s", code);
    CHECK(tb_store_atur_desa_find(s, "35.99", "3599022002", code, sizeof code) == 1 &&
              !strcmp(code, "35.99.02.2002"),
          "a code without dots");
    CHECK(tb_store_atur_desa_find(s, "35.99", "Mekarsari", code, sizeof code) == 2,
          "a name in two kecamatan: ambiguous");
    CHECK(tb_store_atur_desa_find(s, "35.99.01", "Mekarsari", code, sizeof code) == 1 &&
              !strcmp(code, "35.99.01.2002"),
          "the same name inside one kecamatan: found");
    CHECK(tb_store_atur_desa_find(s, "35.99.01", "BTS ULU", code, sizeof code) == 0,
          "a desa of another kecamatan is not found");
    CHECK(tb_store_atur_desa_find(s, "35.99", "35.98.01.2001", code, sizeof code) == 0,
          "a desa of another kabupaten is not found");
    CHECK(tb_store_atur_desa_find(s, "35.99", "  ", code, sizeof code) == 0, "blank: not found");
}

static double target(tb_store *s, const char *w, int year, int *got_year)
{
    tb_atur_target t;
    if (tb_store_atur_target_for(s, w, year, &t) != 1)
        return NAN;
    *got_year = t.tahun;
    return t.stunting;
}

static void test_targets(tb_store *s)
{
    int y = 0;
    CHECK(target(s, "35.99.01.2001", 2024, &y) == 14.0 && y == 2024, "national 2024: 14%%");
    CHECK(target(s, "35.99.01.2001", 2026, &y) == 14.2 && y == 2029,
          "2026 without its own: the next target (2029, 14.2%%), got %d", y);
    CHECK(target(s, "35.99.01.2001", 2031, &y) == 14.2 && y == 2029,
          "after the last target: the latest (2029)");
    tb_atur_target t = {.wilayah = "35.99", .tahun = 2026, .stunting = 16.5};
    snprintf(t.sumber, sizeof t.sumber, "RPJMD");
    CHECK(tb_store_atur_target_put(s, 7, &t) == 0, "kabupaten target stored");
    CHECK(target(s, "35.99.01.2001", 2026, &y) == 16.5 && y == 2026,
          "a desa takes its kabupaten's target before the national one");
    CHECK(target(s, "35.99.01.2001", 2027, &y) == 16.5 && y == 2026,
          "the area's own target (an earlier year) before the national one");
    snprintf(t.wilayah, sizeof t.wilayah, "35.99.01");
    t.stunting = 15;
    CHECK(tb_store_atur_target_put(s, 7, &t) == 0, "kecamatan target stored");
    CHECK(target(s, "35.99.01.2001", 2026, &y) == 15, "the kecamatan's before the kabupaten's");
    CHECK(target(s, "35.99.02.2001", 2026, &y) == 16.5, "another kecamatan keeps the kabupaten's");
    t.stunting = 14.5;
    CHECK(tb_store_atur_target_put(s, 7, &t) == 0 && target(s, "35.99.01", 2026, &y) == 14.5 &&
              scalar(s, "SELECT count(*) FROM target_prevalensi WHERE wilayah = '35.99.01'") == 1,
          "a second target of the same area and year replaces the first");
    CHECK(scalar(s, "SELECT count(*) FROM audit_log WHERE tabel = 'target_prevalensi'"
                    " AND pengguna_id = 7") == 3,
          "every target write audited with its user");
}

static int count_list(void *ctx, long id, const char *nama, const char *desa)
{
    (void)id, (void)nama, (void)desa;
    ++*(int *)ctx;
    return 0;
}

static void test_posyandu(tb_store *s)
{
    tb_atur_posyandu p = {.hari_buka = 12};
    snprintf(p.nama, sizeof p.nama, "Posyandu Melati");
    snprintf(p.desa, sizeof p.desa, "35.99.01.2001");
    CHECK(tb_store_atur_posyandu_add(s, 7, &p) == 0 && p.id > 0, "added");
    tb_atur_posyandu dup = p;
    snprintf(dup.nama, sizeof dup.nama, "POSYANDU MELATI");
    CHECK(tb_store_atur_posyandu_add(s, 7, &dup) == 1, "the same name in the desa (any case): 1");
    int n = 0;
    tb_store_posyandu_list(s, "35.99.01.2001", count_list, &n);
    CHECK(n == 1, "on the daily list: %d", n);
    CHECK(tb_store_atur_posyandu_tutup(s, 7, p.id, "2026-11-30") == 0, "closed");
    n = 0;
    tb_store_posyandu_list(s, "35.99.01.2001", count_list, &n);
    CHECK(n == 0, "closed: off the daily list (%d)", n);
    tb_atur_posyandu got;
    CHECK(tb_store_atur_posyandu_get(s, p.id, &got) == 1 && !strcmp(got.ditutup, "2026-11-30") &&
              got.hari_buka == 12,
          "closed: kept, with its day and the date closed");
    CHECK(tb_store_atur_posyandu_tutup(s, 7, p.id, NULL) == 0, "reopened");
    n = 0;
    tb_store_posyandu_list(s, "35.99.01.2001", count_list, &n);
    CHECK(n == 1, "reopened: back on the daily list");
    snprintf(p.desa, sizeof p.desa, "35.99.02.2001");
    CHECK(tb_store_atur_posyandu_update(s, 7, &p) == 0 &&
              tb_store_atur_posyandu_get(s, p.id, &got) == 1 && !strcmp(got.desa, "35.99.02.2001"),
          "moved to another desa");
    CHECK(scalar(s, "SELECT count(*) FROM audit_log WHERE tabel = 'posyandu' AND pengguna_id = 7"
                    " AND (sebelum IS NULL OR sebelum LIKE '%35.99.01.2001%')") == 4,
          "add, close, reopen and move audited");
}

static void test_chart(void)
{
    const char *labels[] = {"2025-11", "2025-12"};
    double v[] = {20, 18};
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    CHECK(tb_svg_line_target(f, "Tren", labels, v, 2, "%", 14, "Target 2024: 14%") == 0, "drawn");
    fclose(f);
    CHECK(data && strstr(data, "class=\"target\"") && strstr(data, "Target 2024: 14%"),
          "the target line and its label");
    free(data);
    data = NULL;
    f = open_memstream(&data, &len);
    tb_svg_line_target(f, "Tren", labels, v, 2, "%", NAN, NULL);
    fclose(f);
    CHECK(data && !strstr(data, "class=\"target\""), "no target: no line");
    free(data);
    data = NULL;
    f = open_memstream(&data, &len);
    double low[] = {5, 6};
    tb_svg_line_target(f, "Tren", labels, low, 2, "%", 14, "T");
    fclose(f);
    /* the axis grows to hold a target above every value: the line is inside the chart */
    const char *y1 = data ? strstr(data, "class=\"target\"") : NULL;
    double y = y1 ? atof(strstr(y1, "y1=\"") + 4) : -1;
    CHECK(y > 0, "a target above the values is inside the chart (y=%.1f)", y);
    free(data);
}

int main(void)
{
    char path[] = "/tmp/tumbuh-test-atur-XXXXXX";
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
                           " ('35.99.01.2002', 4, '35.99.01', 'MEKARSARI'),"
                           " ('35.99.02.2001', 4, '35.99.02', 'MEKARSARI'),"
                           " ('35.99.02.2002', 4, '35.99.02', 'BTS. ULU'),"
                           " ('35.98', 2, '35', 'LAIN'), ('35.98.01', 3, '35.98', 'LAIN'),"
                           " ('35.98.01.2001', 4, '35.98.01', 'SUKA KARYA');"
                           "INSERT INTO pengguna (id, username, nama, hash, peran, wilayah)"
                           " VALUES (7, 'admin', 'Admin', 'x', 'admin_kab', '35.99')") == 0,
          "fixture: %s", tb_store_error(s));
    test_desa_find(s);
    test_targets(s);
    test_posyandu(s);
    test_chart();
    tb_store_close(s);
    char f[300];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, ext[i]);
        unlink(f);
    }
    TB_TEST_MAIN_END();
}
