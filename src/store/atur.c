/*
 * atur.c - the district's own setup (see atur.h): puskesmas and posyandu
 * kept by the administrator, survey figures, prevalence targets and lokus
 * desa, each write audited with a JSON of what it was and what it became.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "store/atur.h"
#include "store/internal.h"

/* "under wilayah" for a column holding a code: the same code or below it */
#define UNDER(COL) " (" COL " = ?1 OR " COL " LIKE ?1 || '.%')"

#define POSYANDU_SELECT                                                                            \
    "SELECT p.id, p.nama, p.desa, d.nama, d.induk, k.nama, COALESCE(p.puskesmas_id, 0),"           \
    " COALESCE(u.nama, ''), COALESCE(p.hari_buka, 0), COALESCE(p.ditutup, '')"                     \
    " FROM posyandu p JOIN wilayah d ON d.kode = p.desa LEFT JOIN wilayah k ON k.kode = d.induk"   \
    " LEFT JOIN puskesmas u ON u.id = p.puskesmas_id"

static void read_posyandu(sqlite3_stmt *st, tb_atur_posyandu *p)
{
    memset(p, 0, sizeof *p);
    p->id = (long)sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, p->nama, sizeof p->nama);
    tb_store_col_text(st, 2, p->desa, sizeof p->desa);
    tb_store_col_text(st, 3, p->desa_nama, sizeof p->desa_nama);
    tb_store_col_text(st, 4, p->kecamatan, sizeof p->kecamatan);
    tb_store_col_text(st, 5, p->kecamatan_nama, sizeof p->kecamatan_nama);
    p->puskesmas_id = (long)sqlite3_column_int64(st, 6);
    tb_store_col_text(st, 7, p->puskesmas_nama, sizeof p->puskesmas_nama);
    p->hari_buka = sqlite3_column_int(st, 8);
    tb_store_col_text(st, 9, p->ditutup, sizeof p->ditutup);
}

int tb_store_atur_posyandu_each(tb_store *s, const char *wilayah,
                                int (*fn)(void *ctx, const tb_atur_posyandu *p), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, POSYANDU_SELECT " WHERE" UNDER("p.desa") " ORDER BY k.nama, d.nama, p.nama, p.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_atur_posyandu p;
        read_posyandu(st, &p);
        if (fn(ctx, &p) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_atur_posyandu_get(tb_store *s, long id, tb_atur_posyandu *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, POSYANDU_SELECT " WHERE p.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1)
        read_posyandu(st, out);
    if (st)
        sqlite3_reset(st);
    return rc;
}

static void posyandu_json(tb_buf *j, const tb_atur_posyandu *p)
{
    tb_buf_puts(j, "{\"nama\":");
    tb_buf_json_str(j, p->nama);
    tb_buf_puts(j, ",\"desa\":");
    tb_buf_json_str(j, p->desa);
    tb_buf_printf(j, ",\"puskesmas_id\":%ld,\"hari_buka\":%d", p->puskesmas_id, p->hari_buka);
    if (p->ditutup[0]) {
        tb_buf_puts(j, ",\"ditutup\":");
        tb_buf_json_str(j, p->ditutup);
    }
    tb_buf_puts(j, "}");
}

/* Audits a change of table's row id from before to after (either may be NULL). */
static int audit_change(tb_store *s, long by, const char *aksi, const char *table, long id,
                        const tb_buf *before, const tb_buf *after)
{
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, by, aksi, table, row, before ? before->data : NULL,
                          after ? after->data : NULL);
}

/* 1 when another posyandu (not id) of desa is called nama, 0 not, -1 error. */
static int posyandu_taken(tb_store *s, const char *desa, const char *nama, long id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM posyandu WHERE desa = ?1"
                                        " AND lower(nama) = lower(?2) AND id <> ?3");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, id);
    int rc = tb_store_step_one(s, st);
    sqlite3_reset(st);
    return rc;
}

int tb_store_atur_posyandu_find(tb_store *s, const char *desa, const char *nama, long *id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM posyandu WHERE desa = ?1"
                                        " AND lower(nama) = lower(?2) ORDER BY id LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        *id = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return rc;
}

int tb_store_atur_posyandu_add(tb_store *s, long by, tb_atur_posyandu *p)
{
    int taken = posyandu_taken(s, p->desa, p->nama, 0);
    if (taken)
        return taken;
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO posyandu (nama, desa, puskesmas_id, hari_buka)"
                                        " VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, p->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, p->desa, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 3, p->puskesmas_id, 1);
    tb_store_bind_int(st, 4, p->hari_buka, 1);
    if (tb_store_step_done(s, st, "posyandu"))
        return -1;
    p->id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    tb_buf j = {0};
    posyandu_json(&j, p);
    int rc = audit_change(s, by, "tambah", "posyandu", p->id, NULL, &j);
    tb_buf_free(&j);
    return rc;
}

