/*
 * individu.c - people (see individu.h).
 *
 * A person is found by NIK, or without one by name: everyone born that day
 * in the desa is a candidate, name keys of lib/match.c compared, sex and
 * mother not contradicting. The upsert then updates with a WHERE clause that
 * is true only when a value differs, so that the change count tells an
 * update from "nothing to do".
 */
#include <stdio.h>
#include <string.h>

#include "store/individu.h"
#include "store/internal.h"
#include "tb_match.h"

/* Columns of a match candidate, in this order. */
#define CANDIDATE_COLUMNS                                                                          \
    "SELECT i.id, i.nik, i.jk, i.ibu_id, m.nama_kunci, a.nama_ortu, i.nama_kunci"                  \
    " FROM individu i LEFT JOIN individu m ON m.id = i.ibu_id"                                     \
    " LEFT JOIN anak a ON a.individu_id = i.id"

/* Does the candidate on the current row of st fit p (apart from the name)? */
static bool candidate_fits(sqlite3_stmt *st, const tb_individu *p)
{
    long id = sqlite3_column_int64(st, 0);
    if (p->nik && *p->nik && sqlite3_column_type(st, 1) != SQLITE_NULL)
        return false; /* a different NIK: a different person */
    int jk = sqlite3_column_int(st, 2);
    if (p->jk && jk && p->jk != jk)
        return false;
    long ibu = sqlite3_column_int64(st, 3);
    if (p->ibu_id && ibu) {
        if (p->ibu_id != ibu)
            return false;
    } else if (p->ibu_kunci && *p->ibu_kunci) {
        const char *mk = (const char *)sqlite3_column_text(st, 4);
        char key[TB_NAME_KEY_MAX + 1] = "";
        if (!mk || !*mk) {
            const char *ortu = (const char *)sqlite3_column_text(st, 5);
            if (ortu)
                tb_name_key(ortu, strlen(ortu), key, sizeof key);
            mk = key;
        }
        if (*mk && !tb_name_match(mk, p->ibu_kunci))
            return false;
    }
    const char *k = (const char *)sqlite3_column_text(st, 6);
    if (p->exclude && k && strcmp(k, p->nama_kunci) && p->exclude(p->exclude_ctx, id, k))
        return false;
    return true;
}

/*
 * Finds p by name: 1 (id in *id), 0 when no one fits, -1 on error. Everyone
 * born that day in the desa is a candidate (index individu_desa_lahir); an
 * equal name key wins over the most similar one.
 */
static int find_by_name(tb_store *s, const tb_individu *p, long *id)
{
    if (!p->desa || !*p->desa || !p->tgl_lahir || !*p->tgl_lahir || !p->nama_kunci ||
        !*p->nama_kunci)
        return 0;
    sqlite3_stmt *st =
        tb_store_stmt(s, CANDIDATE_COLUMNS " WHERE i.desa = ?1 AND i.tgl_lahir = ?2 ORDER BY i.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, p->desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, p->tgl_lahir, -1, SQLITE_TRANSIENT);
    double best = 0;
    long best_id = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 6);
        if (!k)
            continue;
        double sim = strcmp(k, p->nama_kunci) ? tb_name_similarity(k, p->nama_kunci) : 2.0;
        if (sim >= TB_NAME_MATCH_MIN && sim > best && candidate_fits(st, p)) {
            best = sim;
            best_id = sqlite3_column_int64(st, 0);
        }
    }
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "individu: %s", sqlite3_errmsg(tb_store_db(s)));
    *id = best_id;
    return best_id ? 1 : 0;
}

/*
 * The person who holds nik (*holder, 0 when no one does), and whether their
 * birth date or sex contradicts tgl_lahir / jk (both sides known and
 * different): 1 contradicts, 0 not, -1 on error. One NIK never merges two
 * children whose birth dates or sexes differ (a sibling registered under the
 * mother's NIK, a NIK typed for the wrong child).
 */
static int nik_holder(tb_store *s, const char *nik, const char *tgl_lahir, int jk, long *holder)
{
    *holder = 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id, tgl_lahir, jk FROM individu WHERE nik = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nik, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st), other = 0;
    if (rc == SQLITE_ROW) {
        *holder = sqlite3_column_int64(st, 0);
        const char *born = (const char *)sqlite3_column_text(st, 1);
        int sex = sqlite3_column_int(st, 2);
        other = (tgl_lahir && *tgl_lahir && born && *born && strcmp(born, tgl_lahir)) ||
                (jk && sex && jk != sex);
    } else if (rc != SQLITE_DONE)
        return tb_store_fail(s, "individu %s: %s", nik, sqlite3_errmsg(tb_store_db(s)));
    sqlite3_reset(st);
    return other;
}

