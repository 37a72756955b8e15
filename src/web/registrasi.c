/*
 * registrasi.c - registering a new child at a posyandu (POST
 * /posyandu/{id}/anak-baru) and its form, shown folded on the posyandu day.
 *
 * What the cadre typed is checked before anything is stored: a name of 2-100
 * characters with letters, sex 1/2, a birth date that is a real day, not in
 * the future and under 60 months, birth weight 0.5-6 kg and length 25-65 cm
 * when given. A refusal is a 422 naming the field, with the form shown again
 * holding what was typed. A NIK that is not well formed or does not agree
 * with the birth date and sex (import/identity.c) is not refused: it is kept
 * apart as unverified (individu.nik_belum_valid), not as the child's
 * identity. A child of the same desa born the same day with a similar name
 * and a mother's name that does not contradict is shown first (409): the
 * cadre opens that child, or registers anyway with an explicit confirmation
 * (tetap_daftar=1). The Buku KIA box sets anak.buku_kia (K of SKDN).
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "import/import.h"
#include "store/individu.h"
#include "store/posyandu.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/registrasi.h"
#include "web/save.h"
#include "web/scope.h"

/* A form value, "" when absent. */
static const char *form(const tb_req *q, const char *name)
{
    const char *v = tb_req_form(q, name);
    return v ? v : "";
}

static void attr(tb_buf *b, const char *name, const char *value)
{
    tb_buf_printf(b, " %s=\"", name);
    tb_buf_html(b, value);
    tb_buf_puts(b, "\"");
}

/* A text input holding what was typed. */
static void input(tb_buf *b, const tb_req *q, const char *label, const char *name,
                  const char *extra)
{
    tb_buf_printf(b, "<label>%s <input name=\"%s\"%s", label, name, extra);
    attr(b, "value", form(q, name));
    tb_buf_puts(b, "></label>");
}

void tb_registrasi_form(tb_buf *b, const tb_req *q, long posyandu_id, bool open, bool confirm)
{
    tb_buf_printf(b,
                  "<details id=\"anak-baru\"%s><summary>Daftarkan anak baru</summary>"
                  "<form method=\"post\" action=\"/posyandu/%ld/anak-baru\">",
                  open ? " open" : "", posyandu_id);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\"");
    attr(b, "value", q->csrf);
    tb_buf_puts(b, ">");
    input(b, q, "Nama anak", "nama", " required maxlength=\"100\"");
    input(b, q, "NIK (16 angka, bila ada)", "nik", " inputmode=\"numeric\" maxlength=\"32\"");
    const char *jk = form(q, "jk");
    tb_buf_printf(b,
                  "<label>Jenis kelamin <select name=\"jk\"><option value=\"1\"%s>Laki-laki"
                  "</option><option value=\"2\"%s>Perempuan</option></select></label>",
                  strcmp(jk, "2") ? " selected" : "", strcmp(jk, "2") ? "" : " selected");
    tb_buf_puts(b, "<label>Tanggal lahir <input type=\"date\" name=\"tgl_lahir\" required");
    attr(b, "value", form(q, "tgl_lahir"));
    tb_buf_puts(b, "></label>");
    input(b, q, "Nama ibu", "ibu", " maxlength=\"100\"");
    input(b, q, "BB lahir (kg)", "bb_lahir", " inputmode=\"decimal\"");
    input(b, q, "PB lahir (cm)", "pb_lahir", " inputmode=\"decimal\"");
    tb_buf_printf(b,
                  "<label><input type=\"checkbox\" name=\"buku_kia\" value=\"1\"%s> Punya Buku"
                  " KIA</label>",
                  strcmp(form(q, "buku_kia"), "1") ? "" : " checked");
    if (confirm)
        tb_buf_puts(b, "<input type=\"hidden\" name=\"tetap_daftar\" value=\"1\">"
                       "<button>Tetap daftarkan sebagai anak baru</button>");
    else
        tb_buf_puts(b, "<button>Daftarkan</button>");
    tb_buf_puts(b, "</form></details>");
}

/* What was typed, checked. */
typedef struct {
    char nama[401];
    char nik[17], nik_belum_valid[33];
    char why_nik[200];
    int jk, buku_kia;
    const char *lahir, *ibu;
    double bb, pb;
} reg;

/* Trims and collapses the blanks of the name; its length in characters (UTF-8). */
static size_t clean_name(const char *s, char *out, size_t cap, bool *letters)
{
    size_t o = 0, chars = 0;
    *letters = false;
    for (; *s && o + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (isspace(c)) {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
            continue;
        }
        if (c < 32 || c == 127)
            continue;
        *letters |= isalpha(c) || c >= 0xC0;
        chars += (c & 0xC0) != 0x80;
        out[o++] = (char)c;
    }
    if (o && out[o - 1] == ' ')
        o--, chars--;
    out[o] = 0;
    return chars;
}

