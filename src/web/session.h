/*
 * session.h - login sessions, CSRF tokens and the login throttle
 * (session.c). The router loads the session and checks the CSRF token of
 * every write before a handler runs; the login and account pages create
 * and end sessions.
 */
#ifndef TB_WEB_SESSION_H
#define TB_WEB_SESSION_H

#include <stdbool.h>

#include "store/users.h"
#include "web/http.h"

/* Initialises the random source, the idle expiry (hours, > 0; fractions
 * allowed) and the dummy password hash of unknown users; call once before
 * serving. */
void tb_session_init(double idle_hours);
/* Looks up the session of the request's cookie (one indexed lookup; the
 * last-used time is written at most once a minute); when it is live and
 * its user active, fills q->user, q->csrf, q->session and sets
 * q->logged_in. An idle session is ended. */
void tb_session_load(tb_req *q);
/* Creates a session for u (stored, so it survives a restart), sets its
 * cookie on r and logs q in. 0, or -1 when the store fails. */
int tb_session_create(tb_req *q, tb_res *r, const tb_user *u);
/* Ends q's session and clears the cookie on r. */
void tb_session_destroy(tb_req *q, tb_res *r);
/* Ends every session of user id (log out everywhere, password change);
 * returns how many were ended, -1 on a store error. */
int tb_session_end_user(tb_req *q, long user_id);
/* Does the request carry the session's CSRF token (form field csrf or the
 * X-CSRF-Token header)? */
bool tb_session_csrf_ok(const tb_req *q);

/* The pre-session CSRF token of the login form: the tumbuh_pra cookie's
 * value, or a new random one set as that cookie on r. out gets 64 hex. */
void tb_login_pretoken(const tb_req *q, tb_res *r, char out[65]);
/* Does the login POST carry the same token in its csrf field as in its
 * tumbuh_pra cookie? */
bool tb_login_pretoken_ok(const tb_req *q);
/* A real argon2id hash of a random password, made at start-up, that an
 * unknown or deactivated user's password is verified against (same cost). */
const char *tb_login_dummy_hash(void);
/* Login throttle: 0 when ip may try username now, else the seconds to wait. */
int tb_login_wait(const char *ip, const char *username);
/* Records the outcome of a login attempt; returns the delay (seconds) this
 * failure imposed on the next attempt, 0 when none. Delays grow 1, 2, 4 ...
 * s up to 15 minutes after 3 failures of one (name, address), 10 of one
 * address, and 50 of one name from every address together. */
int tb_login_record(const char *ip, const char *username, bool ok);

#endif
