/*
 * routes.h - the route table: the one list of every URL of `tumbuh serve`
 * (routes.c), and the router that dispatches a request by it.
 *
 * A route is a method, a path pattern, the roles that may call it and
 * whether it needs login and the CSRF token. Patterns are literal
 * segments, {name} (one path segment, read with tb_req_param(q, "name"))
 * and a trailing * (the rest of the path, tb_req_param(q, "*")). The
 * router loads the session, matches the table top to bottom, and checks
 * login, the CSRF token of a write and the role mask before the handler
 * runs. `tumbuh routes` prints the table; tests/cli/web_scope.sh calls
 * every route as every role from it.
 */
#ifndef TB_WEB_ROUTES_H
#define TB_WEB_ROUTES_H

#include <stdio.h>

#include "web/http.h"

/* roles: a mask of TB_ROLE_* bits (scope.h), or this for no login at all */
#define TB_ROLE_PUBLIC (1u << 31)

enum {
    TB_ROUTE_LOGIN = 1 << 0,  /* needs a live session */
    TB_ROUTE_CSRF = 1 << 1,   /* needs the session's CSRF token (form field or header) */
    TB_ROUTE_UPLOAD = 1 << 2, /* a file as the body, streamed to disk (tb_route_plan_body) */
};

typedef struct {
    const char *method;  /* GET (also answers HEAD) or POST */
    const char *pattern; /* e.g. /anak/{id}/kartu, or /aset/ then a star */
    tb_handler *handler;
    unsigned roles;   /* TB_ROLE_* mask, or TB_ROLE_PUBLIC */
    unsigned flags;   /* TB_ROUTE_LOGIN, TB_ROUTE_CSRF */
    const char *deny; /* the 403 message for a role outside the mask (NULL: a general one) */
    const char *doc;  /* what the route does and its parameters, one line */
} tb_route;

/* The route table and its length (*n). Static; never freed. */
const tb_route *tb_routes(size_t *n);

/* The router (a tb_handler for http.h): session, match, login, CSRF and
 * role checks, then the route's handler; 404 when no route matches. */
void tb_route_dispatch(tb_req *q, tb_res *r);

/* The plan_body of http.h: for a route with TB_ROUTE_UPLOAD whose body is
 * not a form, checks login, role and the CSRF token (X-CSRF-Token header)
 * and the announced Content-Length before any byte is read, then streams
 * the body to disk (at most tb_impor_max_bytes); 0 (in memory) for any
 * other request. -1 with r answered when refused. */
long long tb_route_plan_body(tb_req *q, tb_res *r);

/* Does path match pattern? On a match fills q's path parameters (when q
 * is not NULL). No allocation. */
bool tb_route_match(const char *pattern, const char *path, tb_req *q);

/* Checks the table is consistent (public routes need no login, logged-in
 * writes need CSRF, at most TB_REQ_MAX_PARAMS parameters). 0 when it is,
 * else -1 with the reasons written to err. */
int tb_routes_check(FILE *err);

#endif
