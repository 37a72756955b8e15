/*
 * report.c (store) - the queries behind the reports (see store/report.h).
 *
 * Every query is parameterised with the same four values (bind_scope): the
 * area code, the month, the length of a sub-area code, the posyandu id. The
 * children in scope and their last measurement of the month are one common
 * table expression (SCOPE_CTE) shared by SKDN, prevalence, the trend and the
 * lists: one definition of S and D.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/internal.h"
#include "store/report.h"
#include "store/wilayah.h"

int tb_store_scope_name(tb_store *s, const tb_store_scope *sc, char *out, size_t n)
{
    sqlite3_stmt *st;
    out[0] = 0;
    if (sc->posyandu_id > 0) {
        st = tb_store_stmt(s, "SELECT 'Posyandu ' || nama FROM posyandu WHERE id = ?1");
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, sc->posyandu_id);
    } else {
        st = tb_store_stmt(s, "SELECT nama FROM wilayah WHERE kode = ?1");
        if (!st)
            return -1;
        sqlite3_bind_text(st, 1, sc->wilayah, -1, SQLITE_TRANSIENT);
    }
    int rc = tb_store_step_one(s, st);
    if (rc == 1)
        tb_store_col_text(st, 0, out, n);
    return rc;
}

/*
 * Binds the common parameters: ?1 area code (or '' for a posyandu), ?2 month
 * (yyyy-mm), ?3 the length of the sub-area code (0 = by posyandu), ?4 the
 * posyandu id (0 = by area).
 */
static void bind_scope(sqlite3_stmt *st, const tb_store_scope *sc)
{
    int level = sc->posyandu_id > 0 ? 5 : tb_wilayah_level(sc->wilayah);
    static const int sub_len[] = {0, 5, 8, 13, 0, 0};
    sqlite3_bind_text(st, 1, sc->posyandu_id > 0 ? "" : sc->wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sc->month, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, level >= 1 && level <= 5 ? sub_len[level] : 0);
    sqlite3_bind_int64(st, 4, sc->posyandu_id > 0 ? sc->posyandu_id : 0);
}

/* The step loop's end: 0 when the rows ran out, else the error. */
static int step_end(tb_store *s, int rc)
{
    if (rc != SQLITE_DONE)
        return tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    return 0;
}

/*
 * The children in scope with their sub-area, and each one's last measurement
 * of the month. Shared by SKDN, prevalence, the trend and the lists: one
 * definition of S and D. S is every child under five of the area that the
 * store knows: registered at a posyandu of the area, or (for an area, not a
 * posyandu) found in the family census of a desa of the area without a
 * posyandu (sub-area "-"); a child whose latest status dated before the end
 * of the month is not 'aktif' (moved away, died) is not in S (status.h).
 */
#define ACTIVE_IN_MONTH(ID) TB_SQL_ACTIVE_IN_MONTH(ID)
#define UNDER_FIVE(I)                                                                              \
    " " I ".tgl_lahir < date(?2 || '-01', '+1 month')"                                             \
    "  AND " I ".tgl_lahir >= date(?2 || '-01', '+1 month', '-60 months')"
#define SCOPE_CTE "WITH s AS" SCOPE_CTE_BODY("", "")
#define SCOPE_CTE_BODY(XP, XC)                                                                     \
    " ("                                                                                           \
    " SELECT a.individu_id AS id, a.buku_kia AS k, p.id AS pos, p.desa AS desa,"                   \
    "  CASE WHEN ?3 = 0 THEN 'p' || p.id ELSE substr(p.desa, 1, ?3) END AS sub,"                   \
    "  i.tgl_lahir AS lahir, i.jk AS jk" XP                                                        \
    " FROM posyandu p CROSS JOIN anak a ON a.posyandu_id = p.id AND a.digabung_ke IS NULL"         \
    " CROSS JOIN individu i ON i.id = a.individu_id"                                               \
    " WHERE (?4 > 0 AND p.id = ?4 OR ?4 = 0 AND p.desa >= ?1 AND p.desa < ?1 || '/')"              \
    "  AND" UNDER_FIVE("i") " AND" ACTIVE_IN_MONTH(                                                \
        "a.individu_id") " UNION ALL"                                                              \
                         " SELECT i.id, COALESCE(a.buku_kia, 0), NULL, kl.desa,"                   \
                         "  CASE WHEN ?3 = 0 THEN '-' ELSE substr(kl.desa, 1, ?3) END, "           \
                         "i.tgl_lahir, i.jk" XC                                                    \
                         " FROM keluarga kl CROSS JOIN individu i ON i.keluarga_id = kl.id"        \
                         " LEFT JOIN anak a ON a.individu_id = i.id"                               \
                         " WHERE ?4 = 0 AND kl.desa >= ?1 AND kl.desa < ?1 || '/' AND "            \
                         "a.posyandu_id IS NULL AND a.digabung_ke IS NULL"                         \
                         "  AND" UNDER_FIVE("i") " AND" ACTIVE_IN_MONTH(                           \
                             "i.id") "),"                                                          \
                                     " m AS ("                                                     \
                                     " SELECT g.* FROM pengukuran g JOIN s ON s.id = g.anak_id"    \
                                     " WHERE g.tanggal >= ?2 || '-01' AND g.tanggal < date(?2 || " \
                                     "'-01', '+1 month')"                                          \
                                     "  AND g.tanggal = (SELECT max(h.tanggal) FROM pengukuran h " \
                                     "WHERE h.anak_id = g.anak_id"                                 \
                                     "   AND h.tanggal >= ?2 || '-01' AND h.tanggal < date(?2 || " \
                                     "'-01', '+1 month')))"

