/*
 * render_html.h - a report table as HTML and as JSON (renderers, like
 * render.h): numbers in Indonesian format on screen, plain in JSON; every
 * text escaped; drill-down links kept.
 */
#ifndef TB_RENDER_HTML_H
#define TB_RENDER_HTML_H

#include "base/buf.h"
#include "format/table.h"

/* An HTML <table> with caption; `hide_cols` (may be NULL) names column keys to leave out. */
void tb_render_html(const tb_table *t, tb_buf *b, const char *const *hide_cols);
/* tb_render_html with each heading's content written by head (a sort link,
 * say; it must escape what it writes), or the column's name when head is NULL. */
void tb_render_html_heads(const tb_table *t, tb_buf *b, const char *const *hide,
                          void (*head)(void *ctx, tb_buf *b, const tb_table *t, int col),
                          void *ctx);
/* {"judul":..., "kolom":[{"kunci","nama"}...], "baris":[{key: value}...]} */
void tb_render_json(const tb_table *t, tb_buf *b);

#endif
