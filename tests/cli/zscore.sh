#!/bin/sh
# tests/cli/zscore.sh - `tumbuh zscore` end to end, on WHO's files and on bad input.
# Prints "N passed, N failed". Uses build/san/tumbuh (ASan + UBSan).
set -u
. tests/cli-lib.sh

# Column number of a header name in a CSV file (comma-separated).
col() { head -n 1 "$1" | tr -d '\r"' | tr "${3:-,}" '\n' | grep -nx "$2" | cut -d: -f1; }

# 1. WHO's 3,000-row reference set, computed as WHO did (anthroplus 1.0 limits).
"$T" zscore --anthroplus 1.0 -o "$W/ref.csv" "$EX/reference-input.csv" 2>"$W/ref.err"
check "zscore on the reference set exits 0" "[ $? -eq 0 ]"
check "3,001 lines out" "[ \$(wc -l < '$W/ref.csv') -eq 3001 ]"
# Compare every z-score and flag with WHO's, by id, as numbers.
cmp_cols="zlen flen zwei fwei zwfl fwfl zbmi fbmi zhc fhc zac fac zts fts zss fss zhfa fhfa zwfa fwfa zbfa fbfa"
spec=""
for c in $cmp_cols; do
  spec="$spec $(col "$W/ref.csv" "$c"):$(col "$EX/reference-expected.csv" "$c")"
