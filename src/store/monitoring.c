/*
 * monitoring.c - posyandu monitoring by agency teams (monitoring.h).
 */
#include "store/monitoring.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "tb_date.h"
#include "store/internal.h"

const char *const tb_butir_tipe[TB_BUTIR_TIPE_N] = {"ya_tidak", "angka", "pilihan", "teks", "foto"};
const char *const tb_butir_tipe_label[TB_BUTIR_TIPE_N] = {"Ya/tidak", "Angka", "Pilihan", "Teks",
                                                          "Foto"};

/* The audit record of a write: {"key": value} after, row id. */
static int audit_kv(tb_store *s, long user, const char *aksi, const char *table, long id,
                    const char *key, const char *value)
{
    tb_buf b = {0};
    tb_buf_puts(&b, "{");
    tb_buf_json_str(&b, key);
    tb_buf_puts(&b, ":");
    tb_buf_json_str(&b, value);
    tb_buf_puts(&b, "}");
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    int rc = tb_store_audit(s, user, aksi, table, row, NULL, b.data);
    tb_buf_free(&b);
    return rc;
}

/* Steps write st in its own transaction with its audit record; *id (when
 * given) gets the new row id (or known_id). */
static int write_audited(tb_store *s, sqlite3_stmt *st, long user, const char *aksi,
                         const char *table, long known_id, long *id, const char *key,
                         const char *value)
{
    if (tb_store_begin(s) < 0) {
        sqlite3_reset(st);
        return -1;
    }
    int rc = tb_store_step_done(s, st, table);
    sqlite3_reset(st);
    long nid = known_id > 0 ? known_id : (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) < 1)
        rc = tb_store_fail(s, "%s: tidak ada yang berubah", table);
    if (rc == 0)
        rc = audit_kv(s, user, aksi, table, nid, key, value);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (id)
        *id = nid;
    return tb_store_commit(s);
}

static bool blank(const char *v)
{
    return !v || !*v;
}

int tb_store_tim_add(tb_store *s, long user, const char *kabupaten, const char *nama, long *id)
{
    if (blank(nama) || strlen(nama) > 100)
        return tb_store_fail(s, "Nama tim wajib diisi (paling banyak 100 huruf).");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO monitoring_tim (kabupaten, nama) SELECT kode, ?2 FROM wilayah"
           " WHERE kode = ?1 AND tingkat = 2 AND NOT EXISTS (SELECT 1 FROM monitoring_tim"
           " WHERE kabupaten = ?1 AND nama = ?2)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, kabupaten);
    tb_store_bind_text(st, 2, nama);
    if (write_audited(s, st, user, "tambah", "monitoring_tim", 0, id, "nama", nama) < 0)
        return tb_store_fail(s, "Tim \"%s\" sudah ada, atau wilayahnya bukan kabupaten.", nama);
    return 0;
}

int tb_store_tim_lembaga_set(tb_store *s, long user, long tim, const char *lembaga)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO monitoring_tim_lembaga (tim_id, lembaga) SELECT t.id, l.kode"
                         " FROM monitoring_tim t, lembaga l WHERE t.id = ?1 AND l.kode = ?2"
                         " ON CONFLICT (lembaga) DO UPDATE SET tim_id = excluded.tim_id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tim);
    tb_store_bind_text(st, 2, lembaga);
    if (write_audited(s, st, user, "ubah", "monitoring_tim_lembaga", tim, NULL, "lembaga",
                      lembaga) < 0)
        return tb_store_fail(s, "Tim atau lembaga tidak dikenal: pilih dari daftar.");
    return 0;
}

int tb_store_tim_desa_add(tb_store *s, long user, long tim, const char *desa)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT OR IGNORE INTO monitoring_tim_desa (tim_id, desa) SELECT t.id, w.kode"
           " FROM monitoring_tim t JOIN wilayah w ON w.kode = ?2 AND w.tingkat = 4"
           " AND w.kode LIKE t.kabupaten || '.%' WHERE t.id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, tim);
    tb_store_bind_text(st, 2, desa);
    if (write_audited(s, st, user, "tambah", "monitoring_tim_desa", tim, NULL, "desa", desa) < 0)
        return tb_store_fail(s,
                             "Desa %s bukan desa di kabupaten tim ini, atau sudah ada di tim ini.",
                             desa ? desa : "");
    return 0;
}

int tb_store_tim_each(tb_store *s, const char *wilayah, const char *lembaga,
                      int (*fn)(void *ctx, const tb_tim *t), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT t.id, t.kabupaten, t.nama,"
           " (SELECT group_concat(nama, ', ') FROM (SELECT l.nama FROM monitoring_tim_lembaga x"
           "  JOIN lembaga l ON l.kode = x.lembaga WHERE x.tim_id = t.id ORDER BY l.nama)),"
           " (SELECT group_concat(nama, ', ') FROM (SELECT w.nama FROM monitoring_tim_desa d"
           "  JOIN wilayah w ON w.kode = d.desa WHERE d.tim_id = t.id ORDER BY w.nama)),"
           " (SELECT count(*) FROM monitoring_tim_desa d WHERE d.tim_id = t.id),"
           " (SELECT count(*) FROM monitoring_tim_lembaga x WHERE x.tim_id = t.id)"
           " FROM monitoring_tim t WHERE (?1 IS NULL OR t.kabupaten = ?1"
           " OR t.kabupaten LIKE ?1 || '.%' OR ?1 LIKE t.kabupaten || '.%') AND (?2 IS NULL"
           " OR t.id IN (SELECT tim_id FROM monitoring_tim_lembaga WHERE lembaga = ?2))"
           " ORDER BY t.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    tb_store_bind_text(st, 2, lembaga);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_tim t = {sqlite3_column_int64(st, 0),
                    (const char *)sqlite3_column_text(st, 1),
                    (const char *)sqlite3_column_text(st, 2),
                    (const char *)sqlite3_column_text(st, 3),
                    (const char *)sqlite3_column_text(st, 4),
                    sqlite3_column_int(st, 5),
                    sqlite3_column_int(st, 6)};
        if (fn(ctx, &t) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "monitoring_tim");
}

