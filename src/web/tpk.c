/*
 * tpk.c - the pages of the Tim Pendamping Keluarga (issue 12):
 *   /tpk               the teams of the user's area, a form to add one
 *                      (admin_kab, tpps_kec, desa);
 *   /tpk/{id}          a team: members (linked to user accounts), targets
 *                      assigned, referrals and their outcome;
 *   /tpk/hari          the TPK member's day on a phone: the targets of their
 *                      team due a visit, overdue first, each with the visit
 *                      form of its type (queued offline by app.js and sent to
 *                      POST /api/v1/kunjungan-tpk; posted as a form without
 *                      JavaScript, and shown again filled when refused).
 * The checks of a visit are in tpk_kunjungan.c; every write is audited by
 * the store.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "store/tpk.h"
#include "store/users.h"
#include "store/wilayah.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"
#include "web/tpk.h"

static const char *jenis_label(const char *j)
{
    return !strcmp(j, "catin")    ? "Calon pengantin"
           : !strcmp(j, "bumil")  ? "Ibu hamil"
           : !strcmp(j, "nifas")  ? "Ibu pasca salin"
           : !strcmp(j, "baduta") ? "Baduta"
           : !strcmp(j, "balita") ? "Balita"
                                  : j;
}

/* A labelled input with its value and, when refused, the message after it. */
static void input(tb_buf *b, const char *label, const char *name, const char *value,
                  const char *type, const char *error)
{
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, " <input type=\"%s\" name=\"%s\" value=\"", type, name);
    tb_buf_html(b, value ? value : "");
    tb_buf_puts(b, "\"");
    if (!strcmp(type, "number"))
        tb_buf_puts(b, " step=\"any\" inputmode=\"decimal\"");
    tb_buf_puts(b, error ? " aria-invalid=\"true\">" : ">");
    if (error) {
        tb_buf_puts(b, " <span class=\"galat\">");
        tb_buf_html(b, error);
        tb_buf_puts(b, "</span>");
    }
    tb_buf_puts(b, "</label>");
}

/* A yes/no checkbox (value 1). */
static void check(tb_buf *b, const char *label, const char *name, bool on)
{
    tb_buf_printf(b, "<label><input type=\"checkbox\" name=\"%s\" value=\"1\"%s> ", name,
                  on ? " checked" : "");
    tb_buf_html(b, label);
    tb_buf_puts(b, "</label>");
}

/* A select of '|'-separated values with labels. */
static void select_of(tb_buf *b, const char *label, const char *name, const char *values,
                      const char *labels, const char *value, const char *error)
{
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, " <select name=\"%s\"%s><option value=\"\">-</option>", name,
                  error ? " aria-invalid=\"true\"" : "");
    const char *v = values, *l = labels;
    while (*v) {
        size_t nv = strcspn(v, "|"), nl = strcspn(l, "|");
        char vb[64], lb[96];
        snprintf(vb, sizeof vb, "%.*s", (int)nv, v);
        snprintf(lb, sizeof lb, "%.*s", (int)nl, l);
        tb_buf_puts(b, "<option value=\"");
        tb_buf_html(b, vb);
        tb_buf_puts(b, value && !strcmp(value, vb) ? "\" selected>" : "\">");
        tb_buf_html(b, lb);
        tb_buf_puts(b, "</option>");
        v += nv + (v[nv] ? 1 : 0);
        l += nl + (l[nl] ? 1 : 0);
    }
    tb_buf_puts(b, "</select>");
    if (error) {
        tb_buf_puts(b, " <span class=\"galat\">");
        tb_buf_html(b, error);
        tb_buf_puts(b, "</span>");
    }
    tb_buf_puts(b, "</label>");
}

/* ---- the visit form ---------------------------------------------------- */

typedef struct {
    const tb_tpk_form *f;  /* the values typed (a refused post), or NULL */
    const tb_tpk_check *c; /* its messages */
} fill_t;

static const char *fv(const fill_t *x, const char *k)
{
    return x && x->f ? tb_tpk_form_get(x->f, k) : "";
}

