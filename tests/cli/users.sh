#!/bin/sh
# tests/cli/users.sh - `tumbuh user`: add (one-time password printed, or
# from a file), refusals (unknown role, area of the wrong level, unknown
# posyandu, a name taken), list, reset, disable, enable; every change in
# the audit log as the system user (pengguna_id NULL).
. tests/cli-lib.sh
export TUMBUH_FAST_HASH=1
DB="$W/u.db"
q() { sqlite3 "$DB" "$1"; }
$T --db "$DB" demo --size small --seed 3 --until 2026-11 > /dev/null 2>&1
KEC=$(q "SELECT kode FROM wilayah WHERE tingkat = 3 ORDER BY kode LIMIT 1")
POS=$(q "SELECT min(id) FROM posyandu")
audits() { q "SELECT count(*) FROM audit_log WHERE tabel = 'pengguna' AND pengguna_id IS NULL AND aksi = '$1' AND sesudah IS NOT NULL"; }

$T --db "$DB" user add --username budi.kec --nama 'Budi Santoso' --peran tpps_kec --wilayah "$KEC" > "$W/add.out" 2>&1
check "add: exit 0" "[ $? -eq 0 ]"
OTP=$(sed -n 's/^Kata sandi sekali pakai: //p' "$W/add.out")
check "add: one-time password printed" "echo '$OTP' | grep -Eq '^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$'"
check "add: stored as argon2id, must change at first login" "[ \"$(q "SELECT hash LIKE '\$argon2id\$%', sandi_sementara, aktif FROM pengguna WHERE username = 'budi.kec'")\" = '1|1|1' ]"
check "add: clear password not stored" "[ $(q "SELECT count(*) FROM pengguna WHERE hash LIKE '%$OTP%'") = 0 ]"
check "add: audited as the system" "[ $(audits tambah) = 1 ]"

$T --db "$DB" user add --username siti --nama Siti --peran kader --posyandu "$POS" --telepon 0812 > /dev/null 2>&1
check "add a cadre: the posyandu's desa becomes the area" "[ \"$(q "SELECT u.wilayah = p.desa, u.posyandu_id, u.telepon FROM pengguna u JOIN posyandu p ON p.id = u.posyandu_id WHERE username = 'siti'")\" = \"1|$POS|0812\" ]"

printf 'kata-sandi-panjang-sekali\n' > "$W/pw"
$T --db "$DB" user add --username admin2 --nama 'Admin Dua' --peran admin_kab --wilayah 35.99 --password-file "$W/pw" > "$W/add2.out" 2>&1
check "add with --password-file: no one-time password" "! grep -q 'sekali pakai' \"$W/add2.out\" && [ $(q "SELECT sandi_sementara FROM pengguna WHERE username = 'admin2'") = 0 ]"

refused() { # refused WHY ARGS...: exit 1, the reason on stderr, nothing stored
  why=$1
  shift
  n=$(q "SELECT count(*) FROM pengguna")
  $T --db "$DB" user add "$@" > /dev/null 2> "$W/err"
  [ $? -eq 1 ] && grep -q "$why" "$W/err" && [ "$(q "SELECT count(*) FROM pengguna")" = "$n" ]
}
check "refused: unknown role" "refused 'Peran tidak dikenal' --username xx1 --nama X --peran raja --wilayah 35.99"
check "refused: kecamatan role on a desa code" "refused 'wilayah kecamatan' --username xx2 --nama X --peran tpps_kec --wilayah 35.99"
check "refused: unknown wilayah" "refused 'tidak dikenal' --username xx3 --nama X --peran tpps_kec --wilayah 35.99.77"
check "refused: cadre without a known posyandu" "refused 'Posyandu tidak ditemukan' --username xx4 --nama X --peran kader --posyandu 99999"
check "refused: name taken" "refused 'sudah dipakai' --username budi.kec --nama X --peran tpps_kec --wilayah $KEC"
check "refused: bad username" "refused 'Nama pengguna' --username 'A B' --nama X --peran tpps_kec --wilayah $KEC"
$T --db "$DB" user add --username xx5 > /dev/null 2>&1
check "usage error: exit 2" "[ $? -eq 2 ]"

$T --db "$DB" user list > "$W/list" 2>&1
check "list: header and every user" "head -1 \"$W/list\" | grep -q '^username' && [ $(($(wc -l < "$W/list") - 1)) = $(q 'SELECT count(*) FROM pengguna') ]"
check "list: role, area, posyandu, status, last login" "grep -q \"^siti	Siti	kader	.*	aktif	-$\" \"$W/list\""

q "UPDATE pengguna SET sandi_sementara = 0 WHERE username = 'budi.kec'"
H0=$(q "SELECT hash FROM pengguna WHERE username = 'budi.kec'")
$T --db "$DB" user reset budi.kec > "$W/reset.out" 2>&1
check "reset: a new one-time password printed" "grep -Eq 'budi.kec: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$' \"$W/reset.out\""
check "reset: new hash, must change" "[ \"$(q "SELECT hash != '$H0', sandi_sementara FROM pengguna WHERE username = 'budi.kec'")\" = '1|1' ]"
check "reset: audited" "[ $(q "SELECT count(*) FROM audit_log WHERE pengguna_id IS NULL AND sesudah LIKE '%direset%'") = 1 ]"
$T --db "$DB" user reset nobody > /dev/null 2> "$W/err"
check "reset: unknown user, exit 1" "[ $? -eq 1 ] && grep -q 'tidak ditemukan' \"$W/err\""

$T --db "$DB" user disable budi.kec > /dev/null 2>&1
check "disable" "[ $(q "SELECT aktif FROM pengguna WHERE username = 'budi.kec'") = 0 ]"
$T --db "$DB" user list | grep -q '^budi.kec	.*nonaktif'
check "list shows nonaktif" "[ $? -eq 0 ]"
$T --db "$DB" user enable budi.kec > /dev/null 2>&1
check "enable" "[ $(q "SELECT aktif FROM pengguna WHERE username = 'budi.kec'") = 1 ]"
check "disable and enable audited" "[ $(q "SELECT count(*) FROM audit_log WHERE pengguna_id IS NULL AND sesudah IN ('{\"aktif\":0}', '{\"aktif\":1}')") = 2 ]"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
