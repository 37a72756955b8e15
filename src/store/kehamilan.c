/*
 * kehamilan.c - pregnancy, ANC, delivery (creating the child), nifas and
 * the PWS KIA counts (see kehamilan.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/individu.h"
#include "store/internal.h"
#include "store/kehamilan.h"
#include "tb_date.h"
#include "tb_kia.h"
#include "tb_match.h"

/* The area condition on a desa column X, wilayah bound as ?1. */
#define IN_AREA(X) " " X " >= ?1 AND " X " < ?1 || '/'"

static int audit_id(tb_store *s, long user, const char *act, const char *table, long id,
                    const char *after)
{
    char row[32];
    snprintf(row, sizeof row, "%ld", id);
    return tb_store_audit(s, user, act, table, row, NULL, after);
}

/* Adds the mother (peran bumil): her id, or -1. */
static long add_ibu(tb_store *s, const tb_kehamilan_baru *k)
{
    char key[TB_NAME_KEY_MAX + 1];
    tb_name_key(k->nama, strlen(k->nama), key, sizeof key);
    sqlite3_stmt *st =
        tb_store_stmt(s, "INSERT INTO individu (nik, nama, nama_kunci, jk, tgl_lahir,"
                         " desa, peran) VALUES (?1, ?2, ?3, 2, ?4, ?5, 'bumil')");
    if (!st)
        return -1;
    tb_store_bind_text(st, 1, k->nik && *k->nik ? k->nik : NULL);
    sqlite3_bind_text(st, 2, k->nama, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 4, k->tgl_lahir && *k->tgl_lahir ? k->tgl_lahir : NULL);
    sqlite3_bind_text(st, 5, k->desa, -1, SQLITE_TRANSIENT);
    if (tb_store_step_done(s, st, "ibu"))
        return -1;
    long id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    return audit_id(s, 0, "tambah", "individu", id, "{\"peran\":\"bumil\"}") < 0 ? -1 : id;
}

/* Refuses a pregnancy of mother ibu from HPHT hpht while she has one not
 * delivered whose HPL is after it: 0, or -1 with the reason. */
static int ongoing(tb_store *s, long ibu, const char *hpht)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT hpl FROM kehamilan WHERE ibu_id = ?1"
                                        " AND tgl_persalinan IS NULL AND hpl > ?2 LIMIT 1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, ibu);
    sqlite3_bind_text(st, 2, hpht, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    char hpl[11] = "";
    if (rc == 1)
        tb_store_col_text(st, 0, hpl, sizeof hpl);
    sqlite3_reset(st);
    if (rc == 1)
        return tb_store_fail(s, "ibu ini masih tercatat hamil (HPL %s): catat persalinannya dulu",
                             hpl);
    return rc;
}

