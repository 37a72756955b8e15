#!/bin/sh
# tests/cli/web_antrian.sh - the key of each user's offline queue: GET
# /api/v1/saya gives the logged-in user its own key (base64 of 32 bytes),
# the same one at every login, never another user's, not cached.
. tests/cli-lib.sh
. tests/web-lib.sh

key() { get "$1" /api/v1/saya > /dev/null; sed -n 's/.*"kunci_antrian":"\([A-Za-z0-9+/=]*\)".*/\1/p' "$W/body"; }
login kader
K1=$(key kader)
check "saya gives a queue key of 32 bytes" "[ \$(printf '%s' '$K1' | base64 -d 2>/dev/null | wc -c) = 32 ]"
check "the answer is not cached" "curl -s -D - -o /dev/null -b '$W/kader.jar' '$B/api/v1/saya' | grep -qi '^cache-control: no-store'"
login kader
check "same key after logging in again" "[ -n '$K1' ] && [ '$(key kader)' = '$K1' ]"
login bidan.desa
K2=$(key bidan.desa)
check "another user gets another key" "[ -n '$K2' ] && [ '$K2' != '$K1' ]"
check "no key without a session" "[ \$(curl -s -o /dev/null -w '%{http_code}' '$B/api/v1/saya') = 401 ]"
check "one key per user stored" "[ \$(sqlite3 '$DB' 'SELECT count(*) FROM antrian_kunci') = 2 ]"
check "server log has no sanitizer report" "! grep -q Sanitizer \"$W/serve.err\""
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
