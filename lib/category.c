/*
 * category.c - names of the Permenkes 2/2020 nutritional-status categories.
 *
 * The bands are applied in growth.c (tb_growth_classify); here are the
 * Permenkes defaults (equal to the seeded rows of ref_ambang), the short
 * codes written to CSV output (documented in README.md) and the Indonesian
 * labels shown to users (domain reference section 7).
 */
#include <math.h>
#include <string.h>

#include "tb_growth.h"

const tb_bands tb_bands_permenkes = {
    .n = {4, 4, 6, 6, 5},
    .band =
        {
            [TB_BANDS_BBU] = {{NAN, -3, TB_BBU_SANGAT_KURANG},
                              {-3, -2, TB_BBU_KURANG},
                              {-2, 1, TB_BBU_NORMAL},
                              {1, NAN, TB_BBU_RISIKO_LEBIH}},
            [TB_BANDS_TBU] = {{NAN, -3, TB_TBU_SANGAT_PENDEK},
                              {-3, -2, TB_TBU_PENDEK},
                              {-2, 3, TB_TBU_NORMAL},
                              {3, NAN, TB_TBU_TINGGI}},
            [TB_BANDS_BBTB] = {{NAN, -3, TB_GIZI_BURUK},
                               {-3, -2, TB_GIZI_KURANG},
                               {-2, 1, TB_GIZI_BAIK},
                               {1, 2, TB_GIZI_RISIKO_LEBIH},
                               {2, 3, TB_GIZI_LEBIH},
                               {3, NAN, TB_GIZI_OBESITAS}},
            [TB_BANDS_IMTU] = {{NAN, -3, TB_GIZI_BURUK},
                               {-3, -2, TB_GIZI_KURANG},
                               {-2, 1, TB_GIZI_BAIK},
                               {1, 2, TB_GIZI_RISIKO_LEBIH},
                               {2, 3, TB_GIZI_LEBIH},
                               {3, NAN, TB_GIZI_OBESITAS}},
            [TB_BANDS_IMTU_5_18] = {{NAN, -3, TB_GIZI_BURUK},
                                    {-3, -2, TB_GIZI_KURANG},
                                    {-2, 1, TB_GIZI_BAIK},
                                    {1, 2, TB_GIZI_LEBIH},
                                    {2, NAN, TB_GIZI_OBESITAS}},
        },
};

const char *tb_cat_bbu_code(tb_cat_bbu c)
{
    static const char *codes[] = {"", "BBSK", "BBK", "BBN", "RBBL"};
    return (unsigned)c < 5 ? codes[c] : "";
}

const char *tb_cat_tbu_code(tb_cat_tbu c)
{
    static const char *codes[] = {"", "SP", "P", "N", "T"};
    return (unsigned)c < 5 ? codes[c] : "";
}

const char *tb_cat_gizi_code(tb_cat_gizi c)
{
    static const char *codes[] = {"", "GBR", "GK", "GB", "RGL", "GL", "OB"};
    return (unsigned)c < 7 ? codes[c] : "";
}

const char *tb_cat_bbu_label(tb_cat_bbu c)
{
    static const char *labels[] = {"", "Berat badan sangat kurang", "Berat badan kurang",
                                   "Berat badan normal", "Risiko berat badan lebih"};
    return (unsigned)c < 5 ? labels[c] : "";
}

const char *tb_cat_tbu_label(tb_cat_tbu c)
{
    static const char *labels[] = {"", "Sangat pendek", "Pendek", "Normal", "Tinggi"};
    return (unsigned)c < 5 ? labels[c] : "";
}

/* over_5y: the IMT/U bands of 5-18 years, whose names differ (no "berisiko"). */
const char *tb_cat_gizi_label(tb_cat_gizi c, bool over_5y)
{
    static const char *labels[] = {"",          "Gizi buruk",          "Gizi kurang",
                                   "Gizi baik", "Berisiko gizi lebih", "Gizi lebih",
                                   "Obesitas"};
    if (over_5y && c == TB_GIZI_RISIKO_LEBIH)
        return "";
    return (unsigned)c < 7 ? labels[c] : "";
}

int tb_bands_cat_from_code(tb_bands_index i, const char *code)
{
    if (!code || !*code)
        return 0;
    int n = i == TB_BANDS_BBU || i == TB_BANDS_TBU ? 5 : 7;
    for (int c = 1; c < n; c++) {
        const char *k = i == TB_BANDS_BBU   ? tb_cat_bbu_code((tb_cat_bbu)c)
                        : i == TB_BANDS_TBU ? tb_cat_tbu_code((tb_cat_tbu)c)
                                            : tb_cat_gizi_code((tb_cat_gizi)c);
        if (strcmp(k, code) == 0)
            return c;
    }
    return 0;
}