int tb_store_atur_posyandu_update(tb_store *s, long by, const tb_atur_posyandu *p)
{
    tb_atur_posyandu old;
    int f = tb_store_atur_posyandu_get(s, p->id, &old);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "posyandu %ld tidak ada", p->id);
    int taken = posyandu_taken(s, p->desa, p->nama, p->id);
    if (taken)
        return taken;
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE posyandu SET nama = ?2, desa = ?3,"
                                        " puskesmas_id = ?4, hari_buka = ?5 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_text(st, 2, p->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->desa, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 4, p->puskesmas_id, 1);
    tb_store_bind_int(st, 5, p->hari_buka, 1);
    if (tb_store_step_done(s, st, "posyandu"))
        return -1;
    tb_atur_posyandu now = *p;
    memcpy(now.ditutup, old.ditutup, sizeof now.ditutup);
    tb_buf a = {0}, b = {0};
    posyandu_json(&a, &old);
    posyandu_json(&b, &now);
    int rc = audit_change(s, by, "ubah", "posyandu", p->id, &a, &b);
    tb_buf_free(&a);
    tb_buf_free(&b);
    return rc;
}

/* Sets or clears the closing date of a row of table (posyandu or puskesmas); audited. */
static int set_ditutup(tb_store *s, long by, const char *table, long id, const char *tanggal)
{
    sqlite3_stmt *st = tb_store_stmt(s, !strcmp(table, "posyandu")
                                            ? "UPDATE posyandu SET ditutup = ?2 WHERE id = ?1"
                                            : "UPDATE puskesmas SET ditutup = ?2 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, tanggal);
    if (tb_store_step_done(s, st, table))
        return -1;
    tb_buf j = {0};
    tb_buf_puts(&j, "{\"ditutup\":");
    if (tanggal)
        tb_buf_json_str(&j, tanggal);
    else
        tb_buf_puts(&j, "null");
    tb_buf_puts(&j, "}");
    int rc = audit_change(s, by, "ubah", table, id, NULL, &j);
    tb_buf_free(&j);
    return rc;
}

int tb_store_atur_posyandu_tutup(tb_store *s, long by, long id, const char *tanggal)
{
    return set_ditutup(s, by, "posyandu", id, tanggal);
}

int tb_store_atur_puskesmas_tutup(tb_store *s, long by, long id, const char *tanggal)
{
    return set_ditutup(s, by, "puskesmas", id, tanggal);
}

#define PUSKESMAS_SELECT                                                                           \
    "SELECT u.id, u.nama, u.kecamatan, COALESCE(k.nama, ''), COALESCE(u.ditutup, ''),"             \
    " (SELECT count(*) FROM posyandu p WHERE p.puskesmas_id = u.id AND p.ditutup IS NULL)"         \
    " FROM puskesmas u LEFT JOIN wilayah k ON k.kode = u.kecamatan"

static void read_puskesmas(sqlite3_stmt *st, tb_atur_puskesmas *p)
{
    memset(p, 0, sizeof *p);
    p->id = (long)sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, p->nama, sizeof p->nama);
    tb_store_col_text(st, 2, p->kecamatan, sizeof p->kecamatan);
    tb_store_col_text(st, 3, p->kecamatan_nama, sizeof p->kecamatan_nama);
    tb_store_col_text(st, 4, p->ditutup, sizeof p->ditutup);
    p->posyandu = (long)sqlite3_column_int64(st, 5);
}

int tb_store_atur_puskesmas_each(tb_store *s, const char *wilayah,
                                 int (*fn)(void *ctx, const tb_atur_puskesmas *p), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, PUSKESMAS_SELECT " WHERE" UNDER("u.kecamatan") " OR ?1 LIKE u.kecamatan || '.%'"
                                                          " ORDER BY k.nama, u.nama, u.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_atur_puskesmas p;
        read_puskesmas(st, &p);
        if (fn(ctx, &p) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_atur_puskesmas_get(tb_store *s, long id, tb_atur_puskesmas *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, PUSKESMAS_SELECT " WHERE u.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1)
        read_puskesmas(st, out);
    if (st)
        sqlite3_reset(st);
    return rc;
}

int tb_store_atur_puskesmas_find(tb_store *s, const char *wilayah, const char *nama, long *id)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id FROM puskesmas u WHERE lower(nama) = lower(?2)"
                         " AND ditutup IS NULL AND (?1 = '' OR" UNDER(
                             "u.kecamatan") " OR ?1 LIKE u.kecamatan || '.%') LIMIT 2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (n++ == 0)
            *id = (long)sqlite3_column_int64(st, 0);
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n > 1 ? 2 : n;
}

/* 1 when another puskesmas (not id) of the kecamatan is called nama, 0 not, -1 error. */
static int puskesmas_taken(tb_store *s, const char *kecamatan, const char *nama, long id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM puskesmas WHERE kecamatan = ?1"
                                        " AND lower(nama) = lower(?2) AND id <> ?3");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kecamatan, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, id);
    int rc = tb_store_step_one(s, st);
    sqlite3_reset(st);
    return rc;
}

