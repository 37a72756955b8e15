#!/bin/sh
# tests/cli/web_atur.sh - the district's own setup in the web application
# (/atur): posyandu added, renamed, moved, closed (kept with its history,
# off the daily list) and reopened; puskesmas added, renamed, closed; SSGI
# figures, targets and lokus desa with their validation (year range,
# percentage 0-100 with a decimal comma, source required, a desa of the
# district) and the form that comes back filled with the error beside the
# field; scope (tpps_kec only their kecamatan, a cadre 403); the audit
# trail; the target line on the dashboard trend and the lokus badge.
. tests/cli-lib.sh
. tests/web-lib.sh
q() { sqlite3 "$DB" "$1"; }
# postf USER PATH [CURL ARGS]: a form POST with USER's CSRF token; prints the status
postf() {
  u=$1 p=$2
  shift 2
  curl -s -b "$W/$u.jar" -c "$W/$u.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' \
    -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
audits() { q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = '$1' AND a.tabel = '$2'"; }
login admin
login tpps.kec
login kader
N0=$(q "SELECT count(*) FROM posyandu")

# --- the list ---
check "list: admin 200, every posyandu of the kabupaten" "[ $(get admin /atur/posyandu) = 200 ] && [ \$(grep -o 'data-posyandu=' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM posyandu WHERE desa LIKE '35.99.%'") ]"
check "list: tpps_kec sees only their kecamatan's" "[ $(get tpps.kec /atur/posyandu) = 200 ] && [ \$(grep -o 'data-posyandu=' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM posyandu WHERE desa LIKE '35.99.01.%'") ] && ! grep -q 'SIDODADI' \"$W/body\""
check "list: filter to a desa" "[ $(get admin '/atur/posyandu?wilayah=35.99.02.2001') = 200 ] && [ \$(grep -o 'data-posyandu=' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM posyandu WHERE desa = '35.99.02.2001'") ]"
check "list: tpps_kec filter to another kecamatan 403" "[ $(get tpps.kec '/atur/posyandu?wilayah=35.99.02') = 403 ]"
check "menu: Atur for the admin" "[ $(get admin /akun) = 200 ] && grep -q 'href=\"/atur/posyandu\">Atur' \"$W/body\""
check "menu: Atur for tpps_kec" "[ $(get tpps.kec /akun) = 200 ] && grep -q 'href=\"/atur/posyandu\">Atur' \"$W/body\""
check "menu: no Atur for a cadre" "[ $(get kader /akun) = 200 ] && ! grep -q '/atur/' \"$W/body\""
check "add form: the desa of tpps_kec's kecamatan offered, not another's" "[ $(get tpps.kec /atur/posyandu) = 200 ] && grep -q '<option value=\"35.99.01.2001\">WONOURIP (kec. SUKAMAJU)</option>' \"$W/body\" && ! grep -q 'value=\"35.99.02.2001\"' \"$W/body\" && grep -q 'list=\"daftar-desa\"' \"$W/body\""
check "list: a cadre 403" "[ $(get kader /atur/posyandu) = 403 ] && [ $(get kader /atur/target) = 403 ]"

