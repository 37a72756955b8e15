/*
 * audit_kasus.c - the stunting case audit (Audit Kasus Stunting) pages:
 * the cases of a semester and the district's audit team (/audit-kasus),
 * the candidates the data proposes with filters (/audit-kasus/kandidat),
 * the worksheet of a case (/audit-kasus/ID: history from every source,
 * the family's census facts, the technical team's findings, the expert
 * team's recommendations, the actions that follow, the dissemination
 * meeting, the outcome) and the semester report (page, PDF, CSV).
 *
 * Who: the members of the kabupaten's audit team (audit_tim, set by the
 * admin or TPPS kabupaten) choose cases and fill the worksheets, and see
 * the names of every case of the kabupaten. Other roles see the cases of
 * their own area; names only when their role sees names (puskesmas, desa),
 * else "Kasus #ID". The semester report carries no names. Every write is
 * audited by the store; a refused form comes back filled, with the error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "format/render_html.h"
#include "report/audit_kasus.h"
#include "store/audit_kasus.h"
#include "store/rapat.h"
#include "store/wilayah.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/rapat.h"

/* What the user may do in the case audit of their kabupaten. */
typedef struct {
    char kab[16];  /* the user's kabupaten */
    bool team;     /* a member of its audit team */
    bool kab_role; /* works at the kabupaten level */
} who;

static int who_load(tb_req *q, tb_res *r, who *w)
{
    const char *u = q->user.wilayah, *dot = strchr(u, '.');
    dot = dot ? strchr(dot + 1, '.') : NULL;
    size_t n = dot ? (size_t)(dot - u) : strlen(u);
    snprintf(w->kab, sizeof w->kab, "%.*s", (int)n, u);
    w->kab_role = !dot;
    int t = tb_store_aks_tim_has(q->store, q->user.id, w->kab);
    if (t < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    w->team = t == 1;
    return t < 0 ? -1 : 0;
}

/* Does the user see the names of a case in desa? */
static bool sees_name(const tb_req *q, const who *w, const char *desa)
{
    return w->team || (tb_role_sees_names(&q->user) && tb_scope_code_ok(&q->user, desa));
}

static const char *const JENIS[][2] = {{"stunting", "Balita stunting"},
                                       {"wasting", "Balita wasting"},
                                       {"bumil", "Ibu hamil berisiko"},
                                       {"catin", "Catin berisiko"}};
static const char *const STATUS[][2] = {{"dipilih", "dipilih"},
                                        {"dikaji", "sudah dikaji tim teknis"},
                                        {"direkomendasi", "sudah ada rekomendasi pakar"},
                                        {"selesai", "selesai"}};

static const char *status_label(const char *s)
{
    for (size_t i = 0; i < 4; i++)
        if (!strcmp(STATUS[i][0], s))
            return STATUS[i][1];
    return s;
}

/* The semester asked for (?semester=) or this one, into out. */
static void semester_of(tb_req *q, char out[8])
{
    const char *s = tb_req_query(q, "semester");
    char label[32];
    if (s && tb_aks_semester_label(s, label, sizeof label)) {
        snprintf(out, 8, "%s", s);
        return;
    }
    char today[11];
    tb_today_iso(today);
    tb_aks_semester(today, out);
}

static void alert(tb_buf *b, const char *err)
{
    if (!err)
        return;
    tb_buf_puts(b, "<p class=\"galat\" role=\"alert\">");
    tb_buf_html(b, err);
    tb_buf_puts(b, "</p>");
}

static void csrf_field(tb_buf *b, const tb_req *q)
{
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
}

/* ---- the list of cases and the team ---------------------------------- */

struct list_ctx {
    tb_req *q;
    tb_buf *b;
    const who *w;
    int n;
};

static int case_row(void *ctx, const tb_aks *a)
{
    struct list_ctx *c = ctx;
    tb_buf *b = c->b;
    c->n++;
    tb_buf_printf(b, "<tr><td><a href=\"/audit-kasus/%ld\">", a->id);
    if (sees_name(c->q, c->w, a->desa))
        tb_buf_html(b, a->nama);
    else
        tb_buf_printf(b, "Kasus #%ld", a->id);
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, a->kategori);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->desa_nama);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, a->kriteria);
    tb_buf_printf(b, "</td><td>%s</td><td class=\"n\">%d/%d</td></tr>", status_label(a->status),
                  a->n_selesai, a->n_tindakan);
    return 0;
}

