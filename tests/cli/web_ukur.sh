#!/bin/sh
# tests/cli/web_ukur.sh - the integrity of measurements on the server (issue
# 10): a client id bound to its child and values, a save in a month already
# measured corrects that measurement, correction and soft deletion by id,
# plausibility whatever the client sends, the posyandu day's date.
. tests/cli-lib.sh
. tests/web-lib.sh

q() { sqlite3 "$DB" "$1"; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a + b }'; }
login kader
# a child under five measured in October and November (posyandu 1), and another
C=$(q "SELECT a.individu_id FROM anak a JOIN individu i ON i.id = a.individu_id WHERE a.posyandu_id = 1 AND i.tgl_lahir > '2023-06-01' AND EXISTS (SELECT 1 FROM pengukuran WHERE anak_id = a.individu_id AND tanggal LIKE '2026-11%') AND EXISTS (SELECT 1 FROM pengukuran WHERE anak_id = a.individu_id AND tanggal LIKE '2026-10%' AND tb IS NOT NULL AND bb IS NOT NULL) LIMIT 1")
C2=$(q "SELECT a.individu_id FROM anak a JOIN individu i ON i.id = a.individu_id WHERE a.posyandu_id = 1 AND i.tgl_lahir > '2023-06-01' AND a.individu_id <> $C AND EXISTS (SELECT 1 FROM pengukuran WHERE anak_id = a.individu_id AND tanggal LIKE '2026-10%' AND bb IS NOT NULL) LIMIT 1")
set -- $(q "SELECT bb, tb FROM pengukuran WHERE anak_id = $C AND tanggal LIKE '2026-10%'" | tr '|' ' ')
BB=$1; TB=$2
NOV=$(q "SELECT id FROM pengukuran WHERE anak_id = $C AND tanggal LIKE '2026-11%'")
check "fixtures: two children, October values" "[ -n \"$C\" ] && [ -n \"$C2\" ] && [ -n \"$BB\" ] && [ -n \"$NOV\" ]"

# 2. saving again in a measured month corrects that measurement (even on another day)
B1=$(add "$BB" 0.3); T1=$(add "$TB" 0.5)
check "save in a measured month: 200 (a correction)" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$C,\"tanggal\":\"2026-11-05\",\"bb\":$B1,\"tb\":$T1}") = 200 ]"
check "still one measurement in November, the same row, moved to the 5th" "[ \"\$(q \"SELECT count(*) || ' ' || max(id) || ' ' || max(tanggal) FROM pengukuran WHERE anak_id = $C AND tanggal LIKE '2026-11%'\")\" = \"1 $NOV 2026-11-05\" ]"
check "audit: ubah with the date before and after" "q \"SELECT sebelum || ' -> ' || sesudah FROM audit_log WHERE aksi = 'ubah' AND tabel = 'pengukuran' AND baris = '$C/2026-11-05'\" | grep -q '\"tanggal\":\"2026-11-19\".* -> .*\"tanggal\":\"2026-11-05\"'"
B2=$(add "$BB" 0.4)
check "correct by id: 200" "[ $(post_json kader /api/v1/pengukuran/$NOV "{\"bb\":$B2,\"tb\":$T1}") = 200 ] && grep -q \"\\\"bb\\\":$B2\" \"$W/body\""
check "corrected in place" "[ \"\$(q \"SELECT count(*) || ' ' || max(bb) FROM pengukuran WHERE anak_id = $C AND tanggal LIKE '2026-11%'\")\" = \"1 $B2\" ]"
check "correct a measurement that does not exist: 404" "[ $(post_json kader /api/v1/pengukuran/99999999 "{\"bb\":10}") = 404 ]"
check "posyandu day shows the stored values of a child measured this month" "get kader '/posyandu/1?bulan=2026-11' > /dev/null && grep -q \"name=\\\"bb\\\"[^>]*value=\\\"$B2\\\"\" \"$W/body\" && grep -q 'name=\"tanggal\" required value=\"2026-11-05\"' \"$W/body\""

