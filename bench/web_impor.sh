#!/bin/sh
# bench/web_impor.sh - an e-PPGBM file of N rows (default 200,000) imported
# through the web (/impor: upload streamed to disk, dry run, import) into a
# database holding only the wilayah list, against `tumbuh import` of the same
# file; prints the wall time of each step and the server's peak memory
# (VmHWM) before and after. Uses build/tumbuh (the release build).
set -eu
cd "$(dirname "$0")/.."
N=${N:-200000}
PORT=${PORT:-28080}
D=build/bench
B="http://127.0.0.1:$PORT"
mkdir -p $D
[ -x $D/gen_eppgbm ] && [ $D/gen_eppgbm -nt bench/gen_eppgbm.c ] ||
  cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -o $D/gen_eppgbm bench/gen_eppgbm.c -lm
[ -f $D/eppgbm-$N.csv ] || $D/gen_eppgbm $N 42 > $D/eppgbm-$N.csv
ls -l $D/eppgbm-$N.csv | awk '{printf "input: %s rows, %.1f MB\n", '"$N"', $5/1e6}'
DB=$D/web-impor.db
rm -rf $DB $DB-wal $DB-shm $DB.impor $D/web-impor-cli.db*
$D/gen_eppgbm wilayah > $D/wilayah-eppgbm.csv
build/tumbuh --db $DB import wilayah $D/wilayah-eppgbm.csv > /dev/null
cp $DB $D/web-impor-cli.db
echo 'bangku-taman-77' > $D/web-impor.pw
build/tumbuh --db $DB user add --username admin --nama Admin --peran admin_kab --wilayah 35.07 \
  --password-file $D/web-impor.pw > /dev/null
now() { date +%s.%N; }
t0=$(now)
build/tumbuh --db $D/web-impor-cli.db import eppgbm --rejects $D/web-impor-cli.rej $D/eppgbm-$N.csv > /dev/null 2>&1
echo "tumbuh import (CLI):     $(echo "$(now) - $t0" | bc) s"
TUMBUH_FAST_HASH=1 build/tumbuh --db $DB serve --listen 127.0.0.1:$PORT > /dev/null 2>&1 &
S=$!
trap 'kill $S 2>/dev/null' EXIT
for i in $(seq 1 100); do curl -s -o /dev/null "$B/masuk" && break; sleep 0.1; done
J=$D/web-impor.jar
rm -f $J
t=$(curl -s -b $J -c $J "$B/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
curl -s -b $J -c $J -o /dev/null -d pengguna=admin -d sandi=bangku-taman-77 -d "csrf=$t" "$B/masuk"
CSRF=$(curl -s -b $J "$B/api/v1/saya" | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/')
hwm() { sed -n 's/^VmHWM:[^0-9]*\([0-9]*\).*/\1/p' /proc/$S/status; }
wait_for() { until curl -s -b $J "$B/impor/status" | grep -q "\"tahap\":\"$1\""; do sleep 0.1; done; }
echo "server VmHWM at start:   $(hwm) kB"
t0=$(now)
curl -s -b $J -o /dev/null -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/octet-stream' \
  --data-binary @$D/eppgbm-$N.csv "$B/impor/unggah?jenis=eppgbm&nama=eppgbm.csv"
t1=$(now)
echo "upload (streamed):       $(echo "$t1 - $t0" | bc) s, VmHWM $(hwm) kB"
wait_for diperiksa
t2=$(now)
echo "dry run:                 $(echo "$t2 - $t1" | bc) s, VmHWM $(hwm) kB"
curl -s -b $J -o /dev/null -d "csrf=$CSRF" "$B/impor/mulai"
wait_for selesai
t3=$(now)
echo "import:                  $(echo "$t3 - $t2" | bc) s, VmHWM $(hwm) kB"
curl -s -b $J "$B/impor/status"; echo
