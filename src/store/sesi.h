/*
 * sesi.h - login sessions kept in the store (sesi.c), so a restart of the
 * server logs nobody out. The store sees only a hash of a session's token
 * (TB_SESI_HASH_LEN bytes, made by the web layer), never the token itself.
 * Part of the store module (store.h).
 */
#ifndef TB_STORE_SESI_H
#define TB_STORE_SESI_H

#include "store/store.h"
#include "store/users.h"

#define TB_SESI_HASH_LEN 32

/* A live session as read with its user. */
typedef struct {
    tb_user user;
    char csrf[65];
    long dipakai; /* last used, unix seconds */
} tb_sesi;

/* Stores a new session: token hash, user, CSRF token, now (unix seconds)
 * as created and last used, the client address. 0, or -1 on error. */
int tb_store_sesi_create(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN], long user,
                         const char *csrf, long now, const char *ip);

/* Reads the session of a token hash with its user in one indexed lookup:
 * 1 found, 0 none, -1 error. Expiry and the user's aktif flag are the
 * caller's to judge. */
int tb_store_sesi_get(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN], tb_sesi *out);

/* Sets a session's last-used time. 0 or -1. */
int tb_store_sesi_touch(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN], long now);

/* Ends one session. 0 or -1. */
int tb_store_sesi_delete(tb_store *s, const unsigned char hash[TB_SESI_HASH_LEN]);

/* Ends every session of a user; *n (may be NULL) gets how many. 0 or -1. */
int tb_store_sesi_delete_user(tb_store *s, long user, int *n);

/* Removes the sessions last used before `before` (unix seconds). 0 or -1. */
int tb_store_sesi_purge(tb_store *s, long before);

#endif
