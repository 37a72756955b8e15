#!/bin/sh
# tests/cli/district.sh - issue 11's test district: a real kabupaten of the
# national list (16.05 Kabupaten Musi Rawas) set up from nothing, as a
# district would: `tumbuh init`, its users created in bulk in the web
# application (/pengguna/impor, with one-time passwords), then its e-PPGBM
# export, written below as the export tools write them (capitals, "KAB."
# and "DESA"/"KEL." prefixes, "BTS ULU" for BTS. Ulu, "SUKAKARYA" for Suka
# Karya, Excel's 1,60514E+15 for a NIK, a NIK of 15 digits, a NIK whose
# birth date is not the child's, two siblings under their mother's NIK),
# imported into the empty database: only the rows with invalid measurement
# fields are refused, every child is one child (the siblings two), and a
# second import of the same file changes nothing.
set -u
. tests/cli-lib.sh
export TUMBUH_WILAYAH="${WILAYAH_DIR:-../shared/wilayah}" TUMBUH_FAST_HASH=1 TUMBUH_TODAY=2025-06-30
DB="$W/musirawas.db"
q() { sqlite3 "$DB" "$1"; }

# 1. the district and its first administrator
printf 'sandi-admin-musirawas\n' >"$W/pw"
out=$("$T" --db "$DB" init --kabupaten 16.05 --admin admin --password-file "$W/pw" 2>"$W/err")
check "init: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "init: Musi Rawas, 14 kecamatan, 199 desa ($out)" \
  "printf '%s' \"\$out\" | grep -q '^Kabupaten Musi Rawas disiapkan di .*: 14 kecamatan, 199 desa/kelurahan'"

