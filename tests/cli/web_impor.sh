#!/bin/sh
# tests/cli/web_impor.sh - importing files from the web (/impor): the upload
# streamed to disk (CSRF checked before the body, size limit, the server's
# memory under a 50 MB upload), the dry run whose counts and rejects equal
# `tumbuh import --dry-run` and store nothing, the import in the background
# with its counts, rejects download and audit record, a second import that
# changes nothing, one import at a time, a server killed mid-import leaving
# the database as it was, and the roles that may not import.
export TUMBUH_UPLOAD_MAX_MB=60
. tests/cli-lib.sh
. tests/web-lib.sh
D=tests/data/import
q() { sqlite3 "$DB" "$1"; }
# the data an import writes, as text: equal before and after = nothing stored
data() { sqlite3 "$1" ".dump wilayah posyandu individu anak pengukuran" | sha256sum | cut -d' ' -f1; }
# up USER KIND FILE [CURL ARGS]: uploads FILE as the body ($QS appended to
# the query); prints the status
up() {
  u=$1 k=$2 f=$3
  shift 3
  curl -s -b "$W/$u.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/$u.csrf")" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$f" "$@" \
    "$B/impor/unggah?jenis=$k&nama=$(basename "$f")${QS:-}"
}
postf() { curl -s -b "$W/$1.jar" -o "$W/body" -w '%{http_code}' -d "csrf=$(cat "$W/$1.csrf")" "$B$2"; }
# wait_for STAGE: polls /impor/status until its stage is STAGE (at most 60 s); the JSON in $W/st
wait_for() {
  for i in $(seq 1 300); do
    curl -s -b "$W/admin.jar" -o "$W/st" "$B/impor/status"
    grep -q "\"tahap\":\"$1\"" "$W/st" && return 0
    sleep 0.2
  done
  echo "stage $1 not reached: $(cat "$W/st")" >&2
  return 1
}
# js NAME: a number of the status JSON
js() { sed -n "s/.*\"$1\":\\([0-9-]*\\).*/\\1/p" "$W/st"; }
# the summary line's counts as the status JSON names them
cli_counts() {
  printf '%s\n' "$1" | tr ' ' '\n' | sed -n 's/^read=/dibaca=/p; s/^imported=/diimpor=/p;
    s/^updated=/diperbarui=/p; s/^rejected=/ditolak=/p; s/^children_new=/anak_baru=/p' | tr '\n' ' '
}
web_counts() {
  for k in dibaca diimpor diperbarui ditolak anak_baru; do
    v=$(js $k)
    [ -z "$v" ] || printf '%s=%s ' $k "$v"
  done
}
files_left() { find "$DB.impor" -type f 2>/dev/null | grep -v 'tolak.csv' | wc -l; }

login admin
login gizi.puskesmas

# --- who may import, CSRF ---
check "gizi_puskesmas: page 403" "[ $(get gizi.puskesmas /impor) = 403 ] && grep -q 'Hanya admin kabupaten' \"$W/body\""
check "gizi_puskesmas: upload 403, nothing kept" "[ $(up gizi.puskesmas eppgbm $D/eppgbm.csv) = 403 ] && [ $(files_left) = 0 ]"
check "gizi_puskesmas: status 403" "[ $(get gizi.puskesmas /impor/status) = 403 ]"
got=$(curl -s -b "$W/admin.jar" -o "$W/body" -w '%{http_code}' -H 'Content-Type: application/octet-stream' \
  --data-binary "@$D/eppgbm.csv" "$B/impor/unggah?jenis=eppgbm&nama=x.csv")
check "no CSRF token: 403 ($got), nothing kept, no import" "[ $got = 403 ] && grep -q CSRF \"$W/body\" && [ $(files_left) = 0 ] && wait_for kosong"
check "menu: no Impor for gizi_puskesmas" "[ \$(get gizi.puskesmas /akun) = 200 ] && ! grep -q 'href=\"/impor\"' \"$W/body\""
check "menu: Impor for the admin" "[ \$(get admin /akun) = 200 ] && grep -q 'href=\"/impor\">Impor' \"$W/body\""
check "page: the form, a link to the users' import" "[ $(get admin /impor) = 200 ] && grep -q 'id=\"impor-form\"' \"$W/body\" && grep -q 'href=\"/pengguna\"' \"$W/body\""
check "a multipart form instead of the file: 415, nothing kept" "[ \$(curl -s -b '$W/admin.jar' -o '$W/body' -w '%{http_code}' -H \"X-CSRF-Token: \$(cat '$W/admin.csrf')\" -F 'berkas=@$D/eppgbm.csv' '$B/impor/unggah?jenis=eppgbm') = 415 ] && grep -q multipart '$W/body' && [ \$(files_left) = 0 ]"
check "rejects before any import: 404" "[ \$(get admin /impor/tolak.csv) = 404 ]"
check "unknown kind: 422" "[ $(up admin orang $D/eppgbm.csv) = 422 ] && [ $(files_left) = 0 ]"