static int team_row(void *ctx, long id, const char *username, const char *nama, const char *peran,
                    const char *tim)
{
    struct list_ctx *c = ctx;
    (void)id;
    c->n++;
    tb_buf_puts(c->b, "<li>");
    tb_buf_html(c->b, nama);
    tb_buf_puts(c->b, " (");
    tb_buf_html(c->b, username);
    tb_buf_puts(c->b, ", ");
    tb_buf_html(c->b, tb_role_label(peran));
    tb_buf_printf(c->b, "): tim %s</li>", tim);
    return 0;
}

/* The team section; its form for the kabupaten's admin and TPPS. */
static void team_section(tb_buf *b, tb_req *q, const who *w, const char *err)
{
    tb_buf_puts(b, "<section id=\"tim\"><h2>Tim audit kasus</h2><p>Hanya anggota tim yang"
                   " memilih kasus, mengisi kertas kerja dan melihat nama semua kasus.</p><ul>");
    struct list_ctx c = {q, b, w, 0};
    tb_store_aks_tim_each(q->store, w->kab, team_row, &c);
    if (!c.n)
        tb_buf_puts(b, "<li>Belum ada anggota.</li>");
    tb_buf_puts(b, "</ul>");
    if (!(q->role & (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)) || !w->kab_role) {
        tb_buf_puts(b, "</section>");
        return;
    }
    const char *pengguna = err ? tb_req_form(q, "pengguna") : NULL;
    const char *peran = err ? tb_req_form(q, "peran") : NULL;
    tb_buf_puts(b, "<form method=\"post\" class=\"rapat-form\" action=\"/audit-kasus/tim\">"
                   "<fieldset><legend>Anggota tim</legend>");
    alert(b, err);
    csrf_field(b, q);
    tb_web_input(b, "Nama pengguna", "pengguna", "text", pengguna, true);
    tb_buf_puts(b, "<label>Peran dalam tim <select name=\"peran\">");
    tb_web_option(b, "teknis", "Tim teknis", peran);
    tb_web_option(b, "pakar", "Tim pakar", peran);
    tb_web_option(b, "sekretariat", "Sekretariat", peran);
    tb_buf_puts(b, "</select></label><label>Aksi <select name=\"aksi\">");
    const char *aksi = err ? tb_req_form(q, "aksi") : NULL;
    tb_web_option(b, "tambah", "Tambah atau ubah peran", aksi);
    tb_web_option(b, "hapus", "Keluarkan dari tim", aksi);
    tb_buf_puts(b, "</select></label><button>Simpan</button></fieldset></form></section>");
}

