/*
 * login.c - logging in (form with its pre-session CSRF token, password
 * check at the same cost for unknown users, throttle, audit), logging out,
 * the account page (change password, log out everywhere), and the home
 * page that sends each user to their start page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/password.h"
#include "store/store.h"
#include "store/users.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/session.h"

static void login_form(tb_res *r, const tb_req *q, const char *msg, const char *lanjut)
{
    char pra[65];
    tb_login_pretoken(q, r, pra);
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
                   "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, pra);
    tb_buf_puts(b, "\"><input type=\"hidden\" name=\"lanjut\" value=\"");
    tb_buf_html(b, lanjut ? lanjut : "/");
    tb_buf_puts(b, "\"><button>Masuk</button></form></section>");
    tb_html_end(r);
}

/* Where to go after login: only a local path (one '/', then not '/' or
 * '\'), no control character anywhere (a browser drops tabs and newlines,
 * so "/\t/evil.example" would become "//evil.example"), no backslash;
 * anything else goes to "/". */
static const char *local_path(const char *v)
{
    if (!v || v[0] != '/' || v[1] == '/' || v[1] == '\\')
        return "/";
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\')
            return "/";
    return strlen(v) < 400 ? v : "/";
}

/* Appends a login event to the audit log: result (gagal, tunda, ditolak),
 * the name tried, the address and a delay imposed. */
static void audit_login(tb_req *q, long uid, const char *hasil, const char *user, int tunda)
{
    tb_buf j = {0};
    tb_buf_puts(&j, "{\"hasil\":");
    tb_buf_json_str(&j, hasil);
    tb_buf_puts(&j, ",\"pengguna\":");
    tb_buf_json_str(&j, user);
    tb_buf_puts(&j, ",\"ip\":");
    tb_buf_json_str(&j, q->ip);
    if (tunda > 0)
        tb_buf_printf(&j, ",\"tunda\":%d", tunda);
    tb_buf_puts(&j, "}");
    char row[32];
    snprintf(row, sizeof row, "%ld", uid);
    tb_store_audit(q->store, uid, "masuk", "pengguna", uid > 0 ? row : NULL, NULL,
                   j.data ? j.data : "{}");
    tb_buf_free(&j);
}

static void too_many(tb_req *q, tb_res *r, const char *lanjut, int wait)
{
    char msg[160];
    snprintf(msg, sizeof msg,
             "Terlalu banyak percobaan masuk yang salah. Coba lagi dalam %d detik.", wait);
    login_form(r, q, msg, lanjut);
    r->status = 429;
    r->retry_after = wait;
}

/* Checks name and password; the password is verified against the dummy
 * hash when the user is unknown or deactivated, so both cost the same. */
static bool check_password(tb_req *q, const char *user, const char *pw, tb_user *u)
{
    int found = tb_store_user_by_name(q->store, user, u);
    if (found != 1 || !u->aktif) {
        tb_password_verify(tb_login_dummy_hash(), pw);
        if (found != 1)
            u->id = 0;
        return false;
    }
    return tb_password_verify(u->hash, pw) == 1;
}

void tb_page_login(tb_req *q, tb_res *r)
{
    const char *lanjut = local_path(tb_req_arg(q, "lanjut"));
    if (strcmp(q->method, "POST")) {
        login_form(r, q, NULL, lanjut);
        return;
    }
    if (!tb_login_pretoken_ok(q)) {
        r->status = 403;
        login_form(r, q, "Formulir masuk sudah kedaluwarsa atau tidak sah. Silakan isi lagi.",
                   lanjut);
        return;
    }
    const char *user = tb_req_form(q, "pengguna"), *pw = tb_req_form(q, "sandi");
    if (!user || !pw || !*user || strlen(user) > 60 || strlen(pw) > 200) {
        r->status = 400;
        login_form(r, q, "Isi nama pengguna dan kata sandi.", lanjut);
        return;
    }
    int wait = tb_login_wait(q->ip, user);
    if (wait > 0)
        return too_many(q, r, lanjut, wait);
    tb_user u;
    bool ok = check_password(q, user, pw, &u);
    int delay = tb_login_record(q->ip, user, ok);
    if (!ok) {
        audit_login(q, u.id, delay > 0 ? "tunda" : "gagal", user, delay);
        r->status = 401;
        login_form(r, q, "Nama pengguna atau kata sandi salah.", lanjut);
        return;
    }
    audit_login(q, u.id, "berhasil", user, 0);
    tb_store_user_login(q->store, u.id);
    if (tb_session_create(q, r, &u) < 0)
        return tb_res_error(r, q, 500, "Sesi tidak dapat dibuat. Coba lagi.");
    tb_res_redirect(r, u.sandi_sementara ? "/akun" : lanjut);
}

void tb_page_logout(tb_req *q, tb_res *r)
{
    char row[32];
    snprintf(row, sizeof row, "%ld", q->user.id);
    tb_store_audit(q->store, q->user.id, "hapus", "sesi", row, NULL, "{\"keluar\":1}");
    tb_session_destroy(q, r);
    tb_res_redirect(r, "/masuk");
}

void tb_page_home(tb_req *q, tb_res *r)
{
    char to[128];
    if (!strcmp(q->user.peran, "kader") && q->user.posyandu_id > 0)
        snprintf(to, sizeof to, "/posyandu/%ld", q->user.posyandu_id);
    else if (!strcmp(q->user.peran, "tpk")) /* the TPK member's day */
        snprintf(to, sizeof to, "/tpk/hari");
    else
        snprintf(to, sizeof to, "/dasbor?wilayah=%s", q->user.wilayah);
    tb_res_redirect(r, to);
}

/* ---- the account page ---- */

