#!/bin/sh
# tests/cli/web_layanan.sh - "one target, every service" (issue 12) on the
# small demo with a family built here in the bidan's desa (month 2026-11):
#   the family: river water (not layak), septic latrine, JKN PBI, bansos PKH
#   the mother: pregnant since 2026-06-01 (KEK), 2 ANC, TTD 20 on record and
#     30 from the TPK visit of 2026-11-05 (MT, counselling, bansos, JKN), a
#     kelas ibu; an earlier pregnancy delivered at the puskesmas with KF1
#   the child (8 months): weighed at posyandu 1 on 2026-11-03 (stunted, PMT
#     1,5 kg), a TPK visit on 2026-11-04 (immunisation complete, ASI
#     exclusive, MP-ASI, vitamin A, counselling), no birth certificate
#   a catin screened 2026-10-01 (berisiko), wedding 2026-12-20
# The target pages show each source and what is missing (hand-checked); the
# family page every member; the scorecard page aggregates for a kecamatan
# role and the targets by name for the bidan; a TPK member opens only the
# targets and families of their team.
export TUMBUH_TODAY=2026-11-28
. tests/cli-lib.sh
. tests/web-lib.sh
expect() { check "$1: want $2, got $3" "[ \"$3\" = \"$2\" ]"; }
post() {
  u=$1; p=$2; shift 2
  curl -s -b "$W/$u.jar" -o "$W/body" -w '%{http_code}' -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
D=35.99.01.2001
sqlite3 "$DB" "INSERT INTO keluarga (id, no_kk, desa, sumber_air, jamban, jkn, bansos, putaran, sasaran, krs, krs_faktor) VALUES
   (99001, '3599010101990001', '$D', 'sungai', 'septik', 'pbi', 'pkh', 'PK25', 1, 1, 'air_tidak_layak');
 INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, keluarga_id, desa, peran) VALUES
   (99011, 'Ibu Lengkap Layanan', 'ibu lengkap layanan', 2, '1996-02-02', 99001, '$D', 'bumil'),
   (99021, 'Anak Lengkap Layanan', 'anak lengkap layanan', 1, '2026-03-10', 99001, '$D', 'anak'),
   (99031, 'Catin Calon Layanan', 'catin calon layanan', 2, '2003-04-04', 99001, '$D', 'catin');
 INSERT INTO kehamilan (id, ibu_id, hpht, hpl, kek, ttd_jumlah, kelas_ibu, tgl_persalinan, tempat_persalinan) VALUES
   (99001, 99011, '2026-06-01', '2027-03-08', 1, 20, 1, NULL, NULL),
   (99002, 99011, '2025-06-01', '2026-03-08', 0, 90, 4, '2026-03-10', 'Puskesmas');
 INSERT INTO kunjungan_anc (kehamilan_id, ke, tanggal, pemberi) VALUES
   (99001, 1, '2026-07-01', 'Bidan Sari'), (99001, 2, '2026-09-01', 'Bidan Sari');
 INSERT INTO kunjungan_nifas (kehamilan_id, ke, tanggal) VALUES (99002, 1, '2026-03-11');
 INSERT INTO anak (individu_id, posyandu_id, akta_lahir) VALUES (99021, 1, 0);
 INSERT INTO pengukuran (anak_id, tanggal, posyandu_id, bb, tb, pmt_kg, kat_tbu) VALUES
   (99021, '2026-11-03', 1, 7.9, 68.5, 1.5, 'P');
 INSERT INTO tpk_kunjungan (tpk_id, individu_id, tanggal, sasaran, data, konseling, bansos, jkn) VALUES
   (1, 99011, '2026-11-05', 'bumil', '{\"ttd\":30,\"mt\":true,\"kek\":true}', 'gizi seimbang', 'PKH', 'punya'),
   (1, 99021, '2026-11-04', 'baduta', '{\"imunisasi\":\"lengkap\",\"asi\":\"eksklusif\",\"mpasi\":true,\"vit_a\":true,\"ditimbang\":true}', 'MP-ASI', NULL, NULL);
 INSERT INTO catin (individu_id, tgl_rencana_nikah, tgl_periksa, hasil, ttd) VALUES
   (99031, '2026-12-20', '2026-10-01', 'berisiko', 0);"
for u in tpps.kab tpps.kec bidan.desa gizi.puskesmas tpk kader; do login "$u"; done
# the missing list (ul.kurang) and the received one of a target page in $W/body
missing() { sed -n 's/.*<ul class="kurang">\(.*\)/\1/p' "$W/body" | sed 's/<\/ul>.*//' | grep -o 'data-indikator="[a-z0-9_]*"' | sed 's/.*="\(.*\)"/\1/' | sort | tr '\n' ' '; }
src_row() { sed 's/<tr /\n<tr /g' "$W/body" | grep "^<tr data-sumber=\"$1\"" ; }

