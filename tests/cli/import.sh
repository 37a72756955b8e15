#!/bin/sh
# tests/cli/import.sh - `tumbuh import` end to end: each kind on a small file
# (tests/data/import), counts in the database (sqlite3), re-imports that
# change nothing, the rejects file, XLSX with --sheet and --map, malformed
# files that must store nothing, and a SIGKILL in the middle of a large import.
# Prints "N passed, N failed". Uses build/san/tumbuh (ASan + UBSan).
set -u
. tests/cli-lib.sh
D=tests/data/import
export TUMBUH_TODAY=2025-06-30 # dates after this are "in the future"
DB="$W/t.db"
q() { sqlite3 "$DB" "$1"; }
# The whole database as text: equal before and after means nothing was stored.
state() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }
# The field of a summary line: field NAME LINE
field() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# 1. wilayah: any order, parents from the file, rejects with line/column/reason.
out=$("$T" --db "$DB" import wilayah "$D/wilayah.csv" --rejects "$W/w.rej" 2>"$W/err")
check "wilayah: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
# The database carries the national list from its creation: of the file's 7
# good codes, 35.07.01 Donomulyo is named as the list names it, the 6 others
# rename the list's (Jawa Timur, Kabupaten Malang, Tulungrejo, Banjarejo,
# Pagak, Sumbermanjing Kulon); nothing is new.
check "wilayah: summary ($out)" "[ '$out' = 'read=10 imported=0 updated=6 rejected=3 rejects=$W/w.rej' ]"
check "wilayah: the file's 7 names stored, beside the list's 91,599 codes" \
  "[ \"\$(q \"SELECT count(*) FROM wilayah WHERE (kode, nama) IN (VALUES ('35', 'JAWA TIMUR'), ('35.07', 'KAB. MALANG'), ('35.07.01', 'Donomulyo'), ('35.07.01.2001', 'Sukamaju'), ('35.07.01.2002', 'Tulungrejo'), ('35.07.02', 'Kalipare'), ('35.07.02.2001', 'Sukamaju'))\") \$(q 'SELECT count(*) FROM wilayah')\" = '7 91599' ]"
check "wilayah: desa under its kecamatan" "[ \"\$(q \"SELECT induk FROM wilayah WHERE kode = '35.07.01.2002'\")\" = 35.07.01 ]"
check "wilayah: rejects header" "[ \"\$(head -n 1 '$W/w.rej')\" = 'kode,nama,baris,kolom,alasan' ]"
check "wilayah: parent missing (line 9)" "grep -q '^35.99.01.2001,Tanpa Induk,9,kode,induk 35.99.01 belum ada' '$W/w.rej'"
check "wilayah: bad code (line 10)" "grep -q \"^3X.07,Salah,10,kode,\\\"'3X.07' bukan kode wilayah\" '$W/w.rej'"
check "wilayah: same code, other name (line 11)" "grep -q '^35.07.01.2001,Nama Lain,11,kode,kode 35.07.01.2001 sudah ada di baris 2' '$W/w.rej'"
out=$("$T" --db "$DB" import wilayah "$D/wilayah.csv" --rejects "$W/w.rej" 2>/dev/null)
check "wilayah: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 0' ]"

# 2. eppgbm: places by name, NIK or name matching, z-scores, N/T, rejects.
cp "$D/eppgbm.csv" "$W/eppgbm.csv"
# --dry-run first: the same counts and rejects as the import below, nothing stored
s0=$(state "$DB")
out=$("$T" --db "$DB" import eppgbm "$W/eppgbm.csv" --rejects "$W/dry.rej" --dry-run 2>"$W/err")
check "eppgbm --dry-run: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "eppgbm --dry-run: summary ($out)" "[ '$out' = 'read=17 imported=11 updated=0 rejected=6 matched_by_name=2 children_new=7 children_matched=0 rejects=$W/dry.rej nik_unusable=1 dry_run=1' ]"
check "eppgbm --dry-run: nothing stored" "[ \$(state '$DB') = $s0 ]"
out=$("$T" --db "$DB" import eppgbm "$W/eppgbm.csv" 2>"$W/err")
check "eppgbm: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "eppgbm: summary ($out)" "[ '$out' = 'read=17 imported=11 updated=0 rejected=6 matched_by_name=2 children_new=7 children_matched=0 rejects=$W/eppgbm.csv.tolak.csv nik_unusable=1' ]"
mv "$W/eppgbm.csv.tolak.csv" "$W/e.rej"
check "eppgbm: the dry run's rejects are the import's" "cmp -s '$W/dry.rej' '$W/e.rej'"
check "eppgbm: 7 children, 1 mother" "[ \"\$(q \"SELECT count(*) FROM anak\") \$(q 'SELECT count(*) FROM individu')\" = '7 8' ]"
check "eppgbm: 11 measurements" "[ \$(q 'SELECT count(*) FROM pengukuran') -eq 11 ]"
check "eppgbm: 3 posyandu (by name in their desa)" "[ \$(q 'SELECT count(*) FROM posyandu') -eq 3 ]"
check "eppgbm: old spelling of a name is one child (Moch. Rizky = Muhammad Rizki)" \
  "[ \$(q \"SELECT count(*) FROM individu WHERE nama_kunci = 'muhamad rizki'\") -eq 1 ]"
check "eppgbm: twins measured the same day stay two children" \
  "[ \$(q \"SELECT count(*) FROM individu WHERE nama LIKE 'Nurul Hidaya%'\") -eq 2 ]"
check "eppgbm: mother linked by NIK" \
  "[ \"\$(q \"SELECT m.nama FROM individu c JOIN individu m ON m.id = c.ibu_id WHERE c.nik = '3507014503230001'\")\" = 'Hj. Wati Susanti' ]"
