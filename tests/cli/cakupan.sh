#!/bin/sh
# tests/cli/cakupan.sh - `tumbuh report cakupan|evaluasi|lokus|ansit` on a
# hand-built kabupaten (35.97) beside the demo: exactly the columns of
# issue 14, values counted by hand (computed from the records; a value
# entered from another system and its sum upwards), the lokus ranking with
# its components and the stored weights, XLSX and PDF written, usage errors.
. tests/cli-lib.sh
export TUMBUH_FAST_HASH=1 TUMBUH_TODAY=2026-11-28
DB="$W/c.db"
$T --db "$DB" demo --size small --seed 3 --until 2026-11 > /dev/null 2>&1
# desa A: 97101 severely wasted (referred) and stunted, 97102 not measured;
# desa B: 97201 moderately wasted with PMT and stunted. Families: A x1 (layak,
# desil 1, PBI, KRS, visited in 2026), x2 (not layak, desil 5, KRS); B x3
# (layak, desil 2). S9 of A entered: 7 of 10 (ASIK).
sqlite3 "$DB" "INSERT INTO wilayah VALUES ('35.97', 2, '35', 'KAB UJI', 0, NULL),
    ('35.97.01', 3, '35.97', 'SATU', 0, NULL),
    ('35.97.01.2001', 4, '35.97.01', 'DESA A', 0, NULL), ('35.97.01.2002', 4, '35.97.01', 'DESA B', 0, NULL);
  INSERT INTO posyandu (id, nama, desa) VALUES (9701, 'Pos A', '35.97.01.2001'), (9702, 'Pos B', '35.97.01.2002');
  INSERT INTO keluarga (id, no_kk, desa, sumber_air, jamban, desil, jkn, krs) VALUES
    (97001, 'x1', '35.97.01.2001', 'ledeng', 'septik', 1, 'pbi', 1),
    (97002, 'x2', '35.97.01.2001', 'sungai', 'tanpa_septik', 5, 'tidak', 1),
    (97003, 'x3', '35.97.01.2002', 'ledeng', 'septik', 2, 'tidak', 0);
  INSERT INTO tpk (id, desa, nama) VALUES (97, '35.97.01.2001', 'TPK A');
  INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, tanggal, sasaran) VALUES (97, 97001, '2026-03-01', 'balita');
  INSERT INTO individu (id, nama, nama_kunci, tgl_lahir, desa, keluarga_id) VALUES
    (97101, 'a', 'a', '2024-02-01', '35.97.01.2001', 97001), (97102, 'b', 'b', '2024-02-01', '35.97.01.2001', 97002),
    (97201, 'c', 'c', '2024-02-01', '35.97.01.2002', 97003);
  INSERT INTO anak (individu_id, posyandu_id) VALUES (97101, 9701), (97102, 9701), (97201, 9702);
  INSERT INTO pengukuran (anak_id, tanggal, posyandu_id, z_bbtb, f_bbtb, z_tbu, f_tbu, rujukan, pmt_kg) VALUES
    (97101, '2026-04-02', 9701, -3.5, 0, -2.5, 0, 1, NULL),
    (97201, '2026-04-03', 9702, -2.5, 0, -2.4, 0, 0, 2.0);
  INSERT INTO indikator_nilai (kode, wilayah, periode, pembilang, penyebut, nilai, sumber)
    VALUES ('S9', '35.97.01.2001', '2026', 7, 10, 70, 'ASIK');"
