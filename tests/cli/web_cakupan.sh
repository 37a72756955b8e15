#!/bin/sh
# tests/cli/web_cakupan.sh - intervention coverage in the web application
# (/cakupan): the scorecard with the status in words beside the colour,
# the gaps ranked, the sub-areas; scope (a desa user only their desa; the
# kabupaten's evaluation and lokus ranking only for its TPPS, admin and
# OPD); the lokus weights form (refused values come back filled, the
# ranking recomputed after a change); the district's target and a value
# entered from another system, each audited; the downloads.
. tests/cli-lib.sh
. tests/web-lib.sh
q() { sqlite3 "$DB" "$1"; }
postf() {
  u=$1 p=$2
  shift 2
  curl -s -b "$W/$u.jar" -c "$W/$u.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' \
    -d "csrf=$(cat "$W/$u.csrf")" "$@" "$B$p"
}
audits() { q "SELECT count(*) FROM audit_log a JOIN pengguna u ON u.id = a.pengguna_id WHERE u.username = '$1' AND a.tabel = '$2'"; }
for u in admin tpps.kab opd.dinkes gizi.puskesmas bidan.desa kader; do login $u; done

# --- the scorecard ---
check "admin: the kabupaten's scorecard" "[ $(get admin '/cakupan?tahun=2026') = 200 ] && grep -q 'Cakupan intervensi: ' \"$W/body\""
check "every indicator listed" "[ \$(grep -o '<tr><td>[SK][0-9]* ' \"$W/body\" | wc -l) -eq 20 ]"
check "the status in words, not colour alone" "grep -q 'capai-rendah\">✗ rendah' \"$W/body\" && grep -q '✓ tercapai' \"$W/body\""
check "the quarters" "grep -q '<th>TW 4</th>' \"$W/body\""
check "the gaps ranked" "grep -q 'Cakupan layanan yang masih rendah' \"$W/body\""
check "the kecamatan with links" "grep -q 'href=\"/cakupan?wilayah=35.99.01&amp;tahun=2026\"' \"$W/body\""
check "a desa user: their desa" "[ $(get bidan.desa /cakupan) = 200 ] && grep -q 'Cakupan intervensi: ' \"$W/body\" && ! grep -q 'Per desa' \"$W/body\""
check "a desa user: the kabupaten 403" "[ $(get bidan.desa '/cakupan?wilayah=35.99') = 403 ]"
check "another kabupaten 403" "[ $(get admin '/cakupan?wilayah=35.98') = 403 ]"
check "a year to come 400" "[ $(get admin '/cakupan?tahun=2099') = 400 ]"
check "a cadre 403" "[ $(get kader /cakupan) = 403 ]"
check "the desa's CSV" "[ $(get bidan.desa '/cakupan/unduh/cakupan.csv?tahun=2026') = 200 ] && grep -q 'S7 Balita yang dipantau' \"$W/body\""
check "a desa user: the lokus CSV 403" "[ $(get bidan.desa '/cakupan/unduh/lokus.csv?tahun=2026') = 403 ]"
check "a desa user: the evaluation 403" "[ $(get bidan.desa '/cakupan/evaluasi') = 403 ]"
check "the evaluation: kabupaten and kecamatan" "[ $(get opd.dinkes '/cakupan/evaluasi?tahun=2026') = 200 ] && [ \$(grep -o '<h2>' \"$W/body\" | wc -l) -eq $(($(q "SELECT count(*) FROM wilayah WHERE tingkat = 3 AND kode LIKE '35.99.%'") + 1)) ]"
check "the evaluation as PDF" "[ $(get tpps.kab '/cakupan/unduh/evaluasi.pdf?tahun=2026') = 200 ] && [ \"\$(head -c 4 \"$W/body\")\" = %PDF ]"
check "the Ansit export" "[ $(get tpps.kab '/cakupan/unduh/ansit.xlsx?tahun=2026') = 200 ] && [ \"\$(head -c 2 \"$W/body\")\" = PK ]"

