/*
 * catin.c - catin screenings (see catin.h): read by person + exam date, then
 * insert, or update only the values that differ.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/catin.h"
#include "store/internal.h"
#include "store/krs.h"
#include "tb_date.h"
#include "tb_krs.h"
#include "tb_match.h"

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

static double rule_num(json_t *root, const char *key, double dflt)
{
    json_t *v = json_object_get(root, key);
    return v && json_is_number(v) ? json_number_value(v) : dflt;
}

int tb_store_elsimil_rule(tb_store *s, tb_elsimil_rule *r, char *versi, size_t n)
{
    tb_elsimil_rule_default(r);
    char *data = NULL;
    int have = tb_store_ref_active(s, "elsimil", versi, n, &data);
    if (have <= 0 || !data) {
        free(data);
        return have < 0 ? -1 : 0;
    }
    json_t *root = json_loads(data, 0, NULL);
    free(data);
    if (!root || !json_is_object(root)) {
        json_decref(root);
        return 0;
    }
    /* a threshold the version does not give is switched off (the keys the
     * catin import has always read) */
    r->umur_min = (int)rule_num(root, "umur_min", 0);
    r->imt_min = rule_num(root, "imt_min", 0);
    r->imt_max = rule_num(root, "imt_maks", 0);
    r->lila_min = rule_num(root, "lila_min", 0);
    r->hb_min_p = rule_num(root, "hb_min", 0);
    r->hb_min_l = rule_num(root, "hb_min_laki", 0);
    r->perut_max_p = rule_num(root, "lingkar_perut_maks_perempuan", 0);
    r->perut_max_l = rule_num(root, "lingkar_perut_maks_laki", 0);
    r->merokok = json_is_true(json_object_get(root, "merokok_berisiko"));
    r->bulan_sebelum_nikah = (int)rule_num(root, "bulan_sebelum_nikah", 3);
    json_decref(root);
    return 1;
}

/* The person of a registration (by NIK, else new): its id, or -1. */
static long catin_person(tb_store *s, const tb_catin_baru *c, long user)
{
    sqlite3_stmt *st;
    if (c->nik && *c->nik) {
        st = tb_store_stmt(s, "SELECT id, desa IS ?2 FROM individu WHERE nik = ?1");
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, c->nik, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, c->desa, -1, SQLITE_TRANSIENT);
        int rc = tb_store_step_one(s, st);
        long id = rc > 0 ? (long)sqlite3_column_int64(st, 0) : 0;
        int same = rc > 0 && sqlite3_column_int(st, 1);
        sqlite3_reset(st);
        if (rc < 0)
            return -1;
        if (id && !same)
            return tb_store_fail(s, "NIK ini sudah terdaftar untuk orang di desa lain");
        if (id)
            return id;
    }
    char key[TB_NAME_KEY_MAX + 1];
    tb_name_key(c->nama, strlen(c->nama), key, sizeof key);
    st = tb_store_stmt(s, "INSERT INTO individu (nik, nama, nama_kunci, jk, tgl_lahir, desa,"
                          " alamat, peran) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'catin')");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, c->nik);
    sqlite3_bind_text(st, 2, c->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 4, c->jk);
    sqlite3_bind_text(st, 5, c->tgl_lahir, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, c->desa, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 7, c->alamat);
    if (tb_store_step_done(s, st, "individu"))
        return -1;
    long id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, user, "tambah", "individu", row, NULL, "{\"peran\":\"catin\"}") < 0
               ? -1
               : id;
}

/* Links the catin a to b on a's latest screening when it has no partner. */
static int link_partner(tb_store *s, long a, long b)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE catin SET pasangan_id = ?2 WHERE id = (SELECT id FROM catin"
           " WHERE individu_id = ?1 ORDER BY tgl_periksa DESC LIMIT 1) AND pasangan_id IS NULL");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    return tb_store_step_done(s, st, "pasangan");
}

