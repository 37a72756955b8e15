#!/bin/sh
# tests/cli/web_security.sh - login, sessions, CSRF, rate limit, headers,
# escaping, audit trail, offline idempotency, validation of `tumbuh serve`.
. tests/cli-lib.sh
. tests/web-lib.sh

code() { curl -s -o "$W/body" -D "$W/head" -w '%{http_code}' "$@"; }

check "not logged in: page redirects to login" "[ $(code "$B/dasbor") = 303 ] && grep -qi '^location: /masuk' \"$W/head\""
check "not logged in: API says 401" "[ $(code "$B/api/v1/saya") = 401 ]"
# the login form carries a pre-session CSRF token (cookie tumbuh_pra + field csrf)
PRE="$W/pre.jar"
PT=$(pretoken "$PRE")
check "login form has a pre-session token" "[ \${#PT} = 64 ] && grep -q tumbuh_pra \"$PRE\""
# masuk ARGS...: a login POST with the pre-session cookie and token
masuk() { code -b "$PRE" "$@" -d "csrf=$PT" "$B/masuk"; }
check "login without the form's token: 403, no session" "[ $(code -d "pengguna=kader&sandi=$(pw kader)" "$B/masuk") = 403 ] && ! grep -qi '^set-cookie: tumbuh_sesi=[0-9a-f]' \"$W/head\""
check "login with another form's token: 403" "[ $(code -b "$PRE" -d "pengguna=kader&sandi=$(pw kader)&csrf=$(printf '%064d' 0)" "$B/masuk") = 403 ]"
check "login token without its cookie: 403" "[ $(code -d "pengguna=kader&sandi=$(pw kader)&csrf=$PT" "$B/masuk") = 403 ]"
check "wrong password: 401" "[ $(masuk -d 'pengguna=kader&sandi=salah') = 401 ]"
check "unknown user: 401, same message" "[ $(masuk -d 'pengguna=tidakada&sandi=salah') = 401 ] && grep -q 'Nama pengguna atau kata sandi salah' \"$W/body\""
check "failed logins written to the audit log" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM audit_log WHERE aksi = 'masuk' AND sesudah LIKE '%\\\"hasil\\\":\\\"gagal\\\"%\\\"pengguna\\\":\\\"tidakada\\\"%'\") = 1 ]"
check "login: 303 and a session cookie" "[ $(masuk -d "pengguna=kader&sandi=$(pw kader)") = 303 ]"
check "cookie is HttpOnly and SameSite=Strict" "grep -i '^set-cookie: tumbuh_sesi=' \"$W/head\" | grep -q 'HttpOnly; SameSite=Strict'"
check "cookie not Secure over plain http" "! grep -i '^set-cookie' \"$W/head\" | grep -q Secure"
masuk -H 'X-Forwarded-Proto: https' -d "pengguna=kader&sandi=$(pw kader)" > /dev/null
check "X-Forwarded-Proto from an untrusted peer: cookie not Secure" "grep -qi '^set-cookie: tumbuh_sesi' \"$W/head\" && ! grep -i '^set-cookie' \"$W/head\" | grep -q '; Secure'"
# after login only a local path: not another site however it is spelt
for evil in '//evil.example' '/%09/evil.example/' '/%0a/evil.example' '/%5Cevil.example' '/%5C%5Cevil.example' 'https://evil.example' '%09//evil.example' '/%2F/evil.example/x' ; do
  check "no open redirect after login: lanjut=$evil" "[ $(masuk -d "pengguna=kader&sandi=$(pw kader)&lanjut=$evil") = 303 ] && grep -qi '^location: /\s*$' \"$W/head\""
done
check "a local lanjut is kept" "[ $(masuk -d "pengguna=kader&sandi=$(pw kader)&lanjut=/posyandu/1%3Fbulan%3D2026-10") = 303 ] && grep -qi '^location: /posyandu/1?bulan=2026-10\s*$' \"$W/head\""
check "stored passwords are argon2id" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM pengguna WHERE hash LIKE '\\\$argon2id\\\$%'\") = 8 ]"
check "login written to the audit log" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM audit_log WHERE aksi = 'masuk' AND sesudah LIKE '%berhasil%'\") -ge 2 ]"

