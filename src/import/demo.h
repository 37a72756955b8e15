/*
 * demo.h - a synthetic kabupaten to try Tumbuh on (`tumbuh demo`).
 *
 * Kabupaten Sukamaju (code 35.99, not a real Kemendagri code) with its
 * kecamatan, desa, puskesmas and posyandu; families from a family census;
 * children under five weighed monthly over 24 months, their growth drawn
 * from the WHO distributions shifted so that about a fifth are stunted, with
 * the data-entry errors real registers have; pregnancies with ANC, catin
 * screenings, TPK teams and visits, a year of meetings with actions in every
 * state, the 8 convergence actions, TPPS membership, survey prevalences, and
 * one user per role. The same seed and end month give the same district
 * (in the current month, posyandu days after today are left out).
 */
#ifndef TB_DEMO_H
#define TB_DEMO_H

#include <stdio.h>

#include "base/password.h"
#include "store/store.h"

typedef enum { TB_DEMO_SMALL = 0, TB_DEMO_DISTRICT = 1 } tb_demo_size;

typedef struct {
    unsigned long seed;
    tb_demo_size size;
    char until[8];     /* last month with data, yyyy-mm */
    tb_pw_strength pw; /* hash strength of the demo users' passwords */
    FILE *users_out;   /* where the users and passwords are printed, or NULL */
    FILE *progress;    /* progress messages, or NULL */
} tb_demo_options;

/* The demo users' password for a role, as tb_demo_generate sets it. */
void tb_demo_password(unsigned long seed, int role_index, char *out, size_t n);

/* Fills an empty store with the demo district in one transaction. */
int tb_demo_generate(tb_store *s, const tb_demo_options *opt);

/* Does the store hold nothing but the national code list: no other wilayah,
 * user, posyandu, person or family (then `serve` creates the demo)? 1/0/-1. */
int tb_demo_store_empty(tb_store *s);

#endif
