/*
 * catin.c - `tumbuh import catin`: Elsimil-style screenings of
 * brides- and grooms-to-be (domain reference section 4) into individu
 * (peran catin) and catin, with the result (ideal / berisiko) and its
 * factors from the active 'elsimil' rule in ref_versi:
 *   umur_muda        age at the exam below umur_min
 *   imt_kurang       BMI below imt_min; imt_lebih above imt_maks (when the rule has it)
 *   lila_kurang      LiLA below lila_min (women)
 *   anemia           Hb below hb_min (women; men: hb_min_laki when the rule has it)
 *   lingkar_perut    above lingkar_perut_maks_perempuan / _laki (when the rule has them)
 *   merokok          when the rule says merokok_berisiko: true
 * A screening with none of these values evaluated has no result.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/kind.h"
#include "tb_date.h"
#include "store/individu.h"
#include "store/catin.h"
#include "tb_elsimil.h"
#include "tb_match.h"

enum {
    F_NIK,
    F_NAMA,
    F_JK,
    F_TGL_LAHIR,
    F_KODE_DESA,
    F_PROV,
    F_KAB,
    F_KEC,
    F_DESA,
    F_RT,
    F_RW,
    F_ALAMAT,
    F_TGL_PERIKSA,
    F_RENCANA_NIKAH,
    F_BB,
    F_TB,
    F_LILA,
    F_HB,
    F_LINGKAR_PERUT,
    F_MEROKOK,
    F_SERTIFIKAT,
    NFIELDS
};

static const imp_field fields[NFIELDS] = {
    [F_NIK] = {"nik", "nik|nikcatin"},
    [F_NAMA] = {"nama", "nama|namacatin|namalengkap|name"},
    [F_JK] = {"jk", "jk|jeniskelamin|kelamin|sex|gender"},
    [F_TGL_LAHIR] = {"tgl_lahir", "tgllahir|tanggallahir|dob|birthdate"},
    [F_KODE_DESA] = {"kode_desa", "kodedesa|kddesa|kodewilayah|kodedesakel|kodekelurahan"},
    [F_PROV] = {"prov", "prov|provinsi"},
    [F_KAB] = {"kab", "kab|kabkota|kabupaten|kabupatenkota|kota"},
    [F_KEC] = {"kec", "kec|kecamatan"},
    [F_DESA] = {"desa", "desa|desakel|desakelurahan|kelurahan|kel"},
    [F_RT] = {"rt", "rt"},
    [F_RW] = {"rw", "rw"},
    [F_ALAMAT] = {"alamat", "alamat|address"},
    [F_TGL_PERIKSA] = {"tgl_periksa", "tglperiksa|tanggalperiksa|tanggalpemeriksaan|"
                                      "tglpemeriksaan|tglskrining|tanggalskrining|tanggal"},
    [F_RENCANA_NIKAH] = {"tgl_rencana_nikah", "rencananikah|tglrencananikah|tanggalrencananikah|"
                                              "tanggalpernikahan|tglnikah|rencanatanggalnikah"},
    [F_BB] = {"bb", "bb|berat|beratbadan|bbkg"},
    [F_TB] = {"tb", "tb|tinggi|tinggibadan|tbcm"},
    [F_LILA] = {"lila", "lila|lingkarlenganatas"},
    [F_HB] = {"hb", "hb|hemoglobin|kadarhb"},
    [F_LINGKAR_PERUT] = {"lingkar_perut", "lingkarperut|lingkarpinggang|waist"},
    [F_MEROKOK] = {"merokok", "merokok|perokok|statusmerokok|rokok"},
    [F_SERTIFIKAT] = {"no_sertifikat", "nosertifikat|nomorsertifikat|sertifikat"},
};

typedef struct {
    char nik[17];
    char nama[128], kunci[TB_NAME_KEY_MAX + 1];
    int jk, merokok;
    long lahir, periksa, nikah;
    char tgl_lahir[11], tgl_periksa[11], tgl_nikah[11];
    imp_place w;
    char rt[16], rw[16], alamat[256], sertifikat[64];
    double bb, tb, lila, hb, perut;
} rec;

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    imp_nik(m, row, F_NIK, true, r->nik, rej);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej)) {
        tb_name_key(r->nama, strlen(r->nama), r->kunci, sizeof r->kunci);
        if (!r->kunci[0])
            imp_problem(rej, F_NAMA, "nama kosong");
    }
    if (imp_sex(m, row, F_JK, &r->jk, rej) && !r->jk)
        imp_problem(rej, F_JK, "jenis kelamin kosong");
    if (imp_date(m, row, F_TGL_LAHIR, false, &r->lahir, rej) && r->lahir == TB_DATE_NONE)
        imp_problem(rej, F_TGL_LAHIR, "tanggal lahir kosong");
    if (imp_date(m, row, F_TGL_PERIKSA, false, &r->periksa, rej) && r->periksa == TB_DATE_NONE)
        imp_problem(rej, F_TGL_PERIKSA, "tanggal periksa kosong");
    imp_date(m, row, F_RENCANA_NIKAH, true, &r->nikah, rej);
    if (r->lahir != TB_DATE_NONE && r->periksa != TB_DATE_NONE) {
        double age = (r->periksa - r->lahir) / 365.25;
        if (age < 12 || age > 80)
            imp_problem(rej, F_TGL_LAHIR, "umur saat periksa %.0f tahun tidak wajar untuk catin",
                        floor(age));
    }
    if (r->lahir != TB_DATE_NONE)
        imp_iso(r->lahir, r->tgl_lahir);
    if (r->periksa != TB_DATE_NONE)
        imp_iso(r->periksa, r->tgl_periksa);
    if (r->nikah != TB_DATE_NONE)
        imp_iso(r->nikah, r->tgl_nikah);
    imp_number_in(m, row, F_BB, 25, 200, "kg", &r->bb, rej);
    imp_number_in(m, row, F_TB, 120, 210, "cm", &r->tb, rej);
    imp_number_in(m, row, F_LILA, 10, 60, "cm", &r->lila, rej);
    imp_number_in(m, row, F_HB, 3, 25, "g/dL", &r->hb, rej);
    imp_number_in(m, row, F_LINGKAR_PERUT, 40, 200, "cm", &r->perut, rej);
    if (isnan(r->bb) && isnan(r->tb) && isnan(r->lila) && isnan(r->hb) && isnan(r->perut) &&
        !rej->n)
        imp_problem(rej, F_LILA, "tidak ada hasil pemeriksaan (BB, TB, LiLA, Hb, lingkar perut)");
    int yn;
    if (imp_yesno(m, row, F_MEROKOK, &yn, rej))
        r->merokok = yn == 1;
    static const imp_place_cols where = {F_KODE_DESA, F_PROV, F_KAB, F_KEC, F_DESA};
    imp_read_place(m, row, &where, &r->w, rej);
    imp_text(m, row, F_RT, r->rt, sizeof r->rt, rej);
    imp_text(m, row, F_RW, r->rw, sizeof r->rw, rej);
    imp_text(m, row, F_ALAMAT, r->alamat, sizeof r->alamat, rej);
    imp_text(m, row, F_SERTIFIKAT, r->sertifikat, sizeof r->sertifikat, rej);
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    const char *miss = m->col[F_NAMA] < 0                              ? "nama"
                       : m->col[F_JK] < 0                              ? "jk"
                       : m->col[F_TGL_LAHIR] < 0                       ? "tgl_lahir"
                       : m->col[F_TGL_PERIKSA] < 0                     ? "tgl_periksa"
                       : m->col[F_KODE_DESA] < 0 && m->col[F_DESA] < 0 ? "kode_desa"
                                                                       : NULL;
    if (miss) {
        snprintf(err, errlen,
                 "kolom %s tidak ada (judul kolom di baris 1; pakai --map JUDUL=%s bila namanya "
                 "lain)",
                 miss, miss);
        return -1;
    }
    return 0;
}

/* The Elsimil rule in force (store/catin.h reads it; lib/elsimil.c judges). */
typedef struct {
    char versi[64];
    tb_elsimil_rule rule;
} rule;

