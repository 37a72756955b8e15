/*
 * catin.c - the catin (bride and groom) pages (issue 12):
 *   GET  /catin             the catin of the user's area (wilayah= inside
 *                           it): by name for the roles that see names, with
 *                           the registration form for bidan desa, gizi
 *                           puskesmas and TPK; the counts only for the others;
 *   POST /catin             register a catin and the Elsimil screening, judged
 *                           by the active rule version (store/catin.h);
 *   GET  /catin/{id}        a catin: the screening, its factors, the 3-months
 *                           rule, the other catin, the marriage form;
 *   POST /catin/{id}/nikah  the marriage (date, KUA): the couple becomes a
 *                           PUS family the KRS lists see.
 * A refused form comes back filled, with the error next to the field.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render_html.h"
#include "report/kia.h"
#include "store/catin.h"
#include "store/wilayah.h"
#include "tb_date.h"
#include "web/handlers.h"
#include "web/kia.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

static bool may_enter(const tb_user *u)
{
    return !strcmp(u->peran, "desa") || !strcmp(u->peran, "gizi_puskesmas") ||
           !strcmp(u->peran, "tpk");
}

/* The words of a factor code: the codes of lib/elsimil.c (and the import),
 * and those of older records (the demo's kek, kurus, terlalu_muda). */
static const char *factor_label(const char *f, size_t n)
{
    static const char *const K[] = {
        "umur_muda",     "imt_kurang", "imt_lebih",    "lila_kurang", "anemia",
        "lingkar_perut", "merokok",    "terlalu_muda", "kurus",       "kek"};
    static const char *const L[] = {"Umur di bawah 20 tahun",
                                    "IMT rendah (kurus)",
                                    "IMT berlebih",
                                    "LiLA di bawah 23,5 cm (KEK)",
                                    "Hb rendah (anemia)",
                                    "Lingkar perut berlebih",
                                    "Merokok",
                                    "Umur di bawah 20 tahun",
                                    "IMT rendah (kurus)",
                                    "LiLA di bawah 23,5 cm (KEK)"};
    for (size_t i = 0; i < sizeof K / sizeof K[0]; i++)
        if (strlen(K[i]) == n && !strncmp(K[i], f, n))
            return L[i];
    return NULL;
}

/* The factors "a,b" as readable text. */
static void factors_html(tb_buf *b, const char *faktor)
{
    if (!*faktor) {
        tb_buf_puts(b, "-");
        return;
    }
    for (const char *p = faktor; *p;) {
        size_t n = strcspn(p, ",");
        const char *l = factor_label(p, n);
        if (p != faktor)
            tb_buf_puts(b, "; ");
        if (l)
            tb_buf_html(b, l);
        else
            tb_buf_printf(b, "%.*s", (int)n, p);
        p += n + (p[n] ? 1 : 0);
    }
}

static const char *tepat_label(int t)
{
    return t == 1   ? "Ya"
           : t == 0 ? "Tidak (kurang dari 3 bulan sebelum menikah)"
                    : "Belum ada tanggal nikah";
}

typedef struct {
    tb_buf *b;
    bool names;
    long n, berisiko, tepat, terlambat, menikah;
} list_ctx;

static int list_row(void *ctx, const tb_catin_row *r)
{
    list_ctx *c = ctx;
    c->n++;
    c->berisiko += !strcmp(r->hasil, "berisiko");
    c->tepat += r->tepat_waktu == 1;
    c->terlambat += r->tepat_waktu == 0;
    c->menikah += r->tgl_nikah[0] != 0;
    if (!c->names)
        return 0;
    tb_buf *b = c->b;
    tb_buf_printf(b, "<tr><td><a href=\"/catin/%ld\">", r->individu_id);
    tb_buf_html(b, r->nama);
    tb_buf_printf(b, "</a></td><td>%s</td><td>", r->jk == 2 ? "P" : "L");
    tb_buf_html(b, r->desa_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, r->tgl_periksa);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, r->tgl_nikah[0]           ? r->tgl_nikah
                   : r->tgl_rencana_nikah[0] ? r->tgl_rencana_nikah
                                             : "-");
    tb_buf_printf(b, "%s</td><td>%s</td><td>", r->tgl_nikah[0] ? " (menikah)" : "",
                  !strcmp(r->hasil, "berisiko") ? "<strong>Berisiko</strong>" : "Ideal");
    factors_html(b, r->faktor);
    tb_buf_printf(b, "</td><td>%s</td></tr>",
                  r->tepat_waktu == 1   ? "Ya"
                  : r->tepat_waktu == 0 ? "<strong>Tidak</strong>"
                                        : "-");
    return 0;
}

