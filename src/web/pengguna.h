/*
 * pengguna.h - what the user administration pages (pengguna.c) share with
 * the bulk creation (pengguna_impor.c).
 */
#ifndef TB_WEB_PENGGUNA_H
#define TB_WEB_PENGGUNA_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/password.h"
#include "web/http.h"

/* The hash strength for new passwords (light under TUMBUH_FAST_HASH, tests). */
tb_pw_strength tb_pengguna_strength(void);

/* May admin reset or (de)activate u: another user, in admin's area, of a
 * role at admin's level or below? */
bool tb_pengguna_manages(const tb_user *admin, const tb_user *u);

/* Appends the hidden CSRF field of q's session. */
void tb_pengguna_csrf(tb_buf *b, const tb_req *q);

/* Fills *u from text fields (NULL = empty; posyandu a number or empty). */
void tb_pengguna_fill(tb_user *u, const char *nama, const char *username, const char *telepon,
                      const char *peran, const char *wilayah, const char *posyandu);

#endif