# throttle: after 3 failures of a name from one address the next try waits,
# and the wait grows; the right password works once the wait is over
for i in 1 2 3; do masuk -d 'pengguna=tpk&sandi=salah' > /dev/null; done
check "after 3 failures: 429, wait said, Retry-After" "[ $(masuk -d "pengguna=tpk&sandi=$(pw tpk)") = 429 ] && grep -q 'Coba lagi dalam 1 detik' \"$W/body\" && grep -qi '^retry-after: 1' \"$W/head\""
sleep 1.2
check "after the wait: a 4th failure doubles the wait" "[ $(masuk -d 'pengguna=tpk&sandi=salah') = 401 ] && [ $(masuk -d "pengguna=tpk&sandi=$(pw tpk)") = 429 ] && grep -qi '^retry-after: 2' \"$W/head\""
check "the delay written to the audit log" "[ \$(sqlite3 \"$DB\" \"SELECT count(*) FROM audit_log WHERE aksi = 'masuk' AND sesudah LIKE '%\\\"tunda\\\"%\\\"pengguna\\\":\\\"tpk\\\"%'\") -ge 2 ]"
sleep 2.2
check "after the wait the right password works" "[ $(masuk -d "pengguna=tpk&sandi=$(pw tpk)") = 303 ]"

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
check "posyandu day: last month's date dd/mm/yyyy" "grep -qE 'Bulan lalu: [0-3][0-9]/[01][0-9]/20[0-9]{2} ·' \"$W/body\" && ! grep -qE 'Bulan lalu: 20[0-9]{2}-' \"$W/body\""
check "SQL in a parameter is only data" "[ $(get kader "/dasbor?wilayah=35.99%27%20OR%201=1--") = 400 ]"
# child page: growth charts drawn as SVG, card printable
get kader "/anak/$CIN" > /dev/null
TL=$(sqlite3 "$DB" "SELECT strftime('%d/%m/%Y', tgl_lahir) FROM individu WHERE id = $CIN")
check "child page: dates dd/mm/yyyy ($TL)" "grep -q '<dt>Tanggal lahir</dt><dd>$TL</dd>' \"$W/body\" && grep -qE '<tr><td>[0-3][0-9]/[01][0-9]/20[0-9]{2}</td>' \"$W/body\""
check "child page has 3 growth charts" "[ \$(grep -o '<svg' \"$W/body\" | wc -l) -ge 3 ]"
# the family: every other member of the child's KK, by name; none for a child without a KK
FAM=$(sqlite3 "$DB" "SELECT count(*) FROM individu m JOIN individu c ON c.keluarga_id = m.keluarga_id AND m.id <> c.id WHERE c.id = $CIN")
SIB=$(sqlite3 "$DB" "SELECT m.nama FROM individu m JOIN individu c ON c.keluarga_id = m.keluarga_id AND m.id <> c.id WHERE c.id = $CIN ORDER BY m.tgl_lahir DESC LIMIT 1")
check "child page lists the family's $FAM other members" "[ $FAM -ge 1 ] && [ \$(tr -d '\n' < \"$W/body\" | grep -o '<h2>Anggota keluarga</h2><ul>.*' | sed 's|</ul>.*||' | grep -o '<li>' | wc -l) -eq $FAM ] && grep -qF \"$SIB\" \"$W/body\""
get kader "/anak/$NEW" > /dev/null
check "child without a family: said so" "grep -q 'Belum ada anggota keluarga tercatat' \"$W/body\""
get kader "/anak/$CIN" > /dev/null
check "chart as a picture" "[ $(get kader "/anak/$CIN/grafik/bbu.svg") = 200 ] && head -c 4 \"$W/body\" | grep -q '<svg'"
check "card with advice" "[ $(get kader "/anak/$CIN/kartu") = 200 ] && grep -q 'Yang perlu Ayah dan Bunda lakukan' \"$W/body\""
# the parents' card speaks words (the category named, the figure only in small
# print), writes dates as 16 November 2026 and gives the next posyandu day
# from the posyandu's usual day (this month's if not past, else next month's)
KID=$(sqlite3 "$DB" "SELECT anak_id FROM pengukuran p WHERE posyandu_id = 1 AND kat_tbu IN ('P', 'SP') AND kat_bbu <> '' AND tanggal = (SELECT max(tanggal) FROM pengukuran q WHERE q.anak_id = p.anak_id) LIMIT 1")
get kader "/anak/$KID/kartu" > /dev/null
tr -d '\n' < "$W/body" | sed -n 's/.*<article class="kartu">\(.*\)<\/article>.*/\1/p' | sed 's/<svg[^§]*<\/svg>//g' > "$W/kartu.txt"
check "card of a short child: results in words, sent to the puskesmas" "grep -qE '<strong>(Berat badan (normal|kurang|sangat kurang)|Risiko berat badan lebih)</strong>' \"$W/kartu.txt\" && grep -q 'Bawa anak ke puskesmas' \"$W/kartu.txt\" && grep -qE '<strong>(Sangat pendek|Pendek)</strong> <small>\\((PB|TB)/U -?[0-9]+,[0-9]{2} SD\\)</small>' \"$W/kartu.txt\""
check "card: no ISO date, dates in words" "! grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2}' \"$W/kartu.txt\" && grep -qE 'lahir [0-9]{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20[0-9]{2}' \"$W/kartu.txt\""
HB=$(sqlite3 "$DB" "SELECT p.hari_buka FROM anak a JOIN posyandu p ON p.id = a.posyandu_id WHERE a.individu_id = $KID")
next_day() { # FIRST-OF-MONTH: the posyandu day of that month (the 31st: its last day)
  last=$(date -d "$1 +1 month -1 day" +%d); d=$HB; [ "$d" -gt "${last#0}" ] && d=${last#0}
  date -d "$(date -d "$1" +%Y-%m)-$(printf %02d "$d")" +%F
}
NX=$(next_day "$(date +%Y-%m-01)")
[ "$NX" \< "$(date +%F)" ] && NX=$(next_day "$(date -d "$(date +%Y-%m-01) +1 month" +%F)")
BLN=$(echo Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember | cut -d' ' -f"$(date -d "$NX" +%-m)")
NXT="$(date -d "$NX" +%-d) $BLN $(date -d "$NX" +%Y)"
check "card: next posyandu day $NXT (usual day $HB)" "[ -n \"$HB\" ] && grep -q \"Posyandu berikutnya:</strong> [A-Za-z]*, $NXT di \" \"$W/kartu.txt\""
# downloads
login tpps.kab
check "XLSX download is a zip" "[ $(get tpps.kab "/unduh/skdn.xlsx?wilayah=35.99&bulan=2026-10") = 200 ] && head -c 2 \"$W/body\" | grep -q PK"
check "PDF publication" "[ $(get tpps.kab "/unduh/publikasi.pdf?wilayah=35.99.01.2001&bulan=2026-10") = 200 ] && head -c 5 \"$W/body\" | grep -q '%PDF'"
# the web CSV is for Excel set to Indonesian: BOM, ';', headings, decimal comma, CRLF
check "CSV download" "[ $(get tpps.kab "/unduh/prevalensi.csv?wilayah=35.99&bulan=2026-10") = 200 ] && head -c 3 \"$W/body\" | od -An -tx1 | grep -q 'ef bb bf' && head -1 \"$W/body\" | grep -q 'Wilayah;Sasaran (S);' && head -1 \"$W/body\" | od -c | grep -q '\\\\r'"
check "CSV: decimal comma, no thousands separator, no point" "sed -n 2p \"$W/body\" | grep -q ';[0-9][0-9]*,[0-9];' && ! sed -n '2,\$p' \"$W/body\" | grep -q '[0-9]\\.[0-9]'"
# a bad month, area or posyandu in a URL: 400 with a message, never a 500
for u in "/dasbor?bulan=2abc-01" "/dasbor?bulan=1900-01" "/dasbor?bulan=2026-13" "/dasbor?bulan=2026-1" \
  "/dasbor?wilayah=xyz" "/dasbor?wilayah=35.99.01.2001.9" "/laporan/stunting?wilayah=35.99%20x" \
  "/dasbor?posyandu=abc" "/dasbor?posyandu=-1" "/dasbor?posyandu=99999999999999999999" \
  "/unduh/skdn.csv?wilayah=35.99&bulan=x" ; do
  check "bad parameter $u: 400 with a message" "[ $(get tpps.kab "$u") = 400 ] && grep -q 'class=\"galat\"' \"$W/body\""
done
check "API: bad month is 400 JSON" "[ $(get tpps.kab "/api/v1/laporan/skdn?wilayah=35.99&bulan=2026-00") = 400 ] && grep -q '\"galat\":\"Bulan' \"$W/body\""
check "a future month: 400, not come yet" "[ $(get tpps.kab "/dasbor?wilayah=35.99&bulan=2999-01") = 400 ] && grep -q 'belum tiba' \"$W/body\""
check "a future month in the API: 400" "[ $(get tpps.kab "/api/v1/laporan/skdn?wilayah=35.99&bulan=2999-01") = 400 ] && grep -q 'belum tiba' \"$W/body\""
check "a future posyandu day: 400" "[ $(get kader "/posyandu/1?bulan=2999-01") = 400 ] && grep -q 'belum tiba' \"$W/body\""
check "an unknown area is still 404" "[ $(get tpps.kab "/dasbor?wilayah=35.99.77") = 404 ]"
# CSV downloads: a text cell that a spreadsheet would run as a formula gets a
# leading quote; negative numbers in number columns stay numbers
curl -s -b "$W/kader.jar" -o /dev/null -d "nama=%3DBudi%2B2&jk=1&tgl_lahir=2025-06-06&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1/anak-baru"
curl -s -b "$W/kader.jar" -o /dev/null -d "nama=%40SUM(A1)&jk=2&tgl_lahir=2025-06-07&csrf=$(cat "$W/kader.csrf")" "$B/posyandu/1/anak-baru"
get kader "/unduh/tidak-diukur.csv?posyandu=1&bulan=2026-11" > /dev/null
check "CSV: =formula and @formula names quoted" "grep -q \"'=Budi+2\" \"$W/body\" && grep -q \"'@SUM(A1)\" \"$W/body\" && ! grep -q '^=\\|;=B' \"$W/body\""
get tpps.kab "/unduh/stunting.csv?wilayah=35.99&bulan=2026-10" > /dev/null
check "CSV: negative z-scores stay numbers" "grep -q ';-[0-9][0-9]*,[0-9][0-9];' \"$W/body\" && ! grep -q \";'-[0-9]\" \"$W/body\""
get kader "/unduh/stunting.csv?posyandu=1&bulan=2026-10" > /dev/null
check "CSV: NIK kept as text (a leading tab), dates dd/mm/yyyy" "grep -qP ';\\t35[0-9]{14};' \"$W/body\" && grep -qP ';[0-3][0-9]/[01][0-9]/2026;' \"$W/body\" && ! grep -qP ';35[0-9]{14};' \"$W/body\""
check "OpenAPI description served" "[ $(curl -s -o "$W/body" -w '%{http_code}' "$B/api/v1/openapi.json") = 200 ] && grep -q '\"openapi\"' \"$W/body\""
# logout ends the session
curl -s -b "$W/kader.jar" -o /dev/null -d "csrf=$(cat "$W/kader.csrf")" "$B/keluar"
check "after logout the session is gone" "[ $(get kader /api/v1/saya) = 401 ]"
check "server log has no sanitizer report" "! grep -q 'Sanitizer' \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