int tb_store_tim_desa_ok(tb_store *s, const char *lembaga, const char *desa)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT 1 FROM monitoring_tim_lembaga x JOIN monitoring_tim_desa d"
                         " ON d.tim_id = x.tim_id WHERE x.lembaga = ?1 AND d.desa = ?2");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, lembaga);
    tb_store_bind_text(st, 2, desa);
    int f = tb_store_step_one(s, st);
    sqlite3_reset(st);
    return f;
}

int tb_store_tim_desa_each(tb_store *s, const char *lembaga,
                           int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT w.kode, w.nama FROM monitoring_tim_lembaga x JOIN monitoring_tim_desa d"
           " ON d.tim_id = x.tim_id JOIN wilayah w ON w.kode = d.desa WHERE x.lembaga = ?1"
           " ORDER BY w.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, lembaga);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "monitoring_tim_desa");
}

int tb_store_desa_each(tb_store *s, const char *wilayah,
                       int (*fn)(void *ctx, const char *kode, const char *nama), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT kode, nama FROM wilayah WHERE tingkat = 4"
                         " AND (kode = ?1 OR kode LIKE ?1 || '.%') ORDER BY nama, kode");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "wilayah desa");
}

int tb_store_kuesioner_add(tb_store *s, long user, const char *lembaga, const char *nama, long *id)
{
    if (blank(nama) || strlen(nama) > 150)
        return tb_store_fail(s, "Nama kuesioner wajib diisi (paling banyak 150 huruf).");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kuesioner (lembaga, nama) SELECT kode, ?2 FROM lembaga WHERE kode = ?1"
           " AND NOT EXISTS (SELECT 1 FROM kuesioner WHERE lembaga = ?1 AND nama = ?2)");
    sqlite3_stmt *v =
        tb_store_stmt(s, "INSERT INTO kuesioner_versi (kuesioner_id, versi) VALUES (?1, 1)");
    if (!st || !v || tb_store_begin(s) < 0)
        return -1;
    tb_store_bind_text(st, 1, lembaga);
    tb_store_bind_text(st, 2, nama);
    int rc = tb_store_step_done(s, st, "kuesioner");
    sqlite3_reset(st);
    if (rc == 0 && sqlite3_changes(tb_store_db(s)) != 1)
        rc = tb_store_fail(s, "Lembaga tidak dikenal, atau kuesioner \"%s\" sudah ada.", nama);
    long kid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0) {
        sqlite3_bind_int64(v, 1, kid);
        rc = tb_store_step_done(s, v, "kuesioner_versi");
        sqlite3_reset(v);
    }
    if (rc == 0)
        rc = audit_kv(s, user, "tambah", "kuesioner", kid, "nama", nama);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (id)
        *id = kid;
    return tb_store_commit(s);
}

#define KUESIONER_COLS                                                                             \
    "SELECT k.id, k.lembaga, l.nama, k.nama, v.id, v.versi, v.terbit,"                             \
    " (SELECT max(id) FROM kuesioner_versi WHERE kuesioner_id = k.id AND terbit IS NOT NULL),"     \
    " (SELECT count(*) FROM kuesioner_butir WHERE versi_id = v.id)"                                \
    " FROM kuesioner k JOIN lembaga l ON l.kode = k.lembaga"                                       \
    " JOIN kuesioner_versi v ON v.kuesioner_id = k.id AND v.versi ="                               \
    " (SELECT max(versi) FROM kuesioner_versi WHERE kuesioner_id = k.id)"

static void kuesioner_read(sqlite3_stmt *st, tb_kuesioner *k)
{
    memset(k, 0, sizeof *k);
    k->id = sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, k->lembaga, sizeof k->lembaga);
    tb_store_col_text(st, 2, k->lembaga_nama, sizeof k->lembaga_nama);
    tb_store_col_text(st, 3, k->nama, sizeof k->nama);
    k->versi_id = sqlite3_column_int64(st, 4);
    k->versi = sqlite3_column_int(st, 5);
    tb_store_col_text(st, 6, k->terbit, sizeof k->terbit);
    k->terbit_id = sqlite3_column_int64(st, 7);
    k->n_butir = sqlite3_column_int(st, 8);
}

int tb_store_kuesioner_get(tb_store *s, long id, tb_kuesioner *out)
{
    sqlite3_stmt *st = tb_store_stmt(s, KUESIONER_COLS " WHERE k.id = ?1");
    int f = tb_store_step_id(s, st, id);
    if (f == 1)
        kuesioner_read(st, out);
    if (st)
        sqlite3_reset(st);
    return f;
}

