/*
 * anthro_input.c - finds anthropometric columns by name and reads their values.
 *
 * Header names are compared after folding case and dropping everything but
 * letters and digits ("Tgl Lahir", "tgl_lahir" and "TGLLAHIR" are one name).
 * The aliases cover WHO's names (anthro), plain English, and the Indonesian
 * names of e-PPGBM exports and posyandu registers (domain reference 6.4).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format/anthro_input.h"
#include "tb_date.h"

static const char *const col_names[TB_COL_COUNT] = {
    "sex",     "age_days", "age_months", "birth_date", "visit_date", "weight",  "lenhei",
    "measure", "oedema",   "headc",      "armc",       "triskin",    "subskin",
};

/* Aliases, already folded (lowercase letters and digits only). */
static const struct {
    const char *alias;
    tb_col col;
} aliases[] = {
    {"sex", TB_COL_SEX},
    {"gender", TB_COL_SEX},
    {"jk", TB_COL_SEX},
    {"jeniskelamin", TB_COL_SEX},
    {"kelamin", TB_COL_SEX},
    {"lp", TB_COL_SEX},
    {"agedays", TB_COL_AGE_DAYS},
    {"ageday", TB_COL_AGE_DAYS},
    {"ageindays", TB_COL_AGE_DAYS},
    {"umurhari", TB_COL_AGE_DAYS},
    {"usiahari", TB_COL_AGE_DAYS},
    {"agemonths", TB_COL_AGE_MONTHS},
    {"agemons", TB_COL_AGE_MONTHS},
    {"agemo", TB_COL_AGE_MONTHS},
    {"ageinmonths", TB_COL_AGE_MONTHS},
    {"umurbulan", TB_COL_AGE_MONTHS},
    {"usiabulan", TB_COL_AGE_MONTHS},
    {"umurbln", TB_COL_AGE_MONTHS},
    {"dob", TB_COL_BIRTH_DATE},
    {"birthdate", TB_COL_BIRTH_DATE},
    {"dateofbirth", TB_COL_BIRTH_DATE},
    {"tgllahir", TB_COL_BIRTH_DATE},
    {"tanggallahir", TB_COL_BIRTH_DATE},
    {"dov", TB_COL_VISIT_DATE},
    {"visitdate", TB_COL_VISIT_DATE},
    {"dateofvisit", TB_COL_VISIT_DATE},
    {"measuredate", TB_COL_VISIT_DATE},
    {"measurementdate", TB_COL_VISIT_DATE},
    {"tglukur", TB_COL_VISIT_DATE},
    {"tanggalukur", TB_COL_VISIT_DATE},
    {"tglpengukuran", TB_COL_VISIT_DATE},
    {"tanggalpengukuran", TB_COL_VISIT_DATE},
    {"tglkunjungan", TB_COL_VISIT_DATE},
    {"tanggalkunjungan", TB_COL_VISIT_DATE},
    {"weight", TB_COL_WEIGHT},
    {"weightkg", TB_COL_WEIGHT},
    {"berat", TB_COL_WEIGHT},
    {"beratbadan", TB_COL_WEIGHT},
    {"bb", TB_COL_WEIGHT},
    {"bbkg", TB_COL_WEIGHT},
    {"lenhei", TB_COL_LENHEI},
    {"height", TB_COL_LENHEI},
    {"heightcm", TB_COL_LENHEI},
    {"length", TB_COL_LENHEI},
    {"lengthcm", TB_COL_LENHEI},
    {"tinggi", TB_COL_LENHEI},
    {"tinggibadan", TB_COL_LENHEI},
    {"panjangbadan", TB_COL_LENHEI},
    {"tb", TB_COL_LENHEI},
    {"pb", TB_COL_LENHEI},
    {"tbpb", TB_COL_LENHEI},
    {"pbtb", TB_COL_LENHEI},
    {"tbcm", TB_COL_LENHEI},
    {"measure", TB_COL_MEASURE},
    {"caraukur", TB_COL_MEASURE},
    {"posisiukur", TB_COL_MEASURE},
    {"oedema", TB_COL_OEDEMA},
    {"edema", TB_COL_OEDEMA},
    {"headc", TB_COL_HEADC},
    {"lika", TB_COL_HEADC},
    {"lingkarkepala", TB_COL_HEADC},
    {"headcircumference", TB_COL_HEADC},
    {"armc", TB_COL_ARMC},
    {"lila", TB_COL_ARMC},
    {"muac", TB_COL_ARMC},
    {"lingkarlenganatas", TB_COL_ARMC},
    {"armcircumference", TB_COL_ARMC},
    {"triskin", TB_COL_TRISKIN},
    {"tricepsskinfold", TB_COL_TRISKIN},
    {"subskin", TB_COL_SUBSKIN},
    {"subscapularskinfold", TB_COL_SUBSKIN},
};

