/*
 * pengguna.c - user administration (GET /pengguna and its writes): the
 * list of the users of the administrator's area (role, area, posyandu,
 * phone, active, last login), creating one with a one-time password shown
 * once, resetting a password to a new one-time one, deactivating and
 * reactivating. For admin_kab, and delegated to tpps_kec for the users of
 * their kecamatan and below: a role is never given above the
 * administrator's own level (store/users.h). Every change is audited by
 * the store. Bulk creation is in pengguna_impor.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/password.h"
#include "store/users.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

tb_pw_strength tb_pengguna_strength(void)
{
    return getenv("TUMBUH_FAST_HASH") ? TB_PW_MIN : TB_PW_INTERACTIVE;
}

bool tb_pengguna_manages(const tb_user *admin, const tb_user *u)
{
    return admin->id != u->id && tb_scope_code_ok(admin, u->wilayah) &&
           tb_user_role_level(u->peran) >= tb_user_role_level(admin->peran);
}

void tb_pengguna_csrf(tb_buf *b, const tb_req *q)
{
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
}

static void cell(tb_buf *b, const char *v)
{
    tb_buf_puts(b, "<td>");
    tb_buf_html(b, v && *v ? v : "-");
    tb_buf_puts(b, "</td>");
}

static int list_row(void *ctx, const tb_user *u, const char *posyandu)
{
    tb_req *q = ((void **)ctx)[0];
    tb_buf *b = ((void **)ctx)[1];
    tb_buf_printf(b, "<tr data-pengguna=\"%ld\">", u->id);
    cell(b, u->username);
    cell(b, u->nama);
    cell(b, tb_role_label(u->peran));
    cell(b, u->wilayah);
    cell(b, posyandu);
    cell(b, u->telepon);
    cell(b, u->aktif ? (u->sandi_sementara ? "aktif (sandi sekali pakai)" : "aktif") : "nonaktif");
    cell(b, u->login_terakhir);
    tb_buf_puts(b, "<td>");
    if (tb_pengguna_manages(&q->user, u)) {
        tb_buf_printf(b, "<form method=\"post\" action=\"/pengguna/%ld/reset\">", u->id);
        tb_pengguna_csrf(b, q);
        tb_buf_printf(b,
                      "<button>Reset sandi</button></form><form method=\"post\""
                      " action=\"/pengguna/%ld/aktif\"><input type=\"hidden\" name=\"aktif\""
                      " value=\"%d\">",
                      u->id, !u->aktif);
        tb_pengguna_csrf(b, q);
        tb_buf_printf(b, "<button>%s</button></form>", u->aktif ? "Nonaktifkan" : "Aktifkan");
    }
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static void role_options(tb_buf *b, const tb_user *admin)
{
    for (int i = 0; i < TB_ROLE_COUNT; i++) {
        const char *p = tb_role_name(i);
        if (tb_user_role_level(p) < tb_user_role_level(admin->peran))
            continue;
        tb_buf_printf(b, "<option value=\"%s\">", p);
        tb_buf_html(b, tb_role_label(p));
        tb_buf_puts(b, "</option>");
    }
}

static void create_form(tb_buf *b, const tb_req *q)
{
    tb_buf_puts(b, "<h2>Tambah pengguna</h2><form method=\"post\" action=\"/pengguna\">"
                   "<label>Nama<input name=\"nama\" required maxlength=\"120\"></label>"
                   "<label>Nama pengguna<input name=\"username\" required maxlength=\"60\""
                   " pattern=\"[a-z0-9._\\-]{3,60}\"></label>"
                   "<label>Telepon<input name=\"telepon\" type=\"tel\" maxlength=\"30\"></label>"
                   "<label>Peran<select name=\"peran\">");
    role_options(b, &q->user);
    tb_buf_puts(b, "</select></label><label>Kode wilayah (kabupaten, kecamatan atau desa sesuai"
                   " peran)<input name=\"wilayah\" maxlength=\"15\"></label>"
                   "<label>ID posyandu (untuk kader)<input name=\"posyandu\" inputmode=\"numeric\">"
                   "</label>");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button>Tambah</button></form>");
}

static void bulk_form(tb_buf *b, const tb_req *q)
{
    tb_buf_puts(b, "<h2>Tambah banyak pengguna dari daftar</h2><p>Tempel daftar CSV dengan kolom"
                   " <code>nama, username, telepon, peran, wilayah, posyandu</code> (username"
                   " boleh kosong; kader mengisi posyandu, peran lain wilayah). Berkas CSV atau"
                   " XLSX juga dapat dikirim langsung ke alamat yang sama.</p>"
                   "<form method=\"post\" action=\"/pengguna/impor\"><label>Daftar"
                   "<textarea name=\"daftar\" rows=\"8\" required></textarea></label>");
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<button name=\"buat\" value=\"0\">Pratinjau</button></form>");
}

/* The list page, with msg (an error, status already set) above it. */
static void list_page(tb_req *q, tb_res *r, const char *msg)
{
    r->no_store = true;
    tb_html_begin(r, q, "Pengguna");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Pengguna</h1>");
    if (msg) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, msg);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<p><a href=\"/audit\">Log audit</a></p><div class=\"tabel\"><table>"
                   "<thead><tr><th>Nama pengguna</th><th>Nama</th><th>Peran</th><th>Wilayah</th>"
                   "<th>Posyandu</th><th>Telepon</th><th>Status</th><th>Login terakhir (UTC)</th>"
                   "<th>Tindakan</th></tr></thead><tbody>");
    void *ctx[2] = {q, b};
    if (tb_store_user_each(q->store, q->user.wilayah, list_row, ctx) < 0) {
        tb_buf_free(b);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    tb_buf_puts(b, "</tbody></table></div>");
    create_form(b, q);
    bulk_form(b, q);
    tb_html_end(r);
}