static void puskesmas_json(tb_buf *j, const tb_atur_puskesmas *p)
{
    tb_buf_puts(j, "{\"nama\":");
    tb_buf_json_str(j, p->nama);
    tb_buf_puts(j, ",\"kecamatan\":");
    tb_buf_json_str(j, p->kecamatan);
    tb_buf_puts(j, "}");
}

int tb_store_atur_puskesmas_add(tb_store *s, long by, tb_atur_puskesmas *p)
{
    int taken = puskesmas_taken(s, p->kecamatan, p->nama, 0);
    if (taken)
        return taken;
    sqlite3_stmt *st = tb_store_stmt(s, "INSERT INTO puskesmas (nama, kecamatan) VALUES (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, p->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, p->kecamatan, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "puskesmas"))
        return -1;
    p->id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    tb_buf j = {0};
    puskesmas_json(&j, p);
    int rc = audit_change(s, by, "tambah", "puskesmas", p->id, NULL, &j);
    tb_buf_free(&j);
    return rc;
}

int tb_store_atur_puskesmas_update(tb_store *s, long by, const tb_atur_puskesmas *p)
{
    tb_atur_puskesmas old;
    int f = tb_store_atur_puskesmas_get(s, p->id, &old);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "puskesmas %ld tidak ada", p->id);
    int taken = puskesmas_taken(s, p->kecamatan, p->nama, p->id);
    if (taken)
        return taken;
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE puskesmas SET nama = ?2, kecamatan = ?3 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->id);
    sqlite3_bind_text(st, 2, p->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, p->kecamatan, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "puskesmas"))
        return -1;
    tb_buf a = {0}, b = {0};
    puskesmas_json(&a, &old);
    puskesmas_json(&b, p);
    int rc = audit_change(s, by, "ubah", "puskesmas", p->id, &a, &b);
    tb_buf_free(&a);
    tb_buf_free(&b);
    return rc;
}

/* s folded to lowercase letters and digits, with a leading "desa"/"kel" word dropped. */
static void fold_name(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        if (isalnum((unsigned char)*s))
            out[n++] = (char)tolower((unsigned char)*s);
    out[n] = 0;
    static const char *const prefix[] = {"desa", "kelurahan", "kel"};
    for (size_t i = 0; i < 3; i++) {
        size_t l = strlen(prefix[i]);
        if (n > l && !strncmp(out, prefix[i], l) && !isdigit((unsigned char)out[l])) {
            memmove(out, out + l, n - l + 1);
            break;
        }
    }
}

/* text as a dotted desa code (digits with or without dots) into out: true when it is one. */
static bool as_code(const char *text, char *out, size_t n)
{
    char d[16];
    size_t nd = 0;
    for (const char *p = text; *p; p++) {
        if (isdigit((unsigned char)*p) && nd < 15)
            d[nd++] = *p;
        else if (*p != '.' && *p != ' ')
            return false;
    }
    if (nd != 10)
        return false;
    snprintf(out, n, "%.2s.%.2s.%.2s.%.4s", d, d + 2, d + 4, d + 6);
    return true;
}

int tb_store_atur_desa_find(tb_store *s, const char *wilayah, const char *text, char *out, size_t n)
{
    char code[24] = "", want[128], got[128];
    bool is_code = as_code(text, code, sizeof code);
    fold_name(text, want, sizeof want);
    if (!is_code && !want[0])
        return 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT kode, nama FROM wilayah WHERE tingkat = 4"
                                        " AND (?1 = '' OR kode LIKE ?1 || '.%') ORDER BY kode");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int found = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        fold_name((const char *)sqlite3_column_text(st, 1), got, sizeof got);
        if (is_code ? !strcmp(k, code) : !strcmp(got, want)) {
            if (found++ == 0)
                snprintf(out, n, "%s", k);
        }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return found > 1 ? 2 : found;
}

