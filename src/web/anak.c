/*
 * anak.c - the child page (identity, family, risk factors, history,
 * growth charts on the WHO curves) and the printable card for the parents.
 * Personal data: only for roles that see names, inside their area.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/advice.h"
#include "format/render.h"
#include "web/layanan.h"
#include "web/scope.h"
#include "store/keluarga.h"
#include "store/anak.h"
#include "store/pengukuran.h"
#include "store/posyandu.h"
#include "base/clock.h"
#include "tb_growth.h"
#include "format/svg_chart.h"
#include "tb_date.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/save.h"
#include "web/cache.h"
#include "base/who_tables.h"

#define MAX_ROWS 128

static bool read_anak(tb_req *q, tb_res *r, tb_anak_info *a)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = id > 0 ? tb_store_anak_info(q->store, id, a) : 0;
    if (f < 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return false;
    }
    if (f == 0 || (*end && *end != '/')) {
        tb_res_error(r, q, 404, "Anak tidak ditemukan.");
        return false;
    }
    if (!tb_scope_anak_ok(&q->user, a) || !tb_role_sees_names(&q->user) ||
        !tb_web_tpk_ok(q, id, -1)) {
        tb_res_error(r, q, 403,
                     "Data anak ini tidak dapat Anda buka (di luar wilayah atau"
                     " peran tanpa akses data pribadi).");
        return false;
    }
    r->no_store = true;
    return true;
}

static void chart(tb_buf *b, const tb_anak_info *a, const tb_ukur_row *rows, int n,
                  tb_chart_kind kind)
{
    tb_chart_point pts[MAX_ROWS];
    int np = 0, under2 = 1;
    for (int i = 0; i < n; i++) {
        const tb_ukur_row *u = &rows[i];
        if (kind == TB_CHART_BBU && !isnan(u->bb))
            pts[np++] = (tb_chart_point){u->umur_hari, u->bb};
        else if (kind == TB_CHART_TBU && !isnan(u->tb))
            pts[np++] = (tb_chart_point){u->umur_hari, u->tb};
        else if (kind == TB_CHART_BBTB && !isnan(u->bb) && !isnan(u->tb))
            pts[np++] = (tb_chart_point){u->tb, u->bb};
        under2 = u->umur_hari < 731;
    }
    static const char *const titles[] = {"Berat badan menurut umur (BB/U)",
                                         "Panjang/tinggi badan menurut umur (PB/U, TB/U)",
                                         "Berat badan menurut panjang/tinggi (BB/PB, BB/TB)"};
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    if (!f)
        return;
    int rc = tb_svg_growth_chart(f, &tb_who_tables_builtin, kind, a->jk, pts, np, under2,
                                 titles[kind == TB_CHART_BBU   ? 0
                                        : kind == TB_CHART_TBU ? 1
                                                               : 2]);
    fclose(f);
    if (rc == 0) {
        tb_buf_puts(b, "<figure>");
        tb_buf_put(b, data, len);
        tb_buf_puts(b, "</figure>");
    }
    free(data);
}

static void cell_num(tb_buf *b, double v, tb_col_kind k)
{
    char s[32] = "";
    if (!isnan(v))
        tb_render_number(s, sizeof s, v, k);
    tb_buf_puts(b, "<td class=\"n\">");
    tb_buf_html(b, s);
    tb_buf_puts(b, "</td>");
}

/* A date yyyy-mm-dd shown as 30/11/2026 (as given when not a date). */
static void dmy(tb_buf *b, const char *iso)
{
    tb_buf_dmy(b, iso, iso);
}