# --- add a posyandu: desa by name (any case), puskesmas by name ---
check "add: 303" "[ $(postf admin /atur/posyandu -d 'nama=Posyandu Melati 9' -d 'desa=desa sukotani' -d 'puskesmas=puskesmas sukamaju' -d hari=12) = 303 ]"
check "add: stored in the desa with its puskesmas and day" "[ \"$(q "SELECT desa, puskesmas_id, hari_buka, ditutup IS NULL FROM posyandu WHERE nama = 'Posyandu Melati 9'")\" = '35.99.01.2002|1|12|1' ]"
NEW=$(q "SELECT id FROM posyandu WHERE nama = 'Posyandu Melati 9'")
check "add: audited as the admin" "[ $(q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'tambah' AND a.tabel = 'posyandu' AND a.baris = '$NEW' AND a.sesudah LIKE '%Melati 9%'") = 1 ]"
check "add: desa by code without dots" "[ $(postf admin /atur/posyandu -d 'nama=Posyandu Kenari' -d desa=3599022002) = 303 ] && [ \"$(q "SELECT desa, puskesmas_id IS NULL, hari_buka IS NULL FROM posyandu WHERE nama = 'Posyandu Kenari'")\" = '35.99.02.2002|1|1' ]"
check "add refused: unknown desa, 422, the form filled, error beside the field" "[ $(postf admin /atur/posyandu -d 'nama=Posyandu Baru' -d 'desa=Atlantis' -d hari=5) = 422 ] && grep -q 'value=\"Posyandu Baru\"' \"$W/body\" && grep -q 'value=\"Atlantis\"[^>]*><span class=\"galat\" role=\"alert\">Desa &#39;Atlantis&#39; tidak ada di wilayah Anda' \"$W/body\" && [ $(q "SELECT count(*) FROM posyandu WHERE nama = 'Posyandu Baru'") = 0 ]"
check "add refused: a desa of another kabupaten" "[ $(postf admin /atur/posyandu -d 'nama=Posyandu Baru' -d desa=35.98.01.2001) = 422 ] && grep -q 'tidak ada di wilayah Anda' \"$W/body\""
check "add refused: day 32" "[ $(postf admin /atur/posyandu -d 'nama=Posyandu Baru' -d desa=SUKOTANI -d hari=32) = 422 ] && grep -q 'name=\"hari\" value=\"32\"[^>]*><span class=\"galat\" role=\"alert\">Hari buka' \"$W/body\""
check "add refused: name taken in the desa (any case)" "[ $(postf admin /atur/posyandu -d 'nama=posyandu melati 9' -d desa=SUKOTANI) = 422 ] && grep -q 'sudah dipakai' \"$W/body\""
check "add refused: no name" "[ $(postf admin /atur/posyandu -d desa=SUKOTANI) = 422 ] && grep -q 'Isi nama posyandu' \"$W/body\""
check "add: tpps_kec in their kecamatan" "[ $(postf tpps.kec /atur/posyandu -d 'nama=Posyandu Kecamatan' -d desa=WONOURIP) = 303 ]"
check "add refused: tpps_kec in another kecamatan" "[ $(postf tpps.kec /atur/posyandu -d 'nama=Posyandu Luar Kec' -d desa=SIDODADI) = 422 ] && [ $(q "SELECT count(*) FROM posyandu WHERE nama = 'Posyandu Luar Kec'") = 0 ]"
check "add refused: tpps_kec, a puskesmas of another kecamatan" "[ $(postf tpps.kec /atur/posyandu -d 'nama=Posyandu X' -d desa=WONOURIP -d puskesmas=2) = 422 ] && grep -q 'Puskesmas' \"$W/body\""
check "add: a cadre 403, nothing stored" "[ $(postf kader /atur/posyandu -d 'nama=Posyandu Kader' -d desa=WONOURIP) = 403 ] && [ $(q "SELECT count(*) FROM posyandu WHERE nama = 'Posyandu Kader'") = 0 ]"

# --- rename, move ---
check "change form: 200 with its values" "[ $(get admin /atur/posyandu/$NEW) = 200 ] && grep -q 'value=\"Posyandu Melati 9\"' \"$W/body\" && grep -q 'value=\"35.99.01.2002\"' \"$W/body\""
check "rename and move to another kecamatan's desa and puskesmas" "[ $(postf admin /atur/posyandu/$NEW -d 'nama=Posyandu Melati Sembilan' -d desa=SIDODADI -d puskesmas=2 -d hari=3) = 303 ] && [ \"$(q "SELECT nama, desa, puskesmas_id, hari_buka FROM posyandu WHERE id = $NEW")\" = 'Posyandu Melati Sembilan|35.99.02.2001|2|3' ]"
check "change: audited with before and after" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'posyandu' AND baris = '$NEW' AND aksi = 'ubah' AND sebelum LIKE '%35.99.01.2002%' AND sesudah LIKE '%35.99.02.2001%'") = 1 ]"
check "change refused: filled again, unchanged" "[ $(postf admin /atur/posyandu/$NEW -d 'nama=Posyandu Melati Sembilan' -d desa=SIDODADI -d hari=0) = 422 ] && grep -q 'name=\"hari\" value=\"0\"' \"$W/body\" && [ $(q "SELECT hari_buka FROM posyandu WHERE id = $NEW") = 3 ]"
check "change: tpps_kec cannot touch a posyandu of another kecamatan" "[ $(postf tpps.kec /atur/posyandu/$NEW -d 'nama=Diambil' -d desa=WONOURIP) = 403 ] && [ $(get tpps.kec /atur/posyandu/$NEW) = 403 ] && [ \"$(q "SELECT nama FROM posyandu WHERE id = $NEW")\" = 'Posyandu Melati Sembilan' ]"
P1=$(q "SELECT nama FROM posyandu WHERE id = 1")
check "change: tpps_kec cannot move one of theirs out of the kecamatan" "[ $(postf tpps.kec /atur/posyandu/1 --data-urlencode "nama=$P1" -d desa=SIDODADI) = 422 ] && [ $(q "SELECT desa FROM posyandu WHERE id = 1") = 35.99.01.2001 ]"
check "change: unknown posyandu 404" "[ $(postf admin /atur/posyandu/999999 -d nama=X -d desa=SIDODADI) = 404 ]"