int tb_store_atur_desa_each(tb_store *s, const char *wilayah,
                            int (*fn)(void *ctx, const char *kode, const char *nama,
                                      const char *kecamatan),
                            void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT d.kode, d.nama, k.nama FROM wilayah d"
                                        " JOIN wilayah k ON k.kode = d.induk WHERE d.tingkat = 4"
                                        " AND d.kode LIKE ?1 || '.%' ORDER BY k.nama, d.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1),
               (const char *)sqlite3_column_text(st, 2)) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

static void json_real(tb_buf *j, const char *key, double v)
{
    tb_buf_printf(j, ",\"%s\":", key);
    if (isnan(v))
        tb_buf_puts(j, "null");
    else
        tb_buf_json_num(j, v);
}

int tb_store_atur_survei_put(tb_store *s, long by, const tb_atur_survei *v)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO survei_prevalensi (wilayah, tahun, survei, stunting, wasting,"
           " underweight, sumber) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
           " ON CONFLICT (wilayah, tahun, survei) DO UPDATE SET stunting = excluded.stunting,"
           " wasting = excluded.wasting, underweight = excluded.underweight,"
           " sumber = excluded.sumber");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, v->wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, v->tahun);
    sqlite3_bind_text(st, 3, v->survei, -1, SQLITE_TRANSIENT);
    tb_store_bind_real(st, 4, v->stunting);
    tb_store_bind_real(st, 5, v->wasting);
    tb_store_bind_real(st, 6, v->underweight);
    sqlite3_bind_text(st, 7, v->sumber, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "survei_prevalensi"))
        return -1;
    tb_buf j = {0};
    tb_buf_puts(&j, "{\"survei\":");
    tb_buf_json_str(&j, v->survei);
    tb_buf_printf(&j, ",\"tahun\":%d", v->tahun);
    json_real(&j, "stunting", v->stunting);
    json_real(&j, "wasting", v->wasting);
    json_real(&j, "underweight", v->underweight);
    tb_buf_puts(&j, ",\"sumber\":");
    tb_buf_json_str(&j, v->sumber);
    tb_buf_puts(&j, "}");
    char row[64];
    snprintf(row, sizeof row, "%s|%d|%s", v->wilayah, v->tahun, v->survei);
    int rc = tb_store_audit(s, by, "ubah", "survei_prevalensi", row, NULL, j.data);
    tb_buf_free(&j);
    return rc;
}

int tb_store_atur_survei_each(tb_store *s, const char *kabupaten,
                              int (*fn)(void *ctx, const tb_atur_survei *v), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT wilayah, tahun, survei, stunting, wasting,"
                                        " underweight, COALESCE(sumber, '') FROM survei_prevalensi"
                                        " WHERE wilayah = ?1 ORDER BY tahun, survei");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kabupaten, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_atur_survei v;
        memset(&v, 0, sizeof v);
        tb_store_col_text(st, 0, v.wilayah, sizeof v.wilayah);
        v.tahun = sqlite3_column_int(st, 1);
        tb_store_col_text(st, 2, v.survei, sizeof v.survei);
        v.stunting = tb_store_col_real(st, 3);
        v.wasting = tb_store_col_real(st, 4);
        v.underweight = tb_store_col_real(st, 5);
        tb_store_col_text(st, 6, v.sumber, sizeof v.sumber);
        if (fn(ctx, &v) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_atur_target_put(tb_store *s, long by, const tb_atur_target *t)
{
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "INSERT INTO target_prevalensi (wilayah, tahun, stunting, sumber) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (wilayah, tahun) DO UPDATE SET stunting = excluded.stunting,"
        " sumber = excluded.sumber");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, t->wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, t->tahun);
    sqlite3_bind_double(st, 3, t->stunting);
    sqlite3_bind_text(st, 4, t->sumber, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "target_prevalensi"))
        return -1;
    tb_buf j = {0};
    tb_buf_printf(&j, "{\"tahun\":%d", t->tahun);
    json_real(&j, "stunting", t->stunting);
    tb_buf_puts(&j, ",\"sumber\":");
    tb_buf_json_str(&j, t->sumber);
    tb_buf_puts(&j, "}");
    char row[64];
    snprintf(row, sizeof row, "%s|%d", t->wilayah, t->tahun);
    int rc = tb_store_audit(s, by, "ubah", "target_prevalensi", row, NULL, j.data);
    tb_buf_free(&j);
    return rc;
}

