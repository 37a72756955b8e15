/*
 * layanan.h (web) - "one target, every service" on the pages: the service
 * package of a person (what it received, what is missing) and the timeline
 * of every service, used by the target page (/layanan/{id}), the child page
 * and the family page; and the TPK member's team check (issue 12: a TPK
 * member works on the families and targets of their team).
 */
#ifndef TB_WEB_LAYANAN_H
#define TB_WEB_LAYANAN_H

#include <stdbool.h>

#include "base/buf.h"
#include "web/http.h"

/* May the user open person id (keluarga -1: with its family) or family
 * keluarga (id 0)? Every role but TPK: true (the area is checked by the
 * caller); a TPK member: only the targets of their teams and the families
 * with such a target (a child whose mother the team accompanies). */
bool tb_web_tpk_ok(tb_req *q, long id, long keluarga);

/* Appends the packages of person id in month (yyyy-mm): per target type
 * it is in, every indicator received or missing; returns -1 on a store
 * error, else the number of target types. */
int tb_web_layanan_paket(tb_req *q, tb_buf *b, long id, const char *month);

/* Appends the timeline of person id, or of every member of family keluarga
 * (id 0), newest first. 0 or -1. */
int tb_web_layanan_riwayat(tb_req *q, tb_buf *b, long id, long keluarga);

#endif
