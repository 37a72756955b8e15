#!/bin/sh
# tests/cli/tpk.sh - `tumbuh report tpk` and `tumbuh report 3standar4pasti`
# on a small hand-built fixture (two desa, nine people), every figure
# counted by hand below; then the checklist as configuration: another
# active version changes the columns and names an item it cannot compute.
. tests/cli-lib.sh
DB="$W/t.db"
q() { sqlite3 "$DB" "$1"; }
# the fixture lives in a kabupaten of its own (35.97) beside the small demo (35.99)
export TUMBUH_FAST_HASH=1
$T --db "$DB" demo --size small --seed 3 --until 2026-11 > /dev/null 2>&1
q "INSERT INTO wilayah VALUES
  ('35.97', 2, '35', 'KABUPATEN UJI', 0, NULL), ('35.97.01', 3, '35.97', 'KEC SATU', 0, NULL),
  ('35.97.01.2001', 4, '35.97.01', 'DESA A', 0, NULL), ('35.97.01.2002', 4, '35.97.01', 'DESA B', 0, NULL);
INSERT INTO keluarga (id, no_kk, desa) VALUES (990001, '3597010101010001', '35.97.01.2001');
INSERT INTO individu (id, nama, nama_kunci, jk, tgl_lahir, keluarga_id, desa) VALUES
  (990001, 'Catin Satu', 'catin satu', 2, '2000-01-01', 990001, '35.97.01.2001'),
  (990002, 'Catin Dua', 'catin dua', 2, '2001-01-01', NULL, '35.97.01.2001'),
  (990003, 'Bumil Satu', 'bumil satu', 2, '1995-01-01', 990001, '35.97.01.2001'),
  (990004, 'Bumil Dua', 'bumil dua', 2, '1996-01-01', 990001, '35.97.01.2001'),
  (990005, 'Nifas Satu', 'nifas satu', 2, '1994-01-01', NULL, '35.97.01.2001'),
  (990006, 'Baduta Satu', 'baduta satu', 1, '2025-06-01', 990001, '35.97.01.2001'),
  (990007, 'Baduta Dua', 'baduta dua', 2, '2026-01-15', 990001, '35.97.01.2001'),
  (990008, 'Balita Tiga', 'balita tiga', 2, '2023-01-01', 990001, '35.97.01.2001'),
  (990009, 'Bumil Tiga', 'bumil tiga', 2, '1990-01-01', NULL, '35.97.01.2002');
INSERT INTO catin (individu_id, tgl_periksa, tgl_rencana_nikah, hasil) VALUES
  (990001, '2026-06-01', '2026-10-15', 'ideal'), (990002, '2026-09-01', '2026-10-20', 'berisiko');
INSERT INTO kehamilan (ibu_id, hpht, hpl, kek, anemia, tgl_persalinan) VALUES
  (990003, '2026-05-01', '2027-02-05', 1, 0, NULL), (990004, '2026-03-01', '2026-12-06', 0, 0, NULL),
  (990005, '2026-01-01', '2026-10-08', 0, 0, '2026-10-05'), (990009, '2026-07-01', '2027-04-07', 0, 1, NULL);
INSERT INTO anak (individu_id) VALUES (990006), (990007), (990008);
INSERT INTO pengukuran (anak_id, tanggal, bb, tb, z_tbu, f_tbu) VALUES
  (990006, '2026-10-12', 8.1, 70.0, -2.5, 0), (990008, '2026-10-12', 12.0, 90.0, -1.0, 0);
INSERT INTO tpk (id, kode, desa, nama) VALUES (991, 'A', '35.97.01.2001', 'TPK A'), (992, 'B', '35.97.01.2002', 'TPK B');
INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai) VALUES
  (991, 990003, 'bumil', '2026-09-01'), (991, 990004, 'bumil', '2026-09-01'),
  (991, 990005, 'nifas', '2026-10-06'), (991, 990006, 'baduta', '2026-09-01');
