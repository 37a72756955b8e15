/*
 * schema.c - the SQLite schema of Tumbuh, as numbered migrations.
 *
 * Each migration is applied once, in its own transaction, when a database is
 * opened (store.c); PRAGMA user_version records how far a database is. A
 * migration is never edited once released: changes come as a new one.
 * Table and column names are Indonesian where they name programme concepts
 * (domain reference section 14), so that they read like the forms they come
 * from. Reference data that policy can change (KBM, Permenkes bands, KRS
 * rules, Elsimil thresholds, checklists) is data here, versioned, not code.
 */
#include "store/store.h"

static const char *const migration_1 =
    /* --- wilayah: provinsi (1), kabupaten (2), kecamatan (3), desa (4) --- */
    "CREATE TABLE wilayah ("
    "  kode TEXT PRIMARY KEY," /* Kemendagri code, dotted: 35.07.01.2001 */
    "  tingkat INTEGER NOT NULL CHECK (tingkat BETWEEN 1 AND 4),"
    "  induk TEXT REFERENCES wilayah(kode),"
    "  nama TEXT NOT NULL,"
    "  kampung_kb INTEGER NOT NULL DEFAULT 0,"
    "  rumah_dataku TEXT" /* sederhana / lengkap / paripurna */
    ");"
    "CREATE INDEX wilayah_induk ON wilayah(induk);"
    "CREATE TABLE wilayah_lokus ("
    "  kode TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tahun INTEGER NOT NULL,"
    "  PRIMARY KEY (kode, tahun)"
    ");"
    "CREATE TABLE puskesmas ("
    "  id INTEGER PRIMARY KEY,"
    "  kode TEXT UNIQUE,"
    "  nama TEXT NOT NULL,"
    "  kecamatan TEXT NOT NULL REFERENCES wilayah(kode),"
    "  UNIQUE (kecamatan, nama)"
    ");"
    "CREATE TABLE posyandu ("
    "  id INTEGER PRIMARY KEY,"
    "  nama TEXT NOT NULL,"
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  puskesmas_id INTEGER REFERENCES puskesmas(id),"
    "  jenis TEXT NOT NULL DEFAULT 'posyandu',"
    "  kit_standar INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (desa, nama)"
    ");"
    /* --- families (Pendataan Keluarga) and people --- */
    "CREATE TABLE keluarga ("
    "  id INTEGER PRIMARY KEY,"
    "  no_kk TEXT NOT NULL UNIQUE,"
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  rt TEXT, rw TEXT, alamat TEXT,"
    "  sumber_pk TEXT, tahun_pk INTEGER,"
    "  desil INTEGER,"   /* P3KE welfare decile */
    "  sumber_air TEXT," /* category, see referensi krs */
    "  jamban TEXT,"     /* septik / tanpa_septik / tidak_ada */
    "  rumah_layak INTEGER,"
    "  pendidikan_ibu TEXT,"
    "  jkn TEXT,"    /* pbi / mandiri / tidak */
    "  bansos TEXT," /* pkh, bpnt, ... comma-separated */
    "  pus INTEGER NOT NULL DEFAULT 0, pus_hamil INTEGER NOT NULL DEFAULT 0,"
    "  punya_baduta INTEGER NOT NULL DEFAULT 0, punya_balita INTEGER NOT NULL DEFAULT 0,"
    "  t4_muda INTEGER NOT NULL DEFAULT 0, t4_tua INTEGER NOT NULL DEFAULT 0,"
    "  t4_dekat INTEGER NOT NULL DEFAULT 0, t4_banyak INTEGER NOT NULL DEFAULT 0,"
    "  sasaran INTEGER NOT NULL DEFAULT 0," /* keluarga sasaran (computed) */
    "  krs INTEGER NOT NULL DEFAULT 0,"     /* keluarga berisiko stunting (computed) */
    "  krs_faktor TEXT,"                    /* risk factors found (computed) */
    "  tgl_verifikasi TEXT"
    ");"
    "CREATE INDEX keluarga_desa ON keluarga(desa);"
    "CREATE TABLE individu ("
    "  id INTEGER PRIMARY KEY,"
    "  nik TEXT UNIQUE," /* NIK, or temporary: mother's NIK + digit */
    "  nik_sementara INTEGER NOT NULL DEFAULT 0,"
    "  nama TEXT NOT NULL,"
    "  nama_kunci TEXT NOT NULL,"        /* normalised name for matching */
    "  jk INTEGER CHECK (jk IN (1, 2))," /* 1 laki-laki, 2 perempuan */
    "  tgl_lahir TEXT,"
    "  keluarga_id INTEGER REFERENCES keluarga(id),"
    "  ibu_id INTEGER REFERENCES individu(id),"
    "  desa TEXT REFERENCES wilayah(kode),"
    "  rt TEXT, rw TEXT, alamat TEXT,"
    "  peran TEXT" /* catin, pus, bumil, nifas, remaja_putri, anak */
    ");"
    "CREATE INDEX individu_cocok ON individu(desa, nama_kunci, tgl_lahir);"
    "CREATE INDEX individu_keluarga ON individu(keluarga_id);"
    "CREATE TABLE anak ("
    "  individu_id INTEGER PRIMARY KEY REFERENCES individu(id),"
    "  bb_lahir REAL, pb_lahir REAL, usia_gestasi INTEGER,"
    "  nama_ortu TEXT,"
    "  posyandu_id INTEGER REFERENCES posyandu(id),"
    "  buku_kia INTEGER NOT NULL DEFAULT 0,"
    "  akta_lahir INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX anak_posyandu ON anak(posyandu_id);"
    /* --- measurements: z-scores and categories computed on write --- */
    "CREATE TABLE pengukuran ("
    "  id INTEGER PRIMARY KEY,"
    "  anak_id INTEGER NOT NULL REFERENCES anak(individu_id),"
    "  tanggal TEXT NOT NULL,"
    "  posyandu_id INTEGER REFERENCES posyandu(id),"
    "  bb REAL, tb REAL,"
    "  cara_ukur TEXT CHECK (cara_ukur IN ('l', 'h')),"
    "  oedema INTEGER NOT NULL DEFAULT 0,"
    "  lila REAL, lika REAL,"
    "  pengukur TEXT, kit_standar INTEGER,"
    "  vit_a INTEGER NOT NULL DEFAULT 0, pmt_kg REAL, kpsp TEXT,"
    "  rujukan INTEGER NOT NULL DEFAULT 0,"
    "  umur_hari INTEGER, tb_koreksi REAL,"
    "  z_bbu REAL, z_tbu REAL, z_bbtb REAL, z_imtu REAL, z_lila REAL, z_lika REAL,"
    "  f_bbu INTEGER, f_tbu INTEGER, f_bbtb INTEGER, f_imtu INTEGER,"
    "  kat_bbu TEXT, kat_tbu TEXT, kat_bbtb TEXT, kat_imtu TEXT,"
    "  naik TEXT CHECK (naik IN ('N', 'T', 'O', 'B')),"
    "  t2 INTEGER NOT NULL DEFAULT 0, bgm INTEGER NOT NULL DEFAULT 0,"
    "  uuid_klien TEXT UNIQUE," /* offline entries: sent once, stored once */
    "  dibuat_oleh INTEGER REFERENCES pengguna(id),"
    "  UNIQUE (anak_id, tanggal)"
    ");"
    "CREATE INDEX pengukuran_posyandu_tanggal ON pengukuran(posyandu_id, tanggal);"
    "CREATE INDEX pengukuran_tanggal ON pengukuran(tanggal);"
    /* --- pregnancy, ANC, post-partum --- */
    "CREATE TABLE kehamilan ("
    "  id INTEGER PRIMARY KEY,"
    "  ibu_id INTEGER NOT NULL REFERENCES individu(id),"
    "  hpht TEXT, hpl TEXT, gravida INTEGER, paritas INTEGER, umur_ibu INTEGER,"
    "  lila REAL, hb REAL,"
    "  kek INTEGER NOT NULL DEFAULT 0, anemia INTEGER NOT NULL DEFAULT 0,"
    "  risti INTEGER NOT NULL DEFAULT 0,"
    "  ttd_jumlah INTEGER NOT NULL DEFAULT 0, mt INTEGER NOT NULL DEFAULT 0,"
    "  kelas_ibu INTEGER NOT NULL DEFAULT 0,"
    "  tgl_persalinan TEXT, tempat_persalinan TEXT, penolong TEXT,"
    "  kb_pasca_salin TEXT,"
    "  UNIQUE (ibu_id, hpht)"
    ");"
    "CREATE TABLE kunjungan_anc ("
    "  id INTEGER PRIMARY KEY,"
    "  kehamilan_id INTEGER NOT NULL REFERENCES kehamilan(id),"
    "  ke INTEGER NOT NULL CHECK (ke BETWEEN 1 AND 12),"
    "  tanggal TEXT NOT NULL, pemberi TEXT,"
    "  UNIQUE (kehamilan_id, ke)"
    ");"
    "CREATE TABLE kunjungan_nifas ("
    "  id INTEGER PRIMARY KEY,"
    "  kehamilan_id INTEGER NOT NULL REFERENCES kehamilan(id),"
    "  ke INTEGER NOT NULL CHECK (ke BETWEEN 1 AND 4),"
    "  tanggal TEXT NOT NULL,"
    "  UNIQUE (kehamilan_id, ke)"
    ");"
    /* --- catin screening (Elsimil) --- */
    "CREATE TABLE catin ("
    "  id INTEGER PRIMARY KEY,"
    "  individu_id INTEGER NOT NULL REFERENCES individu(id),"
    "  tgl_rencana_nikah TEXT, tgl_periksa TEXT NOT NULL,"
    "  bb REAL, tb REAL, imt REAL, lila REAL, lingkar_perut REAL, hb REAL,"
    "  merokok INTEGER NOT NULL DEFAULT 0,"
    "  hasil TEXT CHECK (hasil IN ('ideal', 'berisiko')),"
    "  faktor TEXT,"
    "  no_sertifikat TEXT, ttd INTEGER NOT NULL DEFAULT 0, mulai_pendampingan TEXT,"
    "  UNIQUE (individu_id, tgl_periksa)"
    ");"
    /* --- Tim Pendamping Keluarga --- */
    "CREATE TABLE tpk ("
    "  id INTEGER PRIMARY KEY,"
    "  kode TEXT UNIQUE, desa TEXT NOT NULL REFERENCES wilayah(kode), nama TEXT NOT NULL"
    ");"
    "CREATE TABLE tpk_anggota ("
    "  id INTEGER PRIMARY KEY,"
    "  tpk_id INTEGER NOT NULL REFERENCES tpk(id),"
    "  nama TEXT NOT NULL,"
    "  peran TEXT NOT NULL CHECK (peran IN ('bidan', 'kader_pkk', 'kader_kb')),"
    "  no_sk TEXT, pengguna_id INTEGER REFERENCES pengguna(id)"
    ");"
    "CREATE TABLE tpk_kunjungan ("
    "  id INTEGER PRIMARY KEY,"
    "  tpk_id INTEGER NOT NULL REFERENCES tpk(id),"
    "  keluarga_id INTEGER REFERENCES keluarga(id),"
    "  individu_id INTEGER REFERENCES individu(id),"
    "  tanggal TEXT NOT NULL,"
    "  sasaran TEXT NOT NULL CHECK (sasaran IN ('catin', 'bumil', 'nifas', 'baduta', 'balita')),"
    "  standar TEXT," /* checklist items done (3 standar), JSON */
    "  pasti TEXT,"   /* checklist items done (4 PASTI), JSON */
    "  observasi TEXT, konseling TEXT,"
    "  rujukan_ke TEXT, status_rujukan TEXT, bansos TEXT, kunjungan_berikut TEXT"
    ");"
    "CREATE INDEX tpk_kunjungan_tanggal ON tpk_kunjungan(tpk_id, tanggal);"
    /* --- meetings and their follow-up --- */
    "CREATE TABLE rapat ("
    "  id INTEGER PRIMARY KEY,"
    "  jenis TEXT NOT NULL CHECK (jenis IN ('minilok', 'rakor', 'rembuk', 'audit_kasus')),"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tanggal TEXT NOT NULL, judul TEXT NOT NULL, catatan TEXT"
    ");"
    "CREATE TABLE rapat_peserta ("
    "  id INTEGER PRIMARY KEY, rapat_id INTEGER NOT NULL REFERENCES rapat(id),"
    "  nama TEXT NOT NULL, jabatan TEXT, instansi TEXT"
    ");"
    "CREATE TABLE rapat_masalah ("
    "  id INTEGER PRIMARY KEY, rapat_id INTEGER NOT NULL REFERENCES rapat(id),"
    "  uraian TEXT NOT NULL"
    ");"
    "CREATE TABLE rapat_rekomendasi ("
    "  id INTEGER PRIMARY KEY, rapat_id INTEGER NOT NULL REFERENCES rapat(id),"
    "  masalah_id INTEGER REFERENCES rapat_masalah(id), uraian TEXT NOT NULL"
    ");"
    /* an action item (RTL) or referral, from a meeting, a visit or a case audit */
    "CREATE TABLE tindak_lanjut ("
    "  id INTEGER PRIMARY KEY,"
    "  asal TEXT NOT NULL CHECK (asal IN ('rapat', 'kunjungan', 'aks', 'posyandu')),"
    "  rapat_id INTEGER REFERENCES rapat(id),"
    "  rekomendasi_id INTEGER REFERENCES rapat_rekomendasi(id),"
    "  kunjungan_id INTEGER REFERENCES tpk_kunjungan(id),"
    "  individu_id INTEGER REFERENCES individu(id),"
    "  uraian TEXT NOT NULL,"
    "  penanggung_jawab TEXT NOT NULL," /* OPD, jabatan or desa */
    "  wilayah TEXT REFERENCES wilayah(kode),"
    "  sumber_anggaran TEXT," /* APBDes, APBD, DAK, BOK, ... */
    "  tenggat TEXT,"
    "  status TEXT NOT NULL DEFAULT 'baru'"
    "    CHECK (status IN ('baru', 'proses', 'selesai', 'batal')),"
    "  bukti TEXT,"
    "  ditinjau_rapat_id INTEGER REFERENCES rapat(id)," /* reviewed at the next meeting */
    "  diperbarui TEXT"
    ");"
    "CREATE INDEX tindak_lanjut_status ON tindak_lanjut(status, tenggat);"
    "CREATE TABLE kasus_aks ("
    "  id INTEGER PRIMARY KEY,"
    "  individu_id INTEGER NOT NULL REFERENCES individu(id),"
    "  kategori TEXT NOT NULL CHECK (kategori IN ('catin', 'bumil', 'nifas', 'baduta', 'balita')),"
    "  semester TEXT NOT NULL, rapat_id INTEGER REFERENCES rapat(id),"
    "  temuan TEXT, rekomendasi_pakar TEXT, tgl_diseminasi TEXT, hasil TEXT"
    ");"
    /* --- convergence actions, TPPS, indicators --- */
    "CREATE TABLE aksi_konvergensi ("
    "  kabupaten TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tahun INTEGER NOT NULL, aksi INTEGER NOT NULL CHECK (aksi BETWEEN 1 AND 8),"
    "  tanggal TEXT, dokumen TEXT, pic TEXT,"
    "  status TEXT NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai')),"
    "  diunggah INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (kabupaten, tahun, aksi)"
    ");"
    "CREATE TABLE tpps_anggota ("
    "  id INTEGER PRIMARY KEY,"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode),"
    "  nama TEXT NOT NULL, jabatan TEXT, instansi TEXT,"
    "  peran TEXT NOT NULL," /* ketua, sekretaris, pokja ..., anggota */
    "  no_sk TEXT, mulai TEXT, selesai TEXT"
    ");"
    "CREATE TABLE indikator ("
    "  kode TEXT PRIMARY KEY, nama TEXT NOT NULL,"
    "  sumber TEXT NOT NULL," /* perpres_spesifik, perpres_sensitif, ran_pasti, ... */
    "  pembilang TEXT, penyebut TEXT, tingkat TEXT, opd TEXT"
    ");"
    "CREATE TABLE indikator_target ("
    "  kode TEXT NOT NULL REFERENCES indikator(kode), tahun INTEGER NOT NULL,"
    "  target REAL NOT NULL, catatan TEXT, PRIMARY KEY (kode, tahun)"
    ");"
    "CREATE TABLE indikator_nilai ("
    "  kode TEXT NOT NULL REFERENCES indikator(kode),"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode),"
    "  periode TEXT NOT NULL, pembilang REAL, penyebut REAL, nilai REAL,"
    "  sumber TEXT NOT NULL,"
    "  PRIMARY KEY (kode, wilayah, periode, sumber)"
    ");"
    "CREATE TABLE survei_prevalensi ("
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode), tahun INTEGER NOT NULL,"
    "  survei TEXT NOT NULL, stunting REAL, wasting REAL, underweight REAL,"
    "  PRIMARY KEY (wilayah, tahun, survei)"
    ");"
    /* --- users and the audit trail --- */
    "CREATE TABLE pengguna ("
    "  id INTEGER PRIMARY KEY,"
    "  username TEXT NOT NULL UNIQUE,"
    "  nama TEXT NOT NULL,"
    "  hash TEXT NOT NULL," /* argon2id (libsodium crypto_pwhash_str) */
    "  peran TEXT NOT NULL CHECK (peran IN ('admin_kab', 'tpps_kab', 'opd', 'tpps_kec',"
    "    'gizi_puskesmas', 'desa', 'kader', 'tpk')),"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode),"
    "  posyandu_id INTEGER REFERENCES posyandu(id),"
    "  aktif INTEGER NOT NULL DEFAULT 1,"
    "  dibuat TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
    ");"
    "CREATE TABLE audit_log ("
    "  id INTEGER PRIMARY KEY,"
    "  waktu TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),"
    "  pengguna_id INTEGER REFERENCES pengguna(id),"
    "  aksi TEXT NOT NULL CHECK (aksi IN ('tambah', 'ubah', 'hapus', 'impor', 'masuk')),"
    "  tabel TEXT NOT NULL, baris TEXT,"
    "  sebelum TEXT, sesudah TEXT" /* JSON */
    ");"
    "CREATE INDEX audit_log_tabel ON audit_log(tabel, baris);"
    /* --- versioned reference data --- */
    "CREATE TABLE ref_versi ("
    "  jenis TEXT NOT NULL," /* kbm, ambang, krs, elsimil, checklist, kms */
    "  versi TEXT NOT NULL,"
    "  berlaku_mulai TEXT NOT NULL,"
    "  aktif INTEGER NOT NULL DEFAULT 0,"
    "  sumber TEXT NOT NULL,"
    "  catatan TEXT,"
    "  data TEXT," /* JSON for non-tabular rules */
    "  PRIMARY KEY (jenis, versi)"
    ");"
    "CREATE UNIQUE INDEX ref_versi_aktif ON ref_versi(jenis) WHERE aktif = 1;"
    "CREATE TABLE ref_kbm ("
    "  versi TEXT NOT NULL, umur_bulan INTEGER NOT NULL, gram INTEGER NOT NULL,"
    "  PRIMARY KEY (versi, umur_bulan)"
    ");"
    "CREATE TABLE ref_ambang ("
    "  versi TEXT NOT NULL,"
    "  indeks TEXT NOT NULL," /* bbu, tbu, bbtb, imtu, imtu_5_18 */
    "  urutan INTEGER NOT NULL, kode TEXT NOT NULL, label TEXT NOT NULL,"
    "  z_bawah REAL, z_atas REAL," /* band: z_bawah <(=) z <(=) z_atas */
    "  PRIMARY KEY (versi, indeks, urutan)"
    ");"
    "CREATE TABLE ref_checklist ("
    "  versi TEXT NOT NULL, daftar TEXT NOT NULL," /* 3standar, 4pasti */
    "  urutan INTEGER NOT NULL, kode TEXT NOT NULL, label TEXT NOT NULL,"
    "  PRIMARY KEY (versi, daftar, urutan)"
    ");";