/* The partners a new catin may be linked to: catin of the area without one. */
static int partner_opt(void *ctx, const tb_catin_row *r)
{
    tb_buf *b = ctx;
    if (r->pasangan_id || r->tgl_nikah[0])
        return 0;
    tb_buf_printf(b, "<option value=\"%ld\">", r->individu_id);
    tb_buf_html(b, r->nama);
    tb_buf_puts(b, " (");
    tb_buf_html(b, r->desa_nama);
    tb_buf_puts(b, ")</option>");
    return 0;
}

static void add_form(tb_buf *b, tb_req *q, const tb_kia_err *e, const char *wilayah)
{
    char today[11];
    tb_today_iso(today);
    tb_buf_puts(b, "<h2>Daftarkan catin dan hasil skrining Elsimil</h2>"
                   "<form method=\"post\" action=\"/catin\" class=\"kia\">");
    tb_pengguna_csrf(b, q);
    tb_kia_input(b, q, e, "Nama", "nama", "text", NULL);
    tb_kia_input(b, q, e, "NIK (16 angka, bila ada)", "nik", "text", NULL);
    tb_kia_select(b, q, e, "Jenis kelamin", "jk", "2|1", "Perempuan|Laki-laki", NULL);
    tb_kia_input(b, q, e, "Tanggal lahir", "tgl_lahir", "date", NULL);
    tb_kia_input(b, q, e, "Kode desa", "desa", "text", strlen(wilayah) == 13 ? wilayah : "");
    tb_kia_input(b, q, e, "Alamat", "alamat", "text", NULL);
    tb_buf_puts(b, "<label>Calon pasangan (bila sudah terdaftar) <select name=\"pasangan\">"
                   "<option value=\"\">-</option>");
    tb_store_catin_list(q->store, wilayah, partner_opt, b);
    tb_buf_puts(b, "</select></label>");
    tb_kia_input(b, q, e, "Tanggal periksa", "tgl_periksa", "date", today);
    tb_kia_input(b, q, e, "Rencana tanggal nikah", "tgl_rencana_nikah", "date", NULL);
    tb_kia_input(b, q, e, "Berat badan (kg)", "bb", "text", NULL);
    tb_kia_input(b, q, e, "Tinggi badan (cm)", "tb", "text", NULL);
    tb_kia_input(b, q, e, "LiLA (cm)", "lila", "text", NULL);
    tb_kia_input(b, q, e, "Hb (g/dL)", "hb", "text", NULL);
    tb_kia_input(b, q, e, "Lingkar perut (cm)", "lingkar_perut", "text", NULL);
    tb_kia_select(b, q, e, "Merokok", "merokok", "0|1", "Tidak|Ya", NULL);
    tb_buf_puts(b, "<button>Simpan dan nilai</button></form>");
}

/* The Elsimil recap of area w, this year to this month (report/kia.c). */
static void rekap(tb_buf *b, tb_req *q, const char *w)
{
    tb_report_scope sc = {.wilayah = w};
    tb_this_month(sc.month);
    tb_table *t = NULL;
    if (tb_report_run(q->store, TB_REPORT_CATIN, &sc, &t) < 0)
        return;
    tb_render_html(t, b, NULL);
    tb_table_free(t);
}

