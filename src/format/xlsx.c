/*
 * xlsx.c - streaming XLSX reader on libzip and expat (see xlsx.h).
 *
 * Opening: _rels/.rels names the workbook part (default xl/workbook.xml);
 * the workbook lists the sheets and their relationship ids; the workbook's
 * .rels maps ids to parts and names styles.xml and sharedStrings.xml. Every
 * part is read from the zip in CHUNK-byte pieces and fed to expat, with the
 * uncompressed size capped (zip_stat first, then a running count).
 *
 * Reading: the sheet's expat parser is suspended (XML_StopParser resumable)
 * at each </row> with a non-empty row; completed rows wait in a small queue
 * (expat may still deliver a few callbacks after the suspension) and
 * tb_xlsx_next resumes the parser only when the queue is empty.
 *
 * Hardening: DOCTYPE declarations are refused (no entity expansion at all);
 * a part that produces no parser event for STALL_LIMIT bytes (a giant tag or
 * comment that expat would buffer) is refused; names, relationships and
 * formats share a META_LIMIT budget; every cell, row, shared-strings table and
 * zip entry has a size limit, and a large entry that deflated like a zip bomb
 * is refused before it is read. Parts are streamed, so an entry's size costs
 * time, not memory: the default limit (8 GiB) lets through Excel's full
 * 1,048,576 rows of a wide export (a 1M-row e-PPGBM sheet is 1.35 GB of XML).
 */
#include "tb_date.h"
#include "format/xlsx.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>
#include <zip.h>

#define CHUNK 65536
/* an entry over BOMB_MIN bytes that deflated more than BOMB_RATIO to 1 is refused */
#define BOMB_MIN (64ULL << 20)
#define BOMB_RATIO 200
#define MAX_ROWNUM 1048576L
#define STALL_LIMIT (16LL << 20)
#define META_LIMIT ((size_t)64 << 20)
#define MAX_XF (1 << 20)
#define MAX_NUMFMT 65536

typedef struct {
    char *p;
    size_t len, cap;
} sbuf;

typedef struct {
    char *id, *type, *target;
} rel;

typedef struct {
    char *name, *rid;
    int hidden;
} sheetinfo;

typedef struct {
    char *buf;   /* fields, each NUL-terminated */
    size_t len;  /* bytes used in buf */
    size_t *off; /* n field offsets */
    int n;
    long line;
} qrow;

struct tb_xlsx_reader {
    zip_t *zip;
    tb_xlsx_options o;
    tb_csv_status status;
    char err[512];
    size_t meta;

    /* the part being parsed */
    XML_Parser p;
    zip_file_t *zf;
    char part[512];
    char *chunk;
    long long fed, mark;
    int final, suspended, done;

    /* relationships of the last .rels read */
    rel *rels;
    int nrels, caprels;

    /* workbook */
    sheetinfo *sheets;
    const char **names;
    int nsheets, capsheets;
    int date1904;
    int cur_sheet;

    /* styles */
    int in_numfmts, in_cellxfs;
    int *fmt_id;
    unsigned char *fmt_date;
    int nfmt, capfmt;
    unsigned char *xf_date;
    size_t nxf, capxf;

    /* shared strings */
    char *ss;
    size_t ss_len, ss_cap;
    size_t *ss_off;
    size_t ss_n, ss_capn;

    /* text collection (shared string items and cells) */
    int in_si, in_t, in_rph;
    sbuf text;

    /* sheet */
    int in_data, in_row, in_c, in_v, in_is, has_f, has_v, inline_str;
    int ctype; /* CT_*: the cell's t attribute */
    long cstyle;
    int ccol, lastcol;
    long rownum;
    sbuf rbuf;
    size_t *roff;
    int rn, rcap;
    qrow *q;
    int qhead, qn, qcap;

    /* the row handed out */
    qrow cur;
    char **fields;
    size_t *lens;
    int fcap;
    sbuf raw;
    long records, formulas;
};

/* ------------------------------------------------------------------------ */
/* small helpers                                                            */

/* Appends n bytes and keeps the buffer NUL-terminated; returns -1 when memory runs out. */
static int sb_add(sbuf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX / 2 - b->len)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q)
            return -1;
        b->p = q;
        b->cap = cap;
    }
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
    return 0;
}

/* Returns p grown to hold at least need items of elem bytes (*cap updated), or NULL on no memory.
 */
static void *grow(void *p, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return p;
    int nc = *cap ? *cap : 8;
    while (nc < need) {
        if (nc > INT32_MAX / 2)
            return NULL;
        nc *= 2;
    }
    void *q = realloc(p, (size_t)nc * elem);
    if (q)
        *cap = nc;
    return q;
}

/* Records the first error (later ones are ignored); true when this one was. */
static bool vfail(tb_xlsx_reader *r, tb_csv_status st, const char *fmt, va_list ap)
{
    if (r->status != TB_CSV_OK)
        return false;
    r->status = st;
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    return true;
}

/* Records the first error (later ones are ignored). */
static void fail(tb_xlsx_reader *r, tb_csv_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(r, st, fmt, ap);
    va_end(ap);
}

/* Records an error from inside an expat callback and aborts the parse. */
static void hfail(tb_xlsx_reader *r, tb_csv_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool first = vfail(r, st, fmt, ap);
    va_end(ap);
    if (first)
        XML_StopParser(r->p, XML_FALSE);
}

/* The local part of a possibly prefixed XML name ("x:row" -> "row"). */
static const char *lname(const char *n)
{
    const char *c = strrchr(n, ':');
    return c ? c + 1 : n;
}

/* The value of the attribute with local name `name`, ignoring xmlns declarations; NULL if absent.
 */
static const char *attr(const XML_Char **atts, const char *name)
{
    for (; atts[0]; atts += 2) {
        if (strncmp(atts[0], "xmlns", 5) == 0)
            continue;
        if (strcmp(lname(atts[0]), name) == 0)
            return atts[1];
    }
    return NULL;
}

/* Marks parser progress (for the stall check); returns nonzero when callbacks must be ignored. */
static int touch(tb_xlsx_reader *r)
{
    XML_Index i = XML_GetCurrentByteIndex(r->p);
    if (i >= 0)
        r->mark = (long long)i;
    return r->status != TB_CSV_OK;
}

/* Copies s, charging the metadata budget; NULL (with the error set) on failure. */
static char *meta_dup(tb_xlsx_reader *r, const char *s)
{
    size_t n = strlen(s) + 1;
    if (n > META_LIMIT - r->meta) {
        hfail(r, TB_CSV_ERR_TOO_LONG, "%s: terlalu banyak metadata buku kerja", r->part);
        return NULL;
    }
    char *d = malloc(n);
    if (!d) {
        hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return NULL;
    }
    r->meta += n;
    memcpy(d, s, n);
    return d;
}

