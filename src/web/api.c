/*
 * api.c - the handlers of the JSON API under /api/v1 (described in
 * docs/openapi.json; routed by routes.c). Same session, scope and CSRF
 * rules as the pages; writes need the X-CSRF-Token header. The pages'
 * offline queue posts measurements here.
 */
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format/render_html.h"
#include "report/report.h"
#include "web/scope.h"
#include "store/anak.h"
#include "store/antrian.h"
#include "store/pengukuran.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/layanan.h"
#include "web/page.h"
#include "web/save.h"

static void json_row(tb_buf *b, const tb_ukur_row *u)
{
    tb_buf_printf(b, "{\"id\":%ld,\"tidak_wajar\":%d,\"tanggal\":", u->id, u->tidak_wajar);
    tb_buf_json_str(b, u->tanggal);
    tb_buf_printf(b, ",\"umur_hari\":%d,\"bb\":", u->umur_hari);
    tb_buf_json_num(b, u->bb);
    tb_buf_puts(b, ",\"tb\":");
    tb_buf_json_num(b, u->tb);
    char c[2] = {u->cara, 0};
    tb_buf_puts(b, ",\"cara_ukur\":");
    tb_buf_json_str(b, u->cara ? c : NULL);
    tb_buf_puts(b, ",\"z_bbu\":");
    tb_buf_json_num(b, u->z_bbu);
    tb_buf_puts(b, ",\"z_tbu\":");
    tb_buf_json_num(b, u->z_tbu);
    tb_buf_puts(b, ",\"z_bbtb\":");
    tb_buf_json_num(b, u->z_bbtb);
    tb_buf_printf(b, ",\"f_bbu\":%d,\"f_tbu\":%d,\"f_bbtb\":%d,\"kat_bbu\":", u->f_bbu, u->f_tbu,
                  u->f_bbtb);
    tb_buf_json_str(b, u->kat_bbu);
    tb_buf_puts(b, ",\"kat_tbu\":");
    tb_buf_json_str(b, u->kat_tbu);
    tb_buf_puts(b, ",\"kat_bbtb\":");
    tb_buf_json_str(b, u->kat_bbtb);
    char n[2] = {u->naik, 0};
    tb_buf_puts(b, ",\"naik\":");
    tb_buf_json_str(b, u->naik ? n : NULL);
    tb_buf_printf(b, ",\"t2\":%s,\"bgm\":%s}", u->t2 ? "true" : "false", u->bgm ? "true" : "false");
}

static double jnum(json_t *o, const char *k, bool *given)
{
    json_t *v = json_object_get(o, k);
    *given = false;
    if (json_is_number(v)) {
        *given = true;
        return json_number_value(v);
    }
    if (json_is_string(v) && *json_string_value(v)) {
        *given = true;
        char tmp[32], *end;
        snprintf(tmp, sizeof tmp, "%s", json_string_value(v));
        for (char *p = tmp; *p; p++)
            if (*p == ',')
                *p = '.';
        double d = strtod(tmp, &end);
        return *end ? NAN : d;
    }
    return NAN;
}

static bool jtrue(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_true(v) || (json_is_integer(v) && json_integer_value(v)) ||
           (json_is_string(v) && *json_string_value(v) && strcmp(json_string_value(v), "0"));
}

/* Reads an entry's fields from a JSON object (anak_id and tanggal when present). 0, or -1
 * with the message for a 400. */
static int entry_from_json(json_t *o, tb_save_entry *e, const char **err)
{
    json_t *v = json_object_get(o, "anak_id");
    if (json_is_integer(v))
        e->anak_id = (long)json_integer_value(v);
    v = json_object_get(o, "tanggal");
    if (json_is_string(v))
        snprintf(e->tanggal, sizeof e->tanggal, "%s", json_string_value(v));
    e->bb = jnum(o, "bb", &e->bb_given);
    e->tb = jnum(o, "tb", &e->tb_given);
    bool given;
    e->lila = jnum(o, "lila", &given);
    e->lika = jnum(o, "lika", &given);
    v = json_object_get(o, "cara_ukur");
    e->cara =
        json_is_string(v) && (json_string_value(v)[0] == 'l' || json_string_value(v)[0] == 'h')
            ? json_string_value(v)[0]
            : 0;
    e->vit_a = jtrue(o, "vit_a");
    e->pmt = jtrue(o, "pmt");
    e->yakin = jtrue(o, "yakin");
    v = json_object_get(o, "uuid");
    if (json_is_string(v)) {
        const char *u = json_string_value(v);
        if (strlen(u) >= sizeof e->uuid || strspn(u, "0123456789abcdefABCDEF-") != strlen(u)) {
            *err = "uuid tidak valid.";
            return -1;
        }
        snprintf(e->uuid, sizeof e->uuid, "%s", u);
    }
    return 0;
}

