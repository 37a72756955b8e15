/*
 * buf.h - a growable byte buffer for building responses, with HTML and JSON
 * escaping. Pages are written through tb_buf_html/tb_buf_attr for every
 * value that comes from data or from the request, so escaping happens by
 * construction: literal markup goes through tb_buf_puts, data never does.
 */
#ifndef TB_BUF_H
#define TB_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *data;
    size_t len, cap;
    int oom; /* an allocation failed: the content is incomplete */
} tb_buf;

void tb_buf_free(tb_buf *b);
void tb_buf_reset(tb_buf *b);
void tb_buf_put(tb_buf *b, const void *p, size_t n);
/* Literal markup or text known to be safe (no data). */
void tb_buf_puts(tb_buf *b, const char *s);
/* printf for numbers and literal markup; %s arguments must not be data. */
void tb_buf_printf(tb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text escaped for HTML content and attribute values (& < > " '). */
void tb_buf_html(tb_buf *b, const char *s);
/* A date yyyy-mm-dd as Indonesians write it, 30/11/2026; anything else
 * (NULL, empty, not a date) as `otherwise`, escaped. */
void tb_buf_dmy(tb_buf *b, const char *iso, const char *otherwise);
/* A JSON string literal, quotes included; NULL gives null. */
void tb_buf_json_str(tb_buf *b, const char *s);
/* A JSON number; NAN gives null. */
void tb_buf_json_num(tb_buf *b, double v);
/* Text escaped for a URL query value (percent-encoding). */
void tb_buf_url(tb_buf *b, const char *s);

#endif
