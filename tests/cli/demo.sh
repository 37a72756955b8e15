#!/bin/sh
# tests/cli/demo.sh - `tumbuh demo`: the district it makes, determinism by
# seed, refusal on a non-empty database, one user per role.
. tests/cli-lib.sh
export TUMBUH_FAST_HASH=1
q() { sqlite3 "$1" "$2"; }

$T --db "$W/a.db" demo --size small --seed 7 --until 2026-10 > "$W/a.out" 2> "$W/a.err"
check "demo small exits 0" "[ $? -eq 0 ]"
check "2 kecamatan, 6 desa" "[ \"$(q "$W/a.db" "SELECT group_concat(n) FROM (SELECT count(*) n FROM wilayah WHERE kode = '35' OR kode LIKE '35.99%' GROUP BY tingkat ORDER BY tingkat)")\" = '1,1,2,6' ]"
check "beside the national list (91,599 codes, 35 named as the list names it)" "[ \"$(q "$W/a.db" "SELECT count(*) FROM wilayah_daftar_kode WHERE di_daftar = 1") $(q "$W/a.db" "SELECT nama FROM wilayah WHERE kode = '35'")\" = '91599 Jawa Timur' ]"
check "12 posyandu, each with a puskesmas" "[ \"$(q "$W/a.db" 'SELECT count(*) FROM posyandu WHERE puskesmas_id IS NOT NULL')\" = 12 ]"
check "one user per role" "[ \"$(q "$W/a.db" 'SELECT count(DISTINCT peran) FROM pengguna')\" = 8 ]"
check "passwords are argon2id hashes" "[ \"$(q "$W/a.db" "SELECT count(*) FROM pengguna WHERE hash LIKE '\$argon2id\$%'")\" = 8 ]"
check "passwords printed once, with user names" "grep -q '^  admin  *[a-z]*-[0-9][0-9][0-9][0-9] ' \"$W/a.out\" && grep -q '^  kader ' \"$W/a.out\""
check "no clear password stored" "! q \"$W/a.db\" 'SELECT hash FROM pengguna' | grep -q \"$(awk '/^  admin /{print $2}' "$W/a.out")\""
check "children with measurements" "[ $(q "$W/a.db" 'SELECT count(*) FROM anak') -gt 300 ] && [ $(q "$W/a.db" 'SELECT count(*) FROM pengukuran') -gt 3000 ]"
check "z-scores computed on write" "[ $(q "$W/a.db" 'SELECT count(*) FROM pengukuran WHERE z_tbu IS NULL AND tb IS NOT NULL AND umur_hari < 1826') -eq 0 ]"
check "N/T/O/B set on every weighing" "[ $(q "$W/a.db" 'SELECT count(*) FROM pengukuran WHERE bb IS NOT NULL AND naik IS NULL') -eq 0 ]"
check "24 months of data" "[ \"$(q "$W/a.db" "SELECT min(substr(tanggal,1,7)) || ' ' || max(substr(tanggal,1,7)) FROM pengukuran")\" = '2024-11 2026-10' ]"
check "some children without NIK (for matching)" "[ $(q "$W/a.db" "SELECT count(*) FROM individu WHERE peran = 'anak' AND nik IS NULL") -gt 0 ]"
check "pregnancies with ANC, catin, TPK visits" "[ $(q "$W/a.db" 'SELECT count(*) FROM kunjungan_anc') -gt 0 ] && [ $(q "$W/a.db" 'SELECT count(*) FROM catin') -gt 0 ] && [ $(q "$W/a.db" 'SELECT count(*) FROM tpk_kunjungan') -gt 0 ]"
check "actions in every state" "[ $(q "$W/a.db" 'SELECT count(DISTINCT status) FROM tindak_lanjut') -eq 4 ]"
check "minilok every month in every kecamatan" "[ $(q "$W/a.db" "SELECT count(*) FROM rapat WHERE jenis = 'minilok'") -eq 24 ]"
check "8 convergence actions for two years" "[ $(q "$W/a.db" 'SELECT count(*) FROM aksi_konvergensi') -eq 16 ]"
$T --db "$W/a.db" report prevalensi --wilayah 35.99 --month 2026-10 --format csv -o "$W/prev.csv"
check "stunting between 10% and 35%" "awk -F, '/^Jumlah/{exit !(\$6 > 10 && \$6 < 35)}' \"$W/prev.csv\""

$T --db "$W/b.db" demo --size small --seed 7 --until 2026-10 > /dev/null 2>&1
same() { [ "$(q "$W/a.db" "$1" | sha256sum)" = "$(q "$W/b.db" "$1" | sha256sum)" ]; }
check "same seed: same children" "same 'SELECT * FROM individu ORDER BY id'"
check "same seed: same measurements" "same 'SELECT * FROM pengukuran ORDER BY id'"
check "same seed: same families and meetings" "same 'SELECT * FROM keluarga ORDER BY id' && same 'SELECT * FROM tindak_lanjut ORDER BY id'"
check "same seed: same passwords" "[ \"$($T --db "$W/c.db" demo --size small --seed 7 --until 2026-10 | grep '^  admin ')\" = \"$(grep '^  admin ' "$W/a.out")\" ]"
$T --db "$W/d.db" demo --size small --seed 8 --until 2026-10 > /dev/null 2>&1
check "another seed: another district" "[ \"$(q "$W/a.db" 'SELECT * FROM pengukuran' | sha256sum)\" != \"$(q "$W/d.db" 'SELECT * FROM pengukuran' | sha256sum)\" ]"

before=$(q "$W/a.db" 'SELECT count(*) FROM pengukuran')
$T --db "$W/a.db" demo --size small --seed 9 > /dev/null 2> "$W/again.err"
check "refuses a non-empty database" "[ $? -ne 0 ] && grep -q 'sudah berisi data' \"$W/again.err\""
check "and changes nothing" "[ $(q "$W/a.db" 'SELECT count(*) FROM pengukuran') -eq $before ]"
$T --db "$W/e.db" demo --size huge > /dev/null 2> "$W/usage.err"
check "bad --size: usage, exit 2" "[ $? -eq 2 ] && grep -q pemakaian \"$W/usage.err\""

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
