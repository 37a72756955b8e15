/*
 * eppgbm.c - `tumbuh import eppgbm`: e-PPGBM exports (domain
 * reference 6.4) into wilayah, posyandu, individu, anak and pengukuran.
 *
 * One row is one measurement of one child. Children are found by NIK, else
 * by name (desa, birth date, mother: tb_store_individu_put), and kept in
 * memory for the run, so that a child's identity is written once per run
 * (again only when a later measurement brings other values: the latest
 * measurement's values win, whatever the row order, which keeps a second
 * import of the same file from changing anything). Z-scores are computed
 * when a measurement is written; N/T/O/B and 2T are computed in memory for
 * children new to the store whose weighings come in date order, and
 * recomputed from the store (tb_store_kms_recompute) at the end for every
 * child whose weighings changed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "import/kind.h"
#include "store/posyandu.h"
#include "store/individu.h"
#include "store/anak.h"
#include "store/pengukuran.h"
#include "tb_date.h"
#include "tb_kms.h"
#include "tb_match.h"
#include "base/who_tables.h"

enum {
    F_NIK,
    F_NAMA,
    F_JK,
    F_TGL_LAHIR,
    F_BB_LAHIR,
    F_TB_LAHIR,
    F_NAMA_ORTU,
    F_NIK_ORTU,
    F_PROV,
    F_KAB,
    F_KEC,
    F_DESA,
    F_KODE_DESA,
    F_POSYANDU,
    F_RT,
    F_RW,
    F_ALAMAT,
    F_TGL_UKUR,
    F_BB,
    F_TB,
    F_CARA_UKUR,
    F_OEDEMA,
    F_LILA,
    F_LIKA,
    F_VIT_A,
    F_PMT,
    F_KIA,
    F_PUSKESMAS,
    F_KPSP,
    NFIELDS
};

static const imp_field fields[NFIELDS] = {
    [F_NIK] = {"nik", "nik|nikanak|nikbalita|nikbayi"},
    [F_NAMA] = {"nama", "nama|namaanak|namabalita|namabayi|namalengkap|name|childname"},
    [F_JK] = {"jk", "jk|jeniskelamin|kelamin|sex|gender|lp"},
    [F_TGL_LAHIR] = {"tgl_lahir", "tgllahir|tanggallahir|tgllhr|dob|birthdate|dateofbirth"},
    [F_BB_LAHIR] = {"bb_lahir", "bblahir|beratlahir|beratbadanlahir|bblahirkg|birthweight"},
    [F_TB_LAHIR] = {"tb_lahir",
                    "tblahir|pblahir|panjanglahir|panjangbadanlahir|tinggilahir|birthlength"},
    [F_NAMA_ORTU] = {"nama_ortu", "namaortu|namaorangtua|namaibu|namaibukandung|ibu|ortu|"
                                  "mothername|parentname"},
    [F_NIK_ORTU] = {"nik_ortu", "nikortu|nikorangtua|nikibu|mothernik"},
    [F_PROV] = {"prov", "prov|provinsi|province|namaprovinsi"},
    [F_KAB] = {"kab", "kab|kabkota|kabupaten|kabupatenkota|kota|district|namakabupaten"},
    [F_KEC] = {"kec", "kec|kecamatan|subdistrict|namakecamatan"},
    [F_DESA] = {"desa", "desa|desakel|desakelurahan|kelurahan|kel|village|namadesa"},
    [F_KODE_DESA] = {"kode_desa", "kodedesa|kddesa|kodedesakel|kodekelurahan|kodewilayah|"
                                  "villagecode|desacode"},
    [F_POSYANDU] = {"posyandu", "posyandu|namaposyandu"},
    [F_RT] = {"rt", "rt"},
    [F_RW] = {"rw", "rw"},
    [F_ALAMAT] = {"alamat", "alamat|alamatlengkap|address"},
    [F_TGL_UKUR] = {"tgl_ukur", "tanggalpengukuran|tglpengukuran|tglukur|tanggalukur|"
                                "tanggalkunjungan|tglkunjungan|tanggalpenimbangan|"
                                "tglpenimbangan|visitdate|dov|measurementdate|tanggal"},
    [F_BB] = {"bb", "berat|bb|beratbadan|bbkg|weight|weightkg"},
    [F_TB] = {"tb", "tinggi|tb|pb|tinggibadan|panjangbadan|tbpb|pbtb|tbcm|height|length|lenhei"},
    [F_CARA_UKUR] = {"cara_ukur", "caraukur|posisiukur|measure"},
    [F_OEDEMA] = {"oedema", "oedema|edema"},
    [F_LILA] = {"lila", "lila|lingkarlenganatas|muac|armc"},
    [F_LIKA] = {"lika", "lika|lingkarkepala|headc|headcircumference"},
    [F_VIT_A] = {"vit_a", "vita|jmlvita|jumlahvita|vitamina|kapsulvita"},
    [F_PMT] = {"pmt_kg", "pmtditerimakg|pmtditerima|pmt|pmtkg"},
    [F_KIA] = {"buku_kia", "kia|bukukia|punyakia|memilikibukukia|punyabukukia"},
    [F_PUSKESMAS] = {"puskesmas", "puskesmas|namapuskesmas|pkm"},
    [F_KPSP] = {"kpsp", "kpsp|hasilkpsp"},
};

/* KPSP results (developmental screening): the folded answer -> the stored code. */
static const char *const kpsp_codes[][2] = {
    {"s", "sesuai"},
    {"sesuai", "sesuai"},
    {"m", "meragukan"},
    {"meragukan", "meragukan"},
    {"p", "penyimpangan"},
    {"penyimpangan", "penyimpangan"},
    {"adapenyimpangan", "penyimpangan"},
};