long tb_store_kehamilan_daftar(tb_store *s, const tb_kehamilan_baru *k, long user)
{
    long hpht = tb_date_iso(k->hpht);
    if (hpht == TB_DATE_NONE)
        return tb_store_fail(s, "HPHT bukan tanggal (yyyy-mm-dd)");
    if (k->ibu_id > 0 && ongoing(s, k->ibu_id, k->hpht) < 0)
        return -1;
    long ibu = k->ibu_id > 0 ? k->ibu_id : add_ibu(s, k);
    if (ibu < 0)
        return -1;
    char hpl[11];
    long y;
    unsigned m, d;
    tb_date_civil(hpht + 280, &y, &m, &d);
    snprintf(hpl, sizeof hpl, "%04ld-%02u-%02u", y, m, d);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kehamilan (ibu_id, hpht, hpl, gravida, paritas, umur_ibu, lila, hb, kek,"
           " anemia, tgl_daftar, posyandu_id, dibuat_oleh) SELECT ?1, ?2, ?3, ?4, ?5,"
           " CAST((julianday(?2) - julianday(i.tgl_lahir)) / 365.25 AS INTEGER), ?6, ?7,"
           " coalesce(?6 < ?10, 0), coalesce(?7 < ?11, 0), ?8, ?9, ?12 FROM individu i"
           " WHERE i.id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, ibu);
    sqlite3_bind_text(st, 2, k->hpht, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, hpl, -1, SQLITE_TRANSIENT);
    tb_store_bind_int(st, 4, k->gravida, 1);
    tb_store_bind_int(st, 5, k->paritas, k->gravida > 0 ? 0 : 1);
    tb_store_bind_real(st, 6, k->lila);
    tb_store_bind_real(st, 7, k->hb);
    tb_store_bind_text(st, 8, k->tgl_daftar);
    tb_store_bind_int(st, 9, k->posyandu_id, 1);
    sqlite3_bind_double(st, 10, TB_KEHAMILAN_LILA_MIN);
    sqlite3_bind_double(st, 11, TB_KEHAMILAN_HB_MIN);
    tb_store_bind_int(st, 12, user, 1);
    if (tb_store_step_done(s, st, "kehamilan"))
        return -1;
    if (!sqlite3_changes(tb_store_db(s)))
        return tb_store_fail(s, "ibu %ld tidak ada", ibu);
    long id = (long)sqlite3_last_insert_rowid(tb_store_db(s));
    char after[160];
    snprintf(after, sizeof after, "{\"ibu_id\":%ld,\"hpht\":\"%.10s\",\"hpl\":\"%s\"}", ibu,
             k->hpht, hpl);
    return audit_id(s, user, "tambah", "kehamilan", id, after) < 0 ? -1 : id;
}

int tb_store_anc_tambah(tb_store *s, long kid, const char *tanggal, const char *pemberi,
                        double lila, double hb, int ttd, long user)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kunjungan_anc (kehamilan_id, ke, tanggal, pemberi, lila, hb, ttd)"
           " SELECT ?1, coalesce(max(ke), 0) + 1, ?2, ?3, ?4, ?5, ?6 FROM kunjungan_anc"
           " WHERE kehamilan_id = ?1 RETURNING ke");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kid);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, pemberi);
    tb_store_bind_real(st, 4, lila);
    tb_store_bind_real(st, 5, hb);
    sqlite3_bind_int(st, 6, ttd > 0 ? ttd : 0);
    int rc = tb_store_step_one(s, st);
    if (rc <= 0)
        return rc < 0 ? -1 : tb_store_fail(s, "kunjungan ANC tidak tersimpan");
    int ke = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    st = tb_store_stmt(s, "UPDATE kehamilan SET lila = coalesce(?2, lila), hb = coalesce(?3, hb),"
                          " ttd_jumlah = ttd_jumlah + ?4,"
                          " kek = coalesce(coalesce(?2, lila) < ?5, kek),"
                          " anemia = coalesce(coalesce(?3, hb) < ?6, anemia) WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kid);
    tb_store_bind_real(st, 2, lila);
    tb_store_bind_real(st, 3, hb);
    sqlite3_bind_int(st, 4, ttd > 0 ? ttd : 0);
    sqlite3_bind_double(st, 5, TB_KEHAMILAN_LILA_MIN);
    sqlite3_bind_double(st, 6, TB_KEHAMILAN_HB_MIN);
    if (tb_store_step_done(s, st, "kehamilan"))
        return -1;
    char after[160];
    snprintf(after, sizeof after, "{\"kehamilan_id\":%ld,\"ke\":%d,\"tanggal\":\"%.10s\"}", kid, ke,
             tanggal);
    return audit_id(s, user, "tambah", "kunjungan_anc", kid, after) < 0 ? -1 : ke;
}

/* The mother's name, desa, family and the pregnancy's posyandu and delivery. */
typedef struct {
    char nama[128], desa[16], persalinan[11];
    long keluarga, posyandu;
} mother_t;

static int read_mother(tb_store *s, long kid, mother_t *m)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.nama, i.desa, coalesce(i.keluarga_id, 0), coalesce(k.posyandu_id, 0),"
           " k.tgl_persalinan FROM kehamilan k JOIN individu i ON i.id = k.ibu_id WHERE k.id = ?1");
    int rc = tb_store_step_id(s, st, kid);
    if (rc <= 0)
        return rc < 0 ? -1 : tb_store_fail(s, "kehamilan %ld tidak ada", kid);
    tb_store_col_text(st, 0, m->nama, sizeof m->nama);
    tb_store_col_text(st, 1, m->desa, sizeof m->desa);
    m->keluarga = sqlite3_column_int64(st, 2);
    m->posyandu = sqlite3_column_int64(st, 3);
    tb_store_col_text(st, 4, m->persalinan, sizeof m->persalinan);
    sqlite3_reset(st);
    return 0;
}

