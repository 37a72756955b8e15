/*
 * status.c - a child's status (still here, moved away, died) with its date:
 * a small form (GET /anak/{id}/status) and its save (POST). From the month
 * of a status other than 'aktif' the child is no longer a target (S) of the
 * reports (store/status.h). For the roles that enter measurements, in their
 * area.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "store/anak.h"
#include "store/status.h"
#include "tb_date.h"
#include "web/cache.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"
#include "web/scope.h"

/* The child of the path, in the user's area: true, or false with the error answered. */
static bool status_child(tb_req *q, tb_res *r, tb_anak_info *a)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = id > 0 && !*end ? tb_store_anak_info(q->store, id, a) : 0;
    if (f < 0) {
        tb_res_error(r, q, 500, tb_store_error(q->store));
        return false;
    }
    if (f == 0) {
        tb_res_error(r, q, 404, "Anak tidak ditemukan.");
        return false;
    }
    if (!tb_scope_anak_ok(&q->user, a) || !tb_role_enters(&q->user)) {
        tb_res_error(r, q, 403, "Anak ini di luar wilayah kerja atau peran Anda.");
        return false;
    }
    r->no_store = true;
    return true;
}

void tb_page_status(tb_req *q, tb_res *r)
{
    tb_anak_info a;
    if (!status_child(q, r, &a))
        return;
    char today[11], now[16];
    tb_today_iso(today);
    if (tb_store_anak_status_on(q->store, a.id, today, now, sizeof now) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_html_begin(r, q, "Status anak");
    tb_buf *b = &r->body;
    tb_buf_puts(b, "<h1>Status ");
    tb_buf_html(b, a.nama);
    tb_buf_puts(b, "</h1><p>Status sekarang: <strong>");
    tb_buf_html(b, now);
    tb_buf_printf(b,
                  "</strong>. Anak yang pindah atau meninggal tidak lagi dihitung sebagai sasaran"
                  " (S) mulai bulan tanggal status.</p>"
                  "<form method=\"post\" action=\"/anak/%ld/status\">"
                  "<label>Status <select name=\"status\"><option value=\"pindah\">Pindah</option>"
                  "<option value=\"meninggal\">Meninggal</option>"
                  "<option value=\"aktif\">Aktif (kembali)</option></select></label> "
                  "<label>Tanggal <input type=\"date\" name=\"tanggal\" value=\"%s\" required>"
                  "</label> <label>Catatan <input name=\"catatan\" maxlength=\"200\"></label>",
                  a.id, today);
    tb_buf_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
    tb_buf_html(b, q->csrf);
    tb_buf_printf(b,
                  "\"><button>Simpan</button></form><p><a href=\"/anak/%ld\">Kembali ke"
                  " halaman anak</a></p>",
                  a.id);
    tb_html_end(r);
}

void tb_page_status_save(tb_req *q, tb_res *r)
{
    tb_anak_info a;
    if (!status_child(q, r, &a))
        return;
    const char *st = tb_req_form(q, "status"), *tgl = tb_req_form(q, "tanggal");
    const char *note = tb_req_form(q, "catatan");
    char today[11];
    tb_today_iso(today);
    if (!tb_anak_status_valid(st))
        return tb_res_error(r, q, 422, "Pilih status: aktif, pindah atau meninggal.");
    if (!tgl || tb_date_iso(tgl) == TB_DATE_NONE || strcmp(tgl, today) > 0 ||
        strcmp(tgl, a.tgl_lahir) < 0)
        return tb_res_error(r, q, 422,
                            "Tanggal status tidak valid: isi tanggal antara tanggal lahir dan"
                            " hari ini (TTTT-BB-HH).");
    if (note && strlen(note) > 200)
        return tb_res_error(r, q, 422, "Catatan paling banyak 200 huruf.");
    if (tb_store_anak_status_set(q->store, a.id, st, tgl, note, q->user.id) < 0)
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_web_data_changed();
    char to[64];
    snprintf(to, sizeof to, "/anak/%ld/status", a.id);
    tb_res_redirect(r, to);
}
