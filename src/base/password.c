/*
 * password.c - argon2id password hashes via libsodium.
 */
#include "base/password.h"

#include <sodium.h>
#include <string.h>

int tb_password_hash(const char *password, tb_pw_strength strength, char out[TB_PW_HASH_LEN])
{
    if (sodium_init() < 0)
        return -1;
    unsigned long long ops = strength == TB_PW_MIN ? crypto_pwhash_argon2id_OPSLIMIT_MIN
                                                   : crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
    size_t mem = strength == TB_PW_MIN ? crypto_pwhash_argon2id_MEMLIMIT_MIN
                                       : crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
    _Static_assert(crypto_pwhash_argon2id_STRBYTES <= TB_PW_HASH_LEN, "hash buffer too small");
    return crypto_pwhash_argon2id_str(out, password, strlen(password), ops, mem) == 0 ? 0 : -1;
}

int tb_password_verify(const char *hash, const char *password)
{
    if (sodium_init() < 0 || !hash || strncmp(hash, "$argon2id$", 10) != 0)
        return 0;
    return crypto_pwhash_argon2id_str_verify(hash, password, strlen(password)) == 0;
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
