/*
 * csv.c - streaming CSV reader, number parsing and formatting (see csv.h).
 *
 * The reader keeps one buffer. A record ends at the first LF with an even
 * number of quote characters since the record's start (RFC 4180 escapes a
 * quote as "", so parity tells whether a LF is inside a quoted field). The
 * fast path - no quote in the line - costs two memchr calls. Each record is
 * copied once into a scratch buffer where it is split and unescaped, so the
 * raw bytes stay intact for pass-through.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/csv.h"

#define READ_CHUNK (1 << 20)

struct tb_csv_reader {
    FILE *f;
    size_t max_record;
    int max_fields;
    char delimiter;
    char *buf; /* data window [pos, end) */
    size_t pos, end, cap;
    bool eof, started;
    long line;   /* line number of the next record */
    long record; /* index of the next record */
    long long consumed;
    char *scratch; /* fields of the current record */
    size_t scratch_cap;
    char **fields;
    size_t *lens;
    int fields_cap;
    char err[160];
    tb_csv_status failed; /* sticky error */
};

tb_csv_reader *tb_csv_open(FILE *f, const tb_csv_options *opt)
{
    tb_csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->f = f;
    r->max_record = opt && opt->max_record ? opt->max_record : (1u << 20);
    r->max_fields = opt && opt->max_fields ? opt->max_fields : 4096;
    r->delimiter = opt ? opt->delimiter : 0;
    r->line = 1;
    return r;
}

void tb_csv_close(tb_csv_reader *r)
{
    if (!r)
        return;
    free(r->buf);
    free(r->scratch);
    free(r->fields);
    free(r->lens);
    free(r);
}

char tb_csv_delimiter(const tb_csv_reader *r)
{
    return r->delimiter ? r->delimiter : ',';
}

const char *tb_csv_error(const tb_csv_reader *r)
{
    return r->err;
}

long long tb_csv_bytes_read(const tb_csv_reader *r)
{
    return r->consumed;
}

/* Records an error with the line number; returns the status. */
static tb_csv_status fail(tb_csv_reader *r, tb_csv_status st, long line, const char *why)
{
    snprintf(r->err, sizeof r->err, "baris %ld: %s", line, why);
    r->failed = st;
    return st;
}

/* Reads more input after the window, compacting or growing the buffer.
 * Returns the bytes read (0 at end of file), or -1 on error. */
static long fill(tb_csv_reader *r)
{
    if (r->pos > 0 && r->pos == r->end) {
        r->pos = r->end = 0;
    } else if (r->pos > 0 && r->cap - r->end < READ_CHUNK) {
        memmove(r->buf, r->buf + r->pos, r->end - r->pos);
        r->end -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->end < READ_CHUNK) {
        size_t cap = r->cap ? r->cap * 2 : 2 * READ_CHUNK;
        while (cap - r->end < READ_CHUNK)
            cap *= 2;
        char *b = realloc(r->buf, cap + 1);
        if (!b)
            return -1;
        r->buf = b;
        r->cap = cap;
    }
    size_t n = fread(r->buf + r->end, 1, READ_CHUNK, r->f);
    if (n == 0 && ferror(r->f))
        return -1;
    if (n == 0)
        r->eof = true;
    if (!r->started && n > 0) {
        r->started = true;
        if (r->end + n >= 3 && !memcmp(r->buf + r->end, "\xEF\xBB\xBF", 3)) {
            memmove(r->buf + r->end, r->buf + r->end + 3, n - 3);
            n -= 3;
            r->consumed += 3;
        }
    }
    r->end += n;
    return (long)n;
}

/* Counts quote characters in [s, s+n). */
static size_t count_quotes(const char *s, size_t n)
{
    size_t q = 0;
    const char *e = s + n;
    while ((s = memchr(s, '"', (size_t)(e - s))) != NULL) {
        q++;
        s++;
    }
    return q;
}

/* True when [s, s+n) is valid UTF-8 (fast path for ASCII). */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* skip ASCII 8 bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07;
        else
            return false;
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

/* Picks the delimiter: the most frequent of , ; TAB outside quotes. */
static char detect_delimiter(const char *s, size_t n)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool inq = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"')
            inq = !inq;
        else if (!inq)
            comma += c == ',', semi += c == ';', tab += c == '\t';
    }
    if (semi > comma && semi >= tab)
        return ';';
    if (tab > comma && tab > semi)
        return '\t';
    return ',';
}

