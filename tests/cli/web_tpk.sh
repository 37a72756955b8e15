#!/bin/sh
# tests/cli/web_tpk.sh - the TPK pages and POST /api/v1/kunjungan-tpk on the
# small demo: a tpk member sees and records only their team's targets; a
# visit is checked field by field (422 with the fields, the form back filled
# without JavaScript); the same uuid sent twice is stored once; tpps_kec and
# desa manage teams in their area only; kader and tpps_kec record no visit.
export TUMBUH_TODAY=2026-11-25
. tests/cli-lib.sh
. tests/web-lib.sh
q() { sqlite3 "$DB" "$1"; }
expect() { check "$1: want $2, got $3" "[ \"$3\" = \"$2\" ]"; }
TPKU=$(q "SELECT id FROM pengguna WHERE username = 'tpk'")
TID=$(q "SELECT tpk_id FROM tpk_anggota WHERE pengguna_id = $TPKU")
DESA=$(q "SELECT desa FROM tpk WHERE id = $TID")
OTHER=$(q "SELECT id FROM tpk WHERE id <> $TID ORDER BY id LIMIT 1")
MINE=$(q "SELECT individu_id FROM tpk_sasaran WHERE tpk_id = $TID AND jenis = 'bumil' ORDER BY individu_id LIMIT 1")
MINE_NAME=$(q "SELECT nama FROM individu WHERE id = $MINE")
THEIRS=$(q "SELECT individu_id FROM tpk_sasaran WHERE tpk_id = $OTHER AND jenis = 'bumil' ORDER BY individu_id LIMIT 1")
THEIRS_NAME=$(q "SELECT nama FROM individu WHERE id = $THEIRS")
check "fixture: targets in two teams" "[ -n \"$MINE\" ] && [ -n \"$THEIRS\" ]"
visits() { q "SELECT count(*) FROM tpk_kunjungan WHERE dibuat_oleh IS NOT NULL"; }

login tpk
expect "tpk: the start page" 303 "$(curl -s -b "$W/tpk.jar" -o /dev/null -w '%{http_code}' "$B/")"
check "tpk: starts on the day" "[ \"\$(curl -s -b \"$W/tpk.jar\" -o /dev/null -w '%{redirect_url}' \"$B/\")\" = \"$B/tpk/hari\" ]"
expect "tpk: the day page" 200 "$(get tpk /tpk/hari)"
check "tpk: the menu leads to the day" "grep -q 'href=\"/tpk/hari\">Pendampingan' \"$W/body\""
check "tpk: sees a target of the team" "grep -qF \"$MINE_NAME\" \"$W/body\""
check "tpk: not a target of another team" "! grep -qF \"$THEIRS_NAME\" \"$W/body\""
check "tpk: overdue first" "[ \"\$(grep -o 'class=\"sasaran[a-z ]*\"' \"$W/body\" | head -1)\" = 'class=\"sasaran terlambat\"' ]"
check "tpk: the form of a pregnancy asks LiLA and the 4T" "grep -q 'name=\"lila\"' \"$W/body\" && grep -q 'name=\"t_dekat\"' \"$W/body\""
expect "tpk: another team's page" 403 "$(get tpk "/tpk/$OTHER")"
expect "tpk: own team's page" 200 "$(get tpk "/tpk/$TID")"
expect "tpk: the team list is for managers" 403 "$(get tpk /tpk)"

V="{\"individu_id\":$MINE,\"jenis\":\"bumil\",\"tanggal\":\"2026-11-20\",\"usia_kehamilan\":24,\"lila\":22.9,\"hb\":10.5,\"anc\":3,\"ttd\":20,\"mt\":true,\"t_dekat\":true,\"konseling\":\"Gizi ibu hamil\",\"rujukan_ke\":\"Puskesmas\",\"alasan_rujukan\":\"KEK dan anemia\",\"jkn\":\"difasilitasi\",\"uuid\":\"0f0e0d0c-1111-2222-3333-444455556666\"}"
expect "visit saved" 201 "$(post_json tpk /api/v1/kunjungan-tpk "$V")"
ID=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$W/body")
check "visit: KEK (22.9 < 23.5) and anaemia (10.5 < 11) found, referral pending" "[ \"$(q "SELECT berisiko, layanan, status_rujukan, json_extract(data, '\$.kek'), json_extract(data, '\$.anemia'), kunjungan_berikut, tpk_id, dibuat_oleh FROM tpk_kunjungan WHERE id = $ID")\" = \"1|1|menunggu|1|1|2026-12-20|$TID|$TPKU\" ]"
check "visit: made by the member's record" "[ \"$(q "SELECT a.pengguna_id FROM tpk_kunjungan k JOIN tpk_anggota a ON a.id = k.anggota_id WHERE k.id = $ID")\" = $TPKU ]"
check "visit: audited" "[ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'tpk_kunjungan' AND baris = '$ID' AND pengguna_id = $TPKU AND aksi = 'tambah'") = 1 ]"
expect "the same uuid again (a replay of the queue)" 200 "$(post_json tpk /api/v1/kunjungan-tpk "$V")"
check "replay: answered as a duplicate of the same visit" "grep -q '\"duplikat\":true' \"$W/body\" && grep -q \"\\\"id\\\":$ID,\" \"$W/body\""
check "replay: stored once" "[ $(q "SELECT count(*) FROM tpk_kunjungan WHERE uuid_klien = '0f0e0d0c-1111-2222-3333-444455556666'") = 1 ]"