long tb_store_persalinan(tb_store *s, long kid, const tb_persalinan *p, long user)
{
    mother_t m;
    if (read_mother(s, kid, &m) < 0)
        return -1;
    if (m.persalinan[0])
        return tb_store_fail(s, "persalinan kehamilan ini sudah dicatat (%s)", m.persalinan);
    long pos = p->posyandu_id > 0 ? p->posyandu_id : m.posyandu;
    if (pos <= 0)
        return tb_store_fail(s, "pilih posyandu tempat bayi didaftarkan");
    char nama[160];
    if (p->nama_bayi && *p->nama_bayi)
        snprintf(nama, sizeof nama, "%s", p->nama_bayi);
    else
        snprintf(nama, sizeof nama, "Bayi Ny. %s", m.nama);
    tb_anak_baru a = {.posyandu_id = pos,
                      .desa = m.desa,
                      .nama = nama,
                      .tgl_lahir = p->tanggal,
                      .nama_ibu = m.nama,
                      .jk = p->jk,
                      .buku_kia = 1,
                      .bb_lahir = p->bb_lahir > 0 ? p->bb_lahir : NAN,
                      .pb_lahir = p->pb_lahir > 0 ? p->pb_lahir : NAN};
    long anak = tb_store_anak_baru(s, &a, user);
    if (anak < 0)
        return -1;
    sqlite3_stmt *st = tb_store_stmt(
        s, "UPDATE individu SET ibu_id = (SELECT ibu_id FROM kehamilan WHERE id = ?2),"
           " keluarga_id = ?3 WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, anak);
    sqlite3_bind_int64(st, 2, kid);
    tb_store_bind_int(st, 3, m.keluarga, 1);
    if (tb_store_step_done(s, st, "anak"))
        return -1;
    st = tb_store_stmt(s, "UPDATE kehamilan SET tgl_persalinan = ?2, tempat_persalinan = ?3,"
                          " penolong = ?4, anak_id = ?5, posyandu_id = ?6,"
                          " tgl_kn1 = coalesce(?7, tgl_kn1) WHERE id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kid);
    sqlite3_bind_text(st, 2, p->tanggal, -1, SQLITE_TRANSIENT);
    tb_store_bind_text(st, 3, p->tempat);
    tb_store_bind_text(st, 4, p->penolong);
    sqlite3_bind_int64(st, 5, anak);
    sqlite3_bind_int64(st, 6, pos);
    tb_store_bind_text(st, 7, p->tgl_kn1);
    if (tb_store_step_done(s, st, "persalinan"))
        return -1;
    char after[200];
    snprintf(after, sizeof after,
             "{\"tgl_persalinan\":\"%.10s\",\"penolong\":\"%.20s\",\"anak_id\":%ld}", p->tanggal,
             p->penolong ? p->penolong : "", anak);
    return audit_id(s, user, "ubah", "kehamilan", kid, after) < 0 ? -1 : anak;
}

int tb_store_nifas_tambah(tb_store *s, long kid, const char *tanggal, long user)
{
    mother_t m;
    if (read_mother(s, kid, &m) < 0)
        return -1;
    if (!m.persalinan[0])
        return tb_store_fail(s, "catat persalinan dulu sebelum kunjungan nifas");
    if (strcmp(tanggal, m.persalinan) < 0)
        return tb_store_fail(s, "kunjungan nifas sebelum tanggal persalinan (%s)", m.persalinan);
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO kunjungan_nifas (kehamilan_id, ke, tanggal)"
           " SELECT ?1, coalesce(max(ke), 0) + 1, ?2 FROM kunjungan_nifas WHERE kehamilan_id = ?1"
           " RETURNING ke");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, kid);
    sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(st);
        return tb_store_fail(s, "kunjungan nifas sudah 4 kali (KF1-KF4)");
    }
    int ke = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    char after[120];
    snprintf(after, sizeof after, "{\"kehamilan_id\":%ld,\"kf\":%d,\"tanggal\":\"%.10s\"}", kid, ke,
             tanggal);
    return audit_id(s, user, "tambah", "kunjungan_nifas", kid, after) < 0 ? -1 : ke;
}

/* The ANC and KF dates of pregnancy id into out. */
static int read_visits(tb_store *s, tb_kehamilan_info *o)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT tanggal, coalesce(pemberi, '') FROM kunjungan_anc"
                                        " WHERE kehamilan_id = ?1 ORDER BY tanggal, ke");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, o->id);
    while (sqlite3_step(st) == SQLITE_ROW && o->nanc < 12) {
        tb_store_col_text(st, 0, o->anc[o->nanc], sizeof o->anc[0]);
        tb_store_col_text(st, 1, o->anc_pemberi[o->nanc], sizeof o->anc_pemberi[0]);
        o->nanc++;
    }
    sqlite3_reset(st);
    st =
        tb_store_stmt(s, "SELECT tanggal FROM kunjungan_nifas WHERE kehamilan_id = ?1 ORDER BY ke");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, o->id);
    while (sqlite3_step(st) == SQLITE_ROW && o->nnifas < 4) {
        tb_store_col_text(st, 0, o->nifas[o->nnifas], sizeof o->nifas[0]);
        o->nnifas++;
    }
    sqlite3_reset(st);
    return 0;
}