# --- wilayah: dry run, then import ---
# Kabupaten Malang (35.07) as a district the national list does not carry
# yet (every new database has the list): the file's codes are new ones.
sqlite3 "$DB" "DELETE FROM wilayah WHERE kode LIKE '35.07%'"
sqlite3 "$DB" ".backup '$W/cli.db'"
cli=$($T --db "$W/cli.db" import wilayah "$D/wilayah.csv" --rejects "$W/cli.rej" --dry-run 2>/dev/null)
before=$(data "$DB")
check "wilayah upload: 303 to the page" "[ $(up admin wilayah $D/wilayah.csv) = 303 ]"
check "wilayah dry run done" "wait_for diperiksa"
check "wilayah dry run: counts of the CLI's dry run ($cli)" "[ \"$(web_counts)\" = \"$(cli_counts "$cli")\" ]"
# updated: 35 (the list's "Jawa Timur" written "JAWA TIMUR") and the demo's desa 35.99.01.2001 renamed
check "wilayah dry run: 10 read, 6 new, 2 renamed, 2 refused" "[ \"$(web_counts)\" = 'dibaca=10 diimpor=6 diperbarui=2 ditolak=2 ' ]"
check "wilayah dry run stored nothing" "[ $(data "$DB") = $before ]"
check "start the import: 303" "[ $(postf admin /impor/mulai) = 303 ]"
check "wilayah import done" "wait_for selesai && [ \"\$(js persen)\" = 100 ]"
check "wilayah: 6 codes added" "[ $(q "SELECT count(*) FROM wilayah WHERE kode LIKE '35.07%'") = 6 ]"

# --- e-PPGBM with bad rows ---
sqlite3 "$DB" ".backup '$W/cli.db'"
cli=$($T --db "$W/cli.db" import eppgbm "$D/eppgbm.csv" --rejects "$W/cli.rej" --dry-run 2>/dev/null)
before=$(data "$DB")
n0=$(q "SELECT count(*) FROM pengukuran")
check "eppgbm upload: 303" "[ $(up admin eppgbm $D/eppgbm.csv) = 303 ]"
check "eppgbm dry run done" "wait_for diperiksa"
check "eppgbm dry run: counts of the CLI's dry run ($cli)" "[ \"$(web_counts)\" = \"$(cli_counts "$cli")\" ]"
check "eppgbm dry run: 17 read, 11 would import, 6 refused, 7 new children, 1 NIK unusable" \
  "[ \"$(web_counts)$(js nik_belum_valid)\" = 'dibaca=17 diimpor=11 diperbarui=0 ditolak=6 anak_baru=7 1' ] && grep -q '\"uji_coba\":true' \"$W/st\""
check "eppgbm dry run stored nothing" "[ $(data "$DB") = $before ]"
check "dry run page: counts and the first refused rows in Indonesian" \
  "[ $(get admin /impor) = 200 ] && grep -q 'Akan ditolak' \"$W/body\" && grep -q \"tanggal &#39;2099-01-10&#39; di masa depan\\|tanggal '2099-01-10' di masa depan\" \"$W/body\" && grep -q 'Impor sekarang' \"$W/body\""
check "dry run rejects: the CLI's rejects file" "[ $(get admin /impor/tolak.csv) = 200 ] && cmp -s \"$W/body\" \"$W/cli.rej\""
check "start the import: 303" "[ $(postf admin /impor/mulai) = 303 ]"
check "eppgbm import done" "wait_for selesai"
real=$($T --db "$W/cli.db" import eppgbm "$D/eppgbm.csv" --rejects "$W/cli.rej" 2>/dev/null)
check "eppgbm import: counts of the CLI's import ($real)" "[ \"$(web_counts)\" = \"$(cli_counts "$real")\" ] && grep -q '\"uji_coba\":false' \"$W/st\""
check "eppgbm import: 11 measurements stored" "[ $(q "SELECT count(*) FROM pengukuran") = $((n0 + 11)) ]"
check "eppgbm import: same data as the CLI's import" "[ $(data "$DB") = $(data "$W/cli.db") ]"
check "rejects download after the import" "[ $(get admin /impor/tolak.csv) = 200 ] && cmp -s \"$W/body\" \"$W/cli.rej\" && grep -q 'baris,kolom,alasan' \"$W/body\""
check "audited: who, which file, counts" "[ $(q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'admin' AND a.aksi = 'impor' AND a.sesudah LIKE '%\"berkas\":\"eppgbm.csv\"%' AND a.sesudah LIKE '%\"diimpor\":11%' AND a.sesudah LIKE '%\"ditolak\":6%'") = 1 ]"
check "the uploaded file is removed after the import" "[ $(files_left) = 0 ]"
after=$(data "$DB")
up admin eppgbm $D/eppgbm.csv > /dev/null
wait_for diperiksa
postf admin /impor/mulai > /dev/null
check "second import of the same file: done" "wait_for selesai && [ \"\$(js diimpor) \$(js anak_cocok)\" = '0 7' ]"
check "second import changed nothing" "[ $(data "$DB") = $after ]"