int tb_store_kuesioner_each(tb_store *s, const char *wilayah, const char *lembaga,
                            int (*fn)(void *ctx, const tb_kuesioner *k), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, KUESIONER_COLS
                      " WHERE (?2 IS NULL OR k.lembaga = ?2) AND (?1 IS NULL OR"
                      " l.wilayah = ?1 OR l.wilayah LIKE ?1 || '.%' OR ?1 LIKE l.wilayah || '.%')"
                      " ORDER BY l.nama, k.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    tb_store_bind_text(st, 2, lembaga);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_kuesioner k;
        kuesioner_read(st, &k);
        if (fn(ctx, &k) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "kuesioner");
}

static int tipe_index(const char *t)
{
    for (int i = 0; t && i < TB_BUTIR_TIPE_N; i++)
        if (!strcmp(t, tb_butir_tipe[i]))
            return i;
    return -1;
}

/* Why question b cannot be added (NULL: it can). */
static const char *butir_refusal(const tb_butir *b)
{
    if (blank(b->kode) || strlen(b->kode) > 40 ||
        strspn(b->kode, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(b->kode))
        return "Kode pertanyaan wajib: huruf kecil, angka atau _ (paling banyak 40), mis. "
               "kader_hadir.";
    if (blank(b->label) || strlen(b->label) > 300)
        return "Pertanyaan wajib diisi (paling banyak 300 huruf).";
    int t = tipe_index(b->tipe);
    if (t < 0)
        return "Jenis jawaban: ya_tidak, angka, pilihan, teks atau foto.";
    if (t == 2 && (blank(b->pilihan) || !strchr(b->pilihan, '|')))
        return "Jawaban pilihan perlu paling sedikit dua pilihan dipisah |, mis. "
               "baik|cukup|kurang.";
    if (b->kelompok && *b->kelompok && strcmp(b->kelompok, "posyandu") &&
        strcmp(b->kelompok, "kpm") && strcmp(b->kelompok, "lain"))
        return "Kelompok: posyandu, kpm atau lain.";
    return NULL;
}

int tb_store_butir_add(tb_store *s, long user, const tb_butir *b)
{
    const char *why = butir_refusal(b);
    if (why)
        return tb_store_fail(s, "%s", why);
    long kid;
    int ver;
    char terbit[11];
    int f = tb_store_versi_get(s, b->versi_id, &kid, &ver, terbit);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "Versi kuesioner tidak dikenal.");
    if (terbit[0])
        return tb_store_fail(s,
                             "Versi %d sudah terbit (%s) dan tidak diubah lagi: buat versi"
                             " baru untuk mengubah pertanyaan.",
                             ver, terbit);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kuesioner_butir (versi_id, urutan, kode, label, tipe, pilihan, kelompok,"
           " wajib) SELECT ?1, COALESCE(max(urutan), 0) + 1, ?2, ?3, ?4, ?5, COALESCE(?6, 'lain'),"
           " ?7 FROM kuesioner_butir WHERE versi_id = ?1"
           " AND NOT EXISTS (SELECT 1 FROM kuesioner_butir WHERE versi_id = ?1 AND kode = ?2)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, b->versi_id);
    tb_store_bind_text(st, 2, b->kode);
    tb_store_bind_text(st, 3, b->label);
    tb_store_bind_text(st, 4, b->tipe);
    tb_store_bind_text(st, 5, !strcmp(b->tipe, "pilihan") ? b->pilihan : NULL);
    tb_store_bind_text(st, 6, b->kelompok);
    sqlite3_bind_int(st, 7, b->wajib ? 1 : 0);
    if (write_audited(s, st, user, "tambah", "kuesioner_butir", 0, NULL, "kode", b->kode) < 0)
        return tb_store_fail(s, "Kode %s sudah dipakai di versi ini: pilih kode lain.", b->kode);
    return 0;
}

int tb_store_butir_each(tb_store *s, long versi_id, int (*fn)(void *ctx, const tb_butir *b),
                        void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id, versi_id, urutan, kode, label, tipe, pilihan, kelompok, wajib"
                         " FROM kuesioner_butir WHERE versi_id = ?1 ORDER BY urutan");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, versi_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_butir b = {sqlite3_column_int64(st, 0),
                      sqlite3_column_int64(st, 1),
                      sqlite3_column_int(st, 2),
                      (const char *)sqlite3_column_text(st, 3),
                      (const char *)sqlite3_column_text(st, 4),
                      (const char *)sqlite3_column_text(st, 5),
                      (const char *)sqlite3_column_text(st, 6),
                      (const char *)sqlite3_column_text(st, 7),
                      sqlite3_column_int(st, 8) != 0};
        if (fn(ctx, &b) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "kuesioner_butir");
}

int tb_store_versi_get(tb_store *s, long versi_id, long *kuesioner_id, int *versi, char terbit[11])
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT kuesioner_id, versi, terbit FROM kuesioner_versi WHERE id = ?1");
    int f = tb_store_step_id(s, st, versi_id);
    if (f == 1) {
        *kuesioner_id = sqlite3_column_int64(st, 0);
        *versi = sqlite3_column_int(st, 1);
        tb_store_col_text(st, 2, terbit, 11);
    }
    if (st)
        sqlite3_reset(st);
    return f;
}

int tb_store_versi_terbit(tb_store *s, long user, long versi_id, const char *tanggal)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE kuesioner_versi SET terbit = ?2 WHERE id = ?1 AND terbit IS NULL"
                         " AND EXISTS (SELECT 1 FROM kuesioner_butir WHERE versi_id = ?1)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, versi_id);
    tb_store_bind_text(st, 2, tanggal);
    if (write_audited(s, st, user, "ubah", "kuesioner_versi", versi_id, NULL, "terbit", tanggal) <
        0)
        return tb_store_fail(s, "Versi ini sudah terbit, atau belum punya pertanyaan.");
    return 0;
}

