/*
 * aset.c - the static files compiled into the program (assets.h): the
 * stylesheet and script under /aset/, and the OpenAPI description.
 */
#include <string.h>

#include "base/assets.h"
#include "web/handlers.h"
#include "web/http.h"
#include "web/page.h"

static void serve_asset(tb_req *q, tb_res *r, const char *name)
{
    const tb_asset *a = tb_asset_find(name);
    if (!a)
        return tb_res_error(r, q, 404, "Berkas tidak ditemukan.");
    tb_buf_put(&r->body, a->data, a->len);
    r->ctype = a->ctype;
}

void tb_page_asset(tb_req *q, tb_res *r)
{
    r->public_cache = true; /* the same for everyone: browsers keep it a day */
    serve_asset(q, r, tb_req_param(q, "*"));
}

void tb_page_openapi(tb_req *q, tb_res *r)
{
    serve_asset(q, r, "openapi.json");
}
