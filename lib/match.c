/*
 * match.c - name match keys and Jaro-Winkler similarity (see tb_match.h).
 */
#include <string.h>

#include "tb_match.h"

#define MAX_TOKENS 24
#define TOKEN_CAP 48

/* ASCII for the Latin-1 letters U+00C0..U+00FF ("" drops, " " separates). */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "y",
};

/* Titles written before a name. */
static const char *const prefix_titles[] = {
    "h",    "hj",   "hja",      "haji",       "hajjah", "hajah", "dr",    "drs",  "dra",    "drg",
    "ir",   "prof", "kh",       "ust",        "ustadz", "ustaz", "ustad", "ny",   "nyonya", "tn",
    "tuan", "nn",   "nona",     "sdr",        "sdri",   "bpk",   "bapak", "ibu",  "bu",     "pak",
    "alm",  "almh", "almarhum", "almarhumah", "an",     "anak",  "by",    "bayi", NULL,
};

/* Degrees and titles written after a name (usually after a comma). */
static const char *const suffix_titles[] = {
    "spd", "spdi", "sag",  "sthi", "sh",  "se",  "si",     "st",     "skm",   "skep",  "ssit",
    "sst", "ssos", "skom", "sip",  "sp",  "amd", "amdkeb", "amdkep", "amkeb", "amkep", "amg",
    "mpd", "mkes", "mm",   "msi",  "mt",  "mh",  "ns",     "ners",   "bd",    "mag",   "sfarm",
    "apt", "spog", "spa",  "sked", "ssi", "sgz", "sth",    "ak",     "mba",   "phd",   NULL,
};

/* Spellings of Muhammad once the spelling rules have run. */
static const char *const muhammad_forms[] = {
    "m",       "mhd",     "moh",     "muh",     "mohd",     "muhd",     "mohamad", "muhamad",
    "mohamed", "muhamed", "mohamat", "muhamat", "mukhamad", "muhamadh", NULL,
};

static bool in_list(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (list[i][0] == s[0] && !strcmp(s, list[i]))
            return true;
    return false;
}

static bool is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Appends the text of s to buf (cap bytes) at *n. */
static void put(char *buf, size_t cap, size_t *n, const char *s)
{
    for (; *s && *n + 1 < cap; s++)
        buf[(*n)++] = *s;
}

/*
 * Step 1: lowercase ASCII letters and digits; '.' and ',' kept (they matter
 * for titles), apostrophes dropped, everything else a space.
 */
static size_t transliterate(const char *s, size_t len, char *buf, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 3 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            buf[n++] = (char)(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == ',') {
            buf[n++] = (char)c;
        } else if (c == '\'' || c == '`') {
            /* Ma'ruf -> maruf */
        } else if (c < 0x80) {
            buf[n++] = ' ';
        } else if (c == 0xC3 && i + 1 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            put(buf, cap, &n, latin1[(unsigned char)s[i + 1] & 0x3F]);
            i++;
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
            i += 2; /* curly apostrophes */
        } else if (c >= 0xC0) {
            /* another UTF-8 sequence: skipped whole; a lone Latin-1 letter: mapped */
            int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
            bool seq = i + (size_t)more < len;
            for (int k = 1; seq && k <= more; k++)
                seq = ((unsigned char)s[i + (size_t)k] & 0xC0) == 0x80;
            if (seq)
                i += (size_t)more;
            else
                put(buf, cap, &n, latin1[c - 0xC0]);
        }
        /* stray continuation bytes and other high bytes: dropped */
    }
    buf[n] = 0;
    return n;
}

/* Step 3: old spellings, doubled letters, final y and h, in one word. */
static size_t respell(const char *s, char *out)
{
    char t[TOKEN_CAP * 2];
    size_t n = 0;
    for (size_t i = 0; s[i]; i++) {
        char a = s[i], b = s[i + 1];
        const char *rep = NULL;
        if (b) {
            if (a == 'd' && b == 'j')
                rep = "j";
            else if (a == 't' && b == 'j')
                rep = "c";
            else if (a == 's' && (b == 'j' || b == 'y'))
                rep = "s";
            else if (a == 'n' && b == 'j')
                rep = "ny";
            else if (a == 'o' && b == 'e')
                rep = "u";
            else if ((a == 'c' || a == 'k') && b == 'h')
                rep = "h";
            else if (a == 'd' && b == 'h')
                rep = "d";
            else if (a == 't' && b == 'h')
                rep = "t";
            else if (a == 't' && b == 's')
                rep = "s";
            else if (a == 'p' && b == 'h')
                rep = "f";
            else if (a == 'd' && b == 'z')
                rep = "z";
        }
        if (rep) {
            for (const char *r = rep; *r; r++)
                t[n++] = *r;
            i++;
        } else {
            t[n++] = a == 'q' ? 'k' : a == 'v' ? 'f' : a;
        }
    }
    /* doubled letters once */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || t[i] != out[m - 1] || (t[i] >= '0' && t[i] <= '9'))
            out[m++] = t[i];
    out[m] = 0;
    if (in_list(out, muhammad_forms)) {
        memcpy(out, "muhamad", 8);
        return 7;
    }
    if (!strcmp(out, "abd")) {
        memcpy(out, "abdul", 6);
        return 5;
    }
    if (m > 1 && out[m - 1] == 'y')
        out[m - 1] = 'i';
    if (m > 2 && out[m - 1] == 'h' && is_vowel(out[m - 2]))
        m--;
    out[m] = 0;
    return m;
}

