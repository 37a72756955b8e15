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
    int sandi_sementara;     /* 1: a one-time password, to change at first login */
    char telepon[32];        /* may be empty */
    char login_terakhir[24]; /* UTC, ISO 8601; empty = never */
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

/* Creates user *u (username, nama, peran, wilayah, posyandu_id, telepon)
 * with a password hash, a one-time one (to change at first login) when
 * sementara, audited as done by user `by` (0 = the system); u->id gets
 * the new id. 0 or -1. */
int tb_store_user_add(tb_store *s, long by, tb_user *u, const char *hash, int sementara);

/* Why user *u may not be created by `by` (NULL = the system, no limit),
 * in Bahasa Indonesia, or NULL when it may: a known role, a username of
 * 3-60 letters, digits, '.', '_' or '-' not taken yet, a name, the area
 * of the role's level (kabupaten, kecamatan or desa; a cadre's posyandu,
 * whose desa becomes u->wilayah) and inside by's area, and a role not
 * above by's own level. -1 store errors also give a reason. */
const char *tb_store_user_refusal(tb_store *s, const tb_user *by, tb_user *u);

/* The level of a role's area: 2 kabupaten, 3 kecamatan, 4 desa (kader and
 * desa roles), -1 unknown role. */
int tb_user_role_level(const char *peran);

/* Sets a one-time password hash for user id (a reset by `by`): it must be
 * changed at the next login, and the user's sessions end; audited. 0 or -1. */
int tb_store_user_reset(tb_store *s, long by, long id, const char *hash);

/* Activates (1) or deactivates (0) user id, audited as by `by`. 0 or -1. */
int tb_store_user_set_aktif(tb_store *s, long by, long id, int aktif);

/* Records a successful login of user id (login_terakhir = now). 0 or -1. */
int tb_store_user_login(tb_store *s, long id);

/* Calls fn for every user whose area is inside wilayah (all when NULL or
 * empty), by username; posyandu is the cadre's posyandu name or "".
 * Stops early when fn returns non-zero. 0 or -1. */
int tb_store_user_each(tb_store *s, const char *wilayah,
                       int (*fn)(void *ctx, const tb_user *u, const char *posyandu), void *ctx);

#endif