/* A prepared row. */
typedef struct {
    char nik[17], nik_ortu[17];
    char nik_raw[48];  /* an unusable NIK as written (kept apart), or "" */
    char nik_why[200]; /* why it is unusable */
    char nama[128], kunci[TB_NAME_KEY_MAX + 1];
    char ortu[128], ortu_kunci[TB_NAME_KEY_MAX + 1];
    int jk;
    long lahir, ukur; /* day numbers */
    char tgl_lahir[11], tgl_ukur[11];
    double bb_lahir, tb_lahir, bb, tb, lila, lika, pmt;
    char cara;
    int oedema, vit_a, kia;
    imp_place w;
    char posyandu[128], puskesmas[128];
    const char *kpsp; /* a code of kpsp_codes, or NULL */
    char rt[16], rw[16], alamat[256];
    tb_growth_result growth; /* computed here, on the reader thread */
} rec;

/* --- prepare: parse and validate ------------------------------------------- */

/* The child's NIK and name, the parent's, and the child's sex. */
static void read_identity(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    imp_reject bad = {0}; /* an unusable NIK keeps the row: kept apart, matched by name */
    if (!imp_nik(m, row, F_NIK, true, r->nik, &bad)) {
        size_t n;
        const char *s = imp_value(m, row, F_NIK, &n);
        imp_shown(s, n, r->nik_raw, sizeof r->nik_raw);
        snprintf(r->nik_why, sizeof r->nik_why, "%s", bad.p[0].reason);
    }
    imp_nik(m, row, F_NIK_ORTU, true, r->nik_ortu, rej);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej)) {
        tb_name_key(r->nama, strlen(r->nama), r->kunci, sizeof r->kunci);
        if (!r->kunci[0])
            imp_problem(rej, F_NAMA, "nama anak kosong");
    }
    if (imp_text(m, row, F_NAMA_ORTU, r->ortu, sizeof r->ortu, rej))
        tb_name_key(r->ortu, strlen(r->ortu), r->ortu_kunci, sizeof r->ortu_kunci);
    if (imp_sex(m, row, F_JK, &r->jk, rej) && !r->jk)
        imp_problem(rej, F_JK, "jenis kelamin kosong");
}

/* The birth and measurement dates: both needed, in order, the child under five then. */
static void read_dates(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    bool dates = imp_date(m, row, F_TGL_LAHIR, false, &r->lahir, rej);
    if (dates && r->lahir == TB_DATE_NONE) {
        imp_problem(rej, F_TGL_LAHIR, "tanggal lahir kosong");
        dates = false;
    }
    bool ukur = imp_date(m, row, F_TGL_UKUR, false, &r->ukur, rej);
    if (ukur && r->ukur == TB_DATE_NONE) {
        imp_problem(rej, F_TGL_UKUR, "tanggal pengukuran kosong");
        ukur = false;
    }
    if (dates && ukur) {
        if (r->ukur < r->lahir)
            imp_problem(rej, F_TGL_UKUR, "tanggal pengukuran sebelum tanggal lahir");
        else if (r->ukur - r->lahir > 1856)
            imp_problem(rej, F_TGL_LAHIR, "umur saat diukur %ld bulan: bukan balita (0-60 bulan)",
                        (long)((r->ukur - r->lahir) / 30.4375));
    }
    if (r->lahir != TB_DATE_NONE)
        imp_iso(r->lahir, r->tgl_lahir);
    if (r->ukur != TB_DATE_NONE)
        imp_iso(r->ukur, r->tgl_ukur);
}

/* How the length/height was measured: 'l' lying, 'h' standing, 0 when not given. */
static void read_cara_ukur(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, F_CARA_UKUR, &n);
    if (!n)
        return;
    char f[32];
    imp_fold(s, n > 30 ? 30 : n, f, sizeof f);
    if (!strcmp(f, "l") || !strcmp(f, "terlentang") || !strcmp(f, "berbaring") ||
        !strcmp(f, "pb") || !strcmp(f, "length") || !strcmp(f, "recumbent"))
        r->cara = 'l';
    else if (!strcmp(f, "h") || !strcmp(f, "berdiri") || !strcmp(f, "tb") || !strcmp(f, "height") ||
             !strcmp(f, "standing"))
        r->cara = 'h';
    else
        imp_problem(rej, F_CARA_UKUR, "cara ukur '%.30s' bukan berdiri/terlentang", s);
}

