/*
 * layanan.c - the facts of a target's service package and the timeline of
 * its services (see layanan.h). One statement per use: the targets come
 * from the same rules as the TPK report (store/tpk.c), every count is a
 * correlated subquery on an index (kunjungan_anc/nifas by pregnancy,
 * pengukuran by child and date, tpk_kunjungan by person and date).
 */
#include <string.h>

#include "store/internal.h"
#include "store/layanan.h"

/* The family's columns and the JKN found by a TPK visit (?2 the month's end). */
#define FAMILY_COLS                                                                                \
    " i.id, w.nama, i.nama, kl.sumber_air, kl.jamban, kl.jkn,"                                     \
    " EXISTS (SELECT 1 FROM tpk_kunjungan v WHERE v.individu_id = i.id AND v.tanggal <= ?2"        \
    "  AND v.jkn IN ('punya', 'difasilitasi')),"
#define TPK_IN(A, B)                                                                               \
    " FROM tpk_kunjungan v WHERE v.individu_id = i.id AND v.tanggal >= " A " AND v.tanggal <= " B

/* Pregnancies at the month's end (?2) and mothers in their 42 days of nifas. */
#define BUMIL(COND)                                                                                \
    " SELECT 'bumil', i.desa," FAMILY_COLS " -1,"                                                  \
    " (SELECT count(*) FROM kunjungan_anc x WHERE x.kehamilan_id = h.id AND x.tanggal <= ?2),"     \
    " max(h.ttd_jumlah, COALESCE((SELECT sum(json_extract(v.data, '$.ttd'))" TPK_IN(               \
        "h.hpht",                                                                                  \
        "?2") "  AND v.sasaran = 'bumil'), 0)),"                                                   \
              " (SELECT count(*) FROM kunjungan_nifas x WHERE x.kehamilan_id = h.id AND "          \
              "x.tanggal <= ?2),"                                                                  \
              " h.kelas_ibu + (SELECT count(*)" TPK_IN(                                            \
                  "h.hpht",                                                                        \
                  "?2") " AND COALESCE(v.konseling, '') <> ''),"                                   \
                        " COALESCE(h.tgl_persalinan, '') <> '' AND h.tgl_persalinan <= ?2,"        \
                        " h.kek OR h.anemia OR h.risti OR EXISTS (SELECT 1" TPK_IN(                \
                            "h.hpht",                                                              \
                            "?2") "  AND v.sasaran = 'bumil' AND v.berisiko = 1),"                 \
                                  " (SELECT count(*)" TPK_IN(                                      \
                                      "?3", "?2") "), 0, 0, 0, 0, 0, 0, 0, 0, 0"                   \
                                                  " FROM (SELECT k.*, k.ibu_id AS who FROM "       \
                                                  "kehamilan k) h" FAMILY_JOIN_H " WHERE " COND    \
                                                  " AND h.hpht <= ?2 AND "                         \
                                                  "((COALESCE(h.tgl_persalinan, '') = ''"          \
                                                  "  OR h.tgl_persalinan > ?2) AND h.hpl >= "      \
                                                  "date(?2, '-14 days')"                           \
                                                  "  OR h.tgl_persalinan <= ?2 AND "               \
                                                  "h.tgl_persalinan > date(?2, '-42 days'))"
#define FAMILY_JOIN_H                                                                              \
    " JOIN individu i ON i.id = h.who LEFT JOIN keluarga kl ON kl.id = i.keluarga_id"              \
    " LEFT JOIN wilayah w ON w.kode = i.desa"

