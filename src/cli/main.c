/*
 * main.c - the `tumbuh` program: dispatches to the commands, one per file in src/cli/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "import/import.h"
#include "store/store.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"zscore", tb_cmd_zscore, "z-score WHO, flag dan kategori Permenkes untuk file CSV"},
    {"prevalence", tb_cmd_prevalence, "estimasi prevalensi (metode WHO) untuk file CSV"},
    {"serve", tb_cmd_serve, "aplikasi web (kabupaten demo dibuat bila basis data kosong)"},
    {"init", tb_cmd_init,
     "menyiapkan kabupaten sungguhan: daftar wilayah nasional, kabupaten, admin pertama"},
    {"demo", tb_cmd_demo, "mengisi basis data kosong dengan kabupaten demo (Sukamaju)"},
    {"import", tb_cmd_import, "impor data e-PPGBM, keluarga, catin atau wilayah (CSV/XLSX)"},
    {"report", tb_cmd_report, "laporan (SKDN, prevalensi, daftar...) sebagai CSV, XLSX, PDF"},
    {"routes", tb_cmd_routes, "URL aplikasi web: metode, pola, peran, login/CSRF"},
    {"user", tb_cmd_user, "pengguna: add, list, reset (sandi sekali pakai), disable, enable"},
};

static void usage(FILE *out)
{
    fprintf(out, "pemakaian: tumbuh [--db FILE] PERINTAH [OPSI]\n\n"
                 "--db FILE   basis data SQLite (bawaan $TUMBUH_DB, selain itu tumbuh.db)\n\n"
                 "perintah:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`tumbuh PERINTAH --help` menjelaskan satu perintah.\n");
}

int main(int argc, char **argv)
{
    /* tumbuh --db PATH COMMAND ...: the store for every command that uses one */
    while (argc >= 3 && !strcmp(argv[1], "--db")) {
        setenv("TUMBUH_DB", argv[2], 1);
        argv[2] = argv[0];
        argv += 2;
        argc -= 2;
    }
    tb_store_global_init();
    tb_store_on_create(tb_import_wilayah_new_db); /* every new database knows Indonesia */
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tumbuh: perintah tidak dikenal: '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