static void identity(tb_buf *b, const tb_anak_info *a)
{
    tb_buf_puts(b, "<dl class=\"identitas\"><dt>NIK</dt><dd>");
    tb_buf_html(b, *a->nik ? a->nik : "belum ada");
    tb_buf_puts(b, "</dd><dt>Jenis kelamin</dt><dd>");
    tb_buf_puts(b, a->jk == 1 ? "Laki-laki" : "Perempuan");
    tb_buf_puts(b, "</dd><dt>Tanggal lahir</dt><dd>");
    dmy(b, a->tgl_lahir);
    tb_buf_puts(b, "</dd><dt>Ibu / orang tua</dt><dd>");
    tb_buf_html(b, a->ibu);
    tb_buf_puts(b, "</dd><dt>Alamat</dt><dd>");
    tb_buf_html(b, a->alamat);
    if (*a->rt) {
        tb_buf_puts(b, " RT ");
        tb_buf_html(b, a->rt);
        tb_buf_puts(b, " RW ");
        tb_buf_html(b, a->rw);
    }
    tb_buf_puts(b, ", ");
    tb_buf_html(b, a->desa_nama);
    tb_buf_puts(b, "</dd><dt>Posyandu</dt><dd>");
    tb_buf_html(b, a->posyandu);
    tb_buf_puts(b, "</dd><dt>No. KK</dt><dd>");
    tb_buf_html(b, a->no_kk);
    tb_buf_puts(b, "</dd></dl>");
}

/* The other members of the family, with what they are to the programme. */
static void family(tb_buf *b, const tb_anggota_row *m, int n)
{
    static const char *const roles[][2] = {
        {"bumil", "ibu hamil"},           {"pus", "pasangan usia subur"}, {"anak", "balita"},
        {"remaja_putri", "remaja putri"}, {"catin", "calon pengantin"},   {"nifas", "ibu nifas"}};
    tb_buf_puts(b, "<h2>Anggota keluarga</h2>");
    if (n == 0) {
        tb_buf_puts(b, "<p>Belum ada anggota keluarga tercatat (impor data keluarga per"
                       " anggota).</p>");
        return;
    }
    tb_buf_puts(b, "<ul>");
    for (int i = 0; i < n; i++) {
        tb_buf_puts(b, "<li>");
        tb_buf_html(b, m[i].nama);
        tb_buf_puts(b, m[i].jk == 1 ? " (L" : m[i].jk == 2 ? " (P" : " (");
        if (m[i].tgl_lahir[0]) {
            tb_buf_puts(b, m[i].jk ? ", lahir " : "lahir ");
            dmy(b, m[i].tgl_lahir);
        }
        for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
            if (!strcmp(m[i].peran, roles[k][0])) {
                tb_buf_puts(b, ", ");
                tb_buf_puts(b, roles[k][1]);
            }
        }
        tb_buf_puts(b, ")</li>");
    }
    tb_buf_puts(b, "</ul>");
}

static void risks(tb_buf *b, const tb_anak_info *a)
{
    tb_buf_puts(b, "<h2>Faktor risiko</h2><ul>");
    int any = 0;
    if (!isnan(a->bb_lahir) && a->bb_lahir < 2.5) {
        tb_buf_puts(b, "<li>Berat badan lahir rendah (BBLR, &lt; 2,5 kg)</li>");
        any = 1;
    }
    if (!isnan(a->pb_lahir) && a->pb_lahir < 48) {
        tb_buf_puts(b, "<li>Panjang badan lahir pendek (&lt; 48 cm)</li>");
        any = 1;
    }
    if (a->krs_faktor[0]) {
        tb_buf_puts(b, "<li>Keluarga berisiko stunting: ");
        char f[160];
        snprintf(f, sizeof f, "%s", a->krs_faktor);
        for (char *p = f; *p; p++)
            if (*p == '_')
                *p = ' ';
            else if (*p == ',')
                *p = ';';
        tb_buf_html(b, f);
        tb_buf_puts(b, "</li>");
        any = 1;
    }
    if (!any)
        tb_buf_puts(b, "<li>Tidak ada faktor risiko tercatat.</li>");
    tb_buf_puts(b, "</ul>");
}

