/*
 * kehamilan.c - the pregnancy pages and PWS KIA (issue 12):
 *   GET  /kehamilan                 the pregnancies of the user's area (not
 *                                   delivered first, by HPL) and the
 *                                   registration form (bidan desa, gizi);
 *   POST /kehamilan                 register a pregnancy (the mother by NIK,
 *                                   else added);
 *   GET  /kehamilan/{id}            a pregnancy: ANC by trimester (K1/K4/K6),
 *                                   TTD, LiLA/KEK, Hb, delivery, KF, KN1, with
 *                                   the forms of the next step;
 *   POST /kehamilan/{id}/{bagian}   anc | persalinan (creates the child at its
 *                                   posyandu) | nifas;
 *   GET  /kia/pws                   PWS KIA of an area and month: the graph of
 *                                   cumulative coverage by month against the
 *                                   target, and the desa below target;
 *   POST /kia/sasaran               the sasaran of a desa and year.
 * Names only on the by-name pages (their roles); a refused form comes back
 * filled, with the error next to the field.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render.h"
#include "format/render_html.h"
#include "format/svg_chart.h"
#include "report/kia.h"
#include "store/individu.h"
#include "store/kehamilan.h"
#include "store/posyandu.h"
#include "store/wilayah.h"
#include "tb_date.h"
#include "tb_kia.h"
#include "web/handlers.h"
#include "web/kia.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

static bool may_enter(const tb_user *u)
{
    return !strcmp(u->peran, "desa") || !strcmp(u->peran, "gizi_puskesmas");
}

static int list_row(void *ctx, const tb_kehamilan_row *k)
{
    tb_buf *b = ctx;
    tb_buf_printf(b, "<tr><td><a href=\"/kehamilan/%ld\">", k->id);
    tb_buf_html(b, k->nama_ibu ? k->nama_ibu : "");
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, k->hpht ? k->hpht : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->hpl ? k->hpl : "-");
    tb_buf_printf(b, "</td><td>%d</td><td>%s%s</td><td>", k->nanc, k->kek ? "KEK " : "",
                  k->anemia ? "Anemia" : "");
    tb_buf_html(b, k->tgl_persalinan ? k->tgl_persalinan : "belum");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

/* The values ('|'-separated ids) and labels (names) of a posyandu select. */
typedef struct {
    tb_buf v, l;
} pos_opts;

static int pos_opt(void *ctx, long id, const char *nama, const char *desa)
{
    (void)desa;
    pos_opts *o = ctx;
    tb_buf_printf(&o->v, "%s%ld", o->v.len ? "|" : "", id);
    if (o->l.len)
        tb_buf_puts(&o->l, "|");
    tb_buf_put(&o->l, nama, strcspn(nama, "|"));
    return 0;
}

/* A select of the posyandu of area w. */
static void posyandu_select(tb_buf *b, tb_req *q, const tb_kia_err *e, const char *w,
                            const char *dflt)
{
    pos_opts o = {{0}, {0}};
    tb_store_posyandu_list(q->store, w, pos_opt, &o);
    tb_kia_select(b, q, e, "Posyandu bayi", "posyandu_id", o.v.data ? o.v.data : "",
                  o.l.data ? o.l.data : "", dflt);
    tb_buf_free(&o.v);
    tb_buf_free(&o.l);
}