static void list_page(tb_req *q, tb_res *r, const who *w, const char *team_err)
{
    char sem[8], label[32];
    semester_of(q, sem);
    tb_aks_semester_label(sem, label, sizeof label);
    tb_html_begin(r, q, "Audit kasus stunting");
    tb_buf *b = &r->body;
    tb_buf_printf(b,
                  "<h1>Audit kasus stunting, %s</h1><p><a href=\"/audit-kasus/kandidat\">Calon"
                  " kasus dari data</a> · <a href=\"/audit-kasus/laporan?semester=%s\">Laporan"
                  " semester</a> · <a href=\"/rapat\">Rapat</a></p>",
                  label, sem);
    if (!w->team)
        tb_buf_puts(b, "<p>Anda bukan anggota tim audit kasus: nama kasus hanya tampil untuk"
                       " peran yang melihat nama di wilayahnya.</p>");
    tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Kasus</th><th>Kategori</th>"
                   "<th>Desa</th><th>Kriteria</th><th>Status</th><th class=\"n\">Tindak lanjut"
                   " selesai</th></tr></thead><tbody>");
    struct list_ctx c = {q, b, w, 0};
    if (tb_store_aks_each(q->store, w->kab, w->team ? NULL : q->user.wilayah, sem, case_row, &c) <
        0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (!c.n)
        tb_buf_puts(b, "<tr><td colspan=\"6\">Belum ada kasus semester ini.</td></tr>");
    tb_buf_puts(b, "</tbody></table></div>");
    team_section(b, q, w, team_err);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_aks_list(tb_req *q, tb_res *r)
{
    who w;
    if (who_load(q, r, &w) == 0)
        list_page(q, r, &w, NULL);
}

void tb_page_aks_tim(tb_req *q, tb_res *r)
{
    who w;
    if (who_load(q, r, &w) < 0)
        return;
    if (!w.kab_role)
        return tb_res_error(r, q, 403, "Tim audit diatur di tingkat kabupaten.");
    const char *name = tb_req_form(q, "pengguna"), *peran = tb_req_form(q, "peran");
    const char *aksi = tb_req_form(q, "aksi");
    tb_user *u = malloc(sizeof *u);
    int f = u && name && *name ? tb_store_user_by_name(q->store, name, u) : 0;
    const char *err = NULL;
    if (f != 1)
        err = "Pengguna tidak ditemukan: tulis nama pengguna (login) anggota tim.";
    else if (aksi && !strcmp(aksi, "hapus")
                 ? tb_store_aks_tim_hapus(q->store, q->user.id, u->id, w.kab) < 0
                 : tb_store_aks_tim_set(q->store, q->user.id, u->id, w.kab, peran) < 0)
        err = tb_store_error(q->store);
    free(u);
    if (err) {
        r->status = 422;
        return list_page(q, r, &w, err);
    }
    tb_res_redirect(r, "/audit-kasus#tim");
}

/* ---- candidates ------------------------------------------------------- */

struct cand_ctx {
    tb_req *q;
    tb_buf *b;
    const who *w;
    const char *err; /* a refused choice */
    long err_id;     /* its person */
    int n;
};

static int cand_row(void *ctx, const tb_aks_kandidat *k)
{
    struct cand_ctx *c = ctx;
    tb_buf *b = c->b;
    c->n++;
    bool named = sees_name(c->q, c->w, k->desa);
    tb_buf_printf(b, "<tr><td>%s</td><td>", k->jenis);
    if (named)
        tb_buf_html(b, k->nama);
    else
        tb_buf_puts(b, "(nama hanya untuk tim audit)");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->desa_nama ? k->desa_nama : k->desa);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, k->kriteria);
    tb_buf_printf(b, "%s%s</td><td>", k->goyah ? " <b>pertumbuhan goyah</b>" : "",
                  k->krs ? " · keluarga berisiko" : "");
    if (c->w->team) {
        bool refused = c->err && c->err_id == k->individu_id;
        tb_buf_puts(b, "<form method=\"post\" action=\"/audit-kasus\">");
        if (refused)
            alert(b, c->err);
        csrf_field(b, c->q);
        tb_buf_printf(b,
                      "<input type=\"hidden\" name=\"individu_id\" value=\"%ld\">"
                      "<input type=\"hidden\" name=\"kehamilan_id\" value=\"%ld\">"
                      "<input type=\"hidden\" name=\"kategori\" value=\"%s\">"
                      "<label>Alasan <input name=\"kriteria\" required value=\"",
                      k->individu_id, k->kehamilan_id, k->kategori);
        const char *typed = refused ? tb_req_form(c->q, "kriteria") : NULL;
        if (!refused)
            tb_buf_printf(b, "%s: ", k->jenis);
        tb_buf_html(b, refused ? (typed ? typed : "") : k->kriteria);
        tb_buf_puts(b, "\"></label><button>Pilih</button></form>");
    }
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

