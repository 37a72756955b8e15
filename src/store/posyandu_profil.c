/*
 * posyandu_profil.c - the posyandu itself: cadres, open days, kit, PMT
 * menus, PAUD measured the same day (posyandu_profil.h).
 */
#include "store/posyandu_profil.h"

#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "tb_date.h"

/* The antropometri kit Kemenkes distributes to posyandu (2022-2024): the
 * measuring items and the bag they come in. A posyandu has the standard
 * kit (posyandu.kit_standar) when every measuring item is there and in
 * good order. */
const char *const tb_alat_kode[TB_ALAT_N] = {"timbangan_bayi", "timbangan_injak", "papan_pb",
                                             "stadiometer",    "pita_lila",       "pita_lika",
                                             "tas_kit"};
const char *const tb_alat_label[TB_ALAT_N] = {
    "Timbangan bayi digital",
    "Timbangan injak digital (anak dan dewasa)",
    "Alat ukur panjang badan (length board / infantometer)",
    "Alat ukur tinggi badan (stadiometer / microtoise)",
    "Pita LiLA",
    "Pita lingkar kepala",
    "Tas / kotak penyimpan kit"};
#define TB_ALAT_UKUR 6 /* the first six are the measuring items */

const char *const tb_pmt_sumber[TB_PMT_SUMBER_N] = {"APBDes",           "BOK puskesmas", "APBD",
                                                    "APBN (PMT lokal)", "Swadaya / CSR", "lainnya"};

static bool blank(const char *v)
{
    return !v || !*v;
}

/* Steps write st in a transaction with its audit record (row: the posyandu, after: JSON). */
static int write_audited(tb_store *s, sqlite3_stmt *st, long user, const char *aksi,
                         const char *table, long posyandu_id, const char *key, const char *value,
                         long *id)
{
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, table);
    sqlite3_reset(st);
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) < 1)
        rc = tb_store_fail(s, "Posyandu atau baris tidak ditemukan.");
    char row[32], after[600];
    snprintf(row, sizeof row, "%ld", posyandu_id);
    snprintf(after, sizeof after, "{\"%s\":\"", key);
    size_t n = strlen(after);
    for (const char *p = value ? value : ""; *p && n + 8 < sizeof after; p++) {
        if (*p == '"' || *p == '\\')
            after[n++] = '\\';
        after[n++] = (unsigned char)*p < 0x20 ? ' ' : *p;
    }
    snprintf(after + n, sizeof after - n, "\"}");
    if (rc == 0)
        rc = tb_store_audit(s, user, aksi, table, row, NULL, after);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (id)
        *id = nid;
    return tb_store_commit(s);
}

int tb_store_kader_save(tb_store *s, long user, const tb_kader *k, long *id)
{
    if (blank(k->nama) || strlen(k->nama) > 120)
        return tb_store_fail(s, "Nama kader wajib diisi (paling banyak 120 huruf).");
    sqlite3_stmt *st =
        k->id > 0
            ? tb_store_stmt(s, "UPDATE posyandu_kader SET nama = ?3, terlatih = ?4, pelatihan = ?5,"
                               " aktif = ?6 WHERE id = ?1 AND posyandu_id = ?2")
            : tb_store_stmt(s, "INSERT INTO posyandu_kader (posyandu_id, nama, terlatih, pelatihan,"
                               " aktif) SELECT id, ?3, ?4, ?5, ?6 FROM posyandu WHERE id = ?2"
                               " AND ?1 = 0");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, k->id > 0 ? k->id : 0);
    sqlite3_bind_int64(st, 2, k->posyandu_id);
    tb_store_bind_text(st, 3, k->nama);
    sqlite3_bind_int(st, 4, k->terlatih ? 1 : 0);
    tb_store_bind_text(st, 5, k->pelatihan);
    sqlite3_bind_int(st, 6, k->aktif ? 1 : 0);
    long nid = 0;
    if (write_audited(s, st, user, k->id > 0 ? "ubah" : "tambah", "posyandu_kader", k->posyandu_id,
                      "nama", k->nama, &nid) < 0)
        return -1;
    if (id)
        *id = k->id > 0 ? k->id : nid;
    return 0;
}

