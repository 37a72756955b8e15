#!/bin/sh
# bench/rapat.sh - the action lists of the whole demo district (187 meetings,
# 364 actions; target: at most 100 ms each): `tumbuh report tindak-lanjut
# --wilayah 35.99` with --status all, open and overdue (process start and
# opening the database included), and the same lists as web pages and JSON
# from `tumbuh serve` (curl's total time, best of 3, logged in as admin);
# and the meeting pack of a kecamatan's latest lokmin (target: at most 1 s),
# as a page and as PDF, and that lokmin's page.
set -eu
cd "$(dirname "$0")/.."
D=build/bench
mkdir -p $D
export TUMBUH_FAST_HASH=1
if [ ! -f $D/rapat.db ]; then
  build/tumbuh --db $D/rapat.db demo --size district --seed 1 > $D/rapat-users.txt
fi
. bench/lib.sh
sqlite3 $D/rapat.db "SELECT (SELECT count(*) FROM rapat) || ' meetings, ' || (SELECT count(*) FROM tindak_lanjut) || ' actions'"
for st in all open overdue; do
  echo "report tindak-lanjut --status $st: $(best build/tumbuh --db $D/rapat.db report tindak-lanjut --wilayah 35.99 --status $st)"
done
PORT=$((30000 + $$ % 20000))
B="http://127.0.0.1:$PORT"
build/tumbuh --db $D/rapat.db serve --listen 127.0.0.1:$PORT > /dev/null 2>&1 &
S=$!
trap 'kill $S 2>/dev/null' EXIT
for i in $(seq 1 100); do curl -s -o /dev/null "$B/masuk" && break; sleep 0.1; done
J=$D/rapat.jar
rm -f $J
t=$(curl -s -b $J -c $J "$B/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
pw=$(awk '$1 == "admin" {print $2}' $D/rapat-users.txt)
curl -s -b $J -c $J -o /dev/null --data-urlencode pengguna=admin --data-urlencode "sandi=$pw" -d "csrf=$t" "$B/masuk"
KEC=$(sqlite3 $D/rapat.db "SELECT id FROM rapat WHERE jenis = 'minilok' ORDER BY tanggal DESC, id LIMIT 1")
for p in "/rapat/$KEC/bahan" "/rapat/$KEC/bahan?format=pdf" "/rapat/$KEC" "/tindakan?daftar=semua" "/tindakan?daftar=lewat" "/tindakan?daftar=anggaran" \
         "/api/v1/tindakan?status=all" "/tindakan?daftar=semua&format=csv"; do
  b=9
  for i in 1 2 3; do
    x=$(curl -s -b $J -o /dev/null -w '%{time_total}' "$B$p")
    b=$(echo "$x $b" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "GET $p: $b s"
done
