/*
 * layanan.h (report) - the service package each target type should get,
 * judged on a target's facts (store/layanan.h), the desa convergence
 * scorecard built from it (`tumbuh report konvergensi-desa`, domain
 * reference section 12, Tabel 3), a timeline event as readable text and
 * the meeting pack's extra tables (issue 13).
 *
 * The package of a type is a list of indicator codes; the default below
 * follows Tabel 3 for ibu hamil and anak 0-23 bulan. A district changes it
 * with the setting paket_<jenis> (pengaturan: e.g. paket_baduta =
 * "ditimbang,imunisasi,jkn"): only the indicators listed are judged and
 * counted in the complete package.
 */
#ifndef TB_REPORT_LAYANAN_H
#define TB_REPORT_LAYANAN_H

#include <stddef.h>

#include "format/table.h"
#include "report/report.h"
#include "store/krs.h"
#include "store/layanan.h"
#include "tb_krs.h"

/* Target types with a package. */
enum { TB_PAKET_BUMIL, TB_PAKET_BADUTA, TB_PAKET_BALITA, TB_PAKET_CATIN, TB_PAKET_NJENIS };

/* The indicators every package draws from. */
typedef enum {
    TB_LAY_ANC4,
    TB_LAY_TTD90,
    TB_LAY_NIFAS3,
    TB_LAY_KONSELING4,
    TB_LAY_KUNJUNGAN_RISTI,
    TB_LAY_IMUNISASI,
    TB_LAY_DITIMBANG,
    TB_LAY_UKUR_TB2,
    TB_LAY_KONSELING_BULAN,
    TB_LAY_KUNJUNGAN_GIZI,
    TB_LAY_VIT_A,
    TB_LAY_AKTA,
    TB_LAY_SKRINING,
    TB_LAY_CATIN_3_BULAN,
    TB_LAY_TTD_CATIN,
    TB_LAY_DIDAMPINGI,
    TB_LAY_AIR,
    TB_LAY_JAMBAN,
    TB_LAY_JKN,
    TB_LAY_COUNT
} tb_layanan_ind;

/* The code ("anc4") and the Indonesian label of indicator i. */
const char *tb_layanan_kode(int i);
const char *tb_layanan_label(int i);
/* The type of a target's jenis ("bumil", "nifas" -> bumil, ...), or -1;
 * its Indonesian label. */
int tb_paket_jenis(const char *jenis);
const char *tb_paket_label(int j);

/* The package of type j: its indicators into out[max] from the setting
 * paket_<jenis> when set (unknown codes are skipped), else the default.
 * The count, or -1 (tb_store_error). */
int tb_paket(tb_store *s, int j, int *out, int max);

/* Indicator i for target f: -1 not applicable (e.g. post-partum care
 * before the delivery), 0 not received, 1 received. rule: the active KRS
 * rule's lists of safe water and latrine. */
int tb_layanan_nilai(int i, const tb_layanan_fakta *f, const tb_krs_rule *rule);

/* The active KRS rule into out (its water and latrine lists judge air and
 * jamban), BKKBN's default when none is active or readable. 0 or -1. */
int tb_layanan_rule(tb_store *s, tb_krs_rule_data *out);

/* A timeline event as one line of Indonesian text into out. */
void tb_layanan_teks(const tb_layanan_event *e, char *out, size_t n);

/* The desa convergence scorecard: per desa (and a total for an area of
 * several), per target type (ibu hamil, anak 0-23 bulan) and indicator of
 * its package the targets it applies to, those reached and the
 * percentage, then the targets with the complete package. Columns kode,
 * desa, sasaran, indikator, berlaku, tercapai, persen. 0 or -1. */
int tb_report_konvergensi(tb_store *s, const tb_report_scope *sc, const char *title,
                          tb_table **out);

/* The meeting pack's services with low coverage: per desa of the area the
 * nrendah indicators with the lowest percentage (same columns). 0 or -1. */
int tb_report_layanan_rendah(tb_store *s, const char *wilayah, const char *month, int nrendah,
                             tb_table **out);

/* The meeting pack's tables of issue 12 (issue 13): KRS with the target of
 * assistance, the families accompanied and the verval not yet confirmed
 * per sub-area (krs-target); the TPK tabulation (tpk); 3 standar and 4
 * PASTI; the services with the lowest coverage per desa (3 each). Four
 * tables into out (the caller frees them). 0 or -1. */
int tb_report_bahan_layanan(tb_store *s, const char *wilayah, const char *month, tb_table *out[4]);

#endif
