/*
 * handlers.h - every handler the route table (routes.c) names, by the file
 * that holds it. A handler has the tb_handler shape (http.h); the router
 * has checked login, the CSRF token of a write and the role before it
 * runs, and fills the path parameters (tb_req_param). Handlers still check
 * the area (scope.h) of what they read or write.
 */
#ifndef TB_WEB_HANDLERS_H
#define TB_WEB_HANDLERS_H

#include "web/http.h"

/* login.c */
void tb_page_login(tb_req *q, tb_res *r);
void tb_page_logout(tb_req *q, tb_res *r);
void tb_page_home(tb_req *q, tb_res *r);
/* The account page: change one's password, log out everywhere. */
void tb_page_akun(tb_req *q, tb_res *r);
void tb_page_akun_sandi(tb_req *q, tb_res *r);
void tb_page_keluar_semua(tb_req *q, tb_res *r);
/* dasbor.c */
void tb_page_dasbor(tb_req *q, tb_res *r);
/* laporan.c: {nama} a report name; {berkas} NAME.csv|xlsx|pdf or publikasi.pdf */
void tb_page_laporan(tb_req *q, tb_res *r);
void tb_page_unduh(tb_req *q, tb_res *r);
/* posyandu.c: {id} a posyandu */
void tb_page_posyandu_list(tb_req *q, tb_res *r);
void tb_page_posyandu(tb_req *q, tb_res *r);
void tb_page_posyandu_save(tb_req *q, tb_res *r);
/* registrasi.c: {id} a posyandu */
void tb_page_anak_baru(tb_req *q, tb_res *r);
/* anak.c: {id} a child; {jenis} bbu.svg, tbu.svg or bbtb.svg */
void tb_page_anak(tb_req *q, tb_res *r);
void tb_page_anak_gabung(tb_req *q, tb_res *r);
void tb_page_anak_grafik(tb_req *q, tb_res *r);
void tb_page_kartu(tb_req *q, tb_res *r);
/* status.c: {id} a child; its status (aktif, pindah, meninggal) with a date */
void tb_page_status(tb_req *q, tb_res *r);
void tb_page_status_save(tb_req *q, tb_res *r);
/* pengguna.c, pengguna_impor.c: user administration; {id} a user */
void tb_page_pengguna(tb_req *q, tb_res *r);
void tb_page_pengguna_tambah(tb_req *q, tb_res *r);
void tb_page_pengguna_reset(tb_req *q, tb_res *r);
void tb_page_pengguna_aktif(tb_req *q, tb_res *r);
void tb_page_pengguna_impor(tb_req *q, tb_res *r);
/* audit.c: the audit log page and its CSV */
void tb_page_audit(tb_req *q, tb_res *r);
void tb_page_audit_csv(tb_req *q, tb_res *r);
/* impor.c: files imported from the web (admin_kab): the page, the upload
 * (streamed body), the dry run's and the import's status, start, cancel, rejects */
void tb_page_impor(tb_req *q, tb_res *r);
void tb_page_impor_unggah(tb_req *q, tb_res *r);
void tb_page_impor_status(tb_req *q, tb_res *r);
void tb_page_impor_mulai(tb_req *q, tb_res *r);
void tb_page_impor_batal(tb_req *q, tb_res *r);
void tb_page_impor_tolak(tb_req *q, tb_res *r);
const char *tb_impor_init(const char *db);
long long tb_impor_max_bytes(void);
/* atur.c, atur_impor.c, atur_target.c: the district's setup; {id} a posyandu or puskesmas */
void tb_page_atur_posyandu(tb_req *q, tb_res *r);
void tb_page_atur_posyandu_tambah(tb_req *q, tb_res *r);
void tb_page_atur_posyandu_impor(tb_req *q, tb_res *r);
void tb_page_atur_posyandu_ubah_form(tb_req *q, tb_res *r);
void tb_page_atur_posyandu_ubah(tb_req *q, tb_res *r);
void tb_page_atur_posyandu_tutup(tb_req *q, tb_res *r);
void tb_page_atur_puskesmas_tambah(tb_req *q, tb_res *r);
void tb_page_atur_puskesmas_ubah(tb_req *q, tb_res *r);
void tb_page_atur_puskesmas_tutup(tb_req *q, tb_res *r);
void tb_page_atur_target(tb_req *q, tb_res *r);
void tb_page_atur_survei(tb_req *q, tb_res *r);
void tb_page_atur_target_simpan(tb_req *q, tb_res *r);
void tb_page_atur_lokus(tb_req *q, tb_res *r);
void tb_page_atur_lokus_hapus(tb_req *q, tb_res *r);
/* ejaan.c: the spellings of place names a district's files use (wilayah_alias) */
void tb_page_atur_ejaan(tb_req *q, tb_res *r);
void tb_page_atur_ejaan_tambah(tb_req *q, tb_res *r);
void tb_page_atur_ejaan_hapus(tb_req *q, tb_res *r);
/* impor.c: the dry run again on the checked file (after spellings were saved) */
void tb_page_impor_ulang(tb_req *q, tb_res *r);
/* aset.c: * the asset's file name */
void tb_page_asset(tb_req *q, tb_res *r);
void tb_page_openapi(tb_req *q, tb_res *r);
/* krs.c: families at risk (KRS), the target of assistance, verval; {id} a family */
void tb_page_krs(tb_req *q, tb_res *r);
void tb_page_krs_target(tb_req *q, tb_res *r);
void tb_page_verval(tb_req *q, tb_res *r);
void tb_page_keluarga(tb_req *q, tb_res *r);
/* api.c: JSON under /api/v1 */
void tb_api_saya(tb_req *q, tb_res *r);
void tb_api_pengukuran(tb_req *q, tb_res *r);
void tb_api_pengukuran_ubah(tb_req *q, tb_res *r);
void tb_api_pengukuran_hapus(tb_req *q, tb_res *r);
void tb_api_laporan(tb_req *q, tb_res *r);
void tb_api_anak(tb_req *q, tb_res *r);
/* rapat.c, tindakan.c: meetings, their actions and reviews; {id} a meeting
 * or an action, {bagian} the part of a meeting a form adds to */
