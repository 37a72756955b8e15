/*
 * pengguna_impor.c - POST /pengguna/impor: many users from a list (CSV
 * pasted in the form field daftar, or a CSV or XLSX file sent as the
 * request body) with columns nama, username (optional: made from the
 * name), telepon, peran, wilayah or posyandu. Without buat=1 it is a dry
 * run: what would be created and what is refused (line, column, reason);
 * with buat=1 the accepted rows are created in one transaction and the
 * answer is a printable sheet with each new user's one-time password.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistd.h>

#include "format/csv.h"
#include "format/render.h"
#include "format/table.h"
#include "format/xlsx.h"
#include "store/users.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"
#include "web/scope.h"

#define MAX_ROWS 500

enum { C_NAMA, C_USERNAME, C_TELEPON, C_PERAN, C_WILAYAH, C_POSYANDU, NCOLS };
static const char *const COLS[NCOLS] = {"nama",  "username", "telepon",
                                        "peran", "wilayah",  "posyandu"};

typedef struct {
    long line;
    tb_user u;
    const char *kolom, *why; /* why NULL: accepted */
    char pw[TB_PW_ONETIME_LEN];
    char hash[TB_PW_HASH_LEN];
} entry;

typedef struct {
    tb_csv_reader *csv;
    tb_xlsx_reader *xlsx;
    FILE *f;
    int col[NCOLS]; /* field index of each column, -1 absent */
    entry *e;
    int n;
} batch;

static tb_csv_status next_row(batch *bt, tb_csv_row *row)
{
    return bt->xlsx ? tb_xlsx_next(bt->xlsx, row) : tb_csv_next(bt->csv, row);
}

/* Opens the list: the form's daftar, else the body (XLSX or CSV). NULL message = ok. */
static const char *open_list(tb_req *q, batch *bt)
{
    const char *d = tb_req_form(q, "daftar");
    const char *ct = tb_req_header(q, "Content-Type");
    char err[256];
    if (!d && ct && strstr(ct, "spreadsheetml")) {
        bt->xlsx = tb_xlsx_open_buffer(q->body, q->body_len, NULL, err, sizeof err);
        return bt->xlsx ? NULL : "Berkas XLSX tidak dapat dibaca.";
    }
    if (!d && !(ct && strstr(ct, "x-www-form-urlencoded")))
        d = q->body;
    if (!d || !*d)
        return "Daftar kosong: isi daftar CSV dengan baris judul nama, peran, wilayah/posyandu.";
    bt->f = fmemopen((void *)d, strlen(d), "r");
    bt->csv = bt->f ? tb_csv_open(bt->f, NULL) : NULL;
    return bt->csv ? NULL : "Daftar tidak dapat dibaca.";
}

static void close_list(batch *bt)
{
    if (bt->csv)
        tb_csv_close(bt->csv);
    if (bt->f)
        fclose(bt->f);
    if (bt->xlsx)
        tb_xlsx_close(bt->xlsx);
    free(bt->e);
}

static const char *read_header(batch *bt)
{
    tb_csv_row row;
    if (next_row(bt, &row) != TB_CSV_OK)
        return "Daftar tanpa baris judul.";
    for (int c = 0; c < NCOLS; c++) {
        bt->col[c] = -1;
        for (int i = 0; i < row.nfields; i++) {
            char *h = row.fields[i];
            while (isspace((unsigned char)*h))
                h++;
            if (!strncasecmp(h, COLS[c], strlen(COLS[c])) &&
                (!h[strlen(COLS[c])] || isspace((unsigned char)h[strlen(COLS[c])])))
                bt->col[c] = i;
        }
    }
    if (bt->col[C_NAMA] < 0 || bt->col[C_PERAN] < 0)
        return "Baris judul harus memuat kolom nama dan peran (juga wilayah atau posyandu).";
    return NULL;
}

static const char *field(const batch *bt, const tb_csv_row *row, int c)
{
    int i = bt->col[c];
    return i >= 0 && i < row->nfields ? row->fields[i] : "";
}

static bool taken(tb_store *s, const batch *bt, const char *name)
{
    tb_user o;
    for (int i = 0; i < bt->n; i++)
        if (!bt->e[i].why && !strcmp(bt->e[i].u.username, name))
            return true;
    return tb_store_user_by_name(s, name, &o) != 0;
}

/* A username from the name: lower-case letters and digits, words joined by '.', then 2, 3... */
static void make_username(tb_store *s, const batch *bt, tb_user *u)
{
    char base[40];
    size_t k = 0;
    for (const char *p = u->nama; *p && k < 30; p++) {
        if (isalnum((unsigned char)*p))
            base[k++] = (char)tolower((unsigned char)*p);
        else if (k && base[k - 1] != '.')
            base[k++] = '.';
    }
    while (k && base[k - 1] == '.')
        k--;
    base[k] = 0;
    snprintf(u->username, sizeof u->username, "%s", base);
    for (int n = 2; n < 1000 && taken(s, bt, u->username); n++)
        snprintf(u->username, sizeof u->username, "%s%d", base, n);
}

