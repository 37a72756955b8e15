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
D=build/bench
mkdir -p $D
export TUMBUH_FAST_HASH=1
if [ ! -f $D/tpps.db ]; then
  build/tumbuh --db $D/tpps.db demo --size district --seed 1 > $D/tpps-users.txt
fi
sqlite3 $D/tpps.db "SELECT (SELECT count(*) FROM wilayah WHERE tingkat = 4) || ' desa, ' || (SELECT count(*) FROM tpps_anggota) || ' members'"
PORT=$((30000 + $$ % 20000))
B="http://127.0.0.1:$PORT"
build/tumbuh --db $D/tpps.db serve --listen 127.0.0.1:$PORT > /dev/null 2>&1 &
S=$!
trap 'kill $S 2>/dev/null' EXIT
for i in $(seq 1 100); do curl -s -o /dev/null "$B/masuk" && break; sleep 0.1; done
J=$D/tpps.jar
rm -f $J
t=$(curl -s -b $J -c $J "$B/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
pw=$(awk '$1 == "admin" {print $2}' $D/tpps-users.txt)
curl -s -b $J -c $J -o /dev/null --data-urlencode pengguna=admin --data-urlencode "sandi=$pw" -d "csrf=$t" "$B/masuk"
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