# --- close and reopen: the history stays, the daily list drops it ---
KIDS=$(q "SELECT count(*) FROM anak WHERE posyandu_id = 2")
P2=$(q "SELECT nama FROM posyandu WHERE id = 2")
login bidan.desa
check "before: the desa's daily list has posyandu 2" "[ $(get bidan.desa /posyandu/) = 200 ] && grep -q '\"/posyandu/2\"' \"$W/body\""
check "close: 303" "[ $(postf admin /atur/posyandu/2/tutup -d tutup=1) = 303 ] && [ -n \"$(q "SELECT ditutup FROM posyandu WHERE id = 2")\" ]"
check "closed: off the daily list" "[ $(get bidan.desa /posyandu/) = 200 ] && ! grep -q '\"/posyandu/2\"' \"$W/body\" && grep -q '\"/posyandu/1\"' \"$W/body\""
check "closed: its children and measurements kept" "[ $(q "SELECT count(*) FROM anak WHERE posyandu_id = 2") = $KIDS ] && [ $KIDS -gt 0 ]"
check "closed: still on the setup list, marked" "[ $(get admin /atur/posyandu) = 200 ] && grep -q 'data-posyandu=\"2\" class=\"tutup\"' \"$W/body\" && grep -q 'Buka kembali' \"$W/body\""
check "close: audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'posyandu' AND baris = '2' AND sesudah LIKE '{\"ditutup\":\"20%'") = 1 ]"
check "reopen: back on the daily list" "[ $(postf admin /atur/posyandu/2/tutup -d tutup=0) = 303 ] && [ -z \"$(q "SELECT ditutup FROM posyandu WHERE id = 2")\" ] && [ $(get bidan.desa /posyandu/) = 200 ] && grep -q '\"/posyandu/2\"' \"$W/body\""
check "close: tutup must be 0 or 1" "[ $(postf admin /atur/posyandu/2/tutup -d tutup=ya) = 400 ]"
check "close: tpps_kec not another kecamatan's" "[ $(postf tpps.kec /atur/posyandu/$NEW/tutup -d tutup=1) = 403 ] && [ -z \"$(q "SELECT ditutup FROM posyandu WHERE id = $NEW")\" ]"
check "close: a cadre 403" "[ $(postf kader /atur/posyandu/1/tutup -d tutup=1) = 403 ] && [ -z \"$(q "SELECT ditutup FROM posyandu WHERE id = 1")\" ]"

