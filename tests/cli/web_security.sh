#!/bin/sh
# tests/cli/web_security.sh - login, sessions, CSRF, rate limit, headers,
# escaping, audit trail, offline idempotency, validation of `tumbuh serve`.
. tests/cli-lib.sh
. tests/web-lib.sh

code() { curl -s -o "$W/body" -D "$W/head" -w '%{http_code}' "$@"; }

check "not logged in: page redirects to login" "[ $(code "$B/dasbor") = 303 ] && grep -qi '^location: /masuk' \"$W/head\""
check "not logged in: API says 401" "[ $(code "$B/api/v1/saya") = 401 ]"
check "wrong password: 401" "[ $(code -d 'pengguna=kader&sandi=salah' "$B/masuk") = 401 ]"
check "unknown user: 401, same message" "[ $(code -d 'pengguna=tidakada&sandi=salah' "$B/masuk") = 401 ] && grep -q 'Nama pengguna atau kata sandi salah' \"$W/body\""
check "login: 303 and a session cookie" "[ $(code -d "pengguna=kader&sandi=$(pw kader)" "$B/masuk") = 303 ]"
check "cookie is HttpOnly and SameSite=Strict" "grep -i '^set-cookie: tumbuh_sesi=' \"$W/head\" | grep -q 'HttpOnly; SameSite=Strict'"
check "cookie not Secure over plain http" "! grep -i '^set-cookie' \"$W/head\" | grep -q Secure"
code -H 'X-Forwarded-Proto: https' -d "pengguna=kader&sandi=$(pw kader)" "$B/masuk" > /dev/null
check "cookie Secure behind TLS" "grep -i '^set-cookie' \"$W/head\" | grep -q '; Secure'"
check "no open redirect after login" "[ $(code -d "pengguna=kader&sandi=$(pw kader)&lanjut=//evil.example" "$B/masuk") = 303 ] && grep -qi '^location: /\s*$' \"$W/head\""
check "stored passwords are argon2id" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM pengguna WHERE hash LIKE '\\\$argon2id\\\$%'\") = 8 ]"
check "login written to the audit log" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM audit_log WHERE aksi = 'masuk'\") -ge 2 ]"

# rate limit: 5 failures for a user, then even the right password is refused
for i in 1 2 3 4 5; do code -d 'pengguna=tpk&sandi=salah' "$B/masuk" > /dev/null; done
check "after 5 failures: 429" "[ $(code -d "pengguna=tpk&sandi=$(pw tpk)" "$B/masuk") = 429 ]"

login kader
check "security headers" "code -b \"$W/kader.jar\" \"$B/posyandu/1\" > /dev/null && grep -qi '^content-security-policy: default-src' \"$W/head\" && grep -qi '^x-content-type-options: nosniff' \"$W/head\" && grep -qi '^x-frame-options: DENY' \"$W/head\" && grep -qi '^cache-control: no-store' \"$W/head\""
# a child not yet measured this month (November): its first save adds a measurement
CIN=$(sqlite3 "$DB" "SELECT individu_id FROM anak a JOIN individu i ON i.id = a.individu_id WHERE posyandu_id = 1 AND i.tgl_lahir > '2022-01-01' AND NOT EXISTS (SELECT 1 FROM pengukuran g WHERE g.anak_id = a.individu_id AND g.tanggal >= '2026-11-01') LIMIT 1")
check "form POST without CSRF token: 403" "[ $(code -b "$W/kader.jar" -d "anak_id=$CIN&tanggal=2026-11-10&bb=10" "$B/posyandu/1") = 403 ]"
check "form POST with a wrong token: 403" "[ $(code -b "$W/kader.jar" -d "anak_id=$CIN&tanggal=2026-11-10&bb=10&csrf=$(printf '%064d' 0)" "$B/posyandu/1") = 403 ]"
check "API POST without the header: 403" "[ $(code -b "$W/kader.jar" -H 'Content-Type: application/json' -d "{\"anak_id\":$CIN}" "$B/api/v1/pengukuran") = 403 ]"
before=$(sqlite3 "$DB" "SELECT count(*) FROM pengukuran")
check "refused writes stored nothing" "[ $before = \$(sqlite3 \"$DB\" 'SELECT count(*) FROM pengukuran') ]"

