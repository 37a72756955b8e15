/*
 * import.c - `tumbuh import KIND FILE`: e-PPGBM exports, family census rows,
 * catin screenings and the Kemendagri code list into the store.
 *
 *   tumbuh [--db PATH] import KIND FILE [--sheet NAME] [--map HEADER=FIELD,...]
 *                                       [--rejects PATH] [--dry-run] [--putaran PK24]
 *
 * Parses the arguments, runs the import (tb_import_run, import/import.h:
 * one transaction, all valid rows or nothing), shows progress on a
 * terminal and prints one line to stdout:
 *   read=N imported=N updated=N rejected=N [matched_by_name=N] [rejects=PATH]
 *   [unknown_values=N]
 * Answers not recognised (kept as unknown) are listed on stderr and in
 * FILE.tak-dikenal.csv beside the rejects file.
 * Rejected rows go to FILE.tolak.csv unless --rejects names another file.
 * --dry-run reads, checks and stores every row, prints the same line with
 * dry_run=1, and rolls back: nothing is kept but the rejects file.
 * Exit status: 0 done, 1 the import failed (nothing stored), 2 bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "import/import.h"
#include "store/store.h"

typedef struct {
    const char *kind;
    const char *path;
    const char *sheet;
    const char *map;
    const char *rejects;
    bool dry_run;
    const char *putaran;
    bool help;
} options;

static void usage(FILE *f)
{
    fprintf(f,
            "pemakaian: tumbuh [--db FILE] import JENIS FILE [--sheet NAMA] [--map JUDUL=FIELD,...]"
            " [--rejects PATH] [--dry-run]\n"
            "       [--putaran PK24]\n\n"
            "JENIS:\n");
    const char *name, *summary;
    for (size_t i = 0; (name = tb_import_kind(i, &summary)); i++)
        fprintf(f, "  %-9s %s\n", name, summary);
    fprintf(f, "  %-9s %s\n", "daftar-wilayah",
            "FILE berupa folder: daftar kode wilayah nasional dan SHA256SUMS-nya (versi baru)");
    fprintf(f,
            "\nFILE berupa CSV (',' ';' atau tab) atau XLSX (sheet pertama, atau --sheet NAMA).\n"
            "Kolom dikenali dari judulnya (lihat README.md); --map memberi field untuk sebuah\n"
            "judul. Baris yang ditolak masuk ke FILE.tolak.csv (atau --rejects PATH) dengan\n"
            "baris, kolom, alasan. Mencetak: read=N imported=N updated=N rejected=N ...\n"
            "--dry-run: uji coba; semua baris diperiksa dan dihitung, lalu tidak ada yang\n"
            "disimpan (hanya berkas baris yang ditolak yang ditulis).\n"
            "keluarga: --putaran memberi putaran pendataan (PK21, PK22, PK23, PK24) bagi baris\n"
            "tanpa kolom putaran; status KRS tiap putaran disimpan, tidak ditimpa.\n");
}

/* Reads the arguments into o: 0, or -1 (usage printed). -h/--help sets o->help. */
static int parse_args(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            o->help = true;
            return 0;
        } else if (!strcmp(a, "--sheet") && i + 1 < argc) {
            o->sheet = argv[++i];
        } else if (!strcmp(a, "--map") && i + 1 < argc) {
            o->map = argv[++i];
        } else if (!strcmp(a, "--rejects") && i + 1 < argc) {
            o->rejects = argv[++i];
        } else if (!strcmp(a, "--dry-run")) {
            o->dry_run = true;
        } else if (!strcmp(a, "--putaran") && i + 1 < argc) {
            o->putaran = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "tumbuh import: pilihan '%s' tidak dikenal\n", a);
            usage(stderr);
            return -1;
        } else if (!o->kind) {
            o->kind = a;
        } else if (!o->path) {
            o->path = a;
        } else {
            fprintf(stderr, "tumbuh import: satu berkas setiap kali\n");
            return -1;
        }
    }
    if (!o->kind || !o->path) {
        usage(stderr);
        return -1;
    }
    return 0;
}

/* True when kind names an import kind; else says which there are. */
static bool known_kind(const char *kind)
{
    const char *name;
    for (size_t i = 0; (name = tb_import_kind(i, NULL)); i++)
        if (!strcmp(kind, name))
            return true;
    fprintf(stderr, "tumbuh import: jenis '%s' tidak dikenal; pilih salah satu:", kind);
    for (size_t i = 0; (name = tb_import_kind(i, NULL)); i++)
        fprintf(stderr, " %s", name);
    fprintf(stderr, "\n");
    return false;
}

/* The progress line on stderr (a terminal), rewritten in place. */
static void show_progress(void *ctx, long rows, int percent)
{
    *(bool *)ctx = true;
    if (percent < 0)
        fprintf(stderr, "\rtumbuh import: %ld baris", rows);
    else
        fprintf(stderr, "\rtumbuh import: %3d%% (%ld baris)", percent, rows);
}

