#!/bin/sh
# tests/cli/web_ejaan.sh - place-name spellings fixed on the web (issue 11):
# an e-PPGBM file whose desa and kecamatan are misspelt is imported from
# /impor and its rows rejected; the import's page lists each distinct
# spelling with the names offered and a link to /atur/ejaan filled with it;
# the administrator saves the spelling there (audited) and the same file
# imports; the refusals (blank, outside the district, a spelling that
# already means another desa of the kecamatan, one that adds nothing) come
# back filled with the reason; tpps_kec keeps only their kecamatan's; a
# cadre and the puskesmas 403; removing a spelling (audited); the same
# ambiguity refused by `tumbuh import alias`; a file of spellings (kind
# alias) uploaded on /impor.
. tests/cli-lib.sh
. tests/web-lib.sh
q() { sqlite3 "$DB" "$1"; }
# postf USER PATH [CURL ARGS]: a form POST with USER's CSRF token; prints the status
postf() {
  u=$1 p=$2
  shift 2
  curl -s -b "$W/$u.jar" -o "$W/body" -w '%{http_code}' -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
# up FILE [KIND]: uploads FILE as KIND (an e-PPGBM export by default; the admin); prints the status
up() {
  curl -s -b "$W/admin.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/admin.csrf")" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$1" \
    "$B/impor/unggah?jenis=${2:-eppgbm}&nama=$(basename "$1")"
}
# wait_for STAGE: polls /impor/status until its stage is STAGE; the JSON in $W/st
wait_for() {
  for i in $(seq 1 300); do
    curl -s -b "$W/admin.jar" -o "$W/st" "$B/impor/status"
    grep -q "\"tahap\":\"$1\"" "$W/st" && return 0
    sleep 0.2
  done
  echo "stage $1 not reached: $(cat "$W/st")" >&2
  return 1
}
js() { sed -n "s/.*\"$1\":\\([0-9-]*\\).*/\\1/p" "$W/st"; }
aliases() { q "SELECT count(*) FROM wilayah_alias"; }
desa_of() { q "SELECT desa FROM individu WHERE nama = '$1'"; }
login admin
login tpps.kec
login kader
login gizi.puskesmas

# the demo district 35.99: kecamatan SUKAMAJU (35.99.01: WONOURIP, SUKOTANI,
# GUNUNGHARJO) and KARANGREJO (35.99.02: SIDODADI, ...). Two rows name the
# desa SUKOTANY, one the kecamatan KARANGREJA.
H='NIK,Nama,JK,Tgl Lahir,Nama Ortu,Kab/Kota,Kec,Desa/Kel,Posyandu,Tanggal Pengukuran,Berat,Tinggi'
{
  echo "$H"
  echo ',Ani Ejaan,P,2024-03-05,Ibu Ani,KAB. SUKAMAJU,SUKAMAJU,SUKOTANY,Posyandu Uji Ejaan,2026-10-10,9.1,75.0'
  echo ',Budi Ejaan,L,2024-04-01,Ibu Budi,KAB. SUKAMAJU,SUKAMAJU,SUKOTANY,Posyandu Uji Ejaan,2026-10-10,9.5,76.0'
  echo ',Citra Ejaan,P,2024-02-01,Ibu Citra,KAB. SUKAMAJU,SUKAMAJU,WONOURIP,Posyandu Uji Ejaan,2026-10-10,9.0,74.0'
  echo ',Dedi Ejaan,L,2024-02-01,Ibu Dedi,KAB. SUKAMAJU,KARANGREJA,SIDODADI,Posyandu Uji Ejaan,2026-10-10,9.0,74.0'
} >"$W/ejaan.csv"

