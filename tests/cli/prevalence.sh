#!/bin/sh
# tests/cli/prevalence.sh - `tumbuh prevalence` against WHO anthro's own results.
# Prints "N passed, N failed". Uses build/san/tumbuh.
set -u
. tests/cli-lib.sh
cmpf() { awk -f tests/cli/compare-anthro.awk "$1" "$2" | tail -n 1; }

"$T" prevalence --format anthro --cluster cluster --strata strata --weight sw -o "$W/d.csv" "$EX/prevalence-input.csv" 2>"$W/d.err"
check "design run exits 0" "[ $? -eq 0 ]"
r=$(cmpf "$EX/prevalence-expected-design.csv" "$W/d.csv")
echo "  design: $r"
check "cluster+strata+weights: every cell equals anthro_prevalence() ($r)" "echo '$r' | grep -q '^differ: 0,'"
"$T" prevalence --format anthro -o "$W/s.csv" "$EX/prevalence-input.csv" 2>/dev/null
r=$(cmpf "$EX/prevalence-expected-simple.csv" "$W/s.csv")
echo "  simple: $r"
check "no design: every cell equals anthro_prevalence() ($r)" "echo '$r' | grep -q '^differ: 0,'"
check "header identical to anthro's" "[ \"\$(head -n 1 '$W/s.csv')\" = \"\$(head -n 1 '$EX/prevalence-expected-simple.csv' | tr -d '\r')\" ]"
check "47 rows over 1826 days reported" "grep -q '47 di atas 1826 hari' '$W/d.err'"

# --by adds groups; the long format has one row per group and indicator.
"$T" prevalence --by strata --cluster cluster --strata strata --weight sw -o "$W/long.csv" "$EX/prevalence-input.csv" 2>/dev/null
check "long format exits 0" "[ $? -eq 0 ]"
check "long header" "head -n 1 '$W/long.csv' | grep -q '^group,indicator,pop,unwpop,estimate,se,ll,ul,stdev$'"
check "--by groups present" "grep -q '^strata: 4,zlen<-2,' '$W/long.csv'"
# The long format carries the same stunting estimate as the anthro format.
a=$(grep '^All,zlen<-2,' "$W/long.csv" | cut -d, -f5)
b=$(awk -F, 'NR==2 {print $8}' "$W/d.csv")
check "long and anthro agree on stunting ($a, $b)" "[ -n '$a' ] && [ '$a' = '$b' ]"
n=$(grep -c '^All,' "$W/long.csv")
check "All has 4 x 7 + 2 = 30 rows ($n)" "[ $n -eq 30 ]"

# Errors.
"$T" prevalence --cluster nope "$EX/prevalence-input.csv" >/dev/null 2>"$W/e1"
check "unknown column: non-zero exit and message" "[ $? -ne 0 ] && grep -q \"tidak punya kolom 'nope'\" '$W/e1'"
printf 'sex,age_days,weight,sw\n1,400,9,-1\n' > "$W/neg.csv"
"$T" prevalence --weight sw -o "$W/neg.out" "$W/neg.csv" 2>"$W/e2"
check "negative weight: error, no output" "[ $? -ne 0 ] && grep -q 'bobot sampel negatif' '$W/e2' && [ ! -e '$W/neg.out' ]"
printf 'sex,age_days,weight,cluster\n1,400,9,\n2,500,9,1\n1,300,7,2\n' > "$W/nocl.csv"
"$T" prevalence --cluster cluster "$W/nocl.csv" >/dev/null 2>"$W/e3"
check "row without cluster left out with a warning" "grep -q '1 baris tidak dihitung: tanpa klaster' '$W/e3'"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
