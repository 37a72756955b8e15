#!/bin/sh
# tests/cli/init.sh - `tumbuh init --kabupaten CODE`: the national code list
# loaded and checked (count per level; a tampered copy refused with nothing
# stored; a missing one named), a real district recorded with its first
# administrator (password from a file, or generated and printed once), the
# refusals (not a kabupaten, a database already in use), a later version of
# the list (dropped codes kept and marked, renamed ones renamed), and the demo
# district (35.99) kept beside the list. Prints "N passed, N failed".
set -u
. tests/cli-lib.sh
WL=${WILAYAH_DIR:-../shared/wilayah}
export TUMBUH_WILAYAH="$WL" TUMBUH_FAST_HASH=1
DB="$W/k.db"
q() { sqlite3 "$DB" "$1"; }

# 1. init of Kabupaten Malang with the password from a file
printf 'sandi-admin-malang\n' >"$W/pw"
out=$("$T" --db "$DB" init --kabupaten 35.07 --password-file "$W/pw" 2>"$W/err")
check "init: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
check "init: names the district ($out)" "printf '%s' \"\$out\" | grep -q '^Kabupaten Malang disiapkan di .*: 33 kecamatan, 390 desa/kelurahan'"
check "init: the password from the file is not printed" "! printf '%s' \"\$out\" | grep -q 'sandi-admin-malang'"
check "list: 38 provinsi, 514 kabupaten/kota, 7285 kecamatan, 83762 desa" \
  "[ \"\$(q 'SELECT group_concat(n) FROM (SELECT count(*) n FROM wilayah w JOIN wilayah_daftar_kode d USING (kode) WHERE d.di_daftar = 1 GROUP BY w.tingkat ORDER BY w.tingkat)')\" = '38,514,7285,83762' ]"
check "list: its version recorded with its checksum" \
  "[ \"\$(q 'SELECT versi, baris FROM wilayah_daftar')\" = 'kode-wilayah-2025|91599' ]"
check "list: a desa with its parent" "[ \"\$(q \"SELECT induk || '|' || nama FROM wilayah WHERE kode = '35.07.05.2012'\")\" = '35.07.05|Jambangan' ]"
check "init: the district recorded" "[ \"\$(q \"SELECT nilai FROM pengaturan WHERE kunci = 'kabupaten'\")\" = 35.07 ]"
check "init: admin_kab over 35.07" "[ \"\$(q 'SELECT username, peran, wilayah FROM pengguna')\" = 'admin|admin_kab|35.07' ]"
check "init: password hashed with argon2id" "q 'SELECT hash FROM pengguna' | grep -q '^\$argon2id\\$'"
check "init: audited" "[ \$(q \"SELECT count(*) FROM audit_log WHERE tabel IN ('pengguna', 'pengaturan', 'wilayah_daftar')\") -eq 3 ]"

# 2. refusals: a database in use, a code that is not a kabupaten/kota
"$T" --db "$DB" init --kabupaten 35.08 --password-file "$W/pw" >/dev/null 2>"$W/err"
check "again: refused (exit 1)" "[ $? -eq 1 ] && grep -q 'sudah dipakai (kabupaten 35.07, 1 pengguna)' '$W/err'"
check "again: nothing changed" "[ \"\$(q \"SELECT count(*) FROM pengguna\") \$(q \"SELECT nilai FROM pengaturan\")\" = '1 35.07' ]"
for code in 35.07.01 35 99.99 abc; do
  "$T" --db "$W/c$code.db" init --kabupaten "$code" --password-file "$W/pw" >/dev/null 2>"$W/err"
  check "init $code: refused" "[ $? -eq 1 ] && grep -q \"'$code' bukan kode kabupaten/kota\" '$W/err'"
  check "init $code: no user" "[ \$(sqlite3 '$W/c$code.db' 'SELECT count(*) FROM pengguna') -eq 0 ]"
done
printf 'pendek\n' >"$W/short"
"$T" --db "$W/s.db" init --kabupaten 35.07 --password-file "$W/short" >/dev/null 2>"$W/err"
check "short password: refused" "[ $? -eq 1 ] && grep -q 'minimal 10 karakter' '$W/err'"