# 2. users in bulk, from the web application, as the administrator
PORT=${PORT:-$((20000 + $$ % 20000))}
B="http://127.0.0.1:$PORT"
"$T" --db "$DB" serve --listen "127.0.0.1:$PORT" >"$W/serve.out" 2>"$W/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$W"' EXIT
for i in $(seq 1 100); do curl -s -o /dev/null "$B/masuk" && break; sleep 0.1; done
t=$(curl -s -b "$W/a.jar" -c "$W/a.jar" "$B/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
curl -s -b "$W/a.jar" -c "$W/a.jar" -o /dev/null --data-urlencode pengguna=admin \
  --data-urlencode sandi=sandi-admin-musirawas -d "csrf=$t" "$B/masuk"
CSRF=$(curl -s -b "$W/a.jar" "$B/api/v1/saya" | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/')
cat >"$W/pengguna.csv" <<'CSV'
nama;telepon;peran;wilayah
Rahmat Hidayat;081200000001;tpps_kec;16.05.14
Sri Mulyani;081200000002;tpps_kec;16.05.01
Bidan Yuliana;081200000003;desa;16.05.14.2002
Bidan Wartini;;desa;16.05.21.2004
Ahmad Fauzi;;gizi_puskesmas;16.05.01
Kecamatan Lain;;tpps_kec;35.07.01
CSV
impor() { curl -s -b "$W/a.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/csv' --data-binary "@$W/pengguna.csv" "$B/pengguna/impor$1"; }
check "users: dry run, 5 accepted, 1 refused (an area of another district)" \
  "[ \$(impor '') = 200 ] && grep -q '5 diterima, 1 ditolak' '$W/body' && [ \$(q 'SELECT count(*) FROM pengguna') = 1 ]"
check "users: created, each with a one-time password on the sheet" \
  "[ \$(impor '?buat=1') = 200 ] && [ \$(grep -Eo '<code>[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}</code>' '$W/body' | wc -l) = 5 ]"
check "users: 5 users in their areas, to change their password at first login" \
  "[ \"\$(q \"SELECT count(*) FROM pengguna WHERE sandi_sementara = 1 AND wilayah LIKE '16.05.%'\")\" = 5 ]"

# 3. the district's e-PPGBM export (the rows are described beside them)
H='NIK,Nama,JK,Tgl Lahir,BB Lahir,TB Lahir,Nama Ortu,NIK Ortu,Prov,Kab/Kota,Kec,Desa/Kel,Posyandu,RT,RW,Alamat,Tanggal Pengukuran,Berat,Tinggi,Cara Ukur,LiLA,Jml Vit A,KIA'
P='SUMATERA SELATAN,KAB. MUSI RAWAS'
{
  echo "$H"
  # Aisyah: a good NIK (girl, 05/03/2023: day + 40), "BTS ULU" = BTS. Ulu, "GN KEMBANG BARU" = Gn. Kembang Baru
  echo "1605144503230001,AISYAH PUTRI,P,2023-03-05,3.1,49,SITI AMINAH,,$P,BTS ULU,GN KEMBANG BARU,POSYANDU MAWAR,001,002,DUSUN I,10/01/2025,10.1,82.0,berdiri,14.0,0,Ya"
  echo "1605144503230001,AISYAH PUTRI,P,2023-03-05,3.1,49,SITI AMINAH,,$P,BTS ULU,GN KEMBANG BARU,POSYANDU MAWAR,001,002,DUSUN I,10/02/2025,\"10,3\",\"82,6\",berdiri,14.1,1,Ya"
  echo "1605144503230001,AISYAH PUTRI,P,2023-03-05,3.1,49,SITI AMINAH,,$P,BTS ULU,GN KEMBANG BARU,POSYANDU MAWAR,001,002,DUSUN I,10/03/2025,10.4,83.1,berdiri,14.1,0,Ya"
  # invalid measurement: a weight of 999 kg (refused)
  echo "1605144503230001,AISYAH PUTRI,P,2023-03-05,3.1,49,SITI AMINAH,,$P,BTS ULU,GN KEMBANG BARU,POSYANDU MAWAR,001,002,DUSUN I,10/04/2025,999,83.5,berdiri,14.2,0,Ya"
  # Budi: the NIK as Excel shows a number (1,60514E+15): unusable, kept apart
  echo "\"1,60514E+15\",Budi Santoso,L,2022-07-14,3.4,50,Rina Marlina,,$P,B.T.S. ULU,SUNGAI NAIK,Posyandu Melati,003,001,,12/01/2025,11.8,86.0,berdiri,,0,Tidak"
  echo "\"1,60514E+15\",Budi Santoso,L,2022-07-14,3.4,50,Rina Marlina,,$P,B.T.S. ULU,SUNGAI NAIK,Posyandu Melati,003,001,,12/02/2025,12.0,86.9,berdiri,,0,Tidak"
  # Citra: a NIK of 15 digits; "DESA TEGALREJO" = Tegal Rejo
  echo "160501602240001,CITRA DEWI,P,2024-01-20,2.9,48,YANTI,,$P,TUGUMULYO,DESA TEGALREJO,POSYANDU DAHLIA,002,001,,15/01/2025,8.0,70.2,terlentang,,0,Ya"
  echo "160501602240001,CITRA DEWI,P,2024-01-20,2.9,48,YANTI,,$P,TUGUMULYO,DESA TEGALREJO,POSYANDU DAHLIA,002,001,,15/02/2025,8.3,71.4,terlentang,,0,Ya"
  # Dimas: a NIK whose birth date (02/11/22) is not his (02/11/2023); "SITIHARJO" = Siti Harjo
  echo "1605010211220003,DIMAS PRATAMA,L,2023-11-02,3.2,49,ENDANG,,$P,TUGUMULYO,SITIHARJO,POSYANDU KENANGA,004,002,,20/01/2025,9.6,76.0,terlentang,,0,Ya"
  echo "1605010211220003,DIMAS PRATAMA,L,2023-11-02,3.2,49,ENDANG,,$P,TUGUMULYO,SITIHARJO,POSYANDU KENANGA,004,002,,20/02/2025,9.9,77.1,terlentang,,0,Ya"
  # two siblings registered under their mother's NIK (12/03/1990, woman); "SUKAKARYA" = Suka Karya
  echo "1605215203900004,FAJAR RAMADHAN,L,2021-05-01,3.3,50,SRI WAHYUNI,1605215203900004,$P,SUKAKARYA,CIPTODADI,POSYANDU ANGGREK,005,003,,05/01/2025,14.2,99.0,berdiri,,1,Ya"
  echo "1605215203900004,FAJAR RAMADHAN,L,2021-05-01,3.3,50,SRI WAHYUNI,1605215203900004,$P,SUKAKARYA,CIPTODADI,POSYANDU ANGGREK,005,003,,05/02/2025,14.4,99.6,berdiri,,0,Ya"
  echo "1605215203900004,GITA RAMADHANI,P,2023-09-09,3.0,48,SRI WAHYUNI,1605215203900004,$P,SUKAKARYA,CIPTODADI,POSYANDU ANGGREK,005,003,,05/01/2025,9.0,75.5,terlentang,,0,Ya"
  echo "1605215203900004,GITA RAMADHANI,P,2023-09-09,3.0,48,SRI WAHYUNI,1605215203900004,$P,SUKAKARYA,CIPTODADI,POSYANDU ANGGREK,005,003,,05/02/2025,9.2,76.3,terlentang,,0,Ya"
  # Hana: no NIK, in a kelurahan ("KEL. B SRIKATON" = B. Srikaton)
  echo ",HANA SAFITRI,P,2024-04-04,3.0,49,LILIS,,$P,TUGUMULYO,KEL. B SRIKATON,POSYANDU CEMPAKA,001,001,,22/01/2025,7.4,66.0,terlentang,,0,Tidak"
  # invalid measurement: measured in the future (refused)
  echo ",HANA SAFITRI,P,2024-04-04,3.0,49,LILIS,,$P,TUGUMULYO,KEL. B SRIKATON,POSYANDU CEMPAKA,001,001,,22/01/2099,7.6,67.0,terlentang,,0,Tidak"
} >"$W/eppgbm.csv"

out=$("$T" --db "$DB" import eppgbm "$W/eppgbm.csv" --rejects "$W/rej.csv" 2>"$W/err")
check "import: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
# 16 rows: the 2 invalid measurements refused; 7 children (Aisyah, Budi,
# Citra, Dimas, Fajar, Gita, Hana), 10 rows of 5 children with an unusable NIK.
check "import: 16 read, 14 imported, 2 refused, 7 new children, 10 unusable NIK rows ($out)" \
  "printf '%s' \"\$out\" | grep -q '^read=16 imported=14 updated=0 rejected=2 .*children_new=7 .*nik_unusable=10'"
check "import: the refused rows are the two invalid measurements" \
  "[ \$(tail -n +2 '$W/rej.csv' | wc -l) = 2 ] && grep -q '999' '$W/rej.csv' && grep -q '2099' '$W/rej.csv'"
check "import: 7 children, 14 measurements" "[ \"\$(q 'SELECT count(*) FROM anak') \$(q 'SELECT count(*) FROM pengukuran')\" = '7 14' ]"
check "import: the siblings under one NIK stay two children" \
  "[ \"\$(q \"SELECT count(*), count(DISTINCT i.tgl_lahir), (SELECT count(*) FROM pengukuran p WHERE p.anak_id IN (SELECT id FROM individu WHERE nama IN ('FAJAR RAMADHAN', 'GITA RAMADHANI'))) FROM anak a JOIN individu i ON i.id = a.individu_id WHERE i.nama IN ('FAJAR RAMADHAN', 'GITA RAMADHANI')\")\" = '2|2|4' ]"
check "import: the NIK the siblings share is no child's NIK" \
  "[ \$(q \"SELECT count(*) FROM individu WHERE nik = '1605215203900004' AND peran = 'anak'\") = 0 ]"
check "import: the NIK is their mother's, and she is the mother of both" \
  "[ \"\$(q \"SELECT count(*) FROM individu c JOIN individu m ON m.id = c.ibu_id WHERE m.nik = '1605215203900004' AND m.nama = 'SRI WAHYUNI'\")\" = 2 ]"
check "import: places resolved as written (BTS ULU, SUKAKARYA, DESA TEGALREJO, SITIHARJO, KEL. B SRIKATON)" \
  "[ \"\$(q \"SELECT group_concat(desa, ' ') FROM (SELECT DISTINCT desa FROM individu WHERE peran = 'anak' ORDER BY desa)\")\" = '16.05.01.1001 16.05.01.2003 16.05.01.2013 16.05.14.2002 16.05.14.2005 16.05.21.2004' ]"
check "import: 6 posyandu, each in its desa" "[ \$(q \"SELECT count(*) FROM posyandu WHERE desa LIKE '16.05.%'\") = 6 ]"
check "import: the good NIK is the child's" "[ \$(q \"SELECT count(*) FROM individu WHERE nik = '1605144503230001' AND tgl_lahir = '2023-03-05'\") = 1 ]"
check "import: damaged NIKs kept apart, unverified" \
  "[ \$(q \"SELECT count(*) FROM individu WHERE nik IS NULL AND nik_belum_valid IS NOT NULL AND peran = 'anak'\") = 5 ]"
check "import: the district's other areas untouched (still the list's 91,599 codes)" "[ \$(q 'SELECT count(*) FROM wilayah') = 91599 ]"
check "import: foreign keys hold" "[ -z \"\$(q 'PRAGMA foreign_key_check')\" ]"

# 4. the same file again changes nothing
counts() { q "SELECT (SELECT count(*) FROM individu), (SELECT count(*) FROM anak), (SELECT count(*) FROM pengukuran), (SELECT count(*) FROM posyandu), (SELECT count(*) FROM keluarga)"; }
dump() { q "SELECT * FROM pengukuran ORDER BY id" | sha256sum; }
c1=$(counts)
d1=$(dump)
out=$("$T" --db "$DB" import eppgbm "$W/eppgbm.csv" --rejects "$W/rej2.csv" 2>"$W/err")
check "again: nothing imported or updated ($out)" "printf '%s' \"\$out\" | grep -q '^read=16 imported=0 updated=0 rejected=2 .*children_new=0 children_matched=7'"
check "again: the same counts ($c1)" "[ \"\$(counts)\" = '$c1' ]"
check "again: the measurement table identical" "[ \"\$(dump)\" = '$d1' ]"

# 5. the district's pages show its areas, not the whole country
check "web: the district dashboard" "[ \$(curl -s -b '$W/a.jar' -o '$W/body' -w '%{http_code}' '$B/dasbor?wilayah=16.05&bulan=2025-02') = 200 ] && grep -q 'Musi Rawas' '$W/body'"
check "web: another district of the list is outside the administrator's area" \
  "[ \$(curl -s -b '$W/a.jar' -o /dev/null -w '%{http_code}' '$B/dasbor?wilayah=35.07&bulan=2025-02') = 403 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