/* Ensures room for n fields. */
static int grow_fields(tb_csv_reader *r, int n)
{
    if (n <= r->fields_cap)
        return 0;
    int cap = r->fields_cap ? r->fields_cap * 2 : 64;
    while (cap < n)
        cap *= 2;
    char **f = realloc(r->fields, (size_t)cap * sizeof *f);
    if (!f)
        return -1;
    r->fields = f;
    size_t *l = realloc(r->lens, (size_t)cap * sizeof *l);
    if (!l)
        return -1;
    r->lens = l;
    r->fields_cap = cap;
    return 0;
}

/* Splits the record copied in scratch (len bytes) into fields. */
static tb_csv_status split(tb_csv_reader *r, size_t len, long line, int *nfields)
{
    char d = r->delimiter;
    char *s = r->scratch, *e = r->scratch + len;
    int n = 0;
    for (;;) {
        if (n >= r->max_fields)
            return fail(r, TB_CSV_ERR_TOO_WIDE, line, "terlalu banyak kolom");
        if (n >= r->fields_cap && grow_fields(r, n + 1))
            return fail(r, TB_CSV_ERR_NOMEM, line, "out of memory");
        if (s < e && *s == '"') {
            /* quoted: unescape in place */
            char *w = s, *p = s + 1;
            r->fields[n] = w;
            for (;;) {
                char *q = memchr(p, '"', (size_t)(e - p));
                if (!q) { /* cannot happen: parity was even */
                    size_t k = (size_t)(e - p);
                    memmove(w, p, k);
                    w += k;
                    p = e;
                    break;
                }
                size_t k = (size_t)(q - p);
                memmove(w, p, k);
                w += k;
                if (q + 1 < e && q[1] == '"') {
                    *w++ = '"';
                    p = q + 2;
                } else {
                    p = q + 1;
                    break;
                }
            }
            /* text after the closing quote, up to the delimiter, is kept */
            char *dl = memchr(p, d, (size_t)(e - p));
            char *stop = dl ? dl : e;
            size_t k = (size_t)(stop - p);
            memmove(w, p, k);
            w += k;
            *w = 0;
            r->lens[n] = (size_t)(w - r->fields[n]);
            n++;
            if (!dl)
                break;
            s = dl + 1;
        } else {
            /* fields are short: a plain loop beats a memchr call here */
            char *p = s;
            while (p < e && *p != d)
                p++;
            char *dl = p < e ? p : NULL;
            char *stop = p;
            *stop = 0;
            r->fields[n] = s;
            r->lens[n] = (size_t)(stop - s);
            n++;
            if (!dl)
                break;
            s = dl + 1;
        }
    }
    *nfields = n;
    return TB_CSV_OK;
}

/*
 * Finds the end of the next record: the first LF with an even number of
 * quotes since r->pos, reading more input as needed. Returns TB_CSV_OK with
 * *rend (the LF's offset, or r->end when the input ends without one) and
 * *quotes, TB_CSV_EOF when no byte is left, or an error.
 */
static inline tb_csv_status find_record_end(tb_csv_reader *r, size_t *rend, size_t *quotes)
{
    size_t scan = r->pos; /* where to look for the next LF */
    size_t q = 0;
    for (;;) {
        char *nl = memchr(r->buf + scan, '\n', r->end - scan);
        if (nl) {
            size_t at = (size_t)(nl - r->buf);
            q += count_quotes(r->buf + scan, at - scan);
            if (q % 2 == 0) {
                *rend = at;
                *quotes = q;
                return TB_CSV_OK;
            }
            scan = at + 1;
            continue;
        }
        q += count_quotes(r->buf + scan, r->end - scan);
        scan = r->end;
        if (r->end - r->pos > r->max_record)
            return fail(r, TB_CSV_ERR_TOO_LONG, r->line, "baris data melebihi batas panjang");
        if (r->eof)
            break;
        size_t keep = scan - r->pos;
        if (fill(r) < 0)
            return fail(r, TB_CSV_ERR_IO, r->line, "gagal membaca");
        scan = r->pos + keep; /* fill may have moved the window */
    }
    if (r->end == r->pos)
        return TB_CSV_EOF;
    if (q % 2)
        return fail(r, TB_CSV_ERR_QUOTE, r->line, "berkas berakhir di dalam field bertanda kutip");
    *rend = r->end;
    *quotes = q;
    return TB_CSV_OK;
}

