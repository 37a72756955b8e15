#!/bin/sh
# bench/tpps.sh - the TPPS pages of the whole demo district (214 desa, 708
# team members; target: at most 200 ms each): the institutional map of every
# desa with its per-kecamatan counts, the kabupaten's team with its 15
# kecamatan, the institution register, the 8 aksi, and Aksi 1's situation
# analysis (16 prevalence reports over half a million measurements, kept
# until the data changes, and the families at risk per desa; the first call
# computes them). curl's total time, best of
# 3, logged in as admin, from `tumbuh serve`.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
D=build/bench
mkdir -p $D
export TUMBUH_FAST_HASH=1
if [ ! -f $D/tpps.db ]; then
  build/tumbuh --db $D/tpps.db demo --size district --seed 1 > $D/tpps-users.txt
fi
sqlite3 $D/tpps.db "SELECT (SELECT count(*) FROM wilayah WHERE tingkat = 4) || ' desa, ' || (SELECT count(*) FROM tpps_anggota) || ' members'"
serve $D/tpps.db
J=$D/tpps.jar
masuk $J admin $D/tpps-users.txt
Y=$(date +%Y)
for p in "/kelembagaan?tahun=$Y" "/tpps" "/tpps?wilayah=35.99.01" "/lembaga" "/aksi?tahun=$Y" "/aksi/analisis-situasi?tahun=$Y"; do
  b=9 first=
  for i in 1 2 3; do
    x=$(curl -s -b $J -o /dev/null -w '%{http_code} %{time_total}' "$B$p")
    [ "${x% *}" = 200 ] || { echo "GET $p: status ${x% *}"; exit 1; }
    x=${x#* }
    first=${first:-$x}
    b=$(echo "$x $b" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "GET $p: $(echo "$b $first" | awk '{printf "%.0f ms (first call %.0f ms)", $1 * 1000, $2 * 1000}')"
done
