/*
 * routes.c - the route table and the router (routes.h).
 *
 * The table below is the one list of every URL. The router scans it top
 * to bottom (about twenty entries, compared character by character; no
 * allocation), so a more specific pattern goes before a general one.
 */
#include "web/routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/handlers.h"
#include "web/page.h"
#include "web/scope.h"
#include "web/session.h"

#define PUBLIC TB_ROLE_PUBLIC
#define ALL TB_ROLES_ALL
#define NAMES TB_ROLES_NAMES
#define ENTER TB_ROLES_ENTER
#define LOGIN TB_ROUTE_LOGIN
#define CSRF (TB_ROUTE_LOGIN | TB_ROUTE_CSRF)
#define MERGE (TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)
#define ADMIN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KEC)
#define DENY_ADMIN "Hanya admin kabupaten dan TPPS kecamatan yang mengelola pengguna."

#define KAB TB_ROLE_ADMIN_KAB
#define UPLOAD (TB_ROUTE_LOGIN | TB_ROUTE_CSRF | TB_ROUTE_UPLOAD)
#define DENY_IMPOR "Hanya admin kabupaten yang mengimpor berkas."

#define DENY_ATUR                                                                                  \
    "Hanya admin kabupaten dan TPPS kecamatan yang mengatur posyandu, target dan lokus."
#define DENY_DAY "Peran Anda tidak mengisi hari posyandu."
#define DENY_SAVE "Anak ini di luar wilayah kerja Anda."
#define DENY_CHILD                                                                                 \
    "Data anak ini tidak dapat Anda buka (di luar wilayah atau peran tanpa akses data pribadi)."
#define DENY_API_CHILD "Di luar wilayah kerja atau peran Anda."
/* meetings: read by the roles that coordinate; run by TPPS and desa; actions
 * reviewed by those and the OPD (its own institution's) */
#define RAPAT_READ                                                                                 \
    (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_OPD | TB_ROLE_TPPS_KEC |                       \
     TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)
#define RAPAT_RUN (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_DESA)
#define RAPAT_REVIEW (RAPAT_RUN | TB_ROLE_OPD)
#define DENY_RAPAT "Peran Anda tidak membuka rapat koordinasi."
#define DENY_RAPAT_RUN "Rapat diisi oleh TPPS kabupaten, TPPS kecamatan dan desa."
/* the TPPS (issue 14): read by the coordinating roles; teams and the desa
 * map kept by TPPS and desa in their area; institutions and the 8 aksi by
 * the kabupaten */
#define TPPS_RUN RAPAT_RUN
#define TPPS_KAB (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)
#define DENY_TPPS_RUN "TPPS diisi oleh TPPS kabupaten, TPPS kecamatan dan desa di wilayahnya."
#define DENY_TPPS_KAB "Hanya admin dan TPPS kabupaten yang mengelola lembaga dan 8 aksi."

#define TPK_MANAGE (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_DESA)
#define TPK_VISIT (TB_ROLE_TPK | TB_ROLE_DESA)
#define DENY_TPK_MANAGE "Hanya admin kabupaten, TPPS kecamatan dan desa yang mengelola tim TPK."
#define DENY_TPK_VISIT "Hanya anggota TPK dan bidan desa yang mencatat kunjungan pendampingan."
#define DENY_AKS "Peran Anda tidak membuka audit kasus stunting."

/* catin and pregnancy: by name for the bidan desa, gizi puskesmas and TPK;
 * catin registered by those three, pregnancies by the first two; PWS KIA
 * (aggregates) for every role but the cadre */
#define KIA_NAMES (TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA | TB_ROLE_TPK)
#define KIA_ENTER (TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA)
#define KIA_READ (ALL & ~TB_ROLE_KADER)
#define DENY_KIA                                                                                   \
    "Data catin dan ibu hamil by name hanya untuk bidan desa, petugas gizi puskesmas dan TPK."
#define DENY_KIA_ENTER "Kehamilan dicatat oleh bidan desa dan petugas gizi puskesmas."
/* posyandu monitoring (monitoring.c): read by the coordinating roles (an
 * agency member: its team's desa); answered by agency members and the
 * kabupaten; the posyandu's own page (posyandu_profil.c) */
#define MON_READ RAPAT_READ
#define MON_ISI (TB_ROLE_OPD | TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)
#define DENY_MON "Peran Anda tidak membuka monitoring posyandu."
#define DENY_MON_ISI "Kuesioner monitoring diisi oleh anggota lembaga tim monitoring."
#define PROFIL_EDIT (TB_ROLE_DESA | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_TPPS_KEC | TB_ROLE_KADER)
#define DENY_PROFIL "Halaman posyandu diubah oleh desa, puskesmas, TPPS kecamatan dan kadernya."
/* coverage: read by the roles that coordinate; the kabupaten's evaluation
 * and lokus ranking by its TPPS, admin and OPD; targets and weights set by
 * TPPS and admin kabupaten; values from other systems entered by those
 * with the data */
#define CAKUPAN_KAB (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_OPD)
#define CAKUPAN_SET (TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB)
#define CAKUPAN_ISI (CAKUPAN_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_GIZI_PUSKESMAS)
#define DENY_CAKUPAN "Peran Anda tidak membuka cakupan intervensi."
#define DENY_CAKUPAN_KAB "Halaman ini untuk TPPS, admin dan OPD kabupaten."
#define DENY_CAKUPAN_SET "Target dan bobot ditetapkan TPPS kabupaten dan admin kabupaten."

