/*
 * catin.c - catin screenings (see catin.h): read by person + exam date, then
 * insert, or update only the values that differ.
 */
#include "store/catin.h"
#include "store/internal.h"

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
    tb_store_bind_text(st, 3, c->tgl_rencana_nikah);
    tb_store_bind_real(st, 4, c->bb);
    tb_store_bind_real(st, 5, c->tb);
    tb_store_bind_real(st, 6, c->imt);
    tb_store_bind_real(st, 7, c->lila);
    tb_store_bind_real(st, 8, c->lingkar_perut);
    tb_store_bind_real(st, 9, c->hb);
    sqlite3_bind_int(st, 10, c->merokok ? 1 : 0);
    tb_store_bind_text(st, 11, c->hasil);
    tb_store_bind_text(st, 12, c->faktor);
    tb_store_bind_text(st, 13, c->no_sertifikat);
    if (tb_store_step_done(s, st, "catin"))
        return -1;
    if (outcome)
        *outcome = !id ? TB_PUT_INSERTED : sqlite3_changes(db) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    return 0;
}
