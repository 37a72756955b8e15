/*
 * store_people.c - families, people, children, catin screenings (see
 * store_people.h).
 *
 * Every upsert reads the row by its natural key first and then inserts, or
 * updates with a WHERE clause that is true only when a value differs, so
 * that sqlite3_changes() tells an update from "nothing to do". People
 * without a NIK are matched by name with the keys of lib/match.c.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/individu.h"
#include "tb_date.h"
#include "tb_match.h"

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

/* Binds v, or NULL when v is below min (the "not given" values -1 and 0). */
static void bind_int(sqlite3_stmt *st, int i, long v, long min)
{
    if (v < min)
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_int64(st, i, v);
}

static int step_done(tb_store *s, sqlite3_stmt *st, const char *what)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "%s: %s", what, sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

/* --- keluarga ------------------------------------------------------------- */

long tb_store_keluarga_put(tb_store *s, const tb_keluarga *k, int *outcome)
{
    sqlite3 *db = tb_store_db(s);
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM keluarga WHERE no_kk = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, k->no_kk, -1, SQLITE_TRANSIENT);
    long id = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        return tb_store_fail(s, "keluarga %s: %s", k->no_kk, sqlite3_errmsg(db));
    if (id) {
        st = tb_store_stmt(
            s, "UPDATE keluarga SET desa = ?2, rt = ?3, rw = ?4, alamat = ?5, sumber_pk = ?6,"
               " tahun_pk = ?7, desil = ?8, sumber_air = ?9, jamban = ?10, rumah_layak = ?11,"
               " pendidikan_ibu = ?12, jkn = ?13, bansos = ?14, pus = ?15, pus_hamil = ?16,"
               " punya_baduta = ?17, punya_balita = ?18, t4_muda = ?19, t4_tua = ?20,"
               " t4_dekat = ?21, t4_banyak = ?22, sasaran = ?23, krs = ?24, krs_faktor = ?25"
               " WHERE id = ?1 AND (desa IS NOT ?2 OR rt IS NOT ?3 OR rw IS NOT ?4"
               " OR alamat IS NOT ?5 OR sumber_pk IS NOT ?6 OR tahun_pk IS NOT ?7"
               " OR desil IS NOT ?8 OR sumber_air IS NOT ?9 OR jamban IS NOT ?10"
               " OR rumah_layak IS NOT ?11 OR pendidikan_ibu IS NOT ?12 OR jkn IS NOT ?13"
               " OR bansos IS NOT ?14 OR pus IS NOT ?15 OR pus_hamil IS NOT ?16"
               " OR punya_baduta IS NOT ?17 OR punya_balita IS NOT ?18 OR t4_muda IS NOT ?19"
               " OR t4_tua IS NOT ?20 OR t4_dekat IS NOT ?21 OR t4_banyak IS NOT ?22"
               " OR sasaran IS NOT ?23 OR krs IS NOT ?24 OR krs_faktor IS NOT ?25)");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, id);
    } else {
        st = tb_store_stmt(
            s, "INSERT INTO keluarga (no_kk, desa, rt, rw, alamat, sumber_pk, tahun_pk, desil,"
               " sumber_air, jamban, rumah_layak, pendidikan_ibu, jkn, bansos, pus, pus_hamil,"
               " punya_baduta, punya_balita, t4_muda, t4_tua, t4_dekat, t4_banyak, sasaran, krs,"
               " krs_faktor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
               " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, k->no_kk, -1, SQLITE_TRANSIENT);
    }
    bind_text(st, 2, k->desa);
    bind_text(st, 3, k->rt);
    bind_text(st, 4, k->rw);
    bind_text(st, 5, k->alamat);
    bind_text(st, 6, k->sumber_pk);
    bind_int(st, 7, k->tahun_pk, 0);
    bind_int(st, 8, k->desil, 0);
    bind_text(st, 9, k->sumber_air);
    bind_text(st, 10, k->jamban);
    bind_int(st, 11, k->rumah_layak, 0);
    bind_text(st, 12, k->pendidikan_ibu);
    bind_text(st, 13, k->jkn);
    bind_text(st, 14, k->bansos);
    const int flags[] = {k->pus,    k->pus_hamil, k->punya_baduta, k->punya_balita, k->t4_muda,
                         k->t4_tua, k->t4_dekat,  k->t4_banyak,    k->sasaran,      k->krs};
    for (int i = 0; i < 10; i++)
        sqlite3_bind_int(st, 15 + i, flags[i] ? 1 : 0);
    bind_text(st, 25, k->krs_faktor);
    if (step_done(s, st, "keluarga"))
        return -1;
    if (!id) {
        if (outcome)
            *outcome = TB_PUT_INSERTED;
        return sqlite3_last_insert_rowid(db);
    }
    if (outcome)
        *outcome = sqlite3_changes(db) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    return id;
}

