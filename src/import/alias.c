/*
 * alias.c - the kind "alias": other spellings of wilayah (kode, nama: the
 * code and the spelling as the district's files write it), the file
 * `tumbuh import alias` reads, as a kind of the pipeline so that the web's
 * /impor takes it too (a dry run, a rejects file with a reason per row).
 *
 * A row is refused when its code is not stored or lies outside the
 * districts the database serves, or when the spelling would make names
 * ambiguous (tb_import_alias_check: it already means another area under
 * the same parent); a spelling that adds nothing is counted unchanged.
 * Rows are checked in file order, so that the second of two rows giving
 * one spelling to two desa of a kecamatan is refused. Each stored spelling
 * is audited by the store; the web audits the import with its user.
 */
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "import/kind.h"
#include "store/wilayah.h"

enum { F_KODE, F_NAMA, NFIELDS };

static const imp_field fields[NFIELDS] = {
    [F_KODE] = {"kode", "kode|kodewilayah|kodedesa|kodekecamatan|kodekemendagri|kd"},
    [F_NAMA] = {"nama", "nama|ejaan|alias|namadiberkas|ejaandiberkas|namalain"},
};

typedef struct {
    char kode[16];
    char nama[128];
} rec;

static void prepare(const imp *m, const tb_csv_row *row, void *out, imp_reject *rej)
{
    rec *r = out;
    memset(r, 0, sizeof *r);
    size_t n;
    const char *s = imp_value(m, row, F_KODE, &n);
    if (!n)
        imp_problem(rej, F_KODE, "kode kosong");
    else if (imp_wilayah_code(s, n, r->kode) < 2)
        imp_problem(rej, F_KODE,
                    "'%.30s' bukan kode kabupaten, kecamatan atau desa (35.07, 35.07.01,"
                    " 35.07.01.2001)",
                    s);
    if (imp_text(m, row, F_NAMA, r->nama, sizeof r->nama, rej) && !r->nama[0])
        imp_problem(rej, F_NAMA, "ejaan kosong");
}

static int check_columns(const imp *m, char *err, size_t errlen)
{
    if (m->col[F_KODE] < 0 || m->col[F_NAMA] < 0) {
        snprintf(err, errlen, "kolom %s tidak ada (judul kolom di baris 1: kode,nama)",
                 m->col[F_KODE] < 0 ? "kode" : "nama");
        return -1;
    }
    return 0;
}

static int store(imp *m, void *vr, const tb_csv_row *row, imp_reject *rej, int *outcome)
{
    (void)row;
    const rec *r = vr;
    *outcome = TB_PUT_UNCHANGED;
    int served = tb_store_wilayah_served(m->store, r->kode);
    if (served < 0)
        return -1;
    if (!served) {
        imp_problem(rej, F_KODE, "kode %s di luar kabupaten yang dilayani basis data ini", r->kode);
        return 0;
    }
    char why[200];
    int c = tb_import_alias_check(m->store, r->nama, r->kode, why, sizeof why);
    if (c < 0)
        return -1;
    if (c == 1)
        imp_problem(rej, F_NAMA, "%s", why);
    if (c)
        return 0;
    int added = tb_store_wilayah_alias_add(m->store, 0, r->nama, r->kode);
    if (added < 0)
        return -1;
    *outcome = added ? TB_PUT_INSERTED : TB_PUT_UNCHANGED;
    return 0;
}

const imp_kind imp_kind_alias = {
    .name = "alias",
    .summary = "ejaan lain nama wilayah (kode,nama), disimpan untuk seterusnya",
    .fields = fields,
    .nfields = NFIELDS,
    .rec_size = sizeof(rec),
    .check_columns = check_columns,
    .prepare = prepare,
    .store = store,
};
