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
