/*
 * init.c - `tumbuh init --kabupaten CODE [--admin NAME] [--password-file F]`:
 * sets up a real district's database. The national code list is loaded
 * (import.h: checked against its SHA-256) so that the kabupaten, its
 * kecamatan and desa are there; the district the database serves is
 * recorded (pengaturan 'kabupaten'); the first administrator (admin_kab over
 * that kabupaten) is created with a password typed twice (stdin a
 * terminal), read from a file, or generated and printed once. A database
 * that already serves a district or has users is refused.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "base/password.h"
#include "cli/commands.h"
#include "import/import.h"
#include "store/store.h"
#include "store/users.h"
#include "store/wilayah.h"

typedef struct {
    const char *kabupaten;
    const char *admin;
    const char *password_file;
    const char *wilayah_dir;
} init_options;

/* Prints the usage to out; 2 (the exit status of a usage error). */
static int usage(FILE *out)
{
    fprintf(out, "pemakaian: tumbuh [--db FILE] init --kabupaten KODE [--admin NAMA]"
                 " [--password-file BERKAS] [--wilayah-dir FOLDER]\n"
                 "  KODE: kode Kemendagri kabupaten/kota, mis. 35.07 (Kabupaten Malang)\n");
    return 2;
}

static int parse_args(int argc, char **argv, init_options *o)
{
    *o = (init_options){.admin = "admin", .wilayah_dir = tb_wilayah_list_dir()};
    for (int i = 1; i < argc; i += 2) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v)
            return -1;
        if (!strcmp(argv[i], "--kabupaten"))
            o->kabupaten = v;
        else if (!strcmp(argv[i], "--admin"))
            o->admin = v;
        else if (!strcmp(argv[i], "--password-file"))
            o->password_file = v;
        else if (!strcmp(argv[i], "--wilayah-dir"))
            o->wilayah_dir = v;
        else
            return -1;
    }
    return o->kabupaten && *o->admin ? 0 : -1;
}

/* Reads one line from f into buf without its newline. 0 or -1. */
static int read_line(FILE *f, char *buf, size_t n)
{
    if (!fgets(buf, (int)n, f))
        return -1;
    buf[strcspn(buf, "\r\n")] = 0;
    return 0;
}

/* Asks for the password on the terminal, hidden, twice. 0 or -1. */
static int ask_password(char *pw, size_t n)
{
    struct termios old, quiet;
    char again[256];
    if (tcgetattr(0, &old))
        return -1;
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(0, TCSAFLUSH, &quiet);
    fprintf(stderr, "Kata sandi admin: ");
    int rc = read_line(stdin, pw, n);
    fprintf(stderr, "\nUlangi kata sandi: ");
    rc = rc || read_line(stdin, again, sizeof again);
    fprintf(stderr, "\n");
    tcsetattr(0, TCSAFLUSH, &old);
    if (!rc && strcmp(pw, again)) {
        fprintf(stderr, "tumbuh init: kedua kata sandi tidak sama\n");
        rc = -1;
    }
    sodium_memzero(again, sizeof again);
    return rc ? -1 : 0;
}

/* Fills pw with 16 random characters (no look-alikes). */
static void generate_password(char *pw)
{
    static const char set[] = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY3479";
    for (int i = 0; i < 16; i++)
        pw[i] = set[randombytes_uniform(sizeof set - 1)];
    pw[16] = 0;
}

/* The administrator's password: from the file, the terminal, or generated
 * (*generated set). 0 or -1 (message printed). */
static int get_password(const init_options *o, char *pw, size_t n, int *generated)
{
    *generated = 0;
    if (o->password_file) {
        FILE *f = fopen(o->password_file, "r");
        int rc = f ? read_line(f, pw, n) : -1;
        if (f)
            fclose(f);
        if (rc) {
            fprintf(stderr, "tumbuh init: %s tidak dapat dibaca\n", o->password_file);
            return -1;
        }
    } else if (isatty(0)) {
        if (ask_password(pw, n))
            return -1;
    } else {
        generate_password(pw);
        *generated = 1;
    }
    if (strlen(pw) < 10) {
        fprintf(stderr, "tumbuh init: kata sandi minimal 10 karakter\n");
        return -1;
    }
    return 0;
}

