/*
 * demo.h - the inserts the demo generator (import/demo.c) makes.
 *
 * Part of the store module (store.h): the SQL lives here, parameterised;
 * demo.c only says which row to add and with which values.
 */
#ifndef TB_STORE_DEMO_H
#define TB_STORE_DEMO_H

#include "store/store.h"

typedef enum {
    TB_DEMO_PUSKESMAS,     /* kode, nama, kecamatan */
    TB_DEMO_POSYANDU,      /* nama, desa, puskesmas_id, kit_standar */
    TB_DEMO_LOKUS,         /* kode, tahun */
    TB_DEMO_KELUARGA,      /* see demo.c (store) */
    TB_DEMO_INDIVIDU,      /* nik, nik_sementara, nama, nama_kunci, jk, tgl_lahir, keluarga_id,
                              ibu_id, desa, rt, rw, alamat, peran */
    TB_DEMO_ANAK,          /* individu_id, bb_lahir, pb_lahir, nama_ortu, posyandu_id, buku_kia */
    TB_DEMO_KEHAMILAN,     /* ibu_id, hpht, hpl, gravida, paritas, umur_ibu, lila, hb, kek,
                              anemia, ttd_jumlah, kelas_ibu, tgl_persalinan */
    TB_DEMO_ANC,           /* kehamilan_id, ke, tanggal, pemberi */
    TB_DEMO_CATIN,         /* individu_id, tgl_rencana_nikah, tgl_periksa, bb, tb, imt, lila, hb,
                              merokok, hasil, faktor */
    TB_DEMO_TPK,           /* kode, desa, nama */
    TB_DEMO_TPK_ANGGOTA,   /* tpk_id, nama, peran */
    TB_DEMO_TPK_KUNJUNGAN, /* tpk_id, keluarga_id, individu_id, tanggal, sasaran, standar, pasti,
                              konseling, rujukan_ke */
    TB_DEMO_RAPAT,         /* jenis, wilayah, tanggal, judul, catatan */
    TB_DEMO_PESERTA,       /* rapat_id, nama, jabatan, instansi */
    TB_DEMO_MASALAH,       /* rapat_id, uraian */
    TB_DEMO_REKOMENDASI,   /* rapat_id, masalah_id, uraian */
    TB_DEMO_TINDAK_LANJUT, /* rapat_id, rekomendasi_id, uraian, penanggung_jawab, wilayah,
                              sumber_anggaran, tenggat, status, ditinjau_rapat_id, diperbarui */
    TB_DEMO_AKSI,          /* kabupaten, tahun, aksi, tanggal, dokumen, pic, status, diunggah */
    TB_DEMO_TPPS,          /* wilayah, nama, jabatan, instansi, peran, no_sk, mulai */
    TB_DEMO_SURVEI,        /* wilayah, tahun, survei, stunting, wasting, underweight */
    TB_DEMO_POSYANDU_HARI, /* posyandu id, its usual day of the month (an update) */
    TB_DEMO_LEMBAGA,       /* kode, nama, jenis, wilayah */
    TB_DEMO_LEMBAGA_PKM,   /* (none) every puskesmas as an institution */
    TB_DEMO_LEMBAGA_DESA,  /* (none) every desa government as an institution */
    TB_DEMO_TL_LEMBAGA,    /* (none) actions point to the institution named as their owner */
    TB_DEMO_PENGGUNA_LEMBAGA, /* username, lembaga kode */
    TB_DEMO_PUTARAN, /* keluarga_id, putaran, tanggal, sasaran, krs, krs_faktor (a census round) */
    TB_DEMO_PUTARAN_SET, /* keluarga_id, putaran (the round the family's row holds) */

    TB_DEMO_TPPS_FROM_ANGGOTA, /* (none) each area's team from its members' SK */
    TB_DEMO_TPPS_SK,           /* wilayah, no_sk, tgl_sk, berlaku_sampai */
    TB_DEMO_KELEMBAGAAN,  /* desa, kpm_ada, kpm_terlatih, kader_jumlah, kader_terlatih, bkb, bkr,
                             bkl, kampung_kb, rumah_dataku */
    TB_DEMO_APBDES,       /* desa, tahun, stunting, kpm */
    TB_DEMO_AKSI_LEMBAGA, /* (none) each aksi's lead institution from its PIC's name */
    TB_DEMO_PERSALINAN,  /* kehamilan id, tempat, penolong, tgl_kn1 (an update) */
    TB_DEMO_NIFAS,       /* kehamilan_id, ke, tanggal */
    TB_DEMO_COUNT
} tb_demo_row;

/*
 * Inserts one row. types has one letter per value: 't' text (NULL pointer or
 * "" = NULL), 'i' int, 'l' long id (0 = NULL), 'd' double (NAN = NULL).
 * Returns the new rowid, or -1 with tb_store_error() set.
 */
long tb_store_demo_insert(tb_store *s, tb_demo_row which, const char *types, ...);

#endif