# --- XLSX: the sheet named ---
cc -std=c11 -o "$W/mkxlsx" "$D/mkxlsx.c" $(pkg-config --cflags --libs xlsxwriter) && "$W/mkxlsx" "$W/e.xlsx"
sqlite3 "$DB" ".backup '$W/cli.db'"
cli=$($T --db "$W/cli.db" import eppgbm "$W/e.xlsx" --sheet Data --rejects "$W/cli.rej" --dry-run 2>/dev/null)
QS='&lembar=Data'
check "xlsx upload with lembar=Data: 303" "[ \$(up admin eppgbm '$W/e.xlsx') = 303 ]"
QS=
check "xlsx dry run: counts of the CLI's (--sheet Data: $cli)" "wait_for diperiksa && [ \"\$(web_counts)\" = \"\$(cli_counts \"$cli\")\" ] && [ \$(js dibaca) = 5 ]"
check "xlsx: cancel drops the file" "[ \$(postf admin /impor/batal) = 303 ] && wait_for kosong && [ \$(files_left) = 0 ]"

# --- size limit, streaming ---
head -c $((61 * 1048576)) /dev/zero > "$W/big.csv"
check "over the limit (Content-Length): 413 with the limit named, nothing kept" \
  "[ $(up admin eppgbm "$W/big.csv") = 413 ] && grep -q 'paling besar 60 MB' \"$W/body\" && [ $(files_left) = 0 ]"
check "over the limit (chunked, no length): 413, nothing kept" \
  "[ $(up admin eppgbm "$W/big.csv" -H 'Transfer-Encoding: chunked') = 413 ] && grep -q 'paling besar 60 MB' \"$W/body\" && [ $(files_left) = 0 ]"
rm -f "$W/big.csv"
{ echo 'bukan,judul'; head -c $((50 * 1048576)) /dev/zero | tr '\0' 'x' | fold -w 99; } > "$W/lima-puluh.csv"
hwm() { sed -n 's/^VmHWM:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$SERVER/status"; }
h0=$(hwm)
check "50 MB upload accepted" "[ $(up admin eppgbm "$W/lima-puluh.csv") = 303 ]"
h1=$(hwm)
echo "web_impor: server VmHWM before ${h0} kB, after a 50 MB upload ${h1} kB" >&2
check "50 MB upload streamed: peak memory grew by less than 20 MB (${h0} -> ${h1} kB)" "[ $((h1 - h0)) -lt 20480 ]"
check "50 MB file: the dry run fails on its header, in Indonesian" "wait_for gagal && grep -q 'lima-puluh.csv: ' \"\$W/st\" && ! grep -q 'impor/berkas' \"\$W/st\""
check "failed dry run: the file is removed" "[ $(files_left) = 0 ]"
rm -f "$W/lima-puluh.csv"

# --- one at a time; a server killed mid-import ---
sed 's/2024-0/2025-0/; s/,2024-01-20,/,2025-01-20,/' "$D/eppgbm.csv" > "$W/baru.csv"
export TUMBUH_IMPOR_JEDA_MS=1500
restart_server
unset TUMBUH_IMPOR_JEDA_MS
before=$(data "$DB")
check "slow dry run started" "[ $(up admin eppgbm "$W/baru.csv") = 303 ] && wait_for memeriksa"
check "a second upload meanwhile: 409, says who is importing" "[ $(up admin eppgbm $D/eppgbm.csv) = 409 ] && grep -q 'Impor lain sedang berjalan' \"$W/body\" && grep -q 'baru.csv' \"$W/body\""
check "rejects while the dry run runs: 409" "[ \$(get admin /impor/tolak.csv) = 409 ]"
check "start while the dry run runs: 409" "[ $(postf admin /impor/mulai) = 409 ]"
check "slow dry run done" "wait_for diperiksa && [ \"\$(js diimpor)\" -gt 0 ] || { cat \"\$W/st\" >&2; false; }"
check "slow import started" "[ $(postf admin /impor/mulai) = 303 ] && wait_for mengimpor"
sleep 0.5
kill -9 $SERVER
wait $SERVER 2>/dev/null
check "killed mid-import: the database is as before" "[ $(data "$DB") = $before ] && [ $(sqlite3 "$DB" 'PRAGMA integrity_check') = ok ]"
mkdir -p "$DB.impor" && echo x > "$DB.impor/unggah-AbC123"
start_server
check "restarted: no import, the stale upload removed" "wait_for kosong && [ \$(files_left) = 0 ]"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