/* Vitamin A: yes/no (one capsule or none) or a count of capsules. */
static void read_vit_a(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    int yn;
    double va;
    size_t n;
    const char *s = imp_value(m, row, F_VIT_A, &n);
    if (n && imp_yesno(m, row, F_VIT_A, &yn, &(imp_reject){0})) {
        r->vit_a = yn == 1;
    } else if (imp_number(m, row, F_VIT_A, &va, rej) && !isnan(va)) {
        if (va < 0 || va > 20 || va != floor(va))
            imp_problem(rej, F_VIT_A, "jumlah vitamin A '%.20s' tidak sah", s);
        else
            r->vit_a = (int)va;
    }
}

/* The measurements (at least one of weight, height, LiLA, LiKA), birth size, PMT, oedema, KIA. */
static void read_measurements(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    imp_number_in(m, row, F_BB, 0.5, 40, "kg", &r->bb, rej);
    imp_number_in(m, row, F_TB, 35, 130, "cm", &r->tb, rej);
    imp_number_in(m, row, F_LILA, 5, 30, "cm", &r->lila, rej);
    imp_number_in(m, row, F_LIKA, 25, 60, "cm", &r->lika, rej);
    if (isnan(r->bb) && isnan(r->tb) && isnan(r->lila) && isnan(r->lika) && !rej->n)
        imp_problem(rej, F_BB, "tidak ada hasil ukur (berat, tinggi, LiLA atau LiKA)");
    if (imp_number(m, row, F_BB_LAHIR, &r->bb_lahir, rej)) {
        if (r->bb_lahir >= 300) /* written in grams */
            r->bb_lahir /= 1000;
        imp_in_range(rej, F_BB_LAHIR, r->bb_lahir, 0.3, 7, "kg");
    }
    imp_number_in(m, row, F_TB_LAHIR, 25, 65, "cm", &r->tb_lahir, rej);
    imp_number_in(m, row, F_PMT, 0, 100, "kg", &r->pmt, rej);
    read_cara_ukur(m, row, r, rej);
    int yn;
    if (imp_yesno(m, row, F_OEDEMA, &yn, rej))
        r->oedema = yn == 1;
    if (imp_yesno(m, row, F_KIA, &r->kia, rej) == false)
        r->kia = -1;
    read_vit_a(m, row, r, rej);
}

/* The KPSP result as one of kpsp_codes. */
static void read_kpsp(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, F_KPSP, &n);
    if (!n)
        return;
    char f[32];
    imp_fold(s, n > 30 ? 30 : n, f, sizeof f);
    for (size_t i = 0; i < sizeof kpsp_codes / sizeof *kpsp_codes && !r->kpsp; i++)
        if (!strcmp(f, kpsp_codes[i][0]))
            r->kpsp = kpsp_codes[i][1];
    if (!r->kpsp)
        imp_problem(rej, F_KPSP, "hasil KPSP '%.30s' bukan Sesuai/Meragukan/Penyimpangan", s);
}

/* Where: the desa, posyandu, puskesmas, and the address; with the KPSP result between. */
static void read_where(const imp *m, const tb_csv_row *row, rec *r, imp_reject *rej)
{
    static const imp_place_cols where = {F_KODE_DESA, F_PROV, F_KAB, F_KEC, F_DESA};
    imp_read_place(m, row, &where, &r->w, rej);
    imp_text(m, row, F_POSYANDU, r->posyandu, sizeof r->posyandu, rej);
    imp_text(m, row, F_PUSKESMAS, r->puskesmas, sizeof r->puskesmas, rej);
    read_kpsp(m, row, r, rej);
    imp_text(m, row, F_RT, r->rt, sizeof r->rt, rej);
    imp_text(m, row, F_RW, r->rw, sizeof r->rw, rej);
    imp_text(m, row, F_ALAMAT, r->alamat, sizeof r->alamat, rej);
}

/* The z-scores of a valid row, as tb_store_pengukuran_put computes them. */
static void compute_growth(rec *r)
{
    tb_growth_input in;
    tb_growth_input_init(&in);
    in.sex = r->jk == 1 ? TB_SEX_MALE : TB_SEX_FEMALE;
    in.age_days = (double)(r->ukur - r->lahir);
    in.weight = r->bb;
    in.lenhei = r->tb;
    in.measure = r->cara == 'l'   ? TB_MEASURE_LENGTH
                 : r->cara == 'h' ? TB_MEASURE_HEIGHT
                                  : TB_MEASURE_MISSING;
    in.oedema = r->oedema;
    in.armc = r->lila;
    in.headc = r->lika;
    tb_growth_compute(&tb_who_tables_builtin, &in, &r->growth);
}

