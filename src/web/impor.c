/*
 * impor.c - /impor: the district administrator imports a file from the web
 * (e-PPGBM export, family census, catin screenings, the Kemendagri code
 * list) as `tumbuh import` does.
 *
 * The file is sent as the body of POST /impor/unggah (the page's script
 * sends it with the CSRF token in a header, so that the token is checked
 * before any byte is accepted); http.c streams it to a file under DB.impor/
 * (routes.c: tb_route_plan_body), never into memory. A background thread
 * then runs a dry run (tb_import_run, dry_run: every row checked and
 * stored in a transaction that is rolled back), whose counts and first
 * rejected rows the page shows; "Impor sekarang" runs the real import in
 * the background too (one transaction: a server killed halfway leaves the
 * database as it was), while the page polls GET /impor/status for the
 * progress (bytes read / file size). The rejects file is GET /impor/tolak.csv.
 * One import at a time per server (one database); the uploaded file is
 * removed when the import ends or is cancelled; the import is audited.
 *
 * Only admin_kab imports: the pipeline stores a file's rows whatever their
 * area, so a kecamatan-level role cannot be limited to its own kecamatan.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/csv.h"
#include "import/import.h"
#include "store/wilayah.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"

enum { T_KOSONG, T_MEMERIKSA, T_DIPERIKSA, T_MENGIMPOR, T_SELESAI, T_GAGAL };
static const char *const TAHAP[] = {"kosong",    "memeriksa", "diperiksa",
                                    "mengimpor", "selesai",   "gagal"};

/* The one import of this server; every field under mu. */
static struct {
    pthread_mutex_t mu;
    int tahap;
    bool ran; /* the rejects file is the real run's */
    char kind[32];
    char nama[200];  /* the file's name on the user's computer */
    char sheet[128]; /* XLSX: the sheet to read, "" for the first */
    char file[1100]; /* the stored upload */
    long long size;
    long user;
    char username[64];
    long rows;
    int percent;
    tb_import_summary sum; /* of the last run (dry or real) */
} job = {.mu = PTHREAD_MUTEX_INITIALIZER};

static char db_path[1024], dir[1040], rejects[1100];

/* Sets up the folder of uploads beside the database db and removes what a
 * stopped server left there. Returns the folder (for http.h's upload_dir). */
const char *tb_impor_init(const char *db)
{
    snprintf(db_path, sizeof db_path, "%s", db);
    snprintf(dir, sizeof dir, "%s.impor", db);
    snprintf(rejects, sizeof rejects, "%s/tolak.csv", dir);
    const char *names[] = {"berkas", "tolak.csv", "tolak.csv.tmp", "tolak.csv.tak-dikenal.csv",
                           "tolak.csv.nik.csv"};
    char p[1400];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    DIR *d = opendir(dir); /* uploads cut off when the server stopped */
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strncmp(e->d_name, "unggah-", 7))
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    return dir;
}

/* The largest upload, in bytes: $TUMBUH_UPLOAD_MAX_MB megabytes, default 500. */
long long tb_impor_max_bytes(void)
{
    const char *e = getenv("TUMBUH_UPLOAD_MAX_MB");
    long long mb = e ? atoll(e) : 0;
    return (mb > 0 ? mb : 500) << 20;
}

static bool busy(void)
{
    return job.tahap == T_MEMERIKSA || job.tahap == T_MENGIMPOR;
}

static void on_progress(void *ctx, long rows, int percent)
{
    (void)ctx;
    pthread_mutex_lock(&job.mu);
    job.rows = rows;
    job.percent = percent;
    pthread_mutex_unlock(&job.mu);
    const char *pause = getenv("TUMBUH_IMPOR_JEDA_MS"); /* tests only: a slow import */
    if (pause && atoi(pause) > 0)
        usleep((useconds_t)atoi(pause) * 1000);
}

/* Removes the rejects file and the reports beside it (a run writes them anew). */
static void remove_reports(void)
{
    const char *ext[] = {"", ".tmp", ".tak-dikenal.csv", ".nik.csv"};
    char p[1200];
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        snprintf(p, sizeof p, "%s%s", rejects, ext[i]);
        unlink(p);
    }
}

