/*
 * page.c - what the HTML pages share (page.h): the frame, the error page,
 * and the area and month of a page checked against the user's area.
 */
#include "web/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "store/posyandu.h"
#include "store/wilayah.h"
#include "web/scope.h"

/* ---- frame ---- */

void tb_html_begin(tb_res *r, const tb_req *q, const char *title)
{
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<title>");
    tb_buf_html(b, title);
    tb_buf_puts(b, " · Tumbuh</title><link rel=\"stylesheet\" href=\"/aset/app.css\">"
                   "<script src=\"/aset/app.js\" defer></script></head><body>");
    tb_buf_puts(b, "<header><a class=\"merek\" href=\"/\">Tumbuh</a>");
    if (q->logged_in) {
        tb_buf_puts(b, "<nav><a href=\"/\">Beranda</a>");
        if (tb_role_enters(&q->user))
            tb_buf_puts(b, " <a href=\"/posyandu/\">Hari posyandu</a>");
        if (strcmp(q->user.peran, "kader")) /* families at risk (web/krs.c) */
            tb_buf_puts(b, " <a href=\"/krs\">Keluarga berisiko</a>");
        if (!strcmp(q->user.peran, "admin_kab") || !strcmp(q->user.peran, "tpps_kec"))
            tb_buf_puts(b, " <a href=\"/pengguna\">Pengguna</a> <a href=\"/audit\">Audit</a>");
        if (strcmp(q->user.peran, "kader") && strcmp(q->user.peran, "tpk"))
            tb_buf_puts(b, " <a href=\"/rapat\">Rapat</a> <a href=\"/cakupan\">Cakupan</a>");
        if (strcmp(q->user.peran, "kader") && strcmp(q->user.peran, "tpk"))
            tb_buf_puts(b, " <a href=\"/monitoring\">Monitoring</a>");
        if (!strcmp(q->user.peran, "admin_kab"))
            tb_buf_puts(b, " <a href=\"/impor\">Impor</a>");
        if (!strcmp(q->user.peran, "admin_kab") || !strcmp(q->user.peran, "tpps_kec"))
            tb_buf_puts(b, " <a href=\"/atur/posyandu\">Atur</a>");
        if (!strcmp(q->user.peran, "tpk") || !strcmp(q->user.peran, "desa"))
            tb_buf_puts(b, " <a href=\"/tpk/hari\">Pendampingan</a>");
        if (!strcmp(q->user.peran, "admin_kab") || !strcmp(q->user.peran, "tpps_kec") ||
            !strcmp(q->user.peran, "desa"))
            tb_buf_puts(b, " <a href=\"/tpk\">Tim TPK</a>");
        if (strcmp(q->user.peran, "kader") && strcmp(q->user.peran, "tpk"))
            tb_buf_puts(b, " <a href=\"/tpps\">TPPS</a>");
        if (q->role & (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC |
                       TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)) /* web/layanan.c */
            tb_buf_puts(b, " <a href=\"/konvergensi\">Konvergensi</a>");
        if (strcmp(q->user.peran,
                   "kader")) /* catin, pregnancy, PWS KIA (web/catin.c, kehamilan.c) */
            tb_buf_puts(b, " <a href=\"/catin\">Catin</a>");
        if (!strcmp(q->user.peran, "desa") || !strcmp(q->user.peran, "gizi_puskesmas") ||
            !strcmp(q->user.peran, "tpk"))
            tb_buf_puts(b, " <a href=\"/kehamilan\">Ibu hamil</a>");
        if (strcmp(q->user.peran, "kader"))
            tb_buf_puts(b, " <a href=\"/kia/pws\">PWS KIA</a>");
        tb_buf_puts(b, "</nav><a class=\"pengguna\" href=\"/akun\" title=\"Akun saya\">");
        tb_buf_html(b, q->user.nama);
        tb_buf_puts(b, " · ");
        tb_buf_html(b, tb_role_label(q->user.peran));
        tb_buf_puts(b, "</a><form method=\"post\" action=\"/keluar\" class=\"keluar\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"");
        tb_buf_html(b, q->csrf);
        tb_buf_puts(b, "\"><button>Keluar</button></form>");
        tb_buf_puts(b, "<meta name=\"csrf\" content=\"");
        tb_buf_html(b, q->csrf);
        tb_buf_puts(b, "\">");
    }
    tb_buf_puts(b, "</header><main>");
}

void tb_html_end(tb_res *r)
{
    tb_buf_puts(&r->body, "</main><footer>Tumbuh · data pertumbuhan anak untuk TPPS · standar"
                          " WHO 2006/2007, Permenkes 2/2020</footer></body></html>");
}

void tb_res_error(tb_res *r, const tb_req *q, int status, const char *message)
{
    if (status == 500 && q->store && tb_store_busy(q->store)) {
        status = 503; /* locked by a long write (an import): try again */
        r->retry_after = 10;
    }
    r->status = status;
    tb_buf_reset(&r->body);
    if (!strncmp(q->path, "/api/", 5)) {
        r->ctype = "application/json";
        tb_buf_puts(&r->body, "{\"galat\":");
        tb_buf_json_str(&r->body, message);
        tb_buf_puts(&r->body, "}");
        return;
    }
    tb_html_begin(r, q, "Galat");
    tb_buf_printf(&r->body, "<h1>%d</h1><p class=\"galat\">", status);
    tb_buf_html(&r->body, message);
    tb_buf_puts(&r->body, "</p><p><a href=\"/\">Kembali ke beranda</a></p>");
    tb_html_end(r);
    r->status = status;
}

/* ---- scope of a page: wilayah or posyandu, and month ---- */

bool tb_page_month_ok(const char *m, char *why, size_t n)
{
    bool digits = m && strlen(m) == 7 && m[4] == '-';
    for (int i = 0; digits && i < 7; i++)
        digits = i == 4 || (m[i] >= '0' && m[i] <= '9');
    int mm = digits ? (m[5] - '0') * 10 + (m[6] - '0') : 0;
    if (!digits || mm < 1 || mm > 12) {
        snprintf(why, n, "Bulan harus berbentuk TTTT-BB, mis. 2026-11.");
        return false;
    }
    char now[8];
    tb_this_month(now);
    if (strcmp(m, TB_PAGE_FIRST_MONTH) < 0) {
        snprintf(why, n, "Bulan %s terlalu lama: data dimulai %s.", m, TB_PAGE_FIRST_MONTH);
        return false;
    }
    if (strcmp(m, now) > 0) {
        snprintf(why, n, "Bulan %s belum tiba (bulan ini %s). Pilih bulan ini atau sebelumnya.", m,
                 now);
        return false;
    }
    return true;
}

/* Is w a Kemendagri area code (35, 35.99, 35.99.01, 35.99.01.2001)? */
static bool code_shaped(const char *w)
{
    static const int seg[] = {2, 2, 2, 4};
    int k = 0, len = 0;
    for (const char *p = w;; p++) {
        if (*p >= '0' && *p <= '9') {
            len++;
        } else if (*p == '.' || !*p) {
            if (k > 3 || len != seg[k])
                return false;
            if (!*p)
                return true;
            k++;
            len = 0;
        } else {
            return false;
        }
    }
}

/* A posyandu id: digits only, 1..10^12. */
static long posyandu_id(const char *v)
{
    size_t n = strlen(v);
    if (n == 0 || n > 12 || strspn(v, "0123456789") != n)
        return 0;
    return strtol(v, NULL, 10);
}

bool tb_page_scope_read(tb_req *q, tb_res *r, page_scope *ps)
{
    memset(ps, 0, sizeof *ps);
    const char *bulan = tb_req_arg(q, "bulan");
    char why[160];
    if (bulan && *bulan && !tb_page_month_ok(bulan, why, sizeof why)) {
        tb_res_error(r, q, 400, why);
        return false;
    }
    if (bulan && *bulan)
        memcpy(ps->sc.month, bulan, 8);
    else
        tb_this_month(ps->sc.month);
    const char *pos = tb_req_arg(q, "posyandu");
    if (pos && *pos) {
        long id = posyandu_id(pos);
        if (id <= 0) {
            tb_res_error(r, q, 400, "posyandu= harus nomor posyandu (angka), mis. posyandu=12.");
            return false;
        }
        if (tb_store_posyandu_info(q->store, id, &ps->pos) != 1) {
            tb_res_error(r, q, 404, "Posyandu tidak ditemukan.");
            return false;
        }
        if (!tb_scope_posyandu_ok(&q->user, &ps->pos)) {
            tb_res_error(r, q, 403, "Posyandu ini di luar wilayah kerja Anda.");
            return false;
        }
        ps->sc.posyandu_id = id;
        snprintf(ps->wilayah, sizeof ps->wilayah, "%s", ps->pos.desa);
        snprintf(ps->nama, sizeof ps->nama, "%s, %s", ps->pos.nama, ps->pos.desa_nama);
    } else {
        const char *w = tb_req_arg(q, "wilayah");
        if (w && *w && !code_shaped(w)) {
            tb_res_error(r, q, 400,
                         "wilayah= harus kode wilayah Kemendagri, mis. 35.99 (kabupaten),"
                         " 35.99.01 (kecamatan) atau 35.99.01.2001 (desa).");
            return false;
        }
        snprintf(ps->wilayah, sizeof ps->wilayah, "%s", w && *w ? w : q->user.wilayah);
        if (tb_store_wilayah_nama(q->store, ps->wilayah, ps->nama, sizeof ps->nama) != 1) {
            tb_res_error(r, q, 404, "Wilayah tidak ditemukan.");
            return false;
        }
        if (!tb_scope_code_ok(&q->user, ps->wilayah) || q->user.posyandu_id > 0) {
            /* a cadre works with one posyandu: area pages are the posyandu's */
            if (q->user.posyandu_id > 0 && tb_scope_code_ok(&q->user, ps->wilayah)) {
                ps->sc.posyandu_id = q->user.posyandu_id;
                tb_store_posyandu_info(q->store, q->user.posyandu_id, &ps->pos);
                snprintf(ps->nama, sizeof ps->nama, "%s, %s", ps->pos.nama, ps->pos.desa_nama);
            } else {
                tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
                return false;
            }
        }
        ps->sc.wilayah = ps->wilayah;
    }
    ps->sc.with_names = tb_role_sees_names(&q->user);
    ps->sc.link_anak = tb_role_sees_names(&q->user); /* GET /anak/{id} is for these roles */
    if (q->role & TB_ROLE_TPK) { /* a TPK member opens only the team's targets (web/layanan.h) */
        ps->sc.link_anak = false;
        ps->sc.tpk_pengguna = q->user.id;
    }
    return true;
}

void tb_page_scope_query(tb_buf *b, const page_scope *ps)
{
    if (ps->sc.posyandu_id > 0)
        tb_buf_printf(b, "posyandu=%ld", ps->sc.posyandu_id);
    else {
        tb_buf_puts(b, "wilayah=");
        tb_buf_url(b, ps->wilayah);
    }
    tb_buf_puts(b, "&amp;bulan=");
    tb_buf_url(b, ps->sc.month);
}

void tb_page_breadcrumb(tb_buf *b, tb_req *q, const page_scope *ps)
{
    tb_buf_puts(b, "<nav class=\"remah\">");
    char code[32];
    const char *w = ps->wilayah;
    size_t n = strlen(w);
    for (size_t i = 0; i <= n; i++) {
        if (w[i] != '.' && w[i] != 0)
            continue;
        snprintf(code, sizeof code, "%.*s", (int)i, w);
        if (strlen(code) < 5) /* provinsi: not a dashboard level */
            continue;
        char nama[128];
        tb_store_wilayah_nama(q->store, code, nama, sizeof nama);
        if (strlen(code) > 5)
            tb_buf_puts(b, " › ");
        if (tb_scope_code_ok(&q->user, code) && q->user.posyandu_id <= 0) {
            tb_buf_puts(b, "<a href=\"/dasbor?wilayah=");
            tb_buf_url(b, code);
            tb_buf_puts(b, "&amp;bulan=");
            tb_buf_url(b, ps->sc.month);
            tb_buf_puts(b, "\">");
            tb_buf_html(b, nama);
            tb_buf_puts(b, "</a>");
        } else {
            tb_buf_html(b, nama);
        }
    }
    if (ps->sc.posyandu_id > 0) {
        tb_buf_puts(b, " › ");
        tb_buf_html(b, ps->pos.nama);
    }
    tb_buf_puts(b, "</nav>");
}

void tb_page_month_form(tb_buf *b, const char *action, const page_scope *ps)
{
    tb_buf_puts(b, "<form class=\"bulan\" method=\"get\" action=\"");
    tb_buf_html(b, action);
    tb_buf_puts(b, "\">");
    if (ps->sc.posyandu_id > 0)
        tb_buf_printf(b, "<input type=\"hidden\" name=\"posyandu\" value=\"%ld\">",
                      ps->sc.posyandu_id);
    else {
        tb_buf_puts(b, "<input type=\"hidden\" name=\"wilayah\" value=\"");
        tb_buf_html(b, ps->wilayah);
        tb_buf_puts(b, "\">");
    }
    tb_buf_puts(b, "<label>Bulan <input type=\"month\" name=\"bulan\" value=\"");
    tb_buf_html(b, ps->sc.month);
    tb_buf_puts(b, "\"></label><button>Tampilkan</button></form>");
}

int tb_page_cache_age(const page_scope *ps)
{
    return ps->sc.posyandu_id <= 0 && strlen(ps->wilayah) <= 8 ? 60 : 0;
}

int tb_page_table_col(const tb_table *t, const char *key)
{
    for (int c = 0; c < t->ncols; c++)
        if (!strcmp(t->col_keys[c], key))
            return c;
    return -1;
}

bool tb_page_posyandu_read(tb_req *q, tb_res *r, tb_posyandu_info *p)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    if (id <= 0 || (*end && *end != '/') || tb_store_posyandu_info(q->store, id, p) != 1) {
        tb_res_error(r, q, 404, "Posyandu tidak ditemukan.");
        return false;
    }
    if (!tb_scope_posyandu_ok(&q->user, p)) {
        tb_res_error(r, q, 403, "Posyandu ini di luar wilayah kerja Anda.");
        return false;
    }
    return true;
}