int tb_store_versi_baru(tb_store *s, long user, long kuesioner_id, long *versi_id)
{
    tb_kuesioner k;
    int f = tb_store_kuesioner_get(s, kuesioner_id, &k);
    if (f <= 0)
        return f < 0 ? -1 : tb_store_fail(s, "Kuesioner tidak dikenal.");
    if (!k.terbit[0])
        return tb_store_fail(s, "Versi %d masih draf: ubah draf itu saja, lalu terbitkan.",
                             k.versi);
    sqlite3_stmt *v =
        tb_store_stmt(s, "INSERT INTO kuesioner_versi (kuesioner_id, versi) VALUES (?1, ?2)");
    sqlite3_stmt *c = tb_store_stmt(
        s, "INSERT INTO kuesioner_butir (versi_id, urutan, kode, label, tipe, pilihan, kelompok,"
           " wajib) SELECT ?2, urutan, kode, label, tipe, pilihan, kelompok, wajib"
           " FROM kuesioner_butir WHERE versi_id = ?1");
    if (!v || !c || tb_store_begin(s) < 0)
        return -1;
    sqlite3_bind_int64(v, 1, kuesioner_id);
    sqlite3_bind_int(v, 2, k.versi + 1);
    int rc = tb_store_step_done(s, v, "kuesioner_versi");
    sqlite3_reset(v);
    long nid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    if (rc == 0) {
        sqlite3_bind_int64(c, 1, k.versi_id);
        sqlite3_bind_int64(c, 2, nid);
        rc = tb_store_step_done(s, c, "kuesioner_butir");
        sqlite3_reset(c);
    }
    char ver[16];
    snprintf(ver, sizeof ver, "%d", k.versi + 1);
    if (rc == 0)
        rc = audit_kv(s, user, "tambah", "kuesioner_versi", nid, "versi", ver);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    if (versi_id)
        *versi_id = nid;
    return tb_store_commit(s);
}

int tb_store_versi_each(tb_store *s, long kuesioner_id,
                        int (*fn)(void *ctx, long versi_id, int versi, const char *terbit, int n),
                        void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT v.id, v.versi, COALESCE(v.terbit, ''), (SELECT count(*) FROM kuesioner_butir b"
           " WHERE b.versi_id = v.id) FROM kuesioner_versi v WHERE v.kuesioner_id = ?1"
           " ORDER BY v.versi DESC");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kuesioner_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (long)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1),
               (const char *)sqlite3_column_text(st, 2), sqlite3_column_int(st, 3)) < 0)
            break;
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "kuesioner_versi");
}

/* --- answers --------------------------------------------------------- */

typedef struct {
    long id;
    char kode[48], tipe[16], pilihan[400];
    bool wajib, dijawab;
} butir_slot;

typedef struct {
    butir_slot b[64];
    int n;
} butir_set;

static int collect_butir(void *ctx, const tb_butir *b)
{
    butir_set *set = ctx;
    if (set->n >= 64)
        return -1;
    butir_slot *x = &set->b[set->n++];
    memset(x, 0, sizeof *x);
    x->id = b->id;
    snprintf(x->kode, sizeof x->kode, "%s", b->kode);
    snprintf(x->tipe, sizeof x->tipe, "%s", b->tipe);
    snprintf(x->pilihan, sizeof x->pilihan, "%s", b->pilihan ? b->pilihan : "");
    x->wajib = b->wajib;
    return 0;
}

static int refuse(tb_kunjungan_galat *g, const char *kode, const char *pesan)
{
    snprintf(g->kode, sizeof g->kode, "%s", kode ? kode : "");
    snprintf(g->pesan, sizeof g->pesan, "%s", pesan);
    return 0;
}

static bool choice_ok(const char *list, const char *v)
{
    size_t n = strlen(v);
    for (const char *p = list; *p;) {
        const char *e = strchr(p, '|');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && !strncmp(p, v, n))
            return true;
        p += len + (e ? 1 : 0);
    }
    return false;
}

/* Does photo id exist, uploaded by user? */
static bool foto_mine(tb_store *s, long user, const char *v)
{
    char *end;
    long id = strtol(v, &end, 10);
    char berkas[8], jenis[32], desa[24];
    long oleh = 0;
    return id > 0 && !*end &&
           tb_store_foto_get(s, id, berkas, sizeof berkas, jenis, &oleh, desa) == 1 && oleh == user;
}

/* Checks value v of question x: NULL fits, else the message. */
static const char *answer_refusal(tb_store *s, long user, const butir_slot *x, const char *v)
{
    if (!strcmp(x->tipe, "ya_tidak"))
        return strcmp(v, "ya") && strcmp(v, "tidak") ? "jawab ya atau tidak" : NULL;
    if (!strcmp(x->tipe, "angka")) {
        char *end;
        double d = strtod(v, &end);
        return *end || !isfinite(d) || d < 0 || d > 1e9 ? "isi dengan angka (0 atau lebih)" : NULL;
    }
    if (!strcmp(x->tipe, "pilihan"))
        return choice_ok(x->pilihan, v) ? NULL : "pilih salah satu pilihan yang ada";
    if (!strcmp(x->tipe, "teks"))
        return strlen(v) > 1000 ? "paling banyak 1000 huruf" : NULL;
    return foto_mine(s, user, v) ? NULL : "foto belum terunggah: unggah fotonya dulu";
}

/* Checks the visit's frame: version published and the agency's, desa,
 * posyandu, date, stage. false with *g set. */