/* The summary line on stdout. */
static void print_summary(const tb_import_summary *s, const char *rejects, bool dry_run)
{
    printf("read=%ld imported=%ld updated=%ld rejected=%ld", s->read, s->imported, s->updated,
           s->rejected);
    if (s->counts_matched_by_name)
        printf(" matched_by_name=%ld children_new=%ld children_matched=%ld", s->matched_by_name,
               s->children_new, s->children_matched);
    if (s->rejected)
        printf(" rejects=%s", rejects);
    if (s->unknown_values)
        printf(" unknown_values=%ld", s->unknown_values);
    if (s->nik_unusable)
        printf(" nik_unusable=%ld", s->nik_unusable);
    if (dry_run)
        printf(" dry_run=1");
    printf("\n");
}

/* On stderr: the place names that did not resolve (the first 10), with
 * the closest names and how to fix a spelling for good. */
static void print_missing(const tb_import_summary *s)
{
    static const char *const what[5] = {"", "provinsi", "kabupaten/kota", "kecamatan", "desa"};
    if (!s->places_missing)
        return;
    fprintf(stderr,
            "tumbuh import: %ld nama wilayah tidak dikenal (barisnya ditolak); ejaan lain"
            " disimpan sekali dengan `tumbuh import alias FILE` (kode,nama) atau di /atur/ejaan,"
            " lalu impor lagi:\n",
            s->places_missing);
    for (int i = 0; i < s->nmissing && i < 10; i++) {
        const tb_import_place_missing *m = &s->missing[i];
        int t = m->tingkat >= 1 && m->tingkat <= 4 ? m->tingkat : 4;
        fprintf(stderr, "  %s '%s'", what[t], m->nama);
        if (m->induk_nama[0] && t == 4)
            fprintf(stderr, " (kecamatan %s)", m->induk_nama);
        fprintf(stderr, ": %ld baris", m->rows);
        if (m->saran[0])
            fprintf(stderr, "; maksud Anda %s? (terdekat: %s)", m->saran, m->saran_kode);
        fputc('\n', stderr);
    }
}

/* `tumbuh import alias FILE`: the spellings of wilayah; `tumbuh import
 * daftar-wilayah DIR`: a (later) national code list (import.h). */
static int import_alias(const char *kind, const char *path)
{
    char err[1024];
    tb_store *s;
    if (tb_store_open(tb_store_default_path(NULL), &s, err, sizeof err) < 0) {
        fprintf(stderr, "tumbuh import: %s\n", err);
        return 1;
    }
    long rows;
    bool list = !strcmp(kind, "daftar-wilayah");
    int rc = list ? tb_import_wilayah_list(s, path, &rows, err, sizeof err)
                  : tb_import_wilayah_alias(s, path, &rows, err, sizeof err);
    if (rc)
        fprintf(stderr, "tumbuh import %s: %s\n", kind, err);
    else
        printf("%s=%ld\n", list ? "wilayah" : "alias", rows);
    tb_store_close(s);
    return rc ? 1 : 0;
}

int tb_cmd_import(int argc, char **argv)
{
    options a;
    if (parse_args(argc, argv, &a))
        return 2;
    if (a.help) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(a.kind, "alias") || !strcmp(a.kind, "daftar-wilayah"))
        return import_alias(a.kind, a.path);
    if (!known_kind(a.kind))
        return 2;
    size_t n = strlen(a.path) + 16;
    char *default_rejects = malloc(n);
    if (!default_rejects)
        return 1;
    snprintf(default_rejects, n, "%s.tolak.csv", a.path);
    bool shown = false;
    tb_import_options o = {.kind = a.kind,
                           .path = a.path,
                           .sheet = a.sheet,
                           .map = a.map,
                           .rejects = a.rejects ? a.rejects : default_rejects,
                           .dry_run = a.dry_run,
                           .putaran = a.putaran};
    if (isatty(2)) {
        o.progress = show_progress;
        o.progress_ctx = &shown;
    }
    tb_import_summary s;
    int rc = tb_import_run(&o, &s);
    if (shown)
        fprintf(stderr, "\r%40s\r", "");
    if (rc) {
        fprintf(stderr, "tumbuh import: %s\n", s.err);
    } else {
        if (getenv("TUMBUH_IMPORT_TIMING")) /* for benchmarks: where the time went */
            fprintf(stderr, "tumbuh import: baris %.2f s, akhir %.2f s, commit %.2f s\n", s.rows_s,
                    s.end_s, s.commit_s);
        if (s.unknown_values)
            fprintf(stderr, "%stumbuh import: nilai tak dikenal tercatat di %s\n", s.unknown_lines,
                    s.unknown_path);
        if (s.nik_unusable)
            fprintf(stderr,
                    "tumbuh import: %ld baris dengan NIK yang belum dapat dipakai tetap dimasukkan "
                    "(dicocokkan dengan nama); periksa daftarnya di %s\n",
                    s.nik_unusable, s.nik_path);
        print_missing(&s);
        print_summary(&s, o.rejects, o.dry_run);
    }
    free(default_rejects);
    return rc ? 1 : 0;
}
