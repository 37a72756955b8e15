#!/bin/sh
# tests/cli/web_links.sh - the roles that do not see names (tpps.kab,
# opd.dinkes, tpps.kec) get lists without a child id column and without links
# to pages they may not open: every report page of their area and of its
# sub-areas is fetched, and every link in it is followed; none may answer 403.
. tests/cli-lib.sh
. tests/web-lib.sh

MONTH=2026-10
REPORTS=$($T report --help 2>&1 | sed -n 's/^NAME: publikasi, //p' | tr -d ' ' | tr ',' ' ')
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
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