# --- who may ---
for u in kader gizi.puskesmas; do
  check "$u: the page 403" "[ \$(get $u /atur/ejaan) = 403 ]"
  check "$u: add 403, nothing stored" "[ \$(postf $u /atur/ejaan -d nama=SUKOTANY -d kode=35.99.01.2002) = 403 ] && [ \$(aliases) = 0 ]"
  check "$u: remove 403" "[ \$(postf $u /atur/ejaan/hapus -d nama=X -d kode=35.99.01.2002) = 403 ]"
done
check "the setup pages link the page" "[ \$(get admin /atur/posyandu) = 200 ] && grep -q 'href=\"/atur/ejaan\"' \"$W/body\" && [ \$(get admin /atur/target) = 200 ] && grep -q 'href=\"/atur/ejaan\"' \"$W/body\""

# --- the import: rows rejected, each distinct spelling listed with a link ---
check "upload: 303" "[ \$(up '$W/ejaan.csv') = 303 ]"
check "dry run: 1 would import, 3 refused, 2 names unknown" "wait_for diperiksa && [ \"\$(js diimpor) \$(js ditolak) \$(js wilayah_tak_dikenal)\" = '1 3 2' ]"
check "import: the same" "[ \$(postf admin /impor/mulai) = 303 ] && wait_for selesai && [ \"\$(js diimpor) \$(js ditolak) \$(js wilayah_tak_dikenal)\" = '1 3 2' ]"
check "rejects: the desa offered (maksud Anda), the second row too" "[ \$(get admin /impor/tolak.csv) = 200 ] && [ \$(grep -c \"desa 'SUKOTANY' tidak ditemukan di daftar wilayah; maksud Anda SUKOTANI?\" \"$W/body\") = 2 ]"
get admin /impor >/dev/null
check "page: SUKOTANY listed once, its kecamatan, 2 rows, the candidate" \
  "[ \$(grep -o '<li>Desa <b>SUKOTANY</b>' \"$W/body\" | wc -l) = 1 ] && grep -q '<li>Desa <b>SUKOTANY</b> (kec. SUKAMAJU): 2 baris; maksud Anda SUKOTANI?' \"$W/body\""
check "page: SUKOTANY's link fills the form (spelling, kecamatan, the candidate)" \
  "grep -q 'href=\"/atur/ejaan?nama=SUKOTANY&amp;kecamatan=35.99.01&amp;kode=35.99.01.2002\"' \"$W/body\""
check "page: the kecamatan KARANGREJA, 1 row, its link" \
  "grep -q '<li>Kecamatan <b>KARANGREJA</b>: 1 baris; maksud Anda KARANGREJO? <a href=\"/atur/ejaan?nama=KARANGREJA&amp;kode=35.99.02\"' \"$W/body\""
check "nothing of the refused rows stored" "[ -z \"\$(desa_of 'Ani Ejaan')\" ] && [ -z \"\$(desa_of 'Dedi Ejaan')\" ] && [ \"\$(desa_of 'Citra Ejaan')\" = 35.99.01.2001 ]"

# --- the page, filled from the link ---
check "form from the link: the spelling, the candidate selected, its kecamatan first" \
  "[ \$(get admin '/atur/ejaan?nama=SUKOTANY&kecamatan=35.99.01&kode=35.99.01.2002') = 200 ] && grep -q 'name=\"nama\" value=\"SUKOTANY\"' \"$W/body\" && grep -q '<option value=\"35.99.01.2002\" selected>SUKOTANI</option>' \"$W/body\" && [ \"\$(grep -o '<optgroup label=\"Kec. [A-Z]*\"' \"$W/body\" | head -n 1)\" = '<optgroup label=\"Kec. SUKAMAJU\"' ]"
check "form from the link: KARANGREJO's group first when asked" \
  "[ \$(get admin '/atur/ejaan?nama=X&kecamatan=35.99.02') = 200 ] && [ \"\$(grep -o '<optgroup label=\"Kec. [A-Z]*\"' \"$W/body\" | head -n 1)\" = '<optgroup label=\"Kec. KARANGREJO\"' ]"