/* Reference data of migration 1, with its sources (domain reference). */
static const char *const migration_1_data =
    /* KBM: Buku KIA 2023 (6.3) and its two conflicting variants. */
    "INSERT INTO ref_versi VALUES ('kbm', 'kia2023', '2023-05-06', 1,"
    "  'Buku KIA 2023 p. 54', 'month 1 800 g ... 7-10 300 g, from 11 200 g', NULL);"
    "INSERT INTO ref_versi VALUES ('kbm', 'kia2023-bulan3-600', '2023-05-06', 0,"
    "  'program-owner spreadsheet', '600 g at month 3 [CONFLICT]', NULL);"
    "INSERT INTO ref_versi VALUES ('kbm', 'switch12', '2010-01-01', 0,"
    "  'public implementations', '300 g to month 11, 200 g from month 12 [CONFLICT]', NULL);"
    "WITH RECURSIVE m(b) AS (SELECT 1 UNION ALL SELECT b + 1 FROM m WHERE b < 60)"
    "INSERT INTO ref_kbm SELECT v.versi, b, CASE"
    "  WHEN b = 1 THEN 800 WHEN b = 2 THEN 900"
    "  WHEN b = 3 THEN (CASE v.versi WHEN 'kia2023-bulan3-600' THEN 600 ELSE 800 END)"
    "  WHEN b = 4 THEN 600 WHEN b = 5 THEN 500 WHEN b = 6 THEN 400"
    "  WHEN b <= (CASE v.versi WHEN 'switch12' THEN 11 ELSE 10 END) THEN 300"
    "  ELSE 200 END"
    "  FROM m, (SELECT versi FROM ref_versi WHERE jenis = 'kbm') v;"
    /* Permenkes 2/2020 bands (section 7). */
    "INSERT INTO ref_versi VALUES ('ambang', 'permenkes-2-2020', '2020-01-08', 1,"
    "  'Permenkes 2/2020 Standar Antropometri Anak', NULL, NULL);"
    "INSERT INTO ref_ambang VALUES"
    "  ('permenkes-2-2020', 'bbu', 1, 'BBSK', 'Berat badan sangat kurang', NULL, -3),"
    "  ('permenkes-2-2020', 'bbu', 2, 'BBK', 'Berat badan kurang', -3, -2),"
    "  ('permenkes-2-2020', 'bbu', 3, 'BBN', 'Berat badan normal', -2, 1),"
    "  ('permenkes-2-2020', 'bbu', 4, 'RBBL', 'Risiko berat badan lebih', 1, NULL),"
    "  ('permenkes-2-2020', 'tbu', 1, 'SP', 'Sangat pendek', NULL, -3),"
    "  ('permenkes-2-2020', 'tbu', 2, 'P', 'Pendek', -3, -2),"
    "  ('permenkes-2-2020', 'tbu', 3, 'N', 'Normal', -2, 3),"
    "  ('permenkes-2-2020', 'tbu', 4, 'T', 'Tinggi', 3, NULL),"
    "  ('permenkes-2-2020', 'bbtb', 1, 'GBR', 'Gizi buruk', NULL, -3),"
    "  ('permenkes-2-2020', 'bbtb', 2, 'GK', 'Gizi kurang', -3, -2),"
    "  ('permenkes-2-2020', 'bbtb', 3, 'GB', 'Gizi baik', -2, 1),"
    "  ('permenkes-2-2020', 'bbtb', 4, 'RGL', 'Berisiko gizi lebih', 1, 2),"
    "  ('permenkes-2-2020', 'bbtb', 5, 'GL', 'Gizi lebih', 2, 3),"
    "  ('permenkes-2-2020', 'bbtb', 6, 'OB', 'Obesitas', 3, NULL),"
    "  ('permenkes-2-2020', 'imtu', 1, 'GBR', 'Gizi buruk', NULL, -3),"
    "  ('permenkes-2-2020', 'imtu', 2, 'GK', 'Gizi kurang', -3, -2),"
    "  ('permenkes-2-2020', 'imtu', 3, 'GB', 'Gizi baik', -2, 1),"
    "  ('permenkes-2-2020', 'imtu', 4, 'RGL', 'Berisiko gizi lebih', 1, 2),"
    "  ('permenkes-2-2020', 'imtu', 5, 'GL', 'Gizi lebih', 2, 3),"
    "  ('permenkes-2-2020', 'imtu', 6, 'OB', 'Obesitas', 3, NULL),"
    "  ('permenkes-2-2020', 'imtu_5_18', 1, 'GBR', 'Gizi buruk', NULL, -3),"
    "  ('permenkes-2-2020', 'imtu_5_18', 2, 'GK', 'Gizi kurang', -3, -2),"
    "  ('permenkes-2-2020', 'imtu_5_18', 3, 'GB', 'Gizi baik', -2, 1),"
    "  ('permenkes-2-2020', 'imtu_5_18', 4, 'GL', 'Gizi lebih', 1, 2),"
    "  ('permenkes-2-2020', 'imtu_5_18', 5, 'OB', 'Obesitas', 2, NULL);"
    /* KRS rules (section 5). */
    "INSERT INTO ref_versi VALUES ('krs', 'bkkbn-2023', '2023-07-01', 1,"
    "  'BKKBN Sulbar 2024-01-21; tribunnews 2023-11-27', 'terlalu tua 35-40 as stated [note]',"
    "  '{\"air_layak\": [\"kemasan\", \"isi_ulang\", \"ledeng\", \"sumur_bor\","
    "    \"sumur_terlindungi\"], \"jamban_layak\": [\"septik\"], \"umur_muda\": 20,"
    "    \"umur_tua_dari\": 35, \"umur_tua_sampai\": 40, \"jarak_bulan\": 24, \"anak_banyak\": 3,"
    "    \"faktor_tambahan\": [\"rumah_tidak_layak\", \"pendidikan_ibu_rendah\", \"desil_1\"]}');"
    /* Elsimil thresholds (section 4) [UNCONFIRMED / CONFLICT noted]. */
    "INSERT INTO ref_versi VALUES ('elsimil', 'bkkbn-2023', '2023-03-01', 1,"
    "  'BKKBN Babel (LiLA); WHO anaemia cut-off (Hb)', 'Hb 11.5 per Kaper Sumut [CONFLICT]',"
    "  '{\"lila_min\": 23.5, \"hb_min\": 12.0, \"imt_min\": 18.5, \"umur_min\": 20}');"
    /* KMS lines: red line = BB/U -3 SD (BGM) [UNCONFIRMED, section 6.3]. */
    "INSERT INTO ref_versi VALUES ('kms', 'juknis-kms-2021', '2021-04-01', 1,"
    "  'Juknis KMS 2021 (values UNCONFIRMED)', 'garis merah BB/U -3 SD, oranye +1 SD',"
    "  '{\"garis_merah_z\": -3.0, \"garis_oranye_z\": 1.0, \"kbm_kali_bulan\": false}');"
    /* 3 standar and 4 PASTI: not found in any source (section 3); a default
     * interpretation, to be replaced when the defining document is found. */
    "INSERT INTO ref_versi VALUES ('checklist', 'default-2026', '2026-01-01', 1,"
    "  'placeholder interpretation (domain reference section 3: NOT FOUND)',"
    "  'configurable: replace with the defining document', NULL);"
    "INSERT INTO ref_checklist VALUES"
    "  ('default-2026', '3standar', 1, 'ukur_bb', 'Berat badan ditimbang'),"
    "  ('default-2026', '3standar', 2, 'ukur_pb_tb', 'Panjang/tinggi badan diukur'),"
    "  ('default-2026', '3standar', 3, 'catat_kia', 'Hasil dicatat di Buku KIA'),"
    "  ('default-2026', '4pasti', 1, 'pasti_diukur', 'Pasti diukur'),"
    "  ('default-2026', '4pasti', 2, 'pasti_dirujuk', 'Pasti dirujuk bila bermasalah'),"
    "  ('default-2026', '4pasti', 3, 'pasti_diintervensi', 'Pasti diintervensi'),"
    "  ('default-2026', '4pasti', 4, 'pasti_didampingi', 'Pasti didampingi');";