/* The audit record of a real import: who, which file, the counts. */
static void audit(const tb_import_summary *s, int rc, const char *kind, const char *nama, long user)
{
    tb_store *st;
    char err[256];
    if (tb_store_open(db_path, &st, err, sizeof err) < 0)
        return;
    tb_buf b = {0};
    tb_buf_puts(&b, "{\"berkas\":");
    tb_buf_json_str(&b, nama);
    tb_buf_printf(&b,
                  ",\"jenis\":\"%s\",\"berhasil\":%s,\"dibaca\":%ld,\"diimpor\":%ld,"
                  "\"diperbarui\":%ld,\"ditolak\":%ld,\"anak_baru\":%ld,\"nik_belum_valid\":%ld}",
                  kind, rc ? "false" : "true", s->read, s->imported, s->updated, s->rejected,
                  s->children_new, s->nik_unusable);
    tb_store_audit(st, user, "impor", "berkas", kind, NULL, b.data);
    tb_buf_free(&b);
    tb_store_close(st);
}

/* Says the user's file name where the pipeline's message names the stored file. */
static void name_file(char *err, size_t cap, const char *file, const char *nama)
{
    char out[sizeof job.sum.err];
    size_t o = 0, fl = strlen(file);
    for (const char *p = err; *p && o + 1 < sizeof out;) {
        bool hit = !strncmp(p, file, fl);
        const char *src = hit ? nama : p;
        size_t n = hit ? strlen(nama) : 1;
        if (o + n >= sizeof out)
            break;
        memcpy(out + o, src, n);
        o += n;
        p += hit ? fl : 1;
    }
    out[o] = 0;
    snprintf(err, cap, "%s", out);
}

/* The background run: a dry run (arg non-NULL) or the import. */
static void *run_main(void *arg)
{
    bool dry = arg != NULL;
    pthread_mutex_lock(&job.mu);
    tb_import_options o = {.db = db_path,
                           .kind = job.kind,
                           .path = job.file,
                           .sheet = job.sheet[0] ? job.sheet : NULL,
                           .rejects = rejects,
                           .progress = on_progress,
                           .dry_run = dry,
                           .shared_process = true};
    char kind[32], nama[200];
    memcpy(kind, job.kind, sizeof kind);
    memcpy(nama, job.nama, sizeof nama);
    long user = job.user;
    pthread_mutex_unlock(&job.mu);
    remove_reports();
    tb_import_summary *s = malloc(sizeof *s);
    int rc = s ? tb_import_run(&o, s) : -1;
    if (!s)
        return NULL;
    if (rc)
        name_file(s->err, sizeof s->err, o.path, nama);
    if (!dry) {
        audit(s, rc, kind, nama, user);
        tb_web_data_changed();
    }
    pthread_mutex_lock(&job.mu);
    job.sum = *s;
    job.ran = !dry;
    job.percent = rc ? job.percent : 100;
    job.tahap = rc ? T_GAGAL : dry ? T_DIPERIKSA : T_SELESAI;
    if (job.tahap != T_DIPERIKSA)
        unlink(job.file); /* the upload is not kept after the import */
    pthread_mutex_unlock(&job.mu);
    free(s);
    return NULL;
}

/* Starts run_main in the background (job.mu held, tahap set by the caller). 0 or -1. */
static int start_run(bool dry)
{
    pthread_t t;
    if (pthread_create(&t, NULL, run_main, dry ? (void *)1 : NULL))
        return -1;
    pthread_detach(t);
    return 0;
}

static bool known_kind(const char *k)
{
    const char *name;
    for (size_t i = 0; k && (name = tb_import_kind(i, NULL)); i++)
        if (!strcmp(k, name))
            return true;
    return false;
}

static void json_state(tb_res *r)
{
    tb_buf *b = &r->body;
    r->ctype = "application/json";
    tb_buf_printf(b, "{\"tahap\":\"%s\",\"jenis\":", TAHAP[job.tahap]);
    tb_buf_json_str(b, job.kind);
    tb_buf_puts(b, ",\"berkas\":");
    tb_buf_json_str(b, job.nama);
    tb_buf_printf(b, ",\"ukuran\":%lld,\"persen\":%d,\"baris\":%ld", job.size, job.percent,
                  job.rows);
    const tb_import_summary *s = &job.sum;
    if (job.tahap == T_DIPERIKSA || job.tahap == T_SELESAI) {
        tb_buf_printf(b,
                      ",\"uji_coba\":%s,\"dibaca\":%ld,\"diimpor\":%ld,\"diperbarui\":%ld,"
                      "\"ditolak\":%ld,\"nik_belum_valid\":%ld,\"nilai_tak_dikenal\":%ld",
                      job.ran ? "false" : "true", s->read, s->imported, s->updated, s->rejected,
                      s->nik_unusable, s->unknown_values);
        tb_buf_printf(b, ",\"wilayah_tak_dikenal\":%ld", s->places_missing);
        if (s->counts_matched_by_name) /* the kinds that match children */
            tb_buf_printf(b, ",\"anak_baru\":%ld,\"anak_cocok\":%ld,\"cocok_nama\":%ld",
                          s->children_new, s->children_matched, s->matched_by_name);
    }
    if (job.tahap == T_GAGAL) {
        tb_buf_puts(b, ",\"galat\":");
        tb_buf_json_str(b, s->err);
    }
    tb_buf_puts(b, "}");
}

