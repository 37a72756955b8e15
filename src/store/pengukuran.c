/*
 * pengukuran.c - measurements (see pengukuran.h).
 *
 * A measurement is written as an upsert on child + date, so that writing the
 * same data twice changes nothing. It gets its z-scores and categories from
 * the growth engine on write; N/T/O/B, 2T and BGM are recomputed for a child
 * from all its weighings (tb_store_kms_recompute), because imports may bring
 * them out of date order. A first import into an empty table loads in
 * batches with the indexes dropped (bulk_begin / insert_many / bulk_end).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/who_tables.h"
#include "store/internal.h"
#include "store/pengukuran.h"
#include "tb_date.h"
#include "tb_growth.h"
#include "tb_kms.h"

void tb_pengukuran_init(tb_pengukuran *p)
{
    memset(p, 0, sizeof *p);
    p->bb = p->tb = p->lila = p->lika = p->pmt_kg = NAN;
}

/* The growth engine's results for a measurement, as pengukuran stores them. */
typedef struct {
    tb_growth_result r;
    double zimtu;
    int fimtu;
} computed;

/* A confirmed implausible weight or length/height counts like a flagged
 * z-score: every index it enters is flagged and not classified. */
static void mark_implausible(int bits, computed *c)
{
    tb_growth_result *r = &c->r;
    if (bits & (TB_WAJAR_BB | TB_WAJAR_TB)) {
        r->flag[TB_ZWFL] = 1;
        r->bbtb = 0;
        c->fimtu = 1;
        r->imtu = 0;
    }
    if (bits & TB_WAJAR_BB) {
        r->flag[TB_ZWEI] = 1;
        r->bbu = 0;
    }
    if (bits & TB_WAJAR_TB) {
        r->flag[TB_ZLEN] = 1;
        r->tbu = 0;
    }
}

static void compute(tb_store *s, const tb_pengukuran *p, long born, long day, int jk, computed *c)
{
    if (p->growth) {
        c->r = *p->growth;
        goto imtu;
    }
    tb_growth_input in;
    tb_growth_input_init(&in);
    in.sex = jk == 1 ? TB_SEX_MALE : jk == 2 ? TB_SEX_FEMALE : TB_SEX_MISSING;
    if (born != TB_DATE_NONE && day >= born)
        in.age_days = (double)(day - born);
    in.weight = p->bb;
    in.lenhei = p->tb;
    in.measure = p->cara_ukur == 'l'   ? TB_MEASURE_LENGTH
                 : p->cara_ukur == 'h' ? TB_MEASURE_HEIGHT
                                       : TB_MEASURE_MISSING;
    in.oedema = p->oedema;
    in.armc = p->lila;
    in.headc = p->lika;
    tb_growth_compute(&tb_who_tables_builtin, &in, &c->r);
imtu:
    tb_growth_classify(tb_store_bands(s), &c->r); /* the active ref_ambang bands */
    c->zimtu = c->r.z[TB_ZBMI];
    c->fimtu = c->r.flag[TB_ZBMI];
    if (isnan(c->zimtu)) {
        c->zimtu = c->r.z[TB_ZBFA];
        c->fimtu = c->r.flag[TB_ZBFA];
    }
    mark_implausible(p->tidak_wajar, c);
}

/* The columns of a pengukuran row, in the order of the parameters bound by bind_row. */
#define PENGUKURAN_COLUMNS                                                                         \
    "(anak_id, tanggal, posyandu_id, bb, tb, cara_ukur, oedema, lila,"                             \
    " lika, vit_a, pmt_kg, umur_hari, tb_koreksi, z_bbu, z_tbu, z_bbtb, z_imtu, z_lila, z_lika,"   \
    " f_bbu, f_tbu, f_bbtb, f_imtu, kat_bbu, kat_tbu, kat_bbtb, kat_imtu, bgm, uuid_klien,"        \
    " dibuat_oleh, naik, t2, pengukur, kpsp, tidak_wajar, sidik)"
#define PENGUKURAN_PARAMS 36

