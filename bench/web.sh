#!/bin/sh
# bench/web.sh - `tumbuh serve` on the district demo (bench/demo.sh makes it):
#  - dashboards and lists at every level with 20 concurrent users (wrk):
#    target p95 <= 200 ms server time;
#  - posyandu-day saves through the API: target <= 50 ms each;
#  - 500 concurrent connections without errors;
#  - server memory (peak RSS): target < 100 MB.
# Floor: the same wrk run against the static CSS asset (HTTP + session only).
set -eu
cd "$(dirname "$0")/.."
D=build/bench
[ -f $D/demo.db ] || sh bench/demo.sh > /dev/null
cp $D/demo.db $D/web.db
rm -f $D/web.db-wal $D/web.db-shm
PORT=18765
B=http://127.0.0.1:$PORT
build/tumbuh --db $D/web.db serve --listen 127.0.0.1:$PORT > $D/serve.out 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
for i in $(seq 1 100); do curl -s -o /dev/null $B/masuk && break; sleep 0.1; done
pw() { awk -v u="$1" '$1 == u {print $2}' $D/demo-users.txt; }
# login through the form: its pre-session CSRF token (cookie tumbuh_pra and field csrf)
masuk() {
  rm -f "$1"
  t=$(curl -s -c "$1" $B/masuk | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
  curl -s -b "$1" -c "$1" -o /dev/null -d "pengguna=$2&sandi=$(pw "$2")&csrf=$t" $B/masuk
}
masuk $D/kab.jar tpps.kab
masuk $D/kader.jar kader
COOKIE="tumbuh_sesi=$(awk '$6 == "tumbuh_sesi" {print $7}' $D/kab.jar)"
MONTH=$(date +%Y-%m)
# URLs: the kabupaten, every kecamatan, 60 desa, 60 posyandu; lists at desa level
{
  echo "/dasbor?wilayah=35.99&bulan=$MONTH"
  sqlite3 $D/web.db "SELECT '/dasbor?wilayah=' || kode || '&bulan=$MONTH' FROM wilayah WHERE tingkat = 3"
  sqlite3 $D/web.db "SELECT '/dasbor?wilayah=' || kode || '&bulan=$MONTH' FROM wilayah WHERE tingkat = 4 ORDER BY kode LIMIT 60"
  sqlite3 $D/web.db "SELECT '/dasbor?posyandu=' || id || '&bulan=$MONTH' FROM posyandu ORDER BY id LIMIT 60"
  sqlite3 $D/web.db "SELECT '/laporan/stunting?wilayah=' || kode || '&bulan=$MONTH' FROM wilayah WHERE tingkat = 4 ORDER BY kode LIMIT 30"
  sqlite3 $D/web.db "SELECT '/laporan/tidak-diukur?wilayah=' || kode || '&bulan=$MONTH' FROM wilayah WHERE tingkat = 4 ORDER BY kode LIMIT 30"
} > $D/web-urls.txt
echo "pages: $(wc -l < $D/web-urls.txt) URLs (kabupaten, kecamatan, desa, posyandu dashboards; lists)"
# cold: the first visit of each level, before any cache
for u in "/dasbor?wilayah=35.99.01.2001&bulan=$MONTH" "/dasbor?posyandu=1&bulan=$MONTH" "/laporan/stunting?wilayah=35.99.01&bulan=$MONTH"; do
  echo "cold $u: $(curl -s -o /dev/null -b $D/kab.jar -w '%{time_total}' "$B$u") s"
done
# warm-up: every URL once (the server keeps figures until the data changes)
t0=$(date +%s.%N)
while read -r u; do curl -s -o /dev/null -b $D/kab.jar "$B$u"; done < $D/web-urls.txt
echo "warm-up (every URL once, sequential): $(echo "$(date +%s.%N) - $t0" | bc) s"
echo /aset/app.css > $D/floor-urls.txt
export COOKIE
echo "floor (static asset, 20 connections):  $(URLS=$D/floor-urls.txt wrk -t2 -c20 -d5s -s bench/web.lua $B 2>/dev/null | grep '^requests')"
export URLS=$D/web-urls.txt
echo "dashboards and lists, 20 users:        $(wrk -t2 -c20 -d15s -s bench/web.lua $B 2>/dev/null | grep '^requests')"
# saves: the posyandu-day API, one child after another (sequential, server time ~ total on loopback)
CSRF=$(curl -s -b $D/kader.jar $B/api/v1/saya | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/')
POS=$(sqlite3 $D/web.db "SELECT posyandu_id FROM pengguna WHERE username = 'kader'")
TODAY=$(date +%Y-%m-%d)
sqlite3 $D/web.db "SELECT individu_id FROM anak a JOIN individu i ON i.id = a.individu_id WHERE posyandu_id = $POS AND tgl_lahir > date('now', '-59 months') LIMIT 100" > $D/save-ids.txt
: > $D/save-times.txt
while read -r id; do
  curl -s -o /dev/null -b $D/kader.jar -w '%{time_total}\n' -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
    -d "{\"anak_id\":$id,\"tanggal\":\"$TODAY\",\"bb\":11.2,\"tb\":85.1,\"yakin\":1}" $B/api/v1/pengukuran >> $D/save-times.txt
done < $D/save-ids.txt
sort -n $D/save-times.txt | awk '{a[NR]=$1} END {printf "posyandu-day saves: %d, p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", NR, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
echo "dashboards right after the saves:      $(wrk -t2 -c20 -d10s -s bench/web.lua $B 2>/dev/null | grep '^requests')"
echo "500 concurrent connections:            $(wrk -t2 -c500 -d10s -s bench/web.lua $B 2>/dev/null | grep '^requests')"
echo "server peak memory (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$PID/status)"