check "eppgbm: z-scores computed on write" "[ \$(q 'SELECT count(*) FROM pengukuran WHERE z_tbu IS NULL OR kat_tbu IS NULL') -eq 0 ]"
check "eppgbm: decimal comma and dd/mm/yyyy read" "[ \$(q \"SELECT bb FROM pengukuran WHERE tanggal = '2024-02-12' AND anak_id = (SELECT id FROM individu WHERE nik = '3507014503230001')\") = 8.6 ]"
check "eppgbm: N/T/O/B (B, N, T for Siti)" \
  "[ \"\$(q \"SELECT group_concat(naik, '') FROM (SELECT naik FROM pengukuran p JOIN individu i ON i.id = p.anak_id WHERE i.nik = '3507014503230001' ORDER BY tanggal)\")\" = BNT ]"
check "eppgbm: birth weight in grams read as kg" "[ \$(q \"SELECT bb_lahir FROM anak a JOIN individu i ON i.id = a.individu_id WHERE i.nama = 'Budi Santoso'\") = 3.2 ]"
check "eppgbm: desa given as a code" "[ \$(q \"SELECT desa FROM individu WHERE nik = '3507010101230004'\") = 35.07.01.2002 ]"
check "eppgbm: rejects have baris,kolom,alasan" "head -n 1 '$W/e.rej' | grep -q ',baris,kolom,alasan$'"
check "eppgbm: short NIK kept, listed (line 12)" "grep -q \"^12,\\\"12345\\\",.*NIK '12345' harus 16 angka\" '$W/eppgbm.csv.nik.csv' && [ \"\$(q \"SELECT nik IS NULL, nik_belum_valid FROM individu WHERE nik_belum_valid IS NOT NULL\")\" = '1|12345' ]"
check "eppgbm: future date (line 13)" "grep -q \",13,Tanggal Pengukuran,tanggal '2099-01-10' di masa depan\" '$W/e.rej'"
check "eppgbm: weight out of range (line 14)" "grep -q ',14,Berat,100.0 kg di luar rentang wajar' '$W/e.rej'"
check "eppgbm: sex code (line 15)" "grep -q \",15,JK,\\\"'Q' bukan jenis kelamin\" '$W/e.rej'"
check "eppgbm: measured before birth (line 16)" "grep -q ',16,Tanggal Pengukuran,tanggal pengukuran sebelum tanggal lahir' '$W/e.rej'"
check "eppgbm: same child twice on one day (line 17)" "grep -q ',17,Tanggal Pengukuran,anak ini sudah diukur pada tanggal 2024-02-12 di baris 6' '$W/e.rej'"
check "eppgbm: unknown desa (line 18)" "grep -q \",18,Desa/Kel,desa 'Antah Berantah' tidak ditemukan\" '$W/e.rej'"
check "eppgbm: rejected row kept whole" "grep -q '^3507010101220006,Anak Berat,L,2022-06-01,,,,,,,Donomulyo,Sukamaju,,,,,2024-01-10,100,80,,,,,14,' '$W/e.rej'"
mid=$(state "$DB")
out=$("$T" --db "$DB" import eppgbm "$D/eppgbm.csv" --rejects "$W/e2.rej" 2>/dev/null)
check "eppgbm: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out') \$(field rejected '$out')\" = '0 0 6' ]"
check "eppgbm: again, database identical" "[ \"\$(state '$DB')\" = '$mid' ]"
check "eppgbm: again, children found by name ($out)" "[ \$(field matched_by_name '$out') -eq 7 ]"
# One value changed: one row updated, nothing else.
sed '3s/,"8,6",71.0,/,8.7,71.0,/' "$D/eppgbm.csv" > "$W/changed.csv"
out=$("$T" --db "$DB" import eppgbm "$W/changed.csv" 2>/dev/null)
check "eppgbm: one weight changed -> updated=1 ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 1' ]"

# 3. keluarga: sasaran and KRS from the active rule in the store.
out=$("$T" --db "$DB" import keluarga "$D/keluarga.csv" --rejects "$W/k.rej" 2>"$W/err")
check "keluarga: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "keluarga: summary ($out)" "[ '$out' = 'read=7 imported=5 updated=0 rejected=2 rejects=$W/k.rej' ]"
check "keluarga: 3 KRS among 4 sasaran" "[ \"\$(q 'SELECT sum(krs), sum(sasaran) FROM keluarga')\" = '3|4' ]"
check "keluarga: factors of a young mother (BKKBN: low education and desil 1 are not factors)" \
  "[ \"\$(q \"SELECT krs_faktor FROM keluarga WHERE no_kk = '3507010101010003'\")\" = 'jamban_tidak_layak,terlalu_muda' ]"
check "keluarga: PUS hamil" "[ \$(q \"SELECT pus_hamil FROM keluarga WHERE no_kk = '3507010101010003'\") -eq 1 ]"
check "keluarga: safe water and latrine: sasaran, not KRS" "[ \"\$(q \"SELECT sasaran, krs FROM keluarga WHERE no_kk = '3507010101010001'\")\" = '1|0' ]"
check "keluarga: rejects use ';' like the input" "grep -q \"^123;35.07.01.2001;.*;7;No KK;nomor KK '123' harus 16 angka\" '$W/k.rej'"
check "keluarga: unknown desa code" "grep -q ';8;Kode Desa;kode desa 35.07.01.9999 belum ada' '$W/k.rej'"
out=$("$T" --db "$DB" import keluarga "$D/keluarga.csv" --rejects "$W/k.rej" 2>/dev/null)
check "keluarga: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 0' ]"
# The rule is data: 'terlalu tua' from 38 changes one family.
q "UPDATE ref_versi SET data = json_set(data, '\$.umur_tua_dari', 38) WHERE jenis = 'krs' AND aktif = 1"
out=$("$T" --db "$DB" import keluarga "$D/keluarga.csv" --rejects "$W/k.rej" 2>/dev/null)
check "keluarga: rule changed in the store -> updated=1 ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 1' ]"
check "keluarga: terlalu_tua gone" "[ \"\$(q \"SELECT krs_faktor FROM keluarga WHERE no_kk = '3507010101010004'\")\" = 'terlalu_dekat,terlalu_banyak' ]"
# A district that counts the additional variables activates the version that does.
q "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'krs'; UPDATE ref_versi SET aktif = 1 WHERE jenis = 'krs' AND versi = 'bkkbn-2023-tambahan'"
"$T" --db "$DB" import keluarga "$D/keluarga.csv" --rejects "$W/k.rej" > /dev/null 2>&1
check "keluarga: bkkbn-2023-tambahan counts low education and desil 1" \
  "[ \"\$(q \"SELECT krs_faktor FROM keluarga WHERE no_kk = '3507010101010003'\")\" = 'jamban_tidak_layak,terlalu_muda,pendidikan_ibu_rendah,desil_1' ]"
