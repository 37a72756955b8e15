#!/bin/sh
# bench/zscore.sh - `tumbuh zscore` on 1,000,000 rows with all 0-5 measures,
# against the floor (reading and writing the same data with no computation).
# Prints wall time and peak memory (max RSS) for each; 3 runs, best kept.
set -eu
cd "$(dirname "$0")/.."
N=${N:-1000000}
D=build/bench
mkdir -p $D
[ -f $D/anthro-$N.csv ] || build/bench/gen_anthro $N 42 > $D/anthro-$N.csv
ls -l $D/anthro-$N.csv | awk '{printf "input: %s rows, %.1f MB\n", '"$N"', $5/1e6}'
. bench/lib.sh
echo "floor (read + write, no computation): $(best build/bench/floor_copy $D/anthro-$N.csv)"
echo "tumbuh zscore:                        $(best build/tumbuh zscore $D/anthro-$N.csv)"
echo "tumbuh zscore --threads 2:            $(best build/tumbuh zscore --threads 2 $D/anthro-$N.csv)"
# Flat memory: 4x the rows, same peak.
if [ "${BIG:-0}" = 1 ]; then
  [ -f $D/anthro-4000000.csv ] || build/bench/gen_anthro 4000000 7 > $D/anthro-4000000.csv
  echo "tumbuh zscore, 4,000,000 rows:        $(best build/tumbuh zscore $D/anthro-4000000.csv)"
fi