static int frame_check(tb_store *s, const tb_kunjungan *k, tb_kunjungan_galat *g)
{
    long kid;
    int ver;
    char terbit[11];
    int f = tb_store_versi_get(s, k->versi_id, &kid, &ver, terbit);
    if (f < 0)
        return -1;
    tb_kuesioner q;
    if (f == 0 || !terbit[0] || tb_store_kuesioner_get(s, kid, &q) != 1)
        return refuse(g, "versi_id", "Kuesioner ini belum terbit atau tidak dikenal."), 0;
    if (!k->lembaga || strcmp(q.lembaga, k->lembaga))
        return refuse(g, "versi_id", "Kuesioner ini milik lembaga lain."), 0;
    if (tb_date_iso(k->tanggal) == TB_DATE_NONE)
        return refuse(g, "tanggal", "Tanggal kunjungan tidak valid (TTTT-BB-HH)."), 0;
    if (k->tahap != 1 && k->tahap != 2)
        return refuse(g, "tahap", "Tahap kunjungan: 1 atau 2."), 0;
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT (SELECT count(*) FROM wilayah WHERE kode = ?1 AND tingkat = 4),"
                         " (SELECT count(*) FROM posyandu WHERE id = ?2 AND desa = ?1)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, k->desa);
    sqlite3_bind_int64(st, 2, k->posyandu_id);
    if (tb_store_step_one(s, st) != 1)
        return sqlite3_reset(st), -1;
    int desa_ok = sqlite3_column_int(st, 0), pos_ok = sqlite3_column_int(st, 1);
    sqlite3_reset(st);
    if (!desa_ok)
        return refuse(g, "desa", "Desa tidak dikenal."), 0;
    if (k->posyandu_id > 0 && !pos_ok)
        return refuse(g, "posyandu_id", "Posyandu ini bukan posyandu desa yang dipilih."), 0;
    return 1;
}

/* Checks every answer against its question; marks the answered ones. */
static int answers_check(tb_store *s, long user, const tb_kunjungan *k, butir_set *set,
                         tb_kunjungan_galat *g)
{
    for (int i = 0; i < k->n; i++) {
        butir_slot *x = NULL;
        for (int j = 0; j < set->n && !x; j++)
            if (k->kode[i] && !strcmp(set->b[j].kode, k->kode[i]))
                x = &set->b[j];
        if (!x)
            return refuse(g, k->kode[i], "Pertanyaan ini tidak ada di versi kuesioner ini.");
        if (blank(k->nilai[i]))
            continue;
        const char *why = answer_refusal(s, user, x, k->nilai[i]);
        if (why) {
            char msg[256];
            snprintf(msg, sizeof msg, "Jawaban %s: %s.", x->kode, why);
            return refuse(g, x->kode, msg);
        }
        x->dijawab = true;
    }
    for (int j = 0; j < set->n; j++)
        if (set->b[j].wajib && !set->b[j].dijawab) {
            char msg[256];
            snprintf(msg, sizeof msg, "Pertanyaan %s wajib dijawab.", set->b[j].kode);
            return refuse(g, set->b[j].kode, msg);
        }
    return 1;
}

/* The id stored under uuid: > 0, 0 none, -1. */
static long by_uuid(tb_store *s, const char *uuid)
{
    if (blank(uuid))
        return 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM monitoring_kunjungan WHERE uuid = ?1");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, uuid);
    int f = tb_store_step_one(s, st);
    long id = f == 1 ? (long)sqlite3_column_int64(st, 0) : f;
    sqlite3_reset(st);
    return id;
}

static int kunjungan_insert(tb_store *s, long user, const tb_kunjungan *k, const butir_set *set,
                            long *id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO monitoring_kunjungan (uuid, versi_id, lembaga, desa, posyandu_id, tanggal,"
           " tahap, catatan, oleh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    sqlite3_stmt *j = tb_store_stmt(
        s, "INSERT INTO monitoring_jawaban (kunjungan_id, butir_id, nilai) VALUES (?1, ?2, ?3)");
    if (!st || !j || tb_store_begin(s) < 0)
        return -1;
    tb_store_bind_text(st, 1, k->uuid);
    sqlite3_bind_int64(st, 2, k->versi_id);
    tb_store_bind_text(st, 3, k->lembaga);
    tb_store_bind_text(st, 4, k->desa);
    tb_store_bind_int(st, 5, k->posyandu_id, 1);
    tb_store_bind_text(st, 6, k->tanggal);
    sqlite3_bind_int(st, 7, k->tahap);
    tb_store_bind_text(st, 8, k->catatan);
    tb_store_bind_int(st, 9, user, 1);
    int rc = tb_store_step_done(s, st, "monitoring_kunjungan");
    sqlite3_reset(st);
    long kid = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    for (int i = 0; rc == 0 && i < k->n; i++) {
        if (blank(k->nilai[i]))
            continue;
        long bid = 0;
        for (int x = 0; x < set->n; x++)
            if (!strcmp(set->b[x].kode, k->kode[i]))
                bid = set->b[x].id;
        sqlite3_bind_int64(j, 1, kid);
        sqlite3_bind_int64(j, 2, bid);
        tb_store_bind_text(j, 3, k->nilai[i]);
        rc = tb_store_step_done(s, j, "monitoring_jawaban");
        sqlite3_reset(j);
    }
    if (rc == 0)
        rc = audit_kv(s, user, "tambah", "monitoring_kunjungan", kid, "desa", k->desa);
    if (rc < 0) {
        tb_store_rollback(s);
        return -1;
    }
    *id = kid;
    return tb_store_commit(s);
}