/* Moves row r's NIK apart (nik_raw) with why. */
static void nik_apart(rec *r, const char *why)
{
    snprintf(r->nik_raw, sizeof r->nik_raw, "%s", r->nik);
    snprintf(r->nik_why, sizeof r->nik_why, "%s", why);
    r->nik[0] = 0;
}

/* A NIK whose birth date or sex is not the row's is not this child's: kept apart. */
static void nik_agrees(rec *r)
{
    char why[200];
    if (r->nik[0] && r->tgl_lahir[0] &&
        tb_nik_problem(r->nik, r->tgl_lahir, r->jk, why, sizeof why))
        nik_apart(r, why);
}

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    read_identity(m, row, r, rej);
    read_dates(m, row, r, rej);
    if (r->nik[0] && !strcmp(r->nik, r->nik_ortu)) /* a child registered under the parent's NIK */
        nik_apart(r, "NIK anak sama dengan NIK orang tua: NIK orang tua, bukan NIK anak");
    nik_agrees(r);
    read_measurements(m, row, r, rej);
    read_where(m, row, r, rej);
    if (!rej->n) /* computed here, on the reader thread */
        compute_growth(r);
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    const char *miss = m->col[F_NAMA] < 0                     ? "nama"
                       : m->col[F_JK] < 0                     ? "jk (jenis kelamin)"
                       : m->col[F_TGL_LAHIR] < 0              ? "tgl_lahir"
                       : m->col[F_TGL_UKUR] < 0               ? "tgl_ukur (tanggal pengukuran)"
                       : m->col[F_BB] < 0 && m->col[F_TB] < 0 ? "bb (berat) atau tb (tinggi)"
                       : m->col[F_KODE_DESA] < 0 && m->col[F_DESA] < 0 ? "kode_desa atau desa"
                                                                       : NULL;
    if (miss) {
        snprintf(err, errlen,
                 "kolom %s tidak ada (judul kolom di baris 1; pakai --map JUDUL=%s bila namanya "
                 "lain)",
                 miss, strchr(miss, ' ') ? "FIELD" : miss);
        return -1;
    }
    return 0;
}

/* --- store ---------------------------------------------------------------------- */

typedef struct {
    long day;
    long line;
    int age;
    double weight;
    int next;
} weighing;

typedef struct {
    long id, ibu_id;
    uint64_t fp;     /* fingerprint of the values last written this run (0: none) */
    long attr_day;   /* measurement day those values came with */
    bool named;      /* found by name: the stored name is kept */
    bool fresh;      /* no weighing in the store before this run: every weighing is in w[] */
    bool ordered;    /* this run's weighings came in date order (N/T/O/B precomputed) */
    bool touched;    /* a weighing was written: recompute */
    int first, last; /* this run's weighings (indexes into w), -1 */
    int nw;
    long lahir; /* birth day and sex of the row that made it (a NIK's owner) */
    int jk;
} child;

typedef struct {
    imp_map children; /* identity key -> index into c */
    imp_map by_id;    /* individu id -> index into c */
    imp_map posyandu; /* desa|name -> id */
    imp_map mothers;  /* NIK -> individu id */
    child *c;
    long nc, capc;
    weighing *w;
    long nw, capw;
    const rec *cur; /* the row being stored (for the twin check) */
    imp *m;
    /* measurements of children new to the store, written TB_PENGUKURAN_BATCH at a time */
    tb_pengukuran pend[TB_PENGUKURAN_BATCH];
    tb_growth_result pend_growth[TB_PENGUKURAN_BATCH];
    char pend_lahir[TB_PENGUKURAN_BATCH][11];
    const char *pend_lahir_p[TB_PENGUKURAN_BATCH];
    int pend_jk[TB_PENGUKURAN_BATCH];
    int npend;
    bool bulk; /* pengukuran was empty: its indexes are rebuilt at the end */
} state;

static int flush(state *st)
{
    if (st->npend && tb_store_pengukuran_insert_many(st->m->store, st->pend, st->pend_lahir_p,
                                                     st->pend_jk, st->npend))
        return -1;
    st->npend = 0;
    return 0;
}

static int begin(imp *m)
{
    state *st = calloc(1, sizeof *st);
    if (!st)
        return tb_store_fail(m->store, "out of memory");
    st->m = m;
    for (int i = 0; i < TB_PENGUKURAN_BATCH; i++)
        st->pend_lahir_p[i] = st->pend_lahir[i];
    m->state = st;
    int bulk = tb_store_pengukuran_bulk_begin(m->store);
    if (bulk < 0)
        return -1;
    st->bulk = bulk;
    return 0;
}

static void cleanup(imp *m)
{
    state *st = m->state;
    if (!st)
        return;
    imp_map_free(&st->children);
    imp_map_free(&st->by_id);
    imp_map_free(&st->posyandu);
    imp_map_free(&st->mothers);
    free(st->c);
    free(st->w);
    free(st);
    m->state = NULL;
}