# --- many posyandu from a list: dry run, then stored ---
LIST='nama,desa,puskesmas,hari
Posyandu Impor 1,gunungharjo,Puskesmas Sukamaju,8
Posyandu Impor 2,3599022003,,
Posyandu Impor 3,Atlantis,,
Posyandu Impor 4,SIDODADI,,40'
NP=$(q "SELECT count(*) FROM posyandu")
check "list dry run: 2 new, 2 refused, nothing stored" "[ $(postf admin /atur/posyandu/impor --data-urlencode "daftar=$LIST") = 200 ] && grep -q '2 baru, 0 diubah, 0 tetap, 2 ditolak' \"$W/body\" && [ $(q "SELECT count(*) FROM posyandu") = $NP ]"
check "list dry run: line 4 desa, line 5 day, with reasons" "grep -q '<tr><td>4</td><td>desa</td><td>desa &#39;Atlantis&#39; tidak ada' \"$W/body\" && grep -q '<tr><td>5</td><td>hari</td><td>Hari buka harus' \"$W/body\""
check "list dry run: offers to import the same list" "grep -q 'name=\"buat\" value=\"1\"' \"$W/body\" && grep -q 'Posyandu Impor 2,3599022003' \"$W/body\""
check "list import: stored" "[ $(postf admin /atur/posyandu/impor --data-urlencode "daftar=$LIST" -d buat=1) = 200 ] && grep -q '2 baru, 0 diubah, 0 tetap, 2 ditolak' \"$W/body\" && [ \"$(q "SELECT desa, puskesmas_id, hari_buka FROM posyandu WHERE nama = 'Posyandu Impor 1'")\" = '35.99.01.2003|1|8' ] && [ $(q "SELECT desa FROM posyandu WHERE nama = 'Posyandu Impor 2'") = 35.99.02.2003 ]"
check "list import again: nothing changes" "[ $(postf admin /atur/posyandu/impor --data-urlencode "daftar=$LIST" -d buat=1) = 200 ] && grep -q '0 baru, 0 diubah, 2 tetap, 2 ditolak' \"$W/body\" && [ $(q "SELECT count(*) FROM posyandu") = $((NP + 2)) ]"
check "list import: audited as the admin" "[ $(q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'tambah' AND a.tabel = 'posyandu' AND a.sesudah LIKE '%Posyandu Impor%'") = 2 ]"
check "list import: tpps_kec, a desa of another kecamatan refused" "[ $(postf tpps.kec /atur/posyandu/impor --data-urlencode 'daftar=nama,desa
Posyandu Impor 5,SIDODADI' -d buat=1) = 200 ] && grep -q '0 baru, 0 diubah, 0 tetap, 1 ditolak' \"$W/body\" && [ $(q "SELECT count(*) FROM posyandu WHERE nama = 'Posyandu Impor 5'") = 0 ]"
check "list import: without a desa column 422" "[ $(postf admin /atur/posyandu/impor --data-urlencode 'daftar=nama,kode
X,1') = 422 ] && grep -q 'kolom nama dan desa' \"$W/body\""
printf 'nama;desa;hari\nPosyandu Berkas;SUKOTANI;4\n' > "$W/berkas.csv"
check "list import: a CSV file as the body, ?buat=1" "[ \$(curl -s -b \"$W/admin.jar\" -o \"$W/body\" -w '%{http_code}' -H \"X-CSRF-Token: \$(cat \"$W/admin.csrf\")\" -H 'Content-Type: text/csv' --data-binary \"@$W/berkas.csv\" \"$B/atur/posyandu/impor?buat=1\") = 200 ] && grep -q '1 baru, 0 diubah, 0 tetap, 0 ditolak' \"$W/body\" && [ \"\$(q \"SELECT desa, hari_buka FROM posyandu WHERE nama = 'Posyandu Berkas'\")\" = '35.99.01.2002|4' ]"
check "list import: a cadre 403" "[ $(postf kader /atur/posyandu/impor --data-urlencode "daftar=$LIST" -d buat=1) = 403 ]"

# --- puskesmas ---
check "puskesmas: add" "[ $(postf admin /atur/puskesmas -d 'nama=Puskesmas Sukotani' -d kecamatan=35.99.01) = 303 ] && [ $(q "SELECT count(*) FROM puskesmas WHERE nama = 'Puskesmas Sukotani' AND kecamatan = '35.99.01'") = 1 ]"
PK=$(q "SELECT id FROM puskesmas WHERE nama = 'Puskesmas Sukotani'")
check "puskesmas: add refused, a desa code for the kecamatan" "[ $(postf admin /atur/puskesmas -d 'nama=Puskesmas Y' -d kecamatan=35.99.01.2001) = 422 ] && grep -q 'value=\"Puskesmas Y\"' \"$W/body\" && grep -q 'Tulis kode kecamatan' \"$W/body\""
check "puskesmas: tpps_kec not in another kecamatan" "[ $(postf tpps.kec /atur/puskesmas -d 'nama=Puskesmas Z' -d kecamatan=35.99.02) = 422 ] && [ $(q "SELECT count(*) FROM puskesmas WHERE nama = 'Puskesmas Z'") = 0 ]"
check "puskesmas: rename" "[ $(postf admin /atur/puskesmas/$PK -d 'nama=Puskesmas Sukotani Raya' -d kecamatan=35.99.01) = 303 ] && [ \"$(q "SELECT nama FROM puskesmas WHERE id = $PK")\" = 'Puskesmas Sukotani Raya' ]"
check "puskesmas: rename refused, name taken" "[ $(postf admin /atur/puskesmas/$PK -d 'nama=Puskesmas Sukamaju' -d kecamatan=35.99.01) = 422 ] && grep -q 'sudah dipakai' \"$W/body\""
check "puskesmas: tpps_kec cannot rename another kecamatan's" "[ $(postf tpps.kec /atur/puskesmas/2 -d nama=X -d kecamatan=35.99.02) = 403 ]"
check "puskesmas: close, then not chosen by name" "[ $(postf admin /atur/puskesmas/$PK/tutup -d tutup=1) = 303 ] && [ $(postf admin /atur/posyandu -d 'nama=Posyandu Q' -d desa=SUKOTANI -d 'puskesmas=Puskesmas Sukotani Raya') = 422 ]"
check "puskesmas: audited (add, rename, close)" "[ $(audits admin puskesmas) = 3 ]"