# --- lokus ranking and its weights ---
check "lokus page: the components and the formula" "[ $(get tpps.kab '/cakupan/lokus?tahun=2026') = 200 ] && grep -q 'Celah cakupan' \"$W/body\" && grep -q 'min-maks' \"$W/body\""
check "OPD reads the ranking, without the weights form" "[ $(get opd.dinkes '/cakupan/lokus?tahun=2026') = 200 ] && ! grep -q 'action=\"/cakupan/lokus/bobot\"' \"$W/body\""
check "OPD may not set weights" "[ $(postf opd.dinkes /cakupan/lokus/bobot -d tahun=2026) = 403 ]"
st=$(postf tpps.kab /cakupan/lokus/bobot -d tahun=2026 -d stunting=150 -d prevalensi=0 -d krs=100 -d celah_cakupan=0 -d kemiskinan=0)
check "a weight over 100 refused, 422" "[ $st = 422 ]"
check "the refused form keeps what was typed" "grep -q 'name=\"stunting\" value=\"150\"' \"$W/body\" && grep -q 'class=\"galat\"' \"$W/body\""
TOPKRS=$(q "SELECT w.nama FROM wilayah w LEFT JOIN keluarga k ON k.desa = w.kode AND k.krs = 1 WHERE w.tingkat = 4 AND w.kode LIKE '35.99.%' GROUP BY w.kode ORDER BY count(k.id) DESC, w.kode LIMIT 1")
st=$(postf tpps.kab /cakupan/lokus/bobot -d tahun=2026 -d stunting=0 -d prevalensi=0 -d krs=100 -d celah_cakupan=0 -d kemiskinan=0)
check "weights saved: 303" "[ $st = 303 ] && [ $(audits tpps.kab lokus_bobot) = 1 ]"
get tpps.kab '/cakupan/unduh/lokus.csv?tahun=2026' > /dev/null
check "recomputed: the desa with the most KRS first" "sed -n 2p \"$W/body\" | grep -q \"$TOPKRS\""

# --- targets and entered values ---
check "indicators page: definitions" "[ $(get gizi.puskesmas /cakupan/indikator) = 200 ] && grep -q 'dihitung dari catatan Tumbuh' \"$W/body\" && ! grep -q 'action=\"/cakupan/target\"' \"$W/body\""
st=$(postf admin /cakupan/target -d kode=S7 -d tahun=2026 -d target=abc)
check "a target that is not a number: 422, kept" "[ $st = 422 ] && grep -q 'value=\"abc\"' \"$W/body\""
st=$(postf admin /cakupan/target -d kode=S7 -d tahun=2026 -d target=95,5)
check "the district's target saved" "[ $st = 303 ] && [ \"$(q "SELECT target FROM indikator_target_wilayah WHERE kode = 'S7' AND wilayah = '35.99' AND tahun = 2026")\" = 95.5 ] && [ $(audits admin indikator_target_wilayah) = 1 ]"
check "a puskesmas may not set targets" "[ $(postf gizi.puskesmas /cakupan/target -d kode=S7 -d tahun=2026 -d target=80) = 403 ]"
st=$(postf gizi.puskesmas /cakupan/isian -d kode=S7 -d wilayah=35.99.01.2001 -d periode=2026 -d pembilang=1 -d penyebut=2 -d sumber=ASIK)
check "a computed indicator is not entered: 422" "[ $st = 422 ] && grep -q 'dihitung dari catatan Tumbuh' \"$W/body\""
st=$(postf gizi.puskesmas /cakupan/isian -d kode=S9 -d wilayah=35.98.01.2001 -d periode=2026 -d pembilang=1 -d penyebut=2 -d sumber=ASIK)
check "outside the user's area: 422" "[ $st = 422 ] && grep -q 'wilayah kerja Anda' \"$W/body\""
st=$(postf gizi.puskesmas /cakupan/isian -d kode=S9 -d wilayah=35.99.01.2001 -d periode=2026-TW5 -d pembilang=8 -d penyebut=10 -d sumber=ASIK)
check "a bad period: 422, the sumber kept" "[ $st = 422 ] && grep -q 'TTTT-TW1' \"$W/body\" && grep -q 'name=\"sumber\" value=\"ASIK\"' \"$W/body\""
st=$(postf gizi.puskesmas /cakupan/isian -d kode=S9 -d wilayah=35.99.01.2001 -d periode=2026 -d pembilang=8 -d penyebut=10 -d sumber=ASIK)
check "a value entered: 303, audited" "[ $st = 303 ] && [ $(audits gizi.puskesmas indikator_nilai) = 1 ]"
get bidan.desa '/cakupan?tahun=2026' > /dev/null
check "the desa's scorecard shows it with its source" "grep -q 'imunisasi dasar lengkap</td><td>8</td><td>10</td><td>80,0%' \"$W/body\" && grep -q '<td>ASIK</td>' \"$W/body\""
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