static const char *fe(const fill_t *x, const char *k)
{
    if (!x || !x->c)
        return NULL;
    for (int i = 0; i < x->c->n; i++)
        if (!strcmp(x->c->kolom[i], k))
            return x->c->pesan[i];
    return NULL;
}

static bool fb(const fill_t *x, const char *k)
{
    const char *v = fv(x, k);
    return *v && strcmp(v, "0");
}

static void fields_bumil(tb_buf *b, const fill_t *x)
{
    input(b, "Usia kehamilan (minggu)", "usia_kehamilan", fv(x, "usia_kehamilan"), "number",
          fe(x, "usia_kehamilan"));
    input(b, "LiLA (cm)", "lila", fv(x, "lila"), "number", fe(x, "lila"));
    input(b, "Hb (g/dL)", "hb", fv(x, "hb"), "number", fe(x, "hb"));
    input(b, "Jumlah ANC sejauh ini", "anc", fv(x, "anc"), "number", fe(x, "anc"));
    input(b, "TTD diminum bulan ini (tablet)", "ttd", fv(x, "ttd"), "number", fe(x, "ttd"));
    check(b, "Mendapat makanan tambahan (MT)", "mt", fb(x, "mt"));
    tb_buf_puts(b, "<fieldset><legend>4T</legend>");
    check(b, "Terlalu muda (< 20 th)", "t_muda", fb(x, "t_muda"));
    check(b, "Terlalu tua (> 35 th)", "t_tua", fb(x, "t_tua"));
    check(b, "Terlalu dekat (< 2 th)", "t_dekat", fb(x, "t_dekat"));
    check(b, "Terlalu banyak (> 3 anak)", "t_banyak", fb(x, "t_banyak"));
    tb_buf_puts(b, "</fieldset>");
    check(b, "Ada tanda bahaya", "tanda_bahaya", fb(x, "tanda_bahaya"));
}

static void fields_anak(tb_buf *b, const fill_t *x)
{
    select_of(b, "Ditimbang bulan ini", "ditimbang", "1|0", "Ya|Tidak", fv(x, "ditimbang"),
              fe(x, "ditimbang"));
    select_of(b, "Imunisasi", "imunisasi", "lengkap|belum_lengkap|tidak",
              "Lengkap sesuai umur|Belum lengkap|Tidak diimunisasi", fv(x, "imunisasi"),
              fe(x, "imunisasi"));
    select_of(b, "ASI", "asi", "eksklusif|tidak_eksklusif|tidak", "Eksklusif|Tidak eksklusif|Tidak",
              fv(x, "asi"), fe(x, "asi"));
    check(b, "MP-ASI sesuai umur", "mpasi", fb(x, "mpasi"));
    check(b, "Vitamin A", "vit_a", fb(x, "vit_a"));
}

static void fields_catin(tb_buf *b, const fill_t *x)
{
    select_of(b, "Skrining Elsimil", "skrining", "sudah|belum", "Sudah|Belum", fv(x, "skrining"),
              fe(x, "skrining"));
    select_of(b, "Hasil skrining", "hasil_skrining", "ideal|berisiko", "Ideal|Berisiko",
              fv(x, "hasil_skrining"), fe(x, "hasil_skrining"));
}

static void fields_nifas(tb_buf *b, const fill_t *x)
{
    input(b, "Kunjungan nifas (KF) sejauh ini", "kf", fv(x, "kf"), "number", fe(x, "kf"));
    select_of(b, "KB pasca salin", "kb", "belum|pil|suntik|implan|iud|mow|mop|kondom|mal",
              "Belum|Pil|Suntik|Implan|IUD|MOW|MOP|Kondom|MAL", fv(x, "kb"), fe(x, "kb"));
    check(b, "Menyusui", "asi", fb(x, "asi"));
    check(b, "Ada tanda bahaya", "tanda_bahaya", fb(x, "tanda_bahaya"));
}

