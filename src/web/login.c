/*
 * login.c - logging in (form, password check, rate limit, audit), logging
 * out, and the home page that sends each user to their start page.
 */
#include <stdio.h>
#include <string.h>

#include "base/password.h"
#include "store/store.h"
#include "store/users.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/session.h"

static void login_form(tb_res *r, const tb_req *q, const char *msg, const char *lanjut)
{
    tb_html_begin(r, q, "Masuk");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<section class=\"masuk\"><h1>Masuk ke Tumbuh</h1>");
    if (msg) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, msg);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<form method=\"post\" action=\"/masuk\"><label>Nama pengguna"
                   "<input name=\"pengguna\" autocomplete=\"username\" required autofocus></label>"
                   "<label>Kata sandi<input name=\"sandi\" type=\"password\""
                   " autocomplete=\"current-password\" required></label>"
                   "<input type=\"hidden\" name=\"lanjut\" value=\"");
    tb_buf_html(b, lanjut ? lanjut : "/");
    tb_buf_puts(b, "\"><button>Masuk</button></form></section>");
    tb_html_end(r);
}

void tb_page_login(tb_req *q, tb_res *r)
{
    const char *lanjut = tb_req_arg(q, "lanjut");
    if (!lanjut || lanjut[0] != '/' || lanjut[1] == '/' || strchr(lanjut, '\\'))
        lanjut = "/";
    if (strcmp(q->method, "POST")) {
        login_form(r, q, NULL, lanjut);
        return;
    }
    const char *user = tb_req_form(q, "pengguna"), *pw = tb_req_form(q, "sandi");
    if (!user || !pw || !*user || strlen(user) > 60 || strlen(pw) > 200) {
        r->status = 400;
        login_form(r, q, "Isi nama pengguna dan kata sandi.", lanjut);
        return;
    }
    if (!tb_login_allowed(q->ip, user)) {
        login_form(r, q, "Terlalu banyak percobaan masuk. Coba lagi 15 menit lagi.", lanjut);
        r->status = 429;
        return;
    }
    tb_user u;
    int found = tb_store_user_by_name(q->store, user, &u);
    bool ok = found == 1 && u.aktif && tb_password_verify(u.hash, pw);
    if (found != 1)
        tb_password_verify("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA", pw); /* same cost */
    tb_login_record(q->ip, user, ok);
    if (!ok) {
        r->status = 401;
        login_form(r, q, "Nama pengguna atau kata sandi salah.", lanjut);
        return;
    }
    char row[32], info[128];
    snprintf(row, sizeof row, "%ld", u.id);
    snprintf(info, sizeof info, "{\"ip\":\"%.60s\"}", q->ip);
    tb_store_audit(q->store, u.id, "masuk", "pengguna", row, NULL, info);
    tb_session_create(q, r, &u);
    tb_res_redirect(r, lanjut);
}

void tb_page_logout(tb_req *q, tb_res *r)
{
    tb_session_destroy(q, r);
    tb_res_redirect(r, "/masuk");
}

void tb_page_home(tb_req *q, tb_res *r)
{
    char to[128];
    if (!strcmp(q->user.peran, "kader") && q->user.posyandu_id > 0)
        snprintf(to, sizeof to, "/posyandu/%ld", q->user.posyandu_id);
    else
        snprintf(to, sizeof to, "/dasbor?wilayah=%s", q->user.wilayah);
    tb_res_redirect(r, to);
}