# 4. plausibility on the server, whatever the client sends
T12=$(add "$TB" -12)
check "12 cm below last month: 409 asking to confirm" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$C,\"tanggal\":\"2026-11-05\",\"bb\":$B2,\"tb\":$T12}") = 409 ] && grep -q '\"perlu_konfirmasi\":true' \"$W/body\" && grep -q '\"periksa\":\[{\"kolom\":\"tb\",\"pesan\":\"Panjang/tinggi' \"$W/body\" && grep -q '\"galat\":' \"$W/body\""
check "nothing stored unconfirmed" "[ \$(q \"SELECT tb FROM pengukuran WHERE id = $NOV\") = $T1 ]"
BX=$(add "$BB" "$BB")
check "weight doubled: 409 on bb" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$C,\"tanggal\":\"2026-11-05\",\"bb\":$(add $BX 0.2),\"tb\":$T1}") = 409 ] && grep -q '\"kolom\":\"bb\"' \"$W/body\""
check "confirmed: stored, marked, z-score flagged" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$C,\"tanggal\":\"2026-11-05\",\"bb\":$B2,\"tb\":$T12,\"yakin\":true}") = 200 ] && [ \"\$(q \"SELECT tidak_wajar || ' ' || f_tbu || ' ' || f_bbtb || ' ' || coalesce(kat_tbu, '-') FROM pengukuran WHERE id = $NOV\")\" = '2 1 1 -' ]"
check "the flagged value is not in the stunting figures" "[ \$(q \"SELECT count(*) FROM pengukuran WHERE id = $NOV AND f_tbu = 0\") = 0 ]"
post_json kader /api/v1/pengukuran "{\"anak_id\":$C,\"tanggal\":\"2026-11-05\",\"bb\":$B2,\"tb\":$T1}" > /dev/null
check "corrected back: no mark" "[ \"\$(q \"SELECT tidak_wajar || ' ' || f_tbu FROM pengukuran WHERE id = $NOV\")\" = '0 0' ]"
# WHO's flags for the age: a newborn-sized child registered today, weighed at 15 kg
curl -s -b "$W/kader.jar" -o /dev/null -d "nama=Bayi+Uji&jk=1&tgl_lahir=2026-08-01&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1/anak-baru"
NB=$(q "SELECT id FROM individu WHERE nama = 'Bayi Uji'")
check "WHO flag for the age (BB/U): 409" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$NB,\"tanggal\":\"2026-11-02\",\"bb\":15,\"tb\":62}") = 409 ] && grep -q 'standar WHO' \"$W/body\""
check "LiKA accepted and stored" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$NB,\"tanggal\":\"2026-11-02\",\"bb\":6.2,\"tb\":62,\"lika\":41.5}") = 201 ] && [ \$(q \"SELECT lika FROM pengukuran WHERE anak_id = $NB\") = 41.5 ]"
check "LiKA far off the WHO standard: 409 on lika" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$NB,\"tanggal\":\"2026-11-02\",\"bb\":6.2,\"tb\":62,\"lika\":60}") = 409 ] && grep -q '\"kolom\":\"lika\"' \"$W/body\""

# 1. an offline entry's id is bound to its child and values
U=aaaaaaaa-bbbb-cccc-dddd-000000000001
J="{\"uuid\":\"$U\",\"anak_id\":$C2,\"tanggal\":\"2026-11-07\",\"bb\":$(q "SELECT bb FROM pengukuran WHERE anak_id = $C2 AND tanggal LIKE '2026-10%'")}"
s=$(post_json kader /api/v1/pengukuran "$J")
check "offline entry stored" "[ $s = 200 ] || [ $s = 201 ]"
check "sent again: 200, duplikat" "[ $(post_json kader /api/v1/pengukuran "$J") = 200 ] && grep -q '\"duplikat\":true' \"$W/body\""
check "same id for another child: 409" "[ $(post_json kader /api/v1/pengukuran "{\"uuid\":\"$U\",\"anak_id\":$C,\"tanggal\":\"2026-11-07\",\"bb\":$B2}") = 409 ] && grep -qi 'id isian sudah dipakai untuk isian lain' \"$W/body\""
check "same id with other values: 409" "[ $(post_json kader /api/v1/pengukuran "{\"uuid\":\"$U\",\"anak_id\":$C2,\"tanggal\":\"2026-11-07\",\"bb\":7.7}") = 409 ]"
check "the other child's measurement untouched" "[ \"\$(q \"SELECT count(*) || ' ' || max(bb) FROM pengukuran WHERE anak_id = $C AND tanggal LIKE '2026-11%'\")\" = \"1 $B2\" ]"

