# tests/web-lib.sh - sourced by the web tests: starts `tumbuh serve` on a
# small demo database with a second kabupaten (35.98) outside every user's
# area, logs users in with curl, stops the server on exit.
# $SERVE_ARGS: extra `tumbuh serve` options; restart_server [ARGS] starts it
# again on the same database (sessions must survive that).
export TUMBUH_FAST_HASH=1
PORT=${PORT:-$((20000 + $$ % 20000))}
B="http://127.0.0.1:$PORT"
DB="$W/web.db"
$T --db "$DB" demo --size small --seed 3 --until 2026-11 > "$W/users.txt" 2>&1
sqlite3 "$DB" "INSERT INTO wilayah VALUES ('35.98', 2, '35', 'KABUPATEN LAIN', 0, NULL);
  INSERT INTO wilayah VALUES ('35.98.01', 3, '35.98', 'KECAMATAN LAIN', 0, NULL);
  INSERT INTO wilayah VALUES ('35.98.01.2001', 4, '35.98.01', 'DESA LAIN', 0, NULL);
  INSERT INTO posyandu (id, nama, desa) VALUES (900, 'Posyandu Luar', '35.98.01.2001');
  INSERT INTO individu (id, nik, nama, nama_kunci, jk, tgl_lahir, desa, peran)
    VALUES (90000, '3598014101250001', 'Anak Luar Wilayah', 'anak luar wilayah', 2, '2025-01-01', '35.98.01.2001', 'anak');
  INSERT INTO anak (individu_id, posyandu_id) VALUES (90000, 900);"
start_server() {
  # shellcheck disable=SC2086
  $T --db "$DB" serve --listen "127.0.0.1:$PORT" $SERVE_ARGS "$@" >> "$W/serve.out" 2>> "$W/serve.err" &
  SERVER=$!
  for i in $(seq 1 300); do curl -s -o /dev/null "$B/masuk" && break; sleep 0.1; done
}
restart_server() {
  kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null
  start_server "$@"
}
start_server
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$W"' EXIT
pw() { awk -v u="$1" '$1 == u {print $2}' "$W/users.txt"; }
# pretoken JAR: opens the login form with cookie jar JAR (pre-session
# cookie kept there) and prints the form's CSRF token
pretoken() {
  curl -s -b "$1" -c "$1" "$B/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p'
}
# login USER [PASSWORD]: logs in, keeps the cookie in $W/USER.jar and the CSRF token in $W/USER.csrf
login() {
  rm -f "$W/$1.jar"
  t=$(pretoken "$W/$1.jar")
  curl -s -b "$W/$1.jar" -c "$W/$1.jar" -o /dev/null \
    --data-urlencode "pengguna=$1" --data-urlencode "sandi=${2:-$(pw "$1")}" -d "csrf=$t" "$B/masuk"
  curl -s -b "$W/$1.jar" "$B/api/v1/saya" | sed 's/.*"csrf":"\([0-9a-f]*\)".*/\1/' > "$W/$1.csrf"
}
# get USER PATH: prints the HTTP status, body in $W/body
get() { curl -s -b "$W/$1.jar" -o "$W/body" -w '%{http_code}' "$B$2"; }
# post_json USER PATH JSON
post_json() {
  curl -s -b "$W/$1.jar" -o "$W/body" -w '%{http_code}' -H "X-CSRF-Token: $(cat "$W/$1.csrf")" \
    -H 'Content-Type: application/json' -d "$3" "$B$2"
}
