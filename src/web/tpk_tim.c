/*
 * tpk_tim.c - managing TPK teams (admin_kab, tpps_kec, desa, each in their
 * area): the list with a form to add a team (desa, name, SK number and
 * date), a team's page with its members (bidan, kader TP PKK, kader KB,
 * linked to a user account of role tpk or desa when they have one), its
 * targets and the assignment of targets, and the referrals with the form
 * to record their outcome (also for the team's own members).
 */
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

static const char *form(tb_req *q, const char *k)
{
    const char *v = tb_req_form(q, k);
    return v ? v : "";
}

static void err_span(tb_buf *b, const char *e)
{
    if (!e)
        return;
    tb_buf_puts(b, " <span class=\"galat\">");
    tb_buf_html(b, e);
    tb_buf_puts(b, "</span>");
}

static void text_input(tb_buf *b, const char *label, const char *name, const char *v,
                       const char *type, const char *e)
{
    tb_buf_puts(b, "<label>");
    tb_buf_html(b, label);
    tb_buf_printf(b, " <input type=\"%s\" name=\"%s\" value=\"", type, name);
    tb_buf_html(b, v);
    tb_buf_puts(b, e ? "\" aria-invalid=\"true\">" : "\">");
    err_span(b, e);
    tb_buf_puts(b, "</label>");
}

static int list_row(void *ctx, const tb_tpk_row *t)
{
    tb_buf *b = ctx;
    tb_buf_printf(b, "<tr><td><a href=\"/tpk/%ld\">", t->id);
    tb_buf_html(b, t->nama);
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, t->desa_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, *t->no_sk ? t->no_sk : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, *t->tgl_sk ? t->tgl_sk : "-");
    tb_buf_printf(b, "</td><td>%d</td><td>%d</td></tr>", t->anggota, t->sasaran);
    return 0;
}

/* The list and the add form (values and errors of a refused post). */
static void render_list(tb_req *q, tb_res *r, const char *e_desa, const char *e_nama,
                        const char *e_tgl)
{
    tb_html_begin(r, q, "Tim Pendamping Keluarga");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Tim Pendamping Keluarga</h1><p><a href=\"/tpk/hari\">Sasaran"
                   " pendampingan</a> &middot; <a href=\"/laporan/tpk?wilayah=");
    tb_buf_html(b, q->user.wilayah);
    tb_buf_puts(b, "\">Laporan TPK</a> &middot; <a href=\"/laporan/3standar4pasti?wilayah=");
    tb_buf_html(b, q->user.wilayah);
    tb_buf_puts(b, "\">3 standar dan 4 PASTI</a></p><table><thead><tr><th>Tim</th><th>Desa</th>"
                   "<th>No. SK</th><th>Tanggal SK</th><th>Anggota</th><th>Sasaran</th></tr>"
                   "</thead><tbody>");
    if (tb_store_tpk_list(q->store, q->user.wilayah, list_row, b) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table><h2>Tambah tim</h2><form method=\"post\" action=\"/tpk\">");
    tb_pengguna_csrf(b, q);
    const char *desa = form(q, "desa");
    text_input(b, "Kode desa", "desa",
               *desa ? desa : (strlen(q->user.wilayah) == 13 ? q->user.wilayah : ""), "text",
               e_desa);
    text_input(b, "Nama tim", "nama", form(q, "nama"), "text", e_nama);
    text_input(b, "Nomor SK", "no_sk", form(q, "no_sk"), "text", NULL);
    text_input(b, "Tanggal SK", "tgl_sk", form(q, "tgl_sk"), "date", e_tgl);
    tb_buf_puts(b, "<button>Tambah tim</button></form>");
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_tpk(tb_req *q, tb_res *r)
{
    render_list(q, r, NULL, NULL, NULL);
}