/* A number as a form value (point decimal), nothing when NAN. */
static void form_value(tb_buf *b, const char *name, double v)
{
    tb_buf_printf(b, "<label>%s <input type=\"number\" step=\"0.1\" name=\"%s\"", name, name);
    if (!isnan(v))
        tb_buf_printf(b, " value=\"%.1f\"", v);
    tb_buf_puts(b, "></label>");
}

/* The "ubah" and "hapus" forms of one measurement (roles that enter measurements). */
static void row_actions(tb_buf *b, const tb_req *q, const tb_ukur_row *u)
{
    tb_buf_printf(b,
                  "<td><details><summary>ubah</summary><form method=\"post\""
                  " action=\"/api/v1/pengukuran/%ld\"><input type=\"hidden\" name=\"csrf\""
                  " value=\"",
                  u->id);
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><label>tanggal <input type=\"date\" name=\"tanggal\" required value=\"");
    tb_buf_html(b, u->tanggal);
    tb_buf_puts(b, "\"></label>");
    form_value(b, "bb", u->bb);
    form_value(b, "tb", u->tb);
    form_value(b, "lila", u->lila);
    form_value(b, "lika", u->lika);
    tb_buf_printf(b,
                  "<input type=\"hidden\" name=\"cara_ukur\" value=\"%s\"><label><input"
                  " type=\"checkbox\" name=\"yakin\" value=\"1\"> nilai tidak biasa ini"
                  " benar</label><button>Simpan perbaikan</button></form></details>"
                  "<details><summary>hapus</summary><form method=\"post\""
                  " action=\"/api/v1/pengukuran/%ld/hapus\"><input type=\"hidden\" name=\"csrf\""
                  " value=\"",
                  u->cara == 'h' ? "h" : "l", u->id);
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><label>Alasan <input name=\"alasan\" required minlength=\"3\""
                   " maxlength=\"200\"></label><button>Hapus pengukuran ini</button></form>"
                   "</details></td>");
}

/* The form that merges a child entered twice into this one (gizi_puskesmas, desa). */
static void merge_form(tb_buf *b, const tb_req *q, const tb_anak_info *a)
{
    if (!(tb_role_bit(q->user.peran) & (TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)))
        return;
    tb_buf_printf(b,
                  "<details><summary>Anak ini tercatat dua kali?</summary><form"
                  " method=\"post\" action=\"/anak/%ld/gabung\"><input type=\"hidden\""
                  " name=\"csrf\" value=\"",
                  a->id);
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\"><label>Nomor anak yang lain <input name=\"lain\" inputmode=\"numeric\""
                   " required></label><button>Gabungkan ke anak ini</button></form>"
                   "<p class=\"catatan\">Pengukuran anak yang lain dipindah ke anak ini;"
                   " anak yang lain tidak tampil lagi di daftar.</p></details>");
}

