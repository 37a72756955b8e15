/*
 * rapat.h (web) - what the meeting pages (rapat.c) share with the action
 * pages and the API (tindakan.c): who may read and edit a meeting, and small
 * form and file helpers.
 */
#ifndef TB_WEB_RAPAT_H
#define TB_WEB_RAPAT_H

#include <stdbool.h>

#include "base/buf.h"
#include "format/table.h"
#include "store/store.h"
#include "store/users.h"
#include "web/http.h"
#include "web/scope.h"

/* The roles that run meetings (each in its own area). */
#define TB_RAPAT_EDIT (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_DESA)

/* May u read a meeting (or action) of this area: inside u's area, or an
 * area u's lies under (a desa reads its kecamatan's lokmin)? */
bool tb_rapat_view_ok(const tb_user *u, const char *wilayah);
/* May u edit a meeting of this area: a role that runs meetings, whose area
 * is the meeting's? */
bool tb_rapat_edit_ok(const tb_user *u, const char *wilayah);
/* The path parameter name as a positive id, or 0. */
long tb_web_path_id(tb_req *q, const char *name);
/* A labelled input with its value (escaped). */
void tb_web_input(tb_buf *b, const char *label, const char *name, const char *type,
                  const char *value, bool required);
/* An option of a select, selected when value is chosen. */
void tb_web_option(tb_buf *b, const char *value, const char *label, const char *chosen);
/* A select of the institutions around an area. */
void tb_web_lembaga_select(tb_buf *b, tb_store *s, const char *wilayah, const char *label,
                           const char *name, const char *chosen);
/* Answers with n tables as a csv, xlsx (first table) or pdf attachment NAME.fmt. */
void tb_web_send_tables(tb_req *q, tb_res *r, tb_table *const *t, int n, const char *fmt,
                        const char *name);

#endif