static void render_list(tb_req *q, tb_res *r, const tb_kia_err *e)
{
    const char *w = q->user.wilayah;
    tb_html_begin(r, q, "Ibu hamil");
    tb_buf *b = &r->body;
    char today[11];
    tb_today_iso(today);
    tb_buf_puts(b, "<h1>Ibu hamil dan pasca salin</h1><p><a href=\"/catin\">Catin</a> &middot;"
                   " <a href=\"/kia/pws\">PWS KIA</a></p><div class=\"tabel\"><table><thead><tr>"
                   "<th>Ibu</th><th>HPHT</th><th>HPL</th><th>ANC</th><th>Risiko</th>"
                   "<th>Persalinan</th></tr></thead><tbody>");
    if (tb_store_kehamilan_list(q->store, w, today, list_row, b) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table></div>");
    if (may_enter(&q->user)) {
        tb_buf_puts(b, "<h2>Daftarkan kehamilan</h2><form method=\"post\" action=\"/kehamilan\""
                       " class=\"kia\">");
        tb_pengguna_csrf(b, q);
        tb_kia_input(b, q, e, "NIK ibu (bila ada)", "nik", "text", NULL);
        tb_kia_input(b, q, e, "Nama ibu", "nama", "text", NULL);
        tb_kia_input(b, q, e, "Tanggal lahir ibu", "tgl_lahir", "date", NULL);
        tb_kia_input(b, q, e, "Kode desa", "desa", "text", strlen(w) == 13 ? w : "");
        tb_kia_input(b, q, e, "HPHT (hari pertama haid terakhir)", "hpht", "date", NULL);
        tb_kia_input(b, q, e, "Kehamilan ke- (gravida)", "gravida", "number", NULL);
        tb_kia_input(b, q, e, "Persalinan sebelumnya (paritas)", "paritas", "number", NULL);
        tb_kia_input(b, q, e, "LiLA (cm)", "lila", "text", NULL);
        tb_kia_input(b, q, e, "Hb (g/dL)", "hb", "text", NULL);
        posyandu_select(b, q, e, w, NULL);
        tb_buf_puts(b, "<button>Daftarkan</button></form>");
    }
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_kehamilan_list(tb_req *q, tb_res *r)
{
    render_list(q, r, NULL);
}

/* A 16-digit NIK typed (spaces and dots allowed) into nik ("" when empty);
 * false when typed but not 16 digits. */
static bool nik_read(const char *v, char nik[17])
{
    size_t k = 0;
    for (; *v; v++) {
        if (*v >= '0' && *v <= '9') {
            if (k == 16)
                return false;
            nik[k++] = *v;
        } else if (*v != ' ' && *v != '.')
            return false;
    }
    nik[k] = 0;
    return k == 0 || k == 16;
}

/* A whole number field in lo..hi (0 when empty). */
static int int_field(tb_req *q, tb_kia_err *e, const char *k, const char *label, int lo, int hi)
{
    const char *v = tb_kia_form(q, k);
    if (!*v)
        return 0;
    char *end;
    long x = strtol(v, &end, 10);
    if (*end || x < lo || x > hi) {
        tb_kia_err_add(e, k, "%s harus bilangan bulat %d sampai %d.", label, lo, hi);
        return 0;
    }
    return (int)x;
}

/* The posyandu field: its id (0 when empty), checked to be in the user's area. */
static long posyandu_field(tb_req *q, tb_kia_err *e)
{
    long id = atol(tb_kia_form(q, "posyandu_id"));
    tb_posyandu_info p;
    if (id > 0 &&
        (tb_store_posyandu_info(q->store, id, &p) != 1 || !tb_scope_code_ok(&q->user, p.desa))) {
        tb_kia_err_add(e, "posyandu_id", "Posyandu ini tidak ada di wilayah kerja Anda.");
        return 0;
    }
    return id;
}

/* The mother of a registration: by NIK, else the name, birth date and desa typed. */
static void read_mother(tb_req *q, tb_kia_err *e, tb_kehamilan_baru *k, char nik[17])
{
    if (!nik_read(tb_kia_form(q, "nik"), nik))
        tb_kia_err_add(e, "nik", "NIK harus 16 angka (kosongkan bila belum ada).");
    char desa[16] = "";
    int f = nik[0] ? tb_store_individu_nik(q->store, nik, &k->ibu_id, desa) : 0;
    if (f == 1 && !tb_scope_code_ok(&q->user, desa))
        tb_kia_err_add(e, "nik", "Ibu dengan NIK ini terdaftar di luar wilayah kerja Anda.");
    if (f == 1)
        return;
    k->nama = tb_kia_form(q, "nama");
    if (!*k->nama || strlen(k->nama) > 100)
        tb_kia_err_add(e, "nama", "Isi nama ibu (paling panjang 100 huruf).");
    long lahir;
    tb_kia_date(q, e, "tgl_lahir", "Tanggal lahir ibu", true, &lahir);
    if (lahir != TB_DATE_NONE && (tb_today() - lahir < 10 * 365 || tb_today() - lahir > 60 * 366))
        tb_kia_err_add(e, "tgl_lahir", "Umur ibu harus 10 sampai 60 tahun.");
    k->tgl_lahir = tb_kia_form(q, "tgl_lahir");
    k->desa = tb_kia_form(q, "desa");
    char nm[200];
    if (tb_wilayah_level(k->desa) != 4)
        tb_kia_err_add(e, "desa", "Isi kode desa Kemendagri, mis. 35.99.01.2001.");
    else if (!tb_scope_code_ok(&q->user, k->desa))
        tb_kia_err_add(e, "desa", "Desa ini di luar wilayah kerja Anda.");
    else if (tb_store_wilayah_get(q->store, k->desa, nm, sizeof nm) != 1)
        tb_kia_err_add(e, "desa", "Desa ini tidak ada di basis data.");
    k->nik = nik[0] ? nik : NULL;
}

void tb_page_kehamilan_tambah(tb_req *q, tb_res *r)
{
    tb_kia_err e = {0};
    tb_kehamilan_baru k = {0};
    char nik[17], today[11];
    read_mother(q, &e, &k, nik);
    long hpht;
    tb_kia_date(q, &e, "hpht", "HPHT", true, &hpht);
    if (hpht != TB_DATE_NONE && (hpht > tb_today() || tb_today() - hpht > 300))
        tb_kia_err_add(&e, "hpht", "HPHT harus dalam 300 hari terakhir (kehamilan berjalan).");
    k.hpht = tb_kia_form(q, "hpht");
    k.gravida = int_field(q, &e, "gravida", "Gravida", 1, 20);
    k.paritas = int_field(q, &e, "paritas", "Paritas", 0, 19);
    tb_kia_num(q, &e, "lila", "LiLA", 10, 60, "cm", &k.lila);
    tb_kia_num(q, &e, "hb", "Hb", 3, 25, "g/dL", &k.hb);
    k.posyandu_id = posyandu_field(q, &e);
    if (e.n) {
        render_list(q, r, &e);
        r->status = 422;
        return;
    }
    tb_today_iso(today);
    k.tgl_daftar = today;
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    long id = tb_store_kehamilan_daftar(q->store, &k, q->user.id);
    if (id < 0 || tb_store_commit(q->store) < 0) {
        tb_store_rollback(q->store);
        const char *why = tb_store_error(q->store);
        if (!strstr(why, "masih tercatat hamil") && !strstr(why, "UNIQUE"))
            return tb_res_error(r, q, 500, why);
        tb_kia_err_add(&e, "hpht", "%s.",
                       strstr(why, "UNIQUE") ? "Kehamilan ibu ini dengan HPHT ini sudah terdaftar"
                                             : why);
        render_list(q, r, &e);
        r->status = 422;
        return;
    }
    char to[48];
    snprintf(to, sizeof to, "/kehamilan/%ld", id);
    tb_res_redirect(r, to);
}

/* The pregnancy of the route's {id}, in the user's area; false after the error. */
static bool preg_read(tb_req *q, tb_res *r, tb_kehamilan_info *k)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = id > 0 && !*end ? tb_store_kehamilan_info(q->store, id, k) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Kehamilan tidak ditemukan.");
    else if (!tb_scope_code_ok(&q->user, k->desa))
        tb_res_error(r, q, 403, "Kehamilan ini di luar wilayah kerja Anda.");
    return f == 1 && tb_scope_code_ok(&q->user, k->desa);
}

/* The ANC table with trimesters and the K1/K4/K6 state. */
static void anc_section(tb_buf *b, const tb_kehamilan_info *k)
{
    long hpht = tb_date_iso(k->hpht);
    tb_kia_anc v[12];
    int tm[4] = {0};
    tb_buf_puts(b, "<h2>Pemeriksaan kehamilan (ANC)</h2><table><thead><tr><th>Ke</th>"
                   "<th>Tanggal</th><th>Trimester</th><th>Oleh</th></tr></thead><tbody>");
    for (int i = 0; i < k->nanc; i++) {
        v[i].day = tb_date_iso(k->anc[i]);
        v[i].dokter = !strcmp(k->anc_pemberi[i], "dokter");
        int t = tb_kia_trimester(hpht, v[i].day);
        tm[t]++;
        tb_buf_printf(b, "<tr><td>%d</td><td>", i + 1);
        tb_buf_html(b, k->anc[i]);
        tb_buf_printf(b, "</td><td>%s</td><td>", t ? (t == 1 ? "I" : t == 2 ? "II" : "III") : "-");
        tb_buf_html(b, k->anc_pemberi[i][0] ? k->anc_pemberi[i] : "-");
        tb_buf_puts(b, "</td></tr>");
    }
    long k4 = tb_kia_k4(hpht, v, k->nanc), k6 = tb_kia_k6(hpht, v, k->nanc);
    tb_buf_printf(b,
                  "</tbody></table><p>Trimester I: %d, II: %d, III: %d &middot; K1: %s"
                  " &middot; K4: %s &middot; K6: %s</p>",
                  tm[1], tm[2], tm[3], k->nanc ? "sudah" : "belum",
                  k4 != TB_DATE_NONE ? "tercapai" : "belum (1 di TM I, 1 di TM II, 2 di TM III)",
                  k6 != TB_DATE_NONE ? "tercapai" : "belum");
}

static void step_forms(tb_buf *b, tb_req *q, const tb_kehamilan_info *k, const tb_kia_err *e)
{
    char today[11];
    tb_today_iso(today);
    if (!k->tgl_persalinan[0]) {
        tb_buf_printf(b, "<h2>Tambah ANC</h2><form method=\"post\" action=\"/kehamilan/%ld/anc\">",
                      k->id);
        tb_pengguna_csrf(b, q);
        tb_kia_input(b, q, e, "Tanggal", "tanggal", "date", today);
        tb_kia_select(b, q, e, "Oleh", "pemberi", "bidan|dokter", "Bidan|Dokter", "bidan");
        tb_kia_input(b, q, e, "LiLA (cm)", "lila", "text", NULL);
        tb_kia_input(b, q, e, "Hb (g/dL)", "hb", "text", NULL);
        tb_kia_input(b, q, e, "TTD diberikan (tablet)", "ttd", "text", NULL);
        tb_buf_puts(b, "<button>Simpan ANC</button></form>");
        tb_buf_printf(b,
                      "<h2>Persalinan</h2><form method=\"post\""
                      " action=\"/kehamilan/%ld/persalinan\">",
                      k->id);
        tb_pengguna_csrf(b, q);
        tb_kia_input(b, q, e, "Tanggal persalinan", "tanggal_salin", "date", NULL);
        tb_kia_select(b, q, e, "Tempat", "tempat", "rs|puskesmas|pmb|polindes|rumah|lainnya",
                      "Rumah sakit|Puskesmas|Praktik bidan|Polindes/Poskesdes|Rumah|Lainnya", NULL);
        tb_kia_select(b, q, e, "Penolong", "penolong", "bidan|dokter|dukun|lainnya",
                      "Bidan|Dokter|Dukun|Lainnya", NULL);
        tb_kia_select(b, q, e, "Jenis kelamin bayi", "jk", "1|2", "Laki-laki|Perempuan", NULL);
        tb_kia_input(b, q, e, "Berat lahir (kg)", "bb_lahir", "text", NULL);
        tb_kia_input(b, q, e, "Panjang lahir (cm)", "pb_lahir", "text", NULL);
        tb_kia_input(b, q, e, "Nama bayi (bila sudah ada)", "nama_bayi", "text", NULL);
        char pos[24];
        snprintf(pos, sizeof pos, "%ld", k->posyandu_id);
        posyandu_select(b, q, e, k->desa, k->posyandu_id ? pos : NULL);
        tb_kia_input(b, q, e, "Kunjungan neonatal pertama (KN1)", "tgl_kn1", "date", NULL);
        tb_buf_puts(b, "<button>Simpan persalinan</button></form>");
    } else if (k->nnifas < 4) {
        tb_buf_printf(b,
                      "<h2>Kunjungan nifas (KF%d)</h2><form method=\"post\""
                      " action=\"/kehamilan/%ld/nifas\">",
                      k->nnifas + 1, k->id);
        tb_pengguna_csrf(b, q);
        tb_kia_input(b, q, e, "Tanggal", "tanggal", "date", today);
        tb_buf_puts(b, "<button>Simpan kunjungan nifas</button></form>");
    }
}

/* "LiLA 24.5 cm" or "LiLA -", then flag (literal markup). */
static void measure(tb_buf *b, const char *label, double v, const char *unit, const char *flag)
{
    tb_buf_html(b, label);
    if (isnan(v))
        tb_buf_puts(b, " -");
    else
        tb_buf_printf(b, " %.1f %s%s", v, unit, flag);
}

static void render_preg(tb_req *q, tb_res *r, const tb_kehamilan_info *k, const tb_kia_err *e)
{
    tb_html_begin(r, q, k->nama_ibu);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<p><a href=\"/kehamilan\">Daftar ibu hamil</a></p><h1>");
    tb_buf_html(b, k->nama_ibu);
    tb_buf_puts(b, "</h1><p>Desa ");
    tb_buf_html(b, k->desa_nama);
    tb_buf_puts(b, " &middot; HPHT ");
    tb_buf_html(b, k->hpht);
    tb_buf_puts(b, " &middot; HPL ");
    tb_buf_html(b, k->hpl);
    long hpht = tb_date_iso(k->hpht);
    if (!k->tgl_persalinan[0] && hpht != TB_DATE_NONE && tb_today() >= hpht)
        tb_buf_printf(b, " &middot; usia kehamilan %ld minggu %ld hari", (tb_today() - hpht) / 7,
                      (tb_today() - hpht) % 7);
    tb_buf_printf(b, " &middot; G%dP%d</p><p>", k->gravida, k->paritas);
    measure(b, "LiLA", k->lila, "cm", k->kek ? " <strong>(KEK)</strong>" : "");
    tb_buf_puts(b, " &middot; ");
    measure(b, "Hb", k->hb, "g/dL", k->anemia ? " <strong>(anemia)</strong>" : "");
    tb_buf_printf(b, " &middot; TTD %d tablet</p>", k->ttd);
    anc_section(b, k);
    if (k->tgl_persalinan[0]) {
        tb_buf_puts(b, "<h2>Persalinan</h2><p>");
        tb_buf_html(b, k->tgl_persalinan);
        tb_buf_puts(b, ", ditolong ");
        tb_buf_html(b, k->penolong[0] ? k->penolong : "-");
        tb_buf_puts(b, ", di ");
        tb_buf_html(b, k->tempat[0] ? k->tempat : "-");
        if (k->anak_id)
            tb_buf_printf(b, ". <a href=\"/anak/%ld\">Halaman bayi</a> (posyandu ", k->anak_id);
        tb_buf_html(b, k->posyandu);
        tb_buf_puts(b, ")</p><p>KN1: ");
        tb_buf_html(b, k->tgl_kn1[0] ? k->tgl_kn1 : "belum");
        tb_buf_puts(b, " &middot; Kunjungan nifas:");
        for (int i = 0; i < k->nnifas; i++) {
            tb_buf_printf(b, " KF%d ", i + 1);
            tb_buf_html(b, k->nifas[i]);
        }
        tb_buf_puts(b, k->nnifas ? "</p>" : " belum</p>");
    }
    if (may_enter(&q->user))
        step_forms(b, q, k, e);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_kehamilan(tb_req *q, tb_res *r)
{
    tb_kehamilan_info *k = malloc(sizeof *k);
    if (!k)
        return tb_res_error(r, q, 500, "Memori habis.");
    if (preg_read(q, r, k))
        render_preg(q, r, k, NULL);
    free(k);
}

static void save_anc(tb_req *q, const tb_kehamilan_info *k, tb_kia_err *e)
{
    long day;
    double lila, hb, ttd;
    tb_kia_date(q, e, "tanggal", "Tanggal", true, &day);
    if (day != TB_DATE_NONE && (day > tb_today() || day < tb_date_iso(k->hpht)))
        tb_kia_err_add(e, "tanggal", "Tanggal ANC harus antara HPHT (%s) dan hari ini.", k->hpht);
    const char *by = tb_kia_form(q, "pemberi");
    if (strcmp(by, "bidan") && strcmp(by, "dokter"))
        tb_kia_err_add(e, "pemberi", "Pilih bidan atau dokter.");
    tb_kia_num(q, e, "lila", "LiLA", 10, 60, "cm", &lila);
    tb_kia_num(q, e, "hb", "Hb", 3, 25, "g/dL", &hb);
    tb_kia_num(q, e, "ttd", "TTD", 0, 120, "tablet", &ttd);
    if (k->nanc >= 12)
        tb_kia_err_add(e, "tanggal", "Sudah 12 kunjungan ANC tercatat.");
    if (!e->n && tb_store_anc_tambah(q->store, k->id, tb_kia_form(q, "tanggal"), by, lila, hb,
                                     isnan(ttd) ? 0 : (int)ttd, q->user.id) < 0)
        tb_kia_err_add(e, "tanggal", "%s", tb_store_error(q->store));
}

static void save_persalinan(tb_req *q, const tb_kehamilan_info *k, tb_kia_err *e)
{
    long day, kn;
    tb_kia_date(q, e, "tanggal_salin", "Tanggal persalinan", true, &day);
    if (day != TB_DATE_NONE && (day > tb_today() || day < tb_date_iso(k->hpht) + 140))
        tb_kia_err_add(e, "tanggal_salin",
                       "Tanggal persalinan harus setelah 20 minggu kehamilan"
                       " dan tidak di masa depan.");
    tb_kia_date(q, e, "tgl_kn1", "Tanggal KN1", false, &kn);
    if (kn != TB_DATE_NONE && day != TB_DATE_NONE && (kn < day || kn > tb_today()))
        tb_kia_err_add(e, "tgl_kn1", "KN1 pada atau setelah hari lahir, tidak di masa depan.");
    tb_persalinan p = {.tanggal = tb_kia_form(q, "tanggal_salin"),
                       .tempat = tb_kia_form(q, "tempat"),
                       .penolong = tb_kia_form(q, "penolong"),
                       .nama_bayi = tb_kia_form(q, "nama_bayi"),
                       .tgl_kn1 = kn != TB_DATE_NONE ? tb_kia_form(q, "tgl_kn1") : NULL};
    if (!*p.penolong)
        tb_kia_err_add(e, "penolong", "Pilih penolong persalinan.");
    const char *jk = tb_kia_form(q, "jk");
    p.jk = !strcmp(jk, "1") ? 1 : !strcmp(jk, "2") ? 2 : 0;
    if (!p.jk)
        tb_kia_err_add(e, "jk", "Pilih jenis kelamin bayi.");
    tb_kia_num(q, e, "bb_lahir", "Berat lahir", 0.5, 6, "kg", &p.bb_lahir);
    tb_kia_num(q, e, "pb_lahir", "Panjang lahir", 25, 65, "cm", &p.pb_lahir);
    p.posyandu_id = posyandu_field(q, e);
    if (!p.posyandu_id && !k->posyandu_id)
        tb_kia_err_add(e, "posyandu_id", "Pilih posyandu tempat bayi ditimbang.");
    if (!e->n && tb_store_persalinan(q->store, k->id, &p, q->user.id) < 0)
        tb_kia_err_add(e, "tanggal_salin", "%s", tb_store_error(q->store));
}

void tb_page_kehamilan_simpan(tb_req *q, tb_res *r)
{
    tb_kehamilan_info *k = malloc(sizeof *k);
    if (!k)
        return tb_res_error(r, q, 500, "Memori habis.");
    if (!preg_read(q, r, k))
        return free(k);
    const char *bagian = tb_req_param(q, "bagian");
    tb_kia_err e = {0};
    if (tb_store_begin(q->store) < 0) {
        free(k);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    if (!strcmp(bagian, "anc"))
        save_anc(q, k, &e);
    else if (!strcmp(bagian, "persalinan"))
        save_persalinan(q, k, &e);
    else if (!strcmp(bagian, "nifas")) {
        long day;
        tb_kia_date(q, &e, "tanggal", "Tanggal", true, &day);
        if (day != TB_DATE_NONE && day > tb_today())
            tb_kia_err_add(&e, "tanggal", "Tanggal kunjungan belum lewat.");
        if (!e.n &&
            tb_store_nifas_tambah(q->store, k->id, tb_kia_form(q, "tanggal"), q->user.id) < 0)
            tb_kia_err_add(&e, "tanggal", "%s", tb_store_error(q->store));
    } else {
        tb_store_rollback(q->store);
        free(k);
        return tb_res_error(r, q, 404, "Bagian tidak dikenal (anc, persalinan, nifas).");
    }
    if (e.n || tb_store_commit(q->store) < 0) {
        tb_store_rollback(q->store);
        if (!e.n)
            tb_kia_err_add(&e, "tanggal", "%s", tb_store_error(q->store));
        render_preg(q, r, k, &e);
        r->status = 422;
        return free(k);
    }
    char to[48];
    snprintf(to, sizeof to, "/kehamilan/%ld", k->id);
    free(k);
    tb_res_redirect(r, to);
}

/* ---- PWS KIA ----------------------------------------------------------- */

static bool may_set_sasaran(const tb_user *u)
{
    return may_enter(u) || !strcmp(u->peran, "admin_kab") || !strcmp(u->peran, "tpps_kec");
}

/* The PWS graph of indicator ind: cumulative coverage by month to ps's month. */
static void pws_chart(tb_buf *b, tb_req *q, const page_scope *ps, int ind)
{
    static const char *const MON[12] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                        "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
    static const char *const NAME[TB_PWS_N] = {"K1", "K4", "K6", "PN", "KF lengkap", "KN1"};
    double v[12];
    if (tb_report_pws_series(q->store, ps->wilayah, ps->sc.month, ind, v) < 0)
        return;
    int n = atoi(ps->sc.month + 5);
    char lab[12][16];
    const char *lp[12];
    for (int m = 0; m < n; m++) {
        snprintf(lab[m], sizeof lab[m], "%s %.4s", MON[m], ps->sc.month);
        lp[m] = lab[m];
    }
    char title[96], tl[64];
    snprintf(title, sizeof title, "PWS %s kumulatif (%% sasaran)", NAME[ind]);
    snprintf(tl, sizeof tl, "Target %s: %.0f%%", MON[n - 1], 100.0 * n / 12);
    double target[12]; /* the PWS target line: the year's sasaran spread evenly over its months */
    for (int m = 0; m < n; m++)
        target[m] = 100.0 * (m + 1) / 12;
    char *data = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&data, &len);
    if (!mf)
        return;
    int rc = tb_svg_line_targets(mf, title, lp, v, n, "%", target, tl);
    fclose(mf);
    if (rc == 0) {
        tb_buf_puts(b, "<figure class=\"pws\">");
        tb_buf_put(b, data, len);
        tb_buf_puts(b, "</figure>");
    }
    free(data);
}

/* The desa whose cumulative coverage is below the month's target line. */
static void below_table(tb_buf *b, const tb_table *t)
{
    static const int PCT[] = {4, 6, 11, 14, 17};
    static const char *const H[] = {"K1", "K4", "PN", "KF", "KN1"};
    tb_buf_puts(b, "<h2>Desa di bawah garis target</h2><div class=\"tabel\"><table><thead><tr>"
                   "<th>Desa</th>");
    for (int i = 0; i < 5; i++)
        tb_buf_printf(b, "<th>%s (%%)</th>", H[i]);
    tb_buf_puts(b, "<th>Di bawah target</th></tr></thead><tbody>");
    int n = 0;
    for (long row = 0; row + 1 < t->nrows; row++) {
        tb_cell below = tb_table_cell(t, row, 19);
        if (!below.text || !*below.text)
            continue;
        n++;
        tb_buf_puts(b, "<tr><td>");
        tb_buf_html(b, tb_table_cell(t, row, 1).text);
        tb_buf_puts(b, "</td>");
        for (int i = 0; i < 5; i++) {
            char num[32];
            tb_render_number(num, sizeof num, tb_table_cell(t, row, PCT[i]).num, TB_COL_PERCENT);
            tb_buf_puts(b, "<td>");
            tb_buf_html(b, num);
            tb_buf_puts(b, "</td>");
        }
        tb_buf_puts(b, "<td>");
        tb_buf_html(b, below.text);
        tb_buf_puts(b, "</td></tr>");
    }
    if (!n)
        tb_buf_puts(b, "<tr><td colspan=\"7\">Semua desa di atas garis target.</td></tr>");
    tb_buf_puts(b, "</tbody></table></div>");
}

static void sasaran_form(tb_buf *b, tb_req *q, const page_scope *ps, const tb_kia_err *e)
{
    char year[8];
    snprintf(year, sizeof year, "%.4s", ps->sc.month);
    tb_buf_puts(b, "<h2>Sasaran proyeksi desa</h2><p>Tanpa sasaran yang ditetapkan, sasaran"
                   " diperkirakan dari data kehamilan (lihat catatan tabel).</p>"
                   "<form method=\"post\" action=\"/kia/sasaran\" class=\"kia\">");
    tb_pengguna_csrf(b, q);
    tb_kia_input(b, q, e, "Kode desa", "desa", "text",
                 strlen(ps->wilayah) == 13 ? ps->wilayah : "");
    tb_kia_input(b, q, e, "Tahun", "tahun", "number", year);
    tb_kia_input(b, q, e, "Sasaran ibu hamil", "bumil", "number", NULL);
    tb_kia_input(b, q, e, "Sasaran ibu bersalin", "bersalin", "number", NULL);
    tb_kia_input(b, q, e, "Sasaran ibu nifas", "nifas", "number", NULL);
    tb_kia_input(b, q, e, "Sasaran bayi", "bayi", "number", NULL);
    tb_buf_printf(b,
                  "<input type=\"hidden\" name=\"bulan\" value=\"%s\">"
                  "<button>Simpan sasaran</button></form>",
                  ps->sc.month);
}

static void render_pws(tb_req *q, tb_res *r, page_scope *ps, const tb_kia_err *e)
{
    if (ps->sc.posyandu_id > 0) { /* a posyandu's page: its desa */
        ps->sc.posyandu_id = 0;
    }
    ps->sc.wilayah = ps->wilayah;
    const char *ind = tb_req_query(q, "indikator");
    int k = 0;
    for (int i = 0; ind && i < TB_PWS_N; i++)
        if (!strcmp(ind, tb_report_pws_key(i)))
            k = i;
    tb_table *t = NULL;
    if (tb_report_run(q->store, TB_REPORT_PWS_KIA, &ps->sc, &t) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_html_begin(r, q, "PWS KIA");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>PWS KIA</h1>");
    tb_page_breadcrumb(b, q, ps);
    tb_page_month_form(b, "/kia/pws", ps);
    tb_buf_puts(b, "<p>Indikator:");
    for (int i = 0; i < TB_PWS_N; i++) {
        tb_buf_printf(b, " <a href=\"/kia/pws?indikator=%s&amp;", tb_report_pws_key(i));
        tb_page_scope_query(b, ps);
        tb_buf_printf(b, "\"%s>%s</a>", i == k ? " aria-current=\"page\"" : "",
                      i == 0   ? "K1"
                      : i == 1 ? "K4"
                      : i == 2 ? "K6"
                      : i == 3 ? "PN"
                      : i == 4 ? "KF"
                               : "KN1");
    }
    tb_buf_puts(b, "</p>");
    pws_chart(b, q, ps, k);
    below_table(b, t);
    tb_render_html(t, b, NULL);
    tb_table_free(t);
    if (may_set_sasaran(&q->user))
        sasaran_form(b, q, ps, e);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_pws(tb_req *q, tb_res *r)
{
    page_scope ps;
    if (tb_page_scope_read(q, r, &ps))
        render_pws(q, r, &ps, NULL);
}

static long count_field(tb_req *q, tb_kia_err *e, const char *k, const char *label)
{
    const char *v = tb_kia_form(q, k);
    char *end;
    long x = strtol(v, &end, 10);
    if (!*v || *end || x < 0 || x > 100000) {
        tb_kia_err_add(e, k, "Isi %s: bilangan bulat 0 sampai 100000.", label);
        return -1;
    }
    return x;
}

void tb_page_kia_sasaran(tb_req *q, tb_res *r)
{
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    tb_kia_err e = {0};
    const char *desa = tb_kia_form(q, "desa");
    char nm[200];
    if (tb_wilayah_level(desa) != 4)
        tb_kia_err_add(&e, "desa", "Isi kode desa Kemendagri, mis. 35.99.01.2001.");
    else if (!tb_scope_code_ok(&q->user, desa))
        tb_kia_err_add(&e, "desa", "Desa ini di luar wilayah kerja Anda.");
    else if (tb_store_wilayah_get(q->store, desa, nm, sizeof nm) != 1)
        tb_kia_err_add(&e, "desa", "Desa ini tidak ada di basis data.");
    int tahun = atoi(tb_kia_form(q, "tahun"));
    if (tahun < 2000 || tahun > 2100)
        tb_kia_err_add(&e, "tahun", "Tahun harus 2000 sampai 2100.");
    long v[4] = {count_field(q, &e, "bumil", "sasaran ibu hamil"),
                 count_field(q, &e, "bersalin", "sasaran ibu bersalin"),
                 count_field(q, &e, "nifas", "sasaran ibu nifas"),
                 count_field(q, &e, "bayi", "sasaran bayi")};
    if (e.n) {
        render_pws(q, r, &ps, &e);
        r->status = 422;
        return;
    }
    if (tb_store_sasaran_kia_set(q->store, q->user.id, desa, tahun, v[0], v[1], v[2], v[3]) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char to[96];
    snprintf(to, sizeof to, "/kia/pws?wilayah=%s&bulan=%s", desa, ps.sc.month);
    tb_res_redirect(r, to);
}
