/*
 * wilayah.c - areas by Kemendagri code (see wilayah.h): the code's level,
 * the upsert of the wilayah import, names, sub-areas and code lists.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/internal.h"
#include "store/wilayah.h"

int tb_wilayah_level(const char *kode)
{
    /* 35 / 35.07 / 35.07.01 / 35.07.01.2001 */
    size_t n = strlen(kode);
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        char c = kode[i];
        if (c == '.')
            dots++;
        else if (c < '0' || c > '9')
            return -1;
    }
    static const size_t lens[] = {2, 5, 8, 13};
    if (dots > 3 || n != lens[dots])
        return -1;
    return dots + 1;
}

int tb_store_wilayah_put(tb_store *s, const char *kode, const char *nama, int *changed)
{
    int level = tb_wilayah_level(kode);
    if (level < 0)
        return tb_store_fail(
            s, "'%s' is not a Kemendagri code (35, 35.07, 35.07.01, 35.07.01.2001)", kode);
    char induk[16] = "";
    if (level > 1) {
        snprintf(induk, sizeof induk, "%s", kode);
        *strrchr(induk, '.') = 0;
    }
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES (?1, ?2, ?3, ?4)"
           " ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama WHERE nama <> excluded.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, level);
    tb_store_bind_text(st, 3, induk);
    sqlite3_bind_text(st, 4, nama, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "wilayah %s: %s", kode, sqlite3_errmsg(tb_store_db(s)));
    if (changed)
        *changed = sqlite3_changes(tb_store_db(s)) > 0;
    return 0;
}

int tb_store_wilayah_nama(tb_store *s, const char *kode, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT nama FROM wilayah WHERE kode = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    return rc;
}

int tb_store_wilayah_anak(tb_store *s, const char *kode,
                          int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT kode, nama FROM wilayah WHERE induk = ?1 ORDER BY nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1)) < 0)
            return -1;
    return 0;
}

/* The kabupaten the database serves: the one `tumbuh init` recorded, those
 * with a posyandu, and those no national list carries (the demo's 35.99). */
#define SERVED_KAB                                                                                 \
    "served(k) AS (SELECT nilai FROM pengaturan WHERE kunci = 'kabupaten'"                         \
    " UNION SELECT substr(desa, 1, 5) FROM posyandu"                                               \
    " UNION SELECT kode FROM wilayah WHERE tingkat = 2"                                            \
    " AND kode NOT IN (SELECT kode FROM wilayah_daftar_kode))"

int tb_store_wilayah_kode_list(tb_store *s, int from, int to, char (*codes)[32], int max)
{
    sqlite3_stmt *st = tb_store_stmt(s, "WITH " SERVED_KAB " SELECT kode FROM wilayah"
                                        " WHERE tingkat BETWEEN ?1 AND ?2"
                                        " AND substr(kode, 1, 5) IN (SELECT k FROM served)"
                                        " ORDER BY kode");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, from);
    sqlite3_bind_int(st, 2, to);
    int n = 0;
    while (n < max && sqlite3_step(st) == SQLITE_ROW)
        tb_store_col_text(st, 0, codes[n++], 32);
    sqlite3_reset(st);
    return n;
}

int tb_store_wilayah_served(tb_store *s, const char *kode)
{
    sqlite3_stmt *st = tb_store_stmt(s, "WITH " SERVED_KAB " SELECT 1 FROM served"
                                        " WHERE k = substr(?1, 1, 5)"
                                        " OR (length(?1) = 2 AND k LIKE ?1 || '.%') LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    return tb_store_step_one(s, st);
}

int tb_store_wilayah_get(tb_store *s, const char *kode, char *nama, size_t namalen)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT nama FROM wilayah WHERE kode = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (nama && namalen)
            snprintf(nama, namalen, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        return 1;
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "wilayah: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

/* Calls fn for every (kode, tingkat, nama) row of st; fn's non-zero answer
 * stops and is returned; -1 on a store error (what names the table). */
static int each_row(tb_store *s, sqlite3_stmt *st, const char *what,
                    int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama),
                    void *ctx)
{
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int r = fn(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                   (const char *)sqlite3_column_text(st, 2));
        if (r) {
            sqlite3_reset(st);
            return r;
        }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "%s: %s", what, sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_wilayah_each(tb_store *s,
                          int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama),
                          void *ctx)
{
    return each_row(s, tb_store_stmt(s, "SELECT kode, tingkat, nama FROM wilayah ORDER BY kode"),
                    "wilayah", fn, ctx);
}

int tb_store_wilayah_list_start(tb_store *s, const char *versi, const char *sha256, long rows)
{
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE wilayah_daftar_kode SET di_daftar = 0");
    if (!st || sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "wilayah list: %s", sqlite3_errmsg(tb_store_db(s)));
    st = tb_store_stmt(s, "INSERT INTO wilayah_daftar (versi, sha256, baris) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT (versi) DO UPDATE SET sha256 = excluded.sha256,"
                          " baris = excluded.baris, dimuat = datetime('now')");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, versi, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sha256, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, rows);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "wilayah list: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_wilayah_list_put(tb_store *s, const char *versi, const char *kode, const char *nama)
{
    if (tb_store_wilayah_put(s, kode, nama, NULL))
        return -1;
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO wilayah_daftar_kode (kode, daftar, di_daftar)"
                                        " VALUES (?1, ?2, 1) ON CONFLICT (kode) DO UPDATE SET"
                                        " daftar = excluded.daftar, di_daftar = 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, versi, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "wilayah %s: %s", kode, sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_wilayah_list_loaded(tb_store *s, const char *versi)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM wilayah_daftar WHERE versi = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, versi, -1, SQLITE_TRANSIENT);
    return tb_store_step_one(s, st);
}

long tb_store_wilayah_list_count(tb_store *s, int level, const char *under)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT count(*) FROM wilayah w JOIN wilayah_daftar_kode d"
                         " ON d.kode = w.kode WHERE d.di_daftar = 1 AND w.tingkat = ?1"
                         " AND (?2 = '' OR w.kode LIKE ?2 || '.%')");
    if (!st)
        return -1;
    sqlite3_bind_int(st, 1, level);
    sqlite3_bind_text(st, 2, under ? under : "", -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW)
        return tb_store_fail(s, "wilayah: %s", sqlite3_errmsg(tb_store_db(s)));
    long n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