int tb_store_kehamilan_info(tb_store *s, long id, tb_kehamilan_info *o)
{
    memset(o, 0, sizeof *o);
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT k.ibu_id, coalesce(k.anak_id, 0), coalesce(k.posyandu_id, 0), i.nama,"
           " coalesce(i.nik, ''), i.desa, coalesce(w.nama, i.desa), coalesce(p.nama, ''),"
           " k.hpht, k.hpl, k.tgl_daftar, k.tgl_persalinan, k.tempat_persalinan, k.penolong,"
           " k.tgl_kn1, coalesce(k.gravida, 0), coalesce(k.paritas, 0), k.kek, k.anemia,"
           " k.ttd_jumlah, k.lila, k.hb FROM kehamilan k JOIN individu i ON i.id = k.ibu_id"
           " LEFT JOIN wilayah w ON w.kode = i.desa LEFT JOIN posyandu p ON p.id = k.posyandu_id"
           " WHERE k.id = ?1");
    int rc = tb_store_step_id(s, st, id);
    if (rc <= 0)
        return rc;
    o->id = id;
    o->ibu_id = sqlite3_column_int64(st, 0);
    o->anak_id = sqlite3_column_int64(st, 1);
    o->posyandu_id = sqlite3_column_int64(st, 2);
    tb_store_col_text(st, 3, o->nama_ibu, sizeof o->nama_ibu);
    tb_store_col_text(st, 4, o->nik_ibu, sizeof o->nik_ibu);
    tb_store_col_text(st, 5, o->desa, sizeof o->desa);
    tb_store_col_text(st, 6, o->desa_nama, sizeof o->desa_nama);
    tb_store_col_text(st, 7, o->posyandu, sizeof o->posyandu);
    tb_store_col_text(st, 8, o->hpht, sizeof o->hpht);
    tb_store_col_text(st, 9, o->hpl, sizeof o->hpl);
    tb_store_col_text(st, 10, o->tgl_daftar, sizeof o->tgl_daftar);
    tb_store_col_text(st, 11, o->tgl_persalinan, sizeof o->tgl_persalinan);
    tb_store_col_text(st, 12, o->tempat, sizeof o->tempat);
    tb_store_col_text(st, 13, o->penolong, sizeof o->penolong);
    tb_store_col_text(st, 14, o->tgl_kn1, sizeof o->tgl_kn1);
    o->gravida = sqlite3_column_int(st, 15);
    o->paritas = sqlite3_column_int(st, 16);
    o->kek = sqlite3_column_int(st, 17);
    o->anemia = sqlite3_column_int(st, 18);
    o->ttd = sqlite3_column_int(st, 19);
    o->lila = tb_store_col_real(st, 20);
    o->hb = tb_store_col_real(st, 21);
    sqlite3_reset(st);
    return read_visits(s, o) < 0 ? -1 : 1;
}

int tb_store_kehamilan_list(tb_store *s, const char *wilayah, const char *date,
                            int (*fn)(void *ctx, const tb_kehamilan_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT k.id, i.nama, i.desa, k.hpht, k.hpl, k.tgl_persalinan,"
           " (SELECT count(*) FROM kunjungan_anc a WHERE a.kehamilan_id = k.id), k.kek, k.anemia"
           " FROM individu i JOIN kehamilan k ON k.ibu_id = i.id WHERE" IN_AREA(
               "i.desa") " AND k.hpht <= ?2 AND (k.tgl_persalinan IS NULL AND k.hpl >= date(?2, "
                         "'-30 days')"
                         " OR k.tgl_persalinan >= date(?2, '-42 days'))"
                         " ORDER BY k.tgl_persalinan IS NOT NULL, k.hpl, k.id");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_kehamilan_row r = {.id = sqlite3_column_int64(st, 0),
                              .nama_ibu = (const char *)sqlite3_column_text(st, 1),
                              .desa = (const char *)sqlite3_column_text(st, 2),
                              .hpht = (const char *)sqlite3_column_text(st, 3),
                              .hpl = (const char *)sqlite3_column_text(st, 4),
                              .tgl_persalinan = (const char *)sqlite3_column_text(st, 5),
                              .nanc = sqlite3_column_int(st, 6),
                              .kek = sqlite3_column_int(st, 7),
                              .anemia = sqlite3_column_int(st, 8)};
        n++;
        if (fn(ctx, &r) < 0)
            break;
    }
    sqlite3_reset(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? n
               : tb_store_fail(s, "kehamilan: %s", sqlite3_errmsg(tb_store_db(s)));
}

