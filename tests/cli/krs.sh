#!/bin/sh
# tests/cli/krs.sh - families at risk (issue 12) on a small district built
# here: two census rounds (PK22 then PK23, then PK22 again), the KRS report
# per kecamatan and per desa with hand-counted figures, the round rows and
# changes, the verval worklist, the target, corrections counted.
# tests/data/krs/pk23.csv (hand-checked, TUMBUH_TODAY 2025-06-30):
#   desa 35.07.01.2001: F1 PUS, safe (sasaran, not KRS); F2 river water (KRS:
#     air); F3 wife 19, no latrine (KRS: jamban, muda); F4 wife 37, 4 children
#     20 months apart (KRS: tua, dekat, banyak); F5 wife 55, no children (not
#     sasaran, though river water and no latrine)
#   desa 35.07.01.2002: F6 wife 20, a baby (sasaran, not KRS); F7 wife 41,
#     unprotected well (KRS: air; 41 is not terlalu tua)
#   desa 35.07.02.2001: F8 wife 34, 3 children 24 months apart, rain water,
#     pit latrine (KRS: air, jamban; no 4T)
# pk22.csv: F1-F4 only, F2 with piped water (not KRS then).
set -u
. tests/cli-lib.sh
export TUMBUH_TODAY=2025-06-30
D=tests/data/krs
DB="$W/k.db"
q() { sqlite3 "$DB" "$1"; }
rep() { "$T" --db "$DB" report "$@" --format csv; }

"$T" --db "$DB" import wilayah tests/data/import/wilayah.csv --rejects "$W/w.rej" > /dev/null 2>&1
# the district this database serves, as `tumbuh init --kabupaten 35.07` records it
q "INSERT INTO pengaturan (kunci, nilai) VALUES ('kabupaten', '35.07')"
out=$("$T" --db "$DB" import keluarga "$D/pk22.csv" --putaran "PK 2022" 2>"$W/err")
check "PK22: imported 4 ($out $(cat "$W/err"))" "[ \"$out\" = 'read=4 imported=4 updated=0 rejected=0' ]"
out=$("$T" --db "$DB" import keluarga "$D/pk23.csv" --putaran pk23 2>"$W/err")
check "PK23: 4 new, 1 changed (F2) ($out)" "[ \"$out\" = 'read=8 imported=4 updated=4 rejected=0' ]"
check "rounds kept: 4 + 8 rows" "[ \$(q 'SELECT count(*) FROM keluarga_putaran') -eq 12 ]"
check "F2: PK22 not KRS, PK23 KRS air" \
  "[ \"\$(q \"SELECT group_concat(putaran || ':' || krs || ':' || COALESCE(krs_faktor, ''), ' ') FROM (SELECT p.* FROM keluarga_putaran p JOIN keluarga k ON k.id = p.keluarga_id WHERE k.no_kk = '3507010101010002' ORDER BY putaran)\")\" = 'PK22:0: PK23:1:air_tidak_layak' ]"
out=$("$T" --db "$DB" import keluarga "$D/pk22.csv" --putaran PK22 2>"$W/err")
check "PK22 again: the newer round's row is kept ($out)" \
  "[ \"\$(q \"SELECT putaran || ':' || krs FROM keluarga WHERE no_kk = '3507010101010002'\")\" = 'PK23:1' ]"
out=$("$T" --db "$DB" import keluarga "$D/pk22.csv" --putaran 2022 2>&1)
check "a round that is not PKyy is refused ($out)" "[ \$? -ne 0 ] && echo \"$out\" | grep -q 'putaran'"

# factors of each family (lib/krs.c through the import)
check "F3: PUS hamil, jamban and muda" \
  "[ \"\$(q \"SELECT pus_hamil, krs, krs_faktor FROM keluarga WHERE no_kk = '3507010101010003'\")\" = '1|1|jamban_tidak_layak,terlalu_muda' ]"
check "F4: tua, dekat, banyak" \
  "[ \"\$(q \"SELECT krs_faktor FROM keluarga WHERE no_kk = '3507010101010004'\")\" = 'terlalu_tua,terlalu_dekat,terlalu_banyak' ]"
check "F5: not sasaran, not KRS" "[ \"\$(q \"SELECT sasaran, krs FROM keluarga WHERE no_kk = '3507010101010005'\")\" = '0|0' ]"
check "F7: 41 is not terlalu tua" "[ \"\$(q \"SELECT krs_faktor FROM keluarga WHERE no_kk = '3507010101010007'\")\" = 'air_tidak_layak' ]"