# 2. soft deletion with a reason
JA='{"alasan":"salah anak"}'
check "delete without a reason: 422" "[ $(post_json kader /api/v1/pengukuran/$NOV/hapus '{}') = 422 ] && grep -q 'alasan' \"$W/body\""
check "delete with a reason: 200" "[ $(post_json kader /api/v1/pengukuran/$NOV/hapus "$JA") = 200 ]"
check "gone from the measurements, kept in the archive with who and why" "[ \$(q \"SELECT count(*) FROM pengukuran WHERE id = $NOV\") = 0 ] && [ \"\$(q \"SELECT a.jenis || ' ' || a.alasan || ' ' || p.username FROM arsip_pengukuran a JOIN pengguna p ON p.id = a.oleh WHERE a.pengukuran_id = $NOV\")\" = 'hapus salah anak kader' ]"
check "audit: hapus with the row before" "q \"SELECT sebelum || sesudah FROM audit_log WHERE aksi = 'hapus' AND tabel = 'pengukuran' AND baris = '$C/$NOV'\" | grep -q 'salah anak'"
check "not listed on the child API" "get kader /api/v1/anak/$C > /dev/null && ! grep -q '2026-11-05' \"$W/body\""
check "deleting it again: 404" "[ $(post_json kader /api/v1/pengukuran/$NOV/hapus "$JA") = 404 ]"
login tpk
check "a role that does not enter measurements cannot delete" "[ $(post_json tpk /api/v1/pengukuran/$(q "SELECT id FROM pengukuran WHERE anak_id = $C2 LIMIT 1")/hapus "$JA") = 403 ]"

