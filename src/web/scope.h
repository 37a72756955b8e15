/*
 * scope.h - who may see and change what (roles and areas).
 *
 * Every user has a wilayah (a Kemendagri code) and, for posyandu cadres, a
 * posyandu. A user reads and writes only inside that area: the checks below
 * are called by every handler before it touches data, not only by menus.
 * Personal data (names, NIK, addresses) is shown only to the roles that
 * work with families by name (UU PDP 27/2022): puskesmas nutrition officer,
 * desa (bidan desa, KPM), posyandu cadre and TPK member.
 */
#ifndef TB_SCOPE_H
#define TB_SCOPE_H

#include <stdbool.h>

#include "store/users.h"
#include "store/posyandu.h"
#include "store/anak.h"

/* Is the wilayah code inside the user's area (the same code or below it)? */
bool tb_scope_code_ok(const tb_user *u, const char *kode);
/* May the user work with this posyandu (area, and the cadre's own posyandu)? */
bool tb_scope_posyandu_ok(const tb_user *u, const tb_posyandu_info *p);
/* May the user see this child? */
bool tb_scope_anak_ok(const tb_user *u, const tb_anak_info *a);
/* Does the role see names, NIK and addresses? */
bool tb_role_sees_names(const tb_user *u);
/* Does the role enter measurements (posyandu day)? */
bool tb_role_enters(const tb_user *u);
/* The Indonesian label of a role. */
const char *tb_role_label(const char *peran);

#endif