/* A candidate with another name who was measured on this row's date is another child (a twin). */
static bool twin(void *ctx, long id, const char *nama_kunci)
{
    (void)nama_kunci;
    state *st = ctx;
    long *ci = imp_map_get(&st->by_id, (const char *)&id, sizeof id);
    if (ci)
        for (int k = st->c[*ci].first; k >= 0; k = st->w[k].next)
            if (st->w[k].day == st->cur->ukur)
                return true;
    /* in a bulk load every measurement in the store came from this run */
    return !st->bulk && tb_store_pengukuran_on(st->m->store, id, st->cur->tgl_ukur) == 1;
}

static long new_child(state *st, const char *key, size_t klen, long id)
{
    child *c = imp_grow(st->c, st->nc, &st->capc, sizeof *c, 4096);
    if (!c)
        return -1;
    st->c = c;
    long ci = st->nc++;
    memset(&st->c[ci], 0, sizeof st->c[ci]);
    st->c[ci].id = id;
    st->c[ci].first = st->c[ci].last = -1;
    st->c[ci].attr_day = TB_DATE_NONE; /* before every date */
    if (!imp_map_put(&st->children, key, klen, ci) ||
        !imp_map_put(&st->by_id, (const char *)&id, sizeof id, ci))
        return -1;
    return ci;
}

static uint64_t fingerprint(const rec *r, const char *desa, long posyandu_id)
{
    uint64_t h = IMP_HASH_INIT;
    const char *t[] = {r->nik, r->nama,   r->tgl_lahir, desa,   r->rt,
                       r->rw,  r->alamat, r->nik_ortu,  r->ortu};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        h = imp_hash(h, t[i], strlen(t[i]) + 1);
    h = imp_hash(h, &r->jk, sizeof r->jk);
    h = imp_hash(h, &r->bb_lahir, sizeof r->bb_lahir);
    h = imp_hash(h, &r->tb_lahir, sizeof r->tb_lahir);
    h = imp_hash(h, &r->kia, sizeof r->kia);
    h = imp_hash(h, &posyandu_id, sizeof posyandu_id);
    return h | 1;
}

/* The outcome of a row from the outcomes of its writes. */
static void merge(int *row, int put)
{
    if (put == TB_PUT_INSERTED || put == TB_PUT_UPDATED)
        if (*row == TB_PUT_UNCHANGED)
            *row = TB_PUT_UPDATED;
}

/* The child of row r as the matcher sees it: identity, desa, mother's name key, twins. */
static tb_individu child_person(state *st, const rec *r, const char *desa)
{
    return (tb_individu){.nik = r->nik,
                         .nik_belum_valid = r->nik_raw,
                         .nama = r->nama,
                         .nama_kunci = r->kunci,
                         .jk = r->jk,
                         .tgl_lahir = r->tgl_lahir,
                         .desa = desa,
                         .ibu_kunci = r->ortu_kunci,
                         .exclude = twin,
                         .exclude_ctx = st};
}

/* Writes the child's identity (mother, individu, anak). 0 or -1. */
static int write_child(state *st, const rec *r, const char *desa, long posyandu_id, child *c,
                       int *outcome, bool *by_name, long *id)
{
    tb_store *s = st->m->store;
    int out;
    long ibu = 0;
    if (r->nik_ortu[0]) {
        long *known = imp_map_get(&st->mothers, r->nik_ortu, 16);
        if (known) {
            ibu = *known;
        } else {
            tb_individu mo = {.nik = r->nik_ortu,
                              .nama = r->ortu,
                              .nama_kunci = r->ortu_kunci,
                              .desa = desa,
                              .rt = r->rt,
                              .rw = r->rw,
                              .alamat = r->alamat};
            if (tb_store_individu_put(s, &mo, &ibu, &out, NULL))
                return -1;
            merge(outcome, out);
            if (!imp_map_put(&st->mothers, r->nik_ortu, 16, ibu))
                return tb_store_fail(s, "out of memory");
        }
    }
    tb_individu p = child_person(st, r, desa);
    p.rt = r->rt;
    p.rw = r->rw;
    p.alamat = r->alamat;
    p.ibu_id = ibu;
    p.peran = "anak";
    p.id = c ? c->id : *id ? *id : -1; /* looked up already */
    p.id_by_name = *by_name;
    if (tb_store_individu_put(s, &p, id, &out, by_name))
        return -1;
    if (out == TB_PUT_INSERTED)
        *outcome = TB_PUT_INSERTED;
    else
        merge(outcome, out);
    tb_anak a;
    tb_anak_init(&a);
    a.individu_id = *id;
    a.bb_lahir = r->bb_lahir;
    a.pb_lahir = r->tb_lahir;
    a.nama_ortu = r->ortu;
    a.posyandu_id = posyandu_id;
    a.buku_kia = r->kia;
    if (tb_store_anak_put(s, &a, &out))
        return -1;
    merge(outcome, out);
    if (c)
        c->ibu_id = ibu;
    return 0;
}

