/*
 * monitoring.h - what the monitoring pages share with the posyandu page:
 * whose desa a user sees (an agency member: its team's desa only).
 */
#ifndef TB_WEB_MONITORING_H
#define TB_WEB_MONITORING_H

#include <stdbool.h>

#include "web/http.h"

typedef struct {
    const char *wilayah; /* the user's area */
    const char *team_of; /* an agency member: its lembaga (its team's desa); else NULL */
    char lembaga[32];
    bool opd;
} tb_mon_scope;

/* The scope of the logged-in user of q. */
void tb_mon_scope_of(tb_req *q, tb_mon_scope *m);
/* May the user of q see and answer for desa? (area, and for an agency
 * member its team's desa) */
bool tb_mon_desa_ok(tb_req *q, const tb_mon_scope *m, const char *desa);

#endif