static void cand_page(tb_req *q, tb_res *r, const who *w, const char *err, long err_id)
{
    const char *jenis = tb_req_query(q, "jenis"), *goyah = tb_req_query(q, "goyah");
    const char *wil = tb_req_query(q, "wilayah");
    if (jenis && !*jenis)
        jenis = NULL;
    if (wil && *wil &&
        !(w->team ? !strncmp(wil, w->kab, strlen(w->kab)) &&
                        (!wil[strlen(w->kab)] || wil[strlen(w->kab)] == '.')
                  : tb_scope_code_ok(&q->user, wil)))
        return tb_res_error(r, q, 403, "Wilayah ini di luar wilayah kerja Anda.");
    char today[11], sem[8];
    tb_today_iso(today);
    tb_aks_semester(today, sem);
    tb_aks_filter f = {.wilayah = wil && *wil ? wil
                                  : w->team   ? w->kab
                                              : q->user.wilayah,
                       .jenis = jenis,
                       .goyah = goyah && !strcmp(goyah, "1"),
                       .today = today,
                       .semester = sem};
    tb_html_begin(r, q, "Calon kasus audit");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Calon kasus audit</h1><p>Dari data: balita stunting atau wasting"
                   " (pengukuran terakhir 12 bulan ini), ibu hamil berisiko (KEK, anemia, risiko"
                   " tinggi) yang belum bersalin, catin yang skrining terakhirnya berisiko. Yang"
                   " sudah menjadi kasus semester ini tidak tampil. <a href=\"/audit-kasus\">"
                   "Kasus semester ini</a></p><form method=\"get\" class=\"saring\"><label>Jenis"
                   " <select name=\"jenis\"><option value=\"\">Semua</option>");
    for (size_t i = 0; i < 4; i++)
        tb_web_option(b, JENIS[i][0], JENIS[i][1], jenis);
    tb_buf_printf(b,
                  "</select></label><label><input type=\"checkbox\" name=\"goyah\" value=\"1\"%s>"
                  " Hanya yang pertumbuhannya goyah (2T, BB tidak naik, TB/U turun)</label>",
                  f.goyah ? " checked" : "");
    tb_web_input(b, "Wilayah (kode)", "wilayah", "text", wil, false);
    tb_buf_puts(b, "<button>Saring</button></form>");
    alert(b, err);
    tb_buf_puts(b, "<div class=\"tabel\"><table><thead><tr><th>Jenis</th><th>Nama</th>"
                   "<th>Desa</th><th>Kriteria</th><th></th></tr></thead><tbody>");
    struct cand_ctx c = {q, b, w, err, err_id, 0};
    if (tb_store_aks_kandidat_each(q->store, &f, cand_row, &c) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (!c.n)
        tb_buf_puts(b, "<tr><td colspan=\"5\">Tidak ada calon dengan saringan ini.</td></tr>");
    tb_buf_printf(b, "</tbody></table></div><p>%d calon.</p>", c.n);
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_aks_kandidat(tb_req *q, tb_res *r)
{
    who w;
    if (who_load(q, r, &w) == 0)
        cand_page(q, r, &w, NULL, 0);
}

static long form_id(tb_req *q, const char *name)
{
    const char *v = tb_req_form(q, name);
    char *end;
    long id = v && *v ? strtol(v, &end, 10) : 0;
    return id > 0 && !*end ? id : 0;
}

void tb_page_aks_pilih(tb_req *q, tb_res *r)
{
    who w;
    if (who_load(q, r, &w) < 0)
        return;
    if (!w.team)
        return tb_res_error(r, q, 403, "Hanya tim audit kasus kabupaten yang memilih kasus.");
    long iid = form_id(q, "individu_id"), hid = form_id(q, "kehamilan_id");
    const char *kat = tb_req_form(q, "kategori"), *krit = tb_req_form(q, "kriteria");
    static const char *const KAT[] = {"catin", "bumil", "nifas", "baduta", "balita"};
    bool kat_ok = false;
    for (size_t i = 0; kat && i < 5; i++)
        kat_ok |= !strcmp(kat, KAT[i]);
    const char *err = !iid || !kat_ok   ? "Pilih kasus dari daftar calon."
                      : !krit || !*krit ? "Alasan pemilihan belum diisi: tulis kriteria kasus ini."
                                        : NULL;
    char today[11], sem[8];
    tb_today_iso(today);
    tb_aks_semester(today, sem);
    long id = 0;
    if (!err && tb_store_aks_pilih(q->store, q->user.id, iid, hid, kat, w.kab, sem, krit, &id) < 0)
        err = tb_store_error(q->store);
    if (err) {
        r->status = 422;
        return cand_page(q, r, &w, err, iid);
    }
    char to[48];
    snprintf(to, sizeof to, "/audit-kasus/%ld", id);
    tb_res_redirect(r, to);
}

/* ---- the worksheet ---------------------------------------------------- */

/* The case of the path, readable by the user, into a (allocated): true, or
 * false after answering. */
static bool case_load(tb_req *q, tb_res *r, const who *w, tb_aks **a)
{
    long id = tb_web_path_id(q, "id");
    *a = malloc(sizeof **a);
    int f = *a && id ? tb_store_aks_get(q->store, id, *a) : 0;
    if (f == 1 && !strcmp((*a)->kabupaten, w->kab) &&
        (w->team || tb_scope_code_ok(&q->user, (*a)->desa)))
        return true;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else
        tb_res_error(r, q, f == 0 ? 404 : 403,
                     f == 0 ? "Kasus tidak ditemukan." : "Kasus ini di luar wilayah kerja Anda.");
    free(*a);
    *a = NULL;
    return false;
}

/* A refused worksheet form: which and why. */
typedef struct {
    const char *bagian, *err;
} refusal;

static const char *typed(tb_req *q, const refusal *x, const char *bagian, const char *name,
                         const char *dflt)
{
    if (x && x->bagian && !strcmp(x->bagian, bagian)) {
        const char *v = tb_req_form(q, name);
        return v ? v : "";
    }
    return dflt;
}

static void form_head(tb_buf *b, tb_req *q, const refusal *x, long id, const char *bagian,
                      const char *legend)
{
    tb_buf_printf(b,
                  "<form method=\"post\" class=\"rapat-form\" action=\"/audit-kasus/%ld/%s\">"
                  "<fieldset><legend>%s</legend>",
                  id, bagian, legend);
    if (x && x->bagian && !strcmp(x->bagian, bagian))
        alert(b, x->err);
    csrf_field(b, q);
}

/* A text part (temuan, rekomendasi, hasil): shown, and its form for the team. */
static void text_part(tb_buf *b, tb_req *q, const refusal *x, const tb_aks *a, bool team,
                      const char *bagian, const char *title, const char *value)
{
    tb_buf_printf(b, "<section id=\"%s\"><h2>%s</h2><p class=\"notulen\">", bagian, title);
    tb_buf_html(b, *value ? value : "-");
    tb_buf_puts(b, "</p>");
    if (team) {
        form_head(b, q, x, a->id, bagian, title);
        tb_buf_puts(b, "<label>Isi <textarea name=\"isi\" rows=\"5\">");
        tb_buf_html(b, typed(q, x, bagian, "isi", value));
        tb_buf_puts(b, "</textarea></label><button>Simpan</button></fieldset></form>");
    }
    tb_buf_puts(b, "</section>");
}

static int riwayat_row(void *ctx, const tb_aks_riwayat *h)
{
    tb_buf *b = ctx;
    tb_buf_puts(b, "<tr><td>");
    tb_buf_html(b, h->tanggal ? h->tanggal : "-");
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, h->sumber);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, h->uraian ? h->uraian : "");
    tb_buf_puts(b, "</td></tr>");
    return 0;
}