int tb_store_individu_find(tb_store *s, const tb_individu *p, long *id, bool *by_name)
{
    long found = 0;
    *id = 0;
    if (by_name)
        *by_name = false;
    if (p->nik && *p->nik) {
        int other = nik_holder(s, p->nik, p->tgl_lahir, p->jk, &found);
        if (other < 0)
            return -1;
        if (other)
            found = 0; /* another child's NIK: found by name, if at all */
    }
    if (!found && !p->nik_only) {
        int r = find_by_name(s, p, &found);
        if (r < 0)
            return -1;
        if (r == 1 && by_name)
            *by_name = true;
    }
    *id = found;
    return found ? 1 : 0;
}

int tb_store_individu_put(tb_store *s, const tb_individu *p, long *id, int *outcome, bool *by_name)
{
    tb_individu apart;
    if (p->nik && *p->nik) {
        long holder;
        int other = nik_holder(s, p->nik, p->tgl_lahir, p->jk, &holder);
        if (other < 0)
            return -1;
        if (other && holder != p->id) {
            /* the NIK belongs to a child of another birth date or sex: this
             * person does not get it; it is kept apart, unverified */
            apart = *p;
            apart.nik = NULL;
            apart.nik_belum_valid = p->nik;
            p = &apart;
        }
    }
    sqlite3 *db = tb_store_db(s);
    long found = p->id > 0 ? p->id : 0;
    bool named = found && p->id_by_name;
    *id = 0;
    if (by_name)
        *by_name = false;
    if (!found && p->id == 0 && tb_store_individu_find(s, p, &found, &named) < 0)
        return -1;
    sqlite3_stmt *st;
    if (found) {
        /* ?13: the name may change (found by NIK); a name match keeps the stored name */
        st = tb_store_stmt(
            s, "UPDATE individu SET nik = coalesce(?2, nik),"
               " nama = CASE WHEN ?13 THEN ?3 ELSE nama END,"
               " nama_kunci = CASE WHEN ?13 THEN ?4 ELSE nama_kunci END,"
               " jk = coalesce(?5, jk), tgl_lahir = coalesce(?6, tgl_lahir),"
               " keluarga_id = coalesce(?7, keluarga_id), ibu_id = coalesce(?8, ibu_id),"
               " desa = coalesce(?9, desa), rt = coalesce(?10, rt), rw = coalesce(?11, rw),"
               " alamat = coalesce(?12, alamat), peran = coalesce(peran, ?14)"
               " WHERE id = ?1 AND (nik IS NOT coalesce(?2, nik)"
               " OR (?13 AND (nama IS NOT ?3 OR nama_kunci IS NOT ?4))"
               " OR jk IS NOT coalesce(?5, jk) OR tgl_lahir IS NOT coalesce(?6, tgl_lahir)"
               " OR keluarga_id IS NOT coalesce(?7, keluarga_id)"
               " OR ibu_id IS NOT coalesce(?8, ibu_id) OR desa IS NOT coalesce(?9, desa)"
               " OR rt IS NOT coalesce(?10, rt) OR rw IS NOT coalesce(?11, rw)"
               " OR alamat IS NOT coalesce(?12, alamat) OR peran IS NOT coalesce(peran, ?14))");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, found);
        sqlite3_bind_int(st, 13, !named);
    } else {
        st = tb_store_stmt(s, "INSERT INTO individu (nik, nama, nama_kunci, jk, tgl_lahir,"
                              " keluarga_id, ibu_id, desa, rt, rw, alamat, peran, nik_belum_valid)"
                              " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?15)");
        if (!st)
            return -1;
        tb_store_bind_text(st, 15, p->nik_belum_valid);
    }
    tb_store_bind_text(st, 2, p->nik);
    sqlite3_bind_text(st, 3, p->nama ? p->nama : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, p->nama_kunci ? p->nama_kunci : "", -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 5, p->jk, 1);
    tb_store_bind_text(st, 6, p->tgl_lahir);
    tb_store_bind_int(st, 7, p->keluarga_id, 1);
    tb_store_bind_int(st, 8, p->ibu_id, 1);
    tb_store_bind_text(st, 9, p->desa);
    tb_store_bind_text(st, 10, p->rt);
    tb_store_bind_text(st, 11, p->rw);
    tb_store_bind_text(st, 12, p->alamat);
    tb_store_bind_text(st, 14, p->peran);
    if (tb_store_step_done(s, st, "individu"))
        return -1;
    if (found) {
        *id = found;
        if (outcome)
            *outcome = sqlite3_changes(db) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    } else {
        *id = sqlite3_last_insert_rowid(db);
        if (outcome)
            *outcome = TB_PUT_INSERTED;
    }
    if (by_name)
        *by_name = named;
    return 0;
}

/* --- registering a child at a posyandu --------------------------------------- */