int tb_store_catin_daftar(tb_store *s, const tb_catin_baru *c, long user, tb_catin_hasil *out)
{
    memset(out, 0, sizeof *out);
    tb_elsimil_rule rule;
    if (tb_store_elsimil_rule(s, &rule, out->versi, sizeof out->versi) < 0)
        return -1;
    tb_elsimil_input in = {c->jk,
                           tb_date_iso(c->tgl_lahir),
                           tb_date_iso(c->tgl_periksa),
                           c->bb,
                           c->tb,
                           c->lila,
                           c->hb,
                           c->perut,
                           c->merokok != 0};
    tb_elsimil_result r;
    tb_elsimil_eval(&rule, &in, &r);
    tb_elsimil_factor_list(r.faktor, out->faktor, sizeof out->faktor);
    out->berisiko = r.berisiko;
    out->imt = r.imt;
    out->tepat_waktu = tb_elsimil_tepat_waktu(&rule, in.periksa, tb_date_iso(c->tgl_rencana_nikah));
    long id = catin_person(s, c, user);
    if (id < 0)
        return -1;
    out->individu_id = id;
    tb_catin k = {id,
                  c->tgl_periksa,
                  c->tgl_rencana_nikah,
                  c->bb,
                  c->tb,
                  r.imt,
                  c->lila,
                  c->perut,
                  c->hb,
                  c->merokok,
                  r.berisiko ? "berisiko" : "ideal",
                  out->faktor[0] ? out->faktor : NULL,
                  NULL};
    if (tb_store_catin_put(s, &k, NULL) < 0)
        return -1;
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE catin SET aturan = ?3, tepat_waktu = ?4, dibuat_oleh = ?5,"
           " pasangan_id = coalesce(?6, pasangan_id) WHERE individu_id = ?1 AND tgl_periksa = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, c->tgl_periksa, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, out->versi);
    tb_store_bind_int(st, 4, out->tepat_waktu, 0);
    tb_store_bind_int(st, 5, user, 1);
    tb_store_bind_int(st, 6, c->pasangan_id, 1);
    if (tb_store_step_done(s, st, "catin"))
        return -1;
    if (c->pasangan_id > 0 && link_partner(s, c->pasangan_id, id) < 0)
        return -1;
    char row[48], after[400];
    snprintf(row, sizeof row, "%ld/%.10s", id, c->tgl_periksa);
    snprintf(after, sizeof after,
             "{\"hasil\":\"%s\",\"faktor\":\"%s\",\"aturan\":\"%s\",\"tepat_waktu\":%d}",
             r.berisiko ? "berisiko" : "ideal", out->faktor, out->versi, out->tepat_waktu);
    return tb_store_audit(s, user, "tambah", "catin", row, NULL, after) < 0 ? -1 : 0;
}

/* The couple of a marriage: the catin and its partner (0 when none), the
 * wife's birth day and desa (the woman's, else the catin's). */
typedef struct {
    long a, b;
    char desa[16], istri_lahir[11];
} couple_t;

static int read_couple(tb_store *s, long id, couple_t *c)
{
    memset(c, 0, sizeof *c);
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT c.individu_id, coalesce(c.pasangan_id, 0),"
                         " CASE WHEN i.jk = 1 AND p.id IS NOT NULL THEN p.desa ELSE i.desa END,"
                         " CASE WHEN i.jk = 2 THEN i.tgl_lahir ELSE p.tgl_lahir END"
                         " FROM catin c JOIN individu i ON i.id = c.individu_id"
                         " LEFT JOIN individu p ON p.id = c.pasangan_id"
                         " WHERE c.individu_id = ?1 ORDER BY c.tgl_periksa DESC LIMIT 1");
    int rc = tb_store_step_id(s, st, id);
    if (rc <= 0)
        return rc < 0 ? -1 : tb_store_fail(s, "catin %ld tidak ada", id);
    c->a = sqlite3_column_int64(st, 0);
    c->b = sqlite3_column_int64(st, 1);
    tb_store_col_text(st, 2, c->desa, sizeof c->desa);
    tb_store_col_text(st, 3, c->istri_lahir, sizeof c->istri_lahir);
    sqlite3_reset(st);
    return 0;
}