/*
 * Moves the window past the record [start, rend) and its LF, counting the
 * bytes and the lines it spans (line breaks inside quoted fields). Returns
 * the line number where the record starts.
 */
static inline long consume_record(tb_csv_reader *r, size_t start, size_t rend, size_t quotes)
{
    r->pos = rend < r->end ? rend + 1 : rend;
    r->consumed += (long long)(r->pos - start);
    long line = r->line;
    long lines = 1;
    if (quotes) {
        const char *p = r->buf + start, *e = r->buf + rend;
        while ((p = memchr(p, '\n', (size_t)(e - p))) != NULL)
            lines++, p++;
    }
    r->line += lines;
    return line;
}

/* Makes room for n bytes in the scratch buffer. Returns 0 or -1 (no memory). */
static inline int reserve_scratch(tb_csv_reader *r, size_t n)
{
    if (n <= r->scratch_cap)
        return 0;
    size_t cap = r->scratch_cap ? r->scratch_cap : 4096;
    while (cap < n)
        cap *= 2;
    char *s = realloc(r->scratch, cap);
    if (!s)
        return -1;
    r->scratch = s;
    r->scratch_cap = cap;
    return 0;
}

/*
 * Checks a non-blank record (text, UTF-8), copies it to scratch, splits it
 * and hands it out in *row. Returns TB_CSV_OK or an error.
 */
static inline tb_csv_status deliver(tb_csv_reader *r, tb_csv_row *row, const char *raw,
                                    size_t raw_len, long line)
{
    if (memchr(raw, 0, raw_len))
        return fail(r, TB_CSV_ERR_BINARY, line, "ada byte NUL: ini bukan berkas teks (CSV)");
    if (!valid_utf8((const unsigned char *)raw, raw_len))
        return fail(r, TB_CSV_ERR_ENCODING, line,
                    "bukan teks UTF-8 (simpan berkas sebagai CSV UTF-8)");
    if (!r->delimiter)
        r->delimiter = detect_delimiter(raw, raw_len);
    if (reserve_scratch(r, raw_len + 1))
        return fail(r, TB_CSV_ERR_NOMEM, line, "out of memory");
    memcpy(r->scratch, raw, raw_len);
    r->scratch[raw_len] = 0;
    int nf;
    tb_csv_status st = split(r, raw_len, line, &nf);
    if (st)
        return st;
    row->nfields = nf;
    row->fields = r->fields;
    row->lens = r->lens;
    row->raw = raw;
    row->raw_len = raw_len;
    row->line = line;
    row->record = r->record++;
    return TB_CSV_OK;
}

tb_csv_status tb_csv_next(tb_csv_reader *r, tb_csv_row *row)
{
    if (r->failed)
        return r->failed;
    if (!r->buf && fill(r) < 0)
        return fail(r, TB_CSV_ERR_IO, r->line, "gagal membaca");
    for (;;) {
        size_t rend, quotes;
        tb_csv_status st = find_record_end(r, &rend, &quotes);
        if (st != TB_CSV_OK)
            return st;
        size_t start = r->pos;
        size_t raw_len = rend - start;
        if (raw_len > r->max_record)
            return fail(r, TB_CSV_ERR_TOO_LONG, r->line, "baris data melebihi batas panjang");
        long line = consume_record(r, start, rend, quotes);
        if (raw_len && r->buf[start + raw_len - 1] == '\r')
            raw_len--;
        if (raw_len > 0) /* a blank line is skipped */
            return deliver(r, row, r->buf + start, raw_len, line);
    }
}

