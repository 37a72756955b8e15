#!/bin/sh
# tests/cli/web_users.sh - user administration in the web application:
# the list, creating a user (one-time password shown once, stored as a
# hash), the first login that must change it (every page redirects to
# /akun), the last login, reset, deactivation, the bulk dry run and
# creation with refused rows (line, column, reason), the limits of the
# delegation to tpps_kec, and the audit page's filters, paging and CSV.
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
otp() { sed -n 's/.*<code id="sandi">\([^<]*\)<.*/\1/p' "$W/body"; }
KAB=$(q "SELECT wilayah FROM pengguna WHERE username = 'admin'")
KEC=$(q "SELECT wilayah FROM pengguna WHERE username = 'tpps.kec'")
KEC2=$(q "SELECT kode FROM wilayah WHERE tingkat = 3 AND kode != '$KEC' AND kode LIKE '$KAB.%' LIMIT 1")
POS=$(q "SELECT p.id FROM posyandu p WHERE p.desa LIKE '$KEC.%' ORDER BY p.id LIMIT 1")
POS2=$(q "SELECT p.id FROM posyandu p WHERE p.desa LIKE '$KEC2.%' ORDER BY p.id LIMIT 1")

login admin
login tpps.kec
login kader
check "list: admin 200 with every user of the area" "[ $(get admin /pengguna) = 200 ] && grep -q 'data-pengguna' \"$W/body\" && [ \$(grep -o 'data-pengguna=' \"$W/body\" | wc -l) = $(q "SELECT count(*) FROM pengguna WHERE wilayah LIKE '$KAB%'") ]"
check "menu: Pengguna for the admin" "[ $(get admin /akun) = 200 ] && grep -q 'href=\"/pengguna\">Pengguna' \"$W/body\""
check "menu: Audit for tpps_kec" "[ $(get tpps.kec /akun) = 200 ] && grep -q 'href=\"/audit\"' \"$W/body\""
check "menu: neither for a cadre" "[ $(get kader /akun) = 200 ] && ! grep -q 'href=\"/pengguna\"' \"$W/body\""
check "list: a cadre gets 403" "[ $(get kader /pengguna) = 403 ]"
check "list: tpps_kec sees only the kecamatan's users" "[ $(get tpps.kec /pengguna) = 200 ] && ! grep -q '>admin<' \"$W/body\" && grep -q '>kader<' \"$W/body\""

# --- create, one-time password, first login ---
check "create a cadre: 201" "[ $(postf admin /pengguna -d username=rina -d 'nama=Rina Kader' -d peran=kader -d posyandu=$POS -d telepon=08123) = 201 ]"
OTP=$(otp)
check "create: one-time password shown" "echo '$OTP' | grep -Eq '^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$'"
check "create: stored with its posyandu, phone, must change" "[ \"$(q "SELECT peran, posyandu_id, telepon, sandi_sementara, hash LIKE '\$argon2id\$%' FROM pengguna WHERE username = 'rina'")\" = \"kader|$POS|08123|1|1\" ]"
check "create: audited as the admin" "[ $(q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'tambah' AND a.tabel = 'pengguna' AND a.sesudah LIKE '%rina%'") = 1 ]"
check "create refused: unknown wilayah, 422 in Indonesian" "[ $(postf admin /pengguna -d username=xx1 -d nama=X -d peran=tpps_kec -d wilayah=35.99.77) = 422 ] && grep -q 'Kode wilayah tidak dikenal' \"$W/body\""
check "create refused: name taken" "[ $(postf admin /pengguna -d username=rina -d nama=X -d peran=kader -d posyandu=$POS) = 422 ] && grep -q 'sudah dipakai' \"$W/body\""

login rina "$OTP"
check "first login: sent to /akun" "[ $(get rina /dasbor) = 303 ] && [ $(get rina /posyandu/$POS) = 303 ]"
check "first login: /akun asks to change" "[ $(get rina /akun) = 200 ] && grep -q 'sandi-sementara' \"$W/body\""
check "first login: the API too" "[ $(get rina /api/v1/laporan/skdn) = 303 ]"
check "last login recorded" "[ -n \"$(q "SELECT login_terakhir FROM pengguna WHERE username = 'rina'")\" ]"
check "change the one-time password" "[ $(postf rina /akun/sandi --data-urlencode "sandi_lama=$OTP" -d sandi_baru=kuda-lari-cepat-77 -d sandi_ulang=kuda-lari-cepat-77) = 200 ]"
check "after the change: must-change cleared" "[ $(q "SELECT sandi_sementara FROM pengguna WHERE username = 'rina'") = 0 ]"
login rina kuda-lari-cepat-77
check "after the change: the posyandu day opens" "[ $(get rina /posyandu/$POS) = 200 ]"