/* 2: people without a NIK are matched by desa and birth date first, then by name
 * similarity (individu.c); this index makes that lookup direct. */
static const char *const migration_2 =
    "CREATE INDEX individu_desa_lahir ON individu(desa, tgl_lahir);";

/* 3: every report reaches measurements through the child (anak_id, tanggal)
 * or the posyandu (posyandu_id, tanggal); the index on the date alone was
 * used by none and cost every insert a fourth index update (import speed). */
static const char *const migration_3 = "DROP INDEX IF EXISTS pengukuran_tanggal;";

/* The indexes a bulk load drops and builds again (tb_store_pengukuran_bulk_*). */
#define PENGUKURAN_INDEXES                                                                         \
    "CREATE UNIQUE INDEX pengukuran_anak_tanggal ON pengukuran(anak_id, tanggal);"                 \
    "CREATE INDEX pengukuran_posyandu_tanggal ON pengukuran(posyandu_id, tanggal);"

const char *tb_store_schema_pengukuran_indexes(void)
{
    return PENGUKURAN_INDEXES;
}

/* 4: pengukuran's uniqueness as named indexes instead of table constraints, so
 * a first bulk load can drop and rebuild them (pengukuran.c), and the client
 * uuid index partial: only offline entries have one, so imported rows no
 * longer add a NULL entry each. The table is rebuilt (SQLite cannot drop a
 * constraint); no other table references it. */
static const char *const migration_4 =
    "CREATE TABLE pengukuran_baru ("
    "  id INTEGER PRIMARY KEY,"
    "  anak_id INTEGER NOT NULL REFERENCES anak(individu_id),"
    "  tanggal TEXT NOT NULL,"
    "  posyandu_id INTEGER REFERENCES posyandu(id),"
    "  bb REAL, tb REAL,"
    "  cara_ukur TEXT CHECK (cara_ukur IN ('l', 'h')),"
    "  oedema INTEGER NOT NULL DEFAULT 0,"
    "  lila REAL, lika REAL,"
    "  pengukur TEXT, kit_standar INTEGER,"
    "  vit_a INTEGER NOT NULL DEFAULT 0, pmt_kg REAL, kpsp TEXT,"
    "  rujukan INTEGER NOT NULL DEFAULT 0,"
    "  umur_hari INTEGER, tb_koreksi REAL,"
    "  z_bbu REAL, z_tbu REAL, z_bbtb REAL, z_imtu REAL, z_lila REAL, z_lika REAL,"
    "  f_bbu INTEGER, f_tbu INTEGER, f_bbtb INTEGER, f_imtu INTEGER,"
    "  kat_bbu TEXT, kat_tbu TEXT, kat_bbtb TEXT, kat_imtu TEXT,"
    "  naik TEXT CHECK (naik IN ('N', 'T', 'O', 'B')),"
    "  t2 INTEGER NOT NULL DEFAULT 0, bgm INTEGER NOT NULL DEFAULT 0,"
    "  uuid_klien TEXT,"
    "  dibuat_oleh INTEGER REFERENCES pengguna(id)"
    ");"
    "INSERT INTO pengukuran_baru SELECT * FROM pengukuran;"
    "DROP TABLE pengukuran;"
    "ALTER TABLE pengukuran_baru RENAME TO pengukuran;"
    "CREATE UNIQUE INDEX pengukuran_uuid ON pengukuran(uuid_klien) WHERE uuid_klien IS NOT "
    "NULL;" PENGUKURAN_INDEXES;

/* 5: a child's status with its date (moved away, died, back again): from
 * that month on a child who is not 'aktif' leaves S (store/status.h). Keyed
 * by individu so that a census child without a posyandu can have one too. */
static const char *const migration_5 =
    "CREATE TABLE anak_status ("
    "  individu_id INTEGER NOT NULL REFERENCES individu(id),"
    "  tanggal TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('aktif', 'pindah', 'meninggal')),"
    "  catatan TEXT,"
    "  dibuat_oleh INTEGER REFERENCES pengguna(id),"
    "  PRIMARY KEY (individu_id, tanggal)"
    ");";

/* Registration checks what it receives (issue 10): a NIK that does not pass
 * the checks (province code, birth date and sex inside it) is kept apart, as
 * typed, not as the person's identity. */
static const char *const migration_6 = "ALTER TABLE individu ADD COLUMN nik_belum_valid TEXT;";

/* 7: login sessions in the database, so a restart logs nobody out (sesi.c).
 * Only a hash of the cookie's token is kept (a copy of the database opens no
 * session); dipakai (last used, unix seconds) drives the idle expiry. */