int tb_store_kunjungan_save(tb_store *s, long user, const tb_kunjungan *k, long *id,
                            tb_kunjungan_galat *g)
{
    memset(g, 0, sizeof *g);
    long have = by_uuid(s, k->uuid);
    if (have != 0) {
        *id = have;
        return have < 0 ? -1 : 2;
    }
    int f = frame_check(s, k, g);
    if (f <= 0)
        return f;
    butir_set *set = calloc(1, sizeof *set);
    if (!set)
        return tb_store_fail(s, "out of memory");
    int rc = tb_store_butir_each(s, k->versi_id, collect_butir, set);
    if (rc == 0)
        rc = answers_check(s, user, k, set, g);
    if (rc == 1)
        rc = kunjungan_insert(s, user, k, set, id) < 0 ? -1 : 1;
    free(set);
    return rc;
}

int tb_store_foto_add(tb_store *s, long user, const char *berkas, const char *jenis, long ukuran,
                      long *id)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO monitoring_foto (berkas, jenis, ukuran, oleh) VALUES (?1, ?2, ?3, ?4)");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, berkas);
    tb_store_bind_text(st, 2, jenis);
    sqlite3_bind_int64(st, 3, ukuran);
    tb_store_bind_int(st, 4, user, 1);
    return write_audited(s, st, user, "tambah", "monitoring_foto", 0, id, "jenis", jenis);
}

int tb_store_foto_get(tb_store *s, long id, char *berkas, size_t n, char jenis[32], long *oleh,
                      char desa[24])
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT f.berkas, f.jenis, f.oleh, (SELECT k.desa FROM monitoring_jawaban j"
           " JOIN kuesioner_butir b ON b.id = j.butir_id AND b.tipe = 'foto'"
           " JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id"
           " WHERE j.nilai = CAST(f.id AS TEXT) LIMIT 1) FROM monitoring_foto f WHERE f.id = ?1");
    int f = tb_store_step_id(s, st, id);
    if (f == 1) {
        tb_store_col_text(st, 0, berkas, n);
        tb_store_col_text(st, 1, jenis, 32);
        *oleh = (long)sqlite3_column_int64(st, 2);
        tb_store_col_text(st, 3, desa, 24);
    }
    if (st)
        sqlite3_reset(st);
    return f;
}

/* --- results ---------------------------------------------------------- */

/* SQL: the desa (an expression) is under ?W (NULL: any) and, when ?T is
 * set, in the team of agency ?T. */
#define IN_SCOPE(D, W, T)                                                                          \
    " (" W " IS NULL OR " D " = " W " OR " D " LIKE " W " || '.%') AND (" T " IS NULL OR " D       \
    " IN (SELECT td.desa FROM monitoring_tim_lembaga tx JOIN monitoring_tim_desa td"               \
    " ON td.tim_id = tx.tim_id WHERE tx.lembaga = " T "))"