done
diffs=$(awk -F, -v spec="$spec" '
  NR == FNR { gsub(/["\r]/, ""); if (FNR > 1) ex[$1] = $0; next }
  FNR == 1 { next }
  { gsub(/"/, ""); id = $1; n = split(ex[id], e, ",");
    m = split(spec, pairs, " ");
    for (i = 1; i <= m; i++) { split(pairs[i], ab, ":"); a = $(ab[1]); b = e[ab[2]];
      if ((a == "") != (b == "") || (a != "" && a + 0 != b + 0)) { bad++; if (bad < 10) print "id " id " col " ab[1] ": " a " vs " b > "/dev/stderr" } } }
  END { print bad + 0 }' "$EX/reference-expected.csv" "$W/ref.csv")
check "reference set: all z-scores and flags equal WHO's ($diffs differ)" "[ '$diffs' = 0 ]"
# Input columns pass through unchanged.
check "input columns unchanged" "cut -d, -f1-11 '$W/ref.csv' | cmp -s - '$EX/reference-input.csv'"

# 2. WHO's 5-19 example survey: dd/mm/yyyy dates and agemons; WHO used agemons
# and anthroplus 1.1's limits (below 229 / 121 months).
"$T" zscore --anthroplus 1.1 -o "$W/survey.csv" "$EX/Survey_WHO2007.csv" 2>"$W/survey.err"
check "zscore on the WHO 2007 survey exits 0" "[ $? -eq 0 ]"
spec=""
for c in zhfa fhfa zwfa fwfa zbfa fbfa; do
  spec="$spec $(col "$W/survey.csv" "$c"):$(col "$EX/survey_who2007_z.csv" "$c")"
done
diffs=$(awk -F, -v spec="$spec" '
  NR == FNR { gsub(/["\r]/, ""); if (FNR > 1) ex[$2] = $0; next }
  FNR == 1 { next }
  { id = $3; split(ex[id], e, ","); m = split(spec, pairs, " ");
    for (i = 1; i <= m; i++) { split(pairs[i], ab, ":"); a = $(ab[1]); b = e[ab[2]];
      if ((a == "") != (b == "") || (a != "" && a + 0 != b + 0)) { bad++; if (bad < 10) print "id " id ": " a " vs " b > "/dev/stderr" } } }
  END { print bad + 0 }' "$EX/survey_who2007_z.csv" "$W/survey.csv")
check "WHO 2007 survey: all z-scores and flags equal WHO's ($diffs differ)" "[ '$diffs' = 0 ]"

# 3. --threads 2 gives byte-identical output.
"$T" zscore --anthroplus 1.0 --threads 2 -o "$W/ref2.csv" "$EX/reference-input.csv" 2>/dev/null
check "--threads 2 output identical" "cmp -s '$W/ref.csv' '$W/ref2.csv'"
"$T" zscore --anthroplus 1.0 --threads 3 < "$EX/reference-input.csv" > "$W/ref3.csv" 2>/dev/null
check "--threads 3 from stdin identical" "cmp -s '$W/ref.csv' '$W/ref3.csv'"

# 4. Indonesian Excel: BOM, ';' and decimal comma, CRLF, Indonesian names, dates.
printf '\357\273\277Nama;JK;Tgl Lahir;Tanggal Pengukuran;Berat;Tinggi;Cara Ukur\r\n"Siti; Aminah";P;15/03/2024;2025-03-15;8,5;72,3;terlentang\r\nBudi;L;01-01-2022;01-07-2024;11,2;86;berdiri\r\n' > "$W/id.csv"
"$T" zscore -o "$W/id.out" "$W/id.csv" 2>"$W/id.err"
check "Indonesian CSV exits 0" "[ $? -eq 0 ]"
check "Indonesian CSV keeps ';' and quoted fields" "grep -q '^\"Siti; Aminah\";P;15/03/2024' '$W/id.out'"
zl=$(col "$W/id.out" zlen ';')
ad=$(col "$W/id.out" age_days ';')
check "age from dates: 912 days" "[ \"\$(sed -n 3p '$W/id.out' | cut -d';' -f$ad)\" = 912 ]"
check "z-scores written with decimal comma" "sed -n 3p '$W/id.out' | cut -d';' -f$zl | grep -qE '^-?[0-9]+,[0-9][0-9]$'"
# Same child in a plain file gives the same zlen (with a point).
printf 'sex,age_days,weight,lenhei,measure\n1,912,11.2,86,h\n' > "$W/plain.csv"
"$T" zscore "$W/plain.csv" > "$W/plain.out" 2>/dev/null
a=$(sed -n 3p "$W/id.out" | cut -d';' -f$zl | tr , .)
b=$(sed -n 2p "$W/plain.out" | cut -d, -f$(col "$W/plain.out" zlen))
check "decimal comma and point give the same z ($a, $b)" "[ -n '$a' ] && [ '$a' = '$b' ]"
tbu=$(col "$W/id.out" tbu ';')
check "category code written" "sed -n 3p '$W/id.out' | cut -d';' -f$tbu | grep -qE '^(SP|P|N|T)$'"

# 5. A value that cannot be read: missing, warned with line and column; row kept.
printf 'id,sex,age_days,weight,lenhei\n1,1,400,9.5,75\n2,1,400,abc,75\n3,x,400,9.5,75\n' > "$W/badval.csv"
"$T" zscore -o "$W/badval.out" "$W/badval.csv" 2>"$W/badval.err"
check "bad values: exit 0" "[ $? -eq 0 ]"
check "bad values: all rows kept" "[ \$(wc -l < '$W/badval.out') -eq 4 ]"
check "warning names line 3 column 4 (weight)" "grep -q 'baris 3, kolom 4 (weight)' '$W/badval.err'"
check "warning names line 4 column 2 (sex)" "grep -q 'baris 4, kolom 2 (sex)' '$W/badval.err'"
check "summary line" "grep -q '3 baris, 2 nilai tidak terbaca' '$W/badval.err'"
zw=$(col "$W/badval.out" zwei)
check "row with bad weight has no zwei" "[ -z \"\$(sed -n 3p '$W/badval.out' | cut -d, -f$zw)\" ]"
"$T" zscore --strict -o "$W/strict.out" "$W/badval.csv" 2>"$W/strict.err"
check "--strict: non-zero exit" "[ $? -ne 0 ]"
check "--strict: no output file" "[ ! -e '$W/strict.out' ] && [ ! -e '$W/strict.out.tmp' ]"
check "--strict: names the problem" "grep -q 'baris 3, kolom 4' '$W/strict.err'"

# 6. Not CSV / wrong columns: clear error, non-zero exit, no output file.
printf 'id,weight\n1,9\n' > "$W/nosex.csv"
"$T" zscore -o "$W/nosex.out" "$W/nosex.csv" 2>"$W/nosex.err"
check "no sex column: non-zero exit" "[ $? -ne 0 ]"
check "no sex column: message" "grep -q 'tidak ada kolom jenis kelamin' '$W/nosex.err'"
check "no sex column: no output" "[ ! -e '$W/nosex.out' ] && [ ! -e '$W/nosex.out.tmp' ]"
printf 'id,sex,name\n1,1,a\n' > "$W/nomeas.csv"
"$T" zscore -o "$W/nomeas.out" "$W/nomeas.csv" 2>"$W/nomeas.err"
check "no age and no measure: non-zero exit" "[ $? -ne 0 ] && grep -q 'tidak ada kolom umur' '$W/nomeas.err'"
head -c 3000 /bin/ls > "$W/junk.csv"
"$T" zscore -o "$W/junk.out" "$W/junk.csv" 2>"$W/junk.err"
check "binary junk: non-zero exit, no output" "[ $? -ne 0 ] && [ ! -e '$W/junk.out' ] && [ ! -e '$W/junk.out.tmp' ]"
# Junk after good rows: nothing half-written.
{ printf 'sex,age_days,weight\n'; i=0; while [ $i -lt 5000 ]; do echo "1,400,9.5"; i=$((i+1)); done; head -c 500 /bin/ls; } > "$W/latejunk.csv"
"$T" zscore -o "$W/latejunk.out" "$W/latejunk.csv" 2>"$W/latejunk.err"
check "junk after 5000 rows: non-zero exit, no output" "[ $? -ne 0 ] && [ ! -e '$W/latejunk.out' ] && [ ! -e '$W/latejunk.out.tmp' ]"
check "junk: message names a line" "grep -q 'baris ' '$W/latejunk.err'"
: > "$W/empty.csv"
"$T" zscore -o "$W/empty.out" "$W/empty.csv" 2>/dev/null
check "empty file: non-zero exit" "[ $? -ne 0 ] && [ ! -e '$W/empty.out' ]"
"$T" zscore "$W/does-not-exist.csv" 2>/dev/null >/dev/null
check "missing file: non-zero exit" "[ $? -ne 0 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