/* The new PUS family's status by the active KRS rule at the wedding date. */
static void couple_krs(tb_store *s, const couple_t *c, const char *tanggal, tb_krs_result *r)
{
    tb_krs_rule_data rd;
    char err[200];
    if (tb_store_krs_rule(s, &rd, err, sizeof err) != 1)
        tb_krs_rule_default(&rd.rule);
    tb_krs_facts f = {.rumah_layak = -1,
                      .desil = -1,
                      .istri_lahir = tb_date_iso(c->istri_lahir),
                      .umur_istri = -1,
                      .hamil = 0,
                      .pus = -1,
                      .jumlah_anak = 0,
                      .jarak_bulan = -1,
                      .umur_bungsu = -1,
                      .baduta = 0,
                      .balita = 0};
    tb_krs_eval(&rd.rule, &f, tb_date_iso(tanggal), r);
}

long tb_store_catin_nikah(tb_store *s, long individu_id, const char *tanggal, const char *kua,
                          const char *no_kk, long user)
{
    couple_t c;
    if (read_couple(s, individu_id, &c) < 0)
        return -1;
    tb_krs_result r;
    couple_krs(s, &c, tanggal, &r);
    char kk[40], faktor[200];
    if (no_kk && *no_kk)
        snprintf(kk, sizeof kk, "%s", no_kk);
    else
        snprintf(kk, sizeof kk, "NIKAH-%ld", c.a);
    tb_krs_factor_list(r.faktor, faktor, sizeof faktor);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO keluarga (no_kk, desa, sumber_pk, pus, sasaran, krs, krs_faktor,"
           " t4_muda, t4_tua) VALUES (?1, ?2, 'nikah', ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kk, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c.desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, r.pus);
    sqlite3_bind_int(st, 4, r.sasaran);
    sqlite3_bind_int(st, 5, r.krs);
    tb_store_bind_text(st, 6, faktor);
    sqlite3_bind_int(st, 7, (r.faktor & TB_KRS_MUDA) != 0);
    sqlite3_bind_int(st, 8, (r.faktor & TB_KRS_TUA) != 0);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "keluarga baru (no. KK %s): %s", kk,
                             sqlite3_errmsg(tb_store_db(s)));
    long kel = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    st = tb_store_stmt(s, "UPDATE individu SET keluarga_id = ?3,"
                          " peran = CASE WHEN jk = 2 THEN 'pus' ELSE peran END"
                          " WHERE id IN (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, c.a);
    sqlite3_bind_int64(st, 2, c.b);
    sqlite3_bind_int64(st, 3, kel);
    if (tb_store_step_done(s, st, "individu"))
        return -1;
    st = tb_store_stmt(s, "UPDATE catin SET tgl_nikah = ?3, kua = ?4, keluarga_id = ?5"
                          " WHERE individu_id IN (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, c.a);
    sqlite3_bind_int64(st, 2, c.b);
    sqlite3_bind_text(st, 3, tanggal, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 4, kua);
    sqlite3_bind_int64(st, 5, kel);
    if (tb_store_step_done(s, st, "catin"))
        return -1;
    char row[32], after[300];
    snprintf(row, sizeof row, "%ld", kel);
    snprintf(after, sizeof after,
             "{\"no_kk\":\"%s\",\"suami_istri\":[%ld,%ld],\"tgl_nikah\":\"%.10s\",\"krs\":%d}", kk,
             c.a, c.b, tanggal, r.krs ? 1 : 0);
    return tb_store_audit(s, user, "tambah", "keluarga", row, NULL, after) < 0 ? -1 : kel;
}

#define CATIN_COLS                                                                                 \
    "SELECT c.individu_id, coalesce(c.pasangan_id, 0), coalesce(c.keluarga_id, 0), i.jk,"          \
    " c.merokok, coalesce(c.tepat_waktu, -1), i.nama, coalesce(p.nama, ''), i.tgl_lahir, i.desa,"  \
    " coalesce(w.nama, i.desa), c.tgl_periksa, c.tgl_rencana_nikah, c.tgl_nikah, c.kua, c.hasil,"  \
    " c.faktor, c.aturan, c.bb, c.tb, c.imt, c.lila, c.hb, c.lingkar_perut"                        \
    " FROM catin c JOIN individu i ON i.id = c.individu_id"                                        \
    " LEFT JOIN individu p ON p.id = c.pasangan_id LEFT JOIN wilayah w ON w.kode = i.desa"

/* Reads a CATIN_COLS row; the 3-months rule is judged by rule against the
 * wedding (its date when married, else the planned one). */
static void catin_read(sqlite3_stmt *st, const tb_elsimil_rule *rule, tb_catin_row *o)
{
    memset(o, 0, sizeof *o);
    o->individu_id = sqlite3_column_int64(st, 0);
    o->pasangan_id = sqlite3_column_int64(st, 1);
    o->keluarga_id = sqlite3_column_int64(st, 2);
    o->jk = sqlite3_column_int(st, 3);
    o->merokok = sqlite3_column_int(st, 4);
    o->tepat_waktu = sqlite3_column_int(st, 5);
    tb_store_col_text(st, 6, o->nama, sizeof o->nama);
    tb_store_col_text(st, 7, o->pasangan, sizeof o->pasangan);
    tb_store_col_text(st, 8, o->tgl_lahir, sizeof o->tgl_lahir);
    tb_store_col_text(st, 9, o->desa, sizeof o->desa);
    tb_store_col_text(st, 10, o->desa_nama, sizeof o->desa_nama);
    tb_store_col_text(st, 11, o->tgl_periksa, sizeof o->tgl_periksa);
    tb_store_col_text(st, 12, o->tgl_rencana_nikah, sizeof o->tgl_rencana_nikah);
    tb_store_col_text(st, 13, o->tgl_nikah, sizeof o->tgl_nikah);
    tb_store_col_text(st, 14, o->kua, sizeof o->kua);
    tb_store_col_text(st, 15, o->hasil, sizeof o->hasil);
    tb_store_col_text(st, 16, o->faktor, sizeof o->faktor);
    tb_store_col_text(st, 17, o->aturan, sizeof o->aturan);
    o->bb = tb_store_col_real(st, 18);
    o->tb = tb_store_col_real(st, 19);
    o->imt = tb_store_col_real(st, 20);
    o->lila = tb_store_col_real(st, 21);
    o->hb = tb_store_col_real(st, 22);
    o->perut = tb_store_col_real(st, 23);
    o->tepat_waktu =
        tb_elsimil_tepat_waktu(rule, tb_date_iso(o->tgl_periksa),
                               tb_date_iso(o->tgl_nikah[0] ? o->tgl_nikah : o->tgl_rencana_nikah));
}

int tb_store_catin_list(tb_store *s, const char *wilayah,
                        int (*fn)(void *ctx, const tb_catin_row *r), void *ctx)
{
    tb_elsimil_rule rule;
    char versi[64];
    if (tb_store_elsimil_rule(s, &rule, versi, sizeof versi) < 0)
        return -1;
    sqlite3_stmt *st = tb_store_stmt(
        s, CATIN_COLS " WHERE i.desa >= ?1 AND i.desa < ?1 || '/' AND c.id = (SELECT c2.id FROM"
                      " catin c2 WHERE c2.individu_id = c.individu_id ORDER BY c2.tgl_periksa DESC"
                      " LIMIT 1) ORDER BY c.tgl_nikah IS NOT NULL,"
                      " coalesce(c.tgl_rencana_nikah, '9999'), i.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int n = 0, rc;
    tb_catin_row r;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        catin_read(st, &rule, &r);
        n++;
        if (fn(ctx, &r) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? n
               : tb_store_fail(s, "catin: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_catin_get(tb_store *s, long individu_id, tb_catin_row *out)
{
    tb_elsimil_rule rule;
    char versi[64];
    if (tb_store_elsimil_rule(s, &rule, versi, sizeof versi) < 0)
        return -1;
    sqlite3_stmt *st = tb_store_stmt(
        s, CATIN_COLS " WHERE c.individu_id = ?1 ORDER BY c.tgl_periksa DESC LIMIT 1");
    int rc = tb_store_step_id(s, st, individu_id);
    if (rc == 1)
        catin_read(st, &rule, out);
    if (st)
        sqlite3_reset(st);
    return rc;
}

/* Does the comma list f hold code a or b? */
static bool has_factor(const char *f, const char *a, const char *b)
{
    for (const char *p = f; p && *p;) {
        size_t n = strcspn(p, ",");
        if ((strlen(a) == n && !strncmp(p, a, n)) || (strlen(b) == n && !strncmp(p, b, n)))
            return true;
        p += n + (p[n] ? 1 : 0);
    }
    return false;
}

static int cmp_rekap(const void *k, const void *e)
{
    return strcmp(k, ((const tb_catin_rekap_row *)e)->desa);
}

/* The desa of the area, counts zero: 0 and *out (malloc'd), or -1. */
static int rekap_desa(tb_store *s, const char *wilayah, tb_catin_rekap_row **out, int *n)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT kode, nama FROM wilayah WHERE tingkat = 4 AND"
                                        " (kode = ?1 OR (kode >= ?1 AND kode < ?1 || '/'))"
                                        " ORDER BY kode");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    int cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_catin_rekap_row *d = tb_store_push(s, out, n, &cap, sizeof *d);
        if (!d) {
            sqlite3_reset(st);
            return -1;
        }
        tb_store_col_text(st, 0, d->desa, sizeof d->desa);
        tb_store_col_text(st, 1, d->nama, sizeof d->nama);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

/* Counts the catin row r into d. */
static void rekap_add(tb_catin_rekap_row *d, const tb_catin_row *r)
{
    d->v[TB_REKAP_CATIN]++;
    d->v[TB_REKAP_BERISIKO] += !strcmp(r->hasil, "berisiko");
    d->v[TB_REKAP_UMUR] += has_factor(r->faktor, "umur_muda", "terlalu_muda");
    d->v[TB_REKAP_IMT] += has_factor(r->faktor, "imt_kurang", "kurus");
    d->v[TB_REKAP_LILA] += has_factor(r->faktor, "lila_kurang", "kek");
    d->v[TB_REKAP_ANEMIA] += has_factor(r->faktor, "anemia", "anemia");
    d->v[TB_REKAP_TEPAT] += r->tepat_waktu == 1;
    d->v[TB_REKAP_TERLAMBAT] += r->tepat_waktu == 0;
    d->v[TB_REKAP_MENIKAH] += r->tgl_nikah[0] != 0;
}

typedef struct {
    tb_catin_rekap_row *d;
    int n;
    char from[11], to[11];
} rekap_ctx;

static int rekap_row(void *ctx, const tb_catin_row *r)
{
    rekap_ctx *c = ctx;
    if (strcmp(r->tgl_periksa, c->from) < 0 || strcmp(r->tgl_periksa, c->to) > 0)
        return 0;
    tb_catin_rekap_row *d = bsearch(r->desa, c->d, (size_t)c->n, sizeof *c->d, cmp_rekap);
    if (d)
        rekap_add(d, r);
    return 0;
}

int tb_store_catin_rekap(tb_store *s, const char *wilayah, const char *month,
                         int (*fn)(void *ctx, const tb_catin_rekap_row *r), void *ctx)
{
    rekap_ctx c = {0};
    snprintf(c.from, sizeof c.from, "%.4s-01-01", month);
    snprintf(c.to, sizeof c.to, "%.7s-31", month); /* any day of the month sorts below */
    int rc = rekap_desa(s, wilayah, &c.d, &c.n);
    if (!rc)
        rc = tb_store_catin_list(s, wilayah, rekap_row, &c) < 0 ? -1 : 0;
    for (int i = 0; !rc && i < c.n; i++)
        if (fn(ctx, &c.d[i]) < 0)
            break;
    free(c.d);
    return rc;
}