/* GET /impor/status: the import's stage and progress as JSON. */
void tb_page_impor_status(tb_req *q, tb_res *r)
{
    (void)q;
    r->no_store = true;
    pthread_mutex_lock(&job.mu);
    json_state(r);
    pthread_mutex_unlock(&job.mu);
}

/* POST /impor/unggah?jenis=KIND&nama=NAME[&lembar=SHEET]: the file as the body, streamed
 * to disk (http.c); starts the dry run. */
void tb_page_impor_unggah(tb_req *q, tb_res *r)
{
    const char *kind = tb_req_query(q, "jenis"), *nama = tb_req_query(q, "nama");
    if (!known_kind(kind))
        return tb_res_error(r, q, 422,
                            "Pilih jenis berkas: eppgbm, keluarga, catin atau wilayah (jenis=).");
    if (!q->upload_path || q->upload_len == 0)
        return tb_res_error(r, q, 422,
                            "Berkas kosong atau tidak terkirim: pilih berkas CSV atau XLSX lalu"
                            " kirim lagi.");
    pthread_mutex_lock(&job.mu);
    if (busy()) {
        char msg[400];
        snprintf(msg, sizeof msg,
                 "Impor lain sedang berjalan (%s, berkas %s, oleh %s). Tunggu sampai selesai,"
                 " lalu kirim lagi.",
                 job.kind, job.nama, job.username);
        pthread_mutex_unlock(&job.mu);
        r->retry_after = 10;
        return tb_res_error(r, q, 409, msg);
    }
    snprintf(job.file, sizeof job.file, "%s/berkas", dir);
    if (rename(q->upload_path, job.file)) {
        pthread_mutex_unlock(&job.mu);
        return tb_res_error(r, q, 500, "Berkas unggahan tidak dapat disimpan di server.");
    }
    snprintf(job.kind, sizeof job.kind, "%s", kind);
    snprintf(job.nama, sizeof job.nama, "%s", nama && *nama ? nama : "berkas");
    const char *sheet = tb_req_query(q, "lembar");
    snprintf(job.sheet, sizeof job.sheet, "%s", sheet ? sheet : "");
    snprintf(job.username, sizeof job.username, "%s", q->user.username);
    job.user = q->user.id;
    job.size = q->upload_len;
    job.rows = 0;
    job.percent = 0;
    job.ran = false;
    memset(&job.sum, 0, sizeof job.sum);
    job.tahap = T_MEMERIKSA;
    if (start_run(true)) {
        job.tahap = T_GAGAL;
        snprintf(job.sum.err, sizeof job.sum.err, "uji coba tidak dapat dimulai");
    }
    pthread_mutex_unlock(&job.mu);
    tb_res_redirect(r, "/impor");
}

/* Runs the checked file again: dry (a new check) or for real; 409 when no
 * file waits checked. */
static void run_checked(tb_req *q, tb_res *r, bool dry)
{
    pthread_mutex_lock(&job.mu);
    if (job.tahap != T_DIPERIKSA) {
        bool b = busy();
        pthread_mutex_unlock(&job.mu);
        return tb_res_error(r, q, 409,
                            b ? "Impor sedang berjalan; tunggu sampai selesai."
                              : "Belum ada berkas yang diuji: unggah berkasnya dulu.");
    }
    job.tahap = dry ? T_MEMERIKSA : T_MENGIMPOR;
    job.rows = 0;
    job.percent = 0;
    job.user = q->user.id;
    snprintf(job.username, sizeof job.username, "%s", q->user.username);
    if (start_run(dry)) {
        job.tahap = T_DIPERIKSA;
        pthread_mutex_unlock(&job.mu);
        return tb_res_error(r, q, 500,
                            dry ? "Uji coba tidak dapat dimulai; coba lagi."
                                : "Impor tidak dapat dimulai; coba lagi.");
    }
    pthread_mutex_unlock(&job.mu);
    tb_res_redirect(r, "/impor");
}