void tb_page_pengguna(tb_req *q, tb_res *r)
{
    list_page(q, r, NULL);
}

/* The one-time password page: shown once, printable. */
static void otp_page(tb_req *q, tb_res *r, const tb_user *u, const char *pw, const char *title)
{
    r->no_store = true;
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<section class=\"cetak\"><h1>");
    tb_buf_html(b, title);
    tb_buf_puts(b, "</h1><dl><dt>Nama</dt><dd>");
    tb_buf_html(b, u->nama);
    tb_buf_puts(b, "</dd><dt>Nama pengguna</dt><dd>");
    tb_buf_html(b, u->username);
    tb_buf_puts(b, "</dd><dt>Kata sandi sekali pakai</dt><dd><code id=\"sandi\">");
    tb_buf_html(b, pw);
    tb_buf_puts(b, "</code></dd></dl><p>Kata sandi ini hanya ditampilkan sekali dan wajib diganti"
                   " saat pertama masuk. Serahkan langsung kepada penggunanya.</p>"
                   "<p><a href=\"/pengguna\">Kembali ke daftar pengguna</a></p></section>");
    tb_html_end(r);
}

/* The user of the path that the administrator manages, or false (answered). */
static bool target(tb_req *q, tb_res *r, tb_user *u)
{
    long id = strtol(tb_req_param(q, "id"), NULL, 10);
    int f = id > 0 ? tb_store_user_by_id(q->store, id, u) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Pengguna tidak ditemukan.");
    else if (!tb_pengguna_manages(&q->user, u))
        tb_res_error(r, q, 403, "Pengguna ini di luar wilayah atau tingkat kewenangan Anda.");
    return f == 1 && tb_pengguna_manages(&q->user, u);
}

void tb_pengguna_fill(tb_user *u, const char *nama, const char *username, const char *telepon,
                      const char *peran, const char *wilayah, const char *posyandu)
{
    memset(u, 0, sizeof *u);
    snprintf(u->nama, sizeof u->nama, "%s", nama ? nama : "");
    snprintf(u->username, sizeof u->username, "%s", username ? username : "");
    snprintf(u->telepon, sizeof u->telepon, "%s", telepon ? telepon : "");
    snprintf(u->peran, sizeof u->peran, "%s", peran ? peran : "");
    snprintf(u->wilayah, sizeof u->wilayah, "%s", wilayah ? wilayah : "");
    u->posyandu_id = posyandu && *posyandu ? strtol(posyandu, NULL, 10) : 0;
}

void tb_page_pengguna_tambah(tb_req *q, tb_res *r)
{
    tb_user u;
    tb_pengguna_fill(&u, tb_req_form(q, "nama"), tb_req_form(q, "username"),
                     tb_req_form(q, "telepon"), tb_req_form(q, "peran"), tb_req_form(q, "wilayah"),
                     tb_req_form(q, "posyandu"));
    const char *why = tb_store_user_refusal(q->store, &q->user, &u);
    if (why) {
        r->status = 422;
        return list_page(q, r, why);
    }
    char pw[TB_PW_ONETIME_LEN], hash[TB_PW_HASH_LEN];
    if (tb_password_onetime(pw) || tb_password_hash(pw, tb_pengguna_strength(), hash) < 0 ||
        tb_store_user_add(q->store, q->user.id, &u, hash, 1) < 0)
        return tb_res_error(r, q, 500, "Pengguna tidak dapat disimpan. Coba lagi.");
    r->status = 201;
    otp_page(q, r, &u, pw, "Pengguna baru dibuat");
}

void tb_page_pengguna_reset(tb_req *q, tb_res *r)
{
    tb_user u;
    if (!target(q, r, &u))
        return;
    char pw[TB_PW_ONETIME_LEN], hash[TB_PW_HASH_LEN];
    if (tb_password_onetime(pw) || tb_password_hash(pw, tb_pengguna_strength(), hash) < 0 ||
        tb_store_user_reset(q->store, q->user.id, u.id, hash) < 0)
        return tb_res_error(r, q, 500, "Kata sandi tidak dapat direset. Coba lagi.");
    otp_page(q, r, &u, pw, "Kata sandi direset");
}

void tb_page_pengguna_aktif(tb_req *q, tb_res *r)
{
    tb_user u;
    if (!target(q, r, &u))
        return;
    const char *v = tb_req_form(q, "aktif");
    if (!v || (strcmp(v, "0") && strcmp(v, "1")))
        return tb_res_error(r, q, 400, "Isi aktif dengan 0 (nonaktifkan) atau 1 (aktifkan).");
    if (tb_store_user_set_aktif(q->store, q->user.id, u.id, *v == '1') < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_res_redirect(r, "/pengguna");
}
