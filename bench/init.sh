#!/bin/sh
# bench/init.sh - `tumbuh init` of the largest kabupaten by desa count (found
# in the national list: 11.08 Kabupaten Aceh Utara, 852 desa in the 2025
# list): the 91,599 codes loaded in one transaction after their SHA-256 is
# checked (target: well under 2 s), the district recorded, its admin created
# (argon2id at interactive strength, included). Prints time and max RSS.
set -eu
cd "$(dirname "$0")/.."
WL=${TUMBUH_WILAYAH:-${WILAYAH_DIR:-../shared/wilayah}}
D=build/bench
mkdir -p $D
csv=$(awk '{print $2; exit}' "$WL/SHA256SUMS")
kab=$(awk -F, '$1 ~ /^[0-9][0-9]\.[0-9][0-9]\.[0-9][0-9]\.[0-9][0-9][0-9][0-9]$/ {
  c[substr($1, 1, 5)]++ } END { for (k in c) print c[k], k }' "$WL/$csv" | sort -rn | head -n 1)
set -- $kab
rm -f $D/init.db $D/init.db-wal $D/init.db-shm
echo "largest kabupaten: $2 ($1 desa)"
echo "command: build/tumbuh --db $D/init.db init --kabupaten $2 </dev/null"
/usr/bin/time -f '%e %M' -o $D/time.txt env TUMBUH_WILAYAH="$WL" build/tumbuh --db $D/init.db init --kabupaten "$2" </dev/null | grep -v '^Kata sandi'
read -r t m < $D/time.txt
echo "tumbuh init: $t s, max RSS $((m / 1024)) MB"
ls -l $D/init.db | awk '{printf "database: %.1f MB\n", $5/1e6}'