# TPK visits: F2 in March (counts), F3 last December (last year: no), F1 (not KRS: no)
q "INSERT INTO tpk (id, kode, desa, nama) VALUES (1, 'T1', '35.07.01.2001', 'TPK Sukamaju 1')"
for v in "0002 2025-03-10" "0003 2024-12-01" "0001 2025-02-01"; do
  set -- $v
  q "INSERT INTO tpk_kunjungan (tpk_id, keluarga_id, tanggal, sasaran) SELECT 1, id, '$2', 'baduta' FROM keluarga WHERE no_kk = '350701010101$1'"
done

H=kode,wilayah,keluarga,keluarga_sasaran,krs,persen_krs,air_tidak_layak,jamban_tidak_layak,terlalu_muda,terlalu_tua,terlalu_dekat,terlalu_banyak,krs_didampingi,persen_didampingi
rep krs --wilayah 35.07 --month 2025-06 > "$W/kab.csv" 2>"$W/err"
check "kabupaten: exit 0 ($(cat "$W/err"))" "[ \$? -eq 0 ]"
check "kabupaten: the columns" "[ \"\$(head -n 1 '$W/kab.csv')\" = '$H' ]"
check "kabupaten: Donomulyo 7 families, 6 sasaran, 4 KRS" \
  "grep -qx '35.07.01,Donomulyo,7,6,4,66.67,2,1,1,1,1,1,1,25.00' '$W/kab.csv'"
check "kabupaten: Kalipare 1 KRS, not visited" "grep -qx '35.07.02,Kalipare,1,1,1,100.00,1,1,0,0,0,0,0,0.00' '$W/kab.csv'"
check "kabupaten: total" "grep -qx ',Jumlah,8,7,5,71.43,3,2,1,1,1,1,1,20.00' '$W/kab.csv'"
check "kabupaten: 2 sub-areas and the total" "[ \$(wc -l < '$W/kab.csv') -eq 4 ]"
rep krs --wilayah 35.07.01.2001 --month 2025-06 > "$W/desa.csv"
check "desa: its own row" "grep -qx '35.07.01.2001,Sukamaju,5,4,3,75.00,1,1,1,1,1,1,1,33.33' '$W/desa.csv'"
rep krs --wilayah 35.07 --month 2025-01 > "$W/jan.csv"
check "January: the March visit is not yet counted" "grep -qx ',Jumlah,8,7,5,71.43,3,2,1,1,1,1,0,0.00' '$W/jan.csv'"
rep krs --wilayah 35.07 > "$W/now.csv"
check "--month is optional (this month)" "grep -qx ',Jumlah,8,7,5,71.43,3,2,1,1,1,1,1,20.00' '$W/now.csv'"
"$T" --db "$DB" report krs --wilayah 35.07 --format xlsx -o "$W/k.xlsx" 2>/dev/null
check "xlsx written" "[ -s '$W/k.xlsx' ]"
"$T" --db "$DB" report krs --wilayah 35.07 --format pdf -o "$W/k.pdf" 2>/dev/null
check "pdf written" "head -c 4 '$W/k.pdf' | grep -q '%PDF'"
"$T" --db "$DB" report krs --posyandu 1 --month 2025-06 > /dev/null 2>&1
check "per posyandu: refused" "[ \$? -ne 0 ]"

# verval: F2 changed (PK22 -> PK23), F5..F8 new in PK23
rep verval --wilayah 35.07.01.2001 --names > "$W/vv.csv"
check "verval desa 2001: F2 and F5" "[ \$(grep -c 'belum terkonfirmasi' '$W/vv.csv') -eq 2 ]"
check "verval: F2 changed" "grep '3507010101010002' '$W/vv.csv' | grep -q 'berubah'"
check "verval: F5 new" "grep '3507010101010005' '$W/vv.csv' | grep -q 'baru di putaran terakhir'"
rep verval --wilayah 35.07.01.2001 | head -n 1 > "$W/vh"
check "verval: no names without --names" "! grep -q nama '$W/vh'"
q "INSERT INTO krs_target VALUES ('35.07.01.2001', 2025, 3, NULL, NULL)"
rep krs-target --wilayah 35.07 --month 2025-06 > "$W/t.csv"
check "target: Donomulyo 3, 4 KRS, 1 accompanied, 33.33%, 4 open" \
  "grep -qx '35.07.01,Donomulyo,3,4,1,33.33,4' '$W/t.csv'"