# form save with the token: result page with advice; audit before/after
check "form save: 200 with result" "[ $(code -b "$W/kader.jar" -d "anak_id=$CIN&tanggal=2026-11-10&bb=10.2&tb=81&cara_ukur=h&yakin=1&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1") = 200 ] && grep -q 'Tersimpan' \"$W/body\" && grep -q 'BB/U' \"$W/body\""
check "z-scores computed on save" "[ -n \"\$(sqlite3 \"$DB\" \"SELECT z_bbu FROM pengukuran WHERE anak_id = $CIN AND tanggal = '2026-11-10'\")\" ]"
check "audit: insert by the cadre" "[ \"\$(sqlite3 \"$DB\" \"SELECT a.aksi || ' ' || p.username FROM audit_log a JOIN pengguna p ON p.id = a.pengguna_id WHERE a.tabel = 'pengukuran' AND a.baris = '$CIN/2026-11-10'\")\" = 'tambah kader' ]"
code -b "$W/kader.jar" -d "anak_id=$CIN&tanggal=2026-11-10&bb=10.4&tb=81&cara_ukur=h&yakin=1&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1" > /dev/null
check "audit: change with before and after" "sqlite3 \"$DB\" \"SELECT sebelum || ' -> ' || sesudah FROM audit_log WHERE aksi = 'ubah' AND baris = '$CIN/2026-11-10'\" | grep -q '\"bb\":10.2.* -> .*\"bb\":10.4'"

# offline queue: the same uuid twice is stored once
J="{\"uuid\":\"11111111-2222-3333-4444-555555555555\",\"anak_id\":$CIN,\"tanggal\":\"2026-11-12\",\"bb\":10.3,\"tb\":81.2,\"yakin\":1}"
# (the child was measured this month already: the entry corrects that measurement)
check "offline entry: stored" "[ $(post_json kader /api/v1/pengukuran "$J") = 200 ] && grep -q '\"bb\":10.3' \"$W/body\""
check "sent again: 200, duplikat" "[ $(post_json kader /api/v1/pengukuran "$J") = 200 ] && grep -q '\"duplikat\":true' \"$W/body\""
check "stored once" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM pengukuran WHERE uuid_klien = '11111111-2222-3333-4444-555555555555'\") = 1 ]"
# plausibility and validation
check "weight jump: 409 asks to confirm" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$CIN,\"tanggal\":\"2026-11-13\",\"bb\":19}") = 409 ] && grep -q 'perlu_konfirmasi\":true' \"$W/body\""
check "future date: 422" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$CIN,\"tanggal\":\"2999-01-01\",\"bb\":10}") = 422 ]"
check "30 February: 422 (not the 2nd of March)" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$CIN,\"tanggal\":\"2026-02-30\",\"bb\":10,\"yakin\":1}") = 422 ]"
check "a date with trailing characters: 422" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$CIN,\"tanggal\":\"2026-10-05abc\",\"bb\":10,\"yakin\":1}") = 422 ]"
check "text as weight: 422" "[ $(post_json kader /api/v1/pengukuran "{\"anak_id\":$CIN,\"tanggal\":\"2026-11-14\",\"bb\":\"sepuluh\"}") = 422 ]"
check "bad JSON: 400 with line and column" "[ $(post_json kader /api/v1/pengukuran '{\"anak_id\": 1,') = 400 ] && grep -q 'baris 1, kolom' \"$W/body\""
# an underweight child (its last measurement z < -2) measured again with the same values
ADV=$(sqlite3 -separator ' ' "$DB" "SELECT g.anak_id, g.bb, g.tb FROM pengukuran g JOIN anak a ON a.individu_id = g.anak_id WHERE a.posyandu_id = 1 AND g.tanggal = (SELECT max(tanggal) FROM pengukuran h WHERE h.anak_id = g.anak_id) AND g.z_bbu < -2 AND g.f_bbu = 0 AND g.tb IS NOT NULL LIMIT 1")
set -- $ADV
check "advice: refer when BGM/2T/z < -2" "post_json kader /api/v1/pengukuran \"{\\\"anak_id\\\":$1,\\\"tanggal\\\":\\\"2026-11-15\\\",\\\"bb\\\":$2,\\\"tb\\\":$3}\" > /dev/null && grep -q '\"rujuk\":true' \"$W/body\" && grep -q 'rujuk ke puskesmas' \"$W/body\""