/* The desa of the area with their sasaran for the year (set, else estimated). */
static int pws_desa(tb_store *s, const char *wilayah, int tahun, tb_pws_desa **out, int *n)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT w.kode, w.nama, t.bumil, t.bersalin, t.nifas, t.bayi,"
           " (SELECT count(*) FROM individu i JOIN kehamilan k ON k.ibu_id = i.id"
           "  WHERE i.desa = w.kode AND k.hpl >= ?2 || '-01-01' AND k.hpl <= ?2 || '-12-31'),"
           " (SELECT count(*) FROM individu i JOIN kehamilan k ON k.ibu_id = i.id"
           "  WHERE i.desa = w.kode AND k.hpht <= ?2 || '-12-31'"
           "  AND coalesce(k.tgl_persalinan, k.hpl) >= ?2 || '-01-01')"
           " FROM wilayah w LEFT JOIN sasaran_kia t ON t.desa = w.kode AND t.tahun = ?2"
           " WHERE w.tingkat = 4 AND (" IN_AREA("w.kode") " OR w.kode = ?1) ORDER BY w.kode");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    int cap = 0, rc;
    *out = NULL;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_pws_desa *d = tb_store_push(s, out, n, &cap, sizeof *d);
        if (!d) {
            sqlite3_reset(st);
            return -1;
        }
        tb_store_col_text(st, 0, d->desa, sizeof d->desa);
        tb_store_col_text(st, 1, d->nama, sizeof d->nama);
        d->ditetapkan = sqlite3_column_type(st, 2) != SQLITE_NULL;
        long est = sqlite3_column_int64(st, 6);
        d->bumil = d->ditetapkan ? sqlite3_column_int64(st, 2) : sqlite3_column_int64(st, 7);
        d->bersalin = d->ditetapkan ? sqlite3_column_int64(st, 3) : est;
        d->nifas = d->ditetapkan ? sqlite3_column_int64(st, 4) : est;
        d->bayi = d->ditetapkan ? sqlite3_column_int64(st, 5) : est;
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
}

/* Counts day (a day number) in month m of d's indicator i when it is in tahun. */
static void pws_count(tb_pws_desa *d, int i, long day, int tahun)
{
    if (day == TB_DATE_NONE)
        return;
    long y;
    unsigned m, dd;
    tb_date_civil(day, &y, &m, &dd);
    if (y == tahun)
        d->bulan[i][m - 1]++;
}

