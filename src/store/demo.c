/*
 * demo.c - the parameterised inserts of the demo generator.
 */
#include "store/demo.h"
#include "store/internal.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

static const char *const demo_sql[TB_DEMO_COUNT] = {
    [TB_DEMO_POSYANDU_HARI] = "UPDATE posyandu SET hari_buka = ?2 WHERE id = ?1",
    [TB_DEMO_PUSKESMAS] = "INSERT INTO puskesmas (kode, nama, kecamatan) VALUES (?1, ?2, ?3)",
    [TB_DEMO_POSYANDU] = "INSERT INTO posyandu (nama, desa, puskesmas_id, kit_standar)"
                         " VALUES (?1, ?2, ?3, ?4)",
    [TB_DEMO_LOKUS] = "INSERT INTO wilayah_lokus (kode, tahun, no_sk, tgl_sk)"
                      " VALUES (?1, ?2, 'SK Bupati (contoh) ' || ?2, ?2 || '-01-15')",
    [TB_DEMO_KELUARGA] =
        "INSERT INTO keluarga (no_kk, desa, rt, rw, alamat, sumber_pk, tahun_pk, desil, sumber_air,"
        " jamban, rumah_layak, pendidikan_ibu, jkn, pus, pus_hamil, punya_baduta, punya_balita,"
        " t4_muda, t4_tua, t4_dekat, t4_banyak, sasaran, krs, krs_faktor)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
        " ?19, ?20, ?21, ?22, ?23, ?24)",
    [TB_DEMO_INDIVIDU] =
        "INSERT INTO individu (nik, nik_sementara, nama, nama_kunci, jk, tgl_lahir,"
        " keluarga_id, ibu_id, desa, rt, rw, alamat, peran)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [TB_DEMO_ANAK] = "INSERT INTO anak (individu_id, bb_lahir, pb_lahir, nama_ortu, posyandu_id,"
                     " buku_kia) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [TB_DEMO_KEHAMILAN] =
        "INSERT INTO kehamilan (ibu_id, hpht, hpl, gravida, paritas, umur_ibu, lila, hb, kek,"
        " anemia, ttd_jumlah, kelas_ibu, tgl_persalinan)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [TB_DEMO_ANC] = "INSERT INTO kunjungan_anc (kehamilan_id, ke, tanggal, pemberi)"
                    " VALUES (?1, ?2, ?3, ?4)",
    [TB_DEMO_CATIN] = "INSERT INTO catin (individu_id, tgl_rencana_nikah, tgl_periksa, bb, tb, imt,"
                      " lila, hb, merokok, hasil, faktor)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [TB_DEMO_PUTARAN] =
        "INSERT INTO keluarga_putaran (keluarga_id, putaran, tanggal, aturan, sasaran,"
        " krs, krs_faktor) VALUES (?1, ?2, ?3, 'bkkbn-2023', ?4, ?5, ?6)",
    [TB_DEMO_PUTARAN_SET] = "UPDATE keluarga SET putaran = ?2 WHERE id = ?1",
    [TB_DEMO_PERSALINAN] = "UPDATE kehamilan SET tempat_persalinan = ?2, penolong = ?3,"
                           " tgl_kn1 = ?4 WHERE id = ?1",
    [TB_DEMO_NIFAS] = "INSERT INTO kunjungan_nifas (kehamilan_id, ke, tanggal) VALUES (?1, ?2, ?3)",
    [TB_DEMO_TPK] = "INSERT INTO tpk (kode, desa, nama) VALUES (?1, ?2, ?3)",
    [TB_DEMO_TPK_ANGGOTA] = "INSERT INTO tpk_anggota (tpk_id, nama, peran) VALUES (?1, ?2, ?3)",
    [TB_DEMO_TPK_KUNJUNGAN] =
        "INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, individu_id, tanggal, sasaran, standar,"
        " pasti, konseling, rujukan_ke) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [TB_DEMO_RAPAT] = "INSERT INTO rapat (jenis, wilayah, tanggal, judul, catatan)"
                      " VALUES (?1, ?2, ?3, ?4, ?5)",
    [TB_DEMO_PESERTA] = "INSERT INTO rapat_peserta (rapat_id, nama, jabatan, instansi)"
                        " VALUES (?1, ?2, ?3, ?4)",
    [TB_DEMO_MASALAH] = "INSERT INTO rapat_masalah (rapat_id, uraian) VALUES (?1, ?2)",
    [TB_DEMO_REKOMENDASI] = "INSERT INTO rapat_rekomendasi (rapat_id, masalah_id, uraian)"
                            " VALUES (?1, ?2, ?3)",
    [TB_DEMO_TINDAK_LANJUT] =
        "INSERT INTO tindak_lanjut (asal, rapat_id, rekomendasi_id, uraian, penanggung_jawab,"
        " wilayah, sumber_anggaran, tenggat, status, ditinjau_rapat_id, diperbarui)"
        " VALUES ('rapat', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [TB_DEMO_AKSI] = "INSERT INTO aksi_konvergensi (kabupaten, tahun, aksi, tanggal, dokumen, pic,"
                     " status, diunggah) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [TB_DEMO_TPPS] = "INSERT INTO tpps_anggota (wilayah, nama, jabatan, instansi, peran, no_sk,"
                     " mulai) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [TB_DEMO_SURVEI] = "INSERT INTO survei_prevalensi (wilayah, tahun, survei, stunting, wasting,"
                       " underweight, sumber) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                       " 'angka contoh (demo)')",
    [TB_DEMO_LEMBAGA] = "INSERT INTO lembaga (kode, nama, jenis, wilayah) VALUES (?1, ?2, ?3, ?4)",
    [TB_DEMO_LEMBAGA_PKM] = "INSERT INTO lembaga (kode, nama, jenis, wilayah)"
                            " SELECT 'PKM-' || kode, nama, 'puskesmas', kecamatan FROM puskesmas",
    [TB_DEMO_LEMBAGA_DESA] = "INSERT INTO lembaga (kode, nama, jenis, wilayah)"
                             " SELECT 'DESA-' || kode, 'Pemerintah Desa ' || nama, 'desa', kode"
                             " FROM wilayah WHERE tingkat = 4",
    [TB_DEMO_TL_LEMBAGA] =
        "UPDATE tindak_lanjut SET pj_lembaga = (SELECT kode FROM lembaga"
        " WHERE lower(nama) = lower(penanggung_jawab)), pelaksana = (SELECT kode FROM lembaga"
        " WHERE lower(nama) = lower(penanggung_jawab))",
    [TB_DEMO_PENGGUNA_LEMBAGA] = "INSERT INTO pengguna_lembaga (pengguna_id, lembaga)"
                                 " SELECT id, ?2 FROM pengguna WHERE username = ?1",
    [TB_DEMO_TPPS_FROM_ANGGOTA] =
        "INSERT INTO tpps (wilayah, no_sk, tgl_sk) SELECT wilayah, max(no_sk),"
        " CASE WHEN max(no_sk) IS NULL THEN NULL ELSE min(mulai) END FROM tpps_anggota"
        " GROUP BY wilayah",
    [TB_DEMO_TPPS_SK] = "UPDATE tpps SET no_sk = ?2, tgl_sk = ?3, berlaku_sampai = ?4"
                        " WHERE wilayah = ?1",
    [TB_DEMO_KELEMBAGAAN] = "INSERT INTO kelembagaan_desa (desa, kpm_ada, kpm_terlatih,"
                            " kader_jumlah, kader_terlatih, bkb, bkr, bkl, kampung_kb,"
                            " rumah_dataku) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [TB_DEMO_APBDES] = "INSERT INTO anggaran_desa (desa, tahun, stunting, kpm)"
                       " VALUES (?1, ?2, ?3, ?4)",
    [TB_DEMO_AKSI_LEMBAGA] = "UPDATE aksi_konvergensi SET lembaga = (SELECT kode FROM lembaga"
                             " WHERE lower(nama) = lower(aksi_konvergensi.pic))",
};

long tb_store_demo_insert(tb_store *s, tb_demo_row which, const char *types, ...)
{
    if ((int)which < 0 || which >= TB_DEMO_COUNT)
        return tb_store_fail(s, "demo: unknown row kind %d", (int)which);
    sqlite3_stmt *st = tb_store_stmt(s, demo_sql[which]);
    if (!st)
        return -1;
    va_list ap;
    va_start(ap, types);
    for (int i = 0; types[i]; i++) {
        int k = i + 1;
        switch (types[i]) {
        case 't': {
            const char *v = va_arg(ap, const char *);
            if (v && *v)
                sqlite3_bind_text(st, k, v, -1, SQLITE_TRANSIENT);
            break;
        }
        case 'i':
            sqlite3_bind_int(st, k, va_arg(ap, int));
            break;
        case 'l': {
            long v = va_arg(ap, long);
            if (v)
                sqlite3_bind_int64(st, k, v);
            break;
        }
        case 'd': {
            double v = va_arg(ap, double);
            if (!isnan(v))
                sqlite3_bind_double(st, k, v);
            break;
        }
        default:
            va_end(ap);
            return tb_store_fail(s, "demo: bad type letter '%c'", types[i]);
        }
    }
    va_end(ap);
    if (sqlite3_step(st) != SQLITE_DONE)
        return tb_store_fail(s, "demo insert %d: %s", (int)which, sqlite3_errmsg(tb_store_db(s)));
    return (long)sqlite3_last_insert_rowid(tb_store_db(s));
}
