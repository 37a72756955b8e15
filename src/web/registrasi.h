/*
 * registrasi.h - registering a new child at a posyandu (registrasi.c): the
 * form the posyandu day shows, and setting a child's Buku KIA from the
 * entry form. The handler itself is in handlers.h (tb_page_anak_baru).
 */
#ifndef TB_WEB_REGISTRASI_H
#define TB_WEB_REGISTRASI_H

#include <stdbool.h>

#include "base/buf.h"
#include "web/http.h"

/*
 * Writes the registration form of posyandu posyandu_id into b, holding the
 * values of q's form (empty on a first show): folded unless open; with
 * confirm, its button registers despite a likely duplicate.
 */
void tb_registrasi_form(tb_buf *b, const tb_req *q, long posyandu_id, bool open, bool confirm);

/*
 * Records that child anak_id has a Buku KIA (audited when it changes), in
 * its own transaction; the caller has checked the child is in the user's
 * area. 1 changed, 0 already so, -1 on error.
 */
int tb_registrasi_buku_kia(tb_req *q, long anak_id);

#endif
