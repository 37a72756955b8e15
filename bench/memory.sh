#!/bin/sh
# bench/memory.sh - the server's peak memory (VmHWM, target: under 100 MB)
# as `make run` uses it: `tumbuh serve` on an empty database creates the
# district demo (and, with every new database, the national code list),
# then every GET route of `tumbuh routes` is visited once for each role with
# a valid id in that role's area (every report as a page, as JSON and in
# each file format; the posyandu day, the child page, card and charts).
# Prints VmHWM after the demo and after the walk, and the current RSS.
# THREADS=N sets --threads (default: the server's); TRACE=1 prints on
# stderr each page that raised the peak by 0.5 MB or more.
set -eu
cd "$(dirname "$0")/.."
D=build/bench
mkdir -p $D
# real argon2id strength (64 MiB per hash) unless FAST=1
[ "${FAST:-0}" = 1 ] && export TUMBUH_FAST_HASH=1
DB=$D/memory.db
rm -f $DB $DB-wal $DB-shm
PORT=${PORT:-18766}
B=http://127.0.0.1:$PORT
MONTH=$(date +%Y-%m)
build/tumbuh --db $DB serve --listen 127.0.0.1:$PORT ${THREADS:+--threads $THREADS} > $D/memory.out 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
t0=$(date +%s.%N)
for i in $(seq 1 1200); do curl -s -o /dev/null $B/masuk && break; sleep 0.1; done
echo "demo created, server up: $(echo "$(date +%s.%N) - $t0" | bc) s"
hwm() { awk '/VmHWM/ {printf "%.1f MB", $2/1024}' /proc/$PID/status; }
rss() { awk '/VmRSS/ {printf "%.1f MB", $2/1024}' /proc/$PID/status; }
echo "after the demo: VmHWM $(hwm), threads $(awk '/Threads/ {print $2}' /proc/$PID/status)"
q() { sqlite3 $DB "$1"; }
REPORTS="publikasi skdn prevalensi tren stunting wasting 2t bgm tidak-diukur kualitas rekonsiliasi kualitas-kader skdn-umur"
build/tumbuh routes | awk -F'\t' '$1 == "GET" && $3 != "publik" {print $2 "\t" $3}' > $D/memory-routes.txt
n=0
# every demo user (one per role), printed by serve as "  USER  PASSWORD  ..."
awk '/^  [a-z]/ {print $1, $2}' $D/memory.out | while read -r user pw; do
  jar=$D/memory-$user.jar
  rm -f $jar
  t=$(curl -s -c $jar $B/masuk | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
  curl -s -b $jar -c $jar -o /dev/null --data-urlencode "pengguna=$user" --data-urlencode "sandi=$pw" -d "csrf=$t" $B/masuk
  role=$(q "SELECT peran FROM pengguna WHERE username = '$user'")
  area=$(q "SELECT wilayah FROM pengguna WHERE username = '$user'")
  pos=$(q "SELECT coalesce((SELECT posyandu_id FROM pengguna WHERE username = '$user'), (SELECT min(id) FROM posyandu WHERE desa LIKE '$area%'))")
  anak=$(q "SELECT min(a.individu_id) FROM anak a JOIN posyandu p ON p.id = a.posyandu_id WHERE p.id = $pos")
  scope="wilayah=$area&bulan=$MONTH"
  while IFS="$(printf '\t')" read -r pattern roles; do
    case ",$roles," in *",$role,"*) ;; *) continue ;; esac
    case $pattern in
    /laporan/\{nama\} | /api/v1/laporan/\{nama\})
      for r in ${REPORTS#publikasi }; do echo "${pattern%\{nama\}}$r?$scope"; done ;;
    /unduh/\{berkas\})
      echo "/unduh/publikasi.pdf?$scope"
      for r in ${REPORTS#publikasi }; do for f in csv xlsx pdf; do echo "/unduh/$r.$f?$scope"; done; done ;;
    /anak/\{id\}/grafik/\{jenis\})
      for j in bbu tbu bbtb; do echo "/anak/$anak/grafik/$j.svg"; done ;;
    *\{id\}*)
      case $pattern in /posyandu/*) id=$pos ;; *) id=$anak ;; esac
      echo "$(echo "$pattern" | sed "s/{id}/$id/")?bulan=$MONTH" ;;
    /dasbor) echo "/dasbor?$scope"; echo "/dasbor?posyandu=$pos&bulan=$MONTH" ;;
    *) echo "$pattern?$scope" ;;
    esac
  done < $D/memory-routes.txt > $D/memory-urls-$user.txt
  bad=0
  while read -r u; do
    [ "${TRACE:-0}" = 1 ] && h0=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)
    c=$(curl -s -o /dev/null -b $jar -w '%{http_code}' "$B$u")
    case $c in 2* | 3*) ;; *) bad=$((bad + 1)); echo "  $user $u: $c" >> $D/memory-errors.txt ;; esac
    [ "${TRACE:-0}" = 1 ] && awk -v h0="$h0" -v u="$user $u" '/VmHWM/ && $2 - h0 >= 512 {
      printf "  +%.1f MB %s\n", ($2 - h0) / 1024, u > "/dev/stderr"}' /proc/$PID/status
  done < $D/memory-urls-$user.txt
  echo "$user ($role, $area): $(wc -l < $D/memory-urls-$user.txt) pages, $bad not 2xx/3xx; VmHWM $(hwm)"
done
echo "after every page once: VmHWM $(hwm), VmRSS $(rss)"
