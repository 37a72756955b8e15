/*
 * users.c - the pengguna table.
 */
#include "store/internal.h"
#include "store/users.h"

#include <stdbool.h>

#include "base/buf.h"
#include "store/posyandu.h"
#include "store/sesi.h"
#include "store/wilayah.h"

#include <stdio.h>
#include <string.h>

int tb_store_user_create(tb_store *s, const char *username, const char *nama, const char *hash,
                         const char *peran, const char *wilayah, long posyandu_id, long *id)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO pengguna (username, nama, hash, peran, wilayah,"
                         " posyandu_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, username, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, peran, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, wilayah, -1, SQLITE_TRANSIENT);
    if (posyandu_id > 0)
        sqlite3_bind_int64(st, 6, posyandu_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "pengguna %s: %s", username, sqlite3_errmsg(tb_store_db(s)));
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (id)
        *id = nid;
    char row[32];
    snprintf(row, sizeof row, "%ld", nid);
    return tb_store_audit(s, 0, "tambah", "pengguna", row, NULL, NULL);
}

static int user_row(tb_store *s, sqlite3_stmt *st, tb_user *u)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return tb_store_fail(s, "pengguna: %s", sqlite3_errmsg(tb_store_db(s)));
    memset(u, 0, sizeof *u);
    u->id = (long)sqlite3_column_int64(st, 0);
    snprintf(u->username, sizeof u->username, "%s", (const char *)sqlite3_column_text(st, 1));
    snprintf(u->nama, sizeof u->nama, "%s", (const char *)sqlite3_column_text(st, 2));
    snprintf(u->hash, sizeof u->hash, "%s", (const char *)sqlite3_column_text(st, 3));
    snprintf(u->peran, sizeof u->peran, "%s", (const char *)sqlite3_column_text(st, 4));
    snprintf(u->wilayah, sizeof u->wilayah, "%s", (const char *)sqlite3_column_text(st, 5));
    u->posyandu_id = (long)sqlite3_column_int64(st, 6);
    u->aktif = sqlite3_column_int(st, 7);
    u->sandi_sementara = sqlite3_column_int(st, 8);
    tb_store_col_text(st, 9, u->telepon, sizeof u->telepon);
    tb_store_col_text(st, 10, u->login_terakhir, sizeof u->login_terakhir);
    return 1;
}

#define USER_COLS                                                                                  \
    "SELECT id, username, nama, hash, peran, wilayah, posyandu_id, aktif, sandi_sementara,"        \
    " telepon, login_terakhir FROM pengguna"

int tb_store_user_by_name(tb_store *s, const char *username, tb_user *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, USER_COLS " WHERE username = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, username, -1, SQLITE_TRANSIENT);
    return user_row(s, st, out);
}

int tb_store_user_by_id(tb_store *s, long id, tb_user *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, USER_COLS " WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    return user_row(s, st, out);
}

int tb_store_user_set_hash(tb_store *s, long id, const char *hash)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE pengguna SET hash = ?2, sandi_sementara = 0 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "pengguna") < 0)
        return -1;
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, id, "ubah", "pengguna", row, NULL, "{\"sandi\":\"diubah\"}");
}

int tb_store_user_add(tb_store *s, long by, tb_user *u, const char *hash, int sementara)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO pengguna (username, nama, hash, peran, wilayah,"
                         " posyandu_id, telepon, sandi_sementara)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, u->username, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, u->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, u->peran, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, u->wilayah, -1, SQLITE_TRANSIENT);
    if (u->posyandu_id > 0)
        sqlite3_bind_int64(st, 6, u->posyandu_id);
    if (u->telepon[0])
        sqlite3_bind_text(st, 7, u->telepon, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 8, sementara ? 1 : 0);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "pengguna %s: %s", u->username, sqlite3_errmsg(tb_store_db(s)));
    u->id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    tb_buf j = {0};
    tb_buf_puts(&j, "{\"username\":");
    tb_buf_json_str(&j, u->username);
    tb_buf_puts(&j, ",\"peran\":");
    tb_buf_json_str(&j, u->peran);
    tb_buf_puts(&j, ",\"wilayah\":");
    tb_buf_json_str(&j, u->wilayah);
    if (u->posyandu_id > 0)
        tb_buf_printf(&j, ",\"posyandu_id\":%ld", u->posyandu_id);
    tb_buf_puts(&j, "}");
    char row[32];
    snprintf(row, sizeof row, "%ld", u->id);
    int rc = tb_store_audit(s, by, "tambah", "pengguna", row, NULL, j.data ? j.data : "{}");
    tb_buf_free(&j);
    return rc;
}

int tb_user_role_level(const char *peran)
{
    static const struct {
        const char *peran;
        int level;
    } L[] = {{"admin_kab", 2},      {"tpps_kab", 2}, {"opd", 2},   {"tpps_kec", 3},
             {"gizi_puskesmas", 3}, {"desa", 4},     {"kader", 4}, {"tpk", 4}};
    for (size_t i = 0; i < sizeof L / sizeof L[0]; i++)
        if (!strcmp(peran, L[i].peran))
            return L[i].level;
    return -1;
}