int tb_store_wilayah_in_list(tb_store *s, const char *kode)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT 1 FROM wilayah_daftar_kode WHERE kode = ?1 AND di_daftar = 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    return tb_store_step_one(s, st);
}

int tb_store_wilayah_alias_put(tb_store *s, const char *nama, const char *kode)
{
    return tb_store_wilayah_alias_add(s, 0, nama, kode) < 0 ? -1 : 0;
}

/* The audit record of an alias: its spelling and code as JSON. */
static int alias_audit(tb_store *s, long by, const char *aksi, const char *nama, const char *kode)
{
    tb_buf j = {0};
    tb_buf_puts(&j, "{\"nama\":");
    tb_buf_json_str(&j, nama);
    tb_buf_puts(&j, ",\"kode\":");
    tb_buf_json_str(&j, kode);
    tb_buf_puts(&j, "}");
    bool del = !strcmp(aksi, "hapus");
    int rc = tb_store_audit(s, by, aksi, "wilayah_alias", kode, del ? j.data : NULL,
                            del ? NULL : j.data);
    tb_buf_free(&j);
    return rc;
}

int tb_store_wilayah_alias_add(tb_store *s, long by, const char *nama, const char *kode)
{
    int have = tb_store_wilayah_get(s, kode, NULL, 0);
    if (have <= 0)
        return have < 0 ? -1 : tb_store_fail(s, "kode %s tidak ada di daftar wilayah", kode);
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT OR IGNORE INTO wilayah_alias (nama, kode) VALUES (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kode, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "alias %s: %s", kode, sqlite3_errmsg(tb_store_db(s)));
    if (!sqlite3_changes(tb_store_db(s)))
        return 0;
    return alias_audit(s, by, "tambah", nama, kode) ? -1 : 1;
}

int tb_store_wilayah_alias_del(tb_store *s, long by, const char *nama, const char *kode)
{
    sqlite3_stmt *st = tb_store_stmt(s, "DELETE FROM wilayah_alias WHERE nama = ?1 AND kode = ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kode, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "alias %s: %s", kode, sqlite3_errmsg(tb_store_db(s)));
    if (!sqlite3_changes(tb_store_db(s)))
        return 0;
    return alias_audit(s, by, "hapus", nama, kode) ? -1 : 1;
}

int tb_store_wilayah_alias_list(tb_store *s, const char *under,
                                int (*fn)(void *ctx, const tb_wilayah_alias *a), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT a.nama, a.kode, w.tingkat, w.nama, coalesce(k.kode, ''), coalesce(k.nama, '')"
           " FROM wilayah_alias a JOIN wilayah w ON w.kode = a.kode"
           " LEFT JOIN wilayah k ON k.kode = CASE w.tingkat WHEN 4 THEN w.induk ELSE w.kode END"
           " WHERE ?1 = '' OR a.kode = ?1 OR a.kode LIKE ?1 || '.%'"
           " ORDER BY k.nama, w.tingkat, w.nama, a.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, under ? under : "", -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_wilayah_alias a;
        snprintf(a.nama, sizeof a.nama, "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(a.kode, sizeof a.kode, "%s", (const char *)sqlite3_column_text(st, 1));
        a.tingkat = sqlite3_column_int(st, 2);
        snprintf(a.wilayah_nama, sizeof a.wilayah_nama, "%s",
                 (const char *)sqlite3_column_text(st, 3));
        snprintf(a.kecamatan, sizeof a.kecamatan, "%s", (const char *)sqlite3_column_text(st, 4));
        snprintf(a.kecamatan_nama, sizeof a.kecamatan_nama, "%s",
                 (const char *)sqlite3_column_text(st, 5));
        if (fn(ctx, &a) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "wilayah_alias: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_wilayah_alias_each(
    tb_store *s, int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama), void *ctx)
{
    return each_row(s,
                    tb_store_stmt(s, "SELECT a.kode, w.tingkat, a.nama FROM wilayah_alias a"
                                     " JOIN wilayah w ON w.kode = a.kode ORDER BY a.kode"),
                    "wilayah_alias", fn, ctx);
}

int tb_store_wilayah_unlisted(tb_store *s)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT EXISTS (SELECT 1 FROM wilayah w WHERE NOT EXISTS"
                                        " (SELECT 1 FROM wilayah_daftar_kode d"
                                        " WHERE d.kode = w.kode))");
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return tb_store_fail(s, "wilayah: %s", sqlite3_errmsg(tb_store_db(s)));
    int n = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    return n;
}
