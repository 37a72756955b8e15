#!/bin/sh
# tests/cli/import_posyandu.sh - `tumbuh import posyandu`: the district's
# posyandu from a list (nama, desa as a name or a code, puskesmas, hari):
# rows refused with line, column and reason; a desa name found in two
# kecamatan refused (the code accepted); a puskesmas created in the desa's
# kecamatan; a second run changes nothing; a changed day updates; audited.
. tests/cli-lib.sh
DB="$W/p.db"
q() { sqlite3 "$DB" "$1"; }
cat > "$W/wil.csv" <<'CSV'
kode,nama
35,JAWA TIMUR
35.98,KABUPATEN UJI
35.98.01,KOTA BARU
35.98.01.2001,SUKA KARYA
35.98.01.2002,MEKARSARI
35.98.02,PESISIR
35.98.02.2001,MEKARSARI
35.98.02.2002,BTS. ULU
CSV
$T --db "$DB" import wilayah "$W/wil.csv" > /dev/null 2>&1
# the district this database serves (as `tumbuh init --kabupaten` records it): names resolve in it
q "INSERT OR REPLACE INTO pengaturan (kunci, nilai) VALUES ('kabupaten', '35.98')"
printf 'Nama Posyandu;Desa;Puskesmas;Hari Buka\r\n%s\r\n%s\r\n%s\r\n%s\r\n%s\r\n%s\r\n' \
  'Posyandu Melati;sukakarya;Puskesmas Kota Baru;5' \
  'Posyandu Mawar;3598022002;PUSKESMAS PESISIR;' \
  'Posyandu Kenanga;35.98.02.2001;puskesmas pesisir;31' \
  'Posyandu Dahlia;Mekarsari;;' \
  'Posyandu Teratai;Atlantis;;' \
  'Posyandu Anyelir;Desa Suka Karya;;32' > "$W/pos.csv"
out=$($T --db "$DB" import posyandu "$W/pos.csv" 2>&1)
check "first run: 3 imported, 3 rejected ($out)" "echo '$out' | grep -q '^read=6 imported=3 updated=0 rejected=3'"
check "a desa by its name, spaces and case ignored, with its day" "[ \"$(q "SELECT desa, hari_buka FROM posyandu WHERE nama = 'Posyandu Melati'")\" = '35.98.01.2001|5' ]"
check "a desa by its code without dots" "[ \"$(q "SELECT desa, hari_buka IS NULL FROM posyandu WHERE nama = 'Posyandu Mawar'")\" = '35.98.02.2002|1' ]"
check "puskesmas created once in the desa's kecamatan, found again by name in any case" "[ \"$(q "SELECT count(*), min(kecamatan) FROM puskesmas WHERE lower(nama) = 'puskesmas pesisir'")\" = '1|35.98.02' ] && [ $(q "SELECT count(DISTINCT puskesmas_id) FROM posyandu WHERE nama IN ('Posyandu Mawar', 'Posyandu Kenanga')") = 1 ]"
check "puskesmas of another kecamatan created in its own" "[ $(q "SELECT kecamatan FROM puskesmas WHERE nama = 'Puskesmas Kota Baru'") = 35.98.01 ]"
R="$W/pos.csv.tolak.csv"
check "rejects: a desa name in two kecamatan (line 5)" "grep -q 'Posyandu Dahlia;Mekarsari;;;5;Desa;ada lebih dari satu desa bernama' \"$R\""
check "rejects: an unknown desa (line 6)" "grep -q ';6;Desa;desa .Atlantis. tidak ada' \"$R\""
check "rejects: day 32 (line 7)" "grep -q ';7;Hari Buka;hari buka harus tanggal 1 sampai 31' \"$R\""
check "nothing stored for the refused rows" "[ $(q "SELECT count(*) FROM posyandu WHERE nama IN ('Posyandu Dahlia', 'Posyandu Teratai', 'Posyandu Anyelir')") = 0 ]"
check "audited: 3 posyandu and 2 puskesmas added" "[ $(q "SELECT count(*) FROM audit_log WHERE aksi = 'tambah' AND tabel = 'posyandu'") = 3 ] && [ $(q "SELECT count(*) FROM audit_log WHERE aksi = 'tambah' AND tabel = 'puskesmas'") = 2 ]"
out=$($T --db "$DB" import posyandu "$W/pos.csv" 2>&1)
check "second run: nothing changes ($out)" "echo '$out' | grep -q '^read=6 imported=0 updated=0 rejected=3' && [ $(q "SELECT count(*) FROM posyandu") = 3 ]"
printf 'nama,desa,hari\nposyandu melati,35.98.01.2001,9\n' > "$W/hari.csv"
out=$($T --db "$DB" import posyandu "$W/hari.csv" 2>&1)
check "a new day updates the posyandu, its name as stored ($out)" "echo '$out' | grep -q '^read=1 imported=0 updated=1 rejected=0' && [ \"$(q "SELECT nama, hari_buka FROM posyandu WHERE desa = '35.98.01.2001'")\" = 'Posyandu Melati|9' ]"
check "the update audited with before and after" "[ $(q "SELECT count(*) FROM audit_log WHERE aksi = 'ubah' AND tabel = 'posyandu' AND sebelum LIKE '%\"hari_buka\":5%' AND sesudah LIKE '%\"hari_buka\":9%'") = 1 ]"
printf 'nama,kode\nPosyandu X,35.98.01.2001\n' > "$W/nodesa.csv"
check "a file without the desa column: refused, exit 1, named" "! $T --db \"$DB\" import posyandu \"$W/nodesa.csv\" > \"$W/o\" 2>&1 && grep -q 'kolom desa tidak ada' \"$W/o\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
