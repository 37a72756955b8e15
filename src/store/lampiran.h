/*
 * lampiran.h - the files attached to a meeting (photos of the attendance
 * list, slides, documents): one row per file with the name the user gave,
 * the type found from its first bytes, its size and the stored file's name
 * (berkas, under the data directory; web/lampiran.c writes the bytes). Every
 * write is audited. Part of the store (store.h).
 */
#ifndef TB_STORE_LAMPIRAN_H
#define TB_STORE_LAMPIRAN_H

#include "store/store.h"

typedef struct {
    long id, rapat_id;
    char nama[200];   /* the name on the user's computer */
    char jenis[16];   /* pdf, jpeg, png, zip (PPTX/XLSX/DOCX) */
    long long ukuran; /* bytes */
    char berkas[64];  /* the stored file's name under the attachments folder */
    char keterangan[200];
    char diunggah[20]; /* yyyy-mm-dd hh:mm:ss (UTC) */
    char oleh[64];     /* read only: the uploader's username */
} tb_lampiran;

/* Adds attachment *l (rapat_id, nama, jenis, ukuran, berkas, keterangan)
 * by user; l->id gets its id. 0 or -1. */
int tb_store_lampiran_add(tb_store *s, long user, tb_lampiran *l);
/* Attachment id into *out: 1 found, 0 unknown, -1 error. */
int tb_store_lampiran_get(tb_store *s, long id, tb_lampiran *out);
/* The attachments of a meeting, oldest first. fn < 0 stops. 0 or -1. */
int tb_store_lampiran_each(tb_store *s, long rapat_id, int (*fn)(void *ctx, const tb_lampiran *l),
                           void *ctx);
/* Removes attachment id (its row; the caller removes the file), by user,
 * audited with what it held. 0, or -1 (unknown: "tidak ditemukan"). */
int tb_store_lampiran_hapus(tb_store *s, long user, long id);

#endif