/* Binds one row's values to parameters b+1 .. b+PENGUKURAN_PARAMS. */
static void bind_row(tb_store *s, sqlite3_stmt *st, int b, const tb_pengukuran *p,
                     const computed *c)
{
    const tb_growth_result *r = &c->r;
    sqlite3_bind_int64(st, b + 1, p->anak_id);
    sqlite3_bind_text(st, b + 2, p->tanggal, -1, SQLITE_TRANSIENT);
    if (p->posyandu_id > 0)
        sqlite3_bind_int64(st, b + 3, p->posyandu_id);
    tb_store_bind_real(st, b + 4, p->bb);
    tb_store_bind_real(st, b + 5, p->tb);
    if (p->cara_ukur == 'l' || p->cara_ukur == 'h') {
        char m[2] = {p->cara_ukur, 0};
        sqlite3_bind_text(st, b + 6, m, 1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int(st, b + 7, p->oedema);
    tb_store_bind_real(st, b + 8, p->lila);
    tb_store_bind_real(st, b + 9, p->lika);
    sqlite3_bind_int(st, b + 10, p->vit_a);
    tb_store_bind_real(st, b + 11, p->pmt_kg);
    if (r->age_days >= 0)
        sqlite3_bind_int(st, b + 12, r->age_days);
    tb_store_bind_real(st, b + 13, r->clenhei);
    double zs[6] = {r->z[TB_ZWEI], r->z[TB_ZLEN], r->z[TB_ZWFL],
                    c->zimtu,      r->z[TB_ZAC],  r->z[TB_ZHC]};
    for (int i = 0; i < 6; i++)
        tb_store_bind_real(st, b + 14 + i, zs[i]);
    int fs[4] = {r->flag[TB_ZWEI], r->flag[TB_ZLEN], r->flag[TB_ZWFL], c->fimtu};
    for (int i = 0; i < 4; i++)
        if (fs[i] >= 0)
            sqlite3_bind_int(st, b + 20 + i, fs[i]);
    tb_store_bind_text(st, b + 24, tb_cat_bbu_code(r->bbu));
    tb_store_bind_text(st, b + 25, tb_cat_tbu_code(r->tbu));
    tb_store_bind_text(st, b + 26, tb_cat_gizi_code(r->bbtb));
    tb_store_bind_text(st, b + 27, tb_cat_gizi_code(r->imtu));
    sqlite3_bind_int(st, b + 28, tb_kms_bgm(r->z[TB_ZWEI], r->flag[TB_ZWEI], tb_store_bgm_z(s)));
    tb_store_bind_text(st, b + 29, p->uuid_klien);
    if (p->dibuat_oleh > 0)
        sqlite3_bind_int64(st, b + 30, p->dibuat_oleh);
    if (p->naik == 'N' || p->naik == 'T' || p->naik == 'O' || p->naik == 'B') {
        char nk[2] = {p->naik, 0};
        sqlite3_bind_text(st, b + 31, nk, 1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int(st, b + 32, p->t2 ? 1 : 0);
    tb_store_bind_text(st, b + 33, p->pengukur);
    tb_store_bind_text(st, b + 34, p->kpsp);
    sqlite3_bind_int(st, b + 35, p->tidak_wajar);
    tb_store_bind_text(st, b + 36, p->sidik);
}

int tb_store_pengukuran_put(tb_store *s, const tb_pengukuran *p, const char *tgl_lahir, int jk,
                            int *outcome)
{
    long born = tb_date_iso(tgl_lahir), day = tb_date_iso(p->tanggal);
    if (day == TB_DATE_NONE)
        return tb_store_fail(s, "measurement date '%s' is not a date", p->tanggal);
    computed c;
    compute(s, p, born, day, jk, &c);
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT 1 FROM pengukuran WHERE anak_id = ?1 AND tanggal = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, p->anak_id);
    sqlite3_bind_text(st, 2, p->tanggal, -1, SQLITE_TRANSIENT);
    bool exists = sqlite3_step(st) == SQLITE_ROW;
    st = tb_store_stmt(
        s,
        "INSERT INTO pengukuran " PENGUKURAN_COLUMNS
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
        " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36)"
        " ON CONFLICT (anak_id, tanggal) DO UPDATE SET posyandu_id = excluded.posyandu_id,"
        " bb = excluded.bb, tb = excluded.tb, cara_ukur = excluded.cara_ukur,"
        " oedema = excluded.oedema, lila = excluded.lila, lika = excluded.lika,"
        " vit_a = excluded.vit_a, pmt_kg = excluded.pmt_kg, umur_hari = excluded.umur_hari,"
        " tb_koreksi = excluded.tb_koreksi, z_bbu = excluded.z_bbu, z_tbu = excluded.z_tbu,"
        " z_bbtb = excluded.z_bbtb, z_imtu = excluded.z_imtu, z_lila = excluded.z_lila,"
        " z_lika = excluded.z_lika, f_bbu = excluded.f_bbu, f_tbu = excluded.f_tbu,"
        " f_bbtb = excluded.f_bbtb, f_imtu = excluded.f_imtu, kat_bbu = excluded.kat_bbu,"
        " kat_tbu = excluded.kat_tbu, kat_bbtb = excluded.kat_bbtb, kat_imtu = excluded.kat_imtu,"
        " bgm = excluded.bgm, pengukur = coalesce(excluded.pengukur, pengukur),"
        " kpsp = coalesce(excluded.kpsp, kpsp), tidak_wajar = excluded.tidak_wajar,"
        " uuid_klien = coalesce(excluded.uuid_klien, uuid_klien),"
        " sidik = coalesce(excluded.sidik, sidik)"
        " WHERE bb IS NOT excluded.bb OR tb IS NOT excluded.tb"
        " OR tidak_wajar IS NOT excluded.tidak_wajar"
        " OR cara_ukur IS NOT excluded.cara_ukur OR oedema IS NOT excluded.oedema"
        " OR lila IS NOT excluded.lila OR lika IS NOT excluded.lika"
        " OR vit_a IS NOT excluded.vit_a OR pmt_kg IS NOT excluded.pmt_kg"
        " OR posyandu_id IS NOT excluded.posyandu_id OR umur_hari IS NOT excluded.umur_hari"
        " OR (excluded.pengukur IS NOT NULL AND pengukur IS NOT excluded.pengukur)"
        " OR (excluded.kpsp IS NOT NULL AND kpsp IS NOT excluded.kpsp)");
    if (!st)
        return -1;
    bind_row(s, st, 0, p, &c);
    sqlite3 *db = tb_store_db(s);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "pengukuran %s: %s", p->tanggal, sqlite3_errmsg(db));
    if (outcome)
        *outcome = sqlite3_changes(db) == 0 ? TB_PUT_UNCHANGED
                   : exists                 ? TB_PUT_UPDATED
                                            : TB_PUT_INSERTED;
    return 0;
}

int tb_store_pengukuran_bulk_begin(tb_store *s)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT EXISTS (SELECT 1 FROM pengukuran)");
    if (!st)
        return -1;
    if (sqlite3_step(st) != SQLITE_ROW)
        return tb_store_fail(s, "pengukuran: %s", sqlite3_errmsg(tb_store_db(s)));
    int rows = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rows)
        return 0;
    if (tb_store_exec(s, "DROP INDEX pengukuran_anak_tanggal;"
                         " DROP INDEX pengukuran_posyandu_tanggal;"))
        return -1;
    return 1;
}