void tb_page_tpk_tambah(tb_req *q, tb_res *r)
{
    const char *desa = form(q, "desa"), *nama = form(q, "nama"), *tgl = form(q, "tgl_sk");
    const char *e_desa = NULL, *e_nama = NULL, *e_tgl = NULL;
    char nm[200];
    if (tb_wilayah_level(desa) != 4)
        e_desa = "Kode desa Kemendagri, mis. 35.99.01.2001.";
    else if (!tb_scope_code_ok(&q->user, desa))
        e_desa = "Desa ini di luar wilayah kerja Anda.";
    else if (tb_store_wilayah_get(q->store, desa, nm, sizeof nm) != 1)
        e_desa = "Desa ini tidak ada di basis data.";
    if (!*nama || strlen(nama) > 100)
        e_nama = "Isi nama tim (paling panjang 100 huruf).";
    int y, m, d;
    char x;
    if (*tgl && (sscanf(tgl, "%4d-%2d-%2d%c", &y, &m, &d, &x) != 3 || strlen(tgl) != 10))
        e_tgl = "Tanggal SK harus TTTT-BB-HH.";
    if (e_desa || e_nama || e_tgl) {
        render_list(q, r, e_desa, e_nama, e_tgl);
        r->status = 422;
        return;
    }
    long id;
    if (tb_store_tpk_create(q->store, q->user.id, desa, nama, form(q, "no_sk"), tgl, &id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char to[48];
    snprintf(to, sizeof to, "/tpk/%ld", id);
    tb_res_redirect(r, to);
}

/* The team of the route's {id}, checked against the user's area (a tpk
 * member: their own team). False after the error response. */
static bool team_read(tb_req *q, tb_res *r, tb_tpk_row *t)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = id > 0 && !*end ? tb_store_tpk_get(q->store, id, t) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Tim TPK tidak ditemukan.");
    else if (!tb_scope_code_ok(&q->user, t->desa))
        tb_res_error(r, q, 403, "Tim ini di luar wilayah kerja Anda.");
    return f == 1 && tb_scope_code_ok(&q->user, t->desa);
}

static int anggota_row(void *ctx, const tb_tpk_anggota_row *a)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, a->nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, !strcmp(a->peran, "bidan")       ? "Bidan"
                   : !strcmp(a->peran, "kader_pkk") ? "Kader TP PKK"
                                                    : "Kader KB");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, *a->no_sk ? a->no_sk : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, *a->username ? a->username : "-");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

typedef struct {
    tb_req *q;
    tb_buf *b;
    bool names; /* the role sees names (UU PDP 27/2022): else a number */
} rujuk_ctx;

/* A target's name, or its number for a role without access to names. */
static void who(const rujuk_ctx *c, long id, const char *nama)
{
    if (c->names)
        tb_buf_html(c->b, nama);
    else
        tb_buf_printf(c->b, "Sasaran #%ld", id);
}

static int sasaran_row(void *ctx, const tb_tpk_sasaran_row *s)
{
    rujuk_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_printf(b, "<tr%s><td>", s->terlambat ? " class=\"terlambat\"" : "");
    who(c, s->individu_id, s->nama);
    tb_buf_printf(b, "</td><td>%s</td><td>", s->jenis);
    tb_buf_html(b, *s->terakhir ? s->terakhir : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, s->jatuh_tempo);
    tb_buf_puts(b, s->terlambat ? " (terlambat)</td></tr>" : "</td></tr>");
    return 0;
}