# the child: every source and what is missing
expect "child target page (bidan)" 200 "$(get bidan.desa /layanan/99021?bulan=2026-11)"
check "child: missing ukur_tb2, air, akta only ($(missing))" "[ \"\$(missing)\" = 'air akta ukur_tb2 ' ]"
check "child: posyandu row with PMT" "src_row posyandu | grep -q 'PMT 1,5 kg'"
check "child: posyandu row with BB and TB" "src_row posyandu | grep -q 'BB 7,9 kg TB 68,5 cm'"
check "child: TPK row with immunisation, ASI, MP-ASI, vitamin A" "src_row tpk | grep -q 'ASI eksklusif; imunisasi lengkap; ditimbang; MP-ASI; vitamin A'"
check "child: census row (water, latrine, JKN, bansos)" "src_row pendataan | grep -q 'air minum sungai, jamban septik, JKN pbi, bansos pkh'"
# the mother
expect "mother target page" 200 "$(get bidan.desa /layanan/99011?bulan=2026-11)"
check "mother: missing anc4, ttd90, konseling4, air ($(missing))" "[ \"\$(missing)\" = 'air anc4 konseling4 ttd90 ' ]"
check "mother: KEK visited this month (received)" "grep -q 'data-indikator=\"kunjungan_risti\">&#10003;' '$W/body'"
check "mother: ANC rows with who gave it" "[ \$(src_row anc | grep -c 'oleh Bidan Sari') -eq 2 ]"
check "mother: the delivery and its nifas visit" "src_row persalinan | grep -q 'Persalinan di Puskesmas' && src_row nifas | grep -q 'KF1'"
check "mother: TPK visit with TTD, MT, bansos, JKN" "src_row tpk | grep -q 'TTD 30 tablet' && src_row tpk | grep -q 'MT' && src_row tpk | grep -q 'bansos: PKH; JKN punya'"
check "mother: the pregnancy record" "src_row kehamilan | grep -q 'HPL 2027-03-08'"
# the catin
expect "catin target page" 200 "$(get bidan.desa /layanan/99031?bulan=2026-11)"
check "catin: missing 3 months before, TTD, TPK ($(missing))" "[ \"\$(missing)\" = 'catin_3_bulan didampingi ttd_catin ' ]"
check "catin: the screening row" "src_row catin | grep -q 'Skrining catin (Elsimil): berisiko'"
# the family page: every member's package and the whole timeline
expect "family page (bidan)" 200 "$(get bidan.desa /keluarga/99001)"
check "family: each member's target page linked" "grep -q 'href=\"/layanan/99011\"' '$W/body' && grep -q 'href=\"/layanan/99021\"' '$W/body' && grep -q 'href=\"/layanan/99031\"' '$W/body'"
for s in posyandu tpk anc nifas kehamilan persalinan catin pendataan; do
  check "family timeline: source $s" "src_row $s | grep -q ."
done
# the child page carries the package
expect "child page" 200 "$(get bidan.desa /anak/99021)"
check "child page: package with the missing birth certificate" "grep -q 'Paket layanan bulan ini' '$W/body' && grep -q 'data-indikator=\"akta\">&#10007;' '$W/body'"

