/*
 * assets.h - files compiled into the program (tools/embed.c): the web
 * page's CSS and JavaScript and the OpenAPI description of the JSON API.
 */
#ifndef TB_ASSETS_H
#define TB_ASSETS_H

#include <stddef.h>

typedef struct {
    const char *name;  /* base name: app.css */
    const char *ctype; /* Content-Type */
    const char *data;
    size_t len;
} tb_asset;

/* The asset of that base name, or NULL. */
const tb_asset *tb_asset_find(const char *name);

#endif