void tb_page_anak(tb_req *q, tb_res *r)
{
    tb_anak_info a;
    if (!read_anak(q, r, &a))
        return;
    if (a.digabung_ke > 0) { /* entered twice and merged: the child's page is the other's */
        char to[48];
        snprintf(to, sizeof to, "/anak/%ld", a.digabung_ke);
        return tb_res_redirect(r, to);
    }
    tb_ukur_row rows[MAX_ROWS];
    int n = tb_store_anak_riwayat(q->store, a.id, rows, MAX_ROWS);
    tb_anggota_row members[32];
    int nm = n < 0 ? -1 : tb_store_anggota_keluarga(q->store, a.id, members, 32);
    if (n < 0 || nm < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_html_begin(r, q, a.nama);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, a.nama);
    tb_buf_puts(b, "</h1>");
    tb_buf_printf(b,
                  "<nav class=\"tautan\"><a href=\"/anak/%ld/kartu\">Kartu untuk orang tua"
                  " (cetak)</a> <a href=\"/posyandu/%ld\">Hari posyandu</a></nav>",
                  a.id, a.posyandu_id);
    identity(b, &a);
    if (n > 0) {
        tb_buf_puts(b, "<h2>Hasil terakhir</h2>");
        tb_save_result_html(b, q->store, &rows[n - 1], true);
    }
    risks(b, &a);
    family(b, members, nm);
    char month[8]; /* one target, every service (web/layanan.c) */
    tb_this_month(month);
    tb_buf_printf(b,
                  "<h2>Paket layanan bulan ini</h2><p><a href=\"/layanan/%ld\">Semua layanan"
                  " dari semua sumber</a></p>",
                  a.id);
    if (tb_web_layanan_paket(q, b, a.id, month) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "<h2>Grafik pertumbuhan</h2><section class=\"grafik\">");
    chart(b, &a, rows, n, TB_CHART_BBU);
    chart(b, &a, rows, n, TB_CHART_TBU);
    chart(b, &a, rows, n, TB_CHART_BBTB);
    tb_buf_puts(b, "</section><h2>Riwayat pengukuran</h2><div class=\"tabel\"><table><thead><tr>"
                   "<th>Tanggal</th><th class=\"n\">Umur (bln)</th><th class=\"n\">BB (kg)</th>"
                   "<th class=\"n\">PB/TB (cm)</th><th>Cara</th><th class=\"n\">BB/U</th>"
                   "<th class=\"n\">TB/U</th><th class=\"n\">BB/TB</th><th>Status</th>"
                   "<th>N/T</th>");
    bool enters = tb_role_enters(&q->user);
    tb_buf_puts(b, enters ? "<th>Perbaiki</th></tr></thead><tbody>" : "</tr></thead><tbody>");
    for (int i = n - 1; i >= 0; i--) {
        const tb_ukur_row *u = &rows[i];
        tb_buf_puts(b, "<tr><td>");
        dmy(b, u->tanggal);
        tb_buf_puts(b, "</td>");
        cell_num(b, floor(u->umur_hari / 30.4375), TB_COL_INT);
        cell_num(b, u->bb, TB_COL_DEC1);
        cell_num(b, u->tb, TB_COL_DEC1);
        tb_buf_puts(b, u->cara == 'l'   ? "<td>terlentang</td>"
                       : u->cara == 'h' ? "<td>berdiri</td>"
                                        : "<td></td>");
        cell_num(b, u->f_bbu ? NAN : u->z_bbu, TB_COL_DEC2);
        cell_num(b, u->f_tbu ? NAN : u->z_tbu, TB_COL_DEC2);
        cell_num(b, u->f_bbtb ? NAN : u->z_bbtb, TB_COL_DEC2);
        tb_buf_puts(b, "<td>");
        tb_buf_html(b, u->kat_tbu);
        tb_buf_puts(b, " ");
        tb_buf_html(b, u->kat_bbtb);
        if (u->f_bbu || u->f_tbu || u->f_bbtb)
            tb_buf_puts(b, " (nilai ditandai)");
        tb_buf_puts(b, "</td><td>");
        char nk[2] = {u->naik, 0};
        tb_buf_html(b, nk);
        if (u->t2)
            tb_buf_puts(b, " 2T");
        if (u->bgm)
            tb_buf_puts(b, " BGM");
        tb_buf_puts(b, "</td>");
        if (enters)
            row_actions(b, q, u);
        tb_buf_puts(b, "</tr>");
    }
    tb_buf_puts(b, "</tbody></table></div>");
    merge_form(b, q, &a);
    tb_html_end(r);
}