q "UPDATE ref_versi SET aktif = 0 WHERE jenis = 'krs'; UPDATE ref_versi SET aktif = 1 WHERE jenis = 'krs' AND versi = 'bkkbn-2023'"

# 3a. census answers read by their meaning (PK form wordings and their variants); an
# answer that cannot be read is kept unknown, reported, and never a risk factor.
V="$W/v.db"
"$T" --db "$V" import wilayah "$D/wilayah.csv" --rejects "$W/vw.rej" >/dev/null 2>&1
cp "$D/keluarga-varian.csv" "$W/varian.csv"
out=$("$T" --db "$V" import keluarga "$W/varian.csv" 2>"$W/err")
check "varian: exit 0, every row kept, 5 unknown values ($out)" "[ '$out' = 'read=12 imported=12 updated=0 rejected=0 unknown_values=5' ]"
vq() { sqlite3 "$V" "SELECT group_concat(substr(no_kk, 15) || ':' || krs || ':' || coalesce(krs_faktor, ''), ' ') FROM (SELECT * FROM keluarga ORDER BY no_kk)"; }
check "varian: safe answers in any wording are not KRS, unsafe ones are ($(vq))" \
  "[ \"\$(vq)\" = '01:0: 02:0: 03:0: 04:0: 05:1:jamban_tidak_layak 06:1:jamban_tidak_layak 07:1:jamban_tidak_layak 08:1:air_tidak_layak 09:1:air_tidak_layak,jamban_tidak_layak 10:0: 11:0: 12:0:' ]"
check "varian: codes stored (septik, ledeng, sumur_bor, s1, tidak_ada)" \
  "[ \"\$(sqlite3 '$V' \"SELECT group_concat(sumber_air || '/' || jamban || '/' || pendidikan_ibu, ' ') FROM (SELECT * FROM keluarga WHERE no_kk IN ('3507010101030002', '3507010101030003', '3507010101030005') ORDER BY no_kk)\")\" = 'ledeng/septik/smp sumur_bor/septik/s1 kemasan/tidak_ada/sma' ]"
check "varian: unknown answers stored as unknown" \
  "[ \"\$(sqlite3 '$V' \"SELECT sumber_air || '/' || jamban || '/' || coalesce(rumah_layak, 'null') FROM keluarga WHERE no_kk = '3507010101030010'\")\" = 'tidak_dikenal/tidak_dikenal/null' ]"
check "varian: report file next to the rejects file" "[ -f '$W/varian.csv.tak-dikenal.csv' ]"
check "varian: report header" "[ \"\$(head -n 1 '$W/varian.csv.tak-dikenal.csv')\" = 'kolom,nilai,baris' ]"
check "varian: water value seen in 2 rows" "grep -qx '\"Sumber Air Minum\",\"Beli dari pikulan\",2' '$W/varian.csv.tak-dikenal.csv'"
check "varian: latrine, house and education values reported" "grep -qx '\"Jamban\",\"Kakus model baru\",1' '$W/varian.csv.tak-dikenal.csv' && grep -qx '\"Rumah Layak Huni\",\"Rumah panggung\",1' '$W/varian.csv.tak-dikenal.csv' && grep -qx '\"Pendidikan Ibu\",\"Kursus menjahit\",1' '$W/varian.csv.tak-dikenal.csv'"
check "varian: a pregnancy answer not understood is reported, its row kept" "grep -qx '\"Hamil\",\"Tidak tahu\",1' '$W/varian.csv.tak-dikenal.csv' && [ \"\$(sqlite3 '$V' \"SELECT pus, pus_hamil FROM keluarga WHERE no_kk = '3507010101030012'\")\" = '1|0' ]"
check "varian: one line per unknown value on stderr" "[ \$(grep -c 'tidak dikenal' '$W/err') -eq 5 ] && grep -q \"kolom Sumber Air Minum: nilai 'Beli dari pikulan' tidak dikenal (2 baris\" '$W/err'"
head -n 10 "$W/varian.csv" > "$W/varian2.csv"
sed -i '$d' "$W/varian2.csv"
out=$("$T" --db "$V" import keluarga "$W/varian2.csv" 2>/dev/null)
check "varian: no unknown values, no field and no report ($out)" "[ '$out' = 'read=8 imported=0 updated=0 rejected=0' ] && [ ! -f '$W/varian2.csv.tak-dikenal.csv' ]"