n=$(visits)
expect "another team's target" 403 "$(post_json tpk /api/v1/kunjungan-tpk "{\"individu_id\":$THEIRS,\"jenis\":\"bumil\",\"tanggal\":\"2026-11-20\",\"usia_kehamilan\":20}")"
expect "a target not assigned as that kind" 404 "$(post_json tpk /api/v1/kunjungan-tpk "{\"individu_id\":$MINE,\"jenis\":\"catin\",\"tanggal\":\"2026-11-20\",\"skrining\":\"belum\"}")"
expect "invalid values" 422 "$(post_json tpk /api/v1/kunjungan-tpk "{\"individu_id\":$MINE,\"jenis\":\"bumil\",\"tanggal\":\"2026-11-30\",\"lila\":99,\"rujukan_ke\":\"RSUD\"}")"
for k in tanggal usia_kehamilan lila alasan_rujukan; do
  check "invalid: field $k named" "grep -q '\"kolom\":\"$k\"' \"$W/body\""
done
expect "next visit more than 3 months on" 422 "$(post_json tpk /api/v1/kunjungan-tpk "{\"individu_id\":$MINE,\"jenis\":\"bumil\",\"tanggal\":\"2026-11-20\",\"usia_kehamilan\":20,\"kunjungan_berikut\":\"2027-03-01\"}")"
expect "a bad uuid" 400 "$(post_json tpk /api/v1/kunjungan-tpk "{\"individu_id\":$MINE,\"jenis\":\"bumil\",\"tanggal\":\"2026-11-20\",\"usia_kehamilan\":20,\"uuid\":\"<x>\"}")"
check "refused visits stored nothing" "[ $(visits) = $n ]"

# the referral's outcome, later
tok=$(cat "$W/tpk.csrf")
got=$(curl -s -b "$W/tpk.jar" -o "$W/body" -w '%{http_code}' -d "csrf=$tok&status=selesai&hasil=Diberi+PMT+dan+TTD" "$B/tpk/rujukan/$ID")
expect "referral outcome recorded" 303 "$got"
check "referral: selesai with its result" "[ \"$(q "SELECT status_rujukan, hasil_rujukan, tgl_hasil_rujukan FROM tpk_kunjungan WHERE id = $ID")\" = 'selesai|Diberi PMT dan TTD|2026-11-25' ]"

# without JavaScript: the bidan desa posts the form; refused, it comes back filled
login bidan.desa
tok=$(cat "$W/bidan.desa.csrf")
got=$(curl -s -b "$W/bidan.desa.jar" -o "$W/body" -w '%{http_code}' --data-urlencode "csrf=$tok" \
  -d "individu_id=$MINE&jenis=bumil&tanggal=2026-11-21&usia_kehamilan=30&lila=4&konseling=Tanda+bahaya+kehamilan" "$B/tpk/kunjungan")
expect "form: refused" 422 "$got"
check "form: what was typed comes back" "grep -q 'value=\"Tanda bahaya kehamilan\"' \"$W/body\" && grep -q 'name=\"lila\" value=\"4\"' \"$W/body\""
check "form: the error next to the field" "grep -q 'name=\"lila\" value=\"4\" step=\"any\" inputmode=\"decimal\" aria-invalid=\"true\"> <span class=\"galat\">LiLA 15-45 cm.' \"$W/body\""
got=$(curl -s -b "$W/bidan.desa.jar" -o "$W/body" -w '%{http_code}' --data-urlencode "csrf=$tok" \
  -d "individu_id=$MINE&jenis=bumil&tanggal=2026-11-21&usia_kehamilan=30&lila=24&hb=12" "$B/tpk/kunjungan")
expect "form: saved" 303 "$got"
check "form: stored, no risk" "[ \"$(q "SELECT berisiko, dibuat_oleh = (SELECT id FROM pengguna WHERE username = 'bidan.desa') FROM tpk_kunjungan WHERE tanggal = '2026-11-21' AND individu_id = $MINE")\" = '0|1' ]"
expect "desa: the desa's day" 200 "$(get bidan.desa /tpk/hari)"
check "desa: sees its desa's targets" "grep -qF \"$MINE_NAME\" \"$W/body\""

# the reports as pages and files, for the desa and the kecamatan
expect "desa: 3 standar 4 PASTI page" 200 "$(get bidan.desa "/laporan/3standar4pasti?wilayah=$DESA&bulan=2026-11")"
check "desa: the page shows the checklist items" "grep -q 'Pasti didampingi' \"$W/body\" && grep -q 'Baduta diukur setiap bulan' \"$W/body\""
expect "desa: TPK report as CSV" 200 "$(get bidan.desa "/unduh/tpk.csv?wilayah=$DESA&bulan=2026-11")"
check "desa: the CSV has its team only" "[ \$(grep -c '^TPK ' \"$W/body\") -ge 1 ] && [ \$(wc -l < \"$W/body\") -le 4 ]"
expect "desa: another kabupaten's report" 403 "$(get bidan.desa "/laporan/tpk?wilayah=35.98&bulan=2026-11")"

