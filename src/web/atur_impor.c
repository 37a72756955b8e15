/*
 * atur_impor.c - POST /atur/posyandu/impor: many posyandu from a list
 * (CSV pasted in the form field daftar, or a CSV or XLSX file sent as the
 * request body) with the columns nama, desa (name or code), puskesmas and
 * hari, the same rules as `tumbuh import posyandu` (import.h:
 * tb_import_posyandu_row) inside the administrator's area. Without buat=1
 * it is a dry run: every row is written in a transaction that is rolled
 * back, so the page shows exactly what would be added, changed and refused
 * (line, column, reason); with buat=1 the transaction commits.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/csv.h"
#include "format/xlsx.h"
#include "import/import.h"
#include "store/store.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/pengguna.h"

#define MAX_ROWS 2000

enum { C_NAMA, C_DESA, C_PUSKESMAS, C_HARI, NCOLS };
/* accepted headers, folded to a-z0-9, '|'-separated */
static const char *const ALIASES[NCOLS] = {
    "|nama|namaposyandu|posyandu|", "|desa|kodedesa|kelurahan|desakelurahan|desakel|",
    "|puskesmas|namapuskesmas|pkm|", "|hari|haribuka|tanggal|tanggalbuka|jadwal|"};

typedef struct {
    tb_csv_reader *csv;
    tb_xlsx_reader *xlsx;
    FILE *f;
    int col[NCOLS];
    long added, changed, same, refused;
} list;

static tb_csv_status next_row(list *l, tb_csv_row *row)
{
    return l->xlsx ? tb_xlsx_next(l->xlsx, row) : tb_csv_next(l->csv, row);
}

/* Opens the list: the form's daftar, else the body (XLSX or CSV). NULL = ok, else why. */
static const char *open_list(tb_req *q, list *l)
{
    const char *d = tb_req_form(q, "daftar");
    const char *ct = tb_req_header(q, "Content-Type");
    char err[256];
    if (!d && ct && strstr(ct, "spreadsheetml")) {
        l->xlsx = tb_xlsx_open_buffer(q->body, q->body_len, NULL, err, sizeof err);
        return l->xlsx ? NULL : "Berkas XLSX tidak dapat dibaca.";
    }
    if (!d && !(ct && strstr(ct, "x-www-form-urlencoded")))
        d = q->body;
    if (!d || !*d)
        return "Daftar kosong: isi daftar CSV dengan baris judul nama, desa, puskesmas, hari.";
    l->f = fmemopen((void *)d, strlen(d), "r");
    l->csv = l->f ? tb_csv_open(l->f, NULL) : NULL;
    return l->csv ? NULL : "Daftar tidak dapat dibaca.";
}

static void close_list(list *l)
{
    if (l->csv)
        tb_csv_close(l->csv);
    if (l->f)
        fclose(l->f);
    if (l->xlsx)
        tb_xlsx_close(l->xlsx);
}

static const char *read_header(list *l)
{
    tb_csv_row row;
    if (next_row(l, &row) != TB_CSV_OK)
        return "Daftar tanpa baris judul.";
    for (int c = 0; c < NCOLS; c++) {
        l->col[c] = -1;
        for (int i = 0; i < row.nfields && l->col[c] < 0; i++) {
            char k[64];
            size_t n = 0;
            k[n++] = '|';
            for (const char *h = row.fields[i]; *h && n + 2 < sizeof k; h++)
                if (isalnum((unsigned char)*h))
                    k[n++] = (char)tolower((unsigned char)*h);
            k[n++] = '|';
            k[n] = 0;
            if (n > 2 && strstr(ALIASES[c], k))
                l->col[c] = i;
        }
    }
    if (l->col[C_NAMA] < 0 || l->col[C_DESA] < 0)
        return "Baris judul harus memuat kolom nama dan desa (juga puskesmas dan hari bila ada).";
    return NULL;
}

/* A field of row, trimmed into out. */
static void field(const list *l, const tb_csv_row *row, int c, char *out, size_t n)
{
    int i = l->col[c];
    const char *v = i >= 0 && i < row->nfields ? row->fields[i] : "";
    while (isspace((unsigned char)*v))
        v++;
    snprintf(out, n, "%s", v);
    size_t len = strlen(out);
    while (len && isspace((unsigned char)out[len - 1]))
        out[--len] = 0;
}

static void refused(tb_buf *b, list *l, long line, const char *kolom, const char *why)
{
    l->refused++;
    tb_buf_printf(b, "<tr><td>%ld</td><td>%s</td><td>", line, kolom);
    tb_buf_html(b, why);
    tb_buf_puts(b, "</td></tr>");
}