# 3b. keluarga, one row per member: people of the family, the children linked to
# the wife, and the 4T/sasaran inputs taken from the members.
A="$W/a.db"
"$T" --db "$A" import wilayah "$D/wilayah.csv" --rejects "$W/aw.rej" >/dev/null 2>&1
out=$("$T" --db "$A" import keluarga "$D/anggota.csv" --rejects "$W/a.rej" 2>"$W/err")
check "anggota: summary ($out $(cat "$W/err"))" "[ '$out' = 'read=8 imported=5 updated=0 rejected=3 rejects=$W/a.rej' ]"
check "anggota: 2 families, 5 people in them" "[ \"\$(sqlite3 '$A' 'SELECT count(*) FROM keluarga; SELECT count(*) FROM individu WHERE keluarga_id IS NOT NULL' | tr '\n' ' ')\" = '2 5 ' ]"
check "anggota: KRS from the members (wife 19, children 11 months apart, unsafe water)" "[ \"\$(sqlite3 '$A' \"SELECT pus, pus_hamil, punya_baduta, punya_balita, krs, krs_faktor FROM keluarga WHERE no_kk = '3507010101020001'\")\" = '1|1|1|0|1|air_tidak_layak,terlalu_muda,terlalu_dekat' ]"
check "anggota: a family without wife or children is not sasaran" "[ \"\$(sqlite3 '$A' \"SELECT sasaran, krs FROM keluarga WHERE no_kk = '3507010101020002'\")\" = '0|0' ]"
check "anggota: children linked to the wife as mother" "[ \"\$(sqlite3 '$A' \"SELECT group_concat(c.nama || '<' || m.nama, ';') FROM individu c JOIN individu m ON m.id = c.ibu_id\")\" = 'Ahmad Fauzi<Siti Aminah;Aisyah<Siti Aminah' ]"
check "anggota: roles (pregnant wife, children under five)" "[ \"\$(sqlite3 '$A' \"SELECT group_concat(nama || ':' || coalesce(peran, '-'), ';') FROM (SELECT * FROM individu ORDER BY nama)\")\" = 'Ahmad Fauzi:anak;Aisyah:anak;Budi Santoso:-;Siti Aminah:bumil;Suparman:-' ]"
check "anggota: the same child twice in a KK (old spelling) rejected" "grep -q ',7,Nama,anggota ini sudah ada di KK yang sama (baris 4)' '$W/a.rej'"
check "anggota: no NIK and no birth date rejected" "grep -q ',8,Tgl Lahir,anggota tanpa NIK perlu tanggal lahir' '$W/a.rej'"
check "anggota: unknown relation rejected" "grep -q \",9,Hubungan,\\\"hubungan 'Sepupu jauh' tidak dikenal\" '$W/a.rej'"
out=$("$T" --db "$A" import keluarga "$D/anggota.csv" --rejects "$W/a.rej" 2>/dev/null)
check "anggota: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 0' ]"
# a member born before 1970 is a member like any other (day numbers below zero are dates)
printf 'No KK,Kode Desa,Nama,JK,Tgl Lahir,Hubungan\n3507010101020003,35.07.01.2001,Mbah Karto,L,1955-04-02,Orang Tua\n3507010101020003,35.07.01.2001,Mbah Sumi,P,31/12/1969,Mertua\n' > "$W/sepuh.csv"
out=$("$T" --db "$A" import keluarga "$W/sepuh.csv" --rejects "$W/sepuh.rej" 2>/dev/null)
check "anggota: grandparents born 1955 and 1969 kept ($out)" "[ \"\$(field imported '$out') \$(field rejected '$out')\" = '2 0' ] && [ \"\$(sqlite3 '$A' \"SELECT group_concat(tgl_lahir, ' ') FROM (SELECT tgl_lahir FROM individu WHERE nama LIKE 'Mbah %' ORDER BY tgl_lahir)\")\" = '1955-04-02 1969-12-31' ]"
sqlite3 "$A" "DELETE FROM individu WHERE nama LIKE 'Mbah %'; DELETE FROM keluarga WHERE no_kk = '3507010101020003'"
# the rows in reverse give the same families and people
{ head -n 1 "$D/anggota.csv"; tail -n +2 "$D/anggota.csv" | tac; } > "$W/anggota-rev.csv"
"$T" --db "$W/ar.db" import wilayah "$D/wilayah.csv" --rejects "$W/arw.rej" >/dev/null 2>&1
"$T" --db "$W/ar.db" import keluarga "$W/anggota-rev.csv" --rejects "$W/ar.rej" >/dev/null 2>&1
fam="SELECT no_kk, pus, pus_hamil, punya_baduta, punya_balita, t4_muda, t4_dekat, sasaran, krs, krs_faktor FROM keluarga ORDER BY no_kk; SELECT c.nama_kunci, c.peran, m.nama_kunci FROM individu c LEFT JOIN individu m ON m.id = c.ibu_id ORDER BY c.nama_kunci"
check "anggota: row order does not matter (the duplicate aside: the first spelling stays)" "[ \"\$(sqlite3 '$A' '$fam')\" = \"\$(sqlite3 '$W/ar.db' '$fam')\" ]"
# an e-PPGBM measurement of the census child without NIK finds the same person
printf 'NIK,Nama,JK,Tgl Lahir,Nama Ortu,Kode Desa,Puskesmas,Posyandu,Tanggal Pengukuran,Berat,Tinggi,KPSP\n,Achmad Fauzi,L,2024-08-15,Siti Aminah,35.07.01.2001,Puskesmas Donomulyo,Posyandu Mawar,2025-06-10,8.9,72.5,Sesuai\n,Aisyah,P,2023-09-01,Siti Aminah,35.07.01.2001,Puskesmas Donomulyo,Posyandu Mawar,2025-06-10,10.1,80.2,Baik\n' > "$W/ae.csv"
out=$("$T" --db "$A" import eppgbm "$W/ae.csv" --rejects "$W/ae.rej" 2>/dev/null)
check "anggota: e-PPGBM row matched to the census child by name, birth date, mother ($out)" "[ \"\$(field matched_by_name '$out')\" = 1 ] && [ \$(sqlite3 '$A' 'SELECT count(*) FROM individu') -eq 5 ]"
check "eppgbm: KPSP result stored as its code" "[ \"\$(sqlite3 '$A' 'SELECT kpsp FROM pengukuran')\" = sesuai ]"
check "eppgbm: an unknown KPSP result rejected" "grep -q \",3,KPSP,hasil KPSP 'Baik' bukan Sesuai/Meragukan/Penyimpangan\" '$W/ae.rej'"
check "eppgbm: the posyandu linked to its puskesmas in the kecamatan" "[ \"\$(sqlite3 '$A' 'SELECT k.nama, k.kecamatan FROM posyandu p JOIN puskesmas k ON k.id = p.puskesmas_id')\" = 'Puskesmas Donomulyo|35.07.01' ]"
out=$("$T" --db "$A" import eppgbm "$W/ae.csv" --rejects "$W/ae.rej" 2>/dev/null)
check "eppgbm: with puskesmas and KPSP, again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 0' ] && [ \$(sqlite3 '$A' 'SELECT count(*) FROM puskesmas') -eq 1 ]"