/* The posyandu of row r in desa, created (with its puskesmas) at its first row this run: id, 0, -1.
 */
static long row_posyandu(state *st, const rec *r, const char *desa, int *outcome)
{
    if (!r->posyandu[0])
        return 0;
    tb_store *s = st->m->store;
    char key[160];
    size_t dl = strlen(desa), pl = strlen(r->posyandu), kn = dl + 1 + pl;
    memcpy(key, desa, dl);
    key[dl] = '|';
    memcpy(key + dl + 1, r->posyandu, pl);
    long *v = imp_map_get(&st->posyandu, key, kn);
    if (v)
        return *v;
    long posyandu_id = tb_store_posyandu_ensure(s, desa, r->posyandu);
    if (posyandu_id < 0)
        return -1;
    if (!imp_map_put(&st->posyandu, key, kn, posyandu_id))
        return tb_store_fail(s, "out of memory");
    if (r->puskesmas[0]) { /* the posyandu's first row this run names its puskesmas */
        long pkm = tb_store_puskesmas_ensure(s, desa, r->puskesmas);
        int out;
        if (pkm < 0 || tb_store_posyandu_set_puskesmas(s, posyandu_id, pkm, &out))
            return -1;
        merge(outcome, out);
    }
    return posyandu_id;
}

/* The run's key of row r's child into key: 'N' NIK, else 'K' desa|name|birth|mother|. Its length.
 */
static size_t child_key(const rec *r, const char *desa, char key[TB_NAME_KEY_MAX * 2 + 64])
{
    size_t kn = 0;
    if (r->nik[0]) {
        key[kn++] = 'N';
        memcpy(key + kn, r->nik, 16);
        return kn + 16;
    }
    const char *parts[4] = {desa, r->kunci, r->tgl_lahir,
                            r->nik_ortu[0] ? r->nik_ortu : r->ortu_kunci};
    key[kn++] = 'K';
    for (int i = 0; i < 4; i++) {
        size_t l = strlen(parts[i]);
        memcpy(key + kn, parts[i], l);
        kn += l;
        key[kn++] = '|';
    }
    return kn;
}

/* Rewrites child ci's identity when row r (not older) brings other values (fingerprint fp). 0/-1.
 */
static int refresh_child(state *st, long ci, const rec *r, const char *desa, long posyandu_id,
                         uint64_t fp, int *outcome)
{
    child *c = &st->c[ci];
    if (c->fp == fp || r->ukur < c->attr_day)
        return 0;
    bool bn = c->named;
    long id = c->id;
    if (write_child(st, r, desa, posyandu_id, c, outcome, &bn, &id))
        return -1;
    st->c[ci].fp = fp;
    st->c[ci].attr_day = r->ukur;
    return 0;
}

/* Writes a child new to this run (id: found in the store, or 0) and caches it: index, or -1. */
static long write_new_child(state *st, const rec *r, const char *desa, long posyandu_id,
                            const char *key, size_t kn, uint64_t fp, long id, bool *by_name,
                            int *outcome)
{
    int out = TB_PUT_UNCHANGED;
    if (write_child(st, r, desa, posyandu_id, NULL, &out, by_name, &id))
        return -1;
    long ci = new_child(st, key, kn, id);
    if (ci < 0)
        return tb_store_fail(st->m->store, "out of memory");
    child *c = &st->c[ci];
    c->fp = fp;
    c->attr_day = r->ukur;
    c->named = *by_name;
    c->fresh = out == TB_PUT_INSERTED || st->bulk; /* no stored weighings */
    c->ordered = true;
    merge(outcome, out == TB_PUT_INSERTED ? TB_PUT_UPDATED : out);
    return ci;
}

/* The child of a row not seen under this key this run: looked up by NIK or name, written. */
static long first_row_of_child(state *st, const rec *r, const char *desa, long posyandu_id,
                               const char *key, size_t kn, uint64_t fp, bool *by_name, int *outcome)
{
    tb_store *s = st->m->store;
    tb_individu p = child_person(st, r, desa);
    if (r->nik_ortu[0]) {
        long *known = imp_map_get(&st->mothers, r->nik_ortu, 16);
        if (known)
            p.ibu_id = *known;
    }
    long id = 0;
    if (tb_store_individu_find(s, &p, &id, by_name) < 0)
        return -1;
    long last = TB_DATE_NONE; /* before every date */
    if (id && !st->bulk && tb_store_pengukuran_last_day(s, id, &last) < 0)
        return -1;
    long *dup = id ? imp_map_get(&st->by_id, (const char *)&id, sizeof id) : NULL;
    if (dup) {
        /* the same child under another key (e.g. found by name, now with a NIK) */
        long ci = *dup;
        if (!imp_map_put(&st->children, key, kn, ci))
            return tb_store_fail(s, "out of memory");
        return refresh_child(st, ci, r, desa, posyandu_id, fp, outcome) ? -1 : ci;
    }
    if (id)
        st->m->children_matched++; /* a child of the file already stored */
    else
        st->m->children_new++;
    if (id && r->ukur < last) {
        /* an older measurement than the store has: the stored identity stays */
        long ci = new_child(st, key, kn, id);
        if (ci < 0)
            return tb_store_fail(s, "out of memory");
        st->c[ci].attr_day = last;
        st->c[ci].named = *by_name;
        return ci;
    }
    return write_new_child(st, r, desa, posyandu_id, key, kn, fp, id, by_name, outcome);
}

