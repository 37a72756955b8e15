/*
 * buf.c - growable buffer and escaping (buf.h).
 */
#include "base/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

void tb_buf_free(tb_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void tb_buf_reset(tb_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = 0;
}

static int grow(tb_buf *b, size_t need)
{
    if (b->oom)
        return -1;
    if (b->len + need + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + need + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

void tb_buf_put(tb_buf *b, const void *p, size_t n)
{
    if (grow(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void tb_buf_puts(tb_buf *b, const char *s)
{
    tb_buf_put(b, s, strlen(s));
}

void tb_buf_printf(tb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        tb_buf_put(b, small, (size_t)n);
        return;
    }
    if (grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void tb_buf_dmy(tb_buf *b, const char *iso, const char *otherwise)
{
    bool date = iso && strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-';
    for (int i = 0; date && i < 10; i++)
        date = i == 4 || i == 7 || (iso[i] >= '0' && iso[i] <= '9');
    if (date)
        tb_buf_printf(b, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    else
        tb_buf_html(b, otherwise ? otherwise : "");
}

void tb_buf_html(tb_buf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            continue;
        }
        tb_buf_put(b, run, (size_t)(p - run));
        tb_buf_puts(b, rep);
        run = p + 1;
    }
    tb_buf_puts(b, run);
}

void tb_buf_json_str(tb_buf *b, const char *s)
{
    if (!s) {
        tb_buf_puts(b, "null");
        return;
    }
    tb_buf_put(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            char e[2] = {'\\', (char)*p};
            tb_buf_put(b, e, 2);
        } else if (*p < 0x20 || *p == '<') {
            tb_buf_printf(b, "\\u%04x", *p);
        } else {
            tb_buf_put(b, p, 1);
        }
    }
    tb_buf_put(b, "\"", 1);
}

void tb_buf_json_num(tb_buf *b, double v)
{
    if (isnan(v) || isinf(v))
        tb_buf_puts(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15)
        tb_buf_printf(b, "%.0f", v);
    else
        tb_buf_printf(b, "%.6g", v);
}

void tb_buf_url(tb_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~') {
            tb_buf_put(b, p, 1);
        } else {
            char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            tb_buf_put(b, e, 3);
        }
    }
}