static void akun_form(tb_req *q, tb_res *r, const char *msg, const char *ok)
{
    tb_html_begin(r, q, "Akun saya");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<section class=\"akun\"><h1>Akun saya</h1><p>");
    tb_buf_html(b, q->user.nama);
    tb_buf_puts(b, " (");
    tb_buf_html(b, q->user.username);
    tb_buf_puts(b, ")</p>");
    if (msg) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, msg);
        tb_buf_puts(b, "</p>");
    }
    if (ok) {
        tb_buf_puts(b, "<p class=\"sukses\" role=\"status\">");
        tb_buf_html(b, ok);
        tb_buf_puts(b, "</p>");
    }
    if (q->user.sandi_sementara)
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\" id=\"sandi-sementara\">Anda masuk dengan"
                       " kata sandi sekali pakai. Ganti kata sandi Anda dulu sebelum membuka"
                       " halaman lain.</p>");
    tb_buf_puts(b, "<h2>Ganti kata sandi</h2><form method=\"post\" action=\"/akun/sandi\">"
                   "<label>Kata sandi sekarang<input name=\"sandi_lama\" type=\"password\""
                   " autocomplete=\"current-password\" required></label>"
                   "<label>Kata sandi baru (minimal 10 karakter)<input name=\"sandi_baru\""
                   " type=\"password\" autocomplete=\"new-password\" minlength=\"10\" required>"
                   "</label><label>Ulangi kata sandi baru<input name=\"sandi_ulang\""
                   " type=\"password\" autocomplete=\"new-password\" minlength=\"10\" required>"
                   "</label><input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><button>Simpan kata sandi</button></form>"
                   "<h2>Keluar dari semua perangkat</h2><p>Mengakhiri semua sesi Anda, juga di"
                   " ponsel atau komputer lain (mis. bila perangkat hilang).</p>"
                   "<form method=\"post\" action=\"/akun/keluar-semua\">"
                   "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><button>Keluar dari semua perangkat</button></form></section>");
    tb_html_end(r);
}

void tb_page_akun(tb_req *q, tb_res *r)
{
    akun_form(q, r, NULL, NULL);
}

/* Does s contain sub, ignoring ASCII case? */
static bool contains_ci(const char *s, const char *sub)
{
    size_t n = strlen(sub);
    for (; n && *s; s++)
        if (!strncasecmp(s, sub, n))
            return true;
    return false;
}

/* Why a new password is refused, or NULL when it is acceptable. */
static const char *weak_password(const char *pw, const char *username)
{
    static const char *const common[] = {
        "password",     "password1",     "password123", "12345678",    "123456789",    "1234567890",
        "qwerty123",    "qwertyuiop",    "posyandu",    "posyandu123", "posyandu1234", "tumbuh123",
        "stunting123",  "kaderposyandu", "bismillah",   "admin12345",  "rahasia123",   "indonesia",
        "indonesia123", "11111111",      "00000000",    "iloveyou"};
    if (strlen(pw) < 10)
        return "Kata sandi baru minimal 10 karakter.";
    if (strlen(pw) > 200)
        return "Kata sandi baru terlalu panjang (maksimal 200 karakter).";
    if (contains_ci(pw, username))
        return "Kata sandi baru tidak boleh memuat nama pengguna.";
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        if (!strcasecmp(pw, common[i]))
            return "Kata sandi baru terlalu umum dan mudah ditebak. Pilih yang lain.";
    return NULL;
}

void tb_page_akun_sandi(tb_req *q, tb_res *r)
{
    const char *old = tb_req_form(q, "sandi_lama"), *pw = tb_req_form(q, "sandi_baru"),
               *again = tb_req_form(q, "sandi_ulang");
    tb_user u;
    if (!old || !pw || !again || tb_store_user_by_id(q->store, q->user.id, &u) != 1) {
        r->status = 400;
        return akun_form(q, r, "Isi kata sandi sekarang dan kata sandi baru dua kali.", NULL);
    }
    if (strlen(old) > 200 || tb_password_verify(u.hash, old) != 1) {
        r->status = 403;
        return akun_form(q, r, "Kata sandi sekarang salah.", NULL);
    }
    const char *why = strcmp(pw, again) ? "Kedua kata sandi baru tidak sama." : NULL;
    if (!why)
        why = weak_password(pw, u.username);
    if (why) {
        r->status = 422;
        return akun_form(q, r, why, NULL);
    }
    char hash[TB_PW_HASH_LEN];
    if (tb_password_hash(pw, getenv("TUMBUH_FAST_HASH") ? TB_PW_MIN : TB_PW_INTERACTIVE, hash) <
            0 ||
        tb_store_user_set_hash(q->store, u.id, hash) < 0)
        return tb_res_error(r, q, 500, "Kata sandi tidak dapat disimpan. Coba lagi.");
    /* every session ends, this one too; this device gets a new one */
    tb_session_end_user(q, u.id);
    q->user.sandi_sementara = 0;
    if (tb_session_create(q, r, &q->user) < 0)
        return tb_res_redirect(r, "/masuk");
    akun_form(q, r, NULL, "Kata sandi sudah diganti. Sesi di perangkat lain sudah diakhiri.");
}

void tb_page_keluar_semua(tb_req *q, tb_res *r)
{
    long uid = q->user.id;
    int n = tb_session_end_user(q, uid);
    char row[32], info[64];
    snprintf(row, sizeof row, "%ld", uid);
    snprintf(info, sizeof info, "{\"keluar_semua\":%d}", n);
    tb_store_audit(q->store, uid, "hapus", "sesi", row, NULL, info);
    tb_session_destroy(q, r);
    tb_res_redirect(r, "/masuk");
}
