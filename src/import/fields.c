/*
 * fields.c - the readers of a row's fields shared by the import kinds: the
 * trimmed value of a field, text, numbers (in a plausible range), dates
 * (several spellings and Excel serial days), sex and yes/no codes. Each
 * reader adds a problem (in Bahasa Indonesia) to the row's rejection when
 * the value is malformed. NIK and no. KK are in identity.c, places in
 * place.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format/anthro_input.h"
#include "import/kind.h"
#include "tb_date.h"

size_t imp_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 128 && isalnum(c))
            out[n++] = (char)tolower(c);
    }
    out[n] = 0;
    return n;
}

/* --- values ---------------------------------------------------------------- */

const char *imp_value(const imp *m, const tb_csv_row *row, int f, size_t *len)
{
    int c = m->col[f];
    if (c < 0 || c >= row->nfields) {
        *len = 0;
        return "";
    }
    const char *s = row->fields[c];
    size_t n = row->lens[c];
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

bool imp_has(const imp *m, const tb_csv_row *row, int f)
{
    size_t n;
    imp_value(m, row, f, &n);
    return n > 0;
}

bool imp_text(const imp *m, const tb_csv_row *row, int f, char *buf, size_t cap, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    if (n >= cap) {
        imp_problem(rej, f, "teks terlalu panjang (%zu byte, paling banyak %zu)", n, cap - 1);
        buf[0] = 0;
        return false;
    }
    /* collapse runs of blanks into one space */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (isspace((unsigned char)c)) {
            if (o && buf[o - 1] != ' ')
                buf[o++] = ' ';
        } else {
            buf[o++] = c;
        }
    }
    buf[o] = 0;
    return true;
}

bool imp_in_range(imp_reject *rej, int f, double v, double lo, double hi, const char *unit)
{
    if (isnan(v) || (v >= lo && v <= hi))
        return true;
    imp_problem(rej, f, "%.1f%s%s di luar rentang wajar (%g-%g)", v, *unit ? " " : "", unit, lo,
                hi);
    return false;
}

bool imp_number_in(const imp *m, const tb_csv_row *row, int f, double lo, double hi,
                   const char *unit, double *out, imp_reject *rej)
{
    if (!imp_number(m, row, f, out, rej))
        return false;
    if (imp_in_range(rej, f, *out, lo, hi, unit))
        return true;
    *out = NAN;
    return false;
}

void imp_add_factor(char *list, size_t cap, const char *f)
{
    size_t n = strlen(list);
    snprintf(list + n, cap - n, "%s%s", n ? "," : "", f);
}

/* A short, printable copy of a value for messages. */
const char *imp_shown(const char *s, size_t n, char *buf, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 4 < cap; i++)
        buf[o++] = (unsigned char)s[i] < 32 ? '?' : s[i];
    if (o < n && o + 4 <= cap) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = 0;
    return buf;
}

bool imp_number(const imp *m, const tb_csv_row *row, int f, double *out, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *out = NAN;
    if (!n)
        return true;
    if (tb_parse_number(s, n, true, out) || !isfinite(*out)) {
        char b[48];
        imp_problem(rej, f, "'%s' bukan angka", imp_shown(s, n, b, sizeof b));
        *out = NAN;
        return false;
    }
    return true;
}

void imp_iso(long day, char *buf)
{
    long y;
    unsigned mo, d;
    tb_date_civil(day, &y, &mo, &d);
    unsigned yy = y < 0 ? 0 : y > 9999 ? 9999 : (unsigned)y;
    const unsigned v[3] = {yy, mo % 100, d % 100};
    const int width[3] = {4, 2, 2};
    int o = 0;
    for (int i = 0; i < 3; i++) {
        if (i)
            buf[o++] = '-';
        for (int k = width[i] - 1; k >= 0; k--) {
            unsigned x = v[i];
            for (int j = 0; j < k; j++)
                x /= 10;
            buf[o++] = (char)('0' + x % 10);
        }
    }
    buf[o] = 0;
}

