/*
 * antrian.c - per-user keys of the offline queue (table antrian_kunci,
 * migration 5). See antrian.h.
 */
#include "store/antrian.h"
#include "store/internal.h"

static const char *const SELECT_KEY = "SELECT kunci FROM antrian_kunci WHERE pengguna_id = ?1";

int tb_store_antrian_kunci(tb_store *s, long user_id, const char *fresh,
                           char out[TB_ANTRIAN_KEY_LEN])
{
    sqlite3_stmt *st = tb_store_stmt(s, SELECT_KEY);
    int f = tb_store_step_id(s, st, user_id);
    if (f == 1) {
        tb_store_col_text(st, 0, out, TB_ANTRIAN_KEY_LEN);
        sqlite3_reset(st);
        return 0;
    }
    if (f < 0 || !fresh || !*fresh)
        return f < 0 ? -1 : tb_store_fail(s, "antrian: no key given");
    /* two first requests at once: the first insert wins, both read it back */
    sqlite3_stmt *ins = tb_store_stmt(
        s, "INSERT OR IGNORE INTO antrian_kunci (pengguna_id, kunci) VALUES (?1, ?2)");
    if (!ins)
        return -1;
    sqlite3_bind_int64(ins, 1, user_id);
    tb_store_bind_text(ins, 2, fresh);
    if (tb_store_step_done(s, ins, "antrian_kunci") < 0)
        return -1;
    st = tb_store_stmt(s, SELECT_KEY);
    if (tb_store_step_id(s, st, user_id) != 1)
        return -1;
    tb_store_col_text(st, 0, out, TB_ANTRIAN_KEY_LEN);
    sqlite3_reset(st);
    return 0;
}
