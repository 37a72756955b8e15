/*
 * tpk.h - what the TPK pages (tpk.c) and the visit checks
 * (tpk_kunjungan.c) share.
 */
#ifndef TB_WEB_TPK_H
#define TB_WEB_TPK_H

#include "store/tpk.h"
#include "web/http.h"

#define TB_TPK_FIELDS 40

/* A visit as typed: field names and values (form or JSON, as text). */
typedef struct {
    int n;
    char k[TB_TPK_FIELDS][24];
    char v[TB_TPK_FIELDS][256];
} tb_tpk_form;

/* The result of the checks: the refused fields with their messages, the
 * visit's type fields as JSON (free with free()), risk and service flags,
 * and the next visit date (given, or a month later). */
typedef struct {
    int n;
    const char *kolom[16], *pesan[16];
    char *data;
    int berisiko, layanan;
    char berikut[16];
} tb_tpk_check;

/* Sets / reads a field ("" when absent). */
void tb_tpk_form_set(tb_tpk_form *f, const char *k, const char *v);
const char *tb_tpk_form_get(const tb_tpk_form *f, const char *k);

/* Checks a visit's fields (tpk_kunjungan.c); 0, or -1 with c->n messages.
 * c->data is set either way (free it). */
int tb_tpk_check_visit(const tb_tpk_form *f, tb_tpk_check *c);

/* May the user record a visit for target (individu_id, jenis)? 0 and the
 * target in *t (and the user's member id, 0 when not a member), or the
 * HTTP status (403, 404, 500) with why. */
int tb_tpk_target_ok(tb_req *q, long individu_id, const char *jenis, tb_tpk_sasaran_row *t,
                     long *anggota, const char **why);

#endif