# 4. catin: ideal / berisiko from the active Elsimil rule.
out=$("$T" --db "$DB" import catin "$D/catin.csv" --rejects "$W/c.rej" 2>"$W/err")
check "catin: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "catin: summary ($out)" "[ '$out' = 'read=5 imported=3 updated=0 rejected=2 rejects=$W/c.rej' ]"
check "catin: results" "[ \"\$(q \"SELECT group_concat(hasil, ',') FROM (SELECT hasil FROM catin ORDER BY id)\")\" = 'ideal,berisiko,ideal' ]"
check "catin: factors" "[ \"\$(q \"SELECT faktor FROM catin WHERE hasil = 'berisiko'\")\" = 'umur_muda,imt_kurang,lila_kurang,anemia' ]"
check "catin: role" "[ \$(q \"SELECT count(*) FROM individu WHERE peran = 'catin'\") -eq 3 ]"
check "catin: no measurement (line 6)" "grep -q ',6,LiLA,\"tidak ada hasil pemeriksaan' '$W/c.rej'"
out=$("$T" --db "$DB" import catin "$D/catin.csv" --rejects "$W/c.rej" 2>/dev/null)
check "catin: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 0' ]"

# 5. XLSX: the sheet by name, a column mapped with --map, dates as date cells.
cc -std=c11 -o "$W/mkxlsx" "$D/mkxlsx.c" $(pkg-config --cflags --libs xlsxwriter) && "$W/mkxlsx" "$W/e.xlsx"
check "xlsx fixture written" "[ -s '$W/e.xlsx' ]"
X="$W/x.db"
"$T" --db "$X" import wilayah "$D/wilayah.csv" --rejects "$W/xw.rej" >/dev/null 2>&1
out=$("$T" --db "$X" import eppgbm "$W/e.xlsx" --sheet Data 2>"$W/err")
check "xlsx: --sheet ($out; $(cat "$W/err"))" "[ '$out' = 'read=5 imported=5 updated=0 rejected=0 matched_by_name=1 children_new=2 children_matched=0' ]"
check "xlsx: 'Berat Timbang' is not a known header: no weights" "[ \$(sqlite3 '$X' 'SELECT count(*) FROM pengukuran WHERE bb IS NULL') -eq 5 ]"
out=$("$T" --db "$X" import eppgbm "$W/e.xlsx" --sheet data --map "Berat Timbang=bb" 2>"$W/err")
check "xlsx: --map adds the weights ($out; $(cat "$W/err"))" "[ '$out' = 'read=5 imported=0 updated=5 rejected=0 matched_by_name=2 children_new=0 children_matched=2' ]"
check "xlsx: same values as the CSV" "[ \"\$(sqlite3 '$X' \"SELECT group_concat(tanggal || ':' || bb || ':' || naik, ' ') FROM (SELECT * FROM pengukuran ORDER BY anak_id, tanggal)\")\" = '2024-01-10:8.2:B 2024-02-12:8.6:N 2024-03-11:8.6:T 2024-01-10:10.1:B 2024-02-12:10.3:N' ]"
"$T" --db "$X" import eppgbm "$W/e.xlsx" --sheet Tidak > /dev/null 2>"$W/err"
check "xlsx: unknown sheet -> error naming the sheets" "[ $? -ne 0 ] && grep -q 'Petunjuk' '$W/err'"
out=$("$T" --db "$X" import eppgbm "$W/e.xlsx" --sheet Data --map "Berat Timbang=bb" 2>/dev/null)
check "xlsx: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out')\" = '0 0' ]"

# 6. Usage errors: non-zero exit, nothing stored.
before=$(state "$DB")
"$T" --db "$DB" import balita "$D/eppgbm.csv" >/dev/null 2>"$W/err"
check "unknown kind: exit 2 and the kinds listed" "[ $? -eq 2 ] && grep -q 'eppgbm keluarga catin wilayah' '$W/err'"
printf 'NIK,Nama,JK\n3507014503230001,Siti,P\n' > "$W/nocol.csv"
"$T" --db "$DB" import eppgbm "$W/nocol.csv" >"$W/out" 2>"$W/err"
check "missing column: non-zero, message, no summary" "[ $? -ne 0 ] && grep -q 'kolom tgl_lahir tidak ada' '$W/err' && [ ! -s '$W/out' ]"
"$T" --db "$DB" import eppgbm "$W/nocol.csv" --map "Nama=berat" >/dev/null 2>"$W/err"
check "--map to an unknown field" "[ $? -ne 0 ] && grep -q \"field 'berat' tidak dikenal\" '$W/err'"
"$T" --db "$DB" import eppgbm "$W/does-not-exist.csv" >/dev/null 2>&1
check "missing file: non-zero" "[ $? -ne 0 ]"
check "usage errors stored nothing" "[ \"\$(state '$DB')\" = '$before' ]"