static int rujukan_row(void *ctx, const tb_tpk_rujukan_row *k)
{
    rujuk_ctx *c = ctx;
    tb_buf *b = c->b;
    tb_buf_puts(b, "<tr><td>");
    who(c, k->individu_id, k->nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->tanggal);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->rujukan_ke);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->alasan);
    tb_buf_puts(b, "</td><td>");
    if (!strcmp(k->status, "menunggu")) {
        tb_buf_printf(b, "<form method=\"post\" action=\"/tpk/rujukan/%ld\">", k->id);
        tb_pengguna_csrf(b, c->q);
        tb_buf_puts(b, "<select name=\"status\"><option value=\"selesai\">Sudah ditangani</option>"
                       "<option value=\"tidak_datang\">Tidak datang</option></select>"
                       " <input name=\"hasil\" placeholder=\"Hasil rujukan\">"
                       " <button>Simpan hasil</button></form>");
    } else {
        tb_buf_html(b, !strcmp(k->status, "selesai") ? "Sudah ditangani" : "Tidak datang");
        tb_buf_puts(b, ": ");
        tb_buf_html(b, k->hasil);
    }
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static void team_forms(tb_buf *b, tb_req *q, const tb_tpk_row *t, const char *err)
{
    tb_buf_printf(b, "<h2>Tambah anggota</h2><form method=\"post\" action=\"/tpk/%ld/anggota\">",
                  t->id);
    tb_pengguna_csrf(b, q);
    text_input(b, "Nama", "nama", form(q, "nama"), "text", NULL);
    tb_buf_puts(b, "<label>Peran <select name=\"peran\"><option value=\"bidan\">Bidan</option>"
                   "<option value=\"kader_pkk\">Kader TP PKK</option><option value=\"kader_kb\">"
                   "Kader KB</option></select></label>");
    text_input(b, "Nomor SK", "no_sk", form(q, "no_sk"), "text", NULL);
    text_input(b, "Akun pengguna (peran tpk atau desa; boleh kosong)", "pengguna",
               form(q, "pengguna"), "text", NULL);
    err_span(b, err);
    tb_buf_printf(b,
                  "<button>Tambah anggota</button></form><h2>Tetapkan sasaran</h2>"
                  "<form method=\"post\" action=\"/tpk/%ld/sasaran\">",
                  t->id);
    tb_pengguna_csrf(b, q);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"semua\" value=\"1\"><button>Tetapkan semua"
                   " sasaran desa yang belum punya tim</button></form>");
    tb_buf_printf(b, "<form method=\"post\" action=\"/tpk/%ld/sasaran\">", t->id);
    tb_pengguna_csrf(b, q);
    text_input(b, "ID individu", "individu_id", form(q, "individu_id"), "number", NULL);
    tb_buf_puts(b, "<label>Jenis <select name=\"jenis\"><option value=\"catin\">Catin</option>"
                   "<option value=\"bumil\">Ibu hamil</option><option value=\"nifas\">Ibu pasca"
                   " salin</option><option value=\"baduta\">Baduta</option><option"
                   " value=\"balita\">Balita</option></select></label><button>Tetapkan</button>"
                   "</form>");
}