# escaping: a name with markup is shown as text
curl -s -b "$W/kader.jar" -o /dev/null -D "$W/head" -d "nama=%3Cscript%3Ealert(1)%3C%2Fscript%3E&jk=1&tgl_lahir=2025-05-05&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1/anak-baru"
NEW=$(sqlite3 "$DB" "SELECT id FROM individu WHERE nama LIKE '<script>%'")
check "child registered, audited" "[ -n \"$NEW\" ] && [ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM audit_log WHERE tabel = 'anak' AND baris = '$NEW'\") = 1 ]"
get kader "/anak/$NEW" > /dev/null
check "markup escaped on the child page" "grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' \"$W/body\" && ! grep -q '<script>alert' \"$W/body\""
get kader "/posyandu/1?bulan=2026-11" > /dev/null
check "markup escaped in the posyandu list" "grep -q '&lt;script&gt;' \"$W/body\" && ! grep -q '<script>alert' \"$W/body\""
check "SQL in a parameter is only data" "[ $(get kader "/dasbor?wilayah=35.99%27%20OR%201=1--") = 404 ]"
# child page: growth charts drawn as SVG, card printable
get kader "/anak/$CIN" > /dev/null
check "child page has 3 growth charts" "[ \$(grep -o '<svg' \"$W/body\" | wc -l) -ge 3 ]"
# the family: every other member of the child's KK, by name; none for a child without a KK
FAM=$(sqlite3 "$DB" "SELECT count(*) FROM individu m JOIN individu c ON c.keluarga_id = m.keluarga_id AND m.id <> c.id WHERE c.id = $CIN")
SIB=$(sqlite3 "$DB" "SELECT m.nama FROM individu m JOIN individu c ON c.keluarga_id = m.keluarga_id AND m.id <> c.id WHERE c.id = $CIN ORDER BY m.tgl_lahir DESC LIMIT 1")
check "child page lists the family's $FAM other members" "[ $FAM -ge 1 ] && [ \$(tr -d '\n' < \"$W/body\" | grep -o '<h2>Anggota keluarga</h2><ul>.*' | sed 's|</ul>.*||' | grep -o '<li>' | wc -l) -eq $FAM ] && grep -qF \"$SIB\" \"$W/body\""
get kader "/anak/$NEW" > /dev/null
check "child without a family: said so" "grep -q 'Belum ada anggota keluarga tercatat' \"$W/body\""
get kader "/anak/$CIN" > /dev/null
check "chart as a picture" "[ $(get kader "/anak/$CIN/grafik/bbu.svg") = 200 ] && head -c 4 \"$W/body\" | grep -q '<svg'"
check "card with advice" "[ $(get kader "/anak/$CIN/kartu") = 200 ] && grep -q 'Saran untuk Ayah dan Bunda' \"$W/body\""
# downloads
login tpps.kab
check "XLSX download is a zip" "[ $(get tpps.kab "/unduh/skdn.xlsx?wilayah=35.99&bulan=2026-10") = 200 ] && head -c 2 \"$W/body\" | grep -q PK"
check "PDF publication" "[ $(get tpps.kab "/unduh/publikasi.pdf?wilayah=35.99.01.2001&bulan=2026-10") = 200 ] && head -c 5 \"$W/body\" | grep -q '%PDF'"
check "CSV download" "[ $(get tpps.kab "/unduh/prevalensi.csv?wilayah=35.99&bulan=2026-10") = 200 ] && head -1 \"$W/body\" | grep -q '^wilayah,S'"
check "OpenAPI description served" "[ $(curl -s -o "$W/body" -w '%{http_code}' "$B/api/v1/openapi.json") = 200 ] && grep -q '\"openapi\"' \"$W/body\""
# logout ends the session
curl -s -b "$W/kader.jar" -o /dev/null -d "csrf=$(cat "$W/kader.csrf")" "$B/keluar"
check "after logout the session is gone" "[ $(get kader /api/v1/saya) = 401 ]"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