static int begin(imp *m)
{
    rule *r = calloc(1, sizeof *r);
    if (!r)
        return tb_store_fail(m->store, "out of memory");
    m->state = r;
    int have = tb_store_elsimil_rule(m->store, &r->rule, r->versi, sizeof r->versi);
    if (have < 0)
        return -1;
    if (!have) {
        snprintf(m->err, sizeof m->err,
                 "tidak ada aturan Elsimil aktif (ref_versi jenis 'elsimil' dengan data JSON"
                 " yang sah)");
        return -1;
    }
    return 0;
}

static void cleanup(imp *m)
{
    free(m->state);
    m->state = NULL;
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    (void)row;
    const rule *ru = m->state;
    const rec *r = vr;
    char desa[16];
    int d = imp_desa(m, r->w.kode_desa, r->w.prov, r->w.kab, r->w.kec, r->w.desa, F_KODE_DESA,
                     F_DESA, desa, rej);
    if (d)
        return d < 0 ? -1 : 0;
    tb_individu p = {.nik = r->nik,
                     .nama = r->nama,
                     .nama_kunci = r->kunci,
                     .jk = r->jk,
                     .tgl_lahir = r->tgl_lahir,
                     .desa = desa,
                     .rt = r->rt,
                     .rw = r->rw,
                     .alamat = r->alamat,
                     .peran = "catin"};
    long id;
    int out;
    bool by_name;
    if (tb_store_individu_put(m->store, &p, &id, &out, &by_name))
        return -1;
    if (by_name)
        m->matched_by_name++;
    *outcome = out == TB_PUT_UNCHANGED ? TB_PUT_UNCHANGED : TB_PUT_UPDATED;

    tb_catin c = {.individu_id = id,
                  .tgl_periksa = r->tgl_periksa,
                  .tgl_rencana_nikah = r->tgl_nikah,
                  .bb = r->bb,
                  .tb = r->tb,
                  .imt = NAN,
                  .lila = r->lila,
                  .lingkar_perut = r->perut,
                  .hb = r->hb,
                  .merokok = r->merokok,
                  .no_sertifikat = r->sertifikat};
    tb_elsimil_input in = {r->jk,   r->lahir, r->periksa, r->bb,          r->tb,
                           r->lila, r->hb,    r->perut,   r->merokok != 0};
    tb_elsimil_result res;
    tb_elsimil_eval(&ru->rule, &in, &res);
    c.imt = res.imt;
    char faktor[256] = "";
    tb_elsimil_factor_list(res.faktor, faktor, sizeof faktor);
    c.hasil = !res.dinilai ? NULL : res.berisiko ? "berisiko" : "ideal";
    c.faktor = faktor;
    if (tb_store_catin_put(m->store, &c, &out))
        return -1;
    if (out == TB_PUT_INSERTED)
        *outcome = TB_PUT_INSERTED;
    else if (out == TB_PUT_UPDATED)
        *outcome = TB_PUT_UPDATED;
    return 0;
}

const imp_kind imp_kind_catin = {
    .name = "catin",
    .summary = "skrining calon pengantin (Elsimil): hasil ideal/berisiko dari aturan aktif",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .begin = begin,
    .store = store,
    .cleanup = cleanup,
};