/* Stores each row of the list (refusals into b). 0, or -1 on a store error. */
static int each_row(tb_req *q, list *l, tb_buf *b)
{
    tb_csv_row row;
    tb_csv_status st;
    long rows = 0;
    while ((st = next_row(l, &row)) == TB_CSV_OK && rows++ < MAX_ROWS) {
        char nama[96], desa[128], pusk[96], hari[16], why[200];
        field(l, &row, C_NAMA, nama, sizeof nama);
        field(l, &row, C_DESA, desa, sizeof desa);
        field(l, &row, C_PUSKESMAS, pusk, sizeof pusk);
        field(l, &row, C_HARI, hari, sizeof hari);
        char *end = NULL;
        long h = hari[0] ? strtol(hari, &end, 10) : 0;
        if (!nama[0]) {
            refused(b, l, row.line, "nama", "Nama posyandu kosong.");
            continue;
        }
        if (!desa[0]) {
            refused(b, l, row.line, "desa", "Desa kosong: tulis nama atau kode desa.");
            continue;
        }
        if (hari[0] && (*end || h < 1 || h > 31)) {
            refused(b, l, row.line, "hari", "Hari buka harus tanggal 1 sampai 31.");
            continue;
        }
        int outcome = 0, fld = 0;
        int rc = tb_import_posyandu_row(q->store, q->user.id, q->user.wilayah, nama, desa, pusk,
                                        (int)h, &outcome, &fld, why, sizeof why);
        if (rc < 0)
            return -1;
        if (rc == 1)
            refused(b, l, row.line, fld == 1 ? "desa" : "puskesmas", why);
        else
            *(outcome == 1 ? &l->added : outcome == 2 ? &l->changed : &l->same) += 1;
    }
    if (st != TB_CSV_OK && st != TB_CSV_EOF)
        refused(b, l, 0, "-",
                "Sisa daftar tidak terbaca (periksa tanda kutip dan penyandian UTF-8).");
    return 0;
}

void tb_page_atur_posyandu_impor(tb_req *q, tb_res *r)
{
    list l;
    memset(&l, 0, sizeof l);
    const char *why = open_list(q, &l);
    if (!why)
        why = read_header(&l);
    if (why) {
        close_list(&l);
        return tb_res_error(r, q, 422, why);
    }
    const char *buat = tb_req_arg(q, "buat");
    bool create = buat && !strcmp(buat, "1");
    tb_buf rej = {0};
    if (tb_store_begin(q->store) < 0 || each_row(q, &l, &rej) < 0 ||
        (create ? tb_store_commit(q->store) : tb_store_rollback(q->store)) < 0) {
        tb_store_rollback(q->store);
        close_list(&l);
        tb_buf_free(&rej);
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    }
    close_list(&l);
    if (create)
        tb_web_data_changed();
    r->no_store = true;
    tb_html_begin(r, q, create ? "Posyandu diimpor" : "Pratinjau impor posyandu");
    tb_buf *b = &r->body;
    tb_buf_printf(b,
                  "<h1>%s</h1><p id=\"ringkas\">%ld baru, %ld diubah, %ld tetap, %ld ditolak.</p>",
                  create ? "Posyandu diimpor" : "Pratinjau impor posyandu (belum disimpan)",
                  l.added, l.changed, l.same, l.refused);
    if (l.refused) {
        tb_buf_puts(b, "<h2>Baris ditolak</h2><div class=\"tabel\"><table><thead><tr><th>Baris</th>"
                       "<th>Kolom</th><th>Alasan</th></tr></thead><tbody>");
        tb_buf_put(b, rej.data, rej.len);
        tb_buf_puts(b, "</tbody></table></div>");
    }
    tb_buf_free(&rej);
    const char *d = tb_req_form(q, "daftar");
    if (!create && d) {
        tb_buf_puts(
            b, "<form method=\"post\" action=\"/atur/posyandu/impor\"><textarea name=\"daftar\""
               " hidden>");
        tb_buf_html(b, d);
        tb_buf_puts(b, "</textarea><input type=\"hidden\" name=\"buat\" value=\"1\">");
        tb_pengguna_csrf(b, q);
        tb_buf_puts(b, "<button>Impor sekarang</button></form>");
    }
    tb_buf_puts(b, "<p><a href=\"/atur/posyandu\">Kembali ke daftar posyandu</a></p>");
    tb_html_end(r);
}
