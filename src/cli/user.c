/*
 * user.c - `tumbuh user`: user administration from the server, so that an
 * administrator locked out of the web application can recover. Every
 * change is audited as the system user (pengguna_id NULL).
 *
 *   tumbuh user add --username U --nama N --peran P (--wilayah CODE | --posyandu ID)
 *                   [--telepon T] [--password-file F]
 *   tumbuh user list
 *   tumbuh user reset U | disable U | enable U
 *   tumbuh user lembaga U KODE   (the institution whose actions an OPD member follows)
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/password.h"
#include "cli/commands.h"
#include "store/store.h"
#include "store/rapat.h"
#include "store/users.h"

/* Prints the usage to out; 2 (the exit status of a usage error). */
static int usage(FILE *out)
{
    fputs("pemakaian:\n"
          "  tumbuh user add --username U --nama N --peran P (--wilayah KODE | --posyandu ID)\n"
          "                  [--telepon T] [--password-file BERKAS]\n"
          "  tumbuh user list\n"
          "  tumbuh user reset U     (kata sandi sekali pakai dicetak)\n"
          "  tumbuh user disable U\n"
          "  tumbuh user enable U\n"
          "  tumbuh user lembaga U KODE   (lembaga pengguna OPD: tindakannya yang diikuti)\n",
          out);
    return 2;
}

static tb_pw_strength strength(void)
{
    return getenv("TUMBUH_FAST_HASH") ? TB_PW_MIN : TB_PW_INTERACTIVE;
}

/* Reads the first line of path into pw (at most n-1 bytes). 0 or -1. */
static int read_password(const char *path, char *pw, size_t n)
{
    FILE *f = fopen(path, "r");
    if (!f || !fgets(pw, (int)n, f)) {
        if (f)
            fclose(f);
        fprintf(stderr, "tumbuh user: berkas kata sandi %s tidak dapat dibaca\n", path);
        return -1;
    }
    fclose(f);
    pw[strcspn(pw, "\r\n")] = 0;
    if (strlen(pw) < 10) {
        fprintf(stderr, "tumbuh user: kata sandi minimal 10 karakter\n");
        return -1;
    }
    return 0;
}

static int parse_add(int argc, char **argv, tb_user *u, const char **pwfile)
{
    memset(u, 0, sizeof *u);
    for (int i = 2; i < argc; i += 2) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            return -1;
        if (!strcmp(a, "--username"))
            snprintf(u->username, sizeof u->username, "%s", v);
        else if (!strcmp(a, "--nama"))
            snprintf(u->nama, sizeof u->nama, "%s", v);
        else if (!strcmp(a, "--peran"))
            snprintf(u->peran, sizeof u->peran, "%s", v);
        else if (!strcmp(a, "--wilayah"))
            snprintf(u->wilayah, sizeof u->wilayah, "%s", v);
        else if (!strcmp(a, "--posyandu"))
            u->posyandu_id = atol(v);
        else if (!strcmp(a, "--telepon"))
            snprintf(u->telepon, sizeof u->telepon, "%s", v);
        else if (!strcmp(a, "--password-file"))
            *pwfile = v;
        else
            return -1;
    }
    return u->username[0] && u->peran[0] ? 0 : -1;
}

static int cmd_add(tb_store *s, int argc, char **argv)
{
    tb_user u;
    const char *pwfile = NULL;
    if (parse_add(argc, argv, &u, &pwfile))
        return usage(stderr);
    const char *why = tb_store_user_refusal(s, NULL, &u);
    if (why) {
        fprintf(stderr, "tumbuh user add: %s\n", why);
        return 1;
    }
    char pw[256], hash[TB_PW_HASH_LEN];
    if (pwfile ? read_password(pwfile, pw, sizeof pw) : tb_password_onetime(pw))
        return 1;
    if (tb_password_hash(pw, strength(), hash) < 0 || tb_store_user_add(s, 0, &u, hash, !pwfile)) {
        fprintf(stderr, "tumbuh user add: %s\n", tb_store_error(s));
        return 1;
    }
    printf("Pengguna %s dibuat (id %ld, %s, wilayah %s).\n", u.username, u.id, u.peran, u.wilayah);
    if (!pwfile)
        printf("Kata sandi sekali pakai: %s\n(wajib diganti saat pertama masuk)\n", pw);
    return 0;
}