check "target: Kalipare none set, 1 open" "grep -qx '35.07.02,Kalipare,,1,0,,1' '$W/t.csv'"
# a correction counts: F7 found not at risk
q "INSERT INTO krs_verval SELECT id, putaran, 'koreksi', 0, 'sumur sudah dilindungi', NULL, '2025-06-01' FROM keluarga WHERE no_kk = '3507010101010007'"
rep krs --wilayah 35.07 --month 2025-06 > "$W/kab2.csv"
check "corrected F7: Donomulyo 3 KRS, 1 unsafe water" \
  "grep -qx '35.07.01,Donomulyo,7,6,3,50.00,1,1,1,1,1,1,1,33.33' '$W/kab2.csv'"
rep krs-target --wilayah 35.07.01 --month 2025-06 > "$W/t2.csv"
check "corrected F7: desa 2002 no KRS, only F6 open" "grep -qx '35.07.01.2002,Tulungrejo,,0,0,,1' '$W/t2.csv'"
rep krs-keluarga --wilayah 35.07.01.2001 --month 2025-06 --names > "$W/kel.csv"
check "desa list: 4 sasaran families" "[ \$(wc -l < '$W/kel.csv') -eq 5 ]"
check "desa list: F2 visited 2025-03-10, no team assigned" "grep '3507010101010002' '$W/kel.csv' | grep -q ',,2025-03-10'"
# assigned TPK comes from tpk_sasaran (a member's assignment), not from the last visit's team
q "INSERT INTO tpk (id, kode, desa, nama) VALUES (2, 'T2', '35.07.01.2001', 'TPK Sukamaju 2')"
for f in 0002 0003; do
  q "INSERT INTO individu (nama, nama_kunci, keluarga_id, desa, peran) SELECT 'Ibu $f', 'ibu $f', id, desa, 'bumil' FROM keluarga WHERE no_kk = '350701010101$f'"
done
q "INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai) SELECT 2, i.id, 'bumil', '2025-01-01' FROM individu i WHERE i.nama = 'Ibu 0002'"
q "INSERT INTO tpk_sasaran (tpk_id, individu_id, jenis, mulai, selesai) SELECT 1, i.id, 'bumil', '2024-01-01', '2024-12-31' FROM individu i WHERE i.nama = 'Ibu 0003'"
rep krs-keluarga --wilayah 35.07.01.2001 --month 2025-06 --names > "$W/kel.csv"
check "desa list: F2's assigned team (TPK Sukamaju 2), not the visiting one" "grep '3507010101010002' '$W/kel.csv' | grep -q 'TPK Sukamaju 2,2025-03-10'"
check "desa list: F3's ended assignment is not shown" "! grep '3507010101010003' '$W/kel.csv' | grep -q 'TPK Sukamaju'"
check "desa list: KRS first, not visited first (F3 or F4 first)" "sed -n 2p '$W/kel.csv' | grep -q '^35070101010100\(03\|04\)'"
# a family assigned as a family (tpk_keluarga: none of its members is a target) shows its team
q "INSERT INTO tpk_keluarga (keluarga_id, tpk_id, mulai) SELECT id, 2, '2025-02-01' FROM keluarga WHERE no_kk = '3507010101010003'"
rep krs-keluarga --wilayah 35.07.01.2001 --month 2025-06 --names > "$W/kel2.csv"
check "desa list: F3 assigned as a family shows TPK Sukamaju 2" "grep '3507010101010003' '$W/kel2.csv' | grep -q 'TPK Sukamaju 2'"
# the same NIK (Rina) in two families of a member file: both on the worklist
out=$("$T" --db "$DB" import keluarga "$D/nik-ganda.csv" --putaran PK23 2>"$W/err")
check "NIK twice: rows kept ($out $(cat "$W/err"))" "echo '$out' | grep -q 'rejected=0'"
rep verval --wilayah 35.07.01.2002 --names > "$W/vv2.csv"
check "NIK twice: both families listed" "[ \$(grep -c 'NIK anggota juga tercatat di keluarga lain' '$W/vv2.csv') -eq 2 ] && grep -q '^[0-9]*,3507010101090001,' '$W/vv2.csv' && grep -q '^[0-9]*,3507010101090002,' '$W/vv2.csv'"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
