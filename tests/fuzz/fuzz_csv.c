/*
 * fuzz_csv.c - libFuzzer target for the CSV reader and the number parser.
 * Reads every record of the input (as a file) and parses every field as a
 * number both ways; the sanitizers catch what goes wrong. `make fuzz`.
 */
#include <stdint.h>
#include <stdio.h>

#include "format/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fmemopen((void *)data, size, "rb");
    if (!f)
        return 0;
    tb_csv_options opt = {4096, 64, 0};
    tb_csv_reader *r = tb_csv_open(f, &opt);
    tb_csv_row row;
    while (tb_csv_next(r, &row) == TB_CSV_OK) {
        for (int i = 0; i < row.nfields; i++) {
            double v;
            char out[64];
            if (tb_parse_number(row.fields[i], row.lens[i], true, &v) == 0)
                tb_format_fixed(out, v, 2, ',');
            tb_parse_number(row.fields[i], row.lens[i], false, &v);
        }
    }
    tb_csv_close(r);
    fclose(f);
    return 0;
}