# 7. Malformed files: a clear error, non-zero exit, nothing stored, no rejects file.
bad() { # bad NAME FILE PATTERN
  "$T" --db "$DB" import eppgbm "$2" >"$W/out" 2>"$W/err"
  rc=$?
  check "$1: non-zero exit ($(head -c 200 "$W/err"))" "[ $rc -ne 0 ] && [ ! -s '$W/out' ]"
  check "$1: message" "grep -q '$3' '$W/err'"
  check "$1: nothing stored" "[ \"\$(state '$DB')\" = '$before' ]"
  check "$1: no rejects file" "[ ! -e '$2.tolak.csv' ] && [ ! -e '$2.tolak.csv.tmp' ]"
}
head -c 1500 "$D/eppgbm.csv" > "$W/cut.csv"
bad "truncated CSV" "$W/cut.csv" "terpotong"
{ head -n 5 "$D/eppgbm.csv"; printf '3507014503230001,"Siti Aminah,P,2023'; } > "$W/cutquote.csv"
bad "truncated inside quotes" "$W/cutquote.csv" "terpotong atau tanda kutip"
printf '\377\376N\000I\000K\000,\000N\000a\000m\000a\000\n\000' > "$W/utf16.csv"
bad "UTF-16" "$W/utf16.csv" "UTF-16"
{ head -n 1 "$D/eppgbm.csv"; printf '3507014503230001,Siti Mu\361oz,P,2023-03-05,,,,,,,Donomulyo,Sukamaju,,,,,2024-01-10,8.2,70.1,,,,\n'; } > "$W/latin1.csv"
bad "Latin-1" "$W/latin1.csv" "bukan teks UTF-8"
head -c 3000 /bin/ls > "$W/junk.csv"
bad "binary junk" "$W/junk.csv" "biner\|bukan"
printf 'this is not a workbook\n' > "$W/notzip.xlsx"
bad "XLSX that is not a zip" "$W/notzip.xlsx" "bukan berkas XLSX"
head -c 2000 "$W/e.xlsx" > "$W/cut.xlsx"
bad "truncated XLSX" "$W/cut.xlsx" "XLSX"
awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "%s%s", (i > 1 ? "," : ""), "k" i; print "" }' > "$W/wide.csv"
bad "10,000 columns" "$W/wide.csv" "terlalu banyak kolom"
{ head -n 2 "$D/eppgbm.csv"; printf '3507014503230001,'; head -c 2000000 /dev/zero | tr '\0' a; printf ',P\n'; } > "$W/huge.csv"
bad "huge field" "$W/huge.csv" "terlalu panjang"
{ cat "$D/eppgbm.csv"; i=0; while [ $i -lt 3000 ]; do sed -n 2p "$D/eppgbm.csv"; i=$((i + 1)); done; head -c 400 /bin/ls; } > "$W/latejunk.csv"
bad "junk after 3,000 rows" "$W/latejunk.csv" "baris\|line"
: > "$W/empty.csv"
bad "empty file" "$W/empty.csv" "kosong"

# 8. SIGKILL in the middle of a large import: the database is exactly as before.
G="$W/gen_eppgbm"
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -o "$G" bench/gen_eppgbm.c -lm
K="$W/k.db"
"$G" wilayah > "$W/kw.csv"
"$T" --db "$K" import wilayah "$W/kw.csv" >/dev/null 2>&1
"$T" --db "$K" import eppgbm "$D/eppgbm.csv" --rejects "$W/kr.rej" >/dev/null 2>&1
"$G" 300000 7 > "$W/big.csv"
# killed DB: imports big.csv into DB, kills it with SIGKILL after 3 s; alive=1
# when it was still running then.
killed() {
  "$T" --db "$1" import eppgbm "$W/big.csv" >/dev/null 2>&1 &
  pid=$!
  sleep 3
  alive=0
  kill -0 "$pid" 2>/dev/null && alive=1
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}
kbefore=$(state "$K")
kcounts=$(sqlite3 "$K" "SELECT (SELECT count(*) FROM individu), (SELECT count(*) FROM anak), (SELECT count(*) FROM pengukuran), (SELECT count(*) FROM posyandu), (SELECT count(*) FROM wilayah)")
killed "$K"
check "SIGKILL: the import was still running when killed" "[ $alive -eq 1 ]"
check "SIGKILL: database dump identical" "[ \"\$(state '$K')\" = '$kbefore' ]"
check "SIGKILL: counts identical" "[ \"\$(sqlite3 '$K' \"SELECT (SELECT count(*) FROM individu), (SELECT count(*) FROM anak), (SELECT count(*) FROM pengukuran), (SELECT count(*) FROM posyandu), (SELECT count(*) FROM wilayah)\")\" = '$kcounts' ]"
check "SIGKILL: integrity" "[ \"\$(sqlite3 '$K' 'PRAGMA integrity_check')\" = ok ]"
# The same file then imports completely.
out=$("$T" --db "$K" import eppgbm "$W/big.csv" --rejects "$W/big.rej" 2>"$W/err")
check "after SIGKILL: the import runs to the end ($out)" "[ \$(field read '$out') -eq 300000 ] && [ \$(field imported '$out') -gt 299000 ]"
check "after SIGKILL: foreign keys hold" "[ -z \"\$(sqlite3 '$K' 'PRAGMA foreign_key_check')\" ]"

# 8b. The same for a first load (bulk mode: the measurement indexes are dropped
# and rebuilt inside the transaction): killed, the database keeps them and
# nothing else changes.
KB="$W/kb.db"
"$T" --db "$KB" import wilayah "$W/kw.csv" >/dev/null 2>&1
kbbefore=$(state "$KB")
killed "$KB"
check "SIGKILL in a first load: still running when killed" "[ $alive -eq 1 ]"
check "SIGKILL in a first load: database dump identical (indexes included)" "[ \"\$(state '$KB')\" = '$kbbefore' ]"
check "SIGKILL in a first load: integrity" "[ \"\$(sqlite3 '$KB' 'PRAGMA integrity_check')\" = ok ]"

