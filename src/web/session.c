/*
 * session.c - sessions, CSRF tokens and the login rate
 * limit.
 *
 * Sessions live in memory (a restart logs everyone out): a random 256-bit
 * token in an HttpOnly, SameSite=Strict cookie (Secure behind TLS), with
 * its own random CSRF token that every form and API write must echo. Idle
 * sessions expire after 8 hours. Login attempts: after 5 failures in 15
 * minutes for one user name (30 from one address), further attempts are
 * refused for 15 minutes. Every login is written to the audit log.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/password.h"
#include "web/session.h"

#define MAX_SESSIONS 8192
#define IDLE_SECONDS (8 * 3600)
#define MAX_FAILS 5     /* per user name */
#define MAX_FAILS_IP 30 /* per address: many cadres share one NAT */
#define FAIL_WINDOW (15 * 60)
#define MAX_TRACK 1024

typedef struct {
    char token[65];
    char csrf[65];
    long user_id;
    time_t seen;
} session;

typedef struct {
    char key[96];
    int fails;
    time_t first;
} attempt;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static session sessions[MAX_SESSIONS];
static attempt attempts[MAX_TRACK];

void tb_session_init(void)
{
    if (sodium_init() < 0)
        fprintf(stderr, "tumbuh serve: libsodium init failed\n");
}

static void random_hex(char out[65])
{
    unsigned char b[32];
    randombytes_buf(b, sizeof b);
    sodium_bin2hex(out, 65, b, sizeof b);
}

static const char *cookie_token(const tb_req *q)
{
    return tb_req_cookie(q, "tumbuh_sesi");
}

void tb_session_load(tb_req *q)
{
    const char *tok = cookie_token(q);
    if (!tok || strlen(tok) != 64)
        return;
    long uid = 0;
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_SESSIONS; i++) {
        session *s = &sessions[i];
        if (s->user_id && sodium_memcmp(s->token, tok, 64) == 0) {
            if (now - s->seen > IDLE_SECONDS) {
                memset(s, 0, sizeof *s);
                break;
            }
            s->seen = now;
            uid = s->user_id;
            memcpy(q->csrf, s->csrf, sizeof q->csrf);
            memcpy(q->session, s->token, sizeof q->session);
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    if (uid && tb_store_user_by_id(q->store, uid, &q->user) == 1 && q->user.aktif)
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
    time_t now = time(NULL);
    int slot = -1;
    pthread_mutex_lock(&lock);
    time_t oldest = now + 1;
    for (int i = 0; i < MAX_SESSIONS; i++) {
        session *s = &sessions[i];
        if (!s->user_id || now - s->seen > IDLE_SECONDS) {
            slot = i;
            break;
        }
        if (s->seen < oldest) {
            oldest = s->seen;
            slot = i;
        }
    }
    session *s = &sessions[slot];
    random_hex(s->token);
    random_hex(s->csrf);
    s->user_id = u->id;
    s->seen = now;
    memcpy(q->session, s->token, sizeof q->session);
    memcpy(q->csrf, s->csrf, sizeof q->csrf);
    pthread_mutex_unlock(&lock);
    set_cookie(q, r, q->session, IDLE_SECONDS);
    q->user = *u;
    q->logged_in = true;
    return 0;
}

void tb_session_destroy(tb_req *q, tb_res *r)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_SESSIONS; i++)
        if (sessions[i].user_id && !strcmp(sessions[i].token, q->session))
            memset(&sessions[i], 0, sizeof sessions[i]);
    pthread_mutex_unlock(&lock);
    set_cookie(q, r, "", 0);
    q->logged_in = false;
}

bool tb_session_csrf_ok(const tb_req *q)
{
    const char *t = tb_req_form(q, "csrf");
    if (!t)
        t = tb_req_header(q, "X-CSRF-Token");
    return q->csrf[0] && t && strlen(t) == 64 && sodium_memcmp(t, q->csrf, 64) == 0;
}

static attempt *find_attempt(const char *key, time_t now, bool create)
{
    attempt *free_slot = NULL;
    for (int i = 0; i < MAX_TRACK; i++) {
        attempt *a = &attempts[i];
        if (a->key[0] && now - a->first > FAIL_WINDOW)
            memset(a, 0, sizeof *a);
        if (a->key[0] && !strcmp(a->key, key))
            return a;
        if (!a->key[0] && !free_slot)
            free_slot = a;
    }
    if (!create)
        return NULL;
    if (!free_slot)
        free_slot = &attempts[(unsigned)now % MAX_TRACK];
    memset(free_slot, 0, sizeof *free_slot);
    snprintf(free_slot->key, sizeof free_slot->key, "%s", key);
    free_slot->first = now;
    return free_slot;
}

bool tb_login_allowed(const char *ip, const char *username)
{
    char k1[96], k2[96];
    snprintf(k1, sizeof k1, "ip:%s", ip);
    snprintf(k2, sizeof k2, "u:%.60s", username);
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    attempt *a = find_attempt(k1, now, false), *b = find_attempt(k2, now, false);
    bool ok = (!a || a->fails < MAX_FAILS_IP) && (!b || b->fails < MAX_FAILS);
    pthread_mutex_unlock(&lock);
    return ok;
}

void tb_login_record(const char *ip, const char *username, bool ok)
{
    char k1[96], k2[96];
    snprintf(k1, sizeof k1, "ip:%s", ip);
    snprintf(k2, sizeof k2, "u:%.60s", username);
    time_t now = time(NULL);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < 2; i++) {
        attempt *a = find_attempt(i ? k2 : k1, now, !ok);
        if (!a)
            continue;
        if (ok && i == 1)
            memset(a, 0, sizeof *a); /* a good login clears the user's count */
        else if (!ok)
            a->fails++;
    }
    pthread_mutex_unlock(&lock);
}