typedef struct {
    char s[TOKEN_CAP];    /* as written, lowercase, dots kept */
    char fold[TOKEN_CAP]; /* without dots */
    bool after_comma;
} token;

size_t tb_name_key(const char *name, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    out[0] = 0;
    if (!name)
        return 0;
    char buf[256];
    size_t n = transliterate(name, len, buf, sizeof buf);

    /* Step 2: words, split on spaces and commas; titles removed. */
    token tok[MAX_TOKENS];
    int nt = 0;
    bool comma = false;
    for (size_t i = 0; i < n && nt < MAX_TOKENS;) {
        if (buf[i] == ' ' || buf[i] == ',') {
            comma |= buf[i] == ',';
            i++;
            continue;
        }
        token *t = &tok[nt];
        size_t k = 0, f = 0;
        for (; i < n && buf[i] != ' ' && buf[i] != ','; i++) {
            if (k + 1 < TOKEN_CAP)
                t->s[k++] = buf[i];
            if (buf[i] != '.' && f + 1 < TOKEN_CAP)
                t->fold[f++] = buf[i];
        }
        t->s[k] = 0;
        t->fold[f] = 0;
        t->after_comma = comma;
        if (f)
            nt++;
    }
    int first = 0, last = nt; /* [first, last) */
    while (last - first >= 2 && in_list(tok[first].fold, prefix_titles))
        first++;
    while (last - first >= 2 && in_list(tok[last - 1].fold, suffix_titles))
        last--;

    /* Step 3 and 4: each remaining word (split at dots), respelled, joined. */
    size_t o = 0;
    for (int i = first; i < last; i++) {
        if (i > first && ((tok[i].after_comma && in_list(tok[i].fold, suffix_titles)) ||
                          !strcmp(tok[i].fold, "bin") || !strcmp(tok[i].fold, "binti")))
            continue;
        const char *p = tok[i].s;
        while (*p) {
            char part[TOKEN_CAP];
            size_t k = 0;
            while (*p == '.')
                p++;
            while (*p && *p != '.')
                part[k++] = *p++;
            part[k] = 0;
            if (!k)
                continue;
            char word[TOKEN_CAP * 2];
            respell(part, word);
            const char *w = word;
            size_t wl = strlen(w);
            if (o && o + 1 < cap)
                out[o++] = ' ';
            for (size_t c = 0; c < wl && o + 1 < cap && o < TB_NAME_KEY_MAX; c++)
                out[o++] = w[c];
        }
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = 0;
    return o;
}

/* Copies s without spaces (at most TB_NAME_KEY_MAX bytes); returns the length. */
static int squeeze(const char *s, char *out)
{
    int n = 0;
    for (; *s && n < TB_NAME_KEY_MAX; s++)
        if (*s != ' ')
            out[n++] = *s;
    out[n] = 0;
    return n;
}

double tb_name_similarity(const char *a, const char *b)
{
    char x[TB_NAME_KEY_MAX + 1], y[TB_NAME_KEY_MAX + 1];
    int la = squeeze(a ? a : "", x), lb = squeeze(b ? b : "", y);
    if (!la || !lb)
        return 0;
    if (la == lb && !memcmp(x, y, (size_t)la))
        return 1;
    int window = (la > lb ? la : lb) / 2 - 1;
    if (window < 0)
        window = 0;
    bool ma[TB_NAME_KEY_MAX] = {false}, mb[TB_NAME_KEY_MAX] = {false};
    int matches = 0;
    for (int i = 0; i < la; i++) {
        int lo = i - window > 0 ? i - window : 0;
        int hi = i + window + 1 < lb ? i + window + 1 : lb;
        for (int j = lo; j < hi; j++) {
            if (!mb[j] && x[i] == y[j]) {
                ma[i] = mb[j] = true;
                matches++;
                break;
            }
        }
    }
    if (!matches)
        return 0;
    int half_transpositions = 0;
    for (int i = 0, j = 0; i < la; i++) {
        if (!ma[i])
            continue;
        while (!mb[j])
            j++;
        if (x[i] != y[j])
            half_transpositions++;
        j++;
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - half_transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && x[prefix] == y[prefix])
        prefix++;
    return jaro + prefix * 0.1 * (1.0 - jaro);
}

bool tb_name_match(const char *a, const char *b)
{
    if (!a || !b || !*a || !*b)
        return false;
    return !strcmp(a, b) || tb_name_similarity(a, b) >= TB_NAME_MATCH_MIN;
}