static int print_user(void *ctx, const tb_user *u, const char *posyandu)
{
    (void)ctx;
    printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", u->username, u->nama, u->peran, u->wilayah,
           posyandu[0] ? posyandu : "-", u->aktif ? "aktif" : "nonaktif",
           u->login_terakhir[0] ? u->login_terakhir : "-");
    return 0;
}

static int cmd_list(tb_store *s)
{
    printf("username\tnama\tperan\twilayah\tposyandu\tstatus\tlogin_terakhir\n");
    if (tb_store_user_each(s, NULL, print_user, NULL) < 0) {
        fprintf(stderr, "tumbuh user list: %s\n", tb_store_error(s));
        return 1;
    }
    return 0;
}

/* reset, disable, enable of the user named argv[2]. */
static int cmd_change(tb_store *s, const char *what, const char *name)
{
    tb_user u;
    int rc = tb_store_user_by_name(s, name, &u);
    if (rc != 1) {
        fprintf(stderr, "tumbuh user %s: %s\n", what,
                rc < 0 ? tb_store_error(s) : "pengguna tidak ditemukan");
        return 1;
    }
    if (!strcmp(what, "reset")) {
        char pw[TB_PW_ONETIME_LEN], hash[TB_PW_HASH_LEN];
        if (tb_password_onetime(pw) || tb_password_hash(pw, strength(), hash) < 0 ||
            tb_store_user_reset(s, 0, u.id, hash) < 0) {
            fprintf(stderr, "tumbuh user reset: %s\n", tb_store_error(s));
            return 1;
        }
        printf("Kata sandi sekali pakai untuk %s: %s\n(wajib diganti saat pertama masuk)\n",
               u.username, pw);
        return 0;
    }
    int aktif = !strcmp(what, "enable");
    if (tb_store_user_set_aktif(s, 0, u.id, aktif) < 0) {
        fprintf(stderr, "tumbuh user %s: %s\n", what, tb_store_error(s));
        return 1;
    }
    printf("Pengguna %s %s.\n", u.username, aktif ? "diaktifkan" : "dinonaktifkan");
    return 0;
}

/* Links the user named name to institution kode. 0, or 1 (message given). */
static int cmd_lembaga(const char *name, const char *kode)
{
    char err[512];
    tb_store *s;
    if (tb_store_open(tb_store_default_path(NULL), &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh user lembaga: %s\n", err);
        return 1;
    }
    tb_user u;
    int rc = tb_store_user_by_name(s, name, &u);
    if (rc == 1)
        rc = tb_store_pengguna_lembaga_set(s, 0, u.id, kode) == 0 ? 1 : -1;
    if (rc != 1)
        fprintf(stderr, "tumbuh user lembaga: %s\n",
                rc < 0 ? tb_store_error(s) : "pengguna tidak ditemukan");
    else
        printf("Pengguna %s terhubung ke lembaga %s.\n", u.username, kode);
    tb_store_close(s);
    return rc == 1 ? 0 : 1;
}

int tb_cmd_user(int argc, char **argv)
{
    if (argc < 2)
        return usage(stderr);
    const char *sub = argv[1];
    if (!strcmp(sub, "--help") || !strcmp(sub, "-h"))
        return usage(stdout), 0;
    if (!strcmp(sub, "lembaga") && argc == 4)
        return cmd_lembaga(argv[2], argv[3]);
    bool one = !strcmp(sub, "reset") || !strcmp(sub, "disable") || !strcmp(sub, "enable");
    if (!(one && argc == 3) && strcmp(sub, "add") && !(!strcmp(sub, "list") && argc == 2))
        return usage(stderr);
    char err[512];
    tb_store *s;
    if (tb_store_open(tb_store_default_path(NULL), &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh user: %s\n", err);
        return 1;
    }
    int status = !strcmp(sub, "add")    ? cmd_add(s, argc, argv)
                 : !strcmp(sub, "list") ? cmd_list(s)
                                        : cmd_change(s, sub, argv[2]);
    tb_store_close(s);
    return status;
}