/* A measurement at birth: NAN when blank; false when typed but not a number in lo..hi. */
static bool birth_value(const char *s, double lo, double hi, double *v)
{
    *v = NAN;
    if (!*s)
        return true;
    *v = tb_save_parse_num(s);
    return !isnan(*v) && *v >= lo && *v <= hi;
}

/* Checks the form into g; NULL, or the message of the first refusal (naming the field). */
static const char *check(const tb_req *q, reg *g)
{
    memset(g, 0, sizeof *g);
    bool letters;
    size_t n = clean_name(form(q, "nama"), g->nama, sizeof g->nama, &letters);
    if (n < 2 || n > 100 || !letters)
        return "Nama anak: tulis nama lengkap anak, 2 sampai 100 huruf (bukan hanya angka atau"
               " tanda baca).";
    const char *jk = form(q, "jk");
    if (strcmp(jk, "1") && strcmp(jk, "2"))
        return "Jenis kelamin: pilih Laki-laki atau Perempuan.";
    g->jk = jk[0] - '0';
    g->lahir = form(q, "tgl_lahir");
    char now[11];
    tb_today_iso(now);
    long born = tb_date_iso(g->lahir), today = tb_date_iso(now);
    if (born == TB_DATE_NONE)
        return "Tanggal lahir: isi tanggal yang benar (hari, bulan, tahun).";
    if (born > today)
        return "Tanggal lahir: tanggal ini belum terjadi (di masa depan).";
    long y, ty;
    unsigned m, d, tm, td;
    tb_date_civil(born, &y, &m, &d);
    tb_date_civil(today, &ty, &tm, &td);
    long months = (ty - y) * 12 + (long)tm - (long)m - (td < d);
    if (months >= 60)
        return "Tanggal lahir: anak sudah berumur 60 bulan atau lebih; posyandu mencatat balita"
               " di bawah 5 tahun.";
    if (!birth_value(form(q, "bb_lahir"), 0.5, 6, &g->bb))
        return "BB lahir: isi berat lahir dalam kg antara 0,5 dan 6 (mis. 3,2), atau kosongkan.";
    if (!birth_value(form(q, "pb_lahir"), 25, 65, &g->pb))
        return "PB lahir: isi panjang lahir dalam cm antara 25 dan 65 (mis. 49), atau kosongkan.";
    g->ibu = form(q, "ibu");
    if (strlen(g->ibu) > 100)
        return "Nama ibu: paling banyak 100 huruf.";
    char nik[64];
    size_t k = 0;
    for (const char *s = form(q, "nik"); *s && k + 1 < sizeof nik; s++)
        if (!isspace((unsigned char)*s) && *s != '-' && *s != '.')
            nik[k++] = *s;
    nik[k] = 0;
    if (k > 32)
        return "NIK: terlalu panjang; NIK berisi 16 angka.";
    if (k && tb_nik_problem(nik, g->lahir, g->jk, g->why_nik, sizeof g->why_nik))
        memcpy(g->nik_belum_valid, nik, k + 1); /* k <= 32 */
    else if (k)
        memcpy(g->nik, nik, 17); /* passed: 16 digits */
    g->buku_kia = !strcmp(form(q, "buku_kia"), "1");
    return NULL;
}

/* The form again, with what was typed and why it was not saved. */
static void reshow(tb_req *q, tb_res *r, const tb_posyandu_info *p, int status, const char *msg)
{
    tb_html_begin(r, q, "Daftarkan anak baru");
    r->status = status;
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Daftarkan anak baru · ");
    tb_buf_html(b, p->nama);
    tb_buf_puts(b, "</h1><p class=\"galat\" role=\"alert\">");
    tb_buf_html(b, msg);
    tb_buf_puts(b, "</p>");
    tb_registrasi_form(b, q, p->id, true, false);
    tb_buf_printf(b, "<p><a href=\"/posyandu/%ld\">Kembali ke hari posyandu</a></p>", p->id);
    r->no_store = true;
    tb_html_end(r);
}

static int show_candidate(void *ctx, const tb_anak_mirip *m)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<li><strong>");
    tb_buf_html(b, m->nama);
    tb_buf_printf(b, "</strong> · %s", m->jk == 2 ? "P" : "L");
    if (*m->nama_ibu) {
        tb_buf_puts(b, " · ibu ");
        tb_buf_html(b, m->nama_ibu);
    }
    if (*m->posyandu) {
        tb_buf_puts(b, " · ");
        tb_buf_html(b, m->posyandu);
    }
    tb_buf_printf(b, " <a href=\"/anak/%ld\">Buka data anak</a></li>", m->id);
    return 0;
}