/* The child of row r: known this run, else looked up (and written). Its index, or -1. */
static long find_child(state *st, const rec *r, const char *desa, long posyandu_id, bool *by_name,
                       int *outcome)
{
    char key[TB_NAME_KEY_MAX * 2 + 64];
    size_t kn = child_key(r, desa, key);
    long *cip = imp_map_get(&st->children, key, kn);
    uint64_t fp = fingerprint(r, desa, posyandu_id);
    if (!cip)
        return first_row_of_child(st, r, desa, posyandu_id, key, kn, fp, by_name, outcome);
    if (!r->nik[0])
        *by_name = true; /* recognised by name, birth date, desa and mother */
    return refresh_child(st, *cip, r, desa, posyandu_id, fp, outcome) ? -1 : *cip;
}

/* True (and a problem) when child c already has a measurement on row r's date. */
static bool measured_on_day(const state *st, const child *c, const rec *r, imp_reject *rej)
{
    for (int k = c->first; k >= 0; k = st->w[k].next) {
        if (st->w[k].day == r->ukur) {
            imp_problem(rej, F_TGL_UKUR,
                        "anak ini sudah diukur pada tanggal %s di baris %ld (pengukuran ganda)",
                        r->tgl_ukur, st->w[k].line);
            return true;
        }
    }
    return false;
}

/* The measurement of row r for child anak_id. */
static void measurement(const rec *r, long anak_id, long posyandu_id, tb_pengukuran *p)
{
    tb_pengukuran_init(p);
    p->anak_id = anak_id;
    memcpy(p->tanggal, r->tgl_ukur, 11);
    p->posyandu_id = posyandu_id;
    p->bb = r->bb;
    p->tb = r->tb;
    p->cara_ukur = r->cara;
    p->oedema = r->oedema;
    p->lila = r->lila;
    p->lika = r->lika;
    p->vit_a = r->vit_a;
    p->pmt_kg = r->pmt;
    p->kpsp = r->kpsp; /* a string constant: safe in the pending batch */
    p->growth = &r->growth;
}

/* N/T/O/B of row r's weighing into p when every weighing of child c is known and in order. */
static void kms_status(state *st, child *c, const rec *r, tb_pengukuran *p)
{
    if (!c->fresh || !c->ordered || (c->last >= 0 && st->w[c->last].day >= r->ukur) ||
        c->nw >= 255) {
        c->ordered = false;
        return;
    }
    /* the new weighing's status depends on the few before it: the last 8 are plenty */
    tb_weighing hist[256];
    tb_kms_status out[256];
    int n = 0, skip = c->nw > 8 ? c->nw - 8 : 0;
    for (int k = c->first; k >= 0; k = st->w[k].next)
        if (skip-- <= 0)
            hist[n++] = (tb_weighing){st->w[k].day, st->w[k].age, st->w[k].weight};
    hist[n++] = (tb_weighing){r->ukur, (int)(r->ukur - r->lahir), r->bb};
    /* one result per month: the status needs this month, the previous
     * weighed month and the one before it (whose result decides that month's
     * status); when the last 8 do not span three, leave it to the recompute */
    if (c->nw > 8) {
        int months = 0;
        long mo = -1;
        for (int i = n - 1; i >= 0; i--)
            if (!isnan(hist[i].weight) && tb_kms_month(hist[i].day) != mo) {
                mo = tb_kms_month(hist[i].day);
                months++;
            }
        if (months < 3) {
            c->ordered = false;
            return;
        }
    }
    tb_kms_status_many(tb_store_kbm(st->m->store), hist, n, out);
    p->naik = (char)out[n - 1].naik;
    p->t2 = out[n - 1].t2;
}

/* Appends row r's weighing (file line) to child c's list. 0, or -1 out of memory. */
static int add_weighing(state *st, child *c, const rec *r, long line)
{
    weighing *w = imp_grow(st->w, st->nw, &st->capw, sizeof *w, 65536);
    if (!w)
        return -1;
    st->w = w;
    int wi = (int)st->nw++;
    st->w[wi] = (weighing){r->ukur, line, (int)(r->ukur - r->lahir), r->bb, -1};
    if (c->last >= 0)
        st->w[c->last].next = wi;
    else
        c->first = wi;
    c->last = wi;
    c->nw++;
    return 0;
}

