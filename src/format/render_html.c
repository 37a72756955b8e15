/*
 * render_html.c - HTML and JSON renderers of a tb_table.
 */
#include "format/render_html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "format/render.h"

static int hidden(const tb_table *t, int c, const char *const *hide)
{
    for (; hide && *hide; hide++)
        if (!strcmp(t->col_keys[c], *hide))
            return 1;
    return 0;
}

static void cell_text(const tb_table *t, long r, int c, char *out, size_t n)
{
    tb_cell v = tb_table_cell(t, r, c);
    out[0] = 0;
    if (t->col_kinds[c] == TB_COL_TEXT) {
        snprintf(out, n, "%s", v.text ? v.text : "");
    } else if (t->col_kinds[c] == TB_COL_DATE) {
        if (v.text && strlen(v.text) == 10)
            snprintf(out, n, "%.2s/%.2s/%.4s", v.text + 8, v.text + 5, v.text);
    } else if (!isnan(v.num) && tb_table_col_is_code(t, c)) {
        snprintf(out, n, "%.0f", v.num);
    } else if (!isnan(v.num)) {
        tb_render_number(out, n, v.num, t->col_kinds[c]);
    }
}

void tb_render_html(const tb_table *t, tb_buf *b, const char *const *hide)
{
    tb_render_html_heads(t, b, hide, NULL, NULL);
}

void tb_render_html_heads(const tb_table *t, tb_buf *b, const char *const *hide,
                          void (*head)(void *ctx, tb_buf *b, const tb_table *t, int col), void *ctx)
{
    tb_buf_puts(b, "<div class=\"tabel\"><table><caption>");
    tb_buf_html(b, t->title);
    if (t->subtitle) {
        tb_buf_puts(b, "<small>");
        tb_buf_html(b, t->subtitle);
        tb_buf_puts(b, "</small>");
    }
    tb_buf_puts(b, "</caption><thead><tr>");
    for (int c = 0; c < t->ncols; c++) {
        if (hidden(t, c, hide))
            continue;
        tb_buf_puts(b, t->col_kinds[c] == TB_COL_TEXT || t->col_kinds[c] == TB_COL_DATE
                           ? "<th>"
                           : "<th class=\"n\">");
        if (head)
            head(ctx, b, t, c);
        else
            tb_buf_html(b, t->col_names[c]);
        tb_buf_puts(b, "</th>");
    }
    tb_buf_puts(b, "</tr></thead><tbody>");
    for (long r = 0; r < t->nrows; r++) {
        tb_buf_puts(b, "<tr>");
        int first = 1;
        for (int c = 0; c < t->ncols; c++) {
            if (hidden(t, c, hide))
                continue;
            char s[256];
            cell_text(t, r, c, s, sizeof s);
            int num = t->col_kinds[c] != TB_COL_TEXT && t->col_kinds[c] != TB_COL_DATE;
            tb_buf_puts(b, num ? "<td class=\"n\">" : "<td>");
            if (first && t->links && t->links[r]) {
                tb_buf_puts(b, "<a href=\"");
                tb_buf_html(b, t->links[r]);
                tb_buf_puts(b, "\">");
                tb_buf_html(b, *s ? s : "lihat");
                tb_buf_puts(b, "</a>");
            } else {
                tb_buf_html(b, s);
            }
            tb_buf_puts(b, "</td>");
            first = 0;
        }
        tb_buf_puts(b, "</tr>");
    }
    if (t->nrows == 0)
        tb_buf_printf(b, "<tr><td colspan=\"%d\">Tidak ada data.</td></tr>", t->ncols);
    tb_buf_puts(b, "</tbody></table></div>");
}

void tb_render_json(const tb_table *t, tb_buf *b)
{
    tb_buf_puts(b, "{\"judul\":");
    tb_buf_json_str(b, t->title);
    tb_buf_puts(b, ",\"catatan\":");
    tb_buf_json_str(b, t->subtitle);
    tb_buf_puts(b, ",\"kolom\":[");
    for (int c = 0; c < t->ncols; c++) {
        tb_buf_puts(b, c ? ",{\"kunci\":" : "{\"kunci\":");
        tb_buf_json_str(b, t->col_keys[c]);
        tb_buf_puts(b, ",\"nama\":");
        tb_buf_json_str(b, t->col_names[c]);
        tb_buf_puts(b, "}");
    }
    tb_buf_puts(b, "],\"baris\":[");
    for (long r = 0; r < t->nrows; r++) {
        tb_buf_puts(b, r ? ",{" : "{");
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                tb_buf_puts(b, ",");
            tb_buf_json_str(b, t->col_keys[c]);
            tb_buf_puts(b, ":");
            tb_cell v = tb_table_cell(t, r, c);
            if (t->col_kinds[c] == TB_COL_TEXT || t->col_kinds[c] == TB_COL_DATE)
                tb_buf_json_str(b, v.text);
            else
                tb_buf_json_num(b, v.num);
        }
        tb_buf_puts(b, "}");
    }
    tb_buf_puts(b, "]}");
}
