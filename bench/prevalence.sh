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
. bench/lib.sh
echo "floor (read + write):            $(best build/bench/floor_copy $F)"
echo "floor (tumbuh zscore):           $(best build/tumbuh zscore $F)"
echo "tumbuh prevalence (design):      $(best build/tumbuh prevalence --cluster cluster --strata strata --weight sw --format anthro $F)"
echo "tumbuh prevalence (no design):   $(best build/tumbuh prevalence --format anthro $F)"