INSERT INTO tpk_kunjungan (tpk_id, individu_id, tanggal, sasaran, rujukan_ke, status_rujukan,
  berisiko, layanan, kunjungan_berikut) VALUES
  (991, 990004, '2026-09-05', 'bumil', NULL, NULL, 0, 0, '2026-10-05'),
  (991, 990003, '2026-10-10', 'bumil', 'Puskesmas', 'selesai', 1, 1, NULL),
  (991, 990005, '2026-10-20', 'nifas', 'RSUD', NULL, 1, 0, '2026-10-25'),
  (991, 990006, '2026-10-12', 'baduta', NULL, NULL, 0, 0, NULL);"

# TPK A: assigned 3, 4, 5, 6 = 4; visited in October as their kind: 3, 5, 6 = 3;
# overdue at 31 Oct: 4 (due 5 Oct), 5 (next visit set to 25 Oct) = 2; 3 visits;
# referrals made 2 (3, 5), completed 1 (3). TPK B: nothing.
$T --db "$DB" report tpk --wilayah 35.97 --month 2026-10 > "$W/tpk.csv" 2> "$W/err"
check "report tpk: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "report tpk: header" "[ \"$(sed -n 1p "$W/tpk.csv")\" = 'tpk,desa,sasaran,dikunjungi,terlambat,kunjungan,rujukan,rujukan_selesai,persen_dikunjungi' ]"
check "report tpk: TPK A counted by hand ($(sed -n 2p "$W/tpk.csv"))" "[ \"$(sed -n 2p "$W/tpk.csv")\" = 'TPK A,DESA A,4,3,2,3,2,1,75.00' ]"
check "report tpk: TPK B empty ($(sed -n 3p "$W/tpk.csv"))" "[ \"$(sed -n 3p "$W/tpk.csv")\" = 'TPK B,DESA B,0,0,0,0,0,0,' ]"
check "report tpk: total ($(sed -n 4p "$W/tpk.csv"))" "[ \"$(sed -n 4p "$W/tpk.csv")\" = 'Jumlah,,4,3,2,3,2,1,75.00' ]"
$T --db "$DB" report tpk --wilayah 35.97.01.2002 --month 2026-10 > "$W/tpkb.csv" 2>&1
check "report tpk of desa B: only its team" "[ \$(wc -l < \"$W/tpkb.csv\") = 3 ] && grep -q '^TPK B,' \"$W/tpkb.csv\" && ! grep -q '^TPK A' \"$W/tpkb.csv\""

# 3 standar 4 PASTI, October 2026. Desa A targets: catin 1, 2 (weddings in
# October; 1 screened 4.5 months before, 2 only 7 weeks), bumil 3, 4, nifas 5
# (delivered 5 Oct), baduta 6, 7 (8 is 45 months: not a baduta).
#   catin_3_bulan 1/2; bumil_nifas_bulanan 2/3 (3, 5); baduta_diukur 1/2 (6);
#   terdata (in a family) 5/7 (1, 3, 4, 6, 7); didampingi (assigned and
#   visited) 3/7 (3, 5, 6); layanan: at risk 2 (berisiko), 3 (KEK), 5 (visit
#   found a risk), 6 (stunted in October) = 4, served 3 and 5 (referred) = 2;
#   terpantau: referred 3, 5, followed 3 = 1/2.
# Desa B: bumil 9 (anaemia), alone: 0/1 for every item that applies.
$T --db "$DB" report 3standar4pasti --wilayah 35.97 --month 2026-10 > "$W/sp.csv" 2> "$W/err"
check "report 3standar4pasti: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "3standar4pasti: header" "[ \"$(sed -n 1p "$W/sp.csv")\" = 'desa,catin_3_bulan_ya,catin_3_bulan_n,catin_3_bulan_persen,bumil_nifas_bulanan_ya,bumil_nifas_bulanan_n,bumil_nifas_bulanan_persen,baduta_diukur_ya,baduta_diukur_n,baduta_diukur_persen,pasti_terdata_ya,pasti_terdata_n,pasti_terdata_persen,pasti_didampingi_ya,pasti_didampingi_n,pasti_didampingi_persen,pasti_layanan_ya,pasti_layanan_n,pasti_layanan_persen,pasti_terpantau_ya,pasti_terpantau_n,pasti_terpantau_persen' ]"
check "3standar4pasti: desa A by hand ($(sed -n 2p "$W/sp.csv"))" "[ \"$(sed -n 2p "$W/sp.csv")\" = 'DESA A,1,2,50.00,2,3,66.67,1,2,50.00,5,7,71.43,3,7,42.86,2,4,50.00,1,2,50.00' ]"
check "3standar4pasti: desa B by hand ($(sed -n 3p "$W/sp.csv"))" "[ \"$(sed -n 3p "$W/sp.csv")\" = 'DESA B,0,0,,0,1,0.00,0,0,,0,1,0.00,0,1,0.00,0,1,0.00,0,0,' ]"
check "3standar4pasti: total ($(sed -n 4p "$W/sp.csv"))" "[ \"$(sed -n 4p "$W/sp.csv")\" = 'Jumlah,1,2,50.00,2,4,50.00,1,2,50.00,5,8,62.50,3,8,37.50,2,5,40.00,1,2,50.00' ]"

# the catin rule is the lib's (lib/elsimil.c, stored as catin.tepat_waktu at
# registration and marriage) where it was judged: catin 1 judged late counts late
q "UPDATE catin SET tepat_waktu = 0 WHERE individu_id = 990001"
$T --db "$DB" report 3standar4pasti --wilayah 35.97 --month 2026-10 > "$W/sp1.csv" 2>&1
check "3standar4pasti: the stored Elsimil judgement counts ($(sed -n 2p "$W/sp1.csv" | cut -d, -f1-4))" "[ \"$(sed -n 2p "$W/sp1.csv" | cut -d, -f1-4)\" = 'DESA A,0,2,0.00' ]"
q "UPDATE catin SET tepat_waktu = NULL WHERE individu_id = 990001"

# a visit in November moves nothing of October
q "INSERT INTO tpk_kunjungan (tpk_id, individu_id, tanggal, sasaran) VALUES (991, 990004, '2026-11-02', 'bumil')"
$T --db "$DB" report 3standar4pasti --wilayah 35.97 --month 2026-10 > "$W/sp2.csv" 2>&1
check "a November visit leaves October as it was" "cmp -s \"$W/sp.csv\" \"$W/sp2.csv\""

# the checklist is configuration: a district version with two items, one unknown
q "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'checklist';
INSERT INTO ref_versi VALUES ('checklist', 'kab-2027', '2027-01-01', 1, 'SK Bupati (uji)', NULL, NULL);
INSERT INTO ref_checklist VALUES ('kab-2027', '4pasti', 1, 'pasti_didampingi', 'Didampingi'),
  ('kab-2027', '4pasti', 2, 'pasti_bersih', 'Rumah bersih');"
$T --db "$DB" report 3standar4pasti --wilayah 35.97 --month 2026-10 > "$W/sp3.csv" 2>&1
check "another checklist version: its columns ($(sed -n 1p "$W/sp3.csv"))" "[ \"$(sed -n 1p "$W/sp3.csv")\" = 'desa,pasti_didampingi_ya,pasti_didampingi_n,pasti_didampingi_persen,pasti_bersih_ya,pasti_bersih_n,pasti_bersih_persen' ]"
check "another checklist version: desa A didampingi 3/7, the unknown item empty" "[ \"$(sed -n 2p "$W/sp3.csv")\" = 'DESA A,3,7,42.86,,,' ]"
$T --db "$DB" report 3standar4pasti --wilayah 35.97 --month 2026-10 --format pdf -o "$W/sp.pdf" > /dev/null 2>&1
check "3standar4pasti as PDF" "[ -s \"$W/sp.pdf\" ] && head -c 5 \"$W/sp.pdf\" | grep -q '%PDF'"
$T --db "$DB" report tpk --wilayah 35.97 --month 2026-10 --format xlsx -o "$W/tpk.xlsx" > /dev/null 2>&1
check "report tpk as XLSX" "[ -s \"$W/tpk.xlsx\" ]"
$T --db "$DB" report tpk --posyandu 1 --month 2026-10 > /dev/null 2> "$W/err"
check "report tpk per posyandu: refused with the reason" "grep -q 'per wilayah' \"$W/err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