/* The visit form of target t (no-JS: posted to /tpk/kunjungan). */
static void visit_form(tb_buf *b, const tb_req *q, const tb_tpk_sasaran_row *t, const fill_t *x)
{
    char today[11];
    tb_today_iso(today);
    tb_buf_printf(b,
                  "<form class=\"tpk\" method=\"post\" action=\"/tpk/kunjungan\""
                  " data-individu=\"%ld\" data-jenis=\"%s\">"
                  "<input type=\"hidden\" name=\"individu_id\" value=\"%ld\">"
                  "<input type=\"hidden\" name=\"jenis\" value=\"%s\">",
                  t->individu_id, t->jenis, t->individu_id, t->jenis);
    tb_pengguna_csrf(b, q);
    input(b, "Tanggal kunjungan", "tanggal", *fv(x, "tanggal") ? fv(x, "tanggal") : today, "date",
          fe(x, "tanggal"));
    if (!strcmp(t->jenis, "bumil"))
        fields_bumil(b, x);
    else if (!strcmp(t->jenis, "nifas"))
        fields_nifas(b, x);
    else if (!strcmp(t->jenis, "catin"))
        fields_catin(b, x);
    else
        fields_anak(b, x);
    input(b, "Konseling yang diberikan", "konseling", fv(x, "konseling"), "text",
          fe(x, "konseling"));
    input(b, "Dirujuk ke", "rujukan_ke", fv(x, "rujukan_ke"), "text", fe(x, "rujukan_ke"));
    input(b, "Alasan rujukan", "alasan_rujukan", fv(x, "alasan_rujukan"), "text",
          fe(x, "alasan_rujukan"));
    input(b, "Bansos yang difasilitasi (PKH, BPNT, ...)", "bansos", fv(x, "bansos"), "text",
          fe(x, "bansos"));
    select_of(b, "JKN", "jkn", "punya|difasilitasi|belum", "Sudah punya|Difasilitasi|Belum",
              fv(x, "jkn"), fe(x, "jkn"));
    input(b, "Kunjungan berikut (kosong: sebulan lagi)", "kunjungan_berikut",
          fv(x, "kunjungan_berikut"), "date", fe(x, "kunjungan_berikut"));
    tb_buf_puts(b, "<button>Simpan kunjungan</button></form>");
}

/* ---- the day -------------------------------------------------------- */

typedef struct {
    tb_req *q;
    tb_buf *b;
    const tb_tpk_form *fill;
    const tb_tpk_check *chk;
    int n, late;
} day_ctx;

static int day_row(void *ctx, const tb_tpk_sasaran_row *t)
{
    day_ctx *c = ctx;
    tb_buf *b = c->b;
    bool mine = c->fill && atol(tb_tpk_form_get(c->fill, "individu_id")) == t->individu_id &&
                !strcmp(tb_tpk_form_get(c->fill, "jenis"), t->jenis);
    c->n++;
    c->late += t->terlambat;
    tb_buf_printf(b, "<li class=\"sasaran%s\" id=\"sasaran-%ld-%s\"><strong>",
                  t->terlambat ? " terlambat" : "", t->individu_id, t->jenis);
    tb_buf_html(b, t->nama);
    tb_buf_puts(b, "</strong> <span class=\"jenis\">");
    tb_buf_html(b, jenis_label(t->jenis));
    tb_buf_puts(b, "</span><br><small>");
    if (t->terlambat)
        tb_buf_puts(b, "Terlambat: ");
    tb_buf_puts(b, "jadwal ");
    tb_buf_html(b, t->jatuh_tempo);
    tb_buf_puts(b, " &middot; terakhir ");
    tb_buf_html(b, *t->terakhir ? t->terakhir : "belum pernah");
    tb_buf_printf(b, "</small><details%s><summary>Catat kunjungan</summary>", mine ? " open" : "");
    fill_t x = {c->fill, c->chk};
    if (mine && c->chk && c->chk->n) {
        tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">Belum tersimpan: periksa isian yang"
                       " ditandai.</p>");
    }
    visit_form(b, c->q, t, mine ? &x : NULL);
    tb_buf_puts(b, "</details></li>");
    return 0;
}