/* The column a refusal reason is about. */
static const char *column_of(const char *why, const tb_user *u)
{
    if (strstr(why, "Nama pengguna"))
        return "username";
    if (strstr(why, "Nama wajib"))
        return "nama";
    if (strstr(why, "Peran tidak dikenal") || strstr(why, "peran di atas"))
        return "peran";
    return !strcmp(u->peran, "kader") ? "posyandu" : "wilayah";
}

static void check_row(tb_req *q, batch *bt, const tb_csv_row *row, entry *e)
{
    e->line = row->line;
    tb_pengguna_fill(&e->u, field(bt, row, C_NAMA), field(bt, row, C_USERNAME),
                     field(bt, row, C_TELEPON), field(bt, row, C_PERAN), field(bt, row, C_WILAYAH),
                     field(bt, row, C_POSYANDU));
    bool own = e->u.username[0] != 0;
    if (!own)
        make_username(q->store, bt, &e->u);
    if (own && taken(q->store, bt, e->u.username)) {
        e->kolom = "username";
        e->why = "Nama pengguna sudah dipakai (di sistem atau di baris lain daftar ini).";
        return;
    }
    e->why = tb_store_user_refusal(q->store, &q->user, &e->u);
    if (e->why)
        e->kolom = column_of(e->why, &e->u);
}

/* Reads and checks every row. NULL or the message of a list-wide refusal. */
static const char *read_rows(tb_req *q, batch *bt)
{
    const char *why = open_list(q, bt);
    if (!why)
        why = read_header(bt);
    if (why)
        return why;
    bt->e = calloc(MAX_ROWS, sizeof *bt->e);
    if (!bt->e)
        return "Memori tidak cukup.";
    tb_csv_row row;
    tb_csv_status st;
    while ((st = next_row(bt, &row)) == TB_CSV_OK) {
        if (bt->n == MAX_ROWS)
            return "Daftar terlalu panjang: paling banyak 500 pengguna sekali kirim.";
        check_row(q, bt, &row, &bt->e[bt->n]);
        bt->n++;
    }
    if (st != TB_CSV_EOF)
        return "Daftar rusak (tanda kutip atau pengodean); periksa berkasnya.";
    return bt->n ? NULL : "Daftar tidak berisi pengguna.";
}

static void refused_table(tb_buf *b, const batch *bt)
{
    tb_buf_puts(b, "<h2>Ditolak</h2><table id=\"ditolak\"><thead><tr><th>Baris</th><th>Kolom</th>"
                   "<th>Alasan</th></tr></thead><tbody>");
    for (int i = 0; i < bt->n; i++) {
        if (!bt->e[i].why)
            continue;
        tb_buf_printf(b, "<tr><td>%ld</td><td>", bt->e[i].line);
        tb_buf_html(b, bt->e[i].kolom);
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, bt->e[i].why);
        tb_buf_puts(b, "</td></tr>");
    }
    tb_buf_puts(b, "</tbody></table>");
}

/* The table of the accepted rows; with their one-time passwords once created. */
static void accepted_table(tb_buf *b, const batch *bt, bool created)
{
    tb_buf_printf(b,
                  "<h2>%s</h2><table id=\"diterima\"><thead><tr><th>Baris</th><th>Nama</th>"
                  "<th>Nama pengguna</th><th>Peran</th><th>Wilayah</th>%s</tr></thead><tbody>",
                  created ? "Pengguna baru" : "Akan dibuat",
                  created ? "<th>Kata sandi sekali pakai</th>" : "");
    for (int i = 0; i < bt->n; i++) {
        const entry *e = &bt->e[i];
        if (e->why)
            continue;
        tb_buf_printf(b, "<tr><td>%ld</td><td>", e->line);
        tb_buf_html(b, e->u.nama);
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, e->u.username);
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, tb_role_label(e->u.peran));
        tb_buf_puts(b, "</td><td>");
        tb_buf_html(b, e->u.wilayah);
        if (created) {
            tb_buf_puts(b, "</td><td><code>");
            tb_buf_html(b, e->pw);
            tb_buf_puts(b, "</code>");
        }
        tb_buf_puts(b, "</td></tr>");
    }
    tb_buf_puts(b, "</tbody></table>");
}

/* Creates the accepted rows in one transaction; the passwords are hashed
 * before it, so the write lock is held only for the inserts. 0 or -1. */
static int create_all(tb_req *q, batch *bt)
{
    for (int i = 0; i < bt->n; i++) {
        entry *e = &bt->e[i];
        if (!e->why && (tb_password_onetime(e->pw) ||
                        tb_password_hash(e->pw, tb_pengguna_strength(), e->hash) < 0))
            return -1;
    }
    if (tb_store_begin(q->store) < 0)
        return -1;
    for (int i = 0; i < bt->n; i++) {
        entry *e = &bt->e[i];
        if (!e->why && tb_store_user_add(q->store, q->user.id, &e->u, e->hash, 1) < 0) {
            tb_store_rollback(q->store);
            return -1;
        }
    }
    return tb_store_commit(q->store);
}