int tb_store_pengukuran_bulk_end(tb_store *s)
{
    /* the sorts may use a second core (the reader thread is done by now) */
    if (tb_store_exec(s, "PRAGMA threads = 2"))
        return -1;
    int rc = tb_store_exec(s, tb_store_schema_pengukuran_indexes());
    sqlite3_exec(tb_store_db(s), "PRAGMA threads = 0", NULL, NULL, NULL);
    return rc;
}

/* INSERT OR FAIL of n rows (1 or TB_PENGUKURAN_BATCH): built once from constants. */
static const char *insert_many_sql(int n)
{
    static char sql[2][TB_PENGUKURAN_BATCH * PENGUKURAN_PARAMS * 7 + 512];
    char *q = sql[n > 1];
    if (!q[0]) {
        int o = snprintf(q, 512, "INSERT OR FAIL INTO pengukuran " PENGUKURAN_COLUMNS " VALUES ");
        for (int r = 0; r < n; r++) {
            q[o++] = r ? ',' : ' ';
            q[o++] = '(';
            for (int k = 1; k <= PENGUKURAN_PARAMS; k++)
                o += sprintf(q + o, "%s?%d", k > 1 ? ", " : "", r * PENGUKURAN_PARAMS + k);
            q[o++] = ')';
        }
        q[o] = 0;
    }
    return q;
}