/* Children 0-23 months (0-59 with ?5 = 1) at the month's end, active, not merged. */
#define ANAK(COND)                                                                                 \
    " SELECT CASE WHEN i.tgl_lahir > date(?2, '-24 months') THEN 'baduta' ELSE 'balita' END,"      \
    " i.desa," FAMILY_COLS                                                                         \
    " CAST((julianday(?2) - julianday(i.tgl_lahir)) / 30.4375 AS INTEGER), 0, 0, 0,"               \
    " (SELECT count(*)" TPK_IN(                                                                    \
        "?3",                                                                                      \
        "?2") " AND COALESCE(v.konseling, '') <> ''), 0,"                                          \
              " COALESCE((SELECT p.kat_tbu IN ('SP', 'P') OR p.kat_bbtb IN ('GBR', 'GK')"          \
              "  OR p.kat_bbu IN ('BBSK', 'BBK') FROM pengukuran p WHERE p.anak_id = i.id"         \
              "  AND p.tanggal <= ?2 ORDER BY p.tanggal DESC LIMIT 1), 0),"                        \
              " (SELECT count(*)" TPK_IN(                                                          \
                  "?3",                                                                            \
                  "?2") "),"                                                                       \
                        " EXISTS (SELECT 1 FROM pengukuran p WHERE p.anak_id = i.id AND "          \
                        "p.tanggal BETWEEN ?3 AND ?2"                                              \
                        "  AND p.bb IS NOT NULL) OR EXISTS (SELECT 1" TPK_IN(                      \
                            "?3",                                                                  \
                            "?2") "  AND json_extract(v.data, '$.ditimbang') = 1),"                \
                                  " COALESCE((SELECT json_extract(v.data, '$.imunisasi') = "       \
                                  "'lengkap' FROM tpk_kunjungan v"                                 \
                                  "  WHERE v.individu_id = i.id AND v.tanggal <= ?2"               \
                                  "  AND json_extract(v.data, '$.imunisasi') IS NOT NULL ORDER "   \
                                  "BY v.tanggal DESC LIMIT 1), 0),"                                \
                                  " EXISTS (SELECT 1 FROM pengukuran p WHERE p.anak_id = i.id "    \
                                  "AND p.vit_a = 1"                                                \
                                  "  AND p.tanggal > date(?2, '-6 months') AND p.tanggal <= ?2)"   \
                                  "  OR EXISTS (SELECT 1" TPK_IN(                                  \
                                      "date(?2, '-6 months')",                                     \
                                      "?2") "  AND json_extract(v.data, '$.vit_a') = 1),"          \
                                            " a.akta_lahir,"                                       \
                                            " (SELECT count(*) FROM pengukuran p WHERE p.anak_id " \
                                            "= i.id AND p.tb IS NOT NULL"                          \
                                            "  AND p.tanggal > date(?2, '-12 months') AND "        \
                                            "p.tanggal <= ?2),"                                    \
                                            " 0, 0, 0, 0"                                          \
                                            " FROM (SELECT x.*, x.individu_id AS who FROM anak "   \
                                            "x) a JOIN individu i ON i.id = a.who"                 \
                                            " LEFT JOIN keluarga kl ON kl.id = i.keluarga_id "     \
                                            "LEFT JOIN wilayah w ON w.kode = i.desa"               \
                                            " WHERE " COND                                         \
                                            " AND a.digabung_ke IS NULL AND i.tgl_lahir <= ?2"     \
                                            "  AND i.tgl_lahir > date(?2, CASE WHEN ?5 THEN '-60 " \
                                            "months' ELSE '-24 months' END)"                       \
                                            "  AND COALESCE((SELECT s.status FROM anak_status s "  \
                                            "WHERE s.individu_id = a.who"                          \
                                            "  AND s.tanggal <= ?2 ORDER BY s.tanggal DESC LIMIT " \
                                            "1), 'aktif') = 'aktif'"