# --- survey figures ---
check "survei: 303 with a decimal comma" "[ $(postf admin /atur/survei -d survei=SSGI -d tahun=2025 -d stunting=19,8 -d wasting=5,1 -d 'sumber=Buku Saku SSGI 2025 hlm. 7') = 303 ] && [ \"$(q "SELECT stunting, wasting, underweight IS NULL, sumber FROM survei_prevalensi WHERE wilayah = '35.99' AND tahun = 2025")\" = '19.8|5.1|1|Buku Saku SSGI 2025 hlm. 7' ]"
check "survei: audited" "[ $(audits admin survei_prevalensi) = 1 ]"
check "survei refused: 101%" "[ $(postf admin /atur/survei -d survei=SSGI -d tahun=2025 -d stunting=101 -d sumber=X) = 422 ] && grep -q 'name=\"stunting\" value=\"101\"[^>]*><span class=\"galat\" role=\"alert\">Persentase harus' \"$W/body\" && [ $(q "SELECT stunting FROM survei_prevalensi WHERE tahun = 2025") = 19.8 ]"
check "survei refused: year 1999" "[ $(postf admin /atur/survei -d survei=SKI -d tahun=1999 -d stunting=20 -d sumber=X) = 422 ] && grep -q 'Tahun harus' \"$W/body\""
check "survei refused: no source, the rest kept" "[ $(postf admin /atur/survei -d survei=SKI -d tahun=2023 -d stunting=21,5) = 422 ] && grep -q 'value=\"21,5\"' \"$W/body\" && grep -q 'Sumber wajib' \"$W/body\""
check "survei: tpps_kec 403" "[ $(postf tpps.kec /atur/survei -d survei=SKI -d tahun=2023 -d stunting=20 -d sumber=X) = 403 ]"
check "survei: the page lists it with its source and draws the trend" "[ $(get admin /atur/target) = 200 ] && grep -q 'Buku Saku SSGI 2025 hlm. 7' \"$W/body\" && grep -q '<svg' \"$W/body\""

# --- targets ---
check "target: the national 14% of 2024 is there from the start" "[ $(q "SELECT stunting FROM target_prevalensi WHERE wilayah = 'ID' AND tahun = 2024") = 14.0 ]"
check "target: RPJMD of the kabupaten, decimal comma" "[ $(postf admin /atur/target -d wilayah=35.99 -d tahun=2026 -d stunting=16,5 -d 'sumber=Perda RPJMD 2025-2029') = 303 ] && [ \"$(q "SELECT stunting, sumber FROM target_prevalensi WHERE wilayah = '35.99' AND tahun = 2026")\" = '16.5|Perda RPJMD 2025-2029' ]"
check "target: tpps_kec for their kecamatan" "[ $(postf tpps.kec /atur/target -d wilayah=35.99.01 -d tahun=2026 -d stunting=15 -d sumber=RKPD) = 303 ]"
check "target refused: tpps_kec another kecamatan" "[ $(postf tpps.kec /atur/target -d wilayah=35.99.02 -d tahun=2026 -d stunting=15 -d sumber=RKPD) = 422 ] && [ $(q "SELECT count(*) FROM target_prevalensi WHERE wilayah = '35.99.02'") = 0 ]"
check "target refused: tpps_kec the national target" "[ $(postf tpps.kec /atur/target -d wilayah=ID -d tahun=2030 -d stunting=10 -d sumber=X) = 422 ]"
check "target refused: -1%" "[ $(postf admin /atur/target -d wilayah=35.99 -d tahun=2027 -d stunting=-1 -d sumber=X) = 422 ] && grep -q 'Persentase harus' \"$W/body\""
check "target refused: no source" "[ $(postf admin /atur/target -d wilayah=35.99 -d tahun=2027 -d stunting=15) = 422 ] && grep -q 'Sumber wajib' \"$W/body\""
check "target: audited" "[ $(audits admin target_prevalensi) = 1 ] && [ $(audits tpps.kec target_prevalensi) = 1 ]"

