/*
 * session.c - sessions, CSRF tokens and the login throttle.
 *
 * Sessions live in the store (sesi.h), so a restart logs nobody out: a
 * random 256-bit token in an HttpOnly, SameSite=Strict cookie (Secure
 * behind TLS), of which only a BLAKE2b hash (crypto_generichash) is stored,
 * with its own random CSRF token that every form and API write must echo.
 * A session stays alive while used and ends after the idle time (8 hours
 * by default); the last-used time is written at most once a minute, so a
 * request costs one indexed lookup. A deactivated user's session ends at
 * its next request.
 *
 * Login throttle (in memory): failures are counted per (name, address),
 * per address and per name; past each bar the next attempt must wait a
 * delay that doubles with every further failure, up to 15 minutes. The bar
 * for a name from every address together is high, so an attacker
 * elsewhere cannot lock a cadre out of her account.
 */
#include <math.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/password.h"
#include "store/sesi.h"
#include "web/session.h"

#define COOKIE_AGE (30 * 24 * 3600) /* the server decides expiry, not the cookie */
#define MAX_TRACK 4096
#define DELAY_CAP (15 * 60 * 1000LL) /* milliseconds */
#define FORGET (3600 * 1000LL)       /* failures forgotten after an hour without one */

typedef struct {
    char key[140];
    int fails;
    long long last, until; /* milliseconds (now_ms): a 1 s delay is a whole second */
} attempt;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static attempt attempts[MAX_TRACK];
static long idle_seconds = 8 * 3600;
static long touch_every = 60;
static char dummy_hash[TB_PW_HASH_LEN];

void tb_session_init(double idle_hours)
{
    if (sodium_init() < 0)
        fprintf(stderr, "tumbuh serve: libsodium init failed\n");
    if (idle_hours > 0) {
        idle_seconds = lround(idle_hours * 3600);
        if (idle_seconds < 1)
            idle_seconds = 1;
    }
    touch_every = idle_seconds / 4 < 60 ? idle_seconds / 4 : 60;
    char pw[65];
    unsigned char b[32];
    randombytes_buf(b, sizeof b);
    sodium_bin2hex(pw, sizeof pw, b, sizeof b);
    tb_password_hash(pw, getenv("TUMBUH_FAST_HASH") ? TB_PW_MIN : TB_PW_INTERACTIVE, dummy_hash);
}

const char *tb_login_dummy_hash(void)
{
    return dummy_hash;
}

static void random_hex(char out[65])
{
    unsigned char b[32];
    randombytes_buf(b, sizeof b);
    sodium_bin2hex(out, 65, b, sizeof b);
}

static void token_hash(const char *token, unsigned char out[TB_SESI_HASH_LEN])
{
    crypto_generichash(out, TB_SESI_HASH_LEN, (const unsigned char *)token, strlen(token), NULL, 0);
}

static bool hex64(const char *t)
{
    if (!t || strlen(t) != 64)
        return false;
    for (int i = 0; i < 64; i++)
        if (!strchr("0123456789abcdef", t[i]) || !t[i])
            return false;
    return true;
}

void tb_session_load(tb_req *q)
{
    const char *tok = tb_req_cookie(q, "tumbuh_sesi");
    if (!hex64(tok))
        return;
    unsigned char h[TB_SESI_HASH_LEN];
    token_hash(tok, h);
    tb_sesi s;
    if (tb_store_sesi_get(q->store, h, &s) != 1)
        return;
    long now = (long)time(NULL);
    if (now - s.dipakai > idle_seconds || !s.user.aktif) {
        tb_store_sesi_delete(q->store, h); /* idle, or the user deactivated: ended */
        return;
    }
    if (now - s.dipakai >= touch_every)
        tb_store_sesi_touch(q->store, h, now);
    q->user = s.user;
    memcpy(q->csrf, s.csrf, sizeof q->csrf);
    memcpy(q->session, tok, 64);
    q->session[64] = 0;
    q->logged_in = true;
}

static void set_cookie(const tb_req *q, tb_res *r, const char *token, int max_age)
{
    snprintf(r->cookie, sizeof r->cookie,
             "tumbuh_sesi=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", token, max_age,
             q->secure ? "; Secure" : "");
}

int tb_session_create(tb_req *q, tb_res *r, const tb_user *u)
{
    long now = (long)time(NULL);
    char token[65], csrf[65];
    random_hex(token);
    random_hex(csrf);
    unsigned char h[TB_SESI_HASH_LEN];
    token_hash(token, h);
    tb_store_sesi_purge(q->store, now - idle_seconds);
    if (tb_store_sesi_create(q->store, h, u->id, csrf, now, q->ip) < 0)
        return -1;
    memcpy(q->session, token, sizeof q->session);
    memcpy(q->csrf, csrf, sizeof q->csrf);
    set_cookie(q, r, q->session, COOKIE_AGE);
    q->user = *u;
    q->logged_in = true;
    return 0;
}