/* Catin (with ?5 = 1): the latest screening up to ?2, the wedding not before ?3. */
#define CATIN(COND)                                                                                \
    " SELECT 'catin', i.desa," FAMILY_COLS " -1, 0, 0, 0, 0, 0, 0,"                                \
    " (SELECT count(*)" TPK_IN(                                                                    \
        "date(?2, '-3 months')",                                                                   \
        "?2") "),"                                                                                 \
              " 0, 0, 0, 0, 0,"                                                                    \
              " c.hasil IS NOT NULL, c.ttd, c.tgl_rencana_nikah IS NOT NULL"                       \
              "  AND c.tgl_periksa <= date(c.tgl_rencana_nikah, '-3 months'), "                    \
              "c.tgl_rencana_nikah IS NOT NULL"                                                    \
              " FROM (SELECT x.*, x.individu_id AS who FROM catin x) c JOIN individu i ON i.id = " \
              "c.who"                                                                              \
              " LEFT JOIN keluarga kl ON kl.id = i.keluarga_id LEFT JOIN wilayah w ON w.kode = "   \
              "i.desa"                                                                             \
              " WHERE " COND " AND ?5 AND c.tgl_periksa = (SELECT max(y.tgl_periksa) FROM catin y" \
              "  WHERE y.individu_id = c.who AND y.tgl_periksa <= ?2)"                             \
              "  AND (c.tgl_rencana_nikah IS NULL OR c.tgl_rencana_nikah >= ?3)"

#define AREA "i.desa >= ?1 AND i.desa < ?1 || '/'"
#define ONE "i.id = ?4"

static const char *const SQL_AREA =
    BUMIL(AREA) " UNION ALL" ANAK(AREA) " UNION ALL" CATIN(AREA) " ORDER BY 2, 1, 5";
static const char *const SQL_ONE = BUMIL(ONE) " UNION ALL" ANAK(ONE) " UNION ALL" CATIN(ONE);

static void month_bounds(const char *m, char a[11], char b[11])
{
    int y = 0, mo = 0;
    sscanf(m ? m : "", "%4d-%2d", &y, &mo);
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = mo >= 1 && mo <= 12 ? days[mo - 1] : 31;
    if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        last = 29;
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)mo % 100u, dd = (unsigned)last % 100u;
    snprintf(a, 11, "%04u-%02u-01", yy, mm);
    snprintf(b, 11, "%04u-%02u-%02u", yy, mm, dd);
}

/* Row st into f (the column order of the statements above). */
static void fakta_row(sqlite3_stmt *st, tb_layanan_fakta *f)
{
    memset(f, 0, sizeof *f);
    tb_store_col_text(st, 0, f->jenis, sizeof f->jenis);
    tb_store_col_text(st, 1, f->desa, sizeof f->desa);
    f->id = sqlite3_column_int64(st, 2);
    tb_store_col_text(st, 3, f->desa_nama, sizeof f->desa_nama);
    tb_store_col_text(st, 4, f->nama, sizeof f->nama);
    tb_store_col_text(st, 5, f->sumber_air, sizeof f->sumber_air);
    tb_store_col_text(st, 6, f->jamban, sizeof f->jamban);
    tb_store_col_text(st, 7, f->jkn, sizeof f->jkn);
    f->jkn_tpk = sqlite3_column_int(st, 8) != 0;
    f->umur_bulan = sqlite3_column_int(st, 9);
    f->anc = sqlite3_column_int(st, 10);
    f->ttd = sqlite3_column_int(st, 11);
    f->nifas = sqlite3_column_int(st, 12);
    f->konseling = sqlite3_column_int(st, 13);
    f->konseling_bulan = f->konseling;
    f->bersalin = sqlite3_column_int(st, 14) != 0;
    f->risiko = sqlite3_column_int(st, 15) != 0;
    f->kunjungan_bulan = sqlite3_column_int(st, 16);
    f->ditimbang = sqlite3_column_int(st, 17) != 0;
    f->imunisasi = sqlite3_column_int(st, 18) != 0;
    f->vit_a = sqlite3_column_int(st, 19) != 0;
    f->akta = sqlite3_column_int(st, 20) != 0;
    f->ukur_tb = sqlite3_column_int(st, 21);
    f->skrining = sqlite3_column_int(st, 22) != 0;
    f->ttd_catin = sqlite3_column_int(st, 23) != 0;
    f->tiga_bulan = sqlite3_column_int(st, 24) != 0;
    f->ada_rencana = sqlite3_column_int(st, 25) != 0;
}