/* --- individu ------------------------------------------------------------- */

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

int tb_store_individu_find(tb_store *s, const tb_individu *p, long *id, bool *by_name)
{
    long found = 0;
    *id = 0;
    if (by_name)
        *by_name = false;
    if (p->nik && *p->nik) {
        sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM individu WHERE nik = ?1");
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, p->nik, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            found = sqlite3_column_int64(st, 0);
        else if (rc != SQLITE_DONE)
            return tb_store_fail(s, "individu %s: %s", p->nik, sqlite3_errmsg(tb_store_db(s)));
        sqlite3_reset(st);
    }
    if (!found) {
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
                              " keluarga_id, ibu_id, desa, rt, rw, alamat, peran)"
                              " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14)");
        if (!st)
            return -1;
    }
    bind_text(st, 2, p->nik);
    sqlite3_bind_text(st, 3, p->nama ? p->nama : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, p->nama_kunci ? p->nama_kunci : "", -1, SQLITE_TRANSIENT);
    bind_int(st, 5, p->jk, 1);
    bind_text(st, 6, p->tgl_lahir);
    bind_int(st, 7, p->keluarga_id, 1);
    bind_int(st, 8, p->ibu_id, 1);
    bind_text(st, 9, p->desa);
    bind_text(st, 10, p->rt);
    bind_text(st, 11, p->rw);
    bind_text(st, 12, p->alamat);
    bind_text(st, 14, p->peran);
    if (step_done(s, st, "individu"))
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

/* --- anak ------------------------------------------------------------------- */

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
    bind_real(st, 2, a->bb_lahir);
    bind_real(st, 3, a->pb_lahir);
    bind_int(st, 4, a->usia_gestasi, 1);
    bind_text(st, 5, a->nama_ortu);
    bind_int(st, 6, a->posyandu_id, 1);
    bind_int(st, 7, a->buku_kia, 0);
    bind_int(st, 8, a->akta_lahir, 0);
    if (step_done(s, st, "anak"))
        return -1;
    if (outcome)
        *outcome = !exists               ? TB_PUT_INSERTED
                   : sqlite3_changes(db) ? TB_PUT_UPDATED
                                         : TB_PUT_UNCHANGED;
    return 0;
}

long tb_store_pengukuran_last_day(tb_store *s, long anak_id)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT max(tanggal) FROM pengukuran WHERE anak_id = ?1");
    if (!st)
        return -2;
    sqlite3_bind_int64(st, 1, anak_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        tb_store_fail(s, "pengukuran: %s", sqlite3_errmsg(tb_store_db(s)));
        return -2;
    }
    const char *d = (const char *)sqlite3_column_text(st, 0);
    long day = d ? tb_date_iso(d) : -1;
    sqlite3_reset(st);
    return day;
}

