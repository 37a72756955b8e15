/*
 * who_tables.h - the WHO growth tables compiled into the program.
 *
 * build/gen/who_tables.c is generated at build time by tools/whogen.c from
 * WHO's published files (WHO_DIR, checksums pinned in data/who-tables.sha256).
 */
#ifndef TB_WHO_TABLES_H
#define TB_WHO_TABLES_H

#include "tb_growth.h"

extern const tb_who_tables tb_who_tables_builtin;

#endif