# the scorecard page
expect "scorecard: kecamatan role at the desa" 200 "$(get tpps.kec "/konvergensi?wilayah=$D&bulan=2026-11")"
check "  aggregates, no names" "grep -q 'Paket lengkap' '$W/body' && ! grep -q 'Anak Lengkap Layanan' '$W/body' && ! grep -q 'sasaran-kurang' '$W/body' && grep -q 'UU PDP' '$W/body'"
expect "scorecard: bidan at the desa" 200 "$(get bidan.desa "/konvergensi?wilayah=$D&bulan=2026-11")"
check "  names with what they miss" "grep -q 'href=\"/layanan/99021\">Anak Lengkap Layanan' '$W/body'"
check "  the catin listed with its missing items" "sed 's/<tr>/\\n<tr>/g' '$W/body' | grep 'Catin Calon Layanan' | grep -q 'Mendapat tablet tambah darah (catin)'"
expect "scorecard: the user's own area by default" 200 "$(get bidan.desa /konvergensi)"
check "  in the menu; the desa's targets listed" "grep -q 'href=\"/konvergensi\"' '$W/body' && grep -q 'Anak Lengkap Layanan' '$W/body'"
check "  the packages per target type listed" "grep -q '<summary>Paket layanan per jenis sasaran' '$W/body' && grep -q '<li>Diperiksa minimal 3 bulan sebelum menikah</li>' '$W/body'"
expect "scorecard: bidan, another desa" 403 "$(get bidan.desa "/konvergensi?wilayah=35.99.01.2002&bulan=2026-11")"
expect "scorecard: kabupaten" 200 "$(get tpps.kab "/konvergensi?wilayah=35.99&bulan=2026-11")"
check "  the kabupaten total" "grep -q '<td>35.99</td><td>Jumlah</td>' '$W/body'"
expect "scorecard: kader" 403 "$(get kader "/konvergensi?wilayah=$D&bulan=2026-11")"
expect "scorecard CSV (bidan)" 200 "$(get bidan.desa "/unduh/konvergensi-desa.csv?wilayah=$D&bulan=2026-11")"
check "  its columns" "head -n 1 '$W/body' | tr -d '\\r\\357\\273\\277' | grep -qx 'Kode;Desa;Sasaran;Indikator;Berlaku;Tercapai;Tercapai (%)'"
expect "target page: kader (no such role)" 403 "$(get kader /layanan/99021)"
expect "target page: kecamatan role" 403 "$(get tpps.kec /layanan/99021)"
OTHER=$(sqlite3 "$DB" "SELECT a.individu_id FROM anak a JOIN individu i ON i.id = a.individu_id WHERE i.desa = '35.99.01.2002' LIMIT 1")
expect "target page: bidan, a child of another desa" 403 "$(get bidan.desa /layanan/$OTHER)"
expect "target page: gizi puskesmas, that child (its kecamatan)" 200 "$(get gizi.puskesmas /layanan/$OTHER)"
expect "target page: unknown" 404 "$(get bidan.desa /layanan/999999)"
expect "target page: a bad month" 400 "$(get bidan.desa '/layanan/99021?bulan=2026-13')"

# TPK: only the targets and families of the team
expect "tpk: a child not assigned to the team" 403 "$(get tpk /layanan/99021)"
expect "tpk: its child page" 403 "$(get tpk /anak/99021)"
expect "tpk: the child API" 403 "$(get tpk /api/v1/anak/99021)"
expect "tpk: the family" 403 "$(get tpk /keluarga/99001)"
expect "tpk: verval of the family" 403 "$(post tpk /verval/99001 -d keputusan=konfirmasi -d alasan=kunjungan)"
check "  nothing stored" "[ \$(sqlite3 '$DB' 'SELECT count(*) FROM krs_verval WHERE keluarga_id = 99001') -eq 0 ]"
expect "tpk: the KRS page of the desa" 200 "$(get tpk "/krs?wilayah=$D&bulan=2026-11")"
check "  the family is not in the TPK's list" "! grep -q '3599010101990001' '$W/body' && ! grep -q 'action=\"/verval/99001\"' '$W/body'"
expect "tpk: the family list as CSV" 200 "$(get tpk "/unduh/krs-keluarga.csv?wilayah=$D&bulan=2026-11")"
check "  not there either" "! grep -q '3599010101990001' '$W/body'"
expect "bidan: the KRS page of the desa" 200 "$(get bidan.desa "/krs?wilayah=$D&bulan=2026-11")"
check "  the bidan sees the family" "grep -q '3599010101990001' '$W/body'"
expect "gizi puskesmas: the family (its area)" 200 "$(get gizi.puskesmas /keluarga/99001)"
sqlite3 "$DB" "INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai) VALUES (1, 99021, 'baduta', '2026-11-01')"
expect "tpk: the child once assigned" 200 "$(get tpk /layanan/99021)"
expect "tpk: its child page" 200 "$(get tpk /anak/99021)"
expect "tpk: the child API once assigned" 200 "$(get tpk /api/v1/anak/99021)"
expect "tpk: the mother (the same family)" 200 "$(get tpk /layanan/99011)"
expect "tpk: the family" 200 "$(get tpk /keluarga/99001)"
expect "tpk: the KRS page once assigned" 200 "$(get tpk "/krs?wilayah=$D&bulan=2026-11")"
check "  the family is in the TPK's list" "grep -q '3599010101990001' '$W/body'"
check "  no link to child pages in the TPK's lists" "[ $(get tpk "/laporan/stunting?wilayah=$D&bulan=2026-11") = 200 ] && ! grep -q 'href=\"/anak/' '$W/body'"
expect "tpk: verval of the family" 303 "$(post tpk /verval/99001 -d keputusan=konfirmasi -d alasan=kunjungan\ rumah)"
sqlite3 "$DB" "UPDATE tpk_sasaran SET selesai = '2026-11-20' WHERE individu_id = 99021"
expect "tpk: an ended assignment" 403 "$(get tpk /layanan/99021)"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