int tb_store_pengukuran_insert_many(tb_store *s, const tb_pengukuran *p,
                                    const char *const *tgl_lahir, const int *jk, int n)
{
    sqlite3 *db = tb_store_db(s);
    for (int i = 0; i < n;) {
        int k = n - i >= TB_PENGUKURAN_BATCH ? TB_PENGUKURAN_BATCH : 1;
        sqlite3_stmt *st = tb_store_stmt(s, insert_many_sql(k));
        if (!st)
            return -1;
        for (int j = 0; j < k; j++) {
            const tb_pengukuran *m = &p[i + j];
            long day = tb_date_iso(m->tanggal);
            if (day == TB_DATE_NONE)
                return tb_store_fail(s, "measurement date '%s' is not a date", m->tanggal);
            computed c;
            compute(s, m, tb_date_iso(tgl_lahir[i + j]), day, jk[i + j], &c);
            bind_row(s, st, j * PENGUKURAN_PARAMS, m, &c);
        }
        if (sqlite3_step(st) != SQLITE_DONE)
            return tb_store_fail(s, "pengukuran %s: %s", p[i].tanggal, sqlite3_errmsg(db));
        i += k;
    }
    return 0;
}

int tb_store_kms_recompute(tb_store *s, long anak_id)
{
    enum { MAX = 512 };
    tb_weighing w[MAX];
    long ids[MAX];
    char naik_old[MAX];
    int t2_old[MAX];
    int n = 0;
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id, tanggal, umur_hari, bb, naik, t2, tidak_wajar FROM pengukuran"
                         " WHERE anak_id = ?1 ORDER BY tanggal");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    while (sqlite3_step(st) == SQLITE_ROW && n < MAX) {
        ids[n] = sqlite3_column_int64(st, 0);
        w[n].day = tb_date_iso((const char *)sqlite3_column_text(st, 1));
        w[n].age_days = sqlite3_column_int(st, 2);
        /* a confirmed implausible weight is no weighing for N/T */
        w[n].weight =
            sqlite3_column_type(st, 3) == SQLITE_NULL || (sqlite3_column_int(st, 6) & TB_WAJAR_BB)
                ? NAN
                : sqlite3_column_double(st, 3);
        const unsigned char *nk = sqlite3_column_text(st, 4);
        naik_old[n] = nk ? (char)nk[0] : 0;
        t2_old[n] = sqlite3_column_int(st, 5);
        n++;
    }
    tb_kms_status out[MAX];
    tb_kms_status_many(tb_store_kbm(s), w, n, out);
    for (int i = 0; i < n; i++) {
        if ((char)out[i].naik == naik_old[i] && (int)out[i].t2 == t2_old[i])
            continue;
        st = tb_store_stmt(s, "UPDATE pengukuran SET naik = ?2, t2 = ?3 WHERE id = ?1");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, ids[i]);
        if (out[i].naik) {
            char c[2] = {(char)out[i].naik, 0};
            sqlite3_bind_text(st, 2, c, 1, SQLITE_TRANSIENT);
        }
        sqlite3_bind_int(st, 3, out[i].t2);
        if (sqlite3_step(st) != SQLITE_DONE)
            return tb_store_fail(s, "naik: %s", sqlite3_errmsg(tb_store_db(s)));
    }
    return 0;
}