# --- reset, deactivate ---
RID=$(q "SELECT id FROM pengguna WHERE username = 'rina'")
check "reset: 200 with a one-time password" "[ $(postf admin /pengguna/$RID/reset) = 200 ] && [ -n \"\$(otp)\" ]"
OTP2=$(otp)
check "reset: must change again, audited" "[ $(q "SELECT sandi_sementara FROM pengguna WHERE username = 'rina'") = 1 ] && [ $(q "SELECT count(*) FROM audit_log WHERE baris = '$RID' AND sesudah LIKE '%direset%'") = 1 ]"
check "reset: the old session ended" "[ $(get rina /akun) = 303 ]"
login rina kuda-lari-cepat-77
check "reset: the old password no longer works" "[ $(get rina /akun) = 303 ]"
login rina "$OTP2"
check "reset: the new one-time password logs in, to /akun" "[ $(get rina /akun) = 200 ] && [ $(get rina /dasbor) = 303 ]"
check "deactivate: 303" "[ $(postf admin /pengguna/$RID/aktif -d aktif=0) = 303 ]"
check "deactivate: the session ends" "[ $(get rina /akun) = 303 ] && grep -qi 'location: /masuk' \"$W/head\" || curl -s -b \"$W/rina.jar\" -o /dev/null -D - \"$B/akun\" | grep -qi 'location: /masuk'"
check "deactivate: audited" "[ $(q "SELECT count(*) FROM audit_log WHERE baris = '$RID' AND sesudah = '{\"aktif\":0}'") = 1 ]"
check "reactivate" "[ $(postf admin /pengguna/$RID/aktif -d aktif=1) = 303 ] && [ $(q "SELECT aktif FROM pengguna WHERE id = $RID") = 1 ]"
check "aktif must be 0 or 1" "[ $(postf admin /pengguna/$RID/aktif -d aktif=2) = 400 ]"
check "unknown user: 404" "[ $(postf admin /pengguna/999999/reset) = 404 ]"

# --- delegation to tpps_kec ---
check "tpps_kec creates a cadre of the kecamatan" "[ $(postf tpps.kec /pengguna -d username=dewi -d nama=Dewi -d peran=kader -d posyandu=$POS) = 201 ]"
check "tpps_kec: not a cadre of another kecamatan" "[ $(postf tpps.kec /pengguna -d username=xx2 -d nama=X -d peran=kader -d posyandu=$POS2) = 422 ] && grep -q 'di luar wilayah kerja' \"$W/body\""
check "tpps_kec: no role above their level" "[ $(postf tpps.kec /pengguna -d username=xx3 -d nama=X -d peran=admin_kab -d wilayah=$KAB) = 422 ] && grep -q 'di atas tingkat' \"$W/body\""
check "tpps_kec: the role list offers none above" "[ $(get tpps.kec /pengguna) = 200 ] && ! grep -q 'value=\"admin_kab\"' \"$W/body\" && grep -q 'value=\"kader\"' \"$W/body\""
AID=$(q "SELECT id FROM pengguna WHERE username = 'admin'")
check "tpps_kec: cannot reset the admin" "[ $(postf tpps.kec /pengguna/$AID/reset) = 403 ] && [ $(q "SELECT sandi_sementara FROM pengguna WHERE id = $AID") = 0 ]"
check "tpps_kec: cannot deactivate the admin" "[ $(postf tpps.kec /pengguna/$AID/aktif -d aktif=0) = 403 ] && [ $(q "SELECT aktif FROM pengguna WHERE id = $AID") = 1 ]"
check "tpps_kec: resets a cadre of the kecamatan" "[ $(postf tpps.kec /pengguna/$RID/reset) = 200 ]"
check "admin cannot deactivate themselves" "[ $(postf admin /pengguna/$AID/aktif -d aktif=0) = 403 ]"