/* Children who may be this one: shown (409) before a second record is made. 1 shown, 0 none,
 * -1 error (response written). */
static int duplicates(tb_req *q, tb_res *r, const tb_posyandu_info *p, const reg *g)
{
    tb_buf list = {0};
    int n =
        tb_store_anak_mirip(q->store, p->desa, g->lahir, g->nama, g->ibu, show_candidate, &list);
    if (n <= 0) {
        tb_buf_free(&list);
        if (n < 0)
            tb_res_error(r, q, 500, tb_store_error(q->store));
        return n;
    }
    tb_html_begin(r, q, "Mungkin sudah terdaftar");
    r->status = 409;
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Periksa dulu</h1><section class=\"mirip\" role=\"alert\"><p>Mungkin"
                   " anak ini sudah terdaftar:</p><ul>");
    tb_buf_put(b, list.data, list.len);
    tb_buf_puts(b, "</ul><p>Buka data anak bila itu anak yang sama. Bila bukan, periksa isian di"
                   " bawah lalu pilih <em>Tetap daftarkan sebagai anak baru</em>.</p></section>");
    tb_buf_free(&list);
    tb_registrasi_form(b, q, p->id, true, true);
    tb_buf_printf(b, "<p><a href=\"/posyandu/%ld\">Kembali ke hari posyandu</a></p>", p->id);
    r->no_store = true;
    tb_html_end(r);
    return 1;
}

/* Registered, but the NIK typed is kept apart: say why, so that the cadre checks the KK. */
static void registered_unverified(tb_req *q, tb_res *r, const tb_posyandu_info *p, const reg *g,
                                  long id)
{
    tb_html_begin(r, q, "Anak terdaftar");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Anak terdaftar</h1><p>");
    tb_buf_html(b, g->nama);
    tb_buf_puts(b, " sudah terdaftar.</p><p class=\"galat\" role=\"alert\">NIK belum valid: ");
    tb_buf_html(b, g->why_nik);
    tb_buf_puts(b, ". NIK yang diketik (");
    tb_buf_html(b, g->nik_belum_valid);
    tb_buf_puts(b, ") disimpan terpisah sebagai NIK belum terverifikasi, bukan sebagai identitas"
                   " anak. Cocokkan dengan Kartu Keluarga atau akta lahir.</p>");
    tb_buf_printf(b,
                  "<p><a href=\"/posyandu/%ld#anak-%ld\">Kembali ke hari posyandu</a> · <a"
                  " href=\"/anak/%ld\">Data anak</a></p>",
                  p->id, id, id);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_anak_baru(tb_req *q, tb_res *r)
{
    tb_posyandu_info p;
    if (!tb_page_posyandu_read(q, r, &p))
        return;
    if (!tb_role_enters(&q->user) || !tb_role_sees_names(&q->user))
        return tb_res_error(r, q, 403, "Peran Anda tidak mendaftarkan anak.");
    reg g;
    const char *refused = check(q, &g);
    if (refused)
        return reshow(q, r, &p, 422, refused);
    if (strcmp(form(q, "tetap_daftar"), "1") && duplicates(q, r, &p, &g))
        return;
    tb_anak_baru a = {.posyandu_id = p.id,
                      .desa = p.desa,
                      .nik = g.nik,
                      .nik_belum_valid = g.nik_belum_valid,
                      .nama = g.nama,
                      .tgl_lahir = g.lahir,
                      .nama_ibu = g.ibu,
                      .jk = g.jk,
                      .buku_kia = g.buku_kia,
                      .bb_lahir = g.bb,
                      .pb_lahir = g.pb};
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    long id = tb_store_anak_baru(q->store, &a, q->user.id);
    if (id < 0 || tb_store_commit(q->store) < 0) {
        bool dup = strstr(tb_store_error(q->store), "UNIQUE") != NULL;
        tb_store_rollback(q->store);
        if (dup)
            return reshow(q, r, &p, 422,
                          "NIK: NIK ini sudah terdaftar untuk anak lain; buka data anak itu atau"
                          " periksa NIK.");
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    tb_web_data_changed();
    if (g.nik_belum_valid[0])
        return registered_unverified(q, r, &p, &g, id);
    char to[96];
    snprintf(to, sizeof to, "/posyandu/%ld#anak-%ld", p.id, id);
    tb_res_redirect(r, to);
}

int tb_registrasi_buku_kia(tb_req *q, long anak_id)
{
    if (tb_store_begin(q->store) < 0)
        return -1;
    int rc = tb_store_anak_buku_kia(q->store, anak_id, 1, q->user.id);
    if (rc < 0 || tb_store_commit(q->store) < 0) {
        tb_store_rollback(q->store);
        return -1;
    }
    if (rc > 0)
        tb_web_data_changed();
    return rc;
}