/* The JSON body as an object, or a 400 answered (NULL). */
static json_t *json_body(tb_req *q, tb_res *r)
{
    json_error_t jerr;
    json_t *o = json_loadb(q->body, q->body_len, 0, &jerr);
    if (json_is_object(o))
        return o;
    char msg[256];
    snprintf(msg, sizeof msg, "JSON tidak valid (baris %d, kolom %d): %s", jerr.line, jerr.column,
             jerr.text);
    json_decref(o);
    tb_res_error(r, q, 400, msg);
    return NULL;
}

/* Saves e and answers with the stored row, or the error (with perlu_konfirmasi
 * and the periksa list of {kolom, pesan}). */
static void save_and_answer(tb_req *q, tb_res *r, const tb_save_entry *e)
{
    tb_save_result res;
    r->ctype = "application/json";
    tb_buf *b = &r->body;
    if (tb_save_measurement(q, e, &res) < 0) {
        r->status = res.status;
        if (res.status == 500 && tb_store_busy(q->store)) {
            r->status = 503; /* locked by an import: the phone's queue sends it again */
            r->retry_after = 10;
        }
        tb_buf_puts(b, "{\"galat\":");
        tb_buf_json_str(b, res.error);
        tb_buf_printf(b, ",\"perlu_konfirmasi\":%s,\"periksa\":[", res.confirm ? "true" : "false");
        for (int i = 0; i < res.nperiksa; i++) {
            tb_buf_puts(b, i ? ",{\"kolom\":" : "{\"kolom\":");
            tb_buf_json_str(b, res.periksa[i].kolom);
            tb_buf_puts(b, ",\"pesan\":");
            tb_buf_json_str(b, res.periksa[i].pesan);
            tb_buf_puts(b, "}");
        }
        tb_buf_puts(b, "]}");
        return;
    }
    r->status = res.status;
    tb_buf_printf(b, "{\"anak_id\":%ld,\"id\":%ld,\"duplikat\":%s,\"ringkasan\":", e->anak_id,
                  res.row.id, res.duplicate ? "true" : "false");
    tb_buf_json_str(b, res.summary);
    tb_buf_printf(b, ",\"rujuk\":%s,\"saran\":[", res.advice.rujuk ? "true" : "false");
    for (int i = 0; i < res.advice.n; i++) {
        if (i)
            tb_buf_puts(b, ",");
        tb_buf_json_str(b, res.advice.text[i]);
    }
    tb_buf_puts(b, "],\"pengukuran\":");
    json_row(b, &res.row);
    tb_buf_puts(b, "}");
}

void tb_api_pengukuran(tb_req *q, tb_res *r)
{
    json_t *o = json_body(q, r);
    if (!o)
        return;
    tb_save_entry e;
    memset(&e, 0, sizeof e);
    const char *err = NULL;
    int rc = entry_from_json(o, &e, &err);
    json_decref(o);
    if (rc < 0)
        return tb_res_error(r, q, 400, err);
    save_and_answer(q, r, &e);
}

/* The measurement {id} of the path, its child and date: false (answered 404) when none. */
static bool path_measurement(tb_req *q, tb_res *r, long *id, long *anak, char tanggal[11])
{
    char *end;
    *id = strtol(tb_req_param(q, "id"), &end, 10);
    int f = *id > 0 && !*end ? tb_store_pengukuran_get(q->store, *id, anak, tanggal) : 0;
    if (f < 0)
        tb_res_error(r, q, 500, tb_store_error(q->store));
    else if (f == 0)
        tb_res_error(r, q, 404, "Pengukuran tidak ditemukan.");
    return f == 1;
}

void tb_api_pengukuran_ubah(tb_req *q, tb_res *r)
{
    long id, anak;
    char tgl[11];
    if (!path_measurement(q, r, &id, &anak, tgl))
        return;
    tb_save_entry e;
    if (tb_req_form(q, "csrf")) { /* the form of the child page */
        tb_save_entry_from_form(q, &e);
    } else {
        memset(&e, 0, sizeof e);
        json_t *o = json_body(q, r);
        if (!o)
            return;
        const char *err = NULL;
        int rc = entry_from_json(o, &e, &err);
        json_decref(o);
        if (rc < 0)
            return tb_res_error(r, q, 400, err);
    }
    e.id = id;
    e.anak_id = anak;
    if (!e.tanggal[0])
        snprintf(e.tanggal, sizeof e.tanggal, "%s", tgl);
    if (!tb_req_form(q, "csrf"))
        return save_and_answer(q, r, &e);
    tb_save_result res;
    if (tb_save_measurement(q, &e, &res) < 0)
        return tb_res_error(r, q, res.status, res.error);
    char to[64];
    snprintf(to, sizeof to, "/anak/%ld", anak);
    tb_res_redirect(r, to);
}

