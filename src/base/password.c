/*
 * password.c - argon2id password hashes via libsodium.
 */
#include "base/password.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

/* One argon2id computation at a time in the process: each takes its memory
 * limit (64 MiB interactive) while it runs, so concurrent logins of a
 * server's workers would otherwise add up to several times that. */
static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;

int tb_password_hash(const char *password, tb_pw_strength strength, char out[TB_PW_HASH_LEN])
{
    if (sodium_init() < 0)
        return -1;
    /* interactive: OWASP's argon2id configuration m = 19 MiB, t = 2 (the
     * Password Storage Cheat Sheet), not libsodium's 64 MiB: the server's
     * whole memory stays under 100 MB while a login is checked */
    unsigned long long ops = strength == TB_PW_MIN ? crypto_pwhash_argon2id_OPSLIMIT_MIN : 2;
    size_t mem = strength == TB_PW_MIN ? crypto_pwhash_argon2id_MEMLIMIT_MIN : 19u << 20;
    _Static_assert(crypto_pwhash_argon2id_STRBYTES <= TB_PW_HASH_LEN, "hash buffer too small");
    pthread_mutex_lock(&one_at_a_time);
    int rc = crypto_pwhash_argon2id_str(out, password, strlen(password), ops, mem);
    pthread_mutex_unlock(&one_at_a_time);
    return rc == 0 ? 0 : -1;
}

int tb_password_verify(const char *hash, const char *password)
{
    if (sodium_init() < 0 || !hash || strncmp(hash, "$argon2id$", 10) != 0)
        return 0;
    pthread_mutex_lock(&one_at_a_time);
    int rc = crypto_pwhash_argon2id_str_verify(hash, password, strlen(password));
    pthread_mutex_unlock(&one_at_a_time);
    return rc == 0;
}

int tb_password_onetime(char out[TB_PW_ONETIME_LEN])
{
    static const char alpha[] = "abcdefghjkmnpqrstuvwxyz23456789"; /* no 0/o, 1/l/i */
    if (sodium_init() < 0)
        return -1;
    size_t k = 0;
    for (int i = 0; i < 12; i++) {
        if (i && i % 4 == 0)
            out[k++] = '-';
        out[k++] = alpha[randombytes_uniform((uint32_t)(sizeof alpha - 1))];
    }
    out[k] = 0;
    return 0;
}