const char *tb_col_name(tb_col c)
{
    return (unsigned)c < TB_COL_COUNT ? col_names[c] : "?";
}

/* Folds s to lowercase letters and digits into out (cap bytes); returns length. */
static size_t fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) && c < 128)
            out[n++] = (char)tolower(c);
    }
    out[n] = 0;
    return n;
}

int tb_anthro_column_lookup(const char *name, size_t len)
{
    char f[64];
    if (len > 200)
        return -1;
    fold(name, len, f, sizeof f);
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strcmp(f, aliases[i].alias))
            return (int)aliases[i].col;
    return -1;
}

int tb_anthro_columns_find(const tb_csv_row *header, tb_anthro_columns *cols, char *err,
                           size_t errlen)
{
    for (int c = 0; c < TB_COL_COUNT; c++)
        cols->col[c] = -1;
    for (int i = 0; i < header->nfields; i++) {
        int c = tb_anthro_column_lookup(header->fields[i], header->lens[i]);
        if (c >= 0 && cols->col[c] < 0)
            cols->col[c] = i;
    }
    const int *k = cols->col;
    if (k[TB_COL_SEX] < 0) {
        snprintf(err, errlen,
                 "tidak ada kolom jenis kelamin (dicari: sex, jk, jenis_kelamin, gender); judul "
                 "kolom ada di baris 1");
        return -1;
    }
    bool age = k[TB_COL_AGE_DAYS] >= 0 || k[TB_COL_AGE_MONTHS] >= 0 ||
               (k[TB_COL_BIRTH_DATE] >= 0 && k[TB_COL_VISIT_DATE] >= 0);
    bool measure = k[TB_COL_WEIGHT] >= 0 || k[TB_COL_LENHEI] >= 0 || k[TB_COL_HEADC] >= 0 ||
                   k[TB_COL_ARMC] >= 0 || k[TB_COL_TRISKIN] >= 0 || k[TB_COL_SUBSKIN] >= 0;
    if (!age && !measure) {
        snprintf(
            err, errlen,
            "tidak ada kolom umur (age_days, age_months, atau tanggal lahir dan tanggal "
            "ukur) dan tidak ada kolom ukuran (weight, lenhei, headc, armc, triskin, subskin)");
        return -1;
    }
    return 0;
}

/* Reads exactly n digits at s; returns the value or -1. */
static long digits(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int tb_parse_date(const char *s, size_t len, long *days)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    long y, m, d;
    if (len == 10 && s[4] == '-' && s[7] == '-') { /* yyyy-mm-dd */
        y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    } else if (len >= 8 && len <= 10 && (strchr("/-", s[1]) || strchr("/-", s[2]))) {
        /* d/m/yyyy or dd-mm-yyyy, one or two digits for day and month */
        char sep = strchr("/-", s[1]) ? s[1] : s[2];
        size_t dl = s[1] == sep ? 1 : 2;
        const char *p = s + dl + 1;
        size_t rest = len - dl - 1;
        size_t ml = (rest > 1 && p[1] == sep) ? 1 : 2;
        if (rest != ml + 1 + 4 || p[ml] != sep)
            return -1;
        d = digits(s, dl), m = digits(p, ml), y = digits(p + ml + 1, 4);
    } else {
        return -1;
    }
    if (y < 1900 || y > 2200 || !tb_date_valid(y, m, d))
        return -1;
    *days = tb_date_days(y, (unsigned)m, (unsigned)d);
    return 0;
}

/* Compares a value, folded, with a list of words; returns the index or -1. */
static int word_of(const char *s, size_t len, const char *const *words)
{
    if (len == 1) { /* the common case: a one-letter code */
        char c = (char)tolower((unsigned char)s[0]);
        for (int i = 0; words[i]; i++)
            if (words[i][0] == c && !words[i][1])
                return i;
        return -1;
    }
    char f[32];
    if (len > 30)
        return -1;
    fold(s, len, f, sizeof f);
    for (int i = 0; words[i]; i++)
        if (!strcmp(f, words[i]))
            return i;
    return -1;
}

/* True when the field is empty or blank. */
static bool blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

static const char *const male_words[] = {"1", "m", "l", "male", "lakilaki", "laki", "lk", NULL};
static const char *const female_words[] = {"2",  "f", "p",      "female", "perempuan",
                                           "pr", "w", "wanita", NULL};
static const char *const length_words[] = {"l",  "length",    "recumbent", "terlentang",
                                           "pb", "berbaring", NULL};
static const char *const height_words[] = {"h", "height", "standing", "berdiri", "tb", NULL};
static const char *const yes_words[] = {"y", "1", "yes", "ya", NULL};
static const char *const no_words[] = {"n", "2", "no", "tidak", "t", "0", NULL};

