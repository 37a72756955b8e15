/*
 * lampiran.c - a meeting's attachments: photos of the attendance list,
 * slides and documents (PDF, JPEG, PNG, and PPTX/XLSX/DOCX, which are zip
 * files).
 *
 * The file is the body of POST /rapat/ID/lampiran (TB_ROUTE_UPLOAD: the
 * router checks the role and the X-CSRF-Token header before a byte is read,
 * http.c streams the body to a file, at most tb_lampiran_max_bytes). The
 * type is found from the file's first bytes (and, for a zip, the folder
 * names inside it), never from its name; anything else is refused (415).
 * Accepted files are moved to DB.lampiran/ beside the database (mode 0600,
 * named r<meeting>-<random>.<type>; the row in rapat_lampiran holds the
 * user's name for it), so a backup must copy that folder with the database
 * (README). Read by whoever reads the meeting, sent as an attachment with
 * its type (the server sends nosniff on every answer); added and removed by
 * the meeting's editors; every change audited.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/lampiran.h"
#include "store/rapat.h"
#include "web/handlers.h"
#include "web/page.h"
#include "web/rapat.h"

static char dir[1100];

const char *tb_lampiran_init(const char *db)
{
    snprintf(dir, sizeof dir, "%s.lampiran", db);
    mkdir(dir, 0700);
    return dir;
}

long long tb_lampiran_max_bytes(void)
{
    const char *e = getenv("TUMBUH_LAMPIRAN_MAX_MB");
    long long mb = e ? atoll(e) : 0;
    return (mb > 0 ? mb : 20) << 20;
}

/* The types accepted: stored name, Content-Type, extension of the stored file. */
static const struct {
    const char *jenis, *ctype;
} TYPES[] = {
    {"pdf", "application/pdf"},
    {"jpeg", "image/jpeg"},
    {"png", "image/png"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
};

static const char *ctype_of(const char *jenis)
{
    for (size_t i = 0; i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (!strcmp(TYPES[i].jenis, jenis))
            return TYPES[i].ctype;
    return "application/octet-stream";
}

/* An Office file is a zip whose entries sit under ppt/, xl/ or word/ (the
 * names are stored in clear in each entry's header): which one, or NULL. */
static const char *office_kind(FILE *f)
{
    static const char *const dirs[][2] = {{"ppt/", "pptx"}, {"xl/", "xlsx"}, {"word/", "docx"}};
    char buf[65536 + 8];
    size_t keep = 0, k;
    rewind(f);
    while ((k = fread(buf + keep, 1, sizeof buf - 8 - keep, f)) > 0) {
        size_t n = keep + k;
        for (size_t i = 0; i + 30 < n; i++) {
            if (memcmp(buf + i, "PK\3\4", 4))
                continue;
            unsigned nl = (unsigned char)buf[i + 26] | (unsigned)(unsigned char)buf[i + 27] << 8;
            for (size_t d = 0; d < 3; d++) {
                size_t dl = strlen(dirs[d][0]);
                if (nl >= dl && i + 30 + dl <= n && !memcmp(buf + i + 30, dirs[d][0], dl))
                    return dirs[d][1];
            }
        }
        keep = n < 40 ? n : 40; /* a header cut by the chunk's end */
        memmove(buf, buf + n - keep, keep);
    }
    return NULL;
}

const char *tb_lampiran_sniff(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char h[8] = {0};
    size_t n = fread(h, 1, sizeof h, f);
    const char *kind = NULL;
    if (n >= 5 && !memcmp(h, "%PDF-", 5))
        kind = "pdf";
    else if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF)
        kind = "jpeg";
    else if (n == 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
        kind = "png";
    else if (n >= 4 && !memcmp(h, "PK\3\4", 4))
        kind = office_kind(f);
    fclose(f);
    return kind;
}

/* The meeting of the path into m when the user may edit it (edit) or read
 * it; false after answering the error. */
static bool load(tb_req *q, tb_res *r, tb_rapat *m, bool edit)
{
    long id = tb_web_path_id(q, "id");
    int f = id ? tb_store_rapat_get(q->store, id, m) : 0;
    if (f < 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return false;
    }
    if (f == 0) {
        tb_res_error(r, q, 404, "Rapat tidak ditemukan.");
        return false;
    }
    if (edit ? !tb_rapat_edit_ok(&q->user, m->wilayah) : !tb_rapat_view_ok(&q->user, m->wilayah)) {
        tb_res_error(r, q, 403,
                     edit ? "Lampiran rapat ini diubah oleh penyelenggara rapat di wilayahnya."
                          : "Rapat ini di luar wilayah kerja Anda.");
        return false;
    }
    return true;
}

/* Moves the upload to the attachments folder as name (a copy when rename
 * cannot cross file systems). 0 or -1. */
static int keep_file(const char *from, const char *name)
{
    char to[1200];
    snprintf(to, sizeof to, "%s/%s", dir, name);
    mkdir(dir, 0700);
    if (!rename(from, to))
        return chmod(to, 0600);
    if (errno != EXDEV)
        return -1;
    FILE *in = fopen(from, "rb");
    int fd = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600);
    FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    int rc = in && out ? 0 : -1;
    char chunk[65536];
    size_t k;
    while (!rc && (k = fread(chunk, 1, sizeof chunk, in)) > 0)
        rc = fwrite(chunk, 1, k, out) == k ? 0 : -1;
    if (in)
        fclose(in);
    if (out && fclose(out))
        rc = -1;
    else if (!out && fd >= 0)
        close(fd);
    if (rc)
        unlink(to);
    return rc;
}

/* A file name for the stored copy: r<meeting>-<16 random hex>.<type>. */
static void stored_name(char *out, size_t n, long rapat, const char *jenis)
{
    unsigned char rnd[8] = {0};
    FILE *u = fopen("/dev/urandom", "rb");
    if (!u || fread(rnd, 1, sizeof rnd, u) != sizeof rnd)
        for (size_t i = 0; i < sizeof rnd; i++)
            rnd[i] = (unsigned char)rand();
    if (u)
        fclose(u);
    char hex[17];
    for (size_t i = 0; i < sizeof rnd; i++)
        snprintf(hex + 2 * i, 3, "%02x", rnd[i]);
    snprintf(out, n, "r%ld-%s.%s", rapat, hex, jenis);
}

void tb_page_lampiran_unggah(tb_req *q, tb_res *r)
{
    tb_rapat *m = malloc(sizeof *m);
    if (!m)
        return tb_res_error(r, q, 500, "Memori habis.");
    bool ok = load(q, r, m, true);
    long rapat = m->id;
    free(m);
    if (!ok)
        return;
    if (!q->upload_path || q->upload_len == 0)
        return tb_res_error(r, q, 422,
                            "Berkas kosong atau tidak terkirim: pilih berkas lalu"
                            " kirim lagi.");
    const char *jenis = tb_lampiran_sniff(q->upload_path);
    if (!jenis)
        return tb_res_error(r, q, 415,
                            "Jenis berkas tidak diterima: lampiran rapat berupa PDF, foto JPEG"
                            " atau PNG, atau PPTX/XLSX/DOCX. Isi berkas diperiksa, bukan"
                            " namanya; simpan ulang dalam salah satu jenis itu.");
    tb_lampiran l = {.rapat_id = rapat, .ukuran = q->upload_len};
    const char *nama = tb_req_query(q, "nama"), *ket = tb_req_query(q, "keterangan");
    snprintf(l.nama, sizeof l.nama, "%s", nama && *nama ? nama : "lampiran");
    snprintf(l.jenis, sizeof l.jenis, "%s", jenis);
    snprintf(l.keterangan, sizeof l.keterangan, "%s", ket ? ket : "");
    stored_name(l.berkas, sizeof l.berkas, rapat, jenis);
    if (keep_file(q->upload_path, l.berkas))
        return tb_res_error(r, q, 500, "Berkas tidak dapat disimpan di server.");
    if (tb_store_lampiran_add(q->store, q->user.id, &l) < 0) {
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", dir, l.berkas);
        unlink(p);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    char to[64];
    snprintf(to, sizeof to, "/rapat/%ld#lampiran", rapat);
    tb_res_redirect(r, to);
}

/* The attachment of the path, of the meeting of the path: 1, or 0 answered. */
static int lampiran_load(tb_req *q, tb_res *r, long rapat, tb_lampiran *l)
{
    long id = tb_web_path_id(q, "lid");
    int f = id ? tb_store_lampiran_get(q->store, id, l) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0 || l->rapat_id != rapat)
        tb_res_error(r, q, 404, "Lampiran tidak ditemukan.");
    return f == 1 && l->rapat_id == rapat;
}

/* The user's file name, made safe for a header: printable ASCII without
 * quotes or backslashes (others become '_'), at most 100 bytes. */
static void header_name(char *out, size_t n, const char *nama)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)nama; *p && o + 1 < n && o < 100; p++)
        out[o++] = *p < 0x20 || *p > 0x7e || *p == '"' || *p == '\\' || *p == ';' ? '_' : *p;
    out[o] = 0;
}