static int fakta_run(tb_store *s, sqlite3_stmt *st, int (*fn)(void *, const tb_layanan_fakta *),
                     void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_layanan_fakta f;
        fakta_row(st, &f);
        if (fn(ctx, &f))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "layanan sasaran: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_layanan_fakta(tb_store *s, const char *wilayah, const char *month, bool semua,
                           int (*fn)(void *ctx, const tb_layanan_fakta *f), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, SQL_AREA);
    if (!st)
        return -1;
    char a[11], b[11];
    month_bounds(month, a, b);
    sqlite3_bind_text(st, 1, wilayah ? wilayah : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 5, semua);
    return fakta_run(s, st, fn, ctx);
}

int tb_store_layanan_fakta_of(tb_store *s, long id, const char *month,
                              int (*fn)(void *ctx, const tb_layanan_fakta *f), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, SQL_ONE);
    if (!st)
        return -1;
    char a[11], b[11];
    month_bounds(month, a, b);
    sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, a, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, id);
    sqlite3_bind_int(st, 5, 1);
    return fakta_run(s, st, fn, ctx);
}

/* The people of the timeline: ?1 the person, or every member of family ?2. */
#define WHO "(SELECT id, nama, keluarga_id FROM individu WHERE id = ?1 OR keluarga_id = ?2)"

/* Every source as (tanggal, sumber, individu_id, nama, x1..x7). */
static const char *const SQL_TIMELINE =
    "WITH o AS " WHO " SELECT p.tanggal, 'posyandu', o.id, o.nama, p.bb, p.tb, p.vit_a, p.pmt_kg,"
    "  p.kat_tbu, y.nama, p.rujukan"
    " FROM o JOIN pengukuran p ON p.anak_id = o.id LEFT JOIN posyandu y ON y.id = p.posyandu_id"
    " UNION ALL SELECT v.tanggal, 'tpk', o.id, o.nama, v.sasaran, v.data, v.konseling,"
    "  v.rujukan_ke, v.bansos, v.jkn, t.nama"
    " FROM o JOIN tpk_kunjungan v ON v.individu_id = o.id LEFT JOIN tpk t ON t.id = v.tpk_id"
    " UNION ALL SELECT v.tanggal, 'tpk', NULL, NULL, v.sasaran, v.data, v.konseling,"
    "  v.rujukan_ke, v.bansos, v.jkn, t.nama"
    " FROM tpk_kunjungan v LEFT JOIN tpk t ON t.id = v.tpk_id"
    " WHERE ?2 > 0 AND v.keluarga_id = ?2 AND v.individu_id IS NULL"
    " UNION ALL SELECT x.tanggal, 'anc', o.id, o.nama, x.ke, x.pemberi, NULL, NULL, NULL, NULL,"
    "  NULL FROM o JOIN kehamilan h ON h.ibu_id = o.id JOIN kunjungan_anc x ON x.kehamilan_id = "
    "h.id"
    " UNION ALL SELECT x.tanggal, 'nifas', o.id, o.nama, x.ke, NULL, NULL, NULL, NULL, NULL, NULL"
    " FROM o JOIN kehamilan h ON h.ibu_id = o.id JOIN kunjungan_nifas x ON x.kehamilan_id = h.id"
    " UNION ALL SELECT h.hpht, 'kehamilan', o.id, o.nama, h.hpl, h.lila, h.hb, h.ttd_jumlah, h.mt,"
    "  h.kelas_ibu, (h.kek OR h.anemia OR h.risti)"
    " FROM o JOIN kehamilan h ON h.ibu_id = o.id WHERE h.hpht IS NOT NULL"
    " UNION ALL SELECT h.tgl_persalinan, 'persalinan', o.id, o.nama, h.tempat_persalinan,"
    "  h.penolong, h.kb_pasca_salin, NULL, NULL, NULL, NULL"
    " FROM o JOIN kehamilan h ON h.ibu_id = o.id WHERE COALESCE(h.tgl_persalinan, '') <> ''"
    " UNION ALL SELECT c.tgl_periksa, 'catin', o.id, o.nama, c.hasil, c.faktor, c.ttd,"
    "  c.tgl_rencana_nikah, c.no_sertifikat, NULL, NULL FROM o JOIN catin c ON c.individu_id = o.id"
    " UNION ALL SELECT COALESCE(k.tgl_verifikasi, k.tahun_pk || '-01-01', ''), 'pendataan', NULL,"
    "  NULL, k.sumber_air, k.jamban, k.jkn, k.bansos, k.putaran, k.sumber_pk, NULL"
    " FROM keluarga k WHERE k.id = COALESCE(NULLIF(?2, 0),"
    "  (SELECT keluarga_id FROM individu WHERE id = ?1))"
    " ORDER BY 1 DESC, 2";

