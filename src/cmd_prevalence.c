/* cmd_prevalence.c - placeholder until the prevalence command lands. */
#include <stdio.h>

#include "commands.h"

int tb_cmd_prevalence(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "tumbuh prevalence: not built yet\n");
    return 2;
}