void tb_session_destroy(tb_req *q, tb_res *r)
{
    if (q->session[0]) {
        unsigned char h[TB_SESI_HASH_LEN];
        token_hash(q->session, h);
        tb_store_sesi_delete(q->store, h);
    }
    set_cookie(q, r, "", 0);
    q->logged_in = false;
}

int tb_session_end_user(tb_req *q, long user_id)
{
    int n = 0;
    return tb_store_sesi_delete_user(q->store, user_id, &n) < 0 ? -1 : n;
}

bool tb_session_csrf_ok(const tb_req *q)
{
    const char *t = tb_req_form(q, "csrf");
    if (!t)
        t = tb_req_header(q, "X-CSRF-Token");
    return q->csrf[0] && t && strlen(t) == 64 && sodium_memcmp(t, q->csrf, 64) == 0;
}

/* ---- the login form's pre-session token ---- */

void tb_login_pretoken(const tb_req *q, tb_res *r, char out[65])
{
    const char *c = tb_req_cookie(q, "tumbuh_pra");
    if (hex64(c)) {
        memcpy(out, c, 65);
        return;
    }
    random_hex(out);
    snprintf(r->cookie, sizeof r->cookie, "tumbuh_pra=%s; Path=/masuk; HttpOnly; SameSite=Strict%s",
             out, q->secure ? "; Secure" : "");
}

bool tb_login_pretoken_ok(const tb_req *q)
{
    const char *c = tb_req_cookie(q, "tumbuh_pra"), *f = tb_req_form(q, "csrf");
    return hex64(c) && f && strlen(f) == 64 && sodium_memcmp(c, f, 64) == 0;
}

/* ---- login throttle ---- */

/* The entry of key (forgetting stale ones); NULL when absent and !create. */
/* Milliseconds on the monotonic clock. */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static attempt *find_attempt(const char *key, long long now, bool create)
{
    attempt *free_slot = NULL, *oldest = &attempts[0];
    for (int i = 0; i < MAX_TRACK; i++) {
        attempt *a = &attempts[i];
        if (a->key[0] && now - a->last > FORGET && now >= a->until)
            memset(a, 0, sizeof *a);
        if (a->key[0] && !strcmp(a->key, key))
            return a;
        if (!a->key[0] && !free_slot)
            free_slot = a;
        if (a->last < oldest->last)
            oldest = a;
    }
    if (!create)
        return NULL;
    if (!free_slot)
        free_slot = oldest;
    memset(free_slot, 0, sizeof *free_slot);
    snprintf(free_slot->key, sizeof free_slot->key, "%s", key);
    return free_slot;
}

/* The three keys of an attempt and the failures each may have before the
 * delays start. */
static const int BARS[3] = {3, 10, 50};

static void keys(const char *ip, const char *user, char k[3][140])
{
    snprintf(k[0], 140, "p:%.60s\n%.64s", user, ip);
    snprintf(k[1], 140, "a:%.64s", ip);
    snprintf(k[2], 140, "u:%.60s", user);
}

int tb_login_wait(const char *ip, const char *username)
{
    char k[3][140];
    keys(ip, username, k);
    long long now = now_ms(), wait = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < 3; i++) {
        attempt *a = find_attempt(k[i], now, false);
        if (a && a->until - now > wait)
            wait = a->until - now;
    }
    pthread_mutex_unlock(&lock);
    return (int)((wait + 999) / 1000); /* whole seconds, rounded up */
}

int tb_login_record(const char *ip, const char *username, bool ok)
{
    char k[3][140];
    keys(ip, username, k);
    long long now = now_ms(), delay = 0;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < 3; i++) {
        attempt *a = find_attempt(k[i], now, !ok);
        if (!a)
            continue;
        if (ok) {
            if (i != 1) /* the address keeps its count: other names behind it */
                memset(a, 0, sizeof *a);
            continue;
        }
        a->fails++;
        a->last = now;
        if (a->fails >= BARS[i]) {
            int n = a->fails - BARS[i];
            long long d = n >= 10 ? DELAY_CAP : 1000LL << n;
            if (d > DELAY_CAP)
                d = DELAY_CAP;
            a->until = now + d;
            if (d > delay)
                delay = d;
        }
    }
    pthread_mutex_unlock(&lock);
    return (int)(delay / 1000);
}