/* Renders the day of the user: the targets of their team(s), or of their desa. */
static void render_day(tb_req *q, tb_res *r, const tb_tpk_form *fill, const tb_tpk_check *chk,
                       const char *notice)
{
    tb_html_begin(r, q, "Pendampingan keluarga hari ini");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Sasaran pendampingan</h1>");
    if (notice) {
        tb_buf_puts(b, "<p class=\"catatan\" role=\"status\">");
        tb_buf_html(b, notice);
        tb_buf_puts(b, "</p>");
    }
    tb_buf_puts(b, "<div id=\"antrian\"></div><ul class=\"hari-tpk\">");
    char today[11];
    tb_today_iso(today);
    day_ctx c = {q, b, fill, chk, 0, 0};
    int rc = 0;
    if (!strcmp(q->user.peran, "tpk")) {
        long ids[16], anggota;
        int n = tb_store_tpk_of_user(q->store, q->user.id, ids, 16, &anggota);
        for (int i = 0; i < n && rc == 0; i++)
            rc = tb_store_tpk_sasaran(q->store, ids[i], NULL, today, day_row, &c);
        if (n == 0)
            tb_buf_puts(b, "<li>Akun Anda belum terdaftar sebagai anggota tim TPK. Minta bidan"
                           " desa atau TPPS kecamatan menambahkannya di halaman tim.</li>");
    } else {
        rc = tb_store_tpk_sasaran(q->store, 0, q->user.wilayah, today, day_row, &c);
    }
    if (rc < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_printf(b, "</ul><p>%d sasaran, %d terlambat dikunjungi.</p>", c.n, c.late);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_tpk_hari(tb_req *q, tb_res *r)
{
    render_day(q, r, NULL, NULL, NULL);
}

/* ---- saving a visit (form and JSON) --------------------------------- */

/* Checks and stores a visit; the HTTP status: 201 stored, 200 the same uuid
 * was stored before, else an error (why, and the checks in *c). */
static int save_visit(tb_req *q, const tb_tpk_form *f, tb_tpk_check *c, long *id, const char **why)
{
    const char *uuid = tb_tpk_form_get(f, "uuid");
    if (*uuid) {
        if (strlen(uuid) > 64 || strspn(uuid, "0123456789abcdefABCDEF-") != strlen(uuid)) {
            *why = "uuid tidak valid.";
            return 400;
        }
        *id = tb_store_tpk_visit_by_uuid(q->store, uuid);
        if (*id > 0)
            return 200;
    }
    int rc = tb_tpk_check_visit(f, c);
    tb_tpk_sasaran_row t;
    long anggota = 0;
    int st = tb_tpk_target_ok(q, atol(tb_tpk_form_get(f, "individu_id")),
                              tb_tpk_form_get(f, "jenis"), &t, &anggota, why);
    if (st)
        return st;
    if (rc < 0) {
        *why = "Isian kunjungan belum benar.";
        return 422;
    }
    const char *rk = tb_tpk_form_get(f, "rujukan_ke");
    tb_tpk_visit v = {t.tpk_id,
                      anggota,
                      t.individu_id,
                      q->user.id,
                      t.jenis,
                      tb_tpk_form_get(f, "tanggal"),
                      c->data,
                      c->berisiko,
                      c->layanan || *rk,
                      tb_tpk_form_get(f, "konseling"),
                      rk,
                      tb_tpk_form_get(f, "alasan_rujukan"),
                      tb_tpk_form_get(f, "bansos"),
                      tb_tpk_form_get(f, "jkn"),
                      c->berikut,
                      *uuid ? uuid : NULL};
    if (tb_store_tpk_visit_put(q->store, &v, id) < 0) {
        if (*uuid && (*id = tb_store_tpk_visit_by_uuid(q->store, uuid)) > 0)
            return 200; /* sent twice at once */
        *why = tb_store_error(q->store);
        return 500;
    }
    return 201;
}

static void form_from_post(tb_req *q, tb_tpk_form *f)
{
    static const char *const K[] = {"individu_id",
                                    "jenis",
                                    "tanggal",
                                    "usia_kehamilan",
                                    "lila",
                                    "hb",
                                    "anc",
                                    "ttd",
                                    "mt",
                                    "t_muda",
                                    "t_tua",
                                    "t_dekat",
                                    "t_banyak",
                                    "tanda_bahaya",
                                    "ditimbang",
                                    "imunisasi",
                                    "asi",
                                    "mpasi",
                                    "vit_a",
                                    "skrining",
                                    "hasil_skrining",
                                    "kf",
                                    "kb",
                                    "konseling",
                                    "rujukan_ke",
                                    "alasan_rujukan",
                                    "bansos",
                                    "jkn",
                                    "kunjungan_berikut",
                                    "uuid"};
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < sizeof K / sizeof K[0]; i++) {
        const char *v = tb_req_form(q, K[i]);
        if (v)
            tb_tpk_form_set(f, K[i], v);
    }
}

void tb_page_tpk_kunjungan(tb_req *q, tb_res *r)
{
    tb_tpk_form *fp = calloc(1, sizeof *fp); /* large: not on a server thread's stack */
    if (!fp)
        return tb_res_error(r, q, 500, "Memori habis.");
    form_from_post(q, fp);
    tb_tpk_check c;
    memset(&c, 0, sizeof c);
    long id = 0;
    const char *why = NULL;
    int st = save_visit(q, fp, &c, &id, &why);
    if (st == 200 || st == 201) {
        tb_res_redirect(r, "/tpk/hari");
    } else if (st == 422) {
        render_day(q, r, fp, &c, NULL);
        r->status = 422;
    } else {
        tb_res_error(r, q, st, why);
    }
    free(c.data);
    free(fp);
}

/* A JSON object's members as text fields. */
static void form_from_json(json_t *o, tb_tpk_form *f)
{
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v)
    {
        char tmp[64];
        if (json_is_string(v))
            tb_tpk_form_set(f, k, json_string_value(v));
        else if (json_is_integer(v)) {
            snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
            tb_tpk_form_set(f, k, tmp);
        } else if (json_is_real(v)) {
            snprintf(tmp, sizeof tmp, "%.10g", json_real_value(v));
            tb_tpk_form_set(f, k, tmp);
        } else if (json_is_boolean(v))
            tb_tpk_form_set(f, k, json_is_true(v) ? "1" : "0");
    }
}

