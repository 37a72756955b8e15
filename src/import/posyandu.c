/*
 * posyandu.c - `tumbuh import posyandu`: the district's posyandu from a
 * list (nama, desa, puskesmas, hari), as the administrator keeps it in a
 * spreadsheet.
 *
 * The desa is its code (with or without dots) or its name (case, spaces,
 * punctuation and a "Desa"/"Kel." prefix ignored) among the desa of the
 * district (pengaturan kabupaten; every stored desa when it is not set); a
 * name found in two desa is refused: write the code. The puskesmas (by
 * name, optional) is the open one of that name in the district, created in
 * the desa's kecamatan when there is none. hari is the usual day of the
 * month (1-31, optional). A posyandu already in its desa (same name, case
 * ignored) gets the file's puskesmas and day (updated) or stays (unchanged);
 * a second run changes nothing. Every write is audited (store/atur.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "import/kind.h"
#include "store/atur.h"

enum { F_NAMA, F_DESA, F_PUSKESMAS, F_HARI, NFIELDS };

static const imp_field fields[NFIELDS] = {
    [F_NAMA] = {"nama", "nama|namaposyandu|posyandu|name"},
    [F_DESA] = {"desa", "desa|desakel|desakelurahan|kelurahan|kel|kodedesa|kddesa"},
    [F_PUSKESMAS] = {"puskesmas", "puskesmas|namapuskesmas|pkm"},
    [F_HARI] = {"hari", "hari|haribuka|tanggal|tanggalbuka|jadwal"},
};

typedef struct {
    char nama[96], desa[128], puskesmas[96];
    int hari;
} rec;

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej) && !r->nama[0])
        imp_problem(rej, F_NAMA, "nama posyandu kosong");
    if (imp_text(m, row, F_DESA, r->desa, sizeof r->desa, rej) && !r->desa[0])
        imp_problem(rej, F_DESA, "desa kosong: tulis nama atau kode desa");
    imp_text(m, row, F_PUSKESMAS, r->puskesmas, sizeof r->puskesmas, rej);
    double h = NAN;
    if (imp_number(m, row, F_HARI, &h, rej) && !isnan(h)) {
        if (h < 1 || h > 31 || h != (int)h)
            imp_problem(rej, F_HARI,
                        "hari buka harus tanggal 1 sampai 31 (kosong bila belum tetap)");
        else
            r->hari = (int)h;
    }
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    for (int f = F_NAMA; f <= F_DESA; f++)
        if (m->col[f] < 0) {
            snprintf(err, errlen,
                     "kolom %s tidak ada (judul kolom di baris 1; pakai --map JUDUL=%s bila"
                     " namanya lain)",
                     fields[f].name, fields[f].name);
            return -1;
        }
    return 0;
}

/* The district's code ("" when the database serves none in particular). */
typedef struct {
    char district[24];
} state;

static int begin(imp *m)
{
    state *st = calloc(1, sizeof *st);
    if (!(m->state = st))
        return tb_store_fail(m->store, "out of memory");
    return tb_store_setting_get(m->store, "kabupaten", st->district, sizeof st->district) < 0 ? -1
                                                                                              : 0;
}

static void cleanup(imp *m)
{
    free(m->state);
    m->state = NULL;
}

/* The puskesmas named nama, found or created in the desa's kecamatan: 1 (id), 0 refused (why). */
static int puskesmas_of(tb_store *s, long by, const char *district, const char *nama,
                        const char *desa, long *id, char *why, size_t n)
{
    int f = tb_store_atur_puskesmas_find(s, district, nama, id);
    if (f < 0)
        return -1;
    if (f == 2) {
        snprintf(why, n, "ada lebih dari satu puskesmas bernama '%s'", nama);
        return 0;
    }
    if (f == 1)
        return 1;
    tb_atur_puskesmas p;
    memset(&p, 0, sizeof p);
    snprintf(p.nama, sizeof p.nama, "%s", nama);
    snprintf(p.kecamatan, sizeof p.kecamatan, "%.8s", desa);
    if ((f = tb_store_atur_puskesmas_add(s, by, &p)) != 0) {
        if (f > 0)
            snprintf(why, n, "puskesmas '%s' di kecamatan ini sudah ditutup", nama);
        return f < 0 ? -1 : 0;
    }
    *id = p.id;
    return 1;
}

int tb_import_posyandu_row(tb_store *s, long by, const char *district, const char *nama,
                           const char *desa, const char *puskesmas, int hari, int *outcome,
                           int *field, char *why, size_t n)
{
    tb_atur_posyandu p;
    memset(&p, 0, sizeof p);
    *field = 1;
    int f = tb_store_atur_desa_find(s, district, desa, p.desa, sizeof p.desa);
    if (f != 1) {
        if (f > 1)
            snprintf(why, n, "ada lebih dari satu desa bernama '%s': tulis kode desanya", desa);
        else if (f == 0)
            snprintf(why, n,
                     "desa '%s' tidak ada di daftar wilayah kabupaten ini: periksa ejaan atau"
                     " tulis kodenya",
                     desa);
        return f < 0 ? -1 : 1;
    }
    *field = 2;
    if (puskesmas[0] &&
        (f = puskesmas_of(s, by, district, puskesmas, p.desa, &p.puskesmas_id, why, n)) != 1)
        return f < 0 ? -1 : 1;
    snprintf(p.nama, sizeof p.nama, "%s", nama);
    p.hari_buka = hari;
    long id = 0;
    if ((f = tb_store_atur_posyandu_find(s, p.desa, p.nama, &id)) < 0)
        return -1;
    if (!f) {
        *outcome = TB_PUT_INSERTED;
        return tb_store_atur_posyandu_add(s, by, &p) ? -1 : 0;
    }
    tb_atur_posyandu old;
    if (tb_store_atur_posyandu_get(s, id, &old) != 1)
        return -1;
    p.id = id;
    snprintf(p.nama, sizeof p.nama, "%s", old.nama); /* the stored spelling stays */
    if (!puskesmas[0])
        p.puskesmas_id = old.puskesmas_id;
    if (!hari)
        p.hari_buka = old.hari_buka;
    *outcome = p.puskesmas_id == old.puskesmas_id && p.hari_buka == old.hari_buka ? TB_PUT_UNCHANGED
                                                                                  : TB_PUT_UPDATED;
    if (*outcome == TB_PUT_UNCHANGED)
        return 0;
    return tb_store_atur_posyandu_update(s, by, &p) ? -1 : 0;
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    (void)row;
    const rec *r = vr;
    state *st = m->state;
    char why[200];
    int field = 0;
    int rc = tb_import_posyandu_row(m->store, 0, st->district, r->nama, r->desa, r->puskesmas,
                                    r->hari, outcome, &field, why, sizeof why);
    if (rc == 1)
        imp_problem(rej, field == 1 ? F_DESA : F_PUSKESMAS, "%s", why);
    return rc < 0 ? -1 : 0;
}

const imp_kind imp_kind_posyandu = {
    .name = "posyandu",
    .summary = "posyandu kabupaten (nama, desa, puskesmas, hari buka)",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .begin = begin,
    .store = store,
    .cleanup = cleanup,
};