static void read_target(sqlite3_stmt *st, tb_atur_target *t)
{
    memset(t, 0, sizeof *t);
    tb_store_col_text(st, 0, t->wilayah, sizeof t->wilayah);
    t->tahun = sqlite3_column_int(st, 1);
    t->stunting = sqlite3_column_double(st, 2);
    tb_store_col_text(st, 3, t->sumber, sizeof t->sumber);
}

int tb_store_atur_target_each(tb_store *s, const char *wilayah,
                              int (*fn)(void *ctx, const tb_atur_target *t), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT wilayah, tahun, stunting, sumber"
                                        " FROM target_prevalensi WHERE wilayah = 'ID' OR" UNDER(
                                            "wilayah") " ORDER BY wilayah <> 'ID', wilayah, tahun");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_atur_target t;
        read_target(st, &t);
        if (fn(ctx, &t) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_atur_target_for(tb_store *s, const char *wilayah, int tahun, tb_atur_target *out)
{
    /* the area itself or one above it (its code a prefix), then 'ID' */
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT wilayah, tahun, stunting, sumber FROM target_prevalensi"
           " WHERE wilayah = 'ID' OR wilayah = ?1 OR ?1 LIKE wilayah || '.%'"
           " ORDER BY wilayah = 'ID', length(wilayah) DESC, tahun < ?2, abs(tahun - ?2) LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        read_target(st, out);
    sqlite3_reset(st);
    return rc;
}

static void lokus_json(tb_buf *j, const tb_atur_lokus *l)
{
    tb_buf_printf(j, "{\"tahun\":%d,\"no_sk\":", l->tahun);
    tb_buf_json_str(j, l->no_sk);
    tb_buf_puts(j, ",\"tgl_sk\":");
    tb_buf_json_str(j, l->tgl_sk);
    tb_buf_puts(j, "}");
}

int tb_store_atur_lokus_put(tb_store *s, long by, const tb_atur_lokus *l)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO wilayah_lokus (kode, tahun, no_sk, tgl_sk) VALUES (?1, ?2, ?3, ?4)"
           " ON CONFLICT (kode, tahun) DO UPDATE SET no_sk = excluded.no_sk,"
           " tgl_sk = excluded.tgl_sk");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, l->desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, l->tahun);
    tb_store_bind_text(st, 3, l->no_sk);
    tb_store_bind_text(st, 4, l->tgl_sk);
    if (tb_store_step_done(s, st, "wilayah_lokus"))
        return -1;
    tb_buf j = {0};
    lokus_json(&j, l);
    char row[64];
    snprintf(row, sizeof row, "%s|%d", l->desa, l->tahun);
    int rc = tb_store_audit(s, by, "ubah", "wilayah_lokus", row, NULL, j.data);
    tb_buf_free(&j);
    return rc;
}

int tb_store_atur_lokus_hapus(tb_store *s, long by, const char *desa, int tahun)
{
    sqlite3_stmt *st = tb_store_stmt(s, "DELETE FROM wilayah_lokus WHERE kode = ?1 AND tahun = ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    if (tb_store_step_done(s, st, "wilayah_lokus"))
        return -1;
    char row[64];
    snprintf(row, sizeof row, "%s|%d", desa, tahun);
    return tb_store_audit(s, by, "hapus", "wilayah_lokus", row, NULL, NULL);
}

int tb_store_atur_lokus_each(tb_store *s, const char *wilayah,
                             int (*fn)(void *ctx, const tb_atur_lokus *l), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT l.kode, d.nama, COALESCE(k.nama, ''), l.tahun, COALESCE(l.no_sk, ''),"
           " COALESCE(l.tgl_sk, '') FROM wilayah_lokus l JOIN wilayah d ON d.kode = l.kode"
           " LEFT JOIN wilayah k ON k.kode = d.induk WHERE" UNDER(
               "l.kode") " ORDER BY l.tahun DESC, k.nama, d.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_atur_lokus l;
        memset(&l, 0, sizeof l);
        tb_store_col_text(st, 0, l.desa, sizeof l.desa);
        tb_store_col_text(st, 1, l.desa_nama, sizeof l.desa_nama);
        tb_store_col_text(st, 2, l.kecamatan_nama, sizeof l.kecamatan_nama);
        l.tahun = sqlite3_column_int(st, 3);
        tb_store_col_text(st, 4, l.no_sk, sizeof l.no_sk);
        tb_store_col_text(st, 5, l.tgl_sk, sizeof l.tgl_sk);
        if (fn(ctx, &l) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_atur_is_lokus(tb_store *s, const char *desa, int tahun)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT 1 FROM wilayah_lokus WHERE kode = ?1 AND tahun = ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    int rc = tb_store_step_one(s, st);
    sqlite3_reset(st);
    return rc;
}
