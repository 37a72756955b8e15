/*
 * source.c - the file an import reads: CSV (',' ';' or tab, via
 * format/csv.h) or XLSX (format/xlsx.h), recognised by its name or its
 * first bytes, with the files it cannot read (Excel 97-2003, UTF-16)
 * refused with a message in Bahasa Indonesia. See source.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "import/source.h"

int imp_source_open(imp_source *s, const char *path, const char *sheet, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->f = fopen(path, "rb");
    if (!s->f) {
        snprintf(err, errlen, "tidak dapat membuka %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (!fstat(fileno(s->f), &st))
        s->size = st.st_size;
    unsigned char magic[8] = {0};
    size_t got = fread(magic, 1, sizeof magic, s->f);
    rewind(s->f);
    size_t pl = strlen(path);
    bool xlsx_name =
        pl > 5 && (!strcasecmp(path + pl - 5, ".xlsx") || !strcasecmp(path + pl - 5, ".xlsm"));
    bool zip = got >= 4 && !memcmp(magic, "PK\3\4", 4);
    if (got >= 8 && !memcmp(magic, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        snprintf(err, errlen,
                 "%s adalah berkas Excel 97-2003 (.xls) yang tidak "
                 "didukung: simpan sebagai .xlsx atau CSV UTF-8",
                 path);
        return -1;
    }
    if (got >= 2 &&
        ((magic[0] == 0xFF && magic[1] == 0xFE) || (magic[0] == 0xFE && magic[1] == 0xFF))) {
        snprintf(err, errlen, "%s berkode UTF-16: simpan ulang sebagai CSV UTF-8", path);
        return -1;
    }
    if (xlsx_name || zip) {
        char xerr[512];
        s->xlsx = tb_xlsx_open(path, sheet, xerr, sizeof xerr);
        if (!s->xlsx) {
            snprintf(err, errlen, "%s bukan berkas XLSX yang dapat dibaca: %s", path, xerr);
            return -1;
        }
        s->delim = ',';
        return 0;
    }
    if (sheet) {
        snprintf(err, errlen, "--sheet hanya untuk berkas XLSX");
        return -1;
    }
    s->csv = tb_csv_open(s->f, NULL);
    if (!s->csv) {
        snprintf(err, errlen, "memori habis");
        return -1;
    }
    return 0;
}

void imp_source_close(imp_source *s)
{
    if (s->xlsx)
        tb_xlsx_close(s->xlsx);
    if (s->csv)
        tb_csv_close(s->csv);
    if (s->f)
        fclose(s->f);
}

const char *imp_csv_status_text(tb_csv_status st)
{
    switch (st) {
    case TB_CSV_ERR_QUOTE:
        return "berkas terpotong atau tanda kutip tidak ditutup";
    case TB_CSV_ERR_TOO_LONG:
        return "satu baris atau sel terlalu panjang";
    case TB_CSV_ERR_TOO_WIDE:
        return "terlalu banyak kolom";
    case TB_CSV_ERR_BINARY:
        return "berisi data biner (bukan teks CSV; UTF-16? simpan ulang sebagai CSV UTF-8)";
    case TB_CSV_ERR_ENCODING:
        return "bukan teks UTF-8 (mungkin Latin-1/ANSI: simpan ulang sebagai CSV UTF-8)";
    case TB_CSV_ERR_NOMEM:
        return "memori habis";
    default:
        return "tidak dapat dibaca";
    }
}

bool imp_source_cut(const imp_source *s)
{
    if (s->xlsx)
        return false;
    FILE *f = s->f;
    struct stat st;
    if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || st.st_size == 0)
        return false;
    long pos = ftell(f);
    int c = EOF;
    if (!fseek(f, -1, SEEK_END))
        c = fgetc(f);
    fseek(f, pos, SEEK_SET);
    return c != '\n' && c != '\r';
}