/* The list page (e: the errors of a refused registration, or NULL). */
static void render_list(tb_req *q, tb_res *r, const tb_kia_err *e)
{
    const char *w = tb_req_query(q, "wilayah");
    if (!w || !*w)
        w = q->user.wilayah;
    if (!tb_scope_code_ok(&q->user, w))
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    tb_html_begin(r, q, "Calon pengantin (catin)");
    tb_buf *b = &r->body;
    list_ctx c = {b, tb_role_sees_names(&q->user), 0, 0, 0, 0, 0};
    tb_buf_puts(b, "<h1>Calon pengantin (catin)</h1><p><a href=\"/kehamilan\">Ibu hamil</a>"
                   " &middot; <a href=\"/kia/pws\">PWS KIA</a></p>");
    tb_buf tmp = {0};
    c.b = &tmp;
    if (tb_store_catin_list(q->store, w, list_row, &c) < 0) {
        tb_buf_free(&tmp);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    rekap(b, q, w);
    tb_buf_printf(b,
                  "<p class=\"ringkas\">Terdaftar %ld &middot; berisiko %ld &middot; diperiksa"
                  " paling lambat 3 bulan sebelum menikah %ld, kurang dari 3 bulan %ld &middot;"
                  " sudah menikah %ld</p>",
                  c.n, c.berisiko, c.tepat, c.terlambat, c.menikah);
    if (c.names) {
        tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Nama</th><th>JK</th>"
                       "<th>Desa</th><th>Periksa</th><th>Nikah</th><th>Hasil</th><th>Faktor</th>"
                       "<th>&ge; 3 bulan</th></tr></thead><tbody>");
        tb_buf_put(b, tmp.data ? tmp.data : "", tmp.len);
        tb_buf_puts(b, "</tbody></table></div>");
    }
    tb_buf_free(&tmp);
    if (may_enter(&q->user))
        add_form(b, q, e, w);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_catin_list(tb_req *q, tb_res *r)
{
    render_list(q, r, NULL);
}

/* The checks of a registration; fills c (its strings point into q). */
static void read_form(tb_req *q, tb_kia_err *e, tb_catin_baru *c, char nik[17])
{
    memset(c, 0, sizeof *c);
    c->nama = tb_kia_form(q, "nama");
    if (!*c->nama || strlen(c->nama) > 100)
        tb_kia_err_add(e, "nama", "Isi nama (paling panjang 100 huruf).");
    const char *n = tb_kia_form(q, "nik");
    size_t k = 0;
    for (; *n && k < 17; n++)
        if (*n >= '0' && *n <= '9')
            nik[k++] = *n;
        else if (*n != ' ' && *n != '.')
            k = 99;
    if (k && k != 16)
        tb_kia_err_add(e, "nik", "NIK harus 16 angka (kosongkan bila belum ada).");
    nik[k == 16 ? 16 : 0] = 0;
    c->nik = nik[0] ? nik : NULL;
    const char *jk = tb_kia_form(q, "jk");
    c->jk = !strcmp(jk, "1") ? 1 : !strcmp(jk, "2") ? 2 : 0;
    if (!c->jk)
        tb_kia_err_add(e, "jk", "Pilih jenis kelamin.");
    long lahir, periksa, nikah;
    tb_kia_date(q, e, "tgl_lahir", "Tanggal lahir", true, &lahir);
    tb_kia_date(q, e, "tgl_periksa", "Tanggal periksa", true, &periksa);
    tb_kia_date(q, e, "tgl_rencana_nikah", "Rencana tanggal nikah", false, &nikah);
    if (periksa != TB_DATE_NONE && periksa > tb_today())
        tb_kia_err_add(e, "tgl_periksa", "Tanggal periksa belum lewat: isi tanggal pemeriksaan.");
    if (lahir != TB_DATE_NONE && periksa != TB_DATE_NONE &&
        (periksa - lahir < 12 * 365 || periksa - lahir > 80 * 366))
        tb_kia_err_add(e, "tgl_lahir", "Umur saat periksa harus 12 sampai 80 tahun.");
    c->tgl_lahir = tb_kia_form(q, "tgl_lahir");
    c->tgl_periksa = tb_kia_form(q, "tgl_periksa");
    c->tgl_rencana_nikah = nikah != TB_DATE_NONE ? tb_kia_form(q, "tgl_rencana_nikah") : NULL;
    c->desa = tb_kia_form(q, "desa");
    char nm[200];
    if (tb_wilayah_level(c->desa) != 4)
        tb_kia_err_add(e, "desa", "Isi kode desa Kemendagri, mis. 35.99.01.2001.");
    else if (!tb_scope_code_ok(&q->user, c->desa))
        tb_kia_err_add(e, "desa", "Desa ini di luar wilayah kerja Anda.");
    else if (tb_store_wilayah_get(q->store, c->desa, nm, sizeof nm) != 1)
        tb_kia_err_add(e, "desa", "Desa ini tidak ada di basis data.");
    c->alamat = tb_kia_form(q, "alamat");
    c->pasangan_id = atol(tb_kia_form(q, "pasangan"));
    tb_kia_num(q, e, "bb", "Berat badan", 25, 200, "kg", &c->bb);
    tb_kia_num(q, e, "tb", "Tinggi badan", 120, 210, "cm", &c->tb);
    tb_kia_num(q, e, "lila", "LiLA", 10, 60, "cm", &c->lila);
    tb_kia_num(q, e, "hb", "Hb", 3, 25, "g/dL", &c->hb);
    tb_kia_num(q, e, "lingkar_perut", "Lingkar perut", 40, 200, "cm", &c->perut);
    if (!e->n && isnan(c->bb) && isnan(c->tb) && isnan(c->lila) && isnan(c->hb) && isnan(c->perut))
        tb_kia_err_add(e, "bb", "Isi hasil pemeriksaan (BB, TB, LiLA, Hb atau lingkar perut).");
    c->merokok = !strcmp(tb_kia_form(q, "merokok"), "1");
}

void tb_page_catin_tambah(tb_req *q, tb_res *r)
{
    tb_kia_err e = {0};
    tb_catin_baru c;
    char nik[18];
    read_form(q, &e, &c, nik);
    if (c.pasangan_id > 0) {
        tb_catin_row p;
        int f = tb_store_catin_get(q->store, c.pasangan_id, &p);
        if (f != 1 || !tb_scope_code_ok(&q->user, p.desa))
            tb_kia_err_add(&e, "pasangan", "Calon pasangan tidak ditemukan di wilayah Anda.");
    }
    if (e.n) {
        render_list(q, r, &e);
        r->status = 422;
        return;
    }
    tb_catin_hasil h;
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (tb_store_catin_daftar(q->store, &c, q->user.id, &h) < 0 || tb_store_commit(q->store) < 0) {
        tb_store_rollback(q->store);
        if (!strstr(tb_store_error(q->store), "NIK"))
            return tb_res_error(r, q, 500, tb_store_error(q->store));
        tb_kia_err_add(&e, "nik", "%s.", tb_store_error(q->store));
        render_list(q, r, &e);
        r->status = 422;
        return;
    }
    char to[48];
    snprintf(to, sizeof to, "/catin/%ld", h.individu_id);
    tb_res_redirect(r, to);
}

/* The catin of the route's {id}, in the user's area; false after the error. */
static bool catin_read(tb_req *q, tb_res *r, tb_catin_row *c)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = id > 0 && !*end ? tb_store_catin_get(q->store, id, c) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Catin tidak ditemukan.");
    else if (!tb_scope_code_ok(&q->user, c->desa))
        tb_res_error(r, q, 403, "Catin ini di luar wilayah kerja Anda.");
    return f == 1 && tb_scope_code_ok(&q->user, c->desa);
}

