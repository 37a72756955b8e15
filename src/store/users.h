/*
 * users.h - users (pengguna) of the store: create, look up, change password.
 * Part of the store module (store.h). Passwords arrive already hashed
 * (password.h); the store never sees a clear password.
 */
#ifndef TB_STORE_USERS_H
#define TB_STORE_USERS_H

#include "base/password.h"
#include "store/store.h"

typedef struct {
    long id;
    char username[64];
    char nama[128];
    char peran[24];   /* admin_kab, tpps_kab, opd, tpps_kec, gizi_puskesmas, desa, kader, tpk */
    char wilayah[16]; /* scope: Kemendagri code */
    long posyandu_id; /* scope: one posyandu (cadres), 0 = the whole wilayah */
    char hash[TB_PW_HASH_LEN];
    int aktif;
} tb_user;

/* Creates a user; *id gets its id. -1 on error (e.g. the name exists). */
int tb_store_user_create(tb_store *s, const char *username, const char *nama, const char *hash,
                         const char *peran, const char *wilayah, long posyandu_id, long *id);

/* Looks a user up by name / by id: 1 found, 0 not found, -1 error. */
int tb_store_user_by_name(tb_store *s, const char *username, tb_user *out);
int tb_store_user_by_id(tb_store *s, long id, tb_user *out);

/* Replaces user id's password hash, audited as a change by that user (the
 * audit row says the password changed, never the hash). 0 or -1. */
int tb_store_user_set_hash(tb_store *s, long id, const char *hash);

#endif
