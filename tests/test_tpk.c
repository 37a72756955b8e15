/*
 * test_tpk.c - the TPK store (store/tpk.h) on a hand-made desa: assigning
 * targets (inserted, unchanged, moved; refused outside the team's desa;
 * "every target of the desa" counted by hand), the due list overdue first,
 * a visit stored once per uuid, a referral's outcome, the active checklist.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/internal.h"
#include "store/store.h"
#include "store/tpk.h"
#include "tb_test.h"

static int collect(void *ctx, const tb_tpk_sasaran_row *r)
{
    tb_tpk_sasaran_row *out = ctx;
    for (int i = 0; i < 8; i++)
        if (!out[i].id) {
            out[i] = *r;
            break;
        }
    return 0;
}

/* The fixture: desa A and B; in A a catin marrying after 2026-11-10, a
 * pregnancy, a delivery 50 days before (past the 42 days of nifas), a
 * child of 10 months and one of 30 months (not a baduta). */
static const char *const FIXTURE =
    "INSERT INTO wilayah VALUES ('35', 1, NULL, 'P', 0, NULL), ('35.97', 2, '35', 'K', 0, NULL),"
    " ('35.97.01', 3, '35.97', 'C', 0, NULL), ('35.97.01.2001', 4, '35.97.01', 'A', 0, NULL),"
    " ('35.97.01.2002', 4, '35.97.01', 'B', 0, NULL);"
    "INSERT INTO individu (id, nama, nama_kunci, tgl_lahir, desa) VALUES"
    " (1, 'Catin', 'catin', '2000-01-01', '35.97.01.2001'),"
    " (2, 'Bumil', 'bumil', '1995-01-01', '35.97.01.2001'),"
    " (3, 'Nifas Lama', 'nifas lama', '1994-01-01', '35.97.01.2001'),"
    " (4, 'Bayi', 'bayi', '2026-01-10', '35.97.01.2001'),"
    " (5, 'Balita', 'balita', '2024-05-10', '35.97.01.2001'),"
    " (6, 'Orang B', 'orang b', '1990-01-01', '35.97.01.2002');"
    "INSERT INTO catin (individu_id, tgl_periksa, tgl_rencana_nikah) VALUES (1, '2026-08-01',"
    " '2026-12-20');"
    "INSERT INTO kehamilan (ibu_id, hpht, hpl, tgl_persalinan) VALUES"
    " (2, '2026-06-01', '2027-03-08', NULL), (3, '2025-12-01', '2026-09-07', '2026-09-21');"
    "INSERT INTO anak (individu_id) VALUES (4), (5);"
    /* families: 10 at risk, no member a target (a PUS family through the 4T);
     * 11 at risk, its baby a target; 12 not at risk; 13 at risk in desa B */
    "INSERT INTO keluarga (id, no_kk, desa, sasaran, krs) VALUES"
    " (10, 'KK10', '35.97.01.2001', 1, 1), (11, 'KK11', '35.97.01.2001', 1, 1),"
    " (12, 'KK12', '35.97.01.2001', 1, 0), (13, 'KK13', '35.97.01.2002', 1, 1);"
    "INSERT INTO individu (id, nama, nama_kunci, tgl_lahir, desa, keluarga_id) VALUES"
    " (7, 'Ibu PUS', 'ibu pus', '1983-01-01', '35.97.01.2001', 10);"
    "UPDATE individu SET keluarga_id = 11 WHERE id = 4;"
    /* a baby of desa A who moved away on the day of the assignment */
    "INSERT INTO individu (id, nama, nama_kunci, tgl_lahir, desa) VALUES"
    " (8, 'Bayi Pindah', 'bayi pindah', '2026-03-01', '35.97.01.2001');"
    "INSERT INTO anak (individu_id) VALUES (8);"
    "INSERT INTO anak_status (individu_id, tanggal, status) VALUES (8, '2026-11-10', 'pindah');";