/* Where a numeric column's value goes (every column but sex, dates, measure and oedema). */
static inline double *number_slot(tb_growth_input *in, tb_col c)
{
    switch (c) {
    case TB_COL_AGE_DAYS:
        return &in->age_days;
    case TB_COL_AGE_MONTHS:
        return &in->age_months;
    case TB_COL_WEIGHT:
        return &in->weight;
    case TB_COL_LENHEI:
        return &in->lenhei;
    case TB_COL_HEADC:
        return &in->headc;
    case TB_COL_ARMC:
        return &in->armc;
    case TB_COL_TRISKIN:
        return &in->triskin;
    case TB_COL_SUBSKIN:
        return &in->subskin;
    default:
        return NULL;
    }
}

/*
 * Reads the non-blank value s (len bytes) of column c into in (the dates are
 * only checked here). Returns NULL, or why the value cannot be read.
 */
static inline const char *read_value(tb_col c, const char *s, size_t len, bool decimal_comma,
                                     tb_growth_input *in)
{
    double v;
    long d;
    switch (c) {
    case TB_COL_SEX:
        if (word_of(s, len, male_words) >= 0)
            in->sex = TB_SEX_MALE;
        else if (word_of(s, len, female_words) >= 0)
            in->sex = TB_SEX_FEMALE;
        else
            return "bukan kode jenis kelamin (1/2, m/f, L/P)";
        return NULL;
    case TB_COL_MEASURE:
        if (word_of(s, len, length_words) >= 0)
            in->measure = TB_MEASURE_LENGTH;
        else if (word_of(s, len, height_words) >= 0)
            in->measure = TB_MEASURE_HEIGHT;
        else
            return "bukan kode cara ukur (l/h, terlentang/berdiri)";
        return NULL;
    case TB_COL_OEDEMA:
        if (word_of(s, len, yes_words) >= 0)
            in->oedema = true;
        else if (word_of(s, len, no_words) < 0)
            return "bukan kode oedema (y/n)";
        return NULL;
    case TB_COL_BIRTH_DATE:
    case TB_COL_VISIT_DATE:
        return tb_parse_date(s, len, &d) ? "bukan tanggal (yyyy-mm-dd, dd/mm/yyyy, dd-mm-yyyy)"
                                         : NULL;
    default:
        if (tb_parse_number(s, len, decimal_comma, &v))
            return "bukan angka";
        double *slot = number_slot(in, c);
        if (slot)
            *slot = v;
        return NULL;
    }
}

/* Age in days from the birth and visit dates when both read. NULL, or why not. */
static inline const char *age_from_dates(const tb_anthro_columns *cols, const tb_csv_row *row,
                                         tb_growth_input *in)
{
    long b, v;
    int bi = cols->col[TB_COL_BIRTH_DATE], vi = cols->col[TB_COL_VISIT_DATE];
    if (tb_parse_date(row->fields[bi], row->lens[bi], &b) ||
        tb_parse_date(row->fields[vi], row->lens[vi], &v))
        return NULL; /* already reported as not a date, or blank */
    if (v < b)
        return "tanggal ukur sebelum tanggal lahir";
    in->age_days = (double)(v - b);
    return NULL;
}

/* Notes a problem (up to max of them) and counts it. */
static inline void add_problem(tb_anthro_problem *problems, int max, int *nprob, tb_col c,
                               int field, const char *why)
{
    if (*nprob < max)
        problems[*nprob] = (tb_anthro_problem){c, field, why};
    (*nprob)++;
}

/* True when column c is present in the row. */
static inline bool has_field(const tb_anthro_columns *cols, const tb_csv_row *row, tb_col c)
{
    return cols->col[c] >= 0 && cols->col[c] < row->nfields;
}

int tb_anthro_row_read(const tb_anthro_columns *cols, const tb_csv_row *row, bool decimal_comma,
                       tb_growth_input *in, tb_anthro_problem *problems, int max_problems)
{
    int nprob = 0;
    tb_growth_input_init(in);
    for (int c = 0; c < TB_COL_COUNT; c++) {
        if (!has_field(cols, row, (tb_col)c))
            continue;
        const char *s = row->fields[cols->col[c]];
        size_t len = row->lens[cols->col[c]];
        if (blank(s, len))
            continue;
        const char *why = read_value((tb_col)c, s, len, decimal_comma, in);
        if (why)
            add_problem(problems, max_problems, &nprob, (tb_col)c, cols->col[c], why);
    }
    /* Age from dates when neither days nor months were given. */
    if (isnan(in->age_days) && isnan(in->age_months) && has_field(cols, row, TB_COL_BIRTH_DATE) &&
        has_field(cols, row, TB_COL_VISIT_DATE)) {
        const char *why = age_from_dates(cols, row, in);
        if (why)
            add_problem(problems, max_problems, &nprob, TB_COL_VISIT_DATE,
                        cols->col[TB_COL_VISIT_DATE], why);
    }
    return nprob;
}