/* Parses a non-negative decimal integer (surrounding blanks allowed); -1 when not one. */
static long long parse_index(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i == n || s[i] < '0' || s[i] > '9')
        return -1;
    long long v = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        if (v > (INT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    return i == n ? v : -1;
}

/* Writes code point cp as UTF-8 (surrogates become U+FFFD); returns the bytes written (<= 3). */
static size_t utf8_put(char *o, unsigned cp)
{
    if (cp >= 0xD800 && cp <= 0xDFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Value of a hex digit, or -1. */
static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes Excel's _xHHHH_ escapes in place (U+0000 is dropped); keeps b NUL-terminated. */
static void decode_x(sbuf *b)
{
    if (!b->p || !memchr(b->p, '_', b->len))
        return;
    char *s = b->p;
    size_t i = 0, o = 0, n = b->len;
    while (i < n) {
        if (s[i] == '_' && i + 6 < n && s[i + 1] == 'x' && s[i + 6] == '_') {
            int h0 = hexval(s[i + 2]), h1 = hexval(s[i + 3]), h2 = hexval(s[i + 4]),
                h3 = hexval(s[i + 5]);
            if (h0 >= 0 && h1 >= 0 && h2 >= 0 && h3 >= 0) {
                unsigned cp = (unsigned)(h0 << 12 | h1 << 8 | h2 << 4 | h3);
                if (cp)
                    o += utf8_put(s + o, cp);
                i += 7;
                continue;
            }
        }
        s[o++] = s[i++];
    }
    s[o] = 0;
    b->len = o;
}

/*
 * Converts a date serial stored as text ("45123" or "45123.75") to yyyy-mm-dd
 * in out (>= 48 bytes). Returns 1 on success, 0 when the text is not a plain
 * non-negative number or the serial lies outside Excel's date range.
 */
static int serial_to_iso(const char *s, size_t n, int date1904, char *out)
{
    size_t i = 0;
    long serial = 0;
    if (n == 0 || s[0] < '0' || s[0] > '9')
        return 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
        if (serial > 100000000L)
            return 0;
        serial = serial * 10 + (s[i] - '0');
    }
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            ;
    if (i != n)
        return 0;
    long days;
    if (date1904) {
        if (serial > 2957003L)
            return 0;
        days = tb_date_days(1904, 1, 1) + serial;
    } else {
        if (serial < 1 || serial > 2958465L)
            return 0;
        if (serial == 60) {
            memcpy(out, "1900-02-29", 11); /* Excel's phantom leap day */
            return 1;
        }
        days =
            serial < 60 ? tb_date_days(1899, 12, 31) + serial : tb_date_days(1899, 12, 30) + serial;
    }
    long y;
    unsigned m, d;
    tb_date_civil(days, &y, &m, &d);
    snprintf(out, 48, "%04ld-%02u-%02u", y, m, d);
    return 1;
}

/*
 * Whether a custom number format shows a date: after dropping quoted text,
 * escaped and fill characters and [...] sections, it has d or y, or m with
 * no h or s (m next to h or s means minutes).
 */
static int fmt_is_date(const char *c)
{
    int dy = 0, m = 0, hs = 0;
    for (; *c; c++) {
        switch (*c) {
        case '"':
            c++;
            while (*c && *c != '"')
                c++;
            if (!*c)
                return dy || (m && !hs);
            break;
        case '\\':
        case '_':
        case '*':
            if (!c[1])
                return dy || (m && !hs);
            c++;
            break;
        case '[':
            while (*c && *c != ']')
                c++;
            if (!*c)
                return dy || (m && !hs);
            break;
        case 'd':
        case 'D':
        case 'y':
        case 'Y':
            dy = 1;
            break;
        case 'm':
        case 'M':
            m = 1;
            break;
        case 'h':
        case 'H':
        case 's':
        case 'S':
            hs = 1;
            break;
        default:
            break;
        }
    }
    return dy || (m && !hs);
}

/* Whether number format id shows a date (custom definitions override the built-in table). */
static int numfmt_is_date(const tb_xlsx_reader *r, long id)
{
    for (int i = r->nfmt - 1; i >= 0; i--)
        if (r->fmt_id[i] == id)
            return r->fmt_date[i];
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/*
 * Resolves a relationship target against the part `base` ("xl/workbook.xml")
 * into a zip entry name: absolute targets drop their '/', "." and ".." are
 * folded. Returns -1 when the result is empty or does not fit.
 */
static int resolve(const char *base, const char *target, char *out, size_t outlen)
{
    char tmp[1024];
    if (target[0] == '/') {
        if (snprintf(tmp, sizeof tmp, "%s", target + 1) >= (int)sizeof tmp)
            return -1;
    } else {
        const char *sl = strrchr(base, '/');
        int dl = sl ? (int)(sl - base + 1) : 0;
        if (snprintf(tmp, sizeof tmp, "%.*s%s", dl, base, target) >= (int)sizeof tmp)
            return -1;
    }
    size_t o = 0;
    const char *p = tmp;
    for (;;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* nothing */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (o > 0) {
                o--;
                while (o > 0 && out[o - 1] != '/')
                    o--;
            }
        } else {
            if (o + n + 2 > outlen)
                return -1;
            memcpy(out + o, p, n);
            o += n;
            out[o++] = '/';
        }
        if (!e)
            break;
        p = e + 1;
    }
    if (o == 0)
        return -1;
    out[o - 1] = 0;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* reading a part                                                           */

/* Refuses any DOCTYPE: OOXML parts never have one, and no DTD means no entities. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
    tb_xlsx_reader *r = ud;
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    hfail(r, TB_CSV_ERR_IO, "%s baris %lu: deklarasi DOCTYPE tidak diizinkan", r->part,
          (unsigned long)XML_GetCurrentLineNumber(r->p));
}

/* Character data that nobody collects: only marks progress. */
static void XMLCALL on_chars_ignore(void *ud, const XML_Char *s, int len)
{
    (void)s, (void)len;
    touch(ud);
}

/* Closes the part being parsed, if any. */
static void entry_end(tb_xlsx_reader *r)
{
    if (r->p)
        XML_ParserFree(r->p);
    r->p = NULL;
    if (r->zf)
        zip_fclose(r->zf);
    r->zf = NULL;
}

/*
 * Opens zip entry `name` and a fresh expat parser on it. Returns 1 when open,
 * 0 when the entry does not exist and is not required, -1 on error.
 */
static int entry_begin(tb_xlsx_reader *r, const char *name, int required)
{
    entry_end(r);
    snprintf(r->part, sizeof r->part, "%s", name);
    zip_int64_t idx = zip_name_locate(r->zip, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (required)
            fail(r, TB_CSV_ERR_IO, "berkas XLSX rusak: %s tidak ada", name);
        return required ? -1 : 0;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    bool stat = zip_stat_index(r->zip, (zip_uint64_t)idx, 0, &st) == 0;
    if (stat && (st.valid & ZIP_STAT_SIZE) && st.size > r->o.max_entry) {
        fail(r, TB_CSV_ERR_TOO_LONG, "%s: ukuran tak terkompresi %llu byte melebihi batas %llu",
             name, (unsigned long long)st.size, r->o.max_entry);
        return -1;
    }
    /* XML of real sheets deflates 5-50 to 1; a zip bomb about 1000 to 1 */
    if (stat && (st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
        st.size > BOMB_MIN && st.size / (st.comp_size + 1) > BOMB_RATIO) {
        fail(r, TB_CSV_ERR_TOO_LONG,
             "%s: %llu byte dimampatkan %llu banding 1: bukan lembar kerja (bom zip?)", name,
             (unsigned long long)st.size, (unsigned long long)(st.size / (st.comp_size + 1)));
        return -1;
    }
    r->zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
    if (!r->zf) {
        fail(r, TB_CSV_ERR_IO, "tidak dapat membaca %s: %s", name, zip_strerror(r->zip));
        return -1;
    }
    r->p = XML_ParserCreate(NULL);
    if (!r->p) {
        fail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return -1;
    }
    XML_SetUserData(r->p, r);
    XML_SetStartDoctypeDeclHandler(r->p, on_doctype);
    XML_SetCharacterDataHandler(r->p, on_chars_ignore);
    r->fed = r->mark = 0;
    r->final = r->suspended = r->done = 0;
    return 1;
}

/*
 * Feeds the open part to expat until a callback suspends the parser (returns
 * 1), the part ends (0) or an error occurs (-1, message set).
 */
static int entry_pump(tb_xlsx_reader *r)
{
    for (;;) {
        enum XML_Status xs;
        if (r->status != TB_CSV_OK)
            return -1;
        if (r->done)
            return 0;
        if (r->suspended) {
            r->suspended = 0;
            xs = XML_ResumeParser(r->p);
        } else {
            zip_int64_t n = zip_fread(r->zf, r->chunk, CHUNK);
            if (n < 0) {
                fail(r, TB_CSV_ERR_IO, "berkas XLSX rusak: tidak dapat membaca %s: %s", r->part,
                     zip_file_strerror(r->zf));
                return -1;
            }
            r->fed += n;
            if ((unsigned long long)r->fed > r->o.max_entry) {
                fail(r, TB_CSV_ERR_TOO_LONG, "%s: ukuran tak terkompresi melebihi batas %llu byte",
                     r->part, r->o.max_entry);
                return -1;
            }
            r->final = n == 0;
            xs = XML_Parse(r->p, r->chunk, (int)n, r->final);
        }
        if (r->status != TB_CSV_OK)
            return -1;
        if (xs == XML_STATUS_ERROR) {
            fail(r, TB_CSV_ERR_IO, "%s baris %lu: %s", r->part,
                 (unsigned long)XML_GetCurrentLineNumber(r->p),
                 XML_ErrorString(XML_GetErrorCode(r->p)));
            return -1;
        }
        if (xs == XML_STATUS_SUSPENDED) {
            r->suspended = 1;
            return 1;
        }
        if (r->final) {
            r->done = 1;
            return 0;
        }
        if (r->fed - r->mark > STALL_LIMIT) {
            fail(r, TB_CSV_ERR_TOO_LONG, "%s baris %lu: tag atau komentar XML lebih dari %lld byte",
                 r->part, (unsigned long)XML_GetCurrentLineNumber(r->p), STALL_LIMIT);
            return -1;
        }
    }
}

/*
 * Parses a whole part with the given handlers. Returns 1 when parsed, 0 when
 * missing and not required, -1 on error.
 */
static int parse_part(tb_xlsx_reader *r, const char *name, int required,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler chars)
{
    int rc = entry_begin(r, name, required);
    if (rc <= 0) {
        entry_end(r);
        return rc;
    }
    XML_SetElementHandler(r->p, start, end);
    if (chars)
        XML_SetCharacterDataHandler(r->p, chars);
    rc = entry_pump(r);
    entry_end(r);
    return rc < 0 ? -1 : 1;
}

/* ------------------------------------------------------------------------ */
/* relationships, workbook, styles                                          */

/* Frees the relationships read so far. */
static void rels_clear(tb_xlsx_reader *r)
{
    for (int i = 0; i < r->nrels; i++) {
        free(r->rels[i].id);
        free(r->rels[i].type);
        free(r->rels[i].target);
    }
    r->nrels = 0;
}

/* <Relationship Id Type Target [TargetMode]>: records internal relationships. */
static void XMLCALL rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    tb_xlsx_reader *r = ud;
    if (touch(r) || strcmp(lname(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    const char *mode = attr(atts, "TargetMode");
    if (!id || !target || (mode && strcmp(mode, "External") == 0))
        return;
    rel *nr = grow(r->rels, &r->caprels, r->nrels + 1, sizeof *r->rels);
    if (!nr) {
        hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return;
    }
    r->rels = nr;
    rel *x = &r->rels[r->nrels];
    x->id = meta_dup(r, id);
    x->type = meta_dup(r, type ? type : "");
    x->target = meta_dup(r, target);
    r->nrels++; /* counted even when a copy failed, so rels_clear frees the others */
}

/* Ignores end tags, marking progress. */
static void XMLCALL end_ignore(void *ud, const XML_Char *name)
{
    (void)name;
    touch(ud);
}

/* The first relationship whose Type ends with suffix ("/worksheet"), or NULL. */
static const rel *rel_by_type(const tb_xlsx_reader *r, const char *suffix)
{
    size_t sl = strlen(suffix);
    for (int i = 0; i < r->nrels; i++) {
        size_t tl = strlen(r->rels[i].type);
        if (tl >= sl && strcmp(r->rels[i].type + tl - sl, suffix) == 0)
            return &r->rels[i];
    }
    return NULL;
}

/* The relationship with Id id, or NULL. */
static const rel *rel_by_id(const tb_xlsx_reader *r, const char *id)
{
    for (int i = 0; i < r->nrels; i++)
        if (strcmp(r->rels[i].id, id) == 0)
            return &r->rels[i];
    return NULL;
}

/* Whether a relationship points at a worksheet part. */
static int is_worksheet(const rel *x)
{
    size_t tl = strlen(x->type);
    return tl >= 10 && strcmp(x->type + tl - 10, "/worksheet") == 0;
}

/* Whether an XML boolean attribute value is true. */
static int xml_true(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/* <workbookPr date1904> and <sheet name r:id state>. */
static void XMLCALL wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    tb_xlsx_reader *r = ud;
    if (touch(r))
        return;
    const char *ln = lname(name);
    if (strcmp(ln, "workbookPr") == 0) {
        r->date1904 = xml_true(attr(atts, "date1904"));
    } else if (strcmp(ln, "sheet") == 0) {
        const char *nm = attr(atts, "name"), *rid = attr(atts, "id"), *state = attr(atts, "state");
        if (!nm || !rid)
            return;
        if (r->meta > META_LIMIT - sizeof(sheetinfo)) {
            hfail(r, TB_CSV_ERR_TOO_LONG, "%s: terlalu banyak sheet", r->part);
            return;
        }
        sheetinfo *ns = grow(r->sheets, &r->capsheets, r->nsheets + 1, sizeof *r->sheets);
        if (!ns) {
            hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
            return;
        }
        r->sheets = ns;
        r->meta += sizeof(sheetinfo);
        sheetinfo *s = &r->sheets[r->nsheets++];
        s->hidden = state && strcmp(state, "visible") != 0;
        s->rid = NULL;
        s->name = meta_dup(r, nm);
        if (s->name)
            s->rid = meta_dup(r, rid);
    }
}

/* <numFmts><numFmt numFmtId formatCode> and <cellXfs><xf numFmtId>. */
static void XMLCALL st_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    tb_xlsx_reader *r = ud;
    if (touch(r))
        return;
    const char *ln = lname(name);
    if (strcmp(ln, "numFmts") == 0) {
        r->in_numfmts = 1;
    } else if (strcmp(ln, "cellXfs") == 0) {
        r->in_cellxfs = 1;
    } else if (r->in_numfmts && strcmp(ln, "numFmt") == 0) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        long long v = id ? parse_index(id, strlen(id)) : -1;
        if (v < 0 || v > INT32_MAX || !code)
            return;
        if (r->nfmt >= MAX_NUMFMT) {
            hfail(r, TB_CSV_ERR_TOO_LONG, "%s: more than %d format angka", r->part, MAX_NUMFMT);
            return;
        }
        int cap = r->capfmt;
        int *ni = grow(r->fmt_id, &cap, r->nfmt + 1, sizeof *r->fmt_id);
        if (ni)
            r->fmt_id = ni;
        unsigned char *nd = ni ? realloc(r->fmt_date, (size_t)cap) : NULL;
        if (!nd) {
            hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
            return;
        }
        r->fmt_date = nd;
        r->capfmt = cap;
        r->fmt_id[r->nfmt] = (int)v;
        r->fmt_date[r->nfmt] = (unsigned char)fmt_is_date(code);
        r->nfmt++;
    } else if (r->in_cellxfs && strcmp(ln, "xf") == 0) {
        const char *id = attr(atts, "numFmtId");
        long long v = id ? parse_index(id, strlen(id)) : 0;
        if (r->nxf >= MAX_XF) {
            hfail(r, TB_CSV_ERR_TOO_LONG, "%s: more than %d format sel", r->part, MAX_XF);
            return;
        }
        if (r->nxf == r->capxf) {
            size_t nc = r->capxf ? r->capxf * 2 : 64;
            unsigned char *q = realloc(r->xf_date, nc);
            if (!q) {
                hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
                return;
            }
            r->xf_date = q;
            r->capxf = nc;
        }
        r->xf_date[r->nxf++] =
            (unsigned char)(v >= 0 && v <= INT32_MAX && numfmt_is_date(r, (long)v));
    }
}

/* Leaves <numFmts> and <cellXfs>. */
static void XMLCALL st_end(void *ud, const XML_Char *name)
{
    tb_xlsx_reader *r = ud;
    if (touch(r))
        return;
    const char *ln = lname(name);
    if (strcmp(ln, "numFmts") == 0)
        r->in_numfmts = 0;
    else if (strcmp(ln, "cellXfs") == 0)
        r->in_cellxfs = 0;
}

/* ------------------------------------------------------------------------ */
/* shared strings                                                           */

/* Appends collected text, enforcing the cell limit; what names the text in the message. */
/* Appends cell text (row n's cell, or shared string n); the message is built only on failure. */
static void text_add(tb_xlsx_reader *r, const char *s, int len, bool shared, long long n)
{
    if ((size_t)len > r->o.max_cell - r->text.len) {
        r->text.len = 0;
        char what[64];
        snprintf(what, sizeof what, shared ? "string bersama %lld" : "baris %lld: sel", n);
        hfail(r, TB_CSV_ERR_TOO_LONG, "%s: teks lebih dari %zu byte", what, r->o.max_cell);
        return;
    }
    if (sb_add(&r->text, s, (size_t)len) < 0)
        hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
}

/* <si>, <t>, <rPh> (phonetic runs are not part of the text). */
static void XMLCALL sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    tb_xlsx_reader *r = ud;
    (void)atts;
    if (touch(r))
        return;
    const char *ln = lname(name);
    if (strcmp(ln, "si") == 0) {
        r->in_si = 1;
        r->in_t = r->in_rph = 0;
        r->text.len = 0;
    } else if (r->in_si && strcmp(ln, "rPh") == 0) {
        r->in_rph = 1;
    } else if (r->in_si && !r->in_rph && strcmp(ln, "t") == 0) {
        r->in_t = 1;
    }
}

/* At </si>, stores the item's text, enforcing the table's memory limit. */
static void XMLCALL sst_end(void *ud, const XML_Char *name)
{
    tb_xlsx_reader *r = ud;
    if (touch(r))
        return;
    const char *ln = lname(name);
    if (strcmp(ln, "t") == 0) {
        r->in_t = 0;
    } else if (strcmp(ln, "rPh") == 0) {
        r->in_rph = 0;
    } else if (r->in_si && strcmp(ln, "si") == 0) {
        r->in_si = 0;
        decode_x(&r->text);
        size_t n = r->text.len;
        size_t need = r->ss_len + n + 1, idx = (r->ss_n + 1) * sizeof(size_t);
        if (need > r->o.max_shared || idx > r->o.max_shared - need) {
            hfail(r, TB_CSV_ERR_TOO_LONG, "%s: string bersama melebihi batas %zu byte", r->part,
                  r->o.max_shared);
            return;
        }
        if (need > r->ss_cap) {
            size_t nc = r->ss_cap ? r->ss_cap : 4096;
            while (nc < need)
                nc *= 2;
            if (nc > r->o.max_shared)
                nc = r->o.max_shared;
            char *q = realloc(r->ss, nc);
            if (!q) {
                hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
                return;
            }
            r->ss = q;
            r->ss_cap = nc;
        }
        if (r->ss_n == r->ss_capn) {
            size_t nc = r->ss_capn ? r->ss_capn * 2 : 256;
            size_t *q = realloc(r->ss_off, nc * sizeof *q);
            if (!q) {
                hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
                return;
            }
            r->ss_off = q;
            r->ss_capn = nc;
        }
        r->ss_off[r->ss_n++] = r->ss_len;
        if (n)
            memcpy(r->ss + r->ss_len, r->text.p, n);
        r->ss[r->ss_len + n] = 0;
        r->ss_len += n + 1;
    }
}

/* Collects <si><t> text. */
static void XMLCALL sst_chars(void *ud, const XML_Char *s, int len)
{
    tb_xlsx_reader *r = ud;
    if (touch(r))
        return;
    if (r->in_si && r->in_t && !r->in_rph)
        text_add(r, s, len, true, (long long)r->ss_n);
}

/* ------------------------------------------------------------------------ */
/* the sheet                                                                */

/* Parses a cell reference's column letters ("BC12" -> 55); 0 when it has none. */
static long ref_column(const char *s)
{
    long c = 0;
    for (; *s; s++) {
        int ch = *s;
        if (ch >= 'a' && ch <= 'z')
            ch -= 'a' - 'A';
        if (ch < 'A' || ch > 'Z')
            break;
        c = c * 26 + (ch - 'A' + 1);
        if (c > 1L << 24)
            c = 1L << 24;
    }
    return c;
}

/* Writes the letters of column col (1-based, at most 1 << 24) into out (>= 8 bytes). */
static void col_letters(long col, char *out)
{
    char tmp[8];
    int n = 0;
    while (col > 0 && n < 7) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = 0;
}

/* Appends one field to the row being built; -1 (error set) beyond the row limit. */
static int row_push(tb_xlsx_reader *r, const char *s, size_t n)
{
    if (n + 1 > r->o.max_row - r->rbuf.len) {
        hfail(r, TB_CSV_ERR_TOO_LONG, "baris %ld: lebih dari %zu byte", r->rownum, r->o.max_row);
        return -1;
    }
    size_t *no = grow(r->roff, &r->rcap, r->rn + 1, sizeof *r->roff);
    if (no)
        r->roff = no;
    if (!no || sb_add(&r->rbuf, s, n) < 0 || sb_add(&r->rbuf, "", 1) < 0) {
        hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return -1;
    }
    /* sb_add keeps a NUL after the data; the explicit "" of length 1 is the field's NUL. */
    r->roff[r->rn++] = r->rbuf.len - n - 1;
    return 0;
}

/* Length of field i of a finished row. */
static size_t field_len(size_t len, const size_t *off, int n, int i)
{
    return (i + 1 < n ? off[i + 1] : len) - off[i] - 1;
}

/* <sheetData>, <row r>, <c r t s>, <v>, <f>, <is>, <t>, <rPh>. */
/* The sheet elements the reader acts on (every cell has three to six of them). */
enum { EL_OTHER, EL_SHEETDATA, EL_ROW, EL_C, EL_V, EL_F, EL_IS, EL_T, EL_RPH };

static int element(const char *ln)
{
    switch (ln[0]) {
    case 'c':
        return ln[1] ? EL_OTHER : EL_C;
    case 'v':
        return ln[1] ? EL_OTHER : EL_V;
    case 'f':
        return ln[1] ? EL_OTHER : EL_F;
    case 't':
        return ln[1] ? EL_OTHER : EL_T;
    case 'i':
        return strcmp(ln, "is") ? EL_OTHER : EL_IS;
    case 'r':
        return !strcmp(ln, "row") ? EL_ROW : !strcmp(ln, "rPh") ? EL_RPH : EL_OTHER;
    case 's':
        return strcmp(ln, "sheetData") ? EL_OTHER : EL_SHEETDATA;
    default:
        return EL_OTHER;
    }
}

/* Cell types (the t attribute of <c>): number when absent. */
enum { CT_N, CT_S, CT_STR, CT_B, CT_E, CT_D, CT_INLINE, CT_OTHER };

static int cell_type(const char *t)
{
    static const char *const names[] = {"n", "s", "str", "b", "e", "d", "inlineStr"};
    if (!t)
        return CT_N;
    for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
        if (!strcmp(t, names[i]))
            return i;
    return CT_OTHER; /* read as a number, as before */
}

/* At <row r>: starts collecting a row. */
static inline void row_begin(tb_xlsx_reader *r, const XML_Char **atts)
{
    const char *rr = attr(atts, "r");
    long long v = rr ? parse_index(rr, strlen(rr)) : r->rownum + 1;
    if (v < 1 || v > MAX_ROWNUM) {
        hfail(r, TB_CSV_ERR_IO, "%s baris %lu: nomor baris tidak sah \"%.20s\"", r->part,
              (unsigned long)XML_GetCurrentLineNumber(r->p), rr ? rr : "");
        return;
    }
    r->in_row = 1;
    r->rownum = (long)v;
    r->rbuf.len = 0;
    r->rn = 0;
    r->lastcol = 0;
}

/* The r, t and s attributes of a <c>, in one pass (this runs for every cell). */
static inline void cell_attrs(const XML_Char **atts, const char **ref, const char **t,
                              const char **s)
{
    *ref = *t = *s = NULL;
    for (const XML_Char **a = atts; a[0]; a += 2) {
        if (a[0][0] == 'x' && strncmp(a[0], "xmlns", 5) == 0)
            continue;
        const char *an = lname(a[0]);
        if (an[0] && !an[1]) {
            if (an[0] == 'r')
                *ref = a[1];
            else if (an[0] == 't')
                *t = a[1];
            else if (an[0] == 's')
                *s = a[1];
        }
    }
}

/* The 1-based column of a cell (the next one without a reference), or -1 (error set). */
static inline long cell_column(tb_xlsx_reader *r, const char *ref)
{
    long col = ref ? ref_column(ref) : r->lastcol + 1;
    if (col <= 0) {
        hfail(r, TB_CSV_ERR_IO, "baris %ld: referensi sel tidak sah \"%.20s\"", r->rownum, ref);
        return -1;
    }
    if (col > r->o.max_columns || col <= r->lastcol) {
        char cn[8];
        col_letters(col, cn);
        if (col > r->o.max_columns)
            hfail(r, TB_CSV_ERR_TOO_WIDE, "baris %ld: sel %s%ld melewati batas %d kolom", r->rownum,
                  cn, r->rownum, r->o.max_columns);
        else
            hfail(r, TB_CSV_ERR_IO, "baris %ld: sel %s%ld tidak berurutan", r->rownum, cn,
                  r->rownum);
        return -1;
    }
    return col;
}

/* At <c r t s>: starts collecting a cell. */
static inline void cell_begin(tb_xlsx_reader *r, const XML_Char **atts)
{
    const char *ref, *t, *s;
    cell_attrs(atts, &ref, &t, &s);
    long col = cell_column(r, ref);
    if (col < 0)
        return;
    r->in_c = 1;
    r->ccol = (int)col;
    r->ctype = cell_type(t);
    long long sv = s ? parse_index(s, strlen(s)) : 0;
    r->cstyle = sv < 0 || sv > INT32_MAX ? 0 : (long)sv;
    r->inline_str = r->ctype == CT_INLINE;
    r->has_f = r->has_v = r->in_v = r->in_is = r->in_t = r->in_rph = 0;
    r->text.len = 0;
    if (r->text.p)
        r->text.p[0] = 0;
}

/* Inside a cell: <v>, <f>, <is>, and <t> or <rPh> of an inline string. */
static inline void cell_child(tb_xlsx_reader *r, int el)
{
    if (el == EL_V) {
        r->in_v = 1;
        r->has_v = 1;
    } else if (el == EL_F) {
        r->has_f = 1;
    } else if (el == EL_IS) {
        r->in_is = 1;
    } else if (r->in_is && el == EL_RPH) {
        r->in_rph = 1;
    } else if (r->in_is && !r->in_rph && el == EL_T) {
        r->in_t = 1;
    }
}

static void XMLCALL sh_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    tb_xlsx_reader *r = ud;
    if (touch(r))
        return;
    int el = element(lname(name));
    if (!r->in_data) {
        if (el == EL_SHEETDATA)
            r->in_data = 1;
    } else if (el == EL_ROW) {
        row_begin(r, atts);
    } else if (r->in_row && el == EL_C) {
        cell_begin(r, atts);
    } else if (r->in_c) {
        cell_child(r, el);
    }
}

/* At </c>: turns the collected text into the field and appends it (after empty gap fields). */
static void cell_done(tb_xlsx_reader *r)
{
    const char *v = r->text.p ? r->text.p : "";
    size_t n = r->text.len;
    char date[48];
    int t = r->ctype;
    if (r->inline_str) {
        decode_x(&r->text);
        v = r->text.p ? r->text.p : "";
        n = r->text.len;
    } else if (r->has_f && !r->has_v) {
        r->formulas++;
        v = "";
        n = 0;
    } else if (t == CT_S) {
        if (!r->has_v) {
            n = 0;
        } else {
            long long i = parse_index(v, n);
            if (i < 0 || (size_t)i >= r->ss_n) {
                hfail(r, TB_CSV_ERR_IO,
                      "baris %ld: indeks string bersama \"%.20s\" di luar rentang (%zu string)",
                      r->rownum, v, r->ss_n);
                return;
            }
            v = r->ss + r->ss_off[i];
            n = ((size_t)i + 1 < r->ss_n ? r->ss_off[i + 1] : r->ss_len) - r->ss_off[i] - 1;
        }
    } else if (t == CT_STR) {
        decode_x(&r->text);
        v = r->text.p ? r->text.p : "";
        n = r->text.len;
    } else if (t == CT_B) {
        long long b = parse_index(v, n);
        if (b == 0 || b == 1) {
            v = b ? "TRUE" : "FALSE";
            n = strlen(v);
        }
    } else if (t != CT_E && t != CT_D) {
        /* a number: trim blanks, then render as a date when the format says so */
        while (n && (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n'))
            v++, n--;
        while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
            n--;
        if ((size_t)r->cstyle < r->nxf && r->xf_date[r->cstyle] &&
            serial_to_iso(v, n, r->date1904, date)) {
            v = date;
            n = strlen(date);
        }
    }
    while (r->rn < r->ccol - 1)
        if (row_push(r, "", 0) < 0)
            return;
    /* v may point into r->text, which row_push does not touch */
    if (row_push(r, v, n) < 0)
        return;
    r->lastcol = r->ccol;
}

/* At </row>: drops trailing empty fields and queues a non-empty row, suspending the parser. */
static void row_done(tb_xlsx_reader *r)
{
    while (r->rn > 0 && field_len(r->rbuf.len, r->roff, r->rn, r->rn - 1) == 0) {
        r->rbuf.len = r->roff[r->rn - 1];
        r->rn--;
    }
    if (r->rn == 0)
        return;
    qrow *nq = grow(r->q, &r->qcap, r->qhead + r->qn + 1, sizeof *r->q);
    if (!nq) {
        hfail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return;
    }
    r->q = nq;
    qrow *e = &r->q[r->qhead + r->qn++];
    e->buf = r->rbuf.p;
    e->len = r->rbuf.len;
    e->off = r->roff;
    e->n = r->rn;
    e->line = r->rownum;
    r->rbuf = (sbuf){0};
    r->roff = NULL;
    r->rcap = r->rn = 0;
    XML_StopParser(r->p, XML_TRUE);
}

/* Ends <sheetData>, <row>, <c> and the text elements. */
static void XMLCALL sh_end(void *ud, const XML_Char *name)
{
    tb_xlsx_reader *r = ud;
    if (touch(r) || !r->in_data)
        return;
    switch (element(lname(name))) {
    case EL_SHEETDATA:
        r->in_data = 0;
        break;
    case EL_ROW:
        if (r->in_row) {
            r->in_row = 0;
            row_done(r);
        }
        break;
    case EL_C:
        if (r->in_c) {
            r->in_c = 0;
            cell_done(r);
        }
        break;
    case EL_V:
        r->in_v = 0;
        break;
    case EL_IS:
        r->in_is = 0;
        break;
    case EL_T:
        r->in_t = 0;
        break;
    case EL_RPH:
        r->in_rph = 0;
        break;
    }
}

/* Collects <v> text (not for inline strings) and <is><t> text. */
static void XMLCALL sh_chars(void *ud, const XML_Char *s, int len)
{
    tb_xlsx_reader *r = ud;
    if (touch(r) || !r->in_c)
        return;
    if ((r->in_v && !r->inline_str) || (r->in_is && r->in_t && !r->in_rph))
        text_add(r, s, len, false, r->rownum);
}

/* ------------------------------------------------------------------------ */
/* opening                                                                  */

/* Appends `"name", ` entries for every sheet to msg (truncating quietly). */
static void list_sheets(const tb_xlsx_reader *r, char *msg, size_t cap)
{
    size_t o = strlen(msg);
    for (int i = 0; i < r->nsheets && o + 1 < cap; i++) {
        int w = snprintf(msg + o, cap - o, "%s\"%s\"", i ? ", " : "", r->sheets[i].name);
        if (w < 0)
            break;
        o += (size_t)w;
    }
}

/* The workbook part that _rels/.rels names (default xl/workbook.xml) into wb. 0 or -1 (error set).
 */
static int find_workbook(tb_xlsx_reader *r, char *wb, size_t cap)
{
    char path[512];
    snprintf(wb, cap, "xl/workbook.xml");
    if (parse_part(r, "_rels/.rels", 0, rels_start, end_ignore, NULL) < 0)
        return -1;
    const rel *od = rel_by_type(r, "/officeDocument");
    if (od && resolve("", od->target, path, sizeof path) == 0)
        snprintf(wb, cap, "%s", path);
    rels_clear(r);
    if (zip_name_locate(r->zip, wb, ZIP_FL_NOCASE) < 0) {
        fail(r, TB_CSV_ERR_IO, "bukan berkas XLSX (arsip zip tidak berisi %s)", wb);
        return -1;
    }
    return 0;
}

/* Reads the workbook's sheets (names, ids, hidden) and date system. 0 or -1 (error set). */
static int read_workbook(tb_xlsx_reader *r, const char *wb)
{
    if (parse_part(r, wb, 1, wb_start, end_ignore, NULL) < 0)
        return -1;
    for (int i = 0; i < r->nsheets; i++)
        if (!r->sheets[i].name || !r->sheets[i].rid) {
            fail(r, TB_CSV_ERR_NOMEM, "memori habis");
            return -1;
        }
    if (r->nsheets <= 0) {
        fail(r, TB_CSV_ERR_IO, "berkas XLSX rusak: %s tidak mencantumkan sheet", wb);
        return -1;
    }
    r->names = malloc((size_t)r->nsheets * sizeof *r->names);
    if (!r->names) {
        fail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return -1;
    }
    for (int i = 0; i < r->nsheets; i++)
        r->names[i] = r->sheets[i].name;
    return 0;
}

/* Reads the workbook's relationships: dir/_rels/base.rels. 0 or -1 (error set). */
static int read_workbook_rels(tb_xlsx_reader *r, const char *wb)
{
    char path[512];
    const char *sl = strrchr(wb, '/');
    int dl = sl ? (int)(sl - wb + 1) : 0;
    /* a name cut short here is then not found in the zip: "missing" */
    if (snprintf(path, sizeof path, "%.*s_rels/%s.rels", dl, wb, wb + dl) < 0 ||
        parse_part(r, path, 1, rels_start, end_ignore, NULL) < 0)
        return -1;
    for (int i = 0; i < r->nrels; i++)
        if (!r->rels[i].id || !r->rels[i].type || !r->rels[i].target) {
            fail(r, TB_CSV_ERR_NOMEM, "memori habis");
            return -1;
        }
    return 0;
}

/*
 * The sheet to read: the one named (exactly, else ignoring case), or the
 * first visible worksheet, else the first worksheet. Returns its index, or
 * -1 (error set; a missing name lists the sheets there are).
 */
static int choose_sheet(tb_xlsx_reader *r, const char *sheet_name)
{
    int k = -1;
    if (sheet_name) {
        for (int i = 0; i < r->nsheets && k < 0; i++)
            if (strcmp(r->sheets[i].name, sheet_name) == 0)
                k = i;
        for (int i = 0; i < r->nsheets && k < 0; i++)
            if (strcasecmp(r->sheets[i].name, sheet_name) == 0)
                k = i;
        if (k < 0) {
            snprintf(r->err, sizeof r->err,
                     "sheet \"%.100s\" tidak ada; buku kerja ini berisi: ", sheet_name);
            list_sheets(r, r->err, sizeof r->err);
            r->status = TB_CSV_ERR_IO;
        }
        return k;
    }
    for (int pass = 0; pass < 2 && k < 0; pass++)
        for (int i = 0; i < r->nsheets && k < 0; i++) {
            const rel *x = rel_by_id(r, r->sheets[i].rid);
            if (x && (pass || !r->sheets[i].hidden) && is_worksheet(x))
                k = i;
        }
    if (k < 0)
        fail(r, TB_CSV_ERR_IO, "buku kerja tidak berisi lembar kerja");
    return k;
}

/* The part of sheet k, which must be a worksheet, into out. 0 or -1 (error set). */
static int sheet_part(tb_xlsx_reader *r, const char *wb, int k, char *out, size_t cap)
{
    const rel *sr = rel_by_id(r, r->sheets[k].rid);
    if (!sr) {
        fail(r, TB_CSV_ERR_IO, "berkas XLSX rusak: sheet \"%.100s\" tidak punya isi",
             r->sheets[k].name);
        return -1;
    }
    if (!is_worksheet(sr)) {
        fail(r, TB_CSV_ERR_IO, "sheet \"%.100s\" bukan lembar kerja (grafik?)", r->sheets[k].name);
        return -1;
    }
    if (resolve(wb, sr->target, out, cap) < 0) {
        fail(r, TB_CSV_ERR_IO, "berkas XLSX rusak: nama bagian tidak sah untuk sheet \"%.100s\"",
             r->sheets[k].name);
        return -1;
    }
    return 0;
}

/* Reads the styles and shared strings (both optional) the workbook names. 0 or -1 (error set). */
static int read_styles_and_strings(tb_xlsx_reader *r, const char *wb)
{
    char st_path[512] = "xl/styles.xml", ss_path[512] = "xl/sharedStrings.xml", path[512];
    const rel *x = rel_by_type(r, "/styles");
    if (x && resolve(wb, x->target, path, sizeof path) == 0)
        snprintf(st_path, sizeof st_path, "%s", path);
    x = rel_by_type(r, "/sharedStrings");
    if (x && resolve(wb, x->target, path, sizeof path) == 0)
        snprintf(ss_path, sizeof ss_path, "%s", path);
    rels_clear(r);
    if (parse_part(r, st_path, 0, st_start, st_end, NULL) < 0)
        return -1;
    return parse_part(r, ss_path, 0, sst_start, sst_end, sst_chars) < 0 ? -1 : 0;
}

/* Reads the workbook, its relationships, styles and shared strings, and opens the sheet. */
static int load(tb_xlsx_reader *r, const char *sheet_name)
{
    char wb[512], sheet_path[512];
    if (find_workbook(r, wb, sizeof wb) || read_workbook(r, wb) || read_workbook_rels(r, wb))
        return -1;
    int k = choose_sheet(r, sheet_name);
    if (k < 0 || sheet_part(r, wb, k, sheet_path, sizeof sheet_path))
        return -1;
    r->cur_sheet = k;
    if (read_styles_and_strings(r, wb))
        return -1;
    /* the sheet stays open for tb_xlsx_next */
    if (entry_begin(r, sheet_path, 1) < 0)
        return -1;
    XML_SetElementHandler(r->p, sh_start, sh_end);
    XML_SetCharacterDataHandler(r->p, sh_chars);
    return 0;
}

/* Checks the first bytes: -1 (error set) when they cannot start an XLSX file. */
static int check_magic(tb_xlsx_reader *r, const unsigned char *m, size_t n)
{
    if (n == 0) {
        fail(r, TB_CSV_ERR_IO, "bukan berkas XLSX (berkas kosong)");
        return -1;
    }
    if (n >= 4 && memcmp(m, "\xD0\xCF\x11\xE0", 4) == 0) {
        fail(r, TB_CSV_ERR_IO,
             "bukan berkas XLSX (buku kerja .xls lama, atau yang dilindungi kata sandi)");
        return -1;
    }
    if (n < 4 || m[0] != 'P' || m[1] != 'K' ||
        !((m[2] == 3 && m[3] == 4) || (m[2] == 5 && m[3] == 6) || (m[2] == 7 && m[3] == 8))) {
        fail(r, TB_CSV_ERR_IO, "bukan berkas XLSX (bukan arsip zip)");
        return -1;
    }
    return 0;
}

/* Describes a failed zip_open. */
static void zip_open_failed(tb_xlsx_reader *r, zip_error_t *ze)
{
    switch (zip_error_code_zip(ze)) {
    case ZIP_ER_NOZIP:
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
        fail(r, TB_CSV_ERR_IO, "berkas XLSX rusak atau terpotong (%s)", zip_error_strerror(ze));
        break;
    case ZIP_ER_MEMORY:
        fail(r, TB_CSV_ERR_NOMEM, "memori habis");
        break;
    default:
        fail(r, TB_CSV_ERR_IO, "tidak dapat membaca berkas XLSX: %s", zip_error_strerror(ze));
        break;
    }
}

tb_xlsx_reader *tb_xlsx_open_opt(const char *path, const void *data, size_t len,
                                 const char *sheet_name, const tb_xlsx_options *opt, char *err,
                                 size_t errlen)
{
    tb_xlsx_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->chunk = malloc(CHUNK))) {
        free(r);
        if (err && errlen)
            snprintf(err, errlen, "memori habis");
        return NULL;
    }
    if (opt)
        r->o = *opt;
    if (!r->o.max_cell)
        r->o.max_cell = (size_t)1 << 20;
    if (r->o.max_columns <= 0)
        r->o.max_columns = 16384;
    if (!r->o.max_row)
        r->o.max_row = (size_t)16 << 20;
    if (!r->o.max_shared)
        r->o.max_shared = (size_t)256 << 20;
    if (!r->o.max_entry)
        r->o.max_entry = 8ULL << 30;
    r->cur_sheet = -1;

    zip_error_t ze;
    zip_error_init(&ze);
    if (path) {
        unsigned char m[4];
        size_t n = 0;
        FILE *f = fopen(path, "rb");
        if (!f) {
            fail(r, TB_CSV_ERR_IO, "tidak dapat membuka %s: %s", path, strerror(errno));
        } else {
            n = fread(m, 1, sizeof m, f);
            fclose(f);
            if (check_magic(r, m, n) == 0) {
                int code = 0;
                r->zip = zip_open(path, ZIP_RDONLY, &code);
                if (!r->zip) {
                    zip_error_init_with_code(&ze, code);
                    zip_open_failed(r, &ze);
                }
            }
        }
    } else if (check_magic(r, data, data ? len : 0) == 0) {
        zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
        if (!src) {
            zip_open_failed(r, &ze);
        } else if (!(r->zip = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
            zip_source_free(src);
            zip_open_failed(r, &ze);
        }
    }
    zip_error_fini(&ze);
    if (r->status == TB_CSV_OK)
        load(r, sheet_name);
    if (r->status != TB_CSV_OK) {
        if (err && errlen)
            snprintf(err, errlen, "%s", r->err);
        tb_xlsx_close(r);
        return NULL;
    }
    return r;
}

tb_xlsx_reader *tb_xlsx_open(const char *path, const char *sheet_name, char *err, size_t errlen)
{
    return tb_xlsx_open_opt(path, NULL, 0, sheet_name, NULL, err, errlen);
}

tb_xlsx_reader *tb_xlsx_open_buffer(const void *data, size_t len, const char *sheet_name, char *err,
                                    size_t errlen)
{
    if (!data)
        data = "";
    return tb_xlsx_open_opt(NULL, data, len, sheet_name, NULL, err, errlen);
}

/* ------------------------------------------------------------------------ */
/* reading rows                                                             */

/* Appends field f to b as CSV (quoted when it holds ',', '"', CR or LF); -1 on no memory. */
static int quote_field(sbuf *b, const char *f, size_t n)
{
    if (!memchr(f, ',', n) && !memchr(f, '"', n) && !memchr(f, '\r', n) && !memchr(f, '\n', n))
        return sb_add(b, f, n);
    if (sb_add(b, "\"", 1) < 0)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const char *q = memchr(f + i, '"', n - i);
        size_t k = q ? (size_t)(q - (f + i)) : n - i;
        if (sb_add(b, f + i, k) < 0)
            return -1;
        i += k;
        if (q && sb_add(b, "\"\"", 2) < 0)
            return -1;
    }
    return sb_add(b, "\"", 1);
}

tb_csv_status tb_xlsx_next(tb_xlsx_reader *r, tb_csv_row *row)
{
    if (r->status != TB_CSV_OK)
        return r->status;
    while (r->qn == 0) {
        if (!r->p)
            return TB_CSV_EOF;
        int rc = entry_pump(r);
        if (rc < 0)
            return r->status;
        if (rc == 0 && r->qn == 0) {
            entry_end(r);
            return TB_CSV_EOF;
        }
    }
    free(r->cur.buf);
    free(r->cur.off);
    r->cur = r->q[r->qhead];
    r->qhead++;
    if (--r->qn == 0)
        r->qhead = 0;

    if (r->cur.n > r->fcap) {
        int cap = r->fcap;
        char **nf = grow(r->fields, &cap, r->cur.n, sizeof *r->fields);
        if (nf)
            r->fields = nf;
        size_t *nl = nf ? realloc(r->lens, (size_t)cap * sizeof *r->lens) : NULL;
        if (!nl) {
            fail(r, TB_CSV_ERR_NOMEM, "memori habis");
            return r->status;
        }
        r->lens = nl;
        r->fcap = cap;
    }
    r->raw.len = 0;
    if (sb_add(&r->raw, "", 0) < 0) {
        fail(r, TB_CSV_ERR_NOMEM, "memori habis");
        return r->status;
    }
    for (int i = 0; i < r->cur.n; i++) {
        r->fields[i] = r->cur.buf + r->cur.off[i];
        r->lens[i] = field_len(r->cur.len, r->cur.off, r->cur.n, i);
        if ((i && sb_add(&r->raw, ",", 1) < 0) ||
            quote_field(&r->raw, r->fields[i], r->lens[i]) < 0) {
            fail(r, TB_CSV_ERR_NOMEM, "memori habis");
            return r->status;
        }
    }
    row->nfields = r->cur.n;
    row->fields = r->fields;
    row->lens = r->lens;
    row->raw = r->raw.p;
    row->raw_len = r->raw.len;
    row->line = r->cur.line;
    row->record = r->records++;
    return TB_CSV_OK;
}

const char *tb_xlsx_error(const tb_xlsx_reader *r)
{
    return r->err;
}

int tb_xlsx_sheet_names(const tb_xlsx_reader *r, const char *const **names)
{
    *names = r->names;
    return r->names ? r->nsheets : 0;
}

const char *tb_xlsx_sheet(const tb_xlsx_reader *r)
{
    return r->cur_sheet >= 0 ? r->sheets[r->cur_sheet].name : "";
}

long tb_xlsx_formula_count(const tb_xlsx_reader *r)
{
    return r->formulas;
}

long long tb_xlsx_bytes_read(const tb_xlsx_reader *r)
{
    return r->fed;
}

void tb_xlsx_close(tb_xlsx_reader *r)
{
    if (!r)
        return;
    entry_end(r);
    if (r->zip)
        zip_discard(r->zip);
    rels_clear(r);
    free(r->rels);
    for (int i = 0; i < r->nsheets; i++) {
        free(r->sheets[i].name);
        free(r->sheets[i].rid);
    }
    free(r->sheets);
    free(r->names);
    free(r->fmt_id);
    free(r->fmt_date);
    free(r->xf_date);
    free(r->ss);
    free(r->ss_off);
    free(r->text.p);
    free(r->rbuf.p);
    free(r->roff);
    for (int i = 0; i < r->qn; i++) {
        free(r->q[r->qhead + i].buf);
        free(r->q[r->qhead + i].off);
    }
    free(r->q);
    free(r->cur.buf);
    free(r->cur.off);
    free(r->fields);
    free(r->lens);
    free(r->raw.p);
    free(r->chunk);
    free(r);
}