# kader: no TPK page, no visit
login kader
expect "kader: the day" 403 "$(get kader /tpk/hari)"
expect "kader: a visit" 403 "$(post_json kader /api/v1/kunjungan-tpk "$V")"
expect "kader: teams" 403 "$(get kader /tpk)"

# tpps_kec: manages the teams of the kecamatan, records no visit
login tpps.kec
expect "tpps_kec: team list" 200 "$(get tpps.kec /tpk)"
check "tpps_kec: lists the team" "grep -q \"href=\\\"/tpk/$TID\\\"\" \"$W/body\""
expect "tpps_kec: the team's page" 200 "$(get tpps.kec "/tpk/$TID")"
check "tpps_kec: targets without names (UU PDP)" "! grep -qF \"$MINE_NAME\" \"$W/body\" && grep -q \"Sasaran #$MINE\" \"$W/body\""
expect "tpps_kec: a visit" 403 "$(post_json tpps.kec /api/v1/kunjungan-tpk "$V")"
tok=$(cat "$W/tpps.kec.csrf")
post() { curl -s -b "$W/tpps.kec.jar" -o "$W/body" -w '%{http_code}' --data-urlencode "csrf=$tok" "$@"; }
expect "tpps_kec: a team outside the area" 422 "$(post -d 'desa=35.98.01.2001&nama=Tim+Luar' "$B/tpk")"
check "outside: said so, the name typed kept" "grep -q 'di luar wilayah kerja' \"$W/body\" && grep -q 'value=\"Tim Luar\"' \"$W/body\""
expect "tpps_kec: a new team" 303 "$(post -d "desa=$DESA&nama=Tim+Dua&no_sk=400/12/2026&tgl_sk=2026-01-05" "$B/tpk")"
NEW=$(q "SELECT id FROM tpk WHERE nama = 'Tim Dua'")
check "new team: SK stored, audited" "[ \"$(q "SELECT no_sk, tgl_sk FROM tpk WHERE id = $NEW")\" = '400/12/2026|2026-01-05' ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'tpk' AND baris = '$NEW'") = 1 ]"
expect "a member linked to an account of another role" 422 "$(post -d "nama=Bu+Kader&peran=kader_pkk&pengguna=kader" "$B/tpk/$NEW/anggota")"
check "member refused: the reason" "grep -q 'berperan tpk atau desa' \"$W/body\""
expect "a member linked to an unknown account" 422 "$(post -d "nama=Bu+X&peran=kader_pkk&pengguna=tidak.ada" "$B/tpk/$NEW/anggota")"
check "member refused: unknown account said" "grep -q 'tidak ditemukan' \"$W/body\""
expect "a member linked to the tpk account" 303 "$(post -d "nama=Bu+TPK&peran=kader_pkk&no_sk=SK-9&pengguna=tpk" "$B/tpk/$NEW/anggota")"
check "member: linked" "[ \"$(q "SELECT peran, no_sk, pengguna_id FROM tpk_anggota WHERE tpk_id = $NEW")\" = \"kader_pkk|SK-9|$TPKU\" ]"
expect "assign a target of team 1 to the new team" 303 "$(post -d "individu_id=$MINE&jenis=bumil" "$B/tpk/$NEW/sasaran")"
check "assigned: moved, audited" "[ $(q "SELECT tpk_id FROM tpk_sasaran WHERE individu_id = $MINE AND jenis = 'bumil'") = $NEW ] && [ $(q "SELECT count(*) FROM audit_log WHERE tabel = 'tpk_sasaran' AND baris = '$MINE/bumil' AND aksi = 'ubah'") = 1 ]"
expect "assign someone of another desa" 422 "$(post -d "individu_id=$THEIRS&jenis=bumil" "$B/tpk/$NEW/sasaran")"
# a TPK member sees by name only the team's targets: the desa's children lists come without names
check "children list for tpk: no names, no NIK" "[ \$(get tpk '/laporan/tidak-diukur?wilayah=$DESA&bulan=2026-11') = 200 ] && ! grep -q '>Nama<\|>NIK<' \"$W/body\""
check "children list for the bidan desa: by name" "[ \$(get bidan.desa '/laporan/tidak-diukur?wilayah=$DESA&bulan=2026-11') = 200 ] && grep -q '>Nama<' \"$W/body\""
check "children list file for tpk: no NIK column" "[ \$(get tpk '/unduh/tidak-diukur.csv?wilayah=$DESA&bulan=2026-11') = 200 ] && ! head -1 \"$W/body\" | grep -q 'NIK'"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
[ "$fail" -eq 0 ] || tail -30 "$W/serve.err" >&2
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
