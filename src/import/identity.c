/*
 * identity.c - reading the identity numbers of Indonesian records: the NIK
 * (16 digits with a plausible province code and the birth date inside) and
 * the no. KK (16 digits), with spaces and a leading apostrophe ignored and
 * a clear message for numbers Excel turned into 3.51E+15 (digits lost).
 * Matching people by name (lib/match.c) is done by the kinds and the store.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "import/kind.h"
#include "tb_date.h"

/* Kemendagri province codes (Permendagri 72/2019 and the Papua provinces of 2022). */
static bool province_known(int p)
{
    static const unsigned char codes[] = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33,
                                          34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72,
                                          73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97};
    for (size_t i = 0; i < sizeof codes; i++)
        if (codes[i] == p)
            return true;
    return false;
}

static int two(const char *s)
{
    return (s[0] - '0') * 10 + (s[1] - '0');
}

const char *tb_nik_problem(const char *nik, const char *tgl_lahir, int jk, char *why, size_t cap)
{
    if (!nik || strlen(nik) != 16 || strspn(nik, "0123456789") != 16)
        return snprintf(why, cap, "NIK harus 16 angka"), why;
    int prov = two(nik), day = two(nik + 6), mon = two(nik + 8), yy = two(nik + 10);
    if (!province_known(prov))
        return snprintf(why, cap, "kode provinsi %02d di awal NIK tidak ada", prov), why;
    bool girl = day > 40;
    if (!tb_date_valid(2000 + yy, mon, girl ? day - 40 : day) &&
        !tb_date_valid(1900 + yy, mon, girl ? day - 40 : day))
        return snprintf(why, cap, "tanggal lahir di dalam NIK (%.6s) tidak sah", nik + 6), why;
    long y;
    unsigned m, d;
    long born = tgl_lahir ? tb_date_iso(tgl_lahir) : TB_DATE_NONE;
    if (born != TB_DATE_NONE) {
        tb_date_civil(born, &y, &m, &d);
        if ((girl ? day - 40 : day) != (int)d || mon != (int)m || yy != (int)(y % 100))
            return snprintf(why, cap,
                            "tanggal lahir di dalam NIK (%.6s) tidak sama dengan tanggal lahir "
                            "%02u-%02u-%04ld%s",
                            nik + 6, d, m, y, jk == 2 ? " (perempuan: tanggal + 40)" : ""),
                   why;
    }
    if (jk == 1 && girl)
        return snprintf(why, cap,
                        "NIK ini milik perempuan (tanggal lahir + 40), jenis kelamin "
                        "tertulis laki-laki"),
               why;
    if (jk == 2 && !girl)
        return snprintf(why, cap,
                        "NIK perempuan memakai tanggal lahir + 40, jenis kelamin "
                        "tertulis perempuan"),
               why;
    return NULL;
}

bool imp_nik(const imp *m, const tb_csv_row *row, int f, bool nik, char out[17], imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    out[0] = 0;
    if (n && (*s == '\'' || *s == '`'))
        s++, n--;
    char b[48];
    size_t k = 0;
    bool sci = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (k < 16)
                out[k] = c;
            k++;
        } else if (c == 'E' || c == 'e' || c == '+' || c == '.' || c == ',') {
            sci = true;
        } else if (c != ' ' && c != '-') {
            k = 99;
        }
    }
    if (!n)
        return true;
    const char *what = nik ? "NIK" : "nomor KK";
    if (sci && k < 16) {
        imp_problem(rej, f,
                    "%s '%s' tertulis sebagai angka (digit hilang): format kolom %s sebagai teks",
                    what, imp_shown(s, n, b, sizeof b), what);
        out[0] = 0;
        return false;
    }
    if (k != 16 || sci) {
        imp_problem(rej, f, "%s '%s' harus 16 angka", what, imp_shown(s, n, b, sizeof b));
        out[0] = 0;
        return false;
    }
    out[16] = 0;
    if (nik) {
        int prov = (out[0] - '0') * 10 + (out[1] - '0');
        int day = (out[6] - '0') * 10 + (out[7] - '0');
        int mon = (out[8] - '0') * 10 + (out[9] - '0');
        if (!province_known(prov) || mon < 1 || mon > 12 || day < 1 || day > 71 ||
            (day > 31 && day < 41)) {
            imp_problem(rej, f, "NIK '%s' tidak sah (kode provinsi atau tanggal lahir di dalamnya)",
                        out);
            out[0] = 0;
            return false;
        }
    }
    return true;
}
