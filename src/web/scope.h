/*
 * scope.h - who may see and change what (roles and areas).
 *
 * Roles: each of the eight roles of store/users.h has a bit; the route
 * table (routes.c) says with a mask of these bits which roles may call a
 * URL, and the router refuses the others before a handler runs.
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

enum {
    TB_ROLE_ADMIN_KAB = 1u << 0,
    TB_ROLE_TPPS_KAB = 1u << 1,
    TB_ROLE_OPD = 1u << 2,
    TB_ROLE_TPPS_KEC = 1u << 3,
    TB_ROLE_GIZI_PUSKESMAS = 1u << 4,
    TB_ROLE_DESA = 1u << 5,
    TB_ROLE_KADER = 1u << 6,
    TB_ROLE_TPK = 1u << 7,
    TB_ROLE_COUNT = 8,
    TB_ROLES_ALL = (1u << 8) - 1,
    /* the roles that work with families by name (names, NIK, addresses) */
    TB_ROLES_NAMES = TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA | TB_ROLE_KADER | TB_ROLE_TPK,
    /* the roles that enter measurements and register children */
    TB_ROLES_ENTER = TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA | TB_ROLE_KADER,
};

/* The bit of a role name (peran), 0 for an unknown name. */
unsigned tb_role_bit(const char *peran);
/* The name of role number i (0 <= i < TB_ROLE_COUNT, bit 1u << i). */
const char *tb_role_name(int i);

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