static bool inside(const char *area, const char *kode)
{
    size_t n = strlen(area);
    return n && !strncmp(kode, area, n) && (kode[n] == 0 || kode[n] == '.');
}

static bool username_ok(const char *u)
{
    size_t n = strlen(u);
    if (n < 3 || n > 60)
        return false;
    for (const char *p = u; *p; p++)
        if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789._-", *p))
            return false;
    return true;
}

/* The area part of the refusal: u's wilayah (from the posyandu for a cadre). */
static const char *area_refusal(tb_store *s, int level, tb_user *u)
{
    if (!strcmp(u->peran, "kader")) {
        tb_posyandu_info p;
        if (u->posyandu_id <= 0)
            return "Kader harus punya posyandu (isi ID posyandu).";
        int rc = tb_store_posyandu_info(s, u->posyandu_id, &p);
        if (rc != 1)
            return rc < 0 ? "Posyandu tidak dapat dibaca." : "Posyandu tidak ditemukan.";
        snprintf(u->wilayah, sizeof u->wilayah, "%.15s", p.desa);
        return NULL;
    }
    u->posyandu_id = 0;
    char nama[96];
    if (tb_wilayah_level(u->wilayah) != level)
        return level == 2   ? "Peran ini memerlukan kode wilayah kabupaten (mis. 35.07)."
               : level == 3 ? "Peran ini memerlukan kode wilayah kecamatan (mis. 35.07.01)."
                            : "Peran ini memerlukan kode wilayah desa (mis. 35.07.01.2001).";
    int rc = tb_store_wilayah_get(s, u->wilayah, nama, sizeof nama);
    return rc == 1 ? NULL : rc < 0 ? "Wilayah tidak dapat dibaca." : "Kode wilayah tidak dikenal.";
}

const char *tb_store_user_refusal(tb_store *s, const tb_user *by, tb_user *u)
{
    int level = tb_user_role_level(u->peran);
    if (level < 0)
        return "Peran tidak dikenal (admin_kab, tpps_kab, opd, tpps_kec, gizi_puskesmas, desa,"
               " kader, tpk).";
    if (!username_ok(u->username))
        return "Nama pengguna 3-60 karakter: huruf kecil, angka, titik, garis bawah atau tanda"
               " hubung.";
    if (!u->nama[0])
        return "Nama wajib diisi.";
    if (by && level < tb_user_role_level(by->peran))
        return "Anda tidak dapat memberi peran di atas tingkat Anda sendiri.";
    const char *why = area_refusal(s, level, u);
    if (why)
        return why;
    if (by && !inside(by->wilayah, u->wilayah))
        return "Wilayah pengguna baru di luar wilayah kerja Anda.";
    if (by && by->posyandu_id > 0 && by->posyandu_id != u->posyandu_id)
        return "Posyandu di luar wilayah kerja Anda.";
    tb_user old;
    int rc = tb_store_user_by_name(s, u->username, &old);
    return rc == 0  ? NULL
           : rc < 0 ? "Pengguna tidak dapat dibaca."
                    : "Nama pengguna sudah dipakai.";
}

int tb_store_user_reset(tb_store *s, long by, long id, const char *hash)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE pengguna SET hash = ?2, sandi_sementara = 1 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
    int n;
    if (tb_store_step_done(s, st, "pengguna") < 0 || tb_store_sesi_delete_user(s, id, &n) < 0)
        return -1; /* the user's sessions end: the old password may be known to someone */
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, by, "ubah", "pengguna", row, NULL, "{\"sandi\":\"direset\"}");
}

int tb_store_user_set_aktif(tb_store *s, long by, long id, int aktif)
{
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE pengguna SET aktif = ?2 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int(st, 2, aktif ? 1 : 0);
    if (tb_store_step_done(s, st, "pengguna") < 0)
        return -1;
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, by, "ubah", "pengguna", row, aktif ? "{\"aktif\":0}" : "{\"aktif\":1}",
                          aktif ? "{\"aktif\":1}" : "{\"aktif\":0}");
}

int tb_store_user_login(tb_store *s, long id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "UPDATE pengguna SET login_terakhir = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    return tb_store_step_done(s, st, "pengguna");
}

int tb_store_user_each(tb_store *s, const char *wilayah,
                       int (*fn)(void *ctx, const tb_user *u, const char *posyandu), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT u.id, u.username, u.nama, '', u.peran, u.wilayah, u.posyandu_id, u.aktif,"
           " u.sandi_sementara, u.telepon, u.login_terakhir, coalesce(p.nama, '')"
           " FROM pengguna u LEFT JOIN posyandu p ON p.id = u.posyandu_id"
           " WHERE ?1 = '' OR u.wilayah = ?1 OR substr(u.wilayah, 1, length(?1) + 1) = ?1 || '.'"
           " ORDER BY u.username");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah ? wilayah : "", -1, SQLITE_TRANSIENT);
    tb_user u;
    int rc;
    while ((rc = user_row(s, st, &u)) == 1) {
        char pos[96];
        tb_store_col_text(st, 11, pos, sizeof pos);
        if (fn(ctx, &u, pos)) {
            sqlite3_reset(st);
            return 0;
        }
    }
    return rc;
}