int main(void)
{
    char path[] = "/tmp/tumbuh-test-tpk-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    unlink(path);
    tb_store *s;
    char err[256];
    CHECK(tb_store_open(path, &s, err, sizeof err) == 0, "open: %s", err);
    if (!s)
        TB_TEST_MAIN_END();
    CHECK(tb_store_exec(s, FIXTURE) == 0, "fixture: %s", tb_store_error(s));
    long a = 0, b = 0;
    CHECK(tb_store_tpk_create(s, 0, "35.97.01.2001", "Tim A", "SK-1", "2026-01-02", &a) == 0 &&
              tb_store_tpk_create(s, 0, "35.97.01.2002", "Tim B", NULL, NULL, &b) == 0,
          "two teams: %s", tb_store_error(s));
    CHECK(tb_store_count(s, "audit_log") == 2, "each team audited");
    int out = -1;
    CHECK(tb_store_tpk_assign(s, 0, a, 6, "bumil", "2026-11-10", &out) == -1,
          "a person of desa B is refused for team A");
    CHECK(tb_store_tpk_assign(s, 0, a, 2, "bumil", "2026-10-01", &out) == 0 &&
              out == TB_PUT_INSERTED,
          "assigned: %d", out);
    CHECK(tb_store_tpk_assign(s, 0, a, 2, "bumil", "2026-10-05", &out) == 0 &&
              out == TB_PUT_UNCHANGED,
          "the same again: unchanged (%d)", out);
    /* every target of desa A at 2026-11-10: catin 1, baduta 4 (bumil 2 has a
     * team; 3 delivered 50 days before; 5 is 30 months old; 8 moved away that
     * day) = 2; and the
     * family at risk none of whose members is a target: 10 (11 has its baby,
     * 12 is not at risk, 13 is in desa B) = 1 */
    CHECK(tb_store_tpk_assign_all(s, 0, a, "2026-11-10") == 3, "assign all: 2 + 1 family (%s)",
          tb_store_error(s));
    CHECK(tb_store_count(s, "tpk_keluarga") == 1, "one family assigned as a family");
    char chk[160];
    snprintf(chk, sizeof chk,
             "CREATE TEMP TABLE fam_a AS SELECT * FROM tpk_keluarga"
             " WHERE keluarga_id = 10 AND tpk_id = %ld",
             a);
    CHECK(tb_store_exec(s, chk) == 0 && tb_store_count(s, "fam_a") == 1,
          "it is family 10, with team A");
    CHECK(tb_store_tpk_assign_all(s, 0, a, "2026-11-10") == 0, "assign all again: none");
    /* a visit to the baduta with its next visit in December: not overdue */
    tb_tpk_visit v = {a, 0,    4,    0,    "baduta", "2026-11-05", "{}",         0,
                      0, NULL, NULL, NULL, NULL,     NULL,         "2026-12-05", "u-1"};
    long id = 0;
    CHECK(tb_store_tpk_visit_put(s, &v, &id) == 0 && id > 0, "visit: %s", tb_store_error(s));
    CHECK(tb_store_tpk_visit_by_uuid(s, "u-1") == id, "found by its uuid");
    long id2 = 0;
    CHECK(tb_store_tpk_visit_put(s, &v, &id2) == -1, "the same uuid twice: refused by the store");
    CHECK(tb_store_count(s, "tpk_kunjungan") == 1, "stored once");
    tb_tpk_sasaran_row rows[8];
    memset(rows, 0, sizeof rows);
    CHECK(tb_store_tpk_sasaran(s, a, NULL, "2026-11-10", collect, rows) == 0, "due list");
    /* bumil 2: due 2026-10-01 (assigned, never visited), overdue; catin 1 due
     * 2026-11-10 (assigned that day): not overdue; baduta 4 due 2026-12-05 */
    CHECK(rows[0].individu_id == 2 && rows[0].terlambat, "overdue first: %ld", rows[0].individu_id);
    CHECK(rows[1].individu_id == 1 && !rows[1].terlambat, "then by due date: %ld",
          rows[1].individu_id);
    CHECK(rows[2].individu_id == 4 && !strcmp(rows[2].jatuh_tempo, "2026-12-05") &&
              !strcmp(rows[2].terakhir, "2026-11-05"),
          "the visited baduta: due %s, last %s", rows[2].jatuh_tempo, rows[2].terakhir);
    CHECK(tb_store_tpk_assign(s, 0, b, 2, "bumil", "2026-11-10", &out) == -1,
          "team B may not take a target of desa A");
    long t = 0;
    CHECK(tb_store_tpk_rujukan_hasil(s, 0, id, "selesai", "ok", "2026-11-20", &t) == 0,
          "a visit without a referral has no outcome to record");
    tb_tpk_visit r = {a, 0,    2,           0,     "bumil", "2026-11-06", "{}",         1,
                      1, NULL, "Puskesmas", "KEK", NULL,    NULL,         "2026-12-06", NULL};
    long rid = 0;
    CHECK(tb_store_tpk_visit_put(s, &r, &rid) == 0, "a referral");
    CHECK(tb_store_tpk_rujukan_hasil(s, 0, rid, "selesai", "PMT", "2026-11-20", &t) == 1 && t == a,
          "its outcome");
    tb_checklist_item it[16];
    char versi[32];
    int n = tb_store_checklist_active(s, versi, it, 16);
    CHECK(n == 7 && !strcmp(versi, "pendampingan-2026"), "active checklist: %d items of %s", n,
          versi);
    CHECK(n == 7 && !strcmp(it[0].daftar, "3standar") && !strcmp(it[0].kode, "catin_3_bulan") &&
              !strcmp(it[6].kode, "pasti_terpantau"),
          "in order: %s .. %s", it[0].kode, it[n > 0 ? n - 1 : 0].kode);
    for (int k = 0; k < n; k++)
        CHECK(tb_sp_lookup(it[k].kode) >= 0, "item %s is computed", it[k].kode);
    tb_store_close(s);
    char f[300];
    const char *ext[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(f, sizeof f, "%s%s", path, ext[i]);
        unlink(f);
    }
    TB_TEST_MAIN_END();
}