check "form: every desa of the district and its 2 kecamatan, none outside" \
  "[ \$(grep -o '<option value=\"35.99.0[12].[0-9]*\"' \"$W/body\" | wc -l) = 6 ] && [ \$(grep -o '<option value=\"35.99.0[12]\"' \"$W/body\" | wc -l) = 2 ] && ! grep -q '35.98' \"$W/body\""

# --- refusals: 422, the form filled, the reason beside the field, nothing stored ---
check "refused: a blank spelling" \
  "[ \$(postf admin /atur/ejaan -d 'nama=  ' -d kode=35.99.01.2002) = 422 ] && grep -q 'Tulis ejaan nama seperti di berkas' \"$W/body\" && grep -q '<option value=\"35.99.01.2002\" selected>' \"$W/body\" && [ \$(aliases) = 0 ]"
check "refused: punctuation only" "[ \$(postf admin /atur/ejaan -d 'nama=..' -d kode=35.99.01.2002) = 422 ] && grep -q 'huruf atau angka' \"$W/body\" && [ \$(aliases) = 0 ]"
check "refused: no area chosen" "[ \$(postf admin /atur/ejaan -d nama=SUKOTANY -d kode=) = 422 ] && grep -q 'value=\"SUKOTANY\"' \"$W/body\" && grep -q 'Pilih kecamatan atau desa' \"$W/body\""
check "refused: a desa of another kabupaten" \
  "[ \$(postf admin /atur/ejaan -d nama=SUKOTANY -d kode=35.98.01.2001) = 422 ] && grep -q 'value=\"SUKOTANY\"' \"$W/body\" && grep -q 'Wilayah 35.98.01.2001 tidak ada di wilayah kerja Anda' \"$W/body\" && [ \$(aliases) = 0 ]"
check "refused: a desa of the national list outside the district" \
  "[ \$(postf admin /atur/ejaan -d nama=SUKOTANY -d kode=35.07.01.2001) = 422 ] && [ \$(aliases) = 0 ]"
check "refused: a provinsi" "[ \$(postf admin /atur/ejaan -d nama=SUKOTANY -d kode=35) = 422 ] && [ \$(aliases) = 0 ]"
check "refused: the name of another desa of the kecamatan (ambiguous)" \
  "[ \$(postf admin /atur/ejaan -d 'nama=Wonourip' -d kode=35.99.01.2002) = 422 ] && grep -q 'value=\"Wonourip\"[^>]*><span class=\"galat\" role=\"alert\">Ejaan &#39;Wonourip&#39; sudah berarti desa WONOURIP (35.99.01.2001) di kecamatan SUKAMAJU' \"$W/body\" && [ \$(aliases) = 0 ]"
check "refused: the area's own name" "[ \$(postf admin /atur/ejaan -d 'nama=desa sukotani' -d kode=35.99.01.2002) = 422 ] && grep -q 'sudah dikenali sebagai desa SUKOTANI' \"$W/body\" && [ \$(aliases) = 0 ]"

# --- saved, audited, the same file imports ---
check "add: 303, stored" "[ \$(postf admin /atur/ejaan -d nama=SUKOTANY -d kode=35.99.01.2002) = 303 ] && [ \"\$(q 'SELECT nama, kode FROM wilayah_alias')\" = 'SUKOTANY|35.99.01.2002' ]"
check "add: audited as the admin" "[ \$(q \"SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'tambah' AND a.tabel = 'wilayah_alias' AND a.baris = '35.99.01.2002' AND a.sesudah = '{\\\"nama\\\":\\\"SUKOTANY\\\",\\\"kode\\\":\\\"35.99.01.2002\\\"}'\") = 1 ]"
check "listed with its desa and kecamatan" "[ \$(get admin '/atur/ejaan?disimpan=1') = 200 ] && grep -q 'Ejaan disimpan' \"$W/body\" && grep -q '<tr data-ejaan><td>SUKOTANY</td><td>Desa SUKOTANI, kec. SUKAMAJU <small>35.99.01.2002</small></td>' \"$W/body\""
check "refused: the same spelling again (any case)" "[ \$(postf admin /atur/ejaan -d nama=sukotany -d kode=35.99.01.2002) = 422 ] && grep -q 'sudah ada' \"$W/body\" && [ \$(aliases) = 1 ]"
check "refused: the spelling for another desa of the kecamatan (ambiguous)" \
  "[ \$(postf admin /atur/ejaan -d 'nama=Suko-Tany' -d kode=35.99.01.2003) = 422 ] && grep -q 'sudah berarti desa SUKOTANI (35.99.01.2002), sebagai ejaan lain, di kecamatan SUKAMAJU' \"$W/body\" && [ \$(aliases) = 1 ]"