# 9. N/T/O/B and 2T computed in memory while reading (rows in date order) equal
# what the store recomputes from all of a child's weighings (rows in reverse).
"$G" 20000 3 > "$W/ord.csv"
{ head -n 1 "$W/ord.csv"; tail -n +2 "$W/ord.csv" | tac; } > "$W/rev.csv"
kms() {
  rm -f "$1"
  "$T" --db "$1" import wilayah "$W/kw.csv" >/dev/null 2>&1
  "$T" --db "$1" import eppgbm "$2" --rejects "$1.rej" 2>&1
  sqlite3 "$1" "SELECT i.desa, i.nama_kunci, i.tgl_lahir, p.tanggal, p.naik, p.t2, p.bgm FROM pengukuran p JOIN individu i ON i.id = p.anak_id ORDER BY 1, 2, 3, 4" > "$1.kms"
}
o1=$(kms "$W/ord.db" "$W/ord.csv")
o2=$(kms "$W/rev.db" "$W/rev.csv")
check "KMS: both orders import the same rows ($o1 / $o2)" "[ \$(field imported '$o1') -gt 19000 ] && [ \$(field imported '$o1') -eq \$(field imported '$o2') ]"
check "KMS: in-memory N/T/O/B and 2T equal the store's recomputation" "cmp -s '$W/ord.db.kms' '$W/rev.db.kms'"
check "KMS: the comparison covers N, T, O and B" "[ \$(cut -d'|' -f5 '$W/ord.db.kms' | sort -u | tr -d '\n') = BNOT ]"

# 10. a real district (tumbuh init 35.07, the national list): names as e-PPGBM
# writes them resolve (capitals, spaces, KAB./KABUPATEN/KEC./KEL. prefixes, no
# kecamatan); a desa in two kecamatan is refused with both named; a misspelt
# one with the closest names of its kecamatan; `import alias` fixes it for good.
R="$W/real.db"
printf 'sandi-admin-malang\n' >"$W/pw"
TUMBUH_FAST_HASH=1 "$T" --db "$R" init --kabupaten 35.07 --password-file "$W/pw" >/dev/null 2>"$W/err"
check "real: init 35.07 ($(cat "$W/err"))" "[ $? -eq 0 ]"
H='NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,NIK Ortu,Prov,Kab/Kota,Kec,Desa/Kel,Posyandu,RT,RW,Alamat,Tanggal Pengukuran,Berat,Tinggi,Cara Ukur,LiLA,Jml Vit A,KIA'
row() { echo "35070145032300$1,Anak $1,P,2023-03-05,3.1,49,Ibu $1,35070155059000$1,$2,$3,$4,$5,Posyandu $1,001,002,Jl. Melati,2024-01-10,8.2,70.1,terlentang,13.5,0,Ya"; }
{
  echo "$H"
  row 11 "JAWA TIMUR" "KAB. MALANG" DAMPIT "SUMBER SUKO"
  row 12 "JAWA TIMUR" "KABUPATEN MALANG" "KEC. DAMPIT" "KEL. DAMPIT"
  row 13 "" MALANG PAKIS AMPELDENTO
  row 14 "" "" "" "GEDOK-KULON"
  row 15 "" "KAB. MALANG" "" AMPELDENTO
  row 16 "" "KAB. MALANG" DAMPIT BATURETNA
  row 17 "" "KAB. MALANG" DAMPIT JAMBANGN
} >"$W/real.csv"
out=$(TUMBUH_TODAY=2025-06-30 "$T" --db "$R" import eppgbm "$W/real.csv" --rejects "$W/real.rej" 2>"$W/err")
check "real: 4 resolve, 3 refused ($out $(cat "$W/err"))" "[ \"\$(field imported '$out') \$(field rejected '$out')\" = '4 3' ]"
desa() { sqlite3 "$R" "SELECT i.desa FROM individu i JOIN anak a ON a.individu_id = i.id WHERE i.nama = 'Anak $1'"; }
check "real: SUMBER SUKO = Sumbersuko (Dampit)" "[ \"\$(desa 11)\" = 35.07.05.2002 ]"
check "real: KEC. DAMPIT / KEL. DAMPIT = the kelurahan Dampit" "[ \"\$(desa 12)\" = 35.07.05.1007 ]"
check "real: MALANG, PAKIS, AMPELDENTO = Ampeldento of Pakis" "[ \"\$(desa 13)\" = 35.07.18.2008 ]"
check "real: GEDOK-KULON alone, inside the district" "[ \"\$(desa 14)\" = 35.07.09.2005 ]"
check "real: a desa in two kecamatan named with both" \
  "grep -q \"desa 'AMPELDENTO' ada lebih dari satu: 35.07.23.2005 (kecamatan Karangploso), 35.07.18.2008 (kecamatan Pakis)\" '$W/real.rej'"
check "real: a misspelt desa offered the closest (maksud Anda)" "grep -q \"desa 'BATURETNA' tidak ditemukan di daftar wilayah; maksud Anda Baturetno?\" '$W/real.rej'"
check "real: JAMBANGN refused first" "grep -q \"'JAMBANGN' .*maksud Anda Jambangan\" '$W/real.rej'"
check "real: stderr lists the 2 names that did not resolve, each once, with the closest" \
  "grep -q '^tumbuh import: 2 nama wilayah tidak dikenal' '$W/err' && grep -qF \"  desa 'JAMBANGN' (kecamatan Dampit): 1 baris; maksud Anda Jambangan, Majangtengah? (terdekat: 35.07.05.2012)\" '$W/err' && grep -qF \"  desa 'BATURETNA' (kecamatan Dampit): 1 baris; maksud Anda Baturetno? (terdekat: 35.07.05.2004)\" '$W/err'"
