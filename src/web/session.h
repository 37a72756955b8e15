/*
 * session.h - login sessions, CSRF tokens and the login rate limit
 * (session.c). The router loads the session and checks the CSRF token of
 * every write before a handler runs; the login page creates and ends
 * sessions.
 */
#ifndef TB_WEB_SESSION_H
#define TB_WEB_SESSION_H

#include <stdbool.h>

#include "store/users.h"
#include "web/http.h"

/* Initialises the random source; call once before serving. */
void tb_session_init(void);
/* Looks up the session of the request's cookie; when it is live and its
 * user active, fills q->user, q->csrf, q->session and sets q->logged_in. */
void tb_session_load(tb_req *q);
/* Creates a session for u (evicting the oldest when full), sets its cookie
 * on r and logs q in. Returns 0. */
int tb_session_create(tb_req *q, tb_res *r, const tb_user *u);
/* Ends q's session and clears the cookie on r. */
void tb_session_destroy(tb_req *q, tb_res *r);
/* Does the request carry the session's CSRF token (form field csrf or the
 * X-CSRF-Token header)? */
bool tb_session_csrf_ok(const tb_req *q);
/* Login rate limit: may this ip/user try now? */
bool tb_login_allowed(const char *ip, const char *username);
/* Records the outcome of a login attempt for the rate limit. */
void tb_login_record(const char *ip, const char *username, bool ok);

#endif