check "upload again: the dry run refuses KARANGREJA's row only" "[ \$(up '$W/ejaan.csv') = 303 ] && wait_for diperiksa && [ \"\$(js ditolak) \$(js wilayah_tak_dikenal)\" = '1 1' ]"
check "page: KARANGREJA listed, SUKOTANY not, a button to check again" "[ \$(get admin /impor) = 200 ] && grep -q '<b>KARANGREJA</b>' \"$W/body\" && ! grep -q '<b>SUKOTANY</b>' \"$W/body\" && grep -q 'action=\"/impor/ulang\"' \"$W/body\""
check "add: the kecamatan KARANGREJA" "[ \$(postf admin /atur/ejaan -d nama=KARANGREJA -d kode=35.99.02) = 303 ] && [ \$(aliases) = 2 ]"
check "check again (the same upload): no row refused, no name unknown" "[ \$(postf admin /impor/ulang) = 303 ] && wait_for diperiksa && [ \"\$(js ditolak) \$(js wilayah_tak_dikenal)\" = '0 0' ] && [ \$(get admin /impor) = 200 ] && ! grep -q 'impor-wilayah' \"$W/body\" && ! grep -q 'action=\"/impor/ulang\"' \"$W/body\""
check "import: the 3 rows stored" "[ \$(postf admin /impor/mulai) = 303 ] && wait_for selesai && [ \"\$(js diimpor) \$(js ditolak)\" = '3 0' ]"
check "check again after the import: 409" "[ \$(postf admin /impor/ulang) = 409 ]"
check "the rows in the desa meant" "[ \"\$(desa_of 'Ani Ejaan') \$(desa_of 'Budi Ejaan') \$(desa_of 'Dedi Ejaan')\" = '35.99.01.2002 35.99.01.2002 35.99.02.2001' ]"

# --- tpps_kec: their kecamatan only ---
check "tpps_kec: the page lists their kecamatan's spelling only" "[ \$(get tpps.kec /atur/ejaan) = 200 ] && grep -q '<td>SUKOTANY</td>' \"$W/body\" && ! grep -q 'KARANGREJA' \"$W/body\""
check "tpps_kec: the select offers their kecamatan only" "! grep -q 'value=\"35.99.02' \"$W/body\" && grep -q 'value=\"35.99.01.2003\"' \"$W/body\""
check "tpps_kec: refused for another kecamatan's desa" "[ \$(postf tpps.kec /atur/ejaan -d nama=SIDODADY -d kode=35.99.02.2001) = 422 ] && grep -q 'tidak ada di wilayah kerja Anda' \"$W/body\" && [ \$(aliases) = 2 ]"
check "tpps_kec: adds one in their kecamatan" "[ \$(postf tpps.kec /atur/ejaan -d 'nama=GN. HARJO' -d kode=35.99.01.2003) = 303 ] && [ \$(aliases) = 3 ]"
check "tpps_kec: cannot remove another kecamatan's" "[ \$(postf tpps.kec /atur/ejaan/hapus -d nama=KARANGREJA -d kode=35.99.02) = 403 ] && [ \$(aliases) = 3 ]"