static const char *const migration_7 =
    "CREATE TABLE sesi ("
    "  hash BLOB PRIMARY KEY," /* crypto_generichash of the token, 32 bytes */
    "  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),"
    "  csrf TEXT NOT NULL,"
    "  dibuat INTEGER NOT NULL, dipakai INTEGER NOT NULL,"
    "  alamat TEXT"
    ") WITHOUT ROWID;"
    "CREATE INDEX sesi_pengguna ON sesi(pengguna_id);";

/* The key of each user's offline queue in the browser (store/antrian.h):
 * base64 of 32 random bytes, given only to that user's session. */
static const char *const migration_8 = "CREATE TABLE antrian_kunci ("
                                       "  pengguna_id INTEGER PRIMARY KEY REFERENCES pengguna(id),"
                                       "  kunci TEXT NOT NULL,"
                                       "  dibuat TEXT NOT NULL DEFAULT (datetime('now'))"
                                       ");";

/* 9: the integrity of measurements (issue 10). An offline entry's client id
 * is bound to a fingerprint of its child and values (sidik); a confirmed
 * implausible value is marked (tidak_wajar) and its f_* flags set; a deleted
 * measurement, or one merged away from a duplicate child, moves whole to
 * arsip_pengukuran with who, when and why (so no figure or list sees it);
 * a child entered twice is marked merged into the other (digabung_ke); a
 * posyandu has its usual day of the month (hari_buka, 1-31). */
static const char *const migration_9 =
    "ALTER TABLE pengukuran ADD COLUMN sidik TEXT;"
    "ALTER TABLE pengukuran ADD COLUMN tidak_wajar INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE anak ADD COLUMN digabung_ke INTEGER REFERENCES anak(individu_id);"
    "ALTER TABLE posyandu ADD COLUMN hari_buka INTEGER CHECK (hari_buka BETWEEN 1 AND 31);"
    "CREATE TABLE arsip_pengukuran ("
    "  id INTEGER PRIMARY KEY,"
    "  pengukuran_id INTEGER NOT NULL,"
    "  anak_id INTEGER NOT NULL,"
    "  tanggal TEXT NOT NULL,"
    "  jenis TEXT NOT NULL CHECK (jenis IN ('hapus', 'gabung')),"
    "  alasan TEXT,"
    "  oleh INTEGER REFERENCES pengguna(id),"
    "  waktu TEXT NOT NULL,"
    "  data TEXT NOT NULL"
    ");"
    "CREATE INDEX arsip_pengukuran_anak ON arsip_pengukuran(anak_id);";

/* 10: the national code list (issue 11). Every code read from a version of
 * the Kemendagri list has a row in wilayah_daftar_kode naming the last list
 * that carried it (daftar); di_daftar is 1 while the latest list loaded
 * still has it, 0 once a later list dropped it (the wilayah stays, so the
 * data that refer to it keep their area). A wilayah that no list carries
 * (the demo district, 35.99) has no row there. A table beside wilayah, not
 * new columns, so that wilayah keeps its shape. wilayah_alias: the
 * spellings a district fixed once (`tumbuh import alias`), read by the
 * import's place resolution. pengaturan holds the settings of the
 * installation, such as the district a database serves ('kabupaten'). */
static const char *const migration_10 =
    "CREATE TABLE wilayah_daftar ("
    "  versi TEXT PRIMARY KEY,"
    "  sha256 TEXT NOT NULL,"
    "  baris INTEGER NOT NULL,"
    "  dimuat TEXT NOT NULL DEFAULT (datetime('now'))"
    ");"
    "CREATE TABLE wilayah_daftar_kode ("
    "  kode TEXT PRIMARY KEY REFERENCES wilayah(kode),"
    "  daftar TEXT NOT NULL REFERENCES wilayah_daftar(versi),"
    "  di_daftar INTEGER NOT NULL DEFAULT 1"
    ") WITHOUT ROWID;"
    "CREATE TABLE wilayah_alias ("
    "  nama TEXT NOT NULL," /* another spelling, as exports write it */
    "  kode TEXT NOT NULL REFERENCES wilayah(kode),"
    "  PRIMARY KEY (nama, kode)"
    ");"
    "CREATE TABLE pengaturan ("
    "  kunci TEXT PRIMARY KEY,"
    "  nilai TEXT NOT NULL"
    ");";

/* 11: user administration: phone, last login, a one-time password to change at first login */
static const char *const migration_11 =
    "ALTER TABLE pengguna ADD COLUMN telepon TEXT;"
    "ALTER TABLE pengguna ADD COLUMN login_terakhir TEXT;"
    "ALTER TABLE pengguna ADD COLUMN sandi_sementara INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX audit_log_waktu ON audit_log(waktu);";

/* 12: the district's own setup (store/atur.h): a posyandu or puskesmas is
 * closed on a date, never deleted (its history stays); a survey figure
 * names its source; prevalence targets per area and year ('ID' is the
 * national target, seeded from Perpres 72/2021 and the RPJMN 2025-2029);
 * a lokus desa carries its decree (SK) number and date. */
static const char *const migration_12 =
    "ALTER TABLE posyandu ADD COLUMN ditutup TEXT;"
    "ALTER TABLE puskesmas ADD COLUMN ditutup TEXT;"
    "ALTER TABLE survei_prevalensi ADD COLUMN sumber TEXT;"
    "ALTER TABLE wilayah_lokus ADD COLUMN no_sk TEXT;"
    "ALTER TABLE wilayah_lokus ADD COLUMN tgl_sk TEXT;"
    "CREATE TABLE target_prevalensi ("
    "  wilayah TEXT NOT NULL," /* a wilayah code, or 'ID': the national target */
    "  tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),"
    "  stunting REAL NOT NULL CHECK (stunting BETWEEN 0 AND 100),"
    "  sumber TEXT NOT NULL,"
    "  PRIMARY KEY (wilayah, tahun)"
    ");"
    "INSERT INTO target_prevalensi VALUES ('ID', 2024, 14.0, 'Perpres 72/2021 (target antara)');"
    "INSERT INTO target_prevalensi VALUES ('ID', 2029, 14.2, 'RPJMN 2025-2029');";

/* 13: the coordination cycle (issue 13). lembaga: the institutions that
 * attend meetings and own actions (OPD, desa, puskesmas, TPPS bidang,
 * other), each in an area; pengguna_lembaga links a user (an OPD member) to
 * one. rapat_jenis: the kinds of meeting, the four built in and those a
 * district adds, each behaving as one of the four (dasar: who runs it);
 * tahapan = 1 when the kind has the Musi Rawas lokmin stages (tahap 1-6).
 * rapat gains its place, stage, agenda, creator and district kind; its
 * catatan holds the minutes. rapat_keputusan: decisions and commitments
 * (who commits to what). rapat_masalah: the desa or theme of a problem, and
 * its escalation to the area above (naik_ke) with the answer that flows
 * back. tindak_lanjut gains the problem it answers, the executor and the
 * responsible institution and person, the budget amount, a target (volume,
 * or an indicator of an area reaching a value by a month) and who created
 * it; each review is a row of tindak_lanjut_tinjauan (the history stays);
 * tindak_lanjut_jadwal holds the weekly Rencana Kerja rows (minggu: bits
 * 1-4 = weeks 1-4). */
static const char *const migration_13 =
    "CREATE TABLE lembaga ("
    "  kode TEXT PRIMARY KEY,"
    "  nama TEXT NOT NULL,"
    "  jenis TEXT NOT NULL CHECK (jenis IN ('opd', 'desa', 'puskesmas', 'tpps_bidang', 'lainnya')),"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode)"
    ");"
    "CREATE TABLE pengguna_lembaga ("
    "  pengguna_id INTEGER PRIMARY KEY REFERENCES pengguna(id),"
    "  lembaga TEXT NOT NULL REFERENCES lembaga(kode)"
    ");"
    "CREATE TABLE rapat_jenis ("
    "  kode TEXT PRIMARY KEY, nama TEXT NOT NULL,"
    "  dasar TEXT NOT NULL CHECK (dasar IN ('minilok', 'rakor', 'rembuk', 'audit_kasus')),"
    "  tahapan INTEGER NOT NULL DEFAULT 0"
    ");"
    "INSERT INTO rapat_jenis VALUES ('minilok', 'Lokakarya mini kecamatan', 'minilok', 1),"
    "  ('rakor', 'Rapat koordinasi TPPS kabupaten', 'rakor', 0),"
    "  ('rembuk', 'Rembuk stunting', 'rembuk', 0),"
    "  ('audit_kasus', 'Audit kasus stunting', 'audit_kasus', 0);"
    "ALTER TABLE rapat ADD COLUMN jenis_kode TEXT REFERENCES rapat_jenis(kode);"
    "ALTER TABLE rapat ADD COLUMN tempat TEXT;"
    "ALTER TABLE rapat ADD COLUMN tahap INTEGER CHECK (tahap BETWEEN 1 AND 6);"
    "ALTER TABLE rapat ADD COLUMN agenda TEXT;"
    "ALTER TABLE rapat ADD COLUMN dibuat_oleh INTEGER REFERENCES pengguna(id);"
    "CREATE INDEX rapat_wilayah ON rapat(wilayah, jenis, tanggal);"
    "ALTER TABLE rapat_peserta ADD COLUMN lembaga TEXT REFERENCES lembaga(kode);"
    "CREATE TABLE rapat_keputusan ("
    "  id INTEGER PRIMARY KEY, rapat_id INTEGER NOT NULL REFERENCES rapat(id),"
    "  jenis TEXT NOT NULL CHECK (jenis IN ('keputusan', 'komitmen')),"
    "  uraian TEXT NOT NULL, pihak TEXT, lembaga TEXT REFERENCES lembaga(kode)"
    ");"
    "ALTER TABLE rapat_masalah ADD COLUMN desa TEXT REFERENCES wilayah(kode);"
    "ALTER TABLE rapat_masalah ADD COLUMN tema TEXT;"
    "ALTER TABLE rapat_masalah ADD COLUMN naik_ke TEXT REFERENCES wilayah(kode);"
    "ALTER TABLE rapat_masalah ADD COLUMN jawaban TEXT;"
    "ALTER TABLE rapat_masalah ADD COLUMN jawaban_rapat_id INTEGER REFERENCES rapat(id);"
    "CREATE INDEX rapat_masalah_naik ON rapat_masalah(naik_ke);"
    "CREATE INDEX rapat_masalah_rapat ON rapat_masalah(rapat_id);"
    "ALTER TABLE tindak_lanjut ADD COLUMN masalah_id INTEGER REFERENCES rapat_masalah(id);"
    "ALTER TABLE tindak_lanjut ADD COLUMN pelaksana TEXT REFERENCES lembaga(kode);"
    "ALTER TABLE tindak_lanjut ADD COLUMN pj_lembaga TEXT REFERENCES lembaga(kode);"
    "ALTER TABLE tindak_lanjut ADD COLUMN pj_nama TEXT;"
    "ALTER TABLE tindak_lanjut ADD COLUMN anggaran REAL;"
    "ALTER TABLE tindak_lanjut ADD COLUMN target_volume TEXT;"
    "ALTER TABLE tindak_lanjut ADD COLUMN indikator TEXT"
    "  CHECK (indikator IN ('ds', 'nd', 'stunting', 'terukur'));"
    "ALTER TABLE tindak_lanjut ADD COLUMN indikator_wilayah TEXT REFERENCES wilayah(kode);"
    "ALTER TABLE tindak_lanjut ADD COLUMN target_nilai REAL;"
    "ALTER TABLE tindak_lanjut ADD COLUMN target_bulan TEXT;"
    "ALTER TABLE tindak_lanjut ADD COLUMN dibuat_oleh INTEGER REFERENCES pengguna(id);"
    "CREATE INDEX tindak_lanjut_rapat ON tindak_lanjut(rapat_id);"
    "CREATE INDEX tindak_lanjut_pj ON tindak_lanjut(pj_lembaga);"
    "CREATE TABLE tindak_lanjut_tinjauan ("
    "  id INTEGER PRIMARY KEY,"
    "  tindak_lanjut_id INTEGER NOT NULL REFERENCES tindak_lanjut(id),"
    "  rapat_id INTEGER REFERENCES rapat(id),"
    "  tanggal TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('baru', 'proses', 'selesai', 'batal')),"
    "  kemajuan TEXT, bukti TEXT,"
    "  oleh INTEGER REFERENCES pengguna(id), peninjau TEXT"
    ");"
    "CREATE INDEX tindak_lanjut_tinjauan_tl ON tindak_lanjut_tinjauan(tindak_lanjut_id, tanggal);"
    "CREATE TABLE tindak_lanjut_jadwal ("
    "  id INTEGER PRIMARY KEY,"
    "  tindak_lanjut_id INTEGER NOT NULL REFERENCES tindak_lanjut(id),"
    "  kegiatan TEXT NOT NULL, pelaksana TEXT, penanggung_jawab TEXT,"
    "  minggu INTEGER NOT NULL DEFAULT 0 CHECK (minggu BETWEEN 0 AND 15)"
    ");";