struct fakta_ctx {
    tb_buf *b;
    bool named;
};

static int fakta_row(void *ctx, const char *label, const char *value)
{
    struct fakta_ctx *c = ctx;
    if (!c->named && !strcmp(label, "Nomor KK"))
        return 0;
    tb_buf_puts(c->b, "<dt>");
    tb_buf_html(c->b, label);
    tb_buf_puts(c->b, "</dt><dd>");
    tb_buf_html(c->b, value);
    tb_buf_puts(c->b, "</dd>");
    return 0;
}

static int tindakan_row(void *ctx, long tid, const char *uraian, const char *pj,
                        const char *tenggat, const char *status)
{
    tb_buf *b = ctx;
    tb_buf_printf(b, "<tr><td><a href=\"/tindakan/%ld\">", tid);
    tb_buf_html(b, uraian);
    tb_buf_puts(b, "</a></td><td>");
    tb_buf_html(b, pj);
    tb_buf_puts(b, "</td><td>");
    tb_buf_html(b, tenggat ? tenggat : "-");
    tb_buf_printf(b, "</td><td>%s</td></tr>", tb_tindakan_status_label(status));
    return 0;
}

static void tindakan_part(tb_buf *b, tb_req *q, const refusal *x, const tb_aks *a, bool team)
{
    tb_buf_puts(b, "<section id=\"tindakan\"><h2>Tindak lanjut</h2><p>Ditinjau seperti"
                   " tindak lanjut rapat (<a href=\"/tindakan\">daftar</a>); tanpa nama kasus,"
                   " karena daftar tindak lanjut dibaca di luar tim.</p><div class=\"tabel\">"
                   "<table><thead><tr><th>Tindakan</th><th>Penanggung jawab</th><th>Tenggat</th>"
                   "<th>Status</th></tr></thead><tbody>");
    tb_store_aks_tindakan_each(q->store, a->id, tindakan_row, b);
    tb_buf_puts(b, "</tbody></table></div>");
    if (team) {
        const char *k = "tindakan";
        form_head(b, q, x, a->id, k, "Tindak lanjut baru");
        tb_web_input(b, "Tindakan", "uraian", "text", typed(q, x, k, "uraian", ""), true);
        tb_web_lembaga_select(b, q->store, a->desa, "Lembaga penanggung jawab", "pj_lembaga",
                              typed(q, x, k, "pj_lembaga", NULL));
        tb_web_input(b, "Nama/jabatan penanggung jawab", "pj_nama", "text",
                     typed(q, x, k, "pj_nama", ""), false);
        tb_web_input(b, "Tenggat", "tenggat", "date", typed(q, x, k, "tenggat", ""), true);
        const char *src = typed(q, x, k, "sumber_anggaran", NULL);
        tb_buf_puts(b, "<label>Sumber anggaran <select name=\"sumber_anggaran\">"
                       "<option value=\"\">-</option>");
        static const char *const S[] = {"APBDes", "APBD", "DAK", "BOK", "BOKB", "CSR", "lainnya"};
        for (size_t i = 0; i < 7; i++)
            tb_web_option(b, S[i], S[i], src);
        tb_buf_puts(b, "</select></label><button>Tambah</button></fieldset></form>");
    }
    tb_buf_puts(b, "</section>");
}

