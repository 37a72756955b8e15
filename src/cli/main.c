/*
 * main.c - the `tumbuh` program: dispatches to the commands, one per file in src/cli/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "store/store.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"zscore", tb_cmd_zscore, "WHO z-scores, flags and Permenkes categories for a CSV file"},
    {"prevalence", tb_cmd_prevalence, "prevalence estimates (WHO method) for a CSV file"},
    {"serve", tb_cmd_serve,
     "the web application (demo district created when the database is empty)"},
    {"init", tb_cmd_init,
     "set up a real district: the national area list, the kabupaten, its first admin"},
    {"demo", tb_cmd_demo, "fill an empty database with the demo district (Kabupaten Sukamaju)"},
    {"import", tb_cmd_import, "import e-PPGBM, family, catin or wilayah data (CSV or XLSX)"},
    {"report", tb_cmd_report, "a report (SKDN, prevalensi, lists...) as CSV, XLSX or PDF"},
    {"routes", tb_cmd_routes,
     "the URLs of the web application: method, pattern, roles, login/CSRF"},
    {"user", tb_cmd_user, "users: add, list, reset (one-time password), disable, enable"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: tumbuh [--db PATH] COMMAND [OPTIONS]\n\n"
                 "--db PATH   the SQLite database (default $TUMBUH_DB, else tumbuh.db)\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n`tumbuh COMMAND --help` describes a command.\n");
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
    fprintf(stderr, "tumbuh: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