void tb_api_pengukuran_hapus(tb_req *q, tb_res *r)
{
    long id, anak;
    char tgl[11];
    if (!path_measurement(q, r, &id, &anak, tgl))
        return;
    char alasan[256] = "";
    bool form = tb_req_form(q, "csrf") != NULL;
    if (form) {
        snprintf(alasan, sizeof alasan, "%s",
                 tb_req_form(q, "alasan") ? tb_req_form(q, "alasan") : "");
    } else {
        json_t *o = json_body(q, r);
        if (!o)
            return;
        json_t *v = json_object_get(o, "alasan");
        snprintf(alasan, sizeof alasan, "%s", json_is_string(v) ? json_string_value(v) : "");
        json_decref(o);
    }
    tb_save_result res;
    if (tb_save_delete(q, id, anak, alasan, &res) < 0)
        return tb_res_error(r, q, res.status, res.error);
    if (form) {
        char to[64];
        snprintf(to, sizeof to, "/anak/%ld", anak);
        return tb_res_redirect(r, to);
    }
    r->ctype = "application/json";
    tb_buf_printf(&r->body, "{\"id\":%ld,\"anak_id\":%ld,\"dihapus\":true}", id, anak);
}

void tb_api_laporan(tb_req *q, tb_res *r)
{
    const char *name = tb_req_param(q, "nama");
    int kind = tb_report_lookup(name);
    if (kind < 0)
        return tb_res_error(r, q, 404, "Laporan tidak dikenal.");
    page_scope ps;
    if (!tb_page_scope_read(q, r, &ps))
        return;
    tb_table *t = NULL;
    if (tb_report_run(q->store, (tb_report_kind)kind, &ps.sc, &t))
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    /* lists carry the child id only for roles that may open the child (report.h) */
    tb_render_json(t, &r->body);
    tb_table_free(t);
    r->ctype = "application/json";
}

void tb_api_anak(tb_req *q, tb_res *r)
{
    char *end;
    long id = strtol(tb_req_param(q, "id"), &end, 10);
    tb_anak_info a;
    int f = id > 0 && !*end ? tb_store_anak_info(q->store, id, &a) : 0;
    if (f != 1)
        return tb_res_error(r, q, 404, "Anak tidak ditemukan.");
    if (!tb_scope_anak_ok(&q->user, &a) || !tb_role_sees_names(&q->user) ||
        !tb_web_tpk_ok(q, id, -1)) /* a TPK member: the team's targets (web/layanan.h) */
        return tb_res_error(r, q, 403, "Di luar wilayah kerja atau peran Anda.");
    tb_ukur_row rows[128];
    int n = tb_store_anak_riwayat(q->store, id, rows, 128);
    tb_buf *b = &r->body;
    tb_buf_printf(b, "{\"id\":%ld,\"nik\":", a.id);
    tb_buf_json_str(b, *a.nik ? a.nik : NULL);
    tb_buf_puts(b, ",\"nama\":");
    tb_buf_json_str(b, a.nama);
    tb_buf_printf(b, ",\"jk\":%d,\"tgl_lahir\":", a.jk);
    tb_buf_json_str(b, a.tgl_lahir);
    tb_buf_printf(b, ",\"posyandu_id\":%ld,\"desa\":", a.posyandu_id);
    tb_buf_json_str(b, a.desa);
    tb_buf_puts(b, ",\"pengukuran\":[");
    for (int i = 0; i < n; i++) {
        if (i)
            tb_buf_puts(b, ",");
        json_row(b, &rows[i]);
    }
    tb_buf_puts(b, "]}");
    r->ctype = "application/json";
    r->no_store = true;
}

/* The key of the user's offline queue (created on first use), base64 of 32
 * random bytes into out; false on a store error. */
static bool queue_key(tb_req *q, char out[TB_ANTRIAN_KEY_LEN])
{
    unsigned char raw[32];
    char fresh[TB_ANTRIAN_KEY_LEN];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(fresh, sizeof fresh, raw, sizeof raw, sodium_base64_VARIANT_ORIGINAL);
    sodium_memzero(raw, sizeof raw);
    return tb_store_antrian_kunci(q->store, q->user.id, fresh, out) == 0;
}

void tb_api_saya(tb_req *q, tb_res *r)
{
    char key[TB_ANTRIAN_KEY_LEN];
    if (!queue_key(q, key))
        return tb_res_error(r, q, 500, tb_store_error(q->store));
    tb_buf *b = &r->body;
    tb_buf_printf(b, "{\"id\":%ld,\"pengguna\":", q->user.id);
    tb_buf_json_str(b, q->user.username);
    tb_buf_puts(b, ",\"nama\":");
    tb_buf_json_str(b, q->user.nama);
    tb_buf_puts(b, ",\"peran\":");
    tb_buf_json_str(b, q->user.peran);
    tb_buf_puts(b, ",\"wilayah\":");
    tb_buf_json_str(b, q->user.wilayah);
    tb_buf_printf(b, ",\"posyandu_id\":%ld,\"lihat_nama\":%s,\"csrf\":", q->user.posyandu_id,
                  tb_role_sees_names(&q->user) ? "true" : "false");
    tb_buf_json_str(b, q->csrf);
    tb_buf_puts(b, ",\"kunci_antrian\":");
    tb_buf_json_str(b, key);
    tb_buf_puts(b, "}");
    r->ctype = "application/json";
    r->no_store = true;
}