struct rapat_opt {
    tb_buf *b;
    const char *chosen;
    int n;
};

static int rapat_opt(void *ctx, const tb_rapat *m)
{
    struct rapat_opt *c = ctx;
    if (strcmp(m->jenis, "audit_kasus"))
        return 0;
    char id[24], label[240];
    snprintf(id, sizeof id, "%ld", m->id);
    snprintf(label, sizeof label, "%s, %s", m->tanggal, m->judul);
    tb_web_option(c->b, id, label, c->chosen);
    c->n++;
    return 0;
}

static void diseminasi_part(tb_buf *b, tb_req *q, const refusal *x, const tb_aks *a, bool team)
{
    tb_buf_puts(b, "<section id=\"rapat\"><h2>Diseminasi</h2><p>");
    if (a->rapat_id) {
        tb_buf_printf(b, "<a href=\"/rapat/%ld\">", a->rapat_id);
        tb_buf_html(b, a->rapat_judul);
        tb_buf_puts(b, "</a>, ");
        tb_buf_html(b, a->tgl_diseminasi);
    } else {
        tb_buf_puts(b, "Belum didiseminasikan.");
    }
    tb_buf_puts(b, "</p>");
    if (team) {
        form_head(b, q, x, a->id, "rapat", "Rapat diseminasi (rapat audit kasus)");
        tb_buf_puts(b, "<label>Rapat <select name=\"rapat_id\" required>");
        struct rapat_opt c = {b, typed(q, x, "rapat", "rapat_id", NULL), 0};
        tb_store_rapat_each(q->store, a->kabupaten, 0, rapat_opt, &c);
        tb_buf_printf(b, "</select></label>%s<button>Simpan</button></fieldset></form>",
                      c.n ? ""
                          : "<p>Belum ada rapat audit kasus: buat di halaman <a"
                            " href=\"/rapat\">Rapat</a> dengan jenis Audit kasus stunting.</p>");
    }
    tb_buf_puts(b, "</section>");
}

static void case_page(tb_req *q, tb_res *r, const who *w, const tb_aks *a, const refusal *x)
{
    bool named = sees_name(q, w, a->desa);
    char title[160], label[32];
    if (named)
        snprintf(title, sizeof title, "Kertas kerja audit: %s", a->nama);
    else
        snprintf(title, sizeof title, "Kertas kerja audit: Kasus #%ld", a->id);
    tb_aks_semester_label(a->semester, label, sizeof label);
    tb_html_begin(r, q, title);
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<article class=\"rapat\"><h1>");
    tb_buf_html(b, title);
    tb_buf_puts(b, "</h1><p>");
    tb_buf_html(b, a->kategori);
    tb_buf_puts(b, " · ");
    tb_buf_html(b, a->desa_nama);
    if (named) {
        tb_buf_puts(b, " · lahir ");
        tb_buf_html(b, a->tgl_lahir);
    }
    tb_buf_printf(b,
                  " · %s · %s</p><p class=\"no-cetak\"><a href=\"/audit-kasus\">Semua"
                  " kasus</a></p><h2>Kriteria pemilihan</h2><p>",
                  label, status_label(a->status));
    tb_buf_html(b, a->kriteria);
    tb_buf_puts(b, "</p><h2>Riwayat dari semua sumber</h2><div class=\"tabel\"><table><thead>"
                   "<tr><th>Tanggal</th><th>Sumber</th><th>Catatan</th></tr></thead><tbody>");
    tb_store_aks_riwayat_each(q->store, a->id, riwayat_row, b);
    tb_buf_puts(b, "</tbody></table></div><h2>Keluarga (pendataan keluarga)</h2><dl>");
    struct fakta_ctx fc = {b, named};
    tb_store_aks_keluarga_each(q->store, a->id, fakta_row, &fc);
    tb_buf_puts(b, "</dl>");
    text_part(b, q, x, a, w->team, "temuan", "Temuan tim teknis", a->temuan);
    text_part(b, q, x, a, w->team, "rekomendasi", "Rekomendasi tim pakar", a->rekomendasi);
    tindakan_part(b, q, x, a, w->team);
    diseminasi_part(b, q, x, a, w->team);
    text_part(b, q, x, a, w->team, "hasil", "Hasil (perubahan status risiko)", a->hasil);
    tb_buf_puts(b, "</article>");
    r->no_store = true;
    tb_html_end(r);
}