int tb_store_kader_each(tb_store *s, long posyandu_id, int (*fn)(void *ctx, const tb_kader *k),
                        void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT id, posyandu_id, nama, pelatihan, terlatih, aktif FROM posyandu_kader"
           " WHERE posyandu_id = ?1 ORDER BY aktif DESC, nama, id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_kader k = {sqlite3_column_int64(st, 0),
                      sqlite3_column_int64(st, 1),
                      (const char *)sqlite3_column_text(st, 2),
                      (const char *)sqlite3_column_text(st, 3),
                      sqlite3_column_int(st, 4) != 0,
                      sqlite3_column_int(st, 5) != 0};
        if (fn(ctx, &k) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "posyandu_kader");
}

int tb_store_buka_add(tb_store *s, long user, long posyandu_id, const char *tanggal)
{
    if (tb_date_iso(tanggal) == TB_DATE_NONE)
        return tb_store_fail(s, "Tanggal buka tidak valid (TTTT-BB-HH).");
    sqlite3_stmt *c =
        tb_store_stmt(s, "SELECT 1 FROM posyandu_buka WHERE posyandu_id = ?1 AND tanggal = ?2");
    if (!c)
        return -1;
    sqlite3_bind_int64(c, 1, posyandu_id);
    tb_store_bind_text(c, 2, tanggal);
    int f = tb_store_step_one(s, c);
    sqlite3_reset(c);
    if (f != 0)
        return f < 0 ? -1 : 0; /* already recorded: unchanged */
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO posyandu_buka (posyandu_id, tanggal)"
                                        " SELECT id, ?2 FROM posyandu WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    tb_store_bind_text(st, 2, tanggal);
    return write_audited(s, st, user, "tambah", "posyandu_buka", posyandu_id, "tanggal", tanggal,
                         NULL);
}

int tb_store_buka_each(tb_store *s, long posyandu_id, int limit,
                       int (*fn)(void *ctx, const char *tanggal), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT tanggal FROM posyandu_buka WHERE posyandu_id = ?1"
                                        " ORDER BY tanggal DESC LIMIT ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "posyandu_buka");
}

static int alat_index(const char *a)
{
    for (int i = 0; a && i < TB_ALAT_N; i++)
        if (!strcmp(a, tb_alat_kode[i]))
            return i;
    return -1;
}

int tb_store_alat_set(tb_store *s, long user, long posyandu_id, const char *alat, bool ada,
                      bool baik)
{
    if (alat_index(alat) < 0)
        return tb_store_fail(s, "Alat tidak ada di daftar kit antropometri standar.");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO posyandu_alat (posyandu_id, alat, ada, baik) SELECT id, ?2, ?3, ?4"
           " FROM posyandu WHERE id = ?1 ON CONFLICT (posyandu_id, alat) DO UPDATE"
           " SET ada = excluded.ada, baik = excluded.baik");
    /* the standard kit: every measuring item present and in good order */
    sqlite3_stmt *k = tb_store_stmt(
        s, "UPDATE posyandu SET kit_standar = ((SELECT count(*) FROM posyandu_alat a"
           " WHERE a.posyandu_id = ?1 AND a.ada = 1 AND a.baik = 1 AND a.alat IN"
           " ('timbangan_bayi', 'timbangan_injak', 'papan_pb', 'stadiometer', 'pita_lila',"
           " 'pita_lika')) = ?2) WHERE id = ?1");
    if (!st || !k)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    tb_store_bind_text(st, 2, alat);
    sqlite3_bind_int(st, 3, ada ? 1 : 0);
    sqlite3_bind_int(st, 4, ada && baik ? 1 : 0);
    char v[80];
    snprintf(v, sizeof v, "%s=%s", alat, !ada ? "tidak ada" : baik ? "baik" : "rusak");
    if (write_audited(s, st, user, "ubah", "posyandu_alat", posyandu_id, "alat", v, NULL) < 0)
        return -1;
    sqlite3_bind_int64(k, 1, posyandu_id);
    sqlite3_bind_int(k, 2, TB_ALAT_UKUR);
    int rc = tb_store_step_done(s, k, "posyandu.kit_standar");
    sqlite3_reset(k);
    return rc;
}

typedef struct {
    bool ada[TB_ALAT_N], baik[TB_ALAT_N];
} alat_state;

