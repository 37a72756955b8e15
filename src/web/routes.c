/*
 * routes.c - the route table and the router (routes.h).
 *
 * The table below is the one list of every URL. The router scans it top
 * to bottom (about twenty entries, compared character by character; no
 * allocation), so a more specific pattern goes before a general one.
 */
#include "web/routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/handlers.h"
#include "web/page.h"
#include "web/scope.h"
#include "web/session.h"

#define PUBLIC TB_ROLE_PUBLIC
#define ALL TB_ROLES_ALL
#define NAMES TB_ROLES_NAMES
#define ENTER TB_ROLES_ENTER
#define LOGIN TB_ROUTE_LOGIN
#define CSRF (TB_ROUTE_LOGIN | TB_ROUTE_CSRF)
#define MERGE (TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)
#define ADMIN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KEC)
#define DENY_ADMIN "Hanya admin kabupaten dan TPPS kecamatan yang mengelola pengguna."

#define KAB TB_ROLE_ADMIN_KAB
#define UPLOAD (TB_ROUTE_LOGIN | TB_ROUTE_CSRF | TB_ROUTE_UPLOAD)
#define DENY_IMPOR "Hanya admin kabupaten yang mengimpor berkas."

#define DENY_ATUR                                                                                  \
    "Hanya admin kabupaten dan TPPS kecamatan yang mengatur posyandu, target dan lokus."
#define DENY_DAY "Peran Anda tidak mengisi hari posyandu."
#define DENY_SAVE "Anak ini di luar wilayah kerja Anda."
#define DENY_CHILD                                                                                 \
    "Data anak ini tidak dapat Anda buka (di luar wilayah atau peran tanpa akses data pribadi)."
#define DENY_API_CHILD "Di luar wilayah kerja atau peran Anda."
/* meetings: read by the roles that coordinate; run by TPPS and desa; actions
 * reviewed by those and the OPD (its own institution's) */
#define RAPAT_READ                                                                                 \
    (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_OPD | TB_ROLE_TPPS_KEC |                       \
     TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)
#define RAPAT_RUN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_DESA)
#define RAPAT_REVIEW (RAPAT_RUN | TB_ROLE_OPD)
#define DENY_RAPAT "Peran Anda tidak membuka rapat koordinasi."
#define DENY_RAPAT_RUN "Rapat diisi oleh TPPS kabupaten, TPPS kecamatan dan desa."
/* coverage: read by the roles that coordinate; the kabupaten's evaluation
 * and lokus ranking by its TPPS, admin and OPD; targets and weights set by
 * TPPS and admin kabupaten; values from other systems entered by those
 * with the data */
#define CAKUPAN_KAB (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_OPD)
#define CAKUPAN_SET (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)
#define CAKUPAN_ISI (CAKUPAN_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_GIZI_PUSKESMAS)
#define DENY_CAKUPAN "Peran Anda tidak membuka cakupan intervensi."
#define DENY_CAKUPAN_KAB "Halaman ini untuk TPPS, admin dan OPD kabupaten."
#define DENY_CAKUPAN_SET "Target dan bobot ditetapkan TPPS kabupaten dan admin kabupaten."