void tb_page_aks(tb_req *q, tb_res *r)
{
    who w;
    tb_aks *a;
    if (who_load(q, r, &w) < 0 || !case_load(q, r, &w, &a))
        return;
    case_page(q, r, &w, a, NULL);
    free(a);
}

/* Saves form bagian of case a: 0, or -1 with *err. */
static int save_part(tb_req *q, const tb_aks *a, const char *bagian, const char **err)
{
    tb_store *s = q->store;
    if (!strcmp(bagian, "temuan") || !strcmp(bagian, "rekomendasi") || !strcmp(bagian, "hasil")) {
        const char *v = tb_req_form(q, "isi");
        if (!v || !*v)
            return *err = "Isinya belum diisi.", -1;
        return tb_store_aks_ubah(s, q->user.id, a->id, bagian, v) < 0
                   ? (*err = tb_store_error(s), -1)
                   : 0;
    }
    if (!strcmp(bagian, "rapat")) {
        long id = form_id(q, "rapat_id");
        if (!id)
            return *err = "Pilih rapat diseminasinya.", -1;
        return tb_store_aks_rapat(s, q->user.id, a->id, id) < 0 ? (*err = tb_store_error(s), -1)
                                                                : 0;
    }
    const char *ur = tb_req_form(q, "uraian"), *lem = tb_req_form(q, "pj_lembaga");
    const char *nama = tb_req_form(q, "pj_nama"), *ten = tb_req_form(q, "tenggat");
    const char *src = tb_req_form(q, "sumber_anggaran");
    if (!ur || !*ur)
        return *err = "Tindakan belum diisi.", -1;
    if ((!lem || !*lem) && (!nama || !*nama))
        return *err = "Isi lembaga atau nama penanggung jawab.", -1;
    if (tb_date_iso(ten) == TB_DATE_NONE)
        return *err = "Tenggat belum diisi atau bukan tanggal (tttt-bb-hh).", -1;
    if (src && *src && !tb_tindakan_sumber_ok(src))
        return *err = "Sumber anggaran tidak dikenal.", -1;
    return tb_store_aks_tindakan_add(s, q->user.id, a->id, ur, lem, nama, ten, src, NULL) < 0
               ? (*err = tb_store_error(s), -1)
               : 0;
}

void tb_page_aks_simpan(tb_req *q, tb_res *r)
{
    who w;
    tb_aks *a;
    if (who_load(q, r, &w) < 0 || !case_load(q, r, &w, &a))
        return;
    const char *bagian = tb_req_param(q, "bagian");
    static const char *const PARTS[] = {"temuan", "rekomendasi", "hasil", "rapat", "tindakan"};
    bool known = false;
    for (size_t i = 0; bagian && i < 5; i++)
        known |= !strcmp(bagian, PARTS[i]);
    if (!known) {
        free(a);
        return tb_res_error(r, q, 404, "Bagian kertas kerja tidak dikenal.");
    }
    if (!w.team) {
        free(a);
        return tb_res_error(r, q, 403,
                            "Hanya tim audit kasus kabupaten yang mengisi kertas kerja.");
    }
    const char *err = NULL;
    if (save_part(q, a, bagian, &err) < 0) {
        refusal x = {bagian, err};
        r->status = 422;
        case_page(q, r, &w, a, &x);
        free(a);
        return;
    }
    char to[64];
    snprintf(to, sizeof to, "/audit-kasus/%ld#%s", a->id, bagian);
    free(a);
    tb_web_data_changed();
    tb_res_redirect(r, to);
}