/* POST /impor/mulai: the real import of the file checked by the dry run. */
void tb_page_impor_mulai(tb_req *q, tb_res *r)
{
    run_checked(q, r, false);
}

/* POST /impor/ulang: the dry run again on the file checked, e.g. after the
 * spellings of its unknown place names were saved (/atur/ejaan). */
void tb_page_impor_ulang(tb_req *q, tb_res *r)
{
    run_checked(q, r, true);
}

/* POST /impor/batal: drops the checked file without importing it. */
void tb_page_impor_batal(tb_req *q, tb_res *r)
{
    pthread_mutex_lock(&job.mu);
    if (busy()) {
        pthread_mutex_unlock(&job.mu);
        return tb_res_error(r, q, 409, "Impor sedang berjalan dan tidak dapat dibatalkan.");
    }
    if (job.tahap == T_DIPERIKSA)
        unlink(job.file);
    job.tahap = T_KOSONG;
    pthread_mutex_unlock(&job.mu);
    remove_reports();
    tb_res_redirect(r, "/impor");
}

/* GET /impor/tolak.csv: the rejected rows of the last run (as the CLI writes them). */
void tb_page_impor_tolak(tb_req *q, tb_res *r)
{
    pthread_mutex_lock(&job.mu);
    bool running = busy(), none = job.tahap == T_KOSONG;
    char kind[sizeof job.kind];
    memcpy(kind, job.kind, sizeof kind);
    pthread_mutex_unlock(&job.mu);
    if (running)
        return tb_res_error(r, q, 409,
                            "Impor sedang berjalan; baris yang ditolak dapat diunduh setelah"
                            " selesai.");
    FILE *f = none ? NULL : fopen(rejects, "rb");
    if (!f)
        return tb_res_error(r, q, 404, "Tidak ada baris yang ditolak pada impor terakhir.");
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tb_buf_put(&r->body, chunk, n);
    fclose(f);
    r->ctype = "text/csv; charset=utf-8";
    r->no_store = true;
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s.tolak.csv\"",
             kind[0] ? kind : "impor");
}

/* The first rejected rows of the rejects file: its last three columns
 * (baris, kolom, alasan). */
static void first_rejects(tb_buf *b, int max, long total)
{
    FILE *f = fopen(rejects, "rb");
    tb_csv_reader *c = f ? tb_csv_open(f, NULL) : NULL;
    tb_csv_row row;
    if (c && tb_csv_next(c, &row) == TB_CSV_OK) {
        tb_buf_puts(b, "<h2>Baris yang ditolak</h2>");
        if (total > max)
            tb_buf_printf(b, "<p>%d pertama dari %ld; semuanya ada di berkas unduhan.</p>", max,
                          total);
        tb_buf_puts(b, "<table><thead><tr><th>Baris</th><th>Kolom</th><th>Alasan</th></tr>"
                       "</thead><tbody>");
        for (int i = 0; i < max && tb_csv_next(c, &row) == TB_CSV_OK; i++) {
            tb_buf_puts(b, "<tr>");
            for (int k = row.nfields >= 3 ? row.nfields - 3 : 0; k < row.nfields; k++) {
                char cell[600];
                snprintf(cell, sizeof cell, "%.*s", (int)row.lens[k], row.fields[k]);
                tb_buf_puts(b, "<td>");
                tb_buf_html(b, cell);
                tb_buf_puts(b, "</td>");
            }
            tb_buf_puts(b, "</tr>");
        }
        tb_buf_puts(b, "</tbody></table>");
    }
    if (c)
        tb_csv_close(c);
    if (f)
        fclose(f);
}

/* The place names of the run that did not resolve, each with the names
 * offered and a link to /atur/ejaan filled with it, so that the
 * administrator fixes a spelling once and imports the file again. */