void tb_store_ukur_read(sqlite3_stmt *st, int c, tb_ukur_row *u)
{
    memset(u, 0, sizeof *u);
    tb_store_col_text(st, c, u->tanggal, sizeof u->tanggal);
    u->umur_hari = sqlite3_column_int(st, c + 1);
    u->bb = tb_store_col_real(st, c + 2);
    u->tb = tb_store_col_real(st, c + 3);
    u->lila = tb_store_col_real(st, c + 4);
    const unsigned char *cu = sqlite3_column_text(st, c + 5);
    u->cara = cu ? (char)cu[0] : 0;
    u->z_bbu = tb_store_col_real(st, c + 6);
    u->z_tbu = tb_store_col_real(st, c + 7);
    u->z_bbtb = tb_store_col_real(st, c + 8);
    u->z_imtu = tb_store_col_real(st, c + 9);
    u->f_bbu = sqlite3_column_int(st, c + 10);
    u->f_tbu = sqlite3_column_int(st, c + 11);
    u->f_bbtb = sqlite3_column_int(st, c + 12);
    tb_store_col_text(st, c + 13, u->kat_bbu, sizeof u->kat_bbu);
    tb_store_col_text(st, c + 14, u->kat_tbu, sizeof u->kat_tbu);
    tb_store_col_text(st, c + 15, u->kat_bbtb, sizeof u->kat_bbtb);
    const unsigned char *nk = sqlite3_column_text(st, c + 16);
    u->naik = nk ? (char)nk[0] : 0;
    u->t2 = sqlite3_column_int(st, c + 17);
    u->bgm = sqlite3_column_int(st, c + 18);
    u->vit_a = sqlite3_column_int(st, c + 19);
    u->pmt_kg = tb_store_col_real(st, c + 20);
    u->id = (long)sqlite3_column_int64(st, c + 21);
    u->tidak_wajar = sqlite3_column_int(st, c + 22);
    u->lika = tb_store_col_real(st, c + 23);
}

int tb_store_pengukuran_json(tb_store *s, long anak_id, const char *tanggal, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT json_object('bb', bb, 'tb', tb, 'cara_ukur', cara_ukur, 'lila', lila,"
           " 'vit_a', vit_a, 'pmt_kg', pmt_kg, 'posyandu_id', posyandu_id, 'z_bbu', z_bbu,"
           " 'z_tbu', z_tbu, 'z_bbtb', z_bbtb)"
           " FROM pengukuran WHERE anak_id = ?1 AND tanggal = ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    return rc;
}

long tb_store_pengukuran_by_uuid(tb_store *s, const char *uuid, long *anak_id, char tanggal[11],
                                 char sidik[128])
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT id, anak_id, tanggal, sidik FROM pengukuran WHERE uuid_klien = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc != 1)
        return rc;
    *anak_id = (long)sqlite3_column_int64(st, 1);
    tb_store_col_text(st, 2, tanggal, 11);
    tb_store_col_text(st, 3, sidik, 128);
    return (long)sqlite3_column_int64(st, 0);
}

int tb_store_pengukuran_last_day(tb_store *s, long anak_id, long *day)
{
    *day = TB_DATE_NONE;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT max(tanggal) FROM pengukuran WHERE anak_id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        tb_store_fail(s, "pengukuran: %s", sqlite3_errmsg(tb_store_db(s)));
        return -1;
    }
    const char *d = (const char *)sqlite3_column_text(st, 0);
    if (d)
        *day = tb_date_iso(d);
    sqlite3_reset(st);
    return 0;
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

long tb_store_pengukuran_in_month(tb_store *s, long anak_id, const char *tanggal, char found[11])
{
    found[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id, tanggal FROM pengukuran WHERE anak_id = ?1"
                                        " AND tanggal >= substr(?2, 1, 7) || '-01'"
                                        " AND tanggal < date(substr(?2, 1, 7) || '-01', '+1 month')"
                                        " ORDER BY tanggal DESC LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc != 1)
        return rc;
    tb_store_col_text(st, 1, found, 11);
    return (long)sqlite3_column_int64(st, 0);
}

int tb_store_pengukuran_get(tb_store *s, long id, long *anak_id, char tanggal[11])
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT anak_id, tanggal FROM pengukuran WHERE id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc != 1)
        return rc;
    *anak_id = (long)sqlite3_column_int64(st, 0);
    tb_store_col_text(st, 1, tanggal, 11);
    return 1;
}