# 3. no terminal, no file: a password generated and printed once
out=$("$T" --db "$W/g.db" init --kabupaten 11.08 --admin kepala </dev/null 2>"$W/err")
check "generated: exit 0 ($(cat "$W/err"))" "[ $? -eq 0 ]"
pw=$(printf '%s\n' "$out" | sed -n 's/^Kata sandi (dicetak sekali ini saja, simpan): //p')
check "generated: 16 characters printed ($pw)" "[ \${#pw} -eq 16 ]"
check "generated: Aceh Utara, 852 desa" "printf '%s' \"\$out\" | grep -q 'Kabupaten Aceh Utara .*27 kecamatan, 852 desa'"
check "generated: user kepala" "[ \"\$(sqlite3 '$W/g.db' 'SELECT username FROM pengguna')\" = kepala ]"

# 4. a tampered copy is refused before any row is stored; a missing one is named
mkdir -p "$W/bad"
cp "$WL/SHA256SUMS" "$W/bad/"
sed 's/^35.07,Kabupaten Malang/35.07,Kabupaten Malank/' "$WL/kode-wilayah-2025.csv" >"$W/bad/kode-wilayah-2025.csv"
TUMBUH_WILAYAH="$W/bad" "$T" --db "$W/t.db" init --kabupaten 35.07 --password-file "$W/pw" >/dev/null 2>"$W/err"
check "tampered: refused (exit 1)" "[ $? -eq 1 ]"
check "tampered: says the checksum differs" "grep -q 'kode-wilayah-2025.csv tidak sama dengan SHA256SUMS' '$W/err'"
check "tampered: no database file left" "[ ! -e '$W/t.db' ] && [ ! -e '$W/t.db-wal' ]"
TUMBUH_WILAYAH="$W/none" "$T" --db "$W/n.db" init --kabupaten 35.07 --password-file "$W/pw" >/dev/null 2>"$W/err"
check "missing list: refused, says how to point to it" "[ $? -eq 1 ] && grep -q 'TUMBUH_WILAYAH' '$W/err'"

# 5. a later list: a dropped code kept (marked), a renamed one renamed, data kept
mkdir -p "$W/v2"
grep -v '^35.07.05.2012,' "$WL/kode-wilayah-2025.csv" | sed 's/^35.07.05.2001,Sukodono\r/35.07.05.2001,Sukodono Baru\r/' >"$W/v2/kode-wilayah-2026.csv"
(cd "$W/v2" && sha256sum kode-wilayah-2026.csv >SHA256SUMS)
q "INSERT INTO posyandu (nama, desa) VALUES ('Posyandu Lama', '35.07.05.2012')"
out=$("$T" --db "$DB" import daftar-wilayah "$W/v2" 2>"$W/err")
check "v2: loaded ($out $(cat "$W/err"))" "[ '$out' = 'wilayah=91598' ]"
check "v2: dropped code kept, not in the list" "[ \"\$(q \"SELECT di_daftar || daftar FROM wilayah_daftar_kode WHERE kode = '35.07.05.2012'\")\" = 0kode-wilayah-2025 ]"
check "v2: its posyandu kept" "[ \$(q \"SELECT count(*) FROM posyandu WHERE desa = '35.07.05.2012'\") -eq 1 ]"
check "v2: renamed" "[ \"\$(q \"SELECT nama || di_daftar || daftar FROM wilayah JOIN wilayah_daftar_kode USING (kode) WHERE kode = '35.07.05.2001'\")\" = 'Sukodono Baru1kode-wilayah-2026' ]"
check "v2: counts of the current list" "[ \$(q 'SELECT count(*) FROM wilayah_daftar_kode WHERE di_daftar = 1') -eq 91598 ]"
out=$("$T" --db "$DB" import daftar-wilayah "$W/v2" 2>&1)
check "v2 again: nothing to load ($out)" "[ '$out' = 'wilayah=0' ]"

