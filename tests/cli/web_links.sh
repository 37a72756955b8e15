#!/bin/sh
# tests/cli/web_links.sh - the roles that do not see names (tpps.kab,
# opd.dinkes, tpps.kec) get lists without a child id column and without links
# to pages they may not open: every report page of their area and of its
# sub-areas is fetched, and every link in it is followed; none may answer 403.
. tests/cli-lib.sh
. tests/web-lib.sh

MONTH=2026-10
REPORTS=$($T report --help 2>&1 | sed -n 's/^NAMA: publikasi, //p' | tr -d ' ' | tr ',' ' ')
check "report names known from tumbuh report --help" "[ -n \"$REPORTS\" ]"
# the href values of $W/body, &amp; decoded, one a line
hrefs() { grep -o 'href="[^"]*"' "$W/body" | sed 's/^href="//; s/"$//; s/&amp;/\&/g'; }

for u in tpps.kab opd.dinkes tpps.kec; do
  login "$u"
  WIN=$(sqlite3 "$DB" "SELECT wilayah FROM pengguna WHERE username = '$u'")
  # the area and its first three sub-areas, one level down
  areas="$WIN $(sqlite3 "$DB" "SELECT kode FROM wilayah WHERE induk = '$WIN' ORDER BY kode LIMIT 3")"
  : > "$W/links.$u"
  pages=0
  bad_id=0
  for a in $areas; do
    for n in $REPORTS; do
      code=$(get "$u" "/laporan/$n?wilayah=$a&bulan=$MONTH")
      [ "$code" = 200 ] || { check "$u /laporan/$n?wilayah=$a: 200, got $code" false; continue; }
      pages=$((pages + 1))
      grep -q '<th[^>]*>ID</th>' "$W/body" && { bad_id=$((bad_id + 1)); echo "id column: $u $n $a" >&2; }
      hrefs >> "$W/links.$u"
    done
  done
  check "$u: $pages list pages, none with an ID column ($bad_id)" "[ $bad_id -eq 0 ] && [ $pages -gt 20 ]"
  sort -u "$W/links.$u" | grep '^/' | grep -v '^/keluar' > "$W/uniq.$u"
  n403=0
  total=0
  while read -r href; do
    total=$((total + 1))
    code=$(get "$u" "$href")
    [ "$code" = 403 ] && { n403=$((n403 + 1)); echo "403: $u $href" >&2; }
  done < "$W/uniq.$u"
  check "$u: $total links followed, none 403 ($n403)" "[ $n403 -eq 0 ] && [ $total -gt 5 ]"
  check "$u: no link to a child page" "! grep -q '^/anak/' '$W/uniq.$u'"
done
# the roles that see names still get ids and links to the child page
u=$(sqlite3 "$DB" "SELECT username FROM pengguna WHERE peran = 'gizi_puskesmas' LIMIT 1")
login "$u"
WIN=$(sqlite3 "$DB" "SELECT wilayah FROM pengguna WHERE username = '$u'")
get "$u" "/laporan/tidak-diukur?wilayah=$WIN&bulan=$MONTH" > /dev/null
check "$u: the home-visit list links to the child pages" "grep -q 'href=\"/anak/[0-9]' '$W/body'"
# SKDN by age group and sex from the command line too, with every ratio
$T --db "$DB" report skdn-umur --wilayah 35.99 --month 2026-10 > "$W/umur.csv" 2> "$W/umur.err"
check "tumbuh report skdn-umur" "head -1 '$W/umur.csv' | grep -q '^umur,jk,S,K,D,N,T,O,B,2T,BGM,K_S,D_S,D_K,N_D,N_S,BGM_D,2T_D'"
check "skdn-umur: the five age groups by sex and the totals" \
  "[ \$(grep -c '^[0-9-]* bulan,[LP],' '$W/umur.csv') -eq 10 ] && grep -q '^Jumlah,L+P,' '$W/umur.csv'"
# a child who moved away leaves S from that month (the status form, for entry roles)
K=$(sqlite3 "$DB" "SELECT username FROM pengguna WHERE peran = 'kader' AND posyandu_id = 1 LIMIT 1")
CIN=$(sqlite3 "$DB" "SELECT individu_id FROM anak JOIN individu ON id = individu_id
  WHERE posyandu_id = 1 AND tgl_lahir > '2022-01-01' LIMIT 1")
s_pos1() { $T --db "$DB" report skdn --posyandu 1 --month "$1" | awk -F, '$1 == "Jumlah" {print $2}'; }
before=$(s_pos1 2026-10)
login "$K"
check "status form for the cadre" "[ \"\$(get $K /anak/$CIN/status)\" = 200 ]"
check "status form refused to tpps.kab" "[ \"\$(get tpps.kab /anak/$CIN/status)\" = 403 ]"
code=$(curl -s -b "$W/$K.jar" -o /dev/null -w '%{http_code}' \
  -d "status=pindah&tanggal=2026-10-15&catatan=ke+kota&csrf=$(cat "$W/$K.csrf")" "$B/anak/$CIN/status")
check "status pindah saved: 303, got $code" "[ '$code' = 303 ]"
after=$(s_pos1 2026-10)
check "moved child leaves S of October ($before -> $after)" "[ \"$after\" -eq \"$((before - 1))\" ]"
check "and is still in S of September" "[ \"\$(s_pos1 2026-09)\" -ge \"$after\" ]"
get "$K" "/posyandu/1?bulan=2026-10" > /dev/null
check "moved child no longer a target of the October posyandu day" "! grep -q 'data-anak=\"$CIN\"' \"$W/body\""
get "$K" "/posyandu/1?bulan=2026-09" > /dev/null
check "but still one of September's" "grep -q 'data-anak=\"$CIN\"' \"$W/body\""
code=$(curl -s -b "$W/$K.jar" -o /dev/null -w '%{http_code}' \
  -d "status=hilang&tanggal=2026-10-15&csrf=$(cat "$W/$K.csrf")" "$B/anak/$CIN/status")
check "unknown status refused: 422, got $code" "[ '$code' = 422 ]"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