# --- remove ---
check "remove: 303, gone" "[ \$(postf admin /atur/ejaan/hapus -d nama=KARANGREJA -d kode=35.99.02) = 303 ] && [ \$(aliases) = 2 ] && [ \$(get admin /atur/ejaan) = 200 ] && ! grep -q '<td>KARANGREJA</td>' \"$W/body\""
check "remove: audited with what was removed" "[ \$(q \"SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'hapus' AND a.tabel = 'wilayah_alias' AND a.baris = '35.99.02' AND a.sebelum LIKE '%KARANGREJA%'\") = 1 ]"
check "remove: one that is not there 404" "[ \$(postf admin /atur/ejaan/hapus -d nama=KARANGREJA -d kode=35.99.02) = 404 ]"
check "remove: fields missing 400" "[ \$(postf admin /atur/ejaan/hapus) = 400 ]"

# --- a file of spellings uploaded on /impor (kind alias, the CLI's kode,nama) ---
printf 'kode,nama\n3599022002,NGADI AGUNG LAMA\n35.99.02.2003,Sidodadi\n35.07.01.2001,DESA LUAR\n35.99.02.2001,SIDODADI\n' >"$W/ejaan-alias.csv"
check "alias file: offered on /impor" "[ \$(get admin /impor) = 200 ] && grep -q '<option value=\"alias\">' \"$W/body\""
check "alias file: dry run, 1 new, 1 ambiguous and 1 outside refused, 1 unchanged" \
  "[ \$(up '$W/ejaan-alias.csv' alias) = 303 ] && wait_for diperiksa && [ \"\$(js dibaca) \$(js diimpor) \$(js ditolak)\" = '4 1 2' ] && [ \$(aliases) = 2 ]"
check "alias file: the reasons in the rejects" "[ \$(get admin /impor/tolak.csv) = 200 ] && grep -q \"^35.99.02.2003,Sidodadi,3,nama,Ejaan 'Sidodadi' sudah berarti desa SIDODADI (35.99.02.2001) di kecamatan KARANGREJO: satu ejaan\" \"$W/body\" && grep -q '^35.07.01.2001,DESA LUAR,4,kode,kode 35.07.01.2001 di luar kabupaten' \"$W/body\""
check "alias file: imported" "[ \$(postf admin /impor/mulai) = 303 ] && wait_for selesai && [ \$(js diimpor) = 1 ] && [ \"\$(q \"SELECT kode FROM wilayah_alias WHERE nama = 'NGADI AGUNG LAMA'\")\" = 35.99.02.2002 ]"
check "alias file: audited (the import by the admin, the spelling)" "[ \$(q \"SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'impor' AND a.baris = 'alias'\") = 1 ] && [ \$(q \"SELECT count(*) FROM audit_log WHERE tabel = 'wilayah_alias' AND sesudah LIKE '%NGADI AGUNG LAMA%'\") = 1 ]"
sqlite3 "$DB" "DELETE FROM wilayah_alias WHERE nama = 'NGADI AGUNG LAMA'"

# --- the same rule on the server: `tumbuh import alias` ---
printf 'kode,nama\n35.99.01.2003,Sukotany\n' >"$W/alias.csv"
"$T" --db "$DB" import alias "$W/alias.csv" >/dev/null 2>"$W/err"
check "import alias: an ambiguous spelling refused, nothing stored" "[ $? -eq 1 ] && grep -q \"baris 2: Ejaan 'Sukotany' sudah berarti desa SUKOTANI\" '$W/err' && [ \$(aliases) = 2 ]"
printf 'kode,nama\n35.99.01.2002,SUKOTANY\n35.99.01.2001,WONO URIP LAMA\n' >"$W/alias.csv"
out=$("$T" --db "$DB" import alias "$W/alias.csv" 2>"$W/err")
check "import alias: a spelling already there is no error ($out $(cat "$W/err"))" "[ '$out' = 'alias=2' ] && [ \$(aliases) = 3 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
