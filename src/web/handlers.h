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
/* aset.c: * the asset's file name */
void tb_page_asset(tb_req *q, tb_res *r);
void tb_page_openapi(tb_req *q, tb_res *r);
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
void tb_page_rapat_bahan(tb_req *q, tb_res *r);
void tb_page_tindakan_list(tb_req *q, tb_res *r);
void tb_page_tindakan(tb_req *q, tb_res *r);
void tb_page_tindakan_simpan(tb_req *q, tb_res *r);
void tb_api_rapat_list(tb_req *q, tb_res *r);
void tb_api_rapat(tb_req *q, tb_res *r);
void tb_api_tindakan_list(tb_req *q, tb_res *r);
void tb_api_tindakan(tb_req *q, tb_res *r);
void tb_api_tinjauan(tb_req *q, tb_res *r);
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
