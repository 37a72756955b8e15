#!/bin/sh
# tests/cli/cli_options.sh - the command line is as careful as the web: every
# option is checked, `tumbuh report` only reads (read-only, never creating a
# database) and refuses what is not in the database, `--help` of every command
# goes to stdout with exit 0, a failed demo leaves no file, and the messages
# are in Bahasa Indonesia.
. tests/cli-lib.sh
export TUMBUH_FAST_HASH=1
cd "$W" || exit 1
case "$T" in /*) ;; *) T="$OLDPWD/$T" ;; esac
unset TUMBUH_DB TUMBUH_LISTEN TUMBUH_SESSION_IDLE_HOURS

# --help of every command: stdout, exit 0, nothing on stderr.
# every command the program lists, so a new one cannot be left out
cmds=$($T --help | awk '/^perintah:/ {on = 1; next} on && /^  [a-z]/ {print $1}')
n=$(echo $cmds | wc -w)
check "the program lists its commands ($n)" "[ $n -ge 9 ]"
for c in $cmds; do
    $T "$c" --help > "h.$c.out" 2> "h.$c.err"
    rc=$?
    check "$c --help: exit 0, usage on stdout, stderr empty" \
        "[ $rc -eq 0 ] && grep -q pemakaian h.$c.out && [ ! -s h.$c.err ]"
done
$T --help > h.out 2>&1
check "tumbuh --help in Bahasa Indonesia" "grep -q 'pemakaian: tumbuh' h.out && grep -q perintah h.out"
$T nosuch > /dev/null 2> e.cmd
check "unknown command: exit 2, named in Bahasa Indonesia" "[ $? -eq 2 ] && grep -q \"perintah tidak dikenal: 'nosuch'\" e.cmd"

# serve: --listen needs ADDR:PORT with a port 1-65535; nothing is created on a bad option.
for v in 127.0.0.1 127.0.0.1:0 127.0.0.1:65536 127.0.0.1:80a :8080 127.0.0.1:; do
    timeout 20 $T --db s.db serve --listen "$v" > /dev/null 2> e.listen
    rc=$?
    check "serve --listen '$v' refused (exit 2, names --listen)" \
        "[ $rc -eq 2 ] && grep -q -- '--listen perlu ALAMAT:PORT' e.listen && [ ! -e s.db ]"
done
TUMBUH_LISTEN=localhost timeout 20 $T --db s.db serve > /dev/null 2> e.env
check "\$TUMBUH_LISTEN without a port refused" "[ $? -eq 2 ] && grep -q TUMBUH_LISTEN e.env && [ ! -e s.db ]"
for o in "--demo-size huge" "--threads 0" "--threads 4x" "--session-idle 0" "--session-idle 8jam" "--bogus 1"; do
    # shellcheck disable=SC2086
    timeout 20 $T --db s.db serve $o > /dev/null 2> e.serve
    rc=$?
    check "serve $o refused (exit 2, message, no database)" \
        "[ $rc -eq 2 ] && grep -q 'tumbuh serve: ' e.serve && [ ! -e s.db ]"
done

# a port already in use: said in Bahasa Indonesia (libmicrohttpd's "Failed to bind" not shown)
PORT=$((20000 + $$ % 20000))
$T --db d0.db demo --size small --until 2026-10 > /dev/null 2>&1
$T --db d0.db serve --listen "127.0.0.1:$PORT" > first.out 2> first.err &
first=$!
i=0
while [ $i -lt 100 ] && ! grep -q 'Tumbuh berjalan' first.out 2> /dev/null; do sleep 0.1; i=$((i + 1)); done
timeout 20 $T --db d0.db serve --listen "127.0.0.1:$PORT" > /dev/null 2> e.inuse
rc=$?
kill "$first" 2> /dev/null
wait "$first" 2> /dev/null
check "serve on a port in use: exit 1, reason and the fix in Bahasa Indonesia" \
    "[ $rc -eq 1 ] && grep -q 'port tidak dapat dipakai' e.inuse && grep -q -- '--listen' e.inuse && ! grep -q 'Failed to bind' e.inuse"

# demo: --size, --until and --seed take only what they document; a failure leaves no file.
for o in "--size huge" "--until 2024-13" "--until 2024-1" "--until 24-01" "--until 2999-01" \
    "--seed -1" "--seed 12x" "--seed 99999999999" "--bogus 1" "--size"; do
    # shellcheck disable=SC2086
    $T --db d.db demo $o > /dev/null 2> e.demo
    rc=$?
    check "demo $o refused (exit 2, message, no database)" \
        "[ $rc -eq 2 ] && grep -q 'tumbuh demo: ' e.demo && [ ! -e d.db ]"
done
mkdir ro && chmod 555 ro
if [ "$(id -u)" -ne 0 ]; then
    $T --db ro/x.db demo --size small --until 2026-10 > /dev/null 2> e.rodir
    check "demo into a directory it cannot write: exit 1, no file" "[ $? -eq 1 ] && [ ! -e ro/x.db ]"
fi
$T --db d.db demo --size small --seed 3 --until 2026-10 > /dev/null 2>&1
check "demo small exits 0" "[ $? -eq 0 ] && [ -s d.db ]"
# a demo that fails on its way (the database is not empty) keeps the existing file
$T --db d.db demo --size small --seed 3 --until 2026-10 > /dev/null 2>&1
check "second demo fails and keeps the database" "[ $? -ne 0 ] && [ -s d.db ]"

# report: never creates a database; refuses unknown areas, posyandu, future months, both scopes.
$T --db none.db report skdn --wilayah 35.99 --month 2026-10 > r.out 2> e.none
check "report on a missing database: exit 1, message, no file created" \
    "[ $? -eq 1 ] && grep -q 'none.db tidak ada' e.none && [ ! -e none.db ] && [ ! -s r.out ]"
$T --db d.db report skdn --wilayah 35.97 --month 2026-10 > r.out 2> e.wil
check "report on an area not in the database: exit 1, named" \
    "[ $? -eq 1 ] && grep -q 'wilayah 35.97 tidak ada' e.wil && [ ! -s r.out ]"
$T --db d.db report skdn --wilayah 35.07 --month 2026-10 > r.out 2> e.wil
check "report on a kabupaten of the national list outside the demo district: exit 1, named" \
    "[ $? -eq 1 ] && grep -q 'wilayah 35.07 (Kabupaten Malang) ada di daftar kode wilayah nasional, tetapi di luar kabupaten' e.wil && [ ! -s r.out ]"
$T --db d.db report skdn --posyandu 99999 --month 2026-10 > r.out 2> e.pos
check "report on a posyandu not in the database: exit 1, named" \
    "[ $? -eq 1 ] && grep -q 'posyandu 99999 tidak ada' e.pos"
$T --db d.db report skdn --posyandu 1x --month 2026-10 > r.out 2> e.pos2
check "report --posyandu not a number: exit 2" "[ $? -eq 2 ] && grep -q -- '--posyandu perlu' e.pos2"
$T --db d.db report skdn --wilayah 35.99 --posyandu 1 --month 2026-10 > r.out 2> e.both
check "report --wilayah with --posyandu: exit 2" "[ $? -eq 2 ] && grep -q 'pilih salah satu' e.both"
next=$(date -d "$(date +%Y-%m-15) +1 month" +%Y-%m)
$T --db d.db report skdn --wilayah 35.99 --month "$next" > r.out 2> e.fut
check "report for a month after this one: exit 2" "[ $? -eq 2 ] && grep -q 'belum tiba' e.fut"
$T --db d.db report skdn --wilayah 35.99 --month 2026-1 > r.out 2> e.mon
check "report --month not YYYY-MM: exit 2" "[ $? -eq 2 ] && grep -q -- '--month perlu' e.mon"
$T --db d.db report nosuch --wilayah 35.99 --month 2026-10 > r.out 2> e.name
check "report with an unknown name: named" "[ $? -eq 2 ] && grep -q \"laporan 'nosuch' tidak dikenal\" e.name"

# report reads a read-only copy and writes nothing to it.
cp d.db backup.db
chmod 444 backup.db
sum=$(cksum < backup.db)
$T --db backup.db report skdn --wilayah 35.99 --month 2026-10 > r.out 2> e.ro
check "report on a read-only backup copy: exit 0 and rows" "[ $? -eq 0 ] && [ \$(wc -l < r.out) -ge 3 ]"
check "the backup copy is unchanged" "[ \"$(cksum < backup.db)\" = \"$sum\" ]"
check "the report is not a row of zeros" "grep -q '^SUKAMAJU,[1-9]' r.out || grep -q '^KARANGREJO,[1-9]' r.out"
$T --db d.db report skdn --wilayah 35.99 --month 2026-10 -o /nonexistent/dir/x.csv 2> e.w
check "report that cannot write its file: exit 1, names file and reason" \
    "[ $? -eq 1 ] && grep -q 'tidak dapat menulis /nonexistent/dir/x.csv' e.w"

# zscore, prevalence: option errors in Bahasa Indonesia.
$T zscore --threads 0 x.csv > /dev/null 2> e.z
check "zscore --threads 0: message in Bahasa Indonesia" "[ $? -ne 0 ] && grep -q -- '--threads perlu angka' e.z"
$T zscore --bogus > /dev/null 2> e.z2
check "zscore unknown option: in Bahasa Indonesia" "[ $? -ne 0 ] && grep -q 'opsi tidak dikenal' e.z2"
$T prevalence --format wide x.csv > /dev/null 2> e.p
check "prevalence --format wide: message in Bahasa Indonesia" "[ $? -ne 0 ] && grep -q -- '--format adalah long atau anthro' e.p"
$T zscore nosuch.csv > /dev/null 2> e.z3
check "zscore on a missing file: 'tidak dapat membuka'" "[ $? -ne 0 ] && grep -q 'tidak dapat membuka nosuch.csv' e.z3"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