static void missing_places(tb_buf *b)
{
    const tb_import_summary *s = &job.sum;
    if (!s->nmissing)
        return;
    static const char *const what[5] = {"", "Provinsi", "Kabupaten/kota", "Kecamatan", "Desa"};
    tb_buf_printf(b,
                  "<h2>Nama wilayah yang tidak dikenal</h2><p>%ld nama wilayah di berkas tidak"
                  " ada di daftar wilayah, dan baris-barisnya ditolak. Bila nama itu ejaan"
                  " lain dari wilayah yang ada, simpan ejaannya sekali, lalu uji coba lagi"
                  " (atau unggah berkasnya lagi).</p><ul id=\"impor-wilayah\">",
                  s->places_missing);
    for (int i = 0; i < s->nmissing; i++) {
        const tb_import_place_missing *m = &s->missing[i];
        int t = m->tingkat >= 1 && m->tingkat <= 4 ? m->tingkat : 4;
        tb_buf_printf(b, "<li>%s <b>", what[t]);
        tb_buf_html(b, m->nama);
        tb_buf_puts(b, "</b>");
        if (m->induk_nama[0] && t == 4 && tb_wilayah_level(m->induk) == 3) {
            tb_buf_puts(b, " (kec. ");
            tb_buf_html(b, m->induk_nama);
            tb_buf_puts(b, ")");
        }
        tb_buf_printf(b, ": %ld baris", m->rows);
        if (m->saran[0]) {
            tb_buf_puts(b, "; maksud Anda ");
            tb_buf_html(b, m->saran);
            tb_buf_puts(b, "?");
        }
        if (t >= 3) {
            tb_buf_puts(b, " <a href=\"/atur/ejaan?nama=");
            tb_buf_url(b, m->nama);
            if (t == 4 && tb_wilayah_level(m->induk) == 3) {
                tb_buf_puts(b, "&amp;kecamatan=");
                tb_buf_url(b, m->induk);
            }
            if (m->saran_kode[0]) {
                tb_buf_puts(b, "&amp;kode=");
                tb_buf_url(b, m->saran_kode);
            }
            tb_buf_puts(b, "\">Simpan ejaan ini</a>");
        }
        tb_buf_puts(b, "</li>");
    }
    tb_buf_puts(b, "</ul>");
    if (s->places_missing > s->nmissing)
        tb_buf_printf(b,
                      "<p>%ld nama lain tidak ditampilkan; semuanya ada di berkas baris yang"
                      " ditolak.</p>",
                      s->places_missing - s->nmissing);
}

static void count_row(tb_buf *b, const char *label, long v)
{
    tb_buf_printf(b, "<tr><th>%s</th><td class=\"angka\">%ld</td></tr>", label, v);
}

/* The counts of the dry run or of the import. */
static void summary(tb_buf *b, bool dry)
{
    const tb_import_summary *s = &job.sum;
    tb_buf_puts(b, "<table class=\"ringkasan\"><tbody>");
    count_row(b, "Baris dibaca", s->read);
    count_row(b, dry ? "Akan ditambahkan" : "Ditambahkan", s->imported);
    count_row(b, dry ? "Akan diperbarui" : "Diperbarui", s->updated);
    count_row(b, dry ? "Akan ditolak" : "Ditolak", s->rejected);
    if (s->counts_matched_by_name) {
        count_row(b, "Anak baru", s->children_new);
        count_row(b, "Anak yang sudah ada (cocok)", s->children_matched);
        count_row(b, "Dicocokkan dengan nama", s->matched_by_name);
    }
    count_row(b, "NIK belum dapat dipakai (baris tetap masuk)", s->nik_unusable);
    count_row(b, "Jawaban tak dikenal (dibiarkan kosong)", s->unknown_values);
    tb_buf_puts(b, "</tbody></table>");
    if (s->rejected)
        tb_buf_puts(b, "<p><a href=\"/impor/tolak.csv\" download>Unduh baris yang ditolak"
                       " (CSV: baris, kolom, alasan)</a></p>");
}

static void csrf_field(tb_buf *b, const tb_req *q)
{
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_puts(b, "\">");
}

