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
serve $D/rapat.db
J=$D/rapat.jar
masuk $J admin $D/rapat-users.txt
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