static void num_row(tb_buf *b, const char *label, double v, const char *unit)
{
    tb_buf_puts(b, "<tr><th>");
    tb_buf_html(b, label);
    if (isnan(v))
        tb_buf_puts(b, "</th><td>-</td></tr>");
    else
        tb_buf_printf(b, "</th><td>%.1f %s</td></tr>", v, unit);
}

static void render_catin(tb_req *q, tb_res *r, const tb_catin_row *c, const tb_kia_err *e)
{
    tb_html_begin(r, q, c->nama);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<p><a href=\"/catin\">Daftar catin</a></p><h1>");
    tb_buf_html(b, c->nama);
    tb_buf_printf(b, "</h1><p>%s, lahir ", c->jk == 2 ? "Perempuan" : "Laki-laki");
    tb_buf_html(b, c->tgl_lahir);
    tb_buf_puts(b, ", desa ");
    tb_buf_html(b, c->desa_nama);
    tb_buf_puts(b, "</p>");
    bool risk = !strcmp(c->hasil, "berisiko");
    tb_buf_printf(b, "<p class=\"%s\"><strong>Hasil skrining: %s</strong>", risk ? "galat" : "ok",
                  risk ? "Berisiko" : "Ideal");
    if (risk) {
        tb_buf_puts(b, " &mdash; ");
        factors_html(b, c->faktor);
        tb_buf_puts(b, ". Boleh menikah; TPK menganjurkan menunda kehamilan dan mendampingi.");
    }
    tb_buf_puts(b, "</p><table><tbody><tr><th>Tanggal periksa</th><td>");
    tb_buf_html(b, c->tgl_periksa);
    tb_buf_puts(b, "</td></tr>");
    num_row(b, "Berat badan", c->bb, "kg");
    num_row(b, "Tinggi badan", c->tb, "cm");
    num_row(b, "IMT", c->imt, "");
    num_row(b, "LiLA", c->lila, "cm");
    num_row(b, "Hb", c->hb, "g/dL");
    num_row(b, "Lingkar perut", c->perut, "cm");
    tb_buf_printf(b, "<tr><th>Merokok</th><td>%s</td></tr><tr><th>Rencana nikah</th><td>",
                  c->merokok ? "Ya" : "Tidak");
    tb_buf_html(b, c->tgl_rencana_nikah[0] ? c->tgl_rencana_nikah : "-");
    tb_buf_printf(b,
                  "</td></tr><tr><th>Diperiksa &ge; 3 bulan sebelum menikah</th><td>%s</td>"
                  "</tr><tr><th>Aturan penilaian</th><td>",
                  tepat_label(c->tepat_waktu));
    tb_buf_html(b, c->aturan[0] ? c->aturan : "(impor)");
    tb_buf_puts(b, "</td></tr><tr><th>Calon pasangan</th><td>");
    if (c->pasangan_id) {
        tb_buf_printf(b, "<a href=\"/catin/%ld\">", c->pasangan_id);
        tb_buf_html(b, c->pasangan);
        tb_buf_puts(b, "</a>");
    } else
        tb_buf_puts(b, "-");
    tb_buf_puts(b, "</td></tr></tbody></table>");
    if (c->tgl_nikah[0]) {
        tb_buf_puts(b, "<h2>Pernikahan</h2><p>Menikah ");
        tb_buf_html(b, c->tgl_nikah);
        tb_buf_puts(b, " di ");
        tb_buf_html(b, c->kua[0] ? c->kua : "-");
        tb_buf_printf(b, ". <a href=\"/keluarga/%ld\">Keluarga (PUS)</a></p>", c->keluarga_id);
    } else if (may_enter(&q->user)) {
        tb_buf_printf(b,
                      "<h2>Catat pernikahan</h2><form method=\"post\" action=\"/catin/%ld/nikah\">",
                      c->individu_id);
        tb_pengguna_csrf(b, q);
        tb_kia_input(b, q, e, "Tanggal nikah", "tgl_nikah", "date", c->tgl_rencana_nikah);
        tb_kia_input(b, q, e, "KUA", "kua", "text", NULL);
        tb_kia_input(b, q, e, "No. KK baru (bila sudah ada)", "no_kk", "text", NULL);
        tb_buf_puts(b, "<button>Simpan pernikahan</button></form><p>Setelah menikah pasangan"
                       " menjadi keluarga PUS dan masuk daftar keluarga sasaran (KRS).</p>");
    }
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_catin(tb_req *q, tb_res *r)
{
    tb_catin_row c;
    if (catin_read(q, r, &c))
        render_catin(q, r, &c, NULL);
}