/* SCOPE_CTE for a statement that reads s once (and not m): SQLite inlines it
 * instead of writing S to a temporary table first. With _NAMES s carries
 * the names, read with the birth date, for a search or an order by name
 * (10 ms less than a second lookup per child; 4 ms more when not needed). */
#define SCOPE_CTE_ONCE "WITH s AS NOT MATERIALIZED" SCOPE_CTE_BODY("", "")
#define SCOPE_CTE_ONCE_NAMES                                                                       \
    "WITH s AS NOT MATERIALIZED" SCOPE_CTE_BODY(", i.nama AS nama, i.nik AS nik", ", i.nama, "     \
                                                                                  "i.nik")

#define SUB_LABEL                                                                                  \
    "CASE WHEN s.sub = '-' THEN 'Tanpa posyandu (pendataan keluarga)' ELSE"                        \
    " COALESCE((SELECT nama FROM wilayah WHERE kode = s.sub),"                                     \
    " (SELECT 'Posyandu ' || nama FROM posyandu WHERE 'p' || id = s.sub), s.sub) END"

/* Runs a per-sub-area count query (columns: key, label, ncols counts). */
static int sub_counts(tb_store *s, const char *sql, int ncols, const tb_store_scope *sc,
                      int (*fn)(void *ctx, const tb_sub_counts *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, sql);
    if (!st)
        return -1;
    bind_scope(st, sc);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_sub_counts r = {(const char *)sqlite3_column_text(st, 0),
                           (const char *)sqlite3_column_text(st, 1),
                           {0}};
        for (int c = 0; c < ncols; c++)
            r.v[c] = sqlite3_column_double(st, 2 + c);
        if (fn(ctx, &r) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return step_end(s, rc);
}

int tb_store_skdn(tb_store *s, const tb_store_scope *sc,
                  int (*fn)(void *ctx, const tb_sub_counts *r), void *ctx)
{
    return sub_counts(s,
                      SCOPE_CTE
                      " SELECT s.sub, " SUB_LABEL ", count(*), sum(s.k), count(m.id),"
                      " sum(m.naik = 'N'), sum(m.naik = 'T'), sum(m.naik = 'O'), sum(m.naik = 'B'),"
                      " sum(m.t2), sum(m.bgm)"
                      " FROM s LEFT JOIN m ON m.anak_id = s.id AND m.bb IS NOT NULL"
                      " AND m.tidak_wajar & 1 = 0" /* a confirmed implausible weight: no N/T */
                      " GROUP BY s.sub ORDER BY 2",
                      9, sc, fn, ctx);
}

/* The age in completed months on the last day of the month ?2 of a birth date L. */
#define AGE_AT_MONTH_END(L)                                                                        \
    "(CAST(substr(?2, 1, 4) AS INTEGER) * 12 + CAST(substr(?2, 6, 2) AS INTEGER)"                  \
    " - CAST(substr(" L ", 1, 4) AS INTEGER) * 12 - CAST(substr(" L ", 6, 2) AS INTEGER)"          \
    " - (CAST(strftime('%d', date(?2 || '-01', '+1 month', '-1 day')) AS INTEGER)"                 \
    "    < CAST(substr(" L ", 9, 2) AS INTEGER)))"

int tb_store_skdn_umur(tb_store *s, const tb_store_scope *sc,
                       int (*fn)(void *ctx, const tb_skdn_umur_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(
        s, SCOPE_CTE ", u AS (SELECT s.*, " AGE_AT_MONTH_END(
               "s.lahir") " AS bulan FROM s)"
                          " SELECT CASE WHEN u.bulan < 6 THEN 0 WHEN u.bulan < 12 THEN 1"
                          "  WHEN u.bulan < 24 THEN 2 WHEN u.bulan < 36 THEN 3 ELSE 4 END AS kel,"
                          " COALESCE(u.jk, 0), count(*), sum(u.k), count(m.id),"
                          " sum(m.naik = 'N'), sum(m.naik = 'T'), sum(m.naik = 'O'), sum(m.naik = "
                          "'B'),"
                          " sum(m.t2), sum(m.bgm)"
                          " FROM u LEFT JOIN m ON m.anak_id = u.id AND m.bb IS NOT NULL"
                          " GROUP BY 1, 2 ORDER BY 1, 2");
    if (!st)
        return -1;
    bind_scope(st, sc);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_skdn_umur_row r = {sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), {0}};
        for (int c = 0; c < 9; c++)
            r.v[c] = sqlite3_column_double(st, 2 + c);
        if (fn(ctx, &r) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return step_end(s, rc);
}

int tb_store_prevalensi(tb_store *s, const tb_store_scope *sc,
                        int (*fn)(void *ctx, const tb_sub_counts *r), void *ctx)
{
    return sub_counts(s,
                      SCOPE_CTE " SELECT s.sub, " SUB_LABEL ", count(*),"
                                " sum(m.f_tbu = 0), sum(m.f_tbu = 0 AND m.z_tbu < -2),"
                                " sum(m.f_bbtb = 0), sum(m.f_bbtb = 0 AND m.z_bbtb < -2),"
                                " sum(m.f_bbu = 0), sum(m.f_bbu = 0 AND m.z_bbu < -2),"
                                " sum(m.f_bbtb = 0 AND m.z_bbtb > 2)"
                                " FROM s LEFT JOIN m ON m.anak_id = s.id GROUP BY s.sub ORDER BY 2",
                      8, sc, fn, ctx);
}

int tb_store_month_totals(tb_store *s, const tb_store_scope *sc, tb_month_totals *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st =
        tb_store_stmt(s, SCOPE_CTE " SELECT count(*), count(m.bb), sum(m.f_tbu = 0),"
                                   " sum(m.f_tbu = 0 AND m.z_tbu < -2), sum(m.f_bbtb = 0),"
                                   " sum(m.f_bbtb = 0 AND m.z_bbtb < -2)"
                                   " FROM s LEFT JOIN m ON m.anak_id = s.id");
    if (!st)
        return -1;
    bind_scope(st, sc);
    int rc = tb_store_step_one(s, st);
    if (rc < 0)
        return -1;
    if (rc == 1) {
        out->S = sqlite3_column_double(st, 0);
        out->D = sqlite3_column_double(st, 1);
        out->diukur_tb = sqlite3_column_double(st, 2);
        out->stunting = sqlite3_column_double(st, 3);
        out->diukur_bbtb = sqlite3_column_double(st, 4);
        out->wasting = sqlite3_column_double(st, 5);
    }
    sqlite3_reset(st);
    return 0;
}

/* The columns every list kind selects into `l`, then its own condition. */
#define LIST_COLS(STATUS, ORD)                                                                     \
    " SELECT s.id AS id, m.tanggal AS tanggal, m.bb AS bb, m.tb AS tb, m.z_bbu AS z_bbu,"          \
    " m.z_tbu AS z_tbu, m.z_bbtb AS z_bbtb, " STATUS " AS status, m.umur_hari AS umur_hari,"       \
    " " ORD " AS ord, s.pos AS pos, s.desa AS desa, " AGE_AT_MONTH_END(                            \
        "s.lahir") " AS ub"                                                                        \
                   " FROM s JOIN m ON m.anak_id = s.id"

/* The list not measured this month, with TANGGAL for the last date and
 * NAMES the names carried in s (LIST_NAMES) or "". */
#define LIST_LAST_S "(SELECT max(tanggal) FROM pengukuran WHERE anak_id = s.id)"
#define LIST_NAMES "s.nama AS nama, s.nik AS nik, s.jk AS jk, "
#define LIST_TIDAK_DIUKUR(TANGGAL, NAMES)                                                          \
    " SELECT s.id AS id, " TANGGAL " AS tanggal,"                                                  \
    " NULL AS bb, NULL AS tb, NULL AS z_bbu, NULL AS z_tbu, NULL AS z_bbtb,"                       \
    " 'belum diukur' AS status, NULL AS umur_hari, s.sub AS ord, s.pos AS pos,"                    \
    " s.desa AS desa, " NAMES AGE_AT_MONTH_END(                                                    \
        "s.lahir") " AS ub FROM s"                                                                 \
                   " WHERE NOT EXISTS (SELECT 1 FROM pengukuran g WHERE g.anak_id = s.id"          \
                   "  AND g.tanggal >= ?2 || '-01' AND g.tanggal < date(?2 || '-01', '+1 month'))"

/* The `l` part of each list: which children, and the list's own order (ord).
 * The list of children not measured leaves the date of the last measurement
 * to the rows of the page (LIST_LAST) unless the list is sorted by it. */
static const char *list_sql(tb_list_kind k, bool last_date, bool names)
{
    switch (k) {
    case TB_LIST_STUNTING:
        return LIST_COLS("m.kat_tbu", "m.z_tbu") " WHERE m.f_tbu = 0 AND m.z_tbu < -2";
    case TB_LIST_WASTING:
        return LIST_COLS("m.kat_bbtb", "m.z_bbtb") " WHERE m.f_bbtb = 0 AND m.z_bbtb < -2";
    case TB_LIST_2T:
        return LIST_COLS("'2T'", "s.sub") " WHERE m.t2 = 1";
    case TB_LIST_BGM:
        return LIST_COLS("'BGM'", "m.z_bbu") " WHERE m.bgm = 1";
    default: /* not measured this month; the last measurement ever (LIST_LAST) */
        if (names)
            return last_date ? LIST_TIDAK_DIUKUR(LIST_LAST_S, LIST_NAMES)
                             : LIST_TIDAK_DIUKUR("NULL", LIST_NAMES);
        return last_date ? LIST_TIDAK_DIUKUR(LIST_LAST_S, "") : LIST_TIDAK_DIUKUR("NULL", "");
    }
}
/* Who and where a child of `l` is: the joins of a list's details. */
#define LIST_JOINS                                                                                 \
    " LEFT JOIN anak a ON a.individu_id = l.id LEFT JOIN individu ibu ON ibu.id = i.ibu_id"        \
    " LEFT JOIN keluarga kl ON kl.id = i.keluarga_id LEFT JOIN posyandu p ON p.id = l.pos"         \
    " LEFT JOIN wilayah wd ON wd.kode = l.desa LEFT JOIN wilayah wk ON wk.kode = substr(l.desa, "  \
    "1, 8)"

/* The filters (?6..?9, ?11) on `l`. */
#define LIST_WHERE                                                                                 \
    " (?6 = '' OR substr(l.desa, 1, 8) = ?6) AND (?7 = '' OR l.desa = ?7)"                         \
    "  AND (?8 = 0 OR l.pos = ?8) AND (?11 = '' OR l.status = ?11)"                                \
    "  AND (?9 < 0 OR CASE WHEN l.ub < 6 THEN 0 WHEN l.ub < 12 THEN 1 WHEN l.ub < 24 THEN 2"       \
    "   WHEN l.ub < 36 THEN 3 ELSE 4 END = ?9)"

/* The page's join with individu i (LIST_JOIN_I) and its filters (?5 search, ?10 sex): only
 * when the list is searched, filtered by sex or sorted by i (a kabupaten's
 * list is 10,000 rows; the join is a lookup each). */
#define LIST_JOIN_I " JOIN individu i ON i.id = l.id"
#define LIST_WHERE_X(T, FIND) " (?5 = '' OR " FIND ") AND (?10 = 0 OR " T ".jk = ?10) AND"
/* A search of digits only looks in the NIK, any other in the name (no name
 * is digits, no NIK has a letter; lower() on 10,000 names was a fifth of a
 * NIK search's time). */
#define LIST_FIND_NIK(T) "instr(" T ".nik, ?5) > 0"
#define LIST_FIND_NAMA(T) "instr(lower(" T ".nama), lower(?5)) > 0"
#define LIST_WHERE_I LIST_WHERE_X("i", LIST_FIND_NAMA("i"))
#define LIST_WHERE_I_NIK LIST_WHERE_X("i", LIST_FIND_NIK("i"))
/* The same on the names carried in `l` (the list not measured). */
#define LIST_WHERE_L LIST_WHERE_X("l", LIST_FIND_NAMA("l"))
#define LIST_WHERE_L_NIK LIST_WHERE_X("l", LIST_FIND_NIK("l"))

/* The date of a page row's last measurement ever (the list not measured). */
#define LIST_LAST "(SELECT max(tanggal) FROM pengukuran WHERE anak_id = l.id)"

/* The page `pg` (one page of the filtered, ordered `l`, with the count of
 * all), then the details of its rows only. Filled in: the individu join
 * (LIST_JOIN_I or ""), the joins the order needs (LIST_JOINS or ""), the
 * individu filters (LIST_WHERE_I or ""), the order, the last date (l.tanggal
 * or LIST_LAST) twice, the order. */
#define LIST_PAGE                                                                                  \
    ", pg AS (SELECT l.*, count(*) OVER () AS n FROM l%s%s WHERE%s" LIST_WHERE                     \
    " ORDER BY %s%s, l.id LIMIT ?12 OFFSET ?13)"                                                   \
    " SELECT l.id, %s, lg.bb, lg.tb, lg.z_bbu, lg.z_tbu, lg.z_bbtb, l.status,"                     \
    " COALESCE(l.umur_hari, lg.umur_hari), l.ord, l.pos, l.desa, l.ub, i.nama, i.nik, i.jk,"       \
    " COALESCE(NULLIF(a.nama_ortu, ''), ibu.nama), COALESCE(kl.alamat, i.alamat),"                 \
    " COALESCE(kl.rt, i.rt), COALESCE(kl.rw, i.rw), kl.dusun, kl.telepon, wd.nama, p.nama,"        \
    " wk.nama, lg.kat_bbu, lg.kat_tbu, lg.kat_bbtb, l.n"                                           \
    " FROM pg AS l JOIN individu i ON i.id = l.id" LIST_JOINS                                      \
    " LEFT JOIN pengukuran lg ON lg.anak_id = l.id AND lg.tanggal = %s"                            \
    " ORDER BY %s%s, l.id"

/* The columns a list may be sorted by, and their SQL (the only text put
 * into a list's SQL that is not a constant of this file). */
static const struct {
    const char *key, *expr;
    bool joins;       /* the order needs LIST_JOINS (and so LIST_JOIN_I) */
    const char *on_l; /* the same on the names carried in `l` */
} list_sorts[] = {
    {"nama", "i.nama COLLATE NOCASE", false, "l.nama COLLATE NOCASE"},
    {"nik", "i.nik", false, "l.nik"},
    {"jk", "i.jk", false, "l.jk"},
    {"umur", "l.ub", false, NULL},
    {"umur_bulan", "l.ub", false, NULL},
    {"ortu", "COALESCE(NULLIF(a.nama_ortu, ''), ibu.nama) COLLATE NOCASE", true, NULL},
    {"alamat", "COALESCE(kl.alamat, i.alamat) COLLATE NOCASE", true, NULL},
    {"kecamatan", "wk.nama", true, NULL},
    {"desa", "wd.nama", true, NULL},
    {"posyandu", "p.nama", true, NULL},
    {"tanggal", "l.tanggal", false, NULL},
    {"status", "l.status", false, NULL},
    {"bb", "l.bb", false, NULL},
    {"tb", "l.tb", false, NULL},
    {"z_bbu", "l.z_bbu", false, NULL},
    {"z_tbu", "l.z_tbu", false, NULL},
    {"z_bbtb", "l.z_bbtb", false, NULL},
};

/* The SQL of a sort key, or NULL; *joins when it needs LIST_JOINS; on the
 * names in `l` when on_l and the key has that form. */
static const char *list_sort_expr(const char *key, bool *joins, bool on_l)
{
    for (size_t i = 0; key && i < sizeof list_sorts / sizeof list_sorts[0]; i++)
        if (!strcmp(key, list_sorts[i].key)) {
            if (joins)
                *joins = list_sorts[i].joins;
            return on_l && list_sorts[i].on_l ? list_sorts[i].on_l : list_sorts[i].expr;
        }
    return NULL;
}

bool tb_store_list_sortable(const char *key)
{
    return list_sort_expr(key, NULL, false) != NULL;
}

/* "" for NULL: the filters' "all". */
static const char *or_empty(const char *v)
{
    return v ? v : "";
}

/* Binds the filters and the page of q (NULL: all) to ?5..?13. */
static void bind_list_query(sqlite3_stmt *st, const tb_list_query *q, int first)
{
    static const tb_list_query all = {.umur = -1};
    if (!q)
        q = &all;
    sqlite3_bind_text(st, first, or_empty(q->cari), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, first + 1, or_empty(q->kecamatan), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, first + 2, or_empty(q->desa), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, first + 3, q->posyandu_id > 0 ? q->posyandu_id : 0);
    sqlite3_bind_int(st, first + 4, q->umur >= 0 && q->umur <= 4 ? q->umur : -1);
    sqlite3_bind_int(st, first + 5, q->jk == 1 || q->jk == 2 ? q->jk : 0);
    sqlite3_bind_text(st, first + 6, or_empty(q->status), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, first + 7, q->limit > 0 ? q->limit : -1);
    sqlite3_bind_int64(st, first + 8, q->offset > 0 ? q->offset : 0);
}

/* Reads one row of the list query into r (strings live until the next step). */
static void list_read(sqlite3_stmt *st, tb_list_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = (long)sqlite3_column_int64(st, 0);
    r->tanggal = (const char *)sqlite3_column_text(st, 1);
    r->bb = tb_store_col_real(st, 2);
    r->tb = tb_store_col_real(st, 3);
    r->z_bbu = tb_store_col_real(st, 4);
    r->z_tbu = tb_store_col_real(st, 5);
    r->z_bbtb = tb_store_col_real(st, 6);
    r->status = (const char *)sqlite3_column_text(st, 7);
    r->umur_hari = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 8);
    /* 9 ord, 10 pos, 11 desa code */
    r->umur_bulan = sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 12);
    r->found = sqlite3_column_type(st, 13) != SQLITE_NULL;
    r->nama = (const char *)sqlite3_column_text(st, 13);
    r->nik = (const char *)sqlite3_column_text(st, 14);
    r->jk = sqlite3_column_int(st, 15);
    r->ortu = (const char *)sqlite3_column_text(st, 16);
    r->alamat = (const char *)sqlite3_column_text(st, 17);
    r->rt = (const char *)sqlite3_column_text(st, 18);
    r->rw = (const char *)sqlite3_column_text(st, 19);
    r->dusun = (const char *)sqlite3_column_text(st, 20);
    r->telepon = (const char *)sqlite3_column_text(st, 21);
    r->desa = (const char *)sqlite3_column_text(st, 22);
    r->posyandu = (const char *)sqlite3_column_text(st, 23);
    r->kecamatan = (const char *)sqlite3_column_text(st, 24);
    r->kat_bbu = (const char *)sqlite3_column_text(st, 25);
    r->kat_tbu = (const char *)sqlite3_column_text(st, 26);
    r->kat_bbtb = (const char *)sqlite3_column_text(st, 27);
}

