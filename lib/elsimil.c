/*
 * elsimil.c - the Elsimil screening of a catin and the 3-months rule
 * (tb_elsimil.h).
 */
#include "tb_elsimil.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tb_date.h"
#include "tb_krs.h"

static const char *const FACTORS[TB_ELSIMIL_NFACTORS] = {
    "umur_muda", "imt_kurang", "imt_lebih", "lila_kurang", "anemia", "lingkar_perut", "merokok"};

void tb_elsimil_rule_default(tb_elsimil_rule *r)
{
    memset(r, 0, sizeof *r);
    r->umur_min = 20;
    r->imt_min = 18.5;
    r->lila_min = 23.5;
    r->hb_min_p = 12.0;
    r->bulan_sebelum_nikah = 3;
}

/* v below threshold t (t > 0 switches the test on; NAN v never). Values are
 * compared at 0.01 precision so that 23.49999 typed as 23.5 is not "below". */
static bool below(double v, double t)
{
    return t > 0 && !isnan(v) && round(v * 100) < round(t * 100);
}

static bool above(double v, double t)
{
    return t > 0 && !isnan(v) && round(v * 100) > round(t * 100);
}

/* Counts a test that could be made; sets bit when it found the factor. */
static void test(tb_elsimil_result *out, bool can, bool found, unsigned bit)
{
    if (!can)
        return;
    out->dinilai++;
    if (found)
        out->faktor |= bit;
}

void tb_elsimil_eval(const tb_elsimil_rule *r, const tb_elsimil_input *in, tb_elsimil_result *out)
{
    memset(out, 0, sizeof *out);
    out->imt = NAN;
    if (!isnan(in->bb) && !isnan(in->tb) && in->tb > 0)
        out->imt = round(in->bb / (in->tb * in->tb / 1e4) * 10) / 10;
    out->umur = -1;
    if (in->lahir != TB_DATE_NONE && in->periksa != TB_DATE_NONE)
        out->umur = tb_krs_years(in->lahir, in->periksa);
    bool women = in->jk == 2;
    double hb = women ? r->hb_min_p : in->jk == 1 ? r->hb_min_l : 0;
    double perut = women ? r->perut_max_p : in->jk == 1 ? r->perut_max_l : 0;
    test(out, r->umur_min > 0 && out->umur >= 0, out->umur < r->umur_min, TB_ELSIMIL_MUDA);
    bool imt = !isnan(out->imt) && (r->imt_min > 0 || r->imt_max > 0);
    if (imt)
        out->dinilai++;
    if (below(out->imt, r->imt_min))
        out->faktor |= TB_ELSIMIL_KURUS;
    if (above(out->imt, r->imt_max))
        out->faktor |= TB_ELSIMIL_GEMUK;
    test(out, women && r->lila_min > 0 && !isnan(in->lila), below(in->lila, r->lila_min),
         TB_ELSIMIL_KEK);
    test(out, hb > 0 && !isnan(in->hb), below(in->hb, hb), TB_ELSIMIL_ANEMIA);
    test(out, perut > 0 && !isnan(in->perut), above(in->perut, perut), TB_ELSIMIL_PERUT);
    test(out, r->merokok, in->merokok, TB_ELSIMIL_MEROKOK);
    out->berisiko = out->faktor != 0;
}

const char *tb_elsimil_factor_name(int i)
{
    return i >= 0 && i < TB_ELSIMIL_NFACTORS ? FACTORS[i] : "";
}

size_t tb_elsimil_factor_list(unsigned mask, char *buf, size_t n)
{
    size_t len = 0;
    if (n)
        buf[0] = 0;
    for (int i = 0; i < TB_ELSIMIL_NFACTORS; i++) {
        if (!(mask & (1u << i)))
            continue;
        int w = snprintf(len < n ? buf + len : NULL, len < n ? n - len : 0, "%s%s", len ? "," : "",
                         FACTORS[i]);
        len += (size_t)w;
    }
    if (n && len >= n)
        buf[n - 1] = 0;
    return len;
}

int tb_elsimil_tepat_waktu(const tb_elsimil_rule *r, long periksa, long nikah)
{
    if (periksa == TB_DATE_NONE || nikah == TB_DATE_NONE)
        return -1;
    return tb_krs_months(periksa, nikah) >= r->bulan_sebelum_nikah ? 1 : 0;
}
