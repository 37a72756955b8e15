/*
 * floor_xlsx.c - the floor of reading an XLSX sheet: inflate
 * xl/worksheets/sheet1.xml with libzip and run expat over it with handlers
 * that only count rows. Nothing is interpreted.
 *
 * usage: floor_xlsx FILE.xlsx
 */
#include <expat.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

static void XMLCALL start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    if (name[0] == 'r' && name[1] == 'o' && name[2] == 'w' && !name[3])
        ++*(long *)ud;
}

static void XMLCALL end(void *ud, const XML_Char *name)
{
    (void)ud;
    (void)name;
}

static void XMLCALL chars(void *ud, const XML_Char *s, int len)
{
    (void)ud;
    (void)s;
    (void)len;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: floor_xlsx FILE.xlsx\n");
        return 2;
    }
    int err = 0;
    zip_t *z = zip_open(argv[1], ZIP_RDONLY, &err);
    zip_file_t *f = z ? zip_fopen(z, "xl/worksheets/sheet1.xml", 0) : NULL;
    if (!f) {
        fprintf(stderr, "floor_xlsx: cannot read the sheet of %s\n", argv[1]);
        return 1;
    }
    XML_Parser p = XML_ParserCreate(NULL);
    long rows = 0;
    XML_SetUserData(p, &rows);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, chars);
    static char buf[65536];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0 || XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
            fprintf(stderr, "floor_xlsx: read or XML error\n");
            return 1;
        }
        if (n == 0)
            break;
    }
    printf("%ld rows\n", rows);
    XML_ParserFree(p);
    zip_fclose(f);
    zip_close(z);
    return 0;
}