void tb_page_lampiran_unduh(tb_req *q, tb_res *r)
{
    tb_rapat *m = malloc(sizeof *m);
    if (!m)
        return tb_res_error(r, q, 500, "Memori habis.");
    bool ok = load(q, r, m, false);
    long rapat = m->id;
    free(m);
    tb_lampiran l;
    if (!ok || !lampiran_load(q, r, rapat, &l))
        return;
    char p[1200];
    snprintf(p, sizeof p, "%s/%s", dir, l.berkas);
    FILE *f = fopen(p, "rb");
    if (!f)
        return tb_res_error(r, q, 410, "Berkas lampiran tidak ada lagi di server (cadangan?).");
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        tb_buf_put(&r->body, chunk, k);
    fclose(f);
    r->ctype = ctype_of(l.jenis);
    char name[128];
    header_name(name, sizeof name, l.nama);
    snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s\"", name);
    r->no_store = true;
}

void tb_page_lampiran_hapus(tb_req *q, tb_res *r)
{
    tb_rapat *m = malloc(sizeof *m);
    if (!m)
        return tb_res_error(r, q, 500, "Memori habis.");
    bool ok = load(q, r, m, true);
    long rapat = m->id;
    free(m);
    tb_lampiran l;
    if (!ok || !lampiran_load(q, r, rapat, &l))
        return;
    if (tb_store_lampiran_hapus(q->store, q->user.id, l.id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    char p[1200];
    snprintf(p, sizeof p, "%s/%s", dir, l.berkas);
    unlink(p);
    char to[64];
    snprintf(to, sizeof to, "/rapat/%ld#lampiran", rapat);
    tb_res_redirect(r, to);
}

struct list_ctx {
    tb_buf *b;
    tb_req *q;
    bool edit;
    int n;
};

static int list_row(void *ctx, const tb_lampiran *l)
{
    struct list_ctx *c = ctx;
    tb_buf *b = c->b;
    c->n++;
    tb_buf_printf(b, "<li><a href=\"/rapat/%ld/lampiran/%ld\" download>", l->rapat_id, l->id);
    tb_buf_html(b, l->nama);
    tb_buf_printf(b, "</a> (%s, %.1f KB", l->jenis, (double)l->ukuran / 1024.0);
    if (l->keterangan[0]) {
        tb_buf_puts(b, "; ");
        tb_buf_html(b, l->keterangan);
    }
    tb_buf_puts(b, ")");
    if (c->edit) {
        tb_buf_printf(b,
                      " <form method=\"post\" class=\"sebaris\" action=\"/rapat/%ld/lampiran/%ld/"
                      "hapus\"><input type=\"hidden\" name=\"csrf\" value=\"",
                      l->rapat_id, l->id);
        tb_buf_html(b, c->q->csrf);
        tb_buf_puts(b, "\"><button>Hapus</button></form>");
    }
    tb_buf_puts(b, "</li>");
    return 0;
}

void tb_web_lampiran_section(tb_buf *b, tb_req *q, long rapat, bool edit)
{
    tb_buf_puts(b, "<section id=\"lampiran\"><h2>Lampiran</h2><ul class=\"lampiran\">");
    struct list_ctx c = {b, q, edit, 0};
    tb_store_lampiran_each(q->store, rapat, list_row, &c);
    if (!c.n)
        tb_buf_puts(b, "<li>Belum ada lampiran.</li>");
    tb_buf_puts(b, "</ul>");
    if (edit) {
        tb_buf_printf(b,
                      "<form id=\"lampiran-form\" class=\"rapat-form\" data-rapat=\"%ld\""
                      " data-csrf=\"",
                      rapat);
        tb_buf_html(b, q->csrf);
        tb_buf_printf(b,
                      "\"><fieldset><legend>Tambah lampiran</legend><p>Foto daftar hadir, bahan"
                      " paparan: PDF, JPEG, PNG, PPTX, XLSX atau DOCX, paling besar %lld MB.</p>"
                      "<label>Berkas <input type=\"file\" id=\"lampiran-berkas\" required"
                      " accept=\".pdf,.jpg,.jpeg,.png,.pptx,.xlsx,.docx\"></label>"
                      "<label>Keterangan <input id=\"lampiran-ket\" maxlength=\"190\"></label>"
                      "<p id=\"lampiran-pesan\" role=\"status\"></p><button>Unggah</button>"
                      "</fieldset></form>",
                      tb_lampiran_max_bytes() >> 20);
    }
    tb_buf_puts(b, "</section>");
}
