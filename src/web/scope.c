/*
 * scope.c - roles and areas (scope.h).
 */
#include "web/scope.h"

#include <string.h>

bool tb_scope_code_ok(const tb_user *u, const char *kode)
{
    size_t n = strlen(u->wilayah);
    if (!kode || !n || strncmp(kode, u->wilayah, n) != 0)
        return false;
    return kode[n] == 0 || kode[n] == '.';
}

bool tb_scope_posyandu_ok(const tb_user *u, const tb_posyandu_info *p)
{
    if (!tb_scope_code_ok(u, p->desa))
        return false;
    return u->posyandu_id <= 0 || u->posyandu_id == p->id;
}

bool tb_scope_anak_ok(const tb_user *u, const tb_anak_info *a)
{
    if (!tb_scope_code_ok(u, a->desa))
        return false;
    return u->posyandu_id <= 0 || u->posyandu_id == a->posyandu_id;
}

static const char *const ROLES[TB_ROLE_COUNT] = {"admin_kab",      "tpps_kab", "opd",   "tpps_kec",
                                                 "gizi_puskesmas", "desa",     "kader", "tpk"};

unsigned tb_role_bit(const char *peran)
{
    for (int i = 0; i < TB_ROLE_COUNT; i++)
        if (!strcmp(peran, ROLES[i]))
            return 1u << i;
    return 0;
}

const char *tb_role_name(int i)
{
    return i >= 0 && i < TB_ROLE_COUNT ? ROLES[i] : "?";
}

bool tb_role_sees_names(const tb_user *u)
{
    return (tb_role_bit(u->peran) & TB_ROLES_NAMES) != 0;
}

bool tb_role_enters(const tb_user *u)
{
    return (tb_role_bit(u->peran) & TB_ROLES_ENTER) != 0;
}

const char *tb_role_label(const char *peran)
{
    static const char *const map[][2] = {{"admin_kab", "Admin kabupaten"},
                                         {"tpps_kab", "TPPS kabupaten"},
                                         {"opd", "Anggota OPD"},
                                         {"tpps_kec", "TPPS kecamatan"},
                                         {"gizi_puskesmas", "Petugas gizi puskesmas"},
                                         {"desa", "Desa (bidan desa, KPM)"},
                                         {"kader", "Kader posyandu"},
                                         {"tpk", "Tim Pendamping Keluarga"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i][0], peran))
            return map[i][1];
    return peran;
}