int tb_store_pengukuran_update(tb_store *s, long id, const tb_pengukuran *p, const char *tgl_lahir,
                               int jk, int *outcome)
{
    long born = tb_date_iso(tgl_lahir), day = tb_date_iso(p->tanggal);
    if (day == TB_DATE_NONE)
        return tb_store_fail(s, "measurement date '%s' is not a date", p->tanggal);
    computed c;
    compute(s, p, born, day, jk, &c);
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE pengukuran SET (anak_id, tanggal, posyandu_id, bb, tb, cara_ukur, oedema, lila,"
           " lika, vit_a, pmt_kg, umur_hari, tb_koreksi, z_bbu, z_tbu, z_bbtb, z_imtu, z_lila,"
           " z_lika, f_bbu, f_tbu, f_bbtb, f_imtu, kat_bbu, kat_tbu, kat_bbtb, kat_imtu, bgm,"
           " uuid_klien, dibuat_oleh, naik, t2, pengukur, kpsp, tidak_wajar, sidik) = (?1, ?2,"
           " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
           " ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, coalesce(?29, uuid_klien),"
           " coalesce(dibuat_oleh, ?30), naik, t2, coalesce(?33, pengukur), coalesce(?34, kpsp),"
           " ?35, coalesce(?36, sidik)) WHERE id = ?37 AND (tanggal IS NOT ?2 OR bb IS NOT ?4"
           " OR tb IS NOT ?5 OR cara_ukur IS NOT ?6 OR oedema IS NOT ?7 OR lila IS NOT ?8"
           " OR lika IS NOT ?9 OR vit_a IS NOT ?10 OR pmt_kg IS NOT ?11"
           " OR tidak_wajar IS NOT ?35 OR posyandu_id IS NOT ?3)");
    if (!st)
        return -1;
    bind_row(s, st, 0, p, &c);
    sqlite3_bind_int64(st, 37, id);
    sqlite3 *db = tb_store_db(s);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "pengukuran %s: %s", p->tanggal, sqlite3_errmsg(db));
    if (outcome)
        *outcome = sqlite3_changes(db) == 0 ? TB_PUT_UNCHANGED : TB_PUT_UPDATED;
    return 0;
}

int tb_store_pengukuran_json_id(tb_store *s, long id, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT json_object('id', id, 'anak_id', anak_id, 'tanggal', tanggal, 'posyandu_id',"
           " posyandu_id, 'bb', bb, 'tb', tb, 'cara_ukur', cara_ukur, 'oedema', oedema, 'lila',"
           " lila, 'lika', lika, 'vit_a', vit_a, 'pmt_kg', pmt_kg, 'pengukur', pengukur, 'kpsp',"
           " kpsp, 'uuid_klien', uuid_klien, 'dibuat_oleh', dibuat_oleh, 'tidak_wajar',"
           " tidak_wajar, 'z_bbu', z_bbu, 'z_tbu', z_tbu, 'z_bbtb', z_bbtb, 'naik', naik)"
           " FROM pengukuran WHERE id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    return rc;
}

int tb_store_pengukuran_arsip(tb_store *s, long id, const char *jenis, long user,
                              const char *alasan)
{
    char data[2048];
    int rc = tb_store_pengukuran_json_id(s, id, data, sizeof data);
    if (rc <= 0)
        return rc < 0 ? -1 : tb_store_fail(s, "pengukuran %ld tidak ada", id);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO arsip_pengukuran (pengukuran_id, anak_id, tanggal, jenis, alasan, oleh,"
           " waktu, data) SELECT id, anak_id, tanggal, ?2, ?3, ?4,"
           " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?5 FROM pengukuran WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    tb_store_bind_text(st, 2, jenis);
    tb_store_bind_text(st, 3, alasan);
    if (user > 0)
        sqlite3_bind_int64(st, 4, user);
    sqlite3_bind_text(st, 5, data, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "arsip"))
        return -1;
    st = tb_store_stmt(s, "DELETE FROM pengukuran WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    return tb_store_step_done(s, st, "hapus");
}