/* The stage of the current import: progress, dry-run result, final summary. */
static void state_section(tb_buf *b, const tb_req *q)
{
    if (job.tahap == T_KOSONG)
        return;
    tb_buf_printf(b, "<section id=\"impor-tahap\" data-tahap=\"%s\"><h2>", TAHAP[job.tahap]);
    static const char *const head[] = {
        "",           "Uji coba berjalan", "Hasil uji coba", "Impor berjalan", "Impor selesai",
        "Impor gagal"};
    tb_buf_printf(b, "%s: ", head[job.tahap]);
    tb_buf_html(b, job.nama);
    tb_buf_printf(b, " (%s, %lld KB)</h2>", job.kind, (job.size + 1023) / 1024);
    if (busy()) {
        tb_buf_printf(b,
                      "<progress id=\"impor-kemajuan\" max=\"100\" value=\"%d\">%d%%</progress>"
                      " <span id=\"impor-teks\">%d%%, %ld baris</span>"
                      "<noscript><p>Muat ulang halaman untuk melihat kemajuannya.</p></noscript>",
                      job.percent < 0 ? 0 : job.percent, job.percent, job.percent, job.rows);
    } else if (job.tahap == T_GAGAL) {
        tb_buf_puts(b, "<p class=\"galat\">");
        tb_buf_html(b, job.sum.err);
        tb_buf_puts(b, "</p><p>Tidak ada yang disimpan. Perbaiki berkasnya lalu unggah lagi.</p>");
    } else {
        bool dry = job.tahap == T_DIPERIKSA;
        if (dry)
            tb_buf_puts(b, "<p>Belum ada yang disimpan. Periksa hitungan dan baris yang"
                           " ditolak, lalu impor atau batalkan.</p>");
        summary(b, dry);
        if (job.sum.rejected)
            first_rejects(b, 20, job.sum.rejected);
        missing_places(b);
        if (dry) {
            tb_buf_puts(b, "<form method=\"post\" action=\"/impor/mulai\" class=\"sebaris\">");
            csrf_field(b, q);
            tb_buf_puts(b, "<button>Impor sekarang</button></form> ");
            if (job.sum.places_missing) {
                tb_buf_puts(b, "<form method=\"post\" action=\"/impor/ulang\" class=\"sebaris\">");
                csrf_field(b, q);
                tb_buf_puts(b, "<button>Uji coba lagi</button></form> ");
            }
            tb_buf_puts(b, "<form method=\"post\" action=\"/impor/batal\" class=\"sebaris\">");
            csrf_field(b, q);
            tb_buf_puts(b, "<button>Batalkan</button></form>");
        }
    }
    tb_buf_puts(b, "</section>");
}

/* GET /impor: choose the kind and the file; the current import's stage. */
void tb_page_impor(tb_req *q, tb_res *r)
{
    r->no_store = true;
    tb_html_begin(r, q, "Impor berkas");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Impor berkas</h1>");
    pthread_mutex_lock(&job.mu);
    state_section(b, q);
    bool b_busy = busy(), job_shown = job.tahap != T_KOSONG;
    pthread_mutex_unlock(&job.mu);
    if (!b_busy) {
        tb_buf_printf(b,
                      "<h2>Unggah berkas%s</h2><form id=\"impor-form\" data-csrf=\"%s\">"
                      "<p><label>Jenis berkas <select name=\"jenis\" id=\"impor-jenis\">",
                      job_shown ? " lain" : "", q->csrf);
        const char *name, *sum;
        for (size_t i = 0; (name = tb_import_kind(i, &sum)); i++) {
            tb_buf_printf(b, "<option value=\"%s\">%s: ", name, name);
            tb_buf_html(b, sum);
            tb_buf_puts(b, "</option>");
        }
        tb_buf_printf(b,
                      "</select></label></p><p><label>Berkas (CSV atau XLSX, paling besar %lld MB)"
                      " <input type=\"file\" id=\"impor-berkas\" accept=\".csv,.txt,.xlsx\""
                      " required></label></p><p><label>Lembar (XLSX; kosong: lembar pertama)"
                      " <input id=\"impor-lembar\" maxlength=\"100\"></label></p>"
                      "<p><button>Unggah dan uji coba</button>"
                      " <span id=\"impor-pesan\" role=\"status\"></span></p>"
                      "<noscript><p class=\"galat\">Unggahan memerlukan JavaScript.</p></noscript>"
                      "</form>",
                      tb_impor_max_bytes() >> 20);
    }
    tb_buf_puts(b, "<p>Uji coba membaca dan memeriksa setiap baris tanpa menyimpan apa pun;"
                   " impor menyimpan semua baris yang sah dalam satu transaksi (semua atau"
                   " tidak sama sekali). Hanya satu impor dapat berjalan pada satu waktu.</p>"
                   "<p>Pengguna diimpor dari <a href=\"/pengguna\">halaman pengguna</a>"
                   " (Tambah banyak). Ejaan lain nama desa dan kecamatan disimpan di halaman"
                   " <a href=\"/atur/ejaan\">Ejaan nama wilayah</a>. Daftar kode wilayah"
                   " nasional versi baru dimuat di server: <code>tumbuh import"
                   " daftar-wilayah</code>.</p>");
    tb_html_end(r);
}