static void render_team(tb_req *q, tb_res *r, const tb_tpk_row *t, const char *err)
{
    tb_html_begin(r, q, t->nama);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>");
    tb_buf_html(b, t->nama);
    tb_buf_puts(b, "</h1><p>Desa ");
    tb_buf_html(b, t->desa_nama);
    tb_buf_puts(b, " &middot; SK ");
    tb_buf_html(b, *t->no_sk ? t->no_sk : "-");
    tb_buf_puts(b, " tanggal ");
    tb_buf_html(b, *t->tgl_sk ? t->tgl_sk : "-");
    if (err) {
        tb_buf_puts(b, "</p><p class=\"galat\" role=\"alert\">");
        tb_buf_html(b, err);
    }
    tb_buf_puts(b, "</p><h2>Anggota</h2><table><thead><tr><th>Nama</th><th>Peran</th>"
                   "<th>No. SK</th><th>Akun</th></tr></thead><tbody>");
    char today[11];
    tb_today_iso(today);
    rujuk_ctx rc = {q, b, tb_role_sees_names(&q->user)};
    if (tb_store_tpk_anggota(q->store, t->id, anggota_row, b) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table>");
    if (strcmp(q->user.peran, "tpk"))
        team_forms(b, q, t, err);
    tb_buf_puts(b, "<h2>Sasaran</h2><table><thead><tr><th>Nama</th><th>Jenis</th>"
                   "<th>Kunjungan terakhir</th><th>Jadwal</th></tr></thead><tbody>");
    if (tb_store_tpk_sasaran(q->store, t->id, NULL, today, sasaran_row, &rc) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table><h2>Rujukan</h2><table><thead><tr><th>Nama</th>"
                   "<th>Tanggal</th><th>Ke</th><th>Alasan</th><th>Hasil</th></tr></thead><tbody>");
    if (tb_store_tpk_rujukan(q->store, t->id, rujukan_row, &rc) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf_puts(b, "</tbody></table>");
    r->no_store = true;
    tb_html_end(r);
}

/* A tpk member sees only their own teams. */
static bool member_ok(tb_req *q, tb_res *r, long tpk_id)
{
    if (strcmp(q->user.peran, "tpk"))
        return true;
    long ids[16], a;
    int n = tb_store_tpk_of_user(q->store, q->user.id, ids, 16, &a);
    for (int i = 0; i < n; i++)
        if (ids[i] == tpk_id)
            return true;
    tb_res_error(r, q, 403, "Ini bukan tim Anda.");
    return false;
}

void tb_page_tpk_tim(tb_req *q, tb_res *r)
{
    tb_tpk_row t;
    if (team_read(q, r, &t) && member_ok(q, r, t.id))
        render_team(q, r, &t, NULL);
}

void tb_page_tpk_anggota(tb_req *q, tb_res *r)
{
    tb_tpk_row t;
    if (!team_read(q, r, &t))
        return;
    const char *nama = form(q, "nama"), *peran = form(q, "peran"), *user = form(q, "pengguna");
    const char *e = NULL;
    tb_user u;
    memset(&u, 0, sizeof u);
    if (!*nama || strlen(nama) > 100)
        e = "Isi nama anggota.";
    else if (strcmp(peran, "bidan") && strcmp(peran, "kader_pkk") && strcmp(peran, "kader_kb"))
        e = "Peran: bidan, kader TP PKK atau kader KB.";
    else if (*user && tb_store_user_by_name(q->store, user, &u) != 1)
        e = "Akun pengguna tidak ditemukan.";
    else if (*user && ((strcmp(u.peran, "tpk") && strcmp(u.peran, "desa")) ||
                       strncmp(u.wilayah, t.desa, strlen(u.wilayah))))
        e = "Akun harus berperan tpk atau desa, di desa tim ini.";
    if (e) {
        render_team(q, r, &t, e);
        r->status = 422;
        return;
    }
    long id;
    if (tb_store_tpk_anggota_add(q->store, q->user.id, t.id, nama, peran, form(q, "no_sk"), u.id,
                                 &id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char to[48];
    snprintf(to, sizeof to, "/tpk/%ld", t.id);
    tb_res_redirect(r, to);
}

void tb_page_tpk_sasaran(tb_req *q, tb_res *r)
{
    tb_tpk_row t;
    if (!team_read(q, r, &t))
        return;
    char today[11];
    tb_today_iso(today);
    if (!strcmp(form(q, "semua"), "1")) {
        if (tb_store_tpk_assign_all(q->store, q->user.id, t.id, today) < 0)
            return tb_res_error(r, q, 500, tb_store_error(q->store));
    } else {
        const char *j = form(q, "jenis");
        long ind = atol(form(q, "individu_id"));
        int out;
        if (ind <= 0 || (strcmp(j, "catin") && strcmp(j, "bumil") && strcmp(j, "nifas") &&
                         strcmp(j, "baduta") && strcmp(j, "balita"))) {
            render_team(q, r, &t, "Isi ID individu dan jenis sasaran.");
            r->status = 422;
            return;
        }
        if (tb_store_tpk_assign(q->store, q->user.id, t.id, ind, j, today, &out) < 0) {
            render_team(q, r, &t, "Orang ini tidak ada di desa tim ini.");
            r->status = 422;
            return;
        }
    }
    char to[48];
    snprintf(to, sizeof to, "/tpk/%ld", t.id);
    tb_res_redirect(r, to);
}

void tb_page_tpk_rujukan(tb_req *q, tb_res *r)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    const char *st = form(q, "status");
    if (strcmp(st, "selesai") && strcmp(st, "tidak_datang"))
        return tb_res_error(r, q, 422,
                            "Hasil rujukan: selesai (sudah ditangani) atau tidak_datang.");
    /* the team first, to check the user's area before writing */
    long tpk_id = 0;
    char today[11];
    tb_today_iso(today);
    if (tb_store_begin(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    int f = id > 0 && !*end ? tb_store_tpk_rujukan_hasil(q->store, q->user.id, id, st,
                                                         form(q, "hasil"), today, &tpk_id)
                            : 0;
    tb_tpk_row t;
    bool ok =
        f == 1 && tb_store_tpk_get(q->store, tpk_id, &t) == 1 && tb_scope_code_ok(&q->user, t.desa);
    if (ok && !strcmp(q->user.peran, "tpk")) {
        long ids[16], a;
        int n = tb_store_tpk_of_user(q->store, q->user.id, ids, 16, &a);
        ok = false;
        for (int i = 0; i < n; i++)
            ok |= ids[i] == tpk_id;
    }
    if (!ok) {
        tb_store_rollback(q->store);
        return tb_res_error(r, q,
                            f < 0    ? 500
                            : f == 0 ? 404
                                     : 403,
                            f == 0 ? "Rujukan tidak ditemukan." : "Rujukan ini bukan tim Anda.");
    }
    if (tb_store_commit(q->store) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char to[48];
    snprintf(to, sizeof to, "/tpk/%ld", tpk_id);
    tb_res_redirect(r, to);
}
