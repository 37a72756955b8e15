/*
 * csv2xlsx.c - writes a CSV file (comma-separated, no quoted commas, as
 * gen_eppgbm makes) as a one-sheet XLSX with libxlsxwriter in constant-memory
 * mode: numbers as numbers, the rest as text, so that bench/import.sh can time
 * the same rows read from a workbook.
 *
 * usage: csv2xlsx IN.csv OUT.xlsx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static int numeric(const char *s)
{
    if (!*s || (s[0] == '0' && s[1] && s[1] != '.')) /* keep leading zeros (RT, codes) as text */
        return 0;
    char *end;
    strtod(s, &end);
    return *end == 0 && strlen(s) < 15; /* NIK and KK numbers stay text */
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: csv2xlsx IN.csv OUT.xlsx\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
    lxw_workbook *wb = workbook_new_opt(argv[2], &opt);
    lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Data") : NULL;
    if (!ws) {
        fprintf(stderr, "csv2xlsx: cannot create %s\n", argv[2]);
        return 1;
    }
    char line[8192];
    lxw_row_t r = 0;
    while (fgets(line, sizeof line, in)) {
        line[strcspn(line, "\r\n")] = 0;
        lxw_col_t c = 0;
        for (char *f = line, *next; f; f = next, c++) {
            next = strchr(f, ',');
            if (next)
                *next++ = 0;
            if (!*f)
                continue;
            if (r > 0 && numeric(f))
                worksheet_write_number(ws, r, c, strtod(f, NULL), NULL);
            else
                worksheet_write_string(ws, r, c, f, NULL);
        }
        r++;
    }
    fclose(in);
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