/* 14: families at risk (issue 12). keluarga_putaran keeps a family's status
 * per census round (PK21, PK22UPDATE, PK23, PK24, ...), never overwritten by
 * a later round; keluarga.putaran names the round its row holds (an older
 * round imported later does not replace a newer one). krs_target: the
 * number of KRS families a desa plans to accompany in a year. krs_verval:
 * the confirmation (or correction, with the status found) of a family's KRS
 * status for its round, with reason, who and when. The TPK visits of a
 * family are read by family (krs_didampingi). The active rule bkkbn-2023
 * no longer counts the additional variables as factors (issue 12); the
 * version bkkbn-2023-tambahan (inactive) does. */
static const char *const migration_14 =
    "ALTER TABLE keluarga ADD COLUMN putaran TEXT;"
    "CREATE TABLE keluarga_putaran ("
    "  keluarga_id INTEGER NOT NULL REFERENCES keluarga(id),"
    "  putaran TEXT NOT NULL,"
    "  tanggal TEXT NOT NULL," /* the day the status was computed (the import) */
    "  aturan TEXT,"           /* the KRS rule version */
    "  sasaran INTEGER NOT NULL, krs INTEGER NOT NULL, krs_faktor TEXT,"
    "  PRIMARY KEY (keluarga_id, putaran)"
    ") WITHOUT ROWID;"
    "CREATE INDEX keluarga_putaran_putaran ON keluarga_putaran(putaran);"
    "CREATE TABLE krs_target ("
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tahun INTEGER NOT NULL,"
    "  target INTEGER NOT NULL CHECK (target >= 0),"
    "  oleh INTEGER REFERENCES pengguna(id), diubah TEXT,"
    "  PRIMARY KEY (desa, tahun)"
    ") WITHOUT ROWID;"
    "CREATE TABLE krs_verval ("
    "  keluarga_id INTEGER NOT NULL REFERENCES keluarga(id),"
    "  putaran TEXT NOT NULL DEFAULT '',"
    "  keputusan TEXT NOT NULL CHECK (keputusan IN ('konfirmasi', 'koreksi')),"
    "  krs INTEGER NOT NULL," /* the status confirmed or found */
    "  alasan TEXT NOT NULL,"
    "  oleh INTEGER REFERENCES pengguna(id),"
    "  waktu TEXT NOT NULL,"
    "  PRIMARY KEY (keluarga_id, putaran)"
    ") WITHOUT ROWID;"
    /* BKKBN's rule counts water, latrine and the 4T only (the % KRS SIGA shows): welfare
     * decile 1, a house not layak and low maternal education become variables shown
     * beside the factors; a district that wants them counted activates the second version */
    "INSERT INTO ref_versi SELECT 'krs', 'bkkbn-2023-tambahan', berlaku_mulai, 0,"
    "  'BKKBN 2023 with additional factors (a district choice)',"
    "  'desil 1, rumah tidak layak, pendidikan ibu rendah counted as KRS factors', data"
    "  FROM ref_versi WHERE jenis = 'krs' AND versi = 'bkkbn-2023';"
    "UPDATE ref_versi SET data = json_set(json_remove(data, '$.faktor_tambahan'),"
    "  '$.variabel_tambahan', json_extract(data, '$.faktor_tambahan'))"
    "  WHERE jenis = 'krs' AND versi = 'bkkbn-2023' AND json_valid(data);"
    /* the same NIK given in two families' census rows: both go on the verval worklist */
    "CREATE TABLE keluarga_nik_ganda ("
    "  keluarga_id INTEGER NOT NULL REFERENCES keluarga(id),"
    "  nik TEXT NOT NULL,"
    "  keluarga_lain INTEGER NOT NULL REFERENCES keluarga(id),"
    "  PRIMARY KEY (keluarga_id, nik, keluarga_lain)"
    ") WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS tpk_kunjungan_keluarga ON tpk_kunjungan(keluarga_id, tanggal);"
    "CREATE INDEX IF NOT EXISTS tpk_kunjungan_individu ON tpk_kunjungan(individu_id, tanggal);";

/* 15: Tim Pendamping Keluarga at work (issue 12). A team has its SK
 * (number, date); tpk_sasaran assigns a target (a person as catin, bumil,
 * nifas, baduta or balita) to one team, with the date of its next visit.
 * A visit keeps the member who made it, the fields of its target type
 * (data, JSON, checked by the server), whether it found a risk (berisiko)
 * or gave or facilitated a service (layanan: MT, TTD, vitamin A, KB,
 * bansos, JKN), a referral's reason and later its outcome, and the
 * client's uuid of the offline queue (stored once). The checklist of
 * "3 standar dan 4 PASTI" gets the interpretation of issue 12 as a new
 * active version; default-2026 stays, inactive. */
static const char *const migration_15 =
    "ALTER TABLE tpk ADD COLUMN no_sk TEXT;"
    "ALTER TABLE tpk ADD COLUMN tgl_sk TEXT;"
    "CREATE TABLE tpk_sasaran ("
    "  id INTEGER PRIMARY KEY,"
    "  tpk_id INTEGER NOT NULL REFERENCES tpk(id),"
    "  individu_id INTEGER NOT NULL REFERENCES individu(id),"
    "  jenis TEXT NOT NULL CHECK (jenis IN ('catin', 'bumil', 'nifas', 'baduta', 'balita')),"
    "  mulai TEXT NOT NULL,"
    "  selesai TEXT,"
    "  UNIQUE (individu_id, jenis)"
    ");"
    "CREATE INDEX tpk_sasaran_tpk ON tpk_sasaran(tpk_id);"
    "ALTER TABLE tpk_kunjungan ADD COLUMN anggota_id INTEGER REFERENCES tpk_anggota(id);"
    "ALTER TABLE tpk_kunjungan ADD COLUMN data TEXT;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN berisiko INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN layanan INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN alasan_rujukan TEXT;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN hasil_rujukan TEXT;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN tgl_hasil_rujukan TEXT;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN jkn TEXT;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN uuid_klien TEXT;"
    "ALTER TABLE tpk_kunjungan ADD COLUMN dibuat_oleh INTEGER REFERENCES pengguna(id);"
    "CREATE UNIQUE INDEX tpk_kunjungan_uuid ON tpk_kunjungan(uuid_klien)"
    "  WHERE uuid_klien IS NOT NULL;"
    "CREATE INDEX IF NOT EXISTS tpk_kunjungan_individu ON tpk_kunjungan(individu_id, tanggal);"
    "CREATE INDEX kehamilan_ibu ON kehamilan(ibu_id);"
    "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'checklist';"
    "INSERT INTO ref_versi VALUES ('checklist', 'pendampingan-2026', '2026-01-01', 1,"
    "  'issue 12 default interpretation (domain reference section 3: NOT FOUND)',"
    "  'configurable: codes known to report/tpk.c', NULL);"
    "INSERT INTO ref_checklist VALUES"
    "  ('pendampingan-2026', '3standar', 1, 'catin_3_bulan',"
    "   'Catin diperiksa paling lambat 3 bulan sebelum menikah'),"
    "  ('pendampingan-2026', '3standar', 2, 'bumil_nifas_bulanan',"
    "   'Ibu hamil dan pasca salin didampingi setiap bulan'),"
    "  ('pendampingan-2026', '3standar', 3, 'baduta_diukur',"
    "   'Baduta diukur setiap bulan'),"
    "  ('pendampingan-2026', '4pasti', 1, 'pasti_terdata', 'Pasti terdata'),"
    "  ('pendampingan-2026', '4pasti', 2, 'pasti_didampingi', 'Pasti didampingi'),"
    "  ('pendampingan-2026', '4pasti', 3, 'pasti_layanan',"
    "   'Pasti mendapat layanan atau rujukan bila berisiko'),"
    "  ('pendampingan-2026', '4pasti', 4, 'pasti_terpantau', 'Pasti terpantau');";

/* 16: the columns of a home visit (the family's dusun and phone); the
 * census children under five of an area found by family and birth date
 * (lists of a whole kabupaten) */
static const char *const migration_16 =
    "ALTER TABLE keluarga ADD COLUMN dusun TEXT;"
    "ALTER TABLE keluarga ADD COLUMN telepon TEXT;"
    "CREATE INDEX individu_keluarga_lahir ON individu(keluarga_id, tgl_lahir);";

/* 17: the TPPS and its agencies, the institutional map per desa, the 8 aksi
 * (issue 14). lembaga_nonaktif: the institutions dissolved (kept, with the
 * day, for the history of actions; a table of its own so that lembaga keeps
 * its columns). dokumen: an uploaded decree or aksi output (PDF,
 * PNG or JPEG, kind read from its first bytes) kept in the database so a
 * backup holds it. tpps: the team of an area as its SK sets it (number,
 * date, validity, the decree document); tpps_anggota gains its institution,
 * bidang and aktif (a member removed is kept). kelembagaan_desa: the desa's
 * institutional map (KPM appointed and trained, cadres, BKB/BKR/BKL,
 * Kampung KB and Rumah DataKu class); anggaran_desa: the APBDes lines for
 * stunting and KPM per year. aksi_konvergensi gains its lead institution,
 * dates, the province's score, a note and the output document. */