void tb_page_anak_grafik(tb_req *q, tb_res *r)
{
    tb_anak_info a;
    if (!read_anak(q, r, &a))
        return;
    const char *k = tb_req_param(q, "jenis");
    tb_chart_kind kind;
    if (!strcmp(k, "bbu.svg"))
        kind = TB_CHART_BBU;
    else if (!strcmp(k, "tbu.svg"))
        kind = TB_CHART_TBU;
    else if (!strcmp(k, "bbtb.svg"))
        kind = TB_CHART_BBTB;
    else
        return tb_res_error(r, q, 404, "Grafik tidak dikenal (bbu.svg, tbu.svg, bbtb.svg).");
    tb_ukur_row rows[MAX_ROWS];
    int n = tb_store_anak_riwayat(q->store, a.id, rows, MAX_ROWS);
    if (n < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    chart(&r->body, &a, rows, n, kind);
    /* chart() wraps the SVG in <figure>: keep only the SVG */
    char *s = strstr(r->body.data ? r->body.data : "", "<svg");
    char *e = r->body.data ? strstr(r->body.data, "</figure>") : NULL;
    if (!s || !e)
        return tb_res_error(r, q, 500, "Grafik tidak dapat dibuat.");
    size_t len = (size_t)(e - s);
    memmove(r->body.data, s, len);
    r->body.len = len;
    r->body.data[len] = 0;
    r->ctype = "image/svg+xml";
}

static const char *const BULAN[] = {"Januari",   "Februari", "Maret",    "April",
                                    "Mei",       "Juni",     "Juli",     "Agustus",
                                    "September", "Oktober",  "November", "Desember"};

/* A date yyyy-mm-dd written "30 November 2026" (as given when not a date). */
static void long_date(tb_buf *b, const char *iso)
{
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
        tb_buf_printf(b, "%d %s %d", d, BULAN[m - 1], y);
    else
        tb_buf_html(b, iso);
}

/*
 * The next posyandu day from today (day numbers): the posyandu's usual day
 * of this month if not past, else of next month (the 31st is the last day of
 * a shorter month). 0 when the usual day is not known.
 */
static long next_posyandu(long today, int hari_buka)
{
    if (hari_buka < 1 || hari_buka > 31)
        return 0;
    long y;
    unsigned m, d;
    tb_date_civil(today, &y, &m, &d);
    for (int k = 0; k < 2; k++) {
        long first = tb_date_days(y, m, 1);
        long next = tb_date_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
        long day = first + (hari_buka < next - first ? hari_buka : next - first) - 1;
        if (day >= today)
            return day;
        y = m == 12 ? y + 1 : y;
        m = m == 12 ? 1 : m + 1;
    }
    return 0;
}

/* One result in words, with its figure in small print: "Pendek (TB/U -2,31 SD)". */
static void card_result(tb_buf *b, const char *what, double value, const char *unit,
                        const char *word, bool ok, const char *index, double z, bool flagged)
{
    char v[32] = "", zs[32] = "";
    if (!isnan(value))
        tb_render_number(v, sizeof v, value, TB_COL_DEC1);
    if (!isnan(z))
        tb_render_number(zs, sizeof zs, z, TB_COL_DEC2);
    tb_buf_printf(b, "<tr><th>%s</th><td>%s %s</td><td class=\"%s\"><strong>", what, v,
                  *v ? unit : "", ok ? "baik" : "perhatian");
    tb_buf_html(b, *word     ? word
                   : flagged ? "perlu diukur ulang (angka tidak masuk akal)"
                             : "belum dapat dinilai");
    tb_buf_puts(b, "</strong>");
    if (*zs)
        tb_buf_printf(b, " <small>(%s %s SD)</small>", index, zs);
    tb_buf_puts(b, "</td></tr>");
}

/* The words of a category code: "SP" is "Sangat pendek", "GB" "Gizi baik". */
static const char *cat_words(const char *code, int which)
{
    for (int c = 1; c < 7; c++) {
        const char *k = which == 0   ? tb_cat_bbu_code((tb_cat_bbu)c)
                        : which == 1 ? tb_cat_tbu_code((tb_cat_tbu)c)
                                     : tb_cat_gizi_code((tb_cat_gizi)c);
        if (*k && !strcmp(k, code))
            return which == 0   ? tb_cat_bbu_label((tb_cat_bbu)c)
                   : which == 1 ? (c == 3 ? "Tinggi badan normal" : tb_cat_tbu_label((tb_cat_tbu)c))
                                : tb_cat_gizi_label((tb_cat_gizi)c, false);
    }
    return "";
}

/* The last result as words a parent reads, each with its figure. */
static void card_last(tb_buf *b, const tb_ukur_row *u)
{
    tb_buf_puts(b, "<h2>Hasil penimbangan terakhir, ");
    long_date(b, u->tanggal);
    tb_buf_puts(b, "</h2><table class=\"hasil-kartu\">");
    card_result(b, "Berat badan", u->bb, "kg", cat_words(u->kat_bbu, 0), !strcmp(u->kat_bbu, "BBN"),
                "BB/U", u->f_bbu ? NAN : u->z_bbu, u->f_bbu);
    card_result(b, u->cara == 'h' ? "Tinggi badan" : "Panjang badan", u->tb, "cm",
                cat_words(u->kat_tbu, 1), !strcmp(u->kat_tbu, "N") || !strcmp(u->kat_tbu, "T"),
                u->cara == 'h' ? "TB/U" : "PB/U", u->f_tbu ? NAN : u->z_tbu, u->f_tbu);
    card_result(b, "Berat menurut tinggi", NAN, "", cat_words(u->kat_bbtb, 2),
                !strcmp(u->kat_bbtb, "GB"), u->cara == 'h' ? "BB/TB" : "BB/PB",
                u->f_bbtb ? NAN : u->z_bbtb, u->f_bbtb);
    const char *naik = u->t2            ? "Tidak naik dua kali berturut-turut"
                       : u->naik == 'N' ? "Naik dibanding bulan lalu"
                       : u->naik == 'T' ? "Tidak naik dibanding bulan lalu"
                       : u->naik == 'O' ? "Bulan lalu tidak ditimbang"
                       : u->naik == 'B' ? "Baru pertama kali ditimbang"
                                        : "";
    if (*naik)
        tb_buf_printf(b,
                      "<tr><th>Berat badan</th><td></td><td class=\"%s\"><strong>%s</strong>"
                      "</td></tr>",
                      u->naik == 'N' || u->naik == 'B' ? "baik" : "perhatian", naik);
    tb_buf_puts(b, "</table>");
}

/* The next posyandu day, in words. */
static void card_next(tb_buf *b, tb_store *st, const tb_anak_info *a)
{
    static const char *const HARI[] = {"Kamis", "Jumat",  "Sabtu", "Minggu",
                                       "Senin", "Selasa", "Rabu"};
    tb_posyandu_info p;
    long next = 0;
    if (a->posyandu_id > 0 && tb_store_posyandu_info(st, a->posyandu_id, &p) == 1)
        next = next_posyandu(tb_today(), p.hari_buka);
    tb_buf_puts(b, "<p class=\"jadwal\"><strong>Posyandu berikutnya:</strong> ");
    if (next > 0) {
        long y;
        unsigned m, d;
        tb_date_civil(next, &y, &m, &d);
        tb_buf_printf(b, "%s, %u %s %ld", HARI[((next % 7) + 7) % 7], d, BULAN[m - 1], y);
        tb_buf_puts(b, " di ");
    } else {
        tb_buf_puts(b, "tanyakan tanggalnya kepada kader ");
    }
    tb_buf_html(b, a->posyandu);
    tb_buf_puts(b, ". Bawa kartu ini dan Buku KIA.</p>");
}

void tb_page_kartu(tb_req *q, tb_res *r)
{
    tb_anak_info a;
    if (!read_anak(q, r, &a))
        return;
    tb_ukur_row rows[MAX_ROWS];
    int n = tb_store_anak_riwayat(q->store, a.id, rows, MAX_ROWS);
    if (n < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_html_begin(r, q, "Kartu pertumbuhan");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<article class=\"kartu\"><h1>Kartu Pertumbuhan Anak</h1><p><strong>");
    tb_buf_html(b, a.nama);
    tb_buf_puts(b, a.jk == 1 ? "</strong> (laki-laki), lahir " : "</strong> (perempuan), lahir ");
    long_date(b, a.tgl_lahir);
    tb_buf_puts(b, " · ");
    tb_buf_html(b, a.posyandu);
    tb_buf_puts(b, "</p>");
    if (n > 0) {
        card_last(b, &rows[n - 1]);
        tb_advice adv;
        tb_advice_for(q->store, &rows[n - 1], &adv);
        if (adv.rujuk)
            tb_buf_puts(b, "<p class=\"rujuk\"><strong>Bawa anak ke puskesmas dalam minggu ini"
                           "</strong> untuk diperiksa petugas kesehatan.</p>");
        tb_buf_puts(b, "<h2>Yang perlu Ayah dan Bunda lakukan</h2><ul class=\"saran\">");
        for (int i = 0; i < adv.n; i++) {
            tb_buf_puts(b, "<li>");
            tb_buf_html(b, adv.text[i]);
            tb_buf_puts(b, "</li>");
        }
        tb_buf_puts(b, "<li>Datang ke posyandu setiap bulan untuk ditimbang dan diukur.</li>"
                       "</ul>");
    } else {
        tb_buf_puts(b, "<p>Anak ini belum pernah ditimbang di posyandu.</p>");
    }
    card_next(b, q->store, &a);
    tb_buf_puts(b, "<section class=\"grafik kms\">");
    chart(b, &a, rows, n, TB_CHART_BBU);
    chart(b, &a, rows, n, TB_CHART_TBU);
    tb_buf_puts(b, "</section><p class=\"catatan\">Titik biru: hasil anak. Pita hijau: baik."
                   " Pita kuning: perlu perhatian. Di bawah garis merah: segera ke puskesmas."
                   " Anak sehat tumbuh mengikuti arah garis-garis kurva.</p>"
                   "<p><button data-cetak>Cetak kartu</button></p></article>");
    tb_html_end(r);
}

/* Merges into child {id} the child given as lain (entered twice): both in the
 * user's area; measurements moved, same-day pairs archived, audited. */
void tb_page_anak_gabung(tb_req *q, tb_res *r)
{
    tb_anak_info keep, other;
    if (!read_anak(q, r, &keep))
        return;
    const char *l = tb_req_form(q, "lain");
    char *end;
    long oid = l ? strtol(l, &end, 10) : 0;
    int f = oid > 0 && !*end ? tb_store_anak_info(q->store, oid, &other) : 0;
    if (f < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (f == 0 || oid == keep.id)
        return tb_res_error(r, q, 422,
                            "Isi nomor anak lain (anak yang sama yang tercatat dua kali).");
    if (!tb_scope_anak_ok(&q->user, &other))
        return tb_res_error(r, q, 403, "Anak yang lain di luar wilayah kerja Anda.");
    if (keep.digabung_ke || other.digabung_ke)
        return tb_res_error(r, q, 422, "Salah satu anak ini sudah digabungkan.");
    int moved = 0, merged = 0;
    char row[48], after[128];
    snprintf(row, sizeof row, "%ld", other.id);
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (tb_store_anak_gabung(q->store, keep.id, other.id, q->user.id, &moved, &merged) < 0)
        goto fail;
    snprintf(after, sizeof after, "{\"digabung_ke\":%ld,\"dipindah\":%d,\"digabung\":%d}", keep.id,
             moved, merged);
    if (tb_store_audit(q->store, q->user.id, "ubah", "anak", row, NULL, after) < 0 ||
        tb_store_commit(q->store) < 0)
        goto fail;
    tb_web_data_changed();
    snprintf(row, sizeof row, "/anak/%ld", keep.id);
    return tb_res_redirect(r, row);
fail:
    tb_store_rollback(q->store);
    tb_res_error(r, q, 500, tb_store_error(q->store));
}
