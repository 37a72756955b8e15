# bench/lib.sh - shared by the benchmark scripts (sourced, not run).
# best CMD...: runs CMD 3 times (output discarded) and prints the best wall
# time and the peak memory (max RSS) as "S s, max RSS M MB".
best() {
  b=999; m=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %M' -o "$D/time.txt" "$@" > /dev/null 2>"$D/stderr.txt" || { cat "$D/stderr.txt"; exit 1; }
    t=$(cut -d' ' -f1 "$D/time.txt"); m=$(cut -d' ' -f2 "$D/time.txt")
    b=$(echo "$t $b" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$b s, max RSS $((m / 1024)) MB"
}
# migrate DB: brings a database kept from an earlier run to this program's
# schema (any writable command migrates; `user list` changes nothing else)
migrate() {
  build/tumbuh --db "$1" user list > /dev/null
}
# serve DB: starts `tumbuh serve` on DB (port $PORT, else one from the pid)
# and waits until it answers; sets B (its base URL) and S (its pid), and
# stops it when the script exits
serve() {
  PORT=${PORT:-$((30000 + $$ % 20000))}
  B="http://127.0.0.1:$PORT"
  build/tumbuh --db "$1" serve --listen 127.0.0.1:$PORT > /dev/null 2>&1 &
  S=$!
  trap 'kill $S 2>/dev/null' EXIT
  for i in $(seq 1 100); do curl -s -o /dev/null "$B/masuk" && break; sleep 0.1; done
}
# masuk JAR USER USERS: logs USER in on $B into the cookie jar JAR, the
# password from USERS (the demo's list: user password per line)
masuk() {
  rm -f "$1"
  t=$(curl -s -b "$1" -c "$1" "$B/masuk" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
  pw=$(awk -v u="$2" '$1 == u {print $2}' "$3")
  curl -s -b "$1" -c "$1" -o /dev/null --data-urlencode "pengguna=$2" --data-urlencode "sandi=$pw" \
    -d "csrf=$t" "$B/masuk"
}
# ms CMD...: best of 5 warm runs (after one first run): wall time and CPU
# time (user + sys), in ms
ms() {
  "$@" > /dev/null
  for i in 1 2 3 4 5; do
    /usr/bin/time -f '%e %U %S' -o $D/time.txt "$@" > /dev/null
    cat $D/time.txt
  done | awk 'NR == 1 || $1 < w {w = $1} NR == 1 || $2 + $3 < c {c = $2 + $3}
    END {printf "%d ms wall, %d ms CPU (best of 5)", w * 1000, c * 1000}'
}