void tb_page_rapat_list(tb_req *q, tb_res *r);
void tb_page_rapat_baru(tb_req *q, tb_res *r);
void tb_page_rapat_jenis(tb_req *q, tb_res *r);
void tb_page_rapat(tb_req *q, tb_res *r);
void tb_page_rapat_simpan(tb_req *q, tb_res *r);
void tb_page_rapat_notulen(tb_req *q, tb_res *r);
void tb_page_rapat_berita_acara(tb_req *q, tb_res *r);
void tb_page_rapat_bahan(tb_req *q, tb_res *r);
void tb_page_tindakan_list(tb_req *q, tb_res *r);
void tb_page_tindakan(tb_req *q, tb_res *r);
void tb_page_tindakan_simpan(tb_req *q, tb_res *r);
void tb_api_rapat_list(tb_req *q, tb_res *r);
void tb_api_rapat(tb_req *q, tb_res *r);
void tb_api_tindakan_list(tb_req *q, tb_res *r);
void tb_api_tindakan(tb_req *q, tb_res *r);
void tb_api_tinjauan(tb_req *q, tb_res *r);
/* tpk.c, tpk_tim.c: Tim Pendamping Keluarga (teams, the member's day, visits) */
void tb_page_tpk(tb_req *q, tb_res *r);
void tb_page_tpk_tambah(tb_req *q, tb_res *r);
void tb_page_tpk_hari(tb_req *q, tb_res *r);
void tb_page_tpk_kunjungan(tb_req *q, tb_res *r);
void tb_page_tpk_rujukan(tb_req *q, tb_res *r);
void tb_page_tpk_tim(tb_req *q, tb_res *r);
void tb_page_tpk_anggota(tb_req *q, tb_res *r);
void tb_page_tpk_sasaran(tb_req *q, tb_res *r);
void tb_api_kunjungan_tpk(tb_req *q, tb_res *r);
/* lampiran.c: a meeting's attachments ({id} the meeting, {lid} the attachment);
 * files under DB.lampiran/ (tb_lampiran_init), at most tb_lampiran_max_bytes
 * ($TUMBUH_LAMPIRAN_MAX_MB, default 20 MB); the type found from the bytes
 * (pdf, jpeg, png, pptx, xlsx, docx, or NULL: refused). */
const char *tb_lampiran_init(const char *db);
long long tb_lampiran_max_bytes(void);
const char *tb_lampiran_sniff(const char *path);
void tb_page_lampiran_unggah(tb_req *q, tb_res *r);
void tb_page_lampiran_unduh(tb_req *q, tb_res *r);
void tb_page_lampiran_hapus(tb_req *q, tb_res *r);
/* The attachments section of meeting rapat's page (the upload form when edit). */
void tb_web_lampiran_section(tb_buf *b, tb_req *q, long rapat, bool edit);
/* audit_kasus.c: the stunting case audit ({id} a case, {bagian} temuan,
 * rekomendasi, hasil, rapat or tindakan); writes by the kabupaten's audit team */
