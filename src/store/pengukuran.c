/*
 * store_write.c - the writes that imports, the demo and forms share.
 *
 * Every write is an upsert on a natural key (wilayah code, posyandu within
 * its desa, NIK, child + measurement date), so that writing the same data
 * twice changes nothing. Measurements get their z-scores and categories from
 * the growth engine on write; N/T/O/B, 2T and BGM are recomputed for a child
 * from all its weighings (tb_store_kms_recompute), because imports may bring
 * them out of date order.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/pengukuran.h"
#include "tb_date.h"
#include "tb_growth.h"
#include "tb_kms.h"
#include "base/who_tables.h"

int tb_wilayah_level(const char *kode)
{
    /* 35 / 35.07 / 35.07.01 / 35.07.01.2001 */
    size_t n = strlen(kode);
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        char c = kode[i];
        if (c == '.')
            dots++;
        else if (c < '0' || c > '9')
            return -1;
    }
    static const size_t lens[] = {2, 5, 8, 13};
    if (dots > 3 || n != lens[dots])
        return -1;
    return dots + 1;
}

/* Binds a text value, or NULL when empty. */
static void bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void bind_real_or_null(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

int tb_store_wilayah_put(tb_store *s, const char *kode, const char *nama, int *changed)
{
    int level = tb_wilayah_level(kode);
    if (level < 0)
        return tb_store_fail(
            s, "'%s' is not a Kemendagri code (35, 35.07, 35.07.01, 35.07.01.2001)", kode);
    char induk[16] = "";
    if (level > 1) {
        snprintf(induk, sizeof induk, "%s", kode);
        *strrchr(induk, '.') = 0;
    }
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO wilayah (kode, tingkat, induk, nama) VALUES (?1, ?2, ?3, ?4)"
           " ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama WHERE nama <> excluded.nama");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, level);
    bind_text_or_null(st, 3, induk);
    sqlite3_bind_text(st, 4, nama, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "wilayah %s: %s", kode, sqlite3_errmsg(tb_store_db(s)));
    if (changed)
        *changed = sqlite3_changes(tb_store_db(s)) > 0;
    return 0;
}

long tb_store_posyandu_ensure(tb_store *s, const char *desa, const char *nama)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM posyandu WHERE desa = ?1 AND nama = ?2");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
        return sqlite3_column_int64(st, 0);
    st = tb_store_stmt(s, "INSERT INTO posyandu (desa, nama) VALUES (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, nama, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "posyandu %s: %s", nama, sqlite3_errmsg(tb_store_db(s)));
    return sqlite3_last_insert_rowid(tb_store_db(s));
}

long tb_store_puskesmas_ensure(tb_store *s, const char *desa, const char *nama)
{
    char kab[8], kec[12]; /* 35.07, 35.07.01 */
    snprintf(kab, sizeof kab, "%.5s", desa);
    snprintf(kec, sizeof kec, "%.8s", desa);
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT id FROM puskesmas WHERE nama = ?1 AND"
                                        " kecamatan >= ?2 || '.' AND kecamatan < ?2 || '/'"
                                        " ORDER BY kecamatan = ?3 DESC, id LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kab, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, kec, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        long id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return id;
    }
    st = tb_store_stmt(s, "INSERT INTO puskesmas (nama, kecamatan) VALUES (?1, ?2)");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kec, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "puskesmas %s: %s", nama, sqlite3_errmsg(tb_store_db(s)));
    return sqlite3_last_insert_rowid(tb_store_db(s));
}

int tb_store_posyandu_set_puskesmas(tb_store *s, long posyandu_id, long puskesmas_id, int *outcome)
{
    sqlite3_stmt *st = tb_store_stmt(s, "UPDATE posyandu SET puskesmas_id = ?2 WHERE id = ?1"
                                        " AND puskesmas_id IS NOT ?2");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, posyandu_id);
    sqlite3_bind_int64(st, 2, puskesmas_id);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "posyandu: %s", sqlite3_errmsg(tb_store_db(s)));
    *outcome = sqlite3_changes(tb_store_db(s)) ? TB_PUT_UPDATED : TB_PUT_UNCHANGED;
    return 0;
}

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

static void compute(const tb_pengukuran *p, long born, long day, int jk, computed *c)
{
    if (p->growth) {
        c->r = *p->growth;
        goto imtu;
    }
    tb_growth_input in;
    tb_growth_input_init(&in);
    in.sex = jk == 1 ? TB_SEX_MALE : jk == 2 ? TB_SEX_FEMALE : TB_SEX_MISSING;
    if (born >= 0 && day >= born)
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
    c->zimtu = c->r.z[TB_ZBMI];
    c->fimtu = c->r.flag[TB_ZBMI];
    if (isnan(c->zimtu)) {
        c->zimtu = c->r.z[TB_ZBFA];
        c->fimtu = c->r.flag[TB_ZBFA];
    }
}