/* The events of one pregnancy (the current row of st) counted into d. */
static void pws_pregnancy(sqlite3_stmt *st, tb_pws_desa *d, int tahun)
{
    long hpht = tb_date_iso((const char *)sqlite3_column_text(st, 1));
    long salin = tb_date_iso((const char *)sqlite3_column_text(st, 2));
    const char *pen = (const char *)sqlite3_column_text(st, 3);
    const char *anc = (const char *)sqlite3_column_text(st, 4);
    const char *kf = (const char *)sqlite3_column_text(st, 5);
    tb_kia_anc v[12];
    int nv = 0;
    long first = TB_DATE_NONE;
    for (const char *p = anc; p && *p && nv < 12;) { /* "yyyy-mm-dd:1,yyyy-mm-dd:0" */
        char date[11];
        snprintf(date, sizeof date, "%.10s", p);
        v[nv].day = tb_date_iso(date);
        v[nv].dokter = p[10] == ':' && p[11] == '1';
        if (v[nv].day != TB_DATE_NONE && (first == TB_DATE_NONE || v[nv].day < first))
            first = v[nv].day;
        nv++;
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    pws_count(d, TB_PWS_K1, first, tahun);
    pws_count(d, TB_PWS_K4, tb_kia_k4(hpht, v, nv), tahun);
    pws_count(d, TB_PWS_K6, tb_kia_k6(hpht, v, nv), tahun);
    if (pen && (!strcmp(pen, "bidan") || !strcmp(pen, "dokter")))
        pws_count(d, TB_PWS_PN, salin, tahun);
    long kfd[4];
    int nk = 0;
    for (const char *p = kf; p && *p && nk < 4;) {
        char date[11];
        snprintf(date, sizeof date, "%.10s", p);
        kfd[nk++] = tb_date_iso(date);
        p = strchr(p, ',');
        p = p ? p + 1 : NULL;
    }
    pws_count(d, TB_PWS_KF, tb_kia_kf_lengkap(salin, kfd, nk), tahun);
    long kn = tb_date_iso((const char *)sqlite3_column_text(st, 6));
    if (tb_kia_kn1(salin, kn))
        pws_count(d, TB_PWS_KN1, kn, tahun);
}

static int cmp_desa(const void *a, const void *b)
{
    return strcmp(a, ((const tb_pws_desa *)b)->desa);
}

int tb_store_pws_kia(tb_store *s, const char *wilayah, int tahun,
                     int (*fn)(void *ctx, const tb_pws_desa *d), void *ctx)
{
    tb_pws_desa *ds = NULL;
    int nd = 0;
    if (pws_desa(s, wilayah, tahun, &ds, &nd) < 0) {
        free(ds);
        return -1;
    }
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT i.desa, k.hpht, k.tgl_persalinan, k.penolong,"
           " (SELECT group_concat(a.tanggal || ':' || (coalesce(a.pemberi, '') = 'dokter'), ',')"
           "  FROM kunjungan_anc a WHERE a.kehamilan_id = k.id),"
           " (SELECT group_concat(n.tanggal, ',') FROM kunjungan_nifas n"
           "  WHERE n.kehamilan_id = k.id), k.tgl_kn1"
           " FROM individu i JOIN kehamilan k ON k.ibu_id = i.id WHERE" IN_AREA(
               "i.desa") " AND k.hpht <= ?2 || '-12-31' AND k.hpht >= date(?2 || '-01-01', '-330 "
                         "days')");
    int rc = st ? SQLITE_DONE : SQLITE_ERROR;
    if (st) {
        sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 2, tahun);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *desa = (const char *)sqlite3_column_text(st, 0);
            tb_pws_desa *d = desa ? bsearch(desa, ds, (size_t)nd, sizeof *ds, cmp_desa) : NULL;
            if (d)
                pws_pregnancy(st, d, tahun);
        }
        sqlite3_reset(st);
    }
    int ret = rc == SQLITE_DONE ? 0 : tb_store_fail(s, "pws: %s", sqlite3_errmsg(tb_store_db(s)));
    for (int i = 0; !ret && i < nd; i++)
        if (fn(ctx, &ds[i]) < 0)
            break;
    free(ds);
    return ret;
}

int tb_store_sasaran_kia_set(tb_store *s, long user, const char *desa, int tahun, long bumil,
                             long bersalin, long nifas, long bayi)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "INSERT INTO sasaran_kia (desa, tahun, bumil, bersalin, nifas, bayi, oleh, diubah)"
           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
           " ON CONFLICT (desa, tahun) DO UPDATE SET bumil = ?3, bersalin = ?4, nifas = ?5,"
           " bayi = ?6, oleh = ?7, diubah = excluded.diubah");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, desa, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, tahun);
    sqlite3_bind_int64(st, 3, bumil);
    sqlite3_bind_int64(st, 4, bersalin);
    sqlite3_bind_int64(st, 5, nifas);
    sqlite3_bind_int64(st, 6, bayi);
    tb_store_bind_int(st, 7, user, 1);
    if (tb_store_step_done(s, st, "sasaran_kia"))
        return -1;
    char row[40], after[160];
    snprintf(row, sizeof row, "%s/%d", desa, tahun);
    snprintf(after, sizeof after, "{\"bumil\":%ld,\"bersalin\":%ld,\"nifas\":%ld,\"bayi\":%ld}",
             bumil, bersalin, nifas, bayi);
    return tb_store_audit(s, user, "ubah", "sasaran_kia", row, NULL, after);
}

int tb_store_individu_nik(tb_store *s, const char *nik, long *id, char desa[16])
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT id, coalesce(desa, '') FROM individu WHERE nik = ?1");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, nik, -1, SQLITE_TRANSIENT);
    int rc = tb_store_step_one(s, st);
    if (rc == 1) {
        *id = sqlite3_column_int64(st, 0);
        tb_store_col_text(st, 1, desa, 16);
    }
    sqlite3_reset(st);
    return rc;
}
