#!/bin/sh
# bench/layanan.sh - "one target, every service" on the district demo
# (bench/demo.sh makes it):
#  - `tumbuh report konvergensi-desa` for the whole district and for a
#    kecamatan, warm (best of 5 after a first run);
#  - a kecamatan's meeting pack (issue 13: page and PDF at most 1 s), with
#    the issue-12 tables, 10 requests each as tpps.kec (curl's time_total);
#  - a target page (/layanan/ID) of a child, 20 requests as bidan.desa.
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
D=build/bench
[ -f $D/demo.db ] || sh bench/demo.sh > /dev/null
cp $D/demo.db $D/layanan.db
rm -f $D/layanan.db-wal $D/layanan.db-shm
MONTH=$(sqlite3 $D/layanan.db "SELECT substr(max(tanggal), 1, 7) FROM pengukuran")
echo "report konvergensi-desa, whole district, warm: $(ms build/tumbuh --db $D/layanan.db report konvergensi-desa --wilayah 35.99 --month "$MONTH")"
echo "report konvergensi-desa, kecamatan 35.99.01, warm: $(ms build/tumbuh --db $D/layanan.db report konvergensi-desa --wilayah 35.99.01 --month "$MONTH")"
serve $D/layanan.db
PID=$S
pw() { awk -v u="$1" '$1 == u {print $2}' $D/demo-users.txt; }
login() { # login USER: cookie jar $D/USER.jar
  t=$(curl -s -c $D/$1.jar $B/masuk | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
  curl -s -b $D/$1.jar -c $D/$1.jar -o /dev/null -d "pengguna=$1&sandi=$(pw $1)&csrf=$t" $B/masuk
}
req_times() { # req_times USER PATH N LABEL: p50 and max of N requests
  for i in $(seq 1 "$3"); do
    curl -s -b $D/$1.jar -o /dev/null -w '%{http_code} %{time_total}\n' "$B$2"
  done | sort -k2 -n | awk -v l="$4" '{a[NR] = $2 * 1000; c[NR] = $1} END {
    printf "%s: %d requests (status %s), p50 %.0f ms, max %.0f ms\n", l, NR, c[1], a[int((NR + 1) / 2)], a[NR] }'
}
login tpps.kec
login bidan.desa
RID=$(sqlite3 $D/layanan.db "SELECT id FROM rapat WHERE wilayah = '35.99.01' ORDER BY tanggal DESC LIMIT 1")
req_times tpps.kec "/rapat/$RID/bahan" 10 "meeting pack page, kecamatan 35.99.01"
req_times tpps.kec "/rapat/$RID/bahan?format=pdf" 10 "meeting pack PDF, kecamatan 35.99.01"
CHILD=$(sqlite3 $D/layanan.db "SELECT a.individu_id FROM anak a JOIN individu i ON i.id = a.individu_id WHERE i.desa = '35.99.01.2001' ORDER BY i.tgl_lahir DESC LIMIT 1")
req_times bidan.desa "/layanan/$CHILD" 20 "target page of a child"