int tb_store_alat_each(tb_store *s, long posyandu_id,
                       int (*fn)(void *ctx, const char *kode, const char *label, bool ada,
                                 bool baik),
                       void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT alat, ada, baik FROM posyandu_alat WHERE posyandu_id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    alat_state a = {{0}, {0}};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int i = alat_index((const char *)sqlite3_column_text(st, 0));
        if (i >= 0) {
            a.ada[i] = sqlite3_column_int(st, 1) != 0;
            a.baik[i] = sqlite3_column_int(st, 2) != 0;
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "posyandu_alat");
    for (int i = 0; i < TB_ALAT_N; i++)
        if (fn(ctx, tb_alat_kode[i], tb_alat_label[i], a.ada[i], a.baik[i]) < 0)
            break;
    return 0;
}

int tb_store_pmt_add(tb_store *s, long user, const tb_pmt *p, long *id)
{
    if (tb_date_iso(p->tanggal) == TB_DATE_NONE)
        return tb_store_fail(s, "Tanggal PMT tidak valid (TTTT-BB-HH).");
    if (blank(p->menu) || strlen(p->menu) > 500)
        return tb_store_fail(s, "Menu PMT wajib diisi (paling banyak 500 huruf).");
    if (blank(p->sumber) || strlen(p->sumber) > 100)
        return tb_store_fail(s, "Sumber PMT wajib diisi (mis. APBDes, BOK puskesmas, swadaya).");
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO posyandu_pmt (posyandu_id, tanggal, menu, sumber)"
                         " SELECT id, ?2, ?3, ?4 FROM posyandu WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->posyandu_id);
    tb_store_bind_text(st, 2, p->tanggal);
    tb_store_bind_text(st, 3, p->menu);
    tb_store_bind_text(st, 4, p->sumber);
    return write_audited(s, st, user, "tambah", "posyandu_pmt", p->posyandu_id, "menu", p->menu,
                         id);
}

int tb_store_pmt_each(tb_store *s, long posyandu_id, int limit,
                      int (*fn)(void *ctx, const tb_pmt *p), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id, posyandu_id, tanggal, menu, sumber FROM posyandu_pmt"
                         " WHERE posyandu_id = ?1 ORDER BY tanggal DESC, id DESC LIMIT ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_pmt p = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                    (const char *)sqlite3_column_text(st, 2),
                    (const char *)sqlite3_column_text(st, 3),
                    (const char *)sqlite3_column_text(st, 4)};
        if (fn(ctx, &p) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "posyandu_pmt");
}

int tb_store_paud_add(tb_store *s, long user, const tb_paud *p, long *id)
{
    if (tb_date_iso(p->tanggal) == TB_DATE_NONE)
        return tb_store_fail(s, "Tanggal pengukuran tidak valid (TTTT-BB-HH).");
    if (blank(p->nama_paud) || strlen(p->nama_paud) > 150)
        return tb_store_fail(s, "Nama PAUD wajib diisi (paling banyak 150 huruf).");
    if (p->jumlah_anak < 0 || p->jumlah_anak > 1000)
        return tb_store_fail(s, "Jumlah anak diukur: 0 sampai 1000.");
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO posyandu_paud (posyandu_id, tanggal, nama_paud, jumlah_anak)"
                         " SELECT id, ?2, ?3, ?4 FROM posyandu WHERE id = ?1"
                         " ON CONFLICT (posyandu_id, tanggal, nama_paud) DO UPDATE"
                         " SET jumlah_anak = excluded.jumlah_anak");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->posyandu_id);
    tb_store_bind_text(st, 2, p->tanggal);
    tb_store_bind_text(st, 3, p->nama_paud);
    sqlite3_bind_int(st, 4, p->jumlah_anak);
    return write_audited(s, st, user, "tambah", "posyandu_paud", p->posyandu_id, "nama_paud",
                         p->nama_paud, id);
}

int tb_store_paud_each(tb_store *s, long posyandu_id, int limit,
                       int (*fn)(void *ctx, const tb_paud *p), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT id, posyandu_id, tanggal, nama_paud, jumlah_anak FROM posyandu_paud"
           " WHERE posyandu_id = ?1 ORDER BY tanggal DESC, nama_paud LIMIT ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : -1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_paud p = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
                     (const char *)sqlite3_column_text(st, 2),
                     (const char *)sqlite3_column_text(st, 3), sqlite3_column_int(st, 4)};
        if (fn(ctx, &p) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "posyandu_paud");
}
