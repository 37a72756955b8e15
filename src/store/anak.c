/*
 * anak.c - children (see anak.h): the child's page (facts, measurement
 * history), registering a child from the web form, and the import upsert of
 * the anak record. Given values replace stored ones; an update whose values
 * are all equal changes nothing and is reported as TB_PUT_UNCHANGED.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/anak.h"
#include "store/internal.h"
#include "tb_match.h"

int tb_store_anak_info(tb_store *s, long id, tb_anak_info *out)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.id, i.nik, i.nama, i.jk, i.tgl_lahir, a.posyandu_id, p.nama,"
           " COALESCE(p.desa, i.desa), w.nama, COALESCE(i.alamat, k.alamat),"
           " COALESCE(i.rt, k.rt), COALESCE(i.rw, k.rw), COALESCE(ibu.nama, a.nama_ortu), k.no_kk,"
           " a.bb_lahir, a.pb_lahir, k.krs_faktor, k.krs, a.digabung_ke"
           " FROM individu i JOIN anak a ON a.individu_id = i.id"
           " LEFT JOIN posyandu p ON p.id = a.posyandu_id"
           " LEFT JOIN wilayah w ON w.kode = COALESCE(p.desa, i.desa)"
           " LEFT JOIN keluarga k ON k.id = i.keluarga_id"
           " LEFT JOIN individu ibu ON ibu.id = i.ibu_id WHERE i.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc != 1)
        return rc;
    memset(out, 0, sizeof *out);
    out->id = (long)sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, out->nik, sizeof out->nik);
    tb_store_col_text(st, 2, out->nama, sizeof out->nama);
    out->jk = sqlite3_column_int(st, 3);
    tb_store_col_text(st, 4, out->tgl_lahir, sizeof out->tgl_lahir);
    out->posyandu_id = (long)sqlite3_column_int64(st, 5);
    tb_store_col_text(st, 6, out->posyandu, sizeof out->posyandu);
    tb_store_col_text(st, 7, out->desa, sizeof out->desa);
    tb_store_col_text(st, 8, out->desa_nama, sizeof out->desa_nama);
    tb_store_col_text(st, 9, out->alamat, sizeof out->alamat);
    tb_store_col_text(st, 10, out->rt, sizeof out->rt);
    tb_store_col_text(st, 11, out->rw, sizeof out->rw);
    tb_store_col_text(st, 12, out->ibu, sizeof out->ibu);
    tb_store_col_text(st, 13, out->no_kk, sizeof out->no_kk);
    out->bb_lahir = tb_store_col_real(st, 14);
    out->pb_lahir = tb_store_col_real(st, 15);
    tb_store_col_text(st, 16, out->krs_faktor, sizeof out->krs_faktor);
    out->krs = sqlite3_column_int(st, 17);
    out->digabung_ke = (long)sqlite3_column_int64(st, 18);
    return 1;
}

int tb_store_anak_riwayat(tb_store *s, long anak_id, tb_ukur_row *rows, int max)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT " TB_UKUR_COLS
                                        " FROM pengukuran WHERE anak_id = ?1 ORDER BY tanggal");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max)
        tb_store_ukur_read(st, 0, &rows[n++]);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}

long tb_store_anak_daftar(tb_store *s, long posyandu_id, const char *desa, const char *nik,
                          const char *nama, int jk, const char *tgl_lahir, const char *nama_ibu,
                          double bb_lahir, double pb_lahir, long user)
{
    char key[128];
    tb_name_key(nama, strlen(nama), key, sizeof key); /* the key imports match on */
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO individu (nik, nama, nama_kunci, jk, tgl_lahir,"
                         " desa, peran) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'anak')");
    if (!st)
        return -1;
    if (nik && *nik)
        sqlite3_bind_text(st, 1, nik, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, jk);
    sqlite3_bind_text(st, 5, tgl_lahir, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, desa, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    long id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    st = tb_store_stmt(s,
                       "INSERT INTO anak (individu_id, bb_lahir, pb_lahir, nama_ortu, posyandu_id)"
                       " VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    if (!isnan(bb_lahir))
        sqlite3_bind_double(st, 2, bb_lahir);
    if (!isnan(pb_lahir))
        sqlite3_bind_double(st, 3, pb_lahir);
    if (nama_ibu && *nama_ibu)
        sqlite3_bind_text(st, 4, nama_ibu, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, posyandu_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    char row[32], after[512];
    snprintf(row, sizeof row, "%ld", id);
    snprintf(after, sizeof after, "{\"posyandu_id\":%ld,\"tgl_lahir\":\"%.10s\",\"jk\":%d}",
             posyandu_id, tgl_lahir, jk);
    if (tb_store_audit(s, user, "tambah", "anak", row, NULL, after) < 0)
        return -1;
    return id;
}

void tb_anak_init(tb_anak *a)
{
    memset(a, 0, sizeof *a);
    a->bb_lahir = a->pb_lahir = NAN;
    a->buku_kia = a->akta_lahir = -1;
}

int tb_store_anak_put(tb_store *s, const tb_anak *a, int *outcome)
{
    sqlite3 *db = tb_store_db(s);
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT 1 FROM anak WHERE individu_id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a->individu_id);
    bool exists = sqlite3_step(st) == SQLITE_ROW;
    st = tb_store_stmt(
        s,
        "INSERT INTO anak (individu_id, bb_lahir, pb_lahir, usia_gestasi, nama_ortu,"
        " posyandu_id, buku_kia, akta_lahir)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 0), coalesce(?8, 0))"
        " ON CONFLICT (individu_id) DO UPDATE SET bb_lahir = coalesce(?2, bb_lahir),"
        " pb_lahir = coalesce(?3, pb_lahir), usia_gestasi = coalesce(?4, usia_gestasi),"
        " nama_ortu = coalesce(?5, nama_ortu), posyandu_id = coalesce(?6, posyandu_id),"
        " buku_kia = coalesce(?7, buku_kia), akta_lahir = coalesce(?8, akta_lahir)"
        " WHERE bb_lahir IS NOT coalesce(?2, bb_lahir) OR pb_lahir IS NOT coalesce(?3, pb_lahir)"
        " OR usia_gestasi IS NOT coalesce(?4, usia_gestasi)"
        " OR nama_ortu IS NOT coalesce(?5, nama_ortu)"
        " OR posyandu_id IS NOT coalesce(?6, posyandu_id)"
        " OR buku_kia IS NOT coalesce(?7, buku_kia) OR akta_lahir IS NOT coalesce(?8, akta_lahir)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a->individu_id);
    tb_store_bind_real(st, 2, a->bb_lahir);
    tb_store_bind_real(st, 3, a->pb_lahir);
    tb_store_bind_int(st, 4, a->usia_gestasi, 1);
    tb_store_bind_text(st, 5, a->nama_ortu);
    tb_store_bind_int(st, 6, a->posyandu_id, 1);
    tb_store_bind_int(st, 7, a->buku_kia, 0);
    tb_store_bind_int(st, 8, a->akta_lahir, 0);
    if (tb_store_step_done(s, st, "anak"))
        return -1;
    if (outcome)
        *outcome = !exists               ? TB_PUT_INSERTED
                   : sqlite3_changes(db) ? TB_PUT_UPDATED
                                         : TB_PUT_UNCHANGED;
    return 0;
}

int tb_store_anak_gabung(tb_store *s, long keep, long other, long user, int *moved, int *merged)
{
    *moved = *merged = 0;
    enum { MAX = 512 };
    long ids[MAX];
    int same[MAX], n = 0;
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT g.id, EXISTS (SELECT 1 FROM pengukuran h WHERE h.anak_id = ?2"
                         " AND h.tanggal = g.tanggal) FROM pengukuran g WHERE g.anak_id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, other);
    sqlite3_bind_int64(st, 2, keep);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX) {
        ids[n] = (long)sqlite3_column_int64(st, 0);
        same[n++] = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    char why[64];
    snprintf(why, sizeof why, "digabung ke anak %ld", keep);
    for (int i = 0; i < n; i++) {
        if (same[i]) { /* a same-day pair keeps the first child's; the other is archived */
            if (tb_store_pengukuran_arsip(s, ids[i], "gabung", user, why) < 0)
                return -1;
            ++*merged;
            continue;
        }
        st = tb_store_stmt(s, "UPDATE pengukuran SET anak_id = ?2 WHERE id = ?1");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, ids[i]);
        sqlite3_bind_int64(st, 2, keep);
        if (tb_store_step_done(s, st, "gabung"))
            return -1;
        ++*moved;
    }
    st = tb_store_stmt(s, "UPDATE anak SET digabung_ke = ?2 WHERE individu_id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, other);
    sqlite3_bind_int64(st, 2, keep);
    if (tb_store_step_done(s, st, "gabung"))
        return -1;
    return tb_store_kms_recompute(s, keep);
}