/* ---- the dissemination meeting's page --------------------------------- */

struct rapat_cases {
    tb_req *q;
    tb_buf *b;
    const who *w;
    int n;
};

static int rapat_case(void *ctx, const tb_aks *a)
{
    struct rapat_cases *c = ctx;
    if (!c->w->team && !tb_scope_code_ok(&c->q->user, a->desa))
        return 0;
    c->n++;
    tb_buf_printf(c->b, "<li><a href=\"/audit-kasus/%ld\">", a->id);
    if (sees_name(c->q, c->w, a->desa))
        tb_buf_html(c->b, a->nama);
    else
        tb_buf_printf(c->b, "Kasus #%ld", a->id);
    tb_buf_puts(c->b, "</a> (");
    tb_buf_html(c->b, a->kategori);
    tb_buf_puts(c->b, ", ");
    tb_buf_html(c->b, a->desa_nama);
    tb_buf_puts(c->b, "): ");
    tb_buf_html(c->b, a->rekomendasi[0] ? a->rekomendasi : "rekomendasi belum diisi");
    tb_buf_puts(c->b, "</li>");
    return 0;
}

void tb_web_aks_rapat_section(tb_buf *b, tb_req *q, long rapat)
{
    who w;
    tb_res dummy = {0};
    if (who_load(q, &dummy, &w) < 0) {
        tb_buf_free(&dummy.body);
        return;
    }
    tb_buf_puts(b, "<section id=\"kasus\"><h2>Kasus yang didiseminasikan</h2><ul>");
    struct rapat_cases c = {q, b, &w, 0};
    tb_store_aks_rapat_each(q->store, rapat, rapat_case, &c);
    tb_buf_puts(b, c.n ? "</ul>"
                       : "<li>Belum ada kasus yang ditautkan ke rapat ini (dari kertas"
                         " kerja kasus, bagian Diseminasi).</li></ul>");
    tb_buf_puts(b, "</section>");
}

/* ---- the semester report --------------------------------------------- */

void tb_page_aks_laporan(tb_req *q, tb_res *r)
{
    who w;
    if (who_load(q, r, &w) < 0)
        return;
    if (!w.team && !w.kab_role)
        return tb_res_error(r, q, 403, "Laporan audit kasus dibaca tim audit dan kabupaten.");
    const char *fmt = tb_req_query(q, "format");
    if (fmt && strcmp(fmt, "pdf") && strcmp(fmt, "csv"))
        return tb_res_error(r, q, 400, "format: pdf atau csv.");
    char sem[8], nama[128] = "";
    semester_of(q, sem);
    tb_store_wilayah_nama(q->store, w.kab, nama, sizeof nama);
    tb_table *t[3];
    if (tb_report_aks_semester(q->store, w.kab, nama, sem, t) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    if (fmt) {
        char name[48];
        snprintf(name, sizeof name, "audit-kasus-%s", sem);
        /* csv: the cases (the first table is the summary) */
        tb_table *const csv[1] = {t[1]};
        tb_web_send_tables(q, r, !strcmp(fmt, "csv") ? csv : t, !strcmp(fmt, "csv") ? 1 : 3, fmt,
                           name);
    } else {
        tb_html_begin(r, q, "Laporan audit kasus");
        tb_buf *b = &r->body;
        char label[32];
        tb_aks_semester_label(sem, label, sizeof label);
        tb_buf_printf(b,
                      "<h1>Laporan audit kasus stunting, %s</h1><p class=\"no-cetak\"><a"
                      " href=\"/audit-kasus/laporan?semester=%s&amp;format=pdf\">PDF</a> · <a"
                      " href=\"/audit-kasus/laporan?semester=%s&amp;format=csv\">CSV</a> · <a"
                      " href=\"/audit-kasus\">Kasus</a></p>",
                      label, sem, sem);
        for (int i = 0; i < 3; i++)
            tb_render_html(t[i], b, NULL);
        r->no_store = true;
        tb_html_end(r);
    }
    for (int i = 0; i < 3; i++)
        tb_table_free(t[i]);
}