static const char *const migration_17 =
    "CREATE TABLE lembaga_nonaktif ("
    "  kode TEXT PRIMARY KEY REFERENCES lembaga(kode), sejak TEXT NOT NULL"
    ");"
    "CREATE TABLE dokumen ("
    "  id INTEGER PRIMARY KEY,"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode),"
    "  nama TEXT NOT NULL,"
    "  jenis TEXT NOT NULL CHECK (jenis IN ('application/pdf', 'image/png', 'image/jpeg')),"
    "  ukuran INTEGER NOT NULL, isi BLOB NOT NULL,"
    "  diunggah TEXT NOT NULL, oleh INTEGER REFERENCES pengguna(id)"
    ");"
    "CREATE TABLE tpps ("
    "  wilayah TEXT PRIMARY KEY REFERENCES wilayah(kode),"
    "  no_sk TEXT, tgl_sk TEXT, berlaku_sampai TEXT,"
    "  dokumen_id INTEGER REFERENCES dokumen(id), diperbarui TEXT"
    ");"
    "INSERT INTO tpps (wilayah, no_sk, tgl_sk) SELECT wilayah, max(no_sk),"
    "  CASE WHEN max(no_sk) IS NULL THEN NULL ELSE min(mulai) END"
    "  FROM tpps_anggota GROUP BY wilayah;"
    "ALTER TABLE tpps_anggota ADD COLUMN lembaga TEXT REFERENCES lembaga(kode);"
    "ALTER TABLE tpps_anggota ADD COLUMN bidang TEXT;"
    "ALTER TABLE tpps_anggota ADD COLUMN aktif INTEGER NOT NULL DEFAULT 1;"
    "CREATE INDEX tpps_anggota_wilayah ON tpps_anggota(wilayah, aktif);"
    "CREATE TABLE kelembagaan_desa ("
    "  desa TEXT PRIMARY KEY REFERENCES wilayah(kode),"
    "  kpm_ada INTEGER NOT NULL DEFAULT 0, kpm_terlatih INTEGER NOT NULL DEFAULT 0,"
    "  kader_jumlah INTEGER NOT NULL DEFAULT 0, kader_terlatih INTEGER NOT NULL DEFAULT 0,"
    "  bkb INTEGER NOT NULL DEFAULT 0, bkr INTEGER NOT NULL DEFAULT 0,"
    "  bkl INTEGER NOT NULL DEFAULT 0,"
    "  kampung_kb TEXT CHECK (kampung_kb IN ('dasar', 'berkembang', 'mandiri', 'berkelanjutan')),"
    "  rumah_dataku TEXT CHECK (rumah_dataku IN ('sederhana', 'lengkap', 'paripurna')),"
    "  diperbarui TEXT, oleh INTEGER REFERENCES pengguna(id)"
    ");"
    "CREATE TABLE anggaran_desa ("
    "  desa TEXT NOT NULL REFERENCES wilayah(kode), tahun INTEGER NOT NULL,"
    "  stunting REAL, kpm REAL, PRIMARY KEY (desa, tahun)"
    ");"
    "ALTER TABLE aksi_konvergensi ADD COLUMN lembaga TEXT REFERENCES lembaga(kode);"
    "ALTER TABLE aksi_konvergensi ADD COLUMN mulai TEXT;"
    "ALTER TABLE aksi_konvergensi ADD COLUMN selesai TEXT;"
    "ALTER TABLE aksi_konvergensi ADD COLUMN nilai REAL;"
    "ALTER TABLE aksi_konvergensi ADD COLUMN catatan TEXT;"
    "ALTER TABLE aksi_konvergensi ADD COLUMN dokumen_id INTEGER REFERENCES dokumen(id);";
/* 18: the files attached to a
 * meeting (rapat_lampiran: photos of the attendance list, slides; the bytes
 * live under DB.lampiran/ named by berkas, the row holds the name the user
 * gave and the type found from the file's first bytes), the district's case
 * audit team (audit_tim: who sees the names of the audited cases), and the
 * case audit itself: kasus_aks gets its kabupaten, why the case was chosen,
 * who chose it and when, the worksheet's summary and its state; an action
 * may follow a case (tindak_lanjut.kasus_id, asal 'aks'). */
static const char *const migration_18 =
    "CREATE TABLE rapat_lampiran ("
    "  id INTEGER PRIMARY KEY,"
    "  rapat_id INTEGER NOT NULL REFERENCES rapat(id),"
    "  nama TEXT NOT NULL, jenis TEXT NOT NULL, ukuran INTEGER NOT NULL,"
    "  berkas TEXT NOT NULL UNIQUE, keterangan TEXT,"
    "  diunggah TEXT NOT NULL, oleh INTEGER REFERENCES pengguna(id)"
    ");"
    "CREATE INDEX rapat_lampiran_rapat ON rapat_lampiran(rapat_id);"
    "CREATE TABLE audit_tim ("
    "  pengguna_id INTEGER NOT NULL REFERENCES pengguna(id),"
    "  kabupaten TEXT NOT NULL REFERENCES wilayah(kode),"
    "  peran TEXT NOT NULL DEFAULT 'teknis' CHECK (peran IN ('teknis', 'pakar', 'sekretariat')),"
    "  PRIMARY KEY (pengguna_id, kabupaten)"
    ");"
    "ALTER TABLE kasus_aks ADD COLUMN kabupaten TEXT REFERENCES wilayah(kode);"
    "ALTER TABLE kasus_aks ADD COLUMN kriteria TEXT;"
    "ALTER TABLE kasus_aks ADD COLUMN kehamilan_id INTEGER REFERENCES kehamilan(id);"
    "ALTER TABLE kasus_aks ADD COLUMN dipilih TEXT;"
    "ALTER TABLE kasus_aks ADD COLUMN dipilih_oleh INTEGER REFERENCES pengguna(id);"
    "ALTER TABLE kasus_aks ADD COLUMN status TEXT NOT NULL DEFAULT 'dipilih'"
    "  CHECK (status IN ('dipilih', 'dikaji', 'direkomendasi', 'selesai'));"
    "CREATE INDEX kasus_aks_semester ON kasus_aks(kabupaten, semester);"
    "ALTER TABLE tindak_lanjut ADD COLUMN kasus_id INTEGER REFERENCES kasus_aks(id);";

/* 19: catin and pregnancy (issue 12). A catin screening keeps the Elsimil
 * rule version it was judged by, whether it was at least 3 months before
 * the wedding (tepat_waktu), the other catin (pasangan_id), and after the
 * marriage its date, KUA and the PUS family it formed. A pregnancy keeps
 * its registration day, the posyandu its baby will go to, the child its
 * delivery created and the neonate's first visit (KN1); an ANC contact its
 * LiLA, Hb and TTD tablets given. sasaran_kia: the projected target
 * population of a desa for a year (PWS KIA). Two Elsimil versions a
 * district may activate (bkkbn-2023 stays the active one): -lengkap adds
 * the UNCONFIRMED thresholds (men's Hb 13 (WHO), waist 80/90 cm, smoking),
 * kaper-sumut-hb-11.5 the conflicting Hb figure. */
static const char *const migration_19 =
    "ALTER TABLE catin ADD COLUMN pasangan_id INTEGER REFERENCES individu(id);"
    "ALTER TABLE catin ADD COLUMN tgl_nikah TEXT;"
    "ALTER TABLE catin ADD COLUMN kua TEXT;"
    "ALTER TABLE catin ADD COLUMN keluarga_id INTEGER REFERENCES keluarga(id);"
    "ALTER TABLE catin ADD COLUMN aturan TEXT;"
    "ALTER TABLE catin ADD COLUMN tepat_waktu INTEGER;"
    "ALTER TABLE catin ADD COLUMN dibuat_oleh INTEGER REFERENCES pengguna(id);"
    "CREATE INDEX IF NOT EXISTS catin_individu ON catin(individu_id, tgl_periksa);"
    "ALTER TABLE kehamilan ADD COLUMN tgl_daftar TEXT;"
    "ALTER TABLE kehamilan ADD COLUMN posyandu_id INTEGER REFERENCES posyandu(id);"
    "ALTER TABLE kehamilan ADD COLUMN anak_id INTEGER REFERENCES individu(id);"
    "ALTER TABLE kehamilan ADD COLUMN tgl_kn1 TEXT;"
    "ALTER TABLE kehamilan ADD COLUMN dibuat_oleh INTEGER REFERENCES pengguna(id);"
    "ALTER TABLE kunjungan_anc ADD COLUMN lila REAL;"
    "ALTER TABLE kunjungan_anc ADD COLUMN hb REAL;"
    "ALTER TABLE kunjungan_anc ADD COLUMN ttd INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE sasaran_kia ("
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tahun INTEGER NOT NULL,"
    "  bumil INTEGER NOT NULL CHECK (bumil >= 0),"
    "  bersalin INTEGER NOT NULL CHECK (bersalin >= 0),"
    "  nifas INTEGER NOT NULL CHECK (nifas >= 0),"
    "  bayi INTEGER NOT NULL CHECK (bayi >= 0),"
    "  oleh INTEGER REFERENCES pengguna(id), diubah TEXT,"
    "  PRIMARY KEY (desa, tahun)"
    ") WITHOUT ROWID;"
    "INSERT INTO ref_versi VALUES ('elsimil', 'bkkbn-2023-lengkap', '2023-03-01', 0,"
    "  'BKKBN Babel (LiLA 23.5); WHO anaemia cut-offs (Hb 12 women, 13 men)',"
    "  'IMT 18.5, umur 20, lingkar perut 80/90, merokok: UNCONFIRMED for Elsimil',"
    "  '{\"lila_min\": 23.5, \"hb_min\": 12.0, \"hb_min_laki\": 13.0, \"imt_min\": 18.5,"
    "    \"umur_min\": 20, \"lingkar_perut_maks_perempuan\": 80,"
    "    \"lingkar_perut_maks_laki\": 90, \"merokok_berisiko\": true,"
    "    \"bulan_sebelum_nikah\": 3}');"
    "INSERT INTO ref_versi VALUES ('elsimil', 'kaper-sumut-hb-11.5', '2023-03-01', 0,"
    "  'Kaper BKKBN Sumut (parboaboa.com) [CONFLICT]', 'bkkbn-2023 with Hb 11.5 for women',"
    "  '{\"lila_min\": 23.5, \"hb_min\": 11.5, \"imt_min\": 18.5, \"umur_min\": 20}');";