printf 'kode,nama\n35.07.05.2012,JAMBANGN\n' >"$W/alias.csv"
out=$("$T" --db "$R" import alias "$W/alias.csv" 2>"$W/err")
check "alias: stored ($out $(cat "$W/err"))" "[ '$out' = 'alias=1' ]"
out=$(TUMBUH_TODAY=2025-06-30 "$T" --db "$R" import eppgbm "$W/real.csv" --rejects "$W/real.rej" 2>"$W/err")
check "alias: JAMBANGN now resolves ($out)" "[ \"\$(desa 17)\" = 35.07.05.2012 ] && [ \$(field rejected '$out') -eq 2 ]"
printf 'kode,nama\n35.07.05.2012,JAMBANGAN LAMA\n99.99.99.9999,Tidak Ada\n' >"$W/alias2.csv"
"$T" --db "$R" import alias "$W/alias2.csv" >/dev/null 2>"$W/err"
check "alias: an unknown code refused, the file stores nothing" \
  "[ $? -eq 1 ] && grep -q 'baris 3: kode 99.99.99.9999 tidak ada' '$W/err' && [ \$(sqlite3 '$R' 'SELECT count(*) FROM wilayah_alias') -eq 1 ]"

# 11. eppgbm: a row whose NIK cannot be used is kept (the NIK apart, the child matched by name)
N="$W/nik.db"
"$T" --db "$N" import wilayah "$D/wilayah.csv" --rejects "$W/nw.rej" >/dev/null 2>&1
printf 'NIK,Nama,JK,Tgl Lahir,Nama Ortu,Kode Desa,Posyandu,Tanggal Pengukuran,Berat,Tinggi\n%s\n%s\n%s\n%s\n%s\n' \
  '350701450323001,Rina,P,2023-03-05,Sari,35.07.01.2001,Posyandu Mawar,2025-06-10,11.2,88.1' \
  '3.50701E+15,Dodi,L,2023-04-01,Sari,35.07.01.2001,Posyandu Mawar,2025-06-10,11.5,89.0' \
  '3507010101230009,Eko,L,2023-02-02,Sari,35.07.01.2001,Posyandu Mawar,2025-06-10,11.9,90.2' \
  '3507015505220001,Lia,P,2022-05-15,Wati,35.07.01.2001,Posyandu Mawar,2025-06-10,12.4,92.0' \
  '3507015505220001,Mira,P,2024-01-10,Wati,35.07.01.2001,Posyandu Mawar,2025-06-10,8.1,71.3' >"$W/nik.csv"
out=$("$T" --db "$N" import eppgbm "$W/nik.csv" 2>"$W/err")
check "nik: every row kept, 4 NIK unusable ($out)" "[ \"\$(field imported '$out') \$(field rejected '$out') \$(field nik_unusable '$out')\" = '5 0 4' ]"
check "nik: the list has baris,nik,nama,alasan" "head -n 1 '$W/nik.csv.nik.csv' | grep -qx 'baris,nik,nama,alasan'"
check "nik: 15 digits listed (line 2)" "grep -q '^2,\"350701450323001\",\"Rina\",\"NIK .* harus 16 angka\"' '$W/nik.csv.nik.csv'"
check "nik: Excel notation listed (line 3)" "grep -q '^3,\"3.50701E+15\",\"Dodi\",\".*digit hilang' '$W/nik.csv.nik.csv'"
check "nik: birth date disagreeing listed (line 4)" "grep -q '^4,\"3507010101230009\",\"Eko\",\"tanggal lahir di dalam NIK (010123) tidak sama' '$W/nik.csv.nik.csv'"
check "nik: the sibling under the same NIK listed (line 6)" "grep -q '^6,\"3507015505220001\",\"Mira\",' '$W/nik.csv.nik.csv' && ! grep -q '^5,' '$W/nik.csv.nik.csv'"
check "nik: the message on stderr names the list" "grep -q 'nik.csv' '$W/err'"
check "nik: siblings stay two children, the NIK on the first only" \
  "[ \"\$(sqlite3 '$N' \"SELECT nama, coalesce(nik, '-'), coalesce(nik_belum_valid, '-') FROM individu WHERE nama IN ('Lia', 'Mira') ORDER BY nama\" | tr '\n' ' ')\" = 'Lia|3507015505220001|- Mira|-|3507015505220001 ' ]"
check "nik: the NIK kept apart, not as identity" "[ \$(sqlite3 '$N' 'SELECT count(*) FROM individu WHERE nik IS NULL AND nik_belum_valid IS NOT NULL') -eq 4 ]"
check "nik: 5 measurements" "[ \$(sqlite3 '$N' 'SELECT count(*) FROM pengukuran') -eq 5 ]"
before=$(state "$N")
out=$("$T" --db "$N" import eppgbm "$W/nik.csv" 2>/dev/null)
check "nik: again changes nothing ($out)" "[ \"\$(field imported '$out') \$(field updated '$out') \$(field rejected '$out')\" = '0 0 0' ] && [ \"\$(state '$N')\" = '$before' ]"
printf 'NIK,Nama,JK,Tgl Lahir,Nama Ortu,Kode Desa,Posyandu,Tanggal Pengukuran,Berat,Tinggi\n3507015505220001,Lia,P,2022-05-15,Wati,35.07.01.2001,Posyandu Mawar,2025-06-10,12.4,92.0\n' >"$W/nik-ok.csv"
out=$("$T" --db "$N" import eppgbm "$W/nik-ok.csv" 2>/dev/null)
check "nik: no unusable NIK, no count and no list ($out)" "! printf '%s' '$out' | grep -q nik_unusable && [ ! -e '$W/nik-ok.csv.nik.csv' ]"

check "no rejects file left next to the test data" "[ -z \"\$(ls '$D' | grep tolak)\" ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