/* The columns of a pengukuran row, in the order of the parameters bound by bind_row. */
#define PENGUKURAN_COLUMNS                                                                         \
    "(anak_id, tanggal, posyandu_id, bb, tb, cara_ukur, oedema, lila,"                             \
    " lika, vit_a, pmt_kg, umur_hari, tb_koreksi, z_bbu, z_tbu, z_bbtb, z_imtu, z_lila, z_lika,"   \
    " f_bbu, f_tbu, f_bbtb, f_imtu, kat_bbu, kat_tbu, kat_bbtb, kat_imtu, bgm, uuid_klien,"        \
    " dibuat_oleh, naik, t2, pengukur, kpsp)"
#define PENGUKURAN_PARAMS 34

/* Binds one row's values to parameters b+1 .. b+PENGUKURAN_PARAMS. */
static void bind_row(tb_store *s, sqlite3_stmt *st, int b, const tb_pengukuran *p,
                     const computed *c)
{
    const tb_growth_result *r = &c->r;
    sqlite3_bind_int64(st, b + 1, p->anak_id);
    sqlite3_bind_text(st, b + 2, p->tanggal, -1, SQLITE_TRANSIENT);
    if (p->posyandu_id > 0)
        sqlite3_bind_int64(st, b + 3, p->posyandu_id);
    bind_real_or_null(st, b + 4, p->bb);
    bind_real_or_null(st, b + 5, p->tb);
    if (p->cara_ukur == 'l' || p->cara_ukur == 'h') {
        char m[2] = {p->cara_ukur, 0};
        sqlite3_bind_text(st, b + 6, m, 1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int(st, b + 7, p->oedema);
    bind_real_or_null(st, b + 8, p->lila);
    bind_real_or_null(st, b + 9, p->lika);
    sqlite3_bind_int(st, b + 10, p->vit_a);
    bind_real_or_null(st, b + 11, p->pmt_kg);
    if (r->age_days >= 0)
        sqlite3_bind_int(st, b + 12, r->age_days);
    bind_real_or_null(st, b + 13, r->clenhei);
    double zs[6] = {r->z[TB_ZWEI], r->z[TB_ZLEN], r->z[TB_ZWFL],
                    c->zimtu,      r->z[TB_ZAC],  r->z[TB_ZHC]};
    for (int i = 0; i < 6; i++)
        bind_real_or_null(st, b + 14 + i, zs[i]);
    int fs[4] = {r->flag[TB_ZWEI], r->flag[TB_ZLEN], r->flag[TB_ZWFL], c->fimtu};
    for (int i = 0; i < 4; i++)
        if (fs[i] >= 0)
            sqlite3_bind_int(st, b + 20 + i, fs[i]);
    bind_text_or_null(st, b + 24, tb_cat_bbu_code(r->bbu));
    bind_text_or_null(st, b + 25, tb_cat_tbu_code(r->tbu));
    bind_text_or_null(st, b + 26, tb_cat_gizi_code(r->bbtb));
    bind_text_or_null(st, b + 27, tb_cat_gizi_code(r->imtu));
    sqlite3_bind_int(st, b + 28, tb_kms_bgm(r->z[TB_ZWEI], r->flag[TB_ZWEI], tb_store_bgm_z(s)));
    bind_text_or_null(st, b + 29, p->uuid_klien);
    if (p->dibuat_oleh > 0)
        sqlite3_bind_int64(st, b + 30, p->dibuat_oleh);
    if (p->naik == 'N' || p->naik == 'T' || p->naik == 'O' || p->naik == 'B') {
        char nk[2] = {p->naik, 0};
        sqlite3_bind_text(st, b + 31, nk, 1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int(st, b + 32, p->t2 ? 1 : 0);
    bind_text_or_null(st, b + 33, p->pengukur);
    bind_text_or_null(st, b + 34, p->kpsp);
}

int tb_store_pengukuran_put(tb_store *s, const tb_pengukuran *p, const char *tgl_lahir, int jk,
                            int *outcome)
{
    long born = tb_date_iso(tgl_lahir), day = tb_date_iso(p->tanggal);
    if (day < 0)
        return tb_store_fail(s, "measurement date '%s' is not a date", p->tanggal);
    computed c;
    compute(p, born, day, jk, &c);
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
        " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34)"
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
        " kpsp = coalesce(excluded.kpsp, kpsp)"
        " WHERE bb IS NOT excluded.bb OR tb IS NOT excluded.tb"
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
            if (day < 0)
                return tb_store_fail(s, "measurement date '%s' is not a date", m->tanggal);
            computed c;
            compute(m, tb_date_iso(tgl_lahir[i + j]), day, jk[i + j], &c);
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
        tb_store_stmt(s, "SELECT id, tanggal, umur_hari, bb, naik, t2 FROM pengukuran"
                         " WHERE anak_id = ?1 ORDER BY tanggal");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak_id);
    while (sqlite3_step(st) == SQLITE_ROW && n < MAX) {
        ids[n] = sqlite3_column_int64(st, 0);
        w[n].day = tb_date_iso((const char *)sqlite3_column_text(st, 1));
        w[n].age_days = sqlite3_column_int(st, 2);
        w[n].weight =
            sqlite3_column_type(st, 3) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 3);
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
