/*
 * anthro_output.h - the growth engine's results as CSV columns.
 *
 * The columns `tumbuh zscore` appends to every input row: age, the measure
 * used, BMI, the z-score and flag of every indicator (WHO's anthro and
 * anthroplus names: zlen, flen, zwei, ...) and the four Permenkes 2/2020
 * category codes. The counterpart of anthro_input.h, which reads the inputs.
 */
#ifndef TB_ANTHRO_OUTPUT_H
#define TB_ANTHRO_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "tb_growth.h"

/* The most bytes tb_anthro_output_row writes. */
#define TB_ANTHRO_OUTPUT_MAX 600

/* Writes the names of the computed columns, each after delim (no line end). */
void tb_anthro_output_header(FILE *out, char delim);

/*
 * Writes the computed columns of r into o (room for TB_ANTHRO_OUTPUT_MAX
 * bytes), each after delim, numbers with decimal separator sep, then '\n'.
 * Missing values are empty fields. Returns the number of bytes written.
 */
size_t tb_anthro_output_row(char *o, const tb_growth_result *r, char delim, char sep);

#endif