/* clang-format off */
static const tb_route ROUTES[] = {
    /* public: no login */
    {"GET", "/masuk", tb_page_login, PUBLIC, 0, NULL,
     "login form; lanjut= the page to open after login"},
    {"POST", "/masuk", tb_page_login, PUBLIC, 0, NULL,
     "log in: pengguna, sandi, lanjut, csrf (the tumbuh_pra cookie's; throttled, audited)"},
    {"GET", "/aset/*", tb_page_asset, PUBLIC, 0, NULL,
     "a static file compiled in (app.css, app.js)"},
    {"GET", "/api/v1/openapi.json", tb_page_openapi, PUBLIC, 0, NULL,
     "the OpenAPI description of /api/v1"},
    /* pages */
    {"POST", "/keluar", tb_page_logout, ALL, CSRF, NULL,
     "log out: csrf"},
    {"GET", "/akun", tb_page_akun, ALL, LOGIN, NULL,
     "the user's account: change password, log out everywhere"},
    {"POST", "/akun/sandi", tb_page_akun_sandi, ALL, CSRF, NULL,
     "change one's password: sandi_lama, sandi_baru, sandi_ulang, csrf (ends the other sessions)"},
    {"POST", "/akun/keluar-semua", tb_page_keluar_semua, ALL, CSRF, NULL,
     "log out on every device: csrf"},
    {"GET", "/", tb_page_home, ALL, LOGIN, NULL,
     "the user's start page (redirect: cadre's posyandu, else the area's dashboard)"},
    {"GET", "/dasbor", tb_page_dasbor, ALL, LOGIN, NULL,
     "dashboard: wilayah= or posyandu=, bulan=TTTT-BB"},
    {"GET", "/laporan/{nama}", tb_page_laporan, ALL, LOGIN, NULL,
     "a report as a page: {nama} report name; wilayah= or posyandu=, bulan="},
    {"GET", "/unduh/{berkas}", tb_page_unduh, ALL, LOGIN, NULL,
     "a report as a file: {berkas} NAME.csv|xlsx|pdf or publikasi.pdf; wilayah= or posyandu=, bulan="},
    {"GET", "/posyandu/", tb_page_posyandu_list, ALL, LOGIN, NULL,
     "the posyandu of the user's area to choose from (a cadre: redirect to theirs)"},
    {"POST", "/posyandu/{id}/anak-baru", tb_page_anak_baru, ENTER, CSRF,
     "Peran Anda tidak mendaftarkan anak.",
     "register a child at posyandu {id} (registrasi.c): nama, nik, jk, tgl_lahir, ibu, bb_lahir, pb_lahir, buku_kia, tetap_daftar (register despite a likely duplicate), csrf"},
    {"GET", "/posyandu/{id}", tb_page_posyandu, ENTER, LOGIN, DENY_DAY,
     "the posyandu day of posyandu {id}: bulan="},
    {"POST", "/posyandu/{id}", tb_page_posyandu_save, ENTER, CSRF, DENY_SAVE,
     "save a measurement: anak_id, tanggal, bb, tb, cara_ukur, lila, vit_a, pmt, yakin, csrf"},
    {"GET", "/anak/{id}/kartu", tb_page_kartu, NAMES, LOGIN, DENY_CHILD,
     "the printable growth card of child {id}"},
    {"GET", "/anak/{id}/grafik/{jenis}", tb_page_anak_grafik, NAMES, LOGIN, DENY_CHILD,
     "a growth chart of child {id} as SVG: {jenis} bbu.svg, tbu.svg or bbtb.svg"},
    {"GET", "/anak/{id}/status", tb_page_status, ENTER, LOGIN, DENY_CHILD,
     "the status form of child {id} (aktif, pindah, meninggal, with a date)"},
    {"POST", "/anak/{id}/status", tb_page_status_save, ENTER, CSRF, DENY_CHILD,
     "set the status of child {id}: status (aktif|pindah|meninggal), tanggal, catatan, csrf"},
    {"POST", "/anak/{id}/gabung", tb_page_anak_gabung, MERGE, CSRF, DENY_CHILD,
     "merge into child {id} the same child entered twice: lain (its id), csrf"},
    {"GET", "/anak/{id}", tb_page_anak, NAMES, LOGIN, DENY_CHILD,
     "the child page of child {id}: identity, family, risks, charts, history"},
    {"GET", "/pengguna", tb_page_pengguna, ADMIN, LOGIN, DENY_ADMIN,
     "the users of the administrator's area, with the forms to add, reset, (de)activate, add many"},
    {"POST", "/pengguna", tb_page_pengguna_tambah, ADMIN, CSRF, DENY_ADMIN,
     "add a user: nama, username, telepon, peran, wilayah or posyandu, csrf (one-time password shown once)"},
    {"POST", "/pengguna/impor", tb_page_pengguna_impor, ADMIN, CSRF, DENY_ADMIN,
     "many users from a list: daftar (CSV) or a CSV/XLSX body; buat=1 creates, else a dry run; csrf"},
    {"POST", "/pengguna/{id}/reset", tb_page_pengguna_reset, ADMIN, CSRF, DENY_ADMIN,
     "reset user {id}'s password to a one-time one (shown once): csrf"},
    {"POST", "/pengguna/{id}/aktif", tb_page_pengguna_aktif, ADMIN, CSRF, DENY_ADMIN,
     "deactivate (aktif=0, sessions end) or reactivate (aktif=1) user {id}: csrf"},
    {"GET", "/audit.csv", tb_page_audit_csv, ADMIN, LOGIN, DENY_ADMIN,
     "the audit log as CSV: pengguna=, wilayah=, aksi=, dari=, sampai="},
    {"GET", "/audit", tb_page_audit, ADMIN, LOGIN, DENY_ADMIN,
     "the audit log: pengguna=, wilayah=, aksi=, dari=, sampai= (TTTT-BB-HH), hal="},
    {"GET", "/rapat", tb_page_rapat_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the meetings of the user's area (wilayah= inside it), with the new-meeting form"},
    {"POST", "/rapat", tb_page_rapat_baru, RAPAT_RUN, CSRF, DENY_RAPAT_RUN,
     "a new meeting in the user's area: jenis, judul, tanggal, tempat, tahap, agenda, notulen, csrf"},
    {"POST", "/rapat/jenis", tb_page_rapat_jenis, TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB, CSRF,
     "Jenis rapat ditambah oleh kabupaten.",
     "a kind of meeting the district adds: kode, nama, dasar (minilok|rakor|rembuk|audit_kasus: how it is held), csrf"},
    {"GET", "/rapat/{id}/notulen.pdf", tb_page_rapat_notulen, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the minutes of meeting {id} as PDF: attendance, decisions, commitments, problems, actions"},
    {"GET", "/rapat/{id}/bahan", tb_page_rapat_bahan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the meeting pack of meeting {id}: stunting, SKDN, weighing backlog, open actions (format=pdf)"},
    {"POST", "/rapat/{id}/{bagian}", tb_page_rapat_simpan, RAPAT_RUN, CSRF, DENY_RAPAT_RUN,
     "add to meeting {id}: {bagian} ubah|peserta|keputusan|masalah|rekomendasi|naik|jawaban|tindakan, its fields, csrf"},
    {"GET", "/rapat/{id}", tb_page_rapat, RAPAT_READ, LOGIN, DENY_RAPAT,
     "meeting {id}: details, attendance, decisions, problems, escalations, actions, carried-over actions"},
    {"GET", "/tindakan", tb_page_tindakan_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "action lists: daftar=saya|terbuka|lewat|selesai|anggaran|semua, wilayah=, format=csv|xlsx|pdf"},
    {"GET", "/tindakan/{id}", tb_page_tindakan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "action {id}: target, indicator check, review history, weekly plan, review form; rapat= the reviewing meeting"},
    {"POST", "/tindakan/{id}", tb_page_tindakan_simpan, RAPAT_REVIEW, CSRF, DENY_RAPAT_RUN,
     "review action {id} (bagian=tinjau: status belum|berjalan|selesai|batal, kemajuan, bukti, rapat_id) or add a weekly row (bagian=jadwal), csrf"},
    {"GET", "/impor", tb_page_impor, KAB, LOGIN, DENY_IMPOR,
     "import a file (e-PPGBM, keluarga, catin, wilayah): the upload form and the current import's stage"},
    {"POST", "/impor/unggah", tb_page_impor_unggah, KAB, UPLOAD, DENY_IMPOR,
     "upload the file as the body (streamed to disk; X-CSRF-Token): jenis=, nama=; starts the dry run"},
    {"GET", "/impor/status", tb_page_impor_status, KAB, LOGIN, DENY_IMPOR,
     "the current import as JSON: tahap, persen, baris, counts"},
    {"POST", "/impor/mulai", tb_page_impor_mulai, KAB, CSRF, DENY_IMPOR,
     "import the file the dry run checked, in the background: csrf"},
    {"POST", "/impor/batal", tb_page_impor_batal, KAB, CSRF, DENY_IMPOR,
     "drop the checked file without importing it: csrf"},
    {"GET", "/impor/tolak.csv", tb_page_impor_tolak, KAB, LOGIN, DENY_IMPOR,
     "the rejected rows of the last dry run or import (line, column, reason)"},
    {"GET", "/atur/posyandu", tb_page_atur_posyandu, ADMIN, LOGIN, DENY_ATUR,
     "the puskesmas and posyandu of the administrator's area (wilayah= to filter), with the add forms"},
    {"POST", "/atur/posyandu", tb_page_atur_posyandu_tambah, ADMIN, CSRF, DENY_ATUR,
     "add a posyandu: nama, desa (name or code), puskesmas (name or id), hari (1-31), csrf"},
    {"POST", "/atur/posyandu/impor", tb_page_atur_posyandu_impor, ADMIN, CSRF, DENY_ATUR,
     "many posyandu from a list: daftar (CSV: nama, desa, puskesmas, hari) or a CSV/XLSX body; buat=1 stores, else a dry run; csrf"},
    {"GET", "/atur/posyandu/{id}", tb_page_atur_posyandu_ubah_form, ADMIN, LOGIN, DENY_ATUR,
     "the change form of posyandu {id}"},
    {"POST", "/atur/posyandu/{id}/tutup", tb_page_atur_posyandu_tutup, ADMIN, CSRF, DENY_ATUR,
     "close (tutup=1: kept with its history, off the daily lists) or reopen (tutup=0) posyandu {id}: csrf"},
    {"POST", "/atur/posyandu/{id}", tb_page_atur_posyandu_ubah, ADMIN, CSRF, DENY_ATUR,
     "rename or move posyandu {id}: nama, desa, puskesmas, hari, csrf"},
    {"POST", "/atur/puskesmas/{id}/tutup", tb_page_atur_puskesmas_tutup, ADMIN, CSRF, DENY_ATUR,
     "close (tutup=1) or reopen (tutup=0) puskesmas {id}: csrf"},
    {"POST", "/atur/puskesmas/{id}", tb_page_atur_puskesmas_ubah, ADMIN, CSRF, DENY_ATUR,
     "rename or move puskesmas {id}: nama, kecamatan (code), csrf"},
    {"POST", "/atur/puskesmas", tb_page_atur_puskesmas_tambah, ADMIN, CSRF, DENY_ATUR,
     "add a puskesmas: nama, kecamatan (code), csrf"},
    {"GET", "/atur/target", tb_page_atur_target, ADMIN, LOGIN, DENY_ATUR,
     "survey prevalence (SSGI/SKI), targets per area and year, lokus desa, with their forms"},
    {"POST", "/atur/survei", tb_page_atur_survei, ADMIN, CSRF, DENY_ATUR,
     "a survey figure of the kabupaten (admin_kab): survei, tahun, stunting, wasting, underweight, sumber, csrf"},
    {"POST", "/atur/target", tb_page_atur_target_simpan, ADMIN, CSRF, DENY_ATUR,
     "a stunting target: wilayah (code or ID), tahun, stunting (%, decimal comma), sumber, csrf"},
    {"POST", "/atur/lokus/hapus", tb_page_atur_lokus_hapus, ADMIN, CSRF, DENY_ATUR,
     "take desa off the lokus of a year: desa, tahun, csrf"},
    {"POST", "/atur/lokus", tb_page_atur_lokus, ADMIN, CSRF, DENY_ATUR,
     "a lokus desa of a year: desa (name or code), tahun, no_sk, tgl_sk, csrf"},
    {"GET", "/cakupan", tb_page_cakupan, RAPAT_READ, LOGIN, DENY_CAKUPAN,
     "coverage scorecard: wilayah= (the user's area), tahun=; indicators against targets, quarters, gaps, sub-areas"},
    {"GET", "/cakupan/unduh/{berkas}", tb_page_cakupan_unduh, RAPAT_READ, LOGIN, DENY_CAKUPAN,
     "cakupan.csv|xlsx|pdf (wilayah=, tahun=); evaluasi.*, lokus.*, ansit.xlsx of the kabupaten (tahun=)"},
    {"GET", "/cakupan/evaluasi", tb_page_cakupan_evaluasi, CAKUPAN_KAB, LOGIN, DENY_CAKUPAN_KAB,
     "the December evaluation of RAN PASTI: tahun=; kabupaten and each kecamatan against targets"},
    {"GET", "/cakupan/lokus", tb_page_cakupan_lokus, CAKUPAN_KAB, LOGIN, DENY_CAKUPAN_KAB,
     "the lokus desa ranking with each component and the weights: tahun="},
    {"POST", "/cakupan/lokus/bobot", tb_page_cakupan_bobot, CAKUPAN_SET, CSRF, DENY_CAKUPAN_SET,
     "the lokus ranking's weights of a year: tahun, stunting, prevalensi, krs, celah_cakupan, kemiskinan, csrf"},
    {"GET", "/cakupan/indikator", tb_page_cakupan_indikator, RAPAT_READ, LOGIN, DENY_CAKUPAN,
     "the indicators with definitions and targets (tahun=), and the target and entry forms"},
    {"POST", "/cakupan/target", tb_page_cakupan_target, CAKUPAN_SET, CSRF, DENY_CAKUPAN_SET,
     "the kabupaten's target of an indicator: kode, tahun, target (%, blank: national), csrf"},
    {"POST", "/cakupan/isian", tb_page_cakupan_isian, CAKUPAN_ISI, CSRF, DENY_CAKUPAN,
     "a value from another system: kode, wilayah, periode (TTTT or TTTT-TWn), pembilang, penyebut, sumber, csrf"},
    /* JSON API (docs/openapi.json) */
    {"GET", "/api/v1/saya", tb_api_saya, ALL, LOGIN, NULL,
     "the logged-in user, with the CSRF token for writes"},
    {"POST", "/api/v1/pengukuran", tb_api_pengukuran, ENTER, CSRF, DENY_SAVE,
     "save a measurement (JSON: anak_id, tanggal, bb, tb, cara_ukur, lila, vit_a, pmt, yakin, uuid); X-CSRF-Token"},
    {"POST", "/api/v1/pengukuran/{id}/hapus", tb_api_pengukuran_hapus, ENTER, CSRF, DENY_SAVE,
     "delete measurement {id} softly (JSON or form: alasan, required); archived, audited"},
    {"POST", "/api/v1/pengukuran/{id}", tb_api_pengukuran_ubah, ENTER, CSRF, DENY_SAVE,
     "correct measurement {id} (JSON or form: tanggal in its month or another, bb, tb, cara_ukur, lila, lika, vit_a, pmt, yakin)"},
    {"GET", "/api/v1/laporan/{nama}", tb_api_laporan, ALL, LOGIN, NULL,
     "a report as JSON: {nama} report name; wilayah= or posyandu=, bulan="},
    {"GET", "/api/v1/anak/{id}", tb_api_anak, NAMES, LOGIN, DENY_API_CHILD,
     "child {id} with every measurement"},
    {"GET", "/api/v1/rapat", tb_api_rapat_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the meetings of the user's area: wilayah="},
    {"GET", "/api/v1/rapat/{id}", tb_api_rapat, RAPAT_READ, LOGIN, DENY_RAPAT,
     "meeting {id} with participants, problems, escalated problems and actions"},
    {"GET", "/api/v1/tindakan", tb_api_tindakan_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "actions: wilayah=, status=open|overdue|closed|all, saya=1 (the user's institution)"},
    {"POST", "/api/v1/tindakan/{id}/tinjauan", tb_api_tinjauan, RAPAT_REVIEW, CSRF, DENY_RAPAT_RUN,
     "review action {id} (JSON or form: status, kemajuan, bukti, tanggal, rapat_id); 201 with the action"},
    {"GET", "/api/v1/tindakan/{id}", tb_api_tindakan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "action {id} with its indicator check and reviews"},
};
/* clang-format on */

#define NROUTES (sizeof ROUTES / sizeof ROUTES[0])

const tb_route *tb_routes(size_t *n)
{
    *n = NROUTES;
    return ROUTES;
}

/* Adds a path parameter (name into the pattern, value copied into q). */
static bool add_param(tb_req *q, size_t *used, const char *name, size_t name_len, const char *v,
                      size_t len)
{
    if (q->nparams >= TB_REQ_MAX_PARAMS || *used + len + 1 > sizeof q->param_buf)
        return false;
    char *dst = q->param_buf + *used;
    memcpy(dst, v, len);
    dst[len] = 0;
    *used += len + 1;
    q->param_names[q->nparams] = name;
    q->param_name_len[q->nparams] = (int)name_len;
    q->param_vals[q->nparams] = dst;
    q->nparams++;
    return true;
}

bool tb_route_match(const char *pattern, const char *path, tb_req *q)
{
    const char *p = pattern, *s = path;
    size_t used = 0;
    if (q)
        q->nparams = 0;
    while (*p) {
        if (*p == '{') {
            const char *name = p + 1, *close = strchr(name, '}');
            const char *e = s;
            while (*e && *e != '/')
                e++;
            if (q && !add_param(q, &used, name, (size_t)(close - name), s, (size_t)(e - s)))
                return false;
            p = close + 1;
            s = e;
        } else if (*p == '*' && !p[1]) {
            size_t len = strlen(s);
            if (q && !add_param(q, &used, p, 1, s, len))
                return false;
            p++;
            s += len;
        } else if (*p++ != *s++) {
            return false;
        }
    }
    return !*s;
}

static bool method_ok(const char *route, const char *method)
{
    return !strcmp(route, method) || (!strcmp(route, "GET") && !strcmp(method, "HEAD"));
}

static const tb_route *find(tb_req *q)
{
    for (size_t i = 0; i < NROUTES; i++)
        if (method_ok(ROUTES[i].method, q->method) && tb_route_match(ROUTES[i].pattern, q->path, q))
            return &ROUTES[i];
    q->nparams = 0;
    return NULL;
}

/* No session: 401 for the API, else to the login page and back. */
static void not_logged_in(tb_req *q, tb_res *r)
{
    if (!strncmp(q->path, "/api/", 5))
        return tb_res_error(r, q, 401, "Belum masuk: sesi tidak ada atau kedaluwarsa.");
    tb_buf b = {0};
    tb_buf_puts(&b, "/masuk?lanjut=");
    tb_buf_url(&b, q->path);
    tb_res_redirect(r, b.data ? b.data : "/masuk");
    tb_buf_free(&b);
}

/* Session, match, login, CSRF, one-time password and role: the route to
 * run, or NULL with r answered. */
static const tb_route *admit(tb_req *q, tb_res *r)
{
    tb_session_load(q);
    if (q->logged_in)
        q->role = tb_role_bit(q->user.peran);
    const tb_route *rt = find(q);
    const char *deny = NULL;
    int status = 403;
    if (rt && !(rt->flags & TB_ROUTE_LOGIN))
        return rt;
    if (!q->logged_in) {
        not_logged_in(q, r);
        return NULL;
    }
    /* every logged-in write carries the token, even to an unknown URL */
    if (!strcmp(q->method, "POST") && (!rt || (rt->flags & TB_ROUTE_CSRF)) &&
        !tb_session_csrf_ok(q))
        deny = "Token formulir (CSRF) tidak cocok. Muat ulang halaman.";
    else if (!rt)
        status = 404, deny = !strncmp(q->path, "/api/v1/", 8) ? "Titik akhir API tidak dikenal."
                                                              : "Halaman tidak ditemukan.";
    else if (q->user.sandi_sementara && rt->handler != tb_page_akun &&
             rt->handler != tb_page_akun_sandi && rt->handler != tb_page_logout &&
             rt->handler != tb_api_saya) {
        tb_res_redirect(r, "/akun"); /* a one-time password: change it first */
        return NULL;
    } else if (!(rt->roles & q->role))
        deny = rt->deny ? rt->deny : "Peran Anda tidak dapat membuka halaman ini.";
    if (deny) {
        tb_res_error(r, q, status, deny);
        return NULL;
    }
    return rt;
}

void tb_route_dispatch(tb_req *q, tb_res *r)
{
    const tb_route *rt = admit(q, r);
    if (rt)
        rt->handler(q, r);
}

long long tb_route_plan_body(tb_req *q, tb_res *r)
{
    const tb_route *rt = find(q);
    const char *ct = tb_req_header(q, "Content-Type");
    if (!rt || !(rt->flags & TB_ROUTE_UPLOAD) || (ct && strstr(ct, "x-www-form-urlencoded")))
        return 0;
    if (!admit(q, r))
        return -1;
    if (ct && strstr(ct, "multipart/")) {
        tb_res_error(r, q, 415,
                     "Kirim berkasnya sendiri sebagai isi permintaan (bukan formulir"
                     " multipart); halaman Impor melakukannya.");
        return -1;
    }
    long long max = tb_impor_max_bytes();
    const char *cl = tb_req_header(q, "Content-Length");
    if (cl && atoll(cl) > max) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "Berkas terlalu besar: paling besar %lld MB. Tidak ada yang disimpan;"
                 " pecah berkasnya atau minta admin menaikkan batasnya.",
                 max >> 20);
        tb_res_error(r, q, 413, msg);
        return -1;
    }
    return max;
}

int tb_routes_check(FILE *err)
{
    int rc = 0;
    for (size_t i = 0; i < NROUTES; i++) {
        const tb_route *rt = &ROUTES[i];
        const char *why = NULL;
        int nparams = 0, open = 0;
        bool bad = false; /* a brace unbalanced, nested or across a segment */
        for (const char *p = rt->pattern; *p; p++) {
            nparams += *p == '{' || (*p == '*' && !p[1]);
            open += *p == '{' ? 1 : *p == '}' ? -1 : 0;
            bad |= open < 0 || open > 1 || (open && *p == '/');
        }
        if (strcmp(rt->method, "GET") && strcmp(rt->method, "POST"))
            why = "method is not GET or POST";
        else if (rt->pattern[0] != '/')
            why = "pattern does not start with /";
        else if (bad || open)
            why = "a {parameter} is not closed within its segment";
        else if (nparams > TB_REQ_MAX_PARAMS)
            why = "too many path parameters";
        else if ((rt->roles == TB_ROLE_PUBLIC) != !(rt->flags & TB_ROUTE_LOGIN))
            why = "public routes, and only they, need no login";
        else if (!rt->roles)
            why = "no role may call it";
        else if ((rt->flags & TB_ROUTE_LOGIN) && !strcmp(rt->method, "POST") &&
                 !(rt->flags & TB_ROUTE_CSRF))
            why = "a logged-in write without the CSRF check";
        if (why) {
            fprintf(err, "route %s %s: %s\n", rt->method, rt->pattern, why);
            rc = -1;
        }
    }
    return rc;
}