/* Writes measurement p of child c: batched when the store cannot have one yet. 0 or -1. */
static int write_measurement(state *st, child *c, const rec *r, const tb_pengukuran *p,
                             int *outcome)
{
    int out;
    if (c->fresh) {
        int k = st->npend++;
        st->pend[k] = *p;
        st->pend_growth[k] = r->growth;
        st->pend[k].growth = &st->pend_growth[k];
        memcpy(st->pend_lahir[k], r->tgl_lahir, 11);
        st->pend_jk[k] = r->jk;
        if (st->npend == TB_PENGUKURAN_BATCH && flush(st))
            return -1;
        out = TB_PUT_INSERTED;
    } else if (tb_store_pengukuran_put(st->m->store, p, r->tgl_lahir, r->jk, &out)) {
        return -1;
    }
    if (out != TB_PUT_UNCHANGED)
        c->touched = true;
    if (out == TB_PUT_INSERTED)
        *outcome = TB_PUT_INSERTED;
    else
        merge(outcome, out);
    return 0;
}

/* True when row r's NIK belongs, this run, to a child of another birth date or sex. */
static bool nik_taken(state *st, const rec *r)
{
    char key[17] = "N";
    memcpy(key + 1, r->nik, 16);
    long *ci = imp_map_get(&st->children, key, 17);
    return ci && st->c[*ci].jk && (st->c[*ci].lahir != r->lahir || st->c[*ci].jk != r->jk);
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    state *st = m->state;
    rec *r = vr;
    st->cur = r;
    *outcome = TB_PUT_UNCHANGED;
    if (r->nik[0] && nik_taken(st, r))
        nik_apart(r, "NIK sama dengan anak lain (tanggal lahir/jenis kelamin berbeda)");
    char desa[16];
    int d = imp_desa(m, r->w.kode_desa, r->w.prov, r->w.kab, r->w.kec, r->w.desa, F_KODE_DESA,
                     F_DESA, desa, rej);
    if (d)
        return d < 0 ? -1 : 0;
    long posyandu_id = row_posyandu(st, r, desa, outcome);
    if (posyandu_id < 0)
        return -1;
    bool by_name = false;
    long ci = find_child(st, r, desa, posyandu_id, &by_name, outcome);
    if (ci < 0)
        return -1;
    child *c = &st->c[ci];
    if (!c->jk) {
        c->lahir = r->lahir;
        c->jk = r->jk;
    }
    if (r->nik_raw[0] && imp_nik_unusable(m, row->line, r->nik_raw, r->nama, r->nik_why))
        return -1;
    if (measured_on_day(st, c, r, rej)) { /* one measurement per child and day */
        *outcome = TB_PUT_UNCHANGED;
        return 0;
    }
    if (by_name)
        m->matched_by_name++;
    tb_pengukuran p;
    measurement(r, c->id, posyandu_id, &p);
    kms_status(st, c, r, &p);
    if (add_weighing(st, c, r, row->line))
        return tb_store_fail(m->store, "out of memory");
    return write_measurement(st, c, r, &p, outcome);
}

static int end(imp *m)
{
    state *st = m->state;
    if (flush(st) || (st->bulk && tb_store_pengukuran_bulk_end(m->store)))
        return -1;
    /* N/T/O/B of new children whose weighings came in date order is already right */
    for (long i = 0; i < st->nc; i++)
        if (st->c[i].touched && !(st->c[i].fresh && st->c[i].ordered) &&
            tb_store_kms_recompute(m->store, st->c[i].id))
            return -1;
    /* Foreign keys (not checked per row): every id written came from these caches. */
    for (long i = 0; i < st->nc; i++) {
        int r = tb_store_row_exists(m->store, "anak", st->c[i].id);
        if (r <= 0)
            return r < 0 ? -1 : tb_store_fail(m->store, "anak %ld hilang", st->c[i].id);
    }
    const imp_map *maps[2] = {&st->posyandu, &st->mothers};
    const char *tables[2] = {"posyandu", "individu"};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < maps[k]->nslots; i++) {
            if (!maps[k]->slots[i].hash)
                continue;
            int r = tb_store_row_exists(m->store, tables[k], maps[k]->slots[i].val);
            if (r <= 0)
                return r < 0 ? -1
                             : tb_store_fail(m->store, "%s %ld hilang", tables[k],
                                             maps[k]->slots[i].val);
        }
    }
    return imp_desa_verify(m);
}

const imp_kind imp_kind_eppgbm = {
    .name = "eppgbm",
    .summary = "pengukuran balita dari ekspor e-PPGBM (anak, posyandu, BB/TB, z-score)",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .begin = begin,
    .store = store,
    .end = end,
    .cleanup = cleanup,
    .matched_by_name = true,
    .foreign_keys_checked_at_end = true,
};