/* The password sheet as a PDF (A4, one row per new user) into r. 0 or -1. */
static int sheet_pdf(tb_res *r, const batch *bt)
{
    static const char *const keys[] = {"nama", "username", "peran", "wilayah", "sandi"};
    static const char *const names[] = {"Nama", "Nama pengguna", "Peran", "Wilayah",
                                        "Kata sandi sekali pakai"};
    static const tb_col_kind kinds[] = {TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT, TB_COL_TEXT,
                                        TB_COL_TEXT};
    tb_table *t = tb_table_new("Lembar kata sandi pengguna baru", 5, keys, names, kinds);
    int rc = t ? tb_table_subtitle(t, "Wajib diganti saat pertama masuk. Serahkan tiap kata"
                                      " sandi langsung kepada penggunanya.")
               : -1;
    for (int i = 0; !rc && i < bt->n; i++) {
        const entry *e = &bt->e[i];
        if (e->why)
            continue;
        long row = tb_table_add_row(t);
        const char *v[] = {e->u.nama, e->u.username, tb_role_label(e->u.peran), e->u.wilayah,
                           e->pw};
        for (int c = 0; row >= 0 && c < 5; c++)
            rc |= tb_table_set_text(t, row, c, v[c]);
        rc |= row < 0;
    }
    char tmp[] = "/tmp/tumbuh-sandi-XXXXXX";
    int fd = rc ? -1 : mkstemp(tmp);
    if (fd >= 0) {
        close(fd);
        const tb_table *const ts[] = {t};
        rc = tb_render_pdf(ts, NULL, 1, tmp);
        FILE *f = rc ? NULL : fopen(tmp, "rb");
        char chunk[65536];
        size_t n;
        while (f && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
            tb_buf_put(&r->body, chunk, n);
        rc = f ? 0 : -1;
        if (f)
            fclose(f);
        unlink(tmp);
    }
    tb_table_free(t);
    if (fd < 0 || rc) {
        tb_buf_free(&r->body);
        return -1;
    }
    r->ctype = "application/pdf";
    snprintf(r->disposition, sizeof r->disposition,
             "attachment; filename=\"kata-sandi-pengguna-baru.pdf\"");
    return 0;
}

static void confirm_form(tb_buf *b, const tb_req *q, int accepted)
{
    const char *d = tb_req_form(q, "daftar");
    if (!accepted)
        return;
    if (!d) {
        tb_buf_puts(b, "<p>Kirim berkas yang sama dengan <code>?buat=1</code> untuk membuat.</p>");
        return;
    }
    tb_buf_puts(b, "<form method=\"post\" action=\"/pengguna/impor\"><textarea name=\"daftar\""
                   " hidden>");
    tb_buf_html(b, d);
    tb_buf_puts(b, "</textarea><input type=\"hidden\" name=\"buat\" value=\"1\">");
    tb_pengguna_csrf(b, q);
    tb_buf_printf(b,
                  "<button>Buat %d pengguna</button> <button name=\"format\" value=\"pdf\">"
                  "Buat %d pengguna, lembar kata sandi PDF</button></form>",
                  accepted, accepted);
}

void tb_page_pengguna_impor(tb_req *q, tb_res *r)
{
    batch bt = {0};
    const char *why = read_rows(q, &bt);
    if (why) {
        close_list(&bt);
        return tb_res_error(r, q, 422, why);
    }
    const char *buat = tb_req_arg(q, "buat");
    bool create = buat && !strcmp(buat, "1");
    if (create && create_all(q, &bt) < 0) {
        close_list(&bt);
        return tb_res_error(r, q, 500, "Pengguna tidak dapat disimpan; tidak ada yang dibuat.");
    }
    int accepted = 0;
    for (int i = 0; i < bt.n; i++)
        accepted += !bt.e[i].why;
    r->no_store = true;
    const char *fmt = tb_req_arg(q, "format");
    if (create && fmt && !strcmp(fmt, "pdf")) {
        if (sheet_pdf(r, &bt) < 0) /* the users exist: say so, the passwords can be reset */
            tb_res_error(r, q, 500,
                         "Pengguna dibuat, tetapi PDF tidak dapat dibuat; reset"
                         " kata sandinya dari daftar pengguna.");
        return close_list(&bt);
    }
    tb_html_begin(r, q, create ? "Lembar kata sandi pengguna baru" : "Pratinjau daftar pengguna");
    tb_buf *b = &r->body;
    tb_buf_printf(b, "<section class=\"cetak\"><h1>%s</h1><p>%d diterima, %d ditolak.%s</p>",
                  create ? "Lembar kata sandi pengguna baru" : "Pratinjau daftar pengguna",
                  accepted, bt.n - accepted,
                  create ? " Kata sandi hanya ditampilkan sekali: cetak lembar ini dan serahkan"
                           " tiap kata sandi kepada penggunanya; wajib diganti saat pertama masuk."
                         : " Belum ada yang dibuat.");
    accepted_table(b, &bt, create);
    refused_table(b, &bt);
    if (!create)
        confirm_form(b, q, accepted);
    tb_buf_puts(b, "<p><a href=\"/pengguna\">Kembali ke daftar pengguna</a></p></section>");
    tb_html_end(r);
    close_list(&bt);
}