void tb_api_kunjungan_tpk(tb_req *q, tb_res *r)
{
    json_error_t jerr;
    json_t *o = json_loadb(q->body, q->body_len, 0, &jerr);
    if (!json_is_object(o)) {
        json_decref(o);
        return tb_res_error(r, q, 400, "JSON tidak valid.");
    }
    tb_tpk_form *f = calloc(1, sizeof *f);
    if (!f) {
        json_decref(o);
        return tb_res_error(r, q, 500, "Memori habis.");
    }
    form_from_json(o, f);
    json_decref(o);
    tb_tpk_check c;
    memset(&c, 0, sizeof c);
    long id = 0;
    const char *why = NULL;
    int st = save_visit(q, f, &c, &id, &why);
    tb_buf *b = &r->body;
    r->ctype = "application/json";
    r->status = st;
    if (st == 200 || st == 201) {
        tb_buf_printf(b, "{\"id\":%ld,\"duplikat\":%s,\"ringkasan\":", id,
                      st == 200 ? "true" : "false");
        char msg[96];
        snprintf(msg, sizeof msg, "Kunjungan tersimpan.%s%s",
                 c.berikut[0] ? " Kunjungan berikut: " : "", c.berikut);
        tb_buf_json_str(b, st == 200 ? "Kunjungan ini sudah tersimpan." : msg);
        tb_buf_printf(b, ",\"berisiko\":%s}", c.berisiko ? "true" : "false");
    } else if (st == 422) {
        tb_buf_puts(b, "{\"galat\":");
        tb_buf_json_str(b, why);
        tb_buf_puts(b, ",\"periksa\":[");
        for (int i = 0; i < c.n; i++) {
            tb_buf_puts(b, i ? ",{\"kolom\":" : "{\"kolom\":");
            tb_buf_json_str(b, c.kolom[i]);
            tb_buf_puts(b, ",\"pesan\":");
            tb_buf_json_str(b, c.pesan[i]);
            tb_buf_puts(b, "}");
        }
        tb_buf_puts(b, "]}");
    } else {
        tb_res_error(r, q, st, why);
    }
    free(c.data);
    free(f);
}