# 6. the demo district (35.99, not a real code) beside the list
DD="$W/demo.db"
"$T" --db "$DD" demo --size small --until 2025-06 >/dev/null 2>"$W/err"
check "demo: created ($(head -c 300 "$W/err"))" "[ $? -eq 0 ]"
before=$(sqlite3 "$DD" "SELECT count(*) FROM wilayah WHERE kode LIKE '35.99%'")
check "demo + list: the list came with the new database" "[ \$(sqlite3 '$DD' 'SELECT count(*) FROM wilayah_daftar_kode WHERE di_daftar = 1') -eq 91599 ]"
out=$("$T" --db "$DD" import daftar-wilayah "$WL" 2>"$W/err")
check "demo + list: nothing more to load ($out $(cat "$W/err"))" "[ '$out' = 'wilayah=0' ]"
check "demo + list: 35.99 kept, outside the list" \
  "[ \"\$(sqlite3 '$DD' \"SELECT count(*) FROM wilayah WHERE kode LIKE '35.99%' AND kode NOT IN (SELECT kode FROM wilayah_daftar_kode)\")\" = '$before' ]"
"$T" --db "$DD" report skdn --wilayah 35.99 --month 2025-06 --format csv >"$W/skdn.csv" 2>"$W/err"
check "demo + list: the demo's report still works ($(head -c 200 "$W/err"))" "[ $? -eq 0 ] && [ -s '$W/skdn.csv' ]"

"$T" --db "$DD" report skdn --wilayah 35.07 --month 2025-06 --format csv >/dev/null 2>"$W/err"
check "demo + list: a report of a real kabupaten outside the demo is refused ($(head -c 200 "$W/err"))" \
  "[ $? -ne 0 ] && grep -q 'wilayah 35.07 (Kabupaten Malang) ada di daftar kode wilayah nasional, tetapi di luar kabupaten' '$W/err'"
"$T" --db "$DB" report skdn --wilayah 35.07.01 --month 2025-06 --format csv >/dev/null 2>"$W/err"
check "init: a report of the district's kecamatan works ($(head -c 200 "$W/err"))" "[ $? -eq 0 ]"
"$T" --db "$DB" report skdn --wilayah 11.08 --month 2025-06 --format csv >/dev/null 2>"$W/err"
check "init: a report of another district is refused" "[ $? -ne 0 ] && grep -q 'di luar kabupaten' '$W/err'"

# 7. every command that creates a database loads the list into it, in the
# transaction of the schema; without the list none creates one, and an
# existing database keeps working.
head -n 1 tests/data/import/eppgbm.csv >"$W/kosong.csv"
for c in "user list" "import eppgbm $W/kosong.csv" "demo --size small --until 2025-06" \
  "serve --listen 127.0.0.1:9"; do
  n=$(printf '%s' "$c" | cut -d' ' -f1)
  rm -f "$W/c.db"
  TUMBUH_WILAYAH="$W/none" "$T" --db "$W/c.db" $c >/dev/null 2>"$W/err"
  check "$n without the list: refused ($(head -c 300 "$W/err"))" "[ $? -ne 0 ] && [ ! -e '$W/c.db' ]"
  check "$n without the list: names \$TUMBUH_WILAYAH and the README section" \
    "grep -q 'basis data baru tidak dibuat: .*TUMBUH_WILAYAH.*README, bagian \"Use it for real\"' '$W/err'"
  TUMBUH_WILAYAH="$W/bad" "$T" --db "$W/c.db" $c >/dev/null 2>"$W/err"
  check "$n with a tampered list: refused ($(head -c 300 "$W/err"))" "[ $? -ne 0 ] && [ ! -e '$W/c.db' ] && grep -q 'tidak sama dengan SHA256SUMS' '$W/err'"
done
for c in "user list" "import eppgbm $W/kosong.csv" "demo --size small --until 2025-06"; do
  n=$(printf '%s' "$c" | cut -d' ' -f1)
  rm -f "$W/c.db"
  "$T" --db "$W/c.db" $c >/dev/null 2>"$W/err"
  check "$n: the new database carries the list ($(head -c 300 "$W/err"))" \
    "[ \"\$(sqlite3 '$W/c.db' 'SELECT count(*) FROM wilayah_daftar_kode WHERE di_daftar = 1; SELECT count(*) FROM wilayah WHERE tingkat = 4 AND kode LIKE \"35.07.%\"')\" = '91599
390' ]"
done
TUMBUH_WILAYAH="$W/none" "$T" --db "$DD" user list >"$W/out" 2>"$W/err"
check "an existing database works without the list ($(head -c 200 "$W/err"))" "[ $? -eq 0 ] && grep -q '^admin' '$W/out'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