/* Exact powers of ten representable as doubles. */
static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Slow path: strtod on a '.'-normalised copy, refusing nan/inf/hex. */
static int parse_slow(const char *s, size_t len, bool decimal_comma, double *out)
{
    char tmp[80];
    if (len >= sizeof tmp)
        return -1;
    size_t n = 0;
    int seps = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ',' && decimal_comma)
            c = '.';
        if (c == '.')
            seps++;
        if (!((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 'e' || c == 'E'))
            return -1;
        tmp[n++] = c;
    }
    tmp[n] = 0;
    if (seps > 1 || n == 0)
        return -1;
    char *end;
    double v = strtod(tmp, &end);
    if (end != tmp + n || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int tb_parse_number(const char *s, size_t len, bool decimal_comma, double *out)
{
    *out = NAN;
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    if (!len)
        return 0;
    size_t i = 0;
    bool neg = false;
    if (s[0] == '-' || s[0] == '+')
        neg = s[0] == '-', i++;
    uint64_t mant = 0;
    int digits = 0, frac = 0;
    bool sep = false;
    for (; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (digits >= 15)
                return parse_slow(s, len, decimal_comma, out) ? (*out = NAN, -1) : 0;
            mant = mant * 10 + (uint64_t)(c - '0');
            if (mant)
                digits++;
            if (sep)
                frac++;
        } else if ((c == '.' || (c == ',' && decimal_comma)) && !sep) {
            sep = true;
        } else if (c == 'e' || c == 'E') {
            return parse_slow(s, len, decimal_comma, out) ? (*out = NAN, -1) : 0;
        } else {
            return -1;
        }
    }
    /* at least one digit */
    size_t ndig = len - (s[0] == '-' || s[0] == '+') - (sep ? 1 : 0);
    if (ndig == 0)
        return -1;
    if (frac > 22)
        return parse_slow(s, len, decimal_comma, out) ? (*out = NAN, -1) : 0;
    double v = (double)mant / pow10_exact[frac];
    *out = neg ? -v : v;
    return 0;
}

int tb_format_fixed(char *buf, double x, int decimals, char separator)
{
    if (isnan(x))
        return 0;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 9)
        decimals = 9;
    double scaled = fabs(x) * pow10_exact[decimals];
    if (!(scaled < 9e15)) {
        /* absurd magnitudes (garbage input): exponent form, within 32 bytes */
        int n = snprintf(buf, 32, "%.*e", decimals, x);
        if (n < 0)
            return 0;
        if (n > 31)
            n = 31;
        for (int i = 0; i < n; i++)
            if (buf[i] == '.')
                buf[i] = separator;
        return n;
    }
    uint64_t v = (uint64_t)(scaled + 0.5); /* scaled >= 0: truncation is floor */
    if (decimals == 2 && v < 100000000) {
        /* the common case (z-scores, kg, cm): integer part, then two digits */
        static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                    "25262728293031323334353637383940414243444546474849"
                                    "50515253545556575859606162636465666768697071727374"
                                    "75767778798081828384858687888990919293949596979899";
        uint32_t ip = (uint32_t)v / 100, fp = (uint32_t)v % 100;
        char *o = buf;
        if (x < 0 && v != 0)
            *o++ = '-';
        char t[12];
        int k = 0;
        do {
            t[k++] = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
        while (k)
            *o++ = t[--k];
        *o++ = separator;
        *o++ = pairs[2 * fp];
        *o++ = pairs[2 * fp + 1];
        return (int)(o - buf);
    }
    char tmp[32];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v || n <= decimals);
    char *o = buf;
    if (x < 0) {
        /* no "-0.00": a sign only when some digit is not zero */
        for (int i = 0; i < n; i++)
            if (tmp[i] != '0') {
                *o++ = '-';
                break;
            }
    }
    for (int i = n - 1; i >= 0; i--) {
        *o++ = tmp[i];
        if (i == decimals && decimals > 0)
            *o++ = separator;
    }
    return (int)(o - buf);
}

size_t tb_csv_quote(char *out, const char *field, size_t len, char delimiter)
{
    bool need = false;
    for (size_t i = 0; i < len && !need; i++) {
        char c = field[i];
        need = c == delimiter || c == '"' || c == '\r' || c == '\n';
    }
    if (!need) {
        memcpy(out, field, len);
        return len;
    }
    char *o = out;
    *o++ = '"';
    for (size_t i = 0; i < len; i++) {
        if (field[i] == '"')
            *o++ = '"';
        *o++ = field[i];
    }
    *o++ = '"';
    return (size_t)(o - out);
}
