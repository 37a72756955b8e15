/*
 * commands.h - the CLI commands of `tumbuh`. Each lives in src/cli/NAME.c,
 * takes the arguments after its name (argv[0] is the command name) and
 * returns the process exit status.
 */
#ifndef TB_COMMANDS_H
#define TB_COMMANDS_H

int tb_cmd_zscore(int argc, char **argv);
int tb_cmd_prevalence(int argc, char **argv);
int tb_cmd_report(int argc, char **argv);
/* `tumbuh report cakupan|evaluasi|lokus|ansit` (report_cakupan.c). */
int tb_cmd_report_cakupan(int argc, char **argv);
/* Is name one of the reports of report_cakupan.c? */
int tb_report_cakupan_name(const char *name);
int tb_cmd_demo(int argc, char **argv);
int tb_cmd_import(int argc, char **argv);
int tb_cmd_serve(int argc, char **argv);
int tb_cmd_routes(int argc, char **argv);
int tb_cmd_init(int argc, char **argv);
int tb_cmd_user(int argc, char **argv);

#endif