# --- bulk ---
LIST="nama,username,telepon,peran,wilayah,posyandu
Ani Lestari,,0811,kader,,$POS
Budi Hartono,budi.h,,tpps_kec,$KEC,
Cici,rina,,kader,,$POS
Dodi,,,raja,$KEC,
Eka,,,kader,,999999
Fajar Kurnia,,,desa,$KEC,"
N0=$(q "SELECT count(*) FROM pengguna")
check "bulk dry run: 200" "[ $(postf admin /pengguna/impor --data-urlencode "daftar=$LIST") = 200 ]"
check "bulk dry run: nothing created" "[ $(q "SELECT count(*) FROM pengguna") = $N0 ]"
check "bulk dry run: 2 accepted, 4 refused" "grep -q '2 diterima, 4 ditolak' \"$W/body\""
check "bulk dry run: username made from the name" "grep -q '<td>ani.lestari</td>' \"$W/body\""
check "bulk: refused line 4 username taken" "grep -q '<tr><td>4</td><td>username</td><td>Nama pengguna sudah dipakai' \"$W/body\""
check "bulk: refused line 5 unknown role" "grep -q '<tr><td>5</td><td>peran</td><td>Peran tidak dikenal' \"$W/body\""
check "bulk: refused line 6 unknown posyandu" "grep -q '<tr><td>6</td><td>posyandu</td><td>Posyandu tidak ditemukan' \"$W/body\""
check "bulk: refused line 7 a desa role on a kecamatan code" "grep -q '<tr><td>7</td><td>wilayah</td><td>Peran ini memerlukan kode wilayah desa' \"$W/body\""
check "bulk create: 200" "[ $(postf admin /pengguna/impor --data-urlencode "daftar=$LIST" -d buat=1) = 200 ]"
check "bulk create: the 2 accepted created, must change" "[ $(q "SELECT count(*) FROM pengguna WHERE username IN ('ani.lestari', 'budi.h') AND sandi_sementara = 1") = 2 ] && [ $(q "SELECT count(*) FROM pengguna") = $((N0 + 2)) ]"
check "bulk create: printable sheet with the passwords" "[ \$(grep -Eo '<code>[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}</code>' \"$W/body\" | wc -l) = 2 ] && grep -q 'class=\"cetak\"' \"$W/body\""
PWA=$(grep -o '<td>ani.lestari</td>.*' "$W/body" | sed 's/^<td>ani.lestari<\/td><td>[^<]*<\/td><td>[^<]*<\/td><td><code>\([^<]*\)<.*/\1/')
login ani.lestari "$PWA"
check "bulk create: the sheet's password logs in, to /akun" "[ $(get ani.lestari /akun) = 200 ] && grep -q 'sandi-sementara' \"$W/body\""
check "bulk: tpps_kec refused a kecamatan of another" "[ $(postf tpps.kec /pengguna/impor --data-urlencode "daftar=nama,peran,wilayah
Gita,tpps_kec,$KEC2") = 200 ] && grep -q '0 diterima, 1 ditolak' \"$W/body\""
printf 'nama;peran;posyandu\nHana Putri;kader;%s\n' "$POS" > "$W/daftar.csv"
berkas() { curl -s -b "$W/admin.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/admin.csrf")" -H 'Content-Type: text/csv' --data-binary "@$W/daftar.csv" "$B/pengguna/impor$1"; }
check "bulk from a CSV file body (';'): dry run" "[ $(berkas '') = 200 ] && grep -q '1 diterima, 0 ditolak' \"$W/body\" && [ $(q "SELECT count(*) FROM pengguna WHERE username = 'hana.putri'") = 0 ]"
check "bulk from a CSV file body: ?buat=1 creates" "[ $(berkas '?buat=1') = 200 ] && [ $(q "SELECT count(*) FROM pengguna WHERE username = 'hana.putri'") = 1 ]"
# an XLSX list (Excel keeps the posyandu as a number)
cat > "$W/mk.c" <<'C'
#include <stdlib.h>
#include <xlsxwriter.h>
int main(int argc, char **argv)
{
    lxw_workbook *wb = workbook_new(argv[1]);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Pengguna");
    const char *hdr[] = {"Nama", "Peran", "Posyandu", "Telepon"};
    for (int c = 0; c < 4; c++)
        worksheet_write_string(ws, 0, (lxw_col_t)c, hdr[c], NULL);
    worksheet_write_string(ws, 1, 0, "Intan Permata", NULL);
    worksheet_write_string(ws, 1, 1, "kader", NULL);
    worksheet_write_number(ws, 1, 2, atof(argv[2]), NULL);
    worksheet_write_string(ws, 1, 3, "08199", NULL);
    worksheet_write_string(ws, 2, 0, "Joko", NULL);
    worksheet_write_string(ws, 2, 1, "opd", NULL);
    return workbook_close(wb) != LXW_NO_ERROR;
}
C
cc -std=c11 -o "$W/mk" "$W/mk.c" $(pkg-config --cflags --libs xlsxwriter) && "$W/mk" "$W/daftar.xlsx" "$POS"
xlsx() { curl -s -b "$W/admin.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/admin.csrf")" -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary "@$W/daftar.xlsx" "$B/pengguna/impor$1"; }
check "bulk from an XLSX file: 1 accepted, 1 refused (line 3, wilayah)" "[ $(xlsx '') = 200 ] && grep -q '1 diterima, 1 ditolak' \"$W/body\" && grep -q '<tr><td>3</td><td>wilayah</td>' \"$W/body\""
check "bulk from an XLSX file: created with its posyandu and phone" "[ $(xlsx '?buat=1') = 200 ] && [ \"$(q "SELECT posyandu_id, telepon FROM pengguna WHERE username = 'intan.permata'")\" = \"$POS|08199\" ]"
check "bulk: the password sheet as PDF" "[ $(postf admin /pengguna/impor --data-urlencode 'daftar=nama,peran,posyandu
Kartika Sari,kader,'$POS -d buat=1 -d format=pdf) = 200 ] && head -c 5 \"$W/body\" | grep -q '%PDF-' && grep -qi 'content-disposition: attachment; filename=\"kata-sandi-pengguna-baru.pdf\"' \"$W/head\" && [ $(q "SELECT sandi_sementara FROM pengguna WHERE username = 'kartika.sari'") = 1 ]"
check "bulk: a list without the nama column: 422" "[ $(postf admin /pengguna/impor --data-urlencode 'daftar=foo,bar
1,2') = 422 ]"