/* 20: posyandu monitoring by agency teams and the posyandu itself (issue
 * 14). monitoring_tim: a district's teams of agencies (lembaga, each in one
 * team) coaching their desa. kuesioner: an agency's questionnaire; each
 * kuesioner_versi is a draft until published (terbit), then never edited (a
 * change makes a new version); kuesioner_butir: its questions (tipe
 * ya_tidak, angka, pilihan with pilihan 'a|b|c', teks, foto; kelompok
 * posyandu or kpm feeds the desa's activity scores). monitoring_kunjungan:
 * one answered visit (an offline client id, uuid, stored once) of a desa or
 * one of its posyandu at stage (tahap) 1 or 2; monitoring_jawaban its
 * answers, pointing to the version's questions; monitoring_foto the photos
 * uploaded for foto questions; monitoring_komitmen the agreements reached
 * with the desa (owner, deadline, status followed like an action).
 * posyandu_kader, posyandu_buka (the days it opened), posyandu_alat (the
 * anthropometry kit, one row per standard item), posyandu_pmt (the menu
 * given and where it came from), posyandu_paud (PAUD measured the same day). */
static const char *const migration_20 =
    "CREATE TABLE monitoring_tim ("
    "  id INTEGER PRIMARY KEY,"
    "  kabupaten TEXT NOT NULL REFERENCES wilayah(kode),"
    "  nama TEXT NOT NULL, mulai TEXT, selesai TEXT,"
    "  UNIQUE (kabupaten, nama)"
    ");"
    "CREATE TABLE monitoring_tim_lembaga ("
    "  tim_id INTEGER NOT NULL REFERENCES monitoring_tim(id),"
    "  lembaga TEXT NOT NULL UNIQUE REFERENCES lembaga(kode)"
    ");"
    "CREATE TABLE monitoring_tim_desa ("
    "  tim_id INTEGER NOT NULL REFERENCES monitoring_tim(id),"
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  PRIMARY KEY (tim_id, desa)"
    ");"
    "CREATE TABLE kuesioner ("
    "  id INTEGER PRIMARY KEY,"
    "  lembaga TEXT NOT NULL REFERENCES lembaga(kode),"
    "  nama TEXT NOT NULL,"
    "  UNIQUE (lembaga, nama)"
    ");"
    "CREATE TABLE kuesioner_versi ("
    "  id INTEGER PRIMARY KEY,"
    "  kuesioner_id INTEGER NOT NULL REFERENCES kuesioner(id),"
    "  versi INTEGER NOT NULL,"
    "  terbit TEXT," /* published on (yyyy-mm-dd); NULL: a draft */
    "  UNIQUE (kuesioner_id, versi)"
    ");"
    "CREATE TABLE kuesioner_butir ("
    "  id INTEGER PRIMARY KEY,"
    "  versi_id INTEGER NOT NULL REFERENCES kuesioner_versi(id),"
    "  urutan INTEGER NOT NULL, kode TEXT NOT NULL, label TEXT NOT NULL,"
    "  tipe TEXT NOT NULL CHECK (tipe IN ('ya_tidak', 'angka', 'pilihan', 'teks', 'foto')),"
    "  pilihan TEXT,"
    "  kelompok TEXT NOT NULL DEFAULT 'lain' CHECK (kelompok IN ('posyandu', 'kpm', 'lain')),"
    "  wajib INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (versi_id, kode)"
    ");"
    "CREATE TABLE monitoring_foto ("
    "  id INTEGER PRIMARY KEY,"
    "  berkas TEXT NOT NULL, jenis TEXT NOT NULL, ukuran INTEGER NOT NULL,"
    "  oleh INTEGER REFERENCES pengguna(id),"
    "  dibuat TEXT NOT NULL DEFAULT (datetime('now'))"
    ");"
    "CREATE TABLE monitoring_kunjungan ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT UNIQUE,"
    "  versi_id INTEGER NOT NULL REFERENCES kuesioner_versi(id),"
    "  lembaga TEXT NOT NULL REFERENCES lembaga(kode),"
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  posyandu_id INTEGER REFERENCES posyandu(id),"
    "  tanggal TEXT NOT NULL,"
    "  tahap INTEGER NOT NULL CHECK (tahap IN (1, 2)),"
    "  catatan TEXT,"
    "  oleh INTEGER REFERENCES pengguna(id),"
    "  dibuat TEXT NOT NULL DEFAULT (datetime('now'))"
    ");"
    "CREATE INDEX monitoring_kunjungan_desa ON monitoring_kunjungan(desa, tahap);"
    "CREATE TABLE monitoring_jawaban ("
    "  kunjungan_id INTEGER NOT NULL REFERENCES monitoring_kunjungan(id),"
    "  butir_id INTEGER NOT NULL REFERENCES kuesioner_butir(id),"
    "  nilai TEXT NOT NULL,"
    "  PRIMARY KEY (kunjungan_id, butir_id)"
    ");"
    "CREATE TABLE monitoring_komitmen ("
    "  id INTEGER PRIMARY KEY,"
    "  desa TEXT NOT NULL REFERENCES wilayah(kode),"
    "  kunjungan_id INTEGER REFERENCES monitoring_kunjungan(id),"
    "  lembaga TEXT REFERENCES lembaga(kode),"
    "  uraian TEXT NOT NULL, pj TEXT NOT NULL, tenggat TEXT NOT NULL,"
    "  status TEXT NOT NULL DEFAULT 'baru'"
    "    CHECK (status IN ('baru', 'proses', 'selesai', 'batal')),"
    "  oleh INTEGER REFERENCES pengguna(id),"
    "  dibuat TEXT NOT NULL DEFAULT (date('now'))"
    ");"
    "CREATE INDEX monitoring_komitmen_desa ON monitoring_komitmen(desa);"
    "CREATE TABLE posyandu_kader ("
    "  id INTEGER PRIMARY KEY,"
    "  posyandu_id INTEGER NOT NULL REFERENCES posyandu(id),"
    "  nama TEXT NOT NULL,"
    "  terlatih INTEGER NOT NULL DEFAULT 0 CHECK (terlatih IN (0, 1)),"
    "  pelatihan TEXT," /* which training, when */
    "  aktif INTEGER NOT NULL DEFAULT 1"
    ");"
    "CREATE INDEX posyandu_kader_pos ON posyandu_kader(posyandu_id);"
    "CREATE TABLE posyandu_buka ("
    "  posyandu_id INTEGER NOT NULL REFERENCES posyandu(id),"
    "  tanggal TEXT NOT NULL,"
    "  PRIMARY KEY (posyandu_id, tanggal)"
    ");"
    "CREATE TABLE posyandu_alat ("
    "  posyandu_id INTEGER NOT NULL REFERENCES posyandu(id),"
    "  alat TEXT NOT NULL," /* a code of the standard kit (store/posyandu_profil.h) */
    "  ada INTEGER NOT NULL DEFAULT 0, baik INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (posyandu_id, alat)"
    ");"
    "CREATE TABLE posyandu_pmt ("
    "  id INTEGER PRIMARY KEY,"
    "  posyandu_id INTEGER NOT NULL REFERENCES posyandu(id),"
    "  tanggal TEXT NOT NULL, menu TEXT NOT NULL, sumber TEXT NOT NULL"
    ");"
    "CREATE TABLE posyandu_paud ("
    "  id INTEGER PRIMARY KEY,"
    "  posyandu_id INTEGER NOT NULL REFERENCES posyandu(id),"
    "  tanggal TEXT NOT NULL, nama_paud TEXT NOT NULL,"
    "  jumlah_anak INTEGER NOT NULL CHECK (jumlah_anak >= 0),"
    "  UNIQUE (posyandu_id, tanggal, nama_paud)"
    ");";

/* 21: intervention coverage (issue 14; store/cakupan.h, store/lokus.h).
 * indikator gains its order, how it is obtained (cara: 'hitung' computed
 * from Tumbuh's records by a store query, 'isi' entered per area and
 * period from another system), its direction (arah: 'naik' higher is
 * better, 'turun' lower is better) and the definition shown to users.
 * indikator_target holds the national target per year (Lampiran A Perpres
 * 72/2021, RAN PASTI; the latest year at or before the one asked applies);
 * indikator_target_wilayah the district's own. indikator_nilai.periode is
 * 'YYYY' or 'YYYY-Qn'. lokus_bobot: the weights of the lokus ranking's
 * components a kabupaten sets per year (store/lokus.h). ukur_kurus:
 * a partial index of the wasted measurements (S6, S8 in store/cakupan.c). */
