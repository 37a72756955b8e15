#!/bin/sh
# tests/cli/web_registrasi.sh - registering a new child (POST
# /posyandu/{id}/anak-baru, src/web/registrasi.c): what the cadre typed is
# checked (422 naming the field, the form shown again with the values), a
# NIK that fails the checks is kept apart as unverified, a likely duplicate
# is shown before a second child is made, and the Buku KIA can be entered
# at registration and on the posyandu day.
. tests/cli-lib.sh
. tests/web-lib.sh

login kader
TOK=$(cat "$W/kader.csrf")
# reg FORM: posts a registration at posyandu 1; prints the status, body in $W/body
reg() { curl -s -b "$W/kader.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' -d "$1&csrf=$TOK" "$B/posyandu/1/anak-baru"; }
n_anak() { sqlite3 "$DB" "SELECT count(*) FROM anak"; }
col() { sqlite3 "$DB" "SELECT $1 FROM individu i JOIN anak a ON a.individu_id = i.id WHERE i.nama = '$2'"; }
D3=$(date -u -d '-3 months' +%F)   # a birth date three months ago
D7Y=$(date -u -d '-7 years' +%F)
FUT=$(date -u -d '+2 days' +%F)

before=$(n_anak)
# 2. each refusal: 422, the field named, what was typed kept in the form
check "blank name: 422 naming the field, values kept" "[ $(reg "nama=++&jk=2&tgl_lahir=$D3&ibu=Sri%20Wahyuni&bb_lahir=3,1") = 422 ] && grep -q 'Nama anak:' \"$W/body\" && grep -q 'value=\"Sri Wahyuni\"' \"$W/body\" && grep -q 'value=\"$D3\"' \"$W/body\" && grep -q 'value=\"3,1\"' \"$W/body\" && grep -q '<option value=\"2\" selected>' \"$W/body\""
check "one-letter name: 422" "[ $(reg "nama=A&jk=1&tgl_lahir=$D3") = 422 ] && grep -q 'Nama anak:' \"$W/body\""
check "digits only as name: 422" "[ $(reg "nama=12345&jk=1&tgl_lahir=$D3") = 422 ] && grep -q 'Nama anak:' \"$W/body\""
check "name of 101 characters: 422" "[ $(reg "nama=$(printf 'a%.0s' $(seq 1 101))&jk=1&tgl_lahir=$D3") = 422 ]"
check "sex 3: 422 naming the field" "[ $(reg "nama=Bagas%20Saputra&jk=3&tgl_lahir=$D3") = 422 ] && grep -q 'Jenis kelamin:' \"$W/body\""
check "30 February: 422 naming the birth date" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=2026-02-30") = 422 ] && grep -q 'Tanggal lahir:' \"$W/body\""
check "born in the future: 422" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=$FUT") = 422 ] && grep -q 'masa depan' \"$W/body\""
check "7 years old: 422" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=$D7Y") = 422 ] && grep -q '60 bulan' \"$W/body\""
check "birth weight 9 kg: 422 naming it, name kept" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=$D3&bb_lahir=9") = 422 ] && grep -q 'BB lahir:' \"$W/body\" && grep -q 'value=\"Bagas Saputra\"' \"$W/body\""
check "birth weight 0.3 kg: 422" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=$D3&bb_lahir=0.3") = 422 ]"
check "birth length 80 cm: 422 naming it" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=$D3&pb_lahir=80") = 422 ] && grep -q 'PB lahir:' \"$W/body\""
check "birth length in letters: 422" "[ $(reg "nama=Bagas%20Saputra&jk=1&tgl_lahir=$D3&pb_lahir=lima") = 422 ]"
check "markup typed is shown escaped in the re-shown form" "[ $(reg "nama=x&jk=1&tgl_lahir=$D3&ibu=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E") = 422 ] && grep -q '&quot;&gt;&lt;script&gt;' \"$W/body\" && ! grep -q '<script>alert' \"$W/body\""
check "refusals stored nothing" "[ $(n_anak) = $before ]"

# NIK: a consistent one is the identity; others are kept apart, unverified
Y=$(echo "$D3" | cut -c3-4); M=$(echo "$D3" | cut -c6-7); DD=$(echo "$D3" | cut -c9-10)
GIRL="350701$((DD + 40))$M${Y}0007"
check "consistent NIK (girl: day + 40): registered with it" "[ $(reg "nama=Citra%20Lestari&jk=2&tgl_lahir=$D3&nik=$GIRL&bb_lahir=3,2&pb_lahir=49") = 303 ] && [ \"\$(col 'i.nik || \"/\" || coalesce(i.nik_belum_valid, \"-\") || \"/\" || a.bb_lahir || \"/\" || a.pb_lahir' 'Citra Lestari')\" = '$GIRL/-/3.2/49.0' ]"
check "NIK with the boy's day for a girl: kept unverified, and said why" "[ $(reg "nama=Dewi%20Anggraini&jk=2&tgl_lahir=$D3&nik=350701$DD$M${Y}0008") = 200 ] && grep -q 'NIK belum valid: NIK perempuan memakai tanggal lahir + 40' \"$W/body\" && [ \"\$(col 'coalesce(i.nik, \"-\") || \"/\" || i.nik_belum_valid' 'Dewi Anggraini')\" = '-/350701$DD$M${Y}0008' ]"
check "NIK with an unknown province: kept unverified" "[ $(reg "nama=Eko%20Prasetyo&jk=1&tgl_lahir=$D3&nik=990701$DD$M${Y}0009") = 200 ] && grep -q 'kode provinsi 99' \"$W/body\" && [ \"\$(col 'coalesce(i.nik, \"-\") || \"/\" || i.nik_belum_valid' 'Eko Prasetyo')\" = '-/990701$DD$M${Y}0009' ]"
check "NIK of 12 digits: kept unverified" "[ $(reg "nama=Fajar%20Nugroho&jk=1&tgl_lahir=$D3&nik=350701010203") = 200 ] && grep -q 'NIK harus 16 angka' \"$W/body\" && [ \"\$(col 'coalesce(i.nik, \"-\") || \"/\" || i.nik_belum_valid' 'Fajar Nugroho')\" = '-/350701010203' ]"
check "NIK with another birth date: kept unverified" "[ $(reg "nama=Gilang%20Ramadhan&jk=1&tgl_lahir=$D3&nik=3507011503${Y}0010") = 200 ] && grep -q 'tidak sama dengan tanggal lahir' \"$W/body\" && [ -z \"\$(col 'i.nik' 'Gilang Ramadhan')\" ]"

# 3. a likely duplicate is shown before a second child is made
reg "nama=Muhammad%20Rizky%20Pratama&jk=1&tgl_lahir=$D3&ibu=Siti%20Aminah" > /dev/null
FIRST=$(sqlite3 "$DB" "SELECT id FROM individu WHERE nama = 'Muhammad Rizky Pratama'")
n=$(n_anak)
check "similar name, same desa and birth date: 409 with the candidate" "[ $(reg "nama=Moh.%20Rizki%20Pratama&jk=1&tgl_lahir=$D3&ibu=Siti%20Aminah") = 409 ] && grep -q 'Mungkin anak ini sudah terdaftar' \"$W/body\" && grep -q 'href=\"/anak/$FIRST\">Buka data anak' \"$W/body\" && grep -q 'Tetap daftarkan sebagai anak baru' \"$W/body\" && grep -q 'value=\"Moh. Rizki Pratama\"' \"$W/body\""
check "nothing created before the confirmation" "[ $(n_anak) = $n ]"
check "registering anyway needs tetap_daftar=1: then created" "[ $(reg "nama=Moh.%20Rizki%20Pratama&jk=1&tgl_lahir=$D3&ibu=Siti%20Aminah&tetap_daftar=1") = 303 ] && [ $(n_anak) = $((n + 1)) ]"
check "another mother: not a duplicate" "[ $(reg "nama=Muhammad%20Rizky%20Pratama&jk=1&tgl_lahir=$D3&ibu=Wulandari") = 303 ]"
check "another birth date: not a duplicate" "[ $(reg "nama=Muhammad%20Rizky%20Pratama&jk=1&tgl_lahir=$(date -u -d '-4 months' +%F)&ibu=Siti%20Aminah") = 303 ]"

# 4. Buku KIA: at registration, and on the posyandu day (audited)
check "Buku KIA ticked at registration" "[ $(reg "nama=Hana%20Safitri&jk=2&tgl_lahir=$D3&buku_kia=1") = 303 ] && [ \$(col 'a.buku_kia' 'Hana Safitri') = 1 ] && [ \$(col 'a.buku_kia' 'Citra Lestari') = 0 ]"
get kader "/posyandu/1" > /dev/null
check "the registration form and each entry form offer Buku KIA" "grep -q 'name=\"buku_kia\"' \"$W/body\" && [ \$(grep -o 'name=\"buku_kia\"' \"$W/body\" | wc -l) -ge 3 ]"
KID=$(sqlite3 "$DB" "SELECT individu_id FROM anak WHERE posyandu_id = 1 AND buku_kia = 0 AND individu_id IN (SELECT id FROM individu WHERE tgl_lahir > date('now', '-4 years')) LIMIT 1")
# K of SKDN (children with a Buku KIA) for posyandu 1 this month
kia() { "$T" --db "$DB" report skdn --posyandu 1 --month "$(date -u +%Y-%m)" | awk -F, 'NR == 2 {print $3}'; }
K0=$(kia)
code=$(curl -s -b "$W/kader.jar" -o "$W/body" -w '%{http_code}' -d "anak_id=$KID&tanggal=$(date -u +%F)&bb=9.5&tb=75&cara_ukur=l&yakin=1&buku_kia=1&csrf=$TOK" "$B/posyandu/1")
check "posyandu day: Buku KIA set with the measurement ($code)" "[ $code = 200 ] && [ \$(sqlite3 \"$DB\" 'SELECT buku_kia FROM anak WHERE individu_id = $KID') = 1 ]"
check "K of SKDN counts the child now ($K0 -> $(kia))" "[ \$(kia) -eq $((K0 + 1)) ]"
check "posyandu day: the change audited" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM audit_log WHERE tabel = 'anak' AND baris = '$KID' AND aksi = 'ubah' AND sesudah LIKE '%buku_kia%'\") = 1 ]"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