# 2. the child page: "ubah" and "hapus" for the roles that enter measurements
formpost() { curl -s -b "$W/$1.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' -d "$3&csrf=$(cat "$W/$1.csrf")" "$B$2"; }
check "child page: ubah and hapus forms for the cadre" "[ $(get kader /anak/$C2) = 200 ] && grep -q 'action=\"/api/v1/pengukuran/[0-9]*/hapus\"' \"$W/body\" && grep -q 'action=\"/api/v1/pengukuran/[0-9]*\"><input' \"$W/body\""
check "child page: none for the TPK (no measurement entry)" "[ $(get tpk /anak/$C2) = 200 ] && ! grep -q '/hapus' \"$W/body\""
M2=$(q "SELECT id FROM pengukuran WHERE anak_id = $C2 ORDER BY tanggal LIMIT 1")
check "delete from the child page: back to the page, archived" "[ $(formpost kader /api/v1/pengukuran/$M2/hapus 'alasan=data+ganda') = 303 ] && grep -qi \"^location: /anak/$C2\" \"$W/head\" && [ \"\$(q \"SELECT alasan FROM arsip_pengukuran WHERE pengukuran_id = $M2\")\" = 'data ganda' ]"
set -- $(q "SELECT id, tanggal, bb FROM pengukuran WHERE anak_id = $C2 AND bb IS NOT NULL ORDER BY tanggal LIMIT 1" | tr '|' ' ')
check "correct from the child page: back to the page, corrected" "[ $(formpost kader /api/v1/pengukuran/$1 "tanggal=$2&bb=$(add $3 0.1)") = 303 ] && [ \$(q \"SELECT bb FROM pengukuran WHERE id = $1\") = $(add $3 0.1) ]"

# 2. a child entered twice is merged, keeping both histories
curl -s -b "$W/kader.jar" -o /dev/null -d "nama=Anak+Ganda&jk=1&tgl_lahir=2024-01-01&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1/anak-baru"
DUP=$(q "SELECT id FROM individu WHERE nama = 'Anak Ganda'")
KD=$(q "SELECT tanggal FROM pengukuran WHERE anak_id = $C2 ORDER BY tanggal DESC LIMIT 1")
q "INSERT INTO pengukuran (anak_id, tanggal, bb) VALUES ($DUP, '$KD', 9.9), ($DUP, '2024-06-03', 7.1)"
KEEPN=$(q "SELECT count(*) FROM pengukuran WHERE anak_id = $C2")
login bidan.desa
check "the cadre cannot merge: 403" "[ $(formpost kader /anak/$C2/gabung "lain=$DUP") = 403 ]"
check "merge without the other child: 422" "[ $(formpost bidan.desa /anak/$C2/gabung "lain=") = 422 ]"
check "merge outside the area: 403" "[ $(formpost bidan.desa /anak/$C2/gabung "lain=90000") = 403 ]"
check "merge: back to the kept child" "[ $(formpost bidan.desa /anak/$C2/gabung "lain=$DUP") = 303 ] && grep -qi \"^location: /anak/$C2\" \"$W/head\""
check "the other day's measurement moved, the same-day one archived as merged away" "[ \$(q \"SELECT count(*) FROM pengukuran WHERE anak_id = $C2\") = $((KEEPN + 1)) ] && [ \$(q \"SELECT count(*) FROM pengukuran WHERE anak_id = $DUP\") = 0 ] && [ \"\$(q \"SELECT jenis || ' ' || tanggal FROM arsip_pengukuran WHERE anak_id = $DUP\")\" = \"gabung $KD\" ] && [ \$(q \"SELECT bb FROM pengukuran WHERE anak_id = $C2 AND tanggal = '$KD'\") != 9.9 ]"
check "marked merged, audited, its page redirects" "[ \$(q \"SELECT digabung_ke FROM anak WHERE individu_id = $DUP\") = $C2 ] && [ \$(q \"SELECT count(*) FROM audit_log WHERE aksi = 'ubah' AND tabel = 'anak' AND baris = '$DUP' AND sesudah LIKE '%digabung_ke%'\") = 1 ] && [ $(get bidan.desa /anak/$DUP) = 303 ]"
check "hidden from the posyandu day" "get kader /posyandu/1 > /dev/null && ! grep -q 'Anak Ganda' \"$W/body\""
check "N/T/O/B recomputed: the moved weighing is the kept child's first (B)" "[ \$(q \"SELECT naik FROM pengukuran WHERE anak_id = $C2 AND tanggal = '2024-06-03'\") = B ]"

# 3. the posyandu day's date: the posyandu's usual day, not after today
check "the demo stores each posyandu's usual day" "[ \$(q 'SELECT count(*) FROM posyandu WHERE hari_buka BETWEEN 5 AND 24') = \$(q 'SELECT count(*) FROM posyandu WHERE id <> 900') ]"
TODAY=$(date +%F)
q "UPDATE posyandu SET hari_buka = 1 WHERE id = 1"
check "this month: the posyandu day (the 1st), not today" "get kader /posyandu/1 > /dev/null && grep -q 'name=\"tanggal\" required value=\"${TODAY%-*}-01\"' \"$W/body\""
q "UPDATE posyandu SET hari_buka = 31 WHERE id = 1"
LAST=$(q "SELECT min(date('$TODAY', 'start of month', '+1 month', '-1 day'), '$TODAY')")
check "this month, the day still ahead: today at the latest" "get kader /posyandu/1 > /dev/null && grep -q 'name=\"tanggal\" required value=\"$LAST\"' \"$W/body\""
check "another month: its posyandu day (the 31st of a 30-day month: the 30th)" "get kader '/posyandu/1?bulan=2026-09' > /dev/null && grep -q 'name=\"tanggal\" required value=\"2026-09-30\"' \"$W/body\""

# a save while another writer holds the database (an import's transaction)
# longer than the server waits: 503 with Retry-After and a reason in Bahasa
# Indonesia (the phone's queue sends it again), nothing stored; stored once
# the writer is done
N0=$(q "SELECT count(*) FROM pengukuran")
printf 'BEGIN IMMEDIATE;\nINSERT INTO pengaturan (kunci, nilai) VALUES (%s, %s) ON CONFLICT DO NOTHING;\n.system sleep 8\nROLLBACK;\n' \
  "'uji_kunci'" "'1'" | sqlite3 "$DB" > /dev/null 2>&1 &
LOCKER=$!
sleep 1
got=$(curl -s -b "$W/kader.jar" -o "$W/body" -D "$W/head" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/kader.csrf")" \
  -H 'Content-Type: application/json' -d "{\"anak_id\":$C,\"tanggal\":\"2026-11-06\",\"bb\":$B2,\"tb\":$T1}" "$B/api/v1/pengukuran")
wait $LOCKER
check "database locked by another writer: 503 ($got), Retry-After, the reason in Indonesian, nothing stored" \
  "[ '$got' = 503 ] && grep -qi '^Retry-After: 10' '$W/head' && grep -q 'sedang dipakai proses lain' '$W/body' && [ \$(q 'SELECT count(*) FROM pengukuran') = $N0 ]"
got=$(post_json kader /api/v1/pengukuran "{\"anak_id\":$C,\"tanggal\":\"2026-11-06\",\"bb\":$B2,\"tb\":$T1}")
check "the same save once the writer is done: stored ($got $(head -c 200 "$W/body"))" \
  "[ '$got' = 201 ] && [ \$(q \"SELECT count(*) FROM pengukuran WHERE anak_id = $C AND tanggal = '2026-11-06'\") = 1 ]"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