static const char *const migration_21 =
    "ALTER TABLE indikator ADD COLUMN urutan INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE indikator ADD COLUMN cara TEXT NOT NULL DEFAULT 'isi'"
    "  CHECK (cara IN ('hitung', 'isi'));"
    "ALTER TABLE indikator ADD COLUMN arah TEXT NOT NULL DEFAULT 'naik'"
    "  CHECK (arah IN ('naik', 'turun'));"
    "ALTER TABLE indikator ADD COLUMN definisi TEXT;"
    "CREATE TABLE indikator_target_wilayah ("
    "  kode TEXT NOT NULL REFERENCES indikator(kode),"
    "  wilayah TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),"
    "  target REAL NOT NULL CHECK (target BETWEEN 0 AND 100),"
    "  PRIMARY KEY (kode, wilayah, tahun)"
    ");"
    "CREATE INDEX indikator_nilai_wilayah ON indikator_nilai(wilayah, periode);"
    "CREATE INDEX ukur_kurus ON pengukuran(anak_id, tanggal, z_bbtb)"
    "  WHERE f_bbtb = 0 AND z_bbtb < -2;"
    "CREATE INDEX IF NOT EXISTS tpk_kunjungan_keluarga ON tpk_kunjungan(keluarga_id, tanggal);"
    "CREATE TABLE lokus_bobot ("
    "  kabupaten TEXT NOT NULL REFERENCES wilayah(kode),"
    "  tahun INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),"
    "  komponen TEXT NOT NULL CHECK (komponen IN ('stunting', 'prevalensi', 'krs',"
    "    'celah_cakupan', 'kemiskinan')),"
    "  bobot REAL NOT NULL CHECK (bobot BETWEEN 0 AND 100),"
    "  PRIMARY KEY (kabupaten, tahun, komponen)"
    ");"
    "INSERT INTO indikator (kode, nama, sumber, pembilang, penyebut, tingkat, opd, urutan, cara,"
    " arah, definisi) VALUES"
    " ('S1', 'Ibu hamil KEK yang mendapat tambahan asupan gizi', 'perpres_spesifik',"
    "  'ibu hamil KEK yang mendapat makanan tambahan', 'ibu hamil KEK', 'desa', 'Dinas Kesehatan',"
    "  1, 'hitung', 'naik', 'Kehamilan yang berjalan dalam periode dengan KEK = ya; pembilang:"
    " yang tercatat mendapat MT.'),"
    " ('S2', 'Ibu hamil yang mengonsumsi TTD minimal 90 tablet', 'perpres_spesifik',"
    "  'ibu bersalin dengan TTD >= 90 tablet', 'ibu bersalin', 'desa', 'Dinas Kesehatan', 2,"
    "  'hitung', 'naik', 'Persalinan dalam periode; pembilang: jumlah TTD selama hamil >= 90.'),"
    " ('S3', 'Remaja putri yang mengonsumsi TTD', 'perpres_spesifik',"
    "  'remaja putri minum TTD rutin tiap minggu', 'remaja putri', 'desa', 'Dinas Kesehatan', 3,"
    "  'isi', 'naik', 'Diisi dari laporan puskesmas (Aplikasi Sehat IndonesiaKu/ASIK).'),"
    " ('S4', 'Bayi usia kurang dari 6 bulan mendapat ASI eksklusif', 'perpres_spesifik',"
    "  'bayi < 6 bulan ASI eksklusif', 'bayi < 6 bulan', 'desa', 'Dinas Kesehatan', 4, 'isi',"
    "  'naik', 'Diisi dari e-PPGBM/SIGIZI: Tumbuh belum mencatat pemberian ASI.'),"
    " ('S5', 'Anak usia 6-23 bulan mendapat MP-ASI', 'perpres_spesifik',"
    "  'anak 6-23 bulan mendapat MP-ASI', 'anak 6-23 bulan', 'desa', 'Dinas Kesehatan', 5, 'isi',"
    "  'naik', 'Diisi dari e-PPGBM/SIGIZI: Tumbuh belum mencatat MP-ASI.'),"
    " ('S6', 'Balita gizi buruk yang mendapat pelayanan tata laksana gizi buruk',"
    "  'perpres_spesifik', 'balita gizi buruk yang dirujuk', 'balita gizi buruk', 'desa',"
    "  'Dinas Kesehatan', 6, 'hitung', 'naik', 'Balita dengan BB/TB < -3 SD pada pengukuran"
    " dalam periode; pembilang: yang ditandai dirujuk pada pengukuran dalam periode.'),"
    " ('S7', 'Balita yang dipantau pertumbuhan dan perkembangannya', 'perpres_spesifik',"
    "  'balita yang ditimbang/diukur (D)', 'balita sasaran (S)', 'desa', 'Dinas Kesehatan', 7,"
    "  'hitung', 'naik', 'S: balita aktif di posyandu atau pendataan keluarga desa pada akhir"
    " periode; D: yang diukur minimal sekali dalam periode.'),"
    " ('S8', 'Balita gizi kurang yang mendapat tambahan asupan gizi', 'perpres_spesifik',"
    "  'balita gizi kurang yang mendapat PMT', 'balita gizi kurang', 'desa', 'Dinas Kesehatan',"
    "  8, 'hitung', 'naik', 'Balita dengan -3 <= BB/TB < -2 SD pada pengukuran dalam periode;"
    " pembilang: yang tercatat mendapat PMT (kg > 0) dalam periode.'),"
    " ('S9', 'Balita yang memperoleh imunisasi dasar lengkap', 'perpres_spesifik',"
    "  'anak mendapat imunisasi dasar lengkap', 'anak sasaran imunisasi', 'desa',"
    "  'Dinas Kesehatan', 9, 'isi', 'naik', 'Diisi dari ASIK: Tumbuh belum mencatat imunisasi.'),"
    " ('K1', 'Pelayanan KB pascapersalinan', 'perpres_sensitif', 'ibu bersalin ber-KB',"
    "  'ibu bersalin', 'desa', 'DPPKB', 11, 'hitung', 'naik', 'Persalinan dalam periode;"
    " pembilang: metode KB pascasalin tercatat (bukan tidak).'),"
    " ('K2', 'Kehamilan yang tidak diinginkan', 'perpres_sensitif', 'kehamilan tidak diinginkan',"
    "  'kehamilan', 'kabupaten', 'DPPKB', 12, 'isi', 'turun', 'Diisi dari survei/SIGA BKKBN;"
    " makin rendah makin baik.'),"
    " ('K3', 'Calon pengantin yang memperoleh pemeriksaan kesehatan 3 bulan pranikah',"
    "  'ran_pasti', 'catin diperiksa >= 3 bulan sebelum rencana nikah',"
    "  'catin dengan rencana nikah dalam periode', 'desa', 'DPPKB/Kemenag', 13, 'hitung', 'naik',"
    "  'Catin (Elsimil) dengan rencana nikah dalam periode; pembilang: pemeriksaan paling lambat"
    " 90 hari sebelum tanggal rencana nikah.'),"
    " ('K4', 'Rumah tangga dengan akses air minum layak', 'perpres_sensitif',"
    "  'keluarga dengan sumber air minum layak', 'keluarga dengan sumber air tercatat', 'desa',"
    "  'PUPR', 14, 'hitung', 'naik', 'Pendataan keluarga (keadaan terakhir); layak menurut"
    " aturan KRS aktif (air_layak).'),"
    " ('K5', 'Rumah tangga dengan akses sanitasi layak', 'perpres_sensitif',"
    "  'keluarga dengan jamban layak', 'keluarga dengan jamban tercatat', 'desa', 'Perkim', 15,"
    "  'hitung', 'naik', 'Pendataan keluarga (keadaan terakhir); layak menurut aturan KRS aktif"
    " (jamban_layak).'),"
    " ('K6', 'Cakupan PBI Jaminan Kesehatan Nasional', 'perpres_sensitif',"
    "  'keluarga desil 1-4 dengan JKN PBI', 'keluarga desil 1-4', 'desa', 'Dinas Sosial', 16,"
    "  'hitung', 'naik', 'Pendataan keluarga (keadaan terakhir), keluarga miskin dan rentan"
    " (desil P3KE 1-4).'),"
    " ('K7', 'Keluarga berisiko stunting yang memperoleh pendampingan', 'ran_pasti',"
    "  'KRS yang dikunjungi TPK dalam periode', 'keluarga berisiko stunting (KRS)', 'desa',"
    "  'DPPKB', 17, 'hitung', 'naik', 'KRS dari pendataan keluarga; pembilang: minimal satu"
    " kunjungan TPK ke keluarga itu dalam periode.'),"
    " ('K8', 'Keluarga miskin dan rentan yang memperoleh PKH', 'perpres_sensitif',"
    "  'keluarga desil 1-4 penerima PKH', 'keluarga desil 1-4', 'desa', 'Dinas Sosial', 18,"
    "  'hitung', 'naik', 'Pendataan keluarga (keadaan terakhir): bansos memuat pkh.'),"
    " ('K9', 'Sasaran yang memiliki pemahaman yang baik tentang stunting', 'perpres_sensitif',"
    "  'sasaran paham stunting', 'sasaran disurvei', 'kabupaten', 'Kominfo', 19, 'isi', 'naik',"
    "  'Diisi dari survei kabupaten.'),"
    " ('K10', 'Keluarga miskin dan rentan yang menerima bantuan sosial pangan',"
    "  'perpres_sensitif', 'keluarga desil 1-4 penerima BPNT/sembako', 'keluarga desil 1-4',"
    "  'desa', 'Dinas Sosial', 20, 'hitung', 'naik', 'Pendataan keluarga (keadaan terakhir):"
    " bansos memuat bpnt atau sembako.'),"
    " ('K11', 'Desa/kelurahan Stop BABS (ODF)', 'perpres_sensitif', 'desa ODF', 'desa',"
    "  'kabupaten', 'Dinas Kesehatan', 21, 'isi', 'naik', 'Diisi dari aplikasi STBM.');"
    "INSERT INTO indikator_target (kode, tahun, target, catatan) VALUES"
    " ('S1', 2024, 90, 'Lampiran A Perpres 72/2021'), ('S2', 2024, 80, 'Lampiran A'),"
    " ('S3', 2024, 58, 'Lampiran A [CONFLICT: metadata BKKBN 80]'), ('S4', 2024, 80, 'Lampiran A'),"
    " ('S5', 2024, 80, 'Lampiran A'), ('S6', 2024, 90, 'Lampiran A'),"
    " ('S7', 2024, 90, 'Lampiran A [CONFLICT: Wamenkes 80]'), ('S8', 2024, 90, 'Lampiran A'),"
    " ('S9', 2024, 90, 'Lampiran A [UNCONFIRMED]'), ('K1', 2024, 70, 'Tim Sekretariat PPS 2023'),"
    " ('K2', 2024, 15.5, 'Tim Sekretariat PPS 2023'), ('K3', 2024, 90, 'Tim Sekretariat PPS 2023'),"
    " ('K7', 2024, 90, 'RAN PASTI [UNCONFIRMED]');";

/* 22: a family assigned to a TPK team (issue 12: "families and targets
 * assigned to a team"): a KRS family none of whose members is a target (a
 * PUS family at risk through the 4T) is accompanied too. */
static const char *const migration_22 = "CREATE TABLE tpk_keluarga ("
                                        "  keluarga_id INTEGER PRIMARY KEY REFERENCES keluarga(id),"
                                        "  tpk_id INTEGER NOT NULL REFERENCES tpk(id),"
                                        "  mulai TEXT NOT NULL"
                                        ");"
                                        "CREATE INDEX tpk_keluarga_tpk ON tpk_keluarga(tpk_id);";

/* 23: the children of a posyandu read from the index alone (issue 11: a
 * kabupaten's list page reads S, 45,000 children): the index covers what S
 * needs of anak, so the table is not read. It replaces the index on
 * posyandu_id, which it starts with: a new child costs no more writes. (A
 * partial index of the census members not at a posyandu took 20 ms more
 * off the list but 2 s onto a 300,000-family census import: not kept.) */
static const char *const migration_23 =
    "DROP INDEX anak_posyandu;"
    "CREATE INDEX anak_posyandu ON anak(posyandu_id, digabung_ke, individu_id, buku_kia);";

/* 24: monitoring photos sent from a phone's offline queue (issue 14): the
 * client's id of a photo (uuid), so an upload retried after a dropped
 * connection stores it once, per uploader; the photos no saved answer
 * refers to are found by the answers' values (and removed after 7 days). */
static const char *const migration_24 =
    "ALTER TABLE monitoring_foto ADD COLUMN uuid TEXT;"
    "CREATE UNIQUE INDEX monitoring_foto_uuid ON monitoring_foto(oleh, uuid)"
    " WHERE uuid IS NOT NULL;"
    "CREATE INDEX monitoring_foto_dibuat ON monitoring_foto(dibuat);"
    "CREATE INDEX monitoring_jawaban_nilai ON monitoring_jawaban(nilai);";

static const char *const migrations_sql[] = {
    NULL,         migration_1,  migration_2,  migration_3,  migration_4,  migration_5,
    migration_6,  migration_7,  migration_8,  migration_9,  migration_10, migration_11,
    migration_12, migration_13, migration_14, migration_15, migration_16, migration_17,
    migration_18, migration_19, migration_20, migration_21, migration_22, migration_23,
    migration_24, NULL};
#define NSTEPS (sizeof migrations_sql / sizeof migrations_sql[0])
/* Data to load after a step's schema (only the first has any). */
static const char *const migrations_data[NSTEPS] = {NULL, migration_1_data};

int tb_store_schema_latest(void)
{
    return (int)NSTEPS - 2; /* the leading and trailing NULL */
}

const char *tb_store_schema_sql(int version)
{
    return version >= 1 && version <= tb_store_schema_latest() ? migrations_sql[version] : NULL;
}

const char *tb_store_schema_data(int version)
{
    return version >= 1 && version <= tb_store_schema_latest() ? migrations_data[version] : NULL;
}
