#!/bin/sh
# bench/prevalence.sh - `tumbuh prevalence` with clusters, strata and weights
# on 1,000,000 rows, against two floors: reading the same file (floor_copy)
# and scoring it (tumbuh zscore). Best of 3, wall time and max RSS.
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000000}
D=build/bench
mkdir -p $D
F=$D/anthro-design-$N.csv
[ -f $F ] || build/bench/gen_anthro $N 42 design > $F
ls -l $F | awk '{printf "input: %s rows with cluster, strata, sw; %.1f MB\n", '"$N"', $5/1e6}'
best() {
  b=999; m=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o $D/time.txt "$@" > /dev/null 2>$D/stderr.txt || { cat $D/stderr.txt; exit 1; }
    t=$(cut -d' ' -f1 $D/time.txt); m=$(cut -d' ' -f2 $D/time.txt)
    b=$(echo "$t $b" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$b s, max RSS $((m / 1024)) MB"
}
echo "floor (read + write):            $(best build/bench/floor_copy $F)"
echo "floor (tumbuh zscore):           $(best build/tumbuh zscore $F)"
echo "tumbuh prevalence (design):      $(best build/tumbuh prevalence --cluster cluster --strata strata --weight sw --format anthro $F)"
echo "tumbuh prevalence (no design):   $(best build/tumbuh prevalence --format anthro $F)"
