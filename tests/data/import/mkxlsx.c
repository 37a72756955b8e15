/*
 * mkxlsx.c - writes the XLSX fixture of tests/cli/import.sh with
 * libxlsxwriter: OUT has a first sheet "Petunjuk" (notes) and a sheet "Data"
 * with five e-PPGBM rows as Excel keeps them: NIK as text, weights as
 * numbers, dates as date cells. The weight column is headed "Berat Timbang",
 * a name the importer does not know (the test maps it with --map).
 *
 * Usage: mkxlsx OUT.xlsx
 */
#include <stdio.h>

#include <xlsxwriter.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    lxw_workbook *wb = workbook_new(argv[1]);
    if (!wb)
        return 1;
    lxw_worksheet *note = workbook_add_worksheet(wb, "Petunjuk");
    worksheet_write_string(note, 0, 0, "Ekspor e-PPGBM, lembar Data", NULL);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Data");
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    const char *hdr[] = {"NIK",    "Nama",     "JK",       "Tgl Lahir",          "Nama Ortu",
                         "Kec",    "Desa/Kel", "Posyandu", "Tanggal Pengukuran", "Berat Timbang",
                         "Tinggi", "Cara Ukur"};
    for (int c = 0; c < 12; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, hdr[c], NULL);
    const struct {
        const char *nik, *nama, *jk;
        lxw_datetime lahir;
        const char *ortu;
        lxw_datetime ukur;
        double bb, tb;
        const char *cara;
    } rows[] = {
        {"3507014503230001",
         "Siti Aminah",
         "P",
         {2023, 3, 5, 0, 0, 0},
         "Hj. Wati Susanti",
         {2024, 1, 10, 0, 0, 0},
         8.2,
         70.1,
         "terlentang"},
        {"3507014503230001",
         "Siti Aminah",
         "P",
         {2023, 3, 5, 0, 0, 0},
         "Hj. Wati Susanti",
         {2024, 2, 12, 0, 0, 0},
         8.6,
         71.0,
         "terlentang"},
        {"3507014503230001",
         "Siti Aminah",
         "P",
         {2023, 3, 5, 0, 0, 0},
         "Hj. Wati Susanti",
         {2024, 3, 11, 0, 0, 0},
         8.6,
         71.5,
         "terlentang"},
        {"",
         "Budi Santoso",
         "L",
         {2022, 6, 1, 0, 0, 0},
         "Sri Rahayu",
         {2024, 1, 10, 0, 0, 0},
         10.1,
         80.2,
         "berdiri"},
        {"",
         "Budi Santoso",
         "L",
         {2022, 6, 1, 0, 0, 0},
         "Sri Rahayu",
         {2024, 2, 12, 0, 0, 0},
         10.3,
         81.0,
         "berdiri"},
    };
    for (int i = 0; i < 5; i++) {
        lxw_row_t r = (lxw_row_t)(i + 1);
        if (rows[i].nik[0])
            worksheet_write_string(ws, r, 0, rows[i].nik, NULL);
        worksheet_write_string(ws, r, 1, rows[i].nama, NULL);
        worksheet_write_string(ws, r, 2, rows[i].jk, NULL);
        worksheet_write_datetime(ws, r, 3, (lxw_datetime *)&rows[i].lahir, date);
        worksheet_write_string(ws, r, 4, rows[i].ortu, NULL);
        worksheet_write_string(ws, r, 5, "Donomulyo", NULL);
        worksheet_write_string(ws, r, 6, "Sukamaju", NULL);
        worksheet_write_string(ws, r, 7, "Posyandu Mawar", NULL);
        worksheet_write_datetime(ws, r, 8, (lxw_datetime *)&rows[i].ukur, date);
        worksheet_write_number(ws, r, 9, rows[i].bb, NULL);
        worksheet_write_number(ws, r, 10, rows[i].tb, NULL);
        worksheet_write_string(ws, r, 11, rows[i].cara, NULL);
    }
    return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