void tb_page_catin_nikah(tb_req *q, tb_res *r)
{
    tb_catin_row c;
    if (!catin_read(q, r, &c))
        return;
    tb_kia_err e = {0};
    long day;
    tb_kia_date(q, &e, "tgl_nikah", "Tanggal nikah", true, &day);
    if (day != TB_DATE_NONE && day > tb_today())
        tb_kia_err_add(&e, "tgl_nikah", "Pernikahan dicatat setelah terjadi.");
    const char *kua = tb_kia_form(q, "kua"), *kk = tb_kia_form(q, "no_kk");
    if (!*kua || strlen(kua) > 100)
        tb_kia_err_add(&e, "kua", "Isi nama KUA tempat menikah.");
    if (*kk && (strlen(kk) != 16 || strspn(kk, "0123456789") != 16))
        tb_kia_err_add(&e, "no_kk", "No. KK harus 16 angka (kosongkan bila belum ada).");
    if (c.tgl_nikah[0])
        tb_kia_err_add(&e, "tgl_nikah", "Pernikahan catin ini sudah dicatat.");
    if (e.n) {
        render_catin(q, r, &c, &e);
        r->status = 422;
        return;
    }
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    long kel = tb_store_catin_nikah(q->store, c.individu_id, tb_kia_form(q, "tgl_nikah"), kua, kk,
                                    q->user.id);
    if (kel < 0 || tb_store_commit(q->store) < 0) {
        tb_store_rollback(q->store);
        tb_kia_err_add(&e, "no_kk", "%s", tb_store_error(q->store));
        render_catin(q, r, &c, &e);
        r->status = 422;
        return;
    }
    char to[48];
    snprintf(to, sizeof to, "/catin/%ld", c.individu_id);
    tb_res_redirect(r, to);
}
