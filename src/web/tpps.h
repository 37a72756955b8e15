/*
 * tpps.h - what the TPPS pages (tpps.c: institutions, teams, documents;
 * kelembagaan.c: the desa's institutional map; aksi.c: the 8 aksi) share.
 */
#ifndef TB_WEB_TPPS_H
#define TB_WEB_TPPS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "web/atur.h"
#include "web/http.h"

/* The area of a TPPS page: wilayah= (query or form; the user's area when
 * absent) into kode (n bytes) with its name; false after answering 400
 * (not a code), 404 (unknown) or 403 (outside the user's area). */
bool tb_tpps_area(tb_req *q, tb_res *r, const char *arg, char *kode, size_t n, char *nama,
                  size_t nn);

/* Reads an optional date dd/mm/yyyy or yyyy-mm-dd into iso (11 bytes, ""
 * when blank): true, or false with the reason beside field of form in e. */
bool tb_tpps_date(const char *s, char iso[11], atur_err *e, const char *form, const char *field);

/* The uploaded document of the request (streamed body, tpps.h's limit),
 * checked by its first bytes and stored for area wilayah: its id, or 0
 * after answering (422 empty, 415 not a PDF/PNG/JPEG, 500). */
long tb_tpps_upload(tb_req *q, tb_res *r, const char *wilayah);

/* Appends the upload form of a document: posts the chosen file as the body
 * of action (with the CSRF token in a header, app.js), with a message line. */
void tb_tpps_upload_form(tb_buf *b, const tb_req *q, const char *action, const char *label);

/* Appends a link to document id (nothing when 0). */
void tb_tpps_doc_link(tb_buf *b, long id, const char *label);

#endif
