#!/bin/sh
# bench/krs.sh - families at risk (issue 12). 1. `tumbuh import keluarga` of a
# generated family census of 300,000 families / 1,200,000 members (one row
# per member, 300 desa; target: at most 15 s), and its floor: the same rows
# written by sqlite3's .import (CSV exported from the result) into a copy of
# the store before the import, all indexes kept, one transaction; then with
# the indexes the import rebuilds dropped and rebuilt, as it does. 2.
# `tumbuh report krs` for the
# whole demo district (target: at most 200 ms warm; the demo is made when
# build/bench/demo.db is missing).
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
D=build/bench
mkdir -p $D
export TUMBUH_TODAY=2025-06-30
# 1 kabupaten 35.97, 10 kecamatan, 300 desa
{
  echo "kode,nama"
  echo "35,JAWA TIMUR"
  echo "35.97,KAB. BENCH"
  for k in $(seq 1 10); do
    printf '35.97.%02d,KEC %d\n' "$k" "$k"
    for d in $(seq 1 30); do printf '35.97.%02d.%04d,DESA %d-%d\n' "$k" $((2000 + d)) "$k" "$d"; done
  done
} > $D/krs-wilayah.csv
# 300,000 families of 4: head, wife, two children (member rows)
awk -v N="${KRS_FAMILIES:-300000}" 'function nik(kec, y, m, d, jk, ser) {
    return sprintf("3597%02d%02d%02d%02d%04d", kec, d + (jk == 2 ? 40 : 0), m, y % 100, ser);
  }
  function member(base, nama, jk, y, m, d, hub, kec, ser) {
    printf "%s,%s,%s,%d,%04d-%02d-%02d,%s\n", base, nik(kec, y, m, d, jk, ser), nama, jk, y, m, d, hub;
  }
  BEGIN {
  srand(7);
  split("Ledeng/PAM|Sumur bor|Sungai|Air isi ulang|Sumur tak terlindung", air, "|");
  split("Dengan septic tank|Tanpa septic tank|Tidak ada", jb, "|");
  print "no_kk,kode_desa,rt,rw,sumber_air,jamban,nik,nama,jk,tgl_lahir,hubungan";
  for (f = 0; f < N; f++) {
    kec = f % 10 + 1; desa = int(f / 10) % 30 + 2001; ser = int(f / 10) % 9999 + 1;
    kk = sprintf("3597%02d%010d", kec, f);
    dc = sprintf("35.97.%02d.%04d", kec, desa);
    a = air[int(rand() * 5) + 1]; j = jb[int(rand() * 3) + 1];
    rt = sprintf("%03d", int(rand() * 9) + 1);
    wy = 1975 + int(rand() * 32); c1 = 2008 + int(rand() * 12); c2 = c1 + 1 + int(rand() * 5);
    d = f % 28 + 1; m = int(f / 28) % 12 + 1;
    base = kk "," dc "," rt ",001," a "," j;
    member(base, "Bapak " f, 1, wy - 3, m, d, "Kepala Keluarga", kec, ser);
    member(base, "Ibu " f, 2, wy, m, d, "Istri", kec, ser);
    member(base, "Anak A " f, 1, c1, (m + 3) % 12 + 1, d, "Anak", kec, ser);
    member(base, "Anak B " f, 2, c2, (m + 6) % 12 + 1, d, "Anak", kec, ser);
  }
}' > $D/krs-keluarga.csv
rm -f $D/krs.db $D/krs.db-wal $D/krs.db-shm
build/tumbuh --db $D/krs.db import wilayah $D/krs-wilayah.csv > /dev/null
cp $D/krs.db $D/krs-base.db
/usr/bin/time -f '%e %M %U %S' -o $D/time.txt build/tumbuh --db $D/krs.db import keluarga \
  $D/krs-keluarga.csv --putaran PK24 --rejects $D/krs.tolak.csv
read -r t m u sy < $D/time.txt
echo "import keluarga, ${KRS_FAMILIES:-300000} families of 4: $t s (CPU $u s user + $sy s sys), max RSS $((m / 1024)) MB (target 15 s for 300,000)"
sqlite3 $D/krs.db "SELECT 'stored: ' || count(*) || ' keluarga, ' || sum(sasaran) || ' sasaran, ' || sum(krs) || ' KRS' FROM keluarga"
# the floor: reading the same rows and writing them, nothing else
for t in keluarga individu keluarga_putaran; do
  sqlite3 -csv $D/krs.db "SELECT * FROM $t" > $D/krs-floor-$t.csv
done
floor() { # NAME SQL-BEFORE SQL-AFTER
  cp $D/krs-base.db $D/krs-floor.db
  printf 'PRAGMA cache_size = -98304;\nBEGIN;\n%s\n' "$2" > $D/krs-floor.sql
  for t in keluarga individu keluarga_putaran; do
    echo ".import --csv $D/krs-floor-$t.csv $t" >> $D/krs-floor.sql
  done
  printf '%s\nCOMMIT;\n' "$3" >> $D/krs-floor.sql
  /usr/bin/time -f '%e %M %U %S' -o $D/time.txt sqlite3 $D/krs-floor.db < $D/krs-floor.sql > /dev/null
  read -r t m u sy < $D/time.txt
  echo "floor, $1: $t s (CPU $u s user + $sy s sys), max RSS $((m / 1024)) MB"
}
floor "sqlite3 .import, indexes kept" "" ""
floor "sqlite3 .import, indexes rebuilt" \
  "DROP INDEX individu_cocok; DROP INDEX individu_desa_lahir;" \
  "PRAGMA threads = 2; CREATE INDEX individu_cocok ON individu(desa, nama_kunci, tgl_lahir);
CREATE INDEX individu_desa_lahir ON individu(desa, tgl_lahir);"
rm -f $D/krs-floor* $D/krs-base.db
# 2. the report on the demo district
[ -s $D/krs-demo.db ] || build/tumbuh --db $D/krs-demo.db demo --size district --seed 1 > /dev/null
migrate $D/krs-demo.db
unset TUMBUH_TODAY
M=$(sqlite3 $D/krs-demo.db "SELECT substr(max(tanggal), 1, 7) FROM pengukuran")
build/tumbuh --db $D/krs-demo.db report krs --wilayah 35.99 --month "$M" > /dev/null # warm
best=999999
for i in 1 2 3 4 5; do
  s=$(date +%s%N)
  build/tumbuh --db $D/krs-demo.db report krs --wilayah 35.99 --month "$M" > /dev/null
  e=$(( ($(date +%s%N) - s) / 1000000 ))
  [ $e -lt $best ] && best=$e
done
echo "report krs, whole demo district ($M), warm, best of 5: $best ms (target 200 ms)"