int tb_store_hasil_foto_each(tb_store *s, long kuesioner_id, const char *wilayah,
                             const char *team_of, int max,
                             int (*fn)(void *ctx, const tb_hasil_foto *h), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT f.id, w.nama, p.nama, k.tanggal, k.tahap, b.label"
           " FROM monitoring_jawaban j JOIN kuesioner_butir b ON b.id = j.butir_id"
           " AND b.tipe = 'foto'"
           " JOIN kuesioner_versi v ON v.id = b.versi_id AND v.kuesioner_id = ?1"
           " JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id"
           " JOIN monitoring_foto f ON CAST(f.id AS TEXT) = j.nilai"
           " JOIN wilayah w ON w.kode = k.desa LEFT JOIN posyandu p ON p.id = k.posyandu_id"
           " WHERE" IN_SCOPE("k.desa", "?2", "?3") " ORDER BY k.tanggal DESC, k.id DESC, b.urutan"
                                                   " LIMIT ?4");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kuesioner_id);
    tb_store_bind_text(st, 2, wilayah);
    tb_store_bind_text(st, 3, team_of);
    sqlite3_bind_int(st, 4, max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_hasil_foto h = {
            (long)sqlite3_column_int64(st, 0),        (const char *)sqlite3_column_text(st, 1),
            (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
            (const char *)sqlite3_column_text(st, 5), sqlite3_column_int(st, 4)};
        if (fn(ctx, &h) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "foto monitoring");
}

int tb_store_hasil_butir_each(tb_store *s, long kuesioner_id, const char *wilayah,
                              const char *team_of, int (*fn)(void *ctx, const tb_hasil_butir *h),
                              void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s,
        "SELECT k.desa, w.nama, b.kode, (SELECT bb.label FROM kuesioner_butir bb"
        "  JOIN kuesioner_versi vv ON vv.id = bb.versi_id WHERE vv.kuesioner_id = ?1"
        "  AND bb.kode = b.kode ORDER BY vv.versi DESC LIMIT 1), max(b.tipe),"
        " sum(k.tahap = 1), sum(k.tahap = 2),"
        " sum(k.tahap = 1 AND j.nilai = 'ya'), sum(k.tahap = 2 AND j.nilai = 'ya'),"
        " total(CASE WHEN k.tahap = 1 AND b.tipe = 'angka' THEN CAST(j.nilai AS REAL) END),"
        " total(CASE WHEN k.tahap = 2 AND b.tipe = 'angka' THEN CAST(j.nilai AS REAL) END),"
        " max(CASE WHEN k.tahap = 1 THEN j.nilai END), max(CASE WHEN k.tahap = 2 THEN j.nilai END)"
        " FROM monitoring_jawaban j JOIN kuesioner_butir b ON b.id = j.butir_id"
        " JOIN kuesioner_versi v ON v.id = b.versi_id AND v.kuesioner_id = ?1"
        " JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id"
        " JOIN wilayah w ON w.kode = k.desa WHERE" IN_SCOPE(
            "k.desa", "?2",
            "?3") " GROUP BY k.desa, b.kode ORDER BY w.nama, k.desa, min(b.urutan)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kuesioner_id);
    tb_store_bind_text(st, 2, wilayah);
    tb_store_bind_text(st, 3, team_of);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_hasil_butir h;
        h.desa = (const char *)sqlite3_column_text(st, 0);
        h.desa_nama = (const char *)sqlite3_column_text(st, 1);
        h.kode = (const char *)sqlite3_column_text(st, 2);
        h.label = (const char *)sqlite3_column_text(st, 3);
        h.tipe = (const char *)sqlite3_column_text(st, 4);
        for (int t = 0; t < 2; t++) {
            h.n[t] = sqlite3_column_int(st, 5 + t);
            h.ya[t] = sqlite3_column_int(st, 7 + t);
            h.jumlah[t] = sqlite3_column_double(st, 9 + t);
            h.teks[t] = (const char *)sqlite3_column_text(st, 11 + t);
        }
        if (fn(ctx, &h) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "hasil monitoring");
}

/* SQL: the percent of "ya" among the yes/no answers of group G at stage N
 * for desa d.desa (NULL when none). */
#define SKOR(G, N)                                                                                 \
    " (SELECT 100.0 * sum(j.nilai = 'ya') / count(*) FROM monitoring_jawaban j"                    \
    "  JOIN kuesioner_butir b ON b.id = j.butir_id AND b.tipe = 'ya_tidak' AND b.kelompok = '" G   \
    "'  JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id WHERE k.desa = d.desa AND k.tahap "   \
    "= " N ")"

int tb_store_hasil_desa_each(tb_store *s, const char *wilayah, const char *team_of,
                             int (*fn)(void *ctx, const tb_hasil_desa *h), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "WITH d AS (SELECT desa FROM monitoring_tim_desa UNION SELECT desa FROM"
           " monitoring_kunjungan) SELECT d.desa, w.nama, (SELECT group_concat(t.nama, ', ')"
           " FROM monitoring_tim_desa td JOIN monitoring_tim t ON t.id = td.tim_id"
           " WHERE td.desa = d.desa),"
           " (SELECT count(*) FROM monitoring_kunjungan k WHERE k.desa = d.desa AND k.tahap = 1),"
           " (SELECT count(*) FROM monitoring_kunjungan k WHERE k.desa = d.desa AND k.tahap = "
           "2)," SKOR("posyandu", "1") "," SKOR("posyandu", "2") "," SKOR("kpm", "1") "," SKOR(
               "kpm", "2") ", (SELECT count(*) FROM monitoring_komitmen c WHERE c.desa = d.desa"
                           "  AND c.status != 'batal'),"
                           " (SELECT count(*) FROM monitoring_komitmen c WHERE c.desa = d.desa"
                           "  AND c.status = 'selesai')"
                           " FROM d JOIN wilayah w ON w.kode = d.desa WHERE" IN_SCOPE(
                               "d.desa", "?1", "?2") " ORDER BY w.nama, d.desa");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    tb_store_bind_text(st, 2, team_of);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_hasil_desa h;
        h.desa = (const char *)sqlite3_column_text(st, 0);
        h.desa_nama = (const char *)sqlite3_column_text(st, 1);
        h.tim = (const char *)sqlite3_column_text(st, 2);
        for (int t = 0; t < 2; t++) {
            h.kunjungan[t] = sqlite3_column_int(st, 3 + t);
            h.skor_posyandu[t] = tb_store_col_real(st, 5 + t);
            h.skor_kpm[t] = tb_store_col_real(st, 7 + t);
        }
        h.komitmen = sqlite3_column_int(st, 9);
        h.komitmen_selesai = sqlite3_column_int(st, 10);
        if (fn(ctx, &h) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "hasil desa");
}

#define PER_LEMBAGA(WHAT, N)                                                                       \
    " (SELECT " WHAT " FROM monitoring_kunjungan k WHERE k.lembaga = l.kode AND k.tahap = " N ")"
#define YA_LEMBAGA(N)                                                                              \
    " (SELECT 100.0 * sum(j.nilai = 'ya') / count(*) FROM monitoring_jawaban j"                    \
    "  JOIN kuesioner_butir b ON b.id = j.butir_id AND b.tipe = 'ya_tidak'"                        \
    "  JOIN monitoring_kunjungan k ON k.id = j.kunjungan_id WHERE k.lembaga = l.kode"              \
    "  AND k.tahap = " N ")"

