/*
 * antrian.h - the key of each user's offline queue (antrian). The posyandu
 * day keeps unsent entries in the browser's localStorage encrypted with a
 * per-user key that only that user's session receives (GET /api/v1/saya),
 * so a shared phone does not show one user's entries to the next.
 * Part of the store module (store.h); keys are opaque base64 text here.
 */
#ifndef TB_STORE_ANTRIAN_H
#define TB_STORE_ANTRIAN_H

#include "store/store.h"

#define TB_ANTRIAN_KEY_LEN 64 /* room for base64 of 32 bytes (44) and NUL */

/* The queue key of user user_id into out: the stored one, or fresh (the
 * caller's new random key, base64) stored now when the user has none yet.
 * The same user always gets the same key. 0, or -1 on a store error. */
int tb_store_antrian_kunci(tb_store *s, long user_id, const char *fresh,
                           char out[TB_ANTRIAN_KEY_LEN]);

#endif
