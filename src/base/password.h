/*
 * password.h - password hashing with argon2id (libsodium crypto_pwhash_str).
 *
 * The stored string carries its own parameters (algorithm, memory, passes,
 * salt), so a hash made with light parameters (demo users for tests) still
 * verifies when the default is heavier.
 */
#ifndef TB_PASSWORD_H
#define TB_PASSWORD_H

#include <stddef.h>

/* Hash strength: interactive (login, default: argon2id m = 19 MiB, t = 2,
 * OWASP's configuration) or minimal (tests only). */
typedef enum { TB_PW_INTERACTIVE = 0, TB_PW_MIN = 1 } tb_pw_strength;

/* The size of a buffer that holds a hash string. */
#define TB_PW_HASH_LEN 128

/* Hashes password into out (TB_PW_HASH_LEN bytes); 0 or -1 (out of memory). */
int tb_password_hash(const char *password, tb_pw_strength strength, char out[TB_PW_HASH_LEN]);

/* 1 when password matches hash, 0 otherwise (also for a malformed hash). */
int tb_password_verify(const char *hash, const char *password);

/* The size of a one-time password: "xxxx-xxxx-xxxx" and its terminator. */
#define TB_PW_ONETIME_LEN 15

/* A random one-time password (12 letters and digits without look-alikes,
 * in groups of four) for a new user or a reset. 0 or -1. */
int tb_password_onetime(char out[TB_PW_ONETIME_LEN]);

#endif