static const char *txt(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

int tb_store_layanan_timeline(tb_store *s, long id, long keluarga,
                              int (*fn)(void *ctx, const tb_layanan_event *e), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, SQL_TIMELINE);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id > 0 ? id : -1);
    sqlite3_bind_int64(st, 2, keluarga > 0 ? keluarga : 0);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_layanan_event e = {.tanggal = txt(st, 0),
                              .sumber = txt(st, 1),
                              .individu_id = sqlite3_column_int64(st, 2),
                              .nama = txt(st, 3)};
        for (int k = 0; k < 7; k++)
            e.x[k] = txt(st, 4 + k);
        if (fn(ctx, &e))
            break;
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : tb_store_fail(s, "riwayat layanan: %s", sqlite3_errmsg(tb_store_db(s)));
}

int tb_store_layanan_orang(tb_store *s, long id, tb_layanan_orang *o)
{
    sqlite3_stmt *st =
        tb_store_stmt(s, "SELECT i.nama, i.desa, w.nama, i.tgl_lahir, i.keluarga_id,"
                         " EXISTS (SELECT 1 FROM anak a WHERE a.individu_id = i.id)"
                         " FROM individu i LEFT JOIN wilayah w ON w.kode = i.desa WHERE i.id = ?1");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int rc = tb_store_step_one(s, st);
    if (rc == 1) {
        tb_store_col_text(st, 0, o->nama, sizeof o->nama);
        tb_store_col_text(st, 1, o->desa, sizeof o->desa);
        tb_store_col_text(st, 2, o->desa_nama, sizeof o->desa_nama);
        tb_store_col_text(st, 3, o->tgl_lahir, sizeof o->tgl_lahir);
        o->keluarga = sqlite3_column_int64(st, 4);
        o->anak = sqlite3_column_int(st, 5) != 0;
    }
    sqlite3_reset(st);
    return rc;
}

int tb_store_tpk_user_has(tb_store *s, long pengguna, long id, long keluarga)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, "SELECT EXISTS (SELECT 1 FROM tpk_anggota g JOIN tpk_sasaran a ON a.tpk_id = g.tpk_id"
           " JOIN individu i ON i.id = a.individu_id WHERE g.pengguna_id = ?1"
           " AND a.selesai IS NULL AND (i.id = ?2 OR i.keluarga_id = CASE WHEN ?3 < 0 THEN"
           " (SELECT keluarga_id FROM individu WHERE id = ?2) WHEN ?3 > 0 THEN ?3 END))"
           " OR EXISTS (SELECT 1 FROM tpk_anggota g JOIN tpk_keluarga f ON f.tpk_id = g.tpk_id"
           " WHERE g.pengguna_id = ?1 AND f.keluarga_id = CASE WHEN ?3 > 0 THEN ?3 ELSE"
           " (SELECT keluarga_id FROM individu WHERE id = ?2) END)");
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, pengguna);
    sqlite3_bind_int64(st, 2, id);
    sqlite3_bind_int64(st, 3, keluarga);
    int rc = tb_store_step_one(s, st);
    int v = rc == 1 ? sqlite3_column_int(st, 0) : rc;
    sqlite3_reset(st);
    return v < 0 ? -1 : v;
}