int tb_store_hasil_lembaga_each(tb_store *s, const char *wilayah,
                                int (*fn)(void *ctx, const tb_hasil_lembaga *h), void *ctx)
{
    sqlite3_stmt *st =
        tb_store_stmt(
            s,
            "SELECT l.kode, l.nama, t.nama, (SELECT count(*) FROM monitoring_tim_desa d"
            " WHERE d.tim_id = t.id)," PER_LEMBAGA("count(DISTINCT k.desa)", "1") "," PER_LEMBAGA("count(DISTINCT k.desa)", "2") "," PER_LEMBAGA(
                "count(*)",
                "1") "," PER_LEMBAGA("count(*)",
                                     "2") "," YA_LEMBAGA("1") "," YA_LEMBAGA("2") " FROM "
                                                                                  "monitoring_tim_"
                                                                                  "lembaga x JOIN "
                                                                                  "lembaga l ON "
                                                                                  "l.kode = "
                                                                                  "x.lembaga"
                                                                                  " JOIN "
                                                                                  "monitoring_tim "
                                                                                  "t ON t.id = "
                                                                                  "x.tim_id WHERE "
                                                                                  "?1 IS NULL OR "
                                                                                  "t.kabupaten = ?1"
                                                                                  " OR t.kabupaten "
                                                                                  "LIKE ?1 || '.%' "
                                                                                  "OR ?1 LIKE "
                                                                                  "t.kabupaten || "
                                                                                  "'.%'"
                                                                                  " ORDER BY "
                                                                                  "t.nama, l.nama");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_hasil_lembaga h;
        h.lembaga = (const char *)sqlite3_column_text(st, 0);
        h.nama = (const char *)sqlite3_column_text(st, 1);
        h.tim = (const char *)sqlite3_column_text(st, 2);
        h.desa = sqlite3_column_int(st, 3);
        for (int t = 0; t < 2; t++) {
            h.dikunjungi[t] = sqlite3_column_int(st, 4 + t);
            h.kunjungan[t] = sqlite3_column_int(st, 6 + t);
            h.persen_ya[t] = tb_store_col_real(st, 8 + t);
        }
        if (fn(ctx, &h) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "hasil lembaga");
}

/* --- commitments -------------------------------------------------------- */

int tb_store_komitmen_add(tb_store *s, long user, const tb_komitmen *k, long *id)
{
    if (blank(k->uraian) || strlen(k->uraian) > 1000)
        return tb_store_fail(s, "Isi kesepakatan wajib diisi (paling banyak 1000 huruf).");
    if (blank(k->pj) || strlen(k->pj) > 200)
        return tb_store_fail(s, "Penanggung jawab wajib diisi (nama atau jabatan).");
    if (tb_date_iso(k->tenggat) == TB_DATE_NONE)
        return tb_store_fail(s, "Tenggat wajib diisi sebagai tanggal (TTTT-BB-HH).");
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO monitoring_komitmen (desa, kunjungan_id, lembaga, uraian, pj, tenggat,"
           " oleh) SELECT kode, ?2, (SELECT kode FROM lembaga WHERE kode = ?3), ?4, ?5, ?6, ?7"
           " FROM wilayah WHERE kode = ?1 AND tingkat = 4");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, k->desa);
    tb_store_bind_int(st, 2, k->kunjungan_id, 1);
    tb_store_bind_text(st, 3, k->lembaga);
    tb_store_bind_text(st, 4, k->uraian);
    tb_store_bind_text(st, 5, k->pj);
    tb_store_bind_text(st, 6, k->tenggat);
    tb_store_bind_int(st, 7, user, 1);
    if (write_audited(s, st, user, "tambah", "monitoring_komitmen", 0, id, "uraian", k->uraian) < 0)
        return tb_store_fail(s, "Desa tidak dikenal: pilih desa dari daftar.");
    return 0;
}

int tb_store_komitmen_status(tb_store *s, long user, long id, const char *status)
{
    if (!status || (strcmp(status, "baru") && strcmp(status, "proses") &&
                    strcmp(status, "selesai") && strcmp(status, "batal")))
        return tb_store_fail(s, "Status: baru, proses, selesai atau batal.");
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE monitoring_komitmen SET status = ?2 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, status);
    return write_audited(s, st, user, "ubah", "monitoring_komitmen", id, NULL, "status", status);
}

int tb_store_komitmen_desa(tb_store *s, long id, char desa[24])
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT desa FROM monitoring_komitmen WHERE id = ?1");
    int f = tb_store_step_id(s, st, id);
    if (f == 1)
        tb_store_col_text(st, 0, desa, 24);
    if (st)
        sqlite3_reset(st);
    return f;
}

int tb_store_komitmen_each(tb_store *s, const char *wilayah, const char *team_of,
                           int (*fn)(void *ctx, const tb_komitmen *k), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT c.id, c.kunjungan_id, c.desa, c.lembaga, c.uraian, c.pj, c.tenggat, c.status,"
           " w.nama, l.nama FROM monitoring_komitmen c JOIN wilayah w ON w.kode = c.desa"
           " LEFT JOIN lembaga l ON l.kode = c.lembaga WHERE" IN_SCOPE(
               "c.desa", "?1", "?2") " ORDER BY c.status IN ('selesai', 'batal'), c.tenggat, c.id");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, wilayah);
    tb_store_bind_text(st, 2, team_of);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_komitmen k = {sqlite3_column_int64(st, 0),
                         sqlite3_column_int64(st, 1),
                         (const char *)sqlite3_column_text(st, 2),
                         (const char *)sqlite3_column_text(st, 3),
                         (const char *)sqlite3_column_text(st, 4),
                         (const char *)sqlite3_column_text(st, 5),
                         (const char *)sqlite3_column_text(st, 6),
                         (const char *)sqlite3_column_text(st, 7),
                         (const char *)sqlite3_column_text(st, 8),
                         (const char *)sqlite3_column_text(st, 9)};
        if (fn(ctx, &k) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : tb_store_fail(s, "monitoring_komitmen");
}