# --- audit page ---
q "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
   INSERT INTO audit_log (pengguna_id, aksi, tabel, baris) SELECT $AID, 'ubah', 'uji', i FROM n"
check "audit: admin 200" "[ $(get admin /audit) = 200 ] && grep -q '<table id=\"audit\"' \"$W/body\""
check "audit: kader 403" "[ $(get kader /audit) = 403 ]"
check "audit: filter by user and action" "[ $(get admin '/audit?pengguna=tpps.kec&aksi=tambah') = 200 ] && grep -q '<td>tpps.kec</td><td>[0-9.]*</td><td>tambah</td>' \"$W/body\" && ! grep -q '<td>admin</td>' \"$W/body\" && ! grep -q '<td>masuk</td>' \"$W/body\""
TODAY=$(date -u +%Y-%m-%d)
check "audit: a date range in the past is empty" "[ $(get admin '/audit?dari=2000-01-01&sampai=2000-01-31') = 200 ] && grep -q '>0 baris' \"$W/body\""
check "audit: today's range has rows" "[ $(get admin "/audit?dari=$TODAY&sampai=$TODAY") = 200 ] && ! grep -q '>0 baris' \"$W/body\""
check "audit: bad filter 400" "[ $(get admin '/audit?aksi=curi') = 400 ] && [ $(get admin '/audit?dari=kemarin') = 400 ]"
check "audit: paged 50 a page" "[ $(get admin /audit) = 200 ] && [ \$(grep -o '<tr><td>20' \"$W/body\" | wc -l) = 50 ] && grep -q 'rel=\"next\"' \"$W/body\""
check "audit: page 2" "[ $(get admin '/audit?hal=2') = 200 ] && grep -q 'rel=\"prev\"' \"$W/body\""
check "audit: tpps_kec only their kecamatan's users" "[ $(get tpps.kec '/audit?aksi=tambah') = 200 ] && grep -q '<td>tpps.kec</td>' \"$W/body\" && ! grep -q '<td>admin</td>' \"$W/body\" && ! grep -q '(sistem)' \"$W/body\""
check "audit: tpps_kec another area 403" "[ $(get tpps.kec /audit?wilayah=$KEC2) = 403 ]"
check "audit CSV: header, filtered rows, attachment" "[ $(get admin '/audit.csv?pengguna=tpps.kec&aksi=tambah') = 200 ] && head -1 \"$W/body\" | grep -q '^id,waktu,pengguna' && [ \$(grep -c '\"tpps.kec\"' \"$W/body\") = $(q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'tpps.kec' AND a.aksi = 'tambah'") ] && [ $(q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'tpps.kec' AND a.aksi = 'tambah'") -ge 1 ]"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