S7='S7 Balita yang dipantau pertumbuhan dan perkembangannya'
$T --db "$DB" report cakupan --wilayah 35.97 --year 2026 > "$W/c.csv"
check "cakupan: exit 0" "[ $? -eq 0 ]"
check "cakupan: exactly the issue's columns" "[ \"\$(head -1 \"$W/c.csv\")\" = 'kode,wilayah,indikator,pembilang,penyebut,persen,target,sumber' ]"
check "cakupan: 4 areas x 20 indicators" "[ \$(wc -l < \"$W/c.csv\") -eq 81 ]"
has() { grep -qxF "$2" "$W/$1" || { echo "  missing in $1: $2" >&2; return 1; }; }
check "S7 desa A: 1 of 2 measured" "has c.csv '35.97.01.2001,DESA A,$S7,1,2,50.00,90.00,Tumbuh'"
check "S7 desa B: 1 of 1" "has c.csv '35.97.01.2002,DESA B,$S7,1,1,100.00,90.00,Tumbuh'"
check "S7 kabupaten: summed 2 of 3" "has c.csv '35.97,KAB UJI,$S7,2,3,66.67,90.00,Tumbuh'"
check "S6 desa A: the severely wasted child referred" "has c.csv '35.97.01.2001,DESA A,S6 Balita gizi buruk yang mendapat pelayanan tata laksana gizi buruk,1,1,100.00,90.00,Tumbuh'"
check "S8 desa B: PMT given" "has c.csv '35.97.01.2002,DESA B,S8 Balita gizi kurang yang mendapat tambahan asupan gizi,1,1,100.00,90.00,Tumbuh'"
check "K4 kecamatan: 2 of 3 layak, no target" "has c.csv '35.97.01,SATU,K4 Rumah tangga dengan akses air minum layak,2,3,66.67,,Tumbuh'"
check "K7 desa A: 1 of 2 KRS visited" "has c.csv '35.97.01.2001,DESA A,K7 Keluarga berisiko stunting yang memperoleh pendampingan,1,2,50.00,90.00,Tumbuh'"
check "S9 desa A: entered from ASIK" "has c.csv '35.97.01.2001,DESA A,S9 Balita yang memperoleh imunisasi dasar lengkap,7,10,70.00,90.00,ASIK'"
check "S9 kabupaten: summed from below" "has c.csv '35.97,KAB UJI,S9 Balita yang memperoleh imunisasi dasar lengkap,7,10,70.00,90.00,isian wilayah di bawahnya'"
check "S3: no data, the national target" "has c.csv '35.97,KAB UJI,S3 Remaja putri yang mengonsumsi TTD,,,,58.00,'"
# the district's own target replaces the national one
sqlite3 "$DB" "INSERT INTO indikator_target_wilayah VALUES ('S7', '35.97', 2026, 95)"
$T --db "$DB" report cakupan --wilayah 35.97.01.2002 --year 2026 > "$W/d.csv"
check "a desa alone: 20 rows" "[ \$(wc -l < \"$W/d.csv\") -eq 21 ]"
check "S7 with the district's target 95" "has d.csv '35.97.01.2002,DESA B,$S7,1,1,100.00,95.00,Tumbuh'"
# evaluasi: kabupaten and kecamatan, with the status
$T --db "$DB" report evaluasi --kabupaten 35.97 --year 2026 > "$W/e.csv"
check "evaluasi: columns with status" "[ \"\$(head -1 \"$W/e.csv\")\" = 'kode,wilayah,indikator,pembilang,penyebut,persen,target,status,sumber' ]"
check "evaluasi: kabupaten and kecamatan only" "[ \$(wc -l < \"$W/e.csv\") -eq 41 ] && ! grep -q '^35.97.01.2001' \"$W/e.csv\""
check "evaluasi: S7 66.67 of 95 is rendah" "has e.csv '35.97,KAB UJI,$S7,2,3,66.67,95.00,rendah,Tumbuh'"
# lokus: components by hand. A: stunted 1 (100%), KRS 2, gap (0+45+20+40)/4 = 26.25
# (S6 100/90, S7 50/95, S9 70/90, K7 50/90), desil 1-4 50%; B: 1 (100%), KRS 0,
# gap 0 (S7, S8 reached), 100%. Stunting and prevalence are equal: 0 for both.
# A = (15 x 1 + 15 x 1) / 100 = 30; B = 10 x 1 = 10.
$T --db "$DB" report lokus --kabupaten 35.97 --year 2026 > "$W/l.csv"
check "lokus: columns" "[ \"\$(head -1 \"$W/l.csv\")\" = 'kode,desa,kecamatan,skor,peringkat,stunting,prevalensi,krs,celah_cakupan,kemiskinan' ]"
check "lokus: A first" "has l.csv '35.97.01.2001,DESA A,SATU,30.00,1,1,100.00,2,26.25,50.00'"
check "lokus: B second" "has l.csv '35.97.01.2002,DESA B,SATU,10.00,2,1,100.00,0,0.00,100.00'"
sqlite3 "$DB" "INSERT INTO lokus_bobot VALUES ('35.97', 2026, 'stunting', 0), ('35.97', 2026, 'prevalensi', 0),
  ('35.97', 2026, 'krs', 0), ('35.97', 2026, 'celah_cakupan', 0), ('35.97', 2026, 'kemiskinan', 100)"
$T --db "$DB" report lokus --kabupaten 35.97 --year 2026 > "$W/l2.csv"
check "lokus: the district's weights reorder (poverty only: B first)" "[ \"\$(sed -n 2p \"$W/l2.csv\" | cut -d, -f1,4,5)\" = '35.97.01.2002,100.00,1' ]"
$T --db "$DB" report ansit --kabupaten 35.97 --year 2026 --format xlsx -o "$W/a.xlsx"
check "ansit: an XLSX" "[ \$? -eq 0 ] && [ \"\$(head -c 2 \"$W/a.xlsx\")\" = PK ]"
$T --db "$DB" report evaluasi --kabupaten 35.97 --year 2026 --format pdf -o "$W/e.pdf"
check "evaluasi: a PDF" "[ \$? -eq 0 ] && [ \"\$(head -c 4 \"$W/e.pdf\")\" = %PDF ]"
$T --db "$DB" report cakupan --wilayah 35.97 --year 2026 --format xlsx -o "$W/c.xlsx"
check "cakupan: an XLSX" "[ \$? -eq 0 ] && [ -s \"$W/c.xlsx\" ]"
# usage errors
$T --db "$DB" report cakupan --wilayah 35.97 > /dev/null 2> "$W/u1"
check "no --year: usage, exit 2" "[ $? -eq 2 ] && grep -q 'year' \"$W/u1\""
$T --db "$DB" report lokus --kabupaten 35.97.01 --year 2026 > /dev/null 2> "$W/u2"
check "lokus of a kecamatan: exit 2" "[ $? -eq 2 ] && grep -q 'kode kabupaten' \"$W/u2\""
$T --db "$DB" report cakupan --wilayah 35.96 --year 2026 > /dev/null 2> "$W/u3"
check "an unknown area: exit 1" "[ $? -eq 1 ] && grep -q 'tidak ada' \"$W/u3\""
$T --db "$DB" report cakupan --wilayah 35.97 --year 2026 --format xlsx > /dev/null 2> "$W/u4"
check "xlsx without -o: exit 2" "[ $? -eq 2 ]"
$T --db "$DB" report --year 2026 lokus --kabupaten 35.97 > "$W/l3.csv"
check "options before the name" "[ $? -eq 0 ] && cmp -s \"$W/l2.csv\" \"$W/l3.csv\""
$T --db "$DB" report lokus --kabupaten 35.97 --year 2026 lebih > /dev/null 2> "$W/u5"
check "an extra argument: exit 2" "[ $? -eq 2 ] && grep -q 'argumen berlebih' \"$W/u5\""
$T report evaluasi --help > "$W/h" 2>&1
check "--help: exit 0, usage on stdout" "[ $? -eq 0 ] && grep -q 'pemakaian' \"$W/h\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