/* Refuses a database that serves a district or has users already, and a
 * code that is not a kabupaten/kota of the list. 0 or -1 (message printed). */
static int check_target(tb_store *s, const char *kab, char *nama, size_t n)
{
    char have[32];
    int set = tb_store_setting_get(s, "kabupaten", have, sizeof have);
    long users = tb_store_count(s, "pengguna");
    if (set < 0 || users < 0) {
        fprintf(stderr, "tumbuh init: %s\n", tb_store_error(s));
        return -1;
    }
    if (set || users > 0) {
        fprintf(stderr,
                "tumbuh init: basis data ini sudah dipakai (%s%s, %ld pengguna); pakai berkas "
                "basis data baru (--db)\n",
                set ? "kabupaten " : "tanpa kabupaten", set ? have : "", users);
        return -1;
    }
    if (tb_wilayah_level(kab) != 2 || tb_store_wilayah_in_list(s, kab) != 1 ||
        tb_store_wilayah_nama(s, kab, nama, n) != 1) {
        fprintf(stderr,
                "tumbuh init: '%s' bukan kode kabupaten/kota dalam daftar kode wilayah "
                "(mis. 35.07 untuk Kabupaten Malang)\n",
                kab);
        return -1;
    }
    return 0;
}

/* Records the district and creates its administrator, in one transaction. */
static int create_district(tb_store *s, const init_options *o, const char *hash)
{
    long id;
    if (tb_store_begin(s) || tb_store_setting_set(s, "kabupaten", o->kabupaten) ||
        tb_store_user_create(s, o->admin, "Administrator kabupaten", hash, "admin_kab",
                             o->kabupaten, 0, &id) ||
        tb_store_commit(s)) {
        fprintf(stderr, "tumbuh init: %s\n", tb_store_error(s));
        tb_store_rollback(s);
        return -1;
    }
    return 0;
}

/* Loads the list, checks, asks for the password and creates the district. */
static int run(tb_store *s, const init_options *o, const char *path)
{
    char err[1024], nama[256], pw[256], hash[TB_PW_HASH_LEN];
    long rows;
    if (tb_import_wilayah_list(s, o->wilayah_dir, &rows, err, sizeof err)) {
        fprintf(stderr, "tumbuh init: %s\n", err);
        return 1;
    }
    int generated;
    if (check_target(s, o->kabupaten, nama, sizeof nama) ||
        get_password(o, pw, sizeof pw, &generated))
        return 1;
    int rc = tb_password_hash(pw, getenv("TUMBUH_FAST_HASH") ? TB_PW_MIN : TB_PW_INTERACTIVE, hash);
    if (!rc)
        rc = create_district(s, o, hash);
    if (!rc) {
        printf("%s disiapkan di %s: %ld kecamatan, %ld desa/kelurahan.\n", nama, path,
               tb_store_wilayah_list_count(s, 3, o->kabupaten),
               tb_store_wilayah_list_count(s, 4, o->kabupaten));
        printf("Admin kabupaten: %s\n", o->admin);
        if (generated)
            printf("Kata sandi (dicetak sekali ini saja, simpan): %s\n", pw);
    }
    sodium_memzero(pw, sizeof pw);
    return rc ? 1 : 0;
}

int tb_cmd_init(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return usage(stdout), 0;
    init_options o;
    if (parse_args(argc, argv, &o))
        return usage(stderr);
    if (sodium_init() < 0)
        return 1;
    const char *path = tb_store_default_path(NULL);
    char err[512];
    tb_store *s;
    if (tb_store_open(path, &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh init: %s\n", err);
        return 1;
    }
    int status = run(s, &o, path);
    tb_store_close(s);
    return status;
}
