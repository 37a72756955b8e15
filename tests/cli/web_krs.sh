#!/bin/sh
# tests/cli/web_krs.sh - the families-at-risk pages (issue 12) on the small
# demo: the KRS table and its drill-down kabupaten -> kecamatan -> desa,
# the area scope, names only for the roles that work with families by name,
# verval (a refused form comes back filled; a correction with its reason is
# stored, audited and counted) and the target of assistance.
. tests/cli-lib.sh
. tests/web-lib.sh

expect() { check "$1: want $2, got $3" "[ \"$3\" = \"$2\" ]"; }
# post USER PATH FORM...: form fields as curl -d/--data-urlencode arguments
post() {
  u=$1; p=$2; shift 2
  curl -s -b "$W/$u.jar" -o "$W/body" -w '%{http_code}' -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
DESA=35.99.01.2001
# column N of the CSV row starting with CODE in $W/body
col() { tr -d '\r' < "$W/body" | awk -F';' -v k="$1" -v n="$2" '$1 == k {print $n}'; }  # the web CSV: ';', CRLF

for u in tpps.kab tpps.kec bidan.desa tpk kader; do login "$u"; done
expect "kabupaten page" 200 "$(get tpps.kab '/krs?wilayah=35.99&bulan=2026-10')"
check "kabupaten: kecamatan rows link down" "grep -q 'href=\"/krs?wilayah=35.99.01&amp;bulan=2026-10\"' '$W/body'"
check "kabupaten: the total row" "grep -q 'Jumlah' '$W/body'"
expect "kecamatan page" 200 "$(get tpps.kec '/krs?wilayah=35.99.01&bulan=2026-10')"
check "kecamatan: desa rows link down" "grep -q 'href=\"/krs?wilayah=$DESA&amp;bulan=2026-10\"' '$W/body'"
expect "kecamatan role outside its area" 403 "$(get tpps.kec '/krs?wilayah=35.98.01&bulan=2026-10')"
expect "kader: no family pages" 403 "$(get kader "/krs?wilayah=$DESA&bulan=2026-10")"

# names at the desa: the oldest member of a KRS family of the desa
NAME=$(sqlite3 "$DB" "SELECT (SELECT i.nama FROM individu i WHERE i.keluarga_id = k.id ORDER BY i.tgl_lahir, i.id LIMIT 1) FROM keluarga k WHERE k.desa = '$DESA' AND k.krs = 1 LIMIT 1")
expect "kecamatan role at the desa" 200 "$(get tpps.kec "/krs?wilayah=$DESA&bulan=2026-10")"
check "kecamatan role: no names ($NAME)" "! grep -qF \"$NAME\" '$W/body'"
check "kecamatan role: told why" "grep -q 'UU PDP' '$W/body'"
expect "bidan desa at the desa" 200 "$(get bidan.desa "/krs?wilayah=$DESA&bulan=2026-10")"
check "bidan desa sees the family ($NAME)" "grep -qF \"$NAME\" '$W/body'"
expect "TPK of the desa" 200 "$(get tpk "/krs?wilayah=$DESA&bulan=2026-10")"
check "TPK sees the family" "grep -qF \"$NAME\" '$W/body'"
expect "bidan desa: another desa" 403 "$(get bidan.desa '/krs?wilayah=35.99.01.2002&bulan=2026-10')"

# verval: a non-KRS family whose previous round's status was KRS is "changed"
# (the demo's rounds are PK24 and PK25; this family gets a PK26)
F=$(sqlite3 "$DB" "SELECT id FROM keluarga WHERE desa = '$DESA' AND krs = 0 AND sasaran = 1 LIMIT 1")
sqlite3 "$DB" "UPDATE keluarga SET putaran = 'PK26' WHERE id = $F;
  INSERT OR REPLACE INTO keluarga_putaran VALUES ($F, 'PK25', '2025-06-30', 'bkkbn-2023', 1, 1, 'air_tidak_layak'),
    ($F, 'PK26', '2026-06-30', 'bkkbn-2023', 1, 0, NULL);"
get bidan.desa "/unduh/krs.csv?wilayah=$DESA&bulan=2026-10" > /dev/null
KRS0=$(col "$DESA" 5)
get tpps.kec "/unduh/krs-target.csv?wilayah=35.99.01&bulan=2026-10" > /dev/null
OPEN0=$(col "$DESA" 7)
get bidan.desa "/krs?wilayah=$DESA&bulan=2026-10" > /dev/null
check "worklist: the changed family has a form" "grep -q 'action=\"/verval/$F\"' '$W/body'"
check "worklist: says why" "grep -q 'status KRS berubah dari putaran sebelumnya' '$W/body'"
expect "verval without a reason" 422 "$(post bidan.desa "/verval/$F" -d keputusan=koreksi -d krs=1 -d alasan=)"
check "refused: the error beside the form" "grep -q 'Tulis alasannya' '$W/body'"
check "refused: the choice kept (koreksi)" "grep -q 'value=\"koreksi\" selected' '$W/body'"
expect "verval by a kecamatan role" 403 "$(post tpps.kec "/verval/$F" -d keputusan=konfirmasi -d alasan=cek)"
expect "verval corrected with a reason" 303 "$(post bidan.desa "/verval/$F" -d keputusan=koreksi -d krs=1 --data-urlencode 'alasan=kunjungan rumah: sumur tidak terlindung')"
BID=$(sqlite3 "$DB" "SELECT id FROM pengguna WHERE username = 'bidan.desa'")
check "stored: who, status, reason" "[ \"\$(sqlite3 '$DB' \"SELECT keputusan, krs, oleh, alasan FROM krs_verval WHERE keluarga_id = $F\")\" = 'koreksi|1|$BID|kunjungan rumah: sumur tidak terlindung' ]"
check "audited" "[ \$(sqlite3 '$DB' \"SELECT count(*) FROM audit_log WHERE tabel = 'krs_verval' AND baris = '$F' AND pengguna_id = $BID\") -eq 1 ]"
get bidan.desa "/unduh/krs.csv?wilayah=$DESA&bulan=2026-10" > /dev/null
check "the correction counts: KRS $KRS0 + 1" "[ \"$(col "$DESA" 5)\" -eq $((KRS0 + 1)) ]"
get tpps.kec "/unduh/krs-target.csv?wilayah=35.99.01&bulan=2026-10" > /dev/null
check "belum terkonfirmasi: $OPEN0 - 1" "[ \"$(col "$DESA" 7)\" -eq $((OPEN0 - 1)) ]"
get bidan.desa "/krs?wilayah=$DESA&bulan=2026-10" > /dev/null
check "confirmed: shown with the reason, no form" "grep -q 'Dikoreksi: kunjungan rumah' '$W/body' && ! grep -q 'action=\"/verval/$F\"' '$W/body'"

# target of assistance
expect "target not a number" 422 "$(post tpps.kec /krs/target -d desa=$DESA -d tahun=2026 -d target=dua)"
check "refused target: typed value kept" "grep -q 'value=\"dua\"' '$W/body' && grep -q 'Target harus bilangan bulat' '$W/body'"
expect "target outside the area" 422 "$(post tpps.kec /krs/target -d desa=35.98.01.2001 -d tahun=2026 -d target=5)"
check "outside: said so" "grep -q 'di luar wilayah kerja' '$W/body'"
expect "target by the desa role" 403 "$(post bidan.desa /krs/target -d desa=$DESA -d tahun=2026 -d target=5)"
expect "target set" 303 "$(post tpps.kec /krs/target -d desa=$DESA -d tahun=2026 -d target=25)"
check "target stored and audited" "[ \"\$(sqlite3 '$DB' \"SELECT target FROM krs_target WHERE desa = '$DESA' AND tahun = 2026\")\" = 25 ] && [ \$(sqlite3 '$DB' \"SELECT count(*) FROM audit_log WHERE tabel = 'krs_target'\") -eq 1 ]"
get tpps.kec "/unduh/krs-target.csv?wilayah=35.99.01&bulan=2026-10" > /dev/null
check "target shown against families accompanied" "[ \"$(col "$DESA" 3)\" = 25 ]"
# a family's page: its status at two dates (the youngest child's 24th month)
read -r FK LAHIR <<EOT
$(sqlite3 -separator ' ' "$DB" "SELECT k.id, max(i.tgl_lahir) FROM keluarga k JOIN individu i ON i.keluarga_id = k.id WHERE k.desa = '$DESA' GROUP BY k.id HAVING substr(max(i.tgl_lahir), 9, 2) <= '28' AND max(i.tgl_lahir) > '2023-01-01' LIMIT 1")
EOT
D23=$(sqlite3 "$DB" "SELECT date('$LAHIR', '+24 months', '-1 day')")
D24=$(sqlite3 "$DB" "SELECT date('$LAHIR', '+24 months')")
expect "family page, day before the 24th month" 200 "$(get bidan.desa "/keluarga/$FK?tanggal=$D23")"
check "youngest $LAHIR: baduta on $D23" "grep 'id=\"status-tanggal\"' '$W/body' | grep -q 'baduta ya'"
expect "family page, the 24th month" 200 "$(get bidan.desa "/keluarga/$FK?tanggal=$D24")"
check "youngest $LAHIR: no longer baduta on $D24" "grep 'id=\"status-tanggal\"' '$W/body' | grep -q 'baduta tidak, balita ya'"
check "rounds: F changed (PK25 KRS, PK26 not)" "[ \$(get bidan.desa /keluarga/$F) = 200 ] && grep -q 'PK26</td><td>2026-06-30</td><td>ya</td><td>tidak</td><td>-</td><td>tidak lagi KRS' '$W/body'"
expect "family page: a bad date" 400 "$(get bidan.desa "/keluarga/$FK?tanggal=2026-02-30")"
expect "family page: kecamatan role" 403 "$(get tpps.kec "/keluarga/$FK")"
expect "family page: kader" 403 "$(get kader "/keluarga/$FK")"
get bidan.desa "/krs?wilayah=$DESA&bulan=2026-10" > /dev/null
check "the desa list links to the family pages" "grep -q 'href=\"/keluarga/[0-9]*\"' '$W/body'"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
