/*
 * category.c - names of the Permenkes 2/2020 nutritional-status categories.
 *
 * The bands themselves are applied in growth.c (classify); here are the short
 * codes written to CSV output (documented in README.md) and the Indonesian
 * labels shown to users (domain reference section 7).
 */
#include "tb_growth.h"

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
    static const char *labels[] = {"",           "Gizi buruk",  "Gizi kurang", "Gizi baik",
                                   "Berisiko gizi lebih", "Gizi lebih", "Obesitas"};
    if (over_5y && c == TB_GIZI_RISIKO_LEBIH)
        return "";
    return (unsigned)c < 7 ? labels[c] : "";
}
