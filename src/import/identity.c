/*
 * identity.c - reading the identity numbers of Indonesian records: the NIK
 * (16 digits with a plausible province code and the birth date inside) and
 * the no. KK (16 digits), with spaces and a leading apostrophe ignored and
 * a clear message for numbers Excel turned into 3.51E+15 (digits lost).
 * Matching people by name (lib/match.c) is done by the kinds and the store.
 */
#include <stdbool.h>
#include <string.h>

#include "import/kind.h"

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
        if (prov < 11 || prov > 94 || mon < 1 || mon > 12 || day < 1 || day > 71 ||
            (day > 31 && day < 41)) {
            imp_problem(rej, f, "NIK '%s' tidak sah (kode provinsi atau tanggal lahir di dalamnya)",
                        out);
            out[0] = 0;
            return false;
        }
    }
    return true;
}