void tb_page_aks_list(tb_req *q, tb_res *r);
void tb_page_aks_tim(tb_req *q, tb_res *r);
void tb_page_aks_kandidat(tb_req *q, tb_res *r);
void tb_page_aks_pilih(tb_req *q, tb_res *r);
void tb_page_aks_laporan(tb_req *q, tb_res *r);
void tb_page_aks(tb_req *q, tb_res *r);
void tb_page_aks_simpan(tb_req *q, tb_res *r);
/* The cases disseminated at meeting rapat (its page, when held as audit_kasus). */
void tb_web_aks_rapat_section(tb_buf *b, tb_req *q, long rapat);

/* tpps.c, kelembagaan.c, aksi.c: the TPPS and its agencies; {kode} an
 * institution, {id} a member or a document, {desa} a desa code, {n} an aksi */
void tb_page_lembaga(tb_req *q, tb_res *r);
void tb_page_lembaga_tambah(tb_req *q, tb_res *r);
void tb_page_lembaga_ubah(tb_req *q, tb_res *r);
void tb_page_tpps(tb_req *q, tb_res *r);
void tb_page_tpps_sk(tb_req *q, tb_res *r);
void tb_page_tpps_anggota(tb_req *q, tb_res *r);
void tb_page_tpps_anggota_hapus(tb_req *q, tb_res *r);
void tb_page_tpps_dokumen(tb_req *q, tb_res *r);
void tb_page_dokumen(tb_req *q, tb_res *r);
void tb_page_kelembagaan(tb_req *q, tb_res *r);
void tb_page_kelembagaan_desa(tb_req *q, tb_res *r);
void tb_page_kelembagaan_simpan(tb_req *q, tb_res *r);
void tb_page_aksi(tb_req *q, tb_res *r);
void tb_page_aksi_simpan(tb_req *q, tb_res *r);
void tb_page_aksi_dokumen(tb_req *q, tb_res *r);
void tb_page_aksi_analisis(tb_req *q, tb_res *r);
/* The largest document upload in bytes: $TUMBUH_DOKUMEN_MAX_MB, default 10 MB. */
long long tb_dokumen_max_bytes(void);
/* layanan.c: {id} a person (pregnant woman, catin, child) */
void tb_page_layanan(tb_req *q, tb_res *r);
void tb_page_konvergensi(tb_req *q, tb_res *r);

/* catin and pregnancy (catin.c, kehamilan.c) */
void tb_page_catin_list(tb_req *q, tb_res *r);
void tb_page_catin_tambah(tb_req *q, tb_res *r);
void tb_page_catin(tb_req *q, tb_res *r);
void tb_page_catin_nikah(tb_req *q, tb_res *r);
void tb_page_kehamilan_list(tb_req *q, tb_res *r);
void tb_page_kehamilan_tambah(tb_req *q, tb_res *r);
void tb_page_kehamilan(tb_req *q, tb_res *r);
void tb_page_kehamilan_simpan(tb_req *q, tb_res *r);
void tb_page_pws(tb_req *q, tb_res *r);
void tb_page_kia_sasaran(tb_req *q, tb_res *r);

/* monitoring.c: posyandu monitoring by agency teams; {bagian} the part a
 * form adds to, {id} a questionnaire or a photo */
void tb_page_monitoring(tb_req *q, tb_res *r);
void tb_page_monitoring_simpan(tb_req *q, tb_res *r);
void tb_page_kuesioner(tb_req *q, tb_res *r);
void tb_page_kuesioner_simpan(tb_req *q, tb_res *r);
void tb_page_monitoring_isi(tb_req *q, tb_res *r);
void tb_page_monitoring_hasil(tb_req *q, tb_res *r);
void tb_page_monitoring_foto(tb_req *q, tb_res *r);
void tb_api_monitoring(tb_req *q, tb_res *r);
void tb_api_monitoring_foto(tb_req *q, tb_res *r);
#define TB_FOTO_MAX_BYTES (8LL << 20) /* the largest monitoring photo */
/* posyandu_profil.c: the posyandu itself; {bagian} kader, buka, alat, pmt, paud */
void tb_page_posyandu_profil(tb_req *q, tb_res *r);
void tb_page_posyandu_profil_simpan(tb_req *q, tb_res *r);
/* cakupan.c: intervention coverage against targets, the RAN PASTI
 * evaluation, the lokus desa ranking; {berkas} NAME.csv|xlsx|pdf */
void tb_page_cakupan(tb_req *q, tb_res *r);
void tb_page_cakupan_unduh(tb_req *q, tb_res *r);
void tb_page_cakupan_evaluasi(tb_req *q, tb_res *r);
void tb_page_cakupan_lokus(tb_req *q, tb_res *r);
void tb_page_cakupan_bobot(tb_req *q, tb_res *r);
void tb_page_cakupan_indikator(tb_req *q, tb_res *r);
void tb_page_cakupan_target(tb_req *q, tb_res *r);
void tb_page_cakupan_isian(tb_req *q, tb_res *r);

#endif
