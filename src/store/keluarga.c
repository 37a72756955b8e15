/*
 * keluarga.c - families (see keluarga.h): the census upsert on no. KK (read
 * by key, then insert, or update with a WHERE clause true only when a value
 * differs, so that "nothing changed" is told apart), and a child's family.
 */
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "store/keluarga.h"

/* The family's status in its census round (replaced when the round is imported again);
 * a changed round row makes an unchanged family "updated". 0 or -1. */
static int put_round(tb_store *s, long id, const tb_keluarga *k, int *out)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO keluarga_putaran (keluarga_id, putaran, tanggal, aturan, sasaran, krs,"
           " krs_faktor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
           " ON CONFLICT (keluarga_id, putaran) DO UPDATE SET tanggal = excluded.tanggal,"
           " aturan = excluded.aturan, sasaran = excluded.sasaran, krs = excluded.krs,"
           " krs_faktor = excluded.krs_faktor"
           " WHERE sasaran IS NOT excluded.sasaran OR krs IS NOT excluded.krs"
           " OR krs_faktor IS NOT excluded.krs_faktor OR aturan IS NOT excluded.aturan");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, k->putaran);
    tb_store_bind_text(st, 3, k->tanggal && k->tanggal[0] ? k->tanggal : "1970-01-01");
    tb_store_bind_text(st, 4, k->aturan);
    sqlite3_bind_int(st, 5, k->sasaran ? 1 : 0);
    sqlite3_bind_int(st, 6, k->krs ? 1 : 0);
    tb_store_bind_text(st, 7, k->krs_faktor);
    if (tb_store_step_done(s, st, "keluarga_putaran"))
        return -1;
    if (*out == TB_PUT_UNCHANGED && sqlite3_changes(tb_store_db(s)))
        *out = TB_PUT_UPDATED;
    return 0;
}

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
               " t4_dekat = ?21, t4_banyak = ?22, sasaran = ?23, krs = ?24, krs_faktor = ?25,"
               " putaran = COALESCE(?26, putaran)"
               " WHERE id = ?1 AND (?26 IS NULL OR putaran IS NULL OR putaran <= ?26)"
               " AND (putaran IS NOT COALESCE(?26, putaran) OR desa IS NOT ?2 OR rt IS NOT ?3 OR "
               "rw IS NOT ?4"
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
               " krs_faktor, putaran) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
               " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, k->no_kk, -1, SQLITE_TRANSIENT);
    }
    tb_store_bind_text(st, 2, k->desa);
    tb_store_bind_text(st, 3, k->rt);
    tb_store_bind_text(st, 4, k->rw);
    tb_store_bind_text(st, 5, k->alamat);
    tb_store_bind_text(st, 6, k->sumber_pk);
    tb_store_bind_int(st, 7, k->tahun_pk, 0);
    tb_store_bind_int(st, 8, k->desil, 0);
    tb_store_bind_text(st, 9, k->sumber_air);
    tb_store_bind_text(st, 10, k->jamban);
    tb_store_bind_int(st, 11, k->rumah_layak, 0);
    tb_store_bind_text(st, 12, k->pendidikan_ibu);
    tb_store_bind_text(st, 13, k->jkn);
    tb_store_bind_text(st, 14, k->bansos);
    const int flags[] = {k->pus,    k->pus_hamil, k->punya_baduta, k->punya_balita, k->t4_muda,
                         k->t4_tua, k->t4_dekat,  k->t4_banyak,    k->sasaran,      k->krs};
    for (int i = 0; i < 10; i++)
        sqlite3_bind_int(st, 15 + i, flags[i] ? 1 : 0);
    tb_store_bind_text(st, 25, k->krs_faktor);
    tb_store_bind_text(st, 26, k->putaran);
    if (tb_store_step_done(s, st, "keluarga"))
        return -1;
    int out = !id ? TB_PUT_INSERTED : sqlite3_changes(db) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    if (!id)
        id = sqlite3_last_insert_rowid(db);
    if (k->putaran && k->putaran[0] && put_round(s, id, k, &out))
        return -1;
    if (outcome)
        *outcome = out;
    return id;
}

/* As created by schema.c (migrations 1 and 5); rebuilt after a bulk load. */
#define INDIVIDU_LOAD_INDEXES                                                                      \
    "CREATE INDEX individu_cocok ON individu(desa, nama_kunci, tgl_lahir);"
#define INDIVIDU_NAME_INDEX "CREATE INDEX individu_desa_lahir ON individu(desa, tgl_lahir);"

int tb_store_keluarga_bulk_begin(tb_store *s, bool by_name)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT EXISTS (SELECT 1 FROM individu)");
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return tb_store_fail(s, "individu: %s", sqlite3_errmsg(tb_store_db(s)));
    int rows = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rows)
        return 0;
    /* at most 96 MB of page cache: the pages looked up at random (the NIK and KK indexes)
     * fit in it; the rows are appended and may be written out (to the WAL) before the
     * commit. A smaller cache (the web server's imports) stays. */
    st = tb_store_stmt(s, "PRAGMA cache_size");
    if (!st || sqlite3_step(st) != SQLITE_ROW)
        return tb_store_fail(s, "cache_size: %s", sqlite3_errmsg(tb_store_db(s)));
    long long kib = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if ((kib < 0 ? -kib : kib * 4) > 98304 && tb_store_exec(s, "PRAGMA cache_size = -98304"))
        return -1;
    if (tb_store_exec(s, "DROP INDEX individu_cocok;") ||
        (!by_name && tb_store_exec(s, "DROP INDEX individu_desa_lahir;")))
        return -1; /* individu_desa_lahir finds by name (individu.c) */
    return 1;
}

int tb_store_keluarga_bulk_end(tb_store *s, bool by_name)
{
    /* the sorts may use a second core (the reader thread is done by now) */
    if (tb_store_exec(s, "PRAGMA threads = 2"))
        return -1;
    int rc = tb_store_exec(s, INDIVIDU_LOAD_INDEXES);
    if (!rc && !by_name)
        rc = tb_store_exec(s, INDIVIDU_NAME_INDEX);
    sqlite3_exec(tb_store_db(s), "PRAGMA threads = 0", NULL, NULL, NULL);
    return rc;
}

int tb_store_anggota_keluarga(tb_store *s, long anak_id, tb_anggota_row *rows, int max)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT m.nama, m.jk, m.tgl_lahir, m.peran FROM individu c"
                         " JOIN individu m ON m.keluarga_id = c.keluarga_id AND m.id <> c.id"
                         " WHERE c.id = ?1 ORDER BY m.tgl_lahir IS NULL, m.tgl_lahir, m.id");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
        tb_anggota_row *r = &rows[n++];
        const char *t[3] = {(const char *)sqlite3_column_text(st, 0),
                            (const char *)sqlite3_column_text(st, 2),
                            (const char *)sqlite3_column_text(st, 3)};
        snprintf(r->nama, sizeof r->nama, "%s", t[0] ? t[0] : "");
        r->jk = sqlite3_column_int(st, 1);
        snprintf(r->tgl_lahir, sizeof r->tgl_lahir, "%s", t[1] ? t[1] : "");
        snprintf(r->peran, sizeof r->peran, "%s", t[2] ? t[2] : "");
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return n;
}