/* clang-format off */
static const tb_route ROUTES[] = {
    /* public: no login */
    {"GET", "/masuk", tb_page_login, PUBLIC, 0, NULL,
     "login form; lanjut= the page to open after login"},
    {"POST", "/masuk", tb_page_login, PUBLIC, 0, NULL,
     "log in: pengguna, sandi, lanjut, csrf (the tumbuh_pra cookie's; throttled, audited)"},
    {"GET", "/aset/*", tb_page_asset, PUBLIC, 0, NULL,
     "a static file compiled in (app.css, app.js)"},
    {"GET", "/api/v1/openapi.json", tb_page_openapi, PUBLIC, 0, NULL,
     "the OpenAPI description of /api/v1"},
    /* pages */
    {"POST", "/keluar", tb_page_logout, ALL, CSRF, NULL,
     "log out: csrf"},
    {"GET", "/akun", tb_page_akun, ALL, LOGIN, NULL,
     "the user's account: change password, log out everywhere"},
    {"POST", "/akun/sandi", tb_page_akun_sandi, ALL, CSRF, NULL,
     "change one's password: sandi_lama, sandi_baru, sandi_ulang, csrf (ends the other sessions)"},
    {"POST", "/akun/keluar-semua", tb_page_keluar_semua, ALL, CSRF, NULL,
     "log out on every device: csrf"},
    {"GET", "/", tb_page_home, ALL, LOGIN, NULL,
     "the user's start page (redirect: cadre's posyandu, a TPK member's day, else the area's dashboard)"},
    {"GET", "/dasbor", tb_page_dasbor, ALL, LOGIN, NULL,
     "dashboard: wilayah= or posyandu=, bulan=TTTT-BB"},
    {"GET", "/laporan/{nama}", tb_page_laporan, ALL, LOGIN, NULL,
     "a report as a page: {nama} report name; wilayah= or posyandu=, bulan=; lists also cari,"
     " kecamatan, desa, pos, umur, jk, status, urut, arah, hal, per (web/daftar.h)"},
    {"GET", "/unduh/{berkas}", tb_page_unduh, ALL, LOGIN, NULL,
     "a report as a file: {berkas} NAME.csv|xlsx|pdf or publikasi.pdf; wilayah= or posyandu=, bulan=;"
     " a list's filters and order as its page"},
    {"GET", "/posyandu/", tb_page_posyandu_list, ALL, LOGIN, NULL,
     "the posyandu of the user's area to choose from (a cadre: redirect to theirs): cari, kecamatan,"
     " desa, urut, arah, hal, per"},
    {"POST", "/posyandu/{id}/anak-baru", tb_page_anak_baru, ENTER, CSRF,
     "Peran Anda tidak mendaftarkan anak.",
     "register a child at posyandu {id} (registrasi.c): nama, nik, jk, tgl_lahir, ibu, bb_lahir, pb_lahir, buku_kia, tetap_daftar (register despite a likely duplicate), csrf"},
    {"GET", "/posyandu/{id}", tb_page_posyandu, ENTER, LOGIN, DENY_DAY,
     "the posyandu day of posyandu {id}: bulan=, cari= (part of a name), belum=1 (not measured)"},
    {"POST", "/posyandu/{id}", tb_page_posyandu_save, ENTER, CSRF, DENY_SAVE,
     "save a measurement: anak_id, tanggal, bb, tb, cara_ukur, lila, vit_a, pmt, yakin, csrf"},
    {"GET", "/anak/{id}/kartu", tb_page_kartu, NAMES, LOGIN, DENY_CHILD,
     "the printable growth card of child {id}"},
    {"GET", "/anak/{id}/grafik/{jenis}", tb_page_anak_grafik, NAMES, LOGIN, DENY_CHILD,
     "a growth chart of child {id} as SVG: {jenis} bbu.svg, tbu.svg or bbtb.svg"},
    {"GET", "/anak/{id}/status", tb_page_status, ENTER, LOGIN, DENY_CHILD,
     "the status form of child {id} (aktif, pindah, meninggal, with a date)"},
    {"POST", "/anak/{id}/status", tb_page_status_save, ENTER, CSRF, DENY_CHILD,
     "set the status of child {id}: status (aktif|pindah|meninggal), tanggal, catatan, csrf"},
    {"POST", "/anak/{id}/gabung", tb_page_anak_gabung, MERGE, CSRF, DENY_CHILD,
     "merge into child {id} the same child entered twice: lain (its id), csrf"},
    {"GET", "/anak/{id}", tb_page_anak, NAMES, LOGIN, DENY_CHILD,
     "the child page of child {id}: identity, family, risks, charts, history"},
    {"GET", "/pengguna", tb_page_pengguna, ADMIN, LOGIN, DENY_ADMIN,
     "the users of the administrator's area, with the forms to add, reset, (de)activate, add many"},
    {"POST", "/pengguna", tb_page_pengguna_tambah, ADMIN, CSRF, DENY_ADMIN,
     "add a user: nama, username, telepon, peran, wilayah or posyandu, csrf (one-time password shown once)"},
    {"POST", "/pengguna/impor", tb_page_pengguna_impor, ADMIN, CSRF, DENY_ADMIN,
     "many users from a list: daftar (CSV) or a CSV/XLSX body; buat=1 creates, else a dry run; csrf"},
    {"POST", "/pengguna/{id}/reset", tb_page_pengguna_reset, ADMIN, CSRF, DENY_ADMIN,
     "reset user {id}'s password to a one-time one (shown once): csrf"},
    {"POST", "/pengguna/{id}/aktif", tb_page_pengguna_aktif, ADMIN, CSRF, DENY_ADMIN,
     "deactivate (aktif=0, sessions end) or reactivate (aktif=1) user {id}: csrf"},
    {"GET", "/audit.csv", tb_page_audit_csv, ADMIN, LOGIN, DENY_ADMIN,
     "the audit log as CSV: pengguna=, wilayah=, aksi=, dari=, sampai="},
    {"GET", "/audit", tb_page_audit, ADMIN, LOGIN, DENY_ADMIN,
     "the audit log: pengguna=, wilayah=, aksi=, dari=, sampai= (TTTT-BB-HH), hal="},
    {"GET", "/rapat", tb_page_rapat_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the meetings of the user's area (wilayah= inside it), with the new-meeting form"},
    {"POST", "/rapat", tb_page_rapat_baru, RAPAT_RUN, CSRF, DENY_RAPAT_RUN,
     "a new meeting in the user's area: jenis, judul, tanggal, tempat, tahap, agenda, notulen, csrf"},
    {"POST", "/rapat/jenis", tb_page_rapat_jenis, TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB, CSRF,
     "Jenis rapat ditambah oleh kabupaten.",
     "a kind of meeting the district adds: kode, nama, dasar (minilok|rakor|rembuk|audit_kasus: how it is held), csrf"},
    {"GET", "/rapat/{id}/notulen.pdf", tb_page_rapat_notulen, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the minutes of meeting {id} as PDF: attendance, decisions, commitments, problems, actions"},
    {"GET", "/rapat/{id}/berita-acara.pdf", tb_page_rapat_berita_acara, RAPAT_READ, LOGIN,
     DENY_RAPAT,
     "the berita acara of meeting {id} as PDF: statement, decisions, actions, attendance, signatures"},
    {"GET", "/rapat/{id}/bahan", tb_page_rapat_bahan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the meeting pack of meeting {id}: stunting, SKDN, weighing backlog, open actions, KRS target and verval, TPK, 3 standar 4 PASTI, lowest-coverage services (format=pdf)"},
    {"POST", "/rapat/{id}/lampiran", tb_page_lampiran_unggah, RAPAT_RUN, UPLOAD, DENY_RAPAT_RUN,
     "attach a file to meeting {id}: the file as the body (X-CSRF-Token; PDF, JPEG, PNG, PPTX, XLSX, DOCX by content): nama=, keterangan="},
    {"GET", "/rapat/{id}/lampiran/{lid}", tb_page_lampiran_unduh, RAPAT_READ, LOGIN, DENY_RAPAT,
     "attachment {lid} of meeting {id} as a download with its type"},
    {"POST", "/rapat/{id}/lampiran/{lid}/hapus", tb_page_lampiran_hapus, RAPAT_RUN, CSRF, DENY_RAPAT_RUN,
     "remove attachment {lid} of meeting {id} (its editors; audited): csrf"},
    {"POST", "/rapat/{id}/{bagian}", tb_page_rapat_simpan, RAPAT_RUN, CSRF, DENY_RAPAT_RUN,
     "add to meeting {id}: {bagian} ubah|peserta|keputusan|masalah|rekomendasi|naik|jawaban|tindakan, its fields, csrf"},
    {"GET", "/rapat/{id}", tb_page_rapat, RAPAT_READ, LOGIN, DENY_RAPAT,
     "meeting {id}: details, attendance, decisions, problems, escalations, actions, carried-over actions"},
    {"GET", "/tindakan", tb_page_tindakan_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "action lists: daftar=saya|terbuka|lewat|selesai|anggaran|semua, wilayah=, format=csv|xlsx|pdf"},
    {"GET", "/tindakan/{id}", tb_page_tindakan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "action {id}: target, indicator check, review history, weekly plan, review form; rapat= the reviewing meeting"},
    {"POST", "/tindakan/{id}", tb_page_tindakan_simpan, RAPAT_REVIEW, CSRF, DENY_RAPAT_RUN,
     "review action {id} (bagian=tinjau: status belum|berjalan|selesai|batal, kemajuan, bukti, rapat_id) or add a weekly row (bagian=jadwal), csrf"},
    {"GET", "/audit-kasus", tb_page_aks_list, RAPAT_READ, LOGIN, DENY_AKS,
     "the case audit: the cases of a semester (semester=2026-2) and the audit team"},
    {"POST", "/audit-kasus", tb_page_aks_pilih, RAPAT_READ, CSRF, DENY_AKS,
     "choose a case (audit team): individu_id, kehamilan_id, kategori, kriteria, csrf"},
    {"POST", "/audit-kasus/tim", tb_page_aks_tim, TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB, CSRF,
     "Tim audit diatur oleh admin dan TPPS kabupaten.",
     "add, change or remove a member of the audit team: pengguna, peran teknis|pakar|sekretariat, aksi tambah|hapus, csrf"},
    {"GET", "/audit-kasus/kandidat", tb_page_aks_kandidat, RAPAT_READ, LOGIN, DENY_AKS,
     "candidates proposed from the data: jenis stunting|wasting|bumil|catin, goyah=1, wilayah="},
    {"GET", "/audit-kasus/laporan", tb_page_aks_laporan, RAPAT_READ, LOGIN, DENY_AKS,
     "the semester report without names (semester=, format=pdf|csv)"},
    {"POST", "/audit-kasus/{id}/{bagian}", tb_page_aks_simpan, RAPAT_READ, CSRF, DENY_AKS,
     "fill case {id}'s worksheet (audit team): {bagian} temuan|rekomendasi|hasil (isi), rapat (rapat_id), tindakan (uraian, pj_lembaga, pj_nama, tenggat, sumber_anggaran), csrf"},
    {"GET", "/audit-kasus/{id}", tb_page_aks, RAPAT_READ, LOGIN, DENY_AKS,
     "case {id}'s worksheet: criteria, history, family, findings, recommendations, actions, dissemination"},
    {"GET", "/impor", tb_page_impor, KAB, LOGIN, DENY_IMPOR,
     "import a file (e-PPGBM, keluarga, catin, wilayah): the upload form and the current import's stage"},
    {"POST", "/impor/unggah", tb_page_impor_unggah, KAB, UPLOAD, DENY_IMPOR,
     "upload the file as the body (streamed to disk; X-CSRF-Token): jenis=, nama=; starts the dry run"},
    {"GET", "/impor/status", tb_page_impor_status, KAB, LOGIN, DENY_IMPOR,
     "the current import as JSON: tahap, persen, baris, counts"},
    {"POST", "/impor/mulai", tb_page_impor_mulai, KAB, CSRF, DENY_IMPOR,
     "import the file the dry run checked, in the background: csrf"},
    {"POST", "/impor/batal", tb_page_impor_batal, KAB, CSRF, DENY_IMPOR,
     "drop the checked file without importing it: csrf"},
    {"GET", "/impor/tolak.csv", tb_page_impor_tolak, KAB, LOGIN, DENY_IMPOR,
     "the rejected rows of the last dry run or import (line, column, reason)"},
    {"GET", "/atur/posyandu", tb_page_atur_posyandu, ADMIN, LOGIN, DENY_ATUR,
     "the puskesmas and posyandu of the administrator's area (wilayah= to filter), with the add forms"},
    {"POST", "/atur/posyandu", tb_page_atur_posyandu_tambah, ADMIN, CSRF, DENY_ATUR,
     "add a posyandu: nama, desa (name or code), puskesmas (name or id), hari (1-31), csrf"},
    {"POST", "/atur/posyandu/impor", tb_page_atur_posyandu_impor, ADMIN, CSRF, DENY_ATUR,
     "many posyandu from a list: daftar (CSV: nama, desa, puskesmas, hari) or a CSV/XLSX body; buat=1 stores, else a dry run; csrf"},
    {"GET", "/atur/posyandu/{id}", tb_page_atur_posyandu_ubah_form, ADMIN, LOGIN, DENY_ATUR,
     "the change form of posyandu {id}"},
    {"POST", "/atur/posyandu/{id}/tutup", tb_page_atur_posyandu_tutup, ADMIN, CSRF, DENY_ATUR,
     "close (tutup=1: kept with its history, off the daily lists) or reopen (tutup=0) posyandu {id}: csrf"},
    {"POST", "/atur/posyandu/{id}", tb_page_atur_posyandu_ubah, ADMIN, CSRF, DENY_ATUR,
     "rename or move posyandu {id}: nama, desa, puskesmas, hari, csrf"},
    {"POST", "/atur/puskesmas/{id}/tutup", tb_page_atur_puskesmas_tutup, ADMIN, CSRF, DENY_ATUR,
     "close (tutup=1) or reopen (tutup=0) puskesmas {id}: csrf"},
    {"POST", "/atur/puskesmas/{id}", tb_page_atur_puskesmas_ubah, ADMIN, CSRF, DENY_ATUR,
     "rename or move puskesmas {id}: nama, kecamatan (code), csrf"},
    {"POST", "/atur/puskesmas", tb_page_atur_puskesmas_tambah, ADMIN, CSRF, DENY_ATUR,
     "add a puskesmas: nama, kecamatan (code), csrf"},
    {"GET", "/atur/target", tb_page_atur_target, ADMIN, LOGIN, DENY_ATUR,
     "survey prevalence (SSGI/SKI), targets per area and year, lokus desa, with their forms"},
    {"POST", "/atur/survei", tb_page_atur_survei, ADMIN, CSRF, DENY_ATUR,
     "a survey figure of the kabupaten (admin_kab): survei, tahun, stunting, wasting, underweight, sumber, csrf"},
    {"POST", "/atur/target", tb_page_atur_target_simpan, ADMIN, CSRF, DENY_ATUR,
     "a stunting target: wilayah (code or ID), tahun, stunting (%, decimal comma), sumber, csrf"},
    {"POST", "/atur/lokus/hapus", tb_page_atur_lokus_hapus, ADMIN, CSRF, DENY_ATUR,
     "take desa off the lokus of a year: desa, tahun, csrf"},
    {"POST", "/atur/lokus", tb_page_atur_lokus, ADMIN, CSRF, DENY_ATUR,
     "a lokus desa of a year: desa (name or code), tahun, no_sk, tgl_sk, csrf"},
    {"GET", "/atur/ejaan", tb_page_atur_ejaan, ADMIN, LOGIN, DENY_ATUR,
     "the spellings of place names the area's files use, with the add form (nama=, kecamatan=, kode= pre-fill it)"},
    {"POST", "/atur/ejaan/hapus", tb_page_atur_ejaan_hapus, ADMIN, CSRF, DENY_ATUR,
     "remove a spelling: nama, kode, csrf"},
    {"POST", "/impor/ulang", tb_page_impor_ulang, KAB, CSRF, DENY_IMPOR,
     "the dry run again on the checked file (after spellings of its unknown place names were saved): csrf"},
    {"POST", "/atur/ejaan", tb_page_atur_ejaan_tambah, ADMIN, CSRF, DENY_ATUR,
     "another spelling of a kecamatan or desa: nama (as the file writes it), kode, csrf"},
    {"GET", "/krs", tb_page_krs, ALL & ~TB_ROLE_KADER, LOGIN, "Peran Anda tidak membuka data keluarga.",
     "families at risk (KRS): wilayah=, bulan=; the table, drill-down, target; at a desa the families and verval (names roles)"},
    {"POST", "/krs/target", tb_page_krs_target, ADMIN, CSRF,
     "Hanya TPPS kecamatan dan admin kabupaten yang menetapkan target pendampingan.",
     "set a desa's target of KRS assistance: desa, tahun, target, bulan, csrf (audited)"},
    {"POST", "/verval/{id}", tb_page_verval, TB_ROLE_DESA | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_TPK, CSRF,
     "Verval dilakukan bidan desa/KPM, petugas gizi puskesmas atau TPK.",
     "confirm or correct family {id}'s KRS status: keputusan (konfirmasi|koreksi), krs (1|0), alasan, bulan, csrf (audited)"},
    {"GET", "/keluarga/{id}", tb_page_keluarga, TB_ROLE_DESA | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_TPK, LOGIN,
     "Data keluarga by name hanya untuk bidan desa/KPM, petugas gizi puskesmas dan TPK.",
     "family {id}: members, the status counted, sasaran and KRS at tanggal= (TTTT-BB-HH, today when absent)"},
    {"GET", "/lembaga", tb_page_lembaga, TPPS_KAB, LOGIN, DENY_TPPS_KAB,
     "the institution register: OPD, vertical bodies, TP PKK; add, rename, deactivate"},
    {"POST", "/lembaga/{kode}", tb_page_lembaga_ubah, TPPS_KAB, CSRF, DENY_TPPS_KAB,
     "rename or (de)activate institution {kode}: nama, aktif=1, csrf"},
    {"POST", "/lembaga", tb_page_lembaga_tambah, TPPS_KAB, CSRF, DENY_TPPS_KAB,
     "add an institution: kode, nama, jenis (opd|lainnya|tpps_bidang|puskesmas|desa), wilayah, csrf"},
    {"GET", "/tpps", tb_page_tpps, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the TPPS of an area (wilayah=): SK, members, gaps, and the teams of the areas below"},
    {"POST", "/tpps/sk", tb_page_tpps_sk, TPPS_RUN, CSRF, DENY_TPPS_RUN,
     "the SK of an area's TPPS: wilayah, no_sk, tgl_sk, berlaku_sampai, csrf"},
    {"POST", "/tpps/anggota/{id}/hapus", tb_page_tpps_anggota_hapus, TPPS_RUN, CSRF, DENY_TPPS_RUN,
     "member {id} leaves the team of wilayah (kept, inactive): wilayah, csrf"},
    {"POST", "/tpps/anggota", tb_page_tpps_anggota, TPPS_RUN, CSRF, DENY_TPPS_RUN,
     "add a member: wilayah, nama, jabatan, peran (ketua|wakil_ketua|sekretaris|koordinator|anggota), bidang, lembaga, csrf"},
    {"POST", "/tpps/dokumen", tb_page_tpps_dokumen, TPPS_RUN, UPLOAD, DENY_TPPS_RUN,
     "the decree of an area's TPPS as the body (PDF/PNG/JPEG by content): wilayah=, nama=; X-CSRF-Token"},
    {"GET", "/dokumen/{id}", tb_page_dokumen, RAPAT_READ, LOGIN, DENY_RAPAT,
     "an uploaded document (decree, aksi output) of the user's area or an area above it"},
    {"GET", "/kelembagaan/{desa}", tb_page_kelembagaan_desa, TPPS_RUN, LOGIN, DENY_TPPS_RUN,
     "the institutional map form of desa {desa}: tahun= (APBDes year)"},
    {"POST", "/kelembagaan/{desa}", tb_page_kelembagaan_simpan, TPPS_RUN, CSRF, DENY_TPPS_RUN,
     "save desa {desa}'s map: kpm_ada, kpm_terlatih, kader_jumlah, kader_terlatih, bkb, bkr, bkl, kampung_kb, rumah_dataku, tahun, apbdes_stunting, apbdes_kpm, csrf"},
    {"GET", "/kelembagaan", tb_page_kelembagaan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the institutional map of every desa of an area with its gaps, counted per kecamatan: wilayah=, tahun="},
    {"GET", "/aksi/analisis-situasi", tb_page_aksi_analisis, RAPAT_READ, LOGIN, DENY_RAPAT,
     "Aksi 1's situation analysis generated from the records: tahun="},
    {"POST", "/aksi/{n}/dokumen", tb_page_aksi_dokumen, TPPS_KAB, UPLOAD, DENY_TPPS_KAB,
     "the output document of aksi {n} as the body (PDF/PNG/JPEG): tahun=, nama=; X-CSRF-Token"},
    {"POST", "/aksi/{n}", tb_page_aksi_simpan, TPPS_KAB, CSRF, DENY_TPPS_KAB,
     "aksi {n} (1-8) of a year: tahun, lembaga, mulai, selesai, status (belum|proses|selesai), nilai, catatan, csrf"},
    {"GET", "/aksi", tb_page_aksi, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the 8 aksi konvergensi of the kabupaten's year: tahun="},
    {"GET", "/cakupan", tb_page_cakupan, RAPAT_READ, LOGIN, DENY_CAKUPAN,
     "coverage scorecard: wilayah= (the user's area), tahun=; indicators against targets, quarters, gaps, sub-areas"},
    {"GET", "/cakupan/unduh/{berkas}", tb_page_cakupan_unduh, RAPAT_READ, LOGIN, DENY_CAKUPAN,
     "cakupan.csv|xlsx|pdf (wilayah=, tahun=); evaluasi.*, lokus.*, ansit.xlsx of the kabupaten (tahun=)"},
    {"GET", "/cakupan/evaluasi", tb_page_cakupan_evaluasi, CAKUPAN_KAB, LOGIN, DENY_CAKUPAN_KAB,
     "the December evaluation of RAN PASTI: tahun=; kabupaten and each kecamatan against targets"},
    {"GET", "/cakupan/lokus", tb_page_cakupan_lokus, CAKUPAN_KAB, LOGIN, DENY_CAKUPAN_KAB,
     "the lokus desa ranking with each component and the weights: tahun="},
    {"POST", "/cakupan/lokus/bobot", tb_page_cakupan_bobot, CAKUPAN_SET, CSRF, DENY_CAKUPAN_SET,
     "the lokus ranking's weights of a year: tahun, stunting, prevalensi, krs, celah_cakupan, kemiskinan, csrf"},
    {"GET", "/cakupan/indikator", tb_page_cakupan_indikator, RAPAT_READ, LOGIN, DENY_CAKUPAN,
     "the indicators with definitions and targets (tahun=), and the target and entry forms"},
    {"POST", "/cakupan/target", tb_page_cakupan_target, CAKUPAN_SET, CSRF, DENY_CAKUPAN_SET,
     "the kabupaten's target of an indicator: kode, tahun, target (%, blank: national), csrf"},
    {"POST", "/cakupan/isian", tb_page_cakupan_isian, CAKUPAN_ISI, CSRF, DENY_CAKUPAN,
     "a value from another system: kode, wilayah, periode (TTTT or TTTT-TWn), pembilang, penyebut, sumber, csrf"},
    /* JSON API (docs/openapi.json) */
    {"GET", "/api/v1/saya", tb_api_saya, ALL, LOGIN, NULL,
     "the logged-in user, with the CSRF token for writes"},
    {"POST", "/api/v1/pengukuran", tb_api_pengukuran, ENTER, CSRF, DENY_SAVE,
     "save a measurement (JSON: anak_id, tanggal, bb, tb, cara_ukur, lila, vit_a, pmt, yakin, uuid); X-CSRF-Token"},
    {"POST", "/api/v1/pengukuran/{id}/hapus", tb_api_pengukuran_hapus, ENTER, CSRF, DENY_SAVE,
     "delete measurement {id} softly (JSON or form: alasan, required); archived, audited"},
    {"POST", "/api/v1/pengukuran/{id}", tb_api_pengukuran_ubah, ENTER, CSRF, DENY_SAVE,
     "correct measurement {id} (JSON or form: tanggal in its month or another, bb, tb, cara_ukur, lila, lika, vit_a, pmt, yakin)"},
    {"GET", "/api/v1/laporan/{nama}", tb_api_laporan, ALL, LOGIN, NULL,
     "a report as JSON: {nama} report name; wilayah= or posyandu=, bulan="},
    {"GET", "/api/v1/anak/{id}", tb_api_anak, NAMES, LOGIN, DENY_API_CHILD,
     "child {id} with every measurement"},
    {"GET", "/api/v1/rapat", tb_api_rapat_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "the meetings of the user's area: wilayah="},
    {"GET", "/api/v1/rapat/{id}", tb_api_rapat, RAPAT_READ, LOGIN, DENY_RAPAT,
     "meeting {id} with participants, problems, escalated problems and actions"},
    {"GET", "/api/v1/tindakan", tb_api_tindakan_list, RAPAT_READ, LOGIN, DENY_RAPAT,
     "actions: wilayah=, status=open|overdue|closed|all, saya=1 (the user's institution)"},
    {"POST", "/api/v1/tindakan/{id}/tinjauan", tb_api_tinjauan, RAPAT_REVIEW, CSRF, DENY_RAPAT_RUN,
     "review action {id} (JSON or form: status, kemajuan, bukti, tanggal, rapat_id); 201 with the action"},
    {"GET", "/api/v1/tindakan/{id}", tb_api_tindakan, RAPAT_READ, LOGIN, DENY_RAPAT,
     "action {id} with its indicator check and reviews"},
    /* Tim Pendamping Keluarga (tpk.c, tpk_tim.c) */
    {"GET", "/tpk", tb_page_tpk, TPK_MANAGE, LOGIN, DENY_TPK_MANAGE,
     "the TPK teams of the user's area, with the form to add one"},
    {"POST", "/tpk", tb_page_tpk_tambah, TPK_MANAGE, CSRF, DENY_TPK_MANAGE,
     "add a TPK team: desa, nama, no_sk, tgl_sk, csrf"},
    {"GET", "/tpk/hari", tb_page_tpk_hari, TPK_VISIT, LOGIN, DENY_TPK_VISIT,
     "the TPK member's day: the team's targets due a visit (overdue first), each with its visit form"},
    {"POST", "/tpk/kunjungan", tb_page_tpk_kunjungan, TPK_VISIT, CSRF, DENY_TPK_VISIT,
     "record a TPK visit (the form without JavaScript; same fields as POST /api/v1/kunjungan-tpk)"},
    {"POST", "/tpk/rujukan/{id}", tb_page_tpk_rujukan, TPK_MANAGE | TPK_VISIT, CSRF, DENY_TPK_VISIT,
     "the outcome of the referral made at TPK visit {id}: status (selesai|tidak_datang), hasil, csrf"},
    {"GET", "/tpk/{id}", tb_page_tpk_tim, TPK_MANAGE | TB_ROLE_TPK, LOGIN, DENY_TPK_MANAGE,
     "TPK team {id}: members, targets, referrals; the forms to add members and assign targets"},
    {"POST", "/tpk/{id}/anggota", tb_page_tpk_anggota, TPK_MANAGE, CSRF, DENY_TPK_MANAGE,
     "add a member to team {id}: nama, peran (bidan|kader_pkk|kader_kb), no_sk, pengguna, csrf"},
    {"POST", "/tpk/{id}/sasaran", tb_page_tpk_sasaran, TPK_MANAGE, CSRF, DENY_TPK_MANAGE,
     "assign targets to team {id}: semua=1 (every unassigned target of the desa) or individu_id and jenis, csrf"},
    {"POST", "/api/v1/kunjungan-tpk", tb_api_kunjungan_tpk, TPK_VISIT, CSRF, DENY_TPK_VISIT,
     "record a TPK visit (JSON: individu_id, jenis, tanggal, the fields of its type, konseling, rujukan_ke, alasan_rujukan, bansos, jkn, kunjungan_berikut, uuid); X-CSRF-Token"},
    /* one target, every service; the desa convergence scorecard (layanan.c) */
    {"GET", "/layanan/{id}", tb_page_layanan, TB_ROLE_DESA | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_TPK, LOGIN,
     "Layanan sasaran by name hanya untuk bidan desa/KPM, petugas gizi puskesmas dan TPK.",
     "target {id} (pregnant woman, catin, child): the package it should get with what is missing in bulan=, every service received from every source"},
    {"GET", "/konvergensi", tb_page_konvergensi,
     TB_ROLE_ADMIN_KAB | TB_ROLE_TPPS_KAB | TB_ROLE_TPPS_KEC | TB_ROLE_GIZI_PUSKESMAS | TB_ROLE_DESA, LOGIN,
     "Kartu konvergensi untuk desa, puskesmas, TPPS kecamatan dan kabupaten.",
     "the desa convergence scorecard (Tabel 3): wilayah=, bulan=; at a desa the targets by name with what they miss (names roles)"},
    /* catin, pregnancy, PWS KIA (catin.c, kehamilan.c) */
    {"GET", "/catin", tb_page_catin_list, KIA_READ, LOGIN, "Peran Anda tidak membuka data catin.",
     "the catin of the user's area (wilayah= inside it): by name for the name roles, else counts; the registration form"},
    {"POST", "/catin", tb_page_catin_tambah, KIA_NAMES, CSRF, DENY_KIA,
     "register a catin and the Elsimil screening: nama, nik, jk, tgl_lahir, desa, alamat, pasangan, tgl_periksa, tgl_rencana_nikah, bb, tb, lila, hb, lingkar_perut, merokok, csrf (audited)"},
    {"GET", "/catin/{id}", tb_page_catin, KIA_NAMES, LOGIN, DENY_KIA,
     "catin {id} (individu id): the screening, factors, 3-months rule, partner, marriage form"},
    {"POST", "/catin/{id}/nikah", tb_page_catin_nikah, KIA_NAMES, CSRF, DENY_KIA,
     "the marriage of catin {id} and partner: tgl_nikah, kua, no_kk (optional), csrf; forms the PUS family (audited)"},
    {"GET", "/kehamilan", tb_page_kehamilan_list, KIA_NAMES, LOGIN, DENY_KIA,
     "the pregnancies of the user's area (not delivered first), with the registration form"},
    {"POST", "/kehamilan", tb_page_kehamilan_tambah, KIA_ENTER, CSRF, DENY_KIA_ENTER,
     "register a pregnancy: nik (or nama, tgl_lahir, desa), hpht, gravida, paritas, lila, hb, posyandu_id, csrf (audited)"},
    {"GET", "/kehamilan/{id}", tb_page_kehamilan, KIA_NAMES, LOGIN, DENY_KIA,
     "pregnancy {id}: ANC by trimester (K1/K4/K6), TTD, LiLA/KEK, Hb, delivery, KF, KN1, and the next step's form"},
    {"POST", "/kehamilan/{id}/{bagian}", tb_page_kehamilan_simpan, KIA_ENTER, CSRF, DENY_KIA_ENTER,
     "pregnancy {id}: {bagian} anc (tanggal, pemberi, lila, hb, ttd) | persalinan (tanggal_salin, tempat, penolong, jk, bb_lahir, pb_lahir, nama_bayi, posyandu_id, tgl_kn1: creates the child) | nifas (tanggal), csrf"},
    {"GET", "/kia/pws", tb_page_pws, KIA_READ, LOGIN, "Peran Anda tidak membuka PWS KIA.",
     "PWS KIA: wilayah=, bulan=, indikator=k1|k4|k6|pn|kf|kn1; the graph, the desa below target, the table"},
    {"POST", "/kia/sasaran", tb_page_kia_sasaran, KIA_ENTER | ADMIN, CSRF,
     "Sasaran ditetapkan oleh bidan desa, petugas gizi puskesmas, TPPS kecamatan atau admin kabupaten.",
     "set a desa's PWS KIA sasaran for a year: desa, tahun, bumil, bersalin, nifas, bayi, bulan, csrf (audited)"},
    {"GET", "/monitoring", tb_page_monitoring, MON_READ, LOGIN, DENY_MON,
     "posyandu monitoring: teams, questionnaires, desa table with activity scores, agencies, commitments"},
    {"GET", "/monitoring/isi", tb_page_monitoring_isi, MON_ISI, LOGIN, DENY_MON_ISI,
     "the phone form of a questionnaire (kuesioner=ID), sent through the offline queue"},
    {"GET", "/monitoring/hasil", tb_page_monitoring_hasil, MON_READ, LOGIN, DENY_MON,
     "answers per desa and question at stages 1 and 2: kuesioner=ID, format=csv"},
    {"GET", "/monitoring/foto/{id}", tb_page_monitoring_foto, MON_READ, LOGIN, DENY_MON,
     "photo {id} of a monitoring answer (its uploader, or the desa's viewers)"},
    {"GET", "/monitoring/kuesioner/{id}", tb_page_kuesioner, MON_READ, LOGIN, DENY_MON,
     "questionnaire {id}: versions, questions (versi=ID an older one), builder forms"},
    {"POST", "/monitoring/kuesioner/{id}/{bagian}", tb_page_kuesioner_simpan, MON_ISI, CSRF, DENY_MON_ISI,
     "questionnaire {id}: bagian=butir (kode, label, tipe, pilihan, kelompok, wajib), terbit, versi (a new draft); csrf"},
    {"POST", "/monitoring/{bagian}", tb_page_monitoring_simpan, MON_READ, CSRF, DENY_MON,
     "bagian=tim (nama), tim-anggota (tim, lembaga, desa), kuesioner (lembaga, nama), komitmen (desa, uraian, pj, tenggat), komitmen-status (id, status); csrf"},
    {"POST", "/api/v1/monitoring/foto", tb_api_monitoring_foto, MON_ISI, UPLOAD, DENY_MON_ISI,
     "a photo (JPEG, PNG, WebP up to 8 MB) as the body, X-CSRF-Token header, ?uuid= its client id; 201 {id}, 200 duplikat"},
    {"POST", "/api/v1/monitoring", tb_api_monitoring, MON_ISI, CSRF, DENY_MON_ISI,
     "a monitoring visit (JSON: uuid, versi_id or kuesioner_id, desa, posyandu_id, tanggal, tahap, catatan, jawaban {kode: nilai}); 201, 200 duplikat, 422 periksa"},
    {"GET", "/posyandu/{id}/profil", tb_page_posyandu_profil, ALL, LOGIN, NULL,
     "posyandu {id} itself: cadres, open days, anthropometry kit, PMT menus, PAUD measured"},
    {"POST", "/posyandu/{id}/profil/{bagian}", tb_page_posyandu_profil_simpan, PROFIL_EDIT, CSRF, DENY_PROFIL,
     "posyandu {id}: bagian=kader (nama, terlatih, pelatihan, aktif, kader_id), buka (tanggal), alat (ada_X, baik_X), pmt (tanggal, menu, sumber), paud (tanggal, nama_paud, jumlah_anak); csrf"},
};
/* clang-format on */

#define NROUTES (sizeof ROUTES / sizeof ROUTES[0])

const tb_route *tb_routes(size_t *n)
{
    *n = NROUTES;
    return ROUTES;
}

/* Adds a path parameter (name into the pattern, value copied into q). */
static bool add_param(tb_req *q, size_t *used, const char *name, size_t name_len, const char *v,
                      size_t len)
{
    if (q->nparams >= TB_REQ_MAX_PARAMS || *used + len + 1 > sizeof q->param_buf)
        return false;
    char *dst = q->param_buf + *used;
    memcpy(dst, v, len);
    dst[len] = 0;
    *used += len + 1;
    q->param_names[q->nparams] = name;
    q->param_name_len[q->nparams] = (int)name_len;
    q->param_vals[q->nparams] = dst;
    q->nparams++;
    return true;
}

bool tb_route_match(const char *pattern, const char *path, tb_req *q)
{
    const char *p = pattern, *s = path;
    size_t used = 0;
    if (q)
        q->nparams = 0;
    while (*p) {
        if (*p == '{') {
            const char *name = p + 1, *close = strchr(name, '}');
            const char *e = s;
            while (*e && *e != '/')
                e++;
            if (q && !add_param(q, &used, name, (size_t)(close - name), s, (size_t)(e - s)))
                return false;
            p = close + 1;
            s = e;
        } else if (*p == '*' && !p[1]) {
            size_t len = strlen(s);
            if (q && !add_param(q, &used, p, 1, s, len))
                return false;
            p++;
            s += len;
        } else if (*p++ != *s++) {
            return false;
        }
    }
    return !*s;
}

static bool method_ok(const char *route, const char *method)
{
    return !strcmp(route, method) || (!strcmp(route, "GET") && !strcmp(method, "HEAD"));
}

static const tb_route *find(tb_req *q)
{
    for (size_t i = 0; i < NROUTES; i++)
        if (method_ok(ROUTES[i].method, q->method) && tb_route_match(ROUTES[i].pattern, q->path, q))
            return &ROUTES[i];
    q->nparams = 0;
    return NULL;
}

/* No session: 401 for the API, else to the login page and back. */
static void not_logged_in(tb_req *q, tb_res *r)
{
    if (!strncmp(q->path, "/api/", 5))
        return tb_res_error(r, q, 401, "Belum masuk: sesi tidak ada atau kedaluwarsa.");
    tb_buf b = {0};
    tb_buf_puts(&b, "/masuk?lanjut=");
    tb_buf_url(&b, q->path);
    tb_res_redirect(r, b.data ? b.data : "/masuk");
    tb_buf_free(&b);
}

/* Session, match, login, CSRF, one-time password and role: the route to
 * run, or NULL with r answered. */
static const tb_route *admit(tb_req *q, tb_res *r)
{
    tb_session_load(q);
    if (q->logged_in)
        q->role = tb_role_bit(q->user.peran);
    const tb_route *rt = find(q);
    const char *deny = NULL;
    int status = 403;
    if (rt && !(rt->flags & TB_ROUTE_LOGIN))
        return rt;
    if (!q->logged_in) {
        not_logged_in(q, r);
        return NULL;
    }
    /* every logged-in write carries the token, even to an unknown URL */
    if (!strcmp(q->method, "POST") && (!rt || (rt->flags & TB_ROUTE_CSRF)) &&
        !tb_session_csrf_ok(q))
        deny = "Token formulir (CSRF) tidak cocok. Muat ulang halaman.";
    else if (!rt)
        status = 404, deny = !strncmp(q->path, "/api/v1/", 8) ? "Titik akhir API tidak dikenal."
                                                              : "Halaman tidak ditemukan.";
    else if (q->user.sandi_sementara && rt->handler != tb_page_akun &&
             rt->handler != tb_page_akun_sandi && rt->handler != tb_page_logout &&
             rt->handler != tb_api_saya) {
        tb_res_redirect(r, "/akun"); /* a one-time password: change it first */
        return NULL;
    } else if (!(rt->roles & q->role))
        deny = rt->deny ? rt->deny : "Peran Anda tidak dapat membuka halaman ini.";
    if (deny) {
        tb_res_error(r, q, status, deny);
        return NULL;
    }
    return rt;
}

void tb_route_dispatch(tb_req *q, tb_res *r)
{
    const tb_route *rt = admit(q, r);
    if (rt)
        rt->handler(q, r);
}

long long tb_route_plan_body(tb_req *q, tb_res *r)
{
    const tb_route *rt = find(q);
    const char *ct = tb_req_header(q, "Content-Type");
    if (!rt || !(rt->flags & TB_ROUTE_UPLOAD) || (ct && strstr(ct, "x-www-form-urlencoded")))
        return 0;
    if (!admit(q, r))
        return -1;
    if (ct && strstr(ct, "multipart/")) {
        tb_res_error(r, q, 415,
                     "Kirim berkasnya sendiri sebagai isi permintaan (bukan formulir"
                     " multipart); halaman Impor melakukannya.");
        return -1;
    }
    /* each upload route's own limit; a monitoring photo is refused before a
     * byte beyond 8 MB is taken */
    long long max = rt->handler == tb_page_impor_unggah      ? tb_impor_max_bytes()
                    : rt->handler == tb_page_lampiran_unggah ? tb_lampiran_max_bytes()
                    : rt->handler == tb_api_monitoring_foto  ? TB_FOTO_MAX_BYTES
                                                             : tb_dokumen_max_bytes();
    const char *cl = tb_req_header(q, "Content-Length");
    if (cl && atoll(cl) > max) {
        char msg[240];
        snprintf(msg, sizeof msg,
                 "Berkas terlalu besar: paling besar %lld MB. Tidak ada yang disimpan; %s",
                 max >> 20,
                 rt->handler == tb_api_monitoring_foto
                     ? "perkecil fotonya (resolusi kamera lebih rendah) lalu kirim lagi."
                     : "pecah berkasnya atau minta admin menaikkan batasnya.");
        tb_res_error(r, q, 413, msg);
        return -1;
    }
    return max;
}

int tb_routes_check(FILE *err)
{
    int rc = 0;
    for (size_t i = 0; i < NROUTES; i++) {
        const tb_route *rt = &ROUTES[i];
        const char *why = NULL;
        int nparams = 0, open = 0;
        bool bad = false; /* a brace unbalanced, nested or across a segment */
        for (const char *p = rt->pattern; *p; p++) {
            nparams += *p == '{' || (*p == '*' && !p[1]);
            open += *p == '{' ? 1 : *p == '}' ? -1 : 0;
            bad |= open < 0 || open > 1 || (open && *p == '/');
        }
        if (strcmp(rt->method, "GET") && strcmp(rt->method, "POST"))
            why = "method is not GET or POST";
        else if (rt->pattern[0] != '/')
            why = "pattern does not start with /";
        else if (bad || open)
            why = "a {parameter} is not closed within its segment";
        else if (nparams > TB_REQ_MAX_PARAMS)
            why = "too many path parameters";
        else if ((rt->roles == TB_ROLE_PUBLIC) != !(rt->flags & TB_ROUTE_LOGIN))
            why = "public routes, and only they, need no login";
        else if (!rt->roles)
            why = "no role may call it";
        else if ((rt->flags & TB_ROUTE_LOGIN) && !strcmp(rt->method, "POST") &&
                 !(rt->flags & TB_ROUTE_CSRF))
            why = "a logged-in write without the CSRF check";
        if (why) {
            fprintf(err, "route %s %s: %s\n", rt->method, rt->pattern, why);
            rc = -1;
        }
    }
    return rc;
}