long tb_store_anak_baru(tb_store *s, const tb_anak_baru *a, long user)
{
    char key[TB_NAME_KEY_MAX + 1];
    tb_name_key(a->nama, strlen(a->nama), key, sizeof key); /* the key imports match on */
    tb_anak_baru apart;
    if (a->nik && *a->nik) {
        long holder;
        int other = nik_holder(s, a->nik, a->tgl_lahir, a->jk, &holder);
        if (other < 0)
            return -1;
        if (other) { /* another child's NIK: registered without it, the NIK kept apart */
            apart = *a;
            apart.nik = NULL;
            apart.nik_belum_valid = a->nik;
            a = &apart;
        }
    }
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO individu (nik, nik_belum_valid, nama, nama_kunci, jk, tgl_lahir, desa,"
           " peran) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'anak')");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, a->nik && *a->nik ? a->nik : NULL);
    tb_store_bind_text(st, 2,
                       a->nik_belum_valid && *a->nik_belum_valid ? a->nik_belum_valid : NULL);
    sqlite3_bind_text(st, 3, a->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, a->jk);
    sqlite3_bind_text(st, 6, a->tgl_lahir, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, a->desa, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    long id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    st = tb_store_stmt(s, "INSERT INTO anak (individu_id, bb_lahir, pb_lahir, nama_ortu,"
                          " posyandu_id, buku_kia) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_real(st, 2, a->bb_lahir);
    tb_store_bind_real(st, 3, a->pb_lahir);
    tb_store_bind_text(st, 4, a->nama_ibu && *a->nama_ibu ? a->nama_ibu : NULL);
    sqlite3_bind_int64(st, 5, a->posyandu_id);
    sqlite3_bind_int(st, 6, a->buku_kia ? 1 : 0);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    char row[32], after[512];
    snprintf(row, sizeof row, "%ld", id);
    snprintf(after, sizeof after,
             "{\"posyandu_id\":%ld,\"tgl_lahir\":\"%.10s\",\"jk\":%d,\"buku_kia\":%d,"
             "\"nik_belum_valid\":%s}",
             a->posyandu_id, a->tgl_lahir, a->jk, a->buku_kia ? 1 : 0,
             a->nik_belum_valid && *a->nik_belum_valid ? "true" : "false");
    if (tb_store_audit(s, user, "tambah", "anak", row, NULL, after) < 0)
        return -1;
    return id;
}

int tb_store_anak_mirip(tb_store *s, const char *desa, const char *tgl_lahir, const char *nama,
                        const char *nama_ibu, int (*fn)(void *ctx, const tb_anak_mirip *m),
                        void *ctx)
{
    char key[TB_NAME_KEY_MAX + 1], ibu[TB_NAME_KEY_MAX + 1] = "";
    tb_name_key(nama, strlen(nama), key, sizeof key);
    if (nama_ibu)
        tb_name_key(nama_ibu, strlen(nama_ibu), ibu, sizeof ibu);
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.id, i.nama, i.nama_kunci, i.jk, coalesce(m.nama, a.nama_ortu), p.nama"
           " FROM individu i JOIN anak a ON a.individu_id = i.id"
           " LEFT JOIN individu m ON m.id = i.ibu_id LEFT JOIN posyandu p ON p.id = a.posyandu_id"
           " WHERE i.desa = ?1 AND i.tgl_lahir = ?2 ORDER BY i.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, tgl_lahir, -1, SQLITE_TRANSIENT);
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 2);
        const char *their_ibu = (const char *)sqlite3_column_text(st, 4);
        if (!k || !*key || (strcmp(k, key) && !tb_name_match(k, key)))
            continue;
        if (*ibu && their_ibu && *their_ibu) { /* mothers' names must not contradict */
            char tk[TB_NAME_KEY_MAX + 1];
            tb_name_key(their_ibu, strlen(their_ibu), tk, sizeof tk);
            if (*tk && strcmp(tk, ibu) && !tb_name_match(tk, ibu))
                continue;
        }
        const char *pos = (const char *)sqlite3_column_text(st, 5);
        tb_anak_mirip m = {.id = sqlite3_column_int64(st, 0),
                           .nama = (const char *)sqlite3_column_text(st, 1),
                           .jk = sqlite3_column_int(st, 3),
                           .nama_ibu = their_ibu ? their_ibu : "",
                           .posyandu = pos ? pos : ""};
        n++;
        if (fn(ctx, &m) < 0)
            break;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}

int tb_store_anak_buku_kia(tb_store *s, long anak_id, int punya, long user)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "UPDATE anak SET buku_kia = ?2 WHERE individu_id = ?1 AND buku_kia <> ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    sqlite3_bind_int(st, 2, punya ? 1 : 0);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    if (!sqlite3_changes(tb_store_db(s)))
        return 0;
    char row[32];
    snprintf(row, sizeof row, "%ld", anak_id);
    if (tb_store_audit(s, user, "ubah", "anak", row,
                       punya ? "{\"buku_kia\":0}" : "{\"buku_kia\":1}",
                       punya ? "{\"buku_kia\":1}" : "{\"buku_kia\":0}") < 0)
        return -1;
    return 1;
}