int tb_store_pengukuran_on(tb_store *s, long anak_id, const char *tanggal)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT 1 FROM pengukuran WHERE anak_id = ?1 AND tanggal = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "pengukuran: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_row_exists(tb_store *s, const char *table, long id)
{
    const char *sql = !strcmp(table, "individu")   ? "SELECT 1 FROM individu WHERE id = ?1"
                      : !strcmp(table, "anak")     ? "SELECT 1 FROM anak WHERE individu_id = ?1"
                      : !strcmp(table, "posyandu") ? "SELECT 1 FROM posyandu WHERE id = ?1"
                                                   : NULL;
    if (!sql)
        return tb_store_fail(s, "no such table: %s", table);
    sqlite3_stmt *st = tb_store_stmt(s, sql);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "%s: %s", table, sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

/* --- catin ------------------------------------------------------------------ */

int tb_store_catin_put(tb_store *s, const tb_catin *c, int *outcome)
{
    sqlite3 *db = tb_store_db(s);
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id FROM catin WHERE individu_id = ?1 AND tgl_periksa = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, c->individu_id);
    sqlite3_bind_text(st, 2, c->tgl_periksa, -1, SQLITE_TRANSIENT);
    long id = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE)
        return tb_store_fail(s, "catin: %s", sqlite3_errmsg(db));
    if (id) {
        st = tb_store_stmt(
            s, "UPDATE catin SET tgl_rencana_nikah = coalesce(?3, tgl_rencana_nikah), bb = ?4,"
               " tb = ?5, imt = ?6, lila = ?7, lingkar_perut = ?8, hb = ?9, merokok = ?10,"
               " hasil = ?11, faktor = ?12, no_sertifikat = coalesce(?13, no_sertifikat)"
               " WHERE id = ?1 AND (tgl_rencana_nikah IS NOT coalesce(?3, tgl_rencana_nikah)"
               " OR bb IS NOT ?4 OR tb IS NOT ?5 OR imt IS NOT ?6 OR lila IS NOT ?7"
               " OR lingkar_perut IS NOT ?8 OR hb IS NOT ?9 OR merokok IS NOT ?10"
               " OR hasil IS NOT ?11 OR faktor IS NOT ?12"
               " OR no_sertifikat IS NOT coalesce(?13, no_sertifikat))");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, id);
    } else {
        st = tb_store_stmt(s, "INSERT INTO catin (individu_id, tgl_periksa, tgl_rencana_nikah,"
                              " bb, tb, imt, lila, lingkar_perut, hb, merokok, hasil, faktor,"
                              " no_sertifikat) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                              " ?11, ?12, ?13)");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, c->individu_id);
        sqlite3_bind_text(st, 2, c->tgl_periksa, -1, SQLITE_TRANSIENT);
    }
    bind_text(st, 3, c->tgl_rencana_nikah);
    bind_real(st, 4, c->bb);
    bind_real(st, 5, c->tb);
    bind_real(st, 6, c->imt);
    bind_real(st, 7, c->lila);
    bind_real(st, 8, c->lingkar_perut);
    bind_real(st, 9, c->hb);
    sqlite3_bind_int(st, 10, c->merokok ? 1 : 0);
    bind_text(st, 11, c->hasil);
    bind_text(st, 12, c->faktor);
    bind_text(st, 13, c->no_sertifikat);
    if (step_done(s, st, "catin"))
        return -1;
    if (outcome)
        *outcome = !id ? TB_PUT_INSERTED : sqlite3_changes(db) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    return 0;
}

/* --- lookups ---------------------------------------------------------------- */

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

int tb_store_wilayah_each(tb_store *s,
                          int (*fn)(void *ctx, const char *kode, int tingkat, const char *nama),
                          void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT kode, tingkat, nama FROM wilayah ORDER BY kode");
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
        return tb_store_fail(s, "wilayah: %s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

int tb_store_ref_active(tb_store *s, const char *jenis, char *versi, size_t versilen, char **data)
{
    *data = NULL;
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT versi, data FROM ref_versi WHERE jenis = ?1 AND aktif = 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, jenis, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return tb_store_fail(s, "ref_versi: %s", sqlite3_errmsg(tb_store_db(s)));
    if (versi && versilen)
        snprintf(versi, versilen, "%s", (const char *)sqlite3_column_text(st, 0));
    const char *d = (const char *)sqlite3_column_text(st, 1);
    if (d && !(*data = strdup(d))) {
        sqlite3_reset(st);
        return tb_store_fail(s, "out of memory");
    }
    sqlite3_reset(st);
    return 1;
}