# --- lokus ---
check "lokus: a desa by name with its SK" "[ $(postf admin /atur/lokus -d desa=Sidodadi -d tahun=2026 -d 'no_sk=188.45/123/2026' -d tgl_sk=15/01/2026) = 303 ] && [ \"$(q "SELECT no_sk, tgl_sk FROM wilayah_lokus WHERE kode = '35.99.02.2001' AND tahun = 2026")\" = '188.45/123/2026|2026-01-15' ]"
check "lokus refused: a desa outside the district" "[ $(postf admin /atur/lokus -d desa=35.98.01.2001 -d tahun=2026 -d no_sk=X) = 422 ] && grep -q 'tidak ada di wilayah Anda' \"$W/body\" && [ $(q "SELECT count(*) FROM wilayah_lokus WHERE kode = '35.98.01.2001'") = 0 ]"
check "lokus refused: no SK number" "[ $(postf admin /atur/lokus -d desa=SIDODADI -d tahun=2027) = 422 ] && grep -q 'nomor SK' \"$W/body\""
check "lokus refused: a bad SK date" "[ $(postf admin /atur/lokus -d desa=SIDODADI -d tahun=2027 -d no_sk=1 -d tgl_sk=kemarin) = 422 ] && grep -q 'value=\"kemarin\"' \"$W/body\""
check "lokus refused: tpps_kec another kecamatan's desa" "[ $(postf tpps.kec /atur/lokus -d desa=NGADIAGUNG -d tahun=2026 -d no_sk=1) = 422 ]"
check "lokus: taken off" "[ $(postf admin /atur/lokus/hapus -d desa=35.99.02.2001 -d tahun=2026) = 303 ] && [ $(q "SELECT count(*) FROM wilayah_lokus WHERE kode = '35.99.02.2001' AND tahun = 2026") = 0 ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'wilayah_lokus' AND aksi = 'hapus'") = 1 ]"

# --- the dashboard: target line, lokus badge ---
check "dashboard of a lokus desa: the badge of the year" "[ $(get admin '/dasbor?wilayah=35.99.01.2001&bulan=2026-10') = 200 ] && grep -q '<span class=\"lencana lokus\">Lokus 2026</span>' \"$W/body\""
check "dashboard of a desa not lokus: no badge" "[ $(get admin '/dasbor?wilayah=35.99.01.2003&bulan=2026-10') = 200 ] && ! grep -q 'lencana lokus' \"$W/body\""
check "dashboard: the kecamatan's own target line (15%)" "[ $(get admin '/dasbor?wilayah=35.99.01.2003&bulan=2026-10') = 200 ] && grep -q 'class=\"target\"' \"$W/body\" && grep -q 'Target 2026: 15,0%' \"$W/body\""
check "dashboard: another kecamatan's desa takes the kabupaten's (16,5%)" "[ $(get admin '/dasbor?wilayah=35.99.02.2003&bulan=2026-10') = 200 ] && grep -q 'Target 2026: 16,5%' \"$W/body\""
check "kecamatan dashboard: the lokus desa marked in the sub-area table" "[ $(get admin '/dasbor?wilayah=35.99.01&bulan=2026-10') = 200 ] && grep -q '>WONOURIP · Lokus 2026</a>' \"$W/body\" && grep -q '>SUKOTANI</a>' \"$W/body\" && grep -q 'lokus=1\">Hanya desa lokus' \"$W/body\""
ALL=$(get admin '/dasbor?wilayah=35.99.01&bulan=2026-10' > /dev/null; grep -o '>SUKOTANI</a>' "$W/body" | wc -l)
ONLY=$(get admin '/dasbor?wilayah=35.99.01&bulan=2026-10&lokus=1' > /dev/null; grep -o '>SUKOTANI</a>' "$W/body" | wc -l)
check "kecamatan dashboard, lokus=1: the desa not lokus leave the sub-area table ($ALL -> $ONLY)" "[ $ONLY = $((ALL - 1)) ] && [ \$(grep -c 'Lokus 2026</a>' \"$W/body\") = 1 ] && grep -q 'Tampilkan semua desa' \"$W/body\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
