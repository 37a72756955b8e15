#!/bin/sh
# bench/tpk.sh - the TPK figures of issue 12 on the district demo
# (bench/demo.sh makes it):
#  - `tumbuh report 3standar4pasti` and `report tpk` for the whole district,
#    warm (best of 5 after a first run): target at most 200 ms;
#  - a TPK visit saved through POST /api/v1/kunjungan-tpk, 200 visits one
#    after another: target p95 at most 50 ms (curl's time_total).
set -eu
cd "$(dirname "$0")/.."
. bench/lib.sh
D=build/bench
[ -f $D/demo.db ] || sh bench/demo.sh > /dev/null
cp $D/demo.db $D/tpk.db
rm -f $D/tpk.db-wal $D/tpk.db-shm
MONTH=$(sqlite3 $D/tpk.db "SELECT substr(max(tanggal), 1, 7) FROM tpk_kunjungan")
echo "report 3standar4pasti, whole district, warm: $(ms build/tumbuh --db $D/tpk.db report 3standar4pasti --wilayah 35.99 --month "$MONTH")"
echo "report tpk, whole district, warm: $(ms build/tumbuh --db $D/tpk.db report tpk --wilayah 35.99 --month "$MONTH")"
serve $D/tpk.db
PID=$S
pw() { awk -v u="$1" '$1 == u {print $2}' $D/demo-users.txt; }
t=$(curl -s -c $D/tpk.jar $B/masuk | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
curl -s -b $D/tpk.jar -c $D/tpk.jar -o /dev/null -d "pengguna=tpk&sandi=$(pw tpk)&csrf=$t" $B/masuk
CSRF=$(curl -s -b $D/tpk.jar $B/api/v1/saya | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/')
TARGETS=$(sqlite3 $D/tpk.db "SELECT x.individu_id FROM tpk_sasaran x JOIN tpk_anggota a ON a.tpk_id = x.tpk_id JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = 'tpk' AND x.jenis = 'baduta' LIMIT 20")
TODAY=$(date +%Y-%m-%d)
: > $D/tpk-times.txt
n=0
for i in $(seq 1 10); do
  for ind in $TARGETS; do
    n=$((n + 1))
    curl -s -b $D/tpk.jar -o /dev/null -w '%{http_code} %{time_total}\n' -H "X-CSRF-Token: $CSRF" \
      -H 'Content-Type: application/json' \
      -d "{\"individu_id\":$ind,\"jenis\":\"baduta\",\"tanggal\":\"$TODAY\",\"ditimbang\":1,\"imunisasi\":\"lengkap\",\"vit_a\":1,\"konseling\":\"MP-ASI\",\"uuid\":\"$(printf '%08x-%08x' $$ $n)\"}" \
      $B/api/v1/kunjungan-tpk >> $D/tpk-times.txt
  done
done
ok=$(awk '$1 == 201' $D/tpk-times.txt | wc -l)
awk '{print $2 * 1000}' $D/tpk-times.txt | sort -n | awk -v ok="$ok" '{a[NR] = $1} END {
  printf "TPK visit save (POST /api/v1/kunjungan-tpk): %d saves, %d stored, p50 %.1f ms, p95 %.1f ms\n",
    NR, ok, a[int(NR * 0.5)], a[int(NR * 0.95)] }'