bool imp_date(const imp *m, const tb_csv_row *row, int f, bool future_ok, long *day,
              imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *day = TB_DATE_NONE;
    if (!n)
        return true;
    char b[48];
    long d;
    size_t dn = n;
    /* "2024-03-05 00:00:00", "2024-03-05T08:00" */
    if (n > 10 && (s[10] == ' ' || s[10] == 'T') && s[4] == '-')
        dn = 10;
    else if (n > 10 && s[n - 9] == ' ' && s[n - 6] == ':') /* "05/03/2024 08:00:00" */
        dn = n - 9;
    if (!tb_parse_date(s, dn, &d)) {
        *day = d;
    } else {
        /* an Excel serial day written as a number (1900 system) */
        double v;
        if (n <= 8 && !tb_parse_number(s, n, false, &v) && v >= 1 && v < 80000 && v == floor(v)) {
            *day = tb_date_days(1899, 12, 30) + (long)v;
        } else {
            imp_problem(rej, f, "'%s' bukan tanggal (yyyy-mm-dd atau dd/mm/yyyy)",
                        imp_shown(s, n, b, sizeof b));
            return false;
        }
    }
    if (*day < tb_date_days(1900, 1, 1)) {
        imp_problem(rej, f, "tanggal '%s' sebelum tahun 1900", imp_shown(s, n, b, sizeof b));
        *day = TB_DATE_NONE;
        return false;
    }
    if (!future_ok && *day > m->today) {
        imp_problem(rej, f, "tanggal '%s' di masa depan", imp_shown(s, n, b, sizeof b));
        *day = TB_DATE_NONE;
        return false;
    }
    return true;
}

static const char *const male_words[] = {"1",        "l",    "m",    "lk", "laki",
                                         "lakilaki", "pria", "male", NULL};
static const char *const female_words[] = {"2",         "p",      "f",      "w", "pr",
                                           "perempuan", "wanita", "female", NULL};
static const char *const yes_words[] = {"1",     "y",   "ya",    "yes",      "true",
                                        "benar", "ada", "punya", "memiliki", NULL};
static const char *const no_words[] = {"0",  "2",     "n",     "t",        "tidak", "tdk",
                                       "no", "false", "salah", "tidakada", "belum", NULL};

static int word_index(const char *s, size_t n, const char *const *words)
{
    char f[32];
    if (n > 30)
        return -1;
    imp_fold(s, n, f, sizeof f);
    for (int i = 0; words[i]; i++)
        if (!strcmp(f, words[i]))
            return i;
    return -1;
}

bool imp_sex(const imp *m, const tb_csv_row *row, int f, int *jk, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *jk = 0;
    if (!n)
        return true;
    if (word_index(s, n, male_words) >= 0) {
        *jk = 1;
    } else if (word_index(s, n, female_words) >= 0) {
        *jk = 2;
    } else {
        char b[48];
        imp_problem(rej, f, "'%s' bukan jenis kelamin (L/P, 1/2)", imp_shown(s, n, b, sizeof b));
        return false;
    }
    return true;
}

/* True when one of s's words (split at anything but letters and digits, folded) is in words. */
static bool any_word(const char *s, size_t n, const char *const *words)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && !isalnum((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && isalnum((unsigned char)s[i]))
            i++;
        if (i > b && word_index(s + b, i - b, words) >= 0)
            return true;
    }
    return false;
}

static const char *const negations[] = {"tidak", "tdk",   "tak",    "belum", "blm", "bukan", "gak",
                                        "ga",    "nggak", "enggak", "no",    "non", NULL};
static const char *const doubts[] = {"tahu", "tau", "diketahui", "jelas", "yakin", "pasti", NULL};
static const char *const yes_meaning[] = {"ya",    "iya",    "y",     "yes",      "benar",
                                          "betul", "ada",    "punya", "memiliki", "layak",
                                          "hamil", "sedang", "sudah", "pernah",   NULL};

int imp_yesno_meaning(const char *s, size_t n)
{
    if (word_index(s, n, yes_words) >= 0)
        return 1;
    if (word_index(s, n, no_words) >= 0)
        return 0;
    if (n > 120 || any_word(s, n, doubts))
        return -1;
    if (any_word(s, n, negations)) /* "Tidak layak huni", "Tidak hamil", "Belum punya" */
        return 0;
    if (any_word(s, n, yes_meaning)) /* "Ya, layak huni", "Sedang hamil", "Layak" */
        return 1;
    return -1;
}

bool imp_yesno(const imp *m, const tb_csv_row *row, int f, int *v, imp_reject *rej)
{
    size_t n;
    const char *s = imp_value(m, row, f, &n);
    *v = -1;
    if (!n)
        return true;
    *v = imp_yesno_meaning(s, n);
    if (*v < 0) {
        char b[48];
        imp_problem(rej, f, "'%s' bukan ya/tidak", imp_shown(s, n, b, sizeof b));
        return false;
    }
    return true;
}
