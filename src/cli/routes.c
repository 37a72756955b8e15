/*
 * routes.c - `tumbuh routes`: prints the web application's route table
 * (web/routes.h), one route per line, tab-separated: method, pattern,
 * roles (comma-separated role names, or "publik"), flags ("login",
 * "login,csrf" or "-") and what the route does. tests/cli/web_scope.sh
 * calls every route as every role from this list.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "web/routes.h"
#include "web/scope.h"

static void print_roles(unsigned roles)
{
    if (roles & TB_ROLE_PUBLIC) {
        fputs("publik", stdout);
        return;
    }
    const char *sep = "";
    for (int i = 0; i < TB_ROLE_COUNT; i++)
        if (roles & (1u << i)) {
            printf("%s%s", sep, tb_role_name(i));
            sep = ",";
        }
}

int tb_cmd_routes(int argc, char **argv)
{
    if (argc > 1) {
        bool help = !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h");
        if (!help)
            fprintf(stderr, "tumbuh routes: argumen tidak dikenal: '%s'\n", argv[1]);
        fprintf(help ? stdout : stderr, "pemakaian: tumbuh routes (daftar URL aplikasi web:"
                                        " metode, pola, peran, login/CSRF)\n");
        return help ? 0 : 2;
    }
    if (tb_routes_check(stderr) < 0)
        return 1;
    size_t n;
    const tb_route *rt = tb_routes(&n);
    for (size_t i = 0; i < n; i++) {
        printf("%s\t%s\t", rt[i].method, rt[i].pattern);
        print_roles(rt[i].roles);
        const char *flags = (rt[i].flags & TB_ROUTE_CSRF)    ? "login,csrf"
                            : (rt[i].flags & TB_ROUTE_LOGIN) ? "login"
                                                             : "-";
        printf("\t%s\t%s\n", flags, rt[i].doc);
    }
    return ferror(stdout) ? 1 : 0;
}