/*
 * Runs a paged query whose last column is count(*) OVER (): fn per row via
 * read_fn, *total from the first row; a page past the end runs again from
 * the start for the count. The statement is finalized.
 */
static int run_paged(tb_store *s, sqlite3_stmt *st, int offset_param, int ncols,
                     int (*row_fn)(sqlite3_stmt *st, void *ctx), void *ctx, long *total)
{
    if (total)
        *total = 0;
    int rc, n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n++ == 0 && total)
            *total = (long)sqlite3_column_int64(st, ncols - 1);
        if (row_fn(st, ctx) < 0) {
            sqlite3_finalize(st);
            return -1;
        }
    }
    if (rc == SQLITE_DONE && n == 0 && total && sqlite3_column_count(st) > 0) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, offset_param, 0);
        if ((rc = sqlite3_step(st)) == SQLITE_ROW)
            *total = (long)sqlite3_column_int64(st, ncols - 1);
        if (rc == SQLITE_ROW)
            rc = SQLITE_DONE;
    }
    if (rc != SQLITE_DONE)
        tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Prepares dynamic SQL (a whitelisted sort); the caller finalizes. */
static sqlite3_stmt *prepare_once(tb_store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(tb_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
        tb_store_fail(s, "%s", sqlite3_errmsg(tb_store_db(s)));
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

typedef struct {
    int (*fn)(void *ctx, const tb_list_row *r);
    void *ctx;
} list_call;

static int list_call_row(sqlite3_stmt *st, void *ctx)
{
    list_call *c = ctx;
    tb_list_row r;
    list_read(st, &r);
    return c->fn(c->ctx, &r);
}

int tb_store_list(tb_store *s, const tb_store_scope *sc, tb_list_kind k, const tb_list_query *q,
                  int (*fn)(void *ctx, const tb_list_row *r), void *ctx, long *total)
{
    /* the list not measured (S less those measured: 10,000 rows for a
     * kabupaten): S is read once, so it is not materialized, and carries the
     * names; the last date only for the page unless sorted by it */
    bool once = k == TB_LIST_TIDAK_DIUKUR;
    bool joins = false;
    const char *by = list_sort_expr(q ? q->sort : NULL, &joins, false);
    const char *dir = q && q->desc ? " DESC" : "";
    if (!by)
        by = "l.ord";
    bool filter_i = (q && q->cari && q->cari[0]) || (q && (q->jk == 1 || q->jk == 2));
    bool nik = q && q->cari && q->cari[0] && !q->cari[strspn(q->cari, "0123456789")];
    bool names = once && (filter_i || !strncmp(by, "i.", 2)); /* s carries them */
    if (names && strncmp(by, "l.", 2))
        by = list_sort_expr(q->sort, &joins, true);
    bool need_i = joins || !strncmp(by, "i.", 2) || (filter_i && !names);
    bool late = once && strcmp(by, "l.tanggal");
    const char *last = late ? LIST_LAST : "l.tanggal";
    char sql[8192];
    int n = snprintf(sql, sizeof sql, "%s, l AS (%s)" LIST_PAGE,
                     names  ? SCOPE_CTE_ONCE_NAMES
                     : once ? SCOPE_CTE_ONCE
                            : SCOPE_CTE,
                     list_sql(k, !late, names), need_i ? LIST_JOIN_I : "", joins ? LIST_JOINS : "",
                     !filter_i ? ""
                     : names   ? (nik ? LIST_WHERE_L_NIK : LIST_WHERE_L)
                               : (nik ? LIST_WHERE_I_NIK : LIST_WHERE_I),
                     by, dir, last, last, by, dir);
    if (n < 0 || (size_t)n >= sizeof sql)
        return tb_store_fail(s, "list query too long");
    sqlite3_stmt *st = prepare_once(s, sql);
    if (!st)
        return -1;
    bind_scope(st, sc);
    bind_list_query(st, q, 5);
    list_call c = {fn, ctx};
    return run_paged(s, st, 13, 29, list_call_row, &c, total);
}

typedef struct {
    int (*fn)(void *ctx, const tb_posyandu_row *r);
    void *ctx;
} pos_call;

static int pos_call_row(sqlite3_stmt *st, void *ctx)
{
    pos_call *c = ctx;
    tb_posyandu_row r = {
        (long)sqlite3_column_int64(st, 0),        (const char *)sqlite3_column_text(st, 1),
        (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
        (const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
        (long)sqlite3_column_int64(st, 6)};
    return c->fn(c->ctx, &r);
}

int tb_store_posyandu_page(tb_store *s, const char *wilayah, const tb_list_query *q,
                           int (*fn)(void *ctx, const tb_posyandu_row *r), void *ctx, long *total)
{
    static const struct {
        const char *key, *expr;
    } sorts[] = {{"nama", "p.nama COLLATE NOCASE"},
                 {"desa", "wd.nama"},
                 {"kecamatan", "wk.nama"},
                 {"anak", "anak"}};
    const char *by = "wk.nama, wd.nama, p.nama COLLATE NOCASE";
    for (size_t i = 0; q && q->sort && i < sizeof sorts / sizeof sorts[0]; i++)
        if (!strcmp(q->sort, sorts[i].key))
            by = sorts[i].expr;
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT p.id, p.nama, wd.nama, wk.nama, pk.nama, p.desa,"
             " (SELECT count(*) FROM anak a WHERE a.posyandu_id = p.id"
             "  AND a.digabung_ke IS NULL) AS anak, count(*) OVER ()"
             " FROM posyandu p JOIN wilayah wd ON wd.kode = p.desa"
             " LEFT JOIN wilayah wk ON wk.kode = substr(p.desa, 1, 8)"
             " LEFT JOIN puskesmas pk ON pk.id = p.puskesmas_id"
             " WHERE p.desa >= ?1 AND p.desa < ?1 || '/' AND p.ditutup IS NULL"
             "  AND (?2 = '' OR instr(lower(p.nama), lower(?2)) > 0)"
             "  AND (?3 = '' OR substr(p.desa, 1, 8) = ?3) AND (?4 = '' OR p.desa = ?4)"
             " ORDER BY %s%s, p.id LIMIT ?5 OFFSET ?6",
             by, q && q->desc ? " DESC" : "");
    sqlite3_stmt *st = prepare_once(s, sql);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, wilayah, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, or_empty(q ? q->cari : NULL), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, or_empty(q ? q->kecamatan : NULL), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, or_empty(q ? q->desa : NULL), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, q && q->limit > 0 ? q->limit : -1);
    sqlite3_bind_int64(st, 6, q && q->offset > 0 ? q->offset : 0);
    pos_call c = {fn, ctx};
    return run_paged(s, st, 6, 8, pos_call_row, &c, total);
}

/* The data-quality scorecard, grouped by posyandu or by the cadre who measured. */
#define KUALITAS_SQL(LABEL, GROUP)                                                                 \
    "WITH g AS (SELECT g.*, p.nama AS pnama, i.tgl_lahir,"                                         \
    "  COALESCE(g.pengukur, '(tidak tercatat)') || ' - ' || p.nama AS kader,"                      \
    "  (SELECT h.bb FROM pengukuran h WHERE h.anak_id = g.anak_id AND h.tanggal < g.tanggal"       \
    "   ORDER BY h.tanggal DESC LIMIT 1) AS bb_lalu,"                                              \
    "  (SELECT h.tb FROM pengukuran h WHERE h.anak_id = g.anak_id AND h.tanggal < g.tanggal"       \
    "   ORDER BY h.tanggal DESC LIMIT 1) AS tb_lalu"                                               \
    " FROM posyandu p CROSS JOIN pengukuran g ON g.posyandu_id = p.id"                             \
    " CROSS JOIN individu i ON i.id = g.anak_id"                                                   \
    " WHERE (?4 > 0 AND p.id = ?4 OR ?4 = 0 AND p.desa >= ?1 AND p.desa < ?1 || '/')"              \
    "  AND g.tanggal >= ?2 || '-01' AND g.tanggal < date(?2 || '-01', '+1 month'))"                \
    " SELECT " LABEL ", count(*),"                                                                 \
    "  100.0 * sum(f_bbu = 1 OR f_tbu = 1 OR f_bbtb = 1) / count(*),"                              \
    "  avg(CASE WHEN f_tbu = 0 THEN z_tbu * z_tbu END)"                                            \
    "   - avg(CASE WHEN f_tbu = 0 THEN z_tbu END) * avg(CASE WHEN f_tbu = 0 THEN z_tbu END),"      \
    "  avg(CASE WHEN f_bbu = 0 THEN z_bbu * z_bbu END)"                                            \
    "   - avg(CASE WHEN f_bbu = 0 THEN z_bbu END) * avg(CASE WHEN f_bbu = 0 THEN z_bbu END),"      \
    "  100.0 * avg(CASE WHEN bb IS NOT NULL THEN"                                                  \
    "   (CAST(round(bb * 10) AS INTEGER) % 10) IN (0, 5) END),"                                    \
    "  100.0 * avg(CASE WHEN tb IS NOT NULL THEN"                                                  \
    "   (CAST(round(tb * 10) AS INTEGER) % 10) IN (0, 5) END),"                                    \
    "  100.0 * avg(CAST(substr(tgl_lahir, 9, 2) AS INTEGER) IN (1, 15)),"                          \
    "  100.0 * avg(tb IS NULL),"                                                                   \
    "  100.0 * avg(CASE WHEN cara_ukur IS NOT NULL AND umur_hari IS NOT NULL THEN"                 \
    "   (cara_ukur = 'l' AND umur_hari >= 731) OR (cara_ukur = 'h' AND umur_hari < 731) END),"     \
    "  sum(abs(bb - bb_lalu) > 2 OR tb < tb_lalu - 1.5)"                                           \
    " FROM g GROUP BY " GROUP " ORDER BY 3 DESC"

int tb_store_kualitas(tb_store *s, const tb_store_scope *sc, bool per_kader,
                      int (*fn)(void *ctx, const tb_kualitas_row *r), void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, per_kader ? KUALITAS_SQL("kader", "kader")
                                                  : KUALITAS_SQL("pnama", "posyandu_id"));
    if (!st)
        return -1;
    bind_scope(st, sc);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tb_kualitas_row r;
        r.label = (const char *)sqlite3_column_text(st, 0);
        for (int c = 0; c < 10; c++)
            r.v[c] = tb_store_col_real(st, 1 + c);
        if (fn(ctx, &r) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    }
    return step_end(s, rc);
}

int tb_store_survei_stunting(tb_store *s, const char *kabupaten,
                             int (*fn)(void *ctx, const char *survei, int tahun, double pct),
                             void *ctx)
{
    sqlite3_stmt *st = tb_store_stmt(s, "SELECT survei, tahun, stunting FROM survei_prevalensi"
                                        " WHERE wilayah = ?1 ORDER BY tahun DESC");
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, kabupaten, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn(ctx, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
               sqlite3_column_double(st, 2)) < 0) {
            sqlite3_reset(st);
            return -1;
        }
    return step_end(s, rc);
}
